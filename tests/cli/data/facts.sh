# A history of the Derbyshire roadmap made as a programme office makes one:
# with 'ldr set', on today's clock (no commit dates made by hand), deliveries
# recorded weeks or months after they happened. Sourced after
# tests/cli/repo.sh, it makes "$R/d": the baseline 'plan', then one commit
# for each thing the year-end review of 16/17 has to get right. The review
# must judge every one of them from the recorded facts, whatever the commit
# dates are.
set -e
unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE
r=$R/d
# The history is the setting, not what is tested: made with the plain build
# when there is one (see history.sh).
ldr=ldr
[ -x ./ldr ] && ldr=./ldr
q() { $ldr set "$r" "$@" >/dev/null 2>"$R/set.err" || { cat "$R/set.err" >&2; return 1; }; }

$ldr init "$r" --from roadmaps/derbyshire.yaml -m 'Derbyshire LDR v3.0 as submitted' >/dev/null
$ldr baseline plan -m 'The plan approved by the board' "$r" >/dev/null
# Delivered before the review date, recorded after it.
q C03.status=delivered C03.delivered=2017-02 -m 'C03: community pharmacies view the SCR since February'
# Delivered after the review date.
q C04.status=delivered C04.delivered=2017-06 -m 'C04 went live in June'
# Delivered in a year, the month not known.
q C09.status=delivered C09.delivered=16/17 -m 'C09 was delivered during 16/17'
# Delivered, the date not recorded.
q P01.status=delivered -m 'POLAR optimisation complete'
# A slip of two quarters, with its reason.
q 'C25.year=17/18 Q2' -m 'Board: C25 slips two quarters, the supplier is late'
# A drop.
q P39.status=dropped -m 'P39 is not funded'
# Brought forward into the period, and a new capability.
q 'C10.year=16/17 Q4' -m 'C10 brought forward with MIG phase 2'
sed -i '/^universal_capabilities:$/i\
- id: C41\
  who: Care homes in the footprint\
  what: Can view the SCR\
  year: 16/17 Q4\
  group: records' "$r/roadmap.yaml"
q C41.status=firm -m 'Add C41: care homes to view the SCR'
# An activity done, with its date; UC01-A3 was done at the baseline already.
q UC01-A7.done=true UC01-A7.delivered=2017-03 -m 'UC01-A7: MIG rolled out to the other CCG areas'
# A long drift: C24 moved five times, back and forth.
for y in 17/18 '16/17 Q4' '17/18 Q3' 18/19 '17/18 Q2'; do
	q "C24.year=$y" -m "Re-phase C24 to $y"
done
# Two lines of work merged with plain git: C31 slips on a branch, P40 on
# the main line; each move is the work of its own commit, not the merge's.
git -C "$r" checkout -q -b architects
q 'C31.year=17/18 Q1' -m 'C31 waits for the e-Whiteboard upgrade'
git -C "$r" checkout -q master
q 'P40.end=17/18 Q1' -m 'P40 re-phased with the ECS tender'
git -C "$r" merge -q --no-edit architects >/dev/null
