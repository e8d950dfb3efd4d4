#!/bin/sh
# remote.sh: `tidings add --remote` subscribes on a real Tiny Tiny RSS server
# (ttrss.sh), which fetches the feed itself through a loopback test server;
# the feed then comes here with the next sync, marked as the server's in
# `feeds`, beside a local feed that tidings fetches directly. The server's
# refusals (a URL it cannot download, a page with no feed) and usage slips
# (an unknown category, options for local feeds only) each get one line.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/sync/ttrss.sh"

mkdir -p "$scratch/www"
printf '<!DOCTYPE html><html><head><title>Just a page</title></head><body><p>No feed here.</p></body></html>\n' \
    > "$scratch/www/page.html"
start_server --root "$scratch/www" || { echo "the test server did not start" >&2; exit 99; }
ttrss_feed_proxy=${base#http://}
ttrss_start || { echo "the TT-RSS instance did not start" >&2; exit 99; }
news=$(ttrss_category News)

cat > "$scratch/conf" <<CONF
ttrss-url $ttrss_url
ttrss-login $ttrss_user
ttrss-password-file $scratch/password
CONF
db=$scratch/t.db
t() { "$TIDINGS" --db "$db" --config "$scratch/conf" "$@" > "$scratch/out" 2> "$scratch/err"; status=$?; }
q() { "${PYTHON3:-python3}" -c 'import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print(r[0] if r else "")' "$db" "$1"; }
remote=http://192.0.2.1/feed.xml

t add --remote "$remote" --tag news
check "add --remote exits 0 ($(cat "$scratch/err"))" [ "$status" -eq 0 ]
check "says it was added on the server" grep -q "added on the server: $remote" "$scratch/out"
check "the server has it, in its category" [ "$(ttrss_sql "SELECT cat_id FROM ttrss_feeds WHERE feed_url = '$remote'")" = "$news" ]
check "the server fetched it through the test server" [ "$(curl -s "$base/__stats" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["paths"].get("/feed.xml", {}).get("requests", 0))')" -ge 1 ]
check "synced here at once" [ "$(q "SELECT count(*) FROM feeds WHERE url = '$remote' AND remote_id IS NOT NULL")" -eq 1 ]
check "with the category as its tag" [ "$(q "SELECT tag FROM feed_tags")" = News ]

t add --remote "$remote"
check "a second add exits 0" [ "$status" -eq 0 ]
check "says it was there already" grep -q "already on the server" "$scratch/out"
check "one feed on the server" [ "$(ttrss_sql "SELECT count(*) FROM ttrss_feeds")" -eq 1 ]

# The server's articles: it fetches, the next sync brings them.
ttrss_update
check "the server fetched the articles" [ "$(ttrss_sql "SELECT count(*) FROM ttrss_user_entries")" -eq 40 ]
t sync
check "sync exits 0 ($(cat "$scratch/err"))" [ "$status" -eq 0 ]
check "the 40 articles are here" [ "$(q 'SELECT count(*) FROM items')" -eq 40 ]

# A local feed beside it: fetched here, marked apart in feeds.
t add "$base/feed.xml" --title Local
check "a local add exits 0" [ "$status" -eq 0 ]
t refresh
check "refresh exits 0 ($(cat "$scratch/err"))" [ "$status" -eq 0 ]
check "the local feed's items too" [ "$(q 'SELECT count(*) FROM items')" -eq 80 ]
t feeds
check "feeds marks the server's feed" grep -q '^\[server\] Test feed' "$scratch/out"
check "and not the local one" grep -q '^Local ' "$scratch/out"
t feeds --format json
check "json says which is the server's" [ "$("${PYTHON3:-python3}" -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(",".join(sorted("%s=%s" % (f["name"], f["server"]) for f in rows if "server" in f)))' "$scratch/out")" = "Local=False,Test feed=True" ]

# What the server refuses, and what is not for the server.
t add --remote http://192.0.2.1/missing.xml
check "a URL the server cannot download exits 1" [ "$status" -eq 1 ]
check "one line" [ "$(wc -l < "$scratch/err")" -eq 1 ]
check "saying the server could not download it" grep -q "could not download" "$scratch/err"
t add --remote http://192.0.2.1/page.html
check "a page with no feed exits 1" [ "$status" -eq 1 ]
check "says there is no feed" grep -q "no feed in it" "$scratch/err"
t add --remote "$remote" --tag Nowhere
check "an unknown category exits 2" [ "$status" -eq 2 ]
check "names it" grep -q 'no category "Nowhere"' "$scratch/err"
t add --remote "$remote" --title X
check "--title with --remote exits 2" [ "$status" -eq 2 ]
t add --remote file:///etc/passwd
check "file: with --remote exits 2" [ "$status" -eq 2 ]
check "nothing more on the server" [ "$(ttrss_sql "SELECT count(*) FROM ttrss_feeds")" -eq 1 ]

finish
