# A scripted history of the Derbyshire roadmap, three years long, for the
# review tests: sourced after tests/cli/repo.sh, it makes the repository
# "$R/derbyshire" with the baseline as submitted (30 June 2016), then the
# quarterly updates a programme office would make with ldr set, one commit
# made by hand with plain git (a capability added), and a second baseline
# (the plan agreed for 18/19). Commit dates are pinned: the ids are stable.
set -e
r=$R/derbyshire
# The history is the setting, not what is tested: made with the plain build
# when there is one, so that the sanitizer and valgrind runs spend their time
# on the reviews.
ldr=ldr
[ -x ./ldr ] && ldr=./ldr
# (Each step's warnings of what it breaks are the interim states of a real
# history, not what is tested: shown only if the step fails.)
q() { $ldr set "$r" "$@" >/dev/null 2>"$R/set.err" || { cat "$R/set.err" >&2; return 1; }; }

at 2016-06-30
$ldr init "$r" --from roadmaps/derbyshire.yaml -m 'Derbyshire LDR v3.0 as submitted' >/dev/null
$ldr baseline submitted -m 'As submitted to NHS England, 30 June 2016' "$r" >/dev/null

# 16/17
at 2016-07-29
q C06.status=delivered C06.delivered=2016-07 UC01-A4.done=true -m 'SCR viewing live in Health & Justice settings'
at 2016-09-30
q P41.status=delivered P41.delivered=2016-09 UC01-A5.done=true 'C03.year=17/18 Q1' P39.status=dropped \
  -m 'Q2 update: community pharmacy SCR slips to 17/18 Q1; P39 not funded'
at 2016-12-20
q P11-M2.status=done C04.status=delivered C04.delivered=2016-12 'P27.end=17/18 Q2' UC08-A1.done=true \
  'C10.year=16/17 Q4' -m 'Q3 update: MIG phase 2 brought forward for C10; P27 re-phased'
at 2017-01-16
sed -i '/^universal_capabilities:$/i\
- id: C41\
  who: Care homes in the footprint\
  what: Can view the SCR\
  year: 16/17 Q4\
  group: records\
  status: firm' "$r/roadmap.yaml"
git -C "$r" commit -qam 'Add C41: care homes to view the SCR (agreed at the January board)'
at 2017-03-31
q C09.status=delivered C09.delivered=2017-03 P11.status=delivered P11-M3.status=done C14.status=delivered \
  C14.delivered=2017-02 P01.status=delivered P01.delivered=2017-03 UC01-A1.done=true UC01-A7.done=true \
  'C25.year=17/18 Q2' C23.status=dropped C10.status=delivered C41.status=delivered \
  -m 'Year-end update 16/17'
# 17/18
at 2017-05-15
q C18.status=delivered C18.delivered=2017-04 P02.status=delivered P02.delivered=2017-05 -m 'Late deliveries of 16/17'
at 2017-06-30
q 'P07.end=18/19 Q2' C03.status=delivered C03.delivered=2017-06 -m 'Q1 update 17/18'
at 2017-09-29
q C11.status=delivered C11.delivered=2017-09 P10.status=dropped C12.year=19/20 -m 'Q2 update 17/18: C12 slips'
at 2017-12-15
q 'C12.year=18/19 Q4' 'P12.end=18/19 Q1' C17.status=delivered C17.delivered=2017-12 -m 'Q3 update 17/18'
at 2018-03-28
q C21.status=delivered C21.delivered=2018-03 C29.status=delivered C29.delivered=2018-02 P20.status=delivered \
  P21.status=delivered C32.year=18/19 -m 'Year-end update 17/18'
at 2018-04-20
$ldr baseline plan-18-19 -m 'The plan for 18/19, agreed at the April board' "$r" >/dev/null
# 18/19
at 2018-06-29
q C12.year=19/20 P08.status=delivered P08.delivered=2018-06 -m 'Q1 update 18/19: C12 slips again'
at 2018-12-10
q C36.status=delivered C36.delivered=2018-11 C40.year=19/20 -m 'Q3 update 18/19'
at 2019-03-29
q P13.status=delivered P13.delivered=2019-03 C33.status=dropped -m 'Year-end update 18/19'
