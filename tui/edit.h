/* Changing the roadmap from the interface: every change is made to one
 * top-level record (the footprint, or a record of a top-level list, with
 * what is nested in it) between tui_edit_begin and tui_edit_commit, which
 * keep a copy of the record before and after: undo and redo swap them back,
 * without limit. After each change the checks run again, the views reload,
 * and the unsaved roadmap is written to a recovery file beside it. */
#ifndef LDR_TUI_EDIT_H
#define LDR_TUI_EDIT_H

#include "app.h"

struct tui_undo_entry {
	const struct ldr_field *slot; /* the roadmap's field: a list, or the footprint;
				       * NULL: the whole roadmap */
	size_t index;
	void *before, *after;         /* copies of the record; NULL: absent */
	char *what;                   /* "edit P08 start" */
	int joined;                   /* undone and redone with the entry before it */
};

/* app->undo (struct tui_undo_list): entries [0, done) are done, [done, n)
 * were undone. */

struct tui_edit {
	const struct ldr_field *slot;
	size_t index;
	const struct ldr_kind *kind;
	void *before;
	int inserting;
};

/* A change to more than one top-level record at once (a conflict resolved
 * changes its record and the conflicts): a copy of the whole roadmap is
 * kept for undo. begin returns it (NULL when read-only); commit takes it. */
struct ldr_roadmap *tui_edit_whole_begin(struct tui_app *app);
void tui_edit_whole_commit(struct tui_app *app, struct ldr_roadmap *before, const char *what);
void tui_edit_whole_cancel(struct ldr_roadmap *before);

/* The top-level record that holds rec (rec itself if it is one). */
int tui_top(struct tui_app *app, const struct ldr_kind *k, void *rec, const struct ldr_kind **tk,
	    void **top);

/* Before changing the top-level record top (of kind tk). */
int tui_edit_begin(struct tui_app *app, const struct ldr_kind *tk, void *top, struct tui_edit *e);
/* After: keep it for undo, mark the roadmap changed, check, reload, recover. */
void tui_edit_commit(struct tui_app *app, struct tui_edit *e, const char *what);
void tui_edit_cancel(struct tui_edit *e);
/* A change of several top-level records, each begun with tui_edit_begin
 * before it changed: kept as one step of undo (only the records that
 * changed are copied, not the whole roadmap); or put back as they were. */
void tui_edit_commit_many(struct tui_app *app, struct tui_edit *e, size_t n, const char *what);
void tui_edit_revert_many(struct tui_app *app, struct tui_edit *e, size_t n);

/* Where a record is, in a way that survives changes: the top-level record
 * by its id (NULL: the footprint), then, for records nested in it, the list
 * field and the index at each level (a project's milestones, a universal
 * capability's ambition, a trajectory's scores and their targets). */
#define TUI_LOC_DEPTH 4
struct tui_locator {
	const struct ldr_kind *top_kind;
	char top_id[80];
	int depth;
	const struct ldr_field *field[TUI_LOC_DEPTH];
	size_t index[TUI_LOC_DEPTH];
};

/* The locator of a record shown by a view (any record with an id, or the
 * footprint). */
int tui_locate_record(struct tui_app *app, const struct ldr_kind *k, void *rec,
		      struct tui_locator *loc);
/* The record a locator names now, and its kind; NULL if it is gone. */
void *tui_locator_get(struct tui_app *app, const struct tui_locator *loc,
		      const struct ldr_kind **kind);

/* Set one field of the located record from text, as 'ldr set' does.
 * Returns 0, or -1 with a message in err (the roadmap unchanged). */
int tui_set_field(struct tui_app *app, const struct tui_locator *loc, const struct ldr_field *f,
		  const char *key, const char *value, struct ldr_buf *err);
/* Set n fields of the located record (names[i] to values[i]; "" clears)
 * as one change, one step of undo. Returns 0, or -1 with a message in err
 * (the roadmap unchanged). */
int tui_set_fields(struct tui_app *app, const struct tui_locator *loc, size_t n, const char *const *names,
		   const char *const *values, struct ldr_buf *err);
/* Add a record at the end of the list field f of the located record (ids
 * given the next free one after prefix); remove the one at index. */
int tui_list_add(struct tui_app *app, const struct tui_locator *loc, const struct ldr_field *f,
		 const char *id);
int tui_list_remove(struct tui_app *app, const struct tui_locator *loc, const struct ldr_field *f,
		    size_t index);

/* Add a record to a top-level list at index (a copy of like, if not NULL,
 * under the id new_id); returns it. */
void *tui_add_record(struct tui_app *app, const struct ldr_field *slot, size_t index,
		     const void *like, const char *new_id);
/* Delete a top-level record. */
void tui_delete_record(struct tui_app *app, const struct ldr_kind *k, void *rec);
/* A new id for a record of a list: the next number after the highest of
 * the ids that share the first record's prefix ("C40" -> "C41"). */
char *tui_next_id(struct tui_app *app, const struct ldr_field *slot, const char *prefix);

/* Shift the selected record a quarter later or earlier, and with it what
 * depends on it: the knock-on (model/rules/impact.h) is shown and asked
 * about first, then made as one change (deps.c). */
void tui_shift_later(struct tui_app *app);
void tui_shift_earlier(struct tui_app *app);

void tui_undo_last(struct tui_app *app);
/* Forget what was undone (nothing left to redo). */
void tui_undo_forget_undone(struct tui_app *app);
void tui_redo_last(struct tui_app *app);

/* The recovery files (recovery.c): this session's own, named with its tag
 * (model/history/session.h) so that no other session writes or removes them: the
 * unsaved roadmap, and the version it was based on. Neither is written by a
 * read-only session. */
void tui_recovery_write(struct tui_app *app);
void tui_recovery_remove(struct tui_app *app);
/* A change is not written at once (the whole roadmap, megabytes at
 * national scale, per key): it marks the file stale, and flush writes it
 * if it is, which the session does when the keyboard has been idle for a
 * second, before a stop and at the end (session.c). */
void tui_recovery_flush(struct tui_app *app);
/* At start: offer to restore what sessions that ended left (never the
 * files of one still running). */
void tui_recovery_offer(struct tui_app *app);
/* Where a session keeps what (unsaved, base, merging: tag its tag, NULL for
 * this session's, "" for the names of an ldr before sessions), the session
 * lock (session, tag NULL), and what a merge could not take (mine). */
char *tui_recovery_path(const struct tui_app *app, const char *what, const char *tag);
/* Write rm as YAML to path (model/base/write.h's way). */
int tui_write_roadmap(const struct ldr_roadmap *rm, const char *path, struct ldr_buf *err);
/* Put ours onto the roadmap as it is now, from base; say what happened
 * (done: what did it). */
void tui_merge_in(struct tui_app *app, struct ldr_roadmap *base, struct ldr_roadmap *ours,
		  const char *done);

/* Save: check the roadmap can be read back, then commit it (or write the
 * file, outside a repository) with message, or one asked for (NULL). */
void tui_save(struct tui_app *app, const char *message);
/* The same; unless force, a roadmap the checks find errors in is saved
 * only once the user says so (or goes to the first error instead). */
void tui_save_as(struct tui_app *app, const char *message, int force);
/* The Review view against baseline (NULL: the newest) for period (a year
 * or quarter; NULL: the review date's year), shown. Returns 0, or -1 with
 * why in err (nothing changed). */
int tui_review_choose(struct tui_app *app, const char *baseline, const char *period, struct ldr_buf *err);
/* A finding's record's form, at the field it names (the Checks view's 'e'). */
void tui_problem_edit(struct tui_app *app, const struct ldr_finding *f);
/* Reload the file as it is now, merging the unsaved changes onto it. */
void tui_reload(struct tui_app *app);

#endif
