/* parse-xml.c: the parser's XML back end, for RSS and Atom: the byte
 * pipeline into expat, namespaces, xml:base, element dispatch to the format
 * tables and text capture. The formats' own rules live in parse-rss.c,
 * parse-atom.c and parse-ext.c; sniffing and the feed model in parse.c and
 * parse-model.c.
 *
 * Bytes go through three stages after the front end's sniff, each
 * streaming, chunk by chunk:
 *   1. decode: the charset is the byte-order mark's, then the XML
 *      declaration's, then HTTP's Content-Type, then UTF-8; anything not
 *      UTF-8 is converted with iconv; UTF-8 is checked and invalid bytes
 *      become U+FFFD, so a bad byte never rejects a feed;
 *   2. repair (see repair.h): what would make expat stop for good is
 *      mended in the stream: a bare '&' or '<', "&#X", references to
 *      characters XML forbids, and element names in mixed case (<Title>
 *      closed by </title>); white space or junk before the first '<' is
 *      dropped;
 *   3. expat, created with its encoding forced to UTF-8, reading the HTML
 *      entity set as a foreign DTD so that &nbsp; and friends are defined.
 * Whatever is still broken stops expat; every item completed before that
 * point has already been handed out, so a truncated feed keeps its items. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "parse-internal.h"
#include "text.h"
#include "url.h"
#include "xmalloc.h"

#define RSS090_NAMESPACE "http://my.netscape.com/rdf/simple/0.9/"

static void XMLCALL start_element(void *, const XML_Char *, const XML_Char **);
static void XMLCALL end_element(void *, const XML_Char *);
static void XMLCALL character_data(void *, const XML_Char *, int);

/* ---- namespaces ---- */

static const struct {
	const char	*uri;
	enum ns		 ns;
	bool		 atom10;
} known_namespaces[] = {
	{ "http://www.w3.org/2005/Atom", NS_ATOM, true },
	{ "http://purl.org/atom/ns#", NS_ATOM, false },
	{ "http://purl.org/pie/", NS_ATOM, false },
	{ "http://purl.org/echo/", NS_ATOM, false },
	{ "http://example.com/newformat#", NS_ATOM, false },
	{ "http://example.com/necho", NS_ATOM, false },
	{ "http://purl.org/rss/1.0/", NS_RSS, false },
	{ RSS090_NAMESPACE, NS_RSS, false },
	{ "http://backend.userland.com/rss2", NS_RSS, false },
	{ "http://backend.userland.com/rss", NS_RSS, false },
	{ "http://backend.userland.com/rss2.1", NS_RSS, false },
	{ "http://blogs.law.harvard.edu/tech/rss", NS_RSS, false },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF, false },
	{ "http://purl.org/dc/elements/1.1/", NS_DC, false },
	{ "http://purl.org/dc/terms/", NS_DCTERMS, false },
	{ "http://purl.org/rss/1.0/modules/content/", NS_CONTENT, false },
	{ "http://search.yahoo.com/mrss/", NS_MEDIA, false },
	{ "http://search.yahoo.com/mrss", NS_MEDIA, false },
	{ "http://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES, false },
	{ "http://www.google.com/schemas/play-podcasts/1.0", NS_GOOGLEPLAY, false },
	{ "http://purl.org/rss/1.0/modules/syndication/", NS_SY, false },
	{ "http://www.w3.org/1999/xhtml", NS_XHTML, false },
	{ "http://www.w3.org/XML/1998/namespace", NS_XML, false },
};

/* What an undeclared prefix usually means in real feeds. */
static const struct {
	const char	*prefix;
	enum ns		 ns;
} usual_prefixes[] = {
	{ "atom", NS_ATOM }, { "content", NS_CONTENT }, { "dc", NS_DC },
	{ "dcterms", NS_DCTERMS }, { "googleplay", NS_GOOGLEPLAY }, { "itunes", NS_ITUNES }, { "media", NS_MEDIA },
	{ "rdf", NS_RDF }, { "sy", NS_SY }, { "xhtml", NS_XHTML }, { "xml", NS_XML },
};

static struct binding
namespace_of_uri(const char *uri)
{
	struct binding b = { NULL, NS_OTHER, false };
	size_t i;

	if (uri[0] == '\0') {
		b.ns = NS_NONE;
		return b;
	}
	for (i = 0; i < sizeof(known_namespaces) / sizeof(known_namespaces[0]); i++) {
		/* iTunes' URI is spelled with "DTDs" as often as "dtds". */
		if (ascii_casecmp(uri, known_namespaces[i].uri) == 0) {
			b.ns = known_namespaces[i].ns;
			b.is_atom10 = known_namespaces[i].atom10;
			return b;
		}
	}
	return b;
}

static void
bind_namespace(struct parser *p, const char *prefix, const char *uri)
{
	struct binding b = namespace_of_uri(uri);

	/* A root element in an unknown namespace (Atom's pre-release names,
	 * RSS in a private namespace) makes that namespace the format's own. */
	if (b.ns == NS_OTHER && !p->root_seen && prefix[0] == '\0')
		b.ns = NS_NONE;
	if (p->nbindings == p->bindings_cap) {
		p->bindings_cap = p->bindings_cap ? p->bindings_cap * 2 : 16;
		p->bindings = xreallocarray(p->bindings, p->bindings_cap, sizeof(*p->bindings));
	}
	b.prefix = xstrdup(prefix);
	p->bindings[p->nbindings++] = b;
}

static const struct binding *
lookup_prefix(const struct parser *p, const char *prefix, size_t len)
{
	size_t i;

	for (i = p->nbindings; i > 0; i--) {
		const struct binding *b = &p->bindings[i - 1];

		if (strlen(b->prefix) == len && memcmp(b->prefix, prefix, len) == 0)
			return b;
	}
	return NULL;
}

/* Split a qualified name into its namespace and local name. */
static enum ns
resolve_name(const struct parser *p, const char *qname, const char **local, bool *atom10)
{
	const char *colon = strchr(qname, ':');
	const struct binding *b;
	size_t i, len;

	*atom10 = false;
	if (colon == NULL) {
		*local = qname;
		b = lookup_prefix(p, "", 0);
		if (b == NULL)
			return NS_NONE;
		*atom10 = b->is_atom10;
		return b->ns;
	}
	*local = colon + 1;
	len = (size_t)(colon - qname);
	b = lookup_prefix(p, qname, len);
	if (b != NULL) {
		*atom10 = b->is_atom10;
		return b->ns;
	}
	for (i = 0; i < sizeof(usual_prefixes) / sizeof(usual_prefixes[0]); i++) {
		if (strlen(usual_prefixes[i].prefix) == len &&
		    ascii_ncasecmp(usual_prefixes[i].prefix, qname, len) == 0) {
			*atom10 = usual_prefixes[i].ns == NS_ATOM;
			return usual_prefixes[i].ns;
		}
	}
	return NS_OTHER;
}

/* ---- element tables ---- */

static int
element_compare(const void *key, const void *member)
{
	const struct element *k = key, *m = member;

	if (k->ns != m->ns)
		return k->ns < m->ns ? -1 : 1;
	/* Feeds in the wild write <TiTlE> and <pubdate>; names match in any case. */
	return ascii_casecmp(k->name, m->name);
}

static const struct element *
find_element(const struct parser *p, enum ns ns, const char *local)
{
	struct element key = { ns, local, NULL, NULL, CT_TEXT, VALUE_NONE, NO_FIELD, 0, NO_FIELD, 0 };
	const struct element *table;
	size_t n;

	switch (ns) {
	case NS_NONE:
		/* Un-namespaced elements belong to the document's format: RSS
		 * 0.9x/2.0, or an Atom feed written without its namespace. */
		if (p->feed.format == FEED_FORMAT_ATOM03 || p->feed.format == FEED_FORMAT_ATOM10) {
			key.ns = NS_ATOM;
			table = parse_atom_elements;
			n = parse_atom_nelements;
		} else {
			key.ns = NS_RSS;
			table = parse_rss_elements;
			n = parse_rss_nelements;
		}
		break;
	case NS_RSS:
		table = parse_rss_elements;
		n = parse_rss_nelements;
		break;
	case NS_ATOM:
		table = parse_atom_elements;
		n = parse_atom_nelements;
		break;
	default:
		table = parse_ext_elements;
		n = parse_ext_nelements;
		break;
	}
	return bsearch(&key, table, n, sizeof(*table), element_compare);
}

/* ---- helpers for the handlers ---- */

const char *
parse_attr(const XML_Char **attrs, const char *name)
{
	size_t i;

	for (i = 0; attrs[i] != NULL; i += 2) {
		if (strcmp(attrs[i], name) == 0)
			return attrs[i + 1];
	}
	return NULL;
}

enum kind
parse_parent_kind(const struct parser *p)
{
	return p->depth >= 2 ? p->frames[p->depth - 2].kind : KIND_OTHER;
}

void
parse_set_kind(struct parser *p, enum kind kind)
{
	p->frames[p->depth - 1].kind = kind;
}

bool
parse_is_atom03(const struct parser *p)
{
	return p->feed.format == FEED_FORMAT_ATOM03;
}

void
parse_capture(struct parser *p, enum content_type ctype, bool base64_html)
{
	struct frame *f = &p->frames[p->depth - 1];

	if (p->capturing)
		return;
	f->ctype = ctype;
	f->base64_html = base64_html;
	p->capturing = true;
	p->capture_depth = p->depth;
	/* XHTML and XML content is markup from the start: its text is escaped. */
	p->text_markup = ctype == CT_XHTML || ctype == CT_XML;
	p->text_truncated = false;
	p->skip_div_depth = 0;
	buf_reset(&p->text);
}

char *
parse_resolve(const struct parser *p, const char *ref)
{
	const char *base = p->depth > 0 ? p->frames[p->depth - 1].base : p->url;

	return url_resolve(base, ref);
}

static int
base64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return -1;
}

/* Decode base64, skipping white space and stopping at '='; invalid UTF-8 in
 * the result is repaired, since it goes where only valid UTF-8 may go. */
static char *
base64_decode(const char *s)
{
	struct buf raw = BUF_INIT, out = BUF_INIT;
	struct utf8_repair r = { { 0 }, 0 };
	unsigned long acc = 0;
	int bits = 0, v;

	for (; *s != '\0' && *s != '='; s++) {
		if ((v = base64_value((unsigned char)*s)) < 0)
			continue;
		acc = (acc << 6) | (unsigned long)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_append_char(&raw, (char)((acc >> bits) & 0xff));
		}
	}
	encoding_utf8_repair(&r, buf_str(&raw), raw.len, true, &out);
	buf_free(&raw);
	return buf_detach(&out);
}

static char *
take_text(char **text)
{
	char *s = *text;

	*text = NULL;
	return s != NULL ? s : xstrdup("");
}

char *
parse_plain_value(struct parser *p, char **text)
{
	const struct frame *f = &p->frames[p->depth - 1];
	char *s = take_text(text), *plain;
	bool html;

	switch (f->ctype) {
	case CT_BASE64:
		plain = base64_decode(s);
		free(s);
		s = plain;
		html = f->base64_html;
		break;
	case CT_RSS:
		html = p->text_markup || text_looks_like_html(s);
		break;
	case CT_TEXT:
		html = p->text_markup;
		break;
	default:
		html = true;
		break;
	}
	if (!html)
		return text_collapse_space(s);
	plain = text_from_html(s);
	free(s);
	return plain;
}

char *
parse_html_value(struct parser *p, char **text)
{
	const struct frame *f = &p->frames[p->depth - 1];
	char *s = take_text(text), *decoded;

	if (f->ctype == CT_BASE64) {
		decoded = base64_decode(s);
		free(s);
		return decoded;
	}
	return s;
}

void
parse_atom_content_type(struct parser *p, const XML_Char **attrs)
{
	const char *type = parse_attr(attrs, "type");
	const char *mode = parse_attr(attrs, "mode");
	bool html;

	if (type == NULL || *type == '\0' || ascii_casecmp(type, "text") == 0 || ascii_casecmp(type, "text/plain") == 0)
		html = false;
	else if (ascii_casecmp(type, "html") == 0 || ascii_casecmp(type, "text/html") == 0)
		html = true;
	else if (ascii_casecmp(type, "xhtml") == 0) {
		parse_capture(p, CT_XHTML, true);
		return;
	} else if (ascii_casecmp(type, "application/xhtml+xml") == 0) {
		/* Atom 0.3's spelling: the children as they are, wrapper too. */
		parse_capture(p, mode != NULL && ascii_casecmp(mode, "escaped") == 0 ?
		    CT_HTML : CT_XML, true);
		return;
	} else if (ascii_ncasecmp(type, "text/", 5) != 0 && strstr(type, "xml") == NULL) {
		/* RFC 4287 4.1.3.3: other media types are base64-encoded. */
		parse_capture(p, CT_BASE64, false);
		return;
	} else
		html = false;
	if (mode != NULL && ascii_casecmp(mode, "base64") == 0)
		parse_capture(p, CT_BASE64, html);
	else if (mode != NULL && ascii_casecmp(mode, "xml") == 0)
		parse_capture(p, CT_XML, true);
	else
		parse_capture(p, html ? CT_HTML : CT_TEXT, html);
}

/* ---- field elements: the common case, driven by their table row ---- */

void
parse_field_start(struct parser *p, const XML_Char **attrs)
{
	const struct element *e = p->frames[p->depth - 1].element;

	(void)attrs;
	parse_capture(p, e->capture, e->capture != CT_TEXT);
}

static char *
field_value(struct parser *p, enum value_kind kind, char **text)
{
	char *value, *resolved;

	switch (kind) {
	case VALUE_HTML:
		return parse_html_value(p, text);
	case VALUE_AUTHOR:
		return parse_author_name(parse_plain_value(p, text));
	case VALUE_LINK:
		value = parse_plain_value(p, text);
		if (value[0] == '\0')
			return value;
		resolved = parse_resolve(p, value);
		free(value);
		return resolved;
	default:
		return parse_plain_value(p, text);
	}
}

void
parse_item_element_end(struct parser *p, char **text)
{
	(void)text;
	if (p->frames[p->depth - 1].kind == KIND_ITEM)
		parse_item_end(p);
}

void
parse_field_end(struct parser *p, char **text)
{
	const struct element *e = p->frames[p->depth - 1].element;
	enum kind parent = parse_parent_kind(p);
	char *value;

	/* Media RSS puts item fields in a media:group too. */
	if ((parent == KIND_ITEM || parent == KIND_MEDIA_GROUP) && e->item_field != NO_FIELD) {
		if (e->value == VALUE_DATE) {
			parse_set_item_date(p, (enum item_field)e->item_field, e->item_prio, *text);
		} else if (e->value == VALUE_CATEGORY) {
			value = parse_plain_value(p, text);
			if (value[0] != '\0')
				item_add_category(&p->item, value);
			free(value);
		} else if (e->item_field == IF_AUTHOR)
			parse_add_author(p, true, e->item_prio, e, field_value(p, e->value, text));
		else
			parse_set_item(p, (enum item_field)e->item_field, e->item_prio,
			    field_value(p, e->value, text));
	} else if (parent == KIND_CHANNEL && e->feed_field != NO_FIELD) {
		if (e->value == VALUE_DATE)
			parse_set_feed_date(p, e->feed_prio, *text);
		else if (e->feed_field == FF_AUTHOR)
			parse_add_author(p, false, e->feed_prio, e, field_value(p, e->value, text));
		else
			parse_set_feed(p, (enum feed_field)e->feed_field, e->feed_prio,
			    field_value(p, e->value, text));
	}
}

/* ---- expat callbacks ---- */

static void
stop(struct parser *p, char *message)
{
	parse_stop(p, message);
	XML_StopParser(p->xp, XML_FALSE);
}

/* Append text to the capture, escaping it once markup is being serialized. */
static void
capture_text(struct parser *p, const char *s, size_t len, bool escape)
{
	size_t i, run = 0;

	if (p->text.len + len > p->max_text) {
		p->text_truncated = true;
		len = p->text.len < p->max_text ? p->max_text - p->text.len : 0;
	}
	if (!escape) {
		buf_append(&p->text, s, len);
		return;
	}
	for (i = 0; i < len; i++) {
		const char *rep;

		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		default: continue;
		}
		buf_append(&p->text, s + run, i - run);
		buf_append_str(&p->text, rep);
		run = i + 1;
	}
	buf_append(&p->text, s + run, len - run);
}

/* The first child element of a captured element: from here on the capture
 * holds markup, so what was captured as plain text so far is escaped. */
static void
switch_to_markup(struct parser *p)
{
	char *plain;

	if (p->text_markup)
		return;
	p->text_markup = true;
	plain = buf_detach(&p->text);
	capture_text(p, plain, strlen(plain), true);
	free(plain);
}

static void
serialize_start(struct parser *p, const XML_Char *name, const XML_Char **attrs,
    enum ns ns, const char *local)
{
	size_t i;

	switch_to_markup(p);
	/* Elements from other vocabularies (svg:svg, xhtml:p) are written with
	 * their local name, as HTML consumers expect; attributes as written. */
	buf_append_char(&p->text, '<');
	buf_append_str(&p->text, ns == NS_NONE ? name : local);
	for (i = 0; attrs[i] != NULL; i += 2) {
		buf_append_char(&p->text, ' ');
		buf_append_str(&p->text, attrs[i]);
		buf_append_str(&p->text, "=\"");
		capture_text(p, attrs[i + 1], strlen(attrs[i + 1]), true);
		buf_append_char(&p->text, '"');
	}
	buf_append_char(&p->text, '>');
}

static bool
is_blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

static void
push_frame(struct parser *p, const struct element *element)
{
	struct frame *f;

	if (p->depth == p->frames_cap) {
		p->frames_cap = p->frames_cap ? p->frames_cap * 2 : 32;
		p->frames = xreallocarray(p->frames, p->frames_cap, sizeof(*p->frames));
	}
	f = &p->frames[p->depth];
	f->element = element;
	f->kind = KIND_OTHER;
	f->base = p->depth > 0 ? p->frames[p->depth - 1].base : p->url;
	f->base_owned = false;
	f->nbindings = p->nbindings;
	f->ctype = CT_TEXT;
	f->base64_html = false;
	f->state = 0;
	p->depth++;
}

static void
detect_format(struct parser *p, enum ns ns, bool atom10, const char *local, const XML_Char **attrs)
{
	const char *version = parse_attr(attrs, "version");

	if (ascii_casecmp(local, "rss") == 0 && (ns == NS_NONE || ns == NS_RSS)) {
		if (version != NULL && strncmp(version, "0.9", 3) == 0)
			p->feed.format = FEED_FORMAT_RSS09;
		else
			p->feed.format = FEED_FORMAT_RSS20;
	} else if (ascii_casecmp(local, "RDF") == 0 && (ns == NS_RDF || ns == NS_OTHER || ns == NS_NONE)) {
		const char *xmlns = parse_attr(attrs, "xmlns");

		/* RSS 0.90 and 1.0 share the RDF root; the default namespace tells. */
		p->feed.format = xmlns != NULL && strcmp(xmlns, RSS090_NAMESPACE) == 0 ?
		    FEED_FORMAT_RSS09 : FEED_FORMAT_RSS10;
	} else if (ascii_casecmp(local, "feed") == 0 && (ns == NS_ATOM || ns == NS_NONE)) {
		p->feed.format = atom10 ? FEED_FORMAT_ATOM10 : FEED_FORMAT_ATOM03;
		if (ns == NS_NONE && (version == NULL || strcmp(version, "0.3") != 0))
			p->feed.format = FEED_FORMAT_ATOM10;
	} else if (ascii_casecmp(local, "entry") == 0 && ns == NS_ATOM) {
		/* An Atom Entry Document (RFC 4287 5.1): a feed of that one entry. */
		p->feed.format = atom10 ? FEED_FORMAT_ATOM10 : FEED_FORMAT_ATOM03;
		p->entry_root = true;
	} else if (ascii_casecmp(local, "channel") == 0 && (ns == NS_NONE || ns == NS_RSS)) {
		p->feed.format = FEED_FORMAT_RSS20;	/* a bare channel: broken RSS */
	} else {
		stop(p, xasprintf("not a feed: the root element is <%s>", local));
		return;
	}
	p->is_feed = true;
}

static void XMLCALL
start_element(void *data, const XML_Char *name, const XML_Char **attrs)
{
	struct parser *p = data;
	const struct element *element = NULL;
	const char *local, *base = NULL, *lang = NULL;
	bool atom10;
	enum ns ns;
	size_t i;

	if (p->state == STATE_STOPPED)
		return;
	if (p->depth >= p->max_depth) {
		stop(p, xasprintf("elements nested deeper than %zu", p->max_depth));
		return;
	}
	push_frame(p, NULL);
	for (i = 0; attrs[i] != NULL; i += 2) {
		const char *a = attrs[i];

		if (strncmp(a, "xmlns", 5) == 0 && (a[5] == '\0' || a[5] == ':'))
			bind_namespace(p, a[5] == ':' ? a + 6 : "", attrs[i + 1]);
		else if (strcmp(a, "xml:base") == 0)
			base = attrs[i + 1];
		else if (strcmp(a, "xml:lang") == 0)
			lang = attrs[i + 1];
	}
	if (base != NULL) {
		struct frame *f = &p->frames[p->depth - 1];

		f->base = url_resolve(f->base, base);
		f->base_owned = true;
	}
	ns = resolve_name(p, name, &local, &atom10);

	if (!p->root_seen) {
		p->root_seen = true;
		detect_format(p, ns, atom10, local, attrs);
		if (p->state == STATE_STOPPED)
			return;
		if (lang != NULL)
			p->root_lang = xstrdup(lang);
		if (p->entry_root) {
			/* The root is the item: its end handler ends the item. */
			p->frames[0].element = find_element(p, NS_ATOM, "entry");
			parse_set_kind(p, KIND_ITEM);
			parse_item_begin(p);
			return;
		}
		parse_set_kind(p, p->feed.format == FEED_FORMAT_ATOM03 ||
		    p->feed.format == FEED_FORMAT_ATOM10 ? KIND_CHANNEL : KIND_ROOT);
		return;
	}

	if (p->capturing) {
		const struct frame *cf = &p->frames[p->capture_depth - 1];

		/* Atom 1.0 xhtml content: the wrapper div is not part of it. */
		if (cf->ctype == CT_XHTML && p->depth == p->capture_depth + 1 &&
		    p->skip_div_depth == 0 && strcmp(local, "div") == 0 && ns == NS_XHTML &&
		    is_blank(buf_str(&p->text))) {
			p->skip_div_depth = p->depth;
			buf_reset(&p->text);
			return;
		}
		serialize_start(p, name, attrs, ns, local);
		return;
	}

	element = find_element(p, ns, local);
	p->frames[p->depth - 1].element = element;
	if (element != NULL && element->start != NULL)
		element->start(p, attrs);
}

static void XMLCALL
end_element(void *data, const XML_Char *name)
{
	struct parser *p = data;
	struct frame *f;
	char *text = NULL;

	if (p->state == STATE_STOPPED || p->depth == 0)
		return;
	f = &p->frames[p->depth - 1];
	if (p->capturing && p->depth > p->capture_depth) {
		if (p->depth != p->skip_div_depth) {
			const char *colon = strchr(name, ':');
			const char *local = colon != NULL ? colon + 1 : name;

			buf_append_str(&p->text, "</");
			buf_append_str(&p->text, local);
			buf_append_char(&p->text, '>');
		} else
			p->skip_div_depth = 0;
	} else {
		if (p->capturing && p->depth == p->capture_depth) {
			p->capturing = false;
			text = buf_detach(&p->text);
		}
		if (f->element != NULL && f->element->end != NULL)
			f->element->end(p, &text);
		free(text);
	}
	if (p->depth == 1)
		p->root_closed = true;
	while (p->nbindings > f->nbindings) {
		p->nbindings--;
		free(p->bindings[p->nbindings].prefix);
	}
	if (f->base_owned)
		free((char *)f->base);
	p->depth--;
}

static void XMLCALL
character_data(void *data, const XML_Char *s, int len)
{
	struct parser *p = data;

	if (p->capturing && p->state != STATE_STOPPED)
		capture_text(p, s, (size_t)len, p->text_markup);
}

/* An entity neither XML nor HTML defines: keep it as it was written. */
static void XMLCALL
skipped_entity(void *data, const XML_Char *name, int is_parameter)
{
	struct parser *p = data;

	if (is_parameter || !p->capturing)
		return;
	buf_append_char(&p->text, '&');
	buf_append_str(&p->text, name);
	buf_append_char(&p->text, ';');
}

/* Called for the document's external DTD (the foreign one we asked for, or
 * one named in a DOCTYPE) and for external entities. Nothing is ever loaded:
 * the DTD subset always gets our own built-in HTML entity declarations, and
 * external general entities expand to nothing. */
static int XMLCALL
external_entity(XML_Parser xp, const XML_Char *context, const XML_Char *base,
    const XML_Char *system_id, const XML_Char *public_id)
{
	struct parser *p = XML_GetUserData(xp);
	XML_Parser dtd;
	enum XML_Status status;

	(void)base;
	(void)system_id;
	(void)public_id;
	if (context != NULL || p->dtd_loaded)
		return XML_STATUS_OK;
	p->dtd_loaded = true;
	dtd = XML_ExternalEntityParserCreate(xp, NULL, NULL);
	if (dtd == NULL)
		return XML_STATUS_ERROR;
	status = XML_Parse(dtd, text_html_entities_dtd, (int)strlen(text_html_entities_dtd), XML_TRUE);
	XML_ParserFree(dtd);
	return status == XML_STATUS_OK ? XML_STATUS_OK : XML_STATUS_ERROR;
}

/* ---- the byte pipeline ---- */

static void
feed_expat(struct parser *p, const char *data, size_t len, bool final)
{
	enum XML_Error code;

	while (p->state == STATE_READING && (len > 0 || final)) {
		/* expat takes an int; feed huge chunks in slices. */
		int n = len > (1u << 30) ? 1 << 30 : (int)len;
		bool last = final && (size_t)n == len;

		if (XML_Parse(p->xp, data, n, last) == XML_STATUS_ERROR) {
			if (p->state == STATE_STOPPED)
				return;
			code = XML_GetErrorCode(p->xp);
			/* Garbage after the root element ends the feed, nothing more. */
			if (p->root_closed) {
				p->state = STATE_STOPPED;
				return;
			}
			if (code == XML_ERROR_NO_ELEMENTS && !p->root_seen) {
				p->error = xstrdup("not a feed: no XML element found");
				p->state = STATE_STOPPED;
				return;
			}
			/* The first error stands, as in stop(): the items cap
			 * may have been reported already. */
			if (p->error == NULL)
				p->error = xasprintf("%s%s at line %lu, column %lu",
				    p->root_seen ? "" : "not a feed: ", XML_ErrorString(code),
				    (unsigned long)XML_GetCurrentLineNumber(p->xp),
				    (unsigned long)XML_GetCurrentColumnNumber(p->xp));
			p->state = STATE_STOPPED;
			return;
		}
		data += n;
		len -= (size_t)n;
		if (last)
			break;
	}
}

static void
repair_and_parse(struct parser *p, const char *data, size_t len, bool final)
{
	const char *lt;

	/* White space or junk before the XML declaration or the root element
	 * (blank lines a CMS printed first) would stop expat at once. */
	if (!p->document_started) {
		lt = len > 0 ? memchr(data, '<', len) : NULL;
		if (lt == NULL) {
			len = 0;
		} else {
			len -= (size_t)(lt - data);
			data = lt;
			p->document_started = true;
		}
	}
	buf_reset(&p->repaired);
	repair_filter(&p->repair, data, len, final, &p->repaired);
	feed_expat(p, buf_str(&p->repaired), p->repaired.len, final);
}

/* Once transcoded, the document's XML declaration names a charset it is no
 * longer in, and some labels ("437") are not even valid XML names, which
 * expat rejects before any override applies: drop the declaration. */
static void
drop_declaration(struct buf *b)
{
	const char *s = buf_str(b), *end;

	if (strncmp(s, "<?xml", 5) != 0 || (s[5] != ' ' && s[5] != '\t' && s[5] != '\r' && s[5] != '\n'))
		return;
	if ((end = strstr(s, "?>")) != NULL)
		buf_consume(b, (size_t)(end + 2 - s));
}

static void
decode_and_parse(struct parser *p, const char *data, size_t len, bool final)
{
	if (p->decoder != NULL) {
		buf_reset(&p->decoded);
		encoding_decode(p->decoder, data, len, final, &p->decoded);
		if (!p->declaration_dropped) {
			p->declaration_dropped = true;
			drop_declaration(&p->decoded);
		}
		repair_and_parse(p, buf_str(&p->decoded), p->decoded.len, final);
		return;
	}
	/* UTF-8: pass valid input through untouched, the common case. */
	if (p->utf8.npending == 0 && encoding_utf8_valid_prefix(data, len) == len) {
		repair_and_parse(p, data, len, final);
		return;
	}
	buf_reset(&p->decoded);
	encoding_utf8_repair(&p->utf8, data, len, final, &p->decoded);
	repair_and_parse(p, buf_str(&p->decoded), p->decoded.len, final);
}


/* The first chunk holds the sniffed bytes: the charset is chosen from them
 * (byte-order mark, XML declaration, Content-Type), and expat is made. */
static int
xml_begin(struct parser *p, const char *data, size_t len, size_t *bom)
{
	char label[64];
	bool declared;

	p->xp = XML_ParserCreate("UTF-8");
	if (p->xp == NULL) {
		parse_stop(p, xstrdup("out of memory for the XML parser"));
		return -1;
	}
	XML_SetUserData(p->xp, p);
	XML_SetElementHandler(p->xp, start_element, end_element);
	XML_SetCharacterDataHandler(p->xp, character_data);
	XML_SetSkippedEntityHandler(p->xp, skipped_entity);
	XML_SetExternalEntityRefHandler(p->xp, external_entity);
	XML_SetParamEntityParsing(p->xp, XML_PARAM_ENTITY_PARSING_ALWAYS);
	XML_UseForeignDTD(p->xp, XML_TRUE);
	repair_init(&p->repair);

	*bom = 0;
	declared = encoding_sniff(data, len, label, sizeof(label), bom);
	if (!declared && p->http_charset != NULL) {
		snprintf(label, sizeof(label), "%s", p->http_charset);
		declared = true;
	}
	if (declared && !encoding_is_utf8(label)) {
		p->decoder = encoding_decoder_new(label);
		/* An unknown label: read it as UTF-8, repairing what is not. */
	}
	return 0;
}

/* Whatever is not JSON is read as XML (or found not to be a feed). */
static bool
xml_detect(const char *data, size_t len)
{
	(void)data;
	(void)len;
	return true;
}

static void
xml_chunk(struct parser *p, const char *data, size_t len)
{
	size_t bom = 0;

	if (p->xp == NULL && xml_begin(p, data, len, &bom) == -1)
		return;
	decode_and_parse(p, data + bom, len - bom, false);
}

static void
xml_finish(struct parser *p)
{
	decode_and_parse(p, NULL, 0, true);
}

static void
xml_free(struct parser *p)
{
	while (p->depth > 0) {
		p->depth--;
		if (p->frames[p->depth].base_owned)
			free((char *)p->frames[p->depth].base);
	}
	while (p->nbindings > 0)
		free(p->bindings[--p->nbindings].prefix);
	free(p->bindings);
	free(p->frames);
	if (p->xp != NULL)
		XML_ParserFree(p->xp);
	encoding_decoder_free(&p->decoder);
	repair_free(&p->repair);
	buf_free(&p->decoded);
	buf_free(&p->repaired);
	buf_free(&p->text);
	free(p->person_name);
	free(p->person_email);
}

const struct parse_backend parse_xml_backend = {
	"XML", xml_detect, xml_chunk, xml_finish, xml_free,
};
