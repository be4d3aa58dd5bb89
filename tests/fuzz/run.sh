#!/bin/sh
# run.sh run|merge [NAME...]: runs the libFuzzer harnesses of tests/fuzz/
# (built by `make fuzz-build` into $FUZZ_B/fuzz/fuzz_<name>), all of them
# when no NAME is given.  `make fuzz` and `make fuzz-merge` call it.
#
#   run    runs each harness for FUZZ_SECONDS (default 60), or until it
#          has made FUZZ_RUNS executions when that is set and comes first,
#          one after the other, from tests/fuzz/<name>/corpus and
#          regressions.
#          What it learns goes to $FUZZ_B/corpus/<name>/ (never into
#          tests/), what it finds to $FUZZ_B/findings/<name>/ (crash-...,
#          leak-..., timeout-..., oom-...), its output to
#          $FUZZ_B/logs/<name>.log.  Prints one line per harness with its
#          executions and findings, then the totals; exits 1 when anything
#          was found or a harness could not run.
#   merge  minimises tests/fuzz/<name>/corpus together with what
#          $FUZZ_B/corpus/<name>/ learnt, with libFuzzer's -merge=1 into a
#          fresh directory that then replaces the corpus.  The hand-made
#          seeds (seed-*) always stay, under their names: the others are
#          kept only when they add coverage to them.  Regressions are left
#          as they are.
#
# A finding is kept by hand: copy the input into
# tests/fuzz/<name>/regressions/ with a name that says what it was, so
# that `make check` replays it for ever (docs/RELIABILITY.md).
set -u

cd "$(dirname "$0")/../.." || exit 1
FUZZ_B=${FUZZ_B:-build/libfuzzer}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_RUNS=${FUZZ_RUNS:-}
runs=
[ -n "$FUZZ_RUNS" ] && runs=-runs=$FUZZ_RUNS

mode=${1:-}
[ $# -gt 0 ] && shift
case $mode in
run|merge) ;;
*)
	echo "usage: $0 run|merge [NAME...]" >&2
	exit 2 ;;
esac
if [ $# -eq 0 ]; then
	for f in tests/fuzz/fuzz_*.c; do
		n=${f#tests/fuzz/fuzz_}
		set -- "$@" "${n%.c}"
	done
fi

# count DIR: the number of files in DIR (0 when it does not exist).
count() {
	if [ -d "$1" ]; then
		find "$1" -type f ! -name '.*' | wc -l | tr -d ' '
	else
		echo 0
	fi
}

status=0
total_exec=0
total_found=0
for name in "$@"; do
	bin=$FUZZ_B/fuzz/fuzz_$name
	src=tests/fuzz/$name
	if [ ! -x "$bin" ]; then
		echo "$name: no $bin (make fuzz-build)" >&2
		status=1
		continue
	fi
	work=$FUZZ_B/corpus/$name
	mkdir -p "$work" "$src/corpus"
	dict=
	[ -f "$src/dict" ] && dict=-dict=$src/dict
	seeds="$src/corpus"
	[ -d "$src/regressions" ] && seeds="$seeds $src/regressions"

	if [ "$mode" = merge ]; then
		new=$FUZZ_B/merge/$name
		rm -rf "$new"
		mkdir -p "$new" "$FUZZ_B/logs"
		before=$(count "$src/corpus")
		# The seeds go first: what merges in must add to them.
		find "$src/corpus" -type f -name 'seed-*' -exec cp {} "$new/" \;
		# shellcheck disable=SC2086  # $dict is one word or none
		if ! "$bin" -merge=1 $dict "$new" "$src/corpus" "$work" \
		    >"$FUZZ_B/logs/$name-merge.log" 2>&1; then
			echo "$name: merge failed ($FUZZ_B/logs/$name-merge.log)" >&2
			status=1
			continue
		fi
		find "$src/corpus" -type f ! -name '.*' ! -name 'seed-*' \
		    -exec rm -f {} +
		find "$new" -type f ! -name 'seed-*' -exec cp {} "$src/corpus/" \;
		printf '%-10s corpus %5d files -> %5d files, %s bytes\n' \
		    "$name" "$before" "$(count "$src/corpus")" \
		    "$(cat "$src/corpus"/* | wc -c | tr -d ' ')"
		continue
	fi

	art=$FUZZ_B/findings/$name
	log=$FUZZ_B/logs/$name.log
	mkdir -p "$art" "$FUZZ_B/logs"
	before=$(count "$art")
	start=$(date +%s)
	# shellcheck disable=SC2086  # $runs, $dict: a word or none; $seeds: words
	"$bin" -max_total_time="$FUZZ_SECONDS" $runs -print_final_stats=1 \
	    -timeout=25 -rss_limit_mb=2048 -artifact_prefix="$art/" $dict \
	    "$work" $seeds >"$log" 2>&1
	rc=$?
	secs=$(( $(date +%s) - start ))
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	execs=${execs:-0}
	found=$(( $(count "$art") - before ))
	rate=0
	[ "$secs" -gt 0 ] && rate=$(( execs / secs ))
	printf '%-10s %12d executions in %5d s (%6d/s), %d finding(s)\n' \
	    "$name" "$execs" "$secs" "$rate" "$found"
	if [ "$found" -gt 0 ]; then
		ls -t "$art" | head -n "$found" | sed -e "s|^|    $art/|"
		grep -a -m 3 -E 'property failed|ERROR: [A-Za-z]*Sanitizer|runtime error|ERROR: libFuzzer' \
		    "$log" | sed -e 's/^/    | /'
		status=1
	elif [ "$rc" -ne 0 ]; then
		echo "    $bin exited with status $rc: see $log"
		status=1
	fi
	total_exec=$((total_exec + execs))
	total_found=$((total_found + found))
done
[ "$mode" = run ] &&
	echo "fuzz: $total_exec executions, $total_found finding(s), $FUZZ_SECONDS s per harness"
exit $status
