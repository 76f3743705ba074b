#!/bin/sh
# The spreadsheets as LibreOffice Calc opens them ('make check-office'; not
# part of 'make test', as LibreOffice is large and slow to start):
#
#  - every XLSX export of each roadmap below converts (--convert-to), so
#    LibreOffice can open it;
#  - the Annex 2 schedule converted to CSV holds the same cells as ldr's own
#    CSV export below its title rows (the CSV differs only in its formula
#    guard and in joining the delivering projects with "; " rather than
#    line breaks);
#  - converted to flat ODS, no cell of any sheet is a formula;
#  - printed to PDF, no text of the Annex 2 schedule or the dossier is
#    smaller than 8 points;
#  - the formula guard of ldr's CSV, case by case: opened with formulas
#    evaluated, special numbers detected and spaces trimmed, every cell ldr
#    leaves alone is the same text, and every cell it guards is text too;
#  - PDFs are left in build/tests/office/ to look at.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
export LC_ALL=C.UTF-8 TZ=UTC
PY=/usr/bin/python3
out=build/tests/office
rm -rf "$out" && mkdir -p "$out/home"
export HOME=$top/$out/home
if ! command -v soffice >/dev/null; then
	echo "office: LibreOffice is not installed (apt-get install libreoffice-calc)"
	exit 1
fi
failed=0
fail() {
	echo "office: $*"
	failed=1
}
# UTF-8 (76), comma, double quote, first sheet.
CSV='csv:Text - txt - csv (StarCalc):44,34,76,1'

for roadmap in roadmaps/derbyshire.yaml roadmaps/annex2-illustration.yaml tests/export/data/hostile.yaml; do
	name=$(basename "$roadmap" .yaml)
	for kind in annex2 annex4 dossier trajectory; do
		./ldr export $kind -o "$out/$name-$kind.xlsx" "$roadmap" || fail "$name: $kind failed"
	done
	./ldr export annex2 -o "$out/$name-annex2.csv" "$roadmap" || fail "$name: annex2 .csv failed"
	mkdir -p "$out/lo"
	(cd "$out" && soffice --headless --convert-to "$CSV" --outdir lo "$name-annex2.xlsx" >/dev/null 2>&1) ||
		fail "$name: LibreOffice cannot convert annex2 to CSV"
	$PY - "$out/lo/$name-annex2.csv" "$out/$name-annex2.csv" <<'PYEOF' || fail "$name: LibreOffice reads other cells in annex2"
import csv, sys
lo = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))[3:]  # the title rows
ours = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
assert len(lo) == len(ours), (len(lo), len(ours))
for i, (a, b) in enumerate(zip(lo, ours)):
    # ldr's CSV guards a cell that could be read as a formula with a '.
    b = [c[1:] if c[:1] == "'" and x == c[1:] else c for c, x in zip(b, a)]
    if i:
        a[-1] = a[-1].replace("\n", "; ")
    assert a == b, (i + 1, a, b)
PYEOF
	for kind in annex2 annex4 dossier trajectory; do
		(cd "$out" && soffice --headless --convert-to fods --outdir lo "$name-$kind.xlsx" >/dev/null 2>&1 &&
			soffice --headless --convert-to pdf --outdir . "$name-$kind.xlsx" >/dev/null 2>&1) ||
			fail "$name: LibreOffice cannot convert $kind"
		fods=$out/lo/$name-$kind.fods
		[ -s "$fods" ] || { fail "$name: $kind: no flat ODS"; continue; }
		grep -q 'table:formula=' "$fods" && fail "$name: $kind: LibreOffice sees a formula"
		tables=$(grep -o '<table:table table:name="[^"]*"' "$fods" | sed 's/.*name="//; s/"$//' | tr '\n' '|')
		case $kind in
		annex2) want='Capability deployment schedule|Lists|' ;;
		annex4) want='Universal capabilities|UC01 GP-held medications|UC02 Key GP info in U&amp;EC|UC03 Patients access GP record|UC04 e-Referrals|UC05 Discharge summaries|UC06 Social care notices|UC07 Child protection info|UC08 End-of-life preferences|UC09 Electronic prescriptions|UC10 Online booking &amp; repeats|' ;;
		dossier) want='Project dossier|Lists|' ;;
		trajectory) want='Deployment trajectory|' ;;
		esac
		[ "$tables" = "$want" ] || fail "$name: $kind: LibreOffice finds the sheets $tables"
	done
done

# Printed: no text smaller than 8 points (a word's box is about 0.96 of the
# font's size high), the page footer aside.
for f in "$out"/*-annex2.pdf "$out"/*-dossier.pdf; do
	pdftotext -bbox "$f" - | $PY -c '
import re, sys
small = []
for m in re.finditer(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\">|<word xMin=\"[\d.]+\" yMin=\"([\d.]+)\" xMax=\"[\d.]+\" yMax=\"([\d.]+)\">([^<]*)", sys.stdin.read()):
    if m.group(1):
        height = float(m.group(2))
    elif float(m.group(4)) < height - 60 and float(m.group(4)) - float(m.group(3)) < 8 * 0.95:
        small.append(m.group(5))
sys.exit("%d words under 8 pt: %s" % (len(small), small[:5]) if small else 0)
' || fail "$f: text prints smaller than 8 points"
done

# The formula guard: a roadmap whose projects' notes are the cases, exported
# to CSV by ldr and opened by LibreOffice with everything it can evaluate
# switched on (UTF-8; evaluate formulas, detect special numbers, trim spaces).
EVAL='Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,true,-1,true'
$PY - "$out" <<'PYEOF2' || fail "the formula cases cannot be written"
import csv, json, sys
cases = ["=1+1", "+1", "-1", "@SUM(1)", "\tx", "-1e3", "-.5", "-1,000", "-$5", "-1%",
         "- item", "-item", "+ item", "@item", "=cmd|' /C calc'!A0", "@SUM(1)", "-2+3",
         "-2+3+cmd|' /C calc'!A0", "- SCRa access only\n- Requirement", "==1", " =1", "  =1+1",
         " -1", "\u00a0-1", "-", "+", "@", "--", "- -", "+/-", "->", "-> next", "-)", "-*", "-/",
         "-^", "-&", "-=1", "-<", "-%", "-?", "-]", "-}", "-|", "-~", "-`", "-;", "@)", "a=1",
         "\u22121", "\uff1d1+1", "\u2013 item", "\u00a35"]
out = sys.argv[1]
with open(out + "/cases.json", "w") as f:
    json.dump(cases, f)
with open(out + "/cases.yaml", "w", encoding="utf-8") as f:
    f.write("ldr: 1\nfootprint:\n  name: Cases\n  start: 16/17\n  end: 18/19\nprojects:\n")
    for i, c in enumerate(cases):
        f.write("- id: P%d\n  ref: %d\n  name: case\n  notes: %s\n"
                % (i + 1, i + 1, json.dumps(c, ensure_ascii=False)))
# The same cells unguarded (quoted only where they must be, as ldr quotes),
# to show that LibreOffice evaluates what it is given.
with open(out + "/raw.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    for c in ["who"] + cases:
        w.writerow([c])
PYEOF2
./ldr export dossier -o "$out/cases.csv" "$out/cases.yaml" || fail "cases: the export failed"
(cd "$out" && soffice --headless --infilter="$EVAL" --convert-to xlsx --outdir lo cases.csv raw.csv \
	>/dev/null 2>&1) || fail "LibreOffice cannot convert the cases"
$PY - "$out" <<'PYEOF2' || fail "the formula guard lets LibreOffice evaluate a cell"
import csv, json, sys, openpyxl
out = sys.argv[1]
cases = json.load(open(out + "/cases.json"))
# The rows are in the cases' order (by ref); the notes are column 14.
ours = [r[13] for r in list(csv.reader(open(out + "/cases.csv", encoding="utf-8-sig", newline="")))[1:]]
cells = [r[13] for r in openpyxl.load_workbook(out + "/lo/cases.xlsx").active.iter_rows(min_row=2)]
raw = [r[0] for r in openpyxl.load_workbook(out + "/lo/raw.xlsx").active.iter_rows(min_row=2)]
assert len(cells) == len(cases) == len(ours), (len(cells), len(cases), len(ours))
evaluated = [c for c, r in zip(cases, raw) if r.data_type != "s"]
assert {"=1+1", "+1", "-1", " =1", "\u00a0-1"} <= set(evaluated), evaluated
bad = []
for case, mine, cell in zip(cases, ours, cells):
    assert mine in (case, "'" + case), (case, mine)
    want = mine.replace("\r", "\n")  # LibreOffice reads a CR as a line feed
    if cell.data_type != "s" or cell.value != want:
        bad.append((case, cell.data_type, cell.value, want))
assert not bad, bad
print("office: %d cases; LibreOffice evaluates %d of them unguarded: %s" % (len(cases), len(evaluated), evaluated))
PYEOF2

[ $failed = 0 ] && echo "office: ok (PDFs in $out)"
exit $failed
