#!/usr/bin/python3
"""Check that man/ldr.1 describes the JSON of 'ldr aggregate --json' as it
is printed: every key printed is named there, and no key is named there that
is not printed. Reads the JSON on stdin; prints what differs (and exits 1),
or how many keys agree.

    ldr aggregate --json ROADMAP... | /usr/bin/python3 tests/cli/man_json.py

In the man page, the entry of --json is a tagged list (.TP): each tag names
top-level keys in bold; in its text, the keys of that list's objects, and of
the lists of objects inside them, are in bold (\\fB...\\fR), and nothing else
is. Objects whose keys are data (years, states) are not looked into."""
import json
import re
import sys

r = json.load(sys.stdin)
man = open("man/ldr.1", encoding="utf-8").read()
start = man.index("\n.B \\-\\-json\n", man.index("\n.B ldr aggregate "))
block = man[start:man.index("\n.RE\n", start)]


def tag_words(line):
    """The bold words of a .B or .BR line: all of .B, every other of .BR."""
    macro, _, rest = line.partition(" ")
    args = [a.strip('"') for a in re.findall(r'"[^"]*"|\S+', rest)]
    return args if macro == ".B" else args[0::2]


def object_keys(value):
    """The keys of a list's objects, and of the lists of objects in them."""
    keys = set()
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict):
            for k, v in item.items():
                keys.add(k)
                keys |= object_keys(v)
    return keys


bad, named, agreed = [], set(), 0
for entry in block.split("\n.TP\n")[1:]:
    tag, _, text = entry.partition("\n")
    bold = set(re.findall(r"\\fB(?:\\%)?([^\\]*)\\fR", text))
    for key in tag_words(tag):
        named.add(key)
        if key not in r:
            bad.append("man/ldr.1 names '%s', which the JSON does not have" % key)
            continue
        want = object_keys(r[key])
        for k in sorted(bold - want):
            bad.append("man/ldr.1 names '%s' in '%s', which the JSON does not have" % (k, key))
        for k in sorted(want - bold):
            bad.append("the JSON has '%s' in '%s', which man/ldr.1 does not name" % (k, key))
        agreed += 1 + len(want & bold)
for key in r:
    if key not in named:
        bad.append("the JSON has '%s', which man/ldr.1 does not name" % key)
if bad:
    print("\n".join(bad))
    sys.exit(1)
print("man/ldr.1: the keys of 'ldr aggregate --json' agree (%d)" % agreed)
