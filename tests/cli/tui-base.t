# Unsaved changes are counted from the roadmap as loaded or last saved,
# which the interface keeps as its text and parses only for a merge or a
# diff: whether there is anything to save ([+] on the status line) follows
# the undo history and the records it changed.
. tests/cli/repo.sh && cp roadmaps/derbyshire.yaml $R/d.yaml && cd $R && ldr init one --from d.yaml >/dev/null && echo ok
# An edit reversed by hand leaves nothing to save; undone and redone, the
# first edit is a change again, and undone to the file, not.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x3 LDR_TUI_KEYS='/ C12 <Enter> e j <Enter> <C-u> "Someone" <Enter> <Dump> <Enter> <C-u> "Patients, carers and health and care professionals" <Enter> <Dump> u <Dump> u <Dump> <C-r> <Dump> <Esc> q d' ldr one; ls -a one/.git/ldr | untag
# Saved, then undone past the save: a change from what was saved; redone to
# it, nothing to save; undone again and saved, the file is back as it was.
. tests/cli/repo.sh && cd $R && at 2016-07-01 && LDR_TUI_SIZE=80x3 LDR_TUI_KEYS='/ C12 <Enter> e j <Enter> <C-u> "Someone" <Enter> : "w C12 for someone" <Enter> <Dump> u <Dump> <C-r> <Dump> u : "w C12 as it was" <Enter> <Dump>' ldr one && git -C one log --format=%s -3 && ldr diff HEAD~2 HEAD one
# A session dropped with changes: its base in the recovery files is the text
# the roadmap was read from; restored, the changes merge onto the file as
# someone else changed it meanwhile.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x3 LDR_TUI_KEYS='/ C03 <Enter> e j j j <Enter> <C-u> "17/18" <Enter> <HUP>' ldr one; cmp one/roadmap.yaml one/.git/ldr/roadmap.yaml.*.base && echo "base: the file as read"
. tests/cli/repo.sh && cd $R && at 2016-07-02 && ldr set one C04.status=delivered -m 'C04 delivered' && LDR_TUI_SIZE=80x3 LDR_TUI_KEYS='r : "w C03 moved" <Enter> <Dump>' ldr one && ldr diff HEAD~1 HEAD one
