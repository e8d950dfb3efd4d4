/* text.c: plain text from feed HTML for titles and the search index (the
 * tokenizing is html.c's), white space, feedparser's HTML guess, the C1
 * repair. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "html.h"
#include "text.h"
#include "xmalloc.h"

/* Tag names longer than this are not acceptable elements, so they are only
 * compared up to here. */
#define TAG_NAME_MAX 16

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

/* Elements feedparser's guess does not know but a title holding them is
 * surely HTML, whose content the conversion to text drops. Sorted. */
static const char *const dropped_elements[] = { "script", "style" };

/* Plain text being built: white space is held back until the next visible
 * character, which collapses runs and trims both ends in the same pass. */
struct text_out {
	struct buf	buf;
	int		space;
};

/* The length of the run of Python's \w (restricted to ASCII) at s. */
static size_t
word_length(const char *s)
{
	return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
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
		lower[i] = (char)ascii_to_lower((unsigned char)name[i]);
	lower[len] = '\0';
	return bsearch(lower, table, count, sizeof *table, compare_names) != NULL;
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
		if (ascii_is_xml_space((unsigned char)text[i])) {
			out->space = 1;
			i++;
			continue;
		}
		start = i;
		while (i < len && !ascii_is_xml_space((unsigned char)text[i]))
			i++;
		out_flush_space(out);
		buf_append(&out->buf, text + start, i - start);
	}
}

static void
out_codepoint(struct text_out *out, unsigned long cp)
{
	if (cp < 0x80 && html_is_space((unsigned char)cp)) {
		out->space = 1;
		return;
	}
	out_flush_space(out);
	buf_append_utf8(&out->buf, cp);
}

/* The HTML comes from html.c's tokenizer: elements that separate words
 * (html_separates) are a space, references are their characters and raw
 * text elements such as <script> are skipped. */
char *
text_from_html(const char *html)
{
	struct text_out		out = { BUF_INIT, 0 };
	struct html_tokenizer	t;
	struct html_token	token;

	if (html == NULL)
		return xstrdup("");
	html_tokenizer_init(&t, html);
	while (html_next(&t, &token)) {
		switch (token.type) {
		case HTML_TEXT:
			out_text(&out, token.text, token.len);
			break;
		case HTML_CHARACTER:
			out_codepoint(&out, token.cp);
			break;
		case HTML_START_TAG:
		case HTML_END_TAG:
			if (html_separates(token.element))
				out.space = 1;
			break;
		case HTML_END:
			break;
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
		if (ascii_is_xml_space((unsigned char)*read)) {
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
 * element feedparser accepts or script/style (any case), and every "&\w+;"
 * must be a known entity (case-sensitive). Known is the HTML 4 set plus "apos", which
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
			    sizeof acceptable_elements[0]) &&
			    !name_in(q, n, dropped_elements,
			    sizeof dropped_elements / sizeof dropped_elements[0]))
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
			if (!numeric && html_entity_lookup(q, n) == 0)
				return false;
			p = q + n;
		}
	}
	return marker;
}

/* Whether p (pointing to a 0xc2 byte) starts a C1 control windows-1252
 * defines: U+0080..U+009F is C2 80..C2 9F in UTF-8. */
static int
is_mapped_c1(const char *p)
{
	unsigned char	c = (unsigned char)p[1];

	return c >= 0x80 && c <= 0x9f && html_windows1252(c) != 0;
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
		buf_append_utf8(&b, html_windows1252((unsigned char)p[1]));
		p += 2;
		done = p;
	}
	buf_append_str(&b, done);
	free(s);
	return buf_detach(&b);
}
