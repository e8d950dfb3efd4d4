/* ui-feeds.c: the reader's feed list: "all unread" and "starred" lines, then
 * every feed with its unread and total counts, grouped by tag, failing feeds
 * marked; the first-start screen of an empty store; adding a feed by URL and
 * importing a list. Not the items of a feed: ui-items.c shows those. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "feedlist.h"
#include "plural.h"
#include "sanitize.h"
#include "store.h"
#include "ui-internal.h"
#include "url.h"
#include "width.h"
#include "xmalloc.h"

/* A list of feeds larger than this is not a list of feeds. */
#define IMPORT_MAX_BYTES (16 * 1024 * 1024)

enum row_kind {
	ROW_ALL_UNREAD,
	ROW_STARRED,
	ROW_TAG,
	ROW_FEED,
};

struct feed_row {
	enum row_kind	 kind;
	int64_t		 feed_id;
	char		*name;		/* sanitized, for the screen */
	char		*tag;		/* as stored: ROW_TAG's, or a ROW_FEED's group */
	char		*error;		/* sanitized last error, or NULL */
	int64_t		 unread, total;
	bool		 disabled;
	int		 depth;
};

struct feeds {
	struct feed_row	*rows;
	size_t		 n_rows;
	int64_t		 n_feeds;
	int64_t		 unread;
	int		 counts_width;
};

/* One feed as store_each_feed hands it, copied. */
struct collected {
	int64_t		 id;
	char		*name;
	char		**tags;
	size_t		 n_tags;
	char		*error;
	int64_t		 unread, total;
	bool		 disabled;
};

struct collection {
	struct collected *feeds;
	size_t		 n, cap;
};

static char *
sanitized(const char *s)
{
	struct buf b = BUF_INIT;

	sanitize_line(&b, s != NULL ? s : "");
	return buf_detach(&b);
}

static int
collect_feed(void *ctx, const struct store_feed *feed)
{
	struct collection *c = ctx;
	struct collected *f;
	size_t i;

	if (c->n == c->cap) {
		c->cap = c->cap == 0 ? 64 : c->cap * 2;
		c->feeds = xreallocarray(c->feeds, c->cap, sizeof(*c->feeds));
	}
	f = &c->feeds[c->n++];
	memset(f, 0, sizeof(*f));
	f->id = feed->id;
	f->name = sanitized(store_feed_name(feed));
	f->tags = xreallocarray(NULL, feed->n_tags + 1, sizeof(*f->tags));
	for (i = 0; i < feed->n_tags; i++)
		f->tags[i] = xstrdup(feed->tags[i]);
	f->n_tags = feed->n_tags;
	f->error = feed->last_error != NULL ? sanitized(feed->last_error) : NULL;
	f->unread = feed->unread;
	f->total = feed->total;
	f->disabled = feed->disabled;
	return 0;
}

static void
collection_free(struct collection *c)
{
	size_t i, j;

	for (i = 0; i < c->n; i++) {
		free(c->feeds[i].name);
		for (j = 0; j < c->feeds[i].n_tags; j++)
			free(c->feeds[i].tags[j]);
		free(c->feeds[i].tags);
		free(c->feeds[i].error);
	}
	free(c->feeds);
	memset(c, 0, sizeof(*c));
}

static void
rows_free(struct feeds *f)
{
	size_t i;

	for (i = 0; i < f->n_rows; i++) {
		free(f->rows[i].name);
		free(f->rows[i].tag);
		free(f->rows[i].error);
	}
	free(f->rows);
	f->rows = NULL;
	f->n_rows = 0;
}

static struct feed_row *
add_row(struct feeds *f, size_t *cap, enum row_kind kind)
{
	struct feed_row *row;

	if (f->n_rows == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		f->rows = xreallocarray(f->rows, *cap, sizeof(*f->rows));
	}
	row = &f->rows[f->n_rows++];
	memset(row, 0, sizeof(*row));
	row->kind = kind;
	return row;
}

static void
add_feed_row(struct feeds *f, size_t *cap, const struct collected *c, const char *tag, int depth)
{
	struct feed_row *row = add_row(f, cap, ROW_FEED);

	row->feed_id = c->id;
	row->name = xstrdup(c->name);
	row->tag = tag != NULL ? xstrdup(tag) : NULL;
	row->error = c->error != NULL ? xstrdup(c->error) : NULL;
	row->unread = c->unread;
	row->total = c->total;
	row->disabled = c->disabled;
	row->depth = depth;
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The rows in order: the two fixed lines, the feeds without a tag, then each
 * tag (sorted) with its feeds under it; a feed with two tags is under both,
 * as in newsboat's tag view. */
static void
build_rows(struct feeds *f, const struct collection *c, int64_t starred)
{
	const char **tags = NULL;
	size_t cap = 0, n_tags = 0, i, j, k;
	struct feed_row *row;
	char text[64];

	row = add_row(f, &cap, ROW_ALL_UNREAD);
	row->name = xstrdup("All unread");
	row->unread = row->total = f->unread;
	row = add_row(f, &cap, ROW_STARRED);
	row->name = xstrdup("Starred");
	row->unread = row->total = starred;

	for (i = 0; i < c->n; i++) {
		if (c->feeds[i].n_tags == 0)
			add_feed_row(f, &cap, &c->feeds[i], NULL, 0);
		for (j = 0; j < c->feeds[i].n_tags; j++) {
			tags = xreallocarray(tags, n_tags + 1, sizeof(*tags));
			tags[n_tags++] = c->feeds[i].tags[j];
		}
	}
	if (n_tags > 0)
		qsort(tags, n_tags, sizeof(*tags), compare_strings);
	for (i = 0; i < n_tags; i++) {
		size_t header;

		if (i > 0 && strcmp(tags[i], tags[i - 1]) == 0)
			continue;
		/* An index, not a pointer: the array moves as rows are added. */
		header = f->n_rows;
		row = add_row(f, &cap, ROW_TAG);
		row->tag = xstrdup(tags[i]);
		row->name = sanitized(tags[i]);
		for (j = 0; j < c->n; j++) {
			for (k = 0; k < c->feeds[j].n_tags; k++) {
				if (strcmp(c->feeds[j].tags[k], tags[i]) == 0)
					break;
			}
			if (k < c->feeds[j].n_tags)
				add_feed_row(f, &cap, &c->feeds[j], tags[i], 1);
		}
		for (k = header + 1; k < f->n_rows; k++) {
			f->rows[header].unread += f->rows[k].unread;
			f->rows[header].total += f->rows[k].total;
		}
	}
	free(tags);

	f->counts_width = 1;
	for (i = 0; i < f->n_rows; i++) {
		int w;

		if (f->rows[i].kind == ROW_ALL_UNREAD || f->rows[i].kind == ROW_STARRED)
			snprintf(text, sizeof(text), "%lld", (long long)f->rows[i].unread);
		else
			snprintf(text, sizeof(text), "%lld/%lld", (long long)f->rows[i].unread,
			    (long long)f->rows[i].total);
		w = (int)strlen(text);
		if (w > f->counts_width)
			f->counts_width = w;
	}
}

static bool
same_row(const struct feed_row *a, const struct feed_row *b)
{
	if (a->kind != b->kind || a->feed_id != b->feed_id)
		return false;
	if (a->tag == NULL || b->tag == NULL)
		return a->tag == b->tag;
	return strcmp(a->tag, b->tag) == 0;
}

static void
feeds_load(struct ui *ui, struct view *v)
{
	struct feeds *f = v->data;
	struct collection c = { NULL, 0, 0 };
	struct store_filter filter;
	struct feed_row selected;
	bool keep = false;
	int64_t starred;
	size_t i;

	memset(&selected, 0, sizeof(selected));
	if (v->cursor >= 0 && (size_t)v->cursor < f->n_rows) {
		selected = f->rows[v->cursor];
		selected.tag = selected.tag != NULL ? xstrdup(selected.tag) : NULL;
		keep = true;
	}
	rows_free(f);
	if (store_each_feed(ui->store, collect_feed, &c) < 0)
		ui_error(ui, "%s", store_error(ui->store));
	memset(&filter, 0, sizeof(filter));
	filter.unread_only = true;
	f->unread = store_count_items(ui->store, &filter);
	filter.unread_only = false;
	filter.starred_only = true;
	starred = store_count_items(ui->store, &filter);
	f->n_feeds = (int64_t)c.n;
	if (c.n > 0)
		build_rows(f, &c, starred < 0 ? 0 : starred);
	collection_free(&c);
	v->n_rows = (int64_t)f->n_rows;
	/* The empty store shows the first-start text instead of a cursor. */
	v->pager = f->n_rows == 0;
	if (keep) {
		for (i = 0; i < f->n_rows; i++) {
			if (same_row(&f->rows[i], &selected)) {
				v->cursor = (int64_t)i;
				break;
			}
		}
		free(selected.tag);
	}
}

static void
feeds_title(struct ui *ui, struct view *v, struct buf *out)
{
	struct feeds *f = v->data;

	(void)ui;
	buf_appendf(out, "tidings: %lld %s, %lld unread", (long long)f->n_feeds,
	    plural_noun(f->n_feeds, "feed", "feeds"), (long long)(f->unread < 0 ? 0 : f->unread));
}

static void
feeds_row(struct ui *ui, struct view *v, int64_t index, int width, struct buf *out,
    enum ui_style *style)
{
	struct feeds *f = v->data;
	const struct feed_row *row = &f->rows[index];
	struct buf name = BUF_INIT;
	char counts[64];
	int name_width;

	(void)ui;
	if (row->kind == ROW_ALL_UNREAD || row->kind == ROW_STARRED)
		snprintf(counts, sizeof(counts), "%lld", (long long)row->unread);
	else
		snprintf(counts, sizeof(counts), "%lld/%lld", (long long)row->unread,
		    (long long)row->total);
	/* A mark column: "!" for a feed whose last refresh failed (the status
	 * line says why), "x" for a disabled one. */
	buf_append_str(out, row->error != NULL ? "!" : row->disabled ? "x" : " ");
	buf_append_char(out, ' ');
	buf_appendf(&name, "%*s%s", row->depth * 2, "", row->name);
	name_width = width - 2 - 1 - f->counts_width;
	if (name_width < 1) {
		width_pad(out, buf_str(&name), width - 2);
		buf_free(&name);
		return;
	}
	width_pad(out, buf_str(&name), name_width);
	buf_appendf(out, " %*s", f->counts_width, counts);
	buf_free(&name);

	if (row->kind == ROW_TAG)
		*style = STYLE_TAG;
	else if (row->error != NULL)
		*style = STYLE_ERROR;
	else if (row->unread > 0)
		*style = STYLE_UNREAD;
}

static void
feeds_status(struct ui *ui, struct view *v, struct buf *out)
{
	struct feeds *f = v->data;
	const struct feed_row *row;

	(void)ui;
	if (v->pager || v->cursor < 0 || (size_t)v->cursor >= f->n_rows)
		return;
	row = &f->rows[v->cursor];
	if (row->error != NULL)
		buf_appendf(out, "error: %s", row->error);
	else if (row->disabled)
		buf_append_str(out, "disabled (410 Gone): tidings enable FEED to try again");
}

static void
feeds_empty(struct ui *ui, struct view *v, struct buf *out)
{
	char add[16], import[16], help[16], back[16];

	(void)v;
	ui_key_hint(ui, OP_ADD_FEED, add, sizeof(add));
	ui_key_hint(ui, OP_IMPORT, import, sizeof(import));
	ui_key_hint(ui, OP_HELP, help, sizeof(help));
	ui_key_hint(ui, OP_BACK, back, sizeof(back));
	/* Short lines, most useful first: the screen may be 40 by 10. */
	buf_appendf(out,
	    "  Welcome to tidings: no feeds yet.\n"
	    "  %-3s add a feed: type its URL\n"
	    "  %-3s import an OPML or urls file\n"
	    "  %-3s help, %s to quit\n"
	    "\n"
	    "  From a shell: tidings add URL,\n"
	    "  tidings import FILE\n", add, import, help, back);
}

static void
feeds_reveal(struct ui *ui, struct view *v)
{
	/* Reading changed the counts. */
	feeds_load(ui, v);
}

static void
feeds_free(struct view *v)
{
	struct feeds *f = v->data;

	rows_free(f);
	free(f);
}

static const struct feed_row *
current_row(struct view *v)
{
	struct feeds *f = v->data;

	if (v->pager || v->cursor < 0 || (size_t)v->cursor >= f->n_rows)
		return NULL;
	return &f->rows[v->cursor];
}

static void
source_of(struct ui *ui, const struct feed_row *row, struct items_source *source)
{
	memset(source, 0, sizeof(*source));
	source->unread_only = !ui->show_read;
	source->name = "all feeds";
	if (row == NULL)
		return;
	switch (row->kind) {
	case ROW_ALL_UNREAD:
		source->unread_only = true;
		break;
	case ROW_STARRED:
		source->starred_only = true;
		source->unread_only = false;
		source->name = "starred";
		break;
	case ROW_TAG:
		source->tag = row->tag;
		source->name = row->name;
		break;
	case ROW_FEED:
		source->feed_id = row->feed_id;
		source->name = row->name;
		break;
	}
	/* Unread first: a feed or tag with nothing unread opens on all its
	 * items rather than on an empty list. */
	if (row->kind == ROW_TAG || row->kind == ROW_FEED)
		source->unread_only = !ui->show_read && row->unread > 0;
}

static void
feeds_open(struct ui *ui, struct view *v)
{
	struct items_source source;
	const struct feed_row *row = current_row(v);

	if (row == NULL)
		return;
	source_of(ui, row, &source);
	ui_push(ui, ui_items_new(ui, &source));
}

static void
feeds_filter(struct ui *ui, struct view *v)
{
	struct items_source source;

	(void)v;
	/* A keyword search from the feed list looks in every feed. */
	source_of(ui, NULL, &source);
	ui_push(ui, ui_items_new(ui, &source));
	ui_items_filter_prompt(ui, ui->view, true);
}

/* The ids of the feeds a row stands for, in *ids (owned); the fixed lines
 * stand for every feed. Returns the count. */
static size_t
row_feed_ids(struct ui *ui, const struct feed_row *row, int64_t **ids)
{
	struct feeds *f = ui->view->data;
	size_t i, n = 0;

	*ids = NULL;
	for (i = 0; i < f->n_rows; i++) {
		const struct feed_row *r = &f->rows[i];
		size_t j;

		if (r->kind != ROW_FEED)
			continue;
		if (row->kind == ROW_FEED && r->feed_id != row->feed_id)
			continue;
		if (row->kind == ROW_TAG && (r->tag == NULL || strcmp(r->tag, row->tag) != 0))
			continue;
		for (j = 0; j < n && (*ids)[j] != r->feed_id; j++)
			;
		if (j < n)
			continue;	/* under two tags */
		*ids = xreallocarray(*ids, n + 1, sizeof(**ids));
		(*ids)[n++] = r->feed_id;
	}
	return n;
}

static void
feeds_refresh(struct ui *ui, struct view *v)
{
	const struct feed_row *row = current_row(v);
	int64_t *ids;
	size_t n;

	if (row == NULL)
		return;
	if (row->kind == ROW_ALL_UNREAD || row->kind == ROW_STARRED) {
		ui_refresh_start(ui, NULL, 0, true);
		return;
	}
	n = row_feed_ids(ui, row, &ids);
	if (n > 0)
		ui_refresh_start(ui, ids, n, false);
	free(ids);
}

/* What A marks read, kept for the confirmation. */
static struct feed_row mark_target;

static void
mark_confirmed(struct ui *ui, void *ctx)
{
	const struct feed_row *row = ctx;
	int64_t n;

	switch (row->kind) {
	case ROW_FEED:
		n = store_mark_feed_read(ui->store, row->feed_id, true);
		break;
	case ROW_TAG:
		n = store_mark_tag_read(ui->store, row->tag, true);
		break;
	default:
		n = store_mark_all_read(ui->store, true);
		break;
	}
	free(mark_target.tag);
	mark_target.tag = NULL;
	if (n < 0) {
		ui_error(ui, "%s", store_error(ui->store));
		return;
	}
	ui_message(ui, "marked %lld %s read", (long long)n, plural_noun(n, "item", "items"));
	ui_store_changed(ui);
}

static void
feeds_mark_all_read(struct ui *ui, struct view *v)
{
	const struct feed_row *row = current_row(v);
	char *question;

	if (row == NULL)
		return;
	if (row->kind == ROW_STARRED) {
		ui_message(ui, "open the starred items to mark them read");
		return;
	}
	if (row->unread == 0) {
		ui_message(ui, "nothing unread there");
		return;
	}
	free(mark_target.tag);
	mark_target = *row;
	mark_target.tag = row->tag != NULL ? xstrdup(row->tag) : NULL;
	mark_target.name = NULL;
	mark_target.error = NULL;
	if (row->kind == ROW_ALL_UNREAD)
		question = xasprintf("Mark all %lld unread %s read?", (long long)row->unread,
		    plural_noun(row->unread, "item", "items"));
	else
		question = xasprintf("Mark %lld unread %s of %s read?", (long long)row->unread,
		    plural_noun(row->unread, "item", "items"), row->name);
	ui_confirm(ui, question, mark_confirmed, &mark_target);
	free(question);
}

/* ---- Adding and importing ---- */

/* A prompt's text without leading blanks; NULL when it was cancelled or
 * left blank. */
static const char *
answer(const char *text)
{
	if (text == NULL)
		return NULL;
	text += strspn(text, " \t");
	return *text != '\0' ? text : NULL;
}

static void
add_done(struct ui *ui, void *ctx, const char *text)
{
	char *url = NULL;
	int64_t id;

	(void)ctx;
	if ((text = answer(text)) == NULL)
		return;
	/* A path is a file; anything else must be a URL. */
	if (text[0] == '/')
		url = xasprintf("file://%s", text);
	else
		url = xstrdup(text);
	url[strcspn(url, " \t")] = '\0';
	if (!url_is_subscribable(url)) {
		if (!url_has_scheme(url))
			ui_error(ui, "%s: not a feed URL (did you mean https://%s ?)", url, url);
		else
			ui_error(ui, "%s: not a feed URL: only http://, https:// and file:///path",
			    url);
		free(url);
		return;
	}
	id = store_add_feed(ui->store, url, NULL, NULL, 0);
	if (id < 0) {
		ui_error(ui, "%s", store_error(ui->store));
		free(url);
		return;
	}
	ui_store_changed(ui);
	ui_message(ui, "added %s", url);
	ui_refresh_start(ui, &id, 1, false);
	free(url);
}

void
ui_feeds_add_prompt(struct ui *ui)
{
	static const struct prompt_callbacks callbacks = { NULL, add_done, NULL };

	ui_prompt(ui, "Feed URL: ", NULL, &callbacks, NULL);
}

static int
read_file(const char *path, struct buf *out)
{
	char chunk[65536];
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (out->len + (size_t)n > IMPORT_MAX_BYTES) {
			n = -1;
			errno = EFBIG;
			break;
		}
		buf_append(out, chunk, (size_t)n);
	}
	close(fd);
	return n < 0 ? -1 : 0;
}

/* The feed already subscribed at exactly url. */
static bool
subscribed(struct store *s, const char *url)
{
	struct store_feed feed;
	int64_t id = store_find_feed(s, url);
	bool same;

	if (id <= 0 || store_get_feed(s, id, &feed) != 0)
		return false;
	same = strcmp(feed.url, url) == 0;
	store_feed_clear(&feed);
	return same;
}

static void
import_done(struct ui *ui, void *ctx, const char *text)
{
	struct feedlist list = FEEDLIST_INIT;
	struct buf data = BUF_INIT;
	char *path, *error = NULL;
	int64_t *ids = NULL, id;
	size_t n_ids = 0, already = 0, skipped, files = 0, i;

	(void)ctx;
	if ((text = answer(text)) == NULL)
		return;
	if (text[0] == '~' && text[1] == '/' && getenv("HOME") != NULL)
		path = xasprintf("%s%s", getenv("HOME"), text + 1);
	else
		path = xstrdup(text);
	if (read_file(path, &data) != 0) {
		ui_error(ui, "%s: %s", path, errno == EFBIG ? "too large for a list of feeds" :
		    strerror(errno));
		goto out;
	}
	if (feedlist_read(data.data != NULL ? data.data : "", data.len, &list, &error) != 0) {
		ui_error(ui, "%s: %s", path, error != NULL ? error : "not a list of feeds");
		goto out;
	}
	skipped = list.n_skipped;
	if (list.n_entries == 0) {
		ui_error(ui, "no feeds in %s", path);
		goto out;
	}
	/* One transaction: an import that fails half-way leaves nothing. */
	if (store_begin(ui->store) != 0) {
		ui_error(ui, "%s", store_error(ui->store));
		goto out;
	}
	for (i = 0; i < list.n_entries; i++) {
		const struct feedlist_entry *e = &list.entries[i];

		if (!url_is_subscribable(e->url)) {
			skipped++;
			continue;
		}
		/* As tidings import does without --allow-file: a list from
		 * elsewhere must not make a refresh read any local file. */
		if (!url_is_http(e->url)) {
			skipped++;
			files++;
			continue;
		}
		if (subscribed(ui->store, e->url)) {
			already++;
			continue;
		}
		id = store_add_feed(ui->store, e->url, e->title, (const char *const *)e->tags,
		    e->n_tags);
		if (id < 0) {
			ui_error(ui, "%s: %s; nothing imported", path, store_error(ui->store));
			store_rollback(ui->store);
			goto out;
		}
		ids = xreallocarray(ids, n_ids + 1, sizeof(*ids));
		ids[n_ids++] = id;
	}
	if (store_commit(ui->store) != 0) {
		ui_error(ui, "%s: %s; nothing imported", path, store_error(ui->store));
		store_rollback(ui->store);
		goto out;
	}
	ui_store_changed(ui);
	/* The status line has room for one reason: the one to act on. */
	if (files > 0)
		ui_message(ui, "imported %zu %s; %zu file:// %s skipped (tidings import "
		    "--allow-file)", n_ids, plural_noun((long long)n_ids, "feed", "feeds"), files,
		    plural_noun((long long)files, "URL", "URLs"));
	else
		ui_message(ui, "imported %zu %s (%zu already subscribed, %zu skipped)", n_ids,
		    plural_noun((long long)n_ids, "feed", "feeds"), already, skipped);
	if (n_ids > 0)
		ui_refresh_start(ui, ids, n_ids, false);
out:
	free(ids);
	free(error);
	free(path);
	feedlist_free(&list);
	buf_free(&data);
}

void
ui_feeds_import_prompt(struct ui *ui)
{
	static const struct prompt_callbacks callbacks = { NULL, import_done, NULL };

	ui_prompt(ui, "Import (OPML or urls file): ", NULL, &callbacks, NULL);
}

static const struct view_action feeds_actions[] = {
	{ OP_OPEN, feeds_open },
	{ OP_FILTER, feeds_filter },
	{ OP_REFRESH, feeds_refresh },
	{ OP_MARK_ALL_READ, feeds_mark_all_read },
};

static const struct view_type feeds_type = {
	.name = "feeds",
	.load = feeds_load,
	.title = feeds_title,
	.row = feeds_row,
	.status = feeds_status,
	.empty = feeds_empty,
	.reveal = feeds_reveal,
	.free = feeds_free,
	.actions = feeds_actions,
	.n_actions = sizeof(feeds_actions) / sizeof(feeds_actions[0]),
};

struct view *
ui_feeds_new(struct ui *ui)
{
	(void)ui;
	return ui_view_new(&feeds_type, xcalloc(1, sizeof(struct feeds)));
}
