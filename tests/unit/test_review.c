/* The review, on a history worked out by hand: a baseline, four commits and
 * the newest version, with every outcome, additions and the reasons for
 * each move. What happened is read from the newest version; commits only
 * say why the plan moved and when a delivery was recorded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/roadmap/edit.h"
#include "../../model/history/review.h"
#include "helpers.h"

#define BASELINE HEAD \
	"projects:\n- id: P1\n  name: Portal\n  group: records\n  start: 16/17 Q1\n  end: 16/17 Q4\n" \
	"  milestones:\n  - {id: P1-M1, what: Pilot, due: 2016-10}\n" \
	"capabilities:\n" \
	"- {id: C1, who: a, what: b, year: 16/17, group: records}\n" \
	"- {id: C2, who: a, what: b, year: 16/17 Q2, group: records}\n" \
	"- {id: C3, who: a, what: b, year: 16/17 Q3, group: transfers}\n" \
	"- {id: C4, who: a, what: b, year: 16/17, group: transfers}\n" \
	"- {id: C5, who: a, what: b, year: 16/17, group: remote}\n" \
	"- {id: C6, who: a, what: b, year: 16/17, group: remote}\n" \
	"- {id: C7, who: a, what: b, year: 16/17 Q3, group: remote}\n" \
	"- {id: C8, who: a, what: b, year: 17/18, group: remote}\n" \
	"universal_capabilities:\n- id: UC04\n  activities:\n" \
	"  - {id: UC04-A1, quarter: 16/17 Q2, what: x, done: true}\n" \
	"  - {id: UC04-A2, quarter: 16/17 Q3, what: y, done: false}\n" \
	"  - {id: UC04-A3, quarter: 17/18 Q1, what: z, done: false}\n"

static struct ldr_review rv;

static void set(struct ldr_roadmap *rm, const char *a)
{
	struct ldr_buf err = LDR_BUF_INIT;
	if (ldr_edit_assign(rm, a, &err))
		fail_msg("%s: %s", a, err.s);
	ldr_buf_release(&err);
}

static int month(int y, int m)
{
	return ldr_time_month(y, m).month;
}

/* A commit, its id made of one digit: what changed from before to after
 * (other: a merge's second parent, or NULL). */
static void commit3(struct ldr_review *r, char digit, const char *message, struct ldr_roadmap *before,
		    struct ldr_roadmap *after, struct ldr_roadmap *other)
{
	struct ldr_commit c;

	memset(&c, 0, sizeof(c));
	memset(c.id, digit, LDR_OID_HEX);
	c.author = (char *)"Pat Office";
	c.message = (char *)message;
	c.time = 1475236800; /* 2016-09-30 12:00 UTC */
	c.parents = other ? 2 : 1;
	ldr_review_changes(r, &c, before, after, other);
}

static void commit(struct ldr_review *r, char digit, const char *message, struct ldr_roadmap *before,
		   struct ldr_roadmap *after)
{
	commit3(r, digit, message, before, after, NULL);
}

static void copy(struct ldr_roadmap *dst, const struct ldr_roadmap *src)
{
	ldr_roadmap_init(dst);
	ldr_rec_copy(&ldr_kind_roadmap, dst, src);
}

static int history(void **state)
{
	struct ldr_roadmap rm, was;
	struct ldr_diag d;
	struct ldr_capability *c9;
	(void)state;

	assert_int_equal(load(BASELINE, &rm, &d), 0);
	ldr_review_init(&rv, ldr_time_year(2016), month(2017, 3));
	ldr_review_baseline(&rv, &rm);

	copy(&was, &rm);
	set(&rm, "C4.year=17/18 Q2");
	set(&rm, "P1-M1.status=done");
	set(&rm, "C2.status=delivered");
	set(&rm, "C2.delivered=2016-04");
	c9 = ldr_list_push(&rm.capabilities, &ldr_kind_capability);
	c9->id = ldr_strdup("C9");
	c9->who = ldr_strdup("a");
	c9->what = ldr_strdup("b");
	c9->group = ldr_strdup("remote");
	c9->year = ldr_time_year(2016);
	commit(&rv, '1', "Q2 update: C4 slips\n\nThe supplier is late.", &was, &rm);
	ldr_roadmap_release(&was);

	copy(&was, &rm);
	set(&rm, "C1.status=delivered");
	set(&rm, "C1.delivered=2016-11");
	set(&rm, "C9.status=delivered");
	set(&rm, "P1.status=delivered");
	set(&rm, "C4.year=17/18");
	set(&rm, "C5.status=dropped");
	commit(&rv, '2', "Q3 update", &was, &rm);
	ldr_roadmap_release(&was);

	copy(&was, &rm);
	set(&rm, "UC04-A2.done=true");
	set(&rm, "C8.year=16/17 Q4");
	/* C6 is removed. */
	ldr_rec_release(&ldr_kind_capability, ldr_list_at(&rm.capabilities, &ldr_kind_capability, 5));
	memmove(ldr_list_at(&rm.capabilities, &ldr_kind_capability, 5),
		ldr_list_at(&rm.capabilities, &ldr_kind_capability, 6),
		(rm.capabilities.len - 6) * sizeof(struct ldr_capability));
	rm.capabilities.len--;
	commit(&rv, '3', "January board", &was, &rm);
	ldr_roadmap_release(&was);

	copy(&was, &rm);
	set(&rm, "C3.delivered=2017-02");
	commit(&rv, '4', "C3 delivered in February, recorded in April", &was, &rm);
	ldr_roadmap_release(&was);

	ldr_review_now(&rv, &rm);
	ldr_review_finish(&rv);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	return 0;
}

static int done(void **state)
{
	(void)state;
	ldr_review_release(&rv);
	return 0;
}

static const struct ldr_review_item *item_in(const struct ldr_review *r, const char *id)
{
	static const struct ldr_review_item none;
	size_t i;
	for (i = 0; i < r->n; i++)
		if (strcmp(r->items[i].id, id) == 0)
			return &r->items[i];
	fail_msg("no item %s", id);
	return &none;
}

static const struct ldr_review_item *item(const char *id)
{
	return item_in(&rv, id);
}

#define OUTCOME(id, o, n, u) do { \
		assert_true(item(id)->in_baseline); \
		assert_int_equal(item(id)->outcome, (o)); \
		assert_int_equal(item(id)->by, (n)); \
		if (n) \
			assert_int_equal(item(id)->unit, (u)); \
	} while (0)

static void test_outcomes(void **state)
{
	char t[LDR_TIME_STR_MAX];
	(void)state;
	OUTCOME("C1", LDR_OUT_ON_TIME, 0, 0);
	assert_string_equal(ldr_time_format(&item("C1")->delivered, t), "2016-11");
	OUTCOME("C2", LDR_OUT_EARLY, 0, 0);   /* delivered in Q1 for Q2 */
	OUTCOME("C3", LDR_OUT_LATE, 2, LDR_UNIT_MONTH); /* due by December, delivered in February */
	OUTCOME("C4", LDR_OUT_SLIPPED, 1, LDR_UNIT_YEAR); /* 16/17 to 17/18 */
	OUTCOME("C5", LDR_OUT_DROPPED, 0, 0); /* status */
	OUTCOME("C6", LDR_OUT_DROPPED, 0, 0); /* removed */
	assert_false(item("C6")->present);
	OUTCOME("C7", LDR_OUT_OVERDUE, 0, 0); /* due by December, not delivered by March */
	/* Delivered, with no date: never late, never dated from a commit. */
	OUTCOME("P1", LDR_OUT_UNDATED, 0, 0);
	assert_int_equal(item("P1")->delivered.kind, LDR_TIME_NONE);
	OUTCOME("P1-M1", LDR_OUT_UNDATED, 0, 0);
	assert_string_equal(item("P1-M1")->parent, "P1");
	OUTCOME("UC04-A1", LDR_OUT_ON_TIME, 0, 0); /* done at the baseline */
	assert_true(item("UC04-A1")->before_plan);
	OUTCOME("UC04-A2", LDR_OUT_UNDATED, 0, 0);
	assert_false(item("UC04-A3")->in_baseline);
	assert_false(item("UC04-A3")->added);
}

static void test_added(void **state)
{
	(void)state;
	assert_true(item("C8")->added); /* brought forward from 17/18 */
	assert_int_equal(item("C8")->outcome, LDR_OUT_IN_PROGRESS); /* due by March: not yet ended */
	assert_true(item("C9")->added); /* new */
	assert_int_equal(item("C9")->outcome, LDR_OUT_UNDATED);
	assert_int_equal(item("C9")->nevents, 2); /* added, then delivered */
	assert_int_equal(item("C9")->events[0].type, LDR_RC_ADDED);
}

static void test_reasons(void **state)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char a[LDR_TIME_STR_MAX], c[LDR_TIME_STR_MAX];
	const struct ldr_review_item *c4 = item("C4");
	(void)state;

	assert_int_equal(c4->rephased, 2);
	assert_int_equal(c4->nevents, 2);
	assert_int_equal(c4->events[0].type, LDR_RC_MOVED);
	assert_string_equal(ldr_time_format(&c4->events[0].from, a), "16/17");
	assert_string_equal(ldr_time_format(&c4->events[0].to, c), "17/18 Q2");
	assert_string_equal(ldr_time_format(&c4->events[1].to, c), "17/18");
	assert_int_equal(ldr_review_net_quarters(c4), 4);
	assert_ptr_equal(ldr_review_largest_move(c4), &c4->events[0]); /* +2 quarters twice: the first */
	ldr_review_event_text(&b, &rv, &c4->events[0], 0);
	assert_string_equal(b.s, "2016-09-30 Pat Office 1111111: 16/17 -> 17/18 Q2 (+2 quarters) "
				 "'Q2 update: C4 slips'");
	assert_true(ldr_review_has_reasons(c4));
	/* Dropped and removed: the commit that did it. */
	assert_int_equal(item("C5")->events[0].type, LDR_RC_DROPPED);
	assert_string_equal(rv.commits[item("C5")->events[0].commit].message, "Q3 update");
	assert_int_equal(item("C6")->events[0].type, LDR_RC_REMOVED);
	assert_int_equal(item("C8")->rephased, 1);
	assert_int_equal(item("C1")->rephased, 0);
	assert_false(ldr_review_has_reasons(item("C1")));
	/* Commits are kept once, and only those that did something. */
	assert_int_equal(rv.ncommits, 4);
	ldr_buf_release(&b);
}

static void test_recorded(void **state)
{
	(void)state;
	/* C2 was recorded in the first commit, C3's date in the last. */
	assert_string_equal(ldr_review_recorded(&rv, item("C2"))->message, "Q2 update: C4 slips\n\nThe supplier is late.");
	assert_ptr_equal(ldr_review_recorded(&rv, item("C3")), &rv.commits[3]);
	/* Done at the baseline: no commit recorded it. */
	assert_null(ldr_review_recorded(&rv, item("UC04-A1")));
	assert_null(ldr_review_recorded(&rv, item("C7")));
}

static void test_totals(void **state)
{
	size_t i;
	(void)state;
	assert_int_equal(rv.all.planned, 11);
	assert_int_equal(rv.all.added, 2);
	assert_int_equal(rv.all.n[LDR_OUT_ON_TIME], 2);
	assert_int_equal(rv.all.n[LDR_OUT_EARLY], 1);
	assert_int_equal(rv.all.n[LDR_OUT_LATE], 1);
	assert_int_equal(rv.all.n[LDR_OUT_UNDATED], 3);
	assert_int_equal(rv.all.n[LDR_OUT_SLIPPED], 1);
	assert_int_equal(rv.all.n[LDR_OUT_DROPPED], 2);
	assert_int_equal(rv.all.n[LDR_OUT_OVERDUE], 1);
	assert_int_equal(rv.all.n[LDR_OUT_IN_PROGRESS], 0);
	assert_int_equal(ldr_review_percent_delivered(&rv.all), 64); /* 7 of 11 */
	assert_int_equal(ldr_review_percent_on_time(&rv.all), 27);   /* 3 of 11 */

	assert_int_equal(rv.ntotals, 3);
	for (i = 0; i < rv.ntotals; i++) {
		const struct ldr_review_total *t = &rv.totals[i];
		if (!strcmp(t->group, "records")) {
			assert_string_equal(t->name, "Records, assessments and plans");
			assert_int_equal(t->planned, 4); /* C1, C2, P1, P1-M1 */
			assert_int_equal(ldr_review_percent_delivered(t), 100);
			assert_int_equal(ldr_review_percent_on_time(t), 50);
		} else if (!strcmp(t->group, "transfers")) {
			assert_int_equal(t->planned, 4); /* C3, C4 and UC04's activities */
			assert_int_equal(ldr_review_percent_delivered(t), 75);
			assert_int_equal(ldr_review_percent_on_time(t), 25);
		} else {
			assert_string_equal(t->group, "remote");
			assert_int_equal(t->planned, 3);
			assert_int_equal(t->added, 2);
			assert_int_equal(ldr_review_percent_delivered(t), 0);
		}
	}
}

/* One capability planned for plan, with a delivered time (NULL: none),
 * reviewed for 16/17 as of as_of; the outcome, and what it came to. */
static enum ldr_outcome judge(const char *plan, const char *delivered, int as_of, struct ldr_review_item *out)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_review r;
	struct ldr_buf y = LDR_BUF_INIT;
	enum ldr_outcome o;

	ldr_buf_addf(&y, HEAD "capabilities:\n- {id: C1, who: a, what: b, year: '%s'%s%s}\n", plan,
		     delivered ? ", status: delivered, delivered: " : "", delivered ? delivered : "");
	assert_int_equal(load(y.s, &rm, &d), 0);
	ldr_review_init(&r, ldr_time_year(2016), as_of);
	set(&rm, "C1.status=firm");
	ldr_review_baseline(&r, &rm);
	if (delivered)
		set(&rm, "C1.status=delivered");
	ldr_review_now(&r, &rm);
	ldr_review_finish(&r);
	o = r.items[0].outcome;
	*out = r.items[0];
	out->id = out->parent = out->title = out->group = out->group_name = NULL;
	out->events = NULL;
	ldr_review_release(&r);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	ldr_buf_release(&y);
	return o;
}

static void test_granularity(void **state)
{
	struct ldr_review_item it;
	(void)state;

	/* The coarser of the two: delivered 16/17 for 16/17 Q3 is on time. */
	assert_int_equal(judge("16/17 Q3", "16/17", month(2017, 3), &it), LDR_OUT_ON_TIME);
	assert_int_equal(judge("16/17", "16/17 Q4", month(2017, 3), &it), LDR_OUT_ON_TIME);
	/* A year's delivery counts once the year has begun by the review date. */
	assert_int_equal(judge("16/17", "16/17", month(2017, 1), &it), LDR_OUT_ON_TIME);
	/* Late by so many of the delivered time's units after the plan's end. */
	assert_int_equal(judge("2016-07", "2016-09", month(2017, 3), &it), LDR_OUT_LATE);
	assert_int_equal(it.by, 2);
	assert_int_equal(it.unit, LDR_UNIT_MONTH);
	assert_int_equal(judge("16/17", "2017-05", month(2017, 6), &it), LDR_OUT_LATE);
	assert_int_equal(it.by, 2);
	assert_int_equal(it.unit, LDR_UNIT_MONTH);
	assert_int_equal(judge("16/17 Q4", "17/18", month(2018, 3), &it), LDR_OUT_LATE);
	assert_int_equal(it.by, 1);
	assert_int_equal(it.unit, LDR_UNIT_YEAR);
	assert_int_equal(judge("16/17", "17/18 Q2", month(2018, 3), &it), LDR_OUT_LATE);
	assert_int_equal(it.by, 2);
	assert_int_equal(it.unit, LDR_UNIT_QUARTER);
	/* Delivered in the first month of the quarter after: not on time. */
	assert_int_equal(judge("16/17 Q2", "2016-10", month(2017, 3), &it), LDR_OUT_LATE);
	assert_int_equal(judge("16/17 Q2", "2016-09", month(2017, 3), &it), LDR_OUT_ON_TIME);
	assert_int_equal(judge("16/17 Q3", "2016-06", month(2017, 3), &it), LDR_OUT_EARLY);
	/* Not delivered: in progress until its time has ended, then overdue. */
	assert_int_equal(judge("16/17", NULL, month(2017, 3), &it), LDR_OUT_IN_PROGRESS);
	assert_int_equal(judge("16/17", NULL, month(2017, 4), &it), LDR_OUT_OVERDUE);
	assert_int_equal(judge("16/17 Q3", NULL, month(2016, 12), &it), LDR_OUT_IN_PROGRESS);
	assert_int_equal(judge("16/17 Q3", NULL, month(2017, 1), &it), LDR_OUT_OVERDUE);
	/* Delivered after the review date: not yet, and said so. */
	assert_int_equal(judge("16/17", "2017-06", month(2017, 4), &it), LDR_OUT_OVERDUE);
	assert_true(it.delivered_after);
	assert_int_equal(judge("16/17", "2017-06", month(2017, 6), &it), LDR_OUT_LATE);
	assert_false(it.delivered_after);
}

static void test_as_of_before_a_delivery(void **state)
{
	struct ldr_roadmap rm, was;
	struct ldr_diag d;
	struct ldr_review r;
	struct ldr_buf b = LDR_BUF_INIT;
	(void)state;

	/* Reviewed as of December, C3's February delivery has not happened;
	 * C3 was due by December: not overdue yet. */
	assert_int_equal(load(BASELINE, &rm, &d), 0);
	ldr_review_init(&r, ldr_time_quarter(2016, 3), month(2016, 12));
	ldr_review_baseline(&r, &rm);
	copy(&was, &rm);
	set(&rm, "C3.delivered=2017-02");
	commit(&r, '1', "C3", &was, &rm);
	ldr_review_now(&r, &rm);
	ldr_review_finish(&r);
	assert_int_equal(r.all.planned, 4); /* P1-M1, C3, C7 and UC04-A2: due in Q3 */
	assert_int_equal(item_in(&r, "C3")->outcome, LDR_OUT_IN_PROGRESS);
	assert_true(item_in(&r, "C3")->delivered_after);
	ldr_review_item_text(&b, item_in(&r, "C3"), 1);
	assert_string_equal(b.s, "delivered 2017-02, after the review date");
	ldr_buf_release(&b);
	ldr_review_release(&r);
	ldr_roadmap_release(&rm);
	ldr_roadmap_release(&was);
	ldr_diag_release(&d);
}

/* Only the records a commit changed, as a small roadmap each side, give
 * the same events as the whole versions. */
static void test_partial_versions(void **state)
{
	struct ldr_roadmap base, before, after;
	struct ldr_diag d;
	struct ldr_review r;
	(void)state;

	assert_int_equal(load(BASELINE, &base, &d), 0);
	ldr_diag_release(&d);
	ldr_review_init(&r, ldr_time_year(2016), month(2017, 3));
	ldr_review_baseline(&r, &base);
	assert_int_equal(load(HEAD "capabilities:\n- {id: C4, who: a, what: b, year: 16/17, group: transfers}\n",
			      &before, &d), 0);
	ldr_diag_release(&d);
	assert_int_equal(load(HEAD "capabilities:\n- {id: C4, who: a, what: b, year: 17/18, group: transfers}\n",
			      &after, &d), 0);
	ldr_diag_release(&d);
	commit(&r, '1', "C4 slips", &before, &after);
	set(&base, "C4.year=17/18");
	ldr_review_now(&r, &base);
	ldr_review_finish(&r);
	assert_int_equal(item_in(&r, "C4")->outcome, LDR_OUT_SLIPPED);
	assert_int_equal(item_in(&r, "C4")->nevents, 1);
	assert_int_equal(item_in(&r, "C1")->nevents, 0); /* in neither: unchanged */
	assert_true(item_in(&r, "C1")->present);
	ldr_review_release(&r);
	ldr_roadmap_release(&base);
	ldr_roadmap_release(&before);
	ldr_roadmap_release(&after);
}

/* A programme plan: checkpoints are items named by their milestone and
 * time, judged from their own delivered dates, their moves seen; from and
 * tbc commitments are apart, never counted, never overdue. */
#define PLAN "ldr: 1\nfootprint:\n  name: T\n  kind: programme\n  start: 21/22\n  end: 23/24\n" \
	"projects:\n- id: P\n  name: P\n  group: records\n  milestones:\n" \
	"  - id: M1\n    what: |\n      all\n      of it\n    due: by 2023-03\n    checkpoints:\n" \
	"    - {when: 2022-06, what: half}\n    - {when: by 2022-12, what: most}\n" \
	"  - {id: M2, what: open, due: from 2022-04}\n  - {id: M3, what: later, due: tbc}\n" \
	"  - {id: M4, what: late, due: from 2023-06}\n"

static void test_programme(void **state)
{
	struct ldr_roadmap base, now;
	struct ldr_diag d;
	struct ldr_review r;
	struct ldr_milestone *m;
	struct ldr_checkpoint *k;
	(void)state;

	assert_int_equal(load(PLAN, &base, &d), 0);
	ldr_diag_release(&d);
	ldr_review_init(&r, ldr_time_year(2022), month(2023, 1));
	ldr_review_baseline(&r, &base);
	copy(&now, &base);
	m = LDR_ITEM(LDR_ITEM(now.projects, struct ldr_project, 0)->milestones, struct ldr_milestone, 0);
	k = LDR_ITEM(m->checkpoints, struct ldr_checkpoint, 0);
	k->status = LDR_MILESTONE_DONE;
	k->delivered = ldr_time_month(2022, 8);
	LDR_ITEM(m->checkpoints, struct ldr_checkpoint, 1)->when = ldr_time_month(2023, 2);
	commit(&r, '1', "half delivered in August; most moved to February", &base, &now);
	ldr_review_now(&r, &now);
	ldr_review_finish(&r);
	assert_true(item_in(&r, "M1[2022-06]")->in_baseline);
	assert_int_equal(item_in(&r, "M1[2022-06]")->outcome, LDR_OUT_LATE);
	assert_int_equal(item_in(&r, "M1[2022-06]")->by, 2);
	/* Its time is its key: moved, it is another checkpoint (the old one removed). */
	assert_int_equal(item_in(&r, "M1[by 2022-12]")->outcome, LDR_OUT_DROPPED);
	assert_true(item_in(&r, "M1[2023-02]")->added);
	assert_int_equal(item_in(&r, "M1[2023-02]")->outcome, LDR_OUT_IN_PROGRESS);
	assert_true(item_in(&r, "M1")->in_baseline);
	/* From a time within the period, and tbc: apart. From after it: nowhere. */
	assert_true(item_in(&r, "M2")->apart);
	assert_false(item_in(&r, "M2")->in_baseline);
	assert_true(item_in(&r, "M3")->apart);
	assert_false(item_in(&r, "M4")->apart);
	assert_false(item_in(&r, "M4")->in_baseline);
	assert_int_equal(r.all.planned, 3); /* M1 and its two checkpoints at the baseline */
	assert_int_equal(r.all.n[LDR_OUT_OVERDUE], 0);
	ldr_review_release(&r);
	ldr_roadmap_release(&base);
	ldr_roadmap_release(&now);
}

/* A merge: what it took from its second parent was that side's commits'
 * doing; only what it decided itself is its own. */
static void test_merge(void **state)
{
	struct ldr_roadmap base, side, ours, merged;
	struct ldr_diag d;
	struct ldr_review r;
	(void)state;

	assert_int_equal(load(BASELINE, &base, &d), 0);
	ldr_diag_release(&d);
	ldr_review_init(&r, ldr_time_year(2016), month(2017, 3));
	ldr_review_baseline(&r, &base);
	copy(&side, &base);
	set(&side, "C4.year=17/18");
	commit(&r, '1', "C4 slips, on a branch", &base, &side);
	copy(&ours, &base);
	set(&ours, "C7.year=17/18 Q1");
	commit(&r, '2', "C7 slips, on the main line", &base, &ours);
	copy(&merged, &ours);
	set(&merged, "C4.year=17/18");
	set(&merged, "C1.year=16/17 Q3"); /* decided in the merge */
	commit3(&r, '3', "Merge", &ours, &merged, &side);
	ldr_review_now(&r, &merged);
	ldr_review_finish(&r);
	assert_int_equal(item_in(&r, "C4")->nevents, 1); /* the branch's commit, not the merge too */
	assert_string_equal(r.commits[item_in(&r, "C4")->events[0].commit].message, "C4 slips, on a branch");
	assert_int_equal(item_in(&r, "C7")->nevents, 1);
	assert_int_equal(item_in(&r, "C1")->nevents, 1);
	assert_string_equal(r.commits[item_in(&r, "C1")->events[0].commit].message, "Merge");
	ldr_review_release(&r);
	ldr_roadmap_release(&base);
	ldr_roadmap_release(&side);
	ldr_roadmap_release(&ours);
	ldr_roadmap_release(&merged);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outcomes),
		cmocka_unit_test(test_added),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_recorded),
		cmocka_unit_test(test_totals),
		cmocka_unit_test(test_granularity),
		cmocka_unit_test(test_as_of_before_a_delivery),
		cmocka_unit_test(test_partial_versions),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_programme),
	};
	return cmocka_run_group_tests_name("review", tests, history, done);
}
