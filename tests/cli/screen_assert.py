"""Assertions on what a headless screen means, not how it looks: which row
is selected, what a cell or a field holds. Reads the screens that
LDR_TUI_MARKS=1 LDR_TUI_KEYS='... <Dump>' ldr ROADMAP prints on stdin (each
row begins with "> " where the cursor is, "  " elsewhere; each screen ends
with a line "--").

  ... | /usr/bin/python3 tests/cli/screen_assert.py [-d N] ASSERTION...

  -d N                 look at the N-th screen printed (default: the last)
  selected ID          the cursor's row begins with ID (its first word, after
                       any blanks and a list's mark, [x] or [ ])
  cell COLUMN VALUE    in the cursor's row, the cell under the title COLUMN
                       (in the nearest line above that has it) is VALUE
  field NAME VALUE     the line whose first word is NAME (a record's field,
                       the detail pane's) holds VALUE: the text after the
                       name, up to two spaces or the end of the line
  status TEXT          the status line (the last) contains TEXT

Columns are counted in characters, as the screen shows them. Prints
"ok: ..." for each assertion that holds; for one that does not, what was
found instead, then the screen; and exits 1.
"""
import sys

ARGS = {"selected": 1, "cell": 2, "field": 2, "status": 1}


def screens(text):
    out, cur = [], []
    for line in text.split("\n"):
        if line == "--":
            out.append(cur)
            cur = []
        else:
            cur.append(line)
    if any(cur):
        out.append(cur)
    return out


def cursor(screen):
    for i, line in enumerate(screen):
        if line.startswith(">"):
            return i
    return None


def row(screen, i):
    return screen[i][2:]


def cell(screen, col):
    cur = cursor(screen)
    if cur is None:
        return None, "no row has the cursor"
    for h in range(cur - 1, -1, -1):
        head = " " + row(screen, h) + " "
        at = head.find(" " + col + " ")
        if at >= 0:
            break
    else:
        return None, "no column titled '%s' above the cursor" % col
    head = row(screen, h)
    end = at + len(col)
    while end < len(head) and head[end] == " ":
        end += 1
    width = end - at if end < len(head) else None
    text = row(screen, cur)[at:at + width] if width else row(screen, cur)[at:]
    return text.strip(), None


def field(screen, name):
    for i in range(len(screen)):
        line = row(screen, i)
        if line.startswith(name + "  "):
            value = line[len(name):].lstrip(" ")
            return value.split("  ")[0], None
    return None, "no line for it"


def check(screen, what, args):
    if what == "selected":
        cur = cursor(screen)
        got = row(screen, cur) if cur is not None else ""
        words = got.split()
        if words[:1] == ["["] and words[1:2] == ["]"]:  # a list's mark, "[ ]"
            words = words[2:]
        elif words[:1] == ["[x]"]:
            words = words[1:]
        if words[:1] == [args[0]]:
            return None
        return "the cursor is on '%s', not %s" % (got.rstrip() or "no row", args[0])
    if what == "status":
        last = row(screen, len(screen) - 1) if screen else ""
        if args[0] in last:
            return None
        return "'%s' does not say '%s'" % (" ".join(last.split()), args[0])
    got, why = (cell if what == "cell" else field)(screen, args[0])
    if why:
        return why
    if got == args[1]:
        return None
    return "holds '%s', not '%s'" % (got, args[1])


def main(argv):
    n = 0
    if argv[:1] == ["-d"]:
        n, argv = int(argv[1]), argv[2:]
    all_screens = screens(sys.stdin.read())
    if not all_screens or n > len(all_screens) or n < 0:
        print("FAILED: no screen %d in the input (%d screens)" % (n, len(all_screens)))
        return 1
    screen = all_screens[n - 1 if n else -1]
    if not any(line.startswith(("> ", "  ")) for line in screen):
        print("FAILED: the screen has no marks: run ldr with LDR_TUI_MARKS=1")
        return 1
    failed = 0
    while argv:
        what = argv[0]
        if what not in ARGS or len(argv) <= ARGS[what]:
            print("screen_assert: '%s': expected one of %s with its arguments"
                  % (what, ", ".join(ARGS)), file=sys.stderr)
            return 2
        args, argv = argv[1:1 + ARGS[what]], argv[1 + ARGS[what]:]
        why = check(screen, what, args)
        said = " ".join([what] + args)
        if why:
            print("FAILED: %s: %s" % (said, why))
            failed = 1
        else:
            print("ok: " + said)
    if failed:
        print("the screen:")
        print("\n".join(screen))
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
