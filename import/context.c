/* The context of one import: its messages, names normalised for matching,
 * and the roadmap's records found by id and by name. */
#include "imp.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *imp_pool_add(struct imp_pool *p, char *s)
{
	ldr_grow((void **)&p->v, &p->cap, p->n + 1, sizeof(*p->v));
	p->v[p->n++] = s;
	return s;
}

void imp_pool_release(struct imp_pool *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	memset(p, 0, sizeof(*p));
}

/* ---- messages ---------------------------------------------------------------- */

const char *imp_q(struct imp *im, const char *s)
{
	struct ldr_buf b = LDR_BUF_INIT;

	ldr_buf_addch(&b, '\'');
	ldr_buf_addquoted(&b, s ? s : "", 60);
	ldr_buf_addch(&b, '\'');
	return imp_pool_add(&im->pool, ldr_buf_detach(&b));
}

/* "file: Sheet!C7: ", as much of it as is known. */
static void where(struct imp *im, struct ldr_buf *b, const struct ldr_sheet *s, unsigned row, unsigned col)
{
	char cell[16];

	ldr_buf_addquoted(b, im->o->source, 200);
	ldr_buf_addstr(b, ": ");
	if (!s)
		return;
	if (!im->o->csv) {
		ldr_buf_addquoted(b, s->name, 100);
		ldr_buf_addstr(b, row == (unsigned)-1 || col == (unsigned)-1 ? ": " : "!");
	}
	if (row == (unsigned)-1)
		return;
	if (col == (unsigned)-1)
		ldr_buf_addf(b, "row %u: ", row + 1);
	else
		ldr_buf_addf(b, "%s: ", ldr_cell_name(row, col, cell));
}

static void say(struct imp *im, int error, const struct ldr_sheet *s, unsigned row, unsigned col,
		const char *fmt, va_list ap)
{
	struct ldr_import_result *r = im->res;
	struct ldr_buf *out = error ? &r->errors : &r->warnings;
	size_t *n = error ? &r->nerrors : &r->nwarnings;

	if ((*n)++ >= LDR_IMPORT_MAX_LISTED)
		return;
	where(im, out, s, row, col);
	ldr_buf_vaddf(out, fmt, ap);
	ldr_buf_addch(out, '\n');
}

void imp_error(struct imp *im, const struct ldr_sheet *s, unsigned row, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(im, 1, s, row, col, fmt, ap);
	va_end(ap);
}

void imp_warn(struct imp *im, const struct ldr_sheet *s, unsigned row, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(im, 0, s, row, col, fmt, ap);
	va_end(ap);
}

/* ---- names ------------------------------------------------------------------- */

static int blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char *imp_norm(const char *s)
{
	struct ldr_buf b = LDR_BUF_INIT;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (blank(c)) {
			if (b.len && b.s[b.len - 1] != ' ')
				ldr_buf_addch(&b, ' ');
			continue;
		}
		ldr_buf_addch(&b, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
	}
	if (b.len && b.s[b.len - 1] == ' ')
		b.s[--b.len] = '\0';
	return ldr_buf_detach(&b);
}

char *imp_heading(const char *s)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char *n;
	int depth = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '(' || c == '[')
			depth++;
		else if ((c == ')' || c == ']') && depth)
			depth--;
		else if (!depth)
			ldr_buf_addch(&b, (char)((c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
						  (c >= 'A' && c <= 'Z')) ? c : ' '));
	}
	n = imp_norm(b.s ? b.s : "");
	ldr_buf_release(&b);
	return n;
}

static int has_digit(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

size_t imp_leading_id(const char *s, const struct imp_index *ix)
{
	size_t n = strcspn(s, " \t\n");
	char *word;
	int ok;

	if (!n || n > 64)
		return 0;
	word = ldr_strndup(s, n);
	ok = ldr_id_valid(word) && (has_digit(s, n) || (ix && ldr_hash_get(&ix->by_id, word)));
	free(word);
	return ok ? n : 0;
}

/* ---- records by id and name ------------------------------------------------- */

void imp_index_add(struct imp *im, struct imp_index *ix, const char *id, const char *name, size_t i)
{
	void *v = (void *)(uintptr_t)(i + 1);

	if (id)
		ldr_hash_put(&ix->by_id, id, v);
	if (name)
		ldr_hash_put(&ix->by_name, imp_pool_add(&im->pool, imp_norm(name)), v);
}

long imp_index_id(const struct imp_index *ix, const char *id)
{
	uintptr_t v = id ? (uintptr_t)ldr_hash_get(&ix->by_id, id) : 0;
	return v ? (long)v - 1 : -1;
}

long imp_index_name(const struct imp_index *ix, const char *name)
{
	char *n = imp_norm(name);
	uintptr_t v = (uintptr_t)ldr_hash_get(&ix->by_name, n);

	free(n);
	return v ? (long)v - 1 : -1;
}

void imp_index_release(struct imp_index *ix)
{
	ldr_hash_clear(&ix->by_id);
	ldr_hash_clear(&ix->by_name);
}

/* ---- ids ------------------------------------------------------------------- */

int imp_id_taken(const struct imp *im, const char *id)
{
	return ldr_hash_get(&im->ids, id) != NULL;
}

void imp_id_add(struct imp *im, const char *id)
{
	ldr_hash_put(&im->ids, imp_pool_add(&im->pool, ldr_strdup(id)), (void *)1);
}

/* The number after prefix in id, and its digits; -1 when id is not prefix
 * then digits only. */
static long numbered(const char *id, const char *prefix, int *digits)
{
	size_t n = strlen(prefix), i;
	long v = 0;

	if (strncmp(id, prefix, n) || !id[n] || strlen(id + n) > 9)
		return -1;
	for (i = n; id[i]; i++) {
		if (id[i] < '0' || id[i] > '9')
			return -1;
		v = v * 10 + (id[i] - '0');
	}
	*digits = (int)(i - n);
	return v;
}

char *imp_new_id(struct imp *im, struct imp_seq *seq, const struct ldr_list *list, const struct ldr_kind *k)
{
	long v;
	size_t i;
	int digits;
	char buf[128];

	for (i = 0; !seq->ready && list && i < list->len; i++) {
		const char *id = ldr_rec_id(k, ldr_list_at(list, k, i));
		if (id && (v = numbered(id, seq->prefix, &digits)) >= 0) {
			seq->top = v > seq->top ? v : seq->top;
			seq->width = digits > seq->width ? digits : seq->width;
		}
	}
	seq->ready = 1;
	do
		snprintf(buf, sizeof(buf), "%s%0*ld", seq->prefix, seq->width, ++seq->top);
	while (imp_id_taken(im, buf));
	imp_id_add(im, buf);
	return ldr_strdup(buf);
}

#define SLUG_MAX 40

char *imp_slug_id(struct imp *im, const char *name, const char *fallback)
{
	struct ldr_buf b = LDR_BUF_INIT, id = LDR_BUF_INIT;
	const char *p;
	int n = 2;

	for (p = name; *p; p++) {
		char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			ldr_buf_addch(&b, c);
		else if (b.len && b.s[b.len - 1] != '-')
			ldr_buf_addch(&b, '-');
	}
	if (b.len > SLUG_MAX) { /* cut at a word's end, if there is one */
		size_t cut = SLUG_MAX;
		while (cut > 0 && b.s[cut] != '-')
			cut--;
		b.len = cut ? cut : SLUG_MAX;
		b.s[b.len] = '\0';
	}
	while (b.len && b.s[b.len - 1] == '-')
		b.s[--b.len] = '\0';
	if (!b.len)
		ldr_buf_addstr(&b, fallback);
	ldr_buf_addstr(&id, b.s);
	while (imp_id_taken(im, id.s)) {
		ldr_buf_reset(&id);
		ldr_buf_addf(&id, "%s-%d", b.s, n++);
	}
	imp_id_add(im, id.s);
	ldr_buf_release(&b);
	return ldr_buf_detach(&id);
}

void imp_saw(struct imp *im, const struct ldr_time *t)
{
	int first, last;

	if (t->kind == LDR_TIME_NONE)
		return;
	first = ldr_time_fy_of_month(ldr_time_first(t));
	last = ldr_time_fy_of_month(ldr_time_last(t));
	if (im->fy_lo > im->fy_hi) {
		im->fy_lo = first;
		im->fy_hi = last;
		return;
	}
	im->fy_lo = first < im->fy_lo ? first : im->fy_lo;
	im->fy_hi = last > im->fy_hi ? last : im->fy_hi;
}
