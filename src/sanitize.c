/* sanitize.c: safe text from untrusted feed text: for the terminal, and for
 * the store. Only text; where it is needed is the callers' decision. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "utf8.h"

#define REPLACEMENT "\xEF\xBF\xBD"	/* U+FFFD */

/* Skip an escape sequence starting at s (s[0] is ESC or a C1 introducer
 * already decoded as cp); returns the bytes to skip after the introducer. */
static size_t
skip_sequence(const unsigned char *s, unsigned long introducer)
{
	size_t i = 0;

	if (introducer == 0x1B) {
		if (s[0] == '[')
			introducer = 0x9B;
		else if (s[0] == ']' || s[0] == 'P' || s[0] == '_' || s[0] == '^' || s[0] == 'X')
			introducer = 0x9D;
		else if (s[0] != '\0')
			return s[0] >= 0x20 && s[0] < 0x7F ? 1 : 0;	/* ESC x */
		else
			return 0;
		i = 1;
	}
	if (introducer == 0x9B) {
		/* CSI: parameters and intermediates, then one final byte. */
		while (s[i] >= 0x20 && s[i] <= 0x3F)
			i++;
		if (s[i] >= 0x40 && s[i] <= 0x7E)
			i++;
		return i;
	}
	if (introducer == 0x9D || introducer == 0x90 || introducer == 0x9E ||
	    introducer == 0x9F || introducer == 0x98) {
		/* A string: up to BEL, ESC \ or ST. */
		for (; s[i] != '\0'; i++) {
			if (s[i] == 0x07)
				return i + 1;
			if (s[i] == 0x1B && s[i + 1] == '\\')
				return i + 2;
			if (s[i] == 0xC2 && s[i + 1] == 0x9C)
				return i + 2;
		}
		return i;
	}
	return 0;
}

bool
sanitize_is_control(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

bool
sanitize_is_bidi_control(unsigned long cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* On a terminal even the marks go: a line there has no neighbours to
 * settle, and a mark next to a link can still change how it reads. */
static bool
is_bidi_control(unsigned long cp)
{
	return sanitize_is_bidi_control(cp) || cp == 0x200E || cp == 0x200F ||
	    cp == 0x061C;
}

void
sanitize_line(struct buf *out, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	bool space = true;	/* drops leading space too */
	unsigned long cp;
	size_t n, start = out->len;

	if (s == NULL)
		return;
	while (*s != '\0') {
		n = utf8_decode(s, UTF8_TO_NUL, &cp);
		if (n == 0) {
			buf_append_str(out, REPLACEMENT);
			space = false;
			s++;
			continue;
		}
		if (cp == 0x1B || (cp >= 0x80 && cp <= 0x9F)) {
			s += n;
			s += skip_sequence(s, cp);
			continue;
		}
		if (cp < 0x20 || cp == 0x7F || cp == ' ' || is_bidi_control(cp)) {
			if (!space && !is_bidi_control(cp))
				buf_append_char(out, ' ');
			space = space || !is_bidi_control(cp);
			s += n;
			continue;
		}
		buf_append(out, s, n);
		space = false;
		s += n;
	}
	while (out->len > start && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
}

/* Whether the character at s (n bytes, code point cp; n is 0 for invalid
 * UTF-8) is stored as it is in a field of this kind. */
static bool
keeps(unsigned long cp, size_t n, enum sanitize_field kind)
{
	if (n == 0)
		return false;
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return kind == SANITIZE_HTML;
	return !sanitize_is_control(cp) && !sanitize_is_bidi_control(cp);
}

/* Whether the len bytes at s are clean already: the common case, which a
 * parser meets for every field of every item, so HTML (the long fields) is
 * scanned eight printable ASCII bytes at a time, and the usual two- and
 * three-byte characters are checked without decoding them. */
static bool
is_clean(const unsigned char *s, size_t len, enum sanitize_field kind)
{
	const uint64_t	 ones = UINT64_C(0x0101010101010101);
	const uint64_t	 high = UINT64_C(0x8080808080808080);
	unsigned long	 cp;
	uint64_t	 w;
	size_t		 i = 0, n;

	while (i < len) {
		/* No byte with its high bit set, none below 0x20, no DEL
		 * (0x7F + 1 carries into the high bit). */
		while (kind == SANITIZE_HTML && len - i >= 8) {
			memcpy(&w, s + i, 8);
			if (((w | (w + ones) | (w - 0x20 * ones)) & high) != 0)
				break;
			i += 8;
		}
		if (i == len)
			break;
		if (s[i] >= 0x20 && s[i] < 0x7F)
			n = 1;
		else if (s[i] >= 0xC3 && s[i] <= 0xDF && len - i >= 2 &&
		    (s[i + 1] & 0xC0) == 0x80)
			n = 2;		/* U+00C0..U+07FF: no control there */
		else if (((s[i] >= 0xE3 && s[i] <= 0xEC) || s[i] == 0xE1 || s[i] >= 0xEE) &&
		    s[i] <= 0xEF && len - i >= 3 && (s[i + 1] & 0xC0) == 0x80 &&
		    (s[i + 2] & 0xC0) == 0x80)
			n = 3;		/* U+1000..U+1FFF, U+3000..U+CFFF, U+E000.. */
		else {
			n = utf8_decode(s + i, len - i, &cp);
			if (!keeps(cp, n, kind))
				return false;
		}
		if (kind == SANITIZE_PLAIN && s[i] == ' ' &&
		    (i == 0 || s[i - 1] == ' ' || i + 1 == len))
			return false;
		i += n;
	}
	return true;
}

char *
sanitize_field(char *str, enum sanitize_field kind)
{
	const unsigned char *s = (const unsigned char *)str;
	struct buf out = BUF_INIT;
	bool plain = kind == SANITIZE_PLAIN;
	unsigned long cp;
	size_t n;

	if (str == NULL || is_clean(s, strlen(str), kind))
		return str;
	buf_reserve(&out, strlen(str));
	buf_reset(&out);
	while (*s != '\0') {
		n = utf8_decode(s, UTF8_TO_NUL, &cp);
		if (n == 0) {
			buf_append_str(&out, REPLACEMENT);
			s++;
		} else if (keeps(cp, n, kind)) {
			if (!plain || cp != ' ' || (out.len > 0 &&
			    out.data[out.len - 1] != ' '))
				buf_append(&out, s, n);
			s += n;
		} else if (plain && cp >= '\t' && cp <= '\r') {
			/* Line breaks and tabs in a one-line field. */
			if (out.len > 0 && out.data[out.len - 1] != ' ')
				buf_append_char(&out, ' ');
			s += n;
		} else {
			s += n;
			if (cp == 0x1B)
				s += skip_sequence(s, cp);
		}
	}
	if (plain) {
		while (out.len > 0 && out.data[out.len - 1] == ' ')
			out.data[--out.len] = '\0';
	}
	free(str);
	return buf_detach(&out);
}
