/* CSV as RFC 4180 writes it and as spreadsheets save it: fields separated by
 * commas, rows by CRLF or LF, a field in double quotes may hold commas, line
 * ends and doubled quotes. The text must be UTF-8; a byte-order mark is
 * skipped. Anything else (Windows-1252 from "Save as CSV", UTF-16 from
 * "Unicode text") is refused with the byte that gives it away. */
#include "sheet.h"

#include <stdio.h>
#include <string.h>

struct csv {
	const char *path, *p, *end;
	unsigned line, col; /* of p: line from 1, column in characters from 1 */
	struct ldr_sheet *s;
	struct ldr_buf field;
	struct ldr_buf *err;
	unsigned problems;
};

#define CSV_MAX_PROBLEMS 10

static void problem(struct csv *c, unsigned line, unsigned col, const char *what)
{
	if (c->problems++ < CSV_MAX_PROBLEMS)
		ldr_buf_addf(c->err, "%s:%u:%u: %s\n", c->path, line, col, what);
}

/* The next byte of a field: 1, or 0 at the end of the data. Invalid UTF-8
 * is a problem, said once per line. */
static int utf8_ok(struct csv *c, unsigned *bad_line)
{
	unsigned cp;
	size_t n = ldr_utf8_decode(c->p, (size_t)(c->end - c->p), &cp);
	char what[200];

	if (n)
		return (int)n;
	if (*bad_line != c->line) {
		*bad_line = c->line;
		snprintf(what, sizeof(what), "byte 0x%02X is not UTF-8 (the file looks like Windows-1252 or "
			 "Latin-1): save it from the spreadsheet as 'CSV UTF-8'", (unsigned char)*c->p);
		problem(c, c->line, c->col, what);
	}
	return 1;
}

static int at_line_end(const struct csv *c)
{
	return *c->p == '\n' || (*c->p == '\r' && (c->p + 1 == c->end || c->p[1] == '\n'));
}

static void next_line(struct csv *c)
{
	c->p += *c->p == '\r' ? 2 : 1;
	if (c->p > c->end)
		c->p = c->end;
	c->line++;
	c->col = 1;
}

/* A quoted field, from its opening quote. */
static void quoted(struct csv *c, unsigned *bad)
{
	unsigned line = c->line, col = c->col;

	c->p++, c->col++;
	for (;;) {
		int n;
		if (c->p >= c->end) {
			problem(c, line, col, "this quoted field has no closing quote");
			return;
		}
		if (*c->p == '"' && c->p + 1 < c->end && c->p[1] == '"') {
			ldr_buf_addch(&c->field, '"');
			c->p += 2, c->col += 2;
			continue;
		}
		if (*c->p == '"') {
			c->p++, c->col++;
			return;
		}
		if (at_line_end(c)) {
			ldr_buf_addch(&c->field, '\n');
			next_line(c);
			continue;
		}
		n = utf8_ok(c, bad);
		ldr_buf_add(&c->field, c->p, (size_t)n);
		c->p += n, c->col++;
	}
}

/* One field, up to the comma or line end after it. */
static void field(struct csv *c, unsigned *bad)
{
	ldr_buf_reset(&c->field);
	if (c->p < c->end && *c->p == '"')
		quoted(c, bad);
	while (c->p < c->end && *c->p != ',' && !at_line_end(c)) {
		int n = utf8_ok(c, bad);
		ldr_buf_add(&c->field, c->p, (size_t)n);
		c->p += n, c->col++;
	}
}

static void store(struct csv *c, unsigned row, unsigned col)
{
	if (!c->field.len)
		return;
	if (c->s->n >= LDR_SHEET_MAX_CELLS || c->field.len > LDR_SHEET_MAX_TEXT) {
		problem(c, c->line, c->col, c->field.len > LDR_SHEET_MAX_TEXT ? "a field longer than a million bytes"
									      : "more than 20 million fields");
		c->p = c->end;
		return;
	}
	ldr_sheet_add(c->s, row, col, LDR_CELL_TEXT, c->field.s, c->field.len);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

int ldr_csv_read(struct ldr_workbook *wb, const char *path, const char *data, size_t len, struct ldr_buf *err)
{
	struct csv c = { path, data, data + len, 1, 1, NULL, LDR_BUF_INIT, err, 0 };
	unsigned row = 0, col = 0, bad = 0;

	memset(wb, 0, sizeof(*wb));
	wb->path = ldr_strdup(path);
	wb->sheets = ldr_calloc(1, sizeof(*wb->sheets));
	wb->n = 1;
	c.s = &wb->sheets[0];
	c.s->name = ldr_strdup(base_name(path));
	if (len >= 2 && ((unsigned char)data[0] == 0xFF || (unsigned char)data[0] == 0xFE) &&
	    ((unsigned char)data[1] == 0xFE || (unsigned char)data[1] == 0xFF) && data[0] != data[1]) {
		problem(&c, 1, 1, "the file is UTF-16 ('Unicode text'): save it from the spreadsheet as 'CSV UTF-8'");
		return -1;
	}
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		c.p += 3;
	while (c.p < c.end) {
		field(&c, &bad);
		store(&c, row, col);
		if (c.p < c.end && *c.p == ',') {
			c.p++, c.col++, col++;
		} else if (c.p < c.end) {
			next_line(&c);
			row++, col = 0;
		}
	}
	if (c.problems > CSV_MAX_PROBLEMS)
		ldr_buf_addf(err, "%s: and %u more problems\n", path, c.problems - CSV_MAX_PROBLEMS);
	ldr_buf_release(&c.field);
	return c.problems ? -1 : 0;
}
