/* text.c: HTML fragments to plain text, entities, white space, feedparser's
 * HTML guess, the C1 repair; the entity data is generated into entities.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "entities.h"
#include "text.h"
#include "xmalloc.h"

/* Tag names longer than this are neither block-level nor script/style, so
 * they are only compared up to here. */
#define TAG_NAME_MAX 16

#define REPLACEMENT_CHARACTER 0xfffdUL

/*
 * Windows-1252 bytes 0x80..0x9f as Unicode, 0 where windows-1252 leaves the
 * byte undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d). Feeds labelled ISO-8859-1
 * are usually windows-1252 in fact, so these "C1 controls" are really curly
 * quotes and dashes; HTML 5 maps numeric references the same way (section
 * 13.2.5.80, numeric character reference end state).
 */
static const unsigned short windows1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

/*
 * Elements whose start or end tag separates words when rendered, so that
 * "a<br>b" or "<p>a</p><p>b</p>" do not run together; inline elements like
 * <b> or <a> do not. Sorted for bsearch.
 */
static const char *const block_elements[] = {
	"address", "article", "aside", "blockquote", "body", "br", "caption",
	"center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
	"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
	"h4", "h5", "h6", "header", "hr", "legend", "li", "main", "menu", "nav",
	"ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td",
	"tfoot", "th", "thead", "tr", "ul",
};

/*
 * The elements feedparser's sanitizer accepts (HTMLSanitizer's
 * acceptable_elements); its HTML guess rejects a title naming any other.
 * "event-source" is left out: the guess only sees names made of word
 * characters. Sorted for bsearch.
 */
static const char *const acceptable_elements[] = {
	"a", "abbr", "acronym", "address", "area", "article", "aside", "audio",
	"b", "big", "blockquote", "br", "button", "canvas", "caption", "center",
	"cite", "code", "col", "colgroup", "command", "datagrid", "datalist",
	"dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em",
	"fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2",
	"h3", "h4", "h5", "h6", "header", "hr", "i", "img", "input", "ins",
	"kbd", "keygen", "label", "legend", "li", "m", "map", "menu", "meter",
	"multicol", "nav", "nextid", "noscript", "ol", "optgroup", "option",
	"output", "p", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp",
	"section", "select", "small", "sound", "source", "spacer", "span",
	"strike", "strong", "sub", "sup", "table", "tbody", "td", "textarea",
	"tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video",
};

/* Plain text being built: white space is held back until the next visible
 * character, which collapses runs and trims both ends in the same pass. */
struct text_out {
	struct buf	buf;
	int		space;
};

/* XML 1.0 production S (section 2.3); U+00A0 is deliberately not here. */
static int
is_xml_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* HTML 5's ASCII white space, which ends tag names and attribute names. */
static int
is_html_space(unsigned char c)
{
	return is_xml_space(c) || c == '\f';
}

/* Character classes in ASCII only: <ctype.h> depends on the locale. */
static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum(unsigned char c)
{
	return is_alpha(c) || is_digit(c);
}

/* Python's \w, restricted to ASCII. */
static int
is_word(unsigned char c)
{
	return is_alnum(c) || c == '_';
}

static int
hex_value(unsigned char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static unsigned char
to_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

static size_t
word_length(const char *s)
{
	size_t	n = 0;

	while (is_word((unsigned char)s[n]))
		n++;
	return n;
}

static int
compare_names(const void *key, const void *member)
{
	return strcmp(key, *(const char *const *)member);
}

/* Whether the name (len bytes, any case) is in a sorted table of lower-case
 * names; names longer than TAG_NAME_MAX are in none of the tables. */
static int
name_in(const char *name, size_t len, const char *const *table, size_t count)
{
	char	lower[TAG_NAME_MAX + 1];
	size_t	i;

	if (len == 0 || len > TAG_NAME_MAX)
		return 0;
	for (i = 0; i < len; i++)
		lower[i] = (char)to_lower((unsigned char)name[i]);
	lower[len] = '\0';
	return bsearch(lower, table, count, sizeof *table, compare_names) != NULL;
}

/* Whether the name (len bytes, any case) is the lower-case word. */
static int
name_is(const char *name, size_t len, const char *word)
{
	size_t	i;

	if (len != strlen(word))
		return 0;
	for (i = 0; i < len; i++) {
		if (to_lower((unsigned char)name[i]) != (unsigned char)word[i])
			return 0;
	}
	return 1;
}

static void
out_flush_space(struct text_out *out)
{
	if (out->space && out->buf.len > 0)
		buf_append_char(&out->buf, ' ');
	out->space = 0;
}

/* Append text as is, except that its white space collapses. */
static void
out_text(struct text_out *out, const char *text, size_t len)
{
	size_t	start, i = 0;

	while (i < len) {
		if (is_xml_space((unsigned char)text[i])) {
			out->space = 1;
			i++;
			continue;
		}
		start = i;
		while (i < len && !is_xml_space((unsigned char)text[i]))
			i++;
		out_flush_space(out);
		buf_append(&out->buf, text + start, i - start);
	}
}

static void
out_codepoint(struct text_out *out, unsigned long cp)
{
	if (cp < 0x80 && is_xml_space((unsigned char)cp)) {
		out->space = 1;
		return;
	}
	out_flush_space(out);
	buf_append_utf8(&out->buf, cp);
}

/*
 * The character a numeric reference stands for. HTML 5 section 13.2.5.80:
 * zero, surrogates and values beyond Unicode become U+FFFD, and 0x80..0x9f
 * are read as windows-1252. Where HTML 5 would let a control character
 * through (C0 other than tab, CR and LF; DEL; the five undefined C1 slots)
 * we also give U+FFFD: a reference like &#27; must never put an escape
 * sequence on the terminal.
 */
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
	if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7f)
		return REPLACEMENT_CHARACTER;
	return cp;
}

/*
 * A character or entity reference at p (which points to '&'); returns where
 * to continue. Numeric references follow HTML 5: any number of digits, the
 * semicolon optional. Named ones need their semicolon, unlike HTML 5's legacy
 * forms, so "AT&T" or "?a=1&copy=2" stay as written. Anything that is not a
 * reference leaves the '&' literal. The look-ahead of a named reference is
 * bounded and digits are consumed, so the scan stays linear.
 */
static const char *
reference(struct text_out *out, const char *p)
{
	const char	*q;
	unsigned long	 cp = 0;
	size_t		 n;
	int		 base = 10, digit;

	if (p[1] == '#') {
		q = p + 2;
		if (*q == 'x' || *q == 'X') {
			base = 16;
			q++;
		}
		if (hex_value((unsigned char)*q) < 0 ||
		    (base == 10 && !is_digit((unsigned char)*q))) {
			out_text(out, p, 1);
			return p + 1;
		}
		for (;; q++) {
			digit = hex_value((unsigned char)*q);
			if (digit < 0 || (base == 10 && digit > 9))
				break;
			/* Saturate: anything past U+10FFFF is invalid anyway. */
			if (cp <= 0x10ffff)
				cp = cp * (unsigned long)base + (unsigned long)digit;
		}
		if (*q == ';')
			q++;
		out_codepoint(out, numeric_character(cp));
		return q;
	}

	for (n = 0; n <= ENTITY_NAME_MAX && is_alnum((unsigned char)p[1 + n]); n++)
		/* nothing */;
	if (n > 0 && p[1 + n] == ';' &&
	    (cp = text_entity_lookup(p + 1, n)) != 0) {
		out_codepoint(out, cp);
		return p + 2 + n;
	}
	out_text(out, p, 1);
	return p + 1;
}

/* Skip from p to just past the next '>', or to the end of the string. */
static const char *
skip_past_gt(const char *p)
{
	const char	*gt;

	gt = strchr(p, '>');
	return gt != NULL ? gt + 1 : p + strlen(p);
}

/*
 * Skip the raw text of a <script> or <style> element (HTML 5 section 13.2.5,
 * the RAWTEXT and script data states): up to but not including "</name"
 * followed by white space, '/' or '>', which is then parsed as an end tag.
 * Unterminated, it runs to the end.
 */
static const char *
skip_raw_text(const char *p, const char *name, size_t len)
{
	size_t	i;

	while ((p = strchr(p, '<')) != NULL) {
		if (p[1] == '/') {
			for (i = 0; i < len; i++) {
				if (to_lower((unsigned char)p[2 + i]) !=
				    (unsigned char)name[i])
					break;
			}
			if (i == len && (is_html_space((unsigned char)p[2 + len]) ||
			    p[2 + len] == '/' || p[2 + len] == '>'))
				return p;
		}
		p++;
	}
	return NULL;
}

/*
 * A start or end tag whose name begins at p; returns where to continue. A
 * '>' inside a quoted attribute value does not end the tag. A tag cut off by
 * the end of the input is dropped, as HTML 5 does ("eof-in-tag" in section
 * 13.2.5).
 */
static const char *
tag(struct text_out *out, const char *p, int end_tag)
{
	const char	*name = p, *close;
	size_t		 len;

	while (*p != '\0' && *p != '>' && *p != '/' &&
	    !is_html_space((unsigned char)*p))
		p++;
	len = (size_t)(p - name);

	for (;;) {
		if (*p == '\0')
			return p;
		if (*p == '>')
			break;
		if (*p++ != '=')
			continue;
		while (is_html_space((unsigned char)*p))
			p++;
		if (*p == '"' || *p == '\'') {
			close = strchr(p + 1, *p);
			if (close == NULL)
				return p + strlen(p);
			p = close + 1;
		}
	}
	p++;

	if (name_in(name, len, block_elements,
	    sizeof block_elements / sizeof block_elements[0]))
		out->space = 1;
	if (end_tag)
		return p;
	if (name_is(name, len, "script"))
		close = skip_raw_text(p, "script", len);
	else if (name_is(name, len, "style"))
		close = skip_raw_text(p, "style", len);
	else
		return p;
	return close != NULL ? close : p + strlen(p);
}

/* Markup at p (which points to '<'); returns where to continue. */
static const char *
markup(struct text_out *out, const char *p)
{
	const char	*q;

	if (strncmp(p, "<!--", 4) == 0) {
		/* HTML 5 section 13.2.5.43 and on: "<!-->" and "<!--->" are
		 * complete comments; "--!>" also ends one. */
		q = p + 4;
		if (*q == '>')
			return q + 1;
		if (q[0] == '-' && q[1] == '>')
			return q + 2;
		for (; *q != '\0'; q++) {
			if (q[0] == '-' && q[1] == '-' && q[2] == '>')
				return q + 3;
			if (q[0] == '-' && q[1] == '-' && q[2] == '!' &&
			    q[3] == '>')
				return q + 4;
		}
		return q;
	}
	if (strncmp(p, "<![CDATA[", 9) == 0) {
		/* HTML 5 would drop this as a bogus comment, but it is mostly
		 * a CDATA section escaped once too often: keep its text, as
		 * feedparser does. */
		q = p + 9;
		while (*q != '\0' && !(q[0] == ']' && q[1] == ']' && q[2] == '>'))
			q++;
		out_text(out, p + 9, (size_t)(q - (p + 9)));
		return *q != '\0' ? q + 3 : q;
	}
	if (p[1] == '!' || p[1] == '?')
		return skip_past_gt(p + 2);	/* declarations, instructions */
	if (p[1] == '/') {
		if (p[2] == '>')
			return p + 3;
		if (is_alpha((unsigned char)p[2]))
			return tag(out, p + 2, 1);
		if (p[2] == '\0') {
			out_text(out, p, 2);
			return p + 2;
		}
		return skip_past_gt(p + 2);
	}
	if (is_alpha((unsigned char)p[1]))
		return tag(out, p + 1, 0);
	out_text(out, p, 1);	/* "2 < 3": not markup */
	return p + 1;
}

char *
text_from_html(const char *html)
{
	struct text_out	 out = { BUF_INIT, 0 };
	const char	*p = html;
	size_t		 run;

	if (html == NULL)
		return xstrdup("");
	while (*p != '\0') {
		if (*p == '<')
			p = markup(&out, p);
		else if (*p == '&')
			p = reference(&out, p);
		else {
			run = strcspn(p, "<&");
			out_text(&out, p, run);
			p += run;
		}
	}
	return buf_detach(&out.buf);
}

char *
text_collapse_space(char *s)
{
	char	*read, *write;
	int	 space = 0;

	if (s == NULL)
		return NULL;
	for (read = write = s; *read != '\0'; read++) {
		if (is_xml_space((unsigned char)*read)) {
			space = write != s;
			continue;
		}
		if (space)
			*write++ = ' ';
		space = 0;
		*write++ = *read;
	}
	*write = '\0';
	return s;
}

/*
 * feedparser's XMLParserMixin.looks_like_html, in one pass: s must contain an
 * end tag "</\w+>" or a reference "&#?\w+;", every "</?\w+" must name an
 * element feedparser accepts (any case), and every "&\w+;" must be a known
 * entity (case-sensitive). Known is the HTML 4 set plus "apos", which
 * feedparser lacks: a title escaped twice as "it&amp;apos;s" then reads
 * "it's". \w is taken as ASCII only, where Python's is Unicode.
 */
bool
text_looks_like_html(const char *s)
{
	const char	*p, *q;
	size_t		 n;
	bool		 marker = false;
	int		 numeric;

	if (s == NULL)
		return false;
	for (p = s; *p != '\0'; p++) {
		if (*p == '<') {
			q = p + 1;
			if (*q == '/')
				q++;
			if ((n = word_length(q)) == 0)
				continue;
			if (q != p + 1 && q[n] == '>')
				marker = true;
			if (!name_in(q, n, acceptable_elements,
			    sizeof acceptable_elements /
			    sizeof acceptable_elements[0]))
				return false;
			p = q + n - 1;
		} else if (*p == '&') {
			q = p + 1;
			numeric = *q == '#';
			if (numeric)
				q++;
			n = word_length(q);
			if (n == 0 || q[n] != ';')
				continue;
			marker = true;
			if (!numeric && text_entity_lookup(q, n) == 0)
				return false;
			p = q + n;
		}
	}
	return marker;
}

static int
compare_entity(const void *key, const void *member)
{
	return strcmp(key, ((const struct text_entity *)member)->name);
}

unsigned long
text_entity_lookup(const char *name, size_t len)
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

/* Whether p (pointing to a 0xc2 byte) starts a C1 control windows-1252
 * defines: U+0080..U+009F is C2 80..C2 9F in UTF-8. */
static int
is_mapped_c1(const char *p)
{
	unsigned char	c = (unsigned char)p[1];

	return c >= 0x80 && c <= 0x9f && windows1252[c - 0x80] != 0;
}

char *
text_fix_c1(char *s)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *done;

	if (s == NULL)
		return NULL;
	/* The common case: one strchr pass finds nothing to do. */
	for (p = strchr(s, '\xc2'); p != NULL; p = strchr(p + 1, '\xc2')) {
		if (is_mapped_c1(p))
			break;
	}
	if (p == NULL)
		return s;

	buf_reserve(&b, strlen(s) + 16);
	done = s;
	for (; p != NULL; p = strchr(p, '\xc2')) {
		if (!is_mapped_c1(p)) {
			p++;
			continue;
		}
		buf_append(&b, done, (size_t)(p - done));
		buf_append_utf8(&b, windows1252[(unsigned char)p[1] - 0x80]);
		p += 2;
		done = p;
	}
	buf_append_str(&b, done);
	free(s);
	return buf_detach(&b);
}
