#!/bin/sh
# options.sh: every command parses its command line the same way: options
# before, after or among the operands (GNU-style permutation), "--" ending
# the options so that an operand may start with a dash, --name=value as
# well as --name value, and no short options but -h (and -V globally).
. "${top_srcdir:-.}/tests/cli/lib.sh"

db=$scratch/t.db
case $top_srcdir in
/*) abs_srcdir=$top_srcdir ;;
*) abs_srcdir=$(cd "$top_srcdir" && pwd) ;;
esac
feed=$abs_srcdir/tests/data/parse/rss20-basic.xml
cp "$feed" "$scratch/-dash.xml"
cp "$abs_srcdir/tests/data/extract/wordpress-news.html" "$scratch/page.html"
cp "$scratch/page.html" "$scratch/-page.html"
printf 'file://%s\n' "$feed" > "$scratch/urls"

# Options after the operand, for every command that has options.
expect_exit 0 "add URL --title T --tag" add "file://$feed" --title Latin --tag news
expect_exit 0 "add URL --title=T --tag=" add "file://$scratch/-dash.xml" --title=Dash --tag=x
expect_exit 0 "feeds --format=json" feeds --format=json
out_has "feeds --format=json" '"name":"Latin"'
expect_exit 0 "refresh FEED --quiet" refresh Latin --quiet
if [ -s "$scratch/out" ]; then fail "refresh Latin --quiet printed: $(cat "$scratch/out")"; else pass; fi
expect_exit 0 "refresh FEED --all --quiet" refresh Dash --all --quiet
expect_exit 0 "list --feed=F --count" list --feed=Latin --count
out_has "list --feed=F --count" '^[1-9][0-9]*$'
n=$(cat "$scratch/out")
expect_exit 0 "list --limit 1 --count --unread" list --count --limit 1 --unread
expect_exit 0 "list --format=json --limit=1" list --format=json --limit=1
id=$(sed -n 's/^{"id":\([0-9]*\),.*/\1/p' "$scratch/out")
[ -n "$id" ] && pass || fail "no id in: $(cat "$scratch/out")"
expect_exit 0 "mark-read ITEM" mark-read "$id"
expect_exit 0 "mark-unread --feed F after nothing" mark-unread --feed Latin
expect_exit 0 "star ITEM" star "$id"
expect_exit 0 "unstar ITEM --" unstar -- "$id"
expect_exit 0 "full-story FEED yes" full-story Latin yes
expect_exit 0 "parse FILE --json --url U" parse "$feed" --json --url https://x.example/
out_has "parse FILE --json" '^{"format":'
expect_exit 0 "extract FILE --width 20 --html" extract "$scratch/page.html" --width 20 --html
out_has "extract --html after the file" '<p>'
expect_exit 0 "help COMMAND --synopses" help list --synopses
expect_exit 0 "import FILE --allow-file" import "$scratch/urls" --allow-file
expect_exit 0 "export" export

# "--" ends the options in every command that takes operands: what follows
# is an operand even when it starts with a dash.
run parse -- "$scratch/-dash.xml"
[ "$status" -eq 0 ] && pass || fail "parse -- -FILE: $(cat "$scratch/err")"
(cd "$scratch" && "$TIDINGS" --db "$db" parse -- -dash.xml > /dev/null 2>&1) &&
    pass || fail "parse -- -dash.xml (relative)"
(cd "$scratch" && "$TIDINGS" --db "$db" extract --html -- -page.html > /dev/null 2>&1) &&
    pass || fail "extract -- -page.html"
expect_exit 1 "remove -- -x: no such feed" remove -- -x
err_has "remove -- -x names the feed" 'no feed matches "-x"'
expect_exit 1 "enable -- --quiet: a feed name" enable -- --quiet
err_has "enable -- --quiet" 'no feed matches "--quiet"'
expect_exit 1 "refresh -- --quiet is a feed" refresh -- --quiet
err_has "refresh -- --quiet" 'no feed matches "--quiet"'
expect_exit 1 "full-story -- -x yes" full-story -- -x yes
expect_exit 2 "star -- -5: an operand, not an option" star -- -5
err_has "star -- -5" "'-5' is not an item id"
expect_exit 2 "mark-read -- -5" mark-read -- -5
err_has "mark-read -- -5" "'-5' is not an item id"
expect_exit 2 "list takes no operand, not even after --" list -- --unread
err_has "list -- --unread" 'takes no arguments'
expect_exit 2 "add -- -x is no URL" add -- -x
expect_exit 1 "import -- -FILE: a file, not an option" import -- -nothing-here
err_has "import -- -FILE" "-nothing-here"
expect_exit 0 "help -- list" help -- list
out_has "help -- list" 'usage: tidings list'

# Only --help has a short form in the commands; the long options are the
# documented ones.
for short in "list -u" "list -c" "refresh -a" "refresh -q" "feeds -f json" "add -t T x" \
    "parse -j $feed" "extract -H $scratch/page.html" "mark-read -a" "help -s"; do
	# shellcheck disable=SC2086
	expect_exit 2 "$short is refused" $short
	err_has "$short names the option" "unknown option '-"
done
for cmd in add remove enable full-story feeds import export refresh list mark-read \
    mark-unread star unstar parse extract help; do
	expect_exit 0 "$cmd -h" "$cmd" -h
	out_has "$cmd -h" "usage: tidings $cmd"
	expect_exit 0 "$cmd ARG --help: --help anywhere" "$cmd" x --help
done
expect_exit 0 "tidings -V" -V
expect_exit 0 "tidings -h" -h

# The same under POSIXLY_CORRECT, which would stop getopt at the first operand.
POSIXLY_CORRECT=1 "$TIDINGS" --db "$db" parse "$feed" --json > "$scratch/out" 2> "$scratch/err" &&
    grep -q '^{"format":' "$scratch/out" && pass ||
    fail "POSIXLY_CORRECT parse FILE --json: $(cat "$scratch/err")"
POSIXLY_CORRECT=1 "$TIDINGS" --db "$db" list --feed Latin --count > "$scratch/out" 2>&1 &&
    [ "$(cat "$scratch/out")" = "$n" ] && pass || fail "POSIXLY_CORRECT list: $(cat "$scratch/out")"

# A flag given a value, and an option that needs one.
expect_exit 2 "--quiet=yes" refresh --quiet=yes
err_has "--quiet=yes" '--quiet takes no value'
expect_exit 2 "list --limit" list --limit
err_has "list --limit" '--limit needs a value'

finish
