/* feedlist.h: the list of subscriptions as files hold it: newsboat "urls"
 * files and OPML in, OPML 2.0 out. Pure: no database, network or files. */
#ifndef TIDINGS_FEEDLIST_H
#define TIDINGS_FEEDLIST_H

#include <stddef.h>
#include <time.h>

#include "buf.h"

/* Limits that keep a hostile list from exhausting memory or time: feeds in
 * one list, nested OPML elements, tags on one feed (more are dropped), and
 * warnings kept (n_skipped still counts every skipped feed). */
#define FEEDLIST_MAX_ENTRIES	100000
#define FEEDLIST_MAX_DEPTH	64
#define FEEDLIST_MAX_TAGS	256
#define FEEDLIST_MAX_WARNINGS	100

/* One subscription. Every string is UTF-8 without control characters,
 * trimmed, white space runs collapsed; owned by the list. url is never NULL
 * (an http, https or file URL when read from a file); title is the user's
 * name for the feed and html_url the site's address (OPML htmlUrl), each
 * NULL when unknown; tags are unique, in order of appearance. */
struct feedlist_entry {
	char	 *url;
	char	 *title;
	char	 *html_url;
	char	**tags;
	size_t	  n_tags;
};

struct feedlist {
	struct feedlist_entry	 *entries;
	size_t			  n_entries;
	/* Feeds that were read but not imported: newsboat query:, exec: and
	 * filter: feeds, OPML outlines whose xmlUrl is not a usable URL, and
	 * outlines with neither an xmlUrl nor an outline inside. */
	size_t			  n_skipped;
	/* Human-readable notes ("line 7: skipped query feed"), at most
	 * FEEDLIST_MAX_WARNINGS of them. */
	char			**warnings;
	size_t			  n_warnings;

	/* Private: capacity of entries, and a hash index of URLs to entries. */
	size_t			  cap_entries;
	size_t			 *index;
	size_t			  cap_index;
};

#define FEEDLIST_INIT { NULL, 0, 0, NULL, 0, 0, NULL, 0 }

void feedlist_init(struct feedlist *list);
/* Free everything the list owns and leave it empty (as after feedlist_init).
 * Accepts NULL. */
void feedlist_free(struct feedlist *list);

/* Add a feed, or merge into the entry that already has this URL: the first
 * title and htmlUrl win (a later one only fills a missing one). Strings are
 * cleaned and copied; the URL's scheme is not checked here. Returns the
 * entry, valid until the list next changes, or NULL when url is NULL or empty
 * or the list holds FEEDLIST_MAX_ENTRIES. */
struct feedlist_entry *feedlist_add(struct feedlist *list, const char *url,
	    const char *title, const char *html_url);
/* Add a tag unless the entry has it already; empty tags are ignored. */
void feedlist_add_tag(struct feedlist_entry *entry, const char *tag);

/* Read a feed list from data (len bytes, need not be NUL-terminated). The
 * format comes from the content: OPML when the root element is <opml> (after
 * an optional byte order mark, XML declaration, comments and doctype),
 * otherwise a newsboat urls file. out is initialized here; the caller frees it
 * with feedlist_free whatever the result. Returns 0, or -1 with out empty and,
 * when err is not NULL, *err set to a message the caller frees, such as
 * "not an OPML or urls file: line 3 is not a URL". An empty file or one with
 * only comments is a valid list of no feeds. */
int feedlist_read(const char *data, size_t len, struct feedlist *out,
	    char **err);

/* Append list to out as an OPML 2.0 document: a head with a title and
 * dateCreated (now, as an RFC 822 date), then one flat outline per feed with
 * its tags in the category attribute. Text is XML-escaped; characters XML 1.0
 * cannot hold are dropped, invalid UTF-8 becomes U+FFFD. A tag's commas become
 * spaces and its leading slashes are dropped, as OPML reads those as
 * separators and paths. list may be NULL (an empty body). */
void feedlist_write_opml(const struct feedlist *list, time_t now,
	    struct buf *out);

#endif
