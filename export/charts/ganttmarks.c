/* The marks of a Gantt chart's row: its label, its bar, the ghost of its
 * baseline, the tail of its lateness, the dot of its delivery, the words
 * after it ("+2Q", "overdue 5Q", "delivered 2017-02", "new") and, for a
 * capability, the ends of the projects that deliver it. Each mark has a
 * <title> that says in words what it shows, derived values included. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/schedule.h"
#include "chart.h"
#include "gantt.h"
#include "../base/layout.h"
#include "../base/svg.h"

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

static const struct style *style_of(const struct gantt *g, int status)
{
	const struct style *v = g->opts->capabilities ? capability_styles : project_styles;
	return &v[status >= 0 && status < (int)LDR_ARRAY_SIZE(project_styles) ? status : 0];
}

const char *ldr_gantt_status_name(const struct gantt *g, int status)
{
	return style_of(g, status)->name;
}

void ldr_gantt_status_style(const struct gantt *g, int status, const char **fill, const char **stroke)
{
	*fill = style_of(g, status)->fill;
	*stroke = style_of(g, status)->stroke;
}

static int status_of(const struct row *r)
{
	return r->p ? r->p->status : r->c->status;
}

static const struct ldr_time *actual_of(const struct row *r)
{
	return r->p ? &r->p->delivered : &r->c->delivered;
}

static const char *tstr(const struct ldr_time *t, char *buf)
{
	return ldr_time_format(t, buf);
}

/* ---- what each row shows ------------------------------------------------- */

/* Whether the row's end moved since the baseline (its label: "+2Q"). */
static int moved(const struct gantt *g, const struct row *r, struct ldr_buf *label)
{
	const struct ldr_time *now = ldr_gantt_due(r), *then = ldr_gantt_baseline_due(g, r);
	struct ldr_buf t = LDR_BUF_INIT;
	int m = now && then ? ldr_chart_shift(label ? label : &t, then, now) : 0;

	ldr_buf_release(&t);
	return m != 0;
}

/* Whether the row's span differs from the baseline's (its ghost is drawn). */
static int span_moved(const struct gantt *g, const struct row *r)
{
	int bf, bl;

	if (!ldr_gantt_baseline_span(g, r, &bf, &bl))
		return 0;
	return r->removed || !r->has_span || bf != r->first || bl != r->last;
}

static int newly_dropped(const struct gantt *g, const struct row *r)
{
	const void *rec = ldr_gantt_baseline_rec(g, r);
	int was;

	if (!rec || r->removed || !ldr_gantt_dropped(r))
		return 0;
	was = r->p ? ((const struct ldr_project *)rec)->status == LDR_PROJECT_DROPPED
		   : ((const struct ldr_capability *)rec)->status == LDR_CAP_DROPPED;
	return !was;
}

static int is_new(const struct gantt *g, const struct row *r)
{
	return g->opts->baseline && !r->removed && !ldr_gantt_baseline_rec(g, r);
}

/* The x of the dot of a delivery, or -1 when there is none to draw: at the
 * end of its delivered time, but never after the as-at line (a delivery
 * dated after it had not happened then). */
static double dot_x(const struct gantt *g, const struct row *r)
{
	const struct ldr_time *a = actual_of(r), *asof = &g->opts->as_of;
	int m;

	if (r->removed || !a->kind)
		return -1;
	m = ldr_time_last(a);
	if (asof->kind) {
		if (ldr_time_first(a) > ldr_time_last(asof))
			return -1;
		if (m > ldr_time_last(asof))
			m = ldr_time_last(asof);
	}
	return m + 1 < g->m0 || m + 1 > g->m1 ? -1 : gantt_x(g, m + 1);
}

static void survey_row(struct gantt *g, struct row *r)
{
	const struct ldr_time *due = ldr_gantt_due(r);
	int status = status_of(r);

	if (!r->removed) {
		r->overdue = due && ldr_chart_overdue(due, r->p ? status == LDR_PROJECT_DELIVERED
								 : status == LDR_CAP_DELIVERED,
						      ldr_gantt_dropped(r), actual_of(r), &g->opts->as_of);
		g->d.status |= 1u << status;
	}
	g->d.overdue |= r->overdue;
	g->d.ghost |= span_moved(g, r);
	g->d.moved |= moved(g, r, NULL);
	g->d.added |= is_new(g, r);
	g->d.removed |= r->removed;
	g->d.dropped |= newly_dropped(g, r);
	g->d.derived |= ldr_gantt_derived(r);
	g->d.delivered |= dot_x(g, r) >= 0;
}

void ldr_gantt_survey(struct gantt *g)
{
	size_t i;

	g->d.as_at = ldr_gantt_as_at_x(g) >= 0;
	for (i = 0; i < g->nrows; i++)
		survey_row(g, &g->rows[i]);
}

/* ---- titles ---------------------------------------------------------------- */

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
		ldr_svg_addf(t, "%s%s", i == 0 ? ", " : i + 1 == k ? " and " : ", ", named[i]);
	if (k)
		ldr_buf_addstr(t, " derived (not from the source)");
}

static void say_months(struct ldr_buf *t, const char *what, int n, const char *later, const char *sooner)
{
	int a = n > 0 ? n : -n;
	ldr_svg_addf(t, ", %s %d month%s %s", what, a, a == 1 ? "" : "s", n > 0 ? later : sooner);
}

/* The plan of a record as its own times say it: "17/18 Q1\u201317/18 Q4". */
static void say_plan(struct ldr_buf *t, const struct row *r, const void *rec)
{
	char s1[LDR_TIME_STR_MAX], s2[LDR_TIME_STR_MAX];

	if (r->c) {
		ldr_buf_addstr(t, tstr(&((const struct ldr_capability *)rec)->year, s1));
		return;
	}
	tstr(&((const struct ldr_project *)rec)->start, s1);
	tstr(&((const struct ldr_project *)rec)->end, s2);
	ldr_svg_addf(t, s2[0] ? "%s\xE2\x80\x93%s" : "%s", s1, s2);
}

/* What the baseline planned and how the plan moved since, in words. */
static void say_baseline(const struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	const void *rec = ldr_gantt_baseline_rec(g, r);
	struct ldr_buf shift = LDR_BUF_INIT;
	int bf, bl;

	if (!rec) {
		ldr_buf_addstr(t, "; new since the baseline");
		return;
	}
	ldr_buf_addstr(t, r->removed ? "; removed since the baseline, which planned " : "; baseline ");
	if (!ldr_gantt_baseline_span(g, r, &bf, &bl)) {
		ldr_buf_addstr(t, "no dates");
		return;
	}
	say_plan(t, r, rec);
	if (r->removed || !r->has_span)
		return;
	if (r->first != bf)
		say_months(t, "start moved", r->first - bf, "later", "earlier");
	if (moved(g, r, &shift))
		ldr_svg_addf(t, ", end moved %s (%s)", shift.s, r->last > bl ? "later" : "sooner");
	else
		ldr_buf_addstr(t, ", end unchanged");
	if (newly_dropped(g, r))
		ldr_buf_addstr(t, ", dropped since");
	ldr_buf_release(&shift);
}

static void say_state(const struct gantt *g, const struct row *r, struct ldr_buf *t, const char *done)
{
	char s1[LDR_TIME_STR_MAX], s2[LDR_TIME_STR_MAX];

	ldr_svg_addf(t, ", status %s", ldr_gantt_status_name(g, status_of(r)));
	if (actual_of(r)->kind)
		ldr_svg_addf(t, ", %s %s", done, tstr(actual_of(r), s1));
	if (r->overdue) {
		ldr_buf_addstr(t, ", overdue by ");
		ldr_chart_late_by(t, ldr_gantt_due(r), &g->opts->as_of);
		ldr_svg_addf(t, " as at %s", tstr(&g->opts->as_of, s2));
	}
}

static void project_title(const struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	static const char *const fields[] = { "start", "end", "status" };
	const struct ldr_project *p = r->p;
	char s1[LDR_TIME_STR_MAX], s2[LDR_TIME_STR_MAX];
	size_t i;

	ldr_buf_reset(t);
	ldr_svg_addf(t, "%s %s: ", p->id ? p->id : "", p->name ? p->name : "");
	if (p->start.kind == LDR_TIME_NONE)
		ldr_buf_addstr(t, "no planned dates");
	else if (p->end.kind == LDR_TIME_NONE)
		ldr_svg_addf(t, "planned %s (no end)", tstr(&p->start, s1));
	else
		ldr_svg_addf(t, "planned %s\xE2\x80\x93%s", tstr(&p->start, s1), tstr(&p->end, s2));
	say_state(g, r, t, "delivered");
	say_derived(t, &p->derived, fields, 3);
	if (g->opts->baseline)
		say_baseline(g, r, t);
	for (i = 0; !r->removed && i < p->depends_on.n; i++) {
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
	size_t i;

	ldr_buf_reset(t);
	ldr_svg_addf(t, "%s %s: %s: ", c->id ? c->id : "", c->who ? c->who : "", c->what ? c->what : "");
	if (c->year.kind == LDR_TIME_NONE)
		ldr_buf_addstr(t, "no year");
	else
		ldr_svg_addf(t, "deployed by the end of %s", tstr(&c->year, s1));
	say_state(g, r, t, "deployed");
	say_derived(t, &c->derived, fields, 2);
	if (g->opts->baseline)
		say_baseline(g, r, t);
	for (i = 0; !r->removed && i < c->projects.n; i++)
		ldr_svg_addf(t, "%s%s", i ? ", " : "; delivered by ", c->projects.v[i]);
	for (i = 0; !r->removed && i < c->depends_on.n; i++) {
		const struct row *pr = gantt_find_row(g, c->depends_on.v[i]);
		ldr_svg_addf(t, "%s%s", i ? ", " : "; depends on ", c->depends_on.v[i]);
		if (pr && ldr_capability_order_violated(pr->c, c))
			ldr_buf_addstr(t, " (order violated: due before it)");
	}
}

/* ---- the label ------------------------------------------------------------- */

/* The label: the id in bold and the name, on one line; or, when it does
 * not fit the column, on two (the second cut with an ellipsis only if even
 * that is not enough, the whole then in its <title>). */
void ldr_gantt_label(struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	struct ldr_buf *b = g->b, id = LDR_BUF_INIT;
	double idw, sp = ldr_svg_width(" ", FONT, 0), y = r->y + FONT * 0.36, room;
	size_t n, next = 0;

	ldr_gantt_row_id(r, &id);
	idw = ldr_svg_width(id.s, FONT, 1);
	room = g->label_w - 1 - idw - sp;
	ldr_gantt_row_label(r, t);
	n = r->label_lines > 1 ? ldr_svg_wrap(t->s, FONT, 0, room, &next) : strlen(t->s);
	ldr_svg_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\"%s>", ldr_svg_r(g->label_x),
		     ldr_svg_r(y), FONT, r->removed ? " fill=\"" LDR_MUTED "\" font-style=\"italic\"" : "");
	if ((r->label_lines == 1 && ldr_svg_width(t->s, FONT, 0) > room) ||
	    (r->label_lines > 1 && ldr_svg_width(t->s + next, FONT, 0) > g->label_w - 1)) {
		struct ldr_buf full = LDR_BUF_INIT;
		ldr_svg_addf(&full, "%s %s", id.s, t->s);
		ldr_svg_title(b, full.s);
		ldr_buf_release(&full);
	}
	ldr_buf_addstr(b, "<tspan font-weight=\"bold\">");
	ldr_svg_add_fit(b, id.s, FONT, 1, g->label_w - 1);
	ldr_buf_addstr(b, "</tspan> ");
	if (r->label_lines > 1) {
		ldr_svg_esc_n(b, t->s, n, 0);
		ldr_svg_addf(b, "</text>\n<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\"%s>", ldr_svg_r(g->label_x),
			     ldr_svg_r(y + LABEL_LEAD), FONT,
			     r->removed ? " fill=\"" LDR_MUTED "\" font-style=\"italic\"" : "");
		ldr_svg_add_fit(b, t->s + next, FONT, 0, g->label_w - 1);
	} else {
		ldr_svg_add_fit(b, t->s, FONT, 0, room);
	}
	ldr_buf_addstr(b, "</text>\n");
	ldr_buf_release(&id);
}

/* ---- the words after the bar ---------------------------------------------- */

enum { W_SLIP, W_LATE, W_DONE, W_NOTE, W_KINDS };

struct words {
	struct ldr_buf part[W_KINDS];
	double w;
};

static void words_of(const struct gantt *g, const struct row *r, struct words *v)
{
	const struct ldr_time *a = actual_of(r);
	char s[LDR_TIME_STR_MAX];
	int i;

	memset(v, 0, sizeof(*v));
	moved(g, r, &v->part[W_SLIP]);
	if (r->overdue) {
		ldr_buf_addstr(&v->part[W_LATE], "overdue ");
		ldr_chart_late_by(&v->part[W_LATE], ldr_gantt_due(r), &g->opts->as_of);
	}
	if (!r->removed && a->kind) {
		ldr_svg_addf(&v->part[W_DONE], "delivered %s", tstr(a, s));
		if (dot_x(g, r) < 0 && g->opts->as_of.kind && ldr_time_first(a) > ldr_time_last(&g->opts->as_of))
			ldr_buf_addstr(&v->part[W_DONE], ", after the as-at date");
	} else if (!r->removed && ldr_gantt_delivered(r)) {
		ldr_buf_addstr(&v->part[W_DONE], "delivered");
	}
	if (r->removed)
		ldr_buf_addstr(&v->part[W_NOTE], "removed");
	else if (is_new(g, r))
		ldr_buf_addstr(&v->part[W_NOTE], "new");
	else if (newly_dropped(g, r))
		ldr_buf_addstr(&v->part[W_NOTE], "dropped");
	for (i = 0; i < W_KINDS; i++)
		if (v->part[i].len)
			v->w += ldr_svg_width(v->part[i].s, SMALL, i != W_DONE) +
				(v->w > 0 ? ldr_svg_width(" ", SMALL, 0) : 0);
}

static void words_release(struct words *v)
{
	int i;
	for (i = 0; i < W_KINDS; i++)
		ldr_buf_release(&v->part[i]);
}

static void words_draw(struct gantt *g, const struct words *v, double x, double y, int anchor_end)
{
	static const char *const attrs[W_KINDS] = {
		"font-weight=\"bold\" fill=\"" LDR_INK "\"",
		"font-weight=\"bold\" fill=\"" LDR_ALERT "\"",
		"fill=\"" LDR_MUTED "\"",
		"font-weight=\"bold\" fill=\"" LDR_MUTED "\"",
	};
	int i, first = 1;

	ldr_svg_addf(g->b, "<text class=\"end\" x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\"%s>", ldr_svg_r(x),
		     ldr_svg_r(y + SMALL * 0.36), SMALL, anchor_end ? " text-anchor=\"end\"" : "");
	for (i = 0; i < W_KINDS; i++) {
		if (!v->part[i].len)
			continue;
		ldr_svg_addf(g->b, "%s<tspan %s>", first ? "" : " ", attrs[i]);
		ldr_svg_esc(g->b, v->part[i].s);
		ldr_buf_addstr(g->b, "</tspan>");
		first = 0;
	}
	ldr_buf_addstr(g->b, "</text>");
}

/* The extent of a row's marks on its centre line. */
static void extent(const struct gantt *g, const struct row *r, double *lo, double *hi)
{
	double asat = ldr_gantt_as_at_x(g), d = dot_x(g, r);
	int bf, bl;

	*lo = 1e9;
	*hi = -1e9;
	if (r->has_span && !r->removed) {
		*lo = gantt_x(g, r->first);
		*hi = gantt_x(g, r->last + 1);
	}
	if (span_moved(g, r) && ldr_gantt_baseline_span(g, r, &bf, &bl)) {
		*lo = gantt_x(g, bf) < *lo ? gantt_x(g, bf) : *lo;
		*hi = gantt_x(g, bl + 1) > *hi ? gantt_x(g, bl + 1) : *hi;
	}
	if (r->overdue)
		*hi = asat >= 0 && asat > *hi ? asat : r->has_span ? g->x1 : *hi;
	if (d >= 0 && d + 1 > *hi)
		*hi = d + 1;
	if (*lo > *hi)
		*lo = *hi = g->x0;
}

/* After the marks if there is room before the page's edge, else before
 * them, else over the bar on a white ground. */
static void end_words(struct gantt *g, const struct row *r)
{
	struct words v;
	double lo, hi, right = g->page.w - MARGIN;

	words_of(g, r, &v);
	if (v.w > 0) {
		extent(g, r, &lo, &hi);
		if (hi + 1 + v.w <= right) {
			words_draw(g, &v, hi + 1, r->y, 0);
		} else if (lo - 1 - v.w >= g->x0) {
			words_draw(g, &v, lo - 1, r->y, 1);
		} else {
			double x = (hi < g->x1 ? hi : g->x1) - 0.8;
			ldr_svg_addf(g->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"0.4\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>",
				     ldr_svg_r(x - v.w - 0.4), ldr_svg_r(r->y - SMALL * 0.55), ldr_svg_r(v.w + 0.8),
				     ldr_svg_r(SMALL * 1.1));
			words_draw(g, &v, x, r->y, 1);
		}
	}
	words_release(&v);
}

/* ---- the bar ------------------------------------------------------------ */

/* The baseline's bar, behind the bar and a little lower: grey, so that
 * where the plan was shows wherever it no longer is. */
static void ghost(struct gantt *g, const struct row *r)
{
	int bf, bl;
	double x0, x1;

	if (!span_moved(g, r) || !ldr_gantt_baseline_span(g, r, &bf, &bl))
		return;
	x0 = gantt_x(g, bf);
	x1 = gantt_x(g, bl + 1);
	ldr_svg_addf(g->b, "<rect class=\"ghost\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"0.4\" fill=\"#c8c8c8\" stroke=\"#6a6a6a\" stroke-width=\"0.25\" stroke-dasharray=\"0.8 0.5\"/>",
		     ldr_svg_r(x0), ldr_svg_r(r->y - g->bh / 2 + g->bh * 0.5), ldr_svg_r(x1 - x0), ldr_svg_r(g->bh));
}

/* From the planned end to the as-at line (or the chart's edge). */
static void late_tail(struct gantt *g, const struct row *r)
{
	double x0, x1 = ldr_gantt_as_at_x(g), h = g->bh * 0.55;

	if (!r->overdue || !r->has_span)
		return;
	x0 = gantt_x(g, r->last + 1);
	if (x1 < 0)
		x1 = g->x1;
	if (x1 <= x0)
		return;
	ldr_svg_addf(g->b, "<rect class=\"overdue\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"url(#pat-late)\" stroke=\"%s\" stroke-width=\"0.3\"/>",
		     ldr_svg_r(x0), ldr_svg_r(r->y - h / 2), ldr_svg_r(x1 - x0), ldr_svg_r(h), LDR_ALERT);
}

static void bar(struct gantt *g, const struct row *r)
{
	const char *fill, *stroke;
	double x0, x1;

	if (r->removed)
		return;
	if (!r->has_span) {
		ldr_svg_text(g->b, g->x0 + 1.5, r->y + SMALL * 0.36, SMALL, "font-style=\"italic\" fill=\"" LDR_MUTED "\"",
			     r->p ? "no planned dates" : "no year", 0);
		return;
	}
	ldr_gantt_status_style(g, status_of(r), &fill, &stroke);
	x0 = gantt_x(g, r->first);
	x1 = gantt_x(g, r->last + 1);
	ldr_svg_addf(g->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"0.4\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
		     ldr_svg_r(x0), ldr_svg_r(r->y - g->bh / 2), ldr_svg_r(x1 - x0), ldr_svg_r(g->bh), fill,
		     r->overdue ? LDR_ALERT : stroke, r->overdue ? "0.6" : "0.35");
}

/* ---- a capability's delivering projects ----------------------------------- */

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
	double *xs;
	size_t i;

	if (r->removed)
		return;
	xs = tick_marks(g, r);
	for (i = 0; i < r->c->projects.n; i++) {
		const struct ldr_project *p = tick_project(g, r, i);
		int bad;
		double x = xs[i], y = r->y + g->bh / 2, s;

		if (!p)
			continue;
		bad = ldr_delivery_order_violated(p, r->c);
		s = bad ? 1.2 : 0.9;
		ldr_buf_reset(t);
		ldr_svg_addf(t, "%s %s ends %s", p->id, p->name ? p->name : "",
			     tstr(p->end.kind ? &p->end : &p->start, s1));
		ldr_buf_addstr(t, bad ? ", after the capability is due (order violated)" : " and delivers it");
		ldr_buf_addstr(b, "<g>");
		ldr_svg_title(b, t->s);
		/* Out of order: a red dashed line from when the capability is due
		 * to when its project ends, so that the gap is seen. */
		if (bad && r->has_span)
			ldr_svg_addf(b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"0.45\" stroke-dasharray=\"1.2 0.5\"/>",
				     ldr_svg_r(gantt_x(g, r->last + 1)), ldr_svg_r(y + 0.5), ldr_svg_r(x), LDR_ALERT);
		ldr_svg_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\"/></g>\n", ldr_svg_r(x),
			     ldr_svg_r(y), ldr_svg_r(x - s), ldr_svg_r(y + s * 1.5), ldr_svg_r(x + s),
			     ldr_svg_r(y + s * 1.5), bad ? LDR_ALERT : LDR_MUTED);
	}
	free(xs);
}

void ldr_gantt_bar(struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	struct ldr_buf *b = g->b;
	double d = dot_x(g, r);

	if (r->p)
		project_title(g, r, t);
	else
		capability_title(g, r, t);
	ldr_buf_addstr(b, "<g");
	if (gantt_row_id(r)) {
		ldr_buf_addstr(b, r->removed ? " id=\"removed-" : " id=\"");
		ldr_svg_id(b, "row-", gantt_row_id(r));
		ldr_buf_addch(b, '"');
	}
	if (r->overdue)
		ldr_buf_addstr(b, " class=\"overdue\"");
	ldr_buf_addstr(b, ">");
	ldr_svg_title(b, t->s);
	ghost(g, r);
	late_tail(g, r);
	bar(g, r);
	if (d >= 0)
		ldr_svg_addf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.3\"/>",
			     ldr_svg_r(d), ldr_svg_r(r->y), ldr_svg_r(g->bh * 0.4), LDR_INK);
	end_words(g, r);
	ldr_buf_addstr(b, "</g>\n");
	if (r->c)
		delivery_ticks(g, r, t);
}

void ldr_gantt_as_at(struct gantt *g)
{
	struct ldr_buf *b = g->b;
	char s[LDR_TIME_STR_MAX], text[48];
	double x = ldr_gantt_as_at_x(g);

	if (x < 0)
		return;
	snprintf(text, sizeof(text), "as at %s", tstr(&g->opts->as_of, s));
	ldr_svg_addf(b, "<g class=\"as-at\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"0.5\"/>",
		     ldr_svg_r(x), ldr_svg_r(g->top - QUARTER_BAND - YEAR_BAND - 2.5), ldr_svg_r(x),
		     ldr_svg_r(g->bottom), LDR_ASOF);
	if (x + 0.8 + ldr_svg_width(text, SMALL, 1) <= g->page.w - MARGIN)
		ldr_svg_text(b, x + 0.8, g->top - QUARTER_BAND - YEAR_BAND - 0.8, SMALL,
			     "font-weight=\"bold\" fill=\"" LDR_ASOF "\"", text, 0);
	else
		ldr_svg_text(b, x - 0.8, g->top - QUARTER_BAND - YEAR_BAND - 0.8, SMALL,
			     "font-weight=\"bold\" text-anchor=\"end\" fill=\"" LDR_ASOF "\"", text, 0);
	ldr_buf_addstr(b, "</g>\n");
}
