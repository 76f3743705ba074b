# The national scale: 85 footprints from the benchmarks' generator
# (tests/bench/gen.c), with Derbyshire. The tables must add up.
build/bench/gen --footprints 85 --out $T && ls $T | wc -l
ldr aggregate --json $T roadmaps/derbyshire.yaml | /usr/bin/python3 tests/cli/national.py
ldr aggregate $T roadmaps/derbyshire.yaml | sed -n '1p;/^  Total/p;/^  Derbyshire/p;/^  UC04/p;/^  UC10/p'
ldr aggregate --csv $T/national.csv $T roadmaps/derbyshire.yaml && wc -l < $T/national.csv
