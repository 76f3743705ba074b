# ldr: plan and track a Local Digital Roadmap.
#
#   make            build ./ldr (objects under build/)
#   make run        install what is missing, build, show the default roadmap
#   make test       install what is missing, build strictly, run every test
#   make bench      benchmarks: medians, and ratios to baselines
#   make install    PREFIX=/usr/local DESTDIR=... : ldr and its man pages
#   make DEVELOPER=1  the strict warning set, with -Werror (test and CI use it)
#   make B=build/asan SANITIZE=1  a build with ASan and UBSan, in its own directory

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
CC ?= cc
CFLAGS ?= -O2 -g
PKG_CONFIG ?= pkg-config

# The libraries, with the Debian package that provides each.
PKGS = ncursesw yaml-0.1 libgit2 cmocka xlsxwriter libzip expat
DEB_ncursesw = libncurses-dev
DEB_yaml-0.1 = libyaml-dev
DEB_libgit2 = libgit2-dev
DEB_cmocka = libcmocka-dev
DEB_xlsxwriter = libxlsxwriter-dev
DEB_libzip = libzip-dev
DEB_expat = libexpat1-dev
# Commands the build and the tests run; the SVG charts are checked with
# xmllint, rendered with rsvg-convert and in headless Chromium; strace sends
# the signals of tests/cli/signals.t at chosen system calls.
TOOLS = pkg-config:pkg-config diff:diffutils cmp:diffutils awk:mawk valgrind:valgrind \
	timeout:coreutils xmllint:libxml2-utils rsvg-convert:librsvg2-bin chromium:chromium git:git \
	tmux:tmux pdfinfo:poppler-utils strace:strace
# Python modules the tests import, with the package: Debian's interpreter,
# since the python3 first on a PATH may be another one without them.
PYTHON = /usr/bin/python3
PYMODS = openpyxl:python3-openpyxl
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
	-Wcast-align -Wundef -Wmissing-declarations -Wnull-dereference \
	-Wno-missing-field-initializers
# (As git's DEVELOPER=1: a table's row may leave its optional members out,
# as a view's columns do their getter.)
else
WARNINGS = -Wall
endif

# The model, the exports and the imports use these; curses is linked only
# for tui/. The imports read workbooks with libzip and expat.
LIBS_USED = yaml-0.1 libgit2 xlsxwriter libzip expat
LIB_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(LIBS_USED) 2>/dev/null)
LIB_LIBS = $(shell $(PKG_CONFIG) --libs $(LIBS_USED) 2>/dev/null)
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)
# A build directory of its own for each kind of build: B=build/asan SANITIZE=1
# builds with AddressSanitizer and UndefinedBehaviorSanitizer.
B ?= build
ifdef SANITIZE
SANITIZERS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += $(SANITIZERS)
endif
ALL_CFLAGS = $(BASE_CFLAGS) $(WARNINGS) $(CFLAGS) $(SANITIZERS) $(LIB_CFLAGS)
# The program: ./ldr from the default build, $(B)/ldr from any other.
LDR_BIN = $(if $(filter build,$(B)),ldr,$(B)/ldr)

MODEL_SRC = $(wildcard model/*/*.c)
EXPORT_SRC = $(wildcard export/*.c export/*/*.c)
IMPORT_SRC = $(wildcard import/*.c)
TUI_SRC = $(wildcard tui/*.c tui/*/*.c)
CLI_SRC = $(wildcard cli/*.c cli/*/*.c)
MODEL_OBJ = $(MODEL_SRC:%.c=$(B)/%.o)
EXPORT_OBJ = $(EXPORT_SRC:%.c=$(B)/%.o)
IMPORT_OBJ = $(IMPORT_SRC:%.c=$(B)/%.o)
TUI_OBJ = $(TUI_SRC:%.c=$(B)/%.o)
CLI_OBJ = $(CLI_SRC:%.c=$(B)/%.o)
# Only tui/ sees curses: its objects get curses' flags, and ldr its library.
CURSES_CFLAGS = $(filter-out -D_XOPEN_SOURCE%,$(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null))
CURSES_LIBS = $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null)
# What unit tests link: everything but main() and the terminal.
LIB_OBJ = $(MODEL_OBJ) $(EXPORT_OBJ) $(IMPORT_OBJ)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
# Saving under stress: kill -9 loops and two saves at once (tests/stress/).
STRESS_BIN = $(B)/tests/stress

.PHONY: all run test check-unit check-cli check-export check-import check-svg check-layout check-man \
	check-office check-fuzz check-recheck check-valgrind check-stress check-tmux check-ssh check-report man fuzz bench mutation deps \
	deps-install install clean

all: $(LDR_BIN)

# Rebuild everything when the flags change (as git's GIT-CFLAGS does).
$(B)/FLAGS: FORCE
	@mkdir -p $(B)
	@echo '$(CC) $(ALL_CFLAGS) $(LDFLAGS)' | cmp -s - $@ || echo '$(CC) $(ALL_CFLAGS) $(LDFLAGS)' > $@
FORCE:

$(B)/%.o: %.c $(B)/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(B)/tui/%.o: tui/%.c $(B)/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) $(CURSES_CFLAGS) -MMD -MP -c $< -o $@

$(LDR_BIN): $(LIB_OBJ) $(TUI_OBJ) $(CLI_OBJ)
	$(QUIET_LINK)$(CC) $(CFLAGS) -o $@ $^ $(LIB_LIBS) $(CURSES_LIBS) $(LDFLAGS)

$(B)/tests/%: tests/unit/%.c $(LIB_OBJ) $(B)/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -MMD -MP $(CMOCKA_CFLAGS) -o $@ $< $(LIB_OBJ) $(CMOCKA_LIBS) $(LIB_LIBS) $(LDFLAGS)

# ---- set-up ---------------------------------------------------------------
# Which packages are missing: the libraries pkg-config cannot find and the
# commands that are not on the PATH.
MISSING = $(sort \
	$(foreach t,$(TOOLS),$(if $(shell command -v $(word 1,$(subst :, ,$(t))) 2>/dev/null),,$(word 2,$(subst :, ,$(t))))) \
	$(foreach p,$(PKGS),$(if $(shell $(PKG_CONFIG) --exists $(p) 2>/dev/null && echo y),,$(DEB_$(p)))) \
	$(foreach m,$(PYMODS),$(if $(shell $(PYTHON) -c 'import $(word 1,$(subst :, ,$(m)))' 2>/dev/null && echo y),,$(word 2,$(subst :, ,$(m))))))

deps:
	@missing='$(MISSING)'; \
	if [ -n "$$missing" ]; then \
		echo "ldr needs these Debian packages: $$missing"; \
		echo "install them with: sudo apt-get install $$missing"; \
		exit 1; \
	fi

# Wanted, not needed: installed for the tests where root can (CI), never
# demanded of a developer. openssh-server: the sync test over SSH (check-ssh
# skips itself without it).
OPTIONAL_PKGS = $(if $(wildcard /usr/sbin/sshd),,openssh-server)
deps-install:
	@optional='$(OPTIONAL_PKGS)'; \
	if [ -n "$$optional" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing (for the tests, optional): $$optional"; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$optional >/dev/null || \
		echo "could not install $$optional: the tests that need it will say they are skipped"; \
	fi; \
	missing='$(MISSING)'; \
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
# A scratch repository needs someone to commit as: git's, else a stand-in.
RUN_IDENTITY = $(if $(shell git config user.name 2>/dev/null),,\
	GIT_AUTHOR_NAME='make run' GIT_AUTHOR_EMAIL=run@localhost \
	GIT_COMMITTER_NAME='make run' GIT_COMMITTER_EMAIL=run@localhost)
run: deps-install
	@$(MAKE) --no-print-directory ldr
	@test -d build/run/.git || { rm -rf build/run && \
		$(RUN_IDENTITY) ./ldr init build/run --from $(DEFAULT_ROADMAP); }
	@$(RUN_IDENTITY) ./ldr build/run

# Every test, three times: built strictly; built with ASan and UBSan (leaks
# included); and the command-line tests under valgrind.
SANITIZER_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 LDR_VMEM_KB=unlimited LDR_TIMEOUT=300
test: deps-install
	@$(MAKE) --no-print-directory DEVELOPER=1 ldr $(UNIT_BIN) $(STRESS_BIN)
	@$(MAKE) --no-print-directory DEVELOPER=1 check-layout check-man check-unit check-fuzz \
		check-cli check-recheck check-export check-import check-svg check-report check-stress check-tmux check-ssh
	@echo "--- again, with AddressSanitizer and UndefinedBehaviorSanitizer"
	@$(SANITIZER_ENV) $(MAKE) --no-print-directory DEVELOPER=1 B=build/asan SANITIZE=1 \
		check-unit check-fuzz check-cli check-recheck
	@echo "--- the command-line tests under valgrind"
	@$(MAKE) --no-print-directory DEVELOPER=1 check-valgrind

check-unit: $(UNIT_BIN)
	@failed=0; for t in $(UNIT_BIN); do \
		CMOCKA_MESSAGE_OUTPUT=stdout ./$$t >$$t.log 2>&1 || { cat $$t.log; failed=1; }; \
		grep -h 'PASSED\|FAILED' $$t.log | sed "s|^|$$(basename $$t): |"; \
	done; exit $$failed

check-cli: $(LDR_BIN) build/bench/gen
	@LDR_DIR=$(dir $(abspath $(LDR_BIN))) sh tests/cli/run.sh

# valgrind runs ./ldr for every command-line test but the hostile inputs and
# the 85 footprints of the national view, which take minutes under it and
# run under the sanitizers instead.
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \
	--errors-for-leak-kinds=definite --suppressions=$(abspath tests/valgrind.supp)
check-valgrind: ldr
	@mkdir -p build/valgrind
	@printf '#!/bin/sh\nexec $(VALGRIND) "%s" "$$@"\n' "$(abspath ldr)" > build/valgrind/ldr
	@chmod +x build/valgrind/ldr
	@LDR_DIR=$(abspath build/valgrind) LDR_VMEM_KB=unlimited LDR_TIMEOUT=600 sh tests/cli/run.sh \
		$(filter-out hostile national,$(patsubst tests/cli/%.t,%,$(wildcard tests/cli/*.t)))

# The spreadsheets: CSV against golden files, XLSX read back with openpyxl.
check-export: ldr
	@sh tests/export/run.sh

# Imports: the exact round trip of every kind for the roadmaps and the
# bench's, and workbooks ldr did not write (tests/import/run.sh).
check-import: ldr build/bench/gen
	@sh tests/import/run.sh

# Not part of 'make test' (LibreOffice is large and slow to start): the
# spreadsheets opened by LibreOffice Calc, as a board member's copy would
# be; and a CSV saved as a workbook by it, imported as the committed one
# is. Needs libreoffice-calc (apt-get install libreoffice-calc).
check-office: ldr
	@sh tests/export/office.sh
	@sh tests/import/office.sh

# The charts: byte-exact goldens, well-formed, rendered by librsvg, inert;
# and a few rendered in headless Chromium (about two seconds each).
SVG_BROWSER = derbyshire-gantt derbyshire-tubemap derbyshire-trajectory hostile-gantt
check-svg: ldr
	@sh tests/svg/run.sh
	@sh tests/svg/chromium.sh $(SVG_BROWSER:%=tests/svg/%.svg)

# The board report (ldr report) in headless Chromium: a screenshot, and
# printed to PDF on A4 and A3, its pages counted and its text read back.
check-report: ldr
	@sh tests/report/render.sh $(abspath ldr)

# The interface in a real terminal: tmux at 80x24, keys typed, the screen
# read back; a resize, and the hang-up of a dropped connection.
check-tmux: ldr
	@sh tests/tmux/run.sh $(abspath ldr)

# ldr sync over SSH to an sshd of the test's own on 127.0.0.1 (skipped, saying
# so, where openssh-server is not installed: it is not a build dependency).
# The sync scenarios on a file:// remote are tests/cli/sync.t.
check-ssh: ldr
	@sh tests/sync/ssh.sh $(abspath ldr)

# The checks run again after an edit, against a full check, over a scripted
# series of edits of Derbyshire, the programme plan and a generated roadmap
# (tests/recheck/).
RECHECK_BIN = $(B)/tests/recheck
$(RECHECK_BIN): tests/recheck/recheck.c tests/recheck/edits.c $(LIB_OBJ) $(B)/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -o $@ tests/recheck/recheck.c tests/recheck/edits.c $(LIB_OBJ) $(LIB_LIBS) $(LDFLAGS)

check-recheck: $(RECHECK_BIN) build/bench/gen
	@mkdir -p $(B)/tests
	@build/bench/gen --capabilities 400 --projects 60 --deps 120 >$(B)/tests/recheck-gen.yaml
	@./$(RECHECK_BIN) roadmaps/derbyshire.yaml roadmaps/programme.yaml
	@./$(RECHECK_BIN) --as-of 2018-06 -s 7 $(B)/tests/recheck-gen.yaml

# Saves killed at random and raced, judged by plain git (tests/stress/).
$(STRESS_BIN): tests/stress/stress.c $(LIB_OBJ) $(B)/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(LIB_OBJ) $(LIB_LIBS) $(LDFLAGS)

check-stress: ldr $(STRESS_BIN)
	@./$(STRESS_BIN) ./ldr roadmaps/derbyshire.yaml

# The model and the exports never see a terminal; every header compiles alone.
# The rooms and what each may include, curses only in tui/, folders of 20 C
# files at most (tests/layout/rooms.sh); every header stands alone.
check-layout:
	@sh tests/layout/rooms.sh
	@for h in $(wildcard model/*/*.h export/*.h export/*/*.h import/*.h tui/*.h cli/*.h); do \
		echo "#include \"$$h\"" | $(CC) $(ALL_CFLAGS) $(CURSES_CFLAGS) -x c -fsyntax-only -I. - || exit 1; \
	done
	@echo "layout: ok"

# The man page's list of rules comes from the rules themselves.
build/man/ldr.1: man/ldr.1 ldr
	@mkdir -p build/man
	@sed '/^\.\\" BEGIN RULES/q' man/ldr.1 > $@
	@./ldr check --roff >> $@
	@sed -n '/^\.\\" END RULES/,/^\.\\" BEGIN KEYS/p' man/ldr.1 >> $@
	@./ldr tui --roff >> $@
	@sed -n '/^\.\\" END KEYS/,$$p' man/ldr.1 >> $@

man: build/man/ldr.1
	@cmp -s $< man/ldr.1 || cp $< man/ldr.1

check-man: build/man/ldr.1
	@cmp -s $< man/ldr.1 || { diff -u man/ldr.1 $< | head -20; \
		echo "man/ldr.1: the lists of rules and keys are out of date: run 'make man'"; exit 1; }
	@echo "man: ok"

# Fuzzing. The targets run under libFuzzer with 'make fuzz' (clang); in make
# test, a replay driver runs them over every input kept in the corpus.
FUZZ_TARGETS = load time xlsx csv import
FUZZ_SECONDS ?= 60
$(B)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/recheck/edits.c $(LIB_OBJ) $(B)/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/replay.c tests/recheck/edits.c \
		$(LIB_OBJ) $(LIB_LIBS) $(LDFLAGS)

check-fuzz: $(FUZZ_TARGETS:%=$(B)/tests/replay_%)
	@for t in $(FUZZ_TARGETS); do printf 'fuzz corpus %s: ' $$t; \
		./$(B)/tests/replay_$$t tests/fuzz/corpus/$$t || exit 1; done

FUZZ_CC = clang
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -g -O1 \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined $(LIB_CFLAGS)
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/recheck/edits.c $(MODEL_SRC) $(IMPORT_SRC)
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< tests/recheck/edits.c $(MODEL_SRC) $(IMPORT_SRC) $(LIB_LIBS)

fuzz: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build/fuzz/corpus_$$t build/fuzz/crashes; \
		./build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
			-rss_limit_mb=2048 -artifact_prefix=build/fuzz/crashes/ \
			build/fuzz/corpus_$$t tests/fuzz/corpus/$$t || exit 1; \
	done

# Benchmarks: medians and ratios, not pass or fail (tests/bench/run.sh).
build/bench/%: tests/bench/%.c build/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_LIBS) $(LDFLAGS)

# Not part of 'make test' (a rebuild and the unit tests per mutant: about
# half an hour): a mutation pass over model/, in a scratch copy of the tree
# (tests/mutation/run.sh; MUTANTS=N, MUTATE='FILES', MUTATION_CLI='NAMES').
MUTANTS ?= 40
mutation:
	@sh tests/mutation/run.sh -n $(MUTANTS) $(if $(MUTATION_CLI),-c '$(MUTATION_CLI)') $(MUTATE)

# The history generator links the model (ldr log --record over 1,000 commits).
build/bench/history: tests/bench/history.c $(LIB_OBJ) build/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(LIB_OBJ) $(LIB_LIBS) $(LDFLAGS)

# The model's work of the interface's shift (tests/bench/shift.c).
build/bench/shift: tests/bench/shift.c $(LIB_OBJ) build/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(LIB_OBJ) $(LIB_LIBS) $(LDFLAGS)

# The checks run again after one edit, against a full check (tests/bench/recheck.c).
build/bench/recheck: tests/bench/recheck.c $(LIB_OBJ) build/FLAGS
	@mkdir -p $(dir $@)
	$(QUIET_LINK)$(CC) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(LIB_OBJ) $(LIB_LIBS) $(LDFLAGS)

bench: deps-install
	@$(MAKE) --no-print-directory ldr build/bench/gen build/bench/yamlparse build/bench/history \
		build/bench/cputime build/bench/shift build/bench/recheck build/bench/firstscreen
	@sh tests/bench/run.sh

install: ldr
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 ldr $(DESTDIR)$(BINDIR)/ldr
	install -m 644 man/ldr.1 $(DESTDIR)$(MANDIR)/man1/ldr.1
	install -m 644 man/ldr-format.5 $(DESTDIR)$(MANDIR)/man5/ldr-format.5

clean:
	rm -rf build ldr

-include $(MODEL_OBJ:.o=.d) $(EXPORT_OBJ:.o=.d) $(IMPORT_OBJ:.o=.d) $(TUI_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_BIN:=.d) \
	$(STRESS_BIN:=.d) build/bench/history.d
