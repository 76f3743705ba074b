/* A Gantt chart's milestones: diamonds on lines of their own under their
 * project's bar, at the end of the period each is due in (at the start of
 * it for a commitment "from" then; one "tbc" has no place), each labelled
 * with its id and, where there is room before the next label on its line,
 * what it is (whole, or cut with an ellipsis, the whole in its <title>).
 * Milestones due together, or so close that their labels would touch, go
 * on the next line down: stacked, each seen and each labelled. An overdue
 * milestone (due before the as-at date, not done) has a red outline and
 * says "overdue" and by how much ("overdue 2Q") after its id. A
 * milestone's checkpoints are ticks on the same lines, each labelled with what it is ("40% of providers"). */
#include <stdlib.h>
#include <stdio.h>
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

/* Text on one line: each run of line breaks (and the blanks around them) a
 * space, as a label shows a commitment written over several lines. */
static char *one_line(const char *s)
{
	struct ldr_buf b = LDR_BUF_INIT;
	ldr_buf_addstr(&b, "");
	for (; s && *s; s++) {
		if (*s != '\n') {
			ldr_buf_addch(&b, *s);
			continue;
		}
		while (b.len && (b.s[b.len - 1] == ' ' || b.s[b.len - 1] == '\t'))
			b.s[--b.len] = '\0';
		while (s[1] == '\n' || s[1] == ' ' || s[1] == '\t')
			s++;
		if (b.len && s[1])
			ldr_buf_addch(&b, ' ');
	}
	return ldr_buf_detach(&b);
}

/* The label at its least: the name, and "overdue 2Q". */
static double least_width(const struct ms *s)
{
	double w = ldr_svg_width(s->name, SMALL, !s->cp);
	if (!s->cp && ldr_chart_derived(&s->m->derived, "due"))
		w += ldr_svg_width("*", SMALL, 1);
	if (s->overdue) {
		w += ldr_svg_width(" overdue ", SMALL, 1);
		w += ldr_svg_width(s->late, SMALL, 1);
	}
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
	c = strcmp(x->name, y->name);
	if (c)
		return c;
	if (x->m != y->m)
		return (x->m > y->m) - (x->m < y->m);
	return (x->cp > y->cp) - (x->cp < y->cp);
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

/* Where a commitment stands: at the end of its period, or at the start of
 * it for one due "from" then. */
static double due_x(const struct gantt *g, const struct ldr_time *t)
{
	double x = t->qual == LDR_QUAL_FROM ? gantt_x(g, ldr_time_first(t)) : gantt_x(g, ldr_time_last(t) + 1);
	return x < g->x0 ? g->x0 : x > g->x1 ? g->x1 : x;
}

static void place_one(struct gantt *g, const struct ldr_milestone *m, const struct ldr_checkpoint *cp)
{
	struct ms *s = &g->ms[g->nms++];

	memset(s, 0, sizeof(*s));
	s->m = m;
	s->cp = cp;
	s->due = cp ? &cp->when : &m->due;
	s->delivered = cp ? &cp->delivered : &m->delivered;
	s->status = cp ? cp->status : m->status;
	s->name = cp ? one_line(cp->what) : ldr_strdup(m->id ? m->id : "");
	s->what = cp ? NULL : one_line(m->what);
	s->x = due_x(g, s->due);
	s->half = HALF;
	s->overdue = ldr_time_can_be_late(s->due) &&
		     ldr_chart_overdue(s->due, s->status == LDR_MILESTONE_DONE,
				       s->status == LDR_MILESTONE_DROPPED, s->delivered, &g->opts->as_of);
	if (s->overdue) {
		struct ldr_buf late = LDR_BUF_INIT;
		ldr_chart_late_by(&late, s->due, &g->opts->as_of);
		snprintf(s->late, sizeof(s->late), "%s", late.s ? late.s : "");
		ldr_buf_release(&late);
	}
	s->w = least_width(s);
	s->left = s->x + HALF + 0.6 + s->w > g->page.w - MARGIN;
	if (cp)
		g->d.checkpoints = 1;
	else
		g->d.ms_status |= 1u << (s->status >= 0 && s->status < (int)LDR_ARRAY_SIZE(names) ? s->status : 0);
	g->d.ms_overdue |= s->overdue;
}

static void place_row(struct gantt *g, struct row *r)
{
	size_t i, j;

	r->ms_first = g->nms;
	for (i = 0; i < r->p->milestones.len; i++) {
		const struct ldr_milestone *m = LDR_ITEM(r->p->milestones, struct ldr_milestone, i);
		if (m->due.kind != LDR_TIME_NONE)
			place_one(g, m, NULL);
		for (j = 0; j < m->checkpoints.len; j++) {
			const struct ldr_checkpoint *cp = LDR_ITEM(m->checkpoints, struct ldr_checkpoint, j);
			if (cp->when.kind != LDR_TIME_NONE)
				place_one(g, m, cp);
		}
	}
	r->ms_n = g->nms - r->ms_first;
	qsort(&g->ms[r->ms_first], r->ms_n, sizeof(struct ms), ms_cmp);
	r->ms_lines = r->ms_n ? stack(g, &g->ms[r->ms_first], r->ms_n) : 0;
}

void ldr_gantt_place_milestones(struct gantt *g)
{
	size_t i, j, n = 0;

	for (i = 0; i < g->nrows; i++)
		if (g->rows[i].p && !g->rows[i].removed)
			for (j = 0; j < g->rows[i].p->milestones.len; j++)
				n += 1 + LDR_ITEM(g->rows[i].p->milestones, struct ldr_milestone, j)->checkpoints.len;
	g->ms = ldr_calloc(n ? n : 1, sizeof(*g->ms));
	for (i = 0; i < g->nrows; i++)
		if (g->rows[i].p && !g->rows[i].removed)
			place_row(g, &g->rows[i]);
}

void ldr_gantt_free_milestones(struct gantt *g)
{
	size_t i;
	for (i = 0; i < g->nms; i++) {
		free(g->ms[i].name);
		free(g->ms[i].what);
	}
	free(g->ms);
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
	if (s->cp)
		ldr_svg_addf(t, "%s checkpoint %s", m->id ? m->id : "", s->name);
	else
		ldr_svg_addf(t, "%s %s", s->name, s->what);
	ldr_svg_addf(t, ": due %s, status %s", ldr_time_format(s->due, s1),
		     ldr_gantt_milestone_name(s->status));
	if (s->delivered->kind != LDR_TIME_NONE)
		ldr_svg_addf(t, ", delivered %s", ldr_time_format(s->delivered, s1));
	if (!s->cp && m->owner)
		ldr_svg_addf(t, ", owner %s", m->owner);
	if (s->overdue) {
		ldr_buf_addstr(t, ", overdue by ");
		ldr_chart_late_by(t, s->due, &g->opts->as_of);
		ldr_svg_addf(t, " as at %s", ldr_time_format(&g->opts->as_of, s1));
	}
	if (!s->cp && ldr_chart_derived(&m->derived, "due"))
		ldr_buf_addstr(t, ", due date derived (not from the source)");
}

/* The label: the name (a milestone's id in bold, a checkpoint's what),
 * "overdue" and by how much, and for a milestone what it is where there is room (a few
 * words at least, else none). */
static void label(struct gantt *g, const struct ms *s, double y)
{
	struct ldr_buf *b = g->b;
	const char *what = s->what ? s->what : "";
	double room = s->room - s->w - ldr_svg_width(" ", SMALL, 0);
	size_t fit;

	ldr_svg_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\"%s><tspan%s>",
		     ldr_svg_r(s->tx), ldr_svg_r(y + SMALL * 0.36), SMALL, s->left ? " text-anchor=\"end\"" : "",
		     s->cp ? " fill=\"#333333\"" : " font-weight=\"bold\"");
	ldr_svg_esc(b, s->name);
	if (!s->cp && ldr_chart_derived(&s->m->derived, "due"))
		ldr_buf_addch(b, '*');
	ldr_buf_addstr(b, "</tspan>");
	if (s->overdue)
		ldr_svg_addf(b, " <tspan font-weight=\"bold\" fill=\"" LDR_ALERT "\">overdue %s</tspan>", s->late);
	fit = what[0] && !s->left ? ldr_svg_fit(what, SMALL, 0, room) : 0;
	if (fit && (fit == strlen(what) || fit >= 12)) {
		ldr_buf_addstr(b, " <tspan fill=\"#333333\">");
		ldr_svg_add_fit(b, what, SMALL, 0, room);
		ldr_buf_addstr(b, "</tspan>");
	}
	ldr_buf_addstr(b, "</text>");
}

/* A checkpoint: a tick across its line, filled as a milestone of its
 * status would be (done: ink; at risk: amber; missed: red). */
void ldr_gantt_tick(struct ldr_buf *b, double x, double y, double d, int status, int overdue)
{
	const char *ink = status == LDR_MILESTONE_DONE ? LDR_INK
			  : status == LDR_MILESTONE_AT_RISK ? "#e69f00"
			  : status == LDR_MILESTONE_MISSED || overdue ? LDR_ALERT
			  : status == LDR_MILESTONE_DROPPED ? "#bdbdbd" : "#7f7f7f";
	ldr_buf_addf(b, "<path d=\"M%.1f %.1fL%.1f %.1f\" stroke=\"%s\" stroke-width=\"%s\"/>",
		     ldr_svg_r(x), ldr_svg_r(y - d), ldr_svg_r(x), ldr_svg_r(y + d), ink,
		     status == LDR_MILESTONE_DONE || overdue ? "0.6" : "0.4");
}

void ldr_gantt_milestones(struct gantt *g, const struct row *r, struct ldr_buf *t)
{
	size_t i;

	for (i = r->ms_first; i < r->ms_first + r->ms_n; i++) {
		const struct ms *s = &g->ms[i];
		double y = r->top + g->rh + (s->line + 0.5) * MS_LINE;
		ldr_buf_addf(g->b, "<g class=\"%s%s\">", s->cp ? "checkpoint" : "milestone",
			     s->overdue ? " overdue" : "");
		title(g, s, t);
		ldr_svg_title(g->b, t->s);
		if (s->cp)
			ldr_gantt_tick(g->b, s->x, y, HALF, s->status, s->overdue);
		else
			ldr_gantt_diamond(g->b, s->x, y, HALF, s->status, s->overdue);
		label(g, s, y);
		ldr_buf_addstr(g->b, "</g>\n");
	}
}
