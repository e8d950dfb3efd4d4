/* test-fetch.c: the fetcher against tests/server.py on loopback through the real multi loop:
 * outcomes, messages, validators, redirects, limits, caps, the step API. Skips without python3. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "fetch.h"
#include "fetch-internal.h"
#include "loopback.h"
#include "test.h"
#include "xmalloc.h"

/* Everything the callbacks saw for one request. */
struct outcome {
	int			 header_calls;
	int			 data_calls;
	int			 done_calls;
	bool			 data_before_header;
	bool			 header_after_done;
	int			 abort_in;	/* 1: header() says stop, 2: data() does */

	struct buf		 body;
	size_t			 body_seen;

	/* Copied from the info given to header(). */
	long			 status;
	char			*url;
	char			*content_type;
	char			*charset;
	char			*etag;
	char			*last_modified;
	int64_t			 max_age;
	int64_t			 expires_in;
	int64_t			 retry_after;
	int			 redirects;
	bool			 permanent;
	char			*permanent_url;

	/* Copied from the result given to done(). */
	enum fetch_status	 result;
	long			 http_status;
	char			*message;
	size_t			 body_bytes;
	bool			 result_has_info;
	char			*done_etag;	/* the info's ETag as done() saw it */

	/* A request for done() to add, to check adding from a callback. */
	struct fetch		*chain_fetch;
	struct outcome		*chain;
	const char		*chain_url;
};

static char base[64];
static char *temp_path;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static int
on_header(void *ctx, const struct fetch_response_info *info)
{
	struct outcome *o = ctx;

	o->header_calls++;
	if (o->done_calls > 0)
		o->header_after_done = true;
	o->status = info->status;
	free(o->url);
	o->url = dup_or_null(info->url);
	free(o->content_type);
	o->content_type = dup_or_null(info->content_type);
	free(o->charset);
	o->charset = dup_or_null(info->charset);
	free(o->etag);
	o->etag = dup_or_null(info->etag);
	free(o->last_modified);
	o->last_modified = dup_or_null(info->last_modified);
	o->max_age = info->max_age;
	o->expires_in = info->expires_in;
	o->retry_after = info->retry_after;
	o->redirects = info->redirects;
	o->permanent = info->permanent_redirect;
	free(o->permanent_url);
	o->permanent_url = dup_or_null(info->permanent_url);
	return o->abort_in == 1 ? -1 : 0;
}

/* test_bounded_step: a slow consumer, and done() calls counted per step. */
static useconds_t data_delay_us;
static int done_in_step;

static int
on_data(void *ctx, const char *bytes, size_t len)
{
	struct outcome *o = ctx;

	if (data_delay_us > 0)
		usleep(data_delay_us);
	o->data_calls++;
	if (o->header_calls == 0)
		o->data_before_header = true;
	o->body_seen += len;
	if (o->body.len < 4 * 1024 * 1024)
		buf_append(&o->body, bytes, len);
	return o->abort_in == 2 ? -1 : 0;
}

static void
on_done(void *ctx, const struct fetch_result *result)
{
	struct outcome *o = ctx;

	done_in_step++;
	o->done_calls++;
	o->result = result->status;
	o->http_status = result->http_status;
	free(o->message);
	o->message = dup_or_null(result->message);
	o->body_bytes = result->body_bytes;
	o->result_has_info = result->info != NULL;
	free(o->done_etag);
	o->done_etag = result->info != NULL ?
	    dup_or_null(result->info->etag) : NULL;
	if (o->chain != NULL) {
		struct fetch_request r = { o->chain_url, NULL, NULL, o->chain };

		fetch_add(o->chain_fetch, &r);
	}
}

static const struct fetch_callbacks callbacks = { on_header, on_data, on_done };

static void
outcome_clear(struct outcome *o)
{
	buf_free(&o->body);
	free(o->url);
	free(o->content_type);
	free(o->charset);
	free(o->etag);
	free(o->last_modified);
	free(o->permanent_url);
	free(o->message);
	free(o->done_etag);
	memset(o, 0, sizeof *o);
}

/* "http://127.0.0.1:PORT" + path, or url itself when it has a scheme. */
static char *
make_url(const char *path)
{
	if (strstr(path, "://") != NULL || path[0] == '\0')
		return xstrdup(path);
	return xasprintf("%s%s", base, path);
}

static void
add(struct fetch *f, struct outcome *o, const char *path, const char *etag,
    const char *last_modified)
{
	char *url = make_url(path);
	struct fetch_request r = { url, etag, last_modified, o };

	fetch_add(f, &r);
	free(url);
}

/* Options for tests: short limits so that every scenario ends quickly. */
static void
test_options(struct fetch_options *o)
{
	fetch_options_default(o);
	o->connect_timeout = 5;
	o->total_timeout = 20;
	o->low_speed_limit = 10;
	o->low_speed_time = 2;
	o->max_body = 1024 * 1024;
}

static void
stop_server(void)
{
	test_server_stop();
	if (temp_path != NULL) {
		unlink(temp_path);
		free(temp_path);
		temp_path = NULL;
	}
}

/* Start tests/server.py (loopback.h); exits 77 when python3 is missing. */
static void
start_server(void)
{
	snprintf(base, sizeof base, "%s", test_server_start(NULL));
}

/* A loopback port nobody listens on. */
static int
dead_port(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	int s, port;

	s = socket(AF_INET, SOCK_STREAM, 0);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (s == -1 || bind(s, (struct sockaddr *)&sin, sizeof sin) == -1 ||
	    getsockname(s, (struct sockaddr *)&sin, &len) == -1) {
		perror("socket");
		exit(99);
	}
	port = ntohs(sin.sin_port);
	close(s);
	return port;
}

/* A number from the server's JSON counters ("key": N, first match). */
static long long
stat_value(const char *json, const char *key)
{
	char *pattern = xasprintf("\"%s\": ", key);
	const char *p = strstr(json, pattern);

	free(pattern);
	return p != NULL ? atoll(strchr(p, ':') + 1) : -1;
}

/* GET one path through the fetcher; the body as a string into o. */
static void
get_one(struct outcome *o, const char *path)
{
	struct fetch *f = fetch_new(NULL, &callbacks);

	add(f, o, path, NULL, NULL);
	CHECK_INT(fetch_run(f), 0);
	fetch_free(&f);
}

static void
test_names(void)
{
	CHECK_STR(fetch_status_name(FETCH_OK), "ok");
	CHECK_STR(fetch_status_name(FETCH_TOO_SLOW), "too slow");
	CHECK_STR(fetch_status_name(FETCH_OTHER), "other");
	CHECK_STR(fetch_status_name((enum fetch_status)999), "unknown");
}

/* The kinds of address the redirect rule tells apart, at the edges of
 * each range, in every spelling libcurl may report. */
static void
test_address_kinds(void)
{
	static const struct {
		const char		*ip;
		enum fetch_address_kind	 want;
	} table[] = {
		{ NULL, FETCH_ADDRESS_UNKNOWN },
		{ "", FETCH_ADDRESS_UNKNOWN },
		{ "localhost", FETCH_ADDRESS_UNKNOWN },
		{ "127.0.0.1.5", FETCH_ADDRESS_UNKNOWN },
		{ "%eth0", FETCH_ADDRESS_UNKNOWN },
		{ "127.0.0.1", FETCH_ADDRESS_LOOPBACK },
		{ "127.255.255.254", FETCH_ADDRESS_LOOPBACK },
		{ "0.0.0.0", FETCH_ADDRESS_LOOPBACK },
		{ "0.1.2.3", FETCH_ADDRESS_LOOPBACK },
		{ "128.0.0.1", FETCH_ADDRESS_PUBLIC },
		{ "10.0.0.1", FETCH_ADDRESS_PRIVATE },
		{ "10.255.255.255", FETCH_ADDRESS_PRIVATE },
		{ "11.0.0.1", FETCH_ADDRESS_PUBLIC },
		{ "172.15.255.255", FETCH_ADDRESS_PUBLIC },
		{ "172.16.0.0", FETCH_ADDRESS_PRIVATE },
		{ "172.31.255.255", FETCH_ADDRESS_PRIVATE },
		{ "172.32.0.0", FETCH_ADDRESS_PUBLIC },
		{ "192.168.1.1", FETCH_ADDRESS_PRIVATE },
		{ "192.169.0.1", FETCH_ADDRESS_PUBLIC },
		{ "100.64.0.1", FETCH_ADDRESS_PRIVATE },
		{ "100.127.255.255", FETCH_ADDRESS_PRIVATE },
		{ "100.128.0.1", FETCH_ADDRESS_PUBLIC },
		{ "169.254.169.254", FETCH_ADDRESS_LINK_LOCAL },
		{ "169.253.0.1", FETCH_ADDRESS_PUBLIC },
		{ "192.0.2.10", FETCH_ADDRESS_PUBLIC },
		{ "8.8.8.8", FETCH_ADDRESS_PUBLIC },
		{ "::1", FETCH_ADDRESS_LOOPBACK },
		{ "0:0:0:0:0:0:0:1", FETCH_ADDRESS_LOOPBACK },
		{ "::", FETCH_ADDRESS_LOOPBACK },
		{ "::2", FETCH_ADDRESS_PUBLIC },
		{ "::ffff:127.0.0.1", FETCH_ADDRESS_LOOPBACK },
		{ "::ffff:7f00:1", FETCH_ADDRESS_LOOPBACK },
		{ "::FFFF:10.1.2.3", FETCH_ADDRESS_PRIVATE },
		{ "::ffff:169.254.169.254", FETCH_ADDRESS_LINK_LOCAL },
		{ "::ffff:192.0.2.10", FETCH_ADDRESS_PUBLIC },
		{ "fc00::1", FETCH_ADDRESS_PRIVATE },
		{ "fdff:ffff::1", FETCH_ADDRESS_PRIVATE },
		{ "fe00::1", FETCH_ADDRESS_PUBLIC },
		{ "fe80::1", FETCH_ADDRESS_LINK_LOCAL },
		{ "fe80::1%lo", FETCH_ADDRESS_LINK_LOCAL },
		{ "febf::1", FETCH_ADDRESS_LINK_LOCAL },
		{ "fec0::1", FETCH_ADDRESS_PRIVATE },
		{ "2001:db8::10", FETCH_ADDRESS_PUBLIC },
		{ "2a00:1450::1", FETCH_ADDRESS_PUBLIC },
	};
	static const struct {
		enum fetch_address_kind	 origin;
		enum fetch_address_kind	 target;
		bool			 want;
	} rules[] = {
		{ FETCH_ADDRESS_PUBLIC, FETCH_ADDRESS_PUBLIC, true },
		{ FETCH_ADDRESS_PUBLIC, FETCH_ADDRESS_LOOPBACK, false },
		{ FETCH_ADDRESS_PUBLIC, FETCH_ADDRESS_PRIVATE, false },
		{ FETCH_ADDRESS_PUBLIC, FETCH_ADDRESS_LINK_LOCAL, false },
		{ FETCH_ADDRESS_PUBLIC, FETCH_ADDRESS_UNKNOWN, false },
		{ FETCH_ADDRESS_PRIVATE, FETCH_ADDRESS_PRIVATE, true },
		{ FETCH_ADDRESS_PRIVATE, FETCH_ADDRESS_PUBLIC, true },
		{ FETCH_ADDRESS_PRIVATE, FETCH_ADDRESS_LOOPBACK, false },
		{ FETCH_ADDRESS_PRIVATE, FETCH_ADDRESS_LINK_LOCAL, false },
		{ FETCH_ADDRESS_LINK_LOCAL, FETCH_ADDRESS_PRIVATE, false },
		{ FETCH_ADDRESS_LOOPBACK, FETCH_ADDRESS_LOOPBACK, true },
		{ FETCH_ADDRESS_LOOPBACK, FETCH_ADDRESS_PRIVATE, true },
		{ FETCH_ADDRESS_LOOPBACK, FETCH_ADDRESS_LINK_LOCAL, true },
		{ FETCH_ADDRESS_UNKNOWN, FETCH_ADDRESS_LOOPBACK, false },
	};
	size_t i;

	for (i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (fetch_address_kind(table[i].ip) != table[i].want)
			fprintf(stderr, "address %s\n", table[i].ip != NULL ?
			    table[i].ip : "(null)");
		CHECK_INT(fetch_address_kind(table[i].ip), table[i].want);
	}
	for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
		CHECK(fetch_redirect_allowed(rules[i].origin, rules[i].target) ==
		    rules[i].want);
	CHECK_STR(fetch_address_kind_text(FETCH_ADDRESS_LINK_LOCAL),
	    "a link-local address");
	CHECK_STR(fetch_address_kind_text(FETCH_ADDRESS_UNKNOWN),
	    "an unknown address");
}

static void
test_defaults(void)
{
	struct fetch_options o;

	fetch_options_default(&o);
	CHECK_INT(o.max_total, 16);
	CHECK_INT(o.max_per_host, 4);
	CHECK_INT(o.connect_timeout, 10);
	CHECK_INT(o.total_timeout, 60);
	CHECK_INT(o.max_body, 32 * 1024 * 1024);
	CHECK_INT(o.max_redirects, 5);
	CHECK(!o.allow_private_redirects);
	CHECK(o.user_agent == NULL);
}

/* Empty things first: an idle fetcher, freeing NULL, empty and NULL URLs. */
static void
test_empty(void)
{
	struct fetch *f = NULL;
	struct outcome a = { 0 }, b = { 0 };
	struct fetch_request r = { NULL, NULL, NULL, &b };
	bool ready = true;
	double t0;

	fetch_free(&f);
	fetch_free(NULL);
	f = fetch_new(NULL, NULL);
	CHECK(f != NULL);
	CHECK_INT(fetch_pending(f), 0);
	CHECK_INT(fetch_run(f), 0);
	t0 = now();
	CHECK_INT(fetch_step(f, 5000, -1, &ready), 0);
	CHECK(!ready);
	CHECK(now() - t0 < 1.0);	/* nothing to wait for: no waiting */
	fetch_free(&f);
	CHECK(f == NULL);

	f = fetch_new(NULL, &callbacks);
	add(f, &a, "", NULL, NULL);
	fetch_add(f, &r);
	CHECK_INT(fetch_pending(f), 2);
	CHECK_INT(fetch_run(f), 0);
	CHECK_INT(fetch_pending(f), 0);
	CHECK_INT(a.done_calls, 1);
	CHECK_INT(a.result, FETCH_OTHER);
	CHECK_STR(a.message, "malformed URL");
	CHECK_INT(a.header_calls, 0);
	CHECK(!a.result_has_info);
	CHECK_INT(b.done_calls, 1);
	CHECK_INT(b.result, FETCH_OTHER);
	CHECK_STR(b.message, "malformed URL");
	fetch_free(&f);
	outcome_clear(&a);
	outcome_clear(&b);
}

/* What each scenario must end as. want_message NULL: not checked here. */
struct scenario {
	const char		*path;
	enum fetch_status	 want;
	long			 want_http;
	const char		*want_message;
	struct outcome		 got;
};

static void
test_scenarios(void)
{
	struct scenario table[] = {
		{ "/feed.xml", FETCH_OK, 200, "HTTP 200 OK", { 0 } },
		{ "/plain.xml", FETCH_OK, 200, "HTTP 200 OK", { 0 } },
		{ "/moved", FETCH_OK, 200, "HTTP 200 OK", { 0 } },
		{ "/moved-relative", FETCH_OK, 200, "HTTP 200 OK", { 0 } },
		{ "/temp", FETCH_OK, 200, "HTTP 200 OK", { 0 } },
		{ "/moved-then-temp", FETCH_OK, 200, "HTTP 200 OK", { 0 } },
		{ "/loop", FETCH_REDIRECT_REFUSED, 302,
		    "too many redirects (more than 5)", { 0 } },
		{ "/to-file", FETCH_REDIRECT_REFUSED, 302,
		    "redirect to file:///etc/passwd refused: only http and "
		    "https are followed", { 0 } },
		{ "/404", FETCH_HTTP_ERROR, 404, "HTTP 404 Not Found", { 0 } },
		{ "/410", FETCH_GONE, 410, "HTTP 410 Gone", { 0 } },
		{ "/500", FETCH_HTTP_ERROR, 500, "HTTP 500 Internal Server Error",
		    { 0 } },
		{ "/503", FETCH_HTTP_ERROR, 503, "HTTP 503 Service Unavailable",
		    { 0 } },
		{ "/429", FETCH_RATE_LIMITED, 429,
		    "HTTP 429 Too Many Requests, retry after 120 s", { 0 } },
		{ "/503-date", FETCH_RATE_LIMITED, 503, NULL, { 0 } },
		{ "/big-error", FETCH_HTTP_ERROR, 500,
		    "HTTP 500 Internal Server Error", { 0 } },
		{ "/drip", FETCH_TOO_SLOW, 200, "too slow: under 10 bytes/s for 2 s",
		    { 0 } },
		{ "/slow-headers?s=6", FETCH_TOO_SLOW, 0,
		    "too slow: under 10 bytes/s for 2 s", { 0 } },
		{ "/huge", FETCH_TOO_LARGE, 200, "body larger than 1 MiB", { 0 } },
		{ "/gzip-bomb", FETCH_TOO_LARGE, 200, "body larger than 1 MiB",
		    { 0 } },
		{ "/reset", FETCH_NETWORK, 200, NULL, { 0 } },
		{ "/short", FETCH_NETWORK, 200,
		    "connection closed before the end of the body", { 0 } },
		{ "http://example.invalid/feed.xml", FETCH_DNS, 0,
		    "could not resolve host example.invalid", { 0 } },
		{ "dead port", FETCH_CONNECT, 0, NULL, { 0 } },
		{ "ftp://127.0.0.1/feed.xml", FETCH_OTHER, 0,
		    "URL scheme not supported (only http, https and file)", { 0 } },
		{ "file:///nonexistent/tidings-test/feed.xml", FETCH_OTHER, 0,
		    NULL, { 0 } },
		{ "temp file", FETCH_OK, 0, "file read", { 0 } },
		{ "/trailer", FETCH_OK, 200, "HTTP 200 OK", { 0 } },
		/* libcurl says "Out of memory" for a header line over its
		 * limit: the message says what happened. */
		{ "/huge-header", FETCH_TOO_LARGE, 200,
		    "response headers too large", { 0 } },
	};
	const size_t n = sizeof table / sizeof table[0];
	struct fetch_options options;
	struct fetch *f;
	struct scenario *s;
	struct outcome *o;
	char *dead_url, *file_url, *want_url, *want_connect;
	const char *content = "<rss version=\"2.0\"><channel><title>local"
	    "</title></channel></rss>\n";
	size_t i;
	int fd, port;
	double t0;

	/* A local feed for the file:// case. */
	temp_path = xasprintf("%s/test-fetch-XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	fd = mkstemp(temp_path);
	CHECK(fd != -1);
	CHECK(write(fd, content, strlen(content)) == (ssize_t)strlen(content));
	close(fd);
	file_url = xasprintf("file://%s", temp_path);
	port = dead_port();
	dead_url = xasprintf("http://127.0.0.1:%d/feed.xml", port);
	want_connect = xasprintf("could not connect to 127.0.0.1 port %d: %s",
	    port, strerror(ECONNREFUSED));

	test_options(&options);
	f = fetch_new(&options, &callbacks);
	for (i = 0; i < n; i++) {
		s = &table[i];
		if (strcmp(s->path, "dead port") == 0)
			add(f, &s->got, dead_url, NULL, NULL);
		else if (strcmp(s->path, "temp file") == 0)
			add(f, &s->got, file_url, NULL, NULL);
		else
			add(f, &s->got, s->path, NULL, NULL);
	}
	CHECK_INT(fetch_pending(f), n);
	t0 = now();
	CHECK_INT(fetch_run(f), 0);
	CHECK(now() - t0 < 12.0);
	CHECK_INT(fetch_pending(f), 0);
	fetch_free(&f);

	for (i = 0; i < n; i++) {
		s = &table[i];
		o = &s->got;
		if (o->result != s->want || o->http_status != s->want_http ||
		    getenv("TEST_VERBOSE") != NULL)
			fprintf(stderr, "scenario %s: %s, HTTP %ld: %s\n", s->path,
			    fetch_status_name(o->result), o->http_status,
			    o->message != NULL ? o->message : "(none)");
		CHECK_INT(o->done_calls, 1);
		CHECK_INT(o->result, s->want);
		CHECK_INT(o->http_status, s->want_http);
		CHECK(o->header_calls <= 1);
		CHECK(!o->data_before_header);
		CHECK(!o->header_after_done);
		CHECK(o->message != NULL && strchr(o->message, '\n') == NULL);
		if (s->want_message != NULL)
			CHECK_STR(o->message, s->want_message);
		/* Only 2xx (and file) bodies reach data(). */
		if (s->want_http >= 300 || s->want_http == 0)
			CHECK_INT(o->data_calls, s->want == FETCH_OK ? 1 : 0);
		CHECK_INT(o->body_bytes, o->body_seen);
		/* done() sees the same response header() saw. */
		if (o->header_calls == 1)
			CHECK_STR(o->done_etag, o->etag);
	}

	/* The plain feed: validators, type, charset, freshness. */
	o = &table[0].got;
	CHECK_INT(o->header_calls, 1);
	CHECK_INT(o->status, 200);
	CHECK_STR(o->etag, "\"feed-v1\"");
	CHECK_STR(o->last_modified, "Mon, 01 Jan 2024 00:00:00 GMT");
	CHECK_STR(o->content_type, "application/rss+xml");
	CHECK_STR(o->charset, "utf-8");
	CHECK_INT(o->max_age, 3600);
	CHECK_INT(o->expires_in, -1);
	CHECK_INT(o->retry_after, -1);
	CHECK_INT(o->redirects, 0);
	CHECK(!o->permanent);
	CHECK(o->permanent_url == NULL);
	CHECK(o->body.len > 1000);
	CHECK(strncmp(buf_str(&o->body), "<?xml", 5) == 0);
	CHECK(o->body.len > 7 &&
	    strcmp(buf_str(&o->body) + o->body.len - 7, "</rss>\n") == 0);
	want_url = make_url("/feed.xml");
	CHECK_STR(o->url, want_url);

	o = &table[1].got;
	CHECK_STR(o->content_type, "text/xml");
	CHECK_STR(o->charset, "ISO-8859-1");
	CHECK(o->etag == NULL);
	CHECK_INT(o->max_age, -1);
	CHECK_INT(o->expires_in, 3600);	/* from its own Date, not our clock */
	CHECK_INT(o->body.len, table[0].got.body.len);

	/* Redirects: permanent only when every hop was. */
	o = &table[2].got;
	CHECK_INT(o->redirects, 1);
	CHECK(o->permanent);
	CHECK_STR(o->permanent_url, want_url);
	CHECK_STR(o->url, want_url);
	CHECK_INT(o->body.len, table[0].got.body.len);
	o = &table[3].got;
	CHECK_INT(o->redirects, 2);
	CHECK(o->permanent);
	CHECK_STR(o->permanent_url, want_url);
	o = &table[4].got;
	CHECK_INT(o->redirects, 1);
	CHECK(!o->permanent);
	CHECK(o->permanent_url == NULL);
	CHECK_STR(o->url, want_url);
	o = &table[5].got;
	CHECK_INT(o->redirects, 2);
	CHECK(!o->permanent);
	CHECK(o->permanent_url == NULL);
	free(want_url);
	CHECK_INT(table[6].got.redirects, 5);
	CHECK(table[7].got.result_has_info);

	/* Errors: a header() with the status, no body. */
	o = &table[8].got;
	CHECK_INT(o->header_calls, 1);
	CHECK_INT(o->status, 404);
	CHECK_INT(o->body_bytes, 0);
	CHECK(o->result_has_info);

	/* Retry-After in both forms. */
	CHECK_INT(table[12].got.retry_after, 120);
	o = &table[13].got;
	CHECK(o->retry_after >= 85 && o->retry_after <= 91);
	CHECK(o->message != NULL &&
	    strncmp(o->message, "HTTP 503 Service Unavailable, retry after ",
	    42) == 0);

	/* Limits: nothing past the cap reached the caller. */
	CHECK(table[17].got.body_bytes <= 1024 * 1024);
	CHECK(table[17].got.body_bytes > 0);
	CHECK(table[18].got.body_bytes <= 1024 * 1024);
	CHECK(!table[16].got.result_has_info);	/* no status line came */
	CHECK_INT(table[16].got.header_calls, 0);

	/* Network failures. */
	/* A reset mid-body; which call notices it depends on timing. */
	CHECK(table[19].got.message != NULL &&
	    (strncmp(table[19].got.message, "connection lost: ", 17) == 0 ||
	    strncmp(table[19].got.message, "connection closed ", 18) == 0));
	CHECK_STR(table[22].got.message, want_connect);
	CHECK(!table[21].got.result_has_info);
	CHECK_STR(table[24].got.message,
	    "could not read file /nonexistent/tidings-test/feed.xml");

	/* The local file: body and a modification time to send back. */
	o = &table[25].got;
	CHECK_STR(buf_str(&o->body), content);
	CHECK_INT(o->status, 0);
	CHECK(o->last_modified != NULL);
	CHECK_STR(o->url, file_url);

	/* Trailer fields after a chunked body change nothing. */
	o = &table[26].got;
	CHECK_STR(o->etag, "\"before\"");
	CHECK_STR(o->done_etag, "\"before\"");
	CHECK_INT(o->body.len, table[0].got.body.len);

	/* Conditional GET with the validators captured above. */
	{
		struct outcome both = { 0 }, etag_only = { 0 }, date_only = { 0 };
		struct outcome stale = { 0 }, file = { 0 }, stats = { 0 };
		struct outcome bad = { 0 };

		f = fetch_new(&options, &callbacks);
		add(f, &both, "/feed.xml", table[0].got.etag,
		    table[0].got.last_modified);
		add(f, &etag_only, "/feed.xml", table[0].got.etag, NULL);
		add(f, &date_only, "/feed.xml", NULL, table[0].got.last_modified);
		add(f, &stale, "/feed.xml", "\"feed-v0\"", NULL);
		add(f, &file, file_url, NULL, table[25].got.last_modified);
		/* A validator with a line break is not sent at all. */
		add(f, &bad, "/echo-headers", "\"x\"\r\nX-Injected: 1", NULL);
		CHECK_INT(fetch_run(f), 0);
		fetch_free(&f);

		CHECK_INT(both.result, FETCH_NOT_MODIFIED);
		CHECK_INT(both.http_status, 304);
		CHECK_STR(both.message, "HTTP 304 Not Modified");
		CHECK_INT(both.data_calls, 0);
		CHECK_INT(both.header_calls, 1);
		CHECK_STR(both.etag, "\"feed-v1\"");
		CHECK_INT(etag_only.result, FETCH_NOT_MODIFIED);
		CHECK_INT(date_only.result, FETCH_NOT_MODIFIED);
		CHECK_INT(stale.result, FETCH_OK);
		CHECK_INT(stale.body.len, table[0].got.body.len);
		CHECK_INT(file.result, FETCH_NOT_MODIFIED);
		CHECK_STR(file.message, "file not modified");
		CHECK_STR(file.last_modified, table[25].got.last_modified);
		CHECK_INT(bad.result, FETCH_OK);
		CHECK(strstr(buf_str(&bad.body), "If-None-Match") == NULL);
		CHECK(strstr(buf_str(&bad.body), "X-Injected") == NULL);

		get_one(&stats, "/__stats");
		CHECK_INT(stats.result, FETCH_OK);
		/* 1 plain, 4 conditional; gzip used whenever a body was sent
		 * to us for /feed.xml (the first, the redirects, the stale). */
		CHECK(stat_value(buf_str(&stats.body), "conditional") >= 4);
		CHECK(stat_value(buf_str(&stats.body), "not_modified") >= 3);
		CHECK(stat_value(buf_str(&stats.body), "gzip") >= 6);

		outcome_clear(&both);
		outcome_clear(&etag_only);
		outcome_clear(&date_only);
		outcome_clear(&stale);
		outcome_clear(&file);
		outcome_clear(&bad);
		outcome_clear(&stats);
	}

	for (i = 0; i < n; i++)
		outcome_clear(&table[i].got);
	free(file_url);
	free(dead_url);
	free(want_connect);
}

/* What goes out: user agent, Accept, compression, validators. */
static void
test_request_headers(void)
{
	struct fetch_options options;
	struct fetch *f;
	struct outcome o = { 0 };
	const char *body;

	test_options(&options);
	options.user_agent = "tidings-test/1.0 (+https://example.com/)";
	options.accept = "application/atom+xml, application/rss+xml;q=0.9";
	f = fetch_new(&options, &callbacks);
	add(f, &o, "/echo-headers", "W/\"abc\"", "Tue, 02 Jan 2024 03:04:05 GMT");
	CHECK_INT(fetch_run(f), 0);
	fetch_free(&f);
	body = buf_str(&o.body);
	CHECK_INT(o.result, FETCH_OK);
	CHECK_STR(o.content_type, "application/json");
	CHECK(strstr(body, "\"User-Agent\": \"tidings-test/1.0 "
	    "(+https://example.com/)\"") != NULL);
	CHECK(strstr(body, "\"Accept\": \"application/atom+xml, "
	    "application/rss+xml;q=0.9\"") != NULL);
	CHECK(strstr(body, "\"If-None-Match\": \"W/\\\"abc\\\"\"") != NULL);
	CHECK(strstr(body, "\"If-Modified-Since\": \"Tue, 02 Jan 2024 "
	    "03:04:05 GMT\"") != NULL);
	CHECK(strstr(body, "\"Accept-Encoding\": \"") != NULL &&
	    strstr(body, "gzip") != NULL);
	outcome_clear(&o);

	/* The default user agent names the program and its version. */
	get_one(&o, "/echo-headers");
	CHECK(strstr(buf_str(&o.body), "\"User-Agent\": \"tidings/"
	    PACKAGE_VERSION) != NULL);
	outcome_clear(&o);
}

/* The total timeout, apart from the low-speed limit. */
static void
test_timeout(void)
{
	struct fetch_options options;
	struct fetch *f;
	struct outcome o = { 0 };
	double t0;

	test_options(&options);
	options.total_timeout = 1;
	options.low_speed_limit = 0;
	f = fetch_new(&options, &callbacks);
	add(f, &o, "/slow-headers?s=4", NULL, NULL);
	t0 = now();
	CHECK_INT(fetch_run(f), 0);
	CHECK(now() - t0 < 3.0);
	fetch_free(&f);
	CHECK_INT(o.result, FETCH_TIMED_OUT);
	CHECK_STR(o.message, "timed out after 1 s");
	outcome_clear(&o);
}

/* Callbacks that stop a transfer, and adding from inside done(). */
static void
test_abort_and_chain(void)
{
	struct fetch *f;
	struct outcome by_header = { 0 }, by_data = { 0 }, first = { 0 };
	struct outcome second = { 0 };
	char *url;

	f = fetch_new(NULL, &callbacks);
	by_header.abort_in = 1;
	by_data.abort_in = 2;
	add(f, &by_header, "/feed.xml", NULL, NULL);
	add(f, &by_data, "/feed.xml", NULL, NULL);
	url = make_url("/temp");
	first.chain_fetch = f;
	first.chain = &second;
	first.chain_url = url;
	add(f, &first, "/404", NULL, NULL);
	CHECK_INT(fetch_run(f), 0);
	fetch_free(&f);
	free(url);

	CHECK_INT(by_header.result, FETCH_ABORTED);
	CHECK_STR(by_header.message, "aborted");
	CHECK_INT(by_header.header_calls, 1);
	CHECK_INT(by_header.data_calls, 0);
	CHECK_INT(by_data.result, FETCH_ABORTED);
	CHECK_INT(by_data.data_calls, 1);
	CHECK_INT(first.result, FETCH_HTTP_ERROR);
	CHECK_INT(second.done_calls, 1);
	CHECK_INT(second.result, FETCH_OK);
	CHECK_INT(second.redirects, 1);
	outcome_clear(&by_header);
	outcome_clear(&by_data);
	outcome_clear(&first);
	outcome_clear(&second);
}

/* Run count requests of /sleep under the given caps; returns the most the
 * server saw in flight at once, and the time taken in *elapsed. */
static long long
parallel(int max_total, int max_per_host, bool cap_loopback, int count, double *elapsed)
{
	struct fetch_options options;
	struct fetch *f;
	struct outcome *outs, reset = { 0 }, stats = { 0 };
	long long most;
	int i, ok = 0;
	double t0;

	get_one(&reset, "/__reset");
	CHECK_INT(reset.result, FETCH_OK);
	outcome_clear(&reset);

	test_options(&options);
	options.max_total = max_total;
	options.max_per_host = max_per_host;
	options.cap_loopback = cap_loopback;
	outs = xcalloc((size_t)count, sizeof *outs);
	f = fetch_new(&options, &callbacks);
	for (i = 0; i < count; i++)
		add(f, &outs[i], "/sleep?ms=300", NULL, NULL);
	t0 = now();
	CHECK_INT(fetch_run(f), 0);
	*elapsed = now() - t0;
	fetch_free(&f);
	for (i = 0; i < count; i++) {
		if (outs[i].result == FETCH_OK && outs[i].done_calls == 1)
			ok++;
		outcome_clear(&outs[i]);
	}
	free(outs);
	CHECK_INT(ok, count);

	get_one(&stats, "/__stats");
	CHECK_INT(stat_value(buf_str(&stats.body), "requests"), count);
	most = stat_value(buf_str(&stats.body), "max_in_flight");
	outcome_clear(&stats);
	return most;
}

static void
test_parallel(void)
{
	double capped, uncapped, elapsed;
	long long most;

	/* 16 transfers, 4 per host: four waves of 0.3 s. */
	most = parallel(16, 4, true, 16, &capped);
	CHECK_INT(most, 4);
	CHECK(capped >= 1.1 && capped < 6.0);

	/* The same with a per-host cap of 16: the cap was what held them. */
	most = parallel(16, 16, true, 16, &uncapped);
	CHECK(most > 4);
	CHECK(uncapped < capped);

	/* By default loopback is this machine, not somebody's server: only the
	 * total cap applies there. */
	most = parallel(16, 4, false, 16, &elapsed);
	CHECK(most > 4);

	/* The total cap binds too. */
	most = parallel(2, 4, true, 6, &elapsed);
	CHECK_INT(most, 2);
	CHECK(elapsed >= 0.8);
}

/* The non-blocking step: an extra descriptor wakes it, with or without
 * transfers running; a silent one lets it time out. */
static void
test_step(void)
{
	struct fetch *f;
	struct outcome o = { 0 };
	int fds[2];
	bool ready = true;
	double t0;
	int steps = 0;

	CHECK(pipe(fds) == 0);
	f = fetch_new(NULL, &callbacks);

	t0 = now();
	CHECK_INT(fetch_step(f, 200, fds[0], &ready), 0);
	CHECK(!ready);
	CHECK(now() - t0 >= 0.15);

	CHECK(write(fds[1], "x", 1) == 1);
	t0 = now();
	CHECK_INT(fetch_step(f, 5000, fds[0], &ready), 0);
	CHECK(ready);
	CHECK(now() - t0 < 1.0);

	/* With a slow transfer running, the descriptor still wakes us. */
	add(f, &o, "/sleep?ms=1500", NULL, NULL);
	CHECK_INT(fetch_step(f, 0, fds[0], &ready), 0);
	t0 = now();
	CHECK_INT(fetch_step(f, 5000, fds[0], &ready), 0);
	CHECK(ready);
	CHECK(now() - t0 < 1.0);
	CHECK_INT(fetch_pending(f), 1);
	{
		char c;

		CHECK(read(fds[0], &c, 1) == 1);
	}
	while (fetch_pending(f) > 0 && steps < 1000) {
		CHECK_INT(fetch_step(f, 100, fds[0], &ready), 0);
		CHECK(!ready);
		steps++;
	}
	CHECK_INT(o.result, FETCH_OK);
	CHECK(steps > 1);

	/* A hang-up counts as ready, so a reader sees end of file. */
	close(fds[1]);
	CHECK_INT(fetch_step(f, 5000, fds[0], &ready), 0);
	CHECK(ready);
	close(fds[0]);
	fetch_free(&f);
	outcome_clear(&o);

	/* Freeing with transfers queued and running: no done() calls. */
	f = fetch_new(NULL, &callbacks);
	add(f, &o, "/drip", NULL, NULL);
	add(f, &o, "/sleep", NULL, NULL);
	CHECK_INT(fetch_step(f, 50, -1, NULL), 0);
	fetch_free(&f);
	CHECK_INT(o.done_calls, 0);
	outcome_clear(&o);
}

/* With an extra descriptor to answer, a step hands over body bytes for a
 * few milliseconds only and reports one finished transfer at most; paused
 * transfers resume on later steps and lose nothing. */
static void
test_bounded_step(void)
{
	struct outcome reference = { 0 }, o[8];
	struct fetch *f;
	int fds[2], steps = 0, most = 0;
	bool ready;
	size_t i;

	memset(o, 0, sizeof(o));
	f = fetch_new(NULL, &callbacks);
	add(f, &reference, "/feed.xml", NULL, NULL);
	CHECK_INT(fetch_run(f), 0);
	CHECK_INT(reference.result, FETCH_OK);
	fetch_free(&f);

	CHECK(pipe(fds) == 0);
	f = fetch_new(NULL, &callbacks);
	for (i = 0; i < 8; i++)
		add(f, &o[i], "/feed.xml", NULL, NULL);
	data_delay_us = 3000;	/* a consumer slower than the budget */
	while (fetch_pending(f) > 0 && steps < 100000) {
		done_in_step = 0;
		CHECK_INT(fetch_step(f, 1000, fds[0], &ready), 0);
		if (done_in_step > most)
			most = done_in_step;
		steps++;
	}
	data_delay_us = 0;
	CHECK_INT(most, 1);
	for (i = 0; i < 8; i++) {
		CHECK_INT(o[i].done_calls, 1);
		CHECK_INT(o[i].result, FETCH_OK);
		CHECK_INT(o[i].body.len, reference.body.len);
		CHECK(o[i].body.len > 0 &&
		    memcmp(o[i].body.data, reference.body.data, reference.body.len) == 0);
		outcome_clear(&o[i]);
	}
	/* Without one, a step reports everything that finished. */
	for (i = 0; i < 8; i++)
		add(f, &o[i], "/feed.xml", NULL, NULL);
	most = 0;
	while (fetch_pending(f) > 0) {
		done_in_step = 0;
		CHECK_INT(fetch_step(f, 1000, -1, NULL), 0);
		if (done_in_step > most)
			most = done_in_step;
	}
	CHECK(most >= 1);
	for (i = 0; i < 8; i++) {
		CHECK_INT(o[i].body.len, reference.body.len);
		outcome_clear(&o[i]);
	}
	fetch_free(&f);
	close(fds[0]);
	close(fds[1]);
	outcome_clear(&reference);
}

int
main(void)
{
	double t0 = now();

	alarm(120);	/* a hung loop must not hang the test suite */
	test_server_no_proxy();
	test_names();
	test_defaults();
	test_address_kinds();
	test_empty();
	start_server();
	test_scenarios();
	test_request_headers();
	test_timeout();
	test_abort_and_chain();
	test_parallel();
	test_step();
	test_bounded_step();
	CHECK(now() - t0 < 30.0);
	stop_server();
	return test_done();
}
