/* test-url.c: url_resolve against RFC 3986 section 5.4 and feed-like links,
 * url_is_http, url_has_scheme, url_is_dangerous. No network; curl_global_init is never called. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "url.h"
#include "xmalloc.h"

/* The base of every example in RFC 3986 section 5.4. */
#define RFC	"http://a/b/c/d;p?q"
#define FEED	"http://example.com/feed.xml"

struct resolve_case {
	const char	*base;
	const char	*ref;
	const char	*want;
};

static const struct resolve_case resolve_cases[] = {
	/* NULL and empty inputs. */
	{ NULL, NULL, NULL },
	{ RFC, NULL, NULL },
	{ NULL, "", "" },
	{ "", "", "" },
	{ NULL, "a/b", "a/b" },
	{ "", "a/b", "a/b" },
	{ " \n\t", "a/b", "a/b" },
	{ NULL, "  a/b \n", "a/b" },
	{ "http://example.com/a/b#frag", "", "http://example.com/a/b" },
	{ "http://example.com/a/b?q#frag", "  ", "http://example.com/a/b?q" },

	/* RFC 3986 section 5.4.1, normal examples. */
	{ RFC, "g:h", "g:h" },
	{ RFC, "g", "http://a/b/c/g" },
	{ RFC, "./g", "http://a/b/c/g" },
	{ RFC, "g/", "http://a/b/c/g/" },
	{ RFC, "/g", "http://a/g" },
	/* The RFC writes "http://g"; curl adds the empty path's "/", which
	 * is the same resource for http (RFC 3986 section 6.2.3). */
	{ RFC, "//g", "http://g/" },
	{ RFC, "?y", "http://a/b/c/d;p?y" },
	{ RFC, "g?y", "http://a/b/c/g?y" },
	{ RFC, "#s", "http://a/b/c/d;p?q#s" },
	{ RFC, "g#s", "http://a/b/c/g#s" },
	{ RFC, "g?y#s", "http://a/b/c/g?y#s" },
	{ RFC, ";x", "http://a/b/c/;x" },
	{ RFC, "g;x", "http://a/b/c/g;x" },
	{ RFC, "g;x?y#s", "http://a/b/c/g;x?y#s" },
	{ RFC, "", "http://a/b/c/d;p?q" },
	{ RFC, ".", "http://a/b/c/" },
	{ RFC, "./", "http://a/b/c/" },
	{ RFC, "..", "http://a/b/" },
	{ RFC, "../", "http://a/b/" },
	{ RFC, "../g", "http://a/b/g" },
	{ RFC, "../..", "http://a/" },
	{ RFC, "../../", "http://a/" },
	{ RFC, "../../g", "http://a/g" },

	/* RFC 3986 section 5.4.2, abnormal examples. */
	{ RFC, "../../../g", "http://a/g" },
	{ RFC, "../../../../g", "http://a/g" },
	{ RFC, "/./g", "http://a/g" },
	{ RFC, "/../g", "http://a/g" },
	{ RFC, "g.", "http://a/b/c/g." },
	{ RFC, ".g", "http://a/b/c/.g" },
	{ RFC, "g..", "http://a/b/c/g.." },
	{ RFC, "..g", "http://a/b/c/..g" },
	{ RFC, "./../g", "http://a/b/g" },
	{ RFC, "./g/.", "http://a/b/c/g/" },
	{ RFC, "g/./h", "http://a/b/c/g/h" },
	{ RFC, "g/../h", "http://a/b/c/h" },
	{ RFC, "g;x=1/./y", "http://a/b/c/g;x=1/y" },
	{ RFC, "g;x=1/../y", "http://a/b/c/y" },
	{ RFC, "g?y/./x", "http://a/b/c/g?y/./x" },
	{ RFC, "g?y/../x", "http://a/b/c/g?y/../x" },
	{ RFC, "g#s/./x", "http://a/b/c/g#s/./x" },
	{ RFC, "g#s/../x", "http://a/b/c/g#s/../x" },
	/* The strict parser of section 5.2.2: a scheme makes it absolute. */
	{ RFC, "http:g", "http:g" },

	/* Links as feeds write them. */
	{ "https://example.com/blog/feed/", "../2024/post.html",
	  "https://example.com/blog/2024/post.html" },
	{ FEED, "/images/a.png", "http://example.com/images/a.png" },
	{ FEED, "https://other.example/p?x=1#y", "https://other.example/p?x=1#y" },
	{ FEED, "//cdn.example.net/x?y#z", "http://cdn.example.net/x?y#z" },
	{ "https://example.com/a/", "../../../../x", "https://example.com/x" },
	{ "http://example.com", "item", "http://example.com/item" },
	{ "http://example.com/a?q#old", "#new", "http://example.com/a?q#new" },
	{ "http://example.com/a?q#old", "?y", "http://example.com/a?y" },
	{ "HTTP://Example.COM/A", "b", "http://Example.COM/b" },
	{ "http://[::1]:8080/a/b", "c?d", "http://[::1]:8080/a/c?d" },
	{ "http://example.com:80/a/b", "c", "http://example.com:80/a/c" },
	{ FEED, "x%41%2F%20y", "http://example.com/x%41%2F%20y" },
	/* Whitespace that XML content carries around and inside links. */
	{ FEED, "\n    http://example.com/x \n", "http://example.com/x" },
	{ FEED, "\n    post.html\n  ", "http://example.com/post.html" },
	{ FEED, "2024/\r\n01/post.html", "http://example.com/2024/01/post.html" },
	/* Spaces become %20 everywhere, not curl's '+' after the '?'. */
	{ FEED, "a b.html", "http://example.com/a%20b.html" },
	{ FEED, "/x?a b#part two", "http://example.com/x?a%20b#part%20two" },
	{ FEED, "#part two", "http://example.com/feed.xml#part%20two" },
	{ NULL, "http://example.com/a b", "http://example.com/a%20b" },
	{ "http://example.com/My Feeds/feed.xml", "x",
	  "http://example.com/My%20Feeds/x" },

	/* Bases that are not http. */
	{ "file:///home/u/feed.xml", "item/1.html", "file:///home/u/item/1.html" },
	{ "file:///home/u/feed.xml", "../x", "file:///home/x" },
	{ "ftp://example.com/pub/feed.xml", "x", "ftp://example.com/pub/x" },
	{ "gemini://example.org/a/b", "c", "gemini://example.org/a/c" },
	{ "tag:example.com,2004:feed", "item/1", "item/1" },
	{ "tag:example.com,2004:feed", "http://example.com/x", "http://example.com/x" },
	{ "urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6", "item/1", "item/1" },
	{ "mailto:joe@example.com", "#x", "#x" },
	{ "mailto:joe@example.com", "", "" },
	{ "data:text/plain,hi", "x", "x" },
	/* "C" is a scheme by the syntax; curl cannot use it as a base. */
	{ "C:\\feeds\\a.xml", "b.xml", "b.xml" },
	{ FEED, "C:\\feeds\\b.xml", "C:\\feeds\\b.xml" },

	/* Bases that are relative themselves. */
	{ "feed.xml", "x", "x" },
	{ "/feed", "x", "x" },
	{ "//example.com/feed", "x", "x" },
	{ "?q", "#s", "#s" },

	/* IRIs: curl percent-encodes the UTF-8 of a relative path and query;
	 * absolute and fragment-only references keep it as it is. */
	{ FEED, "caf\xc3\xa9/\xe6\x97\xa5\xe6\x9c\xac.html?q=\xc3\xa9",
	  "http://example.com/caf%c3%a9/%e6%97%a5%e6%9c%ac.html?q=%c3%a9" },
	{ FEED, "http://ex\xc3\xa4mple.com/caf\xc3\xa9",
	  "http://ex\xc3\xa4mple.com/caf\xc3\xa9" },
	{ FEED, "#fr\xc3\xa9", "http://example.com/feed.xml#fr\xc3\xa9" },
	{ FEED, "//ex\xc3\xa4mple.com/c", "http://ex\xc3\xa4mple.com/c" },
	{ "http://example.com/caf\xc3\xa9/feed", "x",
	  "http://example.com/caf\xc3\xa9/x" },

	/* What curl refuses comes back unchanged. */
	{ FEED, "x\x01y", "x\x01y" },
	{ FEED, "1x:y", "1x:y" },
};

/* xml:base is itself resolved against the feed URL, then the link against
 * that (RFC 3986 section 5.1.2 and the XML Base recommendation). */
struct base_case {
	const char	*feed_url;
	const char	*xml_base;
	const char	*href;
	const char	*want;
};

static const struct base_case base_cases[] = {
	{ NULL, "", "x", "x" },
	{ NULL, "entries/", "x", "x" },
	{ "http://example.org/a/feed", "", "x", "http://example.org/a/x" },
	{ "http://example.org/blog/feed.atom", "/blog/2024/", "post.html",
	  "http://example.org/blog/2024/post.html" },
	{ "http://example.org/blog/feed.atom", "entries/", "../img/a.png",
	  "http://example.org/blog/img/a.png" },
	{ "http://example.org/feed", "https://cdn.example.net/base/", "x",
	  "https://cdn.example.net/base/x" },
	{ "http://example.org/a/feed", "//mirror.example.org/b/", "c?d#e",
	  "http://mirror.example.org/b/c?d#e" },
	{ "http://example.org/a/feed", "b/", "#top",
	  "http://example.org/a/b/#top" },
	{ "http://example.org/a/feed", "b/", "http://other.example/",
	  "http://other.example/" },
	{ "http://example.org/a/feed", "tag:example.org,2024:x", "z", "z" },
};

struct predicate_case {
	const char	*s;
	bool		 want;
};

static const struct predicate_case scheme_cases[] = {
	{ NULL, false },
	{ "", false },
	{ ":", false },
	{ "http", false },
	{ " http://x", false },
	{ "1abc:x", false },
	{ "-a:x", false },
	{ "+a:x", false },
	{ "/a:b", false },
	{ "a/b:c", false },
	{ "a b:c", false },
	{ "//x:y", false },
	{ "?x:y", false },
	{ "#a:b", false },
	{ "\xc3\xa9:x", false },
	{ "http:", true },
	{ "http://x", true },
	{ "HTTP://x", true },
	{ "mailto:a@b", true },
	{ "tag:example.com,2004:x", true },
	{ "urn:isbn:0451450523", true },
	{ "a+b-c.d9:x", true },
	{ "C:\\path", true },
	{ "g:h", true },
};

static const struct predicate_case http_cases[] = {
	{ NULL, false },
	{ "", false },
	{ "http", false },
	{ "http:", false },
	{ "http://", false },
	{ "http:///x", false },
	{ "http://?x", false },
	{ "http://#x", false },
	{ "http:/example.com", false },
	{ "http:example.com", false },
	{ "//example.com/", false },
	{ "example.com", false },
	{ " http://example.com/", false },
	{ "http://exa mple.com/", false },
	{ "http://user@/x", false },
	{ "http://example.com:99999/", false },
	{ "ftp://example.com/", false },
	{ "file:///home/u/feed.xml", false },
	{ "httpx://example.com/", false },
	{ "mailto:joe@example.com", false },
	{ "http://example.com", true },
	{ "https://example.com/x?y#z", true },
	{ "HTTP://EXAMPLE.COM/", true },
	{ "HtTpS://example.com", true },
	{ "http://[::1]:8080/", true },
	{ "http://user:pw@example.com/", true },
	{ "https://ex\xc3\xa4mple.com/", true },
};

static void
test_subscribable(void)
{
	static const struct {
		const char *url;
		bool want;
	} rows[] = {
		{ NULL, false },
		{ "", false },
		{ "https://example.org/feed", true },
		{ "HTTP://example.org/", true },
		{ "file:///home/me/feed.xml", true },
		{ "file://localhost/home/me/feed.xml", true },
		{ "FILE:///x", true },
		{ "file://", false },
		{ "file:///", false },
		{ "file://otherhost/x", false },
		{ "file:relative.xml", false },
		{ "ftp://example.org/feed", false },
		{ "javascript:alert(1)", false },
		{ "example.org/feed", false },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		CHECK_INT(url_is_subscribable(rows[i].url), rows[i].want);
}

/* The schemes a browser would run or read locally, however written. */
static void
test_dangerous(void)
{
	static const struct predicate_case rows[] = {
		{ NULL, false },
		{ "", false },
		{ "javascript:alert(1)", true },
		{ "JaVaScRiPt:alert(1)", true },
		{ "  \001\tjavascript:x", true },
		{ "java\tscr\nipt:x", true },
		{ "vbscript:msgbox", true },
		{ "data:text/html,<script>x</script>", true },
		{ "DATA:image/png;base64,AAAA", true },
		{ "file:///etc/passwd", true },
		{ "http://example.com/javascript:x", false },
		{ "https://example.com/", false },
		{ "mailto:a@example.com", false },
		{ "magnet:?xt=urn:btih:abc", false },
		{ "/relative/data:x", false },
		{ "javascriptx:x", false },
		{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:x", false },
	};
	size_t i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		if (url_is_dangerous(rows[i].s) != rows[i].want) {
			CHECK(!"url_is_dangerous");
			fprintf(stderr, "  (row %zu)\n", i);
		} else
			CHECK(1);
	}
}

int
main(void)
{
	test_subscribable();
	size_t	 i;
	char	*got, *base, *longref;

	for (i = 0; i < sizeof resolve_cases / sizeof resolve_cases[0]; i++) {
		const struct resolve_case *c = &resolve_cases[i];

		got = url_resolve(c->base, c->ref);
		CHECK_STR(got, c->want);
		if (got != NULL && c->want != NULL && strcmp(got, c->want) != 0)
			fprintf(stderr, "  (row %zu: base %s, ref %s)\n", i,
			    c->base ? c->base : "NULL", c->ref ? c->ref : "NULL");
		free(got);
	}

	for (i = 0; i < sizeof base_cases / sizeof base_cases[0]; i++) {
		const struct base_case *c = &base_cases[i];

		base = url_resolve(c->feed_url, c->xml_base);
		got = url_resolve(base, c->href);
		CHECK_STR(got, c->want);
		free(got);
		free(base);
	}

	for (i = 0; i < sizeof scheme_cases / sizeof scheme_cases[0]; i++) {
		if (url_has_scheme(scheme_cases[i].s) != scheme_cases[i].want) {
			CHECK(!"url_has_scheme");
			fprintf(stderr, "  (url_has_scheme \"%s\")\n",
			    scheme_cases[i].s ? scheme_cases[i].s : "NULL");
		} else
			CHECK(1);
	}

	for (i = 0; i < sizeof http_cases / sizeof http_cases[0]; i++) {
		if (url_is_http(http_cases[i].s) != http_cases[i].want) {
			CHECK(!"url_is_http");
			fprintf(stderr, "  (url_is_http \"%s\")\n",
			    http_cases[i].s ? http_cases[i].s : "NULL");
		} else
			CHECK(1);
	}

	/* A long path goes through whole; the result is a fresh string. */
	longref = xmalloc(5001);
	memset(longref, 'a', 5000);
	longref[5000] = '\0';
	got = url_resolve(FEED, longref);
	CHECK_INT(strlen(got), strlen("http://example.com/") + 5000);
	CHECK(strncmp(got, "http://example.com/aaa", 22) == 0);
	free(got);
	got = url_resolve(NULL, longref);
	CHECK(got != longref);
	CHECK_STR(got, longref);
	free(got);
	free(longref);

	test_dangerous();
	return test_done();
}
