#!/bin/sh
# install-deps.sh: install the Debian packages tidings needs to build and to
# run its tests, skipping those already installed. Non-interactive; uses sudo
# when not run as root.
set -e

packages="build-essential autoconf automake pkg-config
libcurl4-openssl-dev libexpat1-dev libsqlite3-dev libncurses-dev
libjson-c-dev libgumbo-dev
python3 tmux ca-certificates util-linux coreutils iproute2
tt-rss dbconfig-no-thanks postgresql-15 php-cli php-pgsql php-curl curl"

missing=
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
echo "tidings: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
