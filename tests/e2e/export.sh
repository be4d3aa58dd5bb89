#!/usr/bin/env bash
# The plan as files, behind lighttpd (conf/lighttpd.conf, as
# tests/e2e/lighttpd.sh starts it): the plan file (JSON) and the calendar
# (iCalendar) are downloaded with the right headers and names; an owner
# imports a plan file, confirms, and gets byte for byte the plan of the
# file back; broken, cut, oversized, other-version and foreign files are
# refused with 422 and a reason, and change nothing; a file read but not
# confirmed changes nothing; a plain member cannot import; a person starts
# a new organisation from a file.  Uploads are multipart/form-data, as a
# browser sends them.  Prints "N passed, N failed" last.
here=$(dirname "$0")
. "$here/lib.sh"

ORG_NAME="Comité d'été"
ALICE_EMAIL=alice@example.org
ALICE_PW='Hirondelle-du-canal-42'
BOB_EMAIL=bob@example.org
BOB_PW='Castor-des-berges-17'
MISSION='Offrir aux familles un lieu « ouvert à tous », avec "guillemets" \ et émoji 🎉'
MEANS='Bénévoles : 12
Budget annuel : 40 000 $'
BOUNDARY=----reseauterE2Eb0undaryZx81

# The security headers of lib.sh, but an answer under /s/ (a share link)
# has Referrer-Policy: no-referrer instead of same-origin, as share.c
# sends it so that the token in the URL goes nowhere.
check_security_headers() {
	local csp miss= want=same-origin
	E2E_RESPONSES=$((E2E_RESPONSES + 1))
	csp=$(header Content-Security-Policy)
	case $csp in *"default-src 'self'"*) ;; *) miss="$miss default-src" ;; esac
	case $csp in *"object-src 'none'"*) ;; *) miss="$miss object-src" ;; esac
	case $csp in *"base-uri 'none'"*) ;; *) miss="$miss base-uri" ;; esac
	case $csp in *"frame-ancestors 'none'"*) ;; *) miss="$miss frame-ancestors" ;; esac
	[ "$(header X-Content-Type-Options)" = nosniff ] || miss="$miss nosniff"
	case ${E2E_LAST#* } in /s/* | /invite/* | /reset/* | /join/?*) want=no-referrer ;; esac
	[ "$(header Referrer-Policy)" = "$want" ] || miss="$miss Referrer-Policy:$want"
	[ -z "$miss" ] || echo "${E2E_LAST%%\?*} ($STATUS): missing$miss" >>"$E2E_DIR/header-problems"
}

# multipart OUT FIELD...: writes to OUT the multipart/form-data body of the
# fields, in order: "name=value" a plain field, "name<path" a plain field
# holding the file's bytes, "name@path" a file upload (named as the file).
multipart() {
	local out=$1 f name path
	shift
	: >"$out"
	for f in "$@"; do
		name=${f%%[=<@]*}
		case ${f:${#name}:1} in
		@)
			path=${f#*@}
			printf -- '--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\nContent-Type: application/json\r\n\r\n' \
			    "$BOUNDARY" "$name" "$(basename "$path")" >>"$out"
			cat "$path" >>"$out" ;;
		'<')
			printf -- '--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n' \
			    "$BOUNDARY" "$name" >>"$out"
			cat "${f#*<}" >>"$out" ;;
		*)
			printf -- '--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s' \
			    "$BOUNDARY" "$name" "${f#*=}" >>"$out" ;;
		esac
		printf '\r\n' >>"$out"
	done
	printf -- '--%s--\r\n' "$BOUNDARY" >>"$out"
}

# post_multipart PATH FIELD...: a multipart POST as the current user.
post_multipart() {
	local path=$1
	shift
	multipart "$E2E_DIR/request" "$@"
	req POST "$path" "$E2E_DIR/request" "multipart/form-data; boundary=$BOUNDARY"
}


# save NAME: keeps the body of the last answer as $E2E_DIR/NAME.
save() {
	cp "$E2E_DIR/body" "$E2E_DIR/$1"
}

# expect_same FILE1 FILE2 DESCRIPTION: the two files are byte for byte equal.
expect_same() {
	if cmp -s "$1" "$2"; then
		ok "$3"
	else
		bad "$3" "$(diff "$1" "$2" | head -n 20)"
	fi
}

# versions: prints the version of each section, from the history pages'
# forms (the hidden "version" of each section's form), on one line.
versions() {
	local s out=
	for s in start accounts mission objectives story tone audiences platforms resources practices posts team evaluation events; do
		get "/o/$ORG/$s"
		out="$out $s=$(input_value version)"
	done
	printf '%s' "$out"
}

# expect_unchanged DESCRIPTION: the plan file and every version are as
# they were at the last `remember`.
remember() {
	get "/o/$ORG/plan.json"
	save before.json
	BEFORE_VERSIONS=$(versions)
}
expect_unchanged() {
	get "/o/$ORG/plan.json"
	expect_same "$E2E_DIR/before.json" "$E2E_DIR/body" "$1: the plan is unchanged"
	expect_eq "$(versions)" "$BEFORE_VERSIONS" "$1: no section got a new version"
}

# hidden_plan OUT: writes to OUT the hidden "plan" field of the page, its
# HTML entities decoded, as a browser would send it.
hidden_plan() {
	perl -0777 -ne '
	    if (/<input[^>]*name="plan"[^>]*value="([^"]*)"/s) {
	        my $v = $1;
	        $v =~ s/&#(\d+);/chr($1)/ge;
	        $v =~ s/&#x([0-9a-fA-F]+);/chr(hex($1))/ge;
	        $v =~ s/&quot;/"/g; $v =~ s/&lt;/</g; $v =~ s/&gt;/>/g;
	        $v =~ s/&apos;/\x27/g; $v =~ s/&amp;/&/g;
	        print $v;
	    }' <"$E2E_DIR/body" >"$1"
}

e2e_setup export
server_start lighttpd

section "an organisation with a plan"
as alice
get /signup
post /signup org_name="$ORG_NAME" name="Alice Gagnon" email="$ALICE_EMAIL" \
    password="$ALICE_PW" csrf="$(cookie rt_csrf)"
expect_status 303 "Alice signs up for $ORG_NAME"
ORG=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
[ -n "$ORG" ] || e2e_die "sign-up gives an organisation" "$(what_came)"
get "/o/$ORG/"
TOK=$(csrf_token)
post "/o/$ORG/mission" mission="$MISSION" means="$MEANS" strategy=Montrer version=0 csrf="$TOK"
expect_status 303 "the mission is saved"
post "/o/$ORG/objectives" objective-1-id= objective-1-text="Recruter 10 bénévoles" \
    objective-1-kind=volunteers objective-1-target=10 objective-1-due=2026-03-15 \
    version=0 csrf="$TOK"
expect_status 303 "an objective is saved"
post "/o/$ORG/platforms" platform-1-id=facebook platform-1-chosen=1 platform-1-posts=3 \
    platform-2-id=instagram platform-2-chosen=1 platform-2-posts=1 version=0 csrf="$TOK"
expect_status 303 "two platforms are chosen"
post "/o/$ORG/events" event-1-id= event-1-name="Assemblée générale" event-1-date=2026-05-20 \
    event-1-platforms=facebook version=0 csrf="$TOK"
expect_status 303 "an event is saved"

section "downloads"
get "/o/$ORG/plan.json"
expect_status 200 "GET plan.json"
expect_header Content-Type '^application/json; charset=utf-8$' "the plan file is JSON in UTF-8"
TODAY=$(date +%Y-%m-%d)
expect_header Content-Disposition "^attachment; filename=\"plan-Comite-d-ete-$TODAY\\.json\"; filename\\*=UTF-8''plan-Comit%C3%A9-d-%C3%A9t%C3%A9-$TODAY\\.json\$" \
    "the file is named plan-Comite-d-ete-<date>.json, and in UTF-8 with filename*"
if header Content-Disposition | LC_ALL=C grep -q '[^ -~]'; then
	bad "the Content-Disposition header is ASCII only" "$(header Content-Disposition)"
else
	ok "the Content-Disposition header is ASCII only"
fi
expect_body '"format": "reseauter-plan"' "the file says its format"
expect_body '"version": 1' "the file says its version"
expect_body "\"organisation\": \"$ORG_NAME\"" "the file names the organisation"
expect_body 'avec \"guillemets\" \\ et émoji 🎉' "the mission is in the file, escaped as JSON wants"
expect_no_body 'Alice Gagnon' "the file names nobody"
expect_no_body "$ALICE_EMAIL" "the file holds no e-mail"
save export1.json
get "/o/$ORG/plan.json"
expect_same "$E2E_DIR/export1.json" "$E2E_DIR/body" "two downloads give the same bytes"
req HEAD "/o/$ORG/plan.json"
expect_status 200 "HEAD plan.json"

get "/o/$ORG/plan.ics"
expect_status 200 "GET plan.ics"
expect_header Content-Type '^text/calendar; charset=utf-8$' "the calendar is text/calendar in UTF-8"
expect_header Content-Disposition "filename=\"plan-Comite-d-ete-$TODAY\\.ics\"" "the calendar is named .ics"
expect_body "$(printf 'BEGIN:VCALENDAR\r')" "the calendar begins with BEGIN:VCALENDAR and CRLF"
expect_body 'DTSTART;VALUE=DATE:20260315' "the objective's date is in the calendar"
expect_body 'DTSTART;VALUE=DATE:20260520' "the event's date is in the calendar"
expect_body 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR' "3 posts a week on Facebook: Monday, Wednesday, Friday"
expect_body 'RRULE:FREQ=WEEKLY;BYDAY=WE' "1 post a week on Instagram: Wednesday"
n=$(LC_ALL=C awk '{ sub(/\r$/, ""); if (length($0) > 75) n++ } END { print n + 0 }' "$E2E_DIR/body")
expect_eq "$n" 0 "no line of the calendar is longer than 75 octets"
n=$(LC_ALL=C grep -c $'[^\r]$' "$E2E_DIR/body")
expect_eq "$n" 0 "every line of the calendar ends with CRLF"
expect_eq "$(grep -c '^BEGIN:VEVENT' "$E2E_DIR/body")" "$(grep -c '^END:VEVENT' "$E2E_DIR/body")" \
    "BEGIN:VEVENT and END:VEVENT pair up"
expect_eq "$(grep -c '^BEGIN:VEVENT' "$E2E_DIR/body")" 4 "one objective, one event, two platforms: 4 events"

section "import: refused files change nothing"
get "/o/$ORG/"
expect_body "/o/$ORG/import" "the overview links to the export and import page for an owner"
expect_body "/o/$ORG/plan.json" "the overview links to the plan file"
get "/o/$ORG/import"
expect_status 200 "GET import shows the page"
expect_body_re '<form[^>]*enctype="multipart/form-data"' "the import form uploads a file"
expect_body "/o/$ORG/plan.ics" "the import page links to the calendar"
TOK=$(csrf_token)
remember

printf '{ "format": "reseauter-plan", "version": 1, oops }' >"$E2E_DIR/broken.json"
post_multipart "/o/$ORG/import" csrf="$TOK" file@"$E2E_DIR/broken.json"
expect_status 422 "a broken file is refused"
expect_body 'not a JSON file (line 1, column' "the reason gives the line and column"
expect_body 'role="alert"' "the refusal is announced"
head -c 700 "$E2E_DIR/export1.json" >"$E2E_DIR/truncated.json"
post_multipart "/o/$ORG/import" csrf="$TOK" file@"$E2E_DIR/truncated.json"
expect_status 422 "a truncated file is refused"
expect_body 'not a JSON file' "the truncated file is said not to be JSON"
{ cat "$E2E_DIR/export1.json"; head -c $((1024 * 1024)) /dev/zero | tr '\0' ' '; } >"$E2E_DIR/big.json"
post_multipart "/o/$ORG/import" csrf="$TOK" file@"$E2E_DIR/big.json"
expect_status 422 "a file over 1 MiB is refused"
expect_body 'larger than 1 MiB' "the reason says the file is too large"
sed -e 's/^  "version": 1,$/  "version": 2,/' "$E2E_DIR/export1.json" >"$E2E_DIR/v2.json"
post_multipart "/o/$ORG/import" csrf="$TOK" file@"$E2E_DIR/v2.json"
expect_status 422 "a file of format version 2 is refused"
expect_body 'newer version of reseauter (format version 2' "the reason says the file is from a newer version"
sed -e 's/^  "version": 1,$/  "version": 0,/' "$E2E_DIR/export1.json" >"$E2E_DIR/v0.json"
post_multipart "/o/$ORG/import" csrf="$TOK" file@"$E2E_DIR/v0.json"
expect_status 422 "a file of format version 0 is refused"
expect_body 'older format version (0)' "the reason says the file is from an older version"
printf '{"name": "my-todo-app", "version": 1, "items": [{"title": "x"}]}\n' >"$E2E_DIR/foreign.json"
post_multipart "/o/$ORG/import" csrf="$TOK" file@"$E2E_DIR/foreign.json"
expect_status 422 "another application's JSON is refused"
expect_body 'not a reseauter plan' "the reason says it is not a reseauter plan"
sed -e 's/"pitch_short": ""/"pitch_short": "'"$(head -c 300 /dev/zero | tr '\0' x)"'"/' \
    "$E2E_DIR/export1.json" >"$E2E_DIR/long.json"
post_multipart "/o/$ORG/import" csrf="$TOK" file@"$E2E_DIR/long.json"
expect_status 422 "a file with a value too long is refused"
expect_body 'section &quot;story&quot;, field &quot;pitch_short&quot;: longer than 280 characters' \
    "the reason names the section and the field"
multipart "$E2E_DIR/request" csrf="$TOK" file=
sed -i -e 's/name="file"/name="file"; filename=""/' "$E2E_DIR/request"
req POST "/o/$ORG/import" "$E2E_DIR/request" "multipart/form-data; boundary=$BOUNDARY"
expect_status 422 "no file chosen is refused"
post "/o/$ORG/import" csrf="$TOK"
expect_status 422 "an urlencoded form without a file is refused"
post_multipart "/o/$ORG/import" file@"$E2E_DIR/export1.json"
expect_status 403 "an upload without csrf is refused"
post_multipart "/o/$ORG/import" csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA file@"$E2E_DIR/export1.json"
expect_status 403 "an upload with a wrong csrf is refused"
printf -- '--%s\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n%s\r\n--%s\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\n\r\n{}' \
    "$BOUNDARY" "$TOK" "$BOUNDARY" >"$E2E_DIR/request"
req POST "/o/$ORG/import" "$E2E_DIR/request" "multipart/form-data; boundary=$BOUNDARY"
expect_status 400 "a multipart body without its final boundary is refused"
post_multipart "/o/$ORG/mission" csrf="$TOK" mission=x means=y strategy=z version=1
expect_status 415 "other forms stay urlencoded only (415 for multipart)"
post_multipart "/o/$ORG/import/confirm" csrf="$TOK" plan\<"$E2E_DIR/foreign.json"
expect_status 422 "a confirmation with a foreign file is refused"
expect_unchanged "after the refused files"

section "import: read, then confirm"
sed -e 's/Recruter 10 bénévoles/Recruter 12 bénévoles « importés »/' "$E2E_DIR/export1.json" >"$E2E_DIR/edited.json"
post_multipart "/o/$ORG/import" csrf="$TOK" file@"$E2E_DIR/edited.json"
expect_status 200 "a good file shows the confirmation"
expect_body 'sera remplacé par celui de ce fichier' "the confirmation says (in French) that the plan will be replaced"
expect_body 'chaque section garde sa version précédente dans son historique' \
    "the confirmation says each section keeps its previous version in its history"
expect_body 'edited.json' "the confirmation names the file"
expect_body_re '<form[^>]*action="/o/'"$ORG"'/import/confirm"' "the confirmation posts to import/confirm"
hidden_plan "$E2E_DIR/carried.json"
expect_same "$E2E_DIR/edited.json" "$E2E_DIR/carried.json" "the file is carried in the hidden field"
expect_unchanged "a file read but not confirmed"

post_multipart "/o/$ORG/import/confirm" csrf="$TOK" plan\<"$E2E_DIR/carried.json"
expect_status 303 "confirming replaces the plan"
expect_location "/o/$ORG/import\\?imported=1" "confirming leads back to the import page"
get "$(location)"
expect_body 'Le plan a été remplacé par celui du fichier' "the page says the plan was replaced"
get "/o/$ORG/plan.json"
expect_same "$E2E_DIR/edited.json" "$E2E_DIR/body" "the plan file is now exactly the imported file"
get "/o/$ORG/mission"
expect_eq "$(input_value version)" 2 "the mission is at version 2"
get "/o/$ORG/objectives/history"
expect_body "/o/$ORG/objectives/history/1" "the objectives' previous version is in their history"
get "/o/$ORG/objectives/history/1"
expect_body 'Recruter 10 bénévoles' "the previous version reads as it was"
get "/o/$ORG/events"
expect_eq "$(input_value version)" 2 "every section got a new version (events at 2)"
get "/o/$ORG/start"
expect_eq "$(input_value version)" 1 "a section never saved is at version 1"

# The first download imported again: export, import, export gives the same bytes.
post_multipart "/o/$ORG/import" csrf="$TOK" file@"$E2E_DIR/export1.json"
expect_status 200 "the first download reads"
hidden_plan "$E2E_DIR/carried1.json"
post_multipart "/o/$ORG/import/confirm" csrf="$TOK" plan\<"$E2E_DIR/carried1.json"
expect_status 303 "the first download is imported"
get "/o/$ORG/plan.json"
expect_same "$E2E_DIR/export1.json" "$E2E_DIR/body" "export, import, export: byte for byte the same"
# A file with CRLF line ends, as a form may send it, reads the same.
sed -e 's/$/\r/' "$E2E_DIR/export1.json" >"$E2E_DIR/crlf.json"
post_multipart "/o/$ORG/import/confirm" csrf="$TOK" plan\<"$E2E_DIR/crlf.json"
expect_status 303 "a file with CRLF line ends is imported"
get "/o/$ORG/plan.json"
expect_same "$E2E_DIR/export1.json" "$E2E_DIR/body" "the CRLF file gives the same plan"

section "a plain member cannot import"
get "/o/$ORG/members"
post "/o/$ORG/members/invite" csrf="$(csrf_token)"
INVITE=$(grep -oE '/invite/[A-Za-z0-9_-]{43}' "$E2E_DIR/body" | head -n 1)
[ -n "$INVITE" ] || bad "an invitation link is made" "$(what_came)"
as bob
get "$INVITE"
post "$INVITE" name="Bob Tremblay" email="$BOB_EMAIL" password="$BOB_PW" csrf="$(form_token)"
expect_status 303 "Bob joins as a member"
get "/o/$ORG/"
BTOK=$(csrf_token)
expect_no_body "/o/$ORG/import\"" "the overview shows no import link to a member"
get "/o/$ORG/plan.json"
expect_status 200 "a member downloads the plan file"
get "/o/$ORG/plan.ics"
expect_status 200 "a member downloads the calendar"
as alice
remember
as bob
get "/o/$ORG/import"
expect_status 403 "a member may not open the import page"
post_multipart "/o/$ORG/import" csrf="$BTOK" file@"$E2E_DIR/edited.json"
expect_status 403 "a member may not upload a plan file"
post_multipart "/o/$ORG/import/confirm" csrf="$BTOK" plan\<"$E2E_DIR/edited.json"
expect_status 403 "a member may not confirm an import"
as alice
expect_unchanged "after the member's attempts"
as visitor
get "/o/$ORG/plan.json"
expect_status '302|303' "a visitor is sent to log in for the plan file"
get /s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/plan.json
expect_status 404 "a share link that never existed gives no plan file"

section "a new organisation from a file"
as alice
get /orgs
expect_body 'href="/orgs/new"' "the organisations page links to /orgs/new"
get /orgs/new
expect_status 200 "GET /orgs/new shows the form"
expect_body_re '<form[^>]*enctype="multipart/form-data"' "the form can upload a file"
TOK=$(csrf_token)
get /orgs
ORGS_BEFORE=$(grep -c 'href="/o/' "$E2E_DIR/body")
post_multipart /orgs/new csrf="$TOK" name="Copie d'été" file@"$E2E_DIR/v2.json"
expect_status 422 "a new organisation from a refused file is refused"
expect_body 'newer version of reseauter' "the reason is given"
expect_eq "$(input_value name)" "Copie d&#39;été" "the name typed is kept"
post_multipart /orgs/new csrf="$TOK" name= file@"$E2E_DIR/export1.json"
expect_status 422 "a new organisation without a name is refused"
get /orgs
expect_eq "$(grep -c 'href="/o/' "$E2E_DIR/body")" "$ORGS_BEFORE" "the refused forms created nothing"
post_multipart /orgs/new csrf="$TOK" name="Copie d'été" file@"$E2E_DIR/export1.json"
expect_status 303 "a new organisation from the file"
NEW=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
[ -n "$NEW" ] && [ "$NEW" != "$ORG" ] && ok "it is another organisation ($NEW)" ||
    bad "it is another organisation" "$(what_came)"
get "/o/$NEW/members"
expect_body 'Alice Gagnon' "Alice is a member of it"
get "/o/$NEW/"
expect_body "/o/$NEW/import" "Alice owns it (the import link shows)"
get "/o/$NEW/plan.json"
sed -e "s/\"organisation\": \"$ORG_NAME\"/\"organisation\": \"Copie d'été\"/" "$E2E_DIR/export1.json" >"$E2E_DIR/copy.json"
expect_same "$E2E_DIR/copy.json" "$E2E_DIR/body" "its plan is the file's"
expect_header Content-Disposition "filename=\"plan-Copie-d-ete-$TODAY\\.json\"" "its file name follows its own name"
post "/orgs/new" csrf="$TOK" name="Vide"
expect_status 303 "a new empty organisation (urlencoded, no file)"
as bob
get "/o/$NEW/plan.json"
expect_status 404 "Bob does not see Alice's new organisation"

e2e_finish
