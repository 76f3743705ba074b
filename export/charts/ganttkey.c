/* A Gantt chart's key: a sample of each kind of mark the chart draws, and
 * nothing it does not (a key that shows arrows the chart never draws sends
 * a reader looking for them); then the dependencies out of order, listed,
 * and what --deps left out. */
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "gantt.h"
#include "../base/svg.h"

#define LINE 4.2 /* between lines of the key */
#define LIST_LINES 3

struct flow {
	struct ldr_buf *b;
	double x, y, x0, x1;
};

/* Room for an item of symbol width sw and text s: wrap when needed. */
static double place(struct flow *f, double sw, const char *s)
{
	double w = sw + 1.2 + ldr_svg_width(s, SMALL, 0) + 4.5, x;
	if (f->x + w > f->x1 && f->x > f->x0) {
		f->x = f->x0;
		f->y += LINE;
	}
	x = f->x;
	f->x += w;
	return x;
}

static void text(struct flow *f, double x, const char *s)
{
	ldr_svg_text(f->b, x, f->y + SMALL * 0.36, SMALL, NULL, s, 0);
}

static void swatch(struct flow *f, const char *fill, const char *stroke, const char *width, const char *s)
{
	double x = place(f, 6, s);
	ldr_svg_addf(f->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"2.6\" rx=\"0.4\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
		     ldr_svg_r(x), ldr_svg_r(f->y - 1.3), fill, stroke, width);
	text(f, x + 7.2, s);
}

static void statuses(struct gantt *g, struct flow *f)
{
	const char *fill, *stroke;
	int i;

	for (i = 1; i <= 6; i++) {
		if (!(g->d.status & (1u << i)))
			continue;
		ldr_gantt_status_style(g, i, &fill, &stroke);
		swatch(f, fill, stroke, "0.35", ldr_gantt_status_name(g, i));
	}
	if (g->d.status & 1u)
		swatch(f, "#ffffff", "#7f7f7f", "0.35", "no status");
}

static void overdue(struct gantt *g, struct flow *f)
{
	static const char s[] = "overdue: past its planned end, not delivered (hatched to the as-at line)";
	double x;

	if (!g->d.overdue)
		return;
	x = place(f, 10, s);
	ldr_svg_addf(f->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"5\" height=\"2.6\" rx=\"0.4\" fill=\"#cfe6f5\" stroke=\"%s\" stroke-width=\"0.6\"/>"
		     "<rect x=\"%.1f\" y=\"%.1f\" width=\"5\" height=\"1.4\" fill=\"url(#pat-late)\" stroke=\"%s\" stroke-width=\"0.3\"/>",
		     ldr_svg_r(x), ldr_svg_r(f->y - 1.3), LDR_ALERT, ldr_svg_r(x + 5), ldr_svg_r(f->y - 0.7), LDR_ALERT);
	text(f, x + 11.2, s);
}

static void milestones(struct gantt *g, struct flow *f)
{
	static const int order[] = { LDR_MILESTONE_PLANNED, LDR_MILESTONE_AT_RISK, LDR_MILESTONE_DONE,
				     LDR_MILESTONE_MISSED, LDR_MILESTONE_DROPPED, 0 };
	char s[48];
	double x;
	size_t i;

	for (i = 0; i < LDR_ARRAY_SIZE(order); i++) {
		if (!(g->d.ms_status & (1u << order[i])))
			continue;
		snprintf(s, sizeof(s), "milestone %s", ldr_gantt_milestone_name(order[i]));
		x = place(f, 2.6, s);
		ldr_gantt_diamond(f->b, x + 1.3, f->y, 1.2, order[i], 0);
		text(f, x + 3.8, s);
	}
	if (g->d.checkpoints) {
		x = place(f, 2.6, "checkpoint of a milestone (filled as its status)");
		ldr_gantt_tick(f->b, x + 1.3, f->y, 1.2, LDR_MILESTONE_DONE, 0);
		text(f, x + 3.8, "checkpoint of a milestone (filled as its status)");
	}
	if (g->d.ms_overdue) {
		x = place(f, 2.6, "milestone overdue");
		ldr_gantt_diamond(f->b, x + 1.3, f->y, 1.2, LDR_MILESTONE_PLANNED, 1);
		text(f, x + 3.8, "milestone overdue");
	}
}

static void marks(struct gantt *g, struct flow *f)
{
	double x;

	if (g->d.derived) {
		x = place(f, 0, "* after an id: dates derived, not from the source");
		text(f, x, "* after an id: dates derived, not from the source");
	}
	if (g->d.delivered) {
		x = place(f, 2.6, "delivered (actual date)");
		ldr_svg_addf(f->b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.1\" fill=\"%s\"/>", ldr_svg_r(x + 1.3),
			     ldr_svg_r(f->y), LDR_INK);
		text(f, x + 3.8, "delivered (actual date)");
	}
	if (g->d.ticks) {
		x = place(f, 2, "end of a delivering project");
		ldr_svg_addf(f->b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\"/>", ldr_svg_r(x + 1),
			     ldr_svg_r(f->y - 0.7), ldr_svg_r(x + 0.1), ldr_svg_r(f->y + 0.7), ldr_svg_r(x + 1.9),
			     ldr_svg_r(f->y + 0.7), LDR_MUTED);
		text(f, x + 3.2, "end of a delivering project");
	}
	if (g->d.bad_ticks) {
		x = place(f, 6, "due before its project ends (red)");
		ldr_svg_addf(f->b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"0.45\" stroke-dasharray=\"1.2 0.5\"/><path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\"/>",
			     ldr_svg_r(x), ldr_svg_r(f->y), ldr_svg_r(x + 5), LDR_ALERT, ldr_svg_r(x + 5), ldr_svg_r(f->y - 0.9),
			     ldr_svg_r(x + 3.8), ldr_svg_r(f->y + 0.9), ldr_svg_r(x + 6.2), ldr_svg_r(f->y + 0.9), LDR_ALERT);
		text(f, x + 7.2, "due before its project ends (red)");
	}
}

static void arrow_sample(struct flow *f, const char *colour, int bad, const char *s)
{
	double x = place(f, 8, s);
	ldr_svg_addf(f->b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"%s\"%s/>", ldr_svg_r(x),
		     ldr_svg_r(f->y), ldr_svg_r(x + 7), colour, bad ? "0.45" : "0.3",
		     bad ? " stroke-dasharray=\"1.2 0.5\"" : "");
	ldr_gantt_arrowhead(f->b, x + 8, f->y, 0, colour);
	text(f, x + 9.2, s);
}

static void arrows(struct gantt *g, struct flow *f)
{
	if (g->d.arrows)
		arrow_sample(f, "#404040", 0, "dependency");
	if (g->d.bad_arrows)
		arrow_sample(f, LDR_ALERT, 1, g->opts->capabilities ? "due before what it depends on (red, dashed)"
								    : "starts before what it depends on ends (red, dashed)");
}

static void baseline(struct gantt *g, struct flow *f)
{
	double x;

	if (g->d.ghost) {
		x = place(f, 6, "baseline plan (ghost)");
		ldr_svg_addf(f->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"2.6\" rx=\"0.4\" fill=\"#c8c8c8\" stroke=\"#6a6a6a\" stroke-width=\"0.25\" stroke-dasharray=\"0.8 0.5\"/>",
			     ldr_svg_r(x), ldr_svg_r(f->y - 1.3));
		text(f, x + 7.2, "baseline plan (ghost)");
	}
	if (g->d.moved) {
		x = place(f, ldr_svg_width("+2Q", SMALL, 1), "end moved since the baseline (quarters, or mo: months)");
		ldr_svg_text(f->b, x, f->y + SMALL * 0.36, SMALL, "font-weight=\"bold\"", "+2Q", 0);
		text(f, x + ldr_svg_width("+2Q", SMALL, 1) + 1.2, "end moved since the baseline (quarters, or mo: months)");
	}
	if (g->d.added) {
		x = place(f, ldr_svg_width("new", SMALL, 1), "not in the baseline");
		ldr_svg_text(f->b, x, f->y + SMALL * 0.36, SMALL, "font-weight=\"bold\" fill=\"" LDR_MUTED "\"", "new", 0);
		text(f, x + ldr_svg_width("new", SMALL, 1) + 1.2, "not in the baseline");
	}
	if (g->d.removed) {
		x = place(f, 0, "removed: in the baseline only (italic)");
		text(f, x, "removed: in the baseline only (italic)");
	}
	if (g->d.dropped) {
		x = place(f, 0, "dropped: dropped since the baseline");
		text(f, x, "dropped: dropped since the baseline");
	}
}

static void as_at(struct gantt *g, struct flow *f)
{
	double x;

	if (!g->d.as_at)
		return;
	x = place(f, 1, "as at");
	ldr_svg_addf(f->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"0.5\"/>",
		     ldr_svg_r(x + 0.5), ldr_svg_r(f->y - 1.5), ldr_svg_r(x + 0.5), ldr_svg_r(f->y + 1.5), LDR_ASOF);
	text(f, x + 2.2, "as at");
}

/* The violations, a few lines of them at most, then how many more. */
static void listed(struct gantt *g, struct flow *f)
{
	const char *s = g->bad.s, *head = "Out of order:";
	double indent = ldr_svg_width(head, SMALL, 1) + 1.5, w = f->x1 - f->x0 - indent;
	size_t next, n, line;

	if (!g->bad.len)
		return;
	f->y += LINE;
	ldr_svg_text(f->b, f->x0, f->y + SMALL * 0.36, SMALL, "font-weight=\"bold\" fill=\"" LDR_ALERT "\"", head, 0);
	for (line = 0; *s && line < LIST_LINES; line++) {
		struct ldr_buf t = LDR_BUF_INIT;
		n = ldr_svg_wrap(s, SMALL, 0, w, &next);
		if (line == LIST_LINES - 1 && s[next]) /* the rest, counted */
			n = ldr_svg_wrap(s, SMALL, 0, w - ldr_svg_width("; and 99999 more", SMALL, 0), &next);
		ldr_buf_add(&t, s, n);
		if (line == LIST_LINES - 1 && s[next]) {
			size_t more = 1;
			const char *p;
			for (p = s + next; (p = strstr(p, "; ")) != NULL; p += 2)
				more++;
			while (t.len && (t.s[t.len - 1] == ';' || t.s[t.len - 1] == ' '))
				t.s[--t.len] = '\0';
			ldr_svg_addf(&t, "; and %zu more", more);
			next = strlen(s);
		}
		ldr_svg_text(f->b, f->x0 + indent, f->y + SMALL * 0.36, SMALL, NULL, t.s, 0);
		ldr_buf_release(&t);
		s += next;
		if (*s)
			f->y += LINE;
	}
}

static void hidden(struct gantt *g, struct flow *f)
{
	char s[160];

	if (!g->hidden)
		return;
	if (g->opts->deps == LDR_DEPS_NONE)
		snprintf(s, sizeof(s), "Dependency arrows are not drawn (%zu; --deps all draws them).", g->hidden);
	else
		snprintf(s, sizeof(s), "Dependency arrows: only those out of order are drawn; %zu other%s not (--deps all draws every one).",
			 g->hidden, g->hidden == 1 ? " is" : "s are");
	f->y += LINE;
	ldr_svg_text(f->b, f->x0, f->y + SMALL * 0.36, SMALL, "fill=\"" LDR_MUTED "\"", s, 0);
}

double ldr_gantt_legend(struct gantt *g, double y, int draw)
{
	struct ldr_buf scratch = LDR_BUF_INIT;
	struct flow f = { draw ? g->b : &scratch, MARGIN, y + 4, MARGIN, g->page.w - MARGIN };

	ldr_buf_addstr(f.b, "<g class=\"legend\">\n");
	ldr_svg_text(f.b, f.x, f.y + SMALL * 0.36, SMALL, "font-weight=\"bold\"", "Key:", 0);
	f.x += ldr_svg_width("Key:", SMALL, 1) + 2;
	statuses(g, &f);
	overdue(g, &f);
	marks(g, &f);
	milestones(g, &f);
	arrows(g, &f);
	baseline(g, &f);
	as_at(g, &f);
	listed(g, &f);
	hidden(g, &f);
	ldr_buf_addstr(f.b, "</g>\n");
	ldr_buf_release(&scratch);
	return f.y + 3 - y;
}
