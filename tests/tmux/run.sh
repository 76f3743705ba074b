#!/bin/sh
# The real program in a real terminal: ldr in tmux at 80x24, driven by keys
# as a person would type them, the screen read back with capture-pane. What
# the headless transcripts (tests/cli/tui*.t) cannot show: curses on a
# terminal, the keyboard, a resize, a hang-up when the connection drops
# (tmux kill-session sends SIGHUP, as sshd does), a paste, and the terminal
# given back as it was.
#
#   sh tests/tmux/run.sh [LDR]
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
LDR=${1:-$top/ldr}
export LC_ALL=C.UTF-8 TZ=UTC
export GIT_AUTHOR_NAME='Pat Office' GIT_AUTHOR_EMAIL=pmo@example.org
export GIT_COMMITTER_NAME='Pat Office' GIT_COMMITTER_EMAIL=pmo@example.org
D=$(mktemp -d /tmp/ldr-tmux-XXXXXX)
SOCK="ldr-test-$$"
failed=0
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$D"' EXIT

tm() { tmux -L "$SOCK" "$@"; }
# The tmux session the helpers below look at and type into: t, or another
# for a second ldr at once.
TGT=t
screen() { tm capture-pane -p -t "$TGT" 2>/dev/null; }
fail() {
	echo "tmux: FAILED: $1"
	echo "--- the screen:"
	screen
	echo "---"
	failed=1
}
# Wait (up to 15 seconds) until the screen shows text.
wait_for() {
	i=0
	while [ $i -lt 150 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "the screen never showed '$1'"
	return 1
}
# Wait (up to 15 seconds) until the screen no longer shows text.
wait_until_gone() {
	i=0
	while [ $i -lt 150 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# Wait until the program has exited (its pane is gone).
wait_gone() {
	i=0
	while [ $i -lt 150 ]; do
		tm has-session -t "$TGT" 2>/dev/null || return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "ldr did not exit"
	return 1
}
# Start ldr in the tmux session TGT; wait for the screen to show $1 (by
# default, that it is up).
start() {
	tm -f /dev/null new-session -d -s "$TGT" -x 80 -y 24 \
		"cd '$D' && TERM=xterm-256color exec '$LDR' roadmap"
	tm set-option -t "$TGT" remain-on-exit off >/dev/null 2>&1
	wait_for "${1:-1 Schedule}"
}
keys() { tm send-keys -t "$TGT" "$@"; }
# Esc alone: a key right after it would make it Alt-that-key.
esc() { tm send-keys -t "$TGT" Escape; sleep 0.3; }
# The recovery files in .git/ldr (named with their session's tag).
recovery() { ls "$D/roadmap/.git/ldr" 2>/dev/null | grep '\.\(unsaved\|base\)$'; }
# Wait (up to 5 seconds) until there are N of them: a change is written
# aside once the keyboard has been idle for a second.
wait_recovery() {
	i=0
	while [ "$(recovery | wc -l)" -ne "$1" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
}

"$LDR" init "$D/roadmap" --from "$top/roadmaps/derbyshire.yaml" >/dev/null || exit 1

# 1. Open, find C12, change its year in the form, and save with a message,
#    while someone else commits a change to another record: the save is
#    refused, ':reload' merges, the second save commits both.
start
keys / C12 Enter
wait_for "C12   Patients"
keys e
wait_for "capability C12: Enter edits"
keys j j j Enter
wait_for "choose, or type:"
keys 19/20
wait_for "19/20 Q4"
keys Enter
wait_for "C12 year: 19/20"
"$LDR" set "$D/roadmap" C06.status=delivered -m "Someone else" >/dev/null
keys w
wait_for "commit message:"
keys C-u "Move C12 to 19/20" Enter
wait_for "changed since loaded"
wait_for "(m)erge your changes onto it"
keys m
wait_for "1 change merged"
keys w
wait_for "commit message:"
keys C-u "Move C12 to 19/20" Enter
wait_for "committed"
# A resize: the screen follows.
tm resize-window -t t -x 100 -y 30 2>/dev/null
wait_for "9 Review"
[ "$(screen | wc -l)" -ge 29 ] || fail "the screen did not grow to 30 lines"
esc
keys q
wait_gone
git -C "$D/roadmap" log --format=%s | head -2 | tr '\n' '|' | grep -qx "Move C12 to 19/20|Someone else|" ||
	fail "git log does not show the two commits: $(git -C "$D/roadmap" log --format=%s | head -3)"
"$LDR" diff HEAD~1 HEAD "$D/roadmap" | grep -q "C12 year: 18/19 -> 19/20" ||
	fail "ldr diff does not show the change"
git -C "$D/roadmap" fsck --strict >/dev/null 2>&1 || fail "git fsck complains"
[ -z "$(git -C "$D/roadmap" status --porcelain)" ] || fail "the work tree is not clean"

# 2. The connection drops with an edit unsaved; the next session offers it.
start
keys / C03 Enter
wait_for "C03   Community"
keys e j j j Enter C-u 17/18 Enter
wait_for "C03 year: 17/18"
pid=$(tm display-message -p -t t '#{pane_pid}')
tm kill-session -t t
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
kill -0 "$pid" 2>/dev/null && fail "ldr is still running 5 seconds after the hang-up"
recovery | grep -q '^roadmap\.yaml\..*\.unsaved$' || fail "no recovery file after the hang-up"
start
wait_for "(r)estore them"
keys r
wait_for "restored"
keys : "w C03 recovered" Enter
wait_for "committed"
keys q
wait_gone
"$LDR" diff HEAD~1 HEAD "$D/roadmap" | grep -q "C03 year: 16/17 -> 17/18" ||
	fail "the recovered change was not committed"
[ -n "$(recovery)" ] && fail "the recovery file outlived the save"

# 3. Quitting with changes asks first; cancelling keeps them.
start
keys / C04 Enter e j j j Enter C-u 18/19 Enter
wait_for "C04 year: 18/19"
esc
keys q
wait_for "(s)ave them, (d)iscard them, (c)ancel"
keys c
wait_for "[+]"
keys q d
wait_gone
[ -z "$(git -C "$D/roadmap" status --porcelain)" ] || fail "discarding changed the file"

# 3b. Typed text, in a form under TERM=xterm-256color inside tmux (a very
#    common set-up): tmux sends Home and End as ESC [ 1 ~ and ESC [ 4 ~,
#    which that description does not name. They move the cursor; they do
#    not cancel the prompt, and the digits typed next do not switch views.
#    Esc with the text changed asks first.
start
keys / C12 Enter
wait_for "C12   Patients"
keys e
wait_for "capability C12: Enter edits"
keys j Enter
wait_for "who: Patients"
keys " 2024"
keys Home
keys "From "
keys End
keys "."
wait_for "who: From Patients, carers and health and care professionals 2024."
esc
wait_for "discard what you typed"
keys n
keys Enter
wait_for "who           From Patients, carers and health and care professionals 2024."
esc
keys q
wait_for "(s)ave them, (d)iscard them, (c)ancel"
keys d
wait_gone

# 3c. Two sessions on one roadmap. A makes an unsaved edit; B, opened on
#    the same roadmap while A runs, is told that A has it open and is
#    offered read-only, or to take over once it has said it is sure; it is
#    never offered A's unsaved changes as if A had ended, and whatever B
#    does leaves A's files alone. When A's connection drops it writes its
#    unsaved changes again (removed here by hand first, as an ldr before
#    sessions would have on B's 'd'), and the next session offers them.
start
keys 5 j t
wait_for "done when?"
keys C-u 2016-12 Enter
wait_for "[+]"
a_pid=$(tm display-message -p -t t '#{pane_pid}')
wait_recovery 2
a_files=$(recovery | tr '\n' ' ')
[ "$(recovery | wc -l)" -eq 2 ] || fail "A's recovery files: '$a_files'"
a_sum=$(cd "$D/roadmap/.git/ldr" && cat $(recovery) | cksum)
TGT=b
start "is open in another ldr session (pid $a_pid, since"
wait_for "(r)ead-only, (t)ake over, (q)uit"
screen | grep -q "session that ended" && fail "B was offered A's unsaved changes"
keys r
wait_for "read-only"
keys 5 j t
wait_for "read-only: nothing can be changed (open in another ldr session (pid $a_pid"
keys q
wait_gone
start "(r)ead-only, (t)ake over, (q)uit"
keys t
wait_for "take the roadmap over from pid $a_pid?"
keys n
wait_for "(r)ead-only, (t)ake over, (q)uit"
keys t y
wait_for "taken over from pid $a_pid"
screen | grep -q "session that ended" && fail "B, taking over, was offered A's unsaved changes"
keys 5 j j t
wait_for "done when?"
keys Enter
wait_for "[+]"
wait_recovery 4
[ "$(recovery | wc -l)" -eq 4 ] || fail "B's recovery files are not its own: $(recovery | tr '\n' ' ')"
keys q
wait_for "(s)ave them, (d)iscard them, (c)ancel"
keys d
wait_gone
TGT=t
[ "$(recovery | tr '\n' ' ')" = "$a_files" ] || fail "B changed A's recovery files: '$a_files' became '$(recovery | tr '\n' ' ')'"
[ "$(cd "$D/roadmap/.git/ldr" && cat $(recovery) | cksum)" = "$a_sum" ] || fail "B changed what A's files hold"
(cd "$D/roadmap/.git/ldr" && rm -f $(recovery))
tm kill-session -t t
i=0
while kill -0 "$a_pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(recovery | tr '\n' ' ')" = "$a_files" ] || fail "A did not write its recovery files again on the hang-up: '$(recovery | tr '\n' ' ')'"
[ -e "$D/roadmap/.git/ldr/roadmap.yaml.session" ] && fail "a session lock outlived both sessions"
start "unsaved changes from a session that ended"
keys r
wait_for "restored"
keys : "w UC01-A1 done" Enter
wait_for "committed"
keys q
wait_gone
"$LDR" diff HEAD~1 HEAD "$D/roadmap" | grep -q "UC01-A1 delivered: (none) -> 2016-12" ||
	fail "A's change, recovered, was not committed"
[ -z "$(ls "$D/roadmap/.git/ldr")" ] || fail "files left in .git/ldr: $(ls "$D/roadmap/.git/ldr" | tr '\n' ' ')"

# 3d. A repository owned by someone else (as root: chown to nobody), which
#    git will not use unless told to (safe.directory): the interface says so
#    as git does and opens read-only; nothing is written, in the work tree
#    or the repository.
if [ "$(id -u)" = 0 ]; then
	cp -a "$D/roadmap" "$D/owned" && chown -R 65534 "$D/owned"
	before=$(cd "$D/owned" && find . -printf '%p %s %T@\n' | sort | cksum)
	tm -f /dev/null new-session -d -s t -x 80 -y 24 "cd '$D' && TERM=xterm-256color exec '$LDR' owned"
	wait_for "read-only: the repository at '$D/owned' is owned by someone"
	wait_for "safe.directory"
	keys 5 j t
	wait_for "read-only: nothing can be changed (the repository at"
	keys w
	wait_for "read-only: nothing to save"
	keys q
	wait_gone
	[ "$(cd "$D/owned" && find . -printf '%p %s %T@\n' | sort | cksum)" = "$before" ] ||
		fail "something was written in a repository owned by someone else"
	"$LDR" set "$D/owned" UC01-A2.done=true 2>&1 | grep -q "is owned by someone else; if you trust it" ||
		fail "ldr set does not say that the repository is owned by someone else"
	rm -rf "$D/owned"
else
	echo "tmux: skipped a repository owned by someone else: only root can give one away"
fi

# 4. The mouse, as xterm reports it (SGR): a click on a tab, the wheel.
start
keys -l "$(printf '\033[<0;15;1M\033[<0;15;1m')"
wait_for "Dossier 1/51"
keys -l "$(printf '\033[<65;15;8M')"
wait_for "Dossier 4/51"
keys q
wait_gone

# 5. A paste, as tmux sends it to an application that asked for bracketed
#    paste: text where text is typed (the notes editor, a prompt), whatever
#    it holds; on a list, ignored ('q' would quit).
paste() { tm set-buffer -b ldr -- "$1" && tm paste-buffer -p -d -b ldr -t t; }
start
paste "$(printf 'q\rx')"
wait_for "a paste goes where text is typed"
keys / C12 Enter
wait_for "C12   Patients"
keys e
wait_for "capability C12: Enter edits"
keys G k Enter
wait_for "Ctrl-S keeps the text"
keys Enter
paste "$(printf 'col1\tcol2\001ctrlA\002x\rCR-line\nLF-line')"
wait_for "LF-line"
paste "$(printf 'bell\033[31mRED')"
wait_for "bell[31mRED"
screen | grep -q "discard the changes" && fail "an ESC in a paste asked to discard the changes"
screen | grep -qx " col1    col2ctrlAx" || fail "the pasted tab and control characters"
screen | grep -qx " CR-line" || fail "the pasted CR is not a new line"
keys C-s
wait_for "capability C12: Enter edits"
keys w
wait_for "commit message:"
keys C-u
paste "$(printf 'Pasted\tnotes\033\n')"
wait_for "commit message: Pasted notes"
keys Enter
wait_for "committed"
esc
keys q
wait_gone
[ "$(git -C "$D/roadmap" log -1 --format=%s)" = "Pasted notes" ] || fail "the pasted commit message"
git -C "$D/roadmap" show HEAD:roadmap.yaml | grep -qx "    col1    col2ctrlAx" ||
	fail "the pasted notes are not in the commit as they were shown"

# 6. However ldr ends, the terminal is given back without bracketed paste:
#    quit, suspended (SIGTSTP) then resumed, SIGTERM, SIGHUP, and in a
#    terminal too small to draw in. A shell in the pane reads a paste after
#    each: were the mode left on, it would show the brackets (^[[200~).
# ldr writes down its pid (the sh it is exec'd from does): no pgrep needed.
ldr_pid() { cat "$D/pid" 2>/dev/null; }
running() { kill -0 "$(ldr_pid)" 2>/dev/null; }
wait_exit() {
	i=0
	while running && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	running && fail "ldr did not exit"
}
# run_ldr [TERM]: ldr as a job of the shell in the pane.
run_ldr() {
	rm -f "$D/pid"
	keys "sh -c 'echo \$\$ >\"$D/pid\"; TERM=${1:-xterm-256color} exec \"$LDR\" \"$D/roadmap\"'" Enter
	wait_for "1 Schedule"
}
paste_mode_off() {
	paste "pasted after $1"
	wait_for "pasted after $1"
	screen | grep -qF '[200~' && fail "bracketed paste left on after $1"
	keys C-u
}
tm -f /dev/null new-session -d -s t -x 80 -y 24 "env PS1='sh\$ ' ENV= sh -i"
wait_for 'sh$'
run_ldr
keys q
wait_exit
paste_mode_off "quitting"
run_ldr
kill -TSTP "$(ldr_pid)"
wait_for "Stopped"
paste_mode_off "a suspension"
keys fg Enter
wait_for "1 Schedule"
keys /
paste "$(printf 'resumed\rq')"
wait_for "/resumed q"
kill -TERM "$(ldr_pid)"
wait_exit
paste_mode_off "SIGTERM"
run_ldr
kill -HUP "$(ldr_pid)"
wait_exit
paste_mode_off "SIGHUP"
run_ldr
tm resize-window -t t -x 15 -y 5 2>/dev/null
wait_for "the terminal"
paste q
sleep 0.3
running || fail "a paste in a terminal too small quit"
keys q
wait_exit
tm resize-window -t t -x 80 -y 24 2>/dev/null
paste_mode_off "a terminal too small"
tm kill-session -t t

# 7. Keys as tmux sends them, under three descriptions of the terminal:
#    Home and End (ESC [ 1 ~ and ESC [ 4 ~, which xterm-256color and vt100
#    do not name), Delete and the pages, inside a prompt, move the cursor
#    and edit; they never cancel it. Ctrl-Z, typed as a key (the terminal
#    is in raw mode), suspends ldr with the terminal given back; 'fg'
#    resumes it with its screen redrawn and the prompt as it was.
tm -f /dev/null new-session -d -s t -x 80 -y 24 "env PS1='sh\$ ' ENV= sh -i"
wait_for 'sh$'
for term in xterm-256color screen-256color vt100; do
	run_ldr "$term"
	keys : "xabc"
	wait_for ":xabc"
	keys Home DC
	keys "From "
	keys End PPage NPage
	keys " to $term"
	wait_for ":From abc to $term"
	keys C-z
	wait_for "Stopped"
	paste_mode_off "Ctrl-Z ($term)"
	keys fg Enter
	wait_for ":From abc to $term"
	wait_until_gone 'sh$' || fail "the screen was not redrawn on resuming ($term)"
	screen | grep -q "1 Schedule" || fail "the tabs were not redrawn on resuming ($term)"
	keys C-u Escape
	sleep 0.3
	keys q
	wait_exit
done
# 8. An unsaved edit, Ctrl-Z, and the connection drops while ldr is
#    stopped: it is woken (SIGHUP, SIGCONT), keeps the edit in its recovery
#    files, and leaves no session lock behind. Ctrl-Z comes with the edit's
#    Enter, the keyboard never idle between them: the edit is written aside
#    as ldr stops, before any hang-up.
run_ldr
keys 5 j j t
wait_for "done when?"
keys C-u 2017-01 Enter C-z
wait_for "Stopped"
(cd "$D/roadmap/.git/ldr" && grep -q "delivered: 2017-01" $(recovery | grep '\.unsaved$') 2>/dev/null) ||
	fail "the edit was not written aside before ldr stopped: $(recovery | tr '\n' ' ')"
tm kill-session -t t
wait_exit
recovery | grep -q '\.unsaved$' || fail "no recovery file after a hang-up while suspended"
[ -e "$D/roadmap/.git/ldr/roadmap.yaml.session" ] && fail "a session lock outlived a hang-up while suspended"
start "unsaved changes from a session that ended"
keys d
wait_for "the unsaved changes are discarded"
keys q
wait_gone

# 8b. An unsaved edit, the keyboard left idle, then ldr killed outright
#    (SIGKILL: nothing it can do): the edit was written aside within a
#    second or so of the keyboard going idle, and the next session offers it.
#    ldr runs as a job of a shell, which reaps it (its lock then names a pid
#    that is gone, taken without a word).
tm -f /dev/null new-session -d -s t -x 80 -y 24 "env PS1='sh\$ ' ENV= sh -i"
wait_for 'sh$'
run_ldr
keys / C06 Enter
wait_for "C06   Other Health"
keys e j j j Enter C-u 18/19 Enter
wait_for "C06 year: 18/19"
wait_recovery 2
(cd "$D/roadmap/.git/ldr" && grep -A3 "^- id: C06$" $(recovery | grep '\.unsaved$') 2>/dev/null | grep -q "year: 18/19") ||
	fail "the edit was not written aside once the keyboard was idle: $(recovery | tr '\n' ' ')"
kill -KILL "$(ldr_pid)"
wait_exit
# The terminal as the killed ldr left it (raw: Enter is no new line).
keys C-j "stty sane; clear" C-j
sleep 0.3
run_ldr
wait_for "unsaved changes from a session that ended"
keys r
wait_for "restored"
keys : "w C06 recovered after a kill" Enter
wait_for "committed"
keys q
wait_exit
tm kill-session -t t
"$LDR" diff HEAD~1 HEAD "$D/roadmap" | grep -q "C06 year: .* -> 18/19" ||
	fail "the change written aside when idle was not recovered after a kill"
[ -z "$(recovery)" ] || fail "the recovery files outlived the save: $(recovery | tr '\n' ' ')"

# 9. A picker's filter shows the terminal's cursor where typing goes (on a
#    list it is hidden); Enter, after a filter, chooses the one highlighted.
start
keys / C40 Enter
wait_for "C40   Commissioners"
[ "$(tm display-message -p -t t '#{cursor_flag}')" = 0 ] || fail "the cursor is shown on a list"
keys e j j j j Enter
wait_for "group:   filter:"
keys o Down
wait_for "filter: o"
[ "$(tm display-message -p -t t '#{cursor_flag} #{cursor_x} #{cursor_y}')" = "1 19 1" ] ||
	fail "the filter's cursor: $(tm display-message -p -t t '#{cursor_flag} #{cursor_x} #{cursor_y}')"
keys Enter
wait_for "C40 group: transfers"
[ "$(tm display-message -p -t t '#{cursor_flag}')" = 0 ] || fail "the cursor is left shown after the picker"
esc
keys q
wait_for "(s)ave them, (d)iscard them, (c)ancel"
keys d
wait_gone

# 10. The whole day from the command line, in a real terminal: a baseline, an
#     export and a sign-off made with ':' (Tab completing the command), each
#     said on the status line; the results read back with plain git.
"$LDR" init "$D/day" --from "$top/roadmaps/derbyshire.yaml" >/dev/null || fail "cannot make the day's roadmap"
tm -f /dev/null new-session -d -s t -x 80 -y 24 "cd '$D' && TERM=xterm-256color exec '$LDR' day"
wait_for "1 Schedule"
keys : "basel" Tab "tmux-day Marked in tmux" Enter
wait_for "baseline 'tmux-day' marks"
keys : "export annex2 $D/day-annex2.csv" Enter
wait_for "exported annex2 to"
keys : "signoff 'programme board' Approved in tmux" Enter
wait_for "signed off"
keys : Up
wait_for ":signoff 'programme board' Approved in tmux"
esc
keys y
keys q
wait_gone
git -C "$D/day" tag -n1 -l tmux-day | grep -q "^tmux-day  *Marked in tmux$" ||
	fail "git tag -n does not show the baseline: $(git -C "$D/day" tag -n1)"
[ "$(git -C "$D/day" for-each-ref --format='%(taggername) %(*objectname)' refs/tags/signoff)" = \
  "Pat Office $(git -C "$D/day" rev-parse HEAD)" ] || fail "the sign-off is not Pat Office's on HEAD"
git -C "$D/day" tag -n9 -l 'signoff/*' | grep -q "Role: programme board" || fail "the sign-off has no role"
git -C "$D/day" fsck --strict >/dev/null 2>&1 || fail "git fsck complains after the day"
head -1 "$D/day-annex2.csv" | grep -q "Who,What,Year" || fail "the export is not the Annex 2 CSV"

[ $failed -eq 0 ] && echo "tmux: ok"
exit $failed
