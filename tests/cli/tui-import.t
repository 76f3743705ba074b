# ':import KIND FILE' in the terminal interface, headless: the changes are
# shown and asked about; yes applies them as one change (undone by 'u'),
# saved by 'w' as a commit; no changes nothing; a file with bad cells shows
# them all, and nothing changes.
. tests/cli/repo.sh && cp roadmaps/derbyshire.yaml $R/d.yaml && cd $R && ldr init one --from d.yaml >/dev/null && ldr export annex2 -o d.csv one && sed -e 's/^Prisons in the footprint,Can view the SCR,16\/17,/Prisons in the footprint,Can view the SCR,17\/18,/' -e 's/Summary Care Record application (SCRa)/SCRa/' d.csv > e.csv && diff d.csv e.csv | grep -c '^>'
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS=': "import annex2 e.csv" <Enter> <Dump> n <Dump> q' ldr one && git -C one status --short
. tests/cli/repo.sh && cd $R && at 2016-07-01 && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS=': "import annex2 e.csv" <Enter> y <Dump> u <Dump> <C-r> : "w Imported the schedule" <Enter> <Dump>' ldr one
. tests/cli/repo.sh && cd $R/one && git log -1 --format='%h %s' && ldr diff HEAD~1 HEAD . && git status --short
. tests/cli/repo.sh && cd $R && printf 'Who,What,Year\nGPs,,next year\n' > bad.csv && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS=': "import annex2 bad.csv" <Enter> <Dump> : "import annex9 bad.csv" <Enter> <Dump> : "import annex2 nothere.csv" <Enter> <Dump> q' ldr one
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS=': "import annex2 e.csv" <Enter> <Dump> q' ldr --read-only one
. tests/cli/repo.sh && rm -rf $R
