/* parse-ext.c: the extension namespaces RSS and Atom feeds carry: Dublin
 * Core, content:encoded, Media RSS, iTunes, syndication, xhtml:body. Each one
 * fills the model at a priority: a core element of the format wins over a
 * fallback from an extension (itunes:summary only stands in for a summary). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "parse-internal.h"
#include "xmalloc.h"

#define CORE	PRIO_CORE
#define WEAK	PRIO_WEAK
#define FALLBACK PRIO_FALLBACK

/* Media RSS elements count for the item both directly and in a media:group. */
static bool
in_item(const struct parser *p)
{
	enum kind parent = parse_parent_kind(p);

	return parent == KIND_ITEM || parent == KIND_MEDIA_GROUP;
}

static void
media_group_start(struct parser *p, const XML_Char **attrs)
{
	(void)attrs;
	if (parse_parent_kind(p) == KIND_ITEM)
		parse_set_kind(p, KIND_MEDIA_GROUP);
}

static void
media_thumbnail_start(struct parser *p, const XML_Char **attrs)
{
	const char *url = parse_attr(attrs, "url");

	if (in_item(p) && url != NULL && url[0] != '\0')
		parse_set_item(p, IF_THUMBNAIL, CORE, parse_resolve(p, url));
}

static void
media_content_start(struct parser *p, const XML_Char **attrs)
{
	const char *url = parse_attr(attrs, "url");
	const char *medium = parse_attr(attrs, "medium");
	const char *type = parse_attr(attrs, "type");
	bool image = (medium != NULL && ascii_casecmp(medium, "image") == 0) ||
	    (type != NULL && ascii_ncasecmp(type, "image/", 6) == 0);

	if (!in_item(p))
		return;
	/* Its media:title, media:thumbnail, ... describe the item, as in a
	 * media:group. */
	parse_set_kind(p, KIND_MEDIA_GROUP);
	/* An image in media:content is the usual thumbnail of news feeds. */
	if (image && url != NULL && url[0] != '\0')
		parse_set_item(p, IF_THUMBNAIL, WEAK, parse_resolve(p, url));
}

static void
itunes_image_start(struct parser *p, const XML_Char **attrs)
{
	const char *href = parse_attr(attrs, "href");

	/* Podcast feeds write url= as often as the specified href=. */
	if (href == NULL || href[0] == '\0')
		href = parse_attr(attrs, "url");
	if (href == NULL || href[0] == '\0')
		return;
	if (parse_parent_kind(p) == KIND_CHANNEL)
		parse_set_feed(p, FF_IMAGE, WEAK, parse_resolve(p, href));
	else if (parse_parent_kind(p) == KIND_ITEM)
		parse_set_item(p, IF_THUMBNAIL, WEAK, parse_resolve(p, href));
}

static void
itunes_link_start(struct parser *p, const XML_Char **attrs)
{
	const char *rel = parse_attr(attrs, "rel");
	const char *href = parse_attr(attrs, "href");

	if (rel != NULL && ascii_casecmp(rel, "image") == 0 && href != NULL && href[0] != '\0' &&
	    parse_parent_kind(p) == KIND_CHANNEL)
		parse_set_feed(p, FF_IMAGE, WEAK, parse_resolve(p, href));
}

static void
sy_period_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) != KIND_CHANNEL)
		return;
	free(p->sy_period);
	p->sy_period = parse_plain_value(p, text);
}

static void
sy_frequency_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_CHANNEL && *text != NULL)
		p->sy_frequency = strtol(*text, NULL, 10);
}

/* Sorted by (ns, name) for bsearch; enum ns order: DC, DCTERMS, CONTENT,
 * MEDIA, ITUNES, GOOGLEPLAY, SY, XHTML. */
const struct element parse_ext_elements[] = {
	FIELD(NS_DC, "author", CT_TEXT, VALUE_AUTHOR, IF_AUTHOR, CORE, FF_AUTHOR, CORE),
	FIELD(NS_DC, "creator", CT_TEXT, VALUE_AUTHOR, IF_AUTHOR, CORE, FF_AUTHOR, CORE),
	FIELD(NS_DC, "date", CT_TEXT, VALUE_DATE, IF_UPDATED, CORE, FF_UPDATED, CORE),
	FIELD(NS_DC, "description", CT_RSS, VALUE_HTML, IF_SUMMARY, CORE, FF_DESCRIPTION, CORE),
	FIELD(NS_DC, "language", CT_TEXT, VALUE_PLAIN, NO_FIELD, 0, FF_LANGUAGE, CORE),
	FIELD(NS_DC, "subject", CT_TEXT, VALUE_CATEGORY, IF_CATEGORIES, CORE, NO_FIELD, 0),
	FIELD(NS_DC, "title", CT_RSS, VALUE_PLAIN, IF_TITLE, CORE, FF_TITLE, CORE),
	FIELD(NS_DCTERMS, "issued", CT_TEXT, VALUE_DATE, IF_PUBLISHED, CORE, FF_UPDATED, WEAK),
	FIELD(NS_DCTERMS, "modified", CT_TEXT, VALUE_DATE, IF_UPDATED, CORE, FF_UPDATED, CORE),
	FIELD(NS_CONTENT, "encoded", CT_HTML, VALUE_HTML, IF_CONTENT, CORE, NO_FIELD, 0),
	FIELD(NS_MEDIA, "category", CT_TEXT, VALUE_CATEGORY, IF_CATEGORIES, WEAK, NO_FIELD, 0),
	HANDLED(NS_MEDIA, "content", media_content_start, NULL),
	FIELD(NS_MEDIA, "description", CT_RSS, VALUE_HTML, IF_SUMMARY, WEAK, NO_FIELD, 0),
	HANDLED(NS_MEDIA, "group", media_group_start, NULL),
	HANDLED(NS_MEDIA, "thumbnail", media_thumbnail_start, NULL),
	FIELD(NS_MEDIA, "title", CT_RSS, VALUE_PLAIN, IF_TITLE, WEAK, NO_FIELD, 0),
	FIELD(NS_ITUNES, "author", CT_TEXT, VALUE_PLAIN, IF_AUTHOR, WEAK, FF_AUTHOR, WEAK),
	FIELD(NS_ITUNES, "duration", CT_TEXT, VALUE_PLAIN, IF_DURATION, CORE, NO_FIELD, 0),
	HANDLED(NS_ITUNES, "image", itunes_image_start, NULL),
	HANDLED(NS_ITUNES, "link", itunes_link_start, NULL),
	FIELD(NS_ITUNES, "subtitle", CT_RSS, VALUE_HTML, IF_SUMMARY, FALLBACK, FF_DESCRIPTION, WEAK),
	FIELD(NS_ITUNES, "summary", CT_RSS, VALUE_HTML, IF_SUMMARY, WEAK, FF_DESCRIPTION, WEAK),
	FIELD(NS_GOOGLEPLAY, "author", CT_TEXT, VALUE_PLAIN, IF_AUTHOR, FALLBACK, FF_AUTHOR, FALLBACK),
	FIELD(NS_GOOGLEPLAY, "description", CT_RSS, VALUE_HTML, IF_SUMMARY, FALLBACK, FF_DESCRIPTION, FALLBACK),
	HANDLED(NS_SY, "updateFrequency", parse_field_start, sy_frequency_end),
	HANDLED(NS_SY, "updatePeriod", parse_field_start, sy_period_end),
	FIELD(NS_XHTML, "body", CT_XML, VALUE_HTML, IF_CONTENT, CORE, NO_FIELD, 0),
};
const size_t parse_ext_nelements = sizeof(parse_ext_elements) / sizeof(parse_ext_elements[0]);
