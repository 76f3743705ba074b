#!/usr/bin/python3
"""Check that the JSON of 'ldr aggregate' adds up: the national tables are
the sums of the footprints' figures. Reads the JSON on stdin and prints the
national totals, or what does not add up (and exits 1).

    ldr aggregate --json ROADMAP... | /usr/bin/python3 tests/cli/national.py"""
import json
import sys

r = json.load(sys.stdin)
bad = []
fps = [f for f in r["footprints"] if f["status"] == "checked"]
if r["roadmaps"] != len(r["footprints"]) or r["checked"] != len(fps):
    bad.append("roadmaps %d, checked %d, of %d" % (r["roadmaps"], r["checked"], len(r["footprints"])))
caps = sum(g["total"] for g in r["capabilities"])
if caps != sum(f["capabilities"] for f in fps):
    bad.append("capabilities by group %d != by footprint %d" % (caps, sum(f["capabilities"] for f in fps)))
for g in r["capabilities"]:
    if sum(g["by_year"].values()) != g["total"] or sorted(g["by_year"]) != sorted(r["years"]):
        bad.append("group %s: its years do not add up" % g["group"])
for u in r["universal_capabilities"]:
    planned = sum(1 for f in u["footprints"] if f["planned"])
    if planned != u["planned"] or sum(u["enabled"].values()) != planned or len(u["footprints"]) != len(fps):
        bad.append("%s: %d planned, says %d" % (u["uc"], planned, u["planned"]))
    if sum(u["last_ambition"].values()) != sum(1 for f in u["footprints"] if f["last_ambition"]):
        bad.append("%s: last ambitions do not add up" % u["uc"])
for t in r["targets"]:
    n = t["at_or_above"] + t["below"] + t["no_figure"] + t["no_plan"]
    figures = [f["stated"] for f in t["footprints"] if f["stated"] is not None]
    if n != len(fps) or (figures and (min(figures) != t["lowest"] or max(figures) != t["highest"])):
        bad.append("%s: the positions do not add up" % t["uc"])
    for f in t["footprints"]:
        want = ("no-plan" if f["position"] == "no-plan" else "no-figure" if f["stated"] is None else
                "at-or-above" if f["stated"] >= t["percent"] else "below")
        if f["position"] != want:
            bad.append("%s: %s is %s, not %s" % (t["uc"], f["file"], f["position"], want))
if r["errors"] != sum(f["errors"] for f in fps) or r["warnings"] != sum(f["warnings"] for f in fps):
    bad.append("errors and warnings do not add up")
if bad:
    print("\n".join(bad))
    sys.exit(1)
print("%d roadmaps, %d checked: %d capabilities in %d years, %d projects, %d errors, %d warnings; "
      "every table adds up" % (r["roadmaps"], r["checked"], caps, len(r["years"]),
                               sum(f["projects"] for f in fps), r["errors"], r["warnings"]))
for t in r["targets"]:
    print("%s: %d at or above %d%%, %d below, %d give no figure, %d no plan" % (
        t["uc"], t["at_or_above"], t["percent"], t["below"], t["no_figure"], t["no_plan"]))
