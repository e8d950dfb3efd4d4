/* parse-json.c: JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/),
 * read with json-c into the model RSS and Atom fill. Not the XML pipeline. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Not <json.h>: that name is also our own JSON writer's header. */
#include <json_object.h>
#include <json_tokener.h>

#include "ascii.h"
#include "date.h"
#include "encoding.h"
#include "parse-internal.h"
#include "text.h"
#include "url.h"
#include "xmalloc.h"

#define CORE	PRIO_CORE
#define WEAK	PRIO_WEAK

/*
 * Memory. json-c builds the whole document as a tree before anything can be
 * read from it, so a JSON Feed is not streamed item by item as RSS and Atom
 * are: its items are handed out once the document is complete, and a
 * document broken half way gives none. What bounds the tree is the fetcher's
 * cap on a response (32 MiB) and, below that, a budget kept here: json-c
 * spends about 780 bytes on an empty object, 140 on an array and 60 to 80 on
 * a number or short string, so 32 MiB of "{}," would take 8 GiB. The bytes
 * are therefore scanned as they arrive and each value is charged what json-c
 * will spend on it; a document beyond the budget is refused before json-c
 * reads it. Real feeds cost their size plus a few KiB per item: 32 MiB of
 * items stays well inside. The items cap (max_items) then applies as for XML.
 * The scan must see strings where json-c does, or structure could hide in
 * them: json-c runs in strict mode, which refuses comments, and the scan
 * follows both the double-quoted strings and the single-quoted object keys
 * json-c still accepts there (a single quote anywhere else stops json-c).
 */
#define JSON_MAX_DEPTH	64
#define JSON_BUDGET	(128u * 1024 * 1024)
#define COST_OBJECT	1024
#define COST_ARRAY	192
#define COST_VALUE	96	/* charged per ',' and ':' */
/* json-c takes an int length; larger chunks are fed in slices. */
#define SLICE_SIZE	(1u << 20)

struct json_reader {
	struct json_tokener *tokener;
	struct utf8_repair utf8;
	struct buf	 repaired;
	size_t		 offset;	/* bytes given to json-c before this slice */
	size_t		 cost;
	size_t		 depth;		/* nesting, as the scan sees it */
	enum { SCAN_OUTSIDE, SCAN_STRING, SCAN_ESCAPE, SCAN_DONE } scan;
	char		 quote;		/* the one that opened the string */
	bool		 started;
};

static bool
json_detect(const char *data, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	/* RFC 8259 section 2: the white space allowed around values. */
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	return i < len && data[i] == '{';
}

/* ---- values ---- */

static json_object *
member(json_object *o, const char *key)
{
	json_object *v;

	if (o == NULL || !json_object_is_type(o, json_type_object))
		return NULL;
	return json_object_object_get_ex(o, key, &v) ? v : NULL;
}

/* The raw string a member holds; NULL for a missing or non-string value. */
static const char *
member_raw(json_object *o, const char *key)
{
	json_object *v = member(o, key);

	return v != NULL && json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

/* A string value as the model wants it: valid UTF-8 (json-c turns lone
 * surrogates into U+FFFD, but the bytes between escapes are only as good as
 * the input), without the C0 controls an XML feed could not carry either
 * (XML 1.0 section 2.2; tab, line feed and carriage return stay). A
 * "\u0000" is one of those: json-c keeps it as a NUL byte inside the
 * string, so the string is read by its length, and the NUL is dropped with
 * the rest of the field kept. Owned, or NULL when v is not a string. */
static char *
string_value(json_object *v)
{
	struct utf8_repair r = { { 0 }, 0 };
	struct buf b = BUF_INIT;
	const char *s;
	size_t i, len, out;
	char *copy;

	if (v == NULL || !json_object_is_type(v, json_type_string))
		return NULL;
	s = json_object_get_string(v);
	len = (size_t)json_object_get_string_len(v);
	if (encoding_utf8_valid_prefix(s, len) == len)
		buf_append(&b, s, len);
	else
		encoding_utf8_repair(&r, s, len, true, &b);
	len = b.len;
	copy = buf_detach(&b);
	for (i = out = 0; i < len; i++) {
		unsigned char c = (unsigned char)copy[i];

		if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
			copy[out++] = copy[i];
	}
	copy[out] = '\0';
	return copy;
}

static char *
member_string(json_object *o, const char *key)
{
	return string_value(member(o, key));
}

/* Plain text, white space collapsed; NULL when missing. */
static char *
member_plain(json_object *o, const char *key)
{
	char *s = member_string(o, key);

	return s != NULL ? text_collapse_space(s) : NULL;
}

/* JSON Feed titles are plain text, but publishers put HTML in them as they
 * do in RSS: the same "does it look like HTML" test decides. */
static char *
member_title(json_object *o, const char *key)
{
	char *s = member_string(o, key), *plain;

	if (s == NULL || !text_looks_like_html(s))
		return s != NULL ? text_collapse_space(s) : NULL;
	plain = text_from_html(s);
	free(s);
	return plain;
}

/* A URL, resolved against base; NULL when missing or empty. */
static char *
member_link(json_object *o, const char *key, const char *base)
{
	char *s = member_plain(o, key), *resolved;

	if (s == NULL || s[0] == '\0') {
		free(s);
		return NULL;
	}
	resolved = url_resolve(base, s);
	free(s);
	return resolved;
}

/* A count written as a number (or, against the spec, as a string of
 * digits), as a decimal string; NULL for anything else or a negative. */
static char *
decimal_value(json_object *v)
{
	const char *s;
	int64_t n;
	double d;

	if (v == NULL)
		return NULL;
	switch (json_object_get_type(v)) {
	case json_type_int:
		n = json_object_get_int64(v);
		return n >= 0 ? xasprintf("%lld", (long long)n) : NULL;
	case json_type_double:
		d = json_object_get_double(v);
		/* NaN fails both comparisons; fractions are truncated. */
		if (!(d >= 0 && d < 9e18))
			return NULL;
		return xasprintf("%lld", (long long)d);
	case json_type_string:
		s = json_object_get_string(v);
		/* The length too: "12\u00003" is not a count. */
		if (s[0] == '\0' || s[strspn(s, "0123456789")] != '\0' || strlen(s) > 20 ||
		    strlen(s) != (size_t)json_object_get_string_len(v))
			return NULL;
		return xstrdup(s);
	default:
		return NULL;
	}
}

/* An author object's name, else the address of a mailto: URL (the contract's
 * "the name, else the email"). */
static char *
author_name(json_object *author)
{
	char *name = member_string(author, "name"), *url;

	if (name != NULL) {
		name = parse_author_name(name);
		if (name[0] != '\0')
			return name;
		free(name);
	}
	url = member_plain(author, "url");
	if (url != NULL && ascii_ncasecmp(url, "mailto:", 7) == 0 && url[7] != '\0') {
		name = xstrdup(url + 7);
		free(url);
		return name;
	}
	free(url);
	return NULL;
}

/* 1.1's "authors" array (every author with a name, joined in order and
 * deduplicated), else 1.0's "author" object, which 1.1 deprecates. */
static char *
authors_value(json_object *o)
{
	json_object *authors = member(o, "authors");
	char *name, *list = NULL;
	size_t i, n;

	if (authors != NULL && json_object_is_type(authors, json_type_array)) {
		n = json_object_array_length(authors);
		for (i = 0; i < n; i++) {
			if ((name = author_name(json_object_array_get_idx(authors, i))) != NULL)
				parse_join_author(&list, name);
		}
		if (list != NULL)
			return list;
	}
	return author_name(member(o, "author"));
}

/* ---- the feed and its items ---- */

static void
read_attachments(struct parser *p, json_object *item, const char *base)
{
	json_object *list = member(item, "attachments"), *a;
	struct enclosure *e;
	size_t i, n;
	char *url;

	if (list == NULL || !json_object_is_type(list, json_type_array))
		return;
	n = json_object_array_length(list);
	for (i = 0; i < n; i++) {
		a = json_object_array_get_idx(list, i);
		if ((url = member_link(a, "url", base)) == NULL)
			continue;	/* the spec requires a url */
		e = item_add_enclosure(&p->item);
		e->url = url;
		e->type = member_plain(a, "mime_type");
		e->length = decimal_value(member(a, "size_in_bytes"));
		if (p->item.duration == NULL)
			p->item.duration = decimal_value(member(a, "duration_in_seconds"));
	}
}

static void
read_tags(struct parser *p, json_object *item)
{
	json_object *tags = member(item, "tags");
	size_t i, n;
	char *tag;

	if (tags == NULL || !json_object_is_type(tags, json_type_array))
		return;
	n = json_object_array_length(tags);
	for (i = 0; i < n; i++) {
		tag = string_value(json_object_array_get_idx(tags, i));
		if (tag != NULL && text_collapse_space(tag)[0] != '\0')
			item_add_category(&p->item, tag);
		free(tag);
	}
}

static void
read_id(struct parser *p, json_object *item)
{
	json_object *id = member(item, "id");

	if (id == NULL)
		return;
	/* 1.0 feeds write numbers; 1.1 says the id is a string and that a
	 * number is to be read as one. json-c keeps the number as written. */
	if (json_object_is_type(id, json_type_int) || json_object_is_type(id, json_type_double))
		parse_set_item(p, IF_ID, CORE, xstrdup(json_object_get_string(id)));
	else
		parse_set_item(p, IF_ID, CORE, member_plain(item, "id"));
}

static void
read_item(struct parser *p, json_object *item, const char *base)
{
	const char *date;

	if (!json_object_is_type(item, json_type_object))
		return;
	parse_item_begin(p);
	read_id(p, item);
	parse_set_item(p, IF_TITLE, CORE, member_title(item, "title"));
	/* Each fallback is set before the value it stands in for, so that
	 * the preferred one wins unless it is empty (parse_set_item). */
	/* external_url is the page the item is about, not its own: a link
	 * only when the item has none. */
	parse_set_item(p, IF_LINK, WEAK, member_link(item, "external_url", base));
	parse_set_item(p, IF_LINK, CORE, member_link(item, "url", base));
	/* content_text is text and stays text, as Atom type="text" content
	 * does (the contract); it stands in only when there is no HTML. */
	parse_set_item(p, IF_CONTENT, WEAK, member_string(item, "content_text"));
	parse_set_item(p, IF_CONTENT, CORE, member_string(item, "content_html"));
	parse_set_item(p, IF_SUMMARY, CORE, member_string(item, "summary"));
	parse_set_item(p, IF_AUTHOR, CORE, authors_value(item));
	parse_set_item(p, IF_THUMBNAIL, WEAK, member_link(item, "banner_image", base));
	parse_set_item(p, IF_THUMBNAIL, CORE, member_link(item, "image", base));
	if ((date = member_raw(item, "date_published")) != NULL)
		parse_set_item_date(p, IF_PUBLISHED, CORE, date);
	if ((date = member_raw(item, "date_modified")) != NULL)
		parse_set_item_date(p, IF_UPDATED, CORE, date);
	read_tags(p, item);
	read_attachments(p, item, base);
	parse_item_end(p);
}

static bool
is_json_feed(json_object *root)
{
	const char *version = member_raw(root, "version");
	json_object *items = member(root, "items");

	/* The version URL is the format's signature; "http:" is a common
	 * misspelling of it. A document without one but with an items array
	 * is taken as a feed that forgot to say so. */
	if (version != NULL && (strncmp(version, "https://jsonfeed.org/version/", 29) == 0 ||
	    strncmp(version, "http://jsonfeed.org/version/", 28) == 0))
		return true;
	return items != NULL && json_object_is_type(items, json_type_array);
}

static void
read_document(struct parser *p, json_object *root)
{
	json_object *items = member(root, "items");
	char *feed_url = NULL;
	const char *base = p->url;
	size_t i, n;

	p->root_seen = true;
	if (!json_object_is_type(root, json_type_object) || !is_json_feed(root)) {
		parse_stop(p, xstrdup("not a feed: JSON without a JSON Feed version"));
		return;
	}
	p->is_feed = true;
	p->root_closed = true;
	p->feed.format = FEED_FORMAT_JSON;
	/* Relative URLs resolve against where the document came from, else
	 * against the feed_url it gives for itself. */
	if (base == NULL) {
		feed_url = member_plain(root, "feed_url");
		if (feed_url != NULL && url_has_scheme(feed_url))
			base = feed_url;
	}
	parse_set_feed(p, FF_TITLE, CORE, member_title(root, "title"));
	parse_set_feed(p, FF_LINK, CORE, member_link(root, "home_page_url", base));
	parse_set_feed(p, FF_DESCRIPTION, CORE, member_string(root, "description"));
	parse_set_feed(p, FF_LANGUAGE, CORE, member_plain(root, "language"));
	parse_set_feed(p, FF_AUTHOR, CORE, authors_value(root));
	parse_set_feed(p, FF_IMAGE, WEAK, member_link(root, "favicon", base));
	parse_set_feed(p, FF_IMAGE, CORE, member_link(root, "icon", base));
	if (items != NULL && json_object_is_type(items, json_type_array)) {
		n = json_object_array_length(items);
		for (i = 0; i < n; i++)
			read_item(p, json_object_array_get_idx(items, i), base);
	}
	free(feed_url);
}

/* ---- bytes to json-c ---- */

/* Charge the values in s to the budget, skipping strings as json-c reads
 * them (see "Memory" above). Returns false, having stopped the parser, when
 * the budget is spent or a NUL byte (which json-c takes for the end of the
 * input) turns up. */
static bool
charge(struct parser *p, const char *s, size_t len)
{
	struct json_reader *r = p->reader;
	size_t i;

	for (i = 0; i < len && r->scan != SCAN_DONE; i++) {
		if (s[i] == '\0') {
			parse_stop(p, xasprintf("broken JSON: a NUL byte at offset %zu", r->offset + i));
			return false;
		}
		switch (r->scan) {
		case SCAN_STRING:
			if (s[i] == '\\')
				r->scan = SCAN_ESCAPE;
			else if (s[i] == r->quote)
				r->scan = SCAN_OUTSIDE;
			continue;
		case SCAN_ESCAPE:
			r->scan = SCAN_STRING;
			continue;
		default:
			break;
		}
		switch (s[i]) {
		case '"':
		case '\'':
			r->scan = SCAN_STRING;
			r->quote = s[i];
			break;
		case '{':
			r->depth++;
			r->cost += COST_OBJECT;
			break;
		case '[':
			r->depth++;
			r->cost += COST_ARRAY;
			break;
		case '}':
		case ']':
			/* The end of the document: what follows is ignored. */
			if (r->depth > 0 && --r->depth == 0)
				r->scan = SCAN_DONE;
			break;
		case ',':
		case ':':
			r->cost += COST_VALUE;
			break;
		}
	}
	r->cost += i;
	if (r->cost > JSON_BUDGET) {
		parse_stop(p, xasprintf("JSON Feed too large: it would take more than %u MiB to read",
		    JSON_BUDGET / (1024 * 1024)));
		return false;
	}
	return true;
}

static void
feed_tokener(struct parser *p, const char *s, size_t len)
{
	struct json_reader *r = p->reader;
	enum json_tokener_error error;
	json_object *root;
	size_t n;

	while (len > 0 && p->state == STATE_READING) {
		n = len > SLICE_SIZE ? SLICE_SIZE : len;
		if (!charge(p, s, n))
			return;
		root = json_tokener_parse_ex(r->tokener, s, (int)n);
		if (root != NULL) {
			/* Complete: whatever follows the object is ignored, as
			 * garbage after an XML root element is. */
			p->state = STATE_STOPPED;
			read_document(p, root);
			json_object_put(root);
			return;
		}
		error = json_tokener_get_error(r->tokener);
		if (error != json_tokener_continue) {
			parse_stop(p, xasprintf("broken JSON: %s at offset %zu", json_tokener_error_desc(error),
			    r->offset + json_tokener_get_parse_end(r->tokener)));
			return;
		}
		r->offset += n;
		s += n;
		len -= n;
	}
}

static void
json_chunk(struct parser *p, const char *data, size_t len)
{
	struct json_reader *r = p->reader;

	if (p->state != STATE_READING)
		return;
	if (r == NULL) {
		p->reader = r = xcalloc(1, sizeof(*r));
		r->tokener = json_tokener_new_ex(JSON_MAX_DEPTH);
		if (r->tokener == NULL) {
			parse_stop(p, xstrdup("out of memory for the JSON reader"));
			return;
		}
		/* Strict: the scan above relies on it, and JSON Feed is
		 * RFC 8259 JSON. Trailing bytes are not an error. */
		json_tokener_set_flags(r->tokener, JSON_TOKENER_STRICT | JSON_TOKENER_ALLOW_TRAILING_CHARS);
	}
	if (!r->started) {
		/* json_detect saw the '{' in this first chunk, so a
		 * byte-order mark is whole here. Offsets count it. */
		r->started = true;
		if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
			data += 3;
			len -= 3;
			r->offset = 3;
		}
	}
	/* JSON is UTF-8 (RFC 8259 section 8.1), whatever Content-Type says;
	 * invalid bytes become U+FFFD rather than reject the feed (offsets in
	 * messages then count the repaired text). */
	if (r->utf8.npending == 0 && encoding_utf8_valid_prefix(data, len) == len) {
		feed_tokener(p, data, len);
		return;
	}
	buf_reset(&r->repaired);
	encoding_utf8_repair(&r->utf8, data, len, false, &r->repaired);
	feed_tokener(p, buf_str(&r->repaired), r->repaired.len);
}

static void
json_finish(struct parser *p)
{
	struct json_reader *r = p->reader;

	if (p->state != STATE_READING)
		return;
	/* Still reading: the object was never closed. */
	parse_stop(p, xasprintf("broken JSON: %s at offset %zu",
	    json_tokener_error_desc(json_tokener_error_parse_eof), r != NULL ? r->offset : 0));
}

static void
json_free(struct parser *p)
{
	struct json_reader *r = p->reader;

	if (r == NULL)
		return;
	if (r->tokener != NULL)
		json_tokener_free(r->tokener);
	buf_free(&r->repaired);
	free(r);
	p->reader = NULL;
}

const struct parse_backend parse_json_backend = {
	"JSON Feed", json_detect, json_chunk, json_finish, json_free,
};
