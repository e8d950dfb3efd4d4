#!/bin/sh
# conformance.sh: the shared feedparser-derived conformance corpus, with the
# pass rate the parser has reached as a floor so it can never silently
# regress. Skipped where the corpus is absent (e.g. inside make distcheck).
. "${top_srcdir:-.}/tests/cli/lib.sh"

# Raise this when the parser gets better; never lower it.
MIN_PASS=0.995

checker=$top_srcdir/../shared/conformance/check.py
[ -r "$checker" ] || skip_all "conformance corpus not found"
command -v "${PYTHON3:-python3}" > /dev/null || skip_all "python3 not found"
"${PYTHON3:-python3}" "$checker" --bin "$TIDINGS" --min-pass "$MIN_PASS" > "$scratch/report" 2>&1
status=$?
tail -n 30 "$scratch/report"
exit $status
