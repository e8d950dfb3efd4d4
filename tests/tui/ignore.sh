#!/bin/sh
# ignore.sh: the reader hides what ignore-article rules in display mode
# match, in every list of items, and shows the rest.

. "${top_srcdir:-.}/tests/tui/tui.lib"

make_titled_feed "$scratch/news.xml" "News" \
    "Kernel release" "Sponsored: buy now" "Garden tips"
subscribe "$scratch/news.xml"
check "refresh the feed" refresh_all
mkdir -p "$XDG_CONFIG_HOME/tidings"
printf '%s\n' 'ignore-mode display' 'ignore-article * "title =~ \"^sponsored\""' \
    > "$XDG_CONFIG_HOME/tidings/config"

start_reader 80 24
expect "the feed list" "1 feed"
keys Enter
expect "an item shown" "Kernel release"
expect "another" "Garden tips"
expect_gone "the ignored item hidden" "Sponsored: buy now"
keys q
expect "back in the feed list" "1 feed"
keys Q
expect "quit" "reader exited 0"
finish
