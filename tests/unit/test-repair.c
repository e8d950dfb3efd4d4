/* test-repair.c: the '&' and "&#X" pre-filter, whole and cut at every position,
 * inside and outside CDATA sections, comments and processing instructions. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "repair.h"
#include "test.h"
#include "xmalloc.h"

struct repair_case {
	const char	*in;
	const char	*want;
};

/* 62 and 63 name characters: with '&' and ';' a reference of 64 and 65 bytes. */
#define NAME62	"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghij"
#define NAME63	NAME62 "k"

static const struct repair_case cases[] = {
	{ "", "" },
	{ "plain text", "plain text" },
	/* C0 controls XML forbids go, wherever they are; tab, LF, CR stay. */
	{ "<t>a\001b\037c</t>", "<t>abc</t>" },
	{ "<t>\ta\nb\rc</t>", "<t>\ta\nb\rc</t>" },
	{ "<![CDATA[x\by]]>", "<![CDATA[xy]]>" },
	{ "<t a=\"\033[2J\">", "<t a=\"[2J\">" },
	{ "AT\001&T", "AT&amp;T" },
	/* Bare '<' that starts no markup. */
	{ "<t>2 < 3</t>", "<t>2 &lt; 3</t>" },
	{ "<t>a <= b, c<3</t>", "<t>a &lt;= b, c&lt;3</t>" },
	{ "<t a=\"x < y\">", "<t a=\"x &lt; y\">" },
	{ "<![CDATA[2 < 3]]>", "<![CDATA[2 < 3]]>" },
	{ "<!-- 2 < 3 -->", "<!-- 2 < 3 -->" },
	/* Element names lower-cased, attributes left alone. */
	{ "<Title>x</title>", "<title>x</title>" },
	{ "<RSS Version=\"2.0\"><Channel/></RSS>", "<rss Version=\"2.0\"><channel/></rss>" },
	{ "<DC:Creator>A</dc:creator>", "<dc:creator>A</dc:creator>" },
	{ "<rdf:RDF xmlns:rdf=\"u\">", "<rdf:rdf xmlns:rdf=\"u\">" },
	{ "<![CDATA[<Title>]]>", "<![CDATA[<Title>]]>" },
	{ "<?xml-stylesheet Href=\"A\"?><A>", "<?xml-stylesheet Href=\"A\"?><a>" },
	{ "<\xce\x91\xce\x92>", "<\xce\x91\xce\x92>" },
	/* Bare ampersands. */
	{ "AT&T", "AT&amp;T" },
	{ "?a=1&b=2&c", "?a=1&amp;b=2&amp;c" },
	{ "&", "&amp;" },
	{ "a & b", "a &amp; b" },
	{ "&&amp;", "&amp;&amp;" },
	{ "&a b;", "&amp;a b;" },
	{ "&1a;", "&amp;1a;" },
	{ "&;", "&amp;;" },
	{ "&#;", "&amp;#;" },
	{ "&#x;", "&amp;#x;" },
	{ "&#12a;", "&amp;#12a;" },
	{ "&#x4G;", "&amp;#x4G;" },
	{ "R&D</p>", "R&amp;D</p>" },
	{ "caf\xc3\xa9 & th\xc3\xa9", "caf\xc3\xa9 &amp; th\xc3\xa9" },
	/* Well-formed references stay, named ones too (a DTD resolves them). */
	{ "&amp;", "&amp;" },
	{ "&#38;", "&#38;" },
	{ "&#x26;", "&#x26;" },
	{ "&nbsp;", "&nbsp;" },
	{ "&lt;p&gt;AT&amp;T&copy;&#8217;", "&lt;p&gt;AT&amp;T&copy;&#8217;" },
	{ "&h.x-y_z:w;", "&h.x-y_z:w;" },
	{ "&\xc3\xa9t\xc3\xa9;", "&\xc3\xa9t\xc3\xa9;" },
	{ "&" NAME62 ";", "&" NAME62 ";" },
	{ "&" NAME63 ";", "&amp;" NAME63 ";" },
	/* An upper-case X, and references to no XML character. */
	{ "&#X41;", "&#x41;" },
	{ "a&#Xe9;b", "a&#xe9;b" },
	{ "&#0;", "&#xFFFD;" },
	{ "&#X1;", "&#xFFFD;" },
	{ "&#xD800;", "&#xFFFD;" },
	{ "&#x110000;", "&#xFFFD;" },
	{ "&#99999999999999999999999;", "&#xFFFD;" },
	{ "&#9;&#x10FFFF;", "&#9;&#x10FFFF;" },
	/* CDATA sections, comments and processing instructions are left alone. */
	{ "<![CDATA[a & b]]>", "<![CDATA[a & b]]>" },
	{ "<![CDATA[a ]] & ]]]>x&y", "<![CDATA[a ]] & ]]]>x&amp;y" },
	{ "<![CDATA[&#X41;]]>&#X41;", "<![CDATA[&#X41;]]>&#x41;" },
	{ "<!-- & -->&", "<!-- & -->&amp;" },
	{ "<!-- a - & -- -->b&c", "<!-- a - & -- -->b&amp;c" },
	{ "<?pi & ?>&", "<?pi & ?>&amp;" },
	{ "<?xml version=\"1.0\"?><rss a=\"?x&y\">", "<?xml version=\"1.0\"?><rss a=\"?x&amp;y\">" },
	{ "<?pi ? > & ?>&", "<?pi ? > & ?>&amp;" },
	/* Attribute values are mended. */
	{ "<a href=\"?a&b\">", "<a href=\"?a&amp;b\">" },
	{ "<a href='?a=1&amp;b=2&c'/>", "<a href='?a=1&amp;b=2&amp;c'/>" },
	/* Other markup is text as far as '&' goes. */
	{ "<!DOCTYPE x>&", "<!DOCTYPE x>&amp;" },
	{ "<!-x & y", "<!-x &amp; y" },
	{ "<![CDATX & ", "<![CDATX &amp; " },
	{ "a<b & c", "a<b &amp; c" },
	/* Constructs cut by the end of the document. */
	{ "a&", "a&amp;" },
	{ "a&am", "a&amp;am" },
	{ "&#x4", "&amp;#x4" },
	{ "x<", "x<" },
	{ "<!", "<!" },
	{ "<![CDA", "<![CDA" },
	{ "<!-", "<!-" },
	{ "<![CDATA[x &", "<![CDATA[x &" },
	{ "<![CDATA[x ]]", "<![CDATA[x ]]" },
	{ "<!-- x --", "<!-- x --" },
	{ "<?x ?", "<?x ?" },
};

/* Filter in pieces of step bytes (0: whole). */
static char *
filter_pieces(const char *in, size_t len, size_t step)
{
	struct repair r;
	struct buf out = BUF_INIT;
	size_t pos = 0, n;

	repair_init(&r);
	if (step == 0)
		step = len;
	do {
		n = len - pos < step ? len - pos : step;
		repair_filter(&r, in + pos, n, pos + n == len, &out);
		pos += n;
	} while (pos < len);
	repair_free(&r);
	return buf_detach(&out);
}

/* Filter in up to three pieces cut at a <= b, then an empty final call. */
static char *
filter_cut(const char *in, size_t len, size_t a, size_t b)
{
	struct repair r;
	struct buf out = BUF_INIT;

	repair_init(&r);
	repair_filter(&r, in, a, false, &out);
	repair_filter(&r, in + a, b - a, false, &out);
	repair_filter(&r, in + b, len - b, false, &out);
	repair_filter(&r, NULL, 0, true, &out);
	repair_free(&r);
	return buf_detach(&out);
}

static void
test_cases(void)
{
	const struct repair_case *c;
	char *got;
	size_t i, len, a, b, step;
	bool same;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		c = &cases[i];
		len = strlen(c->in);
		got = filter_pieces(c->in, len, 0);
		if (strcmp(got, c->want) != 0)
			fprintf(stderr, "case %zu: %s\n", i, c->in);
		CHECK_STR(got, c->want);
		free(got);
		for (step = 1; step <= 3; step++) {
			got = filter_pieces(c->in, len, step);
			CHECK_STR(got, c->want);
			free(got);
		}
		/* Every way to cut it in three. */
		same = true;
		for (a = 0; a <= len; a++) {
			for (b = a; b <= len; b++) {
				got = filter_cut(c->in, len, a, b);
				if (strcmp(got, c->want) != 0) {
					if (same)
						fprintf(stderr, "case %zu cut at %zu, %zu: %s\n",
						    i, a, b, got);
					same = false;
				}
				free(got);
			}
		}
		CHECK(same);
	}
}

/*
 * All the cases in one document (sections left open by one case swallow the
 * next ones, which makes a good mix), in pieces of every size up to past the
 * look-ahead: each must come out as the one-shot result.
 */
static void
test_document(void)
{
	struct buf doc = BUF_INIT;
	char *whole, *got;
	size_t i, step;
	int round;
	bool same = true;

	for (round = 0; round < 3; round++) {
		for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			buf_append_str(&doc, cases[i].in);
			buf_append_str(&doc, round == 1 ? "]]>-->?>\n" : "\n");
		}
	}
	whole = filter_pieces(doc.data, doc.len, 0);
	CHECK(strstr(whole, "AT&amp;T") != NULL);
	CHECK(strstr(whole, "<![CDATA[a & b]]>") != NULL);
	for (step = 1; step <= 80; step++) {
		got = filter_pieces(doc.data, doc.len, step);
		if (strcmp(got, whole) != 0) {
			if (same)
				fprintf(stderr, "document in pieces of %zu differs\n", step);
			same = false;
		}
		free(got);
	}
	CHECK(same);
	free(whole);
	buf_free(&doc);
}

static void
test_state(void)
{
	struct repair r;
	struct buf out = BUF_INIT;

	/* Empty and NULL input, a fresh filter freed at once. */
	repair_init(&r);
	repair_free(&r);
	repair_init(&r);
	repair_filter(&r, NULL, 0, false, &out);
	CHECK_STR(buf_str(&out), "");
	repair_filter(&r, "", 0, true, &out);
	CHECK_STR(buf_str(&out), "");

	/* A reference cut at the chunk's end is held, then judged. */
	repair_filter(&r, "AT&", 3, false, &out);
	CHECK_STR(buf_str(&out), "AT");
	CHECK_INT(r.held.len, 1);
	repair_filter(&r, "am", 2, false, &out);
	CHECK_STR(buf_str(&out), "AT");
	repair_filter(&r, "p;T", 3, false, &out);
	CHECK_STR(buf_str(&out), "AT&amp;T");
	CHECK_INT(r.held.len, 0);

	/* "]]>" across chunks ends the section; "]]" alone does not. */
	buf_reset(&out);
	repair_filter(&r, "<![CDATA[ & ]", 13, false, &out);
	repair_filter(&r, "]", 1, false, &out);
	repair_filter(&r, "> & ", 4, false, &out);
	CHECK_STR(buf_str(&out), "<![CDATA[ & ]]> &amp; ");
	buf_reset(&out);
	repair_filter(&r, "<![CDA", 6, false, &out);
	repair_filter(&r, "TA[ & ]] & ]", 12, false, &out);
	repair_filter(&r, "]x & ]]", 7, false, &out);
	repair_filter(&r, ">&", 2, true, &out);
	CHECK_STR(buf_str(&out), "<![CDATA[ & ]] & ]]x & ]]>&amp;");

	/* NUL bytes go too, also as a whole chunk or across chunks. */
	buf_reset(&out);
	repair_filter(&r, "<t>a\0b", 6, false, &out);
	repair_filter(&r, "\0\0", 2, false, &out);
	repair_filter(&r, "&\0amp;c</t>", 11, true, &out);
	CHECK_INT(out.len, strlen("<t>ab&amp;c</t>"));
	CHECK_STR(buf_str(&out), "<t>ab&amp;c</t>");

	/* After a final call the filter starts the next document afresh. */
	buf_reset(&out);
	repair_filter(&r, "<!-- &", 6, true, &out);
	repair_filter(&r, "&", 1, true, &out);
	CHECK_STR(buf_str(&out), "<!-- &&amp;");
	repair_free(&r);
	buf_free(&out);
}

int
main(void)
{
	test_state();
	test_cases();
	test_document();
	return test_done();
}
