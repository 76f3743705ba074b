/* Sheets of cells: what both readers make. */
#include "sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../model/file.h"

struct ldr_cell *ldr_sheet_add(struct ldr_sheet *s, unsigned row, unsigned col, enum ldr_cell_type type,
			       const char *text, size_t len)
{
	struct ldr_cell *c;

	ldr_grow((void **)&s->cells, &s->cap, s->n + 1, sizeof(*s->cells));
	c = &s->cells[s->n++];
	c->row = row;
	c->col = col;
	c->type = type;
	c->formula = 0;
	c->text = ldr_strndup(text, len);
	if (row + 1 > s->rows)
		s->rows = row + 1;
	if (col + 1 > s->cols)
		s->cols = col + 1;
	return c;
}

static void sheet_release(struct ldr_sheet *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->cells[i].text);
	for (i = 0; i < s->nnotes; i++)
		free(s->notes[i].text);
	free(s->notes);
	free(s->cells);
	free(s->merges);
	free(s->hidden_rows);
	free(s->name);
}

void ldr_workbook_release(struct ldr_workbook *wb)
{
	size_t i;

	for (i = 0; i < wb->n; i++)
		sheet_release(&wb->sheets[i]);
	free(wb->sheets);
	free(wb->path);
	free(wb->title);
	free(wb->subject);
	free(wb->description);
	memset(wb, 0, sizeof(*wb));
}

struct ldr_sheet *ldr_workbook_sheet(const struct ldr_workbook *wb, const char *name)
{
	size_t i;

	for (i = 0; i < wb->n; i++)
		if (strcmp(wb->sheets[i].name, name) == 0)
			return &wb->sheets[i];
	return NULL;
}

const struct ldr_cell *ldr_sheet_cell(const struct ldr_sheet *s, unsigned row, unsigned col)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) { /* the cells are in row order, then column order */
		size_t mid = lo + (hi - lo) / 2;
		const struct ldr_cell *c = &s->cells[mid];
		if (c->row == row && c->col == col)
			return c;
		if (c->row < row || (c->row == row && c->col < col))
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *ldr_sheet_note(const struct ldr_sheet *s, unsigned row, unsigned col)
{
	size_t lo = 0, hi = s->nnotes;

	while (lo < hi) { /* the notes are in row order, then column order */
		size_t mid = lo + (hi - lo) / 2;
		const struct ldr_note *n = &s->notes[mid];
		if (n->row == row && n->col == col)
			return n->text;
		if (n->row < row || (n->row == row && n->col < col))
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int ldr_sheet_row_hidden(const struct ldr_sheet *s, unsigned row)
{
	return row < s->nhidden_rows && s->hidden_rows[row];
}

char *ldr_cell_name(unsigned row, unsigned col, char *buf)
{
	char letters[8];
	int n = 0, i;

	col++;
	while (col && n < 7) {
		letters[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		buf[i] = letters[n - 1 - i];
	snprintf(buf + n, 16 - (size_t)n, "%u", row + 1);
	return buf;
}

/* Whether the file is CSV: by its name, else by its first bytes. */
static int is_csv(const char *path)
{
	const char *dot = strrchr(path, '.');
	unsigned char head[8] = { 0 };
	FILE *f;
	size_t n;

	if (!strcmp(path, "-") || (dot && !strchr(dot, '/') && (!strcasecmp(dot, ".csv") || !strcasecmp(dot, ".txt"))))
		return 1;
	if (dot && !strchr(dot, '/') && (!strcasecmp(dot, ".xlsx") || !strcasecmp(dot, ".xlsm") ||
					 !strcasecmp(dot, ".xls")))
		return 0;
	if (!(f = fopen(path, "rb")))
		return 0; /* the workbook reader says why */
	n = fread(head, 1, sizeof(head), f);
	fclose(f);
	return !(n >= 4 && !memcmp(head, "PK\x03\x04", 4)) && !(n == 8 && !memcmp(head, "\xD0\xCF\x11\xE0", 4));
}

int ldr_sheet_read_path(struct ldr_workbook *wb, const char *path, const char *only, int *csv,
			struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT, e = LDR_BUF_INIT;
	int r;

	*csv = is_csv(path);
	if (!*csv)
		return ldr_xlsx_read(wb, path, only, err);
	if (ldr_file_read(path, &text, &e) < 0) {
		memset(wb, 0, sizeof(*wb));
		ldr_buf_addf(err, "%s\n", e.s);
		ldr_buf_release(&e);
		ldr_buf_release(&text); /* what was read of a file too large */
		return -1;
	}
	r = ldr_csv_read(wb, path, text.s ? text.s : "", text.len, err);
	ldr_buf_release(&text);
	return r;
}
