/* test-sync.c: the pure parts of sync: TT-RSS replies read into the model,
 * the journal grouped into pushes, the store's journal triggers and the
 * applying of the server's state, the password sources. */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "store.h"
#include "sync.h"
#include "test.h"
#include "xmalloc.h"

static void
test_replies(void)
{
	struct json_object *root, *content;
	struct sync_page page;
	struct sync_subscriptions subs;
	char *error;

	content = ttrss_reply_content("{\"seq\":0,\"status\":1,\"content\":{\"error\":\"NOT_LOGGED_IN\"}}",
	    &root, &error);
	CHECK(content == NULL);
	CHECK_STR(error, "NOT_LOGGED_IN");
	free(error);
	content = ttrss_reply_content("<html>", &root, &error);
	CHECK(content == NULL && error != NULL);
	free(error);

	content = ttrss_reply_content("{\"seq\":0,\"status\":0,\"content\":[{\"id\":7,\"guid\":\"g7\","
	    "\"unread\":false,\"marked\":true,\"updated\":1700000000,\"title\":\"T\",\"link\":\"http://e/7\","
	    "\"feed_id\":3,\"content\":\"<p>x</p>\",\"author\":\"A\",\"attachments\":[{\"id\":1,\"0\":1,"
	    "\"content_url\":\"http://e/7.mp3\",\"1\":\"http://e/7.mp3\",\"content_type\":\"audio/mpeg\","
	    "\"duration\":\"123\"}]},{\"id\":8,\"guid\":\"\",\"unread\":true,\"marked\":false,\"feed_id\":\"3\"}]}",
	    &root, &error);
	CHECK(content != NULL);
	CHECK_INT(ttrss_parse_headlines(content, &page), 0);
	CHECK_INT(page.n, 2);
	CHECK_INT(page.received, 2);
	CHECK_INT(page.articles[0].id, 7);
	CHECK_INT(page.articles[0].feed_id, 3);
	CHECK(!page.articles[0].unread && page.articles[0].starred);
	CHECK_STR(page.articles[0].item.id, "g7");
	CHECK_STR(page.articles[0].item.content, "<p>x</p>");
	CHECK_INT(page.articles[0].item.published, 1700000000);
	CHECK_INT(page.articles[0].item.n_enclosures, 1);
	CHECK_STR(page.articles[0].item.enclosures[0].length, "123");
	CHECK_STR(page.articles[1].item.id, "ttrss:8");	/* no guid: the server's id */
	CHECK_INT(page.articles[1].feed_id, 3);		/* a string number too */
	sync_page_clear(&page);
	json_object_put(root);

	memset(&subs, 0, sizeof(subs));
	content = ttrss_reply_content("{\"status\":0,\"content\":[{\"id\":1,\"title\":\"News\"},"
	    "{\"id\":-1,\"title\":\"Special\"},{\"id\":0,\"title\":\"Uncategorized\"}]}", &root, &error);
	CHECK_INT(ttrss_parse_categories(content, &subs), 0);
	json_object_put(root);
	content = ttrss_reply_content("{\"status\":0,\"content\":[{\"feed_url\":\"http://e/a\","
	    "\"title\":\"A\",\"id\":4,\"cat_id\":1},{\"id\":-4,\"title\":\"All\"}]}", &root, &error);
	CHECK_INT(ttrss_parse_feeds(content, &subs), 0);
	json_object_put(root);
	CHECK_INT(subs.n_categories, 1);
	CHECK_STR(subs.categories[0].title, "News");
	CHECK_INT(subs.n_feeds, 1);
	CHECK_STR(subs.feeds[0].url, "http://e/a");
	CHECK_INT(subs.feeds[0].category_id, 1);
	sync_subscriptions_clear(&subs);
}

struct pushes {
	struct buf	 log;
};

static int
record(void *ctx, enum sync_field field, bool on, const int64_t *ids,
    const struct sync_change *const *from, size_t n)
{
	struct pushes *p = ctx;
	size_t i;

	buf_appendf(&p->log, "%s%d:", field == SYNC_READ ? "read" : "star", on);
	for (i = 0; i < n; i++) {
		buf_appendf(&p->log, "%s%lld", i ? "," : "", (long long)ids[i]);
		if (from[i]->remote_id != ids[i])
			buf_append_str(&p->log, "!");
	}
	buf_append_str(&p->log, ";");
	return 0;
}

static void
test_batches(void)
{
	struct sync_change c[] = {
		{ 1, 101, SYNC_READ, true, 0, 1 },
		{ 2, 102, SYNC_STARRED, true, 0, 2 },
		{ 3, 103, SYNC_READ, true, 0, 3 },
		{ 4, 104, SYNC_READ, false, 0, 4 },
		{ 5, 105, SYNC_READ, true, 0, 5 },
	};
	struct pushes p = { BUF_INIT };

	CHECK_INT(sync_batches(c, 5, 2, record, &p), 0);
	CHECK_STR(buf_str(&p.log), "read1:101,103;read1:105;star1:102;read0:104;");
	buf_free(&p.log);
	CHECK_INT(sync_batches(c, 0, 2, record, &p), 0);
}

static void
test_store(const char *dir)
{
	struct sync_feed f = { 9, 0, "Remote", "http://example.org/r.xml" };
	struct sync_article a;
	struct sync_change *changes;
	int64_t feed, on[] = { 501 };
	char *path = xasprintf("%s/sync.db", dir), *error = NULL;
	struct store *s = store_open(path, &error);
	bool created;
	int i;

	CHECK(s != NULL);
	if (s == NULL)
		return;
	feed = store_sync_feed(s, &f, "News", &created);
	CHECK(feed > 0 && created);
	CHECK_INT(store_sync_feed(s, &f, "News", &created), feed);
	CHECK(!created);
	CHECK_INT(store_begin(s), 0);
	CHECK_INT(store_sync_applying(s, true), 0);
	for (i = 0; i < 3; i++) {
		memset(&a, 0, sizeof(a));
		a.id = 500 + i;
		a.unread = true;
		item_init(&a.item);
		a.item.id = xasprintf("g%d", i);
		a.item.title = xstrdup("t");
		CHECK_INT(store_sync_article(s, feed, &a), 1);
		CHECK_INT(store_sync_article(s, feed, &a), 0);	/* again: known */
		item_clear(&a.item);
	}
	CHECK_INT(store_sync_applying(s, false), 0);
	CHECK_INT(store_commit(s), 0);
	CHECK_INT(store_sync_journal_count(s), 0);	/* applying wrote none */

	/* A local change is journaled; a second one of the item replaces it. */
	CHECK_INT(store_mark_item_read(s, 1, true), 0);
	CHECK_INT(store_set_item_starred(s, 2, true), 0);
	CHECK_INT(store_set_item_starred(s, 2, false), 0);
	CHECK_INT(store_sync_journal(s, &changes), 2);
	CHECK_INT(changes[0].remote_id, 500);
	CHECK(changes[0].field == SYNC_READ && changes[0].on);
	CHECK(changes[1].field == SYNC_STARRED && !changes[1].on);

	/* The server says only 501 is unread: 502 becomes read; 500 keeps
	 * its journaled local state. */
	CHECK_INT(store_begin(s), 0);
	CHECK_INT(store_sync_applying(s, true), 0);
	CHECK_INT(store_sync_apply_state(s, SYNC_READ, on, 1), 1);
	CHECK_INT(store_sync_applying(s, false), 0);
	CHECK_INT(store_commit(s), 0);
	CHECK_INT(store_sync_journal_count(s), 2);
	CHECK_INT(store_sync_journal_done(s, &changes[0]), 0);
	CHECK_INT(store_sync_journal_count(s), 1);
	free(changes);

	CHECK_INT(store_sync_last_id(s), 0);
	CHECK_INT(store_sync_set_last_id(s, 502), 0);
	CHECK_INT(store_sync_last_id(s), 502);

	/* The feed gone from the server goes here, items and journal too. */
	CHECK_INT(store_sync_remove_feeds(s, NULL, 0), 1);
	CHECK_INT(store_sync_journal_count(s), 0);
	store_close(&s);
	free(path);
}

static void
test_passwords(const char *dir)
{
	char *path = xasprintf("%s/pw", dir), *error, *pw;
	FILE *fp = fopen(path, "w");

	fputs("secret\nsecond line\n", fp);
	fclose(fp);
	chmod(path, 0644);
	pw = sync_password_from_file(path, &error);
	CHECK(pw == NULL && error != NULL && strstr(error, "chmod 600") != NULL);
	free(error);
	chmod(path, 0600);
	pw = sync_password_from_file(path, &error);
	CHECK_STR(pw, "secret");
	free(pw);
	pw = sync_password_from_command("printf '%s\\n' \"two words\"", &error);
	CHECK_STR(pw, "two words");
	free(pw);
	pw = sync_password_from_command("false", &error);
	CHECK(pw == NULL && error != NULL);
	free(error);
	pw = sync_password_from_command("/nonexistent/program", &error);
	CHECK(pw == NULL && error != NULL && strstr(error, "cannot run") != NULL);
	free(error);
	unlink(path);
	free(path);
}

int
main(void)
{
	char dir[] = "/tmp/test-sync.XXXXXX";

	if (mkdtemp(dir) == NULL)
		return 99;
	test_replies();
	test_batches();
	test_store(dir);
	test_passwords(dir);
	{
		static const char *const files[] = { "sync.db", "sync.db-wal", "sync.db-shm" };
		size_t i;

		for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
			char *p = xasprintf("%s/%s", dir, files[i]);

			unlink(p);
			free(p);
		}
		rmdir(dir);
	}
	printf("%d passed, %d failed\n", test_passed, test_failed);
	return test_failed != 0;
}
