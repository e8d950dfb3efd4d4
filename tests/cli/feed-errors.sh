#!/bin/sh
# feed-errors.sh: a feed's parse error stands until a fetch of it parses:
# a 304 (here from file://, which answers from the modification time) after
# a document that was no feed, or after one read only partly, does not pass
# the feed off as "not modified".
. "${top_srcdir:-.}/tests/cli/lib.sh"

db=$scratch/t.db
feed=$scratch/feed.xml
t() { "$TIDINGS" --db "$db" "$@"; }
# The status column of the feed in `feeds --format tsv`.
feed_status() { t feeds --format tsv | cut -f 6; }
stamp() { touch -t "2025010100$1" "$feed"; }

cp "$top_srcdir/tests/data/parse/rss20-basic.xml" "$feed"
stamp 02
t add "file://$feed" > /dev/null
t refresh > /dev/null 2>&1
check "the feed is read (got: $(feed_status))" test "$(feed_status)" = ok

# The file becomes a page, newer: the refresh fails.
printf '<!DOCTYPE html>\n<html><body><p>moved</p></body></html>\n' > "$feed"
stamp 03
t refresh --all > /dev/null 2>&1
check "a page is not a feed (got: $(feed_status))" \
    sh -c 'case "$1" in "not a feed"*) exit 0;; esac; exit 1' sh "$(feed_status)"

# The page comes back from a backup with an older time: a conditional
# request would have it "not modified" since the last good fetch.
stamp 01
t refresh --all > "$scratch/out" 2> "$scratch/err"
check "the page still fails the refresh" test $? -eq 1
check "and is counted failed" grep -q ', 1 failed' "$scratch/out"
check "its error stands (got: $(feed_status))" \
    sh -c 'case "$1" in "not a feed"*) exit 0;; esac; exit 1' sh "$(feed_status)"

# Fixed, whatever its time: read again, and the error goes.
cp "$top_srcdir/tests/data/parse/rss20-basic.xml" "$feed"
stamp 01
t refresh --all > /dev/null 2>&1
check "a fixed feed is read again (got: $(feed_status))" test "$(feed_status)" = ok

# A feed read only partly (here, cut at max-items) keeps saying so when it
# is unchanged.
printf 'max-items 1\n' > "$scratch/conf"
stamp 04
t --config "$scratch/conf" refresh --all > /dev/null 2>&1
check "partly read (got: $(feed_status))" \
    sh -c 'case "$1" in "partly read: "*) exit 0;; esac; exit 1' sh "$(feed_status)"
t --config "$scratch/conf" refresh --all > "$scratch/out" 2>&1
check "an unchanged feed is not modified" grep -q ', 1 not modified, 0 failed' "$scratch/out"
check "and still partly read (got: $(feed_status))" \
    sh -c 'case "$1" in "partly read: "*) exit 0;; esac; exit 1' sh "$(feed_status)"
finish
