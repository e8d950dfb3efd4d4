/* utf8.h: UTF-8 one character at a time, the one way every module that walks
 * text by characters does it (width, rendering, sanitizing, lists, keys):
 * decoding, validating, and stepping to the next or previous character. */
#ifndef TIDINGS_UTF8_H
#define TIDINGS_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* For NUL-terminated text: a NUL is never a continuation byte, so decoding
 * stops at it without reading past. */
#define UTF8_TO_NUL SIZE_MAX

/* The well-formed UTF-8 character at s, within len bytes (RFC 3629 section
 * 4: no overlong forms, no surrogates, nothing past U+10FFFF): its length,
 * 1 to 4, with its code point in *cp; 0 when s does not start one. */
size_t utf8_decode(const unsigned char *s, size_t len, unsigned long *cp);

/* The code point of the one character that is all of the NUL-terminated s,
 * or -1 (empty, several characters, or not well-formed). */
long utf8_single(const char *s);

/* The length of the longest well-formed prefix of s[0..len). */
size_t utf8_valid_prefix(const char *s, size_t len);

/* Whether all of s[0..len) is well-formed UTF-8. */
bool utf8_valid(const char *s, size_t len);

/*
 * Stepping. A byte that starts no well-formed character counts as one
 * character of its own (it is shown as U+FFFD), so stepping forward and
 * back visit the same boundaries.
 */

/* The offset of the character after the one at pos in s[0..len); len when
 * pos is at or past the end. */
size_t utf8_next(const char *s, size_t len, size_t pos);

/* The offset of the character before pos in s (0 when pos is 0). */
size_t utf8_prev(const char *s, size_t pos);

/* The number of characters in s[0..len). */
size_t utf8_count(const char *s, size_t len);

#endif
