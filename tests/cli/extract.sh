#!/bin/sh
# extract.sh: `tidings extract` end to end: golden pages from files, the
# shared politis-style fixture, pages over HTTP from a loopback server (with
# the charset from the Content-Type header), and one clear line with exit 1
# for a 404, a page that is not HTML, and a page with no story.
. "${top_srcdir:-.}/tests/cli/lib.sh"

data=$top_srcdir/tests/data/extract
for html in "$data"/*.html; do
	name=$(basename "$html" .html)
	set --
	[ -f "$data/$name.url" ] && set -- --url "$(cat "$data/$name.url")"
	if "$TIDINGS" extract "$@" "$html" > "$scratch/$name.out" 2> "$scratch/$name.err" &&
	    cmp -s "$scratch/$name.out" "$data/$name.txt"; then
		pass
	else
		fail "$name: extracted text differs from $name.txt"
		diff -u "$data/$name.txt" "$scratch/$name.out" | head -20 >&2
	fi
done

fixture=$top_srcdir/../shared/fixtures/politis-article.html
if [ -r "$fixture" ]; then
	"$TIDINGS" extract "$fixture" > "$scratch/politis.out" 2>&1
	check "the politis-style page gives exactly the expected story" \
	    cmp -s "$scratch/politis.out" "$top_srcdir/../shared/fixtures/politis-article.expected.txt"
fi

# --html gives cleaned HTML: paragraphs, no scripts or chrome.
"$TIDINGS" extract --html "$data/wordpress-news.html" > "$scratch/clean.html"
check "--html keeps paragraphs" grep -q "<p>" "$scratch/clean.html"
check "--html drops scripts" sh -c "! grep -qi '<script' '$scratch/clean.html'"
# --width wraps by display width.
"$TIDINGS" extract --width 40 "$data/greek-iso-8859-7.html" > "$scratch/narrow.txt"
check "--width 40 wraps every line" test "$(wc -L < "$scratch/narrow.txt")" -le 40
# Standard input.
"$TIDINGS" extract --url "$(cat "$data/no-article.url")" - < "$data/no-article.html" |
    cmp -s - "$data/no-article.txt"
check "standard input" test $? -eq 0

# Bad input from files: one line naming the reason, exit 1.
printf '%%PDF-1.4 binary\001\002' > "$scratch/doc.pdf"
"$TIDINGS" extract "$scratch/doc.pdf" > /dev/null 2> "$scratch/err"
check "a PDF: exit 1" test $? -eq 1
check "a PDF: one line" test "$(wc -l < "$scratch/err")" -eq 1
printf '<html><body><form>Log in to read</form></body></html>' > "$scratch/wall.html"
"$TIDINGS" extract "$scratch/wall.html" > /dev/null 2> "$scratch/err"
check "a login wall: exit 1" test $? -eq 1
check "a login wall: says no story" grep -q "story" "$scratch/err"
"$TIDINGS" extract > /dev/null 2>&1
check "no argument: usage, exit 2" test $? -eq 2

# Over HTTP, from a server this test starts.
mkdir -p "$scratch/www"
cp "$data/wordpress-news.html" "$scratch/www/story.html"
printf '{"a": 1}' > "$scratch/www/data.json"
start_server --root "$scratch/www" || { finish; exit $?; }

"$TIDINGS" extract "$base/story.html" > "$scratch/http.out" 2> "$scratch/err"
check "over HTTP: exit 0" test $? -eq 0
# The page's own URL is the base here, so only image lines may differ.
grep -v '^\[image' "$data/wordpress-news.txt" > "$scratch/want.txt"
grep -v '^\[image' "$scratch/http.out" > "$scratch/got.txt"
check "over HTTP: the same story as from the file" cmp -s "$scratch/got.txt" "$scratch/want.txt"
"$TIDINGS" extract "$base/404" > /dev/null 2> "$scratch/err"
check "a 404: exit 1" test $? -eq 1
check "a 404: one line saying so" sh -c "[ \$(wc -l < '$scratch/err') -eq 1 ] && grep -q 404 '$scratch/err'"
"$TIDINGS" extract "$base/data.json" > /dev/null 2> "$scratch/err"
check "JSON is not a page: exit 1" test $? -eq 1
finish
