# ldr import: the command line; a sheet merged into a roadmap repository as
# one commit, shown as 'ldr diff' shows it; a plain file; refusals; every
# bad cell listed by sheet and cell, and nothing written. (The round trip
# of every kind is tests/import/run.sh; workbooks ldr did not write,
# tests/cli/import-foreign.t.)
ldr help import
ldr import
ldr import annex3 x.csv -o y.yaml
ldr import annex2
ldr import annex2 x.csv
ldr import annex2 x.csv -o y.yaml --into roadmaps/derbyshire.yaml
ldr import annex2 x.csv -o y.yaml -m 'why'
ldr import annex2 x.csv --into
ldr import annex2 x.csv -o y.yaml --sheets A
ldr import annex2 x.csv y.csv -o y.yaml
# -o never replaces a file, and writes nothing on a dry run.
ldr export annex2 -o $T/d.csv roadmaps/derbyshire.yaml && cp roadmaps/annex2-illustration.yaml $T/exists.yaml && ldr import annex2 $T/d.csv -o $T/exists.yaml; cmp $T/exists.yaml roadmaps/annex2-illustration.yaml && echo untouched
ldr import annex2 $T/d.csv -o $T/new.yaml --dry-run; ls $T/new.yaml
ldr import annex2 $T/nothere.csv -o $T/new.yaml
ldr import annex2 $T/d.csv -o - 2>&1 >/dev/null; ldr import annex2 $T/d.csv -o - 2>/dev/null > $T/stdout.yaml && ldr fmt --check $T/stdout.yaml && echo canonical
# A repository: the schedule changed in the spreadsheet (a year re-phased,
# an attribute, a new row, a row gone), merged as one commit.
. tests/cli/repo.sh && cd $R && cp $OLDPWD/roadmaps/derbyshire.yaml d.yaml && ldr init one --from d.yaml >/dev/null && ldr export annex2 -o d.csv one
. tests/cli/repo.sh && cd $R && sed -e 's/^\(GP practices (100%),.*\),15\/16,/\1,16\/17,/' -e 's/Summary Care Record application (SCRa)/SCRa/' -e '/^Community pharmacies,/d' d.csv > e.csv && printf 'Care homes,Can view the SCR,FY2017-18,"Records, assessments and plans",,,,SCR,P04 SCR Viewing 2 Project\r\n' >> e.csv && ldr import annex2 e.csv --into one --dry-run && git -C one log --oneline | wc -l
. tests/cli/repo.sh && cd $R && at 2016-07-01 && ldr import annex2 e.csv --into one && git -C one log -1 --format=%B && git -C one status --short
. tests/cli/repo.sh && cd $R && ldr diff HEAD~1 one | tail -3 && ldr import annex2 e.csv --into one
# Changes not committed: refused, so that the import is a change of its own.
. tests/cli/repo.sh && cd $R && sed -i 's/^  version: .3.0./  version: 3.1/' one/roadmap.yaml && ldr import annex2 d.csv --into one; git -C one checkout -q roadmap.yaml
. tests/cli/repo.sh && cd $R && at 2016-07-02 && ldr import annex2 d.csv --into one -m 'Back to the schedule as exported' | tail -2 && git -C one log -1 --format=%s && git -C one fsck --strict --no-dangling && echo fsck ok
# A file not in a repository is written in place.
ldr export annex2 -o $T/a.csv roadmaps/annex2-illustration.yaml && cp roadmaps/annex2-illustration.yaml $T/plain.yaml && sed -i 's/^A&E clinicians,Can access condition and details of inbound patients,18\/19/A\&E clinicians,Can access condition and details of inbound patients,17\/18/' $T/a.csv && ldr import annex2 $T/a.csv --into $T/plain.yaml && ldr import annex2 $T/a.csv --into $T/plain.yaml
# The Annex 2 export as ldr writes it: a byte-order mark, title rows, Id,
# Status and Detail (a month or quarter within the year), notes.
printf '\357\273\277Capability deployment schedule (Annex 2)\r\nAnnex 2 illustration\r\n\r\nId,Who,What,Year,Detail,Capability group,Status,Delivering projects,Notes\r\nC03,A&E clinicians,Can access condition and details of inbound patients,18/19,2018-10,"Records, assessments and plans",Aspirational,,\r\nC04,GPs,Receive structured clinical documents from acute at patient discharge within 24 hours,17/18,17/18 Q2,Transfers of care,In progress,,"Two lines:\nsecond"\r\n' > $T/ids.csv && cp roadmaps/annex2-illustration.yaml $T/ids.yaml && ldr import annex2 $T/ids.csv --into $T/ids.yaml --dry-run
# A Detail column within the year: a quarter, a month, by name or alone.
printf 'Who,What,Year,Detail\nA,x,16/17,Q3\nB,y,16/17,February\nC,z,16/17,Jul\nD,w,16/17,2016-08\nE,v,16/17,2017-05\n' > $T/detail.csv && ldr import annex2 $T/detail.csv -o $T/detail.yaml; sed -i '$d' $T/detail.csv && ldr import annex2 $T/detail.csv -o $T/detail.yaml >/dev/null && grep year: $T/detail.yaml
# A Status column of the footprint's own (guidance 6.20) is an attribute.
printf 'Who,What,Year,Status\nGPs,Can refer electronically,16/17,Business case approved\nNurses,Can view records,17/18,firm\nCarers,Can book,17/18,In procurement\n' > $T/status.csv && ldr import annex2 $T/status.csv -o $T/status.yaml >/dev/null && grep -A3 attributes $T/status.yaml
# CSV's guard against formulas goes; text that looks like one stays text.
printf "Who,What,Year\n'=GPs,'-can view,16/17\n" > $T/guard.csv && ldr import annex2 $T/guard.csv -o $T/guard.yaml >/dev/null && grep -E 'who|what' $T/guard.yaml
# Every cell that cannot be read, listed by cell; nothing written.
printf 'Who,What,Year,Capability group,Status\nGPs,Can refer,next year,records,firm\n,Can view,16/17,records,done\nNurses,,2016,records,aspirational\nPharmacists,Can prescribe,16/17 Q5,records,\n' > $T/bad.csv && cp roadmaps/annex2-illustration.yaml $T/bad.yaml && ldr import annex2 $T/bad.csv --into $T/bad.yaml; cmp $T/bad.yaml roadmaps/annex2-illustration.yaml && echo untouched
printf 'Ref,Initiative,Start,Status,Care quality,Dependencies\n1,A,16/17,Planned,maybe,P02\nx,B,soon,Finished,\342\234\223,"P01, P#3"\n' > $T/bad-dossier.csv && ldr import dossier $T/bad-dossier.csv -o $T/bad-dossier.yaml; ls $T/bad-dossier.yaml
printf 'Provider,Capability group,Baseline year,Baseline,16/17\nTrust,records,15/16,101,50\nTrust,transfers,16/17,40,x\n' > $T/bad-traj.csv && ldr import trajectory $T/bad-traj.csv -o $T/bad-traj.yaml
printf 'What,Year\nGPs,16/17\n' > $T/nohead.csv && ldr import annex2 $T/nohead.csv -o $T/nohead.yaml
# A file in the repository's work tree that git does not track: written, not committed.
. tests/cli/repo.sh && cd $R && cp one/roadmap.yaml one/stray.yaml && ldr import annex2 e.csv --into one/stray.yaml | tail -1 && git -C one status --short && git -C one log --oneline | wc -l
. tests/cli/repo.sh && rm -rf $R
# Ids given twice are refused, by cell.
printf 'Id,Who,What\nC01,GPs,Can refer\nC01,Nurses,Can view\n' > $T/dup.csv && cp roadmaps/annex2-illustration.yaml $T/dup.yaml && ldr import annex2 $T/dup.csv --into $T/dup.yaml; ldr import annex2 $T/dup.csv -o $T/dup-new.yaml
printf 'Id,Initiative\nP01,Records\nP01,Smartcards\n' > $T/dupd.csv && ldr import dossier $T/dupd.csv -o $T/dupd.yaml
