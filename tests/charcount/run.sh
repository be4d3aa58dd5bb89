#!/bin/sh
# tests/charcount/run.sh: the Node tests of static/charcount.js, for
# conf/check.sh.
#
# Runs tests/charcount/charcount.test.js with Node's own test runner
# (node:test, Node 18 or later; $NODE if set), shows its output, and ends
# with the line "N passed, N failed" that conf/check.sh sums.  Exits with
# the runner's status, or 1 when Node is missing (counted as one failure).
set -u

root=$(cd "$(dirname "$0")/../.." && pwd)
node=${NODE:-node}
if ! command -v "$node" >/dev/null 2>&1; then
	echo "FAIL: $node not found (Debian package nodejs)"
	echo "0 passed, 1 failed"
	exit 1
fi
out=$(cd "$root" && "$node" --test tests/charcount/charcount.test.js 2>&1)
rc=$?
printf '%s\n' "$out"
pass=$(printf '%s\n' "$out" | sed -n 's/^# pass \([0-9][0-9]*\)$/\1/p' | tail -n 1)
fail=$(printf '%s\n' "$out" | sed -n 's/^# fail \([0-9][0-9]*\)$/\1/p' | tail -n 1)
echo "${pass:-0} passed, ${fail:-0} failed"
exit $rc
