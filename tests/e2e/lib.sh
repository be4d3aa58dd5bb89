# tests/e2e/lib.sh: what the end-to-end suites share.  Sourced, not run.
#
# A suite calls e2e_setup, starts a server (server_start lighttpd, nginx,
# apache, cgi...), speaks HTTP to it with get/post/req, checks what came
# back with the expect_* functions, and ends with e2e_finish, which stops
# the server and prints "N passed, N failed" as its last line (exit status
# 1 on failure).
#
# Servers listen on 127.0.0.1 only, on a port found free at run time; each
# suite has its own temporary directory (database, sockets, configurations,
# logs), removed at the end unless E2E_KEEP=1.
#
# Requests: after `as alice`, every request carries alice's cookies and
# stores what the answer sets; the answer is in $STATUS, $E2E_DIR/headers
# (one "Name: value" line each, no CR) and $E2E_DIR/body.  The same calls
# work for every transport: curl to lighttpd, nginx or Apache, or the
# program run once per request as a CGI script (E2E_MODE=cgi).
#
# Variables a caller may set: B (build directory), E2E_BIN (the program),
# E2E_ADMIN (reseauter-admin, beside the program unless given),
# E2E_CONFDIR (conf/), E2E_DATADIR (where static/ is: the repository),
# E2E_KEEP=1 (keep the temporary directory), E2E_VERBOSE=1 (print every
# request), E2E_APACHE_REQTIMEOUT=off (Apache without conf/apache.conf's
# RequestReadTimeout, as where mod_reqtimeout is off), E2E_SANITIZED=1 (the program is built with ASan: its reports
# are failures), E2E_VALGRIND=1 (the program runs under valgrind's
# memcheck, and any error or definite or indirect leak it reports is a
# failure: with the servers that lib.sh starts the program for, nginx*
# and apache, it is one FastCGI process under memcheck for the whole
# suite, stopped with SIGTERM at the end so that its leaks are counted;
# with cgi, each run of the program; lighttpd starts the program itself
# and is refused); for one CGI request,
# E2E_EXPECT_EXIT=1 (the program is meant to fail: its exit status is no
# problem).

E2E_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
B=${B:-build}
case $B in /*) ;; *) B=$E2E_ROOT/$B ;; esac
E2E_BIN=${E2E_BIN:-$B/reseauter}
E2E_ADMIN=${E2E_ADMIN:-$(dirname "$E2E_BIN")/reseauter-admin}
# The web server templates with mkconf.sh, and the directory holding
# static/: the repository's, or an installed tree's (tests/e2e/install.sh).
E2E_CONFDIR=${E2E_CONFDIR:-$E2E_ROOT/conf}
E2E_DATADIR=${E2E_DATADIR:-$E2E_ROOT}
E2E_PASS=0
E2E_FAIL=0
E2E_MODE=
E2E_DIR=
E2E_USER=anon
E2E_PIDS=()
STATUS=
BASE=
HOSTPORT=
# Extra request headers for the next requests ("Name: value" each).
E2E_HEADERS=()
# The client address the CGI transport reports (servers see 127.0.0.1).
E2E_REMOTE_ADDR=127.0.0.1
# How long to wait, in seconds: for one answer (curl), for the program's
# socket and the first answer after a start, and for everything to end
# after SIGTERM.  memcheck makes the program some fifty times slower, and
# its leak check at the exit takes time of its own.
if [ -n "${E2E_VALGRIND:-}" ]; then
	E2E_WAIT_ANSWER=300 E2E_WAIT_START=120 E2E_WAIT_STOP=120
else
	E2E_WAIT_ANSWER=60 E2E_WAIT_START=10 E2E_WAIT_STOP=5
fi
# The command that runs the program under memcheck (E2E_VALGRIND): -q
# leaves only its reports in the log file (valgrind.<pid> in E2E_DIR), and
# any of them makes the exit status 99; --fair-sched=yes hands the one
# thread that valgrind runs at a time round the workers in turn.
E2E_VALGRIND_CMD=(valgrind --tool=memcheck --fair-sched=yes --leak-check=full
    --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect --error-exitcode=99 -q
    --suppressions="$E2E_ROOT/tests/valgrind.supp")

# --- counting ---------------------------------------------------------------

# ok DESCRIPTION: one expectation met.
ok() {
	E2E_PASS=$((E2E_PASS + 1))
	printf 'ok   %s\n' "$1"
}

# bad DESCRIPTION DETAIL: one expectation not met, with what came instead.
bad() {
	E2E_FAIL=$((E2E_FAIL + 1))
	printf 'FAIL %s\n' "$1"
	[ -z "${2:-}" ] || printf '%s\n' "$2" | sed -e 's/^/     /'
}

# section TITLE: a heading in the output.
section() {
	printf '\n# %s\n' "$1"
}

# e2e_die MESSAGE: the suite cannot go on (the server did not start...).
e2e_die() {
	bad "$1" "${2:-}"
	e2e_finish
	exit 1
}

# --- set-up and tear-down ---------------------------------------------------

# e2e_setup NAME: a fresh temporary directory and database for one suite.
e2e_setup() {
	E2E_NAME=$1
	E2E_DIR=$(mktemp -d "${TMPDIR:-/tmp}/reseauter-e2e-$1.XXXXXX") || exit 1
	trap 'e2e_cleanup' EXIT
	trap 'exit 130' INT TERM
	mkdir -p "$E2E_DIR/jars"
	: >"$E2E_DIR/header-problems"
	: >"$E2E_DIR/program-problems"
	E2E_RESPONSES=0
	# The program's configuration (lib/config.h).  Unset what could come
	# from the caller's environment and change what the journey expects.
	unset RESEAUTER_SOCKET RESEAUTER_MAX_BODY RESEAUTER_LOGIN_MAX_ACCOUNT \
	    RESEAUTER_LOGIN_MAX_ADDR RESEAUTER_SIGNUP_MAX_ADDR \
	    RESEAUTER_INVITE_TTL RESEAUTER_SESSION_IDLE \
	    RESEAUTER_SESSION_MAX RESEAUTER_SECURE_COOKIES \
	    RESEAUTER_READ_TIMEOUT RESEAUTER_READ_MINRATE
	export RESEAUTER_DB=$E2E_DIR/reseauter.db
	export RESEAUTER_TEMPLATES=$E2E_ROOT/templates
	export RESEAUTER_LOCALEDIR=$B/locale
	export RESEAUTER_SCHEMA=$E2E_ROOT/schema.sql
	export RESEAUTER_THREADS=${RESEAUTER_THREADS:-4}
	if [ -n "${E2E_SANITIZED:-}" ]; then
		export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:log_path=$E2E_DIR/asan
		export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$E2E_DIR/ubsan
		# A leak suppressed (fontconfig's caches, kept for the life of
		# the process) is not a report: print_suppressions=0 keeps
		# LeakSanitizer from writing "Suppressions used:" into the log
		# when nothing else leaked.  A real leak is still written there,
		# and e2e_check_program_logs makes it a failure.
		if [ -f "$E2E_ROOT/tests/unit/lsan.supp" ]; then
			export LSAN_OPTIONS=suppressions=$E2E_ROOT/tests/unit/lsan.supp:print_suppressions=0
		fi
	fi
	if [ ! -x "$E2E_BIN" ]; then
		e2e_die "the program $E2E_BIN is built" "not found or not executable: run make first"
	fi
	section "$E2E_NAME: $E2E_BIN, in $E2E_DIR"
}

e2e_cleanup() {
	server_stop
	if [ -n "$E2E_DIR" ] && [ -z "${E2E_KEEP:-}" ]; then
		rm -rf "$E2E_DIR"
	elif [ -n "$E2E_DIR" ]; then
		echo "kept $E2E_DIR"
	fi
}

# e2e_free_port: prints a TCP port that nothing on this machine uses now.
# Reads /proc/net/tcp*: no tool needed.  A race with another program is
# possible; server_start tries again with another port.
e2e_free_port() {
	local port hex i
	for i in $(seq 1 100); do
		port=$((20000 + RANDOM % 40000))
		hex=$(printf '%04X' "$port")
		if ! cat /proc/net/tcp /proc/net/tcp6 2>/dev/null |
		    awk '{print $2}' | grep -qi ":$hex\$"; then
			echo "$port"
			return 0
		fi
	done
	return 1
}

# e2e_finish: stops the server, checks what every answer had to carry,
# prints the count and returns 1 when something failed.
e2e_finish() {
	server_stop
	section "$E2E_NAME: on every answer of the program"
	if [ "${E2E_RESPONSES:-0}" -gt 0 ]; then
		if [ -s "$E2E_DIR/header-problems" ]; then
			bad "security headers on all $E2E_RESPONSES answers of the program" \
			    "$(sort "$E2E_DIR/header-problems" | uniq -c | head -n 30)"
		else
			ok "security headers on all $E2E_RESPONSES answers of the program"
		fi
	fi
	e2e_check_program_logs
	if [ -s "$E2E_DIR/program-problems" ]; then
		bad "the program ran cleanly (exit status, sanitizers, crashes)" \
		    "$(head -n 60 "$E2E_DIR/program-problems")"
	elif [ "${E2E_RESPONSES:-0}" -gt 0 ]; then
		ok "the program ran cleanly (exit status, sanitizers, crashes)"
	fi
	echo
	echo "$E2E_PASS passed, $E2E_FAIL failed"
	[ "$E2E_FAIL" -eq 0 ]
}

# e2e_check_valgrind WHAT: moves the reports of memcheck (E2E_VALGRIND)
# into the program's problems, under WHAT (the request).  With -q, memcheck
# writes only what it reports: any line is a problem.
e2e_check_valgrind() {
	local f
	for f in "$E2E_DIR"/valgrind.*; do
		[ -e "$f" ] || continue
		if [ -s "$f" ]; then
			{ echo "$1: valgrind:"; head -n 60 "$f"; } >>"$E2E_DIR/program-problems"
		fi
		rm -f "$f"
	done
}

# Sanitizer reports (log_path) and crashes in the server logs.
e2e_check_program_logs() {
	local f
	e2e_check_valgrind "the program ($E2E_KIND)"
	for f in "$E2E_DIR"/asan.* "$E2E_DIR"/ubsan.*; do
		[ -s "$f" ] || continue
		{ echo "== $f"; head -n 40 "$f"; } >>"$E2E_DIR/program-problems"
		rm -f "$f"
	done
	for f in "$E2E_DIR"/*.log; do
		[ -s "$f" ] || continue
		if grep -Eq 'AddressSanitizer|LeakSanitizer|runtime error:|Segmentation fault|core dumped|terminated by signal|died' "$f"; then
			{ echo "== $f"; grep -E -A5 'AddressSanitizer|LeakSanitizer|runtime error:|Segmentation fault|core dumped|terminated by signal|died' "$f" | head -n 40; } \
			    >>"$E2E_DIR/program-problems"
		fi
	done
}

# --- servers ----------------------------------------------------------------

# server_start KIND: starts the program behind a web server on a free port
# of 127.0.0.1 and waits until it answers.  KIND is
#   lighttpd         lighttpd starts the program itself (conf/lighttpd.conf);
#   nginx            nginx (conf/nginx.conf), the program under spawn-fcgi;
#   nginx-socket     nginx, the program opening RESEAUTER_SOCKET itself;
#   nginx-activated  nginx, the program socket-activated: systemd-socket-activate
#                    holds the socket and starts the program at the first
#                    connection with the socket as descriptor 3, as
#                    conf/reseauter.socket does;
#   nginx-held       nginx, the program socket-activated by
#                    tests/e2e/socket-holder.pl, which keeps the socket
#                    open as systemd does and starts the program again
#                    at the next connection after it ended;
#   nginx-tls        nginx-socket over HTTPS, as certbot --nginx leaves
#                    conf/nginx.conf (listen ... ssl, a certificate), with a
#                    certificate made here for 127.0.0.1 and
#                    RESEAUTER_BASE_URL https://...: the program sends HSTS
#                    and its cookies are Secure and named __Host-;
#   apache           Apache httpd (conf/apache.conf, mod_proxy_fcgi), the
#                    program opening RESEAUTER_SOCKET itself;
#   cgi              no server: the program run once per request.
# Sets BASE (http://127.0.0.1:PORT, or https://), HOSTPORT.
server_start() {
	local kind=$1 try
	E2E_KIND=$kind
	if [ -n "${E2E_VALGRIND:-}" ] && [ "$kind" = lighttpd ]; then
		e2e_die "E2E_VALGRIND needs a server that lib.sh starts the program for (nginx-socket...) or cgi, not lighttpd, which starts it itself"
	fi
	for try in 1 2 3; do
		E2E_PORT=$(e2e_free_port) || e2e_die "a free port on 127.0.0.1"
		HOSTPORT=127.0.0.1:$E2E_PORT
		BASE=http://$HOSTPORT
		E2E_CURL_TLS=()
		if [ "$kind" = nginx-tls ]; then
			BASE=https://$HOSTPORT
			E2E_CURL_TLS=(--cacert "$E2E_DIR/tls.crt")
		fi
		export RESEAUTER_BASE_URL=$BASE
		case $kind in
		lighttpd) server_start_lighttpd ;;
		nginx) server_start_nginx spawn-fcgi ;;
		nginx-socket) server_start_nginx socket ;;
		nginx-activated) server_start_nginx activated ;;
		nginx-held) server_start_nginx held ;;
		nginx-tls) server_start_nginx socket tls ;;
		apache) server_start_apache ;;
		cgi) E2E_MODE=cgi; return 0 ;;
		*) e2e_die "server_start: unknown kind $kind" ;;
		esac
		if server_wait; then
			return 0
		fi
		if [ "$try" -lt 3 ] && grep -qi 'address already in use' "$E2E_DIR"/*.log 2>/dev/null; then
			server_stop
			continue
		fi
		break
	done
	e2e_die "$kind starts and answers on $BASE" "$(tail -n 30 "$E2E_DIR"/*.log 2>/dev/null)"
}

server_start_lighttpd() {
	E2E_MODE=http
	"$E2E_CONFDIR/mkconf.sh" "$E2E_CONFDIR/lighttpd.conf" "$E2E_DIR/lighttpd.conf" \
	    ADDR=127.0.0.1 PORT="$E2E_PORT" ROOT="$E2E_DATADIR" BIN="$E2E_BIN" \
	    STATE="$E2E_DIR" SOCKET="$E2E_DIR/reseauter.sock" \
	    ACCESS_LOG="$E2E_DIR/lighttpd-access.log" DB="$RESEAUTER_DB" TEMPLATES="$RESEAUTER_TEMPLATES" \
	    LOCALEDIR="$RESEAUTER_LOCALEDIR" SCHEMA="$RESEAUTER_SCHEMA" \
	    BASE_URL="$BASE" || e2e_die "conf/lighttpd.conf fills in"
	lighttpd -D -f "$E2E_DIR/lighttpd.conf" >"$E2E_DIR/lighttpd.log" 2>&1 </dev/null &
	E2E_PIDS+=("$!")
}

# program_start HOW SOCKET [MODE]: starts the program on the Unix socket
# SOCKET, for a web server that does not start it, and waits until the
# socket is there.  HOW is spawn-fcgi (which opens the socket and hands it
# to the program as fd 0), socket (the program opens RESEAUTER_SOCKET with
# RESEAUTER_SOCKET_MODE=MODE, 0600 unless given) or activated
# (systemd-socket-activate opens it and, at the first connection, becomes
# the program with the socket as fd 3; like systemd, it passes on only the
# variables named with -E) or held (tests/e2e/socket-holder.pl holds the
# socket, as systemd does, and starts the program on it as fd 3 at the
# first connection, and again after the program ended).  With E2E_VALGRIND, the program is memcheck
# running it, in the same process (spawn-fcgi -n and
# systemd-socket-activate exec it).
program_start() {
	local how=$1 sock=$2 mode=${3:-0600} i name setenv=() prog=("$E2E_BIN")
	rm -f "$sock"
	[ -z "${E2E_VALGRIND:-}" ] ||
	    prog=("${E2E_VALGRIND_CMD[@]}" --log-file="$E2E_DIR/valgrind.%p" "$E2E_BIN")
	case $how in
	spawn-fcgi)
		spawn-fcgi -n -s "$sock" -M "$mode" -- "${prog[@]}" \
		    >"$E2E_DIR/program.log" 2>&1 </dev/null & ;;
	socket)
		RESEAUTER_SOCKET=$sock RESEAUTER_SOCKET_MODE=$mode "${prog[@]}" \
		    >"$E2E_DIR/program.log" 2>&1 </dev/null & ;;
	activated)
		for name in $(env | sed -n 's/^\(RESEAUTER_[A-Z_]*\)=.*/\1/p; s/^\([A-Z]*SAN_OPTIONS\)=.*/\1/p; s/^\(TZ\)=.*/\1/p'); do
			setenv+=(-E "$name")
		done
		systemd-socket-activate -l "$sock" "${setenv[@]}" -- "${prog[@]}" \
		    >"$E2E_DIR/program.log" 2>&1 </dev/null & ;;
	held)
		perl "$E2E_ROOT/tests/e2e/socket-holder.pl" "$sock" "${prog[@]}" \
		    >"$E2E_DIR/program.log" 2>&1 </dev/null & ;;
	*)
		e2e_die "program_start: unknown way $how" ;;
	esac
	E2E_PIDS+=("$!")
	E2E_PROGRAM_PID=$!
	for i in $(seq 1 $((E2E_WAIT_START * 10))); do
		[ -S "$sock" ] && break
		sleep 0.1
	done
	[ -S "$sock" ] || e2e_die "the program's socket $sock is there ($how)" \
	    "$(tail -n 30 "$E2E_DIR/program.log")"
}

# nginx with a configuration made here: conf/nginx.conf's server block in
# a main file whose pid, logs and temporary files are all in E2E_DIR.
server_start_nginx() {
	local how=$1 tls=${2:-} sock=$E2E_DIR/reseauter.sock user=''
	E2E_MODE=http
	program_start "$how" "$sock"
	"$E2E_CONFDIR/mkconf.sh" "$E2E_CONFDIR/nginx.conf" "$E2E_DIR/nginx-site.conf" \
	    ADDR=127.0.0.1 PORT="$E2E_PORT" SERVER_NAME=127.0.0.1 \
	    ROOT="$E2E_DATADIR" SOCKET="$sock" ACCESS_LOG="$E2E_DIR/nginx-access.log" ||
	    e2e_die "conf/nginx.conf fills in"
	if [ -n "$tls" ]; then
		# What certbot --nginx does to the server block: TLS on its
		# listen line and a certificate, here one made for 127.0.0.1.
		[ -s "$E2E_DIR/tls.crt" ] ||
		    openssl req -x509 -newkey rsa:2048 -nodes -days 2 \
			-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
			-keyout "$E2E_DIR/tls.key" -out "$E2E_DIR/tls.crt" \
			>"$E2E_DIR/openssl.log" 2>&1 ||
		    e2e_die "openssl makes a certificate" "$(cat "$E2E_DIR/openssl.log")"
		sed -i "s|^\( *listen 127.0.0.1:$E2E_PORT\);|\1 ssl;\n    ssl_certificate $E2E_DIR/tls.crt;\n    ssl_certificate_key $E2E_DIR/tls.key;|" \
		    "$E2E_DIR/nginx-site.conf"
		grep -q "listen 127.0.0.1:$E2E_PORT ssl;" "$E2E_DIR/nginx-site.conf" ||
		    e2e_die "conf/nginx.conf's listen line takes ssl"
	fi
	# Workers run as the user who started nginx: only root may name one.
	[ "$(id -u)" -ne 0 ] || user="user $(id -un) $(id -gn);"
	mkdir -p "$E2E_DIR/nginx-tmp"
	cat >"$E2E_DIR/nginx.conf" <<-EOF
	$user
	daemon off;
	worker_processes 1;
	pid $E2E_DIR/nginx.pid;
	error_log $E2E_DIR/nginx.log warn;
	events { worker_connections 1024; }
	http {
	    include /etc/nginx/mime.types;
	    default_type application/octet-stream;
	    access_log off;
	    client_body_temp_path $E2E_DIR/nginx-tmp/body;
	    fastcgi_temp_path $E2E_DIR/nginx-tmp/fastcgi;
	    proxy_temp_path $E2E_DIR/nginx-tmp/proxy;
	    uwsgi_temp_path $E2E_DIR/nginx-tmp/uwsgi;
	    scgi_temp_path $E2E_DIR/nginx-tmp/scgi;
	    include $E2E_DIR/nginx-site.conf;
	}
	EOF
	nginx -p "$E2E_DIR" -e "$E2E_DIR/nginx.log" -c "$E2E_DIR/nginx.conf" \
	    >>"$E2E_DIR/nginx.log" 2>&1 </dev/null &
	E2E_PIDS+=("$!")
}

# Apache httpd with a main configuration made here (modules from Debian's
# /usr/lib/apache2/modules, pid, logs and run-time files in E2E_DIR, no
# Debian /etc/apache2 read) that includes conf/apache.conf's VirtualHost.
# Apache does not start FastCGI programs: the program opens its socket.
# As root, Apache will not serve as root: its children run as www-data (a
# user Debian's apache2 package makes), and may reach the socket as a
# deployment lets them (group www-data, mode 0660; E2E_DIR searchable).
# As anyone else, User and Group are ignored and the children stay the
# same user.
server_start_apache() {
	local sock=$E2E_DIR/reseauter.sock mods=/usr/lib/apache2/modules user= m
	local reqtimeout=reqtimeout
	E2E_MODE=http
	if [ "$(id -u)" -eq 0 ]; then
		user="User www-data
Group www-data"
		chmod 0711 "$E2E_DIR"
		program_start socket "$sock" 0660
		chgrp www-data "$sock" || e2e_die "the socket goes to group www-data"
	else
		program_start socket "$sock" 0600
	fi
	"$E2E_CONFDIR/mkconf.sh" "$E2E_CONFDIR/apache.conf" "$E2E_DIR/apache-site.conf" \
	    ADDR=127.0.0.1 PORT="$E2E_PORT" SERVER_NAME=127.0.0.1 \
	    ROOT="$E2E_DATADIR" SOCKET="$sock" ACCESS_LOG="$E2E_DIR/apache-access.log" ||
	    e2e_die "conf/apache.conf fills in"
	if [ "${E2E_APACHE_REQTIMEOUT:-}" = off ]; then
		# As on a server without mod_reqtimeout (once loaded, even
		# without the directive, it has time-outs of its own): only
		# the program's read deadline ends a slow request body.
		sed -i -e '/^[[:space:]]*RequestReadTimeout[[:space:]]/d' \
		    "$E2E_DIR/apache-site.conf"
		reqtimeout=
	fi
	{
		# Debian builds a few modules in (unixd, log_config): only
		# what is not there already is loaded.  reqtimeout is one
		# Debian enables, and conf/apache.conf needs it.
		for m in mpm_event unixd authz_core mime alias dir headers \
		    setenvif $reqtimeout proxy proxy_fcgi; do
			echo "<IfModule !${m}_module>"
			echo "    LoadModule ${m}_module $mods/mod_$m.so"
			echo "</IfModule>"
		done
		cat <<-EOF
		$user
		ServerRoot $E2E_DIR
		ServerName 127.0.0.1
		Listen 127.0.0.1:$E2E_PORT
		PidFile $E2E_DIR/apache.pid
		DefaultRuntimeDir $E2E_DIR
		Mutex file:$E2E_DIR default
		ErrorLog $E2E_DIR/apache.log
		LogLevel warn
		ServerTokens Prod
		ServerSignature Off
		TraceEnable Off
		TypesConfig /etc/mime.types
		StartServers 1
		ServerLimit 1
		ThreadsPerChild 32
		MaxRequestWorkers 32
		MinSpareThreads 4
		MaxSpareThreads 32
		<Directory />
		    Options None
		    AllowOverride None
		    Require all denied
		</Directory>
		Include $E2E_DIR/apache-site.conf
		EOF
	} >"$E2E_DIR/apache.conf"
	apache2 -DFOREGROUND -f "$E2E_DIR/apache.conf" \
	    >>"$E2E_DIR/apache.log" 2>&1 </dev/null &
	E2E_PIDS+=("$!")
}

# server_wait: waits (E2E_WAIT_START seconds, 10 unless under memcheck)
# until GET / gets an HTTP answer.
server_wait() {
	local i code pid
	for i in $(seq 1 $((E2E_WAIT_START * 10))); do
		code=$(curl -s "${E2E_CURL_TLS[@]}" -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/" 2>/dev/null)
		if [ -n "$code" ] && [ "$code" != 000 ]; then
			return 0
		fi
		for pid in "${E2E_PIDS[@]}"; do
			kill -0 "$pid" 2>/dev/null || return 1
		done
		sleep 0.1
	done
	return 1
}

# e2e_children PID: prints the process ids whose parent is PID (read
# from /proc: no tool needed).
e2e_children() {
	awk -v parent="$1" '{ f = FILENAME; sub(/.*\) /, ""); if ($2 == parent) {
	    sub(/^\/proc\//, "", f); sub(/\/stat$/, "", f); print f } }' \
	    /proc/[0-9]*/stat 2>/dev/null
}

# lighttpd_program_pid [TRIES]: the program that lighttpd (the first of
# E2E_PIDS) started.  lighttpd has two children: the program and the sed
# that writes its access log (conf/lighttpd.conf); the program is the one
# that is not sed (nor, for a moment at its start, the shell that execs
# sed).  Read from the kernel's list of lighttpd's children, else from a
# scan of /proc (which a process ending meanwhile may upset): TRIES times
# (10) 0.1 s apart until there is one.
lighttpd_program_pid() {
	local pid kids comm _
	for _ in $(seq 1 "${1:-10}"); do
		kids=$(cat /proc/"${E2E_PIDS[0]}"/task/*/children 2>/dev/null)
		[ -n "$kids" ] || kids=$(e2e_children "${E2E_PIDS[0]}")
		for pid in $kids; do
			comm=$(cat /proc/"$pid"/comm 2>/dev/null)
			case $comm in ''|sed|sh) continue ;; esac
			echo "$pid"
			return 0
		done
		sleep 0.1
	done
}

# server_stop: stops what server_start started with SIGTERM, as an init
# system or a terminal would, and checks that everything ended within 5 s
# (E2E_WAIT_STOP: longer under memcheck, which checks for leaks then),
# the program that lighttpd spawned included (a web server stops its
# FastCGI program with SIGTERM).  What is still there is killed, and
# written down as a problem of the program.
server_stop() {
	local pid i alive all=() kids
	[ "${#E2E_PIDS[@]}" -gt 0 ] || return 0
	for pid in "${E2E_PIDS[@]}"; do
		all+=("$pid")
		kids=$(e2e_children "$pid")
		[ -z "$kids" ] || mapfile -t -O "${#all[@]}" all <<<"$kids"
	done
	for ((i = ${#E2E_PIDS[@]} - 1; i >= 0; i--)); do
		kill -TERM "${E2E_PIDS[i]}" 2>/dev/null
	done
	for i in $(seq 1 $((E2E_WAIT_STOP * 10))); do
		alive=
		for pid in "${all[@]}"; do
			if kill -0 "$pid" 2>/dev/null && ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null; then
				alive=yes
			fi
		done
		[ -n "$alive" ] || break
		sleep 0.1
	done
	for pid in "${all[@]}"; do
		if kill -0 "$pid" 2>/dev/null && ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null; then
			echo "$E2E_KIND: process $pid ($(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c 1-60)) still ran $E2E_WAIT_STOP s after SIGTERM" \
			    >>"$E2E_DIR/program-problems"
			kill -KILL "$pid" 2>/dev/null
		fi
	done
	for pid in "${E2E_PIDS[@]}"; do
		wait "$pid" 2>/dev/null
		# memcheck's own status when it reported something, in case
		# its log says nothing of it.
		if [ $? -eq 99 ] && [ "$pid" = "${E2E_PROGRAM_PID:-}" ] &&
		    [ -n "${E2E_VALGRIND:-}" ]; then
			echo "$E2E_KIND: memcheck ended the program with status 99 (errors or leaks)" \
			    >>"$E2E_DIR/program-problems"
		fi
	done
	E2E_PIDS=()
	E2E_PROGRAM_PID=
}

# --- cookies ----------------------------------------------------------------

# as USER: the next requests are USER's, with USER's cookie jar (a file of
# "name value" lines, made here so that the three transports share it).
as() {
	E2E_USER=$1
	touch "$E2E_DIR/jars/$1"
}

# cookie NAME: prints the current user's cookie NAME ("" when none), or
# __Host-NAME, as the program names its cookies over HTTPS.
cookie() {
	awk -v n="$1" -v h="__Host-$1" '$1 == n || $1 == h { v = $2 } END { print v }' \
	    "$E2E_DIR/jars/$E2E_USER"
}

# set_cookie NAME VALUE: puts a cookie in the current user's jar by hand.
set_cookie() {
	local jar=$E2E_DIR/jars/$E2E_USER
	awk -v n="$1" '$1 != n' "$jar" >"$jar.new"
	[ -z "$2" ] || printf '%s %s\n' "$1" "$2" >>"$jar.new"
	mv "$jar.new" "$jar"
}

# The Cookie header of the current user ("" when the jar is empty).
cookie_header() {
	awk 'NF == 2 { printf "%s%s=%s", sep, $1, $2; sep = "; " }' "$E2E_DIR/jars/$E2E_USER"
}

# Stores the Set-Cookie lines of the last answer in the current user's jar.
# A cookie with Max-Age <= 0 or an Expires in the past, or an empty value,
# is removed, as a browser would.
update_jar() {
	local line nv name value attrs lower
	while IFS= read -r line; do
		nv=${line#*: }
		name=${nv%%=*}
		value=${nv#*=}
		value=${value%%;*}
		attrs=${nv#*;}
		[ "$attrs" != "$nv" ] || attrs=
		lower=$(printf '%s' "$attrs" | tr 'A-Z' 'a-z')
		if [ -z "$value" ] ||
		    printf '%s' "$lower" | grep -Eq 'max-age= *(0|-[0-9]+)( *;|$)|expires=[^;]*19[0-9][0-9]'; then
			set_cookie "$name" ""
		else
			set_cookie "$name" "$value"
		fi
	done < <(grep -i '^set-cookie:' "$E2E_DIR/headers")
}

# --- requests ---------------------------------------------------------------

# urlencode STRING: prints STRING encoded for a form body (bytes, UTF-8 as is).
urlencode() {
	local LC_ALL=C s=$1 out='' c i
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		case $c in
		[A-Za-z0-9._~-]) out+=$c ;;
		' ') out+=+ ;;
		*) printf -v c '%%%02X' "'$c"; out+=$c ;;
		esac
	done
	printf '%s' "$out"
}

# form NAME=VALUE...: prints the urlencoded body of these fields, in order.
form() {
	local pair sep=
	for pair in "$@"; do
		printf '%s%s=%s' "$sep" "$(urlencode "${pair%%=*}")" "$(urlencode "${pair#*=}")"
		sep='&'
	done
}

# req METHOD PATH [BODYFILE [CONTENT_TYPE]]: one request as the current
# user.  Sets STATUS; the answer is in $E2E_DIR/headers and $E2E_DIR/body.
req() {
	local method=$1 path=$2 bodyfile=${3:-} ctype=${4:-application/x-www-form-urlencoded}
	STATUS=000
	: >"$E2E_DIR/headers"
	: >"$E2E_DIR/body"
	if [ "$E2E_MODE" = cgi ]; then
		req_cgi "$method" "$path" "$bodyfile" "$ctype"
	else
		req_http "$method" "$path" "$bodyfile" "$ctype"
	fi
	update_jar
	E2E_LAST="$method $path"
	[ -z "${E2E_VERBOSE:-}" ] || echo "     > $E2E_USER: $method $path -> $STATUS"
	case $path in
	/static/*) ;;
	*) [ -n "${E2E_EXPECT_EXIT:-}" ] || check_security_headers ;;
	esac
}

req_http() {
	local method=$1 path=$2 bodyfile=$3 ctype=$4 h args=()
	args=(-sS "${E2E_CURL_TLS[@]}" --max-time "$E2E_WAIT_ANSWER" -X "$method"
	    -D "$E2E_DIR/headers.raw" -o "$E2E_DIR/body" -w '%{http_code}' -H 'Expect:')
	h=$(cookie_header)
	[ -z "$h" ] || args+=(-H "Cookie: $h")
	for h in "${E2E_HEADERS[@]}"; do
		args+=(-H "$h")
	done
	if [ -n "$bodyfile" ]; then
		args+=(-H "Content-Type: $ctype" --data-binary "@$bodyfile")
	fi
	STATUS=$(curl "${args[@]}" "$BASE$path" 2>"$E2E_DIR/curl.err")
	[ -n "$STATUS" ] || STATUS=000
	# Header lines without CR, the status line left out.
	tr -d '\r' <"$E2E_DIR/headers.raw" | sed -e '1d' -e '/^$/d' >"$E2E_DIR/headers"
}

# The program run as a CGI script: the request in its environment, the
# body on its standard input; its output is split at the first empty line
# and "Status:" gives the status (200 when absent, 302 with a Location).
req_cgi() {
	local method=$1 path=$2 bodyfile=$3 ctype=$4 h name env=() rc hdrlen run
	local pathpart=${path%%\?*} query=
	[ "$pathpart" = "$path" ] || query=${path#*\?}
	env=(PATH="$PATH" GATEWAY_INTERFACE=CGI/1.1 SERVER_PROTOCOL=HTTP/1.1
	    SERVER_SOFTWARE=reseauter-e2e REQUEST_METHOD="$method"
	    REQUEST_URI="$path" SCRIPT_NAME= PATH_INFO="$pathpart"
	    QUERY_STRING="$query" REMOTE_ADDR="$E2E_REMOTE_ADDR" REMOTE_PORT=50000
	    SERVER_NAME=127.0.0.1 SERVER_PORT="$E2E_PORT" SERVER_ADDR=127.0.0.1
	    HTTP_HOST="$HOSTPORT" REQUEST_SCHEME=http)
	for name in $(env | sed -n 's/^\(RESEAUTER_[A-Z_]*\)=.*/\1/p; s/^\([A-Z]*SAN_OPTIONS\)=.*/\1/p; s/^\(TZ\)=.*/\1/p'); do
		env+=("$name=${!name}")
	done
	h=$(cookie_header)
	[ -z "$h" ] || env+=(HTTP_COOKIE="$h")
	for h in "${E2E_HEADERS[@]}"; do
		name=$(printf '%s' "${h%%:*}" | tr 'a-z-' 'A-Z_')
		env+=("HTTP_$name=$(printf '%s' "${h#*:}" | sed -e 's/^ *//')")
	done
	if [ -n "$bodyfile" ]; then
		env+=(CONTENT_LENGTH="$(wc -c <"$bodyfile" | tr -d ' ')" CONTENT_TYPE="$ctype")
	else
		bodyfile=/dev/null
		env+=(CONTENT_LENGTH=)
	fi
	run=(timeout 60 "$E2E_BIN")
	if [ -n "${E2E_VALGRIND:-}" ]; then
		# memcheck makes each run some fifty times slower; its reports
		# go to a file of their own, so that stderr stays the program's.
		run=(timeout 600 "${E2E_VALGRIND_CMD[@]}"
		    --log-file="$E2E_DIR/valgrind.%p" "$E2E_BIN")
	fi
	(cd "$E2E_DIR" && exec env -i "${env[@]}" "${run[@]}") \
	    <"$bodyfile" >"$E2E_DIR/cgi.out" 2>"$E2E_DIR/cgi.err"
	rc=$?
	cat "$E2E_DIR/cgi.err" >>"$E2E_DIR/cgi.log"
	e2e_check_valgrind "$method $path"
	if [ -n "${E2E_EXPECT_EXIT:-}" ]; then
		# A failure the caller asked for: only its output is kept.
		cp "$E2E_DIR/cgi.out" "$E2E_DIR/body"
		return
	fi
	if [ "$rc" -ne 0 ]; then
		echo "$method $path: exit status $rc" >>"$E2E_DIR/program-problems"
	fi
	if grep -Eq 'AddressSanitizer|LeakSanitizer|runtime error:' "$E2E_DIR/cgi.err"; then
		{ echo "$method $path:"; head -n 30 "$E2E_DIR/cgi.err"; } >>"$E2E_DIR/program-problems"
	fi
	# Length in bytes of the header block, empty line included.
	hdrlen=$(LC_ALL=C awk '{ n += length($0) + 1 } /^\r?$/ { print n; found = 1; exit }
	    END { if (!found) print -1 }' "$E2E_DIR/cgi.out")
	if [ "$hdrlen" -lt 0 ]; then
		echo "$method $path: CGI output without an empty line after the headers" \
		    >>"$E2E_DIR/program-problems"
		cp "$E2E_DIR/cgi.out" "$E2E_DIR/body"
		return
	fi
	head -c "$hdrlen" "$E2E_DIR/cgi.out" | tr -d '\r' | sed -e '/^$/d' >"$E2E_DIR/headers"
	tail -c "+$((hdrlen + 1))" "$E2E_DIR/cgi.out" >"$E2E_DIR/body"
	STATUS=$(sed -n 's/^[Ss]tatus: *\([0-9][0-9][0-9]\).*/\1/p' "$E2E_DIR/headers" | head -n 1)
	if [ -z "$STATUS" ]; then
		if grep -qi '^location:' "$E2E_DIR/headers"; then STATUS=302; else STATUS=200; fi
	fi
}

# get PATH: a GET as the current user.
get() {
	req GET "$1"
}

# post PATH NAME=VALUE...: a form POST as the current user.
post() {
	local path=$1
	shift
	form "$@" >"$E2E_DIR/request"
	req POST "$path" "$E2E_DIR/request"
}

# post_raw PATH BODY [CONTENT_TYPE]: a POST of BODY exactly as given.
post_raw() {
	printf '%s' "$2" >"$E2E_DIR/request"
	req POST "$1" "$E2E_DIR/request" "${3:-application/x-www-form-urlencoded}"
}

# --- reading the answer -----------------------------------------------------

# header NAME: prints the value of the last header NAME of the answer.
header() {
	awk -v n="$1" 'BEGIN { n = tolower(n) } { i = index($0, ":") }
	    i && tolower(substr($0, 1, i - 1)) == n { v = substr($0, i + 1); sub(/^[ \t]+/, "", v) }
	    END { print v }' "$E2E_DIR/headers"
}

# location: the Location of the answer as a path (scheme and host removed).
location() {
	header Location | sed -E 's,^https?://[^/]+,,'
}

# input_value NAME [N]: prints the value of the Nth (1st) <input name=NAME>
# of the answer, whatever the order of its attributes.
input_value() {
	tr '\n' ' ' <"$E2E_DIR/body" | grep -o '<input[^>]*>' |
	    grep -E "name=\"$1\"" | sed -n "${2:-1}p" |
	    sed -n 's/.*value="\([^"]*\)".*/\1/p'
}

# textarea_value NAME [N]: prints the text of the Nth (1st) <textarea
# name=NAME> of the answer, as it is in the page (HTML-escaped).
textarea_value() {
	TA_NAME=$1 TA_N=${2:-1} perl -0777 -ne '
	    my ($name, $n) = ($ENV{TA_NAME}, $ENV{TA_N});
	    my @v = /<textarea\b[^>]*\bname="\Q$name\E"[^>]*>(.*?)<\/textarea>/gs;
	    my $t = $v[$n - 1] // ""; $t =~ s/^\r?\n//; print $t;
	' <"$E2E_DIR/body"
}

# The form controls of a page, read as a browser reads them (perl, run by
# field_of and form_pairs): <input> (a checkbox or radio only when
# checked, with "on" when it has no value; no buttons), <textarea> (its
# text, the one newline after the tag left out) and <select> (its selected
# option, else its first, as a browser sends it), in page order, each
# printed NUL-terminated as "kind NAME=VALUE" with the entities decoded.
# With E2E_FORM_ACTION set, only the controls of the form whose action
# that is.
E2E_CONTROLS_PL='
use strict; use warnings;
local $/; my $b = <STDIN>;
sub dec { my $s = shift; $s =~ s/&lt;/</g; $s =~ s/&gt;/>/g; $s =~ s/&quot;/"/g;
    $s =~ s/&#0*39;/\x27/g; $s =~ s/&#x0*27;/\x27/gi; $s =~ s/&#(\d+);/chr($1)/ge; $s =~ s/&amp;/&/g; $s }
sub attr { my ($tag, $a) = @_; return $tag =~ /\s\Q$a\E="([^"]*)"/ ? $1 : undef }
my $act = $ENV{E2E_FORM_ACTION};
if (defined $act && $act ne "") {
    $b =~ m{<form\b[^>]*\saction="\Q$act\E"[^>]*>(.*?)</form>}s or exit 3;
    $b = $1;
}
while ($b =~ m{(<input\b[^>]*>)|(<textarea\b[^>]*>)(.*?)</textarea>|(<select\b[^>]*>)(.*?)</select>}gs) {
    my ($kind, $name, $v);
    if (defined $1) {
        my $t = $1;
        $name = attr($t, "name"); next unless defined $name;
        my $type = lc(attr($t, "type") // "text");
        next if $type =~ /^(submit|button|image|reset|file)$/;
        $v = attr($t, "value");
        if ($type eq "checkbox" || $type eq "radio") {
            next unless $t =~ /\schecked(?:[\s>=\/])/;
            $kind = "check"; $v //= "on";
        } else { $kind = "input"; $v //= ""; }
    } elsif (defined $2) {
        $name = attr($2, "name"); next unless defined $name;
        $kind = "text"; $v = $3; $v =~ s/^\r?\n//;
    } else {
        $name = attr($4, "name"); next unless defined $name;
        my $o = $5; $kind = "select";
        if ($o =~ /<option\b[^>]*\svalue="([^"]*)"[^>]*\sselected\b/) { $v = $1 }
        elsif ($o =~ /<option\b[^>]*\svalue="([^"]*)"/) { $v = $1 }
        else { $v = "" }
    }
    print $kind, " ", dec($name), "=", dec($v), "\0";
}
'

# field_of NAME: the value of the form control NAME of the answer, as a
# person reads it on the page: an input's value, a textarea's text, the
# selected option of a select; for checkboxes and radio buttons, the
# values of those ticked, joined by ',' in page order ("" when none).
# Entities are decoded: compare with the text as typed.
field_of() {
	local line kind nv out='' sep=''
	while IFS= read -r -d '' line; do
		kind=${line%% *}
		nv=${line#* }
		[ "${nv%%=*}" = "$1" ] || continue
		if [ "$kind" = check ]; then
			out+=$sep${nv#*=}
			sep=,
		else
			printf '%s' "${nv#*=}"
			return 0
		fi
	done < <(perl -e "$E2E_CONTROLS_PL" <"$E2E_DIR/body")
	printf '%s' "$out"
}

# form_pairs ACTION: prints, NUL-terminated, the NAME=VALUE pairs that a
# browser would send for the form of the answer whose action is ACTION,
# with every control as the page shows it (no button pressed).  Fails
# when the page has no such form.
form_pairs() {
	local line
	E2E_FORM_ACTION=$1 perl -e "$E2E_CONTROLS_PL" <"$E2E_DIR/body" >"$E2E_DIR/controls" ||
	    return 1
	while IFS= read -r -d '' line; do
		printf '%s\0' "${line#* }"
	done <"$E2E_DIR/controls"
}

# submit_form ACTION [NAME=VALUE | -NAME]...: posts the form of the last
# answer whose action is ACTION as a browser would, after these changes:
# NAME=VALUE replaces every value the page had for NAME (NAME given
# several times sends several values, as ticked checkboxes do), -NAME
# leaves NAME out (an unticked box).  A NAME the form does not hold (no
# control and no button of that name) is a failure of its own, since the
# page would not let a person send it.  The pairs sent are in
# $E2E_DIR/request.
submit_form() {
	local action=$1 arg name pair page=() changed=() pairs=() missing=
	local -A over=()
	shift
	if ! grep -qF "action=\"$action\"" "$E2E_DIR/body"; then
		bad "the page has a form posting to $action" "$(what_came)"
		return 1
	fi
	mapfile -d '' -t page < <(form_pairs "$action")
	for arg in "$@"; do
		case $arg in
		-*) name=${arg#-} ;;
		*) name=${arg%%=*}; changed+=("$arg") ;;
		esac
		over[$name]=1
		grep -qF "name=\"$name\"" "$E2E_DIR/body" || missing="$missing $name"
	done
	[ -z "$missing" ] || bad "the form of $action holds what is sent" "no control named:$missing"
	for pair in "${page[@]}"; do
		[ -n "${over[${pair%%=*}]:-}" ] || pairs+=("$pair")
	done
	post "$action" "${pairs[@]}" "${changed[@]}"
}

# csrf_token: the token of the page's forms (the first hidden csrf input).
csrf_token() {
	input_value csrf
}

# form_token: the CSRF token to post with, from the last page (its forms)
# or, for a visitor, the rt_csrf cookie.
form_token() {
	local t
	t=$(csrf_token)
	[ -n "$t" ] || t=$(cookie rt_csrf)
	printf '%s' "$t"
}

# body_text: the body without tags, spaces squeezed, for messages.
body_text() {
	sed -e 's/<[^>]*>/ /g' "$E2E_DIR/body" | tr -s ' \t\n' ' ' | cut -c 1-400
}

# What came back, for a failure message.
what_came() {
	printf '%s -> %s' "$E2E_LAST" "$STATUS"
	[ -z "$(header Location)" ] || printf ' Location: %s' "$(header Location)"
	printf '\n  body: %s' "$(body_text)"
}
# expect_access_log_without_tokens LOG SERVER: asks for the paths of five
# links (share, a share's download, invitation, reset, join code) and
# checks that the access log of conf/<server>.conf, LOG, writes each with
# <token> in place of its secret, holds no token of those or of the
# journey's links, and writes other paths as they are.
expect_access_log_without_tokens() {
	local log=$1 server=$2 p leaks
	local fake=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE
	section "$server's access log holds no link's secret"
	for p in "/s/$fake" "/s/$fake/summary.pdf" "/invite/$fake" "/reset/$fake" /join/KMNPQRST; do
		get "$p?next=$fake"
	done
	sleep 1    # the server writes its log as it answers: a moment for the last line
	if [ -s "$log" ]; then ok "$server writes the access log of its configuration"; else
		bad "$server writes the access log of its configuration" "no $log"; fi
	for p in "/s/<token>" "/s/<token>/summary.pdf" "/invite/<token>" "/reset/<token>" "/join/<token>"; do
		grep -qF "\"GET $p HTTP/1.1\"" "$log" && ok "the log writes $p" ||
		    bad "the log writes $p" "$(tail -n 5 "$log")"
	done
	leaks=$(grep -E "$fake|KMNPQRST|/(s|invite|reset)/[A-Za-z0-9_-]{20,}" "$log" | head -n 3)
	[ -z "$leaks" ] && ok "no token of the journey or of these links is in it" ||
	    bad "no token of the journey or of these links is in it" "$leaks"
	grep -qE '"GET /o/[0-9]+/mission HTTP/1.1" (200|303)' "$log" &&
	    ok "other paths are written as they are" ||
	    bad "other paths are written as they are" "$(grep -m 3 '/o/' "$log")"
}


# Every answer of the program carries the protective headers; what is
# missing is written down, and e2e_finish makes it one expectation.
check_security_headers() {
	local csp hsts line path miss=
	E2E_RESPONSES=$((E2E_RESPONSES + 1))
	csp=$(header Content-Security-Policy)
	case $csp in *"default-src 'self'"*) ;; *) miss="$miss default-src" ;; esac
	case $csp in *"object-src 'none'"*) ;; *) miss="$miss object-src" ;; esac
	case $csp in *"base-uri 'none'"*) ;; *) miss="$miss base-uri" ;; esac
	case $csp in *"frame-ancestors 'none'"*) ;; *) miss="$miss frame-ancestors" ;; esac
	case $csp in *"form-action 'self'"*) ;; *) miss="$miss form-action" ;; esac
	[ "$(header X-Content-Type-Options)" = nosniff ] || miss="$miss nosniff"
	[ "$(header X-Frame-Options)" = DENY ] || miss="$miss X-Frame-Options"
	# No cache keeps an answer: pages hold plans, forms hold tokens.
	case $(header Cache-Control) in *no-store*) ;; *) miss="$miss Cache-Control" ;; esac
	# A page whose path holds a link's secret keeps it from every
	# Referer: an invitation or reset link, and what a share link reads
	# (tests/e2e/share.sh checks which pages under /s/ exactly).
	path=${E2E_LAST#* }
	path=${path%%\?*}
	if [[ $path =~ ^/(invite|reset)/[A-Za-z0-9_-]{43}$ ]]; then
		[ "$(header Referrer-Policy)" = no-referrer ] ||
		    miss="$miss Referrer-Policy:no-referrer"
	else
		case $path:$(header Referrer-Policy) in
		*:same-origin | /s/*:no-referrer | /join/*:no-referrer | \
		    /invite/*:no-referrer | /reset/*:no-referrer) ;;
		*) miss="$miss Referrer-Policy" ;;
		esac
	fi
	# HSTS exactly when the site is on HTTPS, for half a year at least.
	hsts=$(header Strict-Transport-Security)
	case $BASE in
	https://*)
		[ "$(printf '%s' "$hsts" | sed -n 's/^max-age=\([0-9]*\).*/\1/p')" -ge 15768000 ] 2>/dev/null ||
		    miss="$miss HSTS" ;;
	*)	[ -z "$hsts" ] || miss="$miss no-HSTS-over-HTTP" ;;
	esac
	# Every cookie: HttpOnly, SameSite, Path=/, no Domain; over HTTPS
	# Secure too, under a __Host- name (which browsers hold to all that).
	while IFS= read -r line; do
		line=${line#*: }
		case $line in *"; HttpOnly"*) ;; *) miss="$miss cookie-HttpOnly" ;; esac
		case $line in *"; SameSite="*) ;; *) miss="$miss cookie-SameSite" ;; esac
		case $line in *"; Path=/"*) ;; *) miss="$miss cookie-Path" ;; esac
		case $line in *[Dd]omain=*) miss="$miss cookie-Domain" ;; esac
		case $BASE:$line in
		https://*:__Host-*"; Secure"*) ;;
		https://*) miss="$miss cookie-Secure-__Host" ;;
		*:*"; Secure"*) miss="$miss cookie-Secure-over-HTTP" ;;
		esac
	done < <(grep -i '^set-cookie:' "$E2E_DIR/headers")
	[ -z "$miss" ] || echo "${E2E_LAST%%\?*} ($STATUS): missing$miss" >>"$E2E_DIR/header-problems"
}

# --- expectations -----------------------------------------------------------

# expect_status CODES DESCRIPTION: CODES is one code or several "302|303".
expect_status() {
	if printf '%s' "$STATUS" | grep -Eqx "$1"; then
		ok "$2 ($STATUS)"
	else
		bad "$2: expected $1" "$(what_came)"
	fi
}

# expect_body TEXT DESCRIPTION: the body holds TEXT (exactly, as bytes).
expect_body() {
	if grep -qF -- "$1" "$E2E_DIR/body"; then
		ok "$2"
	else
		bad "$2: body lacks $1" "$(what_came)"
	fi
}

# expect_no_body TEXT DESCRIPTION: the body does not hold TEXT.
expect_no_body() {
	if grep -qF -- "$1" "$E2E_DIR/body"; then
		bad "$2: body holds $1" "$(what_came)  near: $(grep -oF -m1 -- "$1" "$E2E_DIR/body" | head -c 200)"
	else
		ok "$2"
	fi
}

# expect_body_re ERE DESCRIPTION: the body matches an extended regex.
expect_body_re() {
	if grep -qE -- "$1" "$E2E_DIR/body"; then
		ok "$2"
	else
		bad "$2: body does not match $1" "$(what_came)"
	fi
}

# expect_header NAME ERE DESCRIPTION: some header NAME matches ERE.
expect_header() {
	if grep -i "^$1:" "$E2E_DIR/headers" | sed -e 's/^[^:]*: *//' | grep -qE -- "$2"; then
		ok "$3"
	else
		bad "$3: no $1 header matching $2" "$(what_came)
  headers: $(tr '\n' '|' <"$E2E_DIR/headers")"
	fi
}

# expect_location ERE DESCRIPTION: the Location, as a path, matches ERE
# (anchored at both ends).
expect_location() {
	if location | grep -qxE -- "$1"; then
		ok "$2"
	else
		bad "$2: Location should be $1" "$(what_came)"
	fi
}

# expect_eq GOT WANTED DESCRIPTION
expect_eq() {
	if [ "$1" = "$2" ]; then
		ok "$3"
	else
		bad "$3" "got '$1', expected '$2'"
	fi
}

# --- fixtures ---------------------------------------------------------------

# sql STATEMENTS: runs SQL on the suite's database with the sqlite3 shell,
# which works while the program runs (WAL), and prints what it selects.
sql() {
	sqlite3 -cmd '.timeout 5000' "$RESEAUTER_DB" "$1"
}

# signup_org WHO ORG NAME EMAIL PASSWORD: WHO signs up with ORG through
# the sign-up form; sets ORG_ID (0 when no organisation came of it).
signup_org() {
	as "$1"
	get /signup
	post /signup org_name="$2" name="$3" email="$4" password="$5" csrf="$(form_token)"
	expect_status 303 "$3 signs up with $2"
	ORG_ID=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
	[ -n "$ORG_ID" ] || ORG_ID=0
}

# invite_member ORG WHO NAME EMAIL PASSWORD DESCRIPTION: the current user,
# an owner of ORG, makes an invitation; WHO opens it and makes an account
# with it, which must answer 303 (DESCRIPTION).
invite_member() {
	local link
	get "/o/$1/members"
	post "/o/$1/members/invite" csrf="$(csrf_token)"
	link=$(grep -oE '/invite/[A-Za-z0-9_-]{43}' "$E2E_DIR/body" | head -n 1)
	as "$2"
	get "$link"
	post "$link" name="$3" email="$4" password="$5" csrf="$(form_token)"
	expect_status 303 "$6"
}

# grant_role ROLE EMAIL: gives ROLE (trainer or admin) to the account of
# EMAIL with reseauter-admin, as whoever runs the server does, beside the
# running program.
grant_role() {
	if "$E2E_ADMIN" grant "$1" "$2" >"$E2E_DIR/grant.out" 2>&1; then
		ok "reseauter-admin grants the $1 role to $2"
	else
		bad "reseauter-admin grants the $1 role to $2" "$(cat "$E2E_DIR/grant.out")"
	fi
}

# new_cohort WHO NAME: WHO, a trainer, creates a cohort through its page;
# sets COHORT_ID and CODE (its join code, as its settings page shows it).
new_cohort() {
	as "$1"
	get /cohorts/new
	post /cohorts/new name="$2" csrf="$(csrf_token)"
	expect_status 303 "$1 creates the cohort $2"
	COHORT_ID=$(location | sed -n 's,^/c/\([0-9][0-9]*\).*,\1,p')
	get "/c/$COHORT_ID/edit"
	CODE=$(grep -oE '\b[A-Z2-9]{4}-[A-Z2-9]{4}\b' "$E2E_DIR/body" | head -n 1)
	[ -n "$CODE" ] && ok "the cohort $2 has a join code ($CODE)" ||
	    bad "the cohort $2 has a join code" "$(what_came)"
}

# join_cohort WHO ORG CODE: WHO, an owner of ORG, puts it in the cohort of
# CODE with the join page.
join_cohort() {
	as "$1"
	get "/join/$3"
	post /join code="$3" org="$2" confirm=1 csrf="$(csrf_token)"
	expect_status 303 "$1 joins organisation $2 to the cohort $3"
}
