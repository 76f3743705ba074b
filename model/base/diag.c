#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void ldr_diag_init(struct ldr_diag *d, const char *file)
{
	memset(d, 0, sizeof(*d));
	d->file = ldr_strdup(file ? file : "<input>");
	d->max_errors = 50;
}

void ldr_diag_release(struct ldr_diag *d)
{
	size_t i;
	for (i = 0; i < d->n; i++)
		free(d->v[i].text);
	free(d->v);
	free(d->file);
	memset(d, 0, sizeof(*d));
}

int ldr_diag_full(const struct ldr_diag *d)
{
	return d->max_errors && d->errors >= d->max_errors;
}

void ldr_diag_add(struct ldr_diag *d, enum ldr_severity sev, unsigned line, unsigned col,
		  const char *fmt, ...)
{
	struct ldr_buf b = LDR_BUF_INIT;
	struct ldr_msg *m;
	va_list ap;

	if (sev == LDR_ERROR) {
		if (ldr_diag_full(d))
			return;
		d->errors++;
	} else {
		d->warnings++;
	}
	va_start(ap, fmt);
	ldr_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	ldr_grow((void **)&d->v, &d->cap, d->n + 1, sizeof(*d->v));
	m = &d->v[d->n++];
	m->severity = sev;
	m->line = line;
	m->col = col;
	m->text = ldr_buf_detach(&b);
}

static int by_position(const void *a, const void *b)
{
	const struct ldr_msg *x = *(const struct ldr_msg *const *)a, *y = *(const struct ldr_msg *const *)b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x < y ? -1 : x > y; /* stable: in the order found */
}

void ldr_diag_format(const struct ldr_diag *d, struct ldr_buf *out)
{
	const struct ldr_msg **order = ldr_calloc(d->n, sizeof(*order));
	size_t i;

	for (i = 0; i < d->n; i++)
		order[i] = &d->v[i];
	qsort(order, d->n, sizeof(*order), by_position);
	for (i = 0; i < d->n; i++) {
		const struct ldr_msg *m = order[i];
		if (m->line)
			ldr_buf_addf(out, "%s:%u:%u: ", d->file, m->line, m->col);
		else
			ldr_buf_addf(out, "%s: ", d->file);
		ldr_buf_addf(out, "%s%s\n", m->severity == LDR_WARNING ? "warning: " : "", m->text);
	}
	free(order);
	if (ldr_diag_full(d))
		ldr_buf_addf(out, "%s: too many errors; stopped after %zu\n", d->file, d->max_errors);
}

void ldr_diag_print(const struct ldr_diag *d, FILE *out)
{
	struct ldr_buf b = LDR_BUF_INIT;
	ldr_diag_format(d, &b);
	if (b.len)
		fwrite(b.s, 1, b.len, out);
	ldr_buf_release(&b);
}
