/* test-feedlist.c: reading newsboat urls files and OPML, writing OPML 2.0, the
 * round trip, the limits and the error messages. No database or network. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "feedlist.h"
#include "test.h"
#include "xmalloc.h"

/* One expected feed; tags joined with '|', "" for none. */
struct want_entry {
	const char	*url;
	const char	*title;
	const char	*html_url;
	const char	*tags;
};

/* file is a name under tests/data/feedlist/, or NULL to read data (len bytes,
 * 0 meaning strlen); error is the whole message expected when rc is -1. */
struct read_case {
	const char		*name;
	const char		*file;
	const char		*data;
	size_t			 len;
	int			 rc;
	const char		*error;
	size_t			 n_skipped;
	const struct want_entry	*want;
	size_t			 n_want;
};

#define ENTRIES(...) \
	(const struct want_entry[]){ __VA_ARGS__ }, \
	sizeof((const struct want_entry[]){ __VA_ARGS__ }) / \
	sizeof(struct want_entry)
#define NO_ENTRIES NULL, 0

static const struct read_case read_cases[] = {
	/* Empty and next to empty. */
	{ "empty", NULL, "", 0, 0, NULL, 0, NO_ENTRIES },
	{ "blank lines", NULL, "  \n\t\n\r\n", 0, 0, NULL, 0, NO_ENTRIES },
	{ "only comments", NULL, "# my feeds\n\n   # none yet\r\n", 0, 0, NULL,
	    0, NO_ENTRIES },
	{ "only a query feed", NULL, "\"query:All:age < 2\"\n", 0, 0, NULL, 1,
	    NO_ENTRIES },

	/* The urls format, line by line. */
	{ "bom, no final newline", NULL,
	    "\xef\xbb\xbfhttps://a.example/x", 0, 0, NULL, 0,
	    ENTRIES({ "https://a.example/x", NULL, NULL, "" }) },
	{ "quoted url and escapes", NULL,
	    "\"https://a.example/x\" \"a \\\\ b\" \"c\\\"d\" \"\" ~ !\n", 0, 0,
	    NULL, 0,
	    ENTRIES({ "https://a.example/x", NULL, NULL, "a \\ b|c\"d" }) },
	{ "unterminated quote", NULL,
	    "https://a.example/x \"two words\n", 0, 0, NULL, 0,
	    ENTRIES({ "https://a.example/x", NULL, NULL, "two words" }) },
	{ "first title wins, tags unique", NULL,
	    "HTTPS://a.example/x \"~One\" \"~Two\" t t !t  "
	    "\"  spaced   out \"\n",
	    0, 0, NULL, 0,
	    ENTRIES({ "HTTPS://a.example/x", "One", NULL, "t|spaced out" }) },
	{ "comment ends the line", NULL,
	    "https://a.example/x#frag tag #not a tag\n", 0, 0, NULL, 0,
	    ENTRIES({ "https://a.example/x#frag", NULL, NULL, "tag" }) },
	{ "control characters dropped", NULL,
	    "https://a.example/x \"~T\x01i\x7ft\xc2\x85le\" \"b\xffx\"\n", 0, 0,
	    NULL, 0,
	    ENTRIES({ "https://a.example/x", "Title", NULL,
	    "b\xef\xbf\xbdx" }) },
	{ "exec and filter skipped", NULL,
	    "exec:~/bin/feed\nfilter:~/f.sh:https://a.example/x\n"
	    "https://b.example/\n", 0, 0, NULL, 2,
	    ENTRIES({ "https://b.example/", NULL, NULL, "" }) },

	/* Lines that are not feeds. */
	{ "plain text", NULL, "hello world\n", 0, -1,
	    "not an OPML or urls file: line 1 is not a URL", 0, NO_ENTRIES },
	{ "ftp on line 3", NULL, "# feeds\nhttps://a.example/\nftp://b/c\n",
	    0, -1, "not an OPML or urls file: line 3 is not a URL", 0,
	    NO_ENTRIES },
	{ "scheme without host", NULL, "http://\n", 0, -1,
	    "not an OPML or urls file: line 1 is not a URL", 0, NO_ENTRIES },
	{ "http path without host", NULL, "http:///etc/passwd\n", 0, -1,
	    "not an OPML or urls file: line 1 is not a URL", 0, NO_ENTRIES },
	{ "empty quoted url", NULL, "\"\" tag\n", 0, -1,
	    "not an OPML or urls file: line 1 is not a URL", 0, NO_ENTRIES },
	{ "NUL in a url", NULL, "https://a.exa\0mple/\n", 20, -1,
	    "not an OPML or urls file: line 1 is not a URL", 0, NO_ENTRIES },
	{ "invalid UTF-8 in a url", NULL, "https://a.example/\xff\n", 0, -1,
	    "not an OPML or urls file: line 1 is not a URL", 0, NO_ENTRIES },

	/* OPML in memory. */
	{ "mismatched tag", NULL,
	    "<?xml version=\"1.0\"?>\n<opml version=\"2.0\">\n<body>\n"
	    "<outline text=\"a\"></body>\n</opml>\n", 0, -1,
	    "OPML is not well-formed at line 4: mismatched tag", 0,
	    NO_ENTRIES },
	{ "truncated", NULL,
	    "<opml><body><outline xmlUrl=\"http://a.example/\"", 0, -1,
	    "OPML is not well-formed at line 1: unclosed token", 0,
	    NO_ENTRIES },
	{ "prolog only", NULL, "<?xml version=\"1.0\"?>\n<!-- nothing -->\n", 0,
	    -1, "OPML is not well-formed at line 3: no element found", 0,
	    NO_ENTRIES },
	{ "an RSS feed", NULL,
	    "<?xml version=\"1.0\"?><!-- a feed --><rss version=\"2.0\">"
	    "<channel/></rss>", 0, -1,
	    "not an OPML or urls file: the root element is <rss>, not <opml>",
	    0, NO_ENTRIES },
	{ "opml in a wrong case", NULL, "<OPML><body/></OPML>", 0, -1,
	    "not an OPML or urls file: the root element is <OPML>, not <opml>",
	    0, NO_ENTRIES },
	{ "doctype with a subset and a comment", NULL,
	    "<!DOCTYPE opml [ <!-- ] > ' --> <!ELEMENT opml ANY> ]>"
	    "<opml><body><outline xmlUrl=\"http://a.example/\"/></body></opml>",
	    0, 0, NULL, 0,
	    ENTRIES({ "http://a.example/", NULL, NULL, "" }) },
	{ "external DTD is never loaded", NULL,
	    "<!DOCTYPE opml SYSTEM \"http://127.0.0.1:9/opml.dtd\">\n"
	    "<opml><body><outline text=\"T\" xmlUrl=\"http://a.example/\"/>"
	    "</body></opml>", 0, 0, NULL, 0,
	    ENTRIES({ "http://a.example/", "T", NULL, "" }) },
	{ "billion laughs", NULL,
	    "<!DOCTYPE opml [<!ENTITY a \"aaaaaaaaaa\">"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
	    "<opml><head><title>&b;</title></head></opml>", 0, -1,
	    "OPML declares an entity at line 1; entities are refused", 0,
	    NO_ENTRIES },
	{ "undeclared entity", NULL,
	    "<opml><body>\n<outline text=\"&nbsp;\" "
	    "xmlUrl=\"http://a.example/\"/></body></opml>", 0, -1,
	    "OPML is not well-formed at line 2: undefined entity", 0,
	    NO_ENTRIES },
	{ "outline attributes in any case, text equal to url", NULL,
	    "<opml><body><Outline TEXT=\"http://a.example/\" xmlurl=\" "
	    "http://a.example/ \" HTMLURL=\"https://site.example/\" "
	    "htmlurl=\"ignored\"/><outline title=\"\" text=\"Fallback\" "
	    "xmlUrl=\"feed:https://b.example/\" htmlUrl=\"javascript:x\"/>"
	    "</body></opml>", 0, 0, NULL, 0,
	    ENTRIES({ "http://a.example/", NULL, "https://site.example/", "" },
	    { "https://b.example/", "Fallback", NULL, "" }) },
	{ "feed outline is not a folder", NULL,
	    "<opml><body><outline text=\"Parent\" xmlUrl=\"http://p.example/\">"
	    "<outline text=\"Child\" xmlUrl=\"http://c.example/\"/></outline>"
	    "</body></opml>", 0, 0, NULL, 0,
	    ENTRIES({ "http://p.example/", "Parent", NULL, "" },
	    { "http://c.example/", "Child", NULL, "" }) },
	{ "unusable xmlUrl skipped", NULL,
	    "<opml><body><outline xmlUrl=\"mailto:a@b\"/>"
	    "<outline xmlUrl=\"http://a.example/has space\"/></body></opml>", 0,
	    0, NULL, 2, NO_ENTRIES },

	/* The files. */
	{ "newsboat-urls", "newsboat-urls", NULL, 0, 0, NULL, 2,
	    ENTRIES(
	    { "https://example.com/feed.xml", "Late title", NULL, "duplicate" },
	    { "https://lwn.net/headlines/rss", NULL, NULL, "linux|news" },
	    { "http://blog.example.org/atom.xml", "Example Blog", NULL,
		"tech talk|hidden" },
	    { "https://planet.example.net/rss20.xml", NULL, NULL, "planet" },
	    { "file:///home/user/local.xml",
		"\xce\x95\xce\xbb\xce\xbb\xce\xb7\xce\xbd\xce\xb9\xce\xba\xce"
		"\xac \xce\xbd\xce\xad\xce\xb1", NULL, "quote \"inside\"" },
	    { "https://news.example.com/?a=1&b=2#frag", NULL, NULL, "" }) },
	{ "opml-1.0", "opml-1.0.opml", NULL, 0, 0, NULL, 2,
	    ENTRIES(
	    { "http://www.scripting.com/rss.xml", "Scripting News",
		"http://www.scripting.com/", "" },
	    { "http://cafe.example.fr/rss", "Caf\xc3\xa9 du Monde", NULL, "" },
	    { "http://untitled.example.com/feed", NULL, NULL, "" },
	    { "http://wrapped.example.com/rss", "Wrapped", NULL, "" }) },
	{ "opml-2.0-nested", "opml-2.0-nested.opml", NULL, 0, 0, NULL, 0,
	    ENTRIES(
	    { "https://lwn.net/headlines/rss", "LWN", NULL,
		"Tech|Linux|News|\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce"
		"\xb1|dup" },
	    { "https://news.ycombinator.com/rss", "Hacker News", NULL, "Tech" },
	    { "https://www.kathimerini.gr/rss",
		"\xce\x9a\xce\xb1\xce\xb8\xce\xb7\xce\xbc\xce\xb5\xcf\x81\xce"
		"\xb9\xce\xbd\xce\xae", NULL,
		"News|\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1" },
	    { "https://top.example.com/feed", "Top level", NULL, "" }) },
	{ "opml-category", "opml-category.opml", NULL, 0, 0, NULL, 0,
	    ENTRIES(
	    { "https://weather.example.com/rss", "Weather", NULL,
		"Boston|Weather" },
	    { "https://cyber.example.edu/rss", "Berkman", NULL,
		"Harvard|Berkman|Politics" },
	    { "https://tags.example.com/rss", "Plain tags", NULL,
		"tech|linux" },
	    { "https://rock.example.com/rss", "Slash in a tag", NULL, "AC/DC" },
	    { "https://both.example.com/rss", "Both", NULL, "Folder|extra" }) },
	{ "opml-evil", "opml-evil.opml", NULL, 0, -1,
	    "OPML declares an entity at line 3; entities are refused", 0,
	    NO_ENTRIES },
	{ "not-a-list.html", "not-a-list.html", NULL, 0, -1,
	    "not an OPML or urls file: the root element is <html>, not <opml>",
	    0, NO_ENTRIES },
};

static char *
read_data_file(const char *name, size_t *len)
{
	const char	*top = getenv("top_srcdir");
	char		*path, *data = NULL;
	FILE		*f;
	long		 size;

	path = xasprintf("%s/tests/data/feedlist/%s",
	    top != NULL && *top != '\0' ? top : ".", name);
	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "cannot open %s\n", path);
		free(path);
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		data = xmalloc((size_t)size + 1);
		*len = fread(data, 1, (size_t)size, f);
	}
	fclose(f);
	free(path);
	return data;
}

static char *
join_tags(const struct feedlist_entry *e)
{
	struct buf	b = BUF_INIT;
	size_t		i;

	for (i = 0; i < e->n_tags; i++) {
		if (i > 0)
			buf_append_char(&b, '|');
		buf_append_str(&b, e->tags[i]);
	}
	return buf_detach(&b);
}

static void
check_entries(const char *name, const struct feedlist *list,
    const struct want_entry *want, size_t n_want)
{
	char	*tags;
	size_t	 i;

	CHECK_INT(list->n_entries, n_want);
	if (list->n_entries != n_want) {
		fprintf(stderr, "  in case \"%s\"\n", name);
		return;
	}
	for (i = 0; i < n_want; i++) {
		CHECK_STR(list->entries[i].url, want[i].url);
		CHECK_STR(list->entries[i].title, want[i].title);
		CHECK_STR(list->entries[i].html_url, want[i].html_url);
		tags = join_tags(&list->entries[i]);
		CHECK_STR(tags, want[i].tags);
		free(tags);
	}
}

static void
test_read_cases(void)
{
	const struct read_case	*c;
	struct feedlist		 list;
	char			*data, *err;
	size_t			 i, len = 0;
	int			 rc;

	for (i = 0; i < sizeof(read_cases) / sizeof(read_cases[0]); i++) {
		c = &read_cases[i];
		if (c->file != NULL) {
			data = read_data_file(c->file, &len);
			CHECK(data != NULL);
			if (data == NULL)
				continue;
		} else {
			len = c->len != 0 ? c->len : strlen(c->data);
			data = xmalloc(len + 1);
			memcpy(data, c->data, len);
		}
		rc = feedlist_read(data, len, &list, &err);
		CHECK_INT(rc, c->rc);
		CHECK_STR(err, c->error);
		if (rc != c->rc || (err != NULL) != (c->error != NULL))
			fprintf(stderr, "  in case \"%s\"\n", c->name);
		CHECK_INT(list.n_skipped, c->n_skipped);
		CHECK(list.n_warnings <= list.n_skipped);
		check_entries(c->name, &list, c->want, c->n_want);
		free(err);
		feedlist_free(&list);
		free(data);
	}
}

static void
test_read_null(void)
{
	struct feedlist	 list;
	char		*err = NULL;

	CHECK_INT(feedlist_read("x", 1, NULL, &err), -1);
	CHECK_STR(err, "no list to read into");
	free(err);

	CHECK_INT(feedlist_read(NULL, 0, &list, &err), 0);
	CHECK_STR(err, NULL);
	CHECK_INT(list.n_entries, 0);
	feedlist_free(&list);

	CHECK_INT(feedlist_read(NULL, 5, &list, &err), -1);
	CHECK_STR(err, "no data to read");
	CHECK_INT(list.n_entries, 0);
	free(err);
	feedlist_free(&list);

	/* err may be NULL; out is still left empty. */
	CHECK_INT(feedlist_read("nonsense", 8, &list, NULL), -1);
	CHECK(list.entries == NULL && list.n_entries == 0);
	feedlist_free(&list);
	feedlist_free(NULL);
}

/* expat reads UTF-16 by its byte order mark; detection must leave it to
 * expat, in both byte orders. */
static void
test_utf16(void)
{
	static const char	 ascii[] = "<?xml version=\"1.0\"?>\n"
	    "<opml><body><outline text=\"T\" xmlUrl=\"http://a.example/\"/>"
	    "</body></opml>";
	struct feedlist		 list;
	char			 data[2 * sizeof(ascii)], *err;
	size_t			 i, n = strlen(ascii);
	int			 big;

	for (big = 0; big <= 1; big++) {
		data[0] = big ? '\xfe' : '\xff';
		data[1] = big ? '\xff' : '\xfe';
		for (i = 0; i < n; i++) {
			data[2 + 2 * i + (big ? 1 : 0)] = ascii[i];
			data[2 + 2 * i + (big ? 0 : 1)] = '\0';
		}
		CHECK_INT(feedlist_read(data, 2 + 2 * n, &list, &err), 0);
		CHECK_STR(err, NULL);
		CHECK_INT(list.n_entries, 1);
		if (list.n_entries == 1) {
			CHECK_STR(list.entries[0].url, "http://a.example/");
			CHECK_STR(list.entries[0].title, "T");
		}
		free(err);
		feedlist_free(&list);
	}
}

static void
test_warnings(void)
{
	static const char	 urls[] =
	    "\"query:Unread:unread = \\\"yes\\\"\" t\n"
	    "https://a.example/\n"
	    "exec:/bin/true\n";
	static const char	 opml[] =
	    "<opml><body>\n\n<outline xmlUrl=\"gopher://x/\"/></body></opml>";
	static const char	 bare[] =
	    "<opml><body>\n"
	    "<outline text=\"Lost feed\" htmlUrl=\"https://lost.example/\"/>\n"
	    "<outline text=\"Empty folder\">\n</outline>\n"
	    "<outline text=\"Full\"><outline text=\"Deeper\">\n"
	    "<outline xmlUrl=\"https://a.example/\"/><outline/></outline></outline>\n"
	    "</body></opml>";
	struct feedlist		 list;
	struct buf		 many = BUF_INIT;
	int			 i;

	CHECK_INT(feedlist_read(urls, strlen(urls), &list, NULL), 0);
	CHECK_INT(list.n_skipped, 2);
	CHECK_INT(list.n_warnings, 2);
	if (list.n_warnings == 2) {
		CHECK_STR(list.warnings[0], "line 1: skipped query feed "
		    "\"query:Unread:unread = \"yes\"\"");
		CHECK_STR(list.warnings[1],
		    "line 3: skipped exec: feed \"exec:/bin/true\"");
	}
	feedlist_free(&list);

	CHECK_INT(feedlist_read(opml, strlen(opml), &list, NULL), 0);
	CHECK_INT(list.n_warnings, 1);
	if (list.n_warnings == 1)
		CHECK_STR(list.warnings[0], "line 3: skipped outline whose "
		    "xmlUrl \"gopher://x/\" is not an http, https or file URL");
	feedlist_free(&list);

	/* An outline with neither xmlUrl nor outlines inside is no feed and
	 * no folder: counted and named, not dropped silently. A folder that
	 * holds a feed is not skipped, nor one whose feed comes deeper. */
	CHECK_INT(feedlist_read(bare, strlen(bare), &list, NULL), 0);
	CHECK_INT(list.n_entries, 1);
	CHECK_INT(list.n_skipped, 3);
	CHECK_INT(list.n_warnings, 3);
	if (list.n_warnings == 3) {
		CHECK_STR(list.warnings[0], "line 2: skipped outline \"Lost feed\": "
		    "it has no xmlUrl and no outline inside");
		CHECK_STR(list.warnings[1], "line 3: skipped outline \"Empty folder\": "
		    "it has no xmlUrl and no outline inside");
		CHECK_STR(list.warnings[2], "line 6: skipped outline without a title: "
		    "it has no xmlUrl and no outline inside");
	}
	feedlist_free(&list);

	/* Warnings are capped; the count of skipped feeds is not. */
	for (i = 0; i < FEEDLIST_MAX_WARNINGS + 5; i++)
		buf_append_str(&many, "query:q:unread = \"yes\"\n");
	CHECK_INT(feedlist_read(many.data, many.len, &list, NULL), 0);
	CHECK_INT(list.n_skipped, FEEDLIST_MAX_WARNINGS + 5);
	CHECK_INT(list.n_warnings, FEEDLIST_MAX_WARNINGS);
	feedlist_free(&list);
	buf_free(&many);
}

static void
test_limits(void)
{
	struct feedlist	 list;
	struct buf	 b = BUF_INIT;
	char		*err;
	int		 i, depth;

	/* Nesting: <opml> is level 1, so 64 levels hold 63 more elements. */
	for (depth = FEEDLIST_MAX_DEPTH; depth <= FEEDLIST_MAX_DEPTH + 1;
	    depth++) {
		buf_reset(&b);
		buf_append_str(&b, "<opml>");
		for (i = 1; i < depth - 1; i++)
			buf_append_str(&b, "<outline text=\"f\">");
		buf_append_str(&b,
		    "<outline xmlUrl=\"http://deep.example/\"/>");
		for (i = 1; i < depth - 1; i++)
			buf_append_str(&b, "</outline>");
		buf_append_str(&b, "</opml>");
		err = NULL;
		if (depth == FEEDLIST_MAX_DEPTH) {
			CHECK_INT(feedlist_read(b.data, b.len, &list, &err), 0);
			CHECK_INT(list.n_entries, 1);
			if (list.n_entries == 1)
				CHECK_STR(list.entries[0].tags[0], "f");
		} else {
			CHECK_INT(feedlist_read(b.data, b.len, &list, &err),
			    -1);
			CHECK_STR(err, "OPML nests elements deeper than 64 "
			    "levels at line 1");
		}
		free(err);
		feedlist_free(&list);
	}

	/* Entries: the limit holds in both formats. */
	buf_reset(&b);
	buf_append_str(&b, "<opml><body>");
	for (i = 0; i <= FEEDLIST_MAX_ENTRIES; i++)
		buf_appendf(&b, "<outline xmlUrl=\"http://a.example/%d\"/>", i);
	buf_append_str(&b, "</body></opml>");
	CHECK_INT(feedlist_read(b.data, b.len, &list, &err), -1);
	CHECK_STR(err, "OPML has too many feeds: more than 100000");
	CHECK_INT(list.n_entries, 0);
	free(err);
	feedlist_free(&list);

	buf_reset(&b);
	for (i = 0; i < FEEDLIST_MAX_ENTRIES; i++)
		buf_appendf(&b, "http://a.example/%d\n", i);
	buf_append_str(&b, "http://a.example/0 already-there\n");
	CHECK_INT(feedlist_read(b.data, b.len, &list, &err), 0);
	CHECK_INT(list.n_entries, FEEDLIST_MAX_ENTRIES);
	if (list.n_entries > 0)
		CHECK_STR(list.entries[0].tags[0], "already-there");
	feedlist_free(&list);
	buf_append_str(&b, "http://one.more.example/\n");
	CHECK_INT(feedlist_read(b.data, b.len, &list, &err), -1);
	CHECK_STR(err, "too many feeds: more than 100000");
	free(err);
	feedlist_free(&list);

	/* Tags per feed. */
	buf_reset(&b);
	buf_append_str(&b, "<opml><body><outline xmlUrl=\"http://a.example/\" "
	    "category=\"");
	for (i = 0; i < FEEDLIST_MAX_TAGS + 10; i++)
		buf_appendf(&b, "%st%d", i > 0 ? "," : "", i);
	buf_append_str(&b, "\"/></body></opml>");
	CHECK_INT(feedlist_read(b.data, b.len, &list, NULL), 0);
	CHECK_INT(list.n_entries, 1);
	if (list.n_entries == 1)
		CHECK_INT(list.entries[0].n_tags, FEEDLIST_MAX_TAGS);
	feedlist_free(&list);
	buf_free(&b);
}

static void
test_add(void)
{
	struct feedlist		 list = FEEDLIST_INIT;
	struct feedlist_entry	*e;

	CHECK(feedlist_add(NULL, "http://a.example/", NULL, NULL) == NULL);
	CHECK(feedlist_add(&list, NULL, "t", NULL) == NULL);
	CHECK(feedlist_add(&list, "  \t", "t", NULL) == NULL);
	CHECK_INT(list.n_entries, 0);

	e = feedlist_add(&list, " http://a.example/ ", NULL, NULL);
	CHECK(e != NULL);
	feedlist_add_tag(e, "x");
	feedlist_add_tag(e, " x ");
	feedlist_add_tag(e, "");
	feedlist_add_tag(e, NULL);
	feedlist_add_tag(NULL, "x");
	e = feedlist_add(&list, "http://a.example/", "  A\ttitle ",
	    "http://site/");
	feedlist_add_tag(e, "y");
	e = feedlist_add(&list, "http://a.example/", "Other", "http://other/");
	CHECK_INT(list.n_entries, 1);
	CHECK_STR(list.entries[0].url, "http://a.example/");
	CHECK_STR(list.entries[0].title, "A title");
	CHECK_STR(list.entries[0].html_url, "http://site/");
	CHECK_INT(list.entries[0].n_tags, 2);
	feedlist_free(&list);
	CHECK(list.entries == NULL && list.n_entries == 0 &&
	    list.index == NULL);
}

static void
test_write(void)
{
	static const char	 want[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n"
	    "\t<head>\n"
	    "\t\t<title>tidings subscriptions</title>\n"
	    "\t\t<dateCreated>Tue, 14 Nov 2023 22:13:20 GMT</dateCreated>\n"
	    "\t</head>\n"
	    "\t<body>\n"
	    "\t\t<outline type=\"rss\" text=\"http://a.example/?x=1&amp;y=2\" "
	    "xmlUrl=\"http://a.example/?x=1&amp;y=2\"/>\n"
	    "\t\t<outline type=\"rss\" text=\"&lt;b&gt; &amp; &quot;q&quot;"
	    "\xef\xbf\xbd\" "
	    "title=\"&lt;b&gt; &amp; &quot;q&quot;\xef\xbf\xbd\" "
	    "xmlUrl=\"https://b.example/\" htmlUrl=\"https://b.example/site\" "
	    "category=\"one,two three,a/b\"/>\n"
	    "\t</body>\n"
	    "</opml>\n";
	static const char	 empty[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n"
	    "\t<head>\n"
	    "\t\t<title>tidings subscriptions</title>\n"
	    "\t\t<dateCreated>Thu, 01 Jan 1970 00:00:00 GMT</dateCreated>\n"
	    "\t</head>\n"
	    "\t<body>\n"
	    "\t</body>\n"
	    "</opml>\n";
	struct feedlist		 list = FEEDLIST_INIT;
	struct feedlist_entry	*e;
	struct buf		 out = BUF_INIT;
	char			 odd[] = "a\x01\tb\nc\xef\xbf\xbe", *title;

	feedlist_write_opml(NULL, 0, &out);
	CHECK_STR(buf_str(&out), empty);
	buf_reset(&out);
	feedlist_write_opml(&list, 0, &out);
	CHECK_STR(buf_str(&out), empty);
	buf_reset(&out);

	feedlist_add(&list, "http://a.example/?x=1&y=2", NULL, NULL);
	e = feedlist_add(&list, "https://b.example/", "<b> & \"q\"\xff",
	    "https://b.example/site");
	feedlist_add_tag(e, "one");
	feedlist_add_tag(e, "two,three");
	feedlist_add_tag(e, "//a/b");
	feedlist_add_tag(e, "/");
	feedlist_write_opml(&list, 1700000000, &out);
	CHECK_STR(buf_str(&out), want);

	/* Characters the list never holds, put there by hand: the writer
	 * still makes well-formed XML 1.0 of them. */
	buf_reset(&out);
	title = list.entries[1].title;
	list.entries[1].title = odd;
	feedlist_write_opml(&list, 0, &out);
	list.entries[1].title = title;
	CHECK(strstr(buf_str(&out), "text=\"a&#9;b&#10;c\"") != NULL);
	buf_free(&out);
	feedlist_free(&list);
}

static void
test_round_trip(void)
{
	static const struct {
		const char	*url;
		const char	*title;
		const char	*html_url;
		const char	*tags[4];
	} feeds[] = {
		{ "https://www.kathimerini.gr/rss",
		    "\xce\x97 \xce\x9a\xce\xb1\xce\xb8\xce\xb7\xce\xbc\xce\xb5"
		    "\xcf\x81\xce\xb9\xce\xbd\xce\xae",
		    "https://www.kathimerini.gr/",
		    { "\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1",
		    "news", NULL } },
		{ "http://q.example/feed?a=1&b=<2>", "Tom & Jerry's \"<show>\"",
		    NULL, { "a&b", "<tag>", "AC/DC", "\"quoted\"" } },
		{ "file:///home/u/feed.xml", NULL, NULL, { NULL } },
		{ "https://emoji.example/", "\xf0\x9f\x98\x80 smile", NULL,
		    { "x y", NULL } },
	};
	struct feedlist		 list = FEEDLIST_INIT, back;
	struct feedlist_entry	*e;
	struct buf		 out = BUF_INIT;
	char			*err;
	size_t			 i, j, n;

	for (i = 0; i < sizeof(feeds) / sizeof(feeds[0]); i++) {
		e = feedlist_add(&list, feeds[i].url, feeds[i].title,
		    feeds[i].html_url);
		for (j = 0; j < 4 && feeds[i].tags[j] != NULL; j++)
			feedlist_add_tag(e, feeds[i].tags[j]);
	}
	feedlist_write_opml(&list, 1700000000, &out);
	CHECK_INT(feedlist_read(out.data, out.len, &back, &err), 0);
	CHECK_STR(err, NULL);
	CHECK_INT(back.n_skipped, 0);
	CHECK_INT(back.n_entries, list.n_entries);
	n = back.n_entries < list.n_entries ? back.n_entries : list.n_entries;
	for (i = 0; i < n; i++) {
		CHECK_STR(back.entries[i].url, list.entries[i].url);
		CHECK_STR(back.entries[i].title, list.entries[i].title);
		CHECK_STR(back.entries[i].html_url, list.entries[i].html_url);
		CHECK_INT(back.entries[i].n_tags, list.entries[i].n_tags);
		for (j = 0; j < back.entries[i].n_tags &&
		    j < list.entries[i].n_tags; j++)
			CHECK_STR(back.entries[i].tags[j],
			    list.entries[i].tags[j]);
	}
	free(err);
	feedlist_free(&back);
	feedlist_free(&list);
	buf_free(&out);
}

/* C1 and bidi controls never enter the list, and never leave it as OPML
 * even when put there by hand: another program may print an export raw. */
static void
test_controls(void)
{
	static const char	 urls[] =
	    "https://c.example/rss \"~R\xe2\x80\xae" "LO\xc2\x9d\" t\xc2\x81" "ag\n";
	static const char	 bad_url[] =
	    "https://c.example/\xe2\x80\xae" "gpj.exe \"evil\"\n";
	struct feedlist		 list = FEEDLIST_INIT, read;
	struct feedlist_entry	*e;
	struct buf		 out = BUF_INIT;
	char			 title[] = "ab\xe2\x80\xae" "cd\xc2\x9d" "e\xe2\x81\xa6" "f";
	char			 tag[] = "t\xc2\x81" "a\xe2\x80\xab" "g", *saved, *saved_tag;
	char			*err = NULL;

	e = feedlist_add(&list, "https://a.example/", title, NULL);
	CHECK_STR(e->title, "abcdef");
	feedlist_add_tag(e, tag);
	CHECK_INT(e->n_tags, 1);
	CHECK_STR(e->tags[0], "tag");

	saved = e->title;
	saved_tag = e->tags[0];
	e->title = title;
	e->tags[0] = tag;
	feedlist_write_opml(&list, 0, &out);
	e->title = saved;
	e->tags[0] = saved_tag;
	CHECK(strstr(buf_str(&out), "text=\"abcdef\" title=\"abcdef\"") != NULL);
	CHECK(strstr(buf_str(&out), "category=\"tag\"") != NULL);
	CHECK(strstr(buf_str(&out), "\xc2") == NULL);
	CHECK(strstr(buf_str(&out), "\xe2\x80\xae") == NULL);
	CHECK(strstr(buf_str(&out), "\xe2\x81\xa6") == NULL);

	/* Read from a urls file: names and tags lose them; a URL with a bidi
	 * control is no URL. */
	CHECK_INT(feedlist_read(urls, strlen(urls), &read, &err), 0);
	CHECK_STR(err, NULL);
	CHECK_INT(read.n_entries, 1);
	if (read.n_entries == 1) {
		CHECK_STR(read.entries[0].title, "RLO");
		CHECK_INT(read.entries[0].n_tags, 1);
		if (read.entries[0].n_tags == 1)
			CHECK_STR(read.entries[0].tags[0], "tag");
	}
	feedlist_free(&read);
	CHECK_INT(feedlist_read(bad_url, strlen(bad_url), &read, &err), -1);
	CHECK(err != NULL && strstr(err, "not a URL") != NULL);
	free(err);
	buf_free(&out);
	feedlist_free(&list);
}

int
main(void)
{
	test_read_null();
	test_read_cases();
	test_utf16();
	test_warnings();
	test_limits();
	test_add();
	test_write();
	test_round_trip();
	test_controls();
	return test_done();
}
