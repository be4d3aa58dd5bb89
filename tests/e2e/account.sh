#!/usr/bin/env bash
# A person's own account behind lighttpd: two-factor authentication
# turned on with a code that oathtool computes from the key the set-up
# page shows, the login's second step (a wrong code, a code used already,
# a recovery code once), nothing reachable between the password and the
# code, the administrator's requirement of two-factor for trainers and
# administrators with a trainer held on the set-up page, the sessions
# listed and one ended from another browser, a password change that ends
# the other browser's session and the reset links made before it, but not
# this session, and a password reset link
# that still asks for the code.  Prints "N passed, N failed" last.
#
# E2E_SERVER names another server of lib.sh's server_start (cgi runs the
# program once per request); conf/check.sh's valgrind suite runs it with
# E2E_SERVER=nginx-socket E2E_VALGRIND=1: the program as one FastCGI
# process under memcheck.
here=$(dirname "$0")
. "$here/lib.sh"

PW='Cabane-a-sucre-de-Beauce-12'
NEW_PW='Traversier-de-Levis-77'
FIREFOX='Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0'

# tool ARGS...: runs reseauter-admin on the suite's database.
tool() {
	"$E2E_ADMIN" "$@" >"$E2E_DIR/tool.out" 2>&1 </dev/null
}

# login WHO EMAIL PASSWORD: WHO logs in with a password (the first step).
login() {
	as "$1"
	get /login
	post /login email="$2" password="$3" csrf="$(form_token)"
}

# second_step CODE: the second step of the login, as a browser follows
# the redirection to it (the form carries the pending session's token).
second_step() {
	get /login/2fa
	post /login/2fa code="$1" csrf="$(csrf_token)"
}

# totp SECRET STEP: prints the code of the app for time step STEP.
totp() {
	oathtool --totp -b "$1" --now "@$(($2 * 30))"
}

# next_step LAST: prints the step of the next code to type after step LAST
# was used: the current step, or LAST + 1 while LAST is the current one
# (the server takes the step after its own).  Under valgrind a request
# takes seconds, and the current step moves on meanwhile.
next_step() {
	local now=$(( $(date +%s) / 30 ))
	if [ "$now" -gt "$1" ]; then echo "$now"; else echo $(($1 + 1)); fi
}

# secret_of_page: prints the key the set-up page shows, without its spaces.
secret_of_page() {
	sed -n 's,.*<code id="totp-secret">\([A-Z2-7 ]*\)</code>.*,\1,p' "$E2E_DIR/body" | tr -d ' '
}

# codes_of_page: prints the recovery codes of the page, one a line.
codes_of_page() {
	grep -oE '<code>[A-Z2-9]{5}-[A-Z2-9]{5}</code>' "$E2E_DIR/body" | sed -e 's,</*code>,,g'
}

# setup_2fa WHO EMAIL: WHO, logged in, turns two-factor on; sets SECRET,
# STEP (the step of the code used) and CODES (the recovery codes).
setup_2fa() {
	as "$1"
	get /account/2fa
	expect_status 200 "$1 opens the set-up of two-factor"
	SECRET=$(secret_of_page)
	STEP=$(( $(date +%s) / 30 ))
	post /account/2fa password="$PW" code="$(totp "$SECRET" "$STEP")" csrf="$(csrf_token)"
	expect_status 200 "$1 turns two-factor on with a code of the app"
	mapfile -t CODES < <(codes_of_page)
}

command -v oathtool >/dev/null || e2e_die "oathtool is installed (make check-deps)"

e2e_setup account
server_start "${E2E_SERVER:-lighttpd}"
# Everyone signs up in English: the messages checked below are English.
# The browser is named, as curl names itself, through every transport.
CURL_UA="curl/8 (reseauter tests)"
E2E_HEADERS=("Accept-Language: en" "User-Agent: $CURL_UA")

section "the account page"
signup_org alice "Comité du logement" "Alice Tremblay" alice@example.org "$PW"
ORG=$ORG_ID
get /account
expect_status 200 "Alice opens her account page"
expect_body 'href="/account" aria-current="page"' "the layout links to the account page, marked current"
expect_body "alice@example.org" "the page says which e-mail address she logs in with"
expect_body "this session" "her session is listed as this one"
expect_body "curl" "the browser of the session is named"
expect_body "127.0.0.1" "the address of the session is shown"
post /account name="Alice T." csrf="$(csrf_token)"
expect_status 303 "Alice changes her name"
get /account
expect_body 'value="Alice T."' "the new name is saved"
post /account name="" csrf="$(csrf_token)"
expect_status 422 "an empty name is refused"

section "the login and sign-up forms, already logged in"
get /signup
expect_status 200 "Alice can still open the sign-up form"
expect_body "Alice T. is already logged in in this browser." "it says whose session is open"
expect_body 'href="/orgs/new"' "it points to a new organisation in her account"
expect_body "logs you out of this one" "it says a new account would end her session here"
get /login
expect_status 200 "Alice can still open the login form"
expect_body "Alice T. is already logged in in this browser." "the login form says whose session is open"
expect_body 'href="/orgs">Go to your workbooks' "it links to her workbooks"
post /lang lang=fr next=/signup csrf="$(csrf_token)"
get /signup
expect_body "Alice T. a déjà une session ouverte dans ce navigateur." "in French too"
post /lang lang=en next=/account csrf="$(csrf_token)"
as visitor
get /signup
expect_no_body "already logged in" "a visitor's sign-up form says nothing of a session"
get /login
expect_no_body "already logged in" "nor does a visitor's login form"
as alice

section "two sessions; one ended from the other browser"
E2E_HEADERS=("Accept-Language: en" "User-Agent: $FIREFOX")
login alice2 alice@example.org "$PW"
E2E_HEADERS=("Accept-Language: en" "User-Agent: $CURL_UA")
expect_status 303 "Alice logs in from a second browser"
as alice
get /account
expect_body "Firefox on Linux" "the second browser is listed as Firefox on Linux"
OTHER=$(grep -oE 'action="/account/sessions/[0-9]+/end"' "$E2E_DIR/body" | sed -E 's/[^0-9]//g' | while read -r id; do
	grep -q "id=\"s-$id\".*this session" "$E2E_DIR/body" || echo "$id"; done | head -n 1)
[ -n "$OTHER" ] && ok "the other session has an End button ($OTHER)" || bad "the other session has an End button" "$(what_came)"
post "/account/sessions/$OTHER/end" csrf="$(csrf_token)"
expect_status 303 "Alice ends the other session"
expect_location '/account\?done=session' "back to the account page"
as alice2
get /orgs
expect_status 302 "the ended session is logged out"
as alice
get /orgs
expect_status 200 "this session goes on"

section "turning two-factor on"
as alice
get /account/2fa
expect_status 200 "the set-up page"
expect_body '<svg class="qr"' "it draws a QR code as SVG"
expect_body_re '<path fill="#000" d="M4 4h7v1h-7z' "the QR code starts with its finder pattern"
SECRET=$(secret_of_page)
[ "${#SECRET}" = 32 ] && ok "the key is shown as 32 characters of base32" || bad "the key is shown as base32" "got '$SECRET'"
get /account/2fa
expect_eq "$(secret_of_page)" "$SECRET" "reloading the set-up shows the same key"
STEP=$(( $(date +%s) / 30 ))
post /account/2fa password="$PW" code="$(totp "$SECRET" $((STEP + 5)))" csrf="$(csrf_token)"
expect_status 422 "a code of another time is refused"
expect_body "This code is not right" "the page says the code is wrong"
post /account/2fa password="not-the-password" code="$(totp "$SECRET" "$STEP")" csrf="$(csrf_token)"
expect_status 422 "the right code with a wrong password is refused"
expect_eq "$(sql "SELECT count(*) FROM user_totp WHERE enabled_at IS NOT NULL")" 0 "two-factor is still off"
login alice3 alice@example.org "$PW"
expect_status 303 "Alice logs in from a third browser before turning it on"
setup_2fa alice alice@example.org
expect_eq "${#CODES[@]}" 10 "ten recovery codes are shown"
expect_no_body "you had before no longer work" "the first codes say nothing of earlier ones"
expect_eq "$(printf '%s\n' "${CODES[@]}" | sort -u | wc -l | tr -d ' ')" 10 "they are all different"
expect_eq "$(sql "SELECT count(*) FROM user_recovery_codes")" 10 "ten recovery codes are stored"
plain=0
for c in "${CODES[@]}"; do
	n=$(sql "SELECT count(*) FROM user_recovery_codes WHERE instr(code_hash, '${c/-/}') OR instr(code_hash, '$c')")
	plain=$((plain + n))
done
expect_eq "$plain" 0 "no stored recovery code holds the code itself (hashed)"
as alice3
get /orgs
expect_status 302 "turning it on ended the other session"
as alice
get /account
expect_body "Recovery codes left: 10" "the account page says two-factor is on, with 10 codes"

section "the login's second step"
as alice
post /logout csrf="$(csrf_token)"
login alice alice@example.org "$PW"
expect_status 303 "the right password"
expect_location '/login/2fa' "sends Alice to the second step"
PENDING=$(cookie rt_session)
get /login/2fa
expect_status 200 "the second step's page"
expect_no_body 'href="/signup"' "offers no sign-up in its header"
expect_no_body 'href="/login"' "nor a second way to log in beside its own"
expect_body 'name="cancel"' "but its own way out"
get "/o/$ORG/"
expect_status 302 "between the two steps, the plan is not reachable"
expect_location "/login/2fa\?next=.*" "it sends to the second step"
get /account
expect_location "/login/2fa.*" "the account page is not reachable either"
get /orgs
expect_location "/login/2fa.*" "nor the list of organisations"
get /
expect_no_body "Alice T." "the home page does not show her as logged in"
post /account/sessions/others csrf="$(form_token)"
expect_status 303 "a POST between the steps"
expect_location '/login/2fa' "is sent to the second step too"
get /login/2fa
expect_status 200 "the second step's page"
expect_body 'autocomplete="one-time-code"' "its field is a one-time code"
second_step "000000"
[ "$(totp "$SECRET" $(( $(date +%s) / 30 )))" = 000000 ] ||
    expect_status 422 "a wrong code is refused"
post /login/2fa code="$(totp "$SECRET" "$STEP")" csrf="$(form_token)"
expect_status 422 "the code that turned it on is refused (used already)"
USED=$(next_step "$STEP")
expect_body "already used" "the page says it may have been used"
post /login/2fa code="$(totp "$SECRET" "$USED")" csrf="$(form_token)"
expect_status 303 "the next code of the app opens the session"
expect_location "/o/$ORG/" "to Alice's plan"
[ -n "$(cookie rt_session)" ] && [ "$(cookie rt_session)" != "$PENDING" ] &&
    ok "the complete session has a new token" || bad "the complete session has a new token"
get "/o/$ORG/"
expect_status 200 "the plan opens"
expect_eq "$(sql "SELECT count(*) FROM session_info WHERE mfa_pending = 1")" 0 "no pending session is left"
post /logout csrf="$(csrf_token)"
login alice alice@example.org "$PW"
second_step "$(totp "$SECRET" "$USED")"
expect_status 422 "the same code in a new login is refused (reused)"
post /login/2fa code="$(echo "${CODES[0]}" | tr 'A-Z' 'a-z')" csrf="$(form_token)"
expect_status 303 "a recovery code, typed in lower case, opens the session"
expect_location '/account\?recovery=1' "to the account page"
get /account?recovery=1
expect_body "Recovery codes left: 9" "the page says 9 recovery codes remain"
post /logout csrf="$(csrf_token)"
login alice alice@example.org "$PW"
second_step "${CODES[0]}"
expect_status 422 "a recovery code works once"
get /login/2fa
post /login/2fa cancel=1 csrf="$(csrf_token)"
expect_status 303 "cancelling the second step"
expect_location '/login' "goes back to the login page"
get /login/2fa
expect_location '/login' "the pending session is gone"
login alice alice@example.org "$PW"
expect_location '/login/2fa' "a new login waits for its code"
sql "UPDATE sessions SET created_at = created_at - 601, last_seen = last_seen - 601
     WHERE id IN (SELECT session_id FROM session_info WHERE mfa_pending = 1)"
get /login/2fa
expect_location '/login' "after 10 minutes without its code, the half-open session is over"
expect_eq "$(sql "SELECT count(*) FROM session_info WHERE mfa_pending = 1")" 0 "and deleted"

section "a password change ends the other browser's session, not this one"
login alice alice@example.org "$PW"
second_step "${CODES[1]}"
expect_status 303 "Alice logs in with a recovery code"
login alice4 alice@example.org "$PW"
second_step "${CODES[2]}"
expect_status 303 "and in another browser with another one"
# A reset link made before the change, never used.
tool reset-password alice@example.org
OLD_RESET=$(grep -oE '/reset/[A-Za-z0-9_-]{43}' "$E2E_DIR/tool.out" | head -n 1)
[ -n "$OLD_RESET" ] || e2e_die "reseauter-admin reset-password prints a link" "$(cat "$E2E_DIR/tool.out")"
as alice
get /account
post /account/password current="wrong-password" password="$NEW_PW" confirm="$NEW_PW" csrf="$(csrf_token)"
expect_status 422 "a wrong current password is refused"
post /account/password current="$PW" password="$NEW_PW" confirm="$NEW_PW-x" csrf="$(csrf_token)"
expect_status 422 "two different new passwords are refused"
post /account/password current="$PW" password="password" confirm="password" csrf="$(csrf_token)"
expect_status 422 "a common password is refused (the sign-up's policy)"
post /account/password current="$PW" password="$NEW_PW" confirm="$NEW_PW" csrf="$(csrf_token)"
expect_status 303 "the password is changed"
get /orgs
expect_status 200 "this session goes on"
as alice4
get /orgs
expect_status 302 "the other browser's session ended"
login alice5 alice@example.org "$PW"
expect_status 422 "the old password no longer works"
login alice5 alice@example.org "$NEW_PW"
expect_location '/login/2fa' "the new one does, and still asks for the code"
as alice-reset
get "$OLD_RESET"
expect_status 410 "a reset link made before the change no longer works"
expect_body "was cancelled by a change of password" "and the page says it may have been cancelled by the change"
PW=$NEW_PW

section "new recovery codes; turning two-factor off"
as alice
get /account
post /account/2fa/codes codes_password="$PW" csrf="$(csrf_token)"
expect_status 200 "Alice makes new recovery codes"
OLD=("${CODES[@]}")
mapfile -t CODES < <(codes_of_page)
expect_eq "${#CODES[@]}" 10 "ten new codes are shown"
expect_body "Any recovery codes you had before no longer work." "the page says the earlier ones no longer work"
get /account
post /account/2fa/off off_password="$PW" off_code="${OLD[5]}" csrf="$(csrf_token)"
expect_status 422 "an old recovery code no longer turns it off"
post /account/2fa/off off_password="$PW" off_code="${CODES[0]}" csrf="$(csrf_token)"
expect_status 303 "a new recovery code and the password turn it off"
expect_eq "$(sql "SELECT count(*) FROM user_totp") $(sql "SELECT count(*) FROM user_recovery_codes")" "0 0" "the key and the codes are deleted"
post /logout csrf="$(csrf_token)"
login alice alice@example.org "$PW"
expect_location "/o/$ORG/" "logging in asks for the password only again"

section "sessions of another person"
signup_org bob "Chez Bob" "Bob Gagnon" bob@example.org "$PW"
BOB_SESSION=$(sql "SELECT max(id) FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = 'bob@example.org')")
as alice
get /account
post "/account/sessions/$BOB_SESSION/end" csrf="$(csrf_token)"
expect_status 404 "Alice cannot end Bob's session"
as bob
get /orgs
expect_status 200 "Bob is still logged in"

section "the administrator requires two-factor of trainers and administrators"
signup_org root "Admin" "Renée Admin" root@example.org "$PW"
signup_org tina "Formation" "Tina Formatrice" tina@example.org "$PW"
grant_role admin root@example.org
grant_role trainer tina@example.org
as root
get /admin
expect_status 200 "Renée opens the administration"
expect_body 'action="/admin/settings"' "it has the two-factor setting"
post /admin/settings require_2fa_staff=1 csrf="$(csrf_token)"
expect_status 409 "an administrator without two-factor cannot require it yet"
post /admin/settings require_2fa_staff=2 csrf="$(csrf_token)"
expect_status 400 "another value is refused"
setup_2fa root root@example.org
ROOT_SECRET=$SECRET ROOT_STEP=$STEP
as root
get /admin
post /admin/settings require_2fa_staff=1 csrf="$(csrf_token)"
expect_status 303 "with two-factor on, Renée requires it"
get /admin?settings=1
expect_body "must use two-factor" "the page says it is required"
# user_row EMAIL: the row of the list of accounts that names EMAIL.
user_row() {
	EMAIL=$1 perl -0777 -ne 'while (m{<tr role="row" id="u-\d+">.*?</tr>}sg) {
		my $r = $&; $r =~ s/\n/ /g; print "$r\n" if index($r, $ENV{EMAIL}) >= 0 }' "$E2E_DIR/body"
}
expect_eq "$(user_row root@example.org | grep -c 'Two-factor is on')" 1 "the list says Renée has two-factor on"
expect_eq "$(user_row tina@example.org | grep -c 'Off: asked for at the next login')" 1 \
    "that Tina, a trainer, has it off and will be asked for it"
expect_eq "$(user_row alice@example.org | grep -c 'Two-factor is off')" 1 "that Alice, with no role, has it off"
tool users
expect_eq "$(awk -F '\t' '$2 == "root@example.org" { print $8 }' "$E2E_DIR/tool.out")" on \
    "reseauter-admin users says Renée has it on"
expect_eq "$(awk -F '\t' '$2 == "tina@example.org" { print $8 }' "$E2E_DIR/tool.out")" off \
    "and Tina off"
as tina
get /cohorts
expect_status 302 "Tina, a trainer without two-factor, cannot open her cohorts"
expect_location '/account/2fa' "she is sent to the set-up"
for p in "/" "/orgs" "/o/$ORG_ID/" "/account" "/join"; do
	get "$p"
	expect_location '/account/2fa' "GET $p sends her to the set-up"
done
post /account/password current="$PW" password="$NEW_PW" confirm="$NEW_PW" csrf="$(csrf_token)"
expect_location '/account/2fa' "a POST elsewhere is sent there too"
get /account/2fa
expect_status 200 "the set-up page opens"
expect_body "asks its trainers and administrators" "it says why she is there"
expect_no_body 'href="/account">' "without a way back to the account page"
post /lang lang=en next=/account/2fa csrf="$(csrf_token)"
expect_status 303 "the language switch still works"
get /account/2fa
post /logout csrf="$(csrf_token)"
expect_status 303 "logging out still works"
login tina tina@example.org "$PW"
expect_status 303 "Tina logs in with her password"
get /cohorts
expect_location '/account/2fa' "she is held on the set-up again"
setup_2fa tina tina@example.org
get /cohorts
expect_status 200 "with two-factor on, Tina opens her cohorts"
as alice
get /orgs
expect_status 200 "a member without any role is not held"

section "a password reset link does not skip the second step"
tool reset-password root@example.org
RESET=$(grep -oE '/reset/[A-Za-z0-9_-]{43}' "$E2E_DIR/tool.out" | head -n 1)
as root-reset
get "$RESET"
expect_status 200 "the reset link opens"
post "$RESET" password="$NEW_PW" confirm="$NEW_PW" csrf="$(form_token)"
expect_status 303 "Renée chooses a new password"
expect_location '/login/2fa' "and is asked for her code"
get /admin
expect_location '/login/2fa.*' "the administration is not reachable before it"
second_step "$(totp "$ROOT_SECRET" "$(next_step "$ROOT_STEP")")"
expect_status 303 "her code opens the session"
get /admin
expect_status 200 "then the administration opens"

section "reseauter-admin turns two-factor off for a person who lost everything"
tool disable-2fa tina@example.org && ok "reseauter-admin disable-2fa" || bad "reseauter-admin disable-2fa" "$(cat "$E2E_DIR/tool.out")"
as tina
get /cohorts
expect_status 302 "it ended Tina's sessions"
tool disable-2fa alice@example.org
[ $? = 1 ] && ok "disable-2fa of a person without it fails" || bad "disable-2fa of a person without it fails" "$(cat "$E2E_DIR/tool.out")"

e2e_finish
