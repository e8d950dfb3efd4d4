/* ascii.c: case-insensitive comparison and trimming of ASCII text, the same
 * in every locale. The character classes are inline in ascii.h. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ascii.h"

int
ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	int ca, cb;

	for (; n > 0; n--, a++, b++) {
		ca = ascii_to_lower((unsigned char)*a);
		cb = ascii_to_lower((unsigned char)*b);
		if (ca != cb || ca == '\0')
			return ca - cb;
	}
	return 0;
}

int
ascii_casecmp(const char *a, const char *b)
{
	return ascii_ncasecmp(a, b, SIZE_MAX);
}

bool
ascii_equals(const char *s, size_t len, const char *word)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (word[i] == '\0' || ascii_to_lower((unsigned char)s[i]) !=
		    ascii_to_lower((unsigned char)word[i]))
			return false;
	}
	return word[len] == '\0';
}

bool
ascii_has_prefix(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix), i;

	if (len < n)
		return false;
	for (i = 0; i < n; i++) {
		if (ascii_to_lower((unsigned char)s[i]) !=
		    ascii_to_lower((unsigned char)prefix[i]))
			return false;
	}
	return true;
}

const char *
ascii_trim_span(const char *s, size_t *len)
{
	size_t n = *len;

	while (n > 0 && ascii_is_space((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && ascii_is_space((unsigned char)s[n - 1]))
		n--;
	*len = n;
	return s;
}

char *
ascii_trim(char *s)
{
	size_t len = strlen(s);
	char *start = (char *)ascii_trim_span(s, &len);

	start[len] = '\0';
	return start;
}
