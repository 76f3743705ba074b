#!/bin/sh
# The house's rules, checked (make check-layout): which room may include
# which, curses only in tui/, libgit2 only in model/history/, and no source
# folder of more than 20 C files.
# A room is a folder of the program; each line of ALLOWED names a room and
# the rooms its files may include besides its own (HACKING.md says why).
# An include that resolves outside the program (a system header) is free.
set -u
cd "$(dirname "$0")/../.." || exit 1
ALLOWED='
model/base:
model/roadmap: model/base
model/rules: model/base model/roadmap
model/history: model/base model/roadmap model/rules
model/national: model/base model/roadmap model/rules
export/base: model/base model/roadmap model/rules model/history model/national
export/charts: export/base model/base model/roadmap model/rules model/history model/national
export/sheets: export/base model/base model/roadmap model/rules model/history model/national
export: export/base export/charts export/sheets model/base model/roadmap model/rules model/history model/national
import: model/base model/roadmap
tui: import model/base model/roadmap model/rules model/history model/national
tui/views: tui model/base model/roadmap model/rules model/history model/national
cli: tui import export export/base export/charts model/base model/roadmap model/rules model/history model/national
cli/commands: cli tui import export export/base export/charts export/sheets model/base model/roadmap model/rules model/history model/national
'
failed=0
rooms=$(echo "$ALLOWED" | sed -n 's/^\([a-z/]*\):.*/\1/p')
room_of() { # the room of a path: the deepest room it is in
	best=
	for r in $rooms; do
		case $1 in "$r"/*) [ ${#r} -gt ${#best} ] && best=$r ;; esac
	done
	echo "$best"
}
for f in $(find model export import tui cli -name '*.[ch]' | sort); do
	from=$(room_of "$f")
	if [ -z "$from" ]; then
		echo "layout: $f is in no room: add its folder to tests/layout/rooms.sh"
		failed=1
		continue
	fi
	ok=" $from $(echo "$ALLOWED" | sed -n "s|^$from: *||p") "
	for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
		target=$(realpath -m --relative-to=. "$(dirname "$f")/$inc")
		to=$(room_of "$target")
		[ -n "$to" ] || continue
		case $ok in *" $to "*) ;; *)
			echo "layout: $f includes $inc ($to): $from may include only$ok"
			failed=1 ;;
		esac
	done
	if [ "${from%%/*}" != tui ] && grep -qE '#include *[<"](n?curses|ncursesw)' "$f"; then
		echo "layout: $f includes curses: only tui/ may"
		failed=1
	fi
	# The repository is one module: libgit2 is seen only behind
	# model/history/repo.h, by the files that share repo_git.h.
	if [ "$from" != model/history ] && grep -qE '#include *[<"](git2\.h|.*repo_git\.h)' "$f"; then
		echo "layout: $f includes libgit2: only model/history/ may (through repo_git.h)"
		failed=1
	fi
done
# The interface's loop dispatches and knows no module it dispatches to: a
# view is a row of view_ops (view.h), an action a row of actions.c's table;
# tui/app.c includes of tui/ only the engine's headers, never those of a
# view or an action (edit.h, form.h, import.h, modal.h ...).
APP_MAY='app.h view.h keymap.h screen.h text.h actions.h session.h'
for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"./]*\.h\)".*/\1/p' tui/app.c); do
	case " $APP_MAY " in *" $inc "*) ;; *)
		echo "layout: tui/app.c includes $inc: the loop dispatches through tables and may include of tui/ only $APP_MAY"
		failed=1 ;;
	esac
done
for d in $(find model export import tui cli -type d | sort); do
	n=$(find "$d" -maxdepth 1 -name '*.c' | wc -l)
	if [ "$n" -gt 20 ]; then
		echo "layout: $d holds $n C files: more than 20; give it rooms"
		failed=1
	fi
done
exit $failed
