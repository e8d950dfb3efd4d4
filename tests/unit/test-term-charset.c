/* test-term-charset.c: UTF-8 to a terminal's charset: ASCII as it is,
 * characters the charset has in it, the others as '?' per column, so the
 * display width stays the one width.c computed. */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "term-charset.h"
#include "test.h"
#include "width.h"

static char *
convert(const char *codeset, const char *s)
{
	static struct buf out = BUF_INIT;
	struct term_charset *tc = term_charset_new(codeset);

	buf_reset(&out);
	term_charset_convert(tc, s, strlen(s), &out);
	term_charset_free(&tc);
	return out.data != NULL ? out.data : "";
}

int
main(void)
{
	static const char greek[] = "\xce\x9a\xce\xb1\xce\xb9\xcf\x81\xcf\x8c\xcf\x82";
	struct term_charset *tc = NULL;

	term_charset_free(&tc);		/* NULL is fine */
	term_charset_free(NULL);
	CHECK_STR(convert("ANSI_X3.4-1968", ""), "");
	CHECK_STR(convert("ANSI_X3.4-1968", "plain ascii"), "plain ascii");
	/* The C locale: Greek (six letters), CJK (two columns each), an
	 * emoji, a precomposed and a decomposed accent. */
	CHECK_STR(convert("ANSI_X3.4-1968", greek), "??????");
	CHECK_INT((int)strlen(convert("ANSI_X3.4-1968", greek)), width_of(greek));
	CHECK_STR(convert("ANSI_X3.4-1968", "\xe6\x97\xa5\xe6\x9c\xac!"), "????" "!");
	CHECK_STR(convert("ANSI_X3.4-1968", "a\xf0\x9f\x98\x80z"), "a??z");
	CHECK_STR(convert("ANSI_X3.4-1968", "caf\xc3\xa9"), "caf?");
	CHECK_STR(convert("ANSI_X3.4-1968", "cafe\xcc\x81"), "cafe");
	/* A byte that starts no character: one column, one '?'. */
	CHECK_STR(convert("ANSI_X3.4-1968", "a\xff" "b\xce"), "a?b?");
	/* An unknown codeset is taken as ASCII. */
	CHECK_STR(convert("NO-SUCH-CHARSET", "x\xc3\xa9"), "x?");
	CHECK_STR(convert(NULL, "x\xc3\xa9"), "x?");
	/* A charset that has the letters: one byte each. */
	CHECK_STR(convert("ISO-8859-7", greek), "\xca\xe1\xe9\xf1\xfc\xf2");
	CHECK_STR(convert("ISO-8859-1", "caf\xc3\xa9 \xce\xb1"), "caf\xe9 ?");
	/* Double width in a charset that has it: the bytes, not '?'. */
	CHECK_STR(convert("EUC-JP", "\xe6\x97\xa5"), "\xc6\xfc");
	return test_done();
}
