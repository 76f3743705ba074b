/* The terminal: set-up and restore, colours by role with a monochrome
 * fallback, safe drawing of untrusted text, and where keys come from (the
 * keyboard, or a script in the headless tests). */
#ifndef LDR_TUI_SCREEN_H
#define LDR_TUI_SCREEN_H

#include <signal.h>
#include <stdio.h>

#include "keymap.h"

enum tui_role {
	TUI_ROLE_NORMAL,
	TUI_ROLE_TITLE,     /* the top line */
	TUI_ROLE_TAB,       /* a view's name in the top line */
	TUI_ROLE_TAB_ON,    /* the current view's */
	TUI_ROLE_HEADER,    /* column titles */
	TUI_ROLE_CURSOR,    /* the selected line */
	TUI_ROLE_STATUS,    /* the bottom line */
	TUI_ROLE_ERROR,
	TUI_ROLE_WARNING,
	TUI_ROLE_DIM,       /* derived values, empty cells, help text */
	TUI_ROLE_LABEL,     /* field names in the detail pane */
	TUI_ROLE_MATCH,     /* search matches */
	TUI_ROLE_DONE,      /* delivered, done, green */
	TUI_ROLE_AMBER,
	TUI_ROLE_BAR,       /* a planned bar in the timeline */
	TUI_ROLE_BASELINE,
	TUI_ROLE_NOW,       /* the as-at line */
	TUI_ROLE_GROUP0,    /* group colours, cycled: GROUP0 + i % TUI_GROUP_COLOURS */
	TUI_NROLES = TUI_ROLE_GROUP0 + 6
};
#define TUI_GROUP_COLOURS 6

/* Set by the signal handlers, and nothing else; the main loop acts on them. */
extern volatile sig_atomic_t tui_hangup;    /* SIGHUP: the connection dropped */
extern volatile sig_atomic_t tui_terminate; /* SIGTERM, SIGINT */
extern volatile sig_atomic_t tui_stop;      /* SIGTSTP: the keyboard's reader suspends */
void tui_signals_install(void);

/* Where keys come from. The keyboard reads with curses; the headless tests
 * give a script ("j j <Enter> :w<Enter>"). */
struct tui_input {
	/* The next key, or -1 when there is none to come (the connection is
	 * gone, or the script has ended). *resize is set for a resize. */
	tui_key (*next)(struct tui_input *in, int *resize_rows, int *resize_cols);
	/* The next key if it has come already (the rest of an escape
	 * sequence, which a terminal sends together), left to be read by
	 * next; -1 if none has. */
	tui_key (*peek)(struct tui_input *in);
	void *ctx;
	struct ldr_buf paste; /* the text of the last TUI_KEY_PASTE */
};
void tui_input_keyboard(struct tui_input *in);
/* Keys from a script: key names separated by blanks, as in the keymap
 * ("j", "<Enter>", "<C-s>"); text in double quotes types each character;
 * <Resize 100x30> resizes; <HUP> acts as if the connection dropped;
 * <Idle> as if no key came for a second (tui_screen_on_quiet);
 * <PasteStart> ... <PasteEnd> is pasted, what is between them as the
 * terminal would send it (<Enter> a line feed, <C-m> a carriage return,
 * <Tab>, <Esc>, <C-a>: the control characters). */
int tui_input_script(struct tui_input *in, const char *script, char *err, size_t errlen);
/* What to do while nothing happens: fn(arg) is called when the keyboard has
 * been idle for a second (again each second it stays idle; a script's
 * <Idle>), and before the program stops (Ctrl-Z, SIGTSTP). The session
 * writes its unsaved changes aside then (recovery.c); fn NULL: nothing. */
void tui_screen_on_quiet(void (*fn)(void *arg), void *arg);
void tui_input_release(struct tui_input *in);
/* The next key from in. An escape sequence that curses did not know (the
 * terminal is not quite the one TERM names) comes whole, as one key: the
 * one it plainly means (Home, End, an arrow), else TUI_KEY_UNKNOWN
 * (keyseq.c). A paste comes whole, as one TUI_KEY_PASTE with its
 * text (at most TUI_PASTE_MAX bytes) in in->paste: it is text for where
 * text is typed, never a command key. */
tui_key tui_input_next(struct tui_input *in, int *resize_rows, int *resize_cols);
#define TUI_PASTE_MAX (1024 * 1024)
/* The script's pseudo-keys. */
#define TUI_KEY_HANGUP TUI_KEYCODE(0x10000)
#define TUI_KEY_DUMP TUI_KEYCODE(0x10001) /* <Dump>: the test prints the screen */
#define TUI_KEY_IDLE TUI_KEYCODE(0x10008) /* <Idle>: never returned, the reader is quiet */
/* The mouse, where the terminal reports it: a click, a double click, the
 * wheel; where (screen row and column) is in tui_mouse_y and tui_mouse_x.
 * Scripts say <Click ROW,COL>, <DoubleClick ROW,COL>, <WheelUp>, <WheelDown>. */
#define TUI_KEY_CLICK TUI_KEYCODE(0x10002)
#define TUI_KEY_DOUBLE_CLICK TUI_KEYCODE(0x10003)
#define TUI_KEY_WHEEL_UP TUI_KEYCODE(0x10004)
#define TUI_KEY_WHEEL_DOWN TUI_KEYCODE(0x10005)
#define TUI_KEY_PASTE TUI_KEYCODE(0x10006)
/* A key the terminal sent that means nothing here: ignored (a prompt
 * beeps), never taken for Esc and the keys of its sequence. */
#define TUI_KEY_UNKNOWN TUI_KEYCODE(0x10007)
/* After an ESC from in: the rest of a sequence, read whole (keyseq.c). */
tui_key tui_escape_sequence(struct tui_input *in);
extern int tui_mouse_y, tui_mouse_x;

/* Start curses on the terminal (fd 0/1), or headless on /dev/null with a
 * fixed size (rows, cols > 0). Returns 0 or -1. On a terminal, bracketed
 * paste is asked for, and stop (and a suspension, SIGTSTP) turns it off
 * again with the rest of the terminal's modes. */
int tui_screen_start(int rows, int cols);
void tui_screen_stop(void);
/* Suspend (Ctrl-Z, raw mode's key for SIGTSTP): the terminal as it was,
 * then stopped until SIGCONT ('fg'), then redrawn. -1, doing nothing, when
 * not on a terminal (headless). */
int tui_screen_suspend(void);
int tui_rows(void);
int tui_cols(void);
void tui_resize(int rows, int cols);
/* Whether colour is used: not under NO_COLOR, nor on a terminal without it. */
int tui_has_colour(void);

/* Draw text at (y, x) in exactly width columns (padded with spaces, cut
 * with an ellipsis), in a role. Returns the columns the text took. */
int tui_text(int y, int x, int width, const char *utf8, enum tui_role role);
/* The same, without padding. */
int tui_text_raw(int y, int x, int width, const char *utf8, enum tui_role role);
void tui_fill(int y, int x, int width, enum tui_role role);
void tui_put_char(int y, int x, const char *utf8_char, enum tui_role role);
void tui_refresh(void);
/* The screen as text, one line per row, trailing blanks dropped. */
void tui_dump(FILE *out);
/* Whether tui_dump begins each row with "> " where the cursor (the
 * selected row of a table, the current line of a list) is drawn and "  "
 * elsewhere, for tests that ask which row is selected. Off unless set. */
void tui_dump_marks(int on);

#endif
