/* The Gantt chart (SVG): projects, or with --capabilities the Annex 2
 * capabilities, in swimlanes by capability group under a two-band axis of
 * financial years over quarters. Made to show a board, at a glance, what is
 * late and what moved:
 *
 * - A bar runs from the first month of its start to the last of its end; a
 *   capability's bar is the year (or quarter, or month) it is deployed in.
 *   Status is shown by colour and by pattern or lightness, never colour alone.
 * - A record past its planned end and not delivered as at the as-at date is
 *   overdue ('ldr check' says the same): its bar has a red outline and a
 *   hatched tail from its planned end to the as-at line, and the words
 *   "overdue 5Q" after it.
 * - Against a baseline, the baselined bar is a ghost behind and below the
 *   bar, and a record whose end moved is labelled "+2Q" ("-1Q", "+5 mo" for
 *   months); records added since are marked "new", records removed since
 *   are rows of their own with the ghost alone.
 * - Delivered records show when: a dot at the actual date (never after the
 *   as-at line), and the date written after the bar.
 * - Dates the roadmap marks as derived are marked '*' after the id.
 * - Milestones are diamonds on lines under their bar, each labelled with
 *   its id and, where there is room, what it is; those due together are
 *   stacked; an overdue one is outlined in red and says so.
 * - Dependencies are arrows that leave the predecessor's end, run in the
 *   gutter between rows with rounded elbows and come down (or up) into the
 *   successor's start, under the bars; red where the successor starts before
 *   its predecessor ends (model/roadmap/schedule.h), and listed in the key. By
 *   default only those are drawn (--deps).
 * - A vertical line marks the "as at" date (the end of that period).
 * - The key shows what the chart draws and nothing else.
 *
 * The page is A3 landscape (or A4, --page) while the rows fit at a readable
 * size (row height >= 4 mm, text >= 7 pt); a longer roadmap makes a taller
 * page of the same width. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/base/hash.h"
#include "../../model/roadmap/schedule.h"
#include "chart.h"
#include "../base/common.h"
#include "../base/export.h"
#include "gantt.h"
#include "../base/svg.h"
#include "svgcharts.h"

/* ---- rows --------------------------------------------------------------- */

static int row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if (x->has_span != y->has_span)
		return x->has_span ? -1 : 1;
	if (x->has_span && x->first != y->first)
		return x->first < y->first ? -1 : 1;
	if (x->has_span && x->last != y->last)
		return x->last < y->last ? -1 : 1;
	if (x->removed != y->removed)
		return x->removed ? 1 : -1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static void set_capability(struct gantt *g, struct row *r, const struct ldr_capability *c)
{
	r->c = c;
	r->group = ldr_chart_group(&g->groups, c->group);
	if (c->year.kind != LDR_TIME_NONE) {
		r->has_span = 1;
		r->first = ldr_time_first(&c->year);
		r->last = ldr_time_last(&c->year);
	}
}

static void set_project(struct gantt *g, struct row *r, const struct ldr_project *p)
{
	r->p = p;
	r->group = ldr_chart_group(&g->groups, p->group);
	r->has_span = ldr_project_span(p, &r->first, &r->last);
}

static size_t record_count(const struct gantt *g, const struct ldr_roadmap *rm)
{
	return rm ? (g->opts->capabilities ? rm->capabilities.len : rm->projects.len) : 0;
}

/* The i-th record (project or capability) of rm into a new row. */
static struct row *add_row(struct gantt *g, const struct ldr_roadmap *rm, size_t i)
{
	struct row *r = &g->rows[g->nrows++];

	memset(r, 0, sizeof(*r));
	r->order = g->nrows - 1;
	if (g->opts->capabilities)
		set_capability(g, r, LDR_ITEM(rm->capabilities, struct ldr_capability, i));
	else
		set_project(g, r, LDR_ITEM(rm->projects, struct ldr_project, i));
	return r;
}

/* Rows for the records the baseline has and the roadmap does not. */
static void add_removed(struct gantt *g)
{
	const struct ldr_roadmap *base = g->opts->baseline;
	struct ldr_hash now = LDR_HASH_INIT;
	size_t i, n = record_count(g, g->rm);

	for (i = 0; i < n; i++) {
		const struct row *r = &g->rows[i];
		if (gantt_row_id(r))
			ldr_hash_put(&now, gantt_row_id(r), (void *)1);
	}
	for (i = 0; i < record_count(g, base); i++) {
		const char *id = g->opts->capabilities ? LDR_ITEM(base->capabilities, struct ldr_capability, i)->id
						       : LDR_ITEM(base->projects, struct ldr_project, i)->id;
		if (id && !ldr_hash_get(&now, id))
			add_row(g, base, i)->removed = 1;
	}
	ldr_hash_clear(&now);
}

static void collect_rows(struct gantt *g)
{
	const struct ldr_roadmap *rm = g->rm;
	size_t i, n = record_count(g, rm) + record_count(g, g->opts->baseline);

	g->rows = ldr_calloc(n ? n : 1, sizeof(*g->rows));
	for (i = 0; i < record_count(g, rm); i++)
		add_row(g, rm, i);
	if (g->opts->baseline)
		add_removed(g);
	qsort(g->rows, g->nrows, sizeof(*g->rows), row_cmp);
	for (i = 0; i < g->nrows; i++)
		if (gantt_row_id(&g->rows[i]) && !g->rows[i].removed)
			ldr_hash_put(&g->ids, gantt_row_id(&g->rows[i]), (void *)(uintptr_t)(i + 1));
	for (i = 0; g->opts->capabilities && i < rm->projects.len; i++) {
		struct ldr_project *p = LDR_ITEM(rm->projects, struct ldr_project, i);
		if (p->id)
			ldr_hash_put(&g->projects, p->id, p);
	}
}

static void index_baseline(struct gantt *g)
{
	const struct ldr_roadmap *base = g->opts->baseline;
	size_t i;

	for (i = 0; i < record_count(g, base); i++) {
		void *rec = g->opts->capabilities ? (void *)LDR_ITEM(base->capabilities, struct ldr_capability, i)
						  : (void *)LDR_ITEM(base->projects, struct ldr_project, i);
		const char *id = g->opts->capabilities ? ((struct ldr_capability *)rec)->id
						       : ((struct ldr_project *)rec)->id;
		if (id)
			ldr_hash_put(&g->baseline, id, rec);
	}
}

const void *ldr_gantt_baseline_rec(const struct gantt *g, const struct row *r)
{
	const char *id = gantt_row_id(r);
	return id && g->opts->baseline ? ldr_hash_get(&g->baseline, id) : NULL;
}

int ldr_gantt_baseline_span(const struct gantt *g, const struct row *r, int *first, int *last)
{
	const void *rec = ldr_gantt_baseline_rec(g, r);

	if (!rec)
		return 0;
	if (r->p)
		return ldr_project_span(rec, first, last);
	{
		const struct ldr_capability *c = rec;
		if (c->year.kind == LDR_TIME_NONE)
			return 0;
		*first = ldr_time_first(&c->year);
		*last = ldr_time_last(&c->year);
		return 1;
	}
}

static const struct ldr_time *project_due(const struct ldr_project *p)
{
	const struct ldr_time *t = p->end.kind ? &p->end : &p->start;
	return t->kind ? t : NULL;
}

const struct ldr_time *ldr_gantt_due(const struct row *r)
{
	if (r->removed)
		return NULL;
	if (r->p)
		return project_due(r->p);
	return r->c->year.kind ? &r->c->year : NULL;
}

const struct ldr_time *ldr_gantt_baseline_due(const struct gantt *g, const struct row *r)
{
	const void *rec = ldr_gantt_baseline_rec(g, r);

	if (!rec)
		return NULL;
	if (r->p)
		return project_due(rec);
	return ((const struct ldr_capability *)rec)->year.kind ? &((const struct ldr_capability *)rec)->year : NULL;
}

int ldr_gantt_delivered(const struct row *r)
{
	if (r->p)
		return r->p->status == LDR_PROJECT_DELIVERED || r->p->delivered.kind;
	return r->c->status == LDR_CAP_DELIVERED || r->c->delivered.kind;
}

int ldr_gantt_dropped(const struct row *r)
{
	return r->p ? r->p->status == LDR_PROJECT_DROPPED : r->c->status == LDR_CAP_DROPPED;
}

int ldr_gantt_derived(const struct row *r)
{
	if (r->p)
		return ldr_chart_derived(&r->p->derived, "start") || ldr_chart_derived(&r->p->derived, "end");
	return ldr_chart_derived(&r->c->derived, "year");
}

/* ---- the horizon and the page ------------------------------------------- */

static void widen(int *lo, int *hi, int first, int last)
{
	if (first < *lo)
		*lo = first;
	if (last > *hi)
		*hi = last;
}

static void widen_time(int *lo, int *hi, const struct ldr_time *t)
{
	if (t->kind != LDR_TIME_NONE)
		widen(lo, hi, ldr_time_first(t), ldr_time_last(t));
}

static void widen_milestone(int *lo, int *hi, const struct ldr_milestone *m)
{
	size_t k;
	widen_time(lo, hi, &m->due);
	for (k = 0; k < m->checkpoints.len; k++)
		widen_time(lo, hi, &LDR_ITEM(m->checkpoints, struct ldr_checkpoint, k)->when);
}

static void horizon(struct gantt *g)
{
	const struct ldr_footprint *f = &g->rm->footprint;
	int lo = 1 << 30, hi = -(1 << 30), a, b;
	size_t i, j;

	widen_time(&lo, &hi, &f->start);
	widen_time(&lo, &hi, &f->end);
	for (i = 0; i < g->nrows; i++) {
		const struct row *r = &g->rows[i];
		if (r->has_span)
			widen(&lo, &hi, r->first, r->last);
		if (ldr_gantt_baseline_span(g, r, &a, &b))
			widen(&lo, &hi, a, b);
		if (r->p) {
			for (j = 0; j < r->p->milestones.len; j++)
				widen_milestone(&lo, &hi, LDR_ITEM(r->p->milestones, struct ldr_milestone, j));
			widen_time(&lo, &hi, &r->p->delivered);
		} else {
			widen_time(&lo, &hi, &r->c->delivered);
		}
	}
	if (lo > hi) { /* nothing dated at all: the year of the as-at date */
		lo = g->opts->as_of.kind != LDR_TIME_NONE ? ldr_time_first(&g->opts->as_of) : 2016 * 12;
		hi = lo;
	}
	g->fy0 = ldr_time_fy_of_month(lo);
	g->nfy = ldr_time_fy_of_month(hi) - g->fy0 + 1;
	g->m0 = ldr_chart_fy_first_month(g->fy0);
	g->m1 = g->m0 + 12 * g->nfy;
}

double ldr_gantt_as_at_x(const struct gantt *g)
{
	int m;

	if (g->opts->as_of.kind == LDR_TIME_NONE)
		return -1;
	m = ldr_time_last(&g->opts->as_of) + 1;
	return m < g->m0 || m > g->m1 ? -1 : gantt_x(g, m);
}

void ldr_gantt_row_label(const struct row *r, struct ldr_buf *t)
{
	ldr_buf_reset(t);
	if (r->p) {
		ldr_buf_addstr(t, r->p->name ? r->p->name : "");
	} else {
		ldr_buf_addstr(t, r->c->who ? r->c->who : "");
		ldr_buf_addstr(t, ": ");
		ldr_buf_addstr(t, r->c->what ? r->c->what : "");
	}
	if (!t->s)
		ldr_buf_add(t, "", 0);
}

void ldr_gantt_row_id(const struct row *r, struct ldr_buf *t)
{
	ldr_buf_reset(t);
	ldr_buf_addstr(t, gantt_row_id(r) ? gantt_row_id(r) : "");
	if (ldr_gantt_derived(r))
		ldr_buf_addch(t, '*');
	if (!t->s)
		ldr_buf_add(t, "", 0);
}

double ldr_gantt_row_height(const struct row *r, double rh)
{
	double under = r->ms_lines * MS_LINE, label = (r->label_lines - 1) * LABEL_LEAD;
	return rh + (under > label ? under : label);
}

/* How wide a row's label is on one line. */
static double label_width(const struct row *r, struct ldr_buf *t)
{
	double w;
	ldr_gantt_row_id(r, t);
	w = ldr_svg_width(t->s, FONT, 1) + ldr_svg_width(" ", FONT, 0);
	ldr_gantt_row_label(r, t);
	return w + ldr_svg_width(t->s, FONT, 0);
}

/* The label column: as wide as the longest label needs, within limits; a
 * label longer than that takes two lines. */
static void size_labels(struct gantt *g)
{
	struct ldr_buf t = LDR_BUF_INIT;
	double w = LABEL_MIN, max = g->page.w * LABEL_SHARE;
	size_t i;

	for (i = 0; i < g->nrows; i++) {
		double lw = label_width(&g->rows[i], &t) + 1;
		if (lw > w)
			w = lw;
	}
	g->label_x = MARGIN + GROUP_W + 1.5;
	g->label_w = w > max ? max : w;
	for (i = 0; i < g->nrows; i++)
		g->rows[i].label_lines = label_width(&g->rows[i], &t) > g->label_w - 1 ? 2 : 1;
	ldr_buf_release(&t);
	g->x0 = g->label_x + g->label_w + 1.5;
	g->x1 = g->page.w - MARGIN;
}

/* How many lines the group's name takes in the group column. */
static int name_lines(const char *name, int max)
{
	size_t next, off = 0;
	int n = 0;

	while (name[off] && n < max) {
		ldr_svg_wrap(name + off, FONT, 1, GROUP_W - 4, &next);
		off += next ? next : strlen(name + off);
		n++;
	}
	return n ? n : 1;
}

static void make_lanes(struct gantt *g)
{
	size_t i = 0;

	g->lanes = ldr_calloc(g->groups.n + 1, sizeof(*g->lanes));
	while (i < g->nrows) {
		struct lane *l = &g->lanes[g->nlanes++];
		l->group = g->rows[i].group;
		l->first = i;
		while (i < g->nrows && g->rows[i].group == l->group)
			i++;
		l->n = i - l->first;
		l->lines = name_lines(g->groups.v[l->group].name, 4);
	}
}

static double lane_rows(const struct gantt *g, const struct lane *l, double rh)
{
	double h = 0;
	size_t j;

	for (j = 0; j < l->n; j++)
		h += ldr_gantt_row_height(&g->rows[l->first + j], rh);
	return h;
}

static double lane_height(const struct gantt *g, const struct lane *l, double rh)
{
	double need = l->lines * FONT * 1.2 + 2.0, h = lane_rows(g, l, rh);
	return h < need ? need : h;
}

/* Each row's band in its lane, the bar's centre in the upper part of it
 * (raised a little with a baseline, whose ghost sits lower). */
static double place_rows(struct gantt *g, struct lane *l, double y)
{
	double pad, top;
	size_t j;

	l->y = y;
	l->h = lane_height(g, l, g->rh);
	pad = (l->h - lane_rows(g, l, g->rh)) / 2;
	top = y + pad;
	for (j = 0; j < l->n; j++) {
		struct row *r = &g->rows[l->first + j];
		r->top = top;
		r->h = ldr_gantt_row_height(r, g->rh);
		r->y = top + g->rh / 2 - (g->opts->baseline ? g->bh * 0.2 : 0);
		top += r->h;
	}
	return y + l->h;
}

/* The row height: as tall as fits the page, down to ROW_MIN; below that the
 * page grows. */
static void layout(struct gantt *g, double legend_h)
{
	double avail = g->page.h - TOP - legend_h - MARGIN - 4, total = 0, y;
	size_t i;

	for (g->rh = ROW_MAX; g->rh > ROW_MIN; g->rh -= 0.1) {
		for (total = 0, i = 0; i < g->nlanes; i++)
			total += lane_height(g, &g->lanes[i], g->rh);
		if (total <= avail)
			break;
	}
	if (g->rh < ROW_MIN)
		g->rh = ROW_MIN;
	g->rh = ldr_svg_r(g->rh);
	g->bh = g->rh * (g->opts->baseline ? 0.5 : 0.6);
	g->top = TOP;
	y = g->top;
	for (i = 0; i < g->nlanes; i++)
		y = place_rows(g, &g->lanes[i], y);
	if (!g->nlanes)
		y += 12; /* room to say there is nothing */
	g->bottom = y;
	g->height = y + legend_h + MARGIN + 4;
	if (g->height < g->page.h)
		g->height = g->page.h;
}

/* ---- drawing ------------------------------------------------------------ */

static void defs(struct ldr_buf *b)
{
	ldr_buf_addstr(b,
		"<defs>\n"
		"<pattern id=\"pat-prog\" width=\"1.4\" height=\"1.4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
		"<rect width=\"1.4\" height=\"1.4\" fill=\"#cfe6f5\"/><rect width=\"0.6\" height=\"1.4\" fill=\"#0072b2\"/></pattern>\n"
		"<pattern id=\"pat-dots\" width=\"1.2\" height=\"1.2\" patternUnits=\"userSpaceOnUse\">"
		"<rect width=\"1.2\" height=\"1.2\" fill=\"#ffffff\"/><circle cx=\"0.6\" cy=\"0.6\" r=\"0.25\" fill=\"#0072b2\"/></pattern>\n"
		"<pattern id=\"pat-hold\" width=\"1.4\" height=\"1.4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
		"<rect width=\"1.4\" height=\"1.4\" fill=\"#f6d38c\"/><rect width=\"0.4\" height=\"1.4\" fill=\"#a86b00\"/>"
		"<rect width=\"1.4\" height=\"0.4\" fill=\"#a86b00\"/></pattern>\n"
		"<pattern id=\"pat-drop\" width=\"1.2\" height=\"1.0\" patternUnits=\"userSpaceOnUse\">"
		"<rect width=\"1.2\" height=\"1.0\" fill=\"#e6e6e6\"/><rect y=\"0.4\" width=\"1.2\" height=\"0.25\" fill=\"#7f7f7f\"/></pattern>\n"
		/* Overdue: dense dark-red stripes the other way, dark in grey-scale too. */
		"<pattern id=\"pat-late\" width=\"1.1\" height=\"1.1\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\">"
		"<rect width=\"1.1\" height=\"1.1\" fill=\"#ffffff\"/><rect width=\"0.55\" height=\"1.1\" fill=\"" LDR_ALERT "\"/></pattern>\n"
		"</defs>\n");
}

static void axis(struct gantt *g)
{
	struct ldr_buf *b = g->b;
	double *xs = ldr_calloc((size_t)g->nfy + 1, sizeof(double));
	double qy = g->top - QUARTER_BAND, yy = qy - YEAR_BAND;
	int i, q;

	for (i = 0; i <= g->nfy; i++)
		xs[i] = gantt_x(g, g->m0 + 12 * i);
	ldr_chart_years(b, g->fy0, g->nfy, xs, yy, YEAR_BAND, g->bottom, FONT);
	ldr_buf_addstr(b, "<g class=\"quarters\">\n");
	for (i = 0; i < g->nfy; i++) {
		for (q = 0; q < 4; q++) {
			int m = g->m0 + 12 * i + 3 * q;
			double x = gantt_x(g, m), w = gantt_x(g, m + 3) - x;
			char label[4] = { 'Q', (char)('1' + q), '\0', '\0' };
			ldr_svg_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"0.2\"/>\n",
				     ldr_svg_r(x), ldr_svg_r(qy), ldr_svg_r(w), QUARTER_BAND, LDR_RULE);
			if (q)
				ldr_svg_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#dcdcdc\" stroke-width=\"0.15\"/>\n",
					     ldr_svg_r(x), ldr_svg_r(g->top), ldr_svg_r(x), ldr_svg_r(g->bottom));
			if (ldr_svg_width(label, SMALL, 0) + 0.6 <= w)
				ldr_svg_text(b, x + w / 2, qy + QUARTER_BAND / 2 + SMALL * 0.36, SMALL,
					     "text-anchor=\"middle\" fill=\"" LDR_MUTED "\"", label, 0);
		}
	}
	for (i = 0; i <= g->nfy; i++)
		ldr_svg_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#9a9a9a\" stroke-width=\"0.25\"/>\n",
			     ldr_svg_r(xs[i]), ldr_svg_r(yy), ldr_svg_r(xs[i]), ldr_svg_r(g->bottom));
	ldr_buf_addstr(b, "</g>\n");
	free(xs);
}

static void lane_name(struct gantt *g, const struct lane *l, const char *name)
{
	struct ldr_buf *b = g->b;
	size_t off = 0, next, n;
	int line;
	double ty = l->y + (l->h - (double)l->lines * FONT * 1.2) / 2 + FONT * 0.95;

	for (line = 0; line < l->lines && name[off]; line++) {
		int last = line == l->lines - 1;
		ldr_svg_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\" font-weight=\"bold\">",
			     MARGIN + 2.8, ldr_svg_r(ty + line * FONT * 1.2), FONT);
		n = ldr_svg_wrap(name + off, FONT, 1, GROUP_W - 4, &next);
		if (last && name[off + next]) {
			ldr_svg_title(b, name);
			ldr_svg_add_fit(b, name + off, FONT, 1, GROUP_W - 4);
		} else {
			ldr_svg_esc_n(b, name + off, n, 0);
		}
		ldr_buf_addstr(b, "</text>\n");
		off += next ? next : strlen(name + off);
	}
}

static void lanes(struct gantt *g)
{
	struct ldr_buf *b = g->b;
	size_t i;

	ldr_buf_addstr(b, "<g class=\"lanes\">\n");
	for (i = 0; i < g->nlanes; i++) {
		const struct lane *l = &g->lanes[i];
		const struct ldr_chart_group *grp = &g->groups.v[l->group];
		ldr_svg_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
			     MARGIN, ldr_svg_r(l->y), ldr_svg_r(g->x0 - MARGIN), ldr_svg_r(l->h),
			     i % 2 ? "#f4f4f4" : "#ffffff");
		ldr_svg_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"1.6\" height=\"%.1f\" fill=\"%s\"/>\n",
			     MARGIN, ldr_svg_r(l->y + 0.3), ldr_svg_r(l->h - 0.6), grp->colour);
		lane_name(g, l, grp->name);
	}
	ldr_buf_addstr(b, "</g>\n");
}

/* The rules between lanes, over the shading of the years. */
static void lane_rules(struct gantt *g)
{
	struct ldr_buf *b = g->b;
	size_t i;

	ldr_buf_addstr(b, "<g class=\"lane-rules\">\n");
	for (i = 0; i < g->nlanes; i++) {
		const struct lane *l = &g->lanes[i];
		ldr_svg_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#8c8c8c\" stroke-width=\"0.3\"/>\n",
			     MARGIN, ldr_svg_r(l->y + l->h), ldr_svg_r(g->x1), ldr_svg_r(l->y + l->h));
	}
	if (g->nlanes)
		ldr_svg_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#8c8c8c\" stroke-width=\"0.3\"/>\n",
			     MARGIN, ldr_svg_r(g->top), ldr_svg_r(g->x1), ldr_svg_r(g->top));
	ldr_buf_addstr(b, "</g>\n");
}

/* ---- the document ------------------------------------------------------- */

static size_t count_overdue(const struct gantt *g)
{
	size_t i, n = 0;
	for (i = 0; i < g->nrows; i++)
		n += g->rows[i].overdue != 0;
	return n;
}

/* What the rows are: capabilities, or projects (a programme plan's
 * programmes). */
static const char *rows_are(const struct gantt *g)
{
	return g->opts->capabilities ? "capabilities" : ldr_roadmap_is_programme(g->rm) ? "programmes" : "projects";
}

static void describe(const struct gantt *g, struct ldr_buf *title, struct ldr_buf *desc)
{
	int programme = ldr_roadmap_is_programme(g->rm);
	const char *what = rows_are(g);
	char s[LDR_TIME_STR_MAX];

	ldr_export_title(title, g->rm);
	ldr_svg_addf(title, ": %s by %sgroup", what, programme ? "" : "capability ");
	ldr_svg_addf(desc, "Gantt chart of %zu %s in %zu capability groups, by financial year and "
		     "quarter (Q1 = April to June), as at %s; %zu overdue (a red outline, a hatched "
		     "tail to the as-at line and the word overdue). Bars run from the start to the "
		     "end of each %s; status is shown by fill pattern as well as colour; an asterisk "
		     "after an id marks dates derived rather than read from the source; arrows are "
		     "dependencies, red where the order is violated.",
		     g->nrows, what, g->nlanes, ldr_time_format(&g->opts->as_of, s), count_overdue(g),
		     g->opts->capabilities ? "capability's year" : "project");
	if (g->opts->baseline)
		ldr_buf_addstr(desc, " Grey ghosts behind the bars are the baseline plan; a label such "
			       "as +2Q says how far a planned end moved since.");
}

static void heading(struct gantt *g, const struct ldr_buf *title)
{
	struct ldr_buf sub = LDR_BUF_INIT;
	const struct ldr_footprint *f = &g->rm->footprint;
	char s[LDR_TIME_STR_MAX];
	size_t late = count_overdue(g);

	if (f->version)
		ldr_svg_addf(&sub, "Version %s; ", f->version);
	ldr_svg_addf(&sub, "%zu %s in %zu groups; as at %s", g->nrows, rows_are(g), g->nlanes,
		     ldr_time_format(&g->opts->as_of, s));
	if (late)
		ldr_svg_addf(&sub, "; %zu overdue", late);
	if (g->violations)
		ldr_svg_addf(&sub, "; %zu out of order (in red)", g->violations);
	if (g->opts->baseline)
		ldr_svg_addf(&sub, "; baseline: %s", g->opts->baseline_name ? g->opts->baseline_name : "(an earlier plan)");
	ldr_chart_heading(g->b, title->s, sub.s, MARGIN, g->page.w - 2 * MARGIN);
	ldr_buf_release(&sub);
}

static void release(struct gantt *g)
{
	ldr_chart_groups_release(&g->groups);
	ldr_hash_clear(&g->ids);
	ldr_hash_clear(&g->baseline);
	ldr_hash_clear(&g->projects);
	ldr_buf_release(&g->bad);
	free(g->rows);
	free(g->lanes);
	ldr_gantt_free_milestones(g);
}

/* Everything but the drawing: rows, what they show, where they go. */
static void prepare(struct gantt *g)
{
	ldr_chart_page(g->opts, &g->page);
	ldr_chart_groups_init(&g->groups, g->rm);
	collect_rows(g);
	index_baseline(g);
	horizon(g);
	size_labels(g);
	ldr_gantt_survey(g);
	ldr_gantt_count_violations(g);
	ldr_gantt_place_milestones(g);
	make_lanes(g);
	layout(g, ldr_gantt_legend(g, 0, 0));
}

static void draw_rows(struct gantt *g, struct ldr_buf *t)
{
	size_t i;

	ldr_buf_addstr(g->b, "<g class=\"rows\">\n");
	for (i = 0; i < g->nrows; i++) {
		ldr_gantt_label(g, &g->rows[i], t);
		ldr_gantt_bar(g, &g->rows[i], t);
		ldr_gantt_milestones(g, &g->rows[i], t);
	}
	ldr_buf_addstr(g->b, "</g>\n");
}

int ldr_gantt_build(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, struct ldr_buf *b)
{
	struct gantt g;
	struct ldr_buf title = LDR_BUF_INIT, desc = LDR_BUF_INIT, t = LDR_BUF_INIT;

	memset(&g, 0, sizeof(g));
	g.rm = rm;
	g.opts = opts;
	g.b = b;
	prepare(&g);
	describe(&g, &title, &desc);

	ldr_svg_begin(b, g.page.w, g.height, title.s, desc.s);
	defs(b);
	ldr_svg_addf(b, "<rect width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\"/>\n", g.page.w, ldr_svg_r(g.height));
	heading(&g, &title);
	lanes(&g);
	axis(&g);
	lane_rules(&g);
	ldr_gantt_arrows(&g); /* under the bars */
	draw_rows(&g, &t);
	if (!g.nrows)
		ldr_svg_text(b, g.x0 + 3, g.top + 7, FONT * 1.2, "fill=\"" LDR_MUTED "\"",
			     opts->capabilities ? "This roadmap has no capabilities."
					        : "This roadmap has no projects (its capabilities: ldr export gantt --capabilities).", 0);
	ldr_gantt_as_at(&g);
	ldr_gantt_legend(&g, g.bottom + 1, 1);
	ldr_chart_footer(b, rm, opts, g.opts->capabilities ? "Capability Gantt chart"
				      : ldr_roadmap_is_programme(rm) ? "Programme Gantt chart" : "Project Gantt chart", 1,
			 g.page.w, g.height);
	ldr_svg_end(b);

	ldr_buf_release(&title);
	ldr_buf_release(&desc);
	ldr_buf_release(&t);
	release(&g);
	return 0;
}
