#include "diff.h"

#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "index.h"
#include "schedule.h"
#include "../base/util.h"

struct who {
	const struct ldr_kind *kind;
	const char *id, *parent, *title;
};

static char *dup_or_null(const char *s)
{
	return s ? ldr_strdup(s) : NULL;
}

static struct ldr_change *push(struct ldr_diff *d, enum ldr_change_type type, const struct who *w)
{
	struct ldr_change *c;

	ldr_grow((void **)&d->v, &d->cap, d->n + 1, sizeof(*d->v));
	c = &d->v[d->n++];
	memset(c, 0, sizeof(*c));
	c->type = type;
	c->kind = w->kind;
	c->id = ldr_strdup(w->id);
	c->parent = dup_or_null(w->parent);
	c->title = dup_or_null(w->title);
	return c;
}

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void changed(struct ldr_diff *d, const struct who *w, const char *path, char *from, char *to)
{
	struct ldr_change *c;

	if (same(from, to)) {
		free(from);
		free(to);
		return;
	}
	c = push(d, LDR_CHANGE_CHANGED, w);
	c->field = ldr_strdup(path);
	c->from = from;
	c->to = to;
}

static void compare_map(struct ldr_diff *d, const struct who *w, const char *path,
			const struct ldr_map *x, const struct ldr_map *y)
{
	struct ldr_buf p = LDR_BUF_INIT;
	size_t i;

	for (i = 0; i < y->n; i++) {
		ldr_buf_reset(&p);
		ldr_buf_addf(&p, "%s.%s", path, y->v[i].key);
		changed(d, w, p.s, dup_or_null(ldr_map_get(x, y->v[i].key)),
			ldr_strdup(y->v[i].value ? y->v[i].value : ""));
	}
	for (i = 0; i < x->n; i++) {
		if (ldr_map_get(y, x->v[i].key))
			continue;
		ldr_buf_reset(&p);
		ldr_buf_addf(&p, "%s.%s", path, x->v[i].key);
		changed(d, w, p.s, ldr_strdup(x->v[i].value ? x->v[i].value : ""), NULL);
	}
	ldr_buf_release(&p);
}

static void compare(struct ldr_diff *d, const struct who *w, const struct ldr_kind *k,
		    const void *x, const void *y, const char *prefix);

static const void *find_keyed(const struct ldr_list *l, const struct ldr_kind *k, const char *key)
{
	char buf[LDR_TIME_STR_MAX];
	size_t i;
	for (i = 0; i < l->len; i++) {
		const char *kk = ldr_rec_key(k, ldr_list_at(l, k, i), buf, sizeof(buf));
		if (kk && strcmp(kk, key) == 0)
			return ldr_list_at(l, k, i);
	}
	return NULL;
}

/* Records without ids, matched by key; a missing one compares as empty. */
static void compare_keyed(struct ldr_diff *d, const struct who *w, const struct ldr_field *f,
			  const struct ldr_list *x, const struct ldr_list *y, const char *prefix)
{
	const struct ldr_kind *k = f->kind;
	struct ldr_buf p = LDR_BUF_INIT;
	void *empty = ldr_calloc(1, k->size);
	char buf[LDR_TIME_STR_MAX];
	size_t i;

	for (i = 0; i < y->len; i++) {
		const void *b = ldr_list_at(y, k, i);
		const char *key = ldr_rec_key(k, b, buf, sizeof(buf));
		const void *a = key ? find_keyed(x, k, key) : NULL;
		ldr_buf_reset(&p);
		ldr_buf_addf(&p, "%s%s[%s].", prefix, f->name, key ? key : "?");
		compare(d, w, k, a ? a : empty, b, p.s);
	}
	for (i = 0; i < x->len; i++) {
		const void *a = ldr_list_at(x, k, i);
		const char *key = ldr_rec_key(k, a, buf, sizeof(buf));
		if (key && find_keyed(y, k, key))
			continue;
		ldr_buf_reset(&p);
		ldr_buf_addf(&p, "%s%s[%s].", prefix, f->name, key ? key : "?");
		compare(d, w, k, a, empty, p.s);
	}
	free(empty);
	ldr_buf_release(&p);
}

static void compare(struct ldr_diff *d, const struct who *w, const struct ldr_kind *k,
		    const void *x, const void *y, const char *prefix)
{
	struct ldr_buf path = LDR_BUF_INIT;
	size_t i;

	for (i = 0; i < k->nfields; i++) {
		const struct ldr_field *f = &k->fields[i];

		if (f->type == LDR_F_ID || f->type == LDR_F_RECORD || (*prefix && (f->flags & LDR_FL_KEY)))
			continue;
		if (f->type == LDR_F_LIST) {
			/* Records with ids are compared on their own. */
			if (f->kind->nfields && f->kind->fields[0].type != LDR_F_ID)
				compare_keyed(d, w, f, LDR_CFIELD(x, f), LDR_CFIELD(y, f), prefix);
			continue;
		}
		ldr_buf_reset(&path);
		ldr_buf_addf(&path, "%s%s", prefix, f->name);
		if (f->type == LDR_F_ATTRS || f->type == LDR_F_DERIVED) {
			compare_map(d, w, path.s, LDR_CFIELD(x, f), LDR_CFIELD(y, f));
			continue;
		}
		{
			size_t before = d->n;
			changed(d, w, path.s, ldr_field_text(f, x), ldr_field_text(f, y));
			if (d->n > before && !*prefix && ldr_planned_field(k, f) &&
			    ((const struct ldr_time *)LDR_CFIELD(x, f))->kind &&
			    ((const struct ldr_time *)LDR_CFIELD(y, f))->kind) { /* not "tbc" */
				/* 18/19 to 18/19 Q4 is more precise, not later. */
				struct ldr_change *c = &d->v[d->n - 1];
				ldr_planned_shift(f, LDR_CFIELD(x, f), LDR_CFIELD(y, f), &c->months, &c->quarters);
				c->rephased = c->months != 0;
			}
		}
	}
	ldr_buf_release(&path);
}

static const char *parent_id(const struct ldr_ref *r)
{
	return r->parent_kind ? ldr_rec_id(r->parent_kind, r->parent) : NULL;
}

/* Whether the other roadmap has a record of this kind and id. */
static int has(const struct ldr_index *ix, const struct ldr_kind *k, const char *id)
{
	return id && ldr_index_get(ix, k, id) != NULL;
}

static void whole(struct ldr_diff *d, enum ldr_change_type type, const struct ldr_ref *r,
		  const struct ldr_index *other)
{
	struct ldr_buf title = LDR_BUF_INIT;
	struct who w;
	const char *pid = parent_id(r);

	/* A record added or removed with the one it is nested in is part of it. */
	if (pid && !has(other, r->parent_kind, pid))
		return;
	w.kind = r->kind;
	w.id = ldr_rec_id(r->kind, r->rec);
	w.parent = pid;
	w.title = ldr_rec_title(r->kind, r->rec, &title);
	push(d, type, &w);
	ldr_buf_release(&title);
}

void ldr_diff_roadmaps(struct ldr_diff *d, const struct ldr_roadmap *a, const struct ldr_roadmap *b)
{
	struct ldr_index xa, xb;
	struct ldr_buf title = LDR_BUF_INIT;
	struct who w;
	size_t i;

	memset(d, 0, sizeof(*d));
	w.kind = &ldr_kind_footprint;
	w.id = "footprint";
	w.parent = NULL;
	w.title = ldr_rec_title(&ldr_kind_footprint, &b->footprint, &title);
	/* No name, which every roadmap has: no file (before the first commit). */
	if (!a->footprint.name != !b->footprint.name) {
		if (!b->footprint.name)
			w.title = ldr_rec_title(&ldr_kind_footprint, &a->footprint, &title);
		push(d, a->footprint.name ? LDR_CHANGE_REMOVED : LDR_CHANGE_ADDED, &w);
	} else {
		compare(d, &w, &ldr_kind_footprint, &a->footprint, &b->footprint, "");
	}
	/* The index does not change the roadmaps it points into. */
	ldr_index_build(&xa, (struct ldr_roadmap *)a);
	ldr_index_build(&xb, (struct ldr_roadmap *)b);
	for (i = 0; i < xb.n; i++) {
		const struct ldr_ref *r = &xb.refs[i];
		const char *id = ldr_rec_id(r->kind, r->rec);
		void *old = ldr_index_get(&xa, r->kind, id);

		if (!old) {
			whole(d, LDR_CHANGE_ADDED, r, &xa);
			continue;
		}
		w.kind = r->kind;
		w.id = id;
		w.parent = parent_id(r);
		w.title = ldr_rec_title(r->kind, r->rec, &title);
		compare(d, &w, r->kind, old, r->rec, "");
	}
	for (i = 0; i < xa.n; i++) {
		const struct ldr_ref *r = &xa.refs[i];
		if (!ldr_index_get(&xb, r->kind, ldr_rec_id(r->kind, r->rec)))
			whole(d, LDR_CHANGE_REMOVED, r, &xb);
	}
	ldr_index_release(&xa);
	ldr_index_release(&xb);
	ldr_buf_release(&title);
}

void ldr_diff_release(struct ldr_diff *d)
{
	size_t i;
	for (i = 0; i < d->n; i++) {
		struct ldr_change *c = &d->v[i];
		free(c->id);
		free(c->parent);
		free(c->title);
		free(c->field);
		free(c->from);
		free(c->to);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

int ldr_change_about(const struct ldr_change *c, const char *id)
{
	return strcmp(c->id, id) == 0 || (c->parent && strcmp(c->parent, id) == 0);
}

const char *ldr_change_type_name(enum ldr_change_type t)
{
	switch (t) {
	case LDR_CHANGE_ADDED: return "added";
	case LDR_CHANGE_REMOVED: return "removed";
	case LDR_CHANGE_CHANGED: return "changed";
	}
	return "?";
}

/* A value for one line: quoted text cut short, or "(none)". */
static void value_text(struct ldr_buf *b, const char *v, int quote)
{
	if (!v) {
		ldr_buf_addstr(b, "(none)");
		return;
	}
	if (quote)
		ldr_buf_addch(b, '\'');
	ldr_buf_addquoted(b, v, 60);
	if (quote)
		ldr_buf_addch(b, '\'');
}

/* Text values are quoted; times, ids, names of values are not. */
static int quoted_field(const struct ldr_change *c)
{
	const char *dot = strrchr(c->field, '.');
	const char *name = dot ? dot + 1 : c->field;
	int fi = ldr_kind_field(c->kind, name);
	enum ldr_ftype t;

	if (fi < 0 || strchr(c->field, '['))
		return 1;
	t = c->kind->fields[fi].type;
	return strncmp(c->field, "attributes.", 11) == 0 || strncmp(c->field, "derived.", 8) == 0 ||
	       t == LDR_F_STR || t == LDR_F_TEXT;
}

static void shift_text(struct ldr_buf *b, const struct ldr_change *c)
{
	int q = c->quarters < 0 ? -c->quarters : c->quarters;
	int m = c->months < 0 ? -c->months : c->months;

	if (q)
		ldr_buf_addf(b, " (re-phased %d quarter%s %s)", q, q == 1 ? "" : "s",
			     c->quarters > 0 ? "later" : "earlier");
	else
		ldr_buf_addf(b, " (re-phased %d month%s %s, in the same quarter)", m, m == 1 ? "" : "s",
			     c->months > 0 ? "later" : "earlier");
}

void ldr_change_text(struct ldr_buf *b, const struct ldr_change *c)
{
	ldr_buf_addstr(b, c->id);
	if (c->type != LDR_CHANGE_CHANGED) {
		ldr_buf_addf(b, " %s: %s", ldr_change_type_name(c->type), c->kind->name);
		if (c->title) {
			ldr_buf_addstr(b, " '");
			ldr_buf_addquoted(b, c->title, 60);
			ldr_buf_addch(b, '\'');
		}
		return;
	}
	/* The path may hold an attribute's name: untrusted text too. */
	ldr_buf_addch(b, ' ');
	ldr_buf_addquoted(b, c->field, 80);
	ldr_buf_addstr(b, ": ");
	value_text(b, c->from, c->from && quoted_field(c));
	ldr_buf_addstr(b, " -> ");
	value_text(b, c->to, c->to && quoted_field(c));
	if (c->rephased)
		shift_text(b, c);
}

/* One change, briefly, for a subject. */
static void change_brief(struct ldr_buf *b, const struct ldr_change *c)
{
	if (c->type == LDR_CHANGE_ADDED || c->type == LDR_CHANGE_REMOVED) {
		ldr_buf_addf(b, "%s %s %s", c->type == LDR_CHANGE_ADDED ? "add" : "delete", c->kind->name, c->id);
		return;
	}
	ldr_buf_addf(b, "%s ", c->id);
	ldr_buf_addquoted(b, c->field, 40);
	if (!c->to)
		ldr_buf_addstr(b, " cleared");
	else if (strlen(c->to) <= 24 && !strchr(c->to, '\n')) {
		ldr_buf_addstr(b, " to ");
		ldr_buf_addquoted(b, c->to, 24);
	}
}

void ldr_diff_subject(struct ldr_buf *b, const struct ldr_diff *d, size_t max)
{
	struct ldr_buf piece = LDR_BUF_INIT;
	size_t i, named = 0, shown = 0, start = b->len;

	for (i = 0; i < d->n; i++) {
		const struct ldr_change *c = &d->v[i];
		if (c->type == LDR_CHANGE_CHANGED && !strncmp(c->field, "derived.", 8))
			continue;
		named++;
		ldr_buf_reset(&piece);
		change_brief(&piece, c);
		if (shown < 3 && (shown == 0 || b->len - start + 2 + piece.len <= max)) {
			ldr_buf_addf(b, "%s%s", shown ? "; " : "", piece.s);
			shown++;
		}
	}
	if (named > shown)
		ldr_buf_addf(b, "; and %zu more", named - shown);
	ldr_buf_release(&piece);
}
