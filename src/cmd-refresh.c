/* cmd-refresh.c: `tidings refresh [--all] [--quiet] [--watch] [FEED...]`,
 * made for cron: one line per failed feed on stderr, one summary line on
 * stdout at the end (even when it is no terminal: a cron refresh that said
 * nothing would look like one that never ran), a progress line on a
 * terminal, and never two at once. --watch stays in the foreground and
 * refreshes each feed as it falls due. The full stories of feeds that want
 * them are fetched in the same run. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "date.h"
#include "plural.h"
#include "refresh.h"
#include "store.h"
#include "sync.h"

/* How long a second refresh waits for the first before giving up. */
#define LOCK_WAIT_MS 3000
/* The watch looks at the store at least this often, so that a feed added
 * meanwhile (due at once) is fetched without a restart. */
#define WATCH_MAX_SLEEP (5 * 60)
/* After a round in which no feed answered, the next try comes this long
 * later, doubling each time up to WATCH_MAX_BACKOFF. */
#define WATCH_BACKOFF (30)
#define WATCH_MAX_BACKOFF (60 * 60)

struct progress {
	bool	 show;		/* a progress line on the terminal */
	bool	 quiet;
	bool	 line_open;	/* the progress line needs clearing */
};

static void
clear_line(struct progress *p)
{
	if (p->line_open) {
		fputs("\r\033[K", stdout);
		fflush(stdout);
		p->line_open = false;
	}
}

static void
on_progress(void *ctx, const struct refresh_stats *stats)
{
	struct progress *p = ctx;

	if (!p->show)
		return;
	printf("\r\033[Krefreshing: %zu/%zu %s, %zu new %s", stats->done, stats->queued,
	    plural_noun((long long)stats->queued, "feed", "feeds"), stats->new_items,
	    plural_noun((long long)stats->new_items, "item", "items"));
	if (stats->failed > 0)
		printf(", %zu failed", stats->failed);
	if (stats->stories_queued > 0)
		printf("; stories %zu/%zu", stats->stories_done, stats->stories_queued);
	fflush(stdout);
	p->line_open = true;
}

static void
print_feed_line(struct progress *p, const char *name, const char *message)
{
	clear_line(p);
	cmd_warn(name, message);
}

static void
on_failure(void *ctx, const char *name, const char *message)
{
	print_feed_line(ctx, name, message);
}

static void
on_notice(void *ctx, const char *name, const char *message)
{
	struct progress *p = ctx;

	if (!p->quiet)
		print_feed_line(p, name, message);
}

/* A story that could not be had is no failure of its feed: the item keeps
 * the feed's content. Said unless quiet, like a notice. */
static void
on_story(void *ctx, int64_t item_id, bool ok, const char *message)
{
	struct progress *p = ctx;
	char name[32];

	if (ok || p->quiet)
		return;
	snprintf(name, sizeof(name), "item %lld", (long long)item_id);
	print_feed_line(p, name, message);
}

/* "in 40 s", then as `feeds` shows it: "in 17 min", "in 3 h", "in 2 d". */
static void
append_wait(struct buf *out, int64_t wait)
{
	if (wait < 60)
		buf_appendf(out, "in %lld s", (long long)(wait > 0 ? wait : 0));
	else
		cmd_append_wait(out, wait);
}

/* The summary of a run: what was fetched, then when the next feed is due. */
static void
summary_line(struct buf *out, const struct refresh_stats *stats,
    const struct refresh_outlook *look, int64_t now)
{
	if (stats->queued == 0 && stats->stories_queued == 0) {
		if (look->feeds == 0 && look->disabled == 0) {
			buf_append_str(out, "nothing to refresh: no feeds (tidings add URL)");
			return;
		}
		buf_appendf(out, "nothing due: %zu %s", look->feeds,
		    plural_noun((long long)look->feeds, "feed", "feeds"));
	} else {
		buf_appendf(out, "refreshed %zu %s: %zu new %s, %zu not modified, "
		    "%zu failed", stats->done, plural_noun((long long)stats->done, "feed", "feeds"),
		    stats->new_items, plural_noun((long long)stats->new_items, "item", "items"),
		    stats->not_modified, stats->failed);
		if (stats->stories_queued > 0) {
			size_t fetched = stats->stories_done - stats->stories_failed;

			buf_appendf(out, "; %zu %s fetched, %zu failed", fetched,
			    plural_noun((long long)fetched, "story", "stories"),
			    stats->stories_failed);
		}
	}
	if (look->disabled > 0)
		buf_appendf(out, " (%zu disabled)", look->disabled);
	if (look->due > 0 && stats->queued == 0)
		buf_appendf(out, ", %zu due now", look->due);
	else if (look->next != DATE_NONE) {
		buf_append_str(out, ", next ");
		append_wait(out, look->next - now);
	}
}

/* The summary after a run; "" when the store cannot say (an error line
 * has been printed then). */
static int
summarize(struct store *store, const struct refresh_stats *stats, struct buf *out)
{
	struct refresh_outlook look;
	int64_t now = store_now(store);

	if (refresh_outlook(store, now, &look) != 0) {
		cmd_store_failure(store, "refresh");
		return -1;
	}
	summary_line(out, stats, &look, now);
	return 0;
}

static int
take_lock(const struct session *session, int *lock)
{
	*lock = refresh_lock(session->db_path, LOCK_WAIT_MS);
	if (*lock == -1) {
		fprintf(stderr, "tidings: another refresh of %s is running; not starting a second one\n",
		    session->db_path);
		return -1;
	}
	if (*lock < 0) {
		fprintf(stderr, "tidings: cannot lock %s.lock: %m\n", session->db_path);
		return -2;
	}
	return 0;
}

/* ---- The watch ---- */

static volatile sig_atomic_t watch_stop;

static void
on_stop_signal(int sig)
{
	watch_stop = sig;
}

/* The one line a watch logs per round, after the local time. */
static void
watch_log(const char *line)
{
	char stamp[32];
	time_t t = time(NULL);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S", &tm) == 0)
		stamp[0] = '\0';
	printf("%s %s\n", stamp, line);
	fflush(stdout);
}

/* Sleep until the clock reads when, or a stop signal. The signals are
 * blocked outside the sleep, so none can slip in between the check of
 * watch_stop and the wait (pselect unblocks them atomically). */
static void
watch_sleep(struct store *store, int64_t when, const sigset_t *open_mask)
{
	int64_t wait = when - store_now(store);
	struct timespec ts;

	if (wait <= 0 || watch_stop)
		return;
	ts.tv_sec = (time_t)wait;
	ts.tv_nsec = 0;
	pselect(0, NULL, NULL, NULL, &ts, open_mask);
}

/* For the test suite only (see refresh.c): the first back-off and the
 * retry after a busy lock shrink to TIDINGS_TEST_INTERVAL seconds. */
static int64_t
watch_base_delay(void)
{
	return refresh_test_interval() > 0 ? refresh_test_interval() : WATCH_BACKOFF;
}

struct watch_state {
	int	 outage;	/* rounds in a row in which no feed answered */
	int64_t	 probe_at;	/* during an outage, the next try */
	int64_t	 not_before;	/* no round before (a busy lock, the last round) */
};

/* One round: the due feeds (and, after an outage, the unreachable ones),
 * with the lock held only meanwhile, so that a reader can refresh between
 * rounds. Returns 0, or -1 on an error of the store. */
static int
watch_round(struct session *session, struct progress *progress, struct watch_state *w,
    const sigset_t *open_mask)
{
	struct refresh_callbacks callbacks = { on_progress, on_failure, on_notice, on_story,
	    progress };
	struct buf line = BUF_INIT;
	const struct refresh_stats *stats;
	struct refresh *r;
	sigset_t blocked;
	int lock, i, rc = 0;
	int64_t delay;

	lock = refresh_lock(session->db_path, LOCK_WAIT_MS);
	if (lock == -1) {
		w->not_before = store_now(session->store) + watch_base_delay();
		if (!progress->quiet)
			watch_log("another refresh is running; trying again later");
		return 0;
	}
	if (lock < 0) {
		fprintf(stderr, "tidings: cannot lock %s.lock: %m\n", session->db_path);
		return -1;
	}
	r = refresh_new(session->store, &session->settings, &callbacks);
	if (r == NULL) {
		fprintf(stderr, "tidings: cannot start the network library\n");
		close(lock);
		return -1;
	}
	if (refresh_add_due(r, store_now(session->store), false) < 0 ||
	    (w->outage > 0 && refresh_add_unreachable(r) < 0)) {
		cmd_store_failure(session->store, "refresh");
		rc = -1;
		goto out;
	}
	/* Signals may land during the transfers: the handler only sets a
	 * flag, so a feed's transaction is never cut; the loop then drops
	 * the transfers in flight, whose feeds stay due. */
	sigprocmask(SIG_SETMASK, open_mask, &blocked);
	while (refresh_pending(r) > 0 && !watch_stop) {
		if (refresh_step(r, 250, -1, NULL) != 0)
			break;
	}
	sigprocmask(SIG_SETMASK, &blocked, NULL);
	stats = refresh_stats(r);
	clear_line(progress);
	if (watch_stop) {
		buf_appendf(&line, "stopped: %zu of %zu %s done, the rest stay due",
		    stats->done, stats->queued, plural_noun((long long)stats->queued, "feed", "feeds"));
		if (!progress->quiet)
			watch_log(buf_str(&line));
		goto out;
	}
	if (summarize(session->store, stats, &line) != 0) {
		rc = -1;
		goto out;
	}
	if (stats->done > 0 && stats->unreachable == stats->done) {
		/* Nothing answered: the network is down, not the feeds. Try
		 * again sooner than their schedule, then less and less often. */
		delay = watch_base_delay();
		for (i = 0; i < w->outage && delay < WATCH_MAX_BACKOFF; i++)
			delay *= 2;
		if (delay > WATCH_MAX_BACKOFF)
			delay = WATCH_MAX_BACKOFF;
		w->outage++;
		w->probe_at = store_now(session->store) + delay;
		buf_append_str(&line, "; no feed answered, trying again ");
		append_wait(&line, delay);
	} else {
		if (w->outage > 0)
			buf_append_str(&line, "; the network is back");
		w->outage = 0;
	}
	if (!progress->quiet)
		watch_log(buf_str(&line));
out:
	buf_free(&line);
	refresh_free(&r);
	close(lock);
	return rc;
}

static int
watch(struct session *session, struct progress *progress)
{
	struct watch_state w = { 0, 0, 0 };
	struct refresh_outlook look;
	struct sigaction sa;
	sigset_t stop_set, open_mask;
	int64_t now, wake;
	int status = EXIT_OK;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigemptyset(&stop_set);
	sigaddset(&stop_set, SIGINT);
	sigaddset(&stop_set, SIGTERM);
	sigprocmask(SIG_BLOCK, &stop_set, &open_mask);
	sigdelset(&open_mask, SIGINT);
	sigdelset(&open_mask, SIGTERM);

	while (!watch_stop) {
		now = store_now(session->store);
		if (refresh_outlook(session->store, now, &look) != 0) {
			cmd_store_failure(session->store, "refresh --watch");
			status = EXIT_FAILED;
			break;
		}
		/* During an outage the next try is the back-off's to set,
		 * not the feeds' schedule. */
		if (w.outage > 0)
			wake = w.probe_at;
		else {
			wake = look.due > 0 ? now : look.next;
			if (wake == DATE_NONE || wake > now + WATCH_MAX_SLEEP)
				wake = now + WATCH_MAX_SLEEP;
		}
		if (w.not_before > wake)
			wake = w.not_before;
		if (wake > now) {
			watch_sleep(session->store, wake, &open_mask);
			continue;
		}
		if (look.due == 0 && w.outage == 0)
			continue;	/* the periodic look found nothing */
		if (watch_round(session, progress, &w, &open_mask) != 0) {
			status = EXIT_FAILED;
			break;
		}
		/* A round never starts within a second of the last one, even
		 * when a feed could not be written and so stays due. */
		if (w.not_before < store_now(session->store) + 1)
			w.not_before = store_now(session->store) + 1;
	}
	sigprocmask(SIG_SETMASK, &open_mask, NULL);
	return status;
}

/* ---- One run ---- */

/* Why a feed named on the command line is not fetched, in one line. */
static void
say_skipped(struct store *store, int64_t id, const char *name)
{
	struct store_feed feed;
	struct buf why = BUF_INIT;
	char iso[DATE_ISO_SIZE];

	if (store_get_feed(store, id, &feed) != 0) {
		cmd_store_failure(store, "refresh");
		return;
	}
	if (feed.disabled) {
		buf_append_str(&why, "disabled");
		if (feed.last_error != NULL && *feed.last_error != '\0')
			buf_appendf(&why, " (%s)", feed.last_error);
		buf_append_str(&why, "; skipped (tidings enable fetches it again)");
	} else if (feed.remote_id != 0)
		buf_append_str(&why, "fetched by the sync server; skipped");
	else
		buf_appendf(&why, "the server asked to wait until %s (Retry-After); skipped",
		    date_format_iso(feed.retry_after, iso));
	cmd_warn(name, buf_str(&why));
	buf_free(&why);
	store_feed_clear(&feed);
}

int
cmd_refresh(const struct globals *g, const struct cmd_args *args)
{
	struct progress progress = { false, false, false };
	struct refresh_callbacks callbacks = { on_progress, on_failure, on_notice, on_story,
	    &progress };
	struct session session;
	struct refresh *r;
	struct buf line = BUF_INIT;
	const struct refresh_stats *stats;
	bool all = cmd_flag(args, 'a'), watching = cmd_flag(args, 'w');
	int c, i, lock, status = EXIT_OK;

	progress.quiet = cmd_flag(args, 'q');
	if (watching && (all || args->n_operands > 0)) {
		fprintf(stderr, "tidings: refresh: --watch takes no feeds and no --all "
		    "(see tidings refresh --help)\n");
		return EXIT_USAGE;
	}
	/* The progress line only on a terminal; the summary anywhere. */
	progress.show = !progress.quiet && isatty(STDOUT_FILENO);

	if ((status = cmd_open(g, &session)) != 0)
		return status;
	if (watching) {
		status = watch(&session, &progress);
		cmd_close(&session);
		return status;
	}
	if ((c = take_lock(&session, &lock)) != 0) {
		cmd_close(&session);
		return c == -1 ? EXIT_OK : EXIT_USAGE;
	}

	/* With a sync server, its feeds and state first (cron keeps working);
	 * the local feeds are fetched whatever the sync's outcome. */
	if (session.settings.string[OPT_TTRSS_URL][0] != '\0')
		status = cmd_sync_session(&session, progress.quiet);
	r = refresh_new(session.store, &session.settings, &callbacks);
	if (r == NULL) {
		fprintf(stderr, "tidings: cannot start the network library\n");
		status = EXIT_FAILED;
		goto out;
	}
	if (args->n_operands > 0) {
		for (i = 0; i < args->n_operands; i++) {
			int64_t id = cmd_find_feed(session.store, args->operands[i]);

			if (id == 0) {
				status = EXIT_FAILED;
				continue;
			}
			switch (refresh_add_feed(r, id)) {
			case 0:
				break;
			case 1:
				/* Said even with --quiet: the feed asked for is
				 * not refreshed, and cron should hear of it. */
				say_skipped(session.store, id, args->operands[i]);
				status = EXIT_FAILED;
				break;
			default:
				cmd_store_failure(session.store, "refresh");
				status = EXIT_FAILED;
				break;
			}
		}
	} else if (refresh_add_due(r, store_now(session.store), all) < 0) {
		fprintf(stderr, "tidings: %s\n", store_error(session.store));
		status = EXIT_FAILED;
	}
	if (refresh_run(r) != 0)
		status = EXIT_FAILED;
	stats = refresh_stats(r);
	clear_line(&progress);
	if (!progress.quiet) {
		if (summarize(session.store, stats, &line) == 0)
			printf("%s\n", buf_str(&line));
		else
			status = EXIT_FAILED;
	}
	if (stats->failed > 0)
		status = EXIT_FAILED;
	refresh_free(&r);
	buf_free(&line);
out:
	close(lock);
	cmd_close(&session);
	return status;
}
