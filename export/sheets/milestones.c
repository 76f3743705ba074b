/* The milestones for a programme board: one row per milestone and per
 * checkpoint, in the order of the file (programme by programme), each with
 * its commitment as written, its due date as written ("by 2022-03", "from
 * 2023-03", "tbc"), its status, when it was delivered, whether it is
 * overdue at the review date, and its owner. A checkpoint is named by its
 * milestone and time (FD-03[by 2023-03]), as the checks and diffs name it. */
#include <stdio.h>
#include <string.h>

#include "../base/common.h"
#include "writers.h"
#include "xlsx.h"

#define SHEET "Milestones"

enum {
	COL_PROGRAMME, COL_ID, COL_COMMITMENT, COL_DUE, COL_STATUS, COL_DELIVERED, COL_OVERDUE,
	COL_OWNER, NCOLS
};

static const char *const headers[NCOLS] = {
	"Programme", "Id", "Commitment", "Due (as written)", "Status", "Delivered", "Overdue", "Owner",
};

/* One row's cells, as text. */
struct row {
	const char *programme, *what, *owner;
	char id[96], due[LDR_TIME_STR_MAX], status[32], delivered[LDR_TIME_STR_MAX];
	const char *overdue;
	const struct ldr_map *derived; /* the milestone's (a checkpoint has none) */
};

/* Overdue as the checks say it: due by a time before the review date, not
 * done, dropped or delivered. From and tbc commitments never are. */
static const char *overdue(const struct ldr_time *due, int status, const struct ldr_time *delivered,
			   const struct ldr_time *as_of)
{
	if (!ldr_time_can_be_late(due) || status == LDR_MILESTONE_DONE ||
	    status == LDR_MILESTONE_DROPPED || delivered->kind || !as_of->kind)
		return "no";
	return ldr_time_last(due) < ldr_time_first(as_of) ? "yes" : "no";
}

static void milestone_row(struct row *r, const struct ldr_project *p, const struct ldr_milestone *m,
			  const struct ldr_time *as_of)
{
	memset(r, 0, sizeof(*r));
	r->programme = p->name ? p->name : p->id;
	r->what = m->what;
	r->owner = m->owner;
	snprintf(r->id, sizeof(r->id), "%s", m->id ? m->id : "");
	ldr_time_format(&m->due, r->due);
	ldr_enum_label(&ldr_kind_milestone, "status", m->status, r->status, sizeof(r->status));
	ldr_time_format(&m->delivered, r->delivered);
	r->overdue = overdue(&m->due, m->status, &m->delivered, as_of);
	r->derived = &m->derived;
}

static void checkpoint_row(struct row *r, const struct ldr_project *p, const struct ldr_milestone *m,
			   const struct ldr_checkpoint *k, const struct ldr_time *as_of)
{
	char when[LDR_TIME_STR_MAX];

	memset(r, 0, sizeof(*r));
	r->programme = p->name ? p->name : p->id;
	r->what = k->what;
	r->owner = m->owner;
	snprintf(r->id, sizeof(r->id), "%s[%s]", m->id ? m->id : "", ldr_time_format(&k->when, when));
	ldr_time_format(&k->when, r->due);
	ldr_enum_label(&ldr_kind_checkpoint, "status", k->status, r->status, sizeof(r->status));
	ldr_time_format(&k->delivered, r->delivered);
	r->overdue = overdue(&k->when, k->status, &k->delivered, as_of);
}

typedef void (*row_fn)(const struct row *r, void *payload);

/* Every row, in the file's order. */
static void each_row(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, row_fn fn,
		     void *payload)
{
	struct ldr_time as_of = opts && opts->as_of.kind ? opts->as_of : rm->footprint.as_at;
	struct row r;
	size_t i, j, k;

	for (i = 0; i < rm->projects.len; i++) {
		const struct ldr_project *p = LDR_ITEM(rm->projects, struct ldr_project, i);
		for (j = 0; j < p->milestones.len; j++) {
			const struct ldr_milestone *m = LDR_ITEM(p->milestones, struct ldr_milestone, j);
			milestone_row(&r, p, m, &as_of);
			fn(&r, payload);
			for (k = 0; k < m->checkpoints.len; k++) {
				checkpoint_row(&r, p, m, LDR_ITEM(m->checkpoints, struct ldr_checkpoint, k),
					       &as_of);
				fn(&r, payload);
			}
		}
	}
}

/* ---- CSV ------------------------------------------------------------------- */

static void csv_row(const struct row *r, void *payload)
{
	struct ldr_csv *csv = payload;
	ldr_csv_text(csv, r->programme);
	ldr_csv_text(csv, r->id);
	ldr_csv_text(csv, r->what);
	ldr_csv_text(csv, r->due);
	ldr_csv_text(csv, r->status);
	ldr_csv_text(csv, r->delivered);
	ldr_csv_text(csv, r->overdue);
	ldr_csv_text(csv, r->owner);
	ldr_csv_end_row(csv);
}

int ldr_export_milestones_csv(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			      const char *path, struct ldr_buf *err)
{
	struct ldr_csv csv = LDR_CSV_INIT;
	size_t j;
	int rc;

	ldr_csv_start(&csv, opts);
	for (j = 0; j < NCOLS; j++)
		ldr_csv_text(&csv, headers[j]);
	ldr_csv_end_row(&csv);
	each_row(rm, opts, csv_row, &csv);
	rc = ldr_csv_save(&csv, path, err);
	ldr_csv_release(&csv);
	return rc;
}

/* ---- XLSX ------------------------------------------------------------------ */

static void xlsx_row(const struct row *r, void *payload)
{
	struct ldr_table *t = payload;
	const struct ldr_map *dv = r->derived;

	ldr_table_row(t, r->id);
	ldr_table_text(t, COL_PROGRAMME, r->programme);
	ldr_table_text(t, COL_ID, r->id);
	ldr_table_derived(t, COL_COMMITMENT, r->what, dv ? ldr_derived_reason(dv, "what") : NULL);
	ldr_table_derived(t, COL_DUE, r->due, dv ? ldr_derived_reason(dv, "due") : NULL);
	ldr_table_derived(t, COL_STATUS, r->status, dv ? ldr_derived_reason(dv, "status") : NULL);
	ldr_table_derived(t, COL_DELIVERED, r->delivered, dv ? ldr_derived_reason(dv, "delivered") : NULL);
	ldr_table_styled(t, COL_OVERDUE, r->overdue, t->x->center);
	ldr_table_derived(t, COL_OWNER, r->owner, dv ? ldr_derived_reason(dv, "owner") : NULL);
}

static void validations(struct ldr_xlsx *x, struct ldr_table *t)
{
	const char *statuses[16];
	char labels[16][32];
	size_t i;

	for (i = 0; i < LDR_ARRAY_SIZE(labels); i++) {
		statuses[i] = ldr_enum_label(&ldr_kind_milestone, "status", (int)i + 1, labels[i],
					     sizeof(labels[i]));
		if (!*statuses[i])
			break;
	}
	ldr_table_list(t, COL_STATUS, ldr_xlsx_list(x, "Statuses", statuses, i), 1, "Status",
		       "Planned, at risk, done, missed or dropped");
}

int ldr_export_milestones_xlsx(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			       const char *path, struct ldr_buf *err)
{
	struct ldr_xlsx x;
	struct ldr_table t;
	struct ldr_buf title = LDR_BUF_INIT;
	int rc;

	ldr_buf_addf(&title, "%s: milestones", ldr_roadmap_title(rm));
	rc = ldr_xlsx_open(&x, path, rm, opts, "milestones", title.s, err);
	ldr_buf_release(&title);
	if (rc < 0)
		return rc;
	ldr_table_begin(&t, &x, ldr_xlsx_sheet(&x, SHEET), 0, headers, NCOLS);
	each_row(rm, opts, xlsx_row, &t);
	validations(&x, &t);
	ldr_table_end(&t);
	return ldr_xlsx_close(&x, err);
}
