#include "chart.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/national.h"
#include "../../model/base/write.h"
#include "../../model/roadmap/schedule.h"
#include "../base/svg.h"

static const char *const palette[] = {
	/* Okabe and Ito */
	"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000",
	/* Paul Tol, muted */
	"#332288", "#117733", "#882255", "#44aa99", "#999933", "#aa4499", "#88ccee",
	"#cc6677", "#ddcc77",
};

const char *ldr_chart_colour(size_t i)
{
	return palette[i % LDR_ARRAY_SIZE(palette)];
}

static void add_group(struct ldr_chart_groups *g, size_t *cap, const char *id, const char *name)
{
	struct ldr_chart_group *e;

	if (id && ldr_hash_get(&g->ix, id))
		return;
	ldr_grow((void **)&g->v, cap, g->n + 1, sizeof(*g->v));
	e = &g->v[g->n];
	e->id = id;
	e->name = name ? name : id ? id : "No group";
	e->colour = ldr_chart_colour(g->n);
	if (id)
		ldr_hash_put(&g->ix, id, (void *)(uintptr_t)(g->n + 1));
	else
		g->none = g->n;
	g->n++;
}

void ldr_chart_groups_init(struct ldr_chart_groups *g, const struct ldr_roadmap *rm)
{
	size_t i, j, cap = 0;
	int none = 0;

	memset(g, 0, sizeof(*g));
	for (i = 0; i < LDR_NATIONAL_GROUPS; i++)
		add_group(g, &cap, ldr_national_groups[i].id, ldr_national_groups[i].name);
	for (i = 0; i < rm->groups.len; i++) {
		const struct ldr_group *lg = LDR_ITEM(rm->groups, struct ldr_group, i);
		if (lg->id)
			add_group(g, &cap, lg->id, lg->name);
	}
	/* Ids that records use but nothing defines (a roadmap with errors). */
	for (i = 0; i < rm->projects.len; i++) {
		const struct ldr_project *p = LDR_ITEM(rm->projects, struct ldr_project, i);
		if (p->group)
			add_group(g, &cap, p->group, NULL);
		none |= !p->group;
	}
	for (i = 0; i < rm->capabilities.len; i++) {
		const struct ldr_capability *c = LDR_ITEM(rm->capabilities, struct ldr_capability, i);
		if (c->group)
			add_group(g, &cap, c->group, NULL);
		none |= !c->group;
	}
	for (i = 0; i < rm->trajectory.len; i++) {
		const struct ldr_trajectory *t = LDR_ITEM(rm->trajectory, struct ldr_trajectory, i);
		for (j = 0; j < t->scores.len; j++) {
			const struct ldr_score *s = LDR_ITEM(t->scores, struct ldr_score, j);
			if (s->group)
				add_group(g, &cap, s->group, NULL);
		}
	}
	g->none = g->n;
	if (none)
		add_group(g, &cap, NULL, NULL);
}

void ldr_chart_groups_release(struct ldr_chart_groups *g)
{
	free(g->v);
	ldr_hash_clear(&g->ix);
	memset(g, 0, sizeof(*g));
}

size_t ldr_chart_group(const struct ldr_chart_groups *g, const char *id)
{
	void *v;
	if (!id)
		return g->none;
	v = ldr_hash_get(&g->ix, id);
	return v ? (size_t)(uintptr_t)v - 1 : g->none;
}

int ldr_chart_fy_first_month(int fy)
{
	return fy * 12 + 3;
}

void ldr_chart_years(struct ldr_buf *b, int fy0, int n, const double *xs, double y, double h,
		     double bottom, double font)
{
	int i;

	ldr_buf_addstr(b, "<g class=\"years\">\n");
	for (i = 0; i < n; i++) {
		double x = xs[i], w = xs[i + 1] - xs[i];
		int fy = fy0 + i;
		char label[16];

		snprintf(label, sizeof(label), "%04d/%02d", fy, (fy + 1) % 100);
		if (ldr_svg_width(label, font, 1) + 1 > w)
			snprintf(label, sizeof(label), "%02d/%02d", fy % 100, (fy + 1) % 100);
		ldr_svg_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"0.2\"/>\n",
			     ldr_svg_r(x), ldr_svg_r(y), ldr_svg_r(w), ldr_svg_r(h),
			     i % 2 ? "#e4e4e4" : "#f7f7f7", LDR_RULE);
		if (i % 2 && bottom > y + h)
			ldr_svg_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
				     ldr_svg_r(x), ldr_svg_r(y + h), ldr_svg_r(w),
				     ldr_svg_r(bottom - y - h), LDR_SHADE);
		if (ldr_svg_width(label, font, 1) + 0.5 <= w)
			ldr_svg_text(b, x + w / 2, y + h / 2 + font * 0.36, font,
				     "font-weight=\"bold\" text-anchor=\"middle\"", label, 0);
	}
	ldr_buf_addstr(b, "</g>\n");
}

void ldr_chart_heading(struct ldr_buf *b, const char *title, const char *subtitle, double x,
		       double width)
{
	double size = 5.0;

	while (size > 3.5 && ldr_svg_width(title, size, 1) > width)
		size -= 0.25;
	ldr_svg_text(b, x, 13, size, "font-weight=\"bold\"", title, width);
	ldr_svg_text(b, x, 18.5, 3.0, "fill=\"" LDR_MUTED "\"", subtitle, width);
}

const char *ldr_chart_time(const struct ldr_time *t, char *buf)
{
	return ldr_time_format(t, buf);
}

int ldr_chart_derived(const struct ldr_map *derived, const char *field)
{
	size_t i;
	for (i = 0; i < derived->n; i++)
		if (derived->v[i].key && strcmp(derived->v[i].key, field) == 0)
			return 1;
	return 0;
}

void ldr_chart_page(const struct ldr_export_opts *opts, struct ldr_page *p)
{
	int a4 = opts && opts->page == LDR_PAGE_A4;
	p->w = a4 ? LDR_A4_W : LDR_A3_W;
	p->h = a4 ? LDR_A4_H : LDR_A3_H;
}

void ldr_chart_footer(struct ldr_buf *b, const struct ldr_roadmap *rm,
		      const struct ldr_export_opts *opts, const char *what, int drew_baseline,
		      double w, double h)
{
	struct ldr_buf t = LDR_BUF_INIT;
	char asof[LDR_TIME_STR_MAX];

	ldr_svg_addf(&t, "%s: ", what);
	ldr_buf_addstr(&t, rm->footprint.name ? rm->footprint.name : "(unnamed footprint)");
	if (rm->footprint.version)
		ldr_svg_addf(&t, ", version %s", rm->footprint.version);
	if (opts->commit && opts->uncommitted)
		ldr_svg_addf(&t, "; changes not committed, on commit %.12s", opts->commit);
	else if (opts->commit)
		ldr_svg_addf(&t, "; commit %.12s", opts->commit);
	else
		ldr_buf_addstr(&t, "; not from a git commit");
	ldr_svg_addf(&t, "; as at %s", ldr_chart_time(&opts->as_of, asof));
	if (opts->baseline)
		ldr_svg_addf(&t, "; baseline %s%s", opts->baseline_name ? opts->baseline_name : "(an earlier plan)",
			     drew_baseline ? "" : " (not drawn on this chart)");
	else
		ldr_buf_addstr(&t, "; no baseline");
	ldr_buf_addstr(&t, "; drawn by ldr");
	ldr_svg_text(b, 8, h - 5, LDR_TYPE_SMALL, "fill=\"" LDR_MUTED "\"", t.s, w - 16);
	ldr_buf_release(&t);
}

int ldr_chart_overdue(const struct ldr_time *due, int delivered, int dropped,
		      const struct ldr_time *actual, const struct ldr_time *as_of)
{
	if (delivered || dropped || (actual && actual->kind) || !due->kind || !as_of->kind)
		return 0;
	return ldr_time_last(due) < ldr_time_first(as_of);
}

/* Quarters or months: months when either time is one. */
static int by_months(const struct ldr_time *a, const struct ldr_time *b)
{
	return a->kind == LDR_TIME_MONTH || b->kind == LDR_TIME_MONTH;
}

#define MINUS "\xE2\x88\x92" /* U+2212 */

int ldr_chart_shift(struct ldr_buf *out, const struct ldr_time *a, const struct ldr_time *b)
{
	int x = ldr_time_last(a), y = ldr_time_last(b), n;

	if (x == y)
		return 0;
	n = by_months(a, b) ? y - x : ldr_quarter_index(y) - ldr_quarter_index(x);
	if (by_months(a, b))
		ldr_svg_addf(out, "%s%d mo", n > 0 ? "+" : MINUS, n > 0 ? n : -n);
	else
		ldr_svg_addf(out, "%s%dQ", n > 0 ? "+" : MINUS, n > 0 ? n : -n);
	return y - x;
}

void ldr_chart_late_by(struct ldr_buf *out, const struct ldr_time *due, const struct ldr_time *as_of)
{
	int x = ldr_time_last(due), y = ldr_time_first(as_of);

	if (due->kind == LDR_TIME_MONTH)
		ldr_svg_addf(out, "%d mo", y - x);
	else
		ldr_svg_addf(out, "%dQ", ldr_quarter_index(y) - ldr_quarter_index(x));
}

int ldr_chart_write(const char *path, const struct ldr_buf *b, struct ldr_buf *err)
{
	return ldr_output_save(path, b->s ? b->s : "", b->len, err);
}
