/* term-charset.h: UTF-8 text for a terminal whose locale is not UTF-8
 * (LANG=C, el_GR.ISO-8859-7, ...): each character in the locale's charset
 * when it has one, else a '?' for each column it takes, so that text laid
 * out by display width (width.h) keeps its layout. Pure: no curses, no
 * locale calls; the reader passes nl_langinfo(CODESET). */
#ifndef TIDINGS_TERM_CHARSET_H
#define TIDINGS_TERM_CHARSET_H

#include <stddef.h>

#include "buf.h"

struct term_charset;

/* A converter to codeset, owned by the caller. A codeset iconv does not
 * know gets ASCII: every other character becomes '?'. */
struct term_charset *term_charset_new(const char *codeset);
void term_charset_free(struct term_charset **tc);

/* Append the first len bytes of the UTF-8 s to out, converted. A byte that
 * starts no character is one '?', as width_of counts it one column; a
 * character of no width the charset lacks (a combining mark) is left out. */
void term_charset_convert(struct term_charset *tc, const char *s, size_t len,
    struct buf *out);

#endif
