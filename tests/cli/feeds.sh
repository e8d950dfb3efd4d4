#!/bin/sh
# feeds.sh: the subscription commands: add, remove, enable, feeds (text, TSV,
# JSON), import of newsboat urls and OPML files, export and its round trip;
# exit statuses, and no escape sequence from a feed or a name ever printed.
. "${top_srcdir:-.}/tests/cli/lib.sh"

db=$scratch/t.db
data=$top_srcdir/tests/data/feedlist
case $top_srcdir in
/*) abs_srcdir=$top_srcdir ;;
*) abs_srcdir=$(cd "$top_srcdir" && pwd) ;;
esac
esc=$(printf '\033')

# The TSV line of the feed whose URL is $1, from `feeds --format tsv`.
feed_line() {
	"$TIDINGS" --db "${2:-$db}" feeds --format tsv | awk -F '\t' -v url="$1" '$2 == url'
}

# 1. Help and usage errors: every command answers --help on standard output.
for cmd in add remove enable feeds import export; do
	expect_exit 0 "$cmd --help" "$cmd" --help
	out_has "$cmd --help" "usage: tidings $cmd"
	expect_exit 0 "$cmd -h" "$cmd" -h
done
expect_exit 2 "add without a URL" add
expect_exit 2 "add with two URLs" add https://a.example/1 https://a.example/2
expect_exit 2 "add with an unknown option" add --bogus https://a.example/feed
expect_exit 2 "remove without a feed" remove
expect_exit 2 "enable with two feeds" enable a b
expect_exit 2 "feeds with an argument" feeds extra
expect_exit 2 "feeds with an unknown format" feeds --format xml
expect_exit 2 "import without a file" import
expect_exit 2 "export with an argument" export extra

# 2. add: http, https and file URLs only.
expect_exit 0 "add https" add https://a.example/feed.xml
out_has "add says so" "^added https://a.example/feed.xml$"
expect_exit 0 "add http with a title and tags" add http://b.example/rss --title "Bee News" --tag news --tag "two words"
expect_exit 0 "add file" add "file://$abs_srcdir/tests/data/parse/rss20-basic.xml"
expect_exit 2 "add ftp" add ftp://c.example/feed
err_has "ftp refused in words" "only http://, https:// and file"
expect_exit 2 "add without a scheme" add c.example/feed
expect_exit 2 "add javascript:" add "javascript:alert(1)"
expect_exit 2 "add a relative file URL" add file://feed.xml
expect_exit 1 "add twice" add https://a.example/feed.xml
err_has "add twice says why" "already subscribed"
line=$(feed_line http://b.example/rss)
check "title and tags stored" [ "$(printf '%s' "$line" | cut -f 1,3)" = "$(printf 'Bee News\tnews,two words')" ]

# 3. feeds: three formats.
expect_exit 0 "feeds" feeds
out_has "feeds text has a header" "^NAME  *UNREAD/TOTAL  *STATUS  *NEXT  *TAGS  *URL"
out_has "feeds text shows a new feed" "Bee News  *0/0  *not fetched yet  *due now  *news,two words  *http://b.example/rss"
check "feeds text: a header and three rows" [ "$(wc -l < "$scratch/out")" -eq 4 ]
expect_exit 0 "feeds tsv" feeds --format tsv
check "feeds tsv: seven fields a line" [ "$(awk -F '\t' 'NF != 7' "$scratch/out" | wc -l)" -eq 0 ]
check "feeds tsv: three lines" [ "$(wc -l < "$scratch/out")" -eq 3 ]
check "feeds tsv: the due date is UTC ISO" [ "$(cut -f 7 "$scratch/out" | grep -c '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z$')" -eq 3 ]
expect_exit 0 "feeds json" feeds --format json
check "feeds json: one object a line" [ "$(grep -c '^{"id":[0-9]*,"name":.*}$' "$scratch/out")" -eq 3 ]
out_has "feeds json: tags as an array" '"tags":\["news","two words"\]'
if command -v python3 > /dev/null; then
	check "feeds json parses" python3 -c 'import json, sys
for line in sys.stdin: json.loads(line)' < "$scratch/out"
fi
expect_exit 0 "feeds on an empty store" --db "$scratch/empty.db" feeds
out_has "an empty store says how to add feeds" "no feeds"
expect_exit 0 "feeds tsv on an empty store" --db "$scratch/empty.db" feeds --format tsv
check "feeds tsv on an empty store prints nothing" [ ! -s "$scratch/out" ]

# 4. remove and enable: by URL or by name; a missing feed is exit 1.
expect_exit 0 "enable a feed that is not disabled" enable "Bee News"
out_has "enable says it was not disabled" "was not disabled"
expect_exit 1 "enable a missing feed" enable https://nowhere.example/feed
err_has "missing feed named" "no feed matches"
expect_exit 1 "remove a missing feed" remove "No Such Feed"
expect_exit 0 "remove by name, any case" remove "bee news"
out_has "remove says what and how many" "^removed Bee News (0 items)$"
check "removed feed gone" [ -z "$(feed_line http://b.example/rss)" ]
expect_exit 0 "remove by URL" remove https://a.example/feed.xml

# 5. The store: unopenable, not a database, bad config: exit 2, one line.
expect_exit 2 "store in an impossible place" --db /proc/x/y.db feeds
check "one line for the store error" [ "$(wc -l < "$scratch/err")" -eq 1 ]
printf 'this is not a database, just some text that is long enough to fill a page header\n' > "$scratch/junk.db"
for cmd in feeds export "add https://x.example/f" "import $data/newsboat-urls" "remove x" "enable x"; do
	# shellcheck disable=SC2086
	expect_exit 2 "$cmd on a non-SQLite file" --db "$scratch/junk.db" $cmd
done
err_has "not a database said" "not an SQLite database"
expect_exit 2 "a missing --config file" --db "$db" --config "$scratch/no-such-config" feeds
printf 'no-such-setting 3\n' > "$scratch/bad-config"
expect_exit 2 "a bad config file" --db "$db" --config "$scratch/bad-config" feeds

# 6. import: newsboat urls, OPML 1.0 and 2.0, categories.
i=$scratch/i.db
expect_exit 0 "import newsboat urls" --db "$i" import "$data/newsboat-urls"
out_has "newsboat counts" "^imported 5 feeds (0 already subscribed, 3 skipped)$"
err_has "skipped query feed warned" "query"
err_has "skipped exec feed warned" "exec"
err_has "a file:// URL is skipped without --allow-file" \
    "skipped file:///home/user/local.xml: a file:// URL (--allow-file imports it)"
check "and not subscribed" [ -z "$(feed_line file:///home/user/local.xml "$i")" ]
expect_exit 0 "import --allow-file takes it" --db "$i" import --allow-file "$data/newsboat-urls"
out_has "--allow-file counts" "^imported 1 feed (5 already subscribed, 2 skipped)$"
check "the file:// feed is subscribed" [ -n "$(feed_line file:///home/user/local.xml "$i")" ]
check "newsboat tags" [ "$(feed_line https://lwn.net/headlines/rss "$i" | cut -f 3)" = "linux,news" ]
check "newsboat title" [ "$(feed_line http://blog.example.org/atom.xml "$i" | cut -f 1)" = "Example Blog" ]
check "newsboat duplicate merged" [ "$(feed_line https://example.com/feed.xml "$i" | cut -f 1,3)" = "$(printf 'Late title\tduplicate')" ]
expect_exit 0 "import the same file again" --db "$i" import --allow-file "$data/newsboat-urls"
out_has "all already subscribed" "^imported 0 feeds (6 already subscribed, 2 skipped)$"
printf 'https://lwn.net/headlines/rss kernel linux\nhttps://new.example/rss\n' > "$scratch/more-urls"
expect_exit 0 "import merges tags" --db "$i" import "$scratch/more-urls"
out_has "one new, one known" "^imported 1 feed (1 already subscribed, 0 skipped)$"
check "tags merged" [ "$(feed_line https://lwn.net/headlines/rss "$i" | cut -f 3)" = "kernel,linux,news" ]
expect_exit 0 "import from standard input" --db "$i" import - < "$data/opml-2.0-nested.opml"
out_has "nested OPML counts" "^imported 3 feeds (1 already subscribed, 0 skipped)$"
check "folders become tags, merged into a known feed" \
    [ "$(feed_line https://lwn.net/headlines/rss "$i" | cut -f 3)" = "Linux,News,Tech,dup,kernel,linux,news,Ελλάδα" ]
check "nested OPML title" [ "$(feed_line https://www.kathimerini.gr/rss "$i" | cut -f 1,3)" = "$(printf 'Καθημερινή\tNews,Ελλάδα')" ]
expect_exit 0 "import OPML 1.0" --db "$i" import "$data/opml-1.0.opml"
out_has "OPML 1.0 counts" "^imported 4 feeds (0 already subscribed, 2 skipped)$"
err_has "the outline without a URL named" "line 13: skipped outline \"A link, not a feed\": it has no xmlUrl and no outline inside"
check "OPML 1.0 Latin-1 title" [ "$(feed_line http://cafe.example.fr/rss "$i" | cut -f 1)" = "Café du Monde" ]
expect_exit 0 "import OPML categories" --db "$i" import "$data/opml-category.opml"
out_has "category counts" "^imported 5 feeds (0 already subscribed, 0 skipped)$"
check "categories become tags" [ "$(feed_line https://cyber.example.edu/rss "$i" | cut -f 3)" = "Berkman,Harvard,Politics" ]
n=$("$TIDINGS" --db "$i" feeds --format tsv | wc -l)
check "every imported feed listed" [ "$n" -eq 19 ]
expect_exit 1 "import hostile OPML" --db "$i" import "$data/opml-evil.opml"
err_has "entities refused" "entit"
expect_exit 1 "import an HTML page" --db "$i" import "$data/not-a-list.html"
err_has "HTML page refused" "not an OPML or urls file"
expect_exit 1 "import a missing file" --db "$i" import "$scratch/no-such-file"
check "failed imports change nothing" [ "$("$TIDINGS" --db "$i" feeds --format tsv | wc -l)" -eq "$n" ]

# An empty list is a mistake, said in one line, and creates no store.
: > "$scratch/empty"
expect_exit 1 "import an empty file" --db "$scratch/none.db" import "$scratch/empty"
err_has "an empty file is named" "^tidings: no feeds in $scratch/empty$"
check "in one line" [ "$(wc -l < "$scratch/err")" -eq 1 ]
check "and no 'imported 0' on stdout" [ ! -s "$scratch/out" ]
check "no store is created for it" [ ! -e "$scratch/none.db" ]
printf '# only a comment\n\n' > "$scratch/comments"
expect_exit 1 "import a file of comments" --db "$i" import - < "$scratch/comments"
err_has "standard input named" "^tidings: no feeds in standard input$"
printf '<?xml version="1.0"?><opml version="2.0"><head/><body/></opml>\n' > "$scratch/empty.opml"
expect_exit 1 "import an OPML without outlines" --db "$i" import "$scratch/empty.opml"
err_has "empty OPML" "no feeds in"

# Hostile lists: file:// URLs are skipped, so refresh never reads
# /etc/shadow for a list found on the web; a list of nothing else fails.
{
	printf '<?xml version="1.0"?><opml version="2.0"><head/><body>\n'
	printf '<outline text="shadow" xmlUrl="file:///etc/shadow"/>\n'
	printf '<outline text="local" xmlUrl="FILE://localhost/etc/passwd"/>\n'
	printf '</body></opml>\n'
} > "$scratch/file-urls.opml"
expect_exit 1 "an OPML of file:// URLs imports nothing" --db "$i" import "$scratch/file-urls.opml"
out_has "both skipped" "^imported 0 feeds (0 already subscribed, 2 skipped)$"
err_has "shadow named" "skipped file:///etc/shadow: a file:// URL"
check "neither subscribed" [ -z "$(feed_line file:///etc/shadow "$i")" ]
check "failed imports change nothing" [ "$("$TIDINGS" --db "$i" feeds --format tsv | wc -l)" -eq "$n" ]
expect_exit 0 "add still takes a file:// URL by hand" --db "$scratch/hand.db" add "file://$scratch/file-urls.opml"

# 7. export, and the round trip: export, import into a fresh store, export.
expect_exit 0 "export" --db "$i" export
cp "$scratch/out" "$scratch/export1.opml"
out_has "OPML 2.0" '<opml version="2.0">'
check "one outline per feed" [ "$(grep -c '<outline ' "$scratch/export1.opml")" -eq "$n" ]
out_has "tags exported" 'category="Berkman,Harvard,Politics"'
if command -v python3 > /dev/null; then
	check "export is well-formed XML" python3 -c 'import sys, xml.dom.minidom
xml.dom.minidom.parse(sys.argv[1])' "$scratch/export1.opml"
fi
expect_exit 0 "import the export" --db "$scratch/round.db" import --allow-file "$scratch/export1.opml"
out_has "every feed back" "^imported $n feeds (0 already subscribed, 0 skipped)$"
expect_exit 0 "export again" --db "$scratch/round.db" export
grep -v '<dateCreated>' "$scratch/export1.opml" > "$scratch/a.opml"
grep -v '<dateCreated>' "$scratch/out" > "$scratch/b.opml"
check "round trip gives the same list" cmp -s "$scratch/a.opml" "$scratch/b.opml"
"$TIDINGS" --db "$i" feeds --format tsv | cut -f 1-3 > "$scratch/a.tsv"
"$TIDINGS" --db "$scratch/round.db" feeds --format tsv | cut -f 1-3 > "$scratch/b.tsv"
check "round trip keeps names, URLs and tags" cmp -s "$scratch/a.tsv" "$scratch/b.tsv"
expect_exit 0 "export of an empty store" --db "$scratch/empty.db" export
out_has "empty export is OPML" "<body>"

# 8. Escape sequences in names and feed titles never reach the terminal.
evil_name=$(printf 'Evil \033[2J\033]0;pwned\007name\033[31m')
expect_exit 0 "add with an escape-laden title" add https://evil.example/rss --title "$evil_name" --tag "$(printf 'tag\033[1m')"
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Bad \033[2J\033]0;owned\007 feed</title>\n<item><title>x\033[2Jy</title><link>http://e.example/1</link></item></channel></rss>\n' > "$scratch/evil.xml"
expect_exit 0 "add the escape-laden feed file" add "file://$scratch/evil.xml"
if "$TIDINGS" refresh --help > /dev/null 2>&1; then
	run refresh --all
	pass
fi
for format in text tsv json; do
	expect_exit 0 "feeds --format $format with escapes" feeds --format "$format"
	no_escape "feeds --format $format"
done
out_has "the name is kept, without its escapes" '"name":"Evil name"'
expect_exit 0 "export with escapes" export
no_escape "export"
expect_exit 0 "remove the escape-laden feed" remove https://evil.example/rss
no_escape "remove"

# 9. enable: a feed the server says is gone (410) is disabled, then enabled.
if start_server; then
	port=${base##*:}
	if [ -n "$port" ]; then
		g=$scratch/gone.db
		expect_exit 0 "add a feed that is gone" --db "$g" add "http://127.0.0.1:$port/410" --title Gone
		run --db "$g" refresh --all
		check "refresh of a gone feed fails" [ "$status" -eq 1 ]
		expect_exit 0 "feeds shows it disabled" --db "$g" feeds
		out_has "disabled with the reason" "Gone  *0/0  *disabled: HTTP 410 Gone.*  disabled  "
		feed_line "http://127.0.0.1:$port/410" "$g" > "$scratch/out"
		check "tsv: disabled with the status" [ "$(cut -f 6 "$scratch/out" | cut -c 1-23)" = "disabled: HTTP 410 Gone" ]
		check "tsv: no due date when disabled" [ -z "$(cut -f 7 "$scratch/out")" ]
		expect_exit 0 "enable it" --db "$g" enable Gone
		out_has "enable says so" "^enabled Gone (due now)$"
		check "enabled: due now, error cleared" [ "$(feed_line "http://127.0.0.1:$port/410" "$g" | cut -f 6)" = "not fetched yet" ]
		expect_exit 0 "feeds after enable" --db "$g" feeds
		out_has "due now after enable" "Gone  *0/0  *not fetched yet  *due now"
	else
		printf 'SKIP: test server did not start: 410 and enable not tested\n'
	fi
else
	printf 'SKIP: python3 or refresh missing: 410 and enable not tested\n'
fi

# 10. Wide, emoji and combining names: the text format counts columns as the
# reader does (width.c: CJK and emoji two, combining marks none), in any
# locale, so the rows line up; a name cut at 40 columns never splits a
# character and ends in an ellipsis.
w=$scratch/wide.db
cjk=$(printf '\346\227\245\346\234\254\350\252\236\343\203\213\343\203\245\343\203\274\343\202\271')
emoji=$(printf '\360\237\223\260 News')
combining=$(printf 'Cafe\314\201 cre\314\200me')
long=$cjk$cjk$cjk
long_cut=$(printf '%s%s\346\227\245\346\234\254\350\252\236\343\203\213\343\203\245 \342\200\246' "$cjk" "$cjk")
expect_exit 0 "add a CJK name" --db "$w" add https://cjk.example/rss --title "$cjk"
expect_exit 0 "add an emoji name" --db "$w" add https://emoji.example/rss --title "$emoji"
expect_exit 0 "add a combining name" --db "$w" add https://combining.example/rss --title "$combining"
expect_exit 0 "add a long CJK name" --db "$w" add https://long.example/rss --title "$long"
expect_exit 0 "add an ASCII name" --db "$w" add https://ascii.example/rss --title Plain
# row_starts NAME COLUMNS [REST]: a row is NAME padded to the 40 columns of
# the widest (cut) name, then the counts right-aligned under their heading.
row_starts() {
	want="$1$(printf '%*s' $((40 - $2)) '')${3-           0/0  not fetched yet}"
	if LC_ALL=C awk -v p="$want" 'index($0, p) == 1 { found = 1 } END { exit !found }' "$scratch/out"; then
		pass
	else
		fail "feeds in $loc: no row starting '$want' in: $(cat "$scratch/out")"
	fi
}
for loc in C C.UTF-8; do
	LC_ALL=$loc "$TIDINGS" --db "$w" feeds > "$scratch/out" 2> "$scratch/err"
	check "feeds in $loc" [ $? -eq 0 ]
	row_starts "NAME" 4 "  UNREAD/TOTAL  STATUS"
	row_starts "$cjk" 14
	row_starts "$emoji" 7
	row_starts "$combining" 10
	row_starts "Plain" 5
	row_starts "$long_cut" 40
done

# 11. C1 and bidi controls in a feed are dropped when it is stored: neither
# `list --format json` nor `feeds` nor `export` gives them back, raw or as
# JSON escapes.
# no_controls DESCRIPTION FILE
no_controls() {
	if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$2" ||
	    LC_ALL=C grep -q "$(printf '\342\200[\252-\256]')" "$2" ||
	    LC_ALL=C grep -q "$(printf '\342\201[\246-\251]')" "$2" ||
	    grep -qi '\\u00[89]\|\\u202[a-e]\|\\u206[6-9]' "$2"; then
		fail "$1: a C1 or bidi control in: $(cat "$2")"
	else
		pass
	fi
}
c=$scratch/controls.db
expect_exit 0 "add a feed full of controls" --db "$c" add "file://$abs_srcdir/tests/data/parse/sanitize-rss.xml"
expect_exit 0 "add a windows-1252 feed" --db "$c" add "file://$abs_srcdir/tests/data/parse/sanitize-windows-1252.xml"
expect_exit 0 "add a JSON Feed full of controls" --db "$c" add "file://$abs_srcdir/tests/data/parse/sanitize-json-feed.json"
expect_exit 0 "refresh them" --db "$c" refresh --all
expect_exit 0 "list them as JSON" --db "$c" list --format json
out_has "titles kept, controls dropped" '"title":"Title 0;owned"'
out_has "windows-1252 undefined bytes dropped" "$(printf '"title":"\342\200\234Quoted\342\200\235 0;titleq')"
no_controls "list --format json" "$scratch/out"
expect_exit 0 "list them as TSV" --db "$c" list
no_controls "list" "$scratch/out"
expect_exit 0 "feeds as JSON" --db "$c" feeds --format json
out_has "feed title stored clean" '"title":"Channel evil name"'
no_controls "feeds --format json" "$scratch/out"
expect_exit 0 "export them" --db "$c" export
out_has "exported title clean" 'text="JSON Feed title"'
no_controls "export" "$scratch/out"

finish
