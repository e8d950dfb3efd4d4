/* test-filter.c: the filter language against a real store: a table of
 * expressions with the items each must select, syntax errors with their
 * columns, injection attempts that must stay data, killfile rules in both
 * modes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "feed.h"
#include "filter.h"
#include "store.h"
#include "test.h"
#include "xmalloc.h"

/* 2024-05-20T00:00:00Z: ages count from here. */
#define NOW ((int64_t)1716163200)
#define DAY (24 * 60 * 60)

static int64_t ids[6];

static void
add_item(struct store *s, int n, int64_t feed, const char *title, const char *author,
    const char *content, const char *published, const char *category,
    const char *enclosure)
{
	struct item item;
	struct enclosure *e;
	char guid[16];

	item_init(&item);
	snprintf(guid, sizeof(guid), "g%d", n);
	item.id = xstrdup(guid);
	item.title = xstrdup(title);
	item.author = xstrdup(author);
	item.link = xasprintf("https://example.org/%d", n);
	item.content = content != NULL ? xstrdup(content) : NULL;
	item.published = date_parse(published);
	if (category != NULL) {
		item_add_category(&item, category);
		item_add_category(&item, "os");
	}
	if (enclosure != NULL) {
		e = item_add_enclosure(&item);
		e->url = xstrdup(enclosure);
		e->type = xstrdup("audio/mpeg");
	}
	CHECK_INT(store_upsert_item(s, feed, &item, NULL), 0);
	ids[n] = store_last_item_id(s);
	item_clear(&item);
}

static int
on_item(void *ctx, const struct store_item *item)
{
	struct buf *b = ctx;

	if (b->len > 0)
		buf_append_char(b, '|');
	buf_append_str(b, item->title);
	return 0;
}

/* The titles expr selects, newest first, '|' between; "ERROR" when it
 * does not compile, "FAILED" when the query fails. Owned. */
static char *
titles(struct store *s, const char *expr)
{
	struct filter_error error;
	struct store_filter f;
	struct filter_sql q;
	struct filter *tree;
	struct buf b = BUF_INIT;
	int64_t n, count;
	char *got;

	if ((tree = filter_parse(expr, &error)) == NULL)
		return xstrdup("ERROR");
	filter_sql_init(&q);
	if (filter_sql_compile(&q, tree, FILTER_STORED, &error) == -1) {
		filter_free(&tree);
		filter_sql_clear(&q);
		return xstrdup("ERROR");
	}
	memset(&f, 0, sizeof(f));
	f.where = &q;
	n = store_query_items(s, &f, on_item, &b);
	count = store_count_items(s, &f);
	if (n == -1 || count != n) {
		fprintf(stderr, "%s: %s (%lld rows, count %lld)\n", expr, store_error(s),
		    (long long)n, (long long)count);
		buf_reset(&b);
		buf_append_str(&b, "FAILED");
	}
	filter_sql_clear(&q);
	filter_free(&tree);
	got = xstrdup(buf_str(&b));
	buf_free(&b);
	return got;
}

static const struct {
	const char	*expr;
	const char	*want;
} table[] = {
	{ "title = \"Gentoo news\"", "Gentoo news" },
	{ "title == \"gentoo news\"", "" },
	{ "title != \"Gentoo news\"",
	    "Quote \"this\"; DROP TABLE items; --|Linux 6.0 released|FreeBSD 14|Old stuff" },
	{ "title =~ \"gentoo\"", "Gentoo news" },
	{ "title !~ \"o\"", "Linux 6.0 released|FreeBSD 14" },
	{ "title =~ \"^(linux|freebsd) [0-9]+\"", "Linux 6.0 released|FreeBSD 14" },
	{ "title # \"news\"", "Gentoo news" },
	{ "title # \"new\"", "" },
	{ "title # \"Gentoo news\"", "" },
	{ "unread = \"yes\"",
	    "Quote \"this\"; DROP TABLE items; --|Linux 6.0 released|FreeBSD 14|Old stuff" },
	{ "unread = \"no\"", "Gentoo news" },
	{ "starred = \"yes\"", "FreeBSD 14" },
	{ "unread != \"no\"",
	    "Quote \"this\"; DROP TABLE items; --|Linux 6.0 released|FreeBSD 14|Old stuff" },
	{ "starred != \"yes\"",
	    "Quote \"this\"; DROP TABLE items; --|Gentoo news|Linux 6.0 released|Old stuff" },
	{ "unread = \"maybe\"", "" },
	{ "unread =~ \"^y\"",
	    "Quote \"this\"; DROP TABLE items; --|Linux 6.0 released|FreeBSD 14|Old stuff" },
	{ "tags # \"tech\"", "Gentoo news|Linux 6.0 released" },
	{ "tags !# \"tech\"", "Quote \"this\"; DROP TABLE items; --|FreeBSD 14|Old stuff" },
	{ "tags = \"news tech\"", "Gentoo news|Linux 6.0 released" },
	{ "tags # \"\"", "" },
	{ "feedurl = \"https://b.example/feed\"",
	    "Quote \"this\"; DROP TABLE items; --|FreeBSD 14|Old stuff" },
	{ "rssurl =~ \"^https://a\\.example\"", "Gentoo news|Linux 6.0 released" },
	{ "feedtitle = \"Feed A\"", "Gentoo news|Linux 6.0 released" },
	{ "age < 10", "Quote \"this\"; DROP TABLE items; --" },
	{ "age <= 10", "Quote \"this\"; DROP TABLE items; --|Gentoo news" },
	{ "age between 10:20", "Gentoo news|Linux 6.0 released" },
	{ "age between 20:10", "Gentoo news|Linux 6.0 released" },
	{ "age > 1000", "Old stuff" },
	{ "age = 5", "Quote \"this\"; DROP TABLE items; --" },
	{ "date >= \"2024-05-01\"",
	    "Quote \"this\"; DROP TABLE items; --|Gentoo news|Linux 6.0 released" },
	{ "date < \"2024-05-01\"", "FreeBSD 14|Old stuff" },
	{ "date =~ \"^2024-04\"", "FreeBSD 14" },
	{ "date = \"2024-05-01T00:00:00Z\"", "Linux 6.0 released" },
	{ "author = \"O'Brien\"", "Quote \"this\"; DROP TABLE items; --" },
	{ "title = \"Quote \\\"this\\\"; DROP TABLE items; --\"",
	    "Quote \"this\"; DROP TABLE items; --" },
	{ "title =~ \"'; DROP TABLE items; --\"", "" },
	{ "category # \"kernel\"", "Linux 6.0 released" },
	{ "category # \"kern\"", "" },
	{ "category =~ \"^kernel os$\"", "Linux 6.0 released" },
	{ "enclosure_url =~ \"mp3$\"", "Linux 6.0 released" },
	{ "enclosure_type = \"audio/mpeg\"", "Linux 6.0 released" },
	{ "content =~ \"<p>kernel\"", "Linux 6.0 released" },
	{ "search = \"kernel\"", "Linux 6.0 released" },
	{ "search = \"KERN\"", "Linux 6.0 released" },
	{ "search != \"kernel\"",
	    "Quote \"this\"; DROP TABLE items; --|Gentoo news|FreeBSD 14|Old stuff" },
	/* FTS5 syntax stays words: no operator, no error. */
	{ "search = \"kernel OR gentoo\"", "" },
	{ "search = \"NEAR(kernel\"", "" },
	{ "search = \"\\\"\\\" * :\"", "" },
	{ "guid = \"g3\"", "FreeBSD 14" },
	{ "flags = \"\"",
	    "Quote \"this\"; DROP TABLE items; --|Gentoo news|Linux 6.0 released|FreeBSD 14|Old stuff" },
	{ "link =~ \"/5$\"", "Old stuff" },
	{ "unread_count > 2", "Quote \"this\"; DROP TABLE items; --|FreeBSD 14|Old stuff" },
	{ "total_count = 2", "Gentoo news|Linux 6.0 released" },
	{ "( author =~ \"Frank\" or author =~ \"John\" ) and "
	    "( title =~ \"Linux\" or title =~ \"FreeBSD\" )", "FreeBSD 14" },
	/* newsboat's grouping: from the right, "and" and "or" alike. */
	{ "title =~ \"Gentoo\" and unread = \"yes\" or starred = \"yes\"", "" },
	{ "(title =~ \"Gentoo\" and unread = \"yes\") or starred = \"yes\"", "FreeBSD 14" },
	{ "starred = \"yes\" or title =~ \"Gentoo\" and unread = \"no\"",
	    "Gentoo news|FreeBSD 14" },
	{ "title=\"Old stuff\"and(age>1)", "Old stuff" },
	{ "((title = \"Old stuff\"))", "Old stuff" },
	{ "title < 7", "Linux 6.0 released|FreeBSD 14|Old stuff|"
	    "Quote \"this\"; DROP TABLE items; --|Gentoo news" },
};

static void
test_table(struct store *s)
{
	size_t i;
	char *got;

	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		got = titles(s, table[i].expr);
		if (strcmp(table[i].expr, "title < 7") == 0) {
			/* Every title reads as 0 as a number: all, any order. */
			CHECK_INT(strlen(got), strlen(table[i].want));
		} else {
			if (strcmp(got, table[i].want) != 0)
				fprintf(stderr, "expression: %s\n", table[i].expr);
			CHECK_STR(got, table[i].want);
		}
		free(got);
	}
}

static const struct {
	const char	*expr;
	size_t		 column;
	const char	*message;	/* the start of it */
} errors[] = {
	{ "", 1, "expected an attribute name" },
	{ "   ", 4, "expected an attribute name" },
	{ "title", 6, "expected an operator" },
	{ "title = ", 9, "expected a value" },
	{ "title = \"abc", 9, "expected a closing '\"'" },
	{ "title = abc", 9, "expected a value" },
	{ "a !! \"b\"", 3, "expected an operator" },
	{ "((a=\"b\")))", 10, "expected the end" },
	{ "(title = \"x\"", 13, "expected \"and\", \"or\" or ')'" },
	{ "title = \"x\" and", 16, "expected an attribute name" },
	{ "title = \"x\" xor y = \"z\"", 13, "expected \"and\", \"or\" or the end" },
	{ "x=1andy=0", 4, "expected \"and\", \"or\" or the end" },
	{ "age between 1:", 15, "expected a number" },
	{ "age = 99999999999999999999", 7, "number out of range" },
	{ "title = \"x\"; DROP TABLE items", 12, "expected \"and\", \"or\" or the end" },
	/* Compile errors: the culprit's column. */
	{ "nosuch = \"x\"", 1, "unknown attribute 'nosuch'" },
	{ "title = \"x\" and Title = \"y\"", 17, "unknown attribute 'Title'" },
	{ "title =~ \"(\"", 10, "not a regular expression" },
	{ "age between 5", 13, "a range" },
	{ "date < 5", 8, "a date in double quotes" },
	{ "date < \"yesterday\"", 8, "a date in double quotes" },
	{ "search =~ \"x\"", 8, "search takes = or !=" },
	{ "search = \"  \"", 10, "search needs a word" },
};

static void
test_errors(void)
{
	struct filter_error error;
	struct filter_sql q;
	struct filter *f;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		memset(&error, 0, sizeof(error));
		if ((f = filter_parse(errors[i].expr, &error)) != NULL) {
			filter_sql_init(&q);
			rc = filter_sql_compile(&q, f, FILTER_STORED, &error);
			filter_sql_clear(&q);
			filter_free(&f);
			CHECK_INT(rc, -1);
		}
		if (error.column != errors[i].column ||
		    strncmp(error.message, errors[i].message, strlen(errors[i].message)) != 0)
			fprintf(stderr, "expression: '%s': column %zu: %s\n", errors[i].expr,
			    error.column, error.message);
		CHECK_INT(error.column, errors[i].column);
		CHECK(strncmp(error.message, errors[i].message,
		    strlen(errors[i].message)) == 0);
	}
	/* Deep nesting and long chains are refused, not recursed into. */
	{
		struct buf b = BUF_INIT;

		for (i = 0; i < 100; i++)
			buf_append_char(&b, '(');
		buf_append_str(&b, "age = 1");
		for (i = 0; i < 100; i++)
			buf_append_char(&b, ')');
		f = filter_parse(buf_str(&b), &error);
		CHECK(f == NULL);
		CHECK(strstr(error.message, "nested") != NULL);
		buf_reset(&b);
		for (i = 0; i < 1000; i++)
			buf_append_str(&b, i > 0 ? " or age = 1" : "age = 1");
		f = filter_parse(buf_str(&b), &error);
		CHECK(f == NULL);
		CHECK(strstr(error.message, "comparisons") != NULL);
		buf_free(&b);
	}
	CHECK(filter_parse(NULL, &error) == NULL);
}

/* An item not stored: what a download-mode rule sees. */
static void
test_candidate(struct store *s, int64_t feed_a)
{
	struct filter_error error;
	struct filter_sql q;
	struct filter *f;
	struct item item;
	struct enclosure *e;

	item_init(&item);
	item.id = xstrdup("new-1");
	item.title = xstrdup("Gentoo weekly");
	item.published = NOW - 3 * DAY;
	e = item_add_enclosure(&item);
	e->url = xstrdup("https://a.example/x.ogg");
	e->type = xstrdup("audio/ogg");

	f = filter_parse("title =~ \"^gentoo\" and age < 4 and unread = \"yes\" and "
	    "tags # \"news\" and enclosure_type = \"audio/ogg\" and guid = \"new-1\"",
	    &error);
	CHECK(f != NULL);
	filter_sql_init(&q);
	CHECK_INT(filter_sql_compile(&q, f, FILTER_CANDIDATE, &error), 0);
	CHECK_INT(store_item_matches(s, &q, feed_a, &item), 1);
	filter_sql_clear(&q);
	filter_free(&f);

	f = filter_parse("title =~ \"^gentoo\" and age > 4", &error);
	filter_sql_init(&q);
	CHECK_INT(filter_sql_compile(&q, f, FILTER_CANDIDATE, &error), 0);
	CHECK_INT(store_item_matches(s, &q, feed_a, &item), 0);
	filter_sql_clear(&q);
	filter_free(&f);

	/* No index for items not stored. */
	f = filter_parse("search = \"gentoo\"", &error);
	filter_sql_init(&q);
	CHECK_INT(filter_sql_compile(&q, f, FILTER_CANDIDATE, &error), -1);
	CHECK(strstr(error.message, "search is not available") != NULL);
	filter_sql_clear(&q);
	filter_free(&f);
	item_clear(&item);
}

static char *
view(struct store *s, struct filter_rules *r, const char *expr, bool ignored)
{
	struct filter_error error;
	struct filter *f = NULL;
	struct store_filter sf;
	struct filter_sql q;
	struct buf b = BUF_INIT;
	char err[256], *got;

	if (expr != NULL)
		f = filter_parse(expr, &error);
	filter_sql_init(&q);
	memset(&sf, 0, sizeof(sf));
	CHECK_INT(filter_view_compile(&q, f, r, ignored, err, sizeof(err)), 0);
	sf.where = q.sql.len > 0 ? &q : NULL;
	CHECK(store_query_items(s, &sf, on_item, &b) >= 0);
	filter_sql_clear(&q);
	filter_free(&f);
	got = xstrdup(buf_str(&b));
	buf_free(&b);
	return got;
}

static void
test_rules(struct store *s, int64_t feed_a)
{
	struct filter_rules *r = filter_rules_new();
	struct item item;
	char err[256], *got;

	CHECK_INT(filter_rules_add(r, "* \"title =~ \\\"Gentoo\\\"\"", err, sizeof(err)), 0);
	CHECK_INT(filter_rules_add(r, "https://b.example/feed \"author = \\\"John\\\"\"",
	    err, sizeof(err)), 0);
	CHECK_INT(filter_rules_add(r, "\"regex:^HTTPS://a\\.\" \"age > 15\"  # old ones",
	    err, sizeof(err)), 0);
	/* A rule for another feed hides nothing here. */
	CHECK_INT(filter_rules_add(r, "https://c.example/feed \"age > 0\"", err,
	    sizeof(err)), 0);
	CHECK_INT(filter_rules_count(r), 4);

	CHECK_INT(filter_rules_add(r, "* \"title =\"", err, sizeof(err)), -1);
	CHECK(strstr(err, "column 8: expected a value") != NULL);
	CHECK_INT(filter_rules_add(r, "*", err, sizeof(err)), -1);
	CHECK_INT(filter_rules_add(r, "* \"title = \\\"x\\\"\" extra", err, sizeof(err)), -1);
	CHECK_INT(filter_rules_add(r, "* \"nosuch = 1\"", err, sizeof(err)), -1);
	CHECK(strstr(err, "unknown attribute") != NULL);
	CHECK_INT(filter_rules_count(r), 4);

	/* Download mode hides nothing from views... */
	got = view(s, r, NULL, false);
	CHECK_STR(got, "Quote \"this\"; DROP TABLE items; --|Gentoo news|"
	    "Linux 6.0 released|FreeBSD 14|Old stuff");
	free(got);
	filter_rules_set_mode(r, FILTER_IGNORE_DISPLAY);
	got = view(s, r, NULL, false);
	CHECK_STR(got, "Quote \"this\"; DROP TABLE items; --|Old stuff");
	free(got);
	got = view(s, r, NULL, true);
	CHECK_STR(got, "Gentoo news|Linux 6.0 released|FreeBSD 14");
	free(got);
	got = view(s, r, "unread = \"yes\"", true);
	CHECK_STR(got, "Linux 6.0 released|FreeBSD 14");
	free(got);
	got = view(s, r, "age < 100", false);
	CHECK_STR(got, "Quote \"this\"; DROP TABLE items; --");
	free(got);

	/* ...and drops matching items before they are stored. */
	item_init(&item);
	item.id = xstrdup("new-2");
	item.title = xstrdup("More Gentoo");
	item.published = NOW;
	CHECK_INT(filter_rules_drop(r, s, feed_a, &item), 0);	/* display mode */
	filter_rules_set_mode(r, FILTER_IGNORE_DOWNLOAD);
	CHECK_INT(filter_rules_check(r, err, sizeof(err)), 0);
	CHECK_INT(filter_rules_drop(r, s, feed_a, &item), 1);
	free(item.title);
	item.title = xstrdup("Fine");
	CHECK_INT(filter_rules_drop(r, s, feed_a, &item), 0);
	item.published = NOW - 30 * DAY;
	CHECK_INT(filter_rules_drop(r, s, feed_a, &item), 1);
	item_clear(&item);
	CHECK_INT(filter_rules_drop(NULL, s, feed_a, &item), 0);

	/* A search rule cannot run at download. */
	CHECK_INT(filter_rules_add(r, "* \"search = \\\"x\\\"\"", err, sizeof(err)), 0);
	CHECK_INT(filter_rules_check(r, err, sizeof(err)), -1);
	CHECK(strstr(err, "search is not available") != NULL);
	filter_rules_free(&r);
	CHECK(r == NULL);
}

/* age compared with numbers compiles to date ranges: they must agree with
 * the days counted the plain way (rounded toward zero) at every edge. */
static void
test_age_edges(struct store *s)
{
	static const int64_t offsets[] = { 0, -1, -DAY, -DAY - 1, 1, DAY - 1, DAY,
	    DAY + 1, 2 * DAY - 1, 2 * DAY, 3 * DAY + 5 };
	static const char *const ops[] = { "<", "<=", ">", ">=" };
	const char *tags[] = { "edges" };
	struct item item;
	char guid[32], expr[96], *got;
	int64_t feed, age, n;
	size_t i, o;
	bool want;

	feed = store_add_feed(s, "https://c.example/feed", "Feed C", tags, 1);
	for (i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
		item_init(&item);
		snprintf(guid, sizeof(guid), "edge-%zu", i);
		item.id = xstrdup(guid);
		item.title = xstrdup(guid);
		item.published = NOW - offsets[i];
		CHECK_INT(store_upsert_item(s, feed, &item, NULL), 0);
		item_clear(&item);
	}
	for (i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
		age = offsets[i] / DAY;
		for (o = 0; o < 4; o++) {
			for (n = -2; n <= 4; n++) {
				switch (o) {
				case 0: want = age < n; break;
				case 1: want = age <= n; break;
				case 2: want = age > n; break;
				default: want = age >= n; break;
				}
				snprintf(expr, sizeof(expr), "guid = \"edge-%zu\" and age %s %lld",
				    i, ops[o], (long long)n);
				got = titles(s, expr);
				if ((got[0] != '\0') != want)
					fprintf(stderr, "%s: age %lld\n", expr, (long long)age);
				CHECK((got[0] != '\0') == want);
				free(got);
			}
		}
	}
}

struct seen {
	struct buf	 names;
	int64_t		 first_id;
};

static int
on_query(void *ctx, const struct store_query_feed *q)
{
	struct seen *seen = ctx;
	size_t i;

	if (seen->names.len > 0)
		buf_append_char(&seen->names, '|');
	buf_appendf(&seen->names, "%s=%s", q->name, q->expression);
	for (i = 0; i < q->n_tags; i++)
		buf_appendf(&seen->names, "#%s", q->tags[i]);
	if (seen->first_id == 0)
		seen->first_id = q->id;
	return 0;
}

/* Query feeds are kept in the store (schema 5), a store of schema 3
 * migrated to it. */
static void
test_queries(const char *dir)
{
	const char *tags[] = { "news", "", "linux" };
	struct seen seen = { BUF_INIT, 0 };
	struct store *s;
	char *path, *error = NULL;

	path = xasprintf("%s/old.db", dir);
	CHECK_INT(store_create_schema(path, 3, &error), 0);
	s = store_open(path, &error);
	CHECK(s != NULL);
	if (s == NULL)
		return;
	CHECK(store_add_query(s, "Unread", "unread = \"yes\"", NULL, 0) > 0);
	CHECK(store_add_query(s, "gentoo", "title =~ \"gentoo\"", tags, 3) > 0);
	CHECK_INT(store_add_query(s, "Unread", "age > 1", NULL, 0), -1);
	CHECK(strstr(store_error(s), "exists already") != NULL);
	CHECK_INT(store_each_query(s, on_query, &seen), 2);
	CHECK_STR(buf_str(&seen.names),
	    "gentoo=title =~ \"gentoo\"#news#linux|Unread=unread = \"yes\"");
	CHECK_INT(store_remove_query(s, "gentoo"), 0);
	CHECK_INT(store_remove_query(s, "gentoo"), -1);
	CHECK(strstr(store_error(s), "no query feed") != NULL);
	buf_reset(&seen.names);
	CHECK_INT(store_each_query(s, on_query, &seen), 1);
	CHECK_STR(buf_str(&seen.names), "Unread=unread = \"yes\"");
	buf_free(&seen.names);
	store_close(&s);
	unlink(path);
	free(path);
	path = xasprintf("%s/old.db-wal", dir);
	unlink(path);
	free(path);
	path = xasprintf("%s/old.db-shm", dir);
	unlink(path);
	free(path);
}

int
main(void)
{
	const char *base, *tags_a[] = { "news", "tech" }, *tags_b[] = { "fun" };
	char *template, *dir, *path, *error = NULL, *extra;
	struct store *s;
	int64_t a, b;

	test_errors();

	if ((base = getenv("TMPDIR")) == NULL || *base == '\0')
		base = "/tmp";
	template = xasprintf("%s/test-filter-XXXXXX", base);
	if ((dir = mkdtemp(template)) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	path = xasprintf("%s/store.db", dir);
	if ((s = store_open(path, &error)) == NULL) {
		fprintf(stderr, "%s\n", error);
		return 1;
	}
	store_set_time(s, NOW);
	a = store_add_feed(s, "https://a.example/feed", "Feed A", tags_a, 2);
	b = store_add_feed(s, "https://b.example/feed", "Feed B", tags_b, 1);
	CHECK(a > 0 && b > 0);
	add_item(s, 1, a, "Linux 6.0 released", "Linus", "<p>kernel</p>",
	    "2024-05-01T00:00:00Z", "kernel", "https://a.example/ep1.mp3");
	add_item(s, 2, a, "Gentoo news", "Frank", NULL, "2024-05-10T00:00:00Z", NULL, NULL);
	add_item(s, 3, b, "FreeBSD 14", "John", NULL, "2024-04-01T00:00:00Z", NULL, NULL);
	add_item(s, 4, b, "Quote \"this\"; DROP TABLE items; --", "O'Brien", NULL,
	    "2024-05-15T00:00:00Z", NULL, NULL);
	add_item(s, 5, b, "Old stuff", "Nobody", NULL, "2020-01-01T00:00:00Z", NULL, NULL);
	CHECK_INT(store_mark_item_read(s, ids[2], true), 0);
	CHECK_INT(store_set_item_starred(s, ids[3], true), 0);

	test_table(s);
	test_candidate(s, a);
	test_rules(s, a);
	test_age_edges(s);
	/* Nothing above changed the store. */
	{
		struct store_filter f;

		memset(&f, 0, sizeof(f));
		CHECK_INT(store_count_items(s, &f), 16);
	}

	store_close(&s);
	test_queries(dir);
	unlink(path);
	extra = xasprintf("%s-wal", path);
	unlink(extra);
	free(extra);
	extra = xasprintf("%s-shm", path);
	unlink(extra);
	free(extra);
	rmdir(dir);
	free(path);
	free(dir);
	return test_done();
}
