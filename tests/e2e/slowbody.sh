#!/usr/bin/env bash
# Slow request bodies do not keep the program's workers.  The program runs
# with two workers (RESEAUTER_THREADS=2) and, unless said otherwise, a read
# deadline of 2 s (RESEAUTER_READ_TIMEOUT=2, RESEAUTER_READ_MINRATE=500):
#
#   program   straight to its socket with cgi-fcgi (libfcgi-bin): a body
#             that stops, then one that trickles a byte every half second
#             (cut by the minimum rate, not by the wait between bytes),
#             are answered 408 with the program's page; a body of 1 MB
#             sent at once is read whole;
#   apache    Apache without mod_reqtimeout (E2E_APACHE_REQTIMEOUT=off),
#             which passes a body on while it comes: three uploads that
#             stop or trickle, one more than there are workers, and a GET
#             made after them must still get its page; the program answers
#             each upload 408 and goes on (the same process);
#   reqtimeout  Apache as conf/apache.conf has it (mod_reqtimeout, body=10)
#             and the program's deadline out of the way (120 s): Apache
#             itself answers the stopped uploads 408 and the GET gets its
#             page;
#   nginx, lighttpd  three stopped uploads, and the GET gets its page: the
#             server holds the bodies, and the program never sees them.
#
# Waits are bounded (curl --max-time 20, cgi-fcgi under timeout 20), and
# no time is asserted: a GET that gets its page within 20 s was not held
# by the uploads, which without a deadline hold the workers for as long
# as the client likes.  Prints "N passed, N failed" last.
here=$(dirname "$0")
. "$here/lib.sh"

SLOWPOST=$E2E_ROOT/tests/e2e/slowpost.pl
DEADLINE_LINE='came before the read deadline; answered 408'

e2e_setup slowbody
export RESEAUTER_THREADS=2 RESEAUTER_READ_TIMEOUT=2 RESEAUTER_READ_MINRATE=500
command -v cgi-fcgi >/dev/null 2>&1 ||
    e2e_die "cgi-fcgi is installed (libfcgi-bin: make check-deps)"

# fcgi_post WRITER...: a POST of /login (or of $FCGI_URI) of 1 000 000
# bytes straight to the program's socket with cgi-fcgi, its body written
# by the command WRITER into a FIFO.  Sets STATUS (000 when no answer came within 20 s) and
# leaves the answer's headers and body in $E2E_DIR/headers and body.
fcgi_post() {
	local fifo=$E2E_DIR/body.fifo wpid rc
	rm -f "$fifo"
	mkfifo "$fifo" || e2e_die "a FIFO in $E2E_DIR"
	"$@" >"$fifo" 2>/dev/null &
	wpid=$!
	env -i PATH="$PATH" GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=POST \
	    REQUEST_URI="${FCGI_URI:-/login}" SCRIPT_NAME= \
	    PATH_INFO="${FCGI_URI:-/login}" QUERY_STRING= \
	    SERVER_PROTOCOL=HTTP/1.1 SERVER_NAME=127.0.0.1 SERVER_PORT=80 \
	    REMOTE_ADDR=127.0.0.1 HTTP_HOST=127.0.0.1 CONTENT_LENGTH=1000000 \
	    CONTENT_TYPE=application/x-www-form-urlencoded \
	    timeout 20 cgi-fcgi -bind -connect "$SOCK" \
	    <"$fifo" >"$E2E_DIR/fcgi.out" 2>"$E2E_DIR/fcgi.err"
	rc=$?
	kill "$wpid" 2>/dev/null
	wait "$wpid" 2>/dev/null
	rm -f "$fifo"
	awk '/^\r?$/ { exit } { sub(/\r$/, ""); print }' "$E2E_DIR/fcgi.out" >"$E2E_DIR/headers"
	awk 'body { print } /^\r?$/ { body = 1 }' "$E2E_DIR/fcgi.out" >"$E2E_DIR/body"
	STATUS=$(sed -n 's/^Status: *\([0-9][0-9][0-9]\).*/\1/p' "$E2E_DIR/headers")
	[ "$rc" -ne 124 ] && [ -n "$STATUS" ] || STATUS=000
	E2E_LAST="POST ${FCGI_URI:-/login} (cgi-fcgi)"
}

# timed_get DESCRIPTION: GET / through the web server, waiting 20 s at
# most; its status must be 200.
timed_get() {
	local out
	out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 20 "$BASE/")
	if [ "${out%% *}" = 200 ]; then
		ok "$1 (200 after ${out#* } s)"
	else
		bad "$1" "got ${out%% *} after ${out#* } s (000: no answer within 20 s)"
	fi
}

# uploads KIND N [SLOWPOST OPTIONS...]: starts N uploads (slowpost.pl) to
# the web server in the background, for 30 s at most unless the options
# say otherwise, their report going to $E2E_DIR/KIND.out, and waits until
# they are all sent.  They outlast the 20 s a GET is given, so that a GET
# they hold up fails.
uploads() {
	local kind=$1 n=$2 i
	shift 2
	rm -f "$E2E_DIR/$kind.ready"
	perl "$SLOWPOST" --port "$E2E_PORT" --n "$n" --ready "$E2E_DIR/$kind.ready" \
	    --seconds 30 "$@" >"$E2E_DIR/$kind.out" 2>&1 &
	UPLOAD_PID[$kind]=$!
	for i in $(seq 1 100); do
		[ -e "$E2E_DIR/$kind.ready" ] && return 0
		sleep 0.1
	done
	bad "$n $kind uploads are sent" "$(cat "$E2E_DIR/$kind.out")"
}

# uploads_wait KIND: waits until the uploads KIND have all ended, which
# prints their report.
uploads_wait() {
	wait "${UPLOAD_PID[$1]}"
	unset "UPLOAD_PID[$1]"
}

# uploads_stop KIND: ends the uploads KIND now (the client gives up).
uploads_stop() {
	kill "${UPLOAD_PID[$1]}" 2>/dev/null
	wait "${UPLOAD_PID[$1]}" 2>/dev/null
	unset "UPLOAD_PID[$1]"
}

# deadline_wait N: waits (10 s at most) until the program has answered N
# requests 408 for their bodies.
deadline_wait() {
	local i
	for i in $(seq 1 100); do
		[ "$(deadline_count)" -ge "$1" ] && return 0
		sleep 0.1
	done
}

# deadline_count [LOG]: how many requests the program answered 408 for a
# body that did not come in time, from its log (program.log; lighttpd's
# own log when lighttpd started the program).
deadline_count() {
	grep -c -- "$DEADLINE_LINE" "$E2E_DIR/${1:-program.log}" 2>/dev/null || true
}

# program_alive: the program is the process that was started.
program_alive() {
	if kill -0 "$E2E_PROGRAM_PID" 2>/dev/null; then
		ok "$1: the program that was started still runs (no crash)"
	else
		bad "$1: the program that was started still runs (no crash)" \
		    "$(tail -n 20 "$E2E_DIR/program.log")"
	fi
}

declare -A UPLOAD_PID=()
# The uploads still running when the suite ends are stopped first.
slowbody_cleanup() {
	local kind
	for kind in "${!UPLOAD_PID[@]}"; do
		uploads_stop "$kind"
	done
	e2e_cleanup
}
trap slowbody_cleanup EXIT

# --- the program alone --------------------------------------------------------

section "The program alone, through cgi-fcgi"
SOCK=$E2E_DIR/reseauter.sock
E2E_KIND=program
program_start socket "$SOCK"
fcgi_post perl -e '$| = 1; print "a=1&b="; sleep 60'
expect_status 408 "a body that stops after 6 bytes is answered 408"
expect_body "Votre navigateur a mis trop de temps" "the 408 page says why, in French"
expect_body "a été enregistré" "the 408 page says nothing was saved"
fcgi_post perl -e '$| = 1; for (1 .. 120) { print "x"; select(undef, undef, undef, 0.5) }'
expect_status 408 "a body that trickles a byte every 0.5 s is answered 408 (below 500 bytes/s)"
fcgi_post perl -e 'print "x" x 1000000'
expect_status 403 "a body of 1 MB sent at once is read whole (403: it holds no CSRF token)"
n=$(deadline_count)
expect_eq "$n" 2 "the program logged the two bodies that did not come in time"
# The log names the path, but never the secret of a link in it.
TOKEN=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE
FCGI_URI=/reset/$TOKEN fcgi_post perl -e '$| = 1; print "a=1&b="; sleep 60'
expect_status 408 "a body that stops, on a reset link, is answered 408"
n=$(deadline_count)
expect_eq "$n" 3 "the program logged it"
if grep -q -- "$TOKEN" "$E2E_DIR/program.log"; then
	bad "the log does not hold the link's token" "$(grep -- "$TOKEN" "$E2E_DIR/program.log")"
else
	ok "the log does not hold the link's token"
fi
expect_eq "$(grep -c -- "POST /reset/<token>: .*$DEADLINE_LINE" "$E2E_DIR/program.log")" 1 \
    "the log names the path as /reset/<token>"
program_alive "after four uploads"
server_stop

# --- Apache without mod_reqtimeout --------------------------------------------

section "Apache without mod_reqtimeout: the program's deadline"
E2E_APACHE_REQTIMEOUT=off server_start apache
uploads stopped 2
uploads trickling 1 --every 0.5 --seconds 20
sleep 1
timed_get "GET / during three slow uploads, for two workers"
uploads_wait trickling
if grep -Eq '^conn 1: (answered [45][0-9][0-9]|closed)' "$E2E_DIR/trickling.out"; then
	ok "the trickling upload ended: $(sed -n 's/^conn 1: //p' "$E2E_DIR/trickling.out")"
else
	bad "the trickling upload ended" "$(cat "$E2E_DIR/trickling.out")"
fi
deadline_wait 3
n=$(deadline_count)
expect_eq "$n" 3 "the program answered the three uploads 408 ($DEADLINE_LINE)"
# Apache holds the two stopped uploads until its Timeout (60 s).
uploads_stop stopped
program_alive "Apache"
as visitor
get /
expect_status 200 "GET / afterwards"
server_stop

# --- Apache as conf/apache.conf has it ----------------------------------------

section "Apache with conf/apache.conf's RequestReadTimeout (body=10)"
RESEAUTER_READ_TIMEOUT=120 server_start apache
uploads stopped 3
sleep 1
timed_get "GET / during three stopped uploads, for two workers"
uploads_wait stopped
for k in 1 2 3; do
	if grep -q "^conn $k: answered 408" "$E2E_DIR/stopped.out"; then
		ok "stopped upload $k: Apache answers 408 ($(sed -n "s/^conn $k: //p" "$E2E_DIR/stopped.out"))"
	else
		bad "stopped upload $k: Apache answers 408" "$(cat "$E2E_DIR/stopped.out")"
	fi
done
n=$(deadline_count)
expect_eq "$n" 0 "Apache ended them, not the program's deadline"
program_alive "Apache with mod_reqtimeout"
server_stop

# --- nginx and lighttpd ---------------------------------------------------------

for kind in nginx lighttpd; do
	section "$kind holds the bodies"
	server_start "$kind"
	uploads stopped 3
	sleep 1
	timed_get "GET / during three stopped uploads, for two workers"
	uploads_stop stopped
	n=$(deadline_count "$([ "$kind" = nginx ] && echo program.log || echo lighttpd.log)")
	expect_eq "$n" 0 "the program saw none of the bodies"
	server_stop
done

e2e_finish
