#!/bin/sh
# refresh.sh: `tidings refresh` against a real HTTP server on 127.0.0.1 that
# this test starts: 200 and 304 with validators, gzip, a 301 that updates the
# stored URL, 404, 410, 429 with Retry-After, 500, a drip that must time out,
# an oversized body, a gzip bomb, file:// feeds, two refreshes at once, and a
# kill -9 in the middle of a refresh followed by an integrity check.
. "${top_srcdir:-.}/tests/cli/lib.sh"

PY=${PYTHON3:-python3}
command -v "$PY" > /dev/null || skip_all "python3 not found"

mkdir -p "$scratch/www"
cp "$top_srcdir/tests/data/parse/rss20-basic.xml" "$scratch/www/a.xml"
cp "$top_srcdir/tests/data/parse/atom10.xml" "$scratch/www/b.xml"

start_server --root "$scratch/www" || skip_all "test server did not start"
[ -n "$KEEP" ] && trap 'exec 9>&-; kill $server 2>/dev/null' EXIT INT TERM

cat > "$scratch/test.conf" <<CONF
# short limits, so the drip and the huge body fail fast
low-speed-time 2s
low-speed-limit 100
timeout 15s
max-size 1M
CONF
t() { "$TIDINGS" --db "$scratch/t.db" --config "$scratch/test.conf" "$@"; }

# A well-formed feed larger than max-size (1M): the cap must stop it.
{
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Big</title>\n'
	i=0
	while [ $i -lt 3000 ]; do
		printf '<item><title>item %d</title><description>%0400d</description></item>\n' $i 0
		i=$((i + 1))
	done
	printf '</channel></rss>\n'
} > "$scratch/www/big.xml"

for path in a.xml b.xml moved 404 410 429 500 drip big.xml huge gzip-bomb; do
	t add "$base/$path" > /dev/null || fail "add $path"
done
t add "file://$scratch/www/a.xml" --title "Local copy" > /dev/null || fail "add file://"

# 1. The first refresh: good feeds stored, each failure one line on stderr.
t refresh --all > "$scratch/out" 2> "$scratch/err"
status=$?
check "exit 1 when some feeds fail" [ "$status" -eq 1 ]
# Not a terminal (cron): no progress line, but one summary line, so that
# a run that did its work never looks like one that did not run.
check "one summary line on stdout" [ "$(wc -l < "$scratch/out")" -eq 1 ]
check "the summary counts feeds, items and failures" \
    grep -E -q '^refreshed 12 feeds: [0-9]+ new items, 0 not modified, 8 failed' "$scratch/out"
check "no progress line when not a terminal" sh -c "! grep -q refreshing: '$scratch/out'"
for what in 404 410 429 500 drip big.xml huge gzip-bomb; do
	if grep -q "$base/$what: " "$scratch/err"; then pass; else fail "no error line for $what"; fi
done
check "one line per failed feed" [ "$(grep -v 'moved permanently' "$scratch/err" | wc -l)" -eq 8 ]
check "the moved feed is a notice" grep -q "moved permanently" "$scratch/err"
check "drip reported as too slow" grep -q "drip: .*slow" "$scratch/err"
check "a feed over max-size is dropped" grep -q "big.xml: .*larger" "$scratch/err"
# Endless junk and a gzip bomb stop at the cap, or sooner when the parser
# sees they are no feed; either way they cost at most max-size.
check "endless body stopped" grep -E -q "huge: .*(larger|not a feed)" "$scratch/err"
check "gzip bomb stopped" grep -E -q "gzip-bomb: .*(larger|not a feed)" "$scratch/err"
# a.xml 3 items, b.xml 2, moved (the server's feed) 1+, file:// copy 3
count=$(t list --count)
check "items stored from every good feed" [ "${count:-0}" -ge 9 ]

# The 301 updated the stored URL.
t feeds --format tsv > "$scratch/feeds"
check "301 updates the stored URL" grep -q "$base/feed.xml" "$scratch/feeds"
check "old URL is gone" sh -c "! grep -q '$base/moved' '$scratch/feeds'"
check "410 disables the feed" grep -i "$base/410" "$scratch/feeds" | grep -qi "disabled"

# 2. A second refresh: conditional requests, 304s, nothing duplicated; the
# disabled feed and the one under Retry-After are not asked at all.
stats() { "$PY" -c "import urllib.request,sys; print(urllib.request.urlopen(sys.argv[1]).read().decode())" "$base/__stats"; }
before=$(stats)
t refresh --all > /dev/null 2> "$scratch/err2"
count2=$(t list --count)
check "nothing duplicated by a second refresh" [ "$count2" = "$count" ]
check "410 and 429 not asked again" sh -c "! grep -q -e '/410' -e '/429' '$scratch/err2'"
after=$(stats)
"$PY" - "$before" "$after" <<'PYEOF' > "$scratch/stats" || fail "reading server stats"
import json, sys
b, a = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(a['not_modified'] - b['not_modified'], a['conditional'] - b['conditional'])
PYEOF
read n304 ncond < "$scratch/stats"
check "second refresh gets 304s (got ${n304:-0})" [ "${n304:-0}" -ge 3 ]
check "second refresh sends conditional requests (got ${ncond:-0})" [ "${ncond:-0}" -ge 3 ]

# 3. Without --all nothing is due yet: no request at all, and the summary
# says when the next feed is due.
t refresh > "$scratch/out3" 2>&1
check "refresh without --all honours the schedule" [ $? -eq 0 ]
check "the summary of a run with nothing due (got: $(cat "$scratch/out3"))" \
    grep -E -q '^nothing due: 11 feeds \(1 disabled\), next in [0-9]+ (min|h)$' "$scratch/out3"
t refresh --quiet > "$scratch/out3q" 2>&1
check "--quiet prints nothing when nothing fails" [ ! -s "$scratch/out3q" ]
# A named feed is fetched now, whatever its schedule.
t refresh "$base/b.xml" > "$scratch/out3f" 2>&1
check "refresh FEED fetches a feed that is not due" grep -q '^refreshed 1 feed: ' "$scratch/out3f"

# A named feed that is disabled or under Retry-After is skipped with one
# line on standard error, --quiet or not, and exit status 1: the feed asked
# for was not refreshed.
t refresh --quiet "$base/410" > "$scratch/out3s" 2> "$scratch/err3s"
check "refresh of a disabled feed exits 1" [ $? -eq 1 ]
check "a disabled feed is skipped, even with --quiet (got: $(cat "$scratch/err3s"))" \
    grep -q "^tidings: $base/410: disabled (.*); skipped" "$scratch/err3s"
check "in one line" [ "$(wc -l < "$scratch/err3s")" -eq 1 ]
check "and nothing on standard output with --quiet" [ ! -s "$scratch/out3s" ]
t refresh "$base/429" "$base/b.xml" > "$scratch/out3s" 2> "$scratch/err3s"
check "refresh of a feed under Retry-After exits 1" [ $? -eq 1 ]
check "a feed under Retry-After is skipped, saying until when (got: $(cat "$scratch/err3s"))" \
    grep -q "^tidings: $base/429: the server asked to wait until .* (Retry-After); skipped$" \
    "$scratch/err3s"
check "the other feed is still fetched" grep -q '^refreshed 1 feed: ' "$scratch/out3s"

# 4. Two refreshes at once: the second waits briefly, then exits 0 saying so.
# (The first runs with the default limits, so the slow answer is waited for.)
t add "$base/sleep?ms=6000" > /dev/null
"$TIDINGS" --db "$scratch/t.db" refresh "$base/sleep?ms=6000" > /dev/null 2> "$scratch/err-first" &
first=$!
# Start the second only once the first is inside its transfer (holding the lock).
i=0
while [ $i -lt 50 ] && ! stats | "$PY" -c "import json,sys; d=json.load(sys.stdin)['paths']; sys.exit(0 if any(k.startswith('/sleep') and v['in_flight'] for k, v in d.items()) else 1)"; do
	sleep 0.1
	i=$((i + 1))
done
t refresh --all > /dev/null 2> "$scratch/err3"
status=$?
check "second refresh exits 0" [ "$status" -eq 0 ]
check "second refresh says why" grep -q "another refresh" "$scratch/err3"
wait $first

# 5. kill -9 in the middle of a refresh: the store stays consistent and the
# next refresh completes.
for i in 1 2 3 4 5 6 7 8; do cp "$scratch/www/a.xml" "$scratch/www/k$i.xml"; done
for i in 1 2 3 4 5 6 7 8; do t add "$base/k$i.xml" > /dev/null; done
t remove "$base/sleep?ms=6000" > /dev/null
t refresh --all > /dev/null 2>&1 &
victim=$!
sleep 0.3
kill -9 $victim 2>/dev/null
wait $victim 2>/dev/null
integrity=$("$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])" "$scratch/t.db")
check "integrity after kill -9 (got $integrity)" [ "$integrity" = "ok" ]
t refresh --all > /dev/null 2>&1
check "the next refresh completes" [ $? -le 1 ]
check "the killed feeds are stored" [ "$(t list --count --feed "$base/k8.xml")" -eq 3 ]

finish
