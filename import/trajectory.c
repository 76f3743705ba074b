/* Annex 3, the capability deployment trajectory: a row per provider and
 * capability group, with the baseline year, the baseline score and a column
 * of target scores per year (headed by the year), as ldr exports it. The
 * footprint's rows (the mean of the providers) are worked out, not read.
 * Providers are organisations, by name or id; a trajectory is matched by
 * id, else by provider. */
#include "imp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_ID, K_PROVIDER, K_GROUP, K_BASELINE_YEAR, K_BASELINE, K_SOURCE, K_NOTES, NKEYS };

static const struct imp_col cols[] = {
	{ K_ID, "id|trajectory id", 0 },
	{ K_PROVIDER, "provider|organisation|organization|trust|provider organisation", 1 },
	{ K_GROUP, "capability group|group", 1 },
	{ K_BASELINE_YEAR, "baseline year|year of baseline|assessment year", 0 },
	{ K_BASELINE, "baseline|baseline score|current score|dma score", 0 },
	{ K_SOURCE, "source", 0 },
	{ K_NOTES, "notes|note", 0 },
};

struct traj {
	struct imp *im;
	struct imp_table t;
	struct ldr_time *years; /* of the extra columns that are years; unset: not one */
	unsigned char *seen;    /* trajectories the sheet has set the fields of */
	size_t nseen, existing;
	struct imp_seq ids;
	long last;              /* the trajectory of the row before, for the order of groups */
};

#define FOOTPRINT_ROW "footprint (mean of providers)"

/* "17/18", "Target 17/18", "2017-18 target": a year column's year. */
static int year_heading(const char *text, struct ldr_time *t)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char *h = imp_norm(text), *w;
	int r;

	for (w = strtok(h, " "); w; w = strtok(NULL, " "))
		if (strcmp(w, "target") && strcmp(w, "targets") && strcmp(w, "score") && strcmp(w, "scores"))
			ldr_buf_addf(&b, "%s%s", b.len ? " " : "", w);
	r = imp_parse_time(b.s ? b.s : "", LDR_TIME_YEAR, t);
	free(h);
	ldr_buf_release(&b);
	return r;
}

static void year_columns(struct traj *tr)
{
	size_t i;

	tr->years = ldr_calloc(tr->t.nextra + 1, sizeof(*tr->years));
	for (i = 0; i < tr->t.nextra; i++)
		if (year_heading(tr->t.extra_name[i], &tr->years[i]) == 0)
			imp_saw(tr->im, &tr->years[i]);
		else
			memset(&tr->years[i], 0, sizeof(tr->years[i]));
}

/* ---- the trajectory of a row ---------------------------------------------------------- */

static long find(struct traj *tr, const char *id, const char *provider)
{
	const struct ldr_list *l = &tr->im->rm->trajectory;
	size_t i;

	for (i = 0; i < l->len; i++) {
		const struct ldr_trajectory *t = LDR_ITEM(*l, struct ldr_trajectory, i);
		if (id ? !strcmp(t->id, id) : (t->provider && !strcmp(t->provider, provider)))
			return (long)i;
	}
	return -1;
}

static long make(struct traj *tr, const char *id, const char *provider)
{
	struct imp *im = tr->im;
	struct ldr_list *l = &im->rm->trajectory;
	struct ldr_trajectory *t = ldr_list_push(l, &ldr_kind_trajectory);
	struct ldr_buf b = LDR_BUF_INIT;

	ldr_buf_addf(&b, "T-%s", provider);
	if (id || (b.len <= 64 && !imp_id_taken(im, b.s))) {
		t->id = ldr_strdup(id ? id : b.s);
		imp_id_add(im, t->id);
	} else {
		t->id = imp_new_id(im, &tr->ids, l, &ldr_kind_trajectory);
	}
	t->provider = ldr_strdup(provider);
	ldr_buf_release(&b);
	im->res->added++;
	return (long)l->len - 1;
}

/* The trajectory of the row: by the Id column, else by provider. */
static long trajectory(struct traj *tr)
{
	struct imp *im = tr->im;
	struct imp_at at = imp_table_at(&tr->t, K_ID);
	char *id = NULL, *name = NULL;
	const char *provider;
	long i = -1;

	if (imp_text(im, &at, 0, &id) < 0 || (id && !ldr_id_valid(id))) {
		if (id)
			imp_error(im, at.s, at.row, at.col, "%s is not an id", imp_q(im, id));
		goto out;
	}
	at = imp_table_at(&tr->t, K_PROVIDER);
	if (imp_text(im, &at, 0, &name) < 0 || !name)
		goto out;
	provider = imp_org(im, name);
	i = find(tr, id, provider);
	if (i < 0 && id && imp_id_taken(im, id))
		imp_error(im, at.s, at.row, at.col, "%s is the id of a record that is not a trajectory", imp_q(im, id));
	else if (i < 0)
		i = make(tr, id, provider);
	else if ((size_t)i < tr->existing && !(i < (long)tr->nseen && tr->seen[i]))
		im->res->updated++;
out:
	free(id);
	free(name);
	return i;
}

/* ---- the fields of a trajectory, from its first row ---------------------------------- */

/* A baseline year: before the plan, it says nothing of a new roadmap's
 * horizon, which the year columns give. */
static int baseline_year(struct traj *tr, const struct imp_at *at, struct ldr_time *y)
{
	int lo = tr->im->fy_lo, hi = tr->im->fy_hi;
	int r = imp_time(tr->im, at, LDR_TIME_YEAR, 1, y);

	tr->im->fy_lo = lo;
	tr->im->fy_hi = hi;
	return r;
}

static void first_row(struct traj *tr, struct ldr_trajectory *t)
{
	struct imp *im = tr->im;
	struct ldr_trajectory src;
	struct imp_at at;

	memset(&src, 0, sizeof(src));
	at = imp_table_at(&tr->t, K_BASELINE_YEAR);
	if (at.col != (unsigned)-1 && baseline_year(tr, &at, &src.baseline_year) == 0)
		imp_update(&ldr_kind_trajectory, t, &src, "baseline_year", at.c ? imp_reason(&at) : NULL);
	at = imp_table_at(&tr->t, K_SOURCE);
	if (at.col != (unsigned)-1 && imp_text(im, &at, 1, &src.source) == 0)
		imp_update(&ldr_kind_trajectory, t, &src, "source", at.c ? imp_reason(&at) : NULL);
	at = imp_table_at(&tr->t, K_NOTES);
	if (at.col != (unsigned)-1 && imp_text(im, &at, 1, &src.notes) == 0)
		imp_update(&ldr_kind_trajectory, t, &src, "notes", at.c ? imp_reason(&at) : NULL);
	ldr_rec_release(&ldr_kind_trajectory, &src);
}

/* A later row must give the same baseline year. */
static void same_year(struct traj *tr, const struct ldr_trajectory *t)
{
	struct imp_at at = imp_table_at(&tr->t, K_BASELINE_YEAR);
	struct ldr_time y;
	char a[LDR_TIME_STR_MAX];

	if (!at.c || baseline_year(tr, &at, &y) < 0 || ldr_time_cmp(&y, &t->baseline_year) == 0)
		return;
	imp_error(tr->im, at.s, at.row, at.col, "%s is not the baseline year of the rows above it for "
		  "this provider (%s)", imp_q(tr->im, at.c->text), ldr_time_format(&t->baseline_year, a));
}

/* ---- a score --------------------------------------------------------------------------- */

static struct ldr_score *score(struct ldr_trajectory *t, const char *group)
{
	struct ldr_score *s;
	size_t i;

	for (i = 0; i < t->scores.len; i++) {
		s = LDR_ITEM(t->scores, struct ldr_score, i);
		if (s->group && !strcmp(s->group, group))
			return s;
	}
	s = ldr_list_push(&t->scores, &ldr_kind_score);
	s->group = ldr_strdup(group);
	return s;
}

static void target(struct ldr_score *s, const struct ldr_time *year, const struct ldr_int *v)
{
	struct ldr_target *g;
	size_t i;

	for (i = 0; i < s->targets.len; i++) {
		g = LDR_ITEM(s->targets, struct ldr_target, i);
		if (ldr_time_cmp(&g->year, year) != 0)
			continue;
		if (v->set)
			g->score = *v;
		else
			ldr_list_remove(&s->targets, &ldr_kind_target, i);
		return;
	}
	if (!v->set)
		return;
	g = ldr_list_push(&s->targets, &ldr_kind_target);
	g->year = *year;
	g->score = *v;
}

static void scores(struct traj *tr, struct ldr_trajectory *t, const char *group)
{
	struct imp_at at = imp_table_at(&tr->t, K_BASELINE);
	struct ldr_score *s = score(t, group);
	struct ldr_int v;
	size_t i;

	if (at.col != (unsigned)-1 && imp_int(tr->im, &at, 0, 100, &v) == 0)
		s->baseline = v;
	for (i = 0; i < tr->t.nextra; i++) {
		if (!tr->years[i].kind)
			continue;
		at = imp_table_at_col(&tr->t, tr->t.extra[i]);
		if (imp_int(tr->im, &at, 0, 100, &v) == 0)
			target(s, &tr->years[i], &v);
	}
}

/* The columns that are not years, and people's notes on cells, kept in
 * the trajectory's notes. */
static void others(struct traj *tr, struct ldr_trajectory *t)
{
	size_t i;

	for (i = 0; i < tr->t.nextra; i++) {
		struct imp_at at = imp_table_at_col(&tr->t, tr->t.extra[i]);
		char *v = NULL;
		if (!tr->years[i].kind && imp_text(tr->im, &at, 1, &v) == 0 && v)
			imp_add_comment(&t->notes, tr->t.extra_name[i], v);
		free(v);
	}
	for (i = 0; i < tr->t.ncols && tr->t.s->nnotes; i++) {
		struct imp_at at = imp_table_at_col(&tr->t, (unsigned)i);
		const struct ldr_cell *head = ldr_sheet_cell(tr->t.s, tr->t.head, (unsigned)i);
		if (imp_comment(&at))
			imp_add_comment(&t->notes, head ? head->text : NULL, imp_comment(&at));
	}
}

/* ---- the rows --------------------------------------------------------------------------- */

static void seen(struct traj *tr, long i)
{
	if ((size_t)i >= tr->nseen) {
		tr->seen = ldr_realloc(tr->seen, (size_t)i + 1);
		memset(tr->seen + tr->nseen, 0, (size_t)i + 1 - tr->nseen);
		tr->nseen = (size_t)i + 1;
	}
	tr->seen[i] = 1;
}

/* The footprint's rows are means worked out from the providers': their
 * groups say only the order of the groups. */
static int footprint_row(struct traj *tr)
{
	struct imp_at at = imp_table_at(&tr->t, K_PROVIDER);
	char *n = at.c ? imp_norm(at.c->text) : NULL;
	int is = n && !strcmp(n, FOOTPRINT_ROW);

	free(n);
	if (is) {
		at = imp_table_at(&tr->t, K_GROUP);
		if (tr->last != -2)
			imp_order_block(tr->im);
		tr->last = -2;
		if (at.c)
			imp_order_group(tr->im, imp_group(tr->im, &at));
	}
	return is;
}

static void row(struct traj *tr)
{
	struct imp *im = tr->im;
	struct imp_at g = imp_table_at(&tr->t, K_GROUP);
	const char *group = g.c ? imp_group(im, &g) : NULL;
	long i = trajectory(tr);
	struct ldr_trajectory *t;

	if (!group && g.c == NULL)
		imp_error(im, g.s, g.row, g.col, "the capability group is empty");
	if (i < 0 || !group) /* the rows after are read all the same, for their problems */
		return;
	if (i != tr->last)
		imp_order_block(im);
	tr->last = i;
	imp_order_group(im, group);
	t = LDR_ITEM(im->rm->trajectory, struct ldr_trajectory, (size_t)i);
	if (!((size_t)i < tr->nseen && tr->seen[i]))
		first_row(tr, t);
	else
		same_year(tr, t);
	seen(tr, i);
	scores(tr, t, group);
	others(tr, t);
}

int imp_trajectory(struct imp *im)
{
	struct traj tr;
	size_t i;

	memset(&tr, 0, sizeof(tr));
	tr.im = im;
	tr.ids.prefix = "T";
	tr.ids.width = 2;
	tr.last = -1;
	imp_order_block(im);
	if (imp_find_table(im, cols, LDR_ARRAY_SIZE(cols), "an Annex 3 trajectory", &tr.t) < 0)
		return -1;
	tr.existing = im->rm->trajectory.len;
	year_columns(&tr);
	while (imp_table_next(&tr.t)) {
		if (imp_table_row_empty(&tr.t) || footprint_row(&tr))
			continue;
		im->res->rows++;
		row(&tr);
	}
	for (i = 0; i < tr.existing; i++)
		im->res->kept += !(i < tr.nseen && tr.seen[i]);
	imp_table_release(&tr.t);
	free(tr.years);
	free(tr.seen);
	return 0;
}
