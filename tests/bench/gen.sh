#!/bin/sh
# Write a large synthetic roadmap to standard output, for benchmarks:
#   sh tests/bench/gen.sh [CAPABILITIES [PROJECTS [LOCAL_GROUPS]]]
# (default 50000 5000 4). The seven national groups and the local ones,
# projects with
# dependencies on earlier ones, and capabilities over ten financial years,
# each delivered by a project of its group (or, for a tenth of them, of
# another group, so that the tube map has interchanges), and some depending
# on earlier capabilities.
# Deterministic: the same arguments give the same file.
set -u
caps=${1:-50000}
projects=${2:-5000}
locals=${3:-4}
awk -v caps="$caps" -v projects="$projects" -v locals="$locals" 'BEGIN {
	split("records transfers orders medicines decisions remote assets", g, " ")
	for (i = 1; i <= locals; i++)
		g[7 + i] = "local" i
	ng = 7 + locals
	seed = 42
	print "ldr: 1"
	print "footprint:"
	print "  name: Benchmark"
	print "  start: 16/17"
	print "  end: 25/26"
	print "groups:"
	for (i = 1; i <= locals; i++) {
		print "- id: local" i
		print "  name: Local group " i
	}
	print "projects:"
	for (p = 1; p <= projects; p++) {
		y = 16 + int((p - 1) * 9 / projects)
		q = 1 + (p % 4)
		printf "- id: P%d\n  name: Project %d of the benchmark roadmap\n  group: %s\n", p, p, g[1 + p % ng]
		printf "  start: %02d/%02d Q%d\n  end: %02d/%02d Q%d\n", y, y + 1, q, y + (q == 4), y + 1 + (q == 4), (q % 4) + 1
		if (p > 20 && p % 3 == 0)
			printf "  depends_on: [P%d]\n", p - 7
		printf "  status: %s\n", (p % 5 == 0) ? "in-progress" : "planned"
	}
	print "capabilities:"
	for (c = 1; c <= caps; c++) {
		seed = (seed * 1103515245 + 12345) % 2147483648
		y = 16 + int((c - 1) * 10 / caps)
		p = 1 + int((c - 1) * projects / caps)
		grp = 1 + p % ng
		if (seed % 10 == 0)
			grp = 1 + (grp + seed % 5) % ng
		printf "- id: C%d\n  who: Professional group %d\n  what: Can do thing number %d with the shared record\n", c, c % 97, c
		printf "  year: %02d/%02d\n  group: %s\n  projects: [P%d]\n", y, y + 1, g[grp], p
		if (c > 50 && c % 17 == 0)
			printf "  depends_on: [C%d]\n", c - 40
		printf "  status: %s\n", (seed % 3 == 0) ? "aspirational" : (y < 18 ? "delivered" : "firm")
	}
}'
