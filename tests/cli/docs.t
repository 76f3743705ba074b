# Every command of 'ldr --help' has its entry in ldr(1) and its line in the
# README's usage.
for c in $(ldr --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 && $1 != "Commands:" { print $1 }'); do grep -q "^\.B ldr $c" man/ldr.1 || echo "man/ldr.1 lacks 'ldr $c'"; grep -q "^    ldr $c" README.md || echo "README.md lacks 'ldr $c'"; done; echo checked
# In the SYNOPSIS each command begins a line of its own: a .br before it.
awk '/^\.SH/ { s = ($0 == ".SH SYNOPSIS") } s && /^\.B ldr/ && prev !~ /^\.(br|SH)/ { print "man/ldr.1:" NR ": no .br before: " $0 } { prev = $0 }' man/ldr.1; echo synopsis checked
# The keys of 'ldr aggregate --json' are those ldr(1) describes, no more.
ldr aggregate --json roadmaps tests/cli/data/national 2>/dev/null | /usr/bin/python3 tests/cli/man_json.py
# Every option 'ldr help COMMAND' lists (from the command's table) is in the
# command's lines of the SYNOPSIS of ldr(1).
for c in $(ldr --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 && $1 != "Commands:" { print $1 }'); do ldr help $c | sed -n 's/^  \(-.*\)/\1/p' | sed 's/  .*//' | grep -oE -- '--?[a-z][a-z0-9-]*' | while read -r o; do sed -n '/^\.SH SYNOPSIS/,/^\.SH/p' man/ldr.1 | sed 's/\\-/-/g' | awk -v c=".B ldr $c" '/^\.B ldr / { s = index($0, c) == 1 && (length($0) == length(c) || substr($0, length(c) + 1, 1) == " ") } /^\.br/ { s = 0 } s' | grep -qE -- "(^|[^a-z-])$o([^a-z0-9-]|\$)" || echo "man/ldr.1: the SYNOPSIS of 'ldr $c' lacks $o"; done; done; echo options checked
