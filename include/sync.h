/* sync.h: keeping the store in step with a server aggregator (Tiny Tiny RSS
 * today). Three layers:
 *
 *  - a backend (struct sync_backend): one server's protocol behind a few
 *    calls: log in, list subscriptions and categories, pull articles after
 *    an id in pages, pull the ids of the unread and starred articles, push
 *    read and starred changes. sync-ttrss.c is the TT-RSS one; another
 *    server (the Google Reader API, Miniflux) fills the same struct.
 *  - the store's side (store-sync.c): remote ids on feeds and items, the
 *    last article id seen, and the journal of local read/star changes that
 *    triggers record while the server is away.
 *  - the reconciliation (sync.c): push the journal, mirror the
 *    subscriptions, pull new articles, then bring older articles' state in
 *    line with the server's, never overwriting a change still in the journal.
 *
 * Conflicts: a local change recorded since the last successful push wins
 * (it is pushed first); otherwise the server's state is taken. Repeated
 * local changes of one article keep only the latest. */
#ifndef TIDINGS_SYNC_H
#define TIDINGS_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "feed.h"
#include "settings.h"

struct store;

/* How a sync call failed: the kind decides the exit status. */
enum sync_status {
	SYNC_OK = 0,
	SYNC_FAILED = 1,	/* the server is unreachable or answered an error */
	SYNC_CONFIG = 2,	/* configuration or authentication: the user must act */
};

/* ---- The model a backend fills ---- */

struct sync_category {
	int64_t	 id;
	char	*title;
};

struct sync_feed {
	int64_t	 id;
	int64_t	 category_id;	/* 0: none */
	char	*title;
	char	*url;
};

struct sync_subscriptions {
	struct sync_category	*categories;
	size_t			 n_categories;
	struct sync_feed	*feeds;
	size_t			 n_feeds;
};
void sync_subscriptions_clear(struct sync_subscriptions *subs);

struct sync_article {
	int64_t		 id;
	int64_t		 feed_id;
	bool		 unread;
	bool		 starred;
	struct item	 item;	/* id (guid), title, link, author, content, date, enclosures */
};

struct sync_page {
	struct sync_article	*articles;
	size_t			 n;
	size_t			 received;	/* rows in the reply, kept or not */
};
void sync_page_clear(struct sync_page *page);

struct sync_ids {
	int64_t	*ids;
	size_t	 n;
	size_t	 size;
};
void sync_ids_add(struct sync_ids *ids, int64_t id);
void sync_ids_clear(struct sync_ids *ids);

/* Which state a list of ids or a push is about. */
enum sync_field {
	SYNC_READ = 0,
	SYNC_STARRED = 1,
};

/* ---- A backend ---- */

/* Every call returns a sync_status; on failure, error() says why in one
 * line (valid until the next call). */
struct sync_backend {
	const char *name;	/* "ttrss" */
	/* Articles per page of pull(). */
	size_t page_size;
	int (*login)(struct sync_backend *b);
	int (*subscriptions)(struct sync_backend *b, struct sync_subscriptions *out);
	/* Articles with ids above since_id, skipping the first skip, with
	 * content and enclosures. */
	int (*pull)(struct sync_backend *b, int64_t since_id, size_t skip, struct sync_page *out);
	/* The ids of every unread (SYNC_READ) or starred article. */
	int (*state)(struct sync_backend *b, enum sync_field field, struct sync_ids *out);
	/* Set field to on for the articles (at most page_size of them). */
	int (*push)(struct sync_backend *b, enum sync_field field, bool on,
	    const int64_t *ids, size_t n);
	/* Subscribe the server to url, in category_id (0: none); the server
	 * fetches it first. SYNC_OK also when it was subscribed already
	 * (*already set); SYNC_FAILED when it refused, error() saying why. */
	int (*subscribe)(struct sync_backend *b, const char *url, int64_t category_id,
	    bool *already);
	const char *(*error)(const struct sync_backend *b);
	void (*free)(struct sync_backend *b);
};

/* The settings' server: ttrss-url, ttrss-login and the password from
 * ttrss-password-file or ttrss-password-command. NULL with *error (owned)
 * when they are incomplete or the password cannot be had; *error is NULL
 * too when no ttrss-url is set. */
struct sync_backend *sync_backend_from_settings(const struct settings *settings, char **error);

/* TT-RSS (API level 15) at url, e.g. "https://example.org/tt-rss". */
struct sync_backend *sync_ttrss_new(const char *url, const char *login, const char *password,
    const struct settings *settings);

/* The password: the first line of file (refused when group or world can
 * read it), or of the output of command (split into words like the
 * browser setting, run without a shell). Owned; NULL with *error. */
char *sync_password_from_file(const char *path, char **error);
char *sync_password_from_command(const char *command, char **error);

/* ---- TT-RSS replies (pure; for the backend and its tests) ---- */

struct json_object;
/* The content of a reply body, or NULL with *error: "NOT_LOGGED_IN",
 * "API_DISABLED", "LOGIN_ERROR" or another message. *root (to be put by
 * the caller) owns the returned object. */
struct json_object *ttrss_reply_content(const char *body, struct json_object **root, char **error);
int ttrss_parse_headlines(struct json_object *content, struct sync_page *out);
int ttrss_parse_feeds(struct json_object *content, struct sync_subscriptions *out);
int ttrss_parse_categories(struct json_object *content, struct sync_subscriptions *out);
int ttrss_parse_ids(struct json_object *content, struct sync_ids *out, size_t *received);

/* ---- The store's side (store-sync.c) ---- */

/* A journal entry: a local change not yet on the server. */
struct sync_change {
	int64_t		 item_id;
	int64_t		 remote_id;
	enum sync_field	 field;
	bool		 on;	/* read or starred */
	int64_t		 changed;	/* when, seconds since the epoch */
	int64_t		 seq;		/* the journal's order */
};

/* Every journal entry, oldest first (owned array; free it). -1 on error. */
int64_t store_sync_journal(struct store *s, struct sync_change **out);
/* Drop an entry once pushed, unless it changed again meanwhile. */
int store_sync_journal_done(struct store *s, const struct sync_change *c);
int64_t store_sync_journal_count(struct store *s);

int64_t store_sync_last_id(struct store *s);
int store_sync_set_last_id(struct store *s, int64_t id);

/* While applying the server's state, the journal triggers stay quiet; call
 * inside a transaction (begin true at its start, false before commit). */
int store_sync_applying(struct store *s, bool on);

/* The local feed of a remote one, creating or adopting (same URL) it, with
 * its title and tags. Returns the feed id, or -1. *created tells. */
int64_t store_sync_feed(struct store *s, const struct sync_feed *f, const char *tag,
    bool *created);
/* Remove the remote feeds whose remote id is not among keep (sorted).
 * Returns how many went, or -1. */
int64_t store_sync_remove_feeds(struct store *s, const int64_t *keep, size_t n_keep);
/* The local feed id of a remote feed, 0 if none, -1 on error. */
int64_t store_sync_feed_id(struct store *s, int64_t remote_id);

/* Store an article (inside a transaction, with applying on): upsert its
 * item, record its remote id, and for a new item take its state. Returns 1
 * when new, 0 when known, -1 on error. */
int store_sync_article(struct store *s, int64_t feed_id, const struct sync_article *a);

/* Bring every synced item's field in line with the server: on for the ids
 * given (sorted), off for the others; items with a journal entry for the
 * field keep theirs. Returns how many changed, or -1. */
int64_t store_sync_apply_state(struct store *s, enum sync_field field,
    const int64_t *on_ids, size_t n);

/* ---- The reconciliation (sync.c) ---- */

struct sync_stats {
	size_t	 feeds_added;
	size_t	 feeds_removed;
	size_t	 new_articles;
	size_t	 pushed;	/* journal entries on the server now */
	size_t	 pending;	/* journal entries still waiting */
	size_t	 state_changes;	/* local items whose read/star state changed */
	size_t	 requests;
};

/* Group changes into pushes: for each (field, on) the remote ids, at most
 * batch per push, in the order of the first change of each group. Calls fn
 * for each batch with the changes behind it; stops at fn's non-zero return,
 * which it returns. */
int sync_batches(const struct sync_change *changes, size_t n, size_t batch,
    int (*fn)(void *ctx, enum sync_field field, bool on, const int64_t *ids,
    const struct sync_change *const *from, size_t n), void *ctx);

/* One whole sync of s with b. Returns a sync_status; *error (owned) says
 * what failed. Nothing local is lost on failure: the journal keeps what was
 * not pushed, and articles pulled so far stay. */
int sync_run(struct store *s, struct sync_backend *b, struct sync_stats *stats, char **error);

/* For the commands: sync the session's store when ttrss-url is set.
 * Prints one line on failure (and a summary unless quiet). Returns an exit
 * status; 0 also when no server is configured. */
struct session;
int cmd_sync_session(struct session *session, bool quiet);

#endif
