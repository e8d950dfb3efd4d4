/* test-feed.c: the neutral model: initialisation, categories, enclosures,
 * format names, the stable item identity and the cleaning of text fields. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "test.h"
#include "xmalloc.h"

static void
test_identity(void)
{
	struct item a, b;
	char *ida, *idb;

	item_init(&a);
	item_init(&b);

	/* Nothing at all still gives a stable hash. */
	ida = item_identity(&a);
	idb = item_identity(&b);
	CHECK(strncmp(ida, "hash:", 5) == 0);
	CHECK_INT(strlen(ida), 5 + 16);
	CHECK_STR(ida, idb);
	free(ida);
	free(idb);

	/* Title, date and content make the hash; each one changes it. */
	a.title = xstrdup("Title");
	a.published = 1000;
	a.content = xstrdup("<p>x</p>");
	b.title = xstrdup("Title");
	b.published = 1000;
	b.content = xstrdup("<p>x</p>");
	ida = item_identity(&a);
	idb = item_identity(&b);
	CHECK_STR(ida, idb);
	free(idb);
	b.published = 1001;
	idb = item_identity(&b);
	CHECK(strcmp(ida, idb) != 0);
	free(idb);
	b.published = 1000;
	free(b.content);
	b.content = xstrdup("<p>y</p>");
	idb = item_identity(&b);
	CHECK(strcmp(ida, idb) != 0);
	free(idb);
	/* ("ab", "c") and ("a", "bc") must not collide by concatenation. */
	free(a.title);
	free(b.title);
	a.title = xstrdup("ab");
	b.title = xstrdup("a");
	free(a.content);
	free(b.content);
	a.content = xstrdup("c");
	b.content = xstrdup("bc");
	free(ida);
	ida = item_identity(&a);
	idb = item_identity(&b);
	CHECK(strcmp(ida, idb) != 0);
	free(ida);
	free(idb);

	/* A link beats the hash; an id beats the link; empty ones do not count. */
	a.link = xstrdup("https://example.org/1");
	ida = item_identity(&a);
	CHECK_STR(ida, "https://example.org/1");
	free(ida);
	a.id = xstrdup("");
	ida = item_identity(&a);
	CHECK_STR(ida, "https://example.org/1");
	free(ida);
	free(a.id);
	a.id = xstrdup("tag:example.org,2026:1");
	ida = item_identity(&a);
	CHECK_STR(ida, "tag:example.org,2026:1");
	free(ida);

	item_clear(&a);
	item_clear(&b);
	CHECK(a.title == NULL && a.published == DATE_NONE);
}

static void
test_lists(void)
{
	struct item item;
	struct enclosure *e;
	int i;

	item_init(&item);
	for (i = 0; i < 100; i++)
		item_add_category(&item, i % 2 ? "odd" : "even");
	CHECK_INT(item.n_categories, 100);
	CHECK_STR(item.categories[0], "even");
	CHECK_STR(item.categories[99], "odd");
	e = item_add_enclosure(&item);
	CHECK(e->url == NULL && e->type == NULL && e->length == NULL);
	e->url = xstrdup("https://example.org/a.mp3");
	e = item_add_enclosure(&item);
	CHECK_INT(item.n_enclosures, 2);
	CHECK_STR(item.enclosures[0].url, "https://example.org/a.mp3");
	item_clear(&item);
	CHECK_INT(item.n_categories, 0);
	CHECK_INT(item.n_enclosures, 0);
}

static void
add_enclosure(struct item *item, const char *url, const char *type, const char *length)
{
	struct enclosure *e = item_add_enclosure(item);

	e->url = url != NULL ? xstrdup(url) : NULL;
	e->type = type != NULL ? xstrdup(type) : NULL;
	e->length = length != NULL ? xstrdup(length) : NULL;
}

static void
test_collapse_enclosures(void)
{
	struct item item;

	item_init(&item);
	add_enclosure(&item, "https://example.org/a.mp3", NULL, "10");
	add_enclosure(&item, "https://example.org/b.mp3", "audio/mpeg", NULL);
	add_enclosure(&item, "https://example.org/a.mp3", "audio/mpeg", "99");
	add_enclosure(&item, NULL, NULL, NULL);
	add_enclosure(&item, "https://example.org/a.mp3", NULL, NULL);
	add_enclosure(&item, NULL, NULL, NULL);
	item_collapse_enclosures(&item);
	CHECK_INT(item.n_enclosures, 4);
	CHECK_STR(item.enclosures[0].url, "https://example.org/a.mp3");
	CHECK_STR(item.enclosures[0].type, "audio/mpeg");
	CHECK_STR(item.enclosures[0].length, "10");
	CHECK_STR(item.enclosures[1].url, "https://example.org/b.mp3");
	CHECK(item.enclosures[2].url == NULL && item.enclosures[3].url == NULL);
	item_clear(&item);
	item_collapse_enclosures(&item);
	CHECK_INT(item.n_enclosures, 0);
}

static void
test_formats(void)
{
	static const struct {
		enum feed_format format;
		const char *name;
	} rows[] = {
		{ FEED_FORMAT_UNKNOWN, "unknown" },
		{ FEED_FORMAT_RSS09, "rss0.9x" },
		{ FEED_FORMAT_RSS10, "rss1.0" },
		{ FEED_FORMAT_RSS20, "rss2.0" },
		{ FEED_FORMAT_ATOM03, "atom0.3" },
		{ FEED_FORMAT_ATOM10, "atom1.0" },
		{ FEED_FORMAT_JSON, "json" },
	};
	struct feed feed;
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		CHECK_STR(feed_format_name(rows[i].format), rows[i].name);
	feed_init(&feed);
	CHECK(feed.updated == DATE_NONE && feed.title == NULL);
	feed.title = xstrdup("t");
	feed_clear(&feed);
	CHECK(feed.title == NULL);
}

/* What the parser hands out has no controls, C1 or bidi controls in its
 * text fields; HTML keeps its markup and white space; ids and URLs are
 * left as written. */
static void
test_sanitize(void)
{
	struct item item;
	struct feed feed;
	struct enclosure *e;

	item_init(&item);
	item_sanitize(&item);		/* all NULL: nothing to do */
	CHECK(item.title == NULL && item.n_categories == 0);

	item.id = xstrdup("id\xc2\x81");
	item.title = xstrdup("T\xc2\x81i\xc2\x8dt\xc2\x8fl\xc2\x90" "e\xc2\x9d \xe2\x80\xae" "1");
	item.link = xstrdup("https://e.example/\xc2\x81");
	item.author = xstrdup("\xe2\x81\xa6" "Alice\xe2\x81\xa9\t(ed.)");
	item.summary = xstrdup("<p>a\tb\n\xc2\x9b" "c\xe2\x80\xab</p>");
	item.content = xstrdup("<p>\x1b]0;owned\x07ok</p>");
	item.duration = xstrdup("1:00\x7f");
	item_add_category(&item, "news\xe2\x80\xac");
	item_add_category(&item, "\xc2\x90\xe2\x80\xae");
	item_add_category(&item, "\xe6\x97\xa5\xe6\x9c\xac");
	e = item_add_enclosure(&item);
	e->url = xstrdup("https://e.example/a.mp3");
	e->type = xstrdup("audio/mpeg\xc2\x85");
	e->length = xstrdup("12\n");
	item_sanitize(&item);
	CHECK_STR(item.title, "Title 1");
	CHECK_STR(item.author, "Alice (ed.)");
	CHECK_STR(item.summary, "<p>a\tb\nc</p>");
	CHECK_STR(item.content, "<p>ok</p>");
	CHECK_STR(item.duration, "1:00");
	CHECK_INT(item.n_categories, 2);
	CHECK_STR(item.categories[0], "news");
	CHECK_STR(item.categories[1], "\xe6\x97\xa5\xe6\x9c\xac");
	CHECK_STR(item.enclosures[0].type, "audio/mpeg");
	CHECK_STR(item.enclosures[0].length, "12");
	CHECK_STR(item.id, "id\xc2\x81");
	CHECK_STR(item.link, "https://e.example/\xc2\x81");
	CHECK_STR(item.enclosures[0].url, "https://e.example/a.mp3");
	item_clear(&item);

	feed_init(&feed);
	feed_sanitize(&feed);
	CHECK(feed.title == NULL);
	feed.title = xstrdup("Feed\xe2\x80\xae\xc2\x9d\x01 name");
	feed.author = xstrdup("\xe2\x81\xa7" "Bob");
	feed.description = xstrdup("<i>\xc2\x8f" "d\xe2\x80\xaa</i>");
	feed.language = xstrdup("en\xc2\x81");
	feed.link = xstrdup("https://e.example/\xe2\x80\xae");
	feed_sanitize(&feed);
	CHECK_STR(feed.title, "Feed name");
	CHECK_STR(feed.author, "Bob");
	CHECK_STR(feed.description, "<i>d</i>");
	CHECK_STR(feed.language, "en");
	CHECK_STR(feed.link, "https://e.example/\xe2\x80\xae");
	feed_clear(&feed);
}

int
main(void)
{
	test_identity();
	test_lists();
	test_collapse_enclosures();
	test_formats();
	test_sanitize();
	return test_done();
}
