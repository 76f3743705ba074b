#include "index.h"

#include <stdlib.h>
#include <string.h>

#include "national.h"
#include "util.h"

struct builder {
	struct ldr_index *ix;
	size_t cap;
};

static int add(const struct ldr_kind *k, void *rec, const struct ldr_kind *pk, void *parent,
	       void *payload)
{
	struct builder *b = payload;
	struct ldr_ref *r;

	if (!ldr_rec_id(k, rec))
		return 0;
	ldr_grow((void **)&b->ix->refs, &b->cap, b->ix->n + 1, sizeof(*b->ix->refs));
	r = &b->ix->refs[b->ix->n++];
	r->kind = k;
	r->rec = rec;
	r->parent_kind = pk;
	r->parent = parent;
	return 0;
}

void ldr_index_build(struct ldr_index *ix, struct ldr_roadmap *rm)
{
	struct builder b;
	size_t i;

	memset(ix, 0, sizeof(*ix));
	memset(&b, 0, sizeof(b));
	b.ix = ix;
	ldr_walk(&ldr_kind_roadmap, rm, add, &b);
	/* Insert once the array is final: the table points into it. */
	for (i = 0; i < ix->n; i++)
		ldr_hash_put(&ix->ids, ldr_rec_id(ix->refs[i].kind, ix->refs[i].rec), &ix->refs[i]);
}

void ldr_index_release(struct ldr_index *ix)
{
	ldr_hash_clear(&ix->ids);
	free(ix->refs);
	memset(ix, 0, sizeof(*ix));
}

const struct ldr_ref *ldr_index_find(const struct ldr_index *ix, const char *id)
{
	return id ? ldr_hash_get(&ix->ids, id) : NULL;
}

void *ldr_index_get(const struct ldr_index *ix, const struct ldr_kind *kind, const char *id)
{
	const struct ldr_ref *r = ldr_index_find(ix, id);
	return r && r->kind == kind ? r->rec : NULL;
}

const char *ldr_group_name(const struct ldr_index *ix, const char *id)
{
	const struct ldr_national_group *n;
	const struct ldr_group *g;

	if (!id)
		return NULL;
	n = ldr_national_group(id);
	if (n)
		return n->name;
	g = ldr_index_get(ix, &ldr_kind_group, id);
	return g ? g->name : NULL;
}
