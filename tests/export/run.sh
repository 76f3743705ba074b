#!/bin/sh
# Export tests: every spreadsheet export of each roadmap below.
#
#  - CSV must equal tests/export/golden/NAME-KIND.csv byte for byte, and
#    begin with a UTF-8 byte-order mark (none with --no-bom);
#  - XLSX must come out byte-identical from two runs (in two time zones),
#    what openpyxl reads in it must equal tests/export/golden/NAME-KIND.xlsx.txt
#    (tests/export/xlsx_dump.py), and tests/export/check_xlsx.py must pass:
#    sheets, frozen header, autofilter, drop-downs, no formulas;
#  - text longer than a cell holds is cut in the XLSX with a warning, and
#    kept whole in the CSV.
#
#   sh tests/export/run.sh           run them
#   UPDATE=1 sh tests/export/run.sh  rewrite the golden files (read the diff!)
#
# openpyxl is Debian's python3-openpyxl, so the interpreter is /usr/bin/python3
# (the python3 first on a PATH may be another one, without apt's packages).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
# The project's roadmaps are in the project's own repository, at a commit
# that changes with every commit of ldr: here, no repository is looked for
# above the project, and the exports name none (tests/cli/export.t makes
# throw-away repositories for that).
export GIT_CEILING_DIRECTORIES="$top"
cd "$top" || exit 1
export LC_ALL=C.UTF-8 TZ=UTC
PY=/usr/bin/python3
golden=tests/export/golden
out=build/tests/export
rm -rf "$out" && mkdir -p "$out"
failed=0

fail() {
	echo "export: $*"
	failed=1
}

# compare GOT WANT: equal, or (UPDATE=1) make it so.
compare() {
	if [ "${UPDATE:-}" = 1 ]; then
		cmp -s "$1" "$2" || { cp "$1" "$2" && echo "export: $2: written"; }
	elif ! cmp -s "$1" "$2"; then
		diff -u "$2" "$1" | head -40
		fail "$1 differs from $2"
	fi
}

export_one() { # ROADMAP NAME KIND EXT [hostile]
	f=$out/$2-$3.$4
	if ! ./ldr export "$3" -o "$f" "$1" 2>"$f.err"; then
		cat "$f.err"
		fail "$2: $3 .$4 failed"
		return
	fi
	[ -s "$f.err" ] && { cat "$f.err"; fail "$2: $3 .$4 warned"; }
	case $4 in
	csv)
		compare "$f" "$golden/$2-$3.csv"
		[ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "$2: $3 .csv has no byte-order mark"
		./ldr export "$3" --no-bom -o "$out/nobom.csv" "$1" &&
			tail -c +4 "$f" | cmp -s - "$out/nobom.csv" || fail "$2: $3 .csv --no-bom is not the same less the mark"
		;;
	xlsx)
		TZ=Pacific/Auckland ./ldr export "$3" -o "$out/again.xlsx" "$1" &&
			cmp -s "$f" "$out/again.xlsx" || fail "$2: $3 .xlsx is not the same bytes twice"
		$PY tests/export/xlsx_dump.py "$f" >"$f.txt" || fail "$2: $3: openpyxl cannot read it"
		compare "$f.txt" "$golden/$2-$3.xlsx.txt"
		$PY tests/export/check_xlsx.py "$3" "$f" ${5:-} >/dev/null ||
			{ $PY tests/export/check_xlsx.py "$3" "$f" ${5:-}; fail "$2: $3 .xlsx"; }
		;;
	esac
}

for roadmap in roadmaps/derbyshire.yaml roadmaps/annex2-illustration.yaml tests/export/data/hostile.yaml; do
	name=$(basename "$roadmap" .yaml)
	mode=
	[ "$name" = hostile ] && mode=hostile
	for spec in annex2.xlsx annex2.csv annex4.xlsx dossier.xlsx dossier.csv trajectory.xlsx; do
		export_one "$roadmap" "$name" "${spec%.*}" "${spec#*.}" $mode
	done
done

# The milestones of programme plans, for a programme board: every milestone
# and checkpoint a row, the status a drop-down; text that looks like a
# formula arrives as text. Their programmes, as a dossier.
for roadmap in roadmaps/programme.yaml tests/export/data/hostile-programme.yaml; do
	name=$(basename "$roadmap" .yaml)
	mode=
	[ "$name" = hostile-programme ] && mode=hostile
	for spec in milestones.xlsx milestones.csv; do
		export_one "$roadmap" "$name" "${spec%.*}" "${spec#*.}" $mode
	done
done
for spec in dossier.xlsx dossier.csv; do
	export_one roadmaps/programme.yaml programme "${spec%.*}" "${spec#*.}"
done

# Annex 2 without the locally defined Id and Status columns (--no-id,
# --no-status), in the workbook and the CSV; the rest as ever.
./ldr export annex2 --no-id --no-status -o "$out/plain.xlsx" roadmaps/derbyshire.yaml &&
	./ldr export annex2 --no-id -o "$out/plain.csv" roadmaps/derbyshire.yaml || fail "annex2 --no-id failed"
$PY tests/export/check_xlsx.py annex2 "$out/plain.xlsx" >/dev/null ||
	{ $PY tests/export/check_xlsx.py annex2 "$out/plain.xlsx"; fail "annex2 --no-id --no-status"; }
$PY - "$out/plain.xlsx" "$out/plain.csv" <<'EOF' || fail "annex2: --no-id or --no-status left a column"
import csv, sys, openpyxl
h = [c.value for c in openpyxl.load_workbook(sys.argv[1]).active[4]]
assert h == ["Who", "What", "Year", "Capability group", "Detail", "Solution", "Delivering projects"], h
h = next(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
assert h == ["Who", "What", "Year", "Capability group", "Detail", "Status", "Solution", "Delivering projects"], h
EOF

# The national view: Derbyshire, the illustration and a directory of small
# footprints, one of them unreadable (exit 2) and one named like a formula.
agg=$out/aggregate.xlsx
set -- roadmaps/derbyshire.yaml roadmaps/annex2-illustration.yaml tests/cli/data/national
./ldr aggregate -o "$agg" "$@" 2>/dev/null
[ $? = 2 ] || fail "aggregate: not exit 2 with an unreadable file"
TZ=Pacific/Auckland ./ldr aggregate -o "$out/again.xlsx" "$@" 2>/dev/null
cmp -s "$agg" "$out/again.xlsx" || fail "aggregate: .xlsx is not the same bytes twice"
$PY tests/export/xlsx_dump.py "$agg" >"$agg.txt" || fail "aggregate: openpyxl cannot read it"
compare "$agg.txt" "$golden/national-aggregate.xlsx.txt"
$PY tests/export/check_xlsx.py aggregate "$agg" hostile >/dev/null ||
	{ $PY tests/export/check_xlsx.py aggregate "$agg" hostile; fail "aggregate .xlsx"; }

# A capability whose text is longer than a cell holds.
long=$out/long.yaml
awk 'BEGIN {
	printf "ldr: 1\nfootprint:\n  name: Long\n  start: 16/17\n  end: 18/19\ncapabilities:\n"
	printf "- id: C1\n  who: Everyone\n  what: "
	for (i = 0; i < 4000; i++) printf "%s", "0123456789"
	printf "\n  year: 16/17\n  group: records\n"
}' >"$long"
./ldr export annex2 -o "$out/long.xlsx" "$long" 2>"$out/long.err" || fail "long: the export failed"
grep -q "row 5 (C1), column 2: text cut to the 32,767 characters" "$out/long.err" ||
	{ cat "$out/long.err"; fail "long: no warning that the text was cut"; }
$PY - "$out/long.xlsx" <<'EOF' || fail "long: the cut cell is wrong"
import sys, openpyxl
v = openpyxl.load_workbook(sys.argv[1]).active["B5"].value
assert len(v) == 32767, len(v)
assert v.startswith("0123456789") and "cut here" in v[-100:], v[-100:]
EOF
./ldr export annex2 -o "$out/long.csv" "$long" 2>"$out/long-csv.err" || fail "long: the CSV export failed"
[ -s "$out/long-csv.err" ] && fail "long: the CSV export warned"
grep -c 0123456789 "$out/long.csv" >/dev/null && [ "$(wc -c <"$out/long.csv")" -gt 40000 ] ||
	fail "long: the CSV lost text"

if [ $failed = 0 ]; then
	echo "export: ok"
fi
exit $failed
