#!/bin/sh
# The spreadsheets as LibreOffice Calc opens them ('make check-office'; not
# part of 'make test', as LibreOffice is large and slow to start):
#
#  - every XLSX export of each roadmap below converts (--convert-to), so
#    LibreOffice can open it;
#  - the Annex 2 schedule converted to CSV holds the same cells as ldr's own
#    CSV export (which differs only in its formula guard and in joining the
#    delivering projects with "; " rather than line breaks);
#  - converted to flat ODS, no cell of any sheet is a formula;
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
lo = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
ours = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
def plain(cell):
    # ldr's CSV guards cells that begin like a formula with a leading '.
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell
assert len(lo) == len(ours), (len(lo), len(ours))
for i, (a, b) in enumerate(zip(lo, ours)):
    b = [plain(c) for c in b]
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
[ $failed = 0 ] && echo "office: ok (PDFs in $out)"
exit $failed
