#!/bin/sh
# bench-sync.sh: the first sync of 1,000 articles with content from a private
# Tiny Tiny RSS (the test suite's, tests/sync/ttrss.sh), tidings beside
# newsboat's TT-RSS backend on the same server, and an incremental sync
# with nothing new. Each run starts from an empty store (cache). Prints the
# median and range of RUNS runs (default 5) of each, whole-process wall
# time. Usage: TIDINGS=src/tidings sh tools/bench-sync.sh [RUNS]
top_srcdir=$(cd "$(dirname "$0")/.." && pwd)
: "${TIDINGS:=$top_srcdir/src/tidings}"
TIDINGS=$(cd "$(dirname "$TIDINGS")" && pwd)/$(basename "$TIDINGS")
runs=${1:-5}
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/sync/ttrss.sh"
command -v newsboat > /dev/null || { echo "newsboat missing (apt-get install -y newsboat)" >&2; exit 1; }
ttrss_start || { echo "the TT-RSS instance did not start" >&2; exit 1; }

cat_id=$(ttrss_category Bench)
i=1
while [ $i -le 10 ]; do
	f=$(ttrss_feed "Feed $i" "http://192.0.2.1/$i.xml" "$cat_id")
	ttrss_articles "$f" 1 100
	i=$((i + 1))
done

cat > "$scratch/conf" <<CONF
ttrss-url $ttrss_url
ttrss-login $ttrss_user
ttrss-password-file $scratch/password
CONF
cat > "$scratch/newsboat.conf" <<CONF
urls-source "ttrss"
ttrss-url "$ttrss_url/"
ttrss-login "$ttrss_user"
ttrss-password "$ttrss_password"
CONF
: > "$scratch/urls"

# pair NAME CLEAN: RUNS runs of tidings and of newsboat in turn (A B A B,
# so that a drift of the machine's speed hits both), each after removing its
# store when CLEAN is yes; the median wall time of each and of the ratio
# tidings/newsboat pair by pair.
pair() {
	python3 - "$1" "$2" "$runs" "$scratch" "$TIDINGS" <<'PY' || exit 1
import os, statistics, subprocess, sys, time
name, clean, runs, scratch, tidings = sys.argv[1], sys.argv[2] == "yes", int(sys.argv[3]), sys.argv[4], sys.argv[5]
a = [tidings, "--db", scratch + "/t.db", "--config", scratch + "/conf", "sync", "--quiet"]
b = ["newsboat", "-C", scratch + "/newsboat.conf", "-u", scratch + "/urls", "-c", scratch + "/nb.db", "-x", "reload"]
def run(cmd, db):
    if clean:
        for suffix in ("", "-wal", "-shm", ".lock"):
            try: os.unlink(db + suffix)
            except FileNotFoundError: pass
    t = time.monotonic()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.exit("%s failed: %d %s" % (cmd[0], r.returncode, r.stderr.decode()[:200]))
    return time.monotonic() - t
ta, tb = [], []
for _ in range(runs):
    ta.append(run(a, scratch + "/t.db"))
    tb.append(run(b, scratch + "/nb.db"))
ratio = [x / y for x, y in zip(ta, tb)]
fmt = lambda v: "median %.3f s (%.3f-%.3f)" % (statistics.median(v), min(v), max(v))
print("%s, %d runs each:" % (name, runs))
print("  tidings sync        %s" % fmt(ta))
print("  newsboat -x reload  %s" % fmt(tb))
print("  tidings/newsboat    median %.2f (%.2f-%.2f)" % (statistics.median(ratio), min(ratio), max(ratio)))
PY
}

pair "first sync of 1,000 articles" yes
pair "a sync with nothing new" no
echo "articles: tidings $(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM items").fetchone()[0])' "$scratch/t.db"), newsboat $(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM rss_item").fetchone()[0])' "$scratch/nb.db")"
