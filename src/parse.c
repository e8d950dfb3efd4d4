/* parse.c: the streaming feed parser's front end: the public interface,
 * the sniff that picks a back end (XML in parse-xml.c, JSON Feed in
 * parse-json.c) from the document's first bytes, and the feed-level values
 * settled at the end. It knows neither format.
 *
 * The first KiB is held until a back end can be chosen: a document whose
 * first byte (after a byte-order mark and white space) is '{' is JSON Feed,
 * anything else is XML (whose charset sniffing needs that KiB too). From
 * then on every chunk goes to the chosen back end. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "parse-internal.h"
#include "xmalloc.h"


/* The prefix held back while looking for the charset. The bounds on nesting,
 * a field's text and the items are parse_options (parse.h). Expat bounds
 * entity expansion itself (its billion-laughs protection), and the internal
 * DTD subset and attribute values are bounded by the document's size, which
 * the fetcher caps (max-size); attribute values we keep count as text. */
#define SNIFF_SIZE	1024
#define MAX_TTL_MINUTES	(365L * 24 * 60)

/* In the order they are asked; the last one takes what no other claims. */
static const struct parse_backend *const backends[] = {
	&parse_json_backend,
	&parse_xml_backend,
};

void
parse_stop(struct parser *p, char *message)
{
	if (p->error == NULL)
		p->error = message;
	else
		free(message);
	p->state = STATE_STOPPED;
}

/* Where s (n bytes) holds a case-insensitive copy of word, or NULL. */
static const char *
find_word(const char *s, size_t n, const char *word)
{
	size_t i, k = strlen(word);

	for (i = 0; i + k <= n; i++)
		if (ascii_has_prefix(s + i, n - i, word))
			return s + i;
	return NULL;
}

/* How many leading bytes are junk a server printed before the feed: a PHP
 * notice as HTML, a stray line of text. A document that starts (after a
 * byte-order mark and white space) with markup an XML document may start
 * with, '<?', '<!' or a feed's root, has none; otherwise the junk runs to
 * the XML declaration, else to the first feed root, if the first KiB has
 * one. 0 when there is nothing to skip or no feed to skip to. */
static size_t
junk_length(const char *s, size_t n)
{
	static const char *const roots[] = { "<rss", "<feed", "<rdf:rdf", "<channel" };
	const char *start = s, *end = s + n, *found = NULL;
	size_t i;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		start += 3;
	while (start < end && ascii_is_space((unsigned char)*start))
		start++;
	if (start == end || (end - start >= 2 && start[0] == '<' &&
	    (start[1] == '?' || start[1] == '!')))
		return 0;
	for (i = 0; i < sizeof(roots) / sizeof(roots[0]); i++)
		if (ascii_has_prefix(start, (size_t)(end - start), roots[i]))
			return 0;
	if ((found = find_word(start, (size_t)(end - start), "<?xml")) == NULL)
		for (i = 0; i < sizeof(roots) / sizeof(roots[0]) && found == NULL; i++)
			found = find_word(start, (size_t)(end - start), roots[i]);
	if (found == NULL)
		return 0;
	/* A byte-order mark right before the declaration goes with the junk. */
	return (size_t)(found - s);
}

/* The first bytes are in (or all there are): pick the back end and give it
 * what was held back, less any junk before the feed. */
static void
start_backend(struct parser *p)
{
	size_t i, n = sizeof(backends) / sizeof(backends[0]), skip;

	for (i = 0; i + 1 < n; i++) {
		if (backends[i]->detect(buf_str(&p->sniffed), p->sniffed.len))
			break;
	}
	p->backend = backends[i];
	p->state = STATE_READING;
	skip = i + 1 == n ? junk_length(buf_str(&p->sniffed), p->sniffed.len) : 0;
	p->backend->chunk(p, buf_str(&p->sniffed) + skip, p->sniffed.len - skip);
	buf_free(&p->sniffed);
}

struct parser *
parse_new(const struct parse_options *options, const struct parse_handlers *handlers)
{
	struct parser *p = xcalloc(1, sizeof(*p));

	if (handlers != NULL)
		p->handlers = *handlers;
	if (options != NULL) {
		if (options->url != NULL && options->url[0] != '\0')
			p->url = xstrdup(options->url);
		if (options->http_charset != NULL && options->http_charset[0] != '\0')
			p->http_charset = xstrdup(options->http_charset);
		p->max_items = options->max_items;
		p->max_depth = options->max_depth;
		p->max_text = options->max_text;
	}
	if (p->max_items == 0)
		p->max_items = PARSE_MAX_ITEMS;
	if (p->max_depth == 0)
		p->max_depth = PARSE_MAX_DEPTH;
	if (p->max_text == 0)
		p->max_text = PARSE_MAX_TEXT;
	p->state = STATE_SNIFF;
	feed_init(&p->feed);
	item_init(&p->item);
	return p;
}

int
parse_feed_chunk(struct parser *p, const char *data, size_t len)
{
	switch (p->state) {
	case STATE_SNIFF:
		buf_append(&p->sniffed, data, len);
		if (p->sniffed.len >= SNIFF_SIZE)
			start_backend(p);
		break;
	case STATE_READING:
		p->backend->chunk(p, data, len);
		break;
	case STATE_STOPPED:
		break;
	}
	return p->state == STATE_STOPPED && !p->root_closed ? -1 : 0;
}

static long
sy_period_seconds(const char *period)
{
	static const struct { const char *name; long seconds; } periods[] = {
		{ "hourly", 3600 }, { "daily", 86400 }, { "weekly", 7 * 86400 },
		{ "monthly", 30 * 86400 }, { "yearly", 365 * 86400 },
	};
	size_t i;

	for (i = 0; i < sizeof(periods) / sizeof(periods[0]); i++) {
		if (ascii_casecmp(period, periods[i].name) == 0)
			return periods[i].seconds;
	}
	return 0;
}

/* Feed-level values that can only be settled at the end. */
static void
finish_feed(struct parser *p)
{
	char *lang;

	if (p->feed.language == NULL && p->root_lang != NULL && p->root_lang[0] != '\0')
		p->feed.language = xstrdup(p->root_lang);
	feed_sanitize(&p->feed);
	for (lang = p->feed.language; lang != NULL && *lang != '\0'; lang++) {
		if (*lang == '_')
			*lang = '-';	/* en_US is a common misspelling of en-US */
	}
	/* <ttl> is in minutes (RSS 2.0); more than a year is as good as a
	 * year, and <ttl>99999999999999999999</ttl> must not overflow. */
	if (p->ttl_minutes > 0)
		p->feed.poll_interval = (p->ttl_minutes < MAX_TTL_MINUTES ?
		    p->ttl_minutes : MAX_TTL_MINUTES) * 60;
	if (p->sy_period != NULL) {
		long period = sy_period_seconds(p->sy_period);
		long frequency = p->sy_frequency > 0 ? p->sy_frequency : 1;

		if (period > 0 && period / frequency > p->feed.poll_interval)
			p->feed.poll_interval = period / frequency;
	}
}

int
parse_feed_finish(struct parser *p)
{
	if (p->state == STATE_SNIFF)
		start_backend(p);
	/* A back end that stopped has finished already. */
	if (p->state == STATE_READING)
		p->backend->finish(p);
	finish_feed(p);
	if (!p->root_seen && p->error == NULL)
		p->error = xstrdup("not a feed: no XML element found");
	if (!p->is_feed)
		return -1;
	if (!p->root_closed && p->error == NULL)
		p->error = xstrdup("the feed ends before its root element is closed");
	return p->root_closed || p->nitems > 0 ? 0 : -1;
}

const struct feed *
parse_feed(const struct parser *p)
{
	return &p->feed;
}

size_t
parse_item_count(const struct parser *p)
{
	return p->nitems;
}

const char *
parse_error(const struct parser *p)
{
	return p->error;
}

void
parse_free(struct parser **pp)
{
	struct parser *p = *pp;

	if (p == NULL)
		return;
	if (p->backend != NULL)
		p->backend->free(p);
	buf_free(&p->sniffed);
	feed_clear(&p->feed);
	item_clear(&p->item);
	free(p->sy_period);
	free(p->source_author);
	free(p->root_lang);
	free(p->url);
	free(p->http_charset);
	free(p->error);
	free(p);
	*pp = NULL;
}

