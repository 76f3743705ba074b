#!/bin/sh
# make bench: every operation of ldr on generated roadmaps (tests/bench/gen.c)
# of 5,000 and 50,000 capabilities, the median wall time of RUNS runs of
# each, how it grows from the one to the other (10x is linear), and its ratio
# to baselines measured in the same run: cat of the file, libyaml's bare
# event loop (the floor for any loader, tests/bench/yamlparse.c) and
# Python's yaml.load with the C loader (what a user would script instead).
# Imports of the exports, against the time of the export. Then peak
# memory, the national view of 85 footprints, a ring of 10,000
# projects, 2,007 capability groups, and the history once ldr has one.
# Times are CPU time (user and system), which a shared machine disturbs
# much less than the clock; but Derbyshire's first screen is timed on the
# clock, on a pseudo-terminal, as a user sees it (tests/bench/firstscreen.c).
# Not a test: nothing here fails on a number (a command that fails stops it).
#
#   sh tests/bench/run.sh [SECTION...]   goals sizes memory national ring whatif groups history
#   RUNS=5 SLOW_RUNS=3                   runs of each measure; of Python's load
#   INSN=1                               goals: instructions (callgrind), not CPU time
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
B=build/bench
RUNS=${RUNS:-5}
SLOW_RUNS=${SLOW_RUNS:-3}
LDR=${LDR:-./ldr}
PY=/usr/bin/python3
KEYS=1000 # keypresses of the redraw measure
TREES=500 # dependency trees opened
export LC_ALL=C.UTF-8 TZ=UTC TERM=xterm
mkdir -p $B/out

# The median of N runs of a shell command: the CPU time it takes (user and
# system, tests/bench/cputime.c), in milliseconds. On a machine shared with
# other work the time on the clock varies too much from run to run to compare
# two of them; CPU time much less. The command must exit 0, or 1 (a check
# that found errors): anything else stops the bench.
median() { # N COMMAND
	i=0
	: >$B/times
	while [ $i -lt "$1" ]; do
		rc=0
		$B/cputime $B/time sh -c "$2" >/dev/null 2>$B/stderr || rc=$?
		if [ $rc -gt 1 ]; then
			echo "bench: FAILED (exit $rc): $2" >&2
			cat $B/stderr >&2
			exit 1
		fi
		cat $B/time >>$B/times
		i=$((i + 1))
	done
	sort -n -k${COL:-1} $B/times | sed -n "$((($1 + 1) / 2))p" | awk -v c="${COL:-1}" '{ printf "%.2f", $c }'
}

# The same, or with INSN=1 the instructions a command executes (callgrind,
# its children's included), in millions: they do not vary from run to run.
cost() { # N COMMAND
	if [ "${INSN:-0}" = 1 ]; then
		valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null \
			sh -c "$2" >/dev/null 2>$B/stderr || [ $? -le 1 ] || { cat $B/stderr >&2; exit 1; }
		awk '/Collected :/ { n += $NF } END { printf "%.1f", n / 1e6 }' $B/stderr
	else
		median "$@"
	fi
}

# Peak resident memory of a command, in KiB.
peak() {
	/usr/bin/time -f '%M' sh -c "exec $1" 2>&1 >/dev/null | tail -n 1
}

# A generated roadmap, made again when the generator is newer.
gen() { # NAME OPTIONS
	[ $B/$1.yaml -nt $B/gen ] || $B/gen $2 >$B/$1.yaml
}

small=$B/small.yaml
large=$B/large.yaml

# One row: the operation at both sizes, its growth, and a ratio at 50,000.
row() { # NAME SMALL_MS LARGE_MS [RATIO_TEXT]
	awk -v n="$1" -v s="$2" -v l="$3" -v r="${4:-}" 'BEGIN {
		f = s < 10 && l < 10 ? "%10.2f %10.2f" : "%10.1f %10.1f"
		printf "  %-38s " f " %7.1fx  %s\n", n, s, l, (s > 0 ? l / s : 0), r }'
}

ratio() { # MS BASE_MS TEXT
	awk -v t="$1" -v b="$2" -v w="$3" 'BEGIN { if (b > 0) printf "%.2fx %s", t / b, w }'
}

# Measure a command (@F the roadmap) at both sizes and print its row.
op() { # NAME COMMAND [BASE_SMALL BASE_LARGE BASE_NAME]
	s=$(median "$RUNS" "$(echo "$2" | sed "s|@F|$small|g")")
	l=$(median "$RUNS" "$(echo "$2" | sed "s|@F|$large|g")")
	row "$1" "$s" "$l" "$([ $# -ge 5 ] && ratio "$l" "$4" "$5" || true)"
	last_small=$s last_large=$l
}

# The terminal interface, headless: the time keys take beyond what the keys
# before them take (KEYS0, or the first screen), per key.
tui_delta() { # NAME KEYS0 PREFIX KEYS PER
	tui="LDR_TUI_SIZE=120x40 $LDR"
	a_s=$first_s a_l=$first_l
	if [ -n "$2" ]; then
		a_s=$(median "$RUNS" "LDR_TUI_KEYS='$2' $tui $small")
		a_l=$(median "$RUNS" "LDR_TUI_KEYS='$2' $tui $large")
	fi
	b_s=$(median "$RUNS" "LDR_TUI_KEYS='$3$4' $tui $small")
	b_l=$(median "$RUNS" "LDR_TUI_KEYS='$3$4' $tui $large")
	row "$1" "$(per_key "$b_s" "$a_s" "$5")" "$(per_key "$b_l" "$a_l" "$5")" \
		"$([ "$5" -gt 1 ] && echo "(each, of $5)" || true)"
}

repeat() { # TEXT N
	awk -v t="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", t }'
}

per_key() { # MS BASE_MS KEYS
	awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { d = (a - b) / n; printf "%.2f", (d > 0 ? d : 0) }'
}

# The goals of the project for speed and memory at 50,000 capabilities,
# each measure beside its goal, every ratio against a baseline measured in
# the same run (docs/performance.md).
goal() { # NAME NOW GOAL
	printf '  %-52s %-24s %s\n' "$1" "$2" "$3"
}

goals() {
	gen large "--capabilities 50000 --projects 5000 --deps 10000"
	unit=$([ "${INSN:-0}" = 1 ] && echo "M instructions (callgrind)" || echo "ms of CPU, median of $RUNS")
	echo "goals at 50,000 capabilities ($large, $(($(wc -c <$large) / 1024)) KiB), in $unit"
	goal "measure" "now" "goal"
	floor=$(cost "$RUNS" "$B/yamlparse $large")
	stat=$(cost "$RUNS" "$LDR stat $large")
	check=$(cost "$RUNS" "$LDR check $large")
	goal "ldr check vs libyaml's bare event loop" "$(ratio "$check" "$floor" "($check / $floor)")" "<= 1.5x"
	goal "  (ldr stat, the load alone, vs the same)" "$(ratio "$stat" "$floor" "")" ""
	if $PY -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
		py=$(cost "$SLOW_RUNS" "$PY -c 'import sys, yaml; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)' $large")
		goal "ldr check vs PyYAML CSafeLoader's load alone" "$(ratio "$py" "$check" "faster ($py)")" ">= 25x faster"
	fi
	size=$(wc -c <$large)
	if [ -x /usr/bin/time ]; then
		for what in "ldr check|$LDR check $large" \
			"the TUI (first screen)|env LDR_TUI_SIZE=120x40 LDR_TUI_KEYS=q $LDR $large"; do
			kb=$(peak "${what#*|}")
			goal "peak RSS of ${what%%|*} over the file" \
				"$(awk -v k="$kb" -v f="$size" 'BEGIN { printf "%.2fx (%.1f MiB)", k * 1024 / f, k / 1024 }')" \
				"$(case $what in ldr*) echo "<= 3x" ;; *) echo "<= 4x" ;; esac)"
		done
	fi
	# One edit through a form: ten edits of C000010's year (19/20 in the
	# file: 17/18, 18/19, 17/18 ...) less the same keys with each prompt
	# dismissed (Esc, then y: nothing changes), per edit; the changes
	# discarded at the end, so that no recovery file stays.
	rm -f $B/.large.yaml.*.ldr-*
	go="/ C000010 <Enter> e j j j " tui="LDR_TUI_SIZE=120x40 $LDR"
	edit=$(repeat '<Enter> <C-u> "17/18" <Enter> <Enter> <C-u> "18/19" <Enter> ' 5)
	noop=$(repeat '<Enter> <C-u> "17/18" <Esc> y <Enter> <C-u> "18/19" <Esc> y ' 5)
	e=$(cost "$RUNS" "LDR_TUI_KEYS='$go$edit<Esc> q d' $tui $large")
	n=$(cost "$RUNS" "LDR_TUI_KEYS='$go$noop<Esc> q' $tui $large")
	goal "one edit in the TUI (form, re-check, redraw)" "$(per_key "$e" "$n" 10)" "<= 20 ms"
	# UC01-A1, done: not done, then done again (asked when: Enter), five times.
	e=$(cost "$RUNS" "LDR_TUI_KEYS='5 j $(repeat 't t <Enter> ' 5)q d' $tui $large")
	n=$(cost "$RUNS" "LDR_TUI_KEYS='5 j $(repeat 'j k ' 5)q' $tui $large")
	goal "  (an activity done and undone with t)" "$(per_key "$e" "$n" 10)" "<= 20 ms"
	! ls $B/.large.yaml.*.ldr-* >/dev/null 2>&1 || echo "  (a TUI run left a recovery file: its keys went astray)"
	# The checks run again after one edit (ldr_check_update, as the
	# interface runs them), against a full check, in the same process.
	if [ -x $B/recheck ]; then
		r=$($B/recheck $large C025000 P02500 "$RUNS")
		goal "  (the checks again: a capability's year, a project's end)" \
			"$(echo $r | cut -d' ' -f1) / $(echo $r | cut -d' ' -f2) ms" "(full: $(echo $r | cut -d' ' -f3) ms)"
		goal "  (the index rebuilt, unless an edit keeps it)" "$(echo $r | cut -d' ' -f4) ms" ""
	fi
	for e in "annex2 .xlsx|annex2 -o $B/out/g.xlsx" "tubemap .svg|tubemap --as-of 2017-10 -o $B/out/g.svg"; do
		t=$(cost "$RUNS" "$LDR export ${e#*|} $large")
		goal "ldr export ${e%%|*} vs the parse (libyaml)" "$(ratio "$t" "$floor" "($t)")" "<= 3x"
	done
	if [ ! -f $B/national/fp-85.yaml ] || [ $B/gen -nt $B/national/fp-85.yaml ]; then
		rm -rf $B/national && mkdir -p $B/national && $B/gen --footprints 85 --out $B/national
	fi
	nfloor=$(cost "$RUNS" "$B/yamlparse $B/national/*.yaml")
	agg=$(cost "$RUNS" "$LDR aggregate $B/national/*.yaml")
	goal "ldr aggregate of 85 footprints vs the parse" "$(ratio "$agg" "$nfloor" "($agg / $nfloor)")" "<= 1.5x"
	d="LDR_TUI_SIZE=120x40 LDR_TUI_KEYS=q $LDR roadmaps/derbyshire.yaml"
	first_screen "$RUNS" roadmaps/derbyshire.yaml
	goal "Derbyshire: start to first screen (wall, ms)" "$(COL=1 median_of "$RUNS")" "<= 10 ms"
	goal "  (to the end, q typed at the first screen)" "$(COL=2 median_of "$RUNS")" ""
	goal "  (the whole run headless, in CPU ms)" "$(median "$RUNS" "$d")" ""
}

# The first screen on a pseudo-terminal of 120x40 (tests/bench/firstscreen.c),
# N times: it is drawn when the last word of its status line (as a headless
# run shows it) is written; then q. Its times into $B/times.
first_screen() { # N FILE
	mark=$(LDR_TUI_SIZE=120x40 LDR_TUI_KEYS=q $LDR "$2" | tail -n 1 | awk '{ print $NF }')
	i=0
	: >$B/times
	while [ $i -lt "$1" ]; do
		$B/firstscreen 120x40 "$mark" q $LDR "$2" >>$B/times
		i=$((i + 1))
	done
}

median_of() { # N: of $B/times, column COL
	sort -n -k"$COL" $B/times | sed -n "$((($1 + 1) / 2))p" | awk -v c="$COL" '{ printf "%.2f", $c }'
}

sizes() {
	gen small "--capabilities 5000 --projects 500 --deps 1000"
	gen large "--capabilities 50000 --projects 5000 --deps 10000"
	for f in $small $large; do
		echo "$f: $(($(wc -c <$f) / 1024)) KiB, $($LDR stat $f | awk '/^  (capabilities|projects|dependencies) / { printf "%s%s %s", n++ ? ", " : "", $2, $1 }')"
	done
	echo "CPU time, median of $RUNS runs (Python's load: $SLOW_RUNS), in ms; growth is the 50,000 time over the 5,000 one (10x is linear)"
	printf '  %-38s %10s %10s %8s  %s\n' "operation" "5,000" "50,000" "growth" "ratio at 50,000"
	op "cat" "cat @F"
	cat_l=$last_large
	op "libyaml event loop (the floor)" "$B/yamlparse @F"
	floor_s=$last_small floor_l=$last_large
	py_l=
	if $PY -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
		pyload="$PY -c 'import sys, yaml; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)'"
		s=$(median "$SLOW_RUNS" "$pyload $small")
		py_l=$(median "$SLOW_RUNS" "$pyload $large")
		row "python3 yaml.load (CSafeLoader)" "$s" "$py_l" "$(ratio "$py_l" "$floor_l" "the floor")"
	else
		echo "  (no python3-yaml with the C loader: no Python baseline)"
	fi
	op "ldr stat (load)" "$LDR stat @F" "$floor_s" "$floor_l" "the floor"
	op "ldr check (load and every rule)" "$LDR check @F" "$floor_s" "$floor_l" "the floor"
	if [ -n "$py_l" ]; then
		row "  the same, against Python's load" "$last_small" "$last_large" \
			"$(ratio "$last_large" "$py_l" "python's load alone")"
	fi
	op "ldr fmt - (load and save)" "$LDR fmt - <@F" "$floor_s" "$floor_l" "the floor"
	op "ldr aggregate (one footprint)" "$LDR aggregate @F" "$floor_s" "$floor_l" "the floor"
	for e in annex2.xlsx annex2.csv annex4.xlsx dossier.xlsx dossier.csv trajectory.xlsx \
		gantt.svg tubemap.svg trajectory.svg; do
		op "ldr export ${e%.*} .${e#*.}" "$LDR export ${e%.*} --as-of 2017-10 -o $B/out/$e @F" \
			"$floor_s" "$floor_l" "the floor"
		[ "$e" = annex2.xlsx ] && export_s=$last_small export_l=$last_large
	done
	imports
	op "ldr export gantt --capabilities .svg" \
		"$LDR export gantt --capabilities --as-of 2017-10 -o $B/out/gantt-c.svg @F" \
		"$floor_s" "$floor_l" "the floor"
	op "tui: first screen (load, check, draw)" "LDR_TUI_SIZE=120x40 LDR_TUI_KEYS=q $LDR @F"
	first_s=$last_small first_l=$last_large
	keys=$(repeat "j " $KEYS)q
	tui_delta "tui: a keypress and its redraw" "" "" "$keys" $KEYS
	tui_delta "tui: the same in the dossier" "2 q" "2 " "$keys" $KEYS
	tui_delta "tui: sort the schedule (s, then S)" "" "s " "$(repeat "S " 20)q" 21
	tui_delta "tui: a dependency tree (3, then back)" "2 $(repeat "j 2 " $TREES)q" "2 " \
		"$(repeat "j 3 2 " $TREES)q" $TREES
	echo "  (cat of the 50,000 file: $cat_l ms)"
}

# ldr import of the exports of the roadmaps (the target: the Annex 2 workbook
# of 50,000 capabilities in at most twice the time of exporting it), into a
# new roadmap and merged into the roadmap it came from (a dry run: the diff,
# nothing written); and whether that merge changes nothing, as it must.
imports() {
	for f in $small $large; do
		for e in annex2.xlsx annex2.csv dossier.xlsx; do
			$LDR export "${e%.*}" -o "$f.$e" "$f"
		done
	done
	for e in annex2.xlsx annex2.csv dossier.xlsx; do
		op "ldr import ${e%.*} .${e#*.} -o" "rm -f $B/out/import.yaml && $LDR import ${e%.*} @F.$e -o $B/out/import.yaml" \
			"$export_s" "$export_l" "the annex2 .xlsx export"
	done
	op "ldr import annex2 .xlsx --into --dry-run" "$LDR import annex2 @F.annex2.xlsx --into @F --dry-run" \
		"$export_s" "$export_l" "the annex2 .xlsx export"
	cp $large $B/out/into.yaml
	$LDR import annex2 $large.annex2.xlsx --into $B/out/into.yaml >/dev/null
	if cmp -s $large $B/out/into.yaml; then
		echo "  (the 50,000 annex2 .xlsx imported --into its roadmap: no change, as it must be)"
	else
		echo "  (the 50,000 annex2 .xlsx imported --into its roadmap CHANGED it: a round trip is broken)"
	fi
}

memory() {
	gen small "--capabilities 5000 --projects 500 --deps 1000"
	gen large "--capabilities 50000 --projects 5000 --deps 10000"
	[ -x /usr/bin/time ] || { echo "memory: no /usr/bin/time"; return; }
	size_s=$(wc -c <$small) size_l=$(wc -c <$large)
	echo "peak memory (resident), in MiB; the last column is the peak over the file's size"
	printf '  %-38s %10s %10s %8s  %s\n' "operation" "5,000" "50,000" "growth" "at 50,000"
	for what in "libyaml event loop (the floor)|$B/yamlparse @F" "ldr stat (load)|$LDR stat @F" \
		"ldr check|$LDR check @F" "ldr fmt -|$LDR fmt - <@F" \
		"ldr export annex2 .xlsx|$LDR export annex2 -o $B/out/m.xlsx @F" \
		"ldr export tubemap .svg|$LDR export tubemap -o $B/out/m.svg @F" \
		"tui: the first screen|env LDR_TUI_SIZE=120x40 LDR_TUI_KEYS=q $LDR @F"; do
		name=${what%%|*} cmd=${what#*|}
		s=$(peak "$(echo "$cmd" | sed "s|@F|$small|g")")
		l=$(peak "$(echo "$cmd" | sed "s|@F|$large|g")")
		awk -v n="$name" -v s="$s" -v l="$l" -v f="$size_l" 'BEGIN {
			printf "  %-38s %10.1f %10.1f %7.1fx  %.1fx the file (%.1f MiB)\n", n, s / 1024,
				l / 1024, l / s, l * 1024 / f, f / 1048576 }'
	done
}

national() {
	if [ ! -f $B/national/fp-85.yaml ] || [ $B/gen -nt $B/national/fp-85.yaml ]; then
		rm -rf $B/national && mkdir -p $B/national && $B/gen --footprints 85 --out $B/national
	fi
	files="$B/national/*.yaml roadmaps/derbyshire.yaml"
	echo "national: 85 generated footprints and Derbyshire, $(cat $files | wc -c | awk '{ printf "%d KiB", $1 / 1024 }'), $(cat $files | grep -c '^- id: C[0-9]') capabilities"
	cat_ms=$(median "$RUNS" "cat $files")
	floor=$(median "$RUNS" "$B/yamlparse $files")
	agg=$(median "$RUNS" "$LDR aggregate $files")
	printf '  %-38s %10.1f ms\n' "cat" "$cat_ms"
	printf '  %-38s %10.1f ms\n' "libyaml event loop (the floor)" "$floor"
	printf '  %-38s %10.1f ms  %s\n' "ldr aggregate (text)" "$agg" "$(ratio "$agg" "$floor" "the floor")"
	for o in "--json" "--csv $B/out/national.csv" "-o $B/out/national.xlsx"; do
		t=$(median "$RUNS" "$LDR aggregate $o $files")
		printf '  %-38s %10.1f ms  %s\n' "ldr aggregate ${o%% *}" "$t" "$(ratio "$t" "$floor" "the floor")"
	done
	if $PY -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
		t=$(median "$SLOW_RUNS" "$PY -c 'import sys, yaml
for f in sys.argv[1:]: yaml.load(open(f), Loader=yaml.CSafeLoader)' $files")
		printf '  %-38s %10.1f ms  %s\n' "python3 yaml.load of each (CSafeLoader)" "$t" \
			"$(ratio "$agg" "$t" "python's load alone, for ldr aggregate")"
	fi
	t=$(median "$RUNS" "for f in $files; do $LDR check \$f; done")
	printf '  %-38s %10.1f ms  %s\n' "ldr check of each, one by one" "$t" "$(ratio "$agg" "$t" "that, for ldr aggregate")"
	[ -x /usr/bin/time ] && printf '  %-38s %10.1f MiB\n' "peak memory of ldr aggregate" \
		"$(peak "$LDR aggregate $files" | awk '{ print $1 / 1024 }')"
}

ring() {
	gen ring "--capabilities 100 --projects 100 --deps 100 --cycle 10000"
	echo "ring: a cycle of 10,000 projects"
	printf '  %-38s %10.1f ms\n' "ldr check --rule cycle" "$(median "$RUNS" "$LDR check --rule cycle $B/ring.yaml")"
	printf '  %-38s %10.1f ms\n' "ldr stat (load alone)" "$(median "$RUNS" "$LDR stat $B/ring.yaml")"
}

# What if it slips: the knock-on of a slip at the head of a chain of 10,000
# projects (each moves, to the last month a roadmap can name), and the
# critical path and slack of the 50,000-capability roadmap; each beside
# loading the same file, which they cannot do without.
whatif() {
	gen chain "--capabilities 100 --projects 100 --deps 100 --chain 10000"
	gen large "--capabilities 50000 --projects 5000 --deps 10000"
	echo "what if: a chain of 10,000 projects; the 50,000-capability roadmap (CPU ms, and less the load)"
	t=$(median "$RUNS" "$LDR impact --json $B/chain.yaml K00000.end=+1m")
	l=$(median "$RUNS" "$LDR stat $B/chain.yaml")
	printf '  %-38s %10.1f ms  %s\n' "ldr impact (a slip at the chain's head)" "$t" \
		"$(awk -v t="$t" -v l="$l" 'BEGIN { printf "%.1f ms more than loading it (%.1f ms)", t - l, l }')"
	t=$(median "$RUNS" "$LDR critical --json $large")
	l=$(median "$RUNS" "$LDR stat $large")
	printf '  %-38s %10.1f ms  %s\n' "ldr critical (50,000 capabilities)" "$t" \
		"$(awk -v t="$t" -v l="$l" 'BEGIN { printf "%.1f ms more than loading it (%.1f ms)", t - l, l }')"
	# The interface's shift ('>' and 'y'): the model's work of it, the
	# knock-on and the copies kept for undo (tests/bench/shift.c), against
	# a copy of the whole roadmap; the checks and the redraw that follow
	# any change are the rows of 'sizes'. The aim: 50 ms.
	for what in "chain's head|$B/chain.yaml K00000" "50,000 caps|$large P00092"; do
		set -- $($B/shift ${what#*|} "$RUNS")
		printf '  %-38s %10.1f ms  %s\n' "tui: shift, knock-on (${what%%|*})" "$1" \
			"$(ratio "$1" "$2" "a copy of the roadmap ($2 ms); $3 moves")"
	done
}

# Many groups, so many lines: the track order and the spaces kept clear for
# diagonals must not grow with the square of the groups.
groups() {
	[ -f $B/groups.yaml ] || sh tests/bench/gen.sh 20000 4000 2000 >$B/groups.yaml
	echo "groups: 20,000 capabilities in 2,007 groups"
	printf '  %-38s %10.1f ms\n' "ldr stat (load)" "$(median "$RUNS" "$LDR stat $B/groups.yaml")"
	for e in "tubemap .svg|tubemap -o $B/out/groups.svg" \
		"gantt --capabilities .svg|gantt --capabilities -o $B/out/groups.svg" \
		"annex2 .csv|annex2 -o $B/out/groups.csv" "dossier .csv|dossier -o $B/out/groups.csv"; do
		t=$(median "$RUNS" "$LDR export ${e#*|} --as-of 2020-03 $B/groups.yaml")
		printf '  %-38s %10.1f ms\n' "ldr export ${e%%|*}" "$t"
	done
	printf '  %-38s %10.1f ms\n' "tui: first screen" \
		"$(median "$RUNS" "LDR_TUI_SIZE=120x40 LDR_TUI_KEYS=q $LDR $B/groups.yaml")"
}

# The history: diff and review of two revisions of the generated roadmaps,
# and 'ldr log --record' over 1,000 commits (tests/bench/log.sh, with the
# history that build/bench/history writes).
history() {
	if ! $LDR help diff >/dev/null 2>&1; then
		echo "history: this ldr has no diff, review or log yet: nothing to time"
		return
	fi
	gen small "--capabilities 5000 --projects 500 --deps 1000"
	gen large "--capabilities 50000 --projects 5000 --deps 10000"
	echo "history: two revisions of each roadmap, the second re-phasing one capability in ten"
	printf '  %-38s %10s %10s %8s\n' "operation" "5,000" "50,000" "growth"
	for size in small large; do
		r=$B/repo-$size
		rm -rf $r && mkdir -p $r && git init -q $r
		cp $B/$size.yaml $r/roadmap.yaml
		git -C $r add roadmap.yaml
		GIT_AUTHOR_DATE=2017-04-03T12:00:00Z GIT_COMMITTER_DATE=2017-04-03T12:00:00Z \
			git -C $r -c user.name=bench -c user.email=bench@example.org commit -q -m base
		git -C $r tag base
		awk '/^  year: 1[6-9]\/[0-9][0-9]$/ && ++n % 10 == 0 { split($2, y, "/"); printf "  year: %d/%d\n", y[1] + 1, y[2] + 1; next } { print }' \
			$B/$size.yaml >$r/roadmap.yaml
		GIT_AUTHOR_DATE=2018-01-15T12:00:00Z GIT_COMMITTER_DATE=2018-01-15T12:00:00Z \
			git -C $r -c user.name=bench -c user.email=bench@example.org commit -q -am rephase
	done
	for what in "ldr diff HEAD~1 HEAD|diff HEAD~1 HEAD" \
		"ldr review --baseline base|review --baseline base --year 17/18 --as-of 2018-03"; do
		s=$(median "$RUNS" "$LDR ${what#*|} $B/repo-small")
		l=$(median "$RUNS" "$LDR ${what#*|} $B/repo-large")
		row "${what%%|*}" "$s" "$l"
	done
	if [ -x $B/history ]; then
		sh tests/bench/log.sh
	else
		echo "  ldr log --record over 1,000 commits: make build/bench/history, then again"
	fi
}

[ $# -gt 0 ] || set -- goals sizes memory national ring whatif groups history
for section in "$@"; do
	case $section in
	goals | sizes | memory | national | ring | whatif | groups | history) "$section" ;;
	*) echo "bench: no section '$section' (goals sizes memory national ring whatif groups history)" >&2; exit 64 ;;
	esac
	echo
done
