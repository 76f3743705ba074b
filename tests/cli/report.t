# The board report (ldr report): one HTML file, read here as a reader, a
# printer and a screen reader need it (tests/cli/report_check.py fails on a
# script, a fetch, an image without alternative text, a table without
# headers, a skipped heading level; it prints the outline). Rendered in
# Chromium, to PNG and to PDF on A4 and A3, by tests/report/render.sh.
# Derbyshire with three years of history (tests/cli/data/history.sh),
# reviewed for 16/17 as of 2017-04 against the baseline as submitted.
. tests/cli/repo.sh && . tests/cli/data/history.sh && cd $R && ldr report -o $OLDPWD/$T/derbyshire.html --as-of 2017-04 --year 16/17 --baseline submitted derbyshire && /usr/bin/python3 $OLDPWD/tests/cli/report_check.py $OLDPWD/$T/derbyshire.html 'Derbyshire Local Digital Roadmap: board report' 'against the baseline' 'slipped 2 quarters' "'Year-end update 16/17'" 'ldr set derbyshire P11.delivered=YYYY-MM' 'Checks:'
# Without --baseline, the newest baseline tag; as of the roadmap's as_at.
. tests/cli/repo.sh && cd $R && ldr report -o $OLDPWD/$T/newest.html derbyshire && /usr/bin/python3 $OLDPWD/tests/cli/report_check.py $OLDPWD/$T/newest.html "against the baseline 'plan-18-19'" | sed -n 1,4p
# A roadmap not in a repository: no review, and it says so.
ldr report -o $T/illustration.html roadmaps/annex2-illustration.yaml && /usr/bin/python3 tests/cli/report_check.py $T/illustration.html 'no baseline to review against'
# Hostile text stays text.
ldr report -o $T/hostile.html tests/export/data/hostile.yaml 2>/dev/null; /usr/bin/python3 tests/cli/report_check.py $T/hostile.html '<script>' >/dev/null && echo inert
# 'ldr export all' writes it too, with the capabilities' Gantt chart and the
# projects' against the newest baseline.
. tests/cli/repo.sh && cd $R && ldr export all -o $OLDPWD/$T/all derbyshire | sed "s|$OLDPWD/$T|T|" | grep -E 'gantt|report'
# Refused: no output, a baseline that is not there, one without a repository.
ldr report roadmaps/annex2-illustration.yaml
. tests/cli/repo.sh && cd $R && ldr report -o $OLDPWD/$T/x.html --baseline nope derbyshire; echo "exit $?"; ls $OLDPWD/$T/x.html 2>&1 | sed "s|$OLDPWD/$T|T|"
ldr report -o $T/y.html --baseline plan roadmaps/annex2-illustration.yaml
. tests/cli/repo.sh && rm -rf $R
