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

/* What an address connected to is, for the redirect rule (fetch-policy.c). */
enum fetch_address_kind {
	FETCH_ADDRESS_PUBLIC,
	FETCH_ADDRESS_PRIVATE,		/* 10/8, 172.16/12, 192.168/16, 100.64/10,
					   fc00::/7, fec0::/10 */
	FETCH_ADDRESS_LINK_LOCAL,	/* 169.254/16, fe80::/10 */
	FETCH_ADDRESS_LOOPBACK,		/* 127/8, 0/8, ::1, :: */
	FETCH_ADDRESS_UNKNOWN		/* not an IP address */
};

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
	enum fetch_address_kind	 origin;	/* of the first request's server */
	/* Set when a redirect led to an address fetch_redirect_allowed()
	 * refuses: the address, and its kind. */
	char			*refused_ip;
	enum fetch_address_kind	 refused;

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

/* The kind of a numeric IPv4 or IPv6 address as libcurl writes it (a zone
 * after '%' ignored; IPv4-mapped IPv6 counts as its IPv4 address). */
enum fetch_address_kind fetch_address_kind(const char *ip);
/* "a loopback address", for messages. */
const char *fetch_address_kind_text(enum fetch_address_kind kind);
/* Whether a redirect from a feed whose server is at an address of kind
 * origin may go on to an address of kind target. */
bool fetch_redirect_allowed(enum fetch_address_kind origin,
	    enum fetch_address_kind target);
/* Set on e the schemes t may use, its redirects, and the check of every
 * address a redirect connects to. */
void fetch_policy_apply(struct transfer *t, CURL *e);

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
