/* test-json-feed.c: JSON Feed 1.0 and 1.1 through the parser: detection, the
 * mapping to the model, values of the wrong type, chunking, errors and the
 * bounds on hostile documents. Whole feeds are in the golden files
 * (tests/data/parse/json-*.json). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "encoding.h"
#include "parse-internal.h"
#include "parse.h"
#include "test.h"
#include "xmalloc.h"

#define V11 "\"version\":\"https://jsonfeed.org/version/1.1\""

/* What the parser hands out, as one comparable text. */
struct collected {
	struct buf	text;
	size_t		count;
};

static const char *
or_dash(const char *s)
{
	return s != NULL ? s : "-";
}

static void
collect(void *ctx, const struct feed *feed, const struct item *item)
{
	struct collected *c = ctx;
	char published[DATE_ISO_SIZE], updated[DATE_ISO_SIZE];
	size_t i;

	(void)feed;
	c->count++;
	buf_appendf(&c->text, "[%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s", or_dash(item->id),
	    or_dash(item->title), or_dash(item->link), or_dash(item->author),
	    date_format_iso(item->published, published), date_format_iso(item->updated, updated),
	    or_dash(item->summary), or_dash(item->content), or_dash(item->thumbnail),
	    or_dash(item->duration), "");
	for (i = 0; i < item->n_categories; i++)
		buf_appendf(&c->text, "c:%s|", item->categories[i]);
	for (i = 0; i < item->n_enclosures; i++)
		buf_appendf(&c->text, "e:%s %s %s|", item->enclosures[i].url,
		    or_dash(item->enclosures[i].type), or_dash(item->enclosures[i].length));
	buf_append_str(&c->text, "]");
}

struct result {
	int		 rc;
	char		*error;
	char		*feed;	/* the feed's fields, one text */
	struct collected items;
};

static void
result_free(struct result *r)
{
	free(r->error);
	free(r->feed);
	buf_free(&r->items.text);
}

/* Parse len bytes in chunks of chunk bytes. */
static void
parse_json(const char *data, size_t len, size_t chunk, const char *url, size_t max_items,
    struct result *r)
{
	struct parse_options o = { url, NULL, max_items, 0, 0 };
	struct parse_handlers h = { collect, &r->items };
	struct parser *p;
	const struct feed *f;
	size_t off;

	memset(r, 0, sizeof(*r));
	p = parse_new(&o, &h);
	for (off = 0; off < len; off += chunk)
		parse_feed_chunk(p, data + off, len - off < chunk ? len - off : chunk);
	r->rc = parse_feed_finish(p);
	r->error = parse_error(p) != NULL ? xstrdup(parse_error(p)) : NULL;
	f = parse_feed(p);
	r->feed = xasprintf("%s|%s|%s|%s|%s|%s|%s", feed_format_name(f->format), or_dash(f->title),
	    or_dash(f->link), or_dash(f->description), or_dash(f->language), or_dash(f->author),
	    or_dash(f->image));
	parse_free(&p);
}

static void
test_detect(void)
{
	static const struct {
		const char	*data;
		size_t		 len;
		bool		 json;
	} cases[] = {
		{ NULL, 0, false },
		{ "", 0, false },
		{ "   \r\n", 5, false },
		{ "\xef\xbb\xbf", 3, false },
		{ "{", 1, true },
		{ " \t\r\n{\"version\"", 15, true },
		{ "\xef\xbb\xbf{}", 5, true },
		{ "\xef\xbb\xbf \n{", 6, true },
		{ "[{}]", 4, false },
		{ "<rss version=\"2.0\">", 19, false },
		{ "x{", 2, false },
		{ "\xef\xbb{", 3, false },
		{ "\f{", 2, false },	/* not JSON white space */
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_INT(parse_json_backend.detect(cases[i].data, cases[i].len), cases[i].json);
}

/* Documents that are not feeds, or not JSON, and what is said about them. */
static void
test_errors(void)
{
	static const struct {
		const char	*doc;
		int		 rc;
		const char	*error;
		size_t		 items;
	} cases[] = {
		{ "{", -1, "broken JSON: unexpected end of data at offset 1", 0 },
		{ "{}", -1, "not a feed: JSON without a JSON Feed version", 0 },
		{ "{\"version\":\"1.1\",\"title\":\"x\"}", -1,
		  "not a feed: JSON without a JSON Feed version", 0 },
		{ "{\"version\":7,\"items\":{}}", -1, "not a feed: JSON without a JSON Feed version", 0 },
		{ "{\"version\":\"https://jsonfeed.org/version/1\"}", 0, NULL, 0 },
		{ "{\"version\":\"http://jsonfeed.org/version/1.1\",\"items\":[{}]}", 0, NULL, 1 },
		{ "{\"items\":[{\"id\":\"1\"}]}", 0, NULL, 1 },
		{ "{" V11 ",\"items\":[{\"id\":\"1\"},{\"id\"", -1,
		  "broken JSON: unexpected end of data at offset 71", 0 },
		{ "{\"a\":x}", -1, "broken JSON: unexpected character at offset 5", 0 },
		{ "{\"a\" 1}", -1, "broken JSON: object property name separator ':' expected at offset 5", 0 },
		/* Strict JSON: no comments, single quotes or trailing commas. */
		{ "{/* c */" V11 "}", -1, "broken JSON: quoted object property name expected at offset 1", 0 },
		/* json-c takes single-quoted keys, even in strict mode. */
		{ "{'version':'https://jsonfeed.org/version/1'}", -1,
		  "broken JSON: unexpected character at offset 11", 0 },
		{ "{'version':\"https://jsonfeed.org/version/1\"}", 0, NULL, 0 },
		{ "{" V11 ",\"items\":[{},]}", -1, "broken JSON: unexpected character at offset 58", 0 },
		{ "{\"title\":\"a\0b\"}", -1, "broken JSON: a NUL byte at offset 11", 0 },
		/* After the object: ignored, as after an XML root element. */
		{ "{" V11 ",\"items\":[{\"id\":\"1\"}]} trailing <garbage>", 0, NULL, 1 },
		{ "\xef\xbb\xbf{" V11 ",\"items\":[{\"id\":\"1\"}]}{\"more\":1}", 0, NULL, 1 },
	};
	size_t i, sizes[] = { 1, 2, 7, 4096 }, s;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		/* The NUL case needs its length: the rest are C strings. */
		size_t len = strlen(cases[i].doc);

		if (strstr(cases[i].error != NULL ? cases[i].error : "", "NUL") != NULL)
			len = 15;
		for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			struct result r;

			parse_json(cases[i].doc, len, sizes[s], NULL, 0, &r);
			CHECK_INT(r.rc, cases[i].rc);
			CHECK_STR(r.error, cases[i].error);
			CHECK_INT(r.items.count, cases[i].items);
			result_free(&r);
		}
	}
}

/* Field by field: each case is one item (or feed) and the text it gives. */
static void
test_mapping(void)
{
	static const struct {
		const char	*doc;
		const char	*feed;
		const char	*items;
	} cases[] = {
		/* Empty: everything missing. */
		{ "{" V11 ",\"items\":[{}]}", "json|-|-|-|-|-|-", "[-|-|-|-|||-|-|-|-|]" },
		/* Every field of wrong type: ignored. */
		{ "{" V11 ",\"title\":1,\"home_page_url\":[],\"description\":{},\"language\":true,"
		  "\"icon\":null,\"author\":\"me\",\"authors\":{\"name\":\"x\"},"
		  "\"items\":[{\"id\":true,\"url\":1,\"title\":[],\"content_html\":{},\"summary\":2,"
		  "\"date_published\":20240101,\"authors\":[1,\"x\",{\"name\":5}],\"tags\":[1,{},[]],"
		  "\"attachments\":[1,{\"url\":2}],\"image\":false}, 7, null, [], \"item\"]}",
		  "json|-|-|-|-|-|-", "[-|-|-|-|||-|-|-|-|]" },
		/* Feed fields; favicon stands in for a missing icon. */
		{ "{" V11 ",\"title\":\" A  <i>feed</i> \",\"home_page_url\":\"https://example.org/\","
		  "\"description\":\"<p>About</p>\",\"language\":\"de_AT\",\"favicon\":\"/f.ico\","
		  "\"authors\":[{\"name\":\"\"},{\"name\":\"B\"}]}",
		  "json|A feed|https://example.org/|<p>About</p>|de-AT|B|https://example.org/f.ico", "" },
		/* Numbers as ids, as written; an HTML title loses its markup, a
		 * text one keeps its brackets. */
		{ "{" V11 ",\"items\":[{\"id\":42,\"title\":\"AT&T <3\"},{\"id\":1e3,"
		  "\"title\":\"<b>Bold</b> &amp; more\"},{\"id\":-0.5,\"title\":\"  a\\n b \"}]}",
		  "json|-|-|-|-|-|-",
		  "[42|AT&T <3|-|-|||-|-|-|-|][1e3|Bold & more|-|-|||-|-|-|-|][-0.5|a b|-|-|||-|-|-|-|]" },
		/* Links: url, else external_url; relative ones resolved. */
		{ "{" V11 ",\"items\":[{\"url\":\"a.html\",\"external_url\":\"https://x.example/\"},"
		  "{\"external_url\":\"../b\"},{\"url\":\"  \",\"external_url\":\"https://x.example/c\"}]}",
		  "json|-|-|-|-|-|-",
		  "[-|-|https://example.org/feeds/a.html|-|||-|-|-|-|]"
		  "[-|-|https://example.org/b|-|||-|-|-|-|]"
		  "[-|-|https://x.example/c|-|||-|-|-|-|]" },
		/* Content: HTML, else text (kept as text); summary; dates. */
		{ "{" V11 ",\"items\":[{\"content_html\":\"<p>h</p>\",\"content_text\":\"t\","
		  "\"summary\":\"s & <s>\",\"date_published\":\"2020-08-07T11:44:36-05:00\","
		  "\"date_modified\":\"2020-08-08T00:00:00.5Z\"},{\"content_text\":\"1 < 2 & 3\","
		  "\"date_published\":\"yesterday\"}]}",
		  "json|-|-|-|-|-|-",
		  "[-|-|-|-|2020-08-07T16:44:36Z|2020-08-08T00:00:00Z|s & <s>|<p>h</p>|-|-|]"
		  "[-|-|-|-|||-|1 < 2 & 3|-|-|]" },
		/* Authors: 1.1's array first, then 1.0's object; a mailto: URL
		 * when there is no name. */
		{ "{" V11 ",\"items\":[{\"author\":{\"name\":\"Old\"},\"authors\":[{\"name\":\"New\"}]},"
		  "{\"author\":{\"name\":\"Old\"}},{\"authors\":[{\"url\":\"mailto:a@example.org\"}]},"
		  "{\"authors\":[{\"name\":\"x@example.org (Name)\"}]},{\"author\":{\"url\":\"https://a\"}}]}",
		  "json|-|-|-|-|-|-",
		  "[-|-|-|New|||-|-|-|-|][-|-|-|Old|||-|-|-|-|][-|-|-|a@example.org|||-|-|-|-|]"
		  "[-|-|-|Name|||-|-|-|-|][-|-|-|-|||-|-|-|-|]" },
		/* Thumbnail: image, else banner_image. Tags. Attachments, with
		 * the first duration as the item's. */
		{ "{" V11 ",\"items\":[{\"image\":\"i.png\",\"banner_image\":\"b.png\","
		  "\"tags\":[\"a\",\" b  c \",\"\",\"a\"],\"attachments\":[{\"url\":\"e.mp3\","
		  "\"mime_type\":\"audio/mpeg\",\"size_in_bytes\":123,\"duration_in_seconds\":61.9},"
		  "{\"url\":\"f.ogg\",\"size_in_bytes\":\"456\",\"duration_in_seconds\":5},"
		  "{\"url\":\"g\",\"size_in_bytes\":\"12a\"},{\"url\":\"h\",\"size_in_bytes\":-1},"
		  "{\"url\":\"i\",\"size_in_bytes\":1e300}]},{\"banner_image\":\"b.png\"}]}",
		  "json|-|-|-|-|-|-",
		  "[-|-|-|-|||-|-|https://example.org/feeds/i.png|61|"
		  "c:a|c:b c|c:a|e:https://example.org/feeds/e.mp3 audio/mpeg 123|"
		  "e:https://example.org/feeds/f.ogg - 456|e:https://example.org/feeds/g - -|"
		  "e:https://example.org/feeds/h - -|e:https://example.org/feeds/i - -|]"
		  "[-|-|-|-|||-|-|https://example.org/feeds/b.png|-|]" },
		/* Escapes: pairs joined, lone surrogates replaced, controls
		 * other than tab, CR and LF dropped; a \u0000 is dropped too,
		 * and what follows it kept (in the feed's title as well). */
		{ "{" V11 ",\"title\":\"A\\u0000B\",\"items\":[{\"id\":\"\\ud83d\\ude00\\udc00\","
		  "\"title\":\"a\\u0001\\u001bb\\u0000c\","
		  "\"summary\":\"x\\ty\\u0000z\",\"content_text\":\"\\u0000\\u0000\\u00e9\\u0000\"}]}",
		  "json|AB|-|-|-|-|-", "[\xf0\x9f\x98\x80\xef\xbf\xbd|abc|-|-|||x\tyz|\xc3\xa9|-|-|]" },
		/* Invalid UTF-8 in the document becomes U+FFFD. */
		{ "{" V11 ",\"title\":\"caf\xe9 \xff\",\"items\":[{\"title\":\"\xc3\"}]}",
		  "json|caf\xef\xbf\xbd \xef\xbf\xbd|-|-|-|-|-", "[-|\xef\xbf\xbd|-|-|||-|-|-|-|]" },
	};
	static const size_t sizes[] = { 1, 3, 1 << 20 };
	size_t i, s;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			struct result r;

			parse_json(cases[i].doc, strlen(cases[i].doc), sizes[s],
			    "https://example.org/feeds/main.json", 0, &r);
			CHECK_INT(r.rc, 0);
			CHECK_STR(r.error, NULL);
			CHECK_STR(r.feed, cases[i].feed);
			CHECK_STR(buf_str(&r.items.text), cases[i].items);
			result_free(&r);
		}
	}
}

/* Relative URLs: against the document's URL, else its feed_url, else kept. */
static void
test_base(void)
{
	static const struct {
		const char	*url;
		const char	*feed_url;
		const char	*link;
	} cases[] = {
		{ NULL, NULL, "[-|-|p/1|-|||-|-|-|-|]" },
		{ NULL, "\"relative.json\"", "[-|-|p/1|-|||-|-|-|-|]" },
		{ NULL, "\"https://a.example/x/feed.json\"", "[-|-|https://a.example/x/p/1|-|||-|-|-|-|]" },
		{ "https://b.example/", "\"https://a.example/x/feed.json\"",
		  "[-|-|https://b.example/p/1|-|||-|-|-|-|]" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *doc = xasprintf("{" V11 ",\"feed_url\":%s,\"items\":[{\"url\":\"p/1\"}]}",
		    cases[i].feed_url != NULL ? cases[i].feed_url : "null");
		struct result r;

		parse_json(doc, strlen(doc), 4096, cases[i].url, 0, &r);
		CHECK_STR(buf_str(&r.items.text), cases[i].link);
		result_free(&r);
		free(doc);
	}
}

/* The golden files give the same items however the bytes are split. */
static void
test_chunking(void)
{
	static const char *files[] = {
		"tests/data/parse/json-feed10.json",
		"tests/data/parse/json-feed11.json",
	};
	static const size_t chunks[] = { 1, 2, 3, 5, 7, 64, 1023, 1024, 1025 };
	const char *top = getenv("top_srcdir");
	size_t f, i, len;

	for (f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		char *path = xasprintf("%s/%s", top != NULL ? top : ".", files[f]);
		char *data = test_read_file(path, &len);
		struct result whole;

		CHECK(data != NULL);
		if (data == NULL) {
			free(path);
			continue;
		}
		parse_json(data, len, len, NULL, 0, &whole);
		CHECK_INT(whole.rc, 0);
		CHECK(whole.items.count >= 2);
		for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
			struct result part;

			parse_json(data, len, chunks[i], NULL, 0, &part);
			CHECK_INT(part.rc, 0);
			CHECK_STR(part.feed, whole.feed);
			CHECK_STR(buf_str(&part.items.text), buf_str(&whole.items.text));
			result_free(&part);
		}
		result_free(&whole);
		free(data);
		free(path);
	}
}

static char *
repeat(const char *head, const char *unit, size_t n, const char *tail, size_t *len)
{
	struct buf b = BUF_INIT;
	size_t i;

	buf_append_str(&b, head);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_append_char(&b, ',');
		buf_append_str(&b, unit);
	}
	buf_append_str(&b, tail);
	*len = b.len;
	return buf_detach(&b);
}

/* Hostile documents are refused before they cost much; real ones are not. */
static void
test_bounds(void)
{
	struct result r;
	size_t len;
	char *doc;

	/* The items cap, as for XML. */
	doc = repeat("{" V11 ",\"items\":[", "{\"id\":\"x\"}", 5, "]}", &len);
	parse_json(doc, len, 7, NULL, 3, &r);
	CHECK_INT(r.rc, 0);
	CHECK_INT(r.items.count, 3);
	CHECK_STR(r.error, "more than 3 items; the rest were ignored");
	result_free(&r);
	free(doc);

	/* Nesting beyond 64 levels. */
	doc = repeat("{\"a\":", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", 1, "", &len);
	parse_json(doc, len, 16, NULL, 0, &r);
	CHECK_INT(r.rc, -1);
	CHECK(r.error != NULL && strstr(r.error, "nesting too deep") != NULL);
	result_free(&r);
	free(doc);

	/* 400 KB of empty objects would take 140 MB as a tree. */
	doc = repeat("{" V11 ",\"items\":[", "{}", 130000, "]}", &len);
	parse_json(doc, len, 65536, NULL, 0, &r);
	CHECK_INT(r.rc, -1);
	CHECK_INT(r.items.count, 0);
	CHECK_STR(r.error, "JSON Feed too large: it would take more than 128 MiB to read");
	result_free(&r);
	free(doc);

	/* Nor can they hide in a single-quoted key holding a double quote. */
	doc = repeat("{'\"':[", "{}", 130000, "],\"x\":\"\"}", &len);
	parse_json(doc, len, 65536, NULL, 0, &r);
	CHECK_STR(r.error, "JSON Feed too large: it would take more than 128 MiB to read");
	result_free(&r);
	free(doc);

	/* Braces inside strings cost nothing: 4 MB of them is a feed. */
	doc = repeat("{" V11 ",\"items\":[", "{\"content_html\":\"{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{"
	    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\\\"{{{{{{{{{{{{{{{{\"}",
	    40000, "]}", &len);
	parse_json(doc, len, 65536, NULL, 0, &r);
	CHECK_INT(r.rc, 0);
	CHECK_STR(r.error, NULL);
	CHECK_INT(r.items.count, 40000);
	result_free(&r);
	free(doc);
}

/* Freeing a parser in the middle of a JSON document leaks nothing (run
 * under valgrind or ASan to see it). */
static void
test_abandon(void)
{
	struct parser *p = parse_new(NULL, NULL);
	size_t len;
	char *doc = repeat("{" V11 ",\"items\":[", "{\"id\":\"1\"}", 200, ",{\"title\":\"half", &len);

	/* Past the sniffing window: json-c holds a partial tree. */
	CHECK(len > 2048);
	CHECK_INT(parse_feed_chunk(p, doc, len), 0);
	CHECK_INT(parse_item_count(p), 0);
	parse_free(&p);
	CHECK(p == NULL);
	free(doc);
}

int
main(void)
{
	test_detect();
	test_errors();
	test_mapping();
	test_base();
	test_chunking();
	test_bounds();
	test_abandon();
	return test_done();
}
