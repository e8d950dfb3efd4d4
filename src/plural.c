/* plural.c: the noun for a count, singular for exactly one. Not the count
 * itself: callers format that with the rest of their message. */
#include "config.h"

#include "plural.h"

const char *
plural_noun(long long n, const char *one, const char *many)
{
	/* "0 items", "-1 items": English takes the singular for one only. */
	return n == 1 ? one : many;
}
