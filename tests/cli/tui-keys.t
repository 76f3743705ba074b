# Keys as terminals send them, whatever TERM's description says. Home, End
# and Delete in every common encoding (ESC [ 1 ~, [ 4 ~, [ 7 ~, [ 8 ~, [ H,
# [ F, ESC O H, O F, [ 3 ~) move the cursor of a prompt and delete under
# it; PgUp and PgDn (ESC [ 5 ~, [ 6 ~) neither close the prompt nor type;
# Ctrl-Z (no terminal to suspend here) loses nothing typed.
LDR_TUI_SIZE=80x8 LDR_TUI_KEYS=': "bcd" <Esc> "[1~" "a" <Esc> "[4~" "e" <Esc> "[7~" <Esc> "[3~" "A" <Esc> "[8~" "E" <Esc> "[H" "<" <Esc> "[F" ">" <Esc> "OH" "[" <Esc> "OF" "]" <Esc> "[5~" <Esc> "[6~" <C-z> "!" <Dump>' ldr roadmaps/derbyshire.yaml | grep '^:'
# In a list: PgDn, PgUp and End as sequences move; Delete asks to delete;
# Ctrl-Z says there is no terminal to suspend.
LDR_TUI_SIZE=80x8 LDR_TUI_KEYS='<Esc> "[6~" <Dump> <Esc> "[5~" <Esc> "[8~" <Dump> <Esc> "[3~" <Dump> n <C-z> <Dump>' ldr roadmaps/derbyshire.yaml | grep -E 'Schedule [0-9]+/|delete|suspend'
