/* Tables in sheets as people lay them out: title rows above the header row,
 * which is found wherever it is by its headings; columns matched by the
 * headings people use; other headings kept as extra columns; rows read with
 * merged ranges filled in (a group's name merged down its rows is the
 * group of each). */
#include "imp.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ACTIVE 1024 /* merged ranges over one row: more is refused */

int imp_col_key(const struct imp_col *cols, size_t n, const char *heading)
{
	size_t i, len = strlen(heading);

	for (i = 0; i < n && len; i++) {
		const char *p = cols[i].names;
		while (p) {
			const char *bar = strchr(p, '|');
			size_t k = bar ? (size_t)(bar - p) : strlen(p);
			if (k == len && !memcmp(p, heading, len))
				return cols[i].key;
			p = bar ? bar + 1 : NULL;
		}
	}
	return -1;
}

/* The cells of row r: [*first, *end) in s->cells, from *first. */
static size_t row_end(const struct ldr_sheet *s, size_t first)
{
	size_t end = first;
	while (end < s->n && s->cells[end].row == s->cells[first].row)
		end++;
	return end;
}

/* Map the headings of the cells [first, end) onto keys; 1 when every
 * required key has its column. */
static int map_row(struct imp_table *t, const struct imp_col *cols, size_t n, size_t first, size_t end)
{
	size_t i;

	for (i = 0; i < IMP_MAX_KEYS; i++)
		t->col[i] = -1;
	for (i = first; i < end; i++) {
		char *h = imp_heading(t->s->cells[i].text);
		int k = imp_col_key(cols, n, h);
		if (k >= 0 && t->col[k] < 0)
			t->col[k] = (int)t->s->cells[i].col;
		free(h);
	}
	for (i = 0; i < n; i++)
		if (cols[i].required && t->col[cols[i].key] < 0)
			return 0;
	return 1;
}

/* The extra columns: headings that are no key, or a key's second column. */
static void extras(struct imp_table *t, const struct imp_col *cols, size_t n, size_t first, size_t end)
{
	size_t i;

	for (i = first; i < end; i++) {
		const struct ldr_cell *c = &t->s->cells[i];
		char *h = imp_heading(c->text), *name;
		int k = imp_col_key(cols, n, h);
		free(h);
		if (k >= 0 && t->col[k] == (int)c->col)
			continue;
		if (k >= 0)
			imp_warn(t->im, t->s, c->row, c->col, "a second %s column: read as an extra column",
				 imp_q(t->im, c->text));
		name = imp_norm(c->text); /* one line, as written but for blanks */
		if (!*name) {
			free(name);
			continue;
		}
		t->extra = ldr_realloc(t->extra, (t->nextra + 1) * sizeof(*t->extra));
		t->extra_name = ldr_realloc(t->extra_name, (t->nextra + 1) * sizeof(*t->extra_name));
		t->extra[t->nextra] = c->col;
		free(name);
		name = ldr_strdup(c->text);
		for (h = name; *h; h++)
			if (*h == '\n' || *h == '\r' || *h == '\t')
				*h = ' ';
		t->extra_name[t->nextra++] = imp_pool_add(&t->im->pool, name);
	}
}

static int merge_cmp(const void *a, const void *b)
{
	const struct ldr_merge *x = a, *y = b;
	return (x->row0 > y->row0) - (x->row0 < y->row0);
}

/* The merged ranges below the header, in the order rows reach them. */
static void below(struct imp_table *t)
{
	size_t i;

	for (i = 0; i < t->s->nmerges; i++) {
		const struct ldr_merge *m = &t->s->merges[i];
		if (m->row1 <= t->head || m->row1 < m->row0 || m->col1 < m->col0)
			continue;
		t->merges = ldr_realloc(t->merges, (t->nmerges + 1) * sizeof(*t->merges));
		t->merges[t->nmerges++] = *m;
	}
	if (t->nmerges)
		qsort(t->merges, t->nmerges, sizeof(*t->merges), merge_cmp);
}

int imp_table_find(struct imp *im, const struct ldr_sheet *s, const struct imp_col *cols, size_t n,
		   struct imp_table *t)
{
	size_t first = 0, end;

	memset(t, 0, sizeof(*t));
	t->im = im;
	t->s = s;
	for (; first < s->n && s->cells[first].row < IMP_HEAD_ROWS; first = end) {
		end = row_end(s, first);
		if (!map_row(t, cols, n, first, end))
			continue;
		t->head = s->cells[first].row;
		extras(t, cols, n, first, end);
		t->ncols = s->cols;
		t->cells = ldr_calloc(t->ncols + 1, sizeof(*t->cells));
		t->next = end;
		t->row = t->head;
		below(t);
		if (first > 0 && !im->title) {
			im->title = s->cells[0].text;
			im->title_sheet = s;
			im->title_row = s->cells[0].row;
			im->title_col = s->cells[0].col;
		}
		return 0;
	}
	return -1;
}

/* Fill the row's empty cells that a merged range covers with the value of
 * its first cell. */
static int fill_merges(struct imp_table *t)
{
	size_t i, kept = 0;

	while (t->next_merge < t->nmerges && t->merges[t->next_merge].row0 <= t->row) {
		if (t->nactive == MAX_ACTIVE) {
			imp_error(t->im, t->s, t->row, (unsigned)-1, "more than %d merged ranges over one row: "
				  "refused", MAX_ACTIVE);
			return -1;
		}
		t->active = ldr_realloc(t->active, (t->nactive + 1) * sizeof(*t->active));
		t->active[t->nactive++] = &t->merges[t->next_merge++];
	}
	for (i = 0; i < t->nactive; i++) {
		const struct ldr_merge *m = t->active[i];
		const struct ldr_cell *top = ldr_sheet_cell(t->s, m->row0, m->col0);
		unsigned c;
		if (m->row1 < t->row)
			continue;
		t->active[kept++] = m;
		for (c = m->col0; top && c <= m->col1 && c < t->ncols; c++)
			if (!t->cells[c])
				t->cells[c] = top;
	}
	t->nactive = kept;
	return 0;
}

static void note_hidden(struct imp_table *t)
{
	if (!ldr_sheet_row_hidden(t->s, t->row))
		return;
	if (!t->hidden++)
		t->first_hidden = t->row;
}

int imp_table_next(struct imp_table *t)
{
	size_t end;

	if (t->next >= t->s->n)
		return 0;
	memset(t->cells, 0, (t->ncols + 1) * sizeof(*t->cells));
	t->row = t->s->cells[t->next].row;
	for (end = t->next; end < t->s->n && t->s->cells[end].row == t->row; end++)
		if (t->s->cells[end].col < t->ncols)
			t->cells[t->s->cells[end].col] = &t->s->cells[end];
	t->next = end;
	note_hidden(t);
	return fill_merges(t) < 0 ? 0 : 1;
}

struct imp_at imp_table_at_col(const struct imp_table *t, unsigned col)
{
	struct imp_at a;

	a.s = t->s;
	a.row = t->row;
	a.col = col;
	a.c = col < t->ncols ? t->cells[col] : NULL;
	if (a.c && !*a.c->text)
		a.c = NULL;
	return a;
}

struct imp_at imp_table_at(const struct imp_table *t, int key)
{
	struct imp_at a;

	if (key >= 0 && key < IMP_MAX_KEYS && t->col[key] >= 0)
		return imp_table_at_col(t, (unsigned)t->col[key]);
	memset(&a, 0, sizeof(a));
	a.s = t->s;
	a.row = t->row;
	a.col = (unsigned)-1;
	return a;
}

int imp_table_row_empty(const struct imp_table *t)
{
	size_t i;

	for (i = 0; i < IMP_MAX_KEYS; i++)
		if (t->col[i] >= 0 && imp_table_at(t, (int)i).c)
			return 0;
	for (i = 0; i < t->nextra; i++)
		if (imp_table_at_col(t, t->extra[i]).c)
			return 0;
	return 1;
}

void imp_table_release(struct imp_table *t)
{
	if (t->hidden)
		imp_warn(t->im, t->s, t->first_hidden, (unsigned)-1, "%u hidden row%s, from this one: imported "
			 "all the same (delete rows that should not be)", t->hidden, t->hidden == 1 ? "" : "s");
	free(t->extra);
	free(t->extra_name);
	free(t->cells);
	free(t->merges);
	free(t->active);
	memset(t, 0, sizeof(*t));
}

/* "Who, What": the required headings, for a message. */
static void required(struct ldr_buf *b, const struct imp_col *cols, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!cols[i].required)
			continue;
		ldr_buf_addf(b, "%s'%c%.*s'", b->len ? ", " : "", cols[i].names[0] - 'a' + 'A',
			     (int)strcspn(cols[i].names, "|") - 1, cols[i].names + 1);
	}
}

int imp_find_table(struct imp *im, const struct imp_col *cols, size_t n, const char *what,
		   struct imp_table *t)
{
	const struct ldr_workbook *wb = im->wb;
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;

	for (i = 0; i < wb->n; i++) {
		const struct ldr_sheet *s = &wb->sheets[i];
		if (im->o->sheet ? strcmp(s->name, im->o->sheet) != 0 : s->hidden)
			continue;
		if (imp_table_find(im, s, cols, n, t) == 0)
			return 0;
	}
	required(&b, cols, n);
	if (im->o->sheet)
		imp_error(im, ldr_workbook_sheet(wb, im->o->sheet), (unsigned)-1, 0, "no header row of %s "
			  "(with the headings %s) in its first %d rows", what, b.s, IMP_HEAD_ROWS);
	else
		imp_error(im, NULL, 0, 0, "no sheet has a header row of %s (with the headings %s) in its "
			  "first %d rows", what, b.s, IMP_HEAD_ROWS);
	ldr_buf_release(&b);
	return -1;
}
