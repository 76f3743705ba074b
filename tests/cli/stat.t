# Counting records; a ROADMAP is a file or a directory holding roadmap.yaml.
ldr stat roadmaps/derbyshire.yaml
ldr stat --json roadmaps/derbyshire.yaml
ldr stat --json roadmaps/annex2-illustration.yaml
mkdir $T/repo && cp roadmaps/annex2-illustration.yaml $T/repo/roadmap.yaml && ldr stat $T/repo
ldr stat - < roadmaps/annex2-illustration.yaml
ldr stat $T/missing.yaml
ldr stat $T
# Every inferred value, with its reason: the dependencies the dossier does
# not state, the capabilities built from descriptions, and the rest.
ldr stat --derived roadmaps/derbyshire.yaml | head -3
ldr stat --derived roadmaps/derbyshire.yaml | grep -A1 ' depends_on = '
ldr stat --derived roadmaps/derbyshire.yaml | grep -A1 '^  C[0-9]* what = '
ldr stat --derived roadmaps/derbyshire.yaml | grep -A1 -e '^  C37 status' -e '^  F01 amount' -e '^  footprint submitted'
ldr stat --derived --json roadmaps/derbyshire.yaml | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["records"], len(d["derived"])); print(d["derived"][1])'
ldr stat --derived roadmaps/annex2-illustration.yaml
