#!/usr/bin/env bash
# The demonstration plan behind lighttpd (conf/lighttpd.conf): a trainer
# posts to /c/<id>/demo and lands on a new organisation of their own,
# holding the workbook's finished example (the fictional "Comité logement
# Val-des-Tilleuls") in the language of their pages, in the cohort as a
# demonstration.  Its summary shows the committee and its personas; its
# plan file is byte for byte the one compiled into the program.  A second
# demonstration in the same cohort is a second organisation, in English
# once the trainer switched language.  Nobody else can make one: a
# request without its CSRF token, a person who does not train the cohort,
# an archived cohort are all refused, and nothing is made.  Prints
# "N passed, N failed" last.
here=$(dirname "$0")
. "$here/lib.sh"

TRAINER_EMAIL=brigitte@example.org
TRAINER_PW='Tournesol-du-plateau-58'
BOB_EMAIL=bob@example.org
BOB_PW='Castor-des-berges-17'

# new_org: the organisation of the Location of the last answer (/o/<id>/).
new_org() {
	location | sed -n 's,^/o/\([0-9]*\)/$,\1,p'
}

e2e_setup demo
server_start lighttpd

section "a trainer with a cohort"
signup_org brigitte "Atelier Brigitte" "Brigitte Côté" "$TRAINER_EMAIL" "$TRAINER_PW"
OWN_ORG=$ORG_ID
signup_org bob "Comité de Bob" "Bob Roy" "$BOB_EMAIL" "$BOB_PW"
TRAINER=$(sql "SELECT id FROM users WHERE email = '$TRAINER_EMAIL'")
BOB=$(sql "SELECT id FROM users WHERE email = '$BOB_EMAIL'")
# The trainer role is given with reseauter-admin; the cohorts are written
# with sqlite3 (which works while the program runs, in WAL), since the
# pages would not make the third: cohort 1 is Brigitte's, open; 2 is
# hers, archived; 3 is Bob's (he trains it, but has no trainer role).
grant_role trainer "$TRAINER_EMAIL"
sql "INSERT INTO cohorts (id, name, join_code, state, created_by, created_at) VALUES
       (1, 'Atelier d''automne', 'ABCDEFGH', 'open', $TRAINER, 1800000000),
       (2, 'Atelier du printemps', 'HGFEDCBA', 'archived', $TRAINER, 1800000000),
       (3, 'Cohorte de Bob', 'KMNPQRST', 'open', $BOB, 1800000000);
     INSERT INTO cohort_trainers (cohort_id, user_id, added_at) VALUES
       (1, $TRAINER, 1800000000), (2, $TRAINER, 1800000000), (3, $BOB, 1800000000);" ||
    e2e_die "the cohorts are set up with sqlite3"
ORGS_BEFORE=$(sql "SELECT count(*) FROM orgs")

section "refused, and nothing made"
as brigitte
get "/o/$OWN_ORG/"
TOK=$(form_token)
[ -n "$TOK" ] || e2e_die "the trainer's pages carry a CSRF token" "$(what_came)"
post /c/1/demo
expect_status 403 "a demonstration without the CSRF token is refused"
post /c/3/demo csrf="$TOK"
expect_status 404 "a cohort the trainer does not train is not found"
post /c/99/demo csrf="$TOK"
expect_status 404 "a cohort that does not exist is not found"
post /c/2/demo csrf="$TOK"
expect_status 409 "an archived cohort takes no demonstration"
expect_body "archivée" "the refusal says, in French, that the cohort is archived"
as bob
get "/o/$ORG_ID/"
post /c/3/demo csrf="$(form_token)"
expect_status 404 "a person without the trainer role makes no demonstration"
post /c/1/demo csrf="$(form_token)"
expect_status 404 "nor in another trainer's cohort"
expect_eq "$(sql "SELECT count(*) FROM orgs")" "$ORGS_BEFORE" "no organisation was made by the refusals"
expect_eq "$(sql "SELECT count(*) FROM cohort_orgs")" 0 "no cohort holds an organisation"

section "a demonstration in French"
as brigitte
post /c/1/demo csrf="$TOK"
expect_status 303 "POST /c/1/demo makes the demonstration"
expect_location '/o/[0-9]+/' "it leads to the new organisation's plan"
DEMO_FR=$(new_org)
[ -n "$DEMO_FR" ] || e2e_die "a demonstration organisation" "$(what_came)"
[ "$DEMO_FR" != "$OWN_ORG" ] && ok "it is a new organisation ($DEMO_FR)" ||
    bad "it is a new organisation" "got the trainer's own, $OWN_ORG"
expect_eq "$(sql "SELECT demo || ' ' || joined_by FROM cohort_orgs WHERE cohort_id = 1 AND org_id = $DEMO_FR")" \
    "1 $TRAINER" "it is in the cohort as a demonstration, put there by the trainer"
expect_eq "$(sql "SELECT group_concat(user_id || ':' || role) FROM memberships WHERE org_id = $DEMO_FR")" \
    "$TRAINER:owner" "the trainer owns it, alone"
get "/o/$DEMO_FR/"
expect_status 200 "the trainer opens its plan"
expect_body "Val-des-Tilleuls" "the plan's page names the committee"
get "/o/$DEMO_FR/summary"
expect_status 200 "its summary opens"
expect_body "Comité logement Val-des-Tilleuls (démonstration)" "the summary names the committee, as a demonstration"
expect_body "Lina, la locataire" "the summary shows a persona, in French"
expect_body "Mélanie, la militante" "and another"
expect_body "Karim Benali" "and the person responsible"
expect_no_body "Lina, the tenant" "nothing of it is in English"
get "/o/$DEMO_FR/mission"
expect_status 200 "the trainer opens a section to edit it"
expect_body 'name="mission"' "the section is a form the trainer can change"
get "/o/$DEMO_FR/plan.json"
expect_status 200 "its plan file downloads"
if cmp -s "$E2E_DIR/body" "$E2E_ROOT/lib/demo/housing.fr.json"; then
	ok "the plan file is lib/demo/housing.fr.json, byte for byte"
else
	bad "the plan file is lib/demo/housing.fr.json, byte for byte" \
	    "$(diff "$E2E_DIR/body" "$E2E_ROOT/lib/demo/housing.fr.json" | head -n 10)"
fi

section "a second demonstration, in English"
post /lang lang=en next="/o/$DEMO_FR/" csrf="$TOK"
expect_status 303 "the trainer switches to English"
post /c/1/demo csrf="$TOK"
expect_status 303 "a second demonstration in the same cohort is made"
DEMO_EN=$(new_org)
[ -n "$DEMO_EN" ] && [ "$DEMO_EN" != "$DEMO_FR" ] && [ "$DEMO_EN" != "$OWN_ORG" ] &&
    ok "it is another organisation ($DEMO_EN)" ||
    bad "it is another organisation" "$(what_came)"
get "/o/$DEMO_EN/summary"
expect_status 200 "its summary opens"
expect_body "Comité logement Val-des-Tilleuls (demonstration)" "the summary names the committee, as a demonstration in English"
expect_body "Lina, the tenant" "the summary shows a persona, in English"
expect_no_body "Lina, la locataire" "nothing of it is in French"
get "/o/$DEMO_EN/plan.json"
if cmp -s "$E2E_DIR/body" "$E2E_ROOT/lib/demo/housing.en.json"; then
	ok "the plan file is lib/demo/housing.en.json, byte for byte"
else
	bad "the plan file is lib/demo/housing.en.json, byte for byte" \
	    "$(diff "$E2E_DIR/body" "$E2E_ROOT/lib/demo/housing.en.json" | head -n 10)"
fi
get "/o/$DEMO_FR/summary"
expect_body "Lina, la locataire" "the first demonstration stays in French"
expect_eq "$(sql "SELECT count(*) FROM cohort_orgs WHERE cohort_id = 1 AND demo = 1")" 2 \
    "the cohort holds both demonstrations"
expect_eq "$(sql "SELECT overall || ' ' || pitfalls FROM plan_standing WHERE org_id = $DEMO_EN")" \
    "100 0" "the stored standing: complete, no pitfall"

e2e_finish
