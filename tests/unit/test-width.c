/* test-width.c: display width of UTF-8 text, cutting to a width and padding;
 * not the rendering of HTML (test-render.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "test.h"
#include "width.h"

#define FFFD "\xef\xbf\xbd"

static const struct {
	const char	*s;
	int		 width;
} of_cases[] = {
	{ NULL, 0 },
	{ "", 0 },
	{ "a", 1 },
	{ "hello, world", 12 },
	{ "caf\xc3\xa9", 4 },				/* precomposed é */
	{ "cafe\xcc\x81", 4 },				/* e + U+0301 */
	{ "\xcc\x81", 0 },				/* a mark alone */
	{ "\xce\x95\xce\xbb\xce\xbb\xce\xb7\xce\xbd\xce\xb9\xce\xba\xce\xac", 8 },
	{ "\xd0\xa0\xd1\x83\xd1\x81\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9", 7 },
	{ "\xe6\x97\xa5\xe6\x9c\xac", 4 },		/* 日本 */
	{ "\xe4\xb8\xad\xe6\x96\x87" "abc", 7 },	/* 中文abc */
	{ "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4", 6 },	/* 한국어 */
	{ "\xe1\x84\x80\xe1\x85\xa1", 2 },		/* jamo L + V */
	{ "\xef\xbc\xa1", 2 },				/* fullwidth A */
	{ "\xef\xbd\xb1", 1 },				/* halfwidth katakana */
	{ "\xe3\x80\x80", 2 },				/* ideographic space */
	{ "\xf0\x9f\x98\x80", 2 },			/* U+1F600 */
	{ "\xf0\x9f\x8e\x89\xf0\x9f\x8e\x89", 4 },	/* two U+1F389 */
	{ "\xf0\xa0\x80\x80", 2 },			/* U+20000, plane 2 */
	{ "\xf0\x9f\xab\xbf", 2 },			/* U+1FAFF, future emoji */
	{ "a\xe2\x80\x8d" "b", 2 },			/* ZWJ */
	{ "\xe2\x9d\xa4\xef\xb8\x8f", 1 },		/* U+2764 U+FE0F */
	{ "\xe2\x80\x8b", 0 },				/* zero-width space */
	{ "\xc2\xad", 0 },				/* soft hyphen */
	{ "\xe2\x80\xa6", 1 },				/* ellipsis */
	{ "\xe0\xb8\x81\xe0\xb8\xb1", 1 },		/* Thai: base + Mn */
	{ "\xe0\xa4\x95\xe0\xa4\xbf", 2 },		/* Devanagari: base + Mc */
	{ "\x1b[2J", 3 },				/* ESC itself is zero */
	{ "\t\r\n\x7f", 0 },
	{ "\xc2\x9b", 0 },				/* C1 CSI */
	{ "\xff", 1 },					/* invalid: one per byte */
	{ "\xc0\xaf", 2 },				/* overlong */
	{ "\xed\xa0\x80", 3 },				/* surrogate */
	{ "\xe6\x97", 2 },				/* truncated */
};

static const struct {
	const char	*s;
	int		 cols;
	size_t		 bytes;
	int		 used;
} fit_cases[] = {
	{ NULL, 5, 0, 0 },
	{ "", 5, 0, 0 },
	{ "abc", -1, 0, 0 },
	{ "abc", 0, 0, 0 },
	{ "abc", 2, 2, 2 },
	{ "abc", 3, 3, 3 },
	{ "abc", 10, 3, 3 },
	{ "\xe6\x97\xa5\xe6\x9c\xac", 1, 0, 0 },
	{ "\xe6\x97\xa5\xe6\x9c\xac", 3, 3, 2 },
	{ "\xe6\x97\xa5\xe6\x9c\xac", 4, 6, 4 },
	{ "a\xe6\x97\xa5", 2, 1, 1 },
	{ "e\xcc\x81x", 1, 3, 1 },			/* the mark stays */
	{ "e\xcc\x81\xcc\x82x", 1, 5, 1 },
	{ "e\xcc\x81", 0, 0, 0 },			/* no base, no mark */
	{ "\xcc\x81" "a", 0, 2, 0 },			/* a leading mark */
	{ "\xf0\x9f\x98\x80x", 1, 0, 0 },
	{ "\xf0\x9f\x98\x80x", 2, 4, 2 },
	{ "a\xe2\x80\x8d", 1, 4, 1 },
	{ "\xff" "a", 1, 1, 1 },
	{ "ab\xff", 3, 3, 3 },
};

static const struct {
	const char	*s;
	int		 cols;
	const char	*out;
} pad_cases[] = {
	{ NULL, 3, "   " },
	{ NULL, 0, "" },
	{ "", 2, "  " },
	{ "abc", -1, "" },
	{ "abc", 0, "" },
	{ "abc", 3, "abc" },
	{ "abc", 5, "abc  " },
	{ "abcdef", 4, "abc\xe2\x80\xa6" },
	{ "abcdef", 1, "\xe2\x80\xa6" },
	{ "ab", 1, "\xe2\x80\xa6" },
	{ "\xe6\x97\xa5\xe6\x9c\xac", 4, "\xe6\x97\xa5\xe6\x9c\xac" },
	{ "\xe6\x97\xa5\xe6\x9c\xac", 5, "\xe6\x97\xa5\xe6\x9c\xac " },
	/* The wide character at the cut becomes a space before the "…". */
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4, "\xe6\x97\xa5 \xe2\x80\xa6" },
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5, "\xe6\x97\xa5\xe6\x9c\xac\xe2\x80\xa6" },
	{ "\xe6\x97\xa5\xe6\x9c\xac", 2, " \xe2\x80\xa6" },
	{ "\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 3, "\xf0\x9f\x98\x80\xe2\x80\xa6" },
	{ "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, "e\xcc\x81\xe2\x80\xa6" },
	{ "e\xcc\x81" "e\xcc\x81", 2, "e\xcc\x81" "e\xcc\x81" },
	{ "\xff", 2, FFFD " " },
	{ "a\x1b" "b", 3, "ab " },			/* controls left out */
	{ "a\xc2\x9b" "b", 2, "ab" },
};

static const struct {
	unsigned long	 cp;
	int		 width;
} codepoint_cases[] = {
	{ 0x0, 0 }, { 0x1b, 0 }, { 0x41, 1 }, { 0x7f, 0 }, { 0x9b, 0 },
	{ 0xa0, 1 }, { 0xad, 0 }, { 0x301, 0 }, { 0x3a9, 1 }, { 0x1160, 0 },
	{ 0x200b, 0 }, { 0x200d, 0 }, { 0x2026, 1 }, { 0x4e00, 2 },
	{ 0xfe0f, 0 }, { 0xff21, 2 }, { 0x1f600, 2 }, { 0x10ffff, 1 },
	{ 0x110000, 1 },
};

static void
test_width_of(void)
{
	size_t	i;

	for (i = 0; i < sizeof of_cases / sizeof of_cases[0]; i++) {
		if (width_of(of_cases[i].s) != of_cases[i].width)
			fprintf(stderr, "width_of case %zu\n", i);
		CHECK_INT(width_of(of_cases[i].s), of_cases[i].width);
	}
}

static void
test_width_fit(void)
{
	size_t	i, bytes;
	int	used;

	for (i = 0; i < sizeof fit_cases / sizeof fit_cases[0]; i++) {
		used = -1;
		bytes = width_fit(fit_cases[i].s, fit_cases[i].cols, &used);
		if (bytes != fit_cases[i].bytes || used != fit_cases[i].used)
			fprintf(stderr, "width_fit case %zu\n", i);
		CHECK_INT(bytes, fit_cases[i].bytes);
		CHECK_INT(used, fit_cases[i].used);
	}
	/* used may be NULL. */
	CHECK_INT(width_fit("abc", 2, NULL), 2);
}

static void
test_width_pad(void)
{
	struct buf	out = BUF_INIT;
	size_t		i;

	for (i = 0; i < sizeof pad_cases / sizeof pad_cases[0]; i++) {
		buf_reset(&out);
		width_pad(&out, pad_cases[i].s, pad_cases[i].cols);
		CHECK_STR(buf_str(&out), pad_cases[i].out);
		/* Exactly the columns asked for, whatever the input. */
		CHECK_INT(width_of(buf_str(&out)),
		    pad_cases[i].cols < 0 ? 0 : pad_cases[i].cols);
	}
	/* It appends. */
	buf_reset(&out);
	buf_append_str(&out, "x:");
	width_pad(&out, "yz", 3);
	CHECK_STR(buf_str(&out), "x:yz ");
	buf_free(&out);
}

static void
test_width_codepoint(void)
{
	size_t	i;

	for (i = 0; i < sizeof codepoint_cases / sizeof codepoint_cases[0]; i++) {
		if (width_codepoint(codepoint_cases[i].cp) != codepoint_cases[i].width)
			fprintf(stderr, "width_codepoint U+%04lX\n", codepoint_cases[i].cp);
		CHECK_INT(width_codepoint(codepoint_cases[i].cp),
		    codepoint_cases[i].width);
	}
}

/* width_fit never goes past cols and never cuts a character: over a
 * mixed string, every cut is at a character boundary (the rest starts
 * with no continuation byte and no combining mark). */
static void
test_fit_every_width(void)
{
	const char	*s = "a\xe6\x97\xa5" "e\xcc\x81" "\xf0\x9f\x98\x80"
	    "\xce\xa9\xe2\x80\x8d" "b\xff" "c";
	size_t		 n;
	int		 cols, used, bad = 0;

	for (cols = 0; cols <= width_of(s) + 1; cols++) {
		n = width_fit(s, cols, &used);
		if (used > cols || ((unsigned char)s[n] & 0xc0) == 0x80 ||
		    strncmp(s + n, "\xcc\x81", 2) == 0 ||
		    strncmp(s + n, "\xe2\x80\x8d", 3) == 0)
			bad++;
		if (used != width_of(s) && n == strlen(s))
			bad++;
	}
	CHECK_INT(bad, 0);
}

int
main(void)
{
	test_width_of();
	test_width_fit();
	test_width_pad();
	test_width_codepoint();
	test_fit_every_width();
	return test_done();
}
