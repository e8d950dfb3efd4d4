/* fetch-policy.c: where a transfer may go: the schemes it may use, the redirects it follows and
 * the kinds of address a redirect may reach. No transfer is started, moved or reported here. */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "fetch.h"
#include "fetch-internal.h"
#include "xmalloc.h"

static enum fetch_address_kind
ipv4_kind(const unsigned char a[4])
{
	/* 0.0.0.0/8 is "this host" (RFC 1122 3.2.1.3): connecting to it
	 * reaches the local machine, as 127/8 does. */
	if (a[0] == 127 || a[0] == 0)
		return FETCH_ADDRESS_LOOPBACK;
	if (a[0] == 169 && a[1] == 254)
		return FETCH_ADDRESS_LINK_LOCAL;
	/* RFC 1918, and the shared space of RFC 6598 (carrier NAT, and the
	 * private networks of overlay VPNs). */
	if (a[0] == 10 || (a[0] == 172 && (a[1] & 0xf0) == 16) ||
	    (a[0] == 192 && a[1] == 168) || (a[0] == 100 && (a[1] & 0xc0) == 64))
		return FETCH_ADDRESS_PRIVATE;
	return FETCH_ADDRESS_PUBLIC;
}

enum fetch_address_kind
fetch_address_kind(const char *ip)
{
	static const unsigned char mapped[12] = {
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff
	};
	static const unsigned char zero[16];
	unsigned char a[16];
	char text[INET6_ADDRSTRLEN];
	size_t len;

	if (ip == NULL)
		return FETCH_ADDRESS_UNKNOWN;
	/* fe80::1%eth0: the zone says which link, not which address. */
	len = strcspn(ip, "%");
	if (len == 0 || len >= sizeof text)
		return FETCH_ADDRESS_UNKNOWN;
	memcpy(text, ip, len);
	text[len] = '\0';
	if (inet_pton(AF_INET, text, a) == 1)
		return ipv4_kind(a);
	if (inet_pton(AF_INET6, text, a) != 1)
		return FETCH_ADDRESS_UNKNOWN;
	/* ::ffff:127.0.0.1 is the IPv4 address, reached through an IPv6
	 * socket (RFC 4291 2.5.5.2). */
	if (memcmp(a, mapped, sizeof mapped) == 0)
		return ipv4_kind(a + 12);
	/* ::1, and :: (unspecified), which connects to this host. */
	if (memcmp(a, zero, 15) == 0 && (a[15] == 1 || a[15] == 0))
		return FETCH_ADDRESS_LOOPBACK;
	if ((a[0] & 0xfe) == 0xfc)			/* fc00::/7, RFC 4193 */
		return FETCH_ADDRESS_PRIVATE;
	if (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0)	/* fec0::/10, RFC 3879 */
		return FETCH_ADDRESS_PRIVATE;
	if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)	/* fe80::/10 */
		return FETCH_ADDRESS_LINK_LOCAL;
	return FETCH_ADDRESS_PUBLIC;
}

const char *
fetch_address_kind_text(enum fetch_address_kind kind)
{
	switch (kind) {
	case FETCH_ADDRESS_PUBLIC:
		return "a public address";
	case FETCH_ADDRESS_PRIVATE:
		return "a private address";
	case FETCH_ADDRESS_LINK_LOCAL:
		return "a link-local address";
	case FETCH_ADDRESS_LOOPBACK:
		return "a loopback address";
	case FETCH_ADDRESS_UNKNOWN:
		break;
	}
	return "an unknown address";
}

bool
fetch_redirect_allowed(enum fetch_address_kind origin,
    enum fetch_address_kind target)
{
	/* A feed on this machine is the user's own: it may send us anywhere.
	 * Elsewhere a redirect stays among public addresses or within the
	 * kind of network the feed itself is on (a LAN server to another). */
	return target == FETCH_ADDRESS_PUBLIC || origin == FETCH_ADDRESS_LOOPBACK ||
	    origin == target;
}

/*
 * Called by libcurl once the connection of each request is made or taken
 * from the pool, before the request is sent: ip is the address actually
 * connected to, after the name lookup, so a name that resolves to a
 * public address first and to 127.0.0.1 on the redirect (DNS rebinding)
 * is caught, and so is a pooled connection another feed opened.
 */
static int
prereq_callback(void *userdata, char *ip, char *local_ip, int port,
    int local_port)
{
	struct transfer	*t = userdata;
	long		 hops = 0;
	enum fetch_address_kind kind;

	(void)local_ip;
	(void)port;
	(void)local_port;
	kind = fetch_address_kind(ip);
	curl_easy_getinfo(t->easy, CURLINFO_REDIRECT_COUNT, &hops);
	if (hops == 0) {
		/* The URL the user subscribed to (or a retry of it). */
		t->origin = kind;
		return CURL_PREREQFUNC_OK;
	}
	if (t->fetch->options.allow_private_redirects ||
	    fetch_redirect_allowed(t->origin, kind))
		return CURL_PREREQFUNC_OK;
	t->refused = kind;
	free(t->refused_ip);
	t->refused_ip = xstrdup(ip != NULL ? ip : "");
	return CURL_PREREQFUNC_ABORT;
}

void
fetch_policy_apply(struct transfer *t, CURL *e)
{
	/* file:// only as the URL the user gave; a server may redirect to
	 * http and https alone, never to a local file. */
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, t->fetch->options.max_redirects);
	curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, prereq_callback);
	curl_easy_setopt(e, CURLOPT_PREREQDATA, t);
}
