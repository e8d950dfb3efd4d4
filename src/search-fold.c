/* search-fold.c: Greek accents folded for the search index (search-fold.h).
 * Monotonic Greek only: the polytonic letters of Greek Extended
 * (U+1F00..U+1FFF) are three bytes and rare in news. */
#include "config.h"

#include <stddef.h>

#include "search-fold.h"

/* The plain letter of each code point from U+0386 to U+03CE, or 0 where
 * the letter is plain already. */
static const unsigned short greek_base[0x03CE - 0x0386 + 1] = {
	[0x0386 - 0x0386] = 0x0391,	/* Ά */
	[0x0388 - 0x0386] = 0x0395,	/* Έ */
	[0x0389 - 0x0386] = 0x0397,	/* Ή */
	[0x038A - 0x0386] = 0x0399,	/* Ί */
	[0x038C - 0x0386] = 0x039F,	/* Ό */
	[0x038E - 0x0386] = 0x03A5,	/* Ύ */
	[0x038F - 0x0386] = 0x03A9,	/* Ώ */
	[0x0390 - 0x0386] = 0x03B9,	/* ΐ */
	[0x03AA - 0x0386] = 0x0399,	/* Ϊ */
	[0x03AB - 0x0386] = 0x03A5,	/* Ϋ */
	[0x03AC - 0x0386] = 0x03B1,	/* ά */
	[0x03AD - 0x0386] = 0x03B5,	/* έ */
	[0x03AE - 0x0386] = 0x03B7,	/* ή */
	[0x03AF - 0x0386] = 0x03B9,	/* ί */
	[0x03B0 - 0x0386] = 0x03C5,	/* ΰ */
	[0x03C2 - 0x0386] = 0x03C3,	/* ς */
	[0x03CA - 0x0386] = 0x03B9,	/* ϊ */
	[0x03CB - 0x0386] = 0x03C5,	/* ϋ */
	[0x03CC - 0x0386] = 0x03BF,	/* ό */
	[0x03CD - 0x0386] = 0x03C5,	/* ύ */
	[0x03CE - 0x0386] = 0x03C9,	/* ώ */
};

void
search_fold(char *s)
{
	unsigned char *p;
	unsigned int cp, base;

	if (s == NULL)
		return;
	/* U+0386..U+03CE is CE 86 .. CF 8E in UTF-8. */
	for (p = (unsigned char *)s; *p != '\0'; p++) {
		if ((p[0] != 0xCE && p[0] != 0xCF) || (p[1] & 0xC0) != 0x80)
			continue;
		cp = ((unsigned int)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
		if (cp >= 0x0386 && cp <= 0x03CE && (base = greek_base[cp - 0x0386]) != 0) {
			p[0] = (unsigned char)(0xC0 | (base >> 6));
			p[1] = (unsigned char)(0x80 | (base & 0x3F));
		}
		p++;
	}
}
