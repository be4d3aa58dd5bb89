#!/bin/sh
# replay.sh [DIR]: the suites fuzz and fuzz-asan of `make check`.
#
# Runs every file of tests/fuzz/<name>/corpus and tests/fuzz/<name>/
# regressions through the replay program of its harness,
# DIR/fuzz/replay_<name> (DIR is a build: build, where `make all` builds
# them with gcc, or build-asan by default, where `make asan` builds them
# with gcc, ASan and UBSan; no libFuzzer is needed).  Each file is one
# test: it passes when its child process ends cleanly, with no sanitizer
# report, no leak, no failed property and within the time limit
# (tests/fuzz/replay.c).  Prints one line per harness, a FAIL line per
# failing file, and last "N passed, N failed"; exits 1 when anything
# failed.  A harness without its replay program is one failure.
set -u

cd "$(dirname "$0")/../.." || exit 1
DIR=${1:-build-asan}
: "${ASAN_OPTIONS:=detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1}"
: "${UBSAN_OPTIONS:=print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS UBSAN_OPTIONS

pass=0
fail=0
for src in tests/fuzz/fuzz_*.c; do
	name=${src#tests/fuzz/fuzz_}
	name=${name%.c}
	prog=$DIR/fuzz/replay_$name
	if [ ! -x "$prog" ]; then
		echo "FAIL $name: no $prog (make all, or make asan)"
		fail=$((fail + 1))
		continue
	fi
	out=$("$prog" -q "tests/fuzz/$name/corpus" "tests/fuzz/$name/regressions" 2>&1)
	rc=$?
	line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
	f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed$/\1/p')
	p=${p:-0}
	f=${f:-0}
	# Everything but the count line: the failures and their reports.
	printf '%s\n' "$out" | grep -v -E '^[0-9]+ passed, [0-9]+ failed$'
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL $name: $prog exited with status $rc"
		f=1
	fi
	echo "== $name: $p passed, $f failed"
	pass=$((pass + p))
	fail=$((fail + f))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
