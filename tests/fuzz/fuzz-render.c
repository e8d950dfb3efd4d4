/* fuzz-render.c: libFuzzer harness for the HTML renderer: any bytes give
 * lines that are valid UTF-8, free of control characters and no wider than
 * asked, and links that are printable too. Not a unit test:
 * tests/unit/test-fuzz-regress.c replays what this found. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "render.h"
#include "width.h"

#ifndef FUZZ_RENDER_ENTRY
#define FUZZ_RENDER_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_RENDER_ENTRY(const uint8_t *data, size_t size);

static void
render_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz-render: %s: %s\n", what, detail != NULL ? detail : "(null)");
	abort();
}

/* render.h: "Every line is safe to print: no control character or escape
 * sequence survives": no C0, DEL or C1 (U+0080..U+009F). */
static void
render_check_printable(const char *what, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, i;

	if (s == NULL)
		render_fail("NULL", what);
	len = strlen(s);
	if (encoding_utf8_valid_prefix(s, len) != len)
		render_fail("invalid UTF-8", what);
	for (i = 0; i < len; i++) {
		if (u[i] < 0x20 || u[i] == 0x7f || (u[i] == 0xc2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f))
			render_fail("control character", what);
	}
}

static void
render_check(const struct render *r, int width)
{
	size_t i;

	for (i = 0; i < r->n_lines; i++) {
		render_check_printable("line", r->lines[i].text);
		if (width_of(r->lines[i].text) > width)
			render_fail("line wider than the width", r->lines[i].text);
		if (r->lines[i].style < RENDER_TEXT || r->lines[i].style > RENDER_META)
			render_fail("style", "out of range");
	}
	for (i = 0; i < r->n_links; i++)
		render_check_printable("link", r->links[i]);
}

int
FUZZ_RENDER_ENTRY(const uint8_t *data, size_t size)
{
	static const char *bases[] = {
		NULL, "https://example.org/blog/post.html", "http://[::1]:8080/a/b?c#d", "not a url",
	};
	struct render r;
	size_t hash = size, i;
	char *html, *text;
	int width;

	/* Width and base come from the first bytes, which stay part of the
	 * HTML so that seeds keep their meaning. */
	for (i = 0; i < size && i < 8; i++)
		hash = hash * 31 + data[i];
	width = 10 + (int)(hash % 191);
	html = malloc(size + 1);
	if (html == NULL)
		return 0;
	memcpy(html, data, size);
	html[size] = '\0';
	memset(&r, 0, sizeof(r));
	if (render_html(html, bases[(hash >> 8) % 4], width, &r) != 0)
		render_fail("render_html", "failed");
	render_check(&r, width);

	/* The caller's own lines (a header) from the same bytes as text. */
	text = html + strlen(html) / 2;
	render_add_text(&r, text, RENDER_META, width);
	render_check(&r, width);
	render_free(&r);
	free(html);
	return 0;
}
