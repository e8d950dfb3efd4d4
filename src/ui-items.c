/* ui-items.c: the reader's item list for one feed, one tag or all feeds,
 * newest first, with its filters (unread only, starred only, keywords typed
 * in a filter line) and actions on items. It never holds more than a few
 * screens of rows: each window is asked of the store as it comes into view.
 * Not the article itself: ui-article.c shows that. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plural.h"
#include "sanitize.h"
#include "store.h"
#include "ui-internal.h"
#include "width.h"
#include "xmalloc.h"

/* Screens of rows fetched around the one shown: scrolling a line or a page
 * needs no query most of the time. */
#define WINDOW_SCREENS 3

struct item_row {
	int64_t	 id;
	int64_t	 feed_id;
	int64_t	 date;
	bool	 read;
	bool	 starred;
	char	*title;		/* sanitized */
	char	*feed;		/* sanitized */
	char	*link;		/* as stored: it goes to the browser, not the screen */
};

/* The source of the list: one feed, one tag, or all feeds. */
struct source {
	int64_t	 feed_id;
	char	*tag;
	char	*name;		/* sanitized */
};

struct items {
	struct source	 source;
	bool		 unread_only;
	bool		 starred_only;
	char		*search;	/* keywords, or NULL */
	const struct filter_sql *shown;	/* the ui's: ignore-article */

	/* The cached window: rows [first, first + n_cached). */
	struct item_row	*rows;
	size_t		 n_cached;
	int64_t		 first;

	int64_t		 unread;	/* of the source, -1 when unknown */
	int		 date_width;

	/* While the filter line is open: what to go back to on Esc. */
	struct source	 saved;
	char		*saved_search;
	bool		 pop_on_cancel;
	bool		 count_pending;	/* n_rows is the rows fetched so far */
	int64_t		 changed_ms;	/* when the keywords last changed */
};

static void
source_copy(struct source *dst, const struct source *src)
{
	dst->feed_id = src->feed_id;
	dst->tag = src->tag != NULL ? xstrdup(src->tag) : NULL;
	dst->name = src->name != NULL ? xstrdup(src->name) : NULL;
}

static void
source_clear(struct source *s)
{
	free(s->tag);
	free(s->name);
	memset(s, 0, sizeof(*s));
}

static void
rows_free(struct item_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(rows[i].title);
		free(rows[i].feed);
		free(rows[i].link);
	}
	free(rows);
}

static void
cache_clear(struct items *it)
{
	rows_free(it->rows, it->n_cached);
	it->rows = NULL;
	it->n_cached = 0;
	it->first = 0;
}

static struct item_row *
cached(struct items *it, int64_t row)
{
	if (row < it->first || row >= it->first + (int64_t)it->n_cached)
		return NULL;
	return &it->rows[row - it->first];
}

static void
make_filter(const struct items *it, struct store_filter *filter)
{
	memset(filter, 0, sizeof(*filter));
	filter->feed_id = it->source.feed_id;
	filter->tag = it->source.tag;
	filter->unread_only = it->unread_only;
	filter->starred_only = it->starred_only;
	filter->search = it->search;
	filter->where = it->shown;
}

struct fetch {
	struct item_row	*rows;
	size_t		 n;
};

static int
on_item(void *ctx, const struct store_item *item)
{
	struct fetch *f = ctx;
	struct item_row *row = &f->rows[f->n++];
	struct buf b = BUF_INIT;

	row->id = item->id;
	row->feed_id = item->feed_id;
	row->date = item->date;
	row->read = item->read;
	row->starred = item->starred;
	sanitize_line(&b, item->title != NULL && item->title[0] != '\0' ? item->title :
	    "(no title)");
	row->title = buf_detach(&b);
	sanitize_line(&b, item->feed_title);
	row->feed = buf_detach(&b);
	row->link = item->link != NULL ? xstrdup(item->link) : NULL;
	return 0;
}

/* Replace the cache with rows [start, start + count). The store is asked
 * from the nearest place it can start without walking the rows it skips: a
 * cached row above start (paging down), a cached row below the window
 * (paging up), the top of the list, or its bottom, oldest first, when the
 * count is known (End, and paging near the end). Whatever lies between is
 * skipped by offset, so moving about a million items never walks far. */
static void
fetch_window(struct ui *ui, struct view *v, int64_t start, int64_t count)
{
	struct items *it = v->data;
	struct store_filter down, up;
	struct fetch f;
	struct item_row *anchor, swap;
	int64_t k, end, last = it->first + (int64_t)it->n_cached - 1;
	bool use_up = false;
	size_t i;

	/* Rows past the counted end are not shown. */
	if (!it->count_pending && start + count > v->n_rows)
		count = v->n_rows > start ? v->n_rows - start : 0;
	end = start + count;

	make_filter(it, &down);
	down.limit = count;
	down.offset = start;
	if (it->n_cached > 0 && it->first < start) {
		k = last < start - 1 ? last : start - 1;
		anchor = cached(it, k);
		down.after_date = anchor->date;
		down.after_id = anchor->id;
		down.offset = start - k - 1;
	}
	make_filter(it, &up);
	up.limit = count;
	up.oldest_first = true;
	if (it->n_cached > 0 && last >= end) {
		k = it->first > end ? it->first : end;
		anchor = cached(it, k);
		up.after_date = anchor->date;
		up.after_id = anchor->id;
		up.offset = k - end;
		use_up = up.offset < down.offset;
	}
	if (!it->count_pending && end <= v->n_rows &&
	    v->n_rows - end < (use_up ? up.offset : down.offset)) {
		up.after_date = 0;
		up.after_id = 0;
		up.offset = v->n_rows - end;
		use_up = true;
	}

	f.rows = xcalloc(count > 0 ? (size_t)count : 1, sizeof(*f.rows));
	f.n = 0;
	if (count > 0 && use_up) {
		if (store_query_items(ui->store, &up, on_item, &f) < 0)
			ui_error(ui, "%s", store_error(ui->store));
		else if ((int64_t)f.n < count) {
			/* Fewer than the count promised: items went since
			 * (retention in another process). Ask from the top,
			 * which ends the list where the rows do. */
			rows_free(f.rows, f.n);
			f.rows = xcalloc((size_t)count, sizeof(*f.rows));
			f.n = 0;
			use_up = false;
		}
		for (i = 0; use_up && i < f.n / 2; i++) {
			swap = f.rows[i];
			f.rows[i] = f.rows[f.n - 1 - i];
			f.rows[f.n - 1 - i] = swap;
		}
	}
	if (count > 0 && !use_up && store_query_items(ui->store, &down, on_item, &f) < 0)
		ui_error(ui, "%s", store_error(ui->store));
	cache_clear(it);
	it->rows = f.rows;
	it->n_cached = f.n;
	it->first = start;
}

static void
items_prepare(struct ui *ui, struct view *v, int64_t top, int n)
{
	struct items *it = v->data;
	int64_t start, end, last;

	last = (top + n < v->n_rows ? top + n : v->n_rows) - 1;
	if (cached(it, top) != NULL && cached(it, last) != NULL)
		return;
	start = top - n > 0 ? top - n : 0;
	end = top + (int64_t)n * (WINDOW_SCREENS - 1);
	if (end > v->n_rows)
		end = v->n_rows;
	if (end <= start)
		return;
	fetch_window(ui, v, start, end - start);
	if (it->count_pending)
		return;
	/* Fewer rows than counted: items went since the count (retention in
	 * another process). The list ends where the rows do. */
	if ((int64_t)it->n_cached < end - start)
		v->n_rows = it->first + (int64_t)it->n_cached;
}

/* Count what the filters select, and the source's unread items for the
 * title when that is cheap (from the counters: without keywords). */
static void
count_rows(struct ui *ui, struct view *v)
{
	struct items *it = v->data;
	struct store_filter filter;
	int64_t count;

	make_filter(it, &filter);
	count = store_count_items(ui->store, &filter);
	if (count < 0) {
		ui_error(ui, "%s", store_error(ui->store));
		count = 0;
	}
	v->n_rows = count;
	it->count_pending = false;
	it->unread = -1;
	if (it->unread_only && !it->starred_only)
		it->unread = count;
	else if (it->search == NULL && !it->starred_only) {
		filter.unread_only = true;
		it->unread = store_count_items(ui->store, &filter);
	}
}

static void
date_width(struct ui *ui, struct items *it)
{
	struct buf sample = BUF_INIT;

	ui_format_date(ui, (int64_t)time(NULL), ui->settings->string[OPT_DATE_FORMAT], &sample);
	it->date_width = width_of(buf_str(&sample));
	if (it->date_width > 24)
		it->date_width = 24;
	buf_free(&sample);
}

/* After the store changed: the rows again, the cursor kept on the item it
 * was on (new items from a refresh arrive above it). */
static void
items_load(struct ui *ui, struct view *v)
{
	struct items *it = v->data;
	struct item_row *row;
	int64_t selected = 0, h = ui_list_height(ui), i, start;

	if ((row = cached(it, v->cursor)) != NULL)
		selected = row->id;
	cache_clear(it);
	count_rows(ui, v);
	date_width(ui, it);
	if (selected == 0 || v->n_rows == 0)
		return;
	start = v->cursor - h > 0 ? v->cursor - h : 0;
	fetch_window(ui, v, start, h * WINDOW_SCREENS);
	for (i = 0; i < (int64_t)it->n_cached; i++) {
		if (it->rows[i].id == selected) {
			v->top += it->first + i - v->cursor;
			v->cursor = it->first + i;
			break;
		}
	}
}

/* How long typing must pause before the matches of a keyword filter are
 * counted. */
#define COUNT_DELAY_MS	400

/* After the filters changed: the first rows at once; with keywords, the
 * count waits until typing pauses (items_idle), as counting every match
 * of a common word costs more than the screenful the typist is waiting
 * for. */
static void
filters_changed(struct ui *ui, struct view *v)
{
	struct items *it = v->data;
	int64_t h = ui_list_height(ui);

	v->cursor = 0;
	v->top = 0;
	cache_clear(it);
	date_width(ui, it);
	if (it->search == NULL) {
		count_rows(ui, v);
		return;
	}
	v->n_rows = h * WINDOW_SCREENS;
	it->count_pending = true;
	it->changed_ms = ui_now_ms();
	fetch_window(ui, v, 0, v->n_rows);
	v->n_rows = (int64_t)it->n_cached;
	it->unread = -1;
}

static bool
items_idle(struct ui *ui, struct view *v)
{
	struct items *it = v->data;

	/* Not while the typist is still typing: a count of a common word takes
	 * longer than a keystroke's window query, and the next key would wait
	 * for it. */
	if (!it->count_pending || ui_now_ms() - it->changed_ms < COUNT_DELAY_MS)
		return false;
	count_rows(ui, v);
	return true;
}

static void
items_title(struct ui *ui, struct view *v, struct buf *out)
{
	struct items *it = v->data;

	(void)ui;
	buf_appendf(out, "tidings: %s", it->source.name);
	if (it->count_pending)
		buf_append_str(out, ", counting...");
	else if (it->unread_only)
		buf_appendf(out, ", %lld unread", (long long)(it->unread >= 0 ? it->unread :
		    v->n_rows));
	else if (it->unread >= 0)
		buf_appendf(out, ", %lld %s, %lld unread", (long long)v->n_rows,
		    plural_noun(v->n_rows, "item", "items"), (long long)it->unread);
	else
		buf_appendf(out, ", %lld %s", (long long)v->n_rows,
		    plural_noun(v->n_rows, "item", "items"));
}

/* The filters in force, always on the status line. */
static void
items_status(struct ui *ui, struct view *v, struct buf *out)
{
	struct items *it = v->data;

	(void)ui;
	if (it->source.feed_id != 0)
		buf_appendf(out, "feed: %s", it->source.name);
	else if (it->source.tag != NULL)
		buf_appendf(out, "tag: %s", it->source.name);
	else
		buf_append_str(out, "all feeds");
	buf_append_str(out, it->unread_only ? " | unread only" : " | read and unread");
	if (it->starred_only)
		buf_append_str(out, " | starred only");
	if (it->search != NULL) {
		buf_append_str(out, " | /");
		sanitize_line(out, it->search);
	}
}

static void
items_empty(struct ui *ui, struct view *v, struct buf *out)
{
	struct items *it = v->data;
	char unread[16], clear[16];

	ui_key_hint(ui, OP_TOGGLE_UNREAD, unread, sizeof(unread));
	ui_key_hint(ui, OP_CLEAR_FILTERS, clear, sizeof(clear));
	(void)v;
	if (it->search != NULL)
		buf_append_str(out, "\n  No item matches these words.\n");
	else if (it->unread_only)
		buf_append_str(out, "\n  No unread items here.\n");
	else
		buf_append_str(out, "\n  No items here.\n");
	if (it->unread_only)
		buf_appendf(out, "  %s shows read items too.\n", unread);
	buf_appendf(out, "  %s clears every filter.\n", clear);
}

static void
items_row(struct ui *ui, struct view *v, int64_t index, int width, struct buf *out,
    enum ui_style *style)
{
	struct items *it = v->data;
	struct item_row *row = cached(it, index);
	struct buf date = BUF_INIT;
	int used, source_width = 0;

	if (row == NULL) {
		width_pad(out, "", width);
		return;
	}
	/* Flags as in mutt: N for new (unread), * for starred. */
	buf_append_char(out, row->read ? ' ' : 'N');
	buf_append_char(out, row->starred ? '*' : ' ');
	buf_append_char(out, ' ');
	used = 3;
	if (it->date_width > 0 && width - used > it->date_width + 10) {
		ui_format_date(ui, row->date, ui->settings->string[OPT_DATE_FORMAT], &date);
		width_pad(out, buf_str(&date), it->date_width);
		buf_append_char(out, ' ');
		used += it->date_width + 1;
	}
	/* The source column only where the list mixes feeds, and only where
	 * the title keeps most of the line. */
	if (it->source.feed_id == 0 && width >= 50) {
		source_width = width / 5 < 24 ? width / 5 : 24;
		width_pad(out, row->feed, source_width);
		buf_append_char(out, ' ');
		used += source_width + 1;
	}
	width_pad(out, row->title, width - used > 0 ? width - used : 0);
	if (!row->read)
		*style = STYLE_UNREAD;
	buf_free(&date);
}

static void
items_reveal(struct ui *ui, struct view *v)
{
	struct items *it = v->data;
	struct store_filter filter;

	/* Back from an article: the rows stay (a read item stays in an
	 * unread-only list until the list is asked for again, so it can be
	 * marked unread again); the unread count moves. */
	if (it->search == NULL && !it->starred_only) {
		make_filter(it, &filter);
		filter.unread_only = true;
		it->unread = store_count_items(ui->store, &filter);
	}
}

static void
items_free(struct view *v)
{
	struct items *it = v->data;

	cache_clear(it);
	source_clear(&it->source);
	source_clear(&it->saved);
	free(it->search);
	free(it->saved_search);
	free(it);
}

static struct item_row *
current(struct view *v)
{
	struct items *it = v->data;

	if (v->n_rows == 0)
		return NULL;
	return cached(it, v->cursor);
}

/* Reload at once (not at the next draw) after a filter changed: from the
 * top, or keeping the cursor's item. */
static void
reload(struct ui *ui, struct view *v, bool to_top)
{
	if (to_top)
		filters_changed(ui, v);
	else
		items_load(ui, v);
	v->generation = ui->generation;
}

static void
items_open(struct ui *ui, struct view *v)
{
	struct item_row *row = current(v);

	if (row == NULL)
		return;
	if (ui->settings->number[OPT_MARK_READ_ON_OPEN] != 0 && !row->read) {
		if (store_mark_item_read(ui->store, row->id, true) == 0) {
			row->read = true;
			ui_store_written(ui);
		}
	}
	/* The unread count moves with what happens in the article. */
	ui_push(ui, ui_article_new(ui, row->id));
}

static void
items_toggle_read(struct ui *ui, struct view *v)
{
	struct items *it = v->data;
	struct item_row *row = current(v);

	if (row == NULL)
		return;
	if (store_mark_item_read(ui->store, row->id, !row->read) != 0) {
		ui_error(ui, "%s", store_error(ui->store));
		return;
	}
	row->read = !row->read;
	if (it->unread >= 0)
		it->unread += row->read ? -1 : 1;
	ui_store_written(ui);
	ui_message(ui, "marked %s", row->read ? "read" : "unread");
}

static void
items_star(struct ui *ui, struct view *v)
{
	struct item_row *row = current(v);

	if (row == NULL)
		return;
	if (store_set_item_starred(ui->store, row->id, !row->starred) != 0) {
		ui_error(ui, "%s", store_error(ui->store));
		return;
	}
	row->starred = !row->starred;
	ui_store_written(ui);
	ui_message(ui, "%s", row->starred ? "starred" : "unstarred");
}

static int
collect_id(void *ctx, const struct store_item *item)
{
	struct buf *ids = ctx;

	buf_append(ids, &item->id, sizeof(item->id));
	return 0;
}

static void
mark_confirmed(struct ui *ui, void *ctx)
{
	struct view *v = ctx;
	struct items *it = v->data;
	struct store_filter filter;
	struct buf ids = BUF_INIT;
	int64_t n = 0, id;
	size_t i;

	if (it->search == NULL && !it->starred_only) {
		if (it->source.feed_id != 0)
			n = store_mark_feed_read(ui->store, it->source.feed_id, true);
		else if (it->source.tag != NULL)
			n = store_mark_tag_read(ui->store, it->source.tag, true);
		else
			n = store_mark_all_read(ui->store, true);
	} else {
		/* Only what the filter shows: the ids first, then one
		 * transaction for the marks. */
		make_filter(it, &filter);
		filter.unread_only = true;
		if (store_query_items(ui->store, &filter, collect_id, &ids) < 0 ||
		    store_begin(ui->store) != 0)
			n = -1;
		for (i = 0; n >= 0 && i + sizeof(id) <= ids.len; i += sizeof(id)) {
			memcpy(&id, ids.data + i, sizeof(id));
			if (store_mark_item_read(ui->store, id, true) != 0)
				n = -1;
			else
				n++;
		}
		if (n >= 0 && store_commit(ui->store) != 0)
			n = -1;
		if (n < 0)
			store_rollback(ui->store);
		buf_free(&ids);
	}
	if (n < 0) {
		ui_error(ui, "%s", store_error(ui->store));
		return;
	}
	ui_message(ui, "marked %lld %s read", (long long)n, plural_noun(n, "item", "items"));
	ui_store_changed(ui);
}

static void
items_mark_all_read(struct ui *ui, struct view *v)
{
	struct items *it = v->data;
	char *question;

	if (v->n_rows == 0)
		return;
	if (it->unread == 0) {
		ui_message(ui, "nothing unread here");
		return;
	}
	question = xasprintf("Mark every unread item %s read?",
	    it->search != NULL || it->starred_only ? "that the filters show" :
	    it->source.feed_id != 0 ? "of this feed" : it->source.tag != NULL ? "of this tag" :
	    "of every feed");
	ui_confirm(ui, question, mark_confirmed, v);
	free(question);
}

static void
items_toggle_unread(struct ui *ui, struct view *v)
{
	struct items *it = v->data;

	it->unread_only = !it->unread_only;
	/* No message: the status line shows the filter, and saying it twice
	 * there is noise. */
	reload(ui, v, false);
}

static void
items_toggle_starred(struct ui *ui, struct view *v)
{
	struct items *it = v->data;

	it->starred_only = !it->starred_only;
	reload(ui, v, false);
}

static void
items_clear_filters(struct ui *ui, struct view *v)
{
	struct items *it = v->data;

	source_clear(&it->source);
	it->source.name = xstrdup("all feeds");
	it->unread_only = false;
	it->starred_only = false;
	free(it->search);
	it->search = NULL;
	reload(ui, v, true);
	ui_message(ui, "filters cleared");
}

static void
items_browser(struct ui *ui, struct view *v)
{
	struct item_row *row = current(v);

	if (row == NULL)
		return;
	if (row->link == NULL) {
		ui_message(ui, "this item has no link");
		return;
	}
	ui_open_url(ui, row->link);
}

struct tag_feeds {
	const char	*tag;
	int64_t		*ids;
	size_t		 n;
};

static int
collect_tag_feed(void *ctx, const struct store_feed *feed)
{
	struct tag_feeds *t = ctx;
	size_t i;

	for (i = 0; i < feed->n_tags; i++) {
		if (strcmp(feed->tags[i], t->tag) == 0) {
			t->ids = xreallocarray(t->ids, t->n + 1, sizeof(*t->ids));
			t->ids[t->n++] = feed->id;
			break;
		}
	}
	return 0;
}

static void
items_refresh(struct ui *ui, struct view *v)
{
	struct items *it = v->data;
	struct tag_feeds t = { it->source.tag, NULL, 0 };

	if (it->source.feed_id != 0)
		ui_refresh_start(ui, &it->source.feed_id, 1, false);
	else if (it->source.tag == NULL)
		ui_refresh_start(ui, NULL, 0, true);
	else {
		if (store_each_feed(ui->store, collect_tag_feed, &t) < 0)
			ui_error(ui, "%s", store_error(ui->store));
		else if (t.n > 0)
			ui_refresh_start(ui, t.ids, t.n, false);
		free(t.ids);
	}
}

static void
items_fetch_story(struct ui *ui, struct view *v)
{
	struct item_row *row = current(v);

	if (row == NULL)
		return;
	ui_story_fetch(ui, row->id, row->link);
}

/* ---- The filter line ---- */

static void
filter_label(struct ui *ui, struct items *it)
{
	char *label;

	if (it->source.feed_id == 0 && it->source.tag == NULL)
		label = xasprintf("/ in all feeds: ");
	else
		label = xasprintf("/ in %s (Tab: all feeds): ", it->source.name);
	ui_prompt_set_label(ui, label);
	free(label);
}

static void
filter_changed(struct ui *ui, void *ctx, const char *text)
{
	struct view *v = ctx;
	struct items *it = v->data;

	free(it->search);
	it->search = text[strspn(text, " \t")] != '\0' ? xstrdup(text) : NULL;
	reload(ui, v, true);
}

static void
filter_done(struct ui *ui, void *ctx, const char *text)
{
	struct view *v = ctx;
	struct items *it = v->data;

	if (text == NULL) {
		/* Esc: back to the list as it was. */
		source_clear(&it->source);
		it->source = it->saved;
		memset(&it->saved, 0, sizeof(it->saved));
		free(it->search);
		it->search = it->saved_search;
		it->saved_search = NULL;
		if (it->pop_on_cancel) {
			ui_pop(ui);
			return;
		}
		reload(ui, v, true);
		return;
	}
	source_clear(&it->saved);
	free(it->saved_search);
	it->saved_search = NULL;
}

static bool
filter_key(struct ui *ui, void *ctx, int key)
{
	struct view *v = ctx;
	struct items *it = v->data;

	if (key != KEYS_TAB)
		return false;
	/* Tab: the same words in every feed, or back in the source. */
	if (it->saved.feed_id == 0 && it->saved.tag == NULL)
		return true;
	if (it->source.feed_id != 0 || it->source.tag != NULL) {
		source_clear(&it->source);
		it->source.name = xstrdup("all feeds");
	} else {
		source_clear(&it->source);
		source_copy(&it->source, &it->saved);
	}
	filter_label(ui, it);
	reload(ui, v, true);
	return true;
}

void
ui_items_filter_prompt(struct ui *ui, struct view *v, bool pop_on_cancel)
{
	static const struct prompt_callbacks callbacks = { filter_changed, filter_done,
	    filter_key };
	struct items *it = v->data;

	source_clear(&it->saved);
	source_copy(&it->saved, &it->source);
	free(it->saved_search);
	it->saved_search = it->search != NULL ? xstrdup(it->search) : NULL;
	it->pop_on_cancel = pop_on_cancel;
	ui_prompt(ui, "/ ", it->search, &callbacks, v);
	filter_label(ui, it);
}

static void
items_filter(struct ui *ui, struct view *v)
{
	ui_items_filter_prompt(ui, v, false);
}

/* ---- What a view above asks (an article opened from the list) ---- */

static int64_t
items_step_item(struct ui *ui, struct view *v, int step)
{
	struct item_row *row;
	int64_t target = v->cursor + step;

	if (target < 0 || target >= v->n_rows)
		return -1;
	v->cursor = target;
	if (v->cursor < v->top || v->cursor >= v->top + ui_list_height(ui))
		v->top = v->cursor;
	items_prepare(ui, v, v->top, ui_list_height(ui));
	if ((row = cached(v->data, target)) == NULL)
		return -1;
	if (ui->settings->number[OPT_MARK_READ_ON_OPEN] != 0 && !row->read &&
	    store_mark_item_read(ui->store, row->id, true) == 0) {
		row->read = true;
		ui_store_written(ui);
	}
	return row->id;
}

static void
items_note(struct ui *ui, struct view *v, const struct view_note *note)
{
	struct items *it = v->data;
	size_t i;

	(void)ui;
	for (i = 0; i < it->n_cached; i++) {
		if (it->rows[i].id == note->item_id) {
			it->rows[i].read = note->read;
			it->rows[i].starred = note->starred;
		}
	}
}

static const struct view_action items_actions[] = {
	{ OP_OPEN, items_open },
	{ OP_TOGGLE_READ, items_toggle_read },
	{ OP_STAR, items_star },
	{ OP_MARK_ALL_READ, items_mark_all_read },
	{ OP_TOGGLE_UNREAD, items_toggle_unread },
	{ OP_TOGGLE_STARRED, items_toggle_starred },
	{ OP_CLEAR_FILTERS, items_clear_filters },
	{ OP_FILTER, items_filter },
	{ OP_BROWSER, items_browser },
	{ OP_REFRESH, items_refresh },
	{ OP_FETCH_STORY, items_fetch_story },
};

static const struct view_type items_type = {
	.name = "items",
	.load = items_load,
	.prepare = items_prepare,
	.idle = items_idle,
	.title = items_title,
	.row = items_row,
	.status = items_status,
	.empty = items_empty,
	.reveal = items_reveal,
	.free = items_free,
	.actions = items_actions,
	.n_actions = sizeof(items_actions) / sizeof(items_actions[0]),
	.step_item = items_step_item,
	.note = items_note,
};

struct view *
ui_items_new(struct ui *ui, const struct items_source *source)
{
	struct items *it = xcalloc(1, sizeof(*it));
	struct buf name = BUF_INIT;

	it->shown = ui->shown;
	it->source.feed_id = source->feed_id;
	it->source.tag = source->tag != NULL ? xstrdup(source->tag) : NULL;
	sanitize_line(&name, source->name != NULL ? source->name : "all feeds");
	it->source.name = buf_detach(&name);
	it->unread_only = source->unread_only;
	it->starred_only = source->starred_only;
	it->unread = -1;
	return ui_view_new(&items_type, it);
}
