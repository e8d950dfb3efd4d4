#!/bin/sh
# sync.sh: `tidings sync` against a real Tiny Tiny RSS server (ttrss.sh):
# the first sync, an incremental one, read and star both ways, categories as
# tags, a feed and a category removed on the server, a server that is down
# (the journal kept, pushed later), an expired session, a wrong password,
# API access off, and `refresh` syncing first.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/sync/ttrss.sh"

ttrss_start || { echo "the TT-RSS instance did not start" >&2; exit 99; }

news=$(ttrss_category News)
tech=$(ttrss_category Tech)
fa=$(ttrss_feed "Feed A" http://192.0.2.1/a.xml "$news")
fb=$(ttrss_feed "Feed B" http://192.0.2.1/b.xml "$tech")
ttrss_articles "$fa" 1 250
ttrss_articles "$fb" 1 30

cat > "$scratch/conf" <<CONF
ttrss-url $ttrss_url
ttrss-login $ttrss_user
ttrss-password-file $scratch/password
CONF
db=$scratch/t.db
t() { "$TIDINGS" --db "$db" --config "$scratch/conf" "$@" > "$scratch/out" 2> "$scratch/err"; status=$?; }
q() { "${PYTHON3:-python3}" -c 'import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print(r[0] if r else "")' "$db" "$1"; }

# First sync: both feeds, every article (two pages and more), enclosures.
t sync
check "first sync exits 0 ($(cat "$scratch/err"))" [ "$status" -eq 0 ]
check "280 articles" [ "$(q 'SELECT count(*) FROM items')" -eq 280 ]
check "2 feeds" [ "$(q 'SELECT count(*) FROM feeds WHERE remote_id IS NOT NULL')" -eq 2 ]
check "categories are tags" [ "$(q "SELECT group_concat(tag) FROM (SELECT tag FROM feed_tags ORDER BY tag)")" = "News,Tech" ]
check "all unread" [ "$(q 'SELECT count(*) FROM items WHERE read = 0')" -eq 280 ]
check "enclosures" [ "$(q 'SELECT count(*) FROM enclosures')" -eq 140 ]
check "content" [ "$(q "SELECT content FROM items WHERE guid = 'guid-$fa-7'")" = "<p>Body of article 7</p>" ]
check "the feed title" [ "$(q "SELECT title FROM feeds WHERE remote_id = $fa")" = "Feed A" ]

# Incremental: only the new ones, nothing duplicated.
ttrss_articles "$fb" 31 35
t sync
check "incremental sync exits 0" [ "$status" -eq 0 ]
check "285 articles" [ "$(q 'SELECT count(*) FROM items')" -eq 285 ]

# Local read and star reach the server.
id3=$(q "SELECT id FROM items WHERE guid = 'guid-$fa-3'")
id4=$(q "SELECT id FROM items WHERE guid = 'guid-$fa-4'")
t mark-read "$id3"
t star "$id4"
check "two journal entries" [ "$(q 'SELECT count(*) FROM sync_journal')" -eq 2 ]
t sync
check "push exits 0" [ "$status" -eq 0 ]
check "journal empty" [ "$(q 'SELECT count(*) FROM sync_journal')" -eq 0 ]
check "read on the server" [ "$(ttrss_sql "SELECT unread FROM ttrss_user_entries u JOIN ttrss_entries e ON e.id = u.ref_id WHERE e.guid = 'guid-$fa-3'")" = f ]
check "starred on the server" [ "$(ttrss_sql "SELECT marked FROM ttrss_user_entries u JOIN ttrss_entries e ON e.id = u.ref_id WHERE e.guid = 'guid-$fa-4'")" = t ]
check "still read here" [ "$(q "SELECT read FROM items WHERE id = $id3")" -eq 1 ]

# Server-side changes of old articles reach the store.
ttrss_sql "UPDATE ttrss_user_entries SET unread = false WHERE ref_id IN (SELECT id FROM ttrss_entries WHERE guid = 'guid-$fa-10');
    UPDATE ttrss_user_entries SET marked = true WHERE ref_id IN (SELECT id FROM ttrss_entries WHERE guid = 'guid-$fa-11');
    UPDATE ttrss_user_entries SET marked = false WHERE ref_id IN (SELECT id FROM ttrss_entries WHERE guid = 'guid-$fa-4');" > /dev/null
t sync
check "pull state exits 0" [ "$status" -eq 0 ]
check "read from the server" [ "$(q "SELECT read FROM items WHERE guid = 'guid-$fa-10'")" -eq 1 ]
check "starred from the server" [ "$(q "SELECT starred FROM items WHERE guid = 'guid-$fa-11'")" -eq 1 ]
check "unstarred from the server" [ "$(q "SELECT starred FROM items WHERE id = $id4")" -eq 0 ]
check "no journal from applying" [ "$(q 'SELECT count(*) FROM sync_journal')" -eq 0 ]

# The server down: exit 1, one line, the journal kept; pushed later.
ttrss_php_stop
id5=$(q "SELECT id FROM items WHERE guid = 'guid-$fa-5'")
t mark-read "$id5"
t sync
check "server down exits 1" [ "$status" -eq 1 ]
check "one line saying so" grep -q "tidings: sync:" "$scratch/err"
check "journal kept" [ "$(q 'SELECT count(*) FROM sync_journal')" -eq 1 ]
ttrss_php_start
t sync
check "sync after the outage exits 0 ($(cat "$scratch/err"))" [ "$status" -eq 0 ]
check "journal pushed" [ "$(q 'SELECT count(*) FROM sync_journal')" -eq 0 ]
check "read on the server after the outage" [ "$(ttrss_sql "SELECT unread FROM ttrss_user_entries u JOIN ttrss_entries e ON e.id = u.ref_id WHERE e.guid = 'guid-$fa-5'")" = f ]

# An expired session: logged in again, once.
ttrss_sql "DELETE FROM ttrss_sessions" > /dev/null
t mark-unread "$id5"
t sync
check "expired session: exit 0 ($(cat "$scratch/err"))" [ "$status" -eq 0 ]
check "unread on the server" [ "$(ttrss_sql "SELECT unread FROM ttrss_user_entries u JOIN ttrss_entries e ON e.id = u.ref_id WHERE e.guid = 'guid-$fa-5'")" = t ]

# A feed (and its category) removed on the server goes here too.
ttrss_sql "DELETE FROM ttrss_feeds WHERE id = $fb; DELETE FROM ttrss_feed_categories WHERE id = $tech" > /dev/null
t sync
check "removal exits 0" [ "$status" -eq 0 ]
check "one feed left" [ "$(q 'SELECT count(*) FROM feeds')" -eq 1 ]
check "its items gone" [ "$(q 'SELECT count(*) FROM items')" -eq 250 ]
check "its tag gone" [ "$(q "SELECT count(*) FROM feed_tags WHERE tag = 'Tech'")" -eq 0 ]

# refresh syncs first.
ttrss_articles "$fa" 251 252
t refresh
check "refresh exits 0 ($(cat "$scratch/err"))" [ "$status" -eq 0 ]
check "refresh synced" [ "$(q 'SELECT count(*) FROM items')" -eq 252 ]

# Wrong password, a readable password file, API access off: exit 2.
printf 'wrong\n' > "$scratch/password"
t sync
check "wrong password exits 2" [ "$status" -eq 2 ]
check "says the login was refused" grep -q "refused" "$scratch/err"
chmod 644 "$scratch/password"
t sync
check "readable password file exits 2" [ "$status" -eq 2 ]
check "says chmod" grep -q "chmod 600" "$scratch/err"
printf '%s\n' "$ttrss_password" > "$scratch/password"
chmod 600 "$scratch/password"
ttrss_sql "UPDATE ttrss_user_prefs SET value = 'false' WHERE pref_name = 'ENABLE_API_ACCESS'" > /dev/null
t sync
check "API off exits 2" [ "$status" -eq 2 ]
check "says to enable API access" grep -q "enable API access" "$scratch/err"
ttrss_sql "UPDATE ttrss_user_prefs SET value = 'true' WHERE pref_name = 'ENABLE_API_ACCESS'" > /dev/null

# The password from a command, split with quotes, no shell.
sed -i '/ttrss-password-file/d' "$scratch/conf"
printf 'ttrss-password-command printf "%%s\\n" "%s"\n' "$ttrss_password" >> "$scratch/conf"
t sync
check "password command exits 0 ($(cat "$scratch/err"))" [ "$status" -eq 0 ]

finish
