/* fetch-outcome.c: a finished transfer's outcome (enum fetch_status) and its one-line message.
 * No transfers started or moved here, no headers parsed: fetch.c does that. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "fetch.h"
#include "fetch-internal.h"
#include "plural.h"
#include "xmalloc.h"

/* Server-supplied text put into messages is cut to this many bytes. */
#define SERVER_TEXT_MAX	80

/* RFC 9110 section 15 reason phrases, for messages that do not depend on
 * what (or whether) the server sent: HTTP/2 has no reason phrase at all. */
static const struct {
	long		 code;
	const char	*text;
} reasons[] = {
	{ 200, "OK" },
	{ 201, "Created" },
	{ 202, "Accepted" },
	{ 203, "Non-Authoritative Information" },
	{ 204, "No Content" },
	{ 206, "Partial Content" },
	{ 300, "Multiple Choices" },
	{ 301, "Moved Permanently" },
	{ 302, "Found" },
	{ 303, "See Other" },
	{ 304, "Not Modified" },
	{ 307, "Temporary Redirect" },
	{ 308, "Permanent Redirect" },
	{ 400, "Bad Request" },
	{ 401, "Unauthorized" },
	{ 402, "Payment Required" },
	{ 403, "Forbidden" },
	{ 404, "Not Found" },
	{ 405, "Method Not Allowed" },
	{ 406, "Not Acceptable" },
	{ 407, "Proxy Authentication Required" },
	{ 408, "Request Timeout" },
	{ 409, "Conflict" },
	{ 410, "Gone" },
	{ 411, "Length Required" },
	{ 412, "Precondition Failed" },
	{ 413, "Content Too Large" },
	{ 414, "URI Too Long" },
	{ 415, "Unsupported Media Type" },
	{ 416, "Range Not Satisfiable" },
	{ 417, "Expectation Failed" },
	{ 421, "Misdirected Request" },
	{ 422, "Unprocessable Content" },
	{ 426, "Upgrade Required" },
	{ 429, "Too Many Requests" },
	{ 451, "Unavailable For Legal Reasons" },
	{ 500, "Internal Server Error" },
	{ 501, "Not Implemented" },
	{ 502, "Bad Gateway" },
	{ 503, "Service Unavailable" },
	{ 504, "Gateway Timeout" },
	{ 505, "HTTP Version Not Supported" },
};

static const char *status_names[] = {
	[FETCH_OK] = "ok",
	[FETCH_NOT_MODIFIED] = "not modified",
	[FETCH_HTTP_ERROR] = "http error",
	[FETCH_GONE] = "gone",
	[FETCH_RATE_LIMITED] = "rate limited",
	[FETCH_TOO_LARGE] = "too large",
	[FETCH_TIMED_OUT] = "timed out",
	[FETCH_TOO_SLOW] = "too slow",
	[FETCH_DNS] = "dns",
	[FETCH_CONNECT] = "connect",
	[FETCH_TLS] = "tls",
	[FETCH_REDIRECT_REFUSED] = "redirect refused",
	[FETCH_NETWORK] = "network",
	[FETCH_ABORTED] = "aborted",
	[FETCH_OTHER] = "other",
};

const char *
fetch_status_name(enum fetch_status status)
{
	if ((size_t)status >= sizeof status_names / sizeof status_names[0])
		return "unknown";
	return status_names[status];
}

/* Server text made fit for a one-line message: printable ASCII, short. */
static char *
server_text(const char *s)
{
	char	*out;
	size_t	 i;

	out = xstrndup(s, strnlen(s, SERVER_TEXT_MAX));
	for (i = 0; out[i] != '\0'; i++) {
		if ((unsigned char)out[i] < 0x20 || (unsigned char)out[i] > 0x7e)
			out[i] = '?';
	}
	return out;
}

/* "1 MiB", "64 KiB", "1000 bytes". */
static char *
size_text(size_t n)
{
	if (n >= MIB && n % MIB == 0)
		return xasprintf("%zu MiB", n / MIB);
	if (n >= KIB && n % KIB == 0)
		return xasprintf("%zu KiB", n / KIB);
	return xasprintf("%zu %s", n, plural_noun((long long)n, "byte", "bytes"));
}

static const char *
reason_text(long code)
{
	size_t	 i;

	for (i = 0; i < sizeof reasons / sizeof reasons[0]; i++) {
		if (reasons[i].code == code)
			return reasons[i].text;
	}
	return NULL;
}

bool
fetch_is_redirect(long code)
{
	return code == 301 || code == 302 || code == 303 || code == 307 ||
	    code == 308;
}

/* The effective URL's host and port, for messages. */
static char *
where(struct transfer *t, bool with_port)
{
	char	*url = NULL, *host = NULL, *port = NULL, *out;
	CURLU	*u;

	curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &url);
	u = curl_url();
	if (u != NULL && curl_url_set(u, CURLUPART_URL,
	    url != NULL ? url : t->url, CURLU_GUESS_SCHEME) == CURLUE_OK) {
		curl_url_get(u, CURLUPART_HOST, &host, 0);
		curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
	}
	if (host == NULL)
		out = xstrdup(t->host);
	else if (with_port && port != NULL)
		out = xasprintf("%s port %s", host, port);
	else
		out = xstrdup(host);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return out;
}

/* The decoded path of a file:// URL, for messages. */
static char *
file_path(struct transfer *t)
{
	char	*path = NULL, *out;
	CURLU	*u;

	u = curl_url();
	if (u != NULL && curl_url_set(u, CURLUPART_URL, t->url, 0) == CURLUE_OK)
		curl_url_get(u, CURLUPART_PATH, &path, CURLU_URLDECODE);
	out = server_text(path != NULL ? path : t->url);
	curl_free(path);
	curl_url_cleanup(u);
	return out;
}

/* "HTTP 404 Not Found", with the standard phrase when there is one. */
static char *
http_text(struct transfer *t)
{
	const char	*reason = reason_text(t->code);
	char		*text, *out;

	if (reason != NULL)
		return xasprintf("HTTP %ld %s", t->code, reason);
	if (t->reason != NULL && t->reason[0] != '\0') {
		text = server_text(t->reason);
		out = xasprintf("HTTP %ld %s", t->code, text);
		free(text);
		return out;
	}
	return xasprintf("HTTP %ld", t->code);
}

/* libcurl's own message, or its text for the code. */
static char *
curl_text(struct transfer *t, CURLcode res)
{
	if (t->errbuf[0] != '\0')
		return server_text(t->errbuf);
	return xstrdup(curl_easy_strerror(res));
}

/* An outcome decided by the final HTTP status. */
static enum fetch_status
classify_http(struct transfer *t, const struct fetch_response_info *info)
{
	enum fetch_status	 status;
	char			*text;

	text = http_text(t);
	if (t->code >= 200 && t->code <= 299)
		status = FETCH_OK;
	else if (t->code == 304)
		status = FETCH_NOT_MODIFIED;
	else if (t->code == 410)
		status = FETCH_GONE;
	else if (t->code == 429 ||
	    (t->code == 503 && info->retry_after >= 0))
		status = FETCH_RATE_LIMITED;
	else
		status = FETCH_HTTP_ERROR;
	if (status == FETCH_RATE_LIMITED && info->retry_after >= 0) {
		t->message = xasprintf("%s, retry after %lld s", text,
		    (long long)info->retry_after);
		free(text);
	} else
		t->message = text;
	return status;
}

/* An outcome libcurl reported as an error. */
static enum fetch_status
classify_curl(struct transfer *t, CURLcode res)
{
	const struct fetch_options	*o = &t->fetch->options;
	enum fetch_status		 status;
	curl_off_t			 elapsed = 0, connected = 0;
	long				 os_errno = 0;
	char				*place, *text, *target = NULL;

	text = curl_text(t, res);
	switch (res) {
	case CURLE_COULDNT_RESOLVE_HOST:
		status = FETCH_DNS;
		place = where(t, false);
		t->message = xasprintf("could not resolve host %s", place);
		free(place);
		break;
	case CURLE_COULDNT_RESOLVE_PROXY:
		status = FETCH_DNS;
		t->message = xasprintf("could not resolve proxy: %s", text);
		break;
	case CURLE_COULDNT_CONNECT:
		status = FETCH_CONNECT;
		place = where(t, true);
		curl_easy_getinfo(t->easy, CURLINFO_OS_ERRNO, &os_errno);
		if (os_errno != 0) {
			t->message = xasprintf("could not connect to %s: %s",
			    place, strerror((int)os_errno));
		} else
			t->message = xasprintf("could not connect to %s", place);
		free(place);
		break;
	case CURLE_OPERATION_TIMEDOUT:
		/*
		 * One code for three limits. libcurl's low-speed message is
		 * the surest sign; failing that, time spent tells the total
		 * limit apart, and a missing connection the connect limit.
		 */
		curl_easy_getinfo(t->easy, CURLINFO_TOTAL_TIME_T, &elapsed);
		curl_easy_getinfo(t->easy, CURLINFO_CONNECT_TIME_T, &connected);
		if (strstr(t->errbuf, "too slow") != NULL) {
			status = FETCH_TOO_SLOW;
		} else if (o->total_timeout > 0 &&
		    elapsed >= (curl_off_t)o->total_timeout * 1000000 - 500000) {
			status = FETCH_TIMED_OUT;
		} else if (connected == 0) {
			status = FETCH_TIMED_OUT;
			place = where(t, true);
			t->message = xasprintf("could not connect to %s within "
			    "%ld s", place, o->connect_timeout);
			free(place);
			break;
		} else
			status = FETCH_TOO_SLOW;
		if (status == FETCH_TIMED_OUT)
			t->message = xasprintf("timed out after %ld s",
			    o->total_timeout);
		else
			t->message = xasprintf("too slow: under %ld bytes/s "
			    "for %ld s", o->low_speed_limit, o->low_speed_time);
		break;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_SSL_SHUTDOWN_FAILED:
	case CURLE_SSL_CLIENTCERT:
	case CURLE_USE_SSL_FAILED:
		status = FETCH_TLS;
		place = where(t, false);
		t->message = xasprintf("TLS %s with %s: %s",
		    res == CURLE_PEER_FAILED_VERIFICATION ?
		    "certificate not trusted" : "failure", place, text);
		free(place);
		break;
	case CURLE_TOO_MANY_REDIRECTS:
		status = FETCH_REDIRECT_REFUSED;
		t->message = xasprintf("too many redirects (more than %ld)",
		    o->max_redirects);
		break;
	case CURLE_UNSUPPORTED_PROTOCOL:
		if (t->seen_status && fetch_is_redirect(t->code)) {
			status = FETCH_REDIRECT_REFUSED;
			curl_easy_getinfo(t->easy, CURLINFO_REDIRECT_URL, &target);
			if (target == NULL)
				target = t->location;
			place = server_text(target != NULL ? target : "?");
			t->message = xasprintf("redirect to %s refused: only "
			    "http and https are followed", place);
			free(place);
		} else {
			status = FETCH_OTHER;
			t->message = xstrdup("URL scheme not supported (only "
			    "http, https and file)");
		}
		break;
	case CURLE_PARTIAL_FILE:
		status = FETCH_NETWORK;
		t->message = xstrdup("connection closed before the end of the "
		    "body");
		break;
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
		status = FETCH_NETWORK;
		curl_easy_getinfo(t->easy, CURLINFO_OS_ERRNO, &os_errno);
		if (os_errno != 0)
			t->message = xasprintf("connection lost: %s",
			    strerror((int)os_errno));
		else
			t->message = xasprintf("connection lost: %s", text);
		break;
	case CURLE_GOT_NOTHING:
		status = FETCH_NETWORK;
		t->message = xstrdup("server closed the connection without "
		    "replying");
		break;
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_HTTP3:
	case CURLE_QUIC_CONNECT_ERROR:
		status = FETCH_NETWORK;
		t->message = xasprintf("connection lost: %s", text);
		break;
	case CURLE_URL_MALFORMAT:
		status = FETCH_OTHER;
		t->message = xstrdup("malformed URL");
		break;
	case CURLE_FILE_COULDNT_READ_FILE:
		status = FETCH_OTHER;
		place = file_path(t);
		t->message = xasprintf("could not read file %s", place);
		free(place);
		break;
	case CURLE_OUT_OF_MEMORY:
		/* libcurl refuses a header line over CURL_MAX_HTTP_HEADER (100
		 * KiB) with this code, as if memory had run out; our own
		 * allocations abort instead, so before the end of the headers
		 * it is the server's doing. */
		if (strcmp(t->scheme, "file") != 0 && !t->headers_done) {
			status = FETCH_TOO_LARGE;
			t->message = xstrdup("response headers too large");
		} else {
			status = FETCH_OTHER;
			t->message = xstrdup(text);
		}
		break;
	case CURLE_BAD_CONTENT_ENCODING:
		status = FETCH_OTHER;
		t->message = xasprintf("could not decode the body: %s", text);
		break;
	default:
		status = FETCH_OTHER;
		t->message = xstrdup(text);
		break;
	}
	free(text);
	return status;
}

/* "redirect to rebind.example (127.0.0.1) refused: a loopback address,
 * from a public address", the name left out when it is the address. */
static void
refused_text(struct transfer *t)
{
	char	*host, *ip;
	size_t	 len;

	host = where(t, false);
	ip = server_text(t->refused_ip);
	len = strlen(host);
	/* The URL API writes an IPv6 host in brackets. */
	if (strcmp(host, ip) == 0 || (len > 2 && host[0] == '[' &&
	    strlen(ip) == len - 2 && strncmp(host + 1, ip, len - 2) == 0))
		t->message = xasprintf("redirect to %s refused: %s, from %s",
		    ip, fetch_address_kind_text(t->refused),
		    fetch_address_kind_text(t->origin));
	else
		t->message = xasprintf("redirect to %s (%s) refused: %s, from %s",
		    host, ip, fetch_address_kind_text(t->refused),
		    fetch_address_kind_text(t->origin));
	free(host);
	free(ip);
}

/*
 * The outcome of a finished transfer. What we stopped ourselves comes first;
 * then a final status that settles it whatever became of the body (an error
 * page cut short is still that error); then libcurl's verdict.
 */
enum fetch_status
fetch_classify(struct transfer *t, CURLcode res, bool have_info)
{
	const struct fetch_options	*o = &t->fetch->options;
	long				 unmet = 0;
	char				*size;

	if (t->too_large) {
		size = size_text(o->max_body);
		t->message = xasprintf("body larger than %s", size);
		free(size);
		return FETCH_TOO_LARGE;
	}
	if (t->aborted) {
		t->message = xstrdup("aborted");
		return FETCH_ABORTED;
	}
	if (t->refused_ip != NULL) {
		refused_text(t);
		return FETCH_REDIRECT_REFUSED;
	}
	if (t->seen_status && have_info && (res == CURLE_OK ||
	    t->error_body_cut || t->code == 304 || t->code >= 400))
		return classify_http(t, &t->info);
	if (res != CURLE_OK)
		return classify_curl(t, res);

	/* No status line and no error: a local file. */
	curl_easy_getinfo(t->easy, CURLINFO_CONDITION_UNMET, &unmet);
	if (unmet) {
		t->message = xstrdup("file not modified");
		return FETCH_NOT_MODIFIED;
	}
	t->message = xstrdup("file read");
	return FETCH_OK;
}
