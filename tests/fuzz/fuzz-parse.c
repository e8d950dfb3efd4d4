/* fuzz-parse.c: libFuzzer harness for the feed parser: any bytes, pushed in
 * two or three chunks, must give a feed and items whose every string is valid
 * UTF-8 and whose dates format. Not a unit test: tests/unit/test-fuzz-regress.c
 * replays what this found (it includes this file, renaming the entry point). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "encoding.h"
#include "feed.h"
#include "parse.h"

#ifndef FUZZ_PARSE_ENTRY
#define FUZZ_PARSE_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_PARSE_ENTRY(const uint8_t *data, size_t size);

static void
parse_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz-parse: %s: %s\n", what, detail != NULL ? detail : "(null)");
	abort();
}

static void
parse_check_string(const char *what, const char *s)
{
	size_t len;

	if (s == NULL)
		return;
	len = strlen(s);
	if (encoding_utf8_valid_prefix(s, len) != len)
		parse_fail("invalid UTF-8", what);
}

static void
parse_check_date(const char *what, int64_t t)
{
	char iso[DATE_ISO_SIZE];

	/* date_parse promises years 1 to 9999, which always format. */
	if (t != DATE_NONE && date_format_iso(t, iso)[0] == '\0')
		parse_fail("date out of range", what);
}

static void
parse_check_feed(const struct feed *feed)
{
	parse_check_string("feed title", feed->title);
	parse_check_string("feed link", feed->link);
	parse_check_string("feed description", feed->description);
	parse_check_string("feed language", feed->language);
	parse_check_string("feed author", feed->author);
	parse_check_string("feed image", feed->image);
	parse_check_date("feed updated", feed->updated);
}

static void
parse_check_item(void *ctx, const struct feed *feed, const struct item *item)
{
	size_t *count = ctx, i;

	(*count)++;
	parse_check_feed(feed);
	parse_check_string("id", item->id);
	parse_check_string("title", item->title);
	parse_check_string("link", item->link);
	parse_check_string("author", item->author);
	parse_check_string("summary", item->summary);
	parse_check_string("content", item->content);
	parse_check_string("thumbnail", item->thumbnail);
	parse_check_string("duration", item->duration);
	parse_check_date("published", item->published);
	parse_check_date("updated", item->updated);
	for (i = 0; i < item->n_enclosures; i++) {
		if (item->enclosures[i].url == NULL)
			parse_fail("enclosure without a URL", item->link);
		parse_check_string("enclosure url", item->enclosures[i].url);
		parse_check_string("enclosure type", item->enclosures[i].type);
		parse_check_string("enclosure length", item->enclosures[i].length);
	}
	for (i = 0; i < item->n_categories; i++) {
		if (item->categories[i] == NULL)
			parse_fail("NULL category", item->link);
		parse_check_string("category", item->categories[i]);
	}
}

int
FUZZ_PARSE_ENTRY(const uint8_t *data, size_t size)
{
	/* Charsets a server might claim, exercising the decoder path. */
	static const char *charsets[] = {
		NULL, NULL, NULL, NULL, "iso-8859-1", "utf-16", "shift_jis", "x-unknown",
	};
	struct parse_options options;
	struct parse_handlers handlers;
	const char *bytes = (const char *)data;
	struct parser *p;
	size_t count = 0, hash = size, cut1 = 0, cut2 = 0, swap, i;
	int rc;

	/* The chunk boundaries (and the options) come from the first bytes,
	 * so the fuzzer explores splits as it mutates. */
	for (i = 0; i < size && i < 8; i++)
		hash = hash * 31 + data[i];
	if (size > 0) {
		cut1 = hash % (size + 1);
		cut2 = (hash / 7919) % (size + 1);
	}
	if (cut1 > cut2) {
		swap = cut1;
		cut1 = cut2;
		cut2 = swap;
	}
	memset(&options, 0, sizeof(options));
	options.url = "https://example.org/feeds/feed.xml";
	options.http_charset = charsets[(hash >> 3) % 8];
	if ((hash >> 6) % 4 == 0)
		options.max_items = 2;
	handlers.item = parse_check_item;
	handlers.ctx = &count;

	p = parse_new(&options, &handlers);
	if (p == NULL)
		return 0;
	parse_feed_chunk(p, bytes, cut1);
	parse_feed_chunk(p, bytes + cut1, cut2 - cut1);
	parse_feed_chunk(p, bytes + cut2, size - cut2);
	rc = parse_feed_finish(p);
	parse_check_feed(parse_feed(p));
	parse_check_string("error", parse_error(p));
	if (count != parse_item_count(p))
		parse_fail("item count", "differs from the items handed out");
	if (rc == 0 && parse_feed(p)->format == FEED_FORMAT_UNKNOWN)
		parse_fail("success", "without a format");
	if (options.max_items != 0 && count > options.max_items)
		parse_fail("items cap", "exceeded");
	parse_free(&p);
	return 0;
}
