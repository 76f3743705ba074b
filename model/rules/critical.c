/* Critical path and slack (critical.h): the projects in dependency order,
 * a forward pass for the earliest ends, a backward pass for the latest. */
#include "critical.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../base/hash.h"
#include "../roadmap/schedule.h"

struct graph {
	struct ldr_critical *cr;
	size_t **pred, *npred;    /* predecessors of each, by index */
	size_t **succ, *nsucc;
	size_t *order, norder;    /* dependency order */
	unsigned char *state;
	struct ldr_buf *err;
};

static size_t index_of(const struct graph *g, const char *id)
{
	return (size_t)(uintptr_t)ldr_hash_get(&g->cr->ids, id);
}

static void add(size_t **v, size_t *n, size_t x)
{
	*v = ldr_realloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = x;
}

static void build(struct graph *g, const struct ldr_roadmap *rm)
{
	struct ldr_critical *cr = g->cr;
	size_t i, j;

	cr->v = ldr_calloc(rm->projects.len + 1, sizeof(*cr->v));
	for (i = 0; i < rm->projects.len; i++) {
		const struct ldr_project *p = LDR_ITEM(rm->projects, struct ldr_project, i);
		struct ldr_slack *s = &cr->v[cr->n];
		if (!p->id || !ldr_project_span(p, &s->start, &s->end))
			continue;
		s->p = p;
		ldr_hash_put(&cr->ids, p->id, (void *)(uintptr_t)++cr->n);
	}
	g->pred = ldr_calloc(cr->n + 1, sizeof(*g->pred));
	g->succ = ldr_calloc(cr->n + 1, sizeof(*g->succ));
	g->npred = ldr_calloc(cr->n + 1, sizeof(*g->npred));
	g->nsucc = ldr_calloc(cr->n + 1, sizeof(*g->nsucc));
	for (i = 0; i < cr->n; i++)
		for (j = 0; j < cr->v[i].p->depends_on.n; j++) {
			size_t d = index_of(g, cr->v[i].p->depends_on.v[j]);
			if (d && d - 1 != i) {
				add(&g->pred[i], &g->npred[i], d - 1);
				add(&g->succ[d - 1], &g->nsucc[d - 1], i);
			}
		}
}

/* Depth first over the predecessors: the dependency order, or a cycle. */
static int visit(struct graph *g, size_t i)
{
	size_t k;

	if (g->state[i] == 2)
		return 0;
	if (g->state[i] == 1) {
		ldr_buf_addf(g->err, "the projects depend on each other in a cycle through %s ('ldr check' shows it)",
			     g->cr->v[i].p->id);
		return -1;
	}
	g->state[i] = 1;
	for (k = 0; k < g->npred[i]; k++)
		if (visit(g, g->pred[i][k]) < 0)
			return -1;
	g->state[i] = 2;
	g->order[g->norder++] = i;
	return 0;
}

static void forward(struct graph *g)
{
	struct ldr_critical *cr = g->cr;
	size_t i, k;

	for (i = 0; i < g->norder; i++) {
		struct ldr_slack *s = &cr->v[g->order[i]];
		int start = s->start;
		for (k = 0; k < g->npred[g->order[i]]; k++) {
			const struct ldr_slack *p = &cr->v[g->pred[g->order[i]][k]];
			if (p->earliest_end + 1 > start)
				start = p->earliest_end + 1;
		}
		s->earliest_end = start + (s->end - s->start);
	}
}

/* The projects that lead to i (i with them), marked counted. */
static void mark(struct graph *g, size_t i)
{
	size_t k;

	if (g->cr->v[i].counted)
		return;
	g->cr->v[i].counted = 1;
	for (k = 0; k < g->npred[i]; k++)
		mark(g, g->pred[i][k]);
}

static void backward(struct graph *g)
{
	struct ldr_critical *cr = g->cr;
	size_t i, k;

	for (i = g->norder; i-- > 0;) {
		size_t x = g->order[i];
		struct ldr_slack *s = &cr->v[x];
		int late = cr->end, first = cr->end + 1;
		if (!s->counted)
			continue;
		for (k = 0; k < g->nsucc[x]; k++) {
			const struct ldr_slack *n = &cr->v[g->succ[x][k]];
			if (!n->counted)
				continue;
			if (n->late_end - (n->end - n->start) - 1 < late)
				late = n->late_end - (n->end - n->start) - 1;
			if (n->start < first)
				first = n->start;
		}
		s->late_end = late;
		s->total = late - s->end;
		s->free = first - 1 - s->end;
	}
}

/* The chain back from i: each time the predecessor that ends latest. */
static void chain(struct graph *g, size_t i)
{
	struct ldr_critical *cr = g->cr;
	size_t k, n = 0, *rev = ldr_calloc(cr->n + 1, sizeof(*rev));

	for (;;) {
		size_t best = (size_t)-1;
		rev[n++] = i;
		for (k = 0; k < g->npred[i]; k++)
			if (best == (size_t)-1 || cr->v[g->pred[i][k]].end > cr->v[best].end)
				best = g->pred[i][k];
		if (best == (size_t)-1 || n > cr->n)
			break;
		i = best;
	}
	cr->path = ldr_calloc(n + 1, sizeof(*cr->path));
	for (k = 0; k < n; k++)
		cr->path[k] = rev[n - 1 - k];
	cr->npath = n;
	free(rev);
}

/* The end asked about: the latest of all, a project's, or a capability's
 * due (its delivering projects lead to it). Returns the project the chain
 * ends at, (size_t)-1 when none, or -2 (err) for an unknown id. */
static size_t target(struct graph *g, const struct ldr_roadmap *rm, const char *to)
{
	struct ldr_critical *cr = g->cr;
	size_t i, last = (size_t)-1, k;

	if (!to) {
		for (i = 0; i < cr->n; i++) {
			mark(g, i);
			if (last == (size_t)-1 || cr->v[i].end > cr->v[last].end)
				last = i;
		}
		cr->end = last != (size_t)-1 ? cr->v[last].end : 0;
		return last;
	}
	if ((k = index_of(g, to)) != 0) {
		mark(g, k - 1);
		cr->end = cr->v[k - 1].end;
		return k - 1;
	}
	for (i = 0; i < rm->capabilities.len; i++) {
		const struct ldr_capability *c = LDR_ITEM(rm->capabilities, struct ldr_capability, i);
		if (!c->id || strcmp(c->id, to) != 0)
			continue;
		for (k = 0; k < c->projects.n; k++) {
			size_t p = index_of(g, c->projects.v[k]);
			if (p && (last == (size_t)-1 || cr->v[p - 1].end > cr->v[last].end))
				last = p - 1;
			if (p)
				mark(g, p - 1);
		}
		if (!ldr_capability_due(c, &cr->end) && last != (size_t)-1)
			cr->end = cr->v[last].end;
		return last;
	}
	ldr_buf_addf(g->err, "no project or capability '%s' (with a start or a year)", to);
	return (size_t)-2;
}

int ldr_critical_run(struct ldr_critical *cr, const struct ldr_roadmap *rm, const char *to, struct ldr_buf *err)
{
	struct graph g;
	size_t i, t;
	int rc = -1;

	memset(cr, 0, sizeof(*cr));
	memset(&g, 0, sizeof(g));
	g.cr = cr;
	g.err = err;
	cr->to = to;
	build(&g, rm);
	g.order = ldr_calloc(cr->n + 1, sizeof(*g.order));
	g.state = ldr_calloc(cr->n + 1, 1);
	for (i = 0; i < cr->n; i++)
		if (visit(&g, i) < 0)
			goto out;
	forward(&g);
	t = target(&g, rm, to);
	if (t == (size_t)-2)
		goto out;
	backward(&g);
	if (t != (size_t)-1)
		chain(&g, t);
	rc = 0;
out:
	for (i = 0; i < cr->n; i++) {
		free(g.pred[i]);
		free(g.succ[i]);
	}
	free(g.pred);
	free(g.succ);
	free(g.npred);
	free(g.nsucc);
	free(g.order);
	free(g.state);
	return rc;
}

void ldr_critical_release(struct ldr_critical *cr)
{
	ldr_hash_clear(&cr->ids);
	free(cr->v);
	free(cr->path);
	memset(cr, 0, sizeof(*cr));
}

const struct ldr_slack *ldr_critical_find(const struct ldr_critical *cr, const char *id)
{
	size_t i = (size_t)(uintptr_t)ldr_hash_get(&cr->ids, id);
	return i ? &cr->v[i - 1] : NULL;
}
