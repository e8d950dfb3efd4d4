/* test-render.c: HTML to terminal lines: blocks, lists, quotes, pre, links,
 * references, hostile input, and the golden files in tests/data/render. */
#include "config.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "render.h"
#include "test.h"
#include "width.h"
#include "xmalloc.h"

#define FFFD "\xef\xbf\xbd"
#define BULLET "\xe2\x80\xa2 "
#define ECUTE "e\xcc\x81"	/* e and U+0301 */

/* The widths every golden input is also rendered at. */
static const int check_widths[] = { 10, 20, 33, 60, 80 };

static const struct {
	const char	*html;
	const char	*base;
	int		 width;
	const char	*text;		/* the lines, each ended by '\n' */
} cases[] = {
	/* Empty, white and markup-only input. */
	{ "", NULL, 60, "" },
	{ " \t\r\n ", NULL, 60, "" },
	{ "<p></p><div> </div><br><br>", NULL, 60, "" },
	{ "<p>&nbsp;</p>", NULL, 60, "" },
	{ "plain", NULL, 60, "plain\n" },
	{ "  plain  text  ", NULL, 60, "plain text\n" },

	/* Blocks: one blank line between paragraphs, never two, none at
	 * either end. */
	{ "<p>a</p><p>b</p>", NULL, 60, "a\n\nb\n" },
	{ "<p>a</p>\n\n<p></p><p>&nbsp;</p>\n<p>b</p>", NULL, 60, "a\n\nb\n" },
	{ "<div>a</div><div>b</div>", NULL, 60, "a\nb\n" },
	{ "a<br>b", NULL, 60, "a\nb\n" },
	{ "a<br><br>b", NULL, 60, "a\n\nb\n" },
	{ "a<br> <br/><br /><BR>b", NULL, 60, "a\n\nb\n" },
	{ "a</br>b", NULL, 60, "a\nb\n" },
	{ "<b>a</b> <i>b</i>c", NULL, 60, "a bc\n" },
	{ "<h1>T</h1>x", NULL, 60, "T\n\nx\n" },
	{ "x<hr>y", NULL, 10, "x\n\n----------\n\ny\n" },
	{ "<blockquote><hr></blockquote>", NULL, 80, "> "
	    "------------------------------------------------------------------------\n" },
	{ "</p></blockquote></ul></li></pre>a", NULL, 60, "a\n" },

	/* Wrapping by display columns; long words are cut. */
	{ "aaa bbb ccc ddd", NULL, 10, "aaa bbb\nccc ddd\n" },
	{ "abcdefghijklmno", NULL, 10, "abcdefghij\nklmno\n" },
	{ "x abcdefghijklmno", NULL, 10, "x\nabcdefghij\nklmno\n" },
	{ "aaaa&nbsp;bbbb cc", NULL, 10, "aaaa bbbb\ncc\n" },
	{ "\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5",
	    NULL, 10, "\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5\n"
	    "\xe6\x97\xa5\n" },
	{ "a\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5", NULL, 10,
	    "a\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5\n\xe6\x97\xa5\n" },
	{ ECUTE ECUTE ECUTE ECUTE ECUTE ECUTE ECUTE ECUTE ECUTE ECUTE ECUTE, NULL, 10,
	    ECUTE ECUTE ECUTE ECUTE ECUTE ECUTE ECUTE ECUTE ECUTE ECUTE "\n" ECUTE "\n" },

	/* Lists. */
	{ "<ul><li>a<li>b</ul>", NULL, 60, BULLET "a\n" BULLET "b\n" },
	{ "<ol><li>a</li><li>b</li></ol>", NULL, 60, "1. a\n2. b\n" },
	{ "<ol start=\"9\"><li>a<li>b</ol>", NULL, 60, "9. a\n10. b\n" },
	{ "<ul><li>a<ul><li>b</ul><li>c</ul>", NULL, 60,
	    BULLET "a\n  " BULLET "b\n" BULLET "c\n" },
	{ "<ul><li>aaa bbb ccc</ul>", NULL, 10, BULLET "aaa bbb\n  ccc\n" },
	{ "<li>stray</li>", NULL, 60, BULLET "stray\n" },
	{ "x<ul><li>a</ul>y", NULL, 60, "x\n\n" BULLET "a\n\ny\n" },
	{ "<dl><dt>t<dd>d<dt>u</dl>", NULL, 60, "t\n  d\nu\n" },

	/* Quotes and preformatted text. */
	{ "<blockquote>a<blockquote>b</blockquote>c</blockquote>d", NULL, 60,
	    "> a\n>\n> > b\n>\n> c\n\nd\n" },
	{ "<blockquote><p>a</p><p>b</p></blockquote>", NULL, 60, "> a\n>\n> b\n" },
	{ "<pre>a\n\tb\n  c  </pre>", NULL, 60, "a\n        b\n  c\n" },
	{ "<pre>ab\tc</pre>", NULL, 60, "ab      c\n" },
	{ "<pre>0123456789abc\nx</pre>", NULL, 10, "0123456789\nx\n" },
	{ "<pre>a\n\n\n\nb</pre>", NULL, 60, "a\n\nb\n" },
	{ "<pre>a\r\nb\rc</pre>", NULL, 60, "a\nb\nc\n" },
	{ "<pre>&lt;b&gt; <b>x</b></pre>", NULL, 60, "<b> x\n" },
	{ "<pre>a</pre>b", NULL, 60, "a\n\nb\n" },

	/* Tables: cells separated by " | ". */
	{ "<table><tr><th>a<th>b<tr><td>1<td><td>3</table>", NULL, 60,
	    "a | b\n1 | | 3\n" },

	/* Images. */
	{ "<img alt=\"a cat\">", NULL, 60, "[image: a cat]\n" },
	{ "<img src=x>", NULL, 60, "[image]\n" },
	/* An empty alt marks a decorative image, as extract reads it. */
	{ "<img alt=''>", NULL, 60, "" },
	{ "<p>a <img alt=''>b</p>", NULL, 60, "a b\n" },
	{ "<img alt=' a &amp;  b '>", NULL, 60, "[image: a & b]\n" },

	/* Links: numbered by first appearance, listed at the end. */
	{ "<a href='http://x/'>t</a> <a href=\"http://x/\">u</a> <a href=http://y/>v</a>",
	    NULL, 60, "t[1] u[1] v[2]\n\n[1] http://x/\n[2] http://y/\n" },
	{ "<a href='b'>t</a>", "http://h/a/", 60, "t[1]\n\n[1] http://h/a/b\n" },
	{ "<a href='?q=1&amp;r=2'>t</a>", "http://h/a", 60,
	    "t[1]\n\n[1] http://h/a?q=1&r=2\n" },
	{ "<a href='javascript:x()'>t</a>", NULL, 60, "t\n" },
	{ "<a href=' java\tscript:x()'>t</a>", NULL, 60, "t\n" },
	{ "<a href='DATA:text/html,x'>t</a>", NULL, 60, "t\n" },
	{ "<a href=''>t</a><a>u</a><a href>v</a>", NULL, 60, "tuv\n" },
	{ "<a href='http://x/'></a>t", NULL, 60, "t\n" },
	{ "<a href='http://x/'>t </a>u", NULL, 60, "t[1] u\n\n[1] http://x/\n" },
	{ "<a href='http://x/'>t<a href='http://y/'>u", NULL, 60,
	    "t[1]u[2]\n\n[1] http://x/\n[2] http://y/\n" },
	{ "<a href='http://x/'><h2>t</h2><p>u</p></a>v", NULL, 60,
	    "t\n\nu[1]\n\nv\n\n[1] http://x/\n" },
	{ "<a href='http://example.com/a/long/path'>t</a>", NULL, 20,
	    "t[1]\n\n[1] http://example.\xe2\x80\xa6\n" },

	/* References. */
	{ "&lt;&amp;&gt; &#65;&#x42;&#X43 &#150; &eacute;", NULL, 60,
	    "<&> ABC \xe2\x80\x93 \xc3\xa9\n" },
	{ "&#0; &#x110000; &#xd800; &#129; &#27;", NULL, 60,
	    FFFD " " FFFD " " FFFD " " FFFD " " FFFD "\n" },
	{ "&bogus; &amp &copy AT&T &#; &", NULL, 60, "&bogus; &amp &copy AT&T &#; &\n" },

	/* Nothing that drives a terminal survives. */
	{ "a\x1b[2Jb", NULL, 60, "ab\n" },
	{ "a\x1b]0;title\x07" "b", NULL, 60, "ab\n" },
	{ "a\x1b]0;title\x1b\\b", NULL, 60, "ab\n" },
	{ "a\xc2\x9b" "31mb", NULL, 60, "ab\n" },
	{ "a\xc2\x9d" "0;t\xc2\x9c" "b", NULL, 60, "ab\n" },
	{ "a\x9b" "b", NULL, 60, "a" FFFD "b\n" },
	{ "&#155;", NULL, 60, "\xe2\x80\xba\n" },
	{ "a\xe2\x80\xae" "b&#x202e;c&#8237;d\xe2\x81\xa6" "e", NULL, 60, "abcde\n" },
	{ "a\x07\x08\x7f" "b", NULL, 60, "ab\n" },
	{ "soft&shy;hyphen", NULL, 60, "softhyphen\n" },

	/* Markup that is not text. */
	{ "<script>x</script>y<style>z</style>", NULL, 60, "y\n" },
	{ "<SCRIPT>a</p>b</scriptx>c</SCRIPT >d", NULL, 60, "d\n" },
	{ "<script>never closed", NULL, 60, "" },
	{ "a<!-- <b> -->b<!---->c<!-->d", NULL, 60, "abcd\n" },
	{ "a<!-- never closed", NULL, 60, "a\n" },
	{ "<![CDATA[<b>&amp;]]>", NULL, 60, "<b>&amp;\n" },
	{ "<?xml version='1.0'?><!DOCTYPE html>t", NULL, 60, "t\n" },
	{ "2 < 3 <> </ >", NULL, 60, "2 < 3 <>\n" },
	{ "<a title='x>y'>t</a>", NULL, 60, "t\n" },
	{ "<a title=\"unterminated>text", NULL, 60, "" },
	{ "t<img", NULL, 60, "t\n" },
};

/* The lines of r as one string, each ended by '\n'. */
static char *
joined(const struct render *r)
{
	struct buf	b = BUF_INIT;
	size_t		i;

	buf_append(&b, "", 0);
	for (i = 0; i < r->n_lines; i++) {
		buf_append_str(&b, r->lines[i].text);
		buf_append_char(&b, '\n');
	}
	return buf_detach(&b);
}

static void
test_cases(void)
{
	struct render	 r;
	char		*text;
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		CHECK_INT(render_html(cases[i].html, cases[i].base, cases[i].width, &r), 0);
		text = joined(&r);
		if (strcmp(text, cases[i].text) != 0)
			fprintf(stderr, "case %zu: %s\n", i, cases[i].html);
		CHECK_STR(text, cases[i].text);
		free(text);
		render_free(&r);
	}
}

static void
test_null(void)
{
	struct render	r;

	CHECK_INT(render_html(NULL, NULL, 60, &r), 0);
	CHECK_INT(r.n_lines, 0);
	CHECK_INT(r.n_links, 0);
	render_free(&r);
	CHECK_INT(render_html("x", NULL, 60, NULL), -1);
	render_free(NULL);

	/* A width under 10 is taken as 10. */
	CHECK_INT(render_html("aaaaa bbbb ccccc", NULL, 1, &r), 0);
	CHECK_INT(r.n_lines, 2);
	CHECK_STR(r.n_lines > 0 ? r.lines[0].text : NULL, "aaaaa bbbb");
	render_free(&r);
	CHECK(r.lines == NULL && r.n_lines == 0);
}

static void
test_styles(void)
{
	static const enum render_style want[] = {
		RENDER_HEADING, RENDER_TEXT, RENDER_QUOTE, RENDER_QUOTE,
		RENDER_QUOTE, RENDER_TEXT, RENDER_PRE, RENDER_PRE, RENDER_PRE,
		RENDER_TEXT, RENDER_TEXT, RENDER_TEXT, RENDER_LINK,
	};
	struct render	r;
	size_t		i;

	render_html("<h2>T</h2><blockquote><p>q</p><p>r</p></blockquote>"
	    "<pre>p\n\nq</pre><a href='http://x/'>l</a>", NULL, 60, &r);
	CHECK_INT(r.n_lines, sizeof want / sizeof want[0]);
	for (i = 0; i < r.n_lines && i < sizeof want / sizeof want[0]; i++) {
		if (r.lines[i].style != want[i])
			fprintf(stderr, "line %zu: \"%s\"\n", i, r.lines[i].text);
		CHECK_INT(r.lines[i].style, want[i]);
	}
	CHECK_INT(r.n_links, 1);
	CHECK_STR(r.n_links > 0 ? r.links[0] : NULL, "http://x/");
	render_free(&r);

	/* The full URL is kept in links[] when the line is cut. */
	render_html("<a href='http://example.com/a/long/path?x'>t</a>", NULL, 10, &r);
	CHECK_INT(r.n_links, 1);
	CHECK_STR(r.n_links > 0 ? r.links[0] : NULL, "http://example.com/a/long/path?x");
	render_free(&r);
}

static void
test_add_text(void)
{
	struct render	 r;
	char		*text;

	memset(&r, 0, sizeof r);
	render_add_text(&r, NULL, RENDER_META, 60);
	render_add_text(NULL, "x", RENDER_META, 60);
	CHECK_INT(r.n_lines, 0);
	render_add_text(&r, "Title: Hello world", RENDER_META, 10);
	render_add_text(&r, "a\x1b[2Jb\tc <b>&amp;\n\nnext", RENDER_META, 60);
	text = joined(&r);
	CHECK_STR(text, "Title:\nHello\nworld\nab c <b>&amp;\n\nnext\n");
	free(text);
	CHECK_INT(r.n_lines, 6);
	CHECK(r.n_lines == 6 && r.lines[0].style == RENDER_META &&
	    r.lines[4].style == RENDER_META && r.lines[5].style == RENDER_META);
	render_free(&r);

	/* After a rendering, the lines are appended after the link list. */
	render_html("<a href='http://x/'>t</a>", NULL, 60, &r);
	render_add_text(&r, "end", RENDER_TEXT, 60);
	text = joined(&r);
	CHECK_STR(text, "t[1]\n\n[1] http://x/\nend\n");
	free(text);
	render_free(&r);
}

/* Whether s is valid UTF-8 holding nothing a terminal acts on: no C0 or C1
 * control, no DEL, no bidi control. */
static bool
is_safe(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned long		 cp;
	int			 n, i;

	while (*p != '\0') {
		if (*p < 0x80) {
			if (*p < 0x20 || *p == 0x7f)
				return false;
			p++;
			continue;
		}
		if (*p >= 0xc2 && *p <= 0xdf)
			n = 2;
		else if (*p >= 0xe0 && *p <= 0xef)
			n = 3;
		else if (*p >= 0xf0 && *p <= 0xf4)
			n = 4;
		else
			return false;
		cp = *p & (0x7f >> n);
		for (i = 1; i < n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if (cp <= 0x9f || (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e ||
		    cp == 0x200f || cp == 0x061c)
			return false;
		p += n;
	}
	return true;
}

/* The promises every rendering keeps; returns the number broken. */
static int
check_invariants(const struct render *r, int width, const char *what)
{
	size_t	i;
	int	bad = 0;
	bool	blank, last_blank = true;

	for (i = 0; i < r->n_lines; i++) {
		const char *text = r->lines[i].text;

		blank = strspn(text, "> ") == strlen(text);
		if (width_of(text) > width || !is_safe(text) ||
		    (blank && last_blank) || (blank && i + 1 == r->n_lines)) {
			fprintf(stderr, "%s at width %d, line %zu: \"%s\"\n",
			    what, width, i, text);
			bad++;
		}
		last_blank = blank;
	}
	return bad;
}

static char *
read_file(const char *path)
{
	struct buf	 b = BUF_INIT;
	char		 chunk[4096];
	size_t		 n;
	FILE		*f;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	buf_append(&b, "", 0);
	return buf_detach(&b);
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * tests/data/render/NAME.html rendered at width 60 must give NAME.txt
 * exactly; NAME.url, when present, holds the base URL on its first line,
 * and a first line "#width N" in NAME.txt renders at N columns instead.
 * Every input must also keep the invariants at other widths.
 */
static void
test_golden(void)
{
	const char	*top = getenv("top_srcdir");
	char		*dir, *path, *html, *expected, *base, *text, *want;
	char		**names = NULL;
	size_t		 n_names = 0, i, j, len;
	struct dirent	*e;
	struct render	 r;
	DIR		*d;
	int		 width;

	if (top == NULL || *top == '\0')
		top = ".";
	dir = xasprintf("%s/tests/data/render", top);
	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "cannot open %s\n", dir);
		CHECK(d != NULL);
		free(dir);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len > 5 && strcmp(e->d_name + len - 5, ".html") == 0) {
			names = xreallocarray(names, n_names + 1, sizeof *names);
			names[n_names++] = xstrndup(e->d_name, len - 5);
		}
	}
	closedir(d);
	qsort(names, n_names, sizeof *names, compare_names);
	CHECK(n_names >= 10);

	for (i = 0; i < n_names; i++) {
		path = xasprintf("%s/%s.html", dir, names[i]);
		html = read_file(path);
		free(path);
		path = xasprintf("%s/%s.txt", dir, names[i]);
		expected = read_file(path);
		free(path);
		path = xasprintf("%s/%s.url", dir, names[i]);
		base = read_file(path);
		free(path);
		if (base != NULL)
			base[strcspn(base, "\r\n")] = '\0';
		CHECK(html != NULL && expected != NULL);
		if (html == NULL || expected == NULL) {
			fprintf(stderr, "%s: missing .html or .txt\n", names[i]);
			goto next;
		}

		width = 60;
		want = expected;
		if (strncmp(want, "#width ", 7) == 0) {
			width = atoi(want + 7);
			want += strcspn(want, "\n");
			if (*want == '\n')
				want++;
		}
		render_html(html, base, width, &r);
		text = joined(&r);
		if (strcmp(text, want) != 0)
			fprintf(stderr, "%s.html differs from %s.txt:\n%s",
			    names[i], names[i], text);
		CHECK_STR(text, want);
		CHECK_INT(check_invariants(&r, width, names[i]), 0);
		free(text);
		render_free(&r);

		for (j = 0; j < sizeof check_widths / sizeof check_widths[0]; j++) {
			render_html(html, base, check_widths[j], &r);
			CHECK_INT(check_invariants(&r, check_widths[j], names[i]), 0);
			render_free(&r);
		}
next:
		free(html);
		free(expected);
		free(base);
		free(names[i]);
	}
	free(names);
	free(dir);
}

/*
 * Hostile input: each pattern repeated to a megabyte must render in linear
 * time (a quadratic pass would take minutes; the bound is loose enough for
 * sanitizer and valgrind builds) and keep every invariant.
 */
static void
test_hostile(void)
{
	static const char *const patterns[] = {
		"<", "<<<<", "&", "&#", "&#x", "&amp", "<a", "</", "<!", "<!--",
		"<![CDATA[", "<a href=", "<a href='x'>y", "<a href=\"", "<ul><li>x",
		"<ol><li>", "<blockquote>x", "<pre>\tx", "</ul>", "</li>",
		"<p>", "<br>", "<td>x", "<dd>x", "<h1>", "\x1b[", "\x1b]",
		"\xc2\x9b", "\xff", ECUTE, "\xe6\x97\xa5", "&nbsp;", "<script>",
		"<li><blockquote><pre>", "x ", "<hr>",
	};
	const size_t	 size = 1024 * 1024;
	struct buf	 input = BUF_INIT;
	struct render	 r;
	clock_t		 start;
	double		 seconds;
	size_t		 i, units;

	for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
		buf_reset(&input);
		units = size / strlen(patterns[i]);
		while (units-- > 0)
			buf_append_str(&input, patterns[i]);
		start = clock();
		render_html(buf_str(&input), "http://example.com/", 33, &r);
		seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
		if (seconds >= 20)
			fprintf(stderr, "pattern \"%s\": %.1f seconds\n",
			    patterns[i], seconds);
		CHECK(seconds < 20);
		CHECK_INT(check_invariants(&r, 33, patterns[i]), 0);
		render_free(&r);
	}
	buf_free(&input);
}

/* Nesting far deeper than the stack: the prefix stays within half the
 * width, and every end tag still closes its element. */
static void
test_deep(void)
{
	static const struct {
		const char	*open, *close;
		enum render_style inner_style;
	} nestings[] = {
		{ "<ul><li>", "</li></ul>", RENDER_TEXT },
		{ "<ol><li>", "</ol>", RENDER_TEXT },
		{ "<blockquote>", "</blockquote>", RENDER_QUOTE },
		{ "<dl><dd>", "</dd></dl>", RENDER_TEXT },
		{ "<blockquote><ul><li>", "</ul></blockquote>", RENDER_QUOTE },
	};
	struct buf	 input = BUF_INIT;
	struct render	 r;
	size_t		 i, k;
	const char	*last, *inner;

	for (i = 0; i < sizeof nestings / sizeof nestings[0]; i++) {
		buf_reset(&input);
		for (k = 0; k < 10000; k++)
			buf_append_str(&input, nestings[i].open);
		buf_append_str(&input, "deep text");
		for (k = 0; k < 10000; k++)
			buf_append_str(&input, nestings[i].close);
		buf_append_str(&input, "<p>after</p>");
		render_html(buf_str(&input), NULL, 20, &r);
		CHECK_INT(check_invariants(&r, 20, nestings[i].open), 0);
		CHECK_INT(r.n_lines, 3);
		if (r.n_lines != 3)
			continue;
		inner = r.lines[0].text;
		last = r.lines[r.n_lines - 1].text;
		CHECK(strstr(inner, "deep text") != NULL);
		CHECK(width_of(inner) - width_of("deep text") <= 10);
		CHECK_INT(r.lines[0].style, nestings[i].inner_style);
		CHECK_STR(last, "after");
		CHECK_INT(r.lines[r.n_lines - 1].style, RENDER_TEXT);
		render_free(&r);
	}
	buf_free(&input);
}

int
main(void)
{
	test_null();
	test_cases();
	test_styles();
	test_add_text();
	test_golden();
	test_hostile();
	test_deep();
	return test_done();
}
