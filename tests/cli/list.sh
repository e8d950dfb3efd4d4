#!/bin/sh
# list.sh: the item commands: list with its filters and formats, --count,
# mark-read, mark-unread, star and unstar; exit statuses; no escape sequence
# printed. Items come from file:// feeds through the real refresh.
. "${top_srcdir:-.}/tests/cli/lib.sh"

db=$scratch/t.db
case $top_srcdir in
/*) abs_srcdir=$top_srcdir ;;
*) abs_srcdir=$(cd "$top_srcdir" && pwd) ;;
esac
parse=$abs_srcdir/tests/data/parse
esc=$(printf '\033')

out_is() {
	if [ "$(cat "$scratch/out")" = "$2" ]; then pass; else fail "$1: got '$(cat "$scratch/out")', not '$2'"; fi
}

# count ARGS...: what list ARGS --count prints.
count() {
	"$TIDINGS" --db "$db" list "$@" --count
}

# 1. Help and usage errors; these need no items.
for cmd in list mark-read mark-unread star unstar; do
	expect_exit 0 "$cmd --help" "$cmd" --help
	if grep -q "usage: tidings $cmd" "$scratch/out"; then pass; else fail "$cmd --help: no usage"; fi
done
expect_exit 2 "list with an argument" list extra
expect_exit 2 "list with an unknown format" list --format text
expect_exit 2 "list --limit 0" list --limit 0
expect_exit 2 "list --limit x" list --limit x
expect_exit 2 "list --limit -3" list --limit -3
expect_exit 2 "list --since garbage" list --since "next tuesday"
err_has "the bad date named" "next tuesday"
expect_exit 2 "list --since 7x" list --since 7x
expect_exit 2 "list --search of nothing" list --search "   "
expect_exit 2 "list --feed twice" list --feed a --feed b
expect_exit 2 "mark-read without a scope" mark-read
expect_exit 2 "mark-read with two scopes" mark-read --all --tag x
expect_exit 2 "mark-read with a scope and ids" mark-read --all 3
expect_exit 2 "mark-unread of a word" mark-unread three
expect_exit 2 "star without items" star
expect_exit 2 "unstar of a negative id" unstar -- -4
expect_exit 2 "star of id 0" star 0
expect_exit 2 "list on an unopenable store" --db /proc/x/y.db list
expect_exit 2 "count on an unopenable store" --db /proc/x/y.db list --unread --count
printf 'this is not a database, just some text that is long enough to fill a page header\n' > "$scratch/junk.db"
expect_exit 2 "list on a non-SQLite file" --db "$scratch/junk.db" list
expect_exit 2 "mark-read on a non-SQLite file" --db "$scratch/junk.db" mark-read --all
expect_exit 2 "star on a non-SQLite file" --db "$scratch/junk.db" star 1
expect_exit 0 "list on an empty store" list
check "nothing listed" [ ! -s "$scratch/out" ]
expect_exit 0 "count on an empty store" list --count
out_is "count is 0" 0
expect_exit 1 "list of a missing feed" list --feed "No such feed"
err_has "missing feed named" "no feed matches"
expect_exit 1 "list of a tag no feed has" list --tag nope
expect_exit 1 "mark-read of a missing feed" mark-read --feed nope
expect_exit 1 "mark-read of a missing item" mark-read 12345
err_has "missing item named" "no item 12345"

# 2. Items, through the real refresh of file:// feeds.
if ! "$TIDINGS" refresh --help > /dev/null 2>&1; then
	printf 'SKIP: no refresh command yet: the listing checks need items\n'
	finish
	exit
fi

# A feed large enough that listing it takes many buffer flushes.
{
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Big</title>\n'
	awk 'BEGIN { for (i = 1; i <= 1500; i++)
		printf "<item><guid>big-%d</guid><title>big item %d</title><link>http://big.example/%d</link><pubDate>Mon, 01 Jan 2024 %02d:%02d:00 GMT</pubDate></item>\n", i, i, i, int(i / 60) % 24, i % 60 }'
	printf '</channel></rss>\n'
} > "$scratch/big.xml"
# A copy of a fixture under a name full of escape sequences.
cp "$parse/rss10.xml" "$scratch/rss10-copy.xml"
evil_name=$(printf 'Evil \033[2J\033]0;pwned\007name')

"$TIDINGS" --db "$db" add "file://$parse/rss20-basic.xml" --tag news > /dev/null || fail "add rss20"
"$TIDINGS" --db "$db" add "file://$parse/atom10.xml" --tag news --tag greek > /dev/null || fail "add atom"
"$TIDINGS" --db "$db" add "file://$parse/rss10.xml" > /dev/null || fail "add rss10"
"$TIDINGS" --db "$db" add "file://$parse/rss091-itunes-media.xml" --title Podcast > /dev/null || fail "add rss091"
"$TIDINGS" --db "$db" add "file://$scratch/big.xml" --title Big --tag bulk > /dev/null || fail "add big"
"$TIDINGS" --db "$db" add "file://$scratch/rss10-copy.xml" --title "$evil_name" > /dev/null || fail "add evil"
expect_exit 0 "refresh the file feeds" refresh --all

expect_exit 0 "list" list
total=$(wc -l < "$scratch/out")
check "items listed" [ "$total" -gt 1500 ]
check "count matches the listing" [ "$(count)" -eq "$total" ]
check "TSV: four fields a line" [ "$(awk -F '\t' 'NF != 4' "$scratch/out" | wc -l)" -eq 0 ]
check "TSV: UTC ISO dates" [ "$(cut -f 2 "$scratch/out" | grep -cv '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z$')" -eq 0 ]
cut -f 2 "$scratch/out" > "$scratch/dates"
sort -r "$scratch/dates" > "$scratch/sorted"
check "newest first" cmp -s "$scratch/dates" "$scratch/sorted"
no_escape "list TSV"
check "the escaped feed name, cleaned" grep -q "^Evil name	" "$scratch/out"
check "an item of the big feed" grep -q "^Big	2024-01-01T00:07:00Z	big item 7	http://big.example/7$" "$scratch/out"

# Formats.
expect_exit 0 "list json" list --format json
check "json: as many lines" [ "$(wc -l < "$scratch/out")" -eq "$total" ]
check "json: objects with a numeric id" [ "$(grep -c '^{"id":[0-9]*,"feed":".*","feed_id":[0-9]*,"date":"[^"]*","title":.*"read":false,"starred":false,"summary":.*,"content":.*}$' "$scratch/out")" -eq "$total" ]
no_escape "list JSON"
if command -v python3 > /dev/null; then
	check "json parses" python3 -c 'import json, sys
for line in sys.stdin: json.loads(line)' < "$scratch/out"
fi
check "json: content is there" grep -q '"content":"<p>The full story &amp; more.</p>"' "$scratch/out"

# Filters.
expect_exit 0 "list --limit 3" list --limit 3
check "three lines" [ "$(wc -l < "$scratch/out")" -eq 3 ]
"$TIDINGS" --db "$db" list | head -n 3 > "$scratch/head"
check "limit takes the newest" cmp -s "$scratch/out" "$scratch/head"
expect_exit 0 "list --feed by name" list --feed Big
check "the big feed's 1500 items" [ "$(wc -l < "$scratch/out")" -eq 1500 ]
check "only the big feed" [ "$(cut -f 1 "$scratch/out" | sort -u)" = Big ]
check "--feed by URL" [ "$(count --feed "file://$scratch/big.xml")" -eq 1500 ]
check "--feed by name ignoring case" [ "$(count --feed podcast)" -eq 1 ]
expect_exit 0 "list --tag" list --tag greek
check "the tag's feed only" [ "$(cut -f 1 "$scratch/out" | sort -u)" = "Το ιστολόγιο" ]
check "--tag count" [ "$(count --tag news)" -eq 5 ]
expect_exit 0 "list --search" list --search umlaute
check "search: both copies of the item" [ "$(wc -l < "$scratch/out")" -eq 2 ]
check "search: the right title" [ "$(cut -f 3 "$scratch/out" | sort -u)" = "Ärger über Umlaute" ]
check "search: words are prefixes, all must match" [ "$(count --search "big ite 77")" -eq 11 ]
check "search: quotes are only words" [ "$(count --search '"big OR')" -eq 0 ]
check "--since a day" [ "$(count --since 2024-01-01)" -eq "$total" ]
check "--since a date and time" [ "$(count --since 2024-01-01T23:00:00Z --feed Big)" -eq 60 ]
check "--since an RFC 822 date" [ "$(count --since 'Mon, 01 Jan 2024 23:00:00 GMT' --feed Big)" -eq 60 ]
check "--since the future" [ "$(count --since 2999-01-01)" -eq 0 ]
check "--since 100000d" [ "$(count --since 100000d)" -eq "$total" ]
n=$(count --since 1h)
if [ "$n" -ge 1 ] && [ "$n" -lt "$total" ]; then pass; else fail "--since 1h: $n items"; fi
"$TIDINGS" --db "$db" list --since 2026-11-27 | cut -f 2 | awk '$0 < "2026-11-27"' > "$scratch/early"
check "--since: nothing older listed" [ ! -s "$scratch/early" ]
check "--count honours --limit" [ "$(count --limit 4)" -eq 4 ]

# 3. Read and starred state.
check "everything unread at first" [ "$(count --unread)" -eq "$total" ]
expect_exit 0 "mark-read --feed" mark-read --feed Big
out_is "1500 marked" "marked 1500 items read"
check "unread count drops" [ "$(count --unread)" -eq $((total - 1500)) ]
expect_exit 0 "mark-read --feed again" mark-read --feed Big
out_is "nothing left to mark" "marked 0 items read"
expect_exit 0 "mark-unread --tag" mark-unread --tag bulk
out_is "1500 unmarked" "marked 1500 items unread"
expect_exit 0 "mark-read --all" mark-read --all
out_is "all marked" "marked $total items read"
check "no unread left" [ "$(count --unread)" -eq 0 ]
expect_exit 0 "list --unread when all are read" list --unread
check "nothing unread listed" [ ! -s "$scratch/out" ]
expect_exit 0 "mark-unread --all" mark-unread --all
out_is "all unmarked" "marked $total items unread"

id1=$("$TIDINGS" --db "$db" list --format json --feed Podcast | sed -n 's/^{"id":\([0-9]*\),.*/\1/p')
id2=$("$TIDINGS" --db "$db" list --format json --search foremost | sed -n 's/^{"id":\([0-9]*\),.*/\1/p')
if [ -n "$id1" ] && [ -n "$id2" ]; then pass; else fail "ids from JSON: '$id1' '$id2'"; fi
expect_exit 0 "mark-read ITEM ITEM" mark-read "$id1" "$id2"
out_is "two marked" "marked 2 items read"
check "two fewer unread" [ "$(count --unread)" -eq $((total - 2)) ]
expect_exit 0 "mark-read of a read item" mark-read "$id1"
out_is "already read: none changed" "marked 0 items read"
"$TIDINGS" --db "$db" list --format json --feed Podcast > "$scratch/p"
check "json says read" grep -q '"read":true' "$scratch/p"
expect_exit 1 "mark-unread of one missing and one real item" mark-unread 999999 "$id1"
out_is "the real one still changed" "marked 1 item unread"
err_has "the missing one named" "no item 999999"
expect_exit 0 "star" star "$id1" "$id2"
out_is "two starred" "starred 2 items"
expect_exit 0 "list --starred" list --starred
check "the starred items" [ "$(wc -l < "$scratch/out")" -eq 2 ]
check "--starred --count" [ "$(count --starred)" -eq 2 ]
check "--starred --unread" [ "$(count --starred --unread)" -eq 1 ]
expect_exit 0 "star again" star "$id1"
out_is "already starred" "starred 0 items"
expect_exit 0 "unstar" unstar "$id1"
out_is "one unstarred" "unstarred 1 item"
check "one starred left" [ "$(count --starred)" -eq 1 ]
expect_exit 1 "unstar a missing item" unstar 999999
# Starred state survives a refresh; read state too.
expect_exit 0 "refresh again" refresh --all
check "starred kept over a refresh" [ "$(count --starred)" -eq 1 ]
check "read kept over a refresh" [ "$(count --unread)" -eq $((total - 1)) ]

# 4. Removing a feed removes its items from the listing.
expect_exit 0 "remove the big feed" remove Big
check "its items are gone" [ "$(count)" -eq $((total - 1500)) ]
expect_exit 0 "list after the removal" list
no_escape "list after the removal"

finish
