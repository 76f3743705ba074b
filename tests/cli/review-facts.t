# The year-end review tells the truth on a history made as a programme
# office makes one (tests/cli/data/facts.sh): with 'ldr set' on today's clock,
# deliveries recorded after the fact. Reviewed for 16/17 as of 2017-04, with
# what was planned read from the baseline and what happened from the
# recorded facts:
#   C03 delivered 2017-02, recorded later       on time
#   C04 delivered 2017-06                        overdue, delivered after the review date
#   C09 delivered 16/17 (a year)                 on time
#   UC01-A3 done at the baseline, no date        on time, done before the plan
#   UC01-A7 done 2017-03                         on time
#   P01 delivered, no date                       undated, with a fix to run
#   C25 16/17 -> 17/18 Q2                        slipped 2 quarters, and why
#   P39 dropped                                  dropped, and by which commit
#   C10 brought forward, C41 new                 added
#   C24 moved five times                         slipped 2 quarters, the moves summarised
#   C31 slipped on a branch merged with git      slipped, by the branch's commit (not the merge)
# Commit ids and dates change on every run: tests/cli/data/commits.sed hides them.
. tests/cli/repo.sh && . tests/cli/data/facts.sh && git -C $R/d log --format=%s | head -4 && git -C $R/d log --format=%ad --date=format:%Y | awk '$1 < 2020' | wc -l
. tests/cli/repo.sh && cd $R && ldr review --baseline plan --year 16/17 --as-of 2017-04 d | sed -Ef $OLDPWD/tests/cli/data/commits.sed
. tests/cli/repo.sh && cd $R && ldr review --baseline plan --year 16/17 --as-of 2017-04 --json d | /usr/bin/python3 $OLDPWD/tests/cli/review_json.py C03 C04 C09 UC01-A3 UC01-A7 P01 C25 P39 C10 C41 C24
. tests/cli/repo.sh && cd $R && ldr review --baseline plan --year 16/17 --as-of 2017-04 --csv - d | grep -E '^"id"|^"(C03|C04|C09|UC01-A3|UC01-A7|P01|C25|P39|C10|C41|C24)"' | sed -Ef $OLDPWD/tests/cli/data/commits.sed
# The same verdicts in the interface's Review (9), against the newest
# baseline: by default for the year of the review date (17/18 as of
# 2017-04), then for 16/17 (p); Enter on C25 and C24 shows why they slipped,
# T the totals of each capability group; the detail pane C03's.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=100x12 LDR_TUI_KEYS='9 <Dump>' ldr --as-of 2017-04 d | sed -Ef $OLDPWD/tests/cli/data/commits.sed
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=100x72 LDR_TUI_KEYS='9 p 16/17 <Enter> <Dump> /C25 <Enter> <Enter> <Dump> <Esc> /C24 <Enter> <Enter> <Dump> <Esc> T <Dump> <Esc> /C03 <Enter> <Dump>' ldr --as-of 2017-04 d | sed -Ef $OLDPWD/tests/cli/data/commits.sed
# The issue's examples: UC01-A3 (done at the baseline) as of 2017-01 and as
# of 2026-12 is done before the plan, never late; C05 (delivered 16/17 at the
# baseline) is on time as of 2017-01.
. tests/cli/repo.sh && cd $R && for a in 2017-01 2026-12; do ldr review --baseline plan --year 16/17 --as-of $a d | grep -E '^  (UC01-A3|C05) '; done
# Without --as-of, the review is as at the roadmap's as_at (2017-01), which
# leaves the later deliveries out, and it says so.
. tests/cli/repo.sh && cd $R && ldr review --baseline plan d 2>&1 >/dev/null
# Changes not committed are part of what happened, and said so.
. tests/cli/repo.sh && cd $R && sed -i '/^- id: C31$/a\  delivered: 2017-03' d/roadmap.yaml && ldr review --baseline plan --year 16/17 --as-of 2017-04 d 2>&1 | grep -E '^What|^  C31 |not committed' | sed -Ef $OLDPWD/tests/cli/data/commits.sed; git -C d checkout -q roadmap.yaml
# Refused, with the reason: a baseline newer than the review date, a period
# outside the roadmap's horizon, a baseline that is not there.
. tests/cli/repo.sh && cd $R && ldr review --baseline plan --year 16/17 --as-of 2016-12 d
. tests/cli/repo.sh && cd $R && ldr review --baseline plan --year 25/26 d
. tests/cli/repo.sh && cd $R && ldr review --baseline plans --year 16/17 d
. tests/cli/repo.sh && rm -rf $R
