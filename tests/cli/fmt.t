# Canonical form: check, rewrite, idempotence, standard input, comments,
# file mode, symbolic links and the lock file.
ldr fmt --check roadmaps/derbyshire.yaml roadmaps/annex2-illustration.yaml
cp tests/cli/data/loose.yaml $T/loose.yaml && ldr fmt --check $T/loose.yaml
ldr fmt $T/loose.yaml && cat $T/loose.yaml
ldr fmt --check $T/loose.yaml
cp $T/loose.yaml $T/once.yaml && ldr fmt $T/loose.yaml && cmp $T/loose.yaml $T/once.yaml && echo idempotent
ldr fmt - < tests/cli/data/loose.yaml | cmp - $T/once.yaml && echo same from stdin
cp tests/cli/data/commented.yaml $T/c.yaml && ldr fmt $T/c.yaml
cmp $T/c.yaml tests/cli/data/commented.yaml && echo comments kept
ldr fmt --check $T/c.yaml
ldr fmt --drop-comments $T/c.yaml && cat $T/c.yaml
cp tests/cli/data/loose.yaml $T/shared.yaml && chmod 640 $T/shared.yaml && ldr fmt $T/shared.yaml && stat -c %a $T/shared.yaml
cp tests/cli/data/loose.yaml $T/target.yaml && ln -s target.yaml $T/link.yaml && ldr fmt $T/link.yaml && test -L $T/link.yaml && cmp $T/target.yaml $T/once.yaml && echo written through the link
cp tests/cli/data/loose.yaml $T/locked.yaml && touch $T/locked.yaml.lock && ldr fmt $T/locked.yaml 2>&1 | sed 's/[0-9]* seconds\{0,1\} old/N seconds old/'
cmp $T/locked.yaml tests/cli/data/loose.yaml && test -f $T/locked.yaml.lock && echo neither file touched
ls $T
# An output is not written through a link, even to a file not written yet
# (a roadmap is: it is the file being edited); a missing directory is named.
ln -s made.svg $T/link.svg && ldr export gantt --as-of 2017-03 -o $T/link.svg roadmaps/derbyshire.yaml 2>&1 | sed "s|$T|T|g"; test -L $T/link.svg && ls $T/made.svg
ldr export gantt -o $T/no/such/dir/g.svg roadmaps/derbyshire.yaml 2>&1 | sed "s|$T|T|g"
