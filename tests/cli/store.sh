#!/bin/sh
# store.sh: the store's files are private to their owner, and a full disk
# is reported as such: the refresh that hit it fails with "disk full",
# keeps each feed's previous state, and reading commands still work on the
# full disk while writing ones fail with one line. The disk is a small
# tmpfs in a mount namespace of the test's own (unshare), so nothing
# outside the test is touched; without unshare the disk part is skipped.
. "${top_srcdir:-.}/tests/cli/lib.sh"

db=$scratch/t.db

# make_feed FILE COUNT SIZE: an RSS file of COUNT items with SIZE bytes of
# text each.
make_feed() {
	{
		printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Full</title>\n'
		i=1
		while [ "$i" -le "$2" ]; do
			printf '<item><guid>g%d</guid><title>item %d</title><description>' "$i" "$i"
			head -c "$3" /dev/zero | tr '\0' 'x'
			printf ' word%d</description></item>\n' "$i"
			i=$((i + 1))
		done
		printf '</channel></rss>\n'
	} > "$1"
}

# 1. Permissions: the store, its -wal and -shm, the lock.
make_feed "$scratch/small.xml" 3 100
umask 022
run add "file://$scratch/small.xml"
check "add succeeds" [ "$status" -eq 0 ]
check "the store is created 0600" [ "$(stat -c %a "$db")" = 600 ]
run refresh --all
check "refresh succeeds" [ "$status" -eq 0 ]
check "so is its lock" [ "$(stat -c %a "$db.lock")" = 600 ]
# The -wal and -shm stay after the last close (so that a full disk can
# still be read); SQLite gives them the store's permissions.
check "the -wal is kept and private" [ "$(stat -c %a "$db-wal")" = 600 ]
check "the -shm is kept and private" [ "$(stat -c %a "$db-shm")" = 600 ]
rm -f "$db" "$db-wal" "$db-shm" "$db.lock"

# 2. A full disk.
if ! command -v unshare >/dev/null 2>&1 ||
    ! unshare -rm sh -c "mount -t tmpfs -o size=64k none '$scratch'" 2>/dev/null; then
	printf 'SKIP: no mount namespace for a small tmpfs\n'
	finish
	exit
fi

make_feed "$scratch/big.xml" 400 2000
cat > "$scratch/full.sh" <<'SH'
# Runs inside the namespace: $1 the scratch folder, $2 the program.
dir=$1/disk
t() { "$2" --db "$dir/t.db" "$@"; }
mkdir -p "$dir" && mount -t tmpfs -o size=600k none "$dir" || exit 99
cp "$1/small.xml" "$1/feed.xml"
"$2" --db "$dir/t.db" add "file://$1/feed.xml" >/dev/null || exit 98
"$2" --db "$dir/t.db" refresh --all >/dev/null 2>&1 || exit 97
echo "before $("$2" --db "$dir/t.db" list --count)"
cp "$1/big.xml" "$1/feed.xml"
touch -d "+1 hour" "$1/feed.xml"
"$2" --db "$dir/t.db" refresh --all > "$1/refresh.out" 2> "$1/refresh.err"
echo "refresh $?"
echo "after $("$2" --db "$dir/t.db" list --count 2>"$1/list.err")"
echo "list $?"
# Fill what is left, then read and write.
cat /dev/zero > "$dir/filler" 2>/dev/null
"$2" --db "$dir/t.db" list > "$1/list.out" 2>>"$1/list.err"
echo "list-full $?"
"$2" --db "$dir/t.db" feeds > /dev/null 2>>"$1/list.err"
echo "feeds-full $?"
"$2" --db "$dir/t.db" mark-read --all > /dev/null 2> "$1/mark.err"
echo "mark $?"
"$2" --db "$dir/t.db" list --unread --count 2>>"$1/list.err"
SH
unshare -rm sh "$scratch/full.sh" "$scratch" "$TIDINGS" > "$scratch/full.out" 2>&1
cat "$scratch/full.out" "$scratch"/*.err >&2
check "the small feed was stored first" grep -qx "before 3" "$scratch/full.out"
check "a refresh that fills the disk exits 1" grep -qx "refresh 1" "$scratch/full.out"
check "and says the disk is full" grep -q "disk full" "$scratch/refresh.err"
check "in one line" [ "$(wc -l < "$scratch/refresh.err")" -eq 1 ]
check "without a rollback message hiding it" sh -c "! grep -q 'roll' '$scratch/refresh.err'"
check "the feed keeps its previous items" grep -qx "after 3" "$scratch/full.out"
check "list works after the failure" grep -qx "list 0" "$scratch/full.out"
check "list works on a full disk" grep -qx "list-full 0" "$scratch/full.out"
check "and prints the items" grep -q "item 1" "$scratch/list.out"
check "feeds works on a full disk" grep -qx "feeds-full 0" "$scratch/full.out"
check "reading commands said nothing" [ ! -s "$scratch/list.err" ]
if grep -qx "mark 0" "$scratch/full.out"; then
	# SQLite may find room in pages it already has; then it must have worked.
	check "a mark that found room was stored" [ "$(tail -n 1 "$scratch/full.out")" = 0 ]
else
	check "a write on a full disk exits 1" grep -qx "mark 1" "$scratch/full.out"
	check "naming the cause" grep -q "disk full" "$scratch/mark.err"
	check "in one line" [ "$(wc -l < "$scratch/mark.err")" -eq 1 ]
fi
finish
