#!/bin/sh
# Benchmark: the spreadsheet exports of a generated roadmap of 50,000
# capabilities (each with two attributes, a delivering project, and one in
# ten with a derived year) and 2,000 projects. Prints the time of each.
#
#   sh tests/bench/export.sh [CAPABILITIES]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
n=${1:-50000}
dir=build/bench
mkdir -p "$dir"
yaml=$dir/roadmap-$n.yaml
if [ ! -f "$yaml" ]; then
	awk -v n="$n" 'BEGIN {
		split("records transfers orders medicines decisions remote assets", g, " ")
		printf "ldr: 1\nfootprint:\n  name: Benchmark\n  published: 2017-01\n  start: 16/17\n  end: 20/21\n  schedule_end: 18/19\n"
		printf "projects:\n"
		for (p = 1; p <= 2000; p++) {
			printf "- id: P%d\n  ref: %d\n  name: Project %d, delivering a part of the roadmap\n", p, p, p
			printf "  description: What project %d does, in a sentence or two of ordinary length.\n", p
			printf "  group: %s\n  start: %d/%d Q%d\n  end: %d/%d\n", g[p % 7 + 1], 16 + p % 3, 17 + p % 3, p % 4 + 1, 17 + p % 3, 18 + p % 3
			if (p > 1) printf "  depends_on: [P%d]\n", p - 1
			printf "  status: planned\n"
		}
		printf "capabilities:\n"
		for (i = 1; i <= n; i++) {
			printf "- id: C%d\n  who: Professional group %d in setting %d\n", i, i % 97, i % 13
			printf "  what: Can do thing number %d electronically at the point of care, with the information they need\n", i
			printf "  year: %d/%d\n  group: %s\n  projects: [P%d]\n", 16 + i % 3, 17 + i % 3, g[i % 7 + 1], i % 2000 + 1
			printf "  status: firm\n  attributes:\n    Solution: Solution %d\n    Benefit category: Category %d\n", i % 50, i % 5
			if (i % 10 == 0) printf "  derived:\n    year: placed in the year of its project, for the benchmark\n"
		}
	}' >"$yaml"
fi
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f s", b - a }'; }
echo "roadmap: $yaml ($(wc -c <"$yaml") bytes, $n capabilities, 2000 projects)"
t0=$(now); ./ldr stat "$yaml" >/dev/null; t1=$(now)
echo "load only (ldr stat):  $(secs "$t0" "$t1")"
for spec in annex2.xlsx annex2.csv dossier.xlsx dossier.csv annex4.xlsx trajectory.xlsx; do
	t0=$(now)
	./ldr export "${spec%.*}" -o "$dir/out-$spec" "$yaml"
	t1=$(now)
	printf '%-22s %s (%s bytes)\n' "export $spec:" "$(secs "$t0" "$t1")" "$(wc -c <"$dir/out-$spec")"
done
