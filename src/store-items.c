/* store-items.c: the store's items one by one: upsert from a parse (with
 * enclosures and tombstones), retention, reading one item back, read,
 * starred and story state. Not the search index, not queries over many. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "store-internal.h"
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
};

#define statement(s, id) store_statement((s), (id), item_sql[(id)])

void
store_bind_text(sqlite3_stmt *st, int index, const char *text)
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

	if (length == NULL || !ascii_is_digit((unsigned char)*length))
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
		store_bind_text(st, 3, e->url);
		store_bind_text(st, 4, e->type);
		if ((length = enclosure_length(e->length)) >= 0)
			sqlite3_bind_int64(st, 5, length);
		if (store_step_done(s, st, "cannot save an enclosure") == -1)
			return -1;
	}
	return 0;
}

/* Bind the item's fields from ?first on in the order title, link, author,
 * summary, content, published, updated. */
static void
bind_item(sqlite3_stmt *st, int first, const struct item *item)
{
	store_bind_text(st, first, item->title);
	store_bind_text(st, first + 1, item->link);
	store_bind_text(st, first + 2, item->author);
	store_bind_text(st, first + 3, item->summary);
	store_bind_text(st, first + 4, item->content);
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
	store_bind_text(st, 11, categories);
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
	store_queue_search(s, id, false);
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
	bool inserted = false, changed, text_changed, same_categories, enclosures_changed, own;
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
	same_categories = same_text(st, 8, categories);
	changed = text_changed || !same_text(st, 2, item->link) ||
	    !same_date(st, 6, item->published) || !same_date(st, 7, item->updated) ||
	    !same_categories;
	sqlite3_reset(st);
	enclosures_changed = !same_enclosures(s, id, item, &error);
	if (error)
		goto fail;

	if (changed) {
		if ((st = statement(s, STMT_ITEM_UPDATE)) == NULL)
			goto fail;
		sqlite3_bind_int64(st, 1, id);
		bind_item(st, 2, item);
		store_bind_text(st, 9, categories);
		if (store_step_done(s, st, "cannot update an item") == -1)
			goto fail;
	}
	if (text_changed || !same_categories)
		store_queue_search(s, id, true);
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

/* The parameters PRUNE_VICTIMS reads. */
static void
bind_victims(sqlite3_stmt *st, int64_t feed_id, long keep_days, long keep_items,
    bool keep_unread_and_starred, int64_t now)
{
	sqlite3_bind_int64(st, 1, feed_id);
	if (keep_days > 0)
		sqlite3_bind_int64(st, 2, now - (int64_t)keep_days * 24 * 60 * 60);
	sqlite3_bind_int64(st, 3, keep_items);
	sqlite3_bind_int(st, 4, keep_unread_and_starred ? 1 : 0);
}

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
	bind_victims(st, feed_id, keep_days, keep_items, keep_unread_and_starred, now);
	sqlite3_bind_int64(st, 5, now);
	if (store_step_done(s, st, "cannot remember pruned items") == -1)
		goto fail;

	st = statement(s, all ? STMT_PRUNE_DELETE_ALL : STMT_PRUNE_DELETE_FEED);
	if (st == NULL)
		goto fail;
	bind_victims(st, feed_id, keep_days, keep_items, keep_unread_and_starred, now);
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
void
store_item_from_row(sqlite3_stmt *st, struct store_item *item, bool with_text)
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
		store_item_from_row(st, item, true);
		item->guid = store_column_strdup(st, 12);
		item->published = store_column_date(st, 13);
		item->updated = store_column_date(st, 14);
		item->first_seen = store_column_date(st, 15);
		store_split_lines((const char *)sqlite3_column_text(st, 16),
		    &item->categories, &item->n_categories);
		item->story_error = store_column_strdup(st, 17);
		item->story_fetched = store_column_date(st, 18);
	}
	sqlite3_reset(st);
	if (store_found_one(s, rc, "item", item_id, "cannot read an item") == -1)
		return -1;
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
	return store_change_one(s, st, "cannot update an item", "item", item_id);
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
	bool own;

	if ((st = statement(s, STMT_ITEM_SET_STORY)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	store_bind_text(st, 2, story);
	store_bind_text(st, 3, story != NULL ? NULL : error);
	sqlite3_bind_int64(st, 4, store_now(s));
	if (story == NULL)
		return store_change_one(s, st, "cannot store a story", "item", item_id);
	/* A story is searched too: its entry is made again, with the story. */
	own = sqlite3_get_autocommit(s->db) != 0;
	if (own && store_savepoint(s) == -1) {
		sqlite3_reset(st);
		return -1;
	}
	if (store_change_one(s, st, "cannot store a story", "item", item_id) == -1)
		goto fail;
	store_queue_search(s, item_id, true);
	if (own && (store_flush_search(s) == -1 || store_release(s) == -1))
		goto fail;
	return 0;

fail:
	if (own) {
		store_discard_search(s);
		store_rollback_savepoint(s);
	}
	return -1;
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

	if (store_feed_exists(s, feed_id) == -1)
		return -1;
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

char *
store_items_categories(const struct item *item)
{
	return join_categories(item);
}
