#!/usr/bin/env bash
# A trainer's dashboard of a cohort, its CSV file and the cohort's debrief,
# behind lighttpd: two organisations fill their plans through the web, a
# trainer reads them side by side, sorts and filters the table, downloads
# it, and reads the debrief; whoever is no trainer of the cohort finds
# nothing there.  Prints "N passed, N failed" last.
#
# The trainers' role is given with reseauter-admin.  The cohorts, their
# organisations and a comment are written with sqlite3 (which works while
# the program runs, in WAL), for what the pages do not make in one step:
# the ids the tests name, the dates, a demonstration organisation.
here=$(dirname "$0")
. "$here/lib.sh"
. "$here/journey.sh"

# save SLUG FIELD=VALUE...: the current user saves a section of $ORG_ID
# as its form would send it, from version 0.
save() {
	local slug=$1
	shift
	get "/o/$ORG_ID/$slug"
	post "/o/$ORG_ID/$slug" "$@" version=0 csrf="$(csrf_token)"
	expect_status 303 "section $slug of organisation $ORG_ID is saved"
}

# before A B DESCRIPTION: the body shows A before B (both present).
before() {
	local a b
	a=$(grep -boF -- "$1" "$E2E_DIR/body" | head -n 1 | cut -d: -f1)
	b=$(grep -boF -- "$2" "$E2E_DIR/body" | head -n 1 | cut -d: -f1)
	if [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]; then
		ok "$3"
	else
		bad "$3" "'$1' at ${a:-nowhere}, '$2' at ${b:-nowhere}"
	fi
}

# row_links: prints the organisation links of the dashboard's rows, in order.
row_links() {
	grep -oE '<th scope="row" class="col-name"><a href="/o/[0-9]+/"' "$E2E_DIR/body" |
	    sed -E 's,.*/o/([0-9]+)/.*,\1,' | tr '\n' ' ' | sed -e 's/ $//'
}

# A NO-BREAK SPACE, as French puts before ":" and "%".
NB=$'\xc2\xa0'
ORG_A_NAME='Maison de quartier Hochelaga'
ORG_B_NAME='Comité <b>citoyen</b> de l’Est'
TINA_EMAIL=tina@example.org
TINA_PW='Goéland-du-fleuve-77'
TOM_EMAIL=tom@example.org
TOM_PW='Bernache-du-lac-12'

e2e_setup dashboard
server_start lighttpd

section "two organisations fill their plans"
signup_org alice "$ORG_A_NAME" "Alice Gagnon" "$ALICE_EMAIL" "$ALICE_PW"
ORG_A=$ORG_ID
save start hours=4
save mission mission="$MISSION" means="$MEANS" strategy="$STRATEGY"
save platforms platform-1-id=facebook platform-1-chosen=1 platform-1-hours=3 \
    platform-2-id=instagram platform-2-chosen=1 platform-2-hours=3
signup_org carol "$ORG_B_NAME" "Carol Roy" "$CAROL_EMAIL" "$CAROL_PW"
ORG_B=$ORG_ID
save start hours=10
save platforms platform-1-id=facebook platform-1-chosen=1 platform-1-hours=2

section "a trainer, another trainer, and a cohort"
signup_org tina "Formation Tina" "Tina Lavoie" "$TINA_EMAIL" "$TINA_PW"
ORG_T=$ORG_ID
signup_org tom "Formation Tom" "Tom Hébert" "$TOM_EMAIL" "$TOM_PW"
signup_org dave "Autre groupe" "Dave Côté" "$DAVE_EMAIL" "$DAVE_PW"
TINA=$(sql "SELECT id FROM users WHERE email = '$TINA_EMAIL'")
TOM=$(sql "SELECT id FROM users WHERE email = '$TOM_EMAIL'")
grant_role trainer "$TINA_EMAIL"
grant_role trainer "$TOM_EMAIL"
sql "INSERT INTO cohorts (id, name, starts_on, ends_on, join_code, created_by, created_at)
    VALUES (7, 'Atelier d''automne', '2026-09-01', '2026-11-30', 'KMNPQRST', $TINA, 1),
           (8, 'Vide', '', '', 'WXYZ2345', $TINA, 1),
           (9, 'Chez Tom', '', '', 'ABCD6789', $TOM, 1);
INSERT INTO cohort_trainers VALUES (7, $TINA, 1), (8, $TINA, 1), (9, $TOM, 1);
INSERT INTO cohort_orgs (cohort_id, org_id, joined_at, demo)
    VALUES (7, $ORG_A, 1, 0), (7, $ORG_B, 1, 0), (7, $ORG_T, 1, 1);
INSERT INTO comments (org_id, section, by_trainer, body, created_at)
    VALUES ($ORG_B, 'platforms', 0, 'Une question pour la formatrice', 1);"
expect_eq "$(sql 'SELECT count(*) FROM cohort_orgs WHERE cohort_id = 7')" 3 "the cohort holds three organisations"

section "the dashboard"
as tina
get /c/7
expect_status 200 "the trainer opens the dashboard"
expect_body "Atelier d&#39;automne" "it names the cohort"
expect_body 'KMNP-QRST' "it shows the join code as read aloud"
expect_body "href=\"/o/$ORG_A/\"" "it lists the first organisation, linked to its plan"
expect_body "href=\"/o/$ORG_B/\"" "and the second"
expect_body 'Comité &lt;b&gt;citoyen&lt;/b&gt;' "a name is escaped"
expect_no_body '<b>citoyen</b>' "no live markup from a name"
OVERALL_A=$(sql "SELECT overall FROM plan_standing WHERE org_id = $ORG_A")
OVERALL_B=$(sql "SELECT overall FROM plan_standing WHERE org_id = $ORG_B")
[ "$OVERALL_A" -gt "$OVERALL_B" ] && ok "the first organisation is further along ($OVERALL_A % against $OVERALL_B %)" ||
    bad "the first organisation is further along" "$OVERALL_A against $OVERALL_B"
expect_body "<span class=\"pct\">$OVERALL_A&#160;%</span>" "its overall progress is shown"
expect_body "<span class=\"pct\">$OVERALL_B&#160;%</span>" "and the second's"
expect_body "<span class=\"visually-hidden\">100&#160;%</span>" "each section's percentage is there as text"
expect_body 'class="gauge l4"' "a finished section draws a full gauge"
expect_body '1 à répondre' "a thread awaiting the trainer is shown"
expect_body 'démonstration' "the demonstration plan has its badge"
expect_body 'modifié depuis votre dernière visite' "plans never visited are marked changed"
expect_body 'href="/c/7/edit"' "a link to the cohort's settings"
expect_body 'href="/c/7/debrief"' "a link to the debrief"
expect_body 'href="/c/7/dashboard.csv?sort=name&amp;dir=asc"' "a link to the CSV file in the current order"
expect_body 'aria-sort="ascending"' "the current column says how it is sorted"
expect_body 'class="dash-scroll" role="region"' "the table scrolls in its own box"
expect_eq "$(row_links)" "$ORG_B $ORG_T $ORG_A" "by default, by name from A to Z"

get "/c/7?sort=overall&dir=desc"
expect_status 200 "sorting by progress"
expect_eq "$(row_links | cut -d' ' -f1)" "$ORG_A" "the furthest along comes first"
expect_body 'aria-sort="descending"' "the column says it is sorted from the largest"
get "/c/7?sort=overall&dir=asc"
expect_eq "$(row_links | awk '{print $NF}')" "$ORG_A" "the other way round, it comes last"
get "/c/7?sort=name&dir=desc"
expect_eq "$(row_links)" "$ORG_A $ORG_T $ORG_B" "by name from Z to A"
get "/c/7?sort=replies"
expect_eq "$(row_links | cut -d' ' -f1)" "$ORG_B" "by comments awaiting a reply, the one with a question first"
get "/c/7?sort=%3Cscript%3E&dir=sideways&only=nosuch"
expect_status 200 "a bogus sort, direction and filter still show the page"
expect_eq "$(row_links)" "$ORG_B $ORG_T $ORG_A" "in the default order, with every group"
expect_no_body '<script>' "nothing of the bogus values comes back as markup"

get "/c/7?only=mission"
expect_status 200 "filtering on a section"
expect_eq "$(row_links)" "$ORG_B $ORG_T" "only the groups that have not finished their mission"
expect_body 'Groupes qui n&#39;ont pas terminé' "the filter says what it keeps"
expect_body '<option value="mission" selected>' "the menu shows the section chosen"
expect_body 'href="/c/7/dashboard.csv?sort=name&amp;dir=asc&amp;only=mission"' "the CSV link keeps the filter"
get "/c/7?only=start"
expect_eq "$(row_links)" "$ORG_B $ORG_T $ORG_A" "no group finished its starting point: every one is listed"

get /c/7
expect_eq "$(grep -o 'class="tag changed"' "$E2E_DIR/body" | wc -l)" 2 \
    "the two plans saved and never visited are marked changed, not the one never saved"
sql "INSERT INTO trainer_visits VALUES ($TINA, $ORG_A, 0, 4000000000)"
get /c/7
expect_eq "$(grep -o 'class="tag changed"' "$E2E_DIR/body" | wc -l)" 1 \
    "once the first plan is visited after its last save, one is left"

get /c/8
expect_status 200 "an empty cohort"
expect_body 'Aucun groupe ne s&#39;est encore joint' "says no group has joined"
expect_body 'WXYZ-2345' "and shows the code to hand out"

section "the CSV file"
get /c/7/dashboard.csv
expect_status 200 "the CSV file downloads"
expect_header Content-Type '^text/csv; charset=utf-8$' "as text/csv in UTF-8"
expect_header Content-Disposition '^attachment; filename="cohorte-Atelier-d-automne-[0-9]{4}-[0-9]{2}-[0-9]{2}\.csv"' \
    "named after the cohort and the day"
expect_eq "$(head -c 3 "$E2E_DIR/body" | od -An -tx1 | tr -d ' ')" efbbbf "it starts with the byte order mark"
expect_eq "$(wc -l <"$E2E_DIR/body" | tr -d ' ')" 4 "a header and one line per organisation"
expect_eq "$(grep -c $'\r$' "$E2E_DIR/body")" 4 "every line ends in CRLF"
expect_body 'Organisme;Avancement global (%);Point de départ;' "a French header, with semicolons"
expect_body "Comité <b>citoyen</b> de l’Est;$OVERALL_B;" "a name as typed (a spreadsheet shows no markup) and its progress"
get "/c/7/dashboard.csv?sort=overall&dir=desc&only=mission"
expect_eq "$(wc -l <"$E2E_DIR/body" | tr -d ' ')" 3 "the filter applies to the file"
get /c/7
post /lang lang=en next=/c/7 csrf="$(csrf_token)"
get /c/7/dashboard.csv
expect_body 'Organisation,Overall progress (%),Starting point,' "in English, commas"
expect_header Content-Disposition '^attachment; filename="cohort-Atelier-d-automne-' "and an English file name"
get /c/7
post /lang lang=fr next=/c/7 csrf="$(csrf_token)"

section "the debrief"
get /c/7/debrief
expect_status 200 "the debrief shows"
expect_body 'Bilan de la cohorte' "it is the debrief"
expect_body "Groupes comptés${NB}: 2." "it counts the two groups, not the demonstration"
expect_body 'Le plan de démonstration n&#39;est pas compté.' "and says so"
expect_body '<text x="0" y="19" class="lbl">Facebook</text>' "the chart names Facebook"
expect_body '<th scope="row">Instagram</th><td>1</td>' "Instagram is in the table with its count"
before 'class="lbl">Facebook<' 'class="lbl">Instagram<' "the most chosen platform comes first"
expect_body 'Médiane des heures prévues' "the median of the hours planned"
get /c/8/debrief
expect_status 200 "the debrief of an empty cohort"
expect_body 'Aucun groupe de cette cohorte ne peut encore être compté' "says there is nothing to count"

section "counts a person reads, grouped as the language writes them"
# A cohort of 1 000 groups, made in the database, each with the first
# organisation's platforms.
sql "INSERT INTO cohorts (id, name, starts_on, ends_on, join_code, created_by, created_at)
    VALUES (10, 'Grande cohorte', '', '', 'PQRS2345', $TINA, 1);
INSERT INTO cohort_trainers VALUES (10, $TINA, 1);
WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 1000)
INSERT INTO orgs (id, name, created_at) SELECT 100000 + n, 'Groupe ' || n, 1 FROM k;
INSERT INTO cohort_orgs (cohort_id, org_id, joined_at, demo)
    SELECT 10, id, 1, 0 FROM orgs WHERE id > 100000;
INSERT INTO plan_sections (org_id, section, version, data, updated_at)
    SELECT o.id, 'platforms', 1, p.data, 1 FROM orgs o, plan_sections p
    WHERE o.id > 100000 AND p.org_id = $ORG_A AND p.section = 'platforms';"
get /c/10/debrief
expect_status 200 "the debrief of 1 000 groups"
expect_body "Groupes comptés${NB}: 1${NB}000." "counts the groups as 1 000 in French"
expect_body "<th scope=\"row\">Facebook</th><td>1${NB}000</td>" "and the groups that chose Facebook"
get /c/10
expect_status 200 "the dashboard of 1 000 groups"
expect_body "Groupes de la cohorte (1${NB}000)" "its table counts them as 1 000"
post /lang lang=en next=/c/10 csrf="$(csrf_token)"
get /c/10/debrief
expect_body "Groups counted: 1,000." "and as 1,000 in English"
get /c/10
post /lang lang=fr next=/c/10 csrf="$(csrf_token)"

section "whoever is no trainer of the cohort finds nothing"
for who in tom dave alice; do
	as "$who"
	for p in /c/7 /c/7/dashboard.csv /c/7/debrief; do
		get "$p"
		expect_status 404 "$who: $p"
	done
done
as tom
get /c/9
expect_status 200 "Tom reads his own cohort"
as tina
get /c/9
expect_status 404 "and Tina does not"
get /c/999
expect_status 404 "a cohort that does not exist"
sql "DELETE FROM user_roles WHERE user_id = $TINA"
get /c/7
expect_status 404 "a trainer who lost the role no longer reads the cohort"
as visitor
get /c/7
expect_status '302|303' "a visitor is sent to log in"

e2e_finish
