#!/usr/bin/env bash
# tests/browser/run.sh [NODE-TEST-OPTION...]: the browser suite.
#
# Starts the program behind lighttpd on a free port of 127.0.0.1 with a
# fresh database, as the end-to-end suites do (tests/e2e/lib.sh), then runs
# the journeys of tests/browser/*.test.mjs with node's test runner: Debian's
# chromium (/usr/bin/chromium) driven by playwright-core, axe-core checking
# every page reached.  Screenshots go to $B/screenshots/.  Prints every
# test as "ok" or "FAIL" with its reason, and last "N passed, N failed".
#
# Needs node, oathtool and the packages of package-lock.json in tests/browser/
# node_modules (`make browser` installs them with npm ci).  Options are
# passed on to node --test, for example --test-name-pattern=conflict.
# BROWSER_CHROMIUM names another chromium, BROWSER_TIMEOUT_MS the time an
# action may take (15000), BROWSER_JOURNEYS_AT_ONCE how many journeys run
# at the same time (3); E2E_KEEP=1 keeps the database and the logs.
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/../e2e/lib.sh"

e2e_setup browser
if ! command -v node >/dev/null 2>&1; then
	e2e_die "node is installed" "make check installs it (nodejs npm) when it is missing"
fi
if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/@axe-core/playwright" ]; then
	e2e_die "tests/browser/node_modules holds playwright-core and @axe-core/playwright" \
	    "run make browser-deps (npm ci in tests/browser)"
fi
# The journeys of two-factor compute the codes of the app with oathtool.
command -v oathtool >/dev/null 2>&1 || e2e_die "oathtool is installed" "make check-deps installs it"
BROWSER_CHROMIUM=${BROWSER_CHROMIUM:-/usr/bin/chromium}
[ -x "$BROWSER_CHROMIUM" ] || e2e_die "$BROWSER_CHROMIUM is installed" \
    "make check installs the Debian package chromium"

# Every person of every journey signs up from 127.0.0.1: more than the
# sign-ups one address may make in an hour (RESEAUTER_SIGNUP_MAX_ADDR, 30)
# once the journeys grow.
export RESEAUTER_SIGNUP_MAX_ADDR=1000
server_start lighttpd

export BROWSER_BASE_URL=$BASE
export BROWSER_CHROMIUM
export BROWSER_SCREENSHOTS=$B/screenshots
export BROWSER_ROOT=$E2E_ROOT
# The trainer journeys give the trainer role with $B/reseauter-admin, or
# with sqlite3 on $RESEAUTER_DB (exported by e2e_setup) without it.
export BROWSER_BUILD=$B
mkdir -p "$BROWSER_SCREENSHOTS"
rm -f "$BROWSER_SCREENSHOTS"/*.png

results=$E2E_DIR/results
: >"$results"
section "node --test $here/journeys.test.mjs"
# The spec reporter for a person reading the log; results.mjs writes one
# line per test for the counts below.  The journeys take minutes on a
# busy machine: 25 at most, within conf/check.sh's 30 for a suite.
(cd "$here" && timeout 1500 node --test \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=./lib/results.mjs --test-reporter-destination="$results" \
    "$@" journeys.test.mjs) </dev/null
rc=$?

section "browser: the journeys"
counted=0 name='' detail=''
flush() {
	[ -z "$name" ] || bad "$name" "$detail"
	name='' detail=''
}
while IFS= read -r line; do
	case $line in
	'PASS '*) flush; ok "${line#PASS }"; counted=$((counted + 1)) ;;
	'FAIL '*) flush; name=${line#FAIL }; counted=$((counted + 1)) ;;
	'SKIP '*) flush; printf 'skip %s\n' "${line#SKIP }" ;;
	'     '*) detail+="${detail:+$'\n'}${line#     }" ;;
	esac
done <"$results"
flush
if [ "$rc" -ne 0 ] && [ "$E2E_FAIL" -eq 0 ]; then
	bad "node --test ran to the end" "exit status $rc"
elif [ "$counted" -eq 0 ]; then
	bad "node --test ran the journeys" "no test reported"
fi
echo "screenshots: $BROWSER_SCREENSHOTS ($(find "$BROWSER_SCREENSHOTS" -name '*.png' | wc -l) files)"
e2e_finish
