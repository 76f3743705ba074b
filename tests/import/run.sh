#!/bin/sh
# Import tests: the exact round trip, for every kind, of the roadmaps in
# roadmaps/ and of the bench's roadmap (tests/bench/gen.c at the bench's
# 5,000 capabilities; make bench times the 50,000 one):
#
#  - each export (for milestones, which ldr does not export, the sheet
#    tests/import/milestones.py writes) imported --into the roadmap it came
#    from changes nothing: the file is the same, byte for byte;
#  - imported into a new roadmap (-o), which is canonical ('ldr fmt --check'),
#    and exported again, it gives the same sheet: the same CSV bytes; for a
#    workbook, the same cells, notes and formats (tests/import/same_xlsx.py),
#    but for the document's properties and, where the import said which
#    activity a note is about cannot be told, that note.
#
# Workbooks ldr did not write are tests/cli/import-foreign.t.
#
#   sh tests/import/run.sh
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
export GIT_CEILING_DIRECTORIES="$top" LC_ALL=C.UTF-8 TZ=UTC
PY=/usr/bin/python3
LDR=${LDR:-$top/ldr}
out=build/tests/import
rm -rf "$out" && mkdir -p "$out"
failed=0

fail() {
	echo "import: $*"
	failed=1
}

# The sheet of KIND for ROADMAP, in OUT.
sheet() { # KIND ROADMAP OUT
	if [ "$1" = milestones ]; then
		$PY tests/import/milestones.py "$2" "$3"
	else
		"$LDR" export "$1" -o "$3" "$2"
	fi
}

same() { # A B [SHEET!CELL...]
	case $1 in
	*.csv) cmp -s "$1" "$2" || { diff -u "$1" "$2" | head -20; return 1; } ;;
	*) $PY tests/import/same_xlsx.py "$@" ;;
	esac
}

into() { # ROADMAP NAME KIND FILE
	copy=$out/$2-$3-into.yaml
	cp "$1" "$copy"
	if ! "$LDR" import "$3" "$4" --into "$copy" >"$copy.out" 2>&1; then
		cat "$copy.out"
		fail "$2: $4 --into: failed"
	elif ! grep -q '^nothing to change' "$copy.out" || ! cmp -s "$1" "$copy"; then
		head -20 "$copy.out"
		fail "$2: $4 --into $1 changed it"
	fi
}

fresh() { # NAME KIND FILE
	new=$out/$1-$(basename "$3").yaml
	if ! "$LDR" import "$2" "$3" -o "$new" >/dev/null 2>"$new.err"; then
		cat "$new.err"
		fail "$1: $3 -o: failed"
		return
	fi
	"$LDR" fmt --check "$new" || fail "$1: $new is not canonical"
	again=${3%.*}.again.${3##*.}
	sheet "$2" "$new" "$again" || { fail "$1: $2 of the new roadmap"; return; }
	# The cells whose notes name activities the import could not tell apart.
	untold=$(sed -n "s/^[^:]*: \(.*![A-Z]*[0-9]*\): the note gives the reason .*/\1/p" "$new.err" | sort -u)
	old_ifs=$IFS
	IFS='
'
	# shellcheck disable=SC2086
	same "$3" "$again" $untold || fail "$1: $3, imported and exported again, differs"
	IFS=$old_ifs
}

"$top"/build/bench/gen --capabilities 5000 --projects 500 --deps 1000 >"$out/bench.yaml" ||
	fail "no bench roadmap (make build/bench/gen)"
for roadmap in roadmaps/derbyshire.yaml roadmaps/annex2-illustration.yaml "$out/bench.yaml"; do
	name=$(basename "$roadmap" .yaml)
	for spec in annex2.xlsx annex2.csv annex4.xlsx dossier.xlsx dossier.csv trajectory.xlsx \
		milestones.xlsx milestones.csv; do
		kind=${spec%.*}
		f=$out/$name-$spec
		sheet "$kind" "$roadmap" "$f" || { fail "$name: $spec: no sheet"; continue; }
		into "$roadmap" "$name" "$kind" "$f"
		fresh "$name" "$kind" "$f"
	done
done

if [ $failed = 0 ]; then
	echo "import: ok"
fi
exit $failed
