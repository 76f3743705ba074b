/* The application: one roadmap, its checks, the views, the keys, and the
 * loop that ties them together. */
#ifndef LDR_TUI_APP_H
#define LDR_TUI_APP_H

#include <stdio.h>

#include "../model/rules/check.h"
#include "../model/roadmap/index.h"
#include "../model/history/repo.h"
#include "../model/roadmap/roadmap.h"
#include "../model/history/session.h"
#include "keymap.h"
#include "screen.h"
#include "view.h"

enum tui_view_id {
	TUI_V_SCHEDULE,
	TUI_V_DOSSIER,
	TUI_V_DEPS,
	TUI_V_TIMELINE,
	TUI_V_UCS,
	TUI_V_TRAJECTORY,
	TUI_V_PROBLEMS,
	TUI_V_HISTORY,
	TUI_V_REVIEW,
	TUI_V_HELP,   /* not a tab: '?' */
	TUI_V_RECORD, /* not a tab: Enter on a record */
	TUI_V_FORM,   /* not a tab: editing a record (form.h) */
	TUI_V_TEXT,   /* not a tab: text to read, as a commit's changes */
	TUI_V_CONFLICTS, /* not a tab: what a merge could not decide (conflicts.c) */
	TUI_NVIEWS
};
#define TUI_NTABS TUI_V_HELP

extern const struct tui_view_ops tui_schedule_ops, tui_dossier_ops, tui_deps_ops,
	tui_timeline_ops, tui_ucs_ops, tui_trajectory_ops, tui_problems_ops, tui_history_ops,
	tui_review_ops, tui_help_ops, tui_record_ops, tui_form_ops, tui_text_ops,
	tui_conflicts_ops;
/* The Timeline's marks and their words, for 'ldr tui --keys'. */
void tui_timeline_key_print(FILE *out);

/* What has been changed, for undo and redo (edit.h). */
struct tui_undo_entry;
struct tui_undo_list {
	struct tui_undo_entry *v;
	size_t n, cap, done;
	size_t clean; /* the done at which the roadmap was its base; SIZE_MAX: none */
};

/* What the command line (cli/) does for the ':' commands that need floors
 * the interface may not include (the exports, the report) or that write
 * through a command's own checks (baseline, signoff): run the command argv
 * as 'ldr' would, in this process, what it prints put in said; returns its
 * exit status. run NULL: not available. */
struct tui_cli {
	int (*run)(int argc, const char **argv, struct ldr_buf *said);
	const char *const *export_kinds; /* for Tab; NULL-terminated */
};

/* A prompt's aids: the lines entered before (Up, Down), and the names that
 * complete the word before the cursor (Tab): complete receives the line up
 * to the cursor and gives its candidates (new strings, in a new array). */
#define TUI_HISTORY_MAX 100
struct tui_history {
	char **v; /* oldest first */
	size_t n, cap;
};

struct tui_app {
	struct ldr_roadmap rm;
	/* The roadmap as loaded or last saved, what unsaved changes are from:
	 * kept as the text it was read from or saved as, and parsed into
	 * base only while a diff or a merge needs it (tui_base), so that a
	 * large roadmap is not held twice. */
	char *base_text;
	size_t base_len;
	struct ldr_roadmap base;
	int base_parsed;
	int base_kept; /* base is in the recovery files already */
	/* Changed since the recovery file was last written: written when the
	 * keyboard is idle, before a stop, and at the end (recovery.c). */
	int recovery_stale;
	int wrapped_cols; /* the width the record and text views are wrapped to */
	char *path;
	/* Its repository (NULL when the file is not committed in one: saves
	 * then write the file), and what a save must find unchanged. */
	struct ldr_repo *repo;
	/* Counts the tags made here (a baseline, a sign-off): the History view
	 * reads them again when it moves, as it does when HEAD moves. */
	unsigned tags_made;
	struct ldr_loaded loaded;
	/* A sync whose merge had conflicts: the remote the merge commit goes
	 * to once they are resolved and saved (name NULL: none). */
	struct ldr_remote sync;
	size_t file_len;
	unsigned long long file_hash;
	struct ldr_index ix;
	struct ldr_findings findings;
	int checked; /* findings holds a full check, for ldr_check_update to bring up to date */
	struct ldr_hash worst; /* a record's id -> its worst finding: 1 warning, 2 error */
	struct ldr_time as_of;
	int dirty, read_only, quit;
	char *read_only_why; /* said with each refusal; NULL: asked for (--read-only) */
	/* This session (session.h): its tag names its recovery files; the
	 * roadmap's lock, while this session holds it (NULL: not held). */
	struct ldr_session session;
	char *lock;
	struct tui_undo_list undo;
	struct tui_keymap keymap;
	struct tui_view views[TUI_NVIEWS];
	enum tui_view_id current, previous;
	int jumped_from; /* the tab a jump (Enter in Checks, Deps) left, or -1 */
	struct tui_input *input;
	char message[512];
	enum tui_role message_role;
	int detail;  /* the detail pane is shown */
	/* What Enter on a record opens, and where Back returns. */
	const struct ldr_kind *focus_kind;
	void *focus;
	char *focus_id;
	/* The records Enter went on from, in the record view (a reference)
	 * and the dependency tree (a node), for Back to return to. */
	struct tui_trail_step {
		char *id;
		enum tui_view_id view; /* the view that went on from it */
		size_t row;            /* its line there */
	} *trail;
	size_t ntrail, trail_cap;
	/* The ':' command line's history (Up, Down), and what the command
	 * line gives it (tui_opts). */
	struct tui_history commands;
	struct tui_cli cli;
	/* For the headless tests: print the screen on <Dump> (and at the end,
	 * if there was none). */
	FILE *dump;
	int dumped;
};

struct tui_opts {
	int rows, cols;   /* > 0: headless, at this size */
	const char *keys; /* headless: the key script */
	FILE *dump;       /* headless: where <Dump> and the end print the screen */
	int dump_marks;   /* headless: the dump marks the cursor's rows ("> ") */
	int read_only;
	const char *config; /* a keymap file, or NULL for $XDG_CONFIG_HOME/ldr/config */
	struct ldr_time as_of;
	struct tui_cli cli; /* for the ':' commands */
};

/* Open the roadmap at path and run the interface until the user quits.
 * Returns an exit status (0, or 2 when the roadmap cannot be read). */
int tui_run(const char *path, const struct tui_opts *o);

/* After a change to the roadmap: index, checks and every view again. */
void tui_app_changed(struct tui_app *app);
/* The same after the changes ch to top-level records alone: only what they
 * can affect is checked again (ldr_check_update). in_place: each record
 * was changed field by field where it is (not replaced, as an undo does),
 * so that the index may be kept. */
void tui_app_rechecked(struct tui_app *app, const struct ldr_check_change *ch, size_t n, int in_place);
/* <Dump>: print the screen for the headless tests. */
void tui_app_dump(struct tui_app *app);
/* Draw the screen as it is. */
void tui_app_draw(struct tui_app *app);
/* Say something on the status line. */
void tui_app_say(struct tui_app *app, enum tui_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Switch view; the record view and the dependency tree start from the
 * focus, set by tui_app_focus. */
void tui_app_show(struct tui_app *app, enum tui_view_id id);
void tui_app_focus(struct tui_app *app, const struct ldr_kind *kind, void *rec);
/* Go on from the record in focus to another, in view (the record view, the
 * dependency tree), from its line row: tui_app_focus_back returns to it.
 * (A record focused afresh with tui_app_focus forgets the way back.) */
void tui_app_focus_push(struct tui_app *app, enum tui_view_id view, const struct ldr_kind *kind,
			void *rec, size_t row);
/* Back in view to the record it went on from (its line in *row): 1, or 0
 * when view went on from none. */
int tui_app_focus_back(struct tui_app *app, enum tui_view_id view, size_t *row);
/* Go to the record with this id in the view that lists it. */
int tui_app_jump(struct tui_app *app, const char *id);
/* Select the record with this id in the current view, if it shows it
 * (nothing else changes). */
void tui_app_select(struct tui_app *app, const char *id);
/* The next key for a question or a modal: 0 when there is none to act on
 * (a resize, done; a <Dump>, printed: redraw and ask again), -1 when the
 * input ended or the connection dropped. */
tui_key tui_app_modal_key(struct tui_app *app);
/* The same where text is read, in a context of the keymap ("prompt",
 * "picker", "editor", "question"): *action is the action bound to the key
 * there (TUI_NONE: none; a character is then text). Ctrl-Z (suspend) and
 * Ctrl-L (redraw) are done here, as 0. */
tui_key tui_app_context_key(struct tui_app *app, const char *context, enum tui_action *action);
/* Ask for a line of text on the status line; NULL if cancelled (Esc). */
char *tui_app_prompt(struct tui_app *app, const char *question, const char *initial);
/* The same, for a value of the roadmap: when the connection drops, what
 * was typed (if it differs from initial) is returned as if Enter were
 * pressed, so that the recovery file keeps it. */
char *tui_app_prompt_value(struct tui_app *app, const char *question, const char *initial);
void tui_history_add(struct tui_history *h, const char *line);
void tui_history_release(struct tui_history *h);
struct tui_prompt_aid {
	struct tui_history *history;
	void (*complete)(struct tui_app *app, const char *line, char ***candidates, size_t *n);
};
char *tui_app_prompt_aided(struct tui_app *app, const char *question, const struct tui_prompt_aid *aid);
/* Ask a question answered by one of the keys in keys; returns the key, or 0
 * when cancelled (Esc) or the input ended. */
int tui_app_choose(struct tui_app *app, const char *question, const char *detail,
		   const char *options, const char *keys);
/* (Re)load the roadmap from its file and repository into app->rm and
 * app->base. Returns 0, or -1 (err, or errors printed when not started). */
int tui_app_load(struct tui_app *app, struct ldr_buf *err);
/* The base is now text (len bytes, taken; it reads as app->rm does): after
 * a load or a save, where the undo history stands now. */
void tui_base_set(struct tui_app *app, char *text, size_t len);
/* The base parsed (when first asked, until tui_base_drop), and dropped. */
struct ldr_roadmap *tui_base(struct tui_app *app);
void tui_base_drop(struct tui_app *app);
/* The roadmap changed otherwise than by the undo history (a merge, a
 * restore): unsaved, and no undo or redo returns to the base. */
void tui_mark_dirty(struct tui_app *app);

/* What the app does for an action no view took (actions.c): edit, add,
 * save, quit, the command line, the tabs... */
void tui_actions_run(struct tui_app *app, enum tui_action a);
/* Forget every change kept for undo and redo (edit.c). */
void tui_undo_release(struct tui_undo_list *u);

/* Sync with the remote (conflicts.c): fetch, merge, commit, push; with
 * conflicts, the merge is kept in memory and the conflict view shown. */
void tui_sync(struct tui_app *app);
/* After a save: push a merge that a sync left to resolve. */
void tui_sync_saved(struct tui_app *app, const char *commit);

/* Show text in the text view (a title line above it); Back returns. */
void tui_text_show(struct tui_app *app, const char *title, const char *text);
/* The Log of the commits that changed the record selected in the current
 * view (or shown in the record view). */
void tui_history_record(struct tui_app *app);

#endif
