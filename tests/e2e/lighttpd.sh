#!/usr/bin/env bash
# The journey behind lighttpd, which starts the program itself (bin-path)
# on a Unix socket, with the configuration `make run` uses
# (conf/lighttpd.conf).  Prints "N passed, N failed" last.
here=$(dirname "$0")
. "$here/lib.sh"
. "$here/journey.sh"

e2e_setup lighttpd
server_start lighttpd
journey
journey_parallel

section "lighttpd itself"
as visitor
get /
expect_eq "$(header Server)" "" "lighttpd sends no Server header (server.tag empty)"
get /static/
expect_status '403|404' "no directory listing of /static/"
expect_no_body 'Index of' "no index page for /static/"
for f in "$E2E_ROOT"/static/*; do
	[ -f "$f" ] || continue
	get "/static/$(basename "$f")"
	expect_status 200 "lighttpd serves static/$(basename "$f")"
	cmp -s "$f" "$E2E_DIR/body" && ok "static/$(basename "$f") comes back byte for byte" ||
	    bad "static/$(basename "$f") comes back byte for byte" "$(what_came)"
	break
done

expect_access_log_without_tokens "$E2E_DIR/lighttpd-access.log" lighttpd
e2e_finish
