#!/usr/bin/env bash
# check.sh [SUITE...]: runs the test suites of `make check` and sums them.
#
# Suites: unit (build/tests/test_*), asan (build-asan/tests/test_*, with
# ASan, UBSan and LeakSanitizer), fuzz (tests/fuzz/replay.sh: every file
# of each fuzz harness's corpus and regressions through
# build/fuzz/replay_<name>, one test per file; no libFuzzer), fuzz-asan
# (the same through build-asan/fuzz/replay_<name>, with ASan, UBSan and
# LeakSanitizer), valgrind (build/tests/test_* under valgrind's memcheck,
# then the journey and the account journey with the program as one
# FastCGI process under memcheck), po (tests/check-po.sh), tpl (tests/check-templates.sh),
# js (tests/charcount/run.sh), e2e/lighttpd, e2e/nginx, e2e/keepconn
# (nginx's kept connections, fewer threads than connections), e2e/apache,
# e2e/cgi, e2e/share, e2e/summary, e2e/export, e2e/install, e2e/demo,
# e2e/cohorts, e2e/faults (a full disk, a read-only database),
# e2e/slowbody (slow request bodies do not keep the workers) and the
# other tests/e2e/*.sh, e2e/https (tests/e2e/authz.sh, every route, behind
# nginx over TLS: HSTS, Secure __Host- cookies), e2e/lighttpd-asan and
# e2e/cgi-asan, the same with
# build-asan/reseauter, and browser
# (tests/browser/run.sh: chromium through playwright-core, with axe-core;
# needs `make browser-deps`).  Without argument, all of them.  Each
# suite's output goes to $B/check/<suite>.log; what is printed is one line
# per suite, the failures, and last exactly one line "N passed, N failed"
# for everything.  Exits 1 when anything failed.
#
# The counts: a cmocka program says "[  PASSED  ] N test(s)." and
# "[  FAILED  ] N test(s), listed below:"; a shell suite ends with its own
# "N passed, N failed".  A program that exits non-zero with no failure
# counted (a crash, a sanitizer report, a leak) counts one failure more.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
B=${B:-build}
ASAN_B=${ASAN_B:-build-asan}
LOGDIR=$B/check
mkdir -p "$LOGDIR"
unset CMOCKA_MESSAGE_OUTPUT CMOCKA_XML_FILE

total_pass=0
total_fail=0

# note SUITE PASSED FAILED LOG: adds to the totals and prints the suite's
# line, then the failure lines of its log.
note() {
	local suite=$1 p=$2 f=$3 log=$4
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	printf '%-34s %5d ok %5d failing   (%s)\n' "$suite" "$p" "$f" "$log"
	if [ "$f" -gt 0 ]; then
		# The failure lines, with the indented detail lines that follow.
		awk '/^(FAIL|\[  FAILED  \] [a-z_]|\[  ERROR   \]|==[0-9]+==ERROR|SUMMARY:|not ok)/ || /runtime error:/ || /^==[0-9]+== [^ ]/ {
		        print; detail = 3; next }
		    detail > 0 && /^     / { print; detail--; next }
		    { detail = 0 }' "$log" | head -n 60 | sed -e 's/^/    | /'
	fi
}

# run_cmocka SUITE PROGRAM [ARGS...]: runs one cmocka program (or a
# command that runs it, such as valgrind) with a time limit.
run_cmocka() {
	local suite=$1 prog=$2 log p f rc
	shift
	log=$LOGDIR/$(echo "$suite" | tr '/' '-').log
	timeout "${CHECK_TIMEOUT:-600}" "$@" >"$log" 2>&1 </dev/null
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL $prog exited with status $rc and no failed test counted" >>"$log"
		f=1
	fi
	note "$suite" "$p" "$f" "$log"
}

# run_script SUITE COMMAND...: runs a shell suite that ends with
# "N passed, N failed" (or, lacking it, is judged by its exit status).
run_script() {
	local suite=$1 log line p f rc
	shift
	log=$LOGDIR/$(echo "$suite" | tr '/' '-').log
	timeout "${CHECK_TIMEOUT:-1800}" "$@" >"$log" 2>&1 </dev/null
	rc=$?
	line=$(grep -E '^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -n "$line" ]; then
		p=$(echo "$line" | sed -E 's/^([A-Za-z-]+: )?([0-9]+) passed.*/\2/')
		f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	elif [ "$rc" -eq 0 ]; then
		p=1 f=0
	else
		p=0 f=0
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL $* exited with status $rc and no failure counted" >>"$log"
		f=1
	fi
	note "$suite" "$p" "$f" "$log"
}

suite_unit() {
	local dir=$1 label=$2 t found=
	for t in "$dir"/tests/test_*; do
		[ -f "$t" ] && [ -x "$t" ] || continue
		found=yes
		run_cmocka "$label/$(basename "$t")" "$t"
	done
	[ -n "$found" ] || echo "$label: no unit test program in $dir/tests"
}

# The options of every memcheck run: leaks that count are definite and
# indirect ones; only what a library keeps for the life of the process is
# suppressed (tests/valgrind.supp says what and why); -q leaves only the
# reports, and any of them makes the exit status 99.  valgrind runs one
# thread at a time: --fair-sched=yes hands the turn round, without which
# a thread that loops (test_plan's reader beside its writer) can keep it
# for minutes.
VALGRIND=(valgrind --tool=memcheck --fair-sched=yes --leak-check=full
    --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect --error-exitcode=99 -q
    --suppressions="$PWD/tests/valgrind.supp")

# suite_valgrind: every unit test program under memcheck (a report makes
# the program fail), then the journey (tests/e2e/valgrind.sh: journey.sh's
# journey) and the account journey (tests/e2e/account.sh: sign-up, login
# with and without two-factor, the account pages, the administration),
# each with the program as ONE FastCGI process under memcheck behind nginx
# for the whole suite, stopped with SIGTERM at the end so that its leaks
# are reported (E2E_VALGRIND in tests/e2e/lib.sh): any error or definite
# or indirect leak in its log fails the suite.  A process that lives for
# every request pays the start (templates, fonts, argon2's 64 MiB) once;
# the same journeys through plain CGI, each request a new process under
# memcheck, would take an hour.  About five minutes in all on two cores.
suite_valgrind() {
	local t found=
	if ! command -v valgrind >/dev/null 2>&1; then
		echo "FAIL valgrind: not installed (make check-deps)"
		total_fail=$((total_fail + 1))
		return
	fi
	for t in "$B"/tests/test_*; do
		[ -f "$t" ] && [ -x "$t" ] || continue
		found=yes
		CHECK_TIMEOUT=1800 run_cmocka "valgrind/$(basename "$t")" \
		    "${VALGRIND[@]}" "$t"
	done
	[ -n "$found" ] || echo "valgrind: no unit test program in $B/tests"
	run_script valgrind/e2e-journey \
	    env E2E_VALGRIND=1 bash tests/e2e/valgrind.sh
	run_script valgrind/e2e-account \
	    env E2E_SERVER=nginx-socket E2E_VALGRIND=1 bash tests/e2e/account.sh
}

run_suite() {
	case $1 in
	unit)
		suite_unit "$B" unit ;;
	valgrind)
		suite_valgrind ;;
	asan)
		export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1
		export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
		if [ -f tests/unit/lsan.supp ]; then
			export LSAN_OPTIONS=suppressions=$PWD/tests/unit/lsan.supp:print_suppressions=0
		fi
		suite_unit "$ASAN_B" asan
		unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS ;;
	po)
		if [ -f tests/check-po.sh ]; then
			run_script po bash tests/check-po.sh
		else
			echo "po: tests/check-po.sh not written yet"
		fi ;;
	tpl)
		# Every word of the templates goes through translation.
		run_script tpl sh tests/check-templates.sh ;;
	js)
		# The character counter of the pages, against the same cases as C.
		run_script js sh tests/charcount/run.sh ;;
	e2e/*-asan)
		# The same suite with the sanitizer build of the program.
		case $ASAN_B in /*) bin=$ASAN_B/reseauter ;; *) bin=$PWD/$ASAN_B/reseauter ;; esac
		run_script "$1" env E2E_BIN="$bin" E2E_SANITIZED=1 \
		    bash "tests/${1%-asan}.sh" ;;
	e2e/https)
		# The authorization matrix, every route, over HTTPS (nginx with
		# TLS): HSTS on every answer, every cookie Secure and __Host-.
		run_script "$1" env E2E_SERVER=nginx-tls bash tests/e2e/authz.sh ;;
	e2e/*)
		run_script "$1" bash "tests/$1.sh" ;;
	browser)
		run_script browser bash tests/browser/run.sh ;;
	fuzz)
		# The fuzz corpus and every crash ever found, without libFuzzer.
		run_script fuzz sh tests/fuzz/replay.sh "$B" ;;
	fuzz-asan)
		export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1
		export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
		run_script fuzz-asan sh tests/fuzz/replay.sh "$ASAN_B"
		unset ASAN_OPTIONS UBSAN_OPTIONS ;;
	*)
		echo "check.sh: no suite named $1" >&2
		total_fail=$((total_fail + 1)) ;;
	esac
}

if [ $# -eq 0 ]; then
	set -- unit asan fuzz fuzz-asan valgrind po tpl js \
	    e2e/lighttpd e2e/nginx e2e/keepconn e2e/apache e2e/cgi \
	    e2e/share e2e/summary e2e/export e2e/install \
	    e2e/demo e2e/cohorts e2e/admin e2e/dashboard e2e/comments e2e/authz e2e/https \
	    e2e/account e2e/faults e2e/slowbody \
	    e2e/lighttpd-asan e2e/cgi-asan browser
fi
for s in "$@"; do
	run_suite "$s"
done

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
