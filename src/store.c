/* store.c: the store's file and schema (open, migrations, pragmas), its
 * statement cache and transactions, and the feeds. Items live in store-items.c,
 * the search index in store-search.c, queries for views in store-views.c. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "store-internal.h"
#include "xmalloc.h"

/* How long a statement waits for another process's write lock (a cron
 * refresh while the reader marks an item read) before giving up. */
#define BUSY_TIMEOUT_MS 5000

/* Each schema version is one step from the previous, applied in its own
 * transaction together with the new PRAGMA user_version, so a store is never
 * left half-migrated. Never edit a released step: add a new one. */
struct migration {
	int		 version;
	const char	*sql;
};

static const struct migration migrations[] = {
	{ 1,
	"CREATE TABLE feeds ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  url TEXT NOT NULL UNIQUE,"
	"  title TEXT,"
	"  user_title TEXT,"
	"  link TEXT,"
	"  description TEXT,"
	"  etag TEXT,"
	"  last_modified TEXT,"
	"  last_status INTEGER NOT NULL DEFAULT 0,"
	"  last_error TEXT,"
	"  last_fetch INTEGER,"
	"  next_due INTEGER,"
	"  retry_after INTEGER,"
	"  user_interval INTEGER NOT NULL DEFAULT 0,"
	"  publisher_interval INTEGER NOT NULL DEFAULT 0,"
	"  disabled INTEGER NOT NULL DEFAULT 0,"
	"  full_story INTEGER NOT NULL DEFAULT 0,"
	"  added INTEGER NOT NULL"
	");"
	"CREATE TABLE feed_tags ("
	"  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	"  tag TEXT NOT NULL,"
	"  PRIMARY KEY (feed_id, tag)"
	") WITHOUT ROWID;"
	"CREATE INDEX feed_tags_by_tag ON feed_tags(tag, feed_id);"
	/* AUTOINCREMENT so that an item id, once shown (`tidings list`), never
	 * names another item later. The small columns come first and the
	 * texts last, so that reading a row for a list stops early. */
	"CREATE TABLE items ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	"  guid TEXT NOT NULL,"
	"  published INTEGER,"
	"  updated INTEGER,"
	"  first_seen INTEGER NOT NULL,"
	"  sort_date INTEGER GENERATED ALWAYS AS"
	"    (coalesce(published, updated, first_seen)) VIRTUAL,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  starred INTEGER NOT NULL DEFAULT 0,"
	"  title TEXT,"
	"  link TEXT,"
	"  author TEXT,"
	"  categories TEXT,"
	"  summary TEXT,"
	"  content TEXT,"
	"  UNIQUE (feed_id, guid)"
	");"
	"CREATE INDEX items_feed_date ON items(feed_id, sort_date);"
	"CREATE INDEX items_date ON items(sort_date);"
	"CREATE INDEX items_unread_date ON items(sort_date) WHERE read = 0;"
	"CREATE TABLE enclosures ("
	"  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  url TEXT NOT NULL,"
	"  type TEXT,"
	"  length INTEGER,"
	"  PRIMARY KEY (item_id, position)"
	") WITHOUT ROWID;"
	/* Identities of items retention removed, so that a feed still
	 * carrying them does not bring them back as new. */
	"CREATE TABLE pruned ("
	"  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	"  guid TEXT NOT NULL,"
	"  seen INTEGER NOT NULL,"
	"  PRIMARY KEY (feed_id, guid)"
	") WITHOUT ROWID;"
	/* rowid = items.id. A table of its own (not external content) because
	 * it indexes the plain text of the HTML, which items does not hold.
	 * columnsize=0: results are ordered by date, never by bm25 rank.
	 * prefix='2': a search word is a prefix, and without an index of
	 * two-character prefixes FTS5 merges the lists of every term starting
	 * so (300 ms for "ka" at 100,000 items; 14 ms with it, for 12% more
	 * insert time and 5% more space). */
	"CREATE VIRTUAL TABLE items_fts USING fts5(title, author, summary, content,"
	"  tokenize = 'unicode61 remove_diacritics 2', columnsize = 0,"
	"  prefix = '2');"
	/* A trigger rather than code, so that the cascade from a removed feed
	 * cleans the index too. */
	"CREATE TRIGGER items_search_delete AFTER DELETE ON items BEGIN"
	"  DELETE FROM items_fts WHERE rowid = OLD.id;"
	"END;" },

	/* Counting unread items by scanning even an index costs tens of
	 * milliseconds at a million items; counters per feed kept by triggers
	 * make every unfiltered count a read of the feeds table. */
	{ 2,
	"ALTER TABLE feeds ADD COLUMN item_count INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE feeds ADD COLUMN unread_count INTEGER NOT NULL DEFAULT 0;"
	"UPDATE feeds SET"
	"  item_count = (SELECT count(*) FROM items WHERE feed_id = feeds.id),"
	"  unread_count = (SELECT count(*) FROM items WHERE feed_id = feeds.id AND read = 0);"
	"CREATE TRIGGER items_count_insert AFTER INSERT ON items BEGIN"
	"  UPDATE feeds SET item_count = item_count + 1,"
	"    unread_count = unread_count + (NEW.read = 0) WHERE id = NEW.feed_id;"
	"END;"
	"CREATE TRIGGER items_count_delete AFTER DELETE ON items BEGIN"
	"  UPDATE feeds SET item_count = item_count - 1,"
	"    unread_count = unread_count - (OLD.read = 0) WHERE id = OLD.feed_id;"
	"END;"
	"CREATE TRIGGER items_count_read AFTER UPDATE OF read ON items"
	"  WHEN (OLD.read = 0) != (NEW.read = 0) BEGIN"
	"  UPDATE feeds SET unread_count = unread_count + (NEW.read = 0) - (OLD.read = 0)"
	"    WHERE id = NEW.feed_id;"
	"END;"
	"CREATE INDEX items_starred_date ON items(sort_date) WHERE starred = 1;" },

	/* Full stories: the cleaned HTML of the item's web page, or why it
	 * could not be had, and when it was tried. The columns are last in
	 * the row, so lists that do not ask for them never read them. */
	{ 3,
	"ALTER TABLE items ADD COLUMN story TEXT;"
	"ALTER TABLE items ADD COLUMN story_error TEXT;"
	"ALTER TABLE items ADD COLUMN story_fetched INTEGER;" },

	/* Sync with a server aggregator (sync.h): the server's ids of feeds
	 * and items, where the pull of articles stands, and a journal of
	 * read/star changes to synced items, written by triggers so that the
	 * reader and every command feed it alike. A sync applying the
	 * server's state sets sync_state 'applying' inside its transaction,
	 * which silences them. */
	{ 4,
	"ALTER TABLE feeds ADD COLUMN remote_id INTEGER;"
	"ALTER TABLE items ADD COLUMN remote_id INTEGER;"
	"CREATE UNIQUE INDEX feeds_remote ON feeds(remote_id) WHERE remote_id IS NOT NULL;"
	"CREATE UNIQUE INDEX items_remote ON items(remote_id) WHERE remote_id IS NOT NULL;"
	"CREATE TABLE sync_state (key TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID;"
	"CREATE TABLE sync_journal ("
	"  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
	"  field INTEGER NOT NULL,"	/* 0 read, 1 starred */
	"  value INTEGER NOT NULL,"
	"  changed INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"	/* orders changes made in one second */
	"  PRIMARY KEY (item_id, field)"
	") WITHOUT ROWID;"
	"CREATE TRIGGER sync_journal_read AFTER UPDATE OF read ON items"
	"  WHEN NEW.remote_id IS NOT NULL AND (OLD.read = 0) != (NEW.read = 0)"
	"  AND coalesce((SELECT value FROM sync_state WHERE key = 'applying'), 0) = 0 BEGIN"
	"  INSERT OR REPLACE INTO sync_journal (item_id, field, value, changed, seq)"
	"    VALUES (NEW.id, 0, NEW.read != 0, CAST(strftime('%s', 'now') AS INTEGER),"
	"    coalesce((SELECT max(seq) FROM sync_journal), 0) + 1);"
	"END;"
	"CREATE TRIGGER sync_journal_star AFTER UPDATE OF starred ON items"
	"  WHEN NEW.remote_id IS NOT NULL AND (OLD.starred = 0) != (NEW.starred = 0)"
	"  AND coalesce((SELECT value FROM sync_state WHERE key = 'applying'), 0) = 0 BEGIN"
	"  INSERT OR REPLACE INTO sync_journal (item_id, field, value, changed, seq)"
	"    VALUES (NEW.id, 1, NEW.starred != 0, CAST(strftime('%s', 'now') AS INTEGER),"
	"    coalesce((SELECT max(seq) FROM sync_journal), 0) + 1);"
	"END;" },
	/* Query feeds: saved views, each an expression in the filter language
	 * (filter.h) over all items; tags '\n' between them. */
	{ 5,
	"CREATE TABLE queries ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  name TEXT NOT NULL UNIQUE,"
	"  expression TEXT NOT NULL,"
	"  tags TEXT,"
	"  added INTEGER NOT NULL"
	");" },
	/* Search that fits its languages: Greek folded like Latin
	 * (search-fold.h), categories and full stories indexed. FTS5 cannot
	 * add columns, so the index is made again from the items. */
	{ 8,
	"DROP TABLE items_fts;"
	"CREATE VIRTUAL TABLE items_fts USING fts5(" STORE_SEARCH_COLUMNS ","
	"  tokenize = 'unicode61 remove_diacritics 2', columnsize = 0,"
	"  prefix = '2');"
	"INSERT INTO items_fts (rowid, " STORE_SEARCH_COLUMNS ") " STORE_SEARCH_ROW ";" },
};

#define N_MIGRATIONS (sizeof(migrations) / sizeof(migrations[0]))

/* The columns feed_from_row reads, tags joined by '\n'. */
#define FEED_SELECT \
	"SELECT id, url, title, user_title, link, description, etag," \
	" last_modified, last_status, last_error, last_fetch, next_due," \
	" retry_after, user_interval, publisher_interval, disabled," \
	" full_story, added, item_count, unread_count," \
	" (SELECT group_concat(tag, char(10)) FROM feed_tags" \
	"  WHERE feed_id = feeds.id), remote_id" \
	" FROM feeds"

/* The SQL of this file's statements. */
static const char *const feed_sql[STMT_COUNT] = {
	[STMT_BEGIN] = "BEGIN IMMEDIATE",
	[STMT_COMMIT] = "COMMIT",
	[STMT_ROLLBACK] = "ROLLBACK",
	[STMT_SAVEPOINT] = "SAVEPOINT store",
	[STMT_RELEASE] = "RELEASE store",
	[STMT_ROLLBACK_TO] = "ROLLBACK TO store",

	[STMT_FEED_INSERT] =
	    "INSERT INTO feeds (url, user_title, added) VALUES (?1, ?2, ?3)",
	[STMT_FEED_DELETE] = "DELETE FROM feeds WHERE id = ?1",
	[STMT_FEED_GET] = FEED_SELECT " WHERE id = ?1",
	[STMT_FEED_ALL] = FEED_SELECT
	    " ORDER BY coalesce(user_title, title, url) COLLATE NOCASE, id",
	[STMT_FEED_BY_URL] = "SELECT id FROM feeds WHERE url = ?1",
	[STMT_FEED_BY_NAME] =
	    "SELECT id, url FROM feeds WHERE user_title = ?1 OR title = ?1 ORDER BY id",
	[STMT_FEED_BY_NAME_NOCASE] =
	    "SELECT id, url FROM feeds WHERE user_title = ?1 COLLATE NOCASE"
	    " OR title = ?1 COLLATE NOCASE ORDER BY id",
	[STMT_FEED_FETCH_STATE] =
	    "UPDATE feeds SET etag = ?2, last_modified = ?3, last_status = ?4,"
	    " last_error = ?5, last_fetch = ?6, next_due = ?7, retry_after = ?8,"
	    " disabled = ?9 WHERE id = ?1",
	[STMT_FEED_SET_URL] = "UPDATE feeds SET url = ?2 WHERE id = ?1",
	[STMT_FEED_SET_USER_TITLE] = "UPDATE feeds SET user_title = ?2 WHERE id = ?1",
	[STMT_FEED_SET_INTERVAL] = "UPDATE feeds SET user_interval = ?2 WHERE id = ?1",
	[STMT_FEED_SET_FULL_STORY] = "UPDATE feeds SET full_story = ?2 WHERE id = ?1",
	[STMT_FEED_META] =
	    "UPDATE feeds SET title = coalesce(?2, title), link = coalesce(?3, link),"
	    " description = coalesce(?4, description), publisher_interval = ?5"
	    " WHERE id = ?1",
	[STMT_FEED_EXISTS] = "SELECT 1 FROM feeds WHERE id = ?1",
	[STMT_TAGS_DELETE] = "DELETE FROM feed_tags WHERE feed_id = ?1",
	[STMT_TAG_INSERT] = "INSERT OR IGNORE INTO feed_tags (feed_id, tag) VALUES (?1, ?2)",
	[STMT_DATA_VERSION] = "PRAGMA data_version",
};

/* ---- Errors and helpers shared with store-items.c ---- */

void
store_set_error(struct store *s, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	free(s->error);
	s->error = msg;
}

/* The last error of db in words. "disk full" is the cause a user can act
 * on: SQLite says "database or disk is full", and an ENOSPC from the VFS
 * may come as an I/O error. */
static const char *
db_message(sqlite3 *db)
{
	int code = sqlite3_extended_errcode(db);

	if ((code & 0xff) == SQLITE_FULL ||
	    ((code & 0xff) == SQLITE_IOERR && sqlite3_system_errno(db) == ENOSPC))
		return "disk full";
	return sqlite3_errmsg(db);
}

void
store_set_db_error(struct store *s, const char *what)
{
	store_set_error(s, "%s: %s", what, db_message(s->db));
}

const char *
store_error(const struct store *s)
{
	if (s == NULL || s->error == NULL)
		return "no error";
	return s->error;
}

sqlite3_stmt *
store_prepare(struct store *s, sqlite3_stmt **slot, const char *sql)
{
	if (*slot != NULL) {
		sqlite3_reset(*slot);
		sqlite3_clear_bindings(*slot);
		return *slot;
	}
	/* PERSISTENT: these live as long as the store. */
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot,
	    NULL) != SQLITE_OK) {
		store_set_db_error(s, "cannot prepare a statement");
		*slot = NULL;
		return NULL;
	}
	return *slot;
}

sqlite3_stmt *
store_statement(struct store *s, enum store_statement id, const char *sql)
{
	return store_prepare(s, &s->statements[id], sql);
}

static sqlite3_stmt *
statement(struct store *s, enum store_statement id)
{
	return store_statement(s, id, feed_sql[id]);
}

int
store_step_done(struct store *s, sqlite3_stmt *st, const char *what)
{
	int rc;

	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_set_db_error(s, what);
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

int
store_bind_date(sqlite3_stmt *st, int index, int64_t date)
{
	if (date == DATE_NONE)
		return sqlite3_bind_null(st, index);
	return sqlite3_bind_int64(st, index, date);
}

int64_t
store_column_date(sqlite3_stmt *st, int column)
{
	if (sqlite3_column_type(st, column) == SQLITE_NULL)
		return DATE_NONE;
	return sqlite3_column_int64(st, column);
}

char *
store_column_strdup(sqlite3_stmt *st, int column)
{
	const unsigned char *text;

	text = sqlite3_column_text(st, column);
	if (text == NULL)
		return NULL;
	return xstrdup((const char *)text);
}

int64_t
store_now(const struct store *s)
{
	if (s->now != 0)
		return s->now;
	return (int64_t)time(NULL);
}

void
store_set_time(struct store *s, int64_t now)
{
	s->now = now;
}

int64_t
store_data_version(struct store *s)
{
	sqlite3_stmt *st;
	int64_t version = -1;

	if ((st = statement(s, STMT_DATA_VERSION)) == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int64(st, 0);
	else
		store_set_db_error(s, "cannot read the data version");
	sqlite3_reset(st);
	return version;
}

/* ---- Transactions ---- */

static int
run(struct store *s, enum store_statement id, const char *what)
{
	sqlite3_stmt *st;

	if ((st = statement(s, id)) == NULL)
		return -1;
	return store_step_done(s, st, what);
}

int
store_begin(struct store *s)
{
	return run(s, STMT_BEGIN, "cannot start a transaction");
}

int
store_commit(struct store *s)
{
	if (store_flush_search(s) == 0 && run(s, STMT_COMMIT, "cannot commit") == 0)
		return 0;
	/* Leave no transaction open behind a failure: roll back, keeping the
	 * error that led here. */
	store_rollback(s);
	return -1;
}

/* Undo the open transaction, keeping the error that led here as the
 * store's error. SQLite may already have rolled back by itself (a full
 * disk, out of memory): then there is nothing left to undo. */
int
store_rollback(struct store *s)
{
	char *saved;
	int rc = 0;

	store_discard_search(s);
	if (sqlite3_get_autocommit(s->db))
		return 0;
	saved = s->error;
	s->error = NULL;
	rc = run(s, STMT_ROLLBACK, "cannot roll back");
	if (saved != NULL) {
		free(s->error);
		s->error = saved;
	}
	return rc;
}

int
store_savepoint(struct store *s)
{
	return run(s, STMT_SAVEPOINT, "cannot start a savepoint");
}

int
store_release(struct store *s)
{
	return run(s, STMT_RELEASE, "cannot release a savepoint");
}

/* Undo everything since store_savepoint and end the savepoint. The error
 * that led here stays the store's error. */
void
store_rollback_savepoint(struct store *s)
{
	sqlite3_stmt *st;
	char *saved;

	saved = s->error;
	s->error = NULL;
	if ((st = statement(s, STMT_ROLLBACK_TO)) != NULL) {
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	if ((st = statement(s, STMT_RELEASE)) != NULL) {
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	free(s->error);
	s->error = saved;
}

/* ---- Opening and migrating ---- */

/* mkdir -p for the directories above path. New ones are private (0700):
 * the store reveals what its owner reads. */
static int
make_parents(const char *path, char **error)
{
	struct stat sb;
	char *copy, *slash;
	int rc = 0;

	copy = xstrdup(path);
	for (slash = strchr(copy + 1, '/'); slash != NULL; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(copy, 0700) == -1 && (errno != EEXIST ||
		    stat(copy, &sb) == -1 || !S_ISDIR(sb.st_mode))) {
			if (errno == EEXIST)
				errno = ENOTDIR;
			*error = xasprintf("cannot create directory %s: %s", copy,
			    strerror(errno));
			rc = -1;
			break;
		}
		*slash = '/';
	}
	free(copy);
	return rc;
}

static int
exec_sql(sqlite3 *db, const char *sql, const char *path, char **error)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		*error = xasprintf("store %s: %s", path, msg != NULL &&
		    strcmp(db_message(db), "disk full") != 0 ? msg : db_message(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* PRAGMA user_version, or -1 with *error set. This is the first read of
 * the file, so it is where a file that is not a database shows. */
static int
schema_version(sqlite3 *db, const char *path, char **error)
{
	sqlite3_stmt *st;
	int rc, version = -1;

	rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	if (version == -1) {
		if ((rc & 0xff) == SQLITE_NOTADB)
			*error = xasprintf("cannot open store %s: not an SQLite "
			    "database", path);
		else
			*error = xasprintf("cannot open store %s: %s", path,
			    db_message(db));
	}
	sqlite3_finalize(st);
	return version;
}

/* Apply the steps after the file's version, up to target, each in one
 * transaction. The version is read again inside the transaction: another
 * process may have migrated the file meanwhile. */
static int
migrate(sqlite3 *db, const char *path, int target, char **error)
{
	size_t i;
	char *sql;
	int version;

	for (i = 0; i < N_MIGRATIONS && migrations[i].version <= target; i++) {
		if (exec_sql(db, "BEGIN IMMEDIATE", path, error) == -1)
			return -1;
		if ((version = schema_version(db, path, error)) == -1)
			goto fail;
		if (version >= migrations[i].version) {
			exec_sql(db, "COMMIT", path, error);
			continue;
		}
		if (exec_sql(db, migrations[i].sql, path, error) == -1) {
			char *why = *error;

			*error = xasprintf("%s (migrating to schema %d)", why,
			    migrations[i].version);
			free(why);
			goto fail;
		}
		sql = xasprintf("PRAGMA user_version = %d", migrations[i].version);
		if (exec_sql(db, sql, path, error) == -1) {
			free(sql);
			goto fail;
		}
		free(sql);
		if (exec_sql(db, "COMMIT", path, error) == -1)
			goto fail;
	}
	return 0;

fail:
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* A new store is created private (0600) before SQLite opens it: it
 * reveals what its owner reads, and SQLite gives the -wal and -shm files
 * the database file's permissions. An existing file keeps its own. */
static int
create_private(const char *path, char **error)
{
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) >= 0)
		return close(fd);
	if (errno == EEXIST)
		return 0;
	*error = xasprintf("cannot create store %s: %s", path, strerror(errno));
	return -1;
}

static sqlite3 *
open_database(const char *path, int target, char **error)
{
	sqlite3 *db = NULL;
	int version;

	*error = NULL;
	if (path == NULL || *path == '\0') {
		*error = xstrdup("cannot open store: no path given");
		return NULL;
	}
	if (strcmp(path, ":memory:") != 0 && (make_parents(path, error) == -1 ||
	    create_private(path, error) == -1))
		return NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	    NULL) != SQLITE_OK) {
		*error = xasprintf("cannot open store %s: %s", path,
		    db != NULL ? sqlite3_errmsg(db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	/* The -wal and -shm stay when the last connection closes (emptied
	 * down to journal_size_limit), so that a store on a disk that has
	 * since filled up can still be opened and read. */
	sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &(int){ 1 });

	if ((version = schema_version(db, path, error)) == -1)
		goto fail;
	if (version > STORE_SCHEMA_VERSION) {
		*error = xasprintf("store %s is from a newer tidings (schema %d, "
		    "this build knows %d)", path, version, STORE_SCHEMA_VERSION);
		goto fail;
	}

	/* WAL lets the reader read while a refresh writes (one writer at a
	 * time); NORMAL sync is durable enough in WAL mode (a power cut may
	 * lose the last commits, never consistency). The journal mode stays
	 * in the file; the rest is per connection. */
	if (exec_sql(db, "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = NORMAL;"
	    "PRAGMA journal_size_limit = 4194304;"
	    "PRAGMA foreign_keys = ON;"
	    "PRAGMA temp_store = MEMORY;", path, error) == -1)
		goto fail;
	if (store_search_register(db) == -1) {
		*error = xasprintf("cannot open store %s: %s", path, sqlite3_errmsg(db));
		goto fail;
	}
	if (migrate(db, path, target, error) == -1)
		goto fail;
	return db;

fail:
	sqlite3_close(db);
	return NULL;
}

struct store *
store_open(const char *path, char **error)
{
	struct store *s;
	sqlite3 *db;

	if ((db = open_database(path, STORE_SCHEMA_VERSION, error)) == NULL)
		return NULL;
	s = xcalloc(1, sizeof(*s));
	s->db = db;
	s->path = xstrdup(path);
	if (store_filter_open(s) == -1) {
		*error = xasprintf("cannot open store %s: %s", path, sqlite3_errmsg(db));
		store_close(&s);
	}
	return s;
}

int
store_create_schema(const char *path, int version, char **error)
{
	sqlite3 *db;

	if ((db = open_database(path, version, error)) == NULL)
		return -1;
	sqlite3_close(db);
	return 0;
}

void
store_close(struct store **sp)
{
	struct store *s;
	size_t i, j;

	if (sp == NULL || (s = *sp) == NULL)
		return;
	/* A transaction left open is not committed. */
	store_discard_search(s);
	free(s->pending);
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	store_filter_close(s);
	for (i = 0; i < STMT_COUNT; i++)
		sqlite3_finalize(s->statements[i]);
	for (i = 0; i < QUERY_KINDS; i++) {
		for (j = 0; j < STORE_SHAPES; j++)
			sqlite3_finalize(s->item_queries[i][j]);
	}
	/* Keeps the planner's statistics fresh at little cost (SQLite's advice
	 * for long-lived stores: run it before closing, with analysis_limit so
	 * that a large store is sampled, not read whole). */
	sqlite3_exec(s->db, "PRAGMA analysis_limit = 400; PRAGMA optimize;", NULL,
	    NULL, NULL);
	sqlite3_close(s->db);
	free(s->path);
	free(s->error);
	free(s);
	*sp = NULL;
}

/* ---- Feeds ---- */

const char *
store_feed_name(const struct store_feed *feed)
{
	if (feed->user_title != NULL && *feed->user_title != '\0')
		return feed->user_title;
	if (feed->title != NULL && *feed->title != '\0')
		return feed->title;
	return feed->url != NULL ? feed->url : "";
}

void
store_feed_clear(struct store_feed *feed)
{
	size_t i;

	free(feed->url);
	free(feed->title);
	free(feed->user_title);
	free(feed->link);
	free(feed->description);
	for (i = 0; i < feed->n_tags; i++)
		free(feed->tags[i]);
	free(feed->tags);
	free(feed->etag);
	free(feed->last_modified);
	free(feed->last_error);
	memset(feed, 0, sizeof(*feed));
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
store_split_lines(const char *joined, char ***lines, size_t *n)
{
	const char *p, *end;

	if (joined == NULL)
		return;
	for (p = joined; *p != '\0'; p = *end != '\0' ? end + 1 : end) {
		end = strchr(p, '\n');
		if (end == NULL)
			end = p + strlen(p);
		*lines = xreallocarray(*lines, *n + 1, sizeof(**lines));
		(*lines)[(*n)++] = xstrndup(p, (size_t)(end - p));
	}
}

/* Tags come from group_concat joined by '\n' (which a tag cannot hold). */
static void
split_tags(struct store_feed *feed, const char *joined)
{
	store_split_lines(joined, &feed->tags, &feed->n_tags);
	if (feed->n_tags > 1)	/* qsort must not be given NULL, even for none */
		qsort(feed->tags, feed->n_tags, sizeof(*feed->tags), compare_strings);
}

int
store_found_one(struct store *s, int rc, const char *noun, int64_t id, const char *what)
{
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		store_set_error(s, "no %s %lld", noun, (long long)id);
	else
		store_set_db_error(s, what);
	return -1;
}

/* Fill feed from a row of STMT_FEED_GET / STMT_FEED_ALL. */
static void
feed_from_row(sqlite3_stmt *st, struct store_feed *feed)
{
	memset(feed, 0, sizeof(*feed));
	feed->id = sqlite3_column_int64(st, 0);
	feed->url = store_column_strdup(st, 1);
	feed->title = store_column_strdup(st, 2);
	feed->user_title = store_column_strdup(st, 3);
	feed->link = store_column_strdup(st, 4);
	feed->description = store_column_strdup(st, 5);
	feed->etag = store_column_strdup(st, 6);
	feed->last_modified = store_column_strdup(st, 7);
	feed->last_status = sqlite3_column_int(st, 8);
	feed->last_error = store_column_strdup(st, 9);
	feed->last_fetch = store_column_date(st, 10);
	feed->next_due = store_column_date(st, 11);
	feed->retry_after = store_column_date(st, 12);
	feed->user_interval = (long)sqlite3_column_int64(st, 13);
	feed->publisher_interval = (long)sqlite3_column_int64(st, 14);
	feed->disabled = sqlite3_column_int(st, 15) != 0;
	feed->full_story = sqlite3_column_int(st, 16) != 0;
	feed->added = sqlite3_column_int64(st, 17);
	feed->total = sqlite3_column_int64(st, 18);
	feed->unread = sqlite3_column_int64(st, 19);
	split_tags(feed, (const char *)sqlite3_column_text(st, 20));
	feed->remote_id = sqlite3_column_int64(st, 21);
}

int
store_feed_exists(struct store *s, int64_t feed_id)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = statement(s, STMT_FEED_EXISTS)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return store_found_one(s, rc, "feed", feed_id, "cannot read feeds");
}

/* Tags are written inside the caller's savepoint. */
static int
write_tags(struct store *s, int64_t feed_id, const char *const *tags, size_t n_tags)
{
	sqlite3_stmt *st;
	size_t i;

	if ((st = statement(s, STMT_TAGS_DELETE)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	if (store_step_done(s, st, "cannot remove tags") == -1)
		return -1;
	for (i = 0; i < n_tags; i++) {
		if (tags[i] == NULL || tags[i][0] == '\0')
			continue;
		if (strchr(tags[i], '\n') != NULL) {
			store_set_error(s, "a tag cannot hold a line break");
			return -1;
		}
		if ((st = statement(s, STMT_TAG_INSERT)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, feed_id);
		sqlite3_bind_text(st, 2, tags[i], -1, SQLITE_STATIC);
		if (store_step_done(s, st, "cannot add a tag") == -1)
			return -1;
	}
	return 0;
}

int64_t
store_add_feed(struct store *s, const char *url, const char *title,
    const char *const *tags, size_t n_tags)
{
	sqlite3_stmt *st;
	int64_t id;
	int rc;

	if (url == NULL || *url == '\0') {
		store_set_error(s, "a feed needs a URL");
		return -1;
	}
	if (store_savepoint(s) == -1)
		return -1;
	if ((st = statement(s, STMT_FEED_INSERT)) == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, url, -1, SQLITE_STATIC);
	if (title != NULL && *title != '\0')
		sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, store_now(s));
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		store_set_error(s, "already subscribed to %s", url);
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot add a feed");
		goto fail;
	}
	id = sqlite3_last_insert_rowid(s->db);
	if (write_tags(s, id, tags, n_tags) == -1)
		goto fail;
	if (store_release(s) == -1)
		goto fail;
	return id;

fail:
	store_rollback_savepoint(s);
	return -1;
}

int
store_remove_feed(struct store *s, int64_t feed_id)
{
	sqlite3_stmt *st;

	/* The cascade's trigger removes search entries: write them first. */
	if (store_flush_search(s) == -1)
		return -1;
	if ((st = statement(s, STMT_FEED_DELETE)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	return store_change_one(s, st, "cannot remove a feed", "feed", feed_id);
}

/* The one feed a name statement finds: its id, 0 for none, -1 when
 * several match. */
static int64_t
find_by_name(struct store *s, enum store_statement id, const char *name)
{
	sqlite3_stmt *st;
	struct buf urls = BUF_INIT;
	int64_t found = 0;
	int rc, n = 0;

	if ((st = statement(s, id)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		found = sqlite3_column_int64(st, 0);
		buf_appendf(&urls, "%s%s", n++ > 0 ? ", " : "",
		    (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot look up a feed");
		found = -1;
	} else if (n > 1) {
		store_set_error(s, "\"%s\" names several feeds: %s", name,
		    buf_str(&urls));
		found = -1;
	}
	buf_free(&urls);
	return found;
}

int64_t
store_find_feed(struct store *s, const char *key)
{
	sqlite3_stmt *st;
	int64_t id;
	int rc;

	if (key == NULL || *key == '\0')
		return 0;
	if ((st = statement(s, STMT_FEED_BY_URL)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot look up a feed");
		return -1;
	}
	if (id != 0)
		return id;
	if ((id = find_by_name(s, STMT_FEED_BY_NAME, key)) != 0)
		return id;
	return find_by_name(s, STMT_FEED_BY_NAME_NOCASE, key);
}

int
store_get_feed(struct store *s, int64_t feed_id, struct store_feed *feed)
{
	sqlite3_stmt *st;
	int rc;

	memset(feed, 0, sizeof(*feed));
	if ((st = statement(s, STMT_FEED_GET)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		feed_from_row(st, feed);
	sqlite3_reset(st);
	return store_found_one(s, rc, "feed", feed_id, "cannot read a feed");
}

int64_t
store_each_feed(struct store *s, int (*fn)(void *, const struct store_feed *),
    void *ctx)
{
	sqlite3_stmt *st;
	struct store_feed feed;
	int64_t calls = 0;
	int rc, stop = 0;

	if ((st = statement(s, STMT_FEED_ALL)) == NULL)
		return -1;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		feed_from_row(st, &feed);
		calls++;
		stop = fn(ctx, &feed);
		store_feed_clear(&feed);
	}
	if (!stop && rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot list feeds");
		calls = -1;
	}
	sqlite3_reset(st);
	return calls;
}

int
store_change_one(struct store *s, sqlite3_stmt *st, const char *what,
    const char *noun, int64_t id)
{
	if (store_step_done(s, st, what) == -1)
		return -1;
	if (sqlite3_changes(s->db) == 0) {
		store_set_error(s, "no %s %lld", noun, (long long)id);
		return -1;
	}
	return 0;
}

/* Run an UPDATE of one feed (bound by the caller, id as ?1). */
static int
update_feed(struct store *s, sqlite3_stmt *st, int64_t feed_id, const char *what)
{
	return store_change_one(s, st, what, "feed", feed_id);
}

static void
bind_text_or_null(sqlite3_stmt *st, int index, const char *text)
{
	if (text != NULL)
		sqlite3_bind_text(st, index, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, index);
}

int
store_set_fetch_state(struct store *s, int64_t feed_id,
    const struct store_fetch_state *state)
{
	sqlite3_stmt *st;

	if ((st = statement(s, STMT_FEED_FETCH_STATE)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	bind_text_or_null(st, 2, state->etag);
	bind_text_or_null(st, 3, state->last_modified);
	sqlite3_bind_int(st, 4, state->status);
	bind_text_or_null(st, 5, state->error);
	store_bind_date(st, 6, state->last_fetch);
	store_bind_date(st, 7, state->next_due);
	store_bind_date(st, 8, state->retry_after);
	sqlite3_bind_int(st, 9, state->disabled ? 1 : 0);
	return update_feed(s, st, feed_id, "cannot save the fetch state");
}

int
store_set_feed_url(struct store *s, int64_t feed_id, const char *url)
{
	sqlite3_stmt *st;
	int rc;

	if (url == NULL || *url == '\0') {
		store_set_error(s, "a feed needs a URL");
		return -1;
	}
	if ((st = statement(s, STMT_FEED_SET_URL)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_text(st, 2, url, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		store_set_error(s, "already subscribed to %s", url);
		return -1;
	}
	if (rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot change a feed's URL");
		return -1;
	}
	if (sqlite3_changes(s->db) == 0) {
		store_set_error(s, "no feed %lld", (long long)feed_id);
		return -1;
	}
	return 0;
}

int
store_set_feed_tags(struct store *s, int64_t feed_id, const char *const *tags,
    size_t n_tags)
{
	if (store_feed_exists(s, feed_id) == -1)
		return -1;
	if (store_savepoint(s) == -1)
		return -1;
	if (write_tags(s, feed_id, tags, n_tags) == -1 || store_release(s) == -1) {
		store_rollback_savepoint(s);
		return -1;
	}
	return 0;
}

int
store_set_feed_user_title(struct store *s, int64_t feed_id, const char *title)
{
	sqlite3_stmt *st;

	if ((st = statement(s, STMT_FEED_SET_USER_TITLE)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	bind_text_or_null(st, 2, title != NULL && *title != '\0' ? title : NULL);
	return update_feed(s, st, feed_id, "cannot rename a feed");
}

int
store_set_feed_interval(struct store *s, int64_t feed_id, long seconds)
{
	sqlite3_stmt *st;

	if (seconds < 0) {
		store_set_error(s, "an interval cannot be negative");
		return -1;
	}
	if ((st = statement(s, STMT_FEED_SET_INTERVAL)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_int64(st, 2, seconds);
	return update_feed(s, st, feed_id, "cannot set a feed's interval");
}

int
store_set_feed_full_story(struct store *s, int64_t feed_id, bool full_story)
{
	sqlite3_stmt *st;

	if ((st = statement(s, STMT_FEED_SET_FULL_STORY)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_int(st, 2, full_story ? 1 : 0);
	return update_feed(s, st, feed_id, "cannot set a feed's full-story flag");
}

int
store_update_feed_meta(struct store *s, int64_t feed_id, const struct feed *feed,
    long publisher_interval)
{
	sqlite3_stmt *st;

	if ((st = statement(s, STMT_FEED_META)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	/* An empty title or link is as good as none: keep the stored one. */
	if (feed->title != NULL && *feed->title != '\0')
		sqlite3_bind_text(st, 2, feed->title, -1, SQLITE_STATIC);
	if (feed->link != NULL && *feed->link != '\0')
		sqlite3_bind_text(st, 3, feed->link, -1, SQLITE_STATIC);
	if (feed->description != NULL && *feed->description != '\0')
		sqlite3_bind_text(st, 4, feed->description, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, publisher_interval > 0 ? publisher_interval : 0);
	return update_feed(s, st, feed_id, "cannot update a feed");
}
