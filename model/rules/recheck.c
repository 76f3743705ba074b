/* Checking again after an edit. What changed (a copy of each top-level
 * record before and after) says which rules can find anything new: those
 * that read that kind of record. Each of them runs again on the records
 * the change reaches (its reach, in ldr_rules): the records changed; with
 * the records they name and those that name them; or the capabilities of
 * the same 'what'. Their old findings there are dropped, the new ones
 * added, and the list sorted as a full check sorts it. A change this
 * cannot follow (the footprint, the rules: block, the whole roadmap, ids
 * used twice) checks everything again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "../roadmap/index.h"

/* Strings not owned: in the changes' signatures (touched.sig). */
struct names {
	const char **v;
	size_t n, cap;
};

static void name_push(struct names *v, const char *s)
{
	ldr_grow((void **)&v->v, &v->cap, v->n + 1, sizeof(*v->v));
	v->v[v->n++] = s;
}

/* What the changes touch. */
struct touched {
	unsigned mask;          /* LDR_READS_* */
	int full;               /* check everything again */
	int refs_whole;         /* a referrer this cannot place: reach REFS runs in full */
	struct ldr_buf keys;    /* the changed capabilities' 'what', each ended by '\0' */
	struct names ids;       /* every id of the records changed, nested ones too */
	struct names tops;      /* the changed top-level records' ids */
	struct names named;     /* the ids they name, before and after */
	struct ldr_buf *sig;    /* the changes' signatures, which the names point into */
	size_t nsig, nsig_cap;
};

static unsigned kind_bit(const struct ldr_kind *k)
{
	static const unsigned bits[] = { LDR_READS_PROJECTS, LDR_READS_CAPABILITIES, LDR_READS_UCS,
					 LDR_READS_TRAJECTORY };
	int slot = ldr_scope_slot(k);
	return slot < 0 ? LDR_READS_OTHER : bits[slot];
}

/* The names of a signature (ldr_rec_signature): each up to its NUL, the
 * empty ones (a record without an id) and the fields' '\n' left out. */
static void names_of(struct names *v, const struct ldr_buf *b)
{
	const char *p = b->s, *end = b->s + b->len;

	while (p && p < end) {
		while (p < end && *p == '\n')
			p++;
		if (p >= end)
			break;
		if (*p)
			name_push(v, p);
		p += strlen(p) + 1;
	}
}

static void touch(struct touched *t, const struct ldr_check_change *ch)
{
	const void *rec[2] = { ch->before, ch->after };
	struct ldr_buf *ids, *refs;
	int i;

	if (!ch->kind || ch->kind == &ldr_kind_roadmap || ch->kind == &ldr_kind_footprint ||
	    ch->kind == &ldr_kind_rule_setting) {
		t->full = 1;
		return;
	}
	t->mask |= kind_bit(ch->kind);
	ldr_grow((void **)&t->sig, &t->nsig_cap, t->nsig + 4, sizeof(*t->sig));
	ids = &t->sig[t->nsig];
	refs = &t->sig[t->nsig + 2];
	memset(ids, 0, 4 * sizeof(*ids));
	t->nsig += 4;
	for (i = 0; i < 2; i++) {
		if (!rec[i])
			continue;
		if (ldr_scope_slot(ch->kind) >= 0 && !ldr_rec_id(ch->kind, rec[i]))
			t->full = 1; /* its findings could not be told from another's */
		else if (ldr_rec_id(ch->kind, rec[i]))
			name_push(&t->tops, ldr_rec_id(ch->kind, rec[i]));
		ldr_rec_signature(ch->kind, rec[i], &ids[i], &refs[i]);
		names_of(&t->ids, &ids[i]);
		names_of(&t->named, &refs[i]);
		if (ch->kind == &ldr_kind_capability) {
			const char *what = ((const struct ldr_capability *)rec[i])->what;
			ldr_buf_add(&t->keys, what ? what : "", what ? strlen(what) + 1 : 1);
		}
	}
	if (!rec[0] || !rec[1] || !ldr_buf_same(&ids[0], &ids[1]))
		t->mask |= LDR_READS_IDS;
	if (!ldr_buf_same(&refs[0], &refs[1]))
		t->mask |= LDR_READS_REFS;
}

static void touched_release(struct touched *t)
{
	size_t i;
	for (i = 0; i < t->nsig; i++)
		ldr_buf_release(&t->sig[i]);
	free(t->sig);
	ldr_buf_release(&t->keys);
	free(t->ids.v);
	free(t->tops.v);
	free(t->named.v);
}

/* ---- scopes ------------------------------------------------------------------ */

/* The top-level record that holds the record of this id, if it is one the
 * rules iterate; NULL otherwise. */
static const struct ldr_ref *top_of(const struct ldr_index *ix, const char *id)
{
	const struct ldr_ref *r = ldr_index_find(ix, id);
	if (!r)
		return NULL;
	if (ldr_scope_slot(r->kind) >= 0)
		return r;
	if (r->parent && ldr_scope_slot(r->parent_kind) >= 0)
		return ldr_index_find(ix, ldr_rec_id(r->parent_kind, r->parent));
	return NULL;
}

static void scope_add_id(struct ldr_scope *s, const char *id)
{
	if (id)
		ldr_hash_put(&s->ids, id, (void *)id);
}

/* The record of this id, present now, checked by the scope. */
static void scope_add(struct ldr_scope *s, const struct ldr_index *ix, const char *id)
{
	const struct ldr_ref *r = id ? top_of(ix, id) : NULL;
	int slot;

	if (!r)
		return;
	ldr_hash_put(&s->ids, ldr_rec_id(r->kind, r->rec), (void *)r);
	slot = ldr_scope_slot(r->kind);
	ldr_grow((void **)&s->rec[slot], &s->cap[slot], s->n[slot] + 1, sizeof(*s->rec[slot]));
	s->rec[slot][s->n[slot]++] = r->rec;
}

static int by_address(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	return (x > y) - (x < y);
}

/* Each kind's records in the order of their list (the order of a full check). */
static void scope_finish(struct ldr_scope *s)
{
	size_t i, j, k;
	for (i = 0; i < 4; i++) {
		if (s->n[i] > 1)
			qsort(s->rec[i], s->n[i], sizeof(*s->rec[i]), by_address);
		for (j = k = 0; j < s->n[i]; j++)
			if (!k || s->rec[i][k - 1] != s->rec[i][j])
				s->rec[i][k++] = s->rec[i][j];
		s->n[i] = k;
	}
}

static void scope_release(struct ldr_scope *s)
{
	size_t i;
	ldr_hash_clear(&s->ids);
	for (i = 0; i < 4; i++)
		free(s->rec[i]);
	memset(s, 0, sizeof(*s));
}

/* The records changed, present now, and the ids they had. */
static void scope_records(struct ldr_scope *s, const struct touched *t, const struct ldr_index *ix)
{
	size_t i;
	for (i = 0; i < t->tops.n; i++)
		scope_add_id(s, t->tops.v[i]);
	for (i = 0; i < t->tops.n; i++)
		scope_add(s, ix, t->tops.v[i]);
	scope_finish(s);
}

/* Those, the records they name and the records that name them. */
static void scope_refs(struct ldr_scope *s, struct touched *t, const struct ldr_index *ix)
{
	size_t i, j, n;

	for (i = 0; i < t->tops.n; i++)
		scope_add_id(s, t->tops.v[i]);
	for (i = 0; i < t->tops.n; i++)
		scope_add(s, ix, t->tops.v[i]);
	for (i = 0; i < t->named.n; i++)
		scope_add(s, ix, t->named.v[i]);
	for (i = 0; i < t->ids.n; i++) {
		const struct ldr_referrer *r = ldr_index_referrers(ix, t->ids.v[i], &n);
		for (j = 0; j < n; j++) {
			const char *id = ldr_rec_id(r[j].kind, r[j].rec);
			const struct ldr_ref *top = id ? top_of(ix, id) : NULL;
			if (!top && ldr_scope_slot(r[j].kind) < 0)
				t->refs_whole = 1; /* named from a record that cannot be placed */
			else if (top)
				scope_add(s, ix, id);
		}
	}
	scope_finish(s);
}

/* The capabilities with the 'what' of one changed, before or after. */
static void scope_what(struct ldr_scope *s, const struct touched *t, const struct ldr_roadmap *rm,
		       const struct ldr_index *ix)
{
	char *owned = ldr_malloc(t->keys.len + 1), *at = owned;
	const char **keys = ldr_calloc(t->keys.len + 1, sizeof(*keys));
	size_t i, j, n = 0;
	const char *p;

	/* The keys are written in one block, as they were read from it. */
	for (p = t->keys.s; p && p < t->keys.s + t->keys.len; p += strlen(p) + 1) {
		keys[n++] = at;
		at = ldr_what_key(p, at);
	}
	for (i = 0; i < t->tops.n; i++)
		scope_add_id(s, t->tops.v[i]);
	for (i = 0; i < rm->capabilities.len && n; i++) {
		const struct ldr_capability *c = LDR_ITEM(rm->capabilities, struct ldr_capability, i);
		for (j = 0; j < n && c->id; j++)
			if (ldr_what_is(c->what, keys[j])) {
				scope_add(s, ix, c->id);
				break;
			}
	}
	scope_finish(s);
	free(owned);
	free(keys);
}

/* ---- the update ---------------------------------------------------------------- */

/* Drop rule r's findings found in checking a record of the scope (all of
 * them, for a scope of NULL). */
static void drop(struct ldr_findings *f, const struct ldr_rule *r, const struct ldr_scope *s)
{
	size_t i, k = 0;

	for (i = 0; i < f->n; i++) {
		struct ldr_finding *x = &f->v[i];
		if (x->rule == r && (!s || (x->top && ldr_hash_get(&s->ids, x->top)))) {
			ldr_finding_release(x);
			continue;
		}
		f->v[k++] = *x;
	}
	f->n = k;
}

static void recount(struct ldr_findings *f)
{
	size_t i;

	f->errors = f->warnings = 0;
	memset(f->per_rule, 0, sizeof(f->per_rule));
	for (i = 0; i < f->n; i++) {
		if (f->v[i].rule->severity == LDR_CHECK_ERROR)
			f->errors++;
		else
			f->warnings++;
		f->per_rule[f->v[i].rule - ldr_rules]++;
	}
}

/* The scope of a rule's reach, built the first time one is asked for. */
struct scopes {
	struct ldr_scope s[4]; /* by reach */
	int built[4];
};

static const struct ldr_scope *scope_for(struct scopes *sc, enum ldr_rule_reach reach,
					 struct touched *t, const struct ldr_roadmap *rm,
					 const struct ldr_index *ix)
{
	struct ldr_scope *s = &sc->s[reach];

	if (!sc->built[reach]) {
		sc->built[reach] = 1;
		if (reach == LDR_REACH_RECORD)
			scope_records(s, t, ix);
		else if (reach == LDR_REACH_REFS)
			scope_refs(s, t, ix);
		else
			scope_what(s, t, rm, ix);
	}
	return s;
}

/* Run again the rules the changes can affect, on what they reach. */
static void patch(struct ldr_checker *c, const struct ldr_check_opts *o, struct touched *t,
		  struct ldr_findings *f)
{
	struct scopes sc;
	size_t i;

	memset(&sc, 0, sizeof(sc));
	for (i = 0; i < ldr_nrules; i++) {
		const struct ldr_rule *r = &ldr_rules[i];
		const struct ldr_scope *s = NULL;

		if (!ldr_rule_wanted(c->rm, o, r) || (r->reads && !(r->reads & t->mask)))
			continue;
		if (r->reach != LDR_REACH_WHOLE && !(r->whole_on & t->mask))
			s = scope_for(&sc, r->reach, t, c->rm, c->ix);
		/* Who named a record that is gone is not in the index. */
		if (r->reach == LDR_REACH_REFS && ((t->mask & LDR_READS_IDS) || t->refs_whole))
			s = NULL;
		drop(f, r, s);
		ldr_checker_run(c, r, s);
	}
	for (i = 0; i < 4; i++)
		scope_release(&sc.s[i]);
}

static void cross_check(const struct ldr_roadmap *rm, const struct ldr_check_opts *o,
			const struct ldr_findings *f)
{
	struct ldr_findings full;

	ldr_check(rm, o, &full);
	if (!ldr_findings_equal(f, &full, stderr)) {
		fprintf(stderr, "ldr: LDR_CHECK_CROSS: the checks run again after an edit differ from a "
			"full check\n");
		abort();
	}
	ldr_findings_release(&full);
}

size_t ldr_check_update(const struct ldr_roadmap *rm, const struct ldr_check_opts *o,
			const struct ldr_check_change *ch, size_t n, struct ldr_index *ix,
			struct ldr_findings *f)
{
	struct touched t;
	struct ldr_checker c;
	size_t i;

	memset(&t, 0, sizeof(t));
	for (i = 0; i < n && !t.full; i++)
		touch(&t, &ch[i]);
	ldr_checker_init(&c, rm, o, ix && ix->first ? ix : NULL, f);
	if (!c.ix->first)
		ldr_index_add_referrers(c.ix);
	/* An id used twice: the index knows only the first of its records. */
	if (t.full || c.ix->ids.n != c.ix->n) {
		ldr_checker_release(&c);
		ldr_findings_release(f);
		ldr_check(rm, o, f);
	} else {
		patch(&c, o, &t, f);
		ldr_checker_release(&c);
		recount(f);
		ldr_findings_sort(f);
	}
	touched_release(&t);
	if (getenv("LDR_CHECK_CROSS") && *getenv("LDR_CHECK_CROSS") == '1')
		cross_check(rm, o, f);
	return f->errors;
}

/* ---- comparing ------------------------------------------------------------------ */

static int same_text(const char *x, const char *y)
{
	return x && y ? !strcmp(x, y) : x == y;
}

static void describe(FILE *out, const char *which, const struct ldr_findings *f, size_t i)
{
	const struct ldr_finding *x;
	if (i >= f->n) {
		fprintf(out, "  %s: (none)\n", which);
		return;
	}
	x = &f->v[i];
	fprintf(out, "  %s: %d:%d %s [%s] %s (in %s)\n", which, x->pos.line, x->pos.col, x->rule->id,
		x->id ? x->id : "-", x->message, x->top ? x->top : "-");
}

int ldr_findings_equal(const struct ldr_findings *a, const struct ldr_findings *b, FILE *out)
{
	size_t i;

	for (i = 0; i < a->n || i < b->n; i++) {
		const struct ldr_finding *x = i < a->n ? &a->v[i] : NULL, *y = i < b->n ? &b->v[i] : NULL;
		if (x && y && x->rule == y->rule && x->pos.line == y->pos.line && x->pos.col == y->pos.col &&
		    same_text(x->id, y->id) && same_text(x->field, y->field) &&
		    same_text(x->other, y->other) && same_text(x->message, y->message) &&
		    same_text(x->fix, y->fix) && same_text(x->top, y->top))
			continue;
		if (out) {
			fprintf(out, "findings differ at %zu of %zu and %zu:\n", i + 1, a->n, b->n);
			describe(out, "one", a, i);
			describe(out, "other", b, i);
		}
		return 0;
	}
	return a->errors == b->errors && a->warnings == b->warnings;
}
