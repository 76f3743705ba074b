/* Setting fields from text (ldr set): every type of field, checked as the
 * loader checks a file, and the roadmap untouched when a value is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/roadmap/edit.h"
#include "../../model/roadmap/index.h"
#include "helpers.h"

#define ROADMAP HEAD "groups:\n- {id: mobile, name: Mobile working}\n" \
	"projects:\n- id: P1\n  name: First\n  start: 16/17 Q1\n  end: 16/17 Q4\n" \
	"  milestones:\n  - {id: P1-M1, what: Go live, due: 2016-10}\n" \
	"- id: P2\n  name: Second\n" \
	"capabilities:\n- id: C1\n  who: GPs\n  what: Refer\n  year: 16/17\n" \
	"  attributes: {Solution: eRS}\n" \
	"universal_capabilities:\n- id: UC04\n  activities:\n  - {id: UC04-A1, quarter: 16/17 Q2, what: x, done: false}\n"

static struct ldr_roadmap rm;

static int up(void **state)
{
	struct ldr_diag d;
	(void)state;
	assert_int_equal(load(ROADMAP, &rm, &d), 0);
	ldr_diag_release(&d);
	return 0;
}

static int down(void **state)
{
	(void)state;
	ldr_roadmap_release(&rm);
	return 0;
}

static void ok(const char *a)
{
	struct ldr_buf err = LDR_BUF_INIT;
	int r = ldr_edit_assign(&rm, a, &err);
	if (r)
		fprintf(stderr, "%s: %s\n", a, err.s);
	assert_int_equal(r, 0);
	ldr_buf_release(&err);
}

/* The assignment is refused with this message, and nothing changes. */
static void refused(const char *a, int code, const char *want)
{
	struct ldr_buf err = LDR_BUF_INIT, before = LDR_BUF_INIT, after = LDR_BUF_INIT;
	assert_int_equal(ldr_roadmap_write(&rm, &before, &err), 0);
	assert_int_equal(ldr_edit_assign(&rm, a, &err), code);
	if (!strstr(err.s, want))
		fprintf(stderr, "%s: got '%s'\n", a, err.s);
	assert_non_null(strstr(err.s, want));
	assert_int_equal(ldr_roadmap_write(&rm, &after, &err), 0);
	assert_string_equal(before.s, after.s);
	ldr_buf_release(&err);
	ldr_buf_release(&before);
	ldr_buf_release(&after);
}

static struct ldr_project *project(const char *id)
{
	struct ldr_index ix;
	struct ldr_project *p;
	ldr_index_build(&ix, &rm);
	p = ldr_index_get(&ix, &ldr_kind_project, id);
	ldr_index_release(&ix);
	return p;
}

static void test_every_type(void **state)
{
	struct ldr_project *p;
	struct ldr_capability *c = rm.capabilities.items;
	struct ldr_uc *uc = rm.ucs.items;
	(void)state;

	ok("P1.name=First phase: roll-out");         /* taken literally, colon and all */
	ok("P1.start=Q2 2016/17");                   /* any accepted form */
	ok("P1.ref=12");
	ok("P1.status=in-progress");
	ok("P1.benefits=[wellbeing, care-quality]");
	ok("P1.depends_on=P2");
	ok("P1.group=remote");                        /* a national group */
	ok("P2.group=mobile");                        /* a local one */
	ok("P1-M1.due=16/17 Q3");                     /* a nested record, by its own id */
	ok("UC04-A1.done=true");
	ok("footprint.version=3.0");
	p = project("P1");
	assert_string_equal(p->name, "First phase: roll-out");
	assert_int_equal(p->start.kind, LDR_TIME_QUARTER);
	assert_int_equal(p->ref.v, 12);
	assert_int_equal(p->status, LDR_PROJECT_IN_PROGRESS);
	assert_int_equal(p->benefits, LDR_BENEFIT_WELLBEING | LDR_BENEFIT_CARE_QUALITY);
	assert_int_equal(p->depends_on.n, 1);
	assert_string_equal(p->group, "remote");
	assert_int_equal(LDR_ITEM(p->milestones, struct ldr_milestone, 0)->due.kind, LDR_TIME_QUARTER);
	assert_true(LDR_ITEM(uc->activities, struct ldr_activity, 0)->done);
	assert_string_equal(rm.footprint.version, "3.0");

	/* Mappings: one entry at a time, kept in order; empty removes. */
	ok("C1.attributes.Owner=PMO");
	ok("C1.attributes.Care setting=Primary");
	assert_int_equal(c->attributes.n, 3);
	assert_string_equal(c->attributes.v[0].key, "Care setting");
	assert_string_equal(c->attributes.v[2].key, "Solution");
	ok("C1.attributes.Solution=");
	assert_int_equal(c->attributes.n, 2);
	ok("C1.derived.year=from the programme chart");
	ok("C1.derived.who=from Table 14");
	assert_string_equal(c->derived.v[0].key, "who"); /* the order of the fields */

	/* Empty clears. */
	ok("P1.ref=");
	ok("P1.depends_on=[]");
	p = project("P1");
	assert_false(p->ref.set);
	assert_int_equal(p->depends_on.n, 0);
}

static void test_refusals(void **state)
{
	(void)state;
	refused("P1.start", -2, "is not an assignment");
	refused("=x", -2, "is not an assignment");
	refused("P9.start=16/17", -1, "no record 'P9' in the roadmap (did you mean 'P1'?)");
	refused("P1.strat=16/17", -1, "project 'P1' has no field 'strat' (did you mean 'start'?)");
	refused("P1.start=16/18", -1, "invalid 'start' of project 'P1': '16/18' is not a financial year");
	refused("P1.status=done", -1, "unknown status 'done' for project 'P1'");
	refused("P1.ref=twelve", -1, "'ref' of project 'P1' must be a whole number, not 'twelve'");
	refused("P1.name=", -1, "'name' of project 'P1' must not be empty");
	refused("P1.name=two\nlines", -1, "must be one line");
	refused("P1.depends_on=P2,P2", -1, "'P2' appears twice in 'depends_on' of project 'P1'");
	refused("P1.depends_on=P2,,P3", -1, "must be an id, not nothing");
	refused("P1.depends_on=C1", -1, "'depends_on' of project 'P1': no project 'C1' in the roadmap");
	refused("P1.group=remot", -1, "no group 'remot' in the roadmap (did you mean 'remote'?)");
	refused("P1.id=P7", -1, "cannot be changed");
	refused("P1.milestones=x", -1, "is a list of records");
	refused("C1.attributes=x", -1, "set one entry at a time");
	refused("C1.derived.colour=x", -1, "names 'colour', which is not one of its fields");
	refused("P1.start.x=16/17", -1, "has no entries to name");
	refused("UC04-A1.quarter=16/17", -1, "'16/17' is a financial year; expected a quarter like 16/17 Q3");
	refused("UC04-A1.done=yes", -1, "must be true or false, not 'yes'");
	refused("footprint.start=", -1, "'start' of the footprint must not be empty");
}

/* Setting a field a merge left in conflict resolves that conflict (and only
 * that one): its entry goes. */
static void test_setting_a_field_resolves_its_conflict(void **state)
{
	struct ldr_roadmap c;
	struct ldr_diag d;
	struct ldr_buf err = LDR_BUF_INIT;
	(void)state;

	assert_int_equal(load(ROADMAP "conflicts:\n- {record: P1, field: end, ours: 16/17 Q4, theirs: 17/18}\n"
			      "- {record: C1, field: attributes.Solution, ours: eRS, theirs: EMIS}\n"
			      "- {record: C1, field: year, ours: 16/17, theirs: 17/18}\n", &c, &d), 0);
	assert_int_equal(ldr_edit_assign(&c, "P1.end=17/18", &err), 0);
	assert_int_equal(c.conflicts.len, 2);
	assert_int_equal(ldr_edit_assign(&c, "C1.attributes.Solution=EMIS", &err), 0);
	assert_int_equal(c.conflicts.len, 1);
	assert_string_equal(LDR_ITEM(c.conflicts, struct ldr_conflict, 0)->field, "year");
	/* A refused value resolves nothing. */
	assert_int_equal(ldr_edit_assign(&c, "C1.year=16/18", &err), -1);
	assert_int_equal(c.conflicts.len, 1);
	ldr_roadmap_release(&c);
	ldr_diag_release(&d);
	ldr_buf_release(&err);
}

/* A field of a keyed record: a milestone's checkpoint by its when, an
 * ambition by its year; a key set onto another's is refused. */
static void test_keyed_records(void **state)
{
	struct ldr_roadmap c;
	struct ldr_diag d;
	struct ldr_buf err = LDR_BUF_INIT;
	const struct ldr_milestone *m;
	(void)state;

	assert_int_equal(load(HEAD "projects:\n- id: P\n  name: P\n  milestones:\n  - id: M\n    what: x\n"
			      "    checkpoints:\n    - {when: by 2017-03, what: half}\n    - {when: 2017-06, what: all}\n"
			      "capabilities:\n- {id: C1, who: a, what: b}\n"
			      "universal_capabilities:\n- id: UC04\n  ambition:\n  - {year: 16/17, text: a}\n"
			      "conflicts:\n- {record: M, field: 'checkpoints[2017-06].status', ours: done, theirs: missed}\n",
			      &c, &d), 0);
	m = LDR_ITEM(LDR_ITEM(c.projects, struct ldr_project, 0)->milestones, struct ldr_milestone, 0);
	assert_int_equal(ldr_edit_assign(&c, "M.checkpoints[by 2017-03].status=done", &err), 0);
	assert_int_equal(LDR_ITEM(m->checkpoints, struct ldr_checkpoint, 0)->status, LDR_MILESTONE_DONE);
	assert_int_equal(ldr_edit_assign(&c, "M.checkpoints[2017-06].status=missed", &err), 0);
	assert_int_equal(c.conflicts.len, 0); /* resolved */
	assert_int_equal(ldr_edit_assign(&c, "UC04.ambition[16/17].text=b", &err), 0);
	assert_string_equal(LDR_ITEM(LDR_ITEM(c.ucs, struct ldr_uc, 0)->ambition, struct ldr_ambition, 0)->text, "b");
	ldr_buf_reset(&err);
	assert_int_equal(ldr_edit_assign(&c, "M.checkpoints[by 2017-03].when=2017-06", &err), -1);
	assert_non_null(strstr(err.s, "two checkpoints '2017-06'"));
	assert_int_equal(LDR_ITEM(m->checkpoints, struct ldr_checkpoint, 0)->when.qual, LDR_QUAL_BY);
	ldr_buf_reset(&err);
	assert_int_equal(ldr_edit_assign(&c, "M.checkpoints[2018-01].status=done", &err), -1);
	assert_non_null(strstr(err.s, "M has no checkpoint '2018-01'"));
	ldr_buf_reset(&err);
	assert_int_equal(ldr_edit_assign(&c, "M.checkpoints[2017-06]status=done", &err), -2);
	/* A bracket in the name of an attribute is the name's. */
	assert_int_equal(ldr_edit_assign(&c, "C1.attributes.a[1].b=x", &err), 0);
	assert_string_equal(ldr_map_get(&LDR_ITEM(c.capabilities, struct ldr_capability, 0)->attributes, "a[1].b"), "x");
	ldr_roadmap_release(&c);
	ldr_diag_release(&d);
	ldr_buf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_type, up, down),
		cmocka_unit_test_setup_teardown(test_refusals, up, down),
		cmocka_unit_test(test_setting_a_field_resolves_its_conflict),
		cmocka_unit_test(test_keyed_records),
	};
	return cmocka_run_group_tests_name("edit", tests, NULL, NULL);
}
