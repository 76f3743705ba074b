/* A scripted series of edits, each checked again incrementally and
 * compared with a full check: see edits.h. */
#include "edits.h"

#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/schema.h"
#include "../../model/base/util.h"

struct run {
	struct ldr_roadmap *rm;
	const struct ldr_check_opts *o;
	struct ldr_findings f; /* kept up to date incrementally */
	FILE *err;
	long edits;
	int failed;
};

/* The findings brought up to date after a change, then compared with a
 * full check. */
static void step(struct run *r, const struct ldr_kind *k, const void *before, const void *after,
		 const char *what, const char *id, const char *field)
{
	struct ldr_check_change ch = { k, before, after };
	struct ldr_findings full;

	if (r->failed)
		return;
	r->edits++;
	ldr_check_update(r->rm, r->o, &ch, 1, NULL, &r->f);
	ldr_check(r->rm, r->o, &full);
	if (!ldr_findings_equal(&r->f, &full, r->err)) {
		fprintf(r->err, "recheck: after %s of %s %s, field %s: the findings (first) differ from a "
			"full check (second)\n", what, k->name, id ? id : "(no id)", field ? field : "-");
		r->failed = 1;
	}
	ldr_findings_release(&full);
}

static void *copy(const struct ldr_kind *k, const void *rec)
{
	void *c = ldr_calloc(1, k->size);
	ldr_rec_copy(k, c, rec);
	return c;
}

static void drop(const struct ldr_kind *k, void *rec)
{
	if (rec)
		ldr_rec_release(k, rec);
	free(rec);
}

/* One change made by fn to the top-level record top (of kind tk), checked
 * again, then undone and checked again. */
typedef void (*change_fn)(const struct ldr_field *f, void *rec, const void *other);

static void edit(struct run *r, const struct ldr_kind *tk, void *top, const struct ldr_kind *k,
		 const struct ldr_field *f, void *rec, const void *other, change_fn fn, const char *what)
{
	void *before = copy(tk, top), *after, *was = ldr_calloc(1, k->size);
	char *id = ldr_rec_id(tk, before) ? ldr_strdup(ldr_rec_id(tk, before)) : NULL;

	/* The field put back as it was, in place: rec may be nested in top. */
	ldr_field_copy(f, LDR_FIELD(was, f), LDR_CFIELD(rec, f));
	fn(f, rec, other);
	after = copy(tk, top);
	step(r, tk, before, after, what, id, f->name);
	ldr_field_release(f, rec);
	ldr_field_copy(f, LDR_FIELD(rec, f), LDR_CFIELD(was, f));
	ldr_field_release(f, was);
	step(r, tk, after, before, "undoing", id, f->name);
	drop(tk, before);
	drop(tk, after);
	free(was);
	free(id);
}

static void take_other(const struct ldr_field *f, void *rec, const void *other)
{
	ldr_field_release(f, rec);
	if (other)
		ldr_field_copy(f, LDR_FIELD(rec, f), LDR_CFIELD(other, f));
}

static void clear(const struct ldr_field *f, void *rec, const void *other)
{
	(void)other;
	ldr_field_release(f, rec);
}

/* By type: the next value of an enum, a flag turned, a reference to no
 * record, a new id. */
static void next_value(const struct ldr_field *f, void *rec, const void *other)
{
	void *v = LDR_FIELD(rec, f);
	size_t n = 0;

	(void)other;
	switch (f->type) {
	case LDR_F_ENUM:
		while (f->values[n])
			n++;
		*(int *)v = *(int *)v % (int)n + 1;
		break;
	case LDR_F_BOOL:
		*(int *)v = !*(int *)v;
		break;
	case LDR_F_ID:
	case LDR_F_REF: {
		struct ldr_buf b = LDR_BUF_INIT;
		ldr_buf_addf(&b, "%s-new", *(char **)v ? *(char **)v : "none");
		free(*(char **)v);
		*(char **)v = ldr_buf_detach(&b);
		break;
	}
	case LDR_F_REFS: {
		struct ldr_strv *s = v;
		s->v = ldr_realloc(s->v, (s->n + 1) * sizeof(*s->v));
		s->pos = ldr_realloc(s->pos, (s->n + 1) * sizeof(*s->pos));
		s->v[s->n] = ldr_strdup(s->n ? s->v[0] : "NO-SUCH-ID");
		memset(&s->pos[s->n], 0, sizeof(s->pos[0]));
		s->n++;
		break;
	}
	default:
		break;
	}
}

static int has_next_value(const struct ldr_field *f)
{
	return f->type == LDR_F_ENUM || f->type == LDR_F_BOOL || f->type == LDR_F_ID ||
	       f->type == LDR_F_REF || f->type == LDR_F_REFS;
}

static void fields(struct run *r, const struct ldr_kind *tk, void *top, const struct ldr_kind *k,
		   void *rec, const void *other, int depth);

/* A nested list: its first record's fields, then the first removed, then
 * the first added again at the end (the same id twice, if it has one). */
static void nested(struct run *r, const struct ldr_kind *tk, void *top, const struct ldr_field *f,
		   void *rec, int depth)
{
	struct ldr_list *l = LDR_FIELD(rec, f);
	void *before, *after;

	if (!l->len || depth > 0)
		return;
	fields(r, tk, top, f->kind, ldr_list_at(l, f->kind, 0),
	       l->len > 1 ? ldr_list_at(l, f->kind, 1) : NULL, depth + 1);
	before = copy(tk, top);
	ldr_list_remove(l, f->kind, 0);
	after = copy(tk, top);
	step(r, tk, before, after, "removing the first of its list", ldr_rec_id(tk, top), f->name);
	ldr_rec_release(tk, top);
	ldr_rec_copy(tk, top, before);
	step(r, tk, after, before, "undoing", ldr_rec_id(tk, top), f->name);
	drop(tk, after);
	drop(tk, before);
}

static void fields(struct run *r, const struct ldr_kind *tk, void *top, const struct ldr_kind *k,
		   void *rec, const void *other, int depth)
{
	size_t i;

	for (i = 0; i < k->nfields && !r->failed; i++) {
		const struct ldr_field *f = &k->fields[i];
		if (f->type == LDR_F_LIST) {
			nested(r, tk, top, f, rec, depth);
			continue;
		}
		if (f->type == LDR_F_RECORD || f->type == LDR_F_ATTRS || f->type == LDR_F_DERIVED)
			continue;
		if (other)
			edit(r, tk, top, k, f, rec, other, take_other, "taking the next record's value");
		/* The loader, and the forms, want these. */
		if (f->type != LDR_F_ID && !(f->flags & (LDR_FL_REQUIRED | LDR_FL_KEY)))
			edit(r, tk, top, k, f, rec, NULL, clear, "clearing");
		if (has_next_value(f))
			edit(r, tk, top, k, f, rec, NULL, next_value, "a next value");
	}
}

/* The record at i deleted, then put back. */
static void delete_and_back(struct run *r, struct ldr_list *l, const struct ldr_kind *k, size_t i)
{
	void *before = copy(k, ldr_list_at(l, k, i));
	char *id = ldr_rec_id(k, before) ? ldr_strdup(ldr_rec_id(k, before)) : NULL;

	ldr_list_remove(l, k, i);
	step(r, k, before, NULL, "deleting", id, NULL);
	ldr_rec_copy(k, ldr_list_insert(l, k, i), before);
	step(r, k, NULL, before, "putting back", id, NULL);
	drop(k, before);
	free(id);
}

long recheck_edits(struct ldr_roadmap *rm, const struct ldr_check_opts *o, size_t stride, FILE *err)
{
	struct run r;
	size_t i, j;

	memset(&r, 0, sizeof(r));
	r.rm = rm;
	r.o = o;
	r.err = err;
	ldr_check(rm, o, &r.f);
	for (i = 0; i < ldr_kind_roadmap.nfields && !r.failed; i++) {
		const struct ldr_field *f = &ldr_kind_roadmap.fields[i];
		struct ldr_list *l = LDR_FIELD(rm, f);
		if (f->type != LDR_F_LIST)
			continue;
		for (j = 0; j < l->len && !r.failed; j += stride ? stride : 1) {
			void *rec = ldr_list_at(l, f->kind, j);
			fields(&r, f->kind, rec, f->kind, rec,
			       j + 1 < l->len ? ldr_list_at(l, f->kind, j + 1) : NULL, 0);
			if (!r.failed)
				delete_and_back(&r, l, f->kind, j);
		}
	}
	ldr_findings_release(&r.f);
	return r.failed ? -1 : r.edits;
}
