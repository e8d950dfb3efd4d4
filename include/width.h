/* width.h: the display width of UTF-8 text on a terminal (wcwidth rules:
 * CJK and emoji take two columns, combining marks none), and cutting or
 * padding text to a number of columns. Pure functions; no curses. */
#ifndef TIDINGS_WIDTH_H
#define TIDINGS_WIDTH_H

#include <stddef.h>

#include "buf.h"

/* Columns s takes; invalid UTF-8 counts one column a byte (it will be shown
 * as U+FFFD), control characters count zero (callers sanitize first). */
int width_of(const char *s);

/* The number of bytes of the longest prefix of s that fits in cols columns,
 * never cutting a character (or a character from its combining marks);
 * *used (may be NULL) receives the columns that prefix takes. */
size_t width_fit(const char *s, int cols, int *used);

/* Append s to out cut or padded with spaces to exactly cols columns. When s
 * is too long it ends with "…" (so the reader sees it was cut). */
void width_pad(struct buf *out, const char *s, int cols);

/* Columns code point cp takes: 2 for wide and fullwidth characters (CJK,
 * most emoji), 0 for combining marks, format characters and controls, 1
 * otherwise (including invalid code points, shown as U+FFFD). */
int width_codepoint(unsigned long cp);

#endif
