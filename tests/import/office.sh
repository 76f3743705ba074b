#!/bin/sh
# A workbook saved by LibreOffice: tests/import/data/libreoffice-annex2.xlsx
# is tests/import/data/libreoffice-annex2.csv converted by LibreOffice Calc
# 7.4 (Debian 12's libreoffice-calc) with
#
#   soffice --headless --convert-to xlsx --outdir tests/import/data \
#       tests/import/data/libreoffice-annex2.csv
#
# and committed, so that make test needs no LibreOffice (large, slow to
# start; tests/cli/import-foreign.t imports the committed file). This
# script (make check-office) converts the CSV again with the LibreOffice
# installed and checks that what ldr imports from it is what it imports
# from the committed file.
#
#   sh tests/import/office.sh [--update]   --update: replace the committed file
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
export LC_ALL=C.UTF-8 TZ=UTC
out=build/tests/import-office
rm -rf "$out" && mkdir -p "$out"
if ! command -v soffice >/dev/null; then
	echo "import-office: no soffice (apt-get install libreoffice-calc): skipped"
	exit 0
fi
HOME=$top/$out timeout 120 soffice --headless --convert-to xlsx --outdir "$out" \
	tests/import/data/libreoffice-annex2.csv >"$out/soffice.log" 2>&1 ||
	{ cat "$out/soffice.log"; echo "import-office: LibreOffice could not convert the CSV"; exit 1; }
if [ "${1:-}" = --update ]; then
	cp "$out/libreoffice-annex2.xlsx" tests/import/data/libreoffice-annex2.xlsx
	echo "import-office: tests/import/data/libreoffice-annex2.xlsx: written"
	exit 0
fi
for f in "$out/libreoffice-annex2.xlsx" tests/import/data/libreoffice-annex2.xlsx; do
	./ldr import annex2 "$f" -o "$out/$(basename "$(dirname "$f")").yaml" >/dev/null 2>&1 ||
		{ echo "import-office: $f: the import failed"; exit 1; }
done
# The same roadmap but for the file names in the derived reasons.
if ! diff -u "$out/data.yaml" "$out/import-office.yaml" | grep '^[-+] ' | grep -qv 'annex2.xlsx'; then
	echo "import-office: ok"
else
	diff -u "$out/data.yaml" "$out/import-office.yaml"
	echo "import-office: LibreOffice's workbook of today imports differently"
	exit 1
fi
