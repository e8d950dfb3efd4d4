#!/bin/sh
# auto-refresh.sh: an open reader refreshes the feeds that fall due by
# itself, with no key pressed: a feed that changes on disk shows its new
# items, the keys keep working, and while another process holds the refresh
# lock the reader waits quietly instead of showing an error.
# TIDINGS_TEST_INTERVAL (test-only) makes every feed due a second after each
# fetch, and the reader's first poll come after a second, not a minute.

. "${top_srcdir:-.}/tests/tui/tui.lib"

make_feed "$scratch/live.xml" "Live Feed" 3 live
newer "$scratch/live.xml"
subscribe "$scratch/live.xml"
TIDINGS_TEST_INTERVAL=1 "$TIDINGS" --db "$db" refresh --quiet > /dev/null 2>&1 ||
    fail "the first refresh"

start_reader 80 24 TIDINGS_TEST_INTERVAL=1
expect "the feed list" "1 feed, 3 unread"

# The feed changes; the reader fetches it by itself.
make_feed "$scratch/live.xml" "Live Feed" 5 live
newer "$scratch/live.xml"
expect "the new items arrive without a key press" "1 feed, 5 unread" 30
expect "the refresh reports what it did" "refreshed 1 feed: 2 new items" 10
keys Enter
expect "and the keys still work" "all feeds, 5 unread"
expect "the newest item is there" "live 1"

# Another process holds the refresh lock (as a cron refresh would): no
# error on the screen; once it is released, the reader catches up.
(exec 9>"$db.lock" && flock 9 && exec sleep 4) &
locker=$!
i=0
while [ $i -lt 50 ] && flock -n "$db.lock" true 2>/dev/null; do
	sleep 0.1
	i=$((i + 1))
done
make_feed "$scratch/live.xml" "Live Feed" 8 live
newer "$scratch/live.xml"
wait "$locker" 2>/dev/null
expect "after the lock is released the reader catches up" "all feeds, 8 unread" 40
if screen | grep -q "already running"; then fail "the automatic refresh showed an error"; else pass; fi
check "no error on stderr" [ ! -s "$scratch/stderr.txt" ]

keys q q
expect "quit" "reader exited 0"
finish
