/* The modal inputs of the form: a picker, filtered as you type, and an
 * editor for text of several lines. They read keys until an answer (the
 * form, a view, is the engine's), each key as the action the keymap binds
 * it to in their context ("picker", "editor"). */
#include "modal.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ---- reading keys in a modal ------------------------------------------------------ */

static int is_text_key(tui_key k)
{
	return k >= 0x20 && k < 0x110000 && k != 0x7F;
}

/* ---- the picker --------------------------------------------------------------------- */

/* A picker while it reads keys. */
struct picker {
	struct tui_pick *items;
	size_t n;
	int multi;
	char **typed;         /* not NULL: a value not in the list may be typed */
	struct ldr_buf filter;
	size_t *shown, nshown; /* the items that match the filter */
	size_t sel, top;      /* the one selected, the first on the screen (in shown) */
	unsigned char *was;   /* the marks on entry */
	int refilter;         /* the filter changed since shown was made */
	int height;           /* rows of items on the screen */
};

/* Whether Esc would lose something: marks changed, or a value typed (where
 * a value may be typed). The filter of a plain choice is only a filter. */
static int pick_changed(const struct picker *p)
{
	size_t i;
	if (p->typed && p->filter.len)
		return 1;
	for (i = 0; p->multi && i < p->n; i++)
		if (!p->items[i].on != !p->was[i])
			return 1;
	return 0;
}

/* The items that match the filter, keeping the one selected selected if
 * it still matches (at first, initial). */
static void pick_refilter(struct picker *p, size_t initial)
{
	size_t want = p->nshown ? p->shown[p->sel] : initial, i;
	p->nshown = 0;
	p->sel = 0;
	for (i = 0; i < p->n; i++)
		if (tui_contains_ci(p->items[i].label, p->filter.s ? p->filter.s : "")) {
			if (i == want)
				p->sel = p->nshown;
			p->shown[p->nshown++] = i;
		}
	p->refilter = 0;
}

/* Scroll so that the selected item is on the screen. */
static void pick_scroll(struct picker *p)
{
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)p->height)
		p->top = p->sel - (size_t)p->height + 1;
}

/* What each key does now: the hint depends on whether several may be
 * marked, a filter is typed, and anything matches it. */
static void pick_hint(const struct tui_app *app, const struct picker *p, struct ldr_buf *out)
{
	char down[24], up[24], mark[24], ok[24], esc[24], back[24];
	int typed = p->filter.len > 0;

	tui_keymap_label(&app->keymap, "picker", TUI_MOVE_DOWN, !typed, down, sizeof(down));
	tui_keymap_label(&app->keymap, "picker", TUI_MOVE_UP, !typed, up, sizeof(up));
	tui_keymap_label(&app->keymap, "picker", TUI_MARK, 1, mark, sizeof(mark));
	tui_keymap_label(&app->keymap, "picker", TUI_ACCEPT, 0, ok, sizeof(ok));
	tui_keymap_label(&app->keymap, "picker", TUI_CANCEL, 0, esc, sizeof(esc));
	tui_keymap_label(&app->keymap, "picker", TUI_DELETE_BEFORE, 0, back, sizeof(back));
	if (typed && !p->nshown)
		ldr_buf_addf(out, "nothing matches: %s edits the filter, %s %s, %s cancels", back, ok,
			     p->multi ? "keeps the marks" : p->typed ? "takes what is typed" : "does nothing",
			     esc);
	else if (p->multi)
		ldr_buf_addf(out, "%s/%s move, %s marks, %s %s, %s%s cancels", down, up, mark, ok,
			     typed ? "marks this one and keeps" : "keeps the marks",
			     typed ? "" : "type to filter, ", esc);
	else
		ldr_buf_addf(out, "%s/%s move, %s%s chooses, %s cancels", down, up,
			     typed ? "" : p->typed ? "type a value or filter, " : "type to filter, ", ok, esc);
}

static void pick_draw(struct tui_app *app, const struct picker *p, const char *title, int rows, int cols)
{
	struct ldr_buf line = LDR_BUF_INIT;
	int y, cx;

	tui_app_draw(app);
	ldr_buf_addf(&line, " %s   %s %s", title, p->typed ? "choose, or type:" : "filter:",
		     p->filter.s ? p->filter.s : "");
	cx = tui_width(line.s); /* the cursor, after the filter */
	ldr_buf_addstr(&line, "\u2502");
	tui_text(1, 0, cols, line.s, TUI_ROLE_HEADER);
	for (y = 0; y < p->height; y++) {
		size_t r = p->top + (size_t)y;
		tui_fill(2 + y, 0, cols, TUI_ROLE_NORMAL);
		if (r >= p->nshown) {
			if (r == 0)
				tui_text(2, 1, cols - 1, p->typed ? "nothing matches: Enter takes what "
								    "is typed" : "nothing matches the filter",
					 TUI_ROLE_DIM);
			continue;
		}
		ldr_buf_reset(&line);
		ldr_buf_addf(&line, "%s%s", p->multi ? p->items[p->shown[r]].on ? "[x] " : "[ ] " : "",
			     p->items[p->shown[r]].label);
		tui_text(2 + y, 1, cols - 1, line.s, r == p->sel ? TUI_ROLE_CURSOR : TUI_ROLE_NORMAL);
	}
	tui_fill(rows - 1, 0, cols, TUI_ROLE_STATUS);
	ldr_buf_reset(&line);
	if (app->message[0]) /* what was wrong with the last answer */
		tui_text(rows - 1, 0, cols, app->message, app->message_role);
	else
		pick_hint(app, p, &line), tui_text(rows - 1, 0, cols, line.s, TUI_ROLE_STATUS);
	move(1, cx < cols ? cx : cols - 1);
	tui_refresh();
	ldr_buf_release(&line);
}

/* The answer to Enter (and to a hang-up, but for the selection): 0 for
 * the marks (Enter after a filter marks the item highlighted too), the
 * item selected, or -2 for a value typed; 0 if there is no answer yet. */
static int pick_answer(struct picker *p, int selection, long *answer)
{
	if (p->multi) {
		if (selection && p->filter.len && p->nshown)
			p->items[p->shown[p->sel]].on = 1;
		*answer = 0;
	} else if (selection && p->nshown)
		*answer = (long)p->shown[p->sel];
	else if (p->typed && p->filter.len)
		*answer = -2, *p->typed = ldr_strdup(p->filter.s);
	else
		return 0;
	return 1;
}

/* Move the selection for an action that moves it; 0 for any other. */
static int pick_move(struct picker *p, enum tui_action a)
{
	size_t page = (size_t)p->height, last = p->nshown ? p->nshown - 1 : 0;

	switch (a) {
	case TUI_MOVE_DOWN:
		if (p->sel + 1 < p->nshown)
			p->sel++;
		break;
	case TUI_MOVE_UP:
		if (p->sel)
			p->sel--;
		break;
	case TUI_PAGE_DOWN: p->sel = p->sel + page < p->nshown ? p->sel + page : last; break;
	case TUI_PAGE_UP: p->sel = p->sel > page ? p->sel - page : 0; break;
	case TUI_MOVE_FIRST: p->sel = 0; break;
	case TUI_MOVE_LAST: p->sel = last; break;
	default: return 0;
	}
	return 1;
}

/* What a key bound in the picker does here: a character bound to an
 * action acts while no filter is typed (j and k move), and is text once
 * one is; but Space marks, filter or not, where several may be marked.
 * Marking means nothing in a list of one choice. */
static enum tui_action pick_action(const struct picker *p, enum tui_action a, tui_key k)
{
	if (a == TUI_MARK)
		return p->multi ? a : TUI_NONE;
	if (is_text_key(k) && p->filter.len)
		return TUI_NONE;
	return a;
}

/* An action that marks the selected item or edits the filter, or a
 * character typed into it. */
static void pick_type(struct tui_app *app, struct picker *p, enum tui_action a, tui_key k)
{
	if (a == TUI_MARK) {
		if (p->nshown)
			p->items[p->shown[p->sel]].on = !p->items[p->shown[p->sel]].on;
		return;
	}
	if (a == TUI_DELETE_BEFORE) {
		while (p->filter.len && ((unsigned char)p->filter.s[p->filter.len - 1] & 0xC0) == 0x80)
			p->filter.len--;
		if (p->filter.len)
			p->filter.s[--p->filter.len] = '\0';
	} else if (a == TUI_KILL_START) {
		ldr_buf_reset(&p->filter);
	} else if (k == TUI_KEY_PASTE) {
		tui_paste_clean(&p->filter, app->input->paste.s, app->input->paste.len, 0, 0);
	} else if (a == TUI_NONE && is_text_key(k)) {
		char u[4];
		ldr_buf_add(&p->filter, u, ldr_utf8_encode((unsigned)k, u));
	} else {
		return;
	}
	p->refilter = 1;
}

long tui_pick(struct tui_app *app, const char *title, struct tui_pick *items, size_t n,
	      size_t initial, int multi, char **typed)
{
	struct picker p = { items, n, multi, typed, LDR_BUF_INIT, NULL, 0, 0, 0, NULL, 1, 1 };
	long answer = -1;
	size_t i;

	p.shown = ldr_calloc(n + 1, sizeof(*p.shown));
	p.was = ldr_calloc(n + 1, 1);
	for (i = 0; i < n; i++)
		p.was[i] = items[i].on != 0;
	if (typed && *typed) {
		/* What was typed before, offered again. */
		ldr_buf_addstr(&p.filter, *typed);
		free(*typed);
		*typed = NULL;
	}
	curs_set(1);
	for (;;) {
		int rows = tui_rows(), cols = tui_cols();
		enum tui_action a;
		tui_key k;

		if (p.refilter)
			pick_refilter(&p, initial);
		p.height = rows - 3 < 1 ? 1 : rows - 3;
		pick_scroll(&p);
		pick_draw(app, &p, title, rows, cols);
		k = tui_app_context_key(app, "picker", &a);
		if (k == 0)
			continue;
		app->message[0] = '\0';
		if (k < 0) {
			/* The connection dropped: marks made are kept, and a
			 * time typed in is tried, as if Enter were pressed. */
			if (tui_hangup)
				pick_answer(&p, 0, &answer);
			break;
		}
		a = pick_action(&p, a, k);
		if (a == TUI_CANCEL) {
			if (!pick_changed(&p) ||
			    tui_app_choose(app, multi ? "discard the marks you made" : "discard what you typed",
					   NULL, "(y)es, (n)o: go on", "yn") == 'y')
				break;
			continue;
		}
		if (a == TUI_ACCEPT) {
			if (pick_answer(&p, 1, &answer))
				break;
			continue;
		}
		if (!pick_move(&p, a))
			pick_type(app, &p, a, k);
	}
	curs_set(0);
	free(p.shown);
	free(p.was);
	ldr_buf_release(&p.filter);
	return answer;
}

/* ---- the text editor ---------------------------------------------------------------- */

struct row {
	size_t start, end; /* bytes of the text shown on one screen row */
};

/* Where the text breaks into rows of width columns: at its line breaks,
 * and at the last blank that fits (or anywhere, for a long word). */
static size_t layout(const char *s, size_t len, int width, struct row **rows, size_t *cap)
{
	size_t n = 0, p = 0;
	for (;;) {
		size_t nl = p, fit, cut;
		while (nl < len && s[nl] != '\n')
			nl++;
		do {
			char save;
			ldr_grow((void **)rows, cap, n + 1, sizeof(**rows));
			save = ((char *)s)[nl];
			((char *)s)[nl] = '\0';
			fit = tui_fit_bytes(s + p, width - 1);
			((char *)s)[nl] = save;
			cut = p + fit;
			if (cut < nl) {
				size_t b = cut;
				while (b > p && s[b - 1] != ' ')
					b--;
				if (b > p)
					cut = b;
			}
			(*rows)[n].start = p;
			(*rows)[n].end = cut;
			n++;
			p = cut;
		} while (p < nl);
		if (nl >= len)
			break;
		p = nl + 1;
	}
	return n;
}

static size_t row_of(const struct row *rows, size_t n, size_t cur)
{
	size_t r;
	for (r = n; r-- > 0;)
		if (rows[r].start <= cur)
			return r;
	return 0;
}

static int width_of(const char *s, size_t a, size_t b)
{
	char *t = ldr_malloc(b - a + 1);
	int w;
	memcpy(t, s + a, b - a);
	t[b - a] = '\0';
	w = tui_width(t);
	free(t);
	return w;
}

/* The byte in row r nearest to column col. */
static size_t at_column(const char *s, const struct row *r, int col)
{
	size_t p = r->start;
	while (p < r->end && width_of(s, r->start, p) < col) {
		p++;
		while (p < r->end && ((unsigned char)s[p] & 0xC0) == 0x80)
			p++;
	}
	return p;
}

/* Insert n bytes at *cur, and move it after them. */
static void insert_at(struct ldr_buf *b, size_t *cur, const char *s, size_t n)
{
	ldr_buf_add(b, s, n); /* grow, then open the gap */
	memmove(b->s + *cur + n, b->s + *cur, b->len - n - *cur);
	memcpy(b->s + *cur, s, n);
	*cur += n;
}

/* The editor while it reads keys. */
struct editor {
	struct ldr_buf b;  /* the text */
	size_t cur;        /* the cursor: a byte of b */
	struct row *rows;  /* b in rows of the screen */
	size_t n, cap;     /* rows laid out, and room for */
	size_t r, top;     /* the cursor's row, the first row on the screen */
};

/* Lay the text out in rows of cols columns, and scroll so that the
 * cursor's row is among the height on the screen. */
static void edit_layout(struct editor *e, int cols, int height)
{
	e->n = layout(e->b.s, e->b.len, cols - 1, &e->rows, &e->cap);
	e->r = row_of(e->rows, e->n, e->cur);
	if (e->r < e->top)
		e->top = e->r;
	if (e->r >= e->top + (size_t)height)
		e->top = e->r - (size_t)height + 1;
}

/* The editor's keys, as the keymap binds them. */
static void edit_hint(const struct tui_app *app, struct ldr_buf *out)
{
	char keep[24], esc[24], nl[24];
	const struct tui_keymap *km = &app->keymap;
	ldr_buf_addf(out, "%s keeps the text, %s cancels; %s starts a new line",
		     tui_keymap_label(km, "editor", TUI_ACCEPT, 0, keep, sizeof(keep)),
		     tui_keymap_label(km, "editor", TUI_CANCEL, 0, esc, sizeof(esc)),
		     tui_keymap_label(km, "editor", TUI_NEWLINE, 0, nl, sizeof(nl)));
}

static void edit_draw(struct tui_app *app, struct editor *e, const char *title, int srows, int cols,
		      int height)
{
	struct ldr_buf head = LDR_BUF_INIT;
	int y, cx;

	tui_app_draw(app);
	ldr_buf_addf(&head, " %s", title);
	tui_text(1, 0, cols, head.s, TUI_ROLE_HEADER);
	ldr_buf_release(&head);
	for (y = 0; y < height; y++) {
		size_t i = e->top + (size_t)y;
		tui_fill(2 + y, 0, cols, TUI_ROLE_NORMAL);
		if (i < e->n) {
			char save = e->b.s[e->rows[i].end];
			e->b.s[e->rows[i].end] = '\0';
			tui_text_raw(2 + y, 1, cols - 1, e->b.s + e->rows[i].start, TUI_ROLE_NORMAL);
			e->b.s[e->rows[i].end] = save;
		}
	}
	tui_fill(srows - 1, 0, cols, TUI_ROLE_STATUS);
	edit_hint(app, &head);
	tui_text(srows - 1, 0, cols, head.s, TUI_ROLE_STATUS);
	ldr_buf_release(&head);
	cx = 1 + width_of(e->b.s, e->rows[e->r].start, e->cur);
	move(2 + (int)(e->r - e->top), cx < cols ? cx : cols - 1);
	tui_refresh();
}

/* Lines as they are; a tab as spaces (the file would keep one only in a
 * quoted line, out of the block); other control characters dropped. */
static void edit_paste(struct tui_app *app, struct editor *e)
{
	struct ldr_buf t = LDR_BUF_INIT;
	size_t line = e->cur;
	while (line && e->b.s[line - 1] != '\n')
		line--;
	tui_paste_clean(&t, app->input->paste.s, app->input->paste.len, 1, width_of(e->b.s, line, e->cur));
	insert_at(&e->b, &e->cur, t.s ? t.s : "", t.len);
	ldr_buf_release(&t);
}

/* Delete the character before the cursor (Backspace) or under it. */
static void edit_delete(struct editor *e, int before)
{
	size_t from = e->cur, to = e->cur;
	if (before) {
		if (!e->cur)
			return;
		do
			from--;
		while (from && ((unsigned char)e->b.s[from] & 0xC0) == 0x80);
	} else {
		if (e->cur >= e->b.len)
			return;
		do
			to++;
		while (to < e->b.len && ((unsigned char)e->b.s[to] & 0xC0) == 0x80);
	}
	memmove(e->b.s + from, e->b.s + to, e->b.len - to + 1);
	e->b.len -= to - from;
	e->cur = from;
}

/* Move the cursor for an action that moves it (any other does nothing). */
static void edit_move(struct editor *e, enum tui_action a)
{
	const struct row *r = &e->rows[e->r];
	int col;

	switch (a) {
	case TUI_CURSOR_LEFT:
		while (e->cur && ((unsigned char)e->b.s[--e->cur] & 0xC0) == 0x80)
			;
		break;
	case TUI_CURSOR_RIGHT:
		if (e->cur < e->b.len)
			e->cur++;
		while (e->cur < e->b.len && ((unsigned char)e->b.s[e->cur] & 0xC0) == 0x80)
			e->cur++;
		break;
	case TUI_MOVE_UP:
	case TUI_MOVE_DOWN:
		col = width_of(e->b.s, r->start, e->cur);
		if (a == TUI_MOVE_UP && e->r > 0)
			e->cur = at_column(e->b.s, r - 1, col);
		else if (a == TUI_MOVE_DOWN && e->r + 1 < e->n)
			e->cur = at_column(e->b.s, r + 1, col);
		break;
	case TUI_LINE_START: e->cur = r->start; break;
	case TUI_LINE_END: e->cur = r->end; break;
	default: break;
	}
}

/* An action that changes the text or moves the cursor, or a character
 * typed. */
static void edit_key(struct tui_app *app, struct editor *e, enum tui_action a, tui_key k)
{
	if (k == TUI_KEY_PASTE) {
		edit_paste(app, e);
	} else if (a == TUI_NEWLINE || (a == TUI_NONE && is_text_key(k))) {
		char u[4];
		insert_at(&e->b, &e->cur, u, ldr_utf8_encode(a == TUI_NEWLINE ? '\n' : (unsigned)k, u));
	} else if (a == TUI_DELETE_BEFORE || a == TUI_DELETE_CHAR) {
		edit_delete(e, a == TUI_DELETE_BEFORE);
	} else {
		edit_move(e, a);
	}
}

char *tui_edit_text(struct tui_app *app, const char *title, const char *text)
{
	struct editor e = { LDR_BUF_INIT, 0, NULL, 0, 0, 0, 0 };
	const char *was = text ? text : "";
	char *result = NULL;

	ldr_buf_addstr(&e.b, was);
	if (!e.b.s)
		ldr_buf_addstr(&e.b, "");
	e.cur = e.b.len;
	curs_set(1);
	for (;;) {
		int srows = tui_rows(), cols = tui_cols(), height = srows - 3 < 1 ? 1 : srows - 3;
		enum tui_action a;
		tui_key k;

		edit_layout(&e, cols, height);
		edit_draw(app, &e, title, srows, cols, height);
		k = tui_app_context_key(app, "editor", &a);
		if (k == 0)
			continue;
		if (k < 0) {
			/* The connection dropped: keep what was typed, as if
			 * kept; the recovery file then holds it. */
			if (tui_hangup && strcmp(e.b.s, was) != 0)
				result = ldr_strdup(e.b.s);
			break;
		}
		if (a == TUI_ACCEPT) {
			result = ldr_strdup(e.b.s);
			break;
		}
		if (a == TUI_CANCEL) {
			if (!strcmp(e.b.s, was) ||
			    tui_app_choose(app, "discard the changes to this text", NULL,
					   "(y)es, (n)o: keep editing", "yn") == 'y')
				break;
			continue;
		}
		edit_key(app, &e, a, k);
	}
	curs_set(0);
	free(e.rows);
	ldr_buf_release(&e.b);
	return result;
}
