/* Keys and bindings. The default bindings are a text compiled in and read
 * by the same parser as the user's file ($XDG_CONFIG_HOME/ldr/config):
 *
 *     bind [VIEW] KEY ACTION      # VIEW: generic (the default) or a view's name
 *
 * KEY is a character (j, ?, £), or <Name>: <Enter> <Tab> <S-Tab> <Esc>
 * <Space> <Backspace> <Delete> <Up> <Down> <Left> <Right> <PgUp> <PgDn>
 * <Home> <End> <F1>..<F12>, or <C-x> for a control key. */
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
/* The action bound to key where text is read (context: "prompt",
 * "picker", "editor", "question"; NULL: none of them): the context's own
 * binding, else, for a key that is not a character, the generic one if it
 * suspends or redraws (those work everywhere); TUI_NONE if none. */
enum tui_action tui_keymap_lookup_in(const struct tui_keymap *km, const char *context, tui_key key);
/* The keys bound to an action in a scope ("generic", a view's name), as
 * text ("j <Down>"); with scope NULL, in every scope, a view's keys
 * followed by its name ("b in review"). */
void tui_keymap_keys_of(const struct tui_keymap *km, enum tui_action a, const char *scope,
			char *buf, size_t len);
void tui_keymap_release(struct tui_keymap *km);
/* Every action with its keys, as a table, or for the man page (roff). */
void tui_keymap_print(const struct tui_keymap *km, FILE *out, int roff);

#endif
