#!/bin/sh
# parse-errors.sh: input that is not a feed gets one clear line on standard
# error naming the file and the reason, exit status 1, and no crash; usage
# errors exit 2.
. "${top_srcdir:-.}/tests/cli/lib.sh"

# expect_error NAME FILE PATTERN: exit 1, one stderr line naming FILE and matching PATTERN.
expect_error() {
	"$TIDINGS" parse --json "$2" > "$scratch/out" 2> "$scratch/err"
	status=$?
	lines=$(wc -l < "$scratch/err")
	if [ "$status" -eq 1 ] && [ "$lines" -eq 1 ] && grep -q -- "$2" "$scratch/err" &&
	    grep -q -- "$3" "$scratch/err"; then
		pass
	else
		fail "$1: status $status, stderr: $(cat "$scratch/err")"
	fi
}

printf '' > "$scratch/empty.xml"
expect_error "empty file" "$scratch/empty.xml" "empty"

printf '<!DOCTYPE html>\n<html><head><title>Hi</title></head><body><p>x</p></body></html>\n' > "$scratch/page.html"
expect_error "HTML page" "$scratch/page.html" "not a feed: the root element is <html>"

head -c 4096 /dev/urandom > "$scratch/junk.bin"
printf '\001\002\003' >> "$scratch/junk.bin"
expect_error "binary junk" "$scratch/junk.bin" "."

expect_error "missing file" "$scratch/does-not-exist.xml" "No such file"

printf 'just some text\n' > "$scratch/text.txt"
expect_error "plain text" "$scratch/text.txt" "."

printf '<?xml version="1.0"?><opml version="2.0"><body/></opml>' > "$scratch/list.opml"
expect_error "OPML is not a feed" "$scratch/list.opml" "root element is <opml>"

# A feed cut off mid-item keeps its complete items and says what happened.
printf '<rss version="2.0"><channel><title>T</title><item><title>one</title></item><item><title>tw' > "$scratch/cut.xml"
"$TIDINGS" parse --json "$scratch/cut.xml" > "$scratch/out" 2> "$scratch/err"
status=$?
if [ "$status" -eq 1 ] && [ "$(wc -l < "$scratch/out")" -eq 2 ] && grep -q '"title":"one"' "$scratch/out" &&
    grep -q "cut.xml" "$scratch/err"; then
	pass
else
	fail "truncated feed: status $status, out: $(cat "$scratch/out"), err: $(cat "$scratch/err")"
fi

# Garbage after the root element is ignored.
printf '<rss version="2.0"><channel><title>T</title></channel></rss>\n<junk>&' > "$scratch/trailing.xml"
check "garbage after the root element" "$TIDINGS" parse --json "$scratch/trailing.xml" > /dev/null 2>&1

# External entities are never loaded.
printf '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n<rss version="2.0"><channel><title>a&x;b</title></channel></rss>\n' > "$scratch/xxe.xml"
"$TIDINGS" parse --json "$scratch/xxe.xml" > "$scratch/out" 2>&1
if grep -q '"title":"ab"' "$scratch/out"; then pass; else fail "external entity: $(cat "$scratch/out")"; fi

# Billion laughs: bounded, an error, no blow-up.
{
	printf '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a0 "ha">\n'
	i=1
	while [ $i -le 30 ]; do
		p=$((i - 1))
		printf '<!ENTITY a%d "&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;">\n' $i $p $p $p $p $p $p $p $p $p $p
		i=$((i + 1))
	done
	printf ']>\n<rss version="2.0"><channel><title>&a30;</title></channel></rss>\n'
} > "$scratch/laughs.xml"
# (expat's amplification limit stops it; no ulimit here, ASan builds need
# their large address space)
"$TIDINGS" parse --json "$scratch/laughs.xml" > /dev/null 2> "$scratch/err"
status=$?
if [ "$status" -eq 1 ] && grep -q "laughs.xml" "$scratch/err"; then pass; else fail "billion laughs: status $status"; fi

# Usage errors.
"$TIDINGS" parse > /dev/null 2>&1
[ $? -eq 2 ] && pass || fail "parse without a file must exit 2"
"$TIDINGS" parse --bogus x > /dev/null 2>&1
[ $? -eq 2 ] && pass || fail "unknown option must exit 2"
"$TIDINGS" frobnicate > /dev/null 2>&1
[ $? -eq 2 ] && pass || fail "unknown command must exit 2"

finish
