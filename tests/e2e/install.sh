#!/usr/bin/env bash
# `make install PREFIX=/usr/local DESTDIR=<temporary directory>` with the
# build already made (installing builds nothing), the tree it leaves (the
# program, templates, static files, translations, schema, configuration
# templates, systemd units whose paths are those of the tree, checked by
# systemd-analyze when it is there), then the installed program run from
# that tree behind lighttpd, with the installed conf/lighttpd.conf filled
# by the installed mkconf.sh: a visitor, a sign-up, a section saved, a
# static file.  Last, `make uninstall` leaves no file behind.  Prints
# "N passed, N failed" last.
here=$(dirname "$0")
. "$here/lib.sh"

PREFIX=/usr/local

# Make as a person runs it from the repository, whatever make (if any)
# runs this suite: no flag or variable of a parent make comes through.
run_make() {
	(cd "$E2E_ROOT" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	    make -s B="$B" PREFIX="$PREFIX" DESTDIR="$DEST" "$@")
}

# expect_file PATH DESCRIPTION [SOURCE]: PATH (under the installed tree)
# is a regular file, and when SOURCE is given, the same bytes.
expect_file() {
	local f=$DEST$1
	if [ ! -f "$f" ]; then
		bad "$2" "no file $f"
	elif [ -n "${3:-}" ] && ! cmp -s "$3" "$f"; then
		bad "$2" "$f differs from $3"
	else
		ok "$2"
	fi
}

# unit_value FILE KEY: every value of KEY= in a unit file, one a line.
unit_value() {
	sed -n "s/^$2=//p" "$1"
}

e2e_setup install
DEST=$E2E_DIR/dest
SHARE=$DEST$PREFIX/share/reseauter
UNITS=$DEST$PREFIX/lib/systemd/system

section "make install PREFIX=$PREFIX DESTDIR=..."
if ! run_make -q prog 2>/dev/null; then
	e2e_die "the build in $B is up to date" "run make first: installing must not build"
fi
run_make install >"$E2E_DIR/install.log" 2>&1
expect_eq "$?" 0 "make install succeeds"
run_make -q prog 2>/dev/null
expect_eq "$?" 0 "and leaves the build as it was"
expect_eq "$(find "$DEST" -path "$DEST$PREFIX" -prune -o -print | sed -e "s,^$DEST,," | sort | tr '\n' ' ')" \
    " /usr " "nothing is installed outside PREFIX"
expect_eq "$(find "$DEST" -perm -o+w ! -type l | head -n 5)" "" "nothing installed is writable by all"

expect_file "$PREFIX/lib/reseauter/reseauter" "the program is in PREFIX/lib/reseauter" "$B/reseauter"
if [ -x "$DEST$PREFIX/lib/reseauter/reseauter" ]; then ok "the program is executable"; else
	bad "the program is executable" "$(ls -l "$DEST$PREFIX/lib/reseauter/reseauter" 2>&1)"; fi
if [ -f "$B/reseauter-admin" ]; then
	expect_file "$PREFIX/bin/reseauter-admin" "the administrators' tool is in PREFIX/bin" "$B/reseauter-admin"
else
	echo "note: $B/reseauter-admin is not built: its installation is not checked"
fi
expect_file "$PREFIX/share/reseauter/schema.sql" "the schema is in PREFIX/share/reseauter" "$E2E_ROOT/schema.sql"
for mo in "$B"/locale/*.mo; do
	expect_file "$PREFIX/share/reseauter/locale/$(basename "$mo")" \
	    "the translation $(basename "$mo") is in PREFIX/share/reseauter/locale" "$mo"
done
[ -f "$SHARE/locale/fr.mo" ] && [ -f "$SHARE/locale/en.mo" ] &&
    ok "French and English are both installed" ||
    bad "French and English are both installed" "$(ls "$SHARE/locale" 2>&1)"
for d in templates static; do
	if diff -r "$E2E_ROOT/$d" "$SHARE/$d" >"$E2E_DIR/diff" 2>&1; then
		ok "$d/ is in PREFIX/share/reseauter, file for file"
	else
		bad "$d/ is in PREFIX/share/reseauter, file for file" "$(head -n 10 "$E2E_DIR/diff")"
	fi
done
for f in lighttpd.conf nginx.conf apache.conf mkconf.sh; do
	expect_file "$PREFIX/share/reseauter/conf/$f" "conf/$f is in PREFIX/share/reseauter/conf" "$E2E_ROOT/conf/$f"
done
[ -x "$SHARE/conf/mkconf.sh" ] && ok "the installed mkconf.sh is executable" ||
    bad "the installed mkconf.sh is executable" "$(ls -l "$SHARE/conf/mkconf.sh" 2>&1)"

section "the installed programs are hardened"
# expect_hardened FILE NAME: what the Makefile's HARDEN_CFLAGS and
# HARDEN_LDFLAGS give, read from the ELF file: a position-independent
# executable, bound at start with its relocations then read-only (full
# RELRO), a stack that cannot be executed, the stack protector and the
# checked functions of _FORTIFY_SOURCE.
expect_hardened() {
	local f=$DEST$1 what=$2 dyn
	if [ ! -f "$f" ]; then
		bad "$what is hardened" "no file $f"
		return
	fi
	readelf -h "$f" | grep -q 'Type: *DYN' &&
	    ok "$what is position-independent" ||
	    bad "$what is position-independent" "$(readelf -h "$f" | grep Type:)"
	dyn=$(readelf -d "$f")
	grep -q 'BIND_NOW' <<<"$dyn" && readelf -lW "$f" | grep -q GNU_RELRO &&
	    ok "$what has full RELRO" ||
	    bad "$what has full RELRO" "$(grep FLAGS <<<"$dyn")"
	readelf -lW "$f" | grep GNU_STACK | grep -qv RWE &&
	    ok "$what has no executable stack" ||
	    bad "$what has no executable stack" "$(readelf -lW "$f" | grep GNU_STACK)"
	nm -D "$f" | grep -q ' __stack_chk_fail' &&
	    ok "$what has the stack protector" ||
	    bad "$what has the stack protector" "no __stack_chk_fail"
	nm -D "$f" | grep -q '_chk@' &&
	    ok "$what has the checked functions of _FORTIFY_SOURCE" ||
	    bad "$what has the checked functions of _FORTIFY_SOURCE" "no __*_chk"
}
expect_hardened "$PREFIX/lib/reseauter/reseauter" "the program"
[ -f "$B/reseauter-admin" ] &&
    expect_hardened "$PREFIX/bin/reseauter-admin" "the administrators' tool"

section "the systemd units"
expect_file "$PREFIX/lib/systemd/system/reseauter.socket" "reseauter.socket is in PREFIX/lib/systemd/system" \
    "$E2E_ROOT/conf/reseauter.socket"
expect_file "$PREFIX/lib/systemd/system/reseauter.service" "reseauter.service is in PREFIX/lib/systemd/system"
svc=$UNITS/reseauter.service
sock=$UNITS/reseauter.socket
expect_eq "$(grep -o '@[A-Z_]*@' "$svc" 2>&1 | sort -u | tr '\n' ' ')" "" "the service has no placeholder left"
expect_eq "$(unit_value "$sock" ListenStream)" /run/reseauter/reseauter.sock "the socket is /run/reseauter/reseauter.sock"
expect_eq "$(unit_value "$sock" SocketGroup) $(unit_value "$sock" SocketMode)" "www-data 0660" \
    "the web server's group (www-data) may open it, no one else"
expect_eq "$(unit_value "$svc" ExecStart)" "$PREFIX/lib/reseauter/reseauter" "the service runs the installed program"
for v in TEMPLATES LOCALEDIR SCHEMA; do
	p=$(unit_value "$svc" Environment | sed -n "s/^RESEAUTER_$v=//p")
	case $p in
	"$PREFIX"/*)
		if [ -e "$DEST$p" ]; then ok "RESEAUTER_$v of the service is installed ($p)"; else
			bad "RESEAUTER_$v of the service is installed" "$DEST$p is not there"; fi ;;
	*) bad "RESEAUTER_$v of the service is under PREFIX" "RESEAUTER_$v=$p" ;;
	esac
done
expect_eq "$(unit_value "$svc" Environment | sed -n 's/^RESEAUTER_DB=//p')" \
    /var/lib/reseauter/reseauter.db "the database is in the service's StateDirectory"
expect_eq "$(unit_value "$svc" StateDirectory)" reseauter "StateDirectory=reseauter (/var/lib/reseauter)"
expect_eq "$(unit_value "$svc" User)" reseauter "the service runs as its own user"
for kv in ProtectSystem=strict ProtectHome=yes PrivateTmp=yes PrivateDevices=yes \
    NoNewPrivileges=yes RestrictAddressFamilies=AF_UNIX CapabilityBoundingSet= \
    SystemCallFilter=@system-service Restart=on-failure; do
	grep -qx "$kv" "$svc" && ok "the service has $kv" || bad "the service has $kv" "not in $svc"
done
if command -v systemd-analyze >/dev/null 2>&1; then
	# The units as installed, with the paths under PREFIX moved into
	# DESTDIR so that systemd-analyze finds the program they name.
	mkdir -p "$E2E_DIR/units"
	sed -e "s,$PREFIX/,$DEST$PREFIX/,g" "$svc" >"$E2E_DIR/units/reseauter.service"
	cp "$sock" "$E2E_DIR/units/reseauter.socket"
	(cd "$E2E_DIR/units" && systemd-analyze verify --man=no reseauter.socket reseauter.service) \
	    >"$E2E_DIR/verify.log" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ] && [ ! -s "$E2E_DIR/verify.log" ]; then
		ok "systemd-analyze verify finds nothing to say of the units"
	else
		bad "systemd-analyze verify finds nothing to say of the units" "$(head -n 20 "$E2E_DIR/verify.log")"
	fi
	(cd "$E2E_DIR/units" && systemd-analyze security --offline=yes --man=no reseauter.service) \
	    >"$E2E_DIR/security.log" 2>&1
	level=$(sed -n 's/.*Overall exposure level for reseauter.service: \([0-9.]*\).*/\1/p' "$E2E_DIR/security.log")
	if [ -n "$level" ] && awk -v l="$level" 'BEGIN { exit !(l <= 1.0) }'; then
		ok "systemd-analyze security rates the service's exposure $level (at most 1.0)"
	else
		bad "systemd-analyze security rates the service's exposure at most 1.0" \
		    "$(grep -E '^✗|Overall' "$E2E_DIR/security.log" | head -n 20)"
	fi
else
	echo "note: no systemd-analyze: the units are not verified"
fi

section "the installed program, behind lighttpd, from the installed tree"
E2E_BIN=$DEST$PREFIX/lib/reseauter/reseauter
E2E_CONFDIR=$SHARE/conf
E2E_DATADIR=$SHARE
export RESEAUTER_TEMPLATES=$SHARE/templates
export RESEAUTER_LOCALEDIR=$SHARE/locale
export RESEAUTER_SCHEMA=$SHARE/schema.sql
server_start lighttpd
grep -q "\"$E2E_BIN\"" "$E2E_DIR/lighttpd.conf" && grep -q "\"$SHARE/static/\"" "$E2E_DIR/lighttpd.conf" &&
    ok "lighttpd runs the installed program and serves the installed static/" ||
    bad "lighttpd runs the installed program and serves the installed static/" "$(grep -E 'bin-path|alias.url' "$E2E_DIR/lighttpd.conf")"
as visitor
get /
expect_status 200 "GET / answers"
expect_body 'lang="fr"' "in French"
expect_body 'Se connecter' "with the words of the installed French catalogue (Log in: Se connecter)"
expect_no_body '>Log in<' "and no English left"
get /static/style.css
expect_status 200 "a static file is served"
cmp -s "$SHARE/static/style.css" "$E2E_DIR/body" && ok "it is the installed static/style.css" ||
    bad "it is the installed static/style.css" "$(what_came)"
as hortense
get /signup
post /signup org_name="Carrefour jeunesse de Rimouski" name="Hortense Lavoie" \
    email=hortense@example.org password='Phoque-du-Bas-du-Fleuve-8' csrf="$(cookie rt_csrf)"
expect_status 303 "a person signs up"
org=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
get "/o/$org/mission"
expect_status 200 "the mission form"
post "/o/$org/mission" mission="Accompagner les jeunes vers l'emploi." means="Trois intervenants" \
    strategy="Des portraits de jeunes, chaque mois." version="$(input_value version)" csrf="$(csrf_token)"
expect_status 303 "the mission is saved"
get "/o/$org/mission"
expect_eq "$(field_of mission)" "Accompagner les jeunes vers l'emploi." "the mission saved is shown back"
server_stop

section "make uninstall"
run_make uninstall >"$E2E_DIR/uninstall.log" 2>&1
expect_eq "$?" 0 "make uninstall succeeds"
expect_eq "$(find "$DEST" ! -type d | sed -e "s,^$DEST,," | head -n 10)" "" "no installed file is left"
e2e_finish
