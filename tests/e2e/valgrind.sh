#!/usr/bin/env bash
# The journey (tests/e2e/journey.sh) with the program as ONE FastCGI
# process under valgrind's memcheck, behind nginx (the program opening
# RESEAUTER_SOCKET itself, as lib.sh starts it): every request of the
# journey goes through the same process and its threads, which is
# stopped with SIGTERM at the end, as a web server or an init system
# stops it, so that memcheck reports what it leaked.  Any memory error,
# or any definite or indirect leak, in memcheck's log is a failure
# (tests/valgrind.supp suppresses only what fontconfig and ctemplate keep
# for the life of the process).  Prints "N passed, N failed" last.
#
# Slow: memcheck runs the program some fifty times slower (minutes);
# conf/check.sh's valgrind suite runs it.
export E2E_VALGRIND=${E2E_VALGRIND:-1}
here=$(dirname "$0")
. "$here/lib.sh"
. "$here/journey.sh"

command -v valgrind >/dev/null || e2e_die "valgrind is installed (make check-deps)"

e2e_setup valgrind
server_start nginx-socket
journey
e2e_finish
