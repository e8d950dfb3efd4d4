/* ui-poll.c: the reader polls. While it is open it refreshes the feeds that
 * fall due (the auto-refresh setting), on the schedule `tidings refresh`
 * follows, through the reader's own background refresh, so the keys keep
 * working. It never starts beside another refresh of the store (the refresh
 * lock: cron, a watch, another reader) nor while the user types a prompt. */
#include "config.h"

#include <curses.h>
#include <unistd.h>

#include "cmd.h"
#include "date.h"
#include "refresh.h"
#include "store.h"
#include "ui-internal.h"

/* How long to wait before looking again when another process holds the
 * refresh lock: its refresh will store what is due, and the reader sees
 * that through the store's change check. */
#define BUSY_RETRY_MS	(30 * 1000)
/* Automatic refreshes start at most this often, even when a feed stays
 * due (one whose state could not be stored). */
#define MIN_GAP_MS	(5 * 1000)
/* The first comes no sooner than this after the reader starts: a quick
 * look at the reader costs no network (refresh-on-start is for that). */
#define START_DELAY_MS	(60 * 1000)

/* One reader per process: the poll's memory is the file's. */
static struct {
	bool		 started;
	bool		 known;		/* due is up to date */
	unsigned	 generation;	/* ui->generation when due was read */
	int64_t		 due;		/* earliest due time, DATE_NONE if none */
	int64_t		 not_before;	/* milliseconds: no try before */
} poll_state;

/* The waits above, or all TIDINGS_TEST_INTERVAL seconds in the tests. */
static int64_t
wait_ms(int64_t ms)
{
	return refresh_test_interval() > 0 ? refresh_test_interval() * 1000 : ms;
}

/* The earliest time a feed is due, read again only when the store changed
 * (a refresh, another process) since it was last read. */
static int
next_due(struct ui *ui, int64_t now, int64_t *due)
{
	struct refresh_outlook look;

	if (!poll_state.known || poll_state.generation != ui->generation) {
		if (refresh_outlook(ui->store, now, &look) != 0)
			return -1;
		poll_state.due = look.due > 0 ? now : look.next;
		poll_state.generation = ui->generation;
		poll_state.known = true;
	}
	*due = poll_state.due;
	return 0;
}

void
ui_poll(struct ui *ui)
{
	int64_t now, due;
	int lock;

	if (!poll_state.started) {
		poll_state.started = true;
		poll_state.not_before = ui_now_ms() + wait_ms(START_DELAY_MS);
	}
	if (ui->settings->number[OPT_AUTO_REFRESH] == 0 || ui->refresh_lock >= 0 ||
	    ui->prompt.active || ui_now_ms() < poll_state.not_before)
		return;
	now = store_now(ui->store);
	if (next_due(ui, now, &due) != 0)
		return;
	/* The sync server's feeds are due on the refresh-interval. */
	if ((due == DATE_NONE || due > now) && !(ui_sync_configured(ui) &&
	    ui_now_ms() - ui_sync_last_ms() >= wait_ms(ui->settings->number[OPT_REFRESH_INTERVAL] * 1000)))
		return;
	/* Someone else is refreshing: not an error to show, as it is when
	 * the user asks; look again later. (The lock is taken again, and
	 * kept, by ui_refresh_start: the window between is harmless, the
	 * loser says so on the status line.) */
	lock = refresh_lock(ui->session->db_path, 0);
	if (lock < 0) {
		poll_state.not_before = ui_now_ms() + wait_ms(BUSY_RETRY_MS);
		return;
	}
	close(lock);
	/* Whatever happens, the due time is read again after it. */
	poll_state.known = false;
	poll_state.not_before = ui_now_ms() + wait_ms(MIN_GAP_MS);
	if (ui_refresh_start(ui, NULL, 0, false) != 0)
		poll_state.not_before = ui_now_ms() + wait_ms(BUSY_RETRY_MS);
}
