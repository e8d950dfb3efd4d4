/* url.c: resolving relative references (xml:base, the feed's own URL) and
 * checking schemes, on top of libcurl's URL API. No fetching, no IDN work. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "ascii.h"
#include "url.h"
#include "xmalloc.h"

/*
 * Flags for every curl_url_set of a whole URL. CURLU_NON_SUPPORT_SCHEME lets
 * hierarchical schemes libcurl has no protocol for (gemini://, ipfs://) act as
 * bases, and keeps https usable as a base in a libcurl built without TLS.
 * Deliberately absent: CURLU_GUESS_SCHEME and CURLU_DEFAULT_SCHEME, which
 * would turn the relative reference "example.com/x" into a host name;
 * CURLU_URLENCODE, which would encode the '%' of an already encoded reference
 * a second time; CURLU_PATH_AS_IS, since RFC 3986 section 5.2.4 wants dot
 * segments removed.
 *
 * None of these calls needs curl_global_init: the URL API only parses and
 * allocates, and the unit tests run it without any global initialization.
 */
#define SET_FLAGS	CURLU_NON_SUPPORT_SCHEME

/* Characters that break a long link across lines inside the text. */
static int
is_inner_break(char c)
{
	return c == '\t' || c == '\n' || c == '\r';
}

/*
 * Length of the scheme at the start of s ("[a-zA-Z][a-zA-Z0-9+.-]*" followed
 * by ':', RFC 3986 section 3.1), or 0 when s does not start with one.
 */
static size_t
scheme_length(const char *s)
{
	size_t	n;

	if (!ascii_is_alpha((unsigned char)s[0]))
		return 0;
	for (n = 1; s[n] != '\0'; n++) {
		if (s[n] == ':')
			return n;
		if (!ascii_is_alnum((unsigned char)s[n]) &&
		    s[n] != '+' && s[n] != '-' && s[n] != '.')
			return 0;
	}
	return 0;
}

/*
 * A copy of s ready to be used or handed to curl: surrounding whitespace
 * trimmed (RFC 3986 appendix C: whitespace around a URI in text is not part
 * of it), tabs and line breaks inside dropped (how the WHATWG URL Standard
 * reads links broken across lines), and spaces encoded as "%20". Left to
 * itself, libcurl writes a space in the query or fragment of a relative
 * reference as '+', which changes the meaning of a fragment ("#part two"
 * would no longer find id="part two") and of queries not in form encoding.
 */
static char *
clean(const char *s)
{
	const char	*end, *p;
	char		*out, *o;
	size_t		 len = 0;

	len = strlen(s);
	s = ascii_trim_span(s, &len);
	end = s + len;
	len = 0;

	for (p = s; p < end; p++) {
		if (*p == ' ')
			len += 3;
		else if (!is_inner_break(*p))
			len++;
	}
	out = o = xmalloc(len + 1);
	for (p = s; p < end; p++) {
		if (*p == ' ') {
			memcpy(o, "%20", 3);
			o += 3;
		} else if (!is_inner_break(*p))
			*o++ = *p;
	}
	*o = '\0';
	return out;
}

/* A fresh URL handle; like xmalloc, running out of memory ends the program. */
static CURLU *
handle_new(void)
{
	CURLU	*h;

	if ((h = curl_url()) == NULL) {
		fprintf(stderr, "tidings: out of memory (creating a URL handle)\n");
		abort();
	}
	return h;
}

/*
 * The whole URL held by h as a string the caller owns with free(), or NULL
 * when curl cannot put it together.
 */
static char *
handle_url(CURLU *h)
{
	char	*curl_owned = NULL, *s;

	if (curl_url_get(h, CURLUPART_URL, &curl_owned, 0) != CURLUE_OK)
		return NULL;
	/* curl's strings go back through curl_free, ours through free. */
	s = xstrdup(curl_owned);
	curl_free(curl_owned);
	return s;
}

char *
url_resolve(const char *base, const char *ref)
{
	CURLU		*h = NULL;
	CURLUcode	 rc;
	char		*clean_ref, *clean_base = NULL, *resolved = NULL;

	if (ref == NULL)
		return NULL;
	clean_ref = clean(ref);

	/*
	 * A reference with a scheme is already absolute (RFC 3986 section
	 * 5.2.2, the strict parser: "http:g" stays "http:g"). This runs for
	 * every link of every item, so it must not cost a parse.
	 */
	if (url_has_scheme(clean_ref) || base == NULL)
		return clean_ref;
	clean_base = clean(base);
	/* A base without a scheme is relative itself: nothing to stand on. */
	if (!url_has_scheme(clean_base))
		goto out;

	/*
	 * Opaque bases (tag:, urn:, mailto:, data:) fail here: libcurl wants
	 * "//" after the scheme, and a path relative to "urn:uuid:..." means
	 * nothing anyway. The reference then comes back as it is.
	 */
	h = handle_new();
	if (curl_url_set(h, CURLUPART_URL, clean_base, SET_FLAGS) != CURLUE_OK)
		goto out;

	/*
	 * RFC 3986 section 5.2.2: an empty reference is the base without its
	 * fragment; a fragment-only reference is the base with that fragment.
	 * libcurl gets both wrong when given them as relative URLs (7.88 drops
	 * the last path segment and the query; curl issues 15836 and 21745), so
	 * they are done by setting the fragment part of the parsed base.
	 */
	if (clean_ref[0] == '\0')
		rc = curl_url_set(h, CURLUPART_FRAGMENT, NULL, 0);
	else if (clean_ref[0] == '#')
		rc = curl_url_set(h, CURLUPART_FRAGMENT, clean_ref + 1, 0);
	else {
		/*
		 * Everything else is what curl does well: a URL set on a
		 * handle that holds one is resolved against it (merge of
		 * paths, removal of dot segments, "//host" and "?query"
		 * references).
		 */
		rc = curl_url_set(h, CURLUPART_URL, clean_ref, SET_FLAGS);
	}
	if (rc == CURLUE_OK)
		resolved = handle_url(h);

out:
	curl_url_cleanup(h);
	free(clean_base);
	if (resolved == NULL)
		return clean_ref;
	free(clean_ref);
	return resolved;
}

bool
url_is_http(const char *url)
{
	CURLU	*h;
	char	*scheme = NULL, *host = NULL;
	size_t	 n;
	bool	 ok = false;

	if (url == NULL || (n = scheme_length(url)) == 0)
		return false;
	/*
	 * RFC 3986 section 3: an authority is there only when "//" follows
	 * the scheme, and it must not be empty. libcurl is lenient about both
	 * ("http:/example.com", "http:///x" both get a host), so check the
	 * syntax first and let curl validate the rest.
	 */
	if (strncmp(url + n, "://", 3) != 0 || url[n + 3] == '\0' ||
	    strchr("/?#", url[n + 3]) != NULL)
		return false;

	h = handle_new();
	if (curl_url_set(h, CURLUPART_URL, url, SET_FLAGS) != CURLUE_OK)
		goto out;
	/* curl hands back the scheme in lower case. */
	if (curl_url_get(h, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0))
		goto out;
	if (curl_url_get(h, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    host[0] == '\0')
		goto out;
	ok = true;

out:
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(h);
	return ok;
}

bool
url_has_scheme(const char *s)
{
	/*
	 * Pure syntax, no curl: libcurl refuses opaque URIs such as
	 * "tag:example.com,2004:x" or "mailto:a@b", which do have a scheme.
	 */
	return s != NULL && scheme_length(s) > 0;
}

bool
url_is_dangerous(const char *s)
{
	static const char *const schemes[] = { "javascript", "vbscript", "data", "file" };
	char	 scheme[16];
	size_t	 n = 0, i;

	if (s == NULL)
		return false;
	/* WHATWG URL parsing strips leading C0 controls and spaces... */
	while (*s != '\0' && (unsigned char)*s <= ' ')
		s++;
	/* ...and tabs and newlines anywhere: "java\tscript:" is javascript:. */
	for (; *s != '\0' && *s != ':'; s++) {
		if (is_inner_break(*s))
			continue;
		if (n == sizeof(scheme) - 1)
			return false;
		scheme[n++] = (char)ascii_to_lower((unsigned char)*s);
	}
	if (*s != ':')
		return false;
	scheme[n] = '\0';
	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++) {
		if (strcmp(scheme, schemes[i]) == 0)
			return true;
	}
	return false;
}

bool
url_is_subscribable(const char *url)
{
	if (url == NULL)
		return false;
	if (ascii_ncasecmp(url, "file://", 7) == 0) {
		url += 7;
		if (ascii_ncasecmp(url, "localhost/", 10) == 0)
			url += 9;
		return url[0] == '/' && url[1] != '\0';
	}
	return url_is_http(url);
}
