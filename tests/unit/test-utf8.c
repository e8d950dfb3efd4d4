/* test-utf8.c: decoding one UTF-8 character, validating, and stepping to the
 * next and previous character; not repairing buffers (test-encoding.c). */
#include "config.h"

#include <string.h>

#include "test.h"
#include "utf8.h"

/* One byte string and what utf8_decode makes of its start. */
static const struct {
	const char	*s;
	size_t		 len;		/* bytes given to the decoder */
	size_t		 want;		/* 0: not a character */
	unsigned long	 cp;
} decode_cases[] = {
	{ "", 0, 0, 0 },
	{ "a", 1, 1, 'a' },
	{ "\x7f", 1, 1, 0x7f },
	{ "\xc2\x80", 2, 2, 0x80 },		/* smallest two-byte */
	{ "\xc3\xa9", 2, 2, 0xe9 },
	{ "\xdf\xbf", 2, 2, 0x7ff },
	{ "\xe0\xa0\x80", 3, 3, 0x800 },	/* smallest three-byte */
	{ "\xe2\x82\xac", 3, 3, 0x20ac },
	{ "\xed\x9f\xbf", 3, 3, 0xd7ff },	/* just below the surrogates */
	{ "\xee\x80\x80", 3, 3, 0xe000 },	/* just above */
	{ "\xef\xbf\xbf", 3, 3, 0xffff },
	{ "\xf0\x90\x80\x80", 4, 4, 0x10000 },	/* smallest four-byte */
	{ "\xf0\x9f\x98\x80", 4, 4, 0x1f600 },
	{ "\xf4\x8f\xbf\xbf", 4, 4, 0x10ffff },	/* the last code point */
	/* Overlong forms: the same code points in too many bytes. */
	{ "\xc0\x80", 2, 0, 0 },
	{ "\xc1\xbf", 2, 0, 0 },
	{ "\xe0\x80\x80", 3, 0, 0 },
	{ "\xe0\x9f\xbf", 3, 0, 0 },
	{ "\xf0\x80\x80\x80", 4, 0, 0 },
	{ "\xf0\x8f\xbf\xbf", 4, 0, 0 },
	/* Surrogates (RFC 3629 section 3). */
	{ "\xed\xa0\x80", 3, 0, 0 },
	{ "\xed\xbf\xbf", 3, 0, 0 },
	/* Past U+10FFFF, and bytes that never start a character. */
	{ "\xf4\x90\x80\x80", 4, 0, 0 },
	{ "\xf5\x80\x80\x80", 4, 0, 0 },
	{ "\xff", 1, 0, 0 },
	{ "\x80", 1, 0, 0 },
	{ "\xbf", 1, 0, 0 },
	/* Cut short, by the length or by a byte that is no continuation. */
	{ "\xc3\xa9", 1, 0, 0 },
	{ "\xe2\x82\xac", 2, 0, 0 },
	{ "\xf0\x9f\x98\x80", 3, 0, 0 },
	{ "\xc3" "a", 2, 0, 0 },
	{ "\xe2\x82" "a", 3, 0, 0 },
	{ "\xe2" "\xe2\x82\xac", 4, 0, 0 },
};

static void
test_decode(void)
{
	unsigned long cp;
	size_t i, n;

	for (i = 0; i < sizeof(decode_cases) / sizeof(decode_cases[0]); i++) {
		cp = 0xdeadbeef;
		n = utf8_decode((const unsigned char *)decode_cases[i].s,
		    decode_cases[i].len, &cp);
		if (n != decode_cases[i].want)
			fprintf(stderr, "decode case %zu\n", i);
		CHECK_INT(n, decode_cases[i].want);
		if (n != 0)
			CHECK_INT(cp, decode_cases[i].cp);
		else
			CHECK_INT(cp, 0xdeadbeef);	/* left alone */
	}
	/* NUL-terminated text: a NUL ends a sequence, never read past. */
	CHECK_INT(utf8_decode((const unsigned char *)"\xe2\x82", UTF8_TO_NUL, &cp), 0);
	CHECK_INT(utf8_decode((const unsigned char *)"\xe2\x82\xac", UTF8_TO_NUL, &cp), 3);
	CHECK_INT(cp, 0x20ac);
}

static void
test_single(void)
{
	CHECK_INT(utf8_single(NULL), -1);
	CHECK_INT(utf8_single(""), -1);
	CHECK_INT(utf8_single("a"), 'a');
	CHECK_INT(utf8_single("\x01"), 1);
	CHECK_INT(utf8_single("ab"), -1);
	CHECK_INT(utf8_single("\xc3\xa9"), 0xe9);
	CHECK_INT(utf8_single("\xc3\xa9" "a"), -1);
	CHECK_INT(utf8_single("\xf0\x9f\x98\x80"), 0x1f600);
	CHECK_INT(utf8_single("\xc3"), -1);
	CHECK_INT(utf8_single("\xed\xa0\x80"), -1);
	CHECK_INT(utf8_single("\xc0\xaf"), -1);
}

static void
test_validate(void)
{
	static const char good[] = "plain \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80";
	static const char bad[] = "ok\xc3\xa9\xed\xa0\x80rest";

	CHECK(utf8_valid("", 0));
	CHECK(utf8_valid(NULL, 0));
	CHECK(utf8_valid(good, strlen(good)));
	CHECK_INT(utf8_valid_prefix(good, strlen(good)), strlen(good));
	CHECK(!utf8_valid(bad, strlen(bad)));
	CHECK_INT(utf8_valid_prefix(bad, strlen(bad)), 4);	/* "ok" and é */
	/* A character cut by the end of the buffer is not valid either. */
	CHECK(!utf8_valid("a\xe2\x82", 3));
	CHECK_INT(utf8_valid_prefix("a\xe2\x82", 3), 1);
	CHECK(!utf8_valid("\xc0\x80", 2));
	CHECK(!utf8_valid("\xf4\x90\x80\x80", 4));
	/* NUL bytes are ASCII, and valid within a length. */
	CHECK(utf8_valid("a\0b", 3));
}

/* Walk s forward with utf8_next, then back with utf8_prev: both must visit
 * the boundaries listed in want (ending with len), and count them. */
static void
check_walk(const char *s, size_t len, const size_t *want, size_t n_want)
{
	size_t pos = 0, i;

	for (i = 0; i < n_want; i++) {
		pos = utf8_next(s, len, pos);
		CHECK_INT(pos, want[i]);
	}
	CHECK_INT(utf8_next(s, len, len), len);		/* stays at the end */
	CHECK_INT(utf8_count(s, len), n_want);
	for (i = n_want; i > 0; i--) {
		pos = utf8_prev(s, pos);
		CHECK_INT(pos, i >= 2 ? want[i - 2] : 0);
	}
	CHECK_INT(utf8_prev(s, 0), 0);			/* stays at the start */
}

static void
test_step(void)
{
	static const size_t ascii[] = { 1, 2, 3 };
	static const size_t mixed[] = { 1, 3, 6, 10 };		/* a é € 😀 */
	static const size_t stray[] = { 1, 2, 3, 5 };		/* \x80 \xe2 \x82 é */
	static const size_t cut4[] = { 1, 2, 3, 6 };		/* f0 9f 98, € */
	static const size_t lone[] = { 1, 2, 3, 4, 5 };	/* five continuations */
	static const size_t surrogate[] = { 1, 2, 3, 4 };	/* ed a0 80 a */

	check_walk("abc", 3, ascii, 3);
	check_walk("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 10, mixed, 4);
	check_walk("\x80\xe2\x82\xc3\xa9", 5, stray, 4);
	check_walk("\xf0\x9f\x98\xe2\x82\xac", 6, cut4, 4);
	check_walk("\x80\x80\x80\x80\x80", 5, lone, 5);
	check_walk("\xed\xa0\x80" "a", 4, surrogate, 4);
	/* An empty string has no characters. */
	CHECK_INT(utf8_count("", 0), 0);
	CHECK_INT(utf8_next("", 0, 0), 0);
	/* A character cut by the length is single bytes. */
	CHECK_INT(utf8_next("\xc3\xa9", 1, 0), 1);
	/* Back over a whole character, and over an ASCII one. */
	CHECK_INT(utf8_prev("\xe2\x82\xac" "a", 3), 0);
	CHECK_INT(utf8_prev("\xe2\x82\xac" "a", 4), 3);
}

int
main(void)
{
	test_decode();
	test_single();
	test_validate();
	test_step();
	return test_done();
}
