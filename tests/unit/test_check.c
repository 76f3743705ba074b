/* The checks: for each rule, a small roadmap it finds fault with (the
 * finding, its position and record) and one it passes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/rules/check.h"
#include "../../model/roadmap/national.h"
#include "../../model/base/clock.h"
#include "helpers.h"

/* Run one rule on yaml as at as_of ("" for none); return the findings. */
static struct ldr_findings run(const char *rule, const char *yaml, const char *as_of)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_findings f;
	struct ldr_check_opts o;
	const char *only[1];
	char err[200];

	if (load(yaml, &rm, &d) != 0) {
		dump(&d);
		fail_msg("the fixture does not load");
	}
	memset(&o, 0, sizeof(o));
	only[0] = rule;
	o.only = only;
	o.n_only = 1;
	if (*as_of)
		assert_int_equal(ldr_time_parse(&o.as_of, as_of, LDR_TIME_ANY, err, sizeof(err)), 0);
	ldr_check(&rm, &o, &f);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	return f;
}

static void print(const struct ldr_findings *f)
{
	size_t i;
	for (i = 0; i < f->n; i++)
		fprintf(stderr, "  %u:%u [%s] %s: %s\n", f->v[i].pos.line, f->v[i].pos.col,
			f->v[i].rule->id, f->v[i].id ? f->v[i].id : "-", f->v[i].message);
}

/* Expect exactly n findings; the first at line:col about id, saying want. */
static void expect(const char *rule, const char *yaml, const char *as_of, size_t n, unsigned line,
		   unsigned col, const char *id, const char *want)
{
	struct ldr_findings f = run(rule, yaml, as_of);
	int ok = f.n == n;

	if (ok && n) {
		ok = f.v[0].pos.line == line && f.v[0].pos.col == col && strstr(f.v[0].message, want) &&
		     (!id || (f.v[0].id && !strcmp(f.v[0].id, id)));
		ok = ok && !strcmp(f.v[0].rule->id, rule);
	}
	if (!ok) {
		print(&f);
		fail_msg("rule %s: expected %zu finding(s), the first at %u:%u about %s: '%s'", rule, n,
			 line, col, id ? id : "-", want);
	}
	ldr_findings_release(&f);
}

static void passes(const char *rule, const char *yaml, const char *as_of)
{
	expect(rule, yaml, as_of, 0, 0, 0, NULL, "");
}

#define P "projects:\n"

static void test_unknown_ref(void **state)
{
	(void)state;
	expect("unknown-ref", HEAD P "- {id: P01, name: a}\n- {id: P02, name: b, depends_on: [P01, P3]}\n",
	       "", 1, 8, 40, "P02", "project 'P02': 'depends_on' names 'P3', which is not a project");
	expect("unknown-ref", HEAD P "- {id: P1, name: a, group: Remote Care }\n", "", 1, 7, 28, "P1",
	       "'group' names 'Remote Care', which is not a group");
	expect("unknown-ref", HEAD P "- {id: P1, name: a}\ncapabilities:\n- {id: C1, who: a, what: b, "
	       "depends_on: [P1]}\n", "", 1, 9, 42, "C1", "names 'P1', which is a project, not a capability");
	expect("unknown-ref", HEAD "trajectory:\n- {id: T1, provider: crh}\n", "", 1, 7, 22, "T1",
	       "'provider' names 'crh', which is not an organisation");
	expect("unknown-ref", HEAD "trajectory:\n- id: T1\n  provider: crh\n  scores: [{group: record}]\n"
	       "  notes: x\n", "", 2, 8, 13, "T1", "");
	passes("unknown-ref", HEAD "  organisations: [{id: crh, name: CRH}]\ngroups: [{id: g1, name: G}]\n"
	       "priorities: [{id: PR1, title: t}]\n" P "- {id: P1, name: a, group: g1, priority: PR1}\n"
	       "- {id: P2, name: b, group: remote, depends_on: [P1]}\n"
	       "capabilities: [{id: C1, who: a, what: b, projects: [P1, P2], group: records}]\n"
	       "trajectory: [{id: T1, provider: crh, scores: [{group: assets}]}]\n", "");
}

static void test_unknown_ref_suggests(void **state)
{
	/* Ids close to the one written; for a group, also its name written for its id. */
	struct ldr_findings f = run("unknown-ref", HEAD P "- {id: P01, name: a}\n- {id: P02, name: b, "
				    "depends_on: [P10]}\n- {id: P03, name: c, group: remot}\n"
				    "- {id: P04, name: d, group: 'Remote Care '}\n- {id: P05, name: e, group: zzz}\n", "");
	(void)state;
	assert_int_equal(f.n, 4);
	assert_non_null(f.v[0].fix);
	assert_string_equal(f.v[0].fix, "did you mean 'P01'?");
	assert_non_null(f.v[1].fix);
	assert_string_equal(f.v[1].fix, "did you mean 'remote'?");
	assert_non_null(f.v[2].fix);
	assert_string_equal(f.v[2].fix, "did you mean 'remote'?");
	assert_null(f.v[3].fix);
	ldr_findings_release(&f);
}

/* "Did you mean" is searched once per unknown id, and for the first 64: a
 * file whose every reference is wrong must not cost the square of its size. */
static void test_unknown_ref_suggests_a_few(void **state)
{
	struct ldr_buf y = LDR_BUF_INIT;
	struct ldr_findings f;
	size_t i, with = 0;

	(void)state;
	ldr_buf_addstr(&y, HEAD P);
	for (i = 0; i < 100; i++)
		ldr_buf_addf(&y, "- {id: P%03zu, name: a, depends_on: [Q%03zu, Q%03zu]}\n", i, i, i + 1);
	f = run("unknown-ref", y.s, "");
	assert_int_equal(f.n, 200);
	for (i = 0; i < f.n; i++)
		with += f.v[i].fix != NULL;
	/* Q000 to Q063 searched, in the order of the file; each but the first
	 * named twice, the second time answered from the first. */
	assert_int_equal(with, 1 + 63 * 2);
	assert_string_equal(f.v[0].fix, "did you mean 'P000'?");
	assert_null(f.v[f.n - 1].fix);
	ldr_findings_release(&f);
	ldr_buf_release(&y);
}

static void test_cycle(void **state)
{
	(void)state;
	expect("cycle", HEAD P "- {id: A, name: a, depends_on: [C]}\n- {id: B, name: b, depends_on: [A]}\n"
	       "- {id: C, name: c, depends_on: [B]}\n", "", 1, 8, 33, "B",
	       "project 'B' depends on 'A', closing a cycle: A -> C -> B -> A");
	expect("cycle", HEAD P "- {id: A, name: a, depends_on: [A]}\n", "", 1, 7, 33, "A",
	       "project 'A' depends on itself");
	expect("cycle", HEAD "capabilities:\n- {id: C1, who: a, what: b, depends_on: [C2]}\n"
	       "- {id: C2, who: a, what: c, depends_on: [C1]}\n", "", 1, 8, 42, "C2",
	       "capability 'C2' depends on 'C1', closing a cycle: C1 -> C2 -> C1");
	/* Two separate cycles are two findings; a diamond is no cycle. */
	expect("cycle", HEAD P "- {id: A, name: a, depends_on: [B]}\n- {id: B, name: b, depends_on: [A]}\n"
	       "- {id: C, name: c, depends_on: [D]}\n- {id: D, name: d, depends_on: [C]}\n", "", 2, 8, 33,
	       "B", "closing a cycle");
	passes("cycle", HEAD P "- {id: A, name: a}\n- {id: B, name: b, depends_on: [A]}\n"
	       "- {id: C, name: c, depends_on: [A]}\n- {id: D, name: d, depends_on: [B, C, X]}\n", "");
}

static void test_long_cycle_is_linear_and_shortened(void **state)
{
	struct ldr_buf b = LDR_BUF_INIT;
	struct ldr_findings f;
	size_t i, n = 10000;
	(void)state;

	ldr_buf_addstr(&b, HEAD P);
	for (i = 0; i < n; i++)
		ldr_buf_addf(&b, "- {id: P%zu, name: p, depends_on: [P%zu]}\n", i, (i + 1) % n);
	f = run("cycle", b.s, "");
	assert_int_equal(f.n, 1);
	assert_non_null(strstr(f.v[0].message, "(10000 in all)"));
	assert_true(strlen(f.v[0].message) < 300);
	ldr_findings_release(&f);
	ldr_buf_release(&b);
}

static void test_dep_order(void **state)
{
	(void)state;
	expect("dep-order", HEAD P "- {id: P12, name: a, start: 16/17 Q1, end: 17/18}\n"
	       "- {id: P08, name: b, start: 16/17, depends_on: [P12]}\n", "", 1, 8, 49, "P08",
	       "project 'P08' starts 16/17 but depends on 'P12', which ends 17/18");
	expect("dep-order", HEAD P "- {id: P1, name: a, start: 16/17, end: 17/18 Q2}\n"
	       "capabilities:\n- {id: C1, who: a, what: b, year: 16/17, projects: [P1]}\n", "", 1, 9, 53,
	       "C1", "capability 'C1' is due 16/17 but project 'P1', which delivers it, ends 17/18 Q2");
	expect("dep-order", HEAD "capabilities:\n- {id: C1, who: a, what: b, year: 17/18}\n"
	       "- {id: C2, who: a, what: c, year: 16/17, depends_on: [C1]}\n", "", 1, 8, 55, "C2",
	       "capability 'C2' is due 16/17 but depends on 'C1', due 17/18");
	/* Back to back is fine; the same year for a capability and its project's end is fine. */
	passes("dep-order", HEAD P "- {id: P1, name: a, start: 16/17 Q1, end: 16/17 Q4}\n"
	       "- {id: P2, name: b, start: 17/18 Q1, depends_on: [P1]}\n"
	       "- {id: P3, name: c, start: 16/17, depends_on: [P9]}\n"
	       "- {id: P4, name: d, start: 16/17, depends_on: [P5], status: dropped}\n"
	       "- {id: P5, name: e, start: 18/19}\n"
	       "capabilities:\n- {id: C1, who: a, what: b, year: 16/17, projects: [P1]}\n"
	       "- {id: C2, who: a, what: b, year: 17/18, depends_on: [C1]}\n", "");
}

static void test_range(void **state)
{
	(void)state;
	expect("range", HEAD P "- {id: P1, name: a, start: 17/18 Q3, end: 17/18 Q2}\n", "", 1, 7, 43,
	       "P1", "project 'P1' ends 17/18 Q2, before it starts (17/18 Q3)");
	expect("range", HEAD P "- id: P1\n  name: a\n  start: 16/17\n  end: 16/17 Q3\n"
	       "  milestones: [{id: M1, what: m, due: 17/18 Q1}]\n", "", 1, 11, 39, "M1",
	       "milestone 'M1' is due 17/18 Q1, outside its project 'P1' (16/17 to 16/17 Q3)");
	passes("range", HEAD P "- id: P1\n  name: a\n  start: 16/17 Q2\n  end: 16/17 Q3\n"
	       "  milestones: [{id: M1, what: m, due: 2016-12}, {id: M2, what: n}]\n", "");
	/* A project may end in the month it starts: only an end before the
	 * start is backwards (ends 16/17 Q2 = Jul-Sep 2016, starts Sep 2016). */
	passes("range", HEAD P "- {id: P1, name: a, start: 2016-10, end: 2016-10}\n"
	       "- {id: P2, name: b, start: 2016-09, end: 16/17 Q2}\n", "");
	expect("range", HEAD P "- {id: P1, name: a, start: 2016-10, end: 2016-09}\n", "", 1, 7, 42,
	       "P1", "project 'P1' ends 2016-09, before it starts (2016-10)");
}

static void test_horizon(void **state)
{
	(void)state;
	expect("horizon", HEAD P "- {id: P1, name: a, start: 20/21 Q3, end: 21/22 Q1}\n", "", 1, 7, 43,
	       "P1", "project 'P1': 'end' 21/22 Q1 is after the roadmap's horizon (16/17 to 20/21)");
	expect("horizon", HEAD "capabilities:\n- {id: C1, who: a, what: b, year: 15/16}\n", "", 1, 7,
	       35, "C1", "'year' 15/16 is before the roadmap's horizon");
	/* What was delivered before the plan began is its baseline, not a fault. */
	passes("horizon", HEAD "capabilities:\n- {id: C1, who: a, what: b, year: 15/16, status: delivered}\n"
	       P "- {id: P1, name: a, start: 16/17 Q1, end: 20/21 Q4}\n", "");
}

static void test_phase_order(void **state)
{
	(void)state;
	expect("phase-order", HEAD "capabilities:\n"
	       "- {id: C1, who: Nurses and midwives, what: Complete assessments at the bedside, year: 16/17}\n"
	       "- {id: C2, who: Nurses, what: complete assessments  at the bedside, year: 17/18}\n", "",
	       1, 7, 87, "C1", "capability 'C1' gives its 'what' to 'Nurses and midwives' in 16/17, "
	       "before the narrower phase 'C2' for 'Nurses' in 17/18");
	/* The guidance's own phasing: narrower first. Different whats are not phases. */
	passes("phase-order", HEAD "capabilities:\n"
	       "- {id: C1, who: Nurses, what: Assess at the bedside, year: 16/17}\n"
	       "- {id: C2, who: Nurses and midwives, what: Assess at the bedside, year: 17/18}\n"
	       "- {id: C3, who: All nurses and midwives and porters, what: Something else, year: 15/16}\n", "");
}

static void test_firm(void **state)
{
	(void)state;
	expect("firm", HEAD "capabilities:\n- {id: C1, who: a, what: b, year: 16/17 Q2, status: aspirational}\n",
	       "", 1, 7, 53, "C1", "capability 'C1' is due 16/17 Q2, the roadmap's first year, but is aspirational");
	passes("firm", HEAD "capabilities:\n- {id: C1, who: a, what: b, year: 16/17, status: firm}\n"
	       "- {id: C2, who: a, what: b, year: 17/18, status: aspirational}\n", "");
}

/* A complete plan for one universal capability. */
#define UC_OK(id)                                                                      \
	"- id: " id "\n  baseline: b\n  ambition: [{year: 16/17, text: 'reach 80%'}, "      \
	"{year: 17/18, text: '90%'}]\n  activities:\n"                                      \
	"  - {id: " id "-1, quarter: 16/17 Q1, what: x, done: true}\n"                      \
	"  - {id: " id "-2, quarter: 16/17 Q2, what: x}\n  - {id: " id "-3, quarter: 16/17 Q3, what: x}\n" \
	"  - {id: " id "-4, quarter: 16/17 Q4, what: x}\n  - {id: " id "-5, quarter: 17/18 Q1, what: x}\n" \
	"  - {id: " id "-6, quarter: 17/18 Q2, what: x}\n  - {id: " id "-7, quarter: 17/18 Q3, what: x}\n" \
	"  - {id: " id "-8, quarter: 17/18 Q4, what: x}\n  solution: national\n  evidence: e\n"

#define ALL_UCS UC_OK("UC01") UC_OK("UC02") UC_OK("UC03") UC_OK("UC04") UC_OK("UC05") \
	UC_OK("UC06") UC_OK("UC07") UC_OK("UC08") UC_OK("UC09") UC_OK("UC10")

static void test_universal_capabilities(void **state)
{
	const char *good = HEAD "  submitted: 2016-06\nuniversal_capabilities:\n" ALL_UCS;
	(void)state;

	expect("uc-missing", HEAD "universal_capabilities:\n" UC_OK("UC01"), "", 9, 7, 1, "UC02",
	       "universal capability UC02 has no plan: Clinicians in urgent");
	expect("uc-ambition", HEAD "universal_capabilities:\n- id: UC03\n  ambition: [{year: 16/17, text: a}]\n",
	       "", 1, 8, 13, "UC03", "universal capability UC03 has no ambition for 17/18");
	expect("uc-activities", HEAD "universal_capabilities:\n- id: UC03\n  activities:\n"
	       "  - {id: A1, quarter: 16/17 Q1, what: x}\n", "", 1, 9, 3, "UC03",
	       "has no activities in 7 quarters: 16/17 Q2, 16/17 Q3, 16/17 Q4, 17/18 Q1");
	expect("uc-done", HEAD "  submitted: 2016-06\nuniversal_capabilities:\n- id: UC03\n  activities:\n"
	       "  - {id: A1, quarter: 16/17 Q1, what: x, done: false}\n"
	       "  - {id: A2, quarter: 16/17 Q2, what: x}\n", "", 1, 10, 48, "A1",
	       "activity 'A1' of UC03 is in 16/17 Q1, which ended by submission (2016-06), but is not done");
	expect("uc-rationale", HEAD "universal_capabilities:\n- {id: UC06, solution: alternative}\n", "",
	       1, 7, 24, "UC06", "uses an alternative to the national service but gives no rationale");
	expect("uc-evidence", HEAD "universal_capabilities:\n- {id: UC06, baseline: b}\n", "", 1, 7, 3,
	       "UC06", "does not say how progress will be evidenced");
	expect("uc-target", HEAD "universal_capabilities:\n- id: UC04\n  ambition:\n"
	       "  - {year: 16/17, text: More referrals}\n  - {year: 18/19, text: '95%'}\n", "", 1, 9, 3,
	       "UC04", "national target of 80% of elective referrals made electronically by 2017-09");
	passes("uc-missing", good, "");
	passes("uc-ambition", good, "");
	passes("uc-activities", good, "");
	passes("uc-done", good, "");
	passes("uc-rationale", HEAD "universal_capabilities:\n- {id: UC06, solution: alternative, rationale: r}\n", "");
	passes("uc-evidence", good, "");
	passes("uc-target", good, "");
}

static void test_trajectory(void **state)
{
	(void)state;
	expect("trajectory", HEAD "trajectory:\n- id: T1\n  provider: crh\n  scores:\n  - group: records\n"
	       "    baseline: 30\n    targets: [{year: 18/19, score: 50}, {year: 17/18, score: 60}]\n", "",
	       1, 12, 36, "T1", "the records target falls from 60 in 17/18 to 50 in 18/19");
	expect("trajectory", HEAD "trajectory:\n- id: T1\n  provider: crh\n  scores:\n  - group: records\n"
	       "    baseline: 30\n    targets: [{year: 17/18, score: 20}]\n", "", 1, 12, 36, "T1",
	       "the records target for 17/18 (20) is below the baseline (30)");
	passes("trajectory", HEAD "trajectory:\n- id: T1\n  provider: crh\n  scores:\n  - group: records\n"
	       "    baseline: 30\n    targets: [{year: 17/18, score: 30}, {year: 18/19, score: 55}]\n", "");
}

static void test_orphan(void **state)
{
	(void)state;
	expect("orphan", HEAD "capabilities:\n- {id: C1, who: a, what: b}\n", "", 1, 7, 3, "C1",
	       "capability 'C1' is delivered by no project");
	expect("orphan", HEAD P "- {id: P1, name: a}\n", "", 1, 7, 3, "P1",
	       "project 'P1' delivers no capability and no project depends on it");
	passes("orphan", HEAD P "- {id: P1, name: a}\n- {id: P2, name: b, depends_on: [P1]}\n"
	       "- {id: P3, name: c, status: dropped}\n- {id: P4, name: d}\n"
	       "capabilities:\n- {id: C1, who: a, what: b, projects: [P2]}\n"
	       "- {id: C2, who: a, what: b, status: delivered}\n"
	       "universal_capabilities:\n- {id: UC01, projects: [P4]}\n", "");
}

static void test_status(void **state)
{
	(void)state;
	expect("no-actual", HEAD P "- {id: P1, name: a, status: delivered}\n", "", 1, 7, 29, "P1",
	       "project 'P1' is delivered but does not say when");
	expect("future-actual", HEAD P "- {id: P1, name: a, status: delivered, delivered: 2017-05}\n",
	       "2017-03", 1, 7, 51, "P1", "project 'P1' was delivered 2017-05, after the review date 2017-03");
	expect("overdue", HEAD P "- {id: P1, name: a, start: 16/17 Q1, end: 16/17 Q3}\n"
	       "capabilities:\n- {id: C1, who: a, what: b, year: 16/17}\n", "2017-04", 2, 7, 43, "P1",
	       "project 'P1' was due 16/17 Q3 and is not delivered as at 2017-04");
	expect("overdue", HEAD "universal_capabilities:\n- id: UC01\n  activities:\n"
	       "  - {id: A1, quarter: 16/17 Q2, what: x}\n", "2016-10", 1, 9, 5, "A1",
	       "activity 'A1' of UC01 was due 16/17 Q2 and is not done as at 2016-10");
	passes("no-actual", HEAD P "- {id: P1, name: a, status: delivered, delivered: 16/17 Q2}\n", "");
	passes("future-actual", HEAD P "- {id: P1, name: a, delivered: 2017-03}\n", "2017-03");
	/* An activity says when it was done, or need not. */
	expect("future-actual", HEAD "universal_capabilities:\n- id: UC01\n  activities:\n"
	       "  - {id: A1, quarter: 16/17 Q2, what: x, done: true, delivered: 2017-05}\n", "2017-03", 1, 9, 65,
	       "A1", "activity 'A1' was delivered 2017-05, after the review date 2017-03");
	passes("no-actual", HEAD "universal_capabilities:\n- id: UC01\n  activities:\n"
	       "  - {id: A1, quarter: 16/17 Q2, what: x, done: true}\n", "");
	/* A date is as good as done: not overdue. */
	passes("overdue", HEAD "universal_capabilities:\n- id: UC01\n  activities:\n"
	       "  - {id: A1, quarter: 16/17 Q2, what: x, delivered: 2016-09}\n", "2016-10");
	passes("overdue", HEAD P "- {id: P1, name: a, start: 16/17 Q1, end: 16/17 Q3, status: delivered}\n"
	       "- {id: P2, name: b, start: 16/17 Q1, end: 16/17 Q4}\n- {id: P3, name: c, end: 16/17 Q1, status: dropped}\n",
	       "2017-03");
}

/* A firm capability whose project keeps to its dates on paper, though the
 * project it depends on ends too late for that. */
static void test_cannot_finish(void **state)
{
	(void)state;
	expect("cannot-finish", HEAD P "- {id: A, name: a, start: 16/17 Q1, end: 16/17 Q3}\n"
	       "- {id: B, name: b, start: 16/17 Q2, end: 16/17 Q3, depends_on: [A]}\n"
	       "capabilities:\n- {id: C1, who: a, what: b, year: 16/17, projects: [B], status: firm}\n", "", 1, 10,
	       53, "C1", "capability 'C1' is firm for 16/17, but project 'B', which delivers it, cannot end before "
	       "2017-06");
	/* Aspirational, or due late enough: nothing to say. */
	passes("cannot-finish", HEAD P "- {id: A, name: a, start: 16/17 Q1, end: 16/17 Q3}\n"
	       "- {id: B, name: b, start: 16/17 Q2, end: 16/17 Q3, depends_on: [A]}\n"
	       "capabilities:\n- {id: C1, who: a, what: b, year: 16/17, projects: [B], status: aspirational}\n"
	       "- {id: C2, who: a, what: b, year: 17/18, projects: [B], status: firm}\n", "");
}

static void test_checklist(void **state)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;
	(void)state;

	expect("checklist", HEAD "risks: [{id: R1, factor: f}]\n", "", LDR_CHECKLIST_SIZE - 1, 1, 1,
	       "CL01", "checklist requirement CL01 is not answered: Identify who has endorsed the roadmap");
	/* Every requirement answered by a response. */
	ldr_buf_addstr(&b, HEAD "checklist:\n");
	for (i = 0; i < LDR_CHECKLIST_SIZE; i++)
		ldr_buf_addf(&b, "- {id: %s, response: Section %zu}\n", ldr_checklist[i].id, i + 1);
	passes("checklist", b.s, "");
	ldr_buf_release(&b);
}

static void test_checklist_answered_by_data(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_answered a[LDR_CHECKLIST_SIZE];
	(void)state;

	assert_int_equal(load(HEAD "  organisations: [{id: o, name: O, endorsed_by: Someone}]\n"
			      "capabilities: [{id: C1, who: a, what: b}]\n"
			      "checklist: [{id: CL04, response: 'Section 3'}]\n", &rm, &d), 0);
	ldr_checklist_answers(&rm, a);
	assert_true(a[0].answered);
	assert_string_equal(a[0].how, "1 organisations with endorsed_by");
	assert_true(a[3].answered);
	assert_string_equal(a[3].how, "Section 3");
	assert_true(a[15].answered); /* the schedule: capabilities */
	assert_false(a[16].answered); /* trajectory: no targets */
	assert_string_equal(a[16].how, "0 target scores only");
	ldr_checklist_release(a);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

static void test_merge_conflict(void **state)
{
	(void)state;
	expect("merge-conflict", HEAD P "- {id: P1, name: a, start: 17/18}\n"
	       "conflicts:\n- {record: P1, field: start, base: 16/17, ours: 17/18, theirs: 18/19}\n", "",
	       1, 9, 3, "P1", "unresolved merge conflict in project 'P1', field 'start': base '16/17', "
	       "ours '17/18', theirs '18/19'");
	expect("merge-conflict", HEAD P "- {id: P1, name: a}\nconflicts:\n- {record: P1, removed: theirs}\n",
	       "", 1, 9, 3, "P1", "project 'P1' was removed by theirs and changed by ours (the file keeps it)");
	expect("merge-conflict", HEAD "conflicts:\n- {record: footprint, field: name, ours: a}\n", "", 1, 7, 3,
	       "footprint", "in the footprint, field 'name': base (none), ours 'a', theirs (none)");
	expect("merge-conflict", HEAD P "- {id: P1, name: a}\n", "", 0, 0, 0, NULL, "");
}

static void test_unplanned(void **state)
{
	(void)state;
	expect("unplanned", HEAD "capabilities:\n- {id: C1, who: a, what: b, group: records}\n", "", 1, 7, 3,
	       "C1", "capability 'C1' has no year: it is due at no time");
	expect("unplanned", HEAD "capabilities:\n- {id: C1, who: a, what: b, year: 16/17}\n", "", 1, 7, 3,
	       "C1", "capability 'C1' has no group: it is in no part of the plan");
	expect("unplanned", HEAD "capabilities:\n- {id: C1, who: a, what: b}\n", "", 2, 7, 3, "C1",
	       "capability 'C1' has no group");
	passes("unplanned", HEAD "capabilities:\n- {id: C1, who: a, what: b, year: 16/17, group: records}\n"
	       "- {id: C2, who: a, what: b, status: dropped}\n", "");
}

/* A programme plan's commitments. */
#define PROG "ldr: 1\nfootprint:\n  name: Test\n  kind: programme\n  published: 2021-12\n" \
	"  start: 21/22\n  end: 23/24\n"

static void test_commitments(void **state)
{
	(void)state;
	/* By a time is as at it: overdue once past; from and tbc never are. */
	expect("overdue", PROG P "- id: P1\n  name: a\n  milestones:\n  - {id: M1, what: x, due: by 2022-03}\n",
	       "2022-06", 1, 12, 28, "M1", "milestone 'M1' was due by 2022-03 and is not done as at 2022-06");
	passes("overdue", PROG P "- id: P1\n  name: a\n  milestones:\n  - {id: M1, what: x, due: from 2022-03}\n"
	       "  - {id: M2, what: y, due: tbc}\n", "2023-06");
	/* A checkpoint is reviewed as its milestone is. */
	expect("overdue", PROG P "- id: P1\n  name: a\n  milestones:\n  - id: M1\n    what: x\n    due: tbc\n"
	       "    checkpoints:\n    - {when: 2022-03, what: half}\n", "2022-06", 1, 16, 14, "M1[2022-03]",
	       "checkpoint 'M1[2022-03]' was due 2022-03 and is not done as at 2022-06");
	expect("no-actual", PROG P "- id: P1\n  name: a\n  milestones:\n  - id: M1\n    what: x\n"
	       "    checkpoints:\n    - {when: 2022-03, what: half, status: done}\n", "", 1, 15, 43,
	       "M1[2022-03]", "checkpoint 'M1[2022-03]' is done but does not say when");
	expect("checkpoint", PROG P "- id: P1\n  name: a\n  milestones:\n  - id: M1\n    what: x\n"
	       "    due: 2022-12\n    checkpoints:\n    - {when: 2022-06, what: a}\n    - {when: 2023-02, what: b}\n",
	       "", 1, 17, 14, "M1", "checkpoint 2023-02 of milestone 'M1' falls after the milestone is due (2022-12)");
	passes("checkpoint", PROG P "- id: P1\n  name: a\n  milestones:\n  - id: M1\n    what: x\n    due: from 2022-01\n"
	       "    checkpoints:\n    - {when: 2023-02, what: b}\n", "");
	expect("from-late", PROG P "- id: P1\n  name: a\n  end: 22/23\n  milestones:\n  - {id: M1, what: x, due: from 2023-06}\n",
	       "", 1, 13, 28, "M1", "milestone 'M1' is due from 2023-06, after 'P1' ends (22/23)");
	expect("from-late", PROG P "- id: P1\n  name: a\n  milestones:\n  - {id: M1, what: x, due: from 2024-06}\n",
	       "", 1, 12, 28, "M1", "after the plan ends (23/24)");
	passes("from-late", PROG P "- id: P1\n  name: a\n  milestones:\n  - {id: M1, what: x, due: from 2023-06}\n", "");
	/* What is from-late's is neither range's nor horizon's. */
	passes("range", PROG P "- id: P1\n  name: a\n  start: 21/22\n  end: 22/23\n  milestones:\n"
	       "  - {id: M1, what: x, due: from 2023-06}\n", "");
	passes("horizon", PROG P "- id: P1\n  name: a\n  milestones:\n  - {id: M1, what: x, due: from 2024-06}\n", "");
}

static long long june_2022(void)
{
	return 1654041600; /* 2022-06-01 */
}

static void test_tbc_old(void **state)
{
	static const char tbc[] = PROG P "- id: P1\n  name: a\n  milestones:\n  - {id: M1, what: x, due: tbc}\n";
	struct ldr_buf b = LDR_BUF_INIT;
	(void)state;
	expect("tbc-old", tbc, "2022-07", 1, 12, 28, "M1",
	       "milestone 'M1' is still to be confirmed 7 months after the plan of 2021-12 (as at 2022-07; the rules allow 6)");
	passes("tbc-old", tbc, "2022-06");
	ldr_buf_addf(&b, "%srules:\n- {rule: tbc-old, months: 3, reason: quarterly}\n", tbc);
	expect("tbc-old", b.s, "2022-04", 1, 12, 28, "M1", "4 months after the plan of 2021-12 (as at 2022-04; the rules allow 3)");
	/* No review date given and none in the file: the clock's month. */
	ldr_clock_set(june_2022);
	passes("tbc-old", tbc, "");
	ldr_buf_reset(&b);
	ldr_buf_addf(&b, "%srules:\n- {rule: tbc-old, months: 5, reason: x}\n", tbc);
	expect("tbc-old", b.s, "", 1, 12, 28, "M1", "6 months after the plan of 2021-12 (as at 2022-06; the rules allow 5)");
	ldr_clock_set(NULL);
	ldr_buf_release(&b);
}

/* Which rules run: the profile of the kind, the file's rules: block, the
 * command line's switches, in that order. */
static void test_rule_profile(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_rule_switch on = { "uc-missing", 1 }, off = { "firm", 0 };
	(void)state;

	assert_int_equal(load(HEAD, &rm, &d), 0);
	assert_true(ldr_rule_on(&rm, ldr_rule_find("uc-missing"), NULL, 0));
	assert_true(ldr_rule_on(&rm, ldr_rule_find("checklist"), NULL, 0));
	assert_false(ldr_rule_on(&rm, ldr_rule_find("firm"), &off, 1));
	assert_int_equal(ldr_tbc_months(&rm), 6);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);

	assert_int_equal(load(PROG "rules:\n- {rule: orphan, enabled: true, reason: the board asks}\n"
			      "- {rule: overdue, enabled: false, reason: not yet}\n- {rule: tbc-old, months: 2, reason: r}\n",
			      &rm, &d), 0);
	assert_false(ldr_rule_on(&rm, ldr_rule_find("uc-missing"), NULL, 0));
	assert_false(ldr_rule_on(&rm, ldr_rule_find("checklist"), NULL, 0));
	assert_false(ldr_rule_on(&rm, ldr_rule_find("firm"), NULL, 0));
	assert_true(ldr_rule_on(&rm, ldr_rule_find("uc-missing"), &on, 1));
	assert_true(ldr_rule_on(&rm, ldr_rule_find("orphan"), NULL, 0));
	assert_false(ldr_rule_on(&rm, ldr_rule_find("overdue"), NULL, 0));
	assert_true(ldr_rule_on(&rm, ldr_rule_find("no-actual"), NULL, 0));
	assert_int_equal(ldr_tbc_months(&rm), 2);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	/* A rule the block names that does not exist. */
	expect("unknown-ref", PROG "rules:\n- {rule: overdu, enabled: false, reason: r}\n", "", 1, 9, 10, "overdu",
	       "the rules: block names no rule 'overdu' (did you mean 'overdue'?)");
}

static void test_every_rule_has_a_test(void **state)
{
	/* The rules above, by id: a new rule must come with its tests. */
	static const char *const tested[] = {
		"unknown-ref", "cycle", "dep-order", "range", "horizon", "phase-order", "firm",
		"uc-missing", "uc-ambition", "uc-activities", "uc-done", "uc-rationale", "uc-evidence",
		"uc-target", "trajectory", "orphan", "no-actual", "future-actual", "overdue", "checklist",
		"merge-conflict", "cannot-finish", "unplanned", "checkpoint", "from-late", "tbc-old",
	};
	size_t i, j;
	(void)state;
	assert_int_equal(ldr_nrules, sizeof(tested) / sizeof(*tested));
	for (i = 0; i < ldr_nrules; i++) {
		for (j = 0; j < ldr_nrules && strcmp(tested[j], ldr_rules[i].id); j++)
			;
		if (j == ldr_nrules)
			fail_msg("rule %s has no test", ldr_rules[i].id);
	}
}

static void test_findings_sorted_and_counted(void **state)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_findings f;
	size_t i;
	(void)state;

	assert_int_equal(load(HEAD P "- {id: P2, name: b, start: 16/17, depends_on: [P1, P9]}\n"
			      "- {id: P1, name: a, start: 16/17, end: 17/18, depends_on: [P1]}\n", &rm, &d), 0);
	assert_int_equal(ldr_check(&rm, NULL, &f), 3); /* P9, the P1 cycle, P2 before P1 ends */
	for (i = 1; i < f.n; i++)
		assert_true(f.v[i - 1].pos.line < f.v[i].pos.line ||
			    (f.v[i - 1].pos.line == f.v[i].pos.line && f.v[i - 1].pos.col <= f.v[i].pos.col));
	assert_int_equal(f.per_rule[ldr_rule_find("unknown-ref") - ldr_rules], 1);
	assert_int_equal(f.per_rule[ldr_rule_find("cycle") - ldr_rules], 1);
	ldr_findings_release(&f);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown_ref),
		cmocka_unit_test(test_unknown_ref_suggests),
		cmocka_unit_test(test_unknown_ref_suggests_a_few),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_long_cycle_is_linear_and_shortened),
		cmocka_unit_test(test_dep_order),
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_horizon),
		cmocka_unit_test(test_phase_order),
		cmocka_unit_test(test_firm),
		cmocka_unit_test(test_universal_capabilities),
		cmocka_unit_test(test_trajectory),
		cmocka_unit_test(test_orphan),
		cmocka_unit_test(test_unplanned),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_cannot_finish),
		cmocka_unit_test(test_checklist),
		cmocka_unit_test(test_checklist_answered_by_data),
		cmocka_unit_test(test_merge_conflict),
		cmocka_unit_test(test_commitments),
		cmocka_unit_test(test_tbc_old),
		cmocka_unit_test(test_rule_profile),
		cmocka_unit_test(test_every_rule_has_a_test),
		cmocka_unit_test(test_findings_sorted_and_counted),
	};
	return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
