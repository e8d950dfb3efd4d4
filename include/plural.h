/* plural.h: the one way every message says a count of things ("1 item",
 * "2 items", "0 stories"), so that none says "1 items". Pure; English only,
 * like every message of tidings. */
#ifndef TIDINGS_PLURAL_H
#define TIDINGS_PLURAL_H

/* one when n is 1, else many: printf("%lld %s", n, plural_noun(n, "item",
 * "items")). Returns one of the two pointers given. */
const char *plural_noun(long long n, const char *one, const char *many);

#endif
