#!/bin/sh
# parse-fixture.sh: the politis.com.cy-style WordPress feed from the shared
# fixtures parses correctly: Greek titles, dc:creator, categories,
# content:encoded, &#8211; entities. Skipped where the fixtures are absent.
. "${top_srcdir:-.}/tests/cli/lib.sh"

feed=$top_srcdir/../shared/fixtures/politis-wordpress.rss
[ -r "$feed" ] || skip_all "shared fixtures not found"

"$TIDINGS" parse --json --url https://politis.com.cy/politis-news/feed/ "$feed" > "$scratch/out" 2> "$scratch/err"
check "exit status 0" [ $? -eq 0 ]
check "no diagnostics" [ ! -s "$scratch/err" ]

field() { # field LINE KEY: the string value of KEY on output line LINE
	sed -n "${1}p" "$scratch/out" | python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print(json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v)' "$2"
}
command -v python3 > /dev/null || skip_all "python3 needed to read JSON"

check "format" [ "$(field 1 format)" = "rss2.0" ]
check "feed title" [ "$(field 1 title)" = "Politis English" ]
check "feed language" [ "$(field 1 language)" = "en-US" ]
check "feed updated" [ "$(field 1 updated)" = "2024-05-21T09:12:44Z" ]
check "three items" [ "$(wc -l < "$scratch/out")" -eq 4 ]
check "item author from dc:creator" [ "$(field 2 author)" = "Newsroom" ]
check "categories" [ "$(field 2 categories)" = '["World", "Belarus", "Russia"]' ]
check "guid as id" [ "$(field 2 id)" = "https://politis.com.cy/?p=1049913" ]
check "guid isPermaLink=false is not the link" [ "$(field 2 link)" = "https://politis.com.cy/politis-news/cyprus-news/common-front-of-russia-belarus-secret-services-towards-the-west/" ]
check "Greek title with &#8211; decoded" [ "$(field 3 title)" = "Πρόγνωση καιρού: Θερμοκρασία έως 32,7 βαθμούς – «Καυτό» Σαββατοκύριακο" ]
check "content:encoded kept as HTML" sh -c "sed -n 2p '$scratch/out' | grep -q '\"content\":\"<p>The intelligence chiefs of <strong>Russia</strong>'"
check "published date in UTC" [ "$(field 3 published)" = "2024-05-21T07:30:00Z" ]
# Inside CDATA, &#8230; is HTML text: the summary keeps it for the HTML renderer.
check "summary kept as HTML" sh -c "sed -n 2p '$scratch/out' | grep -q 'Western aggression&#8230;'"

# The readable form names the feed and lists every item.
"$TIDINGS" parse "$feed" > "$scratch/text" 2>&1
check "readable summary names the feed" grep -q "^Feed: *Politis English" "$scratch/text"
check "readable summary lists the Greek item" grep -q "Πρόγνωση καιρού" "$scratch/text"
finish
