#!/bin/sh
# navigate.sh: the reader end to end in tmux: the feed list grouped by tag
# with counts, an item list, an article, marks (read, star), help, and quit
# giving the terminal back as it was.

. "${top_srcdir:-.}/tests/tui/tui.lib"

make_feed "$scratch/alpha.xml" "Alpha News" 30 alpha
make_feed "$scratch/beta.xml" "Beta Blog" 3 beta
subscribe "$scratch/alpha.xml" --tag news
subscribe "$scratch/beta.xml"
check "refresh the feeds" refresh_all

start_reader 80 24
expect "the feed list shows the totals" "2 feeds, 33 unread"
expect "an all-unread line" "All unread"
expect "a tag heading with its counts" "news"
expect "an untagged feed with unread/total" "Beta Blog"
case $(line_with "Beta Blog") in
*" 3/3") pass ;;
*) fail "Beta Blog shows 3/3: $(line_with "Beta Blog")" ;;
esac
case $(line_with "Alpha News") in
*"30/30") pass ;;
*) fail "Alpha News shows 30/30: $(line_with "Alpha News")" ;;
esac

# Into Alpha News: the rows below "All unread", "Starred", Beta Blog, news.
keys j j j j Enter
expect "the item list of one feed" "Alpha News, 30 unread"
expect "the newest item first" "alpha 1"
expect "the status line names the filters" "feed: Alpha News | unread only"
case $(screen | sed -n 2p) in
"N  Nov 28 alpha 1") pass ;;
*) fail "row: flags, date, title: $(screen | sed -n 2p)" ;;
esac

# Vi keys and arrows, page down, G and g.
keys G
expect "G goes to the last item" "alpha 30"
keys g
expect "g goes back to the first" "alpha 1"
keys PageDown
expect "PageDown shows the next screen" "alpha 25"
keys Home Down Down Up
keys Enter
expect_line "Enter opens the article" "Title: alpha 2"
expect "the header names the feed" "Feed: Alpha News"
expect "the header has the link" "Link: https://example.org/alpha/2"
expect "the text is rendered" "Story 2 of alpha"
expect "the article is marked read on opening" "| read"
keys q
expect "q goes back to the list" "Alpha News, 29 unread"
expect_line "the opened item lost its N mark" "   Nov 28 alpha 2"

# Toggle read on another item, and star it.
keys j N
expect "N marks read" "marked read"
expect "the unread count follows" "Alpha News, 28 unread"
keys s
expect "s stars" "starred"
case $(line_with "alpha 3") in
" *"*) pass ;;
*) fail "the starred item shows *: $(line_with "alpha 3")" ;;
esac
keys q
expect "back in the feed list, the counts moved" "28/30"
expect "the starred line counts it" "Starred"
case $(line_with "Starred") in
*" 1") pass ;;
*) fail "Starred shows 1: $(line_with "Starred")" ;;
esac

# A marks a feed read, after asking; a feed with nothing unread opens on
# all its items.
keys g j j
keys A
expect "A asks first" "Mark 3 unread items of Beta Blog read? (y/n)"
keys n
expect "n cancels" "cancelled"
keys A y
expect "y marks them" "marked 3 items read"
expect "the feed's count follows" "0/3"
keys Enter
expect "a read feed opens on all its items" "feed: Beta Blog | read and unread"
expect "which are there" "beta 3"
keys q

# Help lists the bindings in force.
keys '?'
expect "? shows the help" "move down one line"
expect "with the keys" "j, Down, C-n"
keys q
expect "q leaves the help" "All unread"

# Quit: the terminal is as it was.
keys q
expect "q quits from the feed list" "reader exited 0"
expect_line "the tty is back in canonical mode with echo" "echo icanon"
check "the alternate screen is left" test "$(pane_var alternate_on)" = 0
check "the cursor is visible" test "$(pane_var cursor_flag)" = 1
check "nothing on stderr" test ! -s "$scratch/stderr.txt"

finish
