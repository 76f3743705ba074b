/* The view engine: what every table view does the same way. */
#include "view.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../model/roadmap/index.h"
#include "app.h"
#include "text.h"

/* Detail lines are records of three fields: label, value, and a flag
 * ('d' for a derived value); the separators are control characters that
 * roadmap text can never hold. */
#define FS '\x1f'
#define RS '\x1e'

/* ---- filter and sort --------------------------------------------------------- */

void tui_view_cell(struct tui_view *v, size_t item, size_t col, struct ldr_buf *out,
		   enum tui_role *role)
{
	if (v->ops->columns[col].get)
		v->ops->columns[col].get(v, item, out, role);
	else if (v->ops->cell)
		v->ops->cell(v, item, col, out, role);
}

static void cell_text(struct tui_view *v, size_t item, size_t col, struct ldr_buf *b)
{
	enum tui_role role = TUI_ROLE_NORMAL;
	ldr_buf_reset(b);
	tui_view_cell(v, item, col, b, &role);
	if (!b->s)
		ldr_buf_add(b, "", 0);
}

/* A column named by a prefix of its title ("grp" does not match, "gr" does). */
static int column_named(const struct tui_view *v, const char *name, size_t len)
{
	size_t i;
	for (i = 0; i < v->ops->ncolumns; i++)
		if (len && strncasecmp(v->ops->columns[i].title, name, len) == 0)
			return (int)i;
	return -1;
}

/* Every term of the filter matches: "text" in any cell, "column:text" in
 * that column's. */
static int passes(struct tui_view *v, size_t item, struct ldr_buf *b)
{
	char *copy, *term, *save = NULL;
	int ok = 1;
	size_t c;

	if (!v->filter || !*v->filter)
		return 1;
	copy = ldr_strdup(v->filter);
	for (term = strtok_r(copy, " ", &save); term && ok; term = strtok_r(NULL, " ", &save)) {
		char *colon = strchr(term, ':');
		int col = colon ? column_named(v, term, (size_t)(colon - term)) : -1;
		if (col >= 0) {
			cell_text(v, item, (size_t)col, b);
			ok = tui_contains_ci(b->s, colon + 1);
			continue;
		}
		ok = 0;
		for (c = 0; c < v->ops->ncolumns && !ok; c++) {
			cell_text(v, item, c, b);
			ok = tui_contains_ci(b->s, term);
		}
	}
	free(copy);
	return ok;
}

/* A term "column:text" whose column this view has not: said in b, with
 * the columns it has. 1 when there is one. */
static int unknown_column(const struct tui_view *v, struct ldr_buf *b)
{
	char *copy = ldr_strdup(v->filter ? v->filter : ""), *term, *save = NULL;
	size_t i;
	int found = 0;

	for (term = strtok_r(copy, " ", &save); term && !found; term = strtok_r(NULL, " ", &save)) {
		char *colon = strchr(term, ':');
		if (!colon || colon == term || column_named(v, term, (size_t)(colon - term)) >= 0)
			continue;
		found = 1;
		ldr_buf_addf(b, "no column '%.*s' here (the columns: ", (int)(colon - term), term);
		for (i = 0; i < v->ops->ncolumns; i++)
			ldr_buf_addf(b, "%s%s", i ? ", " : "", v->ops->columns[i].title);
		ldr_buf_addf(b, "): '%s' is looked for as text", term);
	}
	free(copy);
	return found && v->ops->ncolumns;
}

int tui_text_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			const char *a0 = a, *b0 = b;
			size_t la, lb;
			while (*a0 == '0')
				a0++;
			while (*b0 == '0')
				b0++;
			for (a = a0; isdigit((unsigned char)*a); a++)
				;
			for (b = b0; isdigit((unsigned char)*b); b++)
				;
			la = (size_t)(a - a0);
			lb = (size_t)(b - b0);
			if (la != lb)
				return la < lb ? -1 : 1;
			if (memcmp(a0, b0, la))
				return memcmp(a0, b0, la);
			continue;
		}
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return tolower((unsigned char)*a) - tolower((unsigned char)*b);
		a++, b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

struct sorting {
	struct tui_view *v;
	char **keys;
};

static struct sorting *sort_ctx; /* qsort has no context argument in C11 */

static int by_column(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	struct tui_view *v = sort_ctx->v;
	const struct tui_column *c = &v->ops->columns[v->sort_col];
	int r;

	if (c->compare)
		r = c->compare(v, a, b);
	else if (v->ops->compare)
		r = v->ops->compare(v, a, b, (size_t)v->sort_col);
	else
		r = tui_text_cmp(sort_ctx->keys[a], sort_ctx->keys[b]);
	if (!r)
		r = (a > b) - (a < b); /* stable: the view's own order */
	return v->sort_reverse ? -r : r;
}

void tui_view_refilter(struct tui_view *v)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t keep = tui_view_item(v), was = v->sel, i;

	ldr_grow((void **)&v->rows, &v->rows_cap, v->nitems + 1, sizeof(*v->rows));
	v->nrows = 0;
	for (i = 0; i < v->nitems; i++)
		if (passes(v, i, &b))
			v->rows[v->nrows++] = i;
	if (v->sort_col >= 0 && (size_t)v->sort_col < v->ops->ncolumns && v->nrows > 1) {
		struct sorting s = { v, NULL };
		if (!v->ops->columns[v->sort_col].compare && !v->ops->compare) {
			s.keys = ldr_calloc(v->nitems, sizeof(*s.keys));
			for (i = 0; i < v->nrows; i++) {
				cell_text(v, v->rows[i], (size_t)v->sort_col, &b);
				s.keys[v->rows[i]] = ldr_strdup(b.s);
			}
		}
		sort_ctx = &s;
		qsort(v->rows, v->nrows, sizeof(*v->rows), by_column);
		sort_ctx = NULL;
		if (s.keys) {
			for (i = 0; i < v->nitems; i++)
				free(s.keys[i]);
			free(s.keys);
		}
	}
	ldr_buf_release(&b);
	v->sel = 0;
	/* The same item; else (it was the last, and is gone) the same line. */
	if (keep != (size_t)-1 && !tui_view_select_item(v, keep) && keep >= v->nitems)
		v->sel = was;
	if (v->sel >= v->nrows)
		v->sel = v->nrows ? v->nrows - 1 : 0;
}

int tui_view_click(struct tui_view *v, int y)
{
	size_t row;
	if (v->body_y < 0 || y < v->body_y || y >= v->body_y + v->body_height)
		return 0;
	row = v->top + (size_t)(y - v->body_y);
	if (row >= v->nrows)
		return 0;
	v->sel = row;
	return 1;
}

size_t tui_view_item(const struct tui_view *v)
{
	return v->sel < v->nrows ? v->rows[v->sel] : (size_t)-1;
}

int tui_view_select_item(struct tui_view *v, size_t item)
{
	size_t i;
	for (i = 0; i < v->nrows; i++)
		if (v->rows[i] == item) {
			v->sel = i;
			return 1;
		}
	return 0;
}

/* ---- drawing ------------------------------------------------------------------ */

/* The widths of the columns in cols terminal columns (one space between). */
static void widths(const struct tui_view *v, int cols, int *w)
{
	size_t i, n = v->ops->ncolumns;
	int fixed = 0, grow = 0, spare;

	for (i = 0; i < n; i++) {
		const struct tui_column *c = &v->ops->columns[i];
		int need = c->fit ? c->fit(v) : 0;
		w[i] = need > c->width ? (need < cols / 3 ? need : cols / 3 > c->width ? cols / 3 : c->width)
				       : c->width;
		fixed += w[i];
		grow += c->grow;
	}
	fixed += (int)n - 1;
	spare = cols - fixed;
	for (i = 0; i < n; i++) {
		if (spare > 0 && grow > 0 && v->ops->columns[i].grow)
			w[i] += spare * v->ops->columns[i].grow / grow;
	}
	/* Too narrow: the columns of long text give way first, down to a few
	 * characters each (a cut name still reads; a cut status or year does
	 * not), then the last columns. */
	for (i = n; spare < 0 && i-- > 0;) {
		int give;
		if (!v->ops->columns[i].grow || w[i] <= 6)
			continue;
		give = w[i] - 6 < -spare ? w[i] - 6 : -spare;
		w[i] -= give;
		spare += give;
	}
	for (i = n; spare < 0 && i-- > 0;) {
		int give = w[i] - 1 < -spare ? w[i] - 1 : -spare;
		w[i] -= give;
		spare += give;
	}
}

void tui_view_scroll(struct tui_view *v, int height)
{
	size_t h = height > 0 ? (size_t)height : 1;

	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + h)
		v->top = v->sel - h + 1;
	/* No blank lines under the last row while earlier rows are hidden. */
	if (v->top + h > v->nrows)
		v->top = v->nrows > h ? v->nrows - h : 0;
}

static void draw_table(struct tui_view *v, int y, int height)
{
	struct ldr_buf b = LDR_BUF_INIT;
	int w[16], cols = tui_cols(), x, r;
	size_t c, n = v->ops->ncolumns < 16 ? v->ops->ncolumns : 16;

	widths(v, cols, w);
	if (v->ops->heading) {
		enum tui_role role = TUI_ROLE_LABEL;
		char *line = NULL, *save = NULL;
		v->ops->heading(v, &b, &role);
		for (line = b.s ? strtok_r(b.s, "\n", &save) : NULL; line && height > 2;
		     line = strtok_r(NULL, "\n", &save)) {
			tui_text(y++, 0, cols, line, role);
			height--;
		}
	}
	/* The header: the sorted column says so. */
	if (n > 1 || (n == 1 && v->ops->columns[0].title[0])) {
		tui_fill(y, 0, cols, TUI_ROLE_HEADER);
		for (c = 0, x = 0; c < n; x += w[c] + 1, c++) {
			ldr_buf_reset(&b);
			ldr_buf_addstr(&b, v->ops->columns[c].title);
			if ((int)c == v->sort_col)
				ldr_buf_addstr(&b, v->sort_reverse ? " \u25bc" : " \u25b2");
			tui_text(y, x, w[c], b.s, TUI_ROLE_HEADER);
		}
		height--;
		y++;
	}
	v->body_height = height;
	v->body_y = y;
	tui_view_scroll(v, height);
	for (r = 0; r < height; r++) {
		size_t row = v->top + (size_t)r;
		if (row >= v->nrows) {
			tui_fill(y + r, 0, cols, TUI_ROLE_NORMAL);
			continue;
		}
		tui_fill(y + r, 0, cols, row == v->sel ? TUI_ROLE_CURSOR : TUI_ROLE_NORMAL);
		for (c = 0, x = 0; c < n; x += w[c] + 1, c++) {
			enum tui_role role = TUI_ROLE_NORMAL;
			ldr_buf_reset(&b);
			tui_view_cell(v, v->rows[row], c, &b, &role);
			if (row == v->sel)
				role = TUI_ROLE_CURSOR;
			tui_text(y + r, x, w[c], b.s ? b.s : "", role);
		}
	}
	if (!v->nrows && height > 0)
		tui_text(y, 1, cols - 1, v->nitems ? "(nothing matches the filter)" : "(nothing here)",
			 TUI_ROLE_DIM);
	ldr_buf_release(&b);
}

const char *tui_wrap_piece(const char *s, int width, char *out, size_t len)
{
	size_t fit = tui_fit_bytes(s, width), cut = fit, i;

	if (fit < strlen(s)) {
		for (i = fit; i > 0 && s[i] != ' '; i--)
			;
		if (i > 0)
			cut = i;
	}
	if (cut == 0)
		cut = s[0] ? 1 : 0;
	if (cut >= len)
		cut = len - 1;
	memcpy(out, s, cut);
	out[cut] = '\0';
	s += cut;
	while (*s == ' ')
		s++;
	return s;
}

/* One detail line: the label, then the value wrapped over as many rows as
 * it needs (and there are); returns the rows used. */
static int draw_field(int y, int height, int label_w, const char *label, const char *value,
		      enum tui_role role)
{
	int cols = tui_cols(), r = 0;
	const char *p = value;

	while (r < height) {
		char line[2048], piece[2048];
		const char *nl = strchr(p, '\n'), *rest;
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if (len >= sizeof(line))
			len = sizeof(line) - 1;
		memcpy(line, p, len);
		line[len] = '\0';
		rest = line;
		do {
			rest = tui_wrap_piece(rest, cols - label_w - 1, piece, sizeof(piece));
			tui_text(y + r, 0, label_w + 1, r == 0 ? label : "", TUI_ROLE_LABEL);
			tui_text(y + r, label_w + 1, cols - label_w - 1, piece, role);
			r++;
		} while (*rest && r < height);
		if (!nl)
			break;
		p = nl + 1;
	}
	return r;
}

static void draw_detail(struct tui_view *v, int y, int height)
{
	struct ldr_buf lines = LDR_BUF_INIT;
	size_t item = tui_view_item(v);
	int cols = tui_cols(), r = 0, label_w = 13;
	char *rec, *save = NULL, sep[2] = { RS, 0 };

	tui_fill(y, 0, cols, TUI_ROLE_HEADER);
	if (item != (size_t)-1) {
		const struct ldr_kind *k;
		void *p;
		if (v->ops->detail)
			v->ops->detail(v, item, &lines);
		else if (v->ops->record && v->ops->record(v, item, &k, &p))
			tui_record_lines(v->app, k, p, &lines);
	}
	y++;
	height--;
	for (rec = lines.s ? strtok_r(lines.s, sep, &save) : NULL; rec && r < height;
	     rec = strtok_r(NULL, sep, &save)) {
		char *value = strchr(rec, FS), *flag;
		if (!value)
			continue;
		*value++ = '\0';
		flag = strchr(value, FS);
		if (flag)
			*flag++ = '\0';
		r += draw_field(y + r, height - r, label_w, rec, value,
				flag && *flag == 'd' ? TUI_ROLE_DIM : TUI_ROLE_NORMAL);
	}
	for (; r < height; r++)
		tui_fill(y + r, 0, cols, TUI_ROLE_NORMAL);
	ldr_buf_release(&lines);
}

void tui_view_draw(struct tui_view *v, int y, int height, int detail)
{
	int dh = detail ? height * 2 / 5 : 0;
	if (dh < 4)
		dh = detail && height >= 10 ? 4 : 0;
	if (v->ops->draw)
		v->ops->draw(v, y, height - dh);
	else
		draw_table(v, y, height - dh);
	if (dh)
		draw_detail(v, y + height - dh, dh);
}

/* ---- actions ---------------------------------------------------------------- */

static void move_by(struct tui_view *v, long d)
{
	long sel = (long)v->sel + d;
	if (sel >= (long)v->nrows)
		sel = (long)v->nrows - 1;
	if (sel < 0)
		sel = 0;
	v->sel = (size_t)sel;
}

int tui_view_search(struct tui_view *v, int dir)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i, c;
	int found = 0;

	if (!v->search || !*v->search || !v->nrows)
		return 0;
	for (i = 1; i <= v->nrows && !found; i++) {
		size_t row = (v->sel + (dir > 0 ? i : v->nrows * 2 - i)) % v->nrows;
		for (c = 0; c < v->ops->ncolumns && !found; c++) {
			cell_text(v, v->rows[row], c, &b);
			if (tui_contains_ci(b.s, v->search)) {
				/* Past the last row to the first, or back past the first. */
				found = (dir > 0 ? row <= v->sel : row >= v->sel) ? 2 : 1;
				v->sel = row;
			}
		}
	}
	ldr_buf_release(&b);
	return found;
}

/* What a search came to: nothing, or a match past the end (from the top
 * again, as vi says so). */
static void say_found(struct tui_view *v, int found, int dir)
{
	if (!found)
		tui_app_say(v->app, TUI_ROLE_WARNING, "no match for '%s'", v->search);
	else if (found == 2)
		tui_app_say(v->app, TUI_ROLE_NORMAL, "search went round to the %s",
			    dir > 0 ? "top" : "bottom");
}

static void say_order(struct tui_view *v)
{
	if (v->sort_col >= 0)
		tui_app_say(v->app, TUI_ROLE_NORMAL, "sorted by %s, %s",
			    v->ops->columns[v->sort_col].title,
			    v->sort_reverse ? "descending" : "ascending");
	else
		tui_app_say(v->app, TUI_ROLE_NORMAL, "in the view's own order");
}

/* 'f': the filter, and how many rows it leaves (and a column it names
 * that is not here). */
static void ask_filter(struct tui_view *v)
{
	struct ldr_buf said = LDR_BUF_INIT;
	char *s = tui_app_prompt(v->app, "filter (text, or column:text): ", v->filter ? v->filter : "");

	if (!s)
		return;
	free(v->filter);
	v->filter = *s ? s : (free(s), NULL);
	tui_view_refilter(v);
	if (unknown_column(v, &said))
		tui_app_say(v->app, TUI_ROLE_WARNING, "%s; %zu of %zu shown", said.s, v->nrows, v->nitems);
	else
		tui_app_say(v->app, TUI_ROLE_NORMAL, "%zu of %zu shown", v->nrows, v->nitems);
	ldr_buf_release(&said);
}

int tui_view_handle(struct tui_view *v, enum tui_action a)
{
	long page = v->body_height > 1 ? v->body_height - 1 : 1;
	char *s;

	switch (a) {
	case TUI_MOVE_DOWN: move_by(v, 1); return 1;
	case TUI_MOVE_UP: move_by(v, -1); return 1;
	case TUI_PAGE_DOWN: move_by(v, page); return 1;
	case TUI_PAGE_UP: move_by(v, -page); return 1;
	case TUI_HALF_DOWN: move_by(v, page / 2 ? page / 2 : 1); return 1;
	case TUI_HALF_UP: move_by(v, -(page / 2 ? page / 2 : 1)); return 1;
	case TUI_MOVE_FIRST: v->sel = 0; return 1;
	case TUI_MOVE_LAST: v->sel = v->nrows ? v->nrows - 1 : 0; return 1;
	case TUI_SEARCH:
		s = tui_app_prompt(v->app, "/", "");
		if (s) {
			free(v->search);
			v->search = s;
			say_found(v, tui_view_search(v, 1), 1);
		}
		return 1;
	case TUI_SEARCH_NEXT:
	case TUI_SEARCH_PREV:
		if (!v->search)
			tui_app_say(v->app, TUI_ROLE_NORMAL, "no search yet: '/' searches");
		else
			say_found(v, tui_view_search(v, a == TUI_SEARCH_NEXT ? 1 : -1),
				  a == TUI_SEARCH_NEXT ? 1 : -1);
		return 1;
	case TUI_FILTER:
		ask_filter(v);
		return 1;
	/* The header always says the order: a column's title and its
	 * arrow, or no arrow for the view's own order, which is never shown
	 * reversed (reversing it sorts by the first column, down). */
	case TUI_SORT:
		if (!v->ops->ncolumns)
			return 0;
		v->sort_col = v->sort_col + 1 >= (int)v->ops->ncolumns ? -1 : v->sort_col + 1;
		if (v->sort_col < 0)
			v->sort_reverse = 0;
		tui_view_refilter(v);
		say_order(v);
		return 1;
	case TUI_SORT_REVERSE:
		if (!v->ops->ncolumns)
			return 0;
		if (v->sort_col < 0) {
			v->sort_col = 0;
			v->sort_reverse = 1;
		} else {
			v->sort_reverse = !v->sort_reverse;
		}
		tui_view_refilter(v);
		say_order(v);
		return 1;
	default:
		return 0;
	}
}

/* ---- a record as detail lines ------------------------------------------------------ */

void tui_detail_line(struct ldr_buf *b, const char *label, const char *value, int derived)
{
	ldr_buf_addstr(b, label);
	ldr_buf_addch(b, FS);
	ldr_buf_addstr(b, value ? value : "");
	ldr_buf_addch(b, FS);
	ldr_buf_addch(b, derived ? 'd' : '-');
	ldr_buf_addch(b, RS);
}

static const char *derived_reason(const struct ldr_kind *k, const void *rec, const char *field)
{
	int fi = ldr_kind_field(k, "derived");
	const struct ldr_map *m;
	size_t i;
	if (fi < 0)
		return NULL;
	m = LDR_CFIELD(rec, &k->fields[fi]);
	for (i = 0; i < m->n; i++)
		if (!strcmp(m->v[i].key, field))
			return m->v[i].value;
	return NULL;
}

/* What a referred record is called: a group's name, a project's name... */
static const char *ref_name(struct tui_app *app, const struct ldr_kind *target, const char *id)
{
	const struct ldr_ref *r;
	size_t i;
	if (target == &ldr_kind_group)
		return ldr_group_name(&app->ix, id);
	r = ldr_index_find(&app->ix, id);
	if (!r || r->kind != target)
		return NULL;
	for (i = 1; i < target->nfields; i++) {
		const struct ldr_field *f = &target->fields[i];
		if (f->type == LDR_F_STR)
			return *(char *const *)LDR_CFIELD(r->rec, f);
	}
	return NULL;
}

void tui_field_value(struct tui_app *app, const struct ldr_field *f, const void *p,
		     struct ldr_buf *v)
{
	char t[LDR_TIME_STR_MAX];
	size_t i;

	switch (f->type) {
	case LDR_F_ID: case LDR_F_STR: case LDR_F_TEXT:
		ldr_buf_addstr(v, *(char *const *)p);
		break;
	case LDR_F_REF: {
		const char *id = *(char *const *)p, *name = ref_name(app, f->kind, id);
		ldr_buf_addstr(v, id);
		if (name)
			ldr_buf_addf(v, "  %s", name);
		else
			ldr_buf_addstr(v, "  (no such record)");
		break;
	}
	case LDR_F_REFS: case LDR_F_STRS: {
		const struct ldr_strv *s = p;
		for (i = 0; i < s->n; i++) {
			const char *name = f->type == LDR_F_REFS ? ref_name(app, f->kind, s->v[i]) : NULL;
			ldr_buf_addf(v, "%s%s", i ? "\n" : "", s->v[i]);
			if (f->type == LDR_F_REFS)
				ldr_buf_addf(v, "  %s", name ? name : "(no such record)");
		}
		break;
	}
	case LDR_F_ENUM:
		ldr_buf_addstr(v, f->values[*(const int *)p - 1]);
		break;
	case LDR_F_ENUMS:
		for (i = 0; f->values[i]; i++)
			if (*(const unsigned *)p & (1u << i))
				ldr_buf_addf(v, "%s%s", v->len ? ", " : "", f->values[i]);
		break;
	case LDR_F_TIME:
		ldr_buf_addstr(v, ldr_time_format(p, t));
		break;
	case LDR_F_BOOL:
		ldr_buf_addstr(v, *(const int *)p ? "yes" : "no");
		break;
	case LDR_F_INT:
		ldr_buf_addf(v, "%lld", ((const struct ldr_int *)p)->v);
		break;
	case LDR_F_ATTRS: {
		const struct ldr_map *m = p;
		for (i = 0; i < m->n; i++)
			ldr_buf_addf(v, "%s%s: %s", i ? "\n" : "", m->v[i].key, m->v[i].value);
		break;
	}
	case LDR_F_LIST: {
		const struct ldr_list *l = p;
		for (i = 0; i < l->len; i++) {
			const void *sub = ldr_list_at(l, f->kind, i);
			const char *id = ldr_rec_id(f->kind, sub);
			char key[LDR_TIME_STR_MAX];
			const char *k = id ? id : ldr_rec_key(f->kind, sub, key, sizeof(key));
			size_t j;
			ldr_buf_addf(v, "%s%s", i ? "\n" : "", k ? k : "-");
			/* Then its other one-line fields, briefly. */
			for (j = 0; j < f->kind->nfields; j++) {
				const struct ldr_field *g = &f->kind->fields[j];
				if (g->type == LDR_F_ID || (g->flags & LDR_FL_KEY) ||
				    !ldr_field_present(g, sub) || g->type == LDR_F_DERIVED ||
				    g->type == LDR_F_LIST || g->type == LDR_F_RECORD)
					continue;
				ldr_buf_addstr(v, "  ");
				tui_field_value(app, g, LDR_CFIELD(sub, g), v);
			}
		}
		break;
	}
	default:
		break;
	}
}

void tui_record_lines(struct tui_app *app, const struct ldr_kind *k, const void *rec,
		      struct ldr_buf *lines)
{
	struct ldr_buf v = LDR_BUF_INIT;
	size_t i;

	for (i = 0; i < k->nfields; i++) {
		const struct ldr_field *f = &k->fields[i];
		const char *why;
		if (f->type == LDR_F_DERIVED || f->type == LDR_F_RECORD || !ldr_field_present(f, rec))
			continue;
		ldr_buf_reset(&v);
		tui_field_value(app, f, LDR_CFIELD(rec, f), &v);
		why = derived_reason(k, rec, f->name);
		if (why)
			ldr_buf_addf(&v, "  (derived: %s)", why);
		tui_detail_line(lines, f->name, v.s, why != NULL);
	}
	tui_needed_by_lines(app, k, rec, lines);
	ldr_buf_release(&v);
}

int tui_view_compare_text(struct tui_view *v, size_t a, size_t b, size_t col)
{
	struct ldr_buf x = LDR_BUF_INIT, y = LDR_BUF_INIT;
	enum tui_role r;
	int c;

	tui_view_cell(v, a, col, &x, &r);
	tui_view_cell(v, b, col, &y, &r);
	c = strcmp(x.s ? x.s : "", y.s ? y.s : "");
	ldr_buf_release(&x);
	ldr_buf_release(&y);
	return c;
}
