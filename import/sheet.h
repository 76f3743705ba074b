/* Spreadsheets read for 'ldr import': a workbook (XLSX, read with libzip
 * and expat) or a CSV file, as sheets of cells holding text. The readers
 * know nothing of roadmaps; what the cells mean is the importers' business.
 * Every problem names the file, the sheet and the cell ("Annex 2!C7"). */
#ifndef LDR_SHEET_H
#define LDR_SHEET_H

#include <stddef.h>

#include "../model/base/util.h"

enum ldr_cell_type {
	LDR_CELL_TEXT,
	LDR_CELL_NUMBER, /* text is the number as the file stores it ("3", "0.25") */
	LDR_CELL_BOOL,   /* text is "TRUE" or "FALSE" */
	LDR_CELL_DATE,   /* a number in a date format: text is "YYYY-MM-DD" */
	LDR_CELL_ERROR,  /* a formula's error, as "#REF!" */
};

struct ldr_cell {
	unsigned row, col;  /* from 0: A1 is 0, 0 */
	enum ldr_cell_type type;
	int formula;        /* a formula's cached value */
	char *text;
};

struct ldr_merge {
	unsigned row0, col0, row1, col1; /* inclusive */
};

/* A note (a comment) on a cell: ldr's exports say there why a value was
 * derived. */
struct ldr_note {
	unsigned row, col;
	char *text;
};

struct ldr_sheet {
	char *name;
	int hidden;
	struct ldr_cell *cells; /* in row order, then column order */
	size_t n, cap;
	struct ldr_merge *merges;
	size_t nmerges;
	unsigned char *hidden_rows; /* hidden_rows[row] when row < nhidden_rows */
	size_t nhidden_rows;
	struct ldr_note *notes; /* in row order, then column order */
	size_t nnotes;
	unsigned rows, cols; /* one past the last row and column with a cell */
};

struct ldr_workbook {
	char *path;
	struct ldr_sheet *sheets;
	size_t n;
	unsigned formulas; /* cells read from a formula's cached value */
	/* The document's properties (docProps/core.xml), NULL when not given:
	 * ldr's exports put the footprint's name in the subject and say in the
	 * description that ldr wrote them. */
	char *title, *subject, *description;
};

/* Limits: a workbook bigger than this is refused, not read (a zip bomb).
 * The bytes one part may unpack to: 512 MiB (tests lower it). */
extern unsigned long ldr_sheet_max_xml;
#define LDR_SHEET_MAX_CELLS 20000000u
#define LDR_SHEET_MAX_TEXT 1000000u     /* bytes of one cell */

/* Read the workbook at path: every sheet, or only the one named (NULL:
 * all). Returns 0, or -1 with one line per problem in err. */
int ldr_xlsx_read(struct ldr_workbook *wb, const char *path, const char *only, struct ldr_buf *err);
/* The same, from len bytes at data, named name in messages. */
int ldr_xlsx_read_mem(struct ldr_workbook *wb, const char *name, const void *data, size_t len, const char *only,
		      struct ldr_buf *err);

/* Read a CSV file (UTF-8, with or without a byte-order mark; CRLF or LF;
 * RFC 4180 quotes) as a workbook of one sheet named after the file; data and
 * len are its bytes. Returns 0, or -1 with the problems in err. */
int ldr_csv_read(struct ldr_workbook *wb, const char *path, const char *data, size_t len, struct ldr_buf *err);

/* Read the file at path as a workbook or as CSV: a name ending in .csv (or
 * .txt), or bytes that are not a zip nor an old Office file, are CSV.
 * *csv says which it was. Returns 0, or -1 with the problems in err. */
int ldr_sheet_read_path(struct ldr_workbook *wb, const char *path, const char *only, int *csv,
			struct ldr_buf *err);

void ldr_workbook_release(struct ldr_workbook *wb);

/* The sheet with this name, or NULL. */
struct ldr_sheet *ldr_workbook_sheet(const struct ldr_workbook *wb, const char *name);
/* The cell at row, col of a sheet, or NULL when it is empty. */
const struct ldr_cell *ldr_sheet_cell(const struct ldr_sheet *s, unsigned row, unsigned col);
/* The note on a cell, or NULL. */
const char *ldr_sheet_note(const struct ldr_sheet *s, unsigned row, unsigned col);
/* Whether a row is hidden. */
int ldr_sheet_row_hidden(const struct ldr_sheet *s, unsigned row);
/* "C7": a cell's name. buf needs 16 bytes. */
char *ldr_cell_name(unsigned row, unsigned col, char *buf);

/* Add a cell (the readers; tests). text is copied. */
struct ldr_cell *ldr_sheet_add(struct ldr_sheet *s, unsigned row, unsigned col, enum ldr_cell_type type,
			       const char *text, size_t len);

#endif
