/* Escape sequences the terminal's description does not name. A terminal
 * that is not the one TERM describes (TERM=xterm-256color inside tmux, a
 * very common set-up) sends its own sequences for some keys: tmux sends
 * ESC [ 1 ~ for Home where xterm's description says ESC O H. Curses then
 * gives the sequence as the keys it is made of, ESC first: a prompt would
 * take the ESC for a cancel and the rest for commands (a '1' switches
 * view), losing what was typed. Here a sequence is read whole, as ECMA-48
 * lays it out, and is one key: the one it means where that is plain (the
 * cursor keys, Home, End, Insert, Delete, the pages, F1-F4), else
 * TUI_KEY_UNKNOWN, which every reader ignores. A sequence's bytes come
 * together; an ESC with nothing after it is Esc. */
#include "screen.h"

#include <curses.h>
#include <string.h>

#define SEQ_MAX 16

/* The key for CSI PARAMS FINAL. */
static tui_key csi_key(const char *params, int final)
{
	static const int tilde[] = { 0, KEY_HOME, KEY_IC, KEY_DC, KEY_END, KEY_PPAGE, KEY_NPAGE,
				     KEY_HOME, KEY_END };
	int n = 0;

	switch (final) {
	case 'A': return TUI_KEYCODE(KEY_UP);
	case 'B': return TUI_KEYCODE(KEY_DOWN);
	case 'C': return TUI_KEYCODE(KEY_RIGHT);
	case 'D': return TUI_KEYCODE(KEY_LEFT);
	case 'H': return TUI_KEYCODE(KEY_HOME);
	case 'F': return TUI_KEYCODE(KEY_END);
	case '~':
		/* ESC [ N ~ or ESC [ N ; MODIFIERS ~ */
		while (*params >= '0' && *params <= '9' && n < 100)
			n = n * 10 + (*params++ - '0');
		if ((*params == '\0' || *params == ';') && n > 0 && n < (int)(sizeof(tilde) / sizeof(*tilde)))
			return TUI_KEYCODE(tilde[n]);
		return TUI_KEY_UNKNOWN;
	default:
		return TUI_KEY_UNKNOWN;
	}
}

/* The key for SS3 FINAL (ESC O x). */
static tui_key ss3_key(int final)
{
	switch (final) {
	case 'P': case 'Q': case 'R': case 'S':
		return TUI_KEYCODE(KEY_F(final - 'P' + 1));
	case 'A': case 'B': case 'C': case 'D': case 'H': case 'F':
		return csi_key("", final);
	default:
		return TUI_KEY_UNKNOWN;
	}
}

/* Take the next key if it has come and is a character in [lo, hi]. */
static int take(struct tui_input *in, int lo, int hi)
{
	int rows = 0, cols = 0;
	tui_key k = in->peek(in);
	if (k < lo || k > hi)
		return -1;
	return in->next(in, &rows, &cols);
}

tui_key tui_escape_sequence(struct tui_input *in)
{
	char params[SEQ_MAX + 1];
	size_t n = 0;
	int c, intro, odd = 0;

	if (!in->peek || (intro = take(in, '[', '[')) < 0) {
		if (!in->peek || (intro = take(in, 'O', 'O')) < 0)
			return 27; /* Esc, or Alt and the key after it */
	}
	if (intro == 'O') {
		c = take(in, 0x40, 0x7E);
		return c < 0 ? TUI_KEY_UNKNOWN : ss3_key(c);
	}
	/* Parameter bytes, then intermediate bytes, then the final byte; a
	 * sequence with intermediates, too long, or cut short means nothing
	 * here, and is dropped whole. */
	while ((c = take(in, 0x30, 0x3F)) >= 0)
		if (n++ < SEQ_MAX)
			params[n - 1] = (char)c;
	while (take(in, 0x20, 0x2F) >= 0)
		odd = 1;
	params[n < SEQ_MAX ? n : SEQ_MAX] = '\0';
	c = take(in, 0x40, 0x7E);
	if (c < 0 || odd || n > SEQ_MAX)
		return TUI_KEY_UNKNOWN;
	return csi_key(params, c);
}
