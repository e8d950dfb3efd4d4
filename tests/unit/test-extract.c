/* test-extract.c: the page's charset, bad pages, cleaned HTML to text, the
 * golden pages in tests/data/extract, and a 2 MB page of chrome; not
 * the `tidings extract` command (that is a shell test's job). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "../bench/chrome-page.h"
#include "extract.h"
#include "render.h"
#include "test.h"
#include "xmalloc.h"

static const char *
top_srcdir(void)
{
	const char *top = getenv("top_srcdir");

	return top != NULL && *top != '\0' ? top : ".";
}

/* The whole file, or NULL. */
static char *
read_file(const char *path, size_t *len)
{
	struct buf b = BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_append(&b, chunk, n);
	fclose(fp);
	buf_append(&b, "", 0);
	*len = b.len;
	return buf_detach(&b);
}

/* A story long enough to be one, to wrap around the markup under test. */
#define STORY \
	"<p>The council met on Tuesday evening to discuss the budget for the coming year, " \
	"and after a long debate, members agreed to keep the library open on Sundays.</p>" \
	"<p>Residents who had campaigned for the change filled the public gallery, and " \
	"several of them spoke before the vote, describing how they use the building.</p>"

/* ------------------------------------------------------------------ */

static const struct {
	const char	*page;
	const char	*http;
	const char	*label;
	size_t		 bom;
} charset_cases[] = {
	/* Nothing said: HTML's default. */
	{ NULL, NULL, "windows-1252", 0 },
	{ "", NULL, "windows-1252", 0 },
	{ "<p>caf\xe9</p>", NULL, "windows-1252", 0 },
	/* Byte-order marks come first, even before HTTP. */
	{ "\xef\xbb\xbf<p>x</p>", NULL, "UTF-8", 3 },
	{ "\xef\xbb\xbf<meta charset=koi8-r>", "iso-8859-7", "UTF-8", 3 },
	{ "\xfe\xff\0<", NULL, "UTF-16BE", 2 },
	{ "\xff\xfe<\0", NULL, "UTF-16LE", 2 },
	/* Then HTTP, when the label is known. */
	{ "<meta charset=utf-8>", "iso-8859-7", "iso-8859-7", 0 },
	{ "<meta charset=koi8-r>", "no-such-charset", "koi8-r", 0 },
	{ "<meta charset=koi8-r>", "", "koi8-r", 0 },
	/* Then the prescan. */
	{ "<meta charset=\"ISO-8859-7\">", NULL, "iso-8859-7", 0 },
	{ "<META CHARSET='KOI8-R'>", NULL, "koi8-r", 0 },
	{ "<meta charset=utf-8/>", NULL, "utf-8/", 0 },
	{ "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1253\">",
	  NULL, "windows-1253", 0 },
	{ "<meta content=\"text/html; charset=koi8-r\" http-equiv=\"content-type\">",
	  NULL, "koi8-r", 0 },
	{ "<meta http-equiv=content-type content='text/html;charset=\"iso-8859-7\"'>",
	  NULL, "iso-8859-7", 0 },
	{ "<meta http-equiv=content-type content='text/html; charset = koi8-r ; x'>",
	  NULL, "koi8-r", 0 },
	/* content= without http-equiv="Content-Type" does not count. */
	{ "<meta content=\"text/html; charset=koi8-r\">", NULL, "windows-1252", 0 },
	{ "<meta http-equiv=refresh content=\"text/html; charset=koi8-r\">", NULL,
	  "windows-1252", 0 },
	/* Comments, and tags with attributes holding "<meta", are skipped. */
	{ "<!-- <meta charset=koi8-r> --><meta charset=iso-8859-2>", NULL, "iso-8859-2", 0 },
	{ "<div title=\"<meta charset=koi8-r>\"><meta charset=iso-8859-2>", NULL,
	  "iso-8859-2", 0 },
	{ "<!--><meta charset=koi8-r>", NULL, "koi8-r", 0 },
	/* The standard's corrections, and unknown labels passed over. */
	{ "<meta charset=utf-16le>", NULL, "UTF-8", 0 },
	{ "<meta charset=x-user-defined>", NULL, "windows-1252", 0 },
	{ "<meta charset=no-such-charset><meta charset=koi8-r>", NULL, "koi8-r", 0 },
	{ "<meta charset=koi8-r charset=iso-8859-2>", NULL, "koi8-r", 0 },
	{ "<metaa charset=koi8-r>", NULL, "windows-1252", 0 },
	/* Undeclared: valid UTF-8 beyond ASCII is UTF-8; a cut sequence at
	 * the end still counts; broken UTF-8 and plain ASCII are not. */
	{ "<p>caf\xc3\xa9 \xe2\x80\x99", NULL, "UTF-8", 0 },
	{ "<p>\xed\x95\x9c\xea\xb5", NULL, "UTF-8", 0 },
	{ "<p>caf\xe9 na\xefve", NULL, "windows-1252", 0 },
	{ "<p>\xc0\xaf overlong", NULL, "windows-1252", 0 },
	{ "<p>\xed\xa0\x80 surrogate", NULL, "windows-1252", 0 },
	{ "<p>plain", NULL, "windows-1252", 0 },
	/* Then the legacy default of the page's language. */
	{ "<html lang=ru-RU><p>\xcf\xf0\xe8", NULL, "windows-1251", 0 },
	{ "<html class=x lang='ja'><p>\x93\xfa", NULL, "Shift_JIS", 0 },
	{ "<html lang=en><p>caf\xe9", NULL, "windows-1252", 0 },
	{ "<html lang=ru><p>\xd0\x9f\xd1\x80", NULL, "UTF-8", 0 },
};

/* Media types refused before the download, and those given a try. */
static void
test_not_page(void)
{
	static const struct {
		const char	*type;
		bool		 refused;
	} cases[] = {
		{ NULL, false },
		{ "", false },
		{ "text/html", false },
		{ "application/xhtml+xml", false },
		{ "text/plain", false },
		{ "application/octet-stream", false },
		{ "application/json", true },
		{ "application/pdf", true },
		{ "image/png", true },
		{ "video/mp4", true },
		{ "font/woff2", true },
		{ "application/zip", true },
		{ "application/jsonx", false },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		CHECK(extract_is_not_page(cases[i].type) == cases[i].refused);
}

/* The charset extract_story() reads page in, given the page's address. */
static const char *
charset_of(const char *page, const char *url)
{
	static char label[EXTRACT_CHARSET_SIZE];
	struct buf b = BUF_INIT;
	struct extract_result r;
	int i;

	buf_append_str(&b, page);
	for (i = 0; i < 8; i++)
		buf_append_str(&b, " A paragraph of a story, long enough to count as one, with a comma.</p><p>");
	label[0] = '\0';
	if (extract_story(b.data, b.len, url, NULL, &r, NULL) == 0)
		snprintf(label, sizeof label, "%s", r.charset);
	extract_result_free(&r);
	buf_free(&b);
	return label;
}

static void
test_charset(void)
{
	char label[EXTRACT_CHARSET_SIZE], *late;
	size_t i, bom, len;

	for (i = 0; i < sizeof charset_cases / sizeof charset_cases[0]; i++) {
		const char *page = charset_cases[i].page;

		len = page == NULL ? 0 : charset_cases[i].bom == 2 ? 4 : strlen(page);
		bom = 99;
		extract_page_charset(page, len, charset_cases[i].http, label, sizeof label, &bom);
		CHECK_STR(label, charset_cases[i].label);
		CHECK_INT(bom, charset_cases[i].bom);
	}
	/* NULL bom_len, a tiny label buffer. */
	extract_page_charset("<meta charset=koi8-r>", 21, NULL, label, 4, NULL);
	CHECK_STR(label, "koi");
	/* Past the first 4 KB, a <meta> is not seen. */
	late = xmalloc(5000 + 32);
	memset(late, ' ', 5000);
	strcpy(late + 5000, "<meta charset=koi8-r>");
	extract_page_charset(late, strlen(late), NULL, label, sizeof label, NULL);
	CHECK_STR(label, "windows-1252");
	free(late);
	/* The page's domain gives the legacy default when its language
	 * does not; a declaration still wins. */
	CHECK_STR(charset_of("<p>\xcf\xf0\xe8", "http://news.example.ru/a"), "windows-1251");
	CHECK_STR(charset_of("<p>\xb1\xe2", "https://www.example.co.kr:8080/x"), "EUC-KR");
	CHECK_STR(charset_of("<p>caf\xe9", "https://example.com/"), "windows-1252");
	CHECK_STR(charset_of("<html lang=de><p>\xe9", "https://example.ru/"), "windows-1252");
	CHECK_STR(charset_of("<meta charset=koi8-r><p>\xe9", "https://example.kr/"), "koi8-r");
}

/* ------------------------------------------------------------------ */

static const struct {
	const char	*page;
	size_t		 len;		/* 0: strlen */
	const char	*error;
} bad_cases[] = {
	{ NULL, 0, "the page is empty" },
	{ "", 0, "the page is empty" },
	{ " \t\r\n ", 0, "the page is empty" },
	{ "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", 0, "not an HTML page (a PDF document)" },
	{ "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "not an HTML page (binary data)" },
	{ "\x1f\x8b\x08\x00\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10\x11", 0,
	  "not an HTML page (binary data)" },
	{ "{\"title\": \"<b>x</b>\"}", 0, "not an HTML page (JSON)" },
	{ "\n [1, 2, \"<p>\"]", 0, "not an HTML page (JSON)" },
	{ "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>x</title></channel></rss>",
	  0, "not an HTML page (a feed)" },
	{ "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", 0,
	  "not an HTML page (a feed)" },
	{ "Just a plain text file, with no markup in it at all.", 0,
	  "not an HTML page (plain text)" },
	/* A login wall: little text, a form. */
	{ "<html><head><title>Log in</title></head><body><nav><a href=/>Home</a></nav>"
	  "<div class=paywall><h2>Subscribers only</h2><p>Log in to keep reading.</p>"
	  "<form><input name=user><input type=password name=pw><button>Log in</button></form>"
	  "<p>Not a subscriber? <a href=/subscribe>Subscribe now</a></p></div>"
	  "<footer>&copy; Example News</footer></body></html>", 0, "no story found on the page" },
	/* An error page served with 200. */
	{ "<html><body><h1>Page not found</h1><p>Sorry, the page you asked for does not exist."
	  "</p><p><a href=/>Back to the front page</a></p></body></html>", 0,
	  "no story found on the page" },
	/* An index: links and nothing else. */
	{ "<html><body><ul><li><a href=/1>The first story on the front page today</a></li>"
	  "<li><a href=/2>The second story on the front page today</a></li>"
	  "<li><a href=/3>The third story on the front page today, a long one</a></li>"
	  "<li><a href=/4>The fourth story on the front page today, longer still</a></li>"
	  "<li><a href=/5>The fifth story on the front page today, the last of them</a></li>"
	  "</ul></body></html>", 0, "no story found on the page" },
	/* Markup and no text. */
	{ "<html><body><div><div><img src=a.png></div></div></body></html>", 0,
	  "no story found on the page" },
};

static void
check_bad(const char *page, size_t len, const char *want)
{
	struct extract_result r;
	char *error = (char *)"untouched";

	r.html = (char *)"untouched";
	CHECK_INT(extract_story(page, len, NULL, NULL, &r, &error), -1);
	CHECK_STR(error, want);
	CHECK(r.html == NULL && r.title == NULL && r.charset == NULL);
	free(error);
	/* error may be NULL. */
	CHECK_INT(extract_story(page, len, NULL, NULL, &r, NULL), -1);
}

static void
test_bad_pages(void)
{
	struct buf page = BUF_INIT;
	char *big;
	size_t i;

	for (i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const char *p = bad_cases[i].page;

		check_bad(p, bad_cases[i].len != 0 ? bad_cases[i].len : p != NULL ? strlen(p) : 0,
		    bad_cases[i].error);
	}

	/* Too large: refused before anything is read. */
	big = xmalloc(EXTRACT_MAX_PAGE + 1);
	memset(big, 'a', EXTRACT_MAX_PAGE + 1);
	memcpy(big, "<p>", 3);
	check_bad(big, EXTRACT_MAX_PAGE + 1, "the page is larger than 8 MB");
	free(big);

	/* Nested too deeply for gumbo to parse in bounded time. */
	buf_append_str(&page, "<html><body>");
	for (i = 0; i < 3000; i++)
		buf_append_str(&page, "<div>");
	buf_append_str(&page, STORY);
	check_bad(page.data, page.len, "the page nests elements too deeply");
	buf_reset(&page);
	/* Deep nesting inside <svg> counts too. */
	buf_append_str(&page, "<html><body>" STORY "<svg>");
	for (i = 0; i < 3000; i++)
		buf_append_str(&page, "<g>");
	check_bad(page.data, page.len, "the page nests elements too deeply");
	buf_reset(&page);
	/* Formatting elements reopened in every paragraph: quadratic. */
	buf_append_str(&page, "<html><body>" STORY);
	for (i = 0; i < 1900; i++)
		buf_appendf(&page, "<b id=b%zu><p>x", i);
	check_bad(page.data, page.len, "the page's markup is too complex to parse");
	buf_reset(&page);
	/* Unclosed <p> and <li> do not nest: a long list is fine. */
	buf_append_str(&page, "<html><body>" STORY "<ul>");
	for (i = 0; i < 5000; i++)
		buf_append_str(&page, "<li><p>item");
	{
		struct extract_result r;

		CHECK_INT(extract_story(page.data, page.len, NULL, NULL, &r, NULL), 0);
		extract_result_free(&r);
	}
	buf_free(&page);
	/* Accepts NULL; frees twice safely. */
	extract_result_free(NULL);
}

/* ------------------------------------------------------------------ */

static const struct {
	const char	*html;
	int		 width;
	const char	*text;
} text_cases[] = {
	{ NULL, 0, "" },
	{ "", 0, "" },
	{ "   ", 0, "" },
	{ "<p></p><p> </p><p>&nbsp;</p>", 0, "" },
	{ "plain", 0, "plain\n" },
	{ "<p>a</p><p>b</p>", 0, "a\n\nb\n" },
	{ "<p>  a \n\t b  </p>", 0, "a b\n" },
	{ "<p>a&nbsp;&nbsp;b</p>", 0, "a  b\n" },
	{ "<p>&nbsp;</p><p>x</p>", 0, "x\n" },
	{ "<p>x<br>y</p>", 0, "x\ny\n" },
	{ "<p>x<br><br>y</p>", 0, "x\n\ny\n" },
	{ "<p><br>x<br></p>", 0, "x\n" },
	{ "<p>x<br> y</p>", 0, "x\ny\n" },
	{ "<p>see <a href=\"https://e.example/\">the link</a>.</p>", 0, "see the link.\n" },
	{ "<p><em>a</em> <strong>b</strong><code>c</code></p>", 0, "a bc\n" },
	{ "<h2>Head</h2><p>t</p>", 0, "Head\n\nt\n" },
	{ "<ul><li>one</li><li>two</li></ul><p>after</p>", 0, "\xe2\x80\xa2 one\n\xe2\x80\xa2 two\n\nafter\n" },
	{ "<p>before</p><ol><li>a</li><li>b</li></ol>", 0, "before\n\n1. a\n2. b\n" },
	{ "<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>", 0,
	  "\xe2\x80\xa2 a\n  \xe2\x80\xa2 b\n  \xe2\x80\xa2 c\n\xe2\x80\xa2 d\n" },
	{ "<ol><li><p>one</p><p>more</p></li><li>two</li></ol>", 0,
	  "1. one\n\n   more\n\n2. two\n" },
	{ "<blockquote><p>q1</p><p>q2</p></blockquote><p>t</p>", 0, "> q1\n>\n> q2\n\nt\n" },
	{ "<blockquote>loose</blockquote>", 0, "> loose\n" },
	{ "<pre>a  b\n  c\n</pre><p>t</p>", 0, "a  b\n  c\n\nt\n" },
	{ "<pre><code>x = 1;\n\ny = 2;</code></pre>", 0, "x = 1;\n\ny = 2;\n" },
	{ "<p><img src=\"https://e.example/a.png\" alt=\"A cat\"></p>", 0, "[image: A cat]\n" },
	{ "<p><img src=\"https://e.example/a.png\" alt=\"\"></p>", 0, "" },
	{ "<p><img src=\"https://e.example/a.png\"></p>", 0, "[image]\n" },
	{ "<p>see<img src=x alt=map>here</p>", 0, "see[image: map]here\n" },
	{ "<figure><img src=x alt=m><figcaption>The caption.</figcaption></figure>", 0,
	  "[image: m]\nThe caption.\n" },
	/* Whatever HTML comes, no script, style or control character. */
	{ "<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>", 0, "a\n\nb\n" },
	{ "<p>a\x1b[31mb\x07</p>", 0, "ab\n" },
	{ "<p>a\xe2\x80\xae" "b\xc2\x85</p>", 0, "ab\n" },
	{ "<p>&lt;script&gt;</p>", 0, "<script>\n" },
	{ "<div>a<div>b</div>c</div>", 0, "a\nb\nc\n" },
	{ "<table><tr><td>1</td><td>2</td></tr></table>", 0, "1 | 2\n" },
	/* Wrapping by display width. */
	{ "<p>The quick brown fox jumps over the lazy dog.</p>", 20,
	  "The quick brown fox\njumps over the lazy\ndog.\n" },
	{ "<p>The quick brown fox jumps over the lazy dog.</p>", 0,
	  "The quick brown fox jumps over the lazy dog.\n" },
	{ "<p>abcdefghijklmnop</p>", 10, "abcdefghij\nklmnop\n" },
	{ "<p>\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x86\xe3\x82\xad"
	  "\xe3\x82\xb9\xe3\x83\x88\xe3\x81\xa7\xe3\x81\x99</p>", 10,
	  "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x86\n"
	  "\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88\xe3\x81\xa7\xe3\x81\x99\n" },
	{ "<p>\xce\xb1\xce\xb2\xce\xb3 \xce\xb4\xce\xb5\xce\xb6 \xce\xb7\xce\xb8\xce\xb9</p>", 8,
	  "\xce\xb1\xce\xb2\xce\xb3 \xce\xb4\xce\xb5\xce\xb6\n\xce\xb7\xce\xb8\xce\xb9\n" },
	{ "<ul><li>alpha beta gamma</li></ul>", 12, "\xe2\x80\xa2 alpha beta\n  gamma\n" },
	{ "<blockquote><p>one two three four</p></blockquote>", 12, "> one two\n> three four\n" },
	{ "<pre>a very long line that is not wrapped</pre>", 10, "a very lon\n" },
	{ "<pre>a very long line that is not wrapped</pre>", 0,
	  "a very long line that is not wrapped\n" },
	{ "<p>x<br>a b c d e f</p>", 8, "x\na b c d e\nf\n" },
};

static void
test_text(void)
{
	struct buf html = BUF_INIT;
	size_t i;
	char *text;

	for (i = 0; i < sizeof text_cases / sizeof text_cases[0]; i++) {
		text = extract_text(text_cases[i].html, text_cases[i].width);
		CHECK_STR(text, text_cases[i].text);
		free(text);
	}
	/* Lists nested past any table's size, and markup nested deep. */
	for (i = 0; i < 40; i++)
		buf_append_str(&html, i % 2 ? "<ul><li>u" : "<ol><li>o");
	text = extract_text(html.data, 20);
	CHECK(strncmp(text, "1. o\n   \xe2\x80\xa2 u\n     1. o\n", 22) == 0);
	CHECK(strstr(text, "1. o") != NULL && strchr(text, '\x1b') == NULL);
	free(text);
	buf_reset(&html);
	for (i = 0; i < 1500; i++)
		buf_append_str(&html, "<div>");
	buf_append_str(&html, "deep");
	text = extract_text(html.data, 0);
	CHECK_STR(text, "deep\n");
	free(text);
	buf_free(&html);
}

/* ------------------------------------------------------------------ */

/*
 * NULL when html uses only what extract.h promises: the listed elements,
 * href on <a> and src and alt on <img>, with absolute http(s) (or mailto)
 * URLs, and text with '<' escaped. Otherwise what is wrong.
 */
static const char *
check_clean_html(const char *html)
{
	static const char *const tags[] = {
		"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
		"pre", "figure", "figcaption", "a", "img", "em", "strong", "b", "i",
		"code", "br",
	};
	const char *p = html, *name, *value_end;
	size_t len, i;
	bool known;

	while ((p = strchr(p, '<')) != NULL) {
		p++;
		if (*p == '/')
			p++;
		name = p;
		while (*p >= 'a' && *p <= 'z')
			p++;
		while (*p >= '2' && *p <= '6' && name[0] == 'h')
			p++;
		len = (size_t)(p - name);
		for (i = 0, known = false; i < sizeof tags / sizeof tags[0] && !known; i++)
			known = strlen(tags[i]) == len && strncmp(tags[i], name, len) == 0;
		if (!known)
			return "an element not on the list";
		while (*p == ' ') {
			p++;
			if (strncmp(p, "href=\"", 6) == 0 && name[0] == 'a' && len == 1) {
				p += 6;
				if (strncmp(p, "https://", 8) != 0 && strncmp(p, "http://", 7) != 0 &&
				    strncmp(p, "mailto:", 7) != 0)
					return "a link that is not http, https or mailto";
			} else if (strncmp(p, "src=\"", 5) == 0 && len == 3) {
				p += 5;
				if (strncmp(p, "https://", 8) != 0 && strncmp(p, "http://", 7) != 0)
					return "an image that is not http or https";
			} else if (strncmp(p, "alt=\"", 5) == 0 && len == 3) {
				p += 5;
			} else {
				return "an attribute not on the list";
			}
			if ((value_end = strchr(p, '"')) == NULL)
				return "an unterminated attribute";
			if (memchr(p, '<', (size_t)(value_end - p)) != NULL)
				return "'<' in an attribute";
			p = value_end + 1;
		}
		if (*p != '>')
			return "a malformed tag";
	}
	return NULL;
}

static const struct {
	const char	*name;
	const char	*url;
	const char	*title;
	const char	*charset;
} golden[] = {
	{ "wordpress-news", "https://coastline.example/local/harbour-ferry-service-to-resume/",
	  "Harbour ferry service to resume after winter repairs", "utf-8" },
	{ "blog-with-comments", "https://crumb.example/sourdough-without-a-scale/",
	  "Sourdough without a scale", "utf-8" },
	{ "div-soup", "https://gazette.example/story.php?id=9912",
	  "Council approves new water treatment plant", "utf-8" },
	{ "no-article", "https://railreview.example/news/2024/night-trains.html",
	  "Night trains return to the northern line", "utf-8" },
	{ "greek-iso-8859-7", "https://lefkosia.example/item/403",
	  "\xce\x9d\xce\xad\xce\xbf\xcf\x82 \xcf\x80\xce\xbf\xce\xb4\xce\xb7\xce\xbb\xce\xb1"
	  "\xcf\x84\xcf\x8c\xce\xb4\xcf\x81\xce\xbf\xce\xbc\xce\xbf\xcf\x82 \xcf\x83\xcf\x85"
	  "\xce\xbd\xce\xb4\xce\xad\xce\xb5\xce\xb9 \xcf\x84\xce\xbf \xce\xba\xce\xad\xce\xbd"
	  "\xcf\x84\xcf\x81\xce\xbf \xce\xbc\xce\xb5 \xcf\x84\xce\xbf \xcf\x80\xce\xb1\xce\xbd"
	  "\xce\xb5\xcf\x80\xce\xb9\xcf\x83\xcf\x84\xce\xae\xce\xbc\xce\xb9\xce\xbf",
	  "iso-8859-7" },
	{ "evil", "https://news.example/lighthouse",
	  "Lighthouse keeper retires after 40 years", "utf-8" },
};

/* What no output of the evil page may hold, in its HTML or its text. */
static const char *const evil_marks[] = {
	"<script", "javascript", "JaVaScRiPt", "vbscript", "data:", "onclick",
	"onerror", "onload", "alert(", "<svg", "svg", "<iframe", "iframe",
	"<object", "fallback", "<style", "style=", "<form", "password",
	"must not appear", "\x1b", "\x07", "\xe2\x80\xae", "\xef\xbf\xbd",
	"written by script", "fake paragraph", "injected",
};

/* Compare extraction from dir/name.html with dir/name.txt. */
static void
check_golden(const char *dir, const char *name, const char *url, const char *title,
    const char *charset, const char *expected_name)
{
	struct extract_result r;
	char *path, *page, *want, *text, *error = NULL;
	const char *why;
	size_t len, want_len, i;

	path = xasprintf("%s/%s.html", dir, name);
	page = read_file(path, &len);
	free(path);
	path = xasprintf("%s/%s", dir, expected_name);
	want = read_file(path, &want_len);
	free(path);
	CHECK(page != NULL && want != NULL);
	if (page == NULL || want == NULL) {
		fprintf(stderr, "golden page %s: missing files in %s\n", name, dir);
		goto out;
	}
	CHECK_INT(extract_story(page, len, url, NULL, &r, &error), 0);
	if (error != NULL) {
		fprintf(stderr, "golden page %s: %s\n", name, error);
		free(error);
		goto out;
	}
	text = extract_text(r.html, 0);
	CHECK_STR(text, want);
	if (strcmp(text, want) != 0)
		fprintf(stderr, "golden page %s: the text differs\n", name);
	if (title != NULL)
		CHECK_STR(r.title, title);
	if (charset != NULL)
		CHECK_STR(r.charset, charset);
	why = check_clean_html(r.html);
	CHECK_STR(why, NULL);
	CHECK(r.text_length >= 200);
	if (strcmp(name, "evil") == 0) {
		/* Markup written as text stays text. */
		CHECK(strstr(r.html, "typed &lt;em&gt; into") != NULL);
		for (i = 0; i < sizeof evil_marks / sizeof evil_marks[0]; i++) {
			CHECK(strstr(r.html, evil_marks[i]) == NULL);
			CHECK(strstr(text, evil_marks[i]) == NULL);
			if (strstr(r.html, evil_marks[i]) != NULL || strstr(text, evil_marks[i]))
				fprintf(stderr, "evil page: output has \"%s\"\n", evil_marks[i]);
		}
	}
	/* Wrapped, every line fits (these pages are one column a character). */
	free(text);
	text = extract_text(r.html, 40);
	{
		const char *line = text, *nl;
		bool fits = true;

		for (; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
			size_t chars = 0;
			const char *c;

			for (c = line; c < nl; c++)
				chars += ((unsigned char)*c & 0xc0) != 0x80;
			fits = fits && chars <= 40;
		}
		CHECK(fits);
	}
	free(text);
	extract_result_free(&r);
	CHECK(r.html == NULL && r.title == NULL);
out:
	free(page);
	free(want);
}

static void
test_golden(void)
{
	char *dir = xasprintf("%s/tests/data/extract", top_srcdir());
	size_t i;

	for (i = 0; i < sizeof golden / sizeof golden[0]; i++) {
		char *expected = xasprintf("%s.txt", golden[i].name);

		check_golden(dir, golden[i].name, golden[i].url, golden[i].title,
		    golden[i].charset, expected);
		free(expected);
	}
	free(dir);
}

/* render_html's lines, each ending in a newline: the article view. */
static char *
reader_text(const char *html, int width)
{
	struct render r;
	struct buf out = BUF_INIT;
	size_t i;

	buf_append(&out, "", 0);
	CHECK_INT(render_html(html, NULL, width, &r), 0);
	CHECK_INT(r.n_links, 0);
	for (i = 0; i < r.n_lines; i++) {
		buf_append_str(&out, r.lines[i].text);
		buf_append_char(&out, '\n');
	}
	render_free(&r);
	return buf_detach(&out);
}

/* html with its links' addresses taken out: the reader numbers links and
 * `extract` prints their text only, and that is all they differ in. */
static char *
without_hrefs(const char *html)
{
	struct buf out = BUF_INIT;
	const char *p, *q;

	buf_append(&out, "", 0);
	for (p = html; (q = strstr(p, " href=")) != NULL; p = q + 6) {
		buf_append(&out, p, (size_t)(q - p));
		buf_append_str(&out, " data-h=");
	}
	buf_append_str(&out, p);
	return buf_detach(&out);
}

/* The same HTML gives the same text through `extract` and through the
 * reader's article view, at the same width: one tokenizer, one layout. */
static void
test_same_as_reader(void)
{
	static const char *const fragments[] = {
		"<p>One &amp; two&nbsp;three &#8212; four.</p><p>Second   paragraph,\n"
		"wrapped over\tlines.</p>",
		"<h2>Heading</h2><p>text <em>em</em> <strong>strong</strong> <code>c</code></p>",
		"<ul><li>one</li><li>two<ul><li>deeper item with enough words to wrap</li>"
		"</ul></li></ul><ol start=\"3\"><li>three</li><li>four</li></ol>",
		"<blockquote><p>quoted words that go on for a while</p><p>more</p>"
		"</blockquote><p>after</p>",
		"<pre>code  kept\n\tindented\n</pre><p>x<br>y<br><br>z</p>",
		"<figure><img src=a.png alt=\"A map\"><figcaption>Caption</figcaption></figure>"
		"<p><img src=b.png alt=\"\"><img src=c.png></p>",
		"<table><tr><th>h1</th><th>h2</th></tr><tr><td>1</td><td>2</td></tr></table>",
		"<dl><dt>term</dt><dd>definition</dd></dl><hr><p>a<script>x</script>b</p>",
		"<p>see <a>a link without address</a>, \xe6\x97\xa5\xe6\x9c\xac "
		"\xce\xb1\xce\xb2\xce\xb3</p>",
	};
	static const int widths[] = { 10, 40, 72 };
	struct extract_result r;
	char *dir, *path, *page, *html, *want, *got, *error = NULL;
	size_t i, j, len;

	for (i = 0; i < sizeof fragments / sizeof fragments[0]; i++) {
		for (j = 0; j < sizeof widths / sizeof widths[0]; j++) {
			want = reader_text(fragments[i], widths[j]);
			got = extract_text(fragments[i], widths[j]);
			CHECK_STR(got, want);
			free(want);
			free(got);
		}
	}
	/* And the stories of the golden pages. */
	dir = xasprintf("%s/tests/data/extract", top_srcdir());
	for (i = 0; i < sizeof golden / sizeof golden[0]; i++) {
		path = xasprintf("%s/%s.html", dir, golden[i].name);
		page = read_file(path, &len);
		free(path);
		CHECK(page != NULL);
		if (page == NULL)
			continue;
		CHECK_INT(extract_story(page, len, golden[i].url, NULL, &r, &error), 0);
		free(error);
		error = NULL;
		if (r.html != NULL) {
			html = without_hrefs(r.html);
			for (j = 0; j < sizeof widths / sizeof widths[0]; j++) {
				want = reader_text(html, widths[j]);
				got = extract_text(html, widths[j]);
				CHECK_STR(got, want);
				free(want);
				free(got);
			}
			free(html);
		}
		extract_result_free(&r);
		free(page);
	}
	free(dir);
}

/* The page shaped like politis.com.cy's, kept beside the project. */
static void
test_politis_fixture(void)
{
	char *dir = xasprintf("%s/../shared/fixtures", top_srcdir()), *path;
	FILE *probe;

	path = xasprintf("%s/politis-article.html", dir);
	probe = fopen(path, "rb");
	free(path);
	if (probe == NULL) {
		printf("politis fixture not found: skipping its check\n");
		free(dir);
		return;
	}
	fclose(probe);
	check_golden(dir, "politis-article",
	    "https://politis.com.cy/politis-news/cyprus-news/common-front-of-russia-belarus-"
	    "secret-services-towards-the-west/",
	    "Common front of Russia-Belarus secret services towards the West", "utf-8",
	    "politis-article.expected.txt");
	free(dir);
}

/* ------------------------------------------------------------------ */

/*
 * Markup the pass before the parse must read as the tokenizer does: after
 * each, the whole story must still be there. Scripts, styles, comments,
 * <svg>, <nav> and <aside> are emptied before parsing, and a mistake there
 * would eat the story that follows.
 */
static const char *const slim_cases[] = {
	"<script>var a = '<!--';</script>",
	"<script>var a = '<!--'; var b = '<script>'; </script> still script --></script>",
	"<script><!-- document.write('<script></script>'); --></script>",
	"<script>if (a<b && c>d) { x = '</scrip' + 't>'; }</script>",
	"<script src=x.js /></script>",
	"<SCRIPT type=text/javascript>x = 1</SCRIPT >",
	"<style>p::after { content: '</p><p>'; }</style>",
	"<style>a{}</style foo=bar>",
	"<!-- a comment with <p>markup</p> and -- dashes -->",
	"<!-->",
	"<!--->",
	"<!-- a --!> ",
	"<div title='a > b' data-x=\"<script>\">",
	"<div title=a>b>",
	"<textarea><script></textarea>",
	"<title><!--</title>",
	"<iframe><p>fallback</p></iframe>",
	"<noscript><img src=x></noscript>",
	"<svg><script/><style/><title>t</title></svg>",
	"<svg><style>a<b</style></svg>",
	"<svg><g><path d='M0 0'/></g></svg>",
	"<svg><p>breaks out of svg",
	"<svg><g></svg>",
	"<svg><foreignObject><div>x</div></foreignObject></svg>",
	"<svg><![CDATA[ </svg> ]]></svg>",
	"<math><svg></math><script>x</script>",
	"<math><mi><script>x</script></mi></math>",
	"<nav><ul><li><a href=/>Home</a></li></ul></nav>",
	"<nav><ul><li>unclosed</ul></nav>",
	"<nav><div>",
	"<aside><div>",
	"<header><div>",
	"<nav></div></nav>",
	"<aside><p>x</aside>",
	"<aside><script>'</aside>'</script></aside>",
	"<nav><nav></nav></nav>",
	"<nav><svg><g></g></svg><select><option>a</select></nav>",
	"<plaintext-not>",
	"</>",
	"</ div>",
	"<?php echo 1 ?>",
	"<!DOCTYPE html>",
	"a < b and c > d",
};

static void
test_slim(void)
{
	struct extract_result r;
	char *page, *text;
	size_t i;

	for (i = 0; i < sizeof slim_cases / sizeof slim_cases[0]; i++) {
		page = xasprintf("<html><body>%s<div class=entry-content>" STORY "</div>"
		    "</body></html>", slim_cases[i]);
		CHECK_INT(extract_story(page, strlen(page), NULL, NULL, &r, NULL), 0);
		text = extract_text(r.html, 0);
		CHECK(strstr(text, "The council met on Tuesday evening") != NULL &&
		    strstr(text, "describing how they use the building.") != NULL);
		if (strstr(text, "describing how they use the building.") == NULL)
			fprintf(stderr, "slim case %zu lost the story:\n%s\n", i, text);
		free(text);
		extract_result_free(&r);
		free(page);
	}
}

/* ------------------------------------------------------------------ */

/* Small pages for what the cleaned HTML keeps and how. */
static const struct {
	const char	*body;		/* placed before STORY */
	const char	*base;
	const char	*want;		/* in the cleaned HTML */
	const char	*not;		/* not in it */
} clean_cases[] = {
	{ "<p>A <a href=\"/x/y.html\">relative link</a> here.</p>", "https://e.example/a/b",
	  "<a href=\"https://e.example/x/y.html\">relative link</a>", NULL },
	{ "<p>A <a href=\"../y.html\">relative link</a> here.</p>", "https://e.example/a/b/c",
	  "<a href=\"https://e.example/a/y.html\">relative link</a>", NULL },
	/* Without a base a relative link cannot be made absolute: text only. */
	{ "<p>A <a href=\"/x/y.html\">relative link</a> here.</p>", NULL,
	  "<p>A relative link here.</p>", "href" },
	{ "<p>Write <a href=\"mailto:desk@e.example\">to the desk</a>.</p>", NULL,
	  "<a href=\"mailto:desk@e.example\">to the desk</a>", NULL },
	{ "<p>A <a href=\" javascript:alert(1)\">bad</a> link.</p>", "https://e.example/",
	  "<p>A bad link.</p>", "javascript" },
	{ "<p>A <a href=\"java&#x09;script:alert(1)\">bad</a> link.</p>", "https://e.example/",
	  "<p>A bad link.</p>", "script" },
	{ "<p>An <a>anchor</a> and <a href=\"\">empty</a>.</p>", "https://e.example/",
	  "<p>An anchor and empty.</p>", "<a" },
	/* Lazy images: the real source is elsewhere. */
	{ "<p><img src=\"data:image/gif;base64,R0lGOD\" data-src=\"/img/real.jpg\" alt=\"r\"></p>",
	  "https://e.example/", "<img src=\"https://e.example/img/real.jpg\" alt=\"r\">", "data:" },
	{ "<p><img srcset=\"/img/s.jpg 1x, /img/l.jpg 2x\" alt=\"s\"></p>",
	  "https://e.example/", "<img src=\"https://e.example/img/s.jpg\" alt=\"s\">", NULL },
	{ "<p><img src=\"javascript:alert(1)\" alt=\"j\"></p>", "https://e.example/",
	  NULL, "<img" },
	/* Attributes go; escaping holds. */
	{ "<p class=\"x\" style=\"color:red\" onclick=\"f()\" id=\"p1\">Tom &amp; Jerry &lt;3 "
	  "&quot;quotes&quot;</p>", NULL, "<p>Tom &amp; Jerry &lt;3 \"quotes\"</p>", "class" },
	{ "<p><a href=\"https://e.example/?a=1&amp;b=&quot;2&quot;\">q</a></p>", NULL,
	  "<a href=\"https://e.example/?a=1&amp;b=&quot;2&quot;\">q</a>", NULL },
	/* Inline elements are kept, empty ones are not. */
	{ "<p><em>a</em> <span>b</span> <strong></strong><i> c</i><u>d</u></p>", NULL,
	  "<p><em>a</em> b <i>c</i>d</p>", "<strong>" },
	/* h1 becomes h2 unless it is the title. */
	{ "<h1>A heading of the story</h1>", NULL, "<h2>A heading of the story</h2>", "<h1" },
	/* Loose text in divs becomes paragraphs; two <br>s split them. */
	{ "<div>First loose line.<br><br>Second loose line.</div>", NULL,
	  "<p>First loose line.</p>\n<p>Second loose line.</p>", NULL },
	{ "<div>One line<br>and the next.</div>", NULL, "<p>One line<br>and the next.</p>", NULL },
	/* Nested lists stay nested. */
	{ "<ul><li>outer<ul><li>inner</li></ul></li></ul>", NULL,
	  "<ul>\n<li>outer<ul>\n<li>inner</li>\n</ul>\n</li>\n</ul>", NULL },
	/* <base href> takes part in resolving. */
	{ "<p><a href=\"y.html\">based</a></p>", "https://e.example/a/",
	  "<a href=\"https://e.example/a/y.html\">based</a>", NULL },
	/* Hidden things go. */
	{ "<p hidden>Hidden paragraph.</p><p aria-hidden=\"true\">Aria hidden.</p>"
	  "<p style=\"DISPLAY: None\">Styled away.</p>", NULL, "<p>The council", "idden" },
};

static void
test_clean(void)
{
	struct extract_result r;
	char *page;
	size_t i;

	for (i = 0; i < sizeof clean_cases / sizeof clean_cases[0]; i++) {
		page = xasprintf("<html><head><title>t</title></head><body><article>%s" STORY
		    "</article></body></html>", clean_cases[i].body);
		CHECK_INT(extract_story(page, strlen(page), clean_cases[i].base, NULL, &r, NULL), 0);
		if (r.html == NULL) {
			free(page);
			continue;
		}
		if (clean_cases[i].want != NULL)
			CHECK(strstr(r.html, clean_cases[i].want) != NULL);
		if (clean_cases[i].not != NULL)
			CHECK(strstr(r.html, clean_cases[i].not) == NULL);
		CHECK_STR(check_clean_html(r.html), NULL);
		if ((clean_cases[i].want != NULL && strstr(r.html, clean_cases[i].want) == NULL) ||
		    (clean_cases[i].not != NULL && strstr(r.html, clean_cases[i].not) != NULL))
			fprintf(stderr, "clean case %zu got:\n%s\n", i, r.html);
		extract_result_free(&r);
		free(page);
	}

	/* The charset from HTTP is used, and reported. */
	page = xstrdup("<html><body><article>" STORY "<p>Caf\xe9 cr\xe8me.</p></article></body></html>");
	CHECK_INT(extract_story(page, strlen(page), NULL, "iso-8859-1", &r, NULL), 0);
	CHECK(r.html != NULL && strstr(r.html, "Caf\xc3\xa9 cr\xc3\xa8me.") != NULL);
	CHECK_STR(r.charset, "iso-8859-1");
	extract_result_free(&r);
	free(page);
}

/* ------------------------------------------------------------------ */

/* The 2 MB news page of tests/bench/chrome-page.c: the story comes out
 * whole and none of the chrome does. How long it takes is the benchmark's
 * business (make bench), never a test's. */
static void
test_big_page(void)
{
	struct buf page = BUF_INIT;
	struct extract_result r;
	size_t chars = 0;
	const char *c;
	char *text;

	chrome_page(&page, STORY);
	CHECK_INT(extract_story(page.data, page.len, "https://e.example/", NULL, &r, NULL), 0);
	text = extract_text(r.html, 0);
	CHECK(strncmp(text, "The council met on Tuesday", 26) == 0);
	CHECK(strstr(text, "headline") == NULL && strstr(text, "Advertisement") == NULL);
	/* text_length counts the characters of the text but its line breaks. */
	for (c = text; *c != '\0'; c++)
		chars += ((unsigned char)*c & 0xc0) != 0x80 && *c != '\n';
	CHECK_INT(r.text_length, chars);
	CHECK(chars > 2000);
	free(text);
	extract_result_free(&r);
	buf_free(&page);
}

int
main(void)
{
	test_not_page();
	test_charset();
	test_bad_pages();
	test_text();
	test_same_as_reader();
	test_slim();
	test_clean();
	test_golden();
	test_politis_fixture();
	test_big_page();
	return test_done();
}
