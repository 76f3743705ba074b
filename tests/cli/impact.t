# What if it slips (ldr impact): the knock-on of a move on Derbyshire.
# P12 (MIG phase 2) ends two quarters later: P13 and P08 depend on it, P09
# on P08; C10 and C12, delivered by P12 and P08, miss their years; UC02
# names P12, and its 17/18 activity and ambition now come before it ends.
ldr impact roadmaps/derbyshire.yaml P12.end=+2Q
# A project's start moves the whole project, its milestones with it.
ldr impact roadmaps/derbyshire.yaml P11.start=+1Q
# An absolute time, a capability's year and an activity's quarter.
ldr impact roadmaps/derbyshire.yaml 'P12.end=18/19 Q2' C24.year=17/18 'UC01-A2.quarter=17/18 Q1'
ldr impact --json roadmaps/derbyshire.yaml P03.end=+1y
# Past the horizon (20/21).
ldr impact roadmaps/derbyshire.yaml P13.end=21/22 | tail -4
# Delivered records do not move, and are named.
ldr impact tests/cli/data/impact.yaml P1.end=+1Q
# A cycle stops the knock-on and says so.
ldr impact tests/cli/data/impact.yaml C1.year=+1y
ldr impact tests/cli/data/impact.yaml P9.end=+1Q
# Refused: what cannot move, a move that is not one, a record not there.
ldr impact roadmaps/derbyshire.yaml P12.name=+2Q
ldr impact roadmaps/derbyshire.yaml P12.end=+2w
ldr impact roadmaps/derbyshire.yaml P99.end=+2Q
ldr impact roadmaps/derbyshire.yaml
ldr impact -m 'why' roadmaps/derbyshire.yaml P12.end=+2Q
# --apply: one commit, its message listing every move; plain git reads it.
. tests/cli/repo.sh && ldr init $R/d --from roadmaps/derbyshire.yaml >/dev/null && ldr impact --apply -m 'MIG phase 2 slips two quarters' $R/d P12.end=+2Q | tail -1 | cut -c1-9 && git -C $R/d log -1 --format=%B && ldr check $R/d --rule dep-order | tail -1 | sed "s|$R|R|"
. tests/cli/repo.sh && ldr stat $R/d >/dev/null && sed -n '/^- id: P08$/,/^- id: P09$/p' $R/d/roadmap.yaml | grep -E '^  (start|end):|ldr impact'; git -C $R/d status --short
. tests/cli/repo.sh && rm -rf $R
