#include "history.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../base/diag.h"
#include "../roadmap/roadmap.h"
#include "../base/util.h"

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

/* ---- record tables ------------------------------------------------------------ */

struct scan {
	struct ldr_record_table *t;
	const char *text;
	const char *const *lists;
	int list;       /* the list the lines are in: its index, or -1 */
	long item_col;  /* the column of its items' dashes; -1 until seen */
	size_t open;    /* the span being read + 1; 0 when none */
};

static void close_span(struct scan *s, size_t at)
{
	if (s->open)
		s->t->v[s->open - 1].end = at;
	s->open = 0;
}

/* Whether the rest of a line, from p, holds nothing but blanks or a comment. */
static int nothing_after(const char *p, const char *eol)
{
	while (p < eol && *p == ' ')
		p++;
	return p == eol || *p == '#';
}

/* A top-level key line: which of the lists it opens (-1: another key), or
 * -2 if it is not a line this can read. */
static int key_line(const struct scan *s, const char *p, const char *eol)
{
	const char *q = p;
	size_t i;

	while (q < eol && (*q == '_' || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
			   (*q >= '0' && *q <= '9')))
		q++;
	if (q == p || q == eol || *q != ':' || (q + 1 < eol && q[1] != ' '))
		return -2;
	for (i = 0; s->lists[i]; i++)
		if (strlen(s->lists[i]) == (size_t)(q - p) && memcmp(p, s->lists[i], (size_t)(q - p)) == 0)
			return nothing_after(q + 1, eol) ? (int)i : -2;
	return -1;
}

/* An item of a list: "- id: ID" opens a span. */
static int item(struct scan *s, const char *line, const char *dash, const char *eol)
{
	const char *id = dash + 6, *e = eol;
	struct ldr_record_span *sp;

	if ((size_t)(eol - dash) < 7 || memcmp(dash, "- id: ", 6) != 0)
		return -1;
	while (e > id && e[-1] == ' ')
		e--;
	close_span(s, (size_t)(line - s->text));
	ldr_grow((void **)&s->t->v, &s->t->cap, s->t->n + 1, sizeof(*s->t->v));
	sp = &s->t->v[s->t->n++];
	sp->list = (unsigned)s->list;
	sp->start = (size_t)(line - s->text);
	sp->id = s->t->ids.len;
	ldr_buf_add(&s->t->ids, id, (size_t)(e - id));
	ldr_buf_addch(&s->t->ids, '\0');
	s->open = s->t->n;
	return 0;
}

/* One line that is not blank: 0, or -1 if the table cannot be sure. */
static int scan_line(struct scan *s, const char *line, const char *eol)
{
	const char *p = line;
	long col;

	while (p < eol && *p == ' ')
		p++;
	if (p == eol || *p == '#')
		return 0;
	col = (long)(p - line);
	if (col == 0 && *p != '-') {
		int l = key_line(s, p, eol);
		if (l == -2)
			return -1;
		close_span(s, (size_t)(line - s->text));
		s->list = l;
		s->item_col = -1;
		return 0;
	}
	if (col == 0 && (eol - p < 2 || p[1] != ' '))
		return -1; /* "---", "-x": nothing a list item starts with */
	if (s->list < 0)
		return 0;
	if (s->item_col < 0 && *p == '-')
		s->item_col = col;
	if (col == s->item_col && *p == '-')
		return item(s, line, p, eol);
	return col > s->item_col && s->open ? 0 : -1;
}

int ldr_record_table_build(struct ldr_record_table *t, const char *text, size_t len, const char *const *lists)
{
	struct scan s = { t, text, lists, -1, -1, 0 };
	const char *p = text, *end = text + len;
	size_t i;

	memset(t, 0, sizeof(*t));
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *eol = nl ? nl : end;
		if (eol > p && scan_line(&s, p, eol) < 0)
			return -1;
		p = nl ? nl + 1 : end;
	}
	close_span(&s, len);
	for (i = 0; i < t->n; i++)
		if (ldr_hash_put(&t->by_id, t->ids.s + t->v[i].id, (void *)(uintptr_t)(i + 1)))
			return -1; /* an id written twice */
	return 0;
}

void ldr_record_table_release(struct ldr_record_table *t)
{
	free(t->v);
	ldr_buf_release(&t->ids);
	ldr_hash_clear(&t->by_id);
	memset(t, 0, sizeof(*t));
}

const char *ldr_record_table_id(const struct ldr_record_table *t, const struct ldr_record_span *s)
{
	return t->ids.s + s->id;
}

const struct ldr_record_span *ldr_record_table_find(const struct ldr_record_table *t, const char *id)
{
	size_t i = (size_t)(uintptr_t)ldr_hash_get(&t->by_id, id);
	return i ? &t->v[i - 1] : NULL;
}

int ldr_records_read(struct ldr_roadmap *rm, const char *text, const struct ldr_record_table *t,
		     const size_t *sel, size_t n, const char *const *lists)
{
	struct ldr_buf doc = LDR_BUF_INIT;
	struct ldr_diag diag;
	unsigned l;
	size_t i;
	int r;

	ldr_buf_addstr(&doc, "ldr: 1\nfootprint: {name: x, start: 16/17, end: 16/17}\n");
	for (l = 0; lists[l]; l++) {
		int any = 0;
		for (i = 0; i < n; i++) {
			const struct ldr_record_span *sp = &t->v[sel[i]];
			if (sp->list != l)
				continue;
			if (!any++)
				ldr_buf_addf(&doc, "%s:\n", lists[l]);
			ldr_buf_add(&doc, text + sp->start, sp->end - sp->start);
			if (sp->end > sp->start && text[sp->end - 1] != '\n')
				ldr_buf_addch(&doc, '\n');
		}
	}
	ldr_diag_init(&diag, "");
	r = ldr_roadmap_read(rm, doc.s, doc.len, &diag);
	ldr_diag_release(&diag);
	ldr_buf_release(&doc);
	return r;
}
