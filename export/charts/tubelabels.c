/* Where the tube map's station names go. A name is the station's id (with
 * '*' when its year is derived) and who it is for, set on one line or, when
 * long, wrapped onto two at the width that makes the two lines most even.
 * It is never cut.
 *
 * The space between two tracks is cut into rows of one line of text. A
 * name goes above or below its station's own track (an interchange's on
 * its home line, on the side away from the lines that join it there), on
 * the rows nearest that track where it fits; further out, a thin leader
 * joins it to its station. It must not cover another name, a leader, an
 * interchange's diagonals, or run past the end of the lines.
 *
 * Names begin at their station and run right, so the stations are taken
 * right to left: for each row it is then enough to remember how far left
 * the names (and leaders, and diagonals) placed so far reach, and a name
 * fits a row if it ends before that. Each name tries a few rows on each
 * side, so this is linear in the stations. */
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "../base/layout.h"
#include "../base/svg.h"
#include "tube.h"

#define LONG_NAME 600 /* bytes: longer names are not tried on two lines */

/* A name's forms: one line (w1), two lines split after byte split of who
 * (w2, the wider of the two), the id alone (w0). */
struct name {
	double idw, w0, w1, w2;
	size_t split; /* 0: no two-line form */
};

static const char *who_of(const struct station *s)
{
	return s->c->who ? s->c->who : "";
}

static int derived(const struct station *s)
{
	return ldr_chart_derived(&s->c->derived, "year");
}

/* The most even split of who into two lines after the id: at a blank. */
static void two_lines(struct name *nm, const char *who)
{
	size_t i = 0, n = strlen(who);
	double total = ldr_svg_width(who, FONT, 0), acc = 0, sp = ldr_svg_width(" ", FONT, 0);

	nm->split = 0;
	nm->w2 = 0;
	if (n > LONG_NAME)
		return;
	while (i < n) {
		unsigned cp;
		size_t len = ldr_utf8_decode(who + i, n - i, &cp);
		if (!len)
			len = 1;
		if (who[i] == ' ' && i > 0) {
			double a = nm->idw + sp + acc, b = total - acc - sp, w = a > b ? a : b;
			if (!nm->split || w < nm->w2) {
				nm->split = i;
				nm->w2 = w;
			}
		}
		acc += ldr_svg_width_n(who + i, len, FONT, 0);
		i += len;
	}
}

static void measure(const struct station *s, struct name *nm)
{
	const char *who = who_of(s);

	nm->idw = ldr_svg_width(s->c->id ? s->c->id : "", FONT, 1) + (derived(s) ? ldr_svg_width("*", FONT, 1) : 0);
	nm->w0 = nm->idw;
	nm->w1 = nm->idw + (who[0] ? ldr_svg_width(" ", FONT, 0) + ldr_svg_width(who, FONT, 0) : 0);
	two_lines(nm, who);
}

/* The rows of a gap a name of h rows takes at dist rows from its track,
 * and those its leader takes: [*a, *a + h) and [*la, *lz). */
static void rows_of(const struct gap *g, int side, int dist, int h, int *a, int *la, int *lz)
{
	if (side == BELOW) {
		*a = dist;
		*la = 0;
		*lz = dist;
	} else {
		*a = g->rows - dist - h;
		*la = g->rows - dist;
		*lz = g->rows;
	}
}

/* Where a name of width w begins: at its station, running right; or, with
 * left, ending at its leader. */
static double start_of(const struct station *s, double w, int left)
{
	return left ? s->x + 0.3 - w : s->x - STATION_R;
}

/* The rows of a space a track's names may take: of a space between two
 * tracks, the half nearer it (an odd row in the middle is left empty), so
 * that a name is never read as one of the other track's; of the space
 * above the first track or below the last, all. */
static int own_rows(const struct tube *t, const struct gap *g, int side)
{
	size_t k = (size_t)(g - t->gaps);

	(void)side;
	if (k == 0 || k == t->nlines)
		return g->rows;
	return g->rows / 2;
}

static int fits(const struct tube *t, const struct station *s, const struct gap *g, int side, int dist,
		int h, double w, int left)
{
	double x = start_of(s, w, left);
	int a, la, lz, r;

	if (dist + h > own_rows(t, g, side) || x + w > t->map_x1 + 1.5 || x < t->map_x0 - 1.5)
		return 0;
	rows_of(g, side, dist, h, &a, &la, &lz);
	for (r = a; r < a + h; r++)
		if (x + w + LABEL_GAP > g->front[r])
			return 0;
	for (r = la; r < lz; r++)
		if (s->x + 0.3 > g->front[r])
			return 0;
	return 1;
}

static double row_top(const struct gap *g, int r)
{
	return g->y0 + CLEAR + r * LEAD;
}

/* The station's ends on the side of its name. */
static double station_edge(const struct tube *t, const struct station *s, int side)
{
	if (s->nlines < 2)
		return side == ABOVE ? s->y - STATION_R : s->y + STATION_R;
	return side == ABOVE ? tube_member_y(t, s, 0) - STATION_R
			     : tube_member_y(t, s, s->nlines - 1) + STATION_R;
}

static void place(struct tube *t, struct station *s, struct gap *g, int side, int dist, int h, double w,
		  int left)
{
	double x = start_of(s, w, left);
	int a, la, lz, r;

	rows_of(g, side, dist, h, &a, &la, &lz);
	for (r = a; r < a + h; r++)
		g->front[r] = x < g->front[r] ? x : g->front[r];
	for (r = la; r < lz; r++)
		g->front[r] = s->x - 0.3 < g->front[r] ? s->x - 0.3 : g->front[r];
	if (g->used[side == BELOW ? 0 : 1] < dist + h)
		g->used[side == BELOW ? 0 : 1] = dist + h;
	s->side = side;
	s->dist = dist;
	s->nrows = h;
	s->lx = x;
	s->lw = w;
	s->ly = row_top(g, a) + FONT * 0.8;
	s->leader0 = s->leader1 = 0;
	if (dist > 0 || s->nlines > 1) {
		s->leader0 = station_edge(t, s, side);
		s->leader1 = side == BELOW ? row_top(g, a) - 0.2 : row_top(g, a + h) + 0.2;
	}
}

/* The sides a name may take, in order of preference: an interchange's
 * away from the lines that join it; another's, the other side from the
 * name before it on its line. */
static int sides(const struct tube *t, const struct station *s, int *v, int *last_side)
{
	const struct line *home = &t->lines[s->home];

	if (s->nlines > 1) {
		v[0] = t->lines[s->lines[s->nlines - 1]].pos == home->pos && t->lines[s->lines[0]].pos != home->pos
			       ? BELOW : ABOVE;
		return 1;
	}
	v[0] = last_side[s->home] == BELOW ? ABOVE : BELOW;
	v[1] = !v[0];
	return 2;
}

static struct gap *gap_of(const struct tube *t, const struct station *s, int side)
{
	int pos = t->lines[s->home].pos;
	return &t->gaps[side == ABOVE ? pos : pos + 1];
}

/* Whether one form fits there, and if so its place taken. */
static int take(struct tube *t, struct station *s, int side, int dist, int h, double w, size_t split, int left)
{
	struct gap *g = gap_of(t, s, side);

	if (!fits(t, s, g, side, dist, h, w, left))
		return 0;
	s->split = split;
	place(t, s, g, side, dist, h, w, left);
	return 1;
}

/* The nearest place for one of the forms of the name, running right from
 * its station or else ending at it; 0 if none. */
static int try_forms(struct tube *t, struct station *s, const struct name *nm, const int *sv, int ns, int id_only)
{
	int dist, i, left, most = 0;

	for (i = 0; i < ns; i++)
		if (gap_of(t, s, sv[i])->rows > most)
			most = gap_of(t, s, sv[i])->rows;
	if (most > ROWS_MAX) /* names further out than this are past reading */
		most = ROWS_MAX;
	for (left = 0; left < 2; left++)
		for (dist = 0; dist < most; dist++)
			for (i = 0; i < ns; i++) {
				if (id_only) {
					if (take(t, s, sv[i], dist, 1, nm->w0, 0, left))
						return 1;
					continue;
				}
				if ((nm->w1 <= ONE_LINE_MAX || !nm->split) && take(t, s, sv[i], dist, 1, nm->w1, 0, left))
					return 1;
				if (nm->split && take(t, s, sv[i], dist, 2, nm->w2, nm->split, left))
					return 1;
			}
	return 0;
}

/* Returns 1 if the name had to be the id alone (or had no room at all). */
static int label(struct tube *t, struct station *s, int *last_side)
{
	struct name nm;
	int sv[2], ns = sides(t, s, sv, last_side), ok;

	measure(s, &nm);
	s->split = 0;
	s->id_only = 0;
	s->lw = 0;
	ok = try_forms(t, s, &nm, sv, ns, 0);
	if (!ok) {
		s->id_only = 1;
		try_forms(t, s, &nm, sv, ns, 1);
	}
	if (s->nlines < 2 && s->lw > 0)
		last_side[s->home] = s->side;
	return !ok;
}

/* The diagonals in a gap take effect once the sweep passes their right end. */
struct event {
	double x;
	int kind;  /* 0: a block, 1: a station */
	size_t i, j;
};

static int event_cmp(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	if (x->x != y->x)
		return x->x > y->x ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->i != y->i)
		return x->i > y->i ? -1 : 1;
	return x->j > y->j ? -1 : x->j < y->j;
}

static struct event *events(const struct tube *t, size_t *n)
{
	size_t i, j, k = t->nst;
	struct event *v;

	for (i = 0; i <= t->nlines; i++)
		k += t->gaps[i].n;
	v = ldr_malloc((k + 1) * sizeof(*v));
	*n = 0;
	for (i = 0; i <= t->nlines; i++)
		for (j = 0; j < t->gaps[i].n; j++)
			v[(*n)++] = (struct event){ t->gaps[i].v[j].x1, 0, i, j };
	for (i = 0; i < t->nst; i++) /* right to left in drawing order */
		v[(*n)++] = (struct event){ t->st[t->order[i]].x - STATION_R, 1, i, 0 };
	qsort(v, *n, sizeof(*v), event_cmp);
	return v;
}

size_t ldr_tube_place_labels(struct tube *t)
{
	size_t n, i, unnamed = 0;
	struct event *v = events(t, &n);
	int *last_side = ldr_calloc(t->nlines + 1, sizeof(int));
	int r;

	for (i = 0; i < t->nlines; i++)
		last_side[i] = ABOVE; /* so the first name of a line (the rightmost) goes below */
	for (i = 0; i < n; i++) {
		if (v[i].kind == 0) {
			struct gap *g = &t->gaps[v[i].i];
			double x0 = g->v[v[i].j].x0 - LABEL_GAP;
			for (r = 0; r < g->rows; r++)
				g->front[r] = x0 < g->front[r] ? x0 : g->front[r];
			continue;
		}
		unnamed += label(t, &t->st[t->order[v[i].i]], last_side);
	}
	free(v);
	free(last_side);
	return unnamed;
}
