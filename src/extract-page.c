/* extract-page.c: parsing a web page for the extractor: a tokenizer-level
 * pass that bounds and slims it, the HTML5 parse (gumbo) in bounded memory,
 * and the parsed page's text as people read it. Its charset is
 * extract-charset.c's; no scoring (extract-score.c), no output. */
#include "config.h"

#include <setjmp.h>
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
#include "xmalloc.h"

/* Open elements the page may nest. gumbo 0.10 has no depth limit, and its
 * tree construction is quadratic in the depth (20000 nested <div>s take
 * seconds); real pages stay under a hundred. */
#define MAX_NESTING	2000
#define ARENA_BLOCK	(1024 * 1024)
/* Memory the parse may take: a page needs about ten times its size, odd but
 * harmless markup (thousands of unclosed <a>s or <li>s) up to a hundred;
 * the reconstruction of formatting elements is quadratic in the worst case
 * (HTML 13.2.4.3: "<b id=1><p>x<b id=2><p>x..." reopens every <b> in each
 * paragraph, 29 KB giving 537 MB of nodes), and this stops it early. */
#define PARSE_BUDGET(len)	((size_t)32 * 1024 * 1024 + (len) * 24)

/* ---------------------------------------------------------------------
 * What each element is to the parser and the pre-pass. Indexed by gumbo's
 * tag; unknown tags are looked up by name in extract_unknown_tag_flags().
 * Which elements are blocks of text is html.c's one table.
 */

const unsigned char extract_tag_flags[GUMBO_TAG_LAST + 1] = {
	[GUMBO_TAG_HTML] = TF_BOUNDED,
	[GUMBO_TAG_HEAD] = TF_DROP | TF_BOUNDED | TF_BREAKOUT,
	[GUMBO_TAG_TITLE] = TF_DROP | TF_RCDATA,
	[GUMBO_TAG_BASE] = TF_DROP | TF_VOID,
	[GUMBO_TAG_LINK] = TF_DROP | TF_VOID,
	[GUMBO_TAG_META] = TF_DROP | TF_VOID | TF_BREAKOUT,
	[GUMBO_TAG_STYLE] = TF_DROP | TF_RAWTEXT,
	[GUMBO_TAG_SCRIPT] = TF_DROP | TF_RAWTEXT,
	[GUMBO_TAG_NOSCRIPT] = TF_DROP,
	[GUMBO_TAG_TEMPLATE] = TF_DROP,
	[GUMBO_TAG_BODY] = TF_BOUNDED | TF_BREAKOUT,
	[GUMBO_TAG_NAV] = TF_DROP,
	[GUMBO_TAG_ASIDE] = TF_DROP,
	[GUMBO_TAG_H1] = TF_BOUNDED | TF_BREAKOUT,
	[GUMBO_TAG_H2] = TF_BOUNDED | TF_BREAKOUT,
	[GUMBO_TAG_H3] = TF_BOUNDED | TF_BREAKOUT,
	[GUMBO_TAG_H4] = TF_BOUNDED | TF_BREAKOUT,
	[GUMBO_TAG_H5] = TF_BOUNDED | TF_BREAKOUT,
	[GUMBO_TAG_H6] = TF_BOUNDED | TF_BREAKOUT,
	[GUMBO_TAG_HEADER] = TF_DROP,
	[GUMBO_TAG_FOOTER] = TF_DROP,
	[GUMBO_TAG_P] = TF_BOUNDED | TF_BREAKOUT,
	[GUMBO_TAG_HR] = TF_VOID | TF_BREAKOUT,
	[GUMBO_TAG_PRE] = TF_BREAKOUT,
	[GUMBO_TAG_BLOCKQUOTE] = TF_BREAKOUT,
	[GUMBO_TAG_OL] = TF_BREAKOUT,
	[GUMBO_TAG_UL] = TF_BREAKOUT,
	[GUMBO_TAG_LI] = TF_BOUNDED | TF_BREAKOUT,
	[GUMBO_TAG_DL] = TF_BREAKOUT,
	[GUMBO_TAG_DT] = TF_BOUNDED | TF_BREAKOUT,
	[GUMBO_TAG_DD] = TF_BOUNDED | TF_BREAKOUT,
	[GUMBO_TAG_DIV] = TF_BREAKOUT,
	[GUMBO_TAG_A] = TF_BOUNDED,
	[GUMBO_TAG_EM] = TF_BREAKOUT,
	[GUMBO_TAG_STRONG] = TF_BREAKOUT,
	[GUMBO_TAG_SMALL] = TF_BREAKOUT,
	[GUMBO_TAG_S] = TF_BREAKOUT,
	[GUMBO_TAG_CODE] = TF_BREAKOUT,
	[GUMBO_TAG_VAR] = TF_BREAKOUT,
	[GUMBO_TAG_SUB] = TF_BREAKOUT,
	[GUMBO_TAG_SUP] = TF_BREAKOUT,
	[GUMBO_TAG_I] = TF_BREAKOUT,
	[GUMBO_TAG_B] = TF_BREAKOUT,
	[GUMBO_TAG_U] = TF_BREAKOUT,
	[GUMBO_TAG_SPAN] = TF_BREAKOUT,
	[GUMBO_TAG_BR] = TF_VOID | TF_BREAKOUT,
	[GUMBO_TAG_WBR] = TF_VOID,
	[GUMBO_TAG_IMAGE] = TF_VOID,
	[GUMBO_TAG_IMG] = TF_VOID | TF_BREAKOUT,
	[GUMBO_TAG_IFRAME] = TF_DROP | TF_RAWTEXT,
	[GUMBO_TAG_EMBED] = TF_DROP | TF_VOID | TF_BREAKOUT,
	[GUMBO_TAG_OBJECT] = TF_DROP,
	[GUMBO_TAG_PARAM] = TF_DROP | TF_VOID,
	[GUMBO_TAG_VIDEO] = TF_DROP,
	[GUMBO_TAG_AUDIO] = TF_DROP,
	[GUMBO_TAG_SOURCE] = TF_DROP | TF_VOID,
	[GUMBO_TAG_TRACK] = TF_DROP | TF_VOID,
	[GUMBO_TAG_CANVAS] = TF_DROP,
	[GUMBO_TAG_MAP] = TF_DROP,
	[GUMBO_TAG_AREA] = TF_DROP | TF_VOID,
	[GUMBO_TAG_MATH] = TF_DROP,
	[GUMBO_TAG_SVG] = TF_DROP,
	[GUMBO_TAG_TABLE] = TF_BREAKOUT,
	[GUMBO_TAG_CAPTION] = TF_BOUNDED,
	[GUMBO_TAG_COLGROUP] = TF_DROP | TF_BOUNDED,
	[GUMBO_TAG_COL] = TF_DROP | TF_VOID,
	[GUMBO_TAG_TBODY] = TF_BOUNDED,
	[GUMBO_TAG_THEAD] = TF_BOUNDED,
	[GUMBO_TAG_TFOOT] = TF_BOUNDED,
	[GUMBO_TAG_TR] = TF_BOUNDED,
	[GUMBO_TAG_TD] = TF_BOUNDED,
	[GUMBO_TAG_TH] = TF_BOUNDED,
	[GUMBO_TAG_FORM] = TF_BOUNDED,
	[GUMBO_TAG_LABEL] = TF_DROP,
	[GUMBO_TAG_INPUT] = TF_DROP | TF_VOID,
	[GUMBO_TAG_BUTTON] = TF_DROP | TF_BOUNDED,
	[GUMBO_TAG_SELECT] = TF_DROP | TF_BOUNDED,
	[GUMBO_TAG_DATALIST] = TF_DROP,
	[GUMBO_TAG_OPTGROUP] = TF_DROP | TF_BOUNDED,
	[GUMBO_TAG_OPTION] = TF_DROP | TF_BOUNDED,
	[GUMBO_TAG_TEXTAREA] = TF_DROP | TF_RCDATA,
	[GUMBO_TAG_KEYGEN] = TF_DROP | TF_VOID,
	[GUMBO_TAG_OUTPUT] = TF_DROP,
	[GUMBO_TAG_PROGRESS] = TF_DROP,
	[GUMBO_TAG_METER] = TF_DROP,
	[GUMBO_TAG_MENU] = TF_DROP | TF_BREAKOUT,
	[GUMBO_TAG_MENUITEM] = TF_DROP,
	[GUMBO_TAG_APPLET] = TF_DROP,
	[GUMBO_TAG_BGSOUND] = TF_DROP | TF_VOID,
	[GUMBO_TAG_FRAME] = TF_DROP | TF_VOID,
	[GUMBO_TAG_FRAMESET] = TF_DROP,
	[GUMBO_TAG_NOFRAMES] = TF_DROP | TF_RAWTEXT,
	[GUMBO_TAG_ISINDEX] = TF_DROP | TF_VOID,
	[GUMBO_TAG_LISTING] = TF_BREAKOUT,
	[GUMBO_TAG_XMP] = TF_RCDATA,
	[GUMBO_TAG_NOEMBED] = TF_DROP | TF_RAWTEXT,
	[GUMBO_TAG_STRIKE] = TF_BREAKOUT,
	[GUMBO_TAG_BASEFONT] = TF_DROP | TF_VOID,
	[GUMBO_TAG_BIG] = TF_BREAKOUT,
	[GUMBO_TAG_BLINK] = TF_DROP,
	[GUMBO_TAG_CENTER] = TF_BREAKOUT,
	/* Only with color, face or size, but leaving svg content too early
	 * is the safe mistake for slim_page(). */
	[GUMBO_TAG_FONT] = TF_BREAKOUT,
	[GUMBO_TAG_MARQUEE] = TF_DROP,
	[GUMBO_TAG_NOBR] = TF_BOUNDED | TF_BREAKOUT,
	[GUMBO_TAG_TT] = TF_BREAKOUT,
	[GUMBO_TAG_RUBY] = TF_BREAKOUT,
	[GUMBO_TAG_RB] = TF_BOUNDED,
	[GUMBO_TAG_RT] = TF_BOUNDED,
	[GUMBO_TAG_RP] = TF_BOUNDED,
	[GUMBO_TAG_RTC] = TF_BOUNDED,
};

/* Elements gumbo 0.10 does not know, by name. */
unsigned
extract_unknown_tag_flags(const GumboNode *g)
{
	static const char *const drop[] = { "dialog", "search" };
	GumboStringPiece name = g->v.element.original_tag;
	size_t i, len;

	/* original_tag is "<name attributes...>"; gumbo cuts it to the name. */
	gumbo_tag_from_original_text(&name);
	len = name.length;
	for (i = 0; i < sizeof drop / sizeof drop[0]; i++) {
		if (ascii_equals(name.data, len, drop[i]))
			return TF_DROP;
	}
	return 0;
}

/* ---------------------------------------------------------------------
 * A tokenizer-level pass before the parse (HTML 13.2.5, in brief). It removes
 * what no story needs and costs the parser most on big pages: the insides of
 * <script>, <style>, <iframe>, <noembed> and <noframes>, comments, and the
 * insides of well-formed <svg>, <nav> and <aside> elements (gumbo's time goes
 * with the number of elements more than with bytes); and it counts how
 * deeply elements nest, so that pages the parser would take seconds over
 * are refused first. It works in place.
 *
 * It must never remove anything the parser would read as content. Script
 * data with its escapes is followed as the tokenizer does; inside <svg> and
 * <math> the same tags are markup, so there a script or style element is only
 * passed over when its content has no '<' (then both readings agree); any
 * doubt (a tag that leaves foreign content, markup inside a foreign
 * <style>) turns removal off for the rest of the page: copy_only.
 */

struct slim {
	char	*out;		/* write position; never ahead of p */
	char	*p, *end;
	int	 depth, max_depth;
	int	 svg, math;	/* open <svg> and <math> elements */
	bool	 copy_only;
};

static void
slim_keep(struct slim *s, const char *to)
{
	size_t n = (size_t)(to - s->p);

	if (s->out != s->p)
		memmove(s->out, s->p, n);
	s->out += n;
	s->p += n;
}

static void
slim_skip(struct slim *s, char *to)
{
	if (s->copy_only)
		slim_keep(s, to);
	else
		s->p = to;
}

/* True when p starts "</name" followed by white space, '/' or '>' (an
 * "appropriate end tag"); with start set, "<name" instead. */
static bool
is_tag(const char *p, const char *end, const char *name, size_t len, bool start)
{
	size_t skip = start ? 1 : 2;

	if ((size_t)(end - p) < skip + len + 1 || p[0] != '<' || (!start && p[1] != '/'))
		return false;
	if (ascii_ncasecmp(p + skip, name, len) != 0)
		return false;
	p += skip + len;
	return html_is_space((unsigned char)*p) || *p == '/' || *p == '>';
}

/* Where the text of a RAWTEXT or RCDATA element ends: at its end tag. */
static char *
raw_text_end(char *p, char *end, const char *name, size_t len)
{
	while (p < end) {
		if ((p = memchr(p, '<', (size_t)(end - p))) == NULL)
			return end;
		if (is_tag(p, end, name, len, false))
			return p;
		p++;
	}
	return end;
}

/* Where script data ends, following its escaped and double escaped states
 * ("<!--" and "<script" inside a script; HTML 13.2.5.15 to 13.2.5.31). */
static char *
script_end(char *p, char *end)
{
	enum { DATA, ESCAPED, DOUBLE } state = DATA;
	int dashes = 0;

	while (p < end) {
		if (state == DATA) {
			if ((p = memchr(p, '<', (size_t)(end - p))) == NULL)
				return end;
			if (is_tag(p, end, "script", 6, false))
				return p;
			if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
				state = ESCAPED;
				dashes = 2;
				p += 4;
				continue;
			}
			p++;
			continue;
		}
		if (*p == '-') {
			dashes++;
			p++;
			continue;
		}
		if (*p == '>' && dashes >= 2) {
			state = DATA;
			dashes = 0;
			p++;
			continue;
		}
		dashes = 0;
		if (*p == '<') {
			if (state == ESCAPED && is_tag(p, end, "script", 6, false))
				return p;
			if (state == ESCAPED && is_tag(p, end, "script", 6, true)) {
				state = DOUBLE;
				p += 7;
				continue;
			}
			if (state == DOUBLE && is_tag(p, end, "script", 6, false)) {
				state = ESCAPED;
				p += 8;
				continue;
			}
		}
		p++;
	}
	return end;
}

/* Past the end of a comment whose "<!--" ends at p (HTML 13.2.5.43 on):
 * "<!-->", "<!--->", then "-->" or "--!>" after any number of dashes. */
static char *
comment_end(char *p, char *end)
{
	if (p < end && *p == '>')
		return p + 1;
	if (end - p >= 2 && p[0] == '-' && p[1] == '>')
		return p + 2;
	while (p < end) {
		if ((p = memchr(p, '-', (size_t)(end - p))) == NULL)
			return end;
		if (end - p >= 2 && p[1] == '-') {
			p += 2;
			while (p < end && *p == '-')
				p++;
			if (p < end && *p == '>')
				return p + 1;
			if (end - p >= 2 && p[0] == '!' && p[1] == '>')
				return p + 2;
			continue;
		}
		p++;
	}
	return end;
}

/*
 * Past the '>' of a tag whose name starts at p, following the tag and
 * attribute states (HTML 13.2.5.8 and 13.2.5.32 to 13.2.5.40) so that a '>'
 * inside a quoted value does not end it. The name goes to name in lower case
 * (empty when longer than the buffer).
 */
static char *
scan_tag(char *p, char *end, char *name, size_t size, bool *self_closing)
{
	enum {
		TAG_NAME, BEFORE_NAME, NAME, AFTER_NAME, BEFORE_VALUE,
		DOUBLE_QUOTED, SINGLE_QUOTED, UNQUOTED, AFTER_QUOTED, SELF_CLOSING
	} state = TAG_NAME;
	size_t len = 0;
	unsigned char c;
	char *quote;

	*self_closing = false;
	while (p < end) {
		c = (unsigned char)*p++;
		switch (state) {
		case TAG_NAME:
			if (html_is_space(c))
				state = BEFORE_NAME;
			else if (c == '/')
				state = SELF_CLOSING;
			else if (c == '>')
				goto done;
			else if (len + 1 < size)
				name[len++] = (char)ascii_to_lower(c);
			else
				len = size;	/* too long for any name we know */
			break;
		case BEFORE_NAME:
		case AFTER_QUOTED:
			if (html_is_space(c))
				state = BEFORE_NAME;
			else if (c == '/')
				state = SELF_CLOSING;
			else if (c == '>')
				goto done;
			else
				state = NAME;	/* '=' here starts a name too */
			break;
		case NAME:
			if (html_is_space(c))
				state = AFTER_NAME;
			else if (c == '/')
				state = SELF_CLOSING;
			else if (c == '>')
				goto done;
			else if (c == '=')
				state = BEFORE_VALUE;
			break;
		case AFTER_NAME:
			if (c == '/')
				state = SELF_CLOSING;
			else if (c == '=')
				state = BEFORE_VALUE;
			else if (c == '>')
				goto done;
			else if (!html_is_space(c))
				state = NAME;
			break;
		case BEFORE_VALUE:
			if (c == '"')
				state = DOUBLE_QUOTED;
			else if (c == '\'')
				state = SINGLE_QUOTED;
			else if (c == '>')
				goto done;
			else if (!html_is_space(c))
				state = UNQUOTED;
			break;
		case DOUBLE_QUOTED:
		case SINGLE_QUOTED:
			/* A value never closed runs to the end of the page;
			 * name is terminated after the loop all the same. */
			quote = memchr(p - 1, state == DOUBLE_QUOTED ? '"' : '\'',
			    (size_t)(end - p + 1));
			p = quote != NULL ? quote + 1 : end;
			state = AFTER_QUOTED;
			break;
		case UNQUOTED:
			if (html_is_space(c))
				state = BEFORE_NAME;
			else if (c == '>')
				goto done;
			break;
		case SELF_CLOSING:
			if (c == '>') {
				*self_closing = true;
				goto done;
			}
			p--;
			state = BEFORE_NAME;
			break;
		}
	}
	len = len >= size ? 0 : len;
	name[len] = '\0';
	return end;
done:
	len = len >= size ? 0 : len;
	name[len] = '\0';
	return p;
}

static GumboTag
tag_of_name(const char *name)
{
	return name[0] == '\0' ? GUMBO_TAG_UNKNOWN : gumbo_tagn_enum(name, (unsigned)strlen(name));
}

/*
 * Where the content of an <svg> whose start tag ends at p ends (at its
 * "</svg"), or NULL when that is in doubt. Inside, every end tag must close
 * the element opened last, and no tag may leave foreign content (a
 * breakout tag, or "</p>" and "</br>"): then gumbo reads the same nesting
 * and the same end, and the content, which the story never keeps, can go.
 */
static char *
svg_end(char *p, char *end)
{
	char names[32][16], name[16], *q;
	bool self_closing;
	size_t rest;
	int depth = 0;
	GumboTag tag;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		rest = (size_t)(end - p);
		if (rest >= 4 && memcmp(p, "<!--", 4) == 0) {
			p = comment_end(p + 4, end);
		} else if (rest >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
			if ((q = strstr(p + 9, "]]>")) == NULL)
				return NULL;
			p = q + 3;
		} else if (rest >= 3 && p[1] == '/' && ascii_is_alpha((unsigned char)p[2])) {
			q = scan_tag(p + 2, end, name, sizeof name, &self_closing);
			if (depth == 0)
				return strcmp(name, "svg") == 0 ? p : NULL;
			if (strcmp(name, names[--depth]) != 0)
				return NULL;
			p = q;
		} else if (rest >= 2 && ascii_is_alpha((unsigned char)p[1])) {
			q = scan_tag(p + 1, end, name, sizeof name, &self_closing);
			tag = tag_of_name(name);
			if (name[0] == '\0' || (extract_tag_flags[tag] & (TF_BREAKOUT | TF_RAWTEXT | TF_RCDATA)) ||
			    tag == GUMBO_TAG_PLAINTEXT)
				return NULL;
			if (!self_closing) {
				if (depth == 32)
					return NULL;
				memcpy(names[depth++], name, sizeof name);
			}
			p = q;
		} else {
			return NULL;
		}
	}
	return NULL;
}

/*
 * Where the content of a <nav> or <aside> (name) whose start tag ends at p
 * ends (at its end tag), or NULL when in doubt. Both are dropped from every
 * story, and menus are a good part of a big page's elements. The content
 * must nest strictly: each end tag closes the element opened last, void
 * elements aside, raw text followed as the tokenizer does, any <svg> as in
 * svg_end(); elements that the tree builder closes on its own (<p>, <li>,
 * a heading in a heading...) then stay inside it too, so gumbo reads the
 * same extent. Anything else (<math>, <select>, <plaintext>, a stray end
 * tag, nesting past 64) is doubt.
 */
static char *
subtree_end(char *p, char *end, const char *root)
{
	char names[64][16], name[16], *q;
	bool self_closing;
	size_t rest;
	int depth = 0;
	GumboTag tag;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		rest = (size_t)(end - p);
		if (rest >= 4 && memcmp(p, "<!--", 4) == 0) {
			p = comment_end(p + 4, end);
		} else if (rest >= 2 && (p[1] == '!' || p[1] == '?')) {
			if ((q = memchr(p, '>', rest)) == NULL)
				return NULL;
			p = q + 1;
		} else if (rest >= 3 && p[1] == '/' && ascii_is_alpha((unsigned char)p[2])) {
			q = scan_tag(p + 2, end, name, sizeof name, &self_closing);
			if (depth == 0)
				return strcmp(name, root) == 0 ? p : NULL;
			if (strcmp(name, names[--depth]) != 0)
				return NULL;
			p = q;
		} else if (rest >= 2 && ascii_is_alpha((unsigned char)p[1])) {
			q = scan_tag(p + 1, end, name, sizeof name, &self_closing);
			tag = tag_of_name(name);
			if (name[0] == '\0' || tag == GUMBO_TAG_MATH || tag == GUMBO_TAG_SELECT ||
			    tag == GUMBO_TAG_PLAINTEXT || tag == GUMBO_TAG_HTML ||
			    tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_BODY ||
			    tag == GUMBO_TAG_FRAMESET || depth == 64)
				return NULL;
			p = q;
			if (tag == GUMBO_TAG_SVG) {
				if (self_closing)
					continue;
				if ((p = svg_end(p, end)) == NULL)
					return NULL;
			} else if (extract_tag_flags[tag] & TF_VOID) {
				continue;
			} else if (tag == GUMBO_TAG_SCRIPT) {
				p = script_end(p, end);
			} else if (extract_tag_flags[tag] & (TF_RAWTEXT | TF_RCDATA)) {
				p = raw_text_end(p, end, name, strlen(name));
			}
			memcpy(names[depth++], name, sizeof name);
		} else {
			p++;
		}
	}
	return NULL;
}

static void
slim_start_tag(struct slim *s, const char *name, bool self_closing)
{
	GumboTag tag = tag_of_name(name);
	unsigned flags = extract_tag_flags[tag];
	bool foreign = s->svg + s->math > 0;
	char *text_end, *lt;
	size_t len = strlen(name);

	if (foreign && (flags & TF_BREAKOUT))
		s->copy_only = true;
	/* Self-closing is honoured in foreign content only. */
	if (!(flags & (TF_VOID | TF_BOUNDED)) && !(foreign && self_closing)) {
		if (++s->depth > s->max_depth)
			s->max_depth = s->depth;
	}
	if (tag == GUMBO_TAG_SVG && !self_closing) {
		s->svg++;
		if (!foreign && !s->copy_only && (text_end = svg_end(s->p, s->end)) != NULL) {
			slim_skip(s, text_end);
			return;
		}
	}
	if ((tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE) && !foreign && !s->copy_only &&
	    (text_end = subtree_end(s->p, s->end, name)) != NULL) {
		slim_skip(s, text_end);
		return;
	}
	else if (tag == GUMBO_TAG_MATH && !self_closing)
		s->math++;
	if (!(flags & (TF_RAWTEXT | TF_RCDATA)) && tag != GUMBO_TAG_PLAINTEXT)
		return;
	if (foreign) {
		/* Markup here; text without '<' reads the same either way. */
		if (tag == GUMBO_TAG_PLAINTEXT)
			return;
		text_end = raw_text_end(s->p, s->end, name, len);
		for (lt = s->p; lt < text_end && *lt != '<'; lt++)
			;
		if (lt < text_end)
			s->copy_only = true;
		return;
	}
	if (tag == GUMBO_TAG_PLAINTEXT) {
		slim_keep(s, s->end);
		return;
	}
	text_end = tag == GUMBO_TAG_SCRIPT ? script_end(s->p, s->end) :
	    raw_text_end(s->p, s->end, name, len);
	if (flags & TF_RAWTEXT)
		slim_skip(s, text_end);
	else
		slim_keep(s, text_end);
}

static void
slim_end_tag(struct slim *s, const char *name)
{
	GumboTag tag = tag_of_name(name);

	if (tag == GUMBO_TAG_SVG && s->svg > 0)
		s->svg--;
	else if (tag == GUMBO_TAG_MATH && s->math > 0)
		s->math--;
	if (!(extract_tag_flags[tag] & (TF_VOID | TF_BOUNDED)) && s->depth > 0)
		s->depth--;
}

/* Slim buf in place; returns the new length and the deepest nesting seen. */
static size_t
slim_page(char *buf, size_t len, int *max_depth)
{
	struct slim s = { buf, buf, buf + len, 0, 0, 0, 0, false };
	char name[16], *q;
	bool self_closing;
	size_t rest;

	while (s.p < s.end) {
		if ((q = memchr(s.p, '<', (size_t)(s.end - s.p))) == NULL) {
			slim_keep(&s, s.end);
			break;
		}
		slim_keep(&s, q);
		rest = (size_t)(s.end - s.p);
		if (rest >= 4 && memcmp(s.p, "<!--", 4) == 0) {
			slim_skip(&s, comment_end(s.p + 4, s.end));
		} else if (rest >= 9 && s.svg + s.math > 0 && memcmp(s.p, "<![CDATA[", 9) == 0) {
			q = strstr(s.p + 9, "]]>");
			slim_keep(&s, q != NULL ? q + 3 : s.end);
		} else if (rest >= 2 && (s.p[1] == '!' || s.p[1] == '?')) {
			q = memchr(s.p, '>', rest);
			slim_keep(&s, q != NULL ? q + 1 : s.end);
		} else if (rest >= 3 && s.p[1] == '/' && ascii_is_alpha((unsigned char)s.p[2])) {
			q = scan_tag(s.p + 2, s.end, name, sizeof name, &self_closing);
			slim_keep(&s, q);
			slim_end_tag(&s, name);
		} else if (rest >= 2 && s.p[1] == '/') {
			/* "</>" is dropped by the tokenizer; "</?" is a bogus comment. */
			q = memchr(s.p, '>', rest);
			slim_keep(&s, q != NULL ? q + 1 : s.end);
		} else if (rest >= 2 && ascii_is_alpha((unsigned char)s.p[1])) {
			q = scan_tag(s.p + 1, s.end, name, sizeof name, &self_closing);
			slim_keep(&s, q);
			slim_start_tag(&s, name, self_closing);
		} else {
			slim_keep(&s, s.p + 1);
		}
	}
	*max_depth = s.max_depth;
	*s.out = '\0';
	return (size_t)(s.out - buf);
}

/* ---------------------------------------------------------------------
 * The parse. gumbo allocates through an arena: the tree is dropped in one
 * go (gumbo_destroy_output recurses once per level and takes time), and
 * gumbo's own frees are no-ops. Parse errors are not recorded (max_errors
 * 0): each would copy the stack of open elements.
 */

struct arena_block {
	struct arena_block	*prev;
	max_align_t		 data[];
};

static void *
arena_alloc(void *userdata, size_t size)
{
	struct extract_arena *a = userdata;
	struct arena_block *b;
	size_t align = _Alignof(max_align_t), block_size;
	void *p;

	size = (size + align - 1) & ~(align - 1);
	if (size == 0)
		size = align;
	if ((size_t)(a->end - a->next) >= size) {
		p = a->next;
		a->next += size;
		return p;
	}
	block_size = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
	if (a->spent != NULL && a->used + block_size > a->budget)
		longjmp(*a->spent, 1);
	a->used += block_size;
	b = xmalloc(sizeof *b + block_size);
	b->prev = a->blocks;
	a->blocks = b;
	if (block_size == size)
		return b->data;	/* a big one on its own; the current block goes on */
	a->next = (char *)b->data + size;
	a->end = (char *)b->data + block_size;
	return b->data;
}

static void
arena_release(void *userdata, void *ptr)
{
	(void)userdata;
	(void)ptr;
}

static void
arena_free(struct extract_arena *a)
{
	struct arena_block *b, *prev;

	for (b = a->blocks; b != NULL; b = prev) {
		prev = b->prev;
		free(b);
	}
	memset(a, 0, sizeof *a);
}

/*
 * Remove control characters (C0 but HTML white space, DEL, C1) in place;
 * returns the new length. gumbo would turn each into U+FFFD, and text with
 * an ESC in it has no business on a reader's terminal anyway.
 */
static size_t
strip_controls(char *text, size_t len)
{
	unsigned char *p = (unsigned char *)text, *out = p, *end = p + len, *q;

	while (p < end) {
		/* Plain bytes go in runs. */
		for (q = p; q < end && *q >= 0x20 && *q != 0x7f && *q != 0xc2; q++)
			;
		if (out != p)
			memmove(out, p, (size_t)(q - p));
		out += q - p;
		p = q;
		if (p == end)
			break;
		if (*p == 0xc2) {
			if (p + 1 < end && p[1] >= 0x80 && p[1] <= 0x9f) {
				p += 2;
			} else {
				*out++ = *p++;
			}
		} else if (html_is_space(*p)) {
			*out++ = *p++;
		} else {
			p++;
		}
	}
	*out = '\0';
	return (size_t)(out - (unsigned char *)text);
}

/*
 * Numeric character references past U+10FFFF rewritten as "&#xFFFD", which
 * is what HTML makes of them (13.2.5.80). gumbo 0.10 adds the digits up in
 * an int: past INT_MAX it overflows, and the wrapped value comes out as a
 * byte that is not UTF-8. In place, returning the new length: the rewrite
 * is shorter than any such reference ("&#x110000" has nine bytes).
 */
static size_t
cap_references(char *text, size_t len)
{
	char *p = text, *end = text + len, *out = text, *digits, *q;
	unsigned long value;
	bool hex;
	int d;

	while (p < end) {
		if (*p != '&' || end - p < 3 || p[1] != '#') {
			*out++ = *p++;
			continue;
		}
		hex = p[2] == 'x' || p[2] == 'X';
		digits = p + (hex ? 3 : 2);
		value = 0;
		for (q = digits; q < end && (d = ascii_digit_value((unsigned char)*q, hex ? 16 : 10)) >= 0; q++) {
			value = value * (hex ? 16 : 10) + (unsigned long)d;
			if (value > 0x10ffff)
				value = 0x110000;	/* saturated: too large either way */
		}
		if (q == digits || value <= 0x10ffff) {
			while (p < q)
				*out++ = *p++;
			continue;
		}
		memcpy(out, "&#xFFFD", 7);
		out += 7;
		p = q;
	}
	*out = '\0';
	return (size_t)(out - text);
}

const char *
extract_parse(char *text, size_t len, struct extract_parsed *out)
{
	GumboOptions options = kGumboDefaultOptions;
	jmp_buf spent;
	int depth;

	memset(out, 0, sizeof *out);
	out->text = text;
	out->length = cap_references(text, strip_controls(text, slim_page(text, len, &depth)));
	if (depth > MAX_NESTING)
		return "the page nests elements too deeply";
	options.allocator = arena_alloc;
	options.deallocator = arena_release;
	options.userdata = &out->arena;
	options.max_errors = 0;
	out->arena.budget = PARSE_BUDGET(out->length);
	out->arena.spent = &spent;
	/* Nothing set before setjmp() is changed after it: out is only read. */
	if (setjmp(spent) != 0) {
		out->output = NULL;
		return "the page's markup is too complex to parse";
	}
	out->output = gumbo_parse_with_options(&options, out->text, out->length);
	out->arena.spent = NULL;
	return NULL;
}

void
extract_parsed_free(struct extract_parsed *p)
{
	arena_free(&p->arena);
	free(p->text);
	memset(p, 0, sizeof *p);
}

const char *
extract_attribute(const GumboNode *g, const char *name)
{
	GumboAttribute *a;

	if (g->type != GUMBO_NODE_ELEMENT)
		return NULL;
	a = gumbo_get_attribute(&g->v.element.attributes, name);
	return a != NULL ? a->value : NULL;
}

const GumboNode *
extract_child_element(const GumboNode *g, GumboTag tag)
{
	const GumboVector *children = &g->v.element.children;
	const GumboNode *c;
	unsigned i;

	for (i = 0; i < children->length; i++) {
		c = children->data[i];
		if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == tag)
			return c;
	}
	return NULL;
}

/* ---------------------------------------------------------------------
 * Text as people read it: white space runs collapse to one space (U+00A0
 * too: pages use "&nbsp;" paragraphs as spacers), and characters that could
 * drive a terminal or disguise text go: C0 and C1 controls, DEL, and the
 * bidi embeddings, overrides and isolates (as sanitize.c does for lines).
 */

/* True when the character at p (valid UTF-8) is one to drop; *skip gets its
 * length. */
bool
extract_is_unsafe(const unsigned char *p, size_t left, size_t *skip)
{
	*skip = 1;
	if (p[0] < 0x20 || p[0] == 0x7f)
		return !html_is_space(p[0]);
	if (p[0] == 0xc2 && left >= 2 && p[1] >= 0x80 && p[1] <= 0x9f) {
		*skip = 2;
		return true;
	}
	if (p[0] == 0xe2 && left >= 3 &&
	    ((p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae) ||
	    (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9))) {
		*skip = 3;
		return true;
	}
	return false;
}

/* Length in bytes of the white space at p (ASCII or U+00A0), 0 if none. */
size_t
extract_space_length(const unsigned char *p, size_t left)
{
	if (html_is_space(p[0]))
		return 1;
	if (p[0] == 0xc2 && left >= 2 && p[1] == 0xa0)
		return 2;
	return 0;
}

/* Append s collapsed (see above) to out; *space says a space is due and is
 * updated. Leading space is dropped when out is empty. */
void
extract_append_collapsed(struct buf *out, const char *s, bool *space)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t left = strlen(s), n, skip;

	while (left > 0) {
		if ((n = extract_space_length(p, left)) > 0) {
			*space = out->len > 0;
			p += n;
			left -= n;
			continue;
		}
		if (extract_is_unsafe(p, left, &skip)) {
			p += skip;
			left -= skip;
			continue;
		}
		if (*space) {
			buf_append_char(out, ' ');
			*space = false;
		}
		buf_append(out, p, 1);
		p++;
		left--;
	}
}

/* The collapsed text of a gumbo subtree (iteratively; no recursion). */
char *
extract_gumbo_text(const GumboNode *root)
{
	struct buf out = BUF_INIT;
	const GumboNode **stack;
	size_t n = 0, cap = 64, i;
	const GumboNode *g;
	const GumboVector *children;
	bool space = false;

	stack = xreallocarray(NULL, cap, sizeof *stack);
	stack[n++] = root;
	while (n > 0) {
		g = stack[--n];
		if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
		    g->type == GUMBO_NODE_CDATA) {
			extract_append_collapsed(&out, g->v.text.text, &space);
			continue;
		}
		if (g->type != GUMBO_NODE_ELEMENT)
			continue;
		children = &g->v.element.children;
		if (n + children->length > cap) {
			cap = n + children->length + 64;
			stack = xreallocarray(stack, cap, sizeof *stack);
		}
		for (i = children->length; i > 0; i--)
			stack[n++] = children->data[i - 1];
	}
	free(stack);
	return buf_detach(&out);
}
