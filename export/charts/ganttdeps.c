/* A Gantt chart's dependencies, drawn so that each can be followed: an
 * arrow leaves the predecessor's end, turns down (or up) just after it,
 * runs along the gutter between the successor's row and the next, then
 * turns into the successor's start; its elbows are rounded, and it is
 * drawn under the bars, so that it never hides one. Every arrow has the
 * same shape, whichever way the order goes: one into a bar that starts
 * before its predecessor ends (the order 'ldr check' calls violated) runs
 * back along the gutter, and is red, thicker and dashed, and listed in the
 * key.
 *
 * Which are drawn is --deps: violations (the default), all or none. A board
 * pack needs the exceptions; all of a roadmap's arrows are for the people
 * who plan it. The key says how many are not drawn. */
#include <stdio.h>
#include <string.h>

#include "../../model/roadmap/schedule.h"
#include "chart.h"
#include "gantt.h"
#include "../base/svg.h"

#define ELBOW 0.8  /* the radius of a turn */
#define LEAD_IN 1.8 /* the arrow's last run, into the bar's start */
#define HEAD 1.0

static int wanted(const struct gantt *g, int bad)
{
	return g->opts->deps == LDR_DEPS_ALL || (g->opts->deps == LDR_DEPS_VIOLATIONS && bad);
}

static const struct ldr_strv *deps_of(const struct row *r)
{
	return r->p ? &r->p->depends_on : &r->c->depends_on;
}

static int violated(const struct row *pred, const struct row *succ)
{
	return succ->p ? ldr_project_order_violated(pred->p, succ->p)
		       : ldr_capability_order_violated(pred->c, succ->c);
}

static void list_bad(struct gantt *g, const char *what)
{
	ldr_buf_addstr(&g->bad, g->bad.len ? "; " : "");
	ldr_buf_addstr(&g->bad, what);
}

static void count_row(struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	const struct ldr_strv *deps = deps_of(r);
	size_t j;

	for (j = 0; j < deps->n; j++) {
		const struct row *pred = gantt_find_row(g, deps->v[j]);
		int bad;
		if (!pred)
			continue;
		bad = violated(pred, r);
		if (bad) {
			g->violations++;
			ldr_buf_reset(t);
			ldr_svg_addf(t, r->p ? "%s starts before %s ends" : "%s is due before %s",
				     gantt_row_id(r), gantt_row_id(pred));
			list_bad(g, t->s);
		}
		if (!pred->has_span || !r->has_span)
			continue;
		if (!wanted(g, bad))
			g->hidden++;
		else if (bad)
			g->d.bad_arrows = 1;
		else
			g->d.arrows = 1;
	}
}

static void count_ticks(struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	size_t j;
	int first, last;

	for (j = 0; j < r->c->projects.n; j++) {
		const struct ldr_project *p = ldr_hash_get(&g->projects, r->c->projects.v[j]);
		if (!p || !ldr_project_span(p, &first, &last))
			continue;
		g->d.ticks = 1;
		if (ldr_delivery_order_violated(p, r->c)) {
			g->violations++;
			g->d.bad_ticks = 1;
			ldr_buf_reset(t);
			ldr_svg_addf(t, "%s is due before %s ends", gantt_row_id(r), p->id);
			list_bad(g, t->s);
		}
	}
}

/* The dependencies (and, for capabilities, deliveries) out of order, as
 * 'ldr check' counts them, and which arrows will be drawn. */
void ldr_gantt_count_violations(struct gantt *g)
{
	struct ldr_buf t = LDR_BUF_INIT;
	size_t i;

	for (i = 0; i < g->nrows; i++) {
		const struct row *r = &g->rows[i];
		if (r->removed)
			continue;
		count_row(g, r, &t);
		if (r->c)
			count_ticks(g, r, &t);
	}
	ldr_buf_release(&t);
}

/* ---- the path -------------------------------------------------------------- */

struct pt {
	double x, y;
};

static double dist(struct pt a, struct pt b)
{
	double dx = b.x - a.x, dy = b.y - a.y;
	return (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy); /* the segments are straight */
}

/* A path through points joined by horizontal and vertical runs, each turn
 * rounded (as far as the runs either side allow). */
static void rounded(struct ldr_buf *p, const struct pt *v, size_t n)
{
	size_t i;

	ldr_svg_addf(p, "M%.1f %.1f", ldr_svg_r(v[0].x), ldr_svg_r(v[0].y));
	for (i = 1; i + 1 < n; i++) {
		double a = dist(v[i - 1], v[i]), b = dist(v[i], v[i + 1]), r = ELBOW;
		struct pt in, out;
		if (r > a / 2)
			r = a / 2;
		if (r > b / 2)
			r = b / 2;
		in.x = v[i].x - (a > 0 ? (v[i].x - v[i - 1].x) / a * r : 0);
		in.y = v[i].y - (a > 0 ? (v[i].y - v[i - 1].y) / a * r : 0);
		out.x = v[i].x + (b > 0 ? (v[i + 1].x - v[i].x) / b * r : 0);
		out.y = v[i].y + (b > 0 ? (v[i + 1].y - v[i].y) / b * r : 0);
		ldr_svg_addf(p, "L%.1f %.1fQ%.1f %.1f %.1f %.1f", ldr_svg_r(in.x), ldr_svg_r(in.y),
			     ldr_svg_r(v[i].x), ldr_svg_r(v[i].y), ldr_svg_r(out.x), ldr_svg_r(out.y));
	}
	ldr_svg_addf(p, "L%.1f %.1f", ldr_svg_r(v[n - 1].x), ldr_svg_r(v[n - 1].y));
}

/* From pred's end: right, to the gutter on pred's side of succ's bar,
 * along it to just before succ's start, to its centre, and in. */
static void route(const struct gantt *g, const struct row *pred, const struct row *succ, struct ldr_buf *p)
{
	struct pt v[6];
	double xe = gantt_x(g, pred->last + 1), xs = gantt_x(g, succ->first);
	double gy = pred->y < succ->y ? succ->top : succ->top + g->rh;
	double turn = xe + STUB, back = xs - LEAD_IN;

	v[0] = (struct pt){ xe, pred->y };
	v[1] = (struct pt){ turn, pred->y };
	v[2] = (struct pt){ turn, gy };
	v[3] = (struct pt){ back, gy };
	v[4] = (struct pt){ back, succ->y };
	v[5] = (struct pt){ xs - HEAD, succ->y };
	if (back == turn) { /* one vertical run: no turn along the gutter */
		v[2] = v[4];
		v[3] = v[5];
		rounded(p, v, 4);
		return;
	}
	rounded(p, v, 6);
}

void ldr_gantt_arrowhead(struct ldr_buf *b, double x, double y, int down, const char *colour)
{
	if (down)
		ldr_svg_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\"/>", ldr_svg_r(x), ldr_svg_r(y),
			     ldr_svg_r(x - 0.6), ldr_svg_r(y - HEAD), ldr_svg_r(x + 0.6), ldr_svg_r(y - HEAD), colour);
	else
		ldr_svg_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\"/>", ldr_svg_r(x), ldr_svg_r(y),
			     ldr_svg_r(x - HEAD), ldr_svg_r(y - 0.6), ldr_svg_r(x - HEAD), ldr_svg_r(y + 0.6), colour);
}

static void arrow(struct gantt *g, const struct row *pred, const struct row *succ, int bad)
{
	struct ldr_buf *b = g->b, path = LDR_BUF_INIT, t = LDR_BUF_INIT;
	const char *colour = bad ? LDR_ALERT : "#404040";

	route(g, pred, succ, &path);
	ldr_svg_addf(&t, "%s depends on %s%s", gantt_row_id(succ), gantt_row_id(pred),
		     bad ? (succ->p ? ": starts before it ends (order violated)" : ": due before it (order violated)") : "");
	ldr_buf_addstr(b, bad ? "<g class=\"dependency violated\">" : "<g class=\"dependency\">");
	ldr_svg_title(b, t.s);
	ldr_svg_addf(b, "<path d=\"%s\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"0.9\" stroke-opacity=\"0.8\"/>", path.s);
	ldr_svg_addf(b, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s/>", path.s, colour,
		     bad ? "0.45" : "0.3", bad ? " stroke-dasharray=\"1.2 0.5\"" : "");
	ldr_gantt_arrowhead(b, gantt_x(g, succ->first), succ->y, 0, colour);
	ldr_buf_addstr(b, "</g>\n");
	ldr_buf_release(&path);
	ldr_buf_release(&t);
}

/* The arrows of one kind (in order, then out of order, which come on top). */
static void arrows_of(struct gantt *g, int bad)
{
	size_t i, j;

	for (i = 0; i < g->nrows; i++) {
		const struct row *r = &g->rows[i];
		const struct ldr_strv *deps = deps_of(r);
		for (j = 0; !r->removed && j < deps->n; j++) {
			const struct row *pred = gantt_find_row(g, deps->v[j]);
			if (!pred || !pred->has_span || !r->has_span || violated(pred, r) != bad || !wanted(g, bad))
				continue;
			arrow(g, pred, r, bad);
		}
	}
}

void ldr_gantt_arrows(struct gantt *g)
{
	ldr_buf_addstr(g->b, "<g class=\"dependencies\">\n");
	arrows_of(g, 0);
	arrows_of(g, 1);
	ldr_buf_addstr(g->b, "</g>\n");
}
