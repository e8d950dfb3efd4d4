/* test-plural.c: the singular for exactly one, the plural for every other
 * count, irregular plurals as given. */
#include "config.h"

#include "plural.h"
#include "test.h"

int
main(void)
{
	CHECK_STR(plural_noun(0, "item", "items"), "items");
	CHECK_STR(plural_noun(1, "item", "items"), "item");
	CHECK_STR(plural_noun(2, "item", "items"), "items");
	CHECK_STR(plural_noun(-1, "item", "items"), "items");
	CHECK_STR(plural_noun(1, "story", "stories"), "story");
	CHECK_STR(plural_noun(11, "story", "stories"), "stories");
	CHECK_STR(plural_noun(1000000000000LL, "feed", "feeds"), "feeds");
	return test_done();
}
