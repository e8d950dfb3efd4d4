/* schedule.c: the next due time of a feed from the user's interval and the
 * publisher's hints. Which feeds to fetch now is the refresh's decision. */
#include "config.h"

#include "schedule.h"

static int64_t
capped(int64_t seconds)
{
	return seconds > SCHEDULE_MAX_WAIT ? SCHEDULE_MAX_WAIT : seconds;
}

int64_t
schedule_next_due(int64_t now, const struct schedule_hints *h)
{
	int64_t wait = h->user_interval > 0 ? h->user_interval : 3600;

	/* Each hint can only make the wait longer, never shorter. */
	if (h->publisher_interval > 0 && capped(h->publisher_interval) > wait)
		wait = capped(h->publisher_interval);
	if (h->max_age > 0 && capped(h->max_age) > wait)
		wait = capped(h->max_age);
	if (h->expires_in > 0 && capped(h->expires_in) > wait)
		wait = capped(h->expires_in);
	if (h->retry_after > 0 && capped(h->retry_after) > wait)
		wait = capped(h->retry_after);
	return now + wait;
}
