#!/usr/bin/env bash
# A database that cannot be written, behind lighttpd (conf/lighttpd.conf):
#
#   full      the database on a 2 MiB tmpfs, filled up to the last byte
#             (mount -t tmpfs: root with the right to mount; where that
#             is refused, this part says so and is left out);
#   fsize     the program's file-size limit (RLIMIT_FSIZE, set on the
#             running process with prlimit) lowered to the size of its WAL:
#             every write that would make a file grow fails with EFBIG, as
#             on a full disk, wherever the test runs;
#   readonly  the database file and its directory made read-only and the
#             program started again on them (as root, the program runs
#             without CAP_DAC_OVERRIDE, so that file permissions hold for
#             it: setpriv --bounding-set).
#
# Each time: pages still read (200); a save answers 503 with Retry-After,
# a message in the person's language and everything typed still in the
# form; another write (a share link) answers the 503 page of the program;
# nothing of it reaches the database (the section reads back as before,
# at the same version, integrity_check ok); the program did not crash
# (the same process answers).  Then, once there is room again (the filler
# removed, the limit lifted), the same save is made, with no restart; a
# read-only database needs the permissions back and a restart, and then
# saves work.  Prints "N passed, N failed" last.
here=$(dirname "$0")
. "$here/lib.sh"

PW='Tournesol-du-plateau-58'
TYPED='Texte tapé pendant la panne, à garder'
MOUNTED=

e2e_setup faults
chmod 0711 "$E2E_DIR"
# The program under test (lib.sh's E2E_BIN), before start() changes it.
PROGRAM=$E2E_BIN

# The tmpfs is unmounted before lib.sh removes the directory.
faults_cleanup() {
	server_stop
	[ -z "$MOUNTED" ] || umount "$MOUNTED" 2>/dev/null
	e2e_cleanup
}
trap faults_cleanup EXIT

# sql STATEMENT: a statement on the current database, read while the
# program runs (WAL).
sql() {
	sqlite3 -cmd '.timeout 5000' "$RESEAUTER_DB" "$1"
}

# start DB [BIN]: lighttpd with the program on database DB (and program
# BIN, PROGRAM when not given).
start() {
	export RESEAUTER_DB=$1
	E2E_BIN=${2:-$PROGRAM}
	server_start lighttpd
}

# stop NAME: stops the server and keeps its log as NAME-lighttpd.log
# (e2e_finish reads every *.log for crashes).
stop() {
	server_stop
	mv "$E2E_DIR/lighttpd.log" "$E2E_DIR/$1-lighttpd.log"
}

# restart_program PART: SIGTERM to the program (PID), as a restart would,
# then a wait until lighttpd has started a new one.  lighttpd reaps its
# child and spawns the next one on its own one-second timer; a request
# that came in between would find no backend and get lighttpd's own 503.
restart_program() {
	local i new=
	kill -TERM "$PID"
	for i in $(seq 1 100); do
		new=$(lighttpd_program_pid 1)
		[ -z "$new" ] || [ "$new" = "$PID" ] || break
		new=
		sleep 0.1
	done
	[ -n "$new" ] || e2e_die "$1: lighttpd starts the program again after SIGTERM"
	PID=$new
}

# signup WHO ORG: WHO signs up with organisation ORG; sets ORG_ID.
signup() {
	as "$1"
	get /signup
	post /signup org_name="$2" name="$1" email="$1@example.org" \
	    password="$PW" csrf="$(form_token)"
	expect_status 303 "$1 signs up with $2"
	ORG_ID=$(location | sed -n 's,^/o/\([0-9]*\)/$,\1,p')
	[ -n "$ORG_ID" ] || e2e_die "the sign-up of $1 gives an organisation" "$(what_came)"
}

# mission_now: the mission's text and version in the database.
mission_now() {
	sql "SELECT version || ' ' || json_extract(data, '\$.fields.mission') FROM plan_sections
	    WHERE org_id = $ORG_ID AND section = 'mission'"
}

# before PART: a first save, made while all is well; remembers the
# mission as saved (BEFORE) and the program's process (PID).
before() {
	get "/o/$ORG_ID/mission"
	submit_form "/o/$ORG_ID/mission" mission="Mission d'avant la panne ($1)"
	expect_status 303 "$1: a save while all is well"
	BEFORE=$(mission_now)
	REVISIONS=$(sql "SELECT count(*) FROM plan_revisions WHERE org_id = $ORG_ID")
	PID=$(lighttpd_program_pid)
	[ -n "$PID" ] || e2e_die "$1: lighttpd started the program"
}

# refused PART CODES: while the database cannot be written, pages read,
# and writes are refused cleanly; the program's log names SQLite's error
# code, one of CODES (an extended regular expression: "13|778").  The
# last page is the refused save's, its form holding what was typed.
refused() {
	local part=$1
	get "/o/$ORG_ID/mission"
	expect_status 200 "$part: the section still reads"
	expect_eq "$(field_of mission)" "Mission d'avant la panne ($part)" "$part: with what was saved"
	get "/o/$ORG_ID/summary"
	expect_status 200 "$part: the summary still reads"
	get "/o/$ORG_ID/share"
	submit_form "/o/$ORG_ID/share" label="Pour le conseil d'administration"
	expect_status 503 "$part: making a share link answers 503"
	expect_body "Impossible d&#39;enregistrer pour l&#39;instant" "$part: on the program's page for it"
	expect_header Retry-After '^[0-9]+$' "$part: with Retry-After"
	get "/o/$ORG_ID/mission"
	submit_form "/o/$ORG_ID/mission" mission="$TYPED ($part)"
	expect_status 503 "$part: a save answers 503"
	expect_header Retry-After '^[0-9]+$' "$part: with Retry-After"
	expect_body "Vos modifications n&#39;ont pas été enregistrées" \
	    "$part: the page says, in French, that nothing was saved"
	expect_body "son disque est plein ou ses données sont en lecture seule" \
	    "$part: and why"
	expect_eq "$(field_of mission)" "$TYPED ($part)" "$part: what was typed is still in the form"
	expect_eq "$(input_value version)" "${BEFORE%% *}" "$part: the form still names the version it started from"
	expect_eq "$(mission_now)" "$BEFORE" "$part: the database holds the mission as it was, at the same version"
	expect_eq "$(sql "SELECT count(*) FROM plan_revisions WHERE org_id = $ORG_ID")" "$REVISIONS" \
	    "$part: no revision was added"
	expect_eq "$(sql "SELECT count(*) FROM share_links")" 0 "$part: no share link was made"
	expect_eq "$(sql 'PRAGMA integrity_check')" ok "$part: PRAGMA integrity_check says ok"
	expect_eq "$(lighttpd_program_pid)" "$PID" "$part: the same process answers (no crash, no restart)"
	if grep -Eq "^reseauter: db: .*\(($2)\)\$" "$E2E_DIR/lighttpd.log"; then
		ok "$part: the log names SQLite's error ($(grep -Eo "\(($2)\)\$" "$E2E_DIR/lighttpd.log" | head -n 1))"
	else
		bad "$part: the log names SQLite's error ($2)" "$(grep '^reseauter:' "$E2E_DIR/lighttpd.log" | tail -n 5)"
	fi
}

# saved_again PART: the save of the form on the last page goes through.
saved_again() {
	submit_form "/o/$ORG_ID/mission"
	expect_status 303 "$1: the same save, sent again, is made"
	get "/o/$ORG_ID/mission"
	expect_eq "$(field_of mission)" "$TYPED ($1)" "$1: and reads back"
	expect_eq "$(mission_now)" "$(( ${BEFORE%% *} + 1 )) $TYPED ($1)" "$1: at the next version"
	expect_eq "$(sql 'PRAGMA integrity_check')" ok "$1: PRAGMA integrity_check says ok"
}

section "full: the database on a full tmpfs"
mkdir -p "$E2E_DIR/small"
if mount -t tmpfs -o size=2m,mode=0700 reseauter-faults "$E2E_DIR/small" 2>"$E2E_DIR/mount.err"; then
	MOUNTED=$E2E_DIR/small
	start "$E2E_DIR/small/reseauter.db"
	signup alice "Comité du disque plein"
	before full
	# Filled to the last byte: large blocks, then single bytes.
	dd if=/dev/zero of="$E2E_DIR/small/filler" bs=64k 2>/dev/null
	dd if=/dev/zero of="$E2E_DIR/small/filler" bs=1 oflag=append conv=notrunc 2>/dev/null
	expect_eq "$(df -P "$E2E_DIR/small" | awk 'NR == 2 { print $4 }')" 0 "full: the tmpfs is full"
	refused full 13
	rm -f "$E2E_DIR/small/filler"
	# The last page is the refused save's, with the typed text in it.
	saved_again full
	expect_eq "$(lighttpd_program_pid)" "$PID" "full: the same process saved (no restart)"
	stop full
	umount "$MOUNTED" && MOUNTED=
else
	echo "skip: cannot mount a tmpfs here ($(head -n 1 "$E2E_DIR/mount.err")): the fsize part stands in for it"
fi

section "fsize: writes past RLIMIT_FSIZE fail with EFBIG"
mkdir -p "$E2E_DIR/fsize"
start "$E2E_DIR/fsize/reseauter.db"
signup bob "Comité de la limite"
before fsize
wal=$(stat -c %s "$RESEAUTER_DB-wal")
[ "$wal" -gt 0 ] || e2e_die "fsize: the WAL holds the first saves"
# Any write at or past the WAL's present size fails: the WAL cannot grow.
prlimit --pid "$PID" --fsize="$wal:unlimited" ||
    e2e_die "fsize: prlimit lowers the program's file-size limit"
refused fsize '13|778'
prlimit --pid "$PID" --fsize=unlimited:unlimited
saved_again fsize
expect_eq "$(lighttpd_program_pid)" "$PID" "fsize: the same process saved (no restart)"
stop fsize

section "readonly: a read-only database file and directory"
mkdir -p "$E2E_DIR/ro"
# As root, permissions hold only for a process without CAP_DAC_OVERRIDE.
cat >"$E2E_DIR/program" <<EOF
#!/bin/sh
if [ "\$(id -u)" -eq 0 ]; then
	exec setpriv --bounding-set=-dac_override,-dac_read_search -- "$PROGRAM" "\$@"
fi
exec "$PROGRAM" "\$@"
EOF
chmod 0755 "$E2E_DIR/program"
start "$E2E_DIR/ro/reseauter.db" "$E2E_DIR/program"
signup carole "Comité en lecture seule"
before readonly
chmod a-w "$RESEAUTER_DB" "$E2E_DIR/ro"
# Open files keep the rights they were opened with: the program sees the
# change when it opens the database again.
restart_program readonly
get "/o/$ORG_ID/mission"
expect_status 200 "readonly: the program, started again, answers"
grep -q 'is read-only: pages can be read, nothing can be saved' "$E2E_DIR/lighttpd.log" &&
    ok "readonly: the program says at start that the database is read-only" ||
    bad "readonly: the program says at start that the database is read-only" \
	"$(grep '^reseauter:' "$E2E_DIR/lighttpd.log" | tail -n 5)"
refused readonly '8|264|520|776|1032|1288|1544'
# The database, its WAL and its shared memory (which SQLite made with the
# database's permissions) writable again, then a restart.
chmod u+w "$RESEAUTER_DB" "$RESEAUTER_DB"-* "$E2E_DIR/ro"
restart_program readonly
# The page of the refused save is still the last one: its form, sent again.
saved_again readonly
stop readonly

e2e_finish
