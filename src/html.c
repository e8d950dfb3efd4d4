/* html.c: the HTML tokenizer and character reference decoder shared by
 * text.c, render.c and the extractor's text; the entity names are data in
 * entities.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "entities.h"
#include "html.h"

/* Tag names are compared up to this length; longer ones are unknown. */
#define TAG_NAME_MAX	16
/* The longest HTML 5 entity name has 31 characters; html_entity_lookup
 * knows shorter ones, and the look-ahead stays bounded. */
#define REFERENCE_NAME_MAX 32
#define REPLACEMENT_CHARACTER 0xfffdUL

/* Sorted by name in strcmp order for bsearch. */
static const struct element_name {
	const char		*name;
	enum html_element	 element;
} element_names[] = {
	{ "a", HTML_A },
	{ "address", HTML_BLOCK },
	{ "article", HTML_BLOCK },
	{ "aside", HTML_BLOCK },
	{ "blockquote", HTML_BLOCKQUOTE },
	{ "body", HTML_BLOCK },
	{ "br", HTML_BR },
	{ "caption", HTML_BLOCK },
	{ "center", HTML_BLOCK },
	{ "dd", HTML_DD },
	{ "details", HTML_BLOCK },
	{ "dialog", HTML_BLOCK },
	{ "dir", HTML_UL },
	{ "div", HTML_BLOCK },
	{ "dl", HTML_PARAGRAPH },
	{ "dt", HTML_DT },
	{ "fieldset", HTML_BLOCK },
	{ "figcaption", HTML_BLOCK },
	{ "figure", HTML_PARAGRAPH },
	{ "footer", HTML_BLOCK },
	{ "form", HTML_BLOCK },
	{ "h1", HTML_HEADING },
	{ "h2", HTML_HEADING },
	{ "h3", HTML_HEADING },
	{ "h4", HTML_HEADING },
	{ "h5", HTML_HEADING },
	{ "h6", HTML_HEADING },
	{ "header", HTML_BLOCK },
	{ "hgroup", HTML_BLOCK },
	{ "hr", HTML_HR },
	{ "html", HTML_BLOCK },
	{ "iframe", HTML_RAW },
	{ "img", HTML_IMG },
	{ "legend", HTML_BLOCK },
	{ "li", HTML_LI },
	{ "listing", HTML_PRE },
	{ "main", HTML_BLOCK },
	{ "menu", HTML_UL },
	{ "nav", HTML_BLOCK },
	{ "noembed", HTML_RAW },
	{ "noframes", HTML_RAW },
	{ "ol", HTML_OL },
	{ "option", HTML_BLOCK },
	{ "p", HTML_PARAGRAPH },
	{ "plaintext", HTML_BLOCK },
	{ "pre", HTML_PRE },
	{ "script", HTML_RAW },
	{ "section", HTML_BLOCK },
	{ "style", HTML_RAW },
	{ "summary", HTML_BLOCK },
	{ "svg", HTML_RAW },
	{ "table", HTML_TABLE },
	{ "tbody", HTML_BLOCK },
	{ "td", HTML_CELL },
	{ "template", HTML_RAW },
	{ "tfoot", HTML_BLOCK },
	{ "th", HTML_CELL },
	{ "thead", HTML_BLOCK },
	{ "title", HTML_RAW },
	{ "tr", HTML_ROW },
	{ "ul", HTML_UL },
	{ "xmp", HTML_BLOCK },
};

/*
 * Windows-1252 for 0x80..0x9f, 0 where it leaves the byte undefined. Feeds
 * labelled ISO-8859-1 are usually windows-1252 in fact, and HTML 5 reads
 * numeric references to these code points the same way (section 13.2.5.80,
 * the numeric character reference end state): "&#150;" is an en dash.
 */
static const unsigned short windows1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

unsigned long
html_windows1252(unsigned char byte)
{
	return byte >= 0x80 && byte <= 0x9f ? windows1252[byte - 0x80] : 0;
}

static int
compare_entity(const void *key, const void *member)
{
	return strcmp(key, ((const struct text_entity *)member)->name);
}

unsigned long
html_entity_lookup(const char *name, size_t len)
{
	const struct text_entity	*found;
	char				 key[ENTITY_NAME_MAX + 1];

	if (name == NULL || len == 0 || len > ENTITY_NAME_MAX)
		return 0;
	memcpy(key, name, len);
	key[len] = '\0';
	if (strlen(key) != len)
		return 0;	/* an embedded NUL */
	found = bsearch(key, text_entities, text_entities_count,
	    sizeof text_entities[0], compare_entity);
	return found != NULL ? found->codepoint : 0;
}

/* The character a numeric reference stands for (see html_reference). */
static unsigned long
numeric_character(unsigned long cp)
{
	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return REPLACEMENT_CHARACTER;
	if (cp >= 0x80 && cp <= 0x9f) {
		if (windows1252[cp - 0x80] == 0)
			return REPLACEMENT_CHARACTER;
		return windows1252[cp - 0x80];
	}
	if ((cp < 0x20 && !html_is_space((unsigned char)cp)) || cp == 0x7f)
		return REPLACEMENT_CHARACTER;
	return cp;
}

size_t
html_reference(const char *p, const char *end, unsigned long *cp)
{
	const char	*q = p + 2;
	unsigned long	 value = 0, found;
	size_t		 n;
	int		 base = 10, digit;

	if (q <= end && p[1] == '#') {
		if (q < end && (*q == 'x' || *q == 'X')) {
			base = 16;
			q++;
		}
		if (q >= end || ascii_digit_value((unsigned char)*q, base) < 0)
			return 0;
		for (; q < end; q++) {
			if ((digit = ascii_digit_value((unsigned char)*q, base)) < 0)
				break;
			/* Saturate: anything past U+10FFFF is invalid. */
			if (value <= 0x10ffff)
				value = value * (unsigned long)base +
				    (unsigned long)digit;
		}
		if (q < end && *q == ';')
			q++;
		*cp = numeric_character(value);
		return (size_t)(q - p);
	}
	for (n = 0; n < REFERENCE_NAME_MAX && p + 1 + n < end; n++) {
		if (!ascii_is_alnum((unsigned char)p[1 + n]))
			break;
	}
	if (n == 0 || p + 1 + n >= end || p[1 + n] != ';')
		return 0;
	found = html_entity_lookup(p + 1, n);
	if (found == 0)
		return 0;
	*cp = found;
	return n + 2;
}

void
html_decode(struct buf *out, const char *s, size_t len)
{
	const char	*p = s, *end = s + len, *amp;
	unsigned long	 cp;
	size_t		 n;

	buf_append(out, "", 0);
	while (p < end) {
		amp = memchr(p, '&', (size_t)(end - p));
		if (amp == NULL)
			amp = end;
		buf_append(out, p, (size_t)(amp - p));
		if (amp == end)
			break;
		n = html_reference(amp, end, &cp);
		if (n == 0) {
			buf_append_char(out, '&');
			n = 1;
		} else
			buf_append_utf8(out, cp);
		p = amp + n;
	}
}

/* Where the names of each first letter start in element_names, 'a' to 'z'
 * and the end: a bucket of a few names beats a binary search of them all,
 * and every tag of every summary is looked up here. test-text checks the
 * buckets against the table. */
static const unsigned char element_first[27] = {
	0, 4, 7, 9, 16, 16, 21, 21, 31, 33, 33, 33, 36, 38, 41, 43, 46, 46,
	46, 51, 60, 61, 61, 61, 62, 62, 62,
};

enum html_element
html_element_of(const char *name, size_t len)
{
	const char	*e;
	unsigned char	 c;
	size_t		 i, n;

	if (len == 0 || len > TAG_NAME_MAX)
		return HTML_OTHER;
	c = ascii_to_lower((unsigned char)name[0]);
	if (c < 'a' || c > 'z')
		return HTML_OTHER;
	for (i = element_first[c - 'a']; i < element_first[c - 'a' + 1]; i++) {
		e = element_names[i].name;
		for (n = 1; n < len && e[n] != '\0' &&
		    ascii_to_lower((unsigned char)name[n]) == (unsigned char)e[n]; n++)
			/* nothing */;
		if (n == len && e[n] == '\0')
			return element_names[i].element;
	}
	return HTML_OTHER;
}

/*
 * One attribute at *pp, inside a tag: its name and value (value NULL when
 * it has none), *pp moved past it. Attributes may be quoted with " or ',
 * unquoted, or have no value; a '>' in a quoted value does not end the tag.
 * Returns 1 for an attribute, 0 at the tag's '>' (*pp on it), -1 when the
 * input ends first (*pp at the end).
 */
static int
next_attribute(const char **pp, const char **name, size_t *name_len,
    const char **value, size_t *value_len)
{
	const char	*p = *pp, *close;

	while (html_is_space((unsigned char)*p) || *p == '/')
		p++;
	if (*p == '\0' || *p == '>') {
		*pp = p;
		return *p == '\0' ? -1 : 0;
	}
	/* A '=' first is part of the name (section 13.2.5.32). */
	*name = p++;
	while (*p != '\0' && *p != '>' && *p != '/' && *p != '=' &&
	    !html_is_space((unsigned char)*p))
		p++;
	*name_len = (size_t)(p - *name);
	while (html_is_space((unsigned char)*p))
		p++;
	*value = NULL;
	*value_len = 0;
	if (*p == '=') {
		p++;
		while (html_is_space((unsigned char)*p))
			p++;
		if (*p == '"' || *p == '\'') {
			close = strchr(p + 1, *p);
			if (close == NULL) {
				*pp = p + strlen(p);
				return -1;
			}
			*value = p + 1;
			*value_len = (size_t)(close - *value);
			p = close + 1;
		} else {
			*value = p;
			while (*p != '\0' && *p != '>' &&
			    !html_is_space((unsigned char)*p))
				p++;
			*value_len = (size_t)(p - *value);
		}
	}
	*pp = p;
	return 1;
}

bool
html_attribute(const struct html_token *tag, const char *name,
    const char **value, size_t *len)
{
	const char	*p = tag->attributes, *n, *v;
	size_t		 n_len, v_len;

	while (p < tag->attributes_end &&
	    next_attribute(&p, &n, &n_len, &v, &v_len) == 1) {
		if (ascii_equals(n, n_len, name)) {
			*value = v != NULL ? v : "";
			*len = v_len;
			return true;
		}
	}
	return false;
}

/*
 * Skip the contents of a raw text element such as <script> (HTML 5 section
 * 13.2.5.2, RAWTEXT): up to, not including, "</name" followed by white
 * space, '/' or '>', which is then read as its end tag. Unterminated, it
 * runs to the end of the input.
 */
static const char *
skip_raw_text(const char *p, const char *name, size_t len)
{
	const char	*end;
	size_t		 i;

	for (; (end = strchr(p, '<')) != NULL; p = end + 1) {
		if (end[1] != '/')
			continue;
		/* A NUL ends the comparison too: it matches no name byte. */
		for (i = 0; i < len; i++) {
			if (ascii_to_lower((unsigned char)end[2 + i]) !=
			    ascii_to_lower((unsigned char)name[i]))
				break;
		}
		if (i == len && (html_is_space((unsigned char)end[2 + len]) ||
		    end[2 + len] == '/' || end[2 + len] == '>'))
			return end;
	}
	return p + strlen(p);
}

/* Skip from p to just past the next '>', or to the end of the input. */
static const char *
skip_past_gt(const char *p)
{
	const char	*gt = strchr(p, '>');

	return gt != NULL ? gt + 1 : p + strlen(p);
}

/* Past the comment whose "<!--" ends at q. HTML 5 section 13.2.5.43 and
 * on: "<!-->" and "<!--->" are whole comments, and "--!>" ends one too. */
static const char *
comment_end(const char *q)
{
	if (q[0] == '>')
		return q + 1;
	if (q[0] == '-' && q[1] == '>')
		return q + 2;
	for (; *q != '\0'; q++) {
		if (q[0] == '-' && q[1] == '-' && q[2] == '>')
			return q + 3;
		if (q[0] == '-' && q[1] == '-' && q[2] == '!' && q[3] == '>')
			return q + 4;
	}
	return q;
}

/* A start or end tag whose name begins at p, into token; false when the
 * input ends inside it. t->p is moved past it either way. */
static bool
tag(struct html_tokenizer *t, const char *p, bool end_tag,
    struct html_token *token)
{
	const char	*n, *v;
	size_t		 n_len, v_len;
	int		 more;

	token->type = end_tag ? HTML_END_TAG : HTML_START_TAG;
	token->text = p;
	while (*p != '\0' && *p != '>' && *p != '/' &&
	    !html_is_space((unsigned char)*p))
		p++;
	token->len = (size_t)(p - token->text);
	token->attributes = p;
	while ((more = next_attribute(&p, &n, &n_len, &v, &v_len)) == 1)
		/* nothing */;
	token->attributes_end = p;
	if (more < 0) {
		t->p = p;
		return false;
	}
	t->p = p + 1;
	token->element = html_element_of(token->text, token->len);
	if (!end_tag && token->element == HTML_RAW)
		t->p = skip_raw_text(t->p, token->text, token->len);
	return true;
}

/* Text token of the len bytes at s. */
static bool
text(struct html_token *token, const char *s, size_t len)
{
	token->type = HTML_TEXT;
	token->text = s;
	token->len = len;
	return true;
}

/* Markup at t->p (which points to '<'): a token, or false when it gives
 * none (a comment, say); t->p is moved past it either way. */
static bool
markup(struct html_tokenizer *t, struct html_token *token)
{
	const char	*p = t->p, *q;

	if (p[1] == '!' && p[2] == '-' && p[3] == '-') {
		t->p = comment_end(p + 4);
		return false;
	}
	if (p[1] == '!' && strncmp(p, "<![CDATA[", 9) == 0) {
		/* Outside foreign content HTML 5 would drop it as a bogus
		 * comment, but in a feed it is text escaped once too often:
		 * keep it, literally. */
		q = strstr(p + 9, "]]>");
		if (q == NULL)
			q = p + strlen(p);
		t->p = *q != '\0' ? q + 3 : q;
		return q > p + 9 && text(token, p + 9, (size_t)(q - (p + 9)));
	}
	if (p[1] == '!' || p[1] == '?') {
		t->p = skip_past_gt(p + 2);	/* declarations, instructions */
		return false;
	}
	if (p[1] == '/') {
		if (ascii_is_alpha((unsigned char)p[2]))
			return tag(t, p + 2, true, token);
		if (p[2] == '\0') {
			t->p = p + 2;
			return text(token, p, 2);
		}
		t->p = skip_past_gt(p + 2);
		return false;
	}
	if (ascii_is_alpha((unsigned char)p[1]))
		return tag(t, p + 1, false, token);
	t->p = p + 1;
	return text(token, p, 1);	/* "2 < 3": not markup */
}

void
html_tokenizer_init(struct html_tokenizer *t, const char *html)
{
	t->p = html != NULL ? html : "";
	t->end = NULL;	/* found at the first '&': most text has none */
}

bool
html_next(struct html_tokenizer *t, struct html_token *token)
{
	const char	*p;
	size_t		 n;

	while (*t->p != '\0') {
		p = t->p;
		if (*p == '<') {
			if (markup(t, token))
				return true;
			continue;
		}
		if (*p == '&') {
			if (t->end == NULL)
				t->end = p + strlen(p);
			n = html_reference(p, t->end, &token->cp);
			if (n == 0) {
				t->p = p + 1;
				return text(token, p, 1);
			}
			t->p = p + n;
			token->type = HTML_CHARACTER;
			return true;
		}
		n = strcspn(p, "<&");
		t->p = p + n;
		return text(token, p, n);
	}
	token->type = HTML_END;
	return false;
}
