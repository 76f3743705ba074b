# Two sessions on one roadmap, headless: another session is a process that
# holds the roadmap's session lock (here a 'sleep', its lock and recovery
# files written as a running ldr's would be). The second session says so
# and offers read-only, or to take over once it is sure; it never offers,
# writes or removes the first one's recovery files. A lock or files left by
# a session that ended are taken, and offered, as before. (The real thing,
# with a hang-up, is in tests/tmux/run.sh.)
. tests/cli/repo.sh && cd $R && ldr init one --from $OLDPWD/roadmaps/derbyshire.yaml >/dev/null && mkdir one/.git/ldr && { sleep 120 </dev/null >/dev/null 2>&1 & } && echo $! > $OLDPWD/$T/pid && echo made
# That session holds the lock, and has unsaved changes of its own: this one
# is read-only, which it says with every refusal; the other's lock and
# files are as they were.
. tests/cli/repo.sh && cd $R && P=$(cat $OLDPWD/$T/pid) && S=$(date +%s) && H=$(uname -n) && printf 'pid %s\nhost %s\nuser %s\nsince %s\n' $P $H "$(id -un)" $S > one/.git/ldr/roadmap.yaml.session && cp one/roadmap.yaml "one/.git/ldr/roadmap.yaml.$P-$S@$H.unsaved" && cp one/roadmap.yaml "one/.git/ldr/roadmap.yaml.$P-$S@$H.base" && before=$(ls -l --time-style=+%s one/.git/ldr | cksum) && LDR_TUI_SIZE=200x24 LDR_TUI_KEYS='<Dump> r <Dump> 5 j t <Dump> w <Dump>' ldr one | sed -n '/read-only\|session\|ended/p' | sed "s/pid $P/pid PID/; s/since [0-9-]* [0-9:]*/since TIME/; s/   */  /g"; [ "$(ls -l --time-style=+%s one/.git/ldr | cksum)" = "$before" ] && echo "its lock and files are as they were"
# Take over: asked again to be sure ('n' asks the first question again).
# The lock is then this session's (and goes with it); the other's files
# are still not offered, and this session's own are named apart from them.
. tests/cli/repo.sh && cd $R && P=$(cat $OLDPWD/$T/pid) && LDR_TUI_SIZE=200x24 LDR_TUI_KEYS='t <Dump> n t y <Dump> 5 j t <Enter> <HUP>' ldr one | sed -n '/read-only\|session\|ended\|take/p' | sed "s/pid $P/pid PID/g; s/since [0-9-]* [0-9:]*/since TIME/; s/   */  /g"; ls one/.git/ldr | sed "s/^roadmap.yaml.$P-[0-9]*@[^.]*/roadmap.yaml.OTHER/" | untag | sort
# Esc at the question is read-only; 'q' quits.
. tests/cli/repo.sh && cd $R && P=$(cat $OLDPWD/$T/pid) && printf 'pid %s\nhost %s\nuser someone\nsince %s\n' $P $(uname -n) $(date +%s) > one/.git/ldr/roadmap.yaml.session && LDR_TUI_SIZE=200x24 LDR_TUI_KEYS='<Esc> <Dump>' ldr one | grep read-only | sed "s/pid $P/pid PID/; s/since [0-9-]* [0-9:]*/since TIME/; s/   */  /g"; LDR_TUI_SIZE=200x24 LDR_TUI_KEYS='q' ldr one >/dev/null; echo "exit $?"; grep user one/.git/ldr/roadmap.yaml.session
# Once the other session has ended (its pid gone), its lock is taken without
# a word, and its unsaved changes are offered (this session's own, from the
# hang-up above, too: offered first, as the older).
. tests/cli/repo.sh && cd $R && P=$(cat $OLDPWD/$T/pid) && kill $P && while kill -0 $P 2>/dev/null; do sleep 0.1; done; sed -i 's/^  who: Prisons in the footprint$/  who: Prisons/' one/.git/ldr/roadmap.yaml.$P-*.unsaved && touch -d '2016-07-04 09:30' one/.git/ldr/*.unsaved && touch -d '2016-07-04 09:40' one/.git/ldr/roadmap.yaml.$P-*.unsaved && LDR_TUI_SIZE=200x24 LDR_TUI_KEYS='<Dump> r <Dump> r <Dump>' ldr one | sed -n '/read-only\|session\|ended\|restored\|merged/p'; ls one/.git/ldr | untag
# Files of a session that ended before sessions had names (an older ldr)
# are offered too.
. tests/cli/repo.sh && cd $R && rm -f one/.git/ldr/* && cp one/roadmap.yaml one/.git/ldr/roadmap.yaml.base && sed 's/^  who: Prisons in the footprint$/  who: Prisons/' one/roadmap.yaml > one/.git/ldr/roadmap.yaml.unsaved && touch -d '2016-07-05 10:00' one/.git/ldr/roadmap.yaml.unsaved && LDR_TUI_SIZE=200x24 LDR_TUI_KEYS='<Dump> d q' ldr one | sed -n '/ended/p'; ls -A one/.git/ldr
. tests/cli/repo.sh && rm -rf $R
