/* The Digital Maturity trajectory (SVG): Annex 3 as small multiples, one
 * panel per capability group, with the same axes in every panel (score 0 to
 * 100 against financial years). Each provider is a line through its
 * baseline score and its targets by year, told apart by marker shape as well
 * as colour; the footprint mean is a thick black line. The mean of a year is
 * over the providers that have a score for it, and its <title> says how many.
 * Each provider's last point carries its short name and score, so that the
 * page reads in print without the legend; the legend names them in full.
 * Where a trajectory's baseline year is derived the legend says so. The
 * page is every chart's (A3 landscape, or A4 with --page), the panels as
 * tall as it allows. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/schema.h"
#include "chart.h"
#include "../base/common.h"
#include "../base/svg.h"
#include "svgcharts.h"

#define MARGIN 8.0
#define COLS 4
#define PANEL_H 72.0
#define FONT LDR_TYPE_BODY
#define SMALL LDR_TYPE_SMALL
#define TOP 24.0

struct point {
	int fy;
	int score;
};

struct series {
	const struct ldr_trajectory *tr;
	const char *name;  /* the provider's full name (or its id) */
	struct ldr_buf abbr;
	size_t colour;
};

struct traj {
	const struct ldr_roadmap *rm;
	const struct ldr_export_opts *opts;
	struct ldr_chart_groups groups;
	size_t *panels, npanels; /* group indices with a score */
	struct series *ser;
	size_t nser;
	int fy0, nfy;
	struct ldr_page page;
	double width, height, pw, ph;
	struct ldr_buf *b;
};

/* A provider's points in one group, by year: the baseline, then targets. */
static size_t points(const struct ldr_trajectory *tr, const char *group, struct point *out, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < tr->scores.len; i++) {
		const struct ldr_score *s = LDR_ITEM(tr->scores, struct ldr_score, i);
		if (!s->group || strcmp(s->group, group) != 0)
			continue;
		if (s->baseline.set && tr->baseline_year.kind != LDR_TIME_NONE && n < max) {
			out[n].fy = ldr_time_fy_of_month(ldr_time_first(&tr->baseline_year));
			out[n++].score = (int)s->baseline.v;
		}
		for (j = 0; j < s->targets.len && n < max; j++) {
			const struct ldr_target *tg = LDR_ITEM(s->targets, struct ldr_target, j);
			if (!tg->score.set || tg->year.kind == LDR_TIME_NONE)
				continue;
			out[n].fy = ldr_time_fy_of_month(ldr_time_first(&tg->year));
			out[n++].score = (int)tg->score.v;
		}
		break;
	}
	/* By year (insertion sort: a handful of points). */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && out[j - 1].fy > out[j].fy; j--) {
			struct point p = out[j];
			out[j] = out[j - 1];
			out[j - 1] = p;
		}
	return n;
}

#define MAX_POINTS 64

static const char *org_name(const struct ldr_roadmap *rm, const char *id)
{
	size_t i;
	for (i = 0; id && i < rm->footprint.organisations.len; i++) {
		const struct ldr_org *o = LDR_ITEM(rm->footprint.organisations, struct ldr_org, i);
		if (o->id && strcmp(o->id, id) == 0)
			return o->name ? o->name : id;
	}
	return id ? id : "(no provider)";
}

static void collect(struct traj *t)
{
	const struct ldr_roadmap *rm = t->rm;
	const struct ldr_footprint *f = &rm->footprint;
	unsigned char *used = ldr_calloc(t->groups.n + 1, 1);
	int lo = 1 << 30, hi = -(1 << 30);
	size_t i, j, k, colour = 0;

	t->ser = ldr_calloc(rm->trajectory.len + 1, sizeof(*t->ser));
	for (i = 0; i < rm->trajectory.len; i++) {
		const struct ldr_trajectory *tr = LDR_ITEM(rm->trajectory, struct ldr_trajectory, i);
		struct series *s = &t->ser[t->nser++];
		const char *p;
		s->tr = tr;
		s->name = org_name(rm, tr->provider);
		for (p = tr->provider ? tr->provider : tr->id ? tr->id : "?"; *p; p++)
			ldr_buf_addch(&s->abbr, *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
		if (colour % 16 == 6)
			colour++; /* black is the footprint's */
		s->colour = colour++;
		for (j = 0; j < tr->scores.len; j++) {
			const struct ldr_score *sc = LDR_ITEM(tr->scores, struct ldr_score, j);
			struct point pts[MAX_POINTS];
			size_t n;
			if (!sc->group)
				continue;
			used[ldr_chart_group(&t->groups, sc->group)] = 1;
			n = points(tr, sc->group, pts, MAX_POINTS);
			for (k = 0; k < n; k++) {
				lo = pts[k].fy < lo ? pts[k].fy : lo;
				hi = pts[k].fy > hi ? pts[k].fy : hi;
			}
		}
	}
	if (f->start.kind != LDR_TIME_NONE) {
		int y = ldr_time_fy_of_month(ldr_time_first(&f->start));
		lo = y < lo ? y : lo;
		hi = y > hi ? y : hi;
	}
	if (f->end.kind != LDR_TIME_NONE) {
		int y = ldr_time_fy_of_month(ldr_time_last(&f->end));
		lo = y < lo ? y : lo;
		hi = y > hi ? y : hi;
	}
	if (lo > hi)
		lo = hi = 2016;
	t->fy0 = lo;
	t->nfy = hi - lo + 1;
	t->panels = ldr_calloc(t->groups.n + 1, sizeof(size_t));
	for (i = 0; i < t->groups.n; i++)
		if (used[i])
			t->panels[t->npanels++] = i;
	free(used);
}

/* ---- a panel ------------------------------------------------------------- */

struct frame {
	double x0, x1, y0, y1; /* the plot area */
	int fy0, nfy;
};

static double fx(const struct frame *f, int fy)
{
	if (f->nfy < 2)
		return (f->x0 + f->x1) / 2;
	return f->x0 + (f->x1 - f->x0) * (double)(fy - f->fy0) / (double)(f->nfy - 1);
}

static double fy_(const struct frame *f, double score)
{
	return f->y1 - (f->y1 - f->y0) * score / 100.0;
}

static void marker(struct ldr_buf *b, size_t shape, double x, double y, const char *colour)
{
	double r = 1.1;
	switch (shape % 6) {
	case 0: /* square */
		ldr_svg_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.2\"/>",
			     ldr_svg_r(x - r * 0.9), ldr_svg_r(y - r * 0.9), ldr_svg_r(1.8 * r), ldr_svg_r(1.8 * r), colour);
		break;
	case 1: /* triangle */
		ldr_svg_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.2\"/>",
			     ldr_svg_r(x), ldr_svg_r(y - r * 1.2), ldr_svg_r(x + r * 1.1), ldr_svg_r(y + r * 0.8),
			     ldr_svg_r(x - r * 1.1), ldr_svg_r(y + r * 0.8), colour);
		break;
	case 2: /* diamond */
		ldr_svg_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.2\"/>",
			     ldr_svg_r(x), ldr_svg_r(y - r * 1.2), ldr_svg_r(x + r * 1.2), ldr_svg_r(y), ldr_svg_r(x),
			     ldr_svg_r(y + r * 1.2), ldr_svg_r(x - r * 1.2), ldr_svg_r(y), colour);
		break;
	case 3: /* triangle down */
		ldr_svg_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.2\"/>",
			     ldr_svg_r(x), ldr_svg_r(y + r * 1.2), ldr_svg_r(x + r * 1.1), ldr_svg_r(y - r * 0.8),
			     ldr_svg_r(x - r * 1.1), ldr_svg_r(y - r * 0.8), colour);
		break;
	case 4: /* hollow circle */
		ldr_svg_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"0.5\"/>",
			     ldr_svg_r(x), ldr_svg_r(y), r * 0.9, colour);
		break;
	default: /* cross */
		ldr_svg_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" stroke=\"%s\" stroke-width=\"0.6\"/>",
			     ldr_svg_r(x - r), ldr_svg_r(y - r), ldr_svg_r(x + r), ldr_svg_r(y + r), ldr_svg_r(x - r),
			     ldr_svg_r(y + r), ldr_svg_r(x + r), ldr_svg_r(y - r), colour);
	}
}

/* Every panel has its scale: panels are read one at a time as often as side
 * by side. */
static void axes(struct traj *t, const struct frame *f)
{
	struct ldr_buf *b = t->b;
	char s[16];
	int v, y;

	for (v = 0; v <= 100; v += 25) {
		double yy = fy_(f, v);
		ldr_svg_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>\n",
			     ldr_svg_r(f->x0 - 1), ldr_svg_r(yy), ldr_svg_r(f->x1 + 1), ldr_svg_r(yy),
			     v ? "#dddddd" : "#8c8c8c", v ? "0.2" : "0.3");
		snprintf(s, sizeof(s), "%d", v);
		ldr_svg_text(b, f->x0 - 2, yy + SMALL * 0.36, SMALL, "text-anchor=\"end\" fill=\"" LDR_MUTED "\"", s, 0);
	}
	for (y = f->fy0; y < f->fy0 + f->nfy; y++) {
		double xx = fx(f, y);
		ldr_svg_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eeeeee\" stroke-width=\"0.2\"/>\n",
			     ldr_svg_r(xx), ldr_svg_r(f->y0), ldr_svg_r(xx), ldr_svg_r(f->y1));
		snprintf(s, sizeof(s), "%02d/%02d", y % 100, (y + 1) % 100);
		ldr_svg_text(b, xx, f->y1 + 3.4, SMALL, "text-anchor=\"middle\" fill=\"" LDR_MUTED "\"", s, 0);
	}
}

/* Labels at the providers' last points, pushed apart so none overlap. */
struct tag {
	double x, y, want;
	const struct series *s; /* NULL: the footprint mean */
	double score;
};

static int tag_cmp(const void *a, const void *b)
{
	const struct tag *x = a, *y = b;
	if (x->x != y->x)
		return x->x < y->x ? -1 : 1;
	if (x->want != y->want)
		return x->want < y->want ? -1 : 1;
	if (!x->s || !y->s)
		return !x->s ? -1 : !y->s;
	return x->s < y->s ? -1 : x->s > y->s;
}

static void place_tags(struct tag *tg, size_t n, double top, double bottom)
{
	size_t i, j, start;
	double gap = SMALL * 1.15;

	qsort(tg, n, sizeof(*tg), tag_cmp);
	for (start = 0; start < n; start = j) {
		for (j = start; j < n && tg[j].x == tg[start].x; j++)
			tg[j].y = tg[j].want;
		/* Push down, then back up from the bottom. */
		for (i = start + 1; i < j; i++)
			if (tg[i].y < tg[i - 1].y + gap)
				tg[i].y = tg[i - 1].y + gap;
		if (j > start && tg[j - 1].y > bottom)
			tg[j - 1].y = bottom;
		for (i = j - 1; i > start; i--)
			if (tg[i - 1].y > tg[i].y - gap)
				tg[i - 1].y = tg[i].y - gap;
		if (tg[start].y < top)
			for (i = start; i < j; i++)
				tg[i].y = top + gap * (double)(i - start);
	}
}

/* A panel as it is drawn: its group, its plot area, the providers' scores
 * summed by year for the mean, and the tags at the ends of the lines. */
struct plot {
	struct traj *t;
	const struct ldr_chart_group *g;
	struct frame f;
	double *sum; /* by year from t->fy0 */
	int *cnt;
	struct tag *tags;
	size_t ntags;
};

/* The title of a provider's line: its scores by year; the points' scores
 * counted towards the mean. */
static void series_tip(struct plot *p, const struct series *s, const struct point *pts, size_t n,
		       struct ldr_buf *tip)
{
	char yr[LDR_TIME_STR_MAX];
	size_t j;

	ldr_svg_addf(tip, "%s (%s), %s:", s->abbr.s, s->name, p->g->name);
	for (j = 0; j < n; j++) {
		struct ldr_time ty = ldr_time_year(pts[j].fy);
		ldr_svg_addf(tip, "%s %d in %s", j ? "," : "", pts[j].score, ldr_time_format(&ty, yr));
		p->sum[pts[j].fy - p->t->fy0] += pts[j].score;
		p->cnt[pts[j].fy - p->t->fy0]++;
	}
	if (ldr_chart_derived(&s->tr->derived, "baseline_year"))
		ldr_buf_addstr(tip, "; the baseline year is derived (not from the source)");
}

/* Provider i's line, its markers (shape i), and a tag at its last point. */
static void series_line(struct plot *p, size_t i)
{
	struct ldr_buf *b = p->t->b, tip = LDR_BUF_INIT;
	const struct series *s = &p->t->ser[i];
	const char *colour = ldr_chart_colour(s->colour);
	const struct frame *f = &p->f;
	struct point pts[MAX_POINTS];
	size_t j, n = p->g->id ? points(s->tr, p->g->id, pts, MAX_POINTS) : 0;
	struct tag *tag = &p->tags[p->ntags];

	if (!n)
		return;
	ldr_buf_addstr(b, "<g>");
	series_tip(p, s, pts, n, &tip);
	ldr_svg_title(b, tip.s);
	ldr_buf_release(&tip);
	if (n > 1) {
		ldr_buf_addstr(b, "<path d=\"");
		for (j = 0; j < n; j++)
			ldr_svg_addf(b, "%c%.1f %.1f", j ? 'L' : 'M', ldr_svg_r(fx(f, pts[j].fy)),
				     ldr_svg_r(fy_(f, pts[j].score)));
		ldr_svg_addf(b, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"0.45\"/>", colour);
	}
	for (j = 0; j < n; j++)
		marker(b, i, fx(f, pts[j].fy), fy_(f, pts[j].score), colour);
	ldr_buf_addstr(b, "</g>\n");
	tag->x = fx(f, pts[n - 1].fy);
	tag->want = fy_(f, pts[n - 1].score) + SMALL * 0.36;
	tag->s = s;
	tag->score = pts[n - 1].score;
	p->ntags++;
}

/* The title of the mean's line: the mean by year and over how many; 0 if
 * no year has a score. */
static int mean_tip(const struct plot *p, struct ldr_buf *tip)
{
	char yr[LDR_TIME_STR_MAX];
	int y, first = 1;

	ldr_svg_addf(tip, "Footprint mean, %s:", p->g->name);
	for (y = 0; y < p->t->nfy; y++)
		if (p->cnt[y]) {
			struct ldr_time ty = ldr_time_year(p->t->fy0 + y);
			ldr_svg_addf(tip, "%s %.1f in %s (%d provider%s)", first ? "" : ",", p->sum[y] / p->cnt[y],
				     ldr_time_format(&ty, yr), p->cnt[y], p->cnt[y] == 1 ? "" : "s");
			first = 0;
		}
	return !first;
}

/* The footprint mean, with a tag at its last point; or "no scores". */
static void mean_line(struct plot *p)
{
	struct ldr_buf *b = p->t->b, tip = LDR_BUF_INIT;
	const struct frame *f = &p->f;
	int y, first = 1;

	ldr_buf_addstr(b, "<g>");
	if (mean_tip(p, &tip)) {
		ldr_svg_title(b, tip.s);
		ldr_buf_addstr(b, "<path d=\"");
		for (y = 0; y < p->t->nfy; y++)
			if (p->cnt[y]) {
				ldr_svg_addf(b, "%c%.1f %.1f", first ? 'M' : 'L', ldr_svg_r(fx(f, p->t->fy0 + y)),
					     ldr_svg_r(fy_(f, p->sum[y] / p->cnt[y])));
				first = 0;
			}
		ldr_svg_addf(b, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"0.9\" stroke-dasharray=\"2 0.8\"/>", LDR_INK);
		for (y = 0; y < p->t->nfy; y++)
			if (p->cnt[y]) {
				struct tag *tag = &p->tags[p->ntags];
				double mean = p->sum[y] / p->cnt[y];
				ldr_svg_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.3\" fill=\"%s\"/>",
					     ldr_svg_r(fx(f, p->t->fy0 + y)), ldr_svg_r(fy_(f, mean)), LDR_INK);
				tag->x = fx(f, p->t->fy0 + y);
				tag->want = fy_(f, mean) + SMALL * 0.36;
				tag->s = NULL;
				tag->score = mean;
			}
		p->ntags++; /* the last year's */
	} else {
		ldr_svg_text(b, (f->x0 + f->x1) / 2, (f->y0 + f->y1) / 2, FONT,
			     "text-anchor=\"middle\" fill=\"" LDR_MUTED "\"", "no scores", 0);
	}
	ldr_buf_addstr(b, "</g>\n");
	ldr_buf_release(&tip);
}

/* The tags, where place_tags put them, with a leader where one moved. */
static void draw_tags(struct ldr_buf *b, const struct tag *tags, size_t ntags)
{
	size_t i;

	for (i = 0; i < ntags; i++) {
		char text[96];
		if (tags[i].s)
			snprintf(text, sizeof(text), "%.24s %d", tags[i].s->abbr.s, (int)tags[i].score);
		else
			snprintf(text, sizeof(text), "mean %.1f", tags[i].score);
		if (tags[i].y != tags[i].want)
			ldr_svg_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#aaaaaa\" stroke-width=\"0.15\"/>",
				     ldr_svg_r(tags[i].x + 1.4), ldr_svg_r(tags[i].want - SMALL * 0.36),
				     ldr_svg_r(tags[i].x + 2.2), ldr_svg_r(tags[i].y - SMALL * 0.36));
		ldr_svg_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\" fill=\"%s\"%s>",
			     ldr_svg_r(tags[i].x + 2.4), ldr_svg_r(tags[i].y), SMALL,
			     tags[i].s ? ldr_chart_colour(tags[i].s->colour) : LDR_INK,
			     tags[i].s ? "" : " font-weight=\"bold\"");
		ldr_svg_add_fit(b, text, SMALL, 0, 14);
		ldr_buf_addstr(b, "</text>\n");
	}
}

/* Panel k at (px, py): its frame and name, its axes, a line a provider,
 * the mean, and the tags. */
static void panel(struct traj *t, size_t k, double px, double py)
{
	struct ldr_buf *b = t->b;
	struct plot p;
	size_t i;

	memset(&p, 0, sizeof(p));
	p.t = t;
	p.g = &t->groups.v[t->panels[k]];
	p.f.x0 = px + 9;
	p.f.x1 = px + t->pw - 16;
	p.f.y0 = py + 9;
	p.f.y1 = py + t->ph - 8;
	p.f.fy0 = t->fy0;
	p.f.nfy = t->nfy;
	p.tags = ldr_calloc(t->nser + 2, sizeof(*p.tags));
	p.sum = ldr_calloc((size_t)t->nfy, sizeof(double));
	p.cnt = ldr_calloc((size_t)t->nfy, sizeof(int));
	ldr_svg_addf(b, "<g class=\"panel\">\n<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#fbfbfb\" stroke=\"%s\" stroke-width=\"0.25\"/>\n",
		     ldr_svg_r(px), ldr_svg_r(py), ldr_svg_r(t->pw - 3), ldr_svg_r(t->ph - 2), LDR_RULE);
	ldr_svg_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"1.2\" height=\"5\" fill=\"%s\"/>\n",
		     ldr_svg_r(px), ldr_svg_r(py + 1.2), p.g->colour);
	ldr_svg_text(b, px + 2.5, py + 5, FONT, "font-weight=\"bold\"", p.g->name, t->pw - 7);
	axes(t, &p.f);
	for (i = 0; i < t->nser; i++)
		series_line(&p, i);
	mean_line(&p);
	place_tags(p.tags, p.ntags, p.f.y0, p.f.y1 + 1);
	draw_tags(b, p.tags, p.ntags);
	ldr_buf_addstr(b, "</g>\n");
	free(p.tags);
	free(p.sum);
	free(p.cnt);
}

/* ---- the page ------------------------------------------------------------ */

static double legend(struct traj *t, double y, int draw)
{
	struct ldr_buf *b = t->b, derived = LDR_BUF_INIT;
	double x = MARGIN, x1 = t->width - MARGIN, y0 = y;
	size_t i;

	if (draw) {
		ldr_buf_addstr(b, "<g class=\"legend\">\n");
		ldr_svg_text(b, x, y + FONT * 0.36, FONT, "font-weight=\"bold\"", "Key:", 0);
	}
	x += ldr_svg_width("Key:", FONT, 1) + 3;
	for (i = 0; i <= t->nser; i++) {
		struct ldr_buf text = LDR_BUF_INIT;
		double w;
		if (i < t->nser)
			ldr_svg_addf(&text, "%s %s", t->ser[i].abbr.s, t->ser[i].name);
		else
			ldr_buf_addstr(&text, "footprint mean (of the providers with a score that year)");
		w = 6 + ldr_svg_width(text.s, FONT, 0) + 5;
		if (w > x1 - MARGIN - 15)
			w = x1 - MARGIN - 15;
		if (x + w > x1) {
			x = MARGIN + ldr_svg_width("Key:", FONT, 1) + 3;
			y += 4;
		}
		if (draw && i < t->nser) {
			const char *c = ldr_chart_colour(t->ser[i].colour);
			ldr_svg_addf(b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"0.45\"/>", ldr_svg_r(x),
				     ldr_svg_r(y), ldr_svg_r(x + 4.5), c);
			marker(b, i, x + 2.25, y, c);
		} else if (draw) {
			ldr_svg_addf(b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"0.9\" stroke-dasharray=\"2 0.8\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.3\" fill=\"%s\"/>",
				     ldr_svg_r(x), ldr_svg_r(y), ldr_svg_r(x + 4.5), LDR_INK, ldr_svg_r(x + 2.25),
				     ldr_svg_r(y), LDR_INK);
		}
		if (draw)
			ldr_svg_text(b, x + 6, y + FONT * 0.36, FONT, NULL, text.s, w - 6);
		x += w;
		if (i < t->nser && ldr_chart_derived(&t->ser[i].tr->derived, "baseline_year"))
			ldr_svg_addf(&derived, "%s%s", derived.len ? ", " : "", t->ser[i].abbr.s);
		ldr_buf_release(&text);
	}
	y += 4.5;
	if (derived.len) {
		struct ldr_buf text = LDR_BUF_INIT;
		ldr_svg_addf(&text, "The baseline year is derived (not stated in the source) for: %s.", derived.s);
		if (draw)
			ldr_svg_text(b, MARGIN, y + FONT * 0.36, FONT, "fill=\"" LDR_MUTED "\"", text.s, x1 - MARGIN);
		y += 4.5;
		ldr_buf_release(&text);
	}
	if (draw)
		ldr_buf_addstr(b, "</g>\n");
	ldr_buf_release(&derived);
	return y - y0;
}

static void describe(const struct traj *t, struct ldr_buf *title, struct ldr_buf *desc)
{
	char a[16], z[16];

	snprintf(a, sizeof(a), "%02d/%02d", t->fy0 % 100, (t->fy0 + 1) % 100);
	snprintf(z, sizeof(z), "%02d/%02d", (t->fy0 + t->nfy - 1) % 100, (t->fy0 + t->nfy) % 100);
	ldr_export_title(title, t->rm);
	ldr_buf_addstr(title, ": Digital Maturity trajectory");
	ldr_svg_addf(desc, "Small multiples, one panel per capability group (%zu), of the Digital "
		     "Maturity scores (0 to 100) of %zu provider%s from %s to %s: each provider's "
		     "baseline and targets by year, and the footprint mean.",
		     t->npanels, t->nser, t->nser == 1 ? "" : "s", a, z);
}

static void release(struct traj *t)
{
	size_t i;
	for (i = 0; i < t->nser; i++)
		ldr_buf_release(&t->ser[i].abbr);
	free(t->ser);
	free(t->panels);
	ldr_chart_groups_release(&t->groups);
}

int ldr_trajectory_build(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, struct ldr_buf *b)
{
	struct traj t;
	struct ldr_buf title = LDR_BUF_INIT, desc = LDR_BUF_INIT, sub = LDR_BUF_INIT;
	size_t i, rows;
	double legend_h;
	char s[LDR_TIME_STR_MAX];

	memset(&t, 0, sizeof(t));
	t.rm = rm;
	t.opts = opts;
	t.b = b;
	ldr_chart_page(opts, &t.page);
	t.width = t.page.w;
	ldr_chart_groups_init(&t.groups, rm);
	collect(&t);
	rows = (t.npanels + COLS - 1) / COLS;
	t.pw = (t.width - 2 * MARGIN + 3) / COLS;
	legend_h = legend(&t, 0, 0);
	/* As tall as the page allows, within reason. */
	t.ph = (t.page.h - TOP - legend_h - 10 - MARGIN) / (double)(rows ? rows : 1);
	if (t.ph > PANEL_H * 1.7)
		t.ph = PANEL_H * 1.7;
	if (t.ph < PANEL_H * 0.8)
		t.ph = PANEL_H * 0.8;
	t.height = TOP + (double)(rows ? rows : 1) * t.ph + legend_h + 10 + MARGIN;
	if (t.height < t.page.h)
		t.height = t.page.h;
	describe(&t, &title, &desc);

	ldr_svg_begin(b, t.width, t.height, title.s, desc.s);
	ldr_svg_addf(b, "<rect width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\"/>\n", ldr_svg_r(t.width),
		     ldr_svg_r(t.height));
	if (rm->footprint.version)
		ldr_svg_addf(&sub, "Version %s; ", rm->footprint.version);
	ldr_svg_addf(&sub, "Annex 3: Digital Maturity Self-assessment scores (0 to 100) by capability "
		     "group, baseline and targets by year; as at %s", ldr_time_format(&opts->as_of, s));
	ldr_chart_heading(b, title.s, sub.s, MARGIN, t.width - 2 * MARGIN);
	if (!t.nser)
		ldr_svg_text(b, MARGIN, TOP + 10, FONT * 1.4, "fill=\"" LDR_MUTED "\"",
			     "This roadmap has no Digital Maturity trajectory.", 0);
	for (i = 0; i < t.npanels; i++)
		panel(&t, i, MARGIN + (double)(i % COLS) * t.pw, TOP + (double)(i / COLS) * t.ph);
	if (t.nser)
		legend(&t, TOP + (double)(rows ? rows : 1) * t.ph + 3, 1);
	ldr_chart_footer(b, rm, opts, "Digital Maturity trajectory", 0, t.width, t.height);
	ldr_svg_end(b);

	ldr_buf_release(&title);
	ldr_buf_release(&desc);
	ldr_buf_release(&sub);
	release(&t);
	return 0;
}
