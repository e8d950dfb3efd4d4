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

skip_all() {
	printf 'SKIP: %s\n' "$*"
	exit 77
}

finish() {
	printf '%d passed, %d failed\n' "$tests_passed" "$tests_failed"
	[ "$tests_failed" -eq 0 ]
}
