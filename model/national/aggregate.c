#include "aggregate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../roadmap/schedule.h"
#include "../roadmap/schema.h"
#include "../base/util.h"

/* Financial years a capability can be due in: those of the months the time
 * line takes, so that a table indexed by year always has room. */
#define FY_MIN (LDR_MONTH_YEAR_FIRST - 1)
#define FY_MAX LDR_MONTH_YEAR_LAST
#define NSLOTS (FY_MAX - FY_MIN + 2) /* every year, then the unscheduled */

static size_t slot_of(int fy)
{
	return fy == LDR_AGG_UNSCHEDULED ? NSLOTS - 1 : (size_t)(fy - FY_MIN);
}

static int fy_of_slot(size_t s)
{
	return s == NSLOTS - 1 ? LDR_AGG_UNSCHEDULED : (int)s + FY_MIN;
}

void ldr_aggregate_init(struct ldr_aggregate *a)
{
	memset(a, 0, sizeof(*a));
}

static void footprint_release(struct ldr_agg_footprint *f)
{
	free(f->file);
	free(f->name);
	free(f->skipped);
	free(f->counts);
}

void ldr_aggregate_release(struct ldr_aggregate *a)
{
	size_t i;
	for (i = 0; i < a->n; i++)
		footprint_release(&a->v[i]);
	free(a->v);
	memset(a, 0, sizeof(*a));
}

static struct ldr_agg_footprint *add_footprint(struct ldr_aggregate *a, const char *file)
{
	struct ldr_agg_footprint *f;

	ldr_grow((void **)&a->v, &a->cap, a->n + 1, sizeof(*a->v));
	f = &a->v[a->n++];
	memset(f, 0, sizeof(*f));
	f->file = ldr_strdup(file ? file : "");
	return f;
}

int ldr_aggregate_skip(struct ldr_aggregate *a, const char *file, const char *why, size_t errors)
{
	struct ldr_agg_footprint *f = add_footprint(a, file);

	f->skipped = ldr_strdup(why && *why ? why : "cannot be loaded");
	f->load_errors = errors;
	a->skipped++;
	return 0;
}

/* ---- figures in text ---------------------------------------------------------- */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

ldr_permille ldr_permille_parse(const char *text)
{
	const char *p = text;

	while (p && *p) {
		long v = 0;
		int digits = 0, tenths = 0;

		if (!is_digit(*p) || (p > text && (is_digit(p[-1]) || p[-1] == '.'))) {
			p++;
			continue;
		}
		for (; is_digit(*p); p++)
			if (++digits <= 6)
				v = v * 10 + (*p - '0');
		if (*p == '.' && is_digit(p[1])) {
			tenths = p[1] - '0';
			for (p++; is_digit(*p); p++)
				;
		}
		if (*p == '%' && digits <= 6)
			return (ldr_permille)(v * 10 + tenths);
	}
	return -1;
}

const char *ldr_permille_format(ldr_permille v, char *buf)
{
	if (v < 0)
		buf[0] = '\0';
	else if (v % 10)
		snprintf(buf, 16, "%d.%d", v / 10, v % 10);
	else
		snprintf(buf, 16, "%d", v / 10);
	return buf;
}

const char *ldr_agg_enabled_name(int enabled)
{
	const struct ldr_field *f = &ldr_kind_uc.fields[ldr_kind_field(&ldr_kind_uc, "enabled")];
	int i;

	for (i = 0; enabled > 0 && f->values[i]; i++)
		if (i == enabled - 1)
			return f->values[i];
	return NULL;
}

const char *ldr_agg_position_name(int position)
{
	switch (position) {
	case LDR_AGG_MEETS: return "at-or-above";
	case LDR_AGG_BELOW: return "below";
	case LDR_AGG_NO_FIGURE: return "no-figure";
	default: return "no-plan";
	}
}

/* ---- one footprint -------------------------------------------------------------- */

static int group_row(const struct ldr_hash *local, const char *id)
{
	size_t i;

	if (!id)
		return LDR_AGG_NO_GROUP;
	for (i = 0; i < LDR_NATIONAL_GROUPS; i++)
		if (strcmp(ldr_national_groups[i].id, id) == 0)
			return (int)i;
	return ldr_hash_get(local, id) ? LDR_AGG_LOCAL : LDR_AGG_NO_GROUP;
}

/* Count the capabilities by group row and year, with a table indexed by
 * both: one pass, whatever the number of capabilities. */
static void count_capabilities(struct ldr_agg_footprint *f, const struct ldr_roadmap *rm)
{
	struct ldr_hash local = LDR_HASH_INIT;
	size_t *table = ldr_calloc((size_t)LDR_AGG_GROUPS * NSLOTS, sizeof(*table));
	size_t i, s, cap = 0;
	int g;

	for (i = 0; i < rm->groups.len; i++) {
		const struct ldr_group *lg = LDR_ITEM(rm->groups, struct ldr_group, i);
		if (lg->id)
			ldr_hash_put(&local, lg->id, (void *)lg);
	}
	for (i = 0; i < rm->capabilities.len; i++) {
		const struct ldr_capability *c = LDR_ITEM(rm->capabilities, struct ldr_capability, i);
		int due, fy = LDR_AGG_UNSCHEDULED;

		if (c->status == LDR_CAP_DROPPED) {
			f->dropped++;
			continue;
		}
		if (ldr_capability_due(c, &due))
			fy = ldr_time_fy_of_month(due);
		if (fy != LDR_AGG_UNSCHEDULED && (fy < FY_MIN || fy > FY_MAX))
			fy = LDR_AGG_UNSCHEDULED; /* cannot be: the time line has no such years */
		table[(size_t)group_row(&local, c->group) * NSLOTS + slot_of(fy)]++;
		f->capabilities++;
		f->dependencies += c->depends_on.n;
	}
	for (g = 0; g < LDR_AGG_GROUPS; g++)
		for (s = 0; s < NSLOTS; s++) {
			size_t n = table[(size_t)g * NSLOTS + s];
			if (!n)
				continue;
			ldr_grow((void **)&f->counts, &cap, f->ncounts + 1, sizeof(*f->counts));
			f->counts[f->ncounts].group = g;
			f->counts[f->ncounts].fy = fy_of_slot(s);
			f->counts[f->ncounts++].n = n;
		}
	free(table);
	ldr_hash_clear(&local);
}

static int fy_of(const struct ldr_time *t)
{
	return ldr_time_fy_of_month(ldr_time_first(t));
}

/* Against the national target: the latest ambition up to the target's year
 * that gives a figure, and its first figure. */
static void target_position(struct ldr_agg_uc *out, const struct ldr_uc *u, const struct ldr_uc_def *d)
{
	int due = ldr_time_fy_of_month(d->target.year * 12 + d->target.month - 1);
	const struct ldr_ambition *best = NULL;
	size_t i;

	out->stated = -1;
	out->position = LDR_AGG_NO_FIGURE;
	for (i = 0; i < u->ambition.len; i++) {
		const struct ldr_ambition *am = LDR_ITEM(u->ambition, struct ldr_ambition, i);
		if (!am->year.kind || fy_of(&am->year) > due || ldr_permille_parse(am->text) < 0)
			continue;
		if (!best || ldr_time_cmp(&am->year, &best->year) > 0)
			best = am;
	}
	if (!best)
		return;
	out->stated = ldr_permille_parse(best->text);
	out->stated_year = best->year;
	out->position = out->stated >= d->target.percent * 10 ? LDR_AGG_MEETS : LDR_AGG_BELOW;
}

static void read_plan(struct ldr_agg_uc *out, const struct ldr_uc *u, const struct ldr_uc_def *d)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	out->stated = out->baseline = -1;
	if (!u) {
		out->position = LDR_AGG_NO_PLAN;
		return;
	}
	out->planned = 1;
	out->enabled = u->enabled;
	out->baseline = ldr_permille_parse(u->baseline);
	for (i = 0; i < u->ambition.len; i++) {
		const struct ldr_time *y = &LDR_ITEM(u->ambition, struct ldr_ambition, i)->year;
		if (!y->kind)
			continue;
		if (!out->first.kind || ldr_time_cmp(y, &out->first) < 0)
			out->first = *y;
		if (!out->last.kind || ldr_time_cmp(y, &out->last) > 0)
			out->last = *y;
	}
	for (i = 0; i < u->activities.len; i++) {
		const struct ldr_activity *act = LDR_ITEM(u->activities, struct ldr_activity, i);
		out->activities++;
		out->done += act->done != 0;
		if (act->quarter.kind && (!out->last_activity.kind ||
					  ldr_time_cmp(&act->quarter, &out->last_activity) > 0))
			out->last_activity = act->quarter;
	}
	if (d->target.percent)
		target_position(out, u, d);
}

int ldr_aggregate_add(struct ldr_aggregate *a, const char *file, const struct ldr_roadmap *rm,
		      const struct ldr_check_opts *opts)
{
	struct ldr_agg_footprint *f = add_footprint(a, file);
	struct ldr_check_opts o;
	struct ldr_findings found;
	size_t i;

	memset(&o, 0, sizeof(o));
	if (opts)
		o = *opts;
	if (!o.as_of.kind)
		o.as_of = rm->footprint.as_at;
	f->as_of = o.as_of;
	f->name = rm->footprint.name ? ldr_strdup(rm->footprint.name) : NULL;
	ldr_check(rm, &o, &found);
	f->errors = found.errors;
	f->warnings = found.warnings;
	memcpy(f->per_rule, found.per_rule, sizeof(f->per_rule));
	ldr_findings_release(&found);
	f->projects = rm->projects.len;
	for (i = 0; i < rm->projects.len; i++)
		f->dependencies += LDR_ITEM(rm->projects, struct ldr_project, i)->depends_on.n;
	count_capabilities(f, rm);
	for (i = 0; i < LDR_NATIONAL_UCS; i++) {
		read_plan(&f->ucs[i], ldr_roadmap_uc(rm, ldr_national_ucs[i].id), &ldr_national_ucs[i]);
		f->ucs_planned += f->ucs[i].planned;
	}
	a->checked++;
	return 0;
}

/* ---- the national tables ---------------------------------------------------------- */

const char *ldr_agg_group_name(int group)
{
	if (group >= 0 && group < LDR_NATIONAL_GROUPS)
		return ldr_national_groups[group].name;
	return group == LDR_AGG_LOCAL ? "Local groups (each footprint's own)" : "No group";
}

const char *ldr_agg_group_id(int group)
{
	if (group >= 0 && group < LDR_NATIONAL_GROUPS)
		return ldr_national_groups[group].id;
	return group == LDR_AGG_LOCAL ? "local" : "none";
}

const char *ldr_agg_year_text(int fy, char *buf)
{
	struct ldr_time t;
	if (fy == LDR_AGG_UNSCHEDULED)
		return "none";
	t = ldr_time_year(fy);
	return ldr_time_format(&t, buf);
}

/* The years marked in a table of slots, in order (the unscheduled last). */
static int *years_of(const unsigned char *seen, size_t *n)
{
	int *v;
	size_t s, k = 0;

	for (s = 0; s < NSLOTS; s++)
		k += seen[s];
	v = ldr_calloc(k + 1, sizeof(*v));
	for (s = 0; s < NSLOTS; s++)
		if (seen[s])
			v[(*n)++] = fy_of_slot(s);
	return v;
}

int *ldr_aggregate_years(const struct ldr_aggregate *a, size_t *n)
{
	unsigned char *seen = ldr_calloc(NSLOTS, 1);
	size_t i, j;
	int *v;

	*n = 0;
	for (i = 0; i < a->n; i++)
		for (j = 0; j < a->v[i].ncounts; j++)
			seen[slot_of(a->v[i].counts[j].fy)] = 1;
	v = years_of(seen, n);
	free(seen);
	return v;
}

struct ldr_agg_cell ldr_aggregate_cell(const struct ldr_aggregate *a, int group, int fy)
{
	struct ldr_agg_cell c = { 0, 0 };
	size_t i, j;

	for (i = 0; i < a->n; i++) {
		size_t n = 0;
		for (j = 0; j < a->v[i].ncounts; j++) {
			const struct ldr_agg_count *k = &a->v[i].counts[j];
			if (k->group == group && (fy == LDR_AGG_ALL_YEARS || k->fy == fy))
				n += k->n;
		}
		c.capabilities += n;
		c.footprints += n > 0;
	}
	return c;
}

void ldr_aggregate_uc_summary(const struct ldr_aggregate *a, size_t uc,
			      struct ldr_agg_uc_summary *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	out->lowest = out->highest = -1;
	for (i = 0; i < a->n; i++) {
		const struct ldr_agg_uc *u = &a->v[i].ucs[uc];
		if (a->v[i].skipped)
			continue;
		out->planned += u->planned;
		if (u->planned && u->enabled >= 0 && u->enabled < 5)
			out->enabled[u->enabled]++;
		out->positions[u->position]++;
		if (u->stated < 0)
			continue;
		if (out->lowest < 0 || u->stated < out->lowest)
			out->lowest = u->stated;
		if (u->stated > out->highest)
			out->highest = u->stated;
	}
}

int *ldr_aggregate_ambition_years(const struct ldr_aggregate *a, size_t *n)
{
	unsigned char *seen = ldr_calloc(NSLOTS, 1);
	size_t i, k;
	int *v;

	*n = 0;
	for (i = 0; i < a->n; i++)
		for (k = 0; k < LDR_NATIONAL_UCS; k++)
			if (a->v[i].ucs[k].last.kind)
				seen[slot_of(fy_of(&a->v[i].ucs[k].last))] = 1;
	v = years_of(seen, n);
	free(seen);
	return v;
}

size_t ldr_aggregate_ambition_by(const struct ldr_aggregate *a, size_t uc, int fy)
{
	size_t i, n = 0;
	for (i = 0; i < a->n; i++) {
		const struct ldr_agg_uc *u = &a->v[i].ucs[uc];
		n += u->last.kind && fy_of(&u->last) == fy;
	}
	return n;
}

void ldr_aggregate_rule(const struct ldr_aggregate *a, size_t rule, size_t *footprints,
			size_t *findings)
{
	size_t i;

	*footprints = *findings = 0;
	for (i = 0; i < a->n; i++) {
		*footprints += a->v[i].per_rule[rule] > 0;
		*findings += a->v[i].per_rule[rule];
	}
}
