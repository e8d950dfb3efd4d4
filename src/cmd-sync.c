/* cmd-sync.c: `tidings sync [--quiet]`: bring the store in step with the
 * Tiny Tiny RSS server of the config (sync.h); `tidings add --remote`,
 * which subscribes on the server; and the hook through which `tidings
 * refresh` syncs first. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ascii.h"
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

/* The session of a command that talks to the server: the store open, a
 * server configured and the refresh lock held (one sync or refresh of a
 * store at a time). Returns -1 to go on with *lock set, else the exit
 * status, having said why and closed the session. */
static int
server_session(const struct globals *g, const char *what, struct session *session, int *lock)
{
	int status;

	if ((status = cmd_open(g, session)) != 0)
		return status;
	if (session->settings.string[OPT_TTRSS_URL][0] == '\0') {
		fprintf(stderr, "tidings: %s: no server: set ttrss-url in the config"
		    " (see tidings.conf(5))\n", what);
		cmd_close(session);
		return EXIT_USAGE;
	}
	*lock = refresh_lock(session->db_path, LOCK_WAIT_MS);
	if (*lock < 0) {
		if (*lock == -1)
			fprintf(stderr, "tidings: a refresh or sync of %s is running; not starting another\n",
			    session->db_path);
		else
			fprintf(stderr, "tidings: cannot lock %s.lock: %m\n", session->db_path);
		cmd_close(session);
		return *lock == -1 ? EXIT_FAILED : EXIT_USAGE;
	}
	return -1;
}

int
cmd_sync(const struct globals *g, const struct cmd_args *args)
{
	struct session session;
	bool quiet = !isatty(STDOUT_FILENO) || cmd_flag(args, 'q');
	int lock, status;

	if ((status = server_session(g, "sync", &session, &lock)) != -1)
		return status;
	status = cmd_sync_session(&session, quiet);
	close(lock);
	cmd_close(&session);
	return status;
}

/* The server's category called title (ASCII case aside): its id, 0 when
 * there is none, -1 when the list could not be had. */
static int64_t
find_category(struct sync_backend *b, const char *title)
{
	struct sync_subscriptions subs;
	int64_t id = 0;
	size_t i;

	if (b->subscriptions(b, &subs) != SYNC_OK)
		return -1;
	for (i = 0; i < subs.n_categories && id == 0; i++)
		if (ascii_casecmp(subs.categories[i].title, title) == 0)
			id = subs.categories[i].id;
	sync_subscriptions_clear(&subs);
	return id;
}

/* add --remote: the server subscribes (and fetches the feed itself); then
 * a sync brings the new feed here. A tag names the server's category. */
int
cmd_add_remote(const struct globals *g, const struct cmd_args *args)
{
	struct session session;
	struct sync_backend *b;
	const char *url = args->operands[0];
	const char *const *tags;
	size_t n_tags = cmd_values(args, 'g', &tags);
	char *error = NULL;
	int64_t category = 0;
	bool already;
	int lock, status;

	if (cmd_value(args, 't') != NULL || cmd_flag(args, 'F'))
		return cmd_usage_error(args->command, "--title and --full-story are for local"
		    " feeds: the server keeps its own");
	if (n_tags > 1)
		return cmd_usage_error(args->command, "a feed of the server has one category:"
		    " give --tag once");
	if (ascii_ncasecmp(url, "http://", 7) != 0 && ascii_ncasecmp(url, "https://", 8) != 0)
		return cmd_usage_error(args->command, "the server can subscribe to http:// and"
		    " https:// URLs only");
	if ((status = server_session(g, "add", &session, &lock)) != -1)
		return status;
	if ((b = sync_backend_from_settings(&session.settings, &error)) == NULL) {
		print_error(error != NULL ? error : "no server");
		free(error);
		status = EXIT_USAGE;
		goto out;
	}
	status = EXIT_FAILED;
	if (n_tags == 1 && (category = find_category(b, tags[0])) <= 0) {
		if (category == 0) {
			struct buf tag = BUF_INIT;

			cmd_field(&tag, tags[0]);
			fprintf(stderr, "tidings: add: the server has no category \"%s\": make it"
			    " there, or add without --tag\n", buf_str(&tag));
			buf_free(&tag);
			status = EXIT_USAGE;
		} else
			print_error(b->error(b));
	} else if ((status = b->subscribe(b, url, category, &already)) != SYNC_OK) {
		struct buf line = BUF_INIT;

		cmd_field(&line, url);
		buf_append_str(&line, ": ");
		cmd_field(&line, b->error(b));
		fprintf(stderr, "tidings: add: %s\n", buf_str(&line));
		buf_free(&line);
		status = status == SYNC_CONFIG ? EXIT_USAGE : EXIT_FAILED;
	} else {
		struct buf line = BUF_INIT;

		cmd_field(&line, url);
		printf(already ? "already on the server: %s\n" : "added on the server: %s\n",
		    buf_str(&line));
		buf_free(&line);
		fflush(stdout);
		status = EXIT_OK;
	}
	b->free(b);
	/* The new feed (and any other change) comes here now. */
	if (status == EXIT_OK)
		status = cmd_sync_session(&session, true);
out:
	close(lock);
	cmd_close(&session);
	return status;
}
