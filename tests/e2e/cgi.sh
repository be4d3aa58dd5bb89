#!/usr/bin/env bash
# The journey through plain CGI: the program is run once per request with
# the request in its environment and the body on its standard input, as a
# web server's mod_cgi would; the Status: header of its output is the
# status.  E2E_BIN may name another build (make check runs this suite once
# more with build-asan/reseauter).  Prints "N passed, N failed" last.
#
# Since no process outlives a request here, this suite may also age rows
# of the database with sqlite3 to test what time changes (expired
# invitations and sessions, the 15-minute throttling window, the hour of
# the sign-ups' throttling), and vary the client address it reports
# (E2E_REMOTE_ADDR) and the settings of each request.
here=$(dirname "$0")
. "$here/lib.sh"
. "$here/journey.sh"

e2e_setup cgi
server_start cgi
journey

section "what time changes (rows aged with sqlite3)"
as alice
get "/o/$ORG/members"
post "/o/$ORG/members/invite" csrf="$(csrf_token)"
expect_status 200 "one more invitation"
link=$(invite_link)
sql "UPDATE invitations SET created_at = strftime('%s','now') - 700000,
     expires_at = strftime('%s','now') - 10 WHERE id = (SELECT max(id) FROM invitations)"
as late
get "/invite/${link##*/}"
expect_status 410 "an expired invitation is gone"

as bob
get "/o/$ORG/"
expect_status 200 "Bob is logged in"
sql "UPDATE sessions SET created_at = created_at - 7300, last_seen = last_seen - 7300
     WHERE user_id = (SELECT id FROM users WHERE email = '$BOB_EMAIL')"
get "/o/$ORG/"
expect_status '302|303' "a session idle for over 2 hours (RESEAUTER_SESSION_IDLE) ends"

as carol
get "/o/$ORG2/"
expect_status 200 "Carol is logged in"
sql "UPDATE sessions SET created_at = created_at - 43300
     WHERE user_id = (SELECT id FROM users WHERE email = '$CAROL_EMAIL')"
get "/o/$ORG2/"
expect_status '302|303' "a session older than 12 hours (RESEAUTER_SESSION_MAX) ends"

sql "UPDATE login_failures SET at = at - 901"
as alice4
login_expect "$ALICE_EMAIL" "$ALICE_PW" 303 "failures older than 15 minutes no longer throttle"

section "sign-up throttling (RESEAUTER_SIGNUP_MAX_ADDR=2, client addresses varied)"
# The journey signed up from 127.0.0.1 under the default limit (30 an
# hour); here a workshop's room behind the one address 192.0.2.10.
export RESEAUTER_SIGNUP_MAX_ADDR=2
SIGNUP_PW='Tournesol-du-plateau-58'
E2E_REMOTE_ADDR=192.0.2.10
as crowd0
get /signup
post /signup org_name="Groupe refuse" name="Personne 0" email=crowd0@example.org \
    password=court csrf="$(form_token)"
expect_status 422 "a refused form (short password) makes no account"
expect_eq "$(sql "SELECT count(*) FROM signups WHERE addr = '192.0.2.10'")" 0 \
    "and is not counted against its address"
signup_org crowd1 "Groupe un" "Personne 1" crowd1@example.org "$SIGNUP_PW"
signup_org crowd2 "Groupe deux" "Personne 2" crowd2@example.org "$SIGNUP_PW"
expect_eq "$(sql "SELECT count(*) FROM signups WHERE addr = '192.0.2.10'")" 2 \
    "each account made is recorded with its address"
users_before=$(sql "SELECT count(*) FROM users")
as crowd3
get /signup
post /signup org_name="Groupe trois" name="Personne 3" email=crowd3@example.org \
    password="$SIGNUP_PW" csrf="$(form_token)"
expect_status 429 "a 3rd sign-up from one address within the hour is refused"
retry=$(header Retry-After)
if [ -n "$retry" ] && [ "$retry" -ge 3500 ] 2>/dev/null && [ "$retry" -le 3600 ]; then
	ok "Retry-After says when the oldest sign-up leaves the hour ($retry s)"
else
	bad "Retry-After says when the oldest sign-up leaves the hour" "Retry-After: '$retry'"
fi
expect_body "Trop de cahiers de travail ont été créés depuis cette connexion" \
    "the refusal says why, in French by default"
expect_body_re 'réessayer après [0-9]{1,2} h [0-9]{2}\.' "and from what time to try again"
expect_eq "$(input_value org_name)" "Groupe trois" "the organisation typed is kept"
expect_eq "$(input_value name)" "Personne 3" "the name typed is kept"
expect_eq "$(input_value email)" crowd3@example.org "the e-mail typed is kept"
expect_no_body "$SIGNUP_PW" "the password typed is not sent back"
expect_eq "$(sql "SELECT count(*) FROM users")" "$users_before" "no account was made"
expect_eq "$(sql "SELECT count(*) FROM signups WHERE addr = '192.0.2.10'")" 2 \
    "a refused sign-up is not recorded"
post /signup org_name="Groupe trois" name="Personne 3" email=crowd1@example.org \
    password="$SIGNUP_PW" csrf="$(form_token)"
expect_status 429 "a taken e-mail from a throttled address gets the same 429"
post /lang lang=en next=/signup csrf="$(form_token)"
post /signup org_name="Group three" name="Person 3" email=crowd3@example.org \
    password="$SIGNUP_PW" csrf="$(form_token)"
expect_status 429 "the refusal in English"
expect_body "Too many workbooks have been created from this Internet connection" \
    "says why in English"
expect_body_re 'try again after [0-9]{1,2}:[0-9]{2} [ap]\.m\.' "and from what time, as English writes it"
expect_eq "$(input_value org_name)" "Group three" "the organisation typed is kept in English too"

E2E_REMOTE_ADDR=192.0.2.11
signup_org crowd4 "Groupe quatre" "Personne 4" crowd4@example.org "$SIGNUP_PW"
expect_eq "$(sql "SELECT count(*) FROM signups WHERE addr = '192.0.2.11'")" 1 \
    "another address is not held back by the first one's sign-ups"

E2E_REMOTE_ADDR=192.0.2.10
sql "UPDATE signups SET at = at - 3600 WHERE addr = '192.0.2.10'"
signup_org crowd3 "Groupe trois" "Personne 3" crowd3@example.org "$SIGNUP_PW"
expect_eq "$(sql "SELECT count(*) FROM signups WHERE addr = '192.0.2.10'")" 1 \
    "sign-ups older than an hour no longer count, and are deleted"
E2E_REMOTE_ADDR=127.0.0.1
unset RESEAUTER_SIGNUP_MAX_ADDR

section "settings of one request's environment"
as visitor
get /login
RESEAUTER_MAX_BODY=1024 post /login email=a@example.org \
    password="$(head -c 1100 /dev/zero | tr '\0' x)" csrf="$(form_token)"
expect_status 413 "RESEAUTER_MAX_BODY lowers the body limit"
E2E_EXPECT_EXIT=1 RESEAUTER_THREADS=0 get /
if [ "$STATUS" = 200 ]; then
	bad "a malformed setting stops the program at start" "RESEAUTER_THREADS=0 gave 200"
else
	ok "a malformed setting stops the program at start ($STATUS)"
fi
grep -q 'RESEAUTER_THREADS' "$E2E_DIR/cgi.err" && ok "and says which variable is wrong" ||
    bad "and says which variable is wrong" "stderr: $(head -c 300 "$E2E_DIR/cgi.err")"
e2e_finish
