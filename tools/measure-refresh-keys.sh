#!/bin/sh
# measure-refresh-keys.sh: how the reader answers keys during its own
# refresh, through tmux as a person would see it. A benchmark, not a test.
#
#   tools/measure-refresh-keys.sh BENCH [TIDINGS [FEEDS [ITEMS [DELAY_MS]]]]
#
# BENCH is the folder of the feed-reader benchmark (gen_corpus.py and
# serve.py). It generates FEEDS x ITEMS feeds (default 200 x 50), serves
# them on loopback with DELAY_MS per request (default 50), and then:
#  1. times `tidings refresh --all` into an empty store (3 runs);
#  2. opens the reader on another empty store, presses R and, until the
#     refresh ends, sends j and k in turn, timing each from send-keys to
#     the moment capture-pane shows the cursor on its new line;
#  3. does the same with the reader idle.
# Times include a few milliseconds of tmux polling. Needs tmux, python3 and
# GNU date.
set -eu

bench=${1:?usage: tools/measure-refresh-keys.sh BENCH [TIDINGS [FEEDS [ITEMS [DELAY_MS]]]]}
top=$(cd "$(dirname "$0")/.." && pwd)
tidings=${2:-$top/src/tidings}
feeds=${3:-200}
items=${4:-50}
delay=${5:-50}
socket=tidings-keys-$$
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-keys.XXXXXX")
server=
unset TMUX

tm() {
	tmux -L "$socket" -f /dev/null "$@"
}
trap 'tm kill-server >/dev/null 2>&1; [ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT INT TERM

now_ms() {
	date +%s%3N
}

python3 "$bench/gen_corpus.py" --feeds "$feeds" --items "$items" --big-mb 0 -q "$work/corpus"
python3 "$bench/serve.py" --delay-ms "$delay" --preload --port-file "$work/port" \
    --max-seconds 1800 "$work/corpus" > "$work/server.log" 2>&1 &
server=$!
i=0
while [ ! -s "$work/port" ]; do
	i=$((i + 1))
	[ $i -gt 300 ] && { echo "the server did not start" >&2; exit 1; }
	sleep 0.1
done
python3 "$bench/gen_corpus.py" --urls-only "127.0.0.1:$(cat "$work/port")" -q "$work/corpus" > /dev/null
printf 'auto-refresh no\n' > "$work/conf"

# 1. The command's cold refresh.
for run in 1 2 3; do
	rm -f "$work/cli.db"*
	"$tidings" --db "$work/cli.db" --config "$work/conf" import "$work/corpus/urls" > /dev/null
	t0=$(now_ms)
	"$tidings" --db "$work/cli.db" --config "$work/conf" refresh --all > /dev/null
	echo "cold refresh --all, run $run: $(( $(now_ms) - t0 )) ms"
done

# The screen line (1-based) the cursor is on: the one in reverse video.
cursor_line() {
	tm capture-pane -p -e -t m | grep -E -n "$(printf '\033')\[(0;)?7m" | head -n 1 | cut -d: -f1
}

# key_time KEY: send KEY, print the milliseconds until the cursor moved.
key_time() {
	before=$(cursor_line)
	t0=$(now_ms)
	tm send-keys -t m "$1"
	n=0
	while [ "$(cursor_line)" = "$before" ]; do
		n=$((n + 1))
		if [ $n -gt 5000 ]; then
			echo "the cursor did not move" >&2
			exit 1
		fi
	done
	echo $(( $(now_ms) - t0 ))
}

# Median and worst of the numbers in FILE, one a line.
stats() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "no keys"; exit }
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%d keys, median %d ms, worst %d ms\n", NR, m, v[NR] }'
}

# 2. The reader's own refresh.
rm -f "$work/ui.db"*
"$tidings" --db "$work/ui.db" --config "$work/conf" import "$work/corpus/urls" > /dev/null
tm new-session -d -s m -x 120 -y 40 "sh"
sleep 0.5
tm send-keys -t m "exec env TERM=xterm-256color LC_ALL=C.UTF-8 '$tidings' --db '$work/ui.db' --config '$work/conf'" Enter
i=0
while ! tm capture-pane -p -t m | grep -q "feeds"; do
	i=$((i + 1))
	[ $i -gt 20000 ] && { echo "the reader did not start" >&2; exit 1; }
done
sleep 0.5
: > "$work/busy"
t0=$(now_ms)
tm send-keys -t m R
start=$t0
key=j
while ! tm capture-pane -p -t m | grep -q "refreshed $feeds feeds"; do
	key_time $key >> "$work/busy"
	[ $key = j ] && key=k || key=j
done
echo "the reader's refresh (R to its summary, keys sent meanwhile): $(( $(now_ms) - start )) ms"
echo "keys during the refresh: $(stats "$work/busy")"

# 3. Idle, for comparison.
: > "$work/idle"
for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	key_time $key >> "$work/idle"
	[ $key = j ] && key=k || key=j
done
echo "keys when idle: $(stats "$work/idle")"
