#!/usr/bin/env bash
# The connections nginx keeps open to the program between requests
# (conf/nginx.conf: fastcgi_keep_conn, an upstream keepalive pool), with
# fewer threads than kept connections: RESEAUTER_THREADS=2 against
# nginx's 16.  An idle kept connection must hold no thread (cgi/pool.c):
# with libfcgi's usual loop, a thread waits on it for nginx's next
# request there, until RESEAUTER_READ_TIMEOUT (15 s) ends the wait, and
# once both threads do, a request on another connection waits as long.
# So every request below must be answered within ANSWER seconds, with
# the program holding more idle connections than it has threads, and
# beside connections made straight to its socket that send nothing, or
# no FastCGI; a body the program refuses unread must not put its
# connection out of step; SIGTERM must stop the program at once; what
# nginx closes, the program closes too.  Then, the program started again
# with RESEAUTER_READ_TIMEOUT=2 (nginx keeps its idle connections 10 s):
# the program closes the connections left idle, one that brings nothing
# and one that stops within a record, each after its read deadline, and
# goes on answering.  Prints "N passed, N failed" last.
here=$(dirname "$0")
. "$here/lib.sh"

# Below the read deadline of the first part, well above a page's time.
ANSWER=12

e2e_setup keepconn
export RESEAUTER_THREADS=2 RESEAUTER_MAX_BODY=1024 RESEAUTER_READ_TIMEOUT=15
server_start nginx-socket
SOCK=$E2E_DIR/reseauter.sock

# conns: how many connections the program holds, its listening socket
# aside.
conns() {
	echo $(($(find "/proc/$E2E_PROGRAM_PID/fd" -lname 'socket:*' 2>/dev/null | wc -l) - 1))
}

# burst N PATH: N requests for PATH at once (one curl, N transfers in
# parallel on N connections), each within ANSWER seconds; prints their
# statuses, sorted and counted ("12 200").
burst() {
	local i
	for i in $(seq 1 "$1"); do
		printf 'url = "%s"\noutput = "/dev/null"\n' "$BASE$2"
	done >"$E2E_DIR/burst.cfg"
	curl -s -Z --parallel-immediate --parallel-max "$1" --max-time "$ANSWER" -w '%{http_code}\n' \
	    -K "$E2E_DIR/burst.cfg" 2>/dev/null | sort | uniq -c | sed 's/^ *//'
}

# post_body BYTES: a POST of /login whose body is BYTES bytes; prints the
# status.
post_body() {
	head -c "$1" /dev/zero | tr '\0' a | sed 's/^/x=/' >"$E2E_DIR/big"
	curl -s -o /dev/null -w '%{http_code}' --max-time "$ANSWER" \
	    -H 'Content-Type: application/x-www-form-urlencoded' \
	    --data-binary "@$E2E_DIR/big" "$BASE/login"
}

# quiet_conns SECONDS SEND...: connections straight to the program's
# socket, one for each SEND (bytes, as a perl string, that the connection
# sends before it falls silent; "" for none), each waiting SECONDS at
# most for the program to close it.  Prints one line for each, "closed"
# or "open", and runs in the background; its output goes to
# $E2E_DIR/quiet.out.
quiet_conns() {
	perl -MIO::Socket::UNIX -MIO::Select -e '
	    my ($path, $secs, @send) = @ARGV;
	    my @s = map { IO::Socket::UNIX->new(Peer => $path) or die "$!\n" } @send;
	    for my $i (0 .. $#s) { my $b = eval "\"$send[$i]\""; syswrite($s[$i], $b) if length $b; }
	    my $end = time + $secs;
	    for my $s (@s) {
	        my $left = $end - time; my $closed = 0;
	        while ($left > 0 && IO::Select->new($s)->can_read($left)) {
	            my $n = sysread($s, my $buf, 4096);
	            if (!$n) { $closed = 1; last; }
	            $left = $end - time;
	        }
	        print $closed ? "closed\n" : "open\n";
	    }' "$SOCK" "$@" >"$E2E_DIR/quiet.out" 2>&1 &
	QUIET=$!
}

section "nginx keeps its connections to the program"
expect_eq "$(grep -c 'fastcgi_keep_conn on' "$E2E_DIR/nginx-site.conf")" 1 \
    "conf/nginx.conf keeps the FastCGI connections"
expect_eq "$(burst 24 /login)" "24 200" "24 requests at once are answered"
# nginx opens a connection for each request that finds none idle.  On a
# busy machine curl may send them one after the other, each answered
# before the next one comes, over one connection: a few more bursts then
# (what nginx keeps stays 10 s).
n=$(conns)
for i in 2 3 4 5 6; do
	[ "$n" -le "$RESEAUTER_THREADS" ] || break
	expect_eq "$(burst 24 /login)" "24 200" "burst $i of 24 requests at once is answered"
	n=$(conns)
done
if [ "$n" -gt "$RESEAUTER_THREADS" ]; then
	ok "the program holds $n idle connections from nginx, more than its $RESEAUTER_THREADS threads"
else
	bad "the program holds more idle connections than threads" "$n connections, $RESEAUTER_THREADS threads"
fi

section "idle connections hold no thread"
for i in 1 2 3 4 5 6; do
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time "$ANSWER" "$BASE/login")
	expect_eq "$code" 200 "request $i after the burst is answered within $ANSWER s"
done
expect_eq "$(burst 24 /login)" "24 200" "24 more at once are answered"
expect_eq "$(burst 3 /)" "3 200" "and 3 more"

section "a body the program does not read keeps no connection out of step"
# RESEAUTER_MAX_BODY=1024: refused before it is read.  What is left of it
# must not be taken for the next request on the same connection: up to
# 64 KiB it is read and thrown away, beyond that the connection closed.
for i in 1 2 3; do
	expect_eq "$(post_body 5000)" 413 "an unread body of 5000 bytes is refused (request $i)"
done
expect_eq "$(burst 12 /login)" "12 200" "the connections serve the next requests"
expect_eq "$(post_body 200000)" 413 "an unread body of 200000 bytes is refused"
expect_eq "$(burst 12 /login)" "12 200" "and the next requests are answered"

section "connections that bring no request hold no thread either"
# Straight to the program's socket: four that stay silent (for less than
# the read deadline), one that sends what is not FastCGI.
quiet_conns 14 "" "" "" ""
timeout "$ANSWER" perl -MIO::Socket::UNIX -e '
    my $s = IO::Socket::UNIX->new(Peer => $ARGV[0]) or die "$!\n";
    print $s "GET / HTTP/1.0\r\n\r\n"; shutdown($s, 1); my @rest = <$s>;' "$SOCK"
expect_eq "$?" 0 "the program closes a connection that sends no FastCGI"
for i in 1 2 3; do
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time "$ANSWER" "$BASE/login")
	expect_eq "$code" 200 "request $i beside four silent connections is answered within $ANSWER s"
done
expect_eq "$(burst 12 /login)" "12 200" "and 12 at once"

section "SIGTERM stops the program at once"
# Beside nginx's kept connections and the silent ones (RESEAUTER_READ_TIMEOUT
# is 15 s: a thread waiting on a connection would keep it that long).
n=$(conns)
kill -TERM "$E2E_PROGRAM_PID"
for i in $(seq 1 50); do
	kill -0 "$E2E_PROGRAM_PID" 2>/dev/null || break
	sleep 0.1
done
if kill -0 "$E2E_PROGRAM_PID" 2>/dev/null; then
	bad "the program ends within 5 s of SIGTERM, holding $n connections" "$(tail -n 5 "$E2E_DIR/program.log")"
else
	wait "$E2E_PROGRAM_PID"
	expect_eq "$?" 0 "the program ends within 5 s of SIGTERM, holding $n connections, with status 0"
fi
wait "$QUIET"
expect_eq "$(grep -c closed "$E2E_DIR/quiet.out")" 4 "and the silent connections were closed"

section "what nginx closes, the program closes"
program_start socket "$SOCK"
expect_eq "$(burst 24 /login)" "24 200" "the program started again answers 24 requests at once"
before=$(conns)
kill -HUP "$(cat "$E2E_DIR/nginx.pid")"
# The old workers close their idle connections once they have stopped.
for i in $(seq 1 50); do
	[ "$(conns)" -le 1 ] && break
	sleep 0.2
done
n=$(conns)
if [ "$n" -le 1 ]; then
	ok "after nginx's reload the program holds $n connection(s) ($before before)"
else
	bad "the program closes the connections nginx closed" "$n still open, $before before"
fi
expect_eq "$(burst 6 /login)" "6 200" "the new workers' requests are answered"

section "what waits past its read deadline, the program closes"
# RESEAUTER_READ_TIMEOUT=2; nginx would keep its idle connections 10 s.
kill -TERM "$E2E_PROGRAM_PID"
wait "$E2E_PROGRAM_PID"
RESEAUTER_READ_TIMEOUT=2 program_start socket "$SOCK"
expect_eq "$(burst 24 /login)" "24 200" "24 requests at once are answered"
before=$(conns)
for i in $(seq 1 40); do
	[ "$(conns)" -eq 0 ] && break
	sleep 0.2
done
n=$(conns)
if [ "$before" -gt 0 ] && [ "$n" -eq 0 ]; then
	ok "the program closes the $before connections nginx left idle"
else
	bad "the program closes the connections nginx left idle" "$n still open of $before"
fi
sleep 2
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time "$ANSWER" "$BASE/login")
expect_eq "$code" 200 "a request on a new connection, after 2 s more without any, is answered"
quiet_conns 8 "" '\x01\x01' '\x01\x01\x00\x01\x00\x08\x00\x00\x00\x01\x01'
for i in 1 2 3; do
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time "$ANSWER" "$BASE/login")
	expect_eq "$code" 200 "request $i is answered within $ANSWER s beside three quiet connections"
done
wait "$QUIET"
expect_eq "$(tr '\n' ' ' <"$E2E_DIR/quiet.out")" "closed closed closed " \
    "the program closes a connection that sends nothing, one that stops within a header, one that stops within a record"
expect_eq "$(burst 12 /login)" "12 200" "and answers 12 requests at once after"

e2e_finish
