# Signals in the write phase: Ctrl-C (SIGINT), kill (SIGTERM) or
# a dropped connection (SIGHUP) while a command writes. Each command removes
# its own locks and temporary files, never anyone else's, and the roadmap is
# the old one or the new one: never written but not committed. Where ldr
# alone writes (a lock, an output's temporary file), the signal's handler
# removes what it made and the process ends of the signal; from the
# commit's first object to its last ref, the signal waits until the commit
# is made (tests/cli/signal.sh says how the moment is chosen).
#
# ldr set, at libgit2's first object, at the roadmap's lock, after the file
# is replaced (the directory flushed), and at the branch's lock: each time
# the commit is made and nothing is left.
. tests/cli/repo.sh && . tests/cli/signal.sh && fresh set1 && sig 1 SIGINT ldr set $W C01.status=firm && state
. tests/cli/repo.sh && . tests/cli/signal.sh && fresh set7 && sig 7 SIGTERM ldr set $W C01.status=firm && state
. tests/cli/repo.sh && . tests/cli/signal.sh && fresh set8 && sig 8 SIGHUP ldr set $W C01.status=firm && state
. tests/cli/repo.sh && . tests/cli/signal.sh && fresh set13 && sig 13 SIGINT ldr set $W C01.status=firm && state
# The next save goes through: nothing in its way.
. tests/cli/repo.sh && . tests/cli/signal.sh && W=$R/set13 && ldr set $W C02.status=firm 2>&1 >/dev/null | sed "s|$R|R|g"; state
# ldr init: the same steps, from nothing.
. tests/cli/repo.sh && . tests/cli/signal.sh && W=$R/init && sig 7 SIGTERM ldr init $W --from roadmaps/annex2-illustration.yaml && state
. tests/cli/repo.sh && . tests/cli/signal.sh && W=$R/init2 && sig 13 SIGINT ldr init $W --from roadmaps/annex2-illustration.yaml && state
# ldr fmt on a file of its own: killed at its lock, the file is the old one.
. tests/cli/repo.sh && . tests/cli/signal.sh && W=$R/fmt && mkdir $W && cp tests/cli/data/loose.yaml $W/loose.yaml && sig 1 SIGINT ldr fmt $W/loose.yaml && cmp $W/loose.yaml tests/cli/data/loose.yaml && echo old
. tests/cli/repo.sh && . tests/cli/signal.sh && W=$R/fmt && ldr fmt $W/loose.yaml 2>&1 | sed "s|$R|R|g; s/[0-9]* seconds* old/N seconds old/"; cmp -s $W/loose.yaml tests/cli/data/loose.yaml || echo new
# ldr fmt --commit: a commit, as ldr set (the objects are there already:
# the third fsync is the roadmap's lock).
. tests/cli/repo.sh && . tests/cli/signal.sh && fresh fmtc && sed -i 's/^  name: \(.*\)/  name: "\1"/' $W/roadmap.yaml && git -C $W commit -qam 'Quoted by hand' && sig 3 SIGTERM ldr fmt --commit $W && state
# Outputs: killed before the rename, no temporary file and no output.
. tests/cli/repo.sh && . tests/cli/signal.sh && W=$R/out && mkdir $W && sig 1 SIGTERM ldr export annex2 -o $W/a.xlsx roadmaps/derbyshire.yaml; ls -A $W
. tests/cli/repo.sh && . tests/cli/signal.sh && W=$R/out && sig 1 SIGHUP ldr aggregate --csv $W/n.csv roadmaps/derbyshire.yaml; ls -A $W
. tests/cli/repo.sh && rm -rf $R
