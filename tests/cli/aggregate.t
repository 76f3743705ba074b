# ldr aggregate: the national view. Derbyshire, the Annex 2 illustration
# and a directory of small footprints (one in a subdirectory, one that
# cannot be read, a name with a bidirectional control and a formula).
ldr aggregate roadmaps/derbyshire.yaml roadmaps/annex2-illustration.yaml tests/cli/data/national
ldr aggregate --json roadmaps/annex2-illustration.yaml tests/cli/data/national
ldr aggregate --csv $T/national.csv roadmaps/annex2-illustration.yaml tests/cli/data/national
cat $T/national.csv
# Every footprint checked as of one date instead of its own as_at.
ldr aggregate --as-of 2018-06 tests/cli/data/national/north.yaml | sed -n '3,6p'
# A workbook (what it holds: tests/export/run.sh); nothing on stdout.
ldr aggregate -o $T/national.xlsx tests/cli/data/national/north.yaml tests/cli/data/national/east && test "$(head -c 2 $T/national.xlsx)" = PK && echo written
# A footprint's directory is its roadmap.yaml; a directory with no roadmap
# is reported; so is a file that is not there. The others go on.
ldr aggregate tests/cli/data/national/east $T $T/missing.yaml | head -6
# Nothing to count in a directory with no roadmap: no "(0 errors)".
mkdir $T/emptydir && ldr aggregate $T/emptydir $T/missing.yaml 2>/dev/null | grep skipped
# Each roadmap once, by its real path: a file given twice, by another name or
# through a link, or given and found in a directory given too, is counted
# once under its first name; each repeat is said on stderr, and the exit
# status is not changed by it.
mkdir $T/dir && ln -s $PWD/tests/cli/data/national/north.yaml $T/dir/link.yaml && ldr aggregate tests/cli/data/national/north.yaml tests/cli/data/national/east tests/cli/data/national/./north.yaml tests/cli/data/national/east/roadmap.yaml $T/dir >$T/once.txt && sed -n '1p;5,7p' $T/once.txt
ldr aggregate --json tests/cli/data/national/north.yaml tests/cli/data/national/north.yaml | sed -n 2,4p
# The command line.
ldr aggregate
ldr aggregate --json --csv $T/x.csv roadmaps/derbyshire.yaml
ldr aggregate -o $T/x.csv roadmaps/derbyshire.yaml
ldr aggregate --as-of 16/18 roadmaps/derbyshire.yaml
ldr aggregate --csv
ldr aggregate --frobnicate roadmaps/derbyshire.yaml
ldr aggregate --csv $T/no/such/dir/x.csv roadmaps/annex2-illustration.yaml
ldr help aggregate
