/* parse-rss.c: the RSS 0.90-0.94, 1.0 (RDF) and 2.0 elements and what each
 * fills in the neutral model. Namespaced extensions are in parse-ext.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parse-internal.h"
#include "xmalloc.h"

/* Priorities: a core element beats an extension's fallback. */
#define CORE	2
#define WEAK	1

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
item_end(struct parser *p, char **text)
{
	(void)text;
	if (p->frames[p->depth - 1].kind == KIND_ITEM)
		parse_item_end(p);
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
capture_rss(struct parser *p, const XML_Char **attrs)
{
	(void)attrs;
	parse_capture(p, CT_RSS, true);
}

static void
capture_text(struct parser *p, const XML_Char **attrs)
{
	(void)attrs;
	parse_capture(p, CT_TEXT, false);
}

static void
title_end(struct parser *p, char **text)
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

static void
link_end(struct parser *p, char **text)
{
	enum kind parent = parse_parent_kind(p);
	char *value;

	if (parent != KIND_ITEM && parent != KIND_CHANNEL && parent != KIND_IMAGE)
		return;
	value = parse_plain_value(p, text);
	if (value[0] != '\0') {
		char *resolved = parse_resolve(p, value);

		free(value);
		value = resolved;
	}
	if (parent == KIND_ITEM)
		parse_set_item(p, IF_LINK, CORE, value);
	else if (parent == KIND_CHANNEL)
		parse_set_feed(p, FF_LINK, CORE, value);
	else
		free(value);
}

static void
description_end(struct parser *p, char **text)
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
fullitem_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_ITEM)
		parse_set_item(p, IF_CONTENT, CORE, parse_html_value(p, text));
}

static void
guid_start(struct parser *p, const XML_Char **attrs)
{
	const char *permalink = parse_attr(attrs, "isPermaLink");

	parse_capture(p, CT_TEXT, false);
	if (parse_parent_kind(p) == KIND_ITEM)
		p->guid_is_permalink = permalink == NULL || strcasecmp(permalink, "true") == 0;
}

static void
guid_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_ITEM)
		parse_set_item(p, IF_ID, CORE, parse_plain_value(p, text));
}

static void
author_end(struct parser *p, char **text)
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
pubdate_end(struct parser *p, char **text)
{
	switch (parse_parent_kind(p)) {
	case KIND_ITEM:
		parse_set_item_date(p, IF_PUBLISHED, CORE, *text);
		break;
	case KIND_CHANNEL:
		/* A channel's pubDate only stands in for lastBuildDate. */
		parse_set_feed_date(p, WEAK, *text);
		break;
	default:
		break;
	}
}

static void
lastbuilddate_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_CHANNEL)
		parse_set_feed_date(p, CORE, *text);
}

static void
category_end(struct parser *p, char **text)
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
language_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_CHANNEL)
		parse_set_feed(p, FF_LANGUAGE, CORE, parse_plain_value(p, text));
}

static void
url_end(struct parser *p, char **text)
{
	size_t d = p->depth;
	char *value;

	/* <channel><image><url>: the grandparent must be the channel (or the
	 * RDF root, where RSS 1.0 puts its image). */
	if (parse_parent_kind(p) != KIND_IMAGE || d < 3 ||
	    (p->frames[d - 3].kind != KIND_CHANNEL && p->frames[d - 3].kind != KIND_ROOT))
		return;
	value = parse_plain_value(p, text);
	if (value[0] != '\0') {
		char *resolved = parse_resolve(p, value);

		free(value);
		value = resolved;
	}
	parse_set_feed(p, FF_IMAGE, CORE, value);
}

static void
ttl_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_CHANNEL && *text != NULL)
		p->ttl_minutes = strtol(*text, NULL, 10);
}

/* Sorted by name (all in NS_RSS) for bsearch. */
const struct element parse_rss_elements[] = {
	{ NS_RSS, "author", capture_text, author_end },
	{ NS_RSS, "category", capture_text, category_end },
	{ NS_RSS, "channel", channel_start, NULL },
	{ NS_RSS, "description", capture_rss, description_end },
	{ NS_RSS, "enclosure", enclosure_start, NULL },
	{ NS_RSS, "fullitem", capture_rss, fullitem_end },
	{ NS_RSS, "guid", guid_start, guid_end },
	{ NS_RSS, "image", image_start, NULL },
	{ NS_RSS, "item", item_start, item_end },
	{ NS_RSS, "language", capture_text, language_end },
	{ NS_RSS, "lastBuildDate", capture_text, lastbuilddate_end },
	{ NS_RSS, "link", capture_text, link_end },
	{ NS_RSS, "managingEditor", capture_text, author_end },
	{ NS_RSS, "pubDate", capture_text, pubdate_end },
	{ NS_RSS, "textinput", textinput_start, NULL },
	{ NS_RSS, "title", capture_rss, title_end },
	{ NS_RSS, "ttl", capture_text, ttl_end },
	{ NS_RSS, "url", capture_text, url_end },
};
const size_t parse_rss_nelements = sizeof(parse_rss_elements) / sizeof(parse_rss_elements[0]);
