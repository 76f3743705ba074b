# Shifting a record a quarter in the interface ('>' and '<'), with what
# depends on it, on a real repository: the knock-on shown before anything
# changes (as 'ldr impact' works it out), made as one change on 'y', undone
# in one step, and committed by 'w' as a commit plain git shows.
. tests/cli/repo.sh && cp roadmaps/derbyshire.yaml $R/d.yaml && cd $R && ldr init one --from d.yaml >/dev/null && ldr impact one P07.start=+1Q | head -9
# P07 a quarter later in the Dossier: the knock-on (P08, P09 after it; C11
# and C12 they deliver, which now miss their year) asked about; the Dossier
# after 'y'; the record of P08, which moved because of P07.
. tests/cli/repo.sh && cd $R && at 2016-07-01 && LDR_TUI_SIZE=80x30 LDR_TUI_KEYS='2 / P07 <Enter> > <Dump> y <Dump> j <Enter> <Dump> <Esc> w <C-u> "P07 a quarter later, and what needs it" <Enter> <Dump>' ldr one
# The commit: one, of the whole knock-on, as git shows it; the values in the file.
. tests/cli/repo.sh && cd $R/one && git log --format='%h %s' && git show --stat --format='%s' HEAD && git status --short && grep -A9 -E '^- id: (P07|P08|P09)$' roadmap.yaml | grep -E '^- id|^  (start|end):' && grep -A4 -E '^- id: C1[12]$' roadmap.yaml | grep -E '^- id|^  year:'
# 'n' changes nothing; 'u' undoes a shift in one step, all its moves
# (nothing then to save); Ctrl-R makes it again. A move earlier pushes
# nothing: it is made at once.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 / P08 <Enter> > <Dump> n <Dump> > y <Dump> u <Dump> <C-r> <Dump> "<" <Dump> u u <Dump> q' ldr one | grep -E '^[0-9]+ +P0[89] |shift|undone|redone|nothing|^make all'; git -C one status --short; ls one/.git/ldr
# A record whose shift moves nothing else is shifted at once: a milestone
# (in its project's record); a capability moves by a year. In Deps, the
# root of the tree is shifted, and the tree shows it.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 / P11 <Enter> <Enter> / P11-M3 <Enter> <Enter> > <Dump> <Esc> <Esc> <Esc> 1 / C40 <Enter> "<" <Dump> 2 / P12 <Enter> 3 > <Dump> y <Dump> q d' ldr one | grep -E '^due|^C40 |^[^a-z]*P1[23] |shifted|^make'
# Read-only, nothing is shifted; a view without records says so.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 > <Dump> q' ldr tui --read-only one | tail -2 | head -1 && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='8 > <Dump> q' ldr one | grep shift
. tests/cli/repo.sh && rm -rf $R
