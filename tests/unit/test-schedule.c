/* test-schedule.c: the next due time: the user's interval, and every hint
 * from the publisher only ever making the wait longer, up to a week. */
#include "config.h"

#include "schedule.h"
#include "test.h"

int
main(void)
{
	static const struct {
		struct schedule_hints hints;
		int64_t wait;
	} rows[] = {
		{ { 3600, 0, -1, -1, -1 }, 3600 },
		{ { 0, 0, -1, -1, -1 }, 3600 },			/* no interval: an hour */
		{ { 900, 0, -1, -1, -1 }, 900 },
		{ { 900, 3600, -1, -1, -1 }, 3600 },		/* <ttl>60</ttl> */
		{ { 7200, 3600, -1, -1, -1 }, 7200 },		/* never sooner than the user wants */
		{ { 900, 0, 1800, -1, -1 }, 1800 },		/* Cache-Control: max-age */
		{ { 900, 0, 60, -1, -1 }, 900 },		/* a short max-age does not hurry us */
		{ { 900, 0, -1, 5000, -1 }, 5000 },		/* Expires */
		{ { 900, 0, -1, 0, -1 }, 900 },			/* already expired */
		{ { 900, 0, -1, -1, 120 }, 900 },		/* Retry-After shorter than the interval */
		{ { 900, 0, -1, -1, 86400 }, 86400 },		/* Retry-After: a day */
		{ { 900, 99999999, -1, -1, -1 }, SCHEDULE_MAX_WAIT },	/* a broken ttl is capped */
		{ { 900, 0, -1, -1, 99999999 }, SCHEDULE_MAX_WAIT },
		{ { 900, 3600, 7200, 10800, 600 }, 10800 },	/* the longest ask wins */
	};
	size_t i;
	int64_t now = 1700000000;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		CHECK_INT(schedule_next_due(now, &rows[i].hints) - now, rows[i].wait);
	return test_done();
}
