# Editing in the terminal interface, headless, on a real repository: the
# form (a prompt, a picker, the text editor), saving as a commit that git
# shows, undo and redo, adding and deleting, lists inside a record, quitting
# with unsaved changes, and the recovery file a dropped connection leaves.
. tests/cli/repo.sh && cp roadmaps/derbyshire.yaml $R/d.yaml && cd $R && ldr init one --from d.yaml
# Re-phase C12 in its form, with a mistake first, and save it with a message.
. tests/cli/repo.sh && cd $R && at 2016-07-01 && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C12 <Enter> e j j j <Enter> <C-u> "19/2O" <Enter> <Dump> <C-u> "19/20" <Enter> <Dump> w <C-u> "C12 re-phased at the board" <Enter> <Dump>' ldr one
. tests/cli/repo.sh && cd $R/one && git log --format='%h %s' && git status --short && ls -a && ldr diff HEAD~1 HEAD .
# A picker, filtered as you type; the text editor; undo and redo.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C40 <Enter> e j j j j <Enter> "medi" <Dump> <Enter> G k <Enter> <End> <Enter> "Second line" <Enter> "third" <Dump> <C-s> <Dump> u <Dump> <C-r> <Dump> w <Enter> <Dump>' ldr one
. tests/cli/repo.sh && cd $R/one && git log -1 --format='%h %s' && git show HEAD | sed -n '/^@@/,$p'
# Add a capability (asked for what it needs: who, what, year, group), duplicate one, delete one
# (asked first), undo the deletion; then quit, asked about the changes.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='G a "Patients" <Enter> "Can book appointments online" <Enter> "17/18" <Enter> "records" <Enter> <Dump> <Esc> <Dump> c <Esc> x <Dump> n x y <Dump> u <Dump> q <Dump> c q d' ldr one
. tests/cli/repo.sh && cd $R/one && git status --short && ls -a
# A project's milestones: add one (its id the next free), fill it (its commitment is
# text of any lines: Ctrl-S keeps it), remove it.
. tests/cli/repo.sh && cd $R && at 2016-07-02 && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 / P11 <Enter> e G k <Enter> <Dump> a "Go live in the north" <C-s> <Dump> <Esc> <Dump> a "Spare" <C-s> <Esc> G x <Dump> y <Dump> : "w Milestone for P11" <Enter> <Dump>' ldr one
. tests/cli/repo.sh && cd $R/one && git log -1 --format='%h %s' && ldr diff HEAD~1 HEAD .
# A universal capability's activity done with 't', which asks when (the
# review date's month offered; empty: not said); 't' again makes it not
# done and forgets the date, 'u' undoes that in one step; the footprint's form.
. tests/cli/repo.sh && cd $R && at 2016-07-03 && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='5 j t <Dump> <C-u> 2016-12 <Enter> <Dump> j t <C-u> <Enter> t <Dump> u <Dump> : footprint <Enter> <Dump> <Esc> : "wq UC01-A1 and A2 done" <Enter>' ldr one && git -C one log -1 --format='%h %s' && ldr diff HEAD~1 HEAD one
# The connection drops with changes unsaved: they are in the recovery file,
# and the next session offers them back.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C03 <Enter> e j j j <Enter> <C-u> "17/18" <Enter> <HUP>' ldr one; echo "exit $?"; ls -a one one/.git/ldr | untag; git -C one status --short
. tests/cli/repo.sh && cd $R && touch -d '2016-07-04 09:30' one/.git/ldr/roadmap.yaml.*.unsaved && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='<Dump> r <Dump> q <Dump> c' ldr one; ls -a one/.git/ldr | untag
# Meanwhile someone else changed another record: restoring merges the two.
. tests/cli/repo.sh && cd $R && at 2016-07-05 && ldr set one C04.status=delivered -m 'C04 delivered' && touch -d '2016-07-04 09:30' one/.git/ldr/roadmap.yaml.*.unsaved && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='r <Dump> : "w C03 moved" <Enter>' ldr one | tail -2; cd one && git log --format='%h %s' -3 && ldr diff HEAD~2 HEAD . && ls -a . .git/ldr | untag
# Someone else changed another field of the same record: both are kept.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C05 <Enter> e j <Enter> <C-u> "Prisons" <Enter> <HUP>' ldr one; at 2016-07-06 && ldr set one C05.what=Elsewhere -m 'C05 elsewhere' && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='r : "w C05 for prisons" <Enter>' ldr one | tail -2; git -C one show HEAD | grep '^[-+] '
# The same field: the file's value stays, and ours is kept beside it.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C05 <Enter> e j <Enter> <C-u> "Young offenders" <Enter> <HUP>' ldr one; at 2016-07-07 && ldr set one C05.who=Courts -m 'C05 for courts' && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='r' ldr one | tail -12; ls -a one; grep -A2 'id: C05' one/roadmap.yaml.ldr-mine
# Read-only: nothing changes, nothing is written.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='e <Dump>' ldr tui --read-only one | tail -2 | head -1
# A plain file, outside any repository: 'w' writes it (its capability has no
# group, an error: 'w' asks first, and 's' saves anyway).
printf 'ldr: 1\nfootprint: {name: x, start: 16/17, end: 20/21}\ncapabilities:\n- {id: C1, who: Us, what: Do it, year: 16/17}\n' > $T/plain.yaml && LDR_TUI_SIZE=80x12 LDR_TUI_KEYS='e j j j <Enter> <C-u> "17/18" <Enter> w s <Dump>' ldr $T/plain.yaml | tail -2 | head -1 && cat $T/plain.yaml && ls -a $T
# The connection drops while a value is being typed, before Enter: a valid
# value is kept in the recovery file, as are marks made in a list; a value
# that is not valid cannot be, and nothing is written for it.
. tests/cli/repo.sh && cd $R && ldr init two --from d.yaml >/dev/null && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C07 <Enter> e j <Enter> <C-u> "Patients of the new practices" <HUP>' ldr two; echo "exit $?"; grep -A2 'id: C07' two/.git/ldr/roadmap.yaml.*.unsaved
. tests/cli/repo.sh && cd $R && rm two/.git/ldr/roadmap.yaml.* && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C07 <Enter> e j j j j j <Enter> "P09" <Tab> <HUP>' ldr two; echo "exit $?"; grep -A7 'id: C07' two/.git/ldr/roadmap.yaml.*.unsaved | grep -A2 projects
. tests/cli/repo.sh && cd $R && rm two/.git/ldr/roadmap.yaml.* && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C07 <Enter> e j j j <Enter> <C-u> "19/2" <HUP>' ldr two; echo "exit $?"; ls -a two/.git/ldr | untag
# The suggested commit message names what changed since the last save, not
# what the undo history holds from before it.
. tests/cli/repo.sh && cd $R && at 2016-07-08 && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C07 <Enter> e j <Enter> <C-u> "Everyone" <Enter> w <Enter> <Esc> / C09 <Enter> e j <Enter> <C-u> "Someone" <Enter> w <Dump> <Enter>' ldr two | tail -2 | head -1; git -C two log -2 --format=%s
# Esc while a new record asks for what it needs cancels the addition (a
# record without its required fields cannot be saved): nothing is left
# half made, not even by Ctrl-R. The same for a milestone.
cp roadmaps/derbyshire.yaml $T/derbyshire.yaml && cd $T && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 G a <Esc> <Dump> <C-r> <Dump> q d' ldr derbyshire.yaml | grep -v '^ \|^[0-9]'; ls -A
cp roadmaps/derbyshire.yaml $T/derbyshire.yaml && cd $T && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 / P11 <Enter> e G k <Enter> a <Esc> <Dump>' ldr derbyshire.yaml | sed -n '2,5p;22,24p'; ls -A
# Deleting a record others name says which, before it is done.
cp roadmaps/derbyshire.yaml $T/derbyshire.yaml && cd $T && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 / P07 <Enter> x <Dump> n' ldr derbyshire.yaml | tail -3
# A duplicated project takes the next free id and the next dossier number.
cp roadmaps/derbyshire.yaml $T/derbyshire.yaml && cd $T && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 / P07 <Enter> c <Esc> <Dump> q d' ldr derbyshire.yaml | sed -n '9,11p'; ls -A
# A restore is one step of the undo history: 'u' goes back to the file.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C07 <Enter> e j <Enter> <C-u> "Restored" <Enter> <HUP>' ldr two; LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='r u <Dump> q' ldr two | tail -2; ls -A two/.git/ldr | untag
# Pasted text is text. In the notes editor a tab becomes spaces to the next
# tab stop, CR, LF and CR LF new lines; other control characters are
# dropped, ESC too: it does not ask to discard the changes; at that question
# a paste answers nothing. A long suggested commit message is shown from its
# end, Home shows its start; a paste there does not press Enter.
. tests/cli/repo.sh && cd $R && ldr init three --from d.yaml >/dev/null && at 2016-07-08 && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C12 <Enter> e G k <Enter> <Enter> <PasteStart> "col1" <Tab> "col2" <C-a> "ctrlA" <C-b> "x" <C-m> "CR-line" <Enter> "LF-line" <C-m> <Enter> "CRLF-line" <Enter> "ab" <Tab> "c" <Tab> "d" <PasteEnd> <Enter> <PasteStart> "bell" <Esc> "[31mRED" <PasteEnd> <Dump> <Esc> <PasteStart> "y" <PasteEnd> <Dump> n <C-s> w <Dump> <Home> <Dump> <C-k> <PasteStart> "Notes pasted" <Tab> "from a sheet" <Enter> <PasteEnd> <Dump> <Enter>' ldr three
. tests/cli/repo.sh && cd $R/three && git log -1 --format='%h %s' && git show HEAD | sed -n '/^@@/,$p' | cat -A | grep -v '^ '
# A picker's filter takes a paste as one line: its line break does not
# choose. In the form, a paste does not run 'x' (clear the field).
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x12 LDR_TUI_KEYS='/ C40 <Enter> e j j j j <Enter> <PasteStart> "me" <Esc> "di" <Enter> <PasteEnd> <Dump> <Esc> <PasteStart> "x" <PasteEnd> <Dump>' ldr three
# The connection drops in the middle of a paste: what came of it is kept.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C07 <Enter> e j <Enter> <C-u> <PasteStart> "Patients of" <Enter> "the new practices" <HUP>' ldr three; echo "exit $?"; grep -A2 'id: C07' three/.git/ldr/roadmap.yaml.*.unsaved
. tests/cli/repo.sh && rm -rf $R
# In a list of several choices, Space marks even once a filter is typed (as
# the hint says), as Tab does; Enter marks the item highlighted too.
cp roadmaps/derbyshire.yaml $T/derbyshire.yaml && cd $T && LDR_TUI_SIZE=80x10 LDR_TUI_KEYS='/ C09 <Enter> e j j j j j <Enter> "MIG" <Down> <Space> <Dump> <Down> <Enter> <Dump> q d' ldr derbyshire.yaml
# Undoing a deletion puts the cursor back on the record.
cp roadmaps/derbyshire.yaml $T/derbyshire.yaml && cd $T && rm -f .derbyshire.yaml.*ldr-* && LDR_TUI_SIZE=80x8 LDR_TUI_KEYS='2 G x y u <Dump> q' ldr derbyshire.yaml | tail -3
# Typed text is never lost. Home and End as tmux sends them to a program
# that believes TERM=xterm-256color (ESC [ 1 ~, ESC [ 4 ~, which that
# description does not name) move the cursor, as do ESC O H and ESC O F; a
# sequence that means nothing here (ESC [ 25 ~) is ignored: neither taken
# for Esc nor for the keys after it (a '2' would switch view). Esc on a
# prompt with its text changed, on a time typed in, or on a list with marks
# changed, asks first; on a list, an unknown key is said to be one.
cp roadmaps/derbyshire.yaml $T/derbyshire.yaml && cd $T && rm -f .derbyshire.yaml.*ldr-* && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C12 <Enter> e j <Enter> " 2024" <Esc> "[1~" "From " <Esc> "[4~" "." <Esc> "[25~" <Esc> "OH" "(" <Esc> "OF" ")" <Dump> <Esc> <Dump> n <Enter> j j <Enter> "19/2" <Esc> <Dump> n "0" <Enter> j j <Enter> <Tab> <Esc> <Dump> y <Dump> <Esc> <Esc> "[25~" <Dump> q d' ldr derbyshire.yaml | grep -E '^(who|year|projects) |^who:|discard|unknown|^--'; ls -A
