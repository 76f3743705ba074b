/* Text for the terminal: roadmap text is untrusted, so every string is
 * turned into wide characters with the unprintable ones (control
 * characters, bidirectional overrides, invalid UTF-8) replaced, and fitted
 * to a width in terminal columns. No curses here: it is unit-tested alone. */
#ifndef LDR_TUI_TEXT_H
#define LDR_TUI_TEXT_H

#include <stddef.h>
#include <wchar.h>

#include "../model/base/util.h"

/* Convert UTF-8 to at most max-1 wide characters that fit in width columns
 * (a NUL-terminated string in out), replacing what a terminal must not be
 * given. If the text does not fit, it ends with an ellipsis. Returns the
 * number of columns used. Line breaks and tabs become spaces. */
int tui_fit(const char *utf8, int width, wchar_t *out, size_t max);

/* How many bytes of s fit in width columns, whole characters only. */
size_t tui_fit_bytes(const char *utf8, int width);

/* The display width of UTF-8 text, as tui_fit would draw it; of its first
 * n bytes. */
int tui_width(const char *utf8);
int tui_width_n(const char *utf8, size_t n);

/* Whether hay holds needle, whatever the case of either, for every letter
 * towlower knows (É matches é), not only A to Z. */
int tui_contains_ci(const char *hay, const char *needle);

/* The character drawn in place of an unprintable one. */
#define TUI_REPLACEMENT L'\uFFFD'

/* Whether a code point must not reach the terminal as it is. */
int tui_unsafe(wchar_t c);

/* Pasted text (n bytes of UTF-8, as the terminal sent it) made into what
 * it is pasted into, appended to out. For several lines (multiline): a
 * CR LF or a CR becomes a line break, a tab the spaces to the next tab
 * stop (every 8 columns; the paste starts at column col of its line). For
 * one line: a line break or a tab becomes a space, and line breaks at the
 * end are dropped. Other control characters (C0, DEL, C1), which a roadmap
 * cannot hold, and invalid UTF-8 are dropped. */
void tui_paste_clean(struct ldr_buf *out, const char *utf8, size_t n, int multiline, int col);

#endif
