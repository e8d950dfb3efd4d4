/* test-ascii.c: ASCII classes, case-insensitive comparison and trimming,
 * the same in every locale; not UTF-8 (test-utf8.c). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ascii.h"
#include "test.h"

static void
test_classes(void)
{
	const char *space = " \t\n\v\f\r";
	int c;

	for (c = 0; c < 256; c++) {
		CHECK(ascii_is_space(c) == (c != 0 && strchr(space, c) != NULL));
		CHECK(ascii_is_digit(c) == (c >= '0' && c <= '9'));
		CHECK(ascii_is_alpha(c) == ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
		CHECK(ascii_is_alnum(c) == (ascii_is_alpha(c) || ascii_is_digit(c)));
	}
	/* Bytes of UTF-8 characters are never ASCII anything. */
	CHECK(!ascii_is_space(0xa0));
	CHECK(!ascii_is_space(0x85));
	CHECK(!ascii_is_alpha(0xc3));
	CHECK_INT(ascii_to_lower('A'), 'a');
	CHECK_INT(ascii_to_lower('Z'), 'z');
	CHECK_INT(ascii_to_lower('a'), 'a');
	CHECK_INT(ascii_to_lower('@'), '@');
	CHECK_INT(ascii_to_lower('['), '[');
	CHECK_INT(ascii_to_lower(0xc9), 0xc9);
	CHECK_INT(ascii_to_upper('z'), 'Z');
	CHECK_INT(ascii_to_upper('`'), '`');
	CHECK_INT(ascii_to_upper('{'), '{');
	CHECK_INT(ascii_hex_value('0'), 0);
	CHECK_INT(ascii_hex_value('9'), 9);
	CHECK_INT(ascii_hex_value('a'), 10);
	CHECK_INT(ascii_hex_value('F'), 15);
	CHECK_INT(ascii_hex_value('g'), -1);
	CHECK_INT(ascii_hex_value('G'), -1);
	CHECK_INT(ascii_hex_value(' '), -1);
	CHECK_INT(ascii_digit_value('7', 10), 7);
	CHECK_INT(ascii_digit_value('a', 10), -1);
	CHECK_INT(ascii_digit_value('a', 16), 10);
	CHECK_INT(ascii_digit_value('F', 16), 15);
	CHECK_INT(ascii_digit_value('g', 16), -1);
	CHECK_INT(ascii_digit_value('/', 10), -1);
	CHECK(ascii_is_xml_space(' ') && ascii_is_xml_space('\t'));
	CHECK(ascii_is_xml_space('\r') && ascii_is_xml_space('\n'));
	CHECK(!ascii_is_xml_space('\f') && !ascii_is_xml_space('\v'));
	CHECK(!ascii_is_xml_space(0xa0));
}

static void
test_compare(void)
{
	CHECK(ascii_casecmp("", "") == 0);
	CHECK(ascii_casecmp("Escape", "escape") == 0);
	CHECK(ascii_casecmp("FILE", "file") == 0);
	CHECK(ascii_casecmp("a", "b") < 0);
	CHECK(ascii_casecmp("B", "a") > 0);
	CHECK(ascii_casecmp("ab", "a") > 0);
	CHECK(ascii_casecmp("a", "ab") < 0);
	/* Only ASCII folds: É and é are different bytes. */
	CHECK(ascii_casecmp("\xc3\x89", "\xc3\xa9") != 0);
	CHECK(ascii_ncasecmp("HTTP://x", "http://y", 7) == 0);
	CHECK(ascii_ncasecmp("HTTP://x", "http://y", 8) != 0);
	CHECK(ascii_ncasecmp("a", "b", 0) == 0);
	CHECK(ascii_ncasecmp("ab", "AB", 10) == 0);
	CHECK(ascii_has_prefix("HTTPS://a", 9, "https://"));
	CHECK(ascii_has_prefix("https://", 8, "HTTPS://"));
	CHECK(!ascii_has_prefix("https:/", 7, "https://"));
	CHECK(!ascii_has_prefix("https://a", 5, "https://"));	/* len counts */
	CHECK(ascii_has_prefix("", 0, ""));
	/* A locale never changes the answer (a Turkish one folds I to a
	 * dotless i in <ctype.h>); use whichever UTF-8 locale exists. */
	if (setlocale(LC_ALL, "tr_TR.UTF-8") != NULL ||
	    setlocale(LC_ALL, "C.UTF-8") != NULL) {
		CHECK(ascii_casecmp("FILE", "file") == 0);
		CHECK(ascii_to_lower('I') == 'i');
		setlocale(LC_ALL, "C");
	}
}

static void
test_trim(void)
{
	char a[] = "  \t value \r\n", b[] = "", c[] = " \n\t ", d[] = "x", e[] = "a b";
	const char *s;
	size_t len;

	CHECK_STR(ascii_trim(a), "value");
	CHECK_STR(ascii_trim(b), "");
	CHECK_STR(ascii_trim(c), "");
	CHECK_STR(ascii_trim(d), "x");
	CHECK_STR(ascii_trim(e), "a b");
	/* Non-breaking space is not ASCII space: it stays. */
	{
		char f[] = "\xc2\xa0x\xc2\xa0";

		CHECK_STR(ascii_trim(f), "\xc2\xa0x\xc2\xa0");
	}
	len = 8;
	s = ascii_trim_span("  ab c \t", &len);
	CHECK_INT(len, 4);
	CHECK(strncmp(s, "ab c", 4) == 0);
	len = 3;
	s = ascii_trim_span("   ", &len);
	CHECK_INT(len, 0);
	len = 0;
	s = ascii_trim_span("", &len);
	CHECK_INT(len, 0);
	(void)s;
}

int
main(void)
{
	test_classes();
	test_compare();
	test_trim();
	return test_done();
}
