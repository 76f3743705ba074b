# Keys as terminals send them, whatever TERM's description says. Home, End
# and Delete in every common encoding (ESC [ 1 ~, [ 4 ~, [ 7 ~, [ 8 ~, [ H,
# [ F, ESC O H, O F, [ 3 ~) move the cursor of a prompt and delete under
# it; PgUp and PgDn (ESC [ 5 ~, [ 6 ~) neither close the prompt nor type;
# Ctrl-Z (no terminal to suspend here) loses nothing typed.
LDR_TUI_SIZE=80x8 LDR_TUI_KEYS=': "bcd" <Esc> "[1~" "a" <Esc> "[4~" "e" <Esc> "[7~" <Esc> "[3~" "A" <Esc> "[8~" "E" <Esc> "[H" "<" <Esc> "[F" ">" <Esc> "OH" "[" <Esc> "OF" "]" <Esc> "[5~" <Esc> "[6~" <C-z> "!" <Dump>' ldr roadmaps/derbyshire.yaml | grep '^:'
# In a list: PgDn, PgUp and End as sequences move; Delete asks to delete;
# Ctrl-Z says there is no terminal to suspend.
LDR_TUI_SIZE=80x8 LDR_TUI_KEYS='<Esc> "[6~" <Dump> <Esc> "[5~" <Esc> "[8~" <Dump> <Esc> "[3~" <Dump> n <C-z> <Dump>' ldr roadmaps/derbyshire.yaml | grep -E 'Schedule [0-9]+/|delete|suspend'
# Pickers. A list of one choice (a capability's group): with no filter
# typed, j and k move the highlight and the hint says so; typed, a letter
# is the filter's (k too) and the arrows move; Enter chooses the one
# highlighted. (On copies: an edit left unsaved leaves recovery files.)
cp roadmaps/derbyshire.yaml $T/d1.yaml && LDR_TUI_MARKS=1 LDR_TUI_SIZE=80x14 LDR_TUI_KEYS='/ C40 <Enter> e j j j j <Enter> k k <Dump> "o" <Dump> <Down> <Dump> <Enter> <Dump>' ldr $T/d1.yaml > $T/s && A='/usr/bin/python3 tests/cli/screen_assert.py' && $A -d 1 selected mobile-working status 'j/k move, type to filter, Enter chooses, Esc cancels' < $T/s && $A -d 2 selected mobile-working status 'Down/Up move, Enter chooses, Esc cancels' < $T/s && $A -d 3 selected collaboration < $T/s && $A -d 4 selected group field group collaboration status 'C40 group: collaboration' < $T/s
cp roadmaps/derbyshire.yaml $T/d2.yaml && LDR_TUI_SIZE=80x8 LDR_TUI_KEYS='/ C40 <Enter> e j j j j <Enter> "o" k <Dump>' ldr $T/d2.yaml | grep -E 'filter:|matches'
# A list where a value may be typed (a year): j and k move while nothing is
# typed; Enter takes the one highlighted.
cp roadmaps/derbyshire.yaml $T/d3.yaml && LDR_TUI_MARKS=1 LDR_TUI_SIZE=80x10 LDR_TUI_KEYS='/ C40 <Enter> e j j j <Enter> j j <Dump> <Enter> <Dump>' ldr $T/d3.yaml > $T/s && A='/usr/bin/python3 tests/cli/screen_assert.py' && $A -d 1 selected 18/19 status 'j/k move, type a value or filter, Enter chooses' < $T/s && $A -d 2 field year '18/19 Q2' < $T/s
# A list of several (a capability's projects): j moves and Space marks with
# no filter; with one typed, Space still marks (as the hint says), the
# arrows move, and Enter marks the one highlighted and keeps the marks.
cp roadmaps/derbyshire.yaml $T/d4.yaml && LDR_TUI_MARKS=1 LDR_TUI_SIZE=80x14 LDR_TUI_KEYS='/ C09 <Enter> e j j j j j <Enter> <Dump> j <Space> <Dump> "MIG" <Dump> <Down> <Space> <Dump> <C-u> "P13" <Enter> <Dump>' ldr $T/d4.yaml > $T/s && A="/usr/bin/python3 tests/cli/screen_assert.py" && $A -d 1 selected P01 < $T/s && $A -d 2 selected P02 < $T/s && $A -d 4 selected P12 < $T/s && grep -E "filter:|\[x\]|move|C09 projects|^--" $T/s
# Rebinding works where text is read as in the views: a prompt's key, a
# picker's j unbound (then typed), a question's cancel; --keys lists them.
printf 'bind prompt <C-b> cursor-left\nbind picker j none\nbind question <C-x> cancel\n' > $T/keys && ldr tui --config $T/keys --keys | grep -E 'in (prompt|picker|question)' | grep -E 'cursor-left|move-down|cancel'
printf 'bind prompt <C-b> cursor-left\n' > $T/keys && LDR_TUI_SIZE=80x8 LDR_TUI_KEYS=': "ac" <C-b> "b" <Dump>' ldr tui --config $T/keys roadmaps/derbyshire.yaml | grep '^:'
printf 'bind picker j none\n' > $T/keys && cp roadmaps/derbyshire.yaml $T/d5.yaml && LDR_TUI_SIZE=80x8 LDR_TUI_KEYS='/ C40 <Enter> e j j j j <Enter> j <Dump>' ldr tui --config $T/keys $T/d5.yaml | grep -E 'filter:'
printf 'bind question <C-x> cancel\n' > $T/keys && cp roadmaps/derbyshire.yaml $T/d6.yaml && LDR_TUI_SIZE=80x8 LDR_TUI_KEYS='2 G x <C-x> <Dump>' ldr tui --config $T/keys $T/d6.yaml | tail -2
# The hints name the keys as bound: Ctrl-S unbound in the editor, F2 keeps.
printf 'bind editor <C-s> none\nbind picker <Enter> none\nbind picker <C-o> accept\n' > $T/keys && cp roadmaps/derbyshire.yaml $T/d7.yaml && LDR_TUI_SIZE=80x8 LDR_TUI_KEYS='/ C12 <Enter> e G k <Enter> <Dump> <C-s> "x" <Dump> <F2> g j j j j <Enter> <Dump>' ldr tui --config $T/keys $T/d7.yaml | grep -E "keeps the text|chooses|x$"
