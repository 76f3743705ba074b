/* The order of the local groups an import makes. Reports list capabilities
 * by year, then group, in the order of the roadmap's groups; a sheet written
 * so shows, within each year, its groups in that order. The groups met are
 * put in an order that keeps every year's (a topological order of "comes
 * before", ties broken by the order they were met in), so that a roadmap
 * read from an export exports the same rows in the same order. */
#include "imp.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct imp_order {
	size_t first;        /* rm->groups from here were made by this import */
	size_t *from, *to;   /* edges: from comes before to */
	size_t nedges, cap;
	long last;           /* the block's last group, or -1 */
};

static struct imp_order *order(struct imp *im)
{
	if (!im->order) {
		im->order = ldr_calloc(1, sizeof(*im->order));
		im->order->first = im->rm->groups.len;
		im->order->last = -1;
	}
	return im->order;
}

void imp_order_block(struct imp *im)
{
	order(im)->last = -1;
}

void imp_order_group(struct imp *im, const char *id)
{
	struct imp_order *o = order(im);
	long i = id ? imp_index_id(&im->groups, id) : -1;
	long n = i - (long)o->first;

	if (i < 0 || n < 0 || n == o->last)
		return;
	if (o->last >= 0) {
		ldr_grow((void **)&o->from, &o->cap, o->nedges + 1, sizeof(*o->from));
		o->to = ldr_realloc(o->to, o->cap * sizeof(*o->to));
		o->from[o->nedges] = (size_t)o->last;
		o->to[o->nedges++] = (size_t)n;
	}
	o->last = n;
}

/* Kahn's algorithm, the earliest made first among those free to go. */
static void topological(const struct imp_order *o, size_t n, size_t *out)
{
	size_t *indeg = ldr_calloc(n + 1, sizeof(*indeg)), *start = ldr_calloc(n + 2, sizeof(*start));
	size_t *fill = ldr_calloc(n + 1, sizeof(*fill)), *adj = ldr_calloc(o->nedges + 1, sizeof(*adj));
	unsigned char *done = ldr_calloc(n + 1, 1);
	size_t i, k, len = 0;

	for (i = 0; i < o->nedges; i++)
		start[o->from[i] + 1]++;
	for (i = 0; i < n; i++)
		start[i + 1] += start[i];
	for (i = 0; i < o->nedges; i++) {
		adj[start[o->from[i]] + fill[o->from[i]]++] = o->to[i];
		indeg[o->to[i]]++;
	}
	while (len < n) {
		for (i = 0; i < n && (done[i] || indeg[i]); i++)
			;
		if (i == n) /* a cycle: the rest in the order met */
			for (i = 0; i < n && done[i]; i++)
				;
		done[i] = 1;
		out[len++] = i;
		for (k = start[i]; k < start[i + 1]; k++)
			if (indeg[adj[k]])
				indeg[adj[k]]--;
	}
	free(indeg);
	free(start);
	free(fill);
	free(adj);
	free(done);
}

void imp_order_apply(struct imp *im)
{
	struct imp_order *o = im->order;
	struct ldr_list *l = &im->rm->groups;
	size_t n, i, *perm;
	struct ldr_group *copy;

	if (!o || o->first >= l->len || !o->nedges)
		return;
	n = l->len - o->first;
	perm = ldr_calloc(n, sizeof(*perm));
	topological(o, n, perm);
	copy = ldr_calloc(n, sizeof(*copy));
	memcpy(copy, LDR_ITEM(*l, struct ldr_group, o->first), n * sizeof(*copy));
	for (i = 0; i < n; i++)
		*LDR_ITEM(*l, struct ldr_group, o->first + i) = copy[perm[i]];
	imp_index_release(&im->groups);
	for (i = 0; i < l->len; i++) {
		struct ldr_group *g = LDR_ITEM(*l, struct ldr_group, i);
		imp_index_add(im, &im->groups, g->id, g->name, i);
	}
	free(copy);
	free(perm);
}

void imp_order_release(struct imp *im)
{
	if (!im->order)
		return;
	free(im->order->from);
	free(im->order->to);
	free(im->order);
	im->order = NULL;
}
