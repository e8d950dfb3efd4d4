/* utf8.h: decoding one UTF-8 character, the one way every module that walks
 * text by characters does it (width, rendering, sanitizing). */
#ifndef TIDINGS_UTF8_H
#define TIDINGS_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* For NUL-terminated text: a NUL is never a continuation byte, so decoding
 * stops at it without reading past. */
#define UTF8_TO_NUL SIZE_MAX

/* The well-formed UTF-8 character at s, within len bytes (RFC 3629 section
 * 4: no overlong forms, no surrogates, nothing past U+10FFFF): its length,
 * 1 to 4, with its code point in *cp; 0 when s does not start one. */
size_t utf8_decode(const unsigned char *s, size_t len, unsigned long *cp);

#endif
