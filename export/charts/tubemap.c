/* The tube map (SVG): one line per capability group, its stations the
 * group's capabilities (who can do what, by when), left to right by time.
 *
 * Why capabilities are the stations: they are what Annex 2 schedules and
 * what a board asks about ("who can do what, when"); projects are how they
 * are delivered, and are what joins the groups. So a station is an
 * interchange, on more than one line, only where the roadmap really links
 * groups there:
 * - a project of another group delivers the capability;
 * - a project of no group delivers it and capabilities of another group;
 * - the capability depends on a capability of another group;
 * - a project that delivers it depends on a project of another group.
 * Each interchange's <title> says which.
 *
 * Layout (CHARTS.md):
 * 1. every line has its own horizontal track;
 * 2. the tracks are ordered to minimise crossings: a barycentre pass, then
 *    hill climbing over swaps and moves, then an exhaustive pass over small
 *    windows; crossings are weighted as loom weighs them, and a small cost
 *    for leaving the usual group order keeps the map stable under small
 *    edits. Every pass is bounded, so this stays near-linear in the size of
 *    the roadmap (it depends on the number of groups and links, not
 *    stations);
 * 3. an interchange sits between its lines' tracks; the lines reach it by
 *    45 degree diagonals and run through it side by side;
 * 4. x is time, to scale: every month is as wide as every other, under a
 *    grid of financial years and quarters, with the as-at line. A station
 *    stands at the end of the period it is due in (a capability of 17/18 at
 *    the end of March 2018), or, once delivered, at the end of the period
 *    it was delivered in (never after the as-at line). Stations of a line
 *    due together stand side by side, the last at the date and the others
 *    just before it, never outside their period (the pitch shrinks as far
 *    as it must);
 * 5. each station's name (its id and who) is set on one line, or wrapped
 *    onto two, and never cut: it goes on the station's own line (an
 *    interchange's on its home line, not on the lines that cross it),
 *    above or below, as near the track as it can without covering another
 *    name, a track or a diagonal, with a leader when it is not next to the
 *    track (tubelabels.c). When some name finds no room the map is made
 *    taller; only a map past reading shows the id alone, and says so. What
 *    each can do is in each station's <title>, and in the capability Gantt
 *    chart.
 * Delivered stations are filled, planned ones hollow, overdue ones ringed
 * in red; the stretch of line leading to an aspirational (or deferred, or
 * dropped) station is dashed. A roadmap with no capabilities (a programme
 * plan) gets a page that says so. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/base/hash.h"
#include "../../model/roadmap/schedule.h"
#include "chart.h"
#include "../base/common.h"
#include "../base/layout.h"
#include "../base/svg.h"
#include "svgcharts.h"
#include "tube.h"

/* ---- stations and lines ------------------------------------------------- */

static size_t line_of(struct tube *t, size_t group)
{
	if (!t->line_of_group[group]) {
		ldr_grow((void **)&t->lines, &t->lines_cap, t->nlines + 1, sizeof(*t->lines));
		memset(&t->lines[t->nlines], 0, sizeof(*t->lines));
		t->lines[t->nlines].group = group;
		t->line_of_group[group] = ++t->nlines;
	}
	return t->line_of_group[group] - 1;
}

enum link { BY_PROJECT, PROJECT_ALSO, PROJECT_DEPENDS, DEPENDS };

/* Put a station on the line of another group, saying why. */
static void add_member(struct tube *t, struct station *s, const char *group_id, enum link why,
		       const char *a, const char *b_)
{
	size_t g = ldr_chart_group(&t->groups, group_id), l, i;
	const char *gname;

	if (!group_id || g == t->groups.none)
		return;
	l = line_of(t, g);
	for (i = 0; i < s->nlines; i++)
		if (s->lines[i] == l)
			return;
	s->lines = ldr_realloc(s->lines, (s->nlines + 1) * sizeof(*s->lines));
	s->lines[s->nlines++] = l;
	if (s->nlines > 5) { /* say a few; count the rest */
		s->more++;
		return;
	}
	ldr_buf_addstr(&s->why, s->why.len ? "; " : "");
	gname = t->groups.v[g].name;
	switch (why) {
	case BY_PROJECT:
		ldr_svg_addf(&s->why, "delivered by %s %s, a project of %s", a, b_, gname);
		break;
	case PROJECT_ALSO:
		ldr_svg_addf(&s->why, "%s %s, a project of no group, also delivers capabilities of %s", a, b_, gname);
		break;
	case PROJECT_DEPENDS:
		ldr_svg_addf(&s->why, "its project %s depends on %s, a project of %s", a, b_, gname);
		break;
	case DEPENDS:
		ldr_svg_addf(&s->why, "depends on %s (%s), a capability of %s", a, b_, gname);
		break;
	}
}

static void index_records(struct tube *t)
{
	size_t i;
	for (i = 0; i < t->rm->projects.len; i++) {
		struct ldr_project *p = LDR_ITEM(t->rm->projects, struct ldr_project, i);
		if (p->id)
			ldr_hash_put(&t->projects, p->id, p);
	}
	for (i = 0; i < t->rm->capabilities.len; i++) {
		struct ldr_capability *c = LDR_ITEM(t->rm->capabilities, struct ldr_capability, i);
		if (c->id)
			ldr_hash_put(&t->caps, c->id, c);
	}
}

/* The groups whose capabilities each project delivers, in order of first
 * appearance: for a project of no group, the first is its group as far as
 * the map is concerned. */
struct delivers {
	struct ldr_hash by_project; /* project id -> index into v + 1 */
	struct { size_t *groups; size_t n; const char *cap; } *v;
	size_t n, cap;
};

static void delivers_build(struct tube *t, struct delivers *d)
{
	size_t i, j, k;

	memset(d, 0, sizeof(*d));
	for (i = 0; i < t->rm->capabilities.len; i++) {
		const struct ldr_capability *c = LDR_ITEM(t->rm->capabilities, struct ldr_capability, i);
		size_t g = ldr_chart_group(&t->groups, c->group);
		if (!c->group || c->year.kind == LDR_TIME_NONE)
			continue;
		for (j = 0; j < c->projects.n; j++) {
			uintptr_t e = (uintptr_t)ldr_hash_get(&d->by_project, c->projects.v[j]);
			if (!e) {
				ldr_grow((void **)&d->v, &d->cap, d->n + 1, sizeof(*d->v));
				memset(&d->v[d->n], 0, sizeof(*d->v));
				ldr_hash_put(&d->by_project, c->projects.v[j], (void *)(uintptr_t)(++d->n));
				e = d->n;
			}
			for (k = 0; k < d->v[e - 1].n && d->v[e - 1].groups[k] != g; k++)
				;
			if (k == d->v[e - 1].n && k < 8) { /* a few groups are enough to say it */
				d->v[e - 1].groups = ldr_realloc(d->v[e - 1].groups, (k + 1) * sizeof(size_t));
				d->v[e - 1].groups[k] = g;
				d->v[e - 1].n++;
			}
		}
	}
}

static void delivers_release(struct delivers *d)
{
	size_t i;
	for (i = 0; i < d->n; i++)
		free(d->v[i].groups);
	free(d->v);
	ldr_hash_clear(&d->by_project);
}

static void links(struct tube *t, struct station *s, const struct delivers *d)
{
	const struct ldr_capability *c = s->c;
	size_t i, j;

	for (i = 0; i < c->projects.n; i++) {
		const struct ldr_project *p = ldr_hash_get(&t->projects, c->projects.v[i]);
		uintptr_t e = (uintptr_t)ldr_hash_get(&d->by_project, c->projects.v[i]);
		if (!p)
			continue;
		add_member(t, s, p->group, BY_PROJECT, p->id, p->name ? p->name : "");
		/* A project of no group that delivers capabilities of several:
		 * each links to the first (once, not every pair). */
		if (e && ldr_chart_group(&t->groups, p->group) == t->groups.none && d->v[e - 1].n > 1)
			add_member(t, s, t->groups.v[d->v[e - 1].groups[0]].id, PROJECT_ALSO, p->id,
				   p->name ? p->name : "");
		for (j = 0; j < p->depends_on.n; j++) {
			const struct ldr_project *q = ldr_hash_get(&t->projects, p->depends_on.v[j]);
			if (q)
				add_member(t, s, q->group, PROJECT_DEPENDS, p->id, q->id);
		}
	}
	for (i = 0; i < c->depends_on.n; i++) {
		const struct ldr_capability *q = ldr_hash_get(&t->caps, c->depends_on.v[i]);
		if (q && q->year.kind != LDR_TIME_NONE)
			add_member(t, s, q->group, DEPENDS, q->id, q->who ? q->who : "");
	}
}

/* What a station's place stands for: when it was delivered, if it was by
 * the as-at date (and never after that date), else when it is due. */
static void timing(const struct tube *t, struct station *s)
{
	const struct ldr_capability *c = s->c;
	const struct ldr_time *asof = &t->opts->as_of;
	int delivered = c->status == LDR_CAP_DELIVERED || c->delivered.kind;

	s->done = delivered && (!c->delivered.kind || !asof->kind ||
				ldr_time_first(&c->delivered) <= ldr_time_last(asof));
	s->overdue = ldr_chart_overdue(&c->year, c->status == LDR_CAP_DELIVERED, c->status == LDR_CAP_DROPPED,
				       &c->delivered, asof);
	s->first = ldr_time_first(s->done && c->delivered.kind ? &c->delivered : &c->year);
	s->last = ldr_time_last(s->done && c->delivered.kind ? &c->delivered : &c->year);
	if (s->done && asof->kind && s->last > ldr_time_last(asof))
		s->last = ldr_time_last(asof);
	if (s->first > s->last)
		s->first = s->last;
}

static void collect(struct tube *t)
{
	const struct ldr_roadmap *rm = t->rm;
	struct delivers d;
	size_t i, n = 0;

	t->line_of_group = ldr_calloc(t->groups.n + 1, sizeof(size_t));
	t->st = ldr_calloc(rm->capabilities.len + 1, sizeof(*t->st));
	/* Lines in the groups' order, so that default track order is theirs. */
	for (i = 0; i < rm->capabilities.len; i++) {
		const struct ldr_capability *c = LDR_ITEM(rm->capabilities, struct ldr_capability, i);
		if (c->year.kind == LDR_TIME_NONE) {
			t->undated++;
			continue;
		}
		t->line_of_group[ldr_chart_group(&t->groups, c->group)] = 1;
	}
	for (i = 0; i < t->groups.n; i++)
		if (t->line_of_group[i]) {
			t->line_of_group[i] = 0;
			line_of(t, i);
		}
	delivers_build(t, &d);
	for (i = 0; i < rm->capabilities.len; i++) {
		const struct ldr_capability *c = LDR_ITEM(rm->capabilities, struct ldr_capability, i);
		struct station *s;
		if (c->year.kind == LDR_TIME_NONE)
			continue;
		s = &t->st[n];
		s->c = c;
		s->order = n++;
		s->home = line_of(t, ldr_chart_group(&t->groups, c->group));
		s->lines = ldr_malloc(sizeof(*s->lines));
		s->lines[0] = s->home;
		s->nlines = 1;
		ldr_capability_due(c, &s->due);
		timing(t, s);
		links(t, s, &d);
	}
	t->nst = n;
	delivers_release(&d);
}

/* ---- the order of the tracks -------------------------------------------- */

static int link_cmp(const void *a, const void *b)
{
	const struct ldr_link *x = a, *y = b;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return (x->b > y->b) - (x->b < y->b);
}

/* Each interchange links its home line with each other line through it;
 * the links are counted per pair of lines, in time linear in the stations
 * (and n log n in the links), whatever the number of groups. */
static void order_lines(struct tube *t)
{
	struct ldr_link *links = NULL;
	int *pos;
	size_t i, j, n = t->nlines, nlinks = 0, cap = 0, out = 0;

	for (i = 0; i < t->nst; i++) {
		const struct station *s = &t->st[i];
		for (j = 1; j < s->nlines; j++) {
			size_t a = s->home < s->lines[j] ? s->home : s->lines[j];
			ldr_grow((void **)&links, &cap, nlinks + 1, sizeof(*links));
			links[nlinks].a = a;
			links[nlinks].b = s->home ^ s->lines[j] ^ a;
			links[nlinks++].w = 1;
		}
	}
	if (nlinks > 1)
		qsort(links, nlinks, sizeof(*links), link_cmp);
	for (i = 0; i < nlinks; i++) {
		if (out && links[out - 1].a == links[i].a && links[out - 1].b == links[i].b)
			links[out - 1].w++;
		else
			links[out++] = links[i];
	}
	pos = ldr_malloc((n + 1) * sizeof(int));
	for (i = 0; i < n; i++)
		pos[i] = (int)i;
	t->crossings = ldr_order_tracks(n, links, out, pos);
	for (i = 0; i < n; i++)
		t->lines[i].pos = pos[i];
	free(links);
	free(pos);
}

static void names_width(struct tube *t)
{
	size_t i;
	t->names_w = 18;
	for (i = 0; i < t->nlines; i++) {
		double w = ldr_svg_width(t->groups.v[t->lines[i].group].name, NAME_FONT, 1);
		if (w > t->names_w)
			t->names_w = w;
	}
	if (t->names_w > NAME_W)
		t->names_w = NAME_W;
}

/* ---- the page ------------------------------------------------------------ */

double ldr_tube_as_at_x(const struct tube *t)
{
	int m;

	if (t->opts->as_of.kind == LDR_TIME_NONE)
		return -1;
	m = ldr_time_last(&t->opts->as_of) + 1;
	return m < t->m0 || m > t->m1 ? -1 : tube_x(t, m);
}

static void widen(int *lo, int *hi, int fy)
{
	*lo = fy < *lo ? fy : *lo;
	*hi = fy > *hi ? fy : *hi;
}

static void horizon(struct tube *t)
{
	const struct ldr_footprint *f = &t->rm->footprint;
	int lo = 1 << 30, hi = -(1 << 30);
	size_t i;

	if (f->start.kind != LDR_TIME_NONE)
		widen(&lo, &hi, ldr_time_fy_of_month(ldr_time_first(&f->start)));
	if (f->end.kind != LDR_TIME_NONE)
		widen(&lo, &hi, ldr_time_fy_of_month(ldr_time_last(&f->end)));
	for (i = 0; i < t->nst; i++) {
		widen(&lo, &hi, ldr_time_fy_of_month(t->st[i].first));
		widen(&lo, &hi, ldr_time_fy_of_month(t->st[i].last));
	}
	if (lo > hi)
		lo = hi = 2016;
	t->fy0 = lo;
	t->nfy = hi - lo + 1;
	t->m0 = ldr_chart_fy_first_month(t->fy0);
	t->m1 = t->m0 + 12 * t->nfy;
	t->map_x0 = MARGIN + t->names_w + 3;
	t->map_x1 = t->width - MARGIN - t->names_w - 3;
}

#define GAP_MAX 26.0
#define TRIES_UP_TO 2000

/* The depth of each space between tracks: the rows of names it must hold
 * (rows_want), or at first an even share of the page; then what is left
 * of the page shared among the spaces between lines. A map whose names need
 * more than the page makes a taller page. */
static void vertical(struct tube *t)
{
	double top = TOP + YEAR_BAND + 0.8, avail, total = 0, y, *h;
	size_t k, n = t->nlines;

	h = ldr_malloc((n + 1) * sizeof(double));
	for (k = 0; k <= n; k++) {
		int outer = k == 0 || k == n;
		int rows = t->rows_want ? t->rows_want[k] : outer ? 4 : 2;
		h[k] = 2 * CLEAR + (rows < 2 ? 2 : rows) * LEAD;
		total += h[k];
	}
	avail = t->page.h - MARGIN - 6 - ldr_tube_legend_height(t) - top;
	if (n > 1 && total < avail) /* the rest of the page, but never so far apart that
				      * the diagonals take half a year */
		for (k = 1; k < n; k++)
			if (h[k] < GAP_MAX)
				h[k] += (avail - total) / (double)(n - 1) < GAP_MAX - h[k]
						? (avail - total) / (double)(n - 1) : GAP_MAX - h[k];
	y = top + h[0] - CLEAR;
	for (k = 0; k < n; k++) {
		t->track_y[k] = ldr_svg_r(y);
		y += h[k + 1];
	}
	t->map_y0 = n ? t->track_y[0] : top + 10;
	t->map_y1 = n ? t->track_y[n - 1] + h[n] - CLEAR : top + 20;
	t->height = t->map_y1 + ldr_tube_legend_height(t) + 6 + MARGIN;
	if (t->height < t->page.h)
		t->height = t->page.h;
	free(h);
}

static size_t interchanges(const struct tube *t)
{
	size_t i, n = 0;
	for (i = 0; i < t->nst; i++)
		n += t->st[i].nlines > 1;
	return n;
}

static size_t overdue(const struct tube *t)
{
	size_t i, n = 0;
	for (i = 0; i < t->nst; i++)
		n += t->st[i].overdue != 0;
	return n;
}

static void describe(const struct tube *t, struct ldr_buf *title, struct ldr_buf *desc)
{
	size_t inter = interchanges(t);
	char s[LDR_TIME_STR_MAX];

	ldr_export_title(title, t->rm);
	ldr_buf_addstr(title, ": capability tube map");
	ldr_svg_addf(desc, "Tube map of %zu capabilities on %zu lines, one per capability group, "
		     "as at %s. Left to right is time, to scale, under a grid of financial years and "
		     "quarters with the as-at line; each station stands at the end of the period it is "
		     "due in, or was delivered in. Delivered stations are filled, planned ones hollow, "
		     "overdue ones (%zu) ringed in red, and the line leading to an aspirational one is "
		     "dashed. %zu interchange%s join%s lines where a project or a dependency links "
		     "capability groups; the lines are ordered to minimise crossings (%ld line "
		     "crossing%s).",
		     t->nst, t->nlines, ldr_time_format(&t->opts->as_of, s), overdue(t), inter,
		     inter == 1 ? "" : "s", inter == 1 ? "s" : "", t->crossings, t->crossings == 1 ? "" : "s");
	if (t->undated)
		ldr_svg_addf(desc, " %zu capabilit%s without a year %s not shown.", t->undated,
			     t->undated == 1 ? "y" : "ies", t->undated == 1 ? "is" : "are");
}

static void heading(struct tube *t, const struct ldr_buf *title)
{
	struct ldr_buf sub = LDR_BUF_INIT;
	const struct ldr_footprint *f = &t->rm->footprint;
	size_t inter = interchanges(t), late = overdue(t);
	char s[LDR_TIME_STR_MAX];

	if (f->version)
		ldr_svg_addf(&sub, "Version %s; ", f->version);
	if (t->nst)
		ldr_svg_addf(&sub, "%zu capabilities on %zu lines, %zu interchange%s; as at %s", t->nst, t->nlines,
			     inter, inter == 1 ? "" : "s", ldr_time_format(&t->opts->as_of, s));
	else
		ldr_svg_addf(&sub, "no capabilities to draw; as at %s", ldr_time_format(&t->opts->as_of, s));
	if (late)
		ldr_svg_addf(&sub, "; %zu overdue", late);
	if (t->undated)
		ldr_svg_addf(&sub, "; %zu without a year not shown", t->undated);
	if (t->unnamed)
		ldr_svg_addf(&sub, "; %zu named by id alone for want of room (the name is in its tooltip)", t->unnamed);
	ldr_chart_heading(t->b, title->s, sub.s, MARGIN, t->width - 2 * MARGIN);
	ldr_buf_release(&sub);
}

static void release_layout(struct tube *t)
{
	size_t i;
	for (i = 0; t->gaps && i <= t->nlines; i++) {
		free(t->gaps[i].v);
		free(t->gaps[i].front);
	}
	free(t->gaps);
	t->gaps = NULL;
	free(t->order);
	t->order = NULL;
}

static void release(struct tube *t)
{
	size_t i;
	release_layout(t);
	for (i = 0; i < t->nst; i++) {
		free(t->st[i].lines);
		ldr_buf_release(&t->st[i].why);
	}
	for (i = 0; i < t->nlines; i++)
		free(t->lines[i].stops);
	free(t->st);
	free(t->lines);
	free(t->line_of_group);
	free(t->track_y);
	free(t->rows_want);
	ldr_hash_clear(&t->projects);
	ldr_hash_clear(&t->caps);
	ldr_chart_groups_release(&t->groups);
}

static void trial(struct tube *t)
{
	release_layout(t);
	vertical(t);
	ldr_tube_place_y(t);
	ldr_tube_place_x(t);
	ldr_tube_make_stops(t);
	ldr_tube_gaps(t);
	t->unnamed = ldr_tube_place_labels(t);
}

/* The rows each space between tracks must hold for the names placed in a
 * trial where every space was as deep as they needed. */
static void demand(struct tube *t)
{
	size_t k;

	t->virtual_rows = 1;
	trial(t);
	t->virtual_rows = 0;
	for (k = 0; k <= t->nlines; k++) { /* between two tracks, each has half */
		int a = t->gaps[k].used[0], b = t->gaps[k].used[1];
		t->rows_want[k] = k == 0 || k == t->nlines ? a + b : 2 * (a > b ? a : b) + 1;
	}
}

/* More rows where a name found no room: both sides of its home track. */
static void deepen(struct tube *t)
{
	size_t i;

	for (i = 0; i < t->nst; i++) {
		const struct station *s = &t->st[i];
		int *a = &t->rows_want[t->lines[s->home].pos], *b = a + 1;
		if (s->lw > 0 && !s->id_only)
			continue;
		*a = *a + 2 < 2 * ROWS_MAX ? *a + 2 : 2 * ROWS_MAX;
		*b = *b + 2 < 2 * ROWS_MAX ? *b + 2 : 2 * ROWS_MAX;
	}
}

/* Where everything goes: the tracks spread evenly over the page; if some
 * name finds no room, the spaces between tracks made as deep as the names
 * need (the rest of the page shared out), and deeper again where a name
 * still finds none, a few times at most. */
static void lay_out(struct tube *t)
{
	int attempt;

	t->track_y = ldr_calloc(t->nlines + 1, sizeof(double));
	trial(t);
	/* A map of thousands of stations is past reading as a picture: its
	 * names get one try, so that it is drawn in time linear in them. */
	if (!t->unnamed || !t->nlines || t->nst > TRIES_UP_TO)
		return;
	t->rows_want = ldr_calloc(t->nlines + 2, sizeof(int));
	demand(t);
	for (attempt = 0; attempt < 4; attempt++) {
		trial(t);
		if (!t->unnamed)
			break;
		deepen(t);
	}
}

/* A page that says why there is no map, in place of an empty one. */
static void nothing_to_draw(struct tube *t)
{
	const char *s = t->rm->capabilities.len
		? "No capability has a year, so none can be placed on this map: give each its year (Annex 2)."
		: "This roadmap has no capabilities (it is a programme plan): a tube map draws capabilities, "
		  "who can do what and when. Its projects are on the Gantt chart (ldr export gantt).";
	double size = LDR_TYPE_SUBTITLE * 1.4, y = TOP + 12;
	size_t off = 0, next, n;

	while (s[off]) {
		n = ldr_svg_wrap(s + off, size, 0, t->width - 2 * MARGIN - 40, &next);
		ldr_svg_addf(t->b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\" fill=\"" LDR_MUTED "\">",
			     MARGIN + 20, ldr_svg_r(y), size);
		ldr_svg_esc_n(t->b, s + off, n, 0);
		ldr_buf_addstr(t->b, "</text>\n");
		off += next ? next : strlen(s + off);
		y += size * 1.4;
	}
}

static void draw(struct tube *t, struct ldr_buf *tmp)
{
	struct ldr_buf *b = t->b;
	size_t i;

	if (!t->nst) {
		nothing_to_draw(t);
		return;
	}
	ldr_tube_draw_grid(t);
	ldr_buf_addstr(b, "<g class=\"lines\">\n");
	for (i = 0; i < t->nlines; i++)
		ldr_tube_draw_line(t, &t->lines[i]);
	ldr_buf_addstr(b, "</g>\n<g class=\"stations\">\n");
	for (i = 0; i < t->nst; i++)
		ldr_tube_draw_station(t, &t->st[t->order[i]], tmp);
	ldr_buf_addstr(b, "</g>\n<g class=\"labels\">\n");
	for (i = 0; i < t->nst; i++)
		ldr_tube_draw_label(t, &t->st[t->order[i]]);
	ldr_buf_addstr(b, "</g>\n<g class=\"names\">\n");
	for (i = 0; i < t->nlines; i++)
		ldr_tube_draw_names(t, &t->lines[i]);
	ldr_buf_addstr(b, "</g>\n");
}

int ldr_tubemap_build(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, struct ldr_buf *b)
{
	struct tube t;
	struct ldr_buf title = LDR_BUF_INIT, desc = LDR_BUF_INIT, tmp = LDR_BUF_INIT;

	memset(&t, 0, sizeof(t));
	t.rm = rm;
	t.opts = opts;
	t.b = b;
	ldr_chart_page(opts, &t.page);
	t.width = t.page.w;
	ldr_chart_groups_init(&t.groups, rm);
	index_records(&t);
	collect(&t);
	order_lines(&t);
	names_width(&t);
	horizon(&t);
	lay_out(&t);
	describe(&t, &title, &desc);

	ldr_svg_begin(b, t.width, t.height, title.s, desc.s);
	ldr_svg_addf(b, "<rect width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\"/>\n", ldr_svg_r(t.width),
		     ldr_svg_r(t.height));
	heading(&t, &title);
	draw(&t, &tmp);
	if (t.nst)
		ldr_tube_legend(&t, t.map_y1 + 4);
	ldr_chart_footer(b, rm, opts, "Capability tube map", 0, t.width, t.height);
	ldr_svg_end(b);

	ldr_buf_release(&title);
	ldr_buf_release(&desc);
	ldr_buf_release(&tmp);
	release(&t);
	return 0;
}
