/* The three-way merge, field by field: what each side changed is kept,
 * sets merge as sets, keyed records by their key, and what both changed
 * differently is a conflict recorded with its three values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/rules/check.h"
#include "../../model/roadmap/merge.h"
#include "../../model/history/sync.h"
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

/* The three roadmaps from text, merged (ours kept on conflicts). */
struct merged {
	struct ldr_roadmap base, ours, theirs, out;
	struct ldr_merge m;
};

static void merge3(struct merged *x, const char *base, const char *ours, const char *theirs)
{
	must_load(base, &x->base);
	must_load(ours, &x->ours);
	must_load(theirs, &x->theirs);
	ldr_merge(&x->out, &x->base, &x->ours, &x->theirs, &x->m);
}

static void merged_release(struct merged *x)
{
	ldr_merge_release(&x->m);
	ldr_roadmap_release(&x->out);
	ldr_roadmap_release(&x->base);
	ldr_roadmap_release(&x->ours);
	ldr_roadmap_release(&x->theirs);
}

/* The result is written and read back as it is (conflicts included). */
static void assert_round_trip(const struct ldr_roadmap *rm)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_roadmap back;
	struct ldr_diag d;

	assert_int_equal(ldr_roadmap_write(rm, &text, &err), 0);
	if (load(text.s, &back, &d) != 0) {
		dump(&d);
		fail_msg("the merge does not read back:\n%s", text.s);
	}
	assert_true(ldr_roadmap_equal(rm, &back));
	ldr_roadmap_release(&back);
	ldr_diag_release(&d);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
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
	assert_int_equal(out.conflicts.len, 0);
	ldr_merge_release(&m);
	ldr_roadmap_release(&out);
	ldr_roadmap_release(&base);
	ldr_roadmap_release(&ours);
	ldr_roadmap_release(&theirs);
}

static void test_the_same_field_changed_twice_is_a_conflict(void **state)
{
	struct ldr_roadmap base, ours, theirs, out;
	struct ldr_merge m;
	char buf[LDR_TIME_STR_MAX];
	(void)state;

	must_load(BASE, &base);
	must_load(HEAD "projects:\n- {id: P1, name: one, start: 17/18}\n- {id: P2, name: two}\n"
		  "- {id: P3, name: three, status: dropped}\n", &ours);
	must_load(HEAD "projects:\n- {id: P1, name: one, start: 18/19}\n- {id: P2, name: two}\n", &theirs);
	/* The editor's way round: the file (theirs here) is kept, and named
	 * "ours" in the conflicts. */
	ldr_merge_roadmaps(&out, &base, &ours, &theirs, &m);
	assert_int_equal(m.n, 2);
	assert_string_equal(m.v[0].id, "P1");
	assert_string_equal(m.v[0].field, "start");
	assert_string_equal(m.v[0].what, "changed on both sides");
	assert_string_equal(m.v[0].base, "16/17");
	assert_string_equal(m.v[0].ours, "18/19");
	assert_string_equal(m.v[0].theirs, "17/18");
	assert_string_equal(m.v[1].id, "P3");
	assert_null(m.v[1].field);
	assert_string_equal(m.v[1].what, "removed by ours, changed by theirs");
	assert_int_equal(m.v[1].removed, LDR_SIDE_OURS);
	/* The file's value is kept; the record changed on one side is not lost. */
	assert_string_equal(ldr_time_format(&project(&out, "P1")->start, buf), "18/19");
	assert_int_equal(project(&out, "P3")->status, LDR_PROJECT_DROPPED);
	assert_int_equal(m.taken, 0);
	assert_int_equal(out.conflicts.len, 2);
	assert_round_trip(&out);
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

static void test_different_fields_of_one_record_merge(void **state)
{
	struct merged x;
	char buf[LDR_TIME_STR_MAX];
	(void)state;

	merge3(&x, BASE,
	       HEAD "projects:\n- {id: P1, name: one, start: 17/18}\n- {id: P2, name: two}\n- {id: P3, name: three}\n",
	       HEAD "projects:\n- {id: P1, name: ONE, start: 16/17, status: planned}\n- {id: P2, name: two}\n"
		    "- {id: P3, name: three}\n");
	assert_int_equal(x.m.n, 0);
	assert_int_equal(x.m.taken, 1); /* one record, */
	assert_int_equal(x.m.fields, 2); /* two of its fields */
	assert_string_equal(ldr_time_format(&project(&x.out, "P1")->start, buf), "17/18");
	assert_string_equal(project(&x.out, "P1")->name, "ONE");
	assert_int_equal(project(&x.out, "P1")->status, LDR_PROJECT_PLANNED);
	assert_round_trip(&x.out);
	merged_release(&x);
}

static void test_lists_of_ids_merge_as_sets(void **state)
{
	struct merged x;
	const struct ldr_strv *d;
	(void)state;

	merge3(&x,
	       HEAD "projects:\n- {id: P1, name: a}\n- {id: P2, name: b}\n- {id: P3, name: c}\n"
		    "- {id: P4, name: d, depends_on: [P1, P2], benefits: [efficiency]}\n",
	       HEAD "projects:\n- {id: P1, name: a}\n- {id: P2, name: b}\n- {id: P3, name: c}\n"
		    "- {id: P4, name: d, depends_on: [P2, P3], benefits: [efficiency, wellbeing]}\n",
	       HEAD "projects:\n- {id: P1, name: a}\n- {id: P2, name: b}\n- {id: P3, name: c}\n"
		    "- {id: P4, name: d, depends_on: [P1, P2, P3], benefits: [care-quality]}\n");
	assert_int_equal(x.m.n, 0);
	d = &project(&x.out, "P4")->depends_on;
	/* Ours removed P1 and added P3; theirs added P3 too: one P3. */
	assert_int_equal(d->n, 2);
	assert_string_equal(d->v[0], "P2");
	assert_string_equal(d->v[1], "P3");
	/* Ours added wellbeing, theirs swapped efficiency for care-quality. */
	assert_int_equal(project(&x.out, "P4")->benefits, LDR_BENEFIT_CARE_QUALITY | LDR_BENEFIT_WELLBEING);
	assert_round_trip(&x.out);
	merged_release(&x);
}

/* A set of flags changed the same way on both sides is changed once, not
 * changed back: both added wellbeing, and theirs dropped efficiency. */
static void test_the_same_flag_changed_on_both_sides(void **state)
{
	struct merged x;
	(void)state;

	merge3(&x, HEAD "projects:\n- {id: P1, name: a, benefits: [efficiency]}\n",
	       HEAD "projects:\n- {id: P1, name: a, benefits: [efficiency, wellbeing]}\n",
	       HEAD "projects:\n- {id: P1, name: a, benefits: [wellbeing]}\n");
	assert_int_equal(x.m.n, 0);
	assert_int_equal(project(&x.out, "P1")->benefits, LDR_BENEFIT_WELLBEING);
	assert_int_equal(x.m.fields, 1);
	assert_round_trip(&x.out);
	merged_release(&x);
}

static void test_records_added_on_both_sides_keep_their_places(void **state)
{
	struct merged x;
	const char *want[] = { "P0", "P1", "P1b", "P1a", "P2", "P3", "P4" };
	size_t i;
	(void)state;

	merge3(&x, BASE,
	       HEAD "projects:\n- {id: P1, name: one, start: 16/17}\n- {id: P1a, name: x}\n- {id: P2, name: two}\n"
		    "- {id: P3, name: three}\n",
	       HEAD "projects:\n- {id: P0, name: z}\n- {id: P1, name: one, start: 16/17}\n- {id: P1b, name: y}\n"
		    "- {id: P2, name: two}\n- {id: P3, name: three}\n- {id: P4, name: w}\n");
	assert_int_equal(x.m.n, 0);
	assert_int_equal(x.out.projects.len, LDR_ARRAY_SIZE(want));
	for (i = 0; i < LDR_ARRAY_SIZE(want); i++)
		assert_string_equal(LDR_ITEM(x.out.projects, struct ldr_project, i)->id, want[i]);
	merged_release(&x);
}

#define UC HEAD "universal_capabilities:\n- id: UC01\n  ambition:\n"

static void test_keyed_records_merge_by_key(void **state)
{
	struct merged x;
	const struct ldr_uc *uc;
	(void)state;

	merge3(&x,
	       UC "  - {year: 16/17, text: some}\n  - {year: 17/18, text: more}\n",
	       UC "  - {year: 16/17, text: SOME}\n  - {year: 17/18, text: more}\n",
	       UC "  - {year: 16/17, text: some}\n  - {year: 17/18, text: MORE}\n  - {year: 18/19, text: all}\n");
	assert_int_equal(x.m.n, 0);
	uc = LDR_ITEM(x.out.ucs, struct ldr_uc, 0);
	assert_int_equal(uc->ambition.len, 3);
	assert_string_equal(LDR_ITEM(uc->ambition, struct ldr_ambition, 0)->text, "SOME");
	assert_string_equal(LDR_ITEM(uc->ambition, struct ldr_ambition, 1)->text, "MORE");
	assert_string_equal(LDR_ITEM(uc->ambition, struct ldr_ambition, 2)->text, "all");
	merged_release(&x);

	/* The same ambition changed on both sides: a path in its record. */
	merge3(&x, UC "  - {year: 16/17, text: some}\n", UC "  - {year: 16/17, text: ours}\n",
	       UC "  - {year: 16/17, text: theirs}\n");
	assert_int_equal(x.m.n, 1);
	assert_string_equal(x.m.v[0].id, "UC01");
	assert_string_equal(x.m.v[0].field, "ambition[16/17].text");
	assert_string_equal(x.m.v[0].theirs, "theirs");
	assert_round_trip(&x.out);
	merged_release(&x);
}

static void test_nested_keys_and_attributes(void **state)
{
	struct merged x;
	struct ldr_buf err = LDR_BUF_INIT;
	const struct ldr_target *tg;
	(void)state;

	/* (The organisations belong to the footprint.) */
	merge3(&x,
	       "ldr: 1\nfootprint:\n  name: Test\n  start: 16/17\n  end: 20/21\n  organisations: [{id: o1, name: Org}]\n"
	       "trajectory:\n- id: T1\n  provider: o1\n  scores:\n  - group: records\n    targets: [{year: 17/18, score: 40}]\n"
	       "capabilities:\n- {id: C1, who: a, what: b, attributes: {Solution: MIG, Status: x}}\n",
	       "ldr: 1\nfootprint:\n  name: Test\n  start: 16/17\n  end: 20/21\n  organisations: [{id: o1, name: Org}]\n"
	       "trajectory:\n- id: T1\n  provider: o1\n  scores:\n  - group: records\n    targets: [{year: 17/18, score: 50}]\n"
	       "capabilities:\n- {id: C1, who: a, what: b, attributes: {Solution: EMIS, Status: x, Cost: low}}\n",
	       "ldr: 1\nfootprint:\n  name: Test\n  start: 16/17\n  end: 20/21\n  organisations: [{id: o1, name: Org}]\n"
	       "trajectory:\n- id: T1\n  provider: o1\n  scores:\n  - group: records\n    targets: [{year: 17/18, score: 60}]\n"
	       "capabilities:\n- {id: C1, who: a, what: b, attributes: {Solution: TPP, Area: north}}\n");
	assert_int_equal(x.m.n, 2);
	/* In the file's order: capabilities come before the trajectory. */
	assert_string_equal(x.m.v[0].id, "C1");
	assert_string_equal(x.m.v[0].field, "attributes.Solution");
	assert_string_equal(x.m.v[0].base, "MIG");
	assert_string_equal(x.m.v[1].id, "T1");
	assert_string_equal(x.m.v[1].field, "scores[records].targets[17/18].score");
	/* Cost added by ours, Area by theirs, Status removed by theirs. */
	{
		const struct ldr_capability *c = LDR_ITEM(x.out.capabilities, struct ldr_capability, 0);
		assert_int_equal(c->attributes.n, 3);
		assert_string_equal(c->attributes.v[0].key, "Area");
		assert_string_equal(c->attributes.v[1].key, "Cost");
		assert_string_equal(c->attributes.v[2].key, "Solution");
		assert_string_equal(c->attributes.v[2].value, "EMIS");
	}
	assert_round_trip(&x.out);
	/* Resolved by taking theirs: the value is set, the entry goes. */
	assert_int_equal(ldr_conflict_take(&x.out, 1, LDR_SIDE_THEIRS, &err), 0);
	tg = LDR_ITEM(LDR_ITEM(LDR_ITEM(x.out.trajectory, struct ldr_trajectory, 0)->scores, struct ldr_score, 0)
			      ->targets, struct ldr_target, 0);
	assert_int_equal(tg->score.v, 60);
	assert_int_equal(x.out.conflicts.len, 1);
	assert_int_equal(ldr_conflict_take(&x.out, 0, 0, &err), 0);
	assert_string_equal(LDR_ITEM(x.out.capabilities, struct ldr_capability, 0)->attributes.v[2].value, "MIG");
	assert_int_equal(x.out.conflicts.len, 0);
	ldr_buf_release(&err);
	merged_release(&x);
}

static void test_milestones_are_records_of_their_own(void **state)
{
	struct merged x;
	struct ldr_buf err = LDR_BUF_INIT, line = LDR_BUF_INIT;
	(void)state;

	merge3(&x, HEAD "projects:\n- id: P1\n  name: a\n  milestones: [{id: M1, what: go, due: 16/17}, {id: M2, what: stop}]\n",
	       HEAD "projects:\n- id: P1\n  name: a\n  milestones: [{id: M1, what: go, due: 17/18}]\n",
	       HEAD "projects:\n- id: P1\n  name: a\n  milestones: [{id: M1, what: go, due: 18/19}, {id: M2, what: STOP}]\n");
	assert_int_equal(x.m.n, 2);
	ldr_merge_conflict_text(&line, &x.m.v[0]);
	assert_string_equal(line.s, "M1 due: changed on both sides: base '16/17', ours '17/18', theirs '18/19'");
	ldr_buf_reset(&line);
	ldr_merge_conflict_text(&line, &x.m.v[1]);
	assert_string_equal(line.s, "M2: removed by ours, changed by theirs");
	assert_int_equal(LDR_ITEM(x.out.projects, struct ldr_project, 0)->milestones.len, 2);
	/* Ours removed M2: taking ours removes it again. */
	assert_int_equal(ldr_conflict_take(&x.out, 1, LDR_SIDE_OURS, &err), 0);
	assert_int_equal(LDR_ITEM(x.out.projects, struct ldr_project, 0)->milestones.len, 1);
	/* A value the field cannot take is refused, changing nothing. */
	free(LDR_ITEM(x.out.conflicts, struct ldr_conflict, 0)->theirs);
	LDR_ITEM(x.out.conflicts, struct ldr_conflict, 0)->theirs = ldr_strdup("16/18");
	assert_int_equal(ldr_conflict_take(&x.out, 0, LDR_SIDE_THEIRS, &err), -1);
	assert_non_null(strstr(err.s, "is not a financial year"));
	assert_int_equal(x.out.conflicts.len, 1);
	ldr_conflict_drop(&x.out, 0);
	assert_int_equal(x.out.conflicts.len, 0);
	ldr_buf_release(&err);
	ldr_buf_release(&line);
	merged_release(&x);
}

/* One side adds a dependency, the other moves the predecessor later: no
 * line and no field conflicts, and the schedule is broken. */
static void test_a_clean_merge_can_break_the_schedule(void **state)
{
	struct merged x;
	struct ldr_findings f;
	struct ldr_check_opts o;
	size_t i, dep_order = 0;
	(void)state;

	merge3(&x,
	       HEAD "projects:\n- {id: P1, name: a, start: 16/17, end: 16/17}\n- {id: P2, name: b, start: 17/18, end: 17/18}\n",
	       HEAD "projects:\n- {id: P1, name: a, start: 16/17, end: 16/17}\n"
		    "- {id: P2, name: b, start: 17/18, end: 17/18, depends_on: [P1]}\n",
	       HEAD "projects:\n- {id: P1, name: a, start: 16/17, end: 18/19}\n- {id: P2, name: b, start: 17/18, end: 17/18}\n");
	assert_int_equal(x.m.n, 0);
	memset(&o, 0, sizeof(o));
	o.only = (const char *[]){ "dep-order" };
	o.n_only = 1;
	ldr_check(&x.out, &o, &f);
	for (i = 0; i < f.n; i++)
		dep_order += f.v[i].id && !strcmp(f.v[i].id, "P2");
	assert_int_equal(dep_order, 1);
	ldr_findings_release(&f);
	/* The errors the merge made: neither side had that one. */
	o.only = NULL;
	o.n_only = 0;
	ldr_check_new_errors(&x.out, &x.ours, &x.theirs, &o, &f);
	assert_int_equal(f.errors, 1);
	assert_string_equal(f.v[0].id, "P2");
	assert_string_equal(f.v[0].rule->id, "dep-order");
	ldr_findings_release(&f);
	/* ... which ours had already, were it so on that side: not new. */
	ldr_check_new_errors(&x.out, &x.out, &x.theirs, &o, &f);
	assert_int_equal(f.n, 0);
	ldr_findings_release(&f);
	merged_release(&x);
}

/* Ours already had the dependency broken; theirs moves the predecessor's
 * end later still. The merge's message names another end, but the error is
 * the one ours had: not the merge's. */
static void test_an_error_one_side_had_is_not_the_merges(void **state)
{
	struct merged x;
	struct ldr_findings f;
	struct ldr_check_opts o;
	(void)state;

	merge3(&x,
	       HEAD "projects:\n- {id: P1, name: a, start: 16/17, end: 17/18 Q2}\n"
		    "- {id: P2, name: b, start: 17/18 Q1, end: 17/18}\n",
	       HEAD "projects:\n- {id: P1, name: a, start: 16/17, end: 17/18 Q2}\n"
		    "- {id: P2, name: b, start: 17/18 Q1, end: 17/18, depends_on: [P1]}\n",
	       HEAD "projects:\n- {id: P1, name: a, start: 16/17, end: 18/19 Q3}\n"
		    "- {id: P2, name: b, start: 17/18 Q1, end: 17/18}\n");
	assert_int_equal(x.m.n, 0);
	memset(&o, 0, sizeof(o));
	o.only = (const char *[]){ "dep-order" };
	o.n_only = 1;
	ldr_check(&x.ours, &o, &f);
	assert_int_equal(f.errors, 1);
	assert_non_null(strstr(f.v[0].message, "ends 17/18 Q2"));
	ldr_findings_release(&f);
	ldr_check(&x.out, &o, &f);
	assert_int_equal(f.errors, 1);
	assert_non_null(strstr(f.v[0].message, "ends 18/19 Q3"));
	ldr_findings_release(&f);
	ldr_check_new_errors(&x.out, &x.ours, &x.theirs, &o, &f);
	assert_int_equal(f.n, 0);
	ldr_findings_release(&f);
	/* Without ours' error, the same finding is the merge's. */
	ldr_check_new_errors(&x.out, &x.base, &x.theirs, &o, &f);
	assert_int_equal(f.errors, 1);
	assert_string_equal(f.v[0].id, "P2");
	assert_string_equal(f.v[0].field, "depends_on");
	assert_string_equal(f.v[0].other, "P1");
	ldr_findings_release(&f);
	merged_release(&x);
}

static void test_conflicts_already_recorded_merge_as_a_set(void **state)
{
	struct merged x;
	(void)state;

#define CONFLICT "conflicts:\n- {record: P1, field: name, base: a, ours: b, theirs: c}\n"
	merge3(&x, BASE CONFLICT, BASE, BASE CONFLICT "- {record: P2, field: name, ours: x}\n");
	/* Ours resolved the first; theirs recorded another. */
	assert_int_equal(x.out.conflicts.len, 1);
	assert_string_equal(LDR_ITEM(x.out.conflicts, struct ldr_conflict, 0)->record, "P2");
	merged_release(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_changes_on_different_records_merge),
		cmocka_unit_test(test_the_same_field_changed_twice_is_a_conflict),
		cmocka_unit_test(test_footprint_and_identical_changes),
		cmocka_unit_test(test_the_same_flag_changed_on_both_sides),
		cmocka_unit_test(test_different_fields_of_one_record_merge),
		cmocka_unit_test(test_lists_of_ids_merge_as_sets),
		cmocka_unit_test(test_records_added_on_both_sides_keep_their_places),
		cmocka_unit_test(test_keyed_records_merge_by_key),
		cmocka_unit_test(test_nested_keys_and_attributes),
		cmocka_unit_test(test_milestones_are_records_of_their_own),
		cmocka_unit_test(test_a_clean_merge_can_break_the_schedule),
		cmocka_unit_test(test_an_error_one_side_had_is_not_the_merges),
		cmocka_unit_test(test_conflicts_already_recorded_merge_as_a_set),
	};
	return cmocka_run_group_tests_name("merge", tests, NULL, NULL);
}
