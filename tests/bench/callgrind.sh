# tests/bench/callgrind.sh: the program under callgrind as a FastCGI
# server, for tests/bench/run.sh, cg.sh and cg-save.sh, which source it
# after tests/e2e/lib.sh.  Sourced, not run.
# shellcheck shell=bash

# cg_fcgi_start PROGRAM OUT: PROGRAM serves FastCGI with one thread on
# $E2E_DIR/cg.sock under callgrind, which counts inside serve() only and
# writes a profile after each request (OUT.1, OUT.2...; valgrind's own
# output goes to OUT.log).  Writes $E2E_DIR/fcgi.sh which, as E2E_BIN,
# sends a request to it through cgi-fcgi.  Returns 1 when the socket has
# not appeared after two minutes (valgrind starts slowly).
cg_fcgi_start() {
	local prog=$1 out=$2 sock=$E2E_DIR/cg.sock _
	rm -f "$sock" "$out" "$out".*
	RESEAUTER_THREADS=1 RESEAUTER_SOCKET=$sock RESEAUTER_SOCKET_MODE=0600 \
	    valgrind --tool=callgrind --toggle-collect=serve --dump-after=serve \
	    --callgrind-out-file="$out" "$prog" >"$out.log" 2>&1 </dev/null &
	E2E_PIDS+=("$!")
	for _ in $(seq 1 600); do
		[ -S "$sock" ] && break
		sleep 0.2
	done
	[ -S "$sock" ] || return 1
	printf '#!/bin/sh\nexec cgi-fcgi -bind -connect %s\n' "$sock" >"$E2E_DIR/fcgi.sh"
	chmod +x "$E2E_DIR/fcgi.sh"
}

# cg_total PROFILE: the instructions callgrind counted in PROFILE; prints
# nothing when there is no such profile.
cg_total() {
	sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$1" 2>/dev/null | head -n 1
}
