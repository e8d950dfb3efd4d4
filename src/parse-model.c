/* parse-model.c: the feed model both back ends fill: fields set by
 * priority (the higher wins, among equals the later), dates, author names,
 * and items handed out as they end. Not how a format is read. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "date.h"
#include "parse-internal.h"
#include "plural.h"
#include "text.h"
#include "url.h"
#include "xmalloc.h"

/* Put value (taken) in *slot unless what is there has a higher priority;
 * an empty value does not displace a real one. */
static void
set_slot(char **slot, unsigned char *slot_prio, unsigned char prio, char *value)
{
	if (prio < *slot_prio || (value[0] == '\0' && *slot != NULL)) {
		free(value);
		return;
	}
	free(*slot);
	*slot = text_fix_c1(value);
	*slot_prio = prio;
}

void
parse_set_item(struct parser *p, enum item_field f, unsigned char prio, char *value)
{
	char **slot;

	if (value == NULL)
		return;
	switch (f) {
	case IF_ID: slot = &p->item.id; break;
	case IF_TITLE: slot = &p->item.title; break;
	case IF_LINK: slot = &p->item.link; break;
	case IF_AUTHOR: slot = &p->item.author; break;
	case IF_SUMMARY: slot = &p->item.summary; break;
	case IF_CONTENT: slot = &p->item.content; break;
	case IF_THUMBNAIL: slot = &p->item.thumbnail; break;
	case IF_DURATION: slot = &p->item.duration; break;
	default:
		free(value);
		return;
	}
	set_slot(slot, &p->item_prio[f], prio, value);
}

void
parse_set_item_date(struct parser *p, enum item_field f, unsigned char prio, const char *text)
{
	int64_t t = date_parse(text);
	int64_t *slot = f == IF_PUBLISHED ? &p->item.published : &p->item.updated;

	if (prio < p->item_prio[f])
		return;
	if (t == DATE_NONE && *slot != DATE_NONE)
		return;
	*slot = t;
	p->item_prio[f] = prio;
}

void
parse_set_feed(struct parser *p, enum feed_field f, unsigned char prio, char *value)
{
	char **slot;

	if (value == NULL)
		return;
	switch (f) {
	case FF_TITLE: slot = &p->feed.title; break;
	case FF_LINK: slot = &p->feed.link; break;
	case FF_DESCRIPTION: slot = &p->feed.description; break;
	case FF_LANGUAGE: slot = &p->feed.language; break;
	case FF_AUTHOR: slot = &p->feed.author; break;
	case FF_IMAGE: slot = &p->feed.image; break;
	default:
		free(value);
		return;
	}
	set_slot(slot, &p->feed_prio[f], prio, value);
}

void
parse_set_feed_date(struct parser *p, unsigned char prio, const char *text)
{
	int64_t t = date_parse(text);

	if (prio < p->feed_prio[FF_UPDATED] || (t == DATE_NONE && p->feed.updated != DATE_NONE))
		return;
	p->feed.updated = t;
	p->feed_prio[FF_UPDATED] = prio;
}

/* Whether name is one of the ", "-separated names in list (ASCII case
 * ignored: "alice" and "Alice" are one person). */
static bool
author_listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *s = list, *comma;

	for (;;) {
		comma = strstr(s, ", ");
		if ((size_t)((comma != NULL ? comma : s + strlen(s)) - s) == n &&
		    ascii_ncasecmp(s, name, n) == 0)
			return true;
		if (comma == NULL)
			return false;
		s = comma + 2;
	}
}

void
parse_join_author(char **list, char *name)
{
	char *joined;

	if (name[0] == '\0' || (*list != NULL && author_listed(*list, name))) {
		free(name);
		return;
	}
	if (*list == NULL) {
		*list = name;
		return;
	}
	joined = xasprintf("%s, %s", *list, name);
	free(name);
	free(*list);
	*list = joined;
}

void
parse_add_author(struct parser *p, bool item, unsigned char prio, const void *source, char *name)
{
	char **slot = item ? &p->item.author : &p->feed.author;
	unsigned char *slot_prio = item ? &p->item_prio[IF_AUTHOR] : &p->feed_prio[FF_AUTHOR];
	const void **last = item ? &p->item_author_source : &p->feed_author_source;

	if (name == NULL)
		return;
	/* The same element again (several <author>, several dc:creator):
	 * one more author. Another element at the same priority replaces
	 * the list, as for any field (<author> then dc:creator). */
	if (*slot != NULL && (*slot)[0] != '\0' && prio == *slot_prio && source == *last) {
		parse_join_author(slot, text_fix_c1(name));
		return;
	}
	if (prio >= *slot_prio && name[0] != '\0')
		*last = source;
	if (item)
		parse_set_item(p, IF_AUTHOR, prio, name);
	else
		parse_set_feed(p, FF_AUTHOR, prio, name);
}

char *
parse_author_name(char *s)
{
	char *open, *close, *name;

	text_collapse_space(s);
	if (strchr(s, '@') == NULL)
		return s;
	/* "Example editor <me@example.com>" */
	open = strchr(s, '<');
	if (open != NULL && open > s && strchr(open, '>') != NULL &&
	    memchr(open, '@', (size_t)(strchr(open, '>') - open)) != NULL) {
		name = xstrndup(s, (size_t)(open - s));
		free(s);
		return text_collapse_space(name);
	}
	open = strchr(s, '(');
	close = open != NULL ? strrchr(open, ')') : NULL;
	if (open == NULL || close == NULL || close[1] != '\0')
		return s;
	if (memchr(s, '@', (size_t)(open - s)) != NULL)
		name = xstrndup(open + 1, (size_t)(close - open - 1));	/* "me@example.com (Name)" */
	else
		name = xstrndup(s, (size_t)(open - s));	/* "Name (me@example.com)" */
	free(s);
	return text_collapse_space(name);
}

void
parse_item_begin(struct parser *p)
{
	item_clear(&p->item);
	memset(p->item_prio, 0, sizeof(p->item_prio));
	p->in_item = true;
	p->guid_is_permalink = false;
	p->item_author_source = NULL;
	free(p->source_author);
	p->source_author = NULL;
}

void
parse_item_end(struct parser *p)
{
	if (!p->in_item)
		return;
	p->in_item = false;
	/* RSS 2.0: a guid is the permalink unless isPermaLink="false"; but
	 * feeds leave the attribute out on guids that are no URL at all
	 * ("jp-1"), and a reader must not offer those as links. */
	if (p->item.link == NULL && p->guid_is_permalink && p->item.id != NULL &&
	    url_is_http(p->item.id))
		p->item.link = xstrdup(p->item.id);
	/* Atom (RFC 4287 4.2.1) and JSON Feed: an item without an author has
	 * its source's, else the feed's (as far as the feed has been read). */
	if (p->item.author == NULL && p->source_author != NULL) {
		p->item.author = p->source_author;
		p->source_author = NULL;
	}
	if (p->item.author == NULL && p->feed.author != NULL && (p->feed.format == FEED_FORMAT_ATOM03 ||
	    p->feed.format == FEED_FORMAT_ATOM10 || p->feed.format == FEED_FORMAT_JSON))
		p->item.author = xstrdup(p->feed.author);
	if (p->nitems >= p->max_items) {
		if (p->error == NULL)
			p->error = xasprintf("more than %zu %s; the rest were ignored", p->max_items,
			    plural_noun((long long)p->max_items, "item", "items"));
		item_clear(&p->item);
		return;
	}
	p->nitems++;
	item_collapse_enclosures(&p->item);
	item_sanitize(&p->item);
	feed_sanitize(&p->feed);
	if (p->handlers.item != NULL)
		p->handlers.item(p->handlers.ctx, &p->feed, &p->item);
	item_clear(&p->item);
}
