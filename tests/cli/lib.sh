# lib.sh: shared helpers for the command-line tests (sourced, POSIX sh).
# The harness exports top_srcdir, top_builddir and TIDINGS.

: "${top_srcdir:=.}"
: "${top_builddir:=.}"
: "${TIDINGS:=$top_builddir/src/tidings}"

tests_passed=0
tests_failed=0

# A scratch folder removed on exit.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/tidings-test.XXXXXX") || exit 99
trap 'rm -rf "$scratch"' EXIT INT TERM
# Never touch the user's own store or config.
XDG_DATA_HOME=$scratch/data
XDG_CONFIG_HOME=$scratch/config
export XDG_DATA_HOME XDG_CONFIG_HOME

pass() {
	tests_passed=$((tests_passed + 1))
}

fail() {
	tests_failed=$((tests_failed + 1))
	printf 'FAIL: %s\n' "$*" >&2
}

# check DESCRIPTION COMMAND...: the command must succeed.
check() {
	desc=$1
	shift
	if "$@"; then pass; else fail "$desc"; fi
}

# run [--db PATH] ARGS...: run tidings on the test store $db (or PATH);
# sets $status, leaves standard output and error in $scratch/out and err.
run() {
	if [ "$1" = --db ]; then
		"$TIDINGS" "$@" > "$scratch/out" 2> "$scratch/err"
	else
		"$TIDINGS" --db "$db" "$@" > "$scratch/out" 2> "$scratch/err"
	fi
	status=$?
}

# expect_exit STATUS DESCRIPTION ARGS...: tidings ARGS exits with STATUS.
expect_exit() {
	want=$1
	desc=$2
	shift 2
	run "$@"
	if [ "$status" -eq "$want" ]; then
		pass
	else
		fail "$desc: exit $status, not $want; stderr: $(cat "$scratch/err")"
	fi
}

# err_has DESCRIPTION PATTERN: the last run's standard error matches.
err_has() {
	if grep -q -- "$2" "$scratch/err"; then pass; else fail "$1: no '$2' in: $(cat "$scratch/err")"; fi
}

# out_has DESCRIPTION PATTERN: the last run's standard output matches.
out_has() {
	if grep -q -- "$2" "$scratch/out"; then pass; else fail "$1: no '$2' in: $(cat "$scratch/out")"; fi
}

# no_escape DESCRIPTION: the last run printed no ESC byte.
no_escape() {
	if grep -q "$(printf '\033')" "$scratch/out"; then fail "$1: an ESC byte was printed"; else pass; fi
}

# start_server [SERVER ARGS...]: tests/server.py on 127.0.0.1 for as long as
# this script runs (it exits when our end of its standard input closes);
# sets $base to its URL. Returns 1 when python3 is missing or it did not start.
start_server() {
	PY=${PYTHON3:-python3}
	command -v "$PY" > /dev/null || return 1
	mkfifo "$scratch/server-in"
	"$PY" "$top_srcdir/tests/server.py" "$@" --watch-stdin --max-seconds 120 \
	    < "$scratch/server-in" > "$scratch/server-out" 2> "$scratch/server-err" &
	server=$!
	exec 9> "$scratch/server-in"
	trap 'exec 9>&-; kill $server 2>/dev/null; rm -rf "$scratch"' EXIT INT TERM
	n=0
	while ! grep -q '^PORT ' "$scratch/server-out" 2>/dev/null; do
		n=$((n + 1))
		[ $n -gt 100 ] && return 1
		sleep 0.1
	done
	base=http://127.0.0.1:$(sed -n 's/^PORT //p' "$scratch/server-out")
}

skip_all() {
	printf 'SKIP: %s\n' "$*"
	exit 77
}

finish() {
	printf '%d passed, %d failed\n' "$tests_passed" "$tests_failed"
	[ "$tests_failed" -eq 0 ]
}
