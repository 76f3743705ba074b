#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "../../model/base/util.h"

/* ---- a stable sort ------------------------------------------------------- */

void ldr_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
	      void *ctx)
{
	char *v = base, *tmp;
	size_t width, i;

	if (n < 2)
		return;
	tmp = ldr_malloc(n * size);
	for (width = 1; width < n; width *= 2) {
		for (i = 0; i < n; i += 2 * width) {
			size_t l = i, m = i + width < n ? i + width : n, r = m;
			size_t e = i + 2 * width < n ? i + 2 * width : n, k = i;
			while (l < m || r < e) {
				if (r >= e || (l < m && cmp(v + l * size, v + r * size, ctx) <= 0))
					memcpy(tmp + (k++) * size, v + (l++) * size, size);
				else
					memcpy(tmp + (k++) * size, v + (r++) * size, size);
			}
		}
		memcpy(v, tmp, n * size);
	}
	free(tmp);
}

/* ---- the order of tracks ------------------------------------------------- */

struct orderer {
	size_t n, npairs;
	const struct ldr_link *pairs;
	int *pos;         /* track -> position */
	const int *usual; /* track -> its usual position */
	size_t *first;    /* the links of track i: inc[first[i] .. first[i + 1]) */
	size_t *inc;      /* indices into pairs */
};

static long order_cost(const struct orderer *o)
{
	long c = 0;
	size_t i;

	for (i = 0; i < o->npairs; i++) {
		int d = o->pos[o->pairs[i].a] - o->pos[o->pairs[i].b];
		if (d < 0)
			d = -d;
		/* Each line between the two tracks is crossed twice, going in
		 * and coming out: loom's different-segment crossing costs 1. */
		c += 1000L * 2 * (long)o->pairs[i].w * (d - 1);
	}
	for (i = 0; i < o->n; i++) /* stay near the usual order */
		c += labs((long)o->pos[i] - (long)o->usual[i]);
	return c;
}

static void swap_pos(struct orderer *o, int *at, int i, int j)
{
	int li = at[i], lj = at[j];
	at[i] = lj;
	at[j] = li;
	o->pos[lj] = i;
	o->pos[li] = j;
}

/* Move the line at track i to track j, shifting those between. */
static void move_pos(struct orderer *o, int *at, int i, int j)
{
	int l = at[i], k;
	if (i < j)
		for (k = i; k < j; k++)
			at[k] = at[k + 1];
	else
		for (k = i; k > j; k--)
			at[k] = at[k - 1];
	at[j] = l;
	for (k = i < j ? i : j; k <= (i < j ? j : i); k++)
		o->pos[at[k]] = k;
}

static int bary_cmp(const void *a, const void *b, void *ctx)
{
	const double *key = ctx;
	int x = *(const int *)a, y = *(const int *)b;
	if (key[x] != key[y])
		return key[x] < key[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

static void barycentre(struct orderer *o, int *at)
{
	double *key = ldr_calloc(o->n, sizeof(double)), *sum = ldr_calloc(o->n, sizeof(double));
	int *cand = ldr_malloc(o->n * sizeof(int)), *old = ldr_malloc(o->n * sizeof(int));
	long best = order_cost(o);
	size_t i, round;

	for (round = 0; round < 8; round++) {
		for (i = 0; i < o->n; i++) {
			key[i] = o->pos[i];
			sum[i] = 1;
		}
		for (i = 0; i < o->npairs; i++) {
			const struct ldr_link *p = &o->pairs[i];
			key[p->a] += p->w * (double)o->pos[p->b];
			sum[p->a] += p->w;
			key[p->b] += p->w * (double)o->pos[p->a];
			sum[p->b] += p->w;
		}
		for (i = 0; i < o->n; i++) {
			key[i] /= sum[i];
			cand[i] = (int)i;
		}
		ldr_sort(cand, o->n, sizeof(int), bary_cmp, key);
		memcpy(old, at, o->n * sizeof(int));
		for (i = 0; i < o->n; i++) {
			at[i] = cand[i];
			o->pos[cand[i]] = (int)i;
		}
		if (order_cost(o) < best) {
			best = order_cost(o);
			continue;
		}
		memcpy(at, old, o->n * sizeof(int)); /* no better: undo, stop */
		for (i = 0; i < o->n; i++)
			o->pos[at[i]] = (int)i;
		break;
	}
	free(key);
	free(sum);
	free(cand);
	free(old);
}

/* The cost of the links of track l and of its leaving its place. */
static long local_cost(const struct orderer *o, size_t l, size_t skip_other)
{
	long c = labs((long)o->pos[l] - (long)o->usual[l]);
	size_t k;

	for (k = o->first[l]; k < o->first[l + 1]; k++) {
		const struct ldr_link *p = &o->pairs[o->inc[k]];
		size_t other = p->a == l ? p->b : p->a;
		int d = o->pos[p->a] - o->pos[p->b];
		if (other == skip_other)
			continue; /* counted once, by the caller */
		if (d < 0)
			d = -d;
		c += 1000L * 2 * (long)p->w * (d - 1);
	}
	return c;
}

/* Swapping neighbours changes only their own links: with many tracks,
 * climb by adjacent swaps, each costed in time proportional to the links
 * of the two tracks, so that a pass is linear in the links. */
static void climb_adjacent(struct orderer *o, int *at)
{
	int n = (int)o->n, i, pass, better = 1;

	for (pass = 0; pass < 50 && better; pass++) {
		better = 0;
		for (i = 0; i + 1 < n; i++) {
			size_t a = (size_t)at[i], b = (size_t)at[i + 1];
			long before = local_cost(o, a, (size_t)-1) + local_cost(o, b, a);
			long after;
			swap_pos(o, at, i, i + 1);
			after = local_cost(o, a, (size_t)-1) + local_cost(o, b, a);
			if (after < before)
				better = 1;
			else
				swap_pos(o, at, i, i + 1);
		}
	}
}

static void index_links(struct orderer *o)
{
	size_t i;

	o->first = ldr_calloc(o->n + 2, sizeof(size_t));
	o->inc = ldr_malloc((2 * o->npairs + 1) * sizeof(size_t));
	for (i = 0; i < o->npairs; i++) {
		o->first[o->pairs[i].a + 2]++;
		o->first[o->pairs[i].b + 2]++;
	}
	for (i = 2; i < o->n + 2; i++)
		o->first[i] += o->first[i - 1];
	for (i = 0; i < o->npairs; i++) {
		o->inc[o->first[o->pairs[i].a + 1]++] = i;
		o->inc[o->first[o->pairs[i].b + 1]++] = i;
	}
}

static void hill_climb(struct orderer *o, int *at)
{
	int n = (int)o->n, i, j, pass, better = 1;
	long best = order_cost(o), c;
	int wide = n <= 30; /* all swaps and moves; else adjacent swaps only */

	if (!wide) {
		climb_adjacent(o, at);
		return;
	}
	for (pass = 0; pass < 50 && better; pass++) {
		better = 0;
		for (i = 0; i < n; i++) {
			for (j = 0; j < n; j++) {
				if (i == j)
					continue;
				swap_pos(o, at, i, j);
				if ((c = order_cost(o)) < best) {
					best = c;
					better = 1;
					continue;
				}
				swap_pos(o, at, i, j);
				move_pos(o, at, i, j);
				if ((c = order_cost(o)) < best) {
					best = c;
					better = 1;
					continue;
				}
				move_pos(o, at, j, i);
			}
		}
	}
}

/* Every order of a window of w tracks, for each window position. */
static void permute(struct orderer *o, int *at, int start, int k, int w, long *best, int *best_at)
{
	int i;
	if (k == w) {
		long c = order_cost(o);
		if (c < *best) {
			*best = c;
			memcpy(best_at, at, o->n * sizeof(int));
		}
		return;
	}
	for (i = k; i < w; i++) {
		swap_pos(o, at, start + k, start + i);
		permute(o, at, start, k + 1, w, best, best_at);
		swap_pos(o, at, start + k, start + i);
	}
}

static void windows(struct orderer *o, int *at)
{
	int n = (int)o->n, w = n < 6 ? n : 6, s;
	int *best_at = ldr_malloc(o->n * sizeof(int));
	long best = order_cost(o);
	size_t i;

	if (n > 40)
		w = 0;
	for (s = 0; w > 1 && s + w <= n; s++) {
		memcpy(best_at, at, o->n * sizeof(int));
		permute(o, at, s, 0, w, &best, best_at);
		memcpy(at, best_at, o->n * sizeof(int));
		for (i = 0; i < o->n; i++)
			o->pos[at[i]] = (int)i;
	}
	free(best_at);
}

long ldr_order_tracks(size_t n, const struct ldr_link *links, size_t nlinks, int *pos)
{
	struct orderer o;
	int *at = ldr_malloc((n + 1) * sizeof(int)), *usual = ldr_malloc((n + 1) * sizeof(int));
	size_t i;
	long c;

	memcpy(usual, pos, n * sizeof(int));
	o.n = n;
	o.npairs = nlinks;
	o.pairs = links;
	o.pos = pos;
	o.usual = usual;
	index_links(&o);
	for (i = 0; i < n; i++)
		at[pos[i]] = (int)i;
	if (nlinks) {
		barycentre(&o, at);
		hill_climb(&o, at);
		windows(&o, at);
		hill_climb(&o, at);
	}
	c = order_cost(&o) / 1000;
	free(at);
	free(usual);
	free(o.first);
	free(o.inc);
	return c;
}

/* ---- the sides of labels ------------------------------------------------- */

#define LOOKBACK 6

static double worth(double enough, double w)
{
	return w < enough ? w : enough;
}

/* Width of label a when the next label on its side is b (or none). */
static double width_to(const struct ldr_label *c, double gap, size_t a, size_t b, int side, int has_b)
{
	double w = c[a].room[side];
	if (has_b && c[b].x - gap - c[a].x < w)
		w = c[b].x - gap - c[a].x;
	return w < 0 ? 0 : w;
}

/* state: the side of label i, and how many labels back the last one on
 * the other side is (LOOKBACK: none near enough to matter). */
#define NSTATE (2 * (LOOKBACK + 1))

static void choose(struct ldr_label *c, size_t n, double enough, double gap)
{
	double *score = ldr_malloc((n + 1) * NSTATE * sizeof(double));
	signed char *from = ldr_malloc((n + 1) * NSTATE);
	size_t i;
	int st, side, k;

	for (i = 0; i < n * NSTATE; i++)
		score[i] = -1e18;
	for (side = 0; side < 2; side++)
		if (c[0].forced < 0 || c[0].forced == side)
			score[side * (LOOKBACK + 1) + LOOKBACK] = 0;
	for (i = 0; i + 1 < n; i++) {
		for (st = 0; st < NSTATE; st++) {
			double base = score[i * NSTATE + st];
			side = st / (LOOKBACK + 1);
			k = st % (LOOKBACK + 1);
			if (base <= -1e17)
				continue;
			for (int nside = 0; nside < 2; nside++) {
				int nk, ns;
				double v = base;
				if (c[i + 1].forced >= 0 && c[i + 1].forced != nside)
					continue;
				if (nside == side) { /* label i ends at i + 1 */
					v += worth(enough, width_to(c, gap, i, i + 1, side, 1));
					/* The last on the other side leaves the window: nothing
					 * near enough follows it there. */
					if (k + 1 == LOOKBACK)
						v += worth(enough, width_to(c, gap, i + 1 - LOOKBACK, 0, !side, 0));
					nk = k + 1 > LOOKBACK ? LOOKBACK : k + 1;
				} else {             /* the last on that side ends here */
					if (k < LOOKBACK)
						v += worth(enough, width_to(c, gap, i - (size_t)k, i + 1, nside, 1));
					/* label i stays open: settled later */
					nk = 1;
				}
				/* A slight preference for taking turns keeps ties tidy. */
				v += nside != side ? 0.01 : 0;
				ns = nside * (LOOKBACK + 1) + nk;
				if (v > score[(i + 1) * NSTATE + ns]) {
					score[(i + 1) * NSTATE + ns] = v;
					from[(i + 1) * NSTATE + ns] = (signed char)st;
				}
			}
		}
	}
	/* Close the labels still open at the end, and pick the best. */
	{
		double best = -1e18;
		int best_st = 0;
		for (st = 0; st < NSTATE; st++) {
			double v = score[(n - 1) * NSTATE + st];
			side = st / (LOOKBACK + 1);
			k = st % (LOOKBACK + 1);
			if (v <= -1e17)
				continue;
			v += worth(enough, width_to(c, gap, n - 1, 0, side, 0));
			if (k < LOOKBACK)
				v += worth(enough, width_to(c, gap, n - 1 - (size_t)k, 0, !side, 0));
			if (v > best) {
				best = v;
				best_st = st;
			}
		}
		for (i = n; i-- > 0;) {
			c[i].side = best_st / (LOOKBACK + 1);
			if (i)
				best_st = from[i * NSTATE + best_st];
		}
	}
	free(score);
	free(from);
}

void ldr_label_sides(struct ldr_label *v, size_t n, double enough, double gap)
{
	size_t j, k;

	if (!n)
		return;
	choose(v, n, enough, gap);
	for (j = 0; j < n; j++) {
		for (k = j + 1; k < n && v[k].side != v[j].side; k++)
			;
		v[j].width = width_to(v, gap, j, k, v[j].side, k < n);
	}
}

/* ---- marks moved apart --------------------------------------------------- */

/* A run of marks [first, first + n) side by side: sum is the sum over its
 * marks of where each wants to be less its offset from the first, so that
 * sum / n is where the first goes (least squares); span is the offset of
 * the last. */
struct run {
	size_t first, n;
	double sum, span;
};

static double run_start(const struct run *r, double lo, double hi)
{
	double s = r->sum / (double)r->n;

	if (r->n == 1)
		return s;
	if (r->span > hi - lo)
		return lo + (hi - lo - r->span) / 2;
	if (s < lo)
		return lo;
	return s + r->span > hi ? hi - r->span : s;
}

/* Whether run b, after run a, would cover it; if so, a takes it in. */
static int run_join(const struct ldr_mark *v, struct run *a, const struct run *b, double lo, double hi)
{
	double gap = v[a->first + a->n - 1].half + v[b->first].half;

	if (run_start(a, lo, hi) + a->span + gap <= run_start(b, lo, hi) + 1e-9)
		return 0;
	a->sum += b->sum - (double)b->n * (a->span + gap);
	a->span += gap + b->span;
	a->n += b->n;
	return 1;
}

void ldr_spread_marks(struct ldr_mark *v, size_t n, double lo, double hi)
{
	struct run *runs;
	size_t top = 0, i, j;

	if (!n)
		return;
	runs = ldr_malloc(n * sizeof(*runs));
	for (i = 0; i < n; i++) {
		struct run cur = { i, 1, v[i].want, 0 };
		/* Taking in a run can make it cover the one before: go back. */
		while (top && run_join(v, &runs[top - 1], &cur, lo, hi))
			cur = runs[--top];
		runs[top++] = cur;
	}
	for (i = 0; i < top; i++) {
		const struct run *r = &runs[i];
		double x = run_start(r, lo, hi);
		for (j = r->first; j < r->first + r->n; j++) {
			if (j > r->first)
				x += v[j - 1].half + v[j].half;
			v[j].x = r->n == 1 ? v[j].want : x;
		}
	}
	free(runs);
}
