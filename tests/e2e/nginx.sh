#!/usr/bin/env bash
# The journey behind nginx (conf/nginx.conf's server block), with the
# program started by spawn-fcgi on a Unix socket; then the program opens
# RESEAUTER_SOCKET itself, on the same database, and what was saved is
# still there.  Prints "N passed, N failed" last.
here=$(dirname "$0")
. "$here/lib.sh"
. "$here/journey.sh"

e2e_setup nginx
server_start nginx
journey
journey_parallel

section "nginx itself"
as visitor
get /static/
expect_status '403|404' "no directory listing of /static/"
expect_no_body 'Index of' "no index page for /static/"
for f in "$E2E_ROOT"/static/*; do
	[ -f "$f" ] || continue
	get "/static/$(basename "$f")"
	expect_status 200 "nginx serves static/$(basename "$f")"
	cmp -s "$f" "$E2E_DIR/body" && ok "static/$(basename "$f") comes back byte for byte" ||
	    bad "static/$(basename "$f") comes back byte for byte" "$(what_came)"
	break
done

section "the program on RESEAUTER_SOCKET, after a restart"
server_stop
server_start nginx-socket
mode=$(stat -c %a "$E2E_DIR/reseauter.sock" 2>/dev/null)
expect_eq "$mode" 600 "the socket has RESEAUTER_SOCKET_MODE (0600)"
as visitor
get /
expect_status 200 "GET / answers after the restart"
as alice
get "/o/$ORG/summary"
expect_status 200 "Alice's session survives the restart"
expect_body "$MISSION" "the mission survives the restart"
expect_body "$OBJ1_TEXT" "the objectives survive the restart"
e2e_finish
