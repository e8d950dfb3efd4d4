/* test-sanitize.c: terminal-safe lines and the cleaning of stored fields:
 * C0, DEL, C1, escape sequences, bidi controls and invalid UTF-8; not where
 * the printing code calls them (the CLI and reader tests). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sanitize.h"
#include "test.h"
#include "xmalloc.h"

#define FFFD "\xef\xbf\xbd"

static const struct {
	const char	*in;
	const char	*want;
} line_cases[] = {
	{ "", "" },
	{ "plain", "plain" },
	/* Tabs and newlines: one line, so a space each, runs collapsed. */
	{ "a\tb\nc\r\nd", "a b c d" },
	{ "  lead  and  trail  ", "lead and trail" },
	/* Other C0 and DEL. */
	{ "a\x01" "b", "a b" },
	{ "a\x7f" "b", "a b" },
	{ "bell\x07", "bell" },
	/* ESC sequences go whole: CSI, OSC to BEL or to ST, two-byte. */
	{ "a\x1b[31mred\x1b[0m", "ared" },
	{ "a\x1b[2J\x1b[Hb", "ab" },
	{ "x\x1b]0;title\x07y", "xy" },
	{ "x\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\", "xlink" },
	{ "x\x1bPdcs\x1b\\y", "xy" },
	{ "x\x1b" "cy", "xy" },
	{ "x\x1b", "x" },
	/* C1 introducers start sequences too: CSI, OSC, DCS, with ST. */
	{ "x\xc2\x9b" "2Jy", "xy" },
	{ "x\xc2\x9d" "0;t\x07y", "xy" },
	{ "x\xc2\x9d" "0;t\xc2\x9cy", "xy" },
	{ "x\xc2\x90" "q\xc2\x9cy", "xy" },
	/* Other C1: dropped, including the ones windows-1252 leaves out. */
	{ "a\xc2\x85" "b", "ab" },
	{ "a\xc2\x81\xc2\x8d\xc2\x8f" "b", "ab" },
	/* Bidi controls and marks. */
	{ "a\xe2\x80\xae" "b\xe2\x80\xac", "ab" },
	{ "a\xe2\x81\xa6" "b\xe2\x81\xa9", "ab" },
	{ "a\xe2\x80\x8e" "b\xe2\x80\x8f" "c\xd8\x9c", "abc" },
	/* Invalid UTF-8: U+FFFD a byte. */
	{ "a\xff" "b", "a" FFFD "b" },
	{ "\xc0\xaf", FFFD FFFD },
	{ "\xed\xa0\x80", FFFD FFFD FFFD },
	{ "\xe2\x82", FFFD FFFD },
	/* What is not a control stays. */
	{ "\xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80 caf\xc3\xa9",
	    "\xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80 caf\xc3\xa9" },
	{ "\xc2\xa0nbsp", "\xc2\xa0nbsp" },
};

static void
test_line(void)
{
	struct buf b = BUF_INIT;
	size_t i;

	sanitize_line(&b, NULL);
	CHECK_INT(b.len, 0);
	for (i = 0; i < sizeof(line_cases) / sizeof(line_cases[0]); i++) {
		buf_reset(&b);
		sanitize_line(&b, line_cases[i].in);
		CHECK_STR(buf_str(&b), line_cases[i].want);
	}
	/* It appends, and trims only what it appended. */
	buf_reset(&b);
	buf_append_str(&b, "keep ");
	sanitize_line(&b, "\t x \n");
	CHECK_STR(buf_str(&b), "keep x");
	buf_reset(&b);
	buf_append_str(&b, "keep ");
	sanitize_line(&b, "\x01");
	CHECK_STR(buf_str(&b), "keep ");
	buf_free(&b);
}

static const struct {
	enum sanitize_field	 kind;
	const char		*in;
	const char		*want;	/* NULL: returned as it came */
} field_cases[] = {
	{ SANITIZE_PLAIN, "", NULL },
	{ SANITIZE_PLAIN, "A clean title", NULL },
	{ SANITIZE_PLAIN, "\xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80", NULL },
	/* One line: tab, newline, CR, VT, FF become spaces; runs one. */
	{ SANITIZE_PLAIN, "a\tb\nc\r\nd\x0b" "e\x0c" "f", "a b c d e f" },
	{ SANITIZE_PLAIN, " a  b ", "a b" },
	{ SANITIZE_PLAIN, "a \x01 b", "a b" },
	/* Other C0 and DEL go without a trace. */
	{ SANITIZE_PLAIN, "a\x01\x02" "b\x7f", "ab" },
	{ SANITIZE_PLAIN, "\x01\x02", "" },
	/* The five C1 code points windows-1252 leaves undefined, and the
	 * others; a C1 character goes alone, the text after it stays. */
	{ SANITIZE_PLAIN, "T\xc2\x81i\xc2\x8dt\xc2\x8fl\xc2\x90" "e\xc2\x9d", "Title" },
	{ SANITIZE_PLAIN, "x\xc2\x9d" "0;evil\x07y", "x0;evily" },
	{ SANITIZE_PLAIN, "\xc2\x80\xc2\x9f" "ok", "ok" },
	/* ESC goes with its sequence. */
	{ SANITIZE_PLAIN, "a\x1b[2Jb", "ab" },
	{ SANITIZE_PLAIN, "a\x1b]0;owned\x07" "b", "ab" },
	/* Bidi embedding, override and isolate controls; the marks stay. */
	{ SANITIZE_PLAIN, "\xe2\x80\xaa" "a\xe2\x80\xab" "b\xe2\x80\xac"
	    "c\xe2\x80\xad" "d\xe2\x80\xae" "e", "abcde" },
	{ SANITIZE_PLAIN, "\xe2\x81\xa6" "a\xe2\x81\xa7" "b\xe2\x81\xa8"
	    "c\xe2\x81\xa9", "abc" },
	{ SANITIZE_PLAIN, "gpj.\xe2\x80\xae" "exe", "gpj.exe" },
	{ SANITIZE_PLAIN, "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\xe2\x80\x8f!", NULL },
	{ SANITIZE_PLAIN, "a\xe2\x80\x8e" "b\xd8\x9c", NULL },
	{ SANITIZE_PLAIN, "a\xe2\x80\xaf" "b\xe2\x81\xaa", NULL },	/* neighbours */
	/* Invalid UTF-8. */
	{ SANITIZE_PLAIN, "a\xff", "a" FFFD },
	{ SANITIZE_PLAIN, "\xed\xa0\x80", FFFD FFFD FFFD },
	{ SANITIZE_PLAIN, "\xc0\xaf" "x", FFFD FFFD "x" },
	/* HTML keeps markup, spaces and HTML white space as they are. */
	{ SANITIZE_HTML, "<p>a\tb\nc\r\n</p>", NULL },
	{ SANITIZE_HTML, "  two  spaces ", NULL },
	{ SANITIZE_HTML, "<b>x\xc2\x9d</b>\xc2\x81", "<b>x</b>" },
	{ SANITIZE_HTML, "<p>\xe2\x80\xae" "evil\xe2\x81\xa6</p>", "<p>evil</p>" },
	{ SANITIZE_HTML, "a\x0b\x0c\x01\x7f" "b", "ab" },
	{ SANITIZE_HTML, "<i>\x1b[31mred</i>", "<i>red</i>" },
	{ SANITIZE_HTML, "<i>\xff</i>", "<i>" FFFD "</i>" },
	/* Past the first eight bytes, and in every position of a word. */
	{ SANITIZE_HTML, "<p>0123456789abcdef</p>\n\t", NULL },
	{ SANITIZE_HTML, "0123456789abcdef\x01", "0123456789abcdef" },
	{ SANITIZE_HTML, "01234567\x7f" "89", "0123456789" },
	{ SANITIZE_HTML, "0123456\x1f" "89", "012345689" },
	{ SANITIZE_HTML, "0123456789\xc2\x9d" "abcdefgh", "0123456789abcdefgh" },
	{ SANITIZE_HTML, "0123456789\xc2\xa0\xc3\xa9\xce\xb5\xe6\x97\xa5"
	    "\xe1\x80\x80\xef\xbc\xa1\xf0\x9f\x98\x80 abcdefgh", NULL },
	{ SANITIZE_HTML, "0123456789\xe2\x80\x94\xe2\x80\xae" "abcdefgh",
	    "0123456789\xe2\x80\x94" "abcdefgh" },
	{ SANITIZE_HTML, "0123456789\xe2\x81\xa9", "0123456789" },
	{ SANITIZE_HTML, "0123456789\xc3(abcdefgh", "0123456789" FFFD "(abcdefgh" },
	{ SANITIZE_HTML, "0123456789\xe6\x97", "0123456789" FFFD FFFD },
	{ SANITIZE_HTML, "0123456789\xed\xa0\x80", "0123456789" FFFD FFFD FFFD },
	{ SANITIZE_HTML, "0123456789\xe0\x80\xaf", "0123456789" FFFD FFFD FFFD },
	{ SANITIZE_PLAIN, "0123456789  abcdefgh", "0123456789 abcdefgh" },
	{ SANITIZE_PLAIN, "0123456789abcdefgh ", "0123456789abcdefgh" },
	{ SANITIZE_PLAIN, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e \xce\xb5\xce\xbb", NULL },
	{ SANITIZE_PLAIN, "\xce\xb5\xce\xbb\xc2\x85", "\xce\xb5\xce\xbb" },
};

static void
test_field(void)
{
	char *in, *out;
	size_t i;

	CHECK(sanitize_field(NULL, SANITIZE_PLAIN) == NULL);
	CHECK(sanitize_field(NULL, SANITIZE_HTML) == NULL);
	for (i = 0; i < sizeof(field_cases) / sizeof(field_cases[0]); i++) {
		in = xstrdup(field_cases[i].in);
		out = sanitize_field(in, field_cases[i].kind);
		if (field_cases[i].want == NULL) {
			CHECK(out == in);
			CHECK_STR(out, field_cases[i].in);
		} else
			CHECK_STR(out, field_cases[i].want);
		free(out);
	}
}

static void
test_classes(void)
{
	CHECK(sanitize_is_control(0x00));
	CHECK(sanitize_is_control(0x1f));
	CHECK(!sanitize_is_control(0x20));
	CHECK(!sanitize_is_control(0x7e));
	CHECK(sanitize_is_control(0x7f));
	CHECK(sanitize_is_control(0x80));
	CHECK(sanitize_is_control(0x9f));
	CHECK(!sanitize_is_control(0xa0));
	CHECK(!sanitize_is_bidi_control(0x2029));
	CHECK(sanitize_is_bidi_control(0x202a));
	CHECK(sanitize_is_bidi_control(0x202e));
	CHECK(!sanitize_is_bidi_control(0x202f));
	CHECK(!sanitize_is_bidi_control(0x2065));
	CHECK(sanitize_is_bidi_control(0x2066));
	CHECK(sanitize_is_bidi_control(0x2069));
	CHECK(!sanitize_is_bidi_control(0x206a));
	CHECK(!sanitize_is_bidi_control(0x200e));
	CHECK(!sanitize_is_bidi_control(0x200f));
}

int
main(void)
{
	test_line();
	test_field();
	test_classes();
	return test_done();
}
