#!/usr/bin/env bash
# The instance's administration behind lighttpd (conf/lighttpd.conf, as
# tests/e2e/lighttpd.sh starts it): build/reseauter-admin, run beside the
# running program on the same database, creates the first administrator
# and grants roles; the administrator works from /admin; everyone else
# is refused there; a password reset link works once and ends the
# account's other sessions; backups from the tool and from the page are
# sound copies that hold the accounts, one of them made while another
# connection is in the middle of a write.  Prints "N passed, N failed"
# last.
here=$(dirname "$0")
. "$here/lib.sh"
. "$here/journey.sh"

ROOT_EMAIL=root@example.org
ROOT_PW='Phare-de-Rimouski-1906'
ROOT_NAME='Renée Admin'
NEW_PW='Traversier-de-Lévis-77'

# tool [INPUT] -- ARGS...: runs reseauter-admin with the suite's
# configuration, INPUT (one line, or nothing) on its standard input.
# Sets TOOL_RC; what it printed is in $E2E_DIR/tool.out and tool.err.
tool() {
	local input=
	if [ "$1" != -- ]; then input=$1; shift; fi
	shift
	if [ -n "$input" ]; then
		printf '%s\n' "$input" | "$E2E_ADMIN" "$@" >"$E2E_DIR/tool.out" 2>"$E2E_DIR/tool.err"
	else
		"$E2E_ADMIN" "$@" >"$E2E_DIR/tool.out" 2>"$E2E_DIR/tool.err" </dev/null
	fi
	TOOL_RC=$?
}

# expect_tool RC DESCRIPTION: the last run of the tool exited with RC.
expect_tool() {
	if [ "$TOOL_RC" = "$1" ]; then
		ok "$2 (exit $TOOL_RC)"
	else
		bad "$2: expected exit $1, got $TOOL_RC" \
		    "stdout: $(head -c 400 "$E2E_DIR/tool.out")
stderr: $(head -c 400 "$E2E_DIR/tool.err")"
	fi
}

# expect_file_has FILE TEXT DESCRIPTION
expect_file_has() {
	if grep -qF -- "$2" "$1"; then ok "$3"; else
		bad "$3: $1 lacks $2" "$(head -c 600 "$1")"; fi
}

# login_as WHO EMAIL PASSWORD STATUS DESCRIPTION: WHO logs in.
login_as() {
	as "$1"
	get /login
	post /login email="$2" password="$3" csrf="$(form_token)"
	expect_status "$4" "$5"
}

# reset_link: prints the first password reset link of the page.
reset_link() {
	grep -oE 'https?://[^"<> ]+/reset/[A-Za-z0-9_-]{43}' "$E2E_DIR/body" | head -n 1
}

# expect_backup FILE DESCRIPTION: FILE is a sound SQLite database holding
# every account of the suite's database, as one file.
expect_backup() {
	local check users want
	check=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	expect_eq "$check" ok "$2: integrity_check says ok"
	users=$(sqlite3 "$1" 'SELECT group_concat(email, " ") FROM (SELECT email FROM users ORDER BY id)' 2>&1)
	want=$(sql 'SELECT group_concat(email, " ") FROM (SELECT email FROM users ORDER BY id)')
	expect_eq "$users" "$want" "$2: it holds every account"
	expect_eq "$(sqlite3 "$1" 'PRAGMA journal_mode')" delete "$2: it is one file (no WAL)"
}

e2e_setup admin
[ -x "$E2E_ADMIN" ] || e2e_die "the tool $E2E_ADMIN is built" "run make first"
server_start lighttpd

section "the command-line tool beside the running program"
tool -- ; expect_tool 2 "no command is a usage error"
expect_file_has "$E2E_DIR/tool.err" "create-admin" "the usage lists the commands"
tool -- --help; expect_tool 0 "--help"
expect_file_has "$E2E_DIR/tool.out" "reset-password EMAIL" "--help prints the usage"
tool -- frobnicate; expect_tool 2 "an unknown command is a usage error"
tool -- grant boss "$ALICE_EMAIL"; expect_tool 2 "an unknown role is a usage error"
tool -- create-admin not-an-address Somebody; expect_tool 2 "a malformed e-mail is a usage error"
tool -- -d "$E2E_DIR/nothing-here.db" users; expect_tool 1 "a database that is not there"
[ ! -e "$E2E_DIR/nothing-here.db" ] && ok "and the tool did not create it" ||
    bad "and the tool did not create it" "$(ls -la "$E2E_DIR")"
tool -- users; expect_tool 0 "users on an empty instance"
expect_eq "$(wc -l <"$E2E_DIR/tool.out" | tr -d ' ')" 1 "it prints the header only"

signup_org alice "$ALICE_ORG" "Alice Gagnon" "$ALICE_EMAIL" "$ALICE_PW"
ORG=$ORG_ID
signup_org bob "Comité de Bob" "Bob Tremblay" "$BOB_EMAIL" "$BOB_PW"
ALICE_ID=$(sql "SELECT id FROM users WHERE email = '$ALICE_EMAIL'")
BOB_ID=$(sql "SELECT id FROM users WHERE email = '$BOB_EMAIL'")

tool court -- create-admin "$ROOT_EMAIL" "$ROOT_NAME"; expect_tool 1 "a short password is refused"
expect_file_has "$E2E_DIR/tool.err" "at least 8" "and the tool says why"
tool motdepasse -- create-admin "$ROOT_EMAIL" "$ROOT_NAME"; expect_tool 1 "a common password is refused"
expect_eq "$(sql "SELECT count(*) FROM users WHERE email = '$ROOT_EMAIL'")" 0 "refused passwords create no account"
tool "$ROOT_PW" -- create-admin "$ROOT_EMAIL" "$ROOT_NAME"; expect_tool 0 "create-admin with a password on standard input"
ROOT_ID=$(sql "SELECT id FROM users WHERE email = '$ROOT_EMAIL'")
expect_eq "$(sql "SELECT count(*) FROM user_roles WHERE user_id = '$ROOT_ID' AND role = 'admin' AND granted_by IS NULL")" 1 \
    "the first administrator holds the role, granted by the tool"
expect_eq "$(sql "SELECT count(*) FROM memberships WHERE user_id = '$ROOT_ID'")" 0 "and belongs to no organisation"
tool -- create-admin "$ROOT_EMAIL" "$ROOT_NAME"; expect_tool 0 "create-admin again on the same account"
expect_file_has "$E2E_DIR/tool.err" "already had an account" "says the account was there"
tool -- grant trainer "$ALICE_EMAIL"; expect_tool 0 "grant trainer"
expect_eq "$(sql "SELECT role FROM user_roles WHERE user_id = $ALICE_ID")" trainer "Alice is a trainer"
tool -- grant trainer "ALICE@example.org"; expect_tool 0 "grant again, the e-mail in another case"
tool -- grant trainer nobody@example.org; expect_tool 1 "grant to an unknown address"
tool -- revoke admin "$ROOT_EMAIL"; expect_tool 1 "the last administrator cannot be revoked"
expect_file_has "$E2E_DIR/tool.err" "last administrator" "and the tool says why"
expect_eq "$(sql "SELECT count(*) FROM user_roles WHERE role = 'admin'")" 1 "the administrator is still one"

tool -- users; expect_tool 0 "users"
expect_eq "$(grep -c . "$E2E_DIR/tool.out")" 4 "users lists the header and three accounts"
expect_eq "$(awk -F'\t' -v e="$ROOT_EMAIL" '$2 == e { print $3 "|" $4 "|" $5 }' "$E2E_DIR/tool.out")" \
    "$ROOT_NAME|admin|0" "users shows the administrator, its role and no organisation"
expect_eq "$(awk -F'\t' -v e="$ALICE_EMAIL" '$2 == e { print $4 "|" $5 }' "$E2E_DIR/tool.out")" \
    "trainer|1" "users shows Alice as a trainer in one organisation"
case $(awk -F'\t' -v e="$ALICE_EMAIL" '$2 == e { print $7 }' "$E2E_DIR/tool.out") in
[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\ [0-9][0-9]:[0-9][0-9]) ok "users shows when Alice was last seen" ;;
*) bad "users shows when Alice was last seen" "$(cat "$E2E_DIR/tool.out")" ;;
esac
tool -- orgs; expect_tool 0 "orgs"
expect_eq "$(awk -F'\t' -v n="$ALICE_ORG" '$2 == n { print $1 "|" $4 "|" $5 }' "$E2E_DIR/tool.out")" \
    "$ORG|1|0" "orgs shows Alice's organisation with one member and no cohort"
expect_eq "$(grep -c . "$E2E_DIR/tool.out")" 3 "orgs lists the header and two organisations"

section "the administrator on the web"
login_as root "$ROOT_EMAIL" "$ROOT_PW" 303 "the administrator logs in"
get /admin
expect_status 200 "GET /admin"
expect_body '<a href="/admin" aria-current="page">' "the account menu has Administration, current here"
expect_body "$ROOT_EMAIL" "the page lists the administrator"
expect_body "$ALICE_EMAIL" "and Alice"
expect_body "$ALICE_ORG" "and Alice's organisation"
expect_body "action=\"/admin/users/$BOB_ID/roles\"" "Bob has his role forms"
expect_body "action=\"/admin/users/$BOB_ID/reset\"" "and his reset form"
expect_body 'action="/admin/backup"' "the page has the backup button"
post "/admin/users/$BOB_ID/roles" role=trainer grant=1
expect_status 403 "granting without the CSRF token is refused"
get /admin
pairs=$(form_pairs "/admin/users/$BOB_ID/roles" | tr '\0' ' ')
case $pairs in
*role=trainer*grant=1*) ok "Bob's first form makes him a trainer" ;;
*) bad "Bob's first form makes him a trainer" "$pairs" ;;
esac
submit_form "/admin/users/$BOB_ID/roles"
expect_status 303 "the administrator makes Bob a trainer through the page"
expect_location "/admin\\?changed=$BOB_ID" "back to /admin"
expect_eq "$(sql "SELECT granted_by FROM user_roles WHERE user_id = $BOB_ID AND role = 'trainer'")" "$ROOT_ID" \
    "Bob is a trainer, granted by the administrator"
get "/admin?changed=$BOB_ID"
expect_body "Les rôles de Bob Tremblay ont été modifiés." "the page says whose roles changed"
as bob
get /cohorts
expect_status '200|404' "Bob now passes the trainer's door of /cohorts"
as root
get /admin
CSRF_ROOT=$(csrf_token)
post "/admin/users/$BOB_ID/roles" role=trainer grant=0 csrf="$CSRF_ROOT"
expect_status 303 "the administrator removes Bob's trainer role"
expect_eq "$(sql "SELECT count(*) FROM user_roles WHERE user_id = $BOB_ID")" 0 "Bob holds no role"
post "/admin/users/$BOB_ID/roles" role=boss grant=1 csrf="$CSRF_ROOT"
expect_status 400 "an unknown role is refused"
post "/admin/users/$BOB_ID/roles" role=admin grant=2 csrf="$CSRF_ROOT"
expect_status 400 "a grant that is neither 0 nor 1 is refused"
post "/admin/users/999999/roles" role=trainer grant=1 csrf="$CSRF_ROOT"
expect_status 404 "an unknown account is 404"
post "/admin/users/999999/reset" csrf="$CSRF_ROOT"
expect_status 404 "a reset link for an unknown account is 404"
expect_eq "$(sql 'SELECT count(*) FROM password_resets')" 0 "and makes no link"
post "/admin/users/$ROOT_ID/roles" role=admin grant=0 csrf="$CSRF_ROOT"
expect_status 409 "the last administrator cannot remove their own role"
expect_body "au moins une personne" "the page says why"
expect_body "$ALICE_EMAIL" "and still lists the accounts"
expect_eq "$(sql "SELECT count(*) FROM user_roles WHERE user_id = $ROOT_ID AND role = 'admin'")" 1 "the administrator still is one"

section "a second administrator, who then steps down"
post "/admin/users/$BOB_ID/roles" role=admin grant=1 csrf="$CSRF_ROOT"
expect_status 303 "the administrator makes Bob an administrator"
as bob
get /admin
expect_status 200 "Bob now reads /admin"
post "/admin/users/$BOB_ID/roles" role=admin grant=0 csrf="$(csrf_token)"
expect_status 303 "Bob removes his own administrator role (another remains)"
expect_location "/o/[0-9]+/" "and goes back to his plan, not to a page he may no longer read"
get /admin
expect_status 403 "Bob no longer reads /admin"

section "whoever is not an administrator"
as alice
get /admin
expect_status 403 "a trainer gets 403 on /admin"
get "/o/$ORG/"
CSRF_ALICE=$(csrf_token)
post "/admin/users/$ALICE_ID/roles" role=admin grant=1 csrf="$CSRF_ALICE"
expect_status 403 "a non-administrator cannot grant a role, even to herself"
post "/admin/users/$ROOT_ID/roles" role=admin grant=0 csrf="$CSRF_ALICE"
expect_status 403 "nor remove one"
post "/admin/users/$ROOT_ID/reset" csrf="$CSRF_ALICE"
expect_status 403 "nor make a reset link"
post /admin/backup csrf="$CSRF_ALICE"
expect_status 403 "nor download a backup"
expect_no_body 'SQLite format' "and gets no database"
expect_eq "$(sql "SELECT count(*) FROM user_roles WHERE user_id = $ALICE_ID AND role = 'admin'")" 0 "Alice is no administrator"
expect_eq "$(sql 'SELECT count(*) FROM password_resets')" 0 "no reset link was made"
as visitor
get /admin
expect_status 302 "a visitor is sent to log in"
expect_location "/login\\?next=/admin" "with the page to come back to"
post /admin/backup csrf="$(form_token)"
expect_status 303 "a visitor's backup request goes to the login page"

section "a password reset link"
login_as alice2 "$ALICE_EMAIL" "$ALICE_PW" 303 "Alice logs in a second time, elsewhere"
as root
get /admin
post "/admin/users/$ALICE_ID/reset" csrf="$(csrf_token)"
expect_status 200 "the administrator makes a reset link for Alice"
LINK=$(reset_link)
TOKEN=${LINK##*/}
case $LINK in
"$RESEAUTER_BASE_URL"/reset/*) ok "the page shows the link, starting with RESEAUTER_BASE_URL" ;;
*) bad "the page shows the link, starting with RESEAUTER_BASE_URL" "$(what_came)"; TOKEN=$FORGED_TOKEN ;;
esac
expect_body_re "<input[^>]*readonly[^>]*value=\"$LINK\"" "the link is in a field to copy"
expect_body "$ALICE_EMAIL" "the page names the account"
expect_body "en privé" "and says to give it privately"
get /admin
expect_no_body "$TOKEN" "the link is shown only once"
expect_eq "$(sql "SELECT count(*) FROM password_resets WHERE instr(token_hash, '$TOKEN') > 0")" 0 "the database holds no token"
expect_eq "$(sql "SELECT created_by FROM password_resets")" "$ROOT_ID" "the link says who made it"

as visitor
get "/reset/$TOKEN"
expect_status 200 "the link opens the form"
expect_input password "it asks for the new password"
expect_input confirm "and for it again"
expect_body "$ALICE_EMAIL" "it names the account"
post "/reset/$TOKEN" password=court confirm=court csrf="$(form_token)"
expect_status 422 "a short password is refused"
expect_body 'id="e-password"' "with the message next to the field"
expect_no_body 'value="court"' "and the password is not sent back"
post "/reset/$TOKEN" password=motdepasse confirm=motdepasse csrf="$(form_token)"
expect_status 422 "a common password is refused"
post "/reset/$TOKEN" password="$NEW_PW" confirm="${NEW_PW}x" csrf="$(form_token)"
expect_status 422 "two different passwords are refused"
expect_body 'id="e-confirm"' "with the message next to the second field"
expect_no_body "$NEW_PW" "and neither password is sent back"
post "/reset/$TOKEN" password="$NEW_PW" confirm="$NEW_PW"
expect_status 403 "the form without its CSRF token is refused"
expect_eq "$(sql "SELECT count(*) FROM password_resets WHERE used_at IS NULL")" 1 "the refused forms left the link unused"
as alice
get "/o/$ORG/"
expect_status 200 "Alice's session works before the reset"
as visitor
get "/reset/$TOKEN"
post "/reset/$TOKEN" password="$NEW_PW" confirm="$NEW_PW" csrf="$(form_token)"
expect_status 303 "the new password is saved"
expect_location "/o/$ORG/" "and the person lands on her plan"
expect_session_cookie "with a new session"
get "/o/$ORG/"
expect_status 200 "logged in as Alice"
as alice
get "/o/$ORG/"
expect_status 302 "Alice's old session is over"
as alice2
get "/o/$ORG/"
expect_status 302 "and so is her other one"
as visitor2
get "/reset/$TOKEN"
expect_status 410 "the link does not work twice"
expect_body "administre le site" "the page says to ask an administrator"
get /login
post "/reset/$TOKEN" password="Encore-un-autre-2026" confirm="Encore-un-autre-2026" csrf="$(form_token)"
expect_status 410 "nor can it be posted again"
login_as alice3 "$ALICE_EMAIL" "$ALICE_PW" 422 "the old password no longer logs in"
login_as alice3 "$ALICE_EMAIL" "$NEW_PW" 303 "the new one does"
as visitor2
get "/reset/$FORGED_TOKEN"
expect_status 404 "a made-up token is 404"
get "/reset/abc"
expect_status 404 "a short one too"

section "reset links from the tool"
tool -- reset-password "$BOB_EMAIL"; expect_tool 0 "reset-password"
LINK=$(head -n 1 "$E2E_DIR/tool.out")
case $LINK in
"$RESEAUTER_BASE_URL"/reset/*) ok "the tool prints RESEAUTER_BASE_URL/reset/<token>" ;;
*) bad "the tool prints RESEAUTER_BASE_URL/reset/<token>" "$LINK" ;;
esac
T1=${LINK##*/}
as visitor3
get "/reset/$T1"
expect_status 200 "the tool's link opens the form"
expect_eq "$(sql "SELECT count(*) FROM password_resets WHERE user_id = $BOB_ID AND created_by IS NULL")" 1 "made by the tool"
tool -- reset-password "$BOB_EMAIL"; expect_tool 0 "reset-password again"
T2=$(head -n 1 "$E2E_DIR/tool.out"); T2=${T2##*/}
get "/reset/$T1"
expect_status 410 "a newer link replaces the older one"
get "/reset/$T2"
expect_status 200 "the newer one works"
sql "UPDATE password_resets SET created_at = strftime('%s','now') - 100000,
     expires_at = strftime('%s','now') - 10 WHERE used_at IS NULL"
get "/reset/$T2"
expect_status 410 "an expired link is gone"
tool -- reset-password nobody@example.org; expect_tool 1 "reset-password for an unknown address"
tool -- create-admin --reset-link carol@example.org "Carol Roy"; expect_tool 0 "create-admin --reset-link"
T3=$(head -n 1 "$E2E_DIR/tool.out"); T3=${T3##*/}
as carol
get "/reset/$T3"
expect_status 200 "the new administrator's link opens the form"
post "/reset/$T3" password="Mouette-de-Tadoussac-3" confirm="Mouette-de-Tadoussac-3" csrf="$(form_token)"
expect_status 303 "she chooses her password"
get /admin
expect_status 200 "and reads /admin"

section "backups"
tool -- backup "$E2E_DIR/tool-backup.sqlite"; expect_tool 0 "backup FILE"
expect_backup "$E2E_DIR/tool-backup.sqlite" "the tool's backup"
tool -- backup "$E2E_DIR/no/such/dir/x.sqlite"; expect_tool 1 "a backup into a missing directory fails"
as root
get /admin
post /admin/backup csrf="$(csrf_token)"
expect_status 200 "the administrator downloads a backup"
expect_header Content-Type '^application/vnd\.sqlite3$' "as application/vnd.sqlite3"
expect_header Content-Disposition "^attachment; filename=\"reseauter-$(date +%Y-%m-%d)\\.sqlite\"$" \
    "named reseauter-YYYY-MM-DD.sqlite"
cp "$E2E_DIR/body" "$E2E_DIR/web-backup.sqlite"
expect_backup "$E2E_DIR/web-backup.sqlite" "the page's backup"
left=$(find "$E2E_DIR" -maxdepth 1 \( -name '*reseauter-download*' -o -name '.*.sqlite.??????' \) | head -n 3)
expect_eq "$left" "" "no temporary file is left beside the database"

# Another connection holds a write transaction with a row not yet
# committed; the backup is made meanwhile, then the row is committed.
# The files "held" and "go" make the order certain, whatever the timing.
cat >"$E2E_DIR/hold.sh" <<EOF
touch "$E2E_DIR/held"
i=0
while [ ! -e "$E2E_DIR/go" ] && [ \$i -lt 600 ]; do sleep 0.1; i=\$((i + 1)); done
EOF
(printf '%s\n' "BEGIN IMMEDIATE;" \
    "INSERT INTO users (email, name, pwhash, created_at) VALUES ('late@example.org', 'Late', '\$argon2id\$x', 1);" \
    ".shell sh $E2E_DIR/hold.sh" \
    "COMMIT;" | sqlite3 -cmd '.timeout 5000' "$RESEAUTER_DB" >"$E2E_DIR/writer.log" 2>&1) &
WRITER=$!
for i in $(seq 1 300); do [ -e "$E2E_DIR/held" ] && break; sleep 0.1; done
[ -e "$E2E_DIR/held" ] && ok "another connection holds a write transaction" ||
    bad "another connection holds a write transaction" "$(cat "$E2E_DIR/writer.log")"
get /admin
post /admin/backup csrf="$(csrf_token)"
expect_status 200 "a backup is downloaded while it does"
cp "$E2E_DIR/body" "$E2E_DIR/during.sqlite"
touch "$E2E_DIR/go"
wait "$WRITER"
expect_eq "$(sqlite3 "$E2E_DIR/during.sqlite" 'PRAGMA integrity_check')" ok "that backup is sound"
expect_eq "$(sqlite3 "$E2E_DIR/during.sqlite" "SELECT count(*) FROM users WHERE email = 'late@example.org'")" 0 \
    "and holds nothing of the unfinished transaction"
expect_eq "$(sql "SELECT count(*) FROM users WHERE email = 'late@example.org'")" 1 "which then commits"
expect_eq "$(sqlite3 "$E2E_DIR/during.sqlite" "SELECT count(*) FROM users WHERE email = '$ROOT_EMAIL'")" 1 \
    "the backup holds the committed accounts"

e2e_finish
