#!/bin/sh
# help.sh: the help comes from the command table and agrees with the manual:
# the synopsis of every command in tidings(1) is the one `tidings help
# --synopses` prints, and the other way round; `tidings help CMD` is
# `tidings CMD --help`; an unknown option gets exit 2 and one line;
# --help-config lists every setting tidings.conf(5) documents.
. "${top_srcdir:-.}/tests/cli/lib.sh"

man1=$top_srcdir/man/tidings.1
man5=$top_srcdir/man/tidings.conf.5

# Both sides alike: one space between words, none around a bar, sorted.
normalize() {
	sed -e 's/[[:space:]][[:space:]]*/ /g' -e 's/ *| */|/g' -e 's/^ //' -e 's/ $//' | sort
}

# agree DESCRIPTION LEFT RIGHT: the two sorted lists are the same.
agree() {
	if cmp -s "$2" "$3"; then
		pass
	else
		fail "$1 (< $(basename "$2"), > $(basename "$3")):"
		diff "$2" "$3" >&2
	fi
}

# The synopses of tidings(1)'s COMMANDS section: the items of its top-level
# lists that start with Cm (one line, or an Xo ... Xc block), turned from
# mdoc into text: Ar upper-cased, Fl given its dash, Op in brackets to the
# end of its line.
man_synopses() {
	awk '
	function convert(line,    n, w, i, out, mode, word, closing) {
		n = split(line, w, " ")
		out = ""; mode = ""; closing = ""
		for (i = 1; i <= n; i++) {
			word = w[i]
			if (word ~ /^(Cm|Ar|Fl|No|Li)$/) {
				mode = word
				if (word == "Fl" && (i == n || w[i + 1] ~ /^([A-Z][a-z]|\||\.\.\.)$/))
					out = out " -"
				continue
			}
			if (word == "Op") {
				out = out " ["
				closing = closing "]"
				continue
			}
			if (word != "|" && word != "...") {
				if (mode == "Ar")
					word = toupper(word)
				else if (mode == "Fl")
					word = "-" word
			}
			out = out " " word
		}
		out = out closing
		gsub(/\[ /, "[", out)
		return out
	}
	/^\.Sh / { in_commands = ($2 == "COMMANDS"); next }
	!in_commands { next }
	/^\.Bl/ { depth++; next }
	/^\.El/ { depth--; next }
	/^\.It Xo$/ && depth == 1 { xo = 1; text = ""; first = 1; next }
	xo && /^\.Xc/ { xo = 0; if (is_cmd) print text; next }
	xo {
		line = $0
		sub(/^\./, "", line)
		if (first)
			is_cmd = line ~ /^Cm /
		first = 0
		text = text convert(line)
		next
	}
	/^\.It Cm / && depth == 1 {
		line = $0
		sub(/^\.It /, "", line)
		print convert(line)
	}
	' "$man1"
}

# 1. Every synopsis of the manual is the table's, and every command of the
# table has its synopsis in the manual.
man_synopses | normalize > "$scratch/man.syn"
"$TIDINGS" help --synopses > "$scratch/table.raw"
check "help --synopses succeeds" test $? -eq 0
normalize < "$scratch/table.raw" > "$scratch/table.syn"
check "the manual has synopses" test "$(wc -l < "$scratch/man.syn")" -gt 10
agree "tidings.1's command synopses and the command table disagree" \
    "$scratch/man.syn" "$scratch/table.syn"

# 2. The global options of `tidings --help` are in the manual's SYNOPSIS or
# GLOBAL OPTIONS, and the other way round.
"$TIDINGS" --help > "$scratch/usage"
check "--help succeeds" test $? -eq 0
sed -n '/^options:/,/^$/p' "$scratch/usage" | grep -o -- '--[a-z-]*' | sort -u > "$scratch/global.table"
awk '/^\.Sh / { on = ($2 == "GLOBAL") } on && /^\.It Fl/' "$man1" |
    grep -o 'Fl -[a-z-]*' | sed 's/^Fl -/--/' | sort -u > "$scratch/global.man"
agree "global options: tidings --help and tidings.1 disagree" \
    "$scratch/global.table" "$scratch/global.man"
# Every command of the table is listed by --help.
for cmd in $(cut -d ' ' -f 1 "$scratch/table.raw"); do
	if grep -q "^  $cmd  " "$scratch/usage"; then pass; else fail "--help does not list $cmd"; fi
done
run help
check "help alone is --help" cmp -s "$scratch/out" "$scratch/usage"

# 3. For every command: help CMD is CMD --help is CMD -h, on standard
# output, exit 0, headed by the usage; an unknown option is one line on
# standard error and exit 2.
db=$scratch/t.db
for cmd in $(cut -d ' ' -f 1 "$scratch/table.raw"); do
	expect_exit 0 "$cmd --help" "$cmd" --help
	cp "$scratch/out" "$scratch/help.$cmd"
	out_has "$cmd --help shows the usage" "^usage: tidings $cmd"
	check "$cmd --help prints nothing on stderr" test ! -s "$scratch/err"
	expect_exit 0 "help $cmd" help "$cmd"
	check "help $cmd is $cmd --help" cmp -s "$scratch/out" "$scratch/help.$cmd"
	expect_exit 0 "$cmd -h" "$cmd" -h
	check "$cmd -h is $cmd --help" cmp -s "$scratch/out" "$scratch/help.$cmd"
	# Every option of the synopsis is explained in the help.
	for opt in $(grep "^$cmd " "$scratch/table.raw" | grep -o -- '--[a-z-]*'); do
		if grep -q -- "^  $opt" "$scratch/help.$cmd"; then pass; else fail "$cmd --help does not explain $opt"; fi
	done
	expect_exit 2 "$cmd with an unknown option" "$cmd" --no-such-option
	check "$cmd: an unknown option is one line" test "$(wc -l < "$scratch/err")" -eq 1
	err_has "$cmd: the unknown option named" "no-such-option"
	err_has "$cmd: a pointer to the help" "see tidings $cmd --help"
	check "$cmd: an unknown option prints nothing on stdout" test ! -s "$scratch/out"
done
expect_exit 2 "an unknown global option" --no-such-option
check "an unknown global option is one line" test "$(wc -l < "$scratch/err")" -eq 1
expect_exit 2 "help of an unknown command" help frobnicate
check "help of an unknown command is one line" test "$(wc -l < "$scratch/err")" -eq 1
expect_exit 2 "a missing option value" list --limit
check "a missing option value is one line" test "$(wc -l < "$scratch/err")" -eq 1
err_has "the option named" "limit needs a value"
expect_exit 2 "a value to a flag" parse --json=yes x.xml
err_has "the flag named" "json takes no value"
expect_exit 2 "a value not among the choices" feeds --format yaml
err_has "the choices named" "text|tsv|json"

# 4. --help-config: every setting tidings.conf(5) documents, with a type
# and a default, and nothing else.
expect_exit 0 "--help-config" --help-config
# The settings follow the first blank line, one a line, their help indented.
awk 'on && /^[^ ]/ { print $1 } /^$/ { on = 1 }' "$scratch/out" | sort > "$scratch/config.help"
sed -n 's/^\.It Ic \([a-z-]*\) .*/\1/p' "$man5" | sort -u > "$scratch/config.man"
check "--help-config lists settings" test "$(wc -l < "$scratch/config.help")" -gt 20
agree "--help-config and tidings.conf.5 disagree" "$scratch/config.help" "$scratch/config.man"
out_has "--help-config: a duration with its default" "^refresh-interval  *duration  *1h$"
out_has "--help-config: a setting's help" "^    how often a feed is fetched"
out_has "--help-config: an empty default" "^browser  *text  *(empty)$"
finish
