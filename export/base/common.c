#include "common.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../model/roadmap/national.h"
#include "../../model/base/path.h"
#include "../../model/roadmap/schema.h"
#include "../../model/base/write.h"

/* ---- warnings ------------------------------------------------------------ */

void ldr_export_warn(const struct ldr_export_opts *opts, const char *fmt, ...)
{
	struct ldr_buf b = LDR_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	ldr_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	if (opts && opts->warn)
		opts->warn(opts->warn_payload, b.s);
	else
		fprintf(stderr, "ldr export: warning: %s\n", b.s);
	ldr_buf_release(&b);
}

/* ---- order ----------------------------------------------------------------- */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int natural_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (is_digit(*a) && is_digit(*b)) {
			const char *x = a, *y = b;
			size_t lx, ly;
			int c;

			while (*x == '0' && is_digit(x[1]))
				x++;
			while (*y == '0' && is_digit(y[1]))
				y++;
			for (lx = 0; is_digit(x[lx]); lx++)
				;
			for (ly = 0; is_digit(y[ly]); ly++)
				;
			if (lx != ly)
				return lx < ly ? -1 : 1;
			c = memcmp(x, y, lx);
			if (c)
				return c < 0 ? -1 : 1;
			a = x + lx;
			b = y + ly;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++, b++;
	}
	if (*a || *b)
		return *a ? 1 : -1;
	return 0;
}

int ldr_idcmp(const char *a, const char *b)
{
	int c = natural_cmp(a, b);
	/* "C1" and "C01" are the same number: order them all the same. */
	return c ? c : strcmp(a, b) < 0 ? -1 : strcmp(a, b) > 0;
}

const char *ldr_export_group_name(const struct ldr_roadmap *rm, const char *id)
{
	const struct ldr_national_group *n;
	size_t i;

	if (!id)
		return NULL;
	n = ldr_national_group(id);
	if (n)
		return n->name;
	for (i = 0; i < rm->groups.len; i++) {
		const struct ldr_group *g = LDR_ITEM(rm->groups, struct ldr_group, i);
		if (g->id && strcmp(g->id, id) == 0)
			return g->name;
	}
	return NULL;
}

size_t ldr_group_rank(const struct ldr_roadmap *rm, const char *id)
{
	size_t i;

	if (!id)
		return LDR_NATIONAL_GROUPS + rm->groups.len;
	for (i = 0; i < LDR_NATIONAL_GROUPS; i++)
		if (strcmp(ldr_national_groups[i].id, id) == 0)
			return i;
	for (i = 0; i < rm->groups.len; i++) {
		const struct ldr_group *g = LDR_ITEM(rm->groups, struct ldr_group, i);
		if (g->id && strcmp(g->id, id) == 0)
			return LDR_NATIONAL_GROUPS + i;
	}
	return LDR_NATIONAL_GROUPS + rm->groups.len;
}

void ldr_group_table_init(struct ldr_group_table *t, const struct ldr_roadmap *rm)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	t->rm = rm;
	for (i = 0; i < rm->groups.len; i++) {
		const struct ldr_group *g = LDR_ITEM(rm->groups, struct ldr_group, i);
		if (g->id) /* the first of an id given twice, as a search finds */
			ldr_hash_put(&t->local, g->id, (void *)(uintptr_t)(i + 1));
	}
}

void ldr_group_table_release(struct ldr_group_table *t)
{
	ldr_hash_clear(&t->local);
}

/* The index of a local group in rm->groups, or -1. */
static long local_group(const struct ldr_group_table *t, const char *id)
{
	uintptr_t v = (uintptr_t)ldr_hash_get(&t->local, id);
	return v ? (long)v - 1 : -1;
}

size_t ldr_group_table_rank(const struct ldr_group_table *t, const char *id)
{
	const struct ldr_national_group *n = id ? ldr_national_group(id) : NULL;
	long i;

	if (n)
		return (size_t)(n - ldr_national_groups);
	i = id ? local_group(t, id) : -1;
	return LDR_NATIONAL_GROUPS + (i >= 0 ? (size_t)i : t->rm->groups.len);
}

const char *ldr_group_table_name(const struct ldr_group_table *t, const char *id)
{
	const struct ldr_national_group *n = id ? ldr_national_group(id) : NULL;
	long i;

	if (n)
		return n->name;
	i = id ? local_group(t, id) : -1;
	return i >= 0 ? LDR_ITEM(t->rm->groups, struct ldr_group, (size_t)i)->name : NULL;
}

const char **ldr_group_names(const struct ldr_roadmap *rm, size_t *n)
{
	const char **v = ldr_calloc(LDR_NATIONAL_GROUPS + rm->groups.len, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; i < LDR_NATIONAL_GROUPS; i++)
		v[(*n)++] = ldr_national_groups[i].name;
	for (i = 0; i < rm->groups.len; i++) {
		const struct ldr_group *g = LDR_ITEM(rm->groups, struct ldr_group, i);
		if (g->name)
			v[(*n)++] = g->name;
	}
	return v;
}

struct ranked {
	const void *rec;
	size_t rank;
};

static int cap_cmp(const void *pa, const void *pb)
{
	const struct ranked *ra = pa, *rb = pb;
	const struct ldr_capability *a = ra->rec, *b = rb->rec;
	int c;

	/* Unscheduled capabilities go last (ldr_time_cmp puts them first). */
	if ((a->year.kind == LDR_TIME_NONE) != (b->year.kind == LDR_TIME_NONE))
		return a->year.kind == LDR_TIME_NONE ? 1 : -1;
	if (a->year.kind != LDR_TIME_NONE) {
		int fa = ldr_time_fy_of_month(ldr_time_first(&a->year));
		int fb = ldr_time_fy_of_month(ldr_time_first(&b->year));
		if (fa != fb)
			return fa < fb ? -1 : 1;
	}
	if (ra->rank != rb->rank)
		return ra->rank < rb->rank ? -1 : 1;
	c = ldr_time_cmp(&a->year, &b->year);
	if (c)
		return c;
	return ldr_idcmp(a->id ? a->id : "", b->id ? b->id : "");
}

const struct ldr_capability **ldr_caps_sorted(const struct ldr_roadmap *rm, size_t *n)
{
	size_t i, len = rm->capabilities.len;
	struct ranked *r = ldr_calloc(len, sizeof(*r));
	const struct ldr_capability **v = ldr_calloc(len, sizeof(*v));
	struct ldr_group_table groups;

	ldr_group_table_init(&groups, rm);
	for (i = 0; i < len; i++) {
		const struct ldr_capability *c = LDR_ITEM(rm->capabilities, struct ldr_capability, i);
		r[i].rec = c;
		r[i].rank = ldr_group_table_rank(&groups, c->group);
	}
	ldr_group_table_release(&groups);
	qsort(r, len, sizeof(*r), cap_cmp);
	for (i = 0; i < len; i++)
		v[i] = r[i].rec;
	free(r);
	*n = len;
	return v;
}

static int project_cmp(const void *pa, const void *pb)
{
	const struct ldr_project *a = *(const struct ldr_project *const *)pa;
	const struct ldr_project *b = *(const struct ldr_project *const *)pb;

	if (a->ref.set != b->ref.set)
		return a->ref.set ? -1 : 1;
	if (a->ref.set && a->ref.v != b->ref.v)
		return a->ref.v < b->ref.v ? -1 : 1;
	return ldr_idcmp(a->id ? a->id : "", b->id ? b->id : "");
}

const struct ldr_project **ldr_projects_sorted(const struct ldr_roadmap *rm, size_t *n)
{
	size_t i, len = rm->projects.len;
	const struct ldr_project **v = ldr_calloc(len, sizeof(*v));

	for (i = 0; i < len; i++)
		v[i] = LDR_ITEM(rm->projects, struct ldr_project, i);
	qsort(v, len, sizeof(*v), project_cmp);
	*n = len;
	return v;
}

void ldr_project_table(struct ldr_hash *h, const struct ldr_roadmap *rm)
{
	size_t i;

	for (i = 0; i < rm->projects.len; i++) {
		struct ldr_project *p = LDR_ITEM(rm->projects, struct ldr_project, i);
		if (p->id)
			ldr_hash_put(h, p->id, p);
	}
}

/* ---- time ------------------------------------------------------------------ */

struct ldr_time *ldr_plan_years(const struct ldr_footprint *fp, int to_schedule_end, size_t *n)
{
	const struct ldr_time *end = &fp->end;
	struct ldr_time *v;
	int first, last, y;

	*n = 0;
	if (to_schedule_end && fp->schedule_end.kind != LDR_TIME_NONE)
		end = &fp->schedule_end;
	if (fp->start.kind == LDR_TIME_NONE)
		return NULL;
	first = ldr_time_fy_of_month(ldr_time_first(&fp->start));
	last = end->kind == LDR_TIME_NONE ? first : ldr_time_fy_of_month(ldr_time_last(end));
	if (last < first)
		last = first;
	v = ldr_calloc((size_t)(last - first + 1), sizeof(*v));
	for (y = first; y <= last; y++)
		v[(*n)++] = ldr_time_year(y);
	return v;
}

/* Days since 1970-01-01 of a date in the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil), so that no time zone is involved. */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

time_t ldr_export_created(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts)
{
	const struct ldr_time *t = NULL;
	int month;

	if (opts && opts->time > 0)
		return (time_t)opts->time;
	if (rm->footprint.published.kind != LDR_TIME_NONE)
		t = &rm->footprint.published;
	else if (rm->footprint.start.kind != LDR_TIME_NONE)
		t = &rm->footprint.start;
	if (!t)
		return (time_t)days_from_civil(2000, 1, 1) * 86400;
	month = ldr_time_first(t);
	return (time_t)(days_from_civil(month / 12, (unsigned)(month % 12 + 1), 1) * 86400);
}

const char *ldr_enum_label(const struct ldr_kind *kind, const char *field, int value, char *buf,
			   size_t len)
{
	int fi = ldr_kind_field(kind, field);
	const char *const *values;
	size_t i, n;

	buf[0] = '\0';
	if (fi < 0 || value <= 0 || len == 0)
		return buf;
	values = kind->fields[fi].values;
	for (n = 0; values && values[n]; n++)
		;
	if ((size_t)value > n)
		return buf;
	snprintf(buf, len, "%s", values[value - 1]);
	for (i = 0; buf[i]; i++)
		if (buf[i] == '-')
			buf[i] = ' ';
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}

/* ---- text ------------------------------------------------------------------ */

#define CUT_NOTE "\n[\xE2\x80\xA6 cut here: the cell limit is 32,767 characters; the roadmap has the rest]"
#define REPLACEMENT "\xEF\xBF\xBD"

size_t ldr_utf16_len(const char *s)
{
	size_t n = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c & 0xC0) != 0x80)
			n += (c & 0xF8) == 0xF0 ? 2 : 1;
	}
	return n;
}

static int xml_forbidden(unsigned cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF;
}

unsigned ldr_text_clean(struct ldr_buf *out, const char *s, size_t limit)
{
	size_t i = 0, n = strlen(s), start = out->len, units = 0, budget;
	unsigned done = 0;

	while (i < n) {
		unsigned cp;
		size_t len, run;

		/* A run of printable ASCII, as it is, at once. */
		for (run = i; run < n && s[run] >= 0x20 && s[run] < 0x7F; run++)
			;
		if (run > i) {
			ldr_buf_add(out, s + i, run - i);
			i = run;
			continue;
		}
		len = ldr_utf8_decode(s + i, n - i, &cp);
		if (len == 0 || xml_forbidden(cp)) {
			/* A bad byte, or a character no spreadsheet or XML may hold. */
			ldr_buf_addstr(out, REPLACEMENT);
			done |= LDR_TEXT_REPLACED;
			i += len ? len : 1;
		} else {
			ldr_buf_add(out, s + i, len);
			i += len;
		}
	}
	if (!limit || ldr_utf16_len(out->s + start) <= limit)
		return done;
	/* Too long: keep what fits with the note after it. */
	budget = ldr_utf16_len(CUT_NOTE);
	budget = limit > budget ? limit - budget : 0;
	for (i = start; i < out->len; i++) {
		unsigned char c = (unsigned char)out->s[i];
		size_t w = (c & 0xC0) == 0x80 ? 0 : (c & 0xF8) == 0xF0 ? 2 : 1;
		if (units + w > budget)
			break;
		units += w;
	}
	out->len = i;
	out->s[i] = '\0';
	ldr_buf_addstr(out, CUT_NOTE);
	return done | LDR_TEXT_CUT;
}

/* ---- CSV ------------------------------------------------------------------- */

static void csv_sep(struct ldr_csv *c)
{
	if (c->col++)
		ldr_buf_addch(&c->buf, ',');
}

void ldr_csv_start(struct ldr_csv *c, const struct ldr_export_opts *opts)
{
	if (!(opts && opts->no_bom))
		ldr_buf_addstr(&c->buf, "\xEF\xBB\xBF");
}

/* Spaces a spreadsheet may trim before it reads a cell. */
static const char *skip_spaces(const char *s)
{
	for (;;) {
		if (*s == ' ')
			s++;
		else if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
			s += 2;
		else
			return s;
	}
}

int ldr_csv_formula_risk(const char *s)
{
	if (!s)
		return 0;
	s = skip_spaces(s);
	if (*s == '=' || *s == '\t' || *s == '\r')
		return 1;
	if (*s != '+' && *s != '-' && *s != '@')
		return 0;
	/* A sign: a formula (or a number) if an operand can follow it. */
	for (s++; *s == '+' || *s == '-' || *s == ' '; s++)
		;
	return *s && !strchr(");*/^&=<>%?]}|~`", *s);
}

void ldr_csv_text(struct ldr_csv *c, const char *s)
{
	struct ldr_buf clean = LDR_BUF_INIT;
	const char *p;

	csv_sep(c);
	if (!s || !*s)
		return;
	if (ldr_csv_formula_risk(s))
		ldr_buf_addch(&clean, '\'');
	ldr_text_clean(&clean, s, 0);
	if (!strpbrk(clean.s, ",\"\r\n")) {
		ldr_buf_add(&c->buf, clean.s, clean.len);
	} else {
		ldr_buf_addch(&c->buf, '"');
		for (p = clean.s; *p; p++) {
			if (*p == '"')
				ldr_buf_addch(&c->buf, '"');
			ldr_buf_addch(&c->buf, *p);
		}
		ldr_buf_addch(&c->buf, '"');
	}
	ldr_buf_release(&clean);
}

void ldr_csv_number(struct ldr_csv *c, long long v)
{
	csv_sep(c);
	ldr_buf_addf(&c->buf, "%lld", v);
}

void ldr_csv_end_row(struct ldr_csv *c)
{
	ldr_buf_add(&c->buf, "\r\n", 2);
	c->col = 0;
}

void ldr_csv_release(struct ldr_csv *c)
{
	ldr_buf_release(&c->buf);
	c->col = 0;
}

int ldr_csv_save(struct ldr_csv *c, const char *path, struct ldr_buf *err)
{
	return ldr_output_save(path, c->buf.s ? c->buf.s : "", c->buf.len, err);
}

void ldr_export_title(struct ldr_buf *out, const struct ldr_roadmap *rm)
{
	if (rm->footprint.title)
		ldr_buf_addstr(out, rm->footprint.title);
	else
		ldr_buf_addf(out, "%s %s", rm->footprint.name ? rm->footprint.name : "Roadmap",
			     ldr_roadmap_title(rm));
}
