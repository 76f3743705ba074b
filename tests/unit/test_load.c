/* The loader: a valid file becomes the model it describes, and every kind of
 * problem gives one error at the right line and column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"
#include "../../model/roadmap/file.h"

#include <unistd.h>

static void test_a_valid_file_becomes_its_model(void **state)
{
	const char *yaml = HEAD
		"  organisations:\n"
		"  - id: crh\n"
		"    name: Chesterfield Royal Hospital NHS Foundation Trust\n"
		"    type: acute\n"
		"groups:\n"
		"- id: mobile\n"
		"  name: Mobile Working Infrastructure\n"
		"projects:\n"
		"- id: P11\n"
		"  ref: 11\n"
		"  name: 'MIG Phase 1: Roll out to GPs'\n"
		"  group: records\n"
		"  benefits: [care-quality, efficiency]\n"
		"  start: 2016-06\n"
		"  end: 16/17 Q4\n"
		"  status: in-progress\n"
		"  cost: 250000\n"
		"  milestones:\n"
		"  - id: P11-M1\n"
		"    what: Erewash practices live\n"
		"    due: 16/17 Q2\n"
		"- id: P12\n"
		"  name: MIG Phase 2\n"
		"  depends_on: [P11]\n"
		"capabilities:\n"
		"- id: C01\n"
		"  who: A&E clinicians\n"
		"  what: Can access GP-held information\n"
		"  year: 16/17\n"
		"  projects: [P11, P12]\n"
		"  attributes: {Solution: MIG, Benefit: Care quality}\n"
		"universal_capabilities:\n"
		"- id: UC01\n"
		"  enabled: complete\n"
		"  activities:\n"
		"  - {id: UC01-A1, quarter: 16/17 Q1, what: Roll out, done: true}\n";
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_project *p;
	struct ldr_capability *c;
	struct ldr_uc *uc;
	char buf[LDR_TIME_STR_MAX];
	(void)state;

	assert_int_equal(load(yaml, &rm, &d), 0);
	assert_int_equal(d.n, 0);
	assert_string_equal(rm.footprint.name, "Test");
	assert_int_equal(rm.footprint.organisations.len, 1);
	assert_int_equal(LDR_ITEM(rm.footprint.organisations, struct ldr_org, 0)->type, LDR_ORG_ACUTE);
	assert_int_equal(rm.groups.len, 1);
	assert_int_equal(rm.projects.len, 2);
	p = LDR_ITEM(rm.projects, struct ldr_project, 0);
	assert_string_equal(p->id, "P11");
	assert_int_equal(p->ref.v, 11);
	assert_string_equal(p->name, "MIG Phase 1: Roll out to GPs");
	assert_int_equal(p->benefits, LDR_BENEFIT_CARE_QUALITY | LDR_BENEFIT_EFFICIENCY);
	assert_string_equal(ldr_time_format(&p->start, buf), "2016-06");
	assert_string_equal(ldr_time_format(&p->end, buf), "16/17 Q4");
	assert_int_equal(p->status, LDR_PROJECT_IN_PROGRESS);
	assert_true(p->cost.set);
	assert_int_equal(p->cost.v, 250000);
	assert_int_equal(p->milestones.len, 1);
	/* Positions: the record and each field's value. */
	assert_int_equal(p->rec.pos.line, 14);
	assert_int_equal(ldr_rec_field_pos(p, (unsigned)ldr_kind_field(&ldr_kind_project, "end")).line, 20);
	assert_int_equal(ldr_rec_field_pos(p, (unsigned)ldr_kind_field(&ldr_kind_project, "end")).col, 8);
	p = LDR_ITEM(rm.projects, struct ldr_project, 1);
	assert_int_equal(p->depends_on.n, 1);
	assert_string_equal(p->depends_on.v[0], "P11");
	assert_int_equal(p->depends_on.pos[0].line, 29);
	assert_int_equal(p->depends_on.pos[0].col, 16);
	c = LDR_ITEM(rm.capabilities, struct ldr_capability, 0);
	assert_int_equal(c->projects.n, 2);
	/* Attributes are kept sorted by name. */
	assert_int_equal(c->attributes.n, 2);
	assert_string_equal(c->attributes.v[0].key, "Benefit");
	assert_string_equal(c->attributes.v[1].value, "MIG");
	uc = LDR_ITEM(rm.ucs, struct ldr_uc, 0);
	assert_int_equal(uc->enabled, LDR_UC_COMPLETE);
	assert_int_equal(LDR_ITEM(uc->activities, struct ldr_activity, 0)->done, 1);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

static void test_unknown_key_suggests(void **state)
{
	(void)state;
	assert_load_error(HEAD "projects:\n- id: P08\n  name: x\n  dependson: [P01]\n", 9, 3,
			  "unknown key 'dependson' in project 'P08' (did you mean 'depends_on'?)");
	assert_load_error(HEAD "project:\n- id: P08\n", 6, 1,
			  "unknown key 'project' in the roadmap (did you mean 'projects'?)");
	assert_load_error(HEAD "  colour: blue\n", 6, 3, "unknown key 'colour' in the footprint");
}

static void test_attributes_take_any_name(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	(void)state;
	assert_int_equal(load(HEAD "capabilities:\n- id: C1\n  who: a\n  what: b\n"
			      "  attributes:\n    Business change plan: yes\n    'Care pathway': ''\n",
			      &rm, &d), 0);
	/* An empty attribute is kept: the column exists. */
	assert_int_equal(LDR_ITEM(rm.capabilities, struct ldr_capability, 0)->attributes.n, 2);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

static void test_duplicates(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	(void)state;
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  name: b\n", 9, 3,
			  "duplicate key 'name' in project 'P1' (first at 8:3)");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n- id: P1\n  name: b\n", 9, 7,
			  "duplicate id 'P1' (first used at 7:7)");
	/* Ids are unique across kinds. */
	assert_load_error(HEAD "priorities:\n- id: X1\n  title: a\nprojects:\n- id: X1\n  name: b\n",
			  10, 7, "duplicate id 'X1' (first used at 7:7)");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  depends_on: [P2, P2]\n", 9, 20,
			  "'P2' appears twice in 'depends_on' of project 'P1'");
	assert_load_error(HEAD "universal_capabilities:\n- id: UC01\n  ambition:\n"
			  "  - {year: 16/17, text: a}\n  - {year: 2016/17, text: b}\n", 10, 5,
			  "ambition '16/17' appears twice in universal capability 'UC01' (first at 9:5)");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  benefits: [wellbeing, wellbeing]\n",
			  9, 25, "'wellbeing' appears twice in 'benefits'");
	/* A long list is hashed rather than searched: the same errors. */
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  depends_on: [Q1, Q2, Q3, Q4, Q5, Q6, "
			  "Q7, Q8, Q9, Q10, Q11, Q12, Q13, Q14, Q15, Q16, Q17, Q4]\n", 9, 92,
			  "'Q4' appears twice in 'depends_on' of project 'P1'");
	/* A key that names no field, twice: that it is unknown, each time,
	 * and that it is there twice. */
	assert_int_equal(load(HEAD "projects:\n- id: P1\n  name: a\n  nmae: b\n  nmae: c\n", &rm, &d), -1);
	assert_int_equal(d.errors, 3);
	assert_true(said(&d, LDR_ERROR, 10, 3, "duplicate key 'nmae' in project 'P1' (first at 9:3)"));
	assert_true(said(&d, LDR_ERROR, 9, 3, "unknown key 'nmae' in project 'P1' (did you mean 'name'?)"));
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

static void test_wrong_types(void **state)
{
	(void)state;
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  depends_on: P2\n", 9, 15,
			  "'depends_on' of project 'P1' must be a list, like [P2], not a single value");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: [a, b]\n", 8, 9,
			  "'name' of project 'P1' must be one line of text, not a list");
	assert_load_error(HEAD "projects:\n  id: P1\n", 7, 3,
			  "'projects' of the roadmap must be a list of project records, not a mapping");
	assert_load_error(HEAD "projects:\n- P1\n", 7, 3,
			  "each item of 'projects' must be a project record (a mapping), not a single value");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  ref: eleven\n", 9, 8,
			  "'ref' of project 'P1' must be a whole number, not 'eleven'");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  cost: -5\n", 9, 9,
			  "'cost' of project 'P1' is out of range: '-5' is not 0 to");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  cost: 99999999999999999999999\n", 9, 9,
			  "out of range");
	assert_load_error(HEAD "trajectory:\n- id: T1\n  provider: crh\n  scores:\n  - {group: records, baseline: 101}\n",
			  10, 32, "'baseline' of score 'records' is out of range: '101' is not 0 to 100");
	assert_load_error(HEAD "universal_capabilities:\n- id: UC01\n  activities:\n"
			  "  - {id: A1, quarter: 16/17 Q1, what: a, done: yes}\n", 9, 48,
			  "'done' of activity 'A1' must be true or false, not 'yes'");
	assert_load_error(HEAD "capabilities:\n- id: C1\n  who: a\n  what: b\n  attributes: [x]\n", 10, 15,
			  "'attributes' of capability 'C1' must be a mapping of names to values, not a list");
	assert_load_error(HEAD "capabilities:\n- id: C1\n  who: a\n  what: b\n  attributes: {x: [1]}\n", 10, 19,
			  "'x' in 'attributes' of capability 'C1' must be one value, not a list");
	assert_load_error("ldr: 1\nfootprint: Derbyshire\n", 2, 12,
			  "'footprint' must be a mapping, not a single value");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: |\n    two\n    lines\n", 8, 9,
			  "'name' of project 'P1' must be one line");
	assert_load_error(HEAD "projects:\n- {id: P1, name: a, ? [x] : y}\n", 7, 23,
			  "a key in project 'P1' is a list: keys must be names");
}

static void test_missing_and_empty(void **state)
{
	(void)state;
	assert_load_error(HEAD "projects:\n- id: P1\n  description: no name\n", 7, 3,
			  "missing 'name' in project 'P1'");
	assert_load_error(HEAD "projects:\n- name: no id\n", 7, 3, "missing 'id' in project #1");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: ''\n", 8, 3,
			  "'name' of project 'P1' must not be empty");
	assert_load_error("ldr: 1\nfootprint:\n  name: x\n  start: 16/17\n", 3, 3,
			  "missing 'end' in the footprint");
	assert_load_error("ldr: 1\n", 1, 1, "missing 'footprint' in the roadmap");
}

static void test_bad_values(void **state)
{
	(void)state;
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  status: complete\n", 9, 11,
			  "unknown status 'complete' for project 'P1' (expected proposed, planned, "
			  "in-progress, delivered, on-hold or dropped)");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  status: deliverd\n", 9, 11,
			  "unknown status 'deliverd' for project 'P1' (did you mean 'delivered'?)");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  start: 16/18\n", 9, 10,
			  "invalid 'start' of project 'P1': '16/18' is not a financial year");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  end: 16/17 Q5\n", 9, 8,
			  "quarter Q5 is not Q1 to Q4");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  delivered: 2016-13\n", 9, 14,
			  "month 13 is not 01 to 12");
	assert_load_error(HEAD "universal_capabilities:\n- id: UC01\n  activities:\n"
			  "  - {id: A1, quarter: 16/17, what: a}\n", 9, 23,
			  "'16/17' is a financial year; expected a quarter like 16/17 Q3");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  benefits: [welbeing]\n", 9, 14,
			  "unknown benefits 'welbeing' for project 'P1' (did you mean 'wellbeing'?)");
}

static void test_ids(void **state)
{
	(void)state;
	assert_load_error(HEAD "projects:\n- id: P 1\n  name: a\n", 7, 7,
			  "invalid id 'P 1' for a project: ids are 1 to 64 letters, digits");
	assert_load_error(HEAD "projects:\n- id: -P1\n  name: a\n", 7, 7, "invalid id '-P1'");
	assert_load_error(HEAD "projects:\n- id: P1.2\n  name: a\n", 7, 7, "invalid id 'P1.2'");
	assert_load_error(HEAD "groups:\n- id: records\n  name: Records\n", 7, 7,
			  "id 'records' of a group is the national group 'Records, assessments and plans'");
	assert_load_error(HEAD "universal_capabilities:\n- id: UC11\n", 7, 7,
			  "unknown universal capability 'UC11' (expected UC01 to UC10)");
	assert_load_error(HEAD "projects:\n- id: UC03\n  name: a\n", 7, 7,
			  "id 'UC03' of a project is the universal capability's");
	assert_load_error(HEAD "universal_capabilities:\n- id: UC01\n- id: UC01\n", 8, 7,
			  "duplicate id 'UC01' (first used at 7:7)");
}

static void test_derived(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_project *p;
	(void)state;

	assert_int_equal(load(HEAD "projects:\n- id: P1\n  name: a\n  start: 17/18\n  end: 17/18\n"
			      "  derived:\n    end: one year\n    start: from priority horizon\n", &rm, &d), 0);
	p = LDR_ITEM(rm.projects, struct ldr_project, 0);
	/* Reasons are kept in the order of the record's fields. */
	assert_string_equal(p->derived.v[0].key, "start");
	assert_string_equal(p->derived.v[1].key, "end");
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);

	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  derived:\n    strat: guessed\n", 10, 5,
			  "'derived' of project 'P1' names 'strat', which is not one of its fields "
			  "(did you mean 'start'?)");
	assert_load_error(HEAD "projects:\n- id: P1\n  name: a\n  derived:\n    start:\n", 10, 11,
			  "'derived' of project 'P1' must give the reason 'start' was derived");
}

static void test_yaml_features_the_format_refuses(void **state)
{
	(void)state;
	assert_load_error("ldr: 1\nfootprint: &fp\n  name: x\n", 2, 12,
			  "anchor '&fp' is not supported");
	assert_load_error("ldr: 1\nfootprint: *fp\n", 2, 12, "alias '*fp' is not supported");
	assert_load_error("ldr: 1\nfootprint: !!map\n  name: x\n", 2, 12, "tag 'tag:yaml.org,2002:map' is not supported");
	assert_load_error(HEAD "---\nldr: 1\n", 6, 1, "a second YAML document: a roadmap file holds one");
	assert_load_error("%TAG ! tag:example.com,2000:\n---\nldr: 1\n", 1, 1, "%TAG directives are not supported");
}

static void test_not_yaml_or_not_a_roadmap(void **state)
{
	static const char utf16[] = "\xff\xfel\0d\0r\0";
	struct ldr_roadmap rm;
	struct ldr_diag d;
	(void)state;

	assert_load_error("", 1, 1, "empty file: expected 'ldr: 1' and a footprint");
	assert_load_error("# only a comment\n", 1, 1, "empty file");
	assert_load_error("- a\n- b\n", 1, 1, "expected a mapping at the top of the file");
	assert_load_error("footprint:\n  name: x\n", 1, 1, "missing 'ldr: 1' at the top: is this a roadmap file?");
	assert_load_error("ldr: 2\nfootprint: {}\n", 1, 6, "unsupported format 'ldr: 2': this ldr reads format 1");
	assert_load_error("ldr: 1\nfootprint:\n\tname: x\n", 3, 1, "tab character: YAML indents with spaces only");
	assert_load_error("ldr: 1\nfootprint: [a\n", 3, 1, "invalid YAML: did not find expected ',' or ']'");
	assert_load_error("ldr: 1\nfootprint: {name: \"a\\e[2J\"}\n", 2, 19,
			  "control character U+001B in a value: only tab and newline are allowed");
	assert_load_error("ldr: 1\nfootprint: {name: \"a\\0b\"}\n", 2, 19, "control character U+0000");
	assert_load_error("ldr: 1\nfootprint:\n  name: caf\xc3\xa9 \xff\n", 3, 14, "invalid UTF-8 (byte 0xFF)");
	assert_load_error("ldr: 1\nfootprint:\n  n\x01: x\n", 3, 4, "control character U+0001 in the file");

	/* Binary data with NUL bytes: the position of the first NUL. */
	ldr_diag_init(&d, "t.yaml");
	assert_int_equal(ldr_roadmap_read(&rm, "ldr: 1\nab\0cd", 12, &d), -1);
	assert_true(said(&d, LDR_ERROR, 2, 3, "NUL byte in the file"));
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);

	ldr_diag_init(&d, "t.yaml");
	assert_int_equal(ldr_roadmap_read(&rm, utf16, sizeof(utf16) - 1, &d), -1);
	assert_true(said(&d, LDR_ERROR, 1, 1, "the file is UTF-16 or UTF-32: ldr reads UTF-8 only"));
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

static void test_all_errors_in_one_run(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	(void)state;
	assert_int_equal(load(HEAD "projects:\n- id: P1\n  name: a\n  stat: x\n"
			      "- id: P2\n  name: b\n  start: soon\n- id: P3\n", &rm, &d), -1);
	assert_int_equal(d.errors, 3);
	assert_true(said(&d, LDR_ERROR, 9, 3, "unknown key 'stat'"));
	assert_true(said(&d, LDR_ERROR, 12, 10, "'soon' is not a time"));
	assert_true(said(&d, LDR_ERROR, 13, 3, "missing 'name' in project 'P3'"));
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

static void test_comments_are_found_and_warned(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	(void)state;

	/* '#' inside values, quoted or in a block, is not a comment. */
	assert_int_equal(load(HEAD "projects:\n- id: P1\n  name: 'Phase #1'\n  description: |\n"
			      "    # a heading, not a comment\n    issue#3\n  notes: \"x # y\"\n", &rm, &d), 0);
	assert_int_equal(d.n, 0);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);

	assert_int_equal(load("# header\n" HEAD "projects: # the dossier\n- id: P1 #one\n  name: a\n",
			      &rm, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 1);
	assert_true(said(&d, LDR_WARNING, 1, 1, "3 comments in this file: comments are not kept"));
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);

	/* A comment on the header line of a block. */
	assert_int_equal(load(HEAD "projects:\n- id: P1\n  name: a\n  notes: | # why\n    text\n", &rm, &d), 0);
	assert_true(said(&d, LDR_WARNING, 9, 12, "1 comment in this file"));
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

static void test_null_and_empty_values_are_absent(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_project *p;
	(void)state;
	assert_int_equal(load(HEAD "groups:\nprojects:\n- id: P1\n  name: a\n  notes: ~\n  start:\n"
			      "  depends_on: []\n  description: \"\"\n", &rm, &d), 0);
	p = LDR_ITEM(rm.projects, struct ldr_project, 0);
	assert_null(p->notes);
	assert_null(p->description);
	assert_int_equal(p->start.kind, LDR_TIME_NONE);
	assert_int_equal(p->depends_on.n, 0);
	assert_int_equal(rm.groups.len, 0);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

/* The records of the top lists are decoded as they are read, and their
 * nodes freed; what that path leaves to the whole-file one gives the same
 * roadmap and the same messages. */
static void test_records_as_read(void **state)
{
	struct ldr_buf big = LDR_BUF_INIT;
	struct ldr_roadmap a, b;
	struct ldr_diag d;
	size_t i;
	(void)state;

	/* 'ldr: 1' after the lists: nothing is taken as read, the same roadmap. */
	assert_int_equal(load(HEAD "projects:\n- id: P1\n  name: a\n- id: P2\n  name: b\n"
			      "  depends_on: [P1]\n", &a, &d), 0);
	ldr_diag_release(&d);
	assert_int_equal(load("footprint:\n  name: Test\n  start: 16/17\n  end: 20/21\n"
			      "projects:\n- id: P1\n  name: a\n- id: P2\n  name: b\n  depends_on: [P1]\n"
			      "ldr: 1\n", &b, &d), 0);
	assert_int_equal(b.projects.len, 2);
	assert_true(ldr_rec_equal(&ldr_kind_project, a.projects.items, b.projects.items));
	assert_true(ldr_rec_equal(&ldr_kind_project, LDR_ITEM(a.projects, struct ldr_project, 1),
				  LDR_ITEM(b.projects, struct ldr_project, 1)));
	ldr_roadmap_release(&a);
	ldr_roadmap_release(&b);
	ldr_diag_release(&d);

	/* Another format: that alone, not its records' errors. */
	assert_load_error("ldr: 2\nprojects:\n- id: P1\n  colour: red\n", 1, 6,
			  "unsupported format 'ldr: 2'");

	/* A list given twice: the second is reported, not added. */
	assert_int_equal(load(HEAD "projects:\n- id: P1\n  name: a\nprojects:\n- id: P2\n  name: b\n",
			      &a, &d), -1);
	assert_true(said(&d, LDR_ERROR, 9, 1, "duplicate key 'projects' in the roadmap (first at 6:1)"));
	assert_int_equal(d.errors, 1);
	assert_int_equal(a.projects.len, 1);
	ldr_roadmap_release(&a);
	ldr_diag_release(&d);

	/* Records with text larger than a chunk of the reader's memory, and
	 * items that are not records: in order, whole, and said. */
	ldr_buf_addstr(&big, HEAD "capabilities:\n");
	for (i = 0; i < 3; i++) {
		size_t k;
		ldr_buf_addf(&big, "- id: C%zu\n  who: w\n  what: x\n  notes: ", i);
		for (k = 0; k < 100000; k++)
			ldr_buf_addch(&big, (char)('a' + (i + k) % 26));
		ldr_buf_addch(&big, '\n');
	}
	ldr_buf_addstr(&big, "- just text\n- id: C9\n  who: w\n  what: x\n");
	assert_int_equal(load(big.s, &a, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_true(said(&d, LDR_ERROR, 19, 3, "each item of 'capabilities' must be a capability record"));
	assert_int_equal(a.capabilities.len, 4);
	for (i = 0; i < 3; i++) {
		const struct ldr_capability *c = LDR_ITEM(a.capabilities, struct ldr_capability, i);
		assert_int_equal(strlen(c->notes), 100000);
		assert_int_equal(c->notes[0], 'a' + (int)i);
		assert_int_equal(c->notes[99999], 'a' + (int)((i + 99999) % 26));
	}
	assert_string_equal(LDR_ITEM(a.capabilities, struct ldr_capability, 3)->id, "C9");
	ldr_roadmap_release(&a);
	ldr_diag_release(&d);
	ldr_buf_release(&big);
}

/* A file is decoded as it is read, its text never held whole; what only the
 * text can place (a comment, a CR, a byte-order mark, git's markers) and
 * every error of YAML make it read whole again: the same roadmap and the
 * same messages either way. */
static int from_file(const char *text, size_t len, unsigned flags, struct ldr_roadmap *rm,
		     struct ldr_diag *d, int *streamed)
{
	char path[] = "/tmp/ldr-test-load-XXXXXX";
	int fd = mkstemp(path), r;
	struct ldr_roadmap probe;
	struct ldr_diag pd;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	ldr_diag_init(&pd, "t.yaml");
	*streamed = ldr_roadmap_read_fd(&probe, fd, flags, &pd) != 1;
	ldr_roadmap_release(&probe);
	ldr_diag_release(&pd);
	close(fd);
	ldr_diag_init(d, "t.yaml");
	r = ldr_roadmap_load(rm, path, flags, d, NULL);
	unlink(path);
	return r;
}

static void same_as_whole(const char *text, size_t len, int streams)
{
	struct ldr_roadmap a, b;
	struct ldr_diag da, db;
	struct ldr_buf fa = LDR_BUF_INIT, fb = LDR_BUF_INIT;
	unsigned flags;
	int ra, rb, streamed;

	ldr_diag_init(&da, "t.yaml");
	ra = ldr_roadmap_read(&a, text, len, &da);
	ldr_diag_format(&da, &fa);
	for (flags = 0; flags <= LDR_LOAD_FROZEN; flags++) {
		rb = from_file(text, len, flags, &b, &db, &streamed);
		assert_int_equal(streamed, streams);
		assert_int_equal(ra, rb);
		assert_true(ldr_roadmap_equal(&a, &b));
		assert_int_equal(a.rec.crlf, b.rec.crlf);
		/* Frozen when it could be read as it came. */
		assert_int_equal(b.frozen != NULL, flags && streams);
		ldr_buf_reset(&fb);
		ldr_diag_format(&db, &fb);
		assert_string_equal(fa.s ? fa.s : "", fb.s ? fb.s : "");
		ldr_roadmap_release(&b);
		ldr_diag_release(&db);
	}
	ldr_buf_release(&fa);
	ldr_buf_release(&fb);
	ldr_roadmap_release(&a);
	ldr_diag_release(&da);
}

static void test_a_file_is_decoded_as_it_is_read(void **state)
{
	static const char *streams[] = {
		HEAD "projects:\n- id: P1\n  name: a\n- id: P2\n  name: b\n  depends_on: [P1]\n",
		HEAD "projects:\n- id: P1\n- id: P1\n  name: b\n  start: 3016\n", /* errors, placed */
		HEAD "projects:\n- id: P1\n  name: \"a << b\"\n",
		HEAD "capabilities:\n- {id: C1, who: GPs, what: w, attributes: {Solution: MIG}, derived: {what: r}}\n"
		"- {id: C2, who: GPs, what: w, attributes: {Solution: EMIS}, notes: \"a\\n b\"}\n",
		"", /* an empty file: said so */
	};
	static const char *whole[] = {
		HEAD "projects: # the dossier\n- id: P1\n  name: a\n",
		"ldr: 1\r\nfootprint:\r\n  name: Test\r\n  start: 16/17\r\n  end: 20/21\r\n",
		"\xEF\xBB\xBF" HEAD,
		HEAD "projects:\n- id: P1\n  name: [a\n", /* invalid YAML */
		HEAD "  notes: \"a\n<<<<<<< HEAD\n=======\n>>>>>>> b\n  \"\n", /* markers in a value */
	};
	struct ldr_buf big = LDR_BUF_INIT;
	size_t i;
	(void)state;

	for (i = 0; i < sizeof(streams) / sizeof(*streams); i++)
		same_as_whole(streams[i], strlen(streams[i]), 1);
	for (i = 0; i < sizeof(whole) / sizeof(*whole); i++)
		same_as_whole(whole[i], strlen(whole[i]), 0);
	/* Frozen, a value met again is kept once. */
	{
		const char *t = streams[3];
		struct ldr_roadmap rm;
		struct ldr_diag d;
		const struct ldr_capability *c1, *c2;
		int streamed;

		assert_int_equal(from_file(t, strlen(t), LDR_LOAD_FROZEN, &rm, &d, &streamed), 0);
		c1 = LDR_ITEM(rm.capabilities, struct ldr_capability, 0);
		c2 = LDR_ITEM(rm.capabilities, struct ldr_capability, 1);
		assert_ptr_equal(c1->who, c2->who);
		assert_ptr_equal(c1->attributes.v[0].key, c2->attributes.v[0].key);
		assert_string_equal(c2->attributes.v[0].value, "EMIS");
		ldr_roadmap_release(&rm);
		ldr_diag_release(&d);
	}
	/* Markers split between two reads of libyaml's (16 KiB each). */
	ldr_buf_addstr(&big, HEAD "  notes: \"");
	while (big.len < 16384 - 3)
		ldr_buf_addstr(&big, "x");
	ldr_buf_addstr(&big, "\n<<<<<<< HEAD\n=======\n>>>>>>> b\n  \"\n");
	same_as_whole(big.s, big.len, 0);
	ldr_buf_release(&big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_valid_file_becomes_its_model),
		cmocka_unit_test(test_unknown_key_suggests),
		cmocka_unit_test(test_attributes_take_any_name),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_missing_and_empty),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_derived),
		cmocka_unit_test(test_yaml_features_the_format_refuses),
		cmocka_unit_test(test_not_yaml_or_not_a_roadmap),
		cmocka_unit_test(test_all_errors_in_one_run),
		cmocka_unit_test(test_comments_are_found_and_warned),
		cmocka_unit_test(test_null_and_empty_values_are_absent),
		cmocka_unit_test(test_records_as_read),
		cmocka_unit_test(test_a_file_is_decoded_as_it_is_read),
	};
	return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
