#!/bin/sh
# hostile.sh: feed text full of escape sequences, C1 controls and bidi
# overrides reaches the screen harmlessly in every view and on the status
# line: no escape sequence but the SGR tmux itself writes, the window title
# unchanged, the screen not cleared.

. "${top_srcdir:-.}/tests/tui/tui.lib"

esc=$(printf '\033')
bel=$(printf '\007')
csi1=$(printf '\302\233')		# U+009B, the one-byte CSI
rlo=$(printf '\342\200\256')		# U+202E RIGHT-TO-LEFT OVERRIDE
evil_name="Evil ${esc}]0;PWNED${bel}${esc}]2;PWNED${esc}\\ ${esc}[2J${esc}[H${esc}[31mfeed${esc}[0m ${csi1}2J ${rlo}gnp.exe"

# The feed's own text: entities that decode to ESC in HTML, a bidi override
# in the title; the user title (as `tidings add --title` stores it) raw.
cat >"$scratch/evil.xml" <<EOF_FEED
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Channel &#x202E;title</title>
<item><title>&lt;b&gt;Bad&lt;/b&gt; &amp;#27;]0;PWNED&amp;#7; item &#x202E;txt.exe &amp;#155;2J</title>
<link>https://example.org/evil</link><guid>evil-1</guid>
<description>&lt;p&gt;Body &amp;#27;[2J&amp;#27;]0;PWNED&amp;#7; text &amp;#x1b;[5m blink&lt;/p&gt;&lt;p&gt;&lt;a href="https://example.org/&amp;#27;[2J"&gt;link&lt;/a&gt;&lt;/p&gt;</description>
</item></channel></rss>
EOF_FEED
subscribe "$scratch/evil.xml" --title "$evil_name"
check "refresh the feed" refresh_all

# Only SGR sequences (ESC [ digits and semicolons m) may appear.
no_stray_escapes() {
	screen_escapes | sed "s/${esc}\[[0-9;]*m//g" | grep -q "$esc" && return 1
	return 0
}

no_bidi_controls() {
	! screen | grep -q "$rlo"
}

start_reader 80 24
tmux_do select-pane -t "$pane" -T "tidings-test-title"
expect "the feed is listed" "Evil"
expect "the screen was not cleared" "All unread"
check "feed list: no stray escape sequence" no_stray_escapes
check "feed list: no bidi override" no_bidi_controls
check "feed list: the window title is unchanged" test "$(pane_var pane_title)" = "tidings-test-title"
expect_gone "feed list: no OSC payload shown" "PWNED"

keys j j Enter
expect "the item list" "Bad"
check "item list: no stray escape sequence" no_stray_escapes
check "item list: no bidi override" no_bidi_controls
expect "the status line shows the feed's name, cleaned" "feed: Evil"
check "item list: no stray escape sequence on the status line" no_stray_escapes

keys Enter
expect "the article" "Title: "
expect "its text" "Body"
expect "its link list" "[1]"
check "article: no stray escape sequence" no_stray_escapes
check "article: no bidi override" no_bidi_controls
check "article: the window title is unchanged" test "$(pane_var pane_title)" = "tidings-test-title"

keys q q q
expect "quit" "reader exited 0"

# NO_COLOR: attributes only. tmux writes default colors (39, 49) itself.
has_colors() {
	screen_escapes | grep -q "${esc}\[\([0-9;]*;\)\{0,1\}\(3[0-7]\|4[0-7]\|38;\|48;\)"
}
start_reader 80 24
expect "colors by default" "All unread"
check "the default look has colors" has_colors
start_reader 80 24 NO_COLOR=1
expect "the reader with NO_COLOR" "All unread"
check "NO_COLOR: no color sequence" eval '! has_colors'
check "NO_COLOR: the title bar still stands out (reverse video)" \
    eval 'screen_escapes | head -n 1 | grep -q "${esc}\[[0-9;]*7m"'
keys q
expect "quit" "reader exited 0"
finish
