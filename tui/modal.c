/* The modal inputs of the form: a picker, filtered as you type, and an
 * editor for text of several lines. They read keys until an answer (the
 * form, a view, is the engine's). */
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

/* Whether Esc would lose something: marks changed, or a value typed (where
 * a value may be typed). The filter of a plain choice is only a filter. */
static int pick_changed(const struct tui_pick *items, const unsigned char *was, size_t n, int multi,
			char **typed, const struct ldr_buf *filter)
{
	size_t i;
	if (typed && filter->len)
		return 1;
	for (i = 0; multi && i < n; i++)
		if (!items[i].on != !was[i])
			return 1;
	return 0;
}

long tui_pick(struct tui_app *app, const char *title, struct tui_pick *items, size_t n,
	      size_t initial, int multi, char **typed)
{
	struct ldr_buf filter = LDR_BUF_INIT, line = LDR_BUF_INIT;
	size_t *shown = ldr_calloc(n + 1, sizeof(*shown)), nshown = 0, sel = 0, top = 0, i;
	unsigned char *was = ldr_calloc(n + 1, 1);
	long answer = -1;
	int refilter = 1;

	for (i = 0; i < n; i++)
		was[i] = items[i].on != 0;
	if (typed && *typed) {
		/* What was typed before, offered again. */
		ldr_buf_addstr(&filter, *typed);
		free(*typed);
		*typed = NULL;
	}

	for (;;) {
		int rows = tui_rows(), cols = tui_cols(), height = rows - 3, y;
		tui_key k;

		if (refilter) {
			size_t want = nshown ? shown[sel] : initial;
			nshown = 0;
			sel = 0;
			for (i = 0; i < n; i++)
				if (tui_contains_ci(items[i].label, filter.s ? filter.s : "")) {
					if (i == want)
						sel = nshown;
					shown[nshown++] = i;
				}
			refilter = 0;
		}
		if (height < 1)
			height = 1;
		if (sel < top)
			top = sel;
		if (sel >= top + (size_t)height)
			top = sel - (size_t)height + 1;
		tui_app_draw(app);
		ldr_buf_reset(&line);
		ldr_buf_addf(&line, " %s   %s %s\u2502", title, typed ? "choose, or type:" : "filter:",
			     filter.s ? filter.s : "");
		tui_text(1, 0, cols, line.s, TUI_ROLE_HEADER);
		for (y = 0; y < height; y++) {
			size_t r = top + (size_t)y;
			tui_fill(2 + y, 0, cols, TUI_ROLE_NORMAL);
			if (r >= nshown) {
				if (r == 0)
					tui_text(2, 1, cols - 1, typed ? "nothing matches: Enter takes what "
									 "is typed" : "nothing matches the filter",
						 TUI_ROLE_DIM);
				continue;
			}
			ldr_buf_reset(&line);
			ldr_buf_addf(&line, "%s%s", multi ? items[shown[r]].on ? "[x] " : "[ ] " : "",
				     items[shown[r]].label);
			tui_text(2 + y, 1, cols - 1, line.s, r == sel ? TUI_ROLE_CURSOR : TUI_ROLE_NORMAL);
		}
		tui_fill(rows - 1, 0, cols, TUI_ROLE_STATUS);
		if (app->message[0]) /* what was wrong with the last answer */
			tui_text(rows - 1, 0, cols, app->message, app->message_role);
		else
			tui_text(rows - 1, 0, cols,
				 multi ? "type to filter, Tab (or Space) marks, Enter keeps, Esc cancels"
				       : "type to filter, Enter chooses, Esc cancels",
				 TUI_ROLE_STATUS);
		tui_refresh();
		k = tui_app_modal_key(app);
		if (k == 0)
			continue;
		app->message[0] = '\0';
		if (k < 0 && tui_hangup) {
			/* The connection dropped: marks made are kept, and a
			 * time typed in is tried, as if Enter were pressed. */
			if (multi)
				answer = 0;
			else if (typed && filter.len)
				answer = -2, *typed = ldr_strdup(filter.s);
			break;
		}
		if (k < 0)
			break;
		if (k == 27 || k == 7) {
			if (!pick_changed(items, was, n, multi, typed, &filter) ||
			    tui_app_choose(app, multi ? "discard the marks you made" : "discard what you typed",
					   NULL, "(y)es, (n)o: go on", "yn") == 'y')
				break;
			continue;
		}
		if (k == '\n' || k == '\r') {
			if (multi)
				answer = 0;
			else if (nshown)
				answer = (long)shown[sel];
			else if (typed && filter.len)
				answer = -2, *typed = ldr_strdup(filter.s);
			else
				continue;
			break;
		}
		if (k == TUI_KEYCODE(KEY_DOWN) || k == 14 /* C-n */) {
			if (sel + 1 < nshown)
				sel++;
		} else if (k == TUI_KEYCODE(KEY_UP) || k == 16 /* C-p */) {
			if (sel)
				sel--;
		} else if (k == TUI_KEYCODE(KEY_NPAGE)) {
			sel = sel + (size_t)height < nshown ? sel + (size_t)height : nshown ? nshown - 1 : 0;
		} else if (k == TUI_KEYCODE(KEY_PPAGE)) {
			sel = sel > (size_t)height ? sel - (size_t)height : 0;
		} else if (k == TUI_KEYCODE(KEY_HOME)) {
			sel = 0;
		} else if (k == TUI_KEYCODE(KEY_END)) {
			sel = nshown ? nshown - 1 : 0;
		} else if (multi && (k == '\t' || (k == ' ' && !filter.len))) {
			/* Space marks until a filter is typed: then it is part of it
			 * ("MIG Phase"); Tab marks always. */
			if (nshown)
				items[shown[sel]].on = !items[shown[sel]].on;
		} else if (k == TUI_KEYCODE(KEY_BACKSPACE)) {
			while (filter.len && ((unsigned char)filter.s[filter.len - 1] & 0xC0) == 0x80)
				filter.len--;
			if (filter.len)
				filter.s[--filter.len] = '\0';
			refilter = 1;
		} else if (k == 21 /* C-u */) {
			ldr_buf_reset(&filter);
			refilter = 1;
		} else if (k == TUI_KEY_PASTE) {
			tui_paste_clean(&filter, app->input->paste.s, app->input->paste.len, 0, 0);
			refilter = 1;
		} else if (is_text_key(k)) {
			char u[4];
			ldr_buf_add(&filter, u, ldr_utf8_encode((unsigned)k, u));
			refilter = 1;
		}
	}
	free(shown);
	free(was);
	ldr_buf_release(&filter);
	ldr_buf_release(&line);
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

char *tui_edit_text(struct tui_app *app, const char *title, const char *text)
{
	struct ldr_buf b = LDR_BUF_INIT, head = LDR_BUF_INIT;
	struct row *rows = NULL;
	size_t cap = 0, cur, top = 0;
	char *result = NULL;

	ldr_buf_addstr(&b, text ? text : "");
	if (!b.s)
		ldr_buf_addstr(&b, "");
	cur = b.len;
	curs_set(1);
	for (;;) {
		int srows = tui_rows(), cols = tui_cols(), height = srows - 3, y, cx;
		size_t n = layout(b.s, b.len, cols - 1, &rows, &cap), r = row_of(rows, n, cur), i;
		tui_key k;

		if (height < 1)
			height = 1;
		if (r < top)
			top = r;
		if (r >= top + (size_t)height)
			top = r - (size_t)height + 1;
		tui_app_draw(app);
		ldr_buf_reset(&head);
		ldr_buf_addf(&head, " %s", title);
		tui_text(1, 0, cols, head.s, TUI_ROLE_HEADER);
		for (y = 0; y < height; y++) {
			i = top + (size_t)y;
			tui_fill(2 + y, 0, cols, TUI_ROLE_NORMAL);
			if (i < n) {
				char save = b.s[rows[i].end];
				b.s[rows[i].end] = '\0';
				tui_text_raw(2 + y, 1, cols - 1, b.s + rows[i].start, TUI_ROLE_NORMAL);
				b.s[rows[i].end] = save;
			}
		}
		tui_fill(srows - 1, 0, cols, TUI_ROLE_STATUS);
		tui_text(srows - 1, 0, cols, "Ctrl-S keeps the text, Esc cancels; Enter starts a new line",
			 TUI_ROLE_STATUS);
		cx = 1 + width_of(b.s, rows[r].start, cur);
		move(2 + (int)(r - top), cx < cols ? cx : cols - 1);
		tui_refresh();
		k = tui_app_modal_key(app);
		if (k == 0)
			continue;
		if (k < 0) {
			/* The connection dropped: keep what was typed, as if
			 * kept; the recovery file then holds it. */
			if (tui_hangup && strcmp(b.s, text ? text : "") != 0)
				result = ldr_strdup(b.s);
			break;
		}
		if (k == 19 /* C-s */ || k == TUI_KEYCODE(KEY_F(2))) {
			result = ldr_strdup(b.s);
			break;
		}
		if (k == 27 || k == 7) {
			if (!strcmp(b.s, text ? text : "") ||
			    tui_app_choose(app, "discard the changes to this text", NULL,
					   "(y)es, (n)o: keep editing", "yn") == 'y')
				break;
			continue;
		}
		if (k == TUI_KEY_PASTE) {
			/* Lines as they are; a tab as spaces (the file would
			 * keep one only in a quoted line, out of the block);
			 * other control characters dropped. */
			struct ldr_buf t = LDR_BUF_INIT;
			size_t line = cur;
			while (line && b.s[line - 1] != '\n')
				line--;
			tui_paste_clean(&t, app->input->paste.s, app->input->paste.len, 1,
					width_of(b.s, line, cur));
			insert_at(&b, &cur, t.s ? t.s : "", t.len);
			ldr_buf_release(&t);
		} else if (k == '\n' || k == '\r' || is_text_key(k)) {
			char u[4];
			insert_at(&b, &cur, u, ldr_utf8_encode(k == '\r' ? '\n' : (unsigned)k, u));
		} else if (k == TUI_KEYCODE(KEY_BACKSPACE) || k == TUI_KEYCODE(KEY_DC)) {
			size_t from = cur, to = cur;
			if (k == TUI_KEYCODE(KEY_BACKSPACE)) {
				if (!cur)
					continue;
				do
					from--;
				while (from && ((unsigned char)b.s[from] & 0xC0) == 0x80);
			} else {
				if (cur >= b.len)
					continue;
				do
					to++;
				while (to < b.len && ((unsigned char)b.s[to] & 0xC0) == 0x80);
			}
			memmove(b.s + from, b.s + to, b.len - to + 1);
			b.len -= to - from;
			cur = from;
		} else if (k == TUI_KEYCODE(KEY_LEFT)) {
			while (cur && ((unsigned char)b.s[--cur] & 0xC0) == 0x80)
				;
		} else if (k == TUI_KEYCODE(KEY_RIGHT)) {
			if (cur < b.len)
				cur++;
			while (cur < b.len && ((unsigned char)b.s[cur] & 0xC0) == 0x80)
				cur++;
		} else if (k == TUI_KEYCODE(KEY_UP) || k == TUI_KEYCODE(KEY_DOWN)) {
			int col = width_of(b.s, rows[r].start, cur);
			if (k == TUI_KEYCODE(KEY_UP) && r > 0)
				cur = at_column(b.s, &rows[r - 1], col);
			else if (k == TUI_KEYCODE(KEY_DOWN) && r + 1 < n)
				cur = at_column(b.s, &rows[r + 1], col);
		} else if (k == TUI_KEYCODE(KEY_HOME) || k == 1 /* C-a */) {
			cur = rows[r].start;
		} else if (k == TUI_KEYCODE(KEY_END) || k == 5 /* C-e */) {
			cur = rows[r].end;
		}
	}
	curs_set(0);
	free(rows);
	ldr_buf_release(&b);
	ldr_buf_release(&head);
	return result;
}
