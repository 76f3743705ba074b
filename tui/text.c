#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "../model/base/util.h"

int tui_unsafe(wchar_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0) ||
	       (c >= 0x202A && c <= 0x202E) || /* bidirectional embeddings and overrides */
	       (c >= 0x2066 && c <= 0x2069) || /* bidirectional isolates */
	       c == 0x200E || c == 0x200F || c == 0x061C || /* direction marks */
	       (c >= 0xD800 && c <= 0xDFFF) || c == 0xFEFF || c > 0x10FFFF;
}

/* The next character to draw and its width; advances *i. */
static wchar_t next_char(const char *s, size_t n, size_t *i, int *w)
{
	unsigned cp;
	size_t len = ldr_utf8_decode(s + *i, n - *i, &cp);
	wchar_t c;

	if (len == 0) {
		*i += 1;
		*w = 1;
		return TUI_REPLACEMENT;
	}
	*i += len;
	c = (wchar_t)cp;
	if (c == L'\n' || c == L'\t' || c == L'\r') {
		*w = 1;
		return L' ';
	}
	if (tui_unsafe(c)) {
		*w = 1;
		return TUI_REPLACEMENT;
	}
	*w = wcwidth(c);
	if (*w < 0) {
		*w = 1;
		return TUI_REPLACEMENT;
	}
	return c;
}

int tui_fit(const char *s, int width, wchar_t *out, size_t max)
{
	size_t n = s ? strlen(s) : 0, i = 0, o = 0;
	int used = 0;

	if (max == 0)
		return 0;
	while (i < n && o + 1 < max) {
		size_t save = i;
		int w;
		wchar_t c = next_char(s, n, &i, &w);

		if (used + w > width) {
			i = save;
			break;
		}
		out[o++] = c;
		used += w;
	}
	if (i < n && width > 0) {
		/* Cut: make room for the ellipsis. */
		while (o > 0 && used + 1 > width) {
			int w = wcwidth(out[o - 1]);
			used -= w > 0 ? w : (out[o - 1] ? 1 : 0);
			o--;
		}
		if (o + 1 < max) {
			out[o++] = L'\u2026';
			used++;
		}
	}
	out[o] = L'\0';
	return used;
}

int tui_width(const char *s)
{
	return tui_width_n(s, s ? strlen(s) : 0);
}

int tui_width_n(const char *s, size_t n)
{
	size_t i = 0;
	int used = 0;
	while (i < n) {
		int w;
		next_char(s, n, &i, &w);
		used += w;
	}
	return used;
}

size_t tui_fit_bytes(const char *s, int width)
{
	size_t n = strlen(s), i = 0;
	int used = 0;
	while (i < n) {
		size_t save = i;
		int w;
		next_char(s, n, &i, &w);
		if (used + w > width)
			return save;
		used += w;
	}
	return n;
}

/* s as lower-case code points (an invalid byte stands for itself), in a
 * NUL-terminated array to free. */
static wchar_t *folded(const char *s, size_t *n)
{
	size_t len = strlen(s), i = 0, k = 0;
	wchar_t *w = ldr_calloc(len + 1, sizeof(*w));

	while (i < len) {
		unsigned cp;
		size_t step = ldr_utf8_decode(s + i, len - i, &cp);
		if (!step) {
			cp = (unsigned char)s[i];
			step = 1;
		}
		w[k++] = (wchar_t)towlower((wint_t)cp);
		i += step;
	}
	*n = k;
	return w;
}

int tui_contains_ci(const char *hay, const char *needle)
{
	size_t nh, nn, i;
	wchar_t *h, *n;
	int found = 0;

	if (!*needle)
		return 1;
	h = folded(hay, &nh);
	n = folded(needle, &nn);
	/* A plain loop: glibc's vectorised wmemcmp reads past the end of a
	 * short array, which valgrind reports. */
	for (i = 0; !found && i + nn <= nh; i++) {
		size_t j = 0;
		while (j < nn && h[i + j] == n[j])
			j++;
		found = j == nn;
	}
	free(h);
	free(n);
	return found;
}

void tui_paste_clean(struct ldr_buf *out, const char *s, size_t n, int multiline, int col)
{
	size_t i = 0, kept = out->len;

	while (i < n) {
		unsigned cp;
		size_t len = ldr_utf8_decode(s + i, n - i, &cp);

		if (!len) { /* not UTF-8: dropped */
			i++;
			continue;
		}
		if (cp == '\r' && i + 1 < n && s[i + 1] == '\n')
			len++; /* CR LF: one line break */
		if (cp == '\r' || cp == '\n') {
			ldr_buf_addch(out, multiline ? '\n' : ' ');
			col = 0;
		} else if (cp == '\t') {
			do
				ldr_buf_addch(out, ' ');
			while (multiline && ++col % 8);
		} else if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0)) {
			int w = wcwidth((wchar_t)cp);
			ldr_buf_add(out, s + i, len);
			col += w > 0 ? w : 0;
		}
		i += len;
		if (!multiline && cp != '\r' && cp != '\n')
			kept = out->len;
	}
	if (!multiline && out->s) { /* the line break a copied line ends with */
		out->len = kept;
		out->s[kept] = '\0';
	}
}
