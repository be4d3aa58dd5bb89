#!/usr/bin/env bash
# tests/bench/keepconn.sh: what nginx keeping its FastCGI connections open
# (fastcgi_keep_conn, an upstream keepalive pool: conf/nginx.conf) is
# worth, against a new connection per request, for the hello responder
# (tests/bench/hello.c), the plan page of the full plan and the shared
# summary, as tests/bench/run.sh makes them.
#
#   tests/bench/keepconn.sh
#
# One nginx (a worker per core) serves each URL both ways at once, on
# two ports; wrk runs each for KC_SECONDS (6) at 32 connections, the two
# ways one after the other, KC_ROUNDS (3) times, so that whatever else
# the shared machine does falls on both alike.  Besides wrk's requests
# per second and p99, it gives the processor time per request of the
# responder (the program, or hello) and of nginx's workers, from
# /proc/<pid>/stat: what the connections cost, which moves far less
# with the machine's load than the throughput does.  Needs what make
# bench installs, and make bench-build.  Prints "N passed, N failed"
# last (the set-up's checks).
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../e2e/lib.sh
. "$here/../e2e/lib.sh"

KC_SECONDS=${KC_SECONDS:-6}
KC_ROUNDS=${KC_ROUNDS:-3}
HELLO=${BENCH_HELLO:-$B/bench/hello}
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
[ -x "$HELLO" ] || { echo "keepconn: $HELLO is not built: make bench-build" >&2; exit 1; }

# need DESCRIPTION CONDITION...: the script cannot go on unless CONDITION.
need() {
	local what=$1
	shift
	if "$@"; then ok "$what"; else e2e_die "$what" "$(what_came)"; fi
}

# ticks PID...: the processor time of the processes so far, in clock ticks.
ticks() {
	local t=0 p
	for p in "$@"; do
		t=$((t + $(sed -e 's/.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 }')))
	done
	echo "$t"
}

e2e_setup keepconn-bench
server_start nginx-socket
PROGRAM=$E2E_PROGRAM_PID
signup_org owner "Atelier de mesure" "Odile Mesure" owner@kc.invalid 'Tournesol-du-plateau-58'
get /orgs/new
STATUS=$(curl -sS -o "$E2E_DIR/body" -D "$E2E_DIR/headers.raw" -w '%{http_code}' \
    -H "Cookie: $(cookie_header)" -F "csrf=$(csrf_token)" -F "name=Plan complet" \
    -F "file=@$E2E_ROOT/lib/demo/housing.fr.json;type=application/json" "$BASE/orgs/new")
tr -d '\r' <"$E2E_DIR/headers.raw" | sed -e '1d' -e '/^$/d' >"$E2E_DIR/headers"
ORG=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
need "the owner imports the demonstration plan" test -n "$ORG"
get "/o/$ORG/share"
post "/o/$ORG/share" label="Conseil" csrf="$(csrf_token)"
SHARE=$(grep -oE '/s/[A-Za-z0-9_-]{43}' "$E2E_DIR/body" | head -n 1)
need "the owner makes a share link" test -n "$SHARE"
COOKIE=$(cookie_header)
get "/o/$ORG/"
BYTES=$(wc -c <"$E2E_DIR/body" | tr -d ' ')
rm -f "$E2E_DIR/hello.sock"
"$HELLO" "$E2E_DIR/hello.sock" "$BYTES" "$RESEAUTER_THREADS" >"$E2E_DIR/hello.log" 2>&1 </dev/null &
E2E_PIDS+=("$!")
HELLO_PID=$!
for i in $(seq 1 50); do [ -S "$E2E_DIR/hello.sock" ] && break; sleep 0.1; done
need "the hello responder listens" test -S "$E2E_DIR/hello.sock"

# Port 2: kept connections (as conf/nginx.conf); port 3: one per request.
KEEPALIVE=$(sed -n 's/^[[:space:]]*keepalive \([0-9]*\);.*/\1/p' "$E2E_DIR/nginx-site.conf" | head -n 1)
KEEPALIVE_TIMEOUT=$(sed -n 's/^[[:space:]]*keepalive_timeout \([0-9a-z]*\);.*/\1/p' "$E2E_DIR/nginx-site.conf" | head -n 1)
PORT2=$(e2e_free_port)
PORT3=$(e2e_free_port)
cat >"$E2E_DIR/kc.conf" <<EOF
upstream kc_hello { server unix:$E2E_DIR/hello.sock; keepalive ${KEEPALIVE:-16}; keepalive_timeout ${KEEPALIVE_TIMEOUT:-10s}; }
upstream kc_program { server unix:$E2E_DIR/reseauter.sock; keepalive ${KEEPALIVE:-16}; keepalive_timeout ${KEEPALIVE_TIMEOUT:-10s}; }
server {
    listen 127.0.0.1:$PORT2;
    location = /hello { include /etc/nginx/fastcgi_params; fastcgi_pass kc_hello; fastcgi_keep_conn on; }
    location / { include /etc/nginx/fastcgi_params; fastcgi_pass kc_program; fastcgi_keep_conn on; }
}
server {
    listen 127.0.0.1:$PORT3;
    location = /hello { include /etc/nginx/fastcgi_params; fastcgi_pass unix:$E2E_DIR/hello.sock; }
    location / { include /etc/nginx/fastcgi_params; fastcgi_pass unix:$E2E_DIR/reseauter.sock; }
}
EOF
sed -i -e 's/^worker_processes .*/worker_processes auto;/' \
    -e "s,^\\([[:space:]]*\\)include $E2E_DIR/nginx-site.conf;,&\\n\\1include $E2E_DIR/kc.conf;," \
    "$E2E_DIR/nginx.conf"
kill -HUP "$(cat "$E2E_DIR/nginx.pid")"
sleep 2
WORKERS=$(e2e_children "$(cat "$E2E_DIR/nginx.pid")" | tr '\n' ' ')
PATHS=(/hello "/o/$ORG/" "$SHARE")
NAMES=("hello FastCGI" "plan page" "shared summary")
for p in "${PATHS[@]}"; do
	for port in "$PORT2" "$PORT3"; do
		code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$port$p")
		need "$p answers 200 on port $port" test "$code" = 200
	done
done

section "runs: $KC_ROUNDS rounds of $KC_SECONDS s at 32 connections"
printf '| round | what | connections | req/s | p99 ms | responder us/req | nginx us/req | load |\n'
printf '|---|---|---|---:|---:|---:|---:|---:|\n'
for r in $(seq 1 "$KC_ROUNDS"); do
	for k in "${!PATHS[@]}"; do
		for port in "$PORT2" "$PORT3"; do
			app=$PROGRAM
			[ "$k" != 0 ] || app=$HELLO_PID
			a0=$(ticks "$app")
			n0=$(ticks $WORKERS)
			out=$(wrk -t2 -c32 -d"${KC_SECONDS}s" --latency -H "Cookie: $COOKIE" \
			    "http://127.0.0.1:$port${PATHS[k]}" 2>&1)
			a1=$(ticks "$app")
			n1=$(ticks $WORKERS)
			reqs=$(printf '%s\n' "$out" | awk '/requests in/ { print $1 }')
			if printf '%s\n' "$out" | grep -q 'Non-2xx\|Socket errors'; then
				bad "${NAMES[k]}, port $port: every answer a 200" "$(printf '%s\n' "$out" | grep 'Non-2xx\|Socket errors')"
			fi
			printf '| %d | %s | %s | %s | %s | %s | %s | %s |\n' "$r" "${NAMES[k]}" \
			    "$([ "$port" = "$PORT2" ] && echo kept || echo "one per request")" \
			    "$(printf '%s\n' "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }')" \
			    "$(printf '%s\n' "$out" | awk '$1 == "99%" { v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; printf "%.2f", v }')" \
			    "$(awk -v t=$((a1 - a0)) -v q="$reqs" -v hz="$CLK_TCK" 'BEGIN { printf "%.0f", t / hz * 1e6 / q }')" \
			    "$(awk -v t=$((n1 - n0)) -v q="$reqs" -v hz="$CLK_TCK" 'BEGIN { printf "%.0f", t / hz * 1e6 / q }')" \
			    "$(cut -d ' ' -f 1 /proc/loadavg)"
		done
	done
done
e2e_finish
