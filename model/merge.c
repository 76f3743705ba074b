#include "merge.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "util.h"

static void conflict(struct ldr_merge *m, const struct ldr_kind *k, const char *id, const char *what)
{
	ldr_grow((void **)&m->v, &m->cap, m->n + 1, sizeof(*m->v));
	m->v[m->n].kind = k;
	m->v[m->n].id = ldr_strdup(id);
	m->v[m->n++].what = what;
}

static void index_list(struct ldr_hash *h, const struct ldr_list *l, const struct ldr_kind *k)
{
	size_t i;
	for (i = 0; i < l->len; i++) {
		void *rec = ldr_list_at(l, k, i);
		const char *id = ldr_rec_id(k, rec);
		if (id)
			ldr_hash_put(h, id, rec);
	}
}

/* The index of the record with this id in a list, or -1. */
static long find(const struct ldr_list *l, const struct ldr_kind *k, const char *id)
{
	size_t i;
	for (i = 0; i < l->len; i++) {
		const char *rid = ldr_rec_id(k, ldr_list_at(l, k, i));
		if (rid && !strcmp(rid, id))
			return (long)i;
	}
	return -1;
}

static void merge_list(const struct ldr_field *f, struct ldr_list *result, const struct ldr_list *base,
		       const struct ldr_list *ours, const struct ldr_list *theirs, struct ldr_merge *m)
{
	const struct ldr_kind *k = f->kind;
	struct ldr_hash hb = LDR_HASH_INIT, ho = LDR_HASH_INIT, ht = LDR_HASH_INIT;
	size_t i;

	index_list(&hb, base, k);
	index_list(&ho, ours, k);
	index_list(&ht, theirs, k);
	for (i = 0; i < ours->len; i++) {
		const void *o = ldr_list_at(ours, k, i);
		const char *id = ldr_rec_id(k, o);
		const void *b = id ? ldr_hash_get(&hb, id) : NULL;
		const void *t = id ? ldr_hash_get(&ht, id) : NULL;
		long at;

		if (!id || (b && ldr_rec_equal(k, b, o)))
			continue; /* ours did not change it */
		if (t && ldr_rec_equal(k, t, o))
			continue; /* both made the same change */
		if (!b && !t) {
			ldr_rec_copy(k, ldr_list_push(result, k), o);
			m->taken++;
		} else if (!b) {
			conflict(m, k, id, "added on both sides, differently");
		} else if (!t) {
			conflict(m, k, id, "changed here, removed there");
		} else if (ldr_rec_equal(k, t, b)) {
			at = find(result, k, id);
			ldr_rec_release(k, ldr_list_at(result, k, (size_t)at));
			ldr_rec_copy(k, ldr_list_at(result, k, (size_t)at), o);
			m->taken++;
		} else {
			conflict(m, k, id, "changed on both sides");
		}
	}
	for (i = 0; i < base->len; i++) {
		const void *b = ldr_list_at(base, k, i);
		const char *id = ldr_rec_id(k, b);
		const void *t = id ? ldr_hash_get(&ht, id) : NULL;
		if (!id || ldr_hash_get(&ho, id) || !t)
			continue; /* still ours, or gone from theirs too */
		if (ldr_rec_equal(k, t, b)) {
			ldr_list_remove(result, k, (size_t)find(result, k, id));
			m->taken++;
		} else {
			conflict(m, k, id, "removed here, changed there");
		}
	}
	ldr_hash_clear(&hb);
	ldr_hash_clear(&ho);
	ldr_hash_clear(&ht);
}

void ldr_merge_roadmaps(struct ldr_roadmap *result, const struct ldr_roadmap *base,
			const struct ldr_roadmap *ours, const struct ldr_roadmap *theirs,
			struct ldr_merge *m)
{
	const struct ldr_kind *rk = &ldr_kind_roadmap;
	size_t i;

	memset(m, 0, sizeof(*m));
	ldr_rec_copy(rk, result, theirs);
	if (!ldr_rec_equal(&ldr_kind_footprint, &base->footprint, &ours->footprint) &&
	    !ldr_rec_equal(&ldr_kind_footprint, &theirs->footprint, &ours->footprint)) {
		if (ldr_rec_equal(&ldr_kind_footprint, &base->footprint, &theirs->footprint)) {
			ldr_rec_release(&ldr_kind_footprint, &result->footprint);
			ldr_rec_copy(&ldr_kind_footprint, &result->footprint, &ours->footprint);
			m->taken++;
		} else {
			conflict(m, &ldr_kind_footprint, "footprint", "changed on both sides");
		}
	}
	for (i = 0; i < rk->nfields; i++) {
		const struct ldr_field *f = &rk->fields[i];
		if (f->type == LDR_F_LIST)
			merge_list(f, LDR_FIELD(result, f), LDR_CFIELD(base, f), LDR_CFIELD(ours, f),
				   LDR_CFIELD(theirs, f), m);
	}
}

void ldr_merge_release(struct ldr_merge *m)
{
	size_t i;
	for (i = 0; i < m->n; i++)
		free(m->v[i].id);
	free(m->v);
	memset(m, 0, sizeof(*m));
}
