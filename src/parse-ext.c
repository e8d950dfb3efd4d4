/* parse-ext.c: the extension namespaces RSS and Atom feeds carry: Dublin
 * Core, content:encoded, Media RSS, iTunes, syndication, xhtml:body. Each one
 * fills the model at a priority: a core element of the format wins over a
 * fallback from an extension (itunes:summary only stands in for a summary). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parse-internal.h"
#include "xmalloc.h"

#define CORE	2
#define WEAK	1

static void
capture_text(struct parser *p, const XML_Char **attrs)
{
	(void)attrs;
	parse_capture(p, CT_TEXT, false);
}

static void
capture_html(struct parser *p, const XML_Char **attrs)
{
	(void)attrs;
	parse_capture(p, CT_HTML, true);
}

static void
capture_rss(struct parser *p, const XML_Char **attrs)
{
	(void)attrs;
	parse_capture(p, CT_RSS, true);
}

static void
capture_xml(struct parser *p, const XML_Char **attrs)
{
	(void)attrs;
	parse_capture(p, CT_XML, true);
}

/* Media RSS elements count for the item both directly and in a media:group. */
static bool
in_item(const struct parser *p)
{
	enum kind parent = parse_parent_kind(p);

	return parent == KIND_ITEM || parent == KIND_MEDIA_GROUP;
}

/* ---- Dublin Core ---- */

static void
dc_creator_end(struct parser *p, char **text)
{
	switch (parse_parent_kind(p)) {
	case KIND_ITEM:
		parse_set_item(p, IF_AUTHOR, CORE, parse_author_name(parse_plain_value(p, text)));
		break;
	case KIND_CHANNEL:
		parse_set_feed(p, FF_AUTHOR, CORE, parse_author_name(parse_plain_value(p, text)));
		break;
	default:
		break;
	}
}

static void
dc_date_end(struct parser *p, char **text)
{
	switch (parse_parent_kind(p)) {
	case KIND_ITEM:
		parse_set_item_date(p, IF_UPDATED, CORE, *text);
		break;
	case KIND_CHANNEL:
		parse_set_feed_date(p, CORE, *text);
		break;
	default:
		break;
	}
}

static void
dc_issued_end(struct parser *p, char **text)
{
	switch (parse_parent_kind(p)) {
	case KIND_ITEM:
		parse_set_item_date(p, IF_PUBLISHED, CORE, *text);
		break;
	case KIND_CHANNEL:
		parse_set_feed_date(p, WEAK, *text);
		break;
	default:
		break;
	}
}

static void
dc_description_end(struct parser *p, char **text)
{
	switch (parse_parent_kind(p)) {
	case KIND_ITEM:
		parse_set_item(p, IF_SUMMARY, CORE, parse_html_value(p, text));
		break;
	case KIND_CHANNEL:
		parse_set_feed(p, FF_DESCRIPTION, CORE, parse_html_value(p, text));
		break;
	default:
		break;
	}
}

static void
dc_language_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_CHANNEL)
		parse_set_feed(p, FF_LANGUAGE, CORE, parse_plain_value(p, text));
}

static void
dc_subject_end(struct parser *p, char **text)
{
	char *value;

	if (parse_parent_kind(p) != KIND_ITEM)
		return;
	value = parse_plain_value(p, text);
	if (value[0] != '\0')
		item_add_category(&p->item, value);
	free(value);
}

static void
dc_title_end(struct parser *p, char **text)
{
	switch (parse_parent_kind(p)) {
	case KIND_ITEM:
		parse_set_item(p, IF_TITLE, CORE, parse_plain_value(p, text));
		break;
	case KIND_CHANNEL:
		parse_set_feed(p, FF_TITLE, CORE, parse_plain_value(p, text));
		break;
	default:
		break;
	}
}

/* ---- content:encoded, xhtml:body ---- */

static void
content_encoded_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_ITEM)
		parse_set_item(p, IF_CONTENT, CORE, parse_html_value(p, text));
}

/* ---- Media RSS ---- */

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
	bool image = (medium != NULL && strcasecmp(medium, "image") == 0) ||
	    (type != NULL && strncasecmp(type, "image/", 6) == 0);

	/* An image in media:content is the usual thumbnail of news feeds. */
	if (in_item(p) && image && url != NULL && url[0] != '\0')
		parse_set_item(p, IF_THUMBNAIL, WEAK, parse_resolve(p, url));
}

static void
media_title_end(struct parser *p, char **text)
{
	if (in_item(p))
		parse_set_item(p, IF_TITLE, WEAK, parse_plain_value(p, text));
}

static void
media_description_end(struct parser *p, char **text)
{
	if (in_item(p))
		parse_set_item(p, IF_SUMMARY, WEAK, parse_html_value(p, text));
}

/* ---- iTunes ---- */

static void
itunes_author_end(struct parser *p, char **text)
{
	switch (parse_parent_kind(p)) {
	case KIND_ITEM:
		parse_set_item(p, IF_AUTHOR, WEAK, parse_plain_value(p, text));
		break;
	case KIND_CHANNEL:
		parse_set_feed(p, FF_AUTHOR, WEAK, parse_plain_value(p, text));
		break;
	default:
		break;
	}
}

static void
itunes_duration_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_ITEM)
		parse_set_item(p, IF_DURATION, CORE, parse_plain_value(p, text));
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
itunes_subtitle_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_CHANNEL)
		parse_set_feed(p, FF_DESCRIPTION, WEAK, parse_html_value(p, text));
}

static void
itunes_summary_end(struct parser *p, char **text)
{
	switch (parse_parent_kind(p)) {
	case KIND_ITEM:
		parse_set_item(p, IF_SUMMARY, WEAK, parse_html_value(p, text));
		break;
	case KIND_CHANNEL:
		parse_set_feed(p, FF_DESCRIPTION, WEAK, parse_html_value(p, text));
		break;
	default:
		break;
	}
}

static void
itunes_link_start(struct parser *p, const XML_Char **attrs)
{
	const char *rel = parse_attr(attrs, "rel");
	const char *href = parse_attr(attrs, "href");

	if (rel != NULL && strcasecmp(rel, "image") == 0 && href != NULL && href[0] != '\0' &&
	    parse_parent_kind(p) == KIND_CHANNEL)
		parse_set_feed(p, FF_IMAGE, WEAK, parse_resolve(p, href));
}

/* ---- syndication ---- */

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
 * MEDIA, ITUNES, SY, XHTML. */
const struct element parse_ext_elements[] = {
	{ NS_DC, "author", capture_text, dc_creator_end },
	{ NS_DC, "creator", capture_text, dc_creator_end },
	{ NS_DC, "date", capture_text, dc_date_end },
	{ NS_DC, "description", capture_rss, dc_description_end },
	{ NS_DC, "language", capture_text, dc_language_end },
	{ NS_DC, "subject", capture_text, dc_subject_end },
	{ NS_DC, "title", capture_rss, dc_title_end },
	{ NS_DCTERMS, "issued", capture_text, dc_issued_end },
	{ NS_DCTERMS, "modified", capture_text, dc_date_end },
	{ NS_CONTENT, "encoded", capture_html, content_encoded_end },
	{ NS_MEDIA, "content", media_content_start, NULL },
	{ NS_MEDIA, "description", capture_rss, media_description_end },
	{ NS_MEDIA, "group", media_group_start, NULL },
	{ NS_MEDIA, "thumbnail", media_thumbnail_start, NULL },
	{ NS_MEDIA, "title", capture_rss, media_title_end },
	{ NS_ITUNES, "author", capture_text, itunes_author_end },
	{ NS_ITUNES, "duration", capture_text, itunes_duration_end },
	{ NS_ITUNES, "image", itunes_image_start, NULL },
	{ NS_ITUNES, "link", itunes_link_start, NULL },
	{ NS_ITUNES, "subtitle", capture_rss, itunes_subtitle_end },
	{ NS_ITUNES, "summary", capture_rss, itunes_summary_end },
	{ NS_SY, "updateFrequency", capture_text, sy_frequency_end },
	{ NS_SY, "updatePeriod", capture_text, sy_period_end },
	{ NS_XHTML, "body", capture_xml, content_encoded_end },
};
const size_t parse_ext_nelements = sizeof(parse_ext_elements) / sizeof(parse_ext_elements[0]);
