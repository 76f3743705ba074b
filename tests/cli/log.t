# History: ldr log (with --record and --json) and the semantic ldr diff, on a
# throw-away repository whose history mixes ldr set and plain git commits.
. tests/cli/repo.sh && cp roadmaps/derbyshire.yaml $R/d.yaml && cd $R && ldr init r --from d.yaml >/dev/null
. tests/cli/repo.sh && cd $R && at 2016-09-30 && ldr set r C12.year=19/20 C06.status=delivered C06.delivered=2016-09 -m 'Q2 update: C12 slips a year' >/dev/null
. tests/cli/repo.sh && cd $R && at 2016-12-31 && ldr set r P11-M2.status=done 'P11.end=17/18 Q1' UC01-A4.done=true >/dev/null
# A commit made with plain git is history like any other.
. tests/cli/repo.sh && cd $R/r && at 2017-01-15 && sed -i '/^- id: C12$/,/^- id: C13$/s/^  year: 19\/20$/  year: 18\/19 Q4/' roadmap.yaml && git commit -qam 'C12 back to 18/19 Q4, agreed at the board' && git log --format='%h %s' -1
. tests/cli/repo.sh && cd $R/r && at 2017-02-01 && ldr set . P51.notes= C12.attributes.Solution=DCR -m 'Tidy' >/dev/null
. tests/cli/repo.sh && cd $R && ldr log r
. tests/cli/repo.sh && cd $R && ldr log --record C12 r
. tests/cli/repo.sh && cd $R && ldr log --record P11 r
. tests/cli/repo.sh && cd $R && ldr log --record footprint r
. tests/cli/repo.sh && cd $R && ldr log --record C1 r
. tests/cli/repo.sh && cd $R && ldr log --json --record C06 r
. tests/cli/repo.sh && cd $R && ldr log --json r | head -12
# diff: the file against HEAD (nothing, then a change not committed), a
# revision against the file, two revisions, JSON.
. tests/cli/repo.sh && cd $R && ldr diff r && echo clean
. tests/cli/repo.sh && cd $R/r && sed -i 's/^  version: .3.0.$/  version: 3.1/' roadmap.yaml && ldr diff . && git checkout -q roadmap.yaml
. tests/cli/repo.sh && cd $R && ldr diff HEAD~3 r
. tests/cli/repo.sh && cd $R && ldr diff HEAD~4 HEAD~2 r
. tests/cli/repo.sh && cd $R && ldr diff --json HEAD~1 HEAD r
# Control characters in text (here in the name and value of an attribute) never
# reach the terminal: the reader refuses them, and says where.
. tests/cli/repo.sh && cd $R/r && sed -i '/^- id: C12$/,/^- id: C13$/s/^  attributes:$/  attributes:\n    "Evil\\e[2J": "\\e[31mred"/' roadmap.yaml && ldr diff . ; git checkout -q roadmap.yaml
# Errors: unknown revisions, too many arguments, no history at all.
. tests/cli/repo.sh && cd $R && ldr diff nope r
. tests/cli/repo.sh && cd $R && ldr log --record
. tests/cli/repo.sh && cd $R && ldr diff a b c r
. tests/cli/repo.sh && cd $R && git init -q empty && ldr log empty && ldr diff empty
# A shallow clone (git clone --depth): the history there is walked, from
# the commit it begins at, which shows what it holds as added; an older
# revision is said to be past it, with the way to fetch the rest. (libgit2
# looked for the missing parents: "object not found".)
. tests/cli/repo.sh && cd $R && ldr init deep --from $OLDPWD/roadmaps/annex2-illustration.yaml >/dev/null && at 2016-06-02 && ldr set deep C01.year=19/20 >/dev/null && at 2016-06-03 && ldr set deep C02.year=19/20 >/dev/null && at 2016-06-04 && ldr set deep C03.status=firm >/dev/null && git clone -q --depth 2 file://$R/deep shallow && ldr log shallow && ldr log --record C02 shallow && ldr diff HEAD~1 HEAD shallow
. tests/cli/repo.sh && cd $R && ldr diff HEAD~2 HEAD shallow; ldr review --baseline HEAD~2 --year 16/17 shallow; git clone -q --depth 1 file://$R/deep one && ldr log --json one 2>/dev/null | grep -c '"commit": '
. tests/cli/repo.sh && cd $R && git -C r fsck --strict --no-dangling && echo fsck ok
. tests/cli/repo.sh && rm -rf $R
