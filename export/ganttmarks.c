/* The marks of the Gantt chart: each row's label and bar (with its
 * baseline, milestones and, for a capability, the ends of the projects that
 * deliver it), the dependency arrows, the as-at line and the key. Each mark
 * has a <title> that says in words what it shows, derived values included. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/schedule.h"
#include "chart.h"
#include "gantt.h"
#include "layout.h"
#include "svg.h"

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
		if (ldr_gantt_baseline_span(g, r, &bf, &bl))
			say_baseline(t, bf, bl, r->first, r->last, r->has_span);
		else
			ldr_buf_addstr(t, "; not in the baseline");
	}
	for (i = 0; i < p->depends_on.n; i++) {
		const struct row *pr = gantt_find_row(g, p->depends_on.v[i]);
		ldr_buf_addstr(t, i ? ", " : "; depends on ");
		ldr_buf_addstr(t, p->depends_on.v[i]);
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
		if (ldr_gantt_baseline_span(g, r, &bf, &bl))
			say_baseline(t, bf, bl, r->first, r->last, r->has_span);
		else
			ldr_buf_addstr(t, "; not in the baseline");
	}
	for (i = 0; i < c->projects.n; i++)
		ldr_buf_addf(t, "%s%s", i ? ", " : "; delivered by ", c->projects.v[i]);
	for (i = 0; i < c->depends_on.n; i++) {
		const struct row *pr = gantt_find_row(g, c->depends_on.v[i]);
		ldr_buf_addf(t, "%s%s", i ? ", " : "; depends on ", c->depends_on.v[i]);
		if (pr && ldr_capability_order_violated(pr->c, c))
			ldr_buf_addstr(t, " (order violated: due before it)");
	}
}

void ldr_gantt_label(struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	struct ldr_buf *b = g->b;
	const char *id = gantt_row_id(r) ? gantt_row_id(r) : "";
	double idw = ldr_svg_width(id, FONT, 1), sp = ldr_svg_width(" ", FONT, 0);
	double y = r->y + FONT * 0.36;

	ldr_gantt_row_label(r, t);
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

/* ---- marks that fall together ------------------------------------------ */

/* A mark on a row: its date, its id and how wide it is. */
struct place {
	const struct ldr_time *when;
	const char *id;
	double half;
	size_t index; /* in the order the marks are drawn */
};

/* By date (where on the axis, then as ldr_time_cmp orders), then id. */
static int place_cmp(const void *a, const void *b)
{
	const struct place *x = a, *y = b;
	int lx = ldr_time_last(x->when), ly = ldr_time_last(y->when), c;

	if (lx != ly)
		return lx < ly ? -1 : 1;
	if ((c = ldr_time_cmp(x->when, y->when)) != 0)
		return c;
	if ((c = strcmp(x->id ? x->id : "", y->id ? y->id : "")) != 0)
		return c;
	return (x->index > y->index) - (x->index < y->index);
}

/* Where the n marks of v go, in xs[index]: at the end of the period each is
 * dated, or side by side in order of date and id where they would cover
 * each other. Sorts v. */
static void place_marks(const struct gantt *g, struct place *v, size_t n, double *xs)
{
	struct ldr_mark *m;
	size_t i;

	for (i = 0; i < n; i++)
		xs[v[i].index] = gantt_x(g, ldr_time_last(v[i].when) + 1);
	if (n < 2)
		return;
	qsort(v, n, sizeof(*v), place_cmp);
	m = ldr_malloc(n * sizeof(*m));
	for (i = 0; i < n; i++) {
		m[i].want = xs[v[i].index];
		m[i].half = v[i].half;
	}
	ldr_spread_marks(m, n, g->x0, g->x1);
	for (i = 0; i < n; i++)
		xs[v[i].index] = m[i].x;
	free(m);
}

static double milestone_half(const struct gantt *g)
{
	return g->bh * 0.75;
}

/* The marks on a row's centre line: its milestones (xs[i] for the i-th),
 * then the dot of its actual delivery (xs[n] for n milestones). */
static double *centre_marks(const struct gantt *g, const struct row *r)
{
	const struct ldr_time *done = r->p ? &r->p->delivered : &r->c->delivered;
	size_t i, n = r->p ? r->p->milestones.len : 0, k = 0;
	struct place *v = ldr_malloc((n + 1) * sizeof(*v));
	double *xs = ldr_calloc(n + 1, sizeof(*xs));

	for (i = 0; i < n; i++) {
		const struct ldr_milestone *m = LDR_ITEM(r->p->milestones, struct ldr_milestone, i);
		if (m->due.kind != LDR_TIME_NONE)
			v[k++] = (struct place){ &m->due, m->id, milestone_half(g), i };
	}
	if (done->kind != LDR_TIME_NONE)
		v[k++] = (struct place){ done, NULL, g->bh * 0.4, n };
	place_marks(g, v, k, xs);
	free(v);
	return xs;
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

static void milestones(struct gantt *g, const struct row *r, struct ldr_buf *t, const double *xs)
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
		diamond(b, xs[i], r->y, milestone_half(g), fill, stroke);
		if (m->status == LDR_MILESTONE_MISSED || m->status == LDR_MILESTONE_DROPPED) {
			double x = xs[i], d = g->bh * 0.35;
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

	if (!ldr_gantt_baseline_span(g, r, &bf, &bl))
		return;
	y = r->y + g->bh / 2 + 0.35;
	x0 = gantt_x(g, bf);
	x1 = gantt_x(g, bl + 1);
	ldr_buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"0.9\" fill=\"#5f5f5f\"/>",
		     ldr_svg_r(x0), ldr_svg_r(y), ldr_svg_r(x1 - x0));
	if (r->has_span && r->last != bl) {
		xe = gantt_x(g, r->last + 1);
		ldr_buf_addf(b, "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1f\" stroke=\"%s\" stroke-width=\"0.35\" fill=\"none\"/>",
			     ldr_svg_r(x1), ldr_svg_r(y + 0.45), ldr_svg_r(xe), ldr_svg_r(xe),
			     ldr_svg_r(y - 0.4), ldr_svg_r(y + 1.3), r->last > bl ? LDR_ALERT : LDR_INK);
	}
}

/* The project of a capability's i-th delivering project that has dates. */
static const struct ldr_project *tick_project(const struct gantt *g, const struct row *r, size_t i)
{
	const char *pid = r->c->projects.v[i];
	const struct ldr_project *p = pid ? ldr_hash_get(&g->projects, pid) : NULL;
	int first, last;

	return p && ldr_project_span(p, &first, &last) ? p : NULL;
}

/* Where the ticks go (xs[i] for the i-th delivering project). */
static double *tick_marks(const struct gantt *g, const struct row *r)
{
	size_t i, n = r->c->projects.n, k = 0;
	struct place *v = ldr_malloc((n + 1) * sizeof(*v));
	double *xs = ldr_calloc(n + 1, sizeof(*xs));

	for (i = 0; i < n; i++) {
		const struct ldr_project *p = tick_project(g, r, i);
		if (p)
			v[k++] = (struct place){ p->end.kind ? &p->end : &p->start, p->id,
						 ldr_delivery_order_violated(p, r->c) ? 1.2 : 0.9, i };
	}
	place_marks(g, v, k, xs);
	free(v);
	return xs;
}

/* For a capability, a tick at the end of each project that delivers it:
 * red where the capability is due before the project ends. */
static void delivery_ticks(struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	struct ldr_buf *b = g->b;
	char s1[LDR_TIME_STR_MAX];
	double *xs = tick_marks(g, r);
	size_t i;

	for (i = 0; i < r->c->projects.n; i++) {
		const struct ldr_project *p = tick_project(g, r, i);
		int bad;
		double x = xs[i], y = r->y + g->bh / 2;

		if (!p)
			continue;
		bad = ldr_delivery_order_violated(p, r->c);
		ldr_buf_reset(t);
		ldr_buf_addf(t, "%s %s ends %s", p->id, p->name ? p->name : "",
			     tstr(p->end.kind ? &p->end : &p->start, s1));
		ldr_buf_addstr(t, bad ? ", after the capability is due (order violated)" : " and delivers it");
		ldr_buf_addstr(b, "<g>");
		ldr_svg_title(b, t->s);
		/* Out of order: a red dashed line from when the capability is due
		 * to when its project ends, so that the gap is seen. */
		if (bad && r->has_span)
			ldr_buf_addf(b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"0.45\" stroke-dasharray=\"1.2 0.5\"/>",
				     ldr_svg_r(gantt_x(g, r->last + 1)), ldr_svg_r(y + 0.5), ldr_svg_r(x), LDR_ALERT);
		ldr_buf_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\"/></g>\n",
			     ldr_svg_r(x), ldr_svg_r(y), ldr_svg_r(x - (bad ? 1.2 : 0.9)), ldr_svg_r(y + (bad ? 1.8 : 1.4)),
			     ldr_svg_r(x + (bad ? 1.2 : 0.9)), ldr_svg_r(y + (bad ? 1.8 : 1.4)), bad ? LDR_ALERT : LDR_MUTED);
	}
	free(xs);
}

void ldr_gantt_bar(struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	struct ldr_buf *b = g->b;
	const struct style *st = r->p ? &project_styles[r->p->status] : &capability_styles[r->c->status];
	const struct ldr_time *done = r->p ? &r->p->delivered : &r->c->delivered;
	double *xs = centre_marks(g, r), x0, x1;

	if (r->p)
		project_title(g, r, t);
	else
		capability_title(g, r, t);
	ldr_buf_addstr(b, "<g");
	if (gantt_row_id(r)) {
		ldr_buf_addstr(b, " id=\"");
		ldr_svg_id(b, "row-", gantt_row_id(r));
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
		x0 = gantt_x(g, r->first);
		x1 = gantt_x(g, r->last + 1);
		ldr_buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"0.4\" fill=\"%s\" stroke=\"%s\" stroke-width=\"0.35\"%s/>",
			     ldr_svg_r(x0), ldr_svg_r(r->y - g->bh / 2), ldr_svg_r(x1 - x0), ldr_svg_r(g->bh),
			     st->fill, st->stroke, is_derived_span(r) ? " stroke-dasharray=\"1.1 0.7\"" : "");
	}
	if (done->kind != LDR_TIME_NONE)
		ldr_buf_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.3\"/>",
			     ldr_svg_r(xs[r->p ? r->p->milestones.len : 0]), ldr_svg_r(r->y), ldr_svg_r(g->bh * 0.4), LDR_INK);
	ldr_buf_addstr(b, "</g>\n");
	milestones(g, r, t, xs);
	if (r->c)
		delivery_ticks(g, r, t);
	free(xs);
}

/* An orthogonal arrow from the end of pred to the start of succ. */
static void arrow(struct gantt *g, const struct row *pred, const struct row *succ, int bad)
{
	struct ldr_buf *b = g->b, path = LDR_BUF_INIT, t = LDR_BUF_INIT;
	double xe = gantt_x(g, pred->last + 1), xs = gantt_x(g, succ->first);
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
	ldr_buf_addf(&t, "%s depends on %s%s", gantt_row_id(succ), gantt_row_id(pred),
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

void ldr_gantt_arrows(struct gantt *g)
{
	size_t i, j;

	ldr_buf_addstr(g->b, "<g class=\"dependencies\">\n");
	for (i = 0; i < g->nrows; i++) {
		const struct row *r = &g->rows[i];
		const struct ldr_strv *deps = r->p ? &r->p->depends_on : &r->c->depends_on;
		for (j = 0; j < deps->n; j++) {
			const struct row *pred = gantt_find_row(g, deps->v[j]);
			int bad;
			if (!pred || !pred->has_span || !r->has_span)
				continue;
			bad = r->p ? ldr_project_order_violated(pred->p, r->p)
				   : ldr_capability_order_violated(pred->c, r->c);
			arrow(g, pred, r, bad);
		}
	}
	ldr_buf_addstr(g->b, "</g>\n");
}

void ldr_gantt_as_at(struct gantt *g)
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
	x = gantt_x(g, m);
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

void ldr_gantt_legend(struct gantt *g, double y)
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
