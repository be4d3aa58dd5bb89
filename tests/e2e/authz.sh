#!/usr/bin/env bash
# The authorization matrix, behind lighttpd: for every route of the program
# and every method it answers, and for each kind of visitor (tests/e2e/
# authz.txt says which), the answer is the one the matrix expects.  The
# routes come from `reseauter --routes`: a route missing from the matrix,
# or a line of the matrix that is no route, is a failure, so that nobody
# adds a page without saying who may see it.
#
# The people and things are made the way people make them: sign-up,
# invitations, reseauter-admin for the roles, the cohort pages, the join
# code, leaving a cohort, a comment and a share link.  Every POST of the
# matrix carries only the visitor's CSRF token, so an allowed one changes
# nothing that a later line depends on (a 422, a 409, a redirection); the
# two that do (accepting an invitation, logging out) are the last lines.
# A comment is posted as an answer to a thread, which members may do.
# Prints "N passed, N failed" last.
here=$(dirname "$0")
. "$here/lib.sh"

MATRIX=$here/authz.txt
VISITORS=(anon memA ownA memB trnA trnX trnLeft admin share)
PW=authz-matrix-password-7

e2e_setup authz
server_start "${E2E_SERVER:-lighttpd}"

# admin_tool ARGS...: runs reseauter-admin on the suite's database.
admin_tool() {
	"$E2E_ADMIN" "$@" >"$E2E_DIR/admin.out" 2>&1
}

section "the people"
signup_org ownA "Comité A" "Owner A" owna@example.org "$PW"
ORG_A=$ORG_ID
signup_org memB "Groupe B" "Member B" memb@example.org "$PW"
ORG_B=$ORG_ID
signup_org trnA "Formation A" "Trainer A" trna@example.org "$PW"
signup_org trnX "Formation X" "Trainer X" trnx@example.org "$PW"
signup_org trnLeft "Formation L" "Trainer L" trnl@example.org "$PW"
signup_org admin "Admin Org" "Admin" admin@example.org "$PW"
ADMIN_ORG=$ORG_ID
# A person who is none of the visitors, for the line that ends a session.
signup_org other "Groupe O" "Other" other@example.org "$PW"
OTHER_SESSION=$(sql "SELECT max(s.id) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'other@example.org'")
ORG_ID=$ADMIN_ORG
# The administrator belongs to no organisation: their own is deleted.
sql "PRAGMA foreign_keys = ON; DELETE FROM orgs WHERE id = $ORG_ID" &&
    ok "the administrator's organisation is deleted" ||
    bad "the administrator's organisation is deleted"
for who in trna trnx trnl; do
	grant_role trainer "$who@example.org"
done
grant_role admin admin@example.org

section "organisation A: a member, a saved section, a share link"
as ownA
invite_member "$ORG_A" memA "Member A" mema@example.org "$PW" \
    "member A accepts the invitation"
as ownA
get "/o/$ORG_A/mission"
post "/o/$ORG_A/mission" mission="Loger tout le monde" version="$(input_value version)" csrf="$(csrf_token)"
expect_status 303 "owner A saves the mission"
get "/o/$ORG_A/share"
post "/o/$ORG_A/share" csrf="$(csrf_token)"
SHARE=$(grep -oE '/s/[A-Za-z0-9_-]{43}' "$E2E_DIR/body" | head -n 1)
SHARE=${SHARE##*/}
[ -n "$SHARE" ] && ok "owner A makes a share link" || bad "owner A makes a share link" "$(what_came)"
# A live invitation for the matrix's /invite/ lines.
get "/o/$ORG_A/members"
post "/o/$ORG_A/members/invite" csrf="$(csrf_token)"
INVITE=$(grep -oE '/invite/[A-Za-z0-9_-]{43}' "$E2E_DIR/body" | head -n 1)
INVITE=${INVITE##*/}
[ -n "$INVITE" ] && ok "owner A makes an invitation" || bad "owner A makes an invitation" "$(what_came)"

section "the cohorts"
new_cohort trnA "Atelier C1"
C1=$COHORT_ID CODE1=$CODE
new_cohort trnX "Atelier C2"
CODE2=$CODE
new_cohort trnLeft "Atelier C3"
C3=$COHORT_ID CODE3=$CODE
join_cohort ownA "$ORG_A" "$CODE1"
join_cohort memB "$ORG_B" "$CODE2"
join_cohort ownA "$ORG_A" "$CODE3"
as trnLeft
get "/o/$ORG_A/"
expect_status 200 "the trainer of C3 reads A while it is in C3"
as ownA
get "/o/$ORG_A/cohorts"
post "/o/$ORG_A/cohorts/leave" cohort="$C3" csrf="$(csrf_token)"
expect_status 303 "A leaves the cohort C3"
as trnA
get "/o/$ORG_A/mission"
post "/o/$ORG_A/mission/comments" body="Belle mission : qui loge-t-on d'abord ?" csrf="$(csrf_token)"
expect_status 303 "trainer A comments on A's mission"
COMMENT=$(location | sed -n 's,.*#c\([0-9]*\)$,\1,p')
[ -n "$COMMENT" ] || COMMENT=$(sql "SELECT max(id) FROM comments")
# The administrator's lines act on member B: a reset link made for them
# would replace member A's, which the /reset/ lines use.
MEMB_ID=$(sql "SELECT id FROM users WHERE email = 'memb@example.org'")
admin_tool reset-password mema@example.org
RESET=$(grep -oE '/reset/[A-Za-z0-9_-]{43}' "$E2E_DIR/admin.out" | head -n 1)
RESET=${RESET##*/}
[ -n "$RESET" ] && ok "reseauter-admin makes a reset link" ||
    bad "reseauter-admin makes a reset link" "$(cat "$E2E_DIR/admin.out")"

# fill PATTERN: prints the path of PATTERN for these fixtures.
fill() {
	local p=$1 t=
	case $p in
	/s/*) t=$SHARE ;;
	/invite/*) t=$INVITE ;;
	/join/*) t=$CODE1 ;;
	/reset/*) t=$RESET ;;
	esac
	local i=$C1
	case $p in
	/o/*/comments/*) i=$COMMENT ;;
	/admin/users/*) i=$MEMB_ID ;;
	/account/sessions/*) i=$OTHER_SESSION ;;
	esac
	p=${p//%d/$ORG_A}
	p=${p//%s/mission}
	p=${p//%v/1}
	p=${p//%t/$t}
	p=${p//%i/$i}
	printf '%s' "$p"
}

section "every route is in the matrix, and every line of it is a route"
"$E2E_BIN" --routes | awk '{ print $1, $2 }' | sort >"$E2E_DIR/routes"
grep -vE '^[[:space:]]*(#|$)' "$MATRIX" | awk '{ print $1, $2 }' | sort >"$E2E_DIR/matrix-routes"
missing=$(comm -23 "$E2E_DIR/routes" "$E2E_DIR/matrix-routes")
stale=$(comm -13 "$E2E_DIR/routes" "$E2E_DIR/matrix-routes")
[ -s "$E2E_DIR/routes" ] && ok "reseauter --routes lists $(wc -l <"$E2E_DIR/routes") routes" ||
    bad "reseauter --routes lists the routes"
[ -z "$missing" ] && ok "every route of the program is in the matrix" ||
    bad "every route of the program is in the matrix" "missing: $missing"
[ -z "$stale" ] && ok "every line of the matrix is a route of the program" ||
    bad "every line of the matrix is a route of the program" "no such route: $stale"
bad_lines=$(grep -vE '^[[:space:]]*(#|$)' "$MATRIX" | awk -v n=$((2 + ${#VISITORS[@]})) 'NF != n')
[ -z "$bad_lines" ] && ok "every line of the matrix has an answer for each visitor" ||
    bad "every line of the matrix has an answer for each visitor" "$bad_lines"

# check VISITOR METHOD PATTERN EXPECTED: one cell of the matrix.
check() {
	local who=$1 method=$2 pattern=$3 want=$4 path got loc csrf
	path=$(fill "$pattern")
	if [ "$method" = GET ]; then
		get "$path"
	elif [ "$pattern" = /o/%d/%s/comments ]; then
		# A member may answer a thread (a trainer may also start one).
		post "$path" thread="$COMMENT" csrf="$CSRF"
	else
		post "$path" csrf="$CSRF"
	fi
	got=$STATUS
	loc=$(location)
	case $want in
	login)
		case $got:$loc in
		302:/login*|303:/login*) ok "$who $method $pattern: to login" ;;
		*) bad "$who $method $pattern: expected the login page" "got $got ${loc:+to $loc}" ;;
		esac ;;
	*)
		[ "$got" = "$want" ] && ok "$who $method $pattern: $got" ||
		    bad "$who $method $pattern: expected $want" "got $got ${loc:+to $loc}: $(body_text | cut -c 1-160)" ;;
	esac
}

col=3
for who in "${VISITORS[@]}"; do
	section "as $who"
	case $who in
	anon | share)
		as "matrix-$who"
		get /
		[ "$who" = share ] && get "/s/$SHARE"
		CSRF=$(cookie rt_csrf) ;;
	*)
		as "$who"
		get /orgs
		CSRF=$(input_value csrf) ;;
	esac
	while read -r method pattern rest; do
		case $method in '#'* | '') continue ;; esac
		want=$(printf '%s %s %s\n' "$method" "$pattern" "$rest" | awk -v c=$col '{ print $c }')
		check "$who" "$method" "$pattern" "$want"
	done <"$MATRIX"
	col=$((col + 1))
done

section "the language cookie"
# The matrix's POST /lang carries no language: one that does, so that the
# language cookie passes the check of every answer's headers (under a
# __Host- name over HTTPS) and is read back.
as lang-visitor
get /
post /lang lang=en next=/ csrf="$(form_token)"
expect_status 303 "a visitor switches to English"
expect_header Set-Cookie '^(__Host-)?rt_lang=en;' "the choice is kept in a cookie"
get /
expect_body_re '<html[^>]* lang="en"' "the next page is in English"

e2e_finish
