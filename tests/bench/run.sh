#!/bin/sh
# Benchmarks: each operation run several times on generated roadmaps; the
# median wall time, and its ratio to baselines measured in the same run
# (cat of the file; libyaml's bare event loop, the floor for any loader;
# Python's CSafeLoader, what a user would script instead, if installed).
# Not a test: nothing here fails on a number; read them.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
B=build/bench
RUNS=${RUNS:-5}
mkdir -p $B

now() { date +%s%N; }

# The median of RUNS runs of a command, in milliseconds.
median() {
	i=0
	: > $B/times
	while [ $i -lt "$RUNS" ]; do
		t0=$(now)
		sh -c "$1" >/dev/null 2>&1 || true
		t1=$(now)
		echo $(( (t1 - t0) / 1000 )) >> $B/times
		i=$((i + 1))
	done
	sort -n $B/times | sed -n "$(( (RUNS + 1) / 2 ))p" | awk '{ printf "%.1f", $1 / 1000 }'
}

row() { # name, ms, baseline ms, baseline name
	awk -v n="$1" -v t="$2" -v b="$3" -v bn="$4" 'BEGIN {
		if (b > 0) printf "  %-34s %9.1f ms  %6.2fx %s\n", n, t, t / b, bn;
		else printf "  %-34s %9.1f ms\n", n, t }'
}

gen() { # name, options
	[ -f $B/$1.yaml ] || $B/gen $2 > $B/$1.yaml
}

gen small "--capabilities 5000 --projects 500 --deps 1000"
gen large "--capabilities 50000 --projects 5000 --deps 10000"
gen ring "--capabilities 100 --projects 100 --deps 100 --cycle 10000"

pyload=""
if /usr/bin/python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
	pyload="/usr/bin/python3 -c 'import sys, yaml; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)'"
fi

for f in small large; do
	file=$B/$f.yaml
	size=$(wc -c < $file)
	echo "$f: $file, $(( size / 1024 )) KiB, $(grep -c '^- id: C' $file) capabilities, $(grep -c '^- id: P' $file) projects"
	cat_ms=$(median "cat $file")
	floor=$(median "$B/yamlparse $file")
	row "cat" "$cat_ms" 0 ""
	row "libyaml event loop (the floor)" "$floor" 0 ""
	if [ -n "$pyload" ]; then
		py=$(median "$pyload $file")
		row "python3 yaml.load (CSafeLoader)" "$py" "$floor" "the floor"
	fi
	load=$(median "./ldr stat $file")
	row "ldr stat (load)" "$load" "$floor" "the floor"
	check=$(median "./ldr check $file")
	row "ldr check (load + all rules)" "$check" "$floor" "the floor"
	[ -n "$pyload" ] && row "ldr check vs python load" "$check" "$py" "python's load alone"
	fmt=$(median "./ldr fmt - < $file")
	row "ldr fmt - (load + save)" "$fmt" "$floor" "the floor"
	if [ -x /usr/bin/time ]; then
		mem=$( { /usr/bin/time -f '%M' ./ldr check $file >/dev/null; } 2>&1 | tail -n 1 )
		echo "  peak memory of ldr check: $(( mem / 1024 )) MiB for a $(( size / 1024 / 1024 )) MiB file"
	fi
done
echo "ring: a cycle of 10,000 projects"
row "ldr check --rule cycle" "$(median "./ldr check --rule cycle $B/ring.yaml")" 0 ""
row "ldr stat (load alone)" "$(median "./ldr stat $B/ring.yaml")" 0 ""
# The exports' own benchmarks: spreadsheets and charts.
sh tests/bench/export.sh
sh tests/bench/svg.sh
