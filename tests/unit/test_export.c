/* The writers' shared pieces: CSV cells, text made fit for a cell, the
 * order of reports, the plan years, the pinned creation time, sheet names,
 * files renamed into place; and the registry against the manual. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <unistd.h>

#include "../../export/base/common.h"
#include "../../export/sheets/writers.h"
#include "../../export/sheets/xlsx.h"
#include "../../model/roadmap/file.h"
#include "helpers.h"

/* One CSV row of the given cells, as text. */
static char *csv_row(const char *const *cells, size_t n)
{
	struct ldr_csv c = LDR_CSV_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		ldr_csv_text(&c, cells[i]);
	ldr_csv_end_row(&c);
	return ldr_buf_detach(&c.buf);
}

static void csv_is(const char *cell, const char *want)
{
	char *got = csv_row(&cell, 1);
	struct ldr_buf w = LDR_BUF_INIT;

	ldr_buf_addf(&w, "%s\r\n", want);
	assert_string_equal(got, w.s);
	free(got);
	ldr_buf_release(&w);
}

static void test_csv_quoting(void **state)
{
	(void)state;
	csv_is("plain", "plain");
	csv_is("", "");
	csv_is(NULL, "");
	csv_is("a, b", "\"a, b\"");
	csv_is("say \"hi\"", "\"say \"\"hi\"\"\"");
	csv_is("two\nlines", "\"two\nlines\"");
	csv_is("cr\rhere", "\"cr\rhere\"");
	csv_is("<script>&amp;", "<script>&amp;");
	csv_is("caf\xC3\xA9 \xE2\x9C\x93", "caf\xC3\xA9 \xE2\x9C\x93");
	/* Invalid UTF-8 never reaches the file. */
	csv_is("bad\xFF byte", "bad\xEF\xBF\xBD byte");
	csv_is("C1 = C2", "C1 = C2");
}

/* The formula guard, case by case (man ldr(1), EXPORTS). LibreOffice 7.4
 * opening a CSV (formulas evaluated, special numbers detected, spaces
 * trimmed) reads = as a formula and -1, +1, -1e3, -.5, -1,000, -$5 and -1%
 * as numbers, after leading spaces; Excel reads +, - and @ followed by any
 * operand as a formula (-item and - item are =-item, #NAME?). */
static void test_csv_formula_guard(void **state)
{
	static const char *const guarded[] = {
		/* formulas */
		"=1+1", "=", "==1", "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")",
		"+1", "-1", "@SUM(1)", "-2+3", "-2+3+cmd|' /C calc'!A0", "- cmd|' /C calc'!A0",
		"-SUM(1)", "- SUM(1)", "-A1", "-(1)", "-\"s\"", "-'s'", "-#N/A", "-{1}", "-[1]S!A1",
		"-_x", "-\\x", "-@SUM(1)", "@-1", "+-1", "- -1", "-- item",
		/* text Excel reads as a formula (=-item: #NAME?) */
		"- item", "-item", "+ item", "+item", "@item", "@ item", "- buy milk",
		"- SCRa access only\n- Requirement", "-\xC3\xA9" "clair", "- \xE2\x80\xA2item",
		/* numbers */
		"-1e3", "-.5", "-1,000", "-$5", "-1%", "-\xC2\xA3" "5", "+44 20 7946 0000", "- 2016-07",
		/* control characters */
		"\tx", "\rx", "-\tx", "-\nx",
		/* after spaces LibreOffice trims */
		" =1", "  =1+1", " -1", " @SUM(1)", "\xC2\xA0-1", "\xC2\xA0=1",
	};
	static const char *const plain[] = {
		/* a sign with no operand after it: no formula, no number */
		"-", "+", "@", "--", "- -", "- ", "+/-", "->", "-> next", "-)", "-*", "-/", "-^", "-&",
		"-=1", "-<", "-%", "-?", "-]", "-}", "-|", "-~", "-`", "-;", "@)", "- ) x",
		/* no sign first */
		"a=1", "C1 = C2", "\xE2\x88\x92" "1", "\xEF\xBC\x9D" "1+1", "\n=1", "\xE2\x80\x93 item",
	};
	size_t i;

	(void)state;
	for (i = 0; i < LDR_ARRAY_SIZE(guarded); i++) {
		if (!ldr_csv_formula_risk(guarded[i]))
			fail_msg("not guarded: \"%s\"", guarded[i]);
	}
	for (i = 0; i < LDR_ARRAY_SIZE(plain); i++) {
		if (ldr_csv_formula_risk(plain[i]))
			fail_msg("guarded: \"%s\"", plain[i]);
	}
	assert_false(ldr_csv_formula_risk(NULL));
	assert_false(ldr_csv_formula_risk(""));
	/* In a cell: the ' before everything, then RFC 4180 quoting. */
	csv_is("=1+1", "'=1+1");
	csv_is("- item", "'- item");
	csv_is("-", "-");
	csv_is("+/-", "+/-");
	csv_is(" =1", "' =1");
	csv_is("\rx", "\"'\rx\"");
	csv_is("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	csv_is("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0");
	csv_is("a=1", "a=1");
}

/* A byte-order mark first, unless asked not to. */
static void test_csv_bom(void **state)
{
	struct ldr_csv c = LDR_CSV_INIT;
	struct ldr_export_opts o;

	(void)state;
	ldr_csv_start(&c, NULL);
	ldr_csv_text(&c, "\xC2\xA3" "5");
	ldr_csv_end_row(&c);
	assert_string_equal(c.buf.s, "\xEF\xBB\xBF\xC2\xA3" "5\r\n");
	ldr_csv_release(&c);
	memset(&o, 0, sizeof(o));
	o.no_bom = 1;
	ldr_csv_start(&c, &o);
	ldr_csv_text(&c, "x");
	ldr_csv_end_row(&c);
	assert_string_equal(c.buf.s, "x\r\n");
	ldr_csv_release(&c);
}

static void test_csv_rows(void **state)
{
	struct ldr_csv c = LDR_CSV_INIT;

	(void)state;
	ldr_csv_text(&c, "Ref");
	ldr_csv_text(&c, "Name");
	ldr_csv_end_row(&c);
	ldr_csv_number(&c, -5);
	ldr_csv_text(&c, NULL);
	ldr_csv_end_row(&c);
	ldr_csv_number(&c, 12);
	ldr_csv_text(&c, "-5");
	ldr_csv_end_row(&c);
	/* Numbers stay numbers; text that looks like one is guarded. */
	assert_string_equal(c.buf.s, "Ref,Name\r\n-5,\r\n12,'-5\r\n");
	ldr_csv_release(&c);
}

static void test_text_clean(void **state)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char *big;
	size_t i;

	(void)state;
	assert_int_equal(ldr_text_clean(&b, "fine \xE2\x9C\x93\ttab\nline", LDR_CELL_MAX), 0);
	assert_string_equal(b.s, "fine \xE2\x9C\x93\ttab\nline");
	ldr_buf_reset(&b);
	assert_int_equal(ldr_text_clean(&b, "a\x01" "b\xEF\xBF\xBE" "c\xC0\xAF" "d\xED\xA0\x80", 0),
			 LDR_TEXT_REPLACED);
	/* a control character, U+FFFE, an overlong '/', a lone surrogate */
	assert_string_equal(b.s, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD"
				 "d\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");

	/* Too long: cut to exactly the limit, with the note at the end. */
	big = ldr_malloc(80001);
	memset(big, 'x', 40000);
	big[40000] = '\0';
	ldr_buf_reset(&b);
	assert_int_equal(ldr_text_clean(&b, big, LDR_CELL_MAX), LDR_TEXT_CUT);
	assert_int_equal(ldr_utf16_len(b.s), LDR_CELL_MAX);
	assert_non_null(strstr(b.s + b.len - 100, "cut here"));

	/* Characters outside the BMP count twice, as Excel counts them:
	 * 20,000 of them are 40,000 units. */
	for (i = 0; i + 4 <= 80000; i += 4)
		memcpy(big + i, "\xF0\x9F\x98\x80", 4);
	big[80000] = '\0';
	ldr_buf_reset(&b);
	assert_int_equal(ldr_text_clean(&b, big, LDR_CELL_MAX), LDR_TEXT_CUT);
	assert_true(ldr_utf16_len(b.s) <= LDR_CELL_MAX);
	assert_true(ldr_utf16_len(b.s) >= LDR_CELL_MAX - 1);

	/* Exactly at the limit: untouched. */
	memset(big, 'y', LDR_CELL_MAX);
	big[LDR_CELL_MAX] = '\0';
	ldr_buf_reset(&b);
	assert_int_equal(ldr_text_clean(&b, big, LDR_CELL_MAX), 0);
	assert_int_equal(b.len, LDR_CELL_MAX);
	free(big);
	ldr_buf_release(&b);
}

static void test_idcmp(void **state)
{
	(void)state;
	assert_true(ldr_idcmp("C2", "C10") < 0);
	assert_true(ldr_idcmp("C10", "C2") > 0);
	assert_true(ldr_idcmp("P9-M2", "P9-M10") < 0);
	assert_true(ldr_idcmp("UC01-A7", "UC01-A10") < 0);
	assert_true(ldr_idcmp("A", "B") < 0);
	assert_true(ldr_idcmp("C1", "C1") == 0);
	/* Same number, different ids: still a total order. */
	assert_true(ldr_idcmp("C01", "C1") != 0);
	assert_true(ldr_idcmp("C01", "C1") == -ldr_idcmp("C1", "C01"));
	assert_true(ldr_idcmp("C", "C1") < 0);
}

static void test_sheet_name(void **state)
{
	struct ldr_buf b = LDR_BUF_INIT;

	(void)state;
	ldr_sheet_name(&b, "a[b]c:d*e?f/g\\h");
	assert_string_equal(b.s, "a-b-c-d-e-f-g-h");
	ldr_buf_reset(&b);
	ldr_sheet_name(&b, "'quoted'");
	assert_string_equal(b.s, "quoted");
	ldr_buf_reset(&b);
	ldr_sheet_name(&b, "");
	assert_string_equal(b.s, "Sheet");
	ldr_buf_reset(&b);
	/* 31 characters, not bytes. */
	ldr_sheet_name(&b, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
			   "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
			   "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
			   "\xC3\xA9\xC3\xA9\xC3\xA9");
	assert_int_equal(b.len, 62);
	ldr_buf_release(&b);
}

static const char order_yaml[] = HEAD "  schedule_end: 18/19\n  published: 2016-10\n"
				 "groups:\n- id: local\n  name: Local group\n"
				 "capabilities:\n"
				 "- {id: C10, who: a, what: b, year: 16/17, group: local}\n"
				 "- {id: C9, who: a, what: b, year: 16/17, group: assets}\n"
				 "- {id: C2, who: a, what: b, year: 16/17, group: records}\n"
				 "- {id: C1, who: a, what: b, group: records}\n"
				 "- {id: C3, who: a, what: b, year: 16/17 Q2, group: records}\n"
				 "- {id: C4, who: a, what: b, year: 15/16, group: remote}\n"
				 "- {id: C11, who: a, what: b, year: 16/17, group: local}\n";

static void test_order_and_years(void **state)
{
	static const char *const want[] = { "C4", "C2", "C3", "C9", "C10", "C11", "C1" };
	struct ldr_roadmap rm;
	struct ldr_diag d;
	struct ldr_export_opts o;
	const struct ldr_capability **v;
	struct ldr_time *years;
	char buf[LDR_TIME_STR_MAX];
	size_t i, n;

	(void)state;
	if (load(order_yaml, &rm, &d) < 0)
		dump(&d);
	v = ldr_caps_sorted(&rm, &n);
	assert_int_equal(n, LDR_ARRAY_SIZE(want));
	for (i = 0; i < n; i++)
		assert_string_equal(v[i]->id, want[i]);
	free(v);

	assert_int_equal(ldr_group_rank(&rm, "records"), 0);
	assert_int_equal(ldr_group_rank(&rm, "local"), 7);
	assert_int_equal(ldr_group_rank(&rm, NULL), 8);
	assert_string_equal(ldr_export_group_name(&rm, "local"), "Local group");
	assert_null(ldr_export_group_name(&rm, "nope"));

	years = ldr_plan_years(&rm.footprint, 1, &n);
	assert_int_equal(n, 3);
	assert_string_equal(ldr_time_format(&years[2], buf), "18/19");
	free(years);
	years = ldr_plan_years(&rm.footprint, 0, &n);
	assert_int_equal(n, 5);
	assert_string_equal(ldr_time_format(&years[4], buf), "20/21");
	free(years);

	/* The creation time: the commit's, else the published month's first day. */
	memset(&o, 0, sizeof(o));
	o.time = 1500000000;
	assert_int_equal(ldr_export_created(&rm, &o), 1500000000);
	o.time = 0;
	assert_int_equal(ldr_export_created(&rm, &o), 1475280000); /* 2016-10-01 */
	rm.footprint.published.kind = LDR_TIME_NONE;
	assert_int_equal(ldr_export_created(&rm, &o), 1459468800); /* 2016-04-01, the start */

	assert_string_equal(ldr_enum_label(&ldr_kind_project, "status", LDR_PROJECT_IN_PROGRESS, buf,
					   sizeof(buf)),
			    "In progress");
	assert_string_equal(ldr_enum_label(&ldr_kind_project, "status", 0, buf, sizeof(buf)), "");
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

/* ---- writing files --------------------------------------------------------- */

static char dir[] = "/tmp/ldr-test-export-XXXXXX";

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

struct warnings {
	size_t n;
	char last[512];
};

static void collect(void *payload, const char *msg)
{
	struct warnings *w = payload;
	w->n++;
	snprintf(w->last, sizeof(w->last), "%s", msg);
}

/* A capability too long for a cell: the spreadsheet is written, the text
 * cut, and the user told through the callback; the CSV keeps it whole. */
static void test_cut_is_reported(void **state)
{
	struct ldr_buf yaml = LDR_BUF_INIT, err = LDR_BUF_INIT, path = LDR_BUF_INIT, csv = LDR_BUF_INIT;
	struct ldr_export_opts o;
	struct warnings w;
	struct ldr_roadmap rm;
	struct ldr_diag d;
	size_t i;

	(void)state;
	ldr_buf_addstr(&yaml, HEAD "capabilities:\n- id: C1\n  who: Everyone\n  what: ");
	for (i = 0; i < 4000; i++)
		ldr_buf_addstr(&yaml, "0123456789");
	ldr_buf_addstr(&yaml, "\n  year: 16/17\n  group: records\n");
	assert_int_equal(load(yaml.s, &rm, &d), 0);
	memset(&o, 0, sizeof(o));
	memset(&w, 0, sizeof(w));
	o.warn = collect;
	o.warn_payload = &w;
	ldr_buf_addf(&path, "%s/long.xlsx", dir);
	assert_int_equal(ldr_export_annex2_xlsx(&rm, &o, path.s, &err), 0);
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.last, "C1"));
	assert_non_null(strstr(w.last, "cut"));

	memset(&w, 0, sizeof(w));
	ldr_buf_reset(&path);
	ldr_buf_addf(&path, "%s/long.csv", dir);
	assert_int_equal(ldr_export_annex2_csv(&rm, &o, path.s, &err), 0);
	assert_int_equal(w.n, 0);
	assert_int_equal(ldr_file_read(path.s, &csv, &err), 0);
	assert_true(csv.len > 40000);
	ldr_buf_release(&yaml);
	ldr_buf_release(&err);
	ldr_buf_release(&path);
	ldr_buf_release(&csv);
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
}

/* ---- the registry ---------------------------------------------------------- */

static void test_registry(void **state)
{
	size_t i, j, len;
	char *man = slurp("man/ldr.1", &len);
	const char *exports, *end;

	(void)state;
	assert_non_null(man);
	exports = strstr(man, "\n.SH EXPORTS\n");
	assert_non_null(exports);
	end = strstr(exports + 1, "\n.SH ");
	assert_non_null(end);
	assert_true(ldr_nexporters > 0);
	for (i = 0; i < ldr_nexporters; i++) {
		const struct ldr_exporter *e = &ldr_exporters[i];
		struct ldr_buf entry = LDR_BUF_INIT, path = LDR_BUF_INIT;
		const char *p;

		assert_non_null(e->kind);
		assert_true((e->write != NULL) != (e->build != NULL)); /* one way of writing, not two */
		for (j = 0; j < i; j++)
			assert_false(!strcmp(ldr_exporters[j].kind, e->kind) &&
				     !strcmp(ldr_exporters[j].ext, e->ext));
		/* Each kind has its entry in EXPORTS, naming its extension. */
		ldr_buf_addf(&entry, "\n.B %s \\fR(", e->kind);
		p = strstr(exports, entry.s);
		if (!p || p > end)
			fail_msg("man/ldr.1: EXPORTS has no entry '.B %s \\fR(...'", e->kind);
		ldr_buf_reset(&entry);
		ldr_buf_addf(&entry, ".%s", e->ext);
		assert_non_null(strstr(p, entry.s));
		ldr_buf_addf(&path, "out.%s", e->ext);
		assert_ptr_equal(ldr_exporter_find(e->kind, path.s), e);
		ldr_buf_release(&entry);
		ldr_buf_release(&path);
	}
	assert_null(ldr_exporter_find("annex2", "out.pdf"));
	assert_null(ldr_exporter_find("annex2", "out"));
	assert_null(ldr_exporter_find("nope", "out.xlsx"));
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_csv_formula_guard),
		cmocka_unit_test(test_csv_bom),
		cmocka_unit_test(test_csv_rows),
		cmocka_unit_test(test_text_clean),
		cmocka_unit_test(test_idcmp),
		cmocka_unit_test(test_sheet_name),
		cmocka_unit_test(test_order_and_years),
		cmocka_unit_test(test_cut_is_reported),
		cmocka_unit_test(test_registry),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
