"""Check a board report (ldr report) as a reader, a printer and a screen
reader would need it, and print its outline for the transcript.

Fails (exit 1, saying why) when the file fetches or runs anything (a script,
a link, an address on the network, a style imported), an image has no
alternative text, a table has no header cells, a heading level is skipped,
or the page has no language. Prints the title, every heading, and under each
the tables it heads: their columns and, a line each, their rows' first two
cells (ids and what they are), with the classes that colour them, so the
transcript shows what a board member reads."""
import html.parser
import re
import sys


class Outline(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.lines = []
        self.stack = []
        self.text = None
        self.row = None
        self.cells = None
        self.cols = None
        self.levels = []
        self.lang = None
        self.images = 0
        self.all_text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("script", "link", "iframe", "object", "embed", "base", "form"):
            self.problems.append("a <%s>: the report must not run or fetch anything" % tag)
        for k, v in attrs:
            if k.startswith("on"):
                self.problems.append("an event handler %s on <%s>" % (k, tag))
            if k in ("src", "href") and v and not v.startswith("data:") and not v.startswith("#"):
                self.problems.append("<%s %s=%r>: fetched from outside the file" % (tag, k, v[:60]))
        if tag == "img":
            self.images += 1
            if not a.get("alt"):
                self.problems.append("an image without alternative text")
        if re.fullmatch(r"h[1-6]", tag):
            level = int(tag[1])
            if self.levels and level > self.levels[-1] + 1:
                self.problems.append("<%s> after <h%d>: a heading level skipped" % (tag, self.levels[-1]))
            self.levels.append(level)
            self.text = []
        if tag == "table":
            self.cols = []
            self.rows = 0
        if tag == "th" and a.get("scope") is None:
            self.problems.append("a <th> without scope")
        if tag in ("th", "td"):
            self.text = []
        if tag == "tr":
            self.row = a.get("class", "")
            self.cells = []

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag) and self.text is not None:
            self.lines.append("%s%s" % ("  " * (int(tag[1]) - 1), " ".join("".join(self.text).split())))
            self.text = None
        if tag in ("th", "td") and self.text is not None:
            self.cells.append(" ".join("".join(self.text).split()))
            self.text = None
        if tag == "tr" and self.cells is not None:
            if self.cols == [] and self.row == "" and self.rows == 0 and self.cells and self.in_head:
                self.cols = self.cells
                self.lines.append("      columns: " + " | ".join(self.cells))
            else:
                self.rows += 1
                self.lines.append("      %s%s" % (" | ".join(self.cells[:2]), " [%s]" % self.row if self.row else ""))
            self.cells = None
        if tag == "table" and self.cols == []:
            self.problems.append("a table without a header row")

    in_head = False

    def handle_data(self, data):
        self.all_text.append(data)
        if self.text is not None:
            self.text.append(data)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


class Parser(Outline):
    def handle_starttag(self, tag, attrs):
        if tag == "thead":
            self.in_head = True
        if tag == "tbody":
            self.in_head = False
        super().handle_starttag(tag, attrs)


def main():
    path = sys.argv[1]
    data = open(path, encoding="utf-8").read()
    p = Parser()
    p.feed(data)
    if not p.lang:
        p.problems.append("no language on <html>")
    if re.search(r"@import|url\((?!data:)", data):
        p.problems.append("a style fetched from outside the file")
    title = re.search(r"<title>(.*?)</title>", data, re.S)
    print("title:", title.group(1) if title else None)
    print("images: %d, all with alternative text" % p.images if p.images else "images: 0")
    for line in p.lines:
        print(line)
    for want in sys.argv[2:]:
        if want not in " ".join("".join(p.all_text).split()):
            p.problems.append("no %r in the report's text" % want)
    for problem in p.problems:
        print("report: %s: %s" % (path, problem), file=sys.stderr)
    sys.exit(1 if p.problems else 0)


main()
