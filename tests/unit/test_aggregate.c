/* The national view: small roadmaps in memory, summed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/national/aggregate.h"
#include "helpers.h"

/* North: two capabilities in records (16/17 and 17/18), one in a local
 * group, one unscheduled, one dropped; UC04 planned and complete with a
 * figure above the target; UC09 planned with a figure below it; a
 * project that depends on nothing and delivers nothing (an orphan). */
#define NORTH HEAD                                                              \
	"  as_at: 2017-01\n"                                                    \
	"groups:\n- id: mobile\n  name: Mobile working\n"                     \
	"projects:\n- id: P1\n  name: One\n  start: 16/17 Q1\n  end: 16/17 Q2\n  status: delivered\n" \
	"  delivered: 2016-09\n"                                                \
	"capabilities:\n"                                                       \
	"- id: C1\n  who: GPs\n  what: Refer\n  year: 16/17\n  group: records\n  projects: [P1]\n" \
	"- id: C2\n  who: GPs\n  what: View\n  year: 17/18 Q2\n  group: records\n  projects: [P1]\n" \
	"- id: C3\n  who: Nurses\n  what: Roam\n  year: 17/18\n  group: mobile\n  projects: [P1]\n" \
	"- id: C4\n  who: Nurses\n  what: Plan\n  group: remote\n  projects: [P1]\n" \
	"- id: C5\n  who: Nurses\n  what: Drop\n  year: 16/17\n  group: records\n  status: dropped\n" \
	"universal_capabilities:\n"                                            \
	"- id: UC04\n  enabled: complete\n  baseline: 78% of referrals in January 2016\n" \
	"  ambition:\n  - year: 16/17\n    text: 85% electronic\n  - year: 18/19\n    text: all of them, 100%\n" \
	"  activities:\n  - id: A1\n    quarter: 16/17 Q1\n    what: Audit\n    done: true\n" \
	"  - id: A2\n    quarter: 17/18 Q3\n    what: Train\n" \
	"- id: UC09\n  enabled: in-progress\n  ambition:\n  - year: 16/17\n    text: 62.5% of repeats\n"

/* South: one capability in transfers in 16/17 with a group no one defines;
 * UC04 planned without a figure. */
#define SOUTH HEAD                                                              \
	"capabilities:\n"                                                       \
	"- id: C1\n  who: GPs\n  what: Refer\n  year: 16/17\n  group: transfers\n" \
	"- id: C2\n  who: GPs\n  what: Chat\n  year: 16/17\n  group: nowhere\n" \
	"universal_capabilities:\n"                                            \
	"- id: UC04\n  ambition:\n  - year: 17/18\n    text: Every referral electronic\n"

static void add(struct ldr_aggregate *a, const char *file, const char *yaml,
		const struct ldr_check_opts *o)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;

	if (load(yaml, &rm, &d) != 0) {
		dump(&d);
		fail_msg("the fixture does not load");
	}
	assert_int_equal(ldr_aggregate_add(a, file, &rm, o), 0);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

static void test_capabilities_by_group_and_year(void **state)
{
	struct ldr_aggregate a;
	struct ldr_agg_cell c;
	size_t n;
	int *years;

	(void)state;
	ldr_aggregate_init(&a);
	add(&a, "north.yaml", NORTH, NULL);
	add(&a, "south.yaml", SOUTH, NULL);
	assert_int_equal(a.n, 2);
	assert_int_equal(a.checked, 2);
	assert_int_equal(a.v[0].capabilities, 4);
	assert_int_equal(a.v[0].dropped, 1);

	years = ldr_aggregate_years(&a, &n);
	assert_int_equal(n, 3);
	assert_int_equal(years[0], 2016);
	assert_int_equal(years[1], 2017);
	assert_int_equal(years[2], LDR_AGG_UNSCHEDULED);
	free(years);

	c = ldr_aggregate_cell(&a, 0, 2016); /* records: C1 of North; C5 is dropped */
	assert_int_equal(c.capabilities, 1);
	assert_int_equal(c.footprints, 1);
	c = ldr_aggregate_cell(&a, 0, 2017); /* a quarter of 17/18 counts in 17/18 */
	assert_int_equal(c.capabilities, 1);
	c = ldr_aggregate_cell(&a, 0, LDR_AGG_ALL_YEARS);
	assert_int_equal(c.capabilities, 2);
	c = ldr_aggregate_cell(&a, 1, 2016); /* transfers: South */
	assert_int_equal(c.capabilities, 1);
	assert_int_equal(c.footprints, 1);
	c = ldr_aggregate_cell(&a, LDR_AGG_LOCAL, 2017);
	assert_int_equal(c.capabilities, 1);
	c = ldr_aggregate_cell(&a, LDR_AGG_NO_GROUP, 2016); /* 'nowhere' is no group */
	assert_int_equal(c.capabilities, 1);
	c = ldr_aggregate_cell(&a, 5, LDR_AGG_UNSCHEDULED); /* remote, no year */
	assert_int_equal(c.capabilities, 1);
	assert_string_equal(ldr_agg_group_id(LDR_AGG_LOCAL), "local");
	assert_string_equal(ldr_agg_group_name(1), "Transfers of care");
	ldr_aggregate_release(&a);
}

static void test_universal_capabilities_and_targets(void **state)
{
	struct ldr_aggregate a;
	struct ldr_agg_uc_summary s;
	const struct ldr_agg_uc *u;
	char buf[16];
	size_t n;
	int *years;

	(void)state;
	ldr_aggregate_init(&a);
	add(&a, "north.yaml", NORTH, NULL);
	add(&a, "south.yaml", SOUTH, NULL);

	u = &a.v[0].ucs[3]; /* UC04 */
	assert_true(u->planned);
	assert_int_equal(u->enabled, LDR_UC_COMPLETE);
	assert_string_equal(ldr_time_format(&u->first, buf), "16/17");
	assert_string_equal(ldr_time_format(&u->last, buf), "18/19");
	assert_string_equal(ldr_time_format(&u->last_activity, buf), "17/18 Q3");
	assert_int_equal(u->activities, 2);
	assert_int_equal(u->done, 1);
	/* The target is due September 2017 (17/18): 18/19's 100% is too late. */
	assert_int_equal(u->stated, 850);
	assert_string_equal(ldr_time_format(&u->stated_year, buf), "16/17");
	assert_int_equal(u->baseline, 780);
	assert_int_equal(u->position, LDR_AGG_MEETS);
	assert_int_equal(a.v[0].ucs[8].position, LDR_AGG_BELOW); /* UC09: 62.5% < 80% */
	assert_int_equal(a.v[0].ucs[8].stated, 625);
	assert_int_equal(a.v[0].ucs[9].position, LDR_AGG_NO_PLAN); /* UC10 */
	assert_int_equal(a.v[1].ucs[3].position, LDR_AGG_NO_FIGURE);
	assert_int_equal(a.v[0].ucs_planned, 2);

	ldr_aggregate_uc_summary(&a, 3, &s);
	assert_int_equal(s.planned, 2);
	assert_int_equal(s.enabled[LDR_UC_COMPLETE], 1);
	assert_int_equal(s.enabled[0], 1); /* South does not say */
	assert_int_equal(s.positions[LDR_AGG_MEETS], 1);
	assert_int_equal(s.positions[LDR_AGG_NO_FIGURE], 1);
	assert_int_equal(s.lowest, 850);
	assert_int_equal(s.highest, 850);

	years = ldr_aggregate_ambition_years(&a, &n);
	assert_int_equal(n, 3); /* North's UC04 18/19, UC09 16/17; South's 17/18 */
	assert_int_equal(years[0], 2016);
	free(years);
	assert_int_equal(ldr_aggregate_ambition_by(&a, 3, 2018), 1);
	assert_int_equal(ldr_aggregate_ambition_by(&a, 3, 2017), 1);
	assert_int_equal(ldr_aggregate_ambition_by(&a, 3, 2016), 0);
	ldr_aggregate_release(&a);
}

static void test_checks_as_of(void **state)
{
	struct ldr_aggregate a;
	struct ldr_check_opts o;
	const struct ldr_rule *orphan = ldr_rule_find("orphan"), *overdue = ldr_rule_find("overdue");
	size_t fps, findings;
	char buf[16], err[100];

	(void)state;
	ldr_aggregate_init(&a);
	add(&a, "north.yaml", NORTH, NULL);
	/* North's as_at is 2017-01: its 16/17 capability is not yet overdue. */
	assert_string_equal(ldr_time_format(&a.v[0].as_of, buf), "2017-01");
	assert_int_equal(a.v[0].per_rule[overdue - ldr_rules], 0);
	memset(&o, 0, sizeof(o));
	assert_int_equal(ldr_time_parse(&o.as_of, "2018-06", LDR_TIME_ANY, err, sizeof(err)), 0);
	add(&a, "north-later.yaml", NORTH, &o);
	assert_string_equal(ldr_time_format(&a.v[1].as_of, buf), "2018-06");
	assert_true(a.v[1].per_rule[overdue - ldr_rules] > 0);
	assert_true(a.v[1].warnings > a.v[0].warnings);
	/* Its one error: C4 has no year (rule unplanned). */
	assert_int_equal(a.v[0].errors, 1);
	assert_int_equal(a.v[0].per_rule[ldr_rule_find("unplanned") - ldr_rules], 1);

	/* South's C2 names a group that does not exist: an error. */
	add(&a, "south.yaml", SOUTH, NULL);
	assert_true(a.v[2].errors > 0);
	ldr_aggregate_rule(&a, (size_t)(overdue - ldr_rules), &fps, &findings);
	assert_int_equal(fps, 1);
	ldr_aggregate_rule(&a, (size_t)(orphan - ldr_rules), &fps, &findings);
	assert_int_equal(fps, 1); /* South's capabilities have no projects */
	assert_int_equal(findings, 2);
	ldr_aggregate_release(&a);
}

static void test_skipped_files_are_listed(void **state)
{
	struct ldr_aggregate a;
	struct ldr_agg_uc_summary s;
	struct ldr_agg_cell c;

	(void)state;
	ldr_aggregate_init(&a);
	add(&a, "south.yaml", SOUTH, NULL);
	assert_int_equal(ldr_aggregate_skip(&a, "bad.yaml", "3:1: unknown key 'x' in the roadmap", 2), 0);
	assert_int_equal(a.n, 2);
	assert_int_equal(a.skipped, 1);
	assert_int_equal(a.checked, 1);
	assert_string_equal(a.v[1].file, "bad.yaml");
	assert_null(a.v[1].name);
	assert_string_equal(a.v[1].skipped, "3:1: unknown key 'x' in the roadmap");
	assert_int_equal(a.v[1].load_errors, 2);
	/* A skipped footprint counts in no table. */
	ldr_aggregate_uc_summary(&a, 3, &s);
	assert_int_equal(s.planned, 1);
	assert_int_equal(s.positions[LDR_AGG_NO_PLAN], 0);
	c = ldr_aggregate_cell(&a, 1, LDR_AGG_ALL_YEARS);
	assert_int_equal(c.footprints, 1);
	ldr_aggregate_release(&a);
}

static void test_figures_in_text(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(ldr_permille_parse("80% by March 2017"), 800);
	assert_int_equal(ldr_permille_parse("from 2016, 99.5% of them"), 995);
	assert_int_equal(ldr_permille_parse("98%+ compliance"), 980);
	assert_int_equal(ldr_permille_parse("Over 79 practices (67%)"), 670);
	assert_int_equal(ldr_permille_parse("100%"), 1000);
	assert_int_equal(ldr_permille_parse("no figure, 80 percent"), -1);
	assert_int_equal(ldr_permille_parse("v1.5%"), 15); /* '1.5' after a letter: a figure */
	assert_int_equal(ldr_permille_parse("12345678%"), -1); /* too many digits */
	assert_int_equal(ldr_permille_parse(""), -1);
	assert_int_equal(ldr_permille_parse(NULL), -1);
	assert_string_equal(ldr_permille_format(800, buf), "80");
	assert_string_equal(ldr_permille_format(625, buf), "62.5");
	assert_string_equal(ldr_permille_format(-1, buf), "");
	assert_string_equal(ldr_agg_position_name(LDR_AGG_MEETS), "at-or-above");
	assert_string_equal(ldr_agg_position_name(LDR_AGG_NO_PLAN), "no-plan");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_capabilities_by_group_and_year),
		cmocka_unit_test(test_universal_capabilities_and_targets),
		cmocka_unit_test(test_checks_as_of),
		cmocka_unit_test(test_skipped_files_are_listed),
		cmocka_unit_test(test_figures_in_text),
	};
	return cmocka_run_group_tests_name("aggregate", tests, NULL, NULL);
}
