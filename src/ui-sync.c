/* ui-sync.c: the reader syncs. With a sync server configured, each refresh
 * of the reader (R, refresh-on-start, auto-refresh) also runs a sync
 * (sync.h) on a thread of its own, with a store connection of its own, so
 * that the keys keep working while the server answers; the status line says
 * "syncing" meanwhile and what came of it afterwards. The refresh lock the
 * reader's refresh holds covers the sync too: it is released once both are
 * done. */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "plural.h"
#include "store.h"
#include "sync.h"
#include "ui-internal.h"
#include "xmalloc.h"

/* One reader per process: the sync's state is the file's. The thread owns
 * backend, db_path and the results until done is set; then the UI does. */
static struct {
	bool			 running;	/* a thread was started, not yet joined */
	atomic_bool		 done;
	pthread_t		 thread;
	struct sync_backend	*backend;
	char			*db_path;
	int			 status;
	char			*error;
	struct sync_stats	 stats;
	int64_t			 last_ms;	/* when the last sync ended (or the reader started) */
} ui_sync_state;

static void *
sync_thread(void *arg)
{
	struct store *s;
	char *error = NULL;

	(void)arg;
	memset(&ui_sync_state.stats, 0, sizeof(ui_sync_state.stats));
	if ((s = store_open(ui_sync_state.db_path, &error)) == NULL)
		ui_sync_state.status = SYNC_FAILED;
	else {
		ui_sync_state.status = sync_run(s, ui_sync_state.backend, &ui_sync_state.stats,
		    &error);
		store_close(&s);
	}
	ui_sync_state.error = error;
	atomic_store(&ui_sync_state.done, true);
	return NULL;
}

bool
ui_sync_configured(const struct ui *ui)
{
	return ui->settings->string[OPT_TTRSS_URL][0] != '\0';
}

bool
ui_sync_running(void)
{
	return ui_sync_state.running;
}

int64_t
ui_sync_last_ms(void)
{
	if (ui_sync_state.last_ms == 0)
		ui_sync_state.last_ms = ui_now_ms();
	return ui_sync_state.last_ms;
}

int
ui_sync_start(struct ui *ui)
{
	char *error = NULL;

	if (!ui_sync_configured(ui) || ui_sync_state.running)
		return 0;
	ui_sync_state.backend = sync_backend_from_settings(ui->settings, &error);
	if (ui_sync_state.backend == NULL) {
		ui_error(ui, "sync: %s", error != NULL ? error : "no server");
		free(error);
		return -1;
	}
	ui_sync_state.db_path = xstrdup(ui->session->db_path);
	ui_sync_state.error = NULL;
	atomic_store(&ui_sync_state.done, false);
	if (pthread_create(&ui_sync_state.thread, NULL, sync_thread, NULL) != 0) {
		ui_error(ui, "sync: cannot start a thread");
		ui_sync_state.backend->free(ui_sync_state.backend);
		free(ui_sync_state.db_path);
		return -1;
	}
	ui_sync_state.running = true;
	return 0;
}

/* Join a finished thread; free what it used. */
static void
reap(void)
{
	pthread_join(ui_sync_state.thread, NULL);
	ui_sync_state.running = false;
	ui_sync_state.backend->free(ui_sync_state.backend);
	free(ui_sync_state.db_path);
	ui_sync_state.last_ms = ui_now_ms();
}

bool
ui_sync_check(struct ui *ui, struct buf *summary, bool *failed)
{
	const struct sync_stats *st = &ui_sync_state.stats;

	if (!ui_sync_state.running || !atomic_load(&ui_sync_state.done))
		return false;
	reap();
	*failed = ui_sync_state.status != SYNC_OK;
	if (*failed) {
		buf_append_str(summary, "sync failed: ");
		buf_append_str(summary, ui_sync_state.error != NULL ? ui_sync_state.error : "failed");
		if (st->pending > 0)
			buf_appendf(summary, " (%zu local %s kept)", st->pending,
			    plural_noun((long long)st->pending, "change", "changes"));
	} else
		buf_appendf(summary, "synced %zu new %s", st->new_articles,
		    plural_noun((long long)st->new_articles, "article", "articles"));
	free(ui_sync_state.error);
	ui_sync_state.error = NULL;
	ui_store_changed(ui);
	return true;
}

void
ui_sync_stop(void)
{
	/* The server's answer is not worth a hung exit, but the thread uses
	 * the store: wait for it (the sync's own timeouts bound the wait). */
	if (ui_sync_state.running) {
		reap();
		free(ui_sync_state.error);
		ui_sync_state.error = NULL;
	}
}
