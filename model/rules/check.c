/* The check engine: runs the rules of rules.c and collects their findings. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "../roadmap/date.h"
#include "../base/util.h"

const struct ldr_rule *ldr_rule_find(const char *id)
{
	size_t i;
	for (i = 0; i < ldr_nrules; i++)
		if (strcmp(ldr_rules[i].id, id) == 0)
			return &ldr_rules[i];
	return NULL;
}

const char *ldr_q(struct ldr_checker *c, const char *s, int slot)
{
	struct ldr_buf *b = &c->quoted[slot & 3];
	ldr_buf_reset(b);
	ldr_buf_addch(b, '\'');
	ldr_buf_addquoted(b, s ? s : "", 60);
	ldr_buf_addch(b, '\'');
	return b->s;
}

struct ldr_pos ldr_field_pos(const struct ldr_kind *k, const void *rec, const char *field)
{
	int fi = field ? ldr_kind_field(k, field) : -1;
	struct ldr_pos p = { 0, 0 };
	if (fi >= 0)
		p = ldr_rec_field_pos(rec, (unsigned)fi);
	if (!p.line)
		p = ((const struct ldr_rec *)rec)->pos;
	return p;
}

static char *dup_or_null(const char *s)
{
	return s ? ldr_strdup(s) : NULL;
}

__attribute__((format(printf, 7, 0)))
static void add(struct ldr_checker *c, struct ldr_pos pos, const char *id, const char *field,
		const char *other, const char *fix, const char *fmt, va_list ap)
{
	struct ldr_findings *out = c->out;
	struct ldr_buf msg = LDR_BUF_INIT;
	struct ldr_finding *f;

	ldr_buf_vaddf(&msg, fmt, ap);
	ldr_grow((void **)&out->v, &out->cap, out->n + 1, sizeof(*out->v));
	f = &out->v[out->n++];
	f->rule = c->rule;
	f->pos = pos;
	f->id = dup_or_null(id);
	f->field = dup_or_null(field);
	f->other = dup_or_null(other);
	f->message = ldr_buf_detach(&msg);
	f->fix = dup_or_null(fix);
	if (c->rule->severity == LDR_CHECK_ERROR)
		out->errors++;
	else
		out->warnings++;
	out->per_rule[c->rule - ldr_rules]++;
}

void ldr_report(struct ldr_checker *c, const struct ldr_kind *k, const void *rec,
		const char *field, const char *id, const char *fix, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(c, ldr_field_pos(k, rec, field), id, field, NULL, fix, fmt, ap);
	va_end(ap);
}

void ldr_report_at(struct ldr_checker *c, struct ldr_pos pos, const char *id, const char *field,
		   const char *other, const char *fix, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(c, pos, id, field, other, fix, fmt, ap);
	va_end(ap);
}

static int by_position(const void *a, const void *b)
{
	const struct ldr_finding *x = a, *y = b;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	return strcmp(x->message, y->message);
}

/* The file's setting of a rule, or NULL. */
static const struct ldr_rule_setting *setting(const struct ldr_roadmap *rm, const char *id)
{
	size_t i;
	for (i = 0; i < rm->rules.len; i++) {
		const struct ldr_rule_setting *s = LDR_ITEM(rm->rules, struct ldr_rule_setting, i);
		if (s->rule && strcmp(s->rule, id) == 0)
			return s;
	}
	return NULL;
}

int ldr_rule_on(const struct ldr_roadmap *rm, const struct ldr_rule *r,
		const struct ldr_rule_switch *sw, size_t nsw)
{
	const struct ldr_rule_setting *s = setting(rm, r->id);
	int on = !(r->ldr_only && ldr_roadmap_is_programme(rm));
	size_t i;

	if (s && s->enabled)
		on = s->enabled == LDR_SWITCH_ON;
	for (i = 0; i < nsw; i++)
		if (strcmp(sw[i].id, r->id) == 0)
			on = sw[i].on;
	return on;
}

int ldr_tbc_months(const struct ldr_roadmap *rm)
{
	const struct ldr_rule_setting *s = setting(rm, "tbc-old");
	return s && s->months.set ? (int)s->months.v : 6;
}

static int wanted(const struct ldr_roadmap *rm, const struct ldr_check_opts *o,
		  const struct ldr_rule *r)
{
	size_t i;
	if (!o || !o->n_only)
		return ldr_rule_on(rm, r, o ? o->switches : NULL, o ? o->n_switches : 0);
	for (i = 0; i < o->n_only; i++)
		if (strcmp(o->only[i], r->id) == 0)
			return 1;
	return 0;
}

size_t ldr_check(const struct ldr_roadmap *rm, const struct ldr_check_opts *o,
		 struct ldr_findings *out)
{
	struct ldr_checker c;
	size_t i;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.rm = rm;
	c.out = out;
	c.as_of = o && o->as_of.kind ? o->as_of : rm->footprint.as_at;
	/* The index only reads; the roadmap is not changed. */
	ldr_index_build(&c.ix, (struct ldr_roadmap *)rm);
	for (i = 0; i < ldr_nrules; i++) {
		if (!wanted(rm, o, &ldr_rules[i]))
			continue;
		c.rule = &ldr_rules[i];
		ldr_rules[i].run(&c);
	}
	ldr_index_release(&c.ix);
	for (i = 0; i < sizeof(c.quoted) / sizeof(c.quoted[0]); i++)
		ldr_buf_release(&c.quoted[i]);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), by_position);
	return out->errors;
}

void ldr_findings_release(struct ldr_findings *f)
{
	size_t i;
	for (i = 0; i < f->n; i++) {
		free(f->v[i].id);
		free(f->v[i].field);
		free(f->v[i].other);
		free(f->v[i].message);
		free(f->v[i].fix);
	}
	free(f->v);
	memset(f, 0, sizeof(*f));
}

static int same_or_both_null(const char *x, const char *y)
{
	return x && y ? !strcmp(x, y) : x == y;
}

int ldr_finding_same(const struct ldr_finding *x, const struct ldr_finding *y)
{
	return x->rule == y->rule && same_or_both_null(x->id, y->id) &&
	       same_or_both_null(x->field, y->field) && same_or_both_null(x->other, y->other);
}

struct ldr_time ldr_check_as_of(const struct ldr_roadmap *rm)
{
	return rm->footprint.as_at.kind ? rm->footprint.as_at : ldr_date_this_month();
}
