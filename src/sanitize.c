/* sanitize.c: terminal-safe text from untrusted feed text. Only text; the
 * decision of where sanitized text is needed is the printing code's. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "sanitize.h"
#include "utf8.h"

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

static bool
is_bidi_control(unsigned long cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200E || cp == 0x200F || cp == 0x061C;
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
			buf_append_str(out, "\xEF\xBF\xBD");
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
