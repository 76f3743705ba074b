#!/usr/bin/python3
"""Check what a reader (openpyxl) finds in the spreadsheets ldr writes.

    /usr/bin/python3 tests/export/check_xlsx.py KIND FILE.xlsx [hostile]

KIND is annex2, annex4, dossier, milestones, trajectory or aggregate (the national
view of 'ldr aggregate -o'). Checks the sheets and
their names, the frozen header, the autofilter over every row, the
drop-down validations and their ranges, and that every cell is a string
or a number: never a formula, whatever the roadmap's text; that every
table has a border round each of its cells and prints landscape, one page
wide, its header rows repeated, with text no smaller than 8 points; and
Annex 2's title rows, its Year (financial years only) and Detail
columns. With
'hostile', also that the text that looks like a formula in
tests/export/data/hostile.yaml arrived as the same text. Prints one line
per file, or what is wrong and exits 1."""
import re
import sys

import openpyxl

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def all_cells(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    yield ws, c


def inert(wb):
    """Every cell a string or a number: none a formula."""
    for ws, c in all_cells(wb):
        check(c.data_type in ("s", "n"),
              "%s!%s is of type %r: %r" % (ws.title, c.coordinate, c.data_type, c.value))
        if isinstance(c.value, str):
            check(len(c.value) <= 32767, "%s!%s is longer than a cell may be" % (ws.title, c.coordinate))


# Paper widths (landscape, points) by the paperSize codes Excel uses.
PAPER = {9: ("A4", 841.89), 8: ("A3", 1190.55)}
MIN_PT = 8.0


def printed_pt(ws):
    """The size the table's smallest text prints at: fitted to the page's
    width, a column w wide (as stored) being about 7w pixels of 0.75
    points (Calibri 11's digit is 7 pixels wide)."""
    paper = PAPER.get(int(ws.page_setup.paperSize or 9))
    check(paper is not None, "%s: paper %r" % (ws.title, ws.page_setup.paperSize))
    if paper is None:
        return 0
    printable = paper[1] - 72 * (ws.page_margins.left + ws.page_margins.right)
    width = sum(7 * ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width * 0.75
                for c in range(1, ws.max_column + 1))
    scale = min(1.0, int(printable / width * 100) / 100.0)  # a whole percentage
    if ws.page_setup.scale and not ws.sheet_properties.pageSetUpPr.fitToPage:
        scale = ws.page_setup.scale / 100.0
    sizes = [c.font.sz or 11 for row in ws.iter_rows() for c in row if c.value is not None]
    return min(sizes) * scale


def printing(ws, head_row, repeat_from):
    """Landscape, one page wide, the header rows repeated, legible."""
    ps = ws.page_setup
    check(ps.orientation == "landscape", "%s: orientation %r" % (ws.title, ps.orientation))
    check(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage,
          "%s: not fitted to the page" % ws.title)
    # fitToWidth and fitToHeight default to 1 (the file leaves a 1 out).
    check((ps.fitToWidth or 1) == 1, "%s: %r pages wide" % (ws.title, ps.fitToWidth))
    check((ps.fitToHeight or 1) != 1, "%s: squeezed onto %r page tall" % (ws.title, ps.fitToHeight))
    check(ws.print_title_rows == "$%d:$%d" % (repeat_from, head_row),
          "%s: printed pages repeat %r, not rows %d-%d" % (ws.title, ws.print_title_rows, repeat_from, head_row))
    pt = printed_pt(ws)
    check(pt >= MIN_PT, "%s: text prints at %.1f pt on %s" % (
        ws.title, pt, PAPER.get(int(ps.paperSize or 9), ("?",))[0]))


def borders(ws, head_row):
    """A thin border round every cell of the table, blank ones too."""
    for row in ws.iter_rows(min_row=head_row, max_row=ws.max_row, max_col=ws.max_column):
        for c in row:
            b = c.border
            sides = [b.left.style, b.right.style, b.top.style, b.bottom.style]
            if sides != ["thin"] * 4:
                check(False, "%s!%s has borders %r" % (ws.title, c.coordinate, sides))
                return


def table(ws, head_row, ncols_min, repeat_from=None):
    """A table: header frozen below head_row, filtered over every row."""
    check(ws.freeze_panes == "A%d" % (head_row + 1),
          "%s: the header is not frozen (freeze_panes %r)" % (ws.title, ws.freeze_panes))
    ref = ws.auto_filter.ref
    check(ref is not None, "%s: no autofilter" % ws.title)
    if ref:
        first, last = ref.split(":")
        check(first == "A%d" % head_row, "%s: the autofilter starts at %s" % (ws.title, first))
        last_row = int("".join(ch for ch in last if ch.isdigit()))
        check(last_row == ws.max_row, "%s: the autofilter ends at row %d of %d" % (ws.title, last_row, ws.max_row))
    check(ws.max_column >= ncols_min, "%s: %d columns" % (ws.title, ws.max_column))
    printing(ws, head_row, repeat_from or head_row)
    borders(ws, head_row)
    for col in range(1, ws.max_column + 1):
        letter = openpyxl.utils.get_column_letter(col)
        dim = ws.column_dimensions[letter]
        check(dim.customWidth and 5 <= dim.width <= 75,
              "%s: column %s has width %r" % (ws.title, letter, dim.width))


def header(ws, row=1):
    return [c.value for c in ws[row]]


def validations(ws):
    return {str(dv.sqref): (dv.type, dv.formula1, dv.errorStyle or "stop")
            for dv in ws.data_validations.dataValidation}


def lists(wb):
    """The hidden Lists sheet: each defined name's values."""
    out = {}
    for name in ("Years", "Groups", "Statuses"):
        if name not in wb.defined_names:
            continue
        dest = list(wb.defined_names[name].destinations)
        check(len(dest) == 1, "%s has %d ranges" % (name, len(dest)))
        sheet, rng = dest[0]
        check(sheet == "Lists" and wb[sheet].sheet_state == "hidden",
              "%s is not on the hidden Lists sheet" % name)
        out[name] = [c.value for row in wb[sheet][rng.replace("$", "")] for c in row]
    return out


def check_annex2(wb, hostile):
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    check(visible == ["Capability deployment schedule"], "annex2 sheets: %r" % visible)
    ws = wb["Capability deployment schedule"]
    # The template's title rows: the title, a note, the band over the
    # template's four columns and over the locally defined ones.
    check((ws["A1"].value or "").startswith("Capability deployment schedule (Annex 2)"),
          "annex2 title: %r" % ws["A1"].value)
    check(ws["A1"].font.b and ws["A1"].font.sz >= 12, "annex2 title is not a title")
    check("locally defined attributes" in (ws["A2"].value or ""), "annex2 note: %r" % ws["A2"].value)
    merged = {str(r) for r in ws.merged_cells.ranges}
    last = openpyxl.utils.get_column_letter(ws.max_column)
    check(ws["A3"].value == "Capability" and "A3:D3" in merged, "annex2 band: %r %r" % (ws["A3"].value, merged))
    check(ws["E3"].value == "Locally defined attributes \u2192" and
          (("E3:%s3" % last) in merged or last == "E"),  # one local column is not merged
          "annex2 band over the local columns: %r %r" % (ws["E3"].value, merged))
    check("A2:%s2" % last in merged, "annex2 note not across the table: %r" % merged)
    h = header(ws, 4)
    check(h[:4] == ["Who", "What", "Year", "Capability group"], "annex2 header: %r" % h[:4])
    check(h[-1] == "Delivering projects", "annex2 last column: %r" % h[-1])
    local = [c for c in ("Detail", "Id", "Status") if c in h]
    check(h[4:4 + len(local)] == local, "annex2 local columns out of place: %r" % h)
    attrs = h[4 + len(local):-1]
    check(attrs == sorted(attrs), "annex2 attributes not sorted: %r" % attrs)
    table(ws, 4, 5, repeat_from=3)
    v = validations(ws)
    check(v.get("C5:C1048576") == ("list", "Years", "warning"), "annex2 Year validation: %r" % v)
    check(v.get("D5:D1048576") == ("list", "Groups", "stop"), "annex2 group validation: %r" % v)
    col = {name: i for i, name in enumerate(h)}
    rows = list(ws.iter_rows(min_row=5))
    if "Status" in col:
        letter = openpyxl.utils.get_column_letter(col["Status"] + 1)
        check(v.get("%s5:%s1048576" % (letter, letter)) == ("list", "Statuses", "stop"),
              "annex2 status validation: %r" % v)
    if "Id" in col:
        ids = [r[col["Id"]].value for r in rows]
        check(all(ids) and len(set(ids)) == len(ids), "annex2 ids: %r" % ids)
    # Year holds financial years only; a quarter or month is in Detail, and
    # its year is the financial year containing it.
    for r in rows:
        y = r[2].value
        check(y is None or re.fullmatch(r"\d\d/\d\d", y), "annex2 %s: year %r" % (r[2].coordinate, y))
        d = r[col["Detail"]].value if "Detail" in col else None
        if d is not None:
            check(fy_of(d) == y, "annex2 row %d: detail %r in year %r" % (r[2].row, d, y))
    ls = lists(wb)
    check(ls.get("Groups", [])[:7] == [
        "Records, assessments and plans", "Transfers of care", "Orders and results management",
        "Medicines management and optimisation", "Decision support", "Remote care",
        "Asset and resource optimisation"], "annex2 Groups list: %r" % ls.get("Groups"))
    years = ls.get("Years", [])
    check(all(re.fullmatch(r"\d\d/\d\d", y or "") for y in years), "annex2 Years list: %r" % years)
    if "Status" in col:
        for r in rows:
            s = r[col["Status"]].value
            check(s is None or s in ls.get("Statuses", []), "annex2 status %r not in the list" % s)
    for row in rows:
        if row[2].value is not None:
            check(row[2].value in years, "annex2 %s: year %r not in the list" % (row[2].coordinate, row[2].value))
        if row[3].value is not None:
            check(row[3].value in ls.get("Groups", []), "annex2 %s: group %r not in the list" % (
                row[3].coordinate, row[3].value))
    if hostile:
        # In 16/17, C2 (records, due 2016-07) comes before C1 (a local group).
        check(ws["A6"].value == '=HYPERLINK("http://x","click")', "annex2 A6: %r" % ws["A6"].value)
        check(ws["B6"].value == "+1", "annex2 B6: %r" % ws["B6"].value)
        check("=cmd|' /C calc'!A0" in h, "annex2 header lost a column: %r" % h)
        check(ws["A5"].value == "<script>alert(1)</script>", "annex2 A5: %r" % ws["A5"].value)
        check("\U0001F600" in ws["B5"].value, "annex2 B5 lost its emoji: %r" % ws["B5"].value)
        # C2 is due in 2016-07: the year 16/17, the month in Detail.
        check([ws["C5"].value, ws["E5"].value] == ["16/17", "2016-07"],
              "annex2 C2's year and detail: %r" % [ws["C5"].value, ws["E5"].value])


def fy_of(t):
    """The financial year ("16/17") of a quarter ("16/17 Q2") or a month
    ("2016-07")."""
    m = re.fullmatch(r"(\d\d/\d\d) Q[1-4]", t)
    if m:
        return m.group(1)
    m = re.fullmatch(r"(\d{4})-(\d\d)", t)
    if not m:
        return None
    y = int(m.group(1)) - (int(m.group(2)) < 4)
    return "%02d/%02d" % (y % 100, (y + 1) % 100)


def check_annex4(wb, hostile):
    names = [ws.title for ws in wb.worksheets]
    check(len(names) == 11, "annex4: %d sheets %r" % (len(names), names))
    check(names[0] == "Universal capabilities", "annex4 first sheet %r" % names[0])
    for i, name in enumerate(names[1:], 1):
        check(name.startswith("UC%02d " % i) and len(name) <= 31 and not any(ch in name for ch in "[]:*?/\\"),
              "annex4 sheet name %r" % name)
    ws = wb["Universal capabilities"]
    table(ws, 1, 6)
    check([c.value for c in ws["A"]][1:] == ["UC%02d" % i for i in range(1, 11)], "annex4 summary ids")
    check(header(ws)[3].startswith("Aims (in terms of take-up and optimisation)"), "annex4 aims header")
    for name in names[1:]:
        s = wb[name]
        labels = [c.value for c in s["A"] if c.value]
        for want in ("Universal Capability:", "Capability Group:", "Defined Aims:", "A. Baseline",
                     "B. Ambition", "C. Activities", "D. National Services / Infrastructure / Standards",
                     "E. Evidencing Progress", "Year", "Quarter"):
            check(want in labels, "annex4 %s has no %r" % (name, want))
        quarters = [v for v in labels if v[:2].isdigit() and " Q" in v]
        check(len(quarters) >= 8, "annex4 %s: %d quarters" % (name, len(quarters)))
        check(quarters == sorted(quarters, key=lambda q: (q[:5], q[-1])), "annex4 %s quarters out of order" % name)
    if hostile:
        uc4 = wb[names[4]]
        texts = [c.value for row in uc4.iter_rows() for c in row if isinstance(c.value, str)]
        check("\u2022 =HYPERLINK(\"http://x\") \u2713 done 2018-08" in texts, "annex4 UC04 activity, done with its date: %r" % texts)
        check("18/19 Q2" in texts, "annex4 UC04: the 18/19 Q2 activity's row is missing")


def check_dossier(wb, hostile):
    ws = wb.worksheets[0]
    check(ws.title == "Project dossier", "dossier sheet %r" % ws.title)
    h = header(ws)
    check(h[:3] == ["Ref", "Id", "Initiative"] and "Care quality" in h and "Notes" in h, "dossier header %r" % h)
    table(ws, 1, 14)
    # The notes (mostly where each fact came from) in a column of their own,
    # after the project's own columns, and never in another column.
    notes = h.index("Notes")
    check(notes >= h.index("Status"), "dossier: Notes before the project's columns: %r" % h)
    for row in ws.iter_rows(min_row=2):
        text = row[notes].value
        if text and len(text) > 40:
            others = [c.coordinate for c in row if c.column != notes + 1 and c.value == text]
            check(not others, "dossier: the notes of row %d also in %r" % (row[0].row, others))
    v = validations(ws)
    check(v.get("E2:E1048576") == ("list", "Groups", "stop"), "dossier group validation: %r" % v)
    check(v.get("M2:M1048576") == ("list", "Statuses", "stop"), "dossier status validation: %r" % v)
    refs = [c.value for c in ws["A"][1:] if c.value is not None]
    check(all(isinstance(r, (int, float)) for r in refs), "dossier refs are not numbers")
    check(refs == sorted(refs), "dossier not sorted by ref")
    if hostile:
        check(ws["C2"].value == '=HYPERLINK("http://x","click")', "dossier C2: %r" % ws["C2"].value)
        check(ws["C3"].value == "\tleading tab", "dossier C3: %r" % ws["C3"].value)


def check_trajectory(wb, hostile):
    ws = wb.worksheets[0]
    check(ws.title == "Deployment trajectory", "trajectory sheet %r" % ws.title)
    h = header(ws, 4)
    check(h[:4] == ["Provider", "Capability group", "Baseline year", "Baseline"], "trajectory header %r" % h)
    table(ws, 4, 4)
    check("mean of the providers" in (ws["A2"].value or ""), "trajectory: no note on the mean")
    means = [r for r in ws.iter_rows(min_row=5) if r[0].value == "Footprint (mean of providers)"]
    check(len(means) > 0 or ws.max_row == 4, "trajectory: no footprint rows")
    if hostile:
        check(ws["A5"].value == '=HYPERLINK("http://x","click") <script>', "trajectory A5: %r" % ws["A5"].value)
        check(ws["F5"].value == 50, "trajectory 17/18 target: %r" % ws["F5"].value)


def check_aggregate(wb, hostile):
    names = [ws.title for ws in wb.worksheets]
    want = ["Footprints", "Capabilities", "Universal capabilities", "UC plans", "Targets", "Checks"]
    check(names == want, "aggregate sheets %r" % names)
    for name in names:
        table(wb[name], 1, 5)
    fps = wb["Footprints"]
    check(header(fps)[:4] == ["File", "Footprint", "Status", "As at"], "aggregate header %r" % header(fps))
    checked = [r for r in fps.iter_rows(min_row=2) if r[2].value == "checked"]
    for r in checked:
        check(all(isinstance(c.value, (int, float)) for c in r[4:11]),
              "aggregate %s: the counts are not numbers" % r[0].coordinate)
    caps = wb["Capabilities"]
    rows = list(caps.iter_rows(min_row=2, values_only=True))
    check([r[0] for r in rows][:7] == [
        "Records, assessments and plans", "Transfers of care", "Orders and results management",
        "Medicines management and optimisation", "Decision support", "Remote care",
        "Asset and resource optimisation"], "aggregate groups %r" % [r[0] for r in rows])
    total = sum(r[-2] for r in rows)
    check(total == sum(r[6].value for r in checked),
          "aggregate: %d capabilities by group, %d by footprint" % (total, sum(r[6].value for r in checked)))
    for r in rows:
        check(sum(r[1:-2]) == r[-2], "aggregate: the years of %r do not add up" % r[0])
    ucs = [r[0] for r in wb["Universal capabilities"].iter_rows(min_row=2, values_only=True)]
    check(ucs == ["UC%02d" % i for i in range(1, 11)], "aggregate UCs %r" % ucs)
    plans = wb["UC plans"].max_row - 1
    check(plans == 10 * len(checked), "aggregate: %d plan rows for %d footprints" % (plans, len(checked)))
    targets = {r[0] for r in wb["Targets"].iter_rows(min_row=2, values_only=True)}
    check(targets <= {"UC04", "UC09", "UC10"}, "aggregate targets %r" % targets)
    if hostile:
        names = [c.value for c in fps["B"]]
        check("=SUM(1) South \u202eevil" in names, "aggregate: the formula-like name is lost: %r" % names)


def check_milestones(wb, hostile):
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    check(visible == ["Milestones"], "milestones sheets: %r" % visible)
    ws = wb["Milestones"]
    h = header(ws)
    check(h == ["Programme", "Id", "Commitment", "Due (as written)", "Status", "Delivered", "Overdue",
                "Owner"], "milestones header %r" % h)
    table(ws, 1, 8)
    v = validations(ws)
    check(v.get("E2:E1048576") == ("list", "Statuses", "stop"), "milestones status validation: %r" % v)
    check(lists(wb).get("Statuses") == ["Planned", "At risk", "Done", "Missed", "Dropped"],
          "milestones statuses: %r" % lists(wb).get("Statuses"))
    for row in ws.iter_rows(min_row=2):
        check(row[6].value in ("yes", "no"), "milestones overdue %r" % row[6].value)
        due = row[3].value or ""
        if due == "tbc" or due.startswith("from "):
            check(row[6].value == "no", "milestones: %s is called overdue" % row[1].value)
    if hostile:
        check(ws["A2"].value == "+SUM(1,2)", "milestones A2: %r" % ws["A2"].value)
        check(ws["C2"].value == '=HYPERLINK("http://x","click")', "milestones C2: %r" % ws["C2"].value)
        check(ws["H2"].value == "@SUM(1)", "milestones H2: %r" % ws["H2"].value)
        check(ws["C4"].value.startswith("\tleading tab"), "milestones C4: %r" % ws["C4"].value)


def main():
    kind, path = sys.argv[1], sys.argv[2]
    hostile = len(sys.argv) > 3 and sys.argv[3] == "hostile"
    wb = openpyxl.load_workbook(path)
    inert(wb)
    {"annex2": check_annex2, "annex4": check_annex4, "dossier": check_dossier,
     "milestones": check_milestones,
     "trajectory": check_trajectory, "aggregate": check_aggregate}[kind](wb, hostile)
    if failures:
        for f in failures:
            print("%s: %s" % (path, f))
        sys.exit(1)
    print("%s: ok" % path)


if __name__ == "__main__":
    main()
