# The whole day in the interface, headless, on a throw-away repository of
# Derbyshire: saving a roadmap with errors asks first.
. tests/cli/repo.sh && cd $R && ldr init r --from $OLDPWD/roadmaps/derbyshire.yaml >/dev/null && echo made
# P08 made to end before it starts: 'w' says how many errors and asks; Esc
# saves nothing; 'g' opens the first error's record at its field (end);
# ':w!' commits without asking.
. tests/cli/repo.sh && cd $R && at 2016-07-01 && LDR_TUI_MARKS=1 LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 / P08 <Enter> e j j j j j j j j <Enter> <C-u> "16/17" <Enter> <Esc> w <Dump> <Esc> <Dump> w g <Dump> <Esc> <Esc> : "w! P08 ends early" <Enter> <Dump>' ldr r > $OLDPWD/$T/s; A="/usr/bin/python3 $OLDPWD/tests/cli/screen_assert.py"; tail -3 $OLDPWD/$T/s | head -2; $A -d 1 status '(c)ommit anyway, (g)o to the first error, or Esc to cancel' < $OLDPWD/$T/s; $A -d 2 status 'not saved' < $OLDPWD/$T/s; $A -d 3 selected end field end 16/17 status 'Edit 9/16' < $OLDPWD/$T/s; $A -d 4 status 'committed' < $OLDPWD/$T/s; git -C r log --format=%s -1
# 'w' then 'c' commits anyway, with the message asked as always; a roadmap
# without errors is not asked about.
. tests/cli/repo.sh && cd $R && at 2016-07-02 && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 / P08 <Enter> e j j <Enter> <C-u> "DCR Account Project 2" <Enter> <Esc> w c <C-u> "P08 renamed" <Enter> <Dump>' ldr r | tail -2 | head -1; git -C r log --format=%s -1
. tests/cli/repo.sh && cd $R && at 2016-07-03 && LDR_TUI_SIZE=80x24 LDR_TUI_KEYS='2 / P08 <Enter> e j j j j j j j j <Enter> <C-u> "18/19 Q4" <Enter> <Esc> w <C-u> "P08 mended" <Enter> <Dump>' ldr r | tail -2 | head -1; git -C r log --format=%s -1
# The command line does the whole day: a baseline, a sign-off (refused with
# errors, then signed once mended), an export, every export, the board
# report, the review; each says what it did. Checked with plain git.
. tests/cli/repo.sh && cd $R && at 2016-07-04 && LDR_TUI_SIZE=100x8 LDR_TUI_KEYS=': "baseline submitted As submitted, July 2016" <Enter> <Dump> : "signoff '"'"'programme board'"'"' Approved at the July board" <Enter> <Dump> : "export annex2 a2.csv" <Enter> <Dump> : "export all everything" <Enter> <Dump> : "report board.html" <Enter> <Dump> : "review submitted 16/17" <Enter> <Dump>' ldr r | sed -n '/^--$/{x;p;d};x'
. tests/cli/repo.sh && cd $R/r && git tag -n9 && git for-each-ref --format='%(refname:short) %(taggername) %(taggerdate:short) -> %(*objectname:short)' refs/tags && git rev-parse --short HEAD && git fsck --strict --no-dangling && cd .. && head -c 60 a2.csv | head -1 && ls everything | wc -l && grep -c 'Local Digital Roadmap: board report' board.html
# What writes is the file as saved: with an edit not saved, a baseline and
# an export are refused; so are bad arguments, and unknown names.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=100x8 LDR_TUI_KEYS='2 / P08 <Enter> e j j <Enter> <C-u> "Renamed" <Enter> <Esc> : "baseline later" <Enter> <Dump> : "export annex2 b.csv" <Enter> <Dump> u : "export nope x.csv" <Enter> <Dump> : "review nope" <Enter> <Dump> : "baseline" <Enter> <Dump> : "frobnicate" <Enter> <Dump>' ldr r | sed -n '/^--$/{x;p;d};x'; ls b.csv x.csv 2>&1; git -C r tag -l later
# Tab completes the commands, the export kinds and the baselines (again to
# cycle); Up and Down recall the lines entered before.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=100x8 LDR_TUI_KEYS=': "sig" <Tab> <Dump> <C-u> "export tu" <Tab> <Dump> <C-u> "export an" <Tab> <Dump> <Tab> <Dump> <Tab> <Dump> <C-u> "review s" <Tab> <Dump> <Esc> y : "goto C12" <Enter> : "goto P08" <Enter> : <Up> <Dump> <Up> <Dump> <Down> <Dump> <Down> <Dump>' ldr r | sed -n '/^--$/{x;p;d};x'
# Help lists the ':' commands and the keys inside prompts, pickers and the
# editor (the keymap's contexts); '/' finds them; 'ldr tui --keys' lists them
# too, and the Timeline's marks.
LDR_TUI_MARKS=1 LDR_TUI_SIZE=100x20 LDR_TUI_KEYS='? / :signoff <Enter> <Dump> / complete <Enter> <Dump>' ldr roadmaps/derbyshire.yaml > $T/h; A='/usr/bin/python3 tests/cli/screen_assert.py'; $A -d 1 selected :signoff field command ':signoff ROLE [MESSAGE]' < $T/h; $A -d 2 field keys '<Tab> in prompt' < $T/h
ldr tui --keys | sed -n '/^Commands/,$p'
# Adding asks every field a record's kind needs: a capability's who, what,
# year and group (Esc at any of them adds nothing); a project's name, start
# and end.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x6 LDR_TUI_KEYS='G a "Patients" <Enter> "Can book online" <Enter> <Dump> <Esc> <Dump> 2 G a "Portal" <Enter> <Dump> "17/18" <Enter> <Dump> "18/19" <Enter> <Dump> <Esc> q d' ldr r | grep -E '^ (year|group|start|end):|not added|^[a-z]+ +(17/18|18/19)'
# The checks' line numbers are the file's after every save, a record added
# in the session included (none before it is saved).
. tests/cli/repo.sh && cd $R && at 2016-07-05 && LDR_TUI_SIZE=100x12 LDR_TUI_KEYS='G a "Patients" <Enter> "Can book online" <Enter> "17/18" <Enter> "records" <Enter> <Esc> 7 f "record:C41" <Enter> <Dump> : "w C41 added" <Enter> <Dump>' ldr r | grep 'C41 '; grep -n 'id: C41$' r/roadmap.yaml
# 'c' duplicates the selected record wherever it is selected: here, the
# record a finding is about, in the Checks view. A filter on a column the
# view has not says so, and lists the columns it has.
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=80x6 LDR_TUI_KEYS='7 f "record:C41" <Enter> c <Dump> <Esc> q d' ldr r | tail -2 | head -1
LDR_TUI_SIZE=120x6 LDR_TUI_KEYS='4 f "group:mob" <Enter> <Dump>' ldr roadmaps/derbyshire.yaml | tail -3 | head -2
# A sign-off made while the History view is shown is in it at once.
. tests/cli/repo.sh && cd $R && at 2016-07-06 && LDR_TUI_SIZE=100x6 LDR_TUI_KEYS='8 : "signoff CIO" <Enter> <Dump>' ldr r | sed -n 3,5p; git -C r tag -l 'signoff/*'
# Tab completes a file's name for ':export', ':import' and ':report' (a
# directory with its '/', and no blank after it).
. tests/cli/repo.sh && cd $R && LDR_TUI_SIZE=100x8 LDR_TUI_KEYS=': "report bo" <Tab> <Dump> <C-u> "export all ever" <Tab> <Dump> <Esc> y' ldr r | sed -n '/^--$/{x;p;d};x'
