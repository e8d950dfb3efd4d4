/* parse-atom.c: the Atom 1.0 (RFC 4287) and Atom 0.3 elements and what each
 * fills in the neutral model. The byte pipeline and dispatch are in parse.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parse-internal.h"
#include "xmalloc.h"

#define CORE	2

static void
entry_start(struct parser *p, const XML_Char **attrs)
{
	(void)attrs;
	if (parse_parent_kind(p) != KIND_CHANNEL)
		return;
	parse_set_kind(p, KIND_ITEM);
	parse_item_begin(p);
}

static void
entry_end(struct parser *p, char **text)
{
	(void)text;
	if (p->frames[p->depth - 1].kind == KIND_ITEM)
		parse_item_end(p);
}

static void
source_start(struct parser *p, const XML_Char **attrs)
{
	(void)attrs;
	/* RFC 4287 4.2.11: <source> describes the feed an entry came from; its
	 * children must not be taken for the entry's own. */
	parse_set_kind(p, KIND_SOURCE);
}

static void
text_construct_start(struct parser *p, const XML_Char **attrs)
{
	parse_atom_content_type(p, attrs);
}

static void
plain_start(struct parser *p, const XML_Char **attrs)
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
subtitle_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_CHANNEL)
		parse_set_feed(p, FF_DESCRIPTION, CORE, parse_html_value(p, text));
}

static void
summary_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_ITEM)
		parse_set_item(p, IF_SUMMARY, CORE, parse_html_value(p, text));
}

static void
content_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_ITEM)
		parse_set_item(p, IF_CONTENT, CORE, parse_html_value(p, text));
}

static void
id_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_ITEM)
		parse_set_item(p, IF_ID, CORE, parse_plain_value(p, text));
}

static void
set_alternate_link(struct parser *p, enum kind parent, const char *href)
{
	/* The first alternate link is the one (RFC 4287 4.2.7.2). */
	if (parent == KIND_ITEM && p->item.link == NULL)
		parse_set_item(p, IF_LINK, CORE, parse_resolve(p, href));
	else if (parent == KIND_CHANNEL && p->feed.link == NULL)
		parse_set_feed(p, FF_LINK, CORE, parse_resolve(p, href));
}

#define LINK_ALTERNATE_TEXT 1

static void
link_start(struct parser *p, const XML_Char **attrs)
{
	const char *rel = parse_attr(attrs, "rel");
	const char *href = parse_attr(attrs, "href");
	enum kind parent = parse_parent_kind(p);
	bool alternate = rel == NULL || rel[0] == '\0' || strcasecmp(rel, "alternate") == 0;
	struct enclosure *e;

	if (parent != KIND_ITEM && parent != KIND_CHANNEL)
		return;
	if (href == NULL) {
		/* Some feeds write the URL as the link's text, RSS-style. */
		if (alternate) {
			p->frames[p->depth - 1].state = LINK_ALTERNATE_TEXT;
			parse_capture(p, CT_TEXT, false);
		}
		return;
	}
	if (alternate)
		set_alternate_link(p, parent, href);
	else if (strcasecmp(rel, "enclosure") == 0 && parent == KIND_ITEM && href[0] != '\0') {
		const char *type = parse_attr(attrs, "type");
		const char *length = parse_attr(attrs, "length");

		e = item_add_enclosure(&p->item);
		e->url = parse_resolve(p, href);
		e->type = type != NULL ? xstrdup(type) : NULL;
		e->length = length != NULL ? xstrdup(length) : NULL;
	}
}

static void
link_end(struct parser *p, char **text)
{
	char *href;

	if (p->frames[p->depth - 1].state != LINK_ALTERNATE_TEXT)
		return;
	href = parse_plain_value(p, text);
	if (href[0] != '\0')
		set_alternate_link(p, parse_parent_kind(p), href);
	free(href);
}

static void
person_start(struct parser *p, const XML_Char **attrs)
{
	enum kind parent = parse_parent_kind(p);

	(void)attrs;
	if (parent != KIND_ITEM && parent != KIND_CHANNEL)
		return;
	parse_set_kind(p, KIND_PERSON);
	free(p->person_name);
	free(p->person_email);
	p->person_name = p->person_email = NULL;
}

static void
person_end(struct parser *p, char **text)
{
	char *who;

	(void)text;
	if (p->frames[p->depth - 1].kind != KIND_PERSON)
		return;
	/* The person's name if given, else the email address. */
	if (p->person_name != NULL && p->person_name[0] != '\0') {
		who = p->person_name;
		p->person_name = NULL;
	} else if (p->person_email != NULL) {
		who = p->person_email;
		p->person_email = NULL;
	} else
		return;
	if (parse_parent_kind(p) == KIND_ITEM)
		parse_set_item(p, IF_AUTHOR, CORE, who);
	else
		parse_set_feed(p, FF_AUTHOR, CORE, who);
}

static void
name_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) != KIND_PERSON)
		return;
	free(p->person_name);
	p->person_name = parse_plain_value(p, text);
}

static void
email_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) != KIND_PERSON)
		return;
	free(p->person_email);
	p->person_email = parse_plain_value(p, text);
}

static void
updated_end(struct parser *p, char **text)
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
published_end(struct parser *p, char **text)
{
	if (parse_parent_kind(p) == KIND_ITEM)
		parse_set_item_date(p, IF_PUBLISHED, CORE, *text);
}

static void
category_start(struct parser *p, const XML_Char **attrs)
{
	const char *term = parse_attr(attrs, "term");

	if (parse_parent_kind(p) != KIND_ITEM)
		return;
	if (term == NULL || term[0] == '\0')
		term = parse_attr(attrs, "label");
	if (term != NULL && term[0] != '\0')
		item_add_category(&p->item, term);
}

static void
logo_end(struct parser *p, char **text)
{
	char *value;

	if (parse_parent_kind(p) != KIND_CHANNEL)
		return;
	value = parse_plain_value(p, text);
	if (value[0] != '\0') {
		char *resolved = parse_resolve(p, value);

		free(value);
		value = resolved;
	}
	parse_set_feed(p, FF_IMAGE, CORE, value);
}

/* Sorted by name (all in NS_ATOM) for bsearch. Atom 0.3 names (issued,
 * modified, tagline) sit beside their 1.0 successors. */
const struct element parse_atom_elements[] = {
	{ NS_ATOM, "author", person_start, person_end },
	{ NS_ATOM, "category", category_start, NULL },
	{ NS_ATOM, "content", text_construct_start, content_end },
	{ NS_ATOM, "email", plain_start, email_end },
	{ NS_ATOM, "entry", entry_start, entry_end },
	{ NS_ATOM, "id", plain_start, id_end },
	{ NS_ATOM, "issued", plain_start, published_end },
	{ NS_ATOM, "link", link_start, link_end },
	{ NS_ATOM, "logo", plain_start, logo_end },
	{ NS_ATOM, "modified", plain_start, updated_end },
	{ NS_ATOM, "name", plain_start, name_end },
	{ NS_ATOM, "published", plain_start, published_end },
	{ NS_ATOM, "source", source_start, NULL },
	{ NS_ATOM, "subtitle", text_construct_start, subtitle_end },
	{ NS_ATOM, "summary", text_construct_start, summary_end },
	{ NS_ATOM, "tagline", text_construct_start, subtitle_end },
	{ NS_ATOM, "title", text_construct_start, title_end },
	{ NS_ATOM, "updated", plain_start, updated_end },
};
const size_t parse_atom_nelements = sizeof(parse_atom_elements) / sizeof(parse_atom_elements[0]);
