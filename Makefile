# ldr: plan and track a Local Digital Roadmap.
#
#   make            build ./ldr (objects under build/)
#   make run        install what is missing, build, show the default roadmap
#   make test       install what is missing, build strictly, run every test
#   make bench      timings of reading a long history (not a test)
#   make install    PREFIX=/usr/local DESTDIR=... : ldr and its man pages
#   make DEVELOPER=1  the strict warning set, with -Werror (test and CI use it)

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
CC ?= cc
CFLAGS ?= -O2 -g
PKG_CONFIG ?= pkg-config

# The libraries, with the Debian package that provides each.
PKGS = ncursesw yaml-0.1 libgit2 cmocka xlsxwriter
DEB_ncursesw = libncurses-dev
DEB_yaml-0.1 = libyaml-dev
DEB_libgit2 = libgit2-dev
DEB_cmocka = libcmocka-dev
DEB_xlsxwriter = libxlsxwriter-dev
# Commands the build and the tests run.
TOOLS = pkg-config:pkg-config diff:diffutils git:git
DEFAULT_ROADMAP = roadmaps/derbyshire.yaml

# Quiet by default, as git's build is; V=1 shows the commands.
ifndef V
QUIET_CC = @echo '   CC   ' $@;
QUIET_LINK = @echo '   LINK ' $@;
endif

BASE_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700
ifdef DEVELOPER
WARNINGS = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wold-style-definition -Wpointer-arith -Wvla -Wformat=2 -Wwrite-strings \
	-Wcast-align -Wundef -Wmissing-declarations -Wnull-dereference
else
WARNINGS = -Wall
endif

# The model and the exports use these; curses is linked only for tui/.
LIBS_USED = yaml-0.1 libgit2 xlsxwriter
LIB_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(LIBS_USED) 2>/dev/null)
LIB_LIBS = $(shell $(PKG_CONFIG) --libs $(LIBS_USED) 2>/dev/null)
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)
ALL_CFLAGS = $(BASE_CFLAGS) $(WARNINGS) $(CFLAGS) $(LIB_CFLAGS)

MODEL_SRC = $(wildcard model/*.c)
EXPORT_SRC = $(wildcard export/*.c)
CLI_SRC = $(wildcard cli/*.c)
MODEL_OBJ = $(MODEL_SRC:%.c=build/%.o)
EXPORT_OBJ = $(EXPORT_SRC:%.c=build/%.o)
CLI_OBJ = $(CLI_SRC:%.c=build/%.o)
# What unit tests link: everything but main() and the terminal.
LIB_OBJ = $(MODEL_OBJ) $(EXPORT_OBJ)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/tests/%)
# Saving under stress: kill -9 loops and two saves at once (tests/stress/).
STRESS_BIN = build/tests/stress
# A long history to measure (tests/bench/, make bench).
BENCH_BIN = build/tests/history

.PHONY: all run test bench check-unit check-cli check-stress check-layout deps deps-install install clean

all: ldr

# Rebuild everything when the flags change (as git's GIT-CFLAGS does).
build/FLAGS: FORCE
	@mkdir -p build
	@echo '$(CC) $(ALL_CFLAGS)' | cmp -s - $@ || echo '$(CC) $(ALL_CFLAGS)' > $@
FORCE:

build/%.o: %.c build/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

ldr: $(LIB_OBJ) $(CLI_OBJ)
	$(QUIET_LINK)$(CC) $(CFLAGS) -o $@ $^ $(LIB_LIBS) $(LDFLAGS)

build/tests/%: tests/unit/%.c $(LIB_OBJ) build/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -MMD -MP $(CMOCKA_CFLAGS) -o $@ $< $(LIB_OBJ) $(CMOCKA_LIBS) $(LIB_LIBS) $(LDFLAGS)

# ---- set-up ---------------------------------------------------------------
# Which packages are missing: the libraries pkg-config cannot find and the
# commands that are not on the PATH.
MISSING = $(strip \
	$(foreach t,$(TOOLS),$(if $(shell command -v $(word 1,$(subst :, ,$(t))) 2>/dev/null),,$(word 2,$(subst :, ,$(t))))) \
	$(foreach p,$(PKGS),$(if $(shell $(PKG_CONFIG) --exists $(p) 2>/dev/null && echo y),,$(DEB_$(p)))))

deps:
	@missing='$(MISSING)'; \
	if [ -n "$$missing" ]; then \
		echo "ldr needs these Debian packages: $$missing"; \
		echo "install them with: sudo apt-get install $$missing"; \
		exit 1; \
	fi

deps-install:
	@missing='$(MISSING)'; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing: $$missing"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq && apt-get install -y -qq $$missing >/dev/null || exit 1; \
	else \
		echo "ldr needs these Debian packages: $$missing"; \
		echo "install them with: sudo apt-get install $$missing"; \
		exit 1; \
	fi

# ---- the two commands of the README --------------------------------------
# The default roadmap is shown from a scratch copy under build/, so that
# nothing ever writes into the project's own files or repository.
run: deps-install
	@$(MAKE) --no-print-directory ldr
	@mkdir -p build/run
	@test -f build/run/roadmap.yaml || cp $(DEFAULT_ROADMAP) build/run/roadmap.yaml
	./ldr stat build/run

test: deps-install
	@$(MAKE) --no-print-directory DEVELOPER=1 ldr $(UNIT_BIN) $(STRESS_BIN)
	@$(MAKE) --no-print-directory DEVELOPER=1 check-layout check-unit check-cli check-stress

check-unit: $(UNIT_BIN)
	@failed=0; for t in $(UNIT_BIN); do \
		CMOCKA_MESSAGE_OUTPUT=stdout ./$$t >build/tests/$$(basename $$t).log 2>&1 \
			|| { cat build/tests/$$(basename $$t).log; failed=1; }; \
		grep -h 'PASSED\|FAILED' build/tests/$$(basename $$t).log | sed "s|^|$$(basename $$t): |"; \
	done; exit $$failed

check-cli: ldr
	@sh tests/cli/run.sh

$(STRESS_BIN): tests/stress/stress.c $(LIB_OBJ) build/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(LIB_OBJ) $(LIB_LIBS) $(LDFLAGS)

check-stress: ldr $(STRESS_BIN)
	@./$(STRESS_BIN) ./ldr roadmaps/derbyshire.yaml

$(BENCH_BIN): tests/bench/history.c $(LIB_OBJ) build/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(LIB_OBJ) $(LIB_LIBS) $(LDFLAGS)

# Timings, not a test: 'ldr log --record' over 1,000 commits, and others.
bench: deps-install
	@$(MAKE) --no-print-directory ldr $(BENCH_BIN)
	@sh tests/bench/log.sh

# The model and the exports never see a terminal; every header compiles alone.
check-layout:
	@if grep -rlE '#include *[<"](n?curses|ncursesw)' model export cli 2>/dev/null; then \
		echo "curses is included outside tui/"; exit 1; fi
	@for h in $(wildcard model/*.h export/*.h cli/*.h); do \
		echo "#include \"$$h\"" | $(CC) $(ALL_CFLAGS) -x c -fsyntax-only -I. - || exit 1; \
	done
	@echo "layout: ok"

install: ldr
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 ldr $(DESTDIR)$(BINDIR)/ldr
	install -m 644 man/ldr.1 $(DESTDIR)$(MANDIR)/man1/ldr.1
	install -m 644 man/ldr-format.5 $(DESTDIR)$(MANDIR)/man5/ldr-format.5

clean:
	rm -rf build ldr

-include $(MODEL_OBJ:.o=.d) $(EXPORT_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_BIN:=.d) $(STRESS_BIN:=.d) $(BENCH_BIN:=.d)
