/* The one-line prompt on the status line: the cursor goes anywhere in the
 * line, with readline's keys (bound in the keymap's "prompt" context), and the
 * line scrolls sideways to keep it in sight, the question giving way first.
 * The cursor moves by character; columns are counted by width (a CJK
 * character takes two). */
#include "app.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

struct line {
	struct ldr_buf b;
	size_t cur;  /* the cursor: a byte offset, at the start of a character */
	size_t left; /* the first byte shown */
};

static size_t char_before(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[--i] & 0xC0) == 0x80)
		;
	return i;
}

static size_t char_after(const char *s, size_t len, size_t i)
{
	if (i < len)
		i++;
	while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/* The columns the bytes [a, b) take. */
static int width(const struct line *l, size_t a, size_t b)
{
	return tui_width_n(l->b.s + a, b - a);
}

/* Remove the bytes [from, to); the cursor goes there. */
static void cut(struct line *l, size_t from, size_t to)
{
	memmove(l->b.s + from, l->b.s + to, l->b.len - to + 1);
	l->b.len -= to - from;
	l->cur = from;
}

static void insert(struct line *l, const char *text, size_t n)
{
	size_t tail = l->b.len - l->cur;
	ldr_buf_add(&l->b, text, n); /* grow, then open the gap */
	memmove(l->b.s + l->cur + n, l->b.s + l->cur, tail);
	memcpy(l->b.s + l->cur, text, n);
	l->cur += n;
}

/* An action that edits the line or moves in it, or a character typed; 0
 * if the key is neither. */
static int edit(struct line *l, enum tui_action a, tui_key k)
{
	const char *s = l->b.s;
	size_t len = l->b.len, j = l->cur;

	switch (a) {
	case TUI_CURSOR_LEFT: l->cur = char_before(s, l->cur); break;
	case TUI_CURSOR_RIGHT: l->cur = char_after(s, len, l->cur); break;
	case TUI_LINE_START: l->cur = 0; break;
	case TUI_LINE_END: l->cur = len; break;
	case TUI_DELETE_BEFORE: cut(l, char_before(s, l->cur), l->cur); break;
	case TUI_DELETE_CHAR: cut(l, l->cur, char_after(s, len, l->cur)); break;
	case TUI_KILL_END: cut(l, l->cur, len); break;
	case TUI_KILL_START: cut(l, 0, l->cur); break;
	case TUI_KILL_WORD: /* the word before, and the blanks after it */
		while (j > 0 && s[j - 1] == ' ')
			j--;
		while (j > 0 && s[j - 1] != ' ')
			j--;
		cut(l, j, l->cur);
		break;
	case TUI_NONE:
		if (k >= 0x20 && k < 0x110000 && k != 0x7F) {
			char u[4];
			insert(l, u, ldr_utf8_encode((unsigned)k, u));
			break;
		}
		return 0;
	default:
		return 0;
	}
	return 1;
}

/* Choose the first byte shown so that the cursor is in sight in cols
 * columns: the first holds a '...' when the start is out of sight; the last
 * is for the cursor after the end, or a '...' where the line goes on; the
 * character under the cursor is shown whole. As much as fits is shown.
 * Returns the cursor's column, counted from the first byte shown. */
static int follow(struct line *l, int cols)
{
	const char *s = l->b.s;
	size_t len = l->b.len;
	int wc = width(l, l->cur, char_after(s, len, l->cur)), cw, tw;

	if (l->left > l->cur)
		l->left = l->cur;
	cw = width(l, l->left, l->cur);
	tw = cw + width(l, l->cur, len);
	while (l->left < l->cur && (l->left > 0) + cw + wc >= cols) {
		size_t next = char_after(s, len, l->left);
		int w = width(l, l->left, next);
		l->left = next;
		cw -= w;
		tw -= w;
	}
	while (l->left > 0) { /* room to spare (the end deleted): more of the start */
		size_t prev = char_before(s, l->left);
		int w = width(l, prev, l->left);
		if ((prev > 0) + tw + w >= cols)
			break;
		l->left = prev;
		cw += w;
		tw += w;
	}
	return cw;
}

static void draw(struct tui_app *app, const char *question, struct line *l)
{
	int rows = tui_rows(), cols = tui_cols(), y = rows - 1, x, room, lm, cx;
	size_t n;
	char save;

	tui_app_draw(app);
	tui_fill(y, 0, cols, TUI_ROLE_NORMAL);
	/* What is typed stays in sight: the question gives way (cut), then
	 * the text scrolls. */
	room = cols - 2 - tui_width_n(l->b.s, l->b.len);
	if (room < cols / 3)
		room = cols / 3;
	x = tui_text_raw(y, 0, room, question, TUI_ROLE_LABEL);
	cx = follow(l, cols - x);
	lm = l->left > 0;
	if (lm)
		tui_text_raw(y, x, 1, "\u2026", TUI_ROLE_DIM);
	n = tui_fit_bytes(l->b.s + l->left, cols - x - 1 - lm);
	save = l->b.s[l->left + n];
	l->b.s[l->left + n] = '\0';
	tui_text_raw(y, x + lm, cols - x - 1 - lm, l->b.s + l->left, TUI_ROLE_NORMAL);
	l->b.s[l->left + n] = save;
	if (l->left + n < l->b.len)
		tui_text_raw(y, cols - 1, 1, "\u2026", TUI_ROLE_DIM);
	cx += x + lm;
	move(y, cx < cols ? cx : cols - 1);
	tui_refresh();
}

/* Esc on a line that differs from what was offered: what was typed is not
 * thrown away without asking. 1 to leave, 0 to go on typing. */
static int may_leave(struct tui_app *app, const struct line *l, const char *initial)
{
	if (!strcmp(l->b.s, initial ? initial : ""))
		return 1;
	return tui_app_choose(app, "discard what you typed", NULL, "(y)es, (n)o: go on typing", "yn") == 'y';
}

/* Tab: the completer's candidates for the line before the cursor (its last
 * word); the first Tab completes what they share, each Tab after that
 * puts the next candidate in the word's place, as vim's command line. */
struct completing {
	char **v;
	size_t n, next;
	size_t start; /* where the word begins */
	int cycling;
};

static void completing_reset(struct completing *c)
{
	size_t i;
	for (i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
	memset(c, 0, sizeof(*c));
}

static void put_word(struct line *l, size_t start, const char *word, size_t n)
{
	cut(l, start, l->cur);
	insert(l, word, n);
}

static void complete(struct tui_app *app, struct line *l, const struct tui_prompt_aid *aid,
		     struct completing *c)
{
	size_t common, i;

	if (c->cycling && c->n) {
		put_word(l, c->start, c->v[c->next], strlen(c->v[c->next]));
		c->next = (c->next + 1) % c->n;
		return;
	}
	completing_reset(c);
	c->start = l->cur;
	while (c->start > 0 && l->b.s[c->start - 1] != ' ')
		c->start--;
	{
		char keep = l->b.s[l->cur];
		l->b.s[l->cur] = '\0';
		aid->complete(app, l->b.s, &c->v, &c->n);
		l->b.s[l->cur] = keep;
	}
	if (!c->n) {
		beep();
		return;
	}
	common = strlen(c->v[0]);
	for (i = 1; i < c->n; i++) {
		size_t k = 0;
		while (k < common && c->v[i][k] == c->v[0][k])
			k++;
		common = k;
	}
	if (c->n == 1) {
		put_word(l, c->start, c->v[0], common);
		if (common && c->v[0][common - 1] != '/') /* a directory goes on */
			insert(l, " ", 1);
		completing_reset(c);
	} else if (common > l->cur - c->start) {
		put_word(l, c->start, c->v[0], common);
		c->cycling = 1;
	} else {
		c->cycling = 1;
		complete(app, l, aid, c);
	}
}

/* Up and Down: the lines entered before, newest first; the line being
 * typed is kept, and Down past the newest comes back to it. */
static void recall(struct line *l, const struct tui_prompt_aid *aid, size_t *at, char **typed, int up)
{
	struct tui_history *h = aid->history;
	const char *s;

	if (up && *at >= h->n) {
		beep();
		return;
	}
	if (!up && *at == 0) {
		beep();
		return;
	}
	if (*at == 0) {
		free(*typed);
		*typed = ldr_strdup(l->b.s);
	}
	*at += up ? 1 : (size_t)-1;
	s = *at ? h->v[h->n - *at] : *typed;
	ldr_buf_reset(&l->b);
	ldr_buf_addstr(&l->b, s);
	l->cur = l->b.len;
}

/* An action for the aid (complete, the lines before and after): 1 when it
 * took it. */
static int aided(struct tui_app *app, struct line *l, const struct tui_prompt_aid *aid, enum tui_action a,
		 struct completing *c, size_t *at, char **typed)
{
	if (!aid)
		return 0;
	if (a == TUI_COMPLETE && aid->complete) {
		complete(app, l, aid, c);
		return 1;
	}
	if (a != TUI_COMPLETE)
		completing_reset(c);
	if ((a == TUI_HISTORY_BACK || a == TUI_HISTORY_FORWARD) && aid->history) {
		recall(l, aid, at, typed, a == TUI_HISTORY_BACK);
		return 1;
	}
	return 0;
}

void tui_history_add(struct tui_history *h, const char *line)
{
	if (!*line || (h->n && !strcmp(h->v[h->n - 1], line)))
		return;
	if (h->n == TUI_HISTORY_MAX) {
		free(h->v[0]);
		memmove(h->v, h->v + 1, (h->n - 1) * sizeof(*h->v));
		h->n--;
	}
	ldr_grow((void **)&h->v, &h->cap, h->n + 1, sizeof(*h->v));
	h->v[h->n++] = ldr_strdup(line);
}

void tui_history_release(struct tui_history *h)
{
	size_t i;
	for (i = 0; i < h->n; i++)
		free(h->v[i]);
	free(h->v);
	memset(h, 0, sizeof(*h));
}

static char *prompt(struct tui_app *app, const char *question, const char *initial, int keep,
		    const struct tui_prompt_aid *aid)
{
	struct line l;
	struct completing c;
	char *answer = NULL, *typed = NULL;
	size_t at = 0;

	memset(&l, 0, sizeof(l));
	memset(&c, 0, sizeof(c));
	ldr_buf_addstr(&l.b, initial ? initial : "");
	l.cur = l.b.len; /* at the end: Home shows the start */
	curs_set(1);
	for (;;) {
		enum tui_action a;
		tui_key k;
		draw(app, question, &l);
		k = tui_app_context_key(app, "prompt", &a);
		if (k == 0)
			continue;
		if (a == TUI_ACCEPT ||
		    (k < 0 && keep && tui_hangup && strcmp(l.b.s, initial ? initial : ""))) {
			answer = ldr_buf_detach(&l.b);
			break;
		}
		if (k < 0)
			break;
		if (a == TUI_CANCEL) {
			if (may_leave(app, &l, initial))
				break;
			continue;
		}
		if (k == TUI_KEY_PASTE) {
			/* Text, whatever it holds: a line break or a tab is a
			 * space, a control character nothing. */
			struct ldr_buf t = LDR_BUF_INIT;
			tui_paste_clean(&t, app->input->paste.s, app->input->paste.len, 0, 0);
			if (t.len)
				insert(&l, t.s, t.len);
			ldr_buf_release(&t);
		} else if (aided(app, &l, aid, a, &c, &at, &typed)) {
			continue;
		} else if (!edit(&l, a, k)) {
			/* A key the prompt does not know is no reason to close it. */
			beep();
		}
	}
	curs_set(0);
	app->message[0] = '\0';
	ldr_buf_release(&l.b);
	completing_reset(&c);
	free(typed);
	if (answer && aid && aid->history)
		tui_history_add(aid->history, answer);
	return answer;
}

char *tui_app_prompt(struct tui_app *app, const char *question, const char *initial)
{
	return prompt(app, question, initial, 0, NULL);
}

char *tui_app_prompt_value(struct tui_app *app, const char *question, const char *initial)
{
	return prompt(app, question, initial, 1, NULL);
}

char *tui_app_prompt_aided(struct tui_app *app, const char *question, const struct tui_prompt_aid *aid)
{
	return prompt(app, question, "", 0, aid);
}
