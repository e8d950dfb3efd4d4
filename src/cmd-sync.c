/* cmd-sync.c: `tidings sync [--quiet]`: bring the store in step with the
 * Tiny Tiny RSS server of the config (sync.h), and the hook through which
 * `tidings refresh` syncs first. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd.h"
#include "plural.h"
#include "refresh.h"
#include "sanitize.h"
#include "store.h"
#include "sync.h"

/* How long a sync waits for a running refresh or sync. */
#define LOCK_WAIT_MS 3000

static void
print_error(const char *message)
{
	struct buf line = BUF_INIT;

	cmd_field(&line, message);
	fprintf(stderr, "tidings: sync: %s\n", buf_str(&line));
	buf_free(&line);
}

int
cmd_sync_session(struct session *session, bool quiet)
{
	struct sync_backend *b;
	struct sync_stats stats;
	char *error = NULL;
	int status;

	if ((b = sync_backend_from_settings(&session->settings, &error)) == NULL) {
		if (error == NULL)
			return EXIT_OK;	/* no server configured */
		print_error(error);
		free(error);
		return EXIT_USAGE;
	}
	status = sync_run(session->store, b, &stats, &error);
	b->free(b);
	if (status != SYNC_OK) {
		print_error(error != NULL ? error : "failed");
		if (stats.pending > 0)
			fprintf(stderr, "tidings: sync: %zu local %s kept for the next sync\n",
			    stats.pending, plural_noun((long long)stats.pending, "change", "changes"));
		free(error);
		return status == SYNC_CONFIG ? EXIT_USAGE : EXIT_FAILED;
	}
	if (!quiet)
		printf("synced: %zu new %s, %zu %s added, %zu removed, %zu %s pushed,"
		    " %zu taken from the server\n", stats.new_articles,
		    plural_noun((long long)stats.new_articles, "article", "articles"),
		    stats.feeds_added, plural_noun((long long)stats.feeds_added, "feed", "feeds"),
		    stats.feeds_removed, stats.pushed,
		    plural_noun((long long)stats.pushed, "change", "changes"), stats.state_changes);
	return EXIT_OK;
}

int
cmd_sync(const struct globals *g, const struct cmd_args *args)
{
	struct session session;
	bool quiet = !isatty(STDOUT_FILENO) || cmd_flag(args, 'q');
	int lock, status;

	if ((status = cmd_open(g, &session)) != 0)
		return status;
	if (session.settings.string[OPT_TTRSS_URL][0] == '\0') {
		fprintf(stderr, "tidings: sync: no server: set ttrss-url in the config"
		    " (see tidings.conf(5))\n");
		cmd_close(&session);
		return EXIT_USAGE;
	}
	/* The refresh lock: one sync or refresh of a store at a time. */
	lock = refresh_lock(session.db_path, LOCK_WAIT_MS);
	if (lock < 0) {
		if (lock == -1)
			fprintf(stderr, "tidings: a refresh or sync of %s is running; not starting another\n",
			    session.db_path);
		else
			fprintf(stderr, "tidings: cannot lock %s.lock: %m\n", session.db_path);
		cmd_close(&session);
		return lock == -1 ? EXIT_FAILED : EXIT_USAGE;
	}
	status = cmd_sync_session(&session, quiet);
	close(lock);
	cmd_close(&session);
	return status;
}
