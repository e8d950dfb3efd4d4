#!/bin/sh
# json-output.sh: every JSON output (parse --json, list --format json, feeds
# --format json) is valid JSON Lines and prints no C1 or bidi control raw,
# even when a feed is full of them.
. "${top_srcdir:-.}/tests/cli/lib.sh"

PY=${PYTHON3:-python3}
command -v "$PY" > /dev/null || skip_all "no python3 to read the JSON"
db=$scratch/t.db

# A JSON Feed whose text fields carry C1 controls (OSC, CSI, DCS, NEL) and
# bidi overrides and isolates, in the titles as in the HTML.
cat > "$scratch/hostile.json" <<'FEED'
{"version": "https://jsonfeed.org/version/1.1",
 "title": "Feed \u009d0;pwned\u0007 \u202eevil",
 "home_page_url": "https://example.com/",
 "items": [
  {"id": "1", "title": "one \u009b2J \u2066isolated\u2069",
   "content_html": "<p>a\u0090b\u202ec\u0085d\u202ae\u2067f</p>",
   "summary": "s\u009fs\u202ds", "url": "https://example.com/1"},
  {"id": "2", "title": "two\u0080", "content_text": "plain \u202b text"}
 ]}
FEED

# json_clean DESCRIPTION FILE: every line is a JSON value, and no C1 or
# bidi control is in the bytes printed (escaped ones are fine).
json_clean() {
	if "$PY" - "$2" <<'CHECK'
import json, re, sys
data = open(sys.argv[1], 'rb').read()
text = data.decode('utf-8')
bad = re.findall('[\u0080-\u009f\u202a-\u202e\u2066-\u2069]', text)
lines = [l for l in text.split('\n') if l]
for l in lines:
    json.loads(l)
sys.exit(1 if bad or not lines else 0)
CHECK
	then pass; else fail "$1: not clean JSON Lines: $(od -c "$2" | head -20)"; fi
}

"$TIDINGS" parse --json "$scratch/hostile.json" > "$scratch/parse.out" 2> "$scratch/err"
check "parse --json of the hostile feed succeeds" test $? -eq 0
json_clean "parse --json" "$scratch/parse.out"

expect_exit 0 "add the hostile feed" add "file://$scratch/hostile.json"
expect_exit 0 "refresh it" refresh
expect_exit 0 "list --format json" list --format json
json_clean "list --format json" "$scratch/out"
check "list --format json: two items" test "$(wc -l < "$scratch/out")" -eq 2
expect_exit 0 "feeds --format json" feeds --format json
json_clean "feeds --format json" "$scratch/out"
out_has "feeds --format json names the feed" '"name":"Feed'
finish
