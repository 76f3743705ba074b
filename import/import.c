/* ldr_import: the kinds, the context of one import, a new roadmap's
 * footprint inferred from the sheet (each value marked derived, with its
 * reason), and the result checked as a file is loaded. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/roadmap/date.h"
#include "../model/base/diag.h"
#include "imp.h"

static const struct {
	int (*run)(struct imp *im);
} runs[] = { { imp_annex2 }, { imp_annex4 }, { imp_dossier }, { imp_trajectory }, { imp_milestones } };

const struct ldr_import_kind ldr_import_kinds[] = {
	{ "annex2", "the Annex 2 capability deployment schedule, a row per capability (.xlsx or .csv)" },
	{ "annex4", "the Annex 4 universal capabilities delivery plan, a sheet per capability (.xlsx)" },
	{ "dossier", "the project dossier, a row per project (.xlsx or .csv)" },
	{ "trajectory", "the Annex 3 Digital Maturity scores by provider, group and year (.xlsx or .csv)" },
	{ "milestones", "projects' milestones, a row per milestone (.xlsx or .csv)" },
};
const size_t ldr_import_nkinds = LDR_ARRAY_SIZE(ldr_import_kinds);

static long kind_index(const char *name)
{
	size_t i;

	for (i = 0; name && i < ldr_import_nkinds; i++)
		if (!strcmp(ldr_import_kinds[i].name, name))
			return (long)i;
	return -1;
}

int ldr_import_kind_valid(const char *name)
{
	return kind_index(name) >= 0;
}

void ldr_import_fresh(struct ldr_roadmap *rm)
{
	ldr_roadmap_init(rm);
	rm->format.v = LDR_FORMAT_VERSION;
	rm->format.set = 1;
}

void ldr_import_result_release(struct ldr_import_result *res)
{
	ldr_buf_release(&res->errors);
	ldr_buf_release(&res->warnings);
	memset(res, 0, sizeof(*res));
}

/* ---- the context ----------------------------------------------------------------- */

static int note_id(const struct ldr_kind *k, void *rec, const struct ldr_kind *pk, void *parent, void *payload)
{
	const char *id = ldr_rec_id(k, rec);

	(void)pk, (void)parent;
	if (id)
		ldr_hash_put(&((struct imp *)payload)->ids, id, (void *)1);
	return 0;
}

static void index_list(struct imp *im, struct imp_index *ix, const struct ldr_list *l, const struct ldr_kind *k,
		       const char *name_field)
{
	const struct ldr_field *f = &k->fields[ldr_kind_field(k, name_field)];
	size_t i;

	for (i = 0; i < l->len; i++) {
		const void *rec = ldr_list_at(l, k, i);
		imp_index_add(im, ix, ldr_rec_id(k, rec), *(char *const *)LDR_CFIELD(rec, f), i);
	}
}

static void context_init(struct imp *im, struct ldr_roadmap *rm, const struct ldr_workbook *wb,
			 const struct ldr_import_opts *o, struct ldr_import_result *res)
{
	memset(im, 0, sizeof(*im));
	im->rm = rm;
	im->wb = wb;
	im->o = o;
	im->res = res;
	im->fy_lo = 1, im->fy_hi = 0;
	im->by_ldr = wb->description && !strncmp(wb->description, "Written by ldr", 14);
	im->project_ids.prefix = "P";
	im->project_ids.width = 2;
	ldr_walk(&ldr_kind_roadmap, rm, note_id, im);
	index_list(im, &im->groups, &rm->groups, &ldr_kind_group, "name");
	index_list(im, &im->projects, &rm->projects, &ldr_kind_project, "name");
	index_list(im, &im->priorities, &rm->priorities, &ldr_kind_priority, "title");
	index_list(im, &im->orgs, &rm->footprint.organisations, &ldr_kind_org, "name");
}

static void context_release(struct imp *im)
{
	ldr_hash_clear(&im->ids);
	imp_index_release(&im->groups);
	imp_index_release(&im->projects);
	imp_index_release(&im->priorities);
	imp_index_release(&im->orgs);
	imp_order_release(im);
	imp_pool_release(&im->pool);
}

/* ---- a new roadmap's footprint ------------------------------------------------------ */

static char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/'), *b = slash ? slash + 1 : path;
	const char *dot = strrchr(b, '.');
	return ldr_strndup(b, dot && dot != b ? (size_t)(dot - b) : strlen(b));
}

static void one_line(char *s)
{
	for (; s && *s; s++)
		if (*s == '\n' || *s == '\r' || *s == '\t')
			*s = ' ';
}

static void fresh_name(struct imp *im)
{
	struct ldr_footprint *fp = &im->rm->footprint;
	struct ldr_buf why = LDR_BUF_INIT;
	char cell[16];

	if (im->wb->subject && *im->wb->subject) {
		fp->name = ldr_strdup(im->wb->subject);
		if (!im->by_ldr)
			ldr_buf_addf(&why, "the subject in the properties of the workbook %s", im->o->source);
	} else if (im->title) {
		fp->name = ldr_strdup(im->title);
		ldr_buf_addf(&why, "the title above the table, %s%s%s of %s", im->o->csv ? "" : im->title_sheet->name,
			     im->o->csv ? "" : "!", ldr_cell_name(im->title_row, im->title_col, cell), im->o->source);
	} else {
		fp->name = base_name(im->o->source);
		ldr_buf_addf(&why, "the name of the file %s, which does not name the footprint", im->o->source);
	}
	one_line(fp->name);
	if (why.len)
		imp_set_reason(&ldr_kind_footprint, fp, "name", why.s);
	ldr_buf_release(&why);
}

static void fresh_horizon(struct imp *im)
{
	struct ldr_footprint *fp = &im->rm->footprint;
	struct ldr_buf why = LDR_BUF_INIT;
	int lo = im->fy_lo, hi = im->fy_hi;

	if (lo > hi) {
		struct ldr_time now = ldr_date_this_month();
		lo = hi = ldr_time_fy_of_month(ldr_time_first(&now));
		ldr_buf_addf(&why, "%s gives no year: the financial year it was imported in", im->o->source);
	} else {
		ldr_buf_addf(&why, "the first year %s gives; it does not give the roadmap's horizon", im->o->source);
	}
	fp->start = ldr_time_year(lo);
	fp->end = ldr_time_year(hi);
	imp_set_reason(&ldr_kind_footprint, fp, "start", why.s);
	ldr_buf_reset(&why);
	ldr_buf_addf(&why, "the last year %s gives; it does not give the roadmap's horizon", im->o->source);
	imp_set_reason(&ldr_kind_footprint, fp, "end", why.s);
	ldr_buf_release(&why);
}

/* ---- after the sheet ------------------------------------------------------------------ */

static void formulas(struct imp *im)
{
	const struct ldr_workbook *wb = im->wb;
	size_t i, j;

	if (!wb->formulas)
		return;
	for (i = 0; i < wb->n; i++)
		for (j = 0; j < wb->sheets[i].n; j++)
			if (wb->sheets[i].cells[j].formula) {
				const struct ldr_cell *c = &wb->sheets[i].cells[j];
				imp_warn(im, &wb->sheets[i], c->row, c->col, "%u cell%s, from this one, hold%s "
					 "formulas: the values they had when last calculated were imported",
					 wb->formulas, wb->formulas == 1 ? "" : "s", wb->formulas == 1 ? "s" : "");
				return;
			}
}

/* The result, written and read back as any file is: what the loader would
 * refuse is a problem here, not in the file saved. */
static void validate(struct imp *im)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_roadmap back;
	struct ldr_diag d;
	size_t i;

	ldr_diag_init(&d, "the imported roadmap");
	ldr_roadmap_init(&back);
	if (ldr_roadmap_write(im->rm, &text, &err) < 0)
		imp_error(im, NULL, 0, 0, "the roadmap cannot be written: %s", err.s);
	else if (ldr_roadmap_read(&back, text.s, text.len, &d) < 0)
		for (i = 0; i < d.n; i++)
			if (d.v[i].severity == LDR_ERROR)
				imp_error(im, NULL, 0, 0, "the roadmap would not load: line %u: %s", d.v[i].line,
					  d.v[i].text);
	ldr_roadmap_release(&back);
	ldr_diag_release(&d);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
}

int ldr_import(struct ldr_roadmap *rm, const struct ldr_workbook *wb, const struct ldr_import_opts *o,
	       struct ldr_import_result *res)
{
	struct imp im;
	long k = kind_index(o->kind);

	if (k < 0) {
		ldr_buf_addf(&res->errors, "no kind of import '%s'\n", o->kind ? o->kind : "");
		res->nerrors++;
		return -1;
	}
	context_init(&im, rm, wb, o, res);
	formulas(&im);
	runs[k].run(&im);
	imp_order_apply(&im);
	if (o->fresh && !res->nerrors) {
		fresh_name(&im);
		fresh_horizon(&im);
	}
	if (!res->nerrors)
		validate(&im);
	context_release(&im);
	if (res->nerrors > LDR_IMPORT_MAX_LISTED)
		ldr_buf_addf(&res->errors, "and %zu more problems\n", res->nerrors - LDR_IMPORT_MAX_LISTED);
	return res->nerrors ? -1 : 0;
}
