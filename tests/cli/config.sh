#!/bin/sh
# config.sh: every command that reads the config checks all of it before it
# does anything: key names, a key bound twice and colors too, not only the
# reader; the message names the file and the line, the exit status is 2.
. "${top_srcdir:-.}/tests/cli/lib.sh"

db=$scratch/t.db
feed=$top_srcdir/tests/data/parse/rss20-basic.xml
printf '<html><body><article><p>%s</p></article></body></html>\n' \
    "A page with a story long enough to be one." > "$scratch/page.html"

# The commands, each with arguments that would work with a good config.
commands() {
	cat <<LIST
add https://a.example/feed
remove https://a.example/feed
enable https://a.example/feed
full-story https://a.example/feed yes
feeds
import $scratch/urls
export
refresh
list
mark-read --all
mark-unread --all
star 1
unstar 1
parse $feed
extract $scratch/page.html
LIST
}
printf 'https://b.example/feed\n' > "$scratch/urls"

# A good config is taken by every command.
printf '# mine\nkey-quit "Q C-q"\ncolor-cursor "black yellow"\nkey-toggle-read "N m"\n' \
    > "$scratch/good"
expect_exit 0 "a good config" --config "$scratch/good" add https://a.example/feed

check_bad() {
	printf "$2" > "$scratch/bad"
	commands > "$scratch/commands"
	while read -r cmd args; do
		# shellcheck disable=SC2086
		run --db "$db" --config "$scratch/bad" $cmd $args
		if [ "$status" -ne 2 ]; then
			fail "$1: $cmd exits $status, not 2"
		elif ! grep -q "^tidings: $scratch/bad, line $3: $4" "$scratch/err"; then
			fail "$1: $cmd says: $(cat "$scratch/err")"
		else
			pass
		fi
	done < "$scratch/commands"
	# The reader checks before it looks for a terminal.
	run --db "$db" --config "$scratch/bad" < /dev/null
	if [ "$status" -eq 2 ] && grep -q "^tidings: $scratch/bad, line $3: $4" "$scratch/err"
	then pass; else fail "$1: the reader says: $(cat "$scratch/err")"; fi
}

check_bad "a key name" 'key-quit F13\n' 1 "key-quit: 'F13' is not a key name"
check_bad "a key bound twice" 'key-back Q\n\nkey-quit Q\n' 3 "key-quit: 'Q' is bound by key-back too"
check_bad "a key bound twice, one to its default" '\nkey-star "s x"\nkey-fetch-story x\n' 3 \
    "key-fetch-story: 'x' is bound by key-star too"
check_bad "a color" '# colors\ncolor-title pink\n' 2 "color-title: 'pink' is not a color"
check_bad "three colors" 'color-meta "red green blue"\n' 1 "color-meta: more than two colors"
check_bad "a bad value" 'max-size 3X\n' 1 "max-size: 3X is not a size"

# help reads no config.
expect_exit 0 "help with a bad config" --config "$scratch/bad" help list

finish
