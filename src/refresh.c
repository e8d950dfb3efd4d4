/* refresh.c: the refresh of a set of feeds: each transfer's bytes go straight
 * into that feed's parser; when the transfer ends, its items and its fetch
 * state are written in one short transaction. Items' web pages ride the same
 * loop for their stories. Printing is the caller's; extraction is extract.c's. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "extract.h"
#include "fetch.h"
#include "filter.h"
#include "parse.h"
#include "refresh.h"
#include "schedule.h"
#include "store.h"
#include "url.h"
#include "xmalloc.h"

/* How the error of a feed that parsed, but not to its end, starts: an
 * unchanged feed (a 304) keeps it. */
#define PARTLY_READ	"partly read: "

/* A new item of a full-story feed, waiting for its feed to be written. */
struct story_wanted {
	int64_t	 item_id;
	char	*link;
};

/* One feed, or one item's page (story), in flight. */
struct job {
	struct refresh	*r;
	struct job	*prev, *next;	/* the jobs in flight */

	/* A story: the page's bytes gather in body, capped at
	 * EXTRACT_MAX_PAGE; refused says why the response is no page. */
	bool		 story;
	int64_t		 item_id;
	struct buf	 body;
	char		*refused;

	int64_t		 feed_id;
	bool		 full_story;
	struct story_wanted *wanted;
	size_t		 n_wanted;
	char		*name;
	char		*url;
	char		*old_etag, *old_last_modified;
	char		*old_error;	/* the feed's last_error, or NULL */
	long		 user_interval;
	long		 publisher_interval;	/* as stored, from the last parse */

	struct parser	*parser;
	struct item	*items;		/* parsed, waiting for the transfer's end */
	size_t		 nitems, items_cap;

	/* From the response headers, copied (the fetch owns its strings only
	 * until done() returns, and header() comes earlier). */
	bool		 have_info;
	char		*etag, *last_modified, *charset, *effective_url, *permanent_url;
	int64_t		 max_age, expires_in, retry_after;
};

struct refresh {
	struct store		*store;
	const struct settings	*settings;
	struct refresh_callbacks callbacks;
	struct fetch		*fetch;
	struct refresh_stats	 stats;
	struct job		*jobs;
};

static void
job_free(struct job *job)
{
	size_t i;

	if (job->prev != NULL)
		job->prev->next = job->next;
	else
		job->r->jobs = job->next;
	if (job->next != NULL)
		job->next->prev = job->prev;
	parse_free(&job->parser);
	buf_free(&job->body);
	free(job->refused);
	for (i = 0; i < job->n_wanted; i++)
		free(job->wanted[i].link);
	free(job->wanted);
	for (i = 0; i < job->nitems; i++)
		item_clear(&job->items[i]);
	free(job->items);
	free(job->name);
	free(job->url);
	free(job->old_etag);
	free(job->old_last_modified);
	free(job->old_error);
	free(job->etag);
	free(job->last_modified);
	free(job->charset);
	free(job->effective_url);
	free(job->permanent_url);
	free(job);
}

static char *
copy_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
on_item(void *ctx, const struct feed *feed, const struct item *item)
{
	struct job *job = ctx;

	(void)feed;
	if (job->nitems == job->items_cap) {
		job->items_cap = job->items_cap ? job->items_cap * 2 : 32;
		job->items = xreallocarray(job->items, job->items_cap, sizeof(*job->items));
	}
	item_copy(&job->items[job->nitems++], item);
}

static void
start_parser(struct job *job)
{
	const struct settings *settings = job->r->settings;
	struct parse_options options = { NULL, NULL, 0, 0, 0 };
	struct parse_handlers handlers = { on_item, job };

	if (job->parser != NULL)
		return;
	/* Relative links resolve against where the feed really came from. */
	options.url = job->effective_url != NULL ? job->effective_url : job->url;
	options.http_charset = job->charset;
	options.max_items = (size_t)settings->number[OPT_MAX_ITEMS];
	options.max_depth = (size_t)settings->number[OPT_MAX_DEPTH];
	options.max_text = (size_t)settings->number[OPT_MAX_FIELD];
	job->parser = parse_new(&options, &handlers);
}

/* ---- Stories ---- */

static int
story_header(struct job *job, const struct fetch_response_info *info)
{
	return extract_note_response(info, &job->effective_url, &job->charset, &job->refused);
}

static int
story_data(struct job *job, const char *bytes, size_t len)
{
	/* No story is this long; the extractor would refuse the page anyway,
	 * so stop the download rather than hold it. */
	if (len > EXTRACT_MAX_PAGE - job->body.len) {
		job->refused = xasprintf("page larger than %zu MiB",
		    EXTRACT_MAX_PAGE / (1024 * 1024));
		return -1;
	}
	buf_append(&job->body, bytes, len);
	return 0;
}

static void
story_done(struct job *job, const struct fetch_result *result)
{
	struct refresh *r = job->r;
	struct extract_result extracted;
	char *error = NULL;
	const char *base;
	bool ok = false;

	if (job->refused != NULL)
		error = xstrdup(job->refused);
	else if (result->status != FETCH_OK)
		error = xstrdup(result->message != NULL ? result->message :
		    fetch_status_name(result->status));
	else {
		/* Relative links resolve against where the page really was. */
		base = job->effective_url != NULL ? job->effective_url : job->url;
		if (extract_story(job->body.data, job->body.len, base, job->charset,
		    &extracted, &error) == 0) {
			/* One statement: a transaction of its own. */
			if (store_set_item_story(r->store, job->item_id, extracted.html,
			    NULL) == 0)
				ok = true;
			else
				error = xasprintf("cannot store: %s", store_error(r->store));
			extract_result_free(&extracted);
		}
	}
	if (!ok && error == NULL)
		error = xstrdup("no story found on the page");
	/* The reason stays with the item; the feed's content is untouched. */
	if (!ok && store_set_item_story(r->store, job->item_id, NULL, error) != 0 &&
	    strncmp(error, "cannot store: ", 14) != 0) {
		free(error);
		error = xasprintf("cannot store: %s", store_error(r->store));
	}
	r->stats.stories_done++;
	if (!ok)
		r->stats.stories_failed++;
	if (r->callbacks.story != NULL)
		r->callbacks.story(r->callbacks.ctx, job->item_id, ok, ok ? "story fetched" : error);
	if (r->callbacks.progress != NULL)
		r->callbacks.progress(r->callbacks.ctx, &r->stats);
	free(error);
	job_free(job);
}

int
refresh_add_story(struct refresh *r, int64_t item_id, const char *link)
{
	struct job *job;
	struct fetch_request request;

	if (!url_is_http(link))
		return 1;
	job = xcalloc(1, sizeof(*job));
	job->r = r;
	job->next = r->jobs;
	if (r->jobs != NULL)
		r->jobs->prev = job;
	r->jobs = job;
	job->story = true;
	job->item_id = item_id;
	job->url = xstrdup(link);
	job->name = xstrdup(link);

	memset(&request, 0, sizeof(request));
	request.url = link;
	request.ctx = job;
	fetch_add(r->fetch, &request);
	r->stats.stories_queued++;
	return 0;
}

/* ---- Feeds ---- */

static int
on_header(void *ctx, const struct fetch_response_info *info)
{
	struct job *job = ctx;

	if (job->story)
		return story_header(job, info);
	job->have_info = true;
	job->etag = copy_or_null(info->etag);
	job->last_modified = copy_or_null(info->last_modified);
	job->charset = copy_or_null(info->charset);
	job->effective_url = copy_or_null(info->url);
	if (info->permanent_redirect)
		job->permanent_url = copy_or_null(info->permanent_url);
	job->max_age = info->max_age;
	job->expires_in = info->expires_in;
	job->retry_after = info->retry_after;
	return 0;
}

static int
on_data(void *ctx, const char *bytes, size_t len)
{
	struct job *job = ctx;

	if (job->story)
		return story_data(job, bytes, len);
	start_parser(job);
	/* A document broken beyond repair: stop downloading it. */
	return parse_feed_chunk(job->parser, bytes, len) == 0 ? 0 : -1;
}

static void
report(void (*fn)(void *, const char *, const char *), struct refresh *r,
    const char *name, const char *message)
{
	if (fn != NULL)
		fn(r->callbacks.ctx, name, message);
}

/* Remember a new item's page for after the feed is written (a story
 * queued before the commit could finish before its item exists). */
static void
want_story(struct job *job, int64_t item_id, const char *link)
{
	if (item_id <= 0 || job->n_wanted >= REFRESH_MAX_STORIES || !url_is_http(link))
		return;
	if (job->wanted == NULL)
		job->wanted = xreallocarray(NULL, REFRESH_MAX_STORIES, sizeof(*job->wanted));
	job->wanted[job->n_wanted].item_id = item_id;
	job->wanted[job->n_wanted].link = xstrdup(link);
	job->n_wanted++;
}

/* For the test suite only: TIDINGS_TEST_INTERVAL=SECONDS makes every feed
 * due that long after each fetch, whatever its interval and its hints,
 * below the minute the settings allow, so that tests of polling need not
 * wait minutes. Not a user setting: deliberately left out of the manual. */
long
refresh_test_interval(void)
{
	const char *v = getenv("TIDINGS_TEST_INTERVAL");
	long n;

	if (v == NULL || *v == '\0')
		return 0;
	n = strtol(v, NULL, 10);
	return n > 0 ? n : 0;
}

/* Write a finished feed: its items (if any) and its new fetch state, in one
 * transaction; failed when it is to count as a failure (a response that is
 * not a feed, too). Returns 0, or -1 with the store's error. */
static int
write_feed(struct job *job, const struct fetch_result *result, const char *error,
    bool failed, bool store_items, size_t *new_items)
{
	struct refresh *r = job->r;
	const struct settings *s = r->settings;
	struct store_fetch_state state;
	struct schedule_hints hints;
	int64_t now = store_now(r->store);
	size_t i;
	bool is_new;
	int drop;

	hints.user_interval = job->user_interval > 0 ? job->user_interval :
	    (long)s->number[OPT_REFRESH_INTERVAL];
	/* After a 304 nothing was parsed: the feed's last word stands. */
	hints.publisher_interval = job->parser != NULL ? parse_feed(job->parser)->poll_interval :
	    job->publisher_interval;
	hints.max_age = job->have_info ? job->max_age : -1;
	hints.expires_in = job->have_info ? job->expires_in : -1;
	hints.retry_after = job->have_info ? job->retry_after : -1;

	memset(&state, 0, sizeof(state));
	state.status = (int)result->http_status;
	state.error = error;
	state.last_fetch = now;
	state.next_due = schedule_next_due(now, &hints);
	if (refresh_test_interval() > 0)
		state.next_due = now + refresh_test_interval();
	state.retry_after = result->status == FETCH_RATE_LIMITED && hints.retry_after > 0 ?
	    now + hints.retry_after : DATE_NONE;
	state.disabled = result->status == FETCH_GONE;
	/* Validators: new ones from a 200 that was read as a feed; after a
	 * 304 or a failure to reach the server the old ones stay, so the next
	 * request is still conditional. A document that was no feed leaves
	 * none: the next request is unconditional, so that no 304 (against the
	 * validators of an older, good document, or a file's time) passes it
	 * off as unchanged, and its error stands until a fetch parses. */
	if ((result->status == FETCH_OK || result->status == FETCH_ABORTED) && failed) {
		state.etag = NULL;
		state.last_modified = NULL;
	} else if (result->status == FETCH_OK) {
		state.etag = job->etag;
		state.last_modified = job->last_modified;
	} else {
		state.etag = job->etag != NULL && result->status == FETCH_NOT_MODIFIED ?
		    job->etag : job->old_etag;
		state.last_modified = job->old_last_modified;
	}

	if (store_begin(r->store) != 0)
		return -1;
	if (store_items) {
		const struct feed *feed = parse_feed(job->parser);

		if (store_update_feed_meta(r->store, job->feed_id, feed, feed->poll_interval) != 0)
			goto fail;
		for (i = 0; i < job->nitems; i++) {
			/* ignore-article in download mode: never stored. */
			if ((drop = filter_rules_drop(s->rules, r->store, job->feed_id,
			    &job->items[i])) == -1)
				goto fail;
			if (drop)
				continue;
			if (store_upsert_item(r->store, job->feed_id, &job->items[i], &is_new) != 0)
				goto fail;
			if (is_new)
				(*new_items)++;
			if (is_new && job->full_story)
				want_story(job, store_last_item_id(r->store), job->items[i].link);
		}
		if ((s->number[OPT_KEEP_DAYS] > 0 || s->number[OPT_KEEP_ITEMS] > 0) &&
		    store_prune(r->store, job->feed_id, (long)s->number[OPT_KEEP_DAYS],
		    (long)s->number[OPT_KEEP_ITEMS], s->number[OPT_KEEP_UNREAD] != 0) < 0)
			goto fail;
	}
	if (store_set_fetch_state(r->store, job->feed_id, &state) != 0)
		goto fail;
	if (job->permanent_url != NULL && strcmp(job->permanent_url, job->url) != 0) {
		if (store_set_feed_url(r->store, job->feed_id, job->permanent_url) == 0) {
			char *msg = xasprintf("moved permanently to %s; the stored URL is updated",
			    job->permanent_url);

			report(r->callbacks.notice, r, job->name, msg);
			free(msg);
		}
	}
	return store_commit(r->store);
fail:
	store_rollback(r->store);
	return -1;
}

static void
on_done(void *ctx, const struct fetch_result *result)
{
	struct job *job = ctx;
	struct refresh *r = job->r;
	char *message = NULL;
	bool store_items = false, failed = true;
	size_t new_items = 0, i;

	if (job->story) {
		story_done(job, result);
		return;
	}
	switch (result->status) {
	case FETCH_OK:
		start_parser(job);	/* an empty body never reached on_data */
		if (parse_feed_finish(job->parser) != 0) {
			message = xasprintf("%s", parse_error(job->parser) != NULL ?
			    parse_error(job->parser) : "not a feed");
			/* Items before the break are kept (a truncated feed). */
			store_items = job->nitems > 0;
		} else {
			store_items = true;
			failed = false;
			if (parse_error(job->parser) != NULL)
				message = xasprintf(PARTLY_READ "%s", parse_error(job->parser));
		}
		break;
	case FETCH_ABORTED:
		/* on_data stopped it: the document is broken; keep what parsed. */
		if (job->parser != NULL) {
			parse_feed_finish(job->parser);
			message = xasprintf("%s", parse_error(job->parser) != NULL ?
			    parse_error(job->parser) : "not a feed");
			store_items = job->nitems > 0;
		} else
			message = xstrdup(result->message);
		break;
	case FETCH_NOT_MODIFIED:
		if (job->old_etag == NULL && job->old_last_modified == NULL) {
			/* An answer to no question: nothing says the document
			 * parses now, so its last error (if any) stands. */
			message = xstrdup(job->old_error != NULL ? job->old_error :
			    "HTTP 304 Not Modified to a request that was not conditional");
			break;
		}
		failed = false;
		r->stats.not_modified++;
		/* The document read partly last time is unchanged. */
		if (job->old_error != NULL && strncmp(job->old_error, PARTLY_READ,
		    strlen(PARTLY_READ)) == 0)
			message = xstrdup(job->old_error);
		break;
	case FETCH_GONE:
		message = xstrdup(result->message);
		break;
	default:
		message = xstrdup(result->message != NULL ? result->message : fetch_status_name(result->status));
		break;
	}

	if (write_feed(job, result, message, failed, store_items, &new_items) != 0) {
		free(message);
		message = xasprintf("cannot store: %s", store_error(r->store));
		failed = true;
	} else {
		for (i = 0; i < job->n_wanted; i++)
			refresh_add_story(r, job->wanted[i].item_id, job->wanted[i].link);
	}
	r->stats.new_items += new_items;
	r->stats.done++;
	if (failed) {
		r->stats.failed++;
		if (result->info == NULL && (result->status == FETCH_DNS ||
		    result->status == FETCH_CONNECT || result->status == FETCH_TIMED_OUT ||
		    result->status == FETCH_NETWORK))
			r->stats.unreachable++;
		if (result->status == FETCH_GONE) {
			char *why = xasprintf("%s: the feed is gone and now disabled "
			    "(tidings enable to try again)", message);

			report(r->callbacks.failure, r, job->name, why);
			free(why);
		} else
			report(r->callbacks.failure, r, job->name, message);
	}
	if (r->callbacks.progress != NULL)
		r->callbacks.progress(r->callbacks.ctx, &r->stats);
	free(message);
	job_free(job);
}

struct refresh *
refresh_new(struct store *store, const struct settings *settings,
    const struct refresh_callbacks *callbacks)
{
	struct refresh *r = xcalloc(1, sizeof(*r));
	struct fetch_options o;
	struct fetch_callbacks fc = { on_header, on_data, on_done };

	r->store = store;
	r->settings = settings;
	if (callbacks != NULL)
		r->callbacks = *callbacks;
	fetch_options_default(&o);
	o.max_total = (int)settings->number[OPT_MAX_CONNECTIONS];
	o.max_per_host = (int)settings->number[OPT_MAX_PER_HOST];
	o.connect_timeout = (long)settings->number[OPT_CONNECT_TIMEOUT];
	o.total_timeout = (long)settings->number[OPT_TIMEOUT];
	o.low_speed_limit = (long)settings->number[OPT_LOW_SPEED_LIMIT];
	o.low_speed_time = (long)settings->number[OPT_LOW_SPEED_TIME];
	o.max_body = (size_t)settings->number[OPT_MAX_SIZE];
	o.allow_private_redirects = settings->number[OPT_ALLOW_PRIVATE_REDIRECTS] != 0;
	o.user_agent = settings->string[OPT_USER_AGENT];
	o.accept = "application/rss+xml, application/atom+xml, application/rdf+xml, "
	    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";
	r->fetch = fetch_new(&o, &fc);
	if (r->fetch == NULL) {
		free(r);
		return NULL;
	}
	return r;
}

void
refresh_free(struct refresh **rp)
{
	struct refresh *r = *rp;

	if (r == NULL)
		return;
	/* Transfers still in flight are dropped without done(): the caller
	 * gave up on them (the reader quit mid-refresh); nothing is stored. */
	fetch_free(&r->fetch);
	while (r->jobs != NULL)
		job_free(r->jobs);
	free(r);
	*rp = NULL;
}

static void
queue(struct refresh *r, const struct store_feed *feed)
{
	struct job *job = xcalloc(1, sizeof(*job));
	struct fetch_request request;

	job->r = r;
	job->next = r->jobs;
	if (r->jobs != NULL)
		r->jobs->prev = job;
	r->jobs = job;
	job->feed_id = feed->id;
	job->name = xstrdup(store_feed_name(feed));
	job->url = xstrdup(feed->url);
	job->old_etag = copy_or_null(feed->etag);
	job->old_last_modified = copy_or_null(feed->last_modified);
	job->old_error = copy_or_null(feed->last_error);
	job->user_interval = feed->user_interval;
	job->publisher_interval = feed->publisher_interval;
	job->full_story = feed->full_story;
	job->max_age = job->expires_in = job->retry_after = -1;

	request.url = feed->url;
	request.etag = feed->etag;
	request.last_modified = feed->last_modified;
	request.ctx = job;
	fetch_add(r->fetch, &request);
	r->stats.queued++;
}

static bool
blocked(const struct store_feed *feed, int64_t now)
{
	/* A feed of a sync server is the server's to fetch. */
	return feed->disabled || feed->remote_id != 0 || (feed->retry_after != DATE_NONE && feed->retry_after > now);
}

int64_t
refresh_due_time(const struct store_feed *feed)
{
	int64_t due = feed->next_due;

	if (feed->retry_after != DATE_NONE && (due == DATE_NONE || feed->retry_after > due))
		due = feed->retry_after;
	return due;
}

int
refresh_add_feed(struct refresh *r, int64_t feed_id)
{
	struct store_feed feed;
	int rc = 0;

	if (store_get_feed(r->store, feed_id, &feed) != 0)
		return -1;
	if (blocked(&feed, store_now(r->store)))
		rc = 1;
	else
		queue(r, &feed);
	store_feed_clear(&feed);
	return rc;
}

struct due_walk {
	struct refresh	*r;
	int64_t		 now;
	bool		 all;
	long		 queued;
};

static int
queue_if_due(void *ctx, const struct store_feed *feed)
{
	struct due_walk *w = ctx;

	if (blocked(feed, w->now))
		return 0;
	if (w->all || feed->next_due == DATE_NONE || feed->next_due <= w->now) {
		queue(w->r, feed);
		w->queued++;
	}
	return 0;
}

long
refresh_add_due(struct refresh *r, int64_t now, bool all)
{
	struct due_walk w = { r, now, all, 0 };

	if (store_each_feed(r->store, queue_if_due, &w) < 0)
		return -1;
	return w.queued;
}

/* No answer last time: nothing from the server, only an error. */
static int
queue_if_unreachable(void *ctx, const struct store_feed *feed)
{
	struct due_walk *w = ctx;

	if (blocked(feed, w->now) || feed->last_status != 0 || feed->last_error == NULL)
		return 0;
	queue(w->r, feed);
	w->queued++;
	return 0;
}

long
refresh_add_unreachable(struct refresh *r)
{
	struct due_walk w = { r, store_now(r->store), false, 0 };

	if (store_each_feed(r->store, queue_if_unreachable, &w) < 0)
		return -1;
	return w.queued;
}

struct outlook_walk {
	struct refresh_outlook	*out;
	int64_t			 now;
};

static int
count_due(void *ctx, const struct store_feed *feed)
{
	struct outlook_walk *w = ctx;
	int64_t due = refresh_due_time(feed);

	if (feed->disabled) {
		w->out->disabled++;
		return 0;
	}
	w->out->feeds++;
	if (due == DATE_NONE || due <= w->now)
		w->out->due++;
	else if (w->out->next == DATE_NONE || due < w->out->next)
		w->out->next = due;
	return 0;
}

int
refresh_outlook(struct store *store, int64_t now, struct refresh_outlook *out)
{
	struct outlook_walk w = { out, now };

	memset(out, 0, sizeof(*out));
	out->next = DATE_NONE;
	return store_each_feed(store, count_due, &w) < 0 ? -1 : 0;
}

int
refresh_step(struct refresh *r, int timeout_ms, int extra_fd, bool *extra_ready)
{
	return fetch_step(r->fetch, timeout_ms, extra_fd, extra_ready);
}

int
refresh_run(struct refresh *r)
{
	return fetch_run(r->fetch);
}

size_t
refresh_pending(const struct refresh *r)
{
	return fetch_pending(r->fetch);
}

const struct refresh_stats *
refresh_stats(const struct refresh *r)
{
	return &r->stats;
}

int
refresh_lock(const char *db_path, int wait_ms)
{
	char *path = xasprintf("%s.lock", db_path);
	struct timespec pause = { 0, 50 * 1000 * 1000 };
	int fd, waited = 0;

	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	free(path);
	if (fd < 0)
		return -2;
	/* flock: released by the kernel when the process dies, even by
	 * SIGKILL, so a killed refresh never leaves a stale lock behind. */
	while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			close(fd);
			return -2;
		}
		if (waited >= wait_ms) {
			close(fd);
			return -1;
		}
		nanosleep(&pause, NULL);
		waited += 50;
	}
	return fd;
}
