#!/usr/bin/env bash
# tests/e2e/summary.sh: the strategy summary as a document, behind
# lighttpd: the page /o/<id>/summary and its two downloads, summary.md
# (Markdown) and summary.html (one file, its stylesheet inside), also
# through a share link.
#
# A whole plan is filled through HTTP, as a person would with the forms;
# then each of the three must hold every section's content, escape what
# was typed (an XSS payload in a persona's name, Markdown syntax in a
# persona's words), show no heading over nothing (an empty plan, and the
# optional event campaigns left empty), and come with the right
# Content-Type and Content-Disposition.  Prints "N passed, N failed" last.
here=$(dirname "$0")
. "$here/lib.sh"

# The security headers of lib.sh, but an answer under /s/ (a share link)
# has Referrer-Policy: no-referrer instead of same-origin, as share.c
# sends it so that the token in the address goes nowhere.
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

EMAIL=organisatrice@example.org
PW='Martin-pecheur-du-fleuve-61'
ORG_NAME='Comité logement « Centre-Sud » & voisins'
XSS_NAME='<script>alert("persona")</script>Rosa, la voisine'
XSS_NAME_HTML='&lt;script&gt;alert(&quot;persona&quot;)&lt;/script&gt;Rosa, la voisine'
MD_TRAP='Ses mots : « mon proprio veut me sortir »
# Titre piégé
[cliquez ici](javascript:alert(1)) et *pas* de _gras_ ni `code`
1. pas une liste
<img src=x onerror=alert(2)>'

# What the plan says, one value per section at least, all checked on the
# three renderings.  No ' " & < > here: those are checked apart.
WEBSITE='https://www.comite-centre-sud.example'
NEWSLETTER='Une infolettre mensuelle à nos 300 membres'
PEOPLE='Julie, coordonnatrice, deux heures par semaine'
HANDLE='facebook.com/comitecentresud'
HOLDER='Julie Tremblay'
MISSION='Défendre le droit au logement des locataires du Centre-Sud.'
MEANS_1='Des cliniques d’information chaque mardi'
MEANS_2='Des assemblées de cuisine deux fois par saison'
STRATEGY='Rejoindre les locataires qui ne nous connaissent pas encore.'
OBJ1='Recruter dix bénévoles pour les cliniques d’automne'
OBJ1_IND='Bénévoles inscrits après une publication'
OBJ1_TARGET='10 bénévoles'
OBJ2='Remplir la salle de l’assemblée générale de mars'
PITCH='Le Comité aide les locataires du Centre-Sud à connaître et défendre leurs droits, gratuitement.'
PITCH_LONG='Depuis 1992, nous accompagnons les locataires du quartier.'
PROBLEM='Les loyers montent plus vite que les revenus.'
VALUE='Solidarité'
VALUE_EX='Personne ne se présente seul au Tribunal.'
ADJ1='chaleureux'
ADJ2='tenace'
SAMPLE='Votre proprio veut hausser le loyer? Vous pouvez refuser.'
PERSONA2='Mélanie, la militante'
CARES='Garder son logement et rencontrer du monde'
OTHER_GROUPS='Les élus municipaux'
PURPOSE_FB='Annoncer les cliniques et répondre aux questions en message.'
PURPOSE_IG='Montrer les coulisses des assemblées en photos.'
CONTENT_KINDS='Les articles de notre regroupement régional, deux fois par semaine.'
# The separator of digit groups in French (lib/i18n.c, i18n_format_int).
NBSP=$'\xc2\xa0'
PRACTICE_HOW='Une bonne photo à chaque activité, avec le consentement des gens.'
POST1_1='Votre proprio veut hausser le loyer?'
POST1_2='Venez à la clinique mardi soir, on vous explique tout.'
POST1_TAGS='#logement #droitdeslocataires'
POST2='Merci aux 40 bénévoles de samedi!'
POST2_IMAGE='Photo de groupe des bénévoles devant le local, tout sourire.'
RESPONSIBLE='Julie, organisatrice communautaire'
BACKUP='Ahmed, trésorier du conseil'
WHO_POSTS='L’équipe et deux bénévoles formés.'
CRISIS='La coordonnatrice, puis la présidente'
MEASURED='Quatorze bénévoles inscrits, dont six grâce à Facebook.'
NEXT_STEP='Publier deux fois par semaine sur Facebook.'
EVENT='Assemblée générale des locataires'
EVENT_BEFORE='Trois publications dans les deux semaines avant.'

# save SLUG NAME=VALUE...: saves a section with its form's csrf and
# version; the save must answer 303.
save() {
	local slug=$1
	shift
	get "/o/$ORG/$slug"
	post "/o/$ORG/$slug" "$@" version="$(input_value version)" csrf="$(csrf_token)"
	expect_status 303 "the $slug section is saved"
}

# expect_no_body_re ERE DESCRIPTION: no line of the body matches ERE.
expect_no_body_re() {
	if grep -qE -- "$1" "$E2E_DIR/body"; then
		bad "$2" "$(grep -nE -- "$1" "$E2E_DIR/body" | head -n 3)"
	else
		ok "$2"
	fi
}

# get_as_file PATH NAME: GET PATH, keeping the body in $E2E_DIR/NAME.
get_as_file() {
	get "$1"
	cp "$E2E_DIR/body" "$E2E_DIR/$2"
}

# md_text FILE: the Markdown file as its reader sees the words: backslash
# escapes removed, hard line breaks (two spaces, or two spaces and the
# indent of a list item) back to plain newlines.
md_text() {
	perl -pe 's/\\([!-\/:-@\[-`{-~])/$1/g; s/ {2}$//' "$1"
}

# html_text FILE: the HTML as its reader sees the words: tags removed,
# the usual entities decoded.
html_text() {
	perl -0777 -pe 's/<script\b.*?<\/script>//gs; s/<style\b.*?<\/style>//gs; s/<[^>]*>//g;
	    s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/\x27/g; s/&amp;/&/g' "$1"
}

# expect_in FILE TEXT DESCRIPTION: the words of FILE (as md_text or
# html_text gives them, by its extension) hold TEXT.
expect_in() {
	local words
	case $1 in
	*.md) words=$(md_text "$E2E_DIR/$1") ;;
	*) words=$(html_text "$E2E_DIR/$1") ;;
	esac
	if printf '%s' "$words" | grep -qF -- "$2"; then
		ok "$3"
	else
		bad "$3: $1 lacks $2" "$(printf '%s' "$words" | head -c 600)"
	fi
}

# expect_every_section FILE: FILE holds something of every section.
expect_every_section() {
	local f=$1 v
	for v in "$WEBSITE" "$NEWSLETTER" "$PEOPLE" "$HANDLE" "$HOLDER" "$MISSION" \
	    "$MEANS_1" "$MEANS_2" "$STRATEGY" "$OBJ1" "$OBJ1_IND" "$OBJ1_TARGET" "$OBJ2" \
	    "$PITCH" "$PITCH_LONG" "$PROBLEM" "$VALUE" "$VALUE_EX" "$ADJ1" "$ADJ2" "$SAMPLE" \
	    "$PERSONA2" "$CARES" "$OTHER_GROUPS" "$PURPOSE_FB" "$PURPOSE_IG" "$CONTENT_KINDS" \
	    "$PRACTICE_HOW" "$POST1_1" "$POST1_2" "$POST1_TAGS" "$POST2" "$POST2_IMAGE" \
	    "$RESPONSIBLE" "$BACKUP" "$WHO_POSTS" "$CRISIS" "$MEASURED" "$NEXT_STEP"; do
		expect_in "$f" "$v" "$f holds « ${v:0:40} »"
	done
}

# expect_words FILE DESCRIPTION WORD...: FILE holds every WORD (words
# the program writes: scales, days, dates, figures).
expect_words() {
	local f=$1 d=$2 w missing=
	shift 2
	for w in "$@"; do
		case $f in
		*.md) md_text "$E2E_DIR/$f" | grep -qF -- "$w" || missing="$missing [$w]" ;;
		*) html_text "$E2E_DIR/$f" | grep -qF -- "$w" || missing="$missing [$w]" ;;
		esac
	done
	if [ -z "$missing" ]; then ok "$d"; else bad "$d" "missing:$missing"; fi
}

# html_no_blank_heading FILE: every part of the document (a <section
# class="part...">) says something besides its heading, and no heading
# h2-h4 is empty.
html_no_blank_heading() {
	local out
	out=$(perl -0777 -ne '
	    while (/<section class="part[^"]*"[^>]*>(.*?)<\/section>/gs) {
		my $s = $1;
		my ($h) = $s =~ /<h2[^>]*>(.*?)<\/h2>/s;
		(my $rest = $s) =~ s/<h2[^>]*>.*?<\/h2>//s;
		$rest =~ s/<[^>]*>//g; $rest =~ s/\s+//g;
		print "part \"$h\" has nothing under its heading\n" if $rest eq "";
	    }
	    while (/<(h[2-4])[^>]*>(.*?)<\/\1>/gs) {
		(my $t = $2) =~ s/<[^>]*>//g; $t =~ s/\s+//g;
		print "an empty <$1>\n" if $t eq "";
	    }' "$E2E_DIR/$1")
	if [ -z "$out" ]; then ok "$1: no heading over nothing"; else bad "$1: no heading over nothing" "$out"; fi
}

# md_no_blank_heading FILE: every Markdown heading is followed by
# something before the next heading of the same or a higher level.
md_no_blank_heading() {
	local out
	out=$(perl -ne '
	    chomp;
	    if (/^(#{1,6}) (.*)/) {
		my ($l, $t) = (length $1, $2);
		print "\"$pt\" has nothing under it\n" if defined $pl && !$body && $l <= $pl;
		print "an empty heading\n" if $t =~ /^\s*$/;
		($pl, $pt, $body) = ($l, $t, 0);
		next;
	    }
	    $body = 1 if /\S/ && !/^---$/;
	    END { print "\"$pt\" ends the file with nothing under it\n" if defined $pl && !$body }
	' "$E2E_DIR/$1")
	if [ -z "$out" ]; then ok "$1: no heading over nothing"; else bad "$1: no heading over nothing" "$out"; fi
}

e2e_setup summary
server_start lighttpd

section "an organisation with an empty plan"
as alice
get /signup
post /signup org_name="$ORG_NAME" name="Alice Gagnon" email="$EMAIL" password="$PW" csrf="$(cookie rt_csrf)"
expect_status 303 "Alice signs up"
ORG=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
[ -n "$ORG" ] || e2e_die "the sign-up gives the organisation's address" "$(what_came)"
ALICE_ORG_ID=$ORG

get_as_file "/o/$ORG/summary" empty.html
expect_status 200 "the summary of an empty plan answers"
expect_body 'Comité logement « Centre-Sud » &amp; voisins' "the summary is titled with the organisation, escaped"
n=$(grep -o 'class="todo"' "$E2E_DIR/empty.html" | wc -l)
expect_eq "$n" 13 "each of the 13 sections that are not optional says it is to complete"
expect_no_body 'id="part-events"' "the optional event campaigns are left out"
html_no_blank_heading empty.html
get_as_file "/o/$ORG/summary.md" empty.md
expect_status 200 "the Markdown of an empty plan answers"
md_no_blank_heading empty.md
n=$(grep -c '^\*À compléter\*$' "$E2E_DIR/empty.md")
expect_eq "$n" 13 "the Markdown says « À compléter » under each of the 13 sections"
get_as_file "/o/$ORG/summary.html" empty-file.html
expect_status 200 "the HTML file of an empty plan answers"
html_no_blank_heading empty-file.html

section "a whole plan, filled through the forms"
save start website="$WEBSITE" blog= newsletter="$NEWSLETTER" existing="Une page Facebook de 450 abonnés" \
    does_well="Nos photos d’assemblée" community_use="Le groupe Facebook du quartier" hours=6.5 people="$PEOPLE"
save accounts account-1-id= account-1-platform=facebook account-1-handle="$HANDLE" \
    account-1-holder="$HOLDER" account-1-backup="Ahmed Benali" \
    account-1-recovery="L’adresse info@ du comité" account-1-notes="Ouvert en 2019."
save mission mission="$MISSION" means="$MEANS_1
$MEANS_2" strategy="$STRATEGY"
save objectives objective-1-id= objective-1-text="$OBJ1" objective-1-kind=volunteers \
    objective-1-serves="Les cliniques restent ouvertes deux soirs." objective-1-indicator="$OBJ1_IND" \
    objective-1-target="$OBJ1_TARGET" objective-1-due=2026-06-30 \
    objective-2-id= objective-2-text="$OBJ2" objective-2-kind=events objective-2-target=80 \
    objective-2-due=2026-03-15
get "/o/$ORG/objectives"
OBJ1_ID=$(input_value objective-1-id)
OBJ2_ID=$(input_value objective-2-id)
[ -n "$OBJ1_ID" ] && [ -n "$OBJ2_ID" ] && ok "the objectives have ids" || bad "the objectives have ids" "$(what_came)"
save story what_we_do="Nous informons les locataires." problem="$PROBLEM" solution= credibility= \
    unique= who_we_are= beginnings= successes= back_cover= pitch_short="$PITCH" pitch_long="$PITCH_LONG" \
    value-1-id= value-1-value="$VALUE" value-1-example="$VALUE_EX"
save tone warmth=4 formality=5 playfulness=2 adjective_1="$ADJ1" adjective_2="$ADJ2" \
    adjective_3= adjective_4= adjective_5= sample="$SAMPLE"
save audiences groups=members groups=volunteers other_groups="$OTHER_GROUPS" \
    persona-1-id= persona-1-name="$XSS_NAME" persona-1-role="Membre" persona-1-age=65 \
    persona-1-languages="Espagnol et français" persona-1-platforms=facebook persona-1-cares="$CARES" \
    persona-1-words="$MD_TRAP" \
    persona-2-id= persona-2-name="$PERSONA2" persona-2-role="Bénévole" persona-2-platforms=instagram \
    persona-2-platforms=facebook
get "/o/$ORG/audiences"
P1_ID=$(input_value persona-1-id)
P2_ID=$(input_value persona-2-id)
[ -n "$P1_ID" ] && [ -n "$P2_ID" ] && ok "the personas have ids" || bad "the personas have ids" "$(what_came)"
save platforms platform-1-id=facebook platform-1-chosen=1 platform-1-objectives="$OBJ1_ID" \
    platform-1-personas="$P1_ID" platform-1-personas="$P2_ID" platform-1-hours=3 platform-1-posts=3 \
    platform-1-purpose="$PURPOSE_FB" \
    platform-2-id=instagram platform-2-chosen=1 platform-2-personas="$P2_ID" platform-2-hours=2.5 \
    platform-2-posts=2 platform-2-purpose="$PURPOSE_IG"
save resources position=2 content_kinds="$CONTENT_KINDS" hours_note="Environ une heure par semaine."
save practices practice-1-id=photos practice-1-adopt=1 practice-1-how="$PRACTICE_HOW" \
    practice-6-id=engagement practice-6-adopt=1 practice-6-how="Une question par semaine." \
    practice-3-id=short_personal practice-3-how="Pas encore décidé."
save posts post-1-id= post-1-platform=facebook post-1-objective="$OBJ1_ID" post-1-persona="$P2_ID" \
    post-1-text="$POST1_1
$POST1_2" post-1-hashtags="$POST1_TAGS" post-1-image= \
    post-2-id= post-2-platform=instagram post-2-objective= post-2-persona= post-2-text="$POST2" \
    post-2-hashtags= post-2-image="$POST2_IMAGE"
save team responsible="$RESPONSIBLE" responsible_stays=yes backup="$BACKUP" who_may_post="$WHO_POSTS" \
    conditions="Avoir lu ce plan." listening="Notre nom et « rénoviction »" check_mentions=weekdays \
    answer_within=one_day crisis="$CRISIS" transparency="Les montants amassés."
save evaluation review-1-id="$OBJ1_ID" review-1-measured="$MEASURED" review-1-worked="Les photos." \
    review-1-not_worked= review-1-next="$NEXT_STEP" review-1-reviewed_on=2026-07-02 \
    review-2-id="$OBJ2_ID"

section "the summary page"
get_as_file "/o/$ORG/summary" page.html
expect_status 200 "GET summary answers"
expect_header Content-Type '^text/html; *charset=utf-8$' "the page is HTML in UTF-8"
expect_every_section page.html
expect_words page.html "the page writes the scales, dates, hours and days out" \
    "Plutôt chaleureux" "Formel" "Familier" "Plutôt sérieux" "Surtout partager" \
    "30 juin 2026" "2 juillet 2026" "6,5 h par semaine que l’équipe peut vraiment" "2,5 h par semaine" \
    "lun." "mer." "ven." "mar." "jeu." "4 sur une échelle de 5"
expect_words page.html "the page writes a post's limit with its digits grouped, as French does" \
    "caractères sur 2${NBSP}200"
expect_no_body_re ' a week|on a scale' "no English left on the French page"
if MEANS_1="$MEANS_1" MEANS_2="$MEANS_2" perl -0777 -ne 'exit(/\Q$ENV{MEANS_1}\E\n\Q$ENV{MEANS_2}\E/ ? 0 : 1)' "$E2E_DIR/page.html"; then
	ok "a line break typed in an answer is kept on the page"
else
	bad "a line break typed in an answer is kept on the page" "$(grep -F -- "$MEANS_1" "$E2E_DIR/page.html" | head -c 300)"
fi
expect_body 'class="post-card pf-facebook' "the Facebook post is drawn as a Facebook card"
expect_body 'class="post-card pf-instagram visual' "the Instagram post opens on its picture"
expect_body "$XSS_NAME_HTML" "the persona's name comes back escaped on the page"
expect_no_body '<script>alert' "no live script on the page"
expect_no_body '<img src=x' "no live img on the page"
expect_no_body 'id="part-events"' "no event campaigns yet: no heading for them"
expect_body "href=\"/o/$ORG/summary.md\"" "the page links to its Markdown"
expect_body "href=\"/o/$ORG/summary.html\"" "the page links to its HTML file"
expect_no_body 'Pas encore décidé' "a practice not committed to is left out"
html_no_blank_heading page.html
n=$(grep -o 'class="todo"' "$E2E_DIR/page.html" | wc -l)
expect_eq "$n" 0 "no section of the whole plan is to complete"

section "the Markdown"
get_as_file "/o/$ORG/summary.md" plan.md
expect_status 200 "GET summary.md answers"
expect_header Content-Type '^text/markdown; *charset=utf-8$' "summary.md is text/markdown in UTF-8"
expect_header Content-Disposition '^attachment; *filename="plan-[A-Za-z0-9-]+-[0-9]{4}-[0-9]{2}-[0-9]{2}\.md"' \
    "summary.md downloads under a plan-<organisation>-<date>.md name"
expect_every_section plan.md
expect_words plan.md "the Markdown writes the scales, dates, hours and days out" \
    "Plutôt chaleureux" "Formel" "Plutôt sérieux" "Surtout partager" "30 juin 2026" \
    "6,5 h par semaine** que l’équipe peut vraiment" "| Facebook (3) | ● |   | ● |   | ● |   |   |" \
    "caractères sur 2${NBSP}200"
expect_no_body_re ' a week|on a scale' "no English left in the French Markdown"
expect_body "# Comité logement « Centre-Sud » & voisins" "the Markdown opens on the organisation's name"
expect_body '\<script>alert("persona")\</script>Rosa, la voisine' "the persona's name is inert text in the Markdown"
if grep -qE '(^|[^\\])<(script|img)' "$E2E_DIR/plan.md"; then
	bad "no raw HTML tag in the Markdown" "$(grep -nE '(^|[^\\])<(script|img)' "$E2E_DIR/plan.md")"
else
	ok "no raw HTML tag in the Markdown"
fi
if grep -qE '(^|[^\\])\]\(javascript:' "$E2E_DIR/plan.md"; then
	bad "no link in the Markdown from what was typed" "$(grep -n 'javascript:' "$E2E_DIR/plan.md")"
else
	ok "no link in the Markdown from what was typed"
fi
expect_body '\[cliquez ici\](javascript:alert(1)) et \*pas\* de \_gras\_ ni \`code\`' \
    "the persona's words keep their brackets, stars and backquotes as text"
if grep -qE '^ *#+ Titre piégé' "$E2E_DIR/plan.md"; then
	bad "a # typed at a line's start makes no heading" "$(grep -n 'Titre piégé' "$E2E_DIR/plan.md")"
else
	ok "a # typed at a line's start makes no heading"
fi
expect_body '1\. pas une liste' "a number typed at a line's start makes no list"
# Links to the objectives work in the page only: the Markdown names them.
expect_eq "$(grep -cF "Objectif 1 ($OBJ1)" "$E2E_DIR/plan.md")" 2 \
    "the Markdown names the objective a platform and a post serve by its text"
expect_no_body '&#39;' "no HTML entity in the Markdown (&#39;)"
expect_no_body '&amp;' "no HTML entity in the Markdown (&amp;)"
expect_no_body '&quot;' "no HTML entity in the Markdown (&quot;)"
md_no_blank_heading plan.md
expect_no_body_re '^## 14\.' "no event campaigns yet: no heading for them in the Markdown"

section "the HTML file"
get_as_file "/o/$ORG/summary.html" plan.html
expect_status 200 "GET summary.html answers"
expect_header Content-Type '^text/html; *charset=utf-8$' "summary.html is HTML in UTF-8"
expect_header Content-Disposition '^attachment; *filename="plan-[A-Za-z0-9-]+-[0-9]{4}-[0-9]{2}-[0-9]{2}\.html"' \
    "summary.html downloads under a plan-<organisation>-<date>.html name"
expect_every_section plan.html
expect_no_body_re ' a week|on a scale' "no English left in the French HTML file"
expect_body_re '^<!DOCTYPE html>' "the file is a whole document"
expect_body '<style>' "the file has its stylesheet inside"
if grep -qiE '<link|<script|src="|url\(' "$E2E_DIR/plan.html"; then
	bad "the file needs nothing from elsewhere (no link, script, src or url())" \
	    "$(grep -noiE '<link[^>]*>|<script[^>]*>|src="[^"]*"|url\([^)]*\)' "$E2E_DIR/plan.html" | head -n 5)"
else
	ok "the file needs nothing from elsewhere (no link, script, src or url())"
fi
expect_no_body 'href="/' "no link back to the site in the file"
expect_body "$XSS_NAME_HTML" "the persona's name comes back escaped in the file"
expect_no_body '<script>alert' "no live script in the file"
expect_no_body '<img src=x' "no live img in the file"
expect_body '@media print' "the file's stylesheet prints too"
html_no_blank_heading plan.html
# The document's rules, between the "==" lines, are static/style.css's
# (empty lines aside: templates lose them).
perl -0777 -ne 'print $1 if /(\/\* == The strategy as a document.*?\/\* == end of the document == \*\/)/s' \
    "$E2E_ROOT/static/style.css" | grep -v '^[[:space:]]*$' >"$E2E_DIR/block.css"
perl -0777 -ne 'print $1 if /(\/\* == The strategy as a document.*?\/\* == end of the document == \*\/)/s' \
    "$E2E_DIR/plan.html" | grep -v '^[[:space:]]*$' >"$E2E_DIR/block-file.css"
if [ -s "$E2E_DIR/block.css" ] && cmp -s "$E2E_DIR/block.css" "$E2E_DIR/block-file.css"; then
	ok "the file's stylesheet has the page's rules for the document, word for word"
else
	bad "the file's stylesheet has the page's rules for the document, word for word" \
	    "$(diff "$E2E_DIR/block.css" "$E2E_DIR/block-file.css" | head -n 10)"
fi

section "in English"
get "/o/$ORG/summary"
post /lang lang=en next="/o/$ORG/summary" csrf="$(csrf_token)"
expect_status 303 "Alice switches to English"
get_as_file "/o/$ORG/summary.md" plan-en.md
expect_words plan-en.md "the Markdown in English" "Social-media strategy" "Rather warm" "June 30, 2026" \
    "6.5 h a week" "To check on" "| Platform | Mon | Tue | Wed | Thu | Fri | Sat | Sun |" \
    "of 2,200 characters"
expect_no_body '&#39;' "no HTML entity in the English Markdown"
md_no_blank_heading plan-en.md
get_as_file "/o/$ORG/summary.html" plan-en.html
expect_body_re '<html lang="en">' "the HTML file in English says so"
expect_words plan-en.html "the HTML file in English" "Social-media strategy" "Rather warm" "June 30, 2026"
get "/o/$ORG/summary"
post /lang lang=fr next="/o/$ORG/summary" csrf="$(csrf_token)"
expect_status 303 "Alice switches back to French"

section "an event campaign appears once there is one"
save events event-1-id= event-1-name="$EVENT" event-1-date=2026-03-15 event-1-before="$EVENT_BEFORE" \
    event-1-platforms=facebook
get_as_file "/o/$ORG/summary" page2.html
expect_body 'id="part-events"' "the page has the event campaigns"
expect_in page2.html "$EVENT_BEFORE" "the page holds the event's plan"
get_as_file "/o/$ORG/summary.md" plan2.md
expect_in plan2.md "$EVENT" "the Markdown holds the event"
get_as_file "/o/$ORG/summary.html" plan2.html
expect_in plan2.html "$EVENT_BEFORE" "the HTML file holds the event's plan"

section "through a share link"
get "/o/$ORG/share"
post "/o/$ORG/share" label="Pour le CA" csrf="$(csrf_token)"
TOKEN=$(grep -oE '/s/[A-Za-z0-9_-]{43}' "$E2E_DIR/body" | head -n 1)
TOKEN=${TOKEN#/s/}
[ -n "$TOKEN" ] && ok "a share link is made" || bad "a share link is made" "$(what_came)"
as visitor
get_as_file "/s/$TOKEN/summary.md" shared.md
expect_status 200 "the Markdown through the link answers"
expect_header Content-Type '^text/markdown; *charset=utf-8$' "the shared Markdown is text/markdown"
expect_in shared.md "$MISSION" "the shared Markdown holds the mission"
expect_no_body "info@" "the shared Markdown leaves out how to recover the accounts"
get_as_file "/s/$TOKEN/summary.html" shared.html
expect_status 200 "the HTML file through the link answers"
expect_header Content-Disposition '^attachment;' "the shared HTML file downloads"
expect_in shared.html "$OBJ1" "the shared HTML file holds the objectives"
get "/s/$TOKEN"
expect_body "href=\"/s/$TOKEN/summary.md\"" "the shared page links to the shared Markdown"
get /s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/summary.md
expect_status 404 "a token nobody was given finds no Markdown"
get /s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/summary.html
expect_status 404 "a token nobody was given finds no HTML file"

section "someone else's plan"
as mallory
get /signup
post /signup org_name="Autre comité" name="Mallory" email=mallory@example.org password="$PW-m" csrf="$(cookie rt_csrf)"
ORG=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
save platforms platform-1-id=facebook platform-1-chosen=1 platform-1-hours=12 platform-1-posts=20
get_as_file "/o/$ORG/summary" pitfalls.html
expect_body 'id="part-pitfalls"' "a plan with pitfalls lists them on the page"
html_no_blank_heading pitfalls.html
get_as_file "/o/$ORG/summary.md" pitfalls.md
if awk '/^## 13\./ { e = NR } /^## Pièges à corriger \([0-9]+\)$/ { p = NR } END { exit !(e && p > e) }' \
    "$E2E_DIR/pitfalls.md"; then
	ok "the Markdown lists the pitfalls last, under their own heading"
else
	bad "the Markdown lists the pitfalls last, under their own heading" "$(grep -n '^##' "$E2E_DIR/pitfalls.md")"
fi
md_no_blank_heading pitfalls.md
expect_words pitfalls.md "20 posts a week are spread over every day" "| Facebook (20) | ● | ● | ● | ● | ● | ● | ● |"
ORG=$ALICE_ORG_ID
get "/o/$ORG/summary.md"
expect_status 404 "another organisation's Markdown is not found"
get "/o/$ORG/summary.html"
expect_status 404 "another organisation's HTML file is not found"
as visitor
get "/o/$ORG/summary.md"
expect_status '302|303' "the Markdown needs a login"

e2e_finish
