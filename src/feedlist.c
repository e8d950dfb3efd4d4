/* feedlist.c: newsboat urls files and OPML 1.0/2.0 to a list of feeds, and
 * the list back to OPML 2.0. No database, no network, no file access here. */
#include "config.h"

#include <expat.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ascii.h"
#include "buf.h"
#include "feedlist.h"
#include "sanitize.h"
#include "utf8.h"
#include "xmalloc.h"

/* How much of the input expat gets per call: XML_Parse takes an int length. */
#define PARSE_CHUNK (1024 * 1024)

/* How much of a bad URL or element name an error message quotes. */
#define QUOTE_MAX 80

enum format {
	FORMAT_URLS,
	FORMAT_OPML,		/* or XML whose root expat must check */
	FORMAT_OTHER_XML	/* XML whose root element is not <opml> */
};

/* The state of one OPML parse. */
struct opml {
	XML_Parser	 parser;
	struct feedlist	*list;
	size_t		 depth;
	/* The tag each open element gives the feeds inside it: the title of a
	 * folder outline, NULL for everything else. */
	char		*folders[FEEDLIST_MAX_DEPTH];
	/* An open outline without xmlUrl that holds no outline yet, and its
	 * line: at its end it is a feed that lost its URL, or an empty
	 * folder, and is counted as skipped. */
	bool		 bare[FEEDLIST_MAX_DEPTH];
	unsigned long	 bare_line[FEEDLIST_MAX_DEPTH];
	char		*error;
};

static int __attribute__((format(printf, 2, 3)))
fail(char **err, const char *fmt, ...)
{
	va_list	ap;

	if (err != NULL) {
		va_start(ap, fmt);
		*err = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return -1;
}

static void __attribute__((format(printf, 2, 3)))
add_warning(struct feedlist *list, const char *fmt, ...)
{
	va_list	ap;

	if (list->n_warnings >= FEEDLIST_MAX_WARNINGS)
		return;
	list->warnings = xreallocarray(list->warnings, list->n_warnings + 1,
	    sizeof(*list->warnings));
	va_start(ap, fmt);
	list->warnings[list->n_warnings++] = xvasprintf(fmt, ap);
	va_end(ap);
}

/*
 * UTF-8 and cleaning.
 */

/* Whether the list drops cp from a title or tag, or refuses a URL with it:
 * controls (C0, DEL, C1), the bidi controls that reorder the text around
 * them, and the noncharacters U+FFFE and U+FFFF (which XML 1.0 cannot
 * hold, so an OPML export would lose them). */
static bool
is_unwanted(unsigned long cp)
{
	return sanitize_is_control(cp) || sanitize_is_bidi_control(cp) ||
	    cp == 0xfffe || cp == 0xffff;
}

/* A title or tag as the list keeps it: invalid UTF-8 replaced by U+FFFD,
 * unwanted characters (above) dropped, runs of white space made one space,
 * both ends trimmed. NULL when nothing is left. */
static char *
clean_text(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	struct buf		 b = BUF_INIT;
	bool			 space = false;
	unsigned long		 cp;
	size_t			 i, n;

	if (s == NULL)
		return NULL;
	for (i = 0; i < len; i += n) {
		n = utf8_decode(u + i, len - i, &cp);
		if (n == 1 && ascii_is_space((int)cp)) {
			space = true;
			continue;
		}
		if (n != 0 && is_unwanted(cp))
			continue;
		if (space && b.len > 0)
			buf_append_char(&b, ' ');
		space = false;
		if (n == 0) {
			buf_append_utf8(&b, 0xfffd);
			n = 1;
		} else
			buf_append(&b, s + i, n);
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* A URL the list accepts, trimmed and copied, or NULL: http:// and https://
 * with a host, or file:// (RFC 8089) with a path; no white space or control
 * characters (RFC 3986 has no room for them) and valid UTF-8 (an IRI). */
static const struct {
	const char	*prefix;
	bool		 needs_host;
} url_schemes[] = {
	{ "http://", true },
	{ "https://", true },
	{ "file://", false },	/* file:///path has an empty host */
};

static char *
clean_url(const char *s, size_t len)
{
	const unsigned char	*u;
	size_t			 i, rest = 0, n;
	bool			 needs_host = false;
	unsigned long		 cp;

	if (s == NULL)
		return NULL;
	s = ascii_trim_span(s, &len);
	u = (const unsigned char *)s;
	for (i = 0; i < sizeof(url_schemes) / sizeof(url_schemes[0]); i++) {
		if (ascii_has_prefix(s, len, url_schemes[i].prefix)) {
			rest = strlen(url_schemes[i].prefix);
			needs_host = url_schemes[i].needs_host;
			break;
		}
	}
	if (rest == 0 || len == rest)
		return NULL;
	if (needs_host && (s[rest] == '/' || s[rest] == '?' || s[rest] == '#'))
		return NULL;
	for (i = 0; i < len; i += n) {
		if (u[i] <= 0x20)
			return NULL;
		/* C1 controls (U+0080..U+009F, e.g. from windows-1252 bytes
		 * read as ISO-8859-1) are control characters too; bidi controls
		 * would make the URL read as another. */
		n = utf8_decode(u + i, len - i, &cp);
		if (n == 0 || is_unwanted(cp))
			return NULL;
	}
	return xstrndup(s, len);
}

/* A short, printable quotation of s for an error or warning message. */
static char *
quote(const char *s, size_t len)
{
	char	*q;
	size_t	 cut = 0, next;

	/* Cut at a character boundary, not inside a UTF-8 sequence. */
	if (len > QUOTE_MAX) {
		while ((next = utf8_next(s, len, cut)) <= QUOTE_MAX)
			cut = next;
		len = cut;
	}
	q = clean_text(s, len);
	return q == NULL ? xstrdup("") : q;
}

/*
 * The list.
 */

void
feedlist_init(struct feedlist *list)
{
	memset(list, 0, sizeof(*list));
}

static void
free_entry(struct feedlist_entry *entry)
{
	size_t	i;

	free(entry->url);
	free(entry->title);
	free(entry->html_url);
	for (i = 0; i < entry->n_tags; i++)
		free(entry->tags[i]);
	free(entry->tags);
}

void
feedlist_free(struct feedlist *list)
{
	size_t	i;

	if (list == NULL)
		return;
	for (i = 0; i < list->n_entries; i++)
		free_entry(&list->entries[i]);
	free(list->entries);
	for (i = 0; i < list->n_warnings; i++)
		free(list->warnings[i]);
	free(list->warnings);
	free(list->index);
	feedlist_init(list);
}

/* FNV-1a: URLs are short and the index only needs an even spread. */
static size_t
hash_url(const char *url)
{
	uint64_t	h = 14695981039346656037ULL;

	for (; *url != '\0'; url++) {
		h ^= (unsigned char)*url;
		h *= 1099511628211ULL;
	}
	return (size_t)h;
}

/* The slot in the index holding url, or the empty slot where it belongs. The
 * index stores entry number + 1, so 0 means empty; it is at most half full. */
static size_t
index_slot(const struct feedlist *list, const char *url)
{
	size_t	mask = list->cap_index - 1, slot, e;

	for (slot = hash_url(url) & mask;; slot = (slot + 1) & mask) {
		e = list->index[slot];
		if (e == 0 || strcmp(list->entries[e - 1].url, url) == 0)
			return slot;
	}
}

static void
index_grow(struct feedlist *list)
{
	size_t	i;

	free(list->index);
	list->cap_index = list->cap_index == 0 ? 64 : list->cap_index * 2;
	list->index = xcalloc(list->cap_index, sizeof(*list->index));
	for (i = 0; i < list->n_entries; i++)
		list->index[index_slot(list, list->entries[i].url)] = i + 1;
}

/* Take a tag the caller allocated and cleaned. */
static void
add_tag_owned(struct feedlist_entry *entry, char *tag)
{
	size_t	i;

	if (tag == NULL)
		return;
	if (entry->n_tags >= FEEDLIST_MAX_TAGS) {
		free(tag);
		return;
	}
	for (i = 0; i < entry->n_tags; i++) {
		if (strcmp(entry->tags[i], tag) == 0) {
			free(tag);
			return;
		}
	}
	entry->tags = xreallocarray(entry->tags, entry->n_tags + 1,
	    sizeof(*entry->tags));
	entry->tags[entry->n_tags++] = tag;
}

void
feedlist_add_tag(struct feedlist_entry *entry, const char *tag)
{
	if (entry == NULL || tag == NULL)
		return;
	add_tag_owned(entry, clean_text(tag, strlen(tag)));
}

/* Take strings the caller allocated and cleaned; the first title and htmlUrl
 * of a URL win. Returns NULL (having freed them) when the list is full. */
static struct feedlist_entry *
add_owned(struct feedlist *list, char *url, char *title, char *html_url)
{
	struct feedlist_entry	*entry;
	size_t			 slot;

	if (list->cap_index == 0 || (list->n_entries + 1) * 2 > list->cap_index)
		index_grow(list);
	slot = index_slot(list, url);
	if (list->index[slot] != 0) {
		entry = &list->entries[list->index[slot] - 1];
		if (entry->title == NULL) {
			entry->title = title;
			title = NULL;
		}
		if (entry->html_url == NULL) {
			entry->html_url = html_url;
			html_url = NULL;
		}
		free(url);
		free(title);
		free(html_url);
		return entry;
	}
	if (list->n_entries >= FEEDLIST_MAX_ENTRIES) {
		free(url);
		free(title);
		free(html_url);
		return NULL;
	}
	if (list->n_entries == list->cap_entries) {
		list->cap_entries = list->cap_entries == 0 ? 16 :
		    list->cap_entries * 2;
		list->entries = xreallocarray(list->entries, list->cap_entries,
		    sizeof(*list->entries));
	}
	entry = &list->entries[list->n_entries++];
	memset(entry, 0, sizeof(*entry));
	entry->url = url;
	entry->title = title;
	entry->html_url = html_url;
	list->index[slot] = list->n_entries;
	return entry;
}

struct feedlist_entry *
feedlist_add(struct feedlist *list, const char *url, const char *title,
    const char *html_url)
{
	char	*clean;

	if (list == NULL || url == NULL)
		return NULL;
	clean = clean_text(url, strlen(url));
	if (clean == NULL)
		return NULL;
	return add_owned(list, clean,
	    title == NULL ? NULL : clean_text(title, strlen(title)),
	    html_url == NULL ? NULL : clean_text(html_url, strlen(html_url)));
}

/*
 * Telling the formats apart.
 */

static const char *
find(const char *s, const char *end, const char *needle)
{
	size_t	n = strlen(needle);

	for (; (size_t)(end - s) >= n; s++) {
		if (memcmp(s, needle, n) == 0)
			return s;
	}
	return NULL;
}

/* Past a doctype declaration starting at s ("<!"), minding quoted literals,
 * comments and the internal subset's brackets (XML 1.0 section 2.8); NULL
 * when it does not end. */
static const char *
skip_doctype(const char *s, const char *end)
{
	int	brackets = 0;
	char	quote_char = 0;

	for (s += 2; s < end; s++) {
		if (quote_char != 0) {
			if (*s == quote_char)
				quote_char = 0;
		} else if (*s == '"' || *s == '\'')
			quote_char = *s;
		else if ((size_t)(end - s) >= 4 && memcmp(s, "<!--", 4) == 0) {
			if ((s = find(s + 4, end, "-->")) == NULL)
				return NULL;
			s += 2;
		} else if (*s == '[')
			brackets++;
		else if (*s == ']')
			brackets--;
		else if (*s == '>' && brackets <= 0)
			return s + 1;
	}
	return NULL;
}

/* Which reader to use. XML is told by its first character; its root element
 * is looked for past the XML declaration, processing instructions, comments
 * and doctype (XML 1.0 section 2.8, "prolog"). When the prolog cannot be
 * followed (UTF-16, or broken), expat decides and reports. The name of a
 * root element other than opml goes to root. */
static enum format
detect(const char *data, size_t len, char *root, size_t root_size)
{
	const unsigned char	*u = (const unsigned char *)data;
	const char		*s = data, *end = data + len, *name;

	if (len >= 2 && ((u[0] == 0xfe && u[1] == 0xff) ||
	    (u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0 && u[1] == '<') || (u[0] == '<' && u[1] == 0)))
		return FORMAT_OPML;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	while (s < end && ascii_is_space((unsigned char)*s))
		s++;
	if (s == end || *s != '<')
		return FORMAT_URLS;
	for (;;) {
		while (s < end && ascii_is_space((unsigned char)*s))
			s++;
		if (end - s < 2 || *s != '<')
			return FORMAT_OPML;
		if (s[1] == '?') {
			if ((s = find(s + 2, end, "?>")) == NULL)
				return FORMAT_OPML;
			s += 2;
		} else if (end - s >= 4 && memcmp(s, "<!--", 4) == 0) {
			if ((s = find(s + 4, end, "-->")) == NULL)
				return FORMAT_OPML;
			s += 3;
		} else if (s[1] == '!') {
			if ((s = skip_doctype(s, end)) == NULL)
				return FORMAT_OPML;
		} else
			break;
	}
	name = ++s;
	while (s < end && !ascii_is_space((unsigned char)*s) && *s != '>' &&
	    *s != '/')
		s++;
	if ((size_t)(s - name) == 4 && memcmp(name, "opml", 4) == 0)
		return FORMAT_OPML;
	if (s == name)
		return FORMAT_OPML;
	snprintf(root, root_size, "%.*s", (int)(s - name), name);
	return FORMAT_OTHER_XML;
}

/*
 * newsboat urls files: one feed a line, the URL then tags; "~title" names the
 * feed, "!tag" is a tag newsboat hides; "#" starts a comment; double quotes
 * group words and a backslash in them takes the next character literally.
 */

/* Split one line into words the way newsboat's urls reader does. A quote
 * that does not close takes the rest of the line. Returns the count; *words
 * is the caller's to free with free_words. */
static size_t
tokenize(const char *line, size_t len, struct buf **words)
{
	struct buf	*w = NULL;
	size_t		 n = 0, cap = 0, i = 0;

	for (;;) {
		while (i < len && ascii_is_space((unsigned char)line[i]))
			i++;
		if (i == len || line[i] == '#')
			break;
		if (n == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			w = xreallocarray(w, cap, sizeof(*w));
		}
		memset(&w[n], 0, sizeof(w[n]));
		if (line[i] == '"') {
			for (i++; i < len && line[i] != '"'; i++) {
				if (line[i] == '\\' && i + 1 < len)
					i++;
				buf_append_char(&w[n], line[i]);
			}
			if (i < len)
				i++;
		} else {
			for (; i < len && !ascii_is_space((unsigned char)line[i]);
			    i++)
				buf_append_char(&w[n], line[i]);
		}
		n++;
	}
	*words = w;
	return n;
}

static void
free_words(struct buf *w, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		buf_free(&w[i]);
	free(w);
}

/* Newsboat feeds that are not URLs tidings can fetch (newsboat manual,
 * "Query Feeds" and "Scripts and Filters"). */
static const struct {
	const char	*prefix;
	const char	*what;
} skipped_kinds[] = {
	{ "query:", "query feed" },
	{ "exec:", "exec: feed" },
	{ "filter:", "filter: feed" },
};

static int
read_urls_line(struct feedlist *list, const char *line, size_t len,
    unsigned long line_no, char **err)
{
	struct feedlist_entry	*entry;
	struct buf		*w;
	const char		*url_text;
	char			*url, *title = NULL, *q;
	size_t			 n, i, url_len;
	int			 rc = 0;

	n = tokenize(line, len, &w);
	if (n == 0)
		goto out;
	url_text = w[0].data == NULL ? "" : w[0].data;
	url_len = w[0].len;
	for (i = 0; i < sizeof(skipped_kinds) / sizeof(skipped_kinds[0]); i++) {
		if (url_len >= strlen(skipped_kinds[i].prefix) &&
		    strncmp(url_text, skipped_kinds[i].prefix,
		    strlen(skipped_kinds[i].prefix)) == 0) {
			list->n_skipped++;
			q = quote(url_text, url_len);
			add_warning(list, "line %lu: skipped %s \"%s\"",
			    line_no, skipped_kinds[i].what, q);
			free(q);
			goto out;
		}
	}
	if ((url = clean_url(url_text, url_len)) == NULL) {
		rc = fail(err, "not an OPML or urls file: line %lu is not "
		    "a URL", line_no);
		goto out;
	}
	/* The first "~title" names the feed; later ones are ignored. */
	for (i = 1; i < n && title == NULL; i++) {
		if (w[i].len > 0 && w[i].data[0] == '~')
			title = clean_text(w[i].data + 1,
			    w[i].len - 1);
	}
	if ((entry = add_owned(list, url, title, NULL)) == NULL) {
		rc = fail(err, "too many feeds: more than %d",
		    FEEDLIST_MAX_ENTRIES);
		goto out;
	}
	for (i = 1; i < n; i++) {
		if (w[i].len == 0 || w[i].data[0] == '~')
			continue;
		if (w[i].data[0] == '!')
			add_tag_owned(entry, clean_text(w[i].data + 1,
			    w[i].len - 1));
		else
			add_tag_owned(entry, clean_text(w[i].data,
			    w[i].len));
	}
out:
	free_words(w, n);
	return rc;
}

static int
read_urls(struct feedlist *list, const char *data, size_t len, char **err)
{
	const char	*line, *nl, *end = data + len;
	unsigned long	 line_no = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3;
	for (line = data; line < end; line = nl + 1) {
		line_no++;
		if ((nl = memchr(line, '\n', (size_t)(end - line))) == NULL)
			nl = end;
		/* CRLF line ends: the CR is white space to the tokenizer. */
		if (read_urls_line(list, line, (size_t)(nl - line), line_no,
		    err) != 0)
			return -1;
	}
	return 0;
}

/*
 * OPML: <outline> elements with an xmlUrl attribute are feeds (OPML 2.0,
 * "Subscription lists"); outlines without one are folders whose titles tag the
 * feeds inside; a category attribute adds tags.
 */

static void __attribute__((format(printf, 2, 3)))
opml_fail(struct opml *o, const char *fmt, ...)
{
	va_list	ap;

	if (o->error != NULL)
		return;
	va_start(ap, fmt);
	o->error = xvasprintf(fmt, ap);
	va_end(ap);
	XML_StopParser(o->parser, XML_FALSE);
}

/* An attribute's value by name, in any case: "xmlurl" and "XMLURL" are seen
 * in real lists although OPML 2.0 spells it "xmlUrl". NULL when absent. */
static const char *
attribute(const XML_Char **atts, const char *name)
{
	size_t	i;

	for (i = 0; atts[i] != NULL; i += 2) {
		if (ascii_casecmp(atts[i], name) == 0)
			return atts[i + 1];
	}
	return NULL;
}

static char *
attribute_text(const XML_Char **atts, const char *name)
{
	const char	*v = attribute(atts, name);

	return v == NULL ? NULL : clean_text(v, strlen(v));
}

/* OPML's title, falling back to text, which OPML 2.0 requires of every
 * outline and many exporters use alone. */
static char *
outline_title(const XML_Char **atts)
{
	char	*title;

	if ((title = attribute_text(atts, "title")) == NULL)
		title = attribute_text(atts, "text");
	return title;
}

/* An xmlUrl as a URL the list accepts. "feed:" URLs (a scheme some exporters
 * use to hand feeds to readers) become the http(s) URL they wrap. */
static char *
opml_url(const char *v)
{
	char	*wrapped, *url;

	while (ascii_is_space((unsigned char)*v))
		v++;
	if (ascii_ncasecmp(v, "feed://", 7) == 0) {
		wrapped = xasprintf("http://%s", v + 7);
		url = clean_url(wrapped, strlen(wrapped));
		free(wrapped);
		return url;
	}
	if (ascii_ncasecmp(v, "feed:", 5) == 0)
		v += 5;
	return clean_url(v, strlen(v));
}

/* A category attribute: comma-separated; an item starting with a slash is a
 * path whose every part is a tag, any other item is one tag (OPML 2.0 on
 * category: "to represent a tag, the category string should contain no
 * slashes"). */
static void
add_categories(struct feedlist_entry *entry, const char *v)
{
	const char	*item, *comma, *part, *slash;

	for (item = v; item != NULL; item = comma == NULL ? NULL : comma + 1) {
		comma = strchr(item, ',');
		while (ascii_is_space((unsigned char)*item))
			item++;
		if (*item != '/') {
			add_tag_owned(entry, clean_text(item, comma == NULL ?
			    strlen(item) : (size_t)(comma - item)));
			continue;
		}
		for (part = item + 1;; part = slash + 1) {
			slash = strchr(part, '/');
			if (slash == NULL || (comma != NULL && slash > comma))
				slash = NULL;
			add_tag_owned(entry, clean_text(part, slash != NULL ?
			    (size_t)(slash - part) : comma != NULL ?
			    (size_t)(comma - part) : strlen(part)));
			if (slash == NULL)
				break;
		}
	}
}

static void
opml_outline(struct opml *o, const XML_Char **atts)
{
	struct feedlist_entry	*entry;
	const char		*xml_url, *v;
	char			*url, *title, *html_url = NULL, *q;
	size_t			 i;

	xml_url = attribute(atts, "xmlUrl");
	if (xml_url != NULL) {
		for (v = xml_url; ascii_is_space((unsigned char)*v); v++)
			;
		if (*v == '\0')
			xml_url = NULL;
	}
	if (xml_url == NULL) {
		/* A folder. An empty xmlUrl is one too: some exporters write
		 * xmlUrl="" on every outline. */
		o->folders[o->depth] = outline_title(atts);
		o->bare[o->depth] = true;
		o->bare_line[o->depth] = (unsigned long)XML_GetCurrentLineNumber(o->parser);
		return;
	}
	if ((url = opml_url(xml_url)) == NULL) {
		o->list->n_skipped++;
		q = quote(xml_url, strlen(xml_url));
		add_warning(o->list, "line %lu: skipped outline whose "
		    "xmlUrl \"%s\" is not an http, https or file URL",
		    (unsigned long)XML_GetCurrentLineNumber(o->parser), q);
		free(q);
		return;
	}
	title = outline_title(atts);
	/* Exporters put the URL in text when they know no title; so does
	 * feedlist_write_opml. That is no title. */
	if (title != NULL && (strcmp(title, url) == 0 ||
	    strcmp(title, xml_url) == 0)) {
		free(title);
		title = NULL;
	}
	if ((v = attribute(atts, "htmlUrl")) != NULL)
		html_url = clean_url(v, strlen(v));
	if ((entry = add_owned(o->list, url, title, html_url)) == NULL) {
		opml_fail(o, "OPML has too many feeds: more than %d",
		    FEEDLIST_MAX_ENTRIES);
		return;
	}
	for (i = 0; i < o->depth; i++) {
		if (o->folders[i] != NULL)
			add_tag_owned(entry, xstrdup(o->folders[i]));
	}
	if ((v = attribute(atts, "category")) != NULL)
		add_categories(entry, v);
}

static void XMLCALL
opml_start(void *user_data, const XML_Char *name, const XML_Char **atts)
{
	struct opml	*o = user_data;
	char		*q;

	if (o->depth == 0 && strcmp(name, "opml") != 0) {
		q = quote(name, strlen(name));
		opml_fail(o, "not an OPML or urls file: the root element is "
		    "<%s>, not <opml>", q);
		free(q);
		return;
	}
	if (o->depth >= FEEDLIST_MAX_DEPTH) {
		opml_fail(o, "OPML nests elements deeper than %d levels at "
		    "line %lu", FEEDLIST_MAX_DEPTH,
		    (unsigned long)XML_GetCurrentLineNumber(o->parser));
		return;
	}
	o->folders[o->depth] = NULL;
	o->bare[o->depth] = false;
	if (ascii_casecmp(name, "outline") == 0) {
		if (o->depth > 0)
			o->bare[o->depth - 1] = false;
		opml_outline(o, atts);
	}
	o->depth++;
}

static void XMLCALL
opml_end(void *user_data, const XML_Char *name)
{
	struct opml	*o = user_data;
	char		*q;

	(void)name;
	if (o->depth == 0)
		return;
	o->depth--;
	if (o->bare[o->depth]) {
		o->list->n_skipped++;
		if (o->folders[o->depth] != NULL) {
			q = quote(o->folders[o->depth], strlen(o->folders[o->depth]));
			add_warning(o->list, "line %lu: skipped outline \"%s\": it has "
			    "no xmlUrl and no outline inside", o->bare_line[o->depth], q);
			free(q);
		} else
			add_warning(o->list, "line %lu: skipped outline without a title: it "
			    "has no xmlUrl and no outline inside", o->bare_line[o->depth]);
		o->bare[o->depth] = false;
	}
	free(o->folders[o->depth]);
	o->folders[o->depth] = NULL;
}

/* A subscription list has no use for entities, and declaring them is how the
 * "billion laughs" expansion and external entities (XXE) begin: refuse any. */
static void XMLCALL
opml_entity_declaration(void *user_data, const XML_Char *name,
    int is_parameter_entity, const XML_Char *value, int value_length,
    const XML_Char *base, const XML_Char *system_id,
    const XML_Char *public_id, const XML_Char *notation_name)
{
	struct opml	*o = user_data;

	(void)name;
	(void)is_parameter_entity;
	(void)value;
	(void)value_length;
	(void)base;
	(void)system_id;
	(void)public_id;
	(void)notation_name;
	opml_fail(o, "OPML declares an entity at line %lu; entities are "
	    "refused", (unsigned long)XML_GetCurrentLineNumber(o->parser));
}

/* Never load anything from outside the document, DTDs included. */
static int XMLCALL
opml_external_entity(XML_Parser parser, const XML_Char *context,
    const XML_Char *base, const XML_Char *system_id,
    const XML_Char *public_id)
{
	(void)parser;
	(void)context;
	(void)base;
	(void)system_id;
	(void)public_id;
	return XML_STATUS_ERROR;
}

static int
read_opml(struct feedlist *list, const char *data, size_t len, char **err)
{
	struct opml	o;
	size_t		done = 0, n, i;
	int		rc = 0;

	memset(&o, 0, sizeof(o));
	o.list = list;
	if ((o.parser = XML_ParserCreate(NULL)) == NULL)
		return fail(err, "out of memory creating the XML parser");
	XML_SetUserData(o.parser, &o);
	XML_SetElementHandler(o.parser, opml_start, opml_end);
	XML_SetEntityDeclHandler(o.parser, opml_entity_declaration);
	XML_SetExternalEntityRefHandler(o.parser, opml_external_entity);
	XML_SetParamEntityParsing(o.parser, XML_PARAM_ENTITY_PARSING_NEVER);

	do {
		n = len - done > PARSE_CHUNK ? PARSE_CHUNK : len - done;
		if (XML_Parse(o.parser, data + done, (int)n,
		    done + n == len) != XML_STATUS_OK) {
			if (o.error != NULL) {
				rc = fail(err, "%s", o.error);
			} else {
				rc = fail(err, "OPML is not well-formed at "
				    "line %lu: %s", (unsigned long)
				    XML_GetCurrentLineNumber(o.parser),
				    XML_ErrorString(
				    XML_GetErrorCode(o.parser)));
			}
			break;
		}
		done += n;
	} while (done < len);

	for (i = 0; i < FEEDLIST_MAX_DEPTH; i++)
		free(o.folders[i]);
	free(o.error);
	XML_ParserFree(o.parser);
	return rc;
}

int
feedlist_read(const char *data, size_t len, struct feedlist *out, char **err)
{
	char	root[QUOTE_MAX + 1], *q;
	int	rc;

	if (err != NULL)
		*err = NULL;
	if (out == NULL)
		return fail(err, "no list to read into");
	feedlist_init(out);
	if (data == NULL && len > 0)
		return fail(err, "no data to read");
	if (len == 0)
		return 0;

	switch (detect(data, len, root, sizeof(root))) {
	case FORMAT_OTHER_XML:
		q = quote(root, strlen(root));
		rc = fail(err, "not an OPML or urls file: the root element is "
		    "<%s>, not <opml>", q);
		free(q);
		break;
	case FORMAT_OPML:
		rc = read_opml(out, data, len, err);
		break;
	default:
		rc = read_urls(out, data, len, err);
		break;
	}
	if (rc != 0)
		feedlist_free(out);
	return rc;
}

/*
 * Writing OPML 2.0 (http://opml.org/spec2.opml).
 */

/* Append s as XML 1.0 attribute or element text: markup characters escaped,
 * tab and line ends as character references so attribute-value normalization
 * (XML 1.0 section 3.3.3) keeps them, other C0 controls and U+FFFE/U+FFFF
 * dropped (section 2.2, "Char"), and C1 and bidi controls too (an exported
 * list is read by other programs, maybe printed raw); invalid UTF-8 as
 * U+FFFD. */
static void
append_escaped(struct buf *out, const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 len = strlen(s), i, n;
	unsigned long		 cp;

	for (i = 0; i < len; i += n) {
		n = utf8_decode(u + i, len - i, &cp);
		if (n == 0) {
			buf_append_utf8(out, 0xfffd);
			n = 1;
			continue;
		}
		switch (cp) {
		case '&':
			buf_append_str(out, "&amp;");
			break;
		case '<':
			buf_append_str(out, "&lt;");
			break;
		case '>':
			buf_append_str(out, "&gt;");
			break;
		case '"':
			buf_append_str(out, "&quot;");
			break;
		case '\t':
		case '\n':
		case '\r':
			buf_appendf(out, "&#%lu;", cp);
			break;
		default:
			if (!is_unwanted(cp))
				buf_append(out, s + i, n);
			break;
		}
	}
}

static void
append_attribute(struct buf *out, const char *name, const char *value)
{
	buf_appendf(out, " %s=\"", name);
	append_escaped(out, value);
	buf_append_char(out, '"');
}

/* The tags as one category attribute value, or NULL when there are none. */
static char *
category_value(const struct feedlist_entry *entry)
{
	struct buf	 b = BUF_INIT;
	const char	*tag;
	size_t		 i;

	for (i = 0; i < entry->n_tags; i++) {
		for (tag = entry->tags[i]; *tag == '/'; tag++)
			;
		if (*tag == '\0')
			continue;
		if (b.len > 0)
			buf_append_char(&b, ',');
		for (; *tag != '\0'; tag++)
			buf_append_char(&b, *tag == ',' ? ' ' : *tag);
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* RFC 822 section 5 as OPML 2.0 asks for dateCreated, in GMT, with English
 * names whatever the locale. */
static void
append_rfc822_date(struct buf *out, time_t now)
{
	static const char	*days[] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
	};
	static const char	*months[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
	};
	struct tm		 tm;

	if (gmtime_r(&now, &tm) == NULL || tm.tm_wday < 0 || tm.tm_wday > 6 ||
	    tm.tm_mon < 0 || tm.tm_mon > 11) {
		now = 0;
		gmtime_r(&now, &tm);
	}
	buf_appendf(out, "%s, %02d %s %04d %02d:%02d:%02d GMT",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void
feedlist_write_opml(const struct feedlist *list, time_t now, struct buf *out)
{
	const struct feedlist_entry	*entry;
	char				*category;
	size_t				 i;

	buf_append_str(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n"
	    "\t<head>\n"
	    "\t\t<title>tidings subscriptions</title>\n"
	    "\t\t<dateCreated>");
	append_rfc822_date(out, now);
	buf_append_str(out, "</dateCreated>\n\t</head>\n\t<body>\n");
	for (i = 0; list != NULL && i < list->n_entries; i++) {
		entry = &list->entries[i];
		/* OPML 2.0 requires text on every outline: the URL stands in
		 * for a missing title, and the reader knows it for one. */
		buf_append_str(out, "\t\t<outline type=\"rss\"");
		append_attribute(out, "text", entry->title != NULL ?
		    entry->title : entry->url);
		if (entry->title != NULL)
			append_attribute(out, "title", entry->title);
		append_attribute(out, "xmlUrl", entry->url);
		if (entry->html_url != NULL)
			append_attribute(out, "htmlUrl", entry->html_url);
		if ((category = category_value(entry)) != NULL) {
			append_attribute(out, "category", category);
			free(category);
		}
		buf_append_str(out, "/>\n");
	}
	buf_append_str(out, "\t</body>\n</opml>\n");
}
