/* store-fixture.h: what the store's test programs share: a scratch folder,
 * a second raw SQLite connection to look at the file, and items made and
 * listed in one call. */
#ifndef TIDINGS_STORE_FIXTURE_H
#define TIDINGS_STORE_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "feed.h"
#include "store.h"
#include "test.h"
#include "xmalloc.h"

#define DAY (24 * 60 * 60)
#define NOW ((int64_t)1700000000)

static char *tmpdir;

/* A second connection, as another process would have, to look at the file. */
static inline sqlite3 *
raw_open(const char *path)
{
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK) {
		fprintf(stderr, "cannot open %s\n", path);
		exit(1);
	}
	sqlite3_busy_timeout(db, 5000);
	sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return db;
}

static inline int64_t
raw_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -999;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
		return v;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The first column of the first row as an owned string ("" if none). */
static inline char *
raw_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	char *v = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v != NULL ? v : xstrdup("");
}

static inline int
raw_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	int rc;

	rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fprintf(stderr, "%s: %s\n", sql, msg);
	sqlite3_free(msg);
	return rc;
}

static inline char *
tmp_path(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* An item for upserts; strings are copied. */
static inline void
make_item(struct item *item, const char *id, const char *title,
    const char *content, int64_t published)
{
	item_init(item);
	item->id = id != NULL ? xstrdup(id) : NULL;
	item->title = title != NULL ? xstrdup(title) : NULL;
	item->content = content != NULL ? xstrdup(content) : NULL;
	item->published = published;
}

static inline int64_t
upsert(struct store *s, int64_t feed, const char *id, const char *title,
    const char *content, int64_t published, bool *is_new)
{
	struct item item;
	int rc;

	make_item(&item, id, title, content, published);
	rc = store_upsert_item(s, feed, &item, is_new);
	item_clear(&item);
	return rc;
}

/* Collect query results as "title,title,...". */
struct collected {
	struct buf	 titles;
	int64_t		 first_id;
	int		 stop_after;	/* 0: never stop */
	int		 seen;
};

static inline int
collect(void *ctx, const struct store_item *item)
{
	struct collected *c = ctx;

	if (c->seen++ == 0)
		c->first_id = item->id;
	buf_appendf(&c->titles, "%s%s", c->titles.len > 0 ? "," : "",
	    item->title != NULL ? item->title : "(null)");
	return c->stop_after > 0 && c->seen >= c->stop_after;
}

/* The titles a filter selects, newest first; owned by the caller. */
static inline char *
titles(struct store *s, const struct store_filter *f)
{
	struct collected c = { BUF_INIT, 0, 0, 0 };

	if (store_query_items(s, f, collect, &c) == -1) {
		buf_free(&c.titles);
		return xasprintf("error: %s", store_error(s));
	}
	return buf_detach(&c.titles);
}

#define CHECK_TITLES(s, f, want) do { \
	char *got__ = titles((s), (f)); \
	CHECK_STR(got__, (want)); \
	free(got__); \
} while (0)

static inline int
count_feed(void *ctx, const struct store_feed *feed)
{
	struct buf *b = ctx;

	buf_appendf(b, "%s%s:%lld/%lld", b->len > 0 ? " " : "", store_feed_name(feed),
	    (long long)feed->unread, (long long)feed->total);
	return 0;
}


/* Ids as a query hands them out. */
struct id_list {
	int64_t	*ids;
	size_t	 n;
	int64_t	 last_date;
};

static inline int
collect_id(void *ctx, const struct store_item *item)
{
	struct id_list *l = ctx;

	l->ids = xreallocarray(l->ids, l->n + 1, sizeof(*l->ids));
	l->ids[l->n++] = item->id;
	l->last_date = item->date;
	return 0;
}

#endif
