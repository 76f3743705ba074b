# Hostile input: each file gets a one-line message naming the position and
# exit 2 (cannot read or parse) or 1 (the roadmap has errors), within
# bounded time and memory (tests/cli/bounded.sh); nothing crashes or hangs.
sh tests/cli/bounded.sh ldr stat ldr
sh tests/cli/bounded.sh ldr stat tests/cli/data/wrong-types.yaml
sh tests/cli/bounded.sh ldr stat tests/cli/data/bad-ids.yaml
printf 'ldr: 1\nfootprint: {name: x, start: 16/17, end: 17/18}\nprojects:\n- {id: "P\\u000103", name: n}\n' > $T/ctlid.yaml && sh tests/cli/bounded.sh ldr stat $T/ctlid.yaml
sh tests/cli/bounded.sh ldr check --as-of 2017-03 --rule cycle tests/cli/data/self.yaml
printf 'ldr: 1\nx:\n' > $T/block.yaml && awk 'BEGIN { for (i = 0; i < 100000; i++) printf "- "; print "x" }' >> $T/block.yaml && sh tests/cli/bounded.sh ldr stat $T/block.yaml
printf 'ldr: 1\nfootprint: {name: "' > $T/scalar.yaml && head -c 60000000 /dev/zero | tr '\0' a >> $T/scalar.yaml && printf '"}\n' >> $T/scalar.yaml && sh tests/cli/bounded.sh ldr stat $T/scalar.yaml
printf 'ldr: 1\nfootprint: {name: "' > $T/100mb.yaml && head -c 100000000 /dev/zero | tr '\0' a >> $T/100mb.yaml && sh tests/cli/bounded.sh ldr stat $T/100mb.yaml
printf 'ldr: 1\nfootprint: {name: x, start: 16/17, end: 17/18}\nprojects:\n' > $T/million.yaml && awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "- {id: p%d, name: n}\n", i }' >> $T/million.yaml && sh tests/cli/bounded.sh ldr stat $T/million.yaml
printf 'ldr: 1\nfootprint: {name: x, start: 16/17, end: 17/18}\nprojects:\n' > $T/many.yaml && awk 'BEGIN { for (i = 0; i < 200000; i++) printf "- {id: p%d, name: n}\n", i }' >> $T/many.yaml && sh tests/cli/bounded.sh ldr stat $T/many.yaml | grep projects
printf 'ldr: 1\nfootprint:\n  name: "unterminated\n' > $T/truncated2.yaml && sh tests/cli/bounded.sh ldr stat $T/truncated2.yaml
printf 'ldr: 1\nfootprint: {name: x, start: 16/17, end: 17/18}\nprojects:\n- id: P1\n  name: a\n  depends_on: [P2' > $T/truncated3.yaml && sh tests/cli/bounded.sh ldr stat $T/truncated3.yaml
printf 'ldr: 1\nfootprint: {name: x, start: 16/17, end: 17/18}\n...\n---\nldr: 1\n' > $T/docs.yaml && sh tests/cli/bounded.sh ldr stat $T/docs.yaml
printf 'ldr: 1\nfootprint: !!python/object:os.system {name: x}\n' > $T/tag.yaml && sh tests/cli/bounded.sh ldr stat $T/tag.yaml
printf 'ldr: 1\nfootprint: {name: x, start: 16/17, end: 17/18, name: y}\n' > $T/dupkey.yaml && sh tests/cli/bounded.sh ldr stat $T/dupkey.yaml
# Workbooks and CSV files for 'ldr import' (tests/import/hostile.py): each
# refused with a line naming the part or the cell, exit 2, nothing written.
/usr/bin/python3 tests/import/hostile.py $T
for f in gigabyte bomb laughs deep merges cells; do sh tests/cli/bounded.sh ldr import annex2 $T/$f.xlsx -o $T/$f.yaml; echo "$f: $?"; test -e $T/$f.yaml && echo "$f.yaml written"; done; echo end
sh tests/cli/bounded.sh ldr import annex2 $T/old.xls -o $T/x.yaml; sh tests/cli/bounded.sh ldr import annex4 $T/locked.xlsx -o $T/x.yaml; sh tests/cli/bounded.sh ldr import dossier $T/text.xlsx -o $T/x.yaml
printf 'Who,What,Year\nNurses,\243 5 a head,16/17\n' > $T/cp1252.csv && sh tests/cli/bounded.sh ldr import annex2 $T/cp1252.csv -o $T/x.yaml
printf '\377\376W\000h\000o\000' > $T/utf16.csv && sh tests/cli/bounded.sh ldr import annex2 $T/utf16.csv -o $T/x.yaml
printf 'Who,What,Year\nGPs,"Can refer,16/17\n' > $T/unclosed.csv && sh tests/cli/bounded.sh ldr import annex2 $T/unclosed.csv -o $T/x.yaml
printf 'Who,What,Year\nGPs,Can \001refer,16/17\n' > $T/control.csv && sh tests/cli/bounded.sh ldr import annex2 $T/control.csv -o $T/x.yaml
printf 'Who,What,Year\n' > $T/million.csv && awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "GPs,Can refer %d,next year\n", i }' >> $T/million.csv && sh tests/cli/bounded.sh ldr import annex2 $T/million.csv -o $T/x.yaml 2>&1 | sed -n '1p;1000,$p'
printf 'Who,What,Year\nGPs,"' > $T/100mb.csv && head -c 100000000 /dev/zero | tr '\0' a >> $T/100mb.csv && sh tests/cli/bounded.sh ldr import annex2 $T/100mb.csv -o $T/x.yaml
printf 'Who,What,Year\nGPs,"' > $T/cell.csv && head -c 2000000 /dev/zero | tr '\0' a >> $T/cell.csv && printf '",16/17\n' >> $T/cell.csv && sh tests/cli/bounded.sh ldr import annex2 $T/cell.csv -o $T/x.yaml
ls $T/x.yaml
