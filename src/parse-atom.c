/* parse-atom.c: the Atom 1.0 (RFC 4287) and Atom 0.3 elements and what each
 * fills in the neutral model. The byte pipeline and dispatch are in parse-xml.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "parse-internal.h"
#include "xmalloc.h"

#define CORE	PRIO_CORE

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
source_start(struct parser *p, const XML_Char **attrs)
{
	(void)attrs;
	/* RFC 4287 4.2.11: <source> describes the feed an entry came from; its
	 * children must not be taken for the entry's own. */
	parse_set_kind(p, KIND_SOURCE);
}

/* Text constructs (RFC 4287 3.1) and content (4.1.3): the type attribute
 * says how to read them. */
static void
construct_start(struct parser *p, const XML_Char **attrs)
{
	parse_atom_content_type(p, attrs);
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
	bool alternate = rel == NULL || rel[0] == '\0' || ascii_casecmp(rel, "alternate") == 0;
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
	else if (ascii_casecmp(rel, "enclosure") == 0 && parent == KIND_ITEM && href[0] != '\0') {
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
	/* A <source>'s author stands in for the entry's own (RFC 4287 4.2.1). */
	if (parent == KIND_SOURCE && (p->depth < 3 || p->frames[p->depth - 3].kind != KIND_ITEM))
		return;
	if (parent != KIND_ITEM && parent != KIND_CHANNEL && parent != KIND_SOURCE)
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
	if (parse_parent_kind(p) == KIND_SOURCE)
		parse_join_author(&p->source_author, who);
	else
		parse_add_author(p, parse_parent_kind(p) == KIND_ITEM, CORE,
		    p->frames[p->depth - 1].element, who);
}

/* A person's name or email: kept until the person ends. */
static void
person_part_end(struct parser *p, char **text)
{
	const struct element *e = p->frames[p->depth - 1].element;
	char **slot = strcmp(e->name, "name") == 0 ? &p->person_name : &p->person_email;

	if (parse_parent_kind(p) != KIND_PERSON)
		return;
	free(*slot);
	*slot = parse_plain_value(p, text);
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

#define CONSTRUCT(name, value, item_field, feed_field) \
	{ NS_ATOM, name, construct_start, parse_field_end, CT_TEXT, value, \
	  item_field, CORE, feed_field, CORE }

/* Sorted by name (all in NS_ATOM, compared ignoring case) for bsearch. Atom
 * 0.3 names (issued, modified, tagline) sit beside their 1.0 successors. */
const struct element parse_atom_elements[] = {
	HANDLED(NS_ATOM, "author", person_start, person_end),
	HANDLED(NS_ATOM, "category", category_start, NULL),
	CONSTRUCT("content", VALUE_HTML, IF_CONTENT, NO_FIELD),
	HANDLED(NS_ATOM, "email", parse_field_start, person_part_end),
	HANDLED(NS_ATOM, "entry", entry_start, parse_item_element_end),
	FIELD(NS_ATOM, "id", CT_TEXT, VALUE_PLAIN, IF_ID, CORE, NO_FIELD, 0),
	FIELD(NS_ATOM, "issued", CT_TEXT, VALUE_DATE, IF_PUBLISHED, CORE, NO_FIELD, 0),
	HANDLED(NS_ATOM, "link", link_start, link_end),
	FIELD(NS_ATOM, "logo", CT_TEXT, VALUE_LINK, NO_FIELD, 0, FF_IMAGE, CORE),
	FIELD(NS_ATOM, "modified", CT_TEXT, VALUE_DATE, IF_UPDATED, CORE, FF_UPDATED, CORE),
	HANDLED(NS_ATOM, "name", parse_field_start, person_part_end),
	FIELD(NS_ATOM, "published", CT_TEXT, VALUE_DATE, IF_PUBLISHED, CORE, NO_FIELD, 0),
	HANDLED(NS_ATOM, "source", source_start, NULL),
	CONSTRUCT("subtitle", VALUE_HTML, NO_FIELD, FF_DESCRIPTION),
	CONSTRUCT("summary", VALUE_HTML, IF_SUMMARY, NO_FIELD),
	CONSTRUCT("tagline", VALUE_HTML, NO_FIELD, FF_DESCRIPTION),
	CONSTRUCT("title", VALUE_PLAIN, IF_TITLE, FF_TITLE),
	FIELD(NS_ATOM, "updated", CT_TEXT, VALUE_DATE, IF_UPDATED, CORE, FF_UPDATED, CORE),
};
const size_t parse_atom_nelements = sizeof(parse_atom_elements) / sizeof(parse_atom_elements[0]);
