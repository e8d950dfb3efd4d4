/* cmd-feeds.c: the commands that manage subscriptions: add, remove, enable,
 * feeds (the list with status), import and export. Items are cmd-list.c's. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ascii.h"
#include "buf.h"
#include "cmd.h"
#include "date.h"
#include "feedlist.h"
#include "json.h"
#include "plural.h"
#include "store.h"
#include "url.h"
#include "width.h"
#include "xmalloc.h"

/* A subscription list larger than this is not a list (newsboat and OPML
 * exports of thousands of feeds stay well under a megabyte). */
#define IMPORT_MAX_BYTES	(64u * 1024 * 1024)

/* The widest a column of `feeds` gets in the text format; longer values are
 * cut with an ellipsis so that one long title does not push every row. */
#define NAME_COLUMN_MAX		40
#define STATUS_COLUMN_MAX	36
#define TAGS_COLUMN_MAX		24

/* ---- add ---- */

int
cmd_add(const struct globals *g, const struct cmd_args *args)
{
	struct session session;
	const char *title = cmd_value(args, 't'), *url = args->operands[0];
	const char *const *tags;
	size_t n_tags = cmd_values(args, 'g', &tags);
	bool full_story = cmd_flag(args, 'F');
	int64_t id;
	int status;

	if (cmd_flag(args, 'R'))
		return cmd_add_remote(g, args);
	if (!url_is_subscribable(url)) {
		struct buf b = BUF_INIT;

		cmd_field(&b, url);
		fprintf(stderr, "tidings: %s: not a feed URL: only http://, https:// and "
		    "file:///path URLs can be added", buf_str(&b));
		/* "example.com/feed" is the common slip. */
		if (!url_has_scheme(url) && *url != '/')
			fprintf(stderr, " (did you mean https://%s ?)", buf_str(&b));
		fputc('\n', stderr);
		buf_free(&b);
		return EXIT_USAGE;
	}

	if ((status = cmd_open(g, &session)) != 0)
		return status;
	id = store_add_feed(session.store, url, title, tags, n_tags);
	status = cmd_done(session.store, id == -1 || (full_story &&
	    store_set_feed_full_story(session.store, id, true) == -1) ? -1 : 0, "added", url);
	cmd_close(&session);
	return status;
}

/* ---- remove, enable and full-story: one feed each ---- */

/* What a command taking a FEED first does to it (read into *feed): the
 * store calls, and the line to print in out. Returns 0, or -1 when a store
 * call failed. */
typedef int one_feed_fn(struct store *store, int64_t id, const struct store_feed *feed,
    struct buf *out, const void *arg);

/* The common frame of those commands: the store, the feed, the change, the
 * line on stdout or the store's error on stderr. */
static int
one_feed_command(const struct globals *g, const struct cmd_args *args, one_feed_fn *fn,
    const void *arg)
{
	struct session session;
	struct store_feed feed;
	struct buf out = BUF_INIT;
	int64_t id;
	int status;

	if ((status = cmd_open(g, &session)) != 0)
		return status;
	if ((id = cmd_find_feed(session.store, args->operands[0])) == 0) {
		cmd_close(&session);
		return EXIT_FAILED;
	}
	memset(&feed, 0, sizeof(feed));
	if (store_get_feed(session.store, id, &feed) == -1 ||
	    fn(session.store, id, &feed, &out, arg) == -1) {
		cmd_store_failure(session.store, NULL);
		status = EXIT_FAILED;
	} else {
		status = cmd_write(&out) == 0 ? EXIT_OK : EXIT_FAILED;
	}
	store_feed_clear(&feed);
	buf_free(&out);
	cmd_close(&session);
	return status;
}

static int
remove_feed(struct store *store, int64_t id, const struct store_feed *feed,
    struct buf *out, const void *arg)
{
	(void)arg;
	if (store_remove_feed(store, id) == -1)
		return -1;
	buf_append_str(out, "removed ");
	cmd_field(out, store_feed_name(feed));
	buf_appendf(out, " (%lld %s)\n", (long long)feed->total,
	    plural_noun(feed->total, "item", "items"));
	return 0;
}

int
cmd_remove(const struct globals *g, const struct cmd_args *args)
{
	return one_feed_command(g, args, remove_feed, NULL);
}

/* A feed the server said is gone (410) is disabled; the user may know
 * better (it came back, or moved without a redirect and was fixed). The
 * validators stay: a conditional request still saves the transfer. */
static int
enable_feed(struct store *store, int64_t id, const struct store_feed *feed,
    struct buf *out, const void *arg)
{
	struct store_fetch_state state;

	(void)arg;
	memset(&state, 0, sizeof(state));
	state.etag = feed->etag;
	state.last_modified = feed->last_modified;
	state.status = 0;
	state.error = NULL;
	/* "Not fetched yet" is what `feeds` shows until the next refresh
	 * says how the feed is doing now: the old 410 is no longer news. */
	state.last_fetch = DATE_NONE;
	state.next_due = DATE_NONE;
	state.retry_after = DATE_NONE;
	state.disabled = false;
	if (store_set_fetch_state(store, id, &state) == -1)
		return -1;
	if (feed->disabled) {
		buf_append_str(out, "enabled ");
		cmd_field(out, store_feed_name(feed));
		buf_append_str(out, " (due now)\n");
	} else {
		cmd_field(out, store_feed_name(feed));
		buf_append_str(out, " was not disabled; it is due now\n");
	}
	return 0;
}

int
cmd_enable(const struct globals *g, const struct cmd_args *args)
{
	return one_feed_command(g, args, enable_feed, NULL);
}

/* full-story: fetch each new item's web page, or not. */
static int
set_full_story(struct store *store, int64_t id, const struct store_feed *feed,
    struct buf *out, const void *arg)
{
	bool on = *(const bool *)arg;

	if (store_set_feed_full_story(store, id, on) == -1)
		return -1;
	cmd_field(out, store_feed_name(feed));
	buf_append_str(out, on ? ": full stories from the next refresh on\n" :
	    ": no more full stories\n");
	return 0;
}

int
cmd_full_story(const struct globals *g, const struct cmd_args *args)
{
	const char *answer = args->operands[1];
	bool on;

	if (ascii_casecmp(answer, "yes") == 0 || ascii_casecmp(answer, "on") == 0)
		on = true;
	else if (ascii_casecmp(answer, "no") == 0 || ascii_casecmp(answer, "off") == 0)
		on = false;
	else {
		fprintf(stderr, "tidings: full-story takes yes or no, not \"%s\"\n", answer);
		return EXIT_USAGE;
	}
	return one_feed_command(g, args, set_full_story, &on);
}

/* ---- feeds ---- */

enum format {
	FORMAT_TEXT,
	FORMAT_TSV,
	FORMAT_JSON,
};

/* The status of the last fetch, in words: the error when there is one
 * ("HTTP 404 Not Found", "timed out after 60 s"), else how it went. */
static void
append_status(struct buf *out, const struct store_feed *feed)
{
	if (feed->disabled) {
		buf_append_str(out, "disabled");
		if (feed->last_error != NULL && *feed->last_error != '\0') {
			buf_append_str(out, ": ");
			cmd_field(out, feed->last_error);
		}
	} else if (feed->last_error != NULL && *feed->last_error != '\0')
		cmd_field(out, feed->last_error);
	else if (feed->last_fetch == DATE_NONE)
		buf_append_str(out, "not fetched yet");
	else if (feed->last_status == 304)
		buf_append_str(out, "not modified");
	else
		buf_append_str(out, "ok");
}

/* When the feed is next fetched: its own schedule, but never before a
 * Retry-After in force; DATE_NONE for "at once". */
static int64_t
next_due(const struct store_feed *feed)
{
	int64_t due = feed->next_due;

	if (feed->retry_after != DATE_NONE && (due == DATE_NONE || feed->retry_after > due))
		due = feed->retry_after;
	return due;
}

static void
append_due_text(struct buf *out, const struct store_feed *feed, int64_t now)
{
	int64_t due = next_due(feed);

	if (feed->disabled) {
		buf_append_str(out, "disabled");
		return;
	}
	if (due == DATE_NONE || due <= now) {
		buf_append_str(out, "due now");
		return;
	}
	cmd_append_wait(out, due - now);
}

/* The due time for scripts: when the next refresh would fetch the feed
 * (now, when it is due already); empty for a disabled feed. */
static void
append_due_iso(struct buf *out, const struct store_feed *feed, int64_t now)
{
	char iso[DATE_ISO_SIZE];
	int64_t due = next_due(feed);

	if (feed->disabled)
		return;
	if (due == DATE_NONE || due < now)
		due = now;
	buf_append_str(out, date_format_iso(due, iso));
}

static void
append_tags(struct buf *out, const struct store_feed *feed)
{
	size_t i;

	for (i = 0; i < feed->n_tags; i++) {
		if (i > 0)
			buf_append_char(out, ',');
		cmd_field(out, feed->tags[i]);
	}
}

/* Columns of the text format, each already sanitized. */
enum column {
	COLUMN_NAME,
	COLUMN_COUNTS,
	COLUMN_STATUS,
	COLUMN_DUE,
	COLUMN_TAGS,
	COLUMN_URL,
	COLUMN_COUNT
};

static const char *const column_titles[COLUMN_COUNT] = {
	"NAME", "UNREAD/TOTAL", "STATUS", "NEXT", "TAGS", "URL"
};

static const size_t column_max[COLUMN_COUNT] = {
	NAME_COLUMN_MAX, 0, STATUS_COLUMN_MAX, 0, TAGS_COLUMN_MAX, 0
};

struct feed_row {
	char	*cell[COLUMN_COUNT];
};

struct feeds_output {
	enum format	 format;
	int64_t		 now;
	struct buf	 out;
	struct json_writer writer;	/* into out */
	struct buf	 cell;
	bool		 failed;
	/* The text format aligns columns, so it holds every row first (a
	 * list of subscriptions, not of items: hundreds of rows). */
	struct feed_row	*rows;
	size_t		 n_rows;
};

/* Columns of s as the reader counts them (width.c), whatever the locale. */
static size_t
text_width(const char *s)
{
	return (size_t)width_of(s);
}

/* Append s cut to max columns (0: no limit), ending in an ellipsis when
 * cut, then padded with spaces to pad columns. */
static void
append_cell(struct buf *out, const char *s, size_t max, size_t pad)
{
	size_t width = text_width(s);

	if (max != 0 && width > max)
		width = max;
	width_pad(out, s, (int)width);
	for (; width < pad; width++)
		buf_append_char(out, ' ');
}

static void
write_text_table(struct feeds_output *o)
{
	size_t widths[COLUMN_COUNT], i, w;
	int c;

	for (c = 0; c < COLUMN_COUNT; c++)
		widths[c] = text_width(column_titles[c]);
	for (i = 0; i < o->n_rows; i++) {
		for (c = 0; c < COLUMN_COUNT; c++) {
			w = text_width(o->rows[i].cell[c]);
			if (column_max[c] != 0 && w > column_max[c])
				w = column_max[c];
			if (w > widths[c])
				widths[c] = w;
		}
	}
	for (i = 0; i <= o->n_rows; i++) {
		for (c = 0; c < COLUMN_COUNT; c++) {
			const char *s = i == 0 ? column_titles[c] : o->rows[i - 1].cell[c];
			bool last = c == COLUMN_COUNT - 1;

			/* Numbers align right, under their heading. */
			if (c == COLUMN_COUNTS) {
				for (w = text_width(s); w < widths[c]; w++)
					buf_append_char(&o->out, ' ');
				buf_append_str(&o->out, s);
			} else
				append_cell(&o->out, s, column_max[c], last ? 0 : widths[c]);
			buf_append_str(&o->out, last ? "\n" : "  ");
		}
	}
}

static void
feed_json(struct feeds_output *o, const struct store_feed *feed)
{
	struct json_writer *w = &o->writer;
	size_t i;

	json_begin_object(w);
	json_member_int(w, "id", feed->id);
	cmd_json_field(w, &o->cell, "name", store_feed_name(feed));
	cmd_json_field(w, &o->cell, "url", feed->url);
	cmd_json_field(w, &o->cell, "title", feed->title);
	cmd_json_field(w, &o->cell, "user_title", feed->user_title);
	cmd_json_field(w, &o->cell, "link", feed->link);
	json_key(w, "tags");
	json_begin_array(w);
	for (i = 0; i < feed->n_tags; i++) {
		buf_reset(&o->cell);
		cmd_field(&o->cell, feed->tags[i]);
		json_string(w, buf_str(&o->cell));
	}
	json_end_array(w);
	json_member_int(w, "unread", feed->unread);
	json_member_int(w, "total", feed->total);
	buf_reset(&o->cell);
	append_status(&o->cell, feed);
	json_member_string(w, "status", buf_str(&o->cell));
	cmd_json_field(w, &o->cell, "error", feed->last_error);
	json_member_int(w, "http_status", feed->last_status);
	json_member_date(w, "last_fetch", feed->last_fetch);
	json_key(w, "next_due");
	if (feed->disabled)
		json_null(w);
	else {
		buf_reset(&o->cell);
		append_due_iso(&o->cell, feed, o->now);
		json_string(w, buf_str(&o->cell));
	}
	json_member_date(w, "retry_after", feed->retry_after);
	json_member_bool(w, "disabled", feed->disabled);
	json_member_bool(w, "full_story", feed->full_story);
	/* A feed of the sync server, which fetches it; else fetched here. */
	json_member_bool(w, "server", feed->remote_id != 0);
	json_member_date(w, "added", feed->added);
	json_end_object(w);
}

static int
on_feed(void *ctx, const struct store_feed *feed)
{
	struct feeds_output *o = ctx;
	struct feed_row *row;

	switch (o->format) {
	case FORMAT_TEXT:
		o->rows = xreallocarray(o->rows, o->n_rows + 1, sizeof(*o->rows));
		row = &o->rows[o->n_rows++];
		/* The marker goes first, so a long name cut short keeps it. */
		if (feed->remote_id != 0)
			buf_append_str(&o->cell, "[server] ");
		if (feed->full_story)
			buf_append_str(&o->cell, "[full] ");
		cmd_field(&o->cell, store_feed_name(feed));
		row->cell[COLUMN_NAME] = buf_detach(&o->cell);
		buf_appendf(&o->cell, "%lld/%lld", (long long)feed->unread,
		    (long long)feed->total);
		row->cell[COLUMN_COUNTS] = buf_detach(&o->cell);
		append_status(&o->cell, feed);
		row->cell[COLUMN_STATUS] = buf_detach(&o->cell);
		append_due_text(&o->cell, feed, o->now);
		row->cell[COLUMN_DUE] = buf_detach(&o->cell);
		append_tags(&o->cell, feed);
		row->cell[COLUMN_TAGS] = buf_detach(&o->cell);
		cmd_field(&o->cell, feed->url);
		row->cell[COLUMN_URL] = buf_detach(&o->cell);
		return 0;
	case FORMAT_TSV:
		cmd_field(&o->out, store_feed_name(feed));
		buf_append_char(&o->out, '\t');
		cmd_field(&o->out, feed->url);
		buf_append_char(&o->out, '\t');
		append_tags(&o->out, feed);
		buf_appendf(&o->out, "\t%lld\t%lld\t", (long long)feed->unread,
		    (long long)feed->total);
		append_status(&o->out, feed);
		buf_append_char(&o->out, '\t');
		append_due_iso(&o->out, feed, o->now);
		buf_append_char(&o->out, '\n');
		break;
	case FORMAT_JSON:
		feed_json(o, feed);
		break;
	}
	if (o->out.len >= 8192) {
		if (cmd_write(&o->out) != 0) {
			o->failed = true;
			return 1;
		}
		buf_reset(&o->out);
	}
	return 0;
}

/* A query feed in JSON: its number, name, expression, tags, counts (null
 * when its expression no longer compiles) and the error why. */
static void
query_json(struct feeds_output *o, const struct cmd_query_row *q)
{
	struct json_writer *w = &o->writer;
	size_t i;

	json_begin_object(w);
	json_member_int(w, "query", q->query->id);
	cmd_json_field(w, &o->cell, "name", q->query->name);
	cmd_json_field(w, &o->cell, "expression", q->query->expression);
	json_key(w, "tags");
	json_begin_array(w);
	for (i = 0; i < q->query->n_tags; i++) {
		buf_reset(&o->cell);
		cmd_field(&o->cell, q->query->tags[i]);
		json_string(w, buf_str(&o->cell));
	}
	json_end_array(w);
	json_key(w, "unread");
	if (q->error != NULL)
		json_null(w);
	else
		json_int(w, q->unread);
	json_key(w, "total");
	if (q->error != NULL)
		json_null(w);
	else
		json_int(w, q->total);
	cmd_json_field(w, &o->cell, "error", q->error);
	json_end_object(w);
}

/* A query feed: its name, its counts, "query" (or why its expression no
 * longer compiles) for a status, and query:NAME:EXPRESSION for a URL, as
 * newsboat's urls files write it. */
static int
on_query_row(void *ctx, const struct cmd_query_row *q)
{
	struct feeds_output *o = ctx;
	struct feed_row *row;
	struct buf status = BUF_INIT, url = BUF_INIT, tags = BUF_INIT;
	size_t i;

	if (q->error != NULL)
		buf_appendf(&status, "query: %s", q->error);
	else
		buf_append_str(&status, "query");
	buf_appendf(&url, "query:%s:%s", q->query->name, q->query->expression);
	for (i = 0; i < q->query->n_tags; i++) {
		if (i > 0)
			buf_append_char(&tags, ',');
		buf_append_str(&tags, q->query->tags[i]);
	}
	switch (o->format) {
	case FORMAT_TEXT:
		o->rows = xreallocarray(o->rows, o->n_rows + 1, sizeof(*o->rows));
		row = &o->rows[o->n_rows++];
		buf_append_str(&o->cell, "[query] ");
		cmd_field(&o->cell, q->query->name);
		row->cell[COLUMN_NAME] = buf_detach(&o->cell);
		buf_appendf(&o->cell, "%lld/%lld", (long long)q->unread, (long long)q->total);
		row->cell[COLUMN_COUNTS] = buf_detach(&o->cell);
		cmd_field(&o->cell, buf_str(&status));
		row->cell[COLUMN_STATUS] = buf_detach(&o->cell);
		row->cell[COLUMN_DUE] = xstrdup("-");
		cmd_field(&o->cell, buf_str(&tags));
		row->cell[COLUMN_TAGS] = buf_detach(&o->cell);
		cmd_field(&o->cell, buf_str(&url));
		row->cell[COLUMN_URL] = buf_detach(&o->cell);
		break;
	case FORMAT_TSV:
		cmd_field(&o->out, q->query->name);
		buf_append_char(&o->out, '\t');
		cmd_field(&o->out, buf_str(&url));
		buf_append_char(&o->out, '\t');
		cmd_field(&o->out, buf_str(&tags));
		buf_appendf(&o->out, "\t%lld\t%lld\t", (long long)q->unread,
		    (long long)q->total);
		cmd_field(&o->out, buf_str(&status));
		buf_append_str(&o->out, "\t\n");
		break;
	case FORMAT_JSON:
		query_json(o, q);
		break;
	}
	buf_free(&status);
	buf_free(&url);
	buf_free(&tags);
	return 0;
}

/* --format, whose value the parser has checked against the table. */
static enum format
parse_format(const char *s)
{
	if (s == NULL || strcmp(s, "text") == 0)
		return FORMAT_TEXT;
	return strcmp(s, "tsv") == 0 ? FORMAT_TSV : FORMAT_JSON;
}

int
cmd_feeds(const struct globals *g, const struct cmd_args *args)
{
	struct feeds_output o;
	struct session session;
	size_t i;
	int64_t n, queries = 0;
	int col, status;

	memset(&o, 0, sizeof(o));
	o.format = parse_format(cmd_value(args, 'f'));
	if ((status = cmd_open(g, &session)) != 0)
		return status;
	o.now = store_now(session.store);
	json_writer_init(&o.writer, &o.out);
	n = store_each_feed(session.store, on_feed, &o);
	if (n != -1 && !o.failed && (queries = cmd_each_query(&session, on_query_row,
	    &o)) == -1)
		n = -1;
	if (n == -1) {
		cmd_store_failure(session.store, NULL);
		status = EXIT_FAILED;
	} else if (!o.failed) {
		if (o.format == FORMAT_TEXT) {
			if (n == 0 && queries == 0)
				buf_append_str(&o.out, "no feeds: add one with "
				    "tidings add URL, or tidings import FILE\n");
			else
				write_text_table(&o);
		}
		if (cmd_write(&o.out) != 0)
			o.failed = true;
	}
	if (o.failed)
		status = EXIT_FAILED;
	for (i = 0; i < o.n_rows; i++) {
		for (col = 0; col < COLUMN_COUNT; col++)
			free(o.rows[i].cell[col]);
	}
	free(o.rows);
	json_writer_free(&o.writer);
	buf_free(&o.out);
	buf_free(&o.cell);
	cmd_close(&session);
	return status;
}

/* ---- import ---- */

/* The list being read; too_big once it passes IMPORT_MAX_BYTES. */
struct list_input {
	struct buf	data;
	bool		too_big;
};

static int
append_chunk(void *ctx, const char *chunk, size_t len)
{
	struct list_input *in = ctx;

	if (in->data.len + len > IMPORT_MAX_BYTES) {
		in->too_big = true;
		return 1;
	}
	buf_append(&in->data, chunk, len);
	return 0;
}

/* The feed subscribed at exactly url: its id, 0 if none, -1 on error.
 * store_find_feed also matches names, so the URL is checked. */
static int64_t
subscribed(struct store *s, const char *url, struct store_feed *feed)
{
	int64_t id;

	memset(feed, 0, sizeof(*feed));
	id = store_find_feed(s, url);
	if (id <= 0)
		return 0;	/* -1 is several names alike: not this URL */
	if (store_get_feed(s, id, feed) == -1)
		return -1;
	if (strcmp(feed->url, url) != 0) {
		store_feed_clear(feed);
		return 0;
	}
	return id;
}

/* Add the entry's tags the feed lacks. */
static int
merge_tags(struct store *s, int64_t id, const struct store_feed *feed,
    const struct feedlist_entry *entry)
{
	const char **tags;
	size_t n, i, j;
	int rc = 0;

	tags = xreallocarray(NULL, feed->n_tags + entry->n_tags + 1, sizeof(*tags));
	for (n = 0; n < feed->n_tags; n++)
		tags[n] = feed->tags[n];
	for (i = 0; i < entry->n_tags; i++) {
		for (j = 0; j < feed->n_tags; j++) {
			if (strcmp(feed->tags[j], entry->tags[i]) == 0)
				break;
		}
		if (j == feed->n_tags)
			tags[n++] = entry->tags[i];
	}
	if (n > feed->n_tags)
		rc = store_set_feed_tags(s, id, tags, n);
	free(tags);
	return rc;
}

int
cmd_import(const struct globals *g, const struct cmd_args *args)
{
	struct session session;
	struct feedlist list = FEEDLIST_INIT;
	struct feedlist_entry *entry;
	struct store_feed feed;
	struct list_input in = { BUF_INIT, false };
	struct buf out = BUF_INIT, shown = BUF_INIT;
	const char *path, *name;
	char *error = NULL;
	int64_t added = 0, already = 0, skipped, id;
	size_t i;
	int status;
	bool allow_file = cmd_flag(args, 'A');

	path = args->operands[0];
	name = cmd_input_name(path);

	/* The file first: a list that cannot be read leaves the store alone. */
	if (cmd_read_input(path, append_chunk, &in) < 0 || in.too_big) {
		if (in.too_big)
			cmd_warn(name, "too large for a list of feeds");
		buf_free(&in.data);
		return EXIT_FAILED;
	}
	if (feedlist_read(in.data.data != NULL ? in.data.data : "", in.data.len, &list,
	    &error) == -1) {
		cmd_field(&shown, error);
		fprintf(stderr, "tidings: %s: %s\n", name, buf_str(&shown));
		free(error);
		feedlist_free(&list);
		buf_free(&in.data);
		buf_free(&shown);
		return EXIT_FAILED;
	}
	buf_free(&in.data);
	for (i = 0; i < list.n_warnings; i++) {
		buf_reset(&shown);
		cmd_field(&shown, list.warnings[i]);
		fprintf(stderr, "tidings: %s: %s\n", name, buf_str(&shown));
	}
	skipped = (int64_t)list.n_skipped;
	/* An empty list is most likely the wrong file: say so, and leave the
	 * store alone (not even created). */
	if (list.n_entries == 0) {
		fprintf(stderr, "tidings: no feeds in %s\n", name);
		feedlist_free(&list);
		buf_free(&shown);
		return EXIT_FAILED;
	}

	if ((status = cmd_open(g, &session)) != 0) {
		feedlist_free(&list);
		buf_free(&shown);
		return status;
	}
	/* One transaction: an import that fails half-way leaves nothing. */
	if (store_begin(session.store) == -1) {
		cmd_store_failure(session.store, NULL);
		status = EXIT_FAILED;
		goto out;
	}
	for (i = 0; i < list.n_entries; i++) {
		entry = &list.entries[i];
		if (!url_is_subscribable(entry->url)) {
			buf_reset(&shown);
			cmd_field(&shown, entry->url);
			fprintf(stderr, "tidings: %s: skipped %s: not an http, https "
			    "or file URL\n", name, buf_str(&shown));
			skipped++;
			continue;
		}
		/* A list from elsewhere must not make refresh read (and store,
		 * and show) a local file such as file:///etc/shadow. */
		if (!allow_file && !url_is_http(entry->url)) {
			buf_reset(&shown);
			cmd_field(&shown, entry->url);
			fprintf(stderr, "tidings: %s: skipped %s: a file:// URL "
			    "(--allow-file imports it)\n", name, buf_str(&shown));
			skipped++;
			continue;
		}
		if ((id = subscribed(session.store, entry->url, &feed)) == -1)
			goto failed;
		if (id > 0) {
			already++;
			if (merge_tags(session.store, id, &feed, entry) == -1) {
				store_feed_clear(&feed);
				goto failed;
			}
			store_feed_clear(&feed);
			continue;
		}
		if (store_add_feed(session.store, entry->url, entry->title,
		    (const char *const *)entry->tags, entry->n_tags) == -1)
			goto failed;
		added++;
	}
	if (store_commit(session.store) == -1)
		goto failed;
	buf_appendf(&out, "imported %lld %s (%lld already subscribed, %lld skipped)\n",
	    (long long)added, plural_noun(added, "feed", "feeds"), (long long)already,
	    (long long)skipped);
	if (cmd_write(&out) != 0)
		status = EXIT_FAILED;
	/* Every feed of the list skipped: nothing it names is subscribed. */
	if (added == 0 && already == 0)
		status = EXIT_FAILED;
	goto out;

failed:
	cmd_store_failure(session.store, name);
	store_rollback(session.store);
	fprintf(stderr, "tidings: %s: nothing imported\n", name);
	status = EXIT_FAILED;
out:
	cmd_close(&session);
	feedlist_free(&list);
	buf_free(&out);
	buf_free(&shown);
	return status;
}

/* ---- export ---- */

static int
on_export_feed(void *ctx, const struct store_feed *feed)
{
	struct feedlist *list = ctx;
	struct feedlist_entry *entry;
	const char *title;
	size_t i;

	/* The name the user sees, unless it is only the URL standing in. */
	title = feed->user_title != NULL && *feed->user_title != '\0' ?
	    feed->user_title : feed->title;
	if (title != NULL && *title == '\0')
		title = NULL;
	if ((entry = feedlist_add(list, feed->url, title, feed->link)) == NULL)
		return 0;
	for (i = 0; i < feed->n_tags; i++)
		feedlist_add_tag(entry, feed->tags[i]);
	return 0;
}

int
cmd_export(const struct globals *g, const struct cmd_args *args)
{
	struct session session;
	struct feedlist list = FEEDLIST_INIT;
	struct buf out = BUF_INIT;
	int status;

	(void)args;
	if ((status = cmd_open(g, &session)) != 0)
		return status;
	if (store_each_feed(session.store, on_export_feed, &list) == -1) {
		cmd_store_failure(session.store, NULL);
		status = EXIT_FAILED;
	} else {
		feedlist_write_opml(&list, time(NULL), &out);
		if (cmd_write(&out) != 0)
			status = EXIT_FAILED;
	}
	feedlist_free(&list);
	buf_free(&out);
	cmd_close(&session);
	return status;
}
