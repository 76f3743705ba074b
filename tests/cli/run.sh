#!/bin/sh
# CLI golden tests. Each tests/cli/NAME.t is a list of shell command lines,
# run one by one from the top of the tree, with ./ldr first on the PATH, in
# a pinned environment, with $T a fresh scratch directory. The transcript
# (each command, what it printed on stdout and stderr, and its exit status
# when not 0) must equal tests/cli/NAME.out.
#
#   sh tests/cli/run.sh [NAME...]      run all, or some
#   UPDATE=1 sh tests/cli/run.sh NAME  write NAME.out from this run (read it!)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
# The ldr under test: ./ldr, or the one in LDR_DIR (a sanitizer build, or a
# wrapper that runs it under valgrind).
export LC_ALL=C.UTF-8 TZ=UTC PATH="${LDR_DIR:-$top}:$top:$PATH" TERM=dumb
for v in $(env | sed -n 's/^\(GIT_[A-Za-z_]*\)=.*/\1/p'); do unset "$v"; done
# The project's roadmaps are in the project's own repository, at a commit
# that changes with every commit of ldr: here, no repository is looked for
# above the project, and the exports name none (tests/cli/export.t makes
# throw-away repositories for that).
export GIT_CEILING_DIRECTORIES="$top"
# Every edit in the interface's tests checks again only what it can affect;
# here a full check follows each, and any difference aborts the program
# (model/rules/recheck.c).
export LDR_CHECK_CROSS=1

if [ $# -gt 0 ]; then
	set -- $(for n in "$@"; do echo "tests/cli/$n.t"; done)
else
	set -- tests/cli/*.t
fi

failed=0
failures=
# The shipped roadmaps are inputs: a test that opened one in the interface
# and left a recovery file beside it (or wrote it) would change what every
# later test reads, and could be committed by mistake.
shipped() { ls -A -l --time-style=+%s roadmaps tests/cli/data 2>/dev/null; }
before=$(shipped)
for t in "$@"; do
	name=$(basename "$t" .t)
	T=build/tests/cli/$name
	rm -rf "$T" && mkdir -p "$T"
	HOME=$top/$T
	export T HOME
	got=$T.transcript
	: >"$got"
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in '' | '#'*) continue ;; esac
		printf '$ %s\n' "$line" >>"$got"
		sh -c "$line" </dev/null >>"$got" 2>&1
		rc=$?
		[ $rc -eq 0 ] || printf '[exit %d]\n' $rc >>"$got"
	done <"$t"
	# The throw-away repositories of tests/cli/repo.sh, whether or not the
	# test's last line removed them.
	if [ -s "$T/repo-dir" ]; then
		case $(cat "$T/repo-dir") in /tmp/ldr-cli-*) rm -rf "$(cat "$T/repo-dir")" ;; esac
	fi
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$got" "tests/cli/$name.out"
		echo "cli: $name: written"
	elif diff -u "tests/cli/$name.out" "$got"; then
		echo "cli: $name: ok"
	else
		echo "cli: $name: FAILED (the transcript above differs from tests/cli/$name.out)"
		failed=1
		failures="$failures $name"
	fi
	if [ "$(shipped)" != "$before" ]; then
		echo "cli: $name: FAILED: it changed roadmaps/ or tests/cli/data/ (work on a copy under \$T):"
		echo "$before" >"$T.before" && shipped | diff "$T.before" - | sed 's/^/  /'
		before=$(shipped)
		failed=1
	fi
done
# Said again at the end, the lines that differ first, where a log cut to its
# last lines (as CI's may be) still shows them.
for name in $failures; do
	echo "cli: $name: FAILED; the first lines that differ (- expected, + got):"
	diff "tests/cli/$name.out" "build/tests/cli/$name.transcript" | grep '^[<>]' | head -8 |
		sed 's/^</  -/; s/^>/  +/' | cut -c1-200
done
exit $failed
