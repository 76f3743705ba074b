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
 * 4. x is fixed by time: the financial years are columns left to right;
 *    within a year each line's stations are in date order, spaced so that
 *    labels and diagonals fit (not to scale within the year);
 * 5. labels go above and below the track in turn, one to three lines, cut
 *    with an ellipsis where the next label on that side begins, and never
 *    across a diagonal; the full text is in each station's <title>.
 * Delivered stations are filled, planned ones hollow; the stretch of line
 * leading to an aspirational (or deferred, or dropped) station is dashed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/hash.h"
#include "../model/schedule.h"
#include "chart.h"
#include "layout.h"
#include "svg.h"
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
		ldr_buf_addf(&s->why, "delivered by %s %s, a project of %s", a, b_, gname);
		break;
	case PROJECT_ALSO:
		ldr_buf_addf(&s->why, "%s %s, a project of no group, also delivers capabilities of %s", a, b_, gname);
		break;
	case PROJECT_DEPENDS:
		ldr_buf_addf(&s->why, "its project %s depends on %s, a project of %s", a, b_, gname);
		break;
	case DEPENDS:
		ldr_buf_addf(&s->why, "depends on %s (%s), a capability of %s", a, b_, gname);
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

static int station_cmp(const void *a, const void *b, void *ctx);

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
		s->fy = ldr_time_fy_of_month(s->due);
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

/* ---- geometry ------------------------------------------------------------ */

static int station_cmp(const void *a, const void *b, void *ctx)
{
	const struct tube *t = ctx;
	const struct station *x = &t->st[*(const size_t *)a], *y = &t->st[*(const size_t *)b];
	int px = t->lines[x->home].pos, py = t->lines[y->home].pos;

	if (x->fy != y->fy)
		return x->fy < y->fy ? -1 : 1;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	if (px != py)
		return px < py ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int member_cmp(const void *a, const void *b, void *ctx)
{
	const struct tube *t = ctx;
	int x = t->lines[*(const size_t *)a].pos, y = t->lines[*(const size_t *)b].pos;
	return x < y ? -1 : x > y;
}

/* Track y positions, and each station's y between its lines' tracks. */
static void place_y(struct tube *t)
{
	size_t i, j;

	for (i = 0; i < t->nlines; i++)
		t->lines[i].y = t->map_y0 + t->spacing * t->lines[i].pos;
	for (i = 0; i < t->nst; i++) {
		struct station *s = &t->st[i];
		double sum = 0;
		ldr_sort(s->lines, s->nlines, sizeof(size_t), member_cmp, t);
		for (j = 0; j < s->nlines; j++)
			sum += t->lines[s->lines[j]].y;
		s->y = sum / (double)s->nlines;
		if (s->nlines > 1) {
			/* Never on a track that does not stop here. */
			double f = (s->y - t->map_y0) / t->spacing;
			int k = (int)(f + 0.5);
			if (f - k < 0.2 && k - f < 0.2) {
				for (j = 0; j < s->nlines && t->lines[s->lines[j]].pos != k; j++)
					;
				if (j == s->nlines)
					s->y += t->spacing * 0.35;
			}
		}
		s->dy = 0;
		for (j = 0; j < s->nlines; j++) {
			double d = s->y + ((double)j - (double)(s->nlines - 1) / 2) * SIDE_SEP - t->lines[s->lines[j]].y;
			if (d < 0)
				d = -d;
			if (d > s->dy)
				s->dy = d;
		}
	}
}

/* The lines whose tracks an interchange's diagonals cross: every track
 * between its top and bottom members. */
static void span_tracks(const struct tube *t, const struct station *s, int *lo, int *hi)
{
	*lo = t->lines[s->lines[0]].pos;
	*hi = t->lines[s->lines[s->nlines - 1]].pos;
}

/* Whether the tracks an interchange's diagonals cross are kept clear for
 * them: not when it spans so many that the map is past reading anyway, so
 * that the work stays linear in the stations. */
#define SPAN_MAX 40
static int keeps_clear(int lo, int hi)
{
	return hi - lo <= SPAN_MAX;
}

/* Place stations left to right: each as far left as its year column and the
 * stations before it on each of its lines allow. Returns the total width. */
static double sweep(struct tube *t, double pitch, int record)
{
	double *last = ldr_malloc((t->nlines + 1) * sizeof(double));
	int *by_pos = ldr_malloc((t->nlines + 1) * sizeof(int));
	double x_col = 0, right = 0;
	size_t i = 0, j;
	int fy, lo, hi, k;

	/* The lines come in from the left edge: a first stop that is an
	 * interchange needs room for its diagonal there too. */
	for (j = 0; j < t->nlines; j++) {
		last[j] = -pitch;
		by_pos[t->lines[j].pos] = (int)j;
	}
	for (fy = t->fy0; fy < t->fy0 + t->nfy; fy++) {
		double col_w = ldr_svg_width("2000/00", FONT, 1) + 3, end;
		if (right > x_col)
			x_col = right;
		if (record)
			t->col[fy - t->fy0] = x_col;
		end = x_col + (col_w > pitch ? col_w : pitch);
		for (; i < t->nst && t->st[t->order[i]].fy == fy; i++) {
			struct station *s = &t->st[t->order[i]];
			/* Room for the previous label before an interchange's diagonal. */
			double x = x_col + pitch * 0.45, need = s->nlines > 1 ? s->dy + pitch : pitch;
			if (need < pitch)
				need = pitch;
			span_tracks(t, s, &lo, &hi);
			if (keeps_clear(lo, hi)) {
				for (k = lo; k <= hi; k++)
					if (last[by_pos[k]] + need > x)
						x = last[by_pos[k]] + need;
				for (k = lo; k <= hi; k++)
					last[by_pos[k]] = x + (s->nlines > 1 ? s->dy : 0);
			} else {
				for (k = 0; k < (int)s->nlines; k++)
					if (last[s->lines[k]] + need > x)
						x = last[s->lines[k]] + need;
				for (k = 0; k < (int)s->nlines; k++)
					last[s->lines[k]] = x + s->dy;
			}
			if (record)
				s->x = x;
			/* And room to go back to the track before the right edge. */
			if (x + (s->nlines > 1 ? s->dy : 0) + pitch * 0.55 > end)
				end = x + (s->nlines > 1 ? s->dy : 0) + pitch * 0.55;
		}
		right = end;
	}
	right += pitch * 0.6; /* room for the last labels */
	if (record)
		t->col[t->nfy] = right;
	free(last);
	free(by_pos);
	return right;
}

/* The pitch that fills the page's width, or the smallest if nothing fits. */
static void place_x(struct tube *t)
{
	double avail = t->width - 2 * MARGIN - 2 * (t->names_w + 3), lo = PITCH_MIN, hi = PITCH_MAX;
	size_t i;
	int it;

	t->order = ldr_malloc((t->nst + 1) * sizeof(size_t));
	for (i = 0; i < t->nst; i++)
		t->order[i] = i;
	ldr_sort(t->order, t->nst, sizeof(size_t), station_cmp, t);
	if (sweep(t, lo, 0) > avail) {
		t->pitch = lo; /* a wider page */
		t->width = sweep(t, lo, 0) + 2 * MARGIN + 2 * (t->names_w + 3);
	} else {
		for (it = 0; it < 24; it++) {
			double mid = (lo + hi) / 2;
			if (sweep(t, mid, 0) <= avail)
				lo = mid;
			else
				hi = mid;
		}
		t->pitch = lo;
	}
	t->map_x0 = MARGIN + t->names_w + 3;
	sweep(t, t->pitch, 1);
	for (i = 0; i <= (size_t)t->nfy; i++)
		t->col[i] += t->map_x0;
	for (i = 0; i < t->nst; i++)
		t->st[i].x += t->map_x0;
	t->map_x1 = t->col[t->nfy];
}

/* Each line's stops in x order, at the y where it runs through each. */
static void make_stops(struct tube *t)
{
	size_t i, j;

	for (i = 0; i < t->nst; i++) {
		size_t s = t->order[i];
		for (j = 0; j < t->st[s].nlines; j++) {
			struct line *l = &t->lines[t->st[s].lines[j]];
			ldr_grow((void **)&l->stops, &l->cap, l->nstops + 1, sizeof(*l->stops));
			l->stops[l->nstops].station = s;
			l->stops[l->nstops++].y = t->st[s].nlines > 1 ? tube_member_y(t, &t->st[s], j) : l->y;
		}
	}
	/* Stops of one line are in time order already; their x follow it. */
}

/* ---- labels -------------------------------------------------------------- */

static void block(struct tube *t, int gap, double x0, double x1)
{
	struct gap *g = &t->gaps[gap];
	ldr_grow((void **)&g->v, &g->cap, g->n + 1, sizeof(*g->v));
	g->v[g->n].x0 = x0;
	g->v[g->n++].x1 = x1;
}

static int block_cmp(const void *a, const void *b)
{
	const struct block *x = a, *y = b;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* The spaces between tracks that interchanges' diagonals pass through. */
static void blocks(struct tube *t)
{
	size_t i, j;
	int lo, hi, k;

	t->gaps = ldr_calloc(t->nlines + 2, sizeof(*t->gaps));
	for (i = 0; i < t->nst; i++) {
		const struct station *s = &t->st[i];
		if (s->nlines < 2)
			continue;
		span_tracks(t, s, &lo, &hi);
		if (keeps_clear(lo, hi)) {
			for (k = lo + 1; k <= hi; k++)
				block(t, k, s->x - s->dy - STATION_R - 0.8, s->x + s->dy + STATION_R + 0.8);
			continue;
		}
		for (j = 0; j < s->nlines; j++) /* the spaces next to each member */
			for (k = t->lines[s->lines[j]].pos; k <= t->lines[s->lines[j]].pos + 1; k++)
				if (k > lo && k <= hi)
					block(t, k, s->x - s->dy - STATION_R - 0.8, s->x + s->dy + STATION_R + 0.8);
	}
	for (i = 0; i <= t->nlines; i++) {
		struct gap *g = &t->gaps[i];
		if (g->n > 1)
			qsort(g->v, g->n, sizeof(struct block), block_cmp);
		g->reach = ldr_malloc((g->n + 1) * sizeof(double));
		for (j = 0; j < g->n; j++)
			g->reach[j] = j && g->reach[j - 1] > g->v[j].x1 ? g->reach[j - 1] : g->v[j].x1;
	}
}

/* The first blocked x at or after x in a gap, or a large number. */
static double next_block(const struct gap *g, double x, int *inside)
{
	size_t lo = 0, hi = g->n;
	double best = 1e12;

	*inside = 0;
	/* Blocks are sorted by start; the one that might contain x ends after it. */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (g->v[mid].x0 <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < g->n)
		best = g->v[lo].x0;
	/* A block that starts at or before x and is still open there. */
	*inside = lo > 0 && g->reach[lo - 1] > x;
	return best;
}

/* The gap a side of a line's track is in. */
static const struct gap *side_gap(const struct tube *t, const struct line *l, int side)
{
	int k = side == ABOVE ? l->pos : l->pos + 1;
	return k > 0 && (size_t)k < t->nlines ? &t->gaps[k] : NULL;
}

/* Labels: which line labels a station, on which side, and how wide.
 *
 * An interchange is labelled by its topmost line, above the track (the
 * space between its tracks is the diagonals'). Along each line the other
 * labels go above or below so as to leave the most room to all of them:
 * a label reaches to the next label on its side, the next diagonal in that
 * space, or the end of the map. A dynamic programme over the line's labels
 * finds the best choice; since no label needs more than LABEL_ENOUGH mm, it
 * only has to remember the last few labels on the other side, so it is
 * linear in the number of stations. */
#define LABEL_ENOUGH 48.0

static double room_on(const struct tube *t, const struct line *l, double x0, int side)
{
	const struct gap *g = side_gap(t, l, side);
	double lim = t->map_x1 - 1 - x0;
	int inside = 0;

	if (g) {
		double nb = next_block(g, x0, &inside) - LABEL_GAP - x0;
		if (nb < lim)
			lim = nb;
	}
	return inside || lim < 0 ? 0 : lim;
}

static void assign_labels(struct tube *t)
{
	struct ldr_label *c = ldr_malloc((t->nst + 1) * sizeof(*c));
	struct station **of = ldr_malloc((t->nst + 1) * sizeof(*of));
	size_t i, j, n;

	for (i = 0; i < t->nlines; i++) {
		const struct line *l = &t->lines[i];
		for (n = 0, j = 0; j < l->nstops; j++) {
			struct station *s = &t->st[l->stops[j].station];
			if (s->lines[0] != i)
				continue;
			s->label_line = (int)i;
			of[n] = s;
			c[n].x = s->x - STATION_R;
			c[n].forced = s->nlines > 1 ? ABOVE : -1;
			c[n].room[ABOVE] = room_on(t, l, c[n].x, ABOVE);
			c[n].room[BELOW] = room_on(t, l, c[n].x, BELOW);
			n++;
		}
		ldr_label_sides(c, n, LABEL_ENOUGH, LABEL_GAP);
		for (j = 0; j < n; j++) {
			of[j]->side = c[j].side;
			of[j]->label_w = c[j].width;
		}
	}
	free(c);
	free(of);
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

/* ---- the document -------------------------------------------------------- */

static void years(struct tube *t)
{
	ldr_chart_years(t->b, t->fy0, t->nfy, t->col, TOP, YEAR_BAND, t->map_y1, NAME_FONT);
}

static void horizon(struct tube *t)
{
	const struct ldr_footprint *f = &t->rm->footprint;
	int lo = 1 << 30, hi = -(1 << 30);
	size_t i;

	if (f->start.kind != LDR_TIME_NONE)
		lo = hi = ldr_time_fy_of_month(ldr_time_first(&f->start));
	if (f->end.kind != LDR_TIME_NONE) {
		int y = ldr_time_fy_of_month(ldr_time_last(&f->end));
		lo = y < lo ? y : lo;
		hi = y > hi ? y : hi;
	}
	for (i = 0; i < t->nst; i++) {
		lo = t->st[i].fy < lo ? t->st[i].fy : lo;
		hi = t->st[i].fy > hi ? t->st[i].fy : hi;
	}
	if (lo > hi)
		lo = hi = 2016;
	t->fy0 = lo;
	t->nfy = hi - lo + 1;
	t->col = ldr_calloc((size_t)t->nfy + 1, sizeof(double));
}

static void vertical(struct tube *t)
{
	double band, avail;

	/* Room for three lines of label above and below each track if the page
	 * has it, else two, else one. */
	t->map_y0 = TOP + YEAR_BAND + 3 * LEAD + STATION_R + 3;
	avail = LDR_A3_H - MARGIN - 6 - ldr_tube_legend_height(t) - (3 * LEAD + STATION_R + 3) - t->map_y0;
	t->spacing = t->nlines > 1 ? avail / (double)(t->nlines - 1) : 20;
	if (t->spacing > 26)
		t->spacing = 26;
	if (t->spacing < 2 * (LEAD + STATION_R + 2.2))
		t->spacing = 2 * (LEAD + STATION_R + 2.2);
	/* The labels below one track and above the next share the space
	 * between them: 10.2 mm of clearances and 2 LEAD for each extra line. */
	band = (t->spacing - 10.2) / (2 * LEAD);
	t->label_lines = band >= 2 ? 3 : band >= 1 ? 2 : 1;
	t->map_y1 = t->map_y0 + t->spacing * (double)(t->nlines ? t->nlines - 1 : 0) + 3 * LEAD + STATION_R + 3;
	t->height = t->map_y1 + ldr_tube_legend_height(t) + 6 + MARGIN;
	if (t->height < LDR_A3_H)
		t->height = LDR_A3_H;
}

static void describe(const struct tube *t, struct ldr_buf *title, struct ldr_buf *desc)
{
	const char *name = t->rm->footprint.name ? t->rm->footprint.name : "Roadmap";
	size_t i, inter = 0;
	char s[LDR_TIME_STR_MAX];

	for (i = 0; i < t->nst; i++)
		inter += t->st[i].nlines > 1;
	ldr_buf_addf(title, "%s Local Digital Roadmap: capability tube map", name);
	ldr_buf_addf(desc, "Tube map of %zu capabilities on %zu lines, one per capability group, "
		     "as at %s. Stations are capabilities placed left to right by the financial year "
		     "they are deployed in; delivered stations are filled, planned ones hollow, and "
		     "the line leading to an aspirational one is dashed. %zu interchange%s join%s "
		     "lines where a project or a dependency links capability groups; the lines are "
		     "ordered to minimise crossings (%ld line crossing%s).",
		     t->nst, t->nlines, ldr_time_format(&t->opts->as_of, s), inter, inter == 1 ? "" : "s",
		     inter == 1 ? "s" : "", t->crossings, t->crossings == 1 ? "" : "s");
	if (t->undated)
		ldr_buf_addf(desc, " %zu capabilit%s without a year %s not shown.", t->undated,
			     t->undated == 1 ? "y" : "ies", t->undated == 1 ? "is" : "are");
}

static void heading(struct tube *t, const struct ldr_buf *title)
{
	struct ldr_buf sub = LDR_BUF_INIT;
	const struct ldr_footprint *f = &t->rm->footprint;
	size_t i, inter = 0;
	char s[LDR_TIME_STR_MAX];

	for (i = 0; i < t->nst; i++)
		inter += t->st[i].nlines > 1;
	if (f->version)
		ldr_buf_addf(&sub, "Version %s; ", f->version);
	ldr_buf_addf(&sub, "%zu capabilities on %zu lines, %zu interchange%s; as at %s", t->nst, t->nlines,
		     inter, inter == 1 ? "" : "s", ldr_time_format(&t->opts->as_of, s));
	if (t->undated)
		ldr_buf_addf(&sub, "; %zu without a year not shown", t->undated);
	ldr_chart_heading(t->b, title->s, sub.s, MARGIN, t->width - 2 * MARGIN);
	ldr_buf_release(&sub);
}

static void release(struct tube *t)
{
	size_t i;
	for (i = 0; i < t->nst; i++) {
		free(t->st[i].lines);
		ldr_buf_release(&t->st[i].why);
	}
	for (i = 0; i < t->nlines; i++)
		free(t->lines[i].stops);
	for (i = 0; t->gaps && i <= t->nlines; i++) {
		free(t->gaps[i].v);
		free(t->gaps[i].reach);
	}
	free(t->gaps);
	free(t->st);
	free(t->lines);
	free(t->line_of_group);
	free(t->order);
	free(t->col);
	ldr_hash_clear(&t->projects);
	ldr_hash_clear(&t->caps);
	ldr_chart_groups_release(&t->groups);
}

int ldr_tubemap_build(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, struct ldr_buf *b)
{
	struct tube t;
	struct ldr_buf title = LDR_BUF_INIT, desc = LDR_BUF_INIT, tmp = LDR_BUF_INIT;
	size_t i;

	memset(&t, 0, sizeof(t));
	t.rm = rm;
	t.opts = opts;
	t.b = b;
	t.width = LDR_A3_W;
	ldr_chart_groups_init(&t.groups, rm);
	index_records(&t);
	collect(&t);
	order_lines(&t);
	horizon(&t);
	names_width(&t);
	vertical(&t);
	place_y(&t);
	place_x(&t);
	make_stops(&t);
	blocks(&t);
	assign_labels(&t);
	describe(&t, &title, &desc);

	ldr_svg_begin(b, t.width, t.height, title.s, desc.s);
	ldr_buf_addf(b, "<rect width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\"/>\n", ldr_svg_r(t.width),
		     ldr_svg_r(t.height));
	heading(&t, &title);
	years(&t);
	ldr_buf_addstr(b, "<g class=\"lines\">\n");
	for (i = 0; i < t.nlines; i++)
		ldr_tube_draw_line(&t, &t.lines[i]);
	ldr_buf_addstr(b, "</g>\n<g class=\"stations\">\n");
	for (i = 0; i < t.nst; i++)
		ldr_tube_draw_station(&t, &t.st[t.order[i]], &tmp);
	ldr_buf_addstr(b, "</g>\n<g class=\"labels\">\n");
	for (i = 0; i < t.nst; i++)
		ldr_tube_draw_label(&t, &t.st[t.order[i]]);
	ldr_buf_addstr(b, "</g>\n<g class=\"names\">\n");
	for (i = 0; i < t.nlines; i++)
		ldr_tube_draw_names(&t, &t.lines[i]);
	ldr_buf_addstr(b, "</g>\n");
	ldr_tube_legend(&t, t.map_y1 + 4);
	ldr_chart_footer(b, rm, opts, "Capability tube map", MARGIN, t.height - MARGIN + 3, FONT,
			 t.width - 2 * MARGIN);
	ldr_svg_end(b);

	ldr_buf_release(&title);
	ldr_buf_release(&desc);
	ldr_buf_release(&tmp);
	release(&t);
	return 0;
}

int ldr_export_tubemap_svg(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			   const char *path, struct ldr_buf *err)
{
	struct ldr_buf b = LDR_BUF_INIT;
	int r = ldr_tubemap_build(rm, opts, &b);
	if (r == 0)
		r = ldr_chart_write(path, &b, err);
	ldr_buf_release(&b);
	return r;
}
