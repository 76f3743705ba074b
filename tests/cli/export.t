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
# A symbolic link is written through: the link stays, its target is written,
# whether it exists yet or not.
echo old > $T/target.xlsx && ln -s target.xlsx $T/link.xlsx && ldr export annex4 -o $T/link.xlsx roadmaps/annex2-illustration.yaml && test -L $T/link.xlsx && test "$(head -c 2 $T/target.xlsx)" = PK && echo written through
ln -s later.xlsx $T/dangling.xlsx && ldr export annex2 -o $T/dangling.xlsx roadmaps/annex2-illustration.yaml && test -L $T/dangling.xlsx && cmp $T/later.xlsx $T/new.xlsx && echo written through
ln -s later.csv $T/dangling.csv && ldr export annex2 -o $T/dangling.csv roadmaps/annex2-illustration.yaml && test -L $T/dangling.csv && test -s $T/later.csv && echo written through
# Every export at once, named after the footprint.
ldr export all -o $T/all roadmaps/annex2-illustration.yaml | grep -E 'annex2|annex4|dossier|trajectory' | sed "s|$T|T|" | sort
# Never over the roadmap itself; never through a link out of the directory.
cp roadmaps/annex2-illustration.yaml $T/self.csv && ldr export annex2 -o $T/self.csv $T/self.csv 2>&1 | sed "s|$T|T|g"
mkdir -p $T/out && ln -sf ../../../../../README.md $T/out/evil.csv && ldr export annex2 -o $T/out/evil.csv roadmaps/annex2-illustration.yaml 2>&1 | sed "s|$T|T|g"; head -c 5 README.md
ln -sf real.csv $T/out/latest.csv && ldr export annex2 -o $T/out/latest.csv roadmaps/annex2-illustration.yaml && test -s $T/out/real.csv && echo a link within the directory is written through
