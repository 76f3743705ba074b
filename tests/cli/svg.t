# The SVG charts from the command line (their content: tests/svg/run.sh).
ldr export tubemap -o $T/t.svg roadmaps/annex2-illustration.yaml && head -c 38 $T/t.svg && echo
ldr export gantt --as-of 2017-03 -o $T/g.svg roadmaps/derbyshire.yaml && grep -c '<g id="row-P' $T/g.svg
ldr export gantt --capabilities --as-of 2016-06 -o $T/g.svg roadmaps/annex2-illustration.yaml && grep -c '<g id="row-' $T/g.svg
ldr export gantt --as-of 2016-06 -o $T/no/such/dir/g.svg roadmaps/annex2-illustration.yaml
ldr export gantt --as-of 16/18 -o $T/g.svg roadmaps/annex2-illustration.yaml
ldr export gantt --baseline $T/missing.yaml -o $T/g.svg roadmaps/annex2-illustration.yaml
ls $T
# Without --as-of, the "as at" of a chart is the roadmap's as_at (2017-01).
ldr export gantt -o $T/d.svg roadmaps/derbyshire.yaml && grep -o "Project Gantt chart: [^<]*" $T/d.svg
# The page (A3 by default, or A4) and the dependencies drawn (by default only those out of order).
ldr export gantt --as-of 2017-03 -o $T/d.svg roadmaps/derbyshire.yaml && grep -o '^<svg[^>]*mm"' $T/d.svg && grep -o 'Dependency arrows[^<]*' $T/d.svg
ldr export gantt --page a4 --deps all --as-of 2017-03 -o $T/d.svg roadmaps/derbyshire.yaml && grep -o '^<svg[^>]*mm"' $T/d.svg && grep -c '<g class="dependency' $T/d.svg
ldr export gantt --deps none --as-of 2017-03 -o $T/d.svg roadmaps/derbyshire.yaml && grep -c '<g class="dependency' $T/d.svg; grep -o 'Dependency arrows[^<]*' $T/d.svg
ldr export tubemap --page a4 --as-of 2017-03 -o $T/t.svg roadmaps/derbyshire.yaml && grep -o '^<svg[^>]*mm"' $T/t.svg
ldr export gantt --page a5 -o $T/x.svg roadmaps/derbyshire.yaml
ldr export gantt --deps some -o $T/x.svg roadmaps/derbyshire.yaml
ldr export gantt -o $T/x.svg roadmaps/derbyshire.yaml --deps
