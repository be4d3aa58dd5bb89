#!/usr/bin/env bash
# tests/systemd/run.sh: conf/reseauter.socket and conf/reseauter.service
# under a real systemd as init (`make check-systemd`; not part of `make
# check`, since it downloads a Debian system the first time).
#
# A Debian 12 root file system made by debootstrap (minbase, with systemd,
# nginx and the libraries the program links to) is kept in
# $B/systemd/base and made again only when the package list below
# changes.  Each run copies it to $B/systemd/root, installs the build
# there with `make install DESTDIR=... PREFIX=/usr/local`, boots it with
# `systemd-nspawn -b` (systemd 252 as the container's PID 1, its own
# network namespace with only a loopback), then follows the README's
# "Deploying" steps inside (the system user, /etc/reseauter/reseauter.env,
# `systemctl enable --now reseauter.socket`, nginx's site from
# conf/nginx.conf, reseauter-admin run as the user) and checks:
#
# - the socket is active, owned root:www-data, mode 0660, and the service
#   is not running until the first request, which starts it (socket
#   activation) and is answered 200 through nginx;
# - the service's options as systemd reads them (User, NoNewPrivileges,
#   ProtectSystem, PrivateTmp, Restart...), and the running program's
#   /proc: its user, NoNewPrivs, no capability, a seccomp filter, its own
#   network namespace and /tmp, a read-only root with only the state
#   directory writable;
# - a sign-up and a saved section, the database in the StateDirectory,
#   the user's own files;
# - kill -9 of the program: systemd starts it again (Restart=on-failure)
#   and a request made meanwhile is answered, the socket staying open;
# - systemctl stop: the program ends cleanly on SIGTERM, the socket stays,
#   and the next request starts the program again, the data still there;
# - `systemd-analyze security` of the running service;
# - the container powers off, boots again with the socket listening (it
#   is enabled) and the data and session kept.
#
# Requests are made by the host's curl inside the container's network
# namespace (nsenter -n), with the helpers of tests/e2e/lib.sh; commands
# inside the container run in all its namespaces (nsenter -a), so that no
# machined or D-Bus of the host is needed.  Needs root, systemd-nspawn
# (package systemd-container) and debootstrap.  Prints "N passed, N
# failed" last.
#
# Variables: B (build directory), SYSTEMD_MIRROR (the Debian mirror
# debootstrap uses), E2E_KEEP=1 (keep the temporary directory and leave
# $B/systemd/root as the run left it).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../e2e/lib.sh"

PREFIX=/usr/local
MIRROR=${SYSTEMD_MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
# What the container needs besides minbase: systemd as init, nginx, the
# run-time libraries of build/reseauter (`ldd build/reseauter`: libfcgi,
# SQLite, ctemplate, libsodium, pango/cairo, liboath, libqrencode), tzdata
# for TZ, and procps.  The PDF's fonts are left out: nothing here makes one.
PACKAGES=systemd,systemd-sysv,dbus,nginx,libfcgi0ldbl,libsqlite3-0,libctemplate3,libsodium23,libpangocairo-1.0-0,liboath0,libqrencode4,curl,tzdata,procps
WORK=$B/systemd
BASE_ROOT=$WORK/base
ROOT=$WORK/root
MACHINE=reseauter-test
NSPAWN_PID=
CT_LEADER=
CGROUPS=()

# ct COMMAND...: runs COMMAND inside the booted container, in all its
# namespaces, with a clean environment.
ct() {
	nsenter -t "$CT_LEADER" -a -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"
}

# curl ARGS...: the host's curl in the container's network namespace, so
# that lib.sh's requests reach the container's nginx on its loopback.
curl() {
	nsenter -t "$CT_LEADER" -n -- curl "$@"
}

# prop UNIT PROPERTY: the value of a unit's property, as systemd has it.
prop() {
	ct systemctl show "$1" -p "$2" --value
}

# status_field PID NAME: a field of /proc/PID/status in the container.
status_field() {
	ct sed -n "s/^$2:[[:space:]]*//p" "/proc/$1/status"
}

# expect_prop UNIT PROPERTY VALUE
expect_prop() {
	expect_eq "$(prop "$1" "$2")" "$3" "systemctl show $1: $2=$3"
}

# wait_for SECONDS COMMAND...: runs COMMAND every 0.2 s until it succeeds
# or SECONDS pass.
wait_for() {
	local end=$((SECONDS + $1))
	shift
	until "$@"; do
		[ "$SECONDS" -lt "$end" ] || return 1
		sleep 0.2
	done
}

main_pid() {
	prop reseauter.service MainPID
}

service_running() {
	[ "$(prop reseauter.service ActiveState)" = active ] && [ "$(main_pid)" != 0 ]
}

# The host's cgroup hierarchies that systemd uses: cgroup v2 (at
# /sys/fs/cgroup, or /sys/fs/cgroup/unified beside v1) and v1's
# name=systemd.  Printed as "mount point<TAB>our cgroup in it".
cgroup_hierarchies() {
	local fs
	fs=$(stat -f -c %T /sys/fs/cgroup 2>/dev/null)
	if [ "$fs" = cgroup2fs ]; then
		printf '/sys/fs/cgroup\t%s\n' "$(sed -n 's/^0:://p' /proc/self/cgroup)"
		return
	fi
	[ ! -d /sys/fs/cgroup/unified ] ||
	    printf '/sys/fs/cgroup/unified\t%s\n' "$(sed -n 's/^0:://p' /proc/self/cgroup)"
	[ ! -d /sys/fs/cgroup/systemd ] ||
	    printf '/sys/fs/cgroup/systemd\t%s\n' "$(sed -n 's/^[0-9]*:name=systemd://p' /proc/self/cgroup)"
}

# ct_boot: boots $ROOT with systemd-nspawn in the background; sets
# NSPAWN_PID and CT_LEADER (the container's PID 1, as the host sees it).
# Under a systemd host, nspawn puts the container in a scope of its own.
# Elsewhere (no systemd as PID 1, as in a sandbox), --keep-unit keeps it
# where it is started, and nspawn makes its cgroups "payload" and
# "supervisor" under the current one: it is started in a cgroup of its own
# here, removed afterwards, so that the host's tree is left as it was.
ct_boot() {
	local args=(-D "$ROOT" -M "$MACHINE" --register=no --private-network -b --console=pipe)
	local h dir i
	if [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ]; then
		systemd-nspawn "${args[@]}" >"$E2E_DIR/nspawn.out" 2>&1 </dev/null &
	else
		while IFS=$'\t' read -r h dir; do
			dir=$h${dir%/}/reseauter-systemd-test.$$
			mkdir -p "$dir" && CGROUPS+=("$dir")
		done < <(cgroup_hierarchies)
		(
			for dir in "${CGROUPS[@]}"; do
				echo "$BASHPID" >"$dir/cgroup.procs" || exit 1
			done
			exec systemd-nspawn --keep-unit "${args[@]}"
		) >"$E2E_DIR/nspawn.out" 2>&1 </dev/null &
	fi
	NSPAWN_PID=$!
	for i in $(seq 1 100); do
		for h in $(e2e_children "$NSPAWN_PID"); do
			if [ "$(cat "/proc/$h/comm" 2>/dev/null)" = systemd ]; then
				CT_LEADER=$h
				return 0
			fi
		done
		kill -0 "$NSPAWN_PID" 2>/dev/null || break
		sleep 0.1
	done
	return 1
}

# ct_stop: powers the container off (SIGTERM to nspawn asks its systemd to
# halt), kills it after 60 s, and removes the cgroups made for it.
ct_stop() {
	local i dir
	if [ -n "$NSPAWN_PID" ] && kill -0 "$NSPAWN_PID" 2>/dev/null; then
		kill -TERM "$NSPAWN_PID"
		for i in $(seq 1 600); do
			kill -0 "$NSPAWN_PID" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$NSPAWN_PID" 2>/dev/null; then
			echo "systemd-nspawn still ran 60 s after SIGTERM: killed" >>"$E2E_DIR/nspawn.out"
			kill -KILL "$NSPAWN_PID"
		fi
		wait "$NSPAWN_PID" 2>/dev/null
	fi
	NSPAWN_PID=
	for dir in "${CGROUPS[@]}"; do
		# Deepest first; rmdir removes only empty cgroups.
		find "$dir" -depth -type d -exec rmdir {} + 2>/dev/null
	done
	CGROUPS=()
	# nspawn leaves this empty directory when /run is no tmpfs.
	rmdir "/run/systemd/nspawn/propagate/$MACHINE" 2>/dev/null
}

run_make() {
	(cd "$E2E_ROOT" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	    make -s B="$B" PREFIX="$PREFIX" DESTDIR="$ROOT" "$@")
}

e2e_setup systemd
trap 'ct_stop; e2e_cleanup' EXIT

section "what the run needs"
missing=
[ "$(id -u)" -eq 0 ] || missing="$missing root"
for t in systemd-nspawn debootstrap nsenter; do
	command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
done
[ -z "$missing" ] || e2e_die "root, systemd-nspawn and debootstrap are there" \
    "missing:$missing (as root: apt-get install systemd-container debootstrap)"
ok "root, systemd-nspawn ($(systemd-nspawn --version | head -n 1)) and debootstrap"

section "the Debian $SUITE root file system ($BASE_ROOT)"
mkdir -p "$WORK"
if [ "$(cat "$WORK/base.packages" 2>/dev/null)" != "$PACKAGES $SUITE $MIRROR" ]; then
	echo "debootstrap --variant=minbase $SUITE (a few minutes, some 100 MB downloaded)"
	rm -rf "$BASE_ROOT" "$WORK/base.packages"
	if debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$BASE_ROOT" "$MIRROR" \
	    >"$WORK/debootstrap.log" 2>&1; then
		echo "$PACKAGES $SUITE $MIRROR" >"$WORK/base.packages"
	else
		e2e_die "debootstrap makes the root file system" "$(tail -n 20 "$WORK/debootstrap.log")"
	fi
fi
ok "the root file system is there (systemd $(chroot "$BASE_ROOT" dpkg-query -W -f '${Version}' systemd), nginx $(chroot "$BASE_ROOT" dpkg-query -W -f '${Version}' nginx))"
rm -rf "$ROOT"
cp -a "$BASE_ROOT" "$ROOT" || e2e_die "a fresh copy of the root file system in $ROOT"

section "make install DESTDIR=$ROOT PREFIX=$PREFIX"
run_make install >"$E2E_DIR/install.log" 2>&1
expect_eq "$?" 0 "make install into the container's tree succeeds"
if [ -x "$ROOT$PREFIX/lib/reseauter/reseauter" ] && [ -f "$ROOT$PREFIX/lib/systemd/system/reseauter.service" ]; then
	ok "the program and its units are installed"
else
	e2e_die "the program and its units are installed" "$(tail -n 20 "$E2E_DIR/install.log")"
fi
missing_libs=$(chroot "$ROOT" ldd "$PREFIX/lib/reseauter/reseauter" "$PREFIX/bin/reseauter-admin" 2>&1 | grep 'not found')
expect_eq "$missing_libs" "" "the container has every library the program and reseauter-admin link to"

section "systemd-nspawn -b: systemd as the container's init"
ct_boot || e2e_die "the container boots" "$(tail -n 30 "$E2E_DIR/nspawn.out")"
ok "systemd-nspawn started systemd as PID 1 (host pid $CT_LEADER)"
# systemctl speaks to systemd on /run/systemd/private, made early in the
# boot; then --wait waits for the boot's jobs to end.
wait_for 60 test -S "/proc/$CT_LEADER/root/run/systemd/private"
state=$(timeout 120 nsenter -t "$CT_LEADER" -a -- env -i PATH=/usr/bin:/bin \
    systemctl is-system-running --wait 2>&1)
if [ "$state" = running ]; then
	ok "the system finishes booting: $state"
else
	bad "the system finishes booting: running" "$state
$(ct systemctl --failed --no-pager 2>&1 | head -n 20)"
fi
expect_eq "$(ct cat /proc/1/comm)" systemd "PID 1 in the container is systemd"
expect_eq "$(ct systemctl is-active nginx.service)" active "nginx runs"

section "the README's steps, inside"
ct useradd --system --user-group --home-dir /var/lib/reseauter --shell /usr/sbin/nologin reseauter
expect_eq "$?" 0 "useradd --system reseauter"
uid=$(ct id -u reseauter)
ct install -d /etc/reseauter
printf 'RESEAUTER_BASE_URL=http://127.0.0.1\nTZ=America/Montreal\n' >"$ROOT/etc/reseauter/reseauter.env"
ct sh -c 'systemctl daemon-reload && systemctl enable --now reseauter.socket' >"$E2E_DIR/enable.out" 2>&1
expect_eq "$?" 0 "systemctl daemon-reload && systemctl enable --now reseauter.socket"
expect_eq "$(ct systemctl is-enabled reseauter.socket)" enabled "reseauter.socket is enabled (it will be there at the next boot)"
ct "$PREFIX/share/reseauter/conf/mkconf.sh" "$PREFIX/share/reseauter/conf/nginx.conf" \
    /etc/nginx/sites-available/reseauter ADDR=127.0.0.1 PORT=80 SERVER_NAME=127.0.0.1 \
    ROOT="$PREFIX/share/reseauter" SOCKET=/run/reseauter/reseauter.sock \
    ACCESS_LOG=/var/log/nginx/reseauter.log
expect_eq "$?" 0 "mkconf.sh fills conf/nginx.conf into sites-available"
ct ln -s ../sites-available/reseauter /etc/nginx/sites-enabled/reseauter
ct sh -c 'nginx -t -q && systemctl reload nginx' >"$E2E_DIR/reload.out" 2>&1
expect_eq "$?" 0 "nginx -t, systemctl reload nginx"

section "socket activation"
expect_eq "$(ct systemctl is-active reseauter.socket)" active "reseauter.socket is active"
expect_prop reseauter.socket Listen "/run/reseauter/reseauter.sock (Stream)"
expect_eq "$(ct stat -c '%F %U:%G %a' /run/reseauter/reseauter.sock)" "socket root:www-data 660" \
    "the socket is root:www-data, mode 0660: nginx's workers (www-data) may open it"
expect_eq "$(ct systemctl is-active reseauter.service)" inactive "the program does not run before the first request"
BASE=http://127.0.0.1
HOSTPORT=127.0.0.1:80
E2E_MODE=http
E2E_KIND=systemd
# systemctl reload returns before nginx's new workers answer: until then
# its default site does.  A static file, which nginx serves itself (the
# default site has none), tells when the site is there without starting
# the program.
for i in $(seq 1 100); do
	[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/static/style.css")" = 200 ] && break
	sleep 0.2
done
as visitor
get /
expect_status 200 "the first request, through nginx, is answered"
expect_body 'lang="fr"' "by the program (in French)"
expect_eq "$(ct systemctl is-active reseauter.service)" active "it started reseauter.service"
pid=$(main_pid)
expect_eq "$(prop reseauter.service TriggeredBy)" reseauter.socket "reseauter.service is triggered by reseauter.socket"
get /static/style.css
expect_status 200 "nginx serves the installed static/ itself"

section "the service's confinement, as systemd has it"
expect_prop reseauter.service User reseauter
expect_prop reseauter.service NoNewPrivileges yes
expect_prop reseauter.service ProtectSystem strict
expect_prop reseauter.service PrivateTmp yes
expect_prop reseauter.service PrivateNetwork yes
expect_prop reseauter.service PrivateUsers yes
expect_prop reseauter.service Restart on-failure
expect_prop reseauter.service StateDirectory reseauter
expect_prop reseauter.service CapabilityBoundingSet ""

section "the running program (pid $pid in the container), from /proc"
expect_eq "$(ct cat /proc/"$pid"/comm)" reseauter "the main process is the program"
expect_eq "$(status_field "$pid" Uid | tr -s '\t' ' ')" "$uid $uid $uid $uid" "it runs as reseauter (uid $uid), not root"
expect_eq "$(status_field "$pid" Gid | awk '{print $1}')" "$(ct id -g reseauter)" "with reseauter's group"
expect_eq "$(status_field "$pid" NoNewPrivs)" 1 "NoNewPrivs: 1"
expect_eq "$(status_field "$pid" CapEff) $(status_field "$pid" CapBnd)" "0000000000000000 0000000000000000" \
    "no capability, none it could gain"
expect_eq "$(status_field "$pid" Seccomp)" 2 "a seccomp filter (SystemCallFilter)"
if [ "$(ct readlink /proc/"$pid"/ns/net)" != "$(ct readlink /proc/1/ns/net)" ]; then
	ok "a network namespace of its own (PrivateNetwork)"
else
	bad "a network namespace of its own (PrivateNetwork)" "the same as PID 1's"
fi
ct cat /proc/"$pid"/mountinfo >"$E2E_DIR/mountinfo"
# mountinfo: 5th field the mount point, 6th its options.
expect_eq "$(awk '$5 == "/" { print $6 }' "$E2E_DIR/mountinfo" | cut -d, -f1 | tail -n 1)" ro \
    "its root is read-only (ProtectSystem=strict)"
expect_eq "$(awk '$5 == "/var/lib/reseauter" { print $6 }' "$E2E_DIR/mountinfo" | cut -d, -f1 | tail -n 1)" rw \
    "and its state directory /var/lib/reseauter writable"
expect_eq "$(awk '$5 == "/tmp" { print $4 }' "$E2E_DIR/mountinfo" | grep -c 'systemd-private-.*-reseauter.service-')" 1 \
    "its /tmp is its own (PrivateTmp)"
expect_eq "$(awk '$5 == "/home" || $5 == "/root" { n++ } END { print n + 0 }' "$E2E_DIR/mountinfo")" 2 \
    "/home and /root are hidden (ProtectHome)"

section "a sign-up and a save, the database in the StateDirectory"
as hortense
get /signup
post /signup org_name="Carrefour jeunesse de Rimouski" name="Hortense Lavoie" \
    email=hortense@example.org password='Phoque-du-Bas-du-Fleuve-8' csrf="$(form_token)"
expect_status 303 "a person signs up"
org=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
get "/o/$org/mission"
expect_status 200 "the mission form"
post "/o/$org/mission" mission="Accompagner les jeunes vers l'emploi." means="Trois intervenants" \
    strategy="Des portraits de jeunes, chaque mois." version="$(input_value version)" csrf="$(csrf_token)"
expect_status 303 "the mission is saved"
get "/o/$org/mission"
expect_eq "$(field_of mission)" "Accompagner les jeunes vers l'emploi." "the mission saved is shown back"
expect_eq "$(ct stat -c '%U %a' /var/lib/reseauter)" "reseauter 700" "/var/lib/reseauter is reseauter's, mode 0700"
expect_eq "$(ct sh -c 'stat -c "%n %U %a" /var/lib/reseauter/reseauter.db*' | tr '\n' ' ')" \
    "/var/lib/reseauter/reseauter.db reseauter 600 /var/lib/reseauter/reseauter.db-shm reseauter 600 /var/lib/reseauter/reseauter.db-wal reseauter 600 " \
    "the database and its -wal and -shm are there, reseauter's, mode 0600 (UMask=0077)"
# The README's step 4; the password on standard input, as from a script.
echo 'Goelette-de-Tadoussac-42' | ct runuser -u reseauter -- env RESEAUTER_DB=/var/lib/reseauter/reseauter.db \
    "$PREFIX/bin/reseauter-admin" create-admin admin@example.org "Adèle Admin" >"$E2E_DIR/admin.out" 2>&1
rc=$?
if [ "$rc" -eq 0 ]; then ok "reseauter-admin create-admin, run as reseauter beside the running program"; else
	bad "reseauter-admin create-admin, run as reseauter beside the running program" "status $rc: $(cat "$E2E_DIR/admin.out")"; fi
expect_eq "$(ct find /var/lib/reseauter ! -user reseauter | head -n 5)" "" "every file there is still reseauter's"
as adele
get /login
post /login email=admin@example.org password='Goelette-de-Tadoussac-42' csrf="$(form_token)"
expect_status 303 "the administrator logs in through nginx"
get /admin
expect_status 200 "and opens /admin"

section "kill -9: Restart=on-failure, the socket held by systemd"
restarts=$(prop reseauter.service NRestarts)
# Never kill -KILL 0 (every process of the group) or nothing.
case $pid in
''|0|*[!0-9]*) e2e_die "the program's pid is known before killing it" "MainPID '$pid'" ;;
esac
ct kill -KILL "$pid"
# RestartSec=2s: this request waits in the socket's queue until the new
# process accepts it.
as hortense
get "/o/$org/mission"
expect_status 200 "a request made just after the kill is answered"
expect_eq "$(field_of mission)" "Accompagner les jeunes vers l'emploi." "with the mission saved before"
expect_eq "$(prop reseauter.service NRestarts)" $((restarts + 1)) "systemd restarted the service once (NRestarts)"
pid2=$(main_pid)
if [ -n "$pid2" ] && [ "$pid2" != 0 ] && [ "$pid2" != "$pid" ]; then
	ok "a new process serves (pid $pid2, was $pid)"
else
	bad "a new process serves" "MainPID $pid2, was $pid"
fi
ct journalctl -u reseauter.service --no-pager -o cat >"$E2E_DIR/journal.txt" 2>&1
grep -q 'code=killed, status=9/KILL' "$E2E_DIR/journal.txt" &&
    ok "the journal says the program was killed (status=9/KILL)" ||
    bad "the journal says the program was killed (status=9/KILL)" "$(tail -n 10 "$E2E_DIR/journal.txt")"
expect_eq "$(ct systemctl is-active reseauter.socket)" active "the socket stayed active"

section "systemctl stop, then a request"
ct systemctl stop reseauter.service 2>"$E2E_DIR/stop.err"
expect_eq "$(ct systemctl is-active reseauter.service)" inactive "systemctl stop reseauter.service stops it"
expect_eq "$(prop reseauter.service Result) $(prop reseauter.service ExecMainCode)/$(prop reseauter.service ExecMainStatus)" \
    "success 1/0" "the program ended on SIGTERM with status 0 (Result=success)"
expect_eq "$(ct systemctl is-active reseauter.socket)" active "the socket stays active"
get "/o/$org/mission"
expect_status 200 "the next request is answered"
expect_eq "$(field_of mission)" "Accompagner les jeunes vers l'emploi." "with the data still there"
expect_eq "$(ct systemctl is-active reseauter.service)" active "it started the service again"
expect_eq "$(ct systemctl is-failed reseauter.service)" active "the service is not failed"

section "systemctl restart, as after a change of /etc/reseauter/reseauter.env"
pid=$(main_pid)
ct systemctl restart reseauter.service 2>"$E2E_DIR/restart.err"
expect_eq "$?" 0 "systemctl restart reseauter succeeds"
pid2=$(main_pid)
if [ "$pid2" != 0 ] && [ "$pid2" != "$pid" ]; then ok "a new process runs (pid $pid2, was $pid)"; else
	bad "a new process runs" "MainPID $pid2, was $pid"; fi
# Type=simple: systemctl returns once systemd has forked; the environment
# is the program's once it has executed it.
wait_for 10 test "$(ct cat "/proc/$pid2/comm" 2>/dev/null)" = reseauter
ct cat "/proc/$pid2/environ" | tr '\0' '\n' >"$E2E_DIR/environ"
expect_eq "$(sed -n 's/^RESEAUTER_BASE_URL=//p' "$E2E_DIR/environ")" http://127.0.0.1 \
    "reseauter.env's RESEAUTER_BASE_URL overrides the unit's Environment="
expect_eq "$(sed -n 's/^TZ=//p' "$E2E_DIR/environ")" America/Montreal "and its TZ is there"
expect_eq "$(ct systemctl is-active reseauter.socket)" active "the socket stays active"
get "/o/$org/mission"
expect_status 200 "requests are answered"

section "systemd-analyze security, on the running service"
ct systemd-analyze security --no-pager reseauter.service >"$E2E_DIR/security.txt" 2>&1
level=$(sed -n 's/.*Overall exposure level for reseauter.service: \([0-9.]*\).*/\1/p' "$E2E_DIR/security.txt")
if [ -n "$level" ] && awk -v l="$level" 'BEGIN { exit !(l <= 1.0) }'; then
	ok "exposure level $level (at most 1.0)"
else
	bad "exposure level at most 1.0" "$(grep -E '^✗|Overall' "$E2E_DIR/security.txt" | head -n 20)"
fi

section "poweroff, then the next boot"
ct journalctl -u reseauter.service -u reseauter.socket --no-pager >"$E2E_DIR/journal.txt" 2>&1
ct journalctl -b --no-pager >"$E2E_DIR/boot-journal.txt" 2>&1
ct_stop
if grep -q 'still ran 60 s' "$E2E_DIR/nspawn.out"; then
	bad "the container powers off within 60 s" "$(tail -n 20 "$E2E_DIR/nspawn.out")"
else
	ok "the container powers off within 60 s"
fi
ct_boot || e2e_die "the container boots again" "$(tail -n 30 "$E2E_DIR/nspawn.out")"
wait_for 60 test -S "/proc/$CT_LEADER/root/run/systemd/private"
state=$(timeout 120 nsenter -t "$CT_LEADER" -a -- env -i PATH=/usr/bin:/bin \
    systemctl is-system-running --wait 2>&1)
expect_eq "$state" running "it boots again"
expect_eq "$(ct systemctl is-active reseauter.socket) $(ct systemctl is-active reseauter.service)" "active inactive" \
    "reseauter.socket is listening at boot (enabled), the program not started yet"
as hortense
get "/o/$org/mission"
expect_status 200 "the session of before the reboot still works"
expect_eq "$(field_of mission)" "Accompagner les jeunes vers l'emploi." "and the mission saved before is there"
ct_stop
if [ -n "${E2E_KEEP:-}" ]; then
	echo "the container's tree stays in $ROOT"
else
	rm -rf "$ROOT"
fi
e2e_finish
