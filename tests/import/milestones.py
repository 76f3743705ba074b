#!/usr/bin/python3
"""Write the milestones of a roadmap as a sheet, as a programme office keeps
them (ldr exports no milestones): a row per milestone with the columns
Project, Id, What, Due, Status, Delivered and Notes, below a title row (the
footprint's name).
For the round trip of 'ldr import milestones'.

    /usr/bin/python3 tests/import/milestones.py ROADMAP.yaml OUT.xlsx|OUT.csv

Uses Debian's python3-yaml and python3-openpyxl (run it with /usr/bin/python3)."""
import csv
import sys

import yaml

HEAD = ["Project", "Id", "What", "Due", "Status", "Delivered", "Notes"]


def text(v):
    return "" if v is None else str(v)


def rows(roadmap):
    for p in roadmap.get("projects") or []:
        for m in p.get("milestones") or []:
            status = text(m.get("status")).replace("-", " ").capitalize()
            yield ["%s %s" % (p["id"], p["name"]), m["id"], m["what"], text(m.get("due")), status,
                   text(m.get("delivered")), text(m.get("notes")).rstrip("\n")]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        roadmap = yaml.safe_load(f)
    title = roadmap["footprint"]["name"]
    if sys.argv[2].endswith(".csv"):
        with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow([title])
            w.writerow([])
            w.writerow(HEAD)
            w.writerows(rows(roadmap))
        return
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Milestones"
    ws.append([title])
    ws.append([])
    ws.append(HEAD)
    for r in rows(roadmap):
        ws.append(r)
    wb.save(sys.argv[2])


if __name__ == "__main__":
    main()
