# The interface read for what it means as well as how it looks: which row
# the cursor is on and what a cell or a field holds, asserted by
# tests/cli/screen_assert.py on the screens a headless run prints with
# LDR_TUI_MARKS=1 (each row marked "> " where the cursor is). A change of
# layout leaves these lines as they are; a cursor on the wrong record, or a
# field showing another value, fails them.
# Moving down two rows: the third record, its cells, its detail pane, the count.
LDR_TUI_MARKS=1 LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='j j <Dump>' ldr roadmaps/derbyshire.yaml | /usr/bin/python3 tests/cli/screen_assert.py selected C03 cell Year 16/17 cell Status firm field who 'Community pharmacies' status 'Schedule 3/40'
# A search lands on its record; Enter opens it at its id; Esc comes back to
# the same row; G goes to the last.
LDR_TUI_MARKS=1 LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C12 <Enter> <Dump> <Enter> <Dump> <Esc> <Dump> G <Dump>' ldr roadmaps/derbyshire.yaml > $T/s && A='/usr/bin/python3 tests/cli/screen_assert.py' && $A -d 1 selected C12 cell Year 18/19 status 'Schedule 12/40' < $T/s && $A -d 2 selected id field id C12 field group records status 'Record 1/' < $T/s && $A -d 3 selected C12 < $T/s && $A -d 4 selected C40 status 'Schedule 40/40' < $T/s
# A filter keeps the cursor on a row it shows; a reversed sort moves the
# row, and the cursor goes with its record.
LDR_TUI_MARKS=1 LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='f group:medicines <Enter> <Dump> S <Dump>' ldr roadmaps/derbyshire.yaml > $T/s && A='/usr/bin/python3 tests/cli/screen_assert.py' && $A -d 1 selected C13 cell Group medicines status '5 of 40 shown' < $T/s && $A -d 2 selected C13 cell Status delivered < $T/s
# Enter on a finding of the Checks view goes to the record at fault, in its
# view, and opens its form at the field the finding names (the record
# itself: its first); Esc leaves the form on the record.
LDR_TUI_MARKS=1 LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='7 j <Dump> <Enter> <Dump> <Esc> <Dump>' ldr roadmaps/derbyshire.yaml > $T/s && A='/usr/bin/python3 tests/cli/screen_assert.py' && $A -d 1 selected warn cell Rule orphan cell Record P05 < $T/s && $A -d 2 selected id field id P05 status 'Edit 1/' < $T/s && $A -d 3 selected P05 cell Id P05 < $T/s
# A field edited in the form holds the new value, and the table shows it on
# the record's row (a copy: the unsaved edit leaves a recovery file beside it).
cp roadmaps/derbyshire.yaml $T/d.yaml && LDR_TUI_MARKS=1 LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C12 <Enter> e j j j <Enter> <C-u> "19/20" <Enter> <Dump> <Esc> <Dump>' ldr $T/d.yaml > $T/s && A='/usr/bin/python3 tests/cli/screen_assert.py' && $A -d 1 selected year field year 19/20 < $T/s && $A -d 2 selected C12 cell Year 19/20 < $T/s
# What needs a record is in its record: P01, which no project or
# capability depends on, is named by the plans of UC03 and UC10; Enter on
# the last line opens UC10's record.
LDR_TUI_MARKS=1 LDR_TUI_SIZE=100x30 LDR_TUI_KEYS='2 / P01 <Enter> <Enter> G <Dump> <Enter> <Dump>' ldr roadmaps/derbyshire.yaml > $T/s && grep -A2 'needed by' $T/s | head -3 && /usr/bin/python3 tests/cli/screen_assert.py -d 2 field id UC10 status 'Record 1/' < $T/s
# The Deps tree of P01 has them under "needed by", each with its slack
# where it is a project; Enter on UC10 opens its record, Esc comes back.
LDR_TUI_MARKS=1 LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 / P01 <Enter> 3 <Dump> G <Enter> <Dump> <Esc> <Dump>' ldr roadmaps/derbyshire.yaml > $T/s && A='/usr/bin/python3 tests/cli/screen_assert.py' && $A -d 1 status 'Deps 3/6' < $T/s && sed -n '/P01 POLAR/,/UC10/p' $T/s | head -4 && $A -d 2 field id UC10 < $T/s && $A -d 3 status 'Deps 3/6' < $T/s
# A wrong expectation fails, saying what the screen holds instead.
LDR_TUI_MARKS=1 LDR_TUI_SIZE=80x8 LDR_TUI_KEYS='j <Dump>' ldr roadmaps/derbyshire.yaml | /usr/bin/python3 tests/cli/screen_assert.py selected C01 cell Year 16/17 field notes x
