#!/usr/bin/env bash
# The journey behind Apache httpd (conf/apache.conf's VirtualHost, with
# mod_proxy_fcgi to the program's Unix socket), then what Apache itself
# serves: static/ from the disk with the program's protective headers, no
# directory listing, no version in the Server header.  Prints
# "N passed, N failed" last.
here=$(dirname "$0")
. "$here/lib.sh"
. "$here/journey.sh"

# expect_static_headers WHAT: the answer carries the headers the program
# puts on its own answers (req_write in cgi/main.c).
expect_static_headers() {
	local csp miss=
	csp=$(header Content-Security-Policy)
	for d in "default-src 'self'" "img-src 'self' data:" "object-src 'none'" \
	    "base-uri 'none'" "frame-ancestors 'none'" "form-action 'self'"; do
		case $csp in *"$d"*) ;; *) miss="$miss [$d]" ;; esac
	done
	[ "$(header X-Content-Type-Options)" = nosniff ] || miss="$miss nosniff"
	[ "$(header X-Frame-Options)" = DENY ] || miss="$miss X-Frame-Options"
	[ "$(header Referrer-Policy)" = same-origin ] || miss="$miss Referrer-Policy"
	if [ -z "$miss" ]; then
		ok "$1 carries the program's protective headers"
	else
		bad "$1 carries the program's protective headers" "missing$miss
  headers: $(tr '\n' '|' <"$E2E_DIR/headers")"
	fi
}

e2e_setup apache
server_start apache
journey
journey_parallel

section "Apache itself"
as visitor
get /
expect_status 200 "GET / reaches the program through mod_proxy_fcgi"
expect_header Server '^Apache$' "the Server header names no version (ServerTokens Prod)"
n=$(grep -ci '^content-security-policy:' "$E2E_DIR/headers")
expect_eq "$n" 1 "a program answer carries one Content-Security-Policy, not Apache's too"
get /static/
expect_status '403|404' "no directory listing of /static/"
expect_no_body 'Index of' "no index page for /static/"
expect_static_headers "the refusal of /static/"
n=0
for f in "$E2E_ROOT"/static/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	name=$(basename "$f")
	get "/static/$name"
	expect_status 200 "Apache serves static/$name"
	if cmp -s "$f" "$E2E_DIR/body"; then
		ok "static/$name comes back byte for byte"
	else
		bad "static/$name comes back byte for byte" "$(what_came)"
	fi
	expect_static_headers "static/$name"
	case $name in
	*.css) expect_header Content-Type '^text/css' "static/$name is text/css" ;;
	*.js) expect_header Content-Type '^(text|application)/javascript' "static/$name is JavaScript" ;;
	esac
done
[ "$n" -gt 0 ] || bad "static/ holds files to serve" "none in $E2E_ROOT/static"
get /static/no-such-file.css
expect_status 404 "a missing static file is not found"
expect_static_headers "the 404 of a missing static file"
STATUS=$(curl -s --path-as-is -o "$E2E_DIR/body" -w '%{http_code}' "$BASE/static/../schema.sql")
if [ "$STATUS" != 200 ] && ! grep -q 'CREATE TABLE' "$E2E_DIR/body"; then
	ok "/static/../schema.sql serves no file from outside static/ ($STATUS)"
else
	bad "/static/../schema.sql serves no file from outside static/" "got $STATUS"
fi

expect_access_log_without_tokens "$E2E_DIR/apache-access.log" Apache
e2e_finish
