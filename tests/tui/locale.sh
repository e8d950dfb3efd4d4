#!/bin/sh
# locale.sh: the reader in a locale that is not UTF-8 (LANG=C): Greek text
# it cannot show comes out as '?', one a column, never as raw bytes, and
# every line keeps its layout; in a Greek 8-bit locale the letters are
# shown; the headless commands write UTF-8 whatever the locale.

. "${top_srcdir:-.}/tests/tui/tui.lib"

make_titled_feed "$scratch/greek.xml" "Ειδήσεις" "Καιρός: βροχές αύριο" "Αθλητικά νέα"
make_titled_feed "$scratch/latin.xml" "Latin News" "Plain title"
subscribe "$scratch/greek.xml"
subscribe "$scratch/latin.xml"
check "refresh the feeds" refresh_all

# LC_ALL empty, so that LANG decides, as on a machine set up with LANG=C.
start_reader 80 24 LC_ALL= LANG=C
expect "the feed list" "tidings: 2 feeds, 3 unread"
# The Greek name is eight letters: eight '?', and the counts still end the
# line, where the Latin feed's do.
expect_line "the Greek feed as '?', in its columns" \
    "  ????????                                                                   2/2"
expect_line "the Latin feed beside it" \
    "  Latin News                                                                 1/1"
keys Enter
expect "the items" "all feeds | unread only"
expect "a Greek title as '?', colon and spaces kept" "??????: ?????? ?????"
check "every line of the screen is printable ASCII" \
    sh -c '! tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | LC_ALL=C grep -q "[^ -~]"' \
    sh "$socket" "$pane"
keys Q
expect "quit" "reader exited 0"

# A locale whose charset has Greek letters shows them.
if locale -a 2>/dev/null | grep -qi '^el_GR\.iso88597$'; then
	start_reader 80 24 LC_ALL=el_GR.ISO-8859-7
	expect "the Greek feed's name in ISO-8859-7" "Ειδήσεις"
	keys Q
	expect "quit the Greek reader" "reader exited 0"
fi

# Headless output is UTF-8 whatever the locale.
LC_ALL=C "$TIDINGS" --db "$db" list > "$scratch/list"
check "list in LANG=C writes UTF-8" grep -q "Καιρός: βροχές αύριο" "$scratch/list"
finish
