/* Conflicts left by a merge: said in one line, and resolved by taking one
 * side's value (merge.h). */
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "index.h"
#include "merge.h"
#include "../base/util.h"

static void value_text(struct ldr_buf *b, const char *v)
{
	if (!v) {
		ldr_buf_addstr(b, "(none)");
		return;
	}
	ldr_buf_addch(b, '\'');
	ldr_buf_addquoted(b, v, 60);
	ldr_buf_addch(b, '\'');
}

void ldr_merge_conflict_text(struct ldr_buf *b, const struct ldr_merge_conflict *c)
{
	ldr_buf_addquoted(b, c->id, 64);
	if (c->field) {
		ldr_buf_addch(b, ' ');
		ldr_buf_addquoted(b, c->field, 80);
	}
	ldr_buf_addf(b, ": %s", c->what);
	if (c->removed)
		return;
	ldr_buf_addstr(b, ": base ");
	value_text(b, c->base);
	ldr_buf_addstr(b, ", ours ");
	value_text(b, c->ours);
	ldr_buf_addstr(b, ", theirs ");
	value_text(b, c->theirs);
}

const char *ldr_conflict_value(const struct ldr_conflict *c, int side)
{
	return side == LDR_SIDE_OURS ? c->ours : side == LDR_SIDE_THEIRS ? c->theirs : c->base;
}

void ldr_conflict_drop(struct ldr_roadmap *rm, size_t i)
{
	ldr_list_remove(&rm->conflicts, &ldr_kind_conflict, i);
}

/* ---- finding what a conflict names ------------------------------------------------ */

/* Where a conflict's value goes: a record and one of its fields (with the
 * entry's name for attributes and derived); or, for a record removed on one
 * side, the list that holds the record and its index. */
struct target {
	const struct ldr_kind *kind;
	void *rec;
	const struct ldr_field *field;
	char *key;
	struct ldr_list *list;
	const struct ldr_kind *list_kind;
	size_t index;
};

static int gone(struct ldr_buf *err, const char *what, const char *name)
{
	ldr_buf_addf(err, "%s '", what);
	ldr_buf_addquoted(err, name, 60);
	ldr_buf_addstr(err, "' is not in the roadmap (any more)");
	return -1;
}

/* The list of records that holds rec, found in its parent. */
static int holder(const struct ldr_kind *pk, void *parent, const struct ldr_kind *k, void *rec,
		  struct target *to)
{
	size_t i;
	for (i = 0; i < pk->nfields; i++) {
		const struct ldr_field *f = &pk->fields[i];
		struct ldr_list *l = LDR_FIELD(parent, f);
		const char *base;
		if (f->type != LDR_F_LIST || f->kind != k)
			continue;
		base = l->items;
		if (l->len && (const char *)rec >= base && (const char *)rec < base + l->len * k->size) {
			to->list = l;
			to->list_kind = k;
			to->index = (size_t)((const char *)rec - base) / k->size;
			return 0;
		}
	}
	return -1;
}

/* The item of a keyed list with this key ("17/18", "records"), or NULL. */
static void *keyed_item(struct ldr_list *l, const struct ldr_kind *k, const char *key, size_t *index)
{
	char buf[LDR_TIME_STR_MAX];
	size_t i;
	for (i = 0; i < l->len; i++) {
		const char *kk = ldr_rec_key(k, ldr_list_at(l, k, i), buf, sizeof(buf));
		if (kk && strcmp(kk, key) == 0) {
			*index = i;
			return ldr_list_at(l, k, i);
		}
	}
	return NULL;
}

/* Follow a path: "start", "attributes.Solution", "scores[records].targets[17/18].score",
 * or "ambition[17/18]" (the item itself). */
static int follow(const struct ldr_kind *k, void *rec, const char *path, struct target *to,
		  struct ldr_buf *err)
{
	const char *bracket = strchr(path, '['), *dot = strchr(path, '.');
	char *name;
	int fi;

	if (bracket && (!dot || bracket < dot)) {
		const char *close = strchr(bracket, ']');
		struct ldr_list *l;
		char *key;
		void *item;
		size_t index;

		name = ldr_strndup(path, (size_t)(bracket - path));
		fi = ldr_kind_field(k, name);
		free(name);
		if (!close || fi < 0 || k->fields[fi].type != LDR_F_LIST)
			return gone(err, "field", path);
		l = LDR_FIELD(rec, &k->fields[fi]);
		key = ldr_strndup(bracket + 1, (size_t)(close - bracket - 1));
		item = keyed_item(l, k->fields[fi].kind, key, &index);
		free(key);
		if (!item)
			return gone(err, "entry", path);
		if (close[1] == '.')
			return follow(k->fields[fi].kind, item, close + 2, to, err);
		to->list = l;
		to->list_kind = k->fields[fi].kind;
		to->index = index;
		return 0;
	}
	name = dot ? ldr_strndup(path, (size_t)(dot - path)) : ldr_strdup(path);
	fi = ldr_kind_field(k, name);
	free(name);
	if (fi < 0)
		return gone(err, "field", path);
	to->kind = k;
	to->rec = rec;
	to->field = &k->fields[fi];
	to->key = dot ? ldr_strdup(dot + 1) : NULL;
	return 0;
}

static int find_target(struct ldr_roadmap *rm, const struct ldr_index *ix, const struct ldr_conflict *c,
		       struct target *to, struct ldr_buf *err)
{
	const struct ldr_kind *k;
	void *rec;

	memset(to, 0, sizeof(*to));
	if (!c->record)
		return gone(err, "record", "");
	if (strcmp(c->record, "footprint") == 0) {
		k = &ldr_kind_footprint;
		rec = &rm->footprint;
	} else {
		const struct ldr_ref *r = ldr_index_find(ix, c->record);
		if (!r)
			return gone(err, "record", c->record);
		k = r->kind;
		rec = r->rec;
		if (!c->field) {
			const struct ldr_kind *pk = r->parent_kind ? r->parent_kind : &ldr_kind_roadmap;
			return holder(pk, r->parent ? r->parent : (void *)rm, k, rec, to);
		}
	}
	if (!c->field)
		return gone(err, "field", "");
	return follow(k, rec, c->field, to, err);
}

/* ---- taking a side ------------------------------------------------------------------ */

int ldr_conflict_take(struct ldr_roadmap *rm, size_t i, int side, struct ldr_buf *err)
{
	const struct ldr_conflict *c;
	struct ldr_index ix;
	struct target to;
	void *copy = NULL;
	int r = -1;

	if (i >= rm->conflicts.len) {
		ldr_buf_addstr(err, "no such conflict");
		return -1;
	}
	c = LDR_ITEM(rm->conflicts, struct ldr_conflict, i);
	ldr_index_build(&ix, rm);
	if (find_target(rm, &ix, c, &to, err) < 0)
		goto out;
	if (to.list) {
		/* A record removed on one side: that side deletes it. */
		if (!c->removed) {
			gone(err, "field", c->field ? c->field : "");
			goto out;
		}
		if (side == c->removed)
			ldr_list_remove(to.list, to.list_kind, to.index);
	} else {
		const char *v = ldr_conflict_value(c, side);
		/* Set it on a copy: the record is unchanged if the value is refused. */
		copy = ldr_calloc(1, to.kind->size);
		ldr_rec_copy(to.kind, copy, to.rec);
		if (ldr_field_set(to.kind, copy, to.field, to.key, v ? v : "", err) < 0) {
			ldr_rec_release(to.kind, copy);
			goto out;
		}
		ldr_rec_release(to.kind, to.rec);
		memcpy(to.rec, copy, to.kind->size);
	}
	ldr_conflict_drop(rm, i);
	r = 0;
out:
	free(copy);
	free(to.key);
	ldr_index_release(&ix);
	return r;
}
