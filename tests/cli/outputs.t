# Outputs: every file a command is told to write (export,
# export all, aggregate, review, report) goes through one module
# (model/base/write.c). It refuses a symbolic link at any hop, naming each; a
# file the command reads (the roadmap, by any name); a file inside a git
# directory; a read-only file. Refused, nothing is written and nothing is
# left behind, and the exit status is 2. A link among the directories of
# the name is followed: it says where the file goes.
mkdir -p $T/out/sub && echo secret > $T/secret.txt && echo victim > $T/victim && cp roadmaps/annex2-illustration.yaml $T/r.yaml && cp roadmaps/derbyshire.yaml $T/d.yaml
# A link to a link: out/a.csv -> hop -> ../secret.txt.
cd $T && ln -s ../secret.txt out/hop && ln -s hop out/a.csv && ldr export annex2 -o out/a.csv r.yaml
cat $T/secret.txt
# Through a directory: out/d.csv -> sub/x.csv -> ../../victim.
cd $T && ln -s sub/x.csv out/d.csv && ln -s ../../victim out/sub/x.csv && ldr export annex2 -o out/d.csv r.yaml
cd $T && ldr export annex2 -o out/sub/x.csv r.yaml
cat $T/victim
# To a file not there yet, and to one beside it: refused as well.
cd $T && ln -s ../later.csv out/new.csv && ldr export annex2 -o out/new.csv r.yaml
cd $T && ln -s real.csv out/latest.csv && ldr export annex2 -o out/latest.csv r.yaml
cd $T && ls later.csv out/real.csv
# A link planted under a name 'export all' writes: refused; the others are
# written.
cd $T && mkdir all && ln -s ../victim all/derbyshire-annex2.xlsx && ldr export all -o all d.yaml >/dev/null
. tests/cli/repo.sh && ldr init $R/d --from roadmaps/derbyshire.yaml >/dev/null && mkdir $R/all && echo victim > $R/victim && ln -s ../victim $R/all/derbyshire-$(git -C $R/d rev-parse --short=7 HEAD)-annex2.xlsx && cd $R && ldr export all -o all d >/dev/null
. tests/cli/repo.sh && cat $R/victim && ls $R/all | wc -l
# The directory may be reached through a link.
cd $T && ln -s out outlink && ldr export annex2 -o outlink/fine.csv r.yaml && ls out/fine.csv
# None of the refusals left a file behind.
ls -A $T/out $T/out/sub
# The roadmap itself, by its name, a hard link or a link to it: aggregate
# and review wrote over it (and an export at a revision, which reads the
# roadmap from the repository, not the file).
cd $T && cp r.yaml keep.yaml && ldr aggregate --csv r.yaml r.yaml
cd $T && ln r.yaml out/hard.csv && ldr aggregate --csv out/hard.csv r.yaml
cd $T && ln -s ../r.yaml out/r.xlsx && ldr aggregate -o out/r.xlsx r.yaml
cd $T && ldr aggregate --csv out/a.csv r.yaml
cd $T && cmp r.yaml keep.yaml && cat secret.txt
. tests/cli/repo.sh && ldr baseline submitted $R/d >/dev/null && cd $R && ldr review --baseline submitted --year 16/17 --as-of 2017-03 --csv d/roadmap.yaml d
. tests/cli/repo.sh && cd $R && ln -s d/roadmap.yaml review.csv && ldr review --baseline submitted --year 16/17 --as-of 2017-03 --csv review.csv d
. tests/cli/repo.sh && cd $R && ln d/roadmap.yaml same.csv && ldr export annex2 --rev submitted -o same.csv d
. tests/cli/repo.sh && cd $R && git -C d status --short && git -C d log --format=%s
# Inside a git directory: a report, a review, an export.
. tests/cli/repo.sh && cd $R && ldr report -o d/.git/report.html d
. tests/cli/repo.sh && cd $R && ldr review --baseline submitted --year 16/17 --as-of 2017-03 --csv d/.git/hooks/review.csv d
. tests/cli/repo.sh && cd $R && ldr export annex2 -o d/.git/refs/heads/x.csv d
. tests/cli/repo.sh && cd $R && ldr report -o all/report.html d && ls all/report.html && test -z "$(ls -A d/.git d/.git/hooks d/.git/refs/heads | grep 'csv\|html')" && echo nothing in d/.git
# A read-only file is not replaced.
cd $T && ldr export annex2 -o out/ro.csv r.yaml && chmod 444 out/ro.csv && ldr export annex2 -o out/ro.csv d.yaml
cd $T && head -c 17 out/ro.csv && echo
# libxlsxwriter prints its own errors ('[ERROR] ...'): they are caught and
# said in ldr's words (here a file size limit, ulimit -f, makes the write
# fail; what is said goes to a small file, which the limit allows).
cd $T && (trap '' XFSZ; ulimit -f 8; ldr export annex2 -o big.xlsx d.yaml 2>said; echo "exit $?" >>said); cat said
cd $T && (trap '' XFSZ; ulimit -f 8; ldr export annex2 -o big.csv d.yaml 2>said; echo "exit $?" >>said); cat said
cd $T && test -z "$(ls -A | grep big)" && echo nothing left
. tests/cli/repo.sh && rm -rf $R
