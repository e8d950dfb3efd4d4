#!/bin/sh
# measure-reader.sh: the reader's speed on a large store, through tmux as a
# person would see it: launch to first screen, keystroke to redrawn screen
# for a keyword filter (and a few moves), and peak memory (VmHWM).
#
#   tools/measure-reader.sh STORE [TIDINGS]
#
# STORE is a store made by tools/make-store.c (its words are in the filter
# typed here). Times are wall-clock from the moment the command or key is
# sent to the moment capture-pane shows the result, so they include a few
# milliseconds of tmux polling. Needs tmux and GNU date.
set -eu

db=${1:?usage: tools/measure-reader.sh STORE [TIDINGS]}
top=$(cd "$(dirname "$0")/.." && pwd)
tidings=${2:-$top/src/tidings}
socket=tidings-measure-$$
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-measure.XXXXXX")
unset TMUX

tm() {
	tmux -L "$socket" -f /dev/null "$@"
}
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$work"' EXIT INT TERM

now_ms() {
	date +%s%3N
}

# until_screen TEXT [GREP_OPTION]: poll until a line holds TEXT; prints the
# time it took since $t0, in milliseconds.
until_screen() {
	i=0
	while ! tm capture-pane -p -t m | grep -F -q ${2:-} -- "$1"; do
		i=$((i + 1))
		if [ "$i" -gt 20000 ]; then
			echo "timed out waiting for $1" >&2
			tm capture-pane -p -t m >&2
			exit 1
		fi
	done
	echo $(( $(now_ms) - t0 ))
}

# A shell in the pane first, so tmux's own start is not counted.
tm new-session -d -s m -x 120 -y 40 "sh"
sleep 0.5
tm send-keys -t m "exec env TERM=xterm-256color LC_ALL=C.UTF-8 sh -c 'echo \$\$ >$work/pid; exec \"\$0\" --db \"\$1\"' '$tidings' '$db'" Enter
t0=$(now_ms)
first=$(until_screen "All unread")
pid=$(cat "$work/pid")
echo "first screen (feed list with counts): $first ms"

# All unread, then every item: c clears the filters.
t0=$(now_ms)
tm send-keys -t m Enter
open=$(until_screen "unread only")
echo "open all unread items: $open ms"
t0=$(now_ms)
tm send-keys -t m c
all=$(until_screen "no filters")
echo "clear filters (every item, newest first): $all ms"
# until_changed: poll until the screen differs from $before; prints the
# milliseconds since $t0.
until_changed() {
	i=0
	while [ "$(tm capture-pane -p -t m)" = "$before" ]; do
		i=$((i + 1))
		if [ "$i" -gt 20000 ]; then
			echo "timed out waiting for a change" >&2
			exit 1
		fi
	done
	echo $(( $(now_ms) - t0 ))
}

for key in G PageUp PageUp g PageDown; do
	before=$(tm capture-pane -p -t m)
	t0=$(now_ms)
	tm send-keys -t m "$key"
	echo "$key: $(until_changed) ms"
done
echo "($(tm capture-pane -p -t m | head -n 1 | sed 's/^tidings: //'))"
tm send-keys -t m g

# The filter line: one keystroke at a time, timed to the redraw that shows
# it (the reader draws the prompt after the narrowed list).
tm send-keys -t m /
until_screen "/ in all feeds:" >/dev/null
typed=""
for c in s e c u r i t y; do
	typed=$typed$c
	t0=$(now_ms)
	tm send-keys -t m -l "$c"
	ms=$(until_screen "/ in all feeds: $typed" -x)
	count=$(tm capture-pane -p -t m | head -n 1 | sed 's/^tidings: //')
	echo "filter keystroke '$typed': $ms ms ($count)"
done
for word in " update" " κλίμα"; do
	typed=$typed$word
	t0=$(now_ms)
	tm send-keys -t m -l "$word"
	ms=$(until_screen "/ in all feeds: $typed" -x)
	count=$(tm capture-pane -p -t m | head -n 1 | sed 's/^tidings: //')
	echo "filter paste '$typed': $ms ms ($count)"
done
tm send-keys -t m Enter
t0=$(now_ms)
tm send-keys -t m C-u 2>/dev/null || true

echo "peak memory: $(grep VmHWM /proc/"$pid"/status | tr -s ' \t' ' ')"
echo "memory now: $(grep VmRSS /proc/"$pid"/status | tr -s ' \t' ' ')"
tm send-keys -t m Q
