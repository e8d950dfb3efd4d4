#!/bin/sh
# filter.sh: list --filter (the filter language, its syntax errors), and
# ignore-article rules at refresh: download mode never stores what they
# match, display mode stores it but hides it, and list --ignored shows it.
# Feeds are file:// documents written here.
. "${top_srcdir:-.}/tests/cli/lib.sh"

db=$scratch/t.db
conf=$scratch/config.conf
: > "$conf"

# feed FILE TITLE ITEM...: an RSS 2.0 feed; each ITEM is guid:title:author.
feed() {
	file=$1
	title=$2
	shift 2
	{
		printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>%s</title>\n' "$title"
		n=0
		for item in "$@"; do
			n=$((n + 1))
			guid=${item%%:*}
			rest=${item#*:}
			printf '<item><guid>%s</guid><title>%s</title><author>%s</author>' \
			    "$guid" "${rest%%:*}" "${rest#*:}"
			printf '<pubDate>Mon, 0%d Jan 2024 10:00:00 GMT</pubDate></item>\n' "$n"
		done
		printf '</channel></rss>\n'
	} > "$scratch/$file"
}

# titles ARGS...: the titles list ARGS prints, sorted, on one line.
titles() {
	"$TIDINGS" --db "$db" --config "$conf" list "$@" | cut -f 3 | sort | tr '\n' ',' | sed 's/,$//'
}

same() {
	if [ "$2" = "$3" ]; then pass; else fail "$1: got '$2', not '$3'"; fi
}

# 1. The language on the command line.
expect_exit 2 "a syntax error" list --filter 'title = abc'
err_has "the column" "column 9: expected a value"
err_has "the caret" "^          ^$"
expect_exit 2 "an unclosed parenthesis" list --filter '(title = "x"'
err_has "the parenthesis' column" "column 13"
expect_exit 2 "an unknown attribute" list --filter 'nosuch = "x"'
err_has "the attribute named" "unknown attribute 'nosuch'"
expect_exit 2 "a broken regular expression" list --filter 'title =~ "("'
err_has "the regex refused" "not a regular expression"
expect_exit 0 "a filter on an empty store" list --filter 'unread = "yes"'
check "nothing listed" [ ! -s "$scratch/out" ]
expect_exit 0 "--help names --filter" list --help
out_has "usage" "--filter EXPR"

feed a.xml "Alpha" "a1:Gentoo weekly:frank@example.org (Frank)" \
    "a2:Linux news:john@example.org (John)" "a3:Quote \"this\"; it's fine:x@example.org (X)"
feed b.xml "Beta" "b1:Gentoo again:frank@example.org (Frank)" "b2:BSD notes:amy@example.org (Amy)"
"$TIDINGS" --db "$db" --config "$conf" add "file://$scratch/a.xml" --tag news > /dev/null || fail "add a"
"$TIDINGS" --db "$db" --config "$conf" add "file://$scratch/b.xml" > /dev/null || fail "add b"
expect_exit 0 "refresh without rules" --config "$conf" refresh --all

same "title =~" "$(titles --filter 'title =~ "^gentoo"')" "Gentoo again,Gentoo weekly"
same "tags #" "$(titles --filter 'tags # "news"')" "Gentoo weekly,Linux news,Quote \"this\"; it's fine"
same "and, or, parentheses" \
    "$(titles --filter '(author =~ "john" or author =~ "amy") and feedtitle = "Beta"')" "BSD notes"
same "quotes stay data" "$(titles --filter 'title = "Quote \"this\"; it'"'"'s fine"')" \
    "Quote \"this\"; it's fine"
same "with the other options" "$(titles --filter 'title =~ "gentoo"' --feed Beta)" "Gentoo again"
same "search through the index" "$(titles --filter 'search = "BSD"')" "BSD notes"
check "count" [ "$("$TIDINGS" --db "$db" list --filter 'unread = "yes"' --count)" -eq 5 ]
"$TIDINGS" --db "$db" mark-read --feed Alpha > /dev/null
same "unread" "$(titles --filter 'unread = "yes"')" "BSD notes,Gentoo again"
expect_exit 0 "--ignored with no rules" --config "$conf" list --ignored
check "nothing ignored" [ ! -s "$scratch/out" ]

# 2. Display mode: stored, hidden from list, shown by --ignored.
printf '%s\n' 'ignore-mode display' \
    'ignore-article * "title =~ \"gentoo\""' \
    "ignore-article \"file://$scratch/b.xml\" \"author =~ \\\"amy\\\"\"" > "$conf"
same "display: hidden" "$(titles)" "Linux news,Quote \"this\"; it's fine"
same "display: --ignored" "$(titles --ignored)" "BSD notes,Gentoo again,Gentoo weekly"
same "display: --ignored with a filter" "$(titles --ignored --filter 'feedtitle = "Beta"')" \
    "BSD notes,Gentoo again"
check "display: count" [ "$("$TIDINGS" --db "$db" --config "$conf" list --count)" -eq 2 ]
check "display: still stored" [ "$("$TIDINGS" --db "$db" list --count)" -eq 5 ]

# 3. Download mode: a refresh never stores what the rules match. (A new
# feed: a file rewritten within the second would read as not modified.)
feed c.xml "Gamma" "c1:Gentoo monthly:frank@example.org (Frank)" \
    "c2:Kernel notes:linus@example.org (Linus)"
"$TIDINGS" --db "$db" add "file://$scratch/c.xml" > /dev/null || fail "add c"
printf '%s\n' 'ignore-article * "title =~ \"gentoo\" and age > 1"' > "$conf"
expect_exit 0 "refresh with a download rule" --config "$conf" refresh --all
same "download: the match never stored" "$(titles --feed Gamma)" "Kernel notes"
same "download: stored before, kept" "$(titles --filter 'title =~ "gentoo"')" \
    "Gentoo again,Gentoo weekly"
same "download: nothing hidden" "$(titles --ignored)" ""

# 4. Query feeds: saved expressions with live counts in feeds.
: > "$conf"
expect_exit 0 "add-query" --config "$conf" add-query "Gentoo" 'title =~ "gentoo"' --tag linux
out_has "added" "added query feed Gentoo"
expect_exit 1 "add-query of a name taken" --config "$conf" add-query "Gentoo" 'age > 1'
err_has "the name taken" "exists already"
expect_exit 2 "add-query with a syntax error" --config "$conf" add-query "Bad" 'title = x'
err_has "the column" "column 9"
expect_exit 2 "add-query without an expression" --config "$conf" add-query "Bad"
expect_exit 0 "add-query of unread" --config "$conf" add-query "Unread" 'unread = "yes"'
expect_exit 0 "feeds" --config "$conf" feeds
out_has "a query feed's row" "^\[query\] Gentoo  *1/2  query  *-  *linux  *query:Gentoo:title =~ \"gentoo\"$"
out_has "its counts follow the items" "^\[query\] Unread  *3/3  query"
"$TIDINGS" --db "$db" mark-read --feed Gamma > /dev/null
expect_exit 0 "feeds --format tsv" --config "$conf" feeds --format tsv
out_has "tsv: live counts" "^Unread	query:Unread:unread = \"yes\"		2	2	query	$"
expect_exit 0 "feeds --format json" --config "$conf" feeds --format json
out_has "json" '^{"query":[0-9]*,"name":"Gentoo","expression":"title =~ \\"gentoo\\"","tags":\["linux"\],"unread":1,"total":2,"error":null}$'
printf '%s\n' 'ignore-mode display' 'ignore-article * "title =~ \"again\""' > "$conf"
expect_exit 0 "feeds under a display rule" --config "$conf" feeds --format tsv
out_has "hidden items are not counted" "^Gentoo	.*	0	1	query	$"
: > "$conf"
expect_exit 0 "remove-query" --config "$conf" remove-query Gentoo
expect_exit 1 "remove-query of none" --config "$conf" remove-query Gentoo
err_has "none named" "no query feed"
expect_exit 0 "feeds without it" --config "$conf" feeds
check "the query feed is gone" [ "$(grep -c '^\[query\]' "$scratch/out")" -eq 1 ]

# 5. Bad rules are configuration errors.
printf '%s\n' 'ignore-article * "title ="' > "$conf"
expect_exit 2 "a rule with a syntax error" --config "$conf" list
err_has "the rule's column" "column 8: expected a value"
printf '%s\n' 'ignore-article * "search = \"x\""' > "$conf"
expect_exit 2 "a search rule in download mode" --config "$conf" refresh --all
err_has "search refused" "search is not available"
printf '%s\n' 'ignore-mode hide' > "$conf"
expect_exit 2 "an unknown ignore-mode" --config "$conf" list
err_has "the mode named" "hide is not download or display"

finish
