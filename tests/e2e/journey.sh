# tests/e2e/journey.sh: what a person does with reseauter, written once and
# run against every server (lighttpd.sh, nginx.sh, cgi.sh).  Sourced after
# lib.sh; the suite calls `journey` once its server is up.
#
# Each step follows the HTTP contract the handlers keep (the header
# comments of cgi/*.c): statuses, redirects, cookies, CSRF tokens, what a
# page shows back.  The login-throttling steps come last: after them, this
# client address may not log in for 15 minutes.

# shellcheck shell=bash disable=SC2034  # E2E_HEADERS and the rest are read by lib.sh
ALICE_EMAIL=alice@example.org
ALICE_PW='Hirondelle-du-canal-42'
ALICE_ORG='Maison de quartier Hochelaga'
BOB_EMAIL=bob@example.org
BOB_PW='Castor-des-berges-17'
CAROL_EMAIL=carol@example.org
CAROL_PW='Grand-héron-bleu-2026'
CAROL_ORG='Comité <b>citoyen</b> & fils'
DAVE_EMAIL=dave@example.org
DAVE_PW='Outarde-en-automne-9'

# shellcheck disable=SC1112  # the typographic apostrophe is on purpose
MISSION='Offrir aux familles du quartier un lieu de rencontre et d’entraide, « ouvert à tous ».'
MEANS='Bénévoles : 12
Budget annuel : 40 000 $'
STRATEGY='Montrer la vie de la maison chaque semaine, avec les gens qui la font.'
XSS1='<script>alert(1)</script>'
XSS2='"><img src=x onerror=alert(1)>'
OBJ1_TEXT='Faire connaître la halte-garderie'
OBJ1_SERVES='Les parents de jeunes enfants'
OBJ1_INDICATOR='Inscriptions à la halte-garderie'
OBJ1_TARGET='30 familles inscrites'
OBJ2_TEXT='Recruter des bénévoles pour la cuisine collective'
OBJ2_INDICATOR='Bénévoles actifs chaque mois'

# How many failed logins this client address has made (the contract:
# 20 within 15 minutes, and the next one is refused with 429).  A login
# that succeeds clears the failures of its account (lib/auth.c), from
# this count too: FAILS_OF keeps them by e-mail.
ADDR_FAILS=0
THROTTLED=0
declare -A FAILS_OF=()

# A token of the right form that no one was given.
FORGED_TOKEN=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA

# form_token: the CSRF token to post with, from the last page (its forms)
# or, for a visitor, the rt_csrf cookie.
form_token() {
	local t
	t=$(csrf_token)
	[ -n "$t" ] || t=$(cookie rt_csrf)
	printf '%s' "$t"
}

# expect_input NAME DESCRIPTION: the page has a form field NAME.
expect_input() {
	expect_body_re "name=\"$1\"" "$2"
}

# expect_session_cookie DESCRIPTION: the answer sets rt_session as the
# contract says: a 43-character token, HttpOnly, SameSite=Lax, Path=/.
expect_session_cookie() {
	local line
	line=$(grep -i '^set-cookie: *rt_session=' "$E2E_DIR/headers" | tail -n 1)
	if [ -z "$line" ]; then
		bad "$1: no rt_session cookie set" "$(what_came)"
		return
	fi
	if printf '%s' "$line" | grep -Eq 'rt_session=[A-Za-z0-9_-]{43}(;|$)' &&
	    printf '%s' "$line" | grep -q 'HttpOnly' &&
	    printf '%s' "$line" | grep -q 'SameSite=Lax' &&
	    printf '%s' "$line" | grep -q 'Path=/' &&
	    ! printf '%s' "$line" | grep -qi 'domain='; then
		ok "$1"
	else
		bad "$1: rt_session should be 43 characters, HttpOnly, SameSite=Lax, Path=/, no Domain" "$line"
	fi
}

# login_expect EMAIL PASSWORD STATUS DESCRIPTION [NEXT]: one login as the
# current user, on a fresh login form; counts the failures of the address.
login_expect() {
	local tok args
	get /login
	tok=$(form_token)
	args=(email="$1" password="$2" csrf="$tok")
	[ -z "${5:-}" ] || args+=(next="$5")
	post /login "${args[@]}"
	case $STATUS in
	422) ADDR_FAILS=$((ADDR_FAILS + 1)); FAILS_OF[$1]=$((${FAILS_OF[$1]:-0} + 1)) ;;
	429) THROTTLED=$((THROTTLED + 1)) ;;
	303) ADDR_FAILS=$((ADDR_FAILS - ${FAILS_OF[$1]:-0})); FAILS_OF[$1]=0 ;;
	esac
	expect_status "$3" "$4"
}

journey() {
	journey_landing
	journey_signup
	journey_logout_login
	journey_mission
	journey_objectives
	journey_summary
	journey_invite
	journey_second_user
	journey_logged_in_join
	journey_other_org
	journey_errors
	journey_throttle
}

journey_landing() {
	section "landing page, language"
	as visitor
	get /
	expect_status 200 "GET / answers"
	expect_body_re '<html[^>]* lang="fr"' "the landing page is in French by default"
	expect_body reseauter "the landing page names reseauter"
	expect_header Content-Type '^text/html; *charset=(utf|UTF)-8' "pages are HTML in UTF-8"
	[ -n "$(cookie rt_csrf)" ] && ok "a visitor gets an rt_csrf cookie" ||
	    bad "a visitor gets an rt_csrf cookie" "$(what_came)"

	E2E_HEADERS=("Accept-Language: en-CA,en;q=0.9,fr;q=0.3")
	get /
	expect_body_re '<html[^>]* lang="en"' "Accept-Language: en gives the English page"
	E2E_HEADERS=("Accept-Language: fr-CA,fr;q=0.9,en;q=0.5")
	get /
	expect_body_re '<html[^>]* lang="fr"' "Accept-Language: fr-CA gives the French page"
	E2E_HEADERS=()

	get /signup
	local tok
	tok=$(form_token)
	post /lang lang=en next=/signup
	expect_status 403 "POST /lang without csrf is refused"
	post /lang lang=en next=/signup csrf="$tok"
	expect_status 303 "POST /lang switches the language"
	expect_location '/signup' "POST /lang goes back to next"
	expect_eq "$(cookie rt_lang)" en "POST /lang sets rt_lang=en"
	get /signup
	expect_body_re '<html[^>]* lang="en"' "after choosing English, pages are in English"
	post /lang lang=fr next=https://evil.example/ csrf="$tok"
	expect_status '303|400' "POST /lang with an outside next answers"
	if header Location | grep -q 'evil\.example'; then
		bad "POST /lang never sends to another site" "$(what_came)"
	else
		ok "POST /lang never sends to another site"
	fi
	get /
	expect_body_re '<html[^>]* lang="fr"' "back in French after POST /lang lang=fr"
}

journey_signup() {
	section "sign-up"
	as alice
	get /signup
	expect_status 200 "GET /signup shows the form"
	expect_input org_name "the sign-up form asks for the organisation"
	expect_input name "the sign-up form asks for a name"
	expect_input email "the sign-up form asks for an e-mail"
	expect_input password "the sign-up form asks for a password"
	local tok
	tok=$(form_token)
	expect_body_re '<input[^>]*type="hidden"[^>]*name="csrf"|<input[^>]*name="csrf"[^>]*type="hidden"' \
	    "the sign-up form carries a hidden csrf input"
	expect_eq "$tok" "$(cookie rt_csrf)" "a visitor's form token is the rt_csrf cookie (double submit)"

	post /signup org_name="$ALICE_ORG" name="Alice Gagnon" email="$ALICE_EMAIL" \
	    password=Zq7xK csrf="$tok"
	expect_status 422 "a short password is refused"
	expect_eq "$(input_value org_name)" "$ALICE_ORG" "the organisation typed is kept"
	expect_eq "$(input_value email)" "$ALICE_EMAIL" "the e-mail typed is kept"
	expect_no_body 'Zq7xK' "the password typed is not sent back"
	expect_body 'id="e-password"' "a message stands next to the password field"
	expect_input password "the form is shown again"

	post /signup org_name="$ALICE_ORG" name="Alice Gagnon" email="$ALICE_EMAIL" \
	    password=motdepasse csrf="$tok"
	expect_status 422 "a common password (motdepasse) is refused"
	post /signup org_name="$ALICE_ORG" name="Alice Gagnon" email="$ALICE_EMAIL" \
	    password=password123 csrf="$tok"
	expect_status 422 "a common password (password123) is refused"
	post /signup org_name="$ALICE_ORG" name="Alice Gagnon" email=alice-at-example.org \
	    password="$ALICE_PW" csrf="$tok"
	expect_status 422 "an e-mail without @ is refused"
	expect_eq "$(input_value email)" alice-at-example.org "the wrong e-mail is shown back"
	expect_body 'id="e-email"' "a message stands next to the e-mail field"
	post /signup org_name= name="Alice Gagnon" email="$ALICE_EMAIL" \
	    password="$ALICE_PW" csrf="$tok"
	expect_status 422 "an empty organisation name is refused"
	expect_body 'id="e-org_name"' "a message stands next to the organisation field"

	post /signup org_name="$ALICE_ORG" name="Alice Gagnon" email="$ALICE_EMAIL" \
	    password="$ALICE_PW"
	expect_status 403 "sign-up without csrf is refused"
	post /signup org_name="$ALICE_ORG" name="Alice Gagnon" email="$ALICE_EMAIL" \
	    password="$ALICE_PW" csrf="$FORGED_TOKEN"
	expect_status 403 "sign-up with a wrong csrf is refused"

	post /signup org_name="$ALICE_ORG" name="Alice Gagnon" email="$ALICE_EMAIL" \
	    password="$ALICE_PW" csrf="$tok"
	expect_status 303 "sign-up succeeds (nothing was saved by the refused ones)"
	expect_location '/o/[0-9]+/' "sign-up leads to the organisation's plan"
	expect_session_cookie "sign-up opens a session"
	ORG=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
	[ -n "$ORG" ] || ORG=0
	get "/o/$ORG/"
	expect_status 200 "the new member sees the overview"
	expect_body "$ALICE_ORG" "the overview names the organisation"

	as mallory
	get /signup
	post /signup org_name="Autre organisme" name="Mallory" email="$ALICE_EMAIL" \
	    password="$ALICE_PW" csrf="$(form_token)"
	expect_status 422 "an e-mail already taken is refused"
	expect_body 'id="e-email"' "the message stands next to the e-mail field"
	expect_eq "$(input_value org_name)" "Autre organisme" "the form is kept when the e-mail is taken"
}

journey_logout_login() {
	section "log out, log in"
	as alice
	local old tok
	old=$(cookie rt_session)
	get "/o/$ORG/"
	tok=$(csrf_token)
	[ -n "$tok" ] && ok "a logged-in page carries the session's csrf token" ||
	    bad "a logged-in page carries the session's csrf token (a logout form)" "$(what_came)"
	post /logout
	expect_status 403 "log-out without csrf is refused"
	get "/o/$ORG/"
	expect_status 200 "still logged in after a refused log-out"
	post /logout csrf="$tok"
	expect_status 303 "log-out answers 303"
	expect_location '/' "log-out leads to /"
	expect_eq "$(cookie rt_session)" "" "log-out removes the rt_session cookie"
	get "/o/$ORG/"
	expect_status '302|303' "after log-out the plan needs a login"
	expect_location "/login\\?next=(/o/$ORG/|%2[Ff]o%2[Ff]$ORG%2[Ff])" "the redirect names the page in next"
	set_cookie rt_session "$old"
	get "/o/$ORG/"
	expect_status '302|303' "the old session cookie no longer works"
	set_cookie rt_session ""

	get "/login?next=/o/$ORG/mission"
	expect_status 200 "GET /login shows the form"
	expect_input email "the login form asks for an e-mail"
	expect_input password "the login form asks for a password"
	login_expect "$ALICE_EMAIL" "Not-$ALICE_PW" 422 "a wrong password is refused" "/o/$ORG/mission"
	expect_input password "the login form is shown again"
	expect_body 'role="alert"' "the login form says what went wrong"
	expect_eq "$(input_value email)" "$ALICE_EMAIL" "the e-mail typed is kept"
	login_expect "$ALICE_EMAIL" "$ALICE_PW" 303 "log-in succeeds" "/o/$ORG/mission"
	expect_location "/o/$ORG/mission" "log-in goes to next"
	expect_session_cookie "log-in opens a session"
	if [ "$(cookie rt_session)" = "$old" ]; then
		bad "log-in gives a new session token" "the same as before log-out"
	else
		ok "log-in gives a new session token"
	fi

	as alice2
	login_expect "$ALICE_EMAIL" "$ALICE_PW" 303 "log-in without next succeeds"
	expect_location "/o/$ORG/" "log-in without next goes to the organisation"
	as alice3
	login_expect "$ALICE_EMAIL" "$ALICE_PW" 303 "log-in with an outside next succeeds" "//evil.example/x"
	if header Location | grep -q 'evil\.example'; then
		bad "log-in never sends to another site" "$(what_came)"
	else
		ok "log-in never sends to another site"
	fi
}

journey_mission() {
	section "mission"
	as alice
	local tok v v2 big
	get "/o/$ORG/mission"
	expect_status 200 "GET mission shows the form"
	expect_input mission "the mission form has mission"
	expect_input means "the mission form has means"
	expect_input strategy "the mission form has strategy"
	tok=$(csrf_token)
	v=$(input_value version)
	if printf '%s' "$v" | grep -Eqx '[0-9]+'; then ok "the form carries its version ($v)"; else
		bad "the form carries a hidden version" "version='$v'"; v=0; fi

	post "/o/$ORG/mission" mission="$MISSION" means="$MEANS" strategy="$STRATEGY" version="$v"
	expect_status 403 "saving without csrf is refused"
	post "/o/$ORG/mission" mission="$MISSION" means="$MEANS" strategy="$STRATEGY" version="$v" csrf="$FORGED_TOKEN"
	expect_status 403 "saving with a wrong csrf is refused"
	get "/o/$ORG/mission"
	expect_no_body "$STRATEGY" "nothing was saved by the refused posts"

	post "/o/$ORG/mission" mission="$MISSION" means="$MEANS" strategy="$STRATEGY" version="$v" csrf="$tok"
	expect_status 303 "saving the mission answers 303"
	expect_location "/o/$ORG/mission\\?saved=1" "saving leads back to the form with saved=1"
	get "/o/$ORG/mission?saved=1"
	expect_status 200 "the saved form shows"
	expect_body "$MISSION" "the mission reads back as typed (UTF-8, « »)"
	expect_body "Budget annuel : 40 000 \$" "the means read back, line by line"
	expect_body "$STRATEGY" "the strategy reads back"
	v2=$(input_value version)
	if [ -n "$v2" ] && [ "$v2" != "$v" ]; then ok "the version changes with a save ($v -> $v2)"; else
		bad "the version changes with a save" "before $v, after '$v2'"; fi

	post "/o/$ORG/mission" mission="Texte concurrent 409" means="$MEANS" strategy="$STRATEGY" version="$v" csrf="$tok"
	expect_status 409 "a save based on an old version is refused"
	expect_body "Texte concurrent 409" "the refused input is shown back"
	get "/o/$ORG/mission"
	expect_no_body "Texte concurrent 409" "the stale save changed nothing"
	expect_body "$MISSION" "the mission is still the saved one"

	post_raw "/o/$ORG/mission" "mission=%FF&means=x&strategy=y&version=$v2&csrf=$tok"
	expect_status 400 "invalid UTF-8 (%FF) is refused"
	post_raw "/o/$ORG/mission" "mission=%G1&means=x&strategy=y&version=$v2&csrf=$tok"
	expect_status 400 "a bad percent escape (%G1) is refused"
	post_raw "/o/$ORG/mission" "mission=x&means=x&strategy=y&version=$v2&csrf=$tok&x=%4"
	expect_status 400 "a truncated percent escape (%4) is refused"
	big=$E2E_DIR/big-body
	{ printf 'csrf=%s&version=%s&mission=' "$tok" "$v2"; head -c 1048600 /dev/zero | tr '\0' a; } >"$big"
	req POST "/o/$ORG/mission" "$big"
	expect_status 413 "a body over 1 MiB is refused"
	get "/o/$ORG/mission"
	expect_body "$MISSION" "the bad posts changed nothing"

	tok=$(csrf_token)
	v2=$(input_value version)
	post "/o/$ORG/mission" mission="$MISSION $XSS1 $XSS2" means="$MEANS" strategy="$STRATEGY" version="$v2" csrf="$tok"
	expect_status 303 "a mission holding HTML is saved"
	get "/o/$ORG/mission"
	expect_body '&lt;script&gt;alert(1)&lt;/script&gt;' "the script tag comes back escaped on the form"
	expect_no_body '<script>alert(1)' "no live script on the form"
	expect_no_body '<img src=x onerror' "no live img on the form"
}

journey_objectives() {
	section "objectives"
	as alice
	local tok v n
	get "/o/$ORG/objectives"
	expect_status 200 "GET objectives shows the form"
	n=$(grep -o 'name="objective_text"' "$E2E_DIR/body" | wc -l)
	expect_eq "$n" 3 "the form has three objective blocks"
	expect_body_re '<select[^>]*name="objective_kind"' "the kind is a select"
	local k missing=
	for k in activity impact audiences networks test_ideas evaluate recruit_staff document website sell events mobilise fundraise volunteers; do
		grep -q "value=\"$k\"" "$E2E_DIR/body" || missing="$missing $k"
	done
	if [ -z "$missing" ]; then ok "the kind select offers the fourteen kinds"; else
		bad "the kind select offers the fourteen kinds" "missing:$missing"; fi
	tok=$(csrf_token)
	v=$(input_value version)
	[ -n "$v" ] || bad "the objectives form carries a version" "$(what_came)"

	post "/o/$ORG/objectives" \
	    objective_text="$OBJ1_TEXT" objective_kind=audiences objective_serves="$OBJ1_SERVES" \
	    objective_indicator="$OBJ1_INDICATOR" objective_target="$OBJ1_TARGET" objective_due=2026-02-30 \
	    objective_text= objective_kind= objective_serves= objective_indicator= objective_target= objective_due= \
	    objective_text= objective_kind= objective_serves= objective_indicator= objective_target= objective_due= \
	    version="$v" csrf="$tok"
	expect_status 422 "an impossible date (2026-02-30) is refused"
	expect_body "$OBJ1_TEXT" "the objective typed is shown back"
	expect_body 'id="e-objective_due-1"' "a message stands next to objective 1's date"

	post "/o/$ORG/objectives" \
	    objective_text="$OBJ1_TEXT" objective_kind=bogus objective_serves= \
	    objective_indicator= objective_target= objective_due= \
	    objective_text= objective_kind= objective_serves= objective_indicator= objective_target= objective_due= \
	    objective_text= objective_kind= objective_serves= objective_indicator= objective_target= objective_due= \
	    version="$v" csrf="$tok"
	expect_status '400|422' "an unknown objective kind is refused"

	post "/o/$ORG/objectives" \
	    objective_text="$OBJ1_TEXT" objective_kind=audiences objective_serves="$OBJ1_SERVES" \
	    objective_indicator="$OBJ1_INDICATOR" objective_target="$OBJ1_TARGET" objective_due=2026-06-30 \
	    objective_text="$OBJ2_TEXT" objective_kind=volunteers objective_serves= \
	    objective_indicator="$OBJ2_INDICATOR" objective_target=10 objective_due=2026-09-01 \
	    objective_text= objective_kind= objective_serves= objective_indicator= objective_target= objective_due= \
	    version="$v"
	expect_status 403 "saving objectives without csrf is refused"
	get "/o/$ORG/objectives"
	expect_no_body "$OBJ1_TEXT" "nothing was saved by the refused posts"

	post "/o/$ORG/objectives" \
	    objective_text="$OBJ1_TEXT" objective_kind=audiences objective_serves="$OBJ1_SERVES" \
	    objective_indicator="$OBJ1_INDICATOR" objective_target="$OBJ1_TARGET" objective_due=2026-06-30 \
	    objective_text="$OBJ2_TEXT" objective_kind=volunteers objective_serves= \
	    objective_indicator="$OBJ2_INDICATOR" objective_target=10 objective_due=2026-09-01 \
	    objective_text= objective_kind= objective_serves= objective_indicator= objective_target= objective_due= \
	    version="$v" csrf="$tok"
	expect_status 303 "saving the objectives answers 303"
	expect_location "/o/$ORG/objectives(\\?saved=1)?" "saving leads back to the objectives"
	get "/o/$ORG/objectives"
	expect_eq "$(textarea_value objective_text 1)" "$OBJ1_TEXT" "objective 1 reads back"
	expect_eq "$(input_value objective_due 1)" 2026-06-30 "objective 1's date reads back"
	expect_eq "$(input_value objective_target 1)" "$OBJ1_TARGET" "objective 1's target reads back"
	expect_eq "$(textarea_value objective_text 2)" "$OBJ2_TEXT" "objective 2 reads back"
	expect_eq "$(textarea_value objective_text 3)" "" "objective 3 stays empty"
	expect_body_re '<option[^>]*value="audiences"[^>]*selected|<option[^>]*selected[^>]*value="audiences"' \
	    "objective 1's kind is selected"
	expect_body_re '<option[^>]*value="volunteers"[^>]*selected|<option[^>]*selected[^>]*value="volunteers"' \
	    "objective 2's kind is selected"

	post "/o/$ORG/objectives" \
	    objective_text="Objectif concurrent 409" objective_kind= objective_serves= \
	    objective_indicator= objective_target= objective_due= \
	    objective_text= objective_kind= objective_serves= objective_indicator= objective_target= objective_due= \
	    objective_text= objective_kind= objective_serves= objective_indicator= objective_target= objective_due= \
	    version="$v" csrf="$tok"
	expect_status 409 "objectives saved on an old version are refused"
	expect_body "Objectif concurrent 409" "the refused objectives are shown back"
}

journey_summary() {
	section "summary"
	as alice
	get "/o/$ORG/summary"
	expect_status 200 "GET summary shows the plan"
	expect_body "$MISSION" "the summary holds the mission"
	expect_body "$STRATEGY" "the summary holds the strategy"
	expect_body "$OBJ1_TEXT" "the summary holds objective 1"
	expect_body "$OBJ1_TARGET" "the summary holds objective 1's target"
	expect_body "$OBJ2_TEXT" "the summary holds objective 2"
	expect_body_re '2026-06-30|30 juin 2026' "the summary holds objective 1's date"
	expect_body '&lt;script&gt;alert(1)&lt;/script&gt;' "the script tag comes back escaped on the summary"
	expect_no_body '<script>alert(1)' "no live script on the summary"
	expect_no_body '<img src=x onerror' "no live img on the summary"
}

# invite_link: prints the first invitation link of the page.
invite_link() {
	grep -oE 'https?://[^"<> ]+/invite/[A-Za-z0-9_-]{43}' "$E2E_DIR/body" | head -n 1
}

journey_invite() {
	section "invitation"
	as alice
	local tok link
	get "/o/$ORG/members"
	expect_status 200 "GET members shows the members"
	expect_body "Alice Gagnon" "the members page lists Alice"
	tok=$(csrf_token)
	post "/o/$ORG/members/invite"
	expect_status 403 "inviting without csrf is refused"
	post "/o/$ORG/members/invite" csrf="$tok"
	expect_status 200 "inviting shows a page"
	link=$(invite_link)
	if [ -n "$link" ]; then ok "the page shows an invitation link ($link)"; else
		bad "the page shows an invitation link http(s)://HOST/invite/<43 characters>" "$(what_came)"; fi
	case $link in
	"$RESEAUTER_BASE_URL"/invite/*) ok "the link starts with RESEAUTER_BASE_URL" ;;
	*) bad "the link starts with RESEAUTER_BASE_URL ($RESEAUTER_BASE_URL)" "link: '$link'" ;;
	esac
	INVITE=${link##*/}
	[ -n "$INVITE" ] || INVITE=$FORGED_TOKEN
}

journey_second_user() {
	section "a second member joins through the invitation"
	as bob
	local tok
	get "/invite/$INVITE"
	expect_status 200 "the invitation shows a sign-up form"
	expect_input name "the invitation form asks for a name"
	expect_input email "the invitation form asks for an e-mail"
	expect_input password "the invitation form asks for a password"
	tok=$(form_token)
	post "/invite/$INVITE" name="Bob Tremblay" email="$BOB_EMAIL" password=password123 csrf="$tok"
	expect_status 422 "a common password is refused here too"
	post "/invite/$INVITE" name="Bob Tremblay" email="$BOB_EMAIL" password="$BOB_PW"
	expect_status 403 "accepting without csrf is refused"
	post "/invite/$INVITE" name="Bob Tremblay" email="$BOB_EMAIL" password="$BOB_PW" csrf="$tok"
	expect_status 303 "accepting the invitation answers 303"
	expect_location "/o/$ORG/" "the new member goes to the organisation"
	expect_session_cookie "the new member is logged in"
	get "/o/$ORG/"
	expect_status 200 "Bob sees the overview"
	get "/o/$ORG/summary"
	expect_status 200 "Bob sees the summary"
	expect_body "$MISSION" "Bob sees the same mission"
	expect_body "$OBJ1_TEXT" "Bob sees the same objectives"
	get "/o/$ORG/mission"
	expect_body "$STRATEGY" "Bob sees the same mission form"
	get "/o/$ORG/members"
	expect_status 200 "Bob sees the members"
	expect_body "Bob Tremblay" "the members page lists Bob"
	tok=$(csrf_token)
	post "/o/$ORG/members/invite" csrf="$tok"
	expect_status 403 "a plain member may not invite"

	as eve
	get "/invite/$INVITE"
	expect_status 410 "a used invitation is gone"
	get /signup
	post "/invite/$INVITE" name=Eve email=eve@example.org password="$BOB_PW-eve" csrf="$(form_token)"
	expect_status 410 "a used invitation cannot be accepted again"
	get "/invite/$FORGED_TOKEN"
	expect_status 404 "an unknown invitation is not found"
	get /invite/short
	expect_status 404 "a malformed invitation is not found"

	section "revoking an invitation"
	as alice
	local link id
	get "/o/$ORG/members"
	post "/o/$ORG/members/invite" csrf="$(csrf_token)"
	link=$(invite_link)
	get "/o/$ORG/members"
	id=$(input_value invite_id)
	if [ -n "$id" ]; then ok "the members page lists the open invitation"; else
		bad "the members page lists the open invitation (an invite_id input)" "$(what_came)"; fi
	post "/o/$ORG/members/revoke" invite_id="$id"
	expect_status 403 "revoking without csrf is refused"
	post "/o/$ORG/members/revoke" invite_id="$id" csrf="$(csrf_token)"
	expect_status '200|303' "revoking answers"
	as eve
	get "/invite/${link##*/}"
	expect_status '404|410' "a revoked invitation no longer works"
}

journey_logged_in_join() {
	section "someone already logged in joins"
	as carol
	get /signup
	post /signup org_name="$CAROL_ORG" name="Carol Roy" email="$CAROL_EMAIL" \
	    password="$CAROL_PW" csrf="$(form_token)"
	expect_status 303 "Carol signs up with her own organisation"
	ORG2=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
	[ -n "$ORG2" ] || ORG2=0
	[ "$ORG2" != "$ORG" ] && ok "Carol's organisation is another one ($ORG2)" ||
	    bad "Carol's organisation is another one" "ORG=$ORG ORG2=$ORG2"
	get "/o/$ORG2/"
	expect_body 'Comité &lt;b&gt;citoyen&lt;/b&gt; &amp; fils' "an organisation name with HTML comes back escaped"
	expect_no_body '<b>citoyen</b>' "no live HTML from the organisation name"

	as alice
	get "/o/$ORG/members"
	post "/o/$ORG/members/invite" csrf="$(csrf_token)"
	local link tok
	link=$(invite_link)
	as carol
	get "/invite/${link##*/}"
	expect_status 200 "a logged-in person sees the invitation"
	expect_no_body 'name="password"' "a logged-in person gets a join button, not a sign-up form"
	tok=$(csrf_token)
	post "/invite/${link##*/}" csrf="$tok"
	expect_status 303 "joining answers 303"
	expect_location "/o/$ORG/" "joining leads to the organisation"
	get "/o/$ORG/summary"
	expect_status 200 "Carol sees Alice's plan"
	expect_body "$MISSION" "Carol sees the same mission"
	get "/o/$ORG2/"
	expect_status 200 "Carol still sees her own organisation"
}

journey_other_org() {
	section "another organisation's pages"
	as alice
	get "/o/$ORG2/"
	expect_status 404 "Alice does not see Carol's overview"
	get "/o/$ORG2/mission"
	expect_status 404 "Alice does not see Carol's mission"
	get "/o/$ORG2/summary"
	expect_status 404 "Alice does not see Carol's summary"
	get "/o/$ORG2/members"
	expect_status 404 "Alice does not see Carol's members"
	get "/o/$ORG/mission"
	post "/o/$ORG2/mission" mission=Intrus means= strategy= version=1 csrf="$(csrf_token)"
	expect_status 404 "Alice cannot write Carol's mission"
	post "/o/$ORG2/members/invite" csrf="$(csrf_token)"
	expect_status 404 "Alice cannot invite to Carol's organisation"
	get "/o/999999/"
	expect_status 404 "an organisation that does not exist is not found"
	as bob
	get "/o/$ORG2/summary"
	expect_status 404 "Bob does not see Carol's summary"
	as carol
	get "/o/$ORG2/mission"
	expect_no_body Intrus "Carol's mission was not touched"
}

journey_errors() {
	section "errors"
	as alice
	get /no-such-page
	expect_status 404 "an unknown route is not found"
	get "/o/$ORG/no-such-page"
	expect_status 404 "an unknown page of a plan is not found"
	req PUT /
	expect_status 405 "PUT / is not allowed"
	expect_header Allow 'GET' "405 says which methods are allowed"
	req DELETE "/o/$ORG/mission"
	expect_status 405 "DELETE on the mission is not allowed"
	expect_header Allow 'POST' "the mission allows POST"
	get /logout
	expect_status 405 "GET /logout is not allowed"
	expect_header Allow 'POST' "log-out allows POST"

	as visitor
	get "/o/$ORG/mission"
	expect_status '302|303' "a visitor is sent to the login page"
	expect_location "/login\\?next=(/o/$ORG/mission|%2[Ff]o%2[Ff]$ORG%2[Ff]mission)" "with the page in next"
	get "/o/$ORG/summary"
	expect_status '302|303' "the summary needs a login"
}

journey_throttle() {
	section "login throttling"
	as dave
	get /signup
	post /signup org_name="Club de marche" name="Dave Côté" email="$DAVE_EMAIL" \
	    password="$DAVE_PW" csrf="$(form_token)"
	expect_status 303 "Dave signs up"
	as dave-phone
	local i
	for i in 1 2 3 4 5; do
		login_expect "$DAVE_EMAIL" "wrong-password-$i" 422 "failed login $i of 5 for one account"
	done
	login_expect "$DAVE_EMAIL" "wrong-password-6" 429 "a 6th login within 15 minutes is throttled"
	login_expect "$DAVE_EMAIL" "$DAVE_PW" 429 "even with the right password"
	expect_header Retry-After '^[0-9]+$' "429 says when to retry"

	# Failures from one address, across accounts (unknown e-mails here).
	local n=0 first=
	while [ "$n" -lt 25 ]; do
		n=$((n + 1))
		as "sprayer$n"
		get /login
		post /login email="nobody$n@example.org" password="Guess-$n-xyz" csrf="$(form_token)"
		if [ "$STATUS" = 429 ]; then
			first=$n
			break
		fi
		[ "$STATUS" = 422 ] || { bad "an unknown e-mail is refused with 422" "$(what_came)"; break; }
		ADDR_FAILS=$((ADDR_FAILS + 1))
	done
	if [ -z "$first" ]; then
		bad "20 failures from one address throttle it" "no 429 after $ADDR_FAILS failures"
	elif [ "$ADDR_FAILS" -le 20 ] && [ "$ADDR_FAILS" -ge $((20 - THROTTLED)) ]; then
		# Between: when the throttled attempts count as failures too.
		ok "failures from one address are throttled (429 after $ADDR_FAILS failed logins)"
		expect_header Retry-After '^[0-9]+$' "the address 429 says when to retry"
	else
		bad "20 failures from one address throttle it" "429 after $ADDR_FAILS failed logins (and $THROTTLED throttled ones)"
	fi
	login_expect "$ALICE_EMAIL" "$ALICE_PW" 429 "a throttled address cannot log in to another account"
}

# journey_parallel: requests at the same time, over HTTP only (a server
# whose program has several threads).  Reads must all succeed; saves of
# the same section based on the same version must give exactly one 303,
# the others 409.
journey_parallel() {
	section "requests at the same time"
	as alice
	local i p pids=() out=$E2E_DIR/parallel tok v n303 n409 bad_codes
	mkdir -p "$out"
	for i in $(seq 1 40); do
		case $((i % 4)) in
		0) p=/ ;;
		1) p=/o/$ORG/summary ;;
		2) p=/o/$ORG/mission ;;
		3) p=/o/$ORG/objectives ;;
		esac
		curl -s -o /dev/null -w '%{http_code}\n' --max-time 60 \
		    -H "Cookie: $(cookie_header)" "$BASE$p" >"$out/get.$i" &
		pids+=("$!")
	done
	wait "${pids[@]}"
	bad_codes=$(cat "$out"/get.* | grep -vxE '200|302' | sort | uniq -c | tr '\n' ' ')
	if [ -z "$bad_codes" ] && [ "$(cat "$out"/get.* | wc -l)" -eq 40 ]; then
		ok "40 reads at once all succeed"
	else
		bad "40 reads at once all succeed" "other answers: $bad_codes"
	fi

	get "/o/$ORG/mission"
	tok=$(csrf_token)
	v=$(input_value version)
	pids=()
	for i in 1 2 3 4 5 6; do
		form mission="$MISSION" means="$MEANS" strategy="Stratégie parallèle $i" \
		    version="$v" csrf="$tok" >"$out/body.$i"
		curl -s -o /dev/null -w '%{http_code}\n' --max-time 60 \
		    -H "Cookie: $(cookie_header)" -H 'Content-Type: application/x-www-form-urlencoded' \
		    --data-binary "@$out/body.$i" "$BASE/o/$ORG/mission" >"$out/post.$i" &
		pids+=("$!")
	done
	wait "${pids[@]}"
	n303=$(cat "$out"/post.* | grep -cx 303)
	n409=$(cat "$out"/post.* | grep -cx 409)
	if [ "$n303" -eq 1 ] && [ "$n409" -eq 5 ]; then
		ok "6 saves of the same version at once: one saved, five refused with 409"
	else
		bad "6 saves of the same version at once: one saved, five refused with 409" \
		    "answers: $(cat "$out"/post.* | sort | uniq -c | tr '\n' ' ')"
	fi
	get "/o/$ORG/mission"
	n=$(grep -o 'Stratégie parallèle [1-6]' "$E2E_DIR/body" | sort -u | wc -l)
	expect_eq "$n" 1 "the mission holds the one save that won"
}
