# A roadmap repository: init, set with its checks, and plain git reading and
# judging what ldr wrote. The repositories are throw-away ones under /tmp.
. tests/cli/repo.sh && cp roadmaps/derbyshire.yaml $R/d.yaml && cd $R && ldr init one --from d.yaml
. tests/cli/repo.sh && cd $R/one && git log --format='%h %an <%ae> %ad %s' --date=iso && git status --short && ls -a
. tests/cli/repo.sh && cd $R && at 2016-07-01 && ldr set one P08.start=17/18 'P08.depends_on=[P12, P07]' C12.year=17/18
. tests/cli/repo.sh && cd $R/one && git log -1 --format=%B && git diff --stat HEAD~1 && git status --short
# Each value is checked as the file would be; one bad value and nothing is saved.
. tests/cli/repo.sh && cd $R && ldr set one P08.strat=17/18 P8.start=17/18 C12.status=delivred P08.depends_on=P99 P08.name= footprint.start=2016 P08.id=P80 P08.milestones=x C01.attributes=x
. tests/cli/repo.sh && cd $R && ldr set one C12.year=18/19 P08.ref=-1 UC01-A1.done=yes; git -C one log --oneline | wc -l
. tests/cli/repo.sh && cd $R && ldr set one P08.start
. tests/cli/repo.sh && cd $R && ldr set one P08.depends_on=[P03, P12]
. tests/cli/repo.sh && cd $R && ldr set one
. tests/cli/repo.sh && cd $R && ldr set one C12.year=17/18
# Lists, mappings, clearing, the footprint, a multi-line text, a message.
. tests/cli/repo.sh && cd $R && at 2016-07-02 && ldr set one C01.attributes.Owner=PMO C01.attributes.Solution= P08.benefits=efficiency,wellbeing P08.cost= footprint.version=3.1 -m 'Tidy C01 and P08'
. tests/cli/repo.sh && cd $R && at 2016-07-03 && ldr set one "P08.notes=$(printf 'Two lines:\nsecond')" UC01-A1.done=true && sed -n '/^- id: P08$/,/^- id: P09$/p' one/roadmap.yaml | grep -A2 notes
# A commit made with plain git, then a change not committed: ldr builds on both.
. tests/cli/repo.sh && cd $R/one && at 2016-07-04 && sed -i 's/^  name: Derbyshire.*/  name: Derbyshire (by hand)/' roadmap.yaml && git commit -qam 'Rename by hand' && sed -i 's/^  version: .3.1./  version: 3.2/' roadmap.yaml && at 2016-07-05 && ldr set . C12.status=firm && git status --short && git log --format='%h %s' -3
# Refusals: a leftover index.lock (kept), no identity, not a repository,
# a file the repository does not track, a repository with commits already.
. tests/cli/repo.sh && cd $R && touch one/.git/index.lock && ldr set one C12.status=delivered 2>&1 | sed "s/([0-9]* seconds* old)/(N seconds old)/; s|$R|R|"; ls one/.git/index.lock && rm one/.git/index.lock
. tests/cli/repo.sh && cd $R && unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL && ldr set one C12.status=delivered; r=$?; git -C one fsck --dangling 2>&1 | grep dangling || echo "nothing left behind"; (exit $r)
. tests/cli/repo.sh && cd $R && mkdir plain && cp d.yaml plain/roadmap.yaml && ldr set plain C12.status=delivered
. tests/cli/repo.sh && cd $R && cp d.yaml one/stray.yaml && ldr set one/stray.yaml C12.status=delivered 2>&1 | sed "s|$R|R|"; rm one/stray.yaml
. tests/cli/repo.sh && cd $R && ldr init one
. tests/cli/repo.sh && cd $R && ldr set - C12.status=delivered < d.yaml
# init: an empty repository will do; a directory's own roadmap.yaml is kept;
# with nothing, a new roadmap named after the directory.
. tests/cli/repo.sh && cd $R && git init -q empty && ldr init empty --from d.yaml -m 'Import' && git -C empty log --format=%s
. tests/cli/repo.sh && cd $R && mkdir has && cp d.yaml has/roadmap.yaml && ldr init has && git -C has log --format=%s
. tests/cli/repo.sh && cd $R && ldr init new/Derbyshire | sed 's/committed .*/committed/' && ldr stat new/Derbyshire | sed 's,[0-9][0-9]/[0-9][0-9],YY/YY,g' | head -1
# fmt --commit: a file edited by hand into another form, made canonical as a commit.
. tests/cli/repo.sh && cd $R && at 2016-07-06 && sed -i 's/^  name: Derbyshire (by hand)$/  name: "Derbyshire (by hand)"/' one/roadmap.yaml && ldr fmt --check one; ldr diff one && ldr fmt --commit one && ldr fmt --commit one && git -C one log -1 --format=%s && git -C one status --short
. tests/cli/repo.sh && cd $R && ldr fmt --check --commit one
# Plain git accepts every repository ldr wrote.
. tests/cli/repo.sh && cd $R && for r in one empty has new/Derbyshire; do git -C $r fsck --strict --no-dangling && git -C $r log --oneline >/dev/null && echo "$r: fsck and log ok"; done
. tests/cli/repo.sh && rm -rf $R
