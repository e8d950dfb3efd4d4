#!/bin/sh
# resize.sh: resizing reflows every view (lists cut to the new width with
# "…", the article rewrapped), columns stay aligned by display width with
# Greek, Cyrillic, CJK and emoji, and the reader is usable at 40x10.

. "${top_srcdir:-.}/tests/tui/tui.lib"

make_titled_feed "$scratch/wide.xml" "Wide 世界 🌍" \
    "日本語のタイトルは二列ずつ使います" \
    "Ελληνικός τίτλος με αρκετά μεγάλο μήκος για να κοπεί στο τέλος" \
    "Русский заголовок достаточно длинный чтобы его обрезать" \
    "Emoji 🎉 and more emoji ✅ in a title long enough to be cut somewhere"
make_titled_feed "$scratch/narrow.xml" "Narrow" "A plain ASCII title"
cat >"$scratch/long.xml" <<'EOF_FEED'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Long Reads</title>
<item><title>A long article</title><guid>long-1</guid>
<pubDate>20 Nov 2025 12:00:00 +0000</pubDate>
<description>&lt;p&gt;one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive twentysix twentyseven twentyeight twentynine thirty.&lt;/p&gt;</description>
</item></channel></rss>
EOF_FEED
subscribe "$scratch/wide.xml"
subscribe "$scratch/narrow.xml"
subscribe "$scratch/long.xml"
check "refresh the feeds" refresh_all

# The display column where TEXT starts on its line of the screen.
column_of() {
	line_with "$1" | sed "s/$1.*//" | tr -d '\n' | wc -L
}

start_reader 80 24
expect "the feed list" "3 feeds, 6 unread"
# All unread: every feed, so a source column.
keys Enter
expect "the list of all unread items" "tidings: all feeds, 6 unread"
expect "a whole title at 80 columns" "A plain ASCII title"
c1=$(column_of "日本語")
c2=$(column_of "Ελληνικός")
c3=$(column_of "Русский")
c4=$(column_of "Emoji")
c5=$(column_of "A plain ASCII")
check "titles start in one column whatever the source's script ($c1 $c2 $c3 $c4 $c5)" \
    test "$c1" = "$c5" -a "$c2" = "$c5" -a "$c3" = "$c5" -a "$c4" = "$c5"
check "the source column cuts a wide name by display width" \
    test "$(line_with "日本語" | cut -c1-3)" = "N  "

tmux_do resize-window -t reader -x 50 -y 12
expect "the list reflows: long titles cut with an ellipsis" "…"
expect "the status line is on the new last line" "all feeds | unread only"
check "the status line is line 12" test "$(screen | sed -n 12p | cut -c1-9)" = "all feeds"
check "no line is wider than 50 columns" test "$(screen | wc -L)" -le 50
c1=$(column_of "日本語")
c5=$(column_of "A plain ASCII")
check "still aligned at 50 columns ($c1 $c5)" test "$c1" = "$c5"

# The article rewraps to the new width (the long article is the oldest).
keys G Enter
expect "the article" "Title: A long article"
# The article's length in lines, from its status line ("6/9 lines").
article_lines() {
	screen | sed -n 's|.*[0-9]*/\([0-9]*\) lines.*|\1|p'
}
lines_at_50=$(article_lines)
tmux_do resize-window -t reader -x 80 -y 24
expect "back at 80 columns" "Title: A long article"
# Only the 80-column layout has "ten eleven" on one line.
wait_for "ten eleven" >/dev/null
lines_at_80=$(article_lines)
check "fewer lines at 80 columns than at 50 ($lines_at_80 < $lines_at_50)" \
    test "$lines_at_80" -lt "$lines_at_50"

# 40x10: every view still has its title, rows and status line.
tmux_do resize-window -t reader -x 40 -y 10
expect "the article at 40x10" "Title: A long article"
check "its status line is line 10" test -n "$(screen | sed -n 10p | grep lines)"
keys q
expect "the list at 40x10 (one read now)" "tidings: all feeds, 5 unread"
check "the list's status line is line 10" \
    test "$(screen | sed -n 10p | cut -c1-9)" = "all feeds"
keys q
expect "the feed list at 40x10" "All unread"
check "nothing wider than 40 columns" test "$(screen | wc -L)" -le 40
keys '?'
expect "help at 40x10" "move down one line"
keys q q
expect "quit" "reader exited 0"
finish
