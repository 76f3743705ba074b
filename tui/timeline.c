/* The timeline: a text Gantt chart. Rows are the projects under their
 * capability groups; columns are quarters, from the roadmap's start to its
 * end; bars run from start to end, milestones are diamonds, a broken
 * dependency is marked at the bar's start, and the as-at date is a line.
 * Left and right scroll by a quarter. */
#include <stdlib.h>
#include <string.h>

#include "../model/roadmap/national.h"
#include "../model/roadmap/schedule.h"
#include "app.h"
#include "text.h"

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
	int colour;        /* its group's: the group's place among them, cycled */
};

struct timeline_view {
	struct tl_row *rows;
	size_t n, cap;
	int first_q, nq; /* quarters shown: first (months / 3), how many */
};

static const struct tui_column timeline_columns[] = {
	{ "Project", 20, 1 }, { "Start", 8, 0 }, { "End", 8, 0 },
};

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
		/* No group, or one that is not there: the first colour. */
		r->colour = v[i].heading < LDR_NATIONAL_GROUPS + app->rm.groups.len
				    ? (int)(v[i].heading % TUI_GROUP_COLOURS) : 0;
		for (j = 0; j < r->p->depends_on.n; j++) {
			struct ldr_project *d = ldr_index_get(&app->ix, &ldr_kind_project, r->p->depends_on.v[j]);
			r->violated |= d && ldr_project_order_violated(d, r->p);
		}
	}
	free(v);
}

static void timeline_load(struct tui_view *v)
{
	struct timeline_view *t = v->priv ? v->priv : (v->priv = ldr_calloc(1, sizeof(struct timeline_view)));
	struct tui_app *app = v->app;

	t->n = 0;
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
	if (col == 0)
		ldr_buf_addf(out, "%s%s %s", r->violated ? "!" : " ", r->p->id, r->p->name ? r->p->name : "");
	else if (col == 1 && r->p->start.kind)
		ldr_buf_addstr(out, ldr_time_format(&r->p->start, b));
	else if (col == 2 && r->p->end.kind)
		ldr_buf_addstr(out, ldr_time_format(&r->p->end, b));
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

/* One mark in a quarter's cell, if the quarter is in view. */
static void mark(struct tui_view *v, const struct ldr_time *t, int y, int x0, int cols, const char *glyph,
		 enum tui_role role)
{
	struct timeline_view *tv = v->priv;
	int q = t->kind ? ldr_time_last(t) / 3 : -1, x;

	if (q < tv->first_q + v->hscroll)
		return;
	x = x0 + (q - tv->first_q - v->hscroll) * CELL_W + 1;
	if (x < cols)
		tui_put_char(y, x, glyph, role);
}

/* On top of a project's bar: its milestones' checkpoints (a thin tick),
 * then its milestones (a diamond), done ones in the colour of done. */
static void draw_marks(struct tui_view *v, const struct ldr_project *p, int y, int x0, int cols)
{
	size_t i, j;

	for (i = 0; i < p->milestones.len; i++) {
		const struct ldr_milestone *m = LDR_ITEM(p->milestones, struct ldr_milestone, i);
		for (j = 0; j < m->checkpoints.len; j++) {
			const struct ldr_checkpoint *k = LDR_ITEM(m->checkpoints, struct ldr_checkpoint, j);
			mark(v, &k->when, y, x0, cols, "\u2503",
			     k->status == LDR_MILESTONE_DONE ? TUI_ROLE_DONE : TUI_ROLE_LABEL);
		}
	}
	for (i = 0; i < p->milestones.len; i++) {
		const struct ldr_milestone *m = LDR_ITEM(p->milestones, struct ldr_milestone, i);
		mark(v, &m->due, y, x0, cols, "\u25c6",
		     m->status == LDR_MILESTONE_DONE ? TUI_ROLE_DONE : TUI_ROLE_LABEL);
	}
}

static void timeline_draw(struct tui_view *v, int y, int height)
{
	struct timeline_view *t = v->priv;
	struct tui_app *app = v->app;
	int cols = tui_cols(), x0 = LABEL_W + 1, r, now_q = ldr_time_first(&app->as_of) / 3;

	if (v->hscroll > max_scroll(t))
		v->hscroll = max_scroll(t); /* a wider terminal: no blank quarters */
	if (v->hscroll < 0)
		v->hscroll = 0;
	draw_axis(v, t, y, x0, cols, now_q);
	y += 2;
	height -= 2;
	v->body_height = height;
	v->body_y = y;
	tui_view_scroll(v, height);
	for (r = 0; r < height; r++) {
		size_t row = v->top + (size_t)r;
		struct tl_row *tr;
		struct ldr_buf label = LDR_BUF_INIT;
		enum tui_role role = TUI_ROLE_NORMAL;
		int q, first = 0, last = -1;

		tui_fill(y + r, 0, cols, TUI_ROLE_NORMAL);
		if (row >= v->nrows)
			continue;
		tr = &t->rows[v->rows[row]];
		timeline_cell(v, v->rows[row], 0, &label, &role);
		tui_text(y + r, 0, LABEL_W, label.s ? label.s : "", row == v->sel ? TUI_ROLE_CURSOR : role);
		ldr_buf_release(&label);
		if (tr->p && ldr_project_span(tr->p, &first, &last)) {
			first /= 3;
			last /= 3;
		}
		for (q = v->hscroll; q < t->nq; q++) {
			int x = x0 + (q - v->hscroll) * CELL_W, abs_q = t->first_q + q;
			if (x + CELL_W > cols)
				break;
			if (tr->p && abs_q >= first && abs_q <= last) {
				/* A bar in the project's group colour; a broken
				 * dependency marked where the bar starts. */
				int broken = abs_q == first && tr->violated;
				tui_text(y + r, x, CELL_W, broken ? "!\u2501\u2501" : "\u2501\u2501\u2501",
					 broken ? TUI_ROLE_ERROR : (enum tui_role)(TUI_ROLE_GROUP0 + tr->colour));
			} else if (abs_q == now_q) {
				tui_put_char(y + r, x + 1, "\u2502", TUI_ROLE_NOW);
			}
		}
		if (tr->p)
			draw_marks(v, tr->p, y + r, x0, cols);
	}
}

static int timeline_handle(struct tui_view *v, enum tui_action a)
{
	struct timeline_view *t = v->priv;
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
	if (t)
		free(t->rows);
	free(t);
	v->priv = NULL;
}

const struct tui_view_ops tui_timeline_ops = {
	.name = "timeline", .title = "Timeline", .key = TUI_VIEW_TIMELINE,
	.columns = timeline_columns, .ncolumns = LDR_ARRAY_SIZE(timeline_columns),
	.load = timeline_load, .cell = timeline_cell, .record = timeline_record,
	.draw = timeline_draw, .handle = timeline_handle, .release = timeline_release,
};
