/* url.h: URL helpers on top of libcurl's URL API: resolving relative links
 * (xml:base, the feed's own URL) and checking schemes. No string hacks. */
#ifndef TIDINGS_URL_H
#define TIDINGS_URL_H

#include <stdbool.h>

/* ref resolved against base (RFC 3986 section 5), as a new string the caller
 * owns. When base is NULL or empty, or either cannot be parsed, ref is
 * returned unchanged (copied). ref may not be NULL (NULL gives NULL).
 * Both are first trimmed of surrounding whitespace, lose tabs and line
 * breaks inside, and have spaces written as "%20"; otherwise a ref with a
 * scheme is copied as it is. Non-ASCII bytes in the path or query of a
 * relative ref come back percent-encoded (libcurl's doing). Needs no
 * curl_global_init. */
char *url_resolve(const char *base, const char *ref);

/* True when url is an absolute http:// or https:// URL (scheme in any case)
 * with a non-empty host that libcurl accepts. NULL gives false. */
bool url_is_http(const char *url);

/* True when url can be subscribed to: http or https with a host, or a local
 * file by absolute path (file:///path, file://localhost/path; RFC 8089
 * section 2). */
bool url_is_subscribable(const char *url);

/* True when s starts with a URI scheme ("[a-zA-Z][a-zA-Z0-9+.-]*:"). Pure
 * syntax: "C:\path" has the scheme "C", "mailto:" and "tag:" count, and
 * NULL gives false. */
bool url_has_scheme(const char *s);

/* True when s is a javascript:, vbscript:, data: or file: link as a browser
 * would read it: scheme in any case, after leading spaces and control
 * characters, with tabs and line breaks inside dropped. Such a link from a
 * feed is never stored or opened. NULL gives false. */
bool url_is_dangerous(const char *s);

#endif
