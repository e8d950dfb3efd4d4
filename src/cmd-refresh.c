/* cmd-refresh.c: `tidings refresh [--all] [--quiet] [FEED...]`, made for
 * cron: silent on success unless on a terminal, one line per failed feed on
 * stderr, a progress line on a terminal, and never two at once. The full
 * stories of feeds that want them are fetched in the same run. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "refresh.h"
#include "sanitize.h"
#include "store.h"

/* How long a second refresh waits for the first before giving up. */
#define LOCK_WAIT_MS 3000

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
	printf("\r\033[Krefreshing: %zu/%zu feeds, %zu new items", stats->done, stats->queued,
	    stats->new_items);
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
	struct buf line = BUF_INIT;

	clear_line(p);
	buf_append_str(&line, "tidings: ");
	sanitize_line(&line, name);
	buf_append_str(&line, ": ");
	sanitize_line(&line, message);
	fprintf(stderr, "%s\n", buf_str(&line));
	buf_free(&line);
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
 * the feed's content. Said only on a terminal, like a notice. */
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

int
cmd_refresh(const struct globals *g, const struct cmd_args *args)
{
	struct progress progress = { false, false, false };
	struct refresh_callbacks callbacks = { on_progress, on_failure, on_notice, on_story,
	    &progress };
	struct session session;
	struct refresh *r;
	const struct refresh_stats *stats;
	bool all = cmd_flag(args, 'a');
	int i, lock, status = EXIT_OK;

	progress.quiet = cmd_flag(args, 'q');
	if (!isatty(STDOUT_FILENO))
		progress.quiet = true;	/* cron: silent unless something fails */
	progress.show = !progress.quiet;

	if ((status = cmd_open(g, &session)) != 0)
		return status;
	lock = refresh_lock(session.db_path, LOCK_WAIT_MS);
	if (lock == -1) {
		fprintf(stderr, "tidings: another refresh of %s is running; not starting a second one\n",
		    session.db_path);
		cmd_close(&session);
		return EXIT_OK;
	}
	if (lock < 0) {
		fprintf(stderr, "tidings: cannot lock %s.lock: %m\n", session.db_path);
		cmd_close(&session);
		return EXIT_USAGE;
	}

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
			if (refresh_add_feed(r, id) == 1 && !progress.quiet)
				fprintf(stderr, "tidings: %s: disabled or asked to wait (Retry-After); skipped\n",
				    args->operands[i]);
		}
	} else if (refresh_add_due(r, store_now(session.store), all) < 0) {
		fprintf(stderr, "tidings: %s\n", store_error(session.store));
		status = EXIT_FAILED;
	}
	if (refresh_run(r) != 0)
		status = EXIT_FAILED;
	stats = refresh_stats(r);
	clear_line(&progress);
	if (progress.show) {
		printf("refreshed %zu feeds: %zu new items, %zu not modified, %zu failed",
		    stats->done, stats->new_items, stats->not_modified, stats->failed);
		if (stats->stories_queued > 0)
			printf("; %zu stories fetched, %zu failed",
			    stats->stories_done - stats->stories_failed, stats->stories_failed);
		putchar('\n');
	}
	if (stats->failed > 0)
		status = EXIT_FAILED;
	refresh_free(&r);
out:
	close(lock);
	cmd_close(&session);
	return status;
}
