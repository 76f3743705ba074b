/* The dependencies of one project or capability as a tree: what it depends
 * on, levels up, and what needs it, levels down, as 'git log --graph'
 * draws history. Broken orderings and cycles are marked.
 *
 * And shifting a record a quarter (> and <, in any view that shows one):
 * the knock-on is worked out by the model as 'ldr impact' does it, shown
 * before anything that depends on the record is moved, and made as one
 * change that 'u' undoes and 'w' commits. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/field.h"
#include "../../model/roadmap/national.h"
#include "../../model/roadmap/schedule.h"
#include "../../model/rules/critical.h"
#include "../../model/rules/impact.h"
#include "../app.h"
#include "../edit.h"
#include "../session.h"

struct dep_node {
	const struct ldr_kind *kind;
	void *rec;              /* NULL: a heading */
	const char *heading;
	char prefix[96];
	int violated, cycle, root;
	int up;                 /* in the half above the root: what it depends on */
	int open;               /* shows what is under it */
	size_t folded;          /* folded ('t'): how many it hides, one level down */
};

/* A node folded in one root's tree: the record, and which half. */
struct dep_fold {
	char *root, *id;
	int up;
};

struct deps_view {
	struct dep_node *nodes;
	size_t n, cap;
	size_t root_at;
	int depth;
	/* The chain from the root to the node being expanded, for cycles. */
	void *path[32];
	int npath;
	const char *root_id; /* the root's, while the tree is built */
	struct dep_fold *folds;
	size_t nfolds, folds_cap;
	struct tui_critical crit;
};

static const struct tui_column deps_columns[] = {
	{ "Dependency tree", 24, 5 }, { "When", 17, 0 }, { "Status", 12, 0 }, { "Slack", 8, 0 },
};

/* ---- the critical path and slack, worked out when asked ------------------------------- */

void tui_critical_stale(struct tui_critical *c)
{
	ldr_critical_release(&c->cr);
	c->state = 0;
}

const struct ldr_critical *tui_critical_get(struct tui_app *app, struct tui_critical *c)
{
	struct ldr_buf err = LDR_BUF_INIT;

	if (!c->state) {
		c->state = ldr_critical_run(&c->cr, &app->rm, NULL, &err) == 0 ? 1 : -1;
		if (c->state < 0)
			ldr_critical_release(&c->cr);
	}
	ldr_buf_release(&err);
	return c->state > 0 ? &c->cr : NULL;
}

int tui_critical_on_path(const struct ldr_critical *cr, const char *id)
{
	size_t i;

	for (i = 0; cr && id && i < cr->npath; i++)
		if (!strcmp(cr->v[cr->path[i]].p->id, id))
			return 1;
	return 0;
}

/* A project's slack in the tree: total months, and whether it is critical. */
static void slack_cell(struct tui_view *v, const struct ldr_project *p, struct ldr_buf *out, enum tui_role *role)
{
	struct deps_view *d = v->priv;
	const struct ldr_critical *cr = tui_critical_get(v->app, &d->crit);
	const struct ldr_slack *s = cr ? ldr_critical_find(cr, p->id) : NULL;

	if (!s)
		return;
	if (tui_critical_on_path(cr, p->id)) {
		ldr_buf_addf(out, "%dm crit", s->total);
		*role = TUI_ROLE_AMBER;
	} else {
		ldr_buf_addf(out, "%dm", s->total);
	}
	if (s->total < 0)
		*role = TUI_ROLE_ERROR;
}

struct link {
	const struct ldr_kind *kind;
	void *rec;
	int violated;
};

struct links {
	struct link *v;
	size_t n, cap;
};

static void add_link(struct links *l, const struct ldr_kind *k, void *rec, int violated)
{
	ldr_grow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v));
	l->v[l->n].kind = k;
	l->v[l->n].rec = rec;
	l->v[l->n++].violated = violated;
}

/* The referrers of rec of a kind through a field: what names it there. */
static int refers_by(const struct ldr_referrer *r, const struct ldr_kind *k, const char *field)
{
	return r->kind == k && strcmp(r->field->name, field) == 0;
}

/* What a record depends on (up) or what depends on it (down): found in the
 * index both ways, never by a scan of the roadmap. */
static void neighbours(struct tui_app *app, const struct ldr_kind *k, void *rec, int up,
		       struct links *out)
{
	const struct ldr_referrer *r;
	size_t i, n;

	if (k == &ldr_kind_project) {
		struct ldr_project *p = rec;
		if (up) {
			for (i = 0; i < p->depends_on.n; i++) {
				struct ldr_project *d = ldr_index_get(&app->ix, &ldr_kind_project, p->depends_on.v[i]);
				if (d)
					add_link(out, k, d, ldr_project_order_violated(d, p));
			}
			return;
		}
		/* The projects that depend on it, then the capabilities it delivers. */
		r = ldr_index_referrers(&app->ix, p->id, &n);
		for (i = 0; i < n; i++)
			if (refers_by(&r[i], &ldr_kind_project, "depends_on"))
				add_link(out, k, r[i].rec, ldr_project_order_violated(p, r[i].rec));
		for (i = 0; i < n; i++)
			if (refers_by(&r[i], &ldr_kind_capability, "projects"))
				add_link(out, &ldr_kind_capability, r[i].rec,
					 ldr_delivery_order_violated(p, r[i].rec));
		/* And the universal capabilities whose plans name it. */
		for (i = 0; i < n; i++)
			if (refers_by(&r[i], &ldr_kind_uc, "projects"))
				add_link(out, &ldr_kind_uc, r[i].rec, 0);
		return;
	}
	if (k == &ldr_kind_capability) {
		struct ldr_capability *c = rec;
		if (up) {
			for (i = 0; i < c->projects.n; i++) {
				struct ldr_project *p = ldr_index_get(&app->ix, &ldr_kind_project, c->projects.v[i]);
				if (p)
					add_link(out, &ldr_kind_project, p, ldr_delivery_order_violated(p, c));
			}
			for (i = 0; i < c->depends_on.n; i++) {
				struct ldr_capability *d = ldr_index_get(&app->ix, k, c->depends_on.v[i]);
				if (d)
					add_link(out, k, d, ldr_capability_order_violated(d, c));
			}
			return;
		}
		r = ldr_index_referrers(&app->ix, c->id, &n);
		for (i = 0; i < n; i++)
			if (refers_by(&r[i], k, "depends_on"))
				add_link(out, k, r[i].rec, ldr_capability_order_violated(c, r[i].rec));
	}
}

void tui_needed_by_lines(struct tui_app *app, const struct ldr_kind *k, const void *rec, struct ldr_buf *lines)
{
	struct links l = { NULL, 0, 0 };
	struct ldr_buf v = LDR_BUF_INIT, title = LDR_BUF_INIT;
	size_t i;

	if (k != &ldr_kind_project && k != &ldr_kind_capability)
		return;
	neighbours(app, k, (void *)rec, 0, &l);
	for (i = 0; i < l.n; i++) {
		const char *t, *why = l.v[i].kind == &ldr_kind_uc ? "names it in its projects"
				      : l.v[i].kind != k ? "delivered by it" : "depends on it";
		ldr_buf_reset(&title);
		t = ldr_rec_title(l.v[i].kind, l.v[i].rec, &title);
		if (l.v[i].kind == &ldr_kind_uc && ldr_national_uc(ldr_rec_id(l.v[i].kind, l.v[i].rec)))
			t = ldr_national_uc(ldr_rec_id(l.v[i].kind, l.v[i].rec))->title;
		ldr_buf_addf(&v, "%s%s  %s (%s)", i ? "\n" : "", ldr_rec_id(l.v[i].kind, l.v[i].rec), t ? t : "",
			     why);
	}
	if (l.n)
		tui_detail_line(lines, "needed by", v.s, 0);
	free(l.v);
	ldr_buf_release(&v);
	ldr_buf_release(&title);
}

static const char *node_id(const struct dep_node *n)
{
	return n->rec ? ldr_rec_id(n->kind, n->rec) : NULL;
}

/* The fold of id in the tree of root, or NULL. */
static struct dep_fold *fold_of(struct deps_view *d, const char *root, const char *id, int up)
{
	size_t i;
	for (i = 0; root && id && i < d->nfolds; i++)
		if (d->folds[i].up == up && !strcmp(d->folds[i].id, id) && !strcmp(d->folds[i].root, root))
			return &d->folds[i];
	return NULL;
}

static struct dep_node *add_node(struct deps_view *d)
{
	struct dep_node *n;
	ldr_grow((void **)&d->nodes, &d->cap, d->n + 1, sizeof(*d->nodes));
	n = &d->nodes[d->n++];
	memset(n, 0, sizeof(*n));
	return n;
}

static void expand(struct tui_app *app, struct deps_view *d, const struct ldr_kind *k, void *rec,
		   int up, int level, const char *indent)
{
	struct links l = { NULL, 0, 0 };
	size_t i;
	int j;

	if (level > d->depth)
		return;
	neighbours(app, k, rec, up, &l);
	for (i = 0; i < l.n; i++) {
		struct dep_node *n = add_node(d);
		int last = i + 1 == l.n, cycle = 0;
		char deeper[96];

		size_t at = d->n - 1;

		n->kind = l.v[i].kind;
		n->rec = l.v[i].rec;
		n->violated = l.v[i].violated;
		n->up = up;
		snprintf(n->prefix, sizeof(n->prefix), "%s%s", indent, last ? "\u2514\u2500 " : "\u251c\u2500 ");
		for (j = 0; j < d->npath; j++)
			cycle |= d->path[j] == l.v[i].rec;
		n->cycle = cycle;
		if (cycle || d->npath >= (int)LDR_ARRAY_SIZE(d->path) || level + 1 > d->depth)
			continue;
		if (fold_of(d, d->root_id, node_id(n), up)) {
			struct links under = { NULL, 0, 0 };
			neighbours(app, n->kind, n->rec, up, &under);
			n->folded = under.n;
			free(under.v);
			continue;
		}
		snprintf(deeper, sizeof(deeper), "%s%s", indent, last ? "   " : "\u2502  ");
		d->path[d->npath++] = l.v[i].rec;
		expand(app, d, l.v[i].kind, l.v[i].rec, up, level + 1, deeper);
		d->npath--;
		/* (add_node may have moved the nodes) */
		d->nodes[at].open = d->n > at + 1;
	}
	free(l.v);
}

/* The record to draw the tree of: the focus, else the dossier's selection. */
static void root_of(struct tui_view *v, const struct ldr_kind **k, void **rec)
{
	struct tui_app *app = v->app;
	struct tui_view *dossier = &app->views[TUI_V_DOSSIER];
	size_t item;

	if (app->focus_id) {
		const struct ldr_ref *r = ldr_index_find(&app->ix, app->focus_id);
		if (r && (r->kind == &ldr_kind_project || r->kind == &ldr_kind_capability)) {
			*k = r->kind;
			*rec = r->rec;
			return;
		}
	}
	item = tui_view_item(dossier);
	*k = &ldr_kind_project;
	*rec = item != (size_t)-1 ? LDR_ITEM(app->rm.projects, struct ldr_project, item) : NULL;
}

static void deps_load(struct tui_view *v)
{
	struct deps_view *d = v->priv ? v->priv : (v->priv = ldr_calloc(1, sizeof(struct deps_view)));
	const struct ldr_kind *k;
	void *rec;
	struct dep_node *n;
	size_t root_at;

	if (!d->depth)
		d->depth = 3;
	d->n = 0;
	tui_critical_stale(&d->crit);
	root_of(v, &k, &rec);
	v->nitems = 0;
	if (!rec)
		return;
	d->root_id = ldr_rec_id(k, rec);
	n = add_node(d);
	n->heading = "depends on";
	d->npath = 1;
	d->path[0] = rec;
	expand(v->app, d, k, rec, 1, 1, "  ");
	if (d->n == 1)
		add_node(d)->heading = "  (nothing)";
	n = add_node(d);
	n->kind = k;
	n->rec = rec;
	n->root = 1;
	root_at = d->n - 1;
	add_node(d)->heading = "needed by";
	expand(v->app, d, k, rec, 0, 1, "  ");
	if (d->nodes[d->n - 1].heading)
		add_node(d)->heading = "  (nothing)";
	d->root_at = root_at;
	v->nitems = d->n;
	v->sort_col = -1; /* a tree keeps its order */
	v->sort_reverse = 0;
	tui_view_refilter(v);
	tui_view_select_item(v, root_at);
}

static void deps_cell(struct tui_view *v, size_t item, size_t col, struct ldr_buf *out,
		      enum tui_role *role)
{
	struct dep_node *n = &((struct deps_view *)v->priv)->nodes[item];
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX], fold[32] = "";

	if (n->folded)
		snprintf(fold, sizeof(fold), " [+%zu]", n->folded);
	if (n->heading) {
		if (col == 0)
			ldr_buf_addstr(out, n->heading);
		*role = TUI_ROLE_LABEL;
		return;
	}
	if (n->kind == &ldr_kind_uc) {
		const struct ldr_uc *u = n->rec;
		const struct ldr_uc_def *def = ldr_national_uc(u->id);
		if (col == 0)
			ldr_buf_addf(out, "%s%s %s", n->prefix, u->id, def ? def->title : "");
		return;
	}
	if (n->kind == &ldr_kind_project) {
		struct ldr_project *p = n->rec;
		if (col == 0)
			ldr_buf_addf(out, "%s%s%s%s %s", n->root ? "\u25b6 " : n->prefix, p->id,
				     n->cycle ? " \u21bb cycle" : n->violated ? " !" : "", fold,
				     p->name ? p->name : "");
		else if (col == 1 && p->start.kind)
			ldr_buf_addf(out, "%s\u2013%s", ldr_time_format(&p->start, a),
				     p->end.kind ? ldr_time_format(&p->end, b) : "");
		else if (col == 2 && p->status)
			ldr_buf_addstr(out, ldr_kind_project.fields[ldr_kind_field(&ldr_kind_project, "status")].values[p->status - 1]);
		else if (col == 3)
			slack_cell(v, p, out, role);
	} else {
		struct ldr_capability *c = n->rec;
		if (col == 0)
			ldr_buf_addf(out, "%s%s%s%s %s: %s", n->root ? "\u25b6 " : n->prefix, c->id,
				     n->cycle ? " \u21bb cycle" : n->violated ? " !" : "", fold,
				     c->who ? c->who : "", c->what ? c->what : "");
		else if (col == 1 && c->year.kind)
			ldr_buf_addstr(out, ldr_time_format(&c->year, a));
		else if (col == 2 && c->status)
			ldr_buf_addstr(out, ldr_kind_capability.fields[ldr_kind_field(&ldr_kind_capability, "status")].values[c->status - 1]);
	}
	if (n->violated || n->cycle)
		*role = TUI_ROLE_ERROR;
	else if (n->root)
		*role = TUI_ROLE_LABEL;
}

static int deps_record(struct tui_view *v, size_t item, const struct ldr_kind **k, void **rec)
{
	struct dep_node *n = &((struct deps_view *)v->priv)->nodes[item];
	if (!n->rec)
		return 0;
	*k = n->kind;
	*rec = n->rec;
	return 1;
}

/* 't' on a node: fold what is under it, or open it again. */
static void toggle_fold(struct tui_view *v, size_t item)
{
	struct deps_view *d = v->priv;
	struct dep_node *n = &d->nodes[item];
	const struct dep_node *root = &d->nodes[d->root_at];
	const char *id = node_id(n), *root_id = node_id(root);
	struct dep_fold *f = fold_of(d, root_id, id, n->up);

	if (f) {
		free(f->root);
		free(f->id);
		*f = d->folds[--d->nfolds];
	} else if (!n->rec || n->root) {
		tui_app_say(v->app, TUI_ROLE_NORMAL, "'t' folds a node of the tree ('-' shows fewer "
			    "levels)");
		return;
	} else if (!n->open) {
		tui_app_say(v->app, TUI_ROLE_NORMAL, "nothing under '%s' to fold", id);
		return;
	} else {
		ldr_grow((void **)&d->folds, &d->folds_cap, d->nfolds + 1, sizeof(*d->folds));
		d->folds[d->nfolds].root = ldr_strdup(root_id);
		d->folds[d->nfolds].id = ldr_strdup(id);
		d->folds[d->nfolds++].up = n->up;
	}
	deps_load(v);
	tui_view_select_item(v, item); /* the nodes above it are as they were */
}

static int deps_handle(struct tui_view *v, enum tui_action a)
{
	struct deps_view *d = v->priv;
	size_t item = tui_view_item(v), row;

	switch (a) {
	case TUI_ENTER:
		/* Enter on a node: its own tree; Back returns to this one. */
		if (item == (size_t)-1 || !d->nodes[item].rec || d->nodes[item].root ||
		    d->nodes[item].kind == &ldr_kind_uc) /* (no tree of its own: its record) */
			return 0;
		tui_app_focus(v->app, d->nodes[d->root_at].kind, d->nodes[d->root_at].rec);
		tui_app_focus_push(v->app, TUI_V_DEPS, d->nodes[item].kind, d->nodes[item].rec, v->sel);
		deps_load(v);
		return 1;
	case TUI_BACK:
		/* (A filter goes first, as in every list.) */
		if (v->filter || !tui_app_focus_back(v->app, TUI_V_DEPS, &row))
			return 0;
		deps_load(v);
		if (row < v->nrows)
			v->sel = row;
		return 1;
	case TUI_TOGGLE:
		if (item != (size_t)-1)
			toggle_fold(v, item);
		return 1;
	case TUI_SORT:
	case TUI_SORT_REVERSE:
		tui_app_say(v->app, TUI_ROLE_NORMAL, "a tree keeps its order");
		return 1;
	case TUI_DEEPER:
	case TUI_SHALLOWER:
		d->depth += a == TUI_DEEPER ? 1 : -1;
		if (d->depth < 1)
			d->depth = 1;
		if (d->depth > 20)
			d->depth = 20;
		deps_load(v);
		tui_app_say(v->app, TUI_ROLE_NORMAL, "%d level%s up and down", d->depth,
			    d->depth == 1 ? "" : "s");
		return 1;
	default:
		return 0;
	}
}

static void deps_release(struct tui_view *v)
{
	struct deps_view *d = v->priv;
	size_t i;
	if (d) {
		free(d->nodes);
		for (i = 0; i < d->nfolds; i++) {
			free(d->folds[i].root);
			free(d->folds[i].id);
		}
		free(d->folds);
		tui_critical_stale(&d->crit);
	}
	free(d);
	v->priv = NULL;
}

const struct tui_view_ops tui_deps_ops = {
	.name = "deps", .title = "Deps", .key = TUI_VIEW_DEPS,
	.columns = deps_columns, .ncolumns = LDR_ARRAY_SIZE(deps_columns),
	.load = deps_load, .cell = deps_cell, .record = deps_record, .handle = deps_handle,
	.release = deps_release,
};

/* ---- shifting a record, and what depends on it ------------------------------------ */

/* The record the current view has selected (or the record view shows). */
static int shift_selected_record(struct tui_app *app, const struct ldr_kind **k, void **rec)
{
	struct tui_view *v = &app->views[app->current];
	size_t item;

	if (app->current == TUI_V_RECORD) {
		*k = app->focus_kind;
		*rec = app->focus;
		return app->focus != NULL;
	}
	item = tui_view_item(v);
	return item != (size_t)-1 && v->ops->record && v->ops->record(v, item, k, rec);
}

/* The planned time a shift moves: a project's start (with it, its end and
 * milestones), a capability's year, a milestone's due, an activity's
 * quarter; NULL when the record has none set. */
static const char *shift_field(const struct ldr_kind *k, const void *rec)
{
	static const struct { const struct ldr_kind *kind; const char *field; } planned[] = {
		{ &ldr_kind_project, "start" }, { &ldr_kind_project, "end" },
		{ &ldr_kind_capability, "year" }, { &ldr_kind_milestone, "due" },
		{ &ldr_kind_activity, "quarter" },
	};
	size_t i;

	for (i = 0; i < LDR_ARRAY_SIZE(planned); i++) {
		int f = planned[i].kind == k ? ldr_kind_field(k, planned[i].field) : -1;
		if (f >= 0 && ((const struct ldr_time *)LDR_CFIELD(rec, &k->fields[f]))->kind)
			return planned[i].field;
	}
	return NULL;
}

/* Whether the knock-on reaches beyond the record itself: something that
 * depends on it moves, or the moves break something. */
static int reaches_others(const struct ldr_impact *im)
{
	size_t i;

	for (i = 0; i < im->nmoves; i++)
		if (im->moves[i].why == LDR_IMPACT_DEPENDS || im->moves[i].why == LDR_IMPACT_DELIVERED_BY)
			return 1;
	return im->nnotes > 0;
}

/* The knock-on as lines, as 'ldr impact' prints it: each move, then what
 * the moves break under their headings. */
/* A note's text as it is: the screen draws it safely. */
static void add_text(struct ldr_buf *b, const char *text)
{
	ldr_buf_addstr(b, text);
}

static void knock_on_lines(struct ldr_buf *b, const struct ldr_impact *im)
{
	size_t i;

	for (i = 0; i < im->nmoves; i++) {
		ldr_buf_addstr(b, "  ");
		ldr_impact_move_line(b, &im->moves[i]);
		ldr_buf_addch(b, '\n');
	}
	ldr_impact_notes_text(b, im, add_text);
}

/* Draw the knock-on over the view, from line top of it. */
static void draw_knock_on(struct tui_app *app, const char *title, const char *lines, size_t top,
			  const char *question)
{
	int rows = tui_rows(), cols = tui_cols(), y = 1;
	const char *p = lines;
	size_t n = 0;

	tui_app_draw(app);
	tui_text(y++, 0, cols, title, TUI_ROLE_LABEL);
	for (; *p && y < rows - 1; n++) {
		size_t len = strcspn(p, "\n");
		if (n >= top) {
			char *line = ldr_strndup(p, len);
			tui_text(y++, 0, cols, line, strncmp(line, "  ", 2) ? TUI_ROLE_WARNING : TUI_ROLE_NORMAL);
			free(line);
		}
		p += len + (p[len] == '\n');
	}
	while (y < rows - 1)
		tui_fill(y++, 0, cols, TUI_ROLE_NORMAL);
	tui_text(rows - 1, 0, cols, question, TUI_ROLE_WARNING);
	tui_refresh();
}

/* Show the knock-on and ask: 1 to make it, 0 not to. j, k and Space
 * scroll a list longer than the screen. */
static int confirm_knock_on(struct tui_app *app, const char *title, const char *lines, size_t nmoves)
{
	char question[160];
	size_t top = 0, n = 0;
	const char *p;

	for (p = lines; *p; p++)
		n += *p == '\n';
	snprintf(question, sizeof(question), "make all %zu move%s as one change ('u' undoes it)? "
		 "(y)es, (n)o; j, k scroll", nmoves, nmoves == 1 ? "" : "s");
	for (;;) {
		tui_key k;
		size_t page = tui_rows() > 4 ? (size_t)tui_rows() - 3 : 1;
		draw_knock_on(app, title, lines, top, question);
		k = tui_app_modal_key(app);
		if (k == 0)
			continue;
		if (k < 0 || k == 27 || k == 7 || k == 'n' || k == 'q')
			return 0;
		if (k == 'y')
			return 1;
		if ((k == 'j' || k == TUI_KEYCODE(KEY_DOWN)) && top + page < n)
			top++;
		else if ((k == 'k' || k == TUI_KEYCODE(KEY_UP)) && top > 0)
			top--;
		else if (k == ' ' || k == TUI_KEYCODE(KEY_NPAGE))
			top = top + page < n ? top + page : top;
	}
}

/* The records a shift changes, each kept as it was before its first
 * change (for undo, or to put back). */
struct shift_edits {
	struct tui_app *app;
	struct tui_edit *e;
	size_t n, cap;
	struct ldr_hash seen; /* id -> 1 */
};

static void shift_touch(void *ctx, const struct ldr_kind *k, void *top)
{
	struct shift_edits *s = ctx;
	const char *id = ldr_rec_id(k, top);

	if (!id || ldr_hash_get(&s->seen, id))
		return;
	ldr_grow((void **)&s->e, &s->cap, s->n + 1, sizeof(*s->e));
	if (tui_edit_begin(s->app, k, top, &s->e[s->n]) == 0) {
		ldr_hash_put(&s->seen, id, (void *)1);
		s->n++;
	}
}

/* Move id.field by months, and what depends on it, in the roadmap itself:
 * 0, or -1 (said why, nothing changed). */
static int knock_on(struct tui_app *app, const char *id, const char *field, int months, struct ldr_impact *im,
		    struct shift_edits *s)
{
	struct ldr_impact_change c;
	struct ldr_buf err = LDR_BUF_INIT;
	int r;

	memset(&c, 0, sizeof(c));
	c.id = id;
	c.field = field;
	c.months = months;
	if ((r = ldr_impact_run_touching(im, &app->rm, &c, 1, shift_touch, s, &err)) < 0) {
		tui_edit_revert_many(app, s->e, s->n);
		tui_app_say(app, TUI_ROLE_ERROR, "%s", err.s);
	}
	ldr_buf_release(&err);
	return r;
}

/* The shift made, asked about first when it reaches beyond the record. */
static void shift_decide(struct tui_app *app, struct ldr_impact *im, struct shift_edits *s, const char *what)
{
	struct ldr_buf lines = LDR_BUF_INIT;

	knock_on_lines(&lines, im);
	if (!im->nmoves) {
		tui_edit_revert_many(app, s->e, s->n);
		tui_app_say(app, TUI_ROLE_NORMAL, "nothing moves");
	} else if (reaches_others(im) && !confirm_knock_on(app, what, lines.s, im->nmoves)) {
		tui_edit_revert_many(app, s->e, s->n);
		tui_app_say(app, TUI_ROLE_NORMAL, "not shifted: nothing changed");
	} else {
		tui_edit_commit_many(app, s->e, s->n, what);
	}
	ldr_buf_release(&lines);
}

static void shift(struct tui_app *app, int quarters)
{
	const struct ldr_kind *k;
	void *rec;
	const char *field, *id;
	struct ldr_impact im;
	struct shift_edits s;
	struct ldr_buf what = LDR_BUF_INIT;
	char *keep;

	if (!shift_selected_record(app, &k, &rec) || !(id = ldr_rec_id(k, rec))) {
		tui_app_say(app, TUI_ROLE_NORMAL, "nothing to shift here (a project, a capability, a "
			    "milestone, an activity)");
		return;
	}
	if (!(field = shift_field(k, rec))) {
		tui_app_say(app, TUI_ROLE_NORMAL, "%s has no planned time to shift", id);
		return;
	}
	if (app->read_only) {
		tui_read_only_say(app, "nothing can be changed");
		return;
	}
	memset(&s, 0, sizeof(s));
	s.app = app;
	keep = ldr_strdup(id); /* the record may be put back, as a copy */
	if (knock_on(app, keep, field, quarters * 3, &im, &s) == 0) {
		ldr_buf_addf(&what, "%s shifted a quarter %s", keep, quarters > 0 ? "later" : "earlier");
		if (!strcmp(field, "year"))
			ldr_buf_addstr(&what, " (a year: a year moves by years)");
		if (reaches_others(&im))
			ldr_buf_addf(&what, ": %zu move%s", im.nmoves, im.nmoves == 1 ? "" : "s");
		shift_decide(app, &im, &s, what.s);
		tui_app_select(app, keep);
	}
	ldr_impact_release(&im);
	ldr_hash_clear(&s.seen);
	free(s.e);
	free(keep);
	ldr_buf_release(&what);
}

void tui_shift_later(struct tui_app *app)
{
	shift(app, 1);
}

void tui_shift_earlier(struct tui_app *app)
{
	shift(app, -1);
}
