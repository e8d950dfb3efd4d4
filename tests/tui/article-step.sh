#!/bin/sh
# article-step.sh: what an article asks of the list it was opened from: the
# next and previous item (n, p), and marks made in the article shown in the
# list on return; the help key closing the help it opened.

. "${top_srcdir:-.}/tests/tui/tui.lib"

make_feed "$scratch/alpha.xml" "Alpha News" 3 alpha
subscribe "$scratch/alpha.xml"
check "refresh the feed" refresh_all

start_reader 80 24
expect "the feed list" "All unread"
keys Enter
expect "the list of all unread items" "alpha 1"
keys Enter
expect_line "Enter opens the first item" "Title: alpha 1"
keys n
expect_line "n steps to the next item of the list" "Title: alpha 2"
keys n
expect_line "n again" "Title: alpha 3"
keys n
expect "past the end the article says so" "this is the last item"
keys p
expect_line "p steps back" "Title: alpha 2"
keys s
expect "s stars in the article" "starred"
keys q
expect "q goes back to the list" "alpha 3"
case $(line_with "alpha 2") in
" *"*) pass ;;
*) fail "the list shows the star made in the article: $(line_with "alpha 2")" ;;
esac
keys g Enter
expect_line "the first item again" "Title: alpha 1"
keys p
expect "before the first the article says so" "this is the first item"
keys q q

keys '?'
expect "? shows the help" "move down one line"
keys '?'
expect "? again closes the help" "All unread"

keys q
expect "q quits" "reader exited 0"

finish
