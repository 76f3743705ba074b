# Workbooks ldr did not write, each imported into a new roadmap: made with
# openpyxl as people fill the templates in (tests/import/template.py: title
# rows merged across the table, an instructions sheet first, the
# footprint's own columns, years in every spelling, dates as serial
# numbers, a group merged down its rows, a hidden row, a formula's cached
# value, a comment on a cell), and one saved by LibreOffice from a CSV
# (tests/import/data, made as tests/import/office.sh says).
/usr/bin/python3 tests/import/template.py $T
cd $T && ldr import annex2 annex2.xlsx -o annex2.yaml && cat annex2.yaml
cd $T && ldr import dossier dossier.xlsx -o dossier.yaml && cat dossier.yaml
cd $T && ldr import trajectory trajectory.xlsx -o trajectory.yaml && cat trajectory.yaml
cd $T && ldr import annex4 annex4.xlsx -o annex4.yaml && cat annex4.yaml
cp tests/import/data/libreoffice-annex2.xlsx $T && cd $T && ldr import annex2 libreoffice-annex2.xlsx -o lo.yaml && cat lo.yaml
# Each is a roadmap that loads and checks (its problems are the plan's, not the import's).
cd $T && for f in annex2 dossier trajectory annex4 lo; do ldr check --as-of 2017-03 $f.yaml >/dev/null; echo "$f: check $?"; done
# The template's sheet, named; the instructions sheet has no schedule.
cd $T && ldr import annex2 annex2.xlsx --sheet 'Annex 2' -o named.yaml >/dev/null 2>&1 && cmp annex2.yaml named.yaml && echo same
cd $T && ldr import annex2 annex2.xlsx --sheet Instructions -o none.yaml; ls none.yaml
cd $T && ldr import annex2 annex2.xlsx --sheet 'Annex 3' -o none.yaml
