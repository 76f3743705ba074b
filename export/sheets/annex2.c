/* Annex 2, the capability deployment schedule (guidance §6.17-6.22): one
 * row per capability with the template's columns Who, What, Year (a
 * financial year) and Capability group, then the locally defined
 * attributes (§6.20): the quarter or month within the year where there is
 * one (Detail), the capability's id and status (unless left out), the
 * roadmap's own attributes, and the projects that deliver it; in schedule
 * order. The workbook has the template's title rows above the table. */
#include <stdlib.h>
#include <string.h>

#include "../base/common.h"
#include "writers.h"
#include "xlsx.h"

#define SHEET "Capability deployment schedule"
#define TITLE "Capability deployment schedule (Annex 2)"

/* What a column shows. The template's four come first, in its order. */
enum col_kind { K_WHO, K_WHAT, K_YEAR, K_GROUP, K_DETAIL, K_ID, K_STATUS, K_ATTR, K_PROJECTS };
#define TEMPLATE_COLS 4

struct column {
	enum col_kind kind;
	const char *head;
	size_t attr; /* K_ATTR: which, in annex2.attrs */
};

struct annex2 {
	const struct ldr_roadmap *rm;
	const struct ldr_capability **caps;
	size_t n;
	const char **attrs; /* every attribute name, sorted */
	size_t nattrs;
	struct column *cols;
	size_t ncols;
	int detail; /* some capability is due in a quarter or a month */
	struct ldr_hash projects;
	struct ldr_group_table groups;
};

/* One cell's text, and the buffers it may be in. */
struct cell {
	const char *text;
	const char *reason; /* why it is derived, or NULL */
	char time[LDR_TIME_STR_MAX];
	char status[32];
	struct ldr_buf b;
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

static void add_column(struct annex2 *a, enum col_kind kind, const char *head, size_t attr)
{
	a->cols[a->ncols].kind = kind;
	a->cols[a->ncols].head = head;
	a->cols[a->ncols].attr = attr;
	a->ncols++;
}

/* The columns: the template's, then Detail (when any time is finer than a
 * year), Id and Status (unless left out), the attributes, the projects. */
static void columns(struct annex2 *a, const struct ldr_export_opts *opts)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (a->caps[i]->year.kind == LDR_TIME_QUARTER || a->caps[i]->year.kind == LDR_TIME_MONTH)
			a->detail = 1;
	a->cols = ldr_calloc(TEMPLATE_COLS + 4 + a->nattrs, sizeof(*a->cols));
	add_column(a, K_WHO, "Who", 0);
	add_column(a, K_WHAT, "What", 0);
	add_column(a, K_YEAR, "Year", 0);
	add_column(a, K_GROUP, "Capability group", 0);
	if (a->detail)
		add_column(a, K_DETAIL, "Detail", 0);
	if (!(opts && opts->no_id))
		add_column(a, K_ID, "Id", 0);
	if (!(opts && opts->no_status))
		add_column(a, K_STATUS, "Status", 0);
	for (i = 0; i < a->nattrs; i++)
		add_column(a, K_ATTR, a->attrs[i], i);
	add_column(a, K_PROJECTS, "Delivering projects", 0);
}

static void annex2_init(struct annex2 *a, const struct ldr_roadmap *rm, const struct ldr_export_opts *opts)
{
	memset(a, 0, sizeof(*a));
	a->rm = rm;
	a->caps = ldr_caps_sorted(rm, &a->n);
	ldr_group_table_init(&a->groups, rm);
	collect_attrs(a);
	columns(a, opts);
	ldr_project_table(&a->projects, rm);
}

static void annex2_release(struct annex2 *a)
{
	free(a->caps);
	free(a->attrs);
	free(a->cols);
	ldr_hash_clear(&a->projects);
	ldr_group_table_release(&a->groups);
}

/* The column of a kind, or -1 when there is none. */
static long column_of(const struct annex2 *a, enum col_kind kind)
{
	size_t i;
	for (i = 0; i < a->ncols; i++)
		if (a->cols[i].kind == kind)
			return (long)i;
	return -1;
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
static void delivering(const struct annex2 *a, const struct ldr_capability *c, const char *sep,
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

/* The financial year a time is in: the template's Year. */
static struct ldr_time financial_year(const struct ldr_time *t)
{
	if (t->kind == LDR_TIME_NONE || t->kind == LDR_TIME_YEAR)
		return *t;
	return ldr_time_year(ldr_time_fy_of_month(ldr_time_first(t)));
}

/* The text of column col for capability c (projects joined by sep). */
static void cell_of(struct cell *out, const struct annex2 *a, const struct ldr_capability *c,
		    const struct column *col, const char *sep)
{
	const struct ldr_map *d = &c->derived;
	struct ldr_time fy;
	const char *name;

	out->text = NULL;
	out->reason = NULL;
	switch (col->kind) {
	case K_WHO:
		out->text = c->who;
		out->reason = ldr_derived_reason(d, "who");
		break;
	case K_WHAT:
		out->text = c->what;
		out->reason = ldr_derived_reason(d, "what");
		break;
	case K_YEAR:
		fy = financial_year(&c->year);
		out->text = ldr_time_format(&fy, out->time);
		out->reason = ldr_derived_reason(d, "year");
		break;
	case K_GROUP:
		name = ldr_group_table_name(&a->groups, c->group);
		out->text = name ? name : c->group;
		out->reason = ldr_derived_reason(d, "group");
		break;
	case K_DETAIL:
		if (c->year.kind == LDR_TIME_QUARTER || c->year.kind == LDR_TIME_MONTH)
			out->text = ldr_time_format(&c->year, out->time);
		out->reason = ldr_derived_reason(d, "year");
		break;
	case K_ID:
		out->text = c->id;
		break;
	case K_STATUS:
		out->text = ldr_enum_label(&ldr_kind_capability, "status", c->status, out->status,
					   sizeof(out->status));
		out->reason = ldr_derived_reason(d, "status");
		break;
	case K_ATTR:
		out->text = attr_value(c, a->attrs[col->attr]);
		out->reason = ldr_derived_reason(d, "attributes");
		break;
	case K_PROJECTS:
		delivering(a, c, sep, &out->b);
		out->text = out->b.s;
		out->reason = ldr_derived_reason(d, "projects");
		break;
	}
}

/* ---- CSV ------------------------------------------------------------------- */

int ldr_export_annex2_csv(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			  const char *path, struct ldr_buf *err)
{
	struct ldr_csv csv = LDR_CSV_INIT;
	struct cell cell;
	struct annex2 a;
	size_t i, j;
	int r;

	memset(&cell, 0, sizeof(cell));
	annex2_init(&a, rm, opts);
	ldr_csv_start(&csv, opts);
	for (j = 0; j < a.ncols; j++)
		ldr_csv_text(&csv, a.cols[j].head);
	ldr_csv_end_row(&csv);
	for (i = 0; i < a.n; i++) {
		for (j = 0; j < a.ncols; j++) {
			cell_of(&cell, &a, a.caps[i], &a.cols[j], "; ");
			ldr_csv_text(&csv, cell.text);
		}
		ldr_csv_end_row(&csv);
	}
	r = ldr_csv_save(&csv, path, err);
	ldr_buf_release(&cell.b);
	ldr_csv_release(&csv);
	annex2_release(&a);
	return r;
}

/* ---- XLSX ------------------------------------------------------------------ */

/* Rows above the table: the title, a note, the band over the header. */
#define ROW_TITLE 0
#define ROW_NOTE 1
#define ROW_BAND 2
#define ROW_HEAD 3

static int time_cmp(const void *a, const void *b)
{
	return ldr_time_cmp(a, b);
}

/* The years a row may take: the plan years to the end of the schedule, and
 * the financial year of any time a capability already has, in order. */
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
			t[len++] = financial_year(&a->caps[i]->year);
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

static void status_list(struct ldr_xlsx *x, struct ldr_table *t, long col)
{
	const char *statuses[16];
	char labels[16][32];
	size_t i;

	if (col < 0)
		return;
	for (i = 0; i < LDR_ARRAY_SIZE(labels); i++) {
		statuses[i] = ldr_enum_label(&ldr_kind_capability, "status", (int)i + 1, labels[i],
					     sizeof(labels[i]));
		if (!*statuses[i])
			break;
	}
	ldr_table_list(t, (size_t)col, ldr_xlsx_list(x, "Statuses", statuses, i), 1, "Status",
		       "Firm, aspirational, in progress, delivered, deferred or dropped");
}

static void validations(struct ldr_xlsx *x, struct ldr_table *t, const struct annex2 *a)
{
	char(*store)[LDR_TIME_STR_MAX] = NULL;
	const char **years, **groups;
	size_t ny, ng;

	years = year_list(a, &store, &ny);
	ldr_table_list(t, (size_t)column_of(a, K_YEAR), ldr_xlsx_list(x, "Years", years, ny), 0, "Year",
		       "The financial year of deployment, such as 17/18 (a quarter or a month "
		       "within it goes in Detail)");
	groups = ldr_group_names(a->rm, &ng);
	ldr_table_list(t, (size_t)column_of(a, K_GROUP), ldr_xlsx_list(x, "Groups", groups, ng), 1,
		       "Capability group",
		       "One of the seven national capability groups, or one of the "
		       "footprint's own");
	status_list(x, t, column_of(a, K_STATUS));
	free(years);
	free(store);
	free(groups);
}

static void xlsx_row(struct ldr_table *t, const struct annex2 *a, const struct ldr_capability *c,
		     struct cell *cell)
{
	size_t j;

	ldr_table_row(t, c->id);
	for (j = 0; j < a->ncols; j++) {
		cell_of(cell, a, c, &a->cols[j], "\n");
		ldr_table_derived(t, j, cell->text, cell->reason);
	}
}

/* The note under the title: what the columns are, for a reader who has
 * not read the guidance. */
static void note_text(struct ldr_buf *b, const struct annex2 *a)
{
	const struct ldr_footprint *fp = &a->rm->footprint;
	char t[LDR_TIME_STR_MAX];

	if (fp->version)
		ldr_buf_addf(b, "Version %s. ", fp->version);
	if (fp->as_at.kind != LDR_TIME_NONE)
		ldr_buf_addf(b, "As at %s. ", ldr_time_format(&fp->as_at, t));
	ldr_buf_addstr(b, "One row per capability (guidance \xC2\xA7" "6.17\xE2\x80\x93" "6.22): the "
		       "template's Who, What, Year and Capability group, then locally defined "
		       "attributes (\xC2\xA7" "6.20). Year is the financial year a capability is "
		       "deployed in");
	if (a->detail)
		ldr_buf_addstr(b, "; Detail, the quarter or month within it where the roadmap gives one");
	ldr_buf_addstr(b, ". Text in italics was derived, not read from the source: the cell's "
		       "note says how.");
}

/* The template's title rows: the title, a note, and the band that tells
 * its columns from the locally defined ones. */
static void heading(struct ldr_xlsx *x, lxw_worksheet *ws, const struct annex2 *a)
{
	struct ldr_buf b = LDR_BUF_INIT;
	lxw_col_t last = (lxw_col_t)(a->ncols - 1);
	lxw_format *wrap;

	if (!ws)
		return;
	ldr_buf_addstr(&b, TITLE);
	if (a->rm->footprint.name)
		ldr_buf_addf(&b, ": %s", a->rm->footprint.name);
	ldr_xlsx_text(x, ws, ROW_TITLE, 0, b.s, x->title, "title");
	ldr_buf_reset(&b);
	note_text(&b, a);
	wrap = workbook_add_format(x->wb);
	format_set_italic(wrap);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	/* Merged first (that writes blanks), then the text. */
	worksheet_merge_range(ws, ROW_NOTE, 0, ROW_NOTE, last, "", wrap);
	ldr_xlsx_text(x, ws, ROW_NOTE, 0, b.s, wrap, "note");
	ldr_xlsx_row_lines(x, ws, ROW_NOTE, ldr_text_lines(b.s, 150));
	worksheet_merge_range(ws, ROW_BAND, 0, ROW_BAND, TEMPLATE_COLS - 1, "", x->band);
	ldr_xlsx_text(x, ws, ROW_BAND, 0, "Capability", x->band, "band");
	if (last > TEMPLATE_COLS)
		worksheet_merge_range(ws, ROW_BAND, TEMPLATE_COLS, ROW_BAND, last, "", x->band);
	ldr_xlsx_text(x, ws, ROW_BAND, TEMPLATE_COLS, "Locally defined attributes \xE2\x86\x92", x->band,
		      "band");
	ldr_buf_release(&b);
}

int ldr_export_annex2_xlsx(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			   const char *path, struct ldr_buf *err)
{
	struct ldr_xlsx x;
	struct ldr_table t;
	struct annex2 a;
	struct cell cell;
	lxw_worksheet *ws;
	const char **h;
	size_t i;
	int r;

	if ((r = ldr_xlsx_open(&x, path, rm, opts, "annex2", TITLE, err)) < 0)
		return r;
	memset(&cell, 0, sizeof(cell));
	annex2_init(&a, rm, opts);
	h = ldr_calloc(a.ncols, sizeof(*h));
	for (i = 0; i < a.ncols; i++)
		h[i] = a.cols[i].head;
	ws = ldr_xlsx_sheet(&x, SHEET);
	heading(&x, ws, &a);
	ldr_table_begin(&t, &x, ws, ROW_HEAD, h, a.ncols);
	t.repeat = ROW_BAND;
	for (i = 0; i < a.n; i++)
		xlsx_row(&t, &a, a.caps[i], &cell);
	validations(&x, &t, &a);
	ldr_table_end(&t);
	free(h);
	ldr_buf_release(&cell.b);
	annex2_release(&a);
	return ldr_xlsx_close(&x, err);
}
