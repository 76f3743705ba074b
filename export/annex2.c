/* Annex 2, the capability deployment schedule (guidance §6.17-6.22): one
 * row per capability with the template's columns Who, What, Year and
 * Capability group, then the locally defined attributes (§6.20), then the
 * projects that deliver it; in schedule order. */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "writers.h"
#include "xlsx.h"

#define SHEET "Capability deployment schedule"

enum { COL_WHO, COL_WHAT, COL_YEAR, COL_GROUP, COL_ATTRS };

struct annex2 {
	const struct ldr_roadmap *rm;
	const struct ldr_capability **caps;
	size_t n;
	const char **attrs; /* every attribute name, sorted */
	size_t nattrs;
	struct ldr_hash projects;
	struct ldr_group_table groups;
};

static int strptr_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void collect_attrs(struct annex2 *a)
{
	struct ldr_hash seen = LDR_HASH_INIT;
	size_t i, j, cap = 0;

	for (i = 0; i < a->n; i++) {
		const struct ldr_map *m = &a->caps[i]->attributes;
		for (j = 0; j < m->n; j++) {
			if (!m->v[j].key || ldr_hash_put(&seen, m->v[j].key, m->v[j].key))
				continue;
			ldr_grow((void **)&a->attrs, &cap, a->nattrs + 1, sizeof(*a->attrs));
			a->attrs[a->nattrs++] = m->v[j].key;
		}
	}
	if (a->nattrs)
		qsort(a->attrs, a->nattrs, sizeof(*a->attrs), strptr_cmp);
	ldr_hash_clear(&seen);
}

static void annex2_init(struct annex2 *a, const struct ldr_roadmap *rm)
{
	memset(a, 0, sizeof(*a));
	a->rm = rm;
	a->caps = ldr_caps_sorted(rm, &a->n);
	ldr_group_table_init(&a->groups, rm);
	collect_attrs(a);
	ldr_project_table(&a->projects, rm);
}

static void annex2_release(struct annex2 *a)
{
	free(a->caps);
	free(a->attrs);
	ldr_hash_clear(&a->projects);
	ldr_group_table_release(&a->groups);
}

static const char *attr_value(const struct ldr_capability *c, const char *key)
{
	size_t i;
	for (i = 0; i < c->attributes.n; i++)
		if (strcmp(c->attributes.v[i].key, key) == 0)
			return c->attributes.v[i].value;
	return NULL;
}

/* "P11 MIG Phase 1: Roll out to GPs", each project after sep. */
static void delivering(struct annex2 *a, const struct ldr_capability *c, const char *sep,
		       struct ldr_buf *b)
{
	size_t i;

	ldr_buf_reset(b);
	for (i = 0; i < c->projects.n; i++) {
		const struct ldr_project *p = ldr_hash_get(&a->projects, c->projects.v[i]);
		if (i)
			ldr_buf_addstr(b, sep);
		ldr_buf_addstr(b, c->projects.v[i]);
		if (p && p->name) {
			ldr_buf_addch(b, ' ');
			ldr_buf_addstr(b, p->name);
		}
	}
}

static const char *group_cell(const struct annex2 *a, const struct ldr_capability *c)
{
	const char *name = ldr_group_table_name(&a->groups, c->group);
	return name ? name : c->group;
}

static const char **headers(const struct annex2 *a, size_t *n)
{
	const char **h = ldr_calloc(COL_ATTRS + a->nattrs + 1, sizeof(*h));
	size_t i;

	h[COL_WHO] = "Who";
	h[COL_WHAT] = "What";
	h[COL_YEAR] = "Year";
	h[COL_GROUP] = "Capability group";
	for (i = 0; i < a->nattrs; i++)
		h[COL_ATTRS + i] = a->attrs[i];
	h[COL_ATTRS + a->nattrs] = "Delivering projects";
	*n = COL_ATTRS + a->nattrs + 1;
	return h;
}

/* ---- CSV ------------------------------------------------------------------- */

int ldr_export_annex2_csv(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			  const char *path, struct ldr_buf *err)
{
	struct ldr_csv csv = LDR_CSV_INIT;
	struct ldr_buf b = LDR_BUF_INIT;
	struct annex2 a;
	const char **h;
	size_t i, j, ncols;
	char year[LDR_TIME_STR_MAX];
	int r;

	(void)opts;
	annex2_init(&a, rm);
	h = headers(&a, &ncols);
	for (j = 0; j < ncols; j++)
		ldr_csv_text(&csv, h[j]);
	ldr_csv_end_row(&csv);
	for (i = 0; i < a.n; i++) {
		const struct ldr_capability *c = a.caps[i];
		ldr_csv_text(&csv, c->who);
		ldr_csv_text(&csv, c->what);
		ldr_csv_text(&csv, ldr_time_format(&c->year, year));
		ldr_csv_text(&csv, group_cell(&a, c));
		for (j = 0; j < a.nattrs; j++)
			ldr_csv_text(&csv, attr_value(c, a.attrs[j]));
		delivering(&a, c, "; ", &b);
		ldr_csv_text(&csv, b.s);
		ldr_csv_end_row(&csv);
	}
	r = ldr_csv_save(&csv, path, err);
	free(h);
	ldr_buf_release(&b);
	ldr_csv_release(&csv);
	annex2_release(&a);
	return r;
}

/* ---- XLSX ------------------------------------------------------------------ */

static int time_cmp(const void *a, const void *b)
{
	return ldr_time_cmp(a, b);
}

/* The years a row may take: the plan years to the end of the schedule, and
 * any other time a capability already has, in time order. */
static const char **year_list(const struct annex2 *a, char (**store)[LDR_TIME_STR_MAX], size_t *n)
{
	size_t i, np, len = 0;
	struct ldr_time *plan = ldr_plan_years(&a->rm->footprint, 1, &np);
	struct ldr_time *t = ldr_calloc(np + a->n + 1, sizeof(*t));
	const char **v;

	for (i = 0; i < np; i++)
		t[len++] = plan[i];
	for (i = 0; i < a->n; i++)
		if (a->caps[i]->year.kind != LDR_TIME_NONE)
			t[len++] = a->caps[i]->year;
	qsort(t, len, sizeof(*t), time_cmp);
	*store = ldr_calloc(len + 1, sizeof(**store));
	v = ldr_calloc(len + 1, sizeof(*v));
	*n = 0;
	for (i = 0; i < len; i++) {
		if (i && ldr_time_cmp(&t[i], &t[i - 1]) == 0)
			continue;
		v[*n] = ldr_time_format(&t[i], (*store)[*n]);
		(*n)++;
	}
	free(t);
	free(plan);
	return v;
}

static void validations(struct ldr_xlsx *x, struct ldr_table *t, const struct annex2 *a)
{
	char(*store)[LDR_TIME_STR_MAX] = NULL;
	const char **years, **groups;
	size_t ny, ng;

	years = year_list(a, &store, &ny);
	ldr_table_list(t, COL_YEAR, ldr_xlsx_list(x, "Years", years, ny), 0, "Year",
		       "A financial year of the plan, such as 17/18 (a quarter, 17/18 Q2, "
		       "or a month, 2017-10, is allowed too)");
	groups = ldr_group_names(a->rm, &ng);
	ldr_table_list(t, COL_GROUP, ldr_xlsx_list(x, "Groups", groups, ng), 1, "Capability group",
		       "One of the seven national capability groups, or one of the "
		       "footprint's own");
	free(years);
	free(store);
	free(groups);
}

static void xlsx_row(struct ldr_table *t, struct annex2 *a, const struct ldr_capability *c,
		     struct ldr_buf *b)
{
	const struct ldr_map *d = &c->derived;
	const char *attrs_reason = ldr_derived_reason(d, "attributes");
	char year[LDR_TIME_STR_MAX];
	size_t j;

	ldr_table_row(t, c->id);
	ldr_table_derived(t, COL_WHO, c->who, ldr_derived_reason(d, "who"));
	ldr_table_derived(t, COL_WHAT, c->what, ldr_derived_reason(d, "what"));
	ldr_table_derived(t, COL_YEAR, ldr_time_format(&c->year, year), ldr_derived_reason(d, "year"));
	ldr_table_derived(t, COL_GROUP, group_cell(a, c), ldr_derived_reason(d, "group"));
	for (j = 0; j < a->nattrs; j++)
		ldr_table_derived(t, COL_ATTRS + j, attr_value(c, a->attrs[j]), attrs_reason);
	delivering(a, c, "\n", b);
	ldr_table_derived(t, COL_ATTRS + a->nattrs, b->s, ldr_derived_reason(d, "projects"));
}

int ldr_export_annex2_xlsx(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			   const char *path, struct ldr_buf *err)
{
	struct ldr_buf b = LDR_BUF_INIT;
	struct ldr_xlsx x;
	struct ldr_table t;
	struct annex2 a;
	lxw_worksheet *ws;
	const char **h;
	size_t i, ncols;
	int r;

	if ((r = ldr_xlsx_open(&x, path, rm, opts, "annex2", "Capability deployment schedule (Annex 2)",
			  err)) < 0)
		return r;
	annex2_init(&a, rm);
	h = headers(&a, &ncols);
	ws = ldr_xlsx_sheet(&x, SHEET);
	ldr_table_begin(&t, &x, ws, 0, h, ncols);
	for (i = 0; i < a.n; i++)
		xlsx_row(&t, &a, a.caps[i], &b);
	validations(&x, &t, &a);
	ldr_table_end(&t);
	free(h);
	ldr_buf_release(&b);
	annex2_release(&a);
	return ldr_xlsx_close(&x, err);
}
