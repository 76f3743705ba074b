# Several editors, one roadmap: a bare repository on a file:// remote and
# two clones, a (the programme office) and b (the architects), under /tmp.
# ldr sync merges field by field; conflicts change nothing and name the
# record, the field and the three values; a merge clean field by field that
# breaks the schedule is reported; errors change nothing; the interface
# resolves conflicts and pushes; plain git merges with the driver 'ldr setup'
# registers. After every scenario git fsck judges all three repositories.
# (The same over SSH: tests/sync/ssh.sh, with an sshd of its own.)
. tests/cli/repo.sh && cd $R && ldr init seed --from $OLDPWD/roadmaps/derbyshire.yaml >/dev/null && git clone -q --bare seed shared.git && git clone -q file://$R/shared.git a && git clone -q file://$R/shared.git b && ls
# fsck: every repository, quietly; "fsck: ok" when all pass.
. tests/cli/repo.sh && cd $R && for g in shared.git a b; do git -C $g fsck --no-dangling --no-progress 2>&1 | sed "s|^|$g: |"; done; echo fsck: ok

# 1. Edits to different records: pushed, merged, taken. Nothing is lost.
. tests/cli/repo.sh && cd $R && at 2016-07-01 && ldr set a C12.year=19/20 -m 'C12 slips a year' >/dev/null && ldr sync a
. tests/cli/repo.sh && cd $R && at 2016-07-02 && ldr set b C06.status=delivered C06.delivered=2016-07 -m 'C06 delivered' >/dev/null && ldr sync b
. tests/cli/repo.sh && cd $R && at 2016-07-03 && ldr sync a && ldr sync a && git -C a log --format='%h %p %s' --graph && git -C a status --short && git -C b status --short && cmp a/roadmap.yaml b/roadmap.yaml && grep -A3 'id: C12$' a/roadmap.yaml | grep year && grep -A8 'id: C06$' b/roadmap.yaml | grep -E 'status|delivered'
# Two fields of one record, and a list of ids both sides added to: no conflict.
. tests/cli/repo.sh && cd $R && at 2016-07-04 && ldr set a 'C20.year=17/18 Q2' C20.depends_on=C19 -m 'C20 after C19' >/dev/null && ldr sync a >/dev/null && at 2016-07-05 && ldr set b C20.group=remote C20.depends_on=C18 -m 'C20 is remote care' >/dev/null && ldr sync b && grep -A9 'id: C20$' b/roadmap.yaml | grep -E 'year|group|depends_on'
. tests/cli/repo.sh && cd $R && for g in shared.git a b; do git -C $g fsck --no-dangling --no-progress 2>&1 | sed "s|^|$g: |"; done; echo fsck: ok

# 2. The same field on both sides: a conflict naming the record, the field
# and the three values; nothing changes (HEAD, index, work tree, remote).
. tests/cli/repo.sh && cd $R && at 2016-07-06 && ldr sync b >/dev/null; ldr sync a >/dev/null; ldr set a C03.year=17/18 -m 'C03: a year later' >/dev/null && ldr sync a >/dev/null && at 2016-07-07 && ldr set b 'C03.year=16/17 Q4' -m 'C03: a quarter later' >/dev/null && git -C b rev-parse --short HEAD && md5sum b/roadmap.yaml | cut -c1-8
. tests/cli/repo.sh && cd $R && ldr sync b
. tests/cli/repo.sh && cd $R && git -C b rev-parse --short HEAD && md5sum b/roadmap.yaml | cut -c1-8 && git -C b status --short && ls b/.git | grep -c MERGE; git -C shared.git log --format='%h %s' -1

# 3. The interface resolves it: sync (P), the conflict view, take theirs,
# commit the merge (w) and push it.
. tests/cli/repo.sh && cd $R && at 2016-07-08 && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='P <Dump> <Enter> <Dump> t <Dump> w c <Enter> <Dump>' ldr b
. tests/cli/repo.sh && cd $R && git -C b log --format='%h %p %s' -3 && git -C b status --short && ls b/.git/ldr && ldr sync a && grep -A3 'id: C03$' a/roadmap.yaml | grep year
. tests/cli/repo.sh && cd $R && for g in shared.git a b; do git -C $g fsck --no-dangling --no-progress 2>&1 | sed "s|^|$g: |"; done; echo fsck: ok

# A record deleted on one side and changed on the other: kept, with a
# conflict; taking the side that deleted it deletes it.
. tests/cli/repo.sh && cd $R && at 2016-07-08 && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C40 <Enter> x y : "w C40 is dropped" <Enter> c' ldr a >/dev/null && ldr sync a >/dev/null && ldr set b C40.notes='Piloted in two practices' -m 'C40 piloted' >/dev/null && ldr sync b
. tests/cli/repo.sh && cd $R && at 2016-07-08 && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='P <Enter> <Dump> t w c <Enter>' ldr b | tail -4 && grep -c 'id: C40$' b/roadmap.yaml; git -C b log --format='%h %p %s' -1 && ldr sync a >/dev/null && cmp a/roadmap.yaml b/roadmap.yaml && echo same

# 4. A merge clean field by field that breaks the schedule: a makes P43
# depend on P20, b moves P20's end past P43's start. Merged, pushed, and
# the error neither side had is reported (exit 1).
. tests/cli/repo.sh && cd $R && at 2016-07-09 && ldr set a P43.depends_on=P20 -m 'P43 needs P20' >/dev/null && ldr sync a >/dev/null && at 2016-07-10 && ldr set b 'P20.end=18/19 Q2' -m 'P20 runs on' >/dev/null && ldr sync b
. tests/cli/repo.sh && cd $R && ldr check --rule dep-order b | grep P43
. tests/cli/repo.sh && cd $R && for g in shared.git a b; do git -C $g fsck --no-dangling --no-progress 2>&1 | sed "s|^|$g: |"; done; echo fsck: ok

# 5. Failures change nothing: changes not committed, a remote that is not
# there (file and ssh), a push the remote refuses (its branch locked).
. tests/cli/repo.sh && cd $R && ldr sync a >/dev/null; echo '# mine' >> a/roadmap.yaml && ldr sync a; echo "exit $?"; git -C a checkout -q roadmap.yaml
. tests/cli/repo.sh && cd $R && git -C a remote add nowhere file://$R/nowhere.git && ldr sync nowhere a 2>&1 | sed "s|$R|\$R|g"
. tests/cli/repo.sh && cd $R && git -C a remote add far ssh://git@127.0.0.1:1/srv/roadmap.git && ldr sync far a
. tests/cli/repo.sh && cd $R && ldr sync frm a
. tests/cli/repo.sh && cd $R && at 2016-07-11 && ldr set a C14.notes='Rolled out to every practice' -m 'C14 notes' >/dev/null && git -C a rev-parse HEAD origin/master | cut -c1-7 && touch shared.git/refs/heads/master.lock && ldr sync a 2>&1 | sed "s|$R|\$R|g"; rm shared.git/refs/heads/master.lock; git -C a rev-parse HEAD origin/master | cut -c1-7 && git -C a status --short && git -C shared.git log --format='%h %s' -1 && git -C a for-each-ref refs/ldr
. tests/cli/repo.sh && cd $R && ldr sync a && for g in shared.git a b; do git -C $g fsck --no-dangling --no-progress 2>&1 | sed "s|^|$g: |"; done; echo fsck: ok

# 6. Plain git, with the driver registered by 'ldr setup' (committed
# .gitattributes travels; each clone sets its own configuration).
. tests/cli/repo.sh && cd $R && at 2016-07-12 && ldr sync b >/dev/null && ldr setup a && git -C a add .gitattributes && git -C a commit -qm 'Merge the roadmap with ldr' && git -C a push -q && git -C b pull -q --no-rebase && ldr setup b && ldr setup b && git -C b config merge.ldr.driver | sed "s|'[^']*/ldr'|LDR|"
# Two fields on adjacent lines of C30: git alone would conflict (merge-file
# says how many conflicts), the driver merges them.
. tests/cli/repo.sh && cd $R && at 2016-07-13 && ldr set a C30.year=18/19 -m 'C30 a year later' >/dev/null && git -C a push -q && ldr set b C30.group=remote -m 'C30 is remote care' >/dev/null && git -C b fetch -q && git -C b show HEAD~1:roadmap.yaml > base.yaml && git -C b show origin/master:roadmap.yaml > theirs.yaml && cp b/roadmap.yaml ours.yaml && git merge-file -q ours.yaml base.yaml theirs.yaml; echo "git merge-file: $? conflicts"; rm -f base.yaml ours.yaml theirs.yaml
. tests/cli/repo.sh && cd $R && git -C b fetch -q && git -C b merge -q -m 'Merge origin/master' origin/master && git -C b log --format='%h %p %s' -1 && git -C b status --short && grep -A6 'id: C30$' b/roadmap.yaml | grep -E 'year|group' && git -C b push -q && git -C a pull -q --ff-only && cmp a/roadmap.yaml b/roadmap.yaml && echo same
# The same field: git stops with the file in conflict; the file holds ours
# and lists the conflict; check says where; 'ldr set' resolves it and
# commits the merge, with both parents.
. tests/cli/repo.sh && cd $R && at 2016-07-14 && ldr set a C31.year=19/20 -m 'C31 later' >/dev/null && git -C a push -q && ldr set b 'C31.year=16/17 Q3' -m 'C31 sooner' >/dev/null && git -C b fetch -q && git -C b merge -q -m 'Merge origin/master' origin/master; git -C b status --short && tail -6 b/roadmap.yaml
. tests/cli/repo.sh && cd $R && ldr check --rule merge-conflict b
. tests/cli/repo.sh && cd $R && at 2016-07-15 && ldr set b C31.year=19/20 -m 'Merge: C31 as the office planned' && git -C b log --format='%h %p %s' -1 && git -C b status --short && tail -2 b/roadmap.yaml && git -C b push -q && git -C a pull -q --ff-only && cmp a/roadmap.yaml b/roadmap.yaml && echo same
# Or in the interface: C shows the conflict left by git, e edits the record
# in its form, r keeps it as edited, w concludes git's merge.
. tests/cli/repo.sh && cd $R && at 2016-07-15 && ldr set a C32.year=19/20 -m 'C32 later' >/dev/null && git -C a push -q && ldr set b 'C32.year=17/18 Q3' -m 'C32 a quarter in' >/dev/null && git -C b fetch -q && git -C b merge -q -m 'Merge origin/master' origin/master 2>/dev/null; git -C b status --short
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='C <Dump> e j j j <Enter> <C-u> "18/19" <Enter> <Esc> r <Dump> w c <Enter> <Dump>' ldr b | tail -3
. tests/cli/repo.sh && cd $R && git -C b log --format='%h %p %s' -1 && git -C b status --short && ls b/.git | grep MERGE; grep -A3 'id: C32$' b/roadmap.yaml | grep year && git -C b push -q && git -C a pull -q --ff-only && cmp a/roadmap.yaml b/roadmap.yaml && echo same
# A git merge that breaks the schedule is reported by the driver.
. tests/cli/repo.sh && cd $R && at 2016-07-16 && ldr set a P45.depends_on=P46 -m 'P45 needs P46' >/dev/null && git -C a push -q && ldr set b 'P46.end=18/19 Q3' -m 'P46 runs on' >/dev/null && git -C b fetch -q && git -C b merge -q -m 'Merge origin/master' origin/master && git -C b log --format='%h %p %s' -1
. tests/cli/repo.sh && cd $R && git -C b push -q && ldr sync a && for g in shared.git a b; do git -C $g fsck --no-dangling --no-progress 2>&1 | sed "s|^|$g: |"; done; echo fsck: ok
# Another file changed on both sides is git's to merge: the sync says so and
# changes nothing.
. tests/cli/repo.sh && cd $R && at 2016-07-17 && echo 'office' > a/NOTES && git -C a add NOTES && git -C a commit -qm 'Office notes' && ldr set a C33.notes=Agreed -m 'C33 agreed' >/dev/null && ldr sync a >/dev/null && echo 'architects' > b/NOTES && git -C b add NOTES && git -C b commit -qm 'Architects notes' && ldr set b C34.notes=Reviewed -m 'C34 reviewed' >/dev/null && git -C b rev-parse --short HEAD && ldr sync b; git -C b rev-parse --short HEAD && git -C b status --short && cat b/NOTES
. tests/cli/repo.sh && cd $R && for g in shared.git a b; do git -C $g fsck --no-dangling --no-progress 2>&1 | sed "s|^|$g: |"; done; echo fsck: ok
# The driver on its own: usage, and a version it cannot read.
ldr merge-driver one two; echo 'ldr: 1' > $T/empty.yaml; ldr merge-driver $T/empty.yaml roadmaps/derbyshire.yaml roadmaps/derbyshire.yaml roadmap.yaml

# 7. An error one side had already is not the merge's, even when the merge
# changes a value its message names: a makes P36 depend on P31, which ends
# after P36 starts (an error there already); c, a new clone, moves P31's end
# later still. Merged and pushed, nothing blamed on the merge (exit 0).
. tests/cli/repo.sh && cd $R && git clone -q file://$R/shared.git c && at 2016-07-18 && ldr set a P36.depends_on=P31 -m 'P36 needs P31' >/dev/null && ldr check --rule dep-order a | grep P36 && ldr sync a >/dev/null && at 2016-07-19 && ldr set c 'P31.end=18/19 Q2' -m 'P31 runs on' >/dev/null && ldr sync c
. tests/cli/repo.sh && cd $R && ldr check --rule dep-order c | grep P36
# The interface's sync (P) says the same: P35 on P32, then P32 later still.
. tests/cli/repo.sh && cd $R && at 2016-07-20 && ldr set a P35.depends_on=P32 -m 'P35 needs P32' >/dev/null && ldr check --rule dep-order a | grep P35 && ldr sync a >/dev/null && at 2016-07-21 && ldr set c 'P32.end=18/19 Q1' -m 'P32 runs on' >/dev/null && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='P <Dump>' ldr c | grep -A1 '^merged'
. tests/cli/repo.sh && cd $R && ldr sync a >/dev/null && cmp a/roadmap.yaml c/roadmap.yaml && echo same && for g in shared.git a c; do git -C $g fsck --no-dangling --no-progress 2>&1 | sed "s|^|$g: |"; done; echo fsck: ok
