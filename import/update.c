/* Fields of the roadmap's records set from what a sheet gives, their
 * derived reasons kept, given or dropped. */
#include "imp.h"


#include <stdlib.h>
#include <string.h>

#include "../model/roadmap/field.h"

static struct ldr_map *derived_map(const struct ldr_kind *k, void *rec)
{
	int fi = ldr_kind_field(k, "derived");

	if (fi < 0 || k->fields[fi].type != LDR_F_DERIVED)
		return NULL;
	return LDR_FIELD(rec, &k->fields[fi]);
}

int imp_map_set(struct ldr_map *m, const char *key, const char *value)
{
	size_t i;

	for (i = 0; i < m->n && strcmp(m->v[i].key, key); i++)
		;
	if (i < m->n && (!value || !*value)) {
		free(m->v[i].key);
		free(m->v[i].value);
		memmove(&m->v[i], &m->v[i + 1], (m->n - i - 1) * sizeof(*m->v));
		m->n--;
		return 1;
	}
	if (!value || !*value || (i < m->n && !strcmp(m->v[i].value ? m->v[i].value : "", value)))
		return 0;
	if (i == m->n) {
		m->v = ldr_realloc(m->v, (m->n + 1) * sizeof(*m->v));
		memset(&m->v[m->n++], 0, sizeof(*m->v));
		m->v[i].key = ldr_strdup(key);
	}
	free(m->v[i].value);
	m->v[i].value = ldr_strdup(value);
	return 1;
}

void imp_set_reason(const struct ldr_kind *k, void *rec, const char *field, const char *reason)
{
	struct ldr_map *m = derived_map(k, rec);
	char *text = reason ? ldr_text_normalise(reason) : NULL;
	size_t i;

	if (!m) {
		free(text);
		return;
	}
	if (!text) {
		ldr_derived_forget(k, rec, field);
		return;
	}
	for (i = 0; i < m->n; i++)
		if (!strcmp(m->v[i].key, field)) {
			free(m->v[i].value);
			m->v[i].value = text;
			return;
		}
	m->v = ldr_realloc(m->v, (m->n + 1) * sizeof(*m->v));
	memset(&m->v[m->n], 0, sizeof(*m->v));
	m->v[m->n].key = ldr_strdup(field);
	m->v[m->n++].value = text;
	ldr_map_sort(m, k, &k->fields[ldr_kind_field(k, "derived")]);
}

int imp_update(const struct ldr_kind *k, void *dst, const void *src, const char *name, const char *reason)
{
	const struct ldr_field *f = &k->fields[ldr_kind_field(k, name)];
	int same = ldr_field_equal(f, LDR_CFIELD(dst, f), LDR_CFIELD(src, f));

	if (!same) {
		ldr_field_release(f, dst);
		ldr_field_copy(f, LDR_FIELD(dst, f), LDR_CFIELD(src, f));
	}
	if (reason)
		imp_set_reason(k, dst, name, reason);
	else if (!same)
		ldr_derived_forget(k, dst, name);
	return !same;
}

void imp_add_comment(char **notes, const char *heading, const char *text)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char *t = ldr_text_normalise(text);

	if (!t || (*notes && strstr(*notes, t))) {
		free(t);
		return;
	}
	if (*notes)
		ldr_buf_addf(&b, "%s\n", *notes);
	ldr_buf_addf(&b, "%s%s%s", heading ? heading : "", heading ? ": " : "", t);
	free(*notes);
	*notes = ldr_buf_detach(&b);
	free(t);
}
