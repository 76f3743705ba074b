/* Keys and bindings. The default bindings are a text compiled in and read
 * by the same parser as the user's file ($XDG_CONFIG_HOME/ldr/config):
 *
 *     bind [SCOPE] KEY ACTION     # SCOPE: generic (the default), a view's
 *                                 # name, or a context (below)
 *
 * KEY is a character (j, ?, £), or <Name>: <Enter> <Tab> <S-Tab> <Esc>
 * <Space> <Backspace> <Delete> <Up> <Down> <Left> <Right> <PgUp> <PgDn>
 * <Home> <End> <F1>..<F12>, or <C-x> for a control key. ACTION "none"
 * unbinds the key in the scope. */
#ifndef LDR_TUI_KEYMAP_H
#define LDR_TUI_KEYMAP_H

#include <stddef.h>
#include <stdio.h>

#include "../model/base/diag.h"
#include "../model/base/util.h"
#include "actions.h"

/* A key: a Unicode character, or a curses key code above all of them. */
typedef int tui_key;
#define TUI_KEYCODE(k) (0x200000 + (k))

/* Parse a key's name; -1 if it names none. */
tui_key tui_key_parse(const char *name);
/* The name of a key, into buf (at least 16 bytes). */
const char *tui_key_name(tui_key key, char *buf, size_t len);

struct tui_binding {
	char *scope; /* "generic" or a view's name */
	tui_key key;
	enum tui_action action;
};

struct tui_keymap {
	struct tui_binding *v;
	size_t n, cap;
};

/* Read bindings from text; later ones replace earlier ones for the same
 * scope and key. Problems go to diag with their line and column. Returns
 * the number of errors. */
size_t tui_keymap_parse(struct tui_keymap *km, const char *text, struct ldr_diag *diag);
/* The defaults, then the user's file: config, else
 * $XDG_CONFIG_HOME/ldr/config (~/.config/ldr/config), if there is one.
 * Returns 0, or -1 with the first problem in err (what parsed is kept). */
int tui_keymap_load(struct tui_keymap *km, const char *config, struct ldr_buf *err);
/* The defaults. */
void tui_keymap_defaults(struct tui_keymap *km);
extern const char tui_default_bindings[];
/* The action bound to key in the view (then generic); TUI_NONE if none. */
enum tui_action tui_keymap_lookup(const struct tui_keymap *km, const char *view, tui_key key);
/* Where text is read, keys have bindings of their own, in a context named
 * as a scope ("bind picker j move-down"): the prompt (one line), the
 * picker (a list filtered as you type), the text editor, and a question
 * answered by a key. A character a context does not bind is text. */
#define TUI_NCONTEXTS 4
extern const char *const tui_contexts[TUI_NCONTEXTS];
/* The action bound to key in a context (NULL: none of them): the
 * context's own binding, else, for a key that is not a character, the
 * generic one if it suspends or redraws (those work everywhere); TUI_NONE
 * if none. */
enum tui_action tui_keymap_lookup_in(const struct tui_keymap *km, const char *context, tui_key key);
/* A key bound to action a in a context, named for a hint ("Enter",
 * "Ctrl-S", "j"): a character if want_char (else another), failing that
 * any; "?" if none. */
const char *tui_keymap_label(const struct tui_keymap *km, const char *context, enum tui_action a,
			     int want_char, char *buf, size_t len);
/* The keys bound to an action in a scope ("generic", a view's name), as
 * text ("j <Down>"); with scope NULL, in every scope, a view's keys
 * followed by its name ("b in review"). */
void tui_keymap_keys_of(const struct tui_keymap *km, enum tui_action a, const char *scope,
			char *buf, size_t len);
void tui_keymap_release(struct tui_keymap *km);
/* The rows of the table of keys (help, --keys, the man page): every action
 * of the views with their keys (context NULL), then each context's actions
 * with the context's keys. Returns how many; *rows is to be freed. */
struct tui_keyrow {
	const char *context;
	enum tui_action action;
};
size_t tui_keymap_rows(const struct tui_keymap *km, struct tui_keyrow **rows);
/* A row's keys as text ("j <Down> in picker"; "(none)"). */
void tui_keymap_row_keys(const struct tui_keymap *km, const struct tui_keyrow *r, char *buf,
			 size_t len);
/* Every action with its keys, as a table, or for the man page (roff). */
void tui_keymap_print(const struct tui_keymap *km, FILE *out, int roff);

#endif
