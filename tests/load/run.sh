#!/usr/bin/env bash
# tests/load/run.sh [PHASE...]: `make load`, the load and fault tests of
# docs/RELIABILITY.md, against the program behind a real web server on
# loopback (tests/e2e/lib.sh: a temporary directory, a free port, a
# fresh database).  Phases, all three when none is named:
#
#   load   wrk (tests/load/mix.lua) for LOAD_SECONDS with LOAD_CONNECTIONS
#          connections over LOAD_ORGS organisations, each signed up and
#          filled with the demonstration plan first (tests/load/org.sh):
#          page views, summaries and saves.  Then every save the server
#          acknowledged (303) must be in the database, at the version it
#          made, the current version of each section saved must be the
#          last one acknowledged, PRAGMA integrity_check must say ok, and
#          there must be no error at all: no status but 200 and 303, no
#          connection error, no conflict, no page cut short.
#   fault  the same load; a third of the way in, the program is killed
#          with SIGKILL.  lighttpd starts it again; meanwhile it answers
#          502 or 503.  Then: the program is back (a new process that
#          answers), no status but 200, 303, 502 and 503, no conflict,
#          every acknowledged save in the database, integrity ok.
#   slow   tests/load/slow.pl holds LOAD_IDLE silent connections and
#          LOAD_SLOW clients of each slow kind (headers sent byte by byte,
#          a body sent byte by byte, a large answer never read) while
#          ordinary requests are made (LOAD_ROUNDS rounds of three pages
#          and a save): each must succeed.  No time is asserted; the time
#          of each is printed.  The program has RESEAUTER_THREADS (4)
#          workers, far fewer than the slow clients.  Behind lighttpd and
#          nginx, which hold the bodies, the slow bodies must still be
#          being sent at the end; behind Apache, which passes them on as
#          they come, they must have been ended (mod_reqtimeout, or the
#          program's read deadline).
#
# LOAD_SERVER (lighttpd) names the server (tests/e2e/lib.sh's
# server_start: lighttpd, nginx, apache); the fault phase needs lighttpd,
# which starts the program itself.  The figures go to LOAD_OUT
# ($B/load), one directory per phase (wrk.txt, stats.txt, acked.csv),
# and a summary to LOAD_OUT/summary.txt; the machine, the date and the
# load average come first.  Ends with "N passed, N failed".
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../e2e/lib.sh"

LOAD_SECONDS=${LOAD_SECONDS:-60}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-32}
LOAD_ORGS=${LOAD_ORGS:-200}
LOAD_SERVER=${LOAD_SERVER:-lighttpd}
LOAD_IDLE=${LOAD_IDLE:-200}
LOAD_SLOW=${LOAD_SLOW:-20}
LOAD_JOBS=${LOAD_JOBS:-2}
LOAD_ROUNDS=${LOAD_ROUNDS:-10}
LOAD_OUT=${LOAD_OUT:-$B/load}
case $LOAD_OUT in /*) ;; *) LOAD_OUT=$PWD/$LOAD_OUT ;; esac
# The sections saved, each with the field that gets the marker.
LOAD_SAVE_FIELDS=${LOAD_SAVE_FIELDS:-"mission:mission team:who_may_post start:existing"}
LOAD_SAVES=
for sf in $LOAD_SAVE_FIELDS; do
	LOAD_SAVES="$LOAD_SAVES ${sf%%:*}"
done
export LOAD_SAVES
# Every section of the workbook, for the page views (lib/workbook.c).
LOAD_SECTIONS="start accounts mission objectives story tone audiences
    platforms resources practices posts team evaluation events"

if [ $# -eq 0 ]; then
	set -- load fault slow
fi
for p in "$@"; do
	case $p in
	load | fault | slow) ;;
	*) echo "run.sh: no phase named $p (load, fault, slow)" >&2; exit 2 ;;
	esac
done
command -v wrk >/dev/null || { echo "run.sh: wrk is not installed (make load installs it)" >&2; exit 1; }
rm -rf "$LOAD_OUT"
mkdir -p "$LOAD_OUT"
SUMMARY=$LOAD_OUT/summary.txt
: >"$SUMMARY"

# say LINE: prints LINE and keeps it in the summary.
say() {
	printf '%s\n' "$*" | tee -a "$SUMMARY"
}

# The machine the figures come from.
machine() {
	say "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	say "machine: $(nproc) CPUs, $(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo | head -n 1)," \
	    "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) of memory," \
	    "Debian $(cat /etc/debian_version 2>/dev/null || echo '?'), $(uname -sr)"
	say "software: $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2), $($LOAD_SERVER_VERSION 2>&1 | head -n 1)," \
	    "SQLite $(sqlite3 --version | cut -d' ' -f1), RESEAUTER_THREADS=$RESEAUTER_THREADS"
	say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

case $LOAD_SERVER in
lighttpd) LOAD_SERVER_VERSION='lighttpd -v' ;;
nginx) LOAD_SERVER_VERSION='nginx -v' ;;
apache) LOAD_SERVER_VERSION='apache2 -v' ;;
*) echo "run.sh: LOAD_SERVER is lighttpd, nginx or apache" >&2; exit 2 ;;
esac

e2e_setup load
# Every organisation of the load signs up from 127.0.0.1: lift the limit
# of accounts made per address and hour (30 by default).
export RESEAUTER_SIGNUP_MAX_ADDR=100000
machine
server_start "$LOAD_SERVER"
DB=$RESEAUTER_DB

# sql STATEMENT: a statement on the program's database (WAL: the program
# goes on meanwhile).
sql() {
	sqlite3 -cmd '.timeout 10000' "$DB" "$1"
}

# --- the organisations ------------------------------------------------------

# make_orgs N: signs up N organisations (tests/load/org.sh, LOAD_JOBS at
# once) and writes the data file of mix.lua, $E2E_DIR/data.lua.
make_orgs() {
	local n=$1 t0 t1 first sf slug field pairs pair text rest s
	t0=$(date +%s.%N)
	mkdir -p "$E2E_DIR/orgs"
	if ! seq 1 "$n" | BASE=$BASE LOAD_DIR=$E2E_DIR/orgs \
	    xargs -P "$LOAD_JOBS" -n 1 bash "$here/org.sh" >"$E2E_DIR/orgs.lua"; then
		e2e_die "$n organisations are signed up and filled" "$(tail -n 5 "$E2E_DIR/orgs.lua")"
	fi
	t1=$(date +%s.%N)
	expect_eq "$(grep -c '^{ id = ' "$E2E_DIR/orgs.lua")" "$n" \
	    "$n organisations signed up, each with its plan and its session"
	say "set-up: $n organisations signed up and filled (demonstration plan) in" \
	    "$(printf '%.0f' "$(echo "$t1 - $t0" | bc)") s, $LOAD_JOBS at a time"

	# What a save sends, from the first organisation's pages: every
	# control of the section's form as the page shows it, but the CSRF
	# token and the version (each organisation has its own), and the
	# field that gets the marker apart.
	first=$(sed -n '1s/^{ id = \([0-9]*\),.*/\1/p' "$E2E_DIR/orgs.lua")
	as first
	set_cookie rt_session "$(sed -n '1s/.*cookie = "rt_session=\([^"]*\)".*/\1/p' "$E2E_DIR/orgs.lua")"
	: >"$E2E_DIR/saves.lua"
	for sf in $LOAD_SAVE_FIELDS; do
		slug=${sf%%:*}
		field=${sf#*:}
		get "/o/$first/$slug"
		expect_status 200 "the $slug page of the first organisation"
		mapfile -d '' -t pairs < <(form_pairs "/o/$first/$slug")
		text= rest=
		for pair in "${pairs[@]}"; do
			case ${pair%%=*} in
			csrf | version) ;;
			"$field") text=$(urlencode "${pair#*=}") ;;
			*) rest="$rest&$(urlencode "${pair%%=*}")=$(urlencode "${pair#*=}")" ;;
			esac
		done
		[ -n "$text" ] || e2e_die "the $slug form has a field $field with text" "$(what_came)"
		printf '{ slug = "%s", field = "%s", text = "%s", rest = "%s" },\n' \
		    "$slug" "$field" "$text" "$rest" >>"$E2E_DIR/saves.lua"
	done
}

# write_data: the data file of mix.lua, $E2E_DIR/data.lua: the sections,
# what the saves send, and the organisations with the current version of
# each section saved, read from the database (an earlier run moved them
# on; a session cannot be made without signing up, but a version can be
# read).
write_data() {
	local s
	sql "SELECT org_id, section, version FROM plan_sections" >"$E2E_DIR/versions"
	{
		echo "-- Written by tests/load/run.sh for tests/load/mix.lua."
		echo "return {"
		printf 'sections = {'
		for s in $LOAD_SECTIONS; do printf ' "%s",' "$s"; done
		echo ' },'
		echo "saves = {"
		cat "$E2E_DIR/saves.lua"
		echo "},"
		echo "orgs = {"
		awk -F'|' -v saves="$LOAD_SAVES" '
		    FNR == NR { v[$1 "|" $2] = $3; next }
		    {
			id = $0; sub(/^\{ id = /, "", id); sub(/,.*/, "", id)
			n = split(saves, sl, " "); t = ""
			for (i = 1; i <= n; i++)
				if ((id "|" sl[i]) in v)
					t = t " " sl[i] " = " v[id "|" sl[i]] ","
			sub(/v = \{[^}]*\}/, "v = {" t " }")
			print
		    }' "$E2E_DIR/versions" "$E2E_DIR/orgs.lua"
		echo "},"
		echo "}"
	} >"$E2E_DIR/data.lua"
}

# program_errors: what the program wrote on its standard error, which
# the web server keeps in its log: lines "reseauter: ...".
program_errors() {
	grep -h '^reseauter: ' "$E2E_DIR"/*.log 2>/dev/null | head -n 20
}

# The SIGKILL of the fault phase is no crash of the program's: e2e_finish
# (after stopping the server) checks the logs with lighttpd's lines about
# the killed process left out: "(perhaps the fastcgi process died)" for
# each request in flight, logged within a second of the kill (lighttpd
# names the process, or pid 0 once it has noticed the death, and stamps
# its lines with a time it caches, which may be a second late).
eval "load_check_program_logs () $(declare -f e2e_check_program_logs | tail -n +2)"
e2e_check_program_logs() {
	local f=$E2E_DIR/lighttpd.log t stamps=
	if [ -n "${KILLED_AT:-}" ] && [ -f "$f" ]; then
		for t in -1 0 1; do
			stamps="$stamps|$(date -d "@$((KILLED_AT + t))" '+%Y-%m-%d %H:%M:%S'):"
		done
		awk -v stamps="$stamps|" '
		    index($0, "(perhaps the fastcgi process died)") &&
		    index(stamps, "|" substr($0, 1, 20) "|") { next }
		    { print }' "$f" >"$f.new"
		mv "$f.new" "$f"
	fi
	load_check_program_logs
}

# --- checks after a run -----------------------------------------------------

# stat NAME DIR: a figure of DIR/stats.txt (0 when absent).
stat() {
	awk -v n="$1" '$1 == n { v = $2 } END { print v + 0 }' "$2/stats.txt"
}

# check_saves RUN DIR MAXUNACKED: every acknowledged save of DIR/acked.csv
# is in the database, at the version it made, with its marker; no section
# is behind the last version acknowledged; the saves made (the revisions
# that hold a marker of RUN) are those acknowledged and at most MAXUNACKED
# more, whose answers were never read.
check_saves() {
	local run=$1 dir=$2 acked missing
	acked=$(wc -l <"$dir/acked.csv" | tr -d ' ')
	sqlite3 -cmd '.timeout 10000' ':memory:' >"$dir/check.txt" 2>&1 <<-EOF
	ATTACH '$DB' AS app;
	CREATE TABLE acked (org INTEGER, section TEXT, version INTEGER, marker TEXT);
	.import --csv $dir/acked.csv acked
	SELECT 'found', count(*) FROM acked a WHERE EXISTS (SELECT 1 FROM app.plan_revisions r
	    WHERE r.org_id = a.org AND r.section = a.section AND r.version = a.version
	    AND instr(r.data, '"' || a.marker || ' ') > 0);
	SELECT 'missing', a.org, a.section, a.version, a.marker FROM acked a WHERE NOT EXISTS (
	    SELECT 1 FROM app.plan_revisions r WHERE r.org_id = a.org AND r.section = a.section
	    AND r.version = a.version AND instr(r.data, '"' || a.marker || ' ') > 0) LIMIT 20;
	SELECT 'made', count(*) FROM app.plan_revisions WHERE instr(data, '"$run-') > 0;
	SELECT 'behind', count(*) FROM (SELECT org, section, max(version) AS v FROM acked
	    GROUP BY org, section) m JOIN app.plan_sections s ON s.org_id = m.org
	    AND s.section = m.section WHERE s.version < m.v;
	EOF
	FOUND=$(awk -F'|' '$1 == "found" { print $2 }' "$dir/check.txt")
	MADE=$(awk -F'|' '$1 == "made" { print $2 }' "$dir/check.txt")
	BEHIND=$(awk -F'|' '$1 == "behind" { print $2 }' "$dir/check.txt")
	UNACKED=$(( ${MADE:-0} - acked ))
	missing=$(grep '^missing' "$dir/check.txt")
	if [ -n "$FOUND" ] && [ "$FOUND" = "$acked" ] && [ -z "$missing" ]; then
		ok "$run: all $acked acknowledged saves are in the database, each at its version with its marker"
	else
		bad "$run: every acknowledged save is in the database" \
		    "$acked acknowledged, ${FOUND:-?} found; $(head -n 20 "$dir/check.txt")"
	fi
	say "$run: saves acknowledged $acked, found in the database ${FOUND:-?};" \
	    "made in all ${MADE:-?}, $UNACKED of them unacknowledged (in flight when wrk" \
	    "stopped, or when the program was killed)"
	expect_eq "${BEHIND:-?}" 0 "$run: no section saved is behind the last version acknowledged"
	# A save in flight when wrk stops (each connection has at most one)
	# may be made without its answer being read.
	if [ "$UNACKED" -ge 0 ] && [ "$UNACKED" -le "$3" ]; then
		ok "$run: saves made but not acknowledged: $UNACKED, at most $3"
	else
		bad "$run: saves made but not acknowledged are at most $3" "$UNACKED"
	fi
}

# check_integrity RUN: PRAGMA integrity_check and foreign_key_check.
check_integrity() {
	local ic fk
	ic=$(sql 'PRAGMA integrity_check' 2>&1)
	expect_eq "$ic" ok "$1: PRAGMA integrity_check says ok"
	fk=$(sql 'PRAGMA foreign_key_check' 2>&1)
	expect_eq "$fk" "" "$1: PRAGMA foreign_key_check finds nothing"
	say "$1: integrity_check: $ic; foreign_key_check: ${fk:-nothing}"
}

# --- the phases -------------------------------------------------------------

# start_wrk RUN: starts wrk in the background for LOAD_SECONDS; WRK_PID.
start_wrk() {
	local dir=$LOAD_OUT/$1
	mkdir -p "$dir"
	LOAD_DATA=$E2E_DIR/data.lua LOAD_RUN=$1 LOAD_OUT=$dir \
	    LOAD_CONNECTIONS=$LOAD_CONNECTIONS \
	    wrk -t "$LOAD_CONNECTIONS" -c "$LOAD_CONNECTIONS" -d "${LOAD_SECONDS}s" \
	    --timeout 60s --latency -s "$here/mix.lua" "$BASE" >"$dir/wrk.txt" 2>&1 &
	WRK_PID=$!
}

# wait_wrk RUN: waits for wrk and reports its figures.
wait_wrk() {
	local dir=$LOAD_OUT/$1
	wait "$WRK_PID"
	expect_eq "$?" 0 "$1: wrk ran to its end"
	if [ ! -s "$dir/stats.txt" ]; then
		e2e_die "$1: wrk wrote its figures" "$(tail -n 20 "$dir/wrk.txt")"
	fi
	sed -n "s/^$1: /$1: /p" "$dir/wrk.txt" | tee -a "$SUMMARY"
	say "$1: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

phase_load() {
	local dir=$LOAD_OUT/load errors
	section "load: $LOAD_SECONDS s, $LOAD_CONNECTIONS connections, $LOAD_ORGS organisations"
	say "load: wrk -t $LOAD_CONNECTIONS -c $LOAD_CONNECTIONS -d ${LOAD_SECONDS}s --timeout 60s -s tests/load/mix.lua ($LOAD_SERVER)"
	write_data
	start_wrk load
	wait_wrk load
	errors=$(( $(stat connect_errors "$dir") + $(stat read_errors "$dir") +
	    $(stat write_errors "$dir") + $(stat timeouts "$dir") ))
	expect_eq "$errors" 0 "load: no connection error nor time-out"
	expect_eq "$(stat status_errors "$dir")" 0 "load: no answer but 2xx and 3xx"
	expect_eq "$(grep '^status_' "$dir/stats.txt" | grep -v '^status_errors' |
	    grep -Ev '^status_(200|303) ' | tr '\n' ' ')" "" "load: every answer is 200 or 303"
	expect_eq "$(stat conflicts "$dir")" 0 "load: no save conflicts (each connection has its own organisations)"
	expect_eq "$(stat refused "$dir")" 0 "load: no save refused"
	expect_eq "$(stat misplaced "$dir")" 0 "load: every save leads back to its section"
	expect_eq "$(stat truncated "$dir")" 0 "load: every page is whole (ends with </html>)"
	if [ "$(stat acked "$dir")" -gt 0 ]; then
		ok "load: $(stat acked "$dir") saves acknowledged"
	else
		bad "load: saves were acknowledged" "none"
	fi
	expect_eq "$(stat acked "$dir")" "$(stat status_303 "$dir")" "load: every 303 was an acknowledged save"
	check_saves load "$dir" "$LOAD_CONNECTIONS"
	expect_eq "$(program_errors)" "" "load: the program logged no error"
	check_integrity load
}

phase_fault() {
	local dir=$LOAD_OUT/fault old new t0 t1 back= code i others
	section "fault: SIGKILL to the program under load"
	if [ "$LOAD_SERVER" != lighttpd ]; then
		bad "fault: the fault phase runs behind lighttpd" "LOAD_SERVER is $LOAD_SERVER"
		return
	fi
	say "fault: the same load; SIGKILL to the program after $((LOAD_SECONDS / 3)) s"
	write_data
	start_wrk fault
	sleep $((LOAD_SECONDS / 3))
	old=$(lighttpd_program_pid)
	[ -n "$old" ] || e2e_die "fault: lighttpd has started the program"
	kill -KILL "$old"
	KILLED_AT=$(date +%s)
	t0=$(date +%s.%N)
	# Back: another process, and a page from it.
	for i in $(seq 1 300); do
		new=$(lighttpd_program_pid 1)
		if [ -n "$new" ] && [ "$new" != "$old" ]; then
			code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/login")
			if [ "$code" = 200 ]; then
				t1=$(date +%s.%N)
				back=$(printf '%.2f' "$(echo "$t1 - $t0" | bc)")
				break
			fi
		fi
		sleep 0.05
	done
	wait_wrk fault
	if [ -n "$back" ]; then
		ok "fault: the program is back (process $old killed, $new answers) after $back s"
	else
		bad "fault: the program is back within 15 s" "process now: ${new:-none}"
	fi
	say "fault: program killed at $((LOAD_SECONDS / 3)) s; a new process answered ${back:-never} s later;" \
	    "answers 502: $(stat status_502 "$dir"), 503: $(stat status_503 "$dir")," \
	    "connection errors: $(( $(stat connect_errors "$dir") + $(stat read_errors "$dir") + $(stat write_errors "$dir") ))," \
	    "time-outs: $(stat timeouts "$dir")"
	others=$(grep '^status_' "$dir/stats.txt" | grep -v '^status_errors' |
	    grep -Ev '^status_(200|303|500|502|503) ' | tr '\n' ' ')
	expect_eq "$others" "" "fault: every answer is 200, 303, 500, 502 or 503"
	# lighttpd answers 500 to the requests it had passed to the program
	# when it died (http_response_backend_done()): at most one a
	# connection; the program itself logged no error.
	if [ "$(stat status_500 "$dir")" -le "$LOAD_CONNECTIONS" ]; then
		ok "fault: answers 500 (requests in flight at the kill): $(stat status_500 "$dir"), at most one a connection"
	else
		bad "fault: answers 500 are at most one a connection" "$(stat status_500 "$dir")"
	fi
	expect_eq "$(program_errors)" "" "fault: the program logged no error (the 500s are lighttpd's)"
	expect_eq "$(stat timeouts "$dir")" 0 "fault: no request timed out"
	expect_eq "$(stat conflicts "$dir")" 0 "fault: no save conflicts"
	expect_eq "$(stat misplaced "$dir")" 0 "fault: every save leads back to its section"
	expect_eq "$(stat truncated "$dir")" 0 "fault: every page is whole (ends with </html>)"
	check_saves fault "$dir" $((2 * LOAD_CONNECTIONS))
	check_integrity fault
	# lighttpd wrote the death down; nothing else died.
	expect_eq "$(grep -c 'child signalled' "$E2E_DIR/lighttpd.log")" 1 \
	    "fault: lighttpd saw the program die once (the SIGKILL), no other time"
}

phase_slow() {
	local dir=$LOAD_OUT/slow org cookie slow_pid i t0 t1 ms max=0 n=0 v sec
	section "slow: $LOAD_IDLE idle connections, $LOAD_SLOW slow clients of each kind"
	mkdir -p "$dir"
	if [ -s "$E2E_DIR/orgs.lua" ]; then
		org=$(sed -n '1s/^{ id = \([0-9]*\),.*/\1/p' "$E2E_DIR/orgs.lua")
		cookie=$(sed -n '1s/.*cookie = "\([^"]*\)".*/\1/p' "$E2E_DIR/orgs.lua")
	else
		mkdir -p "$E2E_DIR/orgs"
		BASE=$BASE LOAD_DIR=$E2E_DIR/orgs bash "$here/org.sh" 1 >"$E2E_DIR/orgs.lua" ||
		    e2e_die "slow: one organisation is signed up"
		org=$(sed -n '1s/^{ id = \([0-9]*\),.*/\1/p' "$E2E_DIR/orgs.lua")
		cookie=$(sed -n '1s/.*cookie = "\([^"]*\)".*/\1/p' "$E2E_DIR/orgs.lua")
	fi
	as slow
	set_cookie rt_session "${cookie#rt_session=}"
	rm -f "$E2E_DIR/slow.ready"
	perl "$here/slow.pl" --port "$E2E_PORT" --cookie "$cookie" \
	    --get "/o/$org/mission" --post "/o/$org/mission" --big "/o/$org/summary.pdf" \
	    --idle "$LOAD_IDLE" --slow "$LOAD_SLOW" --ready "$E2E_DIR/slow.ready" \
	    --seconds 120 >"$dir/slow.txt" 2>&1 &
	slow_pid=$!
	# slow.pl is ready once every connection is open and the large
	# answers have begun (it gives up waiting for them after 120 s).
	for i in $(seq 1 1500); do
		[ -e "$E2E_DIR/slow.ready" ] && break
		kill -0 "$slow_pid" 2>/dev/null || break
		sleep 0.1
	done
	if [ ! -e "$E2E_DIR/slow.ready" ]; then
		kill "$slow_pid" 2>/dev/null
		e2e_die "slow: the slow clients are connected" "$(cat "$dir/slow.txt")"
	fi
	say "slow: $(cat "$E2E_DIR/slow.ready")"
	# Ordinary requests meanwhile: pages and saves, one after another.
	for i in $(seq 1 "$LOAD_ROUNDS"); do
		for sec in mission summary team; do
			t0=$(date +%s%N)
			get "/o/$org/$sec"
			t1=$(date +%s%N)
			ms=$(( (t1 - t0) / 1000000 ))
			[ "$ms" -le "$max" ] || max=$ms
			n=$((n + 1))
			expect_status 200 "slow: GET /o/$org/$sec ($i) answers while the slow clients wait (${ms} ms)"
		done
		get "/o/$org/mission"
		v=$(input_value version)
		t0=$(date +%s%N)
		submit_form "/o/$org/mission" "means=Moyens, essai lent $i"
		t1=$(date +%s%N)
		ms=$(( (t1 - t0) / 1000000 ))
		[ "$ms" -le "$max" ] || max=$ms
		n=$((n + 1))
		expect_status 303 "slow: a save (version $v) is made while the slow clients wait (${ms} ms)"
	done
	kill -TERM "$slow_pid" 2>/dev/null
	wait "$slow_pid"
	cat "$dir/slow.txt"
	grep '^still open' "$dir/slow.txt" | sed -e 's/^/slow: /' >>"$SUMMARY"
	if [ "$LOAD_SERVER" = apache ]; then
		# Apache passes a body on while it comes, so that a body
		# sent byte by byte would hold a worker: mod_reqtimeout
		# (conf/apache.conf, body=10,MinRate=500) ends it, and the
		# program's read deadline (RESEAUTER_READ_TIMEOUT) would.
		if grep -Eq '^still open: .*slow bodies 0/' "$dir/slow.txt"; then
			ok "slow: Apache or the program ended every body sent byte by byte"
		else
			bad "slow: Apache or the program ended every body sent byte by byte" \
			    "$(cat "$dir/slow.txt")"
		fi
	elif grep -Eq '^still open: .*slow bodies [1-9]' "$dir/slow.txt"; then
		ok "slow: slow bodies were still being sent when the ordinary requests ended"
	else
		bad "slow: slow bodies were still being sent when the ordinary requests ended" \
		    "$(cat "$dir/slow.txt")"
	fi
	say "slow: $n ordinary requests made, $E2E_FAIL failures so far, the slowest in $max ms" \
	    "($LOAD_SERVER, RESEAUTER_THREADS=$RESEAUTER_THREADS)"
	check_integrity slow
}

for p in "$@"; do
	case $p in
	load | fault)
		if [ ! -s "$E2E_DIR/saves.lua" ]; then
			section "set-up: $LOAD_ORGS organisations"
			make_orgs "$LOAD_ORGS"
		fi ;;
	esac
	"phase_$p"
done
say "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
# The web server's log (and the program's lines in it), as it was.
cp "$E2E_DIR"/*.log "$LOAD_OUT/" 2>/dev/null
echo
echo "== summary ($SUMMARY)"
cat "$SUMMARY"
e2e_finish
