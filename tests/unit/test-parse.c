/* test-parse.c: the streaming parser: element tables, chunking invariance,
 * items handed out as they complete, charsets, bounds on hostile input, and
 * errors for what is not a feed. Formats in detail are in the golden tests
 * (tests/data/parse) and the conformance corpus. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "parse-internal.h"
#include "parse.h"
#include "test.h"
#include "xmalloc.h"

/* Collects what the parser hands out as one comparable text. */
struct collected {
	struct buf	text;
	size_t		count;
};

static void
collect(void *ctx, const struct feed *feed, const struct item *item)
{
	struct collected *c = ctx;
	char date[DATE_ISO_SIZE];
	size_t i;

	(void)feed;
	c->count++;
	buf_appendf(&c->text, "[%s|%s|%s|%s|%s|%s|%s|%s", item->id ? item->id : "-",
	    item->title ? item->title : "-", item->link ? item->link : "-",
	    item->author ? item->author : "-", date_format_iso(item->published, date),
	    item->summary ? item->summary : "-", item->content ? item->content : "-",
	    item->thumbnail ? item->thumbnail : "-");
	for (i = 0; i < item->n_categories; i++)
		buf_appendf(&c->text, "|c:%s", item->categories[i]);
	for (i = 0; i < item->n_enclosures; i++)
		buf_appendf(&c->text, "|e:%s", item->enclosures[i].url);
	buf_append_str(&c->text, "]\n");
}

/* Parse data in chunks of chunk bytes; returns parse_feed_finish's result
 * and leaves the feed title in *title (owned). */
static int
parse_chunked(const char *data, size_t len, size_t chunk, const struct parse_options *o,
    struct collected *c, char **title, char **error)
{
	struct parse_handlers h = { collect, c };
	struct parser *p = parse_new(o, &h);
	size_t off;
	int rc;

	for (off = 0; off < len; off += chunk)
		parse_feed_chunk(p, data + off, len - off < chunk ? len - off : chunk);
	rc = parse_feed_finish(p);
	if (title != NULL)
		*title = parse_feed(p)->title ? xstrdup(parse_feed(p)->title) : NULL;
	if (error != NULL)
		*error = parse_error(p) ? xstrdup(parse_error(p)) : NULL;
	parse_free(&p);
	return rc;
}

static void
test_tables_sorted(void)
{
	static const struct {
		const struct element *table;
		const size_t *n;
	} tables[] = {
		{ parse_rss_elements, &parse_rss_nelements },
		{ parse_atom_elements, &parse_atom_nelements },
		{ parse_ext_elements, &parse_ext_nelements },
	};
	size_t t, i;

	for (t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
		for (i = 1; i < *tables[t].n; i++) {
			const struct element *a = &tables[t].table[i - 1], *b = &tables[t].table[i];

			CHECK(a->ns < b->ns || (a->ns == b->ns && strcasecmp(a->name, b->name) < 0));
		}
	}
}

/* Every split of the input gives the same items: multi-byte characters,
 * CDATA sections, references and the charset sniffing cut at any point. */
static void
test_chunking(void)
{
	static const char *files[] = {
		"tests/data/parse/rss20-basic.xml",
		"tests/data/parse/atom10.xml",
		"tests/data/parse/rss10.xml",
		"tests/data/parse/rss091-itunes-media.xml",
	};
	static const size_t chunks[] = { 1, 2, 3, 5, 7, 64, 1023, 1 << 20 };
	const char *top = getenv("top_srcdir");
	struct parse_options o = { "https://example.org/feeds/x.xml", NULL, 0, 0, 0 };
	size_t f, i, len;

	for (f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		char *path = xasprintf("%s/%s", top ? top : ".", files[f]);
		char *data = test_read_file(path, &len);
		struct collected whole = { BUF_INIT, 0 };

		CHECK(data != NULL);
		if (data == NULL) {
			free(path);
			continue;
		}
		CHECK_INT(parse_chunked(data, len, len, &o, &whole, NULL, NULL), 0);
		CHECK(whole.count > 0);
		for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
			struct collected part = { BUF_INIT, 0 };

			CHECK_INT(parse_chunked(data, len, chunks[i], &o, &part, NULL, NULL), 0);
			CHECK_STR(buf_str(&part.text), buf_str(&whole.text));
			buf_free(&part.text);
		}
		buf_free(&whole.text);
		free(data);
		free(path);
	}
}

/* An item is handed out when its end tag is read, not at the end. */
static void
test_streaming(void)
{
	static const char head[] = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>S</title>"
	    "<item><title>one</title></item>";
	static const char tail[] = "<item><title>two</title></item></channel></rss>";
	struct collected c = { BUF_INIT, 0 };
	struct parse_handlers h = { collect, &c };
	struct parser *p = parse_new(NULL, &h);
	char pad[2048];

	/* Past the sniffing window, so the stream is flowing. */
	memset(pad, ' ', sizeof(pad));
	CHECK_INT(parse_feed_chunk(p, head, strlen(head)), 0);
	CHECK_INT(parse_feed_chunk(p, pad, sizeof(pad)), 0);
	CHECK_INT(c.count, 1);
	CHECK_INT(parse_feed_chunk(p, tail, strlen(tail)), 0);
	CHECK_INT(parse_feed_finish(p), 0);
	CHECK_INT(c.count, 2);
	CHECK_INT(parse_item_count(p), 2);
	CHECK(parse_error(p) == NULL);
	parse_free(&p);
	CHECK(p == NULL);
	parse_free(&p);	/* NULL is fine */
	buf_free(&c.text);
}

static void
test_charsets(void)
{
	/* ISO-8859-7 Greek, declared in the XML declaration. */
	static const char greek[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-7\"?>"
	    "<rss version=\"2.0\"><channel><title>\xcb\xe5\xf5\xea\xf9\xf3\xdf\xe1</title></channel></rss>";
	/* windows-1251 from the HTTP header, nothing in the document. */
	static const char russian[] = "<rss version=\"2.0\"><channel><title>\xcf\xf0\xe8\xe2\xe5\xf2</title></channel></rss>";
	/* Invalid UTF-8 becomes U+FFFD instead of rejecting the feed. */
	static const char broken[] = "<rss version=\"2.0\"><channel><title>a\xff" "b\xc3</title></channel></rss>";
	/* A UTF-8 byte-order mark and white space before the root. */
	static const char bom[] = "\xef\xbb\xbf\n<rss version=\"2.0\"><channel><title>bom</title></channel></rss>";
	struct parse_options o = { NULL, NULL, 0, 0, 0 };
	struct collected c = { BUF_INIT, 0 };
	char *title = NULL;

	CHECK_INT(parse_chunked(greek, strlen(greek), 3, &o, &c, &title, NULL), 0);
	CHECK_STR(title, "Λευκωσία");
	free(title);
	o.http_charset = "windows-1251";
	CHECK_INT(parse_chunked(russian, strlen(russian), 5, &o, &c, &title, NULL), 0);
	CHECK_STR(title, "Привет");
	free(title);
	o.http_charset = NULL;
	CHECK_INT(parse_chunked(broken, strlen(broken), 1, &o, &c, &title, NULL), 0);
	CHECK_STR(title, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
	free(title);
	CHECK_INT(parse_chunked(bom, strlen(bom), 2, &o, &c, &title, NULL), 0);
	CHECK_STR(title, "bom");
	free(title);
	buf_free(&c.text);
}

static void
test_not_feeds(void)
{
	static const struct {
		const char *input;
		const char *error;	/* a part of the message */
	} rows[] = {
		{ "", "no XML element" },
		{ "   \n", "no XML element" },
		{ "<html><body>hi</body></html>", "root element is <html>" },
		{ "<?xml version=\"1.0\"?><opml/>", "root element is <opml>" },
		{ "\x01\x02\x03\x04 binary", "no XML element" },
		{ "plain text", "no XML element" },
		{ "\x01\x02 <html>", "root element is <html>" },
		{ "<rss version=\"2.0\"><channel><title>x</tit", "line 1" },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct collected c = { BUF_INIT, 0 };
		char *error = NULL;

		CHECK_INT(parse_chunked(rows[i].input, strlen(rows[i].input), 4, NULL, &c, NULL, &error), -1);
		CHECK(error != NULL && strstr(error, rows[i].error) != NULL);
		if (error == NULL || strstr(error, rows[i].error) == NULL)
			fprintf(stderr, "  row %zu: error \"%s\"\n", i, error ? error : "(null)");
		CHECK_INT(c.count, 0);
		free(error);
		buf_free(&c.text);
	}
}

static void
test_bounds(void)
{
	struct parse_options o = { NULL, NULL, 3, 0, 0 };
	struct collected c = { BUF_INIT, 0 };
	struct buf doc = BUF_INIT;
	char *error = NULL, *title = NULL;
	int i;

	/* At most max_items items; the rest are dropped with a message. */
	buf_append_str(&doc, "<rss version=\"2.0\"><channel>");
	for (i = 0; i < 10; i++)
		buf_appendf(&doc, "<item><title>%d</title></item>", i);
	buf_append_str(&doc, "</channel></rss>");
	CHECK_INT(parse_chunked(doc.data, doc.len, 100, &o, &c, NULL, &error), 0);
	CHECK_INT(c.count, 3);
	CHECK(error != NULL && strstr(error, "more than 3 items") != NULL);
	free(error);

	/* Nesting is bounded. */
	buf_reset(&doc);
	buf_append_str(&doc, "<rss version=\"2.0\"><channel>");
	for (i = 0; i < 1000; i++)
		buf_append_str(&doc, "<x>");
	CHECK_INT(parse_chunked(doc.data, doc.len, 4096, NULL, &c, NULL, &error), -1);
	CHECK(error != NULL && strstr(error, "nested deeper") != NULL);
	free(error);

	/* The bounds are options: a depth of 20 refuses 30 levels, a field
	 * of 4 KiB is cut there. */
	{
		struct parse_options small = { NULL, NULL, 0, 20, 4096 };

		buf_reset(&doc);
		buf_append_str(&doc, "<rss version=\"2.0\"><channel><title>");
		for (i = 0; i < 1000; i++)
			buf_append_str(&doc, "0123456789");
		buf_append_str(&doc, "</title>");
		for (i = 0; i < 30; i++)
			buf_append_str(&doc, "<x>");
		CHECK_INT(parse_chunked(doc.data, doc.len, 4096, &small, &c, &title, &error), -1);
		CHECK(error != NULL && strstr(error, "deeper than 20") != NULL);
		CHECK(title != NULL && strlen(title) == 4096);
		free(error);
		free(title);
	}

	/* One field's text is bounded (16 MiB); the document still parses. */
	buf_reset(&doc);
	buf_append_str(&doc, "<rss version=\"2.0\"><channel><title>");
	for (i = 0; i < 17 * 1024; i++)
		buf_append_str(&doc, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	buf_append_str(&doc, "</title></channel></rss>");
	CHECK_INT(parse_chunked(doc.data, doc.len, 1 << 20, NULL, &c, &title, NULL), 0);
	CHECK(title != NULL && strlen(title) == 16u * 1024 * 1024);
	free(title);

	buf_free(&doc);
	buf_free(&c.text);
}

static void
test_links_and_authors(void)
{
	static const char doc[] = "<rss version=\"2.0\"><channel><title>L</title>"
	    "<item><link>../a b.html</link><author>me@example.com (Me Myself)</author></item>"
	    "<item><guid>https://example.org/g</guid><author>Someone Else &lt;se@example.com&gt;</author></item>"
	    "<item><guid isPermaLink=\"false\">not-a-link</guid><author>Plain Name</author></item>"
	    "</channel></rss>";
	struct parse_options o = { "https://example.org/feeds/main.xml", NULL, 0, 0, 0 };
	struct collected c = { BUF_INIT, 0 };

	CHECK_INT(parse_chunked(doc, strlen(doc), sizeof(doc), &o, &c, NULL, NULL), 0);
	CHECK(strstr(buf_str(&c.text), "|https://example.org/a%20b.html|Me Myself|") != NULL);
	CHECK(strstr(buf_str(&c.text), "[https://example.org/g|-|https://example.org/g|Someone Else|") != NULL);
	CHECK(strstr(buf_str(&c.text), "[not-a-link|-|-|Plain Name|") != NULL);
	buf_free(&c.text);
}

/* Several authors are joined in document order, once each, however the
 * bytes arrive. */
static void
test_several_authors(void)
{
	static const char doc[] = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>"
	    "<entry><id>1</id><author><name>Alice</name></author><author><name>Bob</name></author>"
	    "<author><name>ALICE</name></author></entry>"
	    "<entry><id>2</id><author><email>x@example.org</email></author><author><name>Y</name></author></entry>"
	    "</feed>";
	static const char rss[] = "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
	    "<item><guid>1</guid><dc:creator>A</dc:creator><dc:creator>B</dc:creator></item>"
	    "<item><guid>2</guid><author>a@example.org</author><dc:creator>C</dc:creator></item>"
	    "</channel></rss>";
	size_t chunk;

	for (chunk = 1; chunk <= sizeof(doc); chunk += sizeof(doc) - 1) {
		struct collected c = { BUF_INIT, 0 };

		CHECK_INT(parse_chunked(doc, strlen(doc), chunk, NULL, &c, NULL, NULL), 0);
		CHECK(strstr(buf_str(&c.text), "[1|-|-|Alice, Bob|") != NULL);
		CHECK(strstr(buf_str(&c.text), "[2|-|-|x@example.org, Y|") != NULL);
		buf_free(&c.text);
		CHECK_INT(parse_chunked(rss, strlen(rss), chunk, NULL, &c, NULL, NULL), 0);
		CHECK(strstr(buf_str(&c.text), "[1|-|-|A, B|") != NULL);
		/* Another element at the same priority replaces, as before. */
		CHECK(strstr(buf_str(&c.text), "[2|-|-|C|") != NULL);
		buf_free(&c.text);
	}
}

/* The front end: each back end's sniff, the choice it makes, and one
 * interface for both, whether the document ends inside the sniff window or
 * past it. */
static void
test_front_end(void)
{
	static const struct {
		const char	*data;
		bool		 json;
	} sniffs[] = {
		{ "", false }, { "<rss/>", false }, { "  \n{", true },
		{ "\xef\xbb\xbf{\"version\": 1}", true }, { "x{", false }, { "[", false },
	};
	const char *json = "{\"version\": \"https://jsonfeed.org/version/1.1\","
	    " \"title\": \"J\", \"items\": [{\"id\": \"1\", \"title\": \"one\"}]}";
	const char *rss = "<rss version=\"2.0\"><channel><title>R</title>"
	    "<item><guid>1</guid><title>one</title></item></channel></rss>";
	struct buf big = BUF_INIT;
	struct collected c = { BUF_INIT, 0 };
	char *title = NULL, *error = NULL;
	size_t i;

	for (i = 0; i < sizeof(sniffs) / sizeof(sniffs[0]); i++) {
		CHECK_INT(parse_json_backend.detect(sniffs[i].data, strlen(sniffs[i].data)),
		    sniffs[i].json);
		/* XML takes whatever JSON does not claim. */
		CHECK_INT(parse_xml_backend.detect(sniffs[i].data, strlen(sniffs[i].data)), 1);
	}
	CHECK_INT(parse_chunked(json, strlen(json), 7, NULL, &c, &title, NULL), 0);
	CHECK_INT((long long)c.count, 1);
	CHECK_STR(title, "J");
	free(title);
	CHECK_INT(parse_chunked(rss, strlen(rss), 7, NULL, &c, &title, NULL), 0);
	CHECK_INT((long long)c.count, 2);
	CHECK_STR(title, "R");
	free(title);

	/* Past the sniff window: the chosen back end gets the rest. */
	buf_append_str(&big, "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"");
	for (i = 0; i < 3000; i++)
		buf_append_char(&big, 'x');
	buf_append_str(&big, "\", \"items\": []}");
	CHECK_INT(parse_chunked(buf_str(&big), big.len, 1, NULL, &c, NULL, &error), 0);
	CHECK(error == NULL);
	free(error);
	buf_free(&big);

	/* Nothing at all: the XML back end never started, and says so. */
	CHECK_INT(parse_chunked("", 0, 1, NULL, &c, NULL, &error), -1);
	CHECK_STR(error, "not a feed: no XML element found");
	free(error);
	buf_free(&c.text);
}

/* Bytes that are not XML around a feed: control characters and NUL
 * inside text lose only themselves, and what a server printed before the
 * feed (a PHP notice as HTML, a line of text, a BOM after blank lines) is
 * skipped. In chunks of 1, 7 and all at once. */
static void
test_not_xml_bytes(void)
{
	static const char items[] =
	    "<rss version=\"2.0\"><channel><title>T</title>"
	    "<item><title>a</title><guid>1</guid></item>"
	    "<item><title>b</title><guid>2</guid></item></channel></rss>";
	static const char controls[] =
	    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T\001</title>"
	    "<item><title>O\0ne\033[2J</title><guid>1</guid></item>"
	    "<item><title>Tw\x1fo</title><guid>2</guid><description><![CDATA[x\by]]></description></item>"
	    "<item><title>Three</title><guid>3</guid></item></channel></rss>";
	const char *prefixes[] = {
		"<br />\n<b>Notice</b>:  Undefined index: q in <b>/var/www/feed.php</b> on line <b>12</b><br />\n"
		    "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
		"\n\n  \xEF\xBB\xBF<?xml version=\"1.0\"?>",
		"Deprecated: something\n",
		"<b>Warning</b>: x\n\xEF\xBB\xBF",
	};
	size_t chunks[] = { 1, 7, 100000 }, i, k;

	for (k = 0; k < sizeof(chunks) / sizeof(chunks[0]); k++) {
		struct collected c = { BUF_INIT, 0 };
		char *title = NULL, *error = NULL;

		parse_chunked(controls, sizeof(controls) - 1, chunks[k], NULL, &c, &title, &error);
		CHECK_INT(c.count, 3);
		CHECK_STR(title, "T");
		CHECK(strstr(buf_str(&c.text), "|One[2J|") != NULL);
		CHECK(strstr(buf_str(&c.text), "|Two|") != NULL);
		CHECK(strstr(buf_str(&c.text), "|Three|") != NULL);
		free(title);
		free(error);
		buf_free(&c.text);
		for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
			struct buf doc = BUF_INIT;

			buf_append_str(&doc, prefixes[i]);
			buf_append_str(&doc, items);
			c = (struct collected){ BUF_INIT, 0 };
			error = NULL;
			CHECK_INT(parse_chunked(doc.data, doc.len, chunks[k], NULL, &c, &title, &error), 0);
			CHECK_INT(c.count, 2);
			CHECK_STR(title, "T");
			if (c.count != 2)
				fprintf(stderr, "  prefix %zu, chunks of %zu: %s\n", i, chunks[k],
				    error ? error : "no error");
			free(title);
			free(error);
			buf_free(&c.text);
			buf_free(&doc);
		}
	}
}

/* An Atom Entry Document is a feed of one item; HTML titles lose their
 * tags and the script inside; javascript:, data:, vbscript: and file: links
 * are never kept, relative ones still resolve. */
static void
test_odd_roots_and_links(void)
{
	static const char entry[] =
	    "<?xml version=\"1.0\"?><entry xmlns=\"http://www.w3.org/2005/Atom\">"
	    "<title type=\"html\">&lt;b&gt;Bold&lt;/b&gt; one&lt;script&gt;x()&lt;/script&gt;</title>"
	    "<id>urn:1</id><link href=\"/a\"/><author><name>Ann</name></author></entry>";
	static const char rss[] =
	    "<rss version=\"2.0\"><channel><title>T</title>"
	    "<item><title><![CDATA[Tom <b>&amp;</b> Jerry<script>bad()</script><style>p{}</style>]]></title>"
	    "<guid>1</guid><link> JavaScript:alert(1)</link>"
	    "<enclosure url=\"file:///etc/passwd\" type=\"audio/mpeg\"/>"
	    "<enclosure url=\"x.mp3\" type=\"audio/mpeg\"/></item>"
	    "<item><title>b</title><guid>2</guid><link>java&#9;script:x</link></item>"
	    "<item><title>c</title><guid>3</guid><link>\n  data:text/html,x</link></item>"
	    "<item><title>d</title><guid>4</guid><link>VBScript:x</link></item>"
	    "<item><title>e</title><guid>5</guid><link>mailto:a@example.com</link></item>"
	    "</channel></rss>";
	struct parse_options o = { 0 };
	size_t chunks[] = { 1, 5, 100000 }, k;

	o.url = "http://example.com/feed/";
	for (k = 0; k < sizeof(chunks) / sizeof(chunks[0]); k++) {
		struct collected c = { BUF_INIT, 0 };
		char *title = NULL, *error = NULL;

		CHECK_INT(parse_chunked(entry, sizeof(entry) - 1, chunks[k], &o, &c, &title, &error), 0);
		CHECK_INT(c.count, 1);
		CHECK(strstr(buf_str(&c.text), "[urn:1|Bold one|http://example.com/a|Ann|") != NULL);
		CHECK(error == NULL);
		free(title);
		free(error);
		buf_free(&c.text);

		c = (struct collected){ BUF_INIT, 0 };
		error = NULL;
		CHECK_INT(parse_chunked(rss, sizeof(rss) - 1, chunks[k], &o, &c, NULL, &error), 0);
		CHECK_INT(c.count, 5);
		CHECK(strstr(buf_str(&c.text), "[1|Tom & Jerry|-|") != NULL);
		CHECK(strstr(buf_str(&c.text), "|e:http://example.com/feed/x.mp3]") != NULL);
		CHECK(strstr(buf_str(&c.text), "passwd") == NULL);
		/* A tab splits the scheme: no longer a javascript: link. */
		CHECK(strstr(buf_str(&c.text), "[2|b|http://example.com/feed/java%20script:x|") != NULL);
		CHECK(strstr(buf_str(&c.text), "[3|c|-|") != NULL);
		CHECK(strstr(buf_str(&c.text), "[4|d|-|") != NULL);
		CHECK(strstr(buf_str(&c.text), "[5|e|mailto:a@example.com|") != NULL);
		free(error);
		buf_free(&c.text);
	}
}

int
main(void)
{
	test_tables_sorted();
	test_chunking();
	test_streaming();
	test_charsets();
	test_not_feeds();
	test_bounds();
	test_links_and_authors();
	test_several_authors();
	test_front_end();
	test_not_xml_bytes();
	test_odd_roots_and_links();
	return test_done();
}
