#include "history.h"

#include <string.h>

#include "diag.h"
#include "roadmap.h"
#include "util.h"

/* The next occurrence of needle in [p, end), or NULL. */
static const char *find(const char *p, const char *end, const char *needle, size_t n)
{
	while ((size_t)(end - p) >= n) {
		const char *q = memchr(p, needle[0], (size_t)(end - p) - n + 1);
		if (!q)
			return NULL;
		if (memcmp(q, needle, n) == 0)
			return q;
		p = q + 1;
	}
	return NULL;
}

/* Whether "- id: " at p is a list item of this id: only blanks before it on
 * its line, then the id, plain or single-quoted, then the end of the line. */
static int item_line(const char *text, const char *p, const char *end, const char *id, size_t idlen,
		     const char **line)
{
	const char *s = p, *v = p + 6;

	while (s > text && s[-1] == ' ')
		s--;
	if (s > text && s[-1] != '\n')
		return 0;
	*line = s;
	if (v < end && *v == '\'') {
		v++;
		if ((size_t)(end - v) < idlen + 1 || memcmp(v, id, idlen) || v[idlen] != '\'')
			return 0;
		v += idlen + 1;
	} else {
		if ((size_t)(end - v) < idlen || memcmp(v, id, idlen))
			return 0;
		v += idlen;
	}
	return v == end || *v == '\n';
}

/* The end of the item whose "-" is at column col: the first line after it
 * that is neither blank, nor a comment, nor indented deeper than col. */
static const char *item_end(const char *p, const char *end, size_t col)
{
	p = memchr(p, '\n', (size_t)(end - p));
	while (p && p < end) {
		const char *line = p + 1, *q = line;
		while (q < end && *q == ' ')
			q++;
		if (q < end && *q != '\n' && *q != '#' && (size_t)(q - line) <= col)
			return line;
		p = memchr(q, '\n', (size_t)(end - q));
	}
	return end;
}

int ldr_record_span(const char *text, size_t len, const char *id, size_t *start, size_t *end)
{
	const char *e = text + len, *p = text, *line, *found = NULL, *found_dash = NULL;
	size_t idlen = strlen(id);
	int n = 0;

	while ((p = find(p, e, "- id: ", 6)) != NULL) {
		if (item_line(text, p, e, id, idlen, &line)) {
			found = line;
			found_dash = p;
			n++;
		}
		p += 6;
	}
	if (n != 1)
		return 0;
	*start = (size_t)(found - text);
	*end = (size_t)(item_end(found_dash, e, (size_t)(found_dash - found)) - text);
	return 1;
}

int ldr_record_unchanged(const char *a, size_t alen, const char *b, size_t blen, const char *id)
{
	size_t as, ae, bs, be, idlen = strlen(id);

	if (!find(a, a + alen, id, idlen) && !find(b, b + blen, id, idlen))
		return 1;
	if (!ldr_record_span(a, alen, id, &as, &ae) || !ldr_record_span(b, blen, id, &bs, &be))
		return 0;
	return ae - as == be - bs && memcmp(a + as, b + bs, ae - as) == 0;
}

int ldr_record_read(struct ldr_roadmap *rm, const char *text, size_t start, size_t end,
		    const char *list)
{
	struct ldr_buf doc = LDR_BUF_INIT;
	struct ldr_diag diag;
	const char *p = text + start, *e = text + end, *dash = p;
	size_t col;
	int r;

	while (dash < e && *dash == ' ')
		dash++;
	col = (size_t)(dash - p);
	/* The same fixed footprint on both sides: it never shows as a change. */
	ldr_buf_addf(&doc, "ldr: 1\nfootprint: {name: x, start: 16/17, end: 16/17}\n%s:\n", list);
	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *line_end = nl ? nl + 1 : e;
		size_t skip = 0;
		while (skip < col && p + skip < line_end && p[skip] == ' ')
			skip++;
		ldr_buf_add(&doc, p + skip, (size_t)(line_end - p - skip));
		p = line_end;
	}
	ldr_diag_init(&diag, "");
	r = ldr_roadmap_read(rm, doc.s, doc.len, &diag);
	ldr_diag_release(&diag);
	ldr_buf_release(&doc);
	return r;
}
