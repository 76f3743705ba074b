# The Timeline view (4) read without colour (NO_COLOR): each status a
# character of its own, overdue bars running on to the review date, the
# selected project's dependencies, the critical path, a baseline under the
# bars, the filter; and the key at the foot that says what each means.
printf 'ldr: 1\nfootprint: {name: Six, start: 16/17, end: 18/19}\nprojects:\n- {id: P1, name: Proposed, start: 16/17 Q1, end: 16/17 Q2, status: proposed}\n- {id: P2, name: Planned, start: 16/17 Q1, end: 16/17 Q4, status: planned, milestones: [{id: P2-M1, what: Half way, due: 16/17 Q2}]}\n- {id: P3, name: In progress, start: 16/17 Q3, end: 17/18 Q2, status: in-progress, depends_on: [P1]}\n- {id: P4, name: Delivered, start: 16/17 Q1, end: 16/17 Q1, status: delivered, delivered: 2016-06}\n- {id: P5, name: On hold, start: 17/18 Q3, end: 17/18 Q4, status: on-hold, depends_on: [P3]}\n- {id: P6, name: Dropped, start: 17/18 Q1, end: 17/18 Q2, status: dropped}\n- {id: P7, name: Last, start: 18/19 Q1, end: 18/19 Q4, status: planned, depends_on: [P5]}\n- {id: P8, name: Too soon, start: 16/17 Q4, end: 17/18 Q1, status: planned, depends_on: [P2]}\n' > $T/six.yaml && ldr check $T/six.yaml >/dev/null; echo "check $?"
# Each status its character; in May 2017 P1 and P2 (ended by March) are
# overdue, on to the as-at line; P8 starts before P2, which it needs, ends
# (!); P3 is selected: ▲ what it needs (P1), ▼ what needs it (P5); * the
# critical path (P1, P3, P5, P7: P7 ends last). The key wraps on a narrow
# terminal; on a wide one it is one line.
NO_COLOR=1 LDR_TUI_SIZE=80x20 LDR_TUI_KEYS='4 j j j j <Dump>' ldr tui --as-of 2017-05 $T/six.yaml | grep -v '^ *$'
NO_COLOR=1 LDR_TUI_SIZE=200x18 LDR_TUI_KEYS='4 j j j j <Dump>' ldr tui --as-of 2017-05 $T/six.yaml | grep -v '^ *$' | sed -n '/^key/,/^ /p'
# A project shifted a quarter later ('>', with what needs it) moves its bar.
cp $T/six.yaml $T/shift.yaml && NO_COLOR=1 LDR_TUI_SIZE=120x18 LDR_TUI_KEYS='4 j j j j > y d <Dump> q d' ldr tui --as-of 2017-05 $T/shift.yaml | grep -E '^..P[357] |shifted'; ls -A $T
# The filter works as in every list: by status, by id.
NO_COLOR=1 LDR_TUI_SIZE=80x12 LDR_TUI_KEYS='4 f status:planned <Enter> <Dump> <Esc> f P4 <Enter> <Dump>' ldr tui --as-of 2017-05 $T/six.yaml | grep -v '^ *$'
# A baseline under each bar ('b', empty: the newest): P3 was planned to end
# a quarter earlier, and P5 to start one earlier; P6 had dates then. '-' draws none again; a revision
# that is not there is said.
. tests/cli/repo.sh && cp $T/six.yaml $R/six.yaml && cd $R && ldr init one --from six.yaml >/dev/null && ldr baseline v1 -m 'The approved plan' one >/dev/null && ldr set one 'P3.end=17/18 Q3' 'P5.start=17/18 Q4' 'P6.start=' 'P6.end=' -m 'P3 later' >/dev/null && NO_COLOR=1 LDR_TUI_SIZE=80x34 LDR_TUI_KEYS='4 b <Enter> j j j j j j j j <Dump> b <C-u> "-" <Enter> <Dump> b <C-u> nowhere <Enter> <Dump> q' ldr tui --as-of 2017-05 one | grep -v '^ *$'
# Outside a repository there is no baseline to choose.
NO_COLOR=1 LDR_TUI_SIZE=80x12 LDR_TUI_KEYS='4 b <Dump>' ldr $T/six.yaml | tail -2 | head -1
. tests/cli/repo.sh && rm -rf $R
