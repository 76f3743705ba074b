# The terminal interface, headless: curses drawing to no terminal at a fixed
# size, keys from a script (LDR_TUI_KEYS), the screen printed on <Dump>.
# Every view; moving, Enter and back, search, filter, sort, resize.
LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='<Dump> j j <Enter> <Dump> <Esc> <Dump>' ldr roadmaps/derbyshire.yaml
LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 G <Dump> g <C-d> <Dump>' ldr roadmaps/derbyshire.yaml
LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 j j j j j j j 3 <Dump> k k k <Enter> <Dump> - <Dump>' ldr roadmaps/derbyshire.yaml
# Deps: Enter on a node roots the tree there and Esc goes back to the root
# before, at the node it left, then stays; 't' folds a node ([+N]: what it
# hides) and opens it again; sorting would break the tree, so it is refused.
LDR_TUI_SIZE=80x14 LDR_TUI_KEYS='/ C12 <Enter> 3 d g j <Enter> j j <Enter> <Dump> <Esc> <Dump> <Esc> <Dump> <Esc> t <Dump> t S <Dump>' ldr roadmaps/derbyshire.yaml
LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='4 j <Dump> l l l l <Dump>' ldr roadmaps/derbyshire.yaml
# The timeline's year labels never overlap: one with no room before the next
# is left out. It scrolls until its last quarter is in view, no further, and
# a wider terminal scrolls back rather than show blank quarters.
LDR_TUI_SIZE=80x8 LDR_TUI_KEYS='4 l <Dump> l l l <Dump> <Resize 100x8> <Dump>' ldr roadmaps/derbyshire.yaml
LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='5 <Dump> 6 <Dump>' ldr roadmaps/derbyshire.yaml
LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='7 <Dump> <Enter> <Dump>' ldr roadmaps/derbyshire.yaml
# In a record, Enter on a reference opens the record it names (a project, a
# project it depends on); Esc goes back a record at a time, to the line it
# left, then to the list. A national group has no record to open.
LDR_TUI_SIZE=80x12 LDR_TUI_KEYS='/ C12 <Enter> <Enter> j j j j j j j j j j <Enter> <Dump> j j j j j j j j j j j j j j j <Enter> <Dump> <Esc> <Dump> <Esc> k <Enter> <Dump> <Esc> <Dump>' ldr roadmaps/derbyshire.yaml
LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='? <Dump> G <Dump> q <Dump>' ldr roadmaps/derbyshire.yaml
# Help's detail pane says an action whole, where the table cuts it.
LDR_TUI_SIZE=80x16 LDR_TUI_KEYS='? / Open: <Enter> <Dump>' ldr roadmaps/derbyshire.yaml
# The current tab is always in sight: the titles farthest from it give way to
# their numbers, and on a very narrow terminal the tabs before it scroll off.
LDR_TUI_SIZE=60x6 LDR_TUI_KEYS='8 <Dump> <Resize 20x6> <Dump> 1 <Dump>' ldr roadmaps/derbyshire.yaml
# Search, filter (by a column, then free text), sort and reverse, no detail pane.
LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ prescribe <Enter> <Dump> n <Dump> f group:medicines <Enter> d <Dump> s s s <Dump> S <Dump>' ldr roadmaps/derbyshire.yaml
LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='f "no such thing" <Enter> <Dump>' ldr roadmaps/derbyshire.yaml
# The header always says the order shown: S in the view's own order sorts by
# the first column, descending; 's' past the last column is the own order,
# not reversed. With the cursor on the last row, hiding the detail pane or a
# taller terminal scrolls back rather than leave blank lines under it.
LDR_TUI_SIZE=80x12 LDR_TUI_KEYS='g S <Dump> s s s s s s <Dump> G d <Dump> <Resize 80x16> <Dump>' ldr roadmaps/derbyshire.yaml
# The command line: goto a record by id, a view by name, and mistakes.
LDR_TUI_SIZE=80x24 LDR_TUI_KEYS=': "goto P46" <Enter> <Dump> : timeline <Enter> : frob <Enter> <Dump>' ldr roadmaps/derbyshire.yaml
# Resize, larger then smaller than 80x24.
LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='<Resize 120x30> <Dump> <Resize 40x12> <Dump>' ldr roadmaps/derbyshire.yaml
# Roadmap text is drawn inert: escapes, bidirectional overrides, wide characters.
printf 'ldr: 1\nfootprint: {name: x, start: 16/17, end: 20/21}\ncapabilities:\n- {id: C1, who: "\\u202Eevil", what: "\\u00e9t\\u00e9 \\u4e2d\\u6587 \\u00a3", year: 16/17}\n' > $T/odd.yaml && LDR_TUI_SIZE=60x8 LDR_TUI_KEYS='d' ldr $T/odd.yaml
ldr $T/none.yaml
LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='q' ldr tests/cli/data/errors.yaml
# Esc in a list clears its filter, then returns to where a jump came from
# (Enter in Checks, which opens the record's form: Esc leaves it first), else
# stays: it never leaves for another tab by itself.
LDR_TUI_SIZE=80x10 LDR_TUI_KEYS='f group:medicines <Enter> <Esc> <Dump> <Esc> <Dump> 7 <Enter> <Dump> <Esc> <Esc> <Dump>' ldr roadmaps/derbyshire.yaml
# 'e' on a problem opens its record's form at the field it is about.
LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='7 G e' ldr roadmaps/derbyshire.yaml
# What is typed on the prompt stays in sight, the question giving way.
LDR_TUI_SIZE=40x6 LDR_TUI_KEYS='/ "a search longer than the screen is wide" <Dump> <Esc> <Dump> y f "group:medicines" <Dump>' ldr roadmaps/derbyshire.yaml
# Search ignores case beyond A to Z (CAFÉ finds Café), and says when it went
# round past the end; the filter and the pickers match the same way.
printf 'ldr: 1\nfootprint: {name: x, start: 16/17, end: 20/21}\ncapabilities:\n- {id: C1, who: Café owners, what: Do it, year: 16/17}\n- {id: C2, who: Others, what: Do it, year: 16/17}\n' > $T/cafe.yaml && LDR_TUI_SIZE=60x8 LDR_TUI_KEYS='j / "CAFÉ" <Enter> <Dump> f "FÉ" <Enter> <Dump>' ldr $T/cafe.yaml
# Checks lists the errors first (a cycle made here), then the warnings.
sed 's/^  depends_on: \[P07, P12\]$/  depends_on: [P07, P12, P09]/' roadmaps/derbyshire.yaml > $T/cycle.yaml && LDR_TUI_SIZE=80x8 LDR_TUI_KEYS='7 <Dump>' ldr $T/cycle.yaml
# The prompt's cursor: Left, Right, Home, End, Ctrl-A, Ctrl-E, Delete,
# Backspace, Ctrl-K, Ctrl-U, Ctrl-W; by character over a wide one.
LDR_TUI_SIZE=40x6 LDR_TUI_KEYS='/ "acde" <Left> <Left> <Left> b <Right> X <Home> "^" <End> "$" <Dump> <C-a> <Delete> <C-e> <Backspace> <Left> <Backspace> <Dump> <Home> <Right> <Right> <C-k> <Dump> <C-u> "one two  three" <C-w> "|" <Dump> <Left> <Left> <Left> <C-w> <Dump> <C-u> <C-k> "中文ab" <Home> <Right> x <Right> <Delete> y <Dump> <Left> <Left> <Backspace> <Dump> <Esc>' ldr roadmaps/derbyshire.yaml | grep '^/'
# A text longer than the screen: the end in sight (a … where the start is
# out of it), Home shows the start, the cursor carries the view back and
# forth; wide characters are never cut in half at either edge.
LDR_TUI_SIZE=40x6 LDR_TUI_KEYS='/ "a search longer than the screen is wide, and then some" <Dump> <Home> <Dump> <Right> <Right> <Right> <C-e> <Left> <Left> <Dump> <Home> <C-k> "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉x" <Dump> <Home> <Dump> <End> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Left> <Dump> <Backspace> <Backspace> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Right> <Dump> <Home> <Dump> <Esc>' ldr roadmaps/derbyshire.yaml | grep '^/'
# A paste is text: on the command line a tab or a line break is a space,
# the line break at the end goes (it does not press Enter), ESC is dropped
# (it does not cancel), as is any other control character; on a list a
# paste runs nothing ('q' would quit).
LDR_TUI_SIZE=80x8 LDR_TUI_KEYS='<PasteStart> "q" <Enter> "x" <PasteEnd> <Dump> : <PasteStart> "goto" <Tab> "P46" <Esc> <C-a> <Enter> <PasteEnd> <Dump> <Enter> <Dump> / <PasteStart> "bell" <Esc> "[31mRED" <C-m> "x" <C-m> <Enter> <PasteEnd> <Left> <Left> <Left> <PasteStart> "中" <PasteEnd> <Dump>' ldr roadmaps/derbyshire.yaml
# --keys lists the keys of one view's own actions too, with the view.
ldr tui --keys | grep -E 'review-baseline|take-ours'
# Sorting by a column of text ignores case: Capability, Clinical, COIN.
LDR_TUI_SIZE=80x60 LDR_TUI_KEYS='2 s s g <Dump>' ldr roadmaps/derbyshire.yaml | grep -E '^P4[368] '
