#!/bin/sh
# live-refresh.sh: new items show in an open reader without a restart, both
# from a `tidings refresh` in another process (as from cron) and from a
# refresh the reader runs in the background while it keeps answering keys;
# and a refresh is refused, with a message, while another one runs.

. "${top_srcdir:-.}/tests/tui/tui.lib"

make_feed "$scratch/live.xml" "Live Feed" 3 live
make_feed "$scratch/other.xml" "Other Feed" 2 other
newer "$scratch/live.xml"
newer "$scratch/other.xml"
subscribe "$scratch/live.xml"
subscribe "$scratch/other.xml"
check "refresh the feeds" refresh_all

start_reader 80 24
expect "the feed list" "2 feeds, 5 unread"
keys j j Enter
expect "the live feed's items" "Live Feed, 3 unread"

# Another process refreshes: the open list grows by itself.
make_feed "$scratch/live.xml" "Live Feed" 5 live
newer "$scratch/live.xml"
check "a refresh in another process" refresh_all
expect "the new items appear without a restart" "Live Feed, 5 unread" 8
expect "the newest first" "live 1"
expect "down to the oldest" "live 5"

# The reader's own refresh (r: this feed), in the background.
make_feed "$scratch/live.xml" "Live Feed" 7 live
newer "$scratch/live.xml"
keys r
expect "the refresh reports what it did" "refreshed 1 feed: 2 new items"
expect "its items show" "Live Feed, 7 unread"
keys j
expect "and the keys still work" "live 7"

# While another refresh holds the lock, R says so instead of waiting.
# (One process holds the lock, so killing it frees the lock.)
(exec 9>"$db.lock" && flock 9 && exec sleep 20) &
locker=$!
sleep 0.3
keys R
expect "a refresh is refused while another runs" "a refresh is already running"
kill "$locker" 2>/dev/null
wait "$locker" 2>/dev/null

# Back in the feed list, every count moved; R refreshes every feed.
make_feed "$scratch/other.xml" "Other Feed" 4 other
newer "$scratch/other.xml"
keys q
expect "the feed list has the new counts" "Live Feed"
keys R
expect "R refreshes every feed" "refreshed 2 feeds: 2 new items"
expect "and the counts follow" "2 feeds, 11 unread"

keys q
expect "quit" "reader exited 0"
finish
