/* feed.c: the neutral feed and item model: initialisation, release, the
 * cleaning every parsed value gets before it leaves the parser, and the
 * stable item identity. No parsing here; the format handlers fill these. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "sanitize.h"
#include "url.h"
#include "xmalloc.h"

void
item_init(struct item *item)
{
	memset(item, 0, sizeof(*item));
	item->published = DATE_NONE;
	item->updated = DATE_NONE;
}

static void
enclosure_clear(struct enclosure *e)
{
	free(e->url);
	free(e->type);
	free(e->length);
}

void
item_clear(struct item *item)
{
	size_t i;

	free(item->id);
	free(item->title);
	free(item->link);
	free(item->author);
	free(item->summary);
	free(item->content);
	free(item->thumbnail);
	free(item->duration);
	for (i = 0; i < item->n_enclosures; i++)
		enclosure_clear(&item->enclosures[i]);
	free(item->enclosures);
	for (i = 0; i < item->n_categories; i++)
		free(item->categories[i]);
	free(item->categories);
	item_init(item);
}

static char *
copy_string(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
item_copy(struct item *dst, const struct item *src)
{
	size_t i;

	item_init(dst);
	dst->id = copy_string(src->id);
	dst->title = copy_string(src->title);
	dst->link = copy_string(src->link);
	dst->author = copy_string(src->author);
	dst->summary = copy_string(src->summary);
	dst->content = copy_string(src->content);
	dst->thumbnail = copy_string(src->thumbnail);
	dst->duration = copy_string(src->duration);
	dst->published = src->published;
	dst->updated = src->updated;
	for (i = 0; i < src->n_categories; i++)
		item_add_category(dst, src->categories[i]);
	for (i = 0; i < src->n_enclosures; i++) {
		struct enclosure *e = item_add_enclosure(dst);

		e->url = copy_string(src->enclosures[i].url);
		e->type = copy_string(src->enclosures[i].type);
		e->length = copy_string(src->enclosures[i].length);
	}
}

void
item_add_category(struct item *item, const char *category)
{
	item->categories = xreallocarray(item->categories, item->n_categories + 1,
	    sizeof(*item->categories));
	item->categories[item->n_categories++] = xstrdup(category);
}

struct enclosure *
item_add_enclosure(struct item *item)
{
	struct enclosure *e;

	item->enclosures = xreallocarray(item->enclosures, item->n_enclosures + 1,
	    sizeof(*item->enclosures));
	e = &item->enclosures[item->n_enclosures++];
	memset(e, 0, sizeof(*e));
	return e;
}

void
item_collapse_enclosures(struct item *item)
{
	struct enclosure *e, *kept;
	size_t i, j, n = 0;

	for (i = 0; i < item->n_enclosures; i++) {
		e = &item->enclosures[i];
		for (j = 0; e->url != NULL && j < n; j++) {
			if (item->enclosures[j].url != NULL && strcmp(item->enclosures[j].url, e->url) == 0)
				break;
		}
		if (e->url == NULL || j == n) {
			item->enclosures[n++] = *e;
			continue;
		}
		/* The first one stays; a later one fills in what it lacks. */
		kept = &item->enclosures[j];
		if (kept->type == NULL || kept->type[0] == '\0') {
			free(kept->type);
			kept->type = e->type;
			e->type = NULL;
		}
		if (kept->length == NULL || kept->length[0] == '\0') {
			free(kept->length);
			kept->length = e->length;
			e->length = NULL;
		}
		enclosure_clear(e);
	}
	item->n_enclosures = n;
}

/* What is stored is what every consumer prints, from `list --format json`
 * to OPML: so the text fields lose controls and bidi controls here, once.
 * Identifiers and URLs are left as written (an id is an identity; a URL's
 * scheme and characters are url.c's to judge). */
/* A javascript:, data:, vbscript: or file: link from a feed is no link. */
static void
drop_dangerous(char **link)
{
	if (url_is_dangerous(*link)) {
		free(*link);
		*link = NULL;
	}
}

void
item_sanitize(struct item *item)
{
	size_t i, kept = 0;

	drop_dangerous(&item->link);
	drop_dangerous(&item->thumbnail);
	for (i = 0; i < item->n_enclosures; i++) {
		if (url_is_dangerous(item->enclosures[i].url))
			enclosure_clear(&item->enclosures[i]);
		else
			item->enclosures[kept++] = item->enclosures[i];
	}
	item->n_enclosures = kept;
	kept = 0;

	item->title = sanitize_field(item->title, SANITIZE_PLAIN);
	item->author = sanitize_field(item->author, SANITIZE_PLAIN);
	item->duration = sanitize_field(item->duration, SANITIZE_PLAIN);
	item->summary = sanitize_field(item->summary, SANITIZE_HTML);
	item->content = sanitize_field(item->content, SANITIZE_HTML);
	for (i = 0; i < item->n_enclosures; i++) {
		item->enclosures[i].type = sanitize_field(item->enclosures[i].type,
		    SANITIZE_PLAIN);
		item->enclosures[i].length = sanitize_field(
		    item->enclosures[i].length, SANITIZE_PLAIN);
	}
	/* A category that was nothing but controls is no category. */
	for (i = 0; i < item->n_categories; i++) {
		item->categories[i] = sanitize_field(item->categories[i],
		    SANITIZE_PLAIN);
		if (item->categories[i][0] == '\0')
			free(item->categories[i]);
		else
			item->categories[kept++] = item->categories[i];
	}
	item->n_categories = kept;
}

void
feed_sanitize(struct feed *feed)
{
	drop_dangerous(&feed->link);
	drop_dangerous(&feed->image);
	feed->title = sanitize_field(feed->title, SANITIZE_PLAIN);
	feed->author = sanitize_field(feed->author, SANITIZE_PLAIN);
	feed->language = sanitize_field(feed->language, SANITIZE_PLAIN);
	feed->description = sanitize_field(feed->description, SANITIZE_HTML);
}

void
feed_init(struct feed *feed)
{
	memset(feed, 0, sizeof(*feed));
	feed->updated = DATE_NONE;
}

void
feed_clear(struct feed *feed)
{
	free(feed->title);
	free(feed->link);
	free(feed->description);
	free(feed->language);
	free(feed->author);
	free(feed->image);
	feed_init(feed);
}

/* FNV-1a, 64 bits: stable across runs and machines, which is all an identity
 * needs; it is not a defence against forged collisions (a feed can always
 * reuse another item's guid anyway). */
static unsigned long long
fnv1a(unsigned long long h, const char *s)
{
	if (s == NULL)
		s = "";
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	/* A separator, so that ("ab", "c") and ("a", "bc") differ. */
	h ^= 0xff;
	h *= 0x100000001b3ULL;
	return h;
}

char *
item_identity(const struct item *item)
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	char date[32];

	if (item->id != NULL && item->id[0] != '\0')
		return xstrdup(item->id);
	if (item->link != NULL && item->link[0] != '\0')
		return xstrdup(item->link);
	snprintf(date, sizeof(date), "%lld", (long long)(item->published != DATE_NONE ?
	    item->published : item->updated));
	h = fnv1a(h, item->title);
	h = fnv1a(h, date);
	h = fnv1a(h, item->content != NULL ? item->content : item->summary);
	return xasprintf("hash:%016llx", h);
}

const char *
feed_format_name(enum feed_format format)
{
	switch (format) {
	case FEED_FORMAT_RSS09:
		return "rss0.9x";
	case FEED_FORMAT_RSS10:
		return "rss1.0";
	case FEED_FORMAT_RSS20:
		return "rss2.0";
	case FEED_FORMAT_ATOM03:
		return "atom0.3";
	case FEED_FORMAT_ATOM10:
		return "atom1.0";
	case FEED_FORMAT_JSON:
		return "json";
	case FEED_FORMAT_UNKNOWN:
		break;
	}
	return "unknown";
}
