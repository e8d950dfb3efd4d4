/* parse-rss.c: the RSS 0.90-0.94, 1.0 (RDF) and 2.0 elements and what each
 * fills in the neutral model. Namespaced extensions are in parse-ext.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "parse-internal.h"
#include "xmalloc.h"

#define CORE	PRIO_CORE
#define WEAK	PRIO_WEAK

static void
channel_start(struct parser *p, const XML_Char **attrs)
{
	(void)attrs;
	if (parse_parent_kind(p) == KIND_ROOT)
		parse_set_kind(p, KIND_CHANNEL);
}

static void
item_start(struct parser *p, const XML_Char **attrs)
{
	enum kind parent = parse_parent_kind(p);
	const char *about = parse_attr(attrs, "rdf:about");

	/* RSS 2.0 items sit in the channel, RSS 1.0 items beside it. */
	if (parent != KIND_CHANNEL && parent != KIND_ROOT)
		return;
	parse_set_kind(p, KIND_ITEM);
	parse_item_begin(p);
	if (about != NULL)
		parse_set_item(p, IF_ID, WEAK, xstrdup(about));
}

static void
image_start(struct parser *p, const XML_Char **attrs)
{
	(void)attrs;
	parse_set_kind(p, KIND_IMAGE);
}

static void
textinput_start(struct parser *p, const XML_Char **attrs)
{
	(void)attrs;
	parse_set_kind(p, KIND_TEXTINPUT);
}

static void
guid_start(struct parser *p, const XML_Char **attrs)
{
	const char *permalink = parse_attr(attrs, "isPermaLink");

	parse_field_start(p, attrs);
	/* RSS 2.0: a guid is the item's permalink unless isPermaLink="false". */
	if (parse_parent_kind(p) == KIND_ITEM)
		p->guid_is_permalink = permalink == NULL || ascii_casecmp(permalink, "true") == 0;
}

static void
enclosure_start(struct parser *p, const XML_Char **attrs)
{
	const char *url = parse_attr(attrs, "url");
	const char *type = parse_attr(attrs, "type");
	const char *length = parse_attr(attrs, "length");
	struct enclosure *e;

	if (parse_parent_kind(p) != KIND_ITEM || url == NULL || url[0] == '\0')
		return;
	e = item_add_enclosure(&p->item);
	e->url = parse_resolve(p, url);
	e->type = type != NULL ? xstrdup(type) : NULL;
	e->length = length != NULL ? xstrdup(length) : NULL;
}

static void
url_end(struct parser *p, char **text)
{
	size_t d = p->depth;
	char *value, *resolved;

	/* <channel><image><url>: the grandparent must be the channel (or the
	 * RDF root, where RSS 1.0 puts its image). */
	if (parse_parent_kind(p) != KIND_IMAGE || d < 3 ||
	    (p->frames[d - 3].kind != KIND_CHANNEL && p->frames[d - 3].kind != KIND_ROOT))
		return;
	value = parse_plain_value(p, text);
	if (value[0] == '\0') {
		free(value);
		return;
	}
	resolved = parse_resolve(p, value);
	free(value);
	parse_set_feed(p, FF_IMAGE, CORE, resolved);
}

static void
ttl_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_CHANNEL && *text != NULL)
		p->ttl_minutes = strtol(*text, NULL, 10);
}

/* Sorted by name (all in NS_RSS, compared ignoring case) for bsearch. */
const struct element parse_rss_elements[] = {
	FIELD(NS_RSS, "author", CT_TEXT, VALUE_AUTHOR, IF_AUTHOR, CORE, FF_AUTHOR, CORE),
	FIELD(NS_RSS, "category", CT_TEXT, VALUE_CATEGORY, IF_CATEGORIES, CORE, NO_FIELD, 0),
	HANDLED(NS_RSS, "channel", channel_start, NULL),
	FIELD(NS_RSS, "description", CT_RSS, VALUE_HTML, IF_SUMMARY, CORE, FF_DESCRIPTION, CORE),
	HANDLED(NS_RSS, "enclosure", enclosure_start, NULL),
	FIELD(NS_RSS, "fullitem", CT_RSS, VALUE_HTML, IF_CONTENT, CORE, NO_FIELD, 0),
	{ NS_RSS, "guid", guid_start, parse_field_end, CT_TEXT, VALUE_PLAIN, IF_ID, CORE, NO_FIELD, 0 },
	HANDLED(NS_RSS, "image", image_start, NULL),
	HANDLED(NS_RSS, "item", item_start, parse_item_element_end),
	FIELD(NS_RSS, "language", CT_TEXT, VALUE_PLAIN, NO_FIELD, 0, FF_LANGUAGE, CORE),
	FIELD(NS_RSS, "lastBuildDate", CT_TEXT, VALUE_DATE, NO_FIELD, 0, FF_UPDATED, CORE),
	FIELD(NS_RSS, "link", CT_TEXT, VALUE_LINK, IF_LINK, CORE, FF_LINK, CORE),
	FIELD(NS_RSS, "managingEditor", CT_TEXT, VALUE_AUTHOR, NO_FIELD, 0, FF_AUTHOR, CORE),
	/* A channel's pubDate only stands in for lastBuildDate. */
	FIELD(NS_RSS, "pubDate", CT_TEXT, VALUE_DATE, IF_PUBLISHED, CORE, FF_UPDATED, WEAK),
	HANDLED(NS_RSS, "textinput", textinput_start, NULL),
	FIELD(NS_RSS, "title", CT_RSS, VALUE_PLAIN, IF_TITLE, CORE, FF_TITLE, CORE),
	HANDLED(NS_RSS, "ttl", parse_field_start, ttl_end),
	HANDLED(NS_RSS, "url", parse_field_start, url_end),
};
const size_t parse_rss_nelements = sizeof(parse_rss_elements) / sizeof(parse_rss_elements[0]);
