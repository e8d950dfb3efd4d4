#!/bin/sh
# demo.sh: open the reader on the demo feeds shipped in examples/demo/ (local
# file:// feeds, so it works offline), in a store of their own.
#
#   tools/demo.sh [--db PATH]
#
# The store is $XDG_DATA_HOME/tidings/demo.db (~/.local/share/tidings/demo.db)
# unless --db names another; your own store is never touched. Running it
# again refreshes the same store. TIDINGS may name the program to run
# (default: src/tidings of this tree).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
tidings=${TIDINGS:-$top/src/tidings}
db=

usage() {
	echo "usage: tools/demo.sh [--db PATH]"
}

while [ $# -gt 0 ]; do
	case $1 in
	--db)
		[ $# -ge 2 ] || { usage >&2; exit 2; }
		db=$2
		shift 2
		;;
	--db=*)
		db=${1#--db=}
		shift
		;;
	-h | --help)
		usage
		exit 0
		;;
	*)
		usage >&2
		exit 2
		;;
	esac
done

if [ ! -x "$tidings" ]; then
	echo "demo.sh: $tidings is not built yet (run make first)" >&2
	exit 1
fi
if [ -z "$db" ]; then
	data=${XDG_DATA_HOME:-}
	case $data in
	/*) ;;
	*) data=$HOME/.local/share ;;	# XDG: a relative value is ignored
	esac
	db=$data/tidings/demo.db
fi

# A newsboat urls file naming the feeds by absolute file:// URL, with tags;
# spaces in the path are written %20, as a URL has them.
list=$(mktemp "${TMPDIR:-/tmp}/tidings-demo.XXXXXX")
trap 'rm -f "$list"' EXIT INT TERM
dir=$(printf '%s' "$top/examples/demo" | sed 's/%/%25/g; s/ /%20/g')
{
	echo "# The tidings demo feeds"
	echo "file://$dir/welcome.xml demo \"~Tidings: getting started\""
	echo "file://$dir/greek.xml demo ελληνικά"
	echo "file://$dir/world.xml demo"
} >"$list"

"$tidings" --db "$db" import --allow-file "$list" >/dev/null
"$tidings" --db "$db" refresh --all --quiet || true
rm -f "$list"
trap - EXIT INT TERM
exec "$tidings" --db "$db"
