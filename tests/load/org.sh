#!/usr/bin/env bash
# tests/load/org.sh N: makes organisation number N for the load test, the
# way a person would, over HTTP (BASE, the server; LOAD_DIR, a directory
# of the run): signs up (which makes the account, the organisation and a
# logged-in session), imports the demonstration plan (lib/demo/
# housing.fr.json, so every page holds a real plan), then reads the
# version of each section the load saves (LOAD_SAVES, slugs).  Prints one
# Lua table for tests/load/mix.lua:
#   { id = 7, cookie = "rt_session=...", csrf = "...", v = { mission = 1 } },
# Run by tests/load/run.sh, several at once (xargs -P): every file it
# writes carries N.  Exits 1, saying why on stderr, when a step fails.
set -uo pipefail

n=$1
: "${BASE:?}" "${LOAD_DIR:?}" "${LOAD_SAVES:?}"
root=$(cd "$(dirname "$0")/../.." && pwd)
jar=$LOAD_DIR/jar.$n
out=$LOAD_DIR/page.$n
rm -f "$jar"

# die STEP: says which step of which organisation failed, and exits.
die() {
	echo "org.sh $n: $1" >&2
	exit 1
}

# A cookie of the jar (curl's Netscape format: name and value last).
cookie() {
	awk -v n="$1" '$6 == n { v = $7 } END { print v }' "$jar"
}

c() {
	curl -sS --max-time 60 -b "$jar" -c "$jar" "$@"
}

# The sign-up form sets the visitor's CSRF cookie; the sign-up answers
# 303 to /o/<id>/ with the session cookie.
c -o /dev/null "$BASE/signup" || die "GET /signup"
loc=$(c -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "org_name=Organisme de charge $n" \
    --data-urlencode "name=Personne $n" \
    --data-urlencode "email=charge$n@example.org" \
    --data-urlencode "password=Tournesol-du-plateau-58" \
    --data-urlencode "csrf=$(cookie rt_csrf)" "$BASE/signup") || die "POST /signup"
id=$(printf '%s' "$loc" | sed -n 's,^303 .*/o/\([0-9]*\)/$,\1,p')
[ -n "$id" ] || die "sign-up answered $loc"
session=$(cookie rt_session)
[ -n "$session" ] || die "no session cookie after the sign-up"

# The session's CSRF token, from the hidden field of a page's forms.
c -o "$out" "$BASE/o/$id/mission" || die "GET /o/$id/mission"
csrf=$(grep -o 'name="csrf" value="[^"]*"' "$out" | head -n 1 | sed 's/.*value="\(.*\)"/\1/')
[ -n "$csrf" ] || die "no CSRF token on /o/$id/mission"

code=$(c -o /dev/null -w '%{http_code}' -F "csrf=$csrf" \
    -F "plan=<$root/lib/demo/housing.fr.json" "$BASE/o/$id/import/confirm") ||
    die "POST /o/$id/import/confirm"
[ "$code" = 303 ] || die "the import answered $code"

versions=
for s in $LOAD_SAVES; do
	c -o "$out" "$BASE/o/$id/$s" || die "GET /o/$id/$s"
	v=$(grep -o 'name="version" value="[0-9]*"' "$out" | head -n 1 | sed 's/.*value="\(.*\)"/\1/')
	[ -n "$v" ] || die "no version on /o/$id/$s"
	versions="$versions $s = $v,"
done
rm -f "$jar" "$out"
printf '{ id = %s, cookie = "rt_session=%s", csrf = "%s", v = {%s } },\n' \
    "$id" "$session" "$csrf" "$versions"
