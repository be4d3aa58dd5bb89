#!/usr/bin/env bash
# tests/bench/cg-save.sh: the instructions of one durable section save
# (row 5 of make bench), warm, under callgrind, with where they go.
#
# The owner signs up and imports the demonstration plan behind nginx (as
# tests/bench/run.sh prepares row 5), then the program serves FastCGI
# with one thread under callgrind (counting inside serve() only, a
# profile after each request) and CG_SAVES saves of the section are sent
# to it through cgi-fcgi, each at the section's current version.  The
# last one is the warm save: its total, and the inclusive counts of the
# functions that tell where the time goes, are printed (empty when the
# build has no such function, or inlined it): plan_save_write() is the
# write transaction, from db_write_begin() to the commit, what runs under
# the single writer's mutex, and plan_prepare() works the save out before
# it; in builds before plan_save_seen(), plan_save() was the transaction.
# E2E_BIN=PROGRAM counts another build.  Instruction counts do not depend on how busy
# the machine is.
#
# Settings (environment): B (build directory), CG_SECTION (mission; any
# slug), CG_SAVES (3), E2E_KEEP=1 (keep the directory with the profiles,
# fcgi-cg.out.N, for callgrind_annotate).  Needs valgrind, cgi-fcgi,
# nginx, curl and sqlite3 (make bench installs them).

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../e2e/lib.sh
. "$here/../e2e/lib.sh"
# shellcheck source=callgrind.sh
. "$here/callgrind.sh"

CG_SECTION=${CG_SECTION:-mission}
CG_SAVES=${CG_SAVES:-3}
# callgrind writes its last profile at the exit.
# shellcheck disable=SC2034  # read by tests/e2e/lib.sh
E2E_WAIT_STOP=30
DEMO_JSON=$E2E_ROOT/lib/demo/housing.fr.json

for tool in valgrind callgrind_annotate cgi-fcgi nginx curl sqlite3; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "cg-save: $tool is missing: make bench installs it (conf/deps.sh)" >&2
		exit 1
	}
done

# version ORG: the stored version of the section of ORG.
version() {
	sqlite3 -cmd '.timeout 10000' "$RESEAUTER_DB" \
	    "SELECT version FROM plan_sections WHERE org_id = $1 AND section = '$CG_SECTION'"
}

e2e_setup cg-save
server_start nginx-socket
as owner
get /signup
post /signup org_name="Atelier de mesure" name="Odile Mesure" \
    email=owner@bench.invalid password='Tournesol-du-plateau-58' \
    csrf="$(form_token)"
[ "$STATUS" = 303 ] || e2e_die "the owner signs up" "$(what_came)"
get /orgs/new
code=$(curl -sS -o "$E2E_DIR/body" -D "$E2E_DIR/headers.raw" -w '%{http_code}' \
    -H "Cookie: $(cookie_header)" -F "csrf=$(csrf_token)" -F "name=Plan complet" \
    -F "file=@$DEMO_JSON;type=application/json" "$BASE/orgs/new")
tr -d '\r' <"$E2E_DIR/headers.raw" | sed -e '1d' -e '/^$/d' >"$E2E_DIR/headers"
ORG=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
if [ "$code" != 303 ] || [ -z "$ORG" ]; then
	e2e_die "the owner imports the demonstration plan" "$code"
fi
get "/o/$ORG/$CG_SECTION"
[ "$STATUS" = 200 ] || e2e_die "the section's page opens" "$(what_came)"
mapfile -d '' -t pairs < <(form_pairs "/o/$ORG/$CG_SECTION")
[ "${#pairs[@]}" -gt 2 ] || e2e_die "the section's page has its form" "$(what_came)"
server_stop

# shellcheck disable=SC2034  # read by tests/e2e/lib.sh
E2E_MODE=cgi
cg_fcgi_start "$E2E_BIN" "$E2E_DIR/fcgi-cg.out" ||
    e2e_die "the program under callgrind serves FastCGI" "$(tail "$E2E_DIR/fcgi-cg.out.log")"
E2E_BIN=$E2E_DIR/fcgi.sh
for i in $(seq 1 "$CG_SAVES"); do
	v=$(version "$ORG")
	post "/o/$ORG/$CG_SECTION" "${pairs[@]/#version=*/version=${v:-0}}"
	[ "$STATUS" = 303 ] || e2e_die "save $i of $CG_SECTION under callgrind: 303" "$(what_came)"
done
ok "$CG_SAVES saves of $CG_SECTION, each a 303"
out=$E2E_DIR/fcgi-cg.out.$CG_SAVES
[ -s "$out" ] || e2e_die "callgrind wrote the profile of save $CG_SAVES" "$(tail "$E2E_DIR/fcgi-cg.out.log")"
callgrind_annotate --inclusive=yes --threshold=100 "$out" >"$E2E_DIR/annotate.txt" 2>/dev/null
# fn NAME: the inclusive count of function NAME in the warm profile.
fn() {
	awk -v f="$1" '$0 ~ ":" f " " { gsub(/,/, "", $1); print $1; exit }' "$E2E_DIR/annotate.txt"
}
total=$(cg_total "$out")
echo "Warm save $CG_SAVES of $CG_SECTION (callgrind Ir, inclusive):"
printf '  %-34s %12s\n' "the request (serve)" "$total"
for f in section_post plan_load_all plan_save plan_save_seen plan_prepare \
    plan_save_write db_write_begin plan_after_write db_write_commit \
    plan_data_from_row wb_data_read_json form_validate; do
	printf '  %-34s %12s\n' "$f" "$(fn "$f")"
done
e2e_finish
