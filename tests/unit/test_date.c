/* Dates as git keeps them (GIT_AUTHOR_DATE and friends), and paths within a
 * work tree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <unistd.h>

#include "../../model/roadmap/date.h"
#include "../../model/base/path.h"
#include "../../model/roadmap/file.h"
#include "helpers.h"

static void parses(const char *s, long long want, int want_offset)
{
	long long t = 0;
	int offset = 99;
	if (ldr_date_parse(s, &t, &offset) != 0)
		fail_msg("'%s' did not parse", s);
	assert_int_equal(t, want);
	assert_int_equal(offset, want_offset);
}

static void test_parse(void **state)
{
	long long t;
	int o;
	(void)state;
	/* 30 June 2016, 11:00 UTC. */
	parses("2016-06-30T12:00:00+01:00", 1467284400, 60);
	parses("2016-06-30T12:00:00+0100", 1467284400, 60);
	parses("2016-06-30 11:00:00Z", 1467284400, 0);
	parses("2016-06-30T11:00", 1467284400, 0);
	parses("2016-06-30T06:00:00-05", 1467284400, -300);
	parses("@1467284400", 1467284400, 0);
	parses("@1467284400 +0100", 1467284400, 60);
	parses("1467284400 -0130", 1467284400, -90);
	assert_int_equal(ldr_date_parse("yesterday", &t, &o), -1);
	assert_int_equal(ldr_date_parse("2016-13-01T00:00", &t, &o), -1);
	assert_int_equal(ldr_date_parse("2016-06-30T12:00+25:00", &t, &o), -1);
	assert_int_equal(ldr_date_parse("2016-06-30T12:00 Europe/London", &t, &o), -1);
}

static void test_format(void **state)
{
	struct ldr_buf b = LDR_BUF_INIT;
	(void)state;
	ldr_date_format(&b, 1467284400, 60);
	assert_string_equal(b.s, "2016-06-30 12:00 +0100");
	ldr_buf_reset(&b);
	ldr_date_iso(&b, 1467284400, -90);
	assert_string_equal(b.s, "2016-06-30T09:30:00-01:30");
	ldr_buf_reset(&b);
	ldr_date_iso(&b, 0, 0);
	assert_string_equal(b.s, "1970-01-01T00:00:00+00:00");
	/* 31 March 2017 23:30 UTC is April in London (BST): the month follows the zone. */
	assert_int_equal(ldr_date_month(1491003000, 0), ldr_time_month(2017, 3).month);
	assert_int_equal(ldr_date_month(1491003000, 60), ldr_time_month(2017, 4).month);
	ldr_buf_release(&b);
}

/* "This month" is the month of the model's clock, which a test fixes:
 * TEST_NOW is in June 2016 (the first quarter of 16/17). */
static void test_this_month_from_the_clock(void **state)
{
	struct ldr_time t;
	char buf[LDR_TIME_STR_MAX];
	(void)state;

	ldr_clock_set(test_now);
	t = ldr_date_this_month();
	assert_int_equal(t.kind, LDR_TIME_MONTH);
	assert_string_equal(ldr_time_format(&t, buf), "2016-06");
	assert_int_equal(ldr_now(), TEST_NOW);
	ldr_clock_set(NULL);
}

static void test_paths(void **state)
{
	char dir[] = "/tmp/ldr-test-path-XXXXXX", sub[64], file[96], want[96];
	struct ldr_buf err = LDR_BUF_INIT;
	char *rel;
	(void)state;

	assert_non_null(mkdtemp(dir));
	snprintf(sub, sizeof(sub), "%s/a/b", dir);
	snprintf(file, sizeof(file), "%s/a", dir);
	assert_int_equal(mkdir(file, 0777), 0);
	assert_int_equal(mkdir(sub, 0777), 0);
	snprintf(file, sizeof(file), "%s/roadmap.yaml", sub);
	rel = ldr_path_relative(file, dir, &err);
	assert_string_equal(rel, "a/b/roadmap.yaml");
	free(rel);
	rel = ldr_path_relative(file, sub, &err);
	assert_string_equal(rel, "roadmap.yaml");
	free(rel);
	assert_null(ldr_path_relative("/etc/passwd", dir, &err));
	assert_non_null(strstr(err.s, "is outside the work tree"));
	assert_string_equal(ldr_path_base("x/y.yaml"), "y.yaml");
	rel = ldr_path_dir("y.yaml");
	assert_string_equal(rel, ".");
	free(rel);
	/* A directory names its roadmap.yaml, with one slash however it ends. */
	snprintf(file, sizeof(file), "%s/roadmap.yaml", sub);
	rel = ldr_roadmap_path(sub);
	assert_string_equal(rel, file);
	free(rel);
	snprintf(want, sizeof(want), "%s/", sub);
	rel = ldr_roadmap_path(want);
	assert_string_equal(rel, file);
	free(rel);
	rel = ldr_roadmap_path("x/y.yaml");
	assert_string_equal(rel, "x/y.yaml");
	free(rel);
	rmdir(sub);
	snprintf(sub, sizeof(sub), "%s/a", dir);
	rmdir(sub);
	rmdir(dir);
	ldr_buf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_this_month_from_the_clock),
		cmocka_unit_test(test_paths),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
