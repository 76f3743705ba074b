/* The spreadsheet writers' common ground over libxlsxwriter: a workbook
 * written beside its final name and renamed into place, with its creation
 * time pinned (same input, same bytes); the house formats; text cells that
 * are always strings, never formulas, and always valid; and tables with a
 * frozen, filtered header, fitted columns and drop-down lists. */
#ifndef LDR_EXPORT_XLSX_H
#define LDR_EXPORT_XLSX_H

#include <xlsxwriter.h>

#include "../../model/base/write.h"
#include "../base/common.h"

struct ldr_xlsx {
	lxw_workbook *wb;
	struct ldr_output out;
	const struct ldr_export_opts *opts;
	const char *kind; /* "annex2": names the export in warnings */
	char *footer;
	lxw_error error; /* the first error libxlsxwriter returned */
	lxw_worksheet *lists;
	int nlists;
	struct ldr_buf scratch;
	/* Formats: every cell is top-aligned; text wraps. */
	lxw_format *header;  /* a table's header row */
	lxw_format *text;    /* a cell of text */
	lxw_format *derived; /* a value inferred rather than read from a source */
	lxw_format *center;  /* a tick or a short code */
	lxw_format *title;   /* a sheet's title line */
	lxw_format *note;    /* a line of explanation */
	lxw_format *label;   /* "Universal Capability:" */
	lxw_format *section; /* "A. Baseline" */
	lxw_format *number;  /* a whole number */
	lxw_format *mean;    /* a mean, to one decimal place */
	lxw_format *band;    /* a band over a table's header: "Capability" */
	/* The same in a table's cells, with a thin border all round. */
	lxw_format *cell, *cell_derived, *cell_center, *cell_label, *cell_number, *cell_mean;
};

/* Start a workbook that will become path. title names the document in its
 * properties and the page footers. Returns 0, or an LDR_E_* code with
 * err (the output refused, see model/base/write.h). */
int ldr_xlsx_open(struct ldr_xlsx *x, const char *path, const struct ldr_roadmap *rm,
		  const struct ldr_export_opts *opts, const char *kind, const char *title,
		  struct ldr_buf *err);
/* Write the workbook and rename it into place; on any error (including one
 * met while filling it) remove it. Returns 0 or an LDR_E_* code with err,
 * in ldr's words: what libxlsxwriter prints on stderr is caught. Releases x. */
int ldr_xlsx_close(struct ldr_xlsx *x, struct ldr_buf *err);

/* A sheet set up for printing: A4 landscape, one page wide, the footer
 * (a table too wide for A4 at a legible size moves to A3: ldr_table_end).
 * The name is made a valid sheet name (at most 31 characters, none of
 * []:*?/\) and unique. */
lxw_worksheet *ldr_xlsx_sheet(struct ldr_xlsx *x, const char *name);

/* A valid sheet name from s: the forbidden characters become '-', leading
 * and trailing apostrophes go, at most 31 characters are kept. */
void ldr_sheet_name(struct ldr_buf *out, const char *s);

/* A drop-down list's values: written to the hidden sheet "Lists" under the
 * defined name name. Returns the formula ("=name") to validate against, or
 * NULL when there are no values. */
const char *ldr_xlsx_list(struct ldr_xlsx *x, const char *name, const char *const *values, size_t n);

/* Write text (NULL or "": a blank cell in format f) as a string, always:
 * made valid UTF-8, cut at the cell limit with a warning naming where. */
void ldr_xlsx_text(struct ldr_xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		   lxw_format *f, const char *where);
/* A note on a cell (shown when the pointer is over it). */
void ldr_xlsx_comment(struct ldr_xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
		      const char *text);
/* Text marked as derived: in the derived format, with the reason as a note
 * on the cell, when reason is set; else plain text. */
void ldr_xlsx_maybe_derived(struct ldr_xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
			    const char *s, const char *reason, const char *where);

/* ---- tables ---------------------------------------------------------------- */

/* The lengths of a cell's lines (paragraphs), kept so that row heights
 * can be set once the column widths are known. */
struct ldr_cell_lines {
	size_t first, n; /* in ldr_table.lines */
};

struct ldr_table {
	struct ldr_xlsx *x;
	lxw_worksheet *ws;
	lxw_row_t head; /* the header row */
	lxw_row_t row;  /* the row being written */
	size_t ncols;
	double *width;     /* widest line of each column, in characters */
	double *chars;     /* characters in each column's cells... */
	size_t *filled;    /* ...and how many cells have any */
	double max_width;  /* no column wider than this */
	double budget;     /* the columns together no wider than this, if they can */
	char *label;       /* the record of the current row, for warnings */
	unsigned *lines;   /* line lengths of every cell, in characters */
	size_t nlines, lines_cap;
	struct ldr_cell_lines *cells; /* (row - head) * ncols + col */
	size_t cells_cap;
	unsigned char *written; /* the same: whether the cell was written */
	size_t written_cap;
	lxw_row_t repeat; /* printed pages repeat the rows repeat..head */
	int paper;        /* the paper it prints on, once ended: 9 (A4) or 8 (A3) */
	double printed;   /* the scale it prints at, at least (fitted to the width) */
};

/* The smallest printed text: a table is fitted to the page's width, and
 * set on A3 when on A4 its 11-point text would print smaller than this. */
#define LDR_PRINT_MIN_PT 8.0

/* Write the header row at row head of ws. Every cell of the table gets a
 * thin border, blank ones too. */
void ldr_table_begin(struct ldr_table *t, struct ldr_xlsx *x, lxw_worksheet *ws, lxw_row_t head,
		     const char *const *cols, size_t ncols);
/* Move to the next row, which shows the record label (for warnings). */
void ldr_table_row(struct ldr_table *t, const char *label);
void ldr_table_text(struct ldr_table *t, size_t col, const char *s);
/* Text that is derived when reason is set (see ldr_xlsx_maybe_derived). */
void ldr_table_derived(struct ldr_table *t, size_t col, const char *s, const char *reason);
void ldr_table_number(struct ldr_table *t, size_t col, double v, lxw_format *f);
/* Text in format f (x->center, x->label...: its bordered twin is used). */
void ldr_table_styled(struct ldr_table *t, size_t col, const char *s, lxw_format *f);
/* A drop-down on col, for every row below the header (new rows too),
 * from the list formula. strict: refuse other values, else only warn. */
void ldr_table_list(struct ldr_table *t, size_t col, const char *formula, int strict,
		    const char *title, const char *message);
/* Fit the columns, freeze the header, filter it, repeat it (from row
 * repeat) on every page; border the cells left blank; choose the paper. */
void ldr_table_end(struct ldr_table *t);

/* The number of lines text takes in a column width characters wide, once
 * wrapped (an estimate: the font's characters are about as wide as the
 * width's unit, a digit). */
unsigned ldr_text_lines(const char *s, double width);
/* Make a row tall enough for lines lines of text. */
void ldr_xlsx_row_lines(struct ldr_xlsx *x, lxw_worksheet *ws, lxw_row_t r, unsigned lines);

/* The reason a field of a record was derived, from its derived map; NULL
 * when it was read from a source. */
const char *ldr_derived_reason(const struct ldr_map *derived, const char *field);

#endif
