#!/bin/sh
# po/extract.sh: gathers the messages of reseauter into po/reseauter.pot,
# then merges it into po/fr.po and po/en.po (created when absent).
#
# Usage: po/extract.sh              update po/reseauter.pot, fr.po, en.po
#        po/extract.sh --pot FILE   write the template to FILE only, and
#                                   touch nothing in the repository
#                                   (tests/check-po.sh uses this)
#
# Messages come from:
#  - the C sources of cgi/ and lib/ (*.c, *.h), through xgettext: handlers
#    write T(req, "English text") (keyword T:2), static tables mark their
#    msgids with N_("...") (keyword N_), and a direct
#    i18n_get(c, lang, "...") is seen too (keyword i18n_get:3);
#  - every [[marker]] of templates/*.tpl, read by the same rule as
#    i18n_expand_markers() (lib/i18n.c): the text between "[[" and the
#    first "]]" after it on the same line, exactly; "[[]]" and a "[[" with
#    no "]]" on its line are not markers.  Each one gets its file:line as
#    reference.
#
# Needs GNU gettext (xgettext, msgmerge) and a POSIX awk.  Runs from any
# directory; paths in references are relative to the repository's root.
set -eu

here=$(pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

pot_only=
if [ $# -gt 0 ]; then
	if [ $# -eq 2 ] && [ "$1" = --pot ]; then
		pot_only=$2
		case $pot_only in
		/*) ;;
		*) pot_only=$here/$pot_only ;;
		esac
	else
		echo "usage: po/extract.sh [--pot FILE]" >&2
		exit 2
	fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/reseauter-extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# The markers of the templates, as a .pot of their own.  Byte-wise (C
# locale) so that index() and substr() count bytes as lib/i18n.c does.
: > "$tmp/templates.pot"
set -- templates/*.tpl
if [ -e "$1" ]; then
	LC_ALL=C awk '
	# Escapes s for a .po string: backslash, quote, tab, carriage return.
	function po_escape(s,    out, i, ch) {
		out = ""
		for (i = 1; i <= length(s); i++) {
			ch = substr(s, i, 1)
			if (ch == "\\")
				out = out "\\\\"
			else if (ch == "\"")
				out = out "\\\""
			else if (ch == "\t")
				out = out "\\t"
			else if (ch == "\r")
				out = out "\\r"
			else
				out = out ch
		}
		return out
	}
	{
		line = $0
		while ((i = index(line, "[[")) > 0) {
			rest = substr(line, i + 2)
			j = index(rest, "]]")
			if (j == 0)
				break           # no "]]" on this line
			if (j == 1) {   # "[[]]" is text: go on after "[["
				line = rest
				continue
			}
			id = substr(rest, 1, j - 1)
			if (!(id in refs)) {
				order[++n] = id
				refs[id] = FILENAME ":" FNR
			} else
				refs[id] = refs[id] " " FILENAME ":" FNR
			line = substr(rest, j + 2)
		}
	}
	END {
		print "msgid \"\""
		print "msgstr \"\""
		print "\"Content-Type: text/plain; charset=UTF-8\\n\""
		for (k = 1; k <= n; k++) {
			print ""
			print "#: " refs[order[k]]
			print "msgid \"" po_escape(order[k]) "\""
			print "msgstr \"\""
		}
	}' "$@" > "$tmp/templates.pot"
fi

# The C sources, sorted so that the template does not move between runs.
find cgi lib -type f \( -name '*.c' -o -name '*.h' \) 2>/dev/null |
    LC_ALL=C sort > "$tmp/files"
if [ -s "$tmp/templates.pot" ]; then
	echo "$tmp/templates.pot" >> "$tmp/files"
fi

xgettext --force-po --from-code=UTF-8 --package-name=reseauter \
    --add-comments=TRANSLATORS: \
    --keyword=T:2 --keyword=N_ --keyword=i18n_get:3 \
    --files-from="$tmp/files" -o "$tmp/reseauter.pot"

if [ -n "$pot_only" ]; then
	cp "$tmp/reseauter.pot" "$pot_only"
	exit 0
fi

# Keep the old template when only its creation date would change.
if [ -f po/reseauter.pot ] &&
    grep -v '^"POT-Creation-Date:' po/reseauter.pot > "$tmp/old" &&
    grep -v '^"POT-Creation-Date:' "$tmp/reseauter.pot" > "$tmp/new" &&
    cmp -s "$tmp/old" "$tmp/new"; then
	:
else
	cp "$tmp/reseauter.pot" po/reseauter.pot
fi

# Writes the header of a new catalogue: $1 language code, $2 team name,
# $3 Plural-Forms.
po_header() {
	cat <<EOF
# $2 translations of reseauter.
# This file is distributed under the same license as the reseauter package.
#
msgid ""
msgstr ""
"Project-Id-Version: reseauter\\n"
"Report-Msgid-Bugs-To: \\n"
"PO-Revision-Date: $(date -u '+%Y-%m-%d %H:%M+0000')\\n"
"Last-Translator: reseauter developers\\n"
"Language-Team: $2\\n"
"Language: $1\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: $3\\n"
EOF
}

[ -f po/fr.po ] ||
    po_header fr French 'nplurals=2; plural=(n > 1);' > po/fr.po
[ -f po/en.po ] ||
    po_header en English 'nplurals=2; plural=(n != 1);' > po/en.po

for lang in fr en; do
	msgmerge --quiet --no-wrap --update --backup=none --previous \
	    "po/$lang.po" po/reseauter.pot
done
