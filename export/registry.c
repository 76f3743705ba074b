#include "base/export.h"

#include <stddef.h>
#include <string.h>

#include "charts/chart.h"
#include "charts/svgcharts.h"
#include "sheets/writers.h"

/* Every export: a kind, the extension it writes, the writer (or, for a
 * chart, what builds it). Keep in the
 * order 'ldr help export' lists them. */
const struct ldr_exporter ldr_exporters[] = {
	/* Spreadsheets. */
	{ "annex2", "xlsx", ldr_export_annex2_xlsx,
	  "Annex 2 capability deployment schedule, one row per capability" },
	{ "annex2", "csv", ldr_export_annex2_csv, "the same schedule as CSV" },
	{ "annex4", "xlsx", ldr_export_annex4_xlsx,
	  "Annex 4 universal capabilities delivery plan, a sheet per capability" },
	{ "dossier", "xlsx", ldr_export_dossier_xlsx, "the project dossier, one row per project" },
	{ "dossier", "csv", ldr_export_dossier_csv, "the same dossier as CSV" },
	{ "trajectory", "xlsx", ldr_export_trajectory_xlsx,
	  "Annex 3 Digital Maturity scores by provider, group and year" },
	{ "milestones", "xlsx", ldr_export_milestones_xlsx,
	  "milestones and their checkpoints, one row each, for a programme board" },
	{ "milestones", "csv", ldr_export_milestones_csv, "the same milestones as CSV" },
	/* Charts. */
	{ "gantt", "svg", NULL, "Gantt chart of projects (or --capabilities) by capability group",
	  ldr_gantt_build },
	{ "tubemap", "svg", NULL, "tube map: a line per capability group, capabilities as stations",
	  ldr_tubemap_build },
	{ "trajectory", "svg", NULL, "Digital Maturity trajectory, a panel per capability group",
	  ldr_trajectory_build },
};
const size_t ldr_nexporters = LDR_ARRAY_SIZE(ldr_exporters);

int ldr_export_run(const struct ldr_exporter *x, const struct ldr_roadmap *rm,
		   const struct ldr_export_opts *opts, const char *path, struct ldr_buf *err)
{
	struct ldr_buf b = LDR_BUF_INIT;
	int r;

	if (x->write)
		return x->write(rm, opts, path, err);
	r = x->build(rm, opts, &b);
	if (r == 0)
		r = ldr_chart_write(path, &b, err);
	ldr_buf_release(&b);
	return r;
}

const struct ldr_exporter *ldr_exporter_find(const char *kind, const char *path)
{
	const char *dot = strrchr(path, '.');
	size_t i;

	if (!dot || strchr(dot, '/'))
		return NULL;
	for (i = 0; i < ldr_nexporters; i++)
		if (strcmp(ldr_exporters[i].kind, kind) == 0 && strcmp(ldr_exporters[i].ext, dot + 1) == 0)
			return &ldr_exporters[i];
	return NULL;
}

/* What a programme plan may lack, and the exports that would be empty
 * without it. */
static const struct {
	const char *kind;
	size_t list; /* offset of the struct ldr_list in the roadmap */
	const char *why;
} needs[] = {
	{ "tubemap", offsetof(struct ldr_roadmap, capabilities),
	  "a programme plan with no capabilities has no tube map (a tube map draws capabilities); its "
	  "programmes and milestones are on the Gantt chart (ldr export gantt)" },
	{ "annex2", offsetof(struct ldr_roadmap, capabilities),
	  "a programme plan with no capabilities has no Annex 2 schedule; its commitments are in "
	  "ldr export milestones" },
	{ "annex4", offsetof(struct ldr_roadmap, ucs),
	  "a programme plan with no universal capabilities has no Annex 4 plan" },
	{ "trajectory", offsetof(struct ldr_roadmap, trajectory),
	  "a programme plan with no Digital Maturity trajectory has none to export" },
};

const char *ldr_export_not_offered(const struct ldr_exporter *e, const struct ldr_roadmap *rm)
{
	size_t i;

	if (!ldr_roadmap_is_programme(rm))
		return NULL; /* a roadmap says what it lacks on the page */
	for (i = 0; i < LDR_ARRAY_SIZE(needs); i++)
		if (strcmp(e->kind, needs[i].kind) == 0 &&
		    !((const struct ldr_list *)((const char *)rm + needs[i].list))->len)
			return needs[i].why;
	return NULL;
}
