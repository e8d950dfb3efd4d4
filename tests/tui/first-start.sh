#!/bin/sh
# first-start.sh: the reader on an empty store explains how to add a feed;
# adding one by URL and importing a list from inside the reader; and the
# terminal given back after Ctrl-C, SIGTERM and a crash.

. "${top_srcdir:-.}/tests/tui/tui.lib"

make_titled_feed "$scratch/first.xml" "First Feed" "Hello from the first feed"
mkdir "$scratch/site"
make_titled_feed "$scratch/site/second.xml" "Second Feed" "Hello from the second feed"
start_server --root "$scratch/site" || skip_all "cannot start the test server"
# start_server replaced the exit trap: stop the tmux server too.
trap 'tmux_do kill-server >/dev/null 2>&1; exec 9>&-; kill $server 2>/dev/null; rm -rf "$scratch"' EXIT
# An imported list's file:// URLs are skipped; its http ones subscribed.
printf '%s/second.xml imported\nfile://%s/first.xml\n' "$base" "$scratch" >"$scratch/urls"
printf 'file://%s/first.xml\n' "$scratch" >"$scratch/file-urls"
: >"$scratch/empty"

start_reader 80 24
expect "the first-start screen" "Welcome to tidings: no feeds yet."
expect "says which key adds a feed" "a   add a feed: type its URL"
expect "and which imports a list" "i   import an OPML or urls file"

keys a
expect "a asks for a URL" "Feed URL:"
type_text "example.org/feed"
keys Enter
expect "a URL without a scheme is refused with a hint" "did you mean https://example.org/feed"
keys a
type_text "$scratch/first.xml"
keys Enter
expect "the feed is added and fetched" "refreshed 1 feed: 1 new item"
expect "and listed" "First Feed"
expect "with its counts" "1 feed, 1 unread"

keys i
expect "i asks for a file" "Import (OPML or urls file):"
type_text "$scratch/empty"
keys Enter
expect "an empty list is refused" "no feeds in $scratch/empty"
keys i
expect "i asks again" "Import (OPML or urls file):"
type_text "$scratch/file-urls"
keys Enter
expect "a file:// URL is skipped, with the way to take it" \
    "imported 0 feeds; 1 file:// URL skipped (tidings import --allow-file)"
keys i
expect "i asks once more" "Import (OPML or urls file):"
type_text "$scratch/urls"
keys Enter
expect "the http feed of the list is imported and fetched" "2 feeds, 2 unread"
expect "under its tag" "imported"
expect "the imported feed is listed" "Second Feed"

# Ctrl-C quits cleanly.
keys C-c
expect "Ctrl-C ends the reader" "reader exited 130"
expect_line "Ctrl-C leaves the tty in canonical mode with echo" "echo icanon"
check "Ctrl-C leaves the alternate screen" test "$(pane_var alternate_on)" = 0

# SIGTERM, as from kill or a logout.
start_reader 80 24
expect "the reader again" "2 feeds, 2 unread"
kill -TERM "$(reader_pid)"
expect "SIGTERM ends the reader" "reader exited 143"
expect_line "SIGTERM leaves the tty in canonical mode with echo" "echo icanon"
check "SIGTERM leaves the alternate screen" test "$(pane_var alternate_on)" = 0

# A crash: the handler gives the terminal back, then the signal kills.
start_reader 80 24
expect "the reader once more" "2 feeds, 2 unread"
kill -SEGV "$(reader_pid)"
expect "SIGSEGV ends the reader with the signal's status" "reader exited 139"
expect_line "after a crash the tty is in canonical mode with echo" "echo icanon"
check "after a crash the alternate screen is left" test "$(pane_var alternate_on)" = 0
check "after a crash the cursor is visible" test "$(pane_var cursor_flag)" = 1

finish
