#!/usr/bin/python3
"""Hostile workbooks and CSV files for tests/cli/hostile.t: each must be
refused by 'ldr import' with a line naming the part or the cell, within
bounded time and memory (tests/cli/bounded.sh).

    /usr/bin/python3 tests/import/hostile.py DIR

Uses Debian's python3-openpyxl (run it with /usr/bin/python3)."""
import os
import struct
import sys
import zipfile

import openpyxl

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/content-types"/>')
WORKBOOK = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="Annex 2" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>')
SHEET_HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def package(path, sheet_parts, extra=None):
    """A workbook of one sheet whose XML is the strings (or one callable
    writing to a stream) in sheet_parts."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            for part in sheet_parts:
                if callable(part):
                    part(f)
                else:
                    f.write(part.encode("utf-8"))
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def blanks(n):
    def write(f):
        chunk = b" " * (1 << 20)
        for _ in range(n):
            f.write(chunk)
    return write


def lie_about_size(path):
    """Make the zip say the sheet unpacks to 1,000 bytes (a zip bomb does)."""
    with open(path, "r+b") as f:
        data = bytearray(f.read())
        name = b"xl/worksheets/sheet1.xml"
        for sig, size_at, name_at in ((b"PK\x01\x02", 24, 46), (b"PK\x03\x04", 22, 30)):
            i = data.find(sig)
            while i >= 0:
                if data[i + name_at:i + name_at + len(name)] == name:
                    if data[i + size_at:i + size_at + 4] == b"\xff\xff\xff\xff":
                        fix_zip64(data, i, name_at, len(name), sig == b"PK\x01\x02")
                    else:
                        data[i + size_at:i + size_at + 4] = struct.pack("<I", 1000)
                i = data.find(sig, i + 4)
        f.seek(0)
        f.write(data)


def fix_zip64(data, at, name_at, name_len, central):
    """The size in the zip64 extra field of the header at at."""
    extra_len = struct.unpack("<H", data[at + (30 if central else 28):at + (32 if central else 30)])[0]
    e = at + name_at + name_len
    end = e + extra_len
    while e + 4 <= end:
        tag, size = struct.unpack("<HH", data[e:e + 4])
        if tag == 1:
            data[e + 4:e + 12] = struct.pack("<Q", 1000)
            return
        e += 4 + size


def cells(rows):
    out = ['<sheetData>']
    for r, values in enumerate(rows, 1):
        out.append('<row r="%d">' % r)
        for c, v in enumerate(values):
            ref = "%s%d" % (chr(ord("A") + c), r)
            if v is not None:
                out.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, v))
        out.append("</row>")
    out.append("</sheetData>")
    return "".join(out)


def bad_cells(path):
    """The template filled in wrongly: every bad cell must be named."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Annex 2"
    ws["A1"] = "Capability deployment schedule"
    ws.append([])
    ws.append(["Who", "What", "Year", "Capability group", "Status"])
    ws.append(["GPs", "Can refer", "16/17", "records", "firm"])
    ws.append(["Nurses", "Can view", "17/18", "records", "aspirational"])
    ws.append([None, "Can prescribe", "16/17", "medicines", "firm"])
    ws.append(["Pharmacists", "Can dispense", "next year", "medicines", "firm"])
    ws.append(["Carers", "Can book", 2017, "remote", "dunno"])
    ws.append(["Patients", "Can order", "#REF!", "remote", None])
    ws["C9"].data_type = "e"
    wb.save(path)


def main():
    d = sys.argv[1]
    # A sheet of a gigabyte: refused by what the zip says it unpacks to.
    package(os.path.join(d, "gigabyte.xlsx"), [SHEET_HEAD, blanks(1024), "</worksheet>"])
    # The same, lying about it (a zip bomb): refused while it unpacks.
    package(os.path.join(d, "bomb.xlsx"), [SHEET_HEAD, blanks(600), "</worksheet>"])
    lie_about_size(os.path.join(d, "bomb.xlsx"))
    # Entities that expand (billion laughs) need a DTD: refused.
    laughs = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">' + "".join(
        '<!ENTITY %s "%s">' % (chr(ord("b") + i), ("&%s;" % chr(ord("a") + i)) * 10) for i in range(8)) + "]>"
    package(os.path.join(d, "laughs.xlsx"), [laughs, SHEET_HEAD, cells([["Who", "What"], ["&i;", "x"]]),
                                             "</worksheet>"])
    # Elements nested twenty million deep.
    package(os.path.join(d, "deep.xlsx"), [SHEET_HEAD, lambda f: f.write(b"<x>" * 20000000)])
    # Merged ranges piled on one row.
    merges = "<mergeCells>" + "".join('<mergeCell ref="A%d:E3000"/>' % (i % 2 + 2) for i in range(3000)) + \
        "</mergeCells>"
    package(os.path.join(d, "merges.xlsx"), [SHEET_HEAD, cells([["Who", "What"], ["a", "b"], ["c", "d"]]),
                                             merges, "</worksheet>"])
    # Not an xlsx: an old .xls, a password-protected workbook, text.
    with open(os.path.join(d, "old.xls"), "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)
    with open(os.path.join(d, "locked.xlsx"), "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 992 + "EncryptionInfo".encode("utf-16-le")
                + b"\0" * 1000)
    with open(os.path.join(d, "text.xlsx"), "w") as f:
        f.write("Who,What\n")
    bad_cells(os.path.join(d, "cells.xlsx"))


if __name__ == "__main__":
    main()
