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
	f->top = dup_or_null(c->top);
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

static int nullcmp(const char *x, const char *y)
{
	return x && y ? strcmp(x, y) : (x != NULL) - (y != NULL);
}

static int by_position(const void *a, const void *b)
{
	const struct ldr_finding *x = a, *y = b;
	int r;

	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	/* The rest only to make the order total: checked again after an
	 * edit, findings come out in the order of a full check. */
	if ((r = strcmp(x->message, y->message)) != 0 || (r = nullcmp(x->id, y->id)) != 0 ||
	    (r = nullcmp(x->field, y->field)) != 0 || (r = nullcmp(x->other, y->other)) != 0 ||
	    (r = nullcmp(x->fix, y->fix)) != 0)
		return r;
	return nullcmp(x->top, y->top);
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

int ldr_rule_wanted(const struct ldr_roadmap *rm, const struct ldr_check_opts *o,
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

int ldr_scope_slot(const struct ldr_kind *k)
{
	if (k == &ldr_kind_project)
		return 0;
	if (k == &ldr_kind_capability)
		return 1;
	if (k == &ldr_kind_uc)
		return 2;
	if (k == &ldr_kind_trajectory)
		return 3;
	return -1;
}

/* The list of a kind a rule iterates (one with a slot), and its slot. */
static const struct ldr_list *list_of(const struct ldr_roadmap *rm, const struct ldr_kind *k, int *slot)
{
	const struct ldr_list *lists[] = { &rm->projects, &rm->capabilities, &rm->ucs, &rm->trajectory };
	*slot = ldr_scope_slot(k);
	return lists[*slot];
}

size_t ldr_check_count(const struct ldr_checker *c, const struct ldr_kind *k)
{
	int slot;
	const struct ldr_list *l = list_of(c->rm, k, &slot);
	return c->scope ? c->scope->n[slot] : l->len;
}

const void *ldr_check_rec(struct ldr_checker *c, const struct ldr_kind *k, size_t i)
{
	int slot;
	const struct ldr_list *l = list_of(c->rm, k, &slot);
	const void *rec = c->scope ? c->scope->rec[slot][i] : ldr_list_at(l, k, i);
	c->top = ldr_rec_id(k, rec);
	return rec;
}

void ldr_checker_init(struct ldr_checker *c, const struct ldr_roadmap *rm,
		      const struct ldr_check_opts *o, struct ldr_index *ix, struct ldr_findings *out)
{
	memset(c, 0, sizeof(*c));
	c->rm = rm;
	c->out = out;
	c->as_of = o && o->as_of.kind ? o->as_of : rm->footprint.as_at;
	c->ix = ix;
	if (!ix) {
		/* The index only reads; the roadmap is not changed. */
		ldr_index_build(&c->ix_own, (struct ldr_roadmap *)rm);
		c->ix = &c->ix_own;
	}
}

void ldr_checker_run(struct ldr_checker *c, const struct ldr_rule *r, const struct ldr_scope *scope)
{
	c->rule = r;
	c->scope = scope;
	c->top = NULL;
	r->run(c);
	c->scope = NULL;
	c->top = NULL;
}

void ldr_checker_release(struct ldr_checker *c)
{
	size_t i;
	if (c->ix == &c->ix_own)
		ldr_index_release(&c->ix_own);
	for (i = 0; i < sizeof(c->quoted) / sizeof(c->quoted[0]); i++)
		ldr_buf_release(&c->quoted[i]);
}

void ldr_findings_sort(struct ldr_findings *f)
{
	if (f->n > 1)
		qsort(f->v, f->n, sizeof(*f->v), by_position);
}

size_t ldr_check(const struct ldr_roadmap *rm, const struct ldr_check_opts *o,
		 struct ldr_findings *out)
{
	struct ldr_checker c;
	size_t i;

	memset(out, 0, sizeof(*out));
	ldr_checker_init(&c, rm, o, NULL, out);
	for (i = 0; i < ldr_nrules; i++)
		if (ldr_rule_wanted(rm, o, &ldr_rules[i]))
			ldr_checker_run(&c, &ldr_rules[i], NULL);
	ldr_checker_release(&c);
	ldr_findings_sort(out);
	return out->errors;
}

void ldr_finding_release(struct ldr_finding *f)
{
	free(f->id);
	free(f->field);
	free(f->other);
	free(f->message);
	free(f->fix);
	free(f->top);
}

void ldr_findings_release(struct ldr_findings *f)
{
	size_t i;
	for (i = 0; i < f->n; i++)
		ldr_finding_release(&f->v[i]);
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
