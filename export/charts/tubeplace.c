/* Where the tube map's parts go: each track's y and each station's y
 * between its lines' tracks; each station's x, which is time (tubemap.c
 * says how); each line's stops in order; and the spaces between tracks
 * where names go, with the stretches of them that diagonals take. */
#include <stdlib.h>

#include "../base/layout.h"
#include "tube.h"

static int member_cmp(const void *a, const void *b, void *ctx)
{
	const struct tube *t = ctx;
	int x = t->lines[*(const size_t *)a].pos, y = t->lines[*(const size_t *)b].pos;
	return x < y ? -1 : x > y;
}

/* An interchange is never on a track that does not stop there: moved off
 * it, a third of the way to the next. */
static void off_tracks(const struct tube *t, struct station *s)
{
	int lo = t->lines[s->lines[0]].pos, hi = t->lines[s->lines[s->nlines - 1]].pos, k;
	size_t j;

	for (k = lo + 1; k < hi; k++) {
		double d = s->y - t->track_y[k], gap = t->track_y[k + 1] - t->track_y[k];
		if (d < 0 ? -d >= 0.2 * gap : d >= 0.2 * gap)
			continue;
		for (j = 0; j < s->nlines && t->lines[s->lines[j]].pos != k; j++)
			;
		if (j == s->nlines)
			s->y = t->track_y[k] + 0.35 * gap;
		return;
	}
}

/* Track y positions, and each station's y between its lines' tracks. */
void ldr_tube_place_y(struct tube *t)
{
	size_t i, j;

	for (i = 0; i < t->nlines; i++)
		t->lines[i].y = t->track_y[t->lines[i].pos];
	for (i = 0; i < t->nst; i++) {
		struct station *s = &t->st[i];
		double sum = 0;
		ldr_sort(s->lines, s->nlines, sizeof(size_t), member_cmp, t);
		for (j = 0; j < s->nlines; j++)
			sum += t->lines[s->lines[j]].y;
		s->y = sum / (double)s->nlines;
		if (s->nlines > 1)
			off_tracks(t, s);
		s->dy = 0;
		for (j = 0; j < s->nlines; j++) {
			double d = tube_member_y(t, s, j) - t->lines[s->lines[j]].y;
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

/* Where each station wants to stand (the end of its period, just inside
 * it) and the least x it may take (the period's start). */
static void wants(struct tube *t)
{
	size_t i;

	for (i = 0; i < t->nst; i++) {
		struct station *s = &t->st[i];
		s->want = tube_x(t, s->last + 1) - STATION_R - 0.3; /* inside its period, at its end */
		s->lo = tube_x(t, s->first) + STATION_R;
		if (s->lo > s->want)
			s->lo = s->want;
	}
}

/* Right to left: by where they want to be, then from the bottom track up. */
static int want_cmp(const void *a, const void *b, void *ctx)
{
	const struct tube *t = ctx;
	const struct station *x = &t->st[*(const size_t *)a], *y = &t->st[*(const size_t *)b];
	int px = t->lines[x->home].pos, py = t->lines[y->home].pos;

	if (x->want != y->want)
		return x->want > y->want ? -1 : 1;
	if (px != py)
		return px > py ? -1 : 1;
	return x->order > y->order ? -1 : x->order < y->order;
}

/* Left to right, for drawing and for each line's stops. */
static int x_cmp(const void *a, const void *b, void *ctx)
{
	const struct tube *t = ctx;
	const struct station *x = &t->st[*(const size_t *)a], *y = &t->st[*(const size_t *)b];
	int px = t->lines[x->home].pos, py = t->lines[y->home].pos;

	if (x->x != y->x)
		return x->x < y->x ? -1 : 1;
	if (px != py)
		return px < py ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The tracks a station takes on the way right to left: each its diagonals
 * cross (or, past SPAN_MAX, only its own), as lines in out; returns how many. */
static size_t taken(const struct tube *t, const struct station *s, const int *by_pos, size_t *out)
{
	int lo, hi, k;
	size_t n = 0, j;

	span_tracks(t, s, &lo, &hi);
	if (!keeps_clear(lo, hi)) {
		for (j = 0; j < s->nlines; j++)
			out[n++] = s->lines[j];
		return n;
	}
	for (k = lo; k <= hi; k++)
		out[n++] = (size_t)by_pos[k];
	return n;
}

/* Right to left, each station where it wants to be, or a pitch (and room
 * for its diagonals) left of the next station on each track it takes.
 * Returns how many then stand before their period begins. */
static size_t spread(struct tube *t, double pitch, int record)
{
	double *last = ldr_malloc((t->nlines + 1) * sizeof(double));
	int *by_pos = ldr_malloc((t->nlines + 1) * sizeof(int));
	size_t *on = ldr_malloc((t->nlines + 1) * sizeof(size_t));
	size_t i, j, n, bad = 0;

	for (i = 0; i < t->nlines; i++) {
		last[i] = 1e12;
		by_pos[t->lines[i].pos] = (int)i;
	}
	for (i = 0; i < t->nst; i++) {
		struct station *s = &t->st[t->order[i]];
		double dy = tube_reach(t, s), x = s->want, need = pitch + dy;
		n = taken(t, s, by_pos, on);
		for (j = 0; j < n; j++)
			if (last[on[j]] - need < x)
				x = last[on[j]] - need;
		for (j = 0; j < n; j++)
			last[on[j]] = x - dy;
		bad += x < s->lo - 0.05;
		if (record)
			s->x = x;
	}
	free(last);
	free(by_pos);
	free(on);
	return bad;
}

/* Left to right: none before the map begins, each still a pitch after the
 * one before it on its tracks (a map too crowded to hold its stations in
 * their periods pushes them later, never off the page). */
static void clamp_left(struct tube *t)
{
	double *last = ldr_malloc((t->nlines + 1) * sizeof(double));
	int *by_pos = ldr_malloc((t->nlines + 1) * sizeof(int));
	size_t *on = ldr_malloc((t->nlines + 1) * sizeof(size_t));
	size_t i, j, n;

	for (i = 0; i < t->nlines; i++) {
		last[i] = t->map_x0 + STATION_R - t->pitch;
		by_pos[t->lines[i].pos] = (int)i;
	}
	for (i = 0; i < t->nst; i++) {
		struct station *s = &t->st[t->order[i]];
		double dy = tube_reach(t, s);
		n = taken(t, s, by_pos, on);
		for (j = 0; j < n; j++)
			if (s->x - dy < last[on[j]] + t->pitch)
				s->x = last[on[j]] + t->pitch + dy;
		for (j = 0; j < n; j++)
			last[on[j]] = s->x + dy;
	}
	free(last);
	free(by_pos);
	free(on);
}

/* The largest v in [lo, hi] for which no station stands before its period,
 * with v set by set (the pitch, or the reach of diagonals); lo if none. */
static double widest(struct tube *t, double *v, double lo, double hi)
{
	int it;

	*v = hi;
	if (spread(t, t->pitch, 0) == 0)
		return hi;
	*v = lo;
	if (spread(t, t->pitch, 0) != 0)
		return lo;
	for (it = 0; it < 14; it++) {
		*v = (lo + hi) / 2;
		if (spread(t, t->pitch, 0) == 0)
			lo = *v;
		else
			hi = *v;
	}
	return *v = lo;
}

/* Where each station stands. As much room as the time line allows: the
 * diagonals of interchanges at 45 degrees, up to DIAG_MAX, made steeper if
 * stations would otherwise leave their periods; then the widest pitch
 * (up to PITCH_MAX) between stations due together. */
void ldr_tube_place_x(struct tube *t)
{
	size_t i;

	t->order = ldr_malloc((t->nst + 1) * sizeof(size_t));
	for (i = 0; i < t->nst; i++)
		t->order[i] = i;
	wants(t);
	ldr_sort(t->order, t->nst, sizeof(size_t), want_cmp, t);
	t->pitch = PITCH_MIN;
	widest(t, &t->reach, DIAG_MIN, DIAG_MAX);
	widest(t, &t->pitch, PITCH_MIN, PITCH_MAX);
	spread(t, t->pitch, 1);
	ldr_sort(t->order, t->nst, sizeof(size_t), x_cmp, t);
	clamp_left(t);
}

/* Each line's stops in x order, at the y where it runs through each. */
void ldr_tube_make_stops(struct tube *t)
{
	size_t i, j;

	for (i = 0; i < t->nlines; i++)
		t->lines[i].nstops = 0;
	for (i = 0; i < t->nst; i++) {
		size_t s = t->order[i];
		for (j = 0; j < t->st[s].nlines; j++) {
			struct line *l = &t->lines[t->st[s].lines[j]];
			ldr_grow((void **)&l->stops, &l->cap, l->nstops + 1, sizeof(*l->stops));
			l->stops[l->nstops].station = s;
			l->stops[l->nstops++].y = t->st[s].nlines > 1 ? tube_member_y(t, &t->st[s], j) : l->y;
		}
	}
}

/* ---- the spaces between tracks -------------------------------------------- */

static void block(struct tube *t, int gap, double x0, double x1)
{
	struct gap *g = &t->gaps[gap];
	ldr_grow((void **)&g->v, &g->cap, g->n + 1, sizeof(*g->v));
	g->v[g->n].x0 = x0;
	g->v[g->n++].x1 = x1;
}

/* The spaces between tracks, the rows of labels each holds, and the x
 * ranges of them that interchanges' diagonals pass through. */
void ldr_tube_gaps(struct tube *t)
{
	size_t i, j;
	int lo, hi, k;

	t->gaps = ldr_calloc(t->nlines + 2, sizeof(*t->gaps));
	for (i = 0; i <= t->nlines; i++) {
		struct gap *g = &t->gaps[i];
		g->y0 = i ? t->track_y[i - 1] : TOP + YEAR_BAND + 0.8 - CLEAR;
		g->y1 = i < t->nlines ? t->track_y[i] : t->map_y1 + CLEAR;
		g->rows = t->virtual_rows ? 2 * ROWS_MAX : (int)((g->y1 - g->y0 - 2 * CLEAR) / LEAD + 0.01);
		if (g->rows < 0)
			g->rows = 0;
		g->front = ldr_malloc(((size_t)g->rows + 1) * sizeof(double));
		for (k = 0; k < g->rows; k++)
			g->front[k] = t->map_x1 + 1.5 + LABEL_GAP;
	}
	for (i = 0; i < t->nst; i++) {
		const struct station *s = &t->st[i];
		double r = tube_reach(t, s) > STATION_R ? tube_reach(t, s) : STATION_R;
		double x0 = s->x - r - 0.8, x1 = s->x + r + 0.8;
		if (s->nlines < 2)
			continue;
		span_tracks(t, s, &lo, &hi);
		if (keeps_clear(lo, hi)) {
			for (k = lo + 1; k <= hi; k++)
				block(t, k, x0, x1);
			continue;
		}
		for (j = 0; j < s->nlines; j++) /* the spaces next to each member */
			for (k = t->lines[s->lines[j]].pos; k <= t->lines[s->lines[j]].pos + 1; k++)
				if (k > lo && k <= hi)
					block(t, k, x0, x1);
	}
}

