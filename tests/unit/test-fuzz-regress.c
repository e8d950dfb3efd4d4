/* test-fuzz-regress.c: every input the libFuzzer harnesses (tests/fuzz) ever
 * broke a module with, replayed through the same harness code and checks:
 * tests/data/fuzz/NAME/ holds the finds of fuzz-NAME. Needs no libFuzzer. */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "test.h"
#include "xmalloc.h"

/* The harnesses, their entry points renamed (fuzz-json.c brings the parse
 * harness along as json_run_parse). A failed check inside one aborts. */
#define FUZZ_JSON_ENTRY		fuzz_json
#define FUZZ_DATE_ENTRY		fuzz_date
#define FUZZ_OPML_ENTRY		fuzz_opml
#define FUZZ_RENDER_ENTRY	fuzz_render
#define FUZZ_EXTRACT_ENTRY	fuzz_extract
#include "../fuzz/fuzz-json.c"
#include "../fuzz/fuzz-date.c"
#include "../fuzz/fuzz-opml.c"
#include "../fuzz/fuzz-render.c"
#include "../fuzz/fuzz-extract.c"

static const struct {
	const char	*name;
	int		(*run)(const uint8_t *, size_t);
} harnesses[] = {
	{ "date", fuzz_date },
	{ "extract", fuzz_extract },
	{ "json", fuzz_json },
	{ "opml", fuzz_opml },
	{ "parse", json_run_parse },
	{ "render", fuzz_render },
};

/* Run one harness on every file of its folder; returns how many. */
static size_t
replay(const char *top, size_t h)
{
	char *dir = xasprintf("%s/tests/data/fuzz/%s", top, harnesses[h].name);
	struct dirent *entry;
	DIR *d = opendir(dir);
	size_t count = 0, len;

	if (d == NULL) {
		free(dir);
		return 0;
	}
	while ((entry = readdir(d)) != NULL) {
		char *path, *data;

		if (entry->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, entry->d_name);
		data = test_read_file(path, &len);
		CHECK(data != NULL);
		if (data != NULL) {
			CHECK_INT(harnesses[h].run((const uint8_t *)data, len), 0);
			count++;
		}
		free(data);
		free(path);
	}
	closedir(d);
	free(dir);
	return count;
}

/* The harnesses on nothing and on single bytes: edges every input shares. */
static void
test_short(void)
{
	static const uint8_t bytes[] = { '<', '{', '\0', 0xff, 0xef };
	size_t h, i;

	for (h = 0; h < sizeof(harnesses) / sizeof(harnesses[0]); h++) {
		CHECK_INT(harnesses[h].run(bytes, 0), 0);
		for (i = 0; i < sizeof(bytes); i++)
			CHECK_INT(harnesses[h].run(bytes + i, 1), 0);
	}
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	size_t h, total = 0;

	test_short();
	for (h = 0; h < sizeof(harnesses) / sizeof(harnesses[0]); h++)
		total += replay(top != NULL ? top : ".", h);
	/* The folder exists with at least the parser's finds. */
	CHECK(total > 0);
	return test_done();
}
