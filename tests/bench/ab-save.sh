#!/usr/bin/env bash
# tests/bench/ab-save.sh A B: durable saves per second (row 5 of make
# bench) of two builds of the program, A and B, taken in turn under the
# same conditions, so that a busy shared machine slows both alike.
#
# For each build and each of AB_ROUNDS rounds (2): the program behind
# nginx as tests/bench/run.sh starts it, a fresh database, the owner
# signed up, the demonstration plan imported once per connection, then
# AB_RUNS (3) wrk runs of AB_SECONDS (5) at AB_CONNECTIONS (32), one
# thread per connection, each on its own organisation (no conflict), a
# 303 per save as tests/bench/wrk.lua counts it.  Each line gives the
# saves per second, the median latency, the load average, and before the
# runs the disk's synchronous 4 KiB overwrites per second (dd
# oflag=dsync), which bound durable commits one after the other.
#
# Timings prove nothing on their own on a shared machine: this compares
# two builds side by side, nothing more.  Exits 1 when a run had an error
# or an answer other than 303.  Needs wrk, nginx, curl and sqlite3 (make
# bench installs them).

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../e2e/lib.sh
. "$here/../e2e/lib.sh"

if [ $# -ne 2 ] || [ ! -x "$1" ] || [ ! -x "$2" ]; then
	echo "usage: $0 PROGRAM_A PROGRAM_B" >&2
	exit 2
fi
AB_ROUNDS=${AB_ROUNDS:-2}
AB_RUNS=${AB_RUNS:-3}
AB_SECONDS=${AB_SECONDS:-5}
AB_CONNECTIONS=${AB_CONNECTIONS:-32}
DEMO_JSON=$E2E_ROOT/lib/demo/housing.fr.json
SECTION=mission
FAILED=0

# disk_syncs: the disk's synchronous 4 KiB overwrites per second, as
# tests/bench/run.sh measures them.
disk_syncs() {
	local f=$E2E_DIR/dsync-test secs
	dd if=/dev/zero of="$f" bs=4k count=256 2>/dev/null && sync
	secs=$({ LC_ALL=C dd if=/dev/zero of="$f" bs=4k count=256 oflag=dsync conv=notrunc 2>&1 >/dev/null; } |
	    sed -n 's/.* copied, \([0-9.e-]*\) s,.*/\1/p')
	rm -f "$f"
	awk -v s="$secs" 'BEGIN { if (s > 0) printf "%.0f", 256 / s; else print "?" }'
}

# import_plan NAME: the organisation NAME made from the demonstration
# plan; prints its id.
import_plan() {
	get /orgs/new
	curl -sS -o "$E2E_DIR/body" -D "$E2E_DIR/headers.raw" \
	    -H "Cookie: $(cookie_header)" -F "csrf=$(csrf_token)" -F "name=$1" \
	    -F "file=@$DEMO_JSON;type=application/json" "$BASE/orgs/new" >/dev/null
	tr -d '\r' <"$E2E_DIR/headers.raw" | sed -e '1d' -e '/^$/d' >"$E2E_DIR/headers"
	location | sed -n 's,^/o/\([0-9]*\)/$,\1,p'
}

# measure PROGRAM: the runs of one build, each printed on a line.
measure() {
	local orgs=() i o v spec body line
	# shellcheck disable=SC2034  # read by tests/e2e/lib.sh
	E2E_BIN=$1
	e2e_setup ab-save
	server_start nginx-socket
	as owner
	get /signup
	post /signup org_name="Atelier de mesure" name="Odile Mesure" \
	    email=owner@bench.invalid password='Tournesol-du-plateau-58' \
	    csrf="$(form_token)"
	[ "$STATUS" = 303 ] || e2e_die "the owner signs up" "$(what_came)"
	for i in $(seq 1 "$AB_CONNECTIONS"); do
		o=$(import_plan "Plan à enregistrer n° $i")
		[ -n "$o" ] || e2e_die "the demonstration plan is imported" "$(what_came)"
		orgs+=("$o")
	done
	get "/o/${orgs[0]}/$SECTION"
	mapfile -d '' -t pairs < <(form_pairs "/o/${orgs[0]}/$SECTION")
	for i in "${!pairs[@]}"; do
		case ${pairs[i]} in version=*) pairs[i]=version=__BENCH_VERSION__ ;; esac
	done
	body=$(form "${pairs[@]}")
	echo "$1: the disk takes $(disk_syncs) synchronous writes per second"
	for i in $(seq 1 "$AB_RUNS"); do
		spec=
		for o in "${orgs[@]}"; do
			v=$(sqlite3 -cmd '.timeout 10000' "$RESEAUTER_DB" \
			    "SELECT version FROM plan_sections WHERE org_id = $o AND section = '$SECTION'")
			spec="$spec $o:${v:-0}"
		done
		BENCH_MODE=save BENCH_EXPECT=303 BENCH_COOKIE="$(cookie_header)" \
		    BENCH_RESULT=$E2E_DIR/result BENCH_SAVE_ORGS="${spec# }" \
		    BENCH_SAVE_PATH=/o/__ORG__/$SECTION BENCH_SAVE_BODY="$body" \
		    wrk -t"$AB_CONNECTIONS" -c"$AB_CONNECTIONS" -d"${AB_SECONDS}s" \
		    --timeout 30s --latency -s "$here/wrk.lua" "$BASE/" \
		    >"$E2E_DIR/wrk.txt" 2>&1
		line=$(cat "$E2E_DIR/result" 2>/dev/null)
		printf '  run %d: %s, load %s\n' "$i" \
		    "$(printf '%s\n' "$line" | tr ' ' '\n' | sed -n 's/^rps=/saves per second /p; s/^p50=/p50 ms /p' | paste -sd ' ')" \
		    "$(cut -d ' ' -f 1 /proc/loadavg)"
		case $line in
		*"bad=0 errors=0"*) ;;
		*) echo "  run $i failed: ${line:-$(tail -n 5 "$E2E_DIR/wrk.txt")}"; FAILED=1 ;;
		esac
		sleep 2
	done
	e2e_finish >/dev/null || FAILED=1
	trap - EXIT
	e2e_cleanup
}

for r in $(seq 1 "$AB_ROUNDS"); do
	echo "round $r"
	measure "$1"
	measure "$2"
done
exit "$FAILED"
