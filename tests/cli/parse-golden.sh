#!/bin/sh
# parse-golden.sh: `tidings parse --json` on every tests/data/parse/NAME.xml (and .json)
# must print exactly NAME.expected (NAME.url, when present, is passed as --url).
# Also: reading the same file from standard input gives the same output.
. "${top_srcdir:-.}/tests/cli/lib.sh"

for xml in "$top_srcdir"/tests/data/parse/*.xml "$top_srcdir"/tests/data/parse/*.json; do
	base=${xml%.*}
	name=$(basename "$base")
	set --
	[ -f "$base.url" ] && set -- --url "$(cat "$base.url")"
	if "$TIDINGS" parse --json "$@" "$xml" > "$scratch/$name.out" 2> "$scratch/$name.err" &&
	    cmp -s "$scratch/$name.out" "$base.expected"; then
		pass
	else
		fail "$name: output differs from $name.expected"
		diff -u "$base.expected" "$scratch/$name.out" >&2
		cat "$scratch/$name.err" >&2
	fi
	if "$TIDINGS" parse --json "$@" - < "$xml" | cmp -s - "$base.expected"; then
		pass
	else
		fail "$name: reading standard input differs"
	fi
done
finish
