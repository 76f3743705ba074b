# Bad input: one line per problem with file:line:column, exit 2, nothing
# written, never a crash or a hang.
ldr stat tests/cli/data/errors.yaml
cp tests/cli/data/errors.yaml $T/e.yaml && ldr fmt $T/e.yaml; cmp $T/e.yaml tests/cli/data/errors.yaml && echo unchanged
printf '' > $T/empty.yaml && ldr stat $T/empty.yaml
printf 'ldr: 1\nfootprint:\n\tname: x\n' > $T/tabs.yaml && ldr stat $T/tabs.yaml
printf 'ldr: 1\nfoot\000print: x\n' > $T/nul.yaml && ldr stat $T/nul.yaml
printf '\377\376l\000d\000r\000' > $T/utf16.yaml && ldr stat $T/utf16.yaml
# A UTF-8 byte-order mark (Windows Notepad writes one) is not content: the
# file reads, positions count from after it, and fmt drops it.
printf '\357\273\277' | cat - roadmaps/annex2-illustration.yaml > $T/bom.yaml && ldr check $T/bom.yaml | tail -1 && ldr fmt $T/bom.yaml && cmp $T/bom.yaml roadmaps/annex2-illustration.yaml && echo canonical, without it
printf '\357\273\277ldr: 9\n' > $T/bom9.yaml && ldr stat $T/bom9.yaml
printf 'ldr: 1\nfootprint: {name: "caf\351"}\n' > $T/latin1.yaml && ldr stat $T/latin1.yaml
printf 'ldr: 1\nfootprint: {name: "\\e[2J\\e[31mred"}\n' > $T/escape.yaml && ldr stat $T/escape.yaml
printf 'ldr: 1\na: &a [x, x]\nb: [*a, *a]\n' > $T/alias.yaml && ldr stat $T/alias.yaml
printf 'ldr: 1\nx: ' > $T/deep.yaml && yes '[' | head -n 100000 | tr -d '\n' >> $T/deep.yaml && ldr stat $T/deep.yaml
head -c 70000000 /dev/zero | tr '\0' ' ' > $T/huge.yaml && ldr stat $T/huge.yaml
printf 'ldr: 1\n---\nldr: 1\n' > $T/two.yaml && ldr stat $T/two.yaml
printf 'ldr: 2\nfootprint: {}\n' > $T/v2.yaml && ldr stat $T/v2.yaml
printf 'just text\n' > $T/text.yaml && ldr stat $T/text.yaml
printf 'ldr: 1\nfootprint: {name: x, start: 16/17, end: 17/18}\nprojects: [\n' > $T/truncated.yaml && ldr stat $T/truncated.yaml
# libyaml's words for a misplaced indent or colon, with what they mean.
printf 'ldr: 1\nfootprint:\n  name: x\n   start: 16/17\n' > $T/indent.yaml && ldr stat $T/indent.yaml
printf 'ldr: 1\nfootprint:\n  name: x\n start: 16/17\n' > $T/dedent.yaml && ldr stat $T/dedent.yaml
printf 'ldr: 1\nfootprint:\n  name: `x`\n' > $T/backtick.yaml && ldr stat $T/backtick.yaml
# A file git left in conflict: said so at its first marker, with
# what to do, rather than what the YAML reader makes of it.
printf 'ldr: 1\nfootprint:\n<<<<<<< HEAD\n  name: Ours\n=======\n  name: Theirs\n>>>>>>> other\n  start: 16/17\n' > $T/conflict.yaml && ldr check $T/conflict.yaml
