# After an edit the interface checks again only what the edit can reach
# (model/rules/recheck.c); here, as in every test (tests/cli/run.sh), a
# full check follows each edit and any difference aborts. The edits reach
# other records: P07 ending later breaks P08, which depends on it; P09
# deleted leaves C12 naming no such project; C12's year moved reorders its
# phases. The counts on the status line are those of 'ldr check' after.
. tests/cli/repo.sh && rm -rf $R/* && cp roadmaps/derbyshire.yaml $R/d.yaml && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 / P07 <Enter> e j j j j j j j j <Enter> <C-u> "19/20 Q4" <Enter> <Esc> <Esc> / P09 <Enter> x y <Dump> u <Dump> <C-r> <Dump> 1 / C12 <Enter> e j j j <Enter> <C-u> "16/17" <Enter> <Esc> <Dump> : "w!" <Enter> q' ldr d.yaml | grep -E 'E[0-9]+ W[0-9]+' | sed 's/^.*  \(E[0-9]* W[0-9]*\).*$/\1/'; ldr check d.yaml | tail -1
# The same on a generated roadmap of 400 capabilities (tests/bench/gen.c,
# one record in two hundred wrong on purpose): a project's end, a
# capability's year and its group, a dependency added, each undone.
. tests/cli/repo.sh && rm -rf $R/* && build/bench/gen --capabilities 400 --projects 60 --deps 120 >$R/g.yaml && cd $R && LDR_TUI_SIZE=100x30 LDR_TUI_KEYS='2 / P0003 <Enter> e j j j j j j j j <Enter> <C-u> "2022-03" <Enter> <Esc> <Esc> <Dump> u <Dump> <C-r> 1 / C000010 <Enter> e j j j <Enter> <C-u> "2019/20" <Enter> <Esc> <Dump> : "w!" <Enter> q' ldr g.yaml | grep -E 'E[0-9]+ W[0-9]+' | sed 's/^.*  \(E[0-9]* W[0-9]*\).*$/\1/'; ldr check g.yaml | tail -1
. tests/cli/repo.sh && rm -rf $R
