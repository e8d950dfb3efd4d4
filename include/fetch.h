/* fetch.h: many HTTP(S) transfers at once on one libcurl multi loop, no threads.
 * Knows nothing of feeds or the store: requests in, bytes and results out. */
#ifndef TIDINGS_FETCH_H
#define TIDINGS_FETCH_H

/*
 * Job: conditional GET with compression, redirects over http and https only,
 * per-host and total parallelism caps, timeouts, a slow-transfer cutoff and a
 * cap on the decoded body size, and a classification of every outcome.
 *
 * Ownership: fetch_new() returns an owned struct fetch; fetch_free() releases
 * it with every transfer still queued or running, without calling done() for
 * them. fetch_add() copies the request's strings, so the caller may free them
 * at once; the ctx pointer is the caller's and is only handed back. Every
 * pointer passed to a callback (the info, the result, their strings, the
 * bytes) belongs to the fetch and stays valid until that request's done()
 * returns; copy what must live longer.
 *
 * Every request added gets exactly one done() call, from inside fetch_step()
 * or fetch_run(), even when its URL is malformed. header() comes first, at
 * most once, as soon as the final response's status and headers are known (it
 * is skipped when no response arrived at all); data() then receives the
 * decoded body of a 2xx response (or of a file:// URL) in pieces. Bodies of
 * error responses are never passed on.
 *
 * Callbacks may call fetch_add() (the request is queued and starts on a later
 * step) but must not call fetch_step(), fetch_run() or fetch_free().
 *
 * Transfers wait in our own queue until a slot is free under both caps, rather
 * than in libcurl's: libcurl counts CURLOPT_TIMEOUT from the moment a handle is
 * added to the multi handle, so a long queue there would time out feeds that
 * never had a chance to start (see the CURLOPT_TIMEOUT manual page).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct fetch;

struct fetch_options {
	int	 max_total;		/* transfers at once; default 16 */
	int	 max_per_host;		/* at once per host name; default 4 */
	/* max_per_host is politeness towards other people's servers, so by
	 * default it is not applied to loopback hosts (localhost, 127/8,
	 * ::1): set this to apply it there too. */
	bool	 cap_loopback;
	long	 connect_timeout;	/* seconds, name lookup included; 10 */
	long	 total_timeout;		/* seconds for a whole transfer; 60 */
	/* A transfer under low_speed_limit bytes per second for
	 * low_speed_time seconds is dropped; defaults 10 and 15, 0 for
	 * either turns the check off. */
	long	 low_speed_limit;
	long	 low_speed_time;
	size_t	 max_body;		/* decoded bytes; 32 MiB; 0 for no cap */
	long	 max_redirects;		/* default 5 */
	/* A redirect is refused when it connects to a loopback, link-local
	 * or private address while the feed's own server is not of that
	 * kind nor loopback (fetch_redirect_allowed()); true lets every
	 * redirect through. The address checked is the one connected to,
	 * after the name lookup. Default false. */
	bool	 allow_private_redirects;
	const char *user_agent;		/* NULL: "tidings/VERSION"; copied */
	const char *accept;		/* Accept header; NULL: libcurl's; copied */
};

struct fetch_request {
	const char *url;		/* http://, https:// or file:// */
	/* Validators from the last response, or NULL: etag is sent as
	 * If-None-Match, last_modified verbatim as If-Modified-Since. */
	const char *etag;
	const char *last_modified;
	void	*ctx;			/* handed back to every callback */
};

/* What the final response said. Absent headers are NULL strings and -1
 * numbers. */
struct fetch_response_info {
	long	 status;		/* HTTP status; 0 for a file:// URL */
	const char *url;		/* the effective URL, after redirects */
	const char *content_type;	/* media type, lower case, no parameters */
	const char *charset;		/* its charset parameter, unquoted */
	const char *etag;		/* verbatim, quotes and W/ included */
	const char *last_modified;	/* verbatim; for file:// the file's time */
	int64_t	 max_age;		/* Cache-Control max-age, seconds */
	/* Expires minus Date (or now, without Date), in seconds, at least 0;
	 * an invalid Expires counts as already expired (RFC 9111 5.3). */
	int64_t	 expires_in;
	/* Retry-After as seconds from now, from delta-seconds or from an
	 * HTTP-date measured against the response's Date (RFC 9110 10.2.3),
	 * so that skewed clocks do not matter. */
	int64_t	 retry_after;
	int	 redirects;		/* redirects followed */
	bool	 permanent_redirect;	/* at least one, and all 301 or 308 */
	const char *permanent_url;	/* the URL to remember when
					   permanent_redirect; else NULL */
};

enum fetch_status {
	FETCH_OK,		/* 2xx, or a file:// URL read */
	FETCH_NOT_MODIFIED,	/* 304, or a file not changed since
				   last_modified */
	FETCH_HTTP_ERROR,	/* any other status; see http_status */
	FETCH_GONE,		/* 410: the feed is gone for good */
	FETCH_RATE_LIMITED,	/* 429, or 503 with Retry-After */
	FETCH_TOO_LARGE,	/* decoded body over max_body, or response
				   headers over libcurl's limit */
	FETCH_TIMED_OUT,	/* total_timeout, or connect_timeout, reached */
	FETCH_TOO_SLOW,		/* under low_speed_limit for low_speed_time */
	FETCH_DNS,		/* host (or proxy) name did not resolve */
	FETCH_CONNECT,		/* connection refused or unreachable */
	FETCH_TLS,		/* handshake or certificate check failed */
	FETCH_REDIRECT_REFUSED,	/* to a scheme but http(s), too many, or to
				   an address allow_private_redirects
				   guards */
	FETCH_NETWORK,		/* reset, or closed before the body's end */
	FETCH_ABORTED,		/* header() or data() asked to stop */
	FETCH_OTHER		/* anything else: bad URL, unreadable file */
};

struct fetch_result {
	enum fetch_status status;
	long	 http_status;		/* final HTTP status, 0 if none */
	/* One line for people: "HTTP 404 Not Found", "timed out after 60 s",
	 * "body larger than 32 MiB", "could not resolve host x.invalid". */
	const char *message;
	size_t	 body_bytes;		/* decoded bytes passed to data() */
	/* NULL when no response arrived. */
	const struct fetch_response_info *info;
};

struct fetch_callbacks {
	/* The final response's status and headers. Return 0 to go on, -1 to
	 * abort the transfer (FETCH_ABORTED). May be NULL. */
	int	(*header)(void *ctx, const struct fetch_response_info *info);
	/* A piece of the decoded body. Return 0 to go on, -1 to abort the
	 * transfer (FETCH_ABORTED). May be NULL. */
	int	(*data)(void *ctx, const char *bytes, size_t len);
	/* The outcome; called once per request, last. May be NULL. */
	void	(*done)(void *ctx, const struct fetch_result *result);
};

/* Fill options with the defaults above. */
void fetch_options_default(struct fetch_options *options);

/* A new fetcher; options NULL means the defaults. Options and callbacks are
 * copied. NULL only when libcurl cannot initialize. */
struct fetch *fetch_new(const struct fetch_options *options,
	    const struct fetch_callbacks *callbacks);
/* Stop every transfer, free the fetcher and set *fetch to NULL. Accepts NULL. */
void fetch_free(struct fetch **fetch);

/* Queue a request; it starts on the next fetch_step() with a free slot. */
void fetch_add(struct fetch *fetch, const struct fetch_request *request);

/* Requests added and not yet done. */
size_t fetch_pending(const struct fetch *fetch);

/*
 * One turn of the loop: start queued transfers that fit under the caps, wait
 * up to timeout_ms milliseconds for network activity or for extra_fd (-1 for
 * none; stdin for the reader) to become readable, move the transfers along
 * and call the callbacks. It returns early when anything happens and does
 * not wait when nothing is pending and extra_fd is -1. With an extra_fd,
 * the step's work is bounded for a caller that must answer it soon (the
 * reader's keys): body bytes are handed over for a few milliseconds, the
 * transfers left are paused until the next step, and done() is called for
 * one transfer at most; the next steps then do not wait while work is
 * left. Without one, a step does all it can. *extra_ready (may be
 * NULL) says whether extra_fd is readable or hung up. Returns 0, or -1 on a
 * libcurl multi error (a bug or exhausted memory, not a failed transfer).
 */
int fetch_step(struct fetch *fetch, int timeout_ms, int extra_fd,
	    bool *extra_ready);

/* Step until no request is pending. Returns 0 or -1 as fetch_step(). */
int fetch_run(struct fetch *fetch);

/* A short English name for status ("ok", "not modified", "too slow"...). */
const char *fetch_status_name(enum fetch_status status);

#endif
