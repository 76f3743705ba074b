# Sign-off (ldr signoff): who approved which plan, recorded as an annotated
# tag on HEAD; read back with plain git, shown by ldr log, required by
# --signed. On a throw-away repository of Derbyshire.
. tests/cli/repo.sh && cp roadmaps/derbyshire.yaml $R/d.yaml && cd $R && ldr init r --from d.yaml >/dev/null && echo made
. tests/cli/repo.sh && cd $R && at 2016-06-28 && ldr signoff r --as 'Programme Board' -m 'Approved at the board of 28 June 2016'
# Plain git reads it: the tag, its tagger (the committer's identity), its
# date, the commit it names, its message; and the repository is sound.
. tests/cli/repo.sh && cd $R/r && git tag -n9 -l 'signoff/*'
. tests/cli/repo.sh && cd $R/r && git for-each-ref --format='%(refname:short) %(objecttype) %(taggername) %(taggeremail) %(taggerdate:iso) -> %(*objectname:short) %(*objecttype)' refs/tags/signoff && git rev-parse --short HEAD
. tests/cli/repo.sh && cd $R/r && git fsck --strict --no-dangling 2>&1 && echo fsck clean
# The approver's name from git's configuration when the environment gives
# none, as for ldr's commits; the same role twice on one day gets -2.
. tests/cli/repo.sh && cd $R && at 2016-06-28 && git -C r config user.name 'Sam Chief' && git -C r config user.email cio@example.org && env -u GIT_COMMITTER_NAME -u GIT_COMMITTER_EMAIL ldr signoff r --as CIO && ldr signoff r --as 'programme board' && git -C r for-each-ref --format='%(refname:short) %(taggername) %(taggeremail)' refs/tags/signoff
# ldr signoff --list, ldr log (text and JSON); sign-offs are not baselines.
. tests/cli/repo.sh && cd $R && ldr signoff --list r
. tests/cli/repo.sh && cd $R && at 2016-09-30 && ldr set r C12.year=19/20 -m 'Q2 update: C12 slips a year' >/dev/null && ldr log r
. tests/cli/repo.sh && cd $R && ldr log --json r | grep -o '"signoffs": \[{"tag": "signoff/2016-06-28-cio", "name": "Sam Chief", "email": "cio@example.org", "role": "CIO", "date": "2016-06-28T12:00:00+00:00", "message": ""}' ; ldr log --json r | grep -c signoffs
. tests/cli/repo.sh && cd $R && ldr baseline --list r; echo "exit $?"
# --signed: a baseline, and a review, want a plan someone signed off. HEAD
# (the Q2 update) is not; the first commit is.
. tests/cli/repo.sh && cd $R && ldr baseline q2 --signed r; echo "exit $?"; git -C r tag -l q2
. tests/cli/repo.sh && cd $R && ldr review --baseline HEAD --signed --year 16/17 --as-of 2017-03 r; echo "exit $?"
. tests/cli/repo.sh && cd $R && ldr review --baseline HEAD~1 --signed --year 16/17 --as-of 2017-03 r | head -1
. tests/cli/repo.sh && cd $R && ldr review --baseline nope --signed --year 16/17 r; echo "exit $?"
# Refused: changes not committed (exit 2), errors (exit 1) unless --force,
# no role, a role that cannot be one, a baseline named as a sign-off.
. tests/cli/repo.sh && cd $R && echo '# a note' >> r/roadmap.yaml && ldr signoff r --as CIO; echo "exit $?"; git -C r checkout -q roadmap.yaml
. tests/cli/repo.sh && cd $R && at 2016-10-01 && ldr set r P08.end=16/17 -m 'P08 ends before it starts' >/dev/null 2>&1; ldr signoff r --as CIO; echo "exit $?"; ldr signoff r --as CIO --force -m 'approved, errors and all'
. tests/cli/repo.sh && cd $R && ldr signoff r; ldr signoff r --as '!!!'; ldr signoff r --as "$(printf 'a\nb')"; ldr signoff --list --as CIO r; ldr baseline signoff/mine r; git -C r tag -l 'signoff/*' | wc -l
# The board report says who signed off the plan it shows and its baseline.
. tests/cli/repo.sh && cd $R && ldr report -o $OLDPWD/$T/board.html --baseline HEAD~2 --year 16/17 --as-of 2017-03 r && grep -o '<p class="meta signoff">[^<]*</p>' $OLDPWD/$T/board.html && /usr/bin/python3 $OLDPWD/tests/cli/report_check.py $OLDPWD/$T/board.html 'Pat Office as Programme Board' 'This plan: signed off by Pat Office as CIO' >/dev/null && echo report checked
# The interface's History view: the roles beside the message, each sign-off
# in the detail pane and in the commit's text (Enter).
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=120x30 LDR_TUI_KEYS='8 G <Dump> <Enter> <Dump>' ldr r | grep -iE 'signed off|sign-off'
. tests/cli/repo.sh && rm -rf $R
