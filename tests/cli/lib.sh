# tests/cli/lib.sh: STUB
