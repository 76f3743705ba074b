/* Every action of the interface, declared once: the enum, the names the
 * keymap file uses, the help screen and the man page's table all come from
 * this list (as tig's request.h does). */
#ifndef LDR_TUI_ACTIONS_H
#define LDR_TUI_ACTIONS_H

#define TUI_ACTIONS(A)                                                                      \
	A(HELP, "help", "Show the key bindings")                                            \
	A(QUIT, "quit", "Quit (asks first if there are unsaved changes)")                   \
	A(VIEW_SCHEDULE, "view-schedule", "The schedule: Annex 2 capabilities")            \
	A(VIEW_DOSSIER, "view-dossier", "The dossier: projects")                           \
	A(VIEW_DEPS, "view-deps", "Dependencies of the selected record, as a tree")        \
	A(VIEW_TIMELINE, "view-timeline", "The timeline: a Gantt chart by group")          \
	A(VIEW_UCS, "view-ucs", "The ten universal capabilities and their plans")          \
	A(VIEW_TRAJECTORY, "view-trajectory", "Digital Maturity scores by provider")       \
	A(VIEW_PROBLEMS, "view-problems", "What 'ldr check' finds, live")                  \
	A(VIEW_HISTORY, "view-history", "The commits of the roadmap")                      \
	A(VIEW_REVIEW, "view-review", "Actual against planned, against a baseline")        \
	A(NEXT_VIEW, "next-view", "The next view")                                          \
	A(PREV_VIEW, "previous-view", "The previous view")                                  \
	A(MOVE_DOWN, "move-down", "Down one line")                                          \
	A(MOVE_UP, "move-up", "Up one line")                                                \
	A(PAGE_DOWN, "page-down", "Down one page")                                          \
	A(PAGE_UP, "page-up", "Up one page")                                                \
	A(HALF_DOWN, "half-page-down", "Down half a page")                                  \
	A(HALF_UP, "half-page-up", "Up half a page")                                        \
	A(MOVE_FIRST, "move-first", "To the first line")                                    \
	A(MOVE_LAST, "move-last", "To the last line")                                       \
	A(SCROLL_LEFT, "scroll-left", "Scroll left (the timeline: earlier)")                \
	A(SCROLL_RIGHT, "scroll-right", "Scroll right (the timeline: later)")               \
	A(ENTER, "enter", "Open: the record (in a record, the one a reference names), "     \
			  "a commit's changes, a node's own tree (Deps), an item's "    \
			  "history (Review)")                                            \
	A(BACK, "back", "Back to where Enter came from")                                    \
	A(SEARCH, "search", "Search forward")                                               \
	A(SEARCH_NEXT, "find-next", "The next match")                                       \
	A(SEARCH_PREV, "find-previous", "The previous match")                               \
	A(FILTER, "filter", "Filter the rows (text, or column:value)")                      \
	A(SORT, "sort", "Sort by the next column")                                          \
	A(SORT_REVERSE, "sort-reverse", "Reverse the order (unsorted: by the first column)") \
	A(DETAIL, "toggle-detail", "Show or hide the detail pane")                          \
	A(DEEPER, "deeper", "Dependencies: one more level up and down")                     \
	A(SHALLOWER, "shallower", "Dependencies: one level fewer")                          \
	A(EDIT, "edit", "Edit the selected record")                                         \
	A(ADD, "add", "Add a record")                                                       \
	A(DUPLICATE, "duplicate", "Duplicate the selected record")                          \
	A(DELETE, "delete", "Delete the selected record")                                   \
	A(SHIFT_LATER, "shift-later", "Shift the selected record a quarter later, and what "  \
				      "depends on it (the knock-on is shown first)")                   \
	A(SHIFT_EARLIER, "shift-earlier", "Shift the selected record a quarter earlier")        \
	A(TOGGLE, "toggle", "Toggle: an activity done (UCs), a node of the tree folded (Deps)") \
	A(UNDO, "undo", "Undo the last change")                                             \
	A(REDO, "redo", "Redo what was undone")                                             \
	A(SAVE, "save", "Save: commit the changes, with a message")                         \
	A(SYNC, "sync", "Fetch, merge field by field, push")                                \
	A(VIEW_CONFLICTS, "view-conflicts", "What a merge left to resolve")                 \
	A(TAKE_OURS, "take-ours", "A conflict: keep ours")                                  \
	A(TAKE_THEIRS, "take-theirs", "A conflict: take theirs")                            \
	A(TAKE_BASE, "take-base", "A conflict: back to the base's value")                   \
	A(MARK_RESOLVED, "mark-resolved", "A conflict: keep the record as it is")           \
	A(HISTORY_RECORD, "record-history", "The history of the selected record")         \
	A(REVIEW_BASELINE, "review-baseline", "Review, Timeline: the baseline, any revision") \
	A(REVIEW_PERIOD, "review-period", "Review: the period, a year or a quarter")       \
	A(REVIEW_TOTALS, "review-totals", "Review: totals by capability group")            \
	A(COMMAND, "prompt", "The command line (:)")                                        \
	A(REDRAW, "redraw", "Redraw the screen")                                            \
	A(SUSPEND, "suspend", "Suspend ldr, the terminal as it was ('fg' resumes it)")    \
	/* Where text is read (keymap.h's contexts): the prompt, the picker, */ \
	/* the text editor, a question. */                                      \
	A(ACCEPT, "accept", "Answer: the line, the item chosen or marked, the text")       \
	A(CANCEL, "cancel", "Cancel (asking first when what was typed would be lost)")     \
	A(CURSOR_LEFT, "cursor-left", "The cursor a character back")                        \
	A(CURSOR_RIGHT, "cursor-right", "The cursor a character forward")                   \
	A(LINE_START, "line-start", "The cursor to the start of the line")                  \
	A(LINE_END, "line-end", "The cursor to the end of the line")                        \
	A(DELETE_BEFORE, "delete-before", "Remove the character before the cursor")         \
	A(DELETE_CHAR, "delete-char", "Remove the character under the cursor")              \
	A(KILL_START, "kill-to-start", "Remove everything before the cursor (a filter: all of it)") \
	A(KILL_END, "kill-to-end", "Remove from the cursor to the end of the line")         \
	A(KILL_WORD, "kill-word", "Remove the word before the cursor")                      \
	A(NEWLINE, "newline", "Start a new line")                                           \
	A(COMPLETE, "complete", "The command line: complete a command, a kind, a baseline or a file (again: the next)") \
	A(HISTORY_BACK, "history-back", "The command line: the line entered before")     \
	A(HISTORY_FORWARD, "history-forward", "The command line: the line entered after") \
	A(MARK, "mark", "Mark the highlighted item, or unmark it (a list of several)")

enum tui_action {
	TUI_NONE = 0,
#define TUI_ENUM(id, name, help) TUI_##id,
	TUI_ACTIONS(TUI_ENUM)
#undef TUI_ENUM
	TUI_NACTIONS
};
/* The actions from here on are for where text is read only: the views'
 * table of keys lists those before it. */
#define TUI_FIRST_TEXT_ACTION TUI_ACCEPT

struct tui_action_info {
	const char *name, *help;
};
extern const struct tui_action_info tui_actions[TUI_NACTIONS];

/* The action called name, or TUI_NONE. */
enum tui_action tui_action_by_name(const char *name);

#endif
