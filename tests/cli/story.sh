#!/bin/sh
# story.sh: full stories end to end: `add --full-story` and `full-story`,
# a refresh that fetches the web pages of new items and stores their stories
# (`list --format json`), one clear line per page that gives none (a 404, a
# JSON file, a login wall, an enormous page) with the item keeping its feed
# content, and 50 slow pages fetched in parallel.
. "${top_srcdir:-.}/tests/cli/lib.sh"

data=$top_srcdir/tests/data/extract
site=$scratch/site
mkdir -p "$site"
cp "$data/wordpress-news.html" "$data/greek-iso-8859-7.html" "$site/"
printf '{"not": "a page"}\n' > "$site/data.json"
cat > "$site/login.html" <<'PAGE'
<!DOCTYPE html><html><head><title>Sign in</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<form action="/login" method="post"><h1>Sign in to keep reading</h1>
<label>Email <input name="email"></label>
<label>Password <input type="password" name="pw"></label>
<button>Sign in</button></form>
<footer><a href="/about">About</a></footer></body></html>
PAGE

# A page 300 ms away, for the parallel run: the story of wordpress-news.html.
python3 - "$data/wordpress-news.html" > "$scratch/routes.json" <<'PY' || skip_all "python3 is missing"
import json, sys
body = open(sys.argv[1], encoding='utf-8').read()
print(json.dumps({'/slow-page': {'kind': 'sleep', 'ms': 300, 'body': body,
    'content_type': 'text/html; charset=utf-8'}}))
PY
start_server --root "$site" --routes "$scratch/routes.json" || skip_all "cannot start the test server"

# stories.xml: one item per kind of page.
item() {	# guid link summary
	printf '<item><title>%s</title><link>%s</link><guid>%s</guid><description>%s</description></item>\n' \
	    "$1" "$2" "$1" "$3"
}
{
	printf '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Stories</title>\n'
	item ferry "$base/wordpress-news.html" "Ferry teaser"
	item greek "$base/greek-iso-8859-7.html" "Greek teaser"
	item missing "$base/404" "Missing teaser"
	item json "$base/data.json" "JSON teaser"
	item login "$base/login.html" "Login teaser"
	item huge "$base/huge" "Huge teaser"
	item mailto "mailto:someone@example.com" "Mail teaser"
	printf '</channel></rss>\n'
} > "$site/stories.xml"

db=$scratch/story.db
expect_exit 0 "add --full-story" add "$base/stories.xml" --full-story
expect_exit 0 "feeds --format json" feeds --format json
out_has "feeds shows the flag" '"full_story":true'
expect_exit 0 "feeds as text" feeds
out_has "the text format marks the feed" '\[full\] '

expect_exit 0 "a refresh with stories that fail still succeeds" refresh --all
expect_exit 0 "list --format json" list --format json
cp "$scratch/out" "$scratch/list.json"

# story GUID: the story member of that item ("null" when none).
story() {
	python3 - "$scratch/list.json" "$1" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding='utf-8'):
    item = json.loads(line)
    if item['title'] == sys.argv[2]:
        print(json.dumps(item['story']))
        print(json.dumps(item['summary']))
PY
}
story ferry > "$scratch/ferry"
check "the ferry story is stored" grep -q "The harbour ferry between the old port and Marina Point" "$scratch/ferry"
check "the story is cleaned HTML" grep -q '<p>' "$scratch/ferry"
check "the stored story has no script" sh -c "! grep -qi '<script' '$scratch/ferry'"
story greek > "$scratch/greek"
check "the Greek page, read in its charset" sh -c "head -1 '$scratch/greek' | grep -vq '^null$'"
for name in missing json login huge mailto; do
	story $name > "$scratch/$name"
	check "$name: no story" test "$(head -1 "$scratch/$name")" = null
	check "$name: the feed's summary is kept" grep -q "teaser" "$scratch/$name"
done

# The reasons are stored with the items (what the reader shows).
sqlite_reason() {
	python3 - "$db" "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
row = db.execute("SELECT story_error FROM items WHERE guid = ?", (sys.argv[2],)).fetchone()
print((row[0] or '') if row else 'no row')
PY
}
check "404: one line" test "$(sqlite_reason missing)" = "HTTP 404 Not Found"
case $(sqlite_reason json) in "not an HTML page"*) pass ;; *) fail "json reason: $(sqlite_reason json)" ;; esac
check "login wall: no story found" test "$(sqlite_reason login)" = "no story found on the page"
check "enormous page: capped" test "$(sqlite_reason huge)" = "page larger than 8 MiB"
check "a mailto link is never fetched" test "$(sqlite_reason mailto)" = ""

# A second refresh neither fetches again nor loses the stories.
expect_exit 0 "refresh again" refresh --all
expect_exit 0 "list again" list --format json
check "the story survives a refresh" grep -q "Marina Point" "$scratch/out"

# full-story yes|no.
expect_exit 0 "full-story no" full-story "$base/stories.xml" no
out_has "full-story says so" "no more full stories"
expect_exit 0 "feeds --format json" feeds --format json
out_has "the flag is off" '"full_story":false'
expect_exit 2 "full-story maybe" full-story "$base/stories.xml" maybe
expect_exit 1 "full-story of no feed" full-story "$base/none.xml" yes
expect_exit 0 "full-story yes" full-story Stories yes
out_has "full-story on" "full stories from the next refresh on"

# 50 items on pages that each take 300 ms: fetched in parallel, so far
# under 50 x 0.3 s = 15 s.
{
	printf '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Slow</title>\n'
	n=1
	while [ $n -le 50 ]; do
		item "slow$n" "$base/slow-page?n=$n" "Slow teaser $n"
		n=$((n + 1))
	done
	printf '</channel></rss>\n'
} > "$site/slow.xml"
db=$scratch/slow.db
expect_exit 0 "add the slow feed" add "$base/slow.xml" --full-story
start=$(date +%s%N)
expect_exit 0 "refresh 50 stories" refresh --all
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
printf '50 stories in %d ms\n' "$ms"
check "50 stories in under 6 s (took $ms ms)" test "$ms" -lt 6000
expect_exit 0 "list the slow feed" list --format json
check "all 50 stories are stored" test "$(grep -c 'Marina Point' "$scratch/out")" -eq 50

finish
