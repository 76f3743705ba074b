# Options as getopt_long reads them, from each command's table: --opt=value,
# a value attached to a short option, '--' (what follows is an operand),
# options after operands, and "did you mean" for a mistyped long option.
ldr export annex2 --output=$T/a.csv roadmaps/derbyshire.yaml && ls $T
ldr export annex2 -o$T/b.csv --as-of=2017-04 roadmaps/derbyshire.yaml && ls $T
ldr check --as-of=2017-04 --rule=cycle tests/cli/data/faulty.yaml
ldr check --rule=cycles tests/cli/data/faulty.yaml
ldr critical roadmaps/derbyshire.yaml --to=P12 --json | head -3
ldr stat roadmaps/derbyshire.yaml --json | head -3
ldr stat -- roadmaps/derbyshire.yaml | head -1
ldr stat -- --json
# Refused: a mistyped or abbreviated long option (with what was meant), a
# long option written with one dash, a value to an option that takes none,
# a missing value, an unknown short option.
ldr check --jsn roadmaps/derbyshire.yaml
ldr export annex2 --outptu=$T/c.csv roadmaps/derbyshire.yaml
ldr check --list roadmaps/derbyshire.yaml
ldr check -json roadmaps/derbyshire.yaml
ldr stat --json=yes roadmaps/derbyshire.yaml
ldr log roadmaps --record
ldr init $T/r -m
ldr stat -x roadmaps/derbyshire.yaml
# Help, from the table, for every command (tui too).
ldr tui --help | sed -n '/^  --keys/p'
ldr review -h | sed -n '/^  --csv/,$p'
