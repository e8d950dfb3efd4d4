/* sync.c: one sync of the store with a server backend (sync.h): push the
 * journal, mirror the subscriptions, pull new articles, then take the
 * server's read and starred state of the older ones. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "sync.h"
#include "xmalloc.h"

void
sync_subscriptions_clear(struct sync_subscriptions *subs)
{
	size_t i;

	for (i = 0; i < subs->n_categories; i++)
		free(subs->categories[i].title);
	for (i = 0; i < subs->n_feeds; i++) {
		free(subs->feeds[i].title);
		free(subs->feeds[i].url);
	}
	free(subs->categories);
	free(subs->feeds);
	memset(subs, 0, sizeof(*subs));
}

void
sync_page_clear(struct sync_page *page)
{
	size_t i;

	for (i = 0; i < page->n; i++)
		item_clear(&page->articles[i].item);
	free(page->articles);
	memset(page, 0, sizeof(*page));
}

void
sync_ids_add(struct sync_ids *ids, int64_t id)
{
	if (ids->n == ids->size) {
		ids->size = ids->size ? ids->size * 2 : 256;
		ids->ids = xreallocarray(ids->ids, ids->size, sizeof(*ids->ids));
	}
	ids->ids[ids->n++] = id;
}

void
sync_ids_clear(struct sync_ids *ids)
{
	free(ids->ids);
	memset(ids, 0, sizeof(*ids));
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int
sync_batches(const struct sync_change *changes, size_t n, size_t batch,
    int (*fn)(void *ctx, enum sync_field field, bool on, const int64_t *ids,
    const struct sync_change *const *from, size_t n), void *ctx)
{
	const struct sync_change **from;
	int64_t *ids;
	bool *done;
	size_t i, j, k;
	int rc = 0;

	if (n == 0)
		return 0;
	from = xcalloc(batch, sizeof(*from));
	ids = xcalloc(batch, sizeof(*ids));
	done = xcalloc(n, sizeof(*done));
	for (i = 0; i < n && rc == 0; i++) {
		if (done[i])
			continue;
		/* Every change of i's kind, from i on, in batches. */
		k = 0;
		for (j = i; j < n && rc == 0; j++) {
			if (done[j] || changes[j].field != changes[i].field ||
			    changes[j].on != changes[i].on)
				continue;
			done[j] = true;
			from[k] = &changes[j];
			ids[k++] = changes[j].remote_id;
			if (k == batch) {
				rc = fn(ctx, changes[i].field, changes[i].on, ids, from, k);
				k = 0;
			}
		}
		if (k > 0 && rc == 0)
			rc = fn(ctx, changes[i].field, changes[i].on, ids, from, k);
	}
	free(from);
	free(ids);
	free(done);
	return rc;
}

struct run {
	struct store		*s;
	struct sync_backend	*b;
	struct sync_stats	*stats;
	char			**error;
	bool			 known_pulled;	/* an article pulled was here already */
};

static int
fail_store(struct run *r, const char *what)
{
	free(*r->error);
	*r->error = xasprintf("%s: %s", what, store_error(r->s));
	return SYNC_FAILED;
}

static int
fail_backend(struct run *r, int status)
{
	free(*r->error);
	*r->error = xstrdup(r->b->error(r->b));
	return status;
}

static int
push_batch(void *ctx, enum sync_field field, bool on, const int64_t *ids,
    const struct sync_change *const *from, size_t n)
{
	struct run *r = ctx;
	size_t i;
	int status;

	r->stats->requests++;
	if ((status = r->b->push(r->b, field, on, ids, n)) != SYNC_OK)
		return fail_backend(r, status);
	if (store_begin(r->s) != 0)
		return fail_store(r, "the sync journal");
	for (i = 0; i < n; i++) {
		if (store_sync_journal_done(r->s, from[i]) != 0) {
			store_rollback(r->s);
			return fail_store(r, "the sync journal");
		}
	}
	if (store_commit(r->s) != 0)
		return fail_store(r, "the sync journal");
	r->stats->pushed += n;
	return SYNC_OK;
}

static int
push_journal(struct run *r)
{
	struct sync_change *changes;
	int64_t n;
	int status;

	if ((n = store_sync_journal(r->s, &changes)) < 0)
		return fail_store(r, "the sync journal");
	status = sync_batches(changes, (size_t)n, r->b->page_size, push_batch, r);
	free(changes);
	return status;
}

static const char *
category_title(const struct sync_subscriptions *subs, int64_t id)
{
	size_t i;

	for (i = 0; i < subs->n_categories; i++) {
		if (subs->categories[i].id == id)
			return subs->categories[i].title;
	}
	return NULL;
}

static int
mirror_subscriptions(struct run *r)
{
	struct sync_subscriptions subs;
	int64_t *keep, removed;
	size_t i;
	bool created;
	int status;

	r->stats->requests += 2;
	if ((status = r->b->subscriptions(r->b, &subs)) != SYNC_OK) {
		sync_subscriptions_clear(&subs);
		return fail_backend(r, status);
	}
	keep = xcalloc(subs.n_feeds + 1, sizeof(*keep));
	if (store_begin(r->s) != 0) {
		status = fail_store(r, "subscriptions");
		goto out;
	}
	for (i = 0; i < subs.n_feeds; i++) {
		const struct sync_feed *f = &subs.feeds[i];

		keep[i] = f->id;
		if (store_sync_feed(r->s, f, category_title(&subs, f->category_id), &created) < 0) {
			store_rollback(r->s);
			status = fail_store(r, f->url);
			goto out;
		}
		if (created)
			r->stats->feeds_added++;
	}
	if (subs.n_feeds > 1)
		qsort(keep, subs.n_feeds, sizeof(*keep), cmp_id);
	if ((removed = store_sync_remove_feeds(r->s, keep, subs.n_feeds)) < 0) {
		store_rollback(r->s);
		status = fail_store(r, "subscriptions");
		goto out;
	}
	r->stats->feeds_removed += (size_t)removed;
	if (store_commit(r->s) != 0)
		status = fail_store(r, "subscriptions");
out:
	free(keep);
	sync_subscriptions_clear(&subs);
	return status;
}

/* One page into the store, in one transaction. */
static int
store_page(struct run *r, const struct sync_page *page, int64_t *max_id)
{
	size_t i;
	int64_t feed_id;
	int rc;

	if (store_begin(r->s) != 0 || store_sync_applying(r->s, true) != 0)
		goto fail;
	for (i = 0; i < page->n; i++) {
		const struct sync_article *a = &page->articles[i];

		if (a->id > *max_id)
			*max_id = a->id;
		/* Archived articles belong to no feed: nothing to show them in. */
		if ((feed_id = store_sync_feed_id(r->s, a->feed_id)) < 0)
			goto fail;
		if (feed_id == 0)
			continue;
		if ((rc = store_sync_article(r->s, feed_id, a)) < 0)
			goto fail;
		r->stats->new_articles += (size_t)rc;
		if (rc == 0)
			r->known_pulled = true;
	}
	if (store_sync_applying(r->s, false) != 0 || store_commit(r->s) != 0)
		goto fail;
	return SYNC_OK;
fail:
	store_rollback(r->s);
	return fail_store(r, "articles");
}

static int
pull_articles(struct run *r)
{
	struct sync_page page;
	int64_t since, max_id;
	size_t skip = 0, received;
	int status;

	if ((since = store_sync_last_id(r->s)) < 0)
		return fail_store(r, "articles");
	max_id = since;
	/* Pages with the same since_id: a position is saved only once all
	 * are in, so an interrupted pull starts over and the store's
	 * identities keep the repeats out. */
	do {
		r->stats->requests++;
		if ((status = r->b->pull(r->b, since, skip, &page)) != SYNC_OK) {
			sync_page_clear(&page);
			return fail_backend(r, status);
		}
		status = store_page(r, &page, &max_id);
		received = page.received;
		skip += received;
		sync_page_clear(&page);
		if (status != SYNC_OK)
			return status;
	} while (received == r->b->page_size);
	if (max_id != since && store_sync_set_last_id(r->s, max_id) != 0)
		return fail_store(r, "articles");
	return SYNC_OK;
}

static int
pull_state(struct run *r, enum sync_field field)
{
	struct sync_ids ids = { NULL, 0, 0 };
	int64_t changed;
	int status;

	r->stats->requests++;
	if ((status = r->b->state(r->b, field, &ids)) != SYNC_OK) {
		sync_ids_clear(&ids);
		return fail_backend(r, status);
	}
	if (ids.n > 1)	/* qsort must not be given NULL, even for none */
		qsort(ids.ids, ids.n, sizeof(*ids.ids), cmp_id);
	if (store_begin(r->s) != 0 || store_sync_applying(r->s, true) != 0 ||
	    (changed = store_sync_apply_state(r->s, field, ids.ids, ids.n)) < 0 ||
	    store_sync_applying(r->s, false) != 0 || store_commit(r->s) != 0) {
		store_rollback(r->s);
		sync_ids_clear(&ids);
		return fail_store(r, field == SYNC_READ ? "read state" : "starred state");
	}
	r->stats->state_changes += (size_t)changed;
	sync_ids_clear(&ids);
	return SYNC_OK;
}

int
sync_run(struct store *s, struct sync_backend *b, struct sync_stats *stats, char **error)
{
	struct run r = { s, b, stats, error, false };
	int64_t pending, since;
	int status;

	memset(stats, 0, sizeof(*stats));
	*error = NULL;
	stats->requests++;
	if ((status = b->login(b)) != SYNC_OK)
		status = fail_backend(&r, status);
	/* The journal first: the local changes since the last sync are the
	 * later ones, and the state pulled below then already has them. */
	if (status == SYNC_OK)
		status = push_journal(&r);
	if (status == SYNC_OK)
		status = mirror_subscriptions(&r);
	/* A first sync pulls every article with its state, all of them new
	 * here: then the state passes, which are for articles known before,
	 * have nothing to do. (A first sync cut short pulls again from the
	 * start, and the articles it had are known: their state is asked.) */
	if (status == SYNC_OK && (since = store_sync_last_id(s)) < 0)
		status = fail_store(&r, "articles");
	if (status == SYNC_OK)
		status = pull_articles(&r);
	if (status == SYNC_OK && (since > 0 || r.known_pulled))
		status = pull_state(&r, SYNC_READ);
	if (status == SYNC_OK && (since > 0 || r.known_pulled))
		status = pull_state(&r, SYNC_STARRED);
	if ((pending = store_sync_journal_count(s)) > 0)
		stats->pending = (size_t)pending;
	return status;
}
