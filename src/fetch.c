/* fetch.c: transfers on one libcurl multi handle: our queue under caps, headers, body limits.
 * No outcomes or messages (fetch-outcome.c), no parsing, no storage, no retry policy (schedule.c). */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "ascii.h"
#include "fetch.h"
#include "fetch-internal.h"
#include "xmalloc.h"

/*
 * How much of an error response's body (status 400 and up) is read and thrown
 * away before the transfer is cut: enough for the usual error page, so the
 * connection stays reusable, and little enough that an endless error body
 * costs nothing.
 */
#define ERROR_BODY_MAX	(64 * KIB)

/* With an extra_fd to answer, the body bytes handed to the caller in one
 * step stop after this long: the other transfers pause until the next
 * step. The caller parses those bytes, and a reader that also answers keys
 * must not wait for sixteen feeds' worth of parsing before the next key. */
#define STEP_BUDGET_NS	(4 * 1000 * 1000LL)

static int64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void
fetch_options_default(struct fetch_options *options)
{
	memset(options, 0, sizeof *options);
	options->max_total = 16;
	options->max_per_host = 4;
	options->connect_timeout = 10;
	options->total_timeout = 60;
	options->low_speed_limit = 10;
	options->low_speed_time = 15;
	options->max_body = 32 * MIB;
	options->max_redirects = 5;
	options->user_agent = NULL;
	options->accept = NULL;
}

/* Lists. */

static void
list_append(struct transfer_list *list, struct transfer *t)
{
	t->next = NULL;
	t->prev = list->last;
	if (list->last != NULL)
		list->last->next = t;
	else
		list->first = t;
	list->last = t;
	list->count++;
}

static void
list_remove(struct transfer_list *list, struct transfer *t)
{
	if (t->prev != NULL)
		t->prev->next = t->next;
	else
		list->first = t->next;
	if (t->next != NULL)
		t->next->prev = t->prev;
	else
		list->last = t->prev;
	t->prev = t->next = NULL;
	list->count--;
}

/* Small string helpers. */

static void
lower(char *s)
{
	for (; *s != '\0'; s++)
		*s = (char)ascii_to_lower((unsigned char)*s);
}

/* A copy of s[0..len) without surrounding whitespace. */
static char *
trimmed_copy(const char *s, size_t len)
{
	s = ascii_trim_span(s, &len);
	return xstrndup(s, len);
}

static void
replace(char **slot, char *value)
{
	free(*slot);
	*slot = value;
}

/* True when s may go into a request header: no control characters, so a
 * stored validator can never smuggle in a header of its own. */
static bool
header_safe(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	}
	return true;
}

/* Delta-seconds (RFC 9110 section 1.2.2): digits only; -1 otherwise. Huge
 * values are capped rather than rejected, as the RFC asks. */
static int64_t
parse_seconds(const char *s)
{
	int64_t	 n = 0;

	if (*s == '"')		/* max-age="60" is invalid but seen */
		s++;
	if (!ascii_is_digit((unsigned char)*s))
		return -1;
	for (; ascii_is_digit((unsigned char)*s); s++) {
		if (n < INT32_MAX)
			n = n * 10 + (*s - '0');
	}
	if (*s == '"')
		s++;
	while (ascii_is_space((unsigned char)*s))
		s++;
	if (*s != '\0')
		return -1;
	return n > INT32_MAX ? INT32_MAX : n;
}

/* The max-age directive of a Cache-Control value (RFC 9111 section 5.2.2.1),
 * or -1. Other directives, s-maxage included, do not concern a private
 * client. */
static int64_t
parse_max_age(const char *value)
{
	const char	*p = value, *end;
	char		*directive;
	int64_t		 age = -1;

	while (*p != '\0') {
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		directive = trimmed_copy(p, (size_t)(end - p));
		if (ascii_ncasecmp(directive, "max-age", 7) == 0) {
			const char *v = directive + 7;

			while (ascii_is_space((unsigned char)*v))
				v++;
			if (*v == '=') {
				v++;
				while (ascii_is_space((unsigned char)*v))
					v++;
				age = parse_seconds(v);
			}
		}
		free(directive);
		p = *end == ',' ? end + 1 : end;
	}
	return age;
}

/* An HTTP-date (RFC 9110 section 5.6.7, all three forms) as seconds since
 * the epoch, or -1. */
static int64_t
parse_http_date(const char *s)
{
	return (int64_t)curl_getdate(s, NULL);
}

/*
 * Split a Content-Type value into its media type (lower case) and charset
 * parameter (quotes and backslash escapes removed), RFC 9110 section 8.3.
 */
static void
parse_content_type(const char *value, char **type, char **charset)
{
	const char	*p, *semi;
	struct {
		char	*name;
		char	*value;
	} param;

	*type = NULL;
	*charset = NULL;
	semi = strchr(value, ';');
	*type = trimmed_copy(value, semi != NULL ? (size_t)(semi - value) :
	    strlen(value));
	lower(*type);
	if ((*type)[0] == '\0')
		replace(type, NULL);
	for (p = semi; p != NULL && *p == ';'; ) {
		const char *eq, *start;

		p++;
		while (ascii_is_space((unsigned char)*p))
			p++;
		start = p;
		eq = p;
		while (*eq != '\0' && *eq != '=' && *eq != ';')
			eq++;
		if (*eq != '=') {
			p = eq;
			continue;
		}
		param.name = trimmed_copy(start, (size_t)(eq - start));
		p = eq + 1;
		while (ascii_is_space((unsigned char)*p))
			p++;
		if (*p == '"') {
			char	*out;
			size_t	 n = 0;

			out = xmalloc(strlen(p) + 1);
			for (p++; *p != '\0' && *p != '"'; p++) {
				if (*p == '\\' && p[1] != '\0')
					p++;
				out[n++] = *p;
			}
			out[n] = '\0';
			param.value = out;
			if (*p == '"')
				p++;
			while (*p != '\0' && *p != ';')
				p++;
		} else {
			start = p;
			while (*p != '\0' && *p != ';')
				p++;
			param.value = trimmed_copy(start, (size_t)(p - start));
		}
		if (ascii_casecmp(param.name, "charset") == 0 &&
		    param.value[0] != '\0' && *charset == NULL) {
			*charset = param.value;
			param.value = NULL;
		}
		free(param.name);
		free(param.value);
	}
}

/* Response headers. */

static void
forget_response(struct transfer *t)
{
	replace(&t->reason, NULL);
	replace(&t->etag, NULL);
	replace(&t->last_modified, NULL);
	replace(&t->content_type, NULL);
	replace(&t->expires, NULL);
	replace(&t->retry_after, NULL);
	replace(&t->date, NULL);
	replace(&t->location, NULL);
	t->max_age = -1;
	t->error_bytes = 0;
}

/*
 * A status line: "HTTP/1.1 301 Moved Permanently", or "HTTP/2 301 " as
 * libcurl writes it for HTTP/2 and 3. A final (non-1xx) response after an
 * earlier final one means libcurl followed the earlier one as a redirect.
 */
static void
status_line(struct transfer *t, const char *line, size_t len)
{
	const char	*p = line, *end = line + len;
	long		 code = 0;
	int		 digits = 0;

	while (p < end && *p != ' ')
		p++;
	while (p < end && *p == ' ')
		p++;
	for (; p < end && digits < 3 && ascii_is_digit((unsigned char)*p); p++, digits++)
		code = code * 10 + (*p - '0');
	if (digits != 3)
		return;
	if (code < 200) {
		/* 100 Continue, 103 Early Hints: their headers are not the
		 * response's (RFC 9110 section 15.2). */
		t->informational = true;
		return;
	}
	t->informational = false;
	if (t->seen_status && fetch_is_redirect(t->code)) {
		t->redirects++;
		if (t->code != 301 && t->code != 308)
			t->all_permanent = false;
	}
	t->seen_status = true;
	t->headers_done = false;
	forget_response(t);
	t->code = code;
	t->reason = trimmed_copy(p, (size_t)(end - p));
}

static size_t
header_callback(char *buffer, size_t size, size_t count, void *userdata)
{
	struct transfer	*t = userdata;
	size_t		 len = size * count, name_len;
	const char	*colon;
	char		*value;

	/* Trailers after a chunked body come here too; header() has seen
	 * the response by then and its strings must stay as they are. */
	if (t->info_built)
		return len;
	if (len >= 5 && strncmp(buffer, "HTTP/", 5) == 0) {
		status_line(t, buffer, len);
		return len;
	}
	if (len <= 2 && (buffer[0] == '\r' || buffer[0] == '\n')) {
		if (!t->informational)
			t->headers_done = true;
		return len;
	}
	/* Headers of an informational response, and continuation lines (the
	 * obsolete line folding of RFC 9112 section 5.2), are ignored. */
	if (t->informational || len == 0 || buffer[0] == ' ' ||
	    buffer[0] == '\t')
		return len;
	colon = memchr(buffer, ':', len);
	if (colon == NULL)
		return len;
	name_len = (size_t)(colon - buffer);
	value = trimmed_copy(colon + 1, len - name_len - 1);

#define IS(name) (name_len == sizeof(name) - 1 && \
	    ascii_ncasecmp(buffer, name, name_len) == 0)
	if (IS("ETag"))
		replace(&t->etag, value);
	else if (IS("Last-Modified"))
		replace(&t->last_modified, value);
	else if (IS("Content-Type"))
		replace(&t->content_type, value);
	else if (IS("Expires"))
		replace(&t->expires, value);
	else if (IS("Retry-After"))
		replace(&t->retry_after, value);
	else if (IS("Date"))
		replace(&t->date, value);
	else if (IS("Location"))
		replace(&t->location, value);
	else if (IS("Cache-Control")) {
		int64_t age = parse_max_age(value);

		if (age >= 0)
			t->max_age = age;
		free(value);
	} else
		free(value);
#undef IS
	return len;
}

/* Fill t->info from the response received so far. */
static void
build_info(struct transfer *t)
{
	struct fetch_response_info	*info = &t->info;
	char				*url = NULL;
	int64_t				 base, when;

	if (t->info_built)
		return;
	t->info_built = true;
	memset(info, 0, sizeof *info);
	info->status = t->seen_status ? t->code : 0;
	curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &url);
	t->info_url = xstrdup(url != NULL ? url : t->url);
	info->url = t->info_url;
	if (t->content_type != NULL)
		parse_content_type(t->content_type, &t->info_type,
		    &t->info_charset);
	info->content_type = t->info_type;
	info->charset = t->info_charset;
	info->etag = t->etag;
	info->last_modified = t->last_modified;
	info->max_age = t->max_age;

	/* Measure dates against the server's own clock when it says what
	 * time it is, so that a skewed clock on either side does not matter. */
	base = -1;
	if (t->date != NULL)
		base = parse_http_date(t->date);
	if (base < 0)
		base = (int64_t)time(NULL);
	info->expires_in = -1;
	if (t->expires != NULL) {
		when = parse_http_date(t->expires);
		info->expires_in = when < 0 || when < base ? 0 : when - base;
	}
	info->retry_after = -1;
	if (t->retry_after != NULL) {
		info->retry_after = parse_seconds(t->retry_after);
		if (info->retry_after < 0) {
			when = parse_http_date(t->retry_after);
			if (when >= 0)
				info->retry_after = when < base ? 0 : when - base;
		}
	}
	info->redirects = t->redirects;
	info->permanent_redirect = t->redirects > 0 && t->all_permanent;
	info->permanent_url = info->permanent_redirect ? info->url : NULL;
}

/* Call header() once; returns its answer. */
static int
call_header(struct transfer *t)
{
	struct fetch	*f = t->fetch;

	build_info(t);
	if (t->header_called)
		return 0;
	t->header_called = true;
	if (f->callbacks.header == NULL)
		return 0;
	return f->callbacks.header(t->ctx, &t->info) == -1 ? -1 : 0;
}

/*
 * The body, decoded by libcurl. Only a 2xx response's body goes on to the
 * caller (without a status line this is a file:// URL). Returning anything
 * but len makes libcurl stop with CURLE_WRITE_ERROR; the flags say why.
 */
static size_t
write_callback(char *bytes, size_t size, size_t count, void *userdata)
{
	struct transfer	*t = userdata;
	struct fetch	*f = t->fetch;
	size_t		 len = size * count;

	if (t->seen_status && (t->code < 200 || t->code > 299)) {
		/* The body of a redirect libcurl follows, or an error page. */
		t->error_bytes += len;
		if (t->code >= 400 && t->error_bytes > ERROR_BODY_MAX) {
			t->error_body_cut = true;
			return 0;
		}
		return len;
	}
	if (len == 0)
		return 0;
	/* Over the step's budget: libcurl keeps these bytes and hands them
	 * over again once resume() unpauses the transfer. */
	if (now_ns() > f->deadline) {
		if (!t->paused) {
			t->paused = true;
			f->paused++;
		}
		return CURL_WRITEFUNC_PAUSE;
	}
	if (call_header(t) == -1) {
		t->aborted = true;
		return 0;
	}
	/* The cap is on decoded bytes, so a small gzip body that inflates
	 * without end (a "gzip bomb") is stopped too. */
	if (f->options.max_body != 0 &&
	    (t->body_bytes + len > f->options.max_body ||
	    t->body_bytes + len < t->body_bytes)) {
		t->too_large = true;
		return 0;
	}
	t->body_bytes += len;
	if (f->callbacks.data != NULL &&
	    f->callbacks.data(t->ctx, bytes, len) == -1) {
		t->aborted = true;
		return 0;
	}
	return len;
}

/* Transfers. */

static void
transfer_free(struct transfer *t)
{
	if (t->easy != NULL)
		curl_easy_cleanup(t->easy);
	curl_slist_free_all(t->headers);
	forget_response(t);
	free(t->url);
	free(t->host);
	free(t->scheme);
	free(t->request_last_modified);
	free(t->info_url);
	free(t->info_type);
	free(t->info_charset);
	free(t->message);
	free(t->refused_ip);
	free(t);
}

/* The lower-case host and scheme of url, "" when it does not parse (libcurl
 * then fails the transfer with a message of its own). */
static void
split_url(const char *url, char **scheme, char **host)
{
	CURLU	*u;
	char	*part;

	*scheme = NULL;
	*host = NULL;
	u = curl_url();
	if (u != NULL && curl_url_set(u, CURLUPART_URL, url,
	    CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK) {
		if (curl_url_get(u, CURLUPART_SCHEME, &part, 0) == CURLUE_OK) {
			*scheme = xstrdup(part);
			curl_free(part);
		}
		if (curl_url_get(u, CURLUPART_HOST, &part, 0) == CURLUE_OK) {
			*host = xstrdup(part);
			curl_free(part);
		}
	}
	curl_url_cleanup(u);
	if (*scheme == NULL)
		*scheme = xstrdup("");
	if (*host == NULL)
		*host = xstrdup("");
	lower(*scheme);
	lower(*host);
}

void
fetch_add(struct fetch *f, const struct fetch_request *request)
{
	struct transfer	*t;

	t = xcalloc(1, sizeof *t);
	t->fetch = f;
	t->url = xstrdup(request->url != NULL ? request->url : "");
	t->ctx = request->ctx;
	t->max_age = -1;
	t->all_permanent = true;
	t->origin = FETCH_ADDRESS_UNKNOWN;
	split_url(t->url, &t->scheme, &t->host);

	/* Validators go back verbatim (RFC 9110 sections 13.1.2 and 13.1.3:
	 * the client should send Last-Modified exactly as received). */
	if (request->etag != NULL && request->etag[0] != '\0' &&
	    header_safe(request->etag)) {
		char *h = xasprintf("If-None-Match: %s", request->etag);

		t->headers = curl_slist_append(t->headers, h);
		free(h);
	}
	if (request->last_modified != NULL &&
	    request->last_modified[0] != '\0' &&
	    header_safe(request->last_modified)) {
		char *h = xasprintf("If-Modified-Since: %s",
		    request->last_modified);

		t->headers = curl_slist_append(t->headers, h);
		free(h);
		t->request_last_modified = xstrdup(request->last_modified);
	}
	if (f->options.accept != NULL && header_safe(f->options.accept)) {
		char *h = xasprintf("Accept: %s", f->options.accept);

		t->headers = curl_slist_append(t->headers, h);
		free(h);
	}
	list_append(&f->queued, t);
}

size_t
fetch_pending(const struct fetch *f)
{
	return f->queued.count + f->active.count + f->finished.count;
}

/* Set up t's easy handle and add it to the multi handle; -1 on failure. */
static int
start(struct fetch *f, struct transfer *t)
{
	const struct fetch_options	*o = &f->options;
	CURL				*e;

	e = t->easy = curl_easy_init();
	if (e == NULL)
		return -1;
	curl_easy_setopt(e, CURLOPT_URL, t->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, t);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_SHARE, f->share);

	fetch_policy_apply(t, e);

	/* "" offers every encoding this libcurl can decode. */
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_USERAGENT, f->user_agent);
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	/* A proxy's "200 Connection established" is not the response. */
	curl_easy_setopt(e, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);

	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, o->connect_timeout);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, o->total_timeout);
	if (o->low_speed_limit > 0 && o->low_speed_time > 0) {
		curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, o->low_speed_limit);
		curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, o->low_speed_time);
	}

	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, header_callback);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, write_callback);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, t);

	/* A local file has no server to send If-Modified-Since to; libcurl
	 * compares the file's time itself. */
	if (strcmp(t->scheme, "file") == 0 && t->request_last_modified != NULL) {
		int64_t since = parse_http_date(t->request_last_modified);

		if (since >= 0) {
			curl_easy_setopt(e, CURLOPT_TIMECONDITION,
			    (long)CURL_TIMECOND_IFMODSINCE);
			curl_easy_setopt(e, CURLOPT_TIMEVALUE_LARGE,
			    (curl_off_t)since);
		}
	}

	if (curl_multi_add_handle(f->multi, e) != CURLM_OK)
		return -1;
	return 0;
}

/* Take t out of the active list and off the multi handle (its easy
 * handle stays, for the report), freeing its slot. */
static void
detach(struct fetch *f, struct transfer *t)
{
	if (t->paused) {
		t->paused = false;
		f->paused--;
	}
	list_remove(&f->active, t);
	if (t->easy != NULL)
		curl_multi_remove_handle(f->multi, t->easy);
}

/* Report a finished (or never started) transfer, detached, and free it. */
static void
finish(struct fetch *f, struct transfer *t, CURLcode res)
{
	struct fetch_result	 result;
	bool			 have_info;

	/* A response arrived when there was a status line, or a local file
	 * was read (or found unchanged). */
	have_info = t->easy != NULL && (t->seen_status || res == CURLE_OK);
	if (have_info) {
		build_info(t);
		if (!t->seen_status && t->info.last_modified == NULL)
			t->info.last_modified = t->request_last_modified;
		if (!t->header_called && !t->aborted && !t->too_large)
			call_header(t);
	}

	memset(&result, 0, sizeof result);
	if (t->easy == NULL) {
		result.status = FETCH_OTHER;
		t->message = xstrdup("could not start the transfer");
	} else
		result.status = fetch_classify(t, res, have_info);
	result.http_status = t->seen_status ? t->code : 0;
	result.message = t->message;
	result.body_bytes = t->body_bytes;
	result.info = have_info ? &t->info : NULL;
	if (f->callbacks.done != NULL)
		f->callbacks.done(t->ctx, &result);
	transfer_free(t);
}

/* The per-host cap is politeness towards other people's servers. Loopback
 * is this machine (a local feed bridge, a test server): there only the
 * total cap applies. */
static bool
is_loopback(const char *host)
{
	size_t len = strlen(host);

	return strcmp(host, "localhost") == 0 ||
	    (len > 10 && strcmp(host + len - 10, ".localhost") == 0) ||
	    strncmp(host, "127.", 4) == 0 || strcmp(host, "::1") == 0 ||
	    strcmp(host, "[::1]") == 0;
}

/* Start queued transfers, first come first served, while slots are free
 * under the total cap and under the cap of their host. */
static void
admit(struct fetch *f)
{
	struct transfer	*t, *next, *a;
	size_t		 same;

	for (t = f->queued.first; t != NULL; t = next) {
		next = t->next;
		if (f->active.count >= (size_t)f->options.max_total)
			break;
		same = 0;
		for (a = f->active.first; a != NULL; a = a->next) {
			if (strcmp(a->host, t->host) == 0)
				same++;
		}
		if (t->host[0] != '\0' &&
		    (f->options.cap_loopback || !is_loopback(t->host)) &&
		    same >= (size_t)f->options.max_per_host)
			continue;
		list_remove(&f->queued, t);
		list_append(&f->active, t);
		if (start(f, t) == -1) {
			detach(f, t);
			if (t->easy != NULL) {
				curl_easy_cleanup(t->easy);
				t->easy = NULL;
			}
			finish(f, t, CURLE_FAILED_INIT);
		}
	}
}

/* Move every transfer libcurl has finished to the finished list. */
static void
collect(struct fetch *f)
{
	CURLMsg		*msg;
	struct transfer	*t;
	CURLcode	 res;
	int		 left;

	while ((msg = curl_multi_info_read(f->multi, &left)) != NULL) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		res = msg->data.result;
		t = NULL;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
		if (t != NULL) {
			detach(f, t);
			t->result = res;
			list_append(&f->finished, t);
		}
	}
}

/* Report the oldest finished transfer, if any. */
static void
report_one(struct fetch *f)
{
	struct transfer *t = f->finished.first;

	if (t == NULL)
		return;
	list_remove(&f->finished, t);
	finish(f, t, t->result);
}

/* Whether fd (-1: none) is readable or hung up, without waiting. libcurl
 * reports POLLIN alone; this asks again, so that a hang-up (stdin closed)
 * wakes the caller too instead of spinning. */
static bool
readable(int fd)
{
	struct pollfd pfd = { fd, POLLIN, 0 };

	return fd >= 0 && poll(&pfd, 1, 0) > 0 &&
	    (pfd.revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Unpause the transfers the last step's budget paused, oldest first; the
 * bytes libcurl kept may come at once, under this step's budget. */
static void
resume(struct fetch *f)
{
	struct transfer *t, *next;

	for (t = f->active.first; t != NULL && f->paused > 0; t = next) {
		next = t->next;
		if (!t->paused)
			continue;
		t->paused = false;
		f->paused--;
		curl_easy_pause(t->easy, CURLPAUSE_CONT);
	}
}

int
fetch_step(struct fetch *f, int timeout_ms, int extra_fd, bool *extra_ready)
{
	struct curl_waitfd	 wait_fd;
	int			 running, ready;

	if (extra_ready != NULL)
		*extra_ready = false;
	admit(f);
	if (f->active.count == 0 && f->finished.count == 0 && extra_fd < 0)
		return 0;
	/* Work left from the last step (a transfer to report, paused ones):
	 * no waiting, then. */
	if (f->finished.count == 0 && f->paused == 0) {
		memset(&wait_fd, 0, sizeof wait_fd);
		wait_fd.fd = extra_fd;
		wait_fd.events = CURL_WAIT_POLLIN;
		if (curl_multi_poll(f->multi, extra_fd >= 0 ? &wait_fd : NULL,
		    extra_fd >= 0 ? 1 : 0, timeout_ms, &ready) != CURLM_OK)
			return -1;
	}
	if (extra_ready != NULL)
		*extra_ready = readable(extra_fd);
	if (f->active.count > 0) {
		/* Only a caller that also answers extra_fd needs the bound;
		 * without one, a step does all it can, as fast as it can. */
		f->deadline = extra_fd >= 0 ? now_ns() + STEP_BUDGET_NS : INT64_MAX;
		resume(f);
		if (curl_multi_perform(f->multi, &running) != CURLM_OK)
			return -1;
		collect(f);
		admit(f);
	}
	report_one(f);
	while (extra_fd < 0 && f->finished.first != NULL)
		report_one(f);
	return 0;
}

int
fetch_run(struct fetch *f)
{
	while (fetch_pending(f) > 0) {
		if (fetch_step(f, 1000, -1, NULL) == -1)
			return -1;
	}
	return 0;
}

struct fetch *
fetch_new(const struct fetch_options *options,
    const struct fetch_callbacks *callbacks)
{
	struct fetch	*f;

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return NULL;
	f = xcalloc(1, sizeof *f);
	if (options != NULL)
		f->options = *options;
	else
		fetch_options_default(&f->options);
	if (f->options.max_total < 1)
		f->options.max_total = 1;
	if (f->options.max_per_host < 1)
		f->options.max_per_host = 1;
	if (f->options.max_redirects < 0)
		f->options.max_redirects = 0;
	if (f->options.user_agent != NULL)
		f->user_agent = xstrdup(f->options.user_agent);
	else if (PACKAGE_URL[0] != '\0')
		f->user_agent = xstrdup("tidings/" PACKAGE_VERSION " (+"
		    PACKAGE_URL ")");
	else
		f->user_agent = xstrdup("tidings/" PACKAGE_VERSION);
	f->options.user_agent = f->user_agent;
	if (f->options.accept != NULL)
		f->accept = xstrdup(f->options.accept);
	f->options.accept = f->accept;
	if (callbacks != NULL)
		f->callbacks = *callbacks;

	f->multi = curl_multi_init();
	f->share = curl_share_init();
	if (f->multi == NULL || f->share == NULL) {
		fetch_free(&f);
		return NULL;
	}
	/* The multi handle already shares connections and the DNS cache
	 * among its transfers; TLS sessions need a share handle. */
	curl_share_setopt(f->share, CURLSHOPT_SHARE,
	    CURL_LOCK_DATA_SSL_SESSION);
	/* Our queue enforces both caps when a transfer starts; libcurl only
	 * caps the total, since its per-host cap would also hold back the
	 * loopback transfers our queue lets through. */
	curl_multi_setopt(f->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    (long)f->options.max_total);
	return f;
}

void
fetch_free(struct fetch **fp)
{
	struct fetch	*f;
	struct transfer	*t;

	if (fp == NULL || *fp == NULL)
		return;
	f = *fp;
	*fp = NULL;
	while ((t = f->active.first) != NULL) {
		list_remove(&f->active, t);
		if (t->easy != NULL && f->multi != NULL)
			curl_multi_remove_handle(f->multi, t->easy);
		transfer_free(t);
	}
	while ((t = f->queued.first) != NULL) {
		list_remove(&f->queued, t);
		transfer_free(t);
	}
	while ((t = f->finished.first) != NULL) {
		list_remove(&f->finished, t);
		transfer_free(t);
	}
	if (f->multi != NULL)
		curl_multi_cleanup(f->multi);
	if (f->share != NULL)
		curl_share_cleanup(f->share);
	free(f->user_agent);
	free(f->accept);
	free(f);
	curl_global_cleanup();
}
