#!/bin/sh
# tests/check-templates.sh: fails when a template shows words that do not
# go through translation.
#
# Every word a person reads in templates/*.tpl must stand inside a
# [[marker]] (translated at start) or come from a variable ({{NAME}},
# filled from translated text or from what people typed).  This script
# removes, line by line, the pragma, ctemplate tags, markers, HTML
# comments, tags (with their attributes), entities and CSS, then reports
# any letter left.  The attributes whose text a person reads or hears
# (alt, title, placeholder, the aria- ones that hold words, and
# data-label, which the phone layout shows before a cell) are kept as
# text and checked the same way.  The brand name "reseauter" is the one
# word allowed bare, and "h", the unit of hours, the one abbreviation.
# The check first proves on a template of its own making that it catches
# bare text, in an attribute too.  Prints a line "N passed, N failed"
# (one check per template).
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
pass=0 fail=0

# leftover FILE: prints "LINE: TEXT" for each line of the template FILE
# that holds text outside markers and variables.
leftover() {
	LC_ALL=C awk '
	/<style/ { instyle = 1 }
	instyle { if (/<\/style>/) instyle = 0; next }
	# A ctemplate comment {{! ... }} may span lines.
	incomment { if (index($0, "}}")) incomment = 0; next }
	/\{\{!/ && !/\{\{![^}]*\}\}/ { incomment = 1; next }
	{
		line = $0
		# The values of the attributes people read become text.
		said = ""
		while (match(line, /[ \t](alt|title|placeholder|aria-label|aria-description|aria-roledescription|aria-valuetext|data-label)="[^"]*"/)) {
			v = substr(line, RSTART, RLENGTH)
			sub(/^[^"]*"/, "", v)
			sub(/"$/, "", v)
			said = said " " v
			line = substr(line, 1, RSTART - 1) " " substr(line, RSTART + RLENGTH)
		}
		line = line " " said
		gsub(/\{\{%[^}]*\}\}/, "", line)
		gsub(/\[\[[^]]*\]\]/, "", line)
		gsub(/\{\{[^}]*\}\}/, "", line)
		gsub(/<!--.*-->/, "", line)
		gsub(/<[^>]*>/, "", line)
		gsub(/&[#a-zA-Z0-9]+;/, "", line)
		gsub(/reseauter/, "", line)
		# "h", the unit of hours after a number, is the same in both
		# languages.
		line = " " line " "
		gsub(/[^A-Za-z]h[^A-Za-z]/, " ", line)
		gsub(/[^A-Za-z]h[^A-Za-z]/, " ", line)
		# A letter, ASCII or the lead byte of a Latin-1 letter in UTF-8.
		if (line ~ /[A-Za-z]/ || line ~ /\303/)
			printf "%d: %s\n", NR, line
	}' "$1"
}

# The check catches what it is for: bare text, in an attribute too.
selftest=$(mktemp)
trap 'rm -f "$selftest"' EXIT
printf '%s\n' '<p>[[Fine]] {{NAME}}</p>' '<img src="/x.svg" alt="Logo">' \
    '<td data-label="Nom">{{V}}</td>' '<a href="/" title="[[Home]]">{{X}}</a>' \
    >"$selftest"
if [ "$(leftover "$selftest" | cut -d: -f1 | tr '\n' ' ')" = "2 3 " ]; then
	pass=$((pass + 1))
	echo "ok: the check finds bare text in alt and data-label, and only there"
else
	fail=$((fail + 1))
	echo "FAIL: the check of its own template found:"
	leftover "$selftest" | sed 's/^/    /'
fi

for f in "$root"/templates/*.tpl; do
	name=$(basename "$f")
	case $name in
	*_style.tpl) pass=$((pass + 1)); echo "ok: $name (a stylesheet)"; continue ;;
	esac
	left=$(leftover "$f")
	if [ -n "$left" ]; then
		fail=$((fail + 1))
		echo "FAIL: $name has text outside [[markers]]:"
		printf '%s\n' "$left" | sed 's/^/    /'
	else
		pass=$((pass + 1))
		echo "ok: $name"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
