/* The timeline: a text Gantt chart. Rows are the projects under their
 * capability groups; columns are quarters, from the roadmap's start to its
 * end; bars run from start to end, drawn by status in a colour and a
 * character of their own (so that they read without colour, as under
 * NO_COLOR); an overdue bar runs on to the as-at date in '»'; milestones
 * are diamonds, a broken dependency is marked, the as-at date is a line.
 * The projects the selected one depends on, and those that depend on it,
 * are marked; so is the critical path. With a baseline chosen ('b'), what
 * it planned is drawn under each bar. A line at the foot is the key.
 * Left and right scroll by a quarter. */
#include <stdlib.h>
#include <string.h>

#include "../../model/base/diag.h"
#include "../../model/roadmap/national.h"
#include "../../model/roadmap/schedule.h"
#include "../app.h"
#include "../text.h"

/* The names' column: 26 at 80 columns, wider on a wide terminal. */
static int label_w(void)
{
	int w = tui_cols() / 4;
	return w < 26 ? 26 : w > 60 ? 60 : w;
}
#define LABEL_W label_w()
#define CELL_W 3 /* columns per quarter */

struct tl_row {
	const char *group; /* a heading: the group's name */
	struct ldr_project *p;
	int violated;      /* starts before something it depends on ends */
	int baseline;      /* the line under p's: what the baseline planned */
};

struct timeline_view {
	struct tl_row *rows;
	size_t n, cap;
	int first_q, nq; /* quarters shown: first (months / 3), how many */
	unsigned shown;  /* the marks the rows use, for the key: 1 << mark */
	struct tui_critical crit;
	/* The baseline chosen with 'b': its name, and its projects by id. */
	char *base_name;
	struct ldr_roadmap base;
	struct ldr_hash base_ids;
};

static const struct tui_column timeline_columns[] = {
	{ "Project", 20, 1 }, { "Start", 8, 0 }, { "End", 8, 0 }, { "Status", 12, 0 },
};

/* How a bar is drawn, by the project's status: a character and a role;
 * then the marks. Each has its words in the key. */
enum tl_mark {
	TL_PROPOSED, TL_PLANNED, TL_IN_PROGRESS, TL_DELIVERED, TL_ON_HOLD, TL_DROPPED,
	TL_OVERDUE, TL_MILESTONE, TL_CHECKPOINT, TL_BASELINE, TL_CRITICAL, TL_NEEDS, TL_NEEDED, TL_BROKEN, TL_NMARKS
};

static const struct {
	const char *ch, *words;
	enum tui_role role;
} marks[TL_NMARKS] = {
	[TL_PROPOSED] = { "\u2504", "proposed", TUI_ROLE_DIM },
	[TL_PLANNED] = { "\u2501", "planned", TUI_ROLE_LABEL },
	[TL_IN_PROGRESS] = { "\u2593", "in progress", TUI_ROLE_AMBER },
	[TL_DELIVERED] = { "\u2588", "delivered", TUI_ROLE_DONE },
	[TL_ON_HOLD] = { "\u2591", "on hold", TUI_ROLE_WARNING },
	[TL_DROPPED] = { "\u2573", "dropped", TUI_ROLE_DIM },
	[TL_OVERDUE] = { "\u00bb", "overdue", TUI_ROLE_ERROR },
	[TL_MILESTONE] = { "\u25c6", "milestone", TUI_ROLE_LABEL },
	[TL_CHECKPOINT] = { "\u2503", "checkpoint", TUI_ROLE_LABEL },
	[TL_BASELINE] = { "\u2508", "baseline", TUI_ROLE_BASELINE },
	[TL_CRITICAL] = { "*", "critical", TUI_ROLE_WARNING },
	[TL_NEEDS] = { "\u25b2", "selected needs it", TUI_ROLE_LABEL },
	[TL_NEEDED] = { "\u25bc", "needs selected", TUI_ROLE_LABEL },
	[TL_BROKEN] = { "!", "starts too early", TUI_ROLE_ERROR },
};

void tui_timeline_key_print(FILE *out)
{
	size_t i;

	fprintf(out, "\nThe Timeline's marks (its key line names those on the screen):\n");
	for (i = 0; i < TL_NMARKS; i++)
		fprintf(out, "  %s  %s\n", marks[i].ch, marks[i].words);
}

/* Whether any of p's milestones has checkpoints (for the key). */
static int has_checkpoints(const struct ldr_project *p)
{
	size_t i;
	for (i = 0; i < p->milestones.len; i++)
		if (LDR_ITEM(p->milestones, struct ldr_milestone, i)->checkpoints.len)
			return 1;
	return 0;
}

static enum tl_mark status_mark(const struct ldr_project *p)
{
	switch (p->status) {
	case LDR_PROJECT_PROPOSED: return TL_PROPOSED;
	case LDR_PROJECT_IN_PROGRESS: return TL_IN_PROGRESS;
	case LDR_PROJECT_DELIVERED: return TL_DELIVERED;
	case LDR_PROJECT_ON_HOLD: return TL_ON_HOLD;
	case LDR_PROJECT_DROPPED: return TL_DROPPED;
	default: return p->delivered.kind ? TL_DELIVERED : TL_PLANNED;
	}
}

/* Overdue at the as-at month: not delivered (nor dropped), and its end
 * has passed. */
static int overdue(const struct ldr_project *p, int as_of)
{
	int first, last;
	enum tl_mark m = status_mark(p);

	return m != TL_DELIVERED && m != TL_DROPPED && ldr_project_span(p, &first, &last) && last < as_of;
}

static struct tl_row *add_row(struct timeline_view *t)
{
	ldr_grow((void **)&t->rows, &t->cap, t->n + 1, sizeof(*t->rows));
	memset(&t->rows[t->n], 0, sizeof(t->rows[0]));
	return &t->rows[t->n++];
}

/* A project and where it goes: the index of its group's heading (the
 * national groups, then the roadmap's own, then no group). */
struct placed {
	struct ldr_project *p;
	size_t heading;
};

/* By group, then start (then file order, for a stable result). */
static int by_group_then_start(const void *a, const void *b)
{
	const struct placed *x = a, *y = b;
	int c;

	if (x->heading != y->heading)
		return x->heading < y->heading ? -1 : 1;
	c = ldr_time_cmp(&x->p->start, &y->p->start);
	return c ? c : (x->p > y->p) - (x->p < y->p);
}

static size_t heading_of(const struct tui_app *app, const char *group)
{
	const struct ldr_national_group *n = group ? ldr_national_group(group) : NULL;
	const char *local;

	if (n)
		return (size_t)(n - ldr_national_groups);
	local = group ? ldr_index_get(&app->ix, &ldr_kind_group, group) : NULL;
	if (local)
		return LDR_NATIONAL_GROUPS +
		       (size_t)(local - (const char *)app->rm.groups.items) / ldr_kind_group.size;
	return LDR_NATIONAL_GROUPS + app->rm.groups.len;
}

static const char *heading_name(const struct tui_app *app, size_t h)
{
	if (h < LDR_NATIONAL_GROUPS)
		return ldr_national_groups[h].name;
	if (h - LDR_NATIONAL_GROUPS < app->rm.groups.len)
		return LDR_ITEM(app->rm.groups, struct ldr_group, h - LDR_NATIONAL_GROUPS)->name;
	return "(no group)";
}

/* Each group's projects under its heading, by start: one sort of all the
 * projects, not a pass over them for each group. */
static void add_groups(struct tui_app *app, struct timeline_view *t)
{
	size_t i, j, n = app->rm.projects.len;
	struct placed *v = ldr_calloc(n + 1, sizeof(*v));

	for (i = 0; i < n; i++) {
		v[i].p = LDR_ITEM(app->rm.projects, struct ldr_project, i);
		v[i].heading = heading_of(app, v[i].p->group);
	}
	qsort(v, n, sizeof(*v), by_group_then_start);
	for (i = 0; i < n; i++) {
		struct tl_row *r;
		if (!i || v[i].heading != v[i - 1].heading)
			add_row(t)->group = heading_name(app, v[i].heading);
		r = add_row(t);
		r->p = v[i].p;
		for (j = 0; j < r->p->depends_on.n; j++) {
			struct ldr_project *d = ldr_index_get(&app->ix, &ldr_kind_project, r->p->depends_on.v[j]);
			r->violated |= d && ldr_project_order_violated(d, r->p);
		}
		t->shown |= 1u << status_mark(r->p) | (r->violated ? 1u << TL_BROKEN : 0) |
			    (overdue(r->p, ldr_time_first(&app->as_of)) ? 1u << TL_OVERDUE : 0) |
			    (r->p->milestones.len ? 1u << TL_MILESTONE : 0) |
			    (has_checkpoints(r->p) ? 1u << TL_CHECKPOINT : 0);
		if (t->base_name) {
			add_row(t)->p = v[i].p;
			t->rows[t->n - 1].baseline = 1;
		}
	}
	free(v);
}

static void timeline_load(struct tui_view *v)
{
	struct timeline_view *t = v->priv ? v->priv : (v->priv = ldr_calloc(1, sizeof(struct timeline_view)));
	struct tui_app *app = v->app;

	t->n = 0;
	t->shown = t->base_name ? 1u << TL_BASELINE : 0;
	tui_critical_stale(&t->crit);
	add_groups(app, t);
	t->first_q = ldr_time_first(&app->rm.footprint.start) / 3;
	t->nq = (ldr_time_last(&app->rm.footprint.end) + 1) / 3 - t->first_q;
	if (t->nq < 1)
		t->nq = 1;
	v->nitems = t->n;
}

static void timeline_cell(struct tui_view *v, size_t item, size_t col, struct ldr_buf *out,
			  enum tui_role *role)
{
	struct tl_row *r = &((struct timeline_view *)v->priv)->rows[item];
	char b[LDR_TIME_STR_MAX];
	if (r->group) {
		if (col == 0)
			ldr_buf_addstr(out, r->group);
		*role = TUI_ROLE_LABEL;
		return;
	}
	if (r->baseline) {
		/* Its project's id, so that a filter keeps the two together. */
		if (col == 0)
			ldr_buf_addf(out, "   %s at %s", r->p->id, ((struct timeline_view *)v->priv)->base_name);
		*role = TUI_ROLE_DIM;
		return;
	}
	if (col == 0)
		ldr_buf_addf(out, "%s %s", r->p->id, r->p->name ? r->p->name : "");
	else if (col == 1 && r->p->start.kind)
		ldr_buf_addstr(out, ldr_time_format(&r->p->start, b));
	else if (col == 2 && r->p->end.kind)
		ldr_buf_addstr(out, ldr_time_format(&r->p->end, b));
	else if (col == 3 && r->p->status)
		ldr_buf_addstr(out, ldr_kind_project.fields[ldr_kind_field(&ldr_kind_project, "status")]
					    .values[r->p->status - 1]);
	if (r->violated)
		*role = TUI_ROLE_ERROR;
}

static int timeline_record(struct tui_view *v, size_t item, const struct ldr_kind **k, void **rec)
{
	struct tl_row *r = &((struct timeline_view *)v->priv)->rows[item];
	if (!r->p)
		return 0;
	*k = &ldr_kind_project;
	*rec = r->p;
	return 1;
}

/* How far right the chart scrolls: until its last quarter is in view. */
static int max_scroll(const struct timeline_view *t)
{
	int fit = (tui_cols() - (LABEL_W + 1)) / CELL_W;
	return t->nq > fit ? t->nq - fit : 0;
}

/* The axis: financial years over quarters. A year's label has the room up
 * to the next year's; one that does not fit there (a year scrolled to its
 * last quarter) is left out rather than drawn over the next. */
static void draw_axis(struct tui_view *v, struct timeline_view *t, int y, int x0, int cols, int now_q)
{
	int q;
	char buf[16];

	tui_fill(y, 0, cols, TUI_ROLE_HEADER);
	tui_fill(y + 1, 0, cols, TUI_ROLE_HEADER);
	tui_text(y, 0, LABEL_W, "Project", TUI_ROLE_HEADER);
	for (q = v->hscroll; q < t->nq; q++) {
		int x = x0 + (q - v->hscroll) * CELL_W, abs_q = t->first_q + q;
		int year = abs_q * 3 / 12, qn = (abs_q * 3 % 12 + 9) / 3 % 4 + 1;
		struct ldr_time fy;
		if (x + CELL_W > cols)
			break;
		if (qn == 1 || q == v->hscroll) {
			int next_x = x + (5 - qn) * CELL_W, room = (next_x < cols ? next_x - 1 : cols) - x;
			fy = ldr_time_year(qn == 1 ? year : ldr_time_fy_of_month(abs_q * 3));
			ldr_time_format(&fy, buf);
			if (tui_width(buf) <= room)
				tui_text_raw(y, x, room, buf, TUI_ROLE_HEADER);
		}
		snprintf(buf, sizeof(buf), "Q%d", qn);
		tui_text(y + 1, x, CELL_W, buf, abs_q == now_q ? TUI_ROLE_NOW : TUI_ROLE_HEADER);
	}
}

/* What a row shows of the selected project: 1 the selected needs it, 2 it
 * needs the selected, 0 neither. */
static int dependency_mark(const struct ldr_project *sel, const struct ldr_project *p)
{
	size_t i;

	if (!sel || sel == p)
		return 0;
	for (i = 0; i < sel->depends_on.n; i++)
		if (!strcmp(sel->depends_on.v[i], p->id))
			return 1;
	for (i = 0; i < p->depends_on.n; i++)
		if (!strcmp(p->depends_on.v[i], sel->id))
			return 2;
	return 0;
}

/* The name column: a mark of dependency on the selected project, then of
 * the critical path or a broken order, then the project. */
static void draw_label(struct tui_view *v, size_t item, int y, int selected, const struct ldr_project *sel)
{
	struct timeline_view *t = v->priv;
	struct tl_row *tr = &t->rows[item];
	struct ldr_buf label = LDR_BUF_INIT;
	enum tui_role role = TUI_ROLE_NORMAL;
	int dep = tr->p && !tr->baseline ? dependency_mark(sel, tr->p) : 0;
	int crit = tr->p && !tr->baseline && tui_critical_on_path(tui_critical_get(v->app, &t->crit), tr->p->id);

	if (tr->p && !tr->baseline) {
		ldr_buf_addstr(&label, dep == 1 ? marks[TL_NEEDS].ch : dep == 2 ? marks[TL_NEEDED].ch : " ");
		ldr_buf_addstr(&label, tr->violated ? marks[TL_BROKEN].ch : crit ? marks[TL_CRITICAL].ch : " ");
	}
	timeline_cell(v, item, 0, &label, &role);
	if (crit && role == TUI_ROLE_NORMAL)
		role = TUI_ROLE_WARNING;
	tui_text(y, 0, LABEL_W, label.s ? label.s : "", selected ? TUI_ROLE_CURSOR : role);
	ldr_buf_release(&label);
}

/* A cell of three columns, each the same character. */
static void draw_cell(int y, int x, const char *ch, const char *first, enum tui_role role)
{
	char buf[16];
	snprintf(buf, sizeof(buf), "%s%s%s", first ? first : ch, ch, ch);
	tui_text(y, x, CELL_W, buf, role);
}

/* The quarters a project runs (first, last), or 0. */
static int quarters_of(const struct ldr_project *p, int *first, int *last)
{
	if (!p || !ldr_project_span(p, first, last))
		return 0;
	*first /= 3;
	*last /= 3;
	return 1;
}

/* A project's bar, by status; overdue, on to the as-at quarter in '»'. Or,
 * on a baseline row, what the baseline planned for it. */
static void draw_bar(struct tui_view *v, struct tl_row *tr, int y, int x0, int now_q)
{
	struct timeline_view *t = v->priv;
	const struct ldr_project *p = tr->p;
	int cols = tui_cols(), q, first = 0, last = -1, late;
	enum tl_mark m = p ? status_mark(p) : TL_PLANNED;

	if (tr->baseline)
		p = ldr_hash_get(&t->base_ids, tr->p->id);
	if (!quarters_of(p, &first, &last) && tr->baseline) {
		tui_text(y, x0, cols - x0, "(not in the baseline)", TUI_ROLE_DIM);
		return;
	}
	late = !tr->baseline && p && overdue(p, ldr_time_first(&v->app->as_of));
	for (q = v->hscroll; q < t->nq; q++) {
		int x = x0 + (q - v->hscroll) * CELL_W, abs_q = t->first_q + q;
		if (x + CELL_W > cols)
			break;
		if (p && abs_q >= first && abs_q <= last && tr->baseline)
			draw_cell(y, x, marks[TL_BASELINE].ch, NULL, marks[TL_BASELINE].role);
		else if (p && abs_q >= first && abs_q <= last)
			draw_cell(y, x, marks[m].ch, abs_q == first && tr->violated ? marks[TL_BROKEN].ch : NULL,
				  late || (abs_q == first && tr->violated) ? TUI_ROLE_ERROR : marks[m].role);
		else if (late && abs_q > last && abs_q <= now_q)
			draw_cell(y, x, marks[TL_OVERDUE].ch, NULL, marks[TL_OVERDUE].role);
		if (abs_q == now_q && !(p && abs_q >= first && abs_q <= last))
			tui_put_char(y, x + 1, "\u2502", TUI_ROLE_NOW);
	}
}

/* One mark in a quarter's cell, if the quarter is in view. */
static void mark_at(struct tui_view *v, const struct ldr_time *at, int y, int x0, enum tl_mark mk, int done)
{
	struct timeline_view *t = v->priv;
	int q = at->kind ? ldr_time_last(at) / 3 : -1, x;

	if (q < t->first_q + v->hscroll)
		return;
	x = x0 + (q - t->first_q - v->hscroll) * CELL_W + 1;
	if (x < tui_cols())
		tui_put_char(y, x, marks[mk].ch, done ? TUI_ROLE_DONE : marks[mk].role);
}

/* On top of the bar: the milestones' checkpoints (a thin tick), then the
 * milestones (a diamond), done ones in the colour of done. */
static void draw_milestones(struct tui_view *v, const struct ldr_project *p, int y, int x0)
{
	size_t i, j;

	for (i = 0; i < p->milestones.len; i++) {
		const struct ldr_milestone *m = LDR_ITEM(p->milestones, struct ldr_milestone, i);
		for (j = 0; j < m->checkpoints.len; j++) {
			const struct ldr_checkpoint *k = LDR_ITEM(m->checkpoints, struct ldr_checkpoint, j);
			mark_at(v, &k->when, y, x0, TL_CHECKPOINT, k->status == LDR_MILESTONE_DONE);
		}
	}
	for (i = 0; i < p->milestones.len; i++) {
		const struct ldr_milestone *m = LDR_ITEM(p->milestones, struct ldr_milestone, i);
		mark_at(v, &m->due, y, x0, TL_MILESTONE, m->status == LDR_MILESTONE_DONE);
	}
}

/* The key: each character the rows drawn use, and what it means, on one
 * line, or more on a terminal too narrow for it (an item is never split):
 * the lines, '\n' between them; how many. */
static int key_text(const struct timeline_view *t, struct ldr_buf *b)
{
	struct ldr_buf item = LDR_BUF_INIT;
	int m, x, lines = 1, cols = tui_cols() - 1;

	ldr_buf_addstr(b, "key:");
	x = 4;
	for (m = 0; m < TL_NMARKS; m++) {
		int w;
		if (!(t->shown & 1u << m))
			continue;
		ldr_buf_reset(&item);
		ldr_buf_addf(&item, "%s %s", marks[m].ch, marks[m].words);
		if (m == TL_BASELINE && t->base_name)
			ldr_buf_addf(&item, " %s", t->base_name);
		w = tui_width(item.s);
		if (x + 2 + w > cols && x > 0) {
			ldr_buf_addch(b, '\n');
			lines++;
			x = 0;
		} else {
			ldr_buf_addstr(b, "  ");
			x += 2;
		}
		ldr_buf_addstr(b, item.s);
		x += w;
	}
	ldr_buf_release(&item);
	return lines;
}

static int key_lines(const struct timeline_view *t)
{
	struct ldr_buf b = LDR_BUF_INIT;
	int n = key_text(t, &b);

	ldr_buf_release(&b);
	return n < 3 ? n : 3;
}

static void draw_key(struct timeline_view *t, int y, int lines)
{
	struct ldr_buf b = LDR_BUF_INIT;
	const char *p;
	int i;

	key_text(t, &b);
	for (p = b.s, i = 0; p && i < lines; i++) {
		const char *nl = strchr(p, '\n');
		char *line = ldr_strndup(p, nl ? (size_t)(nl - p) : strlen(p));
		tui_text(y + i, 0, tui_cols(), line, TUI_ROLE_DIM);
		free(line);
		p = nl ? nl + 1 : NULL;
	}
	ldr_buf_release(&b);
}

/* The marks that follow the selection, for the key: what the selected
 * project needs and what needs it; and the critical path, if any. */
static void selection_marks(struct tui_view *v, const struct ldr_project *sel)
{
	struct timeline_view *t = v->priv;
	const struct ldr_critical *cr = tui_critical_get(v->app, &t->crit);
	const struct ldr_referrer *r;
	size_t i, n;

	t->shown &= ~(1u << TL_NEEDS | 1u << TL_NEEDED | 1u << TL_CRITICAL);
	if (cr && cr->npath)
		t->shown |= 1u << TL_CRITICAL;
	if (!sel)
		return;
	if (sel->depends_on.n)
		t->shown |= 1u << TL_NEEDS;
	r = ldr_index_referrers(&v->app->ix, sel->id, &n);
	for (i = 0; i < n; i++)
		if (r[i].kind == &ldr_kind_project && !strcmp(r[i].field->name, "depends_on"))
			t->shown |= 1u << TL_NEEDED;
}

static void timeline_draw(struct tui_view *v, int y, int height)
{
	struct timeline_view *t = v->priv;
	struct tui_app *app = v->app;
	int cols = tui_cols(), x0 = LABEL_W + 1, r, now_q = ldr_time_first(&app->as_of) / 3;
	const struct ldr_project *sel = v->sel < v->nrows ? t->rows[v->rows[v->sel]].p : NULL;
	int key;

	if (v->hscroll > max_scroll(t))
		v->hscroll = max_scroll(t); /* a wider terminal: no blank quarters */
	if (v->hscroll < 0)
		v->hscroll = 0;
	selection_marks(v, sel);
	key = height > 5 ? key_lines(t) : 0;
	draw_axis(v, t, y, x0, cols, now_q);
	y += 2;
	height -= 2 + key;
	v->body_height = height;
	v->body_y = y;
	tui_view_scroll(v, height);
	for (r = 0; r < height; r++) {
		size_t row = v->top + (size_t)r;
		struct tl_row *tr;

		tui_fill(y + r, 0, cols, TUI_ROLE_NORMAL);
		if (row >= v->nrows)
			continue;
		tr = &t->rows[v->rows[row]];
		draw_label(v, v->rows[row], y + r, row == v->sel, sel);
		if (tr->p) {
			draw_bar(v, tr, y + r, x0, now_q);
			if (!tr->baseline)
				draw_milestones(v, tr->p, y + r, x0);
		} else if (t->first_q + v->hscroll <= now_q) {
			int x = x0 + (now_q - t->first_q - v->hscroll) * CELL_W;
			if (x + CELL_W <= cols)
				tui_put_char(y + r, x + 1, "\u2502", TUI_ROLE_NOW);
		}
	}
	if (key)
		draw_key(t, y + height, key);
}

/* 'b': a baseline to draw under the bars (a tag or any revision; empty:
 * the newest baseline; '-': none). */
static void drop_baseline(struct timeline_view *t)
{
	free(t->base_name);
	t->base_name = NULL;
	ldr_hash_clear(&t->base_ids);
	ldr_roadmap_release(&t->base);
}

static int read_baseline(struct tui_view *v, const char *rev)
{
	struct timeline_view *t = v->priv;
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_commit c;
	struct ldr_diag d;
	size_t i;
	int r = -1;

	memset(&c, 0, sizeof(c));
	ldr_diag_init(&d, rev);
	if (ldr_repo_read_rev(v->app->repo, rev, &text, &c, &err) < 0) {
		tui_app_say(v->app, TUI_ROLE_ERROR, "%s", err.s);
	} else if (drop_baseline(t), ldr_roadmap_read(&t->base, text.s, text.len, &d) < 0) {
		tui_app_say(v->app, TUI_ROLE_ERROR, "%s at %s cannot be read: %s", v->app->path, rev,
			    d.n ? d.v[0].text : "errors");
		ldr_roadmap_release(&t->base);
	} else {
		t->base_name = ldr_strdup(rev);
		for (i = 0; i < t->base.projects.len; i++) {
			struct ldr_project *p = LDR_ITEM(t->base.projects, struct ldr_project, i);
			if (p->id)
				ldr_hash_put(&t->base_ids, p->id, p);
		}
		r = 0;
	}
	ldr_commit_release(&c);
	ldr_diag_release(&d);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	return r;
}

static void choose_baseline(struct tui_view *v)
{
	struct timeline_view *t = v->priv;
	char *s, *rev;

	if (!v->app->repo) {
		tui_app_say(v->app, TUI_ROLE_WARNING, "no repository: no baseline to choose");
		return;
	}
	s = tui_app_prompt(v->app, "baseline under the bars (a tag or any revision; empty: the newest "
			   "baseline; -: none): ", t->base_name ? t->base_name : "");
	if (!s)
		return;
	rev = *s ? ldr_strdup(s) : ldr_repo_newest_baseline(v->app->repo);
	if (!strcmp(s, "-")) {
		drop_baseline(t);
		tui_app_say(v->app, TUI_ROLE_NORMAL, "no baseline drawn");
	} else if (!rev) {
		tui_app_say(v->app, TUI_ROLE_WARNING, "no baseline: 'ldr baseline NAME ROADMAP' marks one");
	} else if (read_baseline(v, rev) == 0) {
		tui_app_say(v->app, TUI_ROLE_NORMAL, "under each bar, what %s planned", rev);
	}
	free(rev);
	free(s);
	timeline_load(v);
	tui_view_refilter(v);
}

static int timeline_handle(struct tui_view *v, enum tui_action a)
{
	struct timeline_view *t = v->priv;
	if (a == TUI_REVIEW_BASELINE) {
		choose_baseline(v);
		return 1;
	}
	if (a == TUI_SCROLL_RIGHT && v->hscroll < max_scroll(t)) {
		v->hscroll++;
		return 1;
	}
	if (a == TUI_SCROLL_RIGHT) {
		tui_app_say(v->app, TUI_ROLE_NORMAL, "the roadmap's last quarter is in view");
		return 1;
	}
	if (a == TUI_SCROLL_LEFT && v->hscroll > 0) {
		v->hscroll--;
		return 1;
	}
	return a == TUI_SCROLL_LEFT || a == TUI_SCROLL_RIGHT;
}

static void timeline_release(struct tui_view *v)
{
	struct timeline_view *t = v->priv;
	if (t) {
		free(t->rows);
		tui_critical_stale(&t->crit);
		drop_baseline(t);
	}
	free(t);
	v->priv = NULL;
}

const struct tui_view_ops tui_timeline_ops = {
	.name = "timeline", .title = "Timeline", .key = TUI_VIEW_TIMELINE,
	.columns = timeline_columns, .ncolumns = LDR_ARRAY_SIZE(timeline_columns),
	.load = timeline_load, .cell = timeline_cell, .record = timeline_record,
	.draw = timeline_draw, .handle = timeline_handle, .release = timeline_release,
};
