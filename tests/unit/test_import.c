/* The importers of 'ldr import', on sheets built in memory: years in the
 * spellings people use, header rows below titles, merged cells, matching
 * and ids, derived reasons kept, given and dropped, the order of new local
 * groups, every bad cell listed, and Annex 4's bullets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../import/imp.h"
#include "../../import/import.h"
#include "../../model/base/diag.h"

/* ---- sheets in memory --------------------------------------------------------- */

static struct ldr_sheet *sheet(struct ldr_workbook *wb, const char *name)
{
	wb->sheets = realloc(wb->sheets, (wb->n + 1) * sizeof(*wb->sheets));
	memset(&wb->sheets[wb->n], 0, sizeof(*wb->sheets));
	wb->sheets[wb->n].name = ldr_strdup(name);
	return &wb->sheets[wb->n++];
}

/* Rows of cells, "|" between them, from row first (cells must come in
 * order: rows ascending). */
static void rows(struct ldr_sheet *s, unsigned first, const char *const *lines, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *p = lines[i];
		unsigned col = 0;
		while (1) {
			size_t len = strcspn(p, "|");
			if (len)
				ldr_sheet_add(s, first + (unsigned)i, col, LDR_CELL_TEXT, p, len);
			if (!p[len])
				break;
			p += len + 1;
			col++;
		}
	}
}

static void note(struct ldr_sheet *s, unsigned row, unsigned col, const char *text)
{
	s->notes = realloc(s->notes, (s->nnotes + 1) * sizeof(*s->notes));
	s->notes[s->nnotes].row = row;
	s->notes[s->nnotes].col = col;
	s->notes[s->nnotes++].text = ldr_strdup(text);
}

static void load(struct ldr_roadmap *rm, const char *yaml)
{
	struct ldr_diag d;

	ldr_diag_init(&d, "t.yaml");
	assert_int_equal(ldr_roadmap_read(rm, yaml, strlen(yaml), &d), 0);
	ldr_diag_release(&d);
}

static int run(struct ldr_roadmap *rm, struct ldr_workbook *wb, const char *kind, int fresh,
	       struct ldr_import_result *res)
{
	struct ldr_import_opts o;

	memset(&o, 0, sizeof(o));
	memset(res, 0, sizeof(*res));
	o.kind = kind;
	o.source = "plan.xlsx";
	o.fresh = fresh;
	return ldr_import(rm, wb, &o, res);
}

static const struct ldr_capability *cap(const struct ldr_roadmap *rm, size_t i)
{
	assert_true(i < rm->capabilities.len);
	return LDR_ITEM(rm->capabilities, struct ldr_capability, i);
}

/* ---- years ------------------------------------------------------------------------ */

static void year_is(const char *text, enum ldr_cell_type type, int accept, int year, const char *want,
		    const char *said)
{
	struct ldr_workbook wb;
	struct ldr_import_result res;
	struct ldr_import_opts o;
	struct ldr_roadmap rm;
	struct imp im;
	struct ldr_sheet *s;
	struct ldr_time t;
	struct imp_at a;
	char buf[LDR_TIME_STR_MAX];

	memset(&wb, 0, sizeof(wb));
	memset(&res, 0, sizeof(res));
	memset(&o, 0, sizeof(o));
	memset(&im, 0, sizeof(im));
	ldr_import_fresh(&rm);
	o.source = "p.xlsx";
	im.rm = &rm, im.wb = &wb, im.o = &o, im.res = &res, im.fy_lo = 1;
	s = sheet(&wb, "S");
	a.s = s, a.row = 0, a.col = 2;
	a.c = ldr_sheet_add(s, 0, 2, type, text, strlen(text));
	if (imp_time(&im, &a, accept, year, &t) == 0)
		ldr_time_format(&t, buf);
	else
		snprintf(buf, sizeof(buf), "error");
	assert_string_equal(buf, want);
	if (!said)
		assert_null(res.errors.s ? res.errors.s : res.warnings.s);
	else if (!strstr(res.errors.len ? res.errors.s : res.warnings.s ? res.warnings.s : "", said))
		fail_msg("%s: expected '%s' in '%s%s'", text, said, res.errors.s ? res.errors.s : "",
			 res.warnings.s ? res.warnings.s : "");
	imp_pool_release(&im.pool);
	ldr_import_result_release(&res);
	ldr_workbook_release(&wb);
	ldr_roadmap_release(&rm);
}

static void test_years(void **state)
{
	(void)state;
	year_is("16/17", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "16/17", NULL);
	year_is("2016/17", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "16/17", NULL);
	year_is("2016/2017", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "16/17", NULL);
	year_is("2016-17", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "16/17", NULL);
	year_is(" 2016 - 2017 ", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "16/17", NULL);
	year_is("2016\xE2\x80\x93" "17", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "16/17", NULL); /* an en dash */
	year_is("FY16/17", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "16/17", NULL);
	year_is("fy 2016-17", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "16/17", NULL);
	year_is("16-17 Q3", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "16/17 Q3", NULL);
	year_is("Q3 16/17", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "16/17 Q3", NULL);
	year_is("October 2016", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "2016-10", NULL);
	year_is("2016-10", LDR_CELL_TEXT, LDR_TIME_ANY, 0, "2016-10", NULL);
	/* "2011-12": a month as ldr writes months, said where a year is read. */
	year_is("2011-12", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "2011-12", "is read as a month");
	year_is("2011-12", LDR_CELL_TEXT, LDR_TIME_ANY, 0, "2011-12", NULL);
	/* A date: its financial year where a year is read, else its month. */
	year_is("2016-07-01", LDR_CELL_DATE, LDR_TIME_ANY, 1, "16/17",
		"S!C1: '2016-07-01' is a date: read as its financial year, 16/17");
	year_is("2017-03-31", LDR_CELL_DATE, LDR_TIME_ANY, 1, "16/17", "its financial year, 16/17");
	year_is("2017-04-01", LDR_CELL_TEXT, LDR_TIME_ANY, 0, "2017-04", "read as its month, 2017-04");
	year_is("1/7/2016", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "16/17", "is a date");
	year_is("2016-07-01", LDR_CELL_DATE, LDR_TIME_YEAR, 0, "16/17", "is a date");
	/* What is not a time, each said. */
	year_is("next year", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "error",
		"p.xlsx: S!C1: 'next year' is not a financial year (such as 16/17), a quarter");
	year_is("next year", LDR_CELL_TEXT, LDR_TIME_YEAR, 1, "error", "'next year' is not a financial year "
		"(such as 16/17)\n");
	year_is("2016", LDR_CELL_NUMBER, LDR_TIME_ANY, 1, "error", "'2016' is not a financial year");
	year_is("16/18", LDR_CELL_TEXT, LDR_TIME_ANY, 1, "error", "is not a financial year");
	year_is("16/17 Q3", LDR_CELL_TEXT, LDR_TIME_YEAR, 1, "error",
		"'16/17 Q3' is a quarter: a financial year (such as 16/17) is wanted here");
	year_is("16/17", LDR_CELL_TEXT, LDR_TIME_QUARTER, 0, "error", "is a year: a quarter");
}

/* ---- tables ------------------------------------------------------------------------ */

static const char *const template_rows[] = {
	"Annex 2: capability deployment schedule",
	"",
	"",
	"Who?|What (capability)|Year|Capability Group:|Benefit\ncategory|Solution",
	"GPs|Can refer|2016/17|Records, Assessments and Plans|Efficiency|e-RS",
	"Nurses|Can view|17/18|Mobile working|Care quality|",
	"Carers|Can book|17/18||Wellbeing|Portal",
};

static void test_template(void **state)
{
	struct ldr_workbook wb;
	struct ldr_import_result res;
	struct ldr_roadmap rm;
	struct ldr_sheet *s;
	struct ldr_merge m = { 0, 0, 0, 5 }, group = { 5, 3, 6, 3 };
	(void)state;

	memset(&wb, 0, sizeof(wb));
	s = sheet(&wb, "Annex 2");
	rows(s, 0, template_rows, LDR_ARRAY_SIZE(template_rows));
	s->merges = malloc(2 * sizeof(*s->merges));
	s->merges[0] = m;
	s->merges[1] = group; /* the group's name, merged down its two rows */
	s->nmerges = 2;
	ldr_import_fresh(&rm);
	assert_int_equal(run(&rm, &wb, "annex2", 1, &res), 0);
	assert_int_equal(rm.capabilities.len, 3);
	assert_string_equal(cap(&rm, 0)->id, "C01");
	assert_string_equal(cap(&rm, 0)->group, "records");
	assert_string_equal(ldr_map_get(&cap(&rm, 0)->attributes, "Benefit category"), "Efficiency");
	assert_string_equal(ldr_map_get(&cap(&rm, 0)->attributes, "Solution"), "e-RS");
	assert_string_equal(cap(&rm, 1)->group, "mobile-working");
	assert_string_equal(cap(&rm, 2)->group, "mobile-working"); /* from the merged range */
	assert_null(ldr_map_get(&cap(&rm, 1)->attributes, "Solution"));
	assert_int_equal(rm.groups.len, 1);
	/* The footprint: named from the title above the table; its horizon
	 * from the years; both marked derived. */
	assert_string_equal(rm.footprint.name, "Annex 2: capability deployment schedule");
	assert_non_null(ldr_map_get(&rm.footprint.derived, "name"));
	assert_int_equal(rm.footprint.start.month, ldr_time_year(2016).month);
	assert_int_equal(rm.footprint.end.month, ldr_time_year(2017).month);
	assert_non_null(ldr_map_get(&rm.footprint.derived, "end"));
	ldr_import_result_release(&res);
	ldr_roadmap_release(&rm);
	ldr_workbook_release(&wb);
}

/* ---- matching, ids and derived reasons ---------------------------------------------- */

static const char roadmap[] =
	"ldr: 1\nfootprint: {name: F, start: 16/17, end: 18/19}\n"
	"capabilities:\n"
	"- {id: C07, who: GPs, what: Can refer, year: 16/17, group: records, derived: {year: a guess}}\n"
	"- {id: C08, who: Nurses, what: Can view, year: 16/17, derived: {year: another guess}}\n"
	"- {id: C09, who: Nurses, what: Can view, year: 17/18}\n"
	"- {id: C10, who: Carers, what: Can book, attributes: {Owner: PMO, Solution: Portal}}\n";

static void test_match(void **state)
{
	static const char *const sheet_rows[] = {
		"Who|What|Year|Solution",
		"gps |can  REFER|16/17|", /* same who and what, but for case and blanks */
		"Nurses|Can view|17/18|",   /* C09 (its year), not C08 */
		"Nurses|Can view|18/19|",   /* then C08, re-phased */
		"Carers|Can book||Web",     /* Solution changes; Owner is kept */
		"Patients|Can book|18/19|Web",
	};
	struct ldr_workbook wb;
	struct ldr_import_result res;
	struct ldr_roadmap rm;
	(void)state;

	memset(&wb, 0, sizeof(wb));
	rows(sheet(&wb, "S"), 0, sheet_rows, LDR_ARRAY_SIZE(sheet_rows));
	load(&rm, roadmap);
	assert_int_equal(run(&rm, &wb, "annex2", 0, &res), 0);
	assert_int_equal(res.updated, 4);
	assert_int_equal(res.added, 1);
	assert_int_equal(rm.capabilities.len, 5);
	/* The same values keep their reasons; a value that changed loses its. */
	assert_string_equal(cap(&rm, 0)->who, "gps ");
	assert_string_equal(ldr_map_get(&cap(&rm, 0)->derived, "year"), "a guess");
	assert_string_equal(ldr_time_format(&cap(&rm, 1)->year, (char[LDR_TIME_STR_MAX]){ 0 }), "18/19");
	assert_null(ldr_map_get(&cap(&rm, 1)->derived, "year"));
	assert_string_equal(ldr_time_format(&cap(&rm, 2)->year, (char[LDR_TIME_STR_MAX]){ 0 }), "17/18");
	assert_string_equal(ldr_map_get(&cap(&rm, 3)->attributes, "Solution"), "Web");
	assert_string_equal(ldr_map_get(&cap(&rm, 3)->attributes, "Owner"), "PMO");
	/* No group column: the groups are kept. */
	assert_string_equal(cap(&rm, 0)->group, "records");
	/* A new one: the next id after the list's highest. */
	assert_string_equal(cap(&rm, 4)->id, "C11");
	ldr_import_result_release(&res);
	ldr_roadmap_release(&rm);
	ldr_workbook_release(&wb);
}

static void test_reasons(void **state)
{
	static const char *const sheet_rows[] = {
		"Who|What|Year|Capability group",
		"GPs|Can refer|17/18|records",
		"Nurses|Can view|16/17|",
	};
	struct ldr_workbook wb;
	struct ldr_import_result res;
	struct ldr_roadmap rm;
	struct ldr_sheet *s;
	(void)state;

	memset(&wb, 0, sizeof(wb));
	s = sheet(&wb, "S");
	rows(s, 0, sheet_rows, LDR_ARRAY_SIZE(sheet_rows));
	/* ldr's note on a derived value, and someone's comment. */
	note(s, 1, 2, "Derived, not read from the source: the board's\nsecond guess");
	note(s, 2, 1, "Check with the nurses");
	load(&rm, roadmap);
	assert_int_equal(run(&rm, &wb, "annex2", 0, &res), 0);
	assert_string_equal(ldr_map_get(&cap(&rm, 0)->derived, "year"), "the board's\nsecond guess");
	assert_string_equal(ldr_map_get(&cap(&rm, 1)->derived, "year"), "another guess");
	assert_string_equal(cap(&rm, 1)->notes, "What: Check with the nurses");
	assert_null(cap(&rm, 1)->group);
	ldr_import_result_release(&res);
	ldr_roadmap_release(&rm);
	ldr_workbook_release(&wb);
}

/* ---- the order of new local groups ---------------------------------------------------- */

static void test_group_order(void **state)
{
	/* The export's order: by year, then group in the roadmap's order. In
	 * 16/17 only Beta shows; 17/18 says Alpha comes before Beta. */
	static const char *const sheet_rows[] = {
		"Who|What|Year|Group",
		"a|x|16/17|records",
		"b|x|16/17|Beta",
		"c|x|17/18|Alpha",
		"d|x|17/18|Beta",
		"e|x|18/19|Gamma",
	};
	struct ldr_workbook wb;
	struct ldr_import_result res;
	struct ldr_roadmap rm;
	(void)state;

	memset(&wb, 0, sizeof(wb));
	rows(sheet(&wb, "S"), 0, sheet_rows, LDR_ARRAY_SIZE(sheet_rows));
	ldr_import_fresh(&rm);
	assert_int_equal(run(&rm, &wb, "annex2", 1, &res), 0);
	assert_int_equal(rm.groups.len, 3);
	assert_string_equal(LDR_ITEM(rm.groups, struct ldr_group, 0)->name, "Alpha");
	assert_string_equal(LDR_ITEM(rm.groups, struct ldr_group, 1)->name, "Beta");
	assert_string_equal(LDR_ITEM(rm.groups, struct ldr_group, 2)->name, "Gamma");
	assert_string_equal(cap(&rm, 1)->group, "beta");
	ldr_import_result_release(&res);
	ldr_roadmap_release(&rm);
	ldr_workbook_release(&wb);
}

/* ---- problems ---------------------------------------------------------------------------- */

static void test_problems(void **state)
{
	static const char *const sheet_rows[] = {
		"Title",
		"Who|What|Year|Status",
		"GPs|Can refer|next year|firm",
		"|Can view|16/17|aspirational",
		"Nurses||16/17|sure",
		"Carers|Can \x01 book|16/17|firm",
	};
	struct ldr_workbook wb;
	struct ldr_import_result res;
	struct ldr_roadmap rm;
	(void)state;

	memset(&wb, 0, sizeof(wb));
	rows(sheet(&wb, "Annex 2"), 0, sheet_rows, LDR_ARRAY_SIZE(sheet_rows));
	ldr_import_fresh(&rm);
	assert_int_equal(run(&rm, &wb, "annex2", 1, &res), -1);
	assert_int_equal(res.nerrors, 5);
	assert_non_null(strstr(res.errors.s, "plan.xlsx: Annex 2!C3: 'next year' is not a financial year"));
	assert_non_null(strstr(res.errors.s, "plan.xlsx: Annex 2!A4: 'Who' is empty"));
	assert_non_null(strstr(res.errors.s, "plan.xlsx: Annex 2!B5: 'What' is empty"));
	assert_non_null(strstr(res.errors.s, "plan.xlsx: Annex 2!D5: 'sure' is not a capability status"));
	assert_non_null(strstr(res.errors.s, "plan.xlsx: Annex 2!B6: control character U+0001"));
	ldr_import_result_release(&res);
	ldr_roadmap_release(&rm);
	ldr_workbook_release(&wb);
	/* No header row: the headings wanted are named. */
	memset(&wb, 0, sizeof(wb));
	rows(sheet(&wb, "Notes"), 0, sheet_rows, 1);
	ldr_import_fresh(&rm);
	assert_int_equal(run(&rm, &wb, "annex2", 1, &res), -1);
	assert_non_null(strstr(res.errors.s, "no sheet has a header row of an Annex 2 schedule (with the "
				"headings 'Who', 'What')"));
	ldr_import_result_release(&res);
	ldr_roadmap_release(&rm);
	ldr_workbook_release(&wb);
}

/* ---- Annex 4's activities ------------------------------------------------------------------- */

static void test_bullets(void **state)
{
	static const char *const sheet_rows[] = {
		"Universal Capability:|GPs can refer electronically to secondary care",
		"C. Activities|",
		"Quarter|Activities",
		"16/17 Q1|\xE2\x80\xA2 Audit of paper referrals \xE2\x9C\x93 done 2016-06\n"
		"\xE2\x80\xA2 Practice visits, one a week\nuntil all are seen\n\xE2\x80\xA2 Go live \xE2\x9C\x93",
		"16/17 Q2|Train the staff\nReport to the board",
	};
	struct ldr_workbook wb;
	struct ldr_import_result res;
	struct ldr_roadmap rm;
	const struct ldr_uc *u;
	const struct ldr_activity *a;
	(void)state;

	memset(&wb, 0, sizeof(wb));
	rows(sheet(&wb, "e-Referrals"), 0, sheet_rows, LDR_ARRAY_SIZE(sheet_rows));
	ldr_import_fresh(&rm);
	assert_int_equal(run(&rm, &wb, "annex4", 1, &res), 0);
	u = ldr_roadmap_uc(&rm, "UC04");
	assert_non_null(u);
	assert_int_equal(u->activities.len, 5);
	a = LDR_ITEM(u->activities, struct ldr_activity, 0);
	assert_string_equal(a->id, "UC04-A1");
	assert_string_equal(a->what, "Audit of paper referrals");
	assert_true(a->done);
	assert_int_equal(a->delivered.kind, LDR_TIME_MONTH);
	a = LDR_ITEM(u->activities, struct ldr_activity, 1);
	assert_string_equal(a->what, "Practice visits, one a week until all are seen");
	assert_false(a->done);
	a = LDR_ITEM(u->activities, struct ldr_activity, 2);
	assert_string_equal(a->what, "Go live");
	assert_true(a->done);
	assert_int_equal(a->delivered.kind, LDR_TIME_NONE);
	/* Without bullets, a line each. */
	assert_string_equal(LDR_ITEM(u->activities, struct ldr_activity, 3)->what, "Train the staff");
	assert_string_equal(LDR_ITEM(u->activities, struct ldr_activity, 4)->what, "Report to the board");
	ldr_import_result_release(&res);
	ldr_roadmap_release(&rm);
	ldr_workbook_release(&wb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_years),     cmocka_unit_test(test_template),
		cmocka_unit_test(test_match),     cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_group_order), cmocka_unit_test(test_problems),
		cmocka_unit_test(test_bullets),
	};
	return cmocka_run_group_tests_name("import", tests, NULL, NULL);
}
