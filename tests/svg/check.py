#!/usr/bin/python3
"""What a reader must be able to see in the charts, checked in the SVG.

    /usr/bin/python3 tests/svg/check.py DIR [NAME...]

For each case of tests/svg/cases whose chart is in DIR (the charts run.sh
made), read the chart and, where the check needs it, the roadmap (and its
baseline) the case drew, and check:

  every chart   text is 7 pt or more at the printed size; no text runs off
                the page; no two texts cover each other; the footer names
                the commit (or says there is none), the as-at date and the
                baseline (or says there is none);
  gantt         every record overdue as at the as-at date (past its planned
                end, not delivered, not dropped: the rule of 'ldr check') is
                marked overdue (its bar outlined in red, the word in its
                title and after it) and nothing else is; so is every overdue
                milestone; against a baseline, every record whose planned end
                moved says by how much after its bar ("+2Q", "-1Q", "+5 mo");
                every milestone has a label with its id; no delivered dot
                stands after the as-at line; each row's label fits the label
                column; the key shows an arrow only when the chart draws one;
  tubemap       x is time: the years are equally wide, the as-at line is
                where its date is, and every station stands within the
                period it is due (or was delivered) in; every station has its
                name, whole (no ellipsis) and clear of stations and tracks;
                a roadmap without capabilities says so.

The widths of text are the layout's own: DejaVu Sans's advance widths, read
from export/base/svg.c. Each check that fails prints the chart, the record and
what is wrong; the exit status is 1 if any did.
"""
import os
import re
import shlex
import sys
import xml.etree.ElementTree as ET

import yaml

TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
NS = "{http://www.w3.org/2000/svg}"
ALERT = "#c0392b"
PT7 = 7 * 25.4 / 72  # 7 pt in mm
failures = []


def fail(name, what):
    failures.append(f"svg-check: {name}: {what}")


# ---- the layout's font metrics ---------------------------------------------

def _metrics():
    src = open(os.path.join(TOP, "export", "base", "svg.c"), encoding="utf-8").read()

    def table(name):
        body = re.search(name + r"\[\d+\] = \{(.*?)\};", src, re.S).group(1)
        return [int(v) for v in re.findall(r"\d+", body)]

    special = {int(a, 16): int(b) for a, b in re.findall(r"case 0x([0-9A-Fa-f]+): return (\d+);", src)}
    return table("ascii_w"), table("latin1_w"), special


ASCII_W, LATIN1_W, SPECIAL = _metrics()


def cp_width(cp):
    if 0x20 <= cp < 0x7F:
        return ASCII_W[cp - 0x20]
    if 0xA0 <= cp <= 0xFF:
        return LATIN1_W[cp - 0xA0]
    if 0x300 <= cp <= 0x36F or cp in (0x200B, 0x200C, 0x200D):
        return 0
    if cp in SPECIAL:
        return SPECIAL[cp]
    if (0x1100 <= cp <= 0x115F or 0x2E80 <= cp <= 0xA4CF or 0xAC00 <= cp <= 0xD7A3 or 0xF900 <= cp <= 0xFAFF
            or 0xFE30 <= cp <= 0xFE4F or 0xFF00 <= cp <= 0xFF60 or 0xFFE0 <= cp <= 0xFFE6
            or 0x1F300 <= cp <= 0x1FAFF or cp >= 0x20000):
        return 1000
    return 700


def width(s, size, bold):
    total = sum(ASCII_W[0] if c in "\n\t" else cp_width(ord(c)) for c in s)
    return total * size / 1000.0 * (1.09 if bold else 1.0)


# ---- time ------------------------------------------------------------------

def months(t):
    """The first and last month of a time as the roadmap writes it, on one line."""
    t = str(t).strip()
    # A commitment "by" a time is that time; one "from" a time begins then.
    t = re.sub(r"^(by|from)\s+", "", t)
    m = re.fullmatch(r"(\d\d)/(\d\d)(?: Q([1-4]))?", t)
    if m:
        fy = 2000 + int(m.group(1))
        first = fy * 12 + 3
        if m.group(3):
            first += 3 * (int(m.group(3)) - 1)
            return first, first + 2
        return first, first + 11
    m = re.fullmatch(r"(\d{4})-(\d\d)", t)
    if m:
        v = int(m.group(1)) * 12 + int(m.group(2)) - 1
        return v, v
    raise ValueError(f"not a time: {t!r}")


def is_month(t):
    return re.fullmatch(r"\d{4}-\d\d", str(t).strip()) is not None


def quarter(month):
    m = month - 3
    return m // 3


def shift_label(a, b):
    """How a chart labels a move from a to b (their last months)."""
    x, y = months(a)[1], months(b)[1]
    if x == y:
        return None
    sign = lambda n: ("+" if n > 0 else "\u2212") + str(abs(n))
    if is_month(a) or is_month(b):
        return sign(y - x) + " mo"
    return sign(quarter(y) - quarter(x)) + "Q"


def overdue(due, delivered, dropped, actual, as_of):
    if delivered or dropped or actual or not due or not as_of:
        return False
    if str(due).strip() == "tbc" or str(due).startswith("from "):
        return False  # never overdue: no date yet, or due from then on
    return months(due)[1] < months(as_of)[0]


# ---- reading a chart -------------------------------------------------------

class Text:
    def __init__(self, el, parents):
        self.el = el
        self.x = float(el.get("x"))
        self.y = float(el.get("y"))
        self.size = float(el.get("font-size"))
        self.anchor = el.get("text-anchor", "start")
        self.cls = el.get("class", "")
        self.groups = [p.get("class", "") for p in parents]
        self.ids = [p.get("id", "") for p in parents]
        bold = el.get("font-weight") == "bold"
        segs = [(el.text or "", bold)]
        for c in el:
            if c.tag == NS + "title":
                segs.append((c.tail or "", bold))
                continue
            segs.append((c.text or "", bold or c.get("font-weight") == "bold"))
            segs.append((c.tail or "", bold))
        self.segs = [(s, b) for s, b in segs if s]
        self.text = "".join(s for s, _ in self.segs)
        self.bolds = [s for s, b in self.segs if b]
        self.w = sum(width(s, self.size, b) for s, b in self.segs)
        x0 = self.x - (self.w / 2 if self.anchor == "middle" else self.w if self.anchor == "end" else 0)
        self.box = (x0, self.y - 0.75 * self.size, x0 + self.w, self.y + 0.2 * self.size)


def walk(el, parents, out):
    for c in el:
        if c.tag == NS + "title":
            continue
        if c.tag == NS + "text":
            out.append(Text(c, parents + [el]))
        else:
            walk(c, parents + [el], out)


class Chart:
    def __init__(self, path):
        self.tree = ET.parse(path)
        self.root = self.tree.getroot()
        vb = [float(v) for v in self.root.get("viewBox").split()]
        self.w, self.h = vb[2], vb[3]
        self.texts = []
        walk(self.root, [], self.texts)

    def groups(self, cls):
        return [g for g in self.root.iter(NS + "g") if cls in g.get("class", "").split()]

    def by_id(self, id_):
        for g in self.root.iter(NS + "g"):
            if g.get("id") == id_:
                return g
        return None


def title_of(el):
    t = el.find(NS + "title")
    return t.text if t is not None and t.text else ""


def texts_in(el):
    out = []
    walk(el, [], out)
    return out


# ---- every chart -----------------------------------------------------------

def overlaps(a, b, tol=0.05):
    return a[0] < b[2] - tol and b[0] < a[2] - tol and a[1] < b[3] - tol and b[1] < a[3] - tol


def check_text(name, c):
    for t in c.texts:
        if t.size < PT7 - 1e-6:
            fail(name, f"text at {t.size} mm, under 7 pt: {t.text[:40]!r}")
        x0, y0, x1, y1 = t.box
        if x0 < -0.05 or x1 > c.w + 0.05 or y0 < -0.05 or y1 > c.h + 0.05:
            fail(name, f"text off the page ({x0:.1f}..{x1:.1f} of {c.w}): {t.text[:40]!r}")
    boxes = sorted(((t.box, t) for t in c.texts if t.text.strip()), key=lambda v: v[0][0])
    for i, (a, ta) in enumerate(boxes):
        for b, tb in boxes[i + 1:]:
            if b[0] >= a[2]:
                break
            if overlaps(a, b):
                fail(name, f"{ta.text[:30]!r} and {tb.text[:30]!r} cover each other")


def check_footer(name, c, case):
    foot = [t for t in c.texts if "drawn by ldr" in t.text]
    if not foot:
        fail(name, "no footer")
        return
    f = foot[-1].text
    if "commit" not in f:
        fail(name, f"the footer names no commit: {f!r}")
    if "as at" not in f:
        fail(name, f"the footer names no as-at date: {f!r}")
    if "baseline" not in f:
        fail(name, f"the footer does not say what baseline (or none): {f!r}")


# ---- the Gantt chart -------------------------------------------------------

def gantt_records(case):
    rm, base = case["roadmap"], case["baseline"]
    key = "capabilities" if case["capabilities"] else "projects"
    return rm.get(key) or [], (base.get(key) or []) if base else None


def due_of(rec, caps):
    if caps:
        return rec.get("year")
    return rec.get("end") or rec.get("start")


def is_delivered(rec, caps):
    return rec.get("status") == "delivered"


def row_parts(row):
    """The row's bar (the rect with the status style), its end words."""
    bar = None
    for r in row.findall(NS + "rect"):
        if r.get("class") in ("ghost", "overdue"):
            continue
        bar = r
    end = [t for t in texts_in(row) if t.cls == "end"]
    return bar, end[0] if end else None


def check_gantt_overdue(name, c, case):
    caps = case["capabilities"]
    recs, _ = gantt_records(case)
    as_of = case["as_of"]
    nlate = 0
    for rec in recs:
        rid = rec.get("id")
        row = c.by_id("row-" + rid)
        if row is None:
            fail(name, f"{rid}: no row")
            continue
        late = overdue(due_of(rec, caps), is_delivered(rec, caps), rec.get("status") == "dropped",
                       rec.get("delivered"), as_of)
        nlate += late
        marked = "overdue" in row.get("class", "").split()
        bar, end = row_parts(row)
        if late != marked:
            fail(name, f"{rid}: {'overdue but not marked' if late else 'marked overdue but is not'}")
        if late:
            if "overdue" not in title_of(row):
                fail(name, f"{rid}: overdue, but its title does not say so")
            if bar is None or bar.get("stroke") != ALERT:
                fail(name, f"{rid}: overdue, but its bar is not outlined in red")
            if end is None or "overdue" not in end.text:
                fail(name, f"{rid}: overdue, but the words after its bar do not say so")
        for m in (rec.get("milestones") or []) if not caps else []:
            mlate = overdue(m.get("due"), m.get("status") == "done", m.get("status") == "dropped",
                            m.get("delivered"), as_of)
            nlate += mlate
            check_checkpoints(name, c, m, as_of)
            nlate += sum(overdue(k.get("when"), k.get("status") == "done", k.get("status") == "dropped",
                                 k.get("delivered"), as_of) for k in m.get("checkpoints") or [])
            if str(m.get("due")).strip() == "tbc":
                if any(title_of(g).startswith(m["id"] + " ") for g in c.groups("milestone")):
                    fail(name, f"{m['id']}: tbc, but drawn at a date")
                continue
            g = [g for g in c.groups("milestone") if title_of(g).startswith(m["id"] + " ")]
            if not g:
                fail(name, f"{m['id']}: milestone not drawn")
                continue
            if mlate != ("overdue" in g[0].get("class", "").split()):
                fail(name, f"{m['id']}: milestone {'overdue but not marked' if mlate else 'marked overdue'}")
            if mlate and not any("overdue" in t.text for t in texts_in(g[0])):
                fail(name, f"{m['id']}: overdue milestone whose label does not say so")
    key = " ".join(t.text for g in c.groups("legend") for t in texts_in(g))
    if nlate and "overdue" not in key:
        fail(name, "overdue records, but the key does not say what overdue looks like")
    if not nlate and "overdue" in key:
        fail(name, "the key shows overdue, but nothing is")


def check_checkpoints(name, c, m, as_of):
    """Each checkpoint a tick of its own, its title naming its milestone,
    its label what it is, overdue as a milestone would be."""
    for k in m.get("checkpoints") or []:
        what = " ".join(str(k.get("what", "")).split())
        g = [g for g in c.groups("checkpoint")
             if title_of(g).startswith(f"{m['id']} checkpoint {what}:")]
        if len(g) != 1:
            fail(name, f"{m['id']}[{k.get('when')}]: checkpoint drawn {len(g)} times")
            continue
        if not g[0].findall(NS + "path"):
            fail(name, f"{m['id']}[{k.get('when')}]: checkpoint without its tick")
        late = overdue(k.get("when"), k.get("status") == "done", k.get("status") == "dropped",
                       k.get("delivered"), as_of)
        if late != ("overdue" in g[0].get("class", "").split()):
            fail(name, f"{m['id']}[{k.get('when')}]: checkpoint {'overdue but not marked' if late else 'marked overdue'}")
        label = " ".join(t.text for t in texts_in(g[0]))
        if not label.startswith(what[:12]):
            fail(name, f"{m['id']}[{k.get('when')}]: checkpoint labelled {label!r}")


def check_gantt_slips(name, c, case):
    caps = case["capabilities"]
    recs, base = gantt_records(case)
    if base is None:
        return
    before = {r.get("id"): r for r in base}
    for rec in recs:
        rid = rec.get("id")
        row = c.by_id("row-" + rid)
        if row is None:
            continue
        _, end = row_parts(row)
        first_bold = end.bolds[0] if end is not None and end.bolds else ""
        old = before.get(rid)
        if old is None:
            if end is None or "new" not in end.text.split():
                fail(name, f"{rid}: not in the baseline, not marked new")
            continue
        a, b = due_of(old, caps), due_of(rec, caps)
        want = shift_label(a, b) if a and b else None
        got = first_bold if re.fullmatch(r"[+\u2212]\d+(Q| mo)", first_bold) else None
        if want != got:
            fail(name, f"{rid}: moved {a} -> {b}: labelled {got!r}, not {want!r}")
    for rid in before:
        if not any(r.get("id") == rid for r in recs) and c.by_id("removed-row-" + rid) is None:
            fail(name, f"{rid}: removed since the baseline, but not shown")


def check_gantt_milestones(name, c, case):
    if case["capabilities"]:
        return
    shown = set()
    for g in c.groups("milestone"):
        for t in texts_in(g):
            shown.update(b.rstrip("*") for b in t.bolds)
    for rec in case["roadmap"].get("projects") or []:
        for m in rec.get("milestones") or []:
            if m.get("due") and str(m["due"]).strip() != "tbc" and m["id"] not in shown:
                fail(name, f"milestone {m['id']} has no label")


def quarter_band(c):
    for g in c.groups("quarters"):
        xs = [float(r.get("x")) for r in g.findall(NS + "rect")]
        if xs:
            return min(xs)
    return None


def as_at_x(c):
    """The as-at line: the vertical line in the as-at colour."""
    for line in c.root.iter(NS + "line"):
        if line.get("stroke") == "#0072b2" and line.get("x1") == line.get("x2"):
            return float(line.get("x1"))
    return None


def check_gantt_layout(name, c, case):
    x0 = quarter_band(c)
    for g in c.groups("rows"):
        for t in g.findall(NS + "text"):
            tt = Text(t, [])
            if x0 is not None and tt.box[2] > x0 + 0.05:
                fail(name, f"row label {tt.text[:30]!r} runs into the chart ({tt.box[2]:.1f} > {x0:.1f})")
    ax = as_at_x(c)
    if ax is not None:
        for g in c.groups("rows"):
            for row in g.findall(NS + "g"):
                for dot in row.findall(NS + "circle"):
                    if float(dot.get("cx")) > ax + 0.05:
                        fail(name, f"{row.get('id')}: a delivered dot after the as-at line")
    key = " ".join(t.text for g in c.groups("legend") for t in texts_in(g))
    drawn = c.groups("dependency")
    bad = [g for g in drawn if "violated" in g.get("class", "").split()]
    if "dependency" in key.split() and len(drawn) == len(bad):
        fail(name, "the key shows a dependency arrow, but none is drawn")
    if re.search(r"(starts|due) before what it depends on", key) and not bad:
        fail(name, "the key shows an arrow out of order, but none is drawn")


# ---- the tube map ------------------------------------------------------------

def year_edges(c):
    xs = []
    for g in c.groups("years"):
        for r in g.findall(NS + "rect"):
            if float(r.get("height")) < 10:
                xs.append((float(r.get("x")), float(r.get("width"))))
    return xs


def station_place(rec, as_of):
    """The months a station's place stands for: delivered (by the as-at date) or due."""
    done = rec.get("status") == "delivered" or rec.get("delivered")
    d = rec.get("delivered")
    if done and d and as_of and months(d)[0] > months(as_of)[1]:
        done = False
    first, last = months(d if done and d else rec["year"])
    if done and as_of and last > months(as_of)[1]:
        last = months(as_of)[1]
    return min(first, last), last


def check_tube(name, c, case):
    years = year_edges(c)
    caps = [r for r in case["roadmap"].get("capabilities") or [] if r.get("year")]
    if not caps:
        if not any("no capabilit" in t.text.lower() for t in c.texts):
            fail(name, "no capabilities, and the map does not say so")
        return
    if not years:
        fail(name, "no year grid")
        return
    w = years[0][1]
    for x, yw in years:
        if abs(yw - w) > 0.15:
            fail(name, f"years are not to scale: {yw} mm against {w} mm")
    x0 = years[0][0]
    fy0 = None
    for t in c.texts:
        if "years" in t.groups:
            m = re.fullmatch(r"(?:20)?(\d\d)/\d\d", t.text)
            if m and (fy0 is None or int(m.group(1)) < fy0):
                fy0 = int(m.group(1))
    m0 = (2000 + fy0) * 12 + 3
    xm = lambda month: x0 + (month - m0) * w / 12
    as_of = case["as_of"]
    ax = as_at_x(c)
    if as_of and (ax is None or abs(ax - xm(months(as_of)[1] + 1)) > 0.1):
        fail(name, f"the as-at line is at {ax}, not at {xm(months(as_of)[1] + 1):.1f}")
    names = {}
    for g in c.groups("labels"):
        for t in texts_in(g):
            if t.bolds:
                names[t.bolds[0].rstrip("*")] = t
    stations = []
    for rec in caps:
        g = c.by_id("station-" + rec["id"])
        if g is None:
            fail(name, f"{rec['id']}: no station")
            continue
        mark = g.find(NS + "circle")
        if mark is not None:
            x, y, r = float(mark.get("cx")), float(mark.get("cy")), float(mark.get("r"))
            box = (x - r, y - r, x + r, y + r)
        else:
            mark = g.find(NS + "rect")
            bx, by = float(mark.get("x")), float(mark.get("y"))
            box = (bx, by, bx + float(mark.get("width")), by + float(mark.get("height")))
            x = (box[0] + box[2]) / 2
        stations.append(box)
        first, last = station_place(rec, as_of)
        lo, hi = xm(first), xm(last + 1)
        if not lo - 0.05 <= x <= hi + 0.05:
            fail(name, f"{rec['id']}: at x {x:.1f}, outside its time {first}..{last} ({lo:.1f}..{hi:.1f})")
        late = overdue(rec.get("year"), rec.get("status") == "delivered", rec.get("status") == "dropped",
                       rec.get("delivered"), as_of)
        if late != ("overdue" in g.get("class", "").split()) or (late and "overdue" not in title_of(g)):
            fail(name, f"{rec['id']}: {'overdue but not marked' if late else 'marked overdue but is not'}")
        if rec["id"] not in names:
            fail(name, f"{rec['id']}: no name on the map")
    for g in c.groups("labels"):
        for t in texts_in(g):
            if "\u2026" in t.text and case["whole_names"]:
                fail(name, f"a name is cut: {t.text!r}")
            for box in stations:
                if overlaps(t.box, box):
                    fail(name, f"the name {t.text[:30]!r} covers a station")


# ---- the cases -------------------------------------------------------------

def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def case_of(command, scratch):
    """What a case's command draws: kind, roadmap, as-of, baseline."""
    cmd = command.split("&&")[-1]
    words = shlex.split(cmd.replace("$OUT", "OUT").replace("$T", scratch))
    if words[:2] != ["ldr", "export"]:
        return None
    opts, args, i = {}, [], 2
    while i < len(words):
        w = words[i]
        if w in ("--as-of", "--baseline", "-o", "--page", "--deps"):
            opts[w] = words[i + 1]
            i += 2
        elif w.startswith("--"):
            opts[w] = True
            i += 1
        else:
            args.append(w)
            i += 1
    rm = load(os.path.join(TOP, args[1]))
    as_of = opts.get("--as-of") or (rm.get("footprint") or {}).get("as_at")
    base = opts.get("--baseline")
    return {
        "kind": args[0], "roadmap": rm, "as_of": str(as_of) if as_of else None,
        "baseline": load(base) if base else None, "capabilities": "--capabilities" in opts,
        "whole_names": "hostile" not in args[1],
    }


def main():
    out = sys.argv[1]
    only = set(sys.argv[2:])
    scratch = os.path.join(out, "scratch")
    n = 0
    for line in open(os.path.join(TOP, "tests", "svg", "cases"), encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        name, command = line.rstrip("\n").split("\t", 1)
        path = os.path.join(out, name + ".svg")
        if (only and name not in only) or not os.path.exists(path):
            continue
        case = case_of(command, scratch)
        if case is None:
            continue
        c = Chart(path)
        n += 1
        check_text(name, c)
        check_footer(name, c, case)
        if case["kind"] == "gantt":
            check_gantt_overdue(name, c, case)
            check_gantt_slips(name, c, case)
            check_gantt_milestones(name, c, case)
            check_gantt_layout(name, c, case)
        elif case["kind"] == "tubemap":
            check_tube(name, c, case)
    for f in failures:
        print(f)
    print(f"svg-check: {n} charts, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
