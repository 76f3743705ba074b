/* The application loop: draw, read a key, find its action, act. */
#include "app.h"

#include <curses.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../model/base/diag.h"
#include "../model/roadmap/field.h"
#include "../model/roadmap/file.h"
#include "../model/base/write.h"
#include "edit.h"
#include "form.h"
#include "import.h"
#include "session.h"
#include "text.h"

static const struct tui_view_ops *const view_ops[TUI_NVIEWS] = {
	[TUI_V_SCHEDULE] = &tui_schedule_ops,
	[TUI_V_DOSSIER] = &tui_dossier_ops,
	[TUI_V_DEPS] = &tui_deps_ops,
	[TUI_V_TIMELINE] = &tui_timeline_ops,
	[TUI_V_UCS] = &tui_ucs_ops,
	[TUI_V_TRAJECTORY] = &tui_trajectory_ops,
	[TUI_V_PROBLEMS] = &tui_problems_ops,
	[TUI_V_HISTORY] = &tui_history_ops,
	[TUI_V_REVIEW] = &tui_review_ops,
	[TUI_V_HELP] = &tui_help_ops,
	[TUI_V_RECORD] = &tui_record_ops,
	[TUI_V_FORM] = &tui_form_ops,
	[TUI_V_TEXT] = &tui_text_ops,
	[TUI_V_CONFLICTS] = &tui_conflicts_ops,
};

void tui_app_dump(struct tui_app *app)
{
	app->dumped = 1;
	if (app->dump) {
		tui_dump(app->dump);
		fputs("--\n", app->dump);
	}
}

void tui_app_say(struct tui_app *app, enum tui_role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->message, sizeof(app->message), fmt, ap);
	va_end(ap);
	app->message_role = role;
}

/* The errors, then the warnings, each in the order of the file: a new error
 * is not to be found below fifty warnings. */
static void errors_first(struct ldr_findings *f)
{
	struct ldr_finding *v = ldr_calloc(f->n ? f->n : 1, sizeof(*v));
	size_t i, k = 0;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < f->n; i++)
			if ((f->v[i].rule->severity == LDR_CHECK_ERROR) == (pass == 0))
				v[k++] = f->v[i];
	memcpy(f->v, v, f->n * sizeof(*v));
	free(v);
}

static void run_checks(struct tui_app *app)
{
	struct ldr_check_opts o;
	size_t i;

	ldr_hash_clear(&app->worst);
	ldr_findings_release(&app->findings);
	memset(&o, 0, sizeof(o));
	o.as_of = app->as_of;
	ldr_check(&app->rm, &o, &app->findings);
	errors_first(&app->findings);
	/* Each record's worst finding, for the views to mark it: looked up for
	 * every cell drawn and every comparison of a sort. */
	for (i = 0; i < app->findings.n; i++) {
		const struct ldr_finding *f = &app->findings.v[i];
		uintptr_t sev = f->rule->severity == LDR_CHECK_ERROR ? 2 : 1;
		struct ldr_hash_entry *e;
		if (!f->id)
			continue;
		e = ldr_hash_put(&app->worst, f->id, (void *)sev);
		if (e && (uintptr_t)e->value < sev)
			e->value = (void *)sev;
	}
}

void tui_app_changed(struct tui_app *app)
{
	int i;
	ldr_index_release(&app->ix);
	ldr_index_build(&app->ix, &app->rm);
	ldr_index_add_referrers(&app->ix); /* what needs a record, for the views */
	run_checks(app);
	for (i = 0; i < TUI_NVIEWS; i++) {
		struct tui_view *v = &app->views[i];
		v->ops->load(v);
		tui_view_refilter(v);
	}
}

static void set_focus(struct tui_app *app, const struct ldr_kind *kind, void *rec)
{
	const char *id = rec ? ldr_rec_id(kind, rec) : NULL;
	char *copy = id ? ldr_strdup(id) : NULL; /* before the free: id may be focus_id */
	app->focus_kind = kind;
	app->focus = rec;
	free(app->focus_id);
	app->focus_id = copy;
}

static void trail_clear(struct tui_app *app)
{
	while (app->ntrail)
		free(app->trail[--app->ntrail].id);
}

void tui_app_focus(struct tui_app *app, const struct ldr_kind *kind, void *rec)
{
	const char *id = rec ? ldr_rec_id(kind, rec) : NULL;
	/* Another record chosen afresh: the way that led to the last is no
	 * way back from this one. (The same one again keeps it: the tree's
	 * root opened as a record, and back.) */
	if (!id || !app->focus_id || strcmp(id, app->focus_id) != 0)
		trail_clear(app);
	set_focus(app, kind, rec);
}

void tui_app_focus_push(struct tui_app *app, enum tui_view_id view, const struct ldr_kind *kind,
			void *rec, size_t row)
{
	if (app->focus_id) {
		ldr_grow((void **)&app->trail, &app->trail_cap, app->ntrail + 1, sizeof(*app->trail));
		app->trail[app->ntrail].id = ldr_strdup(app->focus_id);
		app->trail[app->ntrail].view = view;
		app->trail[app->ntrail++].row = row;
	}
	set_focus(app, kind, rec);
}

int tui_app_focus_back(struct tui_app *app, enum tui_view_id view, size_t *row)
{
	while (app->ntrail && app->trail[app->ntrail - 1].view == view) {
		struct tui_trail_step *s = &app->trail[--app->ntrail];
		const struct ldr_ref *r = ldr_index_find(&app->ix, s->id);
		*row = s->row;
		free(s->id);
		if (r) {
			set_focus(app, r->kind, r->rec);
			return 1;
		}
		/* Deleted since: the step before it. */
	}
	return 0;
}

void tui_app_show(struct tui_app *app, enum tui_view_id id)
{
	struct tui_view *v = &app->views[id];
	if (id != app->current)
		app->previous = app->current;
	app->current = id;
	if (id == TUI_V_DEPS || id == TUI_V_RECORD || id == TUI_V_HELP || id == TUI_V_HISTORY ||
	    id == TUI_V_REVIEW || id == TUI_V_CONFLICTS) {
		v->ops->load(v);
		tui_view_refilter(v);
	}
}

/* Which view lists a kind of record. */
static enum tui_view_id view_of(const struct ldr_kind *k)
{
	if (k == &ldr_kind_capability)
		return TUI_V_SCHEDULE;
	if (k == &ldr_kind_project || k == &ldr_kind_milestone)
		return TUI_V_DOSSIER;
	if (k == &ldr_kind_uc || k == &ldr_kind_activity)
		return TUI_V_UCS;
	if (k == &ldr_kind_trajectory)
		return TUI_V_TRAJECTORY;
	return TUI_V_RECORD;
}

void tui_app_select(struct tui_app *app, const char *id)
{
	const struct ldr_ref *r = id ? ldr_index_find(&app->ix, id) : NULL;
	struct tui_view *v = &app->views[app->current];
	size_t i;

	for (i = 0; r && v->ops->record && i < v->nitems; i++) {
		const struct ldr_kind *k;
		void *rec;
		if (v->ops->record(v, i, &k, &rec) && rec == r->rec) {
			tui_view_select_item(v, i);
			return;
		}
	}
}

int tui_app_jump(struct tui_app *app, const char *id)
{
	const struct ldr_ref *r = ldr_index_find(&app->ix, id);
	enum tui_view_id target;
	struct tui_view *v;
	size_t i;

	if (!r) {
		tui_app_say(app, TUI_ROLE_WARNING, "no record '%s'", id);
		return 0;
	}
	target = view_of(r->kind);
	if (app->current < TUI_NTABS && target != app->current)
		app->jumped_from = (int)app->current;
	if (target == TUI_V_RECORD) {
		tui_app_focus(app, r->kind, r->rec);
		tui_app_show(app, TUI_V_RECORD);
		return 1;
	}
	v = &app->views[target];
	for (i = 0; i < v->nitems; i++) {
		const struct ldr_kind *k;
		void *rec;
		if (v->ops->record && v->ops->record(v, i, &k, &rec) &&
		    (rec == r->rec || (r->kind == &ldr_kind_milestone && rec == r->parent))) {
			if (!tui_view_select_item(v, i)) {
				free(v->filter);
				v->filter = NULL;
				tui_view_refilter(v);
				tui_view_select_item(v, i);
			}
			tui_app_show(app, target);
			return 1;
		}
	}
	tui_app_focus(app, r->kind, r->rec);
	tui_app_show(app, TUI_V_RECORD);
	return 1;
}

/* ---- drawing ------------------------------------------------------------------- */

/* Where each tab was drawn, for a click: [tab_x[i], tab_x[i + 1]). */
static int tab_x[TUI_NTABS + 1];

/* A tab's text: its number and title, or its number only. */
static int tab_text(int i, int number_only, char *buf, size_t len)
{
	if (number_only)
		snprintf(buf, len, "%d", i + 1);
	else
		snprintf(buf, len, "%d %s", i + 1, view_ops[i]->title);
	return tui_width(buf) + 1; /* with the space before it */
}

/* The tabs, the current one always in sight: when the titles do not all
 * fit, those farthest from the current one give way to their numbers; when
 * even the numbers do not, the tabs before the current one scroll off. */
static void draw_tabs(struct tui_app *app)
{
	int cols = tui_cols(), x = 0, i, first = 0, total = 0;
	int cur = app->current < TUI_NTABS ? (int)app->current : -1;
	int anchor = cur >= 0 ? cur : app->previous < TUI_NTABS ? (int)app->previous : 0;
	int short_[TUI_NTABS] = { 0 }, w[TUI_NTABS];
	char tab[64];

	tui_fill(0, 0, cols, TUI_ROLE_TITLE);
	for (i = 0; i <= TUI_NTABS; i++)
		tab_x[i] = cols + 1;
	for (i = 0; i < TUI_NTABS; i++)
		total += w[i] = tab_text(i, 0, tab, sizeof(tab));
	while (total > cols) {
		int far = -1;
		for (i = 0; i < TUI_NTABS; i++)
			if (i != anchor && !short_[i] &&
			    (far < 0 || abs(i - anchor) >= abs(far - anchor)))
				far = i;
		if (far < 0)
			break;
		short_[far] = 1;
		total -= w[far];
		total += w[far] = tab_text(far, 1, tab, sizeof(tab));
	}
	for (; total > cols && first < anchor; first++)
		total -= w[first];
	for (i = first; i < TUI_NTABS; i++) {
		tab_text(i, short_[i], tab, sizeof(tab));
		if (x + w[i] > cols)
			break;
		tab_x[i] = x;
		x += tui_text_raw(0, x, cols - x, " ", TUI_ROLE_TITLE);
		x += tui_text_raw(0, x, cols - x, tab, i == cur ? TUI_ROLE_TAB_ON : TUI_ROLE_TAB);
		tab_x[i + 1] = x;
	}
}

/* The status line's left: the file, and what the document is called when
 * it is not a Local Digital Roadmap of that name (footprint.title, or a
 * programme plan's "NAME Delivery plan"). */
static const char *status_left(const struct tui_app *app, char *buf, size_t len)
{
	const struct ldr_footprint *f = &app->rm.footprint;

	if (f->title)
		snprintf(buf, len, "%s  %s", app->path, f->title);
	else if (ldr_roadmap_is_programme(&app->rm))
		snprintf(buf, len, "%s  %s %s", app->path, f->name ? f->name : "", ldr_roadmap_title(&app->rm));
	else
		return app->path;
	return buf;
}

static void draw_status(struct tui_app *app)
{
	int rows = tui_rows(), cols = tui_cols(), right_w;
	struct tui_view *v = &app->views[app->current];
	char right[160], left[512];
	const char *path = status_left(app, left, sizeof(left));

	snprintf(right, sizeof(right), "%s %zu/%zu  E%zu W%zu%s ", v->ops->title,
		 v->nrows ? v->sel + 1 : 0, v->nrows, app->findings.errors, app->findings.warnings,
		 app->read_only ? "  read-only" : app->dirty ? "  [+]" : "");
	right_w = tui_width(right);
	tui_fill(rows - 1, 0, cols, TUI_ROLE_STATUS);
	if (app->message[0] && tui_width(app->message) > cols - right_w - 1 && rows > 8) {
		/* Too long for the status line: over the bottom of the view,
		 * whole, until the next key. */
		char piece[sizeof(app->message)];
		const char *p = app->message;
		int n = 0, y;
		while (*p && n < 4) {
			p = tui_wrap_piece(p, cols - 1, piece, sizeof(piece));
			n++;
		}
		for (p = app->message, y = rows - 1 - n; *p && y < rows - 1; y++) {
			p = tui_wrap_piece(p, cols - 1, piece, sizeof(piece));
			tui_text(y, 0, cols, piece, app->message_role == TUI_ROLE_NORMAL
							     ? TUI_ROLE_STATUS : app->message_role);
		}
		tui_text(rows - 1, 0, cols - right_w - 1, path, TUI_ROLE_STATUS);
	} else if (app->message[0])
		tui_text(rows - 1, 0, cols - right_w - 1, app->message,
			 app->message_role == TUI_ROLE_NORMAL ? TUI_ROLE_STATUS : app->message_role);
	else
		tui_text(rows - 1, 0, cols - right_w - 1, path, TUI_ROLE_STATUS);
	tui_text(rows - 1, cols - right_w, right_w, right,
		 app->findings.errors ? TUI_ROLE_ERROR : TUI_ROLE_STATUS);
}

void tui_app_draw(struct tui_app *app)
{
	int rows = tui_rows();
	struct tui_view *v = &app->views[app->current];

	if (app->wrapped_cols != tui_cols()) {
		/* Resized: the views whose lines are wrapped to the width wrap
		 * again (what was selected stays, or the nearest line). */
		static const enum tui_view_id wrapped[] = { TUI_V_RECORD, TUI_V_TEXT };
		size_t i;
		app->wrapped_cols = tui_cols();
		for (i = 0; i < LDR_ARRAY_SIZE(wrapped); i++) {
			struct tui_view *w = &app->views[wrapped[i]];
			w->ops->load(w);
			tui_view_refilter(w);
		}
	}
	if (rows < 3 || tui_cols() < 20) {
		erase();
		tui_text(0, 0, tui_cols(), "the terminal is too small", TUI_ROLE_NORMAL);
		tui_refresh();
		return;
	}
	draw_tabs(app);
	tui_view_draw(v, 1, rows - 2,
		      app->detail && app->current != TUI_V_RECORD && (v->ops->record || v->ops->detail));
	draw_status(app);
	tui_refresh();
}

/* ---- questions ------------------------------------------------------------------ */

static tui_key next_key(struct tui_app *app)
{
	int rows = 0, cols = 0;
	tui_key k = tui_input_next(app->input, &rows, &cols);
	if (k == TUI_KEYCODE(KEY_RESIZE) && rows > 0)
		tui_resize(rows, cols);
	return k;
}

tui_key tui_app_modal_key(struct tui_app *app)
{
	tui_key k = next_key(app);
	if (k == TUI_KEYCODE(KEY_RESIZE))
		return 0;
	if (k == TUI_KEY_DUMP) {
		tui_app_dump(app);
		return 0;
	}
	if (k == TUI_KEY_PASTE)
		return k; /* even if the connection dropped during it: -1 comes next */
	if (k == TUI_KEY_HANGUP)
		tui_hangup = 1;
	if (k < 0 || tui_hangup || tui_terminate)
		return -1;
	return k;
}

int tui_app_choose(struct tui_app *app, const char *question, const char *detail,
		   const char *options, const char *keys)
{
	struct ldr_buf shown = LDR_BUF_INIT;
	int answer = 0;

	for (;;) {
		int rows = tui_rows(), cols = tui_cols();
		tui_key k;
		char piece[1024];
		const char *p;
		int n = 0, y;
		ldr_buf_reset(&shown);
		ldr_buf_addf(&shown, "%s%s: %s", question, detail ? detail : "", options);
		tui_app_draw(app);
		/* The whole question, over as many lines as it needs (up to 4). */
		for (p = shown.s; *p && n < 4; n++)
			p = tui_wrap_piece(p, cols - 1, piece, sizeof(piece));
		for (p = shown.s, y = rows - n; *p && y < rows; y++) {
			p = tui_wrap_piece(p, cols - 1, piece, sizeof(piece));
			tui_text(y, 0, cols, piece, TUI_ROLE_WARNING);
		}
		tui_refresh();
		k = tui_app_modal_key(app);
		if (k == 0)
			continue;
		if (k < 0 || k == 27 || k == 7)
			break;
		if (k > 0 && k < 0x80 && strchr(keys, (int)k)) {
			answer = (int)k;
			break;
		}
	}
	ldr_buf_release(&shown);
	app->message[0] = '\0';
	return answer;
}

/* ---- actions -------------------------------------------------------------------- */

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

/* Add a record (a copy of the selected one when duplicating) after the
 * selection, with the next free id, and open it in the form. */
static void add(struct tui_app *app, int duplicate)
{
	const struct ldr_kind *k = NULL, *sk;
	const struct ldr_field *slot = view_slot(app, &k);
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
	} else if (!strcmp(word, "w") || !strcmp(word, "write") || !strcmp(word, "wq")) {
		tui_save(app, *arg ? arg : NULL);
		if (!strcmp(word, "wq") && !app->dirty)
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
	} else {
		for (i = 0; i < TUI_NTABS; i++)
			if (!strcasecmp(word, view_ops[i]->name)) {
				tui_app_show(app, (enum tui_view_id)i);
				return;
			}
		tui_app_say(app, TUI_ROLE_WARNING,
			    "unknown command '%s' (goto ID, w [MESSAGE], reload, import KIND FILE, footprint, as-of TIME, "
			    "undo, redo, help, q, q!, or a view's name)",
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

static void act(struct tui_app *app, enum tui_action a);

/* A click on a tab shows it; on a line, selects it (a double click opens
 * it); the wheel scrolls by three lines. */
static void mouse(struct tui_app *app, tui_key k)
{
	struct tui_view *v = &app->views[app->current];
	int i;

	if (k == TUI_KEY_WHEEL_UP || k == TUI_KEY_WHEEL_DOWN) {
		for (i = 0; i < 3; i++)
			act(app, k == TUI_KEY_WHEEL_UP ? TUI_MOVE_UP : TUI_MOVE_DOWN);
		return;
	}
	if (tui_mouse_y == 0) {
		for (i = 0; i < TUI_NTABS; i++)
			if (tui_mouse_x >= tab_x[i] && tui_mouse_x < tab_x[i + 1])
				act(app, (enum tui_action)(TUI_VIEW_SCHEDULE + i));
		return;
	}
	if (tui_view_click(v, tui_mouse_y) && k == TUI_KEY_DOUBLE_CLICK)
		act(app, TUI_ENTER);
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
	char *line = tui_app_prompt(app, ":", "");
	if (line)
		command(app, line);
	free(line);
}

static void redraw(struct tui_app *app)
{
	(void)app;
	clearok(curscr, TRUE);
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
 * those missing here, are below in act(). */
static void (*const app_actions[TUI_NACTIONS])(struct tui_app *app) = {
	[TUI_HELP] = show_help,
	[TUI_QUIT] = quit_or_back,
	[TUI_EDIT] = edit_selected,
	[TUI_ADD] = add_new,
	[TUI_DUPLICATE] = add_copy,
	[TUI_DELETE] = delete_selected,
	[TUI_TOGGLE] = toggle,
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
};

/* An action: the view's own first, then the engine's (moving, searching,
 * filtering), then the app's. */
static void act(struct tui_app *app, enum tui_action a)
{
	struct tui_view *v = &app->views[app->current];

	if (a != TUI_NONE)
		app->message[0] = '\0';
	if (v->ops->handle && v->ops->handle(v, a))
		return;
	if (tui_view_handle(v, a))
		return;
	if (a == TUI_NONE)
		return;
	if (app_actions[a])
		app_actions[a](app);
	else if (a >= TUI_VIEW_SCHEDULE && a <= TUI_VIEW_REVIEW)
		show_tab(app, a);
	else
		tui_app_say(app, TUI_ROLE_NORMAL, "'%s' does nothing in this view", tui_actions[a].name);
}

/* ---- start and end ---------------------------------------------------------------- */

static void load_keymap(struct tui_app *app, const struct tui_opts *o)
{
	struct ldr_buf err = LDR_BUF_INIT;
	if (tui_keymap_load(&app->keymap, o->config, &err) < 0)
		tui_app_say(app, TUI_ROLE_ERROR, "%s", err.s);
	ldr_buf_release(&err);
}

/* Read the file (for the hash a save checks) and parse it: through its
 * repository when it is committed in one, else as a plain file. */
int tui_app_load(struct tui_app *app, struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT, e = LDR_BUF_INIT;
	struct ldr_diag d;
	int r, read = 0;

	ldr_diag_init(&d, app->path);
	if (!app->repo && (r = ldr_repo_open(&app->repo, app->path, &e)) < 0) {
		app->repo = NULL; /* not in a repository: saves write the file */
		/* In one that cannot be opened (owned by someone else, or
		 * broken): writing the file around it would not commit, and
		 * would keep recovery files in the work tree. */
		if (r != LDR_E_NOREPO && !app->read_only)
			tui_read_only_because(app, e.s);
	}
	ldr_buf_reset(&e);
	if (app->repo) {
		r = ldr_repo_load(app->repo, &app->rm, &app->loaded, &d, &e);
		read = r == 0;
		if (r == 0 && !app->loaded.committed[0]) {
			/* In a work tree, but git does not track it: a commit
			 * would surprise, so this is a plain file. */
			ldr_repo_free(app->repo);
			app->repo = NULL;
			tui_app_say(app, TUI_ROLE_WARNING, "%s is not committed in its repository: "
				    "'w' writes the file only", app->path);
		}
		if (r < 0)
			goto failed;
	}
	if (ldr_file_read(app->path, &text, &e) < 0)
		goto failed;
	app->file_len = text.len;
	app->file_hash = ldr_hash_bytes(text.s, text.len);
	/* Read from the work file already, when the repository was asked and
	 * does not track it: not twice. */
	if (!app->repo && !read) {
		ldr_roadmap_release(&app->rm);
		if (ldr_roadmap_read(&app->rm, text.s, text.len, &d) < 0)
			goto failed;
	}
	ldr_buf_release(&text); /* before the copy below: not both at once */
	if (app->read_only_why && !app->repo)
		tui_app_say(app, TUI_ROLE_WARNING, "read-only: %s", app->read_only_why);
	else if (d.warnings)
		tui_app_say(app, TUI_ROLE_WARNING, "%s:%u:%u: %s", app->path, d.v[0].line, d.v[0].col,
			    d.v[0].text);
	else if (app->repo && ldr_loaded_dirty(&app->loaded))
		tui_app_say(app, TUI_ROLE_WARNING, "%s has changes not committed: a save commits them "
			    "with yours", app->path);
	ldr_roadmap_release(&app->base);
	ldr_rec_copy(&ldr_kind_roadmap, &app->base, &app->rm);
	app->base_kept = 0;
	ldr_buf_release(&text);
	ldr_buf_release(&e);
	ldr_diag_release(&d);
	return 0;
failed:
	if (!err) {
		if (e.len)
			fprintf(stderr, "ldr: %s\n", e.s);
		ldr_diag_print(&d, stderr);
	} else if (e.len) {
		ldr_buf_addstr(err, e.s);
	} else if (d.n) {
		ldr_buf_addf(err, "%s:%u:%u: %s", app->path, d.v[0].line, d.v[0].col, d.v[0].text);
	}
	ldr_buf_release(&text);
	ldr_buf_release(&e);
	ldr_diag_release(&d);
	return -1;
}

static void app_release(struct tui_app *app)
{
	int i;
	for (i = 0; i < TUI_NVIEWS; i++) {
		struct tui_view *v = &app->views[i];
		if (v->ops && v->ops->release)
			v->ops->release(v);
		free(v->rows);
		free(v->filter);
		free(v->search);
	}
	ldr_hash_clear(&app->worst);
	ldr_findings_release(&app->findings);
	ldr_index_release(&app->ix);
	ldr_roadmap_release(&app->rm);
	ldr_roadmap_release(&app->base);
	tui_undo_release(&app->undo);
	if (app->repo)
		ldr_repo_free(app->repo);
	ldr_remote_release(&app->sync);
	tui_keymap_release(&app->keymap);
	free(app->read_only_why);
	free(app->lock);
	trail_clear(app);
	free(app->trail);
	free(app->focus_id);
	free(app->path);
}

static void app_init(struct tui_app *app, const char *path, const struct tui_opts *o)
{
	memset(app, 0, sizeof(*app));
	ldr_session_self(&app->session);
	app->path = ldr_roadmap_path(path);
	app->read_only = o->read_only;
	app->dump = o->dump;
	tui_dump_marks(o->dump_marks);
	app->detail = 1;
	ldr_roadmap_init(&app->rm);
	ldr_roadmap_init(&app->base);
}

/* Every view on its ops, unsorted, the Schedule shown (the Dossier, for
 * a programme plan with nothing to schedule). */
static void open_views(struct tui_app *app)
{
	int i;

	for (i = 0; i < TUI_NVIEWS; i++) {
		app->views[i].ops = view_ops[i];
		app->views[i].app = app;
		app->views[i].sort_col = -1;
		app->views[i].body_y = -1;
	}
	tui_app_changed(app);
	/* A programme plan without capabilities opens on its programmes. */
	app->current = app->previous = ldr_roadmap_is_programme(&app->rm) && !app->rm.capabilities.len
					       ? TUI_V_DOSSIER : TUI_V_SCHEDULE;
	app->jumped_from = -1;
}

/* A key read in the main loop: a paste, the mouse, or an action. */
static void take_key(struct tui_app *app, tui_key k)
{
	if (k == TUI_KEY_PASTE)
		/* Pasted text is never taken for keys: a line of it
		 * could run any command. */
		tui_app_say(app, TUI_ROLE_NORMAL, "a paste goes where text is typed: ignored here");
	else if (k >= TUI_KEY_CLICK && k <= TUI_KEY_WHEEL_DOWN)
		mouse(app, k);
	else if (k == TUI_KEY_UNKNOWN)
		tui_app_say(app, TUI_ROLE_NORMAL, "an unknown key (a sequence TERM's description "
			    "does not name): ignored");
	else
		act(app, tui_keymap_lookup(&app->keymap, app->views[app->current].ops->name, k));
}

/* Draw, read a key, act, until the app quits or the terminal goes. */
static void main_loop(struct tui_app *app)
{
	while (!app->quit) {
		tui_key k;
		tui_app_draw(app);
		k = next_key(app);
		if (k == TUI_KEY_DUMP) {
			tui_app_dump(app);
			continue;
		}
		if (k == TUI_KEY_HANGUP)
			tui_hangup = 1;
		if (k < 0 || tui_hangup || tui_terminate)
			break;
		if (k != TUI_KEYCODE(KEY_RESIZE))
			take_key(app, k);
	}
	if (app->dump && !app->dumped && !tui_hangup && !tui_terminate) {
		tui_app_draw(app);
		tui_dump(app->dump);
	}
}

int tui_run(const char *path, const struct tui_opts *o)
{
	struct tui_app app;
	struct tui_input input;
	char err[200];

	app_init(&app, path, o);
	if (tui_app_load(&app, NULL) < 0) {
		app_release(&app);
		return 2;
	}
	app.as_of = o->as_of.kind ? o->as_of : ldr_check_as_of(&app.rm);
	if (o->keys) {
		if (tui_input_script(&input, o->keys, err, sizeof(err)) < 0) {
			fprintf(stderr, "ldr: the key script: %s\n", err);
			app_release(&app);
			return 64;
		}
	} else {
		tui_input_keyboard(&input);
	}
	app.input = &input;
	load_keymap(&app, o);
	tui_signals_install();
	if (tui_screen_start(o->rows, o->cols) < 0) {
		fprintf(stderr, "ldr: cannot start the terminal interface (TERM=%s)\n",
			getenv("TERM") ? getenv("TERM") : "");
		tui_input_release(&input);
		app_release(&app);
		return 2;
	}
	open_views(&app);
	tui_session_begin(&app);
	if (!app.quit)
		tui_recovery_offer(&app);
	/* A merge left conflicts (git's, or a sync's restored): they come first. */
	if (app.rm.conflicts.len && app.current == TUI_V_SCHEDULE)
		tui_app_show(&app, TUI_V_CONFLICTS);
	main_loop(&app);
	tui_session_end(&app);
	tui_screen_stop();
	tui_input_release(&input);
	app_release(&app);
	return 0;
}
