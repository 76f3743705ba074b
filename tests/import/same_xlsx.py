#!/usr/bin/python3
"""Whether two workbooks hold the same sheets, as tests/export/xlsx_dump.py
shows them (every cell's type, value, italics and note; widths, panes,
filters, validations, defined names), but for the document's properties
(the created date is the roadmap's publication or the export's commit) and
the notes of the cells named as SHEET!CELL after the files (their values
must be the same), and the Annex 2 schedule's note above its table, which
says the footprint's version and as-at date (the footprint is not carried
by the sheet: ldr(1), IMPORTS). Prints the differences.

    /usr/bin/python3 tests/import/same_xlsx.py A.xlsx B.xlsx ['Sheet!B19'...]"""
import difflib
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "export"))
import xlsx_dump  # noqa: E402


def lines(path, skip):
    out = []
    xlsx_dump.dump(path, out)
    sheet, kept = None, []
    for line in out[1:]:  # not the properties
        if line.startswith("sheet "):
            sheet = line[len("sheet "):].rsplit(" state=", 1)[0].strip("'\"")
        cell = line.split()[0] if line.startswith("  ") and line.split() else ""
        if sheet == "Capability deployment schedule" and cell == "A2":
            continue
        if "%s!%s" % (sheet, cell) in skip:
            line = line.split("  [note: ")[0].replace(" s italic ", " s ", 1)
        kept.append(line)
    return kept


def main():
    skip = set(sys.argv[3:])
    a, b = lines(sys.argv[1], skip), lines(sys.argv[2], skip)
    if a == b:
        return 0
    for d in list(difflib.unified_diff(a, b, sys.argv[1], sys.argv[2], lineterm="", n=1))[:30]:
        print(d[:300])
    return 1


if __name__ == "__main__":
    sys.exit(main())
