/* A view is a table of functions (as tig's view_ops and htop's PanelClass):
 * the view says how many items it has and what is in each cell; the engine
 * in view.c does the rest once for all views: the columns' widths,
 * scrolling, the selection, search, filter and sort, the detail pane. */
#ifndef LDR_TUI_VIEW_H
#define LDR_TUI_VIEW_H

#include <stddef.h>

#include "../model/roadmap/schema.h"
#include "../model/rules/critical.h"
#include "../model/base/util.h"
#include "actions.h"
#include "screen.h"

struct tui_app;
struct tui_view;

/* A column, whole, in one row of its view's table: its title (which a
 * filter's "column:text" names by a prefix, and sorting shows), its width
 * and share of the room to spare, what its cells hold and how it sorts.
 * Adding a column to a view is a row and, at most, a getter. */
struct tui_column {
	const char *title; /* a view of one column titled "" has no header row */
	int width; /* at least */
	int grow;  /* share of the columns to spare */
	/* The text of the column's cell for an item, and its role (already
	 * TUI_ROLE_NORMAL); NULL: the view's cell() says. */
	void (*get)(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role);
	/* Optional: order two items by the column (default: the view's
	 * compare(), else the cells' text, numbers as numbers). */
	int (*compare)(struct tui_view *v, size_t a, size_t b);
	/* Optional: the width the view's cells need (as an id column's,
	 * which must not be cut); the column takes it, up to a third of
	 * the screen, when it is more than width. */
	int (*fit)(const struct tui_view *v);
};

struct tui_view_ops {
	const char *name;  /* "schedule": the keymap's scope */
	const char *title; /* "Schedule": the tab */
	enum tui_action key;
	const struct tui_column *columns;
	size_t ncolumns;
	/* (Re)build the view's items from the app's roadmap; after any change. */
	void (*load)(struct tui_view *v);
	/* Optional when every column has a getter: the text of a cell, and
	 * its role (already TUI_ROLE_NORMAL). */
	void (*cell)(struct tui_view *v, size_t item, size_t col, struct ldr_buf *out,
		     enum tui_role *role);
	/* Optional: order two items by a column (default: by the cells' text). */
	int (*compare)(struct tui_view *v, size_t a, size_t b, size_t col);
	/* Optional: the record an item shows, for the detail pane, Enter, edit. */
	int (*record)(struct tui_view *v, size_t item, const struct ldr_kind **kind, void **rec);
	/* Optional: draw the body instead of the table (the timeline). */
	void (*draw)(struct tui_view *v, int y, int height);
	/* Optional: lines above the table saying what it shows (none if out
	 * is left empty; '\n' between lines), in a role (already TUI_ROLE_LABEL). */
	void (*heading)(struct tui_view *v, struct ldr_buf *out, enum tui_role *role);
	/* Optional: the detail pane's lines for an item (default: the record). */
	void (*detail)(struct tui_view *v, size_t item, struct ldr_buf *lines);
	/* Optional: actions of this view; return 1 if handled. */
	int (*handle)(struct tui_view *v, enum tui_action a);
	void (*release)(struct tui_view *v);
};

struct tui_view {
	const struct tui_view_ops *ops;
	struct tui_app *app;
	size_t nitems;   /* what load found */
	size_t *rows;    /* the items shown, filtered and sorted */
	size_t nrows, rows_cap;
	size_t sel, top; /* indices into rows */
	int hscroll;
	int sort_col;    /* -1: the view's own order */
	int sort_reverse;
	char *filter;
	char *search;
	int body_height; /* rows of the table, as last drawn */
	int body_y;      /* the screen row of its first line (-1: not drawn) */
	void *priv;
};

/* Items to rows: apply the filter and the sort; keep the selection on the
 * same item when it is still shown. */
void tui_view_refilter(struct tui_view *v);
/* The text and role of a cell: the column's getter, or the view's cell(). */
void tui_view_cell(struct tui_view *v, size_t item, size_t col, struct ldr_buf *out,
		   enum tui_role *role);
/* A view's compare() for columns without an order of their own: by their
 * cells' text, byte by byte (ids, dates and messages as written). */
int tui_view_compare_text(struct tui_view *v, size_t a, size_t b, size_t col);
/* The item under the cursor, or (size_t)-1 when there is none. */
size_t tui_view_item(const struct tui_view *v);
/* Select the row showing item; 0 if it is filtered out. */
int tui_view_select_item(struct tui_view *v, size_t item);
/* Scroll a body of height rows so that the selection is in sight and no
 * line is left blank while rows above are scrolled off (after the detail
 * pane is hidden, a resize, a sort). */
void tui_view_scroll(struct tui_view *v, int height);
/* Draw the whole view between rows y and y + height. */
void tui_view_draw(struct tui_view *v, int y, int height, int detail);
/* The engine's actions: moving, search, filter and sort. 1 if handled. */
int tui_view_handle(struct tui_view *v, enum tui_action a);
/* Select the row drawn at screen row y: 1 if there is one. */
int tui_view_click(struct tui_view *v, int y);
/* The order of text in a column: case aside, with numbers compared as
 * numbers (P9 < P10, "Capability" < "COIN"). */
int tui_text_cmp(const char *a, const char *b);
/* Search forward (dir 1) or back (-1) from the cursor for v->search:
 * 0 no match, 1 found, 2 found after going round past the end. */
int tui_view_search(struct tui_view *v, int dir);
/* The next piece of one line of text that fits in width columns, broken
 * at a space where there is one, into out (len bytes); returns where the
 * rest starts. */
const char *tui_wrap_piece(const char *s, int width, char *out, size_t len);
/* A record's fields as detail lines (label TAB value, one per line). */
void tui_record_lines(struct tui_app *app, const struct ldr_kind *k, const void *rec,
		      struct ldr_buf *lines);

/* The critical path and slack (model/rules/critical.h) for a view that
 * shows them: worked out when the view first asks after a change (its
 * load marks it stale), not for every change of a large roadmap. NULL when
 * it cannot be (a cycle). (deps.c) */
struct tui_critical {
	struct ldr_critical cr;
	int state; /* 0 stale, 1 worked out, -1 could not be */
};
const struct ldr_critical *tui_critical_get(struct tui_app *app, struct tui_critical *c);
void tui_critical_stale(struct tui_critical *c);
/* Whether the project with this id is on the critical path. */
int tui_critical_on_path(const struct ldr_critical *cr, const char *id);

/* What depends on a project or a capability, as a detail line ("needed
 * by"): the projects and capabilities that depend on it, the capabilities
 * it delivers, the universal capabilities that name it (deps.c). */
void tui_needed_by_lines(struct tui_app *app, const struct ldr_kind *k, const void *rec,
			 struct ldr_buf *lines);
/* One detail line: a label and its value (derived: drawn dim). */
void tui_detail_line(struct ldr_buf *b, const char *label, const char *value, int derived);
/* A field's value for people: a reference with what it names, a list one
 * item per line, a boolean as yes or no. */
void tui_field_value(struct tui_app *app, const struct ldr_field *f, const void *p,
		     struct ldr_buf *v);

#endif
