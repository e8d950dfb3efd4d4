/* html-bench.c: a benchmark of text_from_html, the path that turns every
 * item's summary into text for the search index at ingest: 10,000 summaries
 * of the kind feeds carry, each converted ROUNDS times. Not a test and not
 * built by make. Build by hand, from the source tree:
 *
 *   cc -std=c11 -O2 -I. -Iinclude -Isrc tools/html-bench.c src/text.c \
 *       src/html.c src/entities.c src/buf.c src/xmalloc.c -o html-bench
 *   perf stat -r 5 ./html-bench
 *
 * With -DBENCH_RENDER it times the article view's render_html on the same
 * summaries instead (add src/render.c src/url.c src/utf8.c src/width.c
 * src/width-table.c and $(pkg-config --cflags --libs libcurl)).
 *
 * The summaries are generated from a fixed seed, so every build converts
 * the same bytes; the checksum printed at the end shows that two builds
 * produced the same text. The time printed is the conversion's alone, process
 * CPU time per 10,000 summaries. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "text.h"
#ifdef BENCH_RENDER
#include "render.h"
#endif

#define SUMMARIES	10000
#define ROUNDS		10

static unsigned long seed = 12345;

static unsigned
pick(unsigned n)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((seed >> 33) % n);
}

static const char *const words[] = {
	"the", "feed", "reader", "update", "release", "kernel", "news", "city",
	"council", "weather", "market", "review", "Ελλάδα", "новости", "über",
	"café", "data", "policy", "report", "science", "music", "open", "source",
};

/* A summary as WordPress, Blogger and news sites write them: a few
 * paragraphs with emphasis, links, entities, sometimes an image, a list or
 * a "continue reading" tail. */
static void
summary(struct buf *b)
{
	unsigned p, w, n_paras = 1 + pick(4), n_words;

	buf_reset(b);
	if (pick(3) == 0)
		buf_appendf(b, "<img src=\"https://example.com/i/%u.jpg\" "
		    "alt=\"photo %u\" width=\"640\" height=\"480\" />", pick(1000), pick(100));
	for (p = 0; p < n_paras; p++) {
		buf_append_str(b, pick(2) ? "<p>" : "<p class=\"intro\">");
		n_words = 10 + pick(60);
		for (w = 0; w < n_words; w++) {
			if (w > 0)
				buf_append_char(b, ' ');
			switch (pick(20)) {
			case 0:
				buf_appendf(b, "<a href=\"https://example.com/%u?a=1&amp;b=2\">%s</a>",
				    pick(10000), words[pick(sizeof words / sizeof words[0])]);
				break;
			case 1:
				buf_appendf(b, "<strong>%s</strong>", words[pick(sizeof words / sizeof words[0])]);
				break;
			case 2:
				buf_append_str(b, pick(2) ? "&amp;" : "&#8217;s");
				break;
			case 3:
				buf_append_str(b, "&nbsp;&mdash;");
				break;
			default:
				buf_append_str(b, words[pick(sizeof words / sizeof words[0])]);
			}
		}
		buf_append_str(b, ".</p>\n");
	}
	if (pick(4) == 0)
		buf_append_str(b, "<ul><li>one</li><li>two</li><li>three</li></ul>");
	if (pick(2) == 0)
		buf_append_str(b, "<p>The post <a href=\"https://example.com/post\" "
		    "rel=\"nofollow\">Title</a> appeared first on <a "
		    "href='https://example.com/'>Example</a>.</p>");
}

int
main(void)
{
	struct buf	 b = BUF_INIT;
	char		**html, *text;
#ifdef BENCH_RENDER
	struct render	 rendered;
#endif
	size_t		 i, r, bytes = 0;
	unsigned long	 sum = 0;
	clock_t		 start;

	html = calloc(SUMMARIES, sizeof *html);
	if (html == NULL)
		return 1;
	for (i = 0; i < SUMMARIES; i++) {
		summary(&b);
		html[i] = strdup(buf_str(&b));
		bytes += b.len;
	}
	start = clock();
	for (r = 0; r < ROUNDS; r++) {
		for (i = 0; i < SUMMARIES; i++) {
#ifdef BENCH_RENDER
			render_html(html[i], "https://example.com/", 80, &rendered);
			sum = sum * 31 + rendered.n_lines + rendered.n_links;
			render_free(&rendered);
			(void)text;
#else
			text = text_from_html(html[i]);
			sum = sum * 31 + strlen(text) + (unsigned char)text[0];
			free(text);
#endif
		}
	}
	printf("%d summaries, %zu bytes, %d rounds: %.1f ms CPU per 10,000 "
	    "(checksum %lu)\n", SUMMARIES, bytes, ROUNDS,
	    (double)(clock() - start) * 1000 / CLOCKS_PER_SEC / ROUNDS, sum);
	for (i = 0; i < SUMMARIES; i++)
		free(html[i]);
	free(html);
	buf_free(&b);
	return 0;
}
