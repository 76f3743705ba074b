/* The project dossier: one row per project, as the Derbyshire roadmap's
 * Tables 5 and 15 give it (number, initiative, description, benefits against
 * the three gaps, group, priority) with the plan's dates, dependencies and
 * status; by ref, then id. What was derived rather than read from a source
 * is listed in the last column (and, in the spreadsheet, set in italics with
 * the reason as a note on the cell). */
#include <stdlib.h>
#include <string.h>

#include "../base/common.h"
#include "writers.h"
#include "xlsx.h"

#define SHEET "Project dossier"
#define TICK "\xE2\x9C\x93"

enum {
	COL_REF, COL_ID, COL_NAME, COL_DESCRIPTION, COL_GROUP, COL_PRIORITY, COL_CARE, COL_EFFICIENCY,
	COL_WELLBEING, COL_START, COL_END, COL_DEPENDS, COL_STATUS, COL_NOTES, COL_DERIVED, NCOLS
};

static const char *const headers[NCOLS] = {
	"Ref", "Id", "Initiative", "Description", "Capability group", "Priority", "Care quality",
	"Efficiency", "Wellbeing", "Start", "End", "Dependencies", "Status", "Notes",
	"Derived (not read from the source)",
};

/* The column that shows each field (benefits: the first of three). */
static const struct {
	const char *field;
	int col;
} shown[] = {
	{ "ref", COL_REF }, { "name", COL_NAME }, { "description", COL_DESCRIPTION },
	{ "group", COL_GROUP }, { "priority", COL_PRIORITY }, { "benefits", COL_CARE },
	{ "start", COL_START }, { "end", COL_END }, { "depends_on", COL_DEPENDS },
	{ "status", COL_STATUS }, { "notes", COL_NOTES },
};

/* One project's cells, as text. */
struct row {
	char ref[24], start[LDR_TIME_STR_MAX], end[LDR_TIME_STR_MAX], status[32];
	const char *group, *benefit[3];
	struct ldr_buf priority, depends, derived;
};

struct dossier {
	const struct ldr_roadmap *rm;
	const struct ldr_project **v;
	size_t n;
	struct ldr_hash priorities;
	struct ldr_group_table groups;
};

static void dossier_init(struct dossier *d, const struct ldr_roadmap *rm)
{
	size_t i;

	memset(d, 0, sizeof(*d));
	d->rm = rm;
	d->v = ldr_projects_sorted(rm, &d->n);
	ldr_group_table_init(&d->groups, rm);
	for (i = 0; i < rm->priorities.len; i++) {
		struct ldr_priority *p = LDR_ITEM(rm->priorities, struct ldr_priority, i);
		if (p->id)
			ldr_hash_put(&d->priorities, p->id, p);
	}
}

static void dossier_release(struct dossier *d)
{
	free(d->v);
	ldr_hash_clear(&d->priorities);
	ldr_group_table_release(&d->groups);
}

static const char *column_of(const char *field)
{
	size_t i;
	for (i = 0; i < LDR_ARRAY_SIZE(shown); i++)
		if (strcmp(shown[i].field, field) == 0)
			return headers[shown[i].col];
	return field;
}

static void row_fill(struct row *r, const struct dossier *d, const struct ldr_project *p)
{
	const struct ldr_priority *pr = p->priority ? ldr_hash_get(&d->priorities, p->priority) : NULL;
	const char *g = ldr_group_table_name(&d->groups, p->group);
	size_t i;

	memset(r->ref, 0, sizeof(r->ref));
	if (p->ref.set)
		snprintf(r->ref, sizeof(r->ref), "%lld", p->ref.v);
	ldr_time_format(&p->start, r->start);
	ldr_time_format(&p->end, r->end);
	ldr_enum_label(&ldr_kind_project, "status", p->status, r->status, sizeof(r->status));
	r->group = g ? g : p->group;
	for (i = 0; i < 3; i++)
		r->benefit[i] = p->benefits & (1u << i) ? TICK : NULL;
	ldr_buf_reset(&r->priority);
	if (p->priority) {
		ldr_buf_addstr(&r->priority, p->priority);
		if (pr && pr->title)
			ldr_buf_addf(&r->priority, " %s", pr->title);
	}
	ldr_buf_reset(&r->depends);
	for (i = 0; i < p->depends_on.n; i++)
		ldr_buf_addf(&r->depends, "%s%s", i ? ", " : "", p->depends_on.v[i]);
	ldr_buf_reset(&r->derived);
	for (i = 0; i < p->derived.n; i++)
		ldr_buf_addf(&r->derived, "%s%s", i ? ", " : "", column_of(p->derived.v[i].key));
}

static void row_release(struct row *r)
{
	ldr_buf_release(&r->priority);
	ldr_buf_release(&r->depends);
	ldr_buf_release(&r->derived);
}

/* ---- CSV ------------------------------------------------------------------- */

int ldr_export_dossier_csv(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			   const char *path, struct ldr_buf *err)
{
	struct ldr_csv csv = LDR_CSV_INIT;
	struct row r;
	struct dossier d;
	size_t i, j;
	int rc;

	memset(&r, 0, sizeof(r));
	dossier_init(&d, rm);
	ldr_csv_start(&csv, opts);
	for (j = 0; j < NCOLS; j++)
		ldr_csv_text(&csv, headers[j]);
	ldr_csv_end_row(&csv);
	for (i = 0; i < d.n; i++) {
		const struct ldr_project *p = d.v[i];
		row_fill(&r, &d, p);
		if (p->ref.set)
			ldr_csv_number(&csv, p->ref.v);
		else
			ldr_csv_text(&csv, NULL);
		ldr_csv_text(&csv, p->id);
		ldr_csv_text(&csv, p->name);
		ldr_csv_text(&csv, p->description);
		ldr_csv_text(&csv, r.group);
		ldr_csv_text(&csv, r.priority.s);
		for (j = 0; j < 3; j++)
			ldr_csv_text(&csv, r.benefit[j]);
		ldr_csv_text(&csv, r.start);
		ldr_csv_text(&csv, r.end);
		ldr_csv_text(&csv, r.depends.s);
		ldr_csv_text(&csv, r.status);
		ldr_csv_text(&csv, p->notes);
		ldr_csv_text(&csv, r.derived.s);
		ldr_csv_end_row(&csv);
	}
	rc = ldr_csv_save(&csv, path, err);
	row_release(&r);
	ldr_csv_release(&csv);
	dossier_release(&d);
	return rc;
}

/* ---- XLSX ------------------------------------------------------------------ */

static void xlsx_row(struct ldr_table *t, const struct row *r, const struct ldr_project *p)
{
	const struct ldr_map *dv = &p->derived;
	size_t j;

	ldr_table_row(t, p->id);
	if (p->ref.set)
		ldr_table_number(t, COL_REF, (double)p->ref.v, t->x->number);
	ldr_table_text(t, COL_ID, p->id);
	ldr_table_derived(t, COL_NAME, p->name, ldr_derived_reason(dv, "name"));
	ldr_table_derived(t, COL_DESCRIPTION, p->description, ldr_derived_reason(dv, "description"));
	ldr_table_derived(t, COL_GROUP, r->group, ldr_derived_reason(dv, "group"));
	ldr_table_derived(t, COL_PRIORITY, r->priority.s, ldr_derived_reason(dv, "priority"));
	for (j = 0; j < 3; j++) {
		const char *reason = ldr_derived_reason(dv, "benefits");
		if (reason)
			ldr_table_derived(t, COL_CARE + j, r->benefit[j], reason);
		else
			ldr_table_styled(t, COL_CARE + j, r->benefit[j], t->x->center);
	}
	ldr_table_derived(t, COL_START, r->start, ldr_derived_reason(dv, "start"));
	ldr_table_derived(t, COL_END, r->end, ldr_derived_reason(dv, "end"));
	ldr_table_derived(t, COL_DEPENDS, r->depends.s, ldr_derived_reason(dv, "depends_on"));
	ldr_table_derived(t, COL_STATUS, r->status, ldr_derived_reason(dv, "status"));
	ldr_table_text(t, COL_NOTES, p->notes);
	ldr_table_text(t, COL_DERIVED, r->derived.s);
}

static void validations(struct ldr_xlsx *x, struct ldr_table *t, const struct ldr_roadmap *rm)
{
	const char *statuses[16];
	char labels[16][32];
	const char **groups = NULL;
	size_t i, ng;

	groups = ldr_group_names(rm, &ng);
	ldr_table_list(t, COL_GROUP, ldr_xlsx_list(x, "Groups", groups, ng), 1, "Capability group",
		       "One of the seven national capability groups, or one of the footprint's own");
	for (i = 0; i < LDR_ARRAY_SIZE(labels); i++) {
		statuses[i] = ldr_enum_label(&ldr_kind_project, "status", (int)i + 1, labels[i],
					     sizeof(labels[i]));
		if (!*statuses[i])
			break;
	}
	ldr_table_list(t, COL_STATUS, ldr_xlsx_list(x, "Statuses", statuses, i), 1, "Status",
		       "Proposed, planned, in progress, delivered, on hold or dropped");
	free(groups);
}

int ldr_export_dossier_xlsx(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			    const char *path, struct ldr_buf *err)
{
	struct ldr_xlsx x;
	struct ldr_table t;
	struct dossier d;
	struct row r;
	size_t i;
	int rc;

	if ((rc = ldr_xlsx_open(&x, path, rm, opts, "dossier", "Project dossier", err)) < 0)
		return rc;
	memset(&r, 0, sizeof(r));
	dossier_init(&d, rm);
	ldr_table_begin(&t, &x, ldr_xlsx_sheet(&x, SHEET), 0, headers, NCOLS);
	for (i = 0; i < d.n; i++) {
		row_fill(&r, &d, d.v[i]);
		xlsx_row(&t, &r, d.v[i]);
	}
	validations(&x, &t, rm);
	t.budget = 240; /* fifteen columns: let the page be wider */
	ldr_table_end(&t);
	row_release(&r);
	dossier_release(&d);
	return ldr_xlsx_close(&x, err);
}
