/* store-bench.c: a benchmark of the store: insert rate in per-feed refresh
 * transactions, then the reader's queries timed on a freshly opened store.
 * Not a test and not built by make. Build by hand, from the source tree:
 *
 *   cc -std=c11 -O2 -I. -Iinclude tools/store-bench.c src/store.c \
 *       src/store-items.c src/store-search.c src/store-views.c src/feed.c \
 *       src/text.c src/entities.c src/buf.c src/utf8.c src/xmalloc.c \
 *       $(pkg-config --cflags --libs sqlite3) -o store-bench
 *   ./store-bench DIR 200000 1000000
 *
 * Each count grows the same store (DIR/bench.db, which must not exist) to
 * that many items, then measures; -m measures a store made before. -r
 * measures only the reader's cases on any store, a make-store one say:
 *
 *   ./store-bench -r FILE COUNT COMMON SECOND RARE [TAG]
 *
 * with a word in many items, another, a word in few, and a tag.
 * Times are process CPU time and wall time. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "feed.h"
#include "store.h"
#include "xmalloc.h"

#define N_FEEDS 50
#define BATCH 50		/* items per feed per refresh */
#define VOCABULARY 20000
#define CONTENT_BYTES 2048
#define START_DATE ((int64_t)1500000000)

static char *words[VOCABULARY];
static double cumulative[VOCABULARY];
static uint64_t rng = 88172645463325252ULL;

static uint64_t
next_random(void)
{
	/* xorshift64: reproducible runs. */
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Pronounceable made-up words, ranked: word i is drawn with probability
 * proportional to 1/(i+1) (Zipf), as in natural text. */
static void
make_vocabulary(void)
{
	static const char *syllables[] = { "ka", "lo", "mi", "ter", "san", "po",
	    "ri", "ven", "dus", "ha", "nel", "qui", "bo", "zen", "tra", "fe" };
	struct buf b = BUF_INIT;
	double total = 0;
	unsigned n;
	int i;

	for (i = 0; i < VOCABULARY; i++) {
		buf_reset(&b);
		n = (unsigned)i + 17;
		do {
			buf_append_str(&b, syllables[n % 16]);
			n /= 16;
		} while (n > 0);
		words[i] = xstrdup(buf_str(&b));
		total += 1.0 / (i + 1);
		cumulative[i] = total;
	}
	for (i = 0; i < VOCABULARY; i++)
		cumulative[i] /= total;
	buf_free(&b);
}

static const char *
random_word(void)
{
	double u = (double)(next_random() >> 11) / (double)(1ULL << 53);
	int lo = 0, hi = VOCABULARY - 1, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cumulative[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return words[lo];
}

static char *
random_text(size_t bytes, bool html)
{
	struct buf b = BUF_INIT;
	int n = 0;

	if (html)
		buf_append_str(&b, "<p>");
	while (b.len < bytes) {
		if (n > 0)
			buf_append_char(&b, ' ');
		if (html && n > 0 && n % 60 == 0)
			buf_append_str(&b, "</p>\n<p>");
		if (html && n % 37 == 5)
			buf_appendf(&b, "<a href=\"https://example.org/%s\">%s</a>",
			    random_word(), random_word());
		else
			buf_append_str(&b, random_word());
		n++;
	}
	if (html)
		buf_append_str(&b, "</p>");
	return buf_detach(&b);
}

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
die(const char *what, struct store *s)
{
	fprintf(stderr, "store-bench: %s: %s\n", what, store_error(s));
	exit(1);
}

/* Grow the store to total items: rounds of refreshes, each feed getting
 * BATCH new items in its own transaction, dated a minute apart. */
static void
grow(struct store *s, const int64_t *feeds, int64_t *have, int64_t total)
{
	struct item item;
	double cpu, wall, store_cpu = 0, store_wall = 0, c0, w0;
	int64_t start = *have, n;
	int f, i;
	bool is_new;

	cpu = cpu_now();
	wall = wall_now();
	while (*have < total) {
		for (f = 0; f < N_FEEDS && *have < total; f++) {
			c0 = cpu_now();
			w0 = wall_now();
			if (store_begin(s) == -1)
				die("begin", s);
			store_cpu += cpu_now() - c0;
			store_wall += wall_now() - w0;
			for (i = 0; i < BATCH && *have < total; i++) {
				n = (*have)++;
				item_init(&item);
				item.id = xasprintf("https://feed%d.example/item/%lld", f,
				    (long long)n);
				item.link = xstrdup(item.id);
				item.title = random_text(40, false);
				item.author = xasprintf("Author %d", f);
				item.summary = random_text(200, false);
				item.content = random_text(CONTENT_BYTES, true);
				item.published = START_DATE + n * 60;
				item_add_category(&item, random_word());
				c0 = cpu_now();
				w0 = wall_now();
				if (store_upsert_item(s, feeds[f], &item, &is_new) == -1)
					die("upsert", s);
				store_cpu += cpu_now() - c0;
				store_wall += wall_now() - w0;
				item_clear(&item);
			}
			c0 = cpu_now();
			w0 = wall_now();
			if (store_commit(s) == -1)
				die("commit", s);
			store_cpu += cpu_now() - c0;
			store_wall += wall_now() - w0;
		}
	}
	cpu = cpu_now() - cpu;
	wall = wall_now() - wall;
	printf("insert %lld items: %.1f s CPU, %.1f s wall in all; in the store "
	    "alone %.1f s CPU, %.1f s wall: %.0f items/s\n",
	    (long long)(total - start), cpu, wall, store_cpu, store_wall,
	    (double)(total - start) / store_wall);
}

static int
touch_row(void *ctx, const struct store_item *item)
{
	size_t *bytes = ctx;

	*bytes += strlen(item->title != NULL ? item->title : "") +
	    strlen(item->feed_title != NULL ? item->feed_title : "");
	return 0;
}

static int
touch_feed(void *ctx, const struct store_feed *feed)
{
	int64_t *sum = ctx;

	*sum += feed->unread;
	return 0;
}

static void
report(const char *name, double cpu, double wall, int64_t result, double limit_ms)
{
	printf("  %-44s %8.2f ms CPU %8.2f ms wall  -> %lld%s\n", name, cpu * 1e3,
	    wall * 1e3, (long long)result,
	    limit_ms > 0 && cpu * 1e3 > limit_ms ? "  OVER TARGET" : "");
}

#define TIME(name, limit, expression) do { \
	double cpu0_ = cpu_now(), wall0_ = wall_now(); \
	int64_t r_ = (expression); \
	report((name), cpu_now() - cpu0_, wall_now() - wall0_, r_, (limit)); \
} while (0)

/* The word of rank r, for searches of known frequency. */
static const char *
ranked(int r)
{
	return words[r];
}

/* Rows the reader asks for at once: three screens of a 40-line terminal. */
#define WINDOW 114

struct position {
	int64_t	 date;
	int64_t	 id;
};

static int
remember_last(void *ctx, const struct store_item *item)
{
	struct position *p = ctx;

	p->date = item->date;
	p->id = item->id;
	return 0;
}

/* Each keystroke of typing words into the reader's filter line asks for the
 * first window of the words typed so far (at character boundaries). */
static void
typing(struct store *s, struct store_filter *f, const char *text, double target)
{
	size_t bytes = 0, n;
	char *typed, *name;

	for (n = 1; n <= strlen(text); n++) {
		if (((unsigned char)text[n] & 0xc0) == 0x80)
			continue;
		typed = xstrndup(text, n);
		f->search = typed;
		name = xasprintf("  keystroke: \"%s\"", typed);
		TIME(name, target, store_query_items(s, f, touch_row, &bytes));
		free(name);
		free(typed);
	}
	f->search = NULL;
}

/* The reader's paths that must stay fast at any size: a keystroke in the
 * filter line (first window of a search), the bottom of a list (End, and
 * PageUp from there), the counts its title shows. */
static void
reader_cases(struct store *s, int64_t n_items, const char *common,
    const char *second, const char *rare, const char *tag)
{
	struct store_filter f;
	struct position last = { 0, 0 };
	size_t bytes = 0;
	char *q, *both;

	both = xasprintf("%s %s", common, second);
	printf("the reader's cases, windows of %d rows:\n", WINDOW);
	memset(&f, 0, sizeof(f));
	f.limit = WINDOW;
	typing(s, &f, both, 50);
	f.search = common;
	q = xasprintf("search common word \"%s\", first window", common);
	TIME(q, 50, store_query_items(s, &f, touch_row, &bytes));
	free(q);
	f.search = rare;
	q = xasprintf("search rare word \"%s\", first window", rare);
	TIME(q, 50, store_query_items(s, &f, touch_row, &bytes));
	free(q);
	f.search = both;
	q = xasprintf("search two words \"%s\", first window", both);
	TIME(q, 50, store_query_items(s, &f, touch_row, &bytes));
	free(q);
	f.unread_only = true;
	TIME("  the same, unread only", 50, store_query_items(s, &f, touch_row, &bytes));
	f.unread_only = false;
	f.search = common;
	f.feed_id = 8;
	TIME("search common word in one feed (id 8)", 50,
	    store_query_items(s, &f, touch_row, &bytes));
	f.feed_id = 0;
	if (tag != NULL) {
		f.tag = tag;
		q = xasprintf("search common word in tag \"%s\"", tag);
		TIME(q, 50, store_query_items(s, &f, touch_row, &bytes));
		free(q);
		f.search = rare;
		q = xasprintf("search rare word in tag \"%s\"", tag);
		TIME(q, 50, store_query_items(s, &f, touch_row, &bytes));
		free(q);
		f.search = common;
		f.tag = NULL;
	}
	f.offset = 10 * WINDOW;
	TIME("search common word, window at offset 1140", 50,
	    store_query_items(s, &f, touch_row, &bytes));
	f.offset = 0;
	f.oldest_first = true;
	TIME("search common word, oldest window", 50,
	    store_query_items(s, &f, touch_row, &bytes));
	f.oldest_first = false;
	TIME("  count of it (deferred while typing)", 0, store_count_items(s, &f));
	f.search = NULL;

	f.offset = n_items - WINDOW;
	TIME("End by offset from the newest", 0,
	    store_query_items(s, &f, touch_row, &bytes));
	f.offset = 0;
	f.oldest_first = true;
	TIME("End: oldest window (oldest_first)", 100,
	    store_query_items(s, &f, remember_last, &last));
	f.after_date = last.date;
	f.after_id = last.id;
	TIME("PageUp from there (oldest_first, after)", 100,
	    store_query_items(s, &f, touch_row, &bytes));
	memset(&f, 0, sizeof(f));
	f.unread_only = true;
	TIME("count unread", 10, store_count_items(s, &f));
	free(both);
}

static void
measure(const char *path, int64_t n_items, int64_t some_feed)
{
	struct store_filter f;
	struct store *s;
	char *error, *q;
	size_t bytes = 0;
	int64_t sum = 0;
	double target = n_items > 500000 ? 50 : 10;
	double c0, w0;

	printf("queries on a freshly opened store of %lld items (target %.0f ms):\n",
	    (long long)n_items, target);
	c0 = cpu_now();
	w0 = wall_now();
	if ((s = store_open(path, &error)) == NULL) {
		fprintf(stderr, "%s\n", error);
		exit(1);
	}
	report("open", cpu_now() - c0, wall_now() - w0, 0, target);

	memset(&f, 0, sizeof(f));
	f.unread_only = true;
	TIME("count unread", 10, store_count_items(s, &f));
	f.limit = 50;
	TIME("first page, 50 newest unread", target,
	    store_query_items(s, &f, touch_row, &bytes));
	TIME("same again (statement cached)", target,
	    store_query_items(s, &f, touch_row, &bytes));
	f.unread_only = false;
	TIME("first page, 50 newest", target,
	    store_query_items(s, &f, touch_row, &bytes));
	f.offset = n_items / 2;
	TIME("page at offset n/2", 0, store_query_items(s, &f, touch_row, &bytes));
	f.offset = 0;
	f.feed_id = some_feed;
	TIME("first page of one feed", target,
	    store_query_items(s, &f, touch_row, &bytes));
	f.unread_only = true;
	TIME("first page of one feed, unread", target,
	    store_query_items(s, &f, touch_row, &bytes));
	TIME("count unread of one feed", 10, store_count_items(s, &f));
	f.feed_id = 0;
	f.tag = "odd";
	TIME("first page of a tag (25 feeds), unread", target,
	    store_query_items(s, &f, touch_row, &bytes));
	f.tag = NULL;
	f.unread_only = false;

	f.search = ranked(3000);
	q = xasprintf("search rare word (rank 3000, \"%s\")", f.search);
	TIME(q, target, store_query_items(s, &f, touch_row, &bytes));
	free(q);
	TIME("  count of it", 0, store_count_items(s, &f));
	f.search = ranked(300);
	q = xasprintf("search word of rank 300 (\"%s\")", f.search);
	TIME(q, target, store_query_items(s, &f, touch_row, &bytes));
	free(q);
	TIME("  count of it", 0, store_count_items(s, &f));
	f.search = ranked(30);
	q = xasprintf("search common word (rank 30, \"%s\")", f.search);
	TIME(q, target, store_query_items(s, &f, touch_row, &bytes));
	free(q);
	TIME("  count of it", 0, store_count_items(s, &f));
	q = xasprintf("%s %s", ranked(30), ranked(300));
	f.search = q;
	TIME("search two words (ranks 30 and 300)", target,
	    store_query_items(s, &f, touch_row, &bytes));
	free(q);
	f.search = "ka";
	TIME("search short prefix \"ka\"", target,
	    store_query_items(s, &f, touch_row, &bytes));
	f.search = ranked(300);
	f.unread_only = true;
	TIME("search rank-300 word, unread only", target,
	    store_query_items(s, &f, touch_row, &bytes));
	f.search = NULL;
	f.unread_only = false;

	TIME("list feeds with counts", target, store_each_feed(s, touch_feed, &sum));
	reader_cases(s, n_items, ranked(30), ranked(300), ranked(VOCABULARY - 1), "odd");
	c0 = cpu_now();
	w0 = wall_now();
	store_close(&s);
	report("close", cpu_now() - c0, wall_now() - w0, 0, 0);
	(void)bytes;
}

/* Mark two items in three read, oldest first, as a reader would have. */
static void
read_most(const char *path, int64_t upto_id)
{
	sqlite3 *db;
	char *sql;

	sqlite3_open(path, &db);
	sqlite3_busy_timeout(db, 5000);
	sql = xasprintf("UPDATE items SET read = 1 WHERE id <= %lld AND id %% 3 != 0"
	    " AND read = 0", (long long)upto_id);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fprintf(stderr, "%s\n", sqlite3_errmsg(db));
	free(sql);
	sqlite3_close(db);
}

int
main(int argc, char **argv)
{
	struct store *s;
	int64_t ids[N_FEEDS], have = 0, want;
	const char *tag_odd[] = { "odd" }, *tag_even[] = { "even" };
	char *path, *error, *url;
	int i, f;

	if (argc < 3) {
		fprintf(stderr, "usage: store-bench DIR COUNT...\n"
		    "       store-bench -m DIR COUNT   (measure a store made before)\n"
		    "       store-bench -r FILE COUNT COMMON SECOND RARE [TAG]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (strcmp(argv[1], "-r") == 0 && (argc == 7 || argc == 8)) {
		if ((s = store_open(argv[2], &error)) == NULL) {
			fprintf(stderr, "%s\n", error);
			return 1;
		}
		reader_cases(s, strtoll(argv[3], NULL, 10), argv[4], argv[5], argv[6],
		    argc == 8 ? argv[7] : NULL);
		store_close(&s);
		return 0;
	}
	if (strcmp(argv[1], "-m") == 0 && argc == 4) {
		make_vocabulary();
		path = xasprintf("%s/bench.db", argv[2]);
		/* Feed ids are given in order: the eighth is 8. */
		measure(path, strtoll(argv[3], NULL, 10), 8);
		free(path);
		return 0;
	}
	path = xasprintf("%s/bench.db", argv[1]);
	if (access(path, F_OK) == 0) {
		fprintf(stderr, "store-bench: %s exists\n", path);
		return 2;
	}
	make_vocabulary();
	if ((s = store_open(path, &error)) == NULL) {
		fprintf(stderr, "%s\n", error);
		return 1;
	}
	for (f = 0; f < N_FEEDS; f++) {
		url = xasprintf("https://feed%d.example/rss", f);
		ids[f] = store_add_feed(s, url, NULL, f % 2 ? tag_odd : tag_even, 1);
		if (ids[f] == -1)
			die("add feed", s);
		free(url);
	}
	for (i = 2; i < argc; i++) {
		want = strtoll(argv[i], NULL, 10);
		grow(s, ids, &have, want);
		store_close(&s);
		/* All but the newest 10% read, one in three of those kept unread. */
		read_most(path, want - want / 10);
		measure(path, want, ids[7]);
		if (i + 1 < argc && (s = store_open(path, &error)) == NULL) {
			fprintf(stderr, "%s\n", error);
			return 1;
		}
	}
	store_close(&s);
	free(path);
	for (i = 0; i < VOCABULARY; i++)
		free(words[i]);
	return 0;
}
