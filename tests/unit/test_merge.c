/* The record-level three-way merge that keeps an editor's changes when the
 * file moved under it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/merge.h"
#include "helpers.h"

#define BASE HEAD "projects:\n- {id: P1, name: one, start: 16/17}\n- {id: P2, name: two}\n- {id: P3, name: three}\n"

static void must_load(const char *yaml, struct ldr_roadmap *rm)
{
	struct ldr_diag d;
	if (load(yaml, rm, &d) != 0) {
		dump(&d);
		fail_msg("fixture does not load");
	}
	ldr_diag_release(&d);
}

static const struct ldr_project *find_project(const struct ldr_roadmap *rm, const char *id)
{
	size_t i;
	for (i = 0; i < rm->projects.len; i++)
		if (!strcmp(LDR_ITEM(rm->projects, struct ldr_project, i)->id, id))
			return LDR_ITEM(rm->projects, struct ldr_project, i);
	return NULL;
}

static const struct ldr_project *project(const struct ldr_roadmap *rm, const char *id)
{
	const struct ldr_project *p = find_project(rm, id);
	if (!p) {
		fail_msg("no project %s", id);
		abort();
	}
	return p;
}

static void test_changes_on_different_records_merge(void **state)
{
	struct ldr_roadmap base, ours, theirs, out;
	struct ldr_merge m;
	char buf[LDR_TIME_STR_MAX];
	(void)state;

	must_load(BASE, &base);
	/* Ours: P1 re-phased, P3 removed, P4 added. */
	must_load(HEAD "projects:\n- {id: P1, name: one, start: 17/18}\n- {id: P2, name: two}\n"
		  "- {id: P4, name: four}\n", &ours);
	/* Theirs: P2 renamed, C1 added. */
	must_load(HEAD "projects:\n- {id: P1, name: one, start: 16/17}\n- {id: P2, name: TWO}\n"
		  "- {id: P3, name: three}\ncapabilities: [{id: C1, who: a, what: b}]\n", &theirs);
	ldr_merge_roadmaps(&out, &base, &ours, &theirs, &m);
	assert_int_equal(m.n, 0);
	assert_int_equal(m.taken, 3);
	assert_string_equal(ldr_time_format(&project(&out, "P1")->start, buf), "17/18");
	assert_string_equal(project(&out, "P2")->name, "TWO");
	assert_null(find_project(&out, "P3"));
	assert_non_null(find_project(&out, "P4"));
	assert_int_equal(out.capabilities.len, 1);
	ldr_merge_release(&m);
	ldr_roadmap_release(&out);
	ldr_roadmap_release(&base);
	ldr_roadmap_release(&ours);
	ldr_roadmap_release(&theirs);
}

static void test_the_same_record_changed_twice_is_a_conflict(void **state)
{
	struct ldr_roadmap base, ours, theirs, out;
	struct ldr_merge m;
	char buf[LDR_TIME_STR_MAX];
	(void)state;

	must_load(BASE, &base);
	must_load(HEAD "projects:\n- {id: P1, name: one, start: 17/18}\n- {id: P2, name: two}\n"
		  "- {id: P3, name: three, status: dropped}\n", &ours);
	must_load(HEAD "projects:\n- {id: P1, name: one, start: 18/19}\n- {id: P2, name: two}\n", &theirs);
	ldr_merge_roadmaps(&out, &base, &ours, &theirs, &m);
	assert_int_equal(m.n, 2);
	assert_string_equal(m.v[0].id, "P1");
	assert_string_equal(m.v[0].what, "changed on both sides");
	assert_string_equal(m.v[1].id, "P3");
	assert_string_equal(m.v[1].what, "changed here, removed there");
	/* Theirs is kept where there is a conflict: nothing is written over. */
	assert_string_equal(ldr_time_format(&project(&out, "P1")->start, buf), "18/19");
	assert_int_equal(m.taken, 0);
	ldr_merge_release(&m);
	ldr_roadmap_release(&out);
	ldr_roadmap_release(&base);
	ldr_roadmap_release(&ours);
	ldr_roadmap_release(&theirs);
}

static void test_footprint_and_identical_changes(void **state)
{
	struct ldr_roadmap base, ours, theirs, out;
	struct ldr_merge m;
	(void)state;

	must_load(BASE, &base);
	must_load("ldr: 1\nfootprint: {name: Renamed, start: 16/17, end: 20/21}\n"
		  "projects:\n- {id: P1, name: one, start: 16/17}\n- {id: P2, name: same}\n- {id: P3, name: three}\n", &ours);
	must_load(BASE, &theirs);
	free(LDR_ITEM(theirs.projects, struct ldr_project, 1)->name);
	LDR_ITEM(theirs.projects, struct ldr_project, 1)->name = ldr_strdup("same");
	ldr_merge_roadmaps(&out, &base, &ours, &theirs, &m);
	assert_int_equal(m.n, 0);
	assert_int_equal(m.taken, 1); /* the footprint; P2's change is the same on both sides */
	assert_string_equal(out.footprint.name, "Renamed");
	ldr_merge_release(&m);
	ldr_roadmap_release(&out);
	ldr_roadmap_release(&base);
	ldr_roadmap_release(&ours);
	ldr_roadmap_release(&theirs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_changes_on_different_records_merge),
		cmocka_unit_test(test_the_same_record_changed_twice_is_a_conflict),
		cmocka_unit_test(test_footprint_and_identical_changes),
	};
	return cmocka_run_group_tests_name("merge", tests, NULL, NULL);
}
