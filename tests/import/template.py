#!/usr/bin/python3
"""Workbooks as a programme office fills in the NHS templates, not as ldr
writes them, for tests/cli/import-foreign.t: written with openpyxl, with
title rows (merged across the table) above the header, an instructions
sheet first, the footprint's own columns, years in every spelling, dates
stored as serial numbers, a group's name merged down its rows, a hidden
row and a formula's cached value.

    /usr/bin/python3 tests/import/template.py DIR

writes DIR/annex2.xlsx, DIR/dossier.xlsx, DIR/trajectory.xlsx and
DIR/annex4.xlsx. Uses Debian's python3-openpyxl (run it with /usr/bin/python3)."""
import datetime
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Font


def title(ws, rows, width):
    for i, text in enumerate(rows, 1):
        ws.cell(row=i, column=1, value=text).font = Font(bold=True, size=14 if i == 1 else 11)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)


def annex2(path):
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Instructions"
    notes["A1"] = "Complete the schedule on the next sheet. One row per capability."
    ws = wb.create_sheet("Annex 2")
    title(ws, ["Derbyshire LDR \u2013 Annex 2: Capability Deployment Schedule", "Version 3, January 2017"], 6)
    ws.append([])
    ws.append(["Who", "What", "Year", "Capability Group", "Business change plan", "Solution"])
    rows = [
        ["GP practices", "Can view discharge summaries electronically", "2016/17", "Transfers of Care",
         "Training in Q1", "MIG"],
        ["A&E clinicians", "Can access GP-held medications and allergies", "16/17",
         "Records, Assessments and Plans", None, "Summary Care Record"],
        ["Community nurses", "Can record assessments\non mobile devices", "2016-17",
         "Mobile Working Infrastructure", None, "EMIS Web"],
        ["Health visitors", "Can record assessments on mobile devices", "FY17/18", None, None, "EMIS Web"],
        ["Social workers", "Can see end-of-life preferences", datetime.date(2017, 6, 30), "decisions",
         "Awareness sessions", None],
        ["Pharmacists", "Can receive electronic prescriptions", "17/18 Q3",
         "Medicines management and optimisation", None, "EPS"],
        ["Care homes", "Can order repeat prescriptions online", "FY 2018-19", "remote", None, "Patient portal"],
    ]
    for r in rows:
        ws.append(r)
    ws["C9"].number_format = "dd/mm/yyyy"
    # The local group's name, merged down the rows of its two capabilities.
    ws.merge_cells("D7:D8")
    ws.row_dimensions[11].hidden = True
    ws["B5"].comment = Comment("Agreed at the May board", "PMO")
    wb.save(path)
    cached_formula(path, "xl/worksheets/sheet2.xml", "F11", "Patient portal")


def cached_formula(path, part, ref, value):
    """Make a cell a formula with its cached value, as Excel saves one
    (openpyxl writes formulas without their values)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts[part].decode("utf-8")
    cell = '<c r="%s" t="str"><f>CONCATENATE("Patient ","portal")</f><v>%s</v></c>' % (ref, value)
    xml, n = re.subn(r'<c r="%s"[^>]*>.*?</c>' % ref, cell, xml, count=1)
    assert n == 1, ref
    parts[part] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def dossier(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Projects"
    title(ws, ["Digital programme: project list"], 10)
    ws.append(["Ref", "Project", "Description", "Start date", "End date", "Status", "Priority",
               "Care quality", "Efficiency", "Budget (\u00a3k)"])
    ws.append([1, "Shared care record", "One record across the footprint", datetime.date(2016, 6, 1),
               datetime.date(2017, 3, 31), "In progress", "PR01 Shared records", "\u2713", None, 250])
    ws.append([2, "Smartcards", None, "16/17 Q2", "16/17", "Planned", "PR01", None, "x", None])
    ws.append([3, "e-Prescribing", "Provider e-prescribing", "2017-18", "FY2018/19", "proposed",
               "Medicines safety", "yes", "yes", 1200])
    for cell in ("D3", "E3"):
        ws[cell].number_format = "dd/mm/yyyy"
    wb.save(path)


def trajectory(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Annex 3"
    title(ws, ["Digital maturity trajectory"], 6)
    ws.append(["Provider", "Capability group", "Baseline year", "Baseline", "Target 16/17", "Target 2017-18"])
    ws.append(["Royal Derby Hospital", "Records, assessments and plans", "2015/16", 45, 55, 70])
    ws.append(["Royal Derby Hospital", "transfers", "2015/16", 30, None, 50])
    ws.append(["Chesterfield Royal", "Records, assessments and plans", "2015/16", 60, 65, 80])
    wb.save(path)


def annex4(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "UC04 e-Referrals"
    rows = [
        ("Universal Capability:", "GPs can refer electronically to secondary care"),
        ("Capability enabled:", "In progress"),
        ("Usage and take-up:", "69% of referrals in July 2016"),
        (None, None),
        ("A. Baseline", None),
        (None, "69% of referrals made electronically"),
        ("B. Ambition", None),
        ("Year", "Ambition"),
        ("16/17", "80% by September 2017"),
        ("17/18", "100%"),
        ("C. Activities", None),
        ("Quarter", "Activities"),
        ("16/17 Q1", "Audit of paper referrals \u2713 done 2016-06\nPractice visits"),
        ("16/17 Q3", "- Switch off paper referrals\n- Report to the board"),
        ("D. National Services / Infrastructure / Standards", None),
        ("Solution:", "National"),
        ("E. Evidencing Progress", None),
        (None, "e-RS utilisation reports"),
    ]
    for r in rows:
        ws.append(r)
    wb.save(path)


def main():
    d = sys.argv[1]
    annex2(os.path.join(d, "annex2.xlsx"))
    dossier(os.path.join(d, "dossier.xlsx"))
    trajectory(os.path.join(d, "trajectory.xlsx"))
    annex4(os.path.join(d, "annex4.xlsx"))


if __name__ == "__main__":
    main()
