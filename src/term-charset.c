/* term-charset.c: UTF-8 to a terminal's own charset, one character at a
 * time through iconv, '?' per column for what it lacks. Not the other way:
 * feeds are decoded in encoding.c. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "term-charset.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

struct term_charset {
	iconv_t	 cd;	/* (iconv_t)-1: ASCII only */
};

struct term_charset *
term_charset_new(const char *codeset)
{
	struct term_charset *tc = xcalloc(1, sizeof(*tc));

	/* No //TRANSLIT: "EUR" for a euro sign would take three columns
	 * where the layout gave one. */
	tc->cd = codeset != NULL && *codeset != '\0' ? iconv_open(codeset, "UTF-8") :
	    (iconv_t)-1;
	return tc;
}

void
term_charset_free(struct term_charset **tc)
{
	if (tc == NULL || *tc == NULL)
		return;
	if ((*tc)->cd != (iconv_t)-1)
		iconv_close((*tc)->cd);
	free(*tc);
	*tc = NULL;
}

/* One character in the charset into out; false when it has none. */
static bool
convert_one(struct term_charset *tc, const char *s, size_t n, struct buf *out)
{
	char converted[16], *in = (char *)s, *dst = converted;
	size_t in_left = n, out_left = sizeof(converted);

	if (tc->cd == (iconv_t)-1)
		return false;
	iconv(tc->cd, NULL, NULL, NULL, NULL);
	if (iconv(tc->cd, &in, &in_left, &dst, &out_left) == (size_t)-1 || in_left != 0)
		return false;
	/* A stateful charset's shift back to its initial state. */
	if (iconv(tc->cd, NULL, NULL, &dst, &out_left) == (size_t)-1)
		return false;
	buf_append(out, converted, sizeof(converted) - out_left);
	return true;
}

void
term_charset_convert(struct term_charset *tc, const char *s, size_t len,
    struct buf *out)
{
	size_t i = 0, n;
	unsigned long cp;
	int w;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			buf_append_char(out, s[i]);
			i++;
			continue;
		}
		n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (n == 0) {
			buf_append_char(out, '?');
			i++;
			continue;
		}
		if (!convert_one(tc, s + i, n, out)) {
			for (w = width_codepoint(cp); w > 0; w--)
				buf_append_char(out, '?');
		}
		i += n;
	}
}
