/* schedule.h: when a feed is next due. Polite polling: never sooner than
 * the user's interval, nor than the publisher asks (<ttl>, sy:updatePeriod,
 * Cache-Control max-age, Expires, Retry-After). Pure arithmetic. */
#ifndef TIDINGS_SCHEDULE_H
#define TIDINGS_SCHEDULE_H

#include <stdint.h>

/* What one fetch learnt about how often to come back; -1 where unknown. */
struct schedule_hints {
	long	 user_interval;		/* the feed's own setting, else the global one (> 0) */
	long	 publisher_interval;	/* from the feed document, 0 if none */
	int64_t	 max_age;		/* Cache-Control max-age, -1 if none */
	int64_t	 expires_in;		/* Expires minus Date, -1 if none */
	int64_t	 retry_after;		/* Retry-After in seconds, -1 if none */
};

/* A publisher's ask is honoured up to this long (a week): a feed that says
 * <ttl>99999999</ttl> by mistake must not vanish from the reader. */
#define SCHEDULE_MAX_WAIT (7 * 86400L)

/* The time the feed is next due, given the time of this fetch. */
int64_t schedule_next_due(int64_t now, const struct schedule_hints *hints);

#endif
