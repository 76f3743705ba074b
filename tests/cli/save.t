# What a write keeps, and what it refuses, saying why.
#
# ldr init DIR --from FILE, where DIR holds a roadmap.yaml but no
# repository: refused (exit 2), naming the file, and nothing is made.
. tests/cli/repo.sh && mkdir $R/has && cp roadmaps/derbyshire.yaml $R/has/roadmap.yaml && cd $R && ldr init has --from $OLDPWD/roadmaps/annex2-illustration.yaml
. tests/cli/repo.sh && cd $R && ls -A has && cmp has/roadmap.yaml $OLDPWD/roadmaps/derbyshire.yaml && echo unchanged
# With --force, the old file is committed first, as it was: it stays in the
# history.
. tests/cli/repo.sh && cd $R && ldr init has --force --from $OLDPWD/roadmaps/annex2-illustration.yaml && git -C has log --format=%s && git -C has show HEAD~1:roadmap.yaml | cmp - $OLDPWD/roadmaps/derbyshire.yaml && echo kept in the history
# The same in a repository without commits; a file that is not a roadmap at
# all is kept as it is.
. tests/cli/repo.sh && cd $R && git init -q empty && echo 'my notes: [not YAML' > empty/roadmap.yaml && ldr init empty --from $OLDPWD/roadmaps/annex2-illustration.yaml
. tests/cli/repo.sh && cd $R && ldr init empty --force --from $OLDPWD/roadmaps/annex2-illustration.yaml && git -C empty show HEAD~1:roadmap.yaml
# Started from the roadmap.yaml there (no --from, or --from naming it): its
# bytes first, when its canonical form differs.
. tests/cli/repo.sh && cd $R && mkdir loose && cp $OLDPWD/tests/cli/data/loose.yaml loose/roadmap.yaml && ldr init loose && git -C loose log --format=%s && git -C loose show HEAD~1:roadmap.yaml | cmp - $OLDPWD/tests/cli/data/loose.yaml && echo kept in the history
. tests/cli/repo.sh && cd $R && mkdir self && cp $OLDPWD/tests/cli/data/loose.yaml self/roadmap.yaml && ldr init self --from self/roadmap.yaml && git -C self log --format=%s
#
# A save keeps the file's mode and group, and its owner where ldr may set
# it (as root), as 'cp -p' would: through ldr set, ldr fmt and an export
# replacing a file. (As root, the file is first given to nobody and a group
# of its own, so that there is something to lose.)
. tests/cli/repo.sh && cd $R && ldr init own --from $OLDPWD/roadmaps/annex2-illustration.yaml >/dev/null && chmod 664 own/roadmap.yaml && { [ "$(id -u)" != 0 ] || chown 65534:4242 own/roadmap.yaml; } && b=$(stat -c '%a %u:%g' own/roadmap.yaml) && ldr set own C01.status=firm >/dev/null && a=$(stat -c '%a %u:%g' own/roadmap.yaml) && { [ "$a" = "$b" ] && echo "ldr set: kept" || echo "ldr set: $b became $a"; }
. tests/cli/repo.sh && cd $R && cp $OLDPWD/tests/cli/data/loose.yaml own.yaml && chmod 640 own.yaml && { [ "$(id -u)" != 0 ] || chown 65534:4242 own.yaml; } && b=$(stat -c '%a %u:%g' own.yaml) && ldr fmt own.yaml && a=$(stat -c '%a %u:%g' own.yaml) && { [ "$a" = "$b" ] && echo "ldr fmt: kept" || echo "ldr fmt: $b became $a"; }
. tests/cli/repo.sh && cd $R && for f in own.csv own.xlsx; do touch $f && chmod 660 $f && { [ "$(id -u)" != 0 ] || chown 65534:4242 $f; } && b=$(stat -c '%a %u:%g' $f) && ldr export annex2 -o $f $OLDPWD/roadmaps/annex2-illustration.yaml && a=$(stat -c '%a %u:%g' $f) && { [ "$a" = "$b" ] && echo "ldr export $f: kept" || echo "ldr export $f: $b became $a"; }; done
#
# A value the file would refuse is refused before anything is saved, with
# the exit status of every refused assignment: 1 (ldr(1)), not 2.
. tests/cli/repo.sh && cd $R && ldr set own "C01.notes=$(printf 'bell\007')"
. tests/cli/repo.sh && cd $R && ldr set own "C01.notes=$(printf 'caf\351')"
. tests/cli/repo.sh && cd $R && ldr set own "C01.attributes.$(printf 'a\033[2J')=x"
. tests/cli/repo.sh && cd $R && git -C own log --format=%s | head -1
#
# A roadmap whose lines end in CR LF (saved on Windows) keeps them: it is
# canonical as it is, and init, set and fmt --commit write CR LF, in the
# file and in the commit.
sed 's/$/\r/' roadmaps/annex2-illustration.yaml > $T/crlf.yaml && ldr fmt --check $T/crlf.yaml && echo canonical
crlf() { printf '%s: %s lines, %s end in CR LF\n' "$1" "$(wc -l < "$2")" "$(grep -c "$(printf '\r')\$" "$2")"; } && . tests/cli/repo.sh && cd $R && ldr init crlf --from $OLDPWD/$T/crlf.yaml >/dev/null && crlf init crlf/roadmap.yaml && ldr set crlf C01.status=firm >/dev/null && crlf set crlf/roadmap.yaml && git -C crlf show HEAD:roadmap.yaml > committed && crlf commit committed && git -C crlf status --short
#
# A roadmap under a git filter (gitattributes(5): git-crypt, git-lfs) is
# committed as git commits it: through the driver's clean command (here one
# that changes the text), so that plain git then sees nothing changed, and
# the index holds no second copy. A driver ldr cannot run (only a
# long-running 'process') or a required one not configured is refused,
# naming it, before anything is written.
. tests/cli/repo.sh && cd $R && git init -q filt && cp $OLDPWD/roadmaps/annex2-illustration.yaml filt/roadmap.yaml && echo 'roadmap.yaml filter=shout' > filt/.gitattributes && git -C filt config filter.shout.clean "sed 's/illustration/ILLUSTRATION/'" && git -C filt config filter.shout.smudge cat && git -C filt add . && git -C filt commit -qm start && ldr set filt C01.status=firm && git -C filt status --short && git -C filt show HEAD:roadmap.yaml | grep name: && grep name: filt/roadmap.yaml && echo "dangling objects: $(git -C filt fsck 2>&1 | grep -c dangling)"
. tests/cli/repo.sh && cd $R && ldr set filt C01.status=firm
. tests/cli/repo.sh && cd $R && git -C filt config filter.shout.clean false && ldr set filt C01.status=aspirational; git -C filt config --unset filter.shout.clean && git -C filt config filter.shout.process 'shout-tool filter-process' && cp filt/roadmap.yaml before && ldr set filt C01.status=aspirational; git -C filt config --unset filter.shout.process && git -C filt config filter.shout.required true && ldr set filt C01.status=aspirational; cmp before filt/roadmap.yaml && git -C filt log --format=%s | head -1 && ls -A filt
#
# Saved but not committed: the branch cannot be moved (its lock refused, as
# for a user who may not write .git/refs/heads: strace makes the first try
# fail, so that it fails the same as root). Asked again, 'ldr set' commits
# what the file holds, naming the change and saying why; so does the
# interface's next save, in the same session. (No leak check under strace:
# LeakSanitizer cannot stop a process that is traced.)
. tests/cli/repo.sh && cd $R && ldr init nc --from $OLDPWD/roadmaps/annex2-illustration.yaml >/dev/null && ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -qq -o /dev/null -P $R/nc/.git/refs/heads/master.lock -e trace=openat -e inject=openat:error=EACCES ldr set nc C01.year=19/20 2>&1 | sed "s|$R|R|g"; git -C nc status --short
. tests/cli/repo.sh && cd $R && ldr set nc C01.year=19/20 && git -C nc status --short && git -C nc log --format=%s | head -1
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=100x24 LDR_TUI_KEYS='/ C02 <Enter> e j j j <Enter> <C-u> "19/20" <Enter> <Esc> w <Enter> <Dump> w <Dump> <Enter> <Dump> q' ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -qq -o /dev/null -P $R/nc/.git/refs/heads/master.lock -e trace=openat -e inject=openat:error=EACCES:when=1 ldr nc | grep -i 'saved\|committed\|commit message\|changed' | sed "s|$R|R|g"; git -C nc status --short && git -C nc log --format=%s | head -1 && ldr diff HEAD~1 HEAD nc
. tests/cli/repo.sh && rm -rf $R
