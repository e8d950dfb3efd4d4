/* fetch-internal.h: what the fetcher's files share (fetch.c: the queue, the multi loop, headers
 * and body; fetch-outcome.c: outcomes and their messages). Not for other modules. */
#ifndef TIDINGS_FETCH_INTERNAL_H
#define TIDINGS_FETCH_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <curl/curl.h>

#include "fetch.h"

#define KIB		((size_t)1024)
#define MIB		(KIB * 1024)

/* A transfer, from fetch_add() to its done() call. Private to the fetch files. */
struct transfer {
	struct transfer		*prev;
	struct transfer		*next;
	struct fetch		*fetch;
	CURL			*easy;
	struct curl_slist	*headers;	/* request headers we add */
	char			*url;
	char			*host;		/* lower case; "" when unknown */
	char			*scheme;	/* lower case; "" when unknown */
	char			*request_last_modified;
	void			*ctx;
	char			 errbuf[CURL_ERROR_SIZE];
	CURLcode		 result;	/* once in the finished list */
	bool			 paused;	/* by the step's budget */

	/* The response being received; each status line starts a new one. */
	bool			 seen_status;	/* an HTTP status line arrived */
	bool			 informational;	/* inside a 1xx response */
	bool			 headers_done;	/* its blank line arrived */
	long			 code;
	char			*reason;
	char			*etag;
	char			*last_modified;
	char			*content_type;
	char			*expires;
	char			*retry_after;
	char			*date;
	char			*location;
	int64_t			 max_age;
	size_t			 error_bytes;

	/* The redirect chain so far. */
	int			 redirects;
	bool			 all_permanent;

	/* What happened on our side. */
	bool			 header_called;
	bool			 info_built;
	bool			 too_large;
	bool			 aborted;
	bool			 error_body_cut;
	size_t			 body_bytes;

	/* What the callbacks see; the strings below back it. */
	struct fetch_response_info info;
	char			*info_url;
	char			*info_type;
	char			*info_charset;
	char			*message;
};

struct transfer_list {
	struct transfer		*first;
	struct transfer		*last;
	size_t			 count;
};

struct fetch {
	struct fetch_options	 options;
	char			*user_agent;	/* options.user_agent points here */
	char			*accept;	/* options.accept points here */
	struct fetch_callbacks	 callbacks;
	CURLM			*multi;
	CURLSH			*share;
	struct transfer_list	 queued;
	struct transfer_list	 active;
	/* Done on the network, done() not yet called: reported one per
	 * step, so that a step never runs the callers' work (parsing the
	 * end of a feed, writing it to the store) for many transfers at
	 * once, which would keep the reader's keys waiting. */
	struct transfer_list	 finished;
	size_t			 paused;	/* active transfers paused */
	int64_t			 deadline;	/* of this step's budget, in ns */
};

/* Whether an HTTP status is one of the redirects libcurl follows. */
bool fetch_is_redirect(long code);

/*
 * The outcome of a finished transfer, with t->message set to its line for
 * people. have_info: a response arrived (a status line, or a local file
 * read or found unchanged).
 */
enum fetch_status fetch_classify(struct transfer *t, CURLcode res,
	    bool have_info);

#endif
