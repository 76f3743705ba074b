/* What the interface does for an action that no view takes (app.c's
 * dispatch asks the view first, then the engine of view.c, then here): one
 * table from action to function, as tig's view requests fall back to its
 * own. Here is what reaches out to the other modules of tui/ (editing,
 * the form, importing, saving, the command line), so that the loop in
 * app.c includes none of them. */
#include "app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../model/roadmap/field.h"
#include "commands.h"
#include "edit.h"
#include "form.h"
#include "import.h"
#include "session.h"

/* Quit, asking first when there are unsaved changes. */
static void quit(struct tui_app *app)
{
	int c;
	if (!app->dirty) {
		app->quit = 1;
		return;
	}
	c = tui_app_choose(app, "unsaved changes", NULL,
			   "(s)ave them, (d)iscard them, (c)ancel", "sdc");
	if (c == 's') {
		tui_save(app, NULL);
		if (!app->dirty)
			app->quit = 1;
	} else if (c == 'd') {
		tui_recovery_remove(app);
		app->quit = 1;
	}
}

/* The record under the cursor (or the one the record view shows). */
static int selected(struct tui_app *app, const struct ldr_kind **k, void **rec)
{
	struct tui_view *v = &app->views[app->current];
	size_t item;

	if (app->current == TUI_V_RECORD) {
		if (!app->focus)
			return 0;
		*k = app->focus_kind;
		*rec = app->focus;
		return 1;
	}
	item = tui_view_item(v);
	return item != (size_t)-1 && v->ops->record && v->ops->record(v, item, k, rec);
}

/* The top-level list a view adds to. */
static const struct ldr_field *view_slot(struct tui_app *app, const struct ldr_kind **k)
{
	const struct ldr_kind *rk = &ldr_kind_roadmap;
	const struct ldr_kind *want = NULL;
	size_t i;

	switch (app->current) {
	case TUI_V_SCHEDULE: want = &ldr_kind_capability; break;
	case TUI_V_DOSSIER: want = &ldr_kind_project; break;
	case TUI_V_TRAJECTORY: want = &ldr_kind_trajectory; break;
	default: return NULL;
	}
	for (i = 0; i < rk->nfields; i++)
		if (rk->fields[i].type == LDR_F_LIST && rk->fields[i].kind == want) {
			*k = want;
			return &rk->fields[i];
		}
	return NULL;
}

/* The top-level list of the selected record, wherever it is shown (the
 * Checks, the Timeline, the record view): what 'c' duplicates into. */
static const struct ldr_field *record_slot(struct tui_app *app, const struct ldr_kind **k)
{
	const struct ldr_kind *rk = &ldr_kind_roadmap, *sk;
	void *rec;
	size_t i;

	if (!selected(app, &sk, &rec))
		return NULL;
	for (i = 0; i < rk->nfields; i++)
		if (rk->fields[i].type == LDR_F_LIST && rk->fields[i].kind == sk) {
			*k = sk;
			return &rk->fields[i];
		}
	return NULL;
}

/* Add a record (a copy of the selected one when duplicating) after the
 * selection, with the next free id, and open it in the form. */
static void add(struct tui_app *app, int duplicate)
{
	const struct ldr_kind *k = NULL, *sk;
	const struct ldr_field *slot = duplicate ? record_slot(app, &k) : view_slot(app, &k);
	void *sel = NULL, *rec;
	const struct ldr_list *l;
	size_t index, mark;
	char prefix[16] = "";
	char *id;
	const char *sid;

	if (!slot) {
		tui_app_say(app, TUI_ROLE_NORMAL, "nothing to %s here: records are added in the "
			    "schedule, the dossier and the scores; a project's milestones and a "
			    "universal capability's activities in its form ('e')",
			    duplicate ? "duplicate" : "add");
		return;
	}
	l = LDR_FIELD(&app->rm, slot);
	index = l->len;
	if (selected(app, &sk, &sel) && sk == k) {
		const char *base = l->items;
		index = (size_t)((const char *)sel - base) / k->size + 1;
	} else if (duplicate) {
		tui_app_say(app, TUI_ROLE_NORMAL, "no record selected to duplicate");
		return;
	}
	/* The ids' prefix: the selected (or first) record's letters. */
	sid = sel && sk == k ? ldr_rec_id(k, sel) : l->len ? ldr_rec_id(k, l->items) : NULL;
	if (sid) {
		size_t n = strcspn(sid, "0123456789");
		snprintf(prefix, sizeof(prefix), "%.*s", (int)(n < sizeof(prefix) ? n : 0), sid);
	} else {
		snprintf(prefix, sizeof(prefix), "%c", k == &ldr_kind_capability ? 'C'
					      : k == &ldr_kind_project ? 'P' : 'T');
	}
	id = tui_next_id(app, slot, prefix);
	mark = app->undo.done;
	rec = tui_add_record(app, slot, index, duplicate ? sel : NULL, id);
	if (rec) {
		tui_app_focus(app, k, rec);
		tui_app_jump(app, ldr_rec_id(k, rec));
		tui_form_edit(app, k, rec);
		if (tui_form_fill(app)) {
			char what[128];
			snprintf(what, sizeof(what), "%s %s", k->name, id);
			tui_form_cancel_add(app, mark, 0, what);
		}
	}
	free(id);
}

static void delete_selected(struct tui_app *app)
{
	const struct ldr_kind *k;
	void *rec;
	struct ldr_buf q = LDR_BUF_INIT, title = LDR_BUF_INIT;
	const struct ldr_kind *tk;
	void *top;
	const char *t;

	if (!selected(app, &k, &rec)) {
		tui_app_say(app, TUI_ROLE_NORMAL, "nothing to delete here");
		return;
	}
	if (tui_top(app, k, rec, &tk, &top) < 0 || top != rec || tk == &ldr_kind_footprint) {
		tui_app_say(app, TUI_ROLE_NORMAL, "a %s is removed in its record's form ('e')", k->name);
		return;
	}
	if (app->read_only) {
		tui_read_only_say(app, "nothing can be changed");
		return;
	}
	ldr_rec_label(&q, k, rec);
	t = ldr_rec_title(k, rec, &title);
	if (t)
		ldr_buf_addf(&q, " (%s)", t);
	{
		/* What names it would name nothing after: said before, not after. */
		size_t n, i;
		const char *id = ldr_rec_id(k, rec);
		const struct ldr_referrer *by = id ? ldr_index_referrers(&app->ix, id, &n) : NULL;
		for (i = 0; by && i < n && i < 4; i++) {
			const char *rid = ldr_rec_id(by[i].kind, by[i].rec);
			ldr_buf_addf(&q, "%s%s", i ? ", " : ", named by ", rid ? rid : by[i].kind->name);
		}
		if (by && n > 4)
			ldr_buf_addf(&q, " and %zu more", n - 4);
	}
	if (tui_app_choose(app, "delete ", q.s, "(y)es, (n)o", "yn") == 'y') {
		tui_delete_record(app, k, rec);
		if (app->current == TUI_V_RECORD)
			tui_app_show(app, app->previous);
	}
	ldr_buf_release(&q);
	ldr_buf_release(&title);
}

/* An activity done, or not. Done asks when, the review date's month
 * offered (empty: not said); not done forgets the date. */
static void toggle(struct tui_app *app)
{
	const struct ldr_kind *k;
	void *rec;
	struct tui_locator loc;
	struct ldr_buf err = LDR_BUF_INIT;
	const char *names[] = { "done", "delivered" }, *values[2];
	char month[LDR_TIME_STR_MAX], *when = NULL;
	struct ldr_time m = { LDR_TIME_MONTH, ldr_time_last(&app->as_of), 0 };
	int f;

	if (!selected(app, &k, &rec) || (f = ldr_kind_field(k, "done")) < 0 ||
	    k->fields[f].type != LDR_F_BOOL || ldr_kind_field(k, "delivered") < 0) {
		tui_app_say(app, TUI_ROLE_NORMAL, "'t' marks an activity done (in UCs) and folds a node of "
			    "the tree (in Deps)");
		return;
	}
	if (app->read_only) { /* before asking for what could not be kept */
		tui_read_only_say(app, "nothing can be changed");
		return;
	}
	if (!*(int *)LDR_FIELD(rec, &k->fields[f])) {
		when = tui_app_prompt_value(app, "done when? (a month, quarter or year; empty: not said): ",
					    ldr_time_format(&m, month));
		if (!when)
			return;
	}
	values[0] = when ? "true" : "false";
	values[1] = when ? when : "";
	if (tui_locate_record(app, k, rec, &loc) < 0 || tui_set_fields(app, &loc, 2, names, values, &err) < 0)
		tui_app_say(app, TUI_ROLE_ERROR, "%s", err.s ? err.s : app->message);
	ldr_buf_release(&err);
	free(when);
}

static void command(struct tui_app *app, const char *line)
{
	char word[32] = "";
	const char *arg;
	int i;

	sscanf(line, "%31s", word);
	arg = line + strspn(line, " ");
	arg += strlen(word);
	arg += strspn(arg, " ");
	if (!strcmp(word, "q") || !strcmp(word, "quit")) {
		quit(app);
	} else if (!strcmp(word, "q!") || !strcmp(word, "quit!")) {
		/* Leave the unsaved changes in the recovery file: the next
		 * session offers them, nothing is lost by a slip. */
		app->quit = 1;
	} else if (!strcmp(word, "w") || !strcmp(word, "write") || !strcmp(word, "wq") ||
		   !strcmp(word, "w!") || !strcmp(word, "write!") || !strcmp(word, "wq!")) {
		tui_save_as(app, *arg ? arg : NULL, word[strlen(word) - 1] == '!');
		if (!strncmp(word, "wq", 2) && !app->dirty)
			app->quit = 1;
	} else if (!strcmp(word, "footprint")) {
		tui_form_footprint(app);
	} else if (!strcmp(word, "reload") || !strcmp(word, "e")) {
		tui_reload(app);
	} else if (!strcmp(word, "import")) {
		tui_import(app, arg);
	} else if (!strcmp(word, "undo")) {
		tui_undo_last(app);
	} else if (!strcmp(word, "redo")) {
		tui_redo_last(app);
	} else if (!strcmp(word, "help")) {
		tui_app_show(app, TUI_V_HELP);
	} else if (!strcmp(word, "goto") || !strcmp(word, "g")) {
		tui_app_jump(app, arg);
	} else if (!strcmp(word, "as-of") || !strcmp(word, "asof")) {
		char err[200];
		struct ldr_time t;
		if (ldr_time_parse(&t, arg, LDR_TIME_ANY, err, sizeof(err)) < 0) {
			tui_app_say(app, TUI_ROLE_ERROR, "%s", err);
			return;
		}
		app->as_of = t;
		tui_app_changed(app);
		tui_app_say(app, TUI_ROLE_NORMAL, "checked as at %s", arg);
	} else if (!tui_command_run(app, word, arg)) {
		for (i = 0; i < TUI_NTABS; i++)
			if (!strcasecmp(word, app->views[i].ops->name)) {
				tui_app_show(app, (enum tui_view_id)i);
				return;
			}
		tui_app_say(app, TUI_ROLE_WARNING,
			    "unknown command '%s' (Tab lists the commands, '?' explains them; or a view's name)",
			    word);
	}
}

static int enter(struct tui_app *app)
{
	struct tui_view *v = &app->views[app->current];
	size_t item = tui_view_item(v);
	const struct ldr_kind *k;
	void *rec;

	if (item == (size_t)-1 || !v->ops->record || !v->ops->record(v, item, &k, &rec))
		return 0;
	tui_app_focus(app, k, rec);
	tui_app_show(app, TUI_V_RECORD);
	return 1;
}

/* ---- the actions of the app (those a view leaves) ------------------------------ */

static void show_help(struct tui_app *app)
{
	tui_app_show(app, TUI_V_HELP);
}

/* q: out of Help or a record, back to the view; else out of the app. */
static void quit_or_back(struct tui_app *app)
{
	if (app->current == TUI_V_HELP || app->current == TUI_V_RECORD)
		tui_app_show(app, app->previous);
	else
		quit(app);
}

static void edit_selected(struct tui_app *app)
{
	const struct ldr_kind *k;
	void *rec;
	if (selected(app, &k, &rec))
		tui_form_edit(app, k, rec);
	else
		tui_app_say(app, TUI_ROLE_NORMAL, "nothing to edit here");
}

static void add_new(struct tui_app *app)
{
	add(app, 0);
}

static void add_copy(struct tui_app *app)
{
	add(app, 1);
}

static void save(struct tui_app *app)
{
	tui_save(app, NULL);
}

static void show_conflicts(struct tui_app *app)
{
	if (app->rm.conflicts.len)
		tui_app_show(app, TUI_V_CONFLICTS);
	else
		tui_app_say(app, TUI_ROLE_NORMAL, "no conflicts: nothing a merge left to resolve");
}

/* The tab step tabs on from the current one (or from the one a page that
 * is not a tab came from), round the end. */
static void step_view(struct tui_app *app, int step)
{
	int cur = app->current < TUI_NTABS ? (int)app->current : (int)app->previous;
	tui_app_show(app, (enum tui_view_id)((cur + step) % TUI_NTABS));
}

static void next_view(struct tui_app *app)
{
	step_view(app, 1);
}

static void previous_view(struct tui_app *app)
{
	step_view(app, TUI_NTABS - 1);
}

static void open_selected(struct tui_app *app)
{
	if (!enter(app))
		tui_app_say(app, TUI_ROLE_NORMAL, "nothing to open here");
}

/* Esc: out of a page that is not a tab; in a list, first the filter goes,
 * then back to where a jump came from. */
static void back(struct tui_app *app)
{
	struct tui_view *v = &app->views[app->current];

	if (app->current >= TUI_NTABS) {
		tui_app_show(app, app->previous);
	} else if (v->filter) {
		free(v->filter);
		v->filter = NULL;
		tui_view_refilter(v);
		tui_app_say(app, TUI_ROLE_NORMAL, "the filter is cleared");
	} else if (app->jumped_from >= 0 && app->jumped_from != (int)app->current) {
		enum tui_view_id to = (enum tui_view_id)app->jumped_from;
		app->jumped_from = -1;
		tui_app_show(app, to);
	}
}

static void toggle_detail(struct tui_app *app)
{
	app->detail = !app->detail;
}

static void record_history(struct tui_app *app)
{
	enum tui_view_id from = app->current;
	tui_history_record(app);
	if (from < TUI_NTABS && app->current != from)
		app->jumped_from = (int)from; /* Esc, Esc: back to the record */
}

static void prompt_command(struct tui_app *app)
{
	char *line = tui_command_prompt(app);
	if (line)
		command(app, line);
	free(line);
}

static void redraw(struct tui_app *app)
{
	(void)app;
	clearok(curscr, TRUE);
}

static void suspend(struct tui_app *app)
{
	if (tui_screen_suspend() < 0)
		tui_app_say(app, TUI_ROLE_NORMAL, "not on a terminal: nothing to suspend");
}

/* A tab's action: Deps shows the tree of the record selected here. */
static void show_tab(struct tui_app *app, enum tui_action a)
{
	if (a == TUI_VIEW_DEPS) {
		const struct ldr_kind *k;
		void *rec;
		if (app->current != TUI_V_DEPS && selected(app, &k, &rec))
			tui_app_focus(app, k, rec);
	}
	tui_app_show(app, (enum tui_view_id)(a - TUI_VIEW_SCHEDULE));
}

/* What the app does for an action no view took; the tabs' actions, and
 * those missing here, are in tui_actions_run. */
static void (*const app_actions[TUI_NACTIONS])(struct tui_app *app) = {
	[TUI_HELP] = show_help,
	[TUI_QUIT] = quit_or_back,
	[TUI_EDIT] = edit_selected,
	[TUI_ADD] = add_new,
	[TUI_DUPLICATE] = add_copy,
	[TUI_DELETE] = delete_selected,
	[TUI_TOGGLE] = toggle,
	[TUI_SHIFT_LATER] = tui_shift_later,
	[TUI_SHIFT_EARLIER] = tui_shift_earlier,
	[TUI_UNDO] = tui_undo_last,
	[TUI_REDO] = tui_redo_last,
	[TUI_SAVE] = save,
	[TUI_SYNC] = tui_sync,
	[TUI_VIEW_CONFLICTS] = show_conflicts,
	[TUI_NEXT_VIEW] = next_view,
	[TUI_PREV_VIEW] = previous_view,
	[TUI_ENTER] = open_selected,
	[TUI_BACK] = back,
	[TUI_DETAIL] = toggle_detail,
	[TUI_HISTORY_RECORD] = record_history,
	[TUI_COMMAND] = prompt_command,
	[TUI_REDRAW] = redraw,
	[TUI_SUSPEND] = suspend,
};

void tui_actions_run(struct tui_app *app, enum tui_action a)
{
	if (app_actions[a])
		app_actions[a](app);
	else if (a >= TUI_VIEW_SCHEDULE && a <= TUI_VIEW_REVIEW)
		show_tab(app, a);
	else
		tui_app_say(app, TUI_ROLE_NORMAL, "'%s' does nothing in this view", tui_actions[a].name);
}
