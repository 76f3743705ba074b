/* The dependencies of one project or capability as a tree: what it depends
 * on, levels up, and what needs it, levels down, as 'git log --graph'
 * draws history. Broken orderings and cycles are marked. */
#include <stdlib.h>
#include <string.h>

#include "../model/roadmap/schedule.h"
#include "app.h"

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
};

static const struct tui_column deps_columns[] = {
	{ "Dependency tree", 24, 5 }, { "When", 17, 0 }, { "Status", 12, 0 },
};

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
		if (item == (size_t)-1 || !d->nodes[item].rec || d->nodes[item].root)
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
