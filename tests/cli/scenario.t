# Scenarios (ldr scenario): what-ifs kept as branches scenario/NAME beside
# the plan, on a throw-away copy of Derbyshire in a repository. After each
# step plain git must accept the repository, and the plan (HEAD, the file,
# the index) must be as it was until a scenario is merged.
. tests/cli/repo.sh && ldr init $R/d --from roadmaps/derbyshire.yaml | sed "s|$R|R|" && ldr baseline submitted $R/d | cut -c1-40 && git -C $R/d rev-parse HEAD >$T/plan
# None yet.
. tests/cli/repo.sh && ldr scenario list $R/d
# new: a branch at the plan's commit, which git lists.
. tests/cli/repo.sh && ldr scenario new p12-slips $R/d && git -C $R/d branch --list 'scenario/*' && git -C $R/d fsck --no-progress && git -C $R/d status --short
# Refused: a scenario there already (2); names that cannot be one (64, before any repository is read); no name; no action or an unknown one; --force but for drop.
. tests/cli/repo.sh && ldr scenario new p12-slips $R/d
ldr scenario new 'bad name' roadmaps/derbyshire.yaml
ldr scenario new ../up roadmaps/derbyshire.yaml
ldr scenario new p12.lock roadmaps/derbyshire.yaml
ldr scenario new -- -x roadmaps/derbyshire.yaml
ldr scenario diff
ldr scenario
ldr scenario frob
ldr scenario list --force
ldr scenario diff --json p12-slips roadmaps/derbyshire.yaml
# impact --apply --scenario: the knock-on is committed on the scenario's branch only; the plan's HEAD, its file and the index are as they were.
. tests/cli/repo.sh && at 2016-06-02 && ldr impact --apply --scenario p12-slips -m 'MIG phase 2 slips two quarters' $R/d P12.end=+2Q | tail -1
. tests/cli/repo.sh && git -C $R/d status --short && test "$(git -C $R/d rev-parse HEAD)" = "$(cat $T/plan)" && echo "HEAD is the plan as it was" && ldr diff $R/d && git -C $R/d log --format='%h %p %s' scenario/p12-slips && git -C $R/d fsck --no-progress
# The commit's message lists every move; its tree differs from the plan's only in the roadmap.
. tests/cli/repo.sh && git -C $R/d log -1 --format=%B scenario/p12-slips | head -4 && git -C $R/d diff --stat HEAD scenario/p12-slips | tail -1
# impact --scenario without --apply reads the scenario (P13 ends in 19/20 Q2 there), writes nothing.
. tests/cli/repo.sh && ldr impact --scenario p12-slips $R/d P13.end=+1Q | head -2 && git -C $R/d log --format=%h -1 scenario/p12-slips
# list: the tip, its day and age, where it stands against the plan (the age is masked: it counts days to today).
. tests/cli/repo.sh && ldr scenario list $R/d | sed 's/([0-9]* days\{0,1\} ago)/(N days ago)/'
# diff: what the scenario changes, from where it left the plan.
. tests/cli/repo.sh && ldr scenario diff p12-slips $R/d
# ldr diff with the scenario: against HEAD, against the baseline (JSON), and the branch as a revision.
. tests/cli/repo.sh && ldr diff --scenario p12-slips $R/d | head -3
. tests/cli/repo.sh && ldr diff --json --scenario p12-slips submitted $R/d | head -3 | cut -c1-80
. tests/cli/repo.sh && ldr diff scenario/p12-slips HEAD $R/d | tail -1
. tests/cli/repo.sh && ldr diff --scenario p12-slips HEAD HEAD $R/d
# ldr review with the scenario: the what-if against the baseline, the scenario's commit its reason.
. tests/cli/repo.sh && ldr review --baseline submitted --scenario p12-slips --year 17/18 --as-of 2017-03 $R/d | sed -n '1,2p;/^  C10 /,/why/p'
. tests/cli/repo.sh && ldr review --json --baseline submitted --scenario p12-slips --year 17/18 --as-of 2017-03 $R/d | grep -o '"facts": {[^}]*}[^}]*}'
# Unknown scenarios, said with those there are.
. tests/cli/repo.sh && ldr scenario diff p12-slip $R/d
. tests/cli/repo.sh && ldr impact --scenario nope $R/d P12.end=+1Q
. tests/cli/repo.sh && ldr review --baseline submitted --scenario nope $R/d
. tests/cli/repo.sh && ldr merge scenario/nope $R/d
ldr review --baseline submitted --scenario 'a b' roadmaps/derbyshire.yaml
# drop refuses a scenario whose commits the plan does not have.
. tests/cli/repo.sh && ldr scenario drop p12-slips $R/d
# merge: the plan has not moved since, so it takes the scenario's commit (a fast-forward); the file and the index follow.
. tests/cli/repo.sh && ldr merge scenario/p12-slips $R/d | sed -n '1,3p;$p' && git -C $R/d status --short && git -C $R/d log --format='%h %s' -2 && git -C $R/d fsck --no-progress
. tests/cli/repo.sh && ldr merge scenario/p12-slips $R/d
# Merged: 0 ahead, and drop takes it.
. tests/cli/repo.sh && ldr scenario list $R/d | sed 's/([0-9]* days\{0,1\} ago)/(N days ago)/' && ldr scenario drop p12-slips $R/d && git -C $R/d branch --list 'scenario/*'
# A merge by meaning: the plan moved on (P01 renamed) and the scenario too (P03 slips): committed with two parents.
. tests/cli/repo.sh && at 2016-06-03 && ldr scenario new p03-slips $R/d >/dev/null && ldr impact --apply --scenario p03-slips $R/d P03.end=+1Q | tail -1 && ldr set $R/d P01.name='POLAR' -m 'P01 renamed'
. tests/cli/repo.sh && ldr scenario list $R/d | sed 's/([0-9]* days\{0,1\} ago)/(N days ago)/' && ldr scenario diff p03-slips $R/d | sed -n '1p;$p'
. tests/cli/repo.sh && ldr scenario list --json $R/d | sed 's/"age_days": [0-9]*/"age_days": N/'
. tests/cli/repo.sh && at 2016-06-04 && ldr merge scenario/p03-slips $R/d && git -C $R/d log --graph --format='%h %s' -4 && git -C $R/d status --short && git -C $R/d fsck --no-progress && grep -A1 '^  name: POLAR$' $R/d/roadmap.yaml
# Conflicts: the scenario and the plan move P12's end differently; nothing changes.
. tests/cli/repo.sh && at 2016-06-05 && ldr scenario new clash $R/d >/dev/null && ldr impact --apply --scenario clash $R/d P12.end=+1Q | tail -1 && (cd $R && ldr set d 'P12.end=18/19 Q4' -m 'P12 ends later') && git -C $R/d rev-parse HEAD >$T/plan
. tests/cli/repo.sh && (cd $R && ldr merge scenario/clash d); echo "exit status $?"; test "$(git -C $R/d rev-parse HEAD)" = "$(cat $T/plan)" && git -C $R/d status --short && echo "nothing changed"
# Dirty states: a merge refuses changes not committed; a scenario is made from the plan as committed (said); a commit on a scenario leaves the file's changes alone.
. tests/cli/repo.sh && echo '# a note' >>$R/d/roadmap.yaml && cd $R && ldr merge scenario/clash d
. tests/cli/repo.sh && cd $R && ldr scenario new dirty d
. tests/cli/repo.sh && ldr impact --apply --scenario dirty $R/d P11.start=+1Q | tail -1 && git -C $R/d status --short && tail -1 $R/d/roadmap.yaml && git -C $R/d checkout -q -- roadmap.yaml
# The branch checked out is never dropped; --force drops commits not merged, and says how to bring them back.
. tests/cli/repo.sh && git -C $R/d switch -q scenario/dirty && ldr scenario drop --force dirty $R/d; git -C $R/d switch -q -
. tests/cli/repo.sh && ldr scenario drop --force dirty $R/d && ldr scenario drop clash $R/d
. tests/cli/repo.sh && ldr scenario drop --force clash $R/d && ldr scenario list $R/d | sed 's/([0-9]* days\{0,1\} ago)/(N days ago)/' && git -C $R/d branch --list && git -C $R/d fsck --no-progress
# Plain git merges a scenario's branch too, with the driver 'ldr setup' registers: the conflict is recorded in the file for the interface.
. tests/cli/repo.sh && ldr scenario new late $R/d >/dev/null && ldr impact --apply --scenario late $R/d P12.end=+1Q | tail -1 && ldr set $R/d 'P12.end=19/20 Q2' >/dev/null 2>&1 && (cd $R/d && ldr setup >/dev/null && { git merge -q --no-edit scenario/late >/dev/null 2>&1; echo "git merge: exit $?"; } && grep -A4 '^conflicts:' roadmap.yaml && git merge --abort && git status --short && git fsck --no-progress --no-dangling)
. tests/cli/repo.sh && rm -rf $R
