#!/usr/bin/env bash
# The journey behind nginx (conf/nginx.conf's server block), with the
# program started by spawn-fcgi on a Unix socket; then the program opens
# RESEAUTER_SOCKET itself, on the same database, and what was saved is
# still there; then the program is socket-activated as systemd starts it
# (conf/reseauter.socket): systemd-socket-activate holds the socket and
# hands it over as descriptor 3, and a section saved then survives one
# more restart.  Prints "N passed, N failed" last.
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

expect_access_log_without_tokens "$E2E_DIR/nginx-access.log" nginx

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

section "the program socket-activated (descriptor 3), after another restart"
server_stop
server_start nginx-activated
expect_eq "$(cat "$E2E_DIR/program.log")" "Listening on $E2E_DIR/reseauter.sock as 3.
Communication attempt on fd 3.
Execing $E2E_BIN ($E2E_BIN)" "systemd-socket-activate passed the socket as fd 3 and became the program"
as visitor
get /
expect_status 200 "GET / answers on the passed socket"
as alice
get "/o/$ORG/summary"
expect_status 200 "Alice's session survives the restart"
expect_body "$MISSION" "the mission survives the restart"
as gisele
get /signup
post /signup org_name="Centre des femmes de Verdun" name="Gisèle Tremblay" \
    email=gisele@example.org password='Bernache-du-fleuve-31' csrf="$(form_token)"
expect_status 303 "a new person signs up"
GISELE_ORG=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
get "/o/$GISELE_ORG/mission"
expect_status 200 "the new plan's mission form"
post "/o/$GISELE_ORG/mission" mission="Briser l'isolement des femmes du quartier." \
    means="Deux employées" strategy="Une publication par semaine." \
    version="$(input_value version)" csrf="$(csrf_token)"
expect_status 303 "a section is saved"
server_stop
server_start nginx-activated
get "/o/$GISELE_ORG/mission"
expect_status 200 "the mission form after one more activation"
expect_eq "$(field_of mission)" "Briser l'isolement des femmes du quartier." \
    "the section saved survives the restart"

section "the socket held by another process, as systemd holds it"
# systemd keeps its copy of the listening socket while the program stops
# and starts: the program must leave that socket as it found it.
server_stop
server_start nginx-held
get "/o/$GISELE_ORG/mission"
expect_status 200 "the program, started at the first connection, answers"
held_pid=$(sed -n 's/^socket-holder: started \([0-9]*\)$/\1/p' "$E2E_DIR/program.log" | tail -n 1)
[ -n "$held_pid" ] || e2e_die "socket-holder.pl started the program" "$(cat "$E2E_DIR/program.log")"
kill -TERM "$held_pid"
for i in $(seq 1 100); do
	grep -q "^socket-holder: $held_pid ended" "$E2E_DIR/program.log" && break
	sleep 0.1
done
expect_eq "$(sed -n "s/^socket-holder: $held_pid ended (status \([0-9]*\))$/\1/p" "$E2E_DIR/program.log")" 0 \
    "SIGTERM stops the program cleanly (exit status 0)"
get "/o/$GISELE_ORG/mission"
expect_status 200 "the next request starts it again on the same socket"
expect_eq "$(field_of mission)" "Briser l'isolement des femmes du quartier." "with the data"
expect_eq "$(grep -c '^socket-holder: started' "$E2E_DIR/program.log")" 2 "the program was started twice"
if grep -q 'listening socket failed' "$E2E_DIR/program.log"; then
	bad "the listening socket kept listening through the stop" "$(cat "$E2E_DIR/program.log")"
else
	ok "the listening socket kept listening through the stop"
fi
e2e_finish
