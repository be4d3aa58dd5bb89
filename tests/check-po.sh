#!/bin/sh
# tests/check-po.sh: the catalogues po/fr.po and po/en.po are complete.
#
# Extracts the messages of the sources and templates into a temporary
# directory (po/extract.sh --pot: the repository is not modified), then,
# for each catalogue, checks that:
#   - msgfmt --check accepts it (syntax, header, format strings);
#   - no entry is untranslated;
#   - no entry is fuzzy;
#   - every msgid used in the sources or templates is in it (an obsolete
#     "#~" entry does not count).
# Each failing check lists its msgids.  The last line reads
# "N passed, N failed"; the exit status is 1 when a check failed.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reseauter-check-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

passed=0
failed=0

# Records the result of a check: $1 its description, $2 a file listing
# what is wrong (empty or absent when the check passed).
result() {
	if [ -s "$2" ]; then
		failed=$((failed + 1))
		echo "FAIL: $1"
		sed 's/^/    /' "$2"
	else
		passed=$((passed + 1))
		echo "ok: $1"
	fi
}

# Prints one line per entry of the PO file read on standard input: its
# msgid as written in .po syntax (escapes kept), after its msgctxt and
# "\004" when it has one.  The header (empty msgid) and obsolete entries
# are left out; the input is expected unwrapped (msgattrib --no-wrap).
po_ids() {
	LC_ALL=C awk '
	function flush() {
		if (have && id != "")
			print (hasctx ? ctx "\\004" : "") id
		have = 0; hasctx = 0; id = ""; ctx = ""
	}
	function body(s) {      # the text between the first and last quote
		sub(/^[^"]*"/, "", s)
		sub(/"[ \t\r]*$/, "", s)
		return s
	}
	/^msgctxt "/ {
		flush()
		field = "ctx"; hasctx = 1; ctx = body($0); next
	}
	/^msgid "/ {
		if (field != "ctx")
			flush()
		field = "id"; have = 1; id = body($0); next
	}
	/^msgid_plural / || /^msgstr/ { field = "other"; next }
	/^"/ {
		if (field == "id") id = id body($0)
		else if (field == "ctx") ctx = ctx body($0)
		next
	}
	/^#/ || /^[ \t\r]*$/ { next }
	END { flush() }
	'
}

if sh "$root/po/extract.sh" --pot "$tmp/sources.pot" 2> "$tmp/extract.err"
then
	: > "$tmp/none"
	result "messages extracted from cgi/, lib/ and templates/" "$tmp/none"
else
	result "messages extracted from cgi/, lib/ and templates/" \
	    "$tmp/extract.err"
	echo "$passed passed, $failed failed"
	exit 1
fi
msgattrib --no-wrap --no-obsolete "$tmp/sources.pot" | po_ids |
    LC_ALL=C sort -u > "$tmp/used"

for lang in fr en; do
	po=$root/po/$lang.po
	if [ ! -f "$po" ]; then
		echo "po/$lang.po is missing (run po/extract.sh)" \
		    > "$tmp/missing"
		for what in "msgfmt --check" "translated" "not fuzzy" "complete"
		do
			result "po/$lang.po: $what" "$tmp/missing"
		done
		continue
	fi

	msgfmt --check -o /dev/null "$po" > "$tmp/msgfmt" 2>&1 ||
	    echo "msgfmt --check failed" >> "$tmp/msgfmt"
	grep -v 'warning' "$tmp/msgfmt" > "$tmp/msgfmt.err" || :
	result "po/$lang.po: msgfmt --check accepts it" "$tmp/msgfmt.err"

	msgattrib --no-wrap --no-obsolete --untranslated "$po" | po_ids \
	    > "$tmp/untranslated"
	result "po/$lang.po: no untranslated entry" "$tmp/untranslated"

	msgattrib --no-wrap --no-obsolete --only-fuzzy "$po" | po_ids \
	    > "$tmp/fuzzy"
	result "po/$lang.po: no fuzzy entry" "$tmp/fuzzy"

	msgattrib --no-wrap --no-obsolete "$po" | po_ids |
	    LC_ALL=C sort -u > "$tmp/have"
	LC_ALL=C comm -23 "$tmp/used" "$tmp/have" > "$tmp/absent"
	result "po/$lang.po: every msgid of the sources is in it" \
	    "$tmp/absent"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
