/* test-feed.c: the neutral model: initialisation, categories, enclosures,
 * format names and the stable item identity. */
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

int
main(void)
{
	test_identity();
	test_lists();
	test_formats();
	return test_done();
}
