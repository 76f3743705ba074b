/* The financial time line: parsing every accepted form, the canonical form,
 * ordering, and the errors for forms that are not times. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../model/roadmap/timeline.h"

static struct ldr_time parse_ok(const char *s, int accept)
{
	struct ldr_time t = { 0, 0, 0 };
	char err[256] = "";
	if (ldr_time_parse(&t, s, accept, err, sizeof(err)) != 0)
		fail_msg("'%s' did not parse: %s", s, err);
	return t;
}

static void assert_canonical(const char *in, const char *out)
{
	char buf[LDR_TIME_STR_MAX];
	struct ldr_time t = parse_ok(in, LDR_TIME_ANY);
	assert_string_equal(ldr_time_format(&t, buf), out);
}

static void assert_bad(const char *in, int accept, const char *want)
{
	struct ldr_time t = { 0, 0, 0 };
	char err[256] = "";
	assert_int_equal(ldr_time_parse(&t, in, accept, err, sizeof(err)), -1);
	if (!strstr(err, want))
		fail_msg("'%s': expected an error containing '%s', got '%s'", in, want, err);
	assert_int_equal(t.kind, LDR_TIME_NONE); /* untouched */
}

static void test_canonical_forms(void **state)
{
	(void)state;
	assert_canonical("16/17", "16/17");
	assert_canonical("16/17 Q1", "16/17 Q1");
	assert_canonical("16/17 Q4", "16/17 Q4");
	assert_canonical("2016-10", "2016-10");
	assert_canonical("2017-01", "2017-01");
	assert_canonical("99/00", "99/00");
	assert_canonical("00/01", "00/01");
}

static void test_long_forms(void **state)
{
	(void)state;
	assert_canonical("2016/17", "16/17");
	assert_canonical("2016/2017", "16/17");
	assert_canonical("FY16/17", "16/17");
	assert_canonical("FY 2016/17", "16/17");
	assert_canonical("fy2016/2017", "16/17");
	assert_canonical("Q3 16/17", "16/17 Q3");
	assert_canonical("q3 2016/17", "16/17 Q3");
	assert_canonical("2016/17 Q2", "16/17 Q2");
	assert_canonical("16/17  q4", "16/17 Q4");
	assert_canonical("October 2016", "2016-10");
	assert_canonical("Oct 2016", "2016-10");
	assert_canonical("march 2022", "2022-03");
	assert_canonical("Sept 2017", "2017-09");
	assert_canonical("  16/17 ", "16/17");
}

static void test_months_on_the_line(void **state)
{
	struct ldr_time y = parse_ok("16/17", LDR_TIME_ANY);
	struct ldr_time q3 = parse_ok("16/17 Q3", LDR_TIME_ANY);
	struct ldr_time q4 = parse_ok("16/17 Q4", LDR_TIME_ANY);
	struct ldr_time m = parse_ok("2016-10", LDR_TIME_ANY);
	(void)state;

	assert_int_equal(y.kind, LDR_TIME_YEAR);
	assert_int_equal(ldr_time_first(&y), 2016 * 12 + 3);  /* April 2016 */
	assert_int_equal(ldr_time_last(&y), 2017 * 12 + 2);   /* March 2017 */
	assert_int_equal(q3.kind, LDR_TIME_QUARTER);
	assert_int_equal(ldr_time_first(&q3), 2016 * 12 + 9); /* October */
	assert_int_equal(ldr_time_last(&q3), 2016 * 12 + 11); /* December */
	assert_int_equal(ldr_time_first(&q4), 2017 * 12 + 0); /* January 2017 */
	assert_int_equal(m.kind, LDR_TIME_MONTH);
	assert_int_equal(ldr_time_first(&m), ldr_time_last(&m));
	assert_int_equal(ldr_time_first(&m), ldr_time_first(&q3));
	assert_int_equal(ldr_time_fy_of_month(2017 * 12 + 2), 2016); /* March 2017 is in 16/17 */
	assert_int_equal(ldr_time_fy_of_month(2017 * 12 + 3), 2017); /* April 2017 is in 17/18 */
}

static void test_order(void **state)
{
	/* By first month, the longer span first. */
	const char *sorted[] = {
		"15/16", "15/16 Q4", "2016-03", "16/17", "16/17 Q1", "2016-04", "2016-05",
		"2016-06", "16/17 Q2", "2016-07", "16/17 Q4", "2017-03", "17/18",
	};
	size_t i, j;
	(void)state;

	for (i = 0; i < sizeof(sorted) / sizeof(*sorted); i++)
		for (j = 0; j < sizeof(sorted) / sizeof(*sorted); j++) {
			struct ldr_time a = parse_ok(sorted[i], LDR_TIME_ANY);
			struct ldr_time b = parse_ok(sorted[j], LDR_TIME_ANY);
			int c = ldr_time_cmp(&a, &b);
			if ((i < j && c >= 0) || (i > j && c <= 0) || (i == j && c != 0))
				fail_msg("%s vs %s compared %d", sorted[i], sorted[j], c);
		}
}

static void test_unset_sorts_first(void **state)
{
	struct ldr_time none = { LDR_TIME_NONE, 0, 0 }, y = parse_ok("16/17", LDR_TIME_ANY);
	char buf[LDR_TIME_STR_MAX];
	(void)state;
	assert_true(ldr_time_cmp(&none, &y) < 0);
	assert_true(ldr_time_cmp(&y, &none) > 0);
	assert_int_equal(ldr_time_cmp(&none, &none), 0);
	assert_string_equal(ldr_time_format(&none, buf), "");
}

static void test_round_trip_every_quarter(void **state)
{
	/* No year is special: every quarter the short form can name. */
	int y, q;
	char buf[LDR_TIME_STR_MAX];
	(void)state;

	for (y = LDR_FY_FIRST; y <= LDR_FY_LAST; y++)
		for (q = 1; q <= 4; q++) {
			struct ldr_time t = ldr_time_quarter(y, q), back;
			char err[256];
			ldr_time_format(&t, buf);
			assert_int_equal(ldr_time_parse(&back, buf, LDR_TIME_ANY, err, sizeof(err)), 0);
			assert_int_equal(ldr_time_cmp(&t, &back), 0);
			assert_int_equal(back.kind, LDR_TIME_QUARTER);
		}
}

static void test_bad_forms(void **state)
{
	(void)state;
	assert_bad("16/18", LDR_TIME_ANY, "must span two consecutive years, as in 16/17");
	assert_bad("2016/2018", LDR_TIME_ANY, "consecutive");
	assert_bad("17/16", LDR_TIME_ANY, "consecutive");
	assert_bad("16/17 Q5", LDR_TIME_ANY, "quarter Q5 is not Q1 to Q4");
	assert_bad("16/17 Q0", LDR_TIME_ANY, "quarter Q0 is not Q1 to Q4");
	assert_bad("16/17 Q", LDR_TIME_ANY, "expected a quarter number");
	assert_bad("Q3", LDR_TIME_ANY, "expected a financial year after the quarter");
	assert_bad("2016-13", LDR_TIME_ANY, "month 13 is not 01 to 12");
	assert_bad("2016-00", LDR_TIME_ANY, "month 0 is not 01 to 12");
	assert_bad("2016-1", LDR_TIME_ANY, "two-digit month");
	assert_bad("Octember 2016", LDR_TIME_ANY, "is not a time");
	assert_bad("October", LDR_TIME_ANY, "four-digit year");
	assert_bad("", LDR_TIME_ANY, "empty time");
	assert_bad("   ", LDR_TIME_ANY, "empty time");
	assert_bad("soon", LDR_TIME_ANY, "is not a time");
	assert_bad("16/17 and more", LDR_TIME_ANY, "unexpected text after it");
	assert_bad("1999/00", LDR_TIME_ANY, "out of range");
	assert_bad("2100/01", LDR_TIME_ANY, "out of range");
	assert_canonical("2099/2100", "99/00");
	assert_bad("1850-01", LDR_TIME_ANY, "out of range");
	assert_bad("16", LDR_TIME_ANY, "is not a time");
	assert_bad("16/1", LDR_TIME_ANY, "is not a financial year");
}

static void test_kinds_a_field_accepts(void **state)
{
	(void)state;
	assert_bad("16/17", LDR_TIME_QUARTER, "is a financial year; expected a quarter like 16/17 Q3");
	assert_bad("2016-10", LDR_TIME_YEAR, "is a month; expected a financial year like 16/17");
	assert_bad("16/17 Q1", LDR_TIME_YEAR | LDR_TIME_MONTH,
		   "expected a financial year like 16/17 or a month like 2016-10");
	parse_ok("16/17 Q1", LDR_TIME_QUARTER);
}

static void test_hostile_text_is_not_echoed_raw(void **state)
{
	struct ldr_time t;
	char err[256];
	(void)state;
	assert_int_equal(ldr_time_parse(&t, "\x1b[2J16/17", LDR_TIME_ANY, err, sizeof(err)), -1);
	assert_null(strchr(err, '\x1b'));
	/* A long value is cut, and the message stays within its buffer. */
	char longtext[4000];
	memset(longtext, 'x', sizeof(longtext) - 1);
	longtext[sizeof(longtext) - 1] = '\0';
	assert_int_equal(ldr_time_parse(&t, longtext, LDR_TIME_ANY, err, sizeof(err)), -1);
	assert_true(strlen(err) < sizeof(err));
	assert_non_null(strstr(err, "..."));
}

/* A commitment's date: by a time (the same time, the word kept), from a
 * time (open-ended), tbc (no time); only where the field takes them. */
static void test_commitments(void **state)
{
	char buf[LDR_TIME_STR_MAX];
	struct ldr_time t;
	(void)state;

	t = parse_ok("by March 2022", LDR_TIME_ANY | LDR_TIME_COMMIT);
	assert_int_equal(t.qual, LDR_QUAL_BY);
	assert_int_equal(t.kind, LDR_TIME_MONTH);
	assert_string_equal(ldr_time_format(&t, buf), "by 2022-03");
	assert_true(ldr_time_can_be_late(&t));
	t = parse_ok("  From  16/17 Q3 ", LDR_TIME_ANY | LDR_TIME_COMMIT);
	assert_int_equal(t.qual, LDR_QUAL_FROM);
	assert_string_equal(ldr_time_format(&t, buf), "from 16/17 Q3");
	assert_false(ldr_time_can_be_late(&t));
	assert_true(ldr_time_given(&t));
	t = parse_ok("TBC", LDR_TIME_ANY | LDR_TIME_COMMIT);
	assert_int_equal(t.qual, LDR_QUAL_TBC);
	assert_int_equal(t.kind, LDR_TIME_NONE);
	assert_string_equal(ldr_time_format(&t, buf), "tbc");
	assert_true(ldr_time_given(&t));
	assert_false(ldr_time_can_be_late(&t));
	/* The longest canonical form fits. */
	t = parse_ok("from FY2099/00 Q4", LDR_TIME_ANY | LDR_TIME_COMMIT);
	assert_string_equal(ldr_time_format(&t, buf), "from 99/00 Q4");
	/* Elsewhere, and malformed, they are refused. */
	assert_bad("by 2022-03", LDR_TIME_ANY, "is not a time");
	assert_bad("tbc", LDR_TIME_ANY, "is not a time");
	assert_bad("by", LDR_TIME_ANY | LDR_TIME_COMMIT, "or by or from one");
	assert_bad("from ", LDR_TIME_ANY | LDR_TIME_COMMIT, "or by or from one");
	assert_bad("tbc 2022", LDR_TIME_ANY | LDR_TIME_COMMIT, "or tbc");
	assert_bad("bye 2022-03", LDR_TIME_ANY | LDR_TIME_COMMIT, "is not a time");
	assert_bad("by 16/17", LDR_TIME_QUARTER | LDR_TIME_COMMIT, "is a financial year");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical_forms),
		cmocka_unit_test(test_long_forms),
		cmocka_unit_test(test_months_on_the_line),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_unset_sorts_first),
		cmocka_unit_test(test_round_trip_every_quarter),
		cmocka_unit_test(test_bad_forms),
		cmocka_unit_test(test_kinds_a_field_accepts),
		cmocka_unit_test(test_hostile_text_is_not_echoed_raw),
		cmocka_unit_test(test_commitments),
	};
	return cmocka_run_group_tests_name("timeline", tests, NULL, NULL);
}
