#include "index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "national.h"
#include "../base/util.h"

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
	ix->rm = rm;
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
	free(ix->referrers);
	free(ix->first);
	memset(ix, 0, sizeof(*ix));
}

/* ---- referrers -------------------------------------------------------------- */

/* Two passes over the references: count each record's referrers, then
 * place them, so that they come out in file order in one array. */
struct referring {
	struct ldr_index *ix;
	size_t *count; /* first pass: referrers of each record; second: placed so far */
	int place;
};

static void referred(struct referring *r, const struct ldr_kind *k, void *rec,
		     const struct ldr_field *f, const char *id)
{
	const struct ldr_ref *to = ldr_index_find(r->ix, id);
	size_t i;
	struct ldr_referrer *e;

	if (!to)
		return;
	i = (size_t)(to - r->ix->refs);
	if (!r->place) {
		r->count[i]++;
		return;
	}
	e = &r->ix->referrers[r->ix->first[i] + r->count[i]++];
	e->kind = k;
	e->rec = rec;
	e->field = f;
}

static int each_reference(const struct ldr_kind *k, void *rec, const struct ldr_kind *pk, void *parent,
			  void *payload)
{
	struct referring *r = payload;
	size_t i, j;

	(void)pk;
	(void)parent;
	for (i = 0; i < k->nfields; i++) {
		const struct ldr_field *f = &k->fields[i];
		if (f->type == LDR_F_REF) {
			const char *id = *(char *const *)LDR_CFIELD(rec, f);
			if (id)
				referred(r, k, rec, f, id);
		} else if (f->type == LDR_F_REFS) {
			const struct ldr_strv *v = LDR_CFIELD(rec, f);
			for (j = 0; j < v->n; j++)
				referred(r, k, rec, f, v->v[j]);
		}
	}
	return 0;
}

void ldr_index_add_referrers(struct ldr_index *ix)
{
	struct referring r;
	size_t i, total = 0;

	if (ix->first)
		return;
	memset(&r, 0, sizeof(r));
	r.ix = ix;
	r.count = ldr_calloc(ix->n + 1, sizeof(*r.count));
	ldr_walk(&ldr_kind_roadmap, ix->rm, each_reference, &r);
	ix->first = ldr_calloc(ix->n + 1, sizeof(*ix->first));
	for (i = 0; i < ix->n; i++) {
		ix->first[i] = total;
		total += r.count[i];
		r.count[i] = 0;
	}
	ix->first[ix->n] = total;
	ix->referrers = ldr_calloc(total + 1, sizeof(*ix->referrers));
	r.place = 1;
	ldr_walk(&ldr_kind_roadmap, ix->rm, each_reference, &r);
	free(r.count);
}

const struct ldr_referrer *ldr_index_referrers(const struct ldr_index *ix, const char *id, size_t *n)
{
	const struct ldr_ref *r = ldr_index_find(ix, id);
	size_t i;

	*n = 0;
	if (!r || !ix->first)
		return NULL;
	i = (size_t)(r - ix->refs);
	*n = ix->first[i + 1] - ix->first[i];
	return *n ? &ix->referrers[ix->first[i]] : NULL;
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

const char *ldr_ref_name(const struct ldr_ref *r, char *buf, size_t len)
{
	char t[LDR_TIME_STR_MAX];
	const char *m;

	if (r->kind != &ldr_kind_checkpoint)
		return ldr_rec_id(r->kind, r->rec);
	m = ldr_rec_id(r->parent_kind, r->parent);
	snprintf(buf, len, "%s[%s]", m ? m : "",
		 ldr_time_format(&((const struct ldr_checkpoint *)r->rec)->when, t));
	return buf;
}

int ldr_index_resolve(const struct ldr_index *ix, const char *name, struct ldr_ref *out)
{
	const char *open = name ? strchr(name, '[') : NULL;
	const struct ldr_ref *r;
	struct ldr_milestone *m;
	char mid[72], buf[LDR_REF_NAME_MAX];
	size_t i, n = open ? (size_t)(open - name) : 0;

	if (!open || n >= sizeof(mid)) {
		r = ldr_index_find(ix, name);
		if (r)
			*out = *r;
		return r != NULL;
	}
	memcpy(mid, name, n);
	mid[n] = '\0';
	r = ldr_index_find(ix, mid);
	if (!r || r->kind != &ldr_kind_milestone)
		return 0;
	m = r->rec;
	for (i = 0; i < m->checkpoints.len; i++) {
		out->kind = &ldr_kind_checkpoint;
		out->rec = LDR_ITEM(m->checkpoints, struct ldr_checkpoint, i);
		out->parent_kind = r->kind;
		out->parent = r->rec;
		if (strcmp(ldr_ref_name(out, buf, sizeof(buf)), name) == 0)
			return 1;
	}
	return 0;
}

/* ---- whether an index still holds ----------------------------------------- */

struct signing {
	struct ldr_buf *ids, *refs;
};

static int sign(const struct ldr_kind *k, void *rec, const struct ldr_kind *pk, void *parent,
		void *payload)
{
	struct signing *g = payload;
	const char *id = ldr_rec_id(k, rec);
	size_t i, j;

	(void)pk;
	(void)parent;
	/* Every record, with an id or without: one added moves the others. */
	ldr_buf_add(g->ids, id ? id : "", id ? strlen(id) + 1 : 1);
	for (i = 0; i < k->nfields; i++) {
		const struct ldr_field *f = &k->fields[i];
		if (f->type == LDR_F_REF && *(char *const *)LDR_CFIELD(rec, f)) {
			const char *to = *(char *const *)LDR_CFIELD(rec, f);
			ldr_buf_add(g->refs, to, strlen(to) + 1);
		} else if (f->type == LDR_F_REFS) {
			const struct ldr_strv *v = LDR_CFIELD(rec, f);
			for (j = 0; j < v->n; j++)
				ldr_buf_add(g->refs, v->v[j], strlen(v->v[j]) + 1);
		}
		if (f->type == LDR_F_REF || f->type == LDR_F_REFS)
			ldr_buf_addch(g->refs, '\n'); /* a reference moved to another field */
	}
	return 0;
}

void ldr_rec_signature(const struct ldr_kind *k, const void *rec, struct ldr_buf *ids,
		       struct ldr_buf *refs)
{
	struct signing g = { ids, refs };
	ldr_walk(k, (void *)rec, sign, &g);
}

int ldr_index_holds(const struct ldr_kind *k, const void *before, const void *after)
{
	struct ldr_buf ids[2] = { LDR_BUF_INIT, LDR_BUF_INIT }, refs[2] = { LDR_BUF_INIT, LDR_BUF_INIT };
	int same;

	if (!before || !after)
		return 0;
	ldr_rec_signature(k, before, &ids[0], &refs[0]);
	ldr_rec_signature(k, after, &ids[1], &refs[1]);
	same = ldr_buf_same(&ids[0], &ids[1]) && ldr_buf_same(&refs[0], &refs[1]);
	ldr_buf_release(&ids[0]);
	ldr_buf_release(&ids[1]);
	ldr_buf_release(&refs[0]);
	ldr_buf_release(&refs[1]);
	return same;
}

int ldr_index_equal(const struct ldr_index *a, const struct ldr_index *b)
{
	size_t i;

	if (a->n != b->n || !a->first != !b->first)
		return 0;
	for (i = 0; i < a->n; i++)
		if (a->refs[i].kind != b->refs[i].kind || a->refs[i].rec != b->refs[i].rec ||
		    a->refs[i].parent_kind != b->refs[i].parent_kind || a->refs[i].parent != b->refs[i].parent ||
		    ldr_index_find(a, ldr_rec_id(a->refs[i].kind, a->refs[i].rec)) - a->refs !=
			    ldr_index_find(b, ldr_rec_id(b->refs[i].kind, b->refs[i].rec)) - b->refs)
			return 0;
	if (!a->first)
		return 1;
	for (i = 0; i <= a->n; i++)
		if (a->first[i] != b->first[i])
			return 0;
	for (i = 0; i < a->first[a->n]; i++)
		if (a->referrers[i].kind != b->referrers[i].kind || a->referrers[i].rec != b->referrers[i].rec ||
		    a->referrers[i].field != b->referrers[i].field)
			return 0;
	return 1;
}
