# ldr export: the spreadsheets (the SVG charts have their own transcript).
# What the files hold is tested by tests/export/run.sh; here, the command.
ldr export annex2 -o $T/x.pdf roadmaps/annex2-illustration.yaml 2>&1 | head -1
ldr export annex2 roadmaps/annex2-illustration.yaml
ldr export annex2 -o $T/no/such/dir/x.xlsx roadmaps/annex2-illustration.yaml
ldr export annex2 -o $T/no/such/dir/x.csv roadmaps/annex2-illustration.yaml
# A failed export leaves nothing behind, not even its temporary file.
mkdir $T/taken.xlsx && ldr export annex2 -o $T/taken.xlsx roadmaps/annex2-illustration.yaml
ls -A $T
# A new file gets the umask's mode; a replaced one keeps its mode.
umask 022 && ldr export annex2 -o $T/new.xlsx roadmaps/annex2-illustration.yaml && stat -c %a $T/new.xlsx
touch $T/old.xlsx $T/old.csv && chmod 640 $T/old.xlsx $T/old.csv && ldr export annex2 -o $T/old.xlsx roadmaps/annex2-illustration.yaml && ldr export annex2 -o $T/old.csv roadmaps/annex2-illustration.yaml && stat -c %a $T/old.xlsx $T/old.csv
# An output is never written through a symbolic link, whether its target
# exists yet or not (exit 2; every shape is in tests/cli/outputs.t): the
# link and its target stay as they were.
echo old > $T/target.xlsx && ln -s target.xlsx $T/link.xlsx && ldr export annex4 -o $T/link.xlsx roadmaps/annex2-illustration.yaml
test -L $T/link.xlsx && cat $T/target.xlsx
ln -s later.xlsx $T/dangling.xlsx && ldr export annex2 -o $T/dangling.xlsx roadmaps/annex2-illustration.yaml
ln -s later.csv $T/dangling.csv && ldr export annex2 -o $T/dangling.csv roadmaps/annex2-illustration.yaml
test -L $T/dangling.xlsx && test -L $T/dangling.csv && ls $T/later.xlsx $T/later.csv
# CSV begins with a UTF-8 byte-order mark for Excel, unless --no-bom (for
# scripts); annex2 has the locally defined Id and Status columns unless
# --no-id and --no-status leave them out.
ldr export annex2 -o $T/bom.csv roadmaps/annex2-illustration.yaml && head -1 $T/bom.csv | od -An -c | head -1
ldr export annex2 --no-bom --no-id --no-status -o $T/plain.csv roadmaps/annex2-illustration.yaml && head -2 $T/plain.csv
ldr export dossier --no-bom -o $T/plain.csv roadmaps/annex2-illustration.yaml && head -c 4 $T/plain.csv; echo
# Every export at once, named after the footprint.
ldr export all -o $T/all roadmaps/annex2-illustration.yaml | grep -E 'annex2|annex4|dossier|trajectory' | sed "s|$T|T|" | sort
# The directory given with a slash at its end (or several): no "all//".
ldr export all -o $T/all// roadmaps/annex2-illustration.yaml | grep annex2 | sed "s|$T|T|"
# Never over the roadmap itself; never through a link out of the
# directory, nor within it.
cp roadmaps/annex2-illustration.yaml $T/self.csv && ldr export annex2 -o $T/self.csv $T/self.csv 2>&1 | sed "s|$T|T|g"
mkdir -p $T/out && ln -sf ../../../../../README.md $T/out/evil.csv && ldr export annex2 -o $T/out/evil.csv roadmaps/annex2-illustration.yaml 2>&1 | sed "s|$T|T|g"; head -c 5 README.md
ln -sf real.csv $T/out/latest.csv && ldr export annex2 -o $T/out/latest.csv roadmaps/annex2-illustration.yaml 2>&1 | sed "s|$T|T|g"; ls $T/out
# In a repository, the footers name the commit the roadmap is (and the
# workbook's creation time is the commit's); or the one it has changed from.
# (zipcat: a member of a zip file, as unzip -p, which Debian may not have.)
. tests/cli/repo.sh && ldr init $R/r --from roadmaps/annex2-illustration.yaml -m 'As submitted' >/dev/null && ldr baseline submitted -m 'Submitted' $R/r && at 2016-09-30 && ldr set $R/r 'C05.year=17/18 Q1' -m 'C05 slips' >/dev/null && git -C $R/r log --format='%h %ad %s' --date=short
zipcat() { /usr/bin/python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$@"; } && . tests/cli/repo.sh && ldr export gantt --as-of 2016-10 -o $T/g.svg $R/r && grep -o 'Project Gantt chart: [^<]*' $T/g.svg && ldr export annex2 -o $T/a.xlsx $R/r && zipcat $T/a.xlsx docProps/core.xml | grep -o '<dcterms:created[^/]*\|<dc:description>[^<]*' && zipcat $T/a.xlsx xl/worksheets/sheet1.xml | grep -o '<oddFooter>[^<]*'
. tests/cli/repo.sh && ldr export all -o $T/all $R/r | sed "s|$T|T|" | sort | head -3
. tests/cli/repo.sh && sed -i 's/^  who: GPs$/  who: GPs in the footprint/' $R/r/roadmap.yaml && ldr export tubemap --as-of 2016-10 -o $T/t.svg $R/r && grep -o 'Capability tube map: [^<]*' $T/t.svg && git -C $R/r checkout -q roadmap.yaml
# --rev: the roadmap as it was; --baseline: a file, or a revision.
. tests/cli/repo.sh && ldr export gantt --capabilities --as-of 2016-10 --rev submitted -o $T/old.svg $R/r && grep -o 'Capability Gantt chart: [^<]*' $T/old.svg && grep -c '17/18 Q1' $T/old.svg; ldr export gantt --capabilities -o $T/new.svg $R/r && grep -c '17/18 Q1' $T/new.svg
. tests/cli/repo.sh && ldr export gantt --capabilities --as-of 2016-10 --baseline submitted -o $T/b.svg $R/r && grep -o '[^>]*; baseline: [^<]*' $T/b.svg
. tests/cli/repo.sh && ldr export gantt --baseline no-such-tag -o $T/b.svg $R/r
ldr export gantt --baseline no-such-tag -o $T/b.svg roadmaps/annex2-illustration.yaml
ldr export gantt --rev submitted -o $T/b.svg roadmaps/annex2-illustration.yaml
. tests/cli/repo.sh && rm -rf $R
