#!/bin/sh
# reader.sh: the reader syncs with a real Tiny Tiny RSS server (ttrss.sh)
# on its own refreshes: on start, on R, and by itself when the sync is due
# (auto-refresh); the status line says what came of it, including the
# server's failure, while the keys keep working.
. "${top_srcdir:-.}/tests/tui/tui.lib"
. "$top_srcdir/tests/sync/ttrss.sh"
# ttrss.sh's trap replaced tui.lib's: stop the tmux server too.
trap 'tmux_do kill-server >/dev/null 2>&1; ttrss_stop; rm -rf "$scratch"' EXIT

ttrss_start || { echo "the TT-RSS instance did not start" >&2; exit 99; }
news=$(ttrss_category News)
fa=$(ttrss_feed "Feed A" http://192.0.2.1/a.xml "$news")
ttrss_articles "$fa" 1 30

mkdir -p "$XDG_CONFIG_HOME/tidings"
cat > "$XDG_CONFIG_HOME/tidings/config" <<CONF
ttrss-url $ttrss_url
ttrss-login $ttrss_user
ttrss-password-file $scratch/password
refresh-on-start yes
CONF

# On start: the server's feed and its articles come in.
start_reader 100 24 TIDINGS_TEST_INTERVAL=1
expect "the first sync's summary" "synced 30 new articles" 60
expect "the server's feed with its articles" "30 unread"

# Two more on the server; the reader syncs again by itself.
ttrss_articles "$fa" 31 32
expect "auto-refresh syncs" "32 unread" 60

# The server goes away: the reader says so, and keeps working.
ttrss_php_stop
keys R
expect "the sync's failure on the status line" "sync failed" 60
keys Enter
expect "the keys still work" "all feeds, 32 unread"
keys q
ttrss_php_start || fail "the server restarted"
ttrss_articles "$fa" 33 33
keys R
expect "a sync after the outage" "synced 1 new article" 60

keys q
expect "and exits 0" "reader exited 0" 20
finish
