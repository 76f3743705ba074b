#include "review.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../roadmap/date.h"
#include "../roadmap/field.h"
#include "../roadmap/index.h"
#include "../roadmap/national.h"
#include "../roadmap/schedule.h"
#include "../base/util.h"

static const char *const outcome_names[LDR_OUTCOMES] = {
	"on time", "early", "late", "undated", "slipped", "dropped", "in progress", "overdue",
};
static const char *const outcome_keys[LDR_OUTCOMES] = {
	"on_time", "early", "late", "undated", "slipped", "dropped", "in_progress", "overdue",
};

const char *ldr_outcome_name(enum ldr_outcome o)
{
	return o < LDR_OUTCOMES ? outcome_names[o] : "?";
}

const char *ldr_outcome_key(enum ldr_outcome o)
{
	return o < LDR_OUTCOMES ? outcome_keys[o] : "?";
}

int ldr_outcome_delivered(enum ldr_outcome o)
{
	return o == LDR_OUT_ON_TIME || o == LDR_OUT_EARLY || o == LDR_OUT_LATE || o == LDR_OUT_UNDATED;
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
	return t->kind != LDR_TIME_NONE && t->qual != LDR_QUAL_FROM && due >= ldr_time_first(&rv->period) &&
	       due <= ldr_time_last(&rv->period);
}

/* ---- what each kind of record says --------------------------------------- */

static int reviewed_kind(const struct ldr_kind *k)
{
	return k == &ldr_kind_capability || k == &ldr_kind_project || k == &ldr_kind_milestone ||
	       k == &ldr_kind_checkpoint || k == &ldr_kind_activity;
}

/* Its delivered time, if it is set. */
static const struct ldr_time *delivered_time(const struct ldr_kind *k, const void *rec)
{
	const struct ldr_time *t;
	if (k == &ldr_kind_capability)
		t = &((const struct ldr_capability *)rec)->delivered;
	else if (k == &ldr_kind_project)
		t = &((const struct ldr_project *)rec)->delivered;
	else if (k == &ldr_kind_milestone)
		t = &((const struct ldr_milestone *)rec)->delivered;
	else if (k == &ldr_kind_checkpoint)
		t = &((const struct ldr_checkpoint *)rec)->delivered;
	else
		t = &((const struct ldr_activity *)rec)->delivered;
	return t->kind != LDR_TIME_NONE ? t : NULL;
}

/* Recorded as delivered: its status, an activity's done, or a delivered time. */
static int is_done(const struct ldr_kind *k, const void *rec)
{
	if (delivered_time(k, rec))
		return 1;
	if (k == &ldr_kind_activity)
		return ((const struct ldr_activity *)rec)->done;
	if (k == &ldr_kind_capability)
		return ((const struct ldr_capability *)rec)->status == LDR_CAP_DELIVERED;
	if (k == &ldr_kind_project)
		return ((const struct ldr_project *)rec)->status == LDR_PROJECT_DELIVERED;
	if (k == &ldr_kind_checkpoint)
		return ((const struct ldr_checkpoint *)rec)->status == LDR_MILESTONE_DONE;
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
	if (k == &ldr_kind_checkpoint)
		return ((const struct ldr_checkpoint *)rec)->status == LDR_MILESTONE_DROPPED;
	return 0;
}

/* When it is planned; a commitment "tbc" keeps its word (it is due in no
 * period, and listed apart). */
static struct ldr_time planned_of(const struct ldr_ref *r)
{
	const struct ldr_time *t = ldr_planned_time(r->kind, r->rec);
	if (!t && r->kind == &ldr_kind_milestone)
		return ((const struct ldr_milestone *)r->rec)->due;
	return t ? *t : (struct ldr_time){ LDR_TIME_NONE, 0, 0 };
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

/* ---- items ----------------------------------------------------------------- */

static void replace(char **dst, const char *src)
{
	free(*dst);
	*dst = src ? ldr_strdup(src) : NULL;
}

/* Every record of a version the review reads, a milestone's checkpoints
 * after it. */
typedef void (*ref_fn)(const struct ldr_ref *r, void *payload);

static void each_ref(const struct ldr_index *ix, ref_fn fn, void *payload)
{
	size_t i, j;

	for (i = 0; i < ix->n; i++) {
		const struct ldr_ref *r = &ix->refs[i];
		if (!reviewed_kind(r->kind))
			continue;
		fn(r, payload);
		if (r->kind != &ldr_kind_milestone)
			continue;
		for (j = 0; j < ((struct ldr_milestone *)r->rec)->checkpoints.len; j++) {
			struct ldr_ref k = { &ldr_kind_checkpoint,
					     LDR_ITEM(((struct ldr_milestone *)r->rec)->checkpoints,
						      struct ldr_checkpoint, j),
					     r->kind, r->rec };
			fn(&k, payload);
		}
	}
}

/* The item of a record, made when first seen; NULL when its id was first
 * seen on a record of another kind (the first is kept). */
static struct ldr_review_item *item_for(struct ldr_review *rv, const struct ldr_ref *r)
{
	char buf[LDR_REF_NAME_MAX];
	const char *id = ldr_ref_name(r, buf, sizeof(buf));
	struct ldr_review_item *it;
	uintptr_t i;

	if (!id)
		return NULL;
	i = (uintptr_t)ldr_hash_get(&rv->ids, id);
	if (i)
		return rv->items[i - 1].kind == r->kind ? &rv->items[i - 1] : NULL;
	ldr_grow((void **)&rv->items, &rv->cap, rv->n + 1, sizeof(*rv->items));
	it = &rv->items[rv->n];
	memset(it, 0, sizeof(*it));
	it->kind = r->kind;
	it->id = ldr_strdup(id);
	it->order = rv->n++;
	ldr_hash_put(&rv->ids, it->id, (void *)(uintptr_t)rv->n);
	return it;
}

/* What the newest version (or, until it is fed, the baseline) says of it. */
static void describe(struct ldr_review_item *it, const struct ldr_index *ix, const struct ldr_ref *r)
{
	struct ldr_buf title = LDR_BUF_INIT;
	const char *group = group_of(r);
	const struct ldr_ref *m;

	if (r->kind == &ldr_kind_checkpoint) { /* its milestone's programme's group */
		m = ldr_index_find(ix, ldr_rec_id(r->parent_kind, r->parent));
		group = m ? group_of(m) : NULL;
	}
	replace(&it->title, ldr_rec_title(r->kind, r->rec, &title));
	replace(&it->parent, r->parent_kind ? ldr_rec_id(r->parent_kind, r->parent) : NULL);
	replace(&it->group, group);
	replace(&it->group_name, group ? ldr_group_name(ix, group) : NULL);
	ldr_buf_release(&title);
}

/* Each reviewed record of a whole version, with its item. */
typedef void (*seen_fn)(struct ldr_review_item *it, const struct ldr_ref *r);

struct seen {
	struct ldr_review *rv;
	const struct ldr_index *ix;
	seen_fn fn;
};

static void seen_one(const struct ldr_ref *r, void *payload)
{
	struct seen *s = payload;
	struct ldr_review_item *it = item_for(s->rv, r);
	if (it) {
		s->fn(it, r);
		describe(it, s->ix, r);
	}
}

static void each_reviewed(struct ldr_review *rv, const struct ldr_roadmap *rm, seen_fn fn)
{
	struct ldr_index ix;
	struct seen s = { rv, &ix, fn };

	ldr_index_build(&ix, (struct ldr_roadmap *)rm);
	each_ref(&ix, seen_one, &s);
	ldr_index_release(&ix);
}

static void planned(struct ldr_review_item *it, const struct ldr_ref *r)
{
	it->planned = planned_of(r);
	it->done_at_baseline = is_done(r->kind, r->rec);
}

static void happened(struct ldr_review_item *it, const struct ldr_ref *r)
{
	const struct ldr_time *d = delivered_time(r->kind, r->rec);

	it->present = 1;
	it->now = planned_of(r);
	it->done = is_done(r->kind, r->rec);
	it->dropped = is_dropped(r->kind, r->rec);
	it->delivered = d ? *d : (struct ldr_time){ LDR_TIME_NONE, 0, 0 };
}

void ldr_review_baseline(struct ldr_review *rv, const struct ldr_roadmap *rm)
{
	each_reviewed(rv, rm, planned);
}

void ldr_review_now(struct ldr_review *rv, const struct ldr_roadmap *rm)
{
	each_reviewed(rv, rm, happened);
}

/* ---- what a commit did ------------------------------------------------------ */

/* The index of c in rv->commits, copied there the first time. */
static size_t commit_index(struct ldr_review *rv, const struct ldr_commit *c)
{
	if (!rv->ncommits || strcmp(rv->commits[rv->ncommits - 1].id, c->id) != 0) {
		rv->commits = ldr_realloc(rv->commits, (rv->ncommits + 1) * sizeof(*rv->commits));
		ldr_commit_copy(&rv->commits[rv->ncommits++], c);
	}
	return rv->ncommits - 1;
}

static void event(struct ldr_review *rv, struct ldr_review_item *it, const struct ldr_commit *c,
		  enum ldr_review_change type, const struct ldr_time *from, const struct ldr_time *to)
{
	static const struct ldr_time none;
	struct ldr_review_event *e;

	it->events = ldr_realloc(it->events, (it->nevents + 1) * sizeof(*it->events));
	e = &it->events[it->nevents++];
	e->type = type;
	e->from = from ? *from : none;
	e->to = to ? *to : none;
	e->commit = commit_index(rv, c);
	if (type == LDR_RC_MOVED)
		it->rephased++;
}

/* A record in both versions: what changed in what the review reads. */
static void compare(struct ldr_review *rv, struct ldr_review_item *it, const struct ldr_commit *c,
		    const struct ldr_ref *a, const struct ldr_ref *b)
{
	struct ldr_time ta = planned_of(a), tb = planned_of(b);
	int da = is_dropped(a->kind, a->rec), db = is_dropped(b->kind, b->rec);
	int ka = is_done(a->kind, a->rec), kb = is_done(b->kind, b->rec);

	/* A move of when it is due; 18/19 to 18/19 Q4 is no move. */
	if (ta.kind && tb.kind && ldr_time_last(&ta) != ldr_time_last(&tb))
		event(rv, it, c, LDR_RC_MOVED, &ta, &tb);
	if (da != db)
		event(rv, it, c, db ? LDR_RC_DROPPED : LDR_RC_RESTORED, NULL, NULL);
	if (ka != kb)
		event(rv, it, c, kb ? LDR_RC_DELIVERED : LDR_RC_REOPENED, NULL, NULL);
}

/* Whether a record is, as the review reads it, the same in two versions. */
static int same_state(const struct ldr_ref *a, const struct ldr_ref *b)
{
	struct ldr_time ta = planned_of(a), tb = planned_of(b);

	return a->kind == b->kind && ta.kind == tb.kind && (!ta.kind || ldr_time_last(&ta) == ldr_time_last(&tb)) &&
	       is_dropped(a->kind, a->rec) == is_dropped(b->kind, b->rec) &&
	       is_done(a->kind, a->rec) == is_done(b->kind, b->rec);
}

struct changes {
	struct ldr_review *rv;
	const struct ldr_commit *c;
	struct ldr_index a, b, o;
	int merge;
};

/* A record of the commit's version: moved, dropped, done, or added. */
static void changed_one(const struct ldr_ref *r, void *payload)
{
	struct changes *x = payload;
	struct ldr_review_item *it = item_for(x->rv, r);
	struct ldr_ref was, theirs;

	if (!it)
		return;
	/* As the merge's other side had it: that side's doing. */
	if (x->merge && ldr_index_resolve(&x->o, it->id, &theirs) && same_state(&theirs, r))
		return;
	if (ldr_index_resolve(&x->a, it->id, &was) && was.kind == r->kind) {
		compare(x->rv, it, x->c, &was, r);
	} else {
		struct ldr_time t = planned_of(r);
		event(x->rv, it, x->c, LDR_RC_ADDED, NULL, &t);
	}
}

/* A record of the parent's version: removed? */
static void removed_one(const struct ldr_ref *r, void *payload)
{
	struct changes *x = payload;
	struct ldr_review_item *it = item_for(x->rv, r);
	struct ldr_ref is, theirs;

	if (!it)
		return;
	/* Removed on the merge's other side: that side's doing. */
	if ((!ldr_index_resolve(&x->b, it->id, &is) || is.kind != r->kind) &&
	    !(x->merge && !ldr_index_resolve(&x->o, it->id, &theirs)))
		event(x->rv, it, x->c, LDR_RC_REMOVED, NULL, NULL);
}

void ldr_review_changes(struct ldr_review *rv, const struct ldr_commit *c, const struct ldr_roadmap *before,
			const struct ldr_roadmap *after, const struct ldr_roadmap *other)
{
	struct changes x;

	memset(&x, 0, sizeof(x));
	x.rv = rv;
	x.c = c;
	x.merge = other != NULL;
	ldr_index_build(&x.a, (struct ldr_roadmap *)before);
	ldr_index_build(&x.b, (struct ldr_roadmap *)after);
	if (other)
		ldr_index_build(&x.o, (struct ldr_roadmap *)other);
	each_ref(&x.b, changed_one, &x);
	each_ref(&x.a, removed_one, &x);
	ldr_index_release(&x.a);
	ldr_index_release(&x.b);
	if (other)
		ldr_index_release(&x.o);
}

/* ---- outcomes -------------------------------------------------------------- */

static enum ldr_review_unit unit_of(const struct ldr_time *t)
{
	return t->kind == LDR_TIME_YEAR ? LDR_UNIT_YEAR : t->kind == LDR_TIME_QUARTER ? LDR_UNIT_QUARTER
										: LDR_UNIT_MONTH;
}

/* Where a time falls, counted in a unit at least as coarse as its own. */
static int index_in(const struct ldr_time *t, enum ldr_review_unit u)
{
	int m = ldr_time_first(t);
	return u == LDR_UNIT_YEAR ? ldr_time_fy_of_month(m) : u == LDR_UNIT_QUARTER ? ldr_quarter_index(m) : m;
}

/* a against b at the coarser of their granularities: negative, 0 or
 * positive, as many units apart as it returns. */
static int coarse_diff(const struct ldr_time *a, const struct ldr_time *b, enum ldr_review_unit *unit)
{
	enum ldr_review_unit ua = unit_of(a), ub = unit_of(b);
	*unit = ua > ub ? ua : ub;
	return index_in(a, *unit) - index_in(b, *unit);
}

/* How far t is after the end of plan, counted in t's own unit: delivered
 * 2017-05 for 16/17 is 2 months late, 17/18 for 16/17 Q4 a year, 17/18 Q1
 * for 16/17 a quarter. */
static int units_after(const struct ldr_time *t, const struct ldr_time *plan, enum ldr_review_unit *unit)
{
	struct ldr_time end = { LDR_TIME_MONTH, ldr_time_last(plan), 0 };
	*unit = unit_of(t);
	return index_in(t, *unit) - index_in(&end, *unit);
}

static void judge_delivered(struct ldr_review_item *it, const struct ldr_time *plan)
{
	enum ldr_review_unit u;
	int d = coarse_diff(&it->delivered, plan, &u);

	if (d < 0) {
		it->outcome = LDR_OUT_EARLY;
	} else if (d == 0) {
		it->outcome = LDR_OUT_ON_TIME;
	} else {
		it->outcome = LDR_OUT_LATE;
		it->by = units_after(&it->delivered, plan, &it->unit);
	}
}

static void judge(const struct ldr_review *rv, struct ldr_review_item *it)
{
	const struct ldr_time *plan = it->in_baseline ? &it->planned : &it->now;
	enum ldr_review_unit u;

	if (!it->present || it->dropped) {
		it->outcome = LDR_OUT_DROPPED;
		return;
	}
	if (it->done && it->delivered.kind) {
		if (ldr_time_first(&it->delivered) <= rv->as_of) {
			judge_delivered(it, plan);
			return;
		}
		it->delivered_after = 1; /* not yet, as of the review's date */
	} else if (it->done) {
		it->before_plan = it->done_at_baseline;
		it->outcome = it->before_plan ? LDR_OUT_ON_TIME : LDR_OUT_UNDATED;
		return;
	}
	if (it->in_baseline && it->now.kind && coarse_diff(&it->now, &it->planned, &u) > 0) {
		it->outcome = LDR_OUT_SLIPPED;
		it->by = units_after(&it->now, &it->planned, &it->unit);
		return;
	}
	/* Due from then on: never overdue. */
	it->outcome = rv->as_of > ldr_time_last(plan) && ldr_time_can_be_late(plan) ? LDR_OUT_OVERDUE
										 : LDR_OUT_IN_PROGRESS;
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

		if (!it->present)
			it->now.kind = LDR_TIME_NONE;
		it->apart = it->present && (it->now.qual == LDR_QUAL_TBC ||
					    (it->now.qual == LDR_QUAL_FROM &&
					     ldr_time_first(&it->now) <= ldr_time_last(&rv->period)));
		if (it->apart)
			continue;
		it->in_baseline = it->planned.kind != LDR_TIME_NONE && ldr_review_in_period(rv, &it->planned);
		it->added = !it->in_baseline && it->present && ldr_review_in_period(rv, &it->now);
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
	return percent(t->n[LDR_OUT_ON_TIME] + t->n[LDR_OUT_EARLY] + t->n[LDR_OUT_LATE] + t->n[LDR_OUT_UNDATED],
		       t->planned);
}

int ldr_review_percent_on_time(const struct ldr_review_total *t)
{
	return percent(t->n[LDR_OUT_ON_TIME] + t->n[LDR_OUT_EARLY], t->planned);
}

/* ---- as text ------------------------------------------------------------------ */

const char *ldr_review_unit_name(enum ldr_review_unit unit)
{
	return unit == LDR_UNIT_YEAR ? "year" : unit == LDR_UNIT_QUARTER ? "quarter" : "month";
}

void ldr_review_by_text(struct ldr_buf *b, int n, enum ldr_review_unit unit)
{
	ldr_buf_addf(b, "%d %s%s", n, ldr_review_unit_name(unit), n == 1 || n == -1 ? "" : "s");
}

static void add_time(struct ldr_buf *b, const struct ldr_time *t)
{
	char buf[LDR_TIME_STR_MAX];
	ldr_buf_addstr(b, t->kind ? ldr_time_format(t, buf) : "-");
}

void ldr_review_item_text(struct ldr_buf *b, const struct ldr_review_item *it, int with_after)
{
	size_t start = b->len;

	switch (it->outcome) {
	case LDR_OUT_ON_TIME: case LDR_OUT_EARLY: case LDR_OUT_LATE:
		if (it->before_plan) {
			ldr_buf_addstr(b, "done before the plan");
			break;
		}
		add_time(b, &it->delivered);
		if (it->outcome == LDR_OUT_LATE) {
			ldr_buf_addstr(b, ", ");
			ldr_review_by_text(b, it->by, it->unit);
			ldr_buf_addstr(b, " late");
		}
		break;
	case LDR_OUT_UNDATED:
		ldr_buf_addstr(b, "date not recorded");
		break;
	case LDR_OUT_SLIPPED:
		ldr_buf_addstr(b, "to ");
		add_time(b, &it->now);
		ldr_buf_addstr(b, ", ");
		ldr_review_by_text(b, it->by, it->unit);
		break;
	case LDR_OUT_DROPPED:
		if (!it->present)
			ldr_buf_addstr(b, "removed");
		break;
	case LDR_OUT_IN_PROGRESS: case LDR_OUT_OVERDUE: case LDR_OUTCOMES:
		break;
	}
	if (with_after && it->delivered_after) {
		ldr_buf_addstr(b, b->len > start ? "; delivered " : "delivered ");
		add_time(b, &it->delivered);
		ldr_buf_addstr(b, ", after the review date");
	}
}

const struct ldr_commit *ldr_review_recorded(const struct ldr_review *rv, const struct ldr_review_item *it)
{
	size_t i;

	if (!it->done)
		return NULL;
	for (i = it->nevents; i-- > 0;)
		if (it->events[i].type == LDR_RC_DELIVERED || it->events[i].type == LDR_RC_ADDED)
			return &rv->commits[it->events[i].commit];
	return NULL;
}

int ldr_review_has_reasons(const struct ldr_review_item *it)
{
	return it->rephased || it->outcome == LDR_OUT_SLIPPED || it->outcome == LDR_OUT_DROPPED;
}

static int move_quarters(const struct ldr_review_event *e)
{
	return ldr_quarter_index(ldr_time_last(&e->to)) - ldr_quarter_index(ldr_time_last(&e->from));
}

const struct ldr_review_event *ldr_review_largest_move(const struct ldr_review_item *it)
{
	const struct ldr_review_event *best = NULL;
	size_t i;

	for (i = 0; i < it->nevents; i++) {
		const struct ldr_review_event *e = &it->events[i];
		if (e->type == LDR_RC_MOVED && (!best || abs(move_quarters(e)) > abs(move_quarters(best))))
			best = e;
	}
	return best;
}

int ldr_review_net_quarters(const struct ldr_review_item *it)
{
	const struct ldr_time *from = it->planned.kind ? &it->planned : NULL, *to = NULL;
	size_t i;

	for (i = 0; i < it->nevents; i++)
		if (it->events[i].type == LDR_RC_MOVED) {
			from = from ? from : &it->events[i].from;
			to = &it->events[i].to;
		}
	if (!from || !to)
		return 0;
	return ldr_quarter_index(ldr_time_last(to)) - ldr_quarter_index(ldr_time_last(from));
}

/* The first line of a commit message, at most width characters (0: whole). */
static void add_subject(struct ldr_buf *b, const char *msg, size_t width)
{
	size_t n = strcspn(msg ? msg : "", "\n");
	struct ldr_buf s = LDR_BUF_INIT;

	ldr_buf_add(&s, msg ? msg : "", n);
	ldr_buf_addch(b, '\'');
	ldr_buf_addquoted(b, s.s ? s.s : "", width ? width : n + 1);
	ldr_buf_addch(b, '\'');
	ldr_buf_release(&s);
}

static const char *change_name(enum ldr_review_change t)
{
	switch (t) {
	case LDR_RC_MOVED: return "moved";
	case LDR_RC_DROPPED: return "dropped";
	case LDR_RC_RESTORED: return "no longer dropped";
	case LDR_RC_REMOVED: return "removed";
	case LDR_RC_ADDED: return "added";
	case LDR_RC_DELIVERED: return "recorded as delivered";
	case LDR_RC_REOPENED: return "no longer delivered";
	}
	return "?";
}

void ldr_review_event_text(struct ldr_buf *b, const struct ldr_review *rv, const struct ldr_review_event *e,
			   size_t width)
{
	const struct ldr_commit *c = &rv->commits[e->commit];
	struct ldr_buf day = LDR_BUF_INIT;

	if (c->id[0]) {
		ldr_date_format(&day, c->time, c->offset);
		ldr_buf_add(b, day.s, 10);
		ldr_buf_addch(b, ' ');
		ldr_buf_addquoted(b, c->author ? c->author : "", 24);
		ldr_buf_addf(b, " %.7s: ", c->id);
	} else {
		ldr_buf_addstr(b, "(not committed): ");
	}
	if (e->type == LDR_RC_MOVED) {
		int q = move_quarters(e);
		add_time(b, &e->from);
		ldr_buf_addstr(b, " -> ");
		add_time(b, &e->to);
		ldr_buf_addf(b, " (%+d quarter%s)", q, q == 1 || q == -1 ? "" : "s");
	} else {
		ldr_buf_addstr(b, change_name(e->type));
		if (e->type == LDR_RC_ADDED && e->to.kind) {
			ldr_buf_addstr(b, ", due ");
			add_time(b, &e->to);
		}
	}
	if (c->id[0]) {
		ldr_buf_addch(b, ' ');
		add_subject(b, c->message, width);
	}
	ldr_buf_release(&day);
}

void ldr_review_commit_day(struct ldr_buf *b, const struct ldr_commit *c)
{
	struct ldr_buf d = LDR_BUF_INIT;

	if (!c->id[0]) {
		ldr_buf_addstr(b, "not committed");
		return;
	}
	ldr_date_format(&d, c->time, c->offset);
	ldr_buf_add(b, d.s, 10);
	ldr_buf_addf(b, " (%.7s)", c->id);
	ldr_buf_release(&d);
}

/* A long chain of moves, in one line: how many, from where to where, when. */
static void moves_summary(struct ldr_buf *b, const struct ldr_review *rv, const struct ldr_review_item *it)
{
	const struct ldr_review_event *first = NULL, *last = NULL;
	size_t i;
	int net = ldr_review_net_quarters(it);

	for (i = 0; i < it->nevents; i++)
		if (it->events[i].type == LDR_RC_MOVED) {
			first = first ? first : &it->events[i];
			last = &it->events[i];
		}
	if (!first || !last)
		return;
	ldr_buf_addf(b, "moved %u times, ", it->rephased);
	add_time(b, &first->from);
	ldr_buf_addstr(b, " -> ");
	add_time(b, &last->to);
	ldr_buf_addf(b, ", net %+d quarter%s; first ", net, net == 1 || net == -1 ? "" : "s");
	ldr_review_commit_day(b, &rv->commits[first->commit]);
	ldr_buf_addstr(b, ", last ");
	ldr_review_commit_day(b, &rv->commits[last->commit]);
	ldr_buf_addstr(b, "; the largest move:\n");
}

static void reason(struct ldr_buf *b, const struct ldr_review *rv, const struct ldr_review_event *e, size_t width)
{
	ldr_review_event_text(b, rv, e, width);
	ldr_buf_addch(b, '\n');
}

void ldr_review_reasons(struct ldr_buf *b, const struct ldr_review *rv, const struct ldr_review_item *it,
			size_t width)
{
	int summarise = it->rephased > LDR_REVIEW_MOVES_SHOWN;
	size_t i, start = b->len;

	if (!ldr_review_has_reasons(it))
		return;
	if (summarise) {
		moves_summary(b, rv, it);
		reason(b, rv, ldr_review_largest_move(it), width);
	}
	for (i = 0; i < it->nevents; i++) {
		const struct ldr_review_event *e = &it->events[i];
		if (e->type == LDR_RC_DELIVERED || e->type == LDR_RC_REOPENED || e->type == LDR_RC_ADDED ||
		    (summarise && e->type == LDR_RC_MOVED))
			continue;
		reason(b, rv, e, width);
	}
	if (b->len == start)
		ldr_buf_addstr(b, "no commit after the baseline changed it (is the baseline an ancestor of "
			       "HEAD?)\n");
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
		free(it->events);
	}
	for (i = 0; i < rv->ncommits; i++)
		ldr_commit_release(&rv->commits[i]);
	for (i = 0; i < rv->ntotals; i++) {
		free(rv->totals[i].group);
		free(rv->totals[i].name);
	}
	free(rv->commits);
	free(rv->items);
	free(rv->totals);
	free(rv->all.name);
	ldr_hash_clear(&rv->ids);
	memset(rv, 0, sizeof(*rv));
}
