/* The readers of 'ldr import': workbooks written by libxlsxwriter (not by
 * ldr's exports) and packages made part by part with libzip, for what
 * libxlsxwriter cannot write (the 1904 date system, a DTD, a part too big);
 * and CSV as spreadsheets save it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "../../import/sheet.h"

static char dir[] = "/tmp/ldr-sheet-XXXXXX";

static const char *path_of(const char *name)
{
	static char buf[256];
	snprintf(buf, sizeof(buf), "%s/%s", dir, name);
	return buf;
}

static const char *text_at(const struct ldr_sheet *s, const char *ref)
{
	unsigned col = (unsigned)(ref[0] - 'A'), row = (unsigned)atoi(ref + 1) - 1;
	const struct ldr_cell *c = ldr_sheet_cell(s, row, col);
	return c ? c->text : NULL;
}

static int type_at(const struct ldr_sheet *s, const char *ref)
{
	const struct ldr_cell *c = ldr_sheet_cell(s, (unsigned)atoi(ref + 1) - 1, (unsigned)(ref[0] - 'A'));
	return c ? (int)c->type : -1;
}

/* ---- a workbook as Excel writes one -------------------------------------------- */

static void write_template(const char *path, int constant_memory)
{
	lxw_workbook_options o = { constant_memory, NULL, 0 };
	lxw_workbook *wb = workbook_new_opt(path, &o);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Annex 2");
	lxw_worksheet *second = workbook_add_worksheet(wb, "Notes");
	lxw_format *date = workbook_add_format(wb);
	lxw_datetime when = { 2016, 7, 1, 0, 0, 0 };
	lxw_row_col_options hidden = { 1, 0, 0 };
	lxw_doc_properties props;

	memset(&props, 0, sizeof(props));
	format_set_num_format(date, "dd/mm/yyyy");
	if (!constant_memory)
		worksheet_merge_range(ws, 0, 0, 0, 3, "Local Digital Roadmap: capability deployment schedule", NULL);
	else
		worksheet_write_string(ws, 0, 0, "Local Digital Roadmap: capability deployment schedule", NULL);
	worksheet_write_string(ws, 2, 0, "Who", NULL);
	worksheet_write_string(ws, 2, 1, "What", NULL);
	worksheet_write_string(ws, 2, 2, "Year", NULL);
	worksheet_write_string(ws, 2, 3, "Capability Group", NULL);
	worksheet_write_string(ws, 3, 0, "GPs \xE2\x80\x94 all of them", NULL);
	worksheet_write_string(ws, 3, 1, "Can <view> & \"share\"", NULL);
	worksheet_write_datetime(ws, 3, 2, &when, date);
	worksheet_write_number(ws, 3, 3, 2.5, NULL);
	worksheet_set_row_opt(ws, 4, 15, NULL, &hidden);
	worksheet_write_string(ws, 4, 0, "a hidden row", NULL);
	worksheet_write_boolean(ws, 5, 0, 1, NULL);
	worksheet_write_formula_num(ws, 5, 1, "=1+2", NULL, 3);
	worksheet_write_string(second, 0, 0, "second sheet", NULL);
	worksheet_write_comment(ws, 3, 2, "Derived, not read from the source: a <guess>");
	worksheet_write_comment(ws, 0, 1, "a note on an empty cell");
	props.title = (char *)"Annex 2";
	props.subject = (char *)"Derbyshire";
	props.comments = (char *)"Written by ldr";
	workbook_set_properties(wb, &props);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void test_template(void **state)
{
	struct ldr_workbook wb;
	struct ldr_buf err = LDR_BUF_INIT;
	const struct ldr_sheet *s;
	int cm;
	(void)state;

	for (cm = 0; cm < 2; cm++) { /* shared strings, then inline strings */
		write_template(path_of("t.xlsx"), cm);
		assert_int_equal(ldr_xlsx_read(&wb, path_of("t.xlsx"), NULL, &err), 0);
		assert_int_equal(wb.n, 2);
		s = &wb.sheets[0];
		assert_string_equal(s->name, "Annex 2");
		assert_string_equal(text_at(s, "A1"), "Local Digital Roadmap: capability deployment schedule");
		assert_int_equal(s->nmerges, cm ? 0 : 1);
		assert_string_equal(text_at(s, "D3"), "Capability Group");
		assert_string_equal(text_at(s, "A4"), "GPs \xE2\x80\x94 all of them");
		assert_string_equal(text_at(s, "B4"), "Can <view> & \"share\"");
		assert_string_equal(text_at(s, "C4"), "2016-07-01"); /* a date, stored as a serial number */
		assert_int_equal(type_at(s, "C4"), LDR_CELL_DATE);
		assert_string_equal(text_at(s, "D4"), "2.5");
		assert_int_equal(type_at(s, "D4"), LDR_CELL_NUMBER);
		assert_true(ldr_sheet_row_hidden(s, 4));
		assert_false(ldr_sheet_row_hidden(s, 3));
		assert_string_equal(text_at(s, "A6"), "TRUE");
		assert_int_equal(type_at(s, "A6"), LDR_CELL_BOOL);
		assert_string_equal(text_at(s, "B6"), "3"); /* a formula's cached value */
		assert_true(ldr_sheet_cell(s, 5, 1)->formula);
		assert_int_equal(wb.formulas, 1);
		assert_null(text_at(s, "B5"));
		assert_string_equal(text_at(&wb.sheets[1], "A1"), "second sheet");
		/* Notes on cells, from the sheet's comments part (which
		 * libxlsxwriter writes only when not saving memory). */
		assert_int_equal(s->nnotes, cm ? 0 : 2);
		assert_string_equal(ldr_sheet_note(s, 3, 2) ? ldr_sheet_note(s, 3, 2) : "",
				    cm ? "" : "Derived, not read from the source: a <guess>");
		assert_string_equal(ldr_sheet_note(s, 0, 1) ? ldr_sheet_note(s, 0, 1) : "",
				    cm ? "" : "a note on an empty cell");
		assert_null(ldr_sheet_note(s, 3, 1));
		assert_int_equal(wb.sheets[1].nnotes, 0);
		/* The document's properties. */
		assert_string_equal(wb.title, "Annex 2");
		assert_string_equal(wb.subject, "Derbyshire");
		assert_string_equal(wb.description, "Written by ldr");
		ldr_workbook_release(&wb);
	}
	/* One sheet only. */
	assert_int_equal(ldr_xlsx_read(&wb, path_of("t.xlsx"), "Notes", &err), 0);
	assert_int_equal(ldr_workbook_sheet(&wb, "Annex 2")->n, 0);
	assert_int_equal(ldr_workbook_sheet(&wb, "Notes")->n, 1);
	ldr_workbook_release(&wb);
	assert_int_equal(ldr_xlsx_read(&wb, path_of("t.xlsx"), "Annex 4", &err), -1);
	assert_non_null(strstr(err.s, "no sheet 'Annex 4' (the sheets: 'Annex 2', 'Notes')"));
	ldr_workbook_release(&wb);
	ldr_buf_release(&err);
}

/* ---- packages made part by part ------------------------------------------------ */

#define WORKBOOK(pr) \
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" pr \
	"<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define RELS \
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
	"<Relationship Id=\"rId1\" Type=\"x\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
#define STYLES \
	"<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" \
	"<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"[$-809]d mmmm yyyy\"/></numFmts>" \
	"<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"
#define SHEET_OPEN "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
#define SHEET(rows) SHEET_OPEN "<sheetData>" rows "</sheetData></worksheet>"

static void package(const char *name, const char *workbook, const char *sheet, size_t extra)
{
	int e;
	zip_t *z = zip_open(path_of(name), ZIP_CREATE | ZIP_TRUNCATE, &e);
	const char *parts[][2] = {
		{ "xl/workbook.xml", workbook }, { "xl/_rels/workbook.xml.rels", RELS },
		{ "xl/styles.xml", STYLES }, { "xl/worksheets/sheet1.xml", sheet },
	};
	size_t i;

	assert_non_null(z);
	for (i = 0; i < 4; i++) {
		size_t n = strlen(parts[i][1]) + (i == 3 ? extra : 0);
		char *data = calloc(1, n + 1);
		memset(data, ' ', n);
		memcpy(data, parts[i][1], strlen(parts[i][1]) - (i == 3 && extra ? strlen("</worksheet>") : 0));
		if (i == 3 && extra)
			memcpy(data + n - strlen("</worksheet>"), "</worksheet>", strlen("</worksheet>"));
		assert_true(zip_file_add(z, parts[i][0], zip_source_buffer(z, data, n, 1), 0) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
}

static void test_dates(void **state)
{
	struct ldr_workbook wb;
	struct ldr_buf err = LDR_BUF_INIT;
	(void)state;

	/* Serial 42552 is 2016-07-01 in the 1900 system, 2020-07-02 in 1904's;
	 * 59 and 61 are either side of Lotus's 1900-02-29. */
	package("d.xlsx", WORKBOOK(""), SHEET("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>42552</v></c>"
					      "<c r=\"B1\" s=\"2\"><v>59</v></c><c r=\"C1\" s=\"2\"><v>61</v></c>"
					      "<c r=\"D1\" t=\"inlineStr\"><is><t>inline</t></is></c></row>"), 0);
	assert_int_equal(ldr_xlsx_read(&wb, path_of("d.xlsx"), NULL, &err), 0);
	assert_string_equal(text_at(&wb.sheets[0], "A1"), "2016-07-01");
	assert_string_equal(text_at(&wb.sheets[0], "B1"), "1900-02-28");
	assert_string_equal(text_at(&wb.sheets[0], "C1"), "1900-03-01");
	assert_string_equal(text_at(&wb.sheets[0], "D1"), "inline");
	ldr_workbook_release(&wb);
	package("d.xlsx", WORKBOOK("<workbookPr date1904=\"1\"/>"),
		SHEET("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>42552</v></c><c r=\"B1\" s=\"2\"><v>0</v></c></row>"), 0);
	assert_int_equal(ldr_xlsx_read(&wb, path_of("d.xlsx"), NULL, &err), 0);
	assert_string_equal(text_at(&wb.sheets[0], "A1"), "2020-07-02");
	assert_string_equal(text_at(&wb.sheets[0], "B1"), "1904-01-01");
	ldr_workbook_release(&wb);
	ldr_buf_release(&err);
}

/* What is refused, and how it is said. */
static void refused(const char *name, const char *want)
{
	struct ldr_workbook wb;
	struct ldr_buf err = LDR_BUF_INIT;

	assert_int_equal(ldr_xlsx_read(&wb, path_of(name), NULL, &err), -1);
	if (!err.s || !strstr(err.s, want))
		fail_msg("%s: expected '%s', got '%s'", name, want, err.s ? err.s : "");
	ldr_workbook_release(&wb);
	ldr_buf_release(&err);
}

static void write_file(const char *name, const void *data, size_t n)
{
	FILE *f = fopen(path_of(name), "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

static void test_refused(void **state)
{
	static const unsigned char ole[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 };
	unsigned char enc[2048] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
	(void)state;

	write_file("old.xls", ole, sizeof(ole));
	refused("old.xls", "an old .xls workbook (Excel 97-2003): open it and save it as .xlsx");
	memcpy(enc + 1000, "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o", 27);
	write_file("locked.xlsx", enc, sizeof(enc));
	refused("locked.xlsx", "the workbook is protected by a password");
	write_file("text.xlsx", "Who,What\n", 9);
	refused("text.xlsx", "not an .xlsx workbook");
	refused("nothere.xlsx", "nothere.xlsx: cannot open: No such file or directory");
	/* An entity that expands (billion laughs) needs a DTD: none is read. */
	package("dtd.xlsx", WORKBOOK(""), "<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
		SHEET("<row><c t=\"inlineStr\"><is><t>&b;</t></is></c></row>"), 0);
	refused("dtd.xlsx", "xl/worksheets/sheet1.xml: has a document type declaration: refused");
	package("bad.xlsx", WORKBOOK(""), SHEET("<row><c><v>1</v></row>"), 0);
	refused("bad.xlsx", "xl/worksheets/sheet1.xml:1:");
	/* Nested deeper than any workbook is: refused before expat keeps it all. */
	{
		char deep[4000] = SHEET_OPEN;
		size_t i;
		for (i = 0; i < 300; i++)
			strcat(deep, "<x>");
		package("deep.xlsx", WORKBOOK(""), deep, 0);
		refused("deep.xlsx", "xl/worksheets/sheet1.xml: elements nested more than 256 deep: refused");
	}
	package("sst.xlsx", WORKBOOK(""), SHEET("<row><c r=\"A1\" t=\"s\"><v>7</v></c></row>"), 0);
	refused("sst.xlsx", "a cell names shared string 7, which is not there");
	/* A part that unpacks to more than the limit: refused before it is read. */
	ldr_sheet_max_xml = 1ul << 20;
	package("big.xlsx", WORKBOOK(""), SHEET(""), 2u << 20);
	refused("big.xlsx", "bytes unpacked, more than the 1048576 a part may have: refused");
	ldr_sheet_max_xml = 512ul << 20;
}

/* ---- CSV ------------------------------------------------------------------------ */

static void test_csv(void **state)
{
	static const char data[] = "\xEF\xBB\xBFWho,What,Year\r\n"
				   "\"GPs, all\",\"Can \"\"view\"\"\nand share\",16/17\r\n"
				   ",,\r\n"
				   "Nurses,\xC2\xA3" "5 a head,2016-17";
	struct ldr_workbook wb;
	struct ldr_buf err = LDR_BUF_INIT;
	const struct ldr_sheet *s;
	(void)state;

	assert_int_equal(ldr_csv_read(&wb, "a/plan.csv", data, sizeof(data) - 1, &err), 0);
	s = &wb.sheets[0];
	assert_string_equal(s->name, "plan.csv");
	assert_string_equal(text_at(s, "A1"), "Who"); /* the byte-order mark is not text */
	assert_string_equal(text_at(s, "A2"), "GPs, all");
	assert_string_equal(text_at(s, "B2"), "Can \"view\"\nand share");
	assert_string_equal(text_at(s, "C2"), "16/17");
	assert_null(text_at(s, "A3"));
	assert_string_equal(text_at(s, "B4"), "\xC2\xA3" "5 a head");
	assert_int_equal(s->rows, 4);
	ldr_workbook_release(&wb);
	ldr_buf_release(&err);
}

static void test_csv_refused(void **state)
{
	struct ldr_workbook wb;
	struct ldr_buf err = LDR_BUF_INIT;
	(void)state;

	/* Windows-1252, as "Save as CSV" writes it: each line said once. */
	assert_int_equal(ldr_csv_read(&wb, "p.csv", "Who,What\nNurses,\xA3" "5\n", 19, &err), -1);
	assert_string_equal(err.s, "p.csv:2:8: byte 0xA3 is not UTF-8 (the file looks like Windows-1252 or "
				   "Latin-1): save it from the spreadsheet as 'CSV UTF-8'\n");
	ldr_workbook_release(&wb);
	ldr_buf_reset(&err);
	assert_int_equal(ldr_csv_read(&wb, "u.csv", "\xFF\xFEW\0h\0o\0", 8, &err), -1);
	assert_non_null(strstr(err.s, "u.csv:1:1: the file is UTF-16"));
	ldr_workbook_release(&wb);
	ldr_buf_reset(&err);
	assert_int_equal(ldr_csv_read(&wb, "q.csv", "a,\"b\nc\n", 7, &err), -1);
	assert_string_equal(err.s, "q.csv:1:3: this quoted field has no closing quote\n");
	ldr_workbook_release(&wb);
	ldr_buf_release(&err);
}

static void test_cell_names(void **state)
{
	char b[16];
	(void)state;
	assert_string_equal(ldr_cell_name(0, 0, b), "A1");
	assert_string_equal(ldr_cell_name(6, 2, b), "C7");
	assert_string_equal(ldr_cell_name(9, 25, b), "Z10");
	assert_string_equal(ldr_cell_name(0, 26, b), "AA1");
	assert_string_equal(ldr_cell_name(0, 701, b), "ZZ1");
	assert_string_equal(ldr_cell_name(0, 702, b), "AAA1");
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[300];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_template),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_csv_refused),
		cmocka_unit_test(test_cell_names),
	};
	return cmocka_run_group_tests_name("sheet", tests, setup, teardown);
}
