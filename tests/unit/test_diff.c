/* The semantic diff: by id and field, re-phasing measured in quarters, keyed
 * records as paths, whole records added and removed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/roadmap/diff.h"
#include "../../model/roadmap/schedule.h"
#include "helpers.h"

#define BASE HEAD "projects:\n" \
	"- id: P1\n  name: First\n  start: 16/17 Q1\n  end: 16/17 Q4\n" \
	"  milestones:\n  - {id: P1-M1, what: Go live, due: 2016-10}\n" \
	"- id: P2\n  name: Second\n  start: 17/18\n" \
	"capabilities:\n- id: C1\n  who: GPs\n  what: Refer\n  year: 16/17\n  attributes: {Solution: eRS}\n" \
	"universal_capabilities:\n- id: UC04\n  ambition:\n  - {year: 16/17, text: Half}\n" \
	"  activities:\n  - {id: UC04-A1, quarter: 16/17 Q2, what: x, done: false}\n"

static void diff_of(const char *a, const char *b, struct ldr_diff *d)
{
	struct ldr_roadmap x, y;
	struct ldr_diag dx, dy;
	assert_int_equal(load(a, &x, &dx), 0);
	assert_int_equal(load(b, &y, &dy), 0);
	ldr_diff_roadmaps(d, &x, &y);
	ldr_roadmap_release(&x);
	ldr_roadmap_release(&y);
	ldr_diag_release(&dx);
	ldr_diag_release(&dy);
}

static const struct ldr_change *find(const struct ldr_diff *d, const char *id, const char *field)
{
	size_t i;
	for (i = 0; i < d->n; i++)
		if (!strcmp(d->v[i].id, id) && (!field || (d->v[i].field && !strcmp(d->v[i].field, field))))
			return &d->v[i];
	return NULL;
}

/* The change, which must be there. */
static const struct ldr_change *must(const struct ldr_diff *d, const char *id, const char *field)
{
	static const struct ldr_change none;
	const struct ldr_change *c = find(d, id, field);
	if (!c)
		fail_msg("no change to %s %s", id, field ? field : "");
	return c ? c : &none;
}

static void test_same_is_empty(void **state)
{
	struct ldr_diff d;
	(void)state;
	diff_of(BASE, BASE, &d);
	assert_int_equal(d.n, 0);
	ldr_diff_release(&d);
}

static void test_moved_in_its_list_is_no_change(void **state)
{
	struct ldr_diff d;
	(void)state;
	diff_of(HEAD "projects:\n- {id: P1, name: a}\n- {id: P2, name: b}\n",
		HEAD "projects:\n- {id: P2, name: b}\n- {id: P1, name: a}\n", &d);
	assert_int_equal(d.n, 0);
	ldr_diff_release(&d);
}

static void test_rephasing(void **state)
{
	struct ldr_diff d;
	const struct ldr_change *c;
	char *b = ldr_strdup(BASE);
	(void)state;

	/* C1 a year later, P1's end two quarters later, its start a month on. */
	memcpy(strstr(b, "year: 16/17"), "year: 17/18", 11);
	memcpy(strstr(b, "end: 16/17 Q4"), "end: 17/18 Q2", 13);
	memcpy(strstr(b, "start: 16/17 Q1"), "start: 2016-05", 14);
	memset(strstr(b, "start: 2016-05") + 14, ' ', 1);
	diff_of(BASE, b, &d);
	c = must(&d, "C1", "year");
	assert_non_null(c);
	assert_true(c->rephased);
	assert_string_equal(c->from, "16/17");
	assert_string_equal(c->to, "17/18");
	assert_int_equal(c->months, 12);
	assert_int_equal(c->quarters, 4);
	c = must(&d, "P1", "end");
	assert_int_equal(c->quarters, 2);
	assert_string_equal(c->title, "First");
	c = must(&d, "P1", "start"); /* by its first month: 2016-04 to 2016-05 */
	assert_int_equal(c->months, 1);
	assert_int_equal(c->quarters, 0);
	ldr_diff_release(&d);
	free(b);
}

static void test_fields_paths_and_records(void **state)
{
	struct ldr_diff d;
	const struct ldr_change *c;
	(void)state;

	diff_of(BASE, HEAD "projects:\n"
		"- id: P1\n  name: First\n  start: 16/17 Q1\n  end: 16/17 Q4\n  status: delivered\n"
		"  milestones:\n  - {id: P1-M1, what: Go live, due: 2016-11}\n  - {id: P1-M2, what: More}\n"
		"- id: P3\n  name: Third\n  milestones:\n  - {id: P3-M1, what: m}\n"
		"capabilities:\n- id: C1\n  who: GPs\n  what: Refer\n  year: 16/17\n  attributes: {Owner: PMO}\n"
		"universal_capabilities:\n- id: UC04\n  ambition:\n  - {year: 16/17, text: All}\n  - {year: 17/18, text: More}\n"
		"  activities:\n  - {id: UC04-A1, quarter: 16/17 Q2, what: x, done: true}\n", &d);
	c = must(&d, "P1", "status");
	assert_null(c->from);
	assert_string_equal(c->to, "delivered");
	assert_false(c->rephased);
	c = must(&d, "P1-M1", "due");
	assert_string_equal(c->parent, "P1");
	assert_int_equal(c->months, 1);
	assert_true(ldr_change_about(c, "P1"));
	assert_false(ldr_change_about(c, "P2"));
	c = must(&d, "P1-M2", NULL);
	assert_int_equal(c->type, LDR_CHANGE_ADDED);
	c = must(&d, "P3", NULL);
	assert_int_equal(c->type, LDR_CHANGE_ADDED);
	assert_null(find(&d, "P3-M1", NULL)); /* part of P3's addition */
	c = must(&d, "P2", NULL);
	assert_int_equal(c->type, LDR_CHANGE_REMOVED);
	assert_string_equal(c->title, "Second");
	c = must(&d, "C1", "attributes.Solution");
	assert_string_equal(c->from, "eRS");
	assert_null(c->to);
	assert_non_null(find(&d, "C1", "attributes.Owner"));
	c = must(&d, "UC04", "ambition[16/17].text");
	assert_string_equal(c->to, "All");
	c = must(&d, "UC04", "ambition[17/18].text");
	assert_null(c->from);
	assert_null(find(&d, "UC04", "ambition[17/18].year")); /* the key is in the path */
	c = must(&d, "UC04-A1", "done");
	assert_string_equal(c->from, "false");
	assert_string_equal(c->to, "true");
	assert_int_equal(d.n, 10);
	ldr_diff_release(&d);
}

/* A commit subject from the changes: short values named, long ones not,
 * derived reasons left out, three at most, the rest counted. */
static void test_subject(void **state)
{
	struct ldr_diff d;
	struct ldr_buf b = LDR_BUF_INIT;
	(void)state;

	diff_of(BASE, HEAD "projects:\n"
		"- id: P1\n  name: First, with a name longer than twenty-four characters\n  start: 16/17 Q1\n"
		"  end: 17/18 Q4\n  milestones:\n  - {id: P1-M1, what: Go live, due: 2016-10}\n"
		"- id: P2\n  name: Second\n  start: 17/18\n  derived: {start: a reason}\n"
		"capabilities:\n- id: C1\n  who: GPs\n  what: Refer\n  year: 16/17\n  attributes: {Solution: eRS}\n"
		"universal_capabilities:\n- id: UC04\n  ambition:\n  - {year: 16/17, text: Half}\n"
		"  activities:\n  - {id: UC04-A1, quarter: 16/17 Q2, what: x, done: false}\n", &d);
	ldr_diff_subject(&b, &d, 72);
	assert_string_equal(b.s, "P1 name; P1 end to 17/18 Q4");
	ldr_diff_release(&d);

	ldr_buf_reset(&b);
	diff_of(BASE, HEAD "projects:\n"
		"- id: P1\n  name: One\n  start: 16/17 Q1\n  end: 16/17 Q4\n  status: delivered\n"
		"- id: P3\n  name: Third\n"
		"capabilities:\n- id: C1\n  who: GPs\n  what: Refer\n  year: 16/17\n"
		"universal_capabilities:\n- id: UC04\n  ambition:\n  - {year: 16/17, text: Half}\n"
		"  activities:\n  - {id: UC04-A1, quarter: 16/17 Q2, what: x, done: false}\n", &d);
	ldr_diff_subject(&b, &d, 72);
	assert_string_equal(b.s, "P1 name to One; P1 status to delivered; add project P3; and 3 more");
	ldr_diff_release(&d);

	ldr_buf_reset(&b);
	diff_of(BASE, BASE, &d);
	ldr_diff_subject(&b, &d, 72);
	assert_int_equal(b.len, 0);
	ldr_diff_release(&d);
	ldr_buf_release(&b);
}

static void test_quarters_count_boundaries(void **state)
{
	(void)state;
	/* February to April 2017: one quarter boundary (16/17 Q4 to 17/18 Q1). */
	assert_int_equal(ldr_quarter_index(ldr_time_month(2017, 4).month) -
			 ldr_quarter_index(ldr_time_month(2017, 2).month), 1);
	assert_int_equal(ldr_quarter_index(ldr_time_month(2016, 4).month),
			 ldr_quarter_index(ldr_time_month(2016, 6).month));
	assert_int_equal(ldr_quarter_index(ldr_time_month(2016, 3).month) + 1,
			 ldr_quarter_index(ldr_time_month(2016, 4).month));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_is_empty),
		cmocka_unit_test(test_moved_in_its_list_is_no_change),
		cmocka_unit_test(test_rephasing),
		cmocka_unit_test(test_fields_paths_and_records),
		cmocka_unit_test(test_subject),
		cmocka_unit_test(test_quarters_count_boundaries),
	};
	return cmocka_run_group_tests_name("diff", tests, NULL, NULL);
}
