/* The knock-on of a slip (impact.h): the records that depend on what moved
 * are visited in dependency order, once each, and moved as far as they
 * must; then what the moves break is noted. */
#include "impact.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../roadmap/field.h"
#include "../roadmap/index.h"
#include "../roadmap/national.h"
#include "../roadmap/schedule.h"

int ldr_shift_parse(const char *s, int *months, char *err, size_t errlen)
{
	char *end;
	long n;
	int unit;

	if ((s[0] != '+' && s[0] != '-') || s[1] < '0' || s[1] > '9') {
		snprintf(err, errlen, "'%s' is not a move: give +2Q, -1Q, +3m or +1y", s);
		return -1;
	}
	n = strtol(s + 1, &end, 10);
	unit = (*end == 'Q' || *end == 'q') ? 3 : (*end == 'm' || *end == 'M') ? 1
		: (*end == 'y' || *end == 'Y') ? 12 : 0;
	if (!unit || end[1] || n > 1200) {
		snprintf(err, errlen, "'%s' is not a move: give a number of quarters (Q), months (m) or years (y), "
			 "as in +2Q", s);
		return -1;
	}
	*months = (int)(s[0] == '-' ? -n : n) * unit;
	return 0;
}

static int unit_months(const struct ldr_time *t)
{
	return t->kind == LDR_TIME_YEAR ? 12 : t->kind == LDR_TIME_QUARTER ? 3 : 1;
}

struct ldr_time ldr_time_moved(const struct ldr_time *t, int months)
{
	struct ldr_time r = *t;
	int u = unit_months(t);
	int n = months >= 0 ? (months + u - 1) / u : -((-months + u - 1) / u);

	if (t->kind != LDR_TIME_NONE)
		r.month += n * u;
	return r;
}

/* ---- the dependency graph: projects, then capabilities --------------------- */

struct node {
	const struct ldr_kind *kind;
	void *rec;
	const char *id;
	size_t *succ, nsucc; /* into run's edges: what depends on it */
	size_t *pred, npred; /* and what it depends on */
	int state;       /* 0 not seen, 1 being visited, 2 done */
	int moved;       /* it moved: it may push its successors */
	int was;         /* the last month it ended in before any move (0: none) */
};

struct run {
	struct ldr_impact *im;
	struct ldr_roadmap *rm;
	struct ldr_index ix;
	struct node *v;
	size_t n, np;
	struct ldr_hash ids; /* id -> node index + 1 */
	size_t *edges;       /* every node's succ, then every node's pred */
	size_t *order, norder; /* reverse post-order: dependency order */
	struct ldr_buf *err;
	/* Told before each change, of the top-level record it changes. */
	ldr_impact_touch_fn *touch;
	void *touch_ctx;
	const struct ldr_kind *top_kind;
	void *top;
};

static size_t node_of(const struct run *r, const char *id)
{
	return (size_t)(uintptr_t)ldr_hash_get(&r->ids, id);
}

/* An edge from the record named from to node to: counted (the first
 * pass), or put in place (the second). */
static void edge(struct run *r, const char *from, size_t to, int fill)
{
	size_t f = node_of(r, from);
	struct node *x, *y;

	if (!f || f - 1 == to)
		return;
	x = &r->v[f - 1];
	y = &r->v[to];
	if (fill) {
		x->succ[x->nsucc] = to;
		y->pred[y->npred] = f - 1;
	}
	x->nsucc++;
	y->npred++;
}

static void edges(struct run *r, int fill)
{
	size_t i, j;

	for (i = 0; i < r->np; i++) {
		const struct ldr_project *p = r->v[i].rec;
		for (j = 0; j < p->depends_on.n; j++)
			edge(r, p->depends_on.v[j], i, fill);
	}
	for (i = r->np; i < r->n; i++) {
		const struct ldr_capability *c = r->v[i].rec;
		for (j = 0; j < c->projects.n; j++)
			edge(r, c->projects.v[j], i, fill);
		for (j = 0; j < c->depends_on.n; j++)
			edge(r, c->depends_on.v[j], i, fill);
	}
}

/* The graph, its edges in one array: counted, then placed. */
static void build(struct run *r)
{
	struct ldr_roadmap *rm = r->rm;
	size_t i, total = 0, at = 0;

	r->np = rm->projects.len;
	r->n = r->np + rm->capabilities.len;
	r->v = ldr_calloc(r->n + 1, sizeof(*r->v));
	ldr_hash_reserve(&r->ids, r->n);
	for (i = 0; i < r->n; i++) {
		struct node *x = &r->v[i];
		x->kind = i < r->np ? &ldr_kind_project : &ldr_kind_capability;
		x->rec = i < r->np ? (void *)ldr_list_at(&rm->projects, x->kind, i)
				   : (void *)ldr_list_at(&rm->capabilities, x->kind, i - r->np);
		x->id = ldr_rec_id(x->kind, x->rec);
		if (x->id)
			ldr_hash_put(&r->ids, x->id, (void *)(uintptr_t)(i + 1));
	}
	edges(r, 0);
	for (i = 0; i < r->n; i++)
		total += r->v[i].nsucc + r->v[i].npred;
	r->edges = ldr_calloc(total + 1, sizeof(*r->edges));
	for (i = 0; i < r->n; i++) {
		r->v[i].succ = r->edges + at;
		at += r->v[i].nsucc;
		r->v[i].pred = r->edges + at;
		at += r->v[i].npred;
		r->v[i].nsucc = r->v[i].npred = 0;
	}
	edges(r, 1);
}

static void note(struct run *r, enum ldr_impact_note_kind kind, const char *id, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void note(struct run *r, enum ldr_impact_note_kind kind, const char *id, const char *fmt, ...)
{
	struct ldr_impact *im = r->im;
	struct ldr_buf b = LDR_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	ldr_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	im->notes = ldr_realloc(im->notes, (im->nnotes + 1) * sizeof(*im->notes));
	im->notes[im->nnotes].kind = kind;
	im->notes[im->nnotes].id = ldr_strdup(id ? id : "");
	im->notes[im->nnotes++].text = ldr_buf_detach(&b);
}

/* Depth first from the nodes that moved: the order to visit them in, or a
 * cycle (noted, and -1). */
static int visit(struct run *r, size_t i, size_t *path, size_t depth)
{
	struct node *x = &r->v[i];
	size_t k;

	if (x->state == 2)
		return 0;
	if (x->state == 1) {
		struct ldr_buf c = LDR_BUF_INIT;
		size_t from = depth;
		while (from > 0 && path[from - 1] != i)
			from--;
		for (k = from ? from - 1 : 0; k < depth; k++)
			ldr_buf_addf(&c, "%s -> ", r->v[path[k]].id);
		ldr_buf_addstr(&c, x->id);
		note(r, LDR_NOTE_CYCLE, x->id, "the knock-on stops at a cycle, %s: 'ldr check' reports it", c.s);
		ldr_buf_release(&c);
		return -1;
	}
	x->state = 1;
	path[depth] = i;
	for (k = 0; k < x->nsucc; k++)
		if (visit(r, x->succ[k], path, depth + 1) < 0)
			return -1;
	x->state = 2;
	r->order[r->norder++] = i;
	return 0;
}

/* ---- moving ------------------------------------------------------------------ */

static void record_move(struct run *r, const struct ldr_kind *k, const char *id, const char *field,
			const struct ldr_time *from, const struct ldr_time *to, enum ldr_impact_why why,
			const char *by)
{
	struct ldr_impact *im = r->im;
	struct ldr_impact_move *m;

	im->moves = ldr_realloc(im->moves, (im->nmoves + 1) * sizeof(*im->moves));
	m = &im->moves[im->nmoves++];
	m->kind = k;
	m->id = ldr_strdup(id ? id : "");
	m->field = ldr_strdup(field);
	m->from = *from;
	m->to = *to;
	m->why = why;
	m->by = by ? ldr_strdup(by) : NULL;
}

/* Set a time field of a record to t, as the file would have it; a knock-on
 * says why in the record's derived mapping, a change asked for forgets it. */
static int set_time(const struct ldr_kind *k, void *rec, const char *field, const struct ldr_time *t,
		    const char *reason, struct ldr_buf *err)
{
	char buf[LDR_TIME_STR_MAX];
	int f = ldr_kind_field(k, field), d = ldr_kind_field(k, "derived");

	if (f < 0 || ldr_field_set(k, rec, &k->fields[f], NULL, ldr_time_format(t, buf), err) < 0)
		return -1;
	if (!reason)
		ldr_derived_forget(k, rec, field);
	else if (d >= 0)
		ldr_field_set(k, rec, &k->fields[d], field, reason, err);
	return 0;
}

/* Whether a time can be written: the format names years 2000-2099 in two
 * digits, months in 1900-2199 (a commitment's by or from kept). */
static int writable(const struct ldr_time *t)
{
	char buf[LDR_TIME_STR_MAX], e[128];
	struct ldr_time back;

	return ldr_time_parse(&back, ldr_time_format(t, buf), LDR_TIME_ANY | LDR_TIME_COMMIT, e, sizeof(e)) == 0 &&
	       back.month == t->month && back.kind == t->kind && back.qual == t->qual;
}

static int move_field(struct run *r, const struct ldr_kind *k, void *rec, const char *field,
		      const struct ldr_time *to, enum ldr_impact_why why, const char *by)
{
	int f = ldr_kind_field(k, field);
	struct ldr_time from = *(const struct ldr_time *)LDR_FIELD(rec, &k->fields[f]);
	struct ldr_buf reason = LDR_BUF_INIT;
	int rc;

	if (from.kind == to->kind && from.month == to->month)
		return 0;
	if (!writable(to)) {
		note(r, LDR_NOTE_HORIZON, ldr_rec_id(k, rec), "%s.%s would move beyond the years a roadmap can name: "
		     "not moved", ldr_rec_id(k, rec), field);
		return 0;
	}
	if (why == LDR_IMPACT_DEPENDS || why == LDR_IMPACT_DELIVERED_BY)
		ldr_buf_addf(&reason, "moved later because %s %s%s now ends later (ldr impact)",
			     why == LDR_IMPACT_DEPENDS ? "it depends on" : "the project that delivers it,", by,
			     why == LDR_IMPACT_DEPENDS ? ", which" : ",");
	else if (why == LDR_IMPACT_WITH)
		ldr_buf_addf(&reason, "moved with %s (ldr impact)", by);
	if (r->touch)
		r->touch(r->touch_ctx, r->top_kind, r->top);
	rc = set_time(k, rec, field, to, why == LDR_IMPACT_ASKED ? NULL : reason.s, r->err);
	if (rc == 0)
		record_move(r, k, ldr_rec_id(k, rec), field, &from, to, why, by);
	ldr_buf_release(&reason);
	return rc;
}

/* A project shifted by months: its start, its end and its milestones. */
static int shift_project(struct run *r, struct ldr_project *p, int months, enum ldr_impact_why why,
			 const char *by)
{
	struct ldr_time s = ldr_time_moved(&p->start, months), e;
	int actual = ldr_time_first(&s) - ldr_time_first(&p->start), asked = why == LDR_IMPACT_ASKED;
	size_t i;

	e = ldr_time_moved(&p->end, actual);
	r->top_kind = &ldr_kind_project;
	r->top = p;
	if (move_field(r, &ldr_kind_project, p, "start", &s, why, by) < 0 ||
	    (p->end.kind && move_field(r, &ldr_kind_project, p, "end", &e, asked ? LDR_IMPACT_WITH : why,
				       asked ? p->id : by) < 0))
		return -1;
	for (i = 0; i < p->milestones.len; i++) {
		struct ldr_milestone *m = LDR_ITEM(p->milestones, struct ldr_milestone, i);
		struct ldr_time d = ldr_time_moved(&m->due, actual);
		if (m->due.kind && m->status != LDR_MILESTONE_DONE && !m->delivered.kind &&
		    move_field(r, &ldr_kind_milestone, m, "due", &d, LDR_IMPACT_WITH, p->id) < 0)
			return -1;
	}
	return 0;
}

static int delivered(const struct node *x)
{
	if (x->kind == &ldr_kind_project) {
		const struct ldr_project *p = x->rec;
		return p->status == LDR_PROJECT_DELIVERED || p->delivered.kind;
	} else {
		const struct ldr_capability *c = x->rec;
		return c->status == LDR_CAP_DELIVERED || c->delivered.kind;
	}
}

/* The last month of a node's planned time: a project's end, a capability's
 * due; 0 when it has none. */
static int ends(const struct node *x)
{
	int first, last;

	if (x->kind == &ldr_kind_project)
		return ldr_project_span(x->rec, &first, &last) ? last : 0;
	return ldr_capability_due(x->rec, &last) ? last : 0;
}

/* What node i must wait for, from the predecessors that moved: the last
 * month the latest of them ends, and which it is. */
static int pushed_by(const struct run *r, size_t i, size_t *by)
{
	const struct node *x = &r->v[i];
	size_t k;
	int latest = 0;

	for (k = 0; k < x->npred; k++) {
		const struct node *p = &r->v[x->pred[k]];
		if (p->moved && ends(p) > latest) {
			latest = ends(p);
			*by = x->pred[k];
		}
	}
	return latest;
}

/* Whether node x, pushed by b, stays where it is because it is delivered
 * (said in a note); otherwise it is marked as moved. */
static int held(struct run *r, struct node *x, const struct node *b)
{
	if (delivered(x)) {
		note(r, LDR_NOTE_DELIVERED, x->id, "%s is delivered: not moved, though %s now ends later",
		     x->id, b->id);
		return 1;
	}
	x->moved = 1;
	return 0;
}

/* Move node i as far as the moved predecessors push it. */
static int knock_on(struct run *r, size_t i, size_t by, int latest)
{
	struct node *x = &r->v[i];
	const struct node *b = &r->v[by];

	if (x->kind == &ldr_kind_project) {
		struct ldr_project *p = x->rec;
		int need = latest + 1 - ldr_time_first(&p->start);
		if (!p->start.kind || need <= 0 || held(r, x, b))
			return 0;
		return shift_project(r, p, need, LDR_IMPACT_DEPENDS, b->id);
	} else {
		struct ldr_capability *c = x->rec;
		struct ldr_time y;
		int need;
		if (!c->year.kind || (need = latest - ldr_time_last(&c->year)) <= 0 || held(r, x, b))
			return 0;
		y = ldr_time_moved(&c->year, need);
		r->top_kind = &ldr_kind_capability;
		r->top = c;
		return move_field(r, &ldr_kind_capability, c, "year", &y,
				  b->kind == &ldr_kind_project ? LDR_IMPACT_DELIVERED_BY : LDR_IMPACT_DEPENDS, b->id);
	}
}

/* ---- what was asked ------------------------------------------------------------ */

int ldr_impact_change_parse(struct ldr_impact_change *c, const char *s, struct ldr_buf *err)
{
	char *copy = ldr_strdup(s), *eq = strchr(copy, '='), *dot = strchr(copy, '.'), e[200];

	memset(c, 0, sizeof(*c));
	if (!eq || !dot || dot > eq) {
		ldr_buf_addf(err, "'%s' is not ID.FIELD=VALUE (as in P08.end=+2Q)", s);
		free(copy);
		return -1;
	}
	*eq = *dot = '\0';
	c->id = copy;
	c->field = dot + 1;
	if (eq[1] == '+' || eq[1] == '-') {
		if (ldr_shift_parse(eq + 1, &c->months, e, sizeof(e)) == 0)
			return 0;
	} else if (ldr_time_parse(&c->to, eq + 1, LDR_TIME_ANY, e, sizeof(e)) == 0) {
		return 0;
	}
	ldr_buf_addf(err, "%s.%s: %s", c->id, c->field, e);
	free(copy);
	c->id = NULL;
	return -1;
}

/* The record with this id: a project or a capability from the graph, else
 * (a milestone, an activity) from an index of every record, built only
 * then: at 50,000 capabilities it costs as much as the rest of the run. */
static const struct ldr_ref *find(struct run *r, const char *id, struct ldr_ref *direct)
{
	size_t k = node_of(r, id);

	if (k) {
		memset(direct, 0, sizeof(*direct));
		direct->kind = r->v[k - 1].kind;
		direct->rec = r->v[k - 1].rec;
		return direct;
	}
	if (!r->ix.rm)
		ldr_index_build(&r->ix, r->rm);
	return ldr_index_find(&r->ix, id);
}

static int apply_one(struct run *r, const struct ldr_impact_change *c)
{
	struct ldr_ref direct;
	const struct ldr_ref *ref = find(r, c->id, &direct);
	struct ldr_field f;
	const struct ldr_time *now;
	struct ldr_time to;
	int fi;

	if (!ref) {
		ldr_buf_addf(r->err, "no record '%s'", c->id);
		return -1;
	}
	fi = ldr_kind_field(ref->kind, c->field);
	if (fi < 0 || !ldr_planned_field(ref->kind, &ref->kind->fields[fi])) {
		ldr_buf_addf(r->err, "%s.%s: a %s's planned times are its %s", c->id, c->field, ref->kind->name,
			     ref->kind == &ldr_kind_project ? "start and end" : ref->kind == &ldr_kind_capability ? "year"
			     : ref->kind == &ldr_kind_milestone ? "due" : "quarter");
		return -1;
	}
	f = ref->kind->fields[fi];
	now = LDR_FIELD(ref->rec, &f);
	if (!c->to.kind && !now->kind) {
		ldr_buf_addf(r->err, "%s.%s has no time to move: give one, as in %s.%s=17/18", c->id, c->field, c->id,
			     c->field);
		return -1;
	}
	to = c->to.kind ? c->to : ldr_time_moved(now, c->months);
	r->top_kind = ref->parent ? ref->parent_kind : ref->kind;
	r->top = ref->parent ? ref->parent : ref->rec;
	if (ref->kind == &ldr_kind_project && !strcmp(c->field, "start") && now->kind)
		return shift_project(r, ref->rec, ldr_time_first(&to) - ldr_time_first(now), LDR_IMPACT_ASKED, NULL);
	return move_field(r, ref->kind, ref->rec, c->field, &to, LDR_IMPACT_ASKED, NULL);
}

/* ---- what the moves break ---------------------------------------------------------- */

static void check_milestones(struct run *r)
{
	size_t i, j;
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX], c[LDR_TIME_STR_MAX];

	for (i = 0; i < r->np; i++) {
		const struct ldr_project *p = r->v[i].rec;
		int first, last;
		if (!r->v[i].moved || !ldr_project_span(p, &first, &last))
			continue;
		for (j = 0; j < p->milestones.len; j++) {
			const struct ldr_milestone *m = LDR_ITEM(p->milestones, struct ldr_milestone, j);
			/* What is done is done: only what is still to come. */
			if (m->due.kind && m->status != LDR_MILESTONE_DONE && !m->delivered.kind &&
			    (ldr_time_last(&m->due) < first || ldr_time_first(&m->due) > last))
				note(r, LDR_NOTE_OUTSIDE, m->id, "milestone %s is due %s, outside %s, which now runs %s to %s",
				     m->id, ldr_time_format(&m->due, a), p->id, ldr_time_format(&p->start, b),
				     p->end.kind ? ldr_time_format(&p->end, c) : "its start");
		}
	}
}

/* A universal capability's activities and ambitions due before a project it
 * names now ends. */
static void check_ucs(struct run *r)
{
	size_t i, j, k;
	char a[LDR_TIME_STR_MAX];

	for (i = 0; i < r->rm->ucs.len; i++) {
		const struct ldr_uc *u = LDR_ITEM(r->rm->ucs, struct ldr_uc, i);
		for (j = 0; j < u->projects.n; j++) {
			size_t p = node_of(r, u->projects.v[j]);
			int end, was;
			if (!p || !r->v[p - 1].moved || !(end = ends(&r->v[p - 1])))
				continue;
			was = r->v[p - 1].was;
			for (k = 0; k < u->activities.len; k++) {
				const struct ldr_activity *act = LDR_ITEM(u->activities, struct ldr_activity, k);
				int due = act->quarter.kind ? ldr_time_last(&act->quarter) : 0;
				/* Due before the project ends now, not before it ended. */
				if (!act->done && due && due < end && due >= was)
					note(r, LDR_NOTE_BEFORE_PROJECT, act->id, "activity %s of %s is due %s, before %s "
					     "now ends", act->id, u->id, ldr_time_format(&act->quarter, a), u->projects.v[j]);
			}
			for (k = 0; k < u->ambition.len; k++) {
				const struct ldr_ambition *am = LDR_ITEM(u->ambition, struct ldr_ambition, k);
				if (ldr_time_last(&am->year) < end && ldr_time_last(&am->year) >= was)
					note(r, LDR_NOTE_BEFORE_PROJECT, u->id, "the ambition of %s for %s is due before %s "
					     "now ends", u->id, ldr_time_format(&am->year, a), u->projects.v[j]);
			}
		}
	}
}

static void check_moves(struct run *r)
{
	const struct ldr_time *end = &r->rm->footprint.end;
	char a[LDR_TIME_STR_MAX], b[LDR_TIME_STR_MAX];
	size_t i;

	for (i = 0; i < r->im->nmoves; i++) {
		const struct ldr_impact_move *m = &r->im->moves[i];
		if (m->kind == &ldr_kind_capability && ldr_time_last(&m->to) > ldr_time_last(&m->from))
			note(r, LDR_NOTE_MISSES_YEAR, m->id, "capability %s misses its planned %s: now %s", m->id,
			     ldr_time_format(&m->from, a), ldr_time_format(&m->to, b));
		if (end->kind && ldr_time_first(&m->to) > ldr_time_last(end))
			note(r, LDR_NOTE_HORIZON, m->id, "%s.%s is now %s, beyond the roadmap's end %s", m->id, m->field,
			     ldr_time_format(&m->to, a), ldr_time_format(end, b));
	}
}

int ldr_impact_run(struct ldr_impact *im, struct ldr_roadmap *rm, const struct ldr_impact_change *changes,
		   size_t n, struct ldr_buf *err)
{
	return ldr_impact_run_touching(im, rm, changes, n, NULL, NULL, err);
}

int ldr_impact_run_touching(struct ldr_impact *im, struct ldr_roadmap *rm, const struct ldr_impact_change *changes,
			    size_t n, ldr_impact_touch_fn *touch, void *ctx, struct ldr_buf *err)
{
	struct run r;
	size_t i, *path, by = 0;
	int rc = 0;

	memset(im, 0, sizeof(*im));
	memset(&r, 0, sizeof(r));
	r.im = im;
	r.rm = rm;
	r.err = err;
	r.touch = touch;
	r.touch_ctx = ctx;
	build(&r);
	for (i = 0; i < r.n; i++)
		r.v[i].was = ends(&r.v[i]);
	for (i = 0; i < n && rc == 0; i++) {
		size_t k = node_of(&r, changes[i].id);
		rc = apply_one(&r, &changes[i]);
		if (k)
			r.v[k - 1].moved = 1;
	}
	r.order = ldr_calloc(r.n + 1, sizeof(*r.order));
	path = ldr_calloc(r.n + 1, sizeof(*path));
	for (i = 0; i < r.n && rc == 0; i++)
		if (r.v[i].moved && visit(&r, i, path, 0) < 0)
			break;
	for (i = r.norder; i-- > 0 && rc == 0;) { /* reverse post-order: predecessors first */
		size_t x = r.order[i];
		int latest = r.v[x].moved ? 0 : pushed_by(&r, x, &by);
		if (latest)
			rc = knock_on(&r, x, by, latest);
	}
	if (rc == 0) {
		check_moves(&r);
		check_milestones(&r);
		check_ucs(&r);
	}
	free(r.edges);
	free(r.v);
	free(r.order);
	free(path);
	ldr_hash_clear(&r.ids);
	if (r.ix.rm)
		ldr_index_release(&r.ix);
	return rc;
}

void ldr_impact_release(struct ldr_impact *im)
{
	size_t i;

	for (i = 0; i < im->nmoves; i++) {
		free(im->moves[i].id);
		free(im->moves[i].field);
		free(im->moves[i].by);
	}
	for (i = 0; i < im->nnotes; i++) {
		free(im->notes[i].id);
		free(im->notes[i].text);
	}
	free(im->moves);
	free(im->notes);
	memset(im, 0, sizeof(*im));
}

void ldr_impact_move_text(struct ldr_buf *b, const struct ldr_impact_move *m)
{
	int months = ldr_time_last(&m->to) - ldr_time_last(&m->from);
	int u = unit_months(&m->to), n = months / u;
	const char *unit = u == 12 ? "year" : u == 3 ? "quarter" : "month";

	if (months % u)
		n = months, unit = "month";
	ldr_buf_addf(b, "%d %s%s %s", n < 0 ? -n : n, unit, n == 1 || n == -1 ? "" : "s",
		     n < 0 ? "earlier" : "later");
}

static const char *why_text(const struct ldr_impact_move *m, struct ldr_buf *b)
{
	switch (m->why) {
	case LDR_IMPACT_ASKED: ldr_buf_addstr(b, "asked"); break;
	case LDR_IMPACT_DEPENDS: ldr_buf_addf(b, "depends on %s", m->by); break;
	case LDR_IMPACT_DELIVERED_BY: ldr_buf_addf(b, "delivered by %s", m->by); break;
	case LDR_IMPACT_WITH:
		ldr_buf_addf(b, strcmp(m->by, m->id) ? "with %s" : "with its start", m->by);
		break;
	}
	return b->s ? b->s : "";
}

void ldr_impact_move_line(struct ldr_buf *b, const struct ldr_impact_move *m)
{
	char from[LDR_TIME_STR_MAX], to[LDR_TIME_STR_MAX];
	struct ldr_buf w = LDR_BUF_INIT;

	ldr_buf_addquoted(b, m->id, 20);
	ldr_buf_addf(b, " %s %s -> %s: ", m->field, m->from.kind ? ldr_time_format(&m->from, from) : "-",
		     ldr_time_format(&m->to, to));
	ldr_impact_move_text(b, m);
	ldr_buf_addf(b, " (%s)", why_text(m, &w));
	ldr_buf_release(&w);
}

const char *ldr_impact_note_title(enum ldr_impact_note_kind k)
{
	static const char *const titles[] = {
		"Capabilities that now miss their planned year",
		"Milestones outside their project",
		"Universal capability activities and ambitions due before a project they name ends",
		"Beyond the roadmap's horizon",
		"Not moved: delivered",
		"Not followed",
	};
	return k <= LDR_NOTE_CYCLE ? titles[k] : "";
}

void ldr_impact_notes_text(struct ldr_buf *b, const struct ldr_impact *im,
			   void (*add)(struct ldr_buf *b, const char *text))
{
	size_t i;
	int k;

	for (k = 0; k <= LDR_NOTE_CYCLE; k++) {
		int any = 0;
		for (i = 0; i < im->nnotes; i++) {
			if ((int)im->notes[i].kind != k)
				continue;
			if (!any++)
				ldr_buf_addf(b, "%s:\n", ldr_impact_note_title((enum ldr_impact_note_kind)k));
			ldr_buf_addstr(b, "  ");
			add(b, im->notes[i].text);
			ldr_buf_addch(b, '\n');
		}
	}
}
