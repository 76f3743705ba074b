#include "keymap.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../model/roadmap/file.h"
#include "../model/base/util.h"

const struct tui_action_info tui_actions[TUI_NACTIONS] = {
	{ "none", "" },
#define TUI_INFO(id, name, help) { name, help },
	TUI_ACTIONS(TUI_INFO)
#undef TUI_INFO
};

enum tui_action tui_action_by_name(const char *name)
{
	int i;
	for (i = 1; i < TUI_NACTIONS; i++)
		if (strcmp(tui_actions[i].name, name) == 0)
			return (enum tui_action)i;
	return TUI_NONE;
}

static const struct {
	const char *name;
	tui_key key;
} named[] = {
	{ "Enter", '\n' }, { "Tab", '\t' }, { "S-Tab", TUI_KEYCODE(KEY_BTAB) }, { "Esc", 27 },
	{ "Space", ' ' }, { "Backspace", TUI_KEYCODE(KEY_BACKSPACE) },
	{ "Delete", TUI_KEYCODE(KEY_DC) }, { "Up", TUI_KEYCODE(KEY_UP) },
	{ "Down", TUI_KEYCODE(KEY_DOWN) }, { "Left", TUI_KEYCODE(KEY_LEFT) },
	{ "Right", TUI_KEYCODE(KEY_RIGHT) }, { "PgUp", TUI_KEYCODE(KEY_PPAGE) },
	{ "PgDn", TUI_KEYCODE(KEY_NPAGE) }, { "Home", TUI_KEYCODE(KEY_HOME) },
	{ "End", TUI_KEYCODE(KEY_END) }, { "Insert", TUI_KEYCODE(KEY_IC) },
};

tui_key tui_key_parse(const char *s)
{
	size_t n = strlen(s), i;
	unsigned cp;

	if (n > 2 && s[0] == '<' && s[n - 1] == '>') {
		char inner[32];
		if (n - 2 >= sizeof(inner))
			return -1;
		memcpy(inner, s + 1, n - 2);
		inner[n - 2] = '\0';
		for (i = 0; i < LDR_ARRAY_SIZE(named); i++)
			if (strcasecmp(inner, named[i].name) == 0)
				return named[i].key;
		if ((inner[0] == 'C' || inner[0] == 'c') && inner[1] == '-' && inner[2] && !inner[3]) {
			char c = inner[2];
			if (c >= 'a' && c <= 'z')
				return c - 'a' + 1;
			if (c >= 'A' && c <= 'Z')
				return c - 'A' + 1;
			return -1;
		}
		if ((inner[0] == 'F' || inner[0] == 'f') && inner[1]) {
			int k = atoi(inner + 1);
			if (k >= 1 && k <= 12)
				return TUI_KEYCODE(KEY_F(k));
		}
		return -1;
	}
	/* One printable character. */
	if (ldr_utf8_decode(s, n, &cp) == n && cp >= 0x21 && cp != 0x7F)
		return (tui_key)cp;
	return -1;
}

const char *tui_key_name(tui_key key, char *buf, size_t len)
{
	size_t i;
	for (i = 0; i < LDR_ARRAY_SIZE(named); i++)
		if (named[i].key == key) {
			snprintf(buf, len, "<%s>", named[i].name);
			return buf;
		}
	if (key >= 1 && key <= 26)
		snprintf(buf, len, "<C-%c>", 'a' + key - 1);
	else if (key >= TUI_KEYCODE(KEY_F(1)) && key <= TUI_KEYCODE(KEY_F(12)))
		snprintf(buf, len, "<F%d>", key - TUI_KEYCODE(KEY_F(0)));
	else if (key > 0x20 && key < 0x110000) {
		char u[8];
		u[ldr_utf8_encode((unsigned)key, u)] = '\0';
		snprintf(buf, len, "%s", u);
	} else {
		snprintf(buf, len, "<key %d>", key);
	}
	return buf;
}

static void bind(struct tui_keymap *km, const char *scope, tui_key key, enum tui_action a)
{
	size_t i;
	for (i = 0; i < km->n; i++)
		if (km->v[i].key == key && strcmp(km->v[i].scope, scope) == 0) {
			km->v[i].action = a;
			return;
		}
	ldr_grow((void **)&km->v, &km->cap, km->n + 1, sizeof(*km->v));
	km->v[km->n].scope = ldr_strdup(scope);
	km->v[km->n].key = key;
	km->v[km->n].action = a;
	km->n++;
}

/* Split a line into words; returns how many, at most max. cols gets each
 * word's column (1-based). */
static int words(char *line, char **w, unsigned *cols, int max)
{
	int n = 0;
	char *p = line;
	while (*p && n < max) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			break;
		w[n] = p;
		cols[n++] = (unsigned)(p - line) + 1;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
	return n;
}

size_t tui_keymap_parse(struct tui_keymap *km, const char *text, struct ldr_diag *diag)
{
	char *copy = ldr_strdup(text), *line, *save = NULL;
	unsigned lineno = 0;
	size_t errors = 0;

	for (line = copy; line; line = save) {
		char *w[5];
		unsigned col[5];
		int n;
		const char *scope = "generic";
		tui_key key;
		enum tui_action a;
		char *nl = strchr(line, '\n');

		save = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		lineno++;
		n = words(line, w, col, 5);
		if (n == 0)
			continue;
		if (strcmp(w[0], "bind") != 0 || (n != 3 && n != 4)) {
			ldr_diag_add(diag, LDR_ERROR, lineno, col[0],
				     "expected 'bind [VIEW] KEY ACTION'");
			errors++;
			continue;
		}
		if (n == 4)
			scope = w[1];
		key = tui_key_parse(w[n - 2]);
		a = tui_action_by_name(w[n - 1]);
		if (a == TUI_NONE && !strcmp(w[n - 1], "none") && key >= 0) {
			bind(km, scope, key, TUI_NONE); /* unbound */
			continue;
		}
		if (key < 0) {
			struct ldr_buf b = LDR_BUF_INIT;
			ldr_buf_addquoted(&b, w[n - 2], 20);
			ldr_diag_add(diag, LDR_ERROR, lineno, col[n - 2],
				     "unknown key '%s' (a character, <Enter>, <C-x>, <F1>, ...)", b.s);
			ldr_buf_release(&b);
			errors++;
			continue;
		}
		if (a == TUI_NONE) {
			struct ldr_buf b = LDR_BUF_INIT;
			const char *s = ldr_suggest(w[n - 1], &tui_actions[1], TUI_NACTIONS - 1,
						    sizeof(tui_actions[0]));
			ldr_buf_addquoted(&b, w[n - 1], 30);
			ldr_diag_add(diag, LDR_ERROR, lineno, col[n - 1], "unknown action '%s'%s%s%s",
				     b.s, s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
			ldr_buf_release(&b);
			errors++;
			continue;
		}
		bind(km, scope, key, a);
	}
	free(copy);
	return errors;
}

const char tui_default_bindings[] =
	"bind ? help\n"
	"bind <F1> help\n"
	"bind q quit\n"
	"bind <C-c> quit\n"
	"bind 1 view-schedule\n"
	"bind 2 view-dossier\n"
	"bind 3 view-deps\n"
	"bind 4 view-timeline\n"
	"bind 5 view-ucs\n"
	"bind 6 view-trajectory\n"
	"bind 7 view-problems\n"
	"bind 8 view-history\n"
	"bind 9 view-review\n"
	"bind <Tab> next-view\n"
	"bind <S-Tab> previous-view\n"
	"bind j move-down\n"
	"bind <Down> move-down\n"
	"bind k move-up\n"
	"bind <Up> move-up\n"
	"bind <PgDn> page-down\n"
	"bind <Space> page-down\n"
	"bind <PgUp> page-up\n"
	"bind <C-d> half-page-down\n"
	"bind <C-u> half-page-up\n"
	"bind g move-first\n"
	"bind <Home> move-first\n"
	"bind G move-last\n"
	"bind <End> move-last\n"
	"bind h scroll-left\n"
	"bind <Left> scroll-left\n"
	"bind l scroll-right\n"
	"bind <Right> scroll-right\n"
	"bind <Enter> enter\n"
	"bind <Esc> back\n"
	"bind <Backspace> back\n"
	"bind / search\n"
	"bind n find-next\n"
	"bind N find-previous\n"
	"bind f filter\n"
	"bind s sort\n"
	"bind S sort-reverse\n"
	"bind d toggle-detail\n"
	"bind + deeper\n"
	"bind - shallower\n"
	"bind e edit\n"
	"bind a add\n"
	"bind c duplicate\n"
	"bind x delete\n"
	"bind <Delete> delete\n"
	"bind > shift-later\n"
	"bind < shift-earlier\n"
	"bind t toggle\n"
	"bind u undo\n"
	"bind <C-r> redo\n"
	"bind w save\n"
	"bind <C-s> save\n"
	"bind P sync\n"
	"bind C view-conflicts\n"
	"bind conflicts o take-ours\n"
	"bind conflicts t take-theirs\n"
	"bind conflicts b take-base\n"
	"bind conflicts r mark-resolved\n"
	"bind H record-history\n"
	"bind review b review-baseline\n"
	"bind timeline b review-baseline\n"
	"bind review p review-period\n"
	"bind review T review-totals\n"
	"bind : prompt\n"
	"bind <C-l> redraw\n"
	"bind <C-z> suspend\n"
	/* A prompt: one line of text. */
	"bind prompt <Enter> accept\n"
	"bind prompt <Esc> cancel\n"
	"bind prompt <C-g> cancel\n"
	"bind prompt <Left> cursor-left\n"
	"bind prompt <Right> cursor-right\n"
	"bind prompt <Home> line-start\n"
	"bind prompt <C-a> line-start\n"
	"bind prompt <End> line-end\n"
	"bind prompt <C-e> line-end\n"
	"bind prompt <Backspace> delete-before\n"
	"bind prompt <Delete> delete-char\n"
	"bind prompt <C-u> kill-to-start\n"
	"bind prompt <C-k> kill-to-end\n"
	"bind prompt <C-w> kill-word\n"
	"bind prompt <Tab> complete\n"
	"bind prompt <Up> history-back\n"
	"bind prompt <Down> history-forward\n"
	/* A picker: a list to choose from, filtered as you type. */
	"bind picker <Enter> accept\n"
	"bind picker <Esc> cancel\n"
	"bind picker <C-g> cancel\n"
	"bind picker j move-down\n"
	"bind picker <Down> move-down\n"
	"bind picker <C-n> move-down\n"
	"bind picker k move-up\n"
	"bind picker <Up> move-up\n"
	"bind picker <C-p> move-up\n"
	"bind picker <PgDn> page-down\n"
	"bind picker <PgUp> page-up\n"
	"bind picker <Home> move-first\n"
	"bind picker <End> move-last\n"
	"bind picker <Space> mark\n"
	"bind picker <Tab> mark\n"
	"bind picker <Backspace> delete-before\n"
	"bind picker <C-u> kill-to-start\n"
	/* The text editor: text of several lines. */
	"bind editor <C-s> accept\n"
	"bind editor <F2> accept\n"
	"bind editor <Esc> cancel\n"
	"bind editor <C-g> cancel\n"
	"bind editor <Enter> newline\n"
	"bind editor <Left> cursor-left\n"
	"bind editor <Right> cursor-right\n"
	"bind editor <Up> move-up\n"
	"bind editor <Down> move-down\n"
	"bind editor <Home> line-start\n"
	"bind editor <C-a> line-start\n"
	"bind editor <End> line-end\n"
	"bind editor <C-e> line-end\n"
	"bind editor <Backspace> delete-before\n"
	"bind editor <Delete> delete-char\n"
	/* A question answered by a key ("(y)es, (n)o"). */
	"bind question <Esc> cancel\n"
	"bind question <C-g> cancel\n";

const char *const tui_contexts[TUI_NCONTEXTS] = { "prompt", "picker", "editor", "question" };

static int is_context(const char *scope)
{
	int i;
	for (i = 0; i < TUI_NCONTEXTS; i++)
		if (!strcmp(scope, tui_contexts[i]))
			return 1;
	return 0;
}

void tui_keymap_defaults(struct tui_keymap *km)
{
	struct ldr_diag d;
	ldr_diag_init(&d, "defaults");
	tui_keymap_parse(km, tui_default_bindings, &d);
	ldr_diag_release(&d);
}

enum tui_action tui_keymap_lookup(const struct tui_keymap *km, const char *view, tui_key key)
{
	size_t i;
	enum tui_action generic = TUI_NONE;
	for (i = 0; i < km->n; i++) {
		if (km->v[i].key != key)
			continue;
		if (view && strcmp(km->v[i].scope, view) == 0)
			return km->v[i].action;
		if (strcmp(km->v[i].scope, "generic") == 0)
			generic = km->v[i].action;
	}
	return generic;
}

enum tui_action tui_keymap_lookup_in(const struct tui_keymap *km, const char *context, tui_key key)
{
	enum tui_action a = TUI_NONE;
	size_t i;

	for (i = 0; context && i < km->n; i++)
		if (km->v[i].key == key && strcmp(km->v[i].scope, context) == 0)
			return km->v[i].action;
	if (key >= 0x20 && key < 0x110000 && key != 0x7F)
		return TUI_NONE; /* a character: text */
	for (i = 0; i < km->n; i++)
		if (km->v[i].key == key && strcmp(km->v[i].scope, "generic") == 0)
			a = km->v[i].action;
	return a == TUI_SUSPEND || a == TUI_REDRAW ? a : TUI_NONE;
}

const char *tui_keymap_label(const struct tui_keymap *km, const char *context, enum tui_action a,
			     int want_char, char *buf, size_t len)
{
	size_t i, n;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < km->n; i++) {
			tui_key k = km->v[i].key;
			int character = k >= 0x20 && k < 0x110000 && k != 0x7F;
			if (km->v[i].action != a || strcmp(km->v[i].scope, context) != 0 ||
			    (!pass && character != want_char))
				continue;
			tui_key_name(k, buf, len);
			n = strlen(buf);
			if (n == 5 && !strncmp(buf, "<C-", 3)) { /* <C-s>: Ctrl-S */
				snprintf(buf, len, "Ctrl-%c", 'A' + k - 1);
			} else if (n > 2 && buf[0] == '<') { /* <Enter>: Enter */
				memmove(buf, buf + 1, n - 2);
				buf[n - 2] = '\0';
			}
			return buf;
		}
	snprintf(buf, len, "?");
	return buf;
}

void tui_keymap_keys_of(const struct tui_keymap *km, enum tui_action a, const char *scope,
			char *buf, size_t len)
{
	size_t i, used = 0;
	char name[24];
	buf[0] = '\0';
	for (i = 0; i < km->n; i++) {
		int other = strcmp(km->v[i].scope, "generic") != 0;
		if (km->v[i].action != a || (scope && strcmp(km->v[i].scope, scope) != 0) ||
		    (!scope && is_context(km->v[i].scope)))
			continue;
		tui_key_name(km->v[i].key, name, sizeof(name));
		used += (size_t)snprintf(buf + used, used < len ? len - used : 0, "%s%s%s%s",
					 used ? " " : "", name, !scope && other ? " in " : "",
					 !scope && other ? km->v[i].scope : "");
		if (used >= len)
			break;
	}
}

void tui_keymap_release(struct tui_keymap *km)
{
	size_t i;
	for (i = 0; i < km->n; i++)
		free(km->v[i].scope);
	free(km->v);
	memset(km, 0, sizeof(*km));
}

/* Escape text for roff: a backslash, and a line's leading dot or quote. */
static void roff_text(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

size_t tui_keymap_rows(const struct tui_keymap *km, struct tui_keyrow **rows)
{
	size_t n = 0, cap = 0, i;
	int a, c;

	*rows = NULL;
	for (a = 1; a < TUI_FIRST_TEXT_ACTION; a++) {
		ldr_grow((void **)rows, &cap, n + 1, sizeof(**rows));
		(*rows)[n].context = NULL;
		(*rows)[n++].action = (enum tui_action)a;
	}
	for (c = 0; c < TUI_NCONTEXTS; c++)
		for (a = 1; a < TUI_NACTIONS; a++)
			for (i = 0; i < km->n; i++)
				if (km->v[i].action == (enum tui_action)a &&
				    !strcmp(km->v[i].scope, tui_contexts[c])) {
					ldr_grow((void **)rows, &cap, n + 1, sizeof(**rows));
					(*rows)[n].context = tui_contexts[c];
					(*rows)[n++].action = (enum tui_action)a;
					break;
				}
	return n;
}

void tui_keymap_row_keys(const struct tui_keymap *km, const struct tui_keyrow *r, char *buf,
			 size_t len)
{
	size_t used;
	tui_keymap_keys_of(km, r->action, r->context, buf, len);
	used = strlen(buf);
	if (r->context && used)
		snprintf(buf + used, len - used, " in %s", r->context);
	else if (!used)
		snprintf(buf, len, "(none)");
}

void tui_keymap_print(const struct tui_keymap *km, FILE *out, int roff)
{
	char keys[128];
	struct tui_keyrow *rows;
	size_t n = tui_keymap_rows(km, &rows), i;

	for (i = 0; i < n; i++) {
		const struct tui_action_info *a = &tui_actions[rows[i].action];
		tui_keymap_row_keys(km, &rows[i], keys, sizeof(keys));
		if (roff) {
			fputs(".TP\n.B \"", out);
			roff_text(out, keys);
			fputs("\"\n\\fI", out);
			roff_text(out, a->name);
			fputs("\\fR: ", out);
			roff_text(out, a->help);
			fputs("\n", out);
		} else {
			fprintf(out, "%-16s %-16s %s\n", keys, a->name, a->help);
		}
	}
	free(rows);
}

int tui_keymap_load(struct tui_keymap *km, const char *config, struct ldr_buf *err)
{
	struct ldr_buf path = LDR_BUF_INIT, text = LDR_BUF_INIT, e = LDR_BUF_INIT;
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct ldr_diag d;
	int r = 0;

	tui_keymap_defaults(km);
	if (config)
		ldr_buf_addstr(&path, config);
	else if (xdg && *xdg)
		ldr_buf_addf(&path, "%s/ldr/config", xdg);
	else if (home && *home)
		ldr_buf_addf(&path, "%s/.config/ldr/config", home);
	if (!path.s) {
		/* No configuration to look for. */
	} else if (ldr_file_read(path.s, &text, &e) == 0) {
		ldr_diag_init(&d, path.s);
		if (tui_keymap_parse(km, text.s, &d) && d.n) {
			ldr_buf_addf(err, "%s:%u:%u: %s", path.s, d.v[0].line, d.v[0].col, d.v[0].text);
			r = -1;
		}
		ldr_diag_release(&d);
	} else if (config) {
		/* Named on the command line: it must be there. The default
		 * one need not. */
		ldr_buf_addstr(err, e.s);
		r = -1;
	}
	ldr_buf_release(&path);
	ldr_buf_release(&text);
	ldr_buf_release(&e);
	return r;
}
