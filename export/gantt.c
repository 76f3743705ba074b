/* The Gantt chart (SVG): projects, or with --capabilities the Annex 2
 * capabilities, in swimlanes by capability group under a two-band axis of
 * financial years over quarters.
 *
 * - A bar runs from the first month of its start to the last of its end; a
 *   capability's bar is the year (or quarter, or month) it is deployed in.
 * - Status is shown by colour and by pattern or lightness, never colour alone.
 * - Dates the roadmap marks as derived have a dashed outline, and the bar's
 *   <title> says which are derived.
 * - Milestones are diamonds at the end of the period they are due in.
 * - Dependencies are orthogonal arrows from the predecessor's end to the
 *   successor's start, red where the order is violated as 'ldr check' sees
 *   it (model/schedule.h).
 * - With a baseline, the baselined bar is drawn thin under the current one
 *   and a whisker joins the two ends when the end has moved.
 * - A vertical line marks the "as at" date (the end of that period).
 *
 * The page is A3 landscape (420 x 297 mm) while the rows fit at a readable
 * size (row height >= 4 mm, text >= 7 pt); a longer roadmap makes a taller
 * page of the same width. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/hash.h"
#include "../model/schedule.h"
#include "../model/schema.h"
#include "chart.h"
#include "export.h"
#include "svgcharts.h"
#include "svg.h"

#define MARGIN 8.0
#define GROUP_W 36.0     /* the group column */
#define LABEL_MIN 30.0   /* the label column, at least and at most */
#define LABEL_MAX 130.0
#define TOP 33.0         /* title, subtitle and the two axis bands above the rows */
#define YEAR_BAND 5.0
#define QUARTER_BAND 4.0
#define ROW_MAX 6.5
#define ROW_MIN 4.0
#define FONT 2.6         /* 7.4 pt */
#define SMALL 2.5        /* 7.1 pt: the smallest text on the page */
#define STUB 1.5         /* arrows leave bars horizontally for this long */
#define BACK 3.0         /* and enter them for this long when they must turn back */

struct style {
	const char *name, *fill, *stroke;
};

/* By status (index = enum value; 0 = unset). Solid light, solid dark,
 * hatched, dotted, cross-hatched and struck-through fills tell the statuses
 * apart without colour. */
static const struct style project_styles[] = {
	{ "no status", "#ffffff", "#7f7f7f" },
	{ "proposed", "url(#pat-dots)", "#7f7f7f" },
	{ "planned", "#cfe6f5", "#0072b2" },
	{ "in progress", "url(#pat-prog)", "#0072b2" },
	{ "delivered", "#009e73", "#00664b" },
	{ "on hold", "url(#pat-hold)", "#a86b00" },
	{ "dropped", "url(#pat-drop)", "#7f7f7f" },
};
static const struct style capability_styles[] = {
	{ "no status", "#ffffff", "#7f7f7f" },
	{ "firm", "#cfe6f5", "#0072b2" },
	{ "aspirational", "url(#pat-dots)", "#0072b2" },
	{ "in progress", "url(#pat-prog)", "#0072b2" },
	{ "delivered", "#009e73", "#00664b" },
	{ "deferred", "url(#pat-hold)", "#a86b00" },
	{ "dropped", "url(#pat-drop)", "#7f7f7f" },
};
static const char *const milestone_names[] = {
	"no status", "planned", "at risk", "done", "missed", "dropped",
};

struct row {
	const struct ldr_project *p;    /* one of p, c */
	const struct ldr_capability *c;
	size_t group, order;
	int has_span, first, last;
	double y; /* the centre of the row */
};

struct lane {
	size_t group, first, n; /* rows [first, first + n) */
	double y, h;
	int lines; /* of the group's name */
};

struct gantt {
	const struct ldr_roadmap *rm;
	const struct ldr_export_opts *opts;
	struct ldr_chart_groups groups;
	struct row *rows;
	size_t nrows;
	struct lane *lanes;
	size_t nlanes;
	struct ldr_hash ids;      /* id -> row index + 1 */
	struct ldr_hash baseline; /* id -> baseline record */
	struct ldr_hash projects; /* id -> project, for the capabilities' delivering projects */
	int fy0, nfy, m0, m1;     /* the horizon: financial years, months [m0, m1) */
	double x0, x1, label_x, label_w, rh, bh, font, top, bottom, height;
	size_t violations;
	struct ldr_buf *b;
};

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
	return x->order < y->order ? -1 : x->order > y->order;
}

static const char *row_id(const struct row *r)
{
	return r->p ? r->p->id : r->c->id;
}

static void collect_rows(struct gantt *g)
{
	const struct ldr_roadmap *rm = g->rm;
	size_t i, n = g->opts->capabilities ? rm->capabilities.len : rm->projects.len;

	g->rows = ldr_calloc(n ? n : 1, sizeof(*g->rows));
	for (i = 0; i < n; i++) {
		struct row *r = &g->rows[g->nrows++];
		r->order = i;
		if (g->opts->capabilities) {
			r->c = LDR_ITEM(rm->capabilities, struct ldr_capability, i);
			r->group = ldr_chart_group(&g->groups, r->c->group);
			if (r->c->year.kind != LDR_TIME_NONE) {
				r->has_span = 1;
				r->first = ldr_time_first(&r->c->year);
				r->last = ldr_time_last(&r->c->year);
			}
		} else {
			r->p = LDR_ITEM(rm->projects, struct ldr_project, i);
			r->group = ldr_chart_group(&g->groups, r->p->group);
			r->has_span = ldr_project_span(r->p, &r->first, &r->last);
		}
	}
	qsort(g->rows, g->nrows, sizeof(*g->rows), row_cmp);
	for (i = 0; i < g->nrows; i++)
		if (row_id(&g->rows[i]))
			ldr_hash_put(&g->ids, row_id(&g->rows[i]), (void *)(uintptr_t)(i + 1));
	for (i = 0; g->opts->capabilities && i < rm->projects.len; i++) {
		struct ldr_project *p = LDR_ITEM(rm->projects, struct ldr_project, i);
		if (p->id)
			ldr_hash_put(&g->projects, p->id, p);
	}
}

static const struct row *find_row(const struct gantt *g, const char *id)
{
	void *v = id ? ldr_hash_get(&g->ids, id) : NULL;
	return v ? &g->rows[(uintptr_t)v - 1] : NULL;
}

static void index_baseline(struct gantt *g)
{
	const struct ldr_roadmap *base = g->opts->baseline;
	size_t i;

	if (!base)
		return;
	if (g->opts->capabilities) {
		for (i = 0; i < base->capabilities.len; i++) {
			struct ldr_capability *c = LDR_ITEM(base->capabilities, struct ldr_capability, i);
			if (c->id)
				ldr_hash_put(&g->baseline, c->id, c);
		}
	} else {
		for (i = 0; i < base->projects.len; i++) {
			struct ldr_project *p = LDR_ITEM(base->projects, struct ldr_project, i);
			if (p->id)
				ldr_hash_put(&g->baseline, p->id, p);
		}
	}
}

/* The baselined span of a row's record, if the baseline has it. */
static int baseline_span(const struct gantt *g, const struct row *r, int *first, int *last)
{
	const char *id = row_id(r);
	const void *rec = id && g->opts->baseline ? ldr_hash_get(&g->baseline, id) : NULL;

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

/* ---- the horizon and the page ------------------------------------------- */

static void widen(int *lo, int *hi, int first, int last)
{
	if (first < *lo)
		*lo = first;
	if (last > *hi)
		*hi = last;
}

static void horizon(struct gantt *g)
{
	const struct ldr_footprint *f = &g->rm->footprint;
	int lo = 1 << 30, hi = -(1 << 30), a, b;
	size_t i, j;

	if (f->start.kind != LDR_TIME_NONE)
		widen(&lo, &hi, ldr_time_first(&f->start), ldr_time_last(&f->start));
	if (f->end.kind != LDR_TIME_NONE)
		widen(&lo, &hi, ldr_time_first(&f->end), ldr_time_last(&f->end));
	for (i = 0; i < g->nrows; i++) {
		const struct row *r = &g->rows[i];
		if (r->has_span)
			widen(&lo, &hi, r->first, r->last);
		if (baseline_span(g, r, &a, &b))
			widen(&lo, &hi, a, b);
		if (r->p) {
			for (j = 0; j < r->p->milestones.len; j++) {
				const struct ldr_milestone *m = LDR_ITEM(r->p->milestones, struct ldr_milestone, j);
				if (m->due.kind != LDR_TIME_NONE)
					widen(&lo, &hi, ldr_time_first(&m->due), ldr_time_last(&m->due));
			}
			if (r->p->delivered.kind != LDR_TIME_NONE)
				widen(&lo, &hi, ldr_time_first(&r->p->delivered), ldr_time_last(&r->p->delivered));
		} else if (r->c->delivered.kind != LDR_TIME_NONE) {
			widen(&lo, &hi, ldr_time_first(&r->c->delivered), ldr_time_last(&r->c->delivered));
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

static double xm(const struct gantt *g, int month)
{
	return g->x0 + (g->x1 - g->x0) * (double)(month - g->m0) / (double)(g->m1 - g->m0);
}

static void row_label(const struct row *r, struct ldr_buf *t)
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

/* The label column: as wide as the longest label needs, within limits. */
static void size_labels(struct gantt *g)
{
	struct ldr_buf t = LDR_BUF_INIT;
	double w = LABEL_MIN;
	size_t i;

	for (i = 0; i < g->nrows && w < LABEL_MAX; i++) {
		double lw;
		row_label(&g->rows[i], &t);
		lw = ldr_svg_width(row_id(&g->rows[i]), FONT, 1) + ldr_svg_width(" ", FONT, 0) +
		     ldr_svg_width(t.s, FONT, 0) + 2;
		if (lw > w)
			w = lw;
	}
	ldr_buf_release(&t);
	g->label_x = MARGIN + GROUP_W + 1.5;
	g->label_w = w > LABEL_MAX ? LABEL_MAX : w;
	g->x0 = g->label_x + g->label_w + 1.5;
	g->x1 = LDR_A3_W - MARGIN;
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

static double lane_height(const struct lane *l, double rh)
{
	double need = l->lines * FONT * 1.2 + 2.0;
	double h = (double)l->n * rh;
	return h < need ? need : h;
}

/* The row height: as tall as fits the page, down to ROW_MIN; below that the
 * page grows. */
static void layout(struct gantt *g, double legend_h)
{
	double avail = LDR_A3_H - TOP - legend_h - MARGIN, total = 0, y;
	size_t i, j;

	for (g->rh = ROW_MAX; g->rh > ROW_MIN; g->rh -= 0.1) {
		for (total = 0, i = 0; i < g->nlanes; i++)
			total += lane_height(&g->lanes[i], g->rh);
		if (total <= avail)
			break;
	}
	if (g->rh < ROW_MIN)
		g->rh = ROW_MIN;
	g->rh = ldr_svg_r(g->rh);
	g->bh = g->rh * (g->opts->baseline ? 0.5 : 0.6);
	g->top = TOP;
	y = g->top;
	for (i = 0; i < g->nlanes; i++) {
		struct lane *l = &g->lanes[i];
		double pad;
		l->y = y;
		l->h = lane_height(l, g->rh);
		pad = (l->h - (double)l->n * g->rh) / 2;
		for (j = 0; j < l->n; j++)
			g->rows[l->first + j].y = y + pad + ((double)j + 0.5) * g->rh;
		y += l->h;
	}
	if (!g->nlanes)
		y += 12; /* room to say there is nothing */
	g->bottom = y;
	g->height = y + legend_h + MARGIN;
	if (g->height < LDR_A3_H)
		g->height = LDR_A3_H;
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
		"</defs>\n");
}

static void axis(struct gantt *g)
{
	struct ldr_buf *b = g->b;
	double *xs = ldr_calloc((size_t)g->nfy + 1, sizeof(double));
	double qy = g->top - QUARTER_BAND, yy = qy - YEAR_BAND;
	int i, q;

	for (i = 0; i <= g->nfy; i++)
		xs[i] = xm(g, g->m0 + 12 * i);
	ldr_chart_years(b, g->fy0, g->nfy, xs, yy, YEAR_BAND, g->bottom, FONT);
	ldr_buf_addstr(b, "<g class=\"quarters\">\n");
	for (i = 0; i < g->nfy; i++) {
		for (q = 0; q < 4; q++) {
			int m = g->m0 + 12 * i + 3 * q;
			double x = xm(g, m), w = xm(g, m + 3) - x;
			char label[4] = { 'Q', (char)('1' + q), '\0', '\0' };
			ldr_buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"0.2\"/>\n",
				     ldr_svg_r(x), ldr_svg_r(qy), ldr_svg_r(w), QUARTER_BAND, LDR_RULE);
			if (q)
				ldr_buf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#dcdcdc\" stroke-width=\"0.15\"/>\n",
					     ldr_svg_r(x), ldr_svg_r(g->top), ldr_svg_r(x), ldr_svg_r(g->bottom));
			if (ldr_svg_width(label, SMALL, 0) + 0.6 <= w)
				ldr_svg_text(b, x + w / 2, qy + QUARTER_BAND / 2 + SMALL * 0.36, SMALL,
					     "text-anchor=\"middle\" fill=\"" LDR_MUTED "\"", label, 0);
		}
	}
	for (i = 0; i <= g->nfy; i++)
		ldr_buf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#9a9a9a\" stroke-width=\"0.25\"/>\n",
			     ldr_svg_r(xs[i]), ldr_svg_r(yy), ldr_svg_r(xs[i]), ldr_svg_r(g->bottom));
	ldr_buf_addstr(b, "</g>\n");
	free(xs);
}

static void lanes(struct gantt *g)
{
	struct ldr_buf *b = g->b;
	size_t i;

	ldr_buf_addstr(b, "<g class=\"lanes\">\n");
	for (i = 0; i < g->nlanes; i++) {
		const struct lane *l = &g->lanes[i];
		const struct ldr_chart_group *grp = &g->groups.v[l->group];
		const char *name = grp->name;
		size_t off = 0, next, n;
		int line;
		double ty = l->y + (l->h - (double)l->lines * FONT * 1.2) / 2 + FONT * 0.95;

		ldr_buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
			     MARGIN, ldr_svg_r(l->y), ldr_svg_r(g->x0 - MARGIN), ldr_svg_r(l->h),
			     i % 2 ? "#f4f4f4" : "#ffffff");
		ldr_buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"1.6\" height=\"%.1f\" fill=\"%s\"/>\n",
			     MARGIN, ldr_svg_r(l->y + 0.3), ldr_svg_r(l->h - 0.6), grp->colour);
		for (line = 0; line < l->lines && name[off]; line++) {
			int last = line == l->lines - 1;
			ldr_buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\" font-weight=\"bold\">",
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
		ldr_buf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#8c8c8c\" stroke-width=\"0.3\"/>\n",
			     MARGIN, ldr_svg_r(l->y + l->h), ldr_svg_r(g->x1), ldr_svg_r(l->y + l->h));
	}
	if (g->nlanes)
		ldr_buf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#8c8c8c\" stroke-width=\"0.3\"/>\n",
			     MARGIN, ldr_svg_r(g->top), ldr_svg_r(g->x1), ldr_svg_r(g->top));
	ldr_buf_addstr(b, "</g>\n");
}

/* "start and end derived" and the like, for the fields of a record. */
static void say_derived(struct ldr_buf *t, const struct ldr_map *derived, const char *const *fields,
			size_t n)
{
	const char *named[4];
	size_t i, k = 0;

	for (i = 0; i < n && k < 4; i++)
		if (ldr_chart_derived(derived, fields[i]))
			named[k++] = fields[i];
	for (i = 0; i < k; i++)
		ldr_buf_addf(t, "%s%s", i == 0 ? ", " : i + 1 == k ? " and " : ", ", named[i]);
	if (k)
		ldr_buf_addstr(t, " derived (not from the source)");
}

static const char *tstr(const struct ldr_time *t, char *buf)
{
	return ldr_time_format(t, buf);
}

/* The months a span moved between the baseline and now, said in words. */
static void say_baseline(struct ldr_buf *t, int bfirst, int blast, int first, int last, int has)
{
	struct ldr_time a = { LDR_TIME_MONTH, bfirst }, z = { LDR_TIME_MONTH, blast };
	char s1[LDR_TIME_STR_MAX], s2[LDR_TIME_STR_MAX];

	ldr_buf_addf(t, "; baseline %s to %s", tstr(&a, s1), tstr(&z, s2));
	if (!has)
		return;
	if (first != bfirst)
		ldr_buf_addf(t, ", start moved %d month%s %s", first > bfirst ? first - bfirst : bfirst - first,
			     first - bfirst == 1 || bfirst - first == 1 ? "" : "s", first > bfirst ? "later" : "earlier");
	if (last > blast)
		ldr_buf_addf(t, ", end slipped %d month%s", last - blast, last - blast == 1 ? "" : "s");
	else if (last < blast)
		ldr_buf_addf(t, ", end brought forward %d month%s", blast - last, blast - last == 1 ? "" : "s");
	else
		ldr_buf_addstr(t, ", end unchanged");
}

static void project_title(const struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	static const char *const fields[] = { "start", "end", "status" };
	const struct ldr_project *p = r->p;
	char s1[LDR_TIME_STR_MAX], s2[LDR_TIME_STR_MAX];
	int bf, bl;
	size_t i;

	ldr_buf_reset(t);
	ldr_buf_addf(t, "%s %s: ", p->id ? p->id : "", p->name ? p->name : "");
	if (p->start.kind == LDR_TIME_NONE)
		ldr_buf_addstr(t, "no planned dates");
	else if (p->end.kind == LDR_TIME_NONE)
		ldr_buf_addf(t, "planned %s (no end)", tstr(&p->start, s1));
	else
		ldr_buf_addf(t, "planned %s\xE2\x80\x93%s", tstr(&p->start, s1), tstr(&p->end, s2));
	ldr_buf_addf(t, ", status %s", project_styles[p->status].name);
	if (p->delivered.kind != LDR_TIME_NONE)
		ldr_buf_addf(t, ", delivered %s", tstr(&p->delivered, s1));
	say_derived(t, &p->derived, fields, 3);
	if (g->opts->baseline) {
		if (baseline_span(g, r, &bf, &bl))
			say_baseline(t, bf, bl, r->first, r->last, r->has_span);
		else
			ldr_buf_addstr(t, "; not in the baseline");
	}
	for (i = 0; i < p->depends_on.n; i++) {
		const struct row *pr = find_row(g, p->depends_on.v[i]);
		ldr_buf_addf(t, "%s%s", i ? ", " : "; depends on ", p->depends_on.v[i]);
		if (pr && ldr_project_order_violated(pr->p, p))
			ldr_buf_addstr(t, " (order violated: starts before it ends)");
	}
}

static void capability_title(const struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	static const char *const fields[] = { "year", "status" };
	const struct ldr_capability *c = r->c;
	char s1[LDR_TIME_STR_MAX];
	int bf, bl;
	size_t i;

	ldr_buf_reset(t);
	ldr_buf_addf(t, "%s %s: %s: ", c->id ? c->id : "", c->who ? c->who : "", c->what ? c->what : "");
	if (c->year.kind == LDR_TIME_NONE)
		ldr_buf_addstr(t, "no year");
	else
		ldr_buf_addf(t, "deployed by the end of %s", tstr(&c->year, s1));
	ldr_buf_addf(t, ", status %s", capability_styles[c->status].name);
	if (c->delivered.kind != LDR_TIME_NONE)
		ldr_buf_addf(t, ", deployed %s", tstr(&c->delivered, s1));
	say_derived(t, &c->derived, fields, 2);
	if (g->opts->baseline) {
		if (baseline_span(g, r, &bf, &bl))
			say_baseline(t, bf, bl, r->first, r->last, r->has_span);
		else
			ldr_buf_addstr(t, "; not in the baseline");
	}
	for (i = 0; i < c->projects.n; i++)
		ldr_buf_addf(t, "%s%s", i ? ", " : "; delivered by ", c->projects.v[i]);
	for (i = 0; i < c->depends_on.n; i++) {
		const struct row *pr = find_row(g, c->depends_on.v[i]);
		ldr_buf_addf(t, "%s%s", i ? ", " : "; depends on ", c->depends_on.v[i]);
		if (pr && ldr_capability_order_violated(pr->c, c))
			ldr_buf_addstr(t, " (order violated: due before it)");
	}
}

static void label(struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	struct ldr_buf *b = g->b;
	const char *id = row_id(r) ? row_id(r) : "";
	double idw = ldr_svg_width(id, FONT, 1), sp = ldr_svg_width(" ", FONT, 0);
	double y = r->y + FONT * 0.36;

	row_label(r, t);
	ldr_buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\">", ldr_svg_r(g->label_x),
		     ldr_svg_r(y), FONT);
	if (idw + sp + ldr_svg_width(t->s, FONT, 0) > g->label_w - 1) {
		struct ldr_buf full = LDR_BUF_INIT;
		ldr_buf_addf(&full, "%s %s", id, t->s);
		ldr_svg_title(b, full.s);
		ldr_buf_release(&full);
	}
	ldr_buf_addstr(b, "<tspan font-weight=\"bold\">");
	ldr_svg_add_fit(b, id, FONT, 1, g->label_w - 1);
	ldr_buf_addstr(b, "</tspan> ");
	ldr_svg_add_fit(b, t->s, FONT, 0, g->label_w - 1 - idw - sp);
	ldr_buf_addstr(b, "</text>\n");
}

static int is_derived_span(const struct row *r)
{
	if (r->p)
		return ldr_chart_derived(&r->p->derived, "start") || ldr_chart_derived(&r->p->derived, "end");
	return ldr_chart_derived(&r->c->derived, "year");
}

static void diamond(struct ldr_buf *b, double x, double y, double d, const char *fill,
		    const char *stroke)
{
	ldr_buf_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\" stroke=\"%s\" stroke-width=\"0.3\"/>",
		     ldr_svg_r(x), ldr_svg_r(y - d), ldr_svg_r(x + d), ldr_svg_r(y), ldr_svg_r(x),
		     ldr_svg_r(y + d), ldr_svg_r(x - d), ldr_svg_r(y), fill, stroke);
}

static void milestone_style(int status, const char **fill, const char **stroke)
{
	*stroke = LDR_INK;
	switch (status) {
	case LDR_MILESTONE_DONE: *fill = LDR_INK; break;
	case LDR_MILESTONE_AT_RISK: *fill = "#e69f00"; break;
	case LDR_MILESTONE_MISSED: *fill = LDR_ALERT; break;
	case LDR_MILESTONE_DROPPED: *fill = "#bdbdbd"; *stroke = "#7f7f7f"; break;
	default: *fill = "#ffffff";
	}
}

static void milestones(struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	struct ldr_buf *b = g->b;
	char s1[LDR_TIME_STR_MAX];
	size_t i;

	for (i = 0; r->p && i < r->p->milestones.len; i++) {
		const struct ldr_milestone *m = LDR_ITEM(r->p->milestones, struct ldr_milestone, i);
		const char *fill, *stroke;
		if (m->due.kind == LDR_TIME_NONE)
			continue;
		milestone_style(m->status, &fill, &stroke);
		ldr_buf_reset(t);
		ldr_buf_addf(t, "%s %s: due %s, status %s", m->id ? m->id : "", m->what ? m->what : "",
			     tstr(&m->due, s1), milestone_names[m->status]);
		if (m->delivered.kind != LDR_TIME_NONE)
			ldr_buf_addf(t, ", delivered %s", tstr(&m->delivered, s1));
		if (ldr_chart_derived(&m->derived, "due"))
			ldr_buf_addstr(t, ", due date derived (not from the source)");
		ldr_buf_addstr(b, "<g>");
		ldr_svg_title(b, t->s);
		diamond(b, xm(g, ldr_time_last(&m->due) + 1), r->y, g->bh * 0.75, fill, stroke);
		if (m->status == LDR_MILESTONE_MISSED || m->status == LDR_MILESTONE_DROPPED) {
			double x = xm(g, ldr_time_last(&m->due) + 1), d = g->bh * 0.35;
			ldr_buf_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" stroke=\"#ffffff\" stroke-width=\"0.3\"/>",
				     ldr_svg_r(x - d), ldr_svg_r(r->y - d), ldr_svg_r(x + d), ldr_svg_r(r->y + d),
				     ldr_svg_r(x - d), ldr_svg_r(r->y + d), ldr_svg_r(x + d), ldr_svg_r(r->y - d));
		}
		ldr_buf_addstr(b, "</g>\n");
	}
}

/* The baselined bar, thin under the current one, and the slip whisker. */
static void baseline_bar(struct gantt *g, const struct row *r)
{
	struct ldr_buf *b = g->b;
	int bf, bl;
	double y, x0, x1, xe;

	if (!baseline_span(g, r, &bf, &bl))
		return;
	y = r->y + g->bh / 2 + 0.35;
	x0 = xm(g, bf);
	x1 = xm(g, bl + 1);
	ldr_buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"0.9\" fill=\"#5f5f5f\"/>",
		     ldr_svg_r(x0), ldr_svg_r(y), ldr_svg_r(x1 - x0));
	if (r->has_span && r->last != bl) {
		xe = xm(g, r->last + 1);
		ldr_buf_addf(b, "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1f\" stroke=\"%s\" stroke-width=\"0.35\" fill=\"none\"/>",
			     ldr_svg_r(x1), ldr_svg_r(y + 0.45), ldr_svg_r(xe), ldr_svg_r(xe),
			     ldr_svg_r(y - 0.4), ldr_svg_r(y + 1.3), r->last > bl ? LDR_ALERT : LDR_INK);
	}
}

/* For a capability, a tick at the end of each project that delivers it:
 * red where the capability is due before the project ends. */
static void delivery_ticks(struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	struct ldr_buf *b = g->b;
	char s1[LDR_TIME_STR_MAX];
	size_t i;

	for (i = 0; i < r->c->projects.n; i++) {
		const char *pid = r->c->projects.v[i];
		const struct ldr_project *p = pid ? ldr_hash_get(&g->projects, pid) : NULL;
		int first, last, bad;
		double x, y = r->y + g->bh / 2;

		if (!p || !ldr_project_span(p, &first, &last))
			continue;
		bad = ldr_delivery_order_violated(p, r->c);
		g->violations += bad != 0;
		x = xm(g, last + 1);
		ldr_buf_reset(t);
		ldr_buf_addf(t, "%s %s ends %s", p->id, p->name ? p->name : "",
			     tstr(p->end.kind ? &p->end : &p->start, s1));
		ldr_buf_addstr(t, bad ? ", after the capability is due (order violated)" : " and delivers it");
		ldr_buf_addstr(b, "<g>");
		ldr_svg_title(b, t->s);
		ldr_buf_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\"/></g>\n",
			     ldr_svg_r(x), ldr_svg_r(y), ldr_svg_r(x - 0.9), ldr_svg_r(y + 1.4),
			     ldr_svg_r(x + 0.9), ldr_svg_r(y + 1.4), bad ? LDR_ALERT : LDR_MUTED);
	}
}

static void bar(struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	struct ldr_buf *b = g->b;
	const struct style *st = r->p ? &project_styles[r->p->status] : &capability_styles[r->c->status];
	const struct ldr_time *done = r->p ? &r->p->delivered : &r->c->delivered;
	double x0, x1;

	if (r->p)
		project_title(g, r, t);
	else
		capability_title(g, r, t);
	ldr_buf_addstr(b, "<g");
	if (row_id(r)) {
		ldr_buf_addstr(b, " id=\"");
		ldr_svg_id(b, "row-", row_id(r));
		ldr_buf_addch(b, '"');
	}
	ldr_buf_addstr(b, ">");
	ldr_svg_title(b, t->s);
	baseline_bar(g, r);
	if (!r->has_span) {
		ldr_svg_text(b, g->x0 + 1.5, r->y + SMALL * 0.36, SMALL,
			     "font-style=\"italic\" fill=\"" LDR_MUTED "\"",
			     r->p ? "no planned dates" : "no year", 0);
	} else {
		x0 = xm(g, r->first);
		x1 = xm(g, r->last + 1);
		ldr_buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"0.4\" fill=\"%s\" stroke=\"%s\" stroke-width=\"0.35\"%s/>",
			     ldr_svg_r(x0), ldr_svg_r(r->y - g->bh / 2), ldr_svg_r(x1 - x0), ldr_svg_r(g->bh),
			     st->fill, st->stroke, is_derived_span(r) ? " stroke-dasharray=\"1.1 0.7\"" : "");
	}
	if (done->kind != LDR_TIME_NONE)
		ldr_buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.3\"/>",
			     ldr_svg_r(xm(g, ldr_time_last(done) + 1)), ldr_svg_r(r->y), ldr_svg_r(g->bh * 0.4), LDR_INK);
	ldr_buf_addstr(b, "</g>\n");
	milestones(g, r, t);
	if (r->c)
		delivery_ticks(g, r, t);
}

/* An orthogonal arrow from the end of pred to the start of succ. */
static void arrow(struct gantt *g, const struct row *pred, const struct row *succ, int bad)
{
	struct ldr_buf *b = g->b, path = LDR_BUF_INIT, t = LDR_BUF_INIT;
	double xe = xm(g, pred->last + 1), xs = xm(g, succ->first);
	double yp = pred->y, ys = succ->y;
	const char *colour = bad ? LDR_ALERT : "#404040";

	if (xs >= xe + 2 * STUB) {
		ldr_buf_addf(&path, "M%.1f %.1fH%.1fV%.1fH%.1f", ldr_svg_r(xe), ldr_svg_r(yp),
			     ldr_svg_r(xe + STUB), ldr_svg_r(ys), ldr_svg_r(xs - 0.8));
	} else {
		/* Back round: along the edge of the successor's row facing pred. */
		double yg = ys + (yp < ys ? -g->rh / 2 : g->rh / 2);
		ldr_buf_addf(&path, "M%.1f %.1fH%.1fV%.1fH%.1fV%.1fH%.1f", ldr_svg_r(xe), ldr_svg_r(yp),
			     ldr_svg_r(xe + STUB), ldr_svg_r(yg), ldr_svg_r(xs - BACK), ldr_svg_r(ys),
			     ldr_svg_r(xs - 0.8));
	}
	ldr_buf_addf(&t, "%s depends on %s%s", row_id(succ), row_id(pred),
		     bad ? (succ->p ? ": starts before it ends (order violated)" : ": due before it (order violated)") : "");
	ldr_buf_addstr(b, "<g>");
	ldr_svg_title(b, t.s);
	ldr_buf_addf(b, "<path d=\"%s\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"0.9\" stroke-opacity=\"0.8\"/>", path.s);
	ldr_buf_addf(b, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s/>", path.s, colour,
		     bad ? "0.45" : "0.3", bad ? " stroke-dasharray=\"1.2 0.5\"" : "");
	ldr_buf_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\"/></g>\n", ldr_svg_r(xs),
		     ldr_svg_r(ys), ldr_svg_r(xs - 1.1), ldr_svg_r(ys - 0.65), ldr_svg_r(xs - 1.1),
		     ldr_svg_r(ys + 0.65), colour);
	ldr_buf_release(&path);
	ldr_buf_release(&t);
}

static void arrows(struct gantt *g)
{
	size_t i, j;

	ldr_buf_addstr(g->b, "<g class=\"dependencies\">\n");
	for (i = 0; i < g->nrows; i++) {
		const struct row *r = &g->rows[i];
		const struct ldr_strv *deps = r->p ? &r->p->depends_on : &r->c->depends_on;
		for (j = 0; j < deps->n; j++) {
			const struct row *pred = find_row(g, deps->v[j]);
			int bad;
			if (!pred || !pred->has_span || !r->has_span)
				continue;
			bad = r->p ? ldr_project_order_violated(pred->p, r->p)
				   : ldr_capability_order_violated(pred->c, r->c);
			g->violations += bad != 0;
			arrow(g, pred, r, bad);
		}
	}
	ldr_buf_addstr(g->b, "</g>\n");
}

static void as_at_line(struct gantt *g)
{
	struct ldr_buf *b = g->b;
	char s[LDR_TIME_STR_MAX], text[48];
	int m;
	double x;

	if (g->opts->as_of.kind == LDR_TIME_NONE)
		return;
	m = ldr_time_last(&g->opts->as_of) + 1;
	if (m < g->m0 || m > g->m1)
		return;
	x = xm(g, m);
	snprintf(text, sizeof(text), "as at %s", tstr(&g->opts->as_of, s));
	ldr_buf_addf(b, "<g><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"0.5\"/>",
		     ldr_svg_r(x), ldr_svg_r(g->top - QUARTER_BAND - YEAR_BAND - 2.5), ldr_svg_r(x),
		     ldr_svg_r(g->bottom), LDR_ASOF);
	ldr_svg_text(b, x + 0.8, g->top - QUARTER_BAND - YEAR_BAND - 0.8, SMALL,
		     "font-weight=\"bold\" fill=\"" LDR_ASOF "\"", text, 0);
	ldr_buf_addstr(b, "</g>\n");
}

/* ---- the legend --------------------------------------------------------- */

struct flow {
	double x, y, x0, x1, line;
};

/* Room for an item of symbol width sw and text s: wrap when needed. */
static double flow_place(struct flow *f, double sw, const char *s)
{
	double w = sw + 1.2 + ldr_svg_width(s, SMALL, 0) + 4.5, x;
	if (f->x + w > f->x1 && f->x > f->x0) {
		f->x = f->x0;
		f->y += f->line;
	}
	x = f->x;
	f->x += w;
	return x;
}

static void legend_text(struct ldr_buf *b, double x, double y, const char *s)
{
	ldr_svg_text(b, x, y + SMALL * 0.36, SMALL, NULL, s, 0);
}

static void legend_swatch(struct ldr_buf *b, struct flow *f, const char *fill, const char *stroke,
			  int dashed, const char *s)
{
	double x = flow_place(f, 6, s);
	ldr_buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"2.6\" rx=\"0.4\" fill=\"%s\" stroke=\"%s\" stroke-width=\"0.35\"%s/>",
		     ldr_svg_r(x), ldr_svg_r(f->y - 1.3), fill, stroke,
		     dashed ? " stroke-dasharray=\"1.1 0.7\"" : "");
	legend_text(b, x + 7.2, f->y, s);
}

static void legend(struct gantt *g, double y)
{
	struct ldr_buf *b = g->b;
	const struct style *styles = g->opts->capabilities ? capability_styles : project_styles;
	struct flow f = { MARGIN, y + 4, MARGIN, LDR_A3_W - MARGIN, 4.2 };
	double x;
	size_t i;

	ldr_buf_addstr(b, "<g class=\"legend\">\n");
	ldr_svg_text(b, f.x, f.y + SMALL * 0.36, SMALL, "font-weight=\"bold\"", "Key:", 0);
	f.x += ldr_svg_width("Key:", SMALL, 1) + 2;
	for (i = 1; i < LDR_ARRAY_SIZE(project_styles); i++)
		legend_swatch(b, &f, styles[i].fill, styles[i].stroke, 0, styles[i].name);
	legend_swatch(b, &f, "#ffffff", LDR_MUTED, 1, "dashed outline: dates derived, not from the source");
	if (!g->opts->capabilities) {
		static const int ms[] = { LDR_MILESTONE_PLANNED, LDR_MILESTONE_AT_RISK, LDR_MILESTONE_DONE,
					  LDR_MILESTONE_MISSED };
		for (i = 0; i < LDR_ARRAY_SIZE(ms); i++) {
			const char *fill, *stroke;
			char text[32];
			snprintf(text, sizeof(text), "milestone %s", milestone_names[ms[i]]);
			milestone_style(ms[i], &fill, &stroke);
			x = flow_place(&f, 2.6, text);
			diamond(b, x + 1.3, f.y, 1.3, fill, stroke);
			legend_text(b, x + 3.8, f.y, text);
		}
	} else {
		x = flow_place(&f, 2, "end of a delivering project");
		ldr_buf_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\"/>", ldr_svg_r(x + 1),
			     ldr_svg_r(f.y - 0.7), ldr_svg_r(x + 0.1), ldr_svg_r(f.y + 0.7), ldr_svg_r(x + 1.9),
			     ldr_svg_r(f.y + 0.7), LDR_MUTED);
		legend_text(b, x + 3.2, f.y, "end of a delivering project");
	}
	x = flow_place(&f, 2.6, "delivered (actual date)");
	ldr_buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.1\" fill=\"%s\"/>", ldr_svg_r(x + 1.3), ldr_svg_r(f.y), LDR_INK);
	legend_text(b, x + 3.8, f.y, "delivered (actual date)");
	x = flow_place(&f, 8, "dependency");
	ldr_buf_addf(b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"#404040\" stroke-width=\"0.3\"/><path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"#404040\"/>",
		     ldr_svg_r(x), ldr_svg_r(f.y), ldr_svg_r(x + 7), ldr_svg_r(x + 8), ldr_svg_r(f.y),
		     ldr_svg_r(x + 6.9), ldr_svg_r(f.y - 0.65), ldr_svg_r(x + 6.9), ldr_svg_r(f.y + 0.65));
	legend_text(b, x + 9.2, f.y, "dependency");
	x = flow_place(&f, 8, "order violated (red, dashed)");
	ldr_buf_addf(b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"0.45\" stroke-dasharray=\"1.2 0.5\"/><path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\"/>",
		     ldr_svg_r(x), ldr_svg_r(f.y), ldr_svg_r(x + 7), LDR_ALERT, ldr_svg_r(x + 8), ldr_svg_r(f.y),
		     ldr_svg_r(x + 6.9), ldr_svg_r(f.y - 0.65), ldr_svg_r(x + 6.9), ldr_svg_r(f.y + 0.65), LDR_ALERT);
	legend_text(b, x + 9.2, f.y, "order violated (red, dashed)");
	if (g->opts->baseline) {
		x = flow_place(&f, 8, "baseline (thin) and slip");
		ldr_buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"5\" height=\"0.9\" fill=\"#5f5f5f\"/><path d=\"M%.1f %.1fH%.1fV%.1f\" stroke=\"%s\" stroke-width=\"0.35\" fill=\"none\"/>",
			     ldr_svg_r(x), ldr_svg_r(f.y - 0.45), ldr_svg_r(x + 5), ldr_svg_r(f.y),
			     ldr_svg_r(x + 8), ldr_svg_r(f.y - 0.9), LDR_ALERT);
		legend_text(b, x + 9.2, f.y, "baseline (thin) and slip");
	}
	x = flow_place(&f, 1, "as at");
	ldr_buf_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"0.5\"/>",
		     ldr_svg_r(x + 0.5), ldr_svg_r(f.y - 1.5), ldr_svg_r(x + 0.5), ldr_svg_r(f.y + 1.5), LDR_ASOF);
	legend_text(b, x + 2.2, f.y, "as at");
	ldr_buf_addstr(b, "</g>\n");
}

/* ---- the document ------------------------------------------------------- */

static void describe(const struct gantt *g, struct ldr_buf *title, struct ldr_buf *desc)
{
	const char *what = g->opts->capabilities ? "capabilities" : "projects";
	const char *name = g->rm->footprint.name ? g->rm->footprint.name : "Roadmap";
	char s[LDR_TIME_STR_MAX];

	ldr_buf_addf(title, "%s Local Digital Roadmap: %s by capability group", name, what);
	ldr_buf_addf(desc, "Gantt chart of %zu %s in %zu capability groups, by financial year and "
		     "quarter (Q1 = April to June), as at %s. Bars run from the start to the end of "
		     "each %s; status is shown by fill pattern as well as colour; dashed outlines mark "
		     "dates derived rather than read from the source; arrows are dependencies, red "
		     "where the order is violated.",
		     g->nrows, what, g->nlanes, tstr(&g->opts->as_of, s),
		     g->opts->capabilities ? "capability's year" : "project");
	if (g->opts->baseline)
		ldr_buf_addstr(desc, " Thin bars under the current ones are the baseline plan.");
}

static void heading(struct gantt *g, const struct ldr_buf *title)
{
	struct ldr_buf sub = LDR_BUF_INIT;
	const struct ldr_footprint *f = &g->rm->footprint;
	char s[LDR_TIME_STR_MAX];

	if (f->version)
		ldr_buf_addf(&sub, "Version %s; ", f->version);
	ldr_buf_addf(&sub, "%zu %s in %zu groups; as at %s", g->nrows,
		     g->opts->capabilities ? "capabilities" : "projects", g->nlanes, tstr(&g->opts->as_of, s));
	if (g->opts->baseline)
		ldr_buf_addf(&sub, "; baseline: %s", g->opts->baseline_name ? g->opts->baseline_name : "earlier plan");
	ldr_chart_heading(g->b, title->s, sub.s, MARGIN, LDR_A3_W - 2 * MARGIN);
	ldr_buf_release(&sub);
}

static void release(struct gantt *g)
{
	ldr_chart_groups_release(&g->groups);
	ldr_hash_clear(&g->ids);
	ldr_hash_clear(&g->baseline);
	ldr_hash_clear(&g->projects);
	free(g->rows);
	free(g->lanes);
}

int ldr_gantt_build(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, struct ldr_buf *b)
{
	struct gantt g;
	struct ldr_buf title = LDR_BUF_INIT, desc = LDR_BUF_INIT, t = LDR_BUF_INIT;
	double legend_h = 16;
	size_t i;

	memset(&g, 0, sizeof(g));
	g.rm = rm;
	g.opts = opts;
	g.b = b;
	ldr_chart_groups_init(&g.groups, rm);
	collect_rows(&g);
	index_baseline(&g);
	horizon(&g);
	size_labels(&g);
	make_lanes(&g);
	layout(&g, legend_h);
	describe(&g, &title, &desc);

	ldr_svg_begin(b, LDR_A3_W, g.height, title.s, desc.s);
	defs(b);
	ldr_buf_addf(b, "<rect width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\"/>\n", LDR_A3_W, ldr_svg_r(g.height));
	heading(&g, &title);
	lanes(&g);
	axis(&g);
	lane_rules(&g);
	ldr_buf_addstr(b, "<g class=\"rows\">\n");
	for (i = 0; i < g.nrows; i++) {
		label(&g, &g.rows[i], &t);
		bar(&g, &g.rows[i], &t);
	}
	ldr_buf_addstr(b, "</g>\n");
	if (!g.nrows)
		ldr_svg_text(b, g.x0 + 3, g.top + 7, FONT * 1.2, "fill=\"" LDR_MUTED "\"",
			     opts->capabilities ? "This roadmap has no capabilities."
					        : "This roadmap has no projects (its capabilities: ldr export gantt --capabilities).", 0);
	as_at_line(&g);
	arrows(&g);
	legend(&g, g.bottom + 1);
	ldr_chart_footer(b, rm, opts, g.opts->capabilities ? "Capability Gantt chart" : "Project Gantt chart",
			 MARGIN, g.height - MARGIN + 3, SMALL, LDR_A3_W - 2 * MARGIN);
	ldr_svg_end(b);

	ldr_buf_release(&title);
	ldr_buf_release(&desc);
	ldr_buf_release(&t);
	release(&g);
	return 0;
}

int ldr_export_gantt_svg(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			 const char *path, struct ldr_buf *err)
{
	struct ldr_buf b = LDR_BUF_INIT;
	int r = ldr_gantt_build(rm, opts, &b);
	if (r == 0)
		r = ldr_chart_write(path, &b, err);
	ldr_buf_release(&b);
	return r;
}
