/* fuzz-date.c: libFuzzer harness for the date parser: any string gives no
 * date or one that formats as RFC 3339 and parses back to itself. Not a unit
 * test: tests/unit/test-fuzz-regress.c replays what this found. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

#ifndef FUZZ_DATE_ENTRY
#define FUZZ_DATE_ENTRY LLVMFuzzerTestOneInput
#endif

/* Feed dates are short; longer input only slows the search. */
#define DATE_INPUT_MAX	256

int FUZZ_DATE_ENTRY(const uint8_t *data, size_t size);

int
FUZZ_DATE_ENTRY(const uint8_t *data, size_t size)
{
	char text[DATE_INPUT_MAX + 1], iso[DATE_ISO_SIZE];
	int64_t t, again;

	if (size > DATE_INPUT_MAX)
		size = DATE_INPUT_MAX;
	memcpy(text, data, size);
	text[size] = '\0';
	t = date_parse(text);
	if (t == DATE_NONE)
		return 0;
	if (date_format_iso(t, iso)[0] == '\0') {
		fprintf(stderr, "fuzz-date: \"%s\" gives %lld, which does not format\n", text, (long long)t);
		abort();
	}
	again = date_parse(iso);
	if (again != t) {
		fprintf(stderr, "fuzz-date: \"%s\" gives %s, which parses back as %lld, not %lld\n",
		    text, iso, (long long)again, (long long)t);
		abort();
	}
	return 0;
}
