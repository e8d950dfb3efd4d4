/* extract-text.c: the cleaned HTML of a story (or any HTML fragment) as
 * plain text: blocks, list items, quotes, images as placeholders, wrapped by
 * display width on request. Finding the story is extract.c. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "buf.h"
#include "extract.h"
#include "extract-internal.h"
#include "width.h"
#include "xmalloc.h"

/* Lists nested deeper than this number their items like the deepest. */
#define MAX_LISTS	16

/* Columns of the len bytes at s (display width, width.h). */
static int
columns(struct buf *scratch, const char *s, size_t len)
{
	buf_reset(scratch);
	buf_append(scratch, s, len);
	return width_of(buf_str(scratch));
}

/* Bytes of the longest prefix of the len bytes at s that fits in cols
 * columns; at least one character, so that wrapping always moves on. */
static size_t
fit_columns(struct buf *scratch, const char *s, size_t len, int cols)
{
	size_t n;

	buf_reset(scratch);
	buf_append(scratch, s, len);
	n = width_fit(buf_str(scratch), cols, NULL);
	if (n == 0 && len > 0) {
		/* A character wider than the line: it goes alone. */
		for (n = 1; n < len && ((unsigned char)s[n] & 0xc0) == 0x80; n++)
			;
	}
	return n;
}

struct text_writer {
	struct buf	 out;
	struct buf	 para;		/* the block being gathered; '\n' for <br> */
	struct buf	 scratch;	/* a word, NUL-terminated for width.h */
	int		 width;
	int		 quote;		/* depth of <blockquote> */
	int		 pre;
	int		 lists;
	struct {
		bool	 ordered;
		int	 number;
	}		 list[MAX_LISTS];
	char		 marker[16];	/* "- " or "3. " for the item in para */
	int		 indent;	/* columns before the marker */
	bool		 item;		/* para belongs to a list item */
	bool		 last_item;	/* the last block written was one */
	bool		 space;
};

/* Append one line of a block, wrapped, each line after the first starting
 * with rest. */
static void
wrap_line(struct text_writer *w, const char *s, size_t len, const char *first,
    const char *rest)
{
	const char *prefix = first, *word, *end = s + len;
	size_t wlen, cut;
	int col = 0, avail, ww;

	buf_append_str(&w->out, first);
	if (w->width <= 0) {
		buf_append(&w->out, s, len);
		buf_append_char(&w->out, '\n');
		return;
	}
	while (s < end) {
		avail = w->width - width_of(prefix);
		if (avail < 8)
			avail = 8;
		while (s < end && *s == ' ')
			s++;
		if (s == end)
			break;
		word = s;
		while (s < end && *s != ' ')
			s++;
		wlen = (size_t)(s - word);
		ww = columns(&w->scratch, word, wlen);
		if (col > 0 && col + 1 + ww > avail) {
			buf_append_char(&w->out, '\n');
			prefix = rest;
			buf_append_str(&w->out, prefix);
			col = 0;
			avail = w->width - width_of(prefix);
			if (avail < 8)
				avail = 8;
		}
		if (col > 0) {
			buf_append_char(&w->out, ' ');
			col++;
		}
		/* A word longer than a line is cut. */
		while (col + ww > avail) {
			cut = fit_columns(&w->scratch, word, wlen, avail - col);
			buf_append(&w->out, word, cut);
			buf_append_char(&w->out, '\n');
			prefix = rest;
			buf_append_str(&w->out, prefix);
			word += cut;
			wlen -= cut;
			ww = columns(&w->scratch, word, wlen);
			col = 0;
		}
		buf_append(&w->out, word, wlen);
		col += ww;
	}
	buf_append_char(&w->out, '\n');
}

/* Write the gathered block, if it has anything. */
static void
flush_block(struct text_writer *w)
{
	struct buf first = BUF_INIT, rest = BUF_INIT;
	const char *p, *line, *end;
	size_t len = w->para.len;
	int i;

	p = w->para.data != NULL ? w->para.data : "";
	/* Blank lines at either end of a block are not kept. */
	while (len > 0 && (p[len - 1] == '\n' || p[len - 1] == ' '))
		len--;
	while (len > 0 && *p == '\n') {
		p++;
		len--;
	}
	if (len == 0)
		goto out;
	/* Items of a list follow each other; anything else, including a
	 * second paragraph of one item, has a blank line before it. */
	if (w->out.len > 0)
		buf_append_str(&w->out, w->item && w->last_item && w->marker[0] != ' ' &&
		    w->marker[0] != '\0' ? "" : "\n");
	for (i = 0; i < w->quote; i++) {
		buf_append_str(&first, "> ");
		buf_append_str(&rest, "> ");
	}
	for (i = 0; i < w->indent; i++) {
		buf_append_char(&first, ' ');
		buf_append_char(&rest, ' ');
	}
	buf_append_str(&first, w->marker);
	for (i = 0; w->marker[i] != '\0'; i++)
		buf_append_char(&rest, ' ');
	end = p + len;
	for (line = p; line <= end; line = p + 1) {
		if ((p = memchr(line, '\n', (size_t)(end - line))) == NULL)
			p = end;
		if (w->pre > 0) {
			buf_append_str(&w->out, line == w->para.data || first.len == 0 ?
			    buf_str(&first) : buf_str(&rest));
			buf_append(&w->out, line, (size_t)(p - line));
			buf_append_char(&w->out, '\n');
		} else {
			wrap_line(w, line, (size_t)(p - line), buf_str(&first), buf_str(&rest));
		}
		/* Only the first line shows the marker. */
		buf_reset(&first);
		buf_append_str(&first, buf_str(&rest));
		if (p == end)
			break;
	}
	w->last_item = w->item;
	/* More blocks in the same item line up under its text. */
	for (i = 0; w->marker[i] != '\0'; i++)
		w->marker[i] = ' ';
out:
	buf_reset(&w->para);
	w->space = false;
	buf_free(&first);
	buf_free(&rest);
}

static void
text_append(struct text_writer *w, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t left = strlen(s), n, skip;

	while (left > 0) {
		if (w->pre == 0 && (n = extract_space_length(p, left)) > 0) {
			w->space = w->para.len > 0 && w->para.data[w->para.len - 1] != '\n';
			p += n;
			left -= n;
			continue;
		}
		if (extract_is_unsafe(p, left, &skip)) {
			p += skip;
			left -= skip;
			continue;
		}
		if (w->pre > 0 && (*p == '\r' || *p == '\f')) {
			p++;
			left--;
			continue;
		}
		if (w->space) {
			buf_append_char(&w->para, ' ');
			w->space = false;
		}
		buf_append(&w->para, p, 1);
		p++;
		left--;
	}
}

static void text_children(struct text_writer *, const GumboNode *, int);

static void
text_node(struct text_writer *w, const GumboNode *g, int depth)
{
	GumboTag tag;
	const char *alt;
	char saved_marker[16];
	int saved_indent, level;
	bool saved_item;

	if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
	    g->type == GUMBO_NODE_CDATA) {
		text_append(w, g->v.text.text);
		return;
	}
	if (g->type != GUMBO_NODE_ELEMENT || depth > EXTRACT_MAX_DEPTH ||
	    g->v.element.tag_namespace != GUMBO_NAMESPACE_HTML)
		return;
	tag = g->v.element.tag;
	switch (tag) {
	case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
	case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_TITLE: case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED:
	case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_OBJECT: case GUMBO_TAG_SELECT:
		return;
	case GUMBO_TAG_BR:
		if (w->para.len > 0)
			buf_append_char(&w->para, '\n');
		w->space = false;
		return;
	case GUMBO_TAG_IMG:
	case GUMBO_TAG_IMAGE:
		alt = extract_attribute(g, "alt");
		if (alt != NULL && alt[0] == '\0')
			return;	/* decorative (HTML 4.8.4.4.4) */
		if (w->para.len > 0 && w->para.data[w->para.len - 1] != '\n')
			w->space = true;
		text_append(w, alt != NULL ? "[image: " : "[image]");
		if (alt != NULL) {
			text_append(w, alt);
			w->space = false;
			text_append(w, "]");
		}
		return;
	case GUMBO_TAG_LI:
		flush_block(w);
		memcpy(saved_marker, w->marker, sizeof saved_marker);
		saved_indent = w->indent;
		saved_item = w->item;
		w->item = true;
		w->indent = w->lists > 1 ? 2 * (w->lists - 1) : 0;
		level = w->lists < MAX_LISTS ? w->lists : MAX_LISTS;
		if (level > 0 && w->list[level - 1].ordered)
			snprintf(w->marker, sizeof w->marker, "%d. ", ++w->list[level - 1].number);
		else
			snprintf(w->marker, sizeof w->marker, "- ");
		text_children(w, g, depth);
		flush_block(w);
		memcpy(w->marker, saved_marker, sizeof saved_marker);
		w->indent = saved_indent;
		w->item = saved_item;
		return;
	case GUMBO_TAG_UL:
	case GUMBO_TAG_OL:
	case GUMBO_TAG_MENU:
	case GUMBO_TAG_DIR:
		flush_block(w);
		if (w->lists < MAX_LISTS) {
			w->list[w->lists].ordered = tag == GUMBO_TAG_OL;
			w->list[w->lists].number = 0;
		}
		w->lists++;
		text_children(w, g, depth);
		flush_block(w);
		w->lists--;
		if (w->lists == 0)
			w->last_item = false;
		return;
	case GUMBO_TAG_BLOCKQUOTE:
		flush_block(w);
		w->quote++;
		text_children(w, g, depth);
		flush_block(w);
		w->quote--;
		return;
	case GUMBO_TAG_PRE:
	case GUMBO_TAG_LISTING:
	case GUMBO_TAG_XMP:
		flush_block(w);
		w->pre++;
		text_children(w, g, depth);
		flush_block(w);
		w->pre--;
		return;
	default:
		break;
	}
	if (extract_tag_flags[tag] & TF_BLOCK) {
		flush_block(w);
		/* A paragraph between list items is a block of its own. */
		saved_item = w->item;
		if (!w->item || tag != GUMBO_TAG_P)
			w->item = w->item && w->lists > 0;
		text_children(w, g, depth);
		flush_block(w);
		w->item = saved_item;
	} else {
		text_children(w, g, depth);
	}
}

static void
text_children(struct text_writer *w, const GumboNode *g, int depth)
{
	const GumboVector *children = &g->v.element.children;
	unsigned i;

	for (i = 0; i < children->length; i++)
		text_node(w, children->data[i], depth + 1);
}

char *
extract_text(const char *html, int width)
{
	struct text_writer w;
	struct extract_parsed parsed;
	const GumboNode *body;
	size_t len;

	memset(&w, 0, sizeof w);
	w.width = width;
	buf_append(&w.out, "", 0);
	if (html == NULL || (len = strlen(html)) == 0 || len > EXTRACT_MAX_PAGE)
		return buf_detach(&w.out);
	if (extract_parse(xstrdup(html), len, &parsed) == NULL &&
	    (body = extract_child_element(parsed.output->root, GUMBO_TAG_BODY)) != NULL) {
		text_children(&w, body, 0);
		flush_block(&w);
	}
	extract_parsed_free(&parsed);
	buf_free(&w.para);
	buf_free(&w.scratch);
	return buf_detach(&w.out);
}
