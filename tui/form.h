/* The form: a record's fields, one per line, each edited with what suits
 * its type: a prompt for a line of text, a number or a time; a picker for a
 * value of a list or a reference to another record, filtered as you type;
 * a small editor for text of several lines. A list of records nested in
 * the record (a project's milestones) opens as a list, and each of its items
 * as a form of its own; Esc goes back up. Every field set is one change to
 * the roadmap, checked at once, and undone with 'u'. */
#ifndef LDR_TUI_FORM_H
#define LDR_TUI_FORM_H

#include "app.h"

/* Open the form on a record shown by a view. */
void tui_form_edit(struct tui_app *app, const struct ldr_kind *k, void *rec);
/* Ask for each required field the record in the form lacks, in order,
 * until one is cancelled: what follows adding a record. Returns 1 when one
 * was cancelled (Esc) and is still empty. */
int tui_form_fill(struct tui_app *app);
/* After such a cancel: undo the addition (the edits after the undo history's
 * mark), go back to the form's level before it (depth: tui_form_depth then;
 * 0 leaves the form), and say so. A record is never left without what it
 * needs (the file could not hold it), not even by a redo. */
void tui_form_cancel_add(struct tui_app *app, size_t mark, int depth, const char *what);
/* How many levels deep the form is (0: not open). */
int tui_form_depth(struct tui_app *app);
/* Open it on the footprint (the roadmap's own fields). */
void tui_form_footprint(struct tui_app *app);

#endif
