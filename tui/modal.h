/* The form's modal inputs (modal.c): a picker and a text editor. */
#ifndef LDR_TUI_MODAL_H
#define LDR_TUI_MODAL_H

#include "app.h"

/* Choose from a list, filtered as you type: returns the index chosen, or
 * -1 if cancelled. With multi, Tab marks items (on[]), and Space while no
 * filter is typed; Enter accepts (returning 0). */
struct tui_pick {
	const char *label; /* what is shown */
	int on;            /* multi: marked */
};
long tui_pick(struct tui_app *app, const char *title, struct tui_pick *items, size_t n,
	      size_t initial, int multi, char **typed);
/* typed (not NULL): Enter when nothing matches what was typed returns -2,
 * with the text in *typed (to be freed): a value not in the list. If
 * *typed is set on entry, it is the filter to start with (and is freed).
 * When the connection drops, marks are kept (0) and a typed value is
 * returned (-2), so that the recovery file holds them. */

/* Edit text of several lines: returns the new text, or NULL if cancelled. */
char *tui_edit_text(struct tui_app *app, const char *title, const char *text);

#endif
