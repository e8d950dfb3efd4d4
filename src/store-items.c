/* store-items.c: the store's items: upsert from a parse, the search index,
 * queries and counts for views, read and starred state, retention. Not feeds. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "store-internal.h"
#include "text.h"
#include "xmalloc.h"

/* A tombstone's seen time is refreshed at most this often while the feed
 * still carries the item, and a tombstone not seen for TOMBSTONE_LIFE is
 * forgotten (the item has long left its feed). */
#define TOMBSTONE_REFRESH (24 * 60 * 60)
#define TOMBSTONE_LIFE (365 * 24 * 60 * 60)

/* A window over one feed (or each feed) ranks items newest first; the
 * removed ones are those past the age cutoff (?2, NULL for none) or past the
 * count limit (?3, 0 for none), unless kept as unread or starred (?4). */
#define PRUNE_VICTIMS(where, partition) \
	"SELECT id, feed_id, guid FROM (SELECT id, feed_id, guid, read, starred," \
	" sort_date, row_number() OVER (" partition " ORDER BY sort_date DESC, id DESC)" \
	" AS n FROM items " where ")" \
	" WHERE (sort_date < ?2 OR (?3 > 0 AND n > ?3))" \
	" AND NOT (?4 AND (read = 0 OR starred = 1))"

/* The columns item_from_row reads, and where they come from. */
#define ROW_COLUMNS \
	"i.id, i.feed_id, coalesce(f.user_title, f.title, f.url), i.sort_date," \
	" i.title, i.link, i.author, i.read, i.starred"
#define ROW_TEXT_COLUMNS ", i.summary, i.content, i.story"
#define ROW_FROM " FROM items i JOIN feeds f ON f.id = i.feed_id"

static const char *const item_sql[STMT_COUNT] = {
	[STMT_ITEM_FIND] =
	    "SELECT id, title, link, author, summary, content, published, updated,"
	    " categories FROM items WHERE feed_id = ?1 AND guid = ?2",
	[STMT_ITEM_INSERT] =
	    "INSERT INTO items (feed_id, guid, title, link, author, summary, content,"
	    " published, updated, first_seen, categories)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[STMT_ITEM_UPDATE] =
	    "UPDATE items SET title = ?2, link = ?3, author = ?4, summary = ?5,"
	    " content = ?6, published = ?7, updated = ?8, categories = ?9"
	    " WHERE id = ?1",
	[STMT_ITEM_GET] =
	    "SELECT i.id, i.feed_id, coalesce(f.user_title, f.title, f.url),"
	    " i.sort_date, i.title, i.link, i.author, i.read, i.starred, i.summary,"
	    " i.content, i.story, i.guid, i.published, i.updated, i.first_seen,"
	    " i.categories, i.story_error, i.story_fetched"
	    " FROM items i JOIN feeds f ON f.id = i.feed_id WHERE i.id = ?1",
	[STMT_ITEM_ROW] = "SELECT " ROW_COLUMNS ROW_FROM " WHERE i.id = ?1",
	[STMT_ITEM_ROW_TEXT] =
	    "SELECT " ROW_COLUMNS ROW_TEXT_COLUMNS ROW_FROM " WHERE i.id = ?1",
	[STMT_ITEM_EXISTS] = "SELECT 1 FROM items WHERE id = ?1",
	[STMT_SEARCH_INSERT] =
	    "INSERT INTO items_fts (rowid, title, author, summary, content)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_SEARCH_DELETE] = "DELETE FROM items_fts WHERE rowid = ?1",
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
	[STMT_ENCLOSURES_GET] =
	    "SELECT url, type, length FROM enclosures WHERE item_id = ?1"
	    " ORDER BY position",
	[STMT_ENCLOSURES_DELETE] = "DELETE FROM enclosures WHERE item_id = ?1",
	[STMT_ENCLOSURE_INSERT] =
	    "INSERT INTO enclosures (item_id, position, url, type, length)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_TOMBSTONE_FIND] =
	    "SELECT seen FROM pruned WHERE feed_id = ?1 AND guid = ?2",
	[STMT_TOMBSTONE_TOUCH] =
	    "UPDATE pruned SET seen = ?3 WHERE feed_id = ?1 AND guid = ?2",
	[STMT_TOMBSTONE_EXPIRE] = "DELETE FROM pruned WHERE seen < ?1",
	[STMT_PRUNE_REMEMBER_FEED] =
	    "INSERT OR REPLACE INTO pruned (feed_id, guid, seen)"
	    " SELECT feed_id, guid, ?5 FROM ("
	    PRUNE_VICTIMS("WHERE feed_id = ?1", "") ")",
	[STMT_PRUNE_DELETE_FEED] =
	    "DELETE FROM items WHERE id IN (SELECT id FROM ("
	    PRUNE_VICTIMS("WHERE feed_id = ?1", "") "))",
	[STMT_PRUNE_REMEMBER_ALL] =
	    "INSERT OR REPLACE INTO pruned (feed_id, guid, seen)"
	    " SELECT feed_id, guid, ?5 FROM ("
	    PRUNE_VICTIMS("WHERE ?1 = 0", "PARTITION BY feed_id") ")",
	[STMT_PRUNE_DELETE_ALL] =
	    "DELETE FROM items WHERE id IN (SELECT id FROM ("
	    PRUNE_VICTIMS("WHERE ?1 = 0", "PARTITION BY feed_id") "))",
	[STMT_MARK_ITEM] = "UPDATE items SET read = ?2 WHERE id = ?1",
	[STMT_MARK_FEED] =
	    "UPDATE items SET read = ?2 WHERE feed_id = ?1 AND read != ?2",
	[STMT_MARK_TAG] =
	    "UPDATE items SET read = ?2 WHERE read != ?2 AND feed_id IN"
	    " (SELECT feed_id FROM feed_tags WHERE tag = ?1)",
	[STMT_MARK_ALL] = "UPDATE items SET read = ?1 WHERE read != ?1",
	[STMT_STAR_ITEM] = "UPDATE items SET starred = ?2 WHERE id = ?1",
	[STMT_ITEM_SET_STORY] =
	    "UPDATE items SET story = coalesce(?2, story), story_error = ?3,"
	    " story_fetched = ?4 WHERE id = ?1",
	/* The counters the triggers of schema 2 keep. */
	[STMT_COUNT_FEED] = "SELECT item_count, unread_count FROM feeds WHERE id = ?1",
	[STMT_COUNT_TAG] =
	    "SELECT coalesce(sum(item_count), 0), coalesce(sum(unread_count), 0)"
	    " FROM feeds WHERE id IN (SELECT feed_id FROM feed_tags WHERE tag = ?1)",
	[STMT_COUNT_ALL] =
	    "SELECT coalesce(sum(item_count), 0), coalesce(sum(unread_count), 0)"
	    " FROM feeds",
};

static sqlite3_stmt *
statement(struct store *s, enum store_statement id)
{
	return store_statement(s, id, item_sql[id]);
}

/* Empty strings are stored as NULL, so "missing" has one form. */
static void
bind_text(sqlite3_stmt *st, int index, const char *text)
{
	if (text != NULL && *text != '\0')
		sqlite3_bind_text(st, index, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, index);
}

static bool
same_text(sqlite3_stmt *st, int column, const char *text)
{
	const char *stored;

	stored = (const char *)sqlite3_column_text(st, column);
	if (stored == NULL || text == NULL || *text == '\0')
		return stored == NULL && (text == NULL || *text == '\0');
	return strcmp(stored, text) == 0;
}

static bool
same_date(sqlite3_stmt *st, int column, int64_t date)
{
	return store_column_date(st, column) == date;
}

/* Categories as one text, '\n' between them (a line break inside one
 * becomes a space). NULL when there are none. */
static char *
join_categories(const struct item *item)
{
	struct buf b = BUF_INIT;
	const char *p;
	size_t i;

	for (i = 0; i < item->n_categories; i++) {
		if (item->categories[i] == NULL || item->categories[i][0] == '\0')
			continue;
		if (b.len > 0)
			buf_append_char(&b, '\n');
		for (p = item->categories[i]; *p != '\0'; p++)
			buf_append_char(&b, *p == '\n' ? ' ' : *p);
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* An enclosure's length as a byte count, or -1 when absent or not a number
 * (RSS 2.0 asks for bytes; feeds write "0", "", "12 MB"...). */
static int64_t
enclosure_length(const char *length)
{
	char *end;
	long long n;

	if (length == NULL || !isdigit((unsigned char)*length))
		return -1;
	n = strtoll(length, &end, 10);
	if (*end != '\0' || n < 0)
		return -1;
	return n;
}

static bool
same_enclosures(struct store *s, int64_t item_id, const struct item *item,
    int *error)
{
	sqlite3_stmt *st;
	const struct enclosure *e;
	size_t i = 0;
	bool same = true;
	int rc;

	*error = 0;
	if ((st = statement(s, STMT_ENCLOSURES_GET)) == NULL) {
		*error = 1;
		return false;
	}
	sqlite3_bind_int64(st, 1, item_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		while (i < item->n_enclosures && item->enclosures[i].url == NULL)
			i++;
		if (i == item->n_enclosures) {
			same = false;
			break;
		}
		e = &item->enclosures[i++];
		if (!same_text(st, 0, e->url) || !same_text(st, 1, e->type) ||
		    (sqlite3_column_type(st, 2) == SQLITE_NULL ? -1 :
		    sqlite3_column_int64(st, 2)) != enclosure_length(e->length)) {
			same = false;
			break;
		}
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot read enclosures");
		*error = 1;
	}
	sqlite3_reset(st);
	while (same && i < item->n_enclosures && item->enclosures[i].url == NULL)
		i++;
	return same && i == item->n_enclosures;
}

static int
write_enclosures(struct store *s, int64_t item_id, const struct item *item)
{
	sqlite3_stmt *st;
	const struct enclosure *e;
	int64_t length;
	size_t i;
	int position = 0;

	if ((st = statement(s, STMT_ENCLOSURES_DELETE)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	if (store_step_done(s, st, "cannot remove enclosures") == -1)
		return -1;
	for (i = 0; i < item->n_enclosures; i++) {
		e = &item->enclosures[i];
		if (e->url == NULL || *e->url == '\0')
			continue;
		if ((st = statement(s, STMT_ENCLOSURE_INSERT)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, item_id);
		sqlite3_bind_int(st, 2, position++);
		bind_text(st, 3, e->url);
		bind_text(st, 4, e->type);
		if ((length = enclosure_length(e->length)) >= 0)
			sqlite3_bind_int64(st, 5, length);
		if (store_step_done(s, st, "cannot save an enclosure") == -1)
			return -1;
	}
	return 0;
}

static char *
plain_text(const char *html)
{
	if (html == NULL || *html == '\0')
		return NULL;
	return text_from_html(html);
}

static void
clear_entry(struct search_entry *e)
{
	free(e->title);
	free(e->author);
	free(e->summary);
	free(e->content);
	memset(e, 0, sizeof(*e));
}

static int
write_entry(struct store *s, const struct search_entry *e)
{
	sqlite3_stmt *st;
	int rc;

	if (e->replace) {
		if ((st = statement(s, STMT_SEARCH_DELETE)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, e->id);
		if (store_step_done(s, st, "cannot update the search index") == -1)
			return -1;
	}
	/* An item deleted since (by raw SQL, say) gets no entry. */
	if ((st = statement(s, STMT_ITEM_EXISTS)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		store_set_db_error(s, "cannot update the search index");
		return -1;
	}
	if ((st = statement(s, STMT_SEARCH_INSERT)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->id);
	bind_text(st, 2, e->title);
	bind_text(st, 3, e->author);
	bind_text(st, 4, e->summary);
	bind_text(st, 5, e->content);
	return store_step_done(s, st, "cannot update the search index");
}

int
store_flush_search(struct store *s)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < s->n_pending; i++) {
		if (rc == 0 && write_entry(s, &s->pending[i]) == -1)
			rc = -1;
		clear_entry(&s->pending[i]);
	}
	s->n_pending = 0;
	return rc;
}

void
store_discard_search(struct store *s)
{
	size_t i;

	for (i = 0; i < s->n_pending; i++)
		clear_entry(&s->pending[i]);
	s->n_pending = 0;
}

/* Queue the search entry of item id: title and author as they are, summary
 * and content as plain text (so markup and attribute values never match).
 * The end of the transaction (or of the upsert's own savepoint) writes it. */
static void
queue_search(struct store *s, int64_t item_id, const struct item *item, bool replace)
{
	struct search_entry e;

	memset(&e, 0, sizeof(e));
	e.id = item_id;
	e.replace = replace;
	if (item->title != NULL && *item->title != '\0')
		e.title = xstrdup(item->title);
	if (item->author != NULL && *item->author != '\0')
		e.author = xstrdup(item->author);
	e.content = plain_text(item->content);
	/* Many feeds repeat the content as the summary: index it once. */
	if (item->summary != NULL && (item->content == NULL ||
	    strcmp(item->summary, item->content) != 0))
		e.summary = plain_text(item->summary);
	/* Grow by doubling: a refresh of a large feed queues thousands. */
	if (s->n_pending == s->pending_size) {
		s->pending_size = s->pending_size == 0 ? 64 : s->pending_size * 2;
		s->pending = xreallocarray(s->pending, s->pending_size,
		    sizeof(*s->pending));
	}
	s->pending[s->n_pending++] = e;
}

/* Bind the item's fields from ?first on in the order title, link, author,
 * summary, content, published, updated. */
static void
bind_item(sqlite3_stmt *st, int first, const struct item *item)
{
	bind_text(st, first, item->title);
	bind_text(st, first + 1, item->link);
	bind_text(st, first + 2, item->author);
	bind_text(st, first + 3, item->summary);
	bind_text(st, first + 4, item->content);
	store_bind_date(st, first + 5, item->published);
	store_bind_date(st, first + 6, item->updated);
}

/* An item retention removed: remember it is still in the feed. Returns 1
 * when guid is a tombstone, 0 when not, -1 on error. */
static int
check_tombstone(struct store *s, int64_t feed_id, const char *guid)
{
	sqlite3_stmt *st;
	int64_t seen = 0, now = store_now(s);
	int rc;

	if ((st = statement(s, STMT_TOMBSTONE_FIND)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_text(st, 2, guid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		seen = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		store_set_db_error(s, "cannot read pruned items");
		return -1;
	}
	if (seen >= now - TOMBSTONE_REFRESH)
		return 1;
	if ((st = statement(s, STMT_TOMBSTONE_TOUCH)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_text(st, 2, guid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now);
	if (store_step_done(s, st, "cannot update pruned items") == -1)
		return -1;
	return 1;
}

static int
insert_item(struct store *s, int64_t feed_id, const char *guid,
    const struct item *item, const char *categories, bool *is_new)
{
	sqlite3_stmt *st;
	int64_t id;
	int rc;

	if ((rc = check_tombstone(s, feed_id, guid)) != 0)
		return rc == 1 ? 0 : -1;
	if ((st = statement(s, STMT_ITEM_INSERT)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_text(st, 2, guid, -1, SQLITE_STATIC);
	bind_item(st, 3, item);
	sqlite3_bind_int64(st, 10, store_now(s));
	bind_text(st, 11, categories);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
		store_set_error(s, "no feed %lld", (long long)feed_id);
		return -1;
	}
	if (rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot save an item");
		return -1;
	}
	id = sqlite3_last_insert_rowid(s->db);
	s->last_item_id = id;
	queue_search(s, id, item, false);
	if (item->n_enclosures > 0 && write_enclosures(s, id, item) == -1)
		return -1;
	*is_new = true;
	return 0;
}

int
store_upsert_item(struct store *s, int64_t feed_id, const struct item *item,
    bool *is_new)
{
	sqlite3_stmt *st;
	char *guid, *categories;
	bool inserted = false, changed, text_changed, enclosures_changed, own;
	int64_t id;
	int rc, error;

	s->last_item_id = 0;
	guid = item_identity(item);
	categories = join_categories(item);
	/* Inside the caller's transaction there is no savepoint per item: FTS5
	 * writes its pending index out as a new segment at every savepoint.
	 * A failure there is undone by the caller's rollback. */
	own = sqlite3_get_autocommit(s->db) != 0;
	if (own && store_savepoint(s) == -1)
		goto fail_early;
	if ((st = statement(s, STMT_ITEM_FIND)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_text(st, 2, guid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		if (insert_item(s, feed_id, guid, item, categories, &inserted) == -1)
			goto fail;
		goto done;
	}
	if (rc != SQLITE_ROW) {
		store_set_db_error(s, "cannot look up an item");
		sqlite3_reset(st);
		goto fail;
	}

	/* Known: compare, and write only what changed, so that refreshing an
	 * unchanged feed writes nothing. */
	id = sqlite3_column_int64(st, 0);
	s->last_item_id = id;
	text_changed = !same_text(st, 1, item->title) ||
	    !same_text(st, 3, item->author) || !same_text(st, 4, item->summary) ||
	    !same_text(st, 5, item->content);
	changed = text_changed || !same_text(st, 2, item->link) ||
	    !same_date(st, 6, item->published) || !same_date(st, 7, item->updated) ||
	    !same_text(st, 8, categories);
	sqlite3_reset(st);
	enclosures_changed = !same_enclosures(s, id, item, &error);
	if (error)
		goto fail;

	if (changed) {
		if ((st = statement(s, STMT_ITEM_UPDATE)) == NULL)
			goto fail;
		sqlite3_bind_int64(st, 1, id);
		bind_item(st, 2, item);
		bind_text(st, 9, categories);
		if (store_step_done(s, st, "cannot update an item") == -1)
			goto fail;
	}
	if (text_changed)
		queue_search(s, id, item, true);
	if (enclosures_changed && write_enclosures(s, id, item) == -1)
		goto fail;

done:
	if (own && (store_flush_search(s) == -1 || store_release(s) == -1))
		goto fail;
	free(guid);
	free(categories);
	if (is_new != NULL)
		*is_new = inserted;
	return 0;

fail:
	if (own) {
		store_discard_search(s);
		store_rollback_savepoint(s);
	}
fail_early:
	s->last_item_id = 0;
	free(guid);
	free(categories);
	if (is_new != NULL)
		*is_new = false;
	return -1;
}

int64_t
store_last_item_id(const struct store *s)
{
	return s->last_item_id;
}

/* ---- Retention ---- */

int64_t
store_prune(struct store *s, int64_t feed_id, long keep_days, long keep_items,
    bool keep_unread_and_starred)
{
	sqlite3_stmt *st;
	int64_t now = store_now(s), removed;
	bool all = feed_id == 0;

	if (keep_days < 0 || keep_items < 0) {
		store_set_error(s, "retention limits cannot be negative");
		return -1;
	}
	if (keep_days == 0 && keep_items == 0)
		return 0;
	/* The delete trigger removes search entries: write them first. */
	if (store_flush_search(s) == -1)
		return -1;
	if (store_savepoint(s) == -1)
		return -1;

	/* Remember first, then delete: both select the same rows. */
	st = statement(s, all ? STMT_PRUNE_REMEMBER_ALL : STMT_PRUNE_REMEMBER_FEED);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, feed_id);
	if (keep_days > 0)
		sqlite3_bind_int64(st, 2, now - (int64_t)keep_days * 24 * 60 * 60);
	sqlite3_bind_int64(st, 3, keep_items);
	sqlite3_bind_int(st, 4, keep_unread_and_starred ? 1 : 0);
	sqlite3_bind_int64(st, 5, now);
	if (store_step_done(s, st, "cannot remember pruned items") == -1)
		goto fail;

	st = statement(s, all ? STMT_PRUNE_DELETE_ALL : STMT_PRUNE_DELETE_FEED);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, feed_id);
	if (keep_days > 0)
		sqlite3_bind_int64(st, 2, now - (int64_t)keep_days * 24 * 60 * 60);
	sqlite3_bind_int64(st, 3, keep_items);
	sqlite3_bind_int(st, 4, keep_unread_and_starred ? 1 : 0);
	if (store_step_done(s, st, "cannot remove old items") == -1)
		goto fail;
	removed = sqlite3_changes64(s->db);

	if ((st = statement(s, STMT_TOMBSTONE_EXPIRE)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, now - TOMBSTONE_LIFE);
	if (store_step_done(s, st, "cannot forget pruned items") == -1)
		goto fail;
	if (store_release(s) == -1)
		goto fail;
	return removed;

fail:
	store_rollback_savepoint(s);
	return -1;
}

/* ---- Queries ---- */

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

/* The number of characters in the UTF-8 text from p to end. */
static size_t
characters(const char *p, const char *end)
{
	size_t n = 0;

	for (; p < end; p++) {
		if (((unsigned char)*p & 0xc0) != 0x80)
			n++;
	}
	return n;
}

/* The words of a search as an FTS5 query: each word quoted, as a prefix
 * or not. A word of one character is always whole: as a prefix it would
 * match nearly every item, slowly. */
static char *
search_query(const char *words, bool prefix)
{
	struct buf b = BUF_INIT;
	const char *p, *end;
	bool star;

	if (words == NULL)
		return NULL;
	for (p = words; *p != '\0'; p = end) {
		while (*p != '\0' && isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		for (end = p; *end != '\0' && !isspace((unsigned char)*end); end++)
			;
		/* An FTS5 string is "..." with "" for a quote inside; a
		 * string followed by * is a prefix query (FTS5 section 3.3);
		 * strings side by side must all match (implicit AND). */
		if (b.len > 0)
			buf_append_char(&b, ' ');
		star = prefix && characters(p, end) > 1;
		buf_append_char(&b, '"');
		for (; p < end; p++) {
			if (*p == '"')
				buf_append_char(&b, '"');
			buf_append_char(&b, *p);
		}
		buf_append_str(&b, star ? "\"*" : "\"");
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

char *
store_search_query(const char *words)
{
	return search_query(words, true);
}

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

	exact = search_query(words, false);
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
	if (f->search != NULL && (match = search_query(f->search, true)) != NULL) {
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

void
store_item_clear(struct store_item *item)
{
	size_t i;

	free(item->feed_title);
	free(item->title);
	free(item->link);
	free(item->author);
	free(item->summary);
	free(item->content);
	free(item->story);
	free(item->story_error);
	free(item->guid);
	for (i = 0; i < item->n_categories; i++)
		free(item->categories[i]);
	free(item->categories);
	for (i = 0; i < item->n_enclosures; i++) {
		free(item->enclosures[i].url);
		free(item->enclosures[i].type);
		free(item->enclosures[i].length);
	}
	free(item->enclosures);
	memset(item, 0, sizeof(*item));
	item->published = DATE_NONE;
	item->updated = DATE_NONE;
	item->first_seen = DATE_NONE;
	item->story_fetched = DATE_NONE;
}

/* The columns every item row starts with: id, feed id, feed name, date,
 * title, link, author, read, starred, then optionally summary, content and
 * story. */
static void
item_from_row(sqlite3_stmt *st, struct store_item *item, bool with_text)
{
	memset(item, 0, sizeof(*item));
	item->id = sqlite3_column_int64(st, 0);
	item->feed_id = sqlite3_column_int64(st, 1);
	item->feed_title = store_column_strdup(st, 2);
	item->date = sqlite3_column_int64(st, 3);
	item->title = store_column_strdup(st, 4);
	item->link = store_column_strdup(st, 5);
	item->author = store_column_strdup(st, 6);
	item->read = sqlite3_column_int(st, 7) != 0;
	item->starred = sqlite3_column_int(st, 8) != 0;
	if (with_text) {
		item->summary = store_column_strdup(st, 9);
		item->content = store_column_strdup(st, 10);
		item->story = store_column_strdup(st, 11);
	}
	item->published = DATE_NONE;
	item->updated = DATE_NONE;
	item->first_seen = DATE_NONE;
	item->story_fetched = DATE_NONE;
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
		item_from_row(st, &item, d->with_text);
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
		item_from_row(st, &item, d->with_text);
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
	if (f->search == NULL || (match = search_query(f->search, true)) == NULL)
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

static void
split_categories(struct store_item *item, const char *joined)
{
	const char *p, *end;

	if (joined == NULL)
		return;
	for (p = joined; *p != '\0'; p = *end != '\0' ? end + 1 : end) {
		end = strchr(p, '\n');
		if (end == NULL)
			end = p + strlen(p);
		item->categories = xreallocarray(item->categories,
		    item->n_categories + 1, sizeof(*item->categories));
		item->categories[item->n_categories++] = xstrndup(p,
		    (size_t)(end - p));
	}
}

static int
read_enclosures(struct store *s, struct store_item *item)
{
	sqlite3_stmt *st;
	struct enclosure *e;
	int rc;

	if ((st = statement(s, STMT_ENCLOSURES_GET)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		item->enclosures = xreallocarray(item->enclosures,
		    item->n_enclosures + 1, sizeof(*item->enclosures));
		e = &item->enclosures[item->n_enclosures++];
		e->url = store_column_strdup(st, 0);
		e->type = store_column_strdup(st, 1);
		e->length = sqlite3_column_type(st, 2) == SQLITE_NULL ? NULL :
		    xasprintf("%lld", (long long)sqlite3_column_int64(st, 2));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot read enclosures");
		return -1;
	}
	return 0;
}

int
store_get_item(struct store *s, int64_t item_id, struct store_item *item)
{
	sqlite3_stmt *st;
	int rc;

	memset(item, 0, sizeof(*item));
	if ((st = statement(s, STMT_ITEM_GET)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		item_from_row(st, item, true);
		item->guid = store_column_strdup(st, 12);
		item->published = store_column_date(st, 13);
		item->updated = store_column_date(st, 14);
		item->first_seen = store_column_date(st, 15);
		split_categories(item, (const char *)sqlite3_column_text(st, 16));
		item->story_error = store_column_strdup(st, 17);
		item->story_fetched = store_column_date(st, 18);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) {
		store_set_error(s, "no item %lld", (long long)item_id);
		return -1;
	}
	if (rc != SQLITE_ROW) {
		store_set_db_error(s, "cannot read an item");
		return -1;
	}
	if (read_enclosures(s, item) == -1) {
		store_item_clear(item);
		return -1;
	}
	return 0;
}

/* ---- Read and starred state ---- */

static int
update_one_item(struct store *s, enum store_statement id, int64_t item_id,
    bool value)
{
	sqlite3_stmt *st;

	if ((st = statement(s, id)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_int(st, 2, value ? 1 : 0);
	if (store_step_done(s, st, "cannot update an item") == -1)
		return -1;
	if (sqlite3_changes(s->db) == 0) {
		store_set_error(s, "no item %lld", (long long)item_id);
		return -1;
	}
	return 0;
}

int
store_mark_item_read(struct store *s, int64_t item_id, bool read)
{
	return update_one_item(s, STMT_MARK_ITEM, item_id, read);
}

int
store_set_item_starred(struct store *s, int64_t item_id, bool starred)
{
	return update_one_item(s, STMT_STAR_ITEM, item_id, starred);
}

int
store_set_item_story(struct store *s, int64_t item_id, const char *story,
    const char *error)
{
	sqlite3_stmt *st;

	if ((st = statement(s, STMT_ITEM_SET_STORY)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	bind_text(st, 2, story);
	bind_text(st, 3, story != NULL ? NULL : error);
	sqlite3_bind_int64(st, 4, store_now(s));
	if (store_step_done(s, st, "cannot store a story") == -1)
		return -1;
	if (sqlite3_changes(s->db) == 0) {
		store_set_error(s, "no item %lld", (long long)item_id);
		return -1;
	}
	return 0;
}

static int64_t
mark_many(struct store *s, sqlite3_stmt *st)
{
	if (st == NULL || store_step_done(s, st, "cannot mark items") == -1)
		return -1;
	return sqlite3_changes64(s->db);
}

int64_t
store_mark_feed_read(struct store *s, int64_t feed_id, bool read)
{
	sqlite3_stmt *st;

	if ((st = statement(s, STMT_COUNT_FEED)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		store_set_error(s, "no feed %lld", (long long)feed_id);
		return -1;
	}
	sqlite3_reset(st);
	if ((st = statement(s, STMT_MARK_FEED)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_int(st, 2, read ? 1 : 0);
	return mark_many(s, st);
}

int64_t
store_mark_tag_read(struct store *s, const char *tag, bool read)
{
	sqlite3_stmt *st;

	if (tag == NULL) {
		store_set_error(s, "no tag given");
		return -1;
	}
	if ((st = statement(s, STMT_MARK_TAG)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, tag, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, read ? 1 : 0);
	return mark_many(s, st);
}

int64_t
store_mark_all_read(struct store *s, bool read)
{
	sqlite3_stmt *st;

	if ((st = statement(s, STMT_MARK_ALL)) == NULL)
		return -1;
	sqlite3_bind_int(st, 1, read ? 1 : 0);
	return mark_many(s, st);
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

void
store_items_row(sqlite3_stmt *st, struct store_item *item, bool with_text)
{
	item_from_row(st, item, with_text);
}

char *
store_items_categories(const struct item *item)
{
	return join_categories(item);
}
