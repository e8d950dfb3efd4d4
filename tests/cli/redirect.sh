#!/bin/sh
# redirect.sh: a remote feed's redirect to a loopback, link-local or private
# address is refused, whatever name leads there (DNS rebinding), unless
# allow-private-redirects says yes. Runs in a network and mount namespace of
# its own (unshare), where lo also carries a "remote" public address and a
# private one, and /etc/hosts names them; skipped without unshare or ip.

if [ -z "${REDIRECT_TEST_NAMESPACE:-}" ]; then
	if ! command -v unshare >/dev/null 2>&1 || ! command -v ip >/dev/null 2>&1 ||
	    ! unshare -rmn sh -c 'ip link set lo up' 2>/dev/null; then
		printf 'SKIP: no network namespace (unshare -rmn and ip are needed)\n'
		exit 77
	fi
	REDIRECT_TEST_NAMESPACE=1 exec unshare -rmn sh "${top_srcdir:-.}/tests/cli/redirect.sh"
fi

. "${top_srcdir:-.}/tests/cli/lib.sh"

# Documentation addresses stand for the Internet (RFC 5737, RFC 3849).
public=192.0.2.10
public2=198.51.100.7
private=10.1.2.3
linklocal=169.254.1.1
ip link set lo up || exit 99
for a in $public $public2 $private $linklocal; do
	ip addr add "$a/32" dev lo || exit 99
done
have_ipv6=no
ip -6 addr add 2001:db8::10/128 dev lo 2>/dev/null && have_ipv6=yes

# Names the test's own /etc/hosts gives: remote.example is a public address;
# rebind.example looks like any other name but is this machine.
printf '%s remote.example\n127.0.0.1 rebind.example\n%s lan.example\n' \
    "$public" "$private" > "$scratch/hosts"
have_names=no
mount --bind "$scratch/hosts" /etc/hosts 2>/dev/null && have_names=yes

# One feed file per redirect target, so the server's counters say which
# targets were asked for at all.
site=$scratch/site
mkdir -p "$site"
for name in loop rebind v6 mapped private linklocal lan public ok allowed reuse lanfeed v6remote; do
	{
		printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>%s</title>' "$name"
		printf '<item><guid>%s-1</guid><title>an item of %s</title></item>' "$name" "$name"
		printf '</channel></rss>\n'
	} > "$site/$name.xml"
done
start_server --bind :: --root "$site" || skip_all "cannot start the test server"
port=${base##*:}

# requests PATH: how many requests the server had for PATH.
requests() {
	"$PY" -c 'import json, sys, urllib.request
d = json.load(urllib.request.urlopen(sys.argv[1]))["paths"]
print(d.get(sys.argv[2], {}).get("requests", 0))' "$base/__stats" "$1"
}

# via FROM TO: a feed at FROM (host:port included) that redirects to TO.
via() {
	printf 'http://%s/moved?to=%s' "$1" "$2"
}

# refused NAME FEED-URL TARGET-PATH MESSAGE: a store of its own subscribes
# to FEED-URL; refresh fails with MESSAGE, stores nothing, never asks for
# TARGET-PATH, and keeps the URL subscribed to.
refused() {
	n=$1
	rdb=$scratch/$n.db
	expect_exit 0 "$n: add" --db "$rdb" add "$2"
	expect_exit 1 "$n: the refresh fails" --db "$rdb" refresh
	err_has "$n: says why" "$4"
	check "$n: in one line" [ "$(wc -l < "$scratch/err")" -eq 1 ]
	check "$n: nothing stored" [ "$("$TIDINGS" --db "$rdb" list --count)" -eq 0 ]
	check "$n: the target was never asked for" [ "$(requests "$3")" -eq 0 ]
	check "$n: the feed keeps its URL" \
	    [ "$("$TIDINGS" --db "$rdb" feeds --format tsv | cut -f 2)" = "$2" ]
}

# followed NAME FEED-URL TARGET-PATH [CONFIG]: the redirect is followed.
followed() {
	n=$1
	rdb=$scratch/$n.db
	expect_exit 0 "$n: add" --db "$rdb" add "$2"
	if [ -n "${4:-}" ]; then
		expect_exit 0 "$n: the refresh succeeds" --db "$rdb" --config "$4" refresh
	else
		expect_exit 0 "$n: the refresh succeeds" --db "$rdb" refresh
	fi
	check "$n: the item is stored" [ "$("$TIDINGS" --db "$rdb" list --count)" -eq 1 ]
	check "$n: from the target" [ "$(requests "$3")" -ge 1 ]
}

# From a public address to this machine, by address: refused before any
# request reaches the local service.
refused loop "$(via "$public:$port" "http://127.0.0.1:$port/loop.xml")" /loop.xml \
    "redirect to 127.0.0.1 refused: a loopback address, from a public address"
refused v6 "$(via "$public:$port" "http://[::1]:$port/v6.xml")" /v6.xml \
    "redirect to ::1 refused: a loopback address"
refused mapped "$(via "$public:$port" "http://[::ffff:127.0.0.1]:$port/mapped.xml")" \
    /mapped.xml "redirect to ::ffff:127.0.0.1 refused: a loopback address"
# ... to the private network and the link-local one (cloud metadata lives
# at 169.254.169.254).
refused private "$(via "$public:$port" "http://$private:$port/private.xml")" /private.xml \
    "redirect to $private refused: a private address, from a public address"
refused linklocal "$(via "$public:$port" "http://$linklocal:$port/linklocal.xml")" \
    /linklocal.xml "redirect to $linklocal refused: a link-local address"
if [ "$have_ipv6" = yes ]; then
	refused v6remote "$(via "[2001:db8::10]:$port" "http://127.0.0.1:$port/v6remote.xml")" \
	    /v6remote.xml "redirect to 127.0.0.1 refused: a loopback address"
fi
if [ "$have_names" = yes ]; then
	# By a name: the check is on the address connected to, not on the
	# redirect's text, so a name that resolves to 127.0.0.1 is caught.
	refused rebind "$(via "remote.example:$port" "http://rebind.example:$port/rebind.xml")" \
	    /rebind.xml "redirect to rebind.example (127.0.0.1) refused: a loopback address"
	# A private server's redirect within its network is followed.
	followed lan "$(via "lan.example:$port" "http://$private:$port/lan.xml")" /lan.xml
fi

# A connection to a private address that another feed of the same refresh
# opened, and libcurl may pool, is refused to a public feed's redirect too.
rdb=$scratch/reuse.db
expect_exit 0 "reuse: add the private feed" --db "$rdb" add "http://$private:$port/lanfeed.xml"
expect_exit 0 "reuse: add the public one" --db "$rdb" add \
    "$(via "$public:$port" "http://$private:$port/reuse.xml")"
expect_exit 1 "reuse: the refresh fails for one" --db "$rdb" refresh
err_has "reuse: the redirect is refused" "redirect to $private refused: a private address"
check "reuse: the private feed itself is stored" [ "$("$TIDINGS" --db "$rdb" list --count)" -eq 1 ]
check "reuse: the target was never asked for" [ "$(requests /reuse.xml)" -eq 0 ]

# Public to public is any redirect; loopback to loopback is a local bridge.
followed public "$(via "$public:$port" "http://$public2:$port/public.xml")" /public.xml
followed ok "$(via "127.0.0.1:$port" "http://127.0.0.1:$port/ok.xml")" /ok.xml

# The setting lets it through.
printf 'allow-private-redirects yes\n' > "$scratch/allow.conf"
followed allowed "$(via "$public:$port" "http://127.0.0.1:$port/allowed.xml")" /allowed.xml \
    "$scratch/allow.conf"

finish
