/* The loader: from a YAML node tree to a roadmap, by the schema. Every
 * problem is recorded with its position and the loader goes on, so that one
 * run shows all of a file's errors (up to the diagnostics' limit). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "national.h"
#include "node.h"
#include "roadmap.h"
#include "schema.h"
#include "../base/util.h"

struct loader {
	struct ldr_diag *diag;
	struct ldr_buf quoted; /* q()'s answer: it lives until the next q() */
	struct ldr_arena *a;   /* a frozen roadmap's (LDR_LOAD_FROZEN), or NULL */
	struct ldr_hash shared; /* in a: values met before, kept once */
};

/* How many values a frozen roadmap keeps once (the first met): names,
 * references, attributes repeat; a bound on the table (512 KiB). */
#define SHARED_MAX 16384

/* The roadmap's strings, positions and mappings: each its own allocation,
 * or in the arena of a frozen roadmap. */
static void *own_calloc(struct loader *L, size_t n, size_t size)
{
	void *p;

	if (!L->a)
		return ldr_calloc(n, size);
	p = ldr_arena_alloc_words(L->a, n * size);
	memset(p, 0, n * size);
	return p;
}

static char *own_strdup(struct loader *L, const char *s)
{
	size_t n;
	char *p;

	if (!L->a)
		return ldr_strdup(s);
	n = strlen(s);
	p = ldr_arena_alloc_text(L->a, n + 1);
	memcpy(p, s, n + 1);
	return p;
}

/* A value that may repeat (a name, a reference, an attribute): in a frozen
 * roadmap, where nothing is freed or changed alone, kept once. */
static char *own_value(struct loader *L, const char *s)
{
	char *p;

	if (!L->a)
		return ldr_strdup(s);
	if ((p = ldr_hash_get(&L->shared, s)) != NULL)
		return p;
	p = own_strdup(L, s);
	if (L->shared.n < SHARED_MAX)
		ldr_hash_put(&L->shared, p, p);
	return p;
}

static char *own_text(struct loader *L, const char *s)
{
	char *t = ldr_text_normalise(s), *p;

	if (!L->a || !t)
		return t;
	p = own_strdup(L, t);
	free(t);
	return p;
}

#define QUOTE_MAX 60
#define LDR_STREAM_FIELDS 16 /* the top mapping's fields (roadmap_fields) */

__attribute__((format(printf, 3, 4)))
static void error_at(struct loader *L, const struct ldr_node *n, const char *fmt, ...)
{
	struct ldr_buf b = LDR_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	ldr_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	ldr_diag_add(L->diag, LDR_ERROR, n ? n->line : 0, n ? n->col : 0, "%s", b.s);
	ldr_buf_release(&b);
}

/* 'text', quoted and made safe for a message (one at a time: the loader
 * owns the answer until the next call). */
static const char *q(struct loader *L, const char *s)
{
	struct ldr_buf *b = &L->quoted;
	ldr_buf_reset(b);
	ldr_buf_addch(b, '\'');
	ldr_buf_addquoted(b, s, QUOTE_MAX);
	ldr_buf_addch(b, '\'');
	return b->s;
}

/* ---- what a record is called in messages ----------------------------- */

/* What a record is called in messages ("project 'P08'"): worked out only
 * when a message needs it, since most records have none. */
struct label {
	const struct ldr_kind *k;
	const struct ldr_node *map;
	size_t index;
	int made;
	char text[160];
};

static const struct ldr_node *map_get(const struct ldr_node *map, const char *key)
{
	size_t i;
	for (i = 0; i + 1 < map->n; i += 2)
		if (map->u.kids[i].type == LDR_NODE_SCALAR && strcmp(map->u.kids[i].u.str, key) == 0)
			return &map->u.kids[i + 1];
	return NULL;
}

static void make_label(struct label *lb, const struct ldr_kind *k, const struct ldr_node *map,
		       size_t index)
{
	lb->k = k;
	lb->map = map;
	lb->index = index;
	lb->made = 0;
}

static const char *label_text(const struct label *clb)
{
	struct label *lb = (struct label *)clb;
	struct ldr_buf b = LDR_BUF_INIT;
	const struct ldr_kind *k = lb->k;
	const struct ldr_node *v = NULL;
	size_t i;

	if (lb->made)
		return lb->text;
	lb->made = 1;
	if (k == &ldr_kind_roadmap || k == &ldr_kind_footprint) {
		snprintf(lb->text, sizeof(lb->text), "the %s", k->name);
		return lb->text;
	}
	for (i = 0; i < k->nfields && !v; i++)
		if (k->fields[i].type == LDR_F_ID || (k->fields[i].flags & LDR_FL_KEY))
			v = map_get(lb->map, k->fields[i].name);
	if (v && v->type == LDR_NODE_SCALAR && !ldr_node_is_null(v)) {
		ldr_buf_addf(&b, "%s '", k->name);
		ldr_buf_addquoted(&b, v->u.str, 40);
		ldr_buf_addch(&b, '\'');
	} else {
		ldr_buf_addf(&b, "%s #%zu", k->name, lb->index + 1);
	}
	snprintf(lb->text, sizeof(lb->text), "%s", b.s);
	ldr_buf_release(&b);
	return lb->text;
}

/* ---- scalars ---------------------------------------------------------- */

static const struct ldr_node *want_scalar(struct loader *L, const struct ldr_node *n,
					  const char *field, const struct label *lb,
					  const char *expected)
{
	if (n->type == LDR_NODE_SCALAR)
		return n;
	error_at(L, n, "'%s' of %s must be %s, not %s", field, label_text(lb), expected,
		 ldr_node_type_name(n));
	return NULL;
}

int ldr_id_valid(const char *s)
{
	size_t i, n = strlen(s);
	if (n == 0 || n > 64)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		if (!alnum && (i == 0 || (c != '_' && c != '-')))
			return 0;
	}
	return 1;
}

static int one_line(struct loader *L, const struct ldr_node *n, const char *field,
		    const struct label *lb)
{
	if (!strchr(n->u.str, '\n'))
		return 0;
	error_at(L, n, "'%s' of %s must be one line (use 'notes' or 'description' for more)",
		 field, label_text(lb));
	return -1;
}

/* Text: trailing blanks of each line and trailing line breaks carry no
 * meaning and are dropped, so that a literal block and a quoted string
 * holding the same words are the same value. */
static int parse_int(const char *s, long long *out)
{
	const char *p = s;
	long long v = 0;
	int neg = 0;

	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (!*p)
		return -1;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		if (v > (999999999999999999LL - (*p - '0')) / 10)
			return -2;
		v = v * 10 + (*p - '0');
	}
	*out = neg ? -v : v;
	return 0;
}

static void enum_expected(struct ldr_buf *b, const char *const *values)
{
	size_t i;
	for (i = 0; values[i]; i++)
		ldr_buf_addf(b, "%s%s", i ? (values[i + 1] ? ", " : " or ") : "", values[i]);
}

static int enum_index(const char *s, const char *const *values)
{
	int i;
	for (i = 0; values[i]; i++)
		if (strcmp(values[i], s) == 0)
			return i;
	return -1;
}

static int count_values(const char *const *values)
{
	int n = 0;
	while (values[n])
		n++;
	return n;
}

static void bad_enum(struct loader *L, const struct ldr_node *n, const struct ldr_field *f,
		     const struct label *lb)
{
	struct ldr_buf b = LDR_BUF_INIT;
	const char *s = ldr_suggest(n->u.str, f->values, (size_t)count_values(f->values),
				    sizeof(char *));
	enum_expected(&b, f->values);
	if (s)
		error_at(L, n, "unknown %s %s for %s (did you mean '%s'?)", f->name, q(L, n->u.str),
			 label_text(lb), s);
	else
		error_at(L, n, "unknown %s %s for %s (expected %s)", f->name, q(L, n->u.str),
			 label_text(lb), b.s);
	ldr_buf_release(&b);
}

/* ---- lists and maps of strings ------------------------------------------ */

#define SHORT_LIST 16 /* items of a list or keys of a mapping searched rather than hashed */

static void decode_strv(struct loader *L, const struct ldr_field *f, struct ldr_strv *v,
			const struct ldr_node *n, const struct label *lb)
{
	struct ldr_hash seen = LDR_HASH_INIT;
	size_t i, j;

	if (n->type != LDR_NODE_SEQ) {
		error_at(L, n, "'%s' of %s must be a list, like [%s], not %s", f->name, label_text(lb),
			 n->type == LDR_NODE_SCALAR ? n->u.str : "...", ldr_node_type_name(n));
		return;
	}
	v->v = own_calloc(L, n->n, sizeof(*v->v));
	v->pos = own_calloc(L, n->n, sizeof(*v->pos));
	for (i = 0; i < n->n; i++) {
		const struct ldr_node *it = &n->u.kids[i];
		int twice = 0;
		if (it->type != LDR_NODE_SCALAR || ldr_node_is_null(it)) {
			error_at(L, it, "each item of '%s' of %s must be %s, not %s", f->name,
				 label_text(lb), f->type == LDR_F_REFS ? "an id" : "one line of text",
				 ldr_node_type_name(it));
			continue;
		}
		if (one_line(L, it, f->name, lb))
			continue;
		/* A list of a few is searched; a long one is hashed, so that no
		 * list costs the square of its length. */
		if (n->n > SHORT_LIST)
			twice = ldr_hash_put(&seen, it->u.str, (void *)it) != NULL;
		for (j = 0; n->n <= SHORT_LIST && j < v->n && !twice; j++)
			twice = strcmp(v->v[j], it->u.str) == 0;
		if (twice) {
			error_at(L, it, "%s appears twice in '%s' of %s", q(L, it->u.str), f->name,
				 label_text(lb));
			continue;
		}
		v->pos[v->n].line = it->line;
		v->pos[v->n].col = it->col;
		v->v[v->n++] = own_value(L, it->u.str);
	}
	ldr_hash_clear(&seen);
}

static void decode_enums(struct loader *L, const struct ldr_field *f, unsigned *bits,
			 const struct ldr_node *n, const struct label *lb)
{
	size_t i;

	if (n->type != LDR_NODE_SEQ) {
		struct ldr_buf b = LDR_BUF_INIT;
		enum_expected(&b, f->values);
		error_at(L, n, "'%s' of %s must be a list of %s, not %s", f->name, label_text(lb), b.s,
			 ldr_node_type_name(n));
		ldr_buf_release(&b);
		return;
	}
	for (i = 0; i < n->n; i++) {
		const struct ldr_node *it = &n->u.kids[i];
		int k;
		if (!want_scalar(L, it, f->name, lb, "a list of names"))
			continue;
		k = enum_index(it->u.str, f->values);
		if (k < 0)
			bad_enum(L, it, f, lb);
		else if (*bits & (1u << k))
			error_at(L, it, "%s appears twice in '%s' of %s", q(L, it->u.str), f->name,
				 label_text(lb));
		else
			*bits |= 1u << k;
	}
}

static int check_keys(struct loader *L, const struct ldr_node *map, const struct label *lb);

static void decode_map(struct loader *L, const struct ldr_kind *k, const struct ldr_field *f,
		       struct ldr_map *m, const struct ldr_node *n, const struct label *lb)
{
	size_t i;

	if (n->type != LDR_NODE_MAP) {
		error_at(L, n, "'%s' of %s must be a mapping of %s, not %s", f->name, label_text(lb),
			 f->type == LDR_F_DERIVED ? "field names to reasons" : "names to values",
			 ldr_node_type_name(n));
		return;
	}
	if (check_keys(L, n, lb))
		return;
	m->v = own_calloc(L, n->n / 2, sizeof(*m->v));
	for (i = 0; i + 1 < n->n; i += 2) {
		const struct ldr_node *key = &n->u.kids[i], *val = &n->u.kids[i + 1];
		struct ldr_kv *kv;
		char *reason = NULL;

		if (one_line(L, key, f->name, lb))
			continue;
		if (val->type != LDR_NODE_SCALAR) {
			error_at(L, val, "%s in '%s' of %s must be one value, not %s",
				 q(L, key->u.str), f->name, label_text(lb), ldr_node_type_name(val));
			continue;
		}
		if (f->type == LDR_F_DERIVED) {
			int fi = ldr_kind_field(k, key->u.str);
			if (fi < 0 || k->fields[fi].type == LDR_F_ID || k->fields[fi].type == LDR_F_DERIVED) {
				const char *s = ldr_suggest(key->u.str, k->fields, k->nfields,
							    sizeof(*k->fields));
				error_at(L, key, "'derived' of %s names %s, which is not one of its fields%s%s%s",
					 label_text(lb), q(L, key->u.str), s ? " (did you mean '" : "",
					 s ? s : "", s ? "'?)" : "");
				continue;
			}
			reason = ldr_node_is_null(val) ? NULL : own_text(L, val->u.str);
			if (!reason) {
				error_at(L, val, "'derived' of %s must give the reason %s was derived",
					 label_text(lb), q(L, key->u.str));
				continue;
			}
		} else if (one_line(L, val, key->u.str, lb)) {
			continue;
		}
		kv = &m->v[m->n++];
		kv->key = own_value(L, key->u.str);
		/* A reason is text, normalised as text fields are; an attribute is one line. */
		kv->value = reason ? reason : own_value(L, ldr_node_is_null(val) ? "" : val->u.str);
		kv->pos.line = key->line;
		kv->pos.col = key->col;
	}
	ldr_map_sort(m, k, f);
}

/* ---- records ------------------------------------------------------------ */

static void decode_record(struct loader *L, const struct ldr_kind *k, void *rec,
			  const struct ldr_node *map, size_t index);

/* Keys must be plain names, each once. Returns the number of problems. */
static int check_keys(struct loader *L, const struct ldr_node *map, const struct label *lb)
{
	struct ldr_hash seen = LDR_HASH_INIT;
	int bad = 0;
	size_t i, j;

	for (i = 0; i + 1 < map->n; i += 2) {
		const struct ldr_node *key = &map->u.kids[i];
		const struct ldr_node *first = NULL;

		if (key->type != LDR_NODE_SCALAR) {
			error_at(L, key, "a key in %s is %s: keys must be names", label_text(lb),
				 ldr_node_type_name(key));
			bad++;
			continue;
		}
		if (map->n > 32) {
			struct ldr_hash_entry *e = ldr_hash_put(&seen, key->u.str, (void *)key);
			first = e ? e->value : NULL;
		} else {
			for (j = 0; j < i && !first; j += 2)
				if (map->u.kids[j].type == LDR_NODE_SCALAR &&
				    strcmp(map->u.kids[j].u.str, key->u.str) == 0)
					first = &map->u.kids[j];
		}
		if (first) {
			error_at(L, key, "duplicate key %s in %s (first at %u:%u)", q(L, key->u.str),
				 label_text(lb), first->line, first->col);
			bad++;
		}
	}
	ldr_hash_clear(&seen);
	return bad;
}

static void decode_list(struct loader *L, const struct ldr_field *f, struct ldr_list *l,
			const struct ldr_node *n, const struct label *lb)
{
	const struct ldr_kind *k = f->kind;
	struct ldr_hash keys = LDR_HASH_INIT;
	char buf[LDR_TIME_STR_MAX];
	size_t i;
	int keyed = 0;

	if (n->type != LDR_NODE_SEQ) {
		error_at(L, n, "'%s' of %s must be a list of %s records, not %s", f->name, label_text(lb),
			 k->name, ldr_node_type_name(n));
		return;
	}
	for (i = 0; i < k->nfields; i++)
		keyed |= (k->fields[i].flags & LDR_FL_KEY) != 0;
	for (i = 0; i < n->n; i++) {
		const struct ldr_node *it = &n->u.kids[i];
		void *rec;
		const char *key;

		if (it->type == LDR_NODE_TAKEN)
			continue; /* decoded as it was read (take_item) */
		if (it->type != LDR_NODE_MAP) {
			error_at(L, it, "each item of '%s' must be a %s record (a mapping), not %s",
				 f->name, k->name, ldr_node_type_name(it));
			continue;
		}
		rec = ldr_list_push(l, k);
		decode_record(L, k, rec, it, i);
		key = keyed ? ldr_rec_key(k, rec, buf, sizeof(buf)) : NULL;
		if (key && *key) {
			char *copy = ldr_strdup(key);
			struct ldr_hash_entry *e = ldr_hash_put(&keys, copy, (void *)it);
			if (e) {
				const struct ldr_node *first = e->value;
				error_at(L, it, "%s '%s' appears twice in %s (first at %u:%u)", k->name,
					 key, label_text(lb), first->line, first->col);
				free(copy);
			}
		}
	}
	for (i = 0; i < keys.cap; i++)
		free((char *)keys.v[i].key);
	ldr_hash_clear(&keys);
}

static void decode_id(struct loader *L, const struct ldr_kind *k, const struct ldr_field *f, void *p,
		      const struct ldr_node *n, const struct label *lb)
{
	if (!want_scalar(L, n, f->name, lb, "an id"))
		return;
	if (!ldr_id_valid(n->u.str)) {
		error_at(L, n, "invalid id %s for a %s: ids are 1 to 64 letters, digits, '_' "
			 "and '-', starting with a letter or digit", q(L, n->u.str), k->name);
		return;
	}
	*(char **)p = own_strdup(L, n->u.str);
}

/* One line of text, or an id that refers to a record. */
static void decode_str(struct loader *L, const struct ldr_field *f, void *p, const struct ldr_node *n,
		       const struct label *lb)
{
	if (!want_scalar(L, n, f->name, lb, f->type == LDR_F_REF ? "an id" : "one line of text") ||
	    one_line(L, n, f->name, lb))
		return;
	if (*n->u.str)
		*(char **)p = own_value(L, n->u.str);
}

static void decode_enum(struct loader *L, const struct ldr_field *f, void *p, const struct ldr_node *n,
			const struct label *lb)
{
	int i;
	if (!want_scalar(L, n, f->name, lb, "a name"))
		return;
	i = enum_index(n->u.str, f->values);
	if (i < 0)
		bad_enum(L, n, f, lb);
	else
		*(int *)p = i + 1;
}

static void decode_time(struct loader *L, const struct ldr_field *f, void *p, const struct ldr_node *n,
			const struct label *lb)
{
	char err[256];
	if (!want_scalar(L, n, f->name, lb, "a time, like 16/17"))
		return;
	if (ldr_time_parse(p, n->u.str, f->time_kinds, err, sizeof(err)) < 0)
		error_at(L, n, "invalid '%s' of %s: %s", f->name, label_text(lb), err);
}

static void decode_bool(struct loader *L, const struct ldr_field *f, void *p, const struct ldr_node *n,
			const struct label *lb)
{
	const char *s;
	if (!want_scalar(L, n, f->name, lb, "true or false"))
		return;
	s = n->u.str;
	if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE"))
		*(int *)p = 1;
	else if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE"))
		*(int *)p = 0;
	else
		error_at(L, n, "'%s' of %s must be true or false, not %s", f->name, label_text(lb), q(L, s));
}

static void decode_int(struct loader *L, const struct ldr_field *f, void *p, const struct ldr_node *n,
		       const struct label *lb)
{
	struct ldr_int *v = p;
	long long x = 0;
	int r;
	if (!want_scalar(L, n, f->name, lb, "a whole number"))
		return;
	r = parse_int(n->u.str, &x);
	if (r == -1)
		error_at(L, n, "'%s' of %s must be a whole number, not %s", f->name, label_text(lb),
			 q(L, n->u.str));
	else if (r == -2 || x < f->min || x > f->max)
		error_at(L, n, "'%s' of %s is out of range: %s is not %lld to %lld", f->name,
			 label_text(lb), q(L, n->u.str), f->min, f->max);
	else
		v->v = x, v->set = 1;
}

static void decode_field(struct loader *L, const struct ldr_kind *k, const struct ldr_field *f,
			 void *rec, const struct ldr_node *n, const struct label *lb)
{
	void *p = LDR_FIELD(rec, f);

	switch (f->type) {
	case LDR_F_ID:
		decode_id(L, k, f, p, n, lb);
		return;
	case LDR_F_STR:
	case LDR_F_REF:
		decode_str(L, f, p, n, lb);
		return;
	case LDR_F_TEXT:
		if (want_scalar(L, n, f->name, lb, "text"))
			*(char **)p = own_text(L, n->u.str);
		return;
	case LDR_F_REFS:
	case LDR_F_STRS:
		decode_strv(L, f, p, n, lb);
		return;
	case LDR_F_ENUM:
		decode_enum(L, f, p, n, lb);
		return;
	case LDR_F_ENUMS:
		decode_enums(L, f, p, n, lb);
		return;
	case LDR_F_TIME:
		decode_time(L, f, p, n, lb);
		return;
	case LDR_F_BOOL:
		decode_bool(L, f, p, n, lb);
		return;
	case LDR_F_INT:
		decode_int(L, f, p, n, lb);
		return;
	case LDR_F_ATTRS:
	case LDR_F_DERIVED:
		decode_map(L, k, f, p, n, lb);
		return;
	case LDR_F_LIST:
		decode_list(L, f, p, n, lb);
		return;
	case LDR_F_RECORD:
		if (n->type != LDR_NODE_MAP)
			error_at(L, n, "'%s' must be a mapping, not %s", f->name, ldr_node_type_name(n));
		else
			decode_record(L, f->kind, p, n, 0);
		return;
	}
}

static void unknown_key(struct loader *L, const struct ldr_kind *k, const struct ldr_node *key,
			const struct label *lb)
{
	const char *s = ldr_suggest(key->u.str, k->fields, k->nfields, sizeof(*k->fields));
	if (s)
		error_at(L, key, "unknown key %s in %s (did you mean '%s'?)", q(L, key->u.str),
			 label_text(lb), s);
	else
		error_at(L, key, "unknown key %s in %s", q(L, key->u.str), label_text(lb));
}

/* The field called name. Files in canonical form list a record's fields in
 * the schema's order, so the search starts after the last field found: it
 * passes over only the fields the record leaves out. -1 if none. */
static int find_field(const struct ldr_kind *k, const char *name, int last)
{
	size_t i, n = k->nfields, start = (size_t)(last + 1);

	for (i = 0; i < n; i++) {
		size_t f = (start + i) % n;
		if (strcmp(k->fields[f].name, name) == 0)
			return (int)f;
	}
	return -1;
}

/* An earlier key of the mapping with the same name as the key at i, or
 * NULL: for the keys that name no field, which are rare. */
static const struct ldr_node *earlier_key(const struct ldr_node *map, size_t i)
{
	size_t j;
	for (j = 0; j < i; j += 2)
		if (map->u.kids[j].type == LDR_NODE_SCALAR &&
		    strcmp(map->u.kids[j].u.str, map->u.kids[i].u.str) == 0)
			return &map->u.kids[j];
	return NULL;
}

static void duplicate_key(struct loader *L, const struct ldr_node *key, const struct ldr_node *first,
			  const struct label *lb)
{
	error_at(L, key, "duplicate key %s in %s (first at %u:%u)", q(L, key->u.str), label_text(lb),
		 first->line, first->col);
}

static void decode_record(struct loader *L, const struct ldr_kind *k, void *rec,
			  const struct ldr_node *map, size_t index)
{
	struct ldr_rec *r = rec;
	struct label lb;
	unsigned char seen[64] = { 0 }, empty[64] = { 0 };
	size_t first[64]; /* the key that set seen[], by field */
	size_t i;
	int last = -1;

	make_label(&lb, k, map, index);
	r->pos.line = map->line;
	r->pos.col = map->col;
	r->fpos = own_calloc(L, map->n / 2, sizeof(*r->fpos));
	for (i = 0; i + 1 < map->n; i += 2) {
		const struct ldr_node *key = &map->u.kids[i], *val = &map->u.kids[i + 1], *dup;
		struct ldr_pos pos;
		int fi;

		if (key->type != LDR_NODE_SCALAR) {
			error_at(L, key, "a key in %s is %s: keys must be names", label_text(&lb),
				 ldr_node_type_name(key));
			continue;
		}
		fi = find_field(k, key->u.str, last);
		if (fi < 0) {
			if ((dup = earlier_key(map, i)) != NULL)
				duplicate_key(L, key, dup, &lb);
			unknown_key(L, k, key, &lb);
			continue;
		}
		last = fi;
		if (seen[fi]++) {
			duplicate_key(L, key, &map->u.kids[first[fi]], &lb);
			continue;
		}
		first[fi] = i;
		empty[fi] = ldr_node_is_null(val) || (val->type == LDR_NODE_SCALAR && val->n == 0);
		pos.line = empty[fi] ? key->line : val->line;
		pos.col = empty[fi] ? key->col : val->col;
		r->fpos[r->nfpos].field = (unsigned)fi; /* each field once: seen[] */
		r->fpos[r->nfpos++].pos = pos;
		if (!empty[fi])
			decode_field(L, k, &k->fields[fi], rec, val, &lb);
	}
	for (i = 0; i < k->nfields; i++) {
		const struct ldr_field *f = &k->fields[i];
		struct ldr_node at;

		int present = f->type == LDR_F_RECORD ? seen[i] && !empty[i] : ldr_field_present(f, rec);

		if (!(f->flags & LDR_FL_REQUIRED) || present)
			continue;
		memset(&at, 0, sizeof(at));
		at.line = ldr_rec_field_pos(rec, (unsigned)i).line;
		at.col = ldr_rec_field_pos(rec, (unsigned)i).col;
		if (!seen[i])
			error_at(L, map, "missing '%s' in %s", f->name, label_text(&lb));
		else if (empty[i] && f->type == LDR_F_RECORD)
			error_at(L, &at, "'%s' must not be empty", f->name);
		else if (empty[i])
			error_at(L, &at, "'%s' of %s must not be empty", f->name, label_text(&lb));
		/* else: present but invalid, and already reported */
	}
}

/* ---- ids across the roadmap -------------------------------------------- */

struct id_check {
	struct loader *L;
	struct ldr_hash ids;
};

static int check_id(const struct ldr_kind *k, void *rec, const struct ldr_kind *pk, void *parent,
		    void *payload)
{
	struct id_check *c = payload;
	const char *id = ldr_rec_id(k, rec);
	const struct ldr_national_group *g;
	struct ldr_hash_entry *e;
	struct ldr_node at;

	(void)pk;
	(void)parent;
	if (!id)
		return 0;
	memset(&at, 0, sizeof(at));
	at.line = ldr_rec_field_pos(rec, 0).line;
	at.col = ldr_rec_field_pos(rec, 0).col;
	if (k == &ldr_kind_uc) {
		if (!ldr_national_uc(id)) {
			error_at(c->L, &at, "unknown universal capability %s (expected UC01 to UC10)", q(c->L, id));
			return 0;
		}
	} else if (ldr_national_uc(id)) {
		error_at(c->L, &at, "id %s of a %s is the universal capability's: choose another",
			 q(c->L, id), k->name);
		return 0;
	}
	if (k == &ldr_kind_response) {
		if (!ldr_requirement(id)) {
			error_at(c->L, &at, "unknown checklist requirement %s (expected CL01 to CL%02d)",
				 q(c->L, id), LDR_CHECKLIST_SIZE);
			return 0;
		}
	} else if (ldr_requirement(id)) {
		error_at(c->L, &at, "id %s of a %s is the checklist requirement's: choose another",
			 q(c->L, id), k->name);
		return 0;
	}
	if ((g = ldr_national_group(id)) != NULL) {
		error_at(c->L, &at, "id %s of a %s is the national group '%s': choose another", q(c->L, id),
			 k->name, g->name);
		return 0;
	}
	e = ldr_hash_put(&c->ids, id, rec);
	if (e) {
		struct ldr_pos first = ldr_rec_field_pos(e->value, 0);
		error_at(c->L, &at, "duplicate id %s (first used at %u:%u)", q(c->L, id), first.line,
			 first.col);
	}
	return 0;
}

/* ---- the whole file ----------------------------------------------------- */

static int check_format(struct loader *L, const struct ldr_node *root)
{
	const struct ldr_node *v = map_get(root, "ldr");
	if (!v || v->type != LDR_NODE_SCALAR) {
		error_at(L, v ? v : root, "missing 'ldr: 1' at the top: is this a roadmap file?");
		return -1;
	}
	if (strcmp(v->u.str, "1") != 0) {
		struct ldr_buf b = LDR_BUF_INIT;
		ldr_buf_addquoted(&b, v->u.str, QUOTE_MAX);
		error_at(L, v, "unsupported format 'ldr: %s': this ldr reads format 1", b.s);
		ldr_buf_release(&b);
		return -1;
	}
	return 0;
}

/* ---- records decoded as they are read ----------------------------------- */

/* The records of the top lists (capabilities, projects...) are decoded as
 * soon as the reader has each, and their nodes freed: the file is never
 * held as a tree all at once, which would take several times its size. A
 * file that does not begin as a roadmap does ('ldr: 1' first), and so does
 * a list under a key given twice: the whole-file path reports them. */
struct stream {
	struct loader *L;
	struct ldr_roadmap *rm;
	int format; /* 'ldr: 1' is at the top: 1; something else: -1; not yet: 0 */
	struct ldr_pos list[LDR_STREAM_FIELDS]; /* where each top list's items came from */
};

static int format_first(struct stream *s, const struct ldr_yaml_item *it)
{
	size_t i;

	for (i = 0; !s->format && i + 1 < it->ntop; i += 2) {
		const struct ldr_node *k = &it->top[i], *v = &it->top[i + 1];
		if (k->type == LDR_NODE_SCALAR && strcmp(k->u.str, "ldr") == 0)
			s->format = v->type == LDR_NODE_SCALAR && strcmp(v->u.str, "1") == 0 ? 1 : -1;
	}
	return s->format == 1;
}

static int keyed(const struct ldr_kind *k)
{
	size_t i;
	for (i = 0; i < k->nfields; i++)
		if (k->fields[i].flags & LDR_FL_KEY)
			return 1;
	return 0;
}

static int take_item(const struct ldr_yaml_item *it, void *payload)
{
	struct stream *s = payload;
	const struct ldr_kind *rk = &ldr_kind_roadmap;
	const struct ldr_field *f;
	struct ldr_pos *at;
	int fi;

	if (!format_first(s, it) || (fi = ldr_kind_field(rk, it->key->u.str)) < 0 ||
	    (size_t)fi >= LDR_STREAM_FIELDS)
		return 0;
	f = &rk->fields[fi];
	at = &s->list[fi];
	if (f->type != LDR_F_LIST || keyed(f->kind) ||
	    (at->line && (at->line != it->list_line || at->col != it->list_col)))
		return 0;
	at->line = it->list_line;
	at->col = it->list_col;
	decode_record(s->L, f->kind, ldr_list_push(LDR_FIELD(s->rm, f), f->kind), it->item, it->index);
	return 1;
}

/* Whether every line ends in CR LF (and there is one): the file came from
 * Windows, and is written back so. A file mixing the two is written with
 * LF, as vim does. */
static int all_crlf(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len;
	int lines = 0;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		if (p == buf || p[-1] != '\r')
			return 0;
		lines++;
		p++;
	}
	return lines > 0;
}

/* The line after the one at p (or end). */
static const char *next_line(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	return nl ? nl + 1 : end;
}

/* Whether the line at p is a marker of git's: seven c, then a space or
 * the line's end. */
static int marker(const char *p, const char *end, char c)
{
	int i;

	for (i = 0; i < 7; i++)
		if (p + i >= end || p[i] != c)
			return 0;
	return p + 7 == end || p[7] == ' ' || p[7] == '\n' || p[7] == '\r';
}

/* A file git left in conflict ("<<<<<<<", "=======", ">>>>>>>" at the
 * start of lines, in that order) is not YAML: say what it is, at the first
 * marker, rather than what the YAML reader would make of it. */
static int conflict_markers(const char *buf, size_t len, struct ldr_diag *diag)
{
	const char *p = buf, *end = buf + len;
	unsigned line = 1, first = 0;
	int stage = 0;

	for (; p < end && stage < 3; p = next_line(p, end), line++) {
		if (stage == 0 && marker(p, end, '<'))
			stage = 1, first = line;
		else if (stage == 1 && marker(p, end, '='))
			stage = 2;
		else if (stage == 2 && marker(p, end, '>'))
			stage = 3;
	}
	if (stage < 3)
		return 0;
	ldr_diag_add(diag, LDR_ERROR, first, 1, "unresolved merge conflict (git's markers, lines %u to %u): "
		     "run 'ldr setup', then 'git checkout -m' on this file, to merge it field by field; or "
		     "edit it", first, line - 1);
	return 1;
}

/* From the parsed document to the roadmap (its top lists decoded as they
 * were read, take_item): every problem in L's diag. */
static void decode_doc(struct loader *L, struct ldr_roadmap *rm, const struct ldr_doc *doc)
{
	struct ldr_diag *diag = L->diag;
	struct id_check ic;

	if (doc->empty) {
		ldr_diag_add(diag, LDR_ERROR, 1, 1, "empty file: expected 'ldr: 1' and a footprint");
		return;
	}
	if (doc->root.type != LDR_NODE_MAP) {
		error_at(L, &doc->root, "expected a mapping at the top of the file ('ldr: 1', "
			 "'footprint:', ...), found %s", ldr_node_type_name(&doc->root));
		return;
	}
	if (check_format(L, &doc->root) < 0)
		return;
	decode_record(L, &ldr_kind_roadmap, rm, &doc->root, 0);
	memset(&ic, 0, sizeof(ic));
	ic.L = L;
	ldr_walk(&ldr_kind_roadmap, rm, check_id, &ic);
	ldr_hash_clear(&ic.ids);
	if (doc->comments)
		ldr_diag_add(diag, LDR_WARNING, doc->comment_line, doc->comment_col,
			     "%u comment%s in this file: comments are not kept, a save drops them "
			     "(use 'notes' fields instead)", doc->comments, doc->comments == 1 ? "" : "s");
	if (rm->conflicts.len) {
		const struct ldr_rec *first = rm->conflicts.items;
		ldr_diag_add(diag, LDR_WARNING, first->pos.line, first->pos.col,
			     "%zu merge conflict%s not resolved: each record holds ours until it is "
			     "('ldr check' lists them)", rm->conflicts.len,
			     rm->conflicts.len == 1 ? "" : "s");
	}
}

int ldr_roadmap_read(struct ldr_roadmap *rm, const char *buf, size_t len, struct ldr_diag *diag)
{
	struct loader L = { diag, LDR_BUF_INIT, NULL, LDR_HASH_INIT };
	struct stream stream;
	struct ldr_doc doc;
	size_t errors = diag->errors;

	ldr_roadmap_init(rm);
	memset(&stream, 0, sizeof(stream));
	stream.L = &L;
	stream.rm = rm;
	memset(&doc, 0, sizeof(doc));
	if (!conflict_markers(buf, len, diag) &&
	    ldr_yaml_parse_items(&doc, buf, len, diag, take_item, &stream) == 0) {
		decode_doc(&L, rm, &doc);
		rm->rec.crlf = all_crlf(buf, len);
	}
	ldr_doc_release(&doc);
	ldr_buf_release(&L.quoted);
	return diag->errors > errors ? -1 : 0;
}

/* ---- from a file, not held whole ---------------------------------------- */

/* What the reader of a file sees as it hands libyaml the text. */
struct feed {
	int fd;
	size_t total;
	size_t lt;   /* how many '<' end the text read so far */
};

/* Whether the bytes read hold seven '<' in a row, with those before. */
static int seven_lt(struct feed *f, const unsigned char *s, size_t n)
{
	const unsigned char *p = s, *q, *end = s + n;
	size_t run = f->lt;

	while (p < end) {
		q = memchr(p, '<', (size_t)(end - p));
		if (q != p)
			run = 0;
		if (!q)
			break;
		for (; q < end && *q == '<'; q++)
			if (++run >= 7)
				return 1;
		p = q;
	}
	f->lt = run;
	return 0;
}

/* Whether the bytes read need the text whole: a mark at the start (a
 * byte-order mark, UTF-16 or UTF-32), a CR (line ends written back as
 * they were), a '#' (a comment, whose place only the text gives), git's
 * conflict markers (said before the YAML's errors). */
static int needs_whole(struct feed *f, const unsigned char *s, size_t n)
{
	if (f->total == 0 && n && (s[0] == 0xEF || s[0] == 0xFE || s[0] == 0xFF || s[0] == 0))
		return 1;
	return memchr(s, '#', n) || memchr(s, '\r', n) || seven_lt(f, s, n);
}

static int feed_read(void *ctx, unsigned char *buf, size_t size, size_t *got)
{
	struct feed *f = ctx;
	ssize_t n;

	do
		n = read(f->fd, buf, size);
	while (n < 0 && errno == EINTR);
	if (n < 0 || f->total + (size_t)n > LDR_MAX_FILE || needs_whole(f, buf, (size_t)n))
		return 0; /* read again, whole: its error, or what needs the text */
	f->total += (size_t)n;
	*got = (size_t)n;
	return 1;
}

int ldr_roadmap_read_fd(struct ldr_roadmap *rm, int fd, unsigned flags, struct ldr_diag *diag)
{
	struct loader L = { diag, LDR_BUF_INIT, NULL, LDR_HASH_INIT };
	struct stream stream;
	struct ldr_doc doc;
	struct feed feed;
	size_t errors = diag->errors;
	int r;

	ldr_roadmap_init(rm);
	if (flags & LDR_LOAD_FROZEN) {
		/* Set first: a roadmap released half-read is released as frozen. */
		rm->frozen = L.a = ldr_calloc(1, sizeof(*L.a));
	}
	memset(&stream, 0, sizeof(stream));
	stream.L = &L;
	stream.rm = rm;
	memset(&feed, 0, sizeof(feed));
	feed.fd = fd;
	r = ldr_yaml_parse_stream(&doc, feed_read, &feed, diag, take_item, &stream);
	if (r == 0)
		decode_doc(&L, rm, &doc);
	ldr_doc_release(&doc);
	ldr_buf_release(&L.quoted);
	ldr_hash_clear(&L.shared);
	if (r < 0)
		return 1;
	return diag->errors > errors ? -1 : 0;
}

/* ---- one field, from elsewhere than a file ------------------------------- */

int ldr_field_decode(const struct ldr_kind *k, const struct ldr_field *f, void *rec,
		     const struct ldr_node *value, const char *label, struct ldr_diag *diag)
{
	struct loader L;
	struct label lb;
	size_t errors = diag->errors;

	memset(&L, 0, sizeof(L));
	L.diag = diag;
	memset(&lb, 0, sizeof(lb));
	lb.k = k;
	lb.made = 1; /* the label is given, not worked out from a node */
	snprintf(lb.text, sizeof(lb.text), "%s", label);
	decode_field(&L, k, f, rec, value, &lb);
	ldr_buf_release(&L.quoted);
	return diag->errors > errors ? -1 : 0;
}
