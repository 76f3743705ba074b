/* Values read from cells: text, times in the spellings people use, the
 * labels of enumerations, ticks, whole numbers, lists of ids, and the notes
 * that say why a value was derived. A cell that cannot be read is a problem
 * naming it; the caller goes on, so that every problem is listed. */
#include "imp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/roadmap/timeline.h"

/* ---- text ------------------------------------------------------------------- */

/* A formula whose value is an error ("#REF!") is a problem, whatever the
 * field. 1 when it is. */
static int formula_error(struct imp *im, const struct imp_at *a)
{
	if (!a->c || a->c->type != LDR_CELL_ERROR)
		return 0;
	imp_error(im, a->s, a->row, a->col, "the cell's formula gives the error %s", imp_q(im, a->c->text));
	return 1;
}

/* The first control character in s that a roadmap may not hold (C0 but tab
 * and newline, DEL, C1), or 0. */
static unsigned control(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7F)
			return *p;
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0)
			return p[1];
	}
	return 0;
}

/* Line ends as \n; a CSV cell's guard against formulas removed. */
static char *plain(const struct imp *im, const char *s)
{
	struct ldr_buf b = LDR_BUF_INIT;

	if (im->o->csv && s[0] == '\'' && s[1] && strchr("=+-@\t\r", s[1]))
		s++;
	for (; *s; s++) {
		if (*s == '\r') {
			ldr_buf_addch(&b, '\n');
			if (s[1] == '\n')
				s++;
		} else {
			ldr_buf_addch(&b, *s);
		}
	}
	return ldr_buf_detach(&b);
}

static void one_line(char *s)
{
	for (; *s; s++)
		if (*s == '\n')
			*s = ' ';
}

int imp_text(struct imp *im, const struct imp_at *a, int as_text, char **out)
{
	char *s;
	unsigned cc;

	*out = NULL;
	if (!a->c || !a->c->text[strspn(a->c->text, " \t\r\n")])
		return 0; /* blanks are no value */
	if (formula_error(im, a))
		return -1;
	s = plain(im, a->c->text);
	if ((cc = control(s))) {
		imp_error(im, a->s, a->row, a->col, "control character U+%04X in the cell: only tab and line "
			  "breaks are allowed", cc);
		free(s);
		return -1;
	}
	if (as_text) {
		*out = ldr_text_normalise(s);
		free(s);
		return 0;
	}
	if (strchr(s, '\n')) {
		one_line(s);
		imp_warn(im, a->s, a->row, a->col, "the cell's line breaks are read as spaces (this field "
			 "is one line)");
	}
	*out = s;
	return 0;
}

/* ---- times ------------------------------------------------------------------ */

static int digits(const char *s, size_t *n)
{
	*n = 0;
	while (s[*n] >= '0' && s[*n] <= '9')
		(*n)++;
	return *n == 2 || *n == 4;
}

static int number(const char *s, size_t n)
{
	int v = 0;
	size_t i;
	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Whether the two numbers name consecutive years (16 17, 2016 17, 2016 2017). */
static int fy_pair(const char *a, size_t na, const char *b, size_t nb)
{
	int x = number(a, na), y = number(b, nb);
	if (na == 2)
		x += 2000;
	return nb == 2 ? (x + 1) % 100 == y : x + 1 == y;
}

/* A separator between the years of a span: -, an en dash, or a word. */
static size_t span_sep(const char *s)
{
	size_t n = 0;

	while (s[n] == ' ')
		n++;
	if (s[n] == '-')
		n++;
	else if (!strncmp(s + n, "\xE2\x80\x93", 3))
		n += 3;
	else if (!strncmp(s + n, "to ", 3))
		n += 2;
	else
		return 0;
	while (s[n] == ' ')
		n++;
	return n;
}

/* Rewrite the spellings ldr_time_parse does not take into one it does:
 * "FY 2016-17" -> "2016/17". *month_like: "2011-12", which is a month as
 * ldr writes it, and a year as some people do. */
static void respell(const char *s, struct ldr_buf *out, int *month_like)
{
	size_t na, nb, sep;
	const char *start;

	*month_like = 0;
	while (*s == ' ')
		s++;
	if ((s[0] == 'F' || s[0] == 'f') && (s[1] == 'Y' || s[1] == 'y')) {
		s += 2;
		while (*s == ' ' || *s == '-')
			s++;
	}
	for (start = s; *s; s++) {
		if (digits(s, &na) && (s == start || s[-1] < '0' || s[-1] > '9') && (sep = span_sep(s + na)) &&
		    digits(s + na + sep, &nb) && (s[na + sep + nb] < '0' || s[na + sep + nb] > '9') &&
		    fy_pair(s, na, s + na + sep, nb)) {
			if (na == 4 && nb == 2 && s[na] == '-' && sep == 1 && number(s + na + 1, 2) <= 12) {
				*month_like = 1; /* "2011-12": December 2011, as ldr writes months */
				ldr_buf_add(out, s, na);
				s += na - 1;
				continue;
			}
			ldr_buf_add(out, s, na);
			ldr_buf_addch(out, '/');
			ldr_buf_add(out, s + na + sep, nb);
			s += na + sep + nb - 1;
			continue;
		}
		ldr_buf_addch(out, *s);
	}
}

int imp_parse_time(const char *s, int accept, struct ldr_time *t)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char err[200];
	int month_like, r;

	respell(s, &b, &month_like);
	r = ldr_time_parse(t, b.s ? b.s : "", accept, err, sizeof(err));
	ldr_buf_release(&b);
	return r;
}

/* A date, as a cell in a date format gives it (2016-07-01) or as text
 * (2016-07-01, 1/7/2016): 1 with its year and month. */
static int date_of(const struct ldr_cell *c, int *y, int *m)
{
	int d, n = 0;
	char extra;

	if (sscanf(c->text, "%4d-%2d-%2d%n", y, m, &d, &n) == 3 && (n == 10) &&
	    (!c->text[n] || c->text[n] == 'T' || c->text[n] == ' '))
		return *m >= 1 && *m <= 12 && d >= 1 && d <= 31;
	if (sscanf(c->text, "%2d/%2d/%4d%c", &d, m, y, &extra) == 3 && *y >= 1900)
		return *m >= 1 && *m <= 12 && d >= 1 && d <= 31;
	return 0;
}

static const char *wanted(int accept, int year)
{
	if (accept == LDR_TIME_YEAR || year)
		return accept == LDR_TIME_YEAR ? "a financial year (such as 16/17)"
					       : "a financial year (such as 16/17), a quarter (16/17 Q3) or a month (2016-10)";
	if (accept == LDR_TIME_QUARTER)
		return "a quarter (such as 16/17 Q3)";
	return "a time: a financial year (such as 16/17), a quarter (16/17 Q3) or a month (2016-10)";
}

static int from_date(struct imp *im, const struct imp_at *a, int accept, int year, struct ldr_time *t)
{
	int y, m;
	char buf[LDR_TIME_STR_MAX];

	if (!date_of(a->c, &y, &m) || y < LDR_FY_FIRST || y > LDR_FY_LAST)
		return 0;
	if ((year || !(accept & LDR_TIME_MONTH)) && (accept & LDR_TIME_YEAR))
		*t = ldr_time_year(ldr_time_fy_of_month(y * 12 + m - 1));
	else if (accept & LDR_TIME_MONTH)
		*t = ldr_time_month(y, m);
	else
		return 0;
	imp_warn(im, a->s, a->row, a->col, "%s is a date: read as %s %s", imp_q(im, a->c->text),
		 t->kind == LDR_TIME_YEAR ? "its financial year," : "its month,", ldr_time_format(t, buf));
	return 1;
}

int imp_time(struct imp *im, const struct imp_at *a, int accept, int year, struct ldr_time *t)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char err[200];
	int month_like, r = 0;

	memset(t, 0, sizeof(*t));
	if (!a->c || !*a->c->text)
		return 0;
	if (formula_error(im, a))
		return -1;
	if (from_date(im, a, accept, year, t))
		goto out;
	respell(a->c->text, &b, &month_like);
	if (a->c->type == LDR_CELL_NUMBER || ldr_time_parse(t, b.s ? b.s : "", LDR_TIME_ANY, err, sizeof(err)) < 0) {
		imp_error(im, a->s, a->row, a->col, "%s is not %s", imp_q(im, a->c->text), wanted(accept, year));
		r = -1;
	} else if (!(t->kind & accept)) {
		imp_error(im, a->s, a->row, a->col, "%s is %s: %s is wanted here", imp_q(im, a->c->text),
			  t->kind == LDR_TIME_YEAR ? "a year" : t->kind == LDR_TIME_QUARTER ? "a quarter" : "a month",
			  wanted(accept, year));
		r = -1;
	} else if (month_like && year) {
		imp_warn(im, a->s, a->row, a->col, "%s is read as a month, as ldr writes months (the "
			 "financial year is written %.2s/%.2s)", imp_q(im, a->c->text), a->c->text + 2, a->c->text + 5);
	}
out:
	if (r == 0)
		imp_saw(im, t);
	else
		memset(t, 0, sizeof(*t));
	ldr_buf_release(&b);
	return r;
}

/* ---- enumerations, ticks, numbers, ids ----------------------------------------- */

/* "In progress" -> "in-progress". A new string. */
static char *enum_word(const char *s)
{
	char *n = imp_norm(s), *p;

	for (p = n; *p; p++)
		if (*p == ' ' || *p == '_')
			*p = '-';
	return n;
}

static int enum_index(const char *text, const struct ldr_field *f)
{
	char *w = enum_word(text);
	int i, found = -1;

	for (i = 0; f->values[i]; i++)
		if (!strcmp(f->values[i], w))
			found = i;
	free(w);
	return found;
}

int imp_enum_ok(const char *text, const struct ldr_kind *k, const char *field)
{
	return !text || !*text || enum_index(text, &k->fields[ldr_kind_field(k, field)]) >= 0;
}

int imp_enum(struct imp *im, const struct imp_at *a, const struct ldr_kind *k, const char *field, int *v)
{
	const struct ldr_field *f = &k->fields[ldr_kind_field(k, field)];
	struct ldr_buf list = LDR_BUF_INIT;
	int i;

	*v = 0;
	if (!a->c || !*a->c->text)
		return 0;
	if (formula_error(im, a))
		return -1;
	if ((i = enum_index(a->c->text, f)) >= 0) {
		*v = i + 1;
		return 0;
	}
	for (i = 0; f->values[i]; i++)
		ldr_buf_addf(&list, "%s%s", i ? ", " : "", f->values[i]);
	imp_error(im, a->s, a->row, a->col, "%s is not a %s %s: one of %s", imp_q(im, a->c->text), k->name,
		  field, list.s);
	ldr_buf_release(&list);
	return -1;
}

int imp_tick(struct imp *im, const struct imp_at *a, int *v)
{
	static const char *const yes[] = { "\xE2\x9C\x93", "\xE2\x9C\x94", "x", "y", "yes", "true", "1" };
	static const char *const no[] = { "n", "no", "false", "0", "-" };
	char *w;
	size_t i;

	*v = 0;
	if (!a->c || !*a->c->text)
		return 0;
	if (formula_error(im, a))
		return -1;
	w = imp_norm(a->c->text);
	for (i = 0; i < LDR_ARRAY_SIZE(yes); i++)
		*v |= !strcmp(w, yes[i]);
	for (i = 0; i < LDR_ARRAY_SIZE(no) && !*v; i++)
		if (!strcmp(w, no[i]))
			break;
	free(w);
	if (*v || i < LDR_ARRAY_SIZE(no))
		return 0;
	imp_error(im, a->s, a->row, a->col, "%s is not a tick (\xE2\x9C\x93, x or yes; empty or no for none)",
		  imp_q(im, a->c->text));
	return -1;
}

int imp_int(struct imp *im, const struct imp_at *a, long long lo, long long hi, struct ldr_int *v)
{
	char *end;
	double d;

	memset(v, 0, sizeof(*v));
	if (!a->c || !*a->c->text)
		return 0;
	if (formula_error(im, a))
		return -1;
	d = strtod(a->c->text, &end);
	while (*end == ' ')
		end++;
	if (end == a->c->text || *end || !(d >= (double)lo && d <= (double)hi) || d != (double)(long long)d) {
		imp_error(im, a->s, a->row, a->col, "%s is not a whole number from %lld to %lld",
			  imp_q(im, a->c->text), lo, hi);
		return -1;
	}
	v->v = (long long)d;
	v->set = 1;
	return 0;
}

int imp_ids(struct imp *im, const struct imp_at *a, struct ldr_strv *v)
{
	const char *p = a->c ? a->c->text : "";
	int r = 0;

	memset(v, 0, sizeof(*v));
	if (formula_error(im, a))
		return -1;
	while (*p) {
		size_t n = strcspn(p, ",; \t\r\n");
		char *id = ldr_strndup(p, n);
		if (n && !ldr_id_valid(id)) {
			imp_error(im, a->s, a->row, a->col, "%s is not an id", imp_q(im, id));
			r = -1;
		}
		if (n && r == 0) {
			v->v = ldr_realloc(v->v, (v->n + 1) * sizeof(*v->v));
			v->v[v->n++] = id;
		} else {
			free(id);
		}
		p += n + (p[n] != '\0');
	}
	return r;
}

/* ---- notes ------------------------------------------------------------------ */

const char *imp_reason(const struct imp_at *a)
{
	const char *n = ldr_sheet_note(a->s, a->row, a->col);
	size_t len = strlen(IMP_DERIVED_NOTE);

	if (!n || strncmp(n, IMP_DERIVED_NOTE, len))
		return NULL;
	n += len;
	while (*n == ' ' || *n == '\n')
		n++;
	return *n ? n : NULL;
}

const char *imp_comment(const struct imp_at *a)
{
	const char *n = ldr_sheet_note(a->s, a->row, a->col);

	if (!n || !strncmp(n, IMP_DERIVED_NOTE, strlen(IMP_DERIVED_NOTE)))
		return NULL;
	return *n ? n : NULL;
}
