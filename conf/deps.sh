#!/bin/sh
# deps.sh PACKAGE...: installs the Debian packages of the list that are not
# installed yet, and says nothing when all of them are.
#
# Asks dpkg-query, package by package; only when something is missing does
# it run `apt-get update` and `apt-get install` (through sudo when not
# root).  Works without a terminal (CI): no question is asked.  While it
# installs, no service of the new packages is started (a policy-rc.d that
# refuses, unless the machine already has one): reseauter starts its own
# lighttpd or nginx, and a Debian lighttpd or nginx starting on port 80 is
# not wanted, and fails the install when something else holds that port.
set -eu

missing=
for pkg in "$@"; do
	state=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
	if [ "$state" != installed ]; then
		missing="$missing $pkg"
	fi
done
[ -n "$missing" ] || exit 0

echo "reseauter: installing missing Debian packages:$missing" >&2
if ! command -v apt-get >/dev/null 2>&1; then
	echo "reseauter: apt-get not found: install$missing with your system's package manager" >&2
	exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1; then
	sudo=sudo
else
	echo "reseauter: run as root, or install sudo, to install$missing" >&2
	exit 1
fi

policy=/usr/sbin/policy-rc.d
made_policy=
if [ ! -e "$policy" ]; then
	trap '[ -z "$made_policy" ] || $sudo rm -f "$policy"' EXIT
	trap 'exit 1' INT TERM HUP
	printf '#!/bin/sh\n# Left by reseauter conf/deps.sh while it installs: start no service.\nexit 101\n' |
	    $sudo tee "$policy" >/dev/null
	$sudo chmod 755 "$policy"
	made_policy=yes
fi

# shellcheck disable=SC2086  # the list is split on purpose
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
# shellcheck disable=SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends $missing
