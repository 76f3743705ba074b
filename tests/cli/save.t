# What a write keeps, and what it refuses, saying why (issue 15).
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
. tests/cli/repo.sh && rm -rf $R
