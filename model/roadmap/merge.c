/* The three-way merge, field by field (see merge.h). The result starts as a
 * copy of ours; each field, list and record is then given what theirs
 * changed from the base, unless ours changed it too. */
#include "merge.h"

#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "../base/hash.h"
#include "../base/util.h"

/* What a conflict found here is about: the record (kind and id) and the
 * path inside it of the nested keyed record being merged ("ambition[17/18].").
 * added: the record is new on both sides (no base). */
struct where {
	struct ldr_merge *m;
	const struct ldr_kind *kind;
	const char *id;
	const char *prefix;
	int added;
};

static char *dup_or_null(const char *s)
{
	return s ? ldr_strdup(s) : NULL;
}

/* Record a conflict; base, ours and theirs are taken (owned). */
static void conflict(const struct where *w, const char *path, const char *what, int removed,
		     char *base, char *ours, char *theirs)
{
	struct ldr_merge *m = w->m;
	struct ldr_merge_conflict *c;

	ldr_grow((void **)&m->v, &m->cap, m->n + 1, sizeof(*m->v));
	c = &m->v[m->n++];
	memset(c, 0, sizeof(*c));
	c->kind = w->kind;
	c->id = ldr_strdup(w->id);
	c->field = dup_or_null(path);
	c->what = what;
	c->removed = removed;
	c->base = base;
	c->ours = ours;
	c->theirs = theirs;
}

static const char *changed_both(const struct where *w)
{
	return w->added ? "added on both sides, differently" : "changed on both sides";
}

static void merge_fields(const struct where *w, const struct ldr_kind *k, void *r, const void *b,
			 const void *o, const void *t);

/* ---- one value ------------------------------------------------------------------ */

static void merge_scalar(const struct where *w, const struct ldr_field *f, void *r, const void *b,
			 const void *o, const void *t)
{
	const void *pb = LDR_CFIELD(b, f), *po = LDR_CFIELD(o, f), *pt = LDR_CFIELD(t, f);
	struct ldr_buf path = LDR_BUF_INIT;

	if (ldr_field_equal(f, po, pt) || ldr_field_equal(f, pt, pb))
		return; /* the same on both sides, or theirs did not change it */
	if (ldr_field_equal(f, po, pb)) {
		ldr_field_release(f, r);
		ldr_field_copy(f, LDR_FIELD(r, f), pt);
		w->m->fields++;
		return;
	}
	ldr_buf_addf(&path, "%s%s", w->prefix, f->name);
	conflict(w, path.s, changed_both(w), 0, ldr_field_text(f, b), ldr_field_text(f, o),
		 ldr_field_text(f, t));
	ldr_buf_release(&path);
}

static int strv_has(const struct ldr_strv *v, const char *s)
{
	size_t i;
	for (i = 0; i < v->n; i++)
		if (strcmp(v->v[i], s) == 0)
			return 1;
	return 0;
}

static void strv_push(struct ldr_strv *v, const char *s)
{
	v->v = ldr_realloc(v->v, (v->n + 1) * sizeof(*v->v));
	v->pos = ldr_realloc(v->pos, (v->n + 1) * sizeof(*v->pos));
	v->v[v->n] = ldr_strdup(s);
	memset(&v->pos[v->n], 0, sizeof(*v->pos));
	v->n++;
}

/* Ids and names as a set: ours' order, less what theirs removed, then what
 * theirs added. */
static void merge_set(const struct where *w, const struct ldr_field *f, void *r, const void *b,
		      const void *o, const void *t)
{
	const struct ldr_strv *vb = LDR_CFIELD(b, f), *vo = LDR_CFIELD(o, f), *vt = LDR_CFIELD(t, f);
	struct ldr_strv out;
	size_t i;

	if (ldr_field_equal(f, vo, vt) || ldr_field_equal(f, vt, vb))
		return;
	memset(&out, 0, sizeof(out));
	for (i = 0; i < vo->n; i++)
		if (!strv_has(vb, vo->v[i]) || strv_has(vt, vo->v[i]))
			strv_push(&out, vo->v[i]);
	for (i = 0; i < vt->n; i++)
		if (!strv_has(vb, vt->v[i]) && !strv_has(vo, vt->v[i]))
			strv_push(&out, vt->v[i]);
	ldr_field_release(f, r);
	*(struct ldr_strv *)LDR_FIELD(r, f) = out;
	if (!ldr_field_equal(f, &out, vo))
		w->m->fields++;
}

/* A set of values as bits: each bit either side changed is changed. */
static void merge_bits(const struct where *w, const struct ldr_field *f, void *r, const void *b,
		       const void *o, const void *t)
{
	unsigned vb = *(const unsigned *)LDR_CFIELD(b, f), vo = *(const unsigned *)LDR_CFIELD(o, f);
	unsigned vt = *(const unsigned *)LDR_CFIELD(t, f);
	unsigned v = vb ^ ((vo ^ vb) | (vt ^ vb));

	if (v != vo)
		w->m->fields++;
	*(unsigned *)LDR_FIELD(r, f) = v;
}

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Set an entry of a mapping (remove it when value is NULL). */
static void map_put(struct ldr_map *m, const char *key, const char *value)
{
	size_t i;
	for (i = 0; i < m->n && strcmp(m->v[i].key, key) != 0; i++)
		;
	if (i < m->n) {
		free(m->v[i].value);
		if (value) {
			m->v[i].value = ldr_strdup(value);
			return;
		}
		free(m->v[i].key);
		memmove(&m->v[i], &m->v[i + 1], (m->n - i - 1) * sizeof(*m->v));
		m->n--;
		return;
	}
	if (!value)
		return;
	m->v = ldr_realloc(m->v, (m->n + 1) * sizeof(*m->v));
	memset(&m->v[m->n], 0, sizeof(*m->v));
	m->v[m->n].key = ldr_strdup(key);
	m->v[m->n++].value = ldr_strdup(value);
}

static void merge_entry(const struct where *w, const struct ldr_field *f, struct ldr_map *mr,
			const struct ldr_map *mb, const struct ldr_map *mo, const struct ldr_map *mt,
			const char *key, int *changed)
{
	const char *vb = ldr_map_get(mb, key), *vo = ldr_map_get(mo, key), *vt = ldr_map_get(mt, key);
	struct ldr_buf path = LDR_BUF_INIT;

	if (same(vo, vt) || same(vt, vb))
		return;
	if (same(vo, vb)) {
		map_put(mr, key, vt);
		w->m->fields++;
		*changed = 1;
		return;
	}
	ldr_buf_addf(&path, "%s%s.%s", w->prefix, f->name, key);
	conflict(w, path.s, changed_both(w), 0, dup_or_null(vb), dup_or_null(vo), dup_or_null(vt));
	ldr_buf_release(&path);
}

/* Attributes and derived reasons, entry by entry. */
static void merge_map(const struct where *w, const struct ldr_kind *k, const struct ldr_field *f,
		      void *r, const void *b, const void *o, const void *t)
{
	const struct ldr_map *mb = LDR_CFIELD(b, f), *mo = LDR_CFIELD(o, f), *mt = LDR_CFIELD(t, f);
	struct ldr_map *mr = LDR_FIELD(r, f);
	int changed = 0;
	size_t i;

	if (ldr_field_equal(f, mo, mt) || ldr_field_equal(f, mt, mb))
		return;
	/* What theirs changed is among their entries and the base's. */
	for (i = 0; i < mt->n; i++)
		merge_entry(w, f, mr, mb, mo, mt, mt->v[i].key, &changed);
	for (i = 0; i < mb->n; i++)
		if (!ldr_map_get(mt, mb->v[i].key))
			merge_entry(w, f, mr, mb, mo, mt, mb->v[i].key, &changed);
	if (changed)
		ldr_map_sort(mr, k, f);
}

/* ---- lists of records ------------------------------------------------------------- */

/* Whether records of kind k are matched by an id or a key. */
static int matched(const struct ldr_kind *k)
{
	size_t i;
	for (i = 0; i < k->nfields; i++)
		if (k->fields[i].type == LDR_F_ID || (k->fields[i].flags & LDR_FL_KEY))
			return 1;
	return 0;
}

/* A list's records by their id or key. */
struct keyed {
	char **keys; /* each record's id or key, "" if it has none */
	struct ldr_hash h;
};

static void keyed_init(struct keyed *x, const struct ldr_list *l, const struct ldr_kind *k)
{
	char buf[LDR_TIME_STR_MAX];
	size_t i;

	x->keys = ldr_calloc(l->len + 1, sizeof(*x->keys));
	memset(&x->h, 0, sizeof(x->h));
	for (i = 0; i < l->len; i++) {
		void *rec = ldr_list_at(l, k, i);
		const char *id = ldr_rec_id(k, rec);
		const char *key = id ? id : ldr_rec_key(k, rec, buf, sizeof(buf));
		x->keys[i] = ldr_strdup(key ? key : "");
		if (*x->keys[i])
			ldr_hash_put(&x->h, x->keys[i], rec);
	}
}

static void keyed_release(struct keyed *x, const struct ldr_list *l)
{
	size_t i;
	for (i = 0; i < l->len; i++)
		free(x->keys[i]);
	free(x->keys);
	ldr_hash_clear(&x->h);
}

/* A record of theirs to add, after the result's record at anchor (-1: first). */
struct addition {
	long anchor;
	size_t seq;
	const void *rec;
};

static int by_anchor(const void *a, const void *b)
{
	const struct addition *x = a, *y = b;
	if (x->anchor != y->anchor)
		return x->anchor < y->anchor ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The result list again: without the records dropped, with those added. */
static void rebuild(struct ldr_list *rl, const struct ldr_kind *k, const unsigned char *drop,
		    struct addition *adds, size_t nadds)
{
	struct ldr_list out;
	size_t i, a = 0;

	memset(&out, 0, sizeof(out));
	qsort(adds, nadds, sizeof(*adds), by_anchor);
	while (a < nadds && adds[a].anchor < 0)
		ldr_rec_copy(k, ldr_list_push(&out, k), adds[a++].rec);
	for (i = 0; i < rl->len; i++) {
		void *item = ldr_list_at(rl, k, i);
		if (drop[i])
			ldr_rec_release(k, item);
		else
			memcpy(ldr_list_push(&out, k), item, k->size);
		while (a < nadds && adds[a].anchor == (long)i)
			ldr_rec_copy(k, ldr_list_push(&out, k), adds[a++].rec);
	}
	free(rl->items);
	*rl = out;
}

/* Merge one record of a list, present in ours and theirs (b: NULL if it
 * was added on both sides). A record with an id is a record of its own for
 * the conflicts; one matched by a key is a path in the record it is in. */
static void merge_item(const struct where *w, const struct ldr_field *f, const char *key, void *r,
		       const void *b, const void *o, const void *t)
{
	const struct ldr_kind *k = f->kind;
	struct where in = *w;
	struct ldr_buf prefix = LDR_BUF_INIT;
	void *empty = NULL;

	in.added = !b;
	if (!b)
		b = empty = ldr_calloc(1, k->size);
	if (ldr_rec_id(k, o)) {
		in.kind = k;
		in.id = key;
		in.prefix = "";
	} else {
		ldr_buf_addf(&prefix, "%s%s[%s].", w->prefix, f->name, key);
		in.prefix = prefix.s;
	}
	merge_fields(&in, k, r, b, o, t);
	free(empty);
	ldr_buf_release(&prefix);
}

/* A record removed on one side and changed on the other: it is kept. */
static void removal(const struct where *w, const struct ldr_field *f, const char *key,
		    const void *rec, int removed_by)
{
	const char *what = removed_by == LDR_SIDE_THEIRS ? "changed by ours, removed by theirs"
							  : "removed by ours, changed by theirs";
	struct ldr_buf path = LDR_BUF_INIT;

	if (ldr_rec_id(f->kind, rec)) {
		struct where in = *w;
		in.kind = f->kind;
		in.id = key;
		conflict(&in, NULL, what, removed_by, NULL, NULL, NULL);
	} else {
		ldr_buf_addf(&path, "%s%s[%s]", w->prefix, f->name, key);
		conflict(w, path.s, what, removed_by, NULL, NULL, NULL);
	}
	ldr_buf_release(&path);
}

static void merge_records(const struct where *w, const struct ldr_field *f, struct ldr_list *rl,
			  const struct ldr_list *bl, const struct ldr_list *ol, const struct ldr_list *tl)
{
	const struct ldr_kind *k = f->kind;
	struct keyed kb, ko, kt;
	struct addition *adds = NULL;
	size_t i, nadds = 0, cap = 0;
	unsigned char *drop = ldr_calloc(ol->len + 1, 1);
	long anchor = -1;
	int top = w->kind == &ldr_kind_roadmap; /* a record of its own: counted in taken */

	keyed_init(&kb, bl, k);
	keyed_init(&ko, ol, k);
	keyed_init(&kt, tl, k);
	/* Ours' records (the result's, one for one). */
	for (i = 0; i < ol->len; i++) {
		const void *o = ldr_list_at(ol, k, i);
		const void *b = ldr_hash_get(&kb.h, ko.keys[i]), *t = ldr_hash_get(&kt.h, ko.keys[i]);
		if (!*ko.keys[i] || (!t && !b))
			continue; /* added by ours */
		if (t) {
			size_t before = w->m->fields;
			merge_item(w, f, ko.keys[i], ldr_list_at(rl, k, i), b, o, t);
			w->m->taken += top && w->m->fields > before;
		} else if (ldr_rec_equal(k, o, b)) {
			w->m->taken += top;
			drop[i] = 1; /* removed by theirs */
			w->m->fields++;
		} else {
			removal(w, f, ko.keys[i], o, LDR_SIDE_THEIRS);
		}
	}
	/* Theirs' records that ours has not: added, or removed by ours. */
	for (i = 0; i < tl->len; i++) {
		const void *t = ldr_list_at(tl, k, i), *o = ldr_hash_get(&ko.h, kt.keys[i]), *b;
		if (o) {
			size_t at = (size_t)((const char *)o - (const char *)ol->items) / k->size;
			if (!drop[at])
				anchor = (long)at;
			continue;
		}
		b = ldr_hash_get(&kb.h, kt.keys[i]);
		if (!*kt.keys[i] || (b && ldr_rec_equal(k, t, b)))
			continue; /* removed by ours */
		ldr_grow((void **)&adds, &cap, nadds + 1, sizeof(*adds));
		adds[nadds].anchor = anchor;
		adds[nadds].seq = nadds;
		adds[nadds++].rec = t;
		if (b) {
			removal(w, f, kt.keys[i], t, LDR_SIDE_OURS);
		} else {
			w->m->fields++;
			w->m->taken += top;
		}
	}
	for (i = 0; i < ol->len && !drop[i]; i++)
		;
	if (nadds || i < ol->len)
		rebuild(rl, k, drop, adds, nadds);
	free(adds);
	free(drop);
	keyed_release(&kb, bl);
	keyed_release(&ko, ol);
	keyed_release(&kt, tl);
}

static int has_rec(const struct ldr_list *l, const struct ldr_kind *k, const void *rec)
{
	size_t i;
	for (i = 0; i < l->len; i++)
		if (ldr_rec_equal(k, ldr_list_at(l, k, i), rec))
			return 1;
	return 0;
}

/* Records with neither id nor key (the conflicts themselves): as a set. */
static void merge_plain(const struct where *w, const struct ldr_field *f, struct ldr_list *rl,
			const struct ldr_list *bl, const struct ldr_list *ol, const struct ldr_list *tl)
{
	const struct ldr_kind *k = f->kind;
	size_t i;

	for (i = ol->len; i-- > 0;) {
		const void *o = ldr_list_at(ol, k, i);
		if (has_rec(bl, k, o) && !has_rec(tl, k, o)) {
			ldr_list_remove(rl, k, i);
			w->m->fields++;
		}
	}
	for (i = 0; i < tl->len; i++) {
		const void *t = ldr_list_at(tl, k, i);
		if (!has_rec(bl, k, t) && !has_rec(ol, k, t)) {
			ldr_rec_copy(k, ldr_list_push(rl, k), t);
			w->m->fields++;
		}
	}
}

/* ---- records ------------------------------------------------------------------------- */

static void merge_fields(const struct where *w, const struct ldr_kind *k, void *r, const void *b,
			 const void *o, const void *t)
{
	size_t i;

	if (ldr_rec_equal(k, t, b) || ldr_rec_equal(k, o, t))
		return; /* nothing of theirs to take */
	for (i = 0; i < k->nfields; i++) {
		const struct ldr_field *f = &k->fields[i];
		if (f->type == LDR_F_ID || (f->flags & LDR_FL_KEY))
			continue;
		switch (f->type) {
		case LDR_F_RECORD: {
			struct where in = *w;
			size_t before = w->m->fields;
			in.kind = f->kind;
			in.id = f->kind->name; /* "footprint" */
			in.prefix = "";
			merge_fields(&in, f->kind, LDR_FIELD(r, f), LDR_CFIELD(b, f), LDR_CFIELD(o, f),
				     LDR_CFIELD(t, f));
			w->m->taken += w->m->fields > before;
			break;
		}
		case LDR_F_LIST:
			(matched(f->kind) ? merge_records : merge_plain)(w, f, LDR_FIELD(r, f), LDR_CFIELD(b, f),
									 LDR_CFIELD(o, f), LDR_CFIELD(t, f));
			break;
		case LDR_F_REFS: case LDR_F_STRS:
			merge_set(w, f, r, b, o, t);
			break;
		case LDR_F_ENUMS:
			merge_bits(w, f, r, b, o, t);
			break;
		case LDR_F_ATTRS: case LDR_F_DERIVED:
			merge_map(w, k, f, r, b, o, t);
			break;
		default:
			merge_scalar(w, f, r, b, o, t);
		}
	}
}

/* The conflicts found, as entries of the roadmap's own list, with their
 * values as the file would read them back. */
static void record_conflicts(struct ldr_roadmap *rm, const struct ldr_merge *m)
{
	size_t i;
	for (i = 0; i < m->n; i++) {
		const struct ldr_merge_conflict *c = &m->v[i];
		struct ldr_conflict *x = ldr_list_push(&rm->conflicts, &ldr_kind_conflict);
		x->record = ldr_strdup(c->id);
		x->field = dup_or_null(c->field);
		x->removed = c->removed;
		x->base = c->base ? ldr_text_normalise(c->base) : NULL;
		x->ours = c->ours ? ldr_text_normalise(c->ours) : NULL;
		x->theirs = c->theirs ? ldr_text_normalise(c->theirs) : NULL;
	}
}

void ldr_merge(struct ldr_roadmap *result, const struct ldr_roadmap *base,
	       const struct ldr_roadmap *ours, const struct ldr_roadmap *theirs, struct ldr_merge *m)
{
	struct where w;

	memset(m, 0, sizeof(*m));
	w.m = m;
	w.kind = &ldr_kind_roadmap;
	w.id = "roadmap";
	w.prefix = "";
	w.added = 0;
	ldr_rec_copy(&ldr_kind_roadmap, result, ours);
	merge_fields(&w, &ldr_kind_roadmap, result, base, ours, theirs);
	record_conflicts(result, m);
}

void ldr_merge_roadmaps(struct ldr_roadmap *result, const struct ldr_roadmap *base,
			const struct ldr_roadmap *ours, const struct ldr_roadmap *theirs,
			struct ldr_merge *m)
{
	ldr_merge(result, base, theirs, ours, m);
}

void ldr_merge_release(struct ldr_merge *m)
{
	size_t i;
	for (i = 0; i < m->n; i++) {
		free(m->v[i].id);
		free(m->v[i].field);
		free(m->v[i].base);
		free(m->v[i].ours);
		free(m->v[i].theirs);
	}
	free(m->v);
	memset(m, 0, sizeof(*m));
}
