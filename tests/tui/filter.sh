#!/bin/sh
# filter.sh: filtering in the reader: by source (a feed, a tag), by keywords
# typed in the filter line (the list narrows as one types, in the source or
# in all feeds), unread only against all items; filters combine, the status
# line always names them, and one key clears them.

. "${top_srcdir:-.}/tests/tui/tui.lib"

make_titled_feed "$scratch/tech.xml" "Tech Daily" \
    "Kernel release brings new schedulers" "Kernel bug fixed in a week" \
    "Compilers and caches" "Keyboards for programmers"
make_titled_feed "$scratch/home.xml" "Home and Garden" \
    "Garden tips for winter" "Kernels of corn, a recipe"
make_titled_feed "$scratch/greek.xml" "Ειδήσεις" \
    "Καιρός: βροχές αύριο" "Αθλητικά νέα"
subscribe "$scratch/tech.xml" --tag tech
subscribe "$scratch/home.xml" --tag home
subscribe "$scratch/greek.xml" --tag tech
check "refresh the feeds" refresh_all

start_reader 80 24
expect "the feed list" "3 feeds, 8 unread"

# By source: the tag "tech" (rows: all unread, starred, home, its feed,
# tech) holds Tech Daily and Ειδήσεις.
keys j j j j
keys Enter
expect "a tag's items" "tidings: tech, 6 unread"
expect "the status line names the tag" "tag: tech | unread only"
expect "an item of the Greek feed is there" "Αθλητικά νέα"
expect_gone "no item of another tag" "Garden tips"

# By keyword, narrowing as one types.
keys /
expect "the filter line opens, scoped to the tag" "/ in tech (Tab: all feeds):"
# (One letter is a whole word to the store: "k" alone matches nothing.)
type_text "ke"
expect "two letters narrow" "tidings: tech, 3 unread"
type_text "rn"
expect "more letters narrow more" "tidings: tech, 2 unread"
expect "matches in the source" "Kernel bug fixed in a week"
expect_gone "the rest is gone" "Keyboards for programmers"
keys Tab
expect "Tab looks in all feeds" "/ in all feeds:"
expect "a match from another tag" "Kernels of corn, a recipe"
keys Enter
expect "the filters combine on the status line" "all feeds | unread only | /kern"
keys Tab
expect "Tab means nothing outside the filter line" "is not bound"

# Esc puts the list back as it was.
keys /
type_text " zzzz"
expect "no match" "No item matches these words."
keys Escape
expect "Esc restores the filter" "all feeds | unread only | /kern"
expect "and the list" "Kernels of corn, a recipe"

# Unread only against all items.
keys g N
expect "marked read" "marked read"
keys Down
keys Enter
expect "an article" "Title: "
keys q
keys u
expect "u shows read items too" "all feeds | read and unread | /kern"
# The status line says the filter once: no message repeats it.
expect_line "the status line says it once" "all feeds | read and unread | /kern"
keys u
expect "u again: unread only" "all feeds | unread only | /kern"
expect_line "and says that once" "all feeds | unread only | /kern"
expect "and the read ones are gone" "tidings: all feeds, 1 unread"

# One key clears every filter.
keys c
expect_line "c clears, and says so once" "all feeds | read and unread | filters cleared"
expect_gone "no keyword left" "/kern"
expect "every item of every feed" "tidings: all feeds, 8 items, 6 unread"

# Greek keywords, and a search from the feed list across all feeds.
keys q
expect "back in the feed list" "3 feeds, 6 unread"
keys /
expect "the filter from the feed list looks everywhere" "/ in all feeds:"
type_text "καιρ"
expect "a Greek word matches" "Καιρός: βροχές αύριο"
expect_gone "nothing else" "Αθλητικά νέα"
keys Enter
keys u
expect_line "one item is one item, not 1 items" "tidings: all feeds, 1 item"
keys q
expect "q goes back to the feed list" "3 feeds, 6 unread"

keys q
expect "quit" "reader exited 0"
finish
