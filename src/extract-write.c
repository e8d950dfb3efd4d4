/* extract-write.c: writing the story found: cleaned HTML of a few safe
 * elements with absolute links only (extract_story's output), and that HTML
 * as text laid out as the article view lays it out (extract_text). */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "ascii.h"
#include "buf.h"
#include "extract.h"
#include "extract-internal.h"
#include "html.h"
#include "render.h"
#include "url.h"
#include "xmalloc.h"

/* Inline elements waiting for their first text (see struct writer). */
#define MAX_PENDING	32

/* ---------------------------------------------------------------------
 * Links and images: absolute http(s) (or mailto) URLs only, so that no
 * javascript: or data: URL and nothing relative to an unknown page is kept.
 */

/* ref as the WHATWG URL parser reads it: surrounding C0 controls and
 * spaces, and tabs and newlines anywhere, removed. */
char *
extract_clean_ref(const char *ref)
{
	const unsigned char *p = (const unsigned char *)ref;
	size_t len = strlen(ref);
	char *out, *o;

	while (len > 0 && *p <= 0x20) {
		p++;
		len--;
	}
	while (len > 0 && p[len - 1] <= 0x20)
		len--;
	out = o = xmalloc(len + 1);
	for (; len > 0; p++, len--) {
		if (*p != '\t' && *p != '\n' && *p != '\r')
			*o++ = (char)*p;
	}
	*o = '\0';
	return out;
}

static char *
link_target(const struct page *pg, const char *ref, bool mailto)
{
	char *clean, *resolved;

	if (ref == NULL)
		return NULL;
	clean = extract_clean_ref(ref);
	if (clean[0] == '\0') {
		free(clean);
		return NULL;
	}
	if (mailto && ascii_ncasecmp(clean, "mailto:", 7) == 0 && clean[7] != '\0')
		return clean;
	resolved = url_resolve(pg->base, clean);
	free(clean);
	if (resolved != NULL && url_is_http(resolved))
		return resolved;
	free(resolved);
	return NULL;
}

/* The image's source: src, or what lazy loaders keep the real one in when
 * src is a placeholder (a data: URL). */
static char *
image_source(const struct page *pg, const GumboNode *g)
{
	static const char *const names[] = {
		"src", "data-src", "data-lazy-src", "data-original", "data-url",
		"srcset", "data-srcset",
	};
	const char *value;
	char *first, *target;
	size_t i, len;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if ((value = extract_attribute(g, names[i])) == NULL)
			continue;
		if (strstr(names[i], "srcset") != NULL) {
			/* The first candidate: a URL up to white space. */
			while (html_is_space((unsigned char)*value))
				value++;
			len = strcspn(value, " \t\n\f\r");
			while (len > 0 && value[len - 1] == ',')
				len--;
			first = xstrndup(value, len);
			target = link_target(pg, first, false);
			free(first);
		} else {
			target = link_target(pg, value, false);
		}
		if (target != NULL)
			return target;
	}
	return NULL;
}

/* ---------------------------------------------------------------------
 * The cleaned HTML. Text that sits in containers we do not keep (a <div>
 * of the div soup, a table cell) goes into a <p> of its own (an "implicit"
 * block); inline elements are written only once text comes for them, so
 * that no empty <a> or <em> is left.
 */

struct open_inline {
	const char	*tag;
	char		*href;		/* for <a>; owned */
	bool		 written;
};

struct writer {
	const struct page *pg;
	struct buf	 out;
	size_t		 implicit_start;
	const char	*implicit;	/* "p" or "li" while one is open */
	bool		 list;		/* directly inside <ul> or <ol> */
	const char	*block;		/* the explicit text block we are in */
	int		 inline_depth;	/* inside an element that takes text */
	int		 pre;
	bool		 space;		/* a space is due before more text */
	bool		 content;	/* the open block has something */
	int		 breaks;	/* <br>s due */
	struct open_inline inlines[MAX_PENDING];
	int		 n_inlines;
	size_t		 text_length;
	bool		 title_done;
};

static void
escape(struct buf *out, const char *s, size_t len, bool in_attribute)
{
	size_t i, start = 0;
	const char *rep;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = in_attribute ? "&quot;" : NULL;
			break;
		default:
			rep = NULL;
			break;
		}
		if (rep == NULL)
			continue;
		buf_append(out, s + start, i - start);
		buf_append_str(out, rep);
		start = i + 1;
	}
	buf_append(out, s + start, len - start);
}

static void
open_implicit(struct writer *w)
{
	w->implicit = w->list ? "li" : "p";
	w->implicit_start = w->out.len;
	buf_appendf(&w->out, "<%s>", w->implicit);
	w->content = w->space = false;
	w->breaks = 0;
}

static void
close_implicit(struct writer *w)
{
	if (w->implicit == NULL)
		return;
	if (w->content) {
		buf_appendf(&w->out, "</%s>\n", w->implicit);
	} else {
		w->out.len = w->implicit_start;
		w->out.data[w->out.len] = '\0';
	}
	w->implicit = NULL;
	w->content = w->space = false;
	w->breaks = 0;
}

/* Everything due before the next text or image. */
static void
begin_content(struct writer *w)
{
	int i, written = 0;

	if (w->inline_depth == 0 && w->implicit == NULL)
		open_implicit(w);
	for (i = 0; i < w->n_inlines; i++)
		written += w->inlines[i].written;
	if (w->breaks > 0) {
		/* Two <br>s in loose text end a paragraph, as they look. */
		if (w->breaks >= 2 && w->implicit != NULL && written == 0) {
			close_implicit(w);
			open_implicit(w);
		} else {
			buf_append_str(&w->out, w->breaks >= 2 ? "<br><br>" : "<br>");
		}
		w->breaks = 0;
		w->space = false;
	}
	if (w->space) {
		buf_append_char(&w->out, ' ');
		w->text_length++;
		w->space = false;
	}
	for (i = 0; i < w->n_inlines; i++) {
		if (w->inlines[i].written)
			continue;
		if (w->inlines[i].href != NULL) {
			buf_append_str(&w->out, "<a href=\"");
			escape(&w->out, w->inlines[i].href, strlen(w->inlines[i].href), true);
			buf_append_str(&w->out, "\">");
		} else {
			buf_appendf(&w->out, "<%s>", w->inlines[i].tag);
		}
		w->inlines[i].written = true;
	}
	w->content = true;
}

static void
write_text(struct writer *w, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t left = strlen(s), n, skip;

	while (left > 0) {
		if (w->pre == 0 && (n = extract_space_length(p, left)) > 0) {
			/* Space before anything in a block is dropped. */
			if (w->content)
				w->space = true;
			p += n;
			left -= n;
			continue;
		}
		if (extract_is_unsafe(p, left, &skip)) {
			p += skip;
			left -= skip;
			continue;
		}
		if (!w->content || w->space || w->breaks > 0 ||
		    (w->n_inlines > 0 && !w->inlines[w->n_inlines - 1].written))
			begin_content(w);
		/* Copy the run up to the next space or character to drop. */
		for (n = 0; n < left; n += skip) {
			if ((w->pre == 0 && extract_space_length(p + n, left - n) > 0) ||
			    extract_is_unsafe(p + n, left - n, &skip))
				break;
			if ((p[n] & 0xc0) != 0x80)
				w->text_length++;
		}
		escape(&w->out, (const char *)p, n, false);
		p += n;
		left -= n;
	}
}

/* A block boundary: the end of loose text's paragraph, or a line break
 * inside a block that takes text. */
static void
boundary(struct writer *w)
{
	if (w->inline_depth > 0) {
		if (w->content && w->breaks == 0)
			w->breaks = 1;
		w->space = false;
	} else {
		close_implicit(w);
	}
}

static void write_children(struct writer *, int, int);

/* A block whose tag is not written: its children, between boundaries. */
static void
write_unwrapped(struct writer *w, int i, int depth)
{
	boundary(w);
	write_children(w, i, depth);
	boundary(w);
}

static bool
is_title(struct writer *w, int i)
{
	struct buf text = BUF_INIT;
	bool same;

	if (w->title_done || w->pg->title == NULL)
		return false;
	extract_node_text(w->pg, i, &text, strlen(w->pg->title) + 8);
	same = strcmp(text.data, w->pg->title) == 0;
	buf_free(&text);
	if (same)
		w->title_done = true;
	return same;
}

/* p, h2-h6, li, figcaption, pre: blocks that take text. */
static void
write_text_block(struct writer *w, int i, const char *tag, int depth)
{
	const char *block = w->block;
	bool list = w->list;
	size_t start;

	if (w->inline_depth > 0) {
		write_unwrapped(w, i, depth);
		return;
	}
	close_implicit(w);
	start = w->out.len;
	buf_appendf(&w->out, "<%s>", tag);
	w->content = w->space = false;
	w->breaks = 0;
	w->inline_depth++;
	w->block = tag;
	w->list = false;
	if (strcmp(tag, "pre") == 0)
		w->pre++;
	write_children(w, i, depth);
	if (strcmp(tag, "pre") == 0)
		w->pre--;
	w->inline_depth--;
	w->block = block;
	w->list = list;
	if (w->content) {
		buf_appendf(&w->out, "</%s>\n", tag);
	} else {
		w->out.len = start;
		w->out.data[start] = '\0';
	}
	w->content = w->space = false;
	w->breaks = 0;
}

/* ul, ol, blockquote, figure: blocks that hold blocks. A list inside an
 * item nests; anything else inside a text block is flattened. */
static void
write_container(struct writer *w, int i, const char *tag, int depth)
{
	const char *block = w->block;
	bool list = w->list, is_list = tag[0] != 'b' && tag[0] != 'f';
	int inline_depth = w->inline_depth;
	size_t start, empty;

	if (w->inline_depth > 0 && !(is_list && block != NULL && strcmp(block, "li") == 0)) {
		write_unwrapped(w, i, depth);
		return;
	}
	close_implicit(w);
	start = w->out.len;
	buf_appendf(&w->out, "<%s>\n", tag);
	empty = w->out.len;
	w->inline_depth = 0;
	w->list = is_list;
	w->block = NULL;
	w->breaks = 0;
	w->space = false;
	write_children(w, i, depth);
	close_implicit(w);
	w->inline_depth = inline_depth;
	w->list = list;
	w->block = block;
	if (w->out.len == empty) {
		w->out.len = start;
		w->out.data[start] = '\0';
		if (inline_depth > 0)
			w->content = true;	/* the item had text before */
	} else {
		buf_appendf(&w->out, "</%s>\n", tag);
		w->content = inline_depth > 0;
	}
	w->space = false;
}

static void
write_inline(struct writer *w, int i, const char *tag, char *href, int depth)
{
	struct open_inline *o;

	if (w->n_inlines == MAX_PENDING) {
		free(href);
		write_children(w, i, depth);
		return;
	}
	o = &w->inlines[w->n_inlines++];
	o->tag = tag;
	o->href = href;
	o->written = false;
	write_children(w, i, depth);
	o = &w->inlines[--w->n_inlines];
	if (o->written)
		buf_appendf(&w->out, "</%s>", o->tag);
	free(o->href);
}

static void
write_image(struct writer *w, const GumboNode *g)
{
	const char *alt = extract_attribute(g, "alt");
	char *src = image_source(w->pg, g);

	if (src == NULL)
		return;
	begin_content(w);
	buf_append_str(&w->out, "<img src=\"");
	escape(&w->out, src, strlen(src), true);
	buf_append_char(&w->out, '"');
	if (alt != NULL) {
		struct buf clean = BUF_INIT;
		bool space = false;

		extract_append_collapsed(&clean, alt, &space);
		buf_append_str(&w->out, " alt=\"");
		escape(&w->out, clean.data != NULL ? clean.data : "", clean.len, true);
		buf_append_char(&w->out, '"');
		buf_free(&clean);
	}
	buf_append_char(&w->out, '>');
	free(src);
}

static void
write_node(struct writer *w, int i, int depth)
{
	const struct node *nd = &w->pg->nodes[i];
	static const char *const headings[] = { "h2", "h2", "h3", "h4", "h5", "h6" };
	char *href;

	if (nd->flags & NF_DROPPED)
		return;
	if (nd->flags & NF_TEXT) {
		write_text(w, nd->gumbo->v.text.text);
		return;
	}
	if (depth > EXTRACT_MAX_DEPTH)
		return;
	switch (nd->tag) {
	case GUMBO_TAG_P:
	case GUMBO_TAG_LI:
	case GUMBO_TAG_FIGCAPTION:
		write_text_block(w, i, gumbo_normalized_tagname(nd->tag), depth);
		break;
	case GUMBO_TAG_PRE:
	case GUMBO_TAG_LISTING:
		write_text_block(w, i, "pre", depth);
		break;
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
		/* The headline is the title, shown apart; h1 is for it. */
		if (nd->tag <= GUMBO_TAG_H3 && is_title(w, i))
			break;
		write_text_block(w, i, headings[nd->tag - GUMBO_TAG_H1], depth);
		break;
	case GUMBO_TAG_UL:
	case GUMBO_TAG_OL:
	case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_FIGURE:
		write_container(w, i, gumbo_normalized_tagname(nd->tag), depth);
		break;
	case GUMBO_TAG_A:
		/* A link to nowhere safe is written as its text. */
		href = NULL;
		if (!(nd->flags & NF_HAS_BLOCK))
			href = link_target(w->pg, extract_attribute(nd->gumbo, "href"), true);
		if (href != NULL)
			write_inline(w, i, "a", href, depth);
		else
			write_children(w, i, depth);
		break;
	case GUMBO_TAG_EM: case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
	case GUMBO_TAG_I: case GUMBO_TAG_CODE:
		if (nd->flags & NF_HAS_BLOCK)
			write_children(w, i, depth);
		else
			write_inline(w, i, gumbo_normalized_tagname(nd->tag), NULL, depth);
		break;
	case GUMBO_TAG_BR:
		if (w->pre > 0) {
			begin_content(w);
			buf_append_char(&w->out, '\n');
		} else if (w->content) {
			w->breaks++;
			w->space = false;
		}
		break;
	case GUMBO_TAG_IMG:
	case GUMBO_TAG_IMAGE:
		write_image(w, nd->gumbo);
		break;
	default:
		if (nd->flags & NF_BLOCK)
			write_unwrapped(w, i, depth);
		else
			write_children(w, i, depth);
		break;
	}
}

static void
write_children(struct writer *w, int i, int depth)
{
	int k;

	for (k = w->pg->nodes[i].first_child; k >= 0; k = w->pg->nodes[k].next)
		write_node(w, k, depth + 1);
}

char *
extract_write_story(const struct page *pg, const int *picked, int n, size_t *text_length)
{
	struct writer w;
	int i;

	memset(&w, 0, sizeof w);
	w.pg = pg;
	buf_append(&w.out, "", 0);
	for (i = 0; i < n; i++)
		write_node(&w, picked[i], 0);
	close_implicit(&w);
	*text_length = w.text_length;
	return buf_detach(&w.out);
}

/* ---------------------------------------------------------------------
 * The story as text: the article view's layout (render.c), so that
 * `tidings extract` and the reader print the same story the same way.
 */

char *
extract_text(const char *html, int width)
{
	if (html == NULL || strlen(html) > EXTRACT_MAX_PAGE)
		return xstrdup("");
	return render_text(html, width);
}
