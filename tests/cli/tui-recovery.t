# The recovery file off the path of each key: a change only marks it
# stale; the unsaved roadmap is written aside when the keyboard has been
# idle for a second (a script's <Idle>), before a stop, at the end of the
# session, and at once on a hang-up. strace counts the writes: each is a
# rename into place of .git/ldr/roadmap.yaml.TAG.unsaved. (LeakSanitizer
# cannot run under ptrace: off for those runs, as in save.t.)
. tests/cli/repo.sh && cp roadmaps/derbyshire.yaml $R/d.yaml && cd $R && ldr init one --from d.yaml
# Three edits, then :q!: written once, at the end, with all three.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C03 <Enter> e j j j <Enter> <C-u> "17/18" <Enter> <Esc> / C04 <Enter> e j j j <Enter> <C-u> "18/19" <Enter> <Esc> / C05 <Enter> e j j j <Enter> <C-u> "19/20" <Enter> <Esc> : q! <Enter>' ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -qq -o $OLDPWD/$T/trace -e trace=rename,renameat,renameat2 ldr one >/dev/null; echo "exit $?"; echo "written $(grep -c '\.unsaved")' $OLDPWD/$T/trace) time(s)"; grep -A3 '^- id: C0[345]$' one/.git/ldr/*.unsaved | grep 'id:\|year:'
# The keyboard idle after the first edit, then two more edits, then idle
# twice: written on the first idle, on the second (after the changes), not
# on the third (nothing changed since), nor at the end.
. tests/cli/repo.sh && cd $R && rm -f one/.git/ldr/* && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C03 <Enter> e j j j <Enter> <C-u> "17/18" <Enter> <Esc> <Idle> / C04 <Enter> e j j j <Enter> <C-u> "18/19" <Enter> <Esc> / C05 <Enter> e j j j <Enter> <C-u> "19/20" <Enter> <Esc> <Idle> <Idle> : q! <Enter>' ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -qq -o $OLDPWD/$T/trace -e trace=rename,renameat,renameat2 ldr one >/dev/null; echo "exit $?"; echo "written $(grep -c '\.unsaved")' $OLDPWD/$T/trace) time(s)"
# Killed outright (SIGKILL, injected by strace as the second idle write
# begins: renames are the session lock, the base, the first idle write,
# then this one): the first edit was written aside when the keyboard was
# idle; the second, made since, is what is lost.
. tests/cli/repo.sh && cd $R && rm -f one/.git/ldr/* && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C03 <Enter> e j j j <Enter> <C-u> "17/18" <Enter> <Esc> <Idle> / C04 <Enter> e j j j <Enter> <C-u> "18/19" <Enter> <Esc> <Idle> : q! <Enter>' ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -qq -o /dev/null -e trace=rename,renameat,renameat2 -e inject=rename,renameat,renameat2:error=EIO:signal=SIGKILL:when=4 ldr one >/dev/null 2>&1; echo "exit $?"; grep -A3 '^- id: C0[34]$' one/.git/ldr/*.unsaved | grep 'id:\|year:'; ls -A one/.git/ldr | sed 's/[0-9][0-9]*-[0-9][0-9]*@[^.]*/TAG/'
# (The write it was killed in left its lock, the text it was writing.) The
# next session offers what was written (the killed session's lock taken
# without a word): restored, C03 is changed and C04 is not; the killed
# session's files go, its write's lock with them.
. tests/cli/repo.sh && cd $R && touch -d '2016-07-04 09:30' one/.git/ldr/roadmap.yaml.*.unsaved && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='<Dump> r : "w C03 recovered" <Enter> <Dump>' ldr one | sed -n '/ended/p;/committed/p'; ldr diff HEAD~1 HEAD one; ls -A one/.git/ldr
# The connection drops right after two edits, before the keyboard was ever
# idle: both are written aside as ldr goes, and offered back.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='/ C04 <Enter> e j j j <Enter> <C-u> "18/19" <Enter> <Esc> / C05 <Enter> e j j j <Enter> <C-u> "19/20" <Enter> <HUP>' ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -qq -o $OLDPWD/$T/trace -e trace=rename,renameat,renameat2 ldr one >/dev/null; echo "exit $?"; echo "written $(grep -c '\.unsaved")' $OLDPWD/$T/trace) time(s)"; grep -A3 '^- id: C0[45]$' one/.git/ldr/*.unsaved | grep 'id:\|year:'
. tests/cli/repo.sh && cd $R && touch -d '2016-07-04 09:40' one/.git/ldr/roadmap.yaml.*.unsaved && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='<Dump> r : "w C04 and C05 recovered" <Enter> <Dump>' ldr one | sed -n '/ended/p;/committed/p'; ldr diff HEAD~1 HEAD one; ls -A one/.git/ldr
