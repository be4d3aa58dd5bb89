# reseauter: a plain GNU Makefile.  `make run` and `make check` are the two
# commands of the README; both install what is missing first.
-include config.mk

PREFIX  ?= /usr/local
DESTDIR ?=
PORT    ?= 8080

CC      ?= cc
CXX     ?= c++
PKGS     = fcgi sqlite3 libctemplate libsodium
CFLAGS  ?= -O2 -g
CXXFLAGS ?= -O2 -g
WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
ALL_CFLAGS   = -std=c11 -D_GNU_SOURCE $(WARN) -Ilib $(CFLAGS) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
ALL_CXXFLAGS = -std=c++11 -Wall -Wextra -Ilib $(CXXFLAGS) $(shell pkg-config --cflags libctemplate 2>/dev/null)
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread
TESTLIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

B        = build
LIB_C    = $(wildcard lib/*.c)
LIB_CC   = $(wildcard lib/*.cc)
LIB_OBJ  = $(LIB_C:%.c=$(B)/%.o) $(LIB_CC:%.cc=$(B)/%.o) $(B)/lib/common_passwords.o
CGI_OBJ  = $(patsubst %.c,$(B)/%.o,$(wildcard cgi/*.c))
UNIT     = $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard tests/unit/test_*.c))
PO       = $(wildcard po/*.po)
MO       = $(PO:po/%.po=$(B)/locale/%.mo)

.PHONY: all deps run check unit clean install
all: $(B)/reseauter $(MO) $(UNIT)

$(B)/%.o: %.c $(wildcard lib/*.h cgi/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@
$(B)/%.o: %.cc $(wildcard lib/*.h)
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

$(B)/libreseauter.a: $(LIB_OBJ)
	ar rcs $@ $^
$(B)/reseauter: $(CGI_OBJ) $(B)/libreseauter.a
	$(CXX) -o $@ $(CGI_OBJ) $(B)/libreseauter.a $(LIBS)
$(B)/tests/%: tests/unit/%.c $(B)/libreseauter.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit $< -o $@ $(B)/libreseauter.a $(LIBS) $(TESTLIBS) -lstdc++
$(B)/locale/%.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

unit: $(UNIT) $(MO)
	@for t in $(UNIT); do echo "== $$t"; $$t || exit 1; done

clean:
	rm -rf $(B) build-asan
