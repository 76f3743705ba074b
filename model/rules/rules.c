/* The rules of 'ldr check'. To add one: write its function here and add a
 * row to ldr_rules at the end of this file; the command line, the JSON
 * output and the man page's list follow from that row. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "../roadmap/field.h"
#include "../roadmap/national.h"
#include "../roadmap/schedule.h"
#include "../base/util.h"

#define CYCLE_SHOWN 12   /* records named in a cycle's message before "..." */
#define PHASE_WINDOW 32  /* earlier phases compared with each capability */

/* Plan years: the first year of the roadmap and the one after it, which
 * the universal capabilities' plan covers (guidance 6.28-6.29). */
static int first_year(const struct ldr_checker *c)
{
	return ldr_time_fy_of_month(ldr_time_first(&c->rm->footprint.start));
}

/* ---- unknown-ref ---------------------------------------------------------- */

static int resolves(const struct ldr_checker *c, const struct ldr_kind *target, const char *id)
{
	if (target == &ldr_kind_group)
		return ldr_group_name(c->ix, id) != NULL;
	return ldr_index_get(c->ix, target, id) != NULL;
}

/* A group named by its name rather than its id ("Remote Care " for
 * remote): the id of the group whose name matches, ignoring case and
 * surrounding blanks, or is close. */
static const char *group_by_name(const struct ldr_checker *c, const char *text)
{
	struct ldr_buf t = LDR_BUF_INIT;
	const char **names = ldr_calloc(c->ix->n + LDR_NATIONAL_GROUPS, sizeof(*names));
	const char **ids = ldr_calloc(c->ix->n + LDR_NATIONAL_GROUPS, sizeof(*ids));
	const char *best, *found = NULL;
	size_t i, n = 0;

	while (*text == ' ')
		text++;
	ldr_buf_addstr(&t, text);
	while (t.len && t.s[t.len - 1] == ' ')
		t.s[--t.len] = '\0';
	for (i = 0; i < LDR_NATIONAL_GROUPS; i++) {
		names[n] = ldr_national_groups[i].name;
		ids[n++] = ldr_national_groups[i].id;
	}
	for (i = 0; i < c->ix->n; i++)
		if (c->ix->refs[i].kind == &ldr_kind_group) {
			const struct ldr_group *g = c->ix->refs[i].rec;
			names[n] = g->name;
			ids[n++] = g->id;
		}
	best = t.len ? ldr_suggest(t.s, names, n, sizeof(*names)) : NULL;
	for (i = 0; best && i < n && !found; i++)
		if (names[i] == best)
			found = ids[i];
	free(names);
	free(ids);
	ldr_buf_release(&t);
	return found;
}

/* The closest id of the target kind, for "did you mean". */
static const char *closest(const struct ldr_checker *c, const struct ldr_kind *target, const char *id)
{
	const char **cands = ldr_calloc(c->ix->n + LDR_NATIONAL_GROUPS, sizeof(*cands));
	const char *best;
	size_t i, n = 0;

	if (target == &ldr_kind_group)
		for (i = 0; i < LDR_NATIONAL_GROUPS; i++)
			cands[n++] = ldr_national_groups[i].id;
	for (i = 0; i < c->ix->n; i++)
		if (c->ix->refs[i].kind == target)
			cands[n++] = ldr_rec_id(target, c->ix->refs[i].rec);
	best = ldr_suggest(id, cands, n, sizeof(*cands));
	free(cands);
	if (!best && target == &ldr_kind_group)
		best = group_by_name(c, id);
	return best;
}

static const char *a_or_an(const char *word)
{
	return strchr("aeiou", word[0]) ? "an" : "a";
}

/* Searches for "did you mean" in one run: each compares the unknown id
 * with every id of its kind, so that a file whose every reference is wrong
 * (a project renamed, say) would cost the square of its size; the first
 * ones are enough to show the mistake. */
#define SUGGESTIONS_MAX 64

struct refs_check {
	struct ldr_checker *c;
	struct ldr_hash suggested; /* an unknown id -> the closest (NONE: none) */
	size_t searches;
};

static const char NONE[] = "";

/* The closest id for an unknown one, searched once per id. */
static const char *suggestion(struct refs_check *rc, const struct ldr_kind *target, const char *id)
{
	const char *s = ldr_hash_get(&rc->suggested, id);

	if (s)
		return s == NONE ? NULL : s;
	if (rc->searches >= SUGGESTIONS_MAX)
		return NULL;
	rc->searches++;
	s = closest(rc->c, target, id);
	ldr_hash_put(&rc->suggested, id, (void *)(s ? s : NONE));
	return s;
}

static void bad_ref(struct refs_check *rc, const struct ldr_kind *k, const void *rec,
		    const char *owner, const struct ldr_field *f, const char *id, struct ldr_pos pos)
{
	struct ldr_checker *c = rc->c;
	const struct ldr_ref *other = ldr_index_find(c->ix, id);
	const char *s = suggestion(rc, f->kind, id);
	struct ldr_buf fix = LDR_BUF_INIT;
	const char *label = ldr_rec_id(k, rec) ? ldr_rec_id(k, rec) : owner;

	if (s)
		ldr_buf_addf(&fix, "did you mean '%s'?", s);
	if (other && other->kind != f->kind)
		ldr_report_at(c, pos, label, f->name, id, fix.s,
			      "%s %s: '%s' names %s, which is %s %s, not %s %s",
			      k->name, ldr_q(c, label, 0), f->name, ldr_q(c, id, 1),
			      a_or_an(other->kind->name), other->kind->name, a_or_an(f->kind->name),
			      f->kind->name);
	else
		ldr_report_at(c, pos, label, f->name, id, fix.s, "%s %s: '%s' names %s, which is not %s %s",
			      k->name, ldr_q(c, label, 0), f->name, ldr_q(c, id, 1), a_or_an(f->kind->name),
			      f->kind->name);
	ldr_buf_release(&fix);
}

static int check_refs(const struct ldr_kind *k, void *rec, const struct ldr_kind *pk, void *parent,
		      void *payload)
{
	struct refs_check *rc = payload;
	struct ldr_checker *c = rc->c;
	const char *owner = parent && pk ? ldr_rec_id(pk, parent) : NULL;
	size_t i, j;

	for (i = 0; i < k->nfields; i++) {
		const struct ldr_field *f = &k->fields[i];
		if (f->type == LDR_F_REF) {
			const char *id = *(char *const *)LDR_CFIELD(rec, f);
			if (id && !resolves(c, f->kind, id))
				bad_ref(rc, k, rec, owner, f, id, ldr_field_pos(k, rec, f->name));
		} else if (f->type == LDR_F_REFS) {
			const struct ldr_strv *v = LDR_CFIELD(rec, f);
			for (j = 0; j < v->n; j++)
				if (!resolves(c, f->kind, v->v[j]))
					bad_ref(rc, k, rec, owner, f, v->v[j],
						v->pos[j].line ? v->pos[j] : ldr_field_pos(k, rec, f->name));
		}
	}
	return 0;
}

/* The rules: block names rules by id. */
static void unknown_rules(struct ldr_checker *c)
{
	size_t i;
	for (i = 0; i < c->rm->rules.len; i++) {
		const struct ldr_rule_setting *s = LDR_ITEM(c->rm->rules, struct ldr_rule_setting, i);
		const char *near;
		if (!s->rule || ldr_rule_find(s->rule))
			continue;
		near = ldr_suggest(s->rule, ldr_rules, ldr_nrules, sizeof(*ldr_rules));
		ldr_report(c, &ldr_kind_rule_setting, s, "rule", s->rule,
			   near ? "correct the id ('ldr check --list-rules' lists them)" : "'ldr check --list-rules' lists them",
			   "the rules: block names no rule %s%s%s%s", ldr_q(c, s->rule, 0),
			   near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
	}
}

static void rule_unknown_ref(struct ldr_checker *c)
{
	struct refs_check rc;

	memset(&rc, 0, sizeof(rc));
	rc.c = c;
	ldr_walk(&ldr_kind_roadmap, (void *)c->rm, check_refs, &rc);
	ldr_hash_clear(&rc.suggested);
	unknown_rules(c);
}

/* ---- cycle ------------------------------------------------------------------ */

/* A dependency graph over the records of one list, by their depends_on. */
struct graph {
	const struct ldr_kind *kind;
	const struct ldr_list *list;
	size_t deps_off; /* offset of the struct ldr_strv depends_on */
};

static const struct ldr_strv *deps_of(const struct graph *g, size_t i)
{
	return (const void *)((const char *)ldr_list_at(g->list, g->kind, i) + g->deps_off);
}

/* The list index of the record an id names, or -1. */
static long node_of(const struct ldr_checker *c, const struct graph *g, const char *id)
{
	const char *rec = ldr_index_get(c->ix, g->kind, id);
	if (!rec)
		return -1;
	return (long)((size_t)(rec - (const char *)g->list->items) / g->kind->size);
}

static const char *node_id(const struct graph *g, size_t i)
{
	return ldr_rec_id(g->kind, ldr_list_at(g->list, g->kind, i));
}

static void report_cycle(struct ldr_checker *c, const struct graph *g, const size_t *path,
			 size_t len, size_t edge)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t u = path[len - 1], i;
	const struct ldr_strv *d = deps_of(g, u);
	struct ldr_pos pos = d->pos[edge];

	if (len == 1) {
		ldr_report_at(c, pos, node_id(g, u), "depends_on", node_id(g, u),
			      "remove it from its own 'depends_on'",
			      "%s %s depends on itself", g->kind->name, ldr_q(c, node_id(g, u), 0));
		return;
	}
	for (i = 0; i < len; i++) {
		if (len > CYCLE_SHOWN && i == CYCLE_SHOWN - 3) {
			ldr_buf_addf(&b, " -> ... (%zu in all)", len);
			i = len - 2;
			continue;
		}
		ldr_buf_addf(&b, "%s%s", i ? " -> " : "", node_id(g, path[i]));
	}
	ldr_buf_addf(&b, " -> %s", node_id(g, path[0]));
	ldr_report_at(c, pos, node_id(g, u), "depends_on", node_id(g, path[0]),
		      "remove one dependency of the cycle",
		      "%s %s depends on %s, closing a cycle: %s", g->kind->name,
		      ldr_q(c, node_id(g, u), 0), ldr_q(c, node_id(g, path[0]), 1), b.s);
	ldr_buf_release(&b);
}

/* Depth first, without recursion: each dependency is followed once, so the
 * work is linear in records and dependencies; each edge that closes a cycle
 * reports the cycle it closes, from the stack. */
static void find_cycles(struct ldr_checker *c, const struct graph *g)
{
	size_t n = g->list->len, s;
	unsigned char *colour = ldr_calloc(n, 1);
	size_t *stack = ldr_calloc(n, sizeof(*stack)), *next = ldr_calloc(n, sizeof(*next));
	size_t *at = ldr_calloc(n, sizeof(*at));

	for (s = 0; s < n; s++) {
		size_t top = 0;
		if (colour[s])
			continue;
		stack[top++] = s;
		colour[s] = 1;
		at[s] = 0;
		while (top) {
			size_t u = stack[top - 1];
			const struct ldr_strv *d = deps_of(g, u);
			long v;

			if (next[u] >= d->n) {
				colour[u] = 2;
				top--;
				continue;
			}
			v = node_of(c, g, d->v[next[u]++]);
			if (v < 0 || colour[v] == 2)
				continue;
			if (colour[v] == 1) {
				report_cycle(c, g, stack + at[v], top - at[v], next[u] - 1);
				continue;
			}
			colour[v] = 1;
			at[v] = top;
			stack[top++] = (size_t)v;
		}
	}
	free(colour);
	free(stack);
	free(next);
	free(at);
}

static void rule_cycle(struct ldr_checker *c)
{
	struct graph p = { &ldr_kind_project, &c->rm->projects, offsetof(struct ldr_project, depends_on) };
	struct graph k = { &ldr_kind_capability, &c->rm->capabilities,
			   offsetof(struct ldr_capability, depends_on) };
	find_cycles(c, &p);
	find_cycles(c, &k);
}

/* ---- dep-order -------------------------------------------------------------- */

static int dropped_project(const struct ldr_project *p)
{
	return p->status == LDR_PROJECT_DROPPED;
}

static int dropped_capability(const struct ldr_capability *k)
{
	return k->status == LDR_CAP_DROPPED;
}

static const char *project_end_text(const struct ldr_project *p, char *buf)
{
	return ldr_time_format(p->end.kind ? &p->end : &p->start, buf);
}

static void rule_dep_order(struct ldr_checker *c)
{
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];
	size_t i, j;

	for (i = 0; i < ldr_check_count(c, &ldr_kind_project); i++) {
		const struct ldr_project *p = ldr_check_rec(c, &ldr_kind_project, i);
		for (j = 0; j < p->depends_on.n && !dropped_project(p); j++) {
			const struct ldr_project *d = ldr_index_get(c->ix, &ldr_kind_project, p->depends_on.v[j]);
			if (!d || d == p || dropped_project(d) || !ldr_project_order_violated(d, p))
				continue;
			ldr_report_at(c, p->depends_on.pos[j], p->id, "depends_on", d->id,
				      "start it after the dependency ends, or end the dependency sooner",
				      "project %s starts %s but depends on %s, which ends %s",
				      ldr_q(c, p->id, 0), ldr_time_format(&p->start, a), ldr_q(c, d->id, 1),
				      project_end_text(d, b));
		}
	}
	for (i = 0; i < ldr_check_count(c, &ldr_kind_capability); i++) {
		const struct ldr_capability *k = ldr_check_rec(c, &ldr_kind_capability, i);
		if (dropped_capability(k))
			continue;
		for (j = 0; j < k->projects.n; j++) {
			const struct ldr_project *p = ldr_index_get(c->ix, &ldr_kind_project, k->projects.v[j]);
			if (!p || dropped_project(p) || !ldr_delivery_order_violated(p, k))
				continue;
			ldr_report_at(c, k->projects.pos[j], k->id, "projects", p->id,
				      "deploy it in the year the project ends or later",
				      "capability %s is due %s but project %s, which delivers it, ends %s",
				      ldr_q(c, k->id, 0), ldr_time_format(&k->year, a), ldr_q(c, p->id, 1),
				      project_end_text(p, b));
		}
		for (j = 0; j < k->depends_on.n; j++) {
			const struct ldr_capability *d = ldr_index_get(c->ix, &ldr_kind_capability,
								       k->depends_on.v[j]);
			if (!d || d == k || dropped_capability(d) || !ldr_capability_order_violated(d, k))
				continue;
			ldr_report_at(c, k->depends_on.pos[j], k->id, "depends_on", d->id, NULL,
				      "capability %s is due %s but depends on %s, due %s",
				      ldr_q(c, k->id, 0), ldr_time_format(&k->year, a), ldr_q(c, d->id, 1),
				      ldr_time_format(&d->year, b));
		}
	}
}

/* ---- horizon and range ---------------------------------------------------------- */

struct horizon {
	int first, last; /* months */
	char text[40];
};

static void horizon_of(const struct ldr_checker *c, struct horizon *h)
{
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];
	const struct ldr_footprint *f = &c->rm->footprint;
	h->first = ldr_time_first(&f->start);
	h->last = ldr_time_last(&f->end);
	snprintf(h->text, sizeof(h->text), "%s to %s", ldr_time_format(&f->start, a),
		 ldr_time_format(&f->end, b));
}

/* Report a time outside the horizon. Things already delivered may predate
 * the plan (they are its baseline); nothing may run past its end. */
static void outside(struct ldr_checker *c, const struct horizon *h, const struct ldr_kind *k,
		    const void *rec, const char *field, const char *id, const struct ldr_time *t,
		    int delivered)
{
	char buf[LDR_TIME_STR_MAX];
	if (!t->kind)
		return;
	if (ldr_time_last(t) > h->last && t->qual == LDR_QUAL_FROM)
		return; /* a commitment from then on: from-late's */
	if (ldr_time_last(t) > h->last)
		ldr_report(c, k, rec, field, id, NULL, "%s %s: '%s' %s is after the roadmap's horizon (%s)",
			   k->name, ldr_q(c, id, 0), field, ldr_time_format(t, buf), h->text);
	else if (ldr_time_first(t) < h->first && !delivered)
		ldr_report(c, k, rec, field, id, NULL, "%s %s: '%s' %s is before the roadmap's horizon (%s)",
			   k->name, ldr_q(c, id, 0), field, ldr_time_format(t, buf), h->text);
}

/* Whether the footprint's horizon runs backwards: its end before its start. */
static int footprint_backwards(const struct ldr_footprint *f)
{
	return f->start.kind && f->end.kind && ldr_time_last(&f->end) < ldr_time_first(&f->start);
}

static void rule_horizon(struct ldr_checker *c)
{
	const struct ldr_roadmap *rm = c->rm;
	struct horizon h;
	size_t i, j;

	/* A horizon that runs backwards is the range rule's: every time would
	 * be outside it. */
	if (!rm->footprint.start.kind || !rm->footprint.end.kind || footprint_backwards(&rm->footprint))
		return;
	horizon_of(c, &h);
	for (i = 0; i < ldr_check_count(c, &ldr_kind_project); i++) {
		const struct ldr_project *p = ldr_check_rec(c, &ldr_kind_project, i);
		int done = p->status == LDR_PROJECT_DELIVERED;
		outside(c, &h, &ldr_kind_project, p, "start", p->id, &p->start, done);
		outside(c, &h, &ldr_kind_project, p, "end", p->id, &p->end, done);
		for (j = 0; j < p->milestones.len; j++) {
			const struct ldr_milestone *m = LDR_ITEM(p->milestones, struct ldr_milestone, j);
			outside(c, &h, &ldr_kind_milestone, m, "due", m->id, &m->due,
				m->status == LDR_MILESTONE_DONE);
		}
	}
	for (i = 0; i < ldr_check_count(c, &ldr_kind_capability); i++) {
		const struct ldr_capability *k = ldr_check_rec(c, &ldr_kind_capability, i);
		outside(c, &h, &ldr_kind_capability, k, "year", k->id, &k->year,
			k->status == LDR_CAP_DELIVERED);
	}
	for (i = 0; i < ldr_check_count(c, &ldr_kind_uc); i++) {
		const struct ldr_uc *uc = ldr_check_rec(c, &ldr_kind_uc, i);
		for (j = 0; j < uc->activities.len; j++) {
			const struct ldr_activity *a = LDR_ITEM(uc->activities, struct ldr_activity, j);
			outside(c, &h, &ldr_kind_activity, a, "quarter", a->id, &a->quarter, a->done);
		}
	}
}

static void rule_range(struct ldr_checker *c)
{
	const struct ldr_roadmap *rm = c->rm;
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX], e[LDR_TIME_STR_MAX];
	size_t i, j;

	if (!c->scope && footprint_backwards(&rm->footprint))
		ldr_report(c, &ldr_kind_footprint, &rm->footprint, "end", "footprint", "swap start and end?",
			   "the footprint ends %s, before it starts (%s)",
			   ldr_time_format(&rm->footprint.end, a), ldr_time_format(&rm->footprint.start, b));
	for (i = 0; i < ldr_check_count(c, &ldr_kind_project); i++) {
		const struct ldr_project *p = ldr_check_rec(c, &ldr_kind_project, i);
		int first, last;

		if (p->start.kind && p->end.kind && ldr_time_last(&p->end) < ldr_time_first(&p->start))
			ldr_report(c, &ldr_kind_project, p, "end", p->id, "swap start and end?",
				   "project %s ends %s, before it starts (%s)", ldr_q(c, p->id, 0),
				   ldr_time_format(&p->end, a), ldr_time_format(&p->start, b));
		if (!ldr_project_span(p, &first, &last))
			continue;
		for (j = 0; j < p->milestones.len; j++) {
			const struct ldr_milestone *m = LDR_ITEM(p->milestones, struct ldr_milestone, j);
			if (!m->due.kind || (ldr_time_first(&m->due) >= first && ldr_time_last(&m->due) <= last))
				continue;
			if (m->due.qual == LDR_QUAL_FROM && ldr_time_first(&m->due) > last)
				continue; /* from-late's */
			ldr_report_at(c, ldr_field_pos(&ldr_kind_milestone, m, "due"), m->id, "due", p->id,
				      "move the milestone, or widen the project's span",
				      "milestone %s is due %s, outside its project %s (%s to %s)",
				      ldr_q(c, m->id, 0), ldr_time_format(&m->due, a), ldr_q(c, p->id, 1),
				      ldr_time_format(&p->start, b), project_end_text(p, e));
		}
	}
}

/* ---- phase-order ------------------------------------------------------------- */

/* Words of a text, lowercased, without the small words that do not change
 * who is meant ("nurses and midwives" = {nurses, midwives}). */
#define MAX_WORDS 24
struct words {
	char w[MAX_WORDS][24];
	size_t n;
};

static void words_of(const char *s, struct words *out)
{
	static const char *const small[] = { "and", "or", "in", "the", "of", "a", "an", "to", "for",
					     "with", "at", "on", "all", "by" };
	out->n = 0;
	while (s && *s && out->n < MAX_WORDS) {
		char w[24];
		size_t len = 0, i;
		int skip = 0;
		while (*s && !isalnum((unsigned char)*s))
			s++;
		while (*s && isalnum((unsigned char)*s)) {
			if (len + 1 < sizeof(w))
				w[len++] = (char)tolower((unsigned char)*s);
			s++;
		}
		w[len] = '\0';
		if (!len)
			break;
		for (i = 0; i < LDR_ARRAY_SIZE(small); i++)
			skip |= strcmp(w, small[i]) == 0;
		for (i = 0; i < out->n && !skip; i++)
			skip |= strcmp(w, out->w[i]) == 0;
		if (!skip)
			memcpy(out->w[out->n++], w, len + 1);
	}
}

/* Whether b names strictly more people than a: all of a's words and more. */
static int wider(const struct words *a, const struct words *b)
{
	size_t i, j;
	if (b->n <= a->n)
		return 0;
	for (i = 0; i < a->n; i++) {
		for (j = 0; j < b->n && strcmp(a->w[i], b->w[j]) != 0; j++)
			;
		if (j == b->n)
			return 0;
	}
	return 1;
}

int ldr_what_is(const char *what, const char *key)
{
	int space = 0, any = 0;

	for (; what && *what; what++) {
		if (isspace((unsigned char)*what)) {
			space = any;
			continue;
		}
		if (space && *key++ != ' ')
			return 0;
		space = 0;
		any = 1;
		if (*key++ != (char)tolower((unsigned char)*what))
			return 0;
	}
	return *key == '\0';
}

char *ldr_what_key(const char *what, char *out)
{
	int space = 0, any = 0;

	for (; what && *what; what++) {
		if (isspace((unsigned char)*what)) {
			space = any;
			continue;
		}
		if (space)
			*out++ = ' ';
		space = 0;
		any = 1;
		*out++ = (char)tolower((unsigned char)*what);
	}
	*out++ = '\0';
	return out;
}

struct phase {
	const struct ldr_capability *k;
	const char *key;
	int due;
	size_t order; /* in the file: the same phases in the same order, however many are checked */
};

static int by_what_then_due(const void *a, const void *b)
{
	const struct phase *x = a, *y = b;
	int r = strcmp(x->key, y->key);
	if (r)
		return r;
	if (x->due != y->due)
		return (x->due > y->due) - (x->due < y->due);
	return (x->order > y->order) - (x->order < y->order);
}

static void rule_phase_order(struct ldr_checker *c)
{
	size_t len = ldr_check_count(c, &ldr_kind_capability);
	struct phase *ph = ldr_calloc(len + 1, sizeof(*ph));
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX], *keys, *at;
	size_t i, j, n = 0, room = 0;

	/* The keys in one block: one allocation, not one a capability. */
	for (i = 0; i < len; i++) {
		const struct ldr_capability *k = ldr_check_rec(c, &ldr_kind_capability, i);
		room += (k->what ? strlen(k->what) : 0) + 1;
	}
	at = keys = ldr_malloc(room + 1);
	for (i = 0; i < len; i++) {
		const struct ldr_capability *k = ldr_check_rec(c, &ldr_kind_capability, i);
		if (!ldr_capability_due(k, &ph[n].due) || dropped_capability(k))
			continue;
		ph[n].order = n;
		ph[n].k = k;
		ph[n].key = at;
		at = ldr_what_key(k->what, at);
		n++;
	}
	qsort(ph, n, sizeof(*ph), by_what_then_due);
	for (i = 0; i < n; i++) {
		struct words narrow, wide;
		int have_narrow = 0;
		/* Earlier phases of the same what, the nearest first. */
		for (j = i; j-- > 0 && i - j <= PHASE_WINDOW && !strcmp(ph[j].key, ph[i].key);) {
			if (ph[j].due >= ph[i].due)
				continue;
			if (!have_narrow++)
				words_of(ph[i].k->who, &narrow);
			words_of(ph[j].k->who, &wide);
			if (!wider(&narrow, &wide))
				continue;
			c->top = ph[j].k->id; /* found in the wider phase */
			ldr_report_at(c, ldr_field_pos(&ldr_kind_capability, ph[j].k, "year"), ph[j].k->id,
				      "year", ph[i].k->id, "phase the narrower group first, or check the years",
				      "capability %s gives its 'what' to %s in %s, before the narrower "
				      "phase %s for %s in %s", ldr_q(c, ph[j].k->id, 0), ldr_q(c, ph[j].k->who, 1),
				      ldr_time_format(&ph[j].k->year, a), ldr_q(c, ph[i].k->id, 2),
				      ldr_q(c, ph[i].k->who, 3), ldr_time_format(&ph[i].k->year, b));
		}
	}
	free(keys);
	free(ph);
}

/* ---- firm ------------------------------------------------------------------- */

static void rule_firm(struct ldr_checker *c)
{
	char a[LDR_TIME_STR_MAX];
	int y0 = first_year(c);
	size_t i;

	if (!c->rm->footprint.start.kind)
		return;
	for (i = 0; i < ldr_check_count(c, &ldr_kind_capability); i++) {
		const struct ldr_capability *k = ldr_check_rec(c, &ldr_kind_capability, i);
		int due;
		if (k->status != LDR_CAP_ASPIRATIONAL || !ldr_capability_due(k, &due) ||
		    ldr_time_fy_of_month(due) != y0)
			continue;
		ldr_report(c, &ldr_kind_capability, k, "status", k->id,
			   "make it firm, or move it to a later year",
			   "capability %s is due %s, the roadmap's first year, but is aspirational: "
			   "first-year milestones are firm commitments (guidance 6.22)",
			   ldr_q(c, k->id, 0), ldr_time_format(&k->year, a));
	}
}

/* ---- universal capabilities --------------------------------------------------- */

static const struct ldr_uc *uc_plan(const struct ldr_checker *c, const char *id)
{
	return ldr_index_get(c->ix, &ldr_kind_uc, id);
}

static void rule_uc_missing(struct ldr_checker *c)
{
	struct ldr_pos pos = ldr_field_pos(&ldr_kind_roadmap, c->rm, "universal_capabilities");
	size_t i;
	for (i = 0; i < LDR_NATIONAL_UCS; i++)
		if (!uc_plan(c, ldr_national_ucs[i].id))
			ldr_report_at(c, pos, ldr_national_ucs[i].id, NULL, NULL,
				      "add its plan to 'universal_capabilities'",
				      "universal capability %s has no plan: %s", ldr_national_ucs[i].id,
				      ldr_national_ucs[i].title);
}

static void rule_uc_ambition(struct ldr_checker *c)
{
	int y0 = first_year(c), y;
	size_t i, j;

	for (i = 0; i < ldr_check_count(c, &ldr_kind_uc); i++) {
		const struct ldr_uc *uc = ldr_check_rec(c, &ldr_kind_uc, i);
		for (y = y0; y <= y0 + 1; y++) {
			struct ldr_time t = ldr_time_year(y);
			char buf[LDR_TIME_STR_MAX];
			int found = 0;
			for (j = 0; j < uc->ambition.len; j++)
				found |= ldr_time_cmp(&LDR_ITEM(uc->ambition, struct ldr_ambition, j)->year, &t) == 0;
			if (!found) /* one a year: the year is what it is about */
				ldr_report_at(c, ldr_field_pos(&ldr_kind_uc, uc, "ambition"), uc->id,
					      "ambition", ldr_time_format(&t, buf), NULL,
					      "universal capability %s has no ambition for %s (guidance 6.28)",
					      uc->id, buf);
		}
	}
}

static void rule_uc_activities(struct ldr_checker *c)
{
	int y0 = first_year(c);
	size_t i, j, q;

	for (i = 0; i < ldr_check_count(c, &ldr_kind_uc); i++) {
		const struct ldr_uc *uc = ldr_check_rec(c, &ldr_kind_uc, i);
		struct ldr_buf missing = LDR_BUF_INIT;
		size_t n = 0;
		for (q = 0; q < 8; q++) {
			struct ldr_time t = ldr_time_quarter(y0 + (int)q / 4, (int)q % 4 + 1);
			char buf[LDR_TIME_STR_MAX];
			int found = 0;
			for (j = 0; j < uc->activities.len; j++)
				found |= ldr_time_cmp(&LDR_ITEM(uc->activities, struct ldr_activity, j)->quarter, &t) == 0;
			if (!found) {
				ldr_buf_addf(&missing, "%s%s", n++ ? ", " : "", ldr_time_format(&t, buf));
			}
		}
		if (n)
			ldr_report(c, &ldr_kind_uc, uc, "activities", uc->id, NULL,
				   "universal capability %s has no activities in %zu quarter%s: %s "
				   "(guidance 6.29)", uc->id, n, n == 1 ? "" : "s", missing.s);
		ldr_buf_release(&missing);
	}
}

static void rule_uc_done(struct ldr_checker *c)
{
	const struct ldr_footprint *f = &c->rm->footprint;
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];
	int by;
	size_t i, j;

	/* By submission, every activity of a quarter that has ended must be
	 * done; without a submission date, those of the first quarter. */
	if (f->submitted.kind)
		by = ldr_time_last(&f->submitted);
	else if (f->start.kind)
		by = ldr_time_first(&f->start) + 2;
	else
		return;
	for (i = 0; i < ldr_check_count(c, &ldr_kind_uc); i++) {
		const struct ldr_uc *uc = ldr_check_rec(c, &ldr_kind_uc, i);
		for (j = 0; j < uc->activities.len; j++) {
			const struct ldr_activity *act = LDR_ITEM(uc->activities, struct ldr_activity, j);
			if (act->done || act->delivered.kind || !act->quarter.kind || ldr_time_last(&act->quarter) > by)
				continue;
			ldr_report(c, &ldr_kind_activity, act, "done", act->id, "mark it done if it is",
				   "activity %s of %s is in %s, which ended by submission (%s), but is not "
				   "done (guidance: first-quarter activities are complete at submission)",
				   ldr_q(c, act->id, 0), uc->id, ldr_time_format(&act->quarter, a),
				   f->submitted.kind ? ldr_time_format(&f->submitted, b) : "not given");
		}
	}
}

static void rule_uc_rationale(struct ldr_checker *c)
{
	size_t i;
	for (i = 0; i < ldr_check_count(c, &ldr_kind_uc); i++) {
		const struct ldr_uc *uc = ldr_check_rec(c, &ldr_kind_uc, i);
		if (uc->solution == LDR_SOLUTION_ALTERNATIVE && !uc->rationale)
			ldr_report(c, &ldr_kind_uc, uc, "solution", uc->id, "give it in 'rationale'",
				   "universal capability %s uses an alternative to the national service "
				   "but gives no rationale (guidance 6.29)", uc->id);
	}
}

static void rule_uc_evidence(struct ldr_checker *c)
{
	size_t i;
	for (i = 0; i < ldr_check_count(c, &ldr_kind_uc); i++) {
		const struct ldr_uc *uc = ldr_check_rec(c, &ldr_kind_uc, i);
		if (!uc->evidence)
			ldr_report(c, &ldr_kind_uc, uc, NULL, uc->id, "say how in 'evidence'",
				   "universal capability %s does not say how progress will be evidenced "
				   "(guidance 6.30)", uc->id);
	}
}

static int has_percentage(const char *s)
{
	for (; s && *s; s++)
		if (*s == '%' && s[-1] && isdigit((unsigned char)s[-1]))
			return 1;
	return 0;
}

static void rule_uc_target(struct ldr_checker *c)
{
	size_t i, j;
	for (i = 0; i < ldr_check_count(c, &ldr_kind_uc); i++) {
		const struct ldr_uc *uc = ldr_check_rec(c, &ldr_kind_uc, i);
		const struct ldr_uc_def *def = ldr_national_uc(uc->id);
		int due, found = 0;

		if (!def || !def->target.percent)
			continue;
		due = ldr_time_fy_of_month(def->target.year * 12 + def->target.month - 1);
		for (j = 0; j < uc->ambition.len; j++) {
			const struct ldr_ambition *a = LDR_ITEM(uc->ambition, struct ldr_ambition, j);
			if (ldr_time_fy_of_month(ldr_time_first(&a->year)) <= due)
				found |= has_percentage(a->text);
		}
		if (!found)
			ldr_report(c, &ldr_kind_uc, uc, "ambition", uc->id,
				   "state the footprint's figure in its ambition for that year",
				   "universal capability %s: no ambition up to the target's year gives a "
				   "figure for the national target of %d%% of %s by %04d-%02d",
				   uc->id, def->target.percent, def->target.measure, def->target.year,
				   def->target.month);
	}
}

/* ---- trajectory ---------------------------------------------------------------- */

static void rule_trajectory(struct ldr_checker *c)
{
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];
	size_t i, j, t;

	for (i = 0; i < ldr_check_count(c, &ldr_kind_trajectory); i++) {
		const struct ldr_trajectory *tr = ldr_check_rec(c, &ldr_kind_trajectory, i);
		for (j = 0; j < tr->scores.len; j++) {
			const struct ldr_score *s = LDR_ITEM(tr->scores, struct ldr_score, j);
			const struct ldr_target *prev = NULL;
			/* The targets in year order (the loader keeps file order). */
			const struct ldr_target **order = ldr_calloc(s->targets.len, sizeof(*order));
			size_t n = 0, k;
			for (t = 0; t < s->targets.len; t++) {
				const struct ldr_target *x = LDR_ITEM(s->targets, struct ldr_target, t);
				for (k = n; k > 0 && ldr_time_cmp(&order[k - 1]->year, &x->year) > 0; k--)
					order[k] = order[k - 1];
				order[k] = x;
				n++;
			}
			for (t = 0; t < n; t++) {
				const struct ldr_target *x = order[t];
				if (prev && x->score.v < prev->score.v)
					ldr_report(c, &ldr_kind_target, x, "score", tr->id, NULL,
						   "trajectory %s: the %s target falls from %lld in %s to %lld in %s",
						   ldr_q(c, tr->id, 0), s->group, prev->score.v,
						   ldr_time_format(&prev->year, a), x->score.v,
						   ldr_time_format(&x->year, b));
				else if (!prev && s->baseline.set && x->score.v < s->baseline.v)
					ldr_report(c, &ldr_kind_target, x, "score", tr->id, NULL,
						   "trajectory %s: the %s target for %s (%lld) is below the "
						   "baseline (%lld)", ldr_q(c, tr->id, 0), s->group,
						   ldr_time_format(&x->year, a), x->score.v, s->baseline.v);
				prev = x;
			}
			free(order);
		}
	}
}

/* ---- orphan --------------------------------------------------------------------- */

/* Whether something names project p as delivering it or depending on it:
 * after an edit, from the index's referrers (in a full check, a table of
 * every such name is quicker than the referrers would be to build). */
static int project_used(const struct ldr_checker *c, const struct ldr_hash *used,
			const struct ldr_project *p)
{
	const struct ldr_referrer *r;
	size_t n, i;

	if (!p->id)
		return 0;
	if (!c->scope)
		return ldr_hash_get(used, p->id) != NULL;
	r = ldr_index_referrers(c->ix, p->id, &n);
	for (i = 0; i < n; i++)
		if (((r[i].kind == &ldr_kind_capability || r[i].kind == &ldr_kind_uc) &&
		     !strcmp(r[i].field->name, "projects")) ||
		    (r[i].kind == &ldr_kind_project && !strcmp(r[i].field->name, "depends_on")))
			return 1;
	return 0;
}

static void used_projects(const struct ldr_roadmap *rm, struct ldr_hash *used)
{
	size_t i, j;

	for (i = 0; i < rm->capabilities.len; i++) {
		const struct ldr_capability *k = LDR_ITEM(rm->capabilities, struct ldr_capability, i);
		for (j = 0; j < k->projects.n; j++)
			ldr_hash_put(used, k->projects.v[j], (void *)k);
	}
	for (i = 0; i < rm->ucs.len; i++) {
		const struct ldr_uc *uc = LDR_ITEM(rm->ucs, struct ldr_uc, i);
		for (j = 0; j < uc->projects.n; j++)
			ldr_hash_put(used, uc->projects.v[j], (void *)uc);
	}
	for (i = 0; i < rm->projects.len; i++) {
		const struct ldr_project *p = LDR_ITEM(rm->projects, struct ldr_project, i);
		for (j = 0; j < p->depends_on.n; j++)
			ldr_hash_put(used, p->depends_on.v[j], (void *)p);
	}
}

static void rule_orphan(struct ldr_checker *c)
{
	struct ldr_hash used = LDR_HASH_INIT;
	size_t i;

	for (i = 0; i < ldr_check_count(c, &ldr_kind_capability); i++) {
		const struct ldr_capability *k = ldr_check_rec(c, &ldr_kind_capability, i);
		if (!k->projects.n && k->status != LDR_CAP_DELIVERED && !dropped_capability(k))
			ldr_report(c, &ldr_kind_capability, k, NULL, k->id,
				   "name the projects that deliver it in 'projects'",
				   "capability %s is delivered by no project", ldr_q(c, k->id, 0));
	}
	if (!c->scope)
		used_projects(c->rm, &used);
	for (i = 0; i < ldr_check_count(c, &ldr_kind_project); i++) {
		const struct ldr_project *p = ldr_check_rec(c, &ldr_kind_project, i);
		if (!project_used(c, &used, p) && !dropped_project(p))
			ldr_report(c, &ldr_kind_project, p, NULL, p->id,
				   "name it in the 'projects' of what it delivers, or say why in 'notes'",
				   "project %s delivers no capability and no project depends on it",
				   ldr_q(c, p->id, 0));
	}
	ldr_hash_clear(&used);
}

/* ---- unplanned: a capability without its year or its group ------------------------ */

/* A capability without a year is due at no time, without a group in no
 * part of the plan: neither the charts nor the review can place it. */
static void rule_unplanned(struct ldr_checker *c)
{
	size_t i;

	for (i = 0; i < ldr_check_count(c, &ldr_kind_capability); i++) {
		const struct ldr_capability *k = ldr_check_rec(c, &ldr_kind_capability, i);
		if (dropped_capability(k))
			continue;
		if (!k->year.kind)
			ldr_report(c, &ldr_kind_capability, k, NULL, k->id, "give it a year, as in 'year: 17/18'",
				   "capability %s has no year: it is due at no time", ldr_q(c, k->id, 0));
		if (!k->group || !*k->group)
			ldr_report(c, &ldr_kind_capability, k, NULL, k->id,
				   "give it a capability group, as in 'group: records'",
				   "capability %s has no group: it is in no part of the plan", ldr_q(c, k->id, 0));
	}
}

/* ---- status: no-actual, future-actual, overdue --------------------------------- */

/* Each dated record with a status, seen the same way. */
struct dated {
	const struct ldr_kind *kind;
	const void *rec;
	const char *id;
	const struct ldr_time *due;       /* when it is due */
	const struct ldr_time *delivered; /* actual */
	int is_delivered, is_dropped;
	const char *due_field;
};

typedef void (*dated_fn)(struct ldr_checker *c, const struct dated *d);

/* A milestone's checkpoints, each named by its milestone and time, as a
 * diff names it: FD-03[by 2023-03]. */
static void each_checkpoint(struct ldr_checker *c, const struct ldr_milestone *m, dated_fn fn)
{
	char id[96], t[LDR_TIME_STR_MAX];
	size_t i;

	for (i = 0; i < m->checkpoints.len; i++) {
		const struct ldr_checkpoint *k = LDR_ITEM(m->checkpoints, struct ldr_checkpoint, i);
		struct dated d = { &ldr_kind_checkpoint, k, id, &k->when, &k->delivered,
				   k->status == LDR_MILESTONE_DONE, k->status == LDR_MILESTONE_DROPPED,
				   "when" };
		snprintf(id, sizeof(id), "%s[%s]", m->id ? m->id : "", ldr_time_format(&k->when, t));
		fn(c, &d);
	}
}

static void each_dated(struct ldr_checker *c, dated_fn fn)
{
	size_t i, j;

	for (i = 0; i < ldr_check_count(c, &ldr_kind_project); i++) {
		const struct ldr_project *p = ldr_check_rec(c, &ldr_kind_project, i);
		struct dated d = { &ldr_kind_project, p, p->id, p->end.kind ? &p->end : &p->start,
				   &p->delivered, p->status == LDR_PROJECT_DELIVERED,
				   p->status == LDR_PROJECT_DROPPED, p->end.kind ? "end" : "start" };
		fn(c, &d);
		for (j = 0; j < p->milestones.len; j++) {
			const struct ldr_milestone *m = LDR_ITEM(p->milestones, struct ldr_milestone, j);
			struct dated dm = { &ldr_kind_milestone, m, m->id, &m->due, &m->delivered,
					    m->status == LDR_MILESTONE_DONE,
					    m->status == LDR_MILESTONE_DROPPED, "due" };
			fn(c, &dm);
			each_checkpoint(c, m, fn);
		}
	}
	for (i = 0; i < ldr_check_count(c, &ldr_kind_capability); i++) {
		const struct ldr_capability *k = ldr_check_rec(c, &ldr_kind_capability, i);
		struct dated d = { &ldr_kind_capability, k, k->id, &k->year, &k->delivered,
				   k->status == LDR_CAP_DELIVERED, k->status == LDR_CAP_DROPPED, "year" };
		fn(c, &d);
	}
	for (i = 0; i < ldr_check_count(c, &ldr_kind_uc); i++) {
		const struct ldr_uc *uc = ldr_check_rec(c, &ldr_kind_uc, i);
		for (j = 0; j < uc->activities.len; j++) {
			const struct ldr_activity *a = LDR_ITEM(uc->activities, struct ldr_activity, j);
			struct dated d = { &ldr_kind_activity, a, a->id, &a->quarter, &a->delivered, a->done, 0,
					   "quarter" };
			fn(c, &d);
		}
	}
}

static int is_commitment(const struct dated *d)
{
	return d->kind == &ldr_kind_milestone || d->kind == &ldr_kind_checkpoint;
}

/* An activity done without a date is how Annex 4 is written: it says when
 * only if it can. */
static void no_actual(struct ldr_checker *c, const struct dated *d)
{
	if (d->is_delivered && !d->delivered->kind && d->kind != &ldr_kind_activity)
		ldr_report(c, d->kind, d->rec, "status", d->id, "add when, in 'delivered'",
			   "%s %s is %s but does not say when ('delivered' is empty)", d->kind->name,
			   ldr_q(c, d->id, 0), is_commitment(d) ? "done" : "delivered");
}

static void future_actual(struct ldr_checker *c, const struct dated *d)
{
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];
	if (!d->delivered->kind || !c->as_of.kind ||
	    ldr_time_first(d->delivered) <= ldr_time_last(&c->as_of))
		return;
	ldr_report(c, d->kind, d->rec, "delivered", d->id, "an actual date cannot be in the future",
		   "%s %s was delivered %s, after the review date %s", d->kind->name, ldr_q(c, d->id, 0),
		   ldr_time_format(d->delivered, a), ldr_time_format(&c->as_of, b));
}

static void overdue(struct ldr_checker *c, const struct dated *d)
{
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];
	/* Activities are told of in their own words, below. */
	if (d->kind == &ldr_kind_activity || d->is_delivered || d->is_dropped || d->delivered->kind ||
	    !ldr_time_can_be_late(d->due) ||
	    !c->as_of.kind || ldr_time_last(d->due) >= ldr_time_first(&c->as_of))
		return;
	ldr_report(c, d->kind, d->rec, d->due_field, d->id,
		   "record its delivery, or re-phase it",
		   "%s %s was due %s and is not %s as at %s", d->kind->name, ldr_q(c, d->id, 0),
		   ldr_time_format(d->due, a), is_commitment(d) ? "done" : "delivered",
		   ldr_time_format(&c->as_of, b));
}

static void rule_no_actual(struct ldr_checker *c)
{
	each_dated(c, no_actual);
}

static void rule_future_actual(struct ldr_checker *c)
{
	each_dated(c, future_actual);
}

static void rule_overdue(struct ldr_checker *c)
{
	size_t i, j;
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];

	each_dated(c, overdue);
	if (!c->as_of.kind)
		return;
	for (i = 0; i < ldr_check_count(c, &ldr_kind_uc); i++) {
		const struct ldr_uc *uc = ldr_check_rec(c, &ldr_kind_uc, i);
		for (j = 0; j < uc->activities.len; j++) {
			const struct ldr_activity *act = LDR_ITEM(uc->activities, struct ldr_activity, j);
			if (act->done || act->delivered.kind || !act->quarter.kind ||
			    ldr_time_last(&act->quarter) >= ldr_time_first(&c->as_of))
				continue;
			ldr_report(c, &ldr_kind_activity, act, "done", act->id, "mark it done if it is",
				   "activity %s of %s was due %s and is not done as at %s",
				   ldr_q(c, act->id, 0), uc->id, ldr_time_format(&act->quarter, a),
				   ldr_time_format(&c->as_of, b));
		}
	}
}

/* ---- checklist ---------------------------------------------------------------------- */

static void rule_checklist(struct ldr_checker *c)
{
	struct ldr_answered ans[LDR_CHECKLIST_SIZE];
	struct ldr_pos pos = ldr_field_pos(&ldr_kind_roadmap, c->rm, "checklist");
	size_t i;

	ldr_checklist_answers(c->rm, ans);
	for (i = 0; i < LDR_CHECKLIST_SIZE; i++)
		if (!ans[i].answered)
			ldr_report_at(c, pos, ans[i].req->id, NULL, NULL,
				      ans[i].req->answer == LDR_ANSWER_RESPONSE
					      ? "add a response saying where it is answered"
					      : "add the data, or a response saying where it is answered",
				      "checklist requirement %s is not answered: %s (guidance %s)",
				      ans[i].req->id, ans[i].req->requirement, ans[i].req->section);
	ldr_checklist_release(ans);
}

/* ---- merge-conflict -------------------------------------------------------------------- */

/* A value of a conflict for a message: quoted, or (none). */
static const char *side_value(struct ldr_checker *c, const char *v, int slot)
{
	return v ? ldr_q(c, v, slot) : "(none)";
}

static void rule_merge_conflict(struct ldr_checker *c)
{
	static const char fix[] = "keep the value wanted in the record, then delete this entry; or "
				  "resolve it in the interface ('ldr ROADMAP', then C)";
	size_t i;

	for (i = 0; i < c->rm->conflicts.len; i++) {
		const struct ldr_conflict *x = LDR_ITEM(c->rm->conflicts, struct ldr_conflict, i);
		const struct ldr_ref *r = ldr_index_find(c->ix, x->record);
		struct ldr_pos pos = ldr_field_pos(&ldr_kind_conflict, x, NULL);
		struct ldr_buf who = LDR_BUF_INIT;

		if (r)
			ldr_rec_label(&who, r->kind, r->rec);
		else
			ldr_buf_addstr(&who, x->record && !strcmp(x->record, "footprint") ? "the footprint"
										   : ldr_q(c, x->record, 3));
		if (x->removed)
			ldr_report_at(c, pos, x->record, x->field, NULL, fix,
				      "unresolved merge conflict: %s%s%s was removed by %s and changed by "
				      "%s (the file keeps it)", who.s, x->field ? " " : "",
				      x->field ? x->field : "", x->removed == LDR_SIDE_OURS ? "ours" : "theirs",
				      x->removed == LDR_SIDE_OURS ? "theirs" : "ours");
		else
			ldr_report_at(c, pos, x->record, x->field, NULL, fix,
				      "unresolved merge conflict in %s, field %s: base %s, ours %s, theirs %s",
				      who.s, ldr_q(c, x->field ? x->field : "", 0), side_value(c, x->base, 1),
				      side_value(c, x->ours, 2), side_value(c, x->theirs, 3));
		ldr_buf_release(&who);
	}
}

/* ---- the rules ------------------------------------------------------------------------ */

#define E LDR_CHECK_ERROR
#define W LDR_CHECK_WARNING
const struct ldr_rule ldr_rules[] = {
	{ "merge-conflict", E, "a merge left a conflict that the roadmap still records (conflicts:)",
	  "resolve it, then delete its entry", rule_merge_conflict, 0,
	  0, LDR_REACH_WHOLE, 0 },
	{ "unknown-ref", E, "a depends_on, projects, group, priority or provider names no such record, "
	  "or the rules: block no such rule",
	  "correct the id", rule_unknown_ref, 0,
	  /* other: a group without a name resolves no reference */
	  LDR_READS_IDS | LDR_READS_REFS | LDR_READS_OTHER, LDR_REACH_WHOLE, 0 },
	{ "cycle", E, "projects, or capabilities, depend on each other in a cycle",
	  "remove one dependency of the cycle", rule_cycle, 0,
	  LDR_READS_IDS | LDR_READS_REFS, LDR_REACH_WHOLE, 0 },
	{ "dep-order", E, "a project starts before a project it depends on ends, or a capability is "
	  "due before the projects that deliver it end or before a capability it depends on",
	  "re-phase one of the two", rule_dep_order, 0,
	  LDR_READS_PROJECTS | LDR_READS_CAPABILITIES, LDR_REACH_REFS, 0 },
	{ "cannot-finish", W, "a firm capability's delivering project cannot end by its year once the "
	  "projects it depends on keep their durations", "re-phase the capability or shorten the chain",
	  ldr_rule_cannot_finish, 0,
	  LDR_READS_PROJECTS | LDR_READS_CAPABILITIES, LDR_REACH_RECORD, LDR_READS_PROJECTS | LDR_READS_IDS | LDR_READS_REFS },
	{ "range", E, "the footprint or a project ends before it starts, or a milestone is due outside "
	  "its project",
	  "correct the dates", rule_range, 0,
	  LDR_READS_PROJECTS, LDR_REACH_RECORD, 0 },
	{ "horizon", W, "a time is outside the roadmap's horizon (footprint start to end)",
	  "re-phase it, or widen the horizon", rule_horizon, 0,
	  LDR_READS_PROJECTS | LDR_READS_CAPABILITIES | LDR_READS_UCS, LDR_REACH_RECORD, 0 },
	{ "phase-order", W, "the same capability is given to a wider group before a narrower one",
	  "phase the narrower group first", rule_phase_order, 0,
	  LDR_READS_CAPABILITIES, LDR_REACH_WHAT, 0 },
	{ "firm", W, "a capability due in the first year is aspirational; first-year milestones are "
	  "firm commitments (guidance 6.22)", "make it firm, or move it later", rule_firm, 1,
	  LDR_READS_CAPABILITIES, LDR_REACH_RECORD, 0 },
	{ "uc-missing", W, "a universal capability has no plan (all ten are expected, guidance 6.26)",
	  "add its plan", rule_uc_missing, 1,
	  LDR_READS_UCS, LDR_REACH_WHOLE, 0 },
	{ "uc-ambition", W, "a universal capability has no ambition for one of the first two years "
	  "(guidance 6.28)", "add it", rule_uc_ambition, 1,
	  LDR_READS_UCS, LDR_REACH_RECORD, 0 },
	{ "uc-activities", W, "a universal capability has no activities in a quarter of the first two "
	  "years (guidance 6.29)", "add them", rule_uc_activities, 1,
	  LDR_READS_UCS, LDR_REACH_RECORD, 0 },
	{ "uc-done", W, "an activity of a quarter that ended by submission is not done (guidance "
	  "Annex 4: first-quarter activities are complete at submission)", "mark it done",
	  rule_uc_done, 1,
	  LDR_READS_UCS, LDR_REACH_RECORD, 0 },
	{ "uc-rationale", W, "a universal capability uses an alternative to the national service "
	  "without a rationale (guidance 6.29)", "give the rationale", rule_uc_rationale, 1,
	  LDR_READS_UCS, LDR_REACH_RECORD, 0 },
	{ "uc-evidence", W, "a universal capability does not say how progress will be evidenced "
	  "(guidance 6.30)", "add the evidence", rule_uc_evidence, 1,
	  LDR_READS_UCS, LDR_REACH_RECORD, 0 },
	{ "uc-target", W, "a universal capability with a national numeric target gives no figure "
	  "in its ambition up to the target's year", "state the footprint's figure", rule_uc_target, 1,
	  LDR_READS_UCS, LDR_REACH_RECORD, 0 },
	{ "trajectory", W, "a Digital Maturity target falls from one year to the next, or below the "
	  "baseline", "correct the scores", rule_trajectory, 1,
	  LDR_READS_TRAJECTORY, LDR_REACH_RECORD, 0 },
	{ "orphan", W, "a capability no project delivers, or a project that delivers nothing and "
	  "that nothing depends on", "link it, or say why in its notes", rule_orphan, 1,
	  LDR_READS_PROJECTS | LDR_READS_CAPABILITIES | LDR_READS_UCS, LDR_REACH_REFS, 0 },
	{ "no-actual", W, "something delivered (or done) does not say when",
	  "add the date in 'delivered'", rule_no_actual, 0,
	  LDR_READS_PROJECTS | LDR_READS_CAPABILITIES | LDR_READS_UCS, LDR_REACH_RECORD, 0 },
	{ "future-actual", E, "something was delivered after the review date (--as-of)",
	  "correct the date", rule_future_actual, 0,
	  LDR_READS_PROJECTS | LDR_READS_CAPABILITIES | LDR_READS_UCS, LDR_REACH_RECORD, 0 },
	{ "overdue", W, "a project, milestone, capability or activity was due before the review "
	  "date and is not delivered", "record its delivery, or re-phase it", rule_overdue, 0,
	  LDR_READS_PROJECTS | LDR_READS_CAPABILITIES | LDR_READS_UCS, LDR_REACH_RECORD, 0 },
	{ "checkpoint", W, "a checkpoint of a milestone falls after the milestone is due",
	  "move the checkpoint, or the milestone", ldr_rule_checkpoint_order, 0,
	  LDR_READS_PROJECTS, LDR_REACH_RECORD, 0 },
	{ "from-late", W, "a commitment open-ended 'from' a time starts after its programme ends "
	  "(or after the plan's end)", "move the date, or widen the programme", ldr_rule_from_late, 0,
	  LDR_READS_PROJECTS, LDR_REACH_RECORD, 0 },
	{ "tbc-old", W, "a commitment still 'tbc' in a plan published longer ago than the rules: "
	  "block allows (months, 6 unless it says)", "set its date", ldr_rule_tbc_old, 0,
	  LDR_READS_PROJECTS, LDR_REACH_RECORD, 0 },
	{ "checklist", W, "a requirement of the submission checklist (Annex 1) is not answered",
	  "add the data, or a checklist response", rule_checklist, 1,
	  0, LDR_REACH_WHOLE, 0 },
	{ "unplanned", E, "a capability has no year or no capability group",
	  "give it both", rule_unplanned, 0,
	  LDR_READS_CAPABILITIES, LDR_REACH_RECORD, 0 },
};
const size_t ldr_nrules = LDR_ARRAY_SIZE(ldr_rules);
