/* bench-extract.c: how long the extractor takes on the 2 MB news page of
 * chrome-page.c (CPU time per run, best and median of RUNS). A benchmark,
 * run by `make bench`; tests never time anything. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "buf.h"
#include "chrome-page.h"
#include "extract.h"

#define RUNS 9

static double
cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(void)
{
	static const char story[] =
	    "<p>The council met on Tuesday evening to discuss the budget for the coming "
	    "year, and after a long debate, members agreed to keep the library open on "
	    "Sundays.</p><p>Residents who had campaigned for the change filled the public "
	    "gallery, and several of them spoke before the vote.</p>";
	struct buf page = BUF_INIT;
	struct extract_result r;
	double ms[RUNS], start;
	int i;

	chrome_page(&page, story);
	for (i = 0; i < RUNS; i++) {
		start = cpu_ms();
		if (extract_story(page.data, page.len, "https://e.example/", NULL, &r, NULL) != 0) {
			fprintf(stderr, "bench-extract: no story found\n");
			return 1;
		}
		ms[i] = cpu_ms() - start;
		extract_result_free(&r);
	}
	qsort(ms, RUNS, sizeof(ms[0]), cmp_double);
	printf("extract: a %zu-byte page of chrome: best %.1f ms, median %.1f ms of CPU (%d runs)\n",
	    page.len, ms[0], ms[RUNS / 2], RUNS);
	buf_free(&page);
	return 0;
}
