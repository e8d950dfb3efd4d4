#!/bin/sh
# flow-control.sh: Ctrl-Q and Ctrl-S reach the reader, as tidings.conf(5)'s
# own example `key-quit "Q C-q"` needs: terminal flow control (IXON) is off
# while the reader owns the terminal, and on again for a browser that runs
# in the terminal, while the reader is suspended and after it quits.

. "${top_srcdir:-.}/tests/tui/tui.lib"

make_titled_feed "$scratch/news.xml" "News" "First story" "Second story"
subscribe "$scratch/news.xml"
check "refresh the feed" refresh_all

# A terminal browser (by its name) that notes the tty's flow control.
mkdir -p "$scratch/bin" "$XDG_CONFIG_HOME/tidings"
cat > "$scratch/bin/lynx" <<SCRIPT
#!/bin/sh
stty -a | tr ' ;' '\n\n' | grep -x -e ixon -e -ixon > "$scratch/browser-tty"
SCRIPT
chmod +x "$scratch/bin/lynx"
cat > "$XDG_CONFIG_HOME/tidings/config" <<CONFIG
key-quit "Q C-q"
key-toggle-unread "u C-s"
browser "$scratch/bin/lynx"
CONFIG

start_reader 80 24
expect "the feed list" "1 feed, 2 unread"
keys Enter
expect "the items" "all feeds | unread only"
keys C-s
expect "Ctrl-S reaches the reader" "all feeds | read and unread"
keys C-s
expect "and again" "all feeds | unread only"

# The browser gets the terminal as the user had it, and the reader gets
# its own modes back.
keys o
i=0
while [ ! -s "$scratch/browser-tty" ] && [ "$i" -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "a terminal browser runs with flow control on" \
    test "$(cat "$scratch/browser-tty" 2>/dev/null)" = ixon
keys C-s
expect "Ctrl-S still reaches the reader after the browser" "all feeds | read and unread"

keys C-q
expect "Ctrl-Q quits" "reader exited 0"
expect_line "flow control is on again after the reader" "flow control: ixon"
expect_line "the tty is in canonical mode with echo" "echo icanon"

# Suspended with Ctrl-Z under a shell with job control, the reader gives the
# user's modes back; brought back with fg, it takes its own again. (The
# reader of start_reader cannot stop: its process group is orphaned.)
cat > "$scratch/job.sh" <<JOB
set -m
env TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC "$TIDINGS" --db "$db"
stty -a | tr ' ;' '\n\n' | grep -x -e ixon -e -ixon > "$scratch/suspended-tty"
fg
echo "reader exited \$?"
sleep 60
JOB
tmux_do kill-session -t reader >/dev/null 2>&1
tmux_do new-session -d -s reader -x 80 -y 24 "sh '$scratch/job.sh'"
expect "the reader under job control" "1 feed, 2 unread"
keys C-z
i=0
while [ ! -s "$scratch/suspended-tty" ] && [ "$i" -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "a suspended reader leaves flow control on" \
    test "$(cat "$scratch/suspended-tty" 2>/dev/null)" = ixon
expect "fg brings the reader back" "1 feed, 2 unread"
keys Enter
expect "its items" "all feeds | unread only"
keys C-s
expect "Ctrl-S reaches the resumed reader" "all feeds | read and unread"
keys C-q
expect "Ctrl-Q quits the resumed reader" "reader exited 0"
finish
