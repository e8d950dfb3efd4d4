/* test-refresh.c: refresh.c against tests/server.py on loopback with a real
 * store file: feeds that fail (an HTTP error, a page that is no feed) while
 * the others succeed, what each leaves in the store, a second refresh
 * answered 304 for an unchanged feed and 200 for a changed one, read
 * state kept across both, and a feed that turns into a page and back.
 * Skips without python3. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "refresh.h"
#include "settings.h"
#include "store.h"
#include "loopback.h"
#include "test.h"
#include "xmalloc.h"

static char *scratch;	/* the store and, below www/, what the server serves */

/* What the callbacks saw. */
struct seen {
	int		 progress_calls;
	struct buf	 failures;	/* "name: message\n" each */
};

static void
on_progress(void *ctx, const struct refresh_stats *stats)
{
	struct seen *s = ctx;

	(void)stats;
	s->progress_calls++;
}

static void
on_failure(void *ctx, const char *name, const char *message)
{
	struct seen *s = ctx;

	buf_appendf(&s->failures, "%s: %s\n", name, message);
}

static void
write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/www/%s", scratch, name);
	FILE *f = fopen(path, "w");

	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
	free(path);
}

/* An RSS 2.0 feed of n items, "title 1" newest. */
static void
write_feed(const char *name, const char *title, int n)
{
	struct buf b = BUF_INIT;
	int i;

	buf_appendf(&b, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"
	    "<title>%s</title><link>https://example.org/</link>\n", title);
	for (i = 1; i <= n; i++)
		buf_appendf(&b, "<item><title>%s %d</title><guid>%s-%d</guid>"
		    "<link>https://example.org/%d</link><pubDate>Mon, 0%d Jan 2024"
		    " 00:00:00 GMT</pubDate></item>\n", title, i, title, i, i, i);
	buf_append_str(&b, "</channel></rss>\n");
	write_file(name, buf_str(&b));
	buf_free(&b);
}

static void
cleanup(void)
{
	if (scratch != NULL)
		test_remove_tree(scratch);
	free(scratch);
	scratch = NULL;
}

/* One refresh of the given feeds, run to its end; the stats in *stats. */
static void
refresh_feeds(struct store *store, const struct settings *settings,
    const int64_t *ids, size_t n, struct seen *seen, struct refresh_stats *stats)
{
	struct refresh_callbacks callbacks = { on_progress, on_failure, NULL, NULL, seen };
	struct refresh *r;
	size_t i;

	buf_reset(&seen->failures);
	seen->progress_calls = 0;
	r = refresh_new(store, settings, &callbacks);
	CHECK(r != NULL);
	if (r == NULL)
		exit(99);
	for (i = 0; i < n; i++)
		CHECK_INT(refresh_add_feed(r, ids[i]), 0);
	CHECK_INT(refresh_run(r), 0);
	CHECK_INT(refresh_pending(r), 0);
	*stats = *refresh_stats(r);
	refresh_free(&r);
	CHECK(r == NULL);
}

/* The feed as the store has it now (owned; store_feed_clear). */
static void
get_feed(struct store *store, int64_t id, struct store_feed *feed)
{
	memset(feed, 0, sizeof(*feed));
	CHECK_INT(store_get_feed(store, id, feed), 0);
}

static bool
contains(const char *s, const char *part)
{
	return s != NULL && strstr(s, part) != NULL;
}

static void
test_refresh(const char *base)
{
	enum { ALPHA, BETA, MISSING, PAGE, N_FEEDS };
	static const char *const paths[N_FEEDS] = {
		"/alpha.xml", "/beta.xml", "/404", "/page.html",
	};
	struct settings settings;
	struct refresh_stats stats;
	struct store_feed feed;
	struct seen seen = { 0, BUF_INIT };
	struct store *store;
	int64_t ids[N_FEEDS];
	char *path, *error = NULL, *url, *alpha_etag;
	size_t i;

	write_feed("alpha.xml", "Alpha", 3);
	write_feed("beta.xml", "Beta", 2);
	write_file("page.html", "<!DOCTYPE html><html><head><title>A page</title>"
	    "</head><body><p>No feed here.</p></body></html>\n");

	path = xasprintf("%s/store.db", scratch);
	store = store_open(path, &error);
	CHECK(store != NULL);
	if (store == NULL) {
		fprintf(stderr, "%s\n", error);
		exit(99);
	}
	free(path);
	settings_init(&settings);
	for (i = 0; i < N_FEEDS; i++) {
		url = xasprintf("%s%s", base, paths[i]);
		ids[i] = store_add_feed(store, url, NULL, NULL, 0);
		CHECK(ids[i] > 0);
		free(url);
	}

	/* First refresh: two feeds fail, the other two are stored whole. */
	refresh_feeds(store, &settings, ids, N_FEEDS, &seen, &stats);
	CHECK_INT(stats.queued, N_FEEDS);
	CHECK_INT(stats.done, N_FEEDS);
	CHECK_INT(stats.failed, 2);
	CHECK_INT(stats.not_modified, 0);
	CHECK_INT(stats.new_items, 5);
	CHECK_INT(seen.progress_calls, N_FEEDS);
	/* Each failure reported once, under the feed's name (its URL: it has
	 * no title yet), with the reason. */
	url = xasprintf("%s/404: ", base);
	CHECK(contains(buf_str(&seen.failures), url));
	CHECK(contains(buf_str(&seen.failures), "404"));
	free(url);
	url = xasprintf("%s/page.html: not a feed", base);
	CHECK(contains(buf_str(&seen.failures), url));
	free(url);
	CHECK_INT(strchr(strchr(buf_str(&seen.failures), '\n') + 1, '\n') != NULL, 1);

	get_feed(store, ids[ALPHA], &feed);
	CHECK_STR(feed.title, "Alpha");
	CHECK_INT(feed.total, 3);
	CHECK_INT(feed.unread, 3);
	CHECK_INT(feed.last_status, 200);
	CHECK_STR(feed.last_error, NULL);
	CHECK(feed.etag != NULL);
	alpha_etag = feed.etag != NULL ? xstrdup(feed.etag) : NULL;
	store_feed_clear(&feed);
	get_feed(store, ids[BETA], &feed);
	CHECK_STR(feed.title, "Beta");
	CHECK_INT(feed.total, 2);
	CHECK_STR(feed.last_error, NULL);
	store_feed_clear(&feed);
	get_feed(store, ids[MISSING], &feed);
	CHECK_INT(feed.last_status, 404);
	CHECK(contains(feed.last_error, "404"));
	CHECK_INT(feed.total, 0);
	CHECK_STR(feed.title, NULL);
	CHECK(!feed.disabled);	/* only 410 disables */
	store_feed_clear(&feed);
	get_feed(store, ids[PAGE], &feed);
	CHECK_INT(feed.last_status, 200);
	CHECK(contains(feed.last_error, "not a feed"));
	CHECK_INT(feed.total, 0);
	store_feed_clear(&feed);

	/* Between the two: Beta is read, and gains an item. */
	CHECK_INT(store_mark_feed_read(store, ids[BETA], true), 2);
	write_feed("beta.xml", "Beta", 3);

	/* Second refresh: Alpha is unchanged (304, nothing written), Beta
	 * brings its one new item, the failures fail again. */
	refresh_feeds(store, &settings, ids, N_FEEDS, &seen, &stats);
	CHECK_INT(stats.done, N_FEEDS);
	CHECK_INT(stats.not_modified, 1);
	CHECK_INT(stats.new_items, 1);
	CHECK_INT(stats.failed, 2);

	get_feed(store, ids[ALPHA], &feed);
	CHECK_INT(feed.total, 3);
	CHECK_INT(feed.unread, 3);
	CHECK_INT(feed.last_status, 304);
	CHECK_STR(feed.last_error, NULL);
	CHECK_STR(feed.etag, alpha_etag);	/* a 304 keeps the validators */
	store_feed_clear(&feed);
	get_feed(store, ids[BETA], &feed);
	CHECK_INT(feed.total, 3);
	CHECK_INT(feed.unread, 1);	/* the read ones stay read */
	store_feed_clear(&feed);
	get_feed(store, ids[MISSING], &feed);
	CHECK(contains(feed.last_error, "404"));
	CHECK_INT(feed.total, 0);
	store_feed_clear(&feed);
	/* The page was asked for again without validators: a 304 would have
	 * passed it off as a feed with nothing new. */
	get_feed(store, ids[PAGE], &feed);
	CHECK(contains(feed.last_error, "not a feed"));
	CHECK_STR(feed.etag, NULL);
	store_feed_clear(&feed);

	/* Alpha turns into a page: a failure that leaves no validators, so
	 * that no 304 against the good document's can hide it. Back to a
	 * feed, it is read again. */
	write_file("alpha.xml", "<!DOCTYPE html><html><body><p>Gone.</p></body></html>\n");
	refresh_feeds(store, &settings, ids, 1, &seen, &stats);
	CHECK_INT(stats.failed, 1);
	get_feed(store, ids[ALPHA], &feed);
	CHECK(contains(feed.last_error, "not a feed"));
	CHECK_STR(feed.etag, NULL);
	CHECK_STR(feed.last_modified, NULL);
	CHECK_INT(feed.total, 3);
	store_feed_clear(&feed);
	write_feed("alpha.xml", "Alpha", 3);
	refresh_feeds(store, &settings, ids, 1, &seen, &stats);
	CHECK_INT(stats.failed, 0);
	CHECK_INT(stats.not_modified, 0);
	get_feed(store, ids[ALPHA], &feed);
	CHECK_INT(feed.last_status, 200);
	CHECK_STR(feed.last_error, NULL);
	CHECK_STR(feed.etag, alpha_etag);
	store_feed_clear(&feed);

	free(alpha_etag);
	buf_free(&seen.failures);
	settings_free(&settings);
	store_close(&store);
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR");
	const char *args[] = { "--root", NULL, NULL };
	char *www;

	alarm(120);	/* a hung loop must not hang the test suite */
	test_server_no_proxy();

	scratch = xasprintf("%s/test-refresh-XXXXXX", tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(scratch) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	atexit(cleanup);
	www = xasprintf("%s/www", scratch);
	if (mkdir(www, 0700) != 0) {
		perror(www);
		return 99;
	}
	args[1] = www;
	test_refresh(test_server_start(args));
	free(www);
	test_server_stop();
	return test_done();
}
