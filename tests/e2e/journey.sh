# tests/e2e/journey.sh: what a person does with reseauter, written once and
# run against every server (lighttpd.sh, nginx.sh, cgi.sh), and under
# valgrind's memcheck (valgrind.sh).  Sourced after lib.sh; the suite
# calls `journey` once its server is up.
#
# Each step follows the HTTP contract the handlers keep (the header
# comments of cgi/*.c): statuses, redirects, cookies, CSRF tokens, what a
# page shows back.  The login-throttling steps come last: after them, this
# client address may not log in for 15 minutes.

# E2E_HEADERS and the rest are read by lib.sh; the typographic apostrophes
# of the French answers are on purpose.
# shellcheck shell=bash disable=SC2034,SC1112
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
	journey_workbook
	journey_validation
	journey_history
	journey_list_conflict
	journey_examples
	journey_pitfalls
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
	section "objectives (a list: objective-N-field, one empty block to add)"
	as alice
	local tok v n k missing=
	get "/o/$ORG/posts"
	expect_body "d&#39;abord la section <a href=\"/o/$ORG/objectives\">" \
	    "with no objective yet, a post's objective menu links to the section to fill"
	expect_body "d&#39;abord la section <a href=\"/o/$ORG/audiences\">" \
	    "and its persona menu to the audiences"
	get "/o/$ORG/objectives"
	expect_status 200 "GET objectives shows the form"
	n=$(grep -Eo 'name="objective-[0-9]+-text"' "$E2E_DIR/body" | sort -u | wc -l)
	expect_eq "$n" 1 "a plan without objectives shows one empty objective block"
	for k in text kind serves indicator target due id; do
		expect_input "objective-1-$k" "the block has objective-1-$k"
	done
	expect_eq "$(field_of objective-1-id)" "" "the new block's id is empty"
	expect_body_re '<select[^>]*name="objective-1-kind"' "the kind is a select"
	for k in activity impact audiences networks test_ideas evaluate recruit_staff document website sell events mobilise fundraise volunteers; do
		grep -q "value=\"$k\"" "$E2E_DIR/body" || missing="$missing $k"
	done
	if [ -z "$missing" ]; then ok "the kind select offers the fourteen kinds"; else
		bad "the kind select offers the fourteen kinds" "missing:$missing"; fi
	tok=$(csrf_token)
	v=$(input_value version)
	[ -n "$v" ] || bad "the objectives form carries a version" "$(what_came)"

	post "/o/$ORG/objectives" objective-1-id= \
	    objective-1-text="$OBJ1_TEXT" objective-1-kind=audiences objective-1-serves="$OBJ1_SERVES" \
	    objective-1-indicator="$OBJ1_INDICATOR" objective-1-target="$OBJ1_TARGET" objective-1-due=2026-02-30 \
	    version="$v" csrf="$tok"
	expect_status 422 "an impossible date (2026-02-30) is refused"
	expect_eq "$(field_of objective-1-text)" "$OBJ1_TEXT" "the objective typed is shown back"
	expect_eq "$(field_of objective-1-due)" 2026-02-30 "the wrong date is shown back as typed"
	expect_eq "$(field_of objective-1-kind)" audiences "the kind chosen is kept"
	expect_body 'id="e-f-objective-1-due"' "a message stands next to objective 1's date"
	expect_body_re 'class="error-summary"[^>]*>' "the errors are summed up at the top"
	expect_body 'href="#f-objective-1-due"' "the summary links to objective 1's date"

	post "/o/$ORG/objectives" objective-1-id= \
	    objective-1-text="$OBJ1_TEXT" objective-1-kind=bogus objective-1-serves= \
	    objective-1-indicator= objective-1-target= objective-1-due= \
	    version="$v" csrf="$tok"
	expect_status 422 "an unknown objective kind is refused"
	expect_body 'id="e-f-objective-1-kind"' "a message stands next to objective 1's kind"
	post "/o/$ORG/objectives" objective-1-id= objective-1-text= objective-1-kind=activity \
	    objective-1-target=12 version="$v" csrf="$tok"
	expect_status 422 "an objective without its text is refused"
	expect_body 'id="e-f-objective-1-text"' "a message stands next to objective 1's text"
	expect_eq "$(field_of objective-1-target)" 12 "the target typed is kept"

	post "/o/$ORG/objectives" \
	    objective-1-id= objective-1-text="$OBJ1_TEXT" objective-1-kind=audiences objective-1-serves="$OBJ1_SERVES" \
	    objective-1-indicator="$OBJ1_INDICATOR" objective-1-target="$OBJ1_TARGET" objective-1-due=2026-06-30 \
	    version="$v"
	expect_status 403 "saving objectives without csrf is refused"
	get "/o/$ORG/objectives"
	expect_no_body "$OBJ1_TEXT" "nothing was saved by the refused posts"
	expect_eq "$(input_value version)" "$v" "the version did not move"

	# As a person does: the first objective, saved with the button that
	# adds another, then the second in the new empty block.
	post "/o/$ORG/objectives" \
	    objective-1-id= objective-1-text="$OBJ1_TEXT" objective-1-kind=audiences objective-1-serves="$OBJ1_SERVES" \
	    objective-1-indicator="$OBJ1_INDICATOR" objective-1-target="$OBJ1_TARGET" objective-1-due=2026-06-30 \
	    add=objective version="$v" csrf="$tok"
	expect_status 303 "saving the first objective answers 303"
	expect_location "/o/$ORG/objectives\\?saved=1#new-objective" "saving with the add button leads to the new empty block"
	get "/o/$ORG/objectives?saved=1"
	expect_body 'id="new-objective"' "the page has the anchor of the new block"
	O1=$(field_of objective-1-id)
	if printf '%s' "$O1" | grep -Eqx '[A-Za-z0-9_-]{1,23}'; then ok "the saved objective has an id ($O1)"; else
		bad "the saved objective has an id" "objective-1-id='$O1'"; fi
	expect_eq "$(field_of objective-2-id)" "" "the next block is a new one"
	v=$(input_value version)
	post "/o/$ORG/objectives" \
	    objective-1-id="$O1" objective-1-text="$OBJ1_TEXT" objective-1-kind=audiences objective-1-serves="$OBJ1_SERVES" \
	    objective-1-indicator="$OBJ1_INDICATOR" objective-1-target="$OBJ1_TARGET" objective-1-due=2026-06-30 \
	    objective-2-id= objective-2-text="$OBJ2_TEXT" objective-2-kind=volunteers objective-2-serves= \
	    objective-2-indicator="$OBJ2_INDICATOR" objective-2-target=10 objective-2-due=2026-09-01 \
	    version="$v" csrf="$tok"
	expect_status 303 "saving the objectives answers 303"
	expect_location "/o/$ORG/objectives\\?saved=1" "saving leads back to the objectives with saved=1"
	get "/o/$ORG/objectives"
	expect_eq "$(field_of objective-1-id)" "$O1" "objective 1 keeps its id"
	O2=$(field_of objective-2-id)
	if [ -n "$O2" ] && [ "$O2" != "$O1" ]; then ok "objective 2 has an id of its own ($O2)"; else
		bad "objective 2 has an id of its own" "objective-1-id='$O1' objective-2-id='$O2'"; fi
	expect_eq "$(field_of objective-1-text)" "$OBJ1_TEXT" "objective 1 reads back"
	expect_eq "$(field_of objective-1-due)" 2026-06-30 "objective 1's date reads back"
	expect_eq "$(field_of objective-1-target)" "$OBJ1_TARGET" "objective 1's target reads back"
	expect_eq "$(field_of objective-1-serves)" "$OBJ1_SERVES" "objective 1's link to the mission reads back"
	expect_eq "$(field_of objective-1-indicator)" "$OBJ1_INDICATOR" "objective 1's indicator reads back"
	expect_eq "$(field_of objective-1-kind)" audiences "objective 1's kind is selected"
	expect_eq "$(field_of objective-2-text)" "$OBJ2_TEXT" "objective 2 reads back"
	expect_eq "$(field_of objective-2-kind)" volunteers "objective 2's kind is selected"
	expect_eq "$(field_of objective-2-due)" 2026-09-01 "objective 2's date reads back"
	expect_eq "$(field_of objective-3-text)" "" "one empty block follows, for a third"
	expect_eq "$(field_of objective-3-id)" "" "the empty block has no id"
	n=$(grep -Eo 'name="objective-[0-9]+-text"' "$E2E_DIR/body" | sort -u | wc -l)
	expect_eq "$n" 3 "two objectives and one empty block"
	expect_input objective-1-remove "a saved objective has a remove box"

	post "/o/$ORG/objectives" objective-1-id="$O1" \
	    objective-1-text="Objectif concurrent 409" objective-1-kind= objective-1-serves= \
	    objective-1-indicator= objective-1-target= objective-1-due= \
	    version="$v" csrf="$tok"
	expect_status 409 "objectives saved on an old version are refused"
	expect_eq "$(field_of objective-1-text)" "Objectif concurrent 409" "the refused objectives are shown back"
	get "/o/$ORG/objectives"
	expect_eq "$(field_of objective-1-text)" "$OBJ1_TEXT" "the stale save changed nothing"
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

# --- the whole workbook, section by section ---------------------------------

# pre_escape TEXT: TEXT as the summary writes a typed answer (ctemplate's
# :pre_escape modifier: the HTML escaping, with the line breaks kept, which
# the document shows as lines).
pre_escape() {
	# The replacements are quoted: bash 5.2 reads a bare & there as
	# the text matched.
	local s=$1
	s=${s//'&'/'&amp;'}
	s=${s//'<'/'&lt;'}
	s=${s//'>'/'&gt;'}
	s=${s//'"'/'&quot;'}
	s=${s//\'/'&#39;'}
	printf '%s' "$s"
}

# html_escape TEXT: TEXT as the pages write a value (ctemplate's HTML
# escaping, which also turns line breaks into spaces outside a textarea).
html_escape() {
	local s
	s=$(pre_escape "$1"; printf x)
	s=${s%x}
	printf '%s' "${s//$'\n'/' '}"
}

# French typography puts a no-break space (or a narrow one) before ":",
# ";", "!" and "?" and inside guillemets.
NBSP=$'\xc2\xa0'
NNBSP=$'\xe2\x80\xaf'

# spaced_re TEXT: an extended regular expression matching TEXT where each
# space may be written as a space, a no-break space or a narrow one, the
# rest literally: for the application's own French sentences.
spaced_re() {
	local LC_ALL=C s=$1 out='' c i
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		case $c in
		' ') out+="( |$NBSP|$NNBSP)" ;;
		'.' | '[' | ']' | "\\" | '*' | '+' | '?' | '{' | '}' | '(' | ')' | '|' | '^' | '$')
			out+="\\$c" ;;
		*) out+=$c ;;
		esac
	done
	printf '%s' "$out"
}

# expect_french TEXT DESCRIPTION: the body holds the French sentence TEXT,
# whatever the kind of space French typography puts in it.
expect_french() {
	expect_body_re "$(spaced_re "$1")" "$2"
}

# --- reading the summary ----------------------------------------------------

# body_holds TEXT: whether the body holds TEXT as it is, line breaks
# included.  (grep -F reads a TEXT of several lines as several patterns,
# any one of which would do: here the whole text must be there.)
body_holds() {
	local LC_ALL=C body
	body=$(<"$E2E_DIR/body")
	[[ $body == *"$1"* ]]
}

# What summary_read prints (perl, MODE and ATTR in the environment), from
# the element of the answer whose opening tag holds ATTR (id="part-tone",
# class="platform card pf-facebook"), taken up to the tag that closes it:
# MODE=scales: each five-point scale of its <ul class="scales"> as
#   "AXIS: WORD, K/5 (HIDDEN)": the axis, the word, the dot lit among the
#   dots ("K,L/5" when several are, "-/5" when none is), the text for
#   screen readers;
# MODE=chips: the items of its first <ul class="chips">;
# MODE=refs (and KIND, persona or objective): its links to the cards of
#   that kind, each as "LINK -> HEADING", HEADING being the first heading
#   of the element of the page the link leads to ("?" when there is none).
# Entries are joined by "; ", as the page writes them (HTML-escaped),
# tags left out and spaces squeezed; nothing is printed, and the status is
# 1, when there is no such element.
# shellcheck disable=SC2016  # perl's variables, not the shell's
E2E_SUMMARY_PL='
use strict; use warnings;
local $/; my $page = <STDIN>;
sub element {
    my ($html, $attr) = @_;
    $html =~ /<(\w+)\b[^>]*\s\Q$attr\E[^>]*>/g or return undef;
    my ($tag, $start, $depth) = ($1, $-[0], 1);
    while ($depth > 0 && $html =~ /<(\/?)\Q$tag\E\b[^>]*>/g) { $depth += $1 ? -1 : 1 }
    return $depth == 0 ? substr($html, $start, pos($html) - $start) : undef;
}
sub text { my $t = shift; $t =~ s/<[^>]*>//g; $t =~ s/\s+/ /g; $t =~ s/^ | $//g; $t }
my $el = element($page, $ENV{ATTR}) // exit 1;
my @out;
if ($ENV{MODE} eq "scales") {
    my ($ul) = $el =~ m{<ul class="scales">(.*?)</ul>}s or exit 0;
    for my $li ($ul =~ m{<li>(.*?)</li>}gs) {
        my ($axis) = $li =~ m{<span class="axis">(.*?)</span>}s;
        my ($word) = $li =~ m{<strong class="word">(.*?)</strong>}s;
        my ($meter) = $li =~ m{<span class="meter"[^>]*>(.*?)</span>}s;
        my ($hidden) = $li =~ m{<span class="visually-hidden">(.*?)</span>}s;
        my @dots = ($meter // "") =~ /<i\b([^>]*)>/g;
        my @on = grep { $dots[$_ - 1] =~ /class="on"/ } 1 .. @dots;
        push @out, sprintf("%s: %s, %s/%d (%s)", text($axis // ""), text($word // ""),
            @on ? join(",", @on) : "-", scalar @dots, text($hidden // ""));
    }
} elsif ($ENV{MODE} eq "chips") {
    my ($ul) = $el =~ m{<ul class="chips">(.*?)</ul>}s or exit 0;
    push @out, map { text($_) } $ul =~ m{<li>(.*?)</li>}gs;
} elsif ($ENV{MODE} eq "refs") {
    my $kind = $ENV{KIND};
    while ($el =~ m{<a href="#(\Q$kind\E-\d+)">(.*?)</a>}gs) {
        my ($id, $link) = ($1, text($2));
        my $target = element($page, "id=\"$id\"") // "";
        my ($h) = $target =~ m{<h[1-6]\b[^>]*>(.*?)</h[1-6]>}s;
        push @out, "$link -> " . (defined $h ? text($h) : "?");
    }
}
print join("; ", @out);
'

# summary_read MODE ATTR [KIND]: what E2E_SUMMARY_PL reads of the answer.
summary_read() {
	MODE=$1 ATTR=$2 KIND=${3:-} perl -e "$E2E_SUMMARY_PL" <"$E2E_DIR/body"
}

# The texts typed into the workbook that the summary must show (fill
# collects every answer holding a space: the free texts, not the keys,
# ids, numbers and dates, which the summary writes its own way).
SUMMARY_TEXTS=()

# fill SLUG DESCRIPTION CHANGE... [-- CHANGE...]...: what a person does on
# one section of the plan of $WB_ORG: opens it, changes its form (the
# CHANGEs of submit_form) and saves; each "--" starts another round on the
# page saved just before, as when a list grows one item at a time (a
# round holding add=LIST presses the button that adds an item).  Then
# opens the section again and reads every answer given back from the
# form, the last given for a name counting.  Values given twice for one
# name are checkboxes, read back in page order.
fill() {
	local slug=$1 what=$2 arg name round=() diff="" got n=0 add
	local -A want=() this=()
	local -a names=()
	shift 2
	get "/o/$WB_ORG/$slug"
	expect_status 200 "$what: the form shows"
	while :; do
		round=()
		while [ $# -gt 0 ] && [ "$1" != -- ]; do
			round+=("$1")
			shift
		done
		this=()
		add=
		for arg in "${round[@]}"; do
			case $arg in
			-*) name=${arg#-}; want[$name]= ;;
			add=*) add=${arg#add=}; continue ;;
			*=*)
				name=${arg%%=*}
				if [ -n "${this[$name]:-}" ]; then
					want[$name]+=,${arg#*=}
				else
					want[$name]=${arg#*=}
				fi
				this[$name]=1
				case ${arg#*=} in
				*' '*) SUMMARY_TEXTS+=("${arg#*=}") ;;
				esac
				;;
			esac
			case " ${names[*]} " in *" $name "*) ;; *) names+=("$name") ;; esac
		done
		submit_form "/o/$WB_ORG/$slug" "${round[@]}"
		if [ -n "$add" ]; then
			expect_status 303 "$what: saved, to add another"
			expect_location "/o/$WB_ORG/$slug\\?saved=1#new-$add" "$what: back to the new empty block"
		else
			expect_status 303 "$what: saved"
			expect_location "/o/$WB_ORG/$slug\\?saved=1" "$what: back to the form with saved=1"
		fi
		get "$(location | sed -e 's/#.*//')"
		[ "$#" -gt 0 ] || break
		shift
	done
	expect_body 'class="saved" role="status"' "$what: the page says it was saved"
	for name in "${names[@]}"; do
		n=$((n + 1))
		got=$(field_of "$name")
		[ "$got" = "${want[$name]}" ] ||
		    diff+="$name: got '$got', expected '${want[$name]}'"$'\n'
	done
	if [ -z "$diff" ]; then
		ok "$what: every answer reads back from the form ($n fields)"
	else
		bad "$what: every answer reads back from the form" "$diff"
	fi
}

# The answers of the plan of Alice's organisation.
START_EXISTING='Une page Facebook de 450 abonnés
Un compte Instagram que personne n’a touché depuis un an'
START_PEOPLE='Julie, coordonnatrice : 4 h par semaine
Marc, bénévole, prend de très belles photos'
ACC1_NOTES='Ouverte en 2019
Vérification en deux étapes activée'
STORY_PITCH='La Maison de quartier Hochelaga accueille les familles depuis 1992 : halte-garderie, cuisine collective et entraide, « pour et par » les gens du quartier.'
TONE_SAMPLE='Votre proprio veut hausser le loyer? Vous avez le droit de dire non. Passez mardi soir, on vous montre comment.'
TONE_SAMPLE2='Deuxième version du ton, pour l’historique.'
PERSONA1_NAME='Rosa, la nouvelle voisine'
PERSONA2_NAME='Gérard, le retraité'
# Three lines: Facebook's advice is two.
POST1_TEXT='Vous cherchez une halte-garderie près de chez vous ?
Notre maison accueille les tout-petits du lundi au vendredi.
Inscrivez-vous avant le 30 juin : les places sont limitées !'
# Over X's 280 characters.
POST2_TEXT='Merci aux douze bénévoles de la cuisine collective! Chaque jeudi, ils préparent plus de cent repas pour les familles du quartier, avec les légumes du jardin communautaire et beaucoup de bonne humeur. Envie de vous joindre à eux? Écrivez-nous ou passez nous voir, la porte est toujours ouverte et le café est offert.'
POST3_TEXT='Bravo à @cuisinecollective pour ses 500 repas! #entraide'
# A name with markup: it names the item in its heading and in menus.
EVENT_NAME='Assemblée générale <i>annuelle</i>'

journey_workbook() {
	section "the whole workbook: every section filled, read back, summed up"
	as alice
	WB_ORG=$ORG
	SUMMARY_TEXTS=()
	local p

	fill start "starting point" \
	    website=https://maison-hochelaga.example.org \
	    blog='Blogue « Nouvelles de la maison », mis à jour chaque mois' \
	    newsletter='Infolettre mensuelle à 300 membres' \
	    existing="$START_EXISTING" \
	    does_well='Nos photos d’événements sont partagées "partout"' \
	    community_use='Nos membres sont dans le groupe Facebook du quartier' \
	    hours=7,5 people="$START_PEOPLE"

	fill accounts "account registry" \
	    account-1-platform=facebook account-1-handle=facebook.com/maisonhochelaga \
	    account-1-holder='Julie (coordonnatrice)' account-1-backup='Ahmed, trésorier du CA' \
	    account-1-recovery='info@maison-hochelaga.example.org et le cellulaire du bureau' \
	    account-1-notes="$ACC1_NOTES" add=account -- \
	    account-2-platform=instagram account-2-handle=@maisonhochelaga \
	    account-2-holder='Marc Léveillé' account-2-backup='Julie (coordonnatrice)' \
	    account-2-recovery='info@maison-hochelaga.example.org' account-2-notes=
	expect_body_re '<option value="instagram" selected>Instagram</option>' "the second account's platform is selected"
	expect_input account-3-handle "and an empty block follows"

	fill mission "mission" \
	    mission="$MISSION $XSS1 $XSS2" means="$MEANS" strategy="$STRATEGY"

	fill objectives "objectives: a third one" \
	    objective-3-text='Mobiliser 50 locataires pour l’assemblée « logement »' \
	    objective-3-kind=mobilise objective-3-serves='Le droit au logement passe par le nombre' \
	    objective-3-indicator='Personnes présentes' objective-3-target='50 personnes' \
	    objective-3-due=2026-10-15
	expect_eq "$(field_of objective-1-id)" "$O1" "objective 1 keeps its id"
	expect_eq "$(field_of objective-2-id)" "$O2" "objective 2 keeps its id"
	O3=$(field_of objective-3-id)
	if [ -n "$O3" ] && [ "$O3" != "$O1" ] && [ "$O3" != "$O2" ]; then ok "objective 3 has an id of its own ($O3)"; else
		bad "objective 3 has an id of its own" "'$O1' '$O2' '$O3'"; fi
	expect_no_body 'name="objective-4-text"' "three objectives fill the list: no empty block"

	fill story "our story, with two values" \
	    what_we_do='Nous accueillons les familles du quartier' \
	    problem='Les familles s’isolent, surtout l’hiver' \
	    solution='Une halte-garderie, une cuisine collective, des ateliers' \
	    credibility='Trente ans dans le quartier, 400 familles par année' \
	    unique='Le seul lieu ouvert le soir dans Hochelaga' \
	    who_we_are='Une équipe de 3 personnes et 40 bénévoles' \
	    beginnings='En 1992, des mères du quartier se sont réunies dans un sous-sol d’église' \
	    successes='La halte-garderie, ouverte en 2005
Le jardin communautaire, en 2018' \
	    back_cover='Une maison où chacun trouve sa place' \
	    pitch_short="$STORY_PITCH" \
	    pitch_long='Depuis 1992, la Maison accueille les familles du quartier.
Elle offre une halte-garderie, une cuisine collective et des ateliers.' \
	    value-1-value=Solidarité \
	    value-1-example='Les membres s’accompagnent aux rendez-vous difficiles' add=value -- \
	    value-2-value=Dignité value-2-example='Chacun décide pour lui-même, "sans jugement"'

	fill tone "culture and tone" \
	    warmth=4 formality=5 playfulness=2 adjective_1=accueillant adjective_2=têtu \
	    adjective_3=drôle adjective_4='terre à terre' adjective_5=fiable sample="$TONE_SAMPLE"

	fill audiences "audiences and two personas" \
	    groups=members groups=volunteers groups=partners other_groups='Élus, commerçants, écoles' \
	    persona-1-name="$PERSONA1_NAME" persona-1-role='Membre potentielle' persona-1-age='30 à 40' \
	    persona-1-languages='Espagnol, apprend le français' persona-1-platforms=facebook \
	    persona-1-platforms=instagram persona-1-cares='Rencontrer des gens, pratiquer son français' \
	    persona-1-words='« Je ne connais personne ici »' persona-1-worries='Elle n’a pas le temps' \
	    persona-1-reach='Une affiche dans le hall, puis un courriel' \
	    persona-1-details='Arrivée de Bogotá en 2025, deux enfants' add=persona -- \
	    persona-2-name="$PERSONA2_NAME" persona-2-role='Bénévole actuel' persona-2-age=68 \
	    persona-2-languages=Français persona-2-platforms=facebook \
	    persona-2-cares='Se rendre utile' persona-2-words='« donner un coup de main »' \
	    persona-2-worries='Ne pas être à la hauteur avec l’ordinateur' \
	    persona-2-reach='Le babillard et le bouche-à-oreille' persona-2-details='Vient tous les jeudis'
	P1=$(field_of persona-1-id)
	P2=$(field_of persona-2-id)
	if [ -n "$P1" ] && [ -n "$P2" ] && [ "$P1" != "$P2" ]; then
		ok "each persona has an id of its own ($P1, $P2)"
	else
		bad "each persona has an id of its own" "'$P1' '$P2'"
	fi

	# Facebook and Instagram are the first two of the thirteen fixed items.
	get "/o/$ORG/platforms"
	expect_eq "$(field_of platform-1-id) $(field_of platform-2-id) $(field_of platform-13-id)" \
	    "facebook instagram reddit" "the platforms are thirteen fixed items, ids as keys"
	expect_no_body 'name="platform-1-remove"' "a fixed item has no remove box"
	expect_body '1–5 h par semaine' "Facebook's card gives the hours it usually takes (1–5 h)"
	expect_body_re "name=\"platform-1-objectives\" value=\"$O3\"" "the objectives are offered on each platform"
	expect_body_re "name=\"platform-1-personas\" value=\"$P2\"" "the personas are offered on each platform"
	fill platforms "platforms: Facebook and Instagram chosen" \
	    platform-1-chosen=1 platform-1-objectives="$O1" platform-1-objectives="$O2" \
	    platform-1-personas="$P1" platform-1-personas="$P2" platform-1-hours=5 platform-1-posts=7 \
	    platform-1-purpose='Annoncer les activités et répondre aux messages' \
	    platform-2-chosen=1 platform-2-objectives="$O3" platform-2-personas="$P1" \
	    platform-2-hours=2,5 platform-2-posts=3 platform-2-purpose='Montrer la vie de la maison en photos' \
	    -platform-3-chosen platform-3-hours=
	expect_body_re '<details class="item-fold" id="fold-platform-1" open>' "a chosen platform stands open"
	expect_body_re '<details class="item-fold" id="fold-platform-3">' "the others fold"

	fill resources "resources" \
	    position=2 content_kinds='Les articles du regroupement, deux fois par semaine' \
	    hours_note='Environ une heure par semaine pour partager'

	fill practices "content practices: two adopted" \
	    practice-1-adopt=1 practice-1-how='Une bonne photo à chaque activité, avec le consentement des gens' \
	    practice-6-adopt=1 practice-6-how='Une question dans une publication sur trois'
	expect_eq "$(field_of practice-8-id)" existing_networks "the eighth practice is a fixed item"

	fill posts "sample posts, three" \
	    post-1-platform=facebook post-1-objective="$O1" post-1-persona="$P1" \
	    post-1-text="$POST1_TEXT" post-1-hashtags='#hochelaga #famille' \
	    post-1-image='Photo de la halte-garderie; texte alternatif : des enfants qui jouent' add=post -- \
	    post-2-platform=x post-2-objective="$O2" post-2-persona="$P2" post-2-text="$POST2_TEXT" \
	    post-2-hashtags='#bénévolat' post-2-image= add=post -- \
	    post-3-platform=instagram post-3-objective="$O3" post-3-persona= post-3-text="$POST3_TEXT"
	journey_post_limits

	fill team "team and rules" \
	    responsible='Julie Tremblay' responsible_stays=yes backup='Ahmed Benali' \
	    who_may_post='L’équipe et deux bénévoles formés' \
	    conditions='Avoir lu ce plan; ne jamais partager la situation d’une famille sans son accord' \
	    listening='Notre nom, « halte-garderie Hochelaga », les publications de la Ville' \
	    check_mentions=weekdays answer_within=one_day crisis='La coordonnatrice, puis la présidente' \
	    transparency='Ce que rapporte chaque campagne, et à quoi il sert'

	get "/o/$ORG/evaluation"
	expect_eq "$(field_of review-1-id) $(field_of review-2-id) $(field_of review-3-id)" \
	    "$O1 $O2 $O3" "the evaluation has one review per objective, in their order"
	expect_body "$(html_escape "$OBJ1_TARGET")" "each review recalls its objective (its target)"
	expect_no_body 'name="review-1-remove"' "a review has no remove box"
	fill evaluation "evaluation: the review of each objective" \
	    review-1-measured='27 familles inscrites, dont 9 venues par Facebook' \
	    review-1-worked='Les photos des enfants, avec l’accord des parents' \
	    review-1-not_worked='Les longues publications' review-1-next='Plus court, plus souvent' \
	    review-1-reviewed_on=2026-07-02 \
	    review-2-measured='8 bénévoles actifs' review-2-reviewed_on=2026-09-03 \
	    review-3-next='À refaire avant l’assemblée'

	fill events "event campaigns" \
	    event-1-name="$EVENT_NAME" event-1-date=2026-06-12 \
	    event-1-before='Trois publications dans les deux semaines avant' \
	    event-1-during='Des photos et quelques citations' \
	    event-1-after='Un merci avec photos et les décisions prises' \
	    event-1-platforms=facebook event-1-platforms=instagram event-1-notes='Marc prend les photos'
	expect_french "<legend>$(html_escape "Événement 1 : $EVENT_NAME")</legend>" \
	    "the event's heading names it, its markup escaped"
	expect_no_body '<i>annuelle</i>' "no live markup from an item's name"

	section "the whole workbook on the overview and the summary"
	get "/o/$ORG/"
	expect_status 200 "the overview shows"
	expect_no_body 'class="tag todo"' "no section is left not started"
	expect_eq "$(grep -o 'Dernier enregistrement par Alice Gagnon' "$E2E_DIR/body" | wc -l)" 14 \
	    "each of the 14 sections says who saved it last"

	get "/o/$ORG/summary"
	expect_status 200 "the summary shows"
	local missing='' t n=0
	for t in "${SUMMARY_TEXTS[@]}"; do
		n=$((n + 1))
		body_holds "$(pre_escape "$t")" || missing+="$t"$'\n'
	done
	if [ -z "$missing" ]; then ok "the summary holds every text typed ($n answers), escaped"; else
		bad "the summary holds every text typed, escaped" "missing:"$'\n'"$missing"; fi
	missing=
	for p in start accounts mission objectives story tone audiences platforms resources practices posts team evaluation events; do
		grep -q "id=\"part-$p\"" "$E2E_DIR/body" || missing+=" $p"
	done
	if [ -z "$missing" ]; then ok "the summary has a part for each of the 14 sections"; else
		bad "the summary has a part for each of the 14 sections" "missing:$missing"; fi
	expect_body '30 juin 2026' "dates are written out (30 juin 2026)"
	expect_body '15 octobre 2026' "and the third objective's date too"
	expect_body 'Rejoindre certains publics' "a kind of objective is shown by its label"
	expect_body 'Mobiliser la population' "and the third one's"
	expect_body '7,5' "the team's hours are written as French writes them (7,5)"
	expect_eq "$(summary_read scales 'id="part-tone"')" \
	    "Indigné ou chaleureux: Plutôt chaleureux, 4/5 (4 sur une échelle de 5); Formel ou familier: Familier, 5/5 (5 sur une échelle de 5); Sérieux ou ludique: Plutôt sérieux, 2/5 (2 sur une échelle de 5)" \
	    "a scale shows where the group placed itself (4, 5, 2), in words and dots"
	expect_eq "$(summary_read scales 'id="part-resources"')" \
	    "Où nous nous situons entre partager et créer: Surtout partager, 2/5 (2 sur une échelle de 5)" \
	    "and so does the scale between curating and creating (2)"
	expect_eq "$(summary_read chips 'id="part-audiences"')" \
	    "Membres actuels et potentiels; Bénévoles actuels et potentiels; Organismes partenaires; $(html_escape 'Élus, commerçants, écoles')" \
	    "the audience groups ticked are listed by their labels, then the others"
	expect_eq "$(summary_read refs 'class="platform card pf-facebook"' objective)" \
	    "Objectif 1 -> $(html_escape "$OBJ1_TEXT"); Objectif 2 -> $(html_escape "$OBJ2_TEXT")" \
	    "the objectives a platform serves are named, each leading to its card"
	expect_eq "$(summary_read refs 'class="platform card pf-instagram"' objective)" \
	    "Objectif 3 -> $(html_escape 'Mobiliser 50 locataires pour l’assemblée « logement »')" \
	    "and another platform's objective"
	expect_eq "$(summary_read refs 'class="platform card pf-facebook"' persona)" \
	    "$(html_escape "$PERSONA1_NAME") -> $(html_escape "$PERSONA1_NAME"); $(html_escape "$PERSONA2_NAME") -> $(html_escape "$PERSONA2_NAME")" \
	    "the personas reached on a platform are named, each leading to its card"
	expect_eq "$(summary_read refs 'class="platform card pf-instagram"' persona)" \
	    "$(html_escape "$PERSONA1_NAME") -> $(html_escape "$PERSONA1_NAME")" \
	    "and another platform's persona"
	expect_body 'Tous les jours de semaine' "a choice of the team is shown by its label"
	expect_body '2 juillet 2026' "a review's date is written out"
	expect_body "$(html_escape "$EVENT_NAME")" "the event campaign, optional, is there once filled"
	expect_body '&lt;script&gt;alert(1)&lt;/script&gt;' "the mission's HTML stays escaped"
	expect_no_body '<script>alert(1)' "no live script on the summary"
	expect_no_body '<i>annuelle</i>' "no live markup from an item's name on the summary"
}

# (The posts were saved by journey_workbook.)  A post over its platform's
# limit or longer than its advice is saved anyway, and the page says so.
journey_post_limits() {
	local c1 c2
	c1=$(grep -o '<p class="counter[^"]*" id="c-f-post-1-text"[^>]*>[^<]*</p>' "$E2E_DIR/body")
	c2=$(grep -o '<p class="counter[^"]*" id="c-f-post-2-text"[^>]*>[^<]*</p>' "$E2E_DIR/body")
	if printf '%s' "$c1" | grep -qE ">[^<]*$(spaced_re 'long pour cette plateforme : visez deux lignes')"; then
		ok "a three-line Facebook post is saved, with the two-line advice"
	else
		bad "a three-line Facebook post is saved, with the two-line advice" "counter: $c1"
	fi
	case $c1 in
	*'class="counter over"'*) bad "the Facebook post is within Facebook's limit" "counter: $c1" ;;
	*) ok "the Facebook post is within Facebook's limit" ;;
	esac
	if printf '%s' "$c2" | grep -qE "class=\"counter over\".*>[^<]*$(spaced_re 'sur 280')[^<]*$(spaced_re 'au-delà de la limite')"; then
		ok "a post over X's 280 characters is saved, with the over-the-limit warning"
	else
		bad "a post over X's 280 characters is saved, with the over-the-limit warning" "counter: $c2"
	fi
	expect_body_re 'id="f-post-2-text"[^>]*data-count-platform="x"|data-count-platform="x"[^>]*id="f-post-2-text"' \
	    "the X post's counter counts as X does"
	# Counts are written as French writes them, groups of three digits
	# apart by a no-break space (U+00A0); attributes keep plain digits.
	case $c1 in
	*" caractères sur 63${NBSP}206"*) ok "Facebook's limit reads 63 206, with a no-break space" ;;
	*) bad "Facebook's limit reads 63 206, with a no-break space" "counter: $c1" ;;
	esac
	expect_body 'data-count-max="10000"' "data-count-max keeps its digits together for the script"
}

# Per section, a value the declarations refuse: 422, the message next to
# the field and in the summary at the top, what was typed kept, nothing
# saved.
# refuse SLUG DESCRIPTION FIELD KEPT_NAME KEPT_VALUE CHANGE...
refuse() {
	local slug=$1 what=$2 field=$3 kname=$4 kval=$5 v
	shift 5
	get "/o/$WB_ORG/$slug"
	v=$(input_value version)
	submit_form "/o/$WB_ORG/$slug" "$@"
	expect_status 422 "$slug: $what is refused"
	expect_body "id=\"e-f-$field\"" "$slug: the message stands next to the field ($field)"
	expect_body "href=\"#f-$field\"" "$slug: and in the summary at the top"
	expect_eq "$(field_of "$kname")" "$kval" "$slug: what was typed is kept ($kname)"
	expect_eq "$(input_value version)" "$v" "$slug: the form keeps the version it came from"
	get "/o/$WB_ORG/$slug"
	expect_eq "$(input_value version)" "$v" "$slug: nothing was saved"
}

journey_validation() {
	section "a value refused in every section"
	as alice
	WB_ORG=$ORG
	local long301 long281 long4001 long61
	long301=$(printf 'é%.0s' $(seq 1 301))
	long281=$(printf 'à%.0s' $(seq 1 281))
	long4001=$(printf 'x%.0s' $(seq 1 4001))
	long61=$(printf 'ù%.0s' $(seq 1 61))
	refuse start "81 hours a week (at most 80)" hours hours 81 hours=81
	refuse start "hours with three decimals" hours hours 2,555 hours=2,555
	refuse accounts "a handle of 301 characters" account-1-handle account-1-handle "$long301" \
	    account-1-handle="$long301"
	refuse accounts "an unknown platform" account-2-platform account-2-handle 'Compte sans plateforme' \
	    account-2-platform=myspace account-2-handle='Compte sans plateforme'
	refuse mission "a strategy of 4001 characters" strategy strategy "$long4001" strategy="$long4001"
	get "/o/$WB_ORG/mission"
	submit_form "/o/$WB_ORG/mission" strategy="$long4001"
	expect_status 422 "mission: the strategy of 4001 characters is refused again"
	expect_body "au plus 4${NBSP}000 caractères" \
	    "the message writes the limit as French does: 4 000, with a no-break space"
	refuse objectives "31 June" objective-3-due objective-3-due 2026-06-31 objective-3-due=2026-06-31
	refuse story "a short pitch of 281 characters" pitch_short pitch_short "$long281" pitch_short="$long281"
	refuse story "a value without its name" value-2-value value-2-example 'Un exemple sans valeur' \
	    value-2-value= value-2-example='Un exemple sans valeur'
	refuse tone "a scale at 7 of 5" warmth adjective_1 'Chaleureux' warmth=7 adjective_1=Chaleureux
	refuse tone "an adjective of 61 characters" adjective_2 adjective_2 "$long61" adjective_2="$long61"
	refuse audiences "a persona without a name" persona-2-name persona-2-role 'Rôle gardé' \
	    persona-2-name= persona-2-role='Rôle gardé'
	refuse audiences "an unknown audience group" groups other_groups 'Autres gardés' \
	    groups=members groups=aliens other_groups='Autres gardés'
	refuse platforms "hours with three decimals" platform-1-hours platform-1-hours 2,555 \
	    platform-1-hours=2,555
	refuse platforms "41 hours on one platform (at most 40)" platform-2-hours platform-2-hours 41 \
	    platform-2-hours=41
	refuse platforms "an objective that does not exist" platform-1-objectives platform-1-purpose 'But gardé' \
	    platform-1-objectives=nope platform-1-purpose='But gardé'
	refuse resources "a position at 6 of 5" position content_kinds 'Sortes gardées' \
	    position=6 content_kinds='Sortes gardées'
	refuse practices "4001 characters on how" practice-1-how practice-1-how "$long4001" \
	    practice-1-how="$long4001"
	refuse posts "an unknown platform" post-1-platform post-1-text 'Texte gardé' \
	    post-1-platform=myspace post-1-text='Texte gardé'
	refuse posts "a persona that does not exist" post-2-persona post-2-text 'Texte gardé 2' \
	    post-2-persona=zz99 post-2-text='Texte gardé 2'
	refuse team "an unknown answer to a choice" responsible_stays responsible 'Julie T.' \
	    responsible_stays=maybe responsible='Julie T.'
	refuse evaluation "month 13" review-1-reviewed_on review-1-reviewed_on 2026-13-01 \
	    review-1-reviewed_on=2026-13-01
	refuse events "31 June" event-1-date event-1-date 2026-06-31 event-1-date=2026-06-31
	refuse events "an unknown platform" event-1-platforms event-1-name 'Nom gardé' \
	    event-1-platforms=facebook event-1-platforms=myspace event-1-name='Nom gardé'
}

journey_history() {
	section "the history of a section: versions, reading one, restoring it"
	as alice
	local v tok old
	get "/o/$ORG/tone"
	v=$(input_value version)
	old=$(field_of sample)
	expect_eq "$old" "$TONE_SAMPLE" "the tone is as saved"
	expect_body "href=\"/o/$ORG/tone/history\"" "the section links to its history"
	submit_form "/o/$ORG/tone" sample="$TONE_SAMPLE2"
	expect_status 303 "a second save of the tone"
	get "/o/$ORG/tone/history"
	expect_status 200 "the history shows"
	expect_body "href=\"/o/$ORG/tone/history/$v\"" "the history lists the earlier version ($v)"
	expect_body "href=\"/o/$ORG/tone/history/$((v + 1))\"" "and the new one ($((v + 1)))"
	if tr '\n' ' ' <"$E2E_DIR/body" | grep -q "history/$((v + 1))\".*history/$v\""; then
		ok "the newest version comes first"
	else
		bad "the newest version comes first" "$(what_came)"
	fi
	expect_body 'Alice Gagnon' "the history says who saved"
	get "/o/$ORG/tone/history/$v"
	expect_status 200 "version $v shows"
	expect_body "$(html_escape "$TONE_SAMPLE")" "version $v holds the older sentence"
	expect_no_body "$(html_escape "$TONE_SAMPLE2")" "and not the newer one"
	expect_eq "$(input_value version)" "$v" "its restore form names the version"
	expect_eq "$(input_value base_version)" "$((v + 1))" "and the version it replaces"
	tok=$(csrf_token)
	get "/o/$ORG/tone/history/$((v + 1))"
	expect_body_re "C(&#39;|')est la version actuelle" "the current version says so, with nothing to restore"
	expect_no_body "/o/$ORG/tone/restore" "the current version has no restore form"
	get "/o/$ORG/tone/history/999"
	expect_status 404 "a version that does not exist is not found"

	post "/o/$ORG/tone/restore" version="$v" base_version="$((v + 1))"
	expect_status 403 "restoring without csrf is refused"
	post "/o/$ORG/tone/restore" version="$v" base_version="$v" csrf="$tok"
	expect_status 409 "restoring from a stale page (base_version $v) is refused"
	post "/o/$ORG/tone/restore" version=999 base_version="$((v + 1))" csrf="$tok"
	expect_status 404 "restoring a version that does not exist is refused"
	post "/o/$ORG/tone/restore" version=abc base_version="$((v + 1))" csrf="$tok"
	expect_status 400 "restoring a malformed version is refused"
	get "/o/$ORG/tone"
	expect_eq "$(field_of sample)" "$TONE_SAMPLE2" "the refused restores changed nothing"
	expect_eq "$(input_value version)" "$((v + 1))" "nor the version"

	get "/o/$ORG/tone/history/$v"
	submit_form "/o/$ORG/tone/restore"
	expect_status 303 "restoring version $v answers 303"
	expect_location "/o/$ORG/tone\\?restored=1" "restoring leads back to the section with restored=1"
	get "$(location)"
	expect_eq "$(field_of sample)" "$TONE_SAMPLE" "the section shows the older sentence again"
	expect_eq "$(field_of warmth)" 4 "and the rest of that version"
	expect_eq "$(input_value version)" "$((v + 2))" "the restore is a new version ($((v + 2)))"
	expect_body 'restaurée' "the page says it was restored"
	get "/o/$ORG/tone/history"
	expect_body "href=\"/o/$ORG/tone/history/$((v + 2))\"" "the history has one more version"
	expect_body "restaure la version $v" "which says what it restored"
	expect_body "href=\"/o/$ORG/tone/history/$((v + 1))\"" "the replaced version is still there"
	post "/o/$ORG/tone/restore" version="$((v + 1))" base_version="$((v + 1))" csrf="$tok"
	expect_status 409 "a second restore from the same stale page is refused"
}

journey_list_conflict() {
	section "two saves of a list from the same version"
	as alice
	local v
	get "/o/$ORG/accounts"
	v=$(input_value version)
	cp "$E2E_DIR/body" "$E2E_DIR/accounts-page"
	as alice2
	get "/o/$ORG/accounts"
	expect_eq "$(input_value version)" "$v" "two people open the accounts at version $v"
	submit_form "/o/$ORG/accounts" account-2-notes='Note de la première personne'
	expect_status 303 "the first save wins"
	as alice
	cp "$E2E_DIR/accounts-page" "$E2E_DIR/body"
	submit_form "/o/$ORG/accounts" account-1-notes='Note concurrente 409' \
	    account-3-platform=youtube account-3-handle='Chaîne concurrente 409'
	expect_status 409 "the second, from the same version, is refused"
	expect_eq "$(field_of account-1-notes)" 'Note concurrente 409' "the text typed in an item is shown back"
	expect_eq "$(field_of account-3-handle)" 'Chaîne concurrente 409' "and the item typed in the empty block"
	expect_body 'class="conflict"' "the page explains the conflict"
	expect_body 'Note de la première personne' "and shows what the other person saved"
	expect_eq "$(input_value version)" "$((v + 1))" "the form now carries the current version"
	get "/o/$ORG/accounts"
	expect_no_body 'concurrente 409' "nothing of the refused save was written"
	expect_eq "$(field_of account-2-notes)" 'Note de la première personne' "the first save stands"
	submit_form "/o/$ORG/accounts" account-2-notes=
	expect_status 303 "saving again from the current version works"
}

journey_examples() {
	section "copying an example persona, removing an item"
	as alice
	local n
	get "/o/$ORG/audiences"
	expect_body 'name="copy_example" value="1"' "the audiences offer the example personas"
	submit_form "/o/$ORG/audiences" copy_example=1
	expect_status 303 "copying example 1 answers 303"
	expect_location "/o/$ORG/audiences\\?saved=1#list-persona" "and leads to the personas"
	get "/o/$ORG/audiences"
	expect_eq "$(field_of persona-3-name)" 'Mélanie, la militante' "the example is the third persona, in French"
	expect_eq "$(field_of persona-3-age)" 26 "with its age"
	expect_eq "$(field_of persona-3-platforms)" facebook,x "and its platforms"
	expect_eq "$(field_of persona-1-name)" "$PERSONA1_NAME" "the first persona is untouched"
	expect_eq "$(field_of persona-2-name)" "$PERSONA2_NAME" "the second too"
	if [ -n "$(field_of persona-3-id)" ]; then ok "the copy has an id"; else
		bad "the copy has an id" "$(what_came)"; fi
	expect_input persona-3-remove "the copy has a remove box"
	get "/o/$ORG/audiences"
	post "/o/$ORG/audiences" version="$(input_value version)" csrf="$(csrf_token)" copy_example=4
	expect_status 400 "an example that does not exist is refused"

	get "/o/$ORG/audiences"
	submit_form "/o/$ORG/audiences" persona-3-remove=1
	expect_status 303 "saving with the third persona's remove box ticked"
	get "/o/$ORG/audiences"
	expect_eq "$(field_of persona-3-name)" "" "the third persona is gone: its block is the empty one"
	expect_eq "$(field_of persona-3-id)" "" "with no id"
	n=$(grep -Eo 'name="persona-[0-9]+-id"' "$E2E_DIR/body" | sort -u | wc -l)
	expect_eq "$n" 3 "two personas and one empty block remain"
	expect_eq "$(field_of persona-1-id) $(field_of persona-2-id)" "$P1 $P2" "the others keep their ids"
	expect_eq "$(field_of persona-2-name)" "$PERSONA2_NAME" "and their content"

	# copy_example is a button of the audiences only; sent with another
	# section's form (a forged or mistaken post), it is ignored.
	local pairs=()
	get "/o/$ORG/mission"
	mapfile -d '' -t pairs < <(form_pairs "/o/$ORG/mission")
	post "/o/$ORG/mission" "${pairs[@]}" copy_example=1
	expect_status 303 "copy_example sent with the mission is ignored, the mission saved"
	expect_location "/o/$ORG/mission\\?saved=1" "and the answer leads back to the mission"
	get "/o/$ORG/mission"
	expect_eq "$(field_of mission)" "$MISSION $XSS1 $XSS2" "the mission is as it was"
}

journey_pitfalls() {
	section "a pitfall shows, then goes once fixed"
	as erin
	get /signup
	post /signup org_name="Comité de l'Est" name="Erin Paré" email=erin@example.org \
	    password='Harfang-des-neiges-31' csrf="$(form_token)"
	expect_status 303 "Erin signs up with her organisation"
	ORG3=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
	[ -n "$ORG3" ] || ORG3=0
	WB_ORG=$ORG3
	get "/o/$ORG3/"
	expect_no_body 'Les heures prévues dépassent' "an empty plan has no pitfall about hours"
	fill start "2 hours a week available" hours=2
	fill platforms "Facebook chosen, with 5 hours a week" platform-1-chosen=1 platform-1-hours=5
	get "/o/$ORG3/"
	expect_body 'Les heures prévues dépassent ce que' "the overview shows the hours pitfall"
	expect_french 'Prévu : 5 h par semaine; disponible : 2 h.' "with the numbers: 5 h planned, 2 h available"
	expect_body "href=\"/o/$ORG3/platforms\"" "and a link to where it is fixed"
	get "/o/$ORG3/platforms"
	expect_body_re '<aside class="pitfalls"' "the platforms page has its pitfalls"
	expect_body 'Les heures prévues dépassent ce que' "the hours pitfall is on the platforms page"
	expect_french 'Prévu : 5 h par semaine; disponible : 2 h.' "with its numbers"
	fill platforms "Facebook brought down to 2 hours" platform-1-hours=2
	expect_no_body 'Les heures prévues dépassent' "the pitfall is gone from the platforms page"
	get "/o/$ORG3/"
	expect_no_body 'Les heures prévues dépassent' "and from the overview"
	WB_ORG=$ORG
}

# save_mission ORG TEXT: the current user saves the mission of ORG.
save_mission() {
	get "/o/$1/mission"
	post "/o/$1/mission" mission="$2" means="$MEANS" strategy="$STRATEGY" \
	    version="$(input_value version)" csrf="$(csrf_token)"
	expect_status 303 "the mission of organisation $1 is saved"
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
	post "/invite/$INVITE" name="Bob Tremblay" email="$ALICE_EMAIL" password="$BOB_PW" csrf="$tok"
	expect_status 422 "an e-mail that already has an account is refused here too"
	expect_body 'id="e-email"' "the message stands next to the e-mail field"
	expect_no_body "$BOB_PW" "the password typed is not sent back"
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
	get "/o/$ORG2/tone/history"
	expect_status 404 "Alice does not see the history of Carol's sections"
	get "/o/$ORG2/mission/history/1"
	expect_status 404 "nor one of their versions"
	get "/o/$ORG/tone"
	post "/o/$ORG2/tone/restore" version=1 base_version=1 csrf="$(csrf_token)"
	expect_status 404 "Alice cannot restore a version of Carol's sections"
	post "/o/$ORG2/audiences" copy_example=1 version=0 csrf="$(csrf_token)"
	expect_status 404 "nor copy an example into Carol's plan"
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
	post "/o/$ORG/mission/history" csrf="$(csrf_token)"
	expect_status 405 "POST on a history is not allowed"
	expect_header Allow 'GET' "a history allows GET"
	get "/o/$ORG/mission/restore"
	expect_status 405 "GET on restore is not allowed"
	expect_header Allow 'POST' "restore allows POST"
	get "/o/$ORG/mission/history/0"
	expect_status 404 "version 0 is no page"
	get "/o/$ORG/mission/history/x1"
	expect_status 404 "a version that is no number is no page"
	get "/o/$ORG/no-such-section/history"
	expect_status 404 "the history of an unknown section is not found"
	get "/o/$ORG/mission"
	post "/o/$ORG/mission" mission=x means=y strategy=z csrf="$(csrf_token)"
	expect_status 400 "a section form without its version is malformed"
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
