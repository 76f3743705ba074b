# Every command of 'ldr --help' has its entry in ldr(1) and its line in the
# README's usage.
for c in $(ldr --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 && $1 != "Commands:" { print $1 }'); do grep -q "^\.B ldr $c" man/ldr.1 || echo "man/ldr.1 lacks 'ldr $c'"; grep -q "^    ldr $c" README.md || echo "README.md lacks 'ldr $c'"; done; echo checked
# In the SYNOPSIS each command begins a line of its own: a .br before it.
awk '/^\.SH/ { s = ($0 == ".SH SYNOPSIS") } s && /^\.B ldr/ && prev !~ /^\.(br|SH)/ { print "man/ldr.1:" NR ": no .br before: " $0 } { prev = $0 }' man/ldr.1; echo synopsis checked
# The keys of 'ldr aggregate --json' are those ldr(1) describes, no more.
ldr aggregate --json roadmaps tests/cli/data/national 2>/dev/null | /usr/bin/python3 tests/cli/man_json.py
