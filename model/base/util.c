#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void oom(size_t n)
{
	fprintf(stderr, "ldr: out of memory (allocating %zu bytes)\n", n);
	abort();
}

void *ldr_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *ldr_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *ldr_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

char *ldr_strndup(const char *s, size_t n)
{
	char *p = ldr_malloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *ldr_strdup(const char *s)
{
	return ldr_strndup(s, strlen(s));
}

void ldr_grow(void **v, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap;
	if (need <= c)
		return;
	c = c ? c : 8;
	while (c < need)
		c *= 2;
	*v = ldr_realloc(*v, c * size);
	*cap = c;
}

void ldr_buf_add(struct ldr_buf *b, const void *data, size_t n)
{
	ldr_grow((void **)&b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, data, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void ldr_buf_addstr(struct ldr_buf *b, const char *s)
{
	ldr_buf_add(b, s, strlen(s));
}

void ldr_buf_addch(struct ldr_buf *b, char c)
{
	ldr_buf_add(b, &c, 1);
}

void ldr_buf_vaddf(struct ldr_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	/* Into the room there is (a big buffer has some); formatted twice
	 * only when it does not fit. */
	va_copy(cp, ap);
	if (b->cap > b->len)
		n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, cp);
	else
		n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		if (b->s)
			b->s[b->len] = '\0';
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		ldr_grow((void **)&b->s, &b->cap, b->len + (size_t)n + 1, 1);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void ldr_buf_addf(struct ldr_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ldr_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void ldr_buf_reset(struct ldr_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

int ldr_buf_same(const struct ldr_buf *a, const struct ldr_buf *b)
{
	return a->len == b->len && (!a->len || memcmp(a->s, b->s, a->len) == 0);
}

void ldr_buf_release(struct ldr_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

char *ldr_buf_detach(struct ldr_buf *b)
{
	char *s = b->s ? b->s : ldr_strdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

size_t ldr_utf8_encode(unsigned c, char out[4])
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | c >> 12);
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18 & 0x07));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

size_t ldr_utf8_decode(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c, min;
	size_t len, i;

	if (n == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xE0) == 0xC0) {
		len = 2, c &= 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3, c &= 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

int ldr_is_bidi_control(unsigned cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
	       cp == 0x200F || cp == 0x061C;
}

void ldr_buf_addquoted(struct ldr_buf *b, const char *s, size_t max)
{
	size_t n = strlen(s), i = 0, chars = 0;

	while (i < n) {
		unsigned cp;
		size_t len = ldr_utf8_decode(s + i, n - i, &cp);

		if (chars++ == max) {
			ldr_buf_addstr(b, "...");
			return;
		}
		if (len == 0) {
			ldr_buf_addf(b, "\\x%02X", (unsigned char)s[i]);
			i++;
			continue;
		}
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			ldr_buf_addf(b, cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : "\\x%02X", cp);
		else if (ldr_is_bidi_control(cp))
			/* Bidirectional controls would reorder what the terminal shows. */
			ldr_buf_addf(b, "\\u%04X", cp);
		else
			ldr_buf_add(b, s + i, len);
		i += len;
	}
}

unsigned ldr_edit_distance(const char *a, const char *b, unsigned cap)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	unsigned *base, *prev2, *prev, *cur, best, d;

	if (la > 64 || lb > 64)
		return strcmp(a, b) == 0 ? 0 : cap + 1;
	if ((la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	base = prev2 = ldr_calloc(3 * (lb + 1), sizeof(unsigned));
	prev = prev2 + lb + 1;
	cur = prev + lb + 1;
	for (j = 0; j <= lb; j++)
		prev[j] = (unsigned)j;
	for (i = 1; i <= la; i++) {
		unsigned *t;
		cur[0] = (unsigned)i;
		best = cur[0];
		for (j = 1; j <= lb; j++) {
			unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
			d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (prev[j - 1] + cost < d)
				d = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < best)
				best = d;
		}
		t = prev2, prev2 = prev, prev = cur, cur = t;
		if (best > cap) {
			free(base);
			return cap + 1;
		}
	}
	d = prev[lb];
	free(base);
	return d > cap ? cap + 1 : d;
}

const char *ldr_suggest(const char *word, const void *cands, size_t n, size_t stride)
{
	const char *best = NULL;
	unsigned best_d, cap;
	size_t i, len = strlen(word);

	cap = len < 4 ? 1 : len < 9 ? 2 : 3;
	best_d = cap + 1;
	for (i = 0; i < n; i++) {
		const char *c;
		unsigned d;

		/* The string is the first member of each element (memcpy: no
		 * claim about the alignment of a char pointer). */
		memcpy(&c, (const char *)cands + i * stride, sizeof(c));
		if (!c)
			continue;
		if (strcasecmp(c, word) == 0)
			return c;
		d = ldr_edit_distance(word, c, cap);
		if (d < best_d) {
			best_d = d;
			best = c;
		}
	}
	return best;
}

char *ldr_text_normalise(const char *s)
{
	struct ldr_buf b = LDR_BUF_INIT;
	const char *line = s;

	while (*line) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		size_t keep = n;
		while (keep && (line[keep - 1] == ' ' || line[keep - 1] == '\t'))
			keep--;
		ldr_buf_add(&b, line, keep);
		if (!end)
			break;
		ldr_buf_addch(&b, '\n');
		line = end + 1;
	}
	while (b.len && b.s[b.len - 1] == '\n')
		b.s[--b.len] = '\0';
	if (!b.len) {
		ldr_buf_release(&b);
		return NULL;
	}
	return ldr_buf_detach(&b);
}
