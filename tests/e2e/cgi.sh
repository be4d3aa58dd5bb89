#!/usr/bin/env bash
# The journey through plain CGI: the program is run once per request with
# the request in its environment and the body on its standard input, as a
# web server's mod_cgi would; the Status: header of its output is the
# status.  E2E_BIN may name another build (make check runs this suite once
# more with build-asan/reseauter).  Prints "N passed, N failed" last.
#
# Since no process outlives a request here, this suite may also age rows
# of the database with sqlite3 to test what time changes (expired
# invitations and sessions, the 15-minute throttling window).
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
