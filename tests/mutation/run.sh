#!/bin/sh
# A mutation pass: change one operator at a time in the sources, rebuild,
# run the tests, and see whether they notice. A mutant the tests fail on is
# killed; one they pass is a survivor, and shows a case no test pins down.
#
#   sh tests/mutation/run.sh [-n N] [-c "CLI TESTS"] [-s FILE:LINE:COL] [FILE...]
#
#   FILE...   the sources to mutate (default: model/*/*.c)
#   -n N      how many mutants (default 40): every k-th site of all those
#             tests/mutation/sites.awk finds, k = sites / N, so the same
#             tree always gives the same mutants
#   -s SITE   mutate only this site (FILE:LINE:COL as the table prints it);
#             may be given more than once
#   -c NAMES  also run these CLI transcripts (tests/cli/NAME.t) on each
#             mutant that the unit tests did not kill
#
# The operators: < and <=, > and >=, == to !=, && to ||, | to ^ (never
# ->, <<, >>, |=, comments, literals or preprocessor lines). The mutants
# are made in a scratch copy of the tree, build/mutation/tree (the working
# tree's files, committed or not), never in the tree itself. A mutant that
# does not compile (-Werror) is counted apart: it says nothing of the
# tests. Each test binary has TIMEOUT seconds (default 60): a mutant that
# makes a loop endless is killed by the time-out.
#
# SANITIZE=1 builds the mutants with ASan and UBSan (as make test's second
# pass): a mutant that reads past an array, which plain tests may not
# notice, is then killed by the sanitizer. Slower.
#
# It is slow (a rebuild and the unit tests per mutant: half a minute each
# on two cores) and not part of make test: make mutation runs it.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1

n=40
cli=
sites=
while getopts n:c:s: opt; do
	case $opt in
	n) n=$OPTARG ;;
	c) cli=$OPTARG ;;
	s) sites="$sites $OPTARG" ;;
	*) sed -n 's/^#   *\(sh tests.*\)/usage: \1/p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- model/*/*.c
timeout=${TIMEOUT:-60}
jobs=${JOBS:-2}
make="make -j$jobs DEVELOPER=1 ${SANITIZE:+SANITIZE=1}"
if [ -n "${SANITIZE:-}" ]; then
	# As the Makefile's SANITIZER_ENV, on the scratch tree's suppressions.
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		LSAN_OPTIONS=suppressions=$top/build/mutation/tree/tests/lsan.supp:print_suppressions=0 \
		LDR_VMEM_KB=unlimited LDR_TIMEOUT=300
fi

work=$top/build/mutation
tree=$work/tree
mkdir -p "$work"
all=$work/sites
awk -f tests/mutation/sites.awk "$@" >"$all"
if [ -n "$sites" ]; then
	: >"$work/chosen"
	for s in $sites; do
		IFS=: read -r f l c <<-EOF
		$s
		EOF
		awk -F'\t' -v f="$f" -v l="$l" -v c="$c" '$1 == f && $2 == l && $3 == c' "$all" >>"$work/chosen"
	done
else
	awk -F'\t' -v n="$n" 'NR == FNR { total++; next }
		FNR == 1 { k = total > n ? total / n : 1; next_at = int(k / 2) + 1; taken = 0 }
		FNR >= next_at && taken < n { print; taken++; next_at = int(k / 2 + taken * k) + 1 }' \
		"$all" "$all" >"$work/chosen"
fi
total=$(wc -l <"$all")
chosen=$(wc -l <"$work/chosen")
[ "$chosen" -gt 0 ] || { echo "mutation: no site chosen" >&2; exit 2; }
echo "mutation: $chosen mutants of $total sites in $# files; scratch tree $tree"

# The scratch tree: the sources as they are now, built once unmutated (the
# tests must pass there, or no mutant can be judged).
rm -rf "$tree"
mkdir -p "$tree"
git ls-files -z --cached --others --exclude-standard |
	tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -C "$tree" -xf -
run_unit() {
	for t in "$tree"/build/tests/test_*; do
		case $t in *.log | *.d) continue ;; esac
		(cd "$tree" && CMOCKA_MESSAGE_OUTPUT=stdout timeout "$timeout" "$t" >"$t.log" 2>&1) ||
			{ echo "$(basename "$t")"; return 1; }
	done
	return 0
}
run_cli() {
	[ -n "$cli" ] || return 0
	out=$(cd "$tree" && LDR_DIR=$tree/ timeout $((timeout * 10)) sh tests/cli/run.sh $cli 2>&1) ||
		{ echo "$out" | sed -n 's/^cli: \([^:]*\): FAILED.*/cli:\1/p' | head -1; return 1; }
	return 0
}
units=$(ls tests/unit/test_*.c | sed 's|tests/unit/\(.*\)\.c|build/tests/\1|')
build() { (cd "$tree" && $make ldr $units >"$work/build.log" 2>&1); }
build || { echo "mutation: the unmutated tree does not build (build/mutation/build.log)"; exit 1; }
if ! why=$(run_unit) || ! why=$(run_cli); then
	echo "mutation: the tests fail on the unmutated tree ($why): fix that first"
	exit 1
fi

killed=0 survived=0 stillborn=0 i=0
table=$work/table
: >"$work/survivors"
printf '%-3s %-34s %-8s %-10s %s\n' '#' 'site' 'mutant' 'result' 'by' >"$table"
cat "$table"
while IFS="$(printf '\t')" read -r f l c from to; do
	i=$((i + 1))
	cp "$tree/$f" "$work/orig.c"
	awk -v l="$l" -v c="$c" -v from="$from" -v to="$to" \
		'FNR == l { $0 = substr($0, 1, c - 1) to substr($0, c + length(from)) } { print }' \
		"$work/orig.c" >"$tree/$f"
	if ! build; then
		result=stillborn by=build
		stillborn=$((stillborn + 1))
	elif by=$(run_unit) && by=$(run_cli); then
		result=SURVIVED by=-
		survived=$((survived + 1))
		printf "%s %s: %s\n" "$f:$l:$c" "$from->$to" "$(sed -n "${l}p" "$tree/$f" | sed "s/^[[:space:]]*//")" >>"$work/survivors"
	else
		result=killed
		killed=$((killed + 1))
	fi
	printf '%-3s %-34s %-8s %-10s %s\n' "$i" "$f:$l:$c" "$from->$to" "$result" "$by" | tee -a "$table"
	# Restored with a new time, so that make rebuilds it.
	cp "$work/orig.c" "$tree/$f"
	touch "$tree/$f"
done <"$work/chosen"
build || { echo "mutation: the restored tree does not build"; exit 1; }

judged=$((killed + survived))
rate=$(awk -v k=$killed -v j=$judged 'BEGIN { printf "%.0f", j ? 100 * k / j : 0 }')
echo "mutation: $killed killed, $survived survived, $stillborn did not compile;" \
	"kill rate $rate% ($killed of $judged)"
echo "mutation: the table is in build/mutation/table"
