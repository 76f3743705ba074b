#include "review.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "index.h"
#include "national.h"
#include "schedule.h"
#include "util.h"

static const char *const outcome_names[LDR_OUTCOMES] = {
	"on time", "early", "late", "slipped", "dropped", "open",
};
static const char *const outcome_keys[LDR_OUTCOMES] = {
	"on_time", "early", "late", "slipped", "dropped", "open",
};

const char *ldr_outcome_name(enum ldr_outcome o)
{
	return o < LDR_OUTCOMES ? outcome_names[o] : "?";
}

const char *ldr_outcome_key(enum ldr_outcome o)
{
	return o < LDR_OUTCOMES ? outcome_keys[o] : "?";
}

void ldr_review_init(struct ldr_review *rv, struct ldr_time period, int as_of)
{
	memset(rv, 0, sizeof(*rv));
	rv->period = period;
	rv->as_of = as_of;
}

int ldr_review_in_period(const struct ldr_review *rv, const struct ldr_time *t)
{
	int due = ldr_time_last(t);
	return t->kind != LDR_TIME_NONE && due >= ldr_time_first(&rv->period) &&
	       due <= ldr_time_last(&rv->period);
}

/* ---- what each kind of record says --------------------------------------- */

static int reviewed_kind(const struct ldr_kind *k)
{
	return k == &ldr_kind_capability || k == &ldr_kind_project || k == &ldr_kind_milestone ||
	       k == &ldr_kind_activity;
}

/* Its delivered time, if the kind has one and it is set. */
static const struct ldr_time *delivered_time(const struct ldr_kind *k, const void *rec)
{
	const struct ldr_time *t = NULL;
	if (k == &ldr_kind_capability)
		t = &((const struct ldr_capability *)rec)->delivered;
	else if (k == &ldr_kind_project)
		t = &((const struct ldr_project *)rec)->delivered;
	else if (k == &ldr_kind_milestone)
		t = &((const struct ldr_milestone *)rec)->delivered;
	return t && t->kind != LDR_TIME_NONE ? t : NULL;
}

static int is_done(const struct ldr_kind *k, const void *rec)
{
	if (k == &ldr_kind_activity)
		return ((const struct ldr_activity *)rec)->done;
	if (delivered_time(k, rec))
		return 1;
	if (k == &ldr_kind_capability)
		return ((const struct ldr_capability *)rec)->status == LDR_CAP_DELIVERED;
	if (k == &ldr_kind_project)
		return ((const struct ldr_project *)rec)->status == LDR_PROJECT_DELIVERED;
	return ((const struct ldr_milestone *)rec)->status == LDR_MILESTONE_DONE;
}

static int is_dropped(const struct ldr_kind *k, const void *rec)
{
	if (k == &ldr_kind_capability)
		return ((const struct ldr_capability *)rec)->status == LDR_CAP_DROPPED;
	if (k == &ldr_kind_project)
		return ((const struct ldr_project *)rec)->status == LDR_PROJECT_DROPPED;
	if (k == &ldr_kind_milestone)
		return ((const struct ldr_milestone *)rec)->status == LDR_MILESTONE_DROPPED;
	return 0;
}

/* The capability group a record counts in: its own, its project's, or its
 * universal capability's national group. */
static const char *group_of(const struct ldr_ref *r)
{
	if (r->kind == &ldr_kind_capability)
		return ((const struct ldr_capability *)r->rec)->group;
	if (r->kind == &ldr_kind_project)
		return ((const struct ldr_project *)r->rec)->group;
	if (r->kind == &ldr_kind_milestone && r->parent_kind == &ldr_kind_project)
		return ((const struct ldr_project *)r->parent)->group;
	if (r->kind == &ldr_kind_activity && r->parent_kind == &ldr_kind_uc) {
		const struct ldr_uc_def *d = ldr_national_uc(((const struct ldr_uc *)r->parent)->id);
		return d ? d->group : NULL;
	}
	return NULL;
}

/* ---- feeding versions ---------------------------------------------------- */

static void replace(char **dst, const char *src)
{
	free(*dst);
	*dst = src ? ldr_strdup(src) : NULL;
}

static struct ldr_review_item *item_for(struct ldr_review *rv, const struct ldr_ref *r, const char *id)
{
	struct ldr_review_item *it;
	uintptr_t i = (uintptr_t)ldr_hash_get(&rv->ids, id);

	if (i)
		return &rv->items[i - 1];
	ldr_grow((void **)&rv->items, &rv->cap, rv->n + 1, sizeof(*rv->items));
	it = &rv->items[rv->n];
	memset(it, 0, sizeof(*it));
	it->kind = r->kind;
	it->id = ldr_strdup(id);
	it->order = rv->n++;
	ldr_hash_put(&rv->ids, it->id, (void *)(uintptr_t)rv->n);
	return it;
}

static void add_to_path(struct ldr_review_item *it, const struct ldr_time *t)
{
	it->path = ldr_realloc(it->path, (it->npath + 1) * sizeof(*it->path));
	it->path[it->npath++] = *t;
}

static void track(struct ldr_review *rv, const struct ldr_index *ix, const struct ldr_ref *r, int month)
{
	const char *id = ldr_rec_id(r->kind, r->rec);
	const struct ldr_time *t = ldr_planned_time(r->kind, r->rec);
	const struct ldr_time *dt = delivered_time(r->kind, r->rec);
	struct ldr_review_item *it = item_for(rv, r, id);
	struct ldr_buf title = LDR_BUF_INIT;
	const char *group = group_of(r);
	int done = is_done(r->kind, r->rec);

	if (it->kind != r->kind)
		return; /* an id reused for another kind of record: keep the first */
	replace(&it->title, ldr_rec_title(r->kind, r->rec, &title));
	replace(&it->parent, r->parent_kind ? ldr_rec_id(r->parent_kind, r->parent) : NULL);
	replace(&it->group, group);
	replace(&it->group_name, group ? ldr_group_name(ix, group) : NULL);
	if (t) {
		/* A move of when it is due; 18/19 to 18/19 Q4 is no move. */
		if (it->last.kind == LDR_TIME_NONE)
			add_to_path(it, t);
		else if (ldr_time_last(&it->last) != ldr_time_last(t)) {
			it->rephased++;
			add_to_path(it, t);
		}
		it->last = *t;
	}
	if (rv->versions == 1 && t)
		it->planned = *t;
	it->now = t ? *t : (struct ldr_time){ LDR_TIME_NONE, 0 };
	if (done && (!it->done || it->seen + 1 != rv->versions))
		it->since = month;
	if (!done)
		it->since = 0;
	it->done = done;
	it->dropped = is_dropped(r->kind, r->rec);
	it->delivered_at = dt ? *dt : (struct ldr_time){ LDR_TIME_NONE, 0 };
	it->seen = rv->versions;
	ldr_buf_release(&title);
}

void ldr_review_add(struct ldr_review *rv, struct ldr_roadmap *rm, int month)
{
	struct ldr_index ix;
	size_t i;

	rv->versions++;
	if (rv->versions == 1)
		rv->baseline_month = month;
	rv->now_month = month;
	ldr_index_build(&ix, rm);
	for (i = 0; i < ix.n; i++)
		if (reviewed_kind(ix.refs[i].kind))
			track(rv, &ix, &ix.refs[i], month);
	ldr_index_release(&ix);
}

/* ---- outcomes -------------------------------------------------------------- */

static void judge(const struct ldr_review *rv, struct ldr_review_item *it)
{
	const struct ldr_time *plan = it->in_baseline ? &it->planned : &it->now;
	int first = ldr_time_first(plan), last = ldr_time_last(plan), d = 0;

	if (it->seen != rv->versions || it->dropped) {
		it->outcome = LDR_OUT_DROPPED;
		return;
	}
	if (it->done) {
		it->delivered_recorded = it->delivered_at.kind != LDR_TIME_NONE;
		d = it->delivered_recorded ? ldr_time_last(&it->delivered_at) : it->since;
		if (d > rv->as_of) /* after the review's date: not yet, as of then */
			d = 0, it->delivered_recorded = 0;
	}
	it->delivered = d;
	if (d) {
		if (d < first) {
			it->outcome = LDR_OUT_EARLY;
		} else if (d <= last) {
			it->outcome = LDR_OUT_ON_TIME;
		} else {
			it->outcome = LDR_OUT_LATE;
			it->quarters = ldr_quarter_index(d) - ldr_quarter_index(last);
		}
		return;
	}
	if (it->in_baseline && it->now.kind != LDR_TIME_NONE &&
	    ldr_quarter_index(ldr_time_last(&it->now)) > ldr_quarter_index(last)) {
		it->outcome = LDR_OUT_SLIPPED;
		it->quarters = ldr_quarter_index(ldr_time_last(&it->now)) - ldr_quarter_index(last);
		return;
	}
	it->outcome = LDR_OUT_OPEN;
	it->overdue = rv->as_of > last;
}

static struct ldr_review_total *total_for(struct ldr_review *rv, const struct ldr_review_item *it)
{
	struct ldr_review_total *t;
	size_t i;

	for (i = 0; i < rv->ntotals; i++)
		if ((!it->group && !rv->totals[i].group) ||
		    (it->group && rv->totals[i].group && strcmp(it->group, rv->totals[i].group) == 0))
			return &rv->totals[i];
	rv->totals = ldr_realloc(rv->totals, (rv->ntotals + 1) * sizeof(*rv->totals));
	t = &rv->totals[rv->ntotals++];
	memset(t, 0, sizeof(*t));
	t->group = it->group ? ldr_strdup(it->group) : NULL;
	t->name = ldr_strdup(it->group_name ? it->group_name : it->group ? it->group : "(no group)");
	return t;
}

static void count(struct ldr_review_total *t, const struct ldr_review_item *it)
{
	if (it->in_baseline) {
		t->planned++;
		t->n[it->outcome]++;
	} else {
		t->added++;
	}
}

/* The seven national groups in their order, then the others as they came. */
static size_t group_rank(const struct ldr_review_total *t)
{
	size_t i;
	for (i = 0; t->group && i < LDR_NATIONAL_GROUPS; i++)
		if (strcmp(t->group, ldr_national_groups[i].id) == 0)
			return i;
	return t->group ? LDR_NATIONAL_GROUPS : LDR_NATIONAL_GROUPS + 1;
}

static void sort_totals(struct ldr_review *rv)
{
	size_t i, j;
	for (i = 1; i < rv->ntotals; i++) { /* stable: local groups keep their order */
		struct ldr_review_total t = rv->totals[i];
		for (j = i; j > 0 && group_rank(&rv->totals[j - 1]) > group_rank(&t); j--)
			rv->totals[j] = rv->totals[j - 1];
		rv->totals[j] = t;
	}
}

void ldr_review_finish(struct ldr_review *rv)
{
	size_t i;

	for (i = 0; i < rv->n; i++) {
		struct ldr_review_item *it = &rv->items[i];
		int present = it->seen == rv->versions;

		it->in_baseline = it->planned.kind != LDR_TIME_NONE && ldr_review_in_period(rv, &it->planned);
		it->added = !it->in_baseline && present && ldr_review_in_period(rv, &it->now);
		if (!present)
			it->now.kind = LDR_TIME_NONE;
		if (!it->in_baseline && !it->added)
			continue;
		judge(rv, it);
		count(total_for(rv, it), it);
		count(&rv->all, it);
	}
	sort_totals(rv);
}

static int percent(unsigned part, unsigned whole)
{
	return whole ? (int)((200u * part + whole) / (2u * whole)) : -1;
}

int ldr_review_percent_delivered(const struct ldr_review_total *t)
{
	return percent(t->n[LDR_OUT_ON_TIME] + t->n[LDR_OUT_EARLY] + t->n[LDR_OUT_LATE], t->planned);
}

int ldr_review_percent_on_time(const struct ldr_review_total *t)
{
	return percent(t->n[LDR_OUT_ON_TIME] + t->n[LDR_OUT_EARLY], t->planned);
}

/* ---- as text ------------------------------------------------------------------ */

struct ldr_time ldr_review_delivered_time(const struct ldr_review_item *it)
{
	if (it->delivered_recorded)
		return it->delivered_at;
	return (struct ldr_time){ LDR_TIME_MONTH, it->delivered };
}

void ldr_review_item_text(struct ldr_buf *b, const struct ldr_review_item *it)
{
	char buf[LDR_TIME_STR_MAX];

	switch (it->outcome) {
	case LDR_OUT_ON_TIME: case LDR_OUT_EARLY: case LDR_OUT_LATE:
		{
			struct ldr_time t = ldr_review_delivered_time(it);
			ldr_buf_addstr(b, ldr_time_format(&t, buf));
		}
		if (!it->delivered_recorded)
			ldr_buf_addstr(b, " (recorded)");
		if (it->outcome == LDR_OUT_LATE)
			ldr_buf_addf(b, ", %d quarter%s late", it->quarters, it->quarters == 1 ? "" : "s");
		break;
	case LDR_OUT_SLIPPED:
		ldr_buf_addf(b, "to %s, %d quarter%s", it->now.kind ? ldr_time_format(&it->now, buf) : "-",
			     it->quarters, it->quarters == 1 ? "" : "s");
		break;
	case LDR_OUT_DROPPED:
	case LDR_OUT_OPEN:
		if (it->overdue)
			ldr_buf_addstr(b, "overdue");
		break;
	case LDR_OUTCOMES:
		break;
	}
}

void ldr_review_release(struct ldr_review *rv)
{
	size_t i;

	for (i = 0; i < rv->n; i++) {
		struct ldr_review_item *it = &rv->items[i];
		free(it->id);
		free(it->parent);
		free(it->title);
		free(it->group);
		free(it->group_name);
		free(it->path);
	}
	for (i = 0; i < rv->ntotals; i++) {
		free(rv->totals[i].group);
		free(rv->totals[i].name);
	}
	free(rv->items);
	free(rv->totals);
	free(rv->all.name);
	ldr_hash_clear(&rv->ids);
	memset(rv, 0, sizeof(*rv));
}
