/* fuzz-json.c: libFuzzer harness for the JSON Feed reader: the parse harness
 * (fuzz-parse.c, with all its checks) on input made to open with '{', so
 * that every case reaches json-c and parse-json.c rather than expat. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifndef FUZZ_JSON_ENTRY
#define FUZZ_JSON_ENTRY LLVMFuzzerTestOneInput
#endif

#define FUZZ_PARSE_ENTRY json_run_parse
#include "fuzz-parse.c"
#undef FUZZ_PARSE_ENTRY

int FUZZ_JSON_ENTRY(const uint8_t *data, size_t size);

int
FUZZ_JSON_ENTRY(const uint8_t *data, size_t size)
{
	uint8_t *copy;

	if (size > 0 && data[0] == '{')
		return json_run_parse(data, size);
	copy = malloc(size + 1);
	if (copy == NULL)
		return 0;
	copy[0] = '{';
	if (size > 0)
		memcpy(copy + 1, data, size);
	json_run_parse(copy, size + 1);
	free(copy);
	return 0;
}
