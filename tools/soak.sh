#!/bin/sh
# soak.sh: the reader open in tmux for a long while (default 10 minutes)
# while a refresh of 200 loopback feeds starts every 10 seconds, a third of
# them killed with SIGKILL at a random moment, the feeds growing between
# rounds and random keys typed into the reader. Afterwards:
#   - the store passes PRAGMA integrity_check and FTS5's integrity-check;
#   - after one last clean refresh, every served item is stored once: no
#     duplicate, none lost (the served corpus is the reference);
#   - the reader's memory (VmRSS) at the end against the first sample.
# Prints the figures and exits 1 when a check fails. A soak, not a test:
# it takes its whole duration and is never part of make check.
#
#   tools/soak.sh [TIDINGS]      SOAK_SECONDS=600 SOAK_FEEDS=200 SOAK_ROUND=10
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
tidings=${1:-$top/src/tidings}
seconds=${SOAK_SECONDS:-600}
feeds=${SOAK_FEEDS:-200}
round=${SOAK_ROUND:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-soak.XXXXXX")
socket=tidings-soak-$$
db=$work/soak.db
unset TMUX

tm() {
	tmux -L "$socket" -f /dev/null "$@"
}
cleanup() {
	tm kill-server >/dev/null 2>&1 || true
	exec 9>&- 2>/dev/null || true
	[ -n "${server:-}" ] && kill "$server" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# grow N...: add 1 to 3 items to each feed numbered N (all feeds when the
# first argument is "all"), rewriting its file; the corpus lives in
# $work/corpus.json (feed number to item count).
grow() {
	python3 - "$work" "$feeds" "$@" <<'PY'
import json, os, random, sys, time
work, nfeeds, which = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
path = os.path.join(work, 'corpus.json')
counts = json.load(open(path)) if os.path.exists(path) else {}
if which == ['all']:
    which = [str(i) for i in range(nfeeds)]
now = int(time.time())
for f in which:
    counts[f] = counts.get(f, 0) + random.randint(1, 3)
    items = []
    for i in range(counts[f], 0, -1):
        stamp = time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime(now - i * 60))
        items.append('<item><title>Feed %s story %d: κλίμα und Wetter</title>'
                     '<link>http://127.0.0.1/f%s/%d</link><guid>f%s-i%d</guid>'
                     '<pubDate>%s</pubDate><description>&lt;p&gt;Story %d of feed %s, '
                     'with &lt;a href="/x"&gt;a link&lt;/a&gt; and words to index.'
                     '&lt;/p&gt;</description></item>' % (f, i, f, i, f, i, stamp, i, f))
    body = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            '<title>Soak feed %s</title><link>http://127.0.0.1/</link>\n%s\n'
            '</channel></rss>\n' % (f, '\n'.join(items)))
    tmp = os.path.join(work, 'www', 'f%s.xml.tmp' % f)
    with open(tmp, 'w') as fp:
        fp.write(body)
    os.replace(tmp, os.path.join(work, 'www', 'f%s.xml' % f))
json.dump(counts, open(path, 'w'))
PY
}

rss_kb() {
	sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$1/status" 2>/dev/null
}

mkdir -p "$work/www"
grow all
mkfifo "$work/server-in"
python3 "$top/tests/server.py" --root "$work/www" --watch-stdin \
    --max-seconds $((seconds + 600)) <"$work/server-in" >"$work/server-out" 2>"$work/server-err" &
server=$!
exec 9>"$work/server-in"
i=0
while ! grep -q '^PORT ' "$work/server-out" 2>/dev/null; do
	i=$((i + 1))
	[ "$i" -gt 100 ] && { echo "soak: the server did not start" >&2; exit 1; }
	sleep 0.1
done
port=$(sed -n 's/^PORT //p' "$work/server-out")
n=0
while [ "$n" -lt "$feeds" ]; do
	echo "http://127.0.0.1:$port/f$n.xml"
	n=$((n + 1))
done >"$work/urls"
"$tidings" --db "$db" import "$work/urls" >/dev/null
"$tidings" --db "$db" refresh --all --quiet || true

# The reader, with its pid written down.
cat >"$work/run.sh" <<RUN
env TERM=xterm-256color LC_ALL=C.UTF-8 sh -c 'echo \$\$ >"\$1"; shift; exec "\$@"' sh "$work/reader.pid" "$tidings" --db "$db" 2>"$work/reader.err"
echo "reader exited \$?"
sleep 3600
RUN
tm new-session -d -s soak -x 100 -y 30 "sh '$work/run.sh'"
i=0
while [ ! -s "$work/reader.pid" ] && [ "$i" -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
reader=$(cat "$work/reader.pid")
sleep 2
rss_first=$(rss_kb "$reader")

rounds=0 kills=0 failed_rounds=0
end=$(($(date +%s) + seconds))
while [ "$(date +%s)" -lt "$end" ]; do
	rounds=$((rounds + 1))
	# Twenty feeds grow by a few items each.
	grow $(python3 -c "import random; print(' '.join(str(x) for x in random.sample(range($feeds), 20)))")
	"$tidings" --db "$db" refresh --all --quiet >/dev/null 2>>"$work/refresh.err" &
	refresh=$!
	if [ $((rounds % 3)) -eq 0 ]; then
		sleep "$(python3 -c 'import random; print(round(random.uniform(0, 3), 2))')"
		kill -KILL "$refresh" 2>/dev/null && kills=$((kills + 1))
	fi
	# Random keys while the refresh runs: moves, open, back, filters.
	for key in $(python3 -c "
import random
keys = ['j', 'k', 'j', 'Down', 'Up', 'u', 'G', 'g', 'PageDown', 'n', 'p', 'X']
moves = lambda: [random.choice(keys) for _ in range(5)]
print(' '.join(moves() + ['Enter'] + moves() + ['q']))"); do
		tm send-keys -t soak "$key"
		sleep 0.2
	done
	wait "$refresh" 2>/dev/null || failed_rounds=$((failed_rounds + 1))
	sleep "$round"
	if ! kill -0 "$reader" 2>/dev/null; then
		# q at the feed list quits: count it and start the reader again.
		tm kill-session -t soak 2>/dev/null || true
		rm -f "$work/reader.pid"
		tm new-session -d -s soak -x 100 -y 30 "sh '$work/run.sh'"
		i=0
		while [ ! -s "$work/reader.pid" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
		reader=$(cat "$work/reader.pid")
		echo "soak: the reader was quit by a random q in round $rounds; restarted" >&2
	fi
done
rss_last=$(rss_kb "$reader")
tm send-keys -t soak q q q q

# One clean refresh to catch up with whatever the kills interrupted.
"$tidings" --db "$db" refresh --all --quiet || true
check=0
python3 - "$db" "$work/corpus.json" <<PY || check=1
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
counts = json.load(open(sys.argv[2]))
ok = True
integrity = db.execute('PRAGMA integrity_check').fetchone()[0]
print('integrity_check:', integrity)
ok &= integrity == 'ok'
try:
    db.execute("INSERT INTO items_fts(items_fts) VALUES('integrity-check')")
    print('fts integrity-check: ok')
except sqlite3.DatabaseError as e:
    print('fts integrity-check:', e)
    ok = False
served = sum(counts.values())
stored = db.execute('SELECT count(*) FROM items').fetchone()[0]
dups = db.execute('SELECT count(*) FROM (SELECT feed_id, guid FROM items '
                  'GROUP BY feed_id, guid HAVING count(*) > 1)').fetchone()[0]
rows = dict(db.execute("SELECT substr(f.url, instr(f.url, '/f') + 2), count(i.id) "
                       "FROM feeds f LEFT JOIN items i ON i.feed_id = f.id GROUP BY f.id"))
lost = sum(max(0, c - rows.get('%s.xml' % f, 0)) for f, c in counts.items())
print('items served %d, stored %d, duplicated %d, lost %d' % (served, stored, dups, lost))
ok &= stored == served and dups == 0 and lost == 0
sys.exit(0 if ok else 1)
PY
growth=$(python3 -c "print('%.1f' % (100.0 * ($rss_last - $rss_first) / $rss_first))")
echo "rounds $rounds, refreshes killed $kills, rounds with a failed or killed refresh $failed_rounds"
echo "reader VmRSS: first $rss_first kB, last $rss_last kB ($growth%)"
python3 -c "import sys; sys.exit(0 if $growth <= 10 else 1)" || { echo "soak: memory grew more than 10%"; check=1; }
exit "$check"
