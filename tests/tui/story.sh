#!/bin/sh
# story.sh: the reader's full stories: x on an item fetches its web page in
# the background and the article shows the story found there; X switches
# back to the feed's own content and again to the story; a page without a
# story gives one line and the item keeps its feed content.

. "${top_srcdir:-.}/tests/tui/tui.lib"

site=$scratch/site
mkdir -p "$site"
cp "$top_srcdir/tests/data/extract/wordpress-news.html" "$site/"
start_server --root "$site" || skip_all "cannot start the test server"
# start_server replaced the exit trap: stop the tmux server too.
trap 'tmux_do kill-server >/dev/null 2>&1; exec 9>&-; kill $server 2>/dev/null; rm -rf "$scratch"' EXIT

{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n'
	printf '<rss version="2.0"><channel><title>Harbour News</title>\n'
	printf '<item><title>Ferry returns</title><guid>ferry</guid>'
	printf '<link>%s/wordpress-news.html</link>' "$base"
	printf '<pubDate>28 Nov 2025 12:00:00 +0000</pubDate>'
	printf '<description>Only a teaser from the feed.</description></item>\n'
	printf '<item><title>Gone page</title><guid>gone</guid>'
	printf '<link>%s/404</link>' "$base"
	printf '<pubDate>27 Nov 2025 12:00:00 +0000</pubDate>'
	printf '<description>The gone teaser.</description></item>\n'
	printf '</channel></rss>\n'
} > "$scratch/harbour.xml"
subscribe "$scratch/harbour.xml"
check "refresh the feed" refresh_all

start_reader 100 30
expect "the feed list" "Harbour News"
keys Enter
expect "the items" "Ferry returns"

# In the list, x on the second item: a 404 is one clear line.
keys j x
expect "a 404 says so" "no story: HTTP 404 Not Found"
keys Enter
expect "the gone item keeps its feed content" "The gone teaser."
expect "and says why it has no story" "Story: not fetched: HTTP 404 Not Found"
keys q

# In the article, x fetches the story and shows it.
keys k Enter
expect "the feed's teaser first" "Only a teaser from the feed."
keys x
expect "the story is fetched" "story fetched" 10
expect "the story from the web page shows" "Marina Point" 10
expect "the header says where it came from" "Story: from the web page"
expect_gone "the teaser gives way" "Only a teaser from the feed."

# X: the feed's content; X again: the story.
keys X
expect "X shows the feed's content" "Only a teaser from the feed."
expect_gone "without the story" "410,000 passengers"
keys X
expect "X again shows the story" "410,000 passengers"

# The story was stored: it is there after leaving and coming back.
keys q Enter
expect "the story stays with the item" "Story: from the web page"

keys Q
expect "quit" "reader exited 0"
finish
