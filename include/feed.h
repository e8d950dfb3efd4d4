/* feed.h: the neutral model every feed format is normalized into.
 * All strings are UTF-8 and owned by their struct; NULL means missing. */
#ifndef TIDINGS_FEED_H
#define TIDINGS_FEED_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

enum feed_format {
	FEED_FORMAT_UNKNOWN = 0,
	FEED_FORMAT_RSS09,	/* RSS 0.90-0.94, and RSS with no version */
	FEED_FORMAT_RSS10,	/* RSS 1.0 (RDF) */
	FEED_FORMAT_RSS20,
	FEED_FORMAT_ATOM03,
	FEED_FORMAT_ATOM10,
	FEED_FORMAT_JSON,
};

struct enclosure {
	char	*url;
	char	*type;
	char	*length;	/* as written: a decimal byte count, or NULL */
};

struct item {
	char	*id;		/* guid / id / rdf:about as written */
	char	*title;		/* plain text */
	char	*link;		/* absolute where it could be resolved */
	char	*author;	/* a name, else an email address */
	char	*summary;	/* HTML */
	char	*content;	/* HTML */
	char	*thumbnail;	/* media:thumbnail, itunes:image */
	char	*duration;	/* itunes:duration as written */
	int64_t	 published;	/* seconds since the epoch, UTC; DATE_NONE if missing */
	int64_t	 updated;

	struct enclosure *enclosures;
	size_t	 n_enclosures;
	char	**categories;
	size_t	 n_categories;
};

struct feed {
	enum feed_format format;
	char	*title;		/* plain text */
	char	*link;
	char	*description;	/* HTML */
	char	*language;
	char	*author;
	char	*image;
	int64_t	 updated;	/* DATE_NONE if missing */
	/* How often the publisher asks to be polled, in seconds (<ttl>,
	 * sy:updatePeriod / sy:updateFrequency); 0 when the feed does not say. */
	long	 poll_interval;
};

void item_init(struct item *item);
void item_clear(struct item *item);
/* A deep copy of src into dst (dst is initialised first). */
void item_copy(struct item *dst, const struct item *src);
void item_add_category(struct item *item, const char *category);
struct enclosure *item_add_enclosure(struct item *item);
/* Enclosures with the same URL become one, the first, with the type and
 * length a later one gives where the first gives none. */
void item_collapse_enclosures(struct item *item);

/* Drop from the text fields what must never be stored: controls (tab and
 * newline only in HTML fields), C1 controls and bidi embedding, override and
 * isolate controls (sanitize_field); invalid UTF-8 becomes U+FFFD. The
 * parser does this to every item and feed it hands out. */
void item_sanitize(struct item *item);
void feed_sanitize(struct feed *feed);

void feed_init(struct feed *feed);
void feed_clear(struct feed *feed);

/* The item's stable identity: its id, else its link, else a hash of its
 * title, date and content ("hash:" and 16 hex digits). Owned by the caller. */
char *item_identity(const struct item *item);

/* The name of a format as used by `parse --json`: "rss2.0", "atom1.0", ... */
const char *feed_format_name(enum feed_format format);

#endif
