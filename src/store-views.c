/* store-views.c: what the views ask of the items: the rows a filter keeps
 * in list order, a window of them, and how many, with the plans that make
 * a search fast. Not writing items (store-items.c) or the index itself. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "store-internal.h"
#include "xmalloc.h"

/* The columns item_from_row reads, and where they come from. */
#define ROW_COLUMNS \
	"i.id, i.feed_id, coalesce(f.user_title, f.title, f.url), i.sort_date," \
	" i.title, i.link, i.author, i.read, i.starred"
#define ROW_TEXT_COLUMNS ", i.summary, i.content, i.story"
#define ROW_FROM " FROM items i JOIN feeds f ON f.id = i.feed_id"

static const char *const view_sql[STMT_COUNT] = {
	[STMT_ITEM_ROW] = "SELECT " ROW_COLUMNS ROW_FROM " WHERE i.id = ?1",
	[STMT_ITEM_ROW_TEXT] =
	    "SELECT " ROW_COLUMNS ROW_TEXT_COLUMNS ROW_FROM " WHERE i.id = ?1",
	[STMT_SEARCH_ESTIMATE] =
	    "SELECT count(*) FROM (SELECT rowid FROM items_fts"
	    " WHERE items_fts MATCH ?1 LIMIT ?2)",
	[STMT_SEARCH_COUNT] =
	    "SELECT count(*) FROM items_fts WHERE items_fts MATCH ?1",
	/* FTS5 reads its index in either direction of rowid, so either
	 * order costs nothing (no sort). */
	[STMT_SEARCH_NEWEST] =
	    "SELECT rowid FROM items_fts WHERE items_fts MATCH ?1 ORDER BY rowid DESC",
	[STMT_SEARCH_OLDEST] =
	    "SELECT rowid FROM items_fts WHERE items_fts MATCH ?1 ORDER BY rowid",
	/* The counters the triggers of schema 2 keep. */
	[STMT_COUNT_FEED] = "SELECT item_count, unread_count FROM feeds WHERE id = ?1",
	[STMT_COUNT_TAG] =
	    "SELECT coalesce(sum(item_count), 0), coalesce(sum(unread_count), 0)"
	    " FROM feeds WHERE id IN (SELECT feed_id FROM feed_tags WHERE tag = ?1)",
	[STMT_COUNT_ALL] =
	    "SELECT coalesce(sum(item_count), 0), coalesce(sum(unread_count), 0)"
	    " FROM feeds",
};

#define statement(s, id) store_statement((s), (id), view_sql[(id)])

/* How a search is answered. FTS5 hands out the matches of a search in
 * rowid order (rowid = items.id, the order of arrival) and cheaply: the
 * newest 114 of a word in half of a million items in 0.3 ms. A list is in
 * date order, which is nearly the same but not quite (a feed subscribed
 * today brings its old items with new ids; clocks and feeds are wrong), so
 * the matches are read in id order and the list is kept in date order.
 *
 * Few matches (fewer than SPARSE_SEARCH): read them all from the index,
 * keep those the other filters keep, sort by date in memory.
 *
 * Many, for a window of the list (the reader's case): walk the list's date
 * index (the other filters' rows, in list order, ids only) and keep the
 * rows that match, reading the matches from the index in the same
 * direction of id alongside, only as far as the walk has come: once the
 * matches read go past a row's id, whether that row matches is known. As
 * ids follow dates, a window of a word in half of the items walks twice
 * its rows and reads about as many matches; the result is exact whatever
 * the order of arrival (a walk meeting an old id reads the matches down to
 * it). At a million items the first 114 rows of "wa" (half the items; the
 * prefix index serves it) take 1.3 ms, where building the whole set of
 * matches first, then walking the date index against it, took 90 ms.
 * Testing each row of the walk against the index instead (MATCH with
 * rowid = ?) costs 0.25 ms a row, and 50 ms a row with a prefix word,
 * whose terms FTS5 merges again at every test.
 *
 * Many, but a walk that would be long (the matches are spread thin, or the
 * window is deep or unlimited), or one that turns out long (the other
 * filters rarely meet the matches): the set of matches built once and the
 * date index walked against it, whose cost does not grow with the walk.
 *
 * A prefix word of three characters or more costs FTS5 a merge of the
 * doclists of every term it starts before the first match comes out,
 * whatever plan reads it: 18 ms for a word in half of a million items,
 * 80 ms and more where many common terms share the prefix. */
#define SPARSE_SEARCH 1000
#define WALK_ROWS 10000		/* deepest window walked */
#define WALK_BUDGET 50000	/* steps (rows, matches read) a walk may take */
#define TAG_STEPS 50		/* a row read for its feed, in walk steps */

enum {
	SHAPE_FEED = 1 << 0,
	SHAPE_TAG = 1 << 1,
	SHAPE_UNREAD = 1 << 2,
	SHAPE_STARRED = 1 << 3,
	SHAPE_SEARCH = 1 << 4,
	SHAPE_DENSE = 1 << 5,	/* with SHAPE_SEARCH: many matches */
	SHAPE_SINCE = 1 << 6,
	SHAPE_AFTER = 1 << 7,
	SHAPE_TEXT = 1 << 8,	/* rows only */
	SHAPE_OLDEST = 1 << 9,	/* rows only */
};

/* Whether query matches at least SPARSE_SEARCH items: 1, 0, or -1. */
static int
search_matches_many(struct store *s, const char *query)
{
	sqlite3_stmt *st;
	int rc, n = -1;

	if ((st = statement(s, STMT_SEARCH_ESTIMATE)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, SPARSE_SEARCH);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	else
		store_set_db_error(s, "cannot search");
	sqlite3_reset(st);
	if (n == -1)
		return -1;
	return n >= SPARSE_SEARCH;
}

/* For a count: whether the words match many items (1, 0, -1). The guess
 * asks for the words whole first, which FTS5 streams from its index at
 * once; only when that finds few are the prefixes asked for (FTS5 merges
 * every term of a prefix before it returns one row). */
static int
search_is_dense(struct store *s, const char *words, const char *match)
{
	char *exact;
	int many;

	exact = store_fts_query(words, false);
	many = search_matches_many(s, exact);
	free(exact);
	if (many == 0)
		many = search_matches_many(s, match);
	return many;
}

/* The shape of f's constraints other than its search. */
static int
filter_shape(const struct store_filter *f)
{
	int shape = 0;

	if (f->feed_id != 0)
		shape |= SHAPE_FEED;
	if (f->tag != NULL)
		shape |= SHAPE_TAG;
	if (f->unread_only)
		shape |= SHAPE_UNREAD;
	if (f->starred_only)
		shape |= SHAPE_STARRED;
	if (f->since != 0)
		shape |= SHAPE_SINCE;
	if (f->after_id != 0)
		shape |= SHAPE_AFTER;
	if (f->with_text)
		shape |= SHAPE_TEXT;
	if (f->oldest_first)
		shape |= SHAPE_OLDEST;
	return shape;
}

/* The WHERE clause of a shape. Each constraint is written so that an index
 * serves it: "read = 0" and "starred = 1" as the partial indexes say. */
static void
append_where(struct buf *b, int shape)
{
	buf_append_str(b, " WHERE 1");
	if (shape & SHAPE_FEED)
		buf_append_str(b, " AND i.feed_id = :feed");
	if (shape & SHAPE_TAG)
		buf_append_str(b, " AND i.feed_id IN"
		    " (SELECT feed_id FROM feed_tags WHERE tag = :tag)");
	if (shape & SHAPE_UNREAD)
		buf_append_str(b, " AND i.read = 0");
	if (shape & SHAPE_STARRED)
		buf_append_str(b, " AND i.starred = 1");
	if (shape & SHAPE_SINCE)
		buf_append_str(b, " AND i.sort_date >= :since");
	if (shape & SHAPE_AFTER)
		buf_appendf(b, " AND (i.sort_date, i.id) %c (:after_date, :after_id)",
		    shape & SHAPE_OLDEST ? '>' : '<');
	/* Few matches: look them up by id. Many: the unary + keeps SQLite
	 * from driving the query by id, so it walks a date index and tests
	 * each row against the matches, gathered once into a set. */
	if (shape & SHAPE_SEARCH)
		buf_appendf(b, " AND %si.id IN"
		    " (SELECT rowid FROM items_fts WHERE items_fts MATCH :match)",
		    shape & SHAPE_DENSE ? "+" : "");
}

static sqlite3_stmt *
shape_statement(struct store *s, int shape, enum store_query kind)
{
	struct buf b = BUF_INIT;
	sqlite3_stmt *st, **slot = &s->item_queries[kind][shape];

	if (*slot != NULL)
		return store_prepare(s, slot, NULL);
	switch (kind) {
	case QUERY_ROWS:
		buf_appendf(&b, "SELECT %s%s%s", ROW_COLUMNS,
		    shape & SHAPE_TEXT ? ROW_TEXT_COLUMNS : "", ROW_FROM);
		break;
	case QUERY_COUNT:
		buf_append_str(&b, "SELECT count(*) FROM items i");
		break;
	case QUERY_ORDER:
		buf_append_str(&b, "SELECT i.id FROM items i");
		break;
	case QUERY_DATE:
	default:
		buf_append_str(&b, "SELECT i.sort_date FROM items i");
		break;
	}
	append_where(&b, shape);
	if (kind == QUERY_DATE)
		buf_append_str(&b, " AND i.id = :id");
	if (kind == QUERY_ROWS || kind == QUERY_ORDER)
		buf_append_str(&b, shape & SHAPE_OLDEST ?
		    " ORDER BY i.sort_date, i.id" :
		    " ORDER BY i.sort_date DESC, i.id DESC");
	if (kind == QUERY_ROWS)
		buf_append_str(&b, " LIMIT :limit OFFSET :offset");
	if (kind == QUERY_ORDER)
		buf_append_str(&b, " LIMIT :limit");
	st = store_prepare(s, slot, buf_str(&b));
	buf_free(&b);
	return st;
}

static void
bind_named_int(sqlite3_stmt *st, const char *name, int64_t value)
{
	int index;

	if ((index = sqlite3_bind_parameter_index(st, name)) > 0)
		sqlite3_bind_int64(st, index, value);
}

static void
bind_named_text(sqlite3_stmt *st, const char *name, const char *value)
{
	int index;

	if ((index = sqlite3_bind_parameter_index(st, name)) > 0)
		sqlite3_bind_text(st, index, value, -1, SQLITE_STATIC);
}

static void
bind_filter(sqlite3_stmt *st, const struct store_filter *f, const char *match)
{
	bind_named_int(st, ":feed", f->feed_id);
	bind_named_text(st, ":tag", f->tag);
	bind_named_int(st, ":since", f->since);
	bind_named_int(st, ":after_date", f->after_date);
	bind_named_int(st, ":after_id", f->after_id);
	bind_named_text(st, ":match", match);
	bind_named_int(st, ":limit", f->limit > 0 ? f->limit : -1);
	bind_named_int(st, ":offset", f->offset > 0 ? f->offset : 0);
}

/* Counts without search, date or starred constraints come from the feeds'
 * counters: a read of at most a few hundred rows, whatever the store size. */
static int64_t
count_from_counters(struct store *s, const struct store_filter *f)
{
	sqlite3_stmt *st;
	int64_t n = 0;
	int rc;

	if (f->feed_id != 0) {
		if ((st = statement(s, STMT_COUNT_FEED)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, f->feed_id);
	} else if (f->tag != NULL) {
		if ((st = statement(s, STMT_COUNT_TAG)) == NULL)
			return -1;
		sqlite3_bind_text(st, 1, f->tag, -1, SQLITE_STATIC);
	} else if ((st = statement(s, STMT_COUNT_ALL)) == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int64(st, f->unread_only ? 1 : 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot count items");
		return -1;
	}
	return n;
}

int64_t
store_count_items(struct store *s, const struct store_filter *f)
{
	sqlite3_stmt *st;
	char *match = NULL;
	int64_t n = -1;
	int shape, dense, rc;

	if (f->where != NULL)
		return store_filter_count(s, f);
	/* Limit, offset, order and the paging position do not change a
	 * count. */
	shape = filter_shape(f) & ~(SHAPE_TEXT | SHAPE_AFTER | SHAPE_OLDEST);
	if (f->search != NULL && (match = store_fts_query(f->search, true)) != NULL) {
		if (store_flush_search(s) == -1 ||
		    (dense = search_is_dense(s, f->search, match)) == -1)
			goto out;
		shape |= dense ? SHAPE_SEARCH | SHAPE_DENSE : SHAPE_SEARCH;
	}
	if ((shape & ~(SHAPE_UNREAD | SHAPE_FEED | SHAPE_TAG)) == 0 &&
	    (shape & (SHAPE_FEED | SHAPE_TAG)) != (SHAPE_FEED | SHAPE_TAG))
		return count_from_counters(s, f);
	/* A search alone: every index entry is an item. */
	if ((shape & ~(SHAPE_SEARCH | SHAPE_DENSE)) == 0) {
		if ((st = statement(s, STMT_SEARCH_COUNT)) == NULL)
			goto out;
		sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	} else {
		if ((st = shape_statement(s, shape, QUERY_COUNT)) == NULL)
			goto out;
		bind_filter(st, f, match);
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		store_set_db_error(s, "cannot count items");
	sqlite3_reset(st);
out:
	free(match);
	return n;
}

/* Where a query is: its callback, and how many calls it made. */
struct delivery {
	int		(*fn)(void *, const struct store_item *);
	void		*ctx;
	bool		 with_text;
	int64_t		 calls;
	bool		 stop;		/* the callback asked to stop */
};

/* Hand the item with this id to the callback. 0, or -1 on error. */
static int
deliver(struct store *s, struct delivery *d, int64_t id)
{
	sqlite3_stmt *st;
	struct store_item item;
	int rc;

	st = statement(s, d->with_text ? STMT_ITEM_ROW_TEXT : STMT_ITEM_ROW);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		store_item_from_row(st, &item, d->with_text);
	/* Reset before the callback, which may use the store. */
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;	/* cannot happen inside one read transaction */
	if (rc != SQLITE_ROW) {
		store_set_db_error(s, "cannot list items");
		return -1;
	}
	d->calls++;
	d->stop = d->fn(d->ctx, &item) != 0;
	store_item_clear(&item);
	return 0;
}

/* The matches of a search as read so far, from the index in the list's
 * direction of id. Each is kept as a key that grows in that direction (the
 * id, negated for newest first), so "read as far as this row" is one
 * comparison and membership a binary search. */
struct matches {
	sqlite3_stmt	*st;
	int64_t		*keys;
	size_t		 n;
	size_t		 size;		/* allocated keys */
	bool		 negate;
	bool		 done;		/* every match is read */
};

static int
matches_open(struct store *s, struct matches *m, const char *match, bool oldest_first)
{
	memset(m, 0, sizeof(*m));
	m->negate = !oldest_first;
	m->st = statement(s, oldest_first ? STMT_SEARCH_OLDEST : STMT_SEARCH_NEWEST);
	if (m->st == NULL)
		return -1;
	sqlite3_bind_text(m->st, 1, match, -1, SQLITE_STATIC);
	return 0;
}

static void
matches_close(struct matches *m)
{
	if (m->st != NULL)
		sqlite3_reset(m->st);
	free(m->keys);
	memset(m, 0, sizeof(*m));
}

/* Read one more match. 0, or -1 on error. */
static int
matches_read(struct store *s, struct matches *m)
{
	int64_t id;
	int rc;

	if ((rc = sqlite3_step(m->st)) == SQLITE_DONE) {
		m->done = true;
		return 0;
	}
	if (rc != SQLITE_ROW) {
		store_set_db_error(s, "cannot search");
		return -1;
	}
	id = sqlite3_column_int64(m->st, 0);
	if (m->n == m->size) {
		m->size = m->size == 0 ? 1024 : m->size * 2;
		m->keys = xreallocarray(m->keys, m->size, sizeof(*m->keys));
	}
	m->keys[m->n++] = m->negate ? -id : id;
	return 0;
}

/* Whether the item id matches: 1, 0, or -1 on error. Reads on from the
 * index until past id. */
static int
matches_have(struct store *s, struct matches *m, int64_t id)
{
	int64_t key = m->negate ? -id : id;
	size_t low = 0, high;

	while (!m->done && (m->n == 0 || m->keys[m->n - 1] < key)) {
		if (matches_read(s, m) == -1)
			return -1;
	}
	for (high = m->n; low < high;) {
		size_t mid = low + (high - low) / 2;

		if (m->keys[mid] < key)
			low = mid + 1;
		else
			high = mid;
	}
	return low < m->n && m->keys[low] == key;
}

/* The plain plan: one statement of the shape gives the rows. */
static int
query_rows(struct store *s, const struct store_filter *f, int shape,
    const char *match, struct delivery *d)
{
	sqlite3_stmt *st;
	struct store_item item;
	int rc = SQLITE_DONE;

	if ((st = shape_statement(s, shape, QUERY_ROWS)) == NULL)
		return -1;
	bind_filter(st, f, match);
	while (!d->stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_item_from_row(st, &item, d->with_text);
		d->calls++;
		d->stop = d->fn(d->ctx, &item) != 0;
		store_item_clear(&item);
	}
	sqlite3_reset(st);
	if (!d->stop && rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot list items");
		return -1;
	}
	return 0;
}

/* Whether the tag holds a sixteenth of all items or more, from the
 * counters: 1, 0, or -1 on error. */
static int
tag_is_large(struct store *s, const char *tag)
{
	struct store_filter f;
	int64_t in_tag, all;

	memset(&f, 0, sizeof(f));
	if ((all = count_from_counters(s, &f)) == -1)
		return -1;
	f.tag = tag;
	if ((in_tag = count_from_counters(s, &f)) == -1)
		return -1;
	return in_tag * 16 >= all;
}

/* Whether item id is in a feed with this tag: 1, 0, or -1 on error. */
static int
in_tag(struct store *s, const char *tag, int64_t id)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = shape_statement(s, SHAPE_TAG, QUERY_DATE)) == NULL)
		return -1;
	bind_named_text(st, ":tag", tag);
	bind_named_int(st, ":id", id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot list items");
		return -1;
	}
	return rc == SQLITE_ROW;
}

/* The date of item id, into *date: 0, or -1 on error. */
static int
item_date(struct store *s, int64_t id, int64_t *date)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = shape_statement(s, 0, QUERY_DATE)) == NULL)
		return -1;
	bind_named_int(st, ":id", id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*date = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		store_set_db_error(s, "cannot list items");
		return -1;
	}
	return 0;
}

/* A search matching many: walk the rows the other filters keep, in list
 * order, and deliver those that match, skipping the offset.
 *
 * The walk asks for its rows in chunks, each after the last row of the one
 * before: SQLite answers a limited query of some shapes (a tag: several
 * feeds' rows merged by date) by keeping only the first rows of a sort
 * instead of sorting all of them. The first chunk is sized from the
 * matches read so far (so many in so wide a range of ids) to hold the
 * window twice over; each further one doubles. A chunk after a position
 * tests every row against it, so restarts are kept few.
 *
 * SQLite gives a tag's rows in date order by merging its feeds' rows and
 * sorting them all. When the tag holds many items, walking the date index
 * of every item costs less, the tag asked only of the rows that match: the
 * search's test needs no read of the row, the tag's does.
 *
 * When matches and the other filters rarely meet (a word never in the
 * unread items, a tag whose feeds never use it), the walk would go on
 * through the whole list. Past WALK_BUDGET steps it hands over to the
 * plain plan from where it stopped: the whole set of matches built once
 * costs more at first but nothing per row. */
/* The rows of the list a walk would read for f's window: the window over
 * the share of ids that match, judged from the matches read so far (so many
 * in so wide a range of ids). */
static int64_t
walk_rows(const struct store_filter *f, const struct matches *m)
{
	int64_t per_match;

	per_match = (m->keys[m->n - 1] - m->keys[0]) / (int64_t)m->n + 1;
	if (per_match > WALK_BUDGET)
		return WALK_BUDGET + 1;
	return ((f->offset > 0 ? f->offset : 0) + f->limit) * per_match;
}

/* Whether walking is the plan for f's window: a window, not too deep,
 * of a search whose matches are dense enough that the walk ends soon. */
static bool
walk_pays(const struct store_filter *f, const struct matches *m)
{
	return f->limit > 0 && (f->offset > 0 ? f->offset : 0) + f->limit <= WALK_ROWS &&
	    walk_rows(f, m) <= WALK_BUDGET;
}

static int
query_walk(struct store *s, const struct store_filter *f, int shape,
    const char *match, struct matches *m, struct delivery *d)
{
	struct store_filter chunk = *f;
	sqlite3_stmt *st;
	int64_t skip = f->offset > 0 ? f->offset : 0, rows, id, steps = 0;
	int rc = SQLITE_DONE, have, walk_shape = shape & ~SHAPE_TEXT, large;
	bool check_tag = false, tired = false;

	if ((shape & (SHAPE_TAG | SHAPE_FEED)) == SHAPE_TAG) {
		if ((large = tag_is_large(s, f->tag)) == -1)
			return -1;
		if (large) {
			walk_shape &= ~SHAPE_TAG;
			check_tag = true;
		}
	}
	chunk.offset = 0;
	chunk.limit = 2 * walk_rows(f, m);
	if (chunk.limit < 256)
		chunk.limit = 256;
	for (;;) {
		st = shape_statement(s, walk_shape |
		    (chunk.after_id != 0 ? SHAPE_AFTER : 0), QUERY_ORDER);
		if (st == NULL)
			return -1;
		bind_filter(st, &chunk, NULL);
		rows = 0;
		while (!d->stop && d->calls < f->limit && !tired &&
		    (rc = sqlite3_step(st)) == SQLITE_ROW) {
			rows++;
			id = sqlite3_column_int64(st, 0);
			chunk.after_id = id;
			if ((have = matches_have(s, m, id)) == 1 && check_tag) {
				have = in_tag(s, f->tag, id);
				steps += TAG_STEPS;
			}
			tired = ++steps + (int64_t)m->n > WALK_BUDGET;
			if (have == -1)
				goto fail;
			if (have == 0)
				continue;
			if (skip > 0) {
				skip--;
				continue;
			}
			if (deliver(s, d, id) == -1)
				goto fail;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
			store_set_db_error(s, "cannot list items");
			return -1;
		}
		if (d->stop || d->calls >= f->limit || (!tired && rows < chunk.limit))
			return 0;
		/* Go on after the last row walked, whose date is read only
		 * now: reading it from every row costs more than this. */
		if (item_date(s, chunk.after_id, &chunk.after_date) == -1)
			return -1;
		if (tired)
			break;
		chunk.limit *= 2;
	}
	chunk.offset = skip;
	chunk.limit = f->limit - d->calls;
	return query_rows(s, &chunk, filter_shape(&chunk) | SHAPE_SEARCH | SHAPE_DENSE,
	    match, d);

fail:
	sqlite3_reset(st);
	return -1;
}

struct dated {
	int64_t	 date;
	int64_t	 id;
};

static int
newest_first(const void *a, const void *b)
{
	const struct dated *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? 1 : -1;
	return x->id < y->id ? 1 : x->id > y->id ? -1 : 0;
}

static int
oldest_first(const void *a, const void *b)
{
	return newest_first(b, a);
}

/* A search matching few, every match read: keep those the other filters
 * keep, sort them by date, deliver the window. */
static int
query_sparse(struct store *s, const struct store_filter *f, int shape,
    const struct matches *m, struct delivery *d)
{
	sqlite3_stmt *st;
	struct dated *kept;
	size_t n = 0, i;
	int64_t skip = f->offset > 0 ? f->offset : 0;
	int rc, index, result = 0;

	if ((st = shape_statement(s, shape & ~SHAPE_TEXT, QUERY_DATE)) == NULL)
		return -1;
	bind_filter(st, f, NULL);
	index = sqlite3_bind_parameter_index(st, ":id");
	kept = xreallocarray(NULL, m->n > 0 ? m->n : 1, sizeof(*kept));
	for (i = 0; i < m->n; i++) {
		kept[n].id = m->negate ? -m->keys[i] : m->keys[i];
		sqlite3_bind_int64(st, index, kept[n].id);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			kept[n++].date = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			store_set_db_error(s, "cannot list items");
			free(kept);
			return -1;
		}
	}
	qsort(kept, n, sizeof(*kept), f->oldest_first ? oldest_first : newest_first);
	for (i = (size_t)(skip < (int64_t)n ? skip : (int64_t)n); i < n && !d->stop &&
	    (f->limit <= 0 || d->calls < f->limit); i++) {
		if ((result = deliver(s, d, kept[i].id)) == -1)
			break;
	}
	free(kept);
	return result;
}

int64_t
store_query_items(struct store *s, const struct store_filter *f,
    int (*fn)(void *, const struct store_item *), void *ctx)
{
	struct delivery d = { fn, ctx, f->with_text, 0, false };
	struct matches m;
	char *match;
	int shape = filter_shape(f), rc = -1;

	if (f->where != NULL)
		return store_filter_query(s, f, fn, ctx);
	if (f->search == NULL || (match = store_fts_query(f->search, true)) == NULL)
		return query_rows(s, f, shape, NULL, &d) == -1 ? -1 : d.calls;

	/* The first matches tell which plan: all of them when they are
	 * few. The statements read below all see the one snapshot the
	 * matches' statement holds open. */
	if (store_flush_search(s) == -1 || matches_open(s, &m, match,
	    f->oldest_first) == -1) {
		free(match);
		return -1;
	}
	while (!m.done && m.n < SPARSE_SEARCH) {
		if (matches_read(s, &m) == -1)
			goto out;
	}
	if (m.done)
		rc = query_sparse(s, f, shape, &m, &d);
	else if (walk_pays(f, &m))
		rc = query_walk(s, f, shape, match, &m, &d);
	else {
		sqlite3_reset(m.st);
		rc = query_rows(s, f, shape | SHAPE_SEARCH | SHAPE_DENSE, match, &d);
	}
out:
	matches_close(&m);
	free(match);
	return rc == -1 ? -1 : d.calls;
}

/* ---- For store-filter.c ---- */

void
store_items_select(struct buf *b, const struct store_filter *f, bool count)
{
	int shape = filter_shape(f) | (f->search != NULL ? SHAPE_SEARCH : 0);

	if (count) {
		buf_append_str(b, "SELECT count(*) FROM items i");
		shape &= ~(SHAPE_AFTER | SHAPE_TEXT | SHAPE_OLDEST);
	} else
		buf_appendf(b, "SELECT %s%s%s", ROW_COLUMNS,
		    shape & SHAPE_TEXT ? ROW_TEXT_COLUMNS : "", ROW_FROM);
	append_where(b, shape);
}

void
store_items_bind(sqlite3_stmt *st, const struct store_filter *f, const char *match)
{
	bind_filter(st, f, match);
}
