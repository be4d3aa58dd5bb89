#!/usr/bin/env bash
# tests/bench/cg.sh: callgrind's warm instruction counts of the plan page
# and the shared summary, as tests/bench/run.sh counts them, without the
# load runs (a minute instead of eight), for one build or to compare
# builds on the same data.
#
#   tests/bench/cg.sh [PROGRAM...]
#
# The data, made once with the last PROGRAM (build/reseauter when none
# is given; the newest, which conf/nginx.conf suits: an older program
# holds a thread with each connection nginx keeps) behind nginx as
# run.sh makes it: the owner imports the
# demonstration plan (lib/demo/housing.fr.json) and makes a share link, a
# trainer's cohort takes the organisation in, and an empty plan (the
# owner's own organisation) is there too.  The database is then copied
# aside; for each PROGRAM, the copy is put back and:
#   - the pages are fetched once as plain CGI, bodies kept in
#     $E2E_DIR/pages.N/ (N: 1 for the first PROGRAM...);
#   - the program serves FastCGI under callgrind (one thread, counting
#     inside serve() only) and each request is sent three times with
#     cgi-fcgi; the third is the warm count (run.sh's "warm, FastCGI").
# Last, a table of the counts, and whether the pages of every PROGRAM are
# the same bytes as the first's (form tokens aside: the anonymous visitor
# of the shared summary gets a new one each time).  Exits 1 when a request did not answer
# 200 or, with several programs, when a page differs.
#
# E2E_KEEP=1 keeps the directory, with the profiles (fcgi-cg.N.out.K) for
# callgrind_annotate.

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../e2e/lib.sh
. "$here/../e2e/lib.sh"
# shellcheck source=callgrind.sh
. "$here/callgrind.sh"

PROGRAMS=("$@")
[ "${#PROGRAMS[@]}" -gt 0 ] || PROGRAMS=("$E2E_BIN")
for p in "${PROGRAMS[@]}"; do
	[ -x "$p" ] || { echo "cg: $p is not a program" >&2; exit 1; }
done
for tool in valgrind cgi-fcgi nginx curl sqlite3; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "cg: $tool is missing (make bench installs it)" >&2
		exit 1
	}
done
E2E_BIN=${PROGRAMS[${#PROGRAMS[@]} - 1]}
DEMO_JSON=$E2E_ROOT/lib/demo/housing.fr.json

# need DESCRIPTION CONDITION...: the script cannot go on unless CONDITION.
need() {
	local what=$1
	shift
	if "$@"; then
		ok "$what"
	else
		e2e_die "$what" "$(what_came)"
	fi
}

# import_plan NAME: the current user makes the organisation NAME from the
# demonstration plan, as run.sh does; prints its id.
import_plan() {
	local code
	get /orgs/new
	code=$(curl -sS -o "$E2E_DIR/body" -D "$E2E_DIR/headers.raw" -w '%{http_code}' \
	    -H "Cookie: $(cookie_header)" -F "csrf=$(csrf_token)" -F "name=$1" \
	    -F "file=@$DEMO_JSON;type=application/json" "$BASE/orgs/new")
	tr -d '\r' <"$E2E_DIR/headers.raw" | sed -e '1d' -e '/^$/d' >"$E2E_DIR/headers"
	STATUS=$code
	[ "$code" = 303 ] && location | sed -n 's,^/o/\([0-9]*\)/$,\1,p'
}

e2e_setup cg
server_start nginx-socket

section "the data"
signup_org owner "Atelier de mesure" "Odile Mesure" owner@cg.invalid 'Tournesol-du-plateau-58'
EMPTY_ORG=$ORG_ID
PLAN_ORG=$(import_plan "Comité logement (plan complet)")
need "the owner imports the demonstration plan (organisation $PLAN_ORG)" test -n "$PLAN_ORG"
get "/o/$PLAN_ORG/share"
post "/o/$PLAN_ORG/share" label="Pour le conseil" csrf="$(csrf_token)"
SHARE=$(grep -oE 'https?://[^"<> ]+/s/[A-Za-z0-9_-]{43}' "$E2E_DIR/body" | head -n 1 | sed -E 's,^https?://[^/]+,,')
need "the owner makes a share link" test -n "$SHARE"
signup_org trainer "Atelier de la formatrice" "Brigitte Côté" trainer@cg.invalid 'Castor-des-berges-17'
grant_role trainer trainer@cg.invalid
new_cohort trainer "Cohorte de mesure"
join_cohort owner "$PLAN_ORG" "$CODE"
as trainer
get "/o/$PLAN_ORG/"
need "the trainer opens the plan" test "$STATUS" = 200
server_stop
cp "$RESEAUTER_DB" "$E2E_DIR/data.db"
rm -f "$RESEAUTER_DB-wal" "$RESEAUTER_DB-shm"

# The requests: name, user, path.
REQS=("owner-plan owner /o/$PLAN_ORG/" "shared anonymous $SHARE"
    "trainer-plan trainer /o/$PLAN_ORG/" "owner-empty owner /o/$EMPTY_ORG/"
    "owner-summary owner /o/$PLAN_ORG/summary")

E2E_MODE=cgi
declare -A COUNT
n=0
for prog in "${PROGRAMS[@]}"; do
	n=$((n + 1))
	section "program $n: $prog"
	cp "$E2E_DIR/data.db" "$RESEAUTER_DB"
	rm -f "$RESEAUTER_DB-wal" "$RESEAUTER_DB-shm"
	mkdir -p "$E2E_DIR/pages.$n"
	E2E_BIN=$prog
	for r in "${REQS[@]}"; do
		read -r name user path <<<"$r"
		as "$user"
		[ "$user" != anonymous ] || : >"$E2E_DIR/jars/anonymous"
		get "$path"
		need "$name: $path answers 200" test "$STATUS" = 200
		cp "$E2E_DIR/body" "$E2E_DIR/pages.$n/$name.html"
	done
	need "the program under callgrind serves FastCGI" \
	    cg_fcgi_start "$prog" "$E2E_DIR/fcgi-cg.$n.out"
	E2E_BIN=$E2E_DIR/fcgi.sh
	dumps=0
	for r in "${REQS[@]}"; do
		read -r name user path <<<"$r"
		as "$user"
		for i in 1 2 3; do
			[ "$user" != anonymous ] || : >"$E2E_DIR/jars/anonymous"
			get "$path"
		done
		dumps=$((dumps + 3))
		need "$name under callgrind: 200" test "$STATUS" = 200
		COUNT[$n,$name]=$(cg_total "$E2E_DIR/fcgi-cg.$n.out.$dumps")
	done
	server_stop
done

section "warm instructions per request (callgrind, Ir)"
printf '%-14s' request
for ((k = 1; k <= n; k++)); do printf ' %14s' "program $k"; done
[ "$n" -lt 2 ] || printf ' %9s' "$n / 1"
printf '\n'
for r in "${REQS[@]}"; do
	read -r name user path <<<"$r"
	printf '%-14s' "$name"
	for ((k = 1; k <= n; k++)); do printf ' %14s' "${COUNT[$k,$name]}"; done
	[ "$n" -lt 2 ] || awk -v a="${COUNT[$n,$name]}" -v b="${COUNT[1,$name]}" \
	    'BEGIN { printf " %9.3f", a / b }'
	printf '\n'
done
for ((k = 2; k <= n; k++)); do
	for r in "${REQS[@]}"; do
		read -r name user path <<<"$r"
		# The visitor of the shared summary gets a new form token each time.
		for f in "$E2E_DIR/pages.1/$name.html" "$E2E_DIR/pages.$k/$name.html"; do
			sed -e 's/name="csrf" value="[^"]*"/name="csrf" value=""/g' "$f" >"$f.cmp"
		done
		if cmp -s "$E2E_DIR/pages.1/$name.html.cmp" "$E2E_DIR/pages.$k/$name.html.cmp"; then
			ok "$name: program $k's page is program 1's, byte for byte"
		else
			bad "$name: program $k's page is program 1's, byte for byte" \
			    "$(diff "$E2E_DIR/pages.1/$name.html.cmp" "$E2E_DIR/pages.$k/$name.html.cmp" | head -n 20)"
		fi
	done
done
e2e_finish
