/* store.h: the SQLite store: feeds, their fetch state and tags, items with
 * their read and starred state, full-text search, retention.
 *
 * One database file holds everything; a cron `refresh` and an open reader can
 * use it at once (WAL journal, a busy timeout, one writer at a time). Nothing
 * here loads the whole store: each query returns only the rows asked for, and
 * counts come from counters kept by triggers, so a store of a million items
 * opens and answers at once. Statements are prepared once per open store.
 *
 * Ownership: struct store is opaque, created by store_open and released by
 * store_close. Strings passed in are copied by SQLite and stay the caller's.
 * Structs filled by store_get_feed / store_get_item own their strings until
 * store_feed_clear / store_item_clear; those handed to a callback are valid
 * only during the call. Error messages (store_open's *error) are owned by the
 * caller; store_error's text lives until the next call on the same store. */
#ifndef TIDINGS_STORE_H
#define TIDINGS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "feed.h"

struct store;
struct filter_sql;

/* The newest schema this build knows (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 8

/* Open the store at path, creating the file and its missing parent
 * directories (mode 0700), and bring its schema up to date. Returns NULL
 * and sets *error (owned by the caller) to a sentence naming the path on
 * failure: the file cannot be opened, is not an SQLite database, or comes
 * from a newer tidings. */
struct store *store_open(const char *path, char **error);

/* Finalize every statement and close the database; NULL-safe, clears *s. */
void store_close(struct store **s);

/* For tests and tools: create path (or migrate it) only up to schema
 * version, without preparing anything; used to make files of older schemas. */
int store_create_schema(const char *path, int version, char **error);

/* Why the last failing call on s failed. Valid until the next call on s. */
const char *store_error(const struct store *s);

/* A number that changes whenever another connection (a cron refresh,
 * another reader) commits to the store, and only then: comparing it with the
 * one read before tells cheaply whether to read again (SQLite's PRAGMA
 * data_version; no table is read). Commits through s itself leave it
 * alone. -1 on error. */
int64_t store_data_version(struct store *s);

/* The current time the store stamps on rows (first_seen, added, tombstones)
 * and measures retention from: the clock, unless fixed by store_set_time
 * (for tests and tools; 0 returns to the clock). */
int64_t store_now(const struct store *s);
void store_set_time(struct store *s, int64_t now);

/* One short write transaction, typically one feed's refresh. BEGIN
 * IMMEDIATE takes the write lock up front (waiting up to the busy timeout),
 * so the transaction cannot fail half-way because another process wrote.
 * A failed store_commit has rolled the transaction back. */
int store_begin(struct store *s);
int store_commit(struct store *s);
int store_rollback(struct store *s);

/* ---- Feeds ---- */

struct store_feed {
	int64_t	 id;
	char	*url;
	char	*title;		/* from the feed; NULL before the first fetch */
	char	*user_title;	/* set by the user (or an import); NULL if none */
	char	*link;		/* the site's address */
	char	*description;	/* HTML */
	char	**tags;		/* sorted */
	size_t	 n_tags;

	char	*etag;		/* for conditional GET (RFC 9110 section 13.1) */
	char	*last_modified;
	int	 last_status;	/* HTTP status of the last fetch, 0 if none */
	char	*last_error;	/* why the last fetch or parse failed, or NULL */
	int64_t	 last_fetch;	/* DATE_NONE: never */
	int64_t	 next_due;	/* DATE_NONE: at once */
	int64_t	 retry_after;	/* DATE_NONE: no Retry-After in force */
	long	 user_interval;		/* seconds; 0: the global setting */
	long	 publisher_interval;	/* seconds; 0: the feed does not say */
	bool	 disabled;	/* the feed is gone (410) or was disabled */
	bool	 full_story;	/* fetch each new item's page on refresh */
	int64_t	 added;
	int64_t	 remote_id;	/* the sync server's id (sync.h); 0: a local feed */

	int64_t	 total;		/* items stored */
	int64_t	 unread;
};

/* The name shown for a feed: user title, else feed title, else URL. */
const char *store_feed_name(const struct store_feed *feed);
void store_feed_clear(struct store_feed *feed);

/* Subscribe to url. title (may be NULL) becomes the user title, so that a
 * name chosen in an import or on the command line survives fetches. Returns
 * the new feed's id, or -1 (e.g. "already subscribed to URL"). */
int64_t store_add_feed(struct store *s, const char *url, const char *title,
    const char *const *tags, size_t n_tags);

/* Unsubscribe: the feed's items, their search entries, enclosures and tags
 * go with it. -1 if there is no such feed. */
int store_remove_feed(struct store *s, int64_t feed_id);

/* Find a feed by URL, else by name (user title or feed title) exactly, else
 * by name ignoring ASCII case. Returns its id, 0 if none matches, -1 if
 * several feeds match equally (the error names them) or on error. */
int64_t store_find_feed(struct store *s, const char *url_or_name);

/* Fill *feed (owned; store_feed_clear) with the feed and its counts.
 * -1 if there is no such feed. */
int store_get_feed(struct store *s, int64_t feed_id, struct store_feed *feed);

/* Call fn for every feed, ordered by name ignoring case, with its counts,
 * in one query. feed is valid only during the call; fn returns non-zero to
 * stop. Returns the number of calls, or -1. */
int64_t store_each_feed(struct store *s,
    int (*fn)(void *ctx, const struct store_feed *feed), void *ctx);

/* What a fetch learnt; every field is written (pass the old etag and
 * last_modified back to keep them, e.g. after a 304). */
struct store_fetch_state {
	const char	*etag;
	const char	*last_modified;
	int		 status;	/* HTTP status, 0 if no response */
	const char	*error;		/* NULL on success */
	int64_t		 last_fetch;
	int64_t		 next_due;
	int64_t		 retry_after;	/* DATE_NONE if none */
	bool		 disabled;
};
int store_set_fetch_state(struct store *s, int64_t feed_id,
    const struct store_fetch_state *state);

/* The feed moved for good (301, 308). -1 if another feed has that URL. */
int store_set_feed_url(struct store *s, int64_t feed_id, const char *url);

/* Replace the feed's tags (duplicates and empty ones are dropped). */
int store_set_feed_tags(struct store *s, int64_t feed_id,
    const char *const *tags, size_t n_tags);

/* The user's name for the feed; NULL to go back to the feed's own title. */
int store_set_feed_user_title(struct store *s, int64_t feed_id, const char *title);

/* The user's refresh interval in seconds; 0 for the global setting. */
int store_set_feed_interval(struct store *s, int64_t feed_id, long seconds);

/* Whether a refresh fetches the web page of each new item for its story. */
int store_set_feed_full_story(struct store *s, int64_t feed_id, bool full_story);

/* After a parse: the feed's title, site link and description (NULL ones
 * keep what is stored), and the interval the publisher asks for in seconds
 * (from <ttl>, sy:updatePeriod or Cache-Control, as the caller weighs
 * them; 0 clears it). */
int store_update_feed_meta(struct store *s, int64_t feed_id,
    const struct feed *feed, long publisher_interval);

/* ---- Items ---- */

/* Insert the item, or bring the stored one with the same identity
 * (item_identity) in this feed up to date, keeping its read and starred
 * state. An unchanged item writes nothing; the search index is rewritten
 * only when its text changed. An item that retention removed earlier is
 * not brought back while the feed still carries it. *is_new (may be NULL)
 * tells whether a row was inserted. Outside a transaction the upsert is
 * atomic; inside store_begin, a failure leaves the transaction to be rolled
 * back by the caller. */
int store_upsert_item(struct store *s, int64_t feed_id, const struct item *item,
    bool *is_new);

/* The id of the item the last store_upsert_item on s inserted or found; 0
 * when it failed or skipped the item (one retention removed). */
int64_t store_last_item_id(const struct store *s);

/* Retention for one feed (0: every feed). An item goes when it is dated
 * more than keep_days ago (0: no age limit) or is not among the feed's
 * keep_items newest (0: no count limit); unread and starred items stay when
 * keep_unread_and_starred. Removed items are remembered (by identity) so a
 * refresh does not bring them back. Returns the number removed, or -1. */
int64_t store_prune(struct store *s, int64_t feed_id, long keep_days,
    long keep_items, bool keep_unread_and_starred);

/* Which items a query or count covers. Zero means "no constraint" for every
 * field, so a zeroed struct selects everything. */
struct store_filter {
	int64_t		 feed_id;	/* 0: all feeds */
	const char	*tag;		/* NULL: any */
	bool		 unread_only;
	bool		 starred_only;
	const char	*search;	/* words, all must match (as prefixes) in
					 * title, author, categories, summary,
					 * content or story:
					 * see store_search_query */
	int64_t		 since;		/* dated at or after; 0: any time */
	/* Continue after the row with this date and id (the last one of
	 * the page before): paging that stays fast however deep, where an
	 * offset walks every row it skips. after_id 0: from the newest. */
	int64_t		 after_date;
	int64_t		 after_id;
	int64_t		 limit;		/* 0: no limit */
	int64_t		 offset;
	bool		 with_text;	/* also fill summary and content */
	/* The list from its other end: oldest first (ties by id, oldest
	 * first), offset counted from the oldest, and the after_ position
	 * meaning "newer than". The rows of the bottom of a list come at
	 * once this way, where an offset from the top walks every row. */
	bool		 oldest_first;
	/* A condition in the filter language (filter_view_compile); NULL:
	 * none. Such queries take store-filter.c's plain plan. */
	const struct filter_sql *where;
};

/* One item. Filled by store_get_item (owned: store_item_clear) or handed to
 * a store_query_items callback (valid only during the call). */
struct store_item {
	int64_t	 id;
	int64_t	 feed_id;
	char	*feed_title;	/* the feed's name (store_feed_name) */
	int64_t	 date;		/* sort date: published, else updated, else first seen */
	char	*title;
	char	*link;
	char	*author;
	bool	 read;
	bool	 starred;
	char	*summary;	/* HTML; NULL unless asked for or missing */
	char	*content;	/* HTML */
	/* The story from the item's web page (extract_story's cleaned
	 * HTML), or NULL; filled with summary and content. */
	char	*story;

	/* Only store_get_item fills these. */
	char	*story_error;	/* why the last try failed, or NULL */
	int64_t	 story_fetched;	/* when it was last tried; DATE_NONE: never */
	char	*guid;		/* the item's identity */
	int64_t	 published;	/* DATE_NONE if missing */
	int64_t	 updated;
	int64_t	 first_seen;
	char	**categories;
	size_t	 n_categories;
	struct enclosure *enclosures;
	size_t	 n_enclosures;
};
void store_item_clear(struct store_item *item);

/* The number of items the filter selects (limit, offset and the after_
 * position ignored). */
int64_t store_count_items(struct store *s, const struct store_filter *filter);

/* Call fn for each selected item, newest first (ties by id, newest first)
 * unless oldest_first, honouring limit and offset; fn returns non-zero to
 * stop, and must not query items itself (the query is open during the
 * calls). Returns the number of calls, or -1. A window of a search reads
 * about what the window needs however many items match, so each keystroke
 * of a filter can ask for the first screens (store-items.c says how). */
int64_t store_query_items(struct store *s, const struct store_filter *filter,
    int (*fn)(void *ctx, const struct store_item *item), void *ctx);

/* The full item, with text, categories and enclosures. -1 if none. */
int store_get_item(struct store *s, int64_t item_id, struct store_item *item);

/* Read state by item (-1 if there is no such item), by feed, by tag, or for
 * everything. The bulk forms return how many items changed, or -1. */
int store_mark_item_read(struct store *s, int64_t item_id, bool read);
int64_t store_mark_feed_read(struct store *s, int64_t feed_id, bool read);
int64_t store_mark_tag_read(struct store *s, const char *tag, bool read);
int64_t store_mark_all_read(struct store *s, bool read);

int store_set_item_starred(struct store *s, int64_t item_id, bool starred);

/* The outcome of fetching the item's web page, stamped with store_now:
 * story (cleaned HTML) on success, else error (one line). A failure keeps
 * a story fetched before. Refreshes of the feed leave all this alone.
 * -1 if there is no such item. */
int store_set_item_story(struct store *s, int64_t item_id, const char *story,
    const char *error);

/* Whether item, about to be stored in feed_id, meets cond (compiled for
 * FILTER_CANDIDATE, filter.h): 1, 0, or -1 with the store's error. */
int store_item_matches(struct store *s, const struct filter_sql *cond,
    int64_t feed_id, const struct item *item);

/* ---- Query feeds ---- */

/* A saved view: items matching an expression of the filter language.
 * Handed to a callback: valid only during the call. */
struct store_query_feed {
	int64_t		 id;
	const char	*name;
	const char	*expression;	/* as the user wrote it */
	char		**tags;		/* in the order given */
	size_t		 n_tags;
	int64_t		 added;
};

/* Save a query feed (the expression is not checked here). Returns its id,
 * or -1 ("a query feed NAME exists already"). */
int64_t store_add_query(struct store *s, const char *name, const char *expression,
    const char *const *tags, size_t n_tags);

/* Remove the query feed called name: 0, or -1 (none has that name). */
int store_remove_query(struct store *s, const char *name);

/* Call fn for every query feed, ordered by name ignoring case; fn returns
 * non-zero to stop and may use the store. Returns the number of calls, or
 * -1. */
int64_t store_each_query(struct store *s,
    int (*fn)(void *ctx, const struct store_query_feed *query), void *ctx);

/* The FTS5 query matching every word of words as a prefix (a word of one
 * character whole): each word is quoted ("" inside), so no input can form
 * operators or syntax errors. Returns NULL when words has no word. Owned
 * by the caller. */
char *store_search_query(const char *words);

#endif
