# The interface's Log (8) and Review (9), headless, on a throw-away repository
# of the Annex 2 illustration: the submission as a baseline, C05 slipping a
# quarter, C01 delivered, then a commit made with plain git whose author and
# message hold escapes, bidirectional controls and the detail pane's
# separators (all drawn inert).
. tests/cli/repo.sh && at 2016-04-29 && ldr init $R/r --from roadmaps/annex2-illustration.yaml -m 'The Annex 2 illustration as submitted' >/dev/null && ldr baseline submitted -m 'As submitted to NHS England' $R/r
. tests/cli/repo.sh && at 2016-09-30 && ldr set $R/r 'C05.year=17/18 Q1' -m 'Q2 update: inpatient e-prescribing slips a quarter' >/dev/null
. tests/cli/repo.sh && at 2016-12-20 && ldr set $R/r C01.status=delivered C01.delivered=2016-12 'C02.who=All clinicians in unscheduled care' -m 'Q3 update: GP record in A&E live' 2>&1 >/dev/null | sed "s|$R|R|"
. tests/cli/repo.sh && at 2017-01-15 && cd $R/r && sed -i 's/^  who: GPs$/  who: GPs in the footprint/' roadmap.yaml && GIT_AUTHOR_NAME="$(printf 'Mal\033[31mlory\342\200\256')" git commit -qam "$(printf 'Plain git: C04\033[2J \036fake\037row\n\nA body line\twith a tab')" && git log --format='%h %s' -1 | od -c | head -2
# The log, newest first, the detail pane on the selected commit; Enter shows
# a commit's changes (Esc, or q, goes back).
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='8 <Dump> j j <Enter> <Dump> <Esc> <Dump> G <Enter> G <Dump>' ldr r
# One record's history: H on C05 in the schedule, in the record view, back to
# the whole log with Esc; H where there is no record.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x16 LDR_TUI_KEYS='j j j j H <Dump> <Enter> <Dump> <Esc> <Esc> <Dump> H <Dump>' ldr r
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x16 LDR_TUI_KEYS='j <Enter> H <Dump>' ldr r
# Sort and filter the log as any view: by the number of changes, by author.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x12 LDR_TUI_KEYS='8 d s s s s <Dump> f author:pat <Enter> <Dump>' ldr r
# The review against the newest baseline: as of the roadmap's as_at (2016-04)
# C01's delivery, dated 2016-12, does not count yet; as of 2017-03, C01 is on
# time and C05 slipped. H follows a reviewed record's history.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x20 LDR_TUI_KEYS='9 <Dump> : "as-of 2017-03" <Enter> j <Dump> H <Dump>' ldr r
# Enter on an item: what the review made of it and the commits that moved
# it, with their messages; T: the totals of each capability group.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x20 LDR_TUI_KEYS='9 : "as-of 2017-03" <Enter> j <Enter> <Dump> <Esc> T <Dump> <Esc> <Dump>' ldr r
# Choosing the baseline (any revision; a wrong one is refused) and the period
# (a year or a quarter; a wrong one is refused); empty goes back to the default.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x14 LDR_TUI_KEYS='9 b nope <Enter> <Dump> b HEAD~2 <Enter> <Dump> p 2016 <Enter> <Dump> p "17/18 Q1" <Enter> <Dump> p <C-u> <Enter> b <C-u> <Enter> <Dump>' ldr --as-of 2017-03 r
# No baseline yet; no repository at all.
. tests/cli/repo.sh && at 2016-04-29 && ldr init $R/new --from roadmaps/annex2-illustration.yaml >/dev/null && cd $R && LDR_TUI_SIZE=80x8 LDR_TUI_KEYS='9' ldr new
. tests/cli/repo.sh && cp roadmaps/annex2-illustration.yaml $R/plain.yaml && cd $R && LDR_TUI_SIZE=80x8 LDR_TUI_KEYS='8 <Dump> 9 <Dump> 1 H <Dump>' ldr plain.yaml
# A commit's changes, and a record, wrap again when the terminal is resized.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x12 LDR_TUI_KEYS='8 j <Enter> <Resize 50x12> <Dump> 1 j <Enter> <Resize 100x12> <Dump>' ldr r
. tests/cli/repo.sh && rm -rf $R
