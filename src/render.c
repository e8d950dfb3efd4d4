/* render.c: the layout of HTML as text: an item's content (or an extracted
 * story) as wrapped lines of terminal text with numbered links, from html.c's
 * tokens in one linear pass; no HTML tree, no curses. */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "html.h"
#include "render.h"
#include "utf8.h"
#include "url.h"
#include "width.h"
#include "xmalloc.h"

#define MIN_WIDTH	10
/* Wider than any terminal; it bounds what one input byte can cost, since
 * a line's prefix may take half the width. */
#define MAX_WIDTH	1000
/* render_text's width when it does not wrap; a line's prefix still takes
 * at most half of MAX_WIDTH. */
#define UNWRAPPED	(INT_MAX / 4)
/* A rule is as wide as the text, up to a comfortable line length. */
#define RULE_MAX	72
/* Lists, items, quotes and preformatted blocks open at once that are kept
 * on the stack; deeper ones are only counted (see struct layout). Their
 * indentation is capped at half the width long before this depth. */
#define MAX_DEPTH	64
#define TAB_STOP	8
#define MARKER_MAX	24

#define BULLET		"\xe2\x80\xa2 "		/* U+2022 and a space */
#define ELLIPSIS	"\xe2\x80\xa6"		/* U+2026 */
#define REPLACEMENT_CHARACTER 0xfffdUL

/* An element on the stack: one that changes the prefix of lines (quotes,
 * list items, definitions) or how text is laid out (pre), or a list that
 * numbers its items. */
struct block {
	enum html_element	 element;
	long		 number;		/* ol: the last number given */
	char		 marker[MARKER_MAX];	/* li: "• " or "12. " */
	int		 marker_cols;
	bool		 marker_shown;		/* li: its first line is out */
};

struct attribute {
	const char	*value;		/* in the input; NULL when absent */
	size_t		 len;
};

/* A start tag's attribute (references not decoded), or value NULL. */
static struct attribute
attribute_of(const struct html_token *tag, const char *name)
{
	struct attribute	a = { NULL, 0 };

	html_attribute(tag, name, &a.value, &a.len);
	return a;
}

/* An attribute value with its character references decoded, into out. */
static void
decode_attribute(struct buf *out, const struct attribute *attribute)
{
	buf_reset(out);
	html_decode(out, attribute->value, attribute->len);
}

/*
 * The state of one rendering. Text arrives a character at a time; it is
 * gathered into a word (no break point inside), words into the line, and
 * a line goes out when the next word does not fit or a block ends. Breaks
 * between blocks are asked for and carried out lazily, which is what keeps
 * blank lines single and never first or last.
 */
struct layout {
	struct render	*r;
	const char	*base_url;
	int		 width;
	int		 prefix_max;	/* columns a line's prefix may take */
	int		 forced_style;	/* render_add_text's style, or -1 */
	bool		 plain_links;	/* render_text: links are their text only */

	struct buf	 line;		/* the line being filled, prefix first */
	bool		 line_open;
	size_t		 prefix_len;
	int		 line_cols;
	enum render_style line_style;
	int		 line_quotes;

	struct buf	 word;
	int		 word_cols;
	bool		 space;		/* white space came before the word */

	bool		 blank;		/* a blank line before the next line */
	bool		 last_blank;	/* the last line out is a blank one */
	enum render_style last_style;	/* and its style */
	int		 last_quotes;	/* quote depth of the last line out */
	bool		 after_br;	/* nothing visible since a <br> */

	/* Elements past MAX_DEPTH are counted in overflow[] only, so that
	 * their end tags still match and hostile nesting stays bounded. */
	struct block	 stack[MAX_DEPTH];
	size_t		 depth;
	size_t		 overflow[HTML_ELEMENT_COUNT];
	int		 quotes;	/* blockquotes on the stack */
	size_t		 lists;		/* ul and ol, with overflow */
	size_t		 pre;		/* pre, with overflow */
	int		 pre_cols;	/* columns of this pre line so far */
	bool		 pre_cut;	/* the rest of the pre line is dropped */
	bool		 heading;
	int		 cells;		/* cells so far in this table row */
	size_t		 tables;	/* tables open, so a stray end is seen */

	size_t		 content;	/* visible characters so far */
	bool		 link_open;
	char		*link_href;	/* NULL when the link is not listed */
	size_t		 link_content;	/* content when the link opened */
	size_t		*link_slots;	/* hash of links: index + 1, or 0 */
	size_t		 link_slots_size;
};

static const char spaces[] = "                        ";	/* MARKER_MAX */

/* Characters that never reach the screen: C0 and C1 controls and DEL (white
 * space is handled before), the bidi embeddings, overrides, isolates and
 * marks that could make a link read backwards (Unicode TR #9 and "Trojan
 * Source", CVE-2021-42574), the soft hyphen (a hint, not a character) and
 * the byte order mark. */
static bool
is_dropped(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200e || cp == 0x200f || cp == 0x061c || cp == 0xad ||
	    cp == 0xfeff;
}

/*
 * Skip the rest of a terminal escape sequence (ECMA-48) whose introducer,
 * ESC or a C1 control, came just before p, never going past end: a CSI's
 * parameters and final byte, a control string (OSC, DCS, SOS, PM, APC) up
 * to BEL or ST, or the one byte after a lone ESC. Dropping the whole
 * sequence rather than just its introducer keeps "[2J" junk off the page.
 */
static const unsigned char *
skip_escape(const unsigned char *p, const unsigned char *end,
    unsigned long introducer)
{
	if (introducer == 0x1b) {
		if (p >= end)
			return p;
		if (*p == '[')
			introducer = 0x9b;
		else if (*p == ']' || *p == 'P' || *p == 'X' || *p == '^' ||
		    *p == '_')
			introducer = 0x9d;
		else
			return *p >= 0x20 && *p < 0x7f ? p + 1 : p;
		p++;
	}
	if (introducer == 0x9b) {
		while (p < end && *p >= 0x20 && *p <= 0x3f)
			p++;
		if (p < end && *p >= 0x40 && *p <= 0x7e)
			p++;
		return p;
	}
	if (introducer == 0x9d || introducer == 0x90 || introducer == 0x98 ||
	    introducer == 0x9e || introducer == 0x9f) {
		for (; p < end; p++) {
			if (*p == 0x07)
				return p + 1;
			if (*p == 0x1b && p + 1 < end && p[1] == '\\')
				return p + 2;
			if (*p == 0xc2 && p + 1 < end && p[1] == 0x9c)
				return p + 2;
		}
	}
	return p;
}

/*
 * A URL from an attribute or from url_resolve, made fit to list and to
 * open: control and bidi characters and invalid UTF-8 dropped (URLs cannot
 * hold them; browsers strip tabs and newlines too, WHATWG URL "basic URL
 * parser"), surrounding spaces trimmed. Owned by the caller.
 */
static char *
clean_url(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s, *end;
	struct buf		 out = BUF_INIT;
	unsigned long		 cp;
	size_t			 n;

	end = p + strlen(s);
	while (p < end && *p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	buf_append(&out, "", 0);
	while (p < end) {
		n = utf8_decode(p, (size_t)(end - p), &cp);
		if (n == 0) {
			p++;
			continue;
		}
		if (!is_dropped(cp))
			buf_append(&out, p, n);
		p += n;
	}
	return buf_detach(&out);
}

/* Schemes whose links run code or carry data rather than lead anywhere. */
static bool
is_listed_url(const char *url)
{
	static const char *const refused[] = { "javascript:", "vbscript:", "data:" };
	size_t	i, len;

	if (*url == '\0')
		return false;
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		len = strlen(refused[i]);
		if (strlen(url) >= len && ascii_equals(url, len, refused[i]))
			return false;
	}
	return true;
}

/*
 * Appending to the result. The arrays grow at powers of two, which needs no
 * capacity field: render_add_text may append to a struct render it did not
 * make, as long as render_* functions made its arrays.
 */
static void *
grow(void *array, size_t count, size_t size)
{
	if (count == 0)
		return xreallocarray(array, 8, size);
	if (count >= 8 && (count & (count - 1)) == 0)
		return xreallocarray(array, count * 2, size);
	return array;
}

static void
add_line(struct render *r, char *text, enum render_style style)
{
	r->lines = grow(r->lines, r->n_lines, sizeof r->lines[0]);
	r->lines[r->n_lines].text = text;
	r->lines[r->n_lines].style = style;
	r->n_lines++;
}

static size_t
hash_string(const char *s)
{
	size_t	h = 2166136261u;	/* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The number of link url (taken), adding it when it is new; a hash keeps
 * this constant time, so that many links stay linear. */
static size_t
link_number(struct layout *l, char *url)
{
	struct render	*r = l->r;
	size_t		 i, mask, slot, *slots;

	if (l->link_slots_size < (r->n_links + 1) * 2) {
		l->link_slots_size = l->link_slots_size == 0 ? 64 :
		    l->link_slots_size * 2;
		free(l->link_slots);
		l->link_slots = xcalloc(l->link_slots_size, sizeof *slots);
		mask = l->link_slots_size - 1;
		for (i = 0; i < r->n_links; i++) {
			slot = hash_string(r->links[i]) & mask;
			while (l->link_slots[slot] != 0)
				slot = (slot + 1) & mask;
			l->link_slots[slot] = i + 1;
		}
	}
	mask = l->link_slots_size - 1;
	slot = hash_string(url) & mask;
	while (l->link_slots[slot] != 0) {
		if (strcmp(r->links[l->link_slots[slot] - 1], url) == 0) {
			free(url);
			return l->link_slots[slot];
		}
		slot = (slot + 1) & mask;
	}
	r->links = grow(r->links, r->n_links, sizeof r->links[0]);
	r->links[r->n_links++] = url;
	l->link_slots[slot] = r->n_links;
	return r->n_links;
}

/* The style a line started now gets. */
static enum render_style
current_style(const struct layout *l)
{
	if (l->forced_style >= 0)
		return (enum render_style)l->forced_style;
	if (l->pre > 0)
		return RENDER_PRE;
	if (l->heading)
		return RENDER_HEADING;
	if (l->quotes > 0)
		return RENDER_QUOTE;
	return RENDER_TEXT;
}

/*
 * Append the prefix of a line to out and return its columns: "> " for each
 * quote, then list markers (or as many spaces, once the item's first line
 * is out: a hanging indent) and definition indents. A blank line carries
 * only its first quote_limit quote marks. The prefix never takes more than
 * half the width: the outermost parts go first, so deep nesting still
 * shows its innermost marker.
 */
static int
make_prefix(struct layout *l, struct buf *out, bool blank, int quote_limit)
{
	const char	*part[MAX_DEPTH];
	int		 cols[MAX_DEPTH], total = 0, used, quotes = 0;
	size_t		 i, n = 0, first = 0, len;
	struct block	*b;

	for (i = 0; i < l->depth; i++) {
		b = &l->stack[i];
		if (b->element == HTML_BLOCKQUOTE) {
			if (blank && quotes >= quote_limit)
				break;
			quotes++;
			part[n] = "> ";
			cols[n] = 2;
		} else if (blank)
			continue;
		else if (b->element == HTML_LI) {
			part[n] = b->marker_shown ? spaces + sizeof spaces - 1 -
			    b->marker_cols : b->marker;
			cols[n] = b->marker_cols;
			b->marker_shown = true;
		} else if (b->element == HTML_DD) {
			part[n] = "  ";
			cols[n] = 2;
		} else
			continue;
		total += cols[n++];
	}
	while (first + 1 < n && total > l->prefix_max)
		total -= cols[first++];
	for (i = first; i < n; i++) {
		len = strlen(part[i]);
		if (total > l->prefix_max) {
			len = width_fit(part[i], l->prefix_max, &used);
			total = used;
		}
		buf_append(out, part[i], len);
	}
	return total;
}

/* A blank line keeps the quote marks its neighbours share, and between two
 * preformatted lines is preformatted too. */
static void
add_blank_line(struct layout *l)
{
	struct buf		text = BUF_INIT;
	enum render_style	style;
	int			quotes;

	quotes = l->last_quotes < l->quotes ? l->last_quotes : l->quotes;
	buf_append(&text, "", 0);
	make_prefix(l, &text, true, quotes);
	while (text.len > 0 && text.data[text.len - 1] == ' ')
		text.data[--text.len] = '\0';
	if (l->forced_style >= 0)
		style = (enum render_style)l->forced_style;
	else if (l->pre > 0 && l->last_style == RENDER_PRE)
		style = RENDER_PRE;
	else
		style = quotes > 0 ? RENDER_QUOTE : RENDER_TEXT;
	add_line(l->r, buf_detach(&text), style);
	l->last_blank = true;
}

/* Open a line for what comes next, after the blank line asked for if any
 * (never first, never twice). */
static void
start_line(struct layout *l)
{
	if (l->blank && l->r->n_lines > 0 && !l->last_blank)
		add_blank_line(l);
	l->blank = false;
	buf_reset(&l->line);
	buf_append(&l->line, "", 0);
	l->line_cols = make_prefix(l, &l->line, false, 0);
	l->prefix_len = l->line.len;
	l->line_open = true;
	l->line_style = current_style(l);
	l->line_quotes = l->quotes;
	l->pre_cols = 0;
	l->pre_cut = false;
}

/* Close the open line. One left with nothing but its prefix and spaces
 * (a white pre line) becomes a blank line. */
static void
flush_line(struct layout *l)
{
	if (!l->line_open)
		return;
	l->line_open = false;
	while (l->line.len > 0 && l->line.data[l->line.len - 1] == ' ')
		l->line.data[--l->line.len] = '\0';
	if (l->line.len <= l->prefix_len) {
		l->blank = true;
		return;
	}
	add_line(l->r, xstrdup(l->line.data), l->line_style);
	l->last_blank = false;
	l->last_style = l->line_style;
	l->last_quotes = l->line_quotes;
}

/*
 * Put the word collected so far on the line, wrapping before it when it
 * does not fit; a word wider than a whole line is cut (width_fit keeps
 * combining marks with their base). A word made only of no-break spaces or
 * of zero-width characters is dropped at the start of a line, so that
 * "<p>&nbsp;</p>" is no paragraph.
 */
static void
place_word(struct layout *l)
{
	const char	*s = l->word.data;
	size_t		 len = l->word.len, n;
	int		 cols = l->word_cols, used;

	if (len == 0)
		return;
	if (l->line_open && l->line.len > l->prefix_len) {
		if (l->line_cols + cols + (l->space ? 1 : 0) <= l->width) {
			if (l->space) {
				buf_append_char(&l->line, ' ');
				l->line_cols++;
			}
			buf_append(&l->line, s, len);
			l->line_cols += cols;
			goto out;
		}
		flush_line(l);
	}
	if (cols == 0 || strspn(s, " ") == len)
		goto out;
	if (!l->line_open)
		start_line(l);
	while (l->line_cols + cols > l->width) {
		n = width_fit(s, l->width - l->line_cols, &used);
		if (n == 0)
			goto out;	/* cannot happen: half the width is free */
		buf_append(&l->line, s, n);
		l->line_cols += used;
		s += n;
		len -= n;
		cols -= used;
		flush_line(l);
		start_line(l);
	}
	buf_append(&l->line, s, len);
	l->line_cols += cols;
out:
	buf_reset(&l->word);
	l->word_cols = 0;
	l->space = false;
}

/* End the line here; with blank, also ask for a blank line before the
 * next one. */
static void
request_break(struct layout *l, bool blank)
{
	place_word(l);
	flush_line(l);
	if (blank)
		l->blank = true;
	l->space = false;
}

/* A character inside <pre>: white space kept, tabs expanded to the next
 * multiple of TAB_STOP, the line cut (not wrapped) at the width. */
static void
pre_character(struct layout *l, unsigned long cp)
{
	int	w;

	if (cp == '\n') {
		if (l->line_open)
			flush_line(l);
		else
			l->blank = true;
		return;
	}
	if (is_dropped(cp))
		return;
	if (cp == 0xa0)
		cp = ' ';
	if (!l->line_open)
		start_line(l);
	w = width_codepoint(cp);
	if (l->pre_cut || l->line_cols + w > l->width) {
		l->pre_cut = true;
		return;
	}
	buf_append_utf8(&l->line, cp);
	l->line_cols += w;
	l->pre_cols += w;
	if (cp != ' ')
		l->content++;
	l->after_br = false;
}

/* A tab in <pre>: spaces up to the next tab stop, or to the width. */
static void
pre_tab(struct layout *l)
{
	if (!l->line_open)
		start_line(l);
	do {
		pre_character(l, ' ');
	} while (l->pre_cols % TAB_STOP != 0 && !l->pre_cut);
}

/* One character of text, decoded; never markup. Outside <pre>, a run of
 * white space is one break point. */
static void
put_character(struct layout *l, unsigned long cp)
{
	if (l->pre > 0 && l->forced_style < 0) {
		if (cp == '\t')
			pre_tab(l);
		else if (cp == '\r' || cp == 0x2028 || cp == 0x2029)
			pre_character(l, '\n');
		else
			pre_character(l, cp);
		return;
	}
	if ((cp < 0x80 && html_is_space((unsigned char)cp)) ||
	    cp == 0x2028 || cp == 0x2029) {
		place_word(l);
		l->space = true;
		return;
	}
	if (is_dropped(cp))
		return;
	if (cp == 0xa0)
		cp = ' ';	/* kept in the word: not a break point */
	buf_append_utf8(&l->word, cp);
	l->word_cols += width_codepoint(cp);
	if (cp != ' ')
		l->content++;
	l->after_br = false;
}

/*
 * Text between s and end, taken literally (no markup, no references):
 * UTF-8 decoded with invalid bytes shown as U+FFFD, CR LF and lone CR read
 * as LF (HTML 5 section 13.2.3.5), escape sequences dropped whole. Runs of
 * printable ASCII, most of any text, go to the word in one piece.
 */
static void
put_text(struct layout *l, const char *s, const char *end)
{
	const unsigned char	*p = (const unsigned char *)s, *q;
	const unsigned char	*e = (const unsigned char *)end;
	unsigned long		 cp;
	size_t			 n;

	while (p < e) {
		if (*p > ' ' && *p < 0x7f && l->pre == 0) {
			for (q = p + 1; q < e && *q > ' ' && *q < 0x7f; q++)
				/* nothing */;
			buf_append(&l->word, p, (size_t)(q - p));
			l->word_cols += (int)(q - p);
			l->content += (size_t)(q - p);
			l->after_br = false;
			p = q;
			continue;
		}
		if (*p == 0x1b) {
			p = skip_escape(p + 1, e, 0x1b);
			continue;
		}
		if (*p == '\r') {
			p++;
			if (p >= e || *p != '\n')
				put_character(l, '\n');
			continue;
		}
		n = utf8_decode(p, (size_t)(e - p), &cp);
		if (n == 0) {
			put_character(l, REPLACEMENT_CHARACTER);
			p++;
			continue;
		}
		p += n;
		if (cp >= 0x80 && cp <= 0x9f) {
			p = skip_escape(p, e, cp);
			continue;
		}
		put_character(l, cp);
	}
}

static void
put_string(struct layout *l, const char *s)
{
	put_text(l, s, s + strlen(s));
}

/* Push an element on the stack, or count it when the stack is full. The
 * word in hand belongs to the lines before: it goes out first. */
static struct block *
push(struct layout *l, enum html_element element)
{
	struct block	*b;

	place_word(l);
	if (element == HTML_UL || element == HTML_OL)
		l->lists++;
	if (element == HTML_PRE)
		l->pre++;
	if (l->depth == MAX_DEPTH) {
		l->overflow[element]++;
		return NULL;
	}
	if (element == HTML_BLOCKQUOTE)
		l->quotes++;
	b = &l->stack[l->depth++];
	memset(b, 0, sizeof *b);
	b->element = element;
	return b;
}

static void
forget(struct layout *l, enum html_element element)
{
	if (element == HTML_UL || element == HTML_OL)
		l->lists--;
	if (element == HTML_PRE)
		l->pre--;
}

/*
 * Close the innermost open element, and whatever is open inside it (end
 * tags are often missing). The search stops at a stop element: an item
 * ends inside its own list only. Returns whether one was open. As in push,
 * the word in hand goes out first.
 */
static bool
pop(struct layout *l, enum html_element element, const enum html_element *stops,
    size_t n_stops)
{
	size_t	i, j;

	place_word(l);
	if (l->overflow[element] > 0) {
		l->overflow[element]--;
		forget(l, element);
		return true;
	}
	for (j = 0; j < n_stops; j++) {
		if (l->overflow[stops[j]] > 0)
			return false;
	}
	for (i = l->depth; i-- > 0;) {
		if (l->stack[i].element == element)
			break;
		for (j = 0; j < n_stops; j++) {
			if (l->stack[i].element == stops[j])
				return false;
		}
	}
	if (i == (size_t)-1)
		return false;
	while (l->depth > i) {
		l->depth--;
		if (l->stack[l->depth].element == HTML_BLOCKQUOTE)
			l->quotes--;
		forget(l, l->stack[l->depth].element);
	}
	return true;
}

static const enum html_element item_stops[] = {
	HTML_UL, HTML_OL, HTML_BLOCKQUOTE, HTML_PRE,
};

/* <li>: ends the open item of the same list (HTML 5 section 13.2.6.4.7,
 * "a start tag whose tag name is li"), then opens a new one numbered by
 * its list. */
static void
list_item(struct layout *l)
{
	struct block	*b, *list = NULL;
	size_t		 i;

	pop(l, HTML_LI, item_stops, sizeof item_stops / sizeof item_stops[0]);
	request_break(l, false);
	for (i = l->depth; i-- > 0;) {
		if (l->stack[i].element == HTML_UL ||
		    l->stack[i].element == HTML_OL) {
			list = &l->stack[i];
			break;
		}
	}
	b = push(l, HTML_LI);
	if (b == NULL)
		return;
	if (list != NULL && list->element == HTML_OL) {
		list->number++;
		snprintf(b->marker, sizeof b->marker, "%ld. ", list->number);
		b->marker_cols = (int)strlen(b->marker);
	} else {
		memcpy(b->marker, BULLET, sizeof BULLET);
		b->marker_cols = 2;
	}
}

static const enum html_element definition_stops[] = {
	HTML_UL, HTML_OL, HTML_BLOCKQUOTE, HTML_PRE,
};

/* <dt> and <dd> end the open <dd> of their list, as <li> does an item. */
static void
definition(struct layout *l, enum html_element element)
{
	pop(l, HTML_DD, definition_stops,
	    sizeof definition_stops / sizeof definition_stops[0]);
	request_break(l, false);
	if (element == HTML_DD)
		push(l, HTML_DD);
}

/* <ul> or <ol>: a list inside a list item hangs from it without a blank
 * line; an outer list is a paragraph of its own. */
static void
list_start(struct layout *l, enum html_element element, const struct attribute *start)
{
	struct block	*b;
	const char	*p;
	long		 number = 0;
	bool		 negative = false;

	request_break(l, l->lists == 0);
	b = push(l, element);
	if (b == NULL || start->value == NULL)
		return;
	/* HTML 5 "rules for parsing integers"; clamped, so the marker fits. */
	p = start->value;
	while (p < start->value + start->len && html_is_space((unsigned char)*p))
		p++;
	if (p < start->value + start->len && (*p == '-' || *p == '+'))
		negative = *p++ == '-';
	for (; p < start->value + start->len && ascii_is_digit((unsigned char)*p); p++) {
		if (number < 100000000L)
			number = number * 10 + (*p - '0');
	}
	if (p > start->value && ascii_is_digit((unsigned char)p[-1]))
		b->number = (negative ? -number : number) - 1;
}

static void
list_end(struct layout *l, enum html_element element)
{
	if (pop(l, element, NULL, 0))
		request_break(l, l->lists == 0);
}

/* The marker of a link goes right after its text ("text[2]"); a link with
 * no visible text gets none, and is not listed. */
static void
close_link(struct layout *l)
{
	struct render_line	*last;
	char			 marker[32];
	char			*url, *resolved, *text;
	bool			 space;

	if (!l->link_open)
		return;
	l->link_open = false;
	if (l->link_href == NULL)
		return;
	if (l->content == l->link_content)
		goto out;
	resolved = url_resolve(l->base_url, l->link_href);
	url = clean_url(resolved);
	free(resolved);
	snprintf(marker, sizeof marker, "[%zu]", link_number(l, url));
	if (l->pre > 0 || l->word.len > 0) {
		put_string(l, marker);
		goto out;
	}
	last = l->r->n_lines > 0 ? &l->r->lines[l->r->n_lines - 1] : NULL;
	if (!l->line_open && !l->last_blank && last != NULL &&
	    width_of(last->text) + (int)strlen(marker) <= l->width) {
		/* The link held a block ("<a><p>text</p></a>"), which has
		 * ended: the marker joins its last line. */
		text = xasprintf("%s%s", last->text, marker);
		free(last->text);
		last->text = text;
		goto out;
	}
	/* After white space: the marker still goes on the text's line. */
	space = l->space;
	l->space = false;
	put_string(l, marker);
	place_word(l);
	l->space = space;
out:
	free(l->link_href);
	l->link_href = NULL;
}

/* <a>: an open link ends first, since links do not nest. */
static void
open_link(struct layout *l, const struct attribute *href)
{
	struct buf	 value = BUF_INIT;
	char		*url;

	close_link(l);
	l->link_open = true;
	l->link_content = l->content;
	if (href->value == NULL || l->plain_links)
		return;
	decode_attribute(&value, href);
	url = clean_url(value.data);
	buf_free(&value);
	if (is_listed_url(url))
		l->link_href = url;
	else
		free(url);
}

/* <img>: "[image: alt]" inline, "[image]" when the alt attribute is
 * missing, and nothing when it is empty: HTML says an empty alt marks a
 * decorative image (section 4.8.4.4.4). */
static void
image(struct layout *l, const struct attribute *alt)
{
	struct buf	 value = BUF_INIT;
	const char	*s, *end;

	if (alt->value == NULL) {
		put_string(l, "[image]");
		return;
	}
	decode_attribute(&value, alt);
	s = value.data;
	end = s + value.len;
	while (s < end && html_is_space((unsigned char)*s))
		s++;
	while (end > s && html_is_space((unsigned char)end[-1]))
		end--;
	if (s < end) {
		put_string(l, "[image: ");
		put_text(l, s, end);
		put_string(l, "]");
	}
	buf_free(&value);
}

/* <hr>: a rule across the text column, as its own paragraph. */
static void
rule(struct layout *l)
{
	int	cols;

	request_break(l, true);
	start_line(l);
	for (cols = 0; cols < RULE_MAX && l->line_cols < l->width; cols++) {
		buf_append_char(&l->line, '-');
		l->line_cols++;
	}
	request_break(l, true);
}

/* <td> and <th>: a row's cells are on one line, separated by " | ". */
static void
cell(struct layout *l)
{
	if (l->cells++ > 0 && (l->line_open || l->word.len > 0))
		put_string(l, " | ");
}

/* <br>: ends the line; a second one in a row makes a blank line, since
 * "<br><br>" is how many feeds separate paragraphs. */
static void
line_break(struct layout *l)
{
	bool	open = l->line_open || l->word.len > 0;

	request_break(l, !open && l->after_br);
	l->after_br = true;
}

static void
start_element(struct layout *l, enum html_element element,
    const struct html_token *tag)
{
	struct attribute	a;

	switch (element) {
	case HTML_A:
		a = attribute_of(tag, "href");
		open_link(l, &a);
		break;
	case HTML_BLOCK:
		request_break(l, false);
		break;
	case HTML_BLOCKQUOTE:
		request_break(l, true);
		push(l, HTML_BLOCKQUOTE);
		break;
	case HTML_BR:
		line_break(l);
		break;
	case HTML_CELL:
		cell(l);
		break;
	case HTML_DD:
	case HTML_DT:
		definition(l, element);
		break;
	case HTML_HEADING:
		request_break(l, true);
		l->heading = true;
		break;
	case HTML_HR:
		rule(l);
		break;
	case HTML_IMG:
		a = attribute_of(tag, "alt");
		image(l, &a);
		break;
	case HTML_LI:
		list_item(l);
		break;
	case HTML_OL:
	case HTML_UL:
		a = attribute_of(tag, "start");
		list_start(l, element, &a);
		break;
	case HTML_PARAGRAPH:
		request_break(l, true);
		break;
	case HTML_PRE:
		request_break(l, true);
		push(l, HTML_PRE);
		break;
	case HTML_ROW:
		request_break(l, false);
		l->cells = 0;
		break;
	case HTML_TABLE:
		request_break(l, true);
		l->cells = 0;
		l->tables++;
		break;
	case HTML_OTHER:
	case HTML_RAW:
	case HTML_ELEMENT_COUNT:
		break;
	}
}

static void
end_element(struct layout *l, enum html_element element)
{
	switch (element) {
	case HTML_A:
		close_link(l);
		break;
	case HTML_BLOCK:
	case HTML_DT:
		request_break(l, false);
		break;
	case HTML_BLOCKQUOTE:
		if (pop(l, HTML_BLOCKQUOTE, NULL, 0))
			request_break(l, true);
		break;
	case HTML_BR:
		line_break(l);	/* HTML 5 reads </br> as <br> */
		break;
	case HTML_DD:
		if (pop(l, HTML_DD, definition_stops,
		    sizeof definition_stops / sizeof definition_stops[0]))
			request_break(l, false);
		break;
	case HTML_HEADING:
		request_break(l, true);
		l->heading = false;
		break;
	case HTML_LI:
		if (pop(l, HTML_LI, item_stops,
		    sizeof item_stops / sizeof item_stops[0]))
			request_break(l, false);
		break;
	case HTML_OL:
	case HTML_UL:
		list_end(l, element);
		break;
	case HTML_PARAGRAPH:
		request_break(l, true);
		break;
	case HTML_TABLE:
		if (l->tables > 0) {
			l->tables--;
			request_break(l, true);
		}
		break;
	case HTML_PRE:
		if (pop(l, HTML_PRE, NULL, 0))
			request_break(l, true);
		break;
	case HTML_ROW:
		request_break(l, false);
		break;
	case HTML_CELL:
	case HTML_HR:
	case HTML_IMG:
	case HTML_OTHER:
	case HTML_RAW:
	case HTML_ELEMENT_COUNT:
		break;
	}
}

static void
parse(struct layout *l, const char *html)
{
	struct html_tokenizer	t;
	struct html_token	token;

	html_tokenizer_init(&t, html);
	while (html_next(&t, &token)) {
		switch (token.type) {
		case HTML_TEXT:
			put_text(l, token.text, token.text + token.len);
			break;
		case HTML_CHARACTER:
			put_character(l, token.cp);
			break;
		case HTML_START_TAG:
			start_element(l, token.element, &token);
			break;
		case HTML_END_TAG:
			end_element(l, token.element);
			break;
		case HTML_END:
			break;
		}
	}
}

static void
layout_init(struct layout *l, struct render *r, const char *base_url,
    int width, int forced_style)
{
	memset(l, 0, sizeof *l);
	l->r = r;
	l->base_url = base_url;
	l->width = width < MIN_WIDTH ? MIN_WIDTH :
	    width > MAX_WIDTH ? MAX_WIDTH : width;
	l->prefix_max = l->width / 2;
	l->forced_style = forced_style;
}

/* The last words out, and no blank line left last. */
static void
layout_finish(struct layout *l)
{
	struct render	*r = l->r;

	close_link(l);
	request_break(l, false);
	if (l->last_blank && r->n_lines > 0) {
		free(r->lines[--r->n_lines].text);
		l->last_blank = false;
	}
	buf_free(&l->line);
	buf_free(&l->word);
	free(l->link_href);
	free(l->link_slots);
}

/* "[3] URL" for each link, after a blank line; cut, not wrapped, as the
 * whole URL is in r->links. */
static void
add_link_list(struct render *r, int width)
{
	struct buf	 line = BUF_INIT;
	size_t		 i, n;
	int		 used;

	if (r->n_links == 0)
		return;
	add_line(r, xstrdup(""), RENDER_TEXT);
	for (i = 0; i < r->n_links; i++) {
		buf_reset(&line);
		buf_appendf(&line, "[%zu] %s", i + 1, r->links[i]);
		if (width_of(line.data) > width) {
			n = width_fit(line.data, width - 1, &used);
			line.len = n;
			line.data[n] = '\0';
			buf_append_str(&line, ELLIPSIS);
		}
		add_line(r, xstrdup(line.data), RENDER_LINK);
	}
	buf_free(&line);
}

int
render_html(const char *html, const char *base_url, int width,
    struct render *out)
{
	struct layout	*l;

	if (out == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	if (html == NULL)
		return 0;
	l = xmalloc(sizeof *l);
	layout_init(l, out, base_url, width, -1);
	parse(l, html);
	layout_finish(l);
	add_link_list(out, l->width);
	free(l);
	return 0;
}

char *
render_text(const char *html, int width)
{
	struct render	 r;
	struct layout	*l;
	struct buf	 out = BUF_INIT;
	size_t		 i;

	memset(&r, 0, sizeof r);
	buf_append(&out, "", 0);
	if (html == NULL)
		return buf_detach(&out);
	l = xmalloc(sizeof *l);
	layout_init(l, &r, NULL, width, -1);
	if (width <= 0) {
		l->width = UNWRAPPED;
		l->prefix_max = MAX_WIDTH / 2;
	}
	l->plain_links = true;
	parse(l, html);
	layout_finish(l);
	free(l);
	for (i = 0; i < r.n_lines; i++) {
		buf_append_str(&out, r.lines[i].text);
		buf_append_char(&out, '\n');
	}
	render_free(&r);
	return buf_detach(&out);
}

void
render_add_text(struct render *r, const char *text, enum render_style style,
    int width)
{
	struct layout	*l;
	const char	*p, *end;

	if (r == NULL || text == NULL)
		return;
	l = xmalloc(sizeof *l);
	layout_init(l, r, NULL, width, (int)style);
	for (p = text; *p != '\0'; p = *end != '\0' ? end + 1 : end) {
		end = strchr(p, '\n');
		if (end == NULL)
			end = p + strlen(p);
		if (end == p)
			l->blank = true;	/* an empty line */
		put_text(l, p, end);
		request_break(l, false);
	}
	layout_finish(l);
	free(l);
}

void
render_free(struct render *r)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n_lines; i++)
		free(r->lines[i].text);
	free(r->lines);
	for (i = 0; i < r->n_links; i++)
		free(r->links[i]);
	free(r->links);
	memset(r, 0, sizeof *r);
}
