#!/usr/bin/env bash
# Share links behind lighttpd (conf/lighttpd.conf, as tests/e2e/lighttpd.sh
# starts it): a member makes a read-only link to the plan's summary, anyone
# who has it reads the summary without an account, and a link withdrawn or
# past its date no longer opens anything.  Rows are aged with sqlite3,
# which works while the program runs (WAL), as cgi.sh does.  Prints
# "N passed, N failed" last.
here=$(dirname "$0")
. "$here/lib.sh"
. "$here/journey.sh"

# Every answer under /s/ carries Referrer-Policy: no-referrer instead of
# same-origin (the token is in the URL); every answer has exactly one
# Referrer-Policy and one Cache-Control, whatever the handler added.
check_security_headers() {
	local csp miss= want=same-origin n
	E2E_RESPONSES=$((E2E_RESPONSES + 1))
	csp=$(header Content-Security-Policy)
	case $csp in *"default-src 'self'"*) ;; *) miss="$miss default-src" ;; esac
	case $csp in *"object-src 'none'"*) ;; *) miss="$miss object-src" ;; esac
	case $csp in *"base-uri 'none'"*) ;; *) miss="$miss base-uri" ;; esac
	case $csp in *"frame-ancestors 'none'"*) ;; *) miss="$miss frame-ancestors" ;; esac
	case $csp in *"form-action 'self'"*) ;; *) miss="$miss form-action" ;; esac
	[ "$(header X-Content-Type-Options)" = nosniff ] || miss="$miss nosniff"
	[ "$(header X-Frame-Options)" = DENY ] || miss="$miss X-Frame-Options"
	# No cache keeps an answer: pages hold plans, forms hold tokens.
	case $(header Cache-Control) in *no-store*) ;; *) miss="$miss Cache-Control" ;; esac
	# A path under /s/ that is no route at all gets the dispatcher's 404,
	# whose same-origin policy keeps the token on this site too.
	case ${E2E_LAST#* } in
	/s/*/summary.pdf | /s/*/summary.md | /s/*/summary.html | /s/*/plan.json | /s/*/plan.ics) want=no-referrer ;;
	/s/*/*) [ "$(header Referrer-Policy)" = no-referrer ] && want=no-referrer ;;
	/s/*) want=no-referrer ;;
	# An invitation's or a reset link's secret is in its path too.
	/invite/* | /reset/* | /join/?*) want=no-referrer ;;
	esac
	[ "$(header Referrer-Policy)" = "$want" ] || miss="$miss Referrer-Policy:$want"
	n=$(grep -ci '^referrer-policy:' "$E2E_DIR/headers")
	[ "$n" -eq 1 ] || miss="$miss one-Referrer-Policy($n)"
	n=$(grep -ci '^cache-control:' "$E2E_DIR/headers")
	[ "$n" -eq 1 ] || miss="$miss one-Cache-Control($n)"
	[ -z "$miss" ] || echo "${E2E_LAST%%\?*} ($STATUS): missing$miss" >>"$E2E_DIR/header-problems"
}

# share_link: prints the first share link of the page.
share_link() {
	grep -oE 'https?://[^"<> ]+/s/[A-Za-z0-9_-]{43}' "$E2E_DIR/body" | head -n 1
}

# post_forms: prints the <form> tags of the page that post anywhere but /lang.
post_forms() {
	tr '\n' ' ' <"$E2E_DIR/body" | grep -oiE '<form[^>]*>' |
	    grep -iE 'method="?post' | grep -v 'action="/lang"'
}

# expect_shared_headers DESCRIPTION: the headers of a page read through a link.
expect_shared_headers() {
	expect_header Referrer-Policy '^no-referrer$' "$1: Referrer-Policy: no-referrer"
	expect_header X-Robots-Tag '^noindex$' "$1: X-Robots-Tag: noindex"
	expect_header Cache-Control '^private, no-store$' "$1: Cache-Control: private, no-store"
}

# make_link ORG [NAME=VALUE...]: the current user makes a share link of
# ORG; sets LINK (the full address) and TOKEN.
make_link() {
	local org=$1
	shift
	get "/o/$org/share"
	post "/o/$org/share" "$@" csrf="$(csrf_token)"
	LINK=$(share_link)
	TOKEN=${LINK##*/}
	[ -n "$TOKEN" ] || TOKEN=$FORGED_TOKEN
}

MISSION_A='Loger les familles du quartier Centre-Sud, « dignement ».'
MISSION_B='Mission confidentielle du comité B : ne pas diffuser.'
LABEL_A='Pour le CA <b>2026</b>'
RECOVERY_A='recuperation-centresud@example.net et le cellulaire 514-555-0199'
NOTES_A='Le mot de passe est dans le coffre-fort VAULTCENTRESUD'

e2e_setup share
server_start lighttpd

section "two organisations, a plain member"
signup_org alice "$ALICE_ORG" "Alice Gagnon" "$ALICE_EMAIL" "$ALICE_PW"
ORG=$ORG_ID
save_mission "$ORG" "$MISSION_A"
get "/o/$ORG/accounts"
submit_form "/o/$ORG/accounts" account-1-platform=facebook \
    account-1-handle=facebook.com/centresud account-1-holder='Alice (coordonnatrice)' \
    account-1-backup='Le trésorier' account-1-recovery="$RECOVERY_A" account-1-notes="$NOTES_A"
expect_status 303 "Alice lists the group's Facebook account, with how to get into it"
invite_member "$ORG" bob "Bob Tremblay" "$BOB_EMAIL" "$BOB_PW" \
    "Bob joins Alice's organisation as a plain member"
signup_org carol "Comité B" "Carol Roy" "$CAROL_EMAIL" "$CAROL_PW"
ORG2=$ORG_ID
save_mission "$ORG2" "$MISSION_B"

section "the share page"
as alice
get "/o/$ORG/summary"
expect_body "href=\"/o/$ORG/share\"" "the summary links to the share page"
get "/o/$ORG/share"
expect_status 200 "GET share shows the page"
expect_body_re "<a href=\"/o/$ORG/share\" aria-current=\"page\">" "the plan's navigation has Share, current here"
expect_input label "the form asks for a label"
expect_body_re 'type="date"[^>]*name="expires"|name="expires"[^>]*type="date"' "the form asks for an expiry date"
post "/o/$ORG/share" label=x
expect_status 403 "making a link without csrf is refused"
post "/o/$ORG/share" label="$(printf 'é%.0s' $(seq 1 101))" csrf="$(csrf_token)"
expect_status 422 "a label of 101 characters is refused"
expect_body 'id="e-label"' "a message stands next to the label"
post "/o/$ORG/share" label=Hier expires=2001-01-01 csrf="$(csrf_token)"
expect_status 422 "a date in the past is refused"
expect_body 'id="e-expires"' "a message stands next to the date"
expect_eq "$(input_value label)" Hier "the label typed is kept"
post "/o/$ORG/share" expires=2026-02-30 csrf="$(csrf_token)"
expect_status 422 "an impossible date is refused"
expect_eq "$(sql 'SELECT count(*) FROM share_links')" 0 "the refused forms made no link"

make_link "$ORG" label="$LABEL_A"
expect_status 200 "making a link shows the page"
if [ "$TOKEN" != "$FORGED_TOKEN" ]; then ok "the page shows the new link ($LINK)"; else
	bad "the page shows the new link http(s)://HOST/s/<43 characters>" "$(what_came)"; fi
case $LINK in
"$RESEAUTER_BASE_URL"/s/*) ok "the link starts with RESEAUTER_BASE_URL" ;;
*) bad "the link starts with RESEAUTER_BASE_URL ($RESEAUTER_BASE_URL)" "link: '$LINK'" ;;
esac
expect_body_re "<input[^>]*readonly[^>]*value=\"$LINK\"" "the link is in a field to copy"
expect_body 'Pour le CA &lt;b&gt;2026&lt;/b&gt;' "the label is listed, escaped"
expect_no_body '<b>2026</b>' "no live HTML from the label"
expect_body 'Pas encore' "a link never opened says so"
TOK_A=$TOKEN
get "/o/$ORG/share"
expect_no_body "$TOK_A" "the link is shown only once"
expect_eq "$(sql "SELECT count(*) FROM share_links WHERE instr(token_hash, '$TOK_A') > 0 OR label LIKE '%$TOK_A%'")" 0 \
    "the database holds no token"

section "reading through the link"
as visitor
get "/s/$TOK_A"
expect_status 200 "a live link shows the summary without an account"
expect_body "$MISSION_A" "the summary holds the mission"
expect_body "$ALICE_ORG" "the summary names the organisation"
expect_shared_headers "the shared summary"
expect_body '<meta name="robots" content="noindex">' "the page asks not to be indexed"
forms=$(post_forms)
expect_eq "$forms" "" "no form but the language switch"
expect_body 'action="/lang"' "the language switch is there"
expect_no_body 'href="/o/' "no link into the plan"
expect_no_body '@example.org' "no e-mail address"
expect_no_body "$MISSION_B" "nothing of the other organisation"
expect_no_body 'Alice Gagnon' "no member's name"
expect_body_re "href=\"/s/$TOK_A/(summary\\.(pdf|md|html)|plan\\.(json|ics))\"" "the downloads are under the link"
if tr '\n' ' ' <"$E2E_DIR/body" | grep -oE 'href="[^"]*"' | grep -vE "^href=\"(/s/$TOK_A/[a-z.]+|#[A-Za-z0-9_-]*|/|/static/[^\"]*|/login|/signup)\"$" | grep -q .; then
	bad "every link of the shared page stays on the page, its downloads or the site's front" \
	    "$(tr '\n' ' ' <"$E2E_DIR/body" | grep -oE 'href="[^"]*"' | sort -u | tr '\n' ' ')"
else
	ok "every link of the shared page stays on the page, its downloads or the site's front"
fi
[ -n "$(cookie rt_csrf)" ] && ok "a visitor gets the CSRF cookie of the language switch" ||
    bad "a visitor gets the CSRF cookie of the language switch" "$(what_came)"
post /lang lang=en next="/s/$TOK_A" csrf="$(form_token)"
expect_status 303 "the language switch works from a shared page"
expect_location "/s/$TOK_A" "and comes back to it"
get "/s/$TOK_A"
expect_body_re '<html[^>]* lang="en"' "the shared page in English"
expect_body 'A read-only copy' "it says it is a read-only copy"
for p in summary.pdf summary.md summary.html plan.json plan.ics; do
	get "/s/$TOK_A/$p"
	expect_status 200 "the download $p through the link"
	expect_header Referrer-Policy '^no-referrer$' "$p: Referrer-Policy: no-referrer"
	# How to get into the group's accounts is for the team only.
	case $p in
	*.pdf) pdftotext -q "$E2E_DIR/body" "$E2E_DIR/shared.txt" ;;
	*) cp "$E2E_DIR/body" "$E2E_DIR/shared.txt" ;;
	esac
	if grep -qE 'recuperation-centresud|514-555-0199|VAULTCENTRESUD' "$E2E_DIR/shared.txt"; then
		bad "$p: the accounts' recovery and notes stay with the team" \
		    "$(grep -E 'recuperation-centresud|514-555-0199|VAULTCENTRESUD' "$E2E_DIR/shared.txt" | head -n 3)"
	else
		ok "$p: the accounts' recovery and notes stay with the team"
	fi
done
get "/s/$TOK_A"
expect_body "facebook.com/centresud" "the shared summary still lists the account itself"
expect_no_body "VAULTCENTRESUD" "but not its notes"
as alice
get "/o/$ORG/summary.pdf"
pdftotext -q "$E2E_DIR/body" "$E2E_DIR/team.txt"
expect_eq "$(grep -c 'VAULTCENTRESUD' "$E2E_DIR/team.txt")" 1 "the team's own PDF keeps the notes"
get "/o/$ORG/plan.json"
expect_body "$RECOVERY_A" "and the team's own export the recovery"
as visitor
get "/s/$TOK_A/mission"
expect_status 404 "a link opens no section of the workbook"
get "/s/$TOK_A/members"
expect_status 404 "a link opens no member list"
get "/o/$ORG/summary"
expect_status '302|303' "the plan itself still needs a login"
get "/o/$ORG2/summary"
expect_status '302|303' "and so does the other organisation's"

as alice
get "/s/$TOK_A"
expect_status 200 "a member reads the link too"
expect_eq "$(post_forms)" "" "a member gets no form there either (no log-out)"
expect_no_body "$ALICE_EMAIL" "nor her e-mail"
expect_no_body 'href="/o/' "nor the plan's navigation"
as carol
get "/s/$TOK_A"
expect_no_body "$MISSION_B" "a member of another organisation reads only the shared one"

section "a link of one organisation leaks nothing of another"
as carol
make_link "$ORG2"
TOK_B=$TOKEN
as visitor2
get "/s/$TOK_B"
expect_status 200 "the other organisation's link works"
expect_body "Comité B" "it names its own organisation"
expect_no_body "$MISSION_A" "it holds nothing of the first"
expect_no_body "$ALICE_ORG" "not even the first one's name"
get "/s/$TOK_A"
expect_no_body "$MISSION_B" "and the first holds nothing of it"

section "unknown links"
get "/s/$FORGED_TOKEN"
expect_status 404 "a guessed token is not found"
expect_header Referrer-Policy '^no-referrer$' "404 under /s/: Referrer-Policy: no-referrer"
get /s/short
expect_status 404 "a malformed token is not found"
get "/s/$FORGED_TOKEN/summary.pdf"
expect_status 404 "a guessed token opens no download"

section "last access"
as alice
get "/o/$ORG/share"
expect_no_body 'Pas encore' "after a visit the page no longer says never"
expect_body_re '[0-9]+ h [0-9]{2}|[0-9]+:[0-9]{2}' "it shows when the link was last opened"

section "who may make and withdraw links"
as bob
make_link "$ORG" label="Bailleur"
expect_status 200 "a plain member may make a link"
TOK_BOB=$TOKEN
expect_eq "$(input_value link_id)" "" "a plain member sees no withdraw button"
LINK_ID=$(sql "SELECT id FROM share_links WHERE label = 'Pour le CA <b>2026</b>'")
post "/o/$ORG/share/revoke" link_id="$LINK_ID" csrf="$(csrf_token)"
expect_status 403 "a plain member may not withdraw a link"
as visitor
get "/s/$TOK_A"
expect_status 200 "the link still works"
as carol
get "/o/$ORG2/share"
post "/o/$ORG/share/revoke" link_id="$LINK_ID" csrf="$(csrf_token)"
expect_status 404 "another organisation's owner cannot withdraw it"
post "/o/$ORG2/share/revoke" link_id="$LINK_ID" csrf="$(csrf_token)"
expect_status 404 "not even through her own organisation"
as alice
get "/o/$ORG/share"
expect_body_re "name=\"link_id\" value=\"$LINK_ID\"" "an owner sees the withdraw button"
post "/o/$ORG/share/revoke" link_id="$LINK_ID"
expect_status 403 "withdrawing without csrf is refused"
post "/o/$ORG/share/revoke" link_id="$LINK_ID" csrf="$(csrf_token)"
expect_status 303 "an owner withdraws the link"
expect_location "/o/$ORG/share\\?revoked=1" "back to the share page"
get "/o/$ORG/share?revoked=1"
expect_no_body 'Pour le CA &lt;b&gt;' "a withdrawn link is no longer listed"
expect_body "Bailleur" "the other link still is"
post "/o/$ORG/share/revoke" link_id="$LINK_ID" csrf="$(csrf_token)"
expect_status 404 "a link is withdrawn only once"

as visitor
get "/s/$TOK_A"
expect_status 410 "a withdrawn link is gone"
expect_shared_headers "the 410 page"
expect_no_body "$MISSION_A" "it shows nothing of the plan"
sed -e "s/$TOK_A/TOKEN/g" "$E2E_DIR/body" >"$E2E_DIR/gone-revoked"
get "/s/$TOK_A/summary.md"
expect_status 410 "its downloads are gone too"
get "/s/$TOK_BOB"
expect_status 200 "the other link of the organisation still works"

section "expiry"
as alice
today=$(date +%Y-%m-%d)
make_link "$ORG" label="Court" expires="$today"
expect_status 200 "a link valid until today is made"
TOK_C=$TOKEN
as visitor
get "/s/$TOK_C"
expect_status 200 "it works today"
sql "UPDATE share_links SET created_at = strftime('%s','now') - 100000,
     expires_at = strftime('%s','now') - 10 WHERE label = 'Court'"
get "/s/$TOK_C"
expect_status 410 "an expired link is gone"
expect_shared_headers "the 410 page of an expired link"
sed -e "s/$TOK_C/TOKEN/g" "$E2E_DIR/body" >"$E2E_DIR/gone-expired"
if cmp -s "$E2E_DIR/gone-expired" "$E2E_DIR/gone-revoked"; then
	ok "withdrawn and expired give the same page (but for the token)"
else
	bad "withdrawn and expired give the same page (but for the token)" \
	    "$(diff "$E2E_DIR/gone-revoked" "$E2E_DIR/gone-expired" | head -n 10)"
fi
get "/s/$TOK_C/plan.ics"
expect_status 410 "an expired link's downloads are gone"
as alice
get "/o/$ORG/share"
expect_no_body ">Court<" "an expired link is no longer listed"
e2e_finish
