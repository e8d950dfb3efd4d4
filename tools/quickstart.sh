#!/bin/sh
# quickstart.sh: from a fresh clone to tidings at work in one command:
# install missing build dependencies, build, and run tidings on the demo.
set -e
cd "$(dirname "$0")/.."

sh tools/install-deps.sh
[ -x configure ] || autoreconf -fi
[ -f Makefile ] || ./configure
make -j"$(nproc 2>/dev/null || echo 2)"

echo
echo "tidings is built: src/tidings. Parsing the demo feed examples/demo.rss:"
echo
src/tidings parse examples/demo.rss
