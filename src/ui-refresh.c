/* ui-refresh.c: keeping the reader current with the store: refreshes and
 * story fetches run in the background while the reader waits for keys,
 * their progress on the status line, and noticing when the store changed
 * (by them or by another process) so that the views reload. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "plural.h"
#include "refresh.h"
#include "store.h"
#include "ui-internal.h"
#include "xmalloc.h"

/* How often an idle reader asks the store whether another process changed
 * it (a cron refresh): a PRAGMA that reads no table, so it can be asked
 * often. */
#define CHECK_INTERVAL_MS	500


/* The progress shown on the right of the status line. */
static void
show_progress(struct ui *ui, const struct refresh_stats *stats)
{
	size_t stories = stats->stories_queued - stats->stories_done;

	buf_reset(&ui->progress);
	if (ui_sync_running())
		buf_append_str(&ui->progress, "syncing");
	if (stats->queued > 0) {
		if (ui->progress.len > 0)
			buf_append_str(&ui->progress, ", ");
		buf_appendf(&ui->progress, "refreshing %zu/%zu", stats->done, stats->queued);
		if (stats->new_items > 0)
			buf_appendf(&ui->progress, ", %zu new", stats->new_items);
	}
	if (stories > 0)
		buf_appendf(&ui->progress, "%s%zu %s", ui->progress.len > 0 ? ", " : "",
		    stories, plural_noun((long long)stories, "story", "stories"));
}

static void
on_refresh_progress(void *ctx, const struct refresh_stats *stats)
{
	struct ui *ui = ctx;
	static int64_t reloaded;	/* milliseconds */

	show_progress(ui, stats);
	/* New items or a new error: the views reload with them, at most
	 * every CHECK_INTERVAL_MS (one feed is stored per loop step; a reload
	 * per feed would cost more than the feed), and at the end. */
	if ((stats->new_items != ui->refresh_new || stats->failed != ui->refresh_failed) &&
	    ui_now_ms() - reloaded >= CHECK_INTERVAL_MS) {
		reloaded = ui_now_ms();
		ui->refresh_new = stats->new_items;
		ui->refresh_failed = stats->failed;
		ui_store_changed(ui);
	}
}

static void
on_refresh_failure(void *ctx, const char *name, const char *message)
{
	ui_error(ctx, "%s: %s", name, message);
}

static void
on_refresh_notice(void *ctx, const char *name, const char *message)
{
	ui_message(ctx, "%s: %s", name, message);
}

/* A story the user asked for is reported; those of a refresh of a
 * full-story feed only when they fail would say too much, so they reload the
 * views quietly. Either way the article view shows the story at once. */
static void
on_refresh_story(void *ctx, int64_t item_id, bool ok, const char *message)
{
	struct ui *ui = ctx;

	if (item_id == ui->story_asked) {
		if (ok)
			ui_message(ui, "%s", message);
		else
			ui_error(ui, "no story: %s", message);
		ui->story_asked = 0;
	}
	ui_store_changed(ui);
}

/* The background loop, started on first need. The refresh lock is taken
 * only for feeds (ui_refresh_start): fetching a story beside a cron refresh
 * is harmless, each write being its own short transaction. */
static int
refresh_ensure(struct ui *ui)
{
	static const struct refresh_callbacks template = { on_refresh_progress,
	    on_refresh_failure, on_refresh_notice, on_refresh_story, NULL };
	struct refresh_callbacks callbacks = template;

	if (ui->refresh != NULL)
		return 0;
	callbacks.ctx = ui;
	ui->refresh = refresh_new(ui->store, ui->settings, &callbacks);
	if (ui->refresh == NULL) {
		ui_error(ui, "cannot start the network library");
		return -1;
	}
	ui->refresh_new = 0;
	ui->refresh_failed = 0;
	return 0;
}

int
ui_refresh_start(struct ui *ui, const int64_t *feed_ids, size_t n, bool all)
{
	size_t i, skipped = 0;
	int lock;

	if (ui->refresh_lock < 0) {
		/* Never beside a cron refresh: the two would fetch the same
		 * feeds twice. Wait for nothing; say so instead. */
		lock = refresh_lock(ui->session->db_path, 0);
		if (lock == -1) {
			ui_error(ui, "a refresh is already running in another tidings");
			return -1;
		}
		if (lock < 0) {
			ui_error(ui, "cannot lock the store for a refresh: %s", strerror(errno));
			return -1;
		}
		if (refresh_ensure(ui) != 0) {
			close(lock);
			return -1;
		}
		ui->refresh_lock = lock;
	}
	/* A refresh of what is due or of everything syncs too; one of chosen
	 * feeds is about those feeds. */
	if (feed_ids == NULL)
		ui_sync_start(ui);
	if (feed_ids != NULL) {
		for (i = 0; i < n; i++) {
			if (refresh_add_feed(ui->refresh, feed_ids[i]) == 1)
				skipped++;
		}
		if (skipped > 0)
			ui_message(ui, "%zu %s disabled or asked to wait (Retry-After)",
			    skipped, plural_noun((long long)skipped, "feed is", "feeds are"));
	} else if (refresh_add_due(ui->refresh, store_now(ui->store), all) < 0)
		ui_error(ui, "%s", store_error(ui->store));
	show_progress(ui, refresh_stats(ui->refresh));
	if (ui->progress.len == 0)
		buf_append_str(&ui->progress, "refreshing 0/0");
	return 0;
}

int
ui_story_fetch(struct ui *ui, int64_t item_id, const char *link)
{
	if (link == NULL || *link == '\0') {
		ui_message(ui, "this item has no link");
		return -1;
	}
	if (refresh_ensure(ui) != 0)
		return -1;
	if (refresh_add_story(ui->refresh, item_id, link) != 0) {
		ui_error(ui, "the item's link is not an http or https address");
		return -1;
	}
	ui->story_asked = item_id;
	ui_message(ui, "fetching the story\u2026");
	show_progress(ui, refresh_stats(ui->refresh));
	return 0;
}

void
ui_refresh_finish(struct ui *ui)
{
	const struct refresh_stats *stats;
	struct buf line = BUF_INIT;
	bool failed = false;

	if (ui->refresh == NULL)
		return;
	/* The lock covers the sync too: nothing ends before it has. */
	if (ui_sync_running() && !ui_sync_check(ui, &ui->sync_summary, &ui->sync_failed)) {
		if (refresh_pending(ui->refresh) == 0)
			show_progress(ui, refresh_stats(ui->refresh));
		return;
	}
	if (refresh_pending(ui->refresh) > 0)
		return;
	stats = refresh_stats(ui->refresh);
	if (ui->sync_summary.len > 0) {
		buf_append_str(&line, buf_str(&ui->sync_summary));
		failed = ui->sync_failed;
		if (stats->queued > 0)
			buf_append_str(&line, "; ");
	}
	/* Stories alone: their own messages said it all. */
	if (stats->queued == 0 && stats->stories_queued > 0)
		;
	else if (stats->queued == 0) {
		if (line.len == 0)
			buf_append_str(&line, "nothing to refresh");
	} else {
		buf_appendf(&line, "refreshed %zu %s: %zu new %s", stats->done,
		    plural_noun((long long)stats->done, "feed", "feeds"), stats->new_items,
		    plural_noun((long long)stats->new_items, "item", "items"));
		if (stats->failed > 0) {
			buf_appendf(&line, ", %zu failed", stats->failed);
			failed = true;
		}
	}
	if (line.len > 0) {
		if (failed)
			ui_error(ui, "%s", buf_str(&line));
		else
			ui_message(ui, "%s", buf_str(&line));
	}
	buf_free(&line);
	buf_reset(&ui->sync_summary);
	ui->sync_failed = false;
	refresh_free(&ui->refresh);
	if (ui->refresh_lock >= 0)
		close(ui->refresh_lock);
	ui->refresh_lock = -1;
	buf_reset(&ui->progress);
	ui_store_changed(ui);
}

/* ---- Noticing changes to the store ---- */

void
ui_store_written(struct ui *ui)
{
	ui->data_version = store_data_version(ui->store);
	ui->last_check = ui_now_ms();
}

void
ui_store_changed(struct ui *ui)
{
	ui->generation++;
	ui_store_written(ui);
}

void
ui_store_check(struct ui *ui)
{
	int64_t version;

	if (ui_now_ms() - ui->last_check < CHECK_INTERVAL_MS)
		return;
	ui->last_check = ui_now_ms();
	/* Another process committed (a cron refresh, marks from a script):
	 * every view asks the store again. */
	version = store_data_version(ui->store);
	if (version != ui->data_version) {
		ui->data_version = version;
		ui->generation++;
	}
}

/* The reader is closing: drop what is still queued, and the lock. */
void
ui_refresh_stop(struct ui *ui)
{
	ui_sync_stop();
	buf_free(&ui->sync_summary);
	refresh_free(&ui->refresh);
	if (ui->refresh_lock >= 0)
		close(ui->refresh_lock);
	ui->refresh_lock = -1;
	buf_free(&ui->progress);
}
