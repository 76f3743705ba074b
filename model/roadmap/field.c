#include "field.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/diag.h"
#include "national.h"
#include "node.h"

static void format_strv(struct ldr_buf *b, const struct ldr_strv *v)
{
	size_t i;
	ldr_buf_addch(b, '[');
	for (i = 0; i < v->n; i++)
		ldr_buf_addf(b, "%s%s", i ? ", " : "", v->v[i]);
	ldr_buf_addch(b, ']');
}

int ldr_field_format(struct ldr_buf *b, const struct ldr_field *f, const void *rec)
{
	const void *p = LDR_CFIELD(rec, f);
	char buf[LDR_TIME_STR_MAX];
	size_t i;

	if (!ldr_field_present(f, rec))
		return 0;
	switch (f->type) {
	case LDR_F_ID: case LDR_F_STR: case LDR_F_TEXT: case LDR_F_REF:
		ldr_buf_addstr(b, *(char *const *)p);
		break;
	case LDR_F_REFS: case LDR_F_STRS:
		format_strv(b, p);
		break;
	case LDR_F_ENUM:
		ldr_buf_addstr(b, f->values[*(const int *)p - 1]);
		break;
	case LDR_F_ENUMS: {
		unsigned bits = *(const unsigned *)p;
		int first = 1;
		ldr_buf_addch(b, '[');
		for (i = 0; f->values[i]; i++)
			if (bits & (1u << i)) {
				ldr_buf_addf(b, "%s%s", first ? "" : ", ", f->values[i]);
				first = 0;
			}
		ldr_buf_addch(b, ']');
		break;
	}
	case LDR_F_TIME:
		ldr_buf_addstr(b, ldr_time_format(p, buf));
		break;
	case LDR_F_BOOL:
		ldr_buf_addstr(b, *(const int *)p ? "true" : "false");
		break;
	case LDR_F_INT:
		ldr_buf_addf(b, "%lld", ((const struct ldr_int *)p)->v);
		break;
	case LDR_F_ATTRS: case LDR_F_DERIVED: {
		const struct ldr_map *m = p;
		ldr_buf_addch(b, '{');
		for (i = 0; i < m->n; i++)
			ldr_buf_addf(b, "%s%s: %s", i ? ", " : "", m->v[i].key,
				     m->v[i].value ? m->v[i].value : "");
		ldr_buf_addch(b, '}');
		break;
	}
	case LDR_F_LIST: {
		size_t n = ((const struct ldr_list *)p)->len;
		ldr_buf_addf(b, "(%zu %s record%s)", n, f->kind->name, n == 1 ? "" : "s");
		break;
	}
	case LDR_F_RECORD:
		ldr_buf_addf(b, "(the %s)", f->kind->name);
		break;
	}
	return 1;
}

char *ldr_field_text(const struct ldr_field *f, const void *rec)
{
	struct ldr_buf b = LDR_BUF_INIT;
	if (!rec || !ldr_field_format(&b, f, rec))
		return NULL;
	return ldr_buf_detach(&b);
}

static const char *str_field(const struct ldr_kind *k, const void *rec, const char *name)
{
	int i = ldr_kind_field(k, name);
	if (i < 0 || (k->fields[i].type != LDR_F_STR && k->fields[i].type != LDR_F_TEXT &&
		      k->fields[i].type != LDR_F_REF))
		return NULL;
	return *(char *const *)LDR_CFIELD(rec, &k->fields[i]);
}

const char *ldr_rec_title(const struct ldr_kind *k, const void *rec, struct ldr_buf *b)
{
	static const char *const names[] = { "name", "title", "what", "factor", "source", "provider" };
	size_t i;

	ldr_buf_reset(b);
	if (k == &ldr_kind_capability) {
		const struct ldr_capability *c = rec;
		ldr_buf_addf(b, "%s: %s", c->who ? c->who : "", c->what ? c->what : "");
		return b->s;
	}
	if (k == &ldr_kind_uc) {
		const struct ldr_uc_def *d = ldr_national_uc(((const struct ldr_uc *)rec)->id);
		if (d)
			ldr_buf_addstr(b, d->title);
		return d ? b->s : NULL;
	}
	for (i = 0; i < LDR_ARRAY_SIZE(names); i++) {
		const char *s = str_field(k, rec, names[i]);
		if (s) {
			ldr_buf_addstr(b, s);
			return b->s;
		}
	}
	return NULL;
}

void ldr_rec_label(struct ldr_buf *b, const struct ldr_kind *k, const void *rec)
{
	char buf[LDR_TIME_STR_MAX];
	const char *id = ldr_rec_id(k, rec);

	if (k == &ldr_kind_footprint || k == &ldr_kind_roadmap) {
		ldr_buf_addf(b, "the %s", k->name);
		return;
	}
	if (!id)
		id = ldr_rec_key(k, rec, buf, sizeof(buf));
	ldr_buf_addf(b, "%s '", k->name);
	ldr_buf_addquoted(b, id ? id : "?", 40);
	ldr_buf_addch(b, '\'');
}

/* ---- setting ------------------------------------------------------------ */

static struct ldr_node scalar(struct ldr_arena *a, const char *s, size_t n, int style)
{
	struct ldr_node node;
	memset(&node, 0, sizeof(node));
	node.type = LDR_NODE_SCALAR;
	node.style = (unsigned char)style;
	node.n = (unsigned)n; /* a value typed in: far below the 32 bits of a node */
	node.u.str = ldr_arena_alloc(a, n + 1);
	memcpy(node.u.str, s, n);
	node.u.str[n] = '\0';
	return node;
}

static int blank(char c)
{
	return c == ' ' || c == '\t';
}

/* "[a, b]", "a,b": a sequence of plain scalars ("[]": none). */
static struct ldr_node sequence(struct ldr_arena *a, const char *s)
{
	struct ldr_node node;
	size_t len = strlen(s), n = 0, cap = 1;
	const char *p, *end;

	while (len && blank(s[len - 1]))
		len--;
	while (len && blank(*s))
		s++, len--;
	if (len && s[0] == '[')
		s++, len--;
	if (len && s[len - 1] == ']')
		len--;
	while (len && blank(s[len - 1]))
		len--;
	if (len && s[len - 1] == ',') /* "P03," as [P03] */
		len--;
	end = s + len;
	for (p = s; p < end; p++)
		cap += *p == ',';
	memset(&node, 0, sizeof(node));
	node.type = LDR_NODE_SEQ;
	node.u.kids = ldr_arena_alloc(a, cap * sizeof(*node.u.kids));
	for (p = s; p < end && blank(*p); p++)
		;
	if (p == end) /* nothing but blanks */
		return node;
	for (p = s;;) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *q = comma ? comma : end;
		while (p < q && blank(*p))
			p++;
		while (q > p && blank(q[-1]))
			q--;
		node.u.kids[n++] = scalar(a, p, (size_t)(q - p), LDR_NODE_PLAIN);
		if (!comma)
			break;
		p = comma + 1;
	}
	node.n = (unsigned)n;
	return node;
}

/* The mapping with key set to value (removed when value is empty). */
static struct ldr_node mapping(struct ldr_arena *a, const struct ldr_map *m, const char *key,
			       const char *value)
{
	struct ldr_node node;
	size_t i, n = 0;

	memset(&node, 0, sizeof(node));
	node.type = LDR_NODE_MAP;
	node.u.kids = ldr_arena_alloc(a, 2 * (m->n + 1) * sizeof(*node.u.kids));
	for (i = 0; i < m->n; i++) {
		const char *v = m->v[i].value ? m->v[i].value : "";
		if (strcmp(m->v[i].key, key) == 0)
			continue;
		node.u.kids[n++] = scalar(a, m->v[i].key, strlen(m->v[i].key), LDR_NODE_QUOTED);
		node.u.kids[n++] = scalar(a, v, strlen(v), LDR_NODE_QUOTED);
	}
	if (*value) {
		node.u.kids[n++] = scalar(a, key, strlen(key), LDR_NODE_QUOTED);
		node.u.kids[n++] = scalar(a, value, strlen(value), LDR_NODE_QUOTED);
	}
	node.n = n;
	return node;
}

static size_t value_size(const struct ldr_field *f)
{
	switch (f->type) {
	case LDR_F_ID: case LDR_F_STR: case LDR_F_TEXT: case LDR_F_REF:
		return sizeof(char *);
	case LDR_F_REFS: case LDR_F_STRS:
		return sizeof(struct ldr_strv);
	case LDR_F_ATTRS: case LDR_F_DERIVED:
		return sizeof(struct ldr_map);
	case LDR_F_ENUM: case LDR_F_BOOL:
		return sizeof(int);
	case LDR_F_ENUMS:
		return sizeof(unsigned);
	case LDR_F_TIME:
		return sizeof(struct ldr_time);
	case LDR_F_INT:
		return sizeof(struct ldr_int);
	default:
		return 0;
	}
}

static int refuse(struct ldr_buf *err, const struct ldr_kind *k, const void *rec,
		  const struct ldr_field *f, const char *why)
{
	ldr_buf_addf(err, "'%s' of ", f->name);
	ldr_rec_label(err, k, rec);
	ldr_buf_addf(err, " %s", why);
	return -1;
}

/* What the file would refuse in a value, as its reader does: bytes that
 * are not UTF-8, and control characters but tab and newline. NULL if
 * none; else the reason, in buf. */
static const char *text_problem(const char *s, char *buf, size_t n)
{
	size_t i = 0, len = strlen(s);

	while (i < len) {
		unsigned cp;
		size_t step = ldr_utf8_decode(s + i, len - i, &cp);
		if (!step)
			return "is not valid UTF-8";
		if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
			snprintf(buf, n, "holds the control character U+%04X: only tab and newline are allowed", cp);
			return buf;
		}
		i += step;
	}
	return NULL;
}

int ldr_derived_forget(const struct ldr_kind *k, void *rec, const char *field)
{
	int fi = ldr_kind_field(k, "derived");
	struct ldr_map *m;
	size_t i;

	if (fi < 0 || k->fields[fi].type != LDR_F_DERIVED)
		return 0;
	m = LDR_FIELD(rec, &k->fields[fi]);
	for (i = 0; i < m->n; i++)
		if (!strcmp(m->v[i].key, field)) {
			free(m->v[i].key);
			free(m->v[i].value);
			memmove(&m->v[i], &m->v[i + 1], (m->n - i - 1) * sizeof(*m->v));
			m->n--;
			return 1;
		}
	return 0;
}

int ldr_field_set(const struct ldr_kind *k, void *rec, const struct ldr_field *f, const char *key,
		  const char *value, struct ldr_buf *err)
{
	struct ldr_arena arena = { NULL };
	struct ldr_buf label = LDR_BUF_INIT;
	struct ldr_node node;
	struct ldr_diag diag;
	void *scratch = NULL;
	const char *why;
	char why_buf[96];
	int map = f->type == LDR_F_ATTRS || f->type == LDR_F_DERIVED, r = -1;

	ldr_diag_init(&diag, "");
	if (f->type == LDR_F_ID) {
		refuse(err, k, rec, f, "cannot be changed: other records refer to it by id");
		goto out;
	}
	if (f->type == LDR_F_LIST || f->type == LDR_F_RECORD || !value_size(f)) {
		refuse(err, k, rec, f, "is a list of records: set each one's fields by its id");
		goto out;
	}
	if (map && !key && *value) {
		refuse(err, k, rec, f, "is a mapping: set one entry at a time, as in ");
		ldr_buf_addf(err, "%s.%s.NAME=VALUE", ldr_rec_id(k, rec) ? ldr_rec_id(k, rec) : "ID", f->name);
		goto out;
	}
	if (!map && key) {
		refuse(err, k, rec, f, "has no entries to name");
		goto out;
	}
	if ((why = text_problem(value, why_buf, sizeof(why_buf))) ||
	    (key && (why = text_problem(key, why_buf, sizeof(why_buf))))) {
		refuse(err, k, rec, f, why);
		goto out;
	}
	if (!*value && !(map && key)) {
		if (f->flags & LDR_FL_REQUIRED) {
			refuse(err, k, rec, f, "must not be empty");
			goto out;
		}
		ldr_field_release(f, rec);
		r = 0;
		goto out;
	}
	switch (f->type) {
	case LDR_F_REFS: case LDR_F_STRS: case LDR_F_ENUMS:
		node = sequence(&arena, value);
		break;
	case LDR_F_ATTRS: case LDR_F_DERIVED:
		node = mapping(&arena, LDR_CFIELD(rec, f), key, value);
		break;
	default:
		node = scalar(&arena, value, strlen(value), LDR_NODE_QUOTED);
	}
	/* Decode into a scratch record, so that rec is untouched on error. */
	scratch = ldr_calloc(1, k->size);
	ldr_rec_label(&label, k, rec);
	if (ldr_field_decode(k, f, scratch, &node, label.s, &diag) < 0) {
		ldr_buf_addstr(err, diag.n ? diag.v[0].text : "invalid value");
		ldr_field_release(f, scratch);
		goto out;
	}
	if (f->type == LDR_F_TEXT && !*(char **)LDR_FIELD(scratch, f) && (f->flags & LDR_FL_REQUIRED)) {
		refuse(err, k, rec, f, "must not be empty");
		goto out;
	}
	ldr_field_release(f, rec);
	memcpy(LDR_FIELD(rec, f), LDR_FIELD(scratch, f), value_size(f));
	r = 0;
out:
	free(scratch);
	ldr_arena_release(&arena);
	ldr_buf_release(&label);
	ldr_diag_release(&diag);
	return r;
}
