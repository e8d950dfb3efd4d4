/* test-store-search.c: the store's search: words to FTS5 queries, and
 * every plan that answers a search (sparse, walk, dense) against brute
 * force over the same items, for every filter and window. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-fixture.h"

static void
test_search_query(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ NULL, NULL },
		{ "", NULL },
		{ "   \t\n", NULL },
		{ "word", "\"word\"*" },
		{ "  two   words ", "\"two\"* \"words\"*" },
		{ "\"", "\"\"\"\"" },
		{ "\"\"", "\"\"\"\"\"\"*" },
		{ "AND", "\"AND\"*" },
		{ "*", "\"*\"" },
		{ "(", "\"(\"" },
		{ "x y", "\"x\" \"y\"" },
		{ "λ", "\"λ\"" },
		{ "λό", "\"λο\"*" },
		/* A byte that starts no character counts as one. */
		{ "\xff", "\"\xff\"" },
		{ "\x80\x80", "\"\x80\x80\"*" },
		{ "title:x NEAR(a b)", "\"title:x\"* \"NEAR(a\"* \"b)\"*" },
		/* Greek typed as the index holds it (search-fold.h). */
		{ "καλημέρα", "\"καλημερα\"*" },
		{ "ΆΈΉΊΌΎΏ ΐΰϊϋ Λευκωσίας", "\"ΑΕΗΙΟΥΩ\"* \"ιυιυ\"* \"Λευκωσιασ\"*" },
	};
	size_t i;
	char *q;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		q = store_search_query(cases[i].in);
		CHECK_STR(q, cases[i].want);
		free(q);
	}
}

/* ---- The search plans against brute force ---- */

#define PLAN_ITEMS 2600
#define PLAN_FEEDS 6	/* the last one small */
#define N_WINDOWS 8

/* Every item of the plans' store as the brute force sees it. */
struct plain_item {
	int64_t	 id;
	int64_t	 feed_id;
	int64_t	 date;
	bool	 read;
	bool	 starred;
	bool	 match;		/* of the search being checked */
};

static uint64_t plan_random = 0x2545f4914f6cdd1dULL;

static unsigned
plan_below(unsigned n)
{
	/* xorshift64: the same store every run. */
	plan_random ^= plan_random << 13;
	plan_random ^= plan_random >> 7;
	plan_random ^= plan_random << 17;
	return (unsigned)(plan_random % n);
}

static bool plan_oldest;

static int
plan_order(const void *a, const void *b)
{
	const struct plain_item *x = a, *y = b;
	int c;

	c = x->date != y->date ? (x->date < y->date ? 1 : -1) :
	    x->id != y->id ? (x->id < y->id ? 1 : -1) : 0;
	return plan_oldest ? -c : c;
}

/* The sorted ids an FTS5 query matches, asked of the index in one go. */
static int64_t *
all_matches(sqlite3 *db, const char *words, size_t *n)
{
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	char *match;

	*n = 0;
	if ((match = store_search_query(words)) == NULL)
		return NULL;
	sqlite3_prepare_v2(db, "SELECT rowid FROM items_fts WHERE items_fts MATCH ?1"
	    " ORDER BY rowid", -1, &st, NULL);
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		ids = xreallocarray(ids, *n + 1, sizeof(*ids));
		ids[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	free(match);
	return ids;
}

static bool
has_id(const int64_t *ids, size_t n, int64_t id)
{
	size_t low = 0, high = n, mid;

	while (low < high) {
		mid = low + (high - low) / 2;
		if (ids[mid] < id)
			low = mid + 1;
		else
			high = mid;
	}
	return low < n && ids[low] == id;
}

/* The ids f selects, as "id,id,...", found the slow way: every item tested
 * against every constraint and the search's matches (matches: sorted, NULL
 * for no search), then sorted. items holds every item. */
static char *
brute_force(struct plain_item *items, size_t n, const int64_t *tagged,
    const int64_t *matches, size_t n_matches, const struct store_filter *f)
{
	struct buf out = BUF_INIT;
	size_t i;
	int64_t skip, taken = 0;
	bool after_seen;

	for (i = 0; i < n; i++) {
		items[i].match = (f->feed_id == 0 || items[i].feed_id == f->feed_id) &&
		    (f->tag == NULL || tagged[items[i].feed_id]) &&
		    (!f->unread_only || !items[i].read) &&
		    (!f->starred_only || items[i].starred) &&
		    items[i].date >= f->since &&
		    (f->search == NULL || has_id(matches, n_matches, items[i].id));
	}
	plan_oldest = f->oldest_first;
	qsort(items, n, sizeof(*items), plan_order);
	skip = f->offset;
	after_seen = f->after_id == 0;
	for (i = 0; i < n && (f->limit == 0 || taken < f->limit); i++) {
		if (!after_seen) {
			/* The position is a row of the list: start past it. */
			after_seen = items[i].id == f->after_id;
			continue;
		}
		if (!items[i].match || skip-- > 0)
			continue;
		buf_appendf(&out, "%lld,", (long long)items[i].id);
		taken++;
	}
	return buf_detach(&out);
}

/* Set f's position to the row at index after of the whole list f selects
 * (none when the list is shorter). */
static void
set_position(struct plain_item *items, size_t n, const int64_t *tagged,
    const int64_t *matches, size_t n_matches, struct store_filter *f, int after)
{
	char *full, *p;
	int64_t id;
	size_t k;

	full = brute_force(items, n, tagged, matches, n_matches, f);
	for (p = full, k = 0; *p != '\0' && k < (size_t)after; p++)
		k += *p == ',';
	id = *p != '\0' ? strtoll(p, NULL, 10) : 0;
	free(full);
	for (k = 0; id != 0 && k < n; k++) {
		if (items[k].id == id) {
			f->after_id = id;
			f->after_date = items[k].date;
		}
	}
}

static char *
store_ids(struct store *s, const struct store_filter *f)
{
	struct id_list l = { NULL, 0, 0 };
	struct buf out = BUF_INIT;
	size_t i;

	if (store_query_items(s, f, collect_id, &l) == -1)
		buf_appendf(&out, "error: %s", store_error(s));
	for (i = 0; i < l.n; i++)
		buf_appendf(&out, "%lld,", (long long)l.ids[i]);
	free(l.ids);
	return buf_detach(&out);
}

/* A store of a few thousand items whose order of arrival has nothing to do
 * with their dates (the worst case for walking matches by id), dates shared
 * by many, words from a small vocabulary: "alpha" in most items, "beta" in
 * about half, "gamma" in few, so each plan of a search is taken; and words
 * that the "odd" tag's feeds seldom or never use, so that the walk gives up
 * on them and hands over. Every filter, order and window must give what
 * brute force gives. */
static void
test_search_plans(void)
{
	static const char *const searches[] = {
		NULL, "alpha", "beta", "gamma", "alpha beta", "al", "alp", "beta gamma",
		"delta", "zzz", "mostlyeven", "evenonly",
	};
	static const struct {
		int		 feed;		/* index + 1, 0 none */
		const char	*tag;
		bool		 unread, starred, since;
	} filters[] = {
		{ 0, NULL, false, false, false },
		{ 2, NULL, false, false, false },
		{ 0, "odd", false, false, false },
		{ 0, "small", false, false, false },
		{ 0, "small", true, false, false },
		{ 0, NULL, true, false, false },
		{ 0, NULL, false, true, false },
		{ 0, NULL, false, false, true },
		{ 1, NULL, true, false, true },
	};
	static const struct {
		int64_t	 limit, offset;
		int	 after;		/* -1: none, else the row of the full list */
	} windows[N_WINDOWS] = {
		{ 0, 0, -1 }, { 5, 0, -1 }, { 114, 0, -1 }, { 20, 37, -1 },
		{ 3, 990, -1 }, { 10, 0, 0 }, { 50, 3, 200 }, { 0, 0, 1500 },
	};
	struct plain_item *items;
	struct store_filter f;
	struct store *s;
	struct item item;
	sqlite3 *db;
	sqlite3_stmt *st;
	char *path, *error = NULL, *want, *got, words[128], guid[32];
	const char *tags[] = { "odd", "small" };
	int64_t feeds[PLAN_FEEDS], odd[PLAN_FEEDS + 64], small[PLAN_FEEDS + 64];
	int64_t *matches, *tagged;
	size_t n = 0, n_matches, si, fi, wi, ci, n_cases, k;
	int i, feed, mismatches = 0, compared = 0, positioned = 0, failed = 0;
	bool oldest;

	path = tmp_path("plans.db");
	if ((s = store_open(path, &error)) == NULL) {
		CHECK(s != NULL);
		fprintf(stderr, "%s\n", error);
		free(error);
		free(path);
		return;
	}
	store_set_time(s, NOW);
	memset(odd, 0, sizeof(odd));
	memset(small, 0, sizeof(small));
	for (i = 0; i < PLAN_FEEDS; i++) {
		snprintf(words, sizeof(words), "https://plans.example/%d", i);
		/* Odd ones: "odd"; the last (odd too) also "small". */
		feeds[i] = store_add_feed(s, words, NULL, tags,
		    i == PLAN_FEEDS - 1 ? 2 : i % 2);
		CHECK(feeds[i] > 0 && feeds[i] < (int64_t)(sizeof(odd) / sizeof(odd[0])));
		odd[feeds[i]] = i % 2;
		small[feeds[i]] = i == PLAN_FEEDS - 1;
	}
	CHECK_INT(store_begin(s), 0);
	for (i = 0; i < PLAN_ITEMS; i++) {
		/* The small feed gets one item in fifty. */
		feed = plan_below(50) == 0 ? PLAN_FEEDS - 1 : (int)plan_below(PLAN_FEEDS - 1);
		snprintf(words, sizeof(words), "%s%s%s%s item%d",
		    plan_below(10) < 8 ? "alpha " : "", plan_below(2) ? "beta " : "",
		    plan_below(50) == 0 ? "gamma " : "", feed % 2 == 0 ?
		    "mostlyeven evenonly" : plan_below(50) == 0 ? "mostlyeven" : "", i);
		snprintf(guid, sizeof(guid), "plan-%d", i);
		make_item(&item, guid, words, NULL, NOW - (int64_t)plan_below(400) * DAY);
		if (store_upsert_item(s, feeds[feed], &item, NULL) != 0)
			failed++;
		item_clear(&item);
	}
	CHECK_INT(store_commit(s), 0);
	CHECK_INT(failed, 0);

	db = raw_open(path);
	CHECK_INT(raw_exec(db, "UPDATE items SET read = 1 WHERE id % 3 = 0;"
	    " UPDATE items SET starred = 1 WHERE id % 7 = 0"), SQLITE_OK);
	items = xcalloc(PLAN_ITEMS, sizeof(*items));
	sqlite3_prepare_v2(db, "SELECT id, feed_id, sort_date, read, starred FROM items",
	    -1, &st, NULL);
	while (n < PLAN_ITEMS && sqlite3_step(st) == SQLITE_ROW) {
		items[n].id = sqlite3_column_int64(st, 0);
		items[n].feed_id = sqlite3_column_int64(st, 1);
		items[n].date = sqlite3_column_int64(st, 2);
		items[n].read = sqlite3_column_int(st, 3) != 0;
		items[n].starred = sqlite3_column_int(st, 4) != 0;
		n++;
	}
	sqlite3_finalize(st);
	CHECK_INT(n, PLAN_ITEMS);
	/* The plans taken: "alpha" and "beta" match many (a walk), "gamma"
	 * few (sorted in memory). */
	CHECK(raw_int(db, "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'beta'") >
	    1000);
	CHECK(raw_int(db, "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'gamma'") <
	    200);

	n_cases = sizeof(filters) / sizeof(filters[0]) * N_WINDOWS * 2;
	for (si = 0; si < sizeof(searches) / sizeof(searches[0]); si++) {
		matches = all_matches(db, searches[si], &n_matches);
		for (ci = 0; ci < n_cases; ci++) {
			fi = ci / (N_WINDOWS * 2);
			wi = ci / 2 % N_WINDOWS;
			memset(&f, 0, sizeof(f));
			f.search = searches[si];
			f.feed_id = filters[fi].feed > 0 ? feeds[filters[fi].feed - 1] : 0;
			f.tag = filters[fi].tag;
			f.unread_only = filters[fi].unread;
			f.starred_only = filters[fi].starred;
			f.since = filters[fi].since ? NOW - 200 * DAY : 0;
			f.oldest_first = ci % 2 == 1;
			tagged = f.tag != NULL && strcmp(f.tag, "small") == 0 ? small : odd;
			if (windows[wi].after >= 0)
				set_position(items, n, tagged, matches, n_matches, &f,
				    windows[wi].after);
			positioned += f.after_id != 0;
			f.limit = windows[wi].limit;
			f.offset = windows[wi].offset;
			want = brute_force(items, n, tagged, matches, n_matches, &f);
			got = store_ids(s, &f);
			compared++;
			if (strcmp(want, got) != 0 && mismatches++ < 5)
				fprintf(stderr, "search \"%s\", filters %zu, window %zu, %s:\n"
				    "  got  %.200s\n  want %.200s\n", f.search != NULL ?
				    f.search : "", fi, wi, f.oldest_first ? "oldest first" :
				    "newest first", got, want);
			free(want);
			free(got);
		}
		free(matches);
	}
	CHECK_INT(mismatches, 0);
	CHECK_INT(compared, 12 * 9 * N_WINDOWS * 2);
	CHECK(positioned > 200);

	/* A whole dense search paged by position both ways, windows of 114
	 * as the reader asks, against brute force. */
	for (oldest = false; ; oldest = true) {
		struct id_list pages = { NULL, 0, 0 };
		struct buf joined = BUF_INIT;

		memset(&f, 0, sizeof(f));
		f.search = "beta";
		f.oldest_first = oldest;
		matches = all_matches(db, f.search, &n_matches);
		want = brute_force(items, n, odd, matches, n_matches, &f);
		free(matches);
		f.limit = 114;
		do {
			k = pages.n;
			f.after_id = k > 0 ? pages.ids[k - 1] : 0;
			f.after_date = pages.last_date;
			store_query_items(s, &f, collect_id, &pages);
		} while (pages.n > k);
		for (k = 0; k < pages.n; k++)
			buf_appendf(&joined, "%lld,", (long long)pages.ids[k]);
		CHECK_STR(buf_str(&joined), want);
		buf_free(&joined);
		free(pages.ids);
		free(want);
		if (oldest)
			break;
	}

	sqlite3_close(db);
	free(items);
	store_close(&s);
	free(path);
}

/* The titles a search selects, newest first. */
static char *
search_titles(struct store *s, const char *words)
{
	struct store_filter f;

	memset(&f, 0, sizeof(f));
	f.search = words;
	return titles(s, &f);
}

#define CHECK_SEARCH(s, words, want) do { \
	char *got__ = search_titles((s), (words)); \
	CHECK_STR(got__, (want)); \
	free(got__); \
} while (0)

/* Search that fits its languages: Greek without accents, Latin without
 * diacritics, categories and full stories; a store from schema 5 gets its
 * index made again by the migration, with the same words. */
static void
test_search_languages(void)
{
	struct store *s;
	struct item item;
	sqlite3 *db;
	char *path, *error = NULL;
	int64_t feed;

	path = tmp_path("languages.db");
	CHECK_INT(store_create_schema(path, 5, &error), 0);
	db = raw_open(path);
	/* Rows written before the index knew categories or stories. */
	CHECK_INT(raw_exec(db, "INSERT INTO feeds (id, url, added) VALUES (1, 'http://a/', 0);"
	    "INSERT INTO items (id, feed_id, guid, first_seen, title, content,"
	    " categories, story) VALUES (1, 1, 'old', 10, 'Το ντέρμπι της Λευκωσίας',"
	    " '<p>Crème brûlée</p>', 'Αθλητικά\nSport', '<p>Storyword άγνωστη</p>')"),
	    SQLITE_OK);
	sqlite3_close(db);
	if ((s = store_open(path, &error)) == NULL) {
		CHECK(s != NULL);
		fprintf(stderr, "%s\n", error);
		free(error);
		free(path);
		return;
	}
	store_set_time(s, NOW);
	db = raw_open(path);
	CHECK_INT(raw_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CHECK_INT(raw_int(db, "SELECT count(*) FROM items_fts"), 1);
	sqlite3_close(db);
	CHECK_SEARCH(s, "ντερμπι", "Το ντέρμπι της Λευκωσίας");
	CHECK_SEARCH(s, "ΛΕΥΚΩΣΙΑΣ", "Το ντέρμπι της Λευκωσίας");
	CHECK_SEARCH(s, "λευκωσιας", "Το ντέρμπι της Λευκωσίας");
	CHECK_SEARCH(s, "creme brulee", "Το ντέρμπι της Λευκωσίας");
	CHECK_SEARCH(s, "αθλητικα", "Το ντέρμπι της Λευκωσίας");
	CHECK_SEARCH(s, "agnwsth", "");
	CHECK_SEARCH(s, "αγνωστη", "Το ντέρμπι της Λευκωσίας");

	/* New items, through the store. */
	feed = store_add_feed(s, "http://b/", NULL, NULL, 0);
	CHECK(feed > 0);
	make_item(&item, "new", "Εκλογές στην Κύπρο", "<p>Zürich</p>", NOW);
	item_add_category(&item, "Πολιτική");
	CHECK_INT(store_upsert_item(s, feed, &item, NULL), 0);
	item_clear(&item);
	CHECK_SEARCH(s, "εκλογες", "Εκλογές στην Κύπρο");
	CHECK_SEARCH(s, "zurich", "Εκλογές στην Κύπρο");
	CHECK_SEARCH(s, "πολιτικη", "Εκλογές στην Κύπρο");
	CHECK_SEARCH(s, "onlyinstory", "");

	/* A full story is searched as soon as it is stored. */
	CHECK_INT(store_set_item_story(s, store_last_item_id(s),
	    "<p>Onlyinstory <b>ανακοίνωση</b></p>", NULL), 0);
	CHECK_SEARCH(s, "onlyinstory", "Εκλογές στην Κύπρο");
	CHECK_SEARCH(s, "ανακοινωση", "Εκλογές στην Κύπρο");

	/* The item comes again, changed: still found by its story and its
	 * new category. */
	make_item(&item, "new", "Εκλογές στην Κύπρο", "<p>Zürich, edited</p>", NOW);
	item_add_category(&item, "Κοινωνία");
	CHECK_INT(store_upsert_item(s, feed, &item, NULL), 0);
	item_clear(&item);
	CHECK_SEARCH(s, "onlyinstory edited", "Εκλογές στην Κύπρο");
	CHECK_SEARCH(s, "κοινωνια", "Εκλογές στην Κύπρο");
	CHECK_SEARCH(s, "πολιτικη", "");
	store_close(&s);
	free(path);
}

int
main(void)
{
	const char *base;
	char *template;

	if ((base = getenv("TMPDIR")) == NULL || *base == '\0')
		base = "/tmp";
	template = xasprintf("%s/test-store-search-XXXXXX", base);
	if ((tmpdir = mkdtemp(template)) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_search_query();
	test_search_plans();
	test_search_languages();
	test_remove_tree(tmpdir);
	free(tmpdir);
	return test_done();
}
