#!/usr/bin/env bash
# tests/bench/run.sh: the benchmarks of issue #7, run by `make bench`.
# Once the machine is quiet, the benchmarks without HTTP
# (tests/bench/bench_*.c, built by make bench), then side by side, in one
# run, on loopback, with wrk:
#   1. nginx serving a static file of the plan page's size (the limit);
#   2. a hello-world FastCGI responder (tests/bench/hello.c) behind the
#      same nginx (the floor of libfcgi);
#   3. the plan page of a full plan, logged in (GET /o/<id>/);
#   4. the shared summary (GET /s/<token>);
#   5. a section save (POST /o/<id>/mission, durable: a 303 per save);
#   6. the trainer's dashboard of a cohort of 500 organisations (GET /c/<id>);
#   7. the PDF of a full plan (GET /o/<id>/summary.pdf);
#   8. login (POST /login: argon2id, costly on purpose).
# Each row runs BENCH_SECONDS at BENCH_CONNECTIONS connections (login at
# BENCH_LOGIN_CONNECTIONS), then BENCH_SECONDS_ONE at one connection (the
# time one person waits); the table gives successes per second, their
# ratio to row 1, wrk's p50/p90/p99 latencies, the errors, the
# program's processor time during the run, and the median at one
# connection.  Then the resident memory of the program (VmRSS and
# VmHWM of /proc/<pid>/status) under rows 1-7 and under the logins, and
# callgrind's instruction counts of rows 3-6: the program run once per
# request as plain CGI (start-up taken out), and warm, serving FastCGI
# under callgrind with requests sent by cgi-fcgi (row 7 too, warm only).  These counts do not
# depend on how busy the machine is.  Last, each goal of issue #7, met or
# missed and by how much.
#
# The program runs behind nginx as tests/e2e/lib.sh starts it
# (server_start nginx-socket), in a temporary directory with a fresh
# database; a second server block of the same nginx serves rows 1 and 2.
# The data: the plan owner and the trainer sign up and log in for real;
# the full plans are the demonstration plan (lib/demo/housing.fr.json)
# imported through POST /orgs/new, one to read and one per connection of
# the save row; the 500 organisations of the cohort are put straight in
# the database (SQL, like tests/bench/bench_dashboard.c does): signing up
# 500 accounts would cost 500 argon2id hashes and prove nothing more.
#
# Before the measured runs, it waits until the 1-minute load average is
# under BENCH_LOAD_MAX (polling every 30 s, BENCH_WAIT seconds at most:
# the machine is shared), and reports the load average beside the
# figures.  The report (Markdown) is printed and written to BENCH_REPORT.
#
# Exits 1 when something really failed: a server that does not start, a
# step of the preparation refused, an error or an unexpected status in a
# run, the program crashing.  A goal missed is reported, never a failure.
#
# Settings (environment): B (build directory), BENCH_SECONDS (10),
# BENCH_SECONDS_ONE (5), BENCH_CONNECTIONS (32), BENCH_LOGIN_CONNECTIONS
# (8), BENCH_THREADS (wrk's threads, 2; the save row uses one thread per
# connection), BENCH_WARMUP (seconds of unmeasured load before each row,
# 2), BENCH_ORGS (500), BENCH_LOAD_MAX (1.5), BENCH_WAIT (1200; 0 does not
# wait), BENCH_CALLGRIND (1; 0 leaves callgrind out), BENCH_KEEPCONN (1;
# 0: nginx opens a new FastCGI connection for each request, to the
# program and to the hello responder alike, instead of keeping them as
# conf/nginx.conf does), BENCH_REPORT
# ($B/bench/report.md); RESEAUTER_THREADS (4) for the program and the
# hello responder alike; E2E_KEEP=1 keeps the temporary directory.

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../e2e/lib.sh
. "$here/../e2e/lib.sh"
# shellcheck source=callgrind.sh
. "$here/callgrind.sh"

BENCH_SECONDS=${BENCH_SECONDS:-10}
BENCH_SECONDS_ONE=${BENCH_SECONDS_ONE:-5}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-32}
BENCH_LOGIN_CONNECTIONS=${BENCH_LOGIN_CONNECTIONS:-8}
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_WARMUP=${BENCH_WARMUP:-2}
BENCH_ORGS=${BENCH_ORGS:-500}
BENCH_LOAD_MAX=${BENCH_LOAD_MAX:-1.5}
BENCH_WAIT=${BENCH_WAIT:-1200}
BENCH_CALLGRIND=${BENCH_CALLGRIND:-1}
BENCH_KEEPCONN=${BENCH_KEEPCONN:-1}
BENCH_REPORT=${BENCH_REPORT:-$B/bench/report.md}
BENCH_HELLO=${BENCH_HELLO:-$B/bench/hello}
BENCH_COMMAND=${BENCH_COMMAND:-tests/bench/run.sh}
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
export RESEAUTER_THREADS=${RESEAUTER_THREADS:-4}

OWNER_EMAIL=owner@bench.invalid
TRAINER_EMAIL=trainer@bench.invalid
# Passwords of the benchmark's own throw-away accounts.
OWNER_PW='Tournesol-du-plateau-58'
TRAINER_PW='Castor-des-berges-17'
DEMO_JSON=$E2E_ROOT/lib/demo/housing.fr.json
SECTION=mission

for tool in wrk nginx curl sqlite3; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "bench: $tool is missing: make bench installs it (conf/deps.sh)" >&2
		exit 1
	}
done
for tool in valgrind callgrind_annotate cgi-fcgi; do
	[ "$BENCH_CALLGRIND" = 0 ] || command -v "$tool" >/dev/null 2>&1 || {
		echo "bench: $tool is missing: make bench installs it (conf/deps.sh)" >&2
		exit 1
	}
done
[ -x "$BENCH_HELLO" ] || {
	echo "bench: $BENCH_HELLO is not built: run make bench" >&2
	exit 1
}

# sql STATEMENTS: runs on the benchmark's database, while the program runs (WAL).
sql() {
	sqlite3 -cmd '.timeout 10000' "$RESEAUTER_DB" "$1"
}

# calc EXPRESSION: prints what awk makes of EXPRESSION (floating point).
calc() {
	awk "BEGIN { print $1 }"
}

# mib KIB: prints KiB as MiB with one decimal.
mib() {
	awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

# new_org: the organisation of the Location of the last answer (/o/<id>/).
new_org() {
	location | sed -n 's,^/o/\([0-9]*\)/$,\1,p'
}

# need DESCRIPTION CONDITION...: the preparation cannot go on unless the
# command CONDITION succeeds.
need() {
	local what=$1
	shift
	if "$@"; then
		ok "$what"
	else
		e2e_die "$what" "$(what_came)"
	fi
}

# status_is CODE: the last answer had status CODE.
status_is() {
	[ "$STATUS" = "$1" ]
}

# signup WHO ORG NAME EMAIL PASSWORD: WHO signs up, and is logged in.
signup() {
	as "$1"
	get /signup
	post /signup org_name="$2" name="$3" email="$4" password="$5" csrf="$(form_token)"
	need "$3 signs up" status_is 303
}

# import_plan NAME: the current user makes the organisation NAME from the
# demonstration plan (POST /orgs/new, multipart, as the form sends it);
# prints its id.
import_plan() {
	local code
	get /orgs/new
	code=$(curl -sS -o "$E2E_DIR/body" -D "$E2E_DIR/headers.raw" -w '%{http_code}' \
	    -H "Cookie: $(cookie_header)" -F "csrf=$(csrf_token)" -F "name=$1" \
	    -F "file=@$DEMO_JSON;type=application/json" "$BASE/orgs/new")
	tr -d '\r' <"$E2E_DIR/headers.raw" | sed -e '1d' -e '/^$/d' >"$E2E_DIR/headers"
	STATUS=$code
	E2E_LAST="POST /orgs/new ($1)"
	[ "$code" = 303 ] && new_org
}

# --- the machine --------------------------------------------------------------

load1() {
	cut -d ' ' -f 1 /proc/loadavg
}

# wait_quiet: waits until the 1-minute load average is under
# BENCH_LOAD_MAX, BENCH_WAIT seconds at most; sets QUIET (yes or no) and
# WAITED (seconds).
wait_quiet() {
	local start=$SECONDS
	QUIET=yes
	while awk -v l="$(load1)" -v m="$BENCH_LOAD_MAX" 'BEGIN { exit !(l >= m) }'; do
		if [ $((SECONDS - start)) -ge "$BENCH_WAIT" ]; then
			QUIET=no
			break
		fi
		echo "bench: load average $(load1) (at least $BENCH_LOAD_MAX): waiting 30 s, $((BENCH_WAIT - (SECONDS - start))) s left"
		sleep 30
	done
	WAITED=$((SECONDS - start))
}

machine() {
	local cpu mem kernel os
	cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
	mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
	kernel=$(uname -r)
	os=$(. /etc/os-release 2>/dev/null && printf '%s' "$PRETTY_NAME")
	[ ! -r /etc/debian_version ] || os="$os ($(cat /etc/debian_version))"
	printf '%s cores (nproc), %s, %s of memory; %s; Linux %s; %s; %s' \
	    "$(nproc)" "${cpu:-unknown CPU}" "$mem" "$os" "$kernel" \
	    "$(nginx -v 2>&1 | sed 's,^nginx version: ,,')" \
	    "$(wrk --version 2>&1 | head -n 1 | awk '{ print "wrk " $2 }')"
}

# disk_syncs: prints how many synchronous 4 KiB overwrites per second the
# disk of the database takes (dd with oflag=dsync): what bounds durable
# saves, each of which waits for its commit to reach the disk.
disk_syncs() {
	local f=$E2E_DIR/dsync-test secs
	dd if=/dev/zero of="$f" bs=4k count=256 2>/dev/null && sync
	secs=$({ LC_ALL=C dd if=/dev/zero of="$f" bs=4k count=256 oflag=dsync conv=notrunc 2>&1 >/dev/null; } |
	    sed -n 's/.* copied, \([0-9.e-]*\) s,.*/\1/p')
	rm -f "$f"
	awk -v s="$secs" 'BEGIN { if (s > 0) printf "%.0f", 256 / s; else print "?" }'
}

# --- the program's memory -------------------------------------------------------

# status_kib FIELD: the FIELD (VmRSS, VmHWM) of the program, in KiB.
status_kib() {
	awk -v f="$1:" '$1 == f { print $2 }' "/proc/$PROGRAM_PID/status"
}

# hwm_reset: the program's VmHWM starts again from its VmRSS (Linux's
# clear_refs); says so in HWM_RESET.
hwm_reset() {
	if echo 5 >"/proc/$PROGRAM_PID/clear_refs" 2>/dev/null; then
		HWM_RESET=yes
	else
		HWM_RESET=no
	fi
}

# cpu_ticks PID: the processor time PID has used so far, in clock ticks.
cpu_ticks() {
	sed -e 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }'
}

# drain: waits (60 s at most) until the program has used no processor
# time for half a second.  When wrk stops, nginx drops the requests it had
# passed on, but the program answers them all the same: without this, one
# row's leftovers would slow the next one down (and the saves' versions
# would move after they were read).
drain() {
	local before after i
	after=$(cpu_ticks "$PROGRAM_PID")
	for i in $(seq 1 120); do
		sleep 0.5
		before=$after
		after=$(cpu_ticks "$PROGRAM_PID")
		[ "$before" != "$after" ] || return 0
	done
}

# --- wrk ------------------------------------------------------------------------

# wrk_run ROW CONNECTIONS THREADS SECONDS: one wrk run of row ROW (its URL,
# mode, expected status and cookie in the arrays below); sets OK BAD ERRS
# RPS P50 P90 P99 CODES.  An error or an unexpected status is a failure of
# the run, written down with bad.
wrk_run() {
	local row=$1 c=$2 t=$3 s=$4 out line
	out=$E2E_DIR/wrk-$row-c$c
	BENCH_MODE=${MODE[row]} BENCH_EXPECT=${EXPECT[row]} \
	    BENCH_COOKIE=${COOKIE[row]} BENCH_RESULT=$out.result \
	    BENCH_SAVE_ORGS=${SAVE_ORGS:-} BENCH_SAVE_PATH=${SAVE_PATH:-} \
	    BENCH_SAVE_BODY=${SAVE_BODY:-} BENCH_LOGIN_BODY=${LOGIN_BODY:-} \
	    nice -n 0 wrk -t"$t" -c"$c" -d"${s}s" --timeout 30s --latency \
	    -s "$here/wrk.lua" "${URL[row]}" >"$out.txt" 2>&1
	drain
	line=$(cat "$out.result" 2>/dev/null)
	eval "$(printf '%s\n' "$line" | tr ' ' '\n' | sed -n 's/^\(ok\|bad\|errors\|rps\|p50\|p90\|p99\|codes\)=\(.*\)$/W_\1="\2"/p')"
	OK=${W_ok:-} BAD=${W_bad:-} ERRS=${W_errors:-} RPS=${W_rps:-}
	P50=${W_p50:-} P90=${W_p90:-} P99=${W_p99:-} CODES=${W_codes:-}
	unset W_ok W_bad W_errors W_rps W_p50 W_p90 W_p99 W_codes
	if [ -z "$RPS" ]; then
		bad "row $row (${NAME[row]}), $c connections: wrk ran" "$(tail -n 20 "$out.txt")"
		OK=0 BAD=0 ERRS=0 RPS=0 P50=0 P90=0 P99=0 CODES=none
	elif [ "$BAD" != 0 ] || [ "$ERRS" != 0 ] || [ "$OK" = 0 ]; then
		bad "row $row (${NAME[row]}), $c connections: every answer a ${EXPECT[row]}, no socket error" \
		    "$OK successes, $BAD other statuses, $ERRS socket errors; statuses $CODES"
	else
		ok "row $row (${NAME[row]}), $c connections: $OK answers, all ${EXPECT[row]}"
	fi
}

# save_orgs: "ORG:VERSION ..." of the save row's organisations, as the
# database has them now.
save_orgs() {
	local org v spec=
	for org in "${SAVE_ORG_IDS[@]}"; do
		v=$(sql "SELECT version FROM plan_sections WHERE org_id = $org AND section = '$SECTION'")
		spec="$spec $org:${v:-0}"
	done
	printf '%s' "${spec# }"
}

# measure ROW: warms row ROW up, then runs it at its connections and at
# one; keeps the figures in the R_* arrays.
measure() {
	local row=$1 c=$BENCH_CONNECTIONS t=$BENCH_THREADS ticks
	[ "${MODE[row]}" != login ] || c=$BENCH_LOGIN_CONNECTIONS
	[ "${MODE[row]}" != save ] || t=$c
	[ "$t" -le "$c" ] || t=$c
	printf 'bench: row %d, %s: %d connections, %d s\n' "$row" "${NAME[row]}" "$c" "$BENCH_SECONDS"
	if [ "$BENCH_WARMUP" -gt 0 ]; then
		[ "${MODE[row]}" != save ] || SAVE_ORGS=$(save_orgs)
		wrk_run "$row" "$c" "$t" "$BENCH_WARMUP" >/dev/null
	fi
	[ "${MODE[row]}" != save ] || SAVE_ORGS=$(save_orgs)
	ticks=$(cpu_ticks "$PROGRAM_PID")
	wrk_run "$row" "$c" "$t" "$BENCH_SECONDS"
	ticks=$(($(cpu_ticks "$PROGRAM_PID") - ticks))
	R_CONNS[row]=$c R_ERR[row]=$((BAD + ERRS)) R_RPS[row]=$RPS
	R_P50[row]=$P50 R_P90[row]=$P90 R_P99[row]=$P99
	# The program's processor time over the run (and the drain after
	# it), in % of one core: 200 is both cores of this machine.
	R_CPU[row]=$(awk -v t="$ticks" -v hz="$CLK_TCK" -v s="$BENCH_SECONDS" 'BEGIN { printf "%.0f", t / hz / s * 100 }')
	[ "${MODE[row]}" != save ] || SAVE_ORGS=$(save_orgs)
	wrk_run "$row" 1 1 "$BENCH_SECONDS_ONE"
	R_ONE_P50[row]=$P50 R_ONE_P99[row]=$P99 R_ONE_RPS[row]=$RPS
	R_ERR[row]=$((R_ERR[row] + BAD + ERRS))
}

# --- callgrind --------------------------------------------------------------------

# cg_req METHOD PATH: one request of the current user, through req
# (tests/e2e/lib.sh's CGI transport, whatever E2E_BIN is).  A save posts
# the section's form at its current version; the visitor of the shared
# summary comes without cookies each time, as wrk's requests do.
cg_req() {
	local v
	[ "$E2E_USER" != anonymous ] || : >"$E2E_DIR/jars/anonymous"
	if [ "$1" = POST ]; then
		v=$(sql "SELECT version FROM plan_sections WHERE org_id = ${SAVE_ORG_IDS[0]} AND section = '$SECTION'")
		printf '%s' "${SAVE_BODY/__BENCH_VERSION__/$v}" >"$E2E_DIR/save-body"
		req POST "$2" "$E2E_DIR/save-body"
	else
		req "$1" "$2"
	fi
}

# cg_cgi ROW METHOD PATH: the request run as plain CGI, once, under
# callgrind; sets CG_TOTAL (every instruction of the process) and CG_SERVE
# (those of serve(), the request itself, when callgrind names it).
cg_cgi() {
	local row=$1 out=$E2E_DIR/callgrind-cgi-$1.out
	rm -f "$out"
	printf '#!/bin/sh\nexec valgrind --tool=callgrind --callgrind-out-file=%s --log-file=%s.log %s\n' \
	    "$out" "$out" "$PROGRAM_BIN" >"$E2E_DIR/callgrind.sh"
	chmod +x "$E2E_DIR/callgrind.sh"
	E2E_BIN=$E2E_DIR/callgrind.sh
	cg_req "$2" "$3"
	E2E_BIN=$PROGRAM_BIN
	CG_TOTAL=$(cg_total "$out")
	CG_SERVE=$(callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null |
	    awk '/cgi\/main\.c:serve / { gsub(/,/, "", $1); print $1; exit }')
	if [ -z "$CG_TOTAL" ]; then
		bad "row $row: callgrind counted $2 $3 as CGI" "$(tail -n 20 "$out.log" 2>/dev/null)"
		CG_TOTAL=0
	fi
}

# cg_warm_start: the program as a FastCGI server under callgrind
# (callgrind.sh), profiles in fcgi-cg.out.1, .2...
cg_warm_start() {
	need "the program under callgrind serves FastCGI" \
	    cg_fcgi_start "$PROGRAM_BIN" "$E2E_DIR/fcgi-cg.out"
	CG_DUMPS=0
}

# cg_warm ROW METHOD PATH: the request three times to the FastCGI program
# under callgrind; sets CG_WARM to the instructions of the third, when the
# connection's statements are prepared: what each request costs in wrk's
# runs, libfcgi's reading and writing aside.
cg_warm() {
	local row=$1 out
	E2E_BIN=$E2E_DIR/fcgi.sh
	cg_req "$2" "$3"
	cg_req "$2" "$3"
	cg_req "$2" "$3"
	E2E_BIN=$PROGRAM_BIN
	CG_DUMPS=$((CG_DUMPS + 3))
	out=$E2E_DIR/fcgi-cg.out.$CG_DUMPS
	CG_WARM=$(cg_total "$out")
	if [ -z "$CG_WARM" ]; then
		bad "row $row: callgrind counted $2 $3 in FastCGI" "$(tail -n 20 "$E2E_DIR/fcgi-cg.out.log")"
		CG_WARM=0
	fi
}

# cg_pdf_warm: CG_WARM of the PDF (row 7), its second request to the
# FastCGI program under callgrind.  The PDF costs hundreds of times more
# than a page, more than tests/e2e/lib.sh's CGI transport waits for on a
# busy machine (60 s): the requests go straight to cgi-fcgi, with 10
# minutes each at most.
cg_pdf_warm() {
	local i
	as owner
	for i in 1 2; do
		STATUS=$(env -i PATH="$PATH" GATEWAY_INTERFACE=CGI/1.1 \
		    SERVER_PROTOCOL=HTTP/1.1 REQUEST_METHOD=GET \
		    REQUEST_URI="/o/$PLAN_ORG/summary.pdf" SCRIPT_NAME= \
		    PATH_INFO="/o/$PLAN_ORG/summary.pdf" QUERY_STRING= \
		    REMOTE_ADDR=127.0.0.1 REMOTE_PORT=50000 SERVER_NAME=127.0.0.1 \
		    SERVER_PORT="$E2E_PORT" SERVER_ADDR=127.0.0.1 HTTP_HOST="$HOSTPORT" \
		    REQUEST_SCHEME=http HTTP_COOKIE="$(cookie_header)" CONTENT_LENGTH= \
		    timeout 600 cgi-fcgi -bind -connect "$E2E_DIR/cg.sock" </dev/null 2>/dev/null |
		    LC_ALL=C sed -n '1s/^Status: \([0-9]*\).*/\1/p')
	done
	# shellcheck disable=SC2034  # read by tests/e2e/lib.sh
	E2E_LAST="GET /o/$PLAN_ORG/summary.pdf"
	CG_DUMPS=$((CG_DUMPS + 2))
	CG_WARM=$(cg_total "$E2E_DIR/fcgi-cg.out.$CG_DUMPS")
	need "row 7 under callgrind (FastCGI): 200" status_is 200
	need "callgrind counted row 7" test -n "$CG_WARM"
}

# cg_row HOW ROW: the request of row ROW (0: GET /login; rows 3 to 6) as
# its user, measured by HOW (cg_cgi or cg_warm), which must answer as in
# the runs.
cg_row() {
	local how=$1 row=$2 want=200
	case $row in
	0) as visitor; $how 0 GET /login ;;
	3) as owner; $how 3 GET "/o/$PLAN_ORG/" ;;
	4) as anonymous; $how 4 GET "$SHARE" ;;
	5) as owner; $how 5 POST "/o/${SAVE_ORG_IDS[0]}/$SECTION"; want=303 ;;
	6) as trainer; $how 6 GET "/c/$COHORT" ;;
	esac
	need "row $row under callgrind ($how): $want" status_is "$want"
}

# =================================================================================

e2e_setup bench
PROGRAM_BIN=$E2E_BIN
server_start nginx-socket
PROGRAM_PID=${E2E_PIDS[0]}
[ "$(cat "/proc/$PROGRAM_PID/comm" 2>/dev/null)" = reseauter ] ||
    e2e_die "the program's process is known" "pid $PROGRAM_PID is $(cat "/proc/$PROGRAM_PID/comm" 2>/dev/null)"

section "the data"
signup owner "Atelier de mesure" "Odile Mesure" "$OWNER_EMAIL" "$OWNER_PW"
PLAN_ORG=$(import_plan "Comité logement (plan complet)")
need "the owner imports the demonstration plan (organisation $PLAN_ORG)" test -n "$PLAN_ORG"
get "/o/$PLAN_ORG/"
need "the plan page of the full plan opens" status_is 200
PLAN_BYTES=$(wc -c <"$E2E_DIR/body" | tr -d ' ')
mkdir -p "$E2E_DIR/www"
cp "$E2E_DIR/body" "$E2E_DIR/www/plan.html"

SAVE_ORG_IDS=()
for i in $(seq 1 "$BENCH_CONNECTIONS"); do
	id=$(import_plan "Plan à enregistrer n° $i")
	[ -n "$id" ] || e2e_die "the owner imports plan $i for the saves" "$(what_came)"
	SAVE_ORG_IDS+=("$id")
done
ok "the owner imports ${#SAVE_ORG_IDS[@]} more full plans, one per connection of the saves"
# The form of the section as the page sends it, the version left to wrk.
get "/o/${SAVE_ORG_IDS[0]}/$SECTION"
need "the section $SECTION opens" status_is 200
mapfile -d '' -t pairs < <(form_pairs "/o/${SAVE_ORG_IDS[0]}/$SECTION")
need "the section's page has its form" test "${#pairs[@]}" -gt 2
for i in "${!pairs[@]}"; do
	case ${pairs[i]} in version=*) pairs[i]=version=__BENCH_VERSION__ ;; esac
done
SAVE_BODY=$(form "${pairs[@]}")
SAVE_PATH=/o/__ORG__/$SECTION
post "/o/${SAVE_ORG_IDS[0]}/$SECTION" "${pairs[@]/version=__BENCH_VERSION__/version=$(sql "SELECT version FROM plan_sections WHERE org_id = ${SAVE_ORG_IDS[0]} AND section = '$SECTION'")}"
need "the form saves as it is (303)" status_is 303

get "/o/$PLAN_ORG/share"
post "/o/$PLAN_ORG/share" label="Pour le conseil d'administration" csrf="$(csrf_token)"
SHARE=$(grep -oE 'https?://[^"<> ]+/s/[A-Za-z0-9_-]{43}' "$E2E_DIR/body" | head -n 1 | sed -E 's,^https?://[^/]+,,')
need "the owner makes a share link" test -n "$SHARE"
OWNER_COOKIE=$(cookie_header)

signup trainer "Atelier de la formatrice" "Brigitte Côté" "$TRAINER_EMAIL" "$TRAINER_PW"
need "reseauter-admin gives the trainer role" \
    "$B/reseauter-admin" -d "$RESEAUTER_DB" grant trainer "$TRAINER_EMAIL"
get /cohorts/new
post /cohorts/new name="Cohorte de mesure" csrf="$(csrf_token)"
COHORT=$(location | sed -n 's,^/c/\([0-9]*\)[/?].*$,\1,p;s,^/c/\([0-9]*\)$,\1,p')
need "the trainer makes a cohort (/c/$COHORT)" test -n "$COHORT"
TRAINER_ID=$(sql "SELECT id FROM users WHERE email = '$TRAINER_EMAIL'")
# The cohort's organisations, as tests/bench/bench_dashboard.c makes
# them: each with a standing (the percent of every section, some
# pitfalls, a last save) but one in fifty that joined and never saved;
# three comment threads each (one awaiting the trainer, one answered, one
# resolved) and a visit of the trainer to half of them.
need "$BENCH_ORGS organisations join the cohort (SQL fixture)" sql "
BEGIN;
CREATE TEMP TABLE n AS WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < $BENCH_ORGS - 1)
    SELECT i, (SELECT coalesce(max(id), 0) FROM orgs) + 1 + i AS id FROM c;
CREATE TEMP TABLE cbase AS SELECT coalesce(max(id), 0) AS b FROM comments;
INSERT INTO orgs (id, name, created_at)
    SELECT id, 'Organisme communautaire n° ' || i || ' de l''arrondissement', 1700000000 FROM n;
INSERT INTO cohort_orgs (cohort_id, org_id, joined_at) SELECT $COHORT, id, 1700000000 + i FROM n;
INSERT INTO plan_standing
    SELECT id, (i * 37) % 101, i % 6, json_object(
        'start', (i * 13) % 101, 'accounts', (i * 13 + 29) % 101,
        'mission', (i * 13 + 58) % 101, 'objectives', (i * 13 + 87) % 101,
        'story', (i * 13 + 116) % 101, 'tone', (i * 13 + 145) % 101,
        'audiences', (i * 13 + 174) % 101, 'platforms', (i * 13 + 203) % 101,
        'resources', (i * 13 + 232) % 101, 'practices', (i * 13 + 261) % 101,
        'posts', (i * 13 + 290) % 101, 'team', (i * 13 + 319) % 101,
        'evaluation', (i * 13 + 348) % 101, 'events', (i * 13 + 377) % 101),
        1700000000 + i * 60
    FROM n WHERE i % 50 != 49;
INSERT INTO comments (id, org_id, section, by_trainer, body, created_at)
    SELECT b + i * 5 + 1, id, 'mission', 0, 'Une question ?', 1700000000 + i FROM n, cbase
    UNION ALL SELECT b + i * 5 + 2, id, 'objectives', 1, 'Un chiffre ?', 1700000000 + i FROM n, cbase
    UNION ALL SELECT b + i * 5 + 3, id, 'tone', 0, 'Réglé', 1700000000 + i FROM n, cbase;
INSERT INTO comments (id, org_id, section, thread_id, by_trainer, body, created_at)
    SELECT b + i * 5 + 4, id, 'objectives', b + i * 5 + 2, 0, '30 bénévoles', 1700000010 + i FROM n, cbase
    UNION ALL SELECT b + i * 5 + 5, id, 'objectives', b + i * 5 + 2, 1, 'Parfait', 1700000020 + i FROM n, cbase;
UPDATE comments SET resolved_at = 1700000030 WHERE id IN (SELECT b + i * 5 + 3 FROM n, cbase);
INSERT INTO trainer_visits SELECT $TRAINER_ID, id, 0, 1700015000 FROM n WHERE i % 2 = 0;
COMMIT;"
get "/c/$COHORT"
need "the trainer's dashboard opens" status_is 200
need "it lists the $BENCH_ORGS organisations" \
    test "$(grep -c 'Organisme communautaire n°' "$E2E_DIR/body")" -ge "$BENCH_ORGS"
TRAINER_COOKIE=$(cookie_header)

as visitor
get /login
LOGIN_CSRF=$(cookie rt_csrf)
need "a visitor gets the login form's token" test -n "$LOGIN_CSRF"
LOGIN_BODY=$(form email="$OWNER_EMAIL" password="$OWNER_PW" csrf="$LOGIN_CSRF")
LOGIN_COOKIE="rt_csrf=$LOGIN_CSRF"
post /login email="$OWNER_EMAIL" password="$OWNER_PW" csrf="$LOGIN_CSRF"
need "the owner logs in (303)" status_is 303

# Rows 1 and 2: a second server block of the same nginx, which now takes
# enough connections for wrk and the FastCGI side together (the suites'
# 64 are too few) and, as Debian's nginx.conf, a worker per core.
rm -f "$E2E_DIR/hello.sock"
nice -n 0 "$BENCH_HELLO" "$E2E_DIR/hello.sock" "$PLAN_BYTES" "$RESEAUTER_THREADS" \
    >"$E2E_DIR/hello.log" 2>&1 </dev/null &
E2E_PIDS+=("$!")
for i in $(seq 1 50); do [ -S "$E2E_DIR/hello.sock" ] && break; sleep 0.1; done
need "the hello responder listens" test -S "$E2E_DIR/hello.sock"
PORT2=$(e2e_free_port)
# The hello responder gets its connections as the program does
# (conf/nginx.conf: kept open, the same keepalive); BENCH_KEEPCONN=0 makes
# nginx open a connection per request to both.
KEEPALIVE=$(sed -n 's/^[[:space:]]*keepalive \([0-9]*\);.*/\1/p' "$E2E_DIR/nginx-site.conf" | head -n 1)
KEEPALIVE_TIMEOUT=$(sed -n 's/^[[:space:]]*keepalive_timeout \([0-9a-z]*\);.*/\1/p' "$E2E_DIR/nginx-site.conf" | head -n 1)
cat >"$E2E_DIR/bench-site.conf" <<EOF
upstream bench_hello {
    server unix:$E2E_DIR/hello.sock;
    keepalive ${KEEPALIVE:-16};
    keepalive_timeout ${KEEPALIVE_TIMEOUT:-10s};
}
server {
    listen 127.0.0.1:$PORT2;
    server_name 127.0.0.1;
    server_tokens off;
    location = /plan.html {
        root $E2E_DIR/www;
    }
    location = /hello {
        include /etc/nginx/fastcgi_params;
        fastcgi_pass bench_hello;
        fastcgi_keep_conn on;
    }
}
EOF
# No access log, for the program's site as for the others: the rows
# compare what serving costs, not writing a line per request.
sed -i '/^[[:space:]]*access_log /d' "$E2E_DIR/nginx-site.conf"
if [ "$BENCH_KEEPCONN" = 0 ]; then
	sed -i '/fastcgi_keep_conn on;/d' "$E2E_DIR/bench-site.conf" "$E2E_DIR/nginx-site.conf"
fi
sed -i -e 's/^worker_processes .*/worker_processes auto;/' \
    -e 's/worker_connections [0-9]*;/worker_connections 1024;/' \
    -e "s,^\\([[:space:]]*\\)include $E2E_DIR/nginx-site.conf;,&\\n\\1include $E2E_DIR/bench-site.conf;," \
    "$E2E_DIR/nginx.conf"
NGINX_PID=$(cat "$E2E_DIR/nginx.pid")
kill -HUP "$NGINX_PID"
BASE2=http://127.0.0.1:$PORT2
for i in $(seq 1 100); do
	[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE2/hello")" = 200 ] && break
	sleep 0.1
done
need "nginx serves the static file of the plan page's size ($PLAN_BYTES bytes)" \
    test "$(curl -s "$BASE2/plan.html" | wc -c)" = "$PLAN_BYTES"
need "nginx passes /hello to the hello responder" \
    test "$(curl -s "$BASE2/hello" | wc -c)" = "$PLAN_BYTES"
# Every nginx worker now has the new configuration.
sleep 1

# The rows.
NAME=([1]="static file (nginx)" "hello FastCGI (libfcgi)" "plan page, logged in"
    "shared summary" "section save (POST)" "dashboard, $BENCH_ORGS orgs"
    "PDF of the plan" "login (argon2id)")
URL=([1]="$BASE2/plan.html" "$BASE2/hello" "$BASE/o/$PLAN_ORG/" "$BASE$SHARE"
    "$BASE/o/${SAVE_ORG_IDS[0]}/$SECTION" "$BASE/c/$COHORT"
    "$BASE/o/$PLAN_ORG/summary.pdf" "$BASE/login")
MODE=([1]=get get get get save get get login)
EXPECT=([1]=200 200 200 200 303 200 200 303)
COOKIE=([1]="" "" "$OWNER_COOKIE" "" "$OWNER_COOKIE" "$TRAINER_COOKIE"
    "$OWNER_COOKIE" "$LOGIN_COOKIE")
SAVE_ORGS=
for row in 3 4 6 7; do
	[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${COOKIE[row]}" "${URL[row]}")" = 200 ] ||
	    e2e_die "row $row (${NAME[row]}) answers 200 to curl" "${URL[row]}"
done
PDF_BYTES=$(curl -s -H "Cookie: $OWNER_COOKIE" "${URL[7]}" | wc -c)
ok "every row answers"

section "the runs"
wait_quiet
LOAD_BEFORE=$(cut -d ' ' -f 1-3 /proc/loadavg)
DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
DISK_SYNCS=$(disk_syncs)
echo "bench: load average $LOAD_BEFORE; $BENCH_SECONDS s per row"
# The benchmarks of lib/ and cgi/ without HTTP (tests/bench/bench_*.c),
# from the repository's root (they read schema.sql and build/locale).
: >"$E2E_DIR/lib-benchmarks.txt"
for b in "$B"/bench/bench_*; do
	[ -x "$b" ] || continue
	echo "== ${b#"$E2E_ROOT"/}" | tee -a "$E2E_DIR/lib-benchmarks.txt"
	if (cd "$E2E_ROOT" && nice -n 0 "$b") >"$E2E_DIR/lib-bench.out" 2>&1; then
		ok "${b##*/} ran"
	else
		bad "${b##*/} ran" "$(tail -n 20 "$E2E_DIR/lib-bench.out")"
	fi
	tee -a "$E2E_DIR/lib-benchmarks.txt" <"$E2E_DIR/lib-bench.out"
done
hwm_reset
RSS_START=$(status_kib VmRSS)
for row in 1 2 3 4 5 6 7; do
	measure "$row"
done
RSS_AFTER=$(status_kib VmRSS)
HWM_ROWS=$(status_kib VmHWM)
hwm_reset
RSS_BEFORE_LOGIN=$(status_kib VmRSS)
measure 8
RSS_AFTER_LOGIN=$(status_kib VmRSS)
HWM_LOGIN=$(status_kib VmHWM)
LOAD_AFTER=$(cut -d ' ' -f 1-3 /proc/loadavg)
HASH_SLOTS=${RESEAUTER_HASH_SLOTS:-$(nproc)}
SAVES_DONE=$(sql "SELECT count(*) FROM plan_revisions WHERE section = '$SECTION'")
INTEGRITY=$(sql "PRAGMA quick_check")
need "the database is sound after the runs ($SAVES_DONE revisions of $SECTION)" test "$INTEGRITY" = ok
server_stop

if [ "$BENCH_CALLGRIND" != 0 ]; then
	section "callgrind"
	# shellcheck disable=SC2034  # read by tests/e2e/lib.sh
	E2E_MODE=cgi
	for row in 0 3 4 5 6; do
		cg_row cg_cgi "$row"
		CG_T[row]=$CG_TOTAL CG_S[row]=${CG_SERVE:-0}
	done
	CG_START=$((CG_T[0] - CG_S[0]))
	cg_warm_start
	for row in 0 3 4 5 6; do
		cg_row cg_warm "$row"
		CG_W[row]=$CG_WARM
	done
	cg_pdf_warm
	CG_W[7]=$CG_WARM
	server_stop
fi

# --- the report -----------------------------------------------------------------

# goal TEXT MET DETAIL: a line of the goals' list.
goal() {
	if [ "$2" = 1 ]; then
		printf -- '- **met**: %s: %s\n' "$1" "$3"
	else
		printf -- '- **missed**: %s: %s\n' "$1" "$3"
	fi
}

# ge A B: prints 1 when A >= B, else 0 (floating point).
ge() {
	awk -v a="$1" -v b="$2" 'BEGIN { print (a >= b) ? 1 : 0 }'
}

report() {
	local row ratio
	echo "## Figures"
	echo
	echo "- Date: $DATE"
	echo "- Machine: $(machine)"
	echo "- Command: \`$BENCH_COMMAND\` ($BENCH_SECONDS s per row at $BENCH_CONNECTIONS connections, login at $BENCH_LOGIN_CONNECTIONS; then $BENCH_SECONDS_ONE s at 1 connection; wrk with $BENCH_THREADS threads, one per connection for the saves; $BENCH_WARMUP s of warm-up per row unmeasured)"
	echo "- Load average (1, 5, 15 min): $LOAD_BEFORE before the runs, $LOAD_AFTER after$([ "$QUIET" = yes ] || echo "; the machine never went under $BENCH_LOAD_MAX in $WAITED s of waiting: these runs shared it with other work")"
	echo "- The disk of the database: $DISK_SYNCS synchronous 4 KiB overwrites per second (dd oflag=dsync), the bound of durable commits one after the other."
	echo "- The program: RESEAUTER_THREADS=$RESEAUTER_THREADS, $HASH_SLOTS hashing slots; nginx with a worker per core, $([ "$BENCH_KEEPCONN" = 0 ] && echo "a new FastCGI connection per request (BENCH_KEEPCONN=0)" || echo "FastCGI connections kept open (keepalive ${KEEPALIVE:-16})"); the plan page is $PLAN_BYTES bytes, the PDF $PDF_BYTES bytes."
	echo
	echo "| # | what | conns | req/s | ratio to 1 | p50 ms | p90 ms | p99 ms | errors | program CPU % | p50 ms at 1 conn | req/s at 1 conn |"
	echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	for row in 1 2 3 4 5 6 7 8; do
		ratio=$(awk -v a="${R_RPS[row]}" -v b="${R_RPS[1]}" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }')
		printf '| %d | %s | %d | %.0f | %s | %.2f | %.2f | %.2f | %d | %s | %.2f | %.1f |\n' \
		    "$row" "${NAME[row]}" "${R_CONNS[row]}" "${R_RPS[row]}" "$ratio" \
		    "${R_P50[row]}" "${R_P90[row]}" "${R_P99[row]}" "${R_ERR[row]}" \
		    "$([ "$row" -le 2 ] && echo - || echo "${R_CPU[row]}")" \
		    "${R_ONE_P50[row]}" "${R_ONE_RPS[row]}"
	done
	echo
	echo "Resident memory of the program (/proc/<pid>/status):"
	echo
	echo "- rows 1–7: $(mib "$RSS_START") MiB at the start, peak (VmHWM) $(mib "$HWM_ROWS") MiB, $(mib "$RSS_AFTER") MiB after$([ "$HWM_RESET" = yes ] || echo " (VmHWM could not be reset: it is the peak since start)")"
	echo "- row 8 (logins, $BENCH_LOGIN_CONNECTIONS at once): peak $(mib "$HWM_LOGIN") MiB, $(mib "$RSS_AFTER_LOGIN") MiB after; the bound of $HASH_SLOTS hashing slots of 64 MiB above $(mib "$RSS_BEFORE_LOGIN") MiB is $(mib $((RSS_BEFORE_LOGIN + HASH_SLOTS * 65536))) MiB"
	if [ "$BENCH_CALLGRIND" != 0 ]; then
		echo
		echo "Instructions per request (callgrind, Ir).  As plain CGI, one process per request: the whole process, and per request once the start-up of the process ($(printf "%'d" "$CG_START") Ir, measured on GET /login: the total less its serve()) is taken out; this first request of a process also prepares its SQL statements and reads the schema.  Warm: the third such request (the second for the PDF) to the program serving FastCGI (one thread), inside serve(), the statements prepared: what a request costs in the runs above."
		echo
		echo "| # | what | Ir of the CGI process | Ir per request (CGI) | Ir per request (warm, FastCGI) |"
		echo "|---|---|---:|---:|---:|"
		for row in 0 3 4 5 6; do
			printf '| %s | %s | %s | %s | %s |\n' "$([ "$row" = 0 ] && echo - || echo "$row")" \
			    "$([ "$row" = 0 ] && echo "login page (GET /login)" || echo "${NAME[row]}")" \
			    "$(printf "%'d" "${CG_T[row]}")" "$(printf "%'d" $((CG_T[row] - CG_START)))" \
			    "$(printf "%'d" "${CG_W[row]}")"
		done
		printf '| 7 | %s | - | - | %s |\n' "${NAME[7]}" "$(printf "%'d" "${CG_W[7]}")"
	fi
	if [ -s "$E2E_DIR/lib-benchmarks.txt" ]; then
		echo
		echo "Without HTTP (tests/bench/bench_*.c, in the same run):"
		echo
		echo '```'
		cat "$E2E_DIR/lib-benchmarks.txt"
		echo '```'
	fi
	echo
	echo "## Goals"
	echo
	ratio=$(calc "${R_RPS[3]} / (${R_RPS[1]} > 0 ? ${R_RPS[1]} : 1)")
	goal "plan page at least 50 % of the static limit" "$(ge "$ratio" 0.5)" \
	    "$(awk -v r="$ratio" 'BEGIN { printf "%.1f %%", r * 100 }') of it ($(printf '%.0f' "${R_RPS[3]}") against $(printf '%.0f' "${R_RPS[1]}") req/s)$(awk -v r="$ratio" 'BEGIN { if (r < 0.5) printf ", %.1f times short", 0.5 / (r > 0 ? r : 1e-9) }')"
	goal "plan page p99 at $BENCH_CONNECTIONS connections under 10 ms" "$(ge 10 "${R_P99[3]}")" \
	    "${R_P99[3]} ms$(awk -v p="${R_P99[3]}" 'BEGIN { if (p > 10) printf ", %.1f times the goal", p / 10 }')"
	goal "at least 1,000 saves per second" "$(ge "${R_RPS[5]}" 1000)" \
	    "$(printf '%.0f' "${R_RPS[5]}") per second$(awk -v r="${R_RPS[5]}" 'BEGIN { if (r < 1000) printf ", %.0f %% of the goal", r / 10 }')"
	goal "dashboard of $BENCH_ORGS organisations under 25 ms median (one person asking: 1 connection)" \
	    "$(ge 25 "${R_ONE_P50[6]}")" \
	    "${R_ONE_P50[6]} ms at 1 connection, ${R_P50[6]} ms at $BENCH_CONNECTIONS$(awk -v p="${R_ONE_P50[6]}" 'BEGIN { if (p > 25) printf "; %.1f times the goal", p / 25 }')"
	goal "PDF under 100 ms (median at 1 connection)" "$(ge 100 "${R_ONE_P50[7]}")" \
	    "${R_ONE_P50[7]} ms at 1 connection (p99 ${R_ONE_P99[7]} ms), ${R_P50[7]} ms at $BENCH_CONNECTIONS$(awk -v p="${R_ONE_P50[7]}" 'BEGIN { if (p > 100) printf "; %.1f times the goal", p / 100 }')"
	goal "memory under 64 MiB beside password hashing (peak of rows 1–7)" \
	    "$(ge 65536 "$HWM_ROWS")" "$(mib "$HWM_ROWS") MiB"
	goal "concurrent logins stay bounded ($HASH_SLOTS × 64 MiB at most above the rest)" \
	    "$(ge $((RSS_BEFORE_LOGIN + HASH_SLOTS * 65536 + 8192)) "$HWM_LOGIN")" \
	    "peak $(mib "$HWM_LOGIN") MiB with $BENCH_LOGIN_CONNECTIONS logins at once; one login takes ${R_ONE_P50[8]} ms alone, ${R_P50[8]} ms at $BENCH_LOGIN_CONNECTIONS connections"
}

mkdir -p "$(dirname "$BENCH_REPORT")"
report >"$BENCH_REPORT"
echo
cat "$BENCH_REPORT"
echo
echo "bench: the report is in $BENCH_REPORT; the runs' output in $E2E_DIR (E2E_KEEP=1 keeps it)"
e2e_finish
