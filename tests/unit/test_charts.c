/* What the charts tell a board: lateness, moves since the baseline,
 * milestones, dependencies, the tube map's time scale, the page. Each
 * builds a chart from a small roadmap and reads the SVG back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../export/base/export.h"
#include "../../export/charts/svgcharts.h"
#include "helpers.h"

#define PLAN HEAD \
	"projects:\n" \
	"- id: P1\n  name: Should have ended long ago\n  group: records\n  start: 16/17 Q1\n  end: 16/17 Q4\n  status: in-progress\n" \
	"- id: P2\n  name: Not started yet\n  group: records\n  start: 18/19 Q1\n  end: 18/19 Q4\n  status: planned\n" \
	"- id: P3\n  name: Delivered\n  group: records\n  start: 16/17 Q1\n  end: 16/17 Q4\n  status: delivered\n  delivered: 2017-02\n" \
	"- id: P4\n  name: Slipped two quarters\n  group: transfers\n  start: 17/18 Q1\n  end: 18/19 Q2\n  status: planned\n" \
	"- id: P5\n  name: Brought forward\n  group: transfers\n  start: 17/18 Q1\n  end: 17/18 Q3\n  status: planned\n" \
	"- id: P6\n  name: Month-dated\n  group: transfers\n  start: 2017-04\n  end: 2018-08\n  status: planned\n" \
	"  milestones:\n  - id: P6-M1\n    what: First release\n    due: 2017-06\n    status: planned\n" \
	"  - id: P6-M2\n    what: Second release\n    due: 2017-06\n    status: done\n    delivered: 2017-06\n" \
	"- id: P7\n  name: Waits for P2\n  group: transfers\n  start: 19/20 Q1\n  end: 19/20 Q4\n  depends_on: [P2]\n  status: planned\n"

#define BASE HEAD \
	"projects:\n" \
	"- id: P1\n  name: Should have ended long ago\n  group: records\n  start: 16/17 Q1\n  end: 16/17 Q4\n  status: in-progress\n" \
	"- id: P4\n  name: Slipped two quarters\n  group: transfers\n  start: 17/18 Q1\n  end: 17/18 Q4\n  status: planned\n" \
	"- id: P5\n  name: Brought forward\n  group: transfers\n  start: 17/18 Q1\n  end: 17/18 Q4\n  status: planned\n" \
	"- id: P6\n  name: Month-dated\n  group: transfers\n  start: 2017-04\n  end: 2018-03\n  status: planned\n" \
	"- id: P9\n  name: Since removed\n  group: transfers\n  start: 17/18 Q1\n  end: 17/18 Q4\n  status: planned\n"

static double absd(double v)
{
	return v < 0 ? -v : v;
}

static void opts_as_of(struct ldr_export_opts *o, const char *t)
{
	char err[128];
	memset(o, 0, sizeof(*o));
	assert_int_equal(ldr_time_parse(&o->as_of, t, LDR_TIME_ANY, err, sizeof(err)), 0);
}

/* The chart of yaml (against base, if given), as text. */
static char *chart(int (*build)(const struct ldr_roadmap *, const struct ldr_export_opts *, struct ldr_buf *),
		   const char *yaml, const char *base, struct ldr_export_opts *o)
{
	struct ldr_roadmap rm, bm;
	struct ldr_diag d;
	struct ldr_buf b = LDR_BUF_INIT;

	assert_int_equal(load(yaml, &rm, &d), 0);
	ldr_diag_release(&d);
	if (base) {
		assert_int_equal(load(base, &bm, &d), 0);
		ldr_diag_release(&d);
		o->baseline = &bm;
		o->baseline_name = "v1";
	}
	assert_int_equal(build(&rm, o, &b), 0);
	ldr_buf_add(&b, "", 0);
	if (base)
		ldr_roadmap_release(&bm);
	o->baseline = NULL;
	ldr_roadmap_release(&rm);
	return ldr_buf_detach(&b);
}

/* The element that begins with start, to its end tag (a <g> may nest: to
 * the matching one). */
static char *element(const char *svg, const char *start)
{
	const char *a = strstr(svg, start), *p;
	int depth = 0;

	if (!a)
		return NULL;
	for (p = a; *p; p++) {
		if (!strncmp(p, "<g", 2) && (p[2] == ' ' || p[2] == '>'))
			depth++;
		else if (!strncmp(p, "</g>", 4) && --depth == 0)
			return ldr_strndup(a, (size_t)(p + 4 - a));
	}
	return NULL;
}

static int has(const char *svg, const char *start, const char *what)
{
	char *e = element(svg, start);
	int r = e && strstr(e, what) != NULL;
	free(e);
	return r;
}

static void test_overdue_is_marked(void **state)
{
	struct ldr_export_opts o;
	char *svg;
	(void)state;
	opts_as_of(&o, "2018-06");
	svg = chart(ldr_gantt_build, PLAN, NULL, &o);
	/* Ended in March 2017, in progress: overdue, by five quarters. */
	assert_true(has(svg, "<g id=\"row-P1\"", "class=\"overdue\""));
	assert_true(has(svg, "<g id=\"row-P1\"", "overdue by 5Q as at 2018-06"));
	assert_true(has(svg, "<g id=\"row-P1\"", ">overdue 5Q<"));
	assert_true(has(svg, "<g id=\"row-P1\"", "stroke=\"#c0392b\" stroke-width=\"0.6\""));
	assert_true(has(svg, "<g id=\"row-P1\"", "url(#pat-late)"));
	/* Not started, or delivered: not overdue. */
	assert_false(has(svg, "<g id=\"row-P2\"", "overdue"));
	assert_false(has(svg, "<g id=\"row-P3\"", "overdue"));
	assert_true(has(svg, "<g id=\"row-P3\"", ">delivered 2017-02<"));
	/* A month-dated milestone past due and not done: marked, and by how
	 * much in months (due 2017-06, as at 2018-06). */
	assert_true(has(svg, "<g class=\"milestone overdue\"><title>P6-M1", ">overdue 12 mo<"));
	assert_true(has(svg, "<g class=\"milestone\"><title>P6-M2", ">P6-M2<"));
	assert_non_null(strstr(svg, "overdue: past its planned end, not delivered"));
	assert_non_null(strstr(svg, "; 2 overdue")); /* P1, P5: milestones are not rows */
	free(svg);
	/* As the roadmap stood in 2016, nothing was late. */
	opts_as_of(&o, "2016-06");
	svg = chart(ldr_gantt_build, PLAN, NULL, &o);
	assert_null(strstr(svg, "class=\"overdue\""));
	assert_null(strstr(svg, "overdue: past its planned end"));
	free(svg);
}

static void test_moves_are_labelled(void **state)
{
	struct ldr_export_opts o;
	char *svg;
	(void)state;
	opts_as_of(&o, "2017-06");
	svg = chart(ldr_gantt_build, PLAN, BASE, &o);
	assert_true(has(svg, "<g id=\"row-P4\"", ">+2Q<"));
	assert_true(has(svg, "<g id=\"row-P4\"", "class=\"ghost\""));
	assert_true(has(svg, "<g id=\"row-P5\"", ">\xE2\x88\x92" "1Q<"));
	assert_true(has(svg, "<g id=\"row-P6\"", ">+5 mo<"));
	/* Unmoved: no label, no ghost. */
	assert_false(has(svg, "<g id=\"row-P1\"", "class=\"ghost\""));
	assert_false(has(svg, "<g id=\"row-P1\"", ">+"));
	assert_false(has(svg, "<g id=\"row-P1\"", ">\xE2\x88\x92"));
	/* Added and removed since. */
	assert_true(has(svg, "<g id=\"row-P2\"", ">new<"));
	assert_true(has(svg, "<g id=\"removed-row-P9\"", ">removed<"));
	assert_non_null(strstr(svg, "baseline v1"));
	free(svg);
}

static void test_milestones_are_labelled_and_stacked(void **state)
{
	struct ldr_export_opts o;
	char *svg, *a, *b;
	(void)state;
	opts_as_of(&o, "2017-01");
	svg = chart(ldr_gantt_build, PLAN, NULL, &o);
	a = element(svg, "<g class=\"milestone\"><title>P6-M1");
	b = element(svg, "<g class=\"milestone\"><title>P6-M2");
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(strstr(a, "<tspan font-weight=\"bold\">P6-M1</tspan>"));
	assert_non_null(strstr(a, "First release"));
	/* Due together: the same x, one line under the other. */
	{
		double x1, y1, x2, y2;
		assert_int_equal(sscanf(strstr(a, "<path d=\"M") + 9, "M%lf %lf", &x1, &y1), 2);
		assert_int_equal(sscanf(strstr(b, "<path d=\"M") + 9, "M%lf %lf", &x2, &y2), 2);
		assert_true(x1 == x2);
		assert_true(y1 != y2);
	}
	free(a);
	free(b);
	free(svg);
}

static void test_dependencies_drawn_as_asked(void **state)
{
	static const char bad[] = PLAN "- id: P8\n  name: Starts too soon\n  group: records\n  start: 18/19 Q2\n"
				       "  end: 18/19 Q4\n  depends_on: [P2]\n  status: planned\n";
	struct ldr_export_opts o;
	char *svg;
	(void)state;
	opts_as_of(&o, "2017-01");
	/* By default only the violation: drawn, red, in the key and listed. */
	svg = chart(ldr_gantt_build, bad, NULL, &o);
	assert_non_null(strstr(svg, "<g class=\"dependency violated\"><title>P8 depends on P2"));
	assert_null(strstr(svg, "<g class=\"dependency\">"));
	assert_non_null(strstr(svg, "starts before what it depends on ends (red, dashed)"));
	assert_non_null(strstr(svg, "P8 starts before P2 ends"));
	assert_non_null(strstr(svg, "1 other is not (--deps all draws every one)"));
	assert_null(strstr(svg, ">dependency<")); /* no arrow in the key that is not drawn */
	/* Its elbows are rounded. */
	assert_non_null(strstr(strstr(svg, "<g class=\"dependency violated\">"), "Q"));
	free(svg);
	o.deps = LDR_DEPS_ALL;
	svg = chart(ldr_gantt_build, bad, NULL, &o);
	assert_non_null(strstr(svg, "<g class=\"dependency\"><title>P7 depends on P2"));
	assert_non_null(strstr(svg, ">dependency<"));
	free(svg);
	o.deps = LDR_DEPS_NONE;
	svg = chart(ldr_gantt_build, bad, NULL, &o);
	assert_null(strstr(svg, "<g class=\"dependency"));
	assert_non_null(strstr(svg, "P8 starts before P2 ends")); /* still listed */
	free(svg);
}

#define CAPS HEAD \
	"capabilities:\n" \
	"- id: C1\n  who: Early\n  what: Due in June 2016\n  year: 2016-06\n  group: records\n  status: delivered\n  delivered: 2016-06\n" \
	"- id: C2\n  who: A year later\n  what: Due in June 2017\n  year: 2017-06\n  group: records\n  status: firm\n" \
	"- id: C3\n  who: Two years later\n  what: Due in June 2018\n  year: 2018-06\n  group: records\n  status: firm\n" \
	"- id: C4\n  who: A whole year\n  what: Due by the end of 17/18\n  year: 17/18\n  group: transfers\n  status: delivered\n" \
	"  delivered: 17/18\n"

/* The number after key in the first element that begins with start. */
static double number(const char *svg, const char *start, const char *key)
{
	const char *p = strstr(svg, start);
	double v = 0;

	assert_non_null(p);
	p = strstr(p, key);
	assert_non_null(p);
	assert_int_equal(sscanf(p + strlen(key), "%lf", &v), 1);
	return v;
}

/* The x of a station's mark. */
static double station_x(const char *svg, const char *id)
{
	char start[64];
	const char *p;
	double x;

	snprintf(start, sizeof(start), "<g id=\"station-%s\"", id);
	p = strstr(svg, start);
	assert_non_null(p);
	p = strstr(p, "<circle cx=\"");
	assert_non_null(p);
	assert_int_equal(sscanf(p, "<circle cx=\"%lf\"", &x), 1);
	return x;
}

static void test_tube_map_is_to_scale(void **state)
{
	struct ldr_export_opts o;
	char *svg;
	double a, b, c, d, asat;
	(void)state;
	opts_as_of(&o, "2017-09");
	svg = chart(ldr_tubemap_build, CAPS, NULL, &o);
	a = station_x(svg, "C1");
	b = station_x(svg, "C2");
	c = station_x(svg, "C3");
	/* A year is a year: the same distance each time. */
	assert_true(b - a > 10);
	assert_true(absd((c - b) - (b - a)) < 0.15);
	/* The as-at line (the end of September 2017): a quarter of a year after
	 * the end of June 2017, where C2 stands (just inside its month). */
	asat = number(svg, "<g class=\"as-at\">", "x1=\"");
	assert_true(absd((asat - b) - (b - a) / 4 - 1.8) < 0.15);
	/* Delivered (17/18, as at 2017-09): filled, and not after the line. */
	d = station_x(svg, "C4");
	assert_true(d <= asat);
	assert_true(has(svg, "<g id=\"station-C4\"", "fill=\"#1a1a1a\""));
	/* Due before the as-at date and not delivered: ringed, and said. */
	assert_true(has(svg, "<g id=\"station-C2\"", "overdue by 3 mo as at 2017-09"));
	assert_false(has(svg, "<g id=\"station-C3\"", "overdue"));
	/* Names, whole. */
	assert_non_null(strstr(svg, "<tspan font-weight=\"bold\">C3</tspan> Two years later</text>"));
	free(svg);
}

static void test_tube_map_without_capabilities(void **state)
{
	struct ldr_export_opts o;
	char *svg;
	(void)state;
	opts_as_of(&o, "2017-01");
	svg = chart(ldr_tubemap_build, PLAN, NULL, &o);
	assert_non_null(strstr(svg, "This roadmap has no capabilities (it is a programme plan)"));
	free(svg);
}

static void test_one_page_for_every_chart(void **state)
{
	int (*builds[])(const struct ldr_roadmap *, const struct ldr_export_opts *, struct ldr_buf *) = {
		ldr_gantt_build, ldr_tubemap_build, ldr_trajectory_build,
	};
	struct ldr_export_opts o;
	size_t i;
	(void)state;
	for (i = 0; i < 3; i++) {
		char *svg;
		opts_as_of(&o, "2017-01");
		svg = chart(builds[i], CAPS, NULL, &o);
		assert_non_null(strstr(svg, "width=\"420.0mm\" height=\"297.0mm\""));
		assert_non_null(strstr(svg, "; no baseline; drawn by ldr"));
		free(svg);
		o.page = LDR_PAGE_A4;
		svg = chart(builds[i], CAPS, NULL, &o);
		assert_non_null(strstr(svg, "width=\"297.0mm\" height=\"210.0mm\""));
		/* No text under 7 pt (2.47 mm). */
		{
			const char *p = svg;
			double size;
			while ((p = strstr(p, "font-size=\"")) != NULL) {
				assert_int_equal(sscanf(p, "font-size=\"%lf\"", &size), 1);
				assert_true(size >= 2.47);
				p++;
			}
		}
		free(svg);
	}
}

static void test_capability_gantt_delivered_dots(void **state)
{
	struct ldr_export_opts o;
	char *svg, *row;
	double dot, asat;
	(void)state;
	/* Delivered in 17/18, as at 2017-09: the dot at the as-at line, not at March 2018. */
	opts_as_of(&o, "2017-09");
	o.capabilities = 1;
	svg = chart(ldr_gantt_build, CAPS, NULL, &o);
	row = element(svg, "<g id=\"row-C4\"");
	assert_non_null(row);
	dot = number(row, "<circle", "cx=\"");
	asat = number(svg, "<g class=\"as-at\">", "x1=\"");
	assert_true(dot <= asat);
	/* No dependencies: no arrow in the key. */
	assert_null(strstr(svg, ">dependency<"));
	assert_null(strstr(svg, "depends on ends"));
	free(row);
	free(svg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overdue_is_marked),
		cmocka_unit_test(test_moves_are_labelled),
		cmocka_unit_test(test_milestones_are_labelled_and_stacked),
		cmocka_unit_test(test_dependencies_drawn_as_asked),
		cmocka_unit_test(test_tube_map_is_to_scale),
		cmocka_unit_test(test_tube_map_without_capabilities),
		cmocka_unit_test(test_one_page_for_every_chart),
		cmocka_unit_test(test_capability_gantt_delivered_dots),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
