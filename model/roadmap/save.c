/* The writer: a roadmap as canonical YAML, by the schema. Keys in schema
 * order, empty fields left out, lists of ids on one line, multi-line text as
 * literal blocks: one field is one line (or one block) of a git diff. */
#include <stdio.h>

#include "node.h"
#include "roadmap.h"
#include "schema.h"
#include "../base/util.h"

static void write_record(struct ldr_yaml_writer *w, const struct ldr_kind *k, const void *rec);

static void write_map(struct ldr_yaml_writer *w, const struct ldr_map *m, enum ldr_yw_style key_style)
{
	size_t i;
	ldr_yw_map_start(w);
	for (i = 0; i < m->n; i++) {
		ldr_yw_scalar(w, m->v[i].key, key_style);
		ldr_yw_scalar(w, m->v[i].value ? m->v[i].value : "", LDR_YW_TEXT);
	}
	ldr_yw_map_end(w);
}

static void write_value(struct ldr_yaml_writer *w, const struct ldr_field *f, const void *p)
{
	char buf[64];
	size_t i;

	switch (f->type) {
	case LDR_F_ID: case LDR_F_STR: case LDR_F_REF:
		ldr_yw_scalar(w, *(char *const *)p, LDR_YW_STRING);
		break;
	case LDR_F_TEXT:
		ldr_yw_scalar(w, *(char *const *)p, LDR_YW_TEXT);
		break;
	case LDR_F_REFS: case LDR_F_STRS: {
		const struct ldr_strv *v = p;
		ldr_yw_seq_start(w, 1);
		for (i = 0; i < v->n; i++)
			ldr_yw_scalar(w, v->v[i], LDR_YW_STRING);
		ldr_yw_seq_end(w);
		break;
	}
	case LDR_F_ENUM:
		ldr_yw_scalar(w, f->values[*(const int *)p - 1], LDR_YW_PLAIN);
		break;
	case LDR_F_ENUMS: {
		unsigned bits = *(const unsigned *)p;
		ldr_yw_seq_start(w, 1);
		for (i = 0; f->values[i]; i++)
			if (bits & (1u << i))
				ldr_yw_scalar(w, f->values[i], LDR_YW_PLAIN);
		ldr_yw_seq_end(w);
		break;
	}
	case LDR_F_TIME:
		ldr_yw_scalar(w, ldr_time_format(p, buf), LDR_YW_PLAIN);
		break;
	case LDR_F_BOOL:
		ldr_yw_scalar(w, *(const int *)p ? "true" : "false", LDR_YW_PLAIN);
		break;
	case LDR_F_INT:
		snprintf(buf, sizeof(buf), "%lld", ((const struct ldr_int *)p)->v);
		ldr_yw_scalar(w, buf, LDR_YW_PLAIN);
		break;
	case LDR_F_ATTRS:
		write_map(w, p, LDR_YW_STRING);
		break;
	case LDR_F_DERIVED:
		write_map(w, p, LDR_YW_PLAIN);
		break;
	case LDR_F_LIST: {
		const struct ldr_list *l = p;
		ldr_yw_seq_start(w, 0);
		for (i = 0; i < l->len; i++)
			write_record(w, f->kind, ldr_list_at(l, f->kind, i));
		ldr_yw_seq_end(w);
		break;
	}
	case LDR_F_RECORD:
		write_record(w, f->kind, p);
		break;
	}
}

static void write_record(struct ldr_yaml_writer *w, const struct ldr_kind *k, const void *rec)
{
	size_t i;
	ldr_yw_map_start(w);
	for (i = 0; i < k->nfields; i++) {
		const struct ldr_field *f = &k->fields[i];
		if (!ldr_field_present(f, rec))
			continue;
		ldr_yw_scalar(w, f->name, LDR_YW_PLAIN);
		write_value(w, f, LDR_CFIELD(rec, f));
	}
	ldr_yw_map_end(w);
}

/* Every line break from start on made CR LF. */
static void to_crlf(struct ldr_buf *out, size_t start)
{
	size_t i, n = 0, j;

	for (i = start; i < out->len; i++)
		n += out->s[i] == '\n';
	ldr_grow((void **)&out->s, &out->cap, out->len + n + 1, 1);
	j = out->len + n;
	out->s[j] = '\0';
	for (i = out->len; i-- > start;) {
		out->s[--j] = out->s[i];
		if (out->s[i] == '\n')
			out->s[--j] = '\r';
	}
	out->len += n;
}

int ldr_roadmap_write(const struct ldr_roadmap *rm, struct ldr_buf *out, struct ldr_buf *err)
{
	struct ldr_yaml_writer *w = ldr_yw_new(out);
	size_t start = out->len;
	int r;

	if (!w) {
		ldr_buf_addstr(err, "cannot start the YAML writer");
		return -1;
	}
	write_record(w, &ldr_kind_roadmap, rm);
	r = ldr_yw_finish(w);
	if (r < 0)
		ldr_buf_addf(err, "cannot write YAML: %s", ldr_yw_error(w));
	else if (rm->rec.crlf)
		to_crlf(out, start);
	ldr_yw_free(w);
	return r;
}
