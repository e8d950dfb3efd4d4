/* width.c: the display width of UTF-8 text, and cutting or padding it to a
 * number of columns; the code point table itself is in width-table.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sanitize.h"
#include "width-table.h"
#include "utf8.h"
#include "width.h"

#define ELLIPSIS "\xe2\x80\xa6"		/* U+2026, one column */
#define REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD, one column */

static int
compare_range(const void *key, const void *member)
{
	unsigned long			 cp = *(const unsigned long *)key;
	const struct width_range	*range = member;

	if (cp < range->first)
		return -1;
	return cp > range->last ? 1 : 0;
}

int
width_codepoint(unsigned long cp)
{
	const struct width_range	*range;

	/* Terminals do not advance for controls (or worse). */
	if (sanitize_is_control(cp))
		return 0;
	/* Nothing below the combining diacriticals is wide or zero, except
	 * the soft hyphen (a format character). */
	if (cp < 0x300 && cp != 0xad)
		return 1;
	range = bsearch(&cp, width_ranges, width_ranges_count,
	    sizeof width_ranges[0], compare_range);
	return range != NULL ? range->columns : 1;
}

/* The length of the character at s (not at its end) and its columns in
 * *cols: a byte of invalid UTF-8 is one character of one column, as the
 * U+FFFD it will be shown as. */
static size_t
next_char(const char *s, int *cols)
{
	unsigned long	cp;
	size_t		n;

	n = utf8_decode((const unsigned char *)s, UTF8_TO_NUL, &cp);
	if (n == 0) {
		*cols = 1;
		return 1;
	}
	*cols = width_codepoint(cp);
	return n;
}

int
width_of(const char *s)
{
	int	cols, total = 0;

	if (s == NULL)
		return 0;
	while (*s != '\0') {
		s += next_char(s, &cols);
		total += cols;
	}
	return total;
}

/* A character that takes columns is where a cut may happen; the zero-width
 * characters after it (combining marks, ZWJ, variation selectors) are taken
 * with it, so a base character never loses its marks. */
size_t
width_fit(const char *s, int cols, int *used)
{
	size_t	i = 0, n;
	int	w, total = 0;

	if (s != NULL) {
		while (s[i] != '\0') {
			n = next_char(s + i, &w);
			if (w > 0 && total + w > cols)
				break;
			total += w;
			i += n;
		}
	}
	if (used != NULL)
		*used = total;
	return i;
}

/* Append len bytes of s showing invalid UTF-8 as U+FFFD and leaving out
 * control characters, so that what is appended takes exactly the columns
 * width_of counted. */
static void
append_clean(struct buf *out, const char *s, size_t len)
{
	const char	*end = s + len, *done = s;
	unsigned long	 cp;
	size_t		 n;

	while (s < end) {
		n = utf8_decode((const unsigned char *)s, UTF8_TO_NUL, &cp);
		if (n != 0 && !sanitize_is_control(cp)) {
			s += n;
			continue;
		}
		buf_append(out, done, (size_t)(s - done));
		if (n == 0) {
			buf_append_str(out, REPLACEMENT);
			n = 1;
		}
		s += n;
		done = s;
	}
	buf_append(out, done, (size_t)(end - done));
}

static void
append_spaces(struct buf *out, int count)
{
	for (; count > 0; count--)
		buf_append_char(out, ' ');
}

void
width_pad(struct buf *out, const char *s, int cols)
{
	size_t	n;
	int	total, used;

	if (cols <= 0)
		return;
	if (s == NULL)
		s = "";
	total = width_of(s);
	if (total <= cols) {
		append_clean(out, s, strlen(s));
		append_spaces(out, cols - total);
		return;
	}
	/* Cut one column short for the ellipsis; a wide character that
	 * straddles the cut leaves a column, filled with a space. */
	n = width_fit(s, cols - 1, &used);
	append_clean(out, s, n);
	append_spaces(out, cols - 1 - used);
	buf_append_str(out, ELLIPSIS);
}
