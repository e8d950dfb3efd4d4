/* parse.h: the streaming feed parser. Bytes are pushed in chunks as they
 * arrive (from a file or a transfer's write callback); each item is handed to
 * the caller as soon as its end tag is read, so memory does not grow with the
 * size of the feed. Formats: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed
 * 1.0/1.1 (whose items come out once the document is complete). */
#ifndef TIDINGS_PARSE_H
#define TIDINGS_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "feed.h"

struct parser;

struct parse_handlers {
	/* Called once per complete item, in document order. feed holds the feed
	 * metadata read so far. Both pointers are valid only during the call. */
	void	(*item)(void *ctx, const struct feed *feed, const struct item *item);
	void	*ctx;
};

struct parse_options {
	const char	*url;		/* the feed's own URL, for relative links; may be NULL */
	const char	*http_charset;	/* charset from Content-Type; may be NULL */
	/* Bounds on hostile input; 0 for each default. */
	size_t		 max_items;	/* items per feed (PARSE_MAX_ITEMS) */
	size_t		 max_depth;	/* element nesting (PARSE_MAX_DEPTH) */
	size_t		 max_text;	/* bytes of one field's text or markup, attribute
					 * values included (PARSE_MAX_TEXT) */
};

#define PARSE_MAX_ITEMS 100000
#define PARSE_MAX_DEPTH 256
#define PARSE_MAX_TEXT	(16u * 1024 * 1024)

struct parser *parse_new(const struct parse_options *options, const struct parse_handlers *handlers);

/* Push the next len bytes. Returns 0, or -1 once the document is broken
 * beyond recovery (further chunks are then ignored; parse_error says why). */
int parse_feed_chunk(struct parser *p, const char *data, size_t len);

/* End of input. Returns 0 when a feed was read, -1 otherwise (not a feed,
 * empty, broken before anything useful was read). Items already handed out
 * stay valid output either way. */
int parse_feed_finish(struct parser *p);

/* The feed metadata; complete after parse_feed_finish. Valid until parse_free. */
const struct feed *parse_feed(const struct parser *p);

/* Number of items handed out so far. */
size_t parse_item_count(const struct parser *p);

/* Why parsing failed or was cut short ("not well-formed at line 3, column 2",
 * "not a feed: the root element is <html>"), or NULL. Valid until parse_free. */
const char *parse_error(const struct parser *p);

void parse_free(struct parser **p);

#endif
