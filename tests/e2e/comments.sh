#!/usr/bin/env bash
# Comments and the trainer's read-only view of a plan, behind lighttpd: a
# trainer of a cohort the organisation is in reads the plan without any
# way to change it, comments on a section; the group sees the comment on
# that section and on its overview, answers, marks it resolved; another
# organisation's member reaches none of it; and the trainer's overview
# lists what was saved since the end of their previous visit.  Prints
# "N passed, N failed" last.
#
# The trainer role is given with reseauter-admin; the trainer makes the
# cohort and the organisation joins it through their pages.  What the
# pages wrote is read back with sqlite3, which works while the program
# runs (WAL).
here=$(dirname "$0")
. "$here/lib.sh"
. "$here/journey.sh"

# post_actions: prints the action of every <form method="post"> of the
# page but the language switch and the logout, one a line.
post_actions() {
	tr '\n' ' ' <"$E2E_DIR/body" | grep -oiE '<form[^>]*>' |
	    grep -iE 'method="?post' | sed -n 's/.*action="\([^"]*\)".*/\1/p' |
	    grep -vxE '/lang|/logout'
}

# comment_id: the comment id of the Location of the last answer (#c<id>).
comment_id() {
	location | sed -n 's/.*#c\([0-9]*\)$/\1/p'
}

MISSION_A='Loger les familles du quartier Centre-Sud, « dignement ».'
MISSION_NEW='Loger dignement toutes les familles du quartier, sans exception.'
MISSION_B='Mission confidentielle du comité B : ne pas diffuser.'
COMMENT1='Votre mission est claire. <b>Qui</b> sont « les familles » ?
Précisez le public.'
REPLY1='Les familles locataires, surtout celles des HLM.'
DAVE_ORG='Formation Dave'

e2e_setup comments
server_start lighttpd

section "two organisations and a trainer"
signup_org alice "$ALICE_ORG" "Alice Gagnon" "$ALICE_EMAIL" "$ALICE_PW"
ORG=$ORG_ID
save_mission "$ORG" "$MISSION_A"
signup_org carol "Comité B" "Carol Roy" "$CAROL_EMAIL" "$CAROL_PW"
ORG2=$ORG_ID
save_mission "$ORG2" "$MISSION_B"
signup_org dave "$DAVE_ORG" "Dave Lefebvre" "$DAVE_EMAIL" "$DAVE_PW"
DAVE=$(sql "SELECT id FROM users WHERE email = '$DAVE_EMAIL'")
ALICE=$(sql "SELECT id FROM users WHERE email = '$ALICE_EMAIL'")
# The trainer role, a cohort of Dave's, and Alice's organisation in it.
grant_role trainer "$DAVE_EMAIL"
new_cohort dave "Atelier d'automne"
join_cohort alice "$ORG" "$CODE"
expect_eq "$(sql "SELECT count(*) FROM cohort_orgs WHERE org_id = $ORG")" 1 "Alice's organisation is in Dave's cohort"

section "the trainer reads the plan, read-only"
as dave
get "/o/$ORG/"
expect_status 200 "the trainer opens the overview"
expect_body_re "$(spaced_re 'votre première visite')" "a first visit says the whole plan is new"
expect_body 'class="first-visit"' "the first-visit note is there"
expect_body 'class="badge"' "the plan's navigation says read-only"
expect_no_body "href=\"/o/$ORG/members\"" "no link to the members"
expect_no_body "href=\"/o/$ORG/share\"" "no link to sharing"
expect_no_body "href=\"/o/$ORG/import\"" "no link to the import"
expect_eq "$(post_actions)" "" "the overview has no form"
expect_eq "$(sql "SELECT since_at FROM trainer_visits WHERE user_id = $DAVE AND org_id = $ORG")" 0 \
    "the visit is recorded, a first one"

get "/o/$ORG/mission"
expect_status 200 "the trainer opens a section"
expect_body "$(html_escape "$MISSION_A")" "the answers are shown"
expect_no_body "action=\"/o/$ORG/mission\"" "no form posts to the section itself"
expect_no_body 'data-draft' "no draft controls"
expect_no_body 'name="version"' "no field of the section's form"
expect_body "action=\"/o/$ORG/mission/comments\"" "a form writes a new comment"
expect_eq "$(post_actions | sort -u)" "/o/$ORG/mission/comments" "the comment form is the only one"
expect_body "href=\"/o/$ORG/mission/history\"" "the history is linked"
post "/o/$ORG/mission" mission="Changée par le formateur" means= strategy= version=1 csrf="$(csrf_token)"
expect_status 403 "the trainer's POST to the section is refused"
post "/o/$ORG/mission/restore" version=1 base_version=1 csrf="$(form_token)"
expect_status 403 "and so is a restore"
expect_eq "$(sql "SELECT version FROM plan_sections WHERE org_id = $ORG AND section = 'mission'")" 1 \
    "the section did not change"
get "/o/$ORG/mission/history"
expect_status 200 "the trainer reads the history"
expect_body "href=\"/o/$ORG/mission/history/1\"" "with its versions"
get "/o/$ORG/mission/history/1"
expect_status 200 "the trainer reads a version"
expect_no_body "/restore\"" "no restore button"
expect_eq "$(post_actions)" "" "no form on a version"
get "/o/$ORG/summary"
expect_status 200 "the trainer reads the summary"
expect_no_body "href=\"/o/$ORG/share\"" "the summary offers no share link to a trainer"
expect_body "href=\"/o/$ORG/summary.pdf\"" "the downloads are there"
for p in summary.pdf summary.md summary.html plan.json plan.ics; do
	get "/o/$ORG/$p"
	expect_status 200 "the trainer downloads $p"
done
get "/o/$ORG/members"
expect_status 403 "the members page is not the trainer's"

section "the trainer writes a comment"
get "/o/$ORG/mission"
post "/o/$ORG/mission/comments" body='   ' csrf="$(csrf_token)"
expect_status 422 "an empty comment is refused"
expect_body 'id="e-body"' "the message stands next to the textarea"
expect_body 'aria-invalid="true"' "the textarea is marked invalid"
LONG=$(printf 'é%.0s' $(seq 1 4001))
post "/o/$ORG/mission/comments" body="$LONG" csrf="$(csrf_token)"
expect_status 422 "a comment of 4001 characters is refused"
expect_eq "$(textarea_value body)" "$LONG" "the text typed is kept"
expect_eq "$(sql 'SELECT count(*) FROM comments')" 0 "nothing was written"
post "/o/$ORG/mission/comments" body="$COMMENT1" csrf="$(csrf_token)"
expect_status 303 "the comment is saved"
expect_location "/o/$ORG/mission#c[0-9]+" "back to the section, at the comment"
C1=$(comment_id)
[ -n "$C1" ] || C1=0
expect_eq "$(sql "SELECT by_trainer || ' ' || section || ' ' || (thread_id IS NULL) FROM comments WHERE id = $C1")" \
    "1 mission 1" "stored as a trainer's new thread on the mission"
get "/o/$ORG/mission"
expect_body "id=\"c$C1\"" "the comment is on the page"
expect_body "$(pre_escape "$COMMENT1")" "its text, escaped, line break kept"
expect_no_body '<b>Qui</b>' "no live HTML from a comment"

section "the group sees it, answers, resolves"
as alice
get "/o/$ORG/mission"
expect_status 200 "Alice opens the section"
expect_body_re "$(spaced_re 'Commentaires de votre formatrice ou formateur')" "under a clear heading"
expect_body "$(pre_escape "$COMMENT1")" "the comment is there"
expect_body "Dave Lefebvre" "with its author"
expect_body "action=\"/o/$ORG/mission\"" "the member still has the section's form"
expect_body "name=\"thread\" value=\"$C1\"" "a reply form for the thread"
expect_body "action=\"/o/$ORG/comments/$C1/resolve\"" "a button to resolve it"
expect_no_body 'id="f-body"' "no form to start a thread for a member"
get "/o/$ORG/"
expect_body_re "$(spaced_re 'Commentaires à traiter')" "the overview lists the comments to answer"
expect_body "href=\"/o/$ORG/mission#c$C1\"" "with a link to the comment"
expect_body "/o/$ORG/mission#comments" "the section's card counts its open comments"
get "/o/$ORG/mission"
post "/o/$ORG/mission/comments" thread="$C1" body='' csrf="$(csrf_token)"
expect_status 422 "an empty reply is refused"
expect_body "id=\"e-reply-$C1\"" "the message stands next to that reply"
post "/o/$ORG/mission/comments" thread="$C1" body="$REPLY1" csrf="$(csrf_token)"
expect_status 303 "Alice replies"
R1=$(comment_id)
expect_location "/o/$ORG/mission#c$R1" "back at the reply"
expect_eq "$(sql "SELECT thread_id || ' ' || by_trainer FROM comments WHERE id = ${R1:-0}")" "$C1 0" \
    "stored as the group's reply in the thread"
post "/o/$ORG/mission/comments" body="Une question de notre part" csrf="$(csrf_token)"
expect_status 403 "a member does not start a thread"
post "/o/$ORG/mission/comments" thread=abc body=x csrf="$(csrf_token)"
expect_status 400 "a malformed thread id"
get "/o/$ORG/"
expect_no_body "href=\"/o/$ORG/mission#c$C1\"" "answered, it no longer waits for the group"

as dave
get "/o/$ORG/"
expect_body_re "$(spaced_re 'Réponses du groupe')" "the trainer's overview shows the group's replies"
expect_body "href=\"/o/$ORG/mission#c$R1\"" "with a link to the reply"

as alice
get "/o/$ORG/mission"
post "/o/$ORG/comments/$C1/resolve" action=sideways csrf="$(csrf_token)"
expect_status 400 "an unknown action"
post "/o/$ORG/comments/$C1/resolve" action=resolve csrf="$(csrf_token)"
expect_status 303 "Alice marks it resolved"
expect_location "/o/$ORG/mission#c$C1" "back to the thread"
expect_eq "$(sql "SELECT resolved_by = $ALICE FROM comments WHERE id = $C1")" 1 "resolved by Alice"
get "/o/$ORG/mission"
expect_body_re "<details class=\"thread resolved\" id=\"t$C1\">" "a resolved thread is folded"
expect_body "name=\"action\" value=\"reopen\"" "with a button to reopen it"
expect_no_body "name=\"thread\" value=\"$C1\"" "and no reply form"

section "another organisation reaches none of it"
as carol
get "/o/$ORG/mission"
expect_status 404 "Carol gets 404 for the section"
get "/o/$ORG2/mission"
post "/o/$ORG/mission/comments" body=Intrus thread="$C1" csrf="$(csrf_token)"
expect_status 404 "and for posting a comment there"
post "/o/$ORG/comments/$C1/resolve" action=reopen csrf="$(csrf_token)"
expect_status 404 "and for reopening its thread"
post "/o/$ORG2/comments/$C1/resolve" action=reopen csrf="$(csrf_token)"
expect_status 404 "a comment of another organisation through her own plan: 404"
post "/o/$ORG2/mission/comments" body=Intrus thread="$C1" csrf="$(csrf_token)"
expect_status 404 "a reply to another organisation's thread: 404"
post "/o/$ORG2/mission/comments" body='' thread="$C1" csrf="$(csrf_token)"
expect_status 404 "even with an empty body"
get "/o/$ORG2/mission"
expect_no_body "$(pre_escape "$COMMENT1")" "her own section shows nothing of it"
expect_no_body 'class="comments"' "no comments region for a section without comments"
expect_eq "$(sql "SELECT count(*) FROM comments WHERE body = 'Intrus'")" 0 "nothing was written"
expect_eq "$(sql "SELECT resolved_at IS NOT NULL FROM comments WHERE id = $C1")" 1 "the thread is still resolved"
as dave
get "/o/$ORG2/"
expect_status 404 "the trainer does not read a plan outside their cohorts"

section "the trainer reopens"
get "/o/$ORG/mission"
post "/o/$ORG/comments/$R1/resolve" action=reopen csrf="$(csrf_token)"
expect_status 303 "the trainer reopens it through the reply"
expect_location "/o/$ORG/mission#c$C1" "back to the thread"
expect_eq "$(sql "SELECT resolved_at IS NULL FROM comments WHERE id = $C1")" 1 "open again"

section "what changed since the last visit"
# The visit ended a day ago, and everything saved before it is older.
sql "UPDATE plan_sections SET updated_at = updated_at - 172800 WHERE org_id = $ORG"
sql "UPDATE plan_revisions SET created_at = created_at - 172800 WHERE org_id = $ORG"
sql "UPDATE trainer_visits SET since_at = 0, last_seen_at = strftime('%s', 'now') - 86400 WHERE user_id = $DAVE AND org_id = $ORG"
as alice
save_mission "$ORG" "$MISSION_NEW"
as dave
get "/o/$ORG/"
expect_status 200 "the trainer comes back"
expect_no_body 'class="first-visit"' "no longer a first visit"
expect_body 'id="change-mission"' "the overview lists the mission as changed"
expect_body "$(html_escape "$MISSION_A")" "with the text before"
expect_body "$(html_escape "$MISSION_NEW")" "and the new text"
expect_body 'Alice Gagnon' "and who saved it"
expect_body "href=\"/o/$ORG/mission/history\"" "with a link to its history"
expect_no_body 'id="change-objectives"' "a section not saved since is not listed"
SINCE=$(sql "SELECT since_at FROM trainer_visits WHERE user_id = $DAVE AND org_id = $ORG")
LAST=$(sql "SELECT last_seen_at - strftime('%s', 'now') > -60 FROM trainer_visits WHERE user_id = $DAVE AND org_id = $ORG")
expect_eq "$LAST" 1 "the visit's last view is now"
[ "$SINCE" -gt 0 ] 2>/dev/null && ok "since is the end of the previous visit ($SINCE)" ||
    bad "since is the end of the previous visit" "since_at: $SINCE"
get "/o/$ORG/"
expect_body 'id="change-mission"' "a second view in the same visit still lists it"

e2e_finish
