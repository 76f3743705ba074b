/* The review, on a history worked out by hand: a baseline, three updates
 * and the current plan, with every outcome, additions and drift. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/edit.h"
#include "../../model/review.h"
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

static int history(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_capability *c9;
	(void)state;

	assert_int_equal(load(BASELINE, &rm, &d), 0);
	ldr_review_init(&rv, ldr_time_year(2016), month(2017, 3));
	ldr_review_add(&rv, &rm, month(2016, 6));

	set(&rm, "C4.year=17/18 Q2");
	set(&rm, "P1-M1.status=done");
	set(&rm, "C2.status=delivered");
	set(&rm, "C2.delivered=2016-04");
	/* C9 is new. */
	c9 = ldr_list_push(&rm.capabilities, &ldr_kind_capability);
	c9->id = ldr_strdup("C9");
	c9->who = ldr_strdup("a");
	c9->what = ldr_strdup("b");
	c9->group = ldr_strdup("remote");
	c9->year = ldr_time_year(2016);
	ldr_review_add(&rv, &rm, month(2016, 9));

	set(&rm, "C1.status=delivered");
	set(&rm, "C1.delivered=2016-11");
	set(&rm, "C9.status=delivered");
	set(&rm, "P1.status=delivered");
	set(&rm, "C4.year=17/18");
	set(&rm, "C5.status=dropped");
	ldr_review_add(&rv, &rm, month(2016, 12));

	set(&rm, "UC04-A2.done=true");
	set(&rm, "C8.year=16/17 Q4");
	/* C6 is removed. */
	ldr_rec_release(&ldr_kind_capability, ldr_list_at(&rm.capabilities, &ldr_kind_capability, 5));
	memmove(ldr_list_at(&rm.capabilities, &ldr_kind_capability, 5),
		ldr_list_at(&rm.capabilities, &ldr_kind_capability, 6),
		(rm.capabilities.len - 6) * sizeof(struct ldr_capability));
	rm.capabilities.len--;
	ldr_review_add(&rv, &rm, month(2017, 1));

	set(&rm, "C3.delivered=2017-02");
	ldr_review_add(&rv, &rm, month(2017, 3));
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

static const struct ldr_review_item *item(const char *id)
{
	static const struct ldr_review_item none;
	size_t i;
	for (i = 0; i < rv.n; i++)
		if (strcmp(rv.items[i].id, id) == 0)
			return &rv.items[i];
	fail_msg("no item %s", id);
	return &none;
}

#define OUTCOME(id, o, q) do { \
		assert_true(item(id)->in_baseline); \
		assert_int_equal(item(id)->outcome, (o)); \
		assert_int_equal(item(id)->quarters, (q)); \
	} while (0)

static void test_outcomes(void **state)
{
	(void)state;
	OUTCOME("C1", LDR_OUT_ON_TIME, 0);
	assert_int_equal(item("C1")->delivered, month(2016, 11));
	assert_true(item("C1")->delivered_recorded);
	OUTCOME("C2", LDR_OUT_EARLY, 0);   /* delivered before its quarter began */
	OUTCOME("C3", LDR_OUT_LATE, 1);    /* due by December, delivered in February */
	OUTCOME("C4", LDR_OUT_SLIPPED, 4); /* 16/17 to 17/18 */
	OUTCOME("C5", LDR_OUT_DROPPED, 0); /* status */
	OUTCOME("C6", LDR_OUT_DROPPED, 0); /* removed */
	OUTCOME("C7", LDR_OUT_OPEN, 0);
	assert_true(item("C7")->overdue);
	OUTCOME("P1", LDR_OUT_EARLY, 0);   /* due in its end quarter, delivered in December */
	assert_int_equal(item("P1")->delivered, month(2016, 12)); /* when first recorded */
	assert_false(item("P1")->delivered_recorded);
	OUTCOME("P1-M1", LDR_OUT_EARLY, 0);
	assert_string_equal(item("P1-M1")->parent, "P1");
	OUTCOME("UC04-A1", LDR_OUT_EARLY, 0); /* done at the baseline, in June */
	OUTCOME("UC04-A2", LDR_OUT_LATE, 1);
	assert_false(item("UC04-A3")->in_baseline);
	assert_false(item("UC04-A3")->added);
}

static void test_added(void **state)
{
	(void)state;
	assert_true(item("C8")->added); /* brought forward from 17/18 */
	assert_int_equal(item("C8")->outcome, LDR_OUT_OPEN);
	assert_false(item("C8")->overdue);
	assert_true(item("C9")->added); /* new */
	assert_int_equal(item("C9")->outcome, LDR_OUT_ON_TIME);
}

static void test_drift(void **state)
{
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX], c[LDR_TIME_STR_MAX];
	(void)state;
	assert_int_equal(item("C4")->rephased, 2);
	assert_int_equal(item("C4")->npath, 3);
	assert_string_equal(ldr_time_format(&item("C4")->path[0], a), "16/17");
	assert_string_equal(ldr_time_format(&item("C4")->path[1], b), "17/18 Q2");
	assert_string_equal(ldr_time_format(&item("C4")->path[2], c), "17/18");
	assert_int_equal(item("C8")->rephased, 1);
	assert_int_equal(item("C1")->rephased, 0);
	assert_int_equal(rv.versions, 5);
}

static void test_totals(void **state)
{
	size_t i;
	(void)state;
	assert_int_equal(rv.all.planned, 11);
	assert_int_equal(rv.all.added, 2);
	assert_int_equal(rv.all.n[LDR_OUT_ON_TIME], 1);
	assert_int_equal(rv.all.n[LDR_OUT_EARLY], 4);
	assert_int_equal(rv.all.n[LDR_OUT_LATE], 2);
	assert_int_equal(rv.all.n[LDR_OUT_SLIPPED], 1);
	assert_int_equal(rv.all.n[LDR_OUT_DROPPED], 2);
	assert_int_equal(rv.all.n[LDR_OUT_OPEN], 1);
	assert_int_equal(ldr_review_percent_delivered(&rv.all), 64); /* 7 of 11 */
	assert_int_equal(ldr_review_percent_on_time(&rv.all), 45);   /* 5 of 11 */

	assert_int_equal(rv.ntotals, 3);
	for (i = 0; i < rv.ntotals; i++) {
		const struct ldr_review_total *t = &rv.totals[i];
		if (!strcmp(t->group, "records")) {
			assert_string_equal(t->name, "Records, assessments and plans");
			assert_int_equal(t->planned, 4); /* C1, C2, P1, P1-M1 */
			assert_int_equal(ldr_review_percent_on_time(t), 100);
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

static void test_as_of_before_a_delivery(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_review r;
	(void)state;

	/* Reviewed as of December, C3's February delivery has not happened. */
	assert_int_equal(load(BASELINE, &rm, &d), 0);
	ldr_review_init(&r, ldr_time_quarter(2016, 3), month(2016, 12));
	ldr_review_add(&r, &rm, month(2016, 6));
	set(&rm, "C3.delivered=2017-02");
	ldr_review_add(&r, &rm, month(2017, 3));
	ldr_review_finish(&r);
	assert_int_equal(r.all.planned, 4); /* P1-M1, C3, C7 and UC04-A2: due in Q3 */
	assert_string_equal(r.items[4].id, "C3");
	assert_int_equal(r.items[4].outcome, LDR_OUT_OPEN);
	assert_false(r.items[4].overdue); /* due by December: not yet overdue */
	ldr_review_release(&r);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outcomes),
		cmocka_unit_test(test_added),
		cmocka_unit_test(test_drift),
		cmocka_unit_test(test_totals),
		cmocka_unit_test(test_as_of_before_a_delivery),
	};
	return cmocka_run_group_tests_name("review", tests, history, done);
}
