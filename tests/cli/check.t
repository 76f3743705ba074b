# ldr check: every rule on a faulty roadmap, the output forms, and the
# Derbyshire roadmap, which checks clean of errors until it is broken.
ldr check --as-of 2017-04 tests/cli/data/faulty.yaml
for r in $(ldr check --list-rules | cut -d' ' -f1); do printf '%s: ' $r; ldr check --as-of 2017-04 --rule $r tests/cli/data/faulty.yaml | grep -c "\[$r\]"; done
ldr check --as-of 2017-04 --json --rule cycle,unknown-ref tests/cli/data/faulty.yaml
ldr check --list-rules
ldr check --rule cycles tests/cli/data/faulty.yaml
ldr check --as-of 16/18 tests/cli/data/faulty.yaml
ldr check roadmaps/annex2-illustration.yaml
ldr check roadmaps/derbyshire.yaml | tail -n 1
ldr check --json roadmaps/derbyshire.yaml | head -n 6
ldr check --checklist roadmaps/derbyshire.yaml | tail -n 12
# Delete a project others depend on (P12, MIG Phase 2): the checks name who depends on it.
sed '/^- id: P12$/,/^- id: P13$/{/^- id: P13$/!d}' roadmaps/derbyshire.yaml > $T/no-p12.yaml && ldr check --rule unknown-ref $T/no-p12.yaml
# Make two projects depend on each other (P07 already depends on nothing; P08 depends on P07).
sed '/^- id: P07$/,/^- id: P08$/s/^  status: planned$/  depends_on: [P08]\n  status: planned/' roadmaps/derbyshire.yaml > $T/cycle.yaml && ldr check --rule cycle,dep-order $T/cycle.yaml
# --json when the file does not load: the JSON says so, with its problems
# (rule "load"), and the text goes to stderr as ever; exit 2.
printf 'ldr: 1\nfootprint:\n  name: x\n   start: 16/17\n' > $T/indent.yaml && ldr check --json $T/indent.yaml 2>/dev/null; echo "exit $?"
ldr check --json $T/missing.yaml 2>&1 >/dev/null | sed "s|$T|T|"; ldr check --json $T/missing.yaml 2>/dev/null | grep -E '"loaded"|"message"' | sed "s|$T|T|"
# The footprint ending before it starts: an error, at its end,
# and not a horizon warning for every record.
sed '0,/^  end: .*/s//  end: 15\/16/' roadmaps/annex2-illustration.yaml > $T/backwards.yaml && ldr check --rule range,horizon $T/backwards.yaml
