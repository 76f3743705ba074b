#include "edit.h"

#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "index.h"
#include "merge.h"
#include "national.h"
#include "schema.h"

/* The candidates for a suggestion: ids of records of kind k (any if NULL). */
static const char *suggest_id(const struct ldr_index *ix, const struct ldr_kind *k, const char *word)
{
	const char **ids = ldr_calloc(ix->n + LDR_NATIONAL_GROUPS, sizeof(*ids));
	const char *s;
	size_t i, n = 0;

	for (i = 0; i < ix->n; i++)
		if (!k || ix->refs[i].kind == k)
			ids[n++] = ldr_rec_id(ix->refs[i].kind, ix->refs[i].rec);
	if (k == &ldr_kind_group)
		for (i = 0; i < LDR_NATIONAL_GROUPS; i++)
			ids[n++] = ldr_national_groups[i].id;
	s = ldr_suggest(word, ids, n, sizeof(*ids));
	free(ids);
	return s;
}

static void add_suggestion(struct ldr_buf *err, const char *s)
{
	if (s)
		ldr_buf_addf(err, " (did you mean '%s'?)", s);
}

static int ref_exists(const struct ldr_index *ix, const struct ldr_kind *k, const char *id)
{
	if (k == &ldr_kind_group)
		return ldr_group_name(ix, id) != NULL;
	return ldr_index_get(ix, k, id) != NULL;
}

/* Every id the field refers to names a record of its kind. */
static int check_refs(const struct ldr_index *ix, const struct ldr_kind *k, const void *rec,
		      const struct ldr_field *f, struct ldr_buf *err)
{
	const char *one[1];
	const char *const *ids = one;
	size_t i, n = 0;

	if (f->type == LDR_F_REF) {
		one[0] = *(char *const *)LDR_CFIELD(rec, f);
		n = one[0] != NULL;
	} else if (f->type == LDR_F_REFS) {
		const struct ldr_strv *v = LDR_CFIELD(rec, f);
		ids = (const char *const *)v->v;
		n = v->n;
	}
	for (i = 0; i < n; i++) {
		if (ref_exists(ix, f->kind, ids[i]))
			continue;
		ldr_buf_addf(err, "'%s' of ", f->name);
		ldr_rec_label(err, k, rec);
		ldr_buf_addf(err, ": no %s '", f->kind->name);
		ldr_buf_addquoted(err, ids[i], 40);
		ldr_buf_addstr(err, "' in the roadmap");
		add_suggestion(err, suggest_id(ix, f->kind, ids[i]));
		return -1;
	}
	return 0;
}

static int find_field(const struct ldr_kind *k, const void *rec, const char *name, struct ldr_buf *err)
{
	int fi = ldr_kind_field(k, name);

	if (fi >= 0)
		return fi;
	ldr_rec_label(err, k, rec);
	ldr_buf_addstr(err, " has no field '");
	ldr_buf_addquoted(err, name, 40);
	ldr_buf_addch(err, '\'');
	add_suggestion(err, ldr_suggest(name, k->fields, k->nfields, sizeof(*k->fields)));
	return -1;
}

/* A field set by hand is no longer in conflict: its entries go. */
static void resolved(struct ldr_roadmap *rm, const char *id, const char *field, const char *key)
{
	size_t i, n = strlen(field);

	for (i = rm->conflicts.len; i-- > 0;) {
		const struct ldr_conflict *c = LDR_ITEM(rm->conflicts, struct ldr_conflict, i);
		if (c->record && !strcmp(c->record, id) && c->field && !strncmp(c->field, field, n) &&
		    ((!key && !c->field[n]) || (key && c->field[n] == '.' && !strcmp(c->field + n + 1, key))))
			ldr_conflict_drop(rm, i);
	}
}

int ldr_edit_set(struct ldr_roadmap *rm, const char *id, const char *field, const char *key,
		 const char *value, struct ldr_buf *err)
{
	struct ldr_index ix;
	const struct ldr_ref *ref;
	const struct ldr_kind *k;
	const struct ldr_field *f;
	void *rec, *copy = NULL;
	int fi, r = -1;

	ldr_index_build(&ix, rm);
	ref = ldr_index_find(&ix, id);
	if (ref) {
		k = ref->kind;
		rec = ref->rec;
	} else if (strcmp(id, "footprint") == 0) {
		k = &ldr_kind_footprint;
		rec = &rm->footprint;
	} else {
		ldr_buf_addstr(err, "no record '");
		ldr_buf_addquoted(err, id, 40);
		ldr_buf_addstr(err, "' in the roadmap");
		add_suggestion(err, suggest_id(&ix, NULL, id));
		goto out;
	}
	fi = find_field(k, rec, field, err);
	if (fi < 0)
		goto out;
	f = &k->fields[fi];
	/* Change a copy; keep it only if everything holds. */
	copy = ldr_calloc(1, k->size);
	ldr_rec_copy(k, copy, rec);
	if (ldr_field_set(k, copy, f, key, value, err) < 0 || check_refs(&ix, k, copy, f, err) < 0) {
		ldr_rec_release(k, copy);
		goto out;
	}
	if (f->type != LDR_F_DERIVED)
		ldr_derived_forget(k, copy, f->name);
	ldr_rec_release(k, rec);
	memcpy(rec, copy, k->size);
	resolved(rm, id, field, key);
	r = 0;
out:
	free(copy);
	ldr_index_release(&ix);
	return r;
}

/* The record of a keyed list (a milestone's checkpoints by when, a
 * universal capability's ambition by year) whose key is key, or NULL. */
static void *keyed_item(const struct ldr_field *lf, void *rec, const char *key)
{
	struct ldr_list *l = LDR_FIELD(rec, lf);
	char buf[LDR_TIME_STR_MAX];
	size_t i;

	for (i = 0; i < l->len; i++) {
		const char *k = ldr_rec_key(lf->kind, ldr_list_at(l, lf->kind, i), buf, sizeof(buf));
		if (k && strcmp(k, key) == 0)
			return ldr_list_at(l, lf->kind, i);
	}
	return NULL;
}

/* Whether two records of a keyed list now share a key (one was re-keyed
 * onto another's). */
static int keys_clash(const struct ldr_field *lf, void *rec)
{
	struct ldr_list *l = LDR_FIELD(rec, lf);
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];
	size_t i, j;

	for (i = 0; i < l->len; i++)
		for (j = i + 1; j < l->len; j++) {
			const char *x = ldr_rec_key(lf->kind, ldr_list_at(l, lf->kind, i), a, sizeof(a));
			const char *y = ldr_rec_key(lf->kind, ldr_list_at(l, lf->kind, j), b, sizeof(b));
			if (x && y && strcmp(x, y) == 0)
				return 1;
		}
	return 0;
}

int ldr_edit_set_keyed(struct ldr_roadmap *rm, const char *id, const char *list, const char *key,
		       const char *field, const char *value, struct ldr_buf *err)
{
	struct ldr_index ix;
	const struct ldr_ref *ref;
	const struct ldr_field *lf;
	void *copy = NULL, *item;
	int fi, r = -1;

	ldr_index_build(&ix, rm);
	ref = ldr_index_find(&ix, id);
	if (!ref) {
		ldr_buf_addstr(err, "no record '");
		ldr_buf_addquoted(err, id, 40);
		ldr_buf_addstr(err, "' in the roadmap");
		add_suggestion(err, suggest_id(&ix, NULL, id));
		goto out;
	}
	fi = find_field(ref->kind, ref->rec, list, err);
	if (fi < 0)
		goto out;
	lf = &ref->kind->fields[fi];
	if (lf->type != LDR_F_LIST) {
		ldr_buf_addf(err, "'%s' of %s is not a list of records: set it as %s.%s=VALUE", lf->name,
			     ref->kind->name, id, lf->name);
		goto out;
	}
	copy = ldr_calloc(1, ref->kind->size);
	ldr_rec_copy(ref->kind, copy, ref->rec);
	item = keyed_item(lf, copy, key);
	if (!item) {
		ldr_buf_addf(err, "%s has no %s '", id, lf->kind->name);
		ldr_buf_addquoted(err, key, 40);
		ldr_buf_addf(err, "' in '%s'", lf->name);
	} else if ((fi = find_field(lf->kind, item, field, err)) >= 0 &&
		   ldr_field_set(lf->kind, item, &lf->kind->fields[fi], NULL, value, err) == 0) {
		if (keys_clash(lf, copy)) {
			ldr_buf_addf(err, "%s has two %ss '", id, lf->kind->name);
			ldr_buf_addquoted(err, value, 40);
			ldr_buf_addstr(err, "' then: each must be once");
		} else {
			struct ldr_buf path = LDR_BUF_INIT;
			ldr_rec_release(ref->kind, ref->rec);
			memcpy(ref->rec, copy, ref->kind->size);
			free(copy);
			copy = NULL;
			ldr_buf_addf(&path, "%s[%s].%s", lf->name, key, field);
			resolved(rm, id, path.s, NULL);
			ldr_buf_release(&path);
			r = 0;
		}
	}
	if (copy)
		ldr_rec_release(ref->kind, copy);
out:
	free(copy);
	ldr_index_release(&ix);
	return r;
}

/* "ID.LIST[KEY].FIELD=VALUE": a field of a keyed record. */
static int assign_keyed(struct ldr_roadmap *rm, const char *id, const char *path, const char *value,
			struct ldr_buf *err)
{
	const char *open = strchr(path, '['), *close = strchr(path, ']');
	char *list, *key;
	int r;

	if (!open || !close || close < open || close[1] != '.' || !close[2] || open == path) {
		ldr_buf_addstr(err, "'");
		ldr_buf_addquoted(err, path, 60);
		ldr_buf_addstr(err, "' is not a field: expected LIST[KEY].FIELD, as in checkpoints[by 2023-03].status");
		return -2;
	}
	list = ldr_strndup(path, (size_t)(open - path));
	key = ldr_strndup(open + 1, (size_t)(close - open - 1));
	r = ldr_edit_set_keyed(rm, id, list, key, close + 2, value, err);
	free(list);
	free(key);
	return r;
}

int ldr_edit_assign(struct ldr_roadmap *rm, const char *a, struct ldr_buf *err)
{
	const char *eq = strchr(a, '='), *dot = strchr(a, '.');
	char *id = NULL, *field = NULL, *key = NULL;
	const char *fend, *bracket;
	int r;

	if (!eq || !dot || dot > eq || dot == a || dot + 1 == eq) {
		ldr_buf_addstr(err, "'");
		ldr_buf_addquoted(err, a, 60);
		ldr_buf_addstr(err, "' is not an assignment: expected ID.FIELD=VALUE, as in P08.start=17/18");
		if (!eq)
			ldr_buf_addstr(err, " (quote a value that has spaces: 'P08.depends_on=[P03, P12]')");
		return -2;
	}
	id = ldr_strndup(a, (size_t)(dot - a));
	fend = memchr(dot + 1, '.', (size_t)(eq - dot - 1));
	bracket = memchr(dot + 1, '[', (size_t)(eq - dot - 1));
	if (bracket && (!fend || bracket < fend)) { /* LIST[KEY].FIELD, not NAME of a map */
		field = ldr_strndup(dot + 1, (size_t)(eq - dot - 1));
		r = assign_keyed(rm, id, field, eq + 1, err);
		free(id);
		free(field);
		return r;
	}
	if (fend) {
		field = ldr_strndup(dot + 1, (size_t)(fend - dot - 1));
		key = ldr_strndup(fend + 1, (size_t)(eq - fend - 1));
	} else {
		field = ldr_strndup(dot + 1, (size_t)(eq - dot - 1));
	}
	r = ldr_edit_set(rm, id, field, key, eq + 1, err);
	free(id);
	free(field);
	free(key);
	return r;
}
