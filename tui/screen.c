#include "screen.h"

#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "../model/base/util.h"
#include "text.h"

volatile sig_atomic_t tui_hangup;
volatile sig_atomic_t tui_terminate;
volatile sig_atomic_t tui_stop;

static void on_hangup(int sig)
{
	(void)sig;
	tui_hangup = 1;
}

static void on_terminate(int sig)
{
	(void)sig;
	tui_terminate = 1;
}

static void on_stop(int sig)
{
	(void)sig;
	tui_stop = 1;
}

void tui_signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_hangup; /* no SA_RESTART: a blocked read returns */
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_terminate;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

/* ---- curses --------------------------------------------------------------- */

static SCREEN *screen;
static FILE *headless_out, *headless_in;
static int colour;
static attr_t attrs[TUI_NROLES];

/* Bracketed paste: the terminal sends pasted text between ESC [200~ and
 * ESC [201~ once asked with ESC [?2004h (the terminfo entry's BE, BD, PS
 * and PE, where it has them). Curses gives the brackets as two key codes
 * of our own, far above the ones it numbers itself. */
#define PASTE_BEGIN_CODE (KEY_MAX + 0x1000)
#define PASTE_END_CODE (KEY_MAX + 0x1001)
static int pasting; /* the keyboard is inside a paste */

static const char *terminfo(const char *name, const char *otherwise)
{
	const char *s = tigetstr(name);
	return s && s != (const char *)-1 && *s ? s : otherwise;
}

/* Straight to the terminal: a mode, not drawing, it need not wait for
 * curses' next refresh (curses writes to the descriptor, not through
 * stdout's buffer). */
static void paste_mode(int on)
{
	if (!screen || headless_out)
		return;
	fputs(on ? terminfo("BE", "\033[?2004h") : terminfo("BD", "\033[?2004l"), stdout);
	fflush(stdout);
}

int tui_has_colour(void)
{
	return colour;
}

static void roles_init(void)
{
	static const short fg[TUI_GROUP_COLOURS] = { COLOR_CYAN, COLOR_GREEN, COLOR_MAGENTA,
						     COLOR_YELLOW, COLOR_BLUE, COLOR_RED };
	int i;

	/* Monochrome: what bold, reverse, underline and dim can say. */
	attrs[TUI_ROLE_NORMAL] = A_NORMAL;
	attrs[TUI_ROLE_TITLE] = A_REVERSE;
	attrs[TUI_ROLE_TAB] = A_REVERSE;
	attrs[TUI_ROLE_TAB_ON] = A_BOLD | A_UNDERLINE;
	attrs[TUI_ROLE_HEADER] = A_BOLD | A_UNDERLINE;
	attrs[TUI_ROLE_CURSOR] = A_REVERSE;
	attrs[TUI_ROLE_STATUS] = A_REVERSE;
	attrs[TUI_ROLE_ERROR] = A_BOLD;
	attrs[TUI_ROLE_WARNING] = A_BOLD;
	attrs[TUI_ROLE_DIM] = A_DIM;
	attrs[TUI_ROLE_LABEL] = A_BOLD;
	attrs[TUI_ROLE_MATCH] = A_UNDERLINE;
	attrs[TUI_ROLE_DONE] = A_NORMAL;
	attrs[TUI_ROLE_AMBER] = A_NORMAL;
	attrs[TUI_ROLE_BAR] = A_REVERSE;
	attrs[TUI_ROLE_BASELINE] = A_DIM;
	attrs[TUI_ROLE_NOW] = A_BOLD;
	for (i = 0; i < TUI_GROUP_COLOURS; i++)
		attrs[TUI_ROLE_GROUP0 + i] = A_NORMAL;
	if (!colour)
		return;
	/* Colour by role, on the terminal's own background. */
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_BLACK, COLOR_CYAN);
	init_pair(3, COLOR_RED, -1);
	init_pair(4, COLOR_YELLOW, -1);
	init_pair(5, COLOR_CYAN, -1);
	init_pair(6, COLOR_GREEN, -1);
	init_pair(7, COLOR_BLACK, COLOR_YELLOW);
	init_pair(8, COLOR_BLACK, COLOR_CYAN);
	attrs[TUI_ROLE_TITLE] = COLOR_PAIR(1);
	attrs[TUI_ROLE_TAB] = COLOR_PAIR(1);
	attrs[TUI_ROLE_TAB_ON] = COLOR_PAIR(2) | A_BOLD;
	attrs[TUI_ROLE_STATUS] = COLOR_PAIR(1);
	attrs[TUI_ROLE_ERROR] = COLOR_PAIR(3) | A_BOLD;
	attrs[TUI_ROLE_WARNING] = COLOR_PAIR(4);
	attrs[TUI_ROLE_LABEL] = COLOR_PAIR(5) | A_BOLD;
	attrs[TUI_ROLE_MATCH] = COLOR_PAIR(7);
	attrs[TUI_ROLE_DONE] = COLOR_PAIR(6);
	attrs[TUI_ROLE_AMBER] = COLOR_PAIR(4);
	attrs[TUI_ROLE_BAR] = COLOR_PAIR(8);
	attrs[TUI_ROLE_NOW] = COLOR_PAIR(3) | A_BOLD;
	for (i = 0; i < TUI_GROUP_COLOURS; i++) {
		init_pair((short)(10 + i), fg[i], -1);
		attrs[TUI_ROLE_GROUP0 + i] = COLOR_PAIR(10 + i);
	}
}

int tui_screen_start(int rows, int cols)
{
	const char *term = NULL;

	if (rows > 0) {
		headless_out = fopen("/dev/null", "w");
		headless_in = fopen("/dev/null", "r");
		if (!headless_out || !headless_in)
			return -1;
		term = getenv("TERM");
		if (!term || !*term || !strcmp(term, "dumb"))
			term = "xterm";
		screen = newterm(term, headless_out, headless_in);
	} else {
		/* Ours before curses': it would take SIGTSTP itself otherwise,
		 * and knows nothing of bracketed paste. */
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sigemptyset(&sa.sa_mask);
		sa.sa_handler = on_stop;
		sigaction(SIGTSTP, &sa, NULL);
		screen = newterm(NULL, stdout, stdin);
	}
	if (!screen)
		return -1;
	set_term(screen);
	if (!headless_out) {
		define_key(terminfo("PS", "\033[200~"), PASTE_BEGIN_CODE);
		define_key(terminfo("PE", "\033[201~"), PASTE_END_CODE);
		paste_mode(1);
	}
	raw(); /* Ctrl-S and Ctrl-C reach us as keys */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	colour = has_colors() && !getenv("NO_COLOR");
	if (colour) {
		start_color();
		use_default_colors();
	}
	roles_init();
	if (rows > 0)
		resizeterm(rows, cols);
	else
		/* Clicks and the wheel, where the terminal has a mouse; Shift
		 * still selects text in most terminals. */
		mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
			  | BUTTON5_PRESSED
#endif
			  , NULL);
	return 0;
}

void tui_screen_stop(void)
{
	if (!screen)
		return;
	paste_mode(0);
	endwin();
	if (!headless_out)
		signal(SIGTSTP, SIG_DFL);
	delscreen(screen);
	screen = NULL;
	if (headless_out)
		fclose(headless_out);
	if (headless_in)
		fclose(headless_in);
	headless_out = headless_in = NULL;
}

int tui_rows(void)
{
	return LINES;
}

int tui_cols(void)
{
	return COLS;
}

void tui_resize(int rows, int cols)
{
	resizeterm(rows, cols);
}

/* Where each row's cursor was last drawn, for the dump's marks: its column
 * plus one, 0 for none. A row drawn from its first column in another role
 * holds none; the dump also asks the screen for the cursor's attribute
 * there, which an erase of the screen leaves no more. */
#define MARK_ROWS 512
static int cursor_at[MARK_ROWS];
static int dump_marks;

static void note_cursor(int y, int x, enum tui_role role)
{
	if (y >= MARK_ROWS)
		return;
	if (role == TUI_ROLE_CURSOR && (!cursor_at[y] || x == 0))
		cursor_at[y] = x + 1;
	else if (role != TUI_ROLE_CURSOR && x == 0)
		cursor_at[y] = 0;
}

static int cursor_drawn(int y)
{
	chtype want = attrs[TUI_ROLE_CURSOR] & A_ATTRIBUTES;
	return y < MARK_ROWS && cursor_at[y] && (mvinch(y, cursor_at[y] - 1) & A_ATTRIBUTES) == want;
}

void tui_dump_marks(int on)
{
	dump_marks = on;
}

static int put(int y, int x, int width, const char *s, enum tui_role role, int pad)
{
	wchar_t buf[1024];
	int used;

	if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	note_cursor(y, x, role);
	used = tui_fit(s, width, buf, LDR_ARRAY_SIZE(buf));
	attrset(attrs[role]);
	mvaddnwstr(y, x, buf, -1);
	if (pad)
		for (; used < width; used++)
			mvaddch(y, x + used, ' ');
	attrset(A_NORMAL);
	return used;
}

int tui_text(int y, int x, int width, const char *s, enum tui_role role)
{
	return put(y, x, width, s, role, 1);
}

int tui_text_raw(int y, int x, int width, const char *s, enum tui_role role)
{
	return put(y, x, width, s, role, 0);
}

void tui_fill(int y, int x, int width, enum tui_role role)
{
	put(y, x, width, "", role, 1);
}

void tui_put_char(int y, int x, const char *c, enum tui_role role)
{
	put(y, x, 1, c, role, 0);
}

void tui_refresh(void)
{
	refresh();
}

void tui_dump(FILE *out)
{
	wchar_t line[1024];
	char mb[4096];
	int y;

	for (y = 0; y < LINES; y++) {
		size_t n;
		int got = mvinnwstr(y, 0, line, COLS < 1023 ? COLS : 1023);
		if (got == ERR)
			line[0] = L'\0';
		n = wcstombs(mb, line, sizeof(mb) - 1);
		if (n == (size_t)-1)
			n = 0;
		mb[n] = '\0';
		while (n > 0 && mb[n - 1] == ' ')
			mb[--n] = '\0';
		if (dump_marks)
			fputs(cursor_drawn(y) ? (n ? "> " : ">") : (n ? "  " : ""), out);
		fprintf(out, "%s\n", mb);
	}
}

/* ---- input ------------------------------------------------------------------ */

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The keyboard's internal keys: the brackets of a paste. */
#define KEY_PASTE_BEGIN TUI_KEYCODE(0x10100)
#define KEY_PASTE_END TUI_KEYCODE(0x10101)

/* What is done while nothing happens (tui_screen_on_quiet). */
static void (*quiet_fn)(void *);
static void *quiet_arg;

void tui_screen_on_quiet(void (*fn)(void *arg), void *arg)
{
	quiet_fn = fn;
	quiet_arg = arg;
}

static void quiet(void)
{
	if (quiet_fn)
		quiet_fn(quiet_arg);
}

/* SIGTSTP (kill -TSTP, a job control stop): the terminal as it was, the
 * paste mode too, then stop; on SIGCONT, back, redrawn. What is unsaved is
 * written aside first: a stopped program may be killed outright. */
static void suspend(void)
{
	struct sigaction dfl, ours;

	tui_stop = 0;
	quiet();
	paste_mode(0);
	endwin();
	memset(&dfl, 0, sizeof(dfl));
	sigemptyset(&dfl.sa_mask);
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGTSTP, &dfl, &ours);
	raise(SIGTSTP); /* stopped here until SIGCONT */
	sigaction(SIGTSTP, &ours, NULL);
	paste_mode(1);
	clearok(curscr, TRUE);
	refresh();
}

int tui_screen_suspend(void)
{
	if (!screen || headless_out)
		return -1;
	suspend();
	return 0;
}

/* The keyboard. After a hang-up, reads fail at once, for ever (EIO); a run
 * of fast failures is taken for one even if no SIGHUP came. A read that
 * waited its whole second for nothing is the keyboard idle: quiet(). */
int tui_mouse_y = -1, tui_mouse_x = -1;

static tui_key keyboard_next(struct tui_input *in, int *rows, int *cols)
{
	int fast_errors = 0;
	(void)in;
	timeout(1000);
	for (;;) {
		wint_t wch;
		double t0 = now_seconds();
		int r;

		if (tui_hangup || tui_terminate)
			return -1;
		if (tui_stop)
			suspend();
		errno = 0;
		r = get_wch(&wch);
		if (r == ERR) {
			if (tui_hangup || tui_terminate || errno == EIO)
				return -1;
			if (tui_stop || errno == EINTR)
				continue;
			if (pasting && now_seconds() - t0 >= 0.5) {
				/* A paste whose end never came (a second
				 * with nothing): it ends here. */
				pasting = 0;
				return KEY_PASTE_END;
			}
			if (now_seconds() - t0 >= 0.9)
				quiet();
			if (now_seconds() - t0 < 0.05) {
				if (++fast_errors > 50) {
					tui_hangup = 1;
					return -1;
				}
			} else {
				fast_errors = 0;
			}
			continue;
		}
		if (r == KEY_CODE_YES && wch == KEY_MOUSE) {
			MEVENT ev;
			if (getmouse(&ev) != OK)
				continue;
			tui_mouse_y = ev.y;
			tui_mouse_x = ev.x;
			if (ev.bstate & BUTTON1_DOUBLE_CLICKED)
				return TUI_KEY_DOUBLE_CLICK;
			if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
				return TUI_KEY_CLICK;
			if (ev.bstate & BUTTON4_PRESSED)
				return TUI_KEY_WHEEL_UP;
#ifdef BUTTON5_PRESSED
			if (ev.bstate & BUTTON5_PRESSED)
				return TUI_KEY_WHEEL_DOWN;
#endif
			continue;
		}
		if (r == KEY_CODE_YES && (wch == PASTE_BEGIN_CODE || wch == PASTE_END_CODE)) {
			pasting = wch == PASTE_BEGIN_CODE;
			return pasting ? KEY_PASTE_BEGIN : KEY_PASTE_END;
		}
		if (r == KEY_CODE_YES) {
			/* A resize is done already: curses saw SIGWINCH. Calling
			 * resizeterm again would queue another KEY_RESIZE, and
			 * another, for ever (the tmux test caught it). */
			(void)rows, (void)cols;
			return TUI_KEYCODE((int)wch);
		}
		if (pasting) /* as the terminal sent it */
			return (tui_key)wch;
		if (wch == '\r')
			wch = '\n';
		if (wch == 127 || wch == 8)
			return TUI_KEYCODE(KEY_BACKSPACE);
		return (tui_key)wch;
	}
}

/* What came with the key just read: a terminal sends a sequence's bytes at
 * once, so a short wait is enough (curses waits as long for its own). */
#define SEQUENCE_WAIT_MS 50

static tui_key keyboard_peek(struct tui_input *in)
{
	wint_t wch;
	int r;

	(void)in;
	if (tui_hangup || tui_terminate)
		return -1;
	timeout(SEQUENCE_WAIT_MS);
	r = get_wch(&wch);
	timeout(1000);
	if (r == OK) {
		unget_wch((wchar_t)wch);
		return (tui_key)wch;
	}
	if (r == KEY_CODE_YES) {
		ungetch((int)wch);
		return TUI_KEYCODE((int)wch);
	}
	return -1;
}

void tui_input_keyboard(struct tui_input *in)
{
	memset(in, 0, sizeof(*in));
	in->next = keyboard_next;
	in->peek = keyboard_peek;
}

struct script {
	tui_key *keys;
	int *rows, *cols;
	size_t n, at;
};

static tui_key script_next(struct tui_input *in, int *rows, int *cols)
{
	struct script *s = in->ctx;
	while (s->at < s->n && s->keys[s->at] == TUI_KEY_IDLE) {
		s->at++;
		quiet();
	}
	if (s->at >= s->n)
		return -1;
	*rows = s->rows[s->at];
	*cols = s->cols[s->at];
	if (s->keys[s->at] == TUI_KEY_CLICK || s->keys[s->at] == TUI_KEY_DOUBLE_CLICK) {
		/* Not a resize: where the mouse was. */
		tui_mouse_y = *rows;
		tui_mouse_x = *cols;
		*rows = *cols = 0;
	}
	return s->keys[s->at++];
}

/* In a script, the keys that follow have all come: ESC "[1~" is the
 * sequence a terminal sends. The script's own pseudo-keys are not. */
static tui_key script_peek(struct tui_input *in)
{
	struct script *s = in->ctx;
	tui_key k;
	if (s->at >= s->n)
		return -1;
	k = s->keys[s->at];
	return k >= 0 && k < 0x110000 ? k : -1;
}

static void script_add(struct script *s, size_t *cap, tui_key k, int rows, int cols)
{
	if (s->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		s->keys = ldr_realloc(s->keys, *cap * sizeof(*s->keys));
		s->rows = ldr_realloc(s->rows, *cap * sizeof(*s->rows));
		s->cols = ldr_realloc(s->cols, *cap * sizeof(*s->cols));
	}
	s->keys[s->n] = k;
	s->rows[s->n] = rows;
	s->cols[s->n++] = cols;
}

/* The keys of a script that are named and take no numbers. */
static const struct {
	const char *name;
	tui_key key;
} script_names[] = {
	{ "<WheelUp>", TUI_KEY_WHEEL_UP },       { "<WheelDown>", TUI_KEY_WHEEL_DOWN },
	{ "<HUP>", TUI_KEY_HANGUP },             { "<Dump>", TUI_KEY_DUMP },
	{ "<PasteStart>", KEY_PASTE_BEGIN },     { "<PasteEnd>", KEY_PASTE_END },
	{ "<Idle>", TUI_KEY_IDLE },
};

/* One key name in <>: a resize, a click, one of script_names[] or a key
 * tui_key_parse knows. *p moves past it. */
static int script_key_name(struct script *s, size_t *cap, const char **p, char *err, size_t errlen)
{
	char name[64];
	int r, c;
	size_t i;
	const char *end = strchr(*p, '>');
	size_t len = end ? (size_t)(end - *p + 1) : 0;
	tui_key k;

	if (!end || len >= sizeof(name)) {
		snprintf(err, errlen, "unclosed key name at '%.20s'", *p);
		return -1;
	}
	memcpy(name, *p, len);
	name[len] = '\0';
	*p = end + 1;
	if (sscanf(name, "<Resize %dx%d>", &c, &r) == 2) { /* columns x rows */
		script_add(s, cap, TUI_KEYCODE(KEY_RESIZE), r, c);
		return 0;
	}
	if (sscanf(name, "<Click %d,%d>", &r, &c) == 2) {
		script_add(s, cap, TUI_KEY_CLICK, r, c);
		return 0;
	}
	if (sscanf(name, "<DoubleClick %d,%d>", &r, &c) == 2) {
		script_add(s, cap, TUI_KEY_DOUBLE_CLICK, r, c);
		return 0;
	}
	for (i = 0; i < sizeof(script_names) / sizeof(script_names[0]); i++)
		if (!strcmp(name, script_names[i].name)) {
			script_add(s, cap, script_names[i].key, 0, 0);
			return 0;
		}
	k = tui_key_parse(name);
	if (k < 0) {
		snprintf(err, errlen, "unknown key '%s'", name);
		return -1;
	}
	script_add(s, cap, k, 0, 0);
	return 0;
}

/* A word, or text in "", typed a character at a time. *p moves past it. */
static int script_text(struct script *s, size_t *cap, const char **p, char *err, size_t errlen)
{
	const char *start = *p, *q = *p;

	if (*q == '"') {
		start = ++q;
		while (*q && *q != '"')
			q++;
	} else {
		while (*q && *q != ' ' && *q != '\n' && *q != '\t')
			q++;
	}
	while (start < q) {
		unsigned cp;
		size_t len = ldr_utf8_decode(start, (size_t)(q - start), &cp);
		if (!len) {
			snprintf(err, errlen, "invalid UTF-8 in the script");
			return -1;
		}
		script_add(s, cap, (tui_key)cp, 0, 0);
		start += len;
	}
	if (*q == '"')
		q++;
	*p = q;
	return 0;
}

int tui_input_script(struct tui_input *in, const char *text, char *err, size_t errlen)
{
	struct script *s = ldr_calloc(1, sizeof(*s));
	size_t cap = 0;
	const char *p = text;

	while (*p) {
		while (*p == ' ' || *p == '\n' || *p == '\t')
			p++;
		if (!*p)
			break;
		if ((*p == '<' ? script_key_name : script_text)(s, &cap, &p, err, errlen) < 0) {
			free(s->keys);
			free(s->rows);
			free(s->cols);
			free(s);
			return -1;
		}
	}
	memset(in, 0, sizeof(*in));
	in->next = script_next;
	in->peek = script_peek;
	in->ctx = s;
	return 0;
}

void tui_input_release(struct tui_input *in)
{
	struct script *s = in->ctx;
	if (in->next == script_next && s) {
		free(s->keys);
		free(s->rows);
		free(s->cols);
		free(s);
	}
	in->ctx = NULL;
	ldr_buf_release(&in->paste);
}

/* Everything up to the paste's end, as text: keys the terminal's sequences
 * made of it (ESC [ A), a resize, the mouse are not text and are dropped. */
static tui_key read_paste(struct tui_input *in)
{
	ldr_buf_reset(&in->paste);
	for (;;) {
		int rows = 0, cols = 0;
		tui_key k = in->next(in, &rows, &cols);
		char u[4];

		if (k == KEY_PASTE_END || k == KEY_PASTE_BEGIN)
			break;
		if (k == TUI_KEY_HANGUP)
			tui_hangup = 1;
		if (k < 0 || k == TUI_KEY_HANGUP) {
			/* The connection dropped in the middle: what came
			 * is pasted, then the end is seen. */
			if (!in->paste.len)
				return -1;
			break;
		}
		if (k >= 0x110000 || in->paste.len + 4 > TUI_PASTE_MAX)
			continue;
		ldr_buf_add(&in->paste, u, ldr_utf8_encode((unsigned)k, u));
	}
	if (!in->paste.s)
		ldr_buf_addstr(&in->paste, "");
	return TUI_KEY_PASTE;
}

tui_key tui_input_next(struct tui_input *in, int *rows, int *cols)
{
	for (;;) {
		tui_key k = in->next(in, rows, cols);
		if (k == KEY_PASTE_BEGIN)
			return read_paste(in);
		if (k == 27)
			return tui_escape_sequence(in);
		if (k != KEY_PASTE_END) /* an end without a start: nothing */
			return k;
	}
}
