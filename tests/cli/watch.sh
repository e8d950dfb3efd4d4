#!/bin/sh
# watch.sh: `tidings refresh --watch` against a loopback server: it refreshes
# round after round as the feeds fall due, logs one line per round, ends with
# status 0 on SIGTERM leaving a consistent store, backs off while the server
# is down and catches up once it is back. TIDINGS_TEST_INTERVAL (test-only)
# makes every feed due each second, and the first back-off one second.
. "${top_srcdir:-.}/tests/cli/lib.sh"

PY=${PYTHON3:-python3}
command -v "$PY" > /dev/null || skip_all "python3 not found"

mkdir -p "$scratch/www"
cp "$top_srcdir/tests/data/parse/rss20-basic.xml" "$scratch/www/a.xml"
cp "$top_srcdir/tests/data/parse/atom10.xml" "$scratch/www/b.xml"

# A server this script starts and stops itself, always on the same port.
server_pid=
serve() {
	rm -f "$scratch/server-out"
	"$PY" "$top_srcdir/tests/server.py" --root "$scratch/www" --port "${1:-0}" \
	    --max-seconds 120 > "$scratch/server-out" 2> "$scratch/server-err" &
	server_pid=$!
	n=0
	while ! grep -q '^PORT ' "$scratch/server-out" 2>/dev/null; do
		n=$((n + 1))
		[ $n -gt 100 ] && return 1
		sleep 0.1
	done
	port=$(sed -n 's/^PORT //p' "$scratch/server-out")
}
stop_server() {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
	server_pid=
}
watcher=
trap 'stop_server; [ -n "$watcher" ] && kill $watcher 2>/dev/null; rm -rf "$scratch"' EXIT INT TERM
[ -n "$KEEP" ] && trap "stop_server; kill \$watcher 2>/dev/null" EXIT

serve || skip_all "test server did not start"
base=http://127.0.0.1:$port

t() { "$TIDINGS" --db "$scratch/t.db" "$@"; }
t add "$base/a.xml" > /dev/null || fail "add a.xml"
t add "$base/b.xml" > /dev/null || fail "add b.xml"

# wait_lines PATTERN N [SECONDS]: until the log holds N lines matching.
wait_lines() {
	i=0
	while [ "$i" -lt $(( ${3:-30} * 10 )) ]; do
		n=$(grep -E -c -- "$1" "$scratch/log" 2>/dev/null)
		[ "${n:-0}" -ge "$2" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	printf 'timed out waiting for %s x "%s"; the log:\n' "$2" "$1" >&2
	cat "$scratch/log" >&2
	return 1
}

integrity() {
	"$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])" "$scratch/t.db"
}

# 1. Two rounds (the first fetches both feeds, the next ones find them
# unchanged), then SIGTERM: status 0, a consistent store.
TIDINGS_TEST_INTERVAL=1 "$TIDINGS" --db "$scratch/t.db" refresh --watch \
    > "$scratch/log" 2> "$scratch/err" &
watcher=$!
check "a first round fetches both feeds" wait_lines ' refreshed 2 feeds: 5 new items' 1
check "a second round comes by itself" wait_lines ' refreshed [0-9]+ feeds?: ' 2
check "one line per round, each with the next due time" \
    sh -c "! grep -v -E '^[0-9-]+ [0-9:]+ refreshed .*, next in [0-9]+ s$' '$scratch/log'"
kill -TERM "$watcher"
wait "$watcher"
status=$?
watcher=
check "SIGTERM ends the watch with status 0 (got $status)" [ "$status" -eq 0 ]
check "nothing on stderr (got: $(cat "$scratch/err"))" [ ! -s "$scratch/err" ]
check "the store is consistent (got $(integrity))" [ "$(integrity)" = ok ]
check "nothing stored twice" [ "$(t list --count)" -eq 5 ]

# 2. SIGTERM in the middle of a transfer: the transfer is dropped, the
# watch still ends with 0 and the store stays consistent.
t add "$base/sleep?ms=8000" > /dev/null || fail "add the slow feed"
TIDINGS_TEST_INTERVAL=1 "$TIDINGS" --db "$scratch/t.db" refresh --watch > "$scratch/log" 2> "$scratch/err" &
watcher=$!
stats() { "$PY" -c "import urllib.request,sys; print(urllib.request.urlopen(sys.argv[1]).read().decode())" "$base/__stats"; }
i=0
while [ $i -lt 100 ] && ! stats | "$PY" -c "import json,sys; d=json.load(sys.stdin)['paths']; sys.exit(0 if any(k.startswith('/sleep') and v['in_flight'] for k, v in d.items()) else 1)"; do
	sleep 0.1
	i=$((i + 1))
done
kill -TERM "$watcher"
wait "$watcher"
status=$?
watcher=
check "SIGTERM during a transfer: status 0 (got $status)" [ "$status" -eq 0 ]
check "it says the round stopped" grep -E -q ' stopped: [0-9] of [1-3] feeds? done, the rest stay due' "$scratch/log"
check "the store is consistent after it" [ "$(integrity)" = ok ]
check "the dropped feed stays due" sh -c "'$TIDINGS' --db '$scratch/t.db' feeds | grep sleep | grep -q 'not fetched yet.*due now'"
t remove "$base/sleep?ms=8000" > /dev/null

# 3. The server goes away: the rounds fail without an answer and the watch
# backs off, waiting longer each time; once the server is back, the feeds
# are caught up.
: > "$scratch/log"
TIDINGS_TEST_INTERVAL=1 "$TIDINGS" --db "$scratch/t.db" refresh --watch \
    > "$scratch/log" 2> "$scratch/err" &
watcher=$!
check "the watch runs" wait_lines ' refreshed 2 feeds' 1
stop_server
check "a round with no answer backs off" wait_lines 'no feed answered, trying again in 1 s$' 1
check "and backs off further" wait_lines 'no feed answered, trying again in 2 s$' 1
check "each failed feed is said on stderr" grep -q "News & Views: could not connect" "$scratch/err"
# While it is down, the feed gains items.
cp "$top_srcdir/tests/data/parse/rss20-basic.xml" "$scratch/www/c.xml"
sed 's/<item>/<item><title>extra<\/title><guid>extra-1<\/guid><\/item><item>/' \
    "$scratch/www/c.xml" > "$scratch/www/a.xml"
before=$(t list --count)
serve "$port" || fail "the server did not come back on port $port"
check "the watch sees the network back" wait_lines 'the network is back$' 1 60
check "and catches up with the feed that changed" [ "$(t list --count)" -gt "$before" ]
kill -INT "$watcher"
wait "$watcher"
status=$?
watcher=
check "SIGINT ends the watch with status 0 (got $status)" [ "$status" -eq 0 ]
check "the store is consistent at the end" [ "$(integrity)" = ok ]

# 4. --watch takes neither feeds nor --all.
"$TIDINGS" --db "$scratch/t.db" refresh --watch --all > /dev/null 2>&1
check "--watch --all is a usage error" [ $? -eq 2 ]

finish
