# reseauter: a plain GNU Makefile.  `make run` and `make check` are the two
# commands of the README; both install what is missing first.
-include config.mk

PREFIX  ?= /usr/local
DESTDIR ?=
PORT    ?= 8080
ADDR    ?= 127.0.0.1

CC      ?= cc
CXX     ?= c++
PKGS     = fcgi sqlite3 libctemplate libsodium pangocairo liboath libqrencode
CFLAGS  ?= -O2 -g
CXXFLAGS ?= -O2 -g
LDFLAGS ?=
# Hardening, as Debian builds its own packages (dpkg-buildflags with
# hardening=+all): stack protector and clash protection, checked string
# and memory functions, a position-independent executable, the GOT made
# read-only after start (full RELRO).  The sanitizer and fuzzing builds
# leave them out (ASan checks all of it, and better).
HARDEN_CFLAGS  ?= -fstack-protector-strong -fstack-clash-protection \
                  -fcf-protection -D_FORTIFY_SOURCE=2 -fPIE
HARDEN_LDFLAGS ?= -pie -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack
ALL_LDFLAGS = $(HARDEN_LDFLAGS) $(LDFLAGS)
WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
ALL_CFLAGS   = -std=c11 -D_GNU_SOURCE $(WARN) -Ilib $(HARDEN_CFLAGS) $(CFLAGS) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
ALL_CXXFLAGS = -std=c++11 -Wall -Wextra -Ilib $(HARDEN_CFLAGS) $(CXXFLAGS) $(shell pkg-config --cflags libctemplate 2>/dev/null)
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
TESTLIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

B        = build
LIB_C    = $(wildcard lib/*.c)
LIB_CC   = $(wildcard lib/*.cc)
LIB_OBJ  = $(LIB_C:%.c=$(B)/%.o) $(LIB_CC:%.cc=$(B)/%.o) $(B)/lib/common_passwords.o \
           $(B)/lib/demo_plans.o
DEMO_JSON = $(sort $(wildcard lib/demo/*.json))
CGI_OBJ  = $(patsubst %.c,$(B)/%.o,$(wildcard cgi/*.c))
UNIT     = $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard tests/unit/test_*.c))
PO       = $(wildcard po/*.po)
MO       = $(PO:po/%.po=$(B)/locale/%.mo)

# Debian packages: to build, to run, and what the tests add.  conf/deps.sh
# installs the missing ones (apt-get update only then; silent otherwise).
# The sanitizer build uses gcc's ASan/UBSan (libasan8 and libubsan1 come
# with gcc); with ASAN_CC=clang add clang and libclang-rt-14-dev.
# `make fuzz` needs clang and its libFuzzer (libclang-rt-14-dev), which
# the tests list too (`make check` replays the fuzz corpus with gcc only).
BUILD_PKGS = gcc g++ make pkg-config libfcgi-dev libsqlite3-dev \
             libctemplate-dev libsodium-dev gettext sqlite3 \
             libcairo2-dev libpango1.0-dev liboath-dev libqrencode-dev
# The PDF (lib/pdf.c) is set in Noto Sans; Symbola draws the emoji that
# Noto lacks, as outlines (a colour emoji font would put bitmaps in it).
RUN_PKGS   = lighttpd tzdata fonts-noto-core fonts-symbola
FUZZ_PKGS  = clang libclang-rt-14-dev
# apache2 for tests/e2e/apache.sh; systemd for systemd-socket-activate
# (tests/e2e/nginx.sh) and systemd-analyze (tests/e2e/install.sh);
# oathtool computes the codes of an authenticator app (tests/e2e/account.sh,
# tests/browser/lib/totp.mjs);
# valgrind runs the unit tests and two end-to-end journeys under memcheck;
# openssl makes the certificate of nginx over TLS (e2e/https);
# libfcgi-bin's cgi-fcgi speaks FastCGI to the program (tests/e2e/slowbody.sh).
TEST_PKGS  = libcmocka-dev nginx spawn-fcgi curl poppler-utils apache2 systemd \
             oathtool valgrind openssl libfcgi-bin $(FUZZ_PKGS)
DEPS       = conf/deps.sh

# The browser suite (tests/browser/): Debian's chromium, with fonts to draw
# the pages, driven by playwright-core from npm (never a browser of
# playwright's own).  Node.js and npm come with the machine when it has
# node (a Node.js of its own provides npm); otherwise Debian's.
BROWSER_PKGS  = chromium fonts-liberation
NODE_PKGS     = $(if $(shell command -v node 2>/dev/null),,nodejs) $(if $(shell command -v npm 2>/dev/null),,npm)
BROWSER_DIR   = tests/browser
BROWSER_STAMP = $(BROWSER_DIR)/node_modules/.reseauter-installed

# The sanitizer build: the same sources, built into build-asan/.
ASAN_B      = build-asan
ASAN_CC    ?= gcc
ASAN_CXX   ?= g++
ASAN_FLAGS  = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

# The fuzz harnesses (tests/fuzz/fuzz_<name>.c, docs/RELIABILITY.md): each
# is built with libFuzzer, by clang, into $(FUZZ_B)/fuzz/fuzz_<name> (`make
# fuzz`); and with the replay driver tests/fuzz/replay.c, by gcc, into
# build/fuzz/replay_<name> (`make all`) and build-asan/fuzz/replay_<name>
# (`make asan`), which `make check` runs over tests/fuzz/<name>/corpus and
# regressions (the suites fuzz and fuzz-asan of conf/check.sh).
FUZZ_B       = $(B)/libfuzzer
FUZZ_CC     ?= clang
FUZZ_CXX    ?= clang++
FUZZ_FLAGS   = -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_TIME    ?= 60
FUZZ_SECONDS ?= $(FUZZ_TIME)
FUZZ_RUNS    ?=
FUZZ_NAMES   = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ        ?= $(FUZZ_NAMES)
FUZZ_SRC     = tests/fuzz/fuzz.c tests/fuzz/fuzz.h
FUZZ_DEFS    = -Itests/fuzz -DFUZZ_TEMPLATES='"$(CURDIR)/templates"' \
               -DFUZZ_LOCALEDIR='"$(abspath $(B))/locale"'
FUZZ_LINK   ?=
FUZZ_REPLAY  = $(FUZZ_NAMES:%=$(B)/fuzz/replay_%)

# What `make run` gives the program (lib/config.h; the README's table).
RUN_DIR    = $(CURDIR)/var
RUN_ENV    = DB=$(RUN_DIR)/reseauter.db \
             SOCKET=$(RUN_DIR)/reseauter.sock \
             TEMPLATES=$(CURDIR)/templates \
             LOCALEDIR=$(abspath $(B))/locale \
             SCHEMA=$(CURDIR)/schema.sql \
             BASE_URL=http://$(ADDR):$(PORT)

.PHONY: all prog deps check-deps run check check-systemd unit asan e2e browser browser-deps bench bench-build load install uninstall clean
.PHONY: fuzz fuzz-build fuzz-bins fuzz-replay fuzz-merge
all: $(B)/reseauter $(B)/reseauter-admin $(MO) $(UNIT) $(FUZZ_REPLAY)
prog: $(B)/reseauter $(B)/reseauter-admin $(MO)

# The compilers and flags of this build, kept in $(B)/flags and written
# only when they differ (when make reads this file, so that `make -q`
# sees the same): other CFLAGS or hardening flags make every object again.
BUILD_FLAGS = $(CC) $(CXX) $(ALL_CFLAGS) $(ALL_CXXFLAGS) $(ALL_LDFLAGS)
$(shell mkdir -p $(B) && printf '%s\n' '$(BUILD_FLAGS)' | cmp -s - $(B)/flags || \
    printf '%s\n' '$(BUILD_FLAGS)' > $(B)/flags)

$(B)/%.o: %.c $(wildcard lib/*.h cgi/*.h) $(B)/flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@
$(B)/%.o: %.cc $(wildcard lib/*.h) $(B)/flags
	@mkdir -p $(dir $@)
	$(CXX) $(ALL_CXXFLAGS) -c $< -o $@

# The common-password list becomes a sorted C array: no file to find at run time.
$(B)/lib/common_passwords.c: lib/common_passwords.txt
	@mkdir -p $(dir $@)
	{ echo '/* Generated from lib/common_passwords.txt by the Makefile. */'; \
	  echo '#include <stddef.h>'; \
	  echo 'const char *const common_passwords[] = {'; \
	  LC_ALL=C grep -v '^#' $< | LC_ALL=C tr 'A-Z' 'a-z' | LC_ALL=C sort -u | sed -e '/^$$/d' -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/.*/  "&",/'; \
	  echo '};'; \
	  echo 'const size_t common_passwords_count = sizeof common_passwords / sizeof common_passwords[0];'; } > $@

$(B)/lib/common_passwords.o: $(B)/lib/common_passwords.c $(B)/flags
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The demonstration plans (lib/demo.h) become C strings, one per file:
# lib/demo/housing.fr.json gives demo_housing_fr and demo_housing_fr_len.
# Each line is a string literal; \ " and ? are escaped (no trigraph).
$(B)/lib/demo_plans.c: $(DEMO_JSON)
	@mkdir -p $(dir $@)
	{ echo '/* Generated from the plan files of lib/demo/ by the Makefile. */'; \
	  echo '#include <stddef.h>'; \
	  for f in $(DEMO_JSON); do \
	    n=demo_$$(basename "$$f" .json | LC_ALL=C tr -c 'A-Za-z0-9\n' '_'); \
	    echo "extern const char $$n[];"; \
	    echo "extern const size_t $${n}_len;"; \
	    echo "const char $$n[] ="; \
	    LC_ALL=C sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' -e 's/.*/  "&\\n"/' "$$f"; \
	    echo '  "";'; \
	    echo "const size_t $${n}_len = sizeof $$n - 1;"; \
	  done; } > $@

$(B)/lib/demo_plans.o: $(B)/lib/demo_plans.c $(B)/flags
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/libreseauter.a: $(LIB_OBJ)
	ar rcs $@ $^
$(B)/reseauter: $(CGI_OBJ) $(B)/libreseauter.a
	$(CXX) $(ALL_LDFLAGS) -o $@ $(CGI_OBJ) $(B)/libreseauter.a $(LIBS)
# The administration's command-line tool (tools/reseauter-admin.c).
$(B)/reseauter-admin: $(B)/tools/reseauter-admin.o $(B)/libreseauter.a
	$(CXX) $(ALL_LDFLAGS) -o $@ $(B)/tools/reseauter-admin.o $(B)/libreseauter.a $(LIBS)
# What the unit tests share (tests/unit/tdb.h) is linked into each of them.
$(B)/tests/tdb.o: tests/unit/tdb.c tests/unit/tdb.h $(wildcard lib/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -c $< -o $@
$(B)/tests/%: tests/unit/%.c tests/unit/tdb.h $(B)/tests/tdb.o $(B)/libreseauter.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Itests/unit $< -o $@ $(B)/tests/tdb.o $(B)/libreseauter.a $(LIBS) $(TESTLIBS) -lstdc++
$(B)/locale/%.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# A fuzz harness with the replay driver (in the plain and the sanitizer
# builds), and with libFuzzer (in the fuzz build, where FUZZ_LINK holds
# -fsanitize=fuzzer...).
$(B)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(FUZZ_SRC) $(B)/libreseauter.a $(MO)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(FUZZ_DEFS) $(ALL_LDFLAGS) $< tests/fuzz/fuzz.c tests/fuzz/replay.c -o $@ $(B)/libreseauter.a $(LIBS) -lstdc++
$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_SRC) $(B)/libreseauter.a $(MO)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(FUZZ_DEFS) $(FUZZ_LINK) $< tests/fuzz/fuzz.c -o $@ $(B)/libreseauter.a $(LIBS) -lstdc++
fuzz-replay: $(FUZZ_REPLAY)
fuzz-bins: $(FUZZ_NAMES:%=$(B)/fuzz/fuzz_%)

# Installing comes first, then a new make: the pkg-config flags above are
# computed when make starts, and pkg-config may only now be there.
deps:
	@$(DEPS) $(BUILD_PKGS) $(RUN_PKGS)
check-deps:
	@$(DEPS) $(BUILD_PKGS) $(RUN_PKGS) $(TEST_PKGS) $(BROWSER_PKGS) $(NODE_PKGS)

# The npm packages of the browser suite, exactly as package-lock.json
# says: installed when node_modules is missing or the lock changed.
$(BROWSER_STAMP): $(BROWSER_DIR)/package-lock.json $(BROWSER_DIR)/package.json
	cd $(BROWSER_DIR) && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
	    npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@
browser-deps: $(BROWSER_STAMP)

# lighttpd in the foreground on $(ADDR):$(PORT), starting the program on a
# Unix socket in var/; the program creates or migrates var/reseauter.db.
# Ctrl-C stops both.
# The time zone the pages show dates in, unless TZ says otherwise.
RUN_TZ  ?= America/Montreal

run: deps
	@$(MAKE) --no-print-directory prog
	@mkdir -p $(RUN_DIR)
	@conf/mkconf.sh conf/lighttpd.conf $(B)/lighttpd.conf \
	    ADDR=$(ADDR) PORT=$(PORT) ROOT=$(CURDIR) BIN=$(abspath $(B))/reseauter \
	    STATE=$(RUN_DIR) ACCESS_LOG=$(RUN_DIR)/access.log $(RUN_ENV)
	@echo "reseauter: http://$(ADDR):$(PORT)/ (Ctrl-C to stop)"
	@TZ=$${TZ:-$(RUN_TZ)} exec lighttpd -D -f $(B)/lighttpd.conf

# Every suite: unit tests, the same under ASan/UBSan, the fuzz corpus
# and regressions replayed (plain and under ASan/UBSan, no libFuzzer), the
# translations, the end-to-end journeys behind lighttpd, nginx, Apache and
# plain CGI, `make install` into a temporary directory, and the browser
# journeys.  Ends with one line "N passed, N failed"; fails when anything
# failed.
check: check-deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory asan
	@$(MAKE) --no-print-directory browser-deps
	@B=$(B) ASAN_B=$(ASAN_B) conf/check.sh

# Unit tests only, stopping at the first failing program.
unit: $(UNIT) $(MO)
	@for t in $(UNIT); do echo "== $$t"; $$t || exit 1; done

# The benchmarks, apart from `make check` (docs/BENCHMARKS.md), all run by
# tests/bench/run.sh once the machine is quiet: tests/bench/bench_*.c,
# each printing its own table of timings (they link the handlers of cgi/,
# but its main, to time whole pages); then the program behind nginx under
# wrk beside a static file and a hello-world FastCGI responder
# (tests/bench/hello.c), and callgrind's instruction counts.  It installs
# what it needs first.
# BENCH_SECONDS=10, BENCH_CONNECTIONS=32, BENCH_WAIT=1200 (seconds to wait
# for a quiet machine) and the rest: see tests/bench/run.sh.
BENCH_PKGS = wrk valgrind libfcgi-bin nginx curl sqlite3
BENCH    = $(patsubst tests/bench/%.c,$(B)/bench/%,$(wildcard tests/bench/bench_*.c))
BENCH_CGI = $(filter-out $(B)/cgi/main.o,$(CGI_OBJ))
$(B)/bench/hello: tests/bench/hello.c cgi/pool.c cgi/pool.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Icgi $(ALL_LDFLAGS) $< cgi/pool.c -o $@ -lfcgi -lpthread
$(B)/bench/%: tests/bench/%.c $(BENCH_CGI) $(B)/libreseauter.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Icgi $(ALL_LDFLAGS) $< -o $@ $(BENCH_CGI) $(B)/libreseauter.a $(LIBS) -lstdc++
bench-build: prog $(BENCH) $(B)/bench/hello $(MO)
bench:
	@$(DEPS) $(BENCH_PKGS)
	@$(MAKE) --no-print-directory bench-build
	@B=$(B) BENCH_COMMAND="make bench" tests/bench/run.sh

# The sanitizer build of the program, of the unit tests and of the fuzz
# replay programs.
asan:
	@$(MAKE) --no-print-directory B=$(ASAN_B) CC=$(ASAN_CC) CXX=$(ASAN_CXX) \
	    CFLAGS="$(ASAN_FLAGS)" CXXFLAGS="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
	    HARDEN_CFLAGS= HARDEN_LDFLAGS= all

# The libFuzzer build (clang): the library instrumented for coverage, and
# one program per harness.
fuzz-build:
	@$(DEPS) $(BUILD_PKGS) $(FUZZ_PKGS)
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(FUZZ_CC) CXX=$(FUZZ_CXX) \
	    CFLAGS="$(FUZZ_FLAGS)" CXXFLAGS="$(FUZZ_FLAGS)" HARDEN_CFLAGS= HARDEN_LDFLAGS= \
	    FUZZ_LINK="-fsanitize=fuzzer,address,undefined -fsanitize-link-c++-runtime" fuzz-bins

# Runs each harness (or those of FUZZ="json http") for FUZZ_SECONDS with
# libFuzzer (or until FUZZ_RUNS executions, when given and reached first),
# one after the other, one process each, from its corpus and regressions
# (FUZZ_TIME is another name for FUZZ_SECONDS); what it
# finds goes to $(FUZZ_B)/findings/<name>/, the inputs it learns to
# $(FUZZ_B)/corpus/<name>/.  Prints the executions and findings of each;
# fails when anything was found.
fuzz: fuzz-build
	@FUZZ_B=$(FUZZ_B) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) \
	    tests/fuzz/run.sh run $(FUZZ)

# Minimises tests/fuzz/<name>/corpus with what $(FUZZ_B)/corpus/<name>/
# learnt (libFuzzer's -merge=1 into a fresh directory that replaces it).
fuzz-merge: fuzz-build
	@FUZZ_B=$(FUZZ_B) tests/fuzz/run.sh merge $(FUZZ)

# The end-to-end suites only (make e2e E2E="lighttpd cgi").
E2E ?= lighttpd nginx apache cgi
e2e: prog
	@B=$(B) ASAN_B=$(ASAN_B) conf/check.sh $(E2E:%=e2e/%)

# The browser suite only (after check-deps has installed chromium and node):
# screenshots in $(B)/screenshots/.
browser: prog browser-deps
	@B=$(B) ASAN_B=$(ASAN_B) conf/check.sh browser

# The load and fault tests of docs/RELIABILITY.md (tests/load/run.sh),
# apart from `make check`: wrk on loopback against the program behind
# lighttpd, LOAD_SECONDS with LOAD_CONNECTIONS over 200 organisations,
# then the same with the program killed in the middle, then slow and idle
# clients (behind lighttpd, then nginx).  Figures in $(B)/load/.
# LOAD_PHASES="load fault slow" picks phases.
LOAD_PKGS        = wrk curl nginx
LOAD_SECONDS    ?= 60
LOAD_CONNECTIONS ?= 32
LOAD_PHASES     ?= load fault slow
load:
	@$(DEPS) $(BUILD_PKGS) $(RUN_PKGS) $(LOAD_PKGS)
	@$(MAKE) --no-print-directory prog
	@B=$(B) LOAD_SECONDS=$(LOAD_SECONDS) LOAD_CONNECTIONS=$(LOAD_CONNECTIONS) \
	    LOAD_OUT=$(B)/load tests/load/run.sh $(LOAD_PHASES)
	@if echo " $(LOAD_PHASES) " | grep -q ' slow '; then \
	    B=$(B) LOAD_SERVER=nginx LOAD_OUT=$(B)/load-nginx tests/load/run.sh slow; fi

# conf/reseauter.socket and conf/reseauter.service under a real systemd
# (tests/systemd/run.sh), apart from `make check`: the first run downloads
# a Debian 12 system with debootstrap into $(B)/systemd/base (some 300 MB,
# kept); each run installs the build into a copy of it, boots it with
# systemd-nspawn and follows the README's "Deploying" steps inside.  Needs
# root.
SYSTEMD_PKGS = systemd-container debootstrap curl
check-systemd:
	@$(DEPS) $(SYSTEMD_PKGS)
	@$(MAKE) --no-print-directory prog
	@B=$(B) tests/systemd/run.sh

# `make install PREFIX=... DESTDIR=...`: where the configurations of conf/
# and the systemd units expect each file (README, "Deploying").  The web
# server templates and conf/mkconf.sh go to $(DATADIR)/conf, unfilled; the
# systemd units are filled with PREFIX and go where systemd looks for
# them (/usr/local/lib/systemd/system is on its path).  Installing builds
# nothing that `make` has built already.
BINDIR   = $(PREFIX)/bin
LIBDIR   = $(PREFIX)/lib/reseauter
DATADIR  = $(PREFIX)/share/reseauter
UNITDIR  = $(PREFIX)/lib/systemd/system

install: prog
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(DATADIR)/locale \
	    $(DESTDIR)$(DATADIR)/conf $(DESTDIR)$(UNITDIR)
	install -m 755 $(B)/reseauter $(DESTDIR)$(LIBDIR)/reseauter
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(B)/reseauter-admin $(DESTDIR)$(BINDIR)/reseauter-admin
	install -m 644 schema.sql $(DESTDIR)$(DATADIR)/schema.sql
	install -m 644 $(MO) $(DESTDIR)$(DATADIR)/locale/
	rm -rf $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/static
	cp -R templates static $(DESTDIR)$(DATADIR)/
	chmod -R u=rwX,go=rX $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/static
	install -m 644 conf/lighttpd.conf conf/nginx.conf conf/apache.conf \
	    $(DESTDIR)$(DATADIR)/conf/
	install -m 755 conf/mkconf.sh $(DESTDIR)$(DATADIR)/conf/
	install -m 644 conf/reseauter.socket $(DESTDIR)$(UNITDIR)/reseauter.socket
	conf/mkconf.sh conf/reseauter.service $(DESTDIR)$(UNITDIR)/reseauter.service \
	    PREFIX=$(PREFIX)
	chmod 644 $(DESTDIR)$(UNITDIR)/reseauter.service
uninstall:
	rm -rf $(DESTDIR)$(LIBDIR) $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(BINDIR)/reseauter-admin \
	    $(DESTDIR)$(UNITDIR)/reseauter.socket $(DESTDIR)$(UNITDIR)/reseauter.service

clean:
	rm -rf $(B) $(ASAN_B)
