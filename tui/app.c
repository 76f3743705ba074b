/* The application loop: draw, read a key, find its action, act. */
#include "app.h"

#include <curses.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../model/base/diag.h"
#include "../model/roadmap/file.h"
#include "../model/base/write.h"
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

/* The checks, all of them (ch NULL) or again after the changes ch. */
static void run_checks(struct tui_app *app, const struct ldr_check_change *ch, size_t n)
{
	struct ldr_check_opts o;
	size_t i;

	ldr_hash_clear(&app->worst);
	memset(&o, 0, sizeof(o));
	o.as_of = app->as_of;
	if (ch && app->checked) {
		ldr_check_update(&app->rm, &o, ch, n, &app->ix, &app->findings);
	} else {
		ldr_findings_release(&app->findings);
		ldr_check(&app->rm, &o, &app->findings);
		app->checked = 1;
	}
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

/* The index again, unless every change was made in place and keeps it
 * true (ldr_index_holds): rebuilding it is most of an edit's time on a
 * large roadmap. Under LDR_CHECK_CROSS, a kept index is compared with one
 * built afresh. */
static void reindex(struct tui_app *app, const struct ldr_check_change *ch, size_t n, int in_place)
{
	size_t i;
	int keep = in_place && ch && n;

	for (i = 0; keep && i < n; i++)
		keep = ch[i].kind && ldr_index_holds(ch[i].kind, ch[i].before, ch[i].after);
	if (keep && app->ix.first) {
		const char *cross = getenv("LDR_CHECK_CROSS");
		struct ldr_index fresh;
		if (!cross || *cross != '1')
			return;
		ldr_index_build(&fresh, &app->rm);
		ldr_index_add_referrers(&fresh);
		if (!ldr_index_equal(&fresh, &app->ix)) {
			fprintf(stderr, "ldr: LDR_CHECK_CROSS: the index kept after an edit differs from "
				"one built again\n");
			abort();
		}
		ldr_index_release(&fresh);
		return;
	}
	ldr_index_release(&app->ix);
	ldr_index_build(&app->ix, &app->rm);
	ldr_index_add_referrers(&app->ix); /* what needs a record, for the views and the checks */
}

void tui_app_rechecked(struct tui_app *app, const struct ldr_check_change *ch, size_t n, int in_place)
{
	int i;
	reindex(app, ch, n, in_place);
	run_checks(app, ch, n);
	for (i = 0; i < TUI_NVIEWS; i++) {
		struct tui_view *v = &app->views[i];
		v->ops->load(v);
		tui_view_refilter(v);
	}
}

void tui_app_changed(struct tui_app *app)
{
	tui_app_rechecked(app, NULL, 0, 0);
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

tui_key tui_app_context_key(struct tui_app *app, const char *context, enum tui_action *action)
{
	tui_key k = next_key(app);
	*action = TUI_NONE;
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
	switch (*action = tui_keymap_lookup_in(&app->keymap, context, k)) {
	case TUI_SUSPEND:
		tui_screen_suspend(); /* then redrawn, and the question asked again */
		return 0;
	case TUI_REDRAW:
		clearok(curscr, TRUE);
		return 0;
	default:
		return k;
	}
}

tui_key tui_app_modal_key(struct tui_app *app)
{
	enum tui_action a;
	return tui_app_context_key(app, NULL, &a);
}

int tui_app_choose(struct tui_app *app, const char *question, const char *detail,
		   const char *options, const char *keys)
{
	struct ldr_buf shown = LDR_BUF_INIT;
	enum tui_action a;
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
		k = tui_app_context_key(app, "question", &a);
		if (k == 0)
			continue;
		if (k < 0 || a == TUI_CANCEL)
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

/* An action: the view's own first, then the engine's (moving, searching,
 * filtering), then the app's (actions.c). */
static void act(struct tui_app *app, enum tui_action a)
{
	struct tui_view *v = &app->views[app->current];

	if (a != TUI_NONE)
		app->message[0] = '\0';
	if (v->ops->handle && v->ops->handle(v, a))
		return;
	if (tui_view_handle(v, a))
		return;
	if (a != TUI_NONE)
		tui_actions_run(app, a);
}

/* ---- start and end ---------------------------------------------------------------- */


void tui_base_set(struct tui_app *app, char *text, size_t len)
{
	tui_base_drop(app);
	free(app->base_text);
	app->base_text = text;
	app->base_len = len;
	app->base_kept = 0;
	app->undo.clean = app->undo.done;
}

struct ldr_roadmap *tui_base(struct tui_app *app)
{
	struct ldr_diag d;

	if (!app->base_parsed) {
		/* It was read (or saved and read back) as it is: it reads again. */
		ldr_diag_init(&d, app->path);
		ldr_roadmap_read(&app->base, app->base_text ? app->base_text : "", app->base_len, &d);
		ldr_diag_release(&d);
		app->base_parsed = 1;
	}
	return &app->base;
}

void tui_base_drop(struct tui_app *app)
{
	if (app->base_parsed)
		ldr_roadmap_release(&app->base);
	ldr_roadmap_init(&app->base);
	app->base_parsed = 0;
}

void tui_mark_dirty(struct tui_app *app)
{
	app->dirty = 1;
	app->undo.clean = SIZE_MAX;
}

/* Read the file (its bytes are the base, and hashed for what a save
 * checks) and parse it. */
static int load_file(struct tui_app *app, struct ldr_diag *d, struct ldr_buf *e)
{
	struct ldr_buf text = LDR_BUF_INIT;

	if (ldr_file_read(app->path, &text, e) < 0)
		return -1;
	ldr_roadmap_release(&app->rm);
	if (ldr_roadmap_read(&app->rm, text.s ? text.s : "", text.len, d) < 0) {
		ldr_buf_release(&text);
		return -1;
	}
	app->file_len = text.len;
	app->file_hash = ldr_hash_bytes(text.s, text.len);
	tui_base_set(app, ldr_buf_detach(&text), app->file_len);
	return 0;
}

/* Its repository, opened once, and the state a save checks taken of the
 * bytes read: a file it does not track is a plain file, saved as one. */
static int attach_repo(struct tui_app *app, struct ldr_buf *e)
{
	int r;

	if (!app->repo && (r = ldr_repo_open(&app->repo, app->path, e)) < 0) {
		app->repo = NULL; /* not in a repository: saves write the file */
		/* In one that cannot be opened (owned by someone else, or
		 * broken): writing the file around it would not commit, and
		 * would keep recovery files in the work tree. */
		if (r != LDR_E_NOREPO && !app->read_only)
			tui_read_only_because(app, e->s);
	}
	ldr_buf_reset(e);
	if (!app->repo)
		return 0;
	if (ldr_repo_state(app->repo, app->base_text, app->base_len, &app->loaded, e) < 0)
		return -1;
	if (!app->loaded.committed[0]) {
		/* In a work tree, but git does not track it: a commit
		 * would surprise, so this is a plain file. */
		ldr_repo_free(app->repo);
		app->repo = NULL;
		tui_app_say(app, TUI_ROLE_WARNING, "%s is not committed in its repository: "
			    "'w' writes the file only", app->path);
	}
	return 0;
}

/* What the status line says of the roadmap as loaded. */
static void say_loaded(struct tui_app *app, const struct ldr_diag *d)
{
	if (app->read_only_why && !app->repo)
		tui_app_say(app, TUI_ROLE_WARNING, "read-only: %s", app->read_only_why);
	else if (d->warnings)
		tui_app_say(app, TUI_ROLE_WARNING, "%s:%u:%u: %s", app->path, d->v[0].line, d->v[0].col,
			    d->v[0].text);
	else if (app->repo && ldr_loaded_dirty(&app->loaded))
		tui_app_say(app, TUI_ROLE_WARNING, "%s has changes not committed: a save commits them "
			    "with yours", app->path);
}

/* Why the roadmap could not be loaded: on stderr, or into err. */
static void load_failed(const struct tui_app *app, const struct ldr_diag *d, const struct ldr_buf *e,
			struct ldr_buf *err)
{
	if (!err) {
		if (e->len)
			fprintf(stderr, "ldr: %s\n", e->s);
		ldr_diag_print(d, stderr);
	} else if (e->len) {
		ldr_buf_addstr(err, e->s);
	} else if (d->n) {
		ldr_buf_addf(err, "%s:%u:%u: %s", app->path, d->v[0].line, d->v[0].col, d->v[0].text);
	}
}

/* Read the file and parse it, and take what its repository holds of it
 * when it is committed in one; else it is a plain file. */
int tui_app_load(struct tui_app *app, struct ldr_buf *err)
{
	struct ldr_buf e = LDR_BUF_INIT;
	struct ldr_diag d;
	int r = 0;

	ldr_diag_init(&d, app->path);
	if (load_file(app, &d, &e) < 0 || attach_repo(app, &e) < 0) {
		load_failed(app, &d, &e, err);
		r = -1;
	} else {
		say_loaded(app, &d);
	}
	ldr_buf_release(&e);
	ldr_diag_release(&d);
	return r;
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
	tui_base_drop(app);
	free(app->base_text);
	tui_undo_release(&app->undo);
	tui_history_release(&app->commands);
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
	app->cli = o->cli;
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

/* The roadmap's repository, after the first screen: opening it starts
 * libgit2, which reads the system's certificates first (tens of
 * milliseconds), and the first screen needs only the file. Then what the
 * status line says, the keymap's error last. */
static int start_repo(struct tui_app *app, const struct ldr_diag *d, struct ldr_buf *e,
		      const struct ldr_buf *keymap_err)
{
	if (attach_repo(app, e) < 0)
		return -1;
	say_loaded(app, d);
	if (keymap_err->len)
		tui_app_say(app, TUI_ROLE_ERROR, "%s", keymap_err->s);
	return 0;
}

/* Draw the first screen, open the repository, then the session. */
static int start(struct tui_app *app, const struct ldr_diag *d, struct ldr_buf *e,
		 const struct ldr_buf *keymap_err)
{
	if (keymap_err->len)
		tui_app_say(app, TUI_ROLE_ERROR, "%s", keymap_err->s);
	open_views(app);
	tui_app_draw(app);
	if (start_repo(app, d, e, keymap_err) < 0)
		return -1;
	tui_session_begin(app);
	/* A merge left conflicts (git's, or a sync's restored): they come first. */
	if (app->rm.conflicts.len && app->current == TUI_V_SCHEDULE)
		tui_app_show(app, TUI_V_CONFLICTS);
	return 0;
}

static int input_start(struct tui_input *input, const struct tui_opts *o)
{
	char err[200];

	if (!o->keys) {
		tui_input_keyboard(input);
		return 0;
	}
	if (tui_input_script(input, o->keys, err, sizeof(err)) < 0) {
		fprintf(stderr, "ldr: the key script: %s\n", err);
		return -1;
	}
	return 0;
}

int tui_run(const char *path, const struct tui_opts *o)
{
	struct tui_app app;
	struct tui_input input;
	struct ldr_buf e = LDR_BUF_INIT, kerr = LDR_BUF_INIT;
	struct ldr_diag d;
	int r = 2;

	app_init(&app, path, o);
	ldr_diag_init(&d, app.path);
	if (load_file(&app, &d, &e) < 0) {
		load_failed(&app, &d, &e, NULL);
		goto out;
	}
	app.as_of = o->as_of.kind ? o->as_of : ldr_check_as_of(&app.rm);
	if (input_start(&input, o) < 0) {
		r = 64;
		goto out;
	}
	app.input = &input;
	tui_keymap_load(&app.keymap, o->config, &kerr);
	say_loaded(&app, &d);
	tui_signals_install();
	if (tui_screen_start(o->rows, o->cols) < 0) {
		fprintf(stderr, "ldr: cannot start the terminal interface (TERM=%s)\n",
			getenv("TERM") ? getenv("TERM") : "");
	} else if (start(&app, &d, &e, &kerr) < 0) {
		tui_screen_stop();
		load_failed(&app, &d, &e, NULL);
	} else {
		main_loop(&app);
		tui_session_end(&app);
		tui_screen_stop();
		r = 0;
	}
	tui_input_release(&input);
out:
	ldr_buf_release(&e);
	ldr_buf_release(&kerr);
	ldr_diag_release(&d);
	app_release(&app);
	return r;
}
