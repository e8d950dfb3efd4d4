/* utf8.c: UTF-8 one character at a time: decoding, validating, stepping.
 * Repairing whole buffers (U+FFFD for each bad byte, across chunks) is
 * encoding.c's job. */
#include "config.h"

#include "utf8.h"

size_t
utf8_decode(const unsigned char *s, size_t len, unsigned long *cp)
{
	unsigned long c;
	size_t n, i;

	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

long
utf8_single(const char *s)
{
	unsigned long cp;
	size_t n;

	if (s == NULL || *s == '\0')
		return -1;
	n = utf8_decode((const unsigned char *)s, UTF8_TO_NUL, &cp);
	if (n == 0 || s[n] != '\0')
		return -1;
	return (long)cp;
}

size_t
utf8_valid_prefix(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned long cp;
	size_t pos = 0, n;

	while (pos < len) {
		if (u[pos] < 0x80) {
			pos++;
			continue;
		}
		n = utf8_decode(u + pos, len - pos, &cp);
		if (n == 0)
			break;
		pos += n;
	}
	return pos;
}

bool
utf8_valid(const char *s, size_t len)
{
	return utf8_valid_prefix(s, len) == len;
}

size_t
utf8_next(const char *s, size_t len, size_t pos)
{
	unsigned long cp;
	size_t n;

	if (pos >= len)
		return len;
	n = utf8_decode((const unsigned char *)s + pos, len - pos, &cp);
	return pos + (n == 0 ? 1 : n);
}

/* Back over at most three continuation bytes to a start whose character
 * ends exactly at pos; otherwise the byte before pos stands alone. */
size_t
utf8_prev(const char *s, size_t pos)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned long cp;
	size_t start, back;

	if (pos == 0)
		return 0;
	for (back = 1; back <= 4 && back <= pos; back++) {
		start = pos - back;
		if ((u[start] & 0xc0) != 0x80) {
			if (utf8_decode(u + start, back, &cp) == back)
				return start;
			break;
		}
	}
	return pos - 1;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t pos = 0, n = 0;

	while (pos < len) {
		pos = utf8_next(s, len, pos);
		n++;
	}
	return n;
}
