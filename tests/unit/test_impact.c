/* What if it slips: the knock-on of a move through chains and diamonds, to
 * the capabilities a project delivers, past the horizon; delivered records
 * that stay; a cycle reported rather than followed. And the critical path
 * and slack of small plans whose answers are worked out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/rules/critical.h"
#include "../../model/rules/impact.h"
#include "../../model/roadmap/index.h"
#include "helpers.h"

/* A chain P1 -> P2 -> P3, a diamond P1 -> P4, P5 -> P6 (P6 depends on P4
 * and P5), P7 delivered, capabilities delivered by the projects. Months:
 * 16/17 Q1 is April-June 2016. */
#define PLAN HEAD \
	"projects:\n" \
	"- {id: P1, name: a, start: 16/17 Q1, end: 16/17 Q2, milestones: [{id: P1-M1, what: m, due: 2016-08}]}\n" \
	"- {id: P2, name: b, start: 16/17 Q3, end: 16/17 Q4, depends_on: [P1]}\n" \
	"- {id: P3, name: c, start: 17/18 Q1, end: 17/18 Q1, depends_on: [P2]}\n" \
	"- {id: P4, name: d, start: 16/17 Q4, end: 16/17 Q4, depends_on: [P1]}\n" \
	"- {id: P5, name: e, start: 16/17 Q3, end: 17/18 Q2, depends_on: [P1]}\n" \
	"- {id: P6, name: f, start: 17/18 Q3, end: 17/18 Q4, depends_on: [P4, P5]}\n" \
	"- {id: P7, name: g, start: 16/17 Q3, end: 16/17 Q3, depends_on: [P1], status: delivered}\n" \
	"capabilities:\n" \
	"- {id: C1, who: a, what: b, year: 17/18, projects: [P3], status: firm}\n" \
	"- {id: C2, who: a, what: b, year: 18/19, depends_on: [C1]}\n" \
	"universal_capabilities:\n- id: UC04\n  projects: [P2]\n  activities:\n" \
	"  - {id: UC04-A1, quarter: 17/18 Q1, what: x, done: false}\n"

static struct ldr_roadmap rm;
static struct ldr_impact im;

static void run(const char *const *changes, size_t n)
{
	struct ldr_diag d;
	struct ldr_impact_change c[8];
	struct ldr_buf err = LDR_BUF_INIT;
	size_t i;

	assert_int_equal(load(PLAN, &rm, &d), 0);
	ldr_diag_release(&d);
	for (i = 0; i < n; i++)
		assert_int_equal(ldr_impact_change_parse(&c[i], changes[i], &err), 0);
	if (ldr_impact_run(&im, &rm, c, n, &err) < 0)
		fail_msg("%s", err.s);
	for (i = 0; i < n; i++)
		free((char *)c[i].id);
	ldr_buf_release(&err);
}

static void done(void)
{
	ldr_impact_release(&im);
	ldr_roadmap_release(&rm);
}

/* "P2.start 16/17 Q3 -> 16/17 Q4 (P1)": each move as a line. */
static const char *moved(const char *id, const char *field)
{
	static char buf[128];
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];
	size_t i;

	for (i = 0; i < im.nmoves; i++)
		if (!strcmp(im.moves[i].id, id) && !strcmp(im.moves[i].field, field)) {
			snprintf(buf, sizeof(buf), "%s -> %s (%s)", ldr_time_format(&im.moves[i].from, a),
				 ldr_time_format(&im.moves[i].to, b), im.moves[i].by ? im.moves[i].by : "asked");
			return buf;
		}
	return NULL;
}

static int noted(enum ldr_impact_note_kind k, const char *id)
{
	size_t i;
	for (i = 0; i < im.nnotes; i++)
		if (im.notes[i].kind == k && !strcmp(im.notes[i].id, id))
			return 1;
	return 0;
}

static void test_shift_parse(void **state)
{
	char err[128];
	int m;
	(void)state;
	assert_int_equal(ldr_shift_parse("+2Q", &m, err, sizeof(err)), 0);
	assert_int_equal(m, 6);
	assert_int_equal(ldr_shift_parse("-1q", &m, err, sizeof(err)), 0);
	assert_int_equal(m, -3);
	assert_int_equal(ldr_shift_parse("+3m", &m, err, sizeof(err)), 0);
	assert_int_equal(m, 3);
	assert_int_equal(ldr_shift_parse("+1y", &m, err, sizeof(err)), 0);
	assert_int_equal(m, 12);
	assert_int_equal(ldr_shift_parse("2Q", &m, err, sizeof(err)), -1);
	assert_int_equal(ldr_shift_parse("+2w", &m, err, sizeof(err)), -1);
	assert_int_equal(ldr_shift_parse("+Q", &m, err, sizeof(err)), -1);
}

static void test_time_moved(void **state)
{
	struct ldr_time t, u;
	char e[64], b[LDR_TIME_STR_MAX];
	(void)state;
	ldr_time_parse(&t, "16/17", LDR_TIME_ANY, e, sizeof(e));
	u = ldr_time_moved(&t, 2); /* a year moves by a year at least */
	assert_string_equal(ldr_time_format(&u, b), "17/18");
	ldr_time_parse(&t, "16/17 Q3", LDR_TIME_ANY, e, sizeof(e));
	u = ldr_time_moved(&t, -1);
	assert_string_equal(ldr_time_format(&u, b), "16/17 Q2");
	u = ldr_time_moved(&t, 7);
	assert_string_equal(ldr_time_format(&u, b), "17/18 Q2");
	ldr_time_parse(&t, "2016-08", LDR_TIME_ANY, e, sizeof(e));
	u = ldr_time_moved(&t, 3);
	assert_string_equal(ldr_time_format(&u, b), "2016-11");
}

static void test_chain(void **state)
{
	static const char *const c[] = { "P1.end=+1Q" };
	(void)state;
	run(c, 1);
	assert_string_equal(moved("P1", "end"), "16/17 Q2 -> 16/17 Q3 (asked)");
	/* P2 starts the quarter after P1 ends: a quarter later, its end too. */
	assert_string_equal(moved("P2", "start"), "16/17 Q3 -> 16/17 Q4 (P1)");
	assert_string_equal(moved("P2", "end"), "16/17 Q4 -> 17/18 Q1 (P1)");
	assert_string_equal(moved("P3", "start"), "17/18 Q1 -> 17/18 Q2 (P2)");
	/* C1 is delivered by P3, which now ends in 17/18 Q2: still 17/18. */
	assert_null(moved("C1", "year"));
	/* P5 starts in Q3, when P1 now ends. */
	assert_string_equal(moved("P5", "start"), "16/17 Q3 -> 16/17 Q4 (P1)");
	/* P4 had a quarter of slack: it stays. */
	assert_null(moved("P4", "start"));
	/* P7 is delivered: noted, not moved. */
	assert_null(moved("P7", "start"));
	assert_true(noted(LDR_NOTE_DELIVERED, "P7"));
	/* The milestone of P1 stays in its project (the end moved, not the start). */
	assert_null(moved("P1-M1", "due"));
	/* UC04 names P2, which now ends in 17/18 Q1: its activity of that quarter is fine. */
	assert_false(noted(LDR_NOTE_BEFORE_PROJECT, "UC04-A1"));
	done();
}

static void test_start_moves_the_project(void **state)
{
	static const char *const c[] = { "P1.start=+1y" };
	(void)state;
	run(c, 1);
	assert_string_equal(moved("P1", "start"), "16/17 Q1 -> 17/18 Q1 (asked)");
	assert_string_equal(moved("P1", "end"), "16/17 Q2 -> 17/18 Q2 (P1)");
	assert_string_equal(moved("P1-M1", "due"), "2016-08 -> 2017-08 (P1)");
	/* Down the chain to the capability, which misses its year; C2, due
	 * 18/19 after C1, need not move. */
	assert_string_equal(moved("P3", "start"), "17/18 Q1 -> 18/19 Q1 (P2)");
	assert_string_equal(moved("C1", "year"), "17/18 -> 18/19 (P3)");
	assert_true(noted(LDR_NOTE_MISSES_YEAR, "C1"));
	assert_null(moved("C2", "year"));
	/* The diamond: P6 waits for the later of P4 and P5, once. */
	assert_string_equal(moved("P5", "start"), "16/17 Q3 -> 17/18 Q3 (P1)");
	assert_string_equal(moved("P4", "start"), "16/17 Q4 -> 17/18 Q3 (P1)");
	assert_string_equal(moved("P6", "start"), "17/18 Q3 -> 18/19 Q3 (P5)");
	/* UC04's activity is due before P2 now ends. */
	assert_true(noted(LDR_NOTE_BEFORE_PROJECT, "UC04-A1"));
	done();
}

static void test_horizon_and_errors(void **state)
{
	static const char *const c[] = { "P3.end=21/22" };
	struct ldr_diag d;
	struct ldr_impact_change x;
	struct ldr_buf err = LDR_BUF_INIT;
	(void)state;

	run(c, 1);
	assert_true(noted(LDR_NOTE_HORIZON, "P3"));
	assert_string_equal(moved("C1", "year"), "17/18 -> 21/22 (P3)");
	assert_string_equal(moved("C2", "year"), "18/19 -> 21/22 (C1)");
	done();
	assert_int_equal(load(PLAN, &rm, &d), 0);
	ldr_diag_release(&d);
	assert_int_equal(ldr_impact_change_parse(&x, "P1.name=+1Q", &err), 0);
	assert_int_equal(ldr_impact_run(&im, &rm, &x, 1, &err), -1);
	assert_string_equal(err.s, "P1.name: a project's planned times are its start and end");
	free((char *)x.id);
	ldr_impact_release(&im);
	ldr_buf_reset(&err);
	assert_int_equal(ldr_impact_change_parse(&x, "P1.end=next year", &err), -1);
	ldr_buf_release(&err);
	ldr_roadmap_release(&rm);
}

static void test_cycle(void **state)
{
	const char *yaml = HEAD "projects:\n"
			   "- {id: P1, name: a, start: 16/17 Q1, end: 16/17 Q1, depends_on: [P2]}\n"
			   "- {id: P2, name: b, start: 16/17 Q2, end: 16/17 Q2, depends_on: [P1]}\n";
	struct ldr_diag d;
	struct ldr_impact_change x;
	struct ldr_buf err = LDR_BUF_INIT;
	(void)state;

	assert_int_equal(load(yaml, &rm, &d), 0);
	ldr_diag_release(&d);
	assert_int_equal(ldr_impact_change_parse(&x, "P1.end=+1Q", &err), 0);
	assert_int_equal(ldr_impact_run(&im, &rm, &x, 1, &err), 0);
	assert_true(noted(LDR_NOTE_CYCLE, "P1"));
	assert_null(moved("P2", "start"));
	free((char *)x.id);
	ldr_buf_release(&err);
	done();
}

/* Slack, worked out by hand. The end is P6's, 17/18 Q4 (2018-03). P6 may
 * end then: slack 0. P5 must end before P6 starts (2017-10): late end
 * 2017-09, it ends 2017-09: 0, critical. P4 ends 2017-03: total 6, free 6.
 * P1 must end before P5 starts (2016-10): late end 2016-09, it ends
 * 2016-09: 0. P2 -> P3 ends 2017-06, not before the end: P3 total 9. */
static void test_critical(void **state)
{
	struct ldr_diag d;
	struct ldr_critical cr;
	struct ldr_buf err = LDR_BUF_INIT;
	size_t i;
	(void)state;

	assert_int_equal(load(PLAN, &rm, &d), 0);
	ldr_diag_release(&d);
	assert_int_equal(ldr_critical_run(&cr, &rm, NULL, &err), 0);
	assert_int_equal(cr.end, ldr_time_month(2018, 3).month);
	assert_int_equal(ldr_critical_find(&cr, "P6")->total, 0);
	assert_int_equal(ldr_critical_find(&cr, "P5")->total, 0);
	assert_int_equal(ldr_critical_find(&cr, "P4")->total, 6);
	assert_int_equal(ldr_critical_find(&cr, "P4")->free, 6);
	assert_int_equal(ldr_critical_find(&cr, "P1")->total, 0);
	assert_int_equal(ldr_critical_find(&cr, "P1")->free, 0); /* P5 starts the month after */
	assert_int_equal(ldr_critical_find(&cr, "P3")->total, 9);
	assert_int_equal(ldr_critical_find(&cr, "P2")->total, 9);
	assert_int_equal(ldr_critical_find(&cr, "P2")->free, 0);
	assert_int_equal(cr.npath, 3); /* P1 -> P5 -> P6 */
	assert_string_equal(cr.v[cr.path[0]].p->id, "P1");
	assert_string_equal(cr.v[cr.path[1]].p->id, "P5");
	assert_string_equal(cr.v[cr.path[2]].p->id, "P6");
	ldr_critical_release(&cr);
	/* To C1: through P3 and P2 to P1, and C1 is due by March 2018. */
	assert_int_equal(ldr_critical_run(&cr, &rm, "C1", &err), 0);
	assert_int_equal(cr.npath, 3);
	assert_string_equal(cr.v[cr.path[2]].p->id, "P3");
	assert_int_equal(ldr_critical_find(&cr, "P3")->total, 9);
	assert_false(ldr_critical_find(&cr, "P6")->counted);
	for (i = 0; i < cr.n; i++)
		assert_int_equal(cr.v[i].earliest_end, cr.v[i].end); /* a plan that holds */
	ldr_critical_release(&cr);
	assert_int_equal(ldr_critical_run(&cr, &rm, "P99", &err), -1);
	assert_non_null(strstr(err.s, "no project or capability 'P99'"));
	ldr_critical_release(&cr);
	ldr_buf_release(&err);
	ldr_roadmap_release(&rm);
}

/* A plan that promises what its chain does not allow: negative slack, and
 * an earliest end later than the planned one. */
static void test_negative_slack(void **state)
{
	const char *yaml = HEAD "projects:\n"
			   "- {id: A, name: a, start: 16/17 Q1, end: 16/17 Q3}\n"
			   "- {id: B, name: b, start: 16/17 Q2, end: 16/17 Q3, depends_on: [A]}\n";
	struct ldr_diag d;
	struct ldr_critical cr;
	struct ldr_buf err = LDR_BUF_INIT;
	(void)state;

	assert_int_equal(load(yaml, &rm, &d), 0);
	ldr_diag_release(&d);
	assert_int_equal(ldr_critical_run(&cr, &rm, NULL, &err), 0);
	/* B starts in July 2016, before A ends in December: A is 6 months over. */
	assert_int_equal(ldr_critical_find(&cr, "A")->total, -6);
	assert_int_equal(ldr_critical_find(&cr, "B")->earliest_end, ldr_time_month(2017, 6).month);
	ldr_critical_release(&cr);
	ldr_buf_release(&err);
	ldr_roadmap_release(&rm);
}

/* The interface keeps a copy of each record a shift changes, told of it
 * before the change: the top-level record (the project for its milestone,
 * the universal capability for its activity), each that changes, no other. */
static char touched[256];

static void touch(void *ctx, const struct ldr_kind *k, void *top)
{
	const char *id = ldr_rec_id(k, top);
	char *seen = strstr(touched, id);

	(void)ctx;
	if (!seen || seen[strlen(id)] != ' ')
		snprintf(touched + strlen(touched), sizeof(touched) - strlen(touched), "%s ", id);
}

static void test_touching(void **state)
{
	struct ldr_diag d;
	struct ldr_impact_change c;
	struct ldr_buf err = LDR_BUF_INIT;

	(void)state;
	assert_int_equal(load(PLAN, &rm, &d), 0);
	ldr_diag_release(&d);
	touched[0] = '\0';
	assert_int_equal(ldr_impact_change_parse(&c, "P2.start=+4Q", &err), 0);
	assert_int_equal(ldr_impact_run_touching(&im, &rm, &c, 1, touch, NULL, &err), 0);
	free((char *)c.id);
	/* P2 and what it pushes: P3, then C1, which P3 delivers; not C2,
	 * due after C1 still. */
	assert_string_equal(touched, "P2 P3 C1 ");
	done();
	assert_int_equal(load(PLAN, &rm, &d), 0);
	ldr_diag_release(&d);
	touched[0] = '\0';
	assert_int_equal(ldr_impact_change_parse(&c, "P1-M1.due=+1m", &err), 0);
	assert_int_equal(ldr_impact_run_touching(&im, &rm, &c, 1, touch, NULL, &err), 0);
	free((char *)c.id);
	assert_string_equal(touched, "P1 ");
	done();
	assert_int_equal(load(PLAN, &rm, &d), 0);
	ldr_diag_release(&d);
	touched[0] = '\0';
	assert_int_equal(ldr_impact_change_parse(&c, "UC04-A1.quarter=+1Q", &err), 0);
	assert_int_equal(ldr_impact_run_touching(&im, &rm, &c, 1, touch, NULL, &err), 0);
	free((char *)c.id);
	assert_string_equal(touched, "UC04 ");
	done();
	ldr_buf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shift_parse),
		cmocka_unit_test(test_time_moved),
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_start_moves_the_project),
		cmocka_unit_test(test_horizon_and_errors),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_touching),
		cmocka_unit_test(test_critical),
		cmocka_unit_test(test_negative_slack),
	};
	return cmocka_run_group_tests_name("impact", tests, NULL, NULL);
}
