# The year-end review on a scripted history of the Derbyshire roadmap
# (tests/cli/data/history.sh): a baseline as submitted, then three years of
# re-phasings, deliveries, drops and an addition.
#
# Worked out by hand for 16/17 as of 2017-03: due at the baseline, 12
# capabilities (C03 C04 C05 C06 C08 C09 C14 C18 C23 C24 C25 C31), 16
# projects ending in 16/17, 4 milestones and 27 activities: 59. On time 20
# (C04 C05 C06 C08 C09 C14; P01 P11 P41; P11-M1 P11-M3; the 5 activities done
# at submission, UC01-A4 A5 A1 A7), early 2 (P11-M2 and UC08-A1, done in
# December for Q4), slipped 3 (C03 1 quarter, C25 2, P27 2), dropped 2 (C23,
# P39), open 32 (C18 and P02 were delivered after March), so 22 of 59
# delivered: 37%. Added: C10 (brought forward from 17/18) and C41 (a plain
# git commit). As of 2018-03, C03, P02 and C18 count as delivered late.
. tests/cli/repo.sh && . tests/cli/data/history.sh && cd $R && ldr log derbyshire
. tests/cli/repo.sh && cd $R && ldr baseline --list derbyshire
. tests/cli/repo.sh && cd $R && ldr review --baseline submitted --year 16/17 --as-of 2017-03 derbyshire
. tests/cli/repo.sh && cd $R && ldr review --baseline submitted --year 16/17 --as-of 2017-03 --json derbyshire
. tests/cli/repo.sh && cd $R && ldr review --baseline submitted --year 16/17 --as-of 2017-03 --csv review.csv derbyshire && cat review.csv
# A later date: the late deliveries of 16/17 now count, late.
. tests/cli/repo.sh && cd $R && ldr review --baseline submitted --year 16/17 --as-of 2018-03 derbyshire | sed -n '/^Totals/,$p'
. tests/cli/repo.sh && cd $R && ldr review --baseline submitted --quarter '16/17 Q2' --as-of 2016-09 derbyshire
. tests/cli/repo.sh && cd $R && ldr review --baseline plan-18-19 --year 18/19 --as-of 2019-03 derbyshire
. tests/cli/repo.sh && cd $R && ldr log --record C12 derbyshire
# Without --as-of, the review is as at the roadmap's as_at (2017-01 in the
# Derbyshire file), as 'ldr check' is; the year is that date's.
. tests/cli/repo.sh && cd $R && ldr review --baseline submitted derbyshire | head -1 && ldr review --baseline submitted --json derbyshire | grep -E '"as_of"|"period"'
# Usage and errors.
. tests/cli/repo.sh && cd $R && ldr review --year 16/17 derbyshire
. tests/cli/repo.sh && cd $R && ldr review --baseline submitted --year 16/17 --quarter '16/17 Q1' derbyshire
. tests/cli/repo.sh && cd $R && ldr review --baseline submitted --year 2016 derbyshire
. tests/cli/repo.sh && cd $R && ldr review --baseline nope --year 16/17 derbyshire
. tests/cli/repo.sh && cd $R && ldr baseline submitted derbyshire
. tests/cli/repo.sh && cd $R && echo '# a note' >> derbyshire/roadmap.yaml && ldr baseline later derbyshire; echo "exit $?"; git -C derbyshire checkout -q roadmap.yaml
. tests/cli/repo.sh && cd $R && git -C derbyshire fsck --strict --no-dangling && git -C derbyshire log --oneline | wc -l
. tests/cli/repo.sh && rm -rf $R
