#!/usr/bin/env bash
# Cohorts behind lighttpd (conf/lighttpd.conf, as tests/e2e/lighttpd.sh
# starts it): a trainer makes a cohort and hands out its join code, an
# owner joins with the code typed any which way, the trainer reads the
# plan but changes nothing, co-trainers come and go, the cohort closes and
# reopens, and when the organisation leaves the trainers lose access at
# once.  The trainer role is given with reseauter-admin beside the running
# program; what the pages wrote is read back with sqlite3, which works
# while the program runs (WAL).  Prints "N passed, N failed" last.
here=$(dirname "$0")
. "$here/lib.sh"
. "$here/journey.sh"

# join_code: prints the join code shown large on a cohort's settings page.
join_code() {
	sed -n 's,.*<p class="join-code">\([A-Z0-9-]*\)</p>.*,\1,p' "$E2E_DIR/body" | head -n 1
}

# page_csrf: loads a page that carries forms, for the token to post with.
page_csrf() {
	get /orgs
	csrf_token
}

ERIN_EMAIL=erin@example.org
ERIN_PW='Martin-pecheur-du-lac-5'
FRANK_EMAIL=frank@example.org
FRANK_PW='Sterne-pierregarin-31'
COHORT_NAME='Atelier du 14 mars <Longueuil>'
NOTES='Salle 2, apporter les cartons.'

e2e_setup cohorts
server_start lighttpd

section "the people"
signup_org alice "Atelier Alice" "Alice Gagnon" "$ALICE_EMAIL" "$ALICE_PW"
signup_org bob "Comité logement Centre-Sud" "Bob Tremblay" "$BOB_EMAIL" "$BOB_PW"
ORG=$ORG_ID
invite_member "$ORG" dave "Dave Roy" "$DAVE_EMAIL" "$DAVE_PW" \
    "Dave joins Bob's organisation as a plain member"
signup_org carol "Cuisine collective" "Carol Lévesque" "$CAROL_EMAIL" "$CAROL_PW"
ORG2=$ORG_ID
signup_org erin "Atelier Erin" "Erin Ouellet" "$ERIN_EMAIL" "$ERIN_PW"
signup_org frank "Atelier Frank" "Frank Bélanger" "$FRANK_EMAIL" "$FRANK_PW"

section "only a trainer has cohorts"
as alice
get /cohorts
expect_status 403 "without the trainer role, /cohorts is refused"
expect_no_body 'href="/cohorts"' "and the menu has no My cohorts"
grant_role trainer "$ALICE_EMAIL"
grant_role trainer "$ERIN_EMAIL"
grant_role trainer "$FRANK_EMAIL"
get /cohorts
expect_status 200 "with the role, /cohorts shows the trainer's cohorts"
expect_body 'href="/cohorts/new"' "it offers a new cohort"
expect_body 'href="/cohorts?archived=1"' "and the archived cohorts"
expect_body_re '<a href="/cohorts" aria-current="page">' "the menu has My cohorts, current here"

section "a new cohort"
get /cohorts/new
expect_status 200 "the form of a new cohort"
expect_body_re '<input type="date" id="f-starts_on"' "the first day is a date field"
post /cohorts/new name= starts_on=2026-03-14 ends_on=2026-03-14 notes="$NOTES" csrf="$(csrf_token)"
expect_status 422 "a cohort without a name is refused"
expect_body 'id="e-name"' "a message stands next to the name"
expect_eq "$(field_of notes)" "$NOTES" "the notes typed are kept"
expect_eq "$(field_of starts_on)" 2026-03-14 "the date typed is kept"
post /cohorts/new name="$COHORT_NAME" starts_on=2026-03-15 ends_on=2026-03-14 csrf="$(csrf_token)"
expect_status 422 "a last day before the first is refused"
expect_body 'id="e-ends_on"' "a message stands next to the last day"
expect_eq "$(field_of name)" "$COHORT_NAME" "the name typed is kept"
post /cohorts/new name="$(printf 'é%.0s' $(seq 1 121))" csrf="$(csrf_token)"
expect_status 422 "a name of 121 characters is refused"
post /cohorts/new name=x starts_on=2026-02-30 csrf="$(csrf_token)"
expect_status 422 "an impossible date is refused"
expect_eq "$(sql 'SELECT count(*) FROM cohorts')" 0 "the refused forms made no cohort"
post /cohorts/new name="$COHORT_NAME" starts_on=2026-03-14 ends_on=2026-03-14 notes="$NOTES" csrf="$(csrf_token)"
expect_status 303 "a cohort is created"
expect_location '/c/[0-9]+/edit\?created=1' "and its settings page comes next"
COHORT=$(location | sed -n 's,^/c/\([0-9]*\)/edit.*,\1,p')
[ -n "$COHORT" ] || COHORT=0
get "/c/$COHORT/edit?created=1"
expect_status 200 "the settings page"
CODE=$(join_code)
if printf '%s' "$CODE" | grep -Eqx '[ABCDEFGHJKMNPQRSTWXYZ2-9]{4}-[ABCDEFGHJKMNPQRSTWXYZ2-9]{4}'; then
	ok "the join code is shown large as XXXX-XXXX, without look-alikes ($CODE)"
else
	bad "the join code is shown large as XXXX-XXXX, without look-alikes" "code: '$CODE'; $(what_came)"
	CODE=ABCD-EFGH
fi
expect_body "value=\"$RESEAUTER_BASE_URL/join/$CODE\"" "the join link is there to copy"
expect_body 'Lisez-le à voix haute' "it says how to hand the code out"
expect_body 'Atelier du 14 mars &lt;Longueuil&gt;' "the name is escaped"
expect_no_body '<Longueuil>' "no live HTML from the name"
expect_body "action=\"/c/$COHORT/demo\"" "the demonstration form is there"
expect_body 'Ajouter le plan d&#39;exemple' "with its button"
expect_body "href=\"/c/$COHORT\"" "a link to the dashboard"
expect_body "href=\"/c/$COHORT/debrief\"" "a link to the debrief"
expect_eq "$(sql "SELECT user_id FROM cohort_trainers WHERE cohort_id = $COHORT")" \
    "$(sql "SELECT id FROM users WHERE email = '$ALICE_EMAIL'")" "the creator is its first trainer"
get /cohorts
expect_body "href=\"/c/$COHORT\"" "my cohorts link to its dashboard"
expect_body "href=\"/c/$COHORT/edit\"" "and to its settings"
expect_body "$CODE" "and show its code"
expect_body '14 mars 2026' "and its day"

section "the settings change"
get "/c/$COHORT/edit"
post "/c/$COHORT/edit" name="Atelier de mars" starts_on=2026-03-14 ends_on=2026-03-13 notes="$NOTES" csrf="$(csrf_token)"
expect_status 422 "the settings refuse a last day before the first"
expect_eq "$(field_of name)" "Atelier de mars" "and keep what was typed"
expect_eq "$(sql "SELECT name FROM cohorts WHERE id = $COHORT")" "$COHORT_NAME" "nothing was saved"
post "/c/$COHORT/edit" name="Atelier de mars" starts_on=2026-03-14 ends_on=2026-03-14 notes="$NOTES" csrf="$(csrf_token)"
expect_status 303 "the settings are saved"
expect_location "/c/$COHORT/edit\\?saved=1" "back to the settings"
get "/c/$COHORT/edit?saved=1"
expect_body '<h1>Atelier de mars</h1>' "the new name shows"
expect_eq "$(join_code)" "$CODE" "the code did not change"

section "an owner joins with the code typed any which way"
as bob
get /join
expect_status 200 "the form to type a code"
TYPED=$(printf '%s' "$CODE" | tr 'A-Z' 'a-z' | sed 's/-/ /; s/^\(..\)/\1 /')
post /join code="$TYPED" csrf="$(csrf_token)"
expect_status 200 "the code in lowercase with spaces ($TYPED) finds the cohort"
expect_body '<h1>Atelier de mars</h1>' "the confirmation names the cohort"
expect_body 'Alice Gagnon' "and its trainer"
expect_body '14 mars 2026' "and its day"
expect_body 'Ce que les formatrices et formateurs verront et feront' "it says what the trainers will see"
expect_body 'modifier quoi que ce soit' "and that they change nothing"
expect_body 'adresses courriel' "nor see e-mail addresses"
expect_body "<option value=\"$ORG\"" "it offers the organisation Bob owns"
expect_no_body '<option value="0"' "and nothing else"
get "/join/$CODE"
expect_status 200 "the join link opens the same confirmation"
expect_body '<h1>Atelier de mars</h1>' "with the cohort's name"
get "/join?code=$CODE"
expect_status 200 "so does /join?code="
submit_form /join
expect_status 303 "Bob confirms"
expect_location "/o/$ORG/cohorts\\?joined=$COHORT" "and lands on his organisation's cohorts"
get "/o/$ORG/cohorts?joined=$COHORT"
expect_status 200 "the organisation's cohorts"
expect_body 'Atelier de mars' "list the cohort"
expect_body 'Alice Gagnon' "with its trainer"
expect_body 'fait maintenant partie de la cohorte' "and say it joined"
expect_body "action=\"/o/$ORG/cohorts/leave\"" "an owner may leave"
get "/join/$CODE"
submit_form /join
expect_status 303 "joining twice"
expect_location "/o/$ORG/cohorts\\?already=$COHORT" "says it was in already"
expect_eq "$(sql "SELECT count(*) FROM cohort_orgs WHERE cohort_id = $COHORT")" 1 "and adds nothing"

section "a newcomer opens the join link before having an account"
as newcomer
get "/join/$CODE"
expect_status 302 "the join link sends a visitor to log in"
expect_location "/login\\?next=/join/$CODE" "and comes back to the link afterwards"
get "$(location)"
expect_body "href=\"/signup?next=/join/$CODE\"" "the login page's sign-up link keeps where they were going"
get "/signup?next=/join/$CODE"
post /signup org_name="Locataires unis" name="Nouvelle" email=newcomer@example.org \
    password="$ERIN_PW-new" next="/join/$CODE" csrf="$(form_token)"
expect_status 303 "signing up from there works"
expect_location "/join/$CODE" "and goes back to the join link, code and all"
as elsewhere
get /signup
post /signup org_name="Ailleurs" name="Autre" email=elsewhere@example.org \
    password="$ERIN_PW-else" next="//evil.example/" csrf="$(form_token)"
expect_location "/o/[0-9]*/" "a next that leaves the site is ignored"

section "codes that find nothing"
get /join
post /join code=ABC csrf="$(csrf_token)"
expect_status 422 "a code too short"
expect_body 'id="e-code"' "gets a message next to the field"
expect_eq "$(field_of code)" ABC "and keeps what was typed"
post /join code=ABCD-EFG0 csrf="$(csrf_token)"
expect_status 422 "a code with a zero, which no code has"
post /join code= csrf="$(csrf_token)"
expect_status 422 "an empty code"
UNKNOWN=ZZZZ-ZZZZ
[ "$UNKNOWN" != "$CODE" ] || UNKNOWN=YYYY-YYYY
post /join code="$UNKNOWN" csrf="$(csrf_token)"
expect_status 404 "a well-formed code no cohort has"
expect_body 'Aucune cohorte n&#39;a ce code' "says to check it with the trainer"
get /join/ZZZZ-ZZZ2
expect_status 404 "so does a link with such a code"

section "a member who is not an owner"
as dave
get "/join/$CODE"
expect_status 403 "Dave owns no organisation: only an owner can join"
expect_body 'Bob Tremblay' "the page says which owner to ask"
post /join code="$CODE" org="$ORG" confirm=1 csrf="$(page_csrf)"
expect_status 403 "Dave cannot confirm a join for the organisation"
get "/o/$ORG/cohorts"
expect_status 200 "Dave sees the organisation's cohorts"
expect_no_body 'cohorts/leave' "without a button to leave"
expect_body 'Bob Tremblay' "and reads whom to ask"
post "/o/$ORG/cohorts/leave" cohort="$COHORT" csrf="$(csrf_token)"
expect_status 403 "Dave cannot make the organisation leave"

section "the trainer reads, and changes nothing"
as alice
get "/o/$ORG/"
expect_status 200 "Alice reads the plan of Bob's organisation"
expect_body 'Lecture seule' "with the read-only badge"
get "/o/$ORG/summary"
expect_status 200 "and its summary"
get "/o/$ORG/mission"
post "/o/$ORG/mission" mission="$MISSION" means="$MEANS" strategy="$STRATEGY" \
    version="$(input_value version)" csrf="$(csrf_token)"
expect_status 403 "but cannot save a section"
get "/o/$ORG/members"
expect_status 403 "nor see the members"
get "/o/$ORG2/"
expect_status 404 "an organisation not in her cohort stays unknown"
get /cohorts
expect_body_re 'data-label="Groupes">1<' "my cohorts count one group"

section "closed, then open again"
get "/c/$COHORT/edit"
post "/c/$COHORT/state" state=closed csrf="$(csrf_token)"
expect_status 303 "Alice closes the cohort"
expect_location "/c/$COHORT/edit\\?state=closed" "back to the settings"
get "/c/$COHORT/edit?state=closed"
expect_body 'aucun nouveau groupe ne peut s&#39;y joindre' "which say what closed means"
expect_body 'name="state" value="open"' "and offer to open it again"
post "/c/$COHORT/state" state=gone csrf="$(csrf_token)"
expect_status 400 "a state that does not exist"
as carol
get "/join/$CODE"
expect_status 409 "a closed cohort refuses a new group"
expect_body 'n&#39;accepte plus de nouveaux groupes' "and says so"
post /join code="$CODE" org="$ORG2" confirm=1 csrf="$(page_csrf)"
expect_status 409 "even with a confirmation"
expect_eq "$(sql "SELECT count(*) FROM cohort_orgs WHERE org_id = $ORG2")" 0 "Carol's organisation is not in"
as alice
get "/o/$ORG/"
expect_status 200 "a closed cohort's trainer still reads the plans in it"
get "/c/$COHORT/edit"
post "/c/$COHORT/state" state=open csrf="$(csrf_token)"
expect_status 303 "Alice reopens the cohort"
as carol
post /join code="$CODE" org="$ORG2" confirm=1 csrf="$(page_csrf)"
expect_status 303 "Carol's organisation joins the reopened cohort"

section "co-trainers"
as alice
get "/c/$COHORT/edit"
post "/c/$COHORT/trainers" action=add email=nobody@example.org csrf="$(csrf_token)"
expect_status 422 "an address with no account"
expect_body 'id="e-email"' "gets a message next to the field"
expect_eq "$(field_of email)" nobody@example.org "and keeps the address"
post "/c/$COHORT/trainers" action=add email="$DAVE_EMAIL" csrf="$(csrf_token)"
expect_status 422 "an account without the trainer role"
expect_body 'Une personne qui administre le site doit d&#39;abord' "says an administrator must give it"
post "/c/$COHORT/trainers" action=add email=pas-une-adresse csrf="$(csrf_token)"
expect_status 422 "a malformed address"
as erin
get "/o/$ORG/"
expect_status 404 "before being added, Erin does not read the plan"
get "/c/$COHORT/edit"
expect_status 404 "nor the cohort"
as alice
get "/c/$COHORT/edit"
post "/c/$COHORT/trainers" action=add email="$(printf '%s' "$ERIN_EMAIL" | tr 'a-z' 'A-Z')" csrf="$(csrf_token)"
expect_status 303 "Alice adds Erin by e-mail, in capitals"
get "$(location)"
expect_body 'Erin Ouellet anime maintenant cette cohorte' "the settings say so"
post "/c/$COHORT/trainers" action=add email="$ERIN_EMAIL" csrf="$(csrf_token)"
expect_status 200 "adding her twice"
expect_body 'Erin Ouellet anime déjà cette cohorte' "says she is in already"
as erin
get "/o/$ORG/summary"
expect_status 200 "the co-trainer reads the plan"
get "/c/$COHORT/edit"
expect_status 200 "and the cohort's settings"
ERIN_ID=$(sql "SELECT id FROM users WHERE email = '$ERIN_EMAIL'")
ALICE_ID=$(sql "SELECT id FROM users WHERE email = '$ALICE_EMAIL'")

section "a trainer of another cohort"
as frank
get /cohorts/new
post /cohorts/new name="Série de Frank" csrf="$(csrf_token)"
expect_status 303 "Frank has a cohort of his own"
FRANK_COHORT=$(location | sed -n 's,^/c/\([0-9]*\)/edit.*,\1,p')
get "/c/$COHORT/edit"
expect_status 404 "Frank gets 404 on Alice's cohort settings"
get "/c/$COHORT"
expect_status 404 "and on its dashboard"
post "/c/$COHORT/state" state=closed csrf="$(page_csrf)"
expect_status 404 "and cannot close it"
get "/o/$ORG/"
expect_status 404 "nor read the plans of its groups"
as bob
get "/c/$COHORT/edit"
expect_status 404 "an owner without the trainer role does not see the settings"
get "/c/${FRANK_COHORT:-0}/edit"
expect_status 404 "of any cohort"

section "removing trainers"
as alice
get "/c/$COHORT/edit"
post "/c/$COHORT/trainers" action=remove user="$ERIN_ID" csrf="$(csrf_token)"
expect_status 303 "Alice removes Erin"
as erin
get "/o/$ORG/"
expect_status 404 "Erin no longer reads the plan"
as alice
get "/c/$COHORT/edit"
expect_no_body 'name="action" value="remove"' "a sole trainer has no remove button"
post "/c/$COHORT/trainers" action=remove user="$ALICE_ID" csrf="$(csrf_token)"
expect_status 409 "the last trainer cannot be removed"
post "/c/$COHORT/trainers" action=remove user="$ERIN_ID" csrf="$(csrf_token)"
expect_status 404 "removing someone who is not a trainer of it"

section "the owner leaves"
as bob
get "/o/$ORG/cohorts"
post "/o/$ORG/cohorts/leave" cohort="$FRANK_COHORT" csrf="$(csrf_token)"
expect_status 404 "leaving a cohort the organisation is not in"
post "/o/$ORG/cohorts/leave" cohort="$COHORT" csrf="$(csrf_token)"
expect_status 303 "Bob makes the organisation leave"
expect_location "/o/$ORG/cohorts\\?left=1" "back to its cohorts"
get "$(location)"
expect_no_body 'Atelier de mars' "the cohort is gone from the list"
as alice
get "/o/$ORG/"
expect_status 404 "at once, the trainer no longer reads the plan"
get "/o/$ORG/summary"
expect_status 404 "nor its summary"
get "/o/$ORG2/"
expect_status 200 "the other group's plan is still hers"

section "archived"
get "/c/$COHORT/edit"
post "/c/$COHORT/state" state=archived csrf="$(csrf_token)"
expect_status 303 "Alice archives the cohort"
get /cohorts
expect_no_body "href=\"/c/$COHORT\"" "it leaves the current cohorts"
get "/cohorts?archived=1"
expect_body "href=\"/c/$COHORT\"" "and is with the archived ones"
as bob
post /join code="$CODE" org="$ORG" confirm=1 csrf="$(page_csrf)"
expect_status 409 "an archived cohort takes no group back"

e2e_finish
