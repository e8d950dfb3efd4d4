#!/bin/sh
# kill.sh: a sync killed with SIGKILL at two known points (while pulling the
# third page of articles; after the server took a push but before its answer
# came) loses and duplicates nothing: a clean sync afterwards ends with every
# article once and the local changes on the server. A proxy in front of the
# server (stall-proxy.py) holds the chosen answer back, so the kill always
# lands where it should.
. "${top_srcdir:-.}/tests/cli/lib.sh"
. "$top_srcdir/tests/sync/ttrss.sh"

ttrss_start || { echo "the TT-RSS instance did not start" >&2; exit 99; }

news=$(ttrss_category News)
fa=$(ttrss_feed "Feed A" http://192.0.2.1/a.xml "$news")
ttrss_articles "$fa" 1 1000

db=$scratch/t.db
conf() { # conf URL: the config, pointing at URL
	cat > "$scratch/conf" <<CONF
ttrss-url $1
ttrss-login $ttrss_user
ttrss-password-file $scratch/password
CONF
}
t() { "$TIDINGS" --db "$db" --config "$scratch/conf" "$@" > "$scratch/out" 2> "$scratch/err"; status=$?; }
q() { "${PYTHON3:-python3}" -c 'import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print(r[0] if r else "")' "$db" "$1"; }
server_state() { # server_state COLUMN N: the column of article N of feed A on the server
	ttrss_sql "SELECT $1 FROM ttrss_user_entries u JOIN ttrss_entries e ON e.id = u.ref_id
	    WHERE e.guid = 'guid-$fa-$2'"
}

# sync_killed_at OP N: a sync through the proxy, killed once the Nth call of
# OP reached the server and its answer is held back.
sync_killed_at() {
	rm -f "$scratch/stalled" "$scratch/proxy-out"
	[ -p "$scratch/proxy-in" ] || mkfifo "$scratch/proxy-in"
	"${PYTHON3:-python3}" "$top_srcdir/tests/sync/stall-proxy.py" "$ttrss_port" "$1" "$2" \
	    "$scratch/stalled" < "$scratch/proxy-in" > "$scratch/proxy-out" 2> "$scratch/proxy-err" &
	proxy=$!
	exec 8> "$scratch/proxy-in"
	n=0
	until grep -q '^PORT ' "$scratch/proxy-out" 2>/dev/null; do
		n=$((n + 1)); [ $n -gt 300 ] && break; sleep 0.1
	done
	conf "http://127.0.0.1:$(sed -n 's/^PORT //p' "$scratch/proxy-out")"
	"$TIDINGS" --db "$db" --config "$scratch/conf" sync > /dev/null 2>&1 &
	pid=$!
	n=0
	until [ -e "$scratch/stalled" ] || ! kill -0 $pid 2>/dev/null; do
		n=$((n + 1)); [ $n -gt 1200 ] && break; sleep 0.1
	done
	landed=no
	[ -e "$scratch/stalled" ] && kill -0 $pid 2>/dev/null && kill -KILL $pid && landed=yes
	wait $pid 2>/dev/null
	exec 8>&-
	wait $proxy 2>/dev/null
	conf "$ttrss_url"
}

# 1. Killed in the middle of pulling 1,000 articles (the third page of 200).
sync_killed_at getHeadlines 3
check "the kill landed while pulling" [ "$landed" = yes ]
check "the store is consistent" [ "$(q 'PRAGMA integrity_check')" = ok ]
got=$(q 'SELECT count(*) FROM items')
check "some articles were in before the kill ($got)" [ "$got" -ge 200 -a "$got" -lt 1000 ]
# Meanwhile every article is read elsewhere: those pulled before the kill
# must take that state too, not only the new ones.
ttrss_sql "UPDATE ttrss_user_entries SET unread = false" > /dev/null
t sync
check "a clean sync exits 0 ($(cat "$scratch/err"))" [ "$status" -eq 0 ]
check "every article" [ "$(q 'SELECT count(*) FROM items')" -eq 1000 ]
check "all read, as on the server" [ "$(q 'SELECT count(*) FROM items WHERE read = 0')" -eq 0 ]
check "none twice" [ "$(q 'SELECT count(DISTINCT guid) FROM items')" -eq 1000 ]
check "one feed" [ "$(q 'SELECT count(*) FROM feeds')" -eq 1 ]

# 2. Killed after the server applied a push, before its answer arrived.
id3=$(q "SELECT id FROM items WHERE guid = 'guid-$fa-3'")
id4=$(q "SELECT id FROM items WHERE guid = 'guid-$fa-4'")
t mark-unread "$id3"
t star "$id4"
check "two local changes" [ "$(q 'SELECT count(*) FROM sync_journal')" -eq 2 ]
sync_killed_at updateArticle 1
check "the kill landed while pushing" [ "$landed" = yes ]
check "the store is consistent after the second kill" [ "$(q 'PRAGMA integrity_check')" = ok ]
check "the journal is kept" [ "$(q 'SELECT count(*) FROM sync_journal')" -eq 2 ]
t sync
check "the sync after exits 0 ($(cat "$scratch/err"))" [ "$status" -eq 0 ]
check "journal pushed" [ "$(q 'SELECT count(*) FROM sync_journal')" -eq 0 ]
check "unread on the server" [ "$(server_state unread 3)" = t ]
check "starred on the server" [ "$(server_state marked 4)" = t ]
check "still unread here" [ "$(q "SELECT read FROM items WHERE id = $id3")" -eq 0 ]
check "still starred here" [ "$(q "SELECT starred FROM items WHERE id = $id4")" -eq 1 ]
check "still every article once" [ "$(q 'SELECT count(DISTINCT guid) FROM items')/$(q 'SELECT count(*) FROM items')" = 1000/1000 ]

finish
