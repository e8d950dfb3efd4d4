#!/bin/sh
# plurals.sh: a count says its noun in the singular for one ("1 item",
# "refreshed 1 feed", "1 story"): every message goes through plural_noun
# (src/plural.c), which the first check enforces on the sources; the others
# read real messages.
. "${top_srcdir:-.}/tests/cli/lib.sh"

# 1. No message glues a count to a noun by hand: a conversion followed by
# one of the nouns tidings counts, or a suffix chosen inline. (A rate in
# bytes/s is a unit, not a count of bytes.)
nouns='(new |unread |local )?(item|feed|stor|link|line|article|change|byte)'
grep -nE "%(l|ll|z|j)?[du] $nouns" "$top_srcdir"/src/*.c | grep -v 'bytes/s' > "$scratch/glued"
grep -nE '== 1 \? "[a-z ]*" : "[a-z ]*"' "$top_srcdir"/src/*.c >> "$scratch/glued"
if [ -s "$scratch/glued" ]; then
	fail "counts pluralized by hand, not with plural_noun:"
	cat "$scratch/glued" >&2
else
	pass
fi

db=$scratch/t.db
feed=$scratch/feed.xml

# 2. A broken feed with one item recovered.
printf '<rss version="2.0"><channel><title>T</title><item><title>one</title></item>\n<item><title>tw' \
    > "$scratch/broken.xml"
expect_exit 1 "parse of a broken feed" parse "$scratch/broken.xml"
err_has "one item kept, singular" "(kept 1 item)$"

# 3. One feed, one item: refresh, the status of a feed cut at one item,
# mark-read and remove.
printf '<rss version="2.0"><channel><title>T</title><item><title>a</title><guid>a</guid></item><item><title>b</title><guid>b</guid></item></channel></rss>\n' \
    > "$feed"
printf 'max-items 1\n' > "$scratch/conf"
run add "file://$feed"
run --db "$db" --config "$scratch/conf" refresh
out_has "refreshed 1 feed: 1 new item" "^refreshed 1 feed: 1 new item, "
run feeds --format tsv
out_has "more than 1 item" "partly read: more than 1 item; the rest were ignored"
run mark-read --all
out_has "marked 1 item read" "^marked 1 item read$"
run remove "file://$feed"
out_has "removed with 1 item" "(1 item)$"
finish
