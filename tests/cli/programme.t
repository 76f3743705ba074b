# A programme plan (footprint.kind: programme) in the style of a national
# delivery plan: roadmaps/programme.yaml, written for these tests.
#
# The rule profile: the LDR-only rules (universal capabilities, checklist,
# first-year firmness, orphan) are off; those of plans find a milestone
# done with no date (FD-02), two overdue (FD-04, the business case), a
# checkpoint after its milestone (SCR-03's of 2023-02), a "from" after its
# programme ends (UC-02) and a "tbc" older than the six months of the rules:
# block (UC-01, nine months after the plan of 2021-12). Nothing due "from"
# a time or "tbc" is overdue; horizon is switched off in the file.
ldr check roadmaps/programme.yaml
ldr check --json roadmaps/programme.yaml | sed -n '/"counts"/,$p'
# The profile, as --list-rules --json gives it: the rules only an LDR answers.
ldr check --list-rules --json | grep '"ldr_only": true' | cut -d'"' -f4 | tr '\n' ' '; echo
# The same plan read as a Local Digital Roadmap: the LDR-only rules flood it.
sed '/^  kind: programme$/d' roadmaps/programme.yaml >$T/as-ldr.yaml && ldr check $T/as-ldr.yaml | tail -1 && ldr check --json $T/as-ldr.yaml | sed -n '/"counts"/,$p' | grep -E '"(uc-[a-z]*|checklist|orphan|firm)":'
# --rule ID=on|off switches a rule over the profile and the file's block;
# --rule ID alone still runs only that rule; a word other than on or off is
# a usage error.
ldr check --json --rule orphan=on,overdue=off roadmaps/programme.yaml | sed -n '/"counts"/,$p' | grep -E '"(orphan|overdue|uc-missing)":'
ldr check --rule horizon=on,tbc-old roadmaps/programme.yaml
ldr check --rule tbc-old=maybe roadmaps/programme.yaml
# The file's rules: block: a rule it names must exist; a rule switched off
# there with its reason stays off; months changes tbc-old's allowance.
sed 's/^- rule: horizon$/- rule: horizn/' roadmaps/programme.yaml >$T/typo.yaml && ldr check --rule unknown-ref $T/typo.yaml
sed 's/^  months: 6$/  months: 12/' roadmaps/programme.yaml >$T/year.yaml && ldr check --rule tbc-old $T/year.yaml
sed 's/^- rule: horizon$/- rule: overdue/' roadmaps/programme.yaml >$T/quiet.yaml && ldr check $T/quiet.yaml | tail -1 && ldr check --json $T/quiet.yaml | grep -c '"rule": "overdue"'; ldr check --json --rule overdue=on $T/quiet.yaml | grep -c '"rule": "overdue"'
# Commitments as written: a due may be a time, "by" or "from" a time, or
# tbc; anything else is refused with its position.
printf 'ldr: 1\nfootprint:\n  name: X\n  kind: programme\n  start: 21/22\n  end: 22/23\nprojects:\n- id: P\n  name: P\n  milestones:\n  - {id: M1, what: a, due: by}\n  - {id: M2, what: b, due: from soon}\n  - {id: M3, what: c, due: tbc 2022}\n  - id: M4\n    what: d\n    checkpoints:\n    - {when: 2022-01, what: x}\n    - {when: 2022-01, what: y}\n' >$T/bad.yaml && ldr check $T/bad.yaml
printf 'ldr: 1\nfootprint:\n  name: X\n  kind: ldr\n  start: 21/22\n  end: 22/23\n  deliverd: 2022-01\n' >$T/typo2.yaml && ldr check $T/typo2.yaml
printf 'ldr: 1\nfootprint:\n  name: X\n  kind: plan\n  start: 21/22\n  end: 22/23\nrules:\n- {rule: overdue, enabled: no}\n' >$T/kind.yaml && ldr check $T/kind.yaml
# fmt: the plan is canonical, and a loose copy comes back to it byte for
# byte (multi-line commitments, checkpoints, by, from, tbc, the rules).
ldr fmt --check roadmaps/programme.yaml && echo canonical
sed -e 's/^    due: by 2021-11$/    due: By  November 2021/' -e 's/^    due: from 2023-03$/    due: "from Mar 2023"/' -e 's/^    due: tbc$/    due: TBC/' -e 's/^  kind: programme$/  kind: "programme"/' roadmaps/programme.yaml >$T/loose.yaml && ldr fmt $T/loose.yaml && cmp $T/loose.yaml roadmaps/programme.yaml && echo same bytes
ldr fmt - <roadmaps/programme.yaml | cmp - roadmaps/programme.yaml && echo same from stdin
# Saves keep every other commitment byte for byte: a delivery recorded, a
# date confirmed (kept as written, "by"), a commitment rewritten over two lines.
. tests/cli/repo.sh && ldr init $R/p --from roadmaps/programme.yaml >/dev/null && ldr baseline published $R/p >/dev/null && at 2022-10-03 && ldr set $R/p FD-04.status=done FD-04.delivered=2022-09 'UC-01.due=by March 2024' "UC-02.what=$(printf 'Ambulance services hand over\npatient records electronically.')" -m 'Board of October: FD-04 delivered, UC-01 confirmed' && git -C $R/p diff HEAD~1 --stat && git -C $R/p diff HEAD~1 | grep '^[-+] '
. tests/cli/repo.sh && ldr diff HEAD~1 HEAD $R/p
. tests/cli/repo.sh && git -C $R/p show HEAD~1:roadmap.yaml | cmp - roadmaps/programme.yaml && echo the first commit is the file
# A checkpoint is set by its milestone and time, as the diff names it.
. tests/cli/repo.sh && at 2022-10-04 && ldr set $R/p 'FD-03.checkpoints[by 2023-03].status=done' 'FD-03.checkpoints[by 2023-03].delivered=2022-09' -m '65% reached early' && git -C $R/p diff HEAD~1 | grep '^[-+] '
. tests/cli/repo.sh && ldr set $R/p 'FD-03.checkpoints[by 2023-04].status=done'
# The review counts milestones and checkpoints from their recorded
# delivered dates (FD-03's of March 2023 early, in September), lists the from and tbc commitments apart (never
# overdue), and wraps an id too long for its column instead of cutting it.
. tests/cli/repo.sh && ldr review --baseline published --year 22/23 --as-of 2022-10 $R/p
. tests/cli/repo.sh && ldr review --baseline published --year 22/23 --as-of 2022-10 --json $R/p | python3 -c 'import json, sys; r = json.load(sys.stdin); print(sorted(set(i["kind"] for i in r["items"]))); print(r["all"]); print([(a["id"], a["due"], a["state"]) for a in r["apart"]])'
. tests/cli/repo.sh && ldr review --baseline published --year 22/23 --as-of 2022-10 --csv - $R/p | python3 -c 'import csv, io, sys; [print(r["id"], r["kind"], r["planned"], r["now"], r["outcome"], sep=", ") for r in csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline=""))]'
# Exports: the milestones for a programme board (one row per milestone and
# checkpoint; the workbook's frozen header, filter and drop-down are checked
# in tests/export), the Gantt chart (its picture in tests/svg), and no empty
# tube map, Annex 2, Annex 4 or trajectory: the command says why, exit 64,
# nothing written.
ldr export milestones -o $T/m.csv roadmaps/programme.yaml && cat $T/m.csv
ldr export milestones -o $T/m.xlsx roadmaps/programme.yaml && /usr/bin/python3 tests/export/check_xlsx.py milestones $T/m.xlsx
ldr export gantt -o $T/g.svg roadmaps/programme.yaml && grep -o '<title id="title">[^<]*' $T/g.svg && grep -c 'class="checkpoint' $T/g.svg
ldr export tubemap -o $T/t.svg roadmaps/programme.yaml; echo "exit $?"; test -e $T/t.svg || echo nothing written
for k in annex2.xlsx annex4.xlsx trajectory.svg; do ldr export ${k%.*} -o $T/x.${k#*.} roadmaps/programme.yaml; echo "exit $?"; done; ls $T | grep '^x\.' || echo none written
# Every export it has, without the empty ones (no capabilities' chart either).
ldr export all -o $T/all roadmaps/programme.yaml | sed "s|$T|T|" | sort
grep -o '<h1>[^<]*' $T/all/*-report.html
# The board report's overdue table names checkpoints as the checks do.
ldr report --as-of 2023-06 -o $T/late.html roadmaps/programme.yaml && python3 -c 'import re, sys; s = open(sys.argv[1]).read(); i = s.find("Overdue as at"); print(re.sub(r"\s+", " ", re.sub("<[^>]+>", " ", s[i:s.find("</table>", i)])))' $T/late.html
ldr export milestones -o $T/m.pdf roadmaps/programme.yaml 2>&1 | grep '^  milestones'
# The interface opens a plan without capabilities on its programmes, and
# says the plan's title on the status line.
LDR_TUI_SIZE=100x24 LDR_TUI_KEYS='<Dump>' ldr roadmaps/programme.yaml | sed -n '1,5p;24p'
# Its timeline: milestones as diamonds, their checkpoints as ticks.
LDR_TUI_SIZE=100x12 LDR_TUI_KEYS='4 <Dump>' ldr roadmaps/programme.yaml | sed -n '2,9p'
# What if a commitment due from a time moves: the word stays.
. tests/cli/repo.sh && ldr impact $R/p 'SCR-02.due=+1Q'
. tests/cli/repo.sh && rm -rf $R
