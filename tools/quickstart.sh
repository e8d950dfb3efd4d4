#!/bin/sh
# quickstart.sh: from a fresh clone to tidings at work in one command:
# install missing build dependencies, build, and open the reader on the demo
# feeds shipped in examples/demo (local files: it works offline). The demo
# has a store of its own; your real one is never touched.
set -e
cd "$(dirname "$0")/.."

sh tools/install-deps.sh
[ -x configure ] || autoreconf -fi
[ -f Makefile ] || ./configure
make -j"$(nproc 2>/dev/null || echo 2)"

echo
echo "tidings is built: src/tidings. Opening the reader on the demo feeds"
echo "(press ? for the keys, q to quit; then add real feeds with"
echo "'src/tidings add URL' or 'src/tidings import ~/.newsboat/urls')."
sleep 2
exec sh tools/demo.sh
