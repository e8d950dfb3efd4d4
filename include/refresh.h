/* refresh.h: refreshing feeds: fetch (one curl multi loop), parse as the
 * bytes arrive, and write each feed to the store in one short transaction
 * when its transfer ends. Used by `tidings refresh` and by the reader, which
 * drives the same loop step by step while it keeps answering keys.
 *
 * The same loop fetches full stories: an item's web page, its story found
 * by extract_story() and stored with the item. A feed whose full_story flag
 * is set has the pages of its new items fetched after each refresh of it;
 * refresh_add_story() asks for one item's (the reader's fetch-story key).
 * A story that cannot be had is never a feed failure: the item keeps its
 * feed content and the reason is stored with it.
 *
 * Ownership: refresh_new returns an owned struct refresh that borrows the
 * store and the settings (both must outlive it). Strings handed to the
 * callbacks are valid only during the call. */
#ifndef TIDINGS_REFRESH_H
#define TIDINGS_REFRESH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "settings.h"

struct store;
struct store_feed;
struct refresh;

struct refresh_stats {
	size_t	 queued;	/* feeds asked for */
	size_t	 done;		/* feeds finished, either way */
	size_t	 failed;
	size_t	 not_modified;
	size_t	 new_items;
	/* Failed without any answer (name lookup, connection, timeout, reset):
	 * all of a round's feeds failing so says the network is down. */
	size_t	 unreachable;
	size_t	 stories_queued;	/* item pages asked for */
	size_t	 stories_done;		/* finished, either way */
	size_t	 stories_failed;
};

/* At most this many stories are fetched per feed and refresh: a feed that
 * suddenly carries hundreds of new items (its first fetch, a site moved)
 * should not send hundreds of requests to one site at once. */
#define REFRESH_MAX_STORIES	50

struct refresh_callbacks {
	/* After each feed finishes. May be NULL. */
	void	(*progress)(void *ctx, const struct refresh_stats *stats);
	/* A feed failed (name is the feed's display name, unsanitized;
	 * message one line). May be NULL. */
	void	(*failure)(void *ctx, const char *name, const char *message);
	/* Something the user should know that is not a failure, e.g. a
	 * permanent redirect that changed the stored URL. May be NULL. */
	void	(*notice)(void *ctx, const char *name, const char *message);
	/* An item's story was fetched (ok) or could not be (message says
	 * why in one line: "HTTP 404 Not Found", "not an HTML page (JSON)",
	 * "no story found on the page"...). May be NULL. */
	void	(*story)(void *ctx, int64_t item_id, bool ok, const char *message);
	void	*ctx;
};

struct refresh *refresh_new(struct store *store, const struct settings *settings,
    const struct refresh_callbacks *callbacks);
void refresh_free(struct refresh **r);

/* Queue one feed, whatever its schedule (but never against a Retry-After in
 * force, nor a disabled feed: those return 1 and are not queued). Returns 0
 * when queued, -1 on error. */
int refresh_add_feed(struct refresh *r, int64_t feed_id);

/* Queue every enabled feed that is due at now; with all, every enabled feed
 * whose Retry-After has passed. Returns the number queued, or -1. */
long refresh_add_due(struct refresh *r, int64_t now, bool all);

/* Queue every enabled feed whose last fetch got no answer at all (see
 * unreachable), whatever its schedule: the retry after an outage. Returns
 * the number queued, or -1. */
long refresh_add_unreachable(struct refresh *r);

/* Where the schedule of the store's feeds stands at now. */
struct refresh_outlook {
	size_t	 feeds;		/* enabled feeds */
	size_t	 due;		/* of which due at now */
	size_t	 disabled;
	int64_t	 next;		/* earliest due time of the others; DATE_NONE if none */
};
int refresh_outlook(struct store *store, int64_t now, struct refresh_outlook *out);

/* When a refresh would next fetch feed: its next_due, but never before a
 * Retry-After in force; DATE_NONE for at once. */
int64_t refresh_due_time(const struct store_feed *feed);

/* Queue the fetch of the web page at link for the story of item item_id.
 * Returns 0 when queued, 1 when link is not an http or https URL (nothing
 * is queued; the message is the caller's). */
int refresh_add_story(struct refresh *r, int64_t item_id, const char *link);

/* One turn of the loop (see fetch_step): waits up to timeout_ms for network
 * activity or extra_fd. Returns 0, or -1 on an internal error. */
int refresh_step(struct refresh *r, int timeout_ms, int extra_fd, bool *extra_ready);

/* Run until every queued feed and story is done. */
int refresh_run(struct refresh *r);

/* Feeds and stories queued or in flight. */
size_t refresh_pending(const struct refresh *r);
const struct refresh_stats *refresh_stats(const struct refresh *r);

/* For the test suite only: TIDINGS_TEST_INTERVAL in seconds, else 0. When
 * set, every feed is due that long after each fetch, and the watch's and
 * the reader's waits (back-off, busy lock, first poll) shrink to it. */
long refresh_test_interval(void);

/* Take the refresh lock for the store at db_path (a lock file beside it),
 * waiting up to wait_ms. Returns the lock's file descriptor (close it to
 * release), -1 if another process holds it, or -2 with errno on error. */
int refresh_lock(const char *db_path, int wait_ms);

#endif
