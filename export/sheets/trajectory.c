/* Annex 3, the capability deployment trajectory (guidance §6.23): for each
 * secondary-care provider, its Digital Maturity scores for each capability
 * group, the baseline and the target for each year; then the footprint's
 * aggregate, the mean of the providers that have a score. */
#include <stdlib.h>
#include <string.h>

#include "../base/common.h"
#include "writers.h"
#include "xlsx.h"

#define SHEET "Deployment trajectory"
#define HEAD_ROW 3

enum { COL_PROVIDER, COL_GROUP, COL_BASELINE_YEAR, COL_BASELINE, COL_YEARS };

struct traj {
	const struct ldr_roadmap *rm;
	struct ldr_time *years; /* the columns after the baseline */
	size_t nyears;
	const char **groups; /* every group scored, in report order */
	size_t ngroups;
};

static int time_cmp(const void *a, const void *b)
{
	return ldr_time_cmp(a, b);
}

struct ranked_group {
	const char *id;
	size_t rank;
};

static int rank_cmp(const void *pa, const void *pb)
{
	const struct ranked_group *a = pa, *b = pb;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return strcmp(a->id, b->id);
}

static const struct ldr_score *score_of(const struct ldr_trajectory *t, const char *group)
{
	size_t i;
	for (i = 0; i < t->scores.len; i++) {
		const struct ldr_score *s = LDR_ITEM(t->scores, struct ldr_score, i);
		if (s->group && strcmp(s->group, group) == 0)
			return s;
	}
	return NULL;
}

static const struct ldr_target *target_of(const struct ldr_score *s, const struct ldr_time *year)
{
	size_t i;
	for (i = 0; s && i < s->targets.len; i++) {
		const struct ldr_target *t = LDR_ITEM(s->targets, struct ldr_target, i);
		if (ldr_time_cmp(&t->year, year) == 0)
			return t;
	}
	return NULL;
}

/* The years: the plan's to the end of the schedule and any year a target
 * is set for. The groups: every group any provider has a score for. */
static void traj_init(struct traj *tr, const struct ldr_roadmap *rm)
{
	struct ldr_hash seen = LDR_HASH_INIT;
	struct ranked_group *g = NULL;
	struct ldr_time *plan, *t = NULL;
	size_t i, j, k, np, len = 0, tcap = 0, gcap = 0, ng = 0;

	memset(tr, 0, sizeof(*tr));
	tr->rm = rm;
	plan = ldr_plan_years(&rm->footprint, 1, &np);
	for (i = 0; i < np; i++) {
		ldr_grow((void **)&t, &tcap, len + 1, sizeof(*t));
		t[len++] = plan[i];
	}
	for (i = 0; i < rm->trajectory.len; i++) {
		const struct ldr_trajectory *tj = LDR_ITEM(rm->trajectory, struct ldr_trajectory, i);
		for (j = 0; j < tj->scores.len; j++) {
			const struct ldr_score *s = LDR_ITEM(tj->scores, struct ldr_score, j);
			if (s->group && !ldr_hash_put(&seen, s->group, NULL)) {
				ldr_grow((void **)&g, &gcap, ng + 1, sizeof(*g));
				g[ng].id = s->group;
				g[ng++].rank = ldr_group_rank(rm, s->group);
			}
			for (k = 0; k < s->targets.len; k++) {
				ldr_grow((void **)&t, &tcap, len + 1, sizeof(*t));
				t[len++] = LDR_ITEM(s->targets, struct ldr_target, k)->year;
			}
		}
	}
	if (len)
		qsort(t, len, sizeof(*t), time_cmp);
	for (i = 0; i < len; i++)
		if (!tr->nyears || ldr_time_cmp(&t[i], &t[tr->nyears - 1]) != 0)
			t[tr->nyears++] = t[i];
	tr->years = t;
	if (ng)
		qsort(g, ng, sizeof(*g), rank_cmp);
	tr->groups = ldr_calloc(ng + 1, sizeof(*tr->groups));
	for (i = 0; i < ng; i++)
		tr->groups[i] = g[i].id;
	tr->ngroups = ng;
	free(g);
	free(plan);
	ldr_hash_clear(&seen);
}

static void traj_release(struct traj *tr)
{
	free(tr->years);
	free(tr->groups);
}

static const char *provider_name(const struct ldr_roadmap *rm, const char *id)
{
	size_t i;
	for (i = 0; id && i < rm->footprint.organisations.len; i++) {
		const struct ldr_org *o = LDR_ITEM(rm->footprint.organisations, struct ldr_org, i);
		if (o->id && strcmp(o->id, id) == 0 && o->name)
			return o->name;
	}
	return id;
}

static const char *group_name(const struct traj *tr, const char *id)
{
	const char *n = ldr_export_group_name(tr->rm, id);
	return n ? n : id;
}

static void provider_rows(struct ldr_table *t, const struct traj *tr, const struct ldr_trajectory *tj)
{
	const char *name = provider_name(tr->rm, tj->provider);
	char y[LDR_TIME_STR_MAX];
	size_t i, j;

	for (i = 0; i < tr->ngroups; i++) {
		const struct ldr_score *s = score_of(tj, tr->groups[i]);
		if (!s)
			continue;
		ldr_table_row(t, tj->id);
		ldr_table_text(t, COL_PROVIDER, name);
		ldr_table_text(t, COL_GROUP, group_name(tr, s->group));
		ldr_table_derived(t, COL_BASELINE_YEAR, ldr_time_format(&tj->baseline_year, y),
				  ldr_derived_reason(&tj->derived, "baseline_year"));
		if (s->baseline.set)
			ldr_table_number(t, COL_BASELINE, (double)s->baseline.v, t->x->number);
		for (j = 0; j < tr->nyears; j++) {
			const struct ldr_target *tg = target_of(s, &tr->years[j]);
			if (tg && tg->score.set)
				ldr_table_number(t, COL_YEARS + j, (double)tg->score.v, t->x->number);
		}
	}
}

/* A mean cell, with a note of how many providers it is the mean of. */
static void mean(struct ldr_table *t, size_t col, long long sum, size_t n)
{
	char note[64];

	if (!n)
		return;
	ldr_table_number(t, col, (double)sum / (double)n, t->x->mean);
	snprintf(note, sizeof(note), "Mean of %zu provider%s' scores", n, n == 1 ? "" : "s");
	ldr_xlsx_comment(t->x, t->ws, t->row, (lxw_col_t)col, note);
}

static void footprint_rows(struct ldr_table *t, const struct traj *tr)
{
	size_t i, j, k;

	for (i = 0; i < tr->ngroups; i++) {
		long long sum = 0;
		size_t n = 0;

		ldr_table_row(t, "footprint");
		ldr_table_styled(t, COL_PROVIDER, "Footprint (mean of providers)", t->x->label);
		ldr_table_text(t, COL_GROUP, group_name(tr, tr->groups[i]));
		for (k = 0; k < tr->rm->trajectory.len; k++) {
			const struct ldr_trajectory *tj = LDR_ITEM(tr->rm->trajectory, struct ldr_trajectory, k);
			const struct ldr_score *s = score_of(tj, tr->groups[i]);
			if (s && s->baseline.set)
				sum += s->baseline.v, n++;
		}
		mean(t, COL_BASELINE, sum, n);
		for (j = 0; j < tr->nyears; j++) {
			sum = 0, n = 0;
			for (k = 0; k < tr->rm->trajectory.len; k++) {
				const struct ldr_trajectory *tj =
					LDR_ITEM(tr->rm->trajectory, struct ldr_trajectory, k);
				const struct ldr_target *tg = target_of(score_of(tj, tr->groups[i]), &tr->years[j]);
				if (tg && tg->score.set)
					sum += tg->score.v, n++;
			}
			mean(t, COL_YEARS + j, sum, n);
		}
	}
}

#define NOTE "Digital Maturity Self-assessment scores (0 to 100) of each secondary care " \
	"provider for each capability group: the baseline, then the target for each year. " \
	"The footprint rows are the mean of the providers that have a score for that group " \
	"and year; a blank is no score."

/* The title, and the note across the table's width (wrapped, so that it
 * does not widen the printed page). */
static void heading(struct ldr_xlsx *x, lxw_worksheet *ws, const struct ldr_roadmap *rm,
		    size_t ncols)
{
	struct ldr_buf b = LDR_BUF_INIT;
	lxw_format *wrap;

	if (!ws)
		return;
	wrap = workbook_add_format(x->wb);
	ldr_buf_addstr(&b, "Capability deployment trajectory (Annex 3)");
	if (rm->footprint.name)
		ldr_buf_addf(&b, ": %s", rm->footprint.name);
	ldr_xlsx_text(x, ws, 0, 0, b.s, x->title, "title");
	format_set_italic(wrap);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	if (ncols > 1)
		worksheet_merge_range(ws, 1, 0, 1, (lxw_col_t)(ncols - 1), NOTE, wrap);
	else
		ldr_xlsx_text(x, ws, 1, 0, NOTE, wrap, "note");
	ldr_xlsx_row_lines(x, ws, 1, ldr_text_lines(NOTE, 100));
	ldr_buf_release(&b);
}

int ldr_export_trajectory_xlsx(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			       const char *path, struct ldr_buf *err)
{
	struct ldr_xlsx x;
	struct ldr_table t;
	struct traj tr;
	lxw_worksheet *ws;
	const char **cols;
	char (*names)[LDR_TIME_STR_MAX];
	size_t i;
	int r;

	if ((r = ldr_xlsx_open(&x, path, rm, opts, "trajectory", "Capability deployment trajectory (Annex 3)",
			  err)) < 0)
		return r;
	traj_init(&tr, rm);
	cols = ldr_calloc(COL_YEARS + tr.nyears, sizeof(*cols));
	names = ldr_calloc(tr.nyears + 1, sizeof(*names));
	cols[COL_PROVIDER] = "Provider";
	cols[COL_GROUP] = "Capability group";
	cols[COL_BASELINE_YEAR] = "Baseline year";
	cols[COL_BASELINE] = "Baseline";
	for (i = 0; i < tr.nyears; i++)
		cols[COL_YEARS + i] = ldr_time_format(&tr.years[i], names[i]);
	ws = ldr_xlsx_sheet(&x, SHEET);
	heading(&x, ws, rm, COL_YEARS + tr.nyears);
	ldr_table_begin(&t, &x, ws, HEAD_ROW, cols, COL_YEARS + tr.nyears);
	for (i = 0; i < rm->trajectory.len; i++)
		provider_rows(&t, &tr, LDR_ITEM(rm->trajectory, struct ldr_trajectory, i));
	footprint_rows(&t, &tr);
	ldr_table_end(&t);
	free(cols);
	free(names);
	traj_release(&tr);
	return ldr_xlsx_close(&x, err);
}
