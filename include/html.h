/* html.h: the HTML tokenizer that every reader of feed HTML shares (plain
 * text for the search index, the article renderer, the extractor's text):
 * tags, attributes, text and character references as HTML 5 reads them, in
 * one linear pass with no tree, and the one table of what elements do. */
#ifndef TIDINGS_HTML_H
#define TIDINGS_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* What an element does to text laid out from it; elements not listed are
 * inline or unknown, and only their contents count. Every element but
 * HTML_OTHER, HTML_A, HTML_IMG and HTML_RAW separates the words around it
 * (html_separates). */
enum html_element {
	HTML_OTHER,
	HTML_A,
	HTML_BLOCK,		/* starts a line: div, section, li's siblings... */
	HTML_BLOCKQUOTE,
	HTML_BR,
	HTML_CELL,		/* td, th */
	HTML_DD,
	HTML_DT,
	HTML_HEADING,		/* h1 to h6 */
	HTML_HR,
	HTML_IMG,
	HTML_LI,
	HTML_OL,
	HTML_PARAGRAPH,		/* a blank line before and after: p, figure, dl */
	HTML_PRE,		/* pre, listing */
	HTML_RAW,		/* contents are not text: script, style, svg... */
	HTML_ROW,		/* tr */
	HTML_TABLE,
	HTML_UL,		/* ul, menu, dir */
	HTML_ELEMENT_COUNT
};

enum html_token_type {
	HTML_END,		/* no more input */
	HTML_TEXT,		/* literal text: no markup, no references */
	HTML_CHARACTER,		/* a character reference, decoded */
	HTML_START_TAG,
	HTML_END_TAG,
};

struct html_token {
	enum html_token_type type;
	const char	*text;		/* TEXT: the bytes; tags: the name */
	size_t		 len;
	unsigned long	 cp;		/* CHARACTER: the code point */
	enum html_element element;	/* tags */
	const char	*attributes;	/* START_TAG: the bytes after the name */
	const char	*attributes_end;
};

/* A pass over a NUL-terminated string, which must outlive the tokens. */
struct html_tokenizer {
	const char	*p;
	const char	*end;	/* of the input, once needed */
};

void html_tokenizer_init(struct html_tokenizer *t, const char *html);

/*
 * The next token; false (and type HTML_END) at the end. Comments,
 * declarations and processing instructions give no token; a CDATA section
 * is text (feeds escape text that way once too often); the contents of a
 * HTML_RAW element are skipped up to its end tag. A tag cut off by the end
 * of the input is dropped ("eof-in-tag", HTML 5 section 13.2.5). A '<' or
 * '&' that starts no markup is text.
 */
bool html_next(struct html_tokenizer *t, struct html_token *token);

/* The value of attribute name (lower case) of a start tag, references not
 * yet decoded: true with *value and *len set, false when it is absent. The
 * first of a name wins (HTML 5 section 13.2.5.33). */
bool html_attribute(const struct html_token *tag, const char *name,
    const char **value, size_t *len);

/* Append the len bytes at s to out with their character references
 * decoded, as in text (an attribute value, say). */
void html_decode(struct buf *out, const char *s, size_t len);

/*
 * The character reference at p (which points to '&'), before end: its
 * length, with the character in *cp; 0 when it is none and the '&' is
 * literal. Numeric references take any number of digits and an optional
 * ';' as in HTML 5 (zero, surrogates and values past U+10FFFF give U+FFFD,
 * 0x80..0x9F are windows-1252, and so are controls other than white space,
 * so that "&#27;" cannot start an escape sequence); named ones need their
 * ';', so "AT&T" and "?a=1&copy=2" stay as written.
 */
size_t html_reference(const char *p, const char *end, unsigned long *cp);

/* Look up an HTML 4 named entity (name without '&' and ';', case-sensitive).
 * Returns its code point, or 0 when the name is unknown. */
unsigned long html_entity_lookup(const char *name, size_t len);

/* The character windows-1252 gives byte (0x80..0x9F), or 0 where it leaves
 * the byte undefined. */
unsigned long html_windows1252(unsigned char byte);

/* What the element named by the len bytes at name (any case) does. */
enum html_element html_element_of(const char *name, size_t len);

/* Whether the element's start and end tags separate words ("a<br>b",
 * "<p>a</p><p>b</p>"), which inline elements like <b> or <a> do not. */
static inline bool
html_separates(enum html_element e)
{
	return e != HTML_OTHER && e != HTML_A && e != HTML_IMG && e != HTML_RAW;
}

/* HTML 5's ASCII white space: tab, LF, FF, CR, space. */
static inline bool
html_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

#endif
