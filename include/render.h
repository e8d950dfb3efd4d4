/* render.h: HTML (an item's summary or content) to text for the terminal:
 * paragraphs, headings, lists, block quotes, preformatted text, images as
 * "[image: alt]" ("[image]" without alt, nothing for an empty one: a
 * decorative image), links numbered in the text ("[3]") and listed at the end,
 * wrapped to a width by display columns. Every line is safe to print: no
 * control character or escape sequence survives. Pure; no curses. */
#ifndef TIDINGS_RENDER_H
#define TIDINGS_RENDER_H

#include <stddef.h>

/* How a line should look; the reader maps each to a color/attribute. */
enum render_style {
	RENDER_TEXT,
	RENDER_HEADING,
	RENDER_QUOTE,	/* inside a <blockquote>; the line starts with "> " */
	RENDER_PRE,	/* preformatted: not wrapped, cut at the width */
	RENDER_LINK,	/* a line of the link list at the end: "[3] URL" */
	RENDER_META,	/* header lines the caller adds (title, author...) */
};

struct render_line {
	char		*text;	/* UTF-8, at most width columns */
	enum render_style style;
};

struct render {
	struct render_line *lines;
	size_t		 n_lines;
	char		**links;	/* links[i] is "[i+1]", absolute when resolvable */
	size_t		 n_links;
};

/* Render html for a terminal width columns wide (at least 10). base_url
 * (may be NULL) resolves relative links and image sources. Paragraphs are
 * separated by one blank line; the link list follows after a blank line.
 * Returns 0, filling *out (owned: render_free); never fails on bad HTML. */
int render_html(const char *html, const char *base_url, int width, struct render *out);

/* The same layout as plain text, for `tidings extract`: the lines of
 * render_html joined, each ending in a newline, except that links are their
 * text only (no "[3]", no link list). width 0 or less wraps nothing.
 * Owned by the caller; never NULL. */
char *render_text(const char *html, int width);

/* Append a line the caller composes (e.g. the article's header), wrapped to
 * width like text. text is plain text, not HTML; a newline in it starts a
 * new line and control characters are dropped. r may be zero-initialized
 * or the result of render_html (the lines then follow the link list). */
void render_add_text(struct render *r, const char *text, enum render_style style, int width);

void render_free(struct render *r);

#endif
