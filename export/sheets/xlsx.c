#include "xlsx.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define COLOUR_HEADER 0x005EB8  /* NHS blue */
#define COLOUR_SECTION 0xE8EDEE /* NHS pale grey */
#define COLOUR_NOTE 0x425563    /* NHS dark grey */
#define COLOUR_BORDER 0x808080  /* mid grey: clear in print, not heavy */
#define PAPER_A4 9
#define PAPER_A3 8
#define WIDTH_MIN 6.0
#define WIDTH_MAX 60.0
#define SHEET_NAME_MAX 31

static void failed(struct ldr_xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->error == LXW_NO_ERROR)
		x->error = e;
}

static lxw_format *format(struct ldr_xlsx *x, int wrap)
{
	lxw_format *f = workbook_add_format(x->wb);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (wrap)
		format_set_text_wrap(f);
	return f;
}

static lxw_format *boxed(lxw_format *f)
{
	format_set_border(f, LXW_BORDER_THIN);
	format_set_border_color(f, COLOUR_BORDER);
	return f;
}

static void add_formats(struct ldr_xlsx *x)
{
	x->header = format(x, 1);
	format_set_bold(x->header);
	format_set_font_color(x->header, LXW_COLOR_WHITE);
	format_set_bg_color(x->header, COLOUR_HEADER);
	format_set_border(x->header, LXW_BORDER_THIN);
	x->text = format(x, 1);
	x->derived = format(x, 1);
	format_set_italic(x->derived);
	format_set_font_color(x->derived, COLOUR_NOTE);
	x->center = format(x, 0);
	format_set_align(x->center, LXW_ALIGN_CENTER);
	x->title = format(x, 0);
	format_set_bold(x->title);
	format_set_font_size(x->title, 14);
	x->note = format(x, 0);
	format_set_italic(x->note);
	format_set_font_color(x->note, COLOUR_NOTE);
	x->label = format(x, 1);
	format_set_bold(x->label);
	x->section = format(x, 0);
	format_set_bold(x->section);
	format_set_font_size(x->section, 12);
	format_set_bg_color(x->section, COLOUR_SECTION);
	x->number = format(x, 0);
	format_set_num_format(x->number, "0");
	x->mean = format(x, 0);
	format_set_num_format(x->mean, "0.0");
	format_set_italic(x->mean);
	x->band = format(x, 1);
	format_set_bold(x->band);
	format_set_bg_color(x->band, COLOUR_SECTION);
	boxed(x->band);
	x->cell = boxed(format(x, 1));
	x->cell_derived = boxed(format(x, 1));
	format_set_italic(x->cell_derived);
	format_set_font_color(x->cell_derived, COLOUR_NOTE);
	x->cell_center = boxed(format(x, 0));
	format_set_align(x->cell_center, LXW_ALIGN_CENTER);
	x->cell_label = boxed(format(x, 1));
	format_set_bold(x->cell_label);
	x->cell_number = boxed(format(x, 0));
	format_set_num_format(x->cell_number, "0");
	x->cell_mean = boxed(format(x, 0));
	format_set_num_format(x->cell_mean, "0.0");
	format_set_italic(x->cell_mean);
}

/* A table cell's format for one of the house formats. */
static lxw_format *in_table(struct ldr_xlsx *x, lxw_format *f)
{
	if (f == x->text || !f)
		return x->cell;
	if (f == x->derived)
		return x->cell_derived;
	if (f == x->center)
		return x->cell_center;
	if (f == x->label)
		return x->cell_label;
	if (f == x->number)
		return x->cell_number;
	if (f == x->mean)
		return x->cell_mean;
	return f;
}

/* Header and footer text is a little language in which & starts a code:
 * double it, and keep the text short (the limit is 255 bytes). */
static void add_footer_text(struct ldr_buf *b, const char *s, size_t max)
{
	struct ldr_buf clean = LDR_BUF_INIT;
	size_t i, chars = 0;

	ldr_text_clean(&clean, s ? s : "", 0);
	for (i = 0; i < clean.len; i++) {
		unsigned char c = (unsigned char)clean.s[i];
		if ((c & 0xC0) != 0x80 && chars++ == max) {
			ldr_buf_addstr(b, "\xE2\x80\xA6");
			break;
		}
		if (c == '\n' || c == '\t')
			c = ' ';
		if (c == '&')
			ldr_buf_addch(b, '&');
		ldr_buf_addch(b, (char)c);
	}
	ldr_buf_release(&clean);
}

static char *footer(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts, const char *title)
{
	struct ldr_buf b = LDR_BUF_INIT;

	ldr_buf_addstr(&b, "&L");
	add_footer_text(&b, rm->footprint.name, 60);
	ldr_buf_addstr(&b, ": ");
	add_footer_text(&b, title, 60);
	if (rm->footprint.version) {
		ldr_buf_addstr(&b, ", version ");
		add_footer_text(&b, rm->footprint.version, 12);
	}
	if (opts && opts->commit) {
		ldr_buf_addstr(&b, opts->uncommitted ? " (changes not committed, on commit " : " (commit ");
		add_footer_text(&b, opts->commit, 12);
		ldr_buf_addch(&b, ')');
	}
	ldr_buf_addstr(&b, "&RPage &P of &N");
	return ldr_buf_detach(&b);
}

int ldr_xlsx_open(struct ldr_xlsx *x, const char *path, const struct ldr_roadmap *rm,
		  const struct ldr_export_opts *opts, const char *kind, const char *title,
		  struct ldr_buf *err)
{
	struct ldr_buf t = LDR_BUF_INIT, c = LDR_BUF_INIT, s = LDR_BUF_INIT;
	lxw_doc_properties props;

	memset(x, 0, sizeof(*x));
	x->opts = opts;
	x->kind = kind;
	int r = ldr_output_begin(&x->out, path, err);

	if (r < 0)
		return r;
	x->wb = workbook_new(x->out.tmp);
	if (!x->wb) {
		ldr_buf_addf(err, "%s: cannot create the workbook", path);
		ldr_output_abort(&x->out);
		return LDR_E_IO;
	}
	add_formats(x);
	x->footer = footer(rm, opts, title);
	ldr_text_clean(&t, title, 255);
	ldr_text_clean(&s, rm->footprint.name ? rm->footprint.name : "", 255);
	ldr_buf_addf(&c, "Written by ldr from the %s", ldr_roadmap_title(rm));
	if (opts && opts->commit)
		ldr_buf_addf(&c, opts->uncommitted ? ", with changes not committed, on commit %.40s"
						  : " at commit %.40s", opts->commit);
	memset(&props, 0, sizeof(props));
	props.title = t.s;
	props.subject = s.s;
	props.comments = c.s;
	props.created = ldr_export_created(rm, opts);
	failed(x, workbook_set_properties(x->wb, &props));
	ldr_buf_release(&t);
	ldr_buf_release(&c);
	ldr_buf_release(&s);
	return 0;
}

/* libxlsxwriter prints its own errors on stderr ("[ERROR] workbook_close():
 * ... System error = File too large"): while it writes the file, stderr is
 * a pipe (never blocking: what does not fit is dropped), and what it said
 * is told in ldr's words. */
struct caught {
	int saved, pipe[2];
};

static void catch_stderr(struct caught *c)
{
	fflush(stderr);
	c->saved = -1;
	if (pipe(c->pipe) < 0)
		return;
	fcntl(c->pipe[0], F_SETFL, O_NONBLOCK);
	fcntl(c->pipe[1], F_SETFL, O_NONBLOCK);
	c->saved = dup(2);
	if (c->saved >= 0)
		dup2(c->pipe[1], 2);
	close(c->pipe[1]);
}

static void release_stderr(struct caught *c, struct ldr_buf *said)
{
	char buf[4096];
	ssize_t n;

	if (c->saved < 0) {
		close(c->pipe[0]);
		return;
	}
	fflush(stderr);
	dup2(c->saved, 2);
	close(c->saved);
	while ((n = read(c->pipe[0], buf, sizeof(buf))) > 0)
		ldr_buf_add(said, buf, (size_t)n);
	close(c->pipe[0]);
}

/* What went wrong, from libxlsxwriter's code and the system's words it
 * printed, if any. */
static void workbook_error(struct ldr_buf *err, const char *path, lxw_error e, const char *said)
{
	const char *sys = said ? strstr(said, "System error = ") : NULL;

	ldr_buf_addstr(err, "cannot write the workbook '");
	ldr_buf_addquoted(err, path, 200);
	ldr_buf_addstr(err, "': ");
	if (sys) {
		sys += strlen("System error = ");
		ldr_buf_add(err, sys, strcspn(sys, "\n"));
	} else if (e == LXW_ERROR_MEMORY_MALLOC_FAILED) {
		ldr_buf_addstr(err, "out of memory");
	} else if (e == LXW_ERROR_CREATING_TMPFILE || e == LXW_ERROR_READING_TMPFILE) {
		ldr_buf_addstr(err, "cannot use a temporary file in /tmp");
	} else {
		ldr_buf_addf(err, "libxlsxwriter error %d", (int)e);
	}
}

int ldr_xlsx_close(struct ldr_xlsx *x, struct ldr_buf *err)
{
	struct ldr_buf said = LDR_BUF_INIT;
	struct caught c;
	lxw_error e;
	int r = 0;

	catch_stderr(&c);
	e = workbook_close(x->wb);
	release_stderr(&c, &said);
	x->wb = NULL;
	if (x->error == LXW_NO_ERROR)
		x->error = e;
	if (x->error != LXW_NO_ERROR) {
		workbook_error(err, x->out.path, x->error, said.s);
		ldr_output_abort(&x->out);
		r = LDR_E_IO;
	} else {
		r = ldr_output_commit(&x->out, err);
	}
	ldr_buf_release(&said);
	free(x->footer);
	ldr_buf_release(&x->scratch);
	memset(x, 0, sizeof(*x));
	return r;
}

void ldr_sheet_name(struct ldr_buf *out, const char *s)
{
	struct ldr_buf clean = LDR_BUF_INIT;
	size_t i, chars = 0, start = out->len;

	ldr_text_clean(&clean, s ? s : "", 0);
	for (i = 0; i < clean.len; i++) {
		char c = clean.s[i];
		if (((unsigned char)c & 0xC0) != 0x80 && chars++ == SHEET_NAME_MAX)
			break;
		if (strchr("[]:*?/\\", c) || (unsigned char)c < 0x20)
			c = '-';
		ldr_buf_addch(out, c);
	}
	/* Apostrophes may not begin or end a name. */
	while (out->len > start && out->s[out->len - 1] == '\'')
		out->s[--out->len] = '\0';
	while (out->len > start && out->s[start] == '\'') {
		memmove(out->s + start, out->s + start + 1, out->len - start);
		out->len--;
	}
	if (out->len == start)
		ldr_buf_addstr(out, "Sheet");
	ldr_buf_release(&clean);
}

lxw_worksheet *ldr_xlsx_sheet(struct ldr_xlsx *x, const char *name)
{
	struct ldr_buf b = LDR_BUF_INIT;
	lxw_worksheet *ws;
	int n;

	ldr_sheet_name(&b, name);
	ws = workbook_get_worksheet_by_name(x->wb, b.s);
	for (n = 2; ws; n++) {
		/* Taken: end it with " (n)", within the limit. */
		char suffix[16];
		size_t keep = SHEET_NAME_MAX - (size_t)snprintf(suffix, sizeof(suffix), " (%d)", n);
		ldr_buf_reset(&b);
		ldr_sheet_name(&b, name);
		while (ldr_utf16_len(b.s) > keep) {
			do
				b.len--;
			while (b.len && ((unsigned char)b.s[b.len] & 0xC0) == 0x80);
			b.s[b.len] = '\0';
		}
		ldr_buf_addstr(&b, suffix);
		ws = workbook_get_worksheet_by_name(x->wb, b.s);
	}
	ws = workbook_add_worksheet(x->wb, b.s);
	ldr_buf_release(&b);
	if (!ws) {
		failed(x, LXW_ERROR_SHEETNAME_ALREADY_USED);
		return NULL;
	}
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, PAPER_A4);
	/* One page wide, as many tall as it takes (0 would say that to Excel,
	 * but LibreOffice reads it as one page). */
	worksheet_fit_to_pages(ws, 1, 32767);
	failed(x, worksheet_set_footer(ws, x->footer));
	return ws;
}

static void column_name(struct ldr_buf *b, lxw_col_t c)
{
	char tmp[8];
	int n = 0;

	c++;
	while (c) {
		tmp[n++] = (char)('A' + (c - 1) % 26);
		c = (lxw_col_t)((c - 1) / 26);
	}
	while (n)
		ldr_buf_addch(b, tmp[--n]);
}

const char *ldr_xlsx_list(struct ldr_xlsx *x, const char *name, const char *const *values, size_t n)
{
	struct ldr_buf ref = LDR_BUF_INIT;
	lxw_col_t col;
	size_t i;

	if (!n)
		return NULL;
	if (!x->lists) {
		x->lists = workbook_add_worksheet(x->wb, "Lists");
		if (!x->lists) {
			failed(x, LXW_ERROR_SHEETNAME_ALREADY_USED);
			return NULL;
		}
		worksheet_hide(x->lists);
	}
	col = (lxw_col_t)x->nlists++;
	ldr_xlsx_text(x, x->lists, 0, col, name, x->header, "Lists");
	for (i = 0; i < n; i++)
		ldr_xlsx_text(x, x->lists, (lxw_row_t)(i + 1), col, values[i], NULL, "Lists");
	ldr_buf_addstr(&ref, "=Lists!$");
	column_name(&ref, col);
	ldr_buf_addstr(&ref, "$2:$");
	column_name(&ref, col);
	ldr_buf_addf(&ref, "$%zu", n + 1);
	failed(x, workbook_define_name(x->wb, name, ref.s));
	ldr_buf_release(&ref);
	ldr_buf_reset(&x->scratch);
	ldr_buf_addf(&x->scratch, "=%s", name);
	return x->scratch.s;
}

void ldr_xlsx_text(struct ldr_xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		   lxw_format *f, const char *where)
{
	struct ldr_buf b = LDR_BUF_INIT;
	unsigned done;

	if (!ws)
		return;
	if (!s || !*s) {
		if (f)
			failed(x, worksheet_write_blank(ws, r, c, f));
		return;
	}
	done = ldr_text_clean(&b, s, LDR_CELL_MAX);
	if (done & LDR_TEXT_CUT)
		ldr_export_warn(x->opts, "%s: %s: text cut to the 32,767 characters a spreadsheet cell holds "
				"(it had %zu); the cell says where", x->kind, where, ldr_utf16_len(s));
	if (done & LDR_TEXT_REPLACED)
		ldr_export_warn(x->opts, "%s: %s: invalid UTF-8 or characters a spreadsheet cannot hold "
				"replaced with U+FFFD", x->kind, where);
	/* Always a string: text that looks like a formula stays text. */
	failed(x, worksheet_write_string(ws, r, c, b.s, f));
	ldr_buf_release(&b);
}

void ldr_xlsx_comment(struct ldr_xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
		      const char *text)
{
	struct ldr_buf b = LDR_BUF_INIT;
	lxw_comment_options o;

	if (!ws || !text || !*text)
		return;
	ldr_text_clean(&b, text, LDR_CELL_MAX);
	memset(&o, 0, sizeof(o));
	o.author = (char *)"ldr";
	o.x_scale = 2.5;
	o.y_scale = 2;
	failed(x, worksheet_write_comment_opt(ws, r, c, b.s, &o));
	ldr_buf_release(&b);
}

/* Text, in plain, or in italic with the reason as a note when derived. */
static void maybe_derived(struct ldr_xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
			  const char *s, const char *reason, const char *where, lxw_format *plain,
			  lxw_format *italic)
{
	struct ldr_buf note = LDR_BUF_INIT;

	if (!reason || !s || !*s) {
		ldr_xlsx_text(x, ws, r, c, s, plain, where);
		return;
	}
	ldr_xlsx_text(x, ws, r, c, s, italic, where);
	ldr_buf_addstr(&note, "Derived, not read from the source: ");
	ldr_buf_addstr(&note, reason);
	ldr_xlsx_comment(x, ws, r, c, note.s);
	ldr_buf_release(&note);
}

void ldr_xlsx_maybe_derived(struct ldr_xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
			    const char *s, const char *reason, const char *where)
{
	maybe_derived(x, ws, r, c, s, reason, where, x->text, x->derived);
}

const char *ldr_derived_reason(const struct ldr_map *derived, const char *field)
{
	size_t i;

	for (i = 0; i < derived->n; i++)
		if (derived->v[i].key && strcmp(derived->v[i].key, field) == 0)
			return derived->v[i].value ? derived->v[i].value : "";
	return NULL;
}

/* ---- row heights ---------------------------------------------------------- */

#define LINE_HEIGHT 15.0  /* points, for the default 11-point font */
#define ROW_HEIGHT_MAX 409.0

/* The lengths in characters of each line of s, for each call of fn. */
static void each_line(const char *s, void (*fn)(unsigned len, void *payload), void *payload)
{
	unsigned len = 0;

	if (!s)
		return;
	for (;; s++) {
		if (!*s || *s == '\n') {
			fn(len, payload);
			len = 0;
			if (!*s)
				return;
		} else if (((unsigned char)*s & 0xC0) != 0x80) {
			len++;
		}
	}
}

/* Text runs about 1.1 characters to a unit of width (a digit's width),
 * less a character of padding; erring on the tall side, as a cut line is
 * worse than a blank one. */
static unsigned wrapped(unsigned len, double width)
{
	unsigned per = width > 2 ? (unsigned)(width * 1.1 - 1) : 1;
	return len ? (len + per - 1) / per : 1;
}

struct count {
	double width;
	unsigned lines;
};

static void count_line(unsigned len, void *payload)
{
	struct count *c = payload;
	c->lines += wrapped(len, c->width);
}

unsigned ldr_text_lines(const char *s, double width)
{
	struct count c = { width, 0 };
	each_line(s, count_line, &c);
	return c.lines ? c.lines : 1;
}

void ldr_xlsx_row_lines(struct ldr_xlsx *x, lxw_worksheet *ws, lxw_row_t r, unsigned lines)
{
	double h = LINE_HEIGHT * lines;
	if (lines > 1 && ws)
		failed(x, worksheet_set_row(ws, r, h > ROW_HEIGHT_MAX ? ROW_HEIGHT_MAX : h, NULL));
}

/* ---- tables ---------------------------------------------------------------- */

#define WIDTH_FLOOR 12.0 /* columns are not squeezed narrower than this */
#define WIDTH_BUDGET 180.0

static void fit(struct ldr_table *t, size_t col, double w)
{
	if (col < t->ncols && w > t->width[col])
		t->width[col] = w;
}

static void record_line(unsigned len, void *payload)
{
	struct ldr_table *t = payload;
	ldr_grow((void **)&t->lines, &t->lines_cap, t->nlines + 1, sizeof(*t->lines));
	t->lines[t->nlines++] = len;
}

/* Keep the line lengths of the cell (the current row, col) and widen the
 * column to its widest line. */
static void record(struct ldr_table *t, size_t col, const char *s, int widen)
{
	size_t i, cell = (size_t)(t->row - t->head) * t->ncols + col, need = cell + 1;
	struct ldr_cell_lines *c;

	if (col >= t->ncols || !s)
		return;
	if (need > t->cells_cap) {
		size_t old = t->cells_cap;
		ldr_grow((void **)&t->cells, &t->cells_cap, need + t->ncols, sizeof(*t->cells));
		for (i = old; i < t->cells_cap; i++)
			t->cells[i].first = t->cells[i].n = 0;
	}
	c = &t->cells[cell];
	c->first = t->nlines;
	each_line(s, record_line, t);
	c->n = t->nlines - c->first;
	if (!widen)
		return;
	for (i = c->first; i < t->nlines; i++) {
		fit(t, col, (double)t->lines[i] + 1);
		t->chars[col] += t->lines[i];
	}
	t->filled[col]++;
}

static double longest_word(const char *s)
{
	unsigned len = 0, longest = 0;

	for (; s && *s; s++) {
		if (*s == ' ' || *s == '\n')
			len = 0;
		else if (((unsigned char)*s & 0xC0) != 0x80 && ++len > longest)
			longest = len;
	}
	return longest;
}

void ldr_table_begin(struct ldr_table *t, struct ldr_xlsx *x, lxw_worksheet *ws, lxw_row_t head,
		     const char *const *cols, size_t ncols)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	t->x = x;
	t->ws = ws;
	t->head = t->row = t->repeat = head;
	t->ncols = ncols;
	t->max_width = WIDTH_MAX;
	t->budget = WIDTH_BUDGET;
	t->width = ldr_calloc(ncols ? ncols : 1, sizeof(*t->width));
	t->chars = ldr_calloc(ncols ? ncols : 1, sizeof(*t->chars));
	t->filled = ldr_calloc(ncols ? ncols : 1, sizeof(*t->filled));
	for (i = 0; i < ncols; i++) {
		ldr_xlsx_text(x, ws, head, (lxw_col_t)i, cols[i], x->header, "header");
		/* A header wraps: as wide as its longest word, with room for
		 * the filter's button. */
		record(t, i, cols[i], 0);
		fit(t, i, longest_word(cols[i]) + 3);
	}
}

void ldr_table_row(struct ldr_table *t, const char *label)
{
	struct ldr_buf b = LDR_BUF_INIT;

	t->row++;
	free(t->label);
	ldr_buf_addstr(&b, "row ");
	ldr_buf_addf(&b, "%u", (unsigned)t->row + 1);
	if (label) {
		ldr_buf_addstr(&b, " (");
		ldr_buf_addquoted(&b, label, 40);
		ldr_buf_addch(&b, ')');
	}
	t->label = ldr_buf_detach(&b);
}

static void where(struct ldr_table *t, size_t col, struct ldr_buf *b)
{
	char n[32];
	size_t i = sizeof(n) - 1;

	/* For every cell, in case a warning names it: no printf. */
	ldr_buf_addstr(b, t->label ? t->label : "header");
	ldr_buf_addstr(b, ", column ");
	n[i] = '\0';
	col++;
	do {
		n[--i] = (char)('0' + col % 10);
		col /= 10;
	} while (col);
	ldr_buf_addstr(b, n + i);
}

/* Note that the cell (the current row, col) has been written. */
static void written(struct ldr_table *t, size_t col)
{
	size_t i, cell, need;

	if (col >= t->ncols || t->row <= t->head)
		return;
	cell = (size_t)(t->row - t->head - 1) * t->ncols + col;
	need = cell + 1;
	if (need > t->written_cap) {
		size_t old = t->written_cap;
		ldr_grow((void **)&t->written, &t->written_cap, need + t->ncols, sizeof(*t->written));
		for (i = old; i < t->written_cap; i++)
			t->written[i] = 0;
	}
	t->written[cell] = 1;
}

void ldr_table_derived(struct ldr_table *t, size_t col, const char *s, const char *reason)
{
	struct ldr_buf w = LDR_BUF_INIT;

	where(t, col, &w);
	maybe_derived(t->x, t->ws, t->row, (lxw_col_t)col, s, reason, w.s, t->x->cell, t->x->cell_derived);
	record(t, col, s, 1);
	written(t, col);
	ldr_buf_release(&w);
}

void ldr_table_styled(struct ldr_table *t, size_t col, const char *s, lxw_format *f)
{
	struct ldr_buf w = LDR_BUF_INIT;

	where(t, col, &w);
	ldr_xlsx_text(t->x, t->ws, t->row, (lxw_col_t)col, s, in_table(t->x, f), w.s);
	record(t, col, s, 1);
	written(t, col);
	ldr_buf_release(&w);
}

void ldr_table_text(struct ldr_table *t, size_t col, const char *s)
{
	ldr_table_derived(t, col, s, NULL);
}

void ldr_table_number(struct ldr_table *t, size_t col, double v, lxw_format *f)
{
	if (!t->ws)
		return;
	failed(t->x, worksheet_write_number(t->ws, t->row, (lxw_col_t)col, v, in_table(t->x, f)));
	fit(t, col, 6);
	written(t, col);
}

void ldr_table_list(struct ldr_table *t, size_t col, const char *formula, int strict,
		    const char *title, const char *message)
{
	lxw_data_validation v;
	char *f;

	if (!formula || !t->ws)
		return;
	f = ldr_strdup(formula);
	memset(&v, 0, sizeof(v));
	v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	v.value_formula = f;
	v.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
	v.input_title = (char *)title;
	v.input_message = (char *)message;
	v.error_title = (char *)title;
	v.error_message = (char *)message;
	failed(t->x, worksheet_data_validation_range(t->ws, t->head + 1, (lxw_col_t)col,
						     LXW_ROW_MAX - 1, (lxw_col_t)col, &v));
	free(f);
}

static double square_root(double x)
{
	double r = x > 1 ? x : 1;
	int i;

	for (i = 0; i < 40 && x > 0; i++)
		r = (r + x / r) / 2;
	return x > 0 ? r : 0;
}

/* The total width of the columns if each is as wide as level times its
 * weight allows, within its natural width and the floor. */
static double total_at(const struct ldr_table *t, const double *natural, const double *weight,
		       double level, double *out)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		double w = level * weight[i];
		w = w < WIDTH_FLOOR ? WIDTH_FLOOR : w;
		w = w > natural[i] ? natural[i] : w;
		if (out)
			out[i] = w;
		sum += w;
	}
	return sum;
}

/* Each column as wide as its widest line, within the limits. When they do
 * not fit the budget together, the wide ones are narrowed (and wrap) in
 * proportion to how much text they hold (the square root of their cells'
 * mean length), never below the floor. */
static void widths(struct ldr_table *t)
{
	double *natural = ldr_calloc(t->ncols, sizeof(*natural));
	double *weight = ldr_calloc(t->ncols, sizeof(*weight));
	double sum = 0, lo = 0, hi = 1;
	size_t i, k;

	for (i = 0; i < t->ncols; i++) {
		double w = t->width[i] + 1;
		natural[i] = w < WIDTH_MIN ? WIDTH_MIN : w > t->max_width ? t->max_width : w;
		weight[i] = t->filled[i] ? square_root(t->chars[i] / (double)t->filled[i]) : 1;
		weight[i] = weight[i] < 1 ? 1 : weight[i];
		sum += natural[i];
	}
	if (sum > t->budget) {
		while (total_at(t, natural, weight, hi, NULL) < t->budget && hi < 1e6)
			hi *= 2;
		for (k = 0; k < 60; k++) {
			double mid = (lo + hi) / 2;
			if (total_at(t, natural, weight, mid, NULL) > t->budget)
				hi = mid;
			else
				lo = mid;
		}
		total_at(t, natural, weight, lo, natural);
	}
	for (i = 0; i < t->ncols; i++)
		t->width[i] = (double)(long)(natural[i] * 4 + 0.5) / 4; /* a tidy figure */
	free(natural);
	free(weight);
}

static void heights(struct ldr_table *t)
{
	lxw_row_t r;
	size_t c, k;

	for (r = t->head; r <= t->row; r++) {
		unsigned lines = 1;
		for (c = 0; c < t->ncols; c++) {
			size_t cell = (size_t)(r - t->head) * t->ncols + c;
			unsigned n = 0;
			if (cell >= t->cells_cap)
				break;
			for (k = 0; k < t->cells[cell].n; k++)
				n += wrapped(t->lines[t->cells[cell].first + k], t->width[c]);
			lines = n > lines ? n : lines;
		}
		ldr_xlsx_row_lines(t->x, t->ws, r, lines);
	}
}

/* Every cell of the body that nothing was written in: a blank with the
 * border, so that the grid is whole. */
static void blanks(struct ldr_table *t)
{
	lxw_row_t r;
	size_t c;

	for (r = t->head + 1; r <= t->row; r++)
		for (c = 0; c < t->ncols; c++) {
			size_t cell = (size_t)(r - t->head - 1) * t->ncols + c;
			if (cell >= t->written_cap || !t->written[cell])
				failed(t->x, worksheet_write_blank(t->ws, r, (lxw_col_t)c, t->x->cell));
		}
}

/* Paper sizes (landscape) less libxlsxwriter's margins (0.7 inch each
 * side), in points. */
#define PRINTABLE_A4 (841.89 - 100.8)
#define PRINTABLE_A3 (1190.55 - 100.8)
#define FONT_PT 11.0

/* The scale the table prints at when fitted to printable points: a column
 * w wide is about 7w + 5 pixels of 0.75 points (Calibri 11's digit is 7
 * pixels wide; LibreOffice's columns measured 1-2% wider), and the scale
 * is a whole percentage, rounded down. */
static double fitted_scale(const struct ldr_table *t, double printable)
{
	double pt = 0, scale;
	size_t i;

	for (i = 0; i < t->ncols; i++)
		pt += (7 * t->width[i] + 5) * 0.75 * 1.02;
	scale = pt > 0 ? printable / pt : 1;
	return scale > 1 ? 1 : (double)(long)(scale * 100) / 100;
}

/* A4, unless the text would print smaller than LDR_PRINT_MIN_PT there. */
static void paper(struct ldr_table *t)
{
	t->paper = PAPER_A4;
	t->printed = fitted_scale(t, PRINTABLE_A4);
	if (t->printed * FONT_PT >= LDR_PRINT_MIN_PT)
		return;
	t->paper = PAPER_A3;
	t->printed = fitted_scale(t, PRINTABLE_A3);
	worksheet_set_paper(t->ws, PAPER_A3);
}

void ldr_table_end(struct ldr_table *t)
{
	size_t i;

	if (t->ws && t->ncols) {
		widths(t);
		for (i = 0; i < t->ncols; i++)
			failed(t->x, worksheet_set_column(t->ws, (lxw_col_t)i, (lxw_col_t)i, t->width[i], NULL));
		heights(t);
		blanks(t);
		paper(t);
		worksheet_freeze_panes(t->ws, t->head + 1, 0);
		failed(t->x, worksheet_autofilter(t->ws, t->head, 0, t->row, (lxw_col_t)(t->ncols - 1)));
		failed(t->x, worksheet_repeat_rows(t->ws, t->repeat <= t->head ? t->repeat : t->head, t->head));
	}
	free(t->written);
	t->written = NULL;
	free(t->width);
	free(t->chars);
	free(t->filled);
	free(t->label);
	free(t->lines);
	free(t->cells);
	t->width = NULL;
	t->label = NULL;
	t->lines = NULL;
	t->cells = NULL;
}
