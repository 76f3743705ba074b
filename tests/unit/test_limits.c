/* Hostile files are refused quickly, with a position, within bounded memory:
 * deep nesting (libyaml 0.2.5 is quadratic in depth), huge files and values,
 * too many values, and the alias bomb. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/roadmap/node.h"
#include "helpers.h"

static char *repeat(const char *head, const char *unit, size_t n, const char *tail)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;
	ldr_buf_addstr(&b, head);
	for (i = 0; i < n; i++)
		ldr_buf_addstr(&b, unit);
	ldr_buf_addstr(&b, tail);
	return ldr_buf_detach(&b);
}

static void expect_error(const char *text, size_t len, unsigned line, unsigned col, const char *want)
{
	struct ldr_roadmap rm;
	struct ldr_diag d;
	ldr_diag_init(&d, "t.yaml");
	assert_int_equal(ldr_roadmap_read(&rm, text, len, &d), -1);
	if (col == 0 && d.n == 1 && d.v[0].line == line && strstr(d.v[0].text, want))
		col = d.v[0].col; /* any column */
	if (!said(&d, LDR_ERROR, line, col, want)) {
		dump(&d);
		fail_msg("expected '%s' at %u:%u", want, line, col);
	}
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

static void test_depth_limit(void **state)
{
	char *ok, *deep;
	struct ldr_doc doc;
	struct ldr_diag d;
	(void)state;

	/* LDR_MAX_DEPTH levels parse; one more does not. */
	ok = repeat("", "[", LDR_MAX_DEPTH, "");
	ldr_diag_init(&d, "t.yaml");
	deep = repeat(ok, "]", LDR_MAX_DEPTH, "");
	assert_int_equal(ldr_yaml_parse(&doc, deep, strlen(deep), &d), 0);
	ldr_doc_release(&doc);
	ldr_diag_release(&d);
	free(deep);
	deep = repeat(ok, "[]", 1, "");
	expect_error(deep, strlen(deep), 1, LDR_MAX_DEPTH + 1, "nesting deeper than 24 levels");
	free(deep);
	free(ok);
}

static void test_deep_nesting_is_refused_at_once(void **state)
{
	/* 100,000 levels, flow and block: refused at level 25, never parsed to
	 * the end (which would take libyaml minutes). */
	char *flow = repeat("ldr: 1\nx: ", "[", 100000, "");
	char *block = repeat("ldr: 1\nx:\n", "- ", 100000, "x\n");
	(void)state;
	expect_error(flow, strlen(flow), 2, 3 + LDR_MAX_DEPTH, "nesting deeper than");
	expect_error(block, strlen(block), 3, 1 + 2 * (LDR_MAX_DEPTH - 1), "nesting deeper than");
	free(flow);
	free(block);
}

static void test_file_size_limit(void **state)
{
	size_t len = LDR_MAX_FILE + 1;
	char *big = ldr_malloc(len);
	(void)state;
	memset(big, ' ', len);
	expect_error(big, len, 0, 0, "the file is too large");
	/* (a message about the whole file has no position) */
	free(big);
}

static void test_value_size_limit(void **state)
{
	char *big = repeat("ldr: 1\nfootprint:\n  name: ", "x", LDR_MAX_SCALAR + 1, "\n");
	char *fits = repeat(HEAD "  notes: ", "x", LDR_MAX_SCALAR, "\n");
	struct ldr_roadmap rm;
	struct ldr_diag d;
	(void)state;
	expect_error(big, strlen(big), 3, 9, "a value of 1048577 bytes: the limit is 1 MiB");
	assert_int_equal(load(fits, &rm, &d), 0);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	free(big);
	free(fits);
}

static void test_value_count_limit(void **state)
{
	char *many = repeat("ldr: 1\nx: [", "a,", LDR_MAX_NODES, "a]\n");
	(void)state;
	expect_error(many, strlen(many), 2, 0, "too many values: the limit is 4000000 in one file");
	free(many);
}

static void test_alias_bomb(void **state)
{
	const char *bomb =
		"ldr: 1\n"
		"a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
		"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
		"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
		"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";
	(void)state;
	expect_error(bomb, strlen(bomb), 2, 4, "anchor '&a' is not supported");
}

static void test_many_records_load(void **state)
{
	/* Lots of small records are fine, and duplicate detection stays linear. */
	struct ldr_buf b = LDR_BUF_INIT;
	struct ldr_roadmap rm;
	struct ldr_diag d;
	size_t i;
	(void)state;

	ldr_buf_addstr(&b, HEAD "projects:\n");
	for (i = 0; i < 20000; i++)
		ldr_buf_addf(&b, "- {id: P%zu, name: n}\n", i);
	ldr_buf_addstr(&b, "- {id: P7, name: again}\n");
	ldr_diag_init(&d, "t.yaml");
	assert_int_equal(ldr_roadmap_read(&rm, b.s, b.len, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_true(said(&d, LDR_ERROR, 20007, 8, "duplicate id 'P7' (first used at 14:8)"));
	assert_int_equal(rm.projects.len, 20001);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	ldr_buf_release(&b);
}

static void test_wide_mapping_duplicate_keys(void **state)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;
	(void)state;
	ldr_buf_addstr(&b, HEAD "capabilities:\n- id: C1\n  who: a\n  what: b\n  attributes:\n");
	for (i = 0; i < 50000; i++)
		ldr_buf_addf(&b, "    k%zu: v\n", i);
	ldr_buf_addstr(&b, "    k3: again\n");
	expect_error(b.s, b.len, 50011, 5, "duplicate key 'k3' in capability 'C1' (first at 14:5)");
	ldr_buf_release(&b);
}

static void test_error_count_is_capped(void **state)
{
	struct ldr_buf b = LDR_BUF_INIT;
	struct ldr_roadmap rm;
	struct ldr_diag d;
	size_t i;
	(void)state;
	ldr_buf_addstr(&b, HEAD "projects:\n");
	for (i = 0; i < 1000; i++)
		ldr_buf_addf(&b, "- {id: P%zu, name: n, bad: 1}\n", i);
	ldr_diag_init(&d, "t.yaml");
	assert_int_equal(ldr_roadmap_read(&rm, b.s, b.len, &d), -1);
	assert_int_equal(d.errors, d.max_errors);
	assert_true(ldr_diag_full(&d));
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	ldr_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_deep_nesting_is_refused_at_once),
		cmocka_unit_test(test_file_size_limit),
		cmocka_unit_test(test_value_size_limit),
		cmocka_unit_test(test_value_count_limit),
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_many_records_load),
		cmocka_unit_test(test_wide_mapping_duplicate_keys),
		cmocka_unit_test(test_error_count_is_capped),
	};
	return cmocka_run_group_tests_name("limits", tests, NULL, NULL);
}
