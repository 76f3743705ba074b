/* Looking records up by id, across kinds, with the record each belongs to. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/roadmap/field.h"
#include "../../model/roadmap/index.h"
#include "helpers.h"

static void test_find_any_record_by_id(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_index ix;
	const struct ldr_ref *r;
	(void)state;

	assert_int_equal(load(HEAD "  organisations:\n  - {id: crh, name: Chesterfield Royal}\n"
			      "groups:\n- {id: mobile, name: Mobile Working Infrastructure}\n"
			      "projects:\n- id: P1\n  name: a\n  milestones:\n  - {id: P1-M1, what: m}\n"
			      "universal_capabilities:\n- id: UC03\n  activities:\n"
			      "  - {id: UC03-A1, quarter: 16/17 Q1, what: x}\n", &rm, &d), 0);
	ldr_index_build(&ix, &rm);
	assert_int_equal(ix.n, 6);

	r = ldr_index_find(&ix, "P1-M1");
	assert_non_null(r);
	assert_ptr_equal(r->kind, &ldr_kind_milestone);
	assert_ptr_equal(r->parent_kind, &ldr_kind_project);
	assert_string_equal(((struct ldr_project *)r->parent)->id, "P1");
	r = ldr_index_find(&ix, "UC03-A1");
	assert_string_equal(((struct ldr_uc *)r->parent)->id, "UC03");
	r = ldr_index_find(&ix, "crh");
	assert_ptr_equal(r->parent, &rm.footprint);

	assert_non_null(ldr_index_get(&ix, &ldr_kind_project, "P1"));
	assert_null(ldr_index_get(&ix, &ldr_kind_group, "P1")); /* another kind */
	assert_null(ldr_index_find(&ix, "P2"));
	assert_null(ldr_index_find(&ix, NULL));

	assert_string_equal(ldr_group_name(&ix, "remote"), "Remote care");
	assert_string_equal(ldr_group_name(&ix, "mobile"), "Mobile Working Infrastructure");
	assert_null(ldr_group_name(&ix, "Remote Care "));

	ldr_index_release(&ix);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

/* The other way: what names a record, in file order, by which field. */
static void test_referrers(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_index ix;
	const struct ldr_referrer *r;
	size_t n;
	(void)state;

	assert_int_equal(load(HEAD "groups:\n- {id: mobile, name: Mobile}\n"
			      "projects:\n- {id: P1, name: a, group: mobile}\n"
			      "- {id: P2, name: b, depends_on: [P1]}\n"
			      "capabilities:\n- {id: C1, who: a, what: b, projects: [P2, P1]}\n"
			      "- {id: C2, who: a, what: c, depends_on: [C1], projects: [P1]}\n"
			      "universal_capabilities:\n- {id: UC04, projects: [P1]}\n", &rm, &d), 0);
	ldr_index_build(&ix, &rm);
	assert_null(ldr_index_referrers(&ix, "P1", &n)); /* not indexed yet */
	assert_int_equal(n, 0);
	ldr_index_add_referrers(&ix);
	ldr_index_add_referrers(&ix); /* twice: once */

	r = ldr_index_referrers(&ix, "P1", &n);
	assert_int_equal(n, 4);
	assert_ptr_equal(r[0].kind, &ldr_kind_project);
	assert_string_equal(((struct ldr_project *)r[0].rec)->id, "P2");
	assert_string_equal(r[0].field->name, "depends_on");
	assert_string_equal(((struct ldr_capability *)r[1].rec)->id, "C1");
	assert_string_equal(r[1].field->name, "projects");
	assert_string_equal(((struct ldr_capability *)r[2].rec)->id, "C2");
	assert_ptr_equal(r[3].kind, &ldr_kind_uc);

	r = ldr_index_referrers(&ix, "C1", &n);
	assert_int_equal(n, 1);
	assert_string_equal(((struct ldr_capability *)r[0].rec)->id, "C2");
	r = ldr_index_referrers(&ix, "mobile", &n);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].field->name, "group");
	assert_null(ldr_index_referrers(&ix, "C2", &n));
	assert_int_equal(n, 0);
	assert_null(ldr_index_referrers(&ix, "nothing", &n));

	ldr_index_release(&ix);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

/* An index stays true after a change made in place only when the record
 * keeps its ids, its nested records and what it names: a year, yes; a
 * rename, a reference, a milestone added, no. The interface keeps its
 * index on that answer (tui/app.c). */
static void test_index_holds(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_project *p, before;
	struct ldr_buf err = LDR_BUF_INIT;
	int f;
	(void)state;

	assert_int_equal(load(HEAD "projects:\n- id: P1\n  name: a\n  start: 16/17\n  milestones:\n"
			      "  - {id: P1-M1, what: m}\n- id: P2\n  name: b\n  depends_on: [P1]\n", &rm, &d), 0);
	p = LDR_ITEM(rm.projects, struct ldr_project, 0);
	memset(&before, 0, sizeof(before));
	ldr_rec_copy(&ldr_kind_project, &before, p);
	assert_true(ldr_index_holds(&ldr_kind_project, &before, p));

	f = ldr_kind_field(&ldr_kind_project, "start");
	assert_int_equal(ldr_field_set(&ldr_kind_project, p, &ldr_kind_project.fields[f], NULL, "18/19", &err), 0);
	assert_true(ldr_index_holds(&ldr_kind_project, &before, p));
	f = ldr_kind_field(&ldr_kind_project, "depends_on");
	assert_int_equal(ldr_field_set(&ldr_kind_project, p, &ldr_kind_project.fields[f], NULL, "P2", &err), 0);
	assert_false(ldr_index_holds(&ldr_kind_project, &before, p));
	ldr_field_release(&ldr_kind_project.fields[f], p);
	assert_true(ldr_index_holds(&ldr_kind_project, &before, p));
	ldr_list_push(&p->milestones, &ldr_kind_milestone); /* nested, without an id */
	assert_false(ldr_index_holds(&ldr_kind_project, &before, p));
	ldr_list_remove(&p->milestones, &ldr_kind_milestone, 1);
	free(p->id); /* renamed, as the interface's id field does */
	p->id = ldr_strdup("P9");
	assert_false(ldr_index_holds(&ldr_kind_project, &before, p));
	assert_false(ldr_index_holds(&ldr_kind_project, NULL, p)); /* added */

	ldr_rec_release(&ldr_kind_project, &before);
	ldr_buf_release(&err);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_any_record_by_id),
		cmocka_unit_test(test_referrers),
		cmocka_unit_test(test_index_holds),
	};
	return cmocka_run_group_tests_name("index", tests, NULL, NULL);
}
