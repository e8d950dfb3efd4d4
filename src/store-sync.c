/* store-sync.c: the store's side of sync with a server (sync.h): remote ids
 * of feeds and items, the pull position, the journal of local changes (its
 * rows are written by the triggers of schema version 4), and applying the
 * server's read and starred state. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-internal.h"
#include "sync.h"
#include "xmalloc.h"

/* The server's "on" ids while a state is applied; a temporary table of the
 * connection, created at the first use. */
#define ON_TABLE "CREATE TEMP TABLE IF NOT EXISTS sync_on (id INTEGER PRIMARY KEY)"

static const char *const sync_sql[STMT_COUNT] = {
	[STMT_SYNC_JOURNAL] =
	    "SELECT j.item_id, i.remote_id, j.field, j.value, j.changed, j.seq"
	    " FROM sync_journal j JOIN items i ON i.id = j.item_id"
	    " WHERE i.remote_id IS NOT NULL ORDER BY j.seq",
	[STMT_SYNC_JOURNAL_DONE] =
	    "DELETE FROM sync_journal WHERE item_id = ?1 AND field = ?2 AND seq = ?3",
	[STMT_SYNC_JOURNAL_COUNT] = "SELECT count(*) FROM sync_journal",
	[STMT_SYNC_STATE_GET] = "SELECT value FROM sync_state WHERE key = ?1",
	[STMT_SYNC_STATE_PUT] = "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?1, ?2)",
	[STMT_SYNC_FEED_BY_REMOTE] = "SELECT id FROM feeds WHERE remote_id = ?1",
	[STMT_SYNC_FEED_BY_URL] = "SELECT id FROM feeds WHERE url = ?1",
	[STMT_SYNC_FEED_SET] =
	    "UPDATE feeds SET remote_id = ?2, title = coalesce(?3, title) WHERE id = ?1",
	[STMT_SYNC_REMOTE_FEEDS] = "SELECT id, remote_id FROM feeds WHERE remote_id IS NOT NULL",
	[STMT_SYNC_ITEM_BY_REMOTE] = "SELECT id FROM items WHERE remote_id = ?1",
	[STMT_SYNC_ITEM_SET_REMOTE] =
	    "UPDATE items SET remote_id = ?2 WHERE id = ?1 AND remote_id IS NOT ?2",
	[STMT_SYNC_ITEM_DELETE] = "DELETE FROM items WHERE id = ?1",
	[STMT_SYNC_ITEM_STATE] = "UPDATE items SET read = ?2, starred = ?3 WHERE id = ?1",
	[STMT_SYNC_ON_INSERT] = "INSERT OR IGNORE INTO temp.sync_on (id) VALUES (?1)",
	[STMT_SYNC_ON_CLEAR] = "DELETE FROM temp.sync_on",
	[STMT_SYNC_APPLY_READ] =
	    "UPDATE items SET read = (remote_id NOT IN (SELECT id FROM temp.sync_on))"
	    " WHERE remote_id IS NOT NULL"
	    " AND read != (remote_id NOT IN (SELECT id FROM temp.sync_on))"
	    " AND NOT EXISTS (SELECT 1 FROM sync_journal j"
	    "  WHERE j.item_id = items.id AND j.field = 0)",
	[STMT_SYNC_APPLY_STAR] =
	    "UPDATE items SET starred = (remote_id IN (SELECT id FROM temp.sync_on))"
	    " WHERE remote_id IS NOT NULL"
	    " AND starred != (remote_id IN (SELECT id FROM temp.sync_on))"
	    " AND NOT EXISTS (SELECT 1 FROM sync_journal j"
	    "  WHERE j.item_id = items.id AND j.field = 1)",
};

static sqlite3_stmt *
statement(struct store *s, enum store_statement id)
{
	return store_statement(s, id, sync_sql[id]);
}

/* The one integer a query answers (0 for no row), or -1. */
static int64_t
query_int(struct store *s, sqlite3_stmt *st, const char *what)
{
	int64_t n = 0;
	int rc;

	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE) {
		store_set_db_error(s, what);
		n = -1;
	}
	sqlite3_reset(st);
	return n;
}

int64_t
store_sync_journal(struct store *s, struct sync_change **out)
{
	struct sync_change *v = NULL;
	size_t n = 0, size = 0;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if ((st = statement(s, STMT_SYNC_JOURNAL)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == size) {
			size = size ? size * 2 : 64;
			v = xreallocarray(v, size, sizeof(*v));
		}
		v[n].item_id = sqlite3_column_int64(st, 0);
		v[n].remote_id = sqlite3_column_int64(st, 1);
		v[n].field = sqlite3_column_int(st, 2) == 0 ? SYNC_READ : SYNC_STARRED;
		v[n].on = sqlite3_column_int(st, 3) != 0;
		v[n].changed = sqlite3_column_int64(st, 4);
		v[n].seq = sqlite3_column_int64(st, 5);
		n++;
	}
	if (rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot read the sync journal");
		sqlite3_reset(st);
		free(v);
		return -1;
	}
	sqlite3_reset(st);
	*out = v;
	return (int64_t)n;
}

int
store_sync_journal_done(struct store *s, const struct sync_change *c)
{
	sqlite3_stmt *st;

	if ((st = statement(s, STMT_SYNC_JOURNAL_DONE)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, c->item_id);
	sqlite3_bind_int(st, 2, c->field == SYNC_READ ? 0 : 1);
	sqlite3_bind_int64(st, 3, c->seq);
	return store_step_done(s, st, "cannot update the sync journal");
}

int64_t
store_sync_journal_count(struct store *s)
{
	sqlite3_stmt *st;

	if ((st = statement(s, STMT_SYNC_JOURNAL_COUNT)) == NULL)
		return -1;
	return query_int(s, st, "cannot count the sync journal");
}

static int
put_state(struct store *s, const char *key, int64_t value)
{
	sqlite3_stmt *st;

	if ((st = statement(s, STMT_SYNC_STATE_PUT)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, value);
	return store_step_done(s, st, "cannot write the sync state");
}

int64_t
store_sync_last_id(struct store *s)
{
	sqlite3_stmt *st;

	if ((st = statement(s, STMT_SYNC_STATE_GET)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, "last_id", -1, SQLITE_STATIC);
	return query_int(s, st, "cannot read the sync state");
}

int
store_sync_set_last_id(struct store *s, int64_t id)
{
	return put_state(s, "last_id", id);
}

int
store_sync_applying(struct store *s, bool on)
{
	return put_state(s, "applying", on ? 1 : 0);
}

int64_t
store_sync_feed_id(struct store *s, int64_t remote_id)
{
	sqlite3_stmt *st;

	if ((st = statement(s, STMT_SYNC_FEED_BY_REMOTE)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, remote_id);
	return query_int(s, st, "cannot find a synced feed");
}

int64_t
store_sync_feed(struct store *s, const struct sync_feed *f, const char *tag, bool *created)
{
	sqlite3_stmt *st;
	int64_t id;

	*created = false;
	if ((id = store_sync_feed_id(s, f->id)) < 0)
		return -1;
	if (id == 0) {
		/* A local subscription to the same address becomes the
		 * server's: one feed, not two with the same items. */
		if ((st = statement(s, STMT_SYNC_FEED_BY_URL)) == NULL)
			return -1;
		sqlite3_bind_text(st, 1, f->url, -1, SQLITE_TRANSIENT);
		if ((id = query_int(s, st, "cannot find a feed")) < 0)
			return -1;
	}
	if (id == 0) {
		if ((id = store_add_feed(s, f->url, NULL, NULL, 0)) < 0)
			return -1;
		*created = true;
	}
	if ((st = statement(s, STMT_SYNC_FEED_SET)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, f->id);
	if (f->title != NULL && f->title[0] != '\0')
		sqlite3_bind_text(st, 3, f->title, -1, SQLITE_TRANSIENT);
	if (store_step_done(s, st, "cannot mark a feed as synced") != 0)
		return -1;
	/* The server's category is the feed's tag. */
	if (store_set_feed_tags(s, id, &tag, tag != NULL ? 1 : 0) != 0)
		return -1;
	return id;
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int64_t
store_sync_remove_feeds(struct store *s, const int64_t *keep, size_t n_keep)
{
	struct sync_ids gone = { NULL, 0, 0 };
	sqlite3_stmt *st;
	int64_t removed = 0;
	size_t i;
	int rc;

	if ((st = statement(s, STMT_SYNC_REMOTE_FEEDS)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t remote = sqlite3_column_int64(st, 1);

		if (n_keep == 0 || bsearch(&remote, keep, n_keep, sizeof(*keep), cmp_id) == NULL)
			sync_ids_add(&gone, sqlite3_column_int64(st, 0));
	}
	if (rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot list the synced feeds");
		sqlite3_reset(st);
		sync_ids_clear(&gone);
		return -1;
	}
	sqlite3_reset(st);
	for (i = 0; i < gone.n; i++) {
		if (store_remove_feed(s, gone.ids[i]) != 0) {
			removed = -1;
			break;
		}
		removed++;
	}
	sync_ids_clear(&gone);
	return removed;
}

int
store_sync_article(struct store *s, int64_t feed_id, const struct sync_article *a)
{
	sqlite3_stmt *st;
	int64_t id, known;
	bool is_new = false;

	if (store_upsert_item(s, feed_id, &a->item, &is_new) != 0)
		return -1;
	if ((id = store_last_item_id(s)) == 0)
		return 0;	/* retention removed it once: it stays away */
	if ((st = statement(s, STMT_SYNC_ITEM_BY_REMOTE)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, a->id);
	if ((known = query_int(s, st, "cannot find a synced item")) < 0)
		return -1;
	if (known == id)
		return 0;
	if (known != 0) {
		/* The server's article is stored under another identity (its
		 * guid changed): keep the first, drop a twin just made. */
		if (is_new) {
			/* Its search entry is pending: write it, so the
			 * delete trigger takes it too. */
			if (store_flush_search(s) != 0 ||
			    (st = statement(s, STMT_SYNC_ITEM_DELETE)) == NULL)
				return -1;
			sqlite3_bind_int64(st, 1, id);
			if (store_step_done(s, st, "cannot drop a twin item") != 0)
				return -1;
		}
		return 0;
	}
	if ((st = statement(s, STMT_SYNC_ITEM_SET_REMOTE)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, a->id);
	if (store_step_done(s, st, "cannot mark an item as synced") != 0)
		return -1;
	if (!is_new)
		return 0;
	if ((st = statement(s, STMT_SYNC_ITEM_STATE)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, !a->unread);
	sqlite3_bind_int(st, 3, a->starred);
	if (store_step_done(s, st, "cannot set an item's state") != 0)
		return -1;
	return 1;
}

int64_t
store_sync_apply_state(struct store *s, enum sync_field field, const int64_t *on_ids, size_t n)
{
	sqlite3_stmt *st;
	int64_t changed;
	size_t i;

	if (sqlite3_exec(s->db, ON_TABLE, NULL, NULL, NULL) != SQLITE_OK) {
		store_set_db_error(s, "cannot make a temporary table");
		return -1;
	}
	if ((st = statement(s, STMT_SYNC_ON_CLEAR)) == NULL ||
	    store_step_done(s, st, "cannot clear a temporary table") != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if ((st = statement(s, STMT_SYNC_ON_INSERT)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, on_ids[i]);
		if (store_step_done(s, st, "cannot fill a temporary table") != 0)
			return -1;
	}
	st = statement(s, field == SYNC_READ ? STMT_SYNC_APPLY_READ : STMT_SYNC_APPLY_STAR);
	if (st == NULL || store_step_done(s, st, "cannot apply the server's state") != 0)
		return -1;
	changed = sqlite3_changes64(s->db);
	if ((st = statement(s, STMT_SYNC_ON_CLEAR)) == NULL ||
	    store_step_done(s, st, "cannot clear a temporary table") != 0)
		return -1;
	return changed;
}
