/* The national view as a CSV (every footprint's figures, one a row) and as
 * a workbook (one sheet per table, as 'ldr aggregate' prints them). */
#include "national_view.h"

#include <stdlib.h>
#include <string.h>

#include "../base/common.h"
#include "xlsx.h"

/* ---- CSV ---------------------------------------------------------------------- */

struct csv_row {
	struct ldr_csv *c;
	const char *table;
	const struct ldr_agg_footprint *f;
	const char *group, *year, *uc;
};

/* The row's key cells, then the measure. */
static void csv_key(const struct csv_row *r, const char *measure)
{
	ldr_csv_text(r->c, r->table);
	ldr_csv_text(r->c, r->f->file);
	ldr_csv_text(r->c, r->f->name);
	ldr_csv_text(r->c, r->group);
	ldr_csv_text(r->c, r->year);
	ldr_csv_text(r->c, r->uc);
	ldr_csv_text(r->c, measure);
}

static void csv_num(const struct csv_row *r, const char *measure, long long v)
{
	csv_key(r, measure);
	ldr_csv_number(r->c, v);
	ldr_csv_end_row(r->c);
}

/* A text value; nothing is written when it is empty. */
static void csv_text(const struct csv_row *r, const char *measure, const char *v)
{
	if (!v || !*v)
		return;
	csv_key(r, measure);
	ldr_csv_text(r->c, v);
	ldr_csv_end_row(r->c);
}

static void csv_footprint(struct ldr_csv *c, const struct ldr_agg_footprint *f)
{
	struct csv_row r = { c, "footprints", f, NULL, NULL, NULL };
	char buf[LDR_TIME_STR_MAX];

	csv_text(&r, "status", f->skipped ? "skipped" : "checked");
	if (f->skipped) {
		csv_text(&r, "skipped", f->skipped);
		csv_num(&r, "load_errors", (long long)f->load_errors);
		return;
	}
	csv_text(&r, "as_of", ldr_time_format(&f->as_of, buf));
	csv_num(&r, "errors", (long long)f->errors);
	csv_num(&r, "warnings", (long long)f->warnings);
	csv_num(&r, "capabilities", (long long)f->capabilities);
	csv_num(&r, "dropped", (long long)f->dropped);
	csv_num(&r, "projects", (long long)f->projects);
	csv_num(&r, "dependencies", (long long)f->dependencies);
	csv_num(&r, "ucs_planned", (long long)f->ucs_planned);
}

static void csv_capabilities(struct ldr_csv *c, const struct ldr_agg_footprint *f)
{
	struct csv_row r = { c, "capabilities", f, NULL, NULL, NULL };
	char buf[LDR_TIME_STR_MAX];
	size_t i;

	for (i = 0; i < f->ncounts; i++) {
		r.group = ldr_agg_group_id(f->counts[i].group);
		r.year = ldr_agg_year_text(f->counts[i].fy, buf);
		csv_num(&r, "capabilities", (long long)f->counts[i].n);
	}
}

static void csv_ucs(struct ldr_csv *c, const struct ldr_agg_footprint *f)
{
	struct csv_row r = { c, "ucs", f, NULL, NULL, NULL };
	char buf[LDR_TIME_STR_MAX], fig[16];
	size_t i;

	for (i = 0; i < LDR_NATIONAL_UCS; i++) {
		const struct ldr_agg_uc *u = &f->ucs[i];
		const struct ldr_uc_def *d = &ldr_national_ucs[i];

		r.table = "ucs";
		r.uc = d->id;
		csv_num(&r, "planned", u->planned);
		if (u->planned) {
			csv_text(&r, "enabled", ldr_agg_enabled_name(u->enabled));
			csv_text(&r, "first_ambition", ldr_time_format(&u->first, buf));
			csv_text(&r, "last_ambition", ldr_time_format(&u->last, buf));
			csv_num(&r, "activities", (long long)u->activities);
			csv_num(&r, "done", (long long)u->done);
			csv_text(&r, "last_activity", ldr_time_format(&u->last_activity, buf));
		}
		if (!d->target.percent)
			continue;
		r.table = "targets";
		csv_text(&r, "position", ldr_agg_position_name(u->position));
		csv_text(&r, "stated", ldr_permille_format(u->stated, fig));
		csv_text(&r, "stated_year", ldr_time_format(&u->stated_year, buf));
		csv_text(&r, "baseline", ldr_permille_format(u->baseline, fig));
	}
}

static void csv_rules(struct ldr_csv *c, const struct ldr_agg_footprint *f)
{
	struct csv_row r = { c, "rules", f, NULL, NULL, NULL };
	size_t i;

	for (i = 0; i < ldr_nrules; i++)
		if (f->per_rule[i])
			csv_num(&r, ldr_rules[i].id, (long long)f->per_rule[i]);
}

int ldr_national_view_csv(const struct ldr_aggregate *a, const char *path, struct ldr_buf *err)
{
	static const char *const head[] = { "table", "file", "footprint", "group", "year", "uc",
					    "measure", "value" };
	struct ldr_csv c = LDR_CSV_INIT;
	size_t i;
	int r;

	for (i = 0; i < LDR_ARRAY_SIZE(head); i++)
		ldr_csv_text(&c, head[i]);
	ldr_csv_end_row(&c);
	for (i = 0; i < a->n; i++) {
		const struct ldr_agg_footprint *f = &a->v[i];
		csv_footprint(&c, f);
		if (f->skipped)
			continue;
		csv_capabilities(&c, f);
		csv_ucs(&c, f);
		csv_rules(&c, f);
	}
	r = ldr_csv_save(&c, path, err);
	ldr_csv_release(&c);
	return r;
}

/* ---- the workbook -------------------------------------------------------------- */

struct book {
	struct ldr_xlsx *x;
	const struct ldr_aggregate *a;
	struct ldr_buf b;
};

static void number(struct ldr_table *t, size_t col, size_t v)
{
	ldr_table_number(t, col, (double)v, t->x->number);
}

/* A figure as a number (62.5), or a blank cell. */
static void figure(struct ldr_table *t, size_t col, ldr_permille v)
{
	if (v >= 0)
		ldr_table_number(t, col, v / 10.0, v % 10 ? t->x->mean : t->x->number);
}

static void time_cell(struct ldr_table *t, size_t col, const struct ldr_time *v)
{
	char buf[LDR_TIME_STR_MAX];
	ldr_table_text(t, col, ldr_time_format(v, buf));
}

static void sheet_footprints(struct book *k)
{
	static const char *const cols[] = { "File", "Footprint", "Status", "As at", "Errors", "Warnings",
					    "Capabilities", "Dropped", "Projects", "Dependencies",
					    "Universal capabilities planned", "Skipped because" };
	struct ldr_table t;
	size_t i;

	ldr_table_begin(&t, k->x, ldr_xlsx_sheet(k->x, "Footprints"), 0, cols, LDR_ARRAY_SIZE(cols));
	for (i = 0; i < k->a->n; i++) {
		const struct ldr_agg_footprint *f = &k->a->v[i];
		ldr_table_row(&t, f->file);
		ldr_table_text(&t, 0, f->file);
		ldr_table_text(&t, 1, f->name);
		ldr_table_text(&t, 2, f->skipped ? "skipped" : "checked");
		if (f->skipped) {
			ldr_buf_reset(&k->b);
			ldr_buf_addf(&k->b, "%s (%zu error%s)", f->skipped, f->load_errors,
				     f->load_errors == 1 ? "" : "s");
			ldr_table_text(&t, 11, k->b.s);
			continue;
		}
		time_cell(&t, 3, &f->as_of);
		number(&t, 4, f->errors);
		number(&t, 5, f->warnings);
		number(&t, 6, f->capabilities);
		number(&t, 7, f->dropped);
		number(&t, 8, f->projects);
		number(&t, 9, f->dependencies);
		number(&t, 10, f->ucs_planned);
	}
	ldr_table_end(&t);
}

static void sheet_capabilities(struct book *k)
{
	size_t ny, i, ncols;
	int *years = ldr_aggregate_years(k->a, &ny);
	const char **cols = ldr_calloc(ny + 4, sizeof(*cols));
	char (*names)[LDR_TIME_STR_MAX] = ldr_calloc(ny + 1, sizeof(*names));
	struct ldr_table t;
	int g;

	cols[0] = "Capability group";
	for (i = 0; i < ny; i++)
		cols[i + 1] = years[i] == LDR_AGG_UNSCHEDULED ? "No year" : ldr_agg_year_text(years[i], names[i]);
	cols[ny + 1] = "Total";
	cols[ny + 2] = "Footprints";
	ncols = ny + 3;
	ldr_table_begin(&t, k->x, ldr_xlsx_sheet(k->x, "Capabilities"), 0, cols, ncols);
	for (g = 0; g < LDR_AGG_GROUPS; g++) {
		struct ldr_agg_cell all = ldr_aggregate_cell(k->a, g, LDR_AGG_ALL_YEARS);
		ldr_table_row(&t, ldr_agg_group_id(g));
		ldr_table_text(&t, 0, ldr_agg_group_name(g));
		for (i = 0; i < ny; i++)
			number(&t, i + 1, ldr_aggregate_cell(k->a, g, years[i]).capabilities);
		number(&t, ny + 1, all.capabilities);
		number(&t, ny + 2, all.footprints);
	}
	ldr_table_end(&t);
	free(names);
	free(cols);
	free(years);
}

static void sheet_ucs(struct book *k)
{
	static const char *const fixed[] = { "UC", "Universal capability", "Planned", "Complete",
					     "In progress", "Initiatives identified", "Not started",
					     "Not said" };
	size_t ny, i, nf = LDR_ARRAY_SIZE(fixed), u;
	int *years = ldr_aggregate_ambition_years(k->a, &ny);
	const char **cols = ldr_calloc(nf + ny + 1, sizeof(*cols));
	struct ldr_buf *heads = ldr_calloc(ny + 1, sizeof(*heads));
	struct ldr_table t;

	for (i = 0; i < nf; i++)
		cols[i] = fixed[i];
	for (i = 0; i < ny; i++) {
		char buf[LDR_TIME_STR_MAX];
		ldr_buf_addf(&heads[i], "Last ambition in %s", ldr_agg_year_text(years[i], buf));
		cols[nf + i] = heads[i].s;
	}
	ldr_table_begin(&t, k->x, ldr_xlsx_sheet(k->x, "Universal capabilities"), 0, cols, nf + ny);
	for (u = 0; u < LDR_NATIONAL_UCS; u++) {
		struct ldr_agg_uc_summary s;
		ldr_aggregate_uc_summary(k->a, u, &s);
		ldr_table_row(&t, ldr_national_ucs[u].id);
		ldr_table_text(&t, 0, ldr_national_ucs[u].id);
		ldr_table_text(&t, 1, ldr_national_ucs[u].title);
		number(&t, 2, s.planned);
		number(&t, 3, s.enabled[LDR_UC_COMPLETE]);
		number(&t, 4, s.enabled[LDR_UC_IN_PROGRESS]);
		number(&t, 5, s.enabled[LDR_UC_INITIATIVES_IDENTIFIED]);
		number(&t, 6, s.enabled[LDR_UC_NOT_STARTED]);
		number(&t, 7, s.enabled[0]);
		for (i = 0; i < ny; i++)
			number(&t, nf + i, ldr_aggregate_ambition_by(k->a, u, years[i]));
	}
	ldr_table_end(&t);
	for (i = 0; i < ny; i++)
		ldr_buf_release(&heads[i]);
	free(heads);
	free(cols);
	free(years);
}

static void sheet_plans(struct book *k)
{
	static const char *const cols[] = { "File", "Footprint", "UC", "Planned", "Enabled",
					    "First ambition", "Last ambition", "Activities", "Done",
					    "Last activity" };
	struct ldr_table t;
	size_t i, u;

	ldr_table_begin(&t, k->x, ldr_xlsx_sheet(k->x, "UC plans"), 0, cols, LDR_ARRAY_SIZE(cols));
	for (i = 0; i < k->a->n; i++) {
		const struct ldr_agg_footprint *f = &k->a->v[i];
		for (u = 0; u < LDR_NATIONAL_UCS && !f->skipped; u++) {
			const struct ldr_agg_uc *p = &f->ucs[u];
			ldr_table_row(&t, f->file);
			ldr_table_text(&t, 0, f->file);
			ldr_table_text(&t, 1, f->name);
			ldr_table_text(&t, 2, ldr_national_ucs[u].id);
			ldr_table_text(&t, 3, p->planned ? "yes" : "no");
			if (!p->planned)
				continue;
			ldr_table_text(&t, 4, ldr_agg_enabled_name(p->enabled));
			time_cell(&t, 5, &p->first);
			time_cell(&t, 6, &p->last);
			number(&t, 7, p->activities);
			number(&t, 8, p->done);
			time_cell(&t, 9, &p->last_activity);
		}
	}
	ldr_table_end(&t);
}

static void sheet_targets(struct book *k)
{
	static const char *const cols[] = { "UC", "National target", "Target %", "By", "File",
					    "Footprint", "Position", "Stated %", "In", "Baseline %" };
	struct ldr_table t;
	size_t i, u;

	ldr_table_begin(&t, k->x, ldr_xlsx_sheet(k->x, "Targets"), 0, cols, LDR_ARRAY_SIZE(cols));
	for (u = 0; u < LDR_NATIONAL_UCS; u++) {
		const struct ldr_uc_def *d = &ldr_national_ucs[u];
		if (!d->target.percent)
			continue;
		for (i = 0; i < k->a->n; i++) {
			const struct ldr_agg_footprint *f = &k->a->v[i];
			if (f->skipped)
				continue;
			ldr_table_row(&t, f->file);
			ldr_table_text(&t, 0, d->id);
			ldr_table_text(&t, 1, d->target.measure);
			number(&t, 2, (size_t)d->target.percent);
			ldr_buf_reset(&k->b);
			ldr_buf_addf(&k->b, "%04d-%02d", d->target.year, d->target.month);
			ldr_table_text(&t, 3, k->b.s);
			ldr_table_text(&t, 4, f->file);
			ldr_table_text(&t, 5, f->name);
			ldr_table_text(&t, 6, ldr_agg_position_name(f->ucs[u].position));
			figure(&t, 7, f->ucs[u].stated);
			time_cell(&t, 8, &f->ucs[u].stated_year);
			figure(&t, 9, f->ucs[u].baseline);
		}
	}
	ldr_table_end(&t);
}

static void sheet_checks(struct book *k)
{
	static const char *const cols[] = { "Rule", "Severity", "What it finds", "Footprints",
					    "Findings" };
	struct ldr_table t;
	size_t i, fps, n;

	ldr_table_begin(&t, k->x, ldr_xlsx_sheet(k->x, "Checks"), 0, cols, LDR_ARRAY_SIZE(cols));
	for (i = 0; i < ldr_nrules; i++) {
		ldr_aggregate_rule(k->a, i, &fps, &n);
		ldr_table_row(&t, ldr_rules[i].id);
		ldr_table_text(&t, 0, ldr_rules[i].id);
		ldr_table_text(&t, 1, ldr_rules[i].severity == LDR_CHECK_ERROR ? "error" : "warning");
		ldr_table_text(&t, 2, ldr_rules[i].summary);
		number(&t, 3, fps);
		number(&t, 4, n);
	}
	ldr_table_end(&t);
}

/* The workbook's creation time: the latest review date of the footprints,
 * so that the same roadmaps give the same bytes. */
static struct ldr_time latest_as_of(const struct ldr_aggregate *a)
{
	struct ldr_time t = { LDR_TIME_NONE, 0, 0 };
	size_t i;

	for (i = 0; i < a->n; i++)
		if (a->v[i].as_of.kind && (!t.kind || ldr_time_last(&a->v[i].as_of) > ldr_time_last(&t)))
			t = a->v[i].as_of;
	return t;
}

int ldr_national_view_xlsx(const struct ldr_aggregate *a, const struct ldr_export_opts *opts,
			   const char *path, struct ldr_buf *err)
{
	/* The writers' helpers name the document after a roadmap: this one's
	 * footprint is the nation. */
	struct ldr_roadmap nation;
	struct ldr_xlsx x;
	struct book k;
	char name[64];
	int r;

	ldr_roadmap_init(&nation);
	snprintf(name, sizeof(name), "National view of %zu roadmaps", a->n);
	nation.footprint.name = name;
	nation.footprint.published = latest_as_of(a);
	r = ldr_xlsx_open(&x, path, &nation, opts, "aggregate", "Local Digital Roadmaps, aggregated", err);
	nation.footprint.name = NULL;
	ldr_roadmap_release(&nation);
	if (r < 0)
		return r;
	memset(&k, 0, sizeof(k));
	k.x = &x;
	k.a = a;
	sheet_footprints(&k);
	sheet_capabilities(&k);
	sheet_ucs(&k);
	sheet_plans(&k);
	sheet_targets(&k);
	sheet_checks(&k);
	ldr_buf_release(&k.b);
	return ldr_xlsx_close(&x, err);
}
