/* A Gantt chart's milestones: diamonds on lines of their own under their
 * project's bar, at the end of the period each is due in, each labelled
 * with its id and, where there is room before the next label on its line,
 * what it is (whole, or cut with an ellipsis, the whole in its <title>).
 * Milestones due together, or so close that their labels would touch, go
 * on the next line down: stacked, each seen and each labelled. An overdue
 * milestone (due before the as-at date, not done) has a red outline and
 * says "overdue" after its id. */
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "gantt.h"
#include "../base/svg.h"

#define HALF 1.1      /* the diamond's half width */
#define GAP 1.2       /* between labels on a line */
#define LINES_MAX 12  /* lines under one bar, at most: more share the last */

static const char *const names[] = {
	"no status", "planned", "at risk", "done", "missed", "dropped",
};

const char *ldr_gantt_milestone_name(int status)
{
	return names[status >= 0 && status < (int)LDR_ARRAY_SIZE(names) ? status : 0];
}

/* The label at its least: the id, and "overdue". */
static double least_width(const struct ms *s)
{
	double w = ldr_svg_width(s->m->id ? s->m->id : "", SMALL, 1);
	if (ldr_chart_derived(&s->m->derived, "due"))
		w += ldr_svg_width("*", SMALL, 1);
	if (s->overdue)
		w += ldr_svg_width(" overdue", SMALL, 1);
	return w;
}

static int ms_cmp(const void *a, const void *b)
{
	const struct ms *x = a, *y = b;
	double ax = x->left ? x->x - HALF - 0.6 - x->w : x->x - HALF;
	double ay = y->left ? y->x - HALF - 0.6 - y->w : y->x - HALF;
	int c;

	if (ax != ay)
		return ax < ay ? -1 : 1;
	c = strcmp(x->m->id ? x->m->id : "", y->m->id ? y->m->id : "");
	return c ? c : (x->m > y->m) - (x->m < y->m);
}

/* Where the label begins and ends at its least. */
static void span(const struct ms *s, double *a, double *z)
{
	*a = s->left ? s->x - HALF - 0.6 - s->w : s->x - HALF;
	*z = s->left ? s->x + HALF : s->x + HALF + 0.6 + s->w;
}

/* Lines for the milestones v[0..n) of one row (sorted): each on the first
 * line free where its label begins; then each label's room, up to the next
 * label on its line or the page's edge. Returns the number of lines. */
static int stack(struct gantt *g, struct ms *v, size_t n)
{
	double end[LINES_MAX], right = g->page.w - MARGIN, a, z;
	int lines = 0, k;
	size_t i, j;

	for (i = 0; i < n; i++) {
		span(&v[i], &a, &z);
		for (k = 0; k < lines && end[k] + GAP > a; k++)
			;
		if (k == lines && lines < LINES_MAX)
			lines++;
		if (k == LINES_MAX)
			k = LINES_MAX - 1;
		v[i].line = k;
		end[k] = z;
	}
	for (i = 0; i < n; i++) {
		double next = right;
		for (j = i + 1; j < n; j++)
			if (v[j].line == v[i].line) {
				span(&v[j], &next, &z);
				next -= GAP;
				break;
			}
		v[i].tx = v[i].left ? v[i].x - HALF - 0.6 : v[i].x + HALF + 0.6;
		v[i].room = v[i].left ? v[i].w : next - v[i].tx;
	}
	return lines;
}

static void place_row(struct gantt *g, struct row *r)
{
	size_t i;

	r->ms_first = g->nms;
	for (i = 0; i < r->p->milestones.len; i++) {
		const struct ldr_milestone *m = LDR_ITEM(r->p->milestones, struct ldr_milestone, i);
		struct ms *s;
		double x;
		if (m->due.kind == LDR_TIME_NONE)
			continue;
		x = gantt_x(g, ldr_time_last(&m->due) + 1);
		s = &g->ms[g->nms++];
		memset(s, 0, sizeof(*s));
		s->m = m;
		s->x = x < g->x0 ? g->x0 : x > g->x1 ? g->x1 : x;
		s->half = HALF;
		s->overdue = ldr_chart_overdue(&m->due, m->status == LDR_MILESTONE_DONE,
					       m->status == LDR_MILESTONE_DROPPED, &m->delivered, &g->opts->as_of);
		s->w = least_width(s);
		s->left = s->x + HALF + 0.6 + s->w > g->page.w - MARGIN;
		g->d.ms_status |= 1u << (m->status >= 0 && m->status < (int)LDR_ARRAY_SIZE(names) ? m->status : 0);
		g->d.ms_overdue |= s->overdue;
	}
	r->ms_n = g->nms - r->ms_first;
	qsort(&g->ms[r->ms_first], r->ms_n, sizeof(struct ms), ms_cmp);
	r->ms_lines = r->ms_n ? stack(g, &g->ms[r->ms_first], r->ms_n) : 0;
}

void ldr_gantt_place_milestones(struct gantt *g)
{
	size_t i, n = 0;

	for (i = 0; i < g->nrows; i++)
		if (g->rows[i].p && !g->rows[i].removed)
			n += g->rows[i].p->milestones.len;
	g->ms = ldr_calloc(n ? n : 1, sizeof(*g->ms));
	for (i = 0; i < g->nrows; i++)
		if (g->rows[i].p && !g->rows[i].removed)
			place_row(g, &g->rows[i]);
}

void ldr_gantt_diamond(struct ldr_buf *b, double x, double y, double d, int status, int overdue)
{
	const char *fill, *stroke = LDR_INK;

	switch (status) {
	case LDR_MILESTONE_DONE: fill = LDR_INK; break;
	case LDR_MILESTONE_AT_RISK: fill = "#e69f00"; break;
	case LDR_MILESTONE_MISSED: fill = LDR_ALERT; break;
	case LDR_MILESTONE_DROPPED: fill = "#bdbdbd"; stroke = "#7f7f7f"; break;
	default: fill = "#ffffff";
	}
	ldr_svg_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
		     ldr_svg_r(x), ldr_svg_r(y - d), ldr_svg_r(x + d), ldr_svg_r(y), ldr_svg_r(x),
		     ldr_svg_r(y + d), ldr_svg_r(x - d), ldr_svg_r(y), fill, overdue ? LDR_ALERT : stroke,
		     overdue ? "0.6" : "0.3");
	if (status == LDR_MILESTONE_MISSED || status == LDR_MILESTONE_DROPPED) {
		double e = d * 0.45;
		ldr_svg_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" stroke=\"#ffffff\" stroke-width=\"0.3\"/>",
			     ldr_svg_r(x - e), ldr_svg_r(y - e), ldr_svg_r(x + e), ldr_svg_r(y + e),
			     ldr_svg_r(x - e), ldr_svg_r(y + e), ldr_svg_r(x + e), ldr_svg_r(y - e));
	}
}

static void title(const struct gantt *g, const struct ms *s, struct ldr_buf *t)
{
	const struct ldr_milestone *m = s->m;
	char s1[LDR_TIME_STR_MAX];

	ldr_buf_reset(t);
	ldr_svg_addf(t, "%s %s: due %s, status %s", m->id ? m->id : "", m->what ? m->what : "",
		     ldr_time_format(&m->due, s1), ldr_gantt_milestone_name(m->status));
	if (m->delivered.kind != LDR_TIME_NONE)
		ldr_svg_addf(t, ", delivered %s", ldr_time_format(&m->delivered, s1));
	if (s->overdue) {
		ldr_buf_addstr(t, ", overdue by ");
		ldr_chart_late_by(t, &m->due, &g->opts->as_of);
		ldr_svg_addf(t, " as at %s", ldr_time_format(&g->opts->as_of, s1));
	}
	if (ldr_chart_derived(&m->derived, "due"))
		ldr_buf_addstr(t, ", due date derived (not from the source)");
}

/* The label: the id, "overdue", and what it is where there is room (a few
 * words at least, else none). */
static void label(struct gantt *g, const struct ms *s, double y)
{
	struct ldr_buf *b = g->b;
	const char *what = s->m->what ? s->m->what : "";
	double room = s->room - s->w - ldr_svg_width(" ", SMALL, 0);
	size_t fit;

	ldr_svg_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\"%s><tspan font-weight=\"bold\">",
		     ldr_svg_r(s->tx), ldr_svg_r(y + SMALL * 0.36), SMALL, s->left ? " text-anchor=\"end\"" : "");
	ldr_svg_esc(b, s->m->id ? s->m->id : "");
	if (ldr_chart_derived(&s->m->derived, "due"))
		ldr_buf_addch(b, '*');
	ldr_buf_addstr(b, "</tspan>");
	if (s->overdue)
		ldr_buf_addstr(b, " <tspan font-weight=\"bold\" fill=\"" LDR_ALERT "\">overdue</tspan>");
	fit = what[0] && !s->left ? ldr_svg_fit(what, SMALL, 0, room) : 0;
	if (fit && (fit == strlen(what) || fit >= 12)) {
		ldr_buf_addstr(b, " <tspan fill=\"#333333\">");
		ldr_svg_add_fit(b, what, SMALL, 0, room);
		ldr_buf_addstr(b, "</tspan>");
	}
	ldr_buf_addstr(b, "</text>");
}

void ldr_gantt_milestones(struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	size_t i;

	for (i = r->ms_first; i < r->ms_first + r->ms_n; i++) {
		const struct ms *s = &g->ms[i];
		double y = r->top + g->rh + (s->line + 0.5) * MS_LINE;
		ldr_buf_addstr(g->b, s->overdue ? "<g class=\"milestone overdue\">" : "<g class=\"milestone\">");
		title(g, s, t);
		ldr_svg_title(g->b, t->s);
		ldr_gantt_diamond(g->b, s->x, y, HALF, s->m->status, s->overdue);
		label(g, s, y);
		ldr_buf_addstr(g->b, "</g>\n");
	}
}
