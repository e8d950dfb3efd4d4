/* sanitize.c: safe text from untrusted feed text: for the terminal, and for
 * the store. Only text; where it is needed is the callers' decision. */
#include "config.h"

#include <stdbool.h>
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

/* The common case first: nothing to change, nothing copied. */
static bool
is_clean(const unsigned char *s, enum sanitize_field kind)
{
	const unsigned char *start = s;
	unsigned long cp;
	size_t n;

	for (; *s != '\0'; s += n) {
		n = 1;
		if (*s == ' ' && kind == SANITIZE_PLAIN &&
		    (s == start || s[-1] == ' ' || s[1] == '\0'))
			return false;
		if (*s >= 0x20 && *s < 0x7F)
			continue;
		n = utf8_decode(s, UTF8_TO_NUL, &cp);
		if (!keeps(cp, n, kind))
			return false;
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

	if (str == NULL || is_clean(s, kind))
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
