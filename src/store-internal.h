/* store-internal.h: what the store's files (store.c: open, schema, feeds;
 * store-items.c: items one by one, retention; store-search.c: the search
 * index; store-views.c: queries and counts) share. Not for other modules. */
#ifndef TIDINGS_STORE_INTERNAL_H
#define TIDINGS_STORE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include <sqlite3.h>

#include "buf.h"
#include "store.h"

/* Every fixed statement the store runs, prepared on first use and kept until
 * store_close. Each file keeps the SQL of its own statements. */
enum store_statement {
	STMT_BEGIN,
	STMT_COMMIT,
	STMT_ROLLBACK,
	STMT_SAVEPOINT,
	STMT_RELEASE,
	STMT_ROLLBACK_TO,

	STMT_FEED_INSERT,
	STMT_FEED_DELETE,
	STMT_FEED_GET,
	STMT_FEED_ALL,
	STMT_FEED_BY_URL,
	STMT_FEED_BY_NAME,
	STMT_FEED_BY_NAME_NOCASE,
	STMT_FEED_FETCH_STATE,
	STMT_FEED_SET_URL,
	STMT_FEED_SET_USER_TITLE,
	STMT_FEED_SET_INTERVAL,
	STMT_FEED_SET_FULL_STORY,
	STMT_FEED_META,
	STMT_FEED_EXISTS,
	STMT_TAGS_DELETE,
	STMT_TAG_INSERT,

	STMT_ITEM_FIND,
	STMT_ITEM_INSERT,
	STMT_ITEM_UPDATE,
	STMT_ITEM_GET,
	STMT_ITEM_ROW,
	STMT_ITEM_ROW_TEXT,
	STMT_SEARCH_INSERT,
	STMT_SEARCH_DELETE,
	STMT_SEARCH_ESTIMATE,
	STMT_SEARCH_COUNT,
	STMT_SEARCH_NEWEST,
	STMT_SEARCH_OLDEST,
	STMT_ENCLOSURES_GET,
	STMT_ENCLOSURES_DELETE,
	STMT_ENCLOSURE_INSERT,
	STMT_TOMBSTONE_FIND,
	STMT_TOMBSTONE_TOUCH,
	STMT_TOMBSTONE_EXPIRE,
	STMT_PRUNE_REMEMBER_FEED,
	STMT_PRUNE_DELETE_FEED,
	STMT_PRUNE_REMEMBER_ALL,
	STMT_PRUNE_DELETE_ALL,
	STMT_MARK_ITEM,
	STMT_MARK_FEED,
	STMT_MARK_TAG,
	STMT_MARK_ALL,
	STMT_STAR_ITEM,
	STMT_ITEM_SET_STORY,
	STMT_COUNT_FEED,
	STMT_COUNT_TAG,
	STMT_COUNT_ALL,
	STMT_DATA_VERSION,

	/* store-sync.c */
	STMT_SYNC_JOURNAL,
	STMT_SYNC_JOURNAL_DONE,
	STMT_SYNC_JOURNAL_COUNT,
	STMT_SYNC_STATE_GET,
	STMT_SYNC_STATE_PUT,
	STMT_SYNC_FEED_BY_REMOTE,
	STMT_SYNC_FEED_BY_URL,
	STMT_SYNC_FEED_SET,
	STMT_SYNC_REMOTE_FEEDS,
	STMT_SYNC_ITEM_BY_REMOTE,
	STMT_SYNC_ITEM_SET_REMOTE,
	STMT_SYNC_ITEM_STATE,
	STMT_SYNC_ITEM_DELETE,
	STMT_SYNC_ON_INSERT,
	STMT_SYNC_ON_CLEAR,
	STMT_SYNC_APPLY_READ,
	STMT_SYNC_APPLY_STAR,

	STMT_COUNT
};

/* Item queries are built from the filter's shape (which constraints it has)
 * and what is asked of them, and cached per shape and kind, so they too are
 * prepared once per store. */
#define STORE_SHAPE_BITS 10
#define STORE_SHAPES (1 << STORE_SHAPE_BITS)

enum store_query {
	QUERY_ROWS,	/* the items in list order, with limit and offset */
	QUERY_COUNT,	/* how many */
	QUERY_ORDER,	/* ids in list order, limited: a search walks them */
	QUERY_DATE,	/* one item's date (:id) if the filters keep it */

	QUERY_KINDS
};

/* A search index entry waiting for the end of the transaction. */
struct search_entry {
	int64_t	 id;
	bool	 replace;	/* delete the old entry first */
};

struct store {
	sqlite3		*db;
	char		*path;
	char		*error;
	int64_t		 now;	/* fixed time, or 0 for the clock */
	int64_t		 last_item_id;	/* see store_last_item_id */
	sqlite3_stmt	*statements[STMT_COUNT];
	sqlite3_stmt	*item_queries[QUERY_KINDS][STORE_SHAPES];

	/* Inside a transaction, search entries are written at the end: FTS5
	 * writes its pending index out as a new segment whenever a statement
	 * opens a statement journal (as every INSERT into items does, for its
	 * triggers), so interleaving the two cut the index into one segment
	 * per item and made inserts slow. */
	struct search_entry *pending;
	size_t		 n_pending;
	size_t		 pending_size;	/* allocated entries */

	/* store-filter.c's: the statement testing items before they are
	 * stored, and the condition it was prepared for. */
	sqlite3_stmt	*candidate;
	char		*candidate_sql;
};

/* store-filter.c: register the filter language's functions on the
 * connection (store_open); finalize what it keeps (store_close). */
int store_filter_open(struct store *s);
void store_filter_close(struct store *s);
/* The items or the count of a filter with a where condition. */
int64_t store_filter_query(struct store *s, const struct store_filter *f,
    int (*fn)(void *, const struct store_item *), void *ctx);
int64_t store_filter_count(struct store *s, const struct store_filter *f);

/* store-views.c's pieces of a plain item query, for store-filter.c: the
 * SELECT (rows, or count) and WHERE of f's other constraints, and their
 * binding (match: f's search as an FTS5 query, or NULL); a row is
 * store_item_from_row's. */
void store_items_select(struct buf *b, const struct store_filter *f, bool count);
void store_items_bind(sqlite3_stmt *st, const struct store_filter *f, const char *match);
/* store-items.c: the item's categories as the store keeps them (owned;
 * NULL if none). */
char *store_items_categories(const struct item *item);

/* Write the pending search entries (before COMMIT, and before anything
 * that reads the index or deletes items); drop them (on ROLLBACK). */
int store_flush_search(struct store *s);
void store_discard_search(struct store *s);
/* Queue the search entry of a new (or, with replace, changed) item. */
void store_queue_search(struct store *s, int64_t item_id, bool replace);
/* The SQL functions the index is made with (tidings_search_fold,
 * tidings_search_text), on every connection before migrations run. */
int store_search_register(sqlite3 *db);
/* An item's search entry is made from its row by those functions: the
 * same words whether the item was just stored, changed, given its full
 * story, or indexed again by a migration (schema 8). Many feeds repeat the
 * content as the summary: it is indexed once. */
#define STORE_SEARCH_COLUMNS "title, author, categories, summary, content, story"
#define STORE_SEARCH_ROW \
	"SELECT id, tidings_search_fold(title), tidings_search_fold(author)," \
	" tidings_search_fold(replace(categories, char(10), ' '))," \
	" CASE WHEN summary IS NOT content THEN tidings_search_text(summary) END," \
	" tidings_search_text(content), tidings_search_text(story) FROM items"
/* The words of a search as an FTS5 query (owned), each word a prefix or
 * not; NULL when there are no words. */
char *store_fts_query(const char *words, bool prefix);

/* Fill *item (owned; store_item_clear) from a row of the columns
 * ROW_COLUMNS names (store-views.c), with the text ones when with_text. */
void store_item_from_row(sqlite3_stmt *st, struct store_item *item, bool with_text);
/* 0 when the feed exists, else -1 with the store's error set. */
int store_feed_exists(struct store *s, int64_t feed_id);

/* The statement id, prepared from sql on first use, else reset with its
 * bindings cleared. NULL (and the store's error set) if it cannot be
 * prepared. Callers sqlite3_reset it when done, so that no read
 * transaction stays open (in WAL that would pin an old snapshot). */
sqlite3_stmt *store_statement(struct store *s, enum store_statement id, const char *sql);

/* Prepare sql into *slot on first use (as store_statement). */
sqlite3_stmt *store_prepare(struct store *s, sqlite3_stmt **slot, const char *sql);

void store_set_error(struct store *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* "what: SQLite's message" */
void store_set_db_error(struct store *s, const char *what);

/* Nestable atomic sections (SQL savepoints): inside store_begin they nest,
 * outside they are a transaction of their own. */
int store_savepoint(struct store *s);
int store_release(struct store *s);
void store_rollback_savepoint(struct store *s);

/* Bind text, NULL for NULL or "" (so "missing" has one form). */
void store_bind_text(sqlite3_stmt *st, int index, const char *text);
/* Bind a date, NULL for DATE_NONE; read one back. */
int store_bind_date(sqlite3_stmt *st, int index, int64_t date);
int64_t store_column_date(sqlite3_stmt *st, int column);
/* A column's text as an owned string, NULL for SQL NULL. */
char *store_column_strdup(sqlite3_stmt *st, int column);
/* Run a statement expected to finish in one step (an INSERT, UPDATE,
 * DELETE); resets it. -1 with the store's error set on failure. */
int store_step_done(struct store *s, sqlite3_stmt *st, const char *what);
/* After stepping a statement meant to find the row of NOUN id (rc is what
 * sqlite3_step said): 0 when it did, else -1 with "no NOUN ID" or "what:
 * SQLite's message". */
int store_found_one(struct store *s, int rc, const char *noun, int64_t id,
    const char *what);
/* Append the lines of joined ('\n' between them; NULL for none) to
 * *lines (owned strings), counted by *n. */
void store_split_lines(const char *joined, char ***lines, size_t *n);
/* store_step_done for a statement meant to change the one row of NOUN id:
 * -1 with "no NOUN ID" when it changed none. */
int store_change_one(struct store *s, sqlite3_stmt *st, const char *what,
    const char *noun, int64_t id);

#endif
