/* test-store.c: the SQLite store: open and migrate, feeds, item upsert and the
 * search index, counts, filters, pagination both ways, read state,
 * retention, the data version. The search plans: test-store-search.c. */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "feed.h"
#include "store.h"
#include "test.h"
#include "xmalloc.h"

#include "store-fixture.h"

static void
test_open_errors(void)
{
	struct store *s;
	char *error = NULL, *path, *want, *sql;
	sqlite3 *db;
	FILE *f;

	/* NULL and empty paths first. */
	s = store_open(NULL, &error);
	CHECK(s == NULL);
	CHECK(error != NULL && strstr(error, "no path") != NULL);
	free(error);
	s = store_open("", &error);
	CHECK(s == NULL);
	CHECK(error != NULL);
	free(error);
	store_close(NULL);
	store_close(&s);
	CHECK(s == NULL);

	/* A file that is not an SQLite database is refused, not overwritten. */
	path = tmp_path("not-a-db.db");
	f = fopen(path, "w");
	fputs("# newsboat urls file, not a database\nhttps://example.org/feed\n"
	    "padding padding padding padding padding padding padding padding\n", f);
	fclose(f);
	s = store_open(path, &error);
	CHECK(s == NULL);
	want = xasprintf("cannot open store %s: not an SQLite database", path);
	CHECK_STR(error, want);
	free(want);
	free(error);
	free(path);

	/* A store from a newer schema. */
	path = tmp_path("newer.db");
	db = raw_open(path);
	sql = xasprintf("CREATE TABLE x (y); PRAGMA user_version = %d;",
	    STORE_SCHEMA_VERSION + 1);
	raw_exec(db, sql);
	free(sql);
	sqlite3_close(db);
	s = store_open(path, &error);
	CHECK(s == NULL);
	want = xasprintf("store %s is from a newer tidings (schema %d, this build "
	    "knows %d)", path, STORE_SCHEMA_VERSION + 1, STORE_SCHEMA_VERSION);
	CHECK_STR(error, want);
	free(want);
	free(error);
	free(path);

	/* A directory where the file should be. */
	s = store_open(tmpdir, &error);
	CHECK(s == NULL);
	want = xasprintf("cannot open store %s: ", tmpdir);
	CHECK(error != NULL && strncmp(error, want, strlen(want)) == 0);
	free(want);
	free(error);

	/* A parent that is a file cannot become a directory. */
	path = tmp_path("not-a-db.db/store.db");
	s = store_open(path, &error);
	CHECK(s == NULL);
	CHECK(error != NULL && strstr(error, "cannot create directory") != NULL);
	free(error);
	free(path);
}

static void
test_open_and_migrate(void)
{
	struct store *s;
	struct store_filter f;
	struct stat sb;
	char *error = NULL, *path, *dir, *mode;
	sqlite3 *db;
	bool is_new;

	/* Missing parents are created, private. */
	path = tmp_path("a/b/store.db");
	s = store_open(path, &error);
	CHECK(s != NULL);
	CHECK(error == NULL);
	dir = tmp_path("a/b");
	CHECK(stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) && (sb.st_mode & 0777) == 0700);
	free(dir);
	db = raw_open(path);
	mode = raw_text(db, "PRAGMA journal_mode");
	CHECK_STR(mode, "wal");
	free(mode);
	CHECK_INT(raw_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	sqlite3_close(db);
	store_close(&s);
	CHECK(s == NULL);
	/* Opening again is a no-op migration. */
	s = store_open(path, &error);
	CHECK(s != NULL);
	store_close(&s);
	free(path);

	/* A schema 1 file with data, as an older tidings left it. */
	path = tmp_path("v1.db");
	CHECK_INT(store_create_schema(path, 1, &error), 0);
	db = raw_open(path);
	CHECK_INT(raw_int(db, "PRAGMA user_version"), 1);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM pragma_table_info('feeds')"
	    " WHERE name = 'unread_count'"), 0);
	raw_exec(db, "INSERT INTO feeds (id, url, added) VALUES (1, 'http://a/', 0),"
	    " (2, 'http://b/', 0);"
	    "INSERT INTO items (feed_id, guid, first_seen, read, title) VALUES"
	    " (1, 'a1', 10, 0, 'a one'), (1, 'a2', 20, 1, 'a two'),"
	    " (1, 'a3', 30, 0, 'a three'), (2, 'b1', 40, 1, 'b one');");
	sqlite3_close(db);

	s = store_open(path, &error);
	CHECK(s != NULL);
	CHECK(error == NULL);
	if (s == NULL) {
		fprintf(stderr, "%s\n", error);
		exit(1);
	}
	db = raw_open(path);
	CHECK_INT(raw_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM sqlite_schema WHERE"
	    " name = 'items_starred_date'"), 1);
	sqlite3_close(db);
	/* The counters were filled from the existing rows... */
	memset(&f, 0, sizeof(f));
	CHECK_INT(store_count_items(s, &f), 4);
	f.unread_only = true;
	CHECK_INT(store_count_items(s, &f), 2);
	f.feed_id = 2;
	CHECK_INT(store_count_items(s, &f), 0);
	/* ...and the triggers keep them from now on. */
	CHECK_INT(upsert(s, 2, "b2", "b two", NULL, DATE_NONE, &is_new), 0);
	CHECK(is_new);
	CHECK_INT(store_count_items(s, &f), 1);
	f.feed_id = 0;
	CHECK_INT(store_count_items(s, &f), 3);
	store_close(&s);
	free(path);
}

static void
test_feeds(struct store *s)
{
	const char *tags_a[] = { "tech", "news", "", "news", NULL };
	const char *tags_b[] = { "news" };
	const char *tags_new[] = { "zeta", "alpha" };
	const char *bad_tags[] = { "two\nlines" };
	struct store_feed feed;
	struct store_fetch_state state;
	struct feed parsed;
	struct buf b = BUF_INIT;
	int64_t a, bb, c, d;

	/* NULL and empty first. */
	CHECK_INT(store_add_feed(s, NULL, NULL, NULL, 0), -1);
	CHECK_INT(store_add_feed(s, "", NULL, NULL, 0), -1);
	CHECK_INT(store_find_feed(s, NULL), 0);
	CHECK_INT(store_find_feed(s, ""), 0);

	a = store_add_feed(s, "https://a.example/feed", NULL, tags_a, 5);
	bb = store_add_feed(s, "https://b.example/rss", "Bee News", tags_b, 1);
	c = store_add_feed(s, "https://c.example/atom", "", NULL, 0);
	CHECK(a > 0 && bb > a && c > bb);
	CHECK_INT(store_add_feed(s, "https://a.example/feed", "again", NULL, 0), -1);
	CHECK_STR(store_error(s), "already subscribed to https://a.example/feed");
	CHECK_INT(store_add_feed(s, "https://d.example/", NULL, bad_tags, 1), -1);
	/* The failed add left nothing behind. */
	CHECK_INT(store_find_feed(s, "https://d.example/"), 0);

	CHECK_INT(store_get_feed(s, a, &feed), 0);
	CHECK_STR(feed.url, "https://a.example/feed");
	CHECK(feed.title == NULL && feed.user_title == NULL);
	CHECK_STR(store_feed_name(&feed), "https://a.example/feed");
	CHECK_INT(feed.n_tags, 2);
	if (feed.n_tags == 2) {
		CHECK_STR(feed.tags[0], "news");
		CHECK_STR(feed.tags[1], "tech");
	}
	CHECK(feed.last_fetch == DATE_NONE && feed.next_due == DATE_NONE);
	CHECK_INT(feed.added, NOW);
	CHECK_INT(feed.total, 0);
	store_feed_clear(&feed);
	CHECK_INT(store_get_feed(s, 9999, &feed), -1);
	CHECK_STR(store_error(s), "no feed 9999");
	store_feed_clear(&feed);

	/* The parse fills the feed's own title; the user's title wins. */
	feed_init(&parsed);
	parsed.title = xstrdup("Alpha Weblog");
	parsed.link = xstrdup("https://a.example/");
	parsed.description = xstrdup("<p>about a</p>");
	CHECK_INT(store_update_feed_meta(s, a, &parsed, 3600), 0);
	free(parsed.title);
	parsed.title = xstrdup("Bee Feed Title");
	CHECK_INT(store_update_feed_meta(s, bb, &parsed, 0), 0);
	free(parsed.title);
	parsed.title = NULL;	/* a later parse without a title keeps it */
	CHECK_INT(store_update_feed_meta(s, a, &parsed, 7200), 0);
	CHECK_INT(store_update_feed_meta(s, 9999, &parsed, 0), -1);
	feed_clear(&parsed);
	CHECK_INT(store_get_feed(s, a, &feed), 0);
	CHECK_STR(feed.title, "Alpha Weblog");
	CHECK_STR(feed.link, "https://a.example/");
	CHECK_STR(feed.description, "<p>about a</p>");
	CHECK_INT(feed.publisher_interval, 7200);
	store_feed_clear(&feed);
	CHECK_INT(store_get_feed(s, bb, &feed), 0);
	CHECK_STR(store_feed_name(&feed), "Bee News");
	store_feed_clear(&feed);

	/* Finding: URL, exact name (either title), then ASCII case. */
	CHECK_INT(store_find_feed(s, "https://b.example/rss"), bb);
	CHECK_INT(store_find_feed(s, "Alpha Weblog"), a);
	CHECK_INT(store_find_feed(s, "Bee News"), bb);
	CHECK_INT(store_find_feed(s, "Bee Feed Title"), bb);
	CHECK_INT(store_find_feed(s, "alpha WEBLOG"), a);
	CHECK_INT(store_find_feed(s, "nothing like it"), 0);
	d = store_add_feed(s, "https://d.example/", "ALPHA weblog", NULL, 0);
	CHECK(d > 0);
	CHECK_INT(store_find_feed(s, "ALPHA weblog"), d);	/* exact beats case */
	CHECK_INT(store_find_feed(s, "alpha weblog"), -1);
	CHECK_STR(store_error(s), "\"alpha weblog\" names several feeds: "
	    "https://a.example/feed, https://d.example/");
	CHECK_INT(store_remove_feed(s, d), 0);
	CHECK_INT(store_remove_feed(s, d), -1);

	/* Fetch state round trip. */
	memset(&state, 0, sizeof(state));
	state.etag = "\"abc\"";
	state.last_modified = "Tue, 14 Nov 2023 22:13:20 GMT";
	state.status = 200;
	state.last_fetch = NOW;
	state.next_due = NOW + 3600;
	state.retry_after = DATE_NONE;
	CHECK_INT(store_set_fetch_state(s, a, &state), 0);
	state.etag = NULL;
	state.last_modified = NULL;
	state.status = 410;
	state.error = "gone (HTTP 410)";
	state.retry_after = NOW + 60;
	state.disabled = true;
	CHECK_INT(store_set_fetch_state(s, c, &state), 0);
	CHECK_INT(store_set_fetch_state(s, 9999, &state), -1);
	CHECK_INT(store_get_feed(s, a, &feed), 0);
	CHECK_STR(feed.etag, "\"abc\"");
	CHECK_STR(feed.last_modified, "Tue, 14 Nov 2023 22:13:20 GMT");
	CHECK_INT(feed.last_status, 200);
	CHECK(feed.last_error == NULL);
	CHECK_INT(feed.last_fetch, NOW);
	CHECK_INT(feed.next_due, NOW + 3600);
	CHECK(feed.retry_after == DATE_NONE);
	CHECK(!feed.disabled);
	store_feed_clear(&feed);
	CHECK_INT(store_get_feed(s, c, &feed), 0);
	CHECK(feed.etag == NULL);
	CHECK_INT(feed.last_status, 410);
	CHECK_STR(feed.last_error, "gone (HTTP 410)");
	CHECK_INT(feed.retry_after, NOW + 60);
	CHECK(feed.disabled);
	store_feed_clear(&feed);

	/* URL moves, names, intervals, tags. */
	CHECK_INT(store_set_feed_url(s, c, "https://b.example/rss"), -1);
	CHECK_STR(store_error(s), "already subscribed to https://b.example/rss");
	CHECK_INT(store_set_feed_url(s, c, "https://c.example/moved"), 0);
	CHECK_INT(store_set_feed_url(s, 9999, "https://z.example/"), -1);
	CHECK_INT(store_set_feed_url(s, c, ""), -1);
	CHECK_INT(store_find_feed(s, "https://c.example/moved"), c);
	CHECK_INT(store_set_feed_user_title(s, c, "Sea"), 0);
	CHECK_INT(store_set_feed_interval(s, c, 900), 0);
	CHECK_INT(store_set_feed_interval(s, c, -1), -1);
	CHECK_INT(store_set_feed_tags(s, c, tags_new, 2), 0);
	CHECK_INT(store_set_feed_tags(s, 9999, tags_new, 2), -1);
	CHECK_INT(store_get_feed(s, c, &feed), 0);
	CHECK_STR(store_feed_name(&feed), "Sea");
	CHECK_INT(feed.user_interval, 900);
	CHECK_INT(feed.n_tags, 2);
	if (feed.n_tags == 2)
		CHECK_STR(feed.tags[0], "alpha");
	store_feed_clear(&feed);
	CHECK_INT(store_set_feed_tags(s, c, NULL, 0), 0);
	CHECK_INT(store_set_feed_user_title(s, c, NULL), 0);
	CHECK_INT(store_get_feed(s, c, &feed), 0);
	CHECK_INT(feed.n_tags, 0);
	CHECK_STR(store_feed_name(&feed), "https://c.example/moved");
	store_feed_clear(&feed);
	CHECK_INT(store_set_feed_user_title(s, c, "Sea"), 0);

	/* One query lists them all, by name. */
	CHECK_INT(store_each_feed(s, count_feed, &b), 3);
	CHECK_STR(buf_str(&b), "Alpha Weblog:0/0 Bee News:0/0 Sea:0/0");
	buf_free(&b);
}

/* Items for the query tests: feed a (tags news, tech), b (news), c (none). */
static void
fill_items(struct store *s, int64_t a, int64_t b, int64_t c)
{
	static const struct {
		int	 feed;	/* 0 a, 1 b, 2 c */
		const char *id, *title, *content;
		int	 days_ago;
	} rows[] = {
		{ 0, "a1", "Kernel release", "<p>Linux kernel 6.6 is out</p>", 10 },
		{ 0, "a2", "Compiler news", "GCC and clang, AND more (really)", 8 },
		{ 1, "b1", "Καλημέρα κόσμε", "Ελληνικά νέα", 9 },
		{ 1, "b2", "Weather", "Rain \"tomorrow\" * maybe", 7 },
		{ 2, "c1", "Cooking", "Bread with kernel of wheat", 6 },
		{ 0, "a3", "Release notes", "tidings 1.0 released", 5 },
	};
	int64_t feeds[3] = { a, b, c };
	size_t i;
	bool is_new;

	CHECK_INT(store_begin(s), 0);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		CHECK_INT(upsert(s, feeds[rows[i].feed], rows[i].id, rows[i].title,
		    rows[i].content, NOW - rows[i].days_ago * DAY, &is_new), 0);
		CHECK(is_new);
	}
	CHECK_INT(store_commit(s), 0);
}

static void
test_items(struct store *s, const char *path)
{
	struct item item;
	struct store_item got;
	struct store_filter f;
	struct enclosure *e;
	sqlite3 *db;
	int64_t a, id, version, before;
	bool is_new;
	char *text;

	a = store_find_feed(s, "Alpha Weblog");
	db = raw_open(path);
	memset(&f, 0, sizeof(f));

	/* An item upserted into no feed is refused. */
	CHECK_INT(upsert(s, 9999, "x", "x", NULL, DATE_NONE, &is_new), -1);
	CHECK(!is_new);
	CHECK_STR(store_error(s), "no feed 9999");

	make_item(&item, "full-1", "Full item", "<p>first body</p>", NOW - DAY);
	item.link = xstrdup("https://a.example/full-1");
	item.author = xstrdup("Ann Author");
	item.summary = xstrdup("short");
	item.updated = NOW - DAY + 60;
	item_add_category(&item, "one");
	item_add_category(&item, "two words");
	e = item_add_enclosure(&item);
	e->url = xstrdup("https://a.example/ep1.mp3");
	e->type = xstrdup("audio/mpeg");
	e->length = xstrdup("12345");
	e = item_add_enclosure(&item);
	e->url = xstrdup("https://a.example/ep1.ogg");
	e->length = xstrdup("12 MB");
	CHECK_INT(store_upsert_item(s, a, &item, &is_new), 0);
	CHECK(is_new);

	f.search = "first";
	CHECK_INT(store_count_items(s, &f), 1);
	id = raw_int(db, "SELECT id FROM items WHERE guid = 'full-1'");
	CHECK_INT(store_get_item(s, id, &got), 0);
	CHECK_STR(got.guid, "full-1");
	CHECK_STR(got.title, "Full item");
	CHECK_STR(got.link, "https://a.example/full-1");
	CHECK_STR(got.author, "Ann Author");
	CHECK_STR(got.summary, "short");
	CHECK_STR(got.content, "<p>first body</p>");
	CHECK_STR(got.feed_title, "Alpha Weblog");
	CHECK_INT(got.date, NOW - DAY);
	CHECK_INT(got.published, NOW - DAY);
	CHECK_INT(got.updated, NOW - DAY + 60);
	CHECK_INT(got.first_seen, NOW);
	CHECK(!got.read && !got.starred);
	CHECK_INT(got.n_categories, 2);
	if (got.n_categories == 2)
		CHECK_STR(got.categories[1], "two words");
	CHECK_INT(got.n_enclosures, 2);
	if (got.n_enclosures == 2) {
		CHECK_STR(got.enclosures[0].url, "https://a.example/ep1.mp3");
		CHECK_STR(got.enclosures[0].type, "audio/mpeg");
		CHECK_STR(got.enclosures[0].length, "12345");
		CHECK(got.enclosures[1].type == NULL && got.enclosures[1].length == NULL);
	}
	store_item_clear(&got);
	CHECK_INT(store_get_item(s, 424242, &got), -1);
	CHECK_STR(store_error(s), "no item 424242");
	store_item_clear(&got);

	/* The same item again writes nothing at all. */
	version = raw_int(db, "PRAGMA data_version");
	CHECK_INT(store_upsert_item(s, a, &item, &is_new), 0);
	CHECK(!is_new);
	CHECK_INT(raw_int(db, "PRAGMA data_version"), version);

	/* Changed content: stored, search index follows, read state stays. */
	CHECK_INT(store_mark_item_read(s, id, true), 0);
	CHECK_INT(store_set_item_starred(s, id, true), 0);
	store_set_time(s, NOW + DAY);
	free(item.content);
	item.content = xstrdup("<p>second body</p>");
	free(item.enclosures[1].url);
	item.enclosures[1].url = xstrdup("https://a.example/ep1.opus");
	before = raw_int(db, "SELECT count(*) FROM items_fts");
	CHECK_INT(store_upsert_item(s, a, &item, &is_new), 0);
	CHECK(!is_new);
	CHECK(raw_int(db, "PRAGMA data_version") != version);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM items_fts"), before);
	CHECK_INT(store_get_item(s, id, &got), 0);
	CHECK_STR(got.content, "<p>second body</p>");
	CHECK(got.read && got.starred);
	CHECK_INT(got.first_seen, NOW);
	if (got.n_enclosures == 2)
		CHECK_STR(got.enclosures[1].url, "https://a.example/ep1.opus");
	store_item_clear(&got);
	/* One enclosure fewer. */
	item.n_enclosures = 1;
	CHECK_INT(store_upsert_item(s, a, &item, &is_new), 0);
	item.n_enclosures = 2;
	CHECK_INT(store_get_item(s, id, &got), 0);
	CHECK_INT(got.n_enclosures, 1);
	store_item_clear(&got);
	f.search = "first";
	CHECK_INT(store_count_items(s, &f), 0);
	f.search = "second";
	CHECK_INT(store_count_items(s, &f), 1);
	text = raw_text(db, "SELECT content FROM items_fts WHERE items_fts MATCH 'second'");
	CHECK(strstr(text, "second body") != NULL);
	free(text);

	/* A change outside the text leaves the index alone. */
	free(item.link);
	item.link = xstrdup("https://a.example/full-1?moved");
	CHECK_INT(store_upsert_item(s, a, &item, &is_new), 0);
	CHECK_INT(store_get_item(s, id, &got), 0);
	CHECK_STR(got.link, "https://a.example/full-1?moved");
	store_item_clear(&got);
	item_clear(&item);
	store_set_time(s, NOW);

	/* Without an id, the link is the identity. */
	make_item(&item, NULL, "By link", NULL, DATE_NONE);
	item.link = xstrdup("https://a.example/by-link");
	CHECK_INT(store_upsert_item(s, a, &item, &is_new), 0);
	CHECK(is_new);
	CHECK_INT(store_upsert_item(s, a, &item, &is_new), 0);
	CHECK(!is_new);
	item_clear(&item);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM items WHERE"
	    " guid = 'https://a.example/by-link'"), 1);

	/* A rolled back transaction leaves no item and no index entry. */
	before = raw_int(db, "SELECT count(*) FROM items_fts");
	CHECK_INT(store_begin(s), 0);
	CHECK_INT(upsert(s, a, "rolled-back", "gone", "gone", NOW, &is_new), 0);
	CHECK_INT(store_rollback(s), 0);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM items WHERE guid = 'rolled-back'"), 0);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM items_fts"), before);

	/* Inside a transaction the index is written at the end, but a search
	 * before then still sees the new item, and a rollback drops both. */
	CHECK_INT(store_begin(s), 0);
	CHECK_INT(upsert(s, a, "pending", "Pending", "<p>pendingword</p>", NOW,
	    &is_new), 0);
	f.search = "pendingword";
	CHECK_INT(store_count_items(s, &f), 1);
	CHECK_INT(upsert(s, a, "pending-2", "Pending two", "pendingword", NOW,
	    &is_new), 0);
	CHECK_INT(store_rollback(s), 0);
	CHECK_INT(store_count_items(s, &f), 0);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM items_fts"), before);
	CHECK_INT(store_begin(s), 0);
	CHECK_INT(upsert(s, a, "pending-3", "Pending three", "pendingword", NOW,
	    &is_new), 0);
	CHECK_INT(store_commit(s), 0);
	CHECK_INT(store_count_items(s, &f), 1);
	/* Pruned in the same transaction: no entry is left behind. */
	CHECK_INT(store_begin(s), 0);
	CHECK_INT(upsert(s, a, "old-pending", "Old", "pendingword", NOW - 400 * DAY,
	    &is_new), 0);
	CHECK_INT(store_prune(s, a, 300, 0, false), 1);
	CHECK_INT(store_commit(s), 0);
	CHECK_INT(store_count_items(s, &f), 1);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM items_fts"), before + 1);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM items_fts WHERE rowid NOT IN"
	    " (SELECT id FROM items)"), 0);

	/* Clean up for the query tests. */
	CHECK_INT(raw_exec(db, "DELETE FROM items"), SQLITE_OK);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM items_fts"), 0);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM enclosures"), 0);
	sqlite3_close(db);
}

static void
test_queries(struct store *s)
{
	static const struct {
		const char	*name;
		int		 feed;		/* 0 none, 1 a, 2 b, 3 c */
		const char	*tag;
		bool		 unread;
		const char	*search;
		int		 since_days;	/* 0: none */
		const char	*want;
	} cases[] = {
		{ "all", 0, NULL, false, NULL, 0, "Release notes,Cooking,Weather,"
		    "Compiler news,Καλημέρα κόσμε,Kernel release" },
		{ "feed a", 1, NULL, false, NULL, 0,
		    "Release notes,Compiler news,Kernel release" },
		{ "feed c", 3, NULL, false, NULL, 0, "Cooking" },
		{ "tag news", 0, "news", false, NULL, 0, "Release notes,Weather,"
		    "Compiler news,Καλημέρα κόσμε,Kernel release" },
		{ "tag tech", 0, "tech", false, NULL, 0,
		    "Release notes,Compiler news,Kernel release" },
		{ "tag none", 0, "nope", false, NULL, 0, "" },
		{ "feed and tag", 2, "tech", false, NULL, 0, "" },
		{ "since", 0, NULL, false, NULL, 7, "Release notes,Cooking,Weather" },
		{ "search word", 0, NULL, false, "kernel", 0, "Cooking,Kernel release" },
		{ "search prefix", 0, NULL, false, "rele", 0,
		    "Release notes,Kernel release" },
		{ "search two", 0, NULL, false, "kernel linux", 0, "Kernel release" },
		{ "search two letters", 0, NULL, false, "re", 0,
		    "Release notes,Compiler news,Kernel release" },
		{ "search one character", 0, NULL, false, "6", 0, "Kernel release" },
		{ "search case", 0, NULL, false, "KERNEL Release", 0, "Kernel release" },
		{ "search in feed", 3, NULL, false, "kernel", 0, "Cooking" },
		{ "search greek", 0, NULL, false, "καλημέρα", 0, "Καλημέρα κόσμε" },
		{ "search greek case", 0, NULL, false, "ΚΑΛΗΜΈΡΑ", 0, "Καλημέρα κόσμε" },
		{ "search greek prefix", 0, NULL, false, "ελλην", 0, "Καλημέρα κόσμε" },
		{ "search quote", 0, NULL, false, "\"", 0, "" },
		{ "search quoted word", 0, NULL, false, "\"tomorrow\"", 0, "Weather" },
		{ "search AND", 0, NULL, false, "AND", 0, "Compiler news" },
		{ "search OR NOT", 0, NULL, false, "OR NOT", 0, "" },
		{ "search star", 0, NULL, false, "*", 0, "" },
		{ "search paren", 0, NULL, false, "(", 0, "" },
		{ "search paren word", 0, NULL, false, "(really", 0, "Compiler news" },
		{ "search column", 0, NULL, false, "title:kernel", 0, "" },
		{ "search NEAR", 0, NULL, false, "NEAR(kernel", 0, "" },
		{ "search blank", 0, NULL, false, "   ", 0, "Release notes,Cooking,"
		    "Weather,Compiler news,Καλημέρα κόσμε,Kernel release" },
		{ "search miss", 0, NULL, false, "zzzz", 0, "" },
	};
	struct store_filter f;
	struct collected c = { BUF_INIT, 0, 0, 0 };
	struct store_item got;
	int64_t feeds[4], n;
	size_t i;
	char *page, *all;
	struct buf joined = BUF_INIT;

	feeds[0] = 0;
	feeds[1] = store_find_feed(s, "Alpha Weblog");
	feeds[2] = store_find_feed(s, "Bee News");
	feeds[3] = store_find_feed(s, "Sea");
	fill_items(s, feeds[1], feeds[2], feeds[3]);

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&f, 0, sizeof(f));
		f.feed_id = feeds[cases[i].feed];
		f.tag = cases[i].tag;
		f.unread_only = cases[i].unread;
		f.search = cases[i].search;
		f.since = cases[i].since_days ? NOW - cases[i].since_days * DAY : 0;
		page = titles(s, &f);
		if (strcmp(page, cases[i].want) != 0)
			fprintf(stderr, "case \"%s\":\n", cases[i].name);
		CHECK_STR(page, cases[i].want);
		/* The count agrees with the rows. */
		n = *cases[i].want == '\0' ? 0 : 1;
		for (all = page; *all != '\0'; all++)
			n += *all == ',';
		if (strncmp(page, "error", 5) != 0)
			CHECK_INT(store_count_items(s, &f), n);
		free(page);
	}

	/* Pagination: pages of two join up to the whole list. */
	memset(&f, 0, sizeof(f));
	all = titles(s, &f);
	f.limit = 2;
	for (f.offset = 0; f.offset < 8; f.offset += 2) {
		page = titles(s, &f);
		if (*page != '\0')
			buf_appendf(&joined, "%s%s", joined.len > 0 ? "," : "", page);
		free(page);
	}
	CHECK_STR(buf_str(&joined), all);
	buf_free(&joined);
	free(all);
	f.offset = 5;
	CHECK_TITLES(s, &f, "Kernel release");
	f.offset = 6;
	CHECK_TITLES(s, &f, "");
	/* Count ignores limit and offset. */
	CHECK_INT(store_count_items(s, &f), 6);

	/* A callback can stop early. */
	memset(&f, 0, sizeof(f));
	c.stop_after = 2;
	CHECK_INT(store_query_items(s, &f, collect, &c), 2);
	CHECK_STR(buf_str(&c.titles), "Release notes,Cooking");
	buf_free(&c.titles);

	/* Text only when asked. */
	memset(&c, 0, sizeof(c));
	c.stop_after = 1;
	f.limit = 1;
	CHECK_INT(store_query_items(s, &f, collect, &c), 1);
	buf_free(&c.titles);
	CHECK_INT(store_get_item(s, c.first_id, &got), 0);
	CHECK_STR(got.title, "Release notes");
	CHECK_STR(got.content, "tidings 1.0 released");
	CHECK_INT(got.date, NOW - 5 * DAY);
	store_item_clear(&got);
}

struct text_check {
	int	 calls;
	bool	 has_text;
};

static int
check_text(void *ctx, const struct store_item *item)
{
	struct text_check *t = ctx;

	t->calls++;
	t->has_text = item->content != NULL;
	return 0;
}

static void
test_dates_and_text(struct store *s)
{
	struct store_filter f;
	struct text_check t;
	struct item item;
	int64_t c = store_find_feed(s, "Sea");
	bool is_new;

	memset(&f, 0, sizeof(f));
	f.feed_id = c;
	f.limit = 1;
	memset(&t, 0, sizeof(t));
	CHECK_INT(store_query_items(s, &f, check_text, &t), 1);
	CHECK(!t.has_text);
	f.with_text = true;
	CHECK_INT(store_query_items(s, &f, check_text, &t), 1);
	CHECK(t.has_text);

	/* The sort date falls back to updated, then to first seen. */
	make_item(&item, "upd", "Only updated", NULL, DATE_NONE);
	item.updated = NOW - 4 * DAY;
	CHECK_INT(store_upsert_item(s, c, &item, &is_new), 0);
	item_clear(&item);
	store_set_time(s, NOW - 2 * DAY);
	CHECK_INT(upsert(s, c, "undated", "Undated", NULL, DATE_NONE, &is_new), 0);
	store_set_time(s, NOW);
	f.with_text = false;
	f.limit = 0;
	CHECK_TITLES(s, &f, "Undated,Only updated,Cooking");
}

static void
test_read_state(struct store *s)
{
	struct store_filter f;
	struct buf b = BUF_INIT;
	struct collected c = { BUF_INIT, 0, 0, 0 };
	int64_t a = store_find_feed(s, "Alpha Weblog");
	int64_t bee = store_find_feed(s, "Bee News");

	memset(&f, 0, sizeof(f));
	f.unread_only = true;
	CHECK_INT(store_count_items(s, &f), 8);

	/* One item. */
	c.stop_after = 1;
	memset(&f, 0, sizeof(f));
	store_query_items(s, &f, collect, &c);
	buf_free(&c.titles);
	CHECK_INT(store_mark_item_read(s, c.first_id, true), 0);
	CHECK_INT(store_mark_item_read(s, c.first_id, true), 0);	/* again: fine */
	CHECK_INT(store_mark_item_read(s, 987654, true), -1);
	CHECK_STR(store_error(s), "no item 987654");
	f.unread_only = true;
	CHECK_INT(store_count_items(s, &f), 7);
	CHECK_TITLES(s, &f, "Only updated,Release notes,Cooking,Weather,"
	    "Compiler news,Καλημέρα κόσμε,Kernel release");

	/* A feed. */
	CHECK_INT(store_mark_feed_read(s, a, true), 3);
	CHECK_INT(store_mark_feed_read(s, a, true), 0);
	CHECK_INT(store_mark_feed_read(s, 9999, true), -1);
	CHECK_INT(store_count_items(s, &f), 4);
	f.feed_id = a;
	CHECK_INT(store_count_items(s, &f), 0);
	CHECK_TITLES(s, &f, "");
	f.feed_id = 0;

	/* A tag: "news" is feeds a and b. */
	CHECK_INT(store_mark_tag_read(s, "news", false), 3);
	CHECK_INT(store_mark_tag_read(s, NULL, false), -1);
	CHECK_INT(store_mark_tag_read(s, "no such tag", true), 0);
	f.tag = "news";
	CHECK_INT(store_count_items(s, &f), 5);
	CHECK_INT(store_mark_tag_read(s, "news", true), 5);
	CHECK_INT(store_count_items(s, &f), 0);
	f.tag = NULL;
	CHECK_INT(store_count_items(s, &f), 2);

	/* Everything. */
	CHECK_INT(store_mark_all_read(s, true), 2);
	CHECK_INT(store_count_items(s, &f), 0);
	CHECK_INT(store_mark_all_read(s, false), 8);
	CHECK_INT(store_count_items(s, &f), 8);

	/* Stars. */
	CHECK_INT(store_mark_feed_read(s, bee, true), 2);
	memset(&f, 0, sizeof(f));
	f.starred_only = true;
	CHECK_INT(store_count_items(s, &f), 0);
	memset(&c, 0, sizeof(c));
	c.stop_after = 1;
	f.starred_only = false;
	f.feed_id = bee;
	store_query_items(s, &f, collect, &c);
	buf_free(&c.titles);
	CHECK_INT(store_set_item_starred(s, c.first_id, true), 0);
	CHECK_INT(store_set_item_starred(s, 987654, true), -1);
	memset(&f, 0, sizeof(f));
	f.starred_only = true;
	CHECK_TITLES(s, &f, "Weather");
	CHECK_INT(store_count_items(s, &f), 1);
	f.unread_only = true;
	CHECK_INT(store_count_items(s, &f), 0);

	/* The feed list's counts follow. */
	CHECK_INT(store_each_feed(s, count_feed, &b), 3);
	CHECK_STR(buf_str(&b), "Alpha Weblog:3/3 Bee News:0/2 Sea:3/3");
	buf_free(&b);
}

static void
test_prune(struct store *s, const char *path)
{
	struct store_filter f;
	int64_t bee = store_find_feed(s, "Bee News");
	int64_t a = store_find_feed(s, "Alpha Weblog");
	int64_t c = store_find_feed(s, "Sea");
	int64_t d;
	sqlite3 *db = raw_open(path);
	bool is_new;

	memset(&f, 0, sizeof(f));
	CHECK_INT(store_prune(s, a, -1, 0, true), -1);
	CHECK_INT(store_prune(s, a, 0, 0, true), 0);

	/* Feed b: both read, one starred. Keep nothing older than 8 days:
	 * "Καλημέρα" (9 days) goes; "Weather" (7 days, starred) stays. */
	CHECK_INT(store_prune(s, bee, 8, 0, true), 1);
	f.feed_id = bee;
	CHECK_TITLES(s, &f, "Weather");
	/* Keep one, but starred is kept anyway... */
	CHECK_INT(store_prune(s, bee, 0, 1, true), 0);
	/* ...unless asked not to. */
	CHECK_INT(store_prune(s, bee, 1, 0, false), 1);
	CHECK_TITLES(s, &f, "");
	CHECK_INT(store_count_items(s, &f), 0);

	/* A pruned item the feed still carries does not come back. */
	CHECK_INT(upsert(s, bee, "b2", "Weather", "Rain \"tomorrow\" * maybe",
	    NOW - 7 * DAY, &is_new), 0);
	CHECK(!is_new);
	CHECK_TITLES(s, &f, "");
	/* Seen again days later: the tombstone's time moves on. */
	store_set_time(s, NOW + 3 * DAY);
	CHECK_INT(upsert(s, bee, "b2", "Weather", "Rain \"tomorrow\" * maybe",
	    NOW - 7 * DAY, &is_new), 0);
	CHECK(!is_new);
	store_set_time(s, NOW);
	CHECK_INT(raw_int(db, "SELECT seen FROM pruned WHERE guid = 'b2'"), NOW + 3 * DAY);
	CHECK_INT(upsert(s, bee, "b3", "Sun", NULL, NOW, &is_new), 0);
	CHECK(is_new);
	CHECK_TITLES(s, &f, "Sun");

	/* Unread items stay when asked; the newest keep_items stay. Feed a
	 * is all unread: 3 items. */
	f.feed_id = a;
	CHECK_INT(store_prune(s, a, 0, 1, true), 0);
	CHECK_INT(store_prune(s, a, 0, 1, false), 2);
	CHECK_TITLES(s, &f, "Release notes");

	/* Every feed at once: c has Undated (2 days), Only updated (4),
	 * Cooking (6); a has Release notes (5); b has Sun (today). */
	f.feed_id = c;
	CHECK_INT(store_prune(s, 0, 3, 0, false), 3);
	CHECK_TITLES(s, &f, "Undated");
	f.feed_id = 0;
	CHECK_TITLES(s, &f, "Sun,Undated");

	/* Removing a feed removes its items, their index entries, enclosures,
	 * tags and tombstones. */
	d = store_add_feed(s, "https://gone.example/", "Gone", NULL, 0);
	CHECK_INT(upsert(s, d, "g1", "Gone item", "unique-gone-word", NOW, &is_new), 0);
	f.search = "unique";
	CHECK_INT(store_count_items(s, &f), 1);
	CHECK_INT(store_remove_feed(s, d), 0);
	CHECK_INT(store_count_items(s, &f), 0);
	sqlite3_close(db);
}

struct last_row {
	int64_t	 date;
	int64_t	 id;
	int	 rows;
	struct buf ids;
};

static int
remember_row(void *ctx, const struct store_item *item)
{
	struct last_row *l = ctx;

	l->date = item->date;
	l->id = item->id;
	l->rows++;
	buf_appendf(&l->ids, "%lld,", (long long)item->id);
	return 0;
}

/* Whether b holds a's ids in the opposite order. */
static bool
reversed(const struct id_list *a, const struct id_list *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++) {
		if (a->ids[i] != b->ids[a->n - 1 - i])
			return false;
	}
	return true;
}

/* Page through f oldest first, by offset and by position; both must give
 * the newest-first list reversed. Paging up from the bottom (oldest_first,
 * "newer than" a row) and down from the top meet in the middle. */
static void
check_oldest_first(struct store *s, struct store_filter *f, int64_t want)
{
	struct id_list newest = { NULL, 0, 0 }, by_offset = { NULL, 0, 0 },
	    by_position = { NULL, 0, 0 }, bottom = { NULL, 0, 0 };
	size_t n;
	int64_t last_id;

	f->limit = 0;
	f->oldest_first = false;
	store_query_items(s, f, collect_id, &newest);
	CHECK_INT(newest.n, want);

	f->oldest_first = true;
	f->limit = 7;
	for (f->offset = 0; f->offset < want + 7; f->offset += 7)
		store_query_items(s, f, collect_id, &by_offset);
	f->offset = 0;
	do {
		n = by_position.n;
		last_id = n > 0 ? by_position.ids[n - 1] : 0;
		f->after_date = by_position.last_date;
		f->after_id = last_id;
		store_query_items(s, f, collect_id, &by_position);
	} while (by_position.n > n);
	CHECK(reversed(&newest, &by_offset));
	CHECK(reversed(&newest, &by_position));
	f->after_date = 0;
	f->after_id = 0;

	/* Paging up from a row: newer than the 100th oldest, oldest first,
	 * come the 101st oldest and on. */
	if (want > 105) {
		f->limit = 1;
		f->offset = 99;
		store_query_items(s, f, collect_id, &bottom);
		CHECK(bottom.n == 1 && bottom.ids[0] == newest.ids[want - 100]);
		f->limit = 5;
		f->offset = 0;
		f->after_date = bottom.last_date;
		f->after_id = bottom.ids[0];
		bottom.n = 0;
		store_query_items(s, f, collect_id, &bottom);
		CHECK(bottom.n == 5 && bottom.ids[0] == newest.ids[want - 101] &&
		    bottom.ids[4] == newest.ids[want - 105]);
	}
	f->after_date = 0;
	f->after_id = 0;
	f->limit = 0;
	f->offset = 0;
	f->oldest_first = false;
	free(newest.ids);
	free(by_offset.ids);
	free(by_position.ids);
	free(bottom.ids);
}

/* Enough items that a search takes its other path (many matches: walk the
 * date index), with dates shared by pairs so that paging must break ties. */
static void
test_many(struct store *s)
{
	struct store_filter f;
	struct last_row by_offset, by_position;
	struct item item;
	char id[32], title[64];
	int64_t feed, n;
	int i, failed;
	bool is_new;

	feed = store_add_feed(s, "https://many.example/", "Many", NULL, 0);
	CHECK(feed > 0);
	CHECK_INT(store_begin(s), 0);
	failed = 0;
	for (i = 0; i < 1500; i++) {
		snprintf(id, sizeof(id), "m%d", i);
		snprintf(title, sizeof(title), "common %s %d", i % 100 == 7 ?
		    "scarce" : "plain", i);
		make_item(&item, id, title, i % 3 == 0 ? "<p>third</p>" : "<p>other</p>",
		    NOW - 2000 * DAY + (i / 2) * DAY);
		if (store_upsert_item(s, feed, &item, &is_new) == -1 || !is_new)
			failed++;
		item_clear(&item);
	}
	CHECK_INT(failed, 0);
	CHECK_INT(store_commit(s), 0);

	memset(&f, 0, sizeof(f));
	f.search = "common";
	CHECK_INT(store_count_items(s, &f), 1500);
	f.limit = 3;
	CHECK_TITLES(s, &f, "common plain 1499,common plain 1498,common plain 1497");
	f.search = "comm";	/* few whole words, many by prefix */
	CHECK_INT(store_count_items(s, &f), 1500);
	CHECK_TITLES(s, &f, "common plain 1499,common plain 1498,common plain 1497");
	f.search = "comm third";
	CHECK_INT(store_count_items(s, &f), 500);
	CHECK_TITLES(s, &f, "common plain 1497,common plain 1494,common plain 1491");
	f.search = "scarce";
	CHECK_INT(store_count_items(s, &f), 15);
	CHECK_TITLES(s, &f, "common scarce 1407,common scarce 1307,common scarce 1207");
	f.search = "common scarce";
	CHECK_INT(store_count_items(s, &f), 15);
	f.feed_id = feed;
	f.search = "common";
	CHECK_INT(store_count_items(s, &f), 1500);
	CHECK_INT(store_mark_feed_read(s, feed, true), 1500);
	f.unread_only = true;
	CHECK_INT(store_count_items(s, &f), 0);
	CHECK_TITLES(s, &f, "");
	f.unread_only = false;
	f.since = NOW - 2000 * DAY + 740 * DAY;
	CHECK_INT(store_count_items(s, &f), 20);
	f.since = 0;

	/* Paging by position gives what paging by offset gives, and stays
	 * right where dates are equal. */
	memset(&by_offset, 0, sizeof(by_offset));
	memset(&by_position, 0, sizeof(by_position));
	f.limit = 7;
	for (f.offset = 0; f.offset < 1500; f.offset += 7)
		store_query_items(s, &f, remember_row, &by_offset);
	f.offset = 0;
	do {
		n = by_position.rows;
		f.after_date = by_position.date;
		f.after_id = by_position.id;
		store_query_items(s, &f, remember_row, &by_position);
	} while (by_position.rows > n);
	CHECK_INT(by_offset.rows, 1500);
	CHECK_INT(by_position.rows, 1500);
	CHECK_STR(buf_str(&by_position.ids), buf_str(&by_offset.ids));
	/* The position does not change a count. */
	CHECK_INT(store_count_items(s, &f), 1500);
	buf_free(&by_offset.ids);
	buf_free(&by_position.ids);

	/* Oldest first, both ways of paging, with and without a search of
	 * many matches and of few; the order changes no count. */
	f.after_id = 0;
	f.after_date = 0;
	check_oldest_first(s, &f, 1500);
	f.search = "third";
	check_oldest_first(s, &f, 500);
	f.search = "scarce";
	check_oldest_first(s, &f, 15);
	f.oldest_first = true;
	CHECK_INT(store_count_items(s, &f), 15);
	f.search = NULL;
	f.limit = 1;
	CHECK_TITLES(s, &f, "common plain 0");
	f.unread_only = true;
	CHECK_TITLES(s, &f, "");
	f.unread_only = false;
	f.oldest_first = false;
	f.limit = 0;

	CHECK_INT(store_remove_feed(s, feed), 0);
	memset(&f, 0, sizeof(f));
	f.search = "common";
	CHECK_INT(store_count_items(s, &f), 0);
}

static void
test_data_version(struct store *s, const char *path)
{
	sqlite3 *db;
	int64_t before, after;

	before = store_data_version(s);
	CHECK(before >= 0);
	CHECK_INT(store_data_version(s), before);
	CHECK(store_find_feed(s, "Alpha Weblog") > 0);
	CHECK_INT(store_data_version(s), before);
	CHECK(store_add_feed(s, "https://version.example/", NULL, NULL, 0) > 0);
	CHECK_INT(store_data_version(s), before);

	db = raw_open(path);
	CHECK_INT(raw_exec(db, "UPDATE feeds SET user_title = 'Versioned'"
	    " WHERE url = 'https://version.example/'"), SQLITE_OK);
	after = store_data_version(s);
	CHECK(after != before);
	CHECK_INT(store_data_version(s), after);
	/* A read in the other connection changes nothing. */
	CHECK_INT(raw_int(db, "SELECT count(*) FROM feeds WHERE user_title = 'Versioned'"), 1);
	CHECK_INT(store_data_version(s), after);
	CHECK_INT(raw_exec(db, "DELETE FROM feeds WHERE url = 'https://version.example/'"),
	    SQLITE_OK);
	CHECK(store_data_version(s) != after);
	sqlite3_close(db);
}

static void
test_cascade_and_integrity(struct store *s, const char *path)
{
	sqlite3 *db;
	char *text;
	int64_t bee = store_find_feed(s, "Bee News");
	struct item item;
	struct enclosure *e;
	bool is_new;

	make_item(&item, "with-enclosure", "Podcast", "<p>episode</p>", NOW);
	e = item_add_enclosure(&item);
	e->url = xstrdup("https://b.example/ep.mp3");
	CHECK_INT(store_upsert_item(s, bee, &item, &is_new), 0);
	item_clear(&item);

	db = raw_open(path);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM enclosures"), 1);
	CHECK(raw_int(db, "SELECT count(*) FROM pruned") > 0);
	CHECK_INT(store_remove_feed(s, bee), 0);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM items WHERE feed_id NOT IN"
	    " (SELECT id FROM feeds)"), 0);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM items_fts WHERE rowid NOT IN"
	    " (SELECT id FROM items)"), 0);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM items_fts"),
	    raw_int(db, "SELECT count(*) FROM items"));
	CHECK_INT(raw_int(db, "SELECT count(*) FROM enclosures"), 0);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM feed_tags WHERE feed_id NOT IN"
	    " (SELECT id FROM feeds)"), 0);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM pruned WHERE feed_id NOT IN"
	    " (SELECT id FROM feeds)"), 0);
	/* The counters agree with the rows. */
	CHECK_INT(raw_int(db, "SELECT count(*) FROM feeds WHERE item_count !="
	    " (SELECT count(*) FROM items WHERE feed_id = feeds.id) OR unread_count !="
	    " (SELECT count(*) FROM items WHERE feed_id = feeds.id AND read = 0)"), 0);

	CHECK_INT(raw_exec(db, "INSERT INTO items_fts(items_fts) VALUES"
	    " ('integrity-check')"), SQLITE_OK);
	text = raw_text(db, "PRAGMA integrity_check");
	CHECK_STR(text, "ok");
	free(text);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	sqlite3_close(db);
}

/* The story of the last item a query gave. */
struct got_story {
	char	*story;
	size_t	 n;
};

static int
keep_story(void *ctx, const struct store_item *item)
{
	struct got_story *got = ctx;

	free(got->story);
	got->story = item->story != NULL ? xstrdup(item->story) : NULL;
	got->n++;
	return 0;
}

/* Schema 3: an item's story. A schema 2 file keeps its items and gains the
 * columns; the story survives later upserts; a failure keeps an earlier
 * story; the feed's full-story flag. */
static void
test_stories(void)
{
	static const struct {
		const char	*story;
		const char	*error;
		const char	*want_story;	/* NULL: none */
		const char	*want_error;
	} steps[] = {
		/* Nothing at all is "tried, nothing found". */
		{ NULL, NULL, NULL, NULL },
		{ NULL, "HTTP 404 Not Found", NULL, "HTTP 404 Not Found" },
		{ "<p>The story.</p>", NULL, "<p>The story.</p>", NULL },
		/* A later failure keeps the story and says why. */
		{ NULL, "timed out after 60 s", "<p>The story.</p>", "timed out after 60 s" },
		/* A story wins over an error given with it. */
		{ "<p>Newer.</p>", "ignored", "<p>Newer.</p>", NULL },
	};
	struct store *s;
	struct store_feed feed;
	struct store_item item;
	struct store_filter f;
	struct got_story got = { NULL, 0 };
	char *error = NULL, *path;
	sqlite3 *db;
	size_t i;
	bool is_new;

	path = tmp_path("v2.db");
	CHECK_INT(store_create_schema(path, 2, &error), 0);
	db = raw_open(path);
	CHECK_INT(raw_int(db, "PRAGMA user_version"), 2);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM pragma_table_info('items')"
	    " WHERE name = 'story'"), 0);
	raw_exec(db, "INSERT INTO feeds (id, url, added) VALUES (1, 'http://a/', 0);"
	    "INSERT INTO items (id, feed_id, guid, first_seen, title, link, summary)"
	    " VALUES (7, 1, 'a1', 10, 'a one', 'http://a/1', 'teaser');");
	sqlite3_close(db);

	s = store_open(path, &error);
	CHECK(s != NULL);
	if (s == NULL) {
		fprintf(stderr, "%s\n", error);
		exit(1);
	}
	store_set_time(s, NOW);
	db = raw_open(path);
	CHECK_INT(raw_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM pragma_table_info('items')"
	    " WHERE name IN ('story', 'story_error', 'story_fetched')"), 3);
	sqlite3_close(db);

	/* The old item: no story, never tried. */
	CHECK_INT(store_get_item(s, 7, &item), 0);
	CHECK(item.story == NULL);
	CHECK(item.story_error == NULL);
	CHECK(item.story_fetched == DATE_NONE);
	CHECK_STR(item.summary, "teaser");
	store_item_clear(&item);

	/* No such item. */
	CHECK_INT(store_set_item_story(s, 999, "<p>x</p>", NULL), -1);
	CHECK(strstr(store_error(s), "no item 999") != NULL);

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		store_set_time(s, NOW + (int64_t)i);
		CHECK_INT(store_set_item_story(s, 7, steps[i].story, steps[i].error), 0);
		CHECK_INT(store_get_item(s, 7, &item), 0);
		if (steps[i].want_story == NULL)
			CHECK(item.story == NULL);
		else
			CHECK_STR(item.story, steps[i].want_story);
		if (steps[i].want_error == NULL)
			CHECK(item.story_error == NULL);
		else
			CHECK_STR(item.story_error, steps[i].want_error);
		CHECK_INT(item.story_fetched, NOW + (int64_t)i);
		CHECK_STR(item.summary, "teaser");
		store_item_clear(&item);
	}

	/* A refresh that brings the item again, changed, keeps the story. */
	CHECK_INT(upsert(s, 1, "a1", "a one, edited", "new content", DATE_NONE, &is_new), 0);
	CHECK(!is_new);
	CHECK_INT(store_last_item_id(s), 7);
	CHECK_INT(store_get_item(s, 7, &item), 0);
	CHECK_STR(item.title, "a one, edited");
	CHECK_STR(item.story, "<p>Newer.</p>");
	store_item_clear(&item);

	/* Queries with text carry the story; without, they do not. */
	memset(&f, 0, sizeof(f));
	f.with_text = true;
	CHECK_INT(store_query_items(s, &f, keep_story, &got), 1);
	CHECK_STR(got.story, "<p>Newer.</p>");
	f.with_text = false;
	CHECK_INT(store_query_items(s, &f, keep_story, &got), 1);
	CHECK(got.story == NULL);
	free(got.story);

	/* A new item's id, for its story; 0 after a failure. */
	CHECK_INT(upsert(s, 1, "a2", "a two", NULL, DATE_NONE, &is_new), 0);
	CHECK(is_new);
	CHECK(store_last_item_id(s) > 7);
	CHECK_INT(upsert(s, 99, "x", "no feed", NULL, DATE_NONE, &is_new), -1);
	CHECK_INT(store_last_item_id(s), 0);

	/* The feed's flag. */
	CHECK_INT(store_get_feed(s, 1, &feed), 0);
	CHECK(!feed.full_story);
	store_feed_clear(&feed);
	CHECK_INT(store_set_feed_full_story(s, 1, true), 0);
	CHECK_INT(store_get_feed(s, 1, &feed), 0);
	CHECK(feed.full_story);
	store_feed_clear(&feed);
	CHECK_INT(store_set_feed_full_story(s, 1, false), 0);
	CHECK_INT(store_get_feed(s, 1, &feed), 0);
	CHECK(!feed.full_story);
	store_feed_clear(&feed);
	CHECK_INT(store_set_feed_full_story(s, 42, true), -1);

	store_close(&s);
	free(path);
}

int
main(void)
{
	const char *base;
	struct store *s;
	char *error = NULL, *template, *path;

	if ((base = getenv("TMPDIR")) == NULL || *base == '\0')
		base = "/tmp";
	template = xasprintf("%s/test-store-XXXXXX", base);
	if ((tmpdir = mkdtemp(template)) == NULL) {
		perror("mkdtemp");
		return 1;
	}

	test_open_errors();
	test_open_and_migrate();
	test_stories();

	path = tmp_path("store.db");
	s = store_open(path, &error);
	CHECK(s != NULL);
	if (s == NULL) {
		fprintf(stderr, "%s\n", error);
		return 1;
	}
	store_set_time(s, NOW);
	CHECK_INT(store_now(s), NOW);
	test_feeds(s);
	test_items(s, path);
	test_queries(s);
	test_dates_and_text(s);
	test_read_state(s);
	test_prune(s, path);
	test_many(s);
	test_data_version(s, path);
	test_cascade_and_integrity(s, path);
	store_close(&s);
	free(path);

	test_remove_tree(tmpdir);
	free(tmpdir);
	return test_done();
}
