/* parse-internal.h: what the parser's files share: the back-end interface
 * the front end (parse.c) drives, the feed model both back ends fill
 * (parse-model.c), and the XML back end's (parse-xml.c) element tables and
 * helpers for the format handlers (parse-rss.c, parse-atom.c, parse-ext.c).
 * Not for other modules. */
#ifndef TIDINGS_PARSE_INTERNAL_H
#define TIDINGS_PARSE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <expat.h>

#include "buf.h"
#include "encoding.h"
#include "feed.h"
#include "parse.h"
#include "repair.h"

/* Namespaces the handlers care about. An element's namespace is resolved
 * from the xmlns declarations in scope, or, for a prefix nobody declared (a
 * common breakage), from the prefix's usual meaning (dc:, content:, ...). */
enum ns {
	NS_NONE,	/* no namespace: RSS 0.9x/2.0 elements */
	NS_RSS,		/* RSS 1.0, RSS 0.90, and userland's RSS 2.0 namespaces */
	NS_ATOM,	/* Atom 1.0, Atom 0.3 and its pre-release names */
	NS_RDF,
	NS_DC,
	NS_DCTERMS,
	NS_CONTENT,
	NS_MEDIA,
	NS_ITUNES,
	NS_GOOGLEPLAY,	/* Google Play's podcast tags */
	NS_SY,
	NS_XHTML,
	NS_XML,
	NS_OTHER,
};

/* What an element is, as far as its children care: fields are taken only
 * from direct children of the right parent (an <id> inside an <image> inside
 * an <entry> is not the entry's id). */
enum kind {
	KIND_OTHER,
	KIND_ROOT,
	KIND_CHANNEL,	/* RSS <channel>, or the Atom <feed> itself */
	KIND_ITEM,	/* RSS <item>, Atom <entry> */
	KIND_IMAGE,	/* RSS <image> */
	KIND_TEXTINPUT,
	KIND_PERSON,	/* Atom <author> */
	KIND_SOURCE,	/* Atom <source>: its children describe another feed */
	KIND_MEDIA_GROUP,
	KIND_CONTENT,	/* an element whose content is being captured */
};

/* How the text of a captured element is to be read. */
enum content_type {
	CT_RSS,		/* RSS: no type attribute; HTML if it looks like HTML */
	CT_TEXT,
	CT_HTML,
	CT_XHTML,	/* Atom 1.0 type="xhtml": the wrapper <div> is dropped */
	CT_XML,		/* Atom 0.3 mode="xml": the children as they are */
	CT_BASE64,	/* then decoded, and read as text (or HTML if base64_html) */
};

struct element;
struct parser;

/* A back end: one document format's reader. The front end holds the first
 * bytes back, asks each back end in turn whether they are its format, and
 * from then on hands every chunk to the one chosen. A back end fills the
 * model through parse-model.c and sets p->state to STATE_STOPPED when the
 * document is complete or broken beyond recovery (with p->error). */
struct parse_backend {
	const char	*name;
	/* Whether the document's first bytes (SNIFF_SIZE of them, or all
	 * there are) are this format. */
	bool		(*detect)(const char *data, size_t len);
	/* The next bytes; the first call gets the bytes detect saw. */
	void		(*chunk)(struct parser *p, const char *data, size_t len);
	/* The end of input, unless the back end stopped already. */
	void		(*finish)(struct parser *p);
	/* Release what the back end holds; the front end frees the model. */
	void		(*free)(struct parser *p);
};

extern const struct parse_backend parse_xml_backend;	/* parse-xml.c */
extern const struct parse_backend parse_json_backend;	/* parse-json.c */

/* A back end gives up on the document: message (taken) becomes the error
 * unless one stands already (the first is the one that says why). */
void parse_stop(struct parser *p, char *message);

struct frame {
	const struct element *element;	/* NULL for elements nobody handles */
	enum kind	 kind;
	const char	*base;		/* xml:base in force (owned when base_owned) */
	bool		 base_owned;
	size_t		 nbindings;	/* namespace bindings before this element */
	enum content_type ctype;	/* for captured elements */
	bool		 base64_html;
	int		 state;		/* for the element's own handlers */
};

struct binding {
	char	*prefix;	/* "" for the default namespace */
	enum ns	 ns;
	bool	 is_atom10;	/* NS_ATOM: the 2005 namespace (not 0.3) */
};

/* Field slots whose value can come from several elements: the higher
 * priority wins, and among equals the later one (as feedparser does). */
enum item_field {
	IF_ID, IF_TITLE, IF_LINK, IF_AUTHOR, IF_SUMMARY, IF_CONTENT,
	IF_THUMBNAIL, IF_DURATION, IF_PUBLISHED, IF_UPDATED, IF_CATEGORIES, IF_COUNT
};
enum feed_field {
	FF_TITLE, FF_LINK, FF_DESCRIPTION, FF_LANGUAGE, FF_AUTHOR, FF_IMAGE,
	FF_UPDATED, FF_COUNT
};

struct parser {
	struct parse_handlers handlers;
	char		*url;
	char		*http_charset;
	size_t		 max_items, max_depth, max_text;

	/* The front end's: holding the first bytes back, then reading them
	 * with the chosen back end. */
	enum { STATE_SNIFF, STATE_READING, STATE_STOPPED } state;
	struct buf	 sniffed;
	const struct parse_backend *backend;	/* NULL while sniffing */
	void		*reader;	/* a back end's own state (JSON's) */

	/* The XML back end's byte pipeline: decode to UTF-8, repair, expat. */
	XML_Parser	 xp;		/* NULL until the first chunk */
	struct decoder	*decoder;
	struct utf8_repair utf8;
	struct repair	 repair;
	struct buf	 decoded;
	struct buf	 repaired;
	bool		 dtd_loaded;
	bool		 declaration_dropped;
	bool		 document_started;	/* the first '<' went to expat */

	/* The XML document's state. */
	struct frame	*frames;
	size_t		 depth, frames_cap;
	struct binding	*bindings;
	size_t		 nbindings, bindings_cap;
	bool		 root_seen, root_closed, is_feed;
	bool		 entry_root;	/* an Atom Entry Document */
	char		*root_lang;

	/* Capturing an element's content. */
	bool		 capturing;
	size_t		 capture_depth;	/* depth of the captured element */
	struct buf	 text;
	bool		 text_markup;	/* child elements were serialized */
	bool		 text_truncated;
	size_t		 skip_div_depth;	/* Atom xhtml wrapper div, 0 if none */

	struct feed	 feed;
	unsigned char	 feed_prio[FF_COUNT];
	struct item	 item;
	unsigned char	 item_prio[IF_COUNT];
	bool		 in_item;
	bool		 guid_is_permalink;
	char		*person_name, *person_email;	/* inside an Atom person */
	/* The element the author list came from: the same one again adds a
	 * name to it (parse_add_author). Compared, never dereferenced. */
	const void	*item_author_source, *feed_author_source;
	char		*source_author;	/* the entry's <source>'s authors */
	char		*sy_period;
	long		 sy_frequency, ttl_minutes;

	size_t		 nitems;
	char		*error;
};

/* How a field element's text becomes a value. */
enum value_kind {
	VALUE_NONE,	/* the element has handlers of its own */
	VALUE_PLAIN,	/* plain text (titles, names) */
	VALUE_HTML,	/* HTML kept as it is (summaries, content) */
	VALUE_LINK,	/* a URL, resolved against xml:base and the feed URL */
	VALUE_AUTHOR,	/* a name, from "Name <mail>" and "mail (Name)" too */
	VALUE_DATE,
	VALUE_CATEGORY,	/* one more category of the item */
};

#define NO_FIELD (-1)

/* One element a format knows. Most are plain fields: their text goes to
 * item_field when the parent is an item, to feed_field when the parent is
 * the channel, at priority prio; what they need is data, not code. Others
 * have start and end handlers of their own. */
struct element {
	enum ns		 ns;
	const char	*name;
	void		(*start)(struct parser *p, const XML_Char **attrs);
	/* text is the captured content (NULL when the element did not capture);
	 * the handler may take it (set *text to NULL) or leave it to be freed. */
	void		(*end)(struct parser *p, char **text);
	enum content_type capture;	/* for fields: how their text is read */
	enum value_kind	 value;
	signed char	 item_field;	/* enum item_field, or NO_FIELD */
	unsigned char	 item_prio;
	signed char	 feed_field;	/* enum feed_field, or NO_FIELD */
	unsigned char	 feed_prio;
};

/* Table rows: a field, and an element with handlers of its own. A field
 * for the item only or the channel only has NO_FIELD, 0 for the other. */
#define FIELD(ns, name, capture, value, item_field, item_prio, feed_field, feed_prio) \
	{ ns, name, parse_field_start, parse_field_end, capture, value, \
	  item_field, item_prio, feed_field, feed_prio }
#define HANDLED(ns, name, start, end) \
	{ ns, name, start, end, CT_TEXT, VALUE_NONE, NO_FIELD, 0, NO_FIELD, 0 }

/* Priorities: a core element of the format beats an extension's fallback
 * (itunes:summary only stands in for a missing description). */
#define PRIO_CORE	3
#define PRIO_WEAK	2
#define PRIO_FALLBACK	1	/* the last resort: itunes:subtitle, googleplay: */

/* The format tables, each sorted by (ns, name) for bsearch. */
extern const struct element parse_rss_elements[];
extern const size_t parse_rss_nelements;
extern const struct element parse_atom_elements[];
extern const size_t parse_atom_nelements;
extern const struct element parse_ext_elements[];
extern const size_t parse_ext_nelements;

/* Helpers for the XML format handlers, in parse-xml.c. */
void parse_field_start(struct parser *p, const XML_Char **attrs);
void parse_field_end(struct parser *p, char **text);
/* The end of an element that holds an item (RSS <item>, Atom <entry>):
 * the item is done, if the element began one. */
void parse_item_element_end(struct parser *p, char **text);
const char *parse_attr(const XML_Char **attrs, const char *name);
enum kind parse_parent_kind(const struct parser *p);
void parse_set_kind(struct parser *p, enum kind kind);
void parse_capture(struct parser *p, enum content_type ctype, bool base64_html);
/* The captured text as a plain-text value (titles, names) or an HTML value
 * (summaries, content), per the element's content type. Takes *text. */
char *parse_plain_value(struct parser *p, char **text);
char *parse_html_value(struct parser *p, char **text);
/* ref resolved against the xml:base in force and the feed URL; owned. */
char *parse_resolve(const struct parser *p, const char *ref);

/* The model, in parse-model.c (both back ends). */
void parse_set_item(struct parser *p, enum item_field f, unsigned char prio, char *value);
void parse_set_item_date(struct parser *p, enum item_field f, unsigned char prio, const char *text);
void parse_set_feed(struct parser *p, enum feed_field f, unsigned char prio, char *value);
void parse_set_feed_date(struct parser *p, unsigned char prio, const char *text);
void parse_item_begin(struct parser *p);
void parse_item_end(struct parser *p);
/* One more author of the item (item) or the feed: the same source element
 * again (at the same priority) adds name to the list, deduplicated;
 * otherwise it is set as parse_set_item would. Takes name. */
void parse_add_author(struct parser *p, bool item, unsigned char prio, const void *source, char *name);
/* Append name (taken) to the ", "-joined *list unless it is empty or
 * already there (ASCII case ignored). */
void parse_join_author(char **list, char *name);
/* "me@example.com (Name)" and "Name (me@example.com)" to "Name". Takes s. */
char *parse_author_name(char *s);
/* Content type from Atom type= / mode= attributes (parse-xml.c). */
void parse_atom_content_type(struct parser *p, const XML_Char **attrs);
bool parse_is_atom03(const struct parser *p);

#endif
