/* ascii.h: ASCII character classes, case and trimming, for protocol and
 * markup text (names, schemes, key names) where the locale must never matter:
 * <ctype.h> and strcasecmp follow LC_CTYPE (a Turkish locale folds 'I' to a
 * dotless i). Not for text shown to the reader: that is UTF-8 (utf8.h). */
#ifndef TIDINGS_ASCII_H
#define TIDINGS_ASCII_H

#include <stdbool.h>
#include <stddef.h>

/* The classes are inline: tokenizers call them once a byte. */

/* Space, tab, newline, vertical tab, form feed, carriage return: the
 * isspace() set of the C locale. */
static inline bool
ascii_is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* XML 1.0's white space (production S, section 2.3): space, tab, CR, LF;
 * no form feed, and U+00A0 is not white space either. */
static inline bool
ascii_is_xml_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static inline bool
ascii_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline bool
ascii_is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
ascii_is_alnum(int c)
{
	return ascii_is_alpha(c) || ascii_is_digit(c);
}

static inline int
ascii_to_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static inline int
ascii_to_upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/* The value of hexadecimal digit c, or -1. */
static inline int
ascii_hex_value(int c)
{
	if (ascii_is_digit(c))
		return c - '0';
	c = ascii_to_lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The value of c as a digit in base 10 or 16, or -1. */
static inline int
ascii_digit_value(int c, int base)
{
	int v = ascii_hex_value(c);

	return v < base ? v : -1;
}

/* strcmp and strncmp ignoring ASCII case only. */
int ascii_casecmp(const char *a, const char *b);
int ascii_ncasecmp(const char *a, const char *b, size_t n);

/* Whether s[0..len) is word, ignoring ASCII case. */
bool ascii_equals(const char *s, size_t len, const char *word);

/* Whether s[0..len) starts with prefix, ignoring ASCII case. */
bool ascii_has_prefix(const char *s, size_t len, const char *prefix);

/* s without its leading and trailing ASCII space (ascii_is_space): the end
 * is cut in place, the result points into s. */
char *ascii_trim(char *s);

/* The bounds of s[0..*len) without surrounding ASCII space: the new start,
 * its length in *len. Nothing is written. */
const char *ascii_trim_span(const char *s, size_t *len);

#endif
