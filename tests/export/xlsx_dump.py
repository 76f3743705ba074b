#!/usr/bin/python3
"""Print what a reader finds in an .xlsx workbook, as plain text for golden
tests: document properties, defined names, and for each sheet its state,
frozen panes, autofilter, print titles, paper and fitting, merged ranges,
column widths, data validations and
every non-empty cell (its type, value, whether italic, and its note).

    /usr/bin/python3 tests/export/xlsx_dump.py FILE.xlsx

Uses Debian's python3-openpyxl (run it with /usr/bin/python3: the python3
first on a PATH may be another interpreter without apt's packages)."""
import sys

import openpyxl


def text(v):
    """A value on one line: newlines and tabs shown as \\n and \\t."""
    if v is None:
        return ""
    s = str(v)
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def dump(path, out):
    wb = openpyxl.load_workbook(path)
    p = wb.properties
    out.append("properties: title=%s subject=%s created=%s" % (
        text(p.title), text(p.subject), p.created.isoformat() if p.created else ""))
    for name in sorted(wb.defined_names.keys() if hasattr(wb.defined_names, "keys")
                       else [d.name for d in wb.defined_names.definedName]):
        d = wb.defined_names[name]
        out.append("name %s = %s" % (name, d.attr_text))
    for ws in wb.worksheets:
        out.append("")
        out.append("sheet %r state=%s" % (ws.title, ws.sheet_state))
        out.append("  freeze: %s" % (ws.freeze_panes or "-"))
        out.append("  autofilter: %s" % (ws.auto_filter.ref or "-"))
        out.append("  print titles: %s" % (ws.print_title_rows or "-"))
        ps = ws.page_setup
        fit = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
        out.append("  print: paper=%s %s fit=%s" % (
            ps.paperSize or "-", ps.orientation or "-",
            "%sx%s" % (ps.fitToWidth or 1, ps.fitToHeight or 1) if fit else "-"))
        merged = sorted(str(r) for r in ws.merged_cells.ranges)
        if merged:
            out.append("  merged: %s" % " ".join(merged))
        widths = []
        for key in sorted(ws.column_dimensions.keys(), key=lambda k: (len(k), k)):
            dim = ws.column_dimensions[key]
            if dim.customWidth:
                widths.append("%s=%g" % (key, round(dim.width, 2)))
        out.append("  widths: %s" % (" ".join(widths) or "-"))
        for dv in ws.data_validations.dataValidation:
            out.append("  validation %s: %s %s error=%s blank-ok=%s" % (
                dv.sqref, dv.type, dv.formula1, dv.errorStyle or "stop", dv.allow_blank))
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and c.comment is None:
                    continue
                flags = c.data_type
                if c.font is not None and c.font.i:
                    flags += " italic"
                line = "  %s %s %s" % (c.coordinate, flags, text(c.value))
                if c.comment is not None:
                    line += "  [note: %s]" % text(c.comment.text)
                out.append(line)


def main():
    out = []
    for path in sys.argv[1:]:
        dump(path, out)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
