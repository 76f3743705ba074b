#include "schema.h"

#include <stdlib.h>
#include <string.h>

#include "../base/util.h"

/* Enumerations: the order is the order of the constants in roadmap.h. */
static const char *const org_types[] = {
	"commissioner", "acute", "community", "mental-health", "ambulance", "out-of-hours",
	"primary-care", "local-authority", "support", "board", "other", NULL,
};
static const char *const horizons[] = { "short", "medium", "long", NULL };
static const char *const benefits[] = { "care-quality", "efficiency", "wellbeing", NULL };
static const char *const project_statuses[] = {
	"proposed", "planned", "in-progress", "delivered", "on-hold", "dropped", NULL,
};
static const char *const milestone_statuses[] = {
	"planned", "at-risk", "done", "missed", "dropped", NULL,
};
static const char *const capability_statuses[] = {
	"firm", "aspirational", "in-progress", "delivered", "deferred", "dropped", NULL,
};
static const char *const uc_enabled[] = {
	"not-started", "in-progress", "initiatives-identified", "complete", NULL,
};
static const char *const solutions[] = { "national", "alternative", NULL };
static const char *const rags[] = { "red", "amber", "yellow", "green", NULL };
static const char *const sides[] = { "ours", "theirs", NULL };
static const char *const doc_kinds[] = { "ldr", "programme", NULL };
static const char *const switches[] = { "true", "false", NULL };

#define REQ LDR_FL_REQUIRED
#define AT(T, m) .offset = offsetof(T, m)
#define ID(T) { .name = "id", .type = LDR_F_ID, AT(T, id), .flags = REQ }
#define STR(T, m, fl) { .name = #m, .type = LDR_F_STR, AT(T, m), .flags = (fl) }
#define TEXT(T, m) { .name = #m, .type = LDR_F_TEXT, AT(T, m) }
#define TIME(T, m, k, fl) { .name = #m, .type = LDR_F_TIME, AT(T, m), .flags = (fl), .time_kinds = (k) }
#define ENUM(T, m, v) { .name = #m, .type = LDR_F_ENUM, AT(T, m), .values = (v) }
#define ENUMS(T, m, v) { .name = #m, .type = LDR_F_ENUMS, AT(T, m), .values = (v) }
#define REF(T, m, K, fl) { .name = #m, .type = LDR_F_REF, AT(T, m), .flags = (fl), .kind = &(K) }
#define REFS(T, m, K) { .name = #m, .type = LDR_F_REFS, AT(T, m), .kind = &(K) }
#define INT(T, m, lo, hi, fl) { .name = #m, .type = LDR_F_INT, AT(T, m), .flags = (fl), .min = (lo), .max = (hi) }
#define LIST(key, T, m, K) { .name = key, .type = LDR_F_LIST, AT(T, m), .kind = &(K) }
#define NOTES(T) TEXT(T, notes)
#define DERIVED(T) { .name = "derived", .type = LDR_F_DERIVED, AT(T, derived) }
#define KIND(var, label, T, fields) \
	const struct ldr_kind var = { label, sizeof(T), fields, LDR_ARRAY_SIZE(fields) }

#define MONEY_MAX 1000000000000000LL /* a thousand trillion pounds */

static const struct ldr_field org_fields[] = {
	ID(struct ldr_org),
	STR(struct ldr_org, name, REQ),
	ENUM(struct ldr_org, type, org_types),
	TEXT(struct ldr_org, role),
	STR(struct ldr_org, endorsed_by, 0),
	NOTES(struct ldr_org),
	DERIVED(struct ldr_org),
};
KIND(ldr_kind_org, "organisation", struct ldr_org, org_fields);

static const struct ldr_field footprint_fields[] = {
	STR(struct ldr_footprint, name, REQ),
	ENUM(struct ldr_footprint, kind, doc_kinds),
	STR(struct ldr_footprint, title, 0),
	STR(struct ldr_footprint, version, 0),
	STR(struct ldr_footprint, status, 0),
	TIME(struct ldr_footprint, published, LDR_TIME_ANY, 0),
	TIME(struct ldr_footprint, submitted, LDR_TIME_ANY, 0),
	TIME(struct ldr_footprint, as_at, LDR_TIME_ANY, 0),
	TIME(struct ldr_footprint, start, LDR_TIME_YEAR, REQ),
	TIME(struct ldr_footprint, end, LDR_TIME_YEAR, REQ),
	TIME(struct ldr_footprint, schedule_end, LDR_TIME_YEAR, 0),
	STR(struct ldr_footprint, lead_ccg, 0),
	{ .name = "partner_ccgs", .type = LDR_F_STRS, AT(struct ldr_footprint, partner_ccgs) },
	LIST("organisations", struct ldr_footprint, organisations, ldr_kind_org),
	NOTES(struct ldr_footprint),
	DERIVED(struct ldr_footprint),
};
KIND(ldr_kind_footprint, "footprint", struct ldr_footprint, footprint_fields);

static const struct ldr_field group_fields[] = {
	ID(struct ldr_group),
	STR(struct ldr_group, name, REQ),
	TEXT(struct ldr_group, description),
	NOTES(struct ldr_group),
	DERIVED(struct ldr_group),
};
KIND(ldr_kind_group, "group", struct ldr_group, group_fields);

static const struct ldr_field priority_fields[] = {
	ID(struct ldr_priority),
	STR(struct ldr_priority, title, REQ),
	TEXT(struct ldr_priority, description),
	ENUM(struct ldr_priority, horizon, horizons),
	NOTES(struct ldr_priority),
	DERIVED(struct ldr_priority),
};
KIND(ldr_kind_priority, "priority", struct ldr_priority, priority_fields);

static const struct ldr_field checkpoint_fields[] = {
	TIME(struct ldr_checkpoint, when, LDR_TIME_ANY | LDR_TIME_COMMIT, REQ | LDR_FL_KEY),
	{ .name = "what", .type = LDR_F_TEXT, AT(struct ldr_checkpoint, what), .flags = REQ },
	ENUM(struct ldr_checkpoint, status, milestone_statuses),
	TIME(struct ldr_checkpoint, delivered, LDR_TIME_ANY, 0),
};
KIND(ldr_kind_checkpoint, "checkpoint", struct ldr_checkpoint, checkpoint_fields);

static const struct ldr_field milestone_fields[] = {
	ID(struct ldr_milestone),
	{ .name = "what", .type = LDR_F_TEXT, AT(struct ldr_milestone, what), .flags = REQ },
	TIME(struct ldr_milestone, due, LDR_TIME_ANY | LDR_TIME_COMMIT, 0),
	ENUM(struct ldr_milestone, status, milestone_statuses),
	TIME(struct ldr_milestone, delivered, LDR_TIME_ANY, 0),
	STR(struct ldr_milestone, owner, 0),
	LIST("checkpoints", struct ldr_milestone, checkpoints, ldr_kind_checkpoint),
	NOTES(struct ldr_milestone),
	DERIVED(struct ldr_milestone),
};
KIND(ldr_kind_milestone, "milestone", struct ldr_milestone, milestone_fields);

static const struct ldr_field project_fields[] = {
	ID(struct ldr_project),
	INT(struct ldr_project, ref, 0, 999999, 0),
	STR(struct ldr_project, name, REQ),
	TEXT(struct ldr_project, description),
	REF(struct ldr_project, group, ldr_kind_group, 0),
	REF(struct ldr_project, priority, ldr_kind_priority, 0),
	ENUMS(struct ldr_project, benefits, benefits),
	TIME(struct ldr_project, start, LDR_TIME_ANY, LDR_FL_PLANNED),
	TIME(struct ldr_project, end, LDR_TIME_ANY, LDR_FL_PLANNED),
	REFS(struct ldr_project, depends_on, ldr_kind_project),
	ENUM(struct ldr_project, status, project_statuses),
	TIME(struct ldr_project, delivered, LDR_TIME_ANY, 0),
	INT(struct ldr_project, cost, 0, MONEY_MAX, 0),
	NOTES(struct ldr_project),
	LIST("milestones", struct ldr_project, milestones, ldr_kind_milestone),
	DERIVED(struct ldr_project),
};
KIND(ldr_kind_project, "project", struct ldr_project, project_fields);

static const struct ldr_field capability_fields[] = {
	ID(struct ldr_capability),
	STR(struct ldr_capability, who, REQ),
	STR(struct ldr_capability, what, REQ),
	TIME(struct ldr_capability, year, LDR_TIME_ANY, LDR_FL_PLANNED),
	REF(struct ldr_capability, group, ldr_kind_group, LDR_FL_PLANNED),
	REFS(struct ldr_capability, projects, ldr_kind_project),
	REFS(struct ldr_capability, depends_on, ldr_kind_capability),
	ENUM(struct ldr_capability, status, capability_statuses),
	TIME(struct ldr_capability, delivered, LDR_TIME_ANY, 0),
	{ .name = "attributes", .type = LDR_F_ATTRS, AT(struct ldr_capability, attributes) },
	NOTES(struct ldr_capability),
	DERIVED(struct ldr_capability),
};
KIND(ldr_kind_capability, "capability", struct ldr_capability, capability_fields);

static const struct ldr_field ambition_fields[] = {
	TIME(struct ldr_ambition, year, LDR_TIME_YEAR, REQ | LDR_FL_KEY),
	{ .name = "text", .type = LDR_F_TEXT, AT(struct ldr_ambition, text), .flags = REQ },
};
KIND(ldr_kind_ambition, "ambition", struct ldr_ambition, ambition_fields);

static const struct ldr_field activity_fields[] = {
	ID(struct ldr_activity),
	TIME(struct ldr_activity, quarter, LDR_TIME_QUARTER, REQ),
	STR(struct ldr_activity, what, REQ),
	{ .name = "done", .type = LDR_F_BOOL, AT(struct ldr_activity, done), .flags = LDR_FL_ALWAYS },
	TIME(struct ldr_activity, delivered, LDR_TIME_ANY, 0),
	NOTES(struct ldr_activity),
	DERIVED(struct ldr_activity),
};
KIND(ldr_kind_activity, "activity", struct ldr_activity, activity_fields);

static const struct ldr_field uc_fields[] = {
	ID(struct ldr_uc),
	ENUM(struct ldr_uc, enabled, uc_enabled),
	TEXT(struct ldr_uc, uptake),
	TEXT(struct ldr_uc, baseline),
	LIST("ambition", struct ldr_uc, ambition, ldr_kind_ambition),
	LIST("activities", struct ldr_uc, activities, ldr_kind_activity),
	ENUM(struct ldr_uc, solution, solutions),
	TEXT(struct ldr_uc, rationale),
	TEXT(struct ldr_uc, evidence),
	REFS(struct ldr_uc, projects, ldr_kind_project),
	NOTES(struct ldr_uc),
	DERIVED(struct ldr_uc),
};
KIND(ldr_kind_uc, "universal capability", struct ldr_uc, uc_fields);

static const struct ldr_field target_fields[] = {
	TIME(struct ldr_target, year, LDR_TIME_YEAR, REQ | LDR_FL_KEY),
	INT(struct ldr_target, score, 0, 100, REQ),
};
KIND(ldr_kind_target, "target", struct ldr_target, target_fields);

static const struct ldr_field score_fields[] = {
	REF(struct ldr_score, group, ldr_kind_group, REQ | LDR_FL_KEY),
	INT(struct ldr_score, baseline, 0, 100, 0),
	LIST("targets", struct ldr_score, targets, ldr_kind_target),
};
KIND(ldr_kind_score, "score", struct ldr_score, score_fields);

static const struct ldr_field trajectory_fields[] = {
	ID(struct ldr_trajectory),
	REF(struct ldr_trajectory, provider, ldr_kind_org, REQ),
	TIME(struct ldr_trajectory, baseline_year, LDR_TIME_YEAR, 0),
	TEXT(struct ldr_trajectory, source),
	LIST("scores", struct ldr_trajectory, scores, ldr_kind_score),
	NOTES(struct ldr_trajectory),
	DERIVED(struct ldr_trajectory),
};
KIND(ldr_kind_trajectory, "trajectory", struct ldr_trajectory, trajectory_fields);

static const struct ldr_field risk_fields[] = {
	ID(struct ldr_risk),
	STR(struct ldr_risk, factor, REQ),
	TEXT(struct ldr_risk, description),
	TEXT(struct ldr_risk, impact),
	ENUM(struct ldr_risk, rag, rags),
	NOTES(struct ldr_risk),
	DERIVED(struct ldr_risk),
};
KIND(ldr_kind_risk, "risk", struct ldr_risk, risk_fields);

static const struct ldr_field funding_fields[] = {
	ID(struct ldr_funding),
	STR(struct ldr_funding, source, REQ),
	TEXT(struct ldr_funding, value),
	INT(struct ldr_funding, amount, 0, MONEY_MAX, 0),
	TEXT(struct ldr_funding, details),
	NOTES(struct ldr_funding),
	DERIVED(struct ldr_funding),
};
KIND(ldr_kind_funding, "funding", struct ldr_funding, funding_fields);

static const struct ldr_field response_fields[] = {
	ID(struct ldr_response),
	{ .name = "response", .type = LDR_F_TEXT, AT(struct ldr_response, response), .flags = REQ },
	NOTES(struct ldr_response),
	DERIVED(struct ldr_response),
};
KIND(ldr_kind_response, "checklist response", struct ldr_response, response_fields);

static const struct ldr_field conflict_fields[] = {
	STR(struct ldr_conflict, record, REQ),
	STR(struct ldr_conflict, field, 0),
	ENUM(struct ldr_conflict, removed, sides),
	TEXT(struct ldr_conflict, base),
	TEXT(struct ldr_conflict, ours),
	TEXT(struct ldr_conflict, theirs),
};
KIND(ldr_kind_conflict, "conflict", struct ldr_conflict, conflict_fields);

static const struct ldr_field rule_setting_fields[] = {
	STR(struct ldr_rule_setting, rule, REQ | LDR_FL_KEY),
	ENUM(struct ldr_rule_setting, enabled, switches),
	INT(struct ldr_rule_setting, months, 1, 1200, 0),
	{ .name = "reason", .type = LDR_F_TEXT, AT(struct ldr_rule_setting, reason), .flags = REQ },
};
KIND(ldr_kind_rule_setting, "rule setting", struct ldr_rule_setting, rule_setting_fields);

static const struct ldr_field roadmap_fields[] = {
	{ .name = "ldr", .type = LDR_F_INT, AT(struct ldr_roadmap, format), .flags = REQ,
	  .min = 0, .max = 999999 },
	{ .name = "footprint", .type = LDR_F_RECORD, AT(struct ldr_roadmap, footprint),
	  .flags = REQ, .kind = &ldr_kind_footprint },
	LIST("groups", struct ldr_roadmap, groups, ldr_kind_group),
	LIST("priorities", struct ldr_roadmap, priorities, ldr_kind_priority),
	LIST("projects", struct ldr_roadmap, projects, ldr_kind_project),
	LIST("capabilities", struct ldr_roadmap, capabilities, ldr_kind_capability),
	LIST("universal_capabilities", struct ldr_roadmap, ucs, ldr_kind_uc),
	LIST("trajectory", struct ldr_roadmap, trajectory, ldr_kind_trajectory),
	LIST("risks", struct ldr_roadmap, risks, ldr_kind_risk),
	LIST("funding", struct ldr_roadmap, funding, ldr_kind_funding),
	LIST("checklist", struct ldr_roadmap, checklist, ldr_kind_response),
	LIST("rules", struct ldr_roadmap, rules, ldr_kind_rule_setting),
	LIST("conflicts", struct ldr_roadmap, conflicts, ldr_kind_conflict),
};
KIND(ldr_kind_roadmap, "roadmap", struct ldr_roadmap, roadmap_fields);

int ldr_kind_field(const struct ldr_kind *k, const char *name)
{
	size_t i;
	for (i = 0; i < k->nfields; i++)
		if (strcmp(k->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *ldr_rec_id(const struct ldr_kind *k, const void *rec)
{
	if (k->nfields && k->fields[0].type == LDR_F_ID)
		return *(char *const *)LDR_CFIELD(rec, &k->fields[0]);
	return NULL;
}

const char *ldr_rec_key(const struct ldr_kind *k, const void *rec, char *buf, size_t len)
{
	size_t i;
	for (i = 0; i < k->nfields; i++) {
		const struct ldr_field *f = &k->fields[i];
		if (!(f->flags & LDR_FL_KEY))
			continue;
		if (f->type == LDR_F_TIME) {
			if (len < LDR_TIME_STR_MAX)
				return NULL;
			return ldr_time_format(LDR_CFIELD(rec, f), buf);
		}
		return *(char *const *)LDR_CFIELD(rec, f);
	}
	return NULL;
}

struct ldr_pos ldr_rec_field_pos(const void *rec, unsigned field)
{
	const struct ldr_rec *r = rec;
	struct ldr_pos none = { 0, 0 };
	unsigned i;
	for (i = 0; i < r->nfpos; i++)
		if (r->fpos[i].field == field)
			return r->fpos[i].pos;
	return none;
}

void ldr_rec_set_field_pos(void *rec, unsigned field, struct ldr_pos pos)
{
	struct ldr_rec *r = rec;
	unsigned i;
	for (i = 0; i < r->nfpos; i++)
		if (r->fpos[i].field == field) {
			r->fpos[i].pos = pos;
			return;
		}
	r->fpos = ldr_realloc(r->fpos, (r->nfpos + 1) * sizeof(*r->fpos));
	r->fpos[r->nfpos].field = field;
	r->fpos[r->nfpos].pos = pos;
	r->nfpos++;
}

int ldr_field_present(const struct ldr_field *f, const void *rec)
{
	const void *p = LDR_CFIELD(rec, f);

	switch (f->type) {
	case LDR_F_ID: case LDR_F_STR: case LDR_F_TEXT: case LDR_F_REF:
		return *(char *const *)p != NULL;
	case LDR_F_REFS: case LDR_F_STRS:
		return ((const struct ldr_strv *)p)->n > 0;
	case LDR_F_ENUM:
		return *(const int *)p != 0;
	case LDR_F_ENUMS:
		return *(const unsigned *)p != 0;
	case LDR_F_TIME:
		return ldr_time_given(p);
	case LDR_F_BOOL:
		return (f->flags & LDR_FL_ALWAYS) || *(const int *)p;
	case LDR_F_INT:
		return ((const struct ldr_int *)p)->set;
	case LDR_F_ATTRS: case LDR_F_DERIVED:
		return ((const struct ldr_map *)p)->n > 0;
	case LDR_F_LIST:
		return ((const struct ldr_list *)p)->len > 0;
	case LDR_F_RECORD:
		return 1;
	}
	return 0;
}

static void strv_release(struct ldr_strv *v)
{
	size_t i;
	for (i = 0; i < v->n; i++)
		free(v->v[i]);
	free(v->v);
	free(v->pos);
	memset(v, 0, sizeof(*v));
}

static void map_release(struct ldr_map *m)
{
	size_t i;
	for (i = 0; i < m->n; i++) {
		free(m->v[i].key);
		free(m->v[i].value);
	}
	free(m->v);
	memset(m, 0, sizeof(*m));
}

static void list_release(struct ldr_list *l, const struct ldr_kind *k)
{
	size_t i;
	for (i = 0; i < l->len; i++)
		ldr_rec_release(k, ldr_list_at(l, k, i));
	free(l->items);
	memset(l, 0, sizeof(*l));
}

void ldr_field_release(const struct ldr_field *f, void *rec)
{
	void *p = LDR_FIELD(rec, f);
	switch (f->type) {
	case LDR_F_ID: case LDR_F_STR: case LDR_F_TEXT: case LDR_F_REF:
		free(*(char **)p);
		*(char **)p = NULL;
		break;
	case LDR_F_REFS: case LDR_F_STRS:
		strv_release(p);
		break;
	case LDR_F_ATTRS: case LDR_F_DERIVED:
		map_release(p);
		break;
	case LDR_F_LIST:
		list_release(p, f->kind);
		break;
	case LDR_F_RECORD:
		ldr_rec_release(f->kind, p);
		break;
	case LDR_F_ENUM: case LDR_F_BOOL:
		*(int *)p = 0;
		break;
	case LDR_F_ENUMS:
		*(unsigned *)p = 0;
		break;
	case LDR_F_TIME:
		memset(p, 0, sizeof(struct ldr_time));
		break;
	case LDR_F_INT:
		memset(p, 0, sizeof(struct ldr_int));
		break;
	}
}

void ldr_rec_release(const struct ldr_kind *k, void *rec)
{
	size_t i;
	for (i = 0; i < k->nfields; i++)
		ldr_field_release(&k->fields[i], rec);
	free(((struct ldr_rec *)rec)->fpos);
	memset(rec, 0, k->size);
}

static int str_equal(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

int ldr_field_equal(const struct ldr_field *f, const void *a, const void *b)
{
	size_t i;

	switch (f->type) {
	case LDR_F_ID: case LDR_F_STR: case LDR_F_TEXT: case LDR_F_REF:
		return str_equal(*(char *const *)a, *(char *const *)b);
	case LDR_F_REFS: case LDR_F_STRS: {
		const struct ldr_strv *x = a, *y = b;
		if (x->n != y->n)
			return 0;
		for (i = 0; i < x->n; i++)
			if (strcmp(x->v[i], y->v[i]) != 0)
				return 0;
		return 1;
	}
	case LDR_F_ENUM: case LDR_F_BOOL:
		return *(const int *)a == *(const int *)b;
	case LDR_F_ENUMS:
		return *(const unsigned *)a == *(const unsigned *)b;
	case LDR_F_TIME: {
		const struct ldr_time *x = a, *y = b;
		return x->kind == y->kind && x->qual == y->qual &&
		       (x->kind == LDR_TIME_NONE || x->month == y->month);
	}
	case LDR_F_INT: {
		const struct ldr_int *x = a, *y = b;
		return x->set == y->set && (!x->set || x->v == y->v);
	}
	case LDR_F_ATTRS: case LDR_F_DERIVED: {
		const struct ldr_map *x = a, *y = b;
		if (x->n != y->n)
			return 0;
		for (i = 0; i < x->n; i++)
			if (strcmp(x->v[i].key, y->v[i].key) != 0 ||
			    !str_equal(x->v[i].value, y->v[i].value))
				return 0;
		return 1;
	}
	case LDR_F_LIST: {
		const struct ldr_list *x = a, *y = b;
		if (x->len != y->len)
			return 0;
		for (i = 0; i < x->len; i++)
			if (!ldr_rec_equal(f->kind, ldr_list_at(x, f->kind, i), ldr_list_at(y, f->kind, i)))
				return 0;
		return 1;
	}
	case LDR_F_RECORD:
		return ldr_rec_equal(f->kind, a, b);
	}
	return 0;
}

int ldr_rec_equal(const struct ldr_kind *k, const void *a, const void *b)
{
	size_t i;
	for (i = 0; i < k->nfields; i++)
		if (!ldr_field_equal(&k->fields[i], LDR_CFIELD(a, &k->fields[i]), LDR_CFIELD(b, &k->fields[i])))
			return 0;
	return 1;
}

static char *dup_or_null(const char *s)
{
	return s ? ldr_strdup(s) : NULL;
}

void ldr_field_copy(const struct ldr_field *f, void *d, const void *s)
{
	size_t i;

	switch (f->type) {
	case LDR_F_ID: case LDR_F_STR: case LDR_F_TEXT: case LDR_F_REF:
		*(char **)d = dup_or_null(*(char *const *)s);
		break;
	case LDR_F_REFS: case LDR_F_STRS: {
		struct ldr_strv *x = d;
		const struct ldr_strv *y = s;
		x->n = y->n;
		x->v = ldr_calloc(y->n, sizeof(*x->v));
		x->pos = ldr_calloc(y->n, sizeof(*x->pos));
		for (i = 0; i < y->n; i++) {
			x->v[i] = ldr_strdup(y->v[i]);
			x->pos[i] = y->pos ? y->pos[i] : x->pos[i];
		}
		break;
	}
	case LDR_F_ATTRS: case LDR_F_DERIVED: {
		struct ldr_map *x = d;
		const struct ldr_map *y = s;
		x->n = y->n;
		x->v = ldr_calloc(y->n, sizeof(*x->v));
		for (i = 0; i < y->n; i++) {
			x->v[i].key = ldr_strdup(y->v[i].key);
			x->v[i].value = dup_or_null(y->v[i].value);
			x->v[i].pos = y->v[i].pos;
		}
		break;
	}
	case LDR_F_LIST: {
		struct ldr_list *x = d;
		const struct ldr_list *y = s;
		memset(x, 0, sizeof(*x));
		for (i = 0; i < y->len; i++)
			ldr_rec_copy(f->kind, ldr_list_push(x, f->kind), ldr_list_at(y, f->kind, i));
		break;
	}
	case LDR_F_RECORD:
		ldr_rec_copy(f->kind, d, s);
		break;
	default:
		memcpy(d, s, f->type == LDR_F_TIME ? sizeof(struct ldr_time)
			     : f->type == LDR_F_INT ? sizeof(struct ldr_int)
			     : f->type == LDR_F_ENUMS ? sizeof(unsigned) : sizeof(int));
	}
}

void ldr_rec_copy(const struct ldr_kind *k, void *dst, const void *src)
{
	const struct ldr_rec *sr = src;
	struct ldr_rec *dr = dst;
	size_t i;

	memset(dst, 0, k->size);
	for (i = 0; i < k->nfields; i++)
		ldr_field_copy(&k->fields[i], LDR_FIELD(dst, &k->fields[i]), LDR_CFIELD(src, &k->fields[i]));
	dr->pos = sr->pos;
	dr->crlf = sr->crlf;
	if (sr->nfpos) {
		dr->fpos = ldr_malloc(sr->nfpos * sizeof(*dr->fpos));
		memcpy(dr->fpos, sr->fpos, sr->nfpos * sizeof(*dr->fpos));
		dr->nfpos = sr->nfpos;
	}
}

const char *ldr_map_get(const struct ldr_map *m, const char *key)
{
	size_t i;
	for (i = 0; i < m->n; i++)
		if (strcmp(m->v[i].key, key) == 0)
			return m->v[i].value ? m->v[i].value : "";
	return NULL;
}

static int kv_by_key(const void *a, const void *b)
{
	return strcmp(((const struct ldr_kv *)a)->key, ((const struct ldr_kv *)b)->key);
}

/* Derived reasons go in the order of the record's fields; there are at most
 * as many as the kind has fields, so a simple sort will do. */
static void sort_by_field(struct ldr_map *m, const struct ldr_kind *k)
{
	size_t i, j;
	for (i = 1; i < m->n; i++) {
		struct ldr_kv t = m->v[i];
		int fi = ldr_kind_field(k, t.key);
		for (j = i; j > 0 && ldr_kind_field(k, m->v[j - 1].key) > fi; j--)
			m->v[j] = m->v[j - 1];
		m->v[j] = t;
	}
}

void ldr_map_sort(struct ldr_map *m, const struct ldr_kind *k, const struct ldr_field *f)
{
	if (f->type == LDR_F_DERIVED)
		sort_by_field(m, k);
	else if (m->n > 1)
		qsort(m->v, m->n, sizeof(*m->v), kv_by_key);
}

void *ldr_list_push(struct ldr_list *l, const struct ldr_kind *k)
{
	void *item;
	ldr_grow(&l->items, &l->cap, l->len + 1, k->size);
	item = ldr_list_at(l, k, l->len);
	memset(item, 0, k->size);
	l->len++;
	return item;
}

void *ldr_list_insert(struct ldr_list *l, const struct ldr_kind *k, size_t index)
{
	char *base;
	if (index > l->len)
		index = l->len;
	ldr_grow(&l->items, &l->cap, l->len + 1, k->size);
	base = l->items;
	memmove(base + (index + 1) * k->size, base + index * k->size, (l->len - index) * k->size);
	memset(base + index * k->size, 0, k->size);
	l->len++;
	return base + index * k->size;
}

void ldr_list_remove(struct ldr_list *l, const struct ldr_kind *k, size_t index)
{
	char *base = l->items;
	if (index >= l->len)
		return;
	ldr_rec_release(k, base + index * k->size);
	memmove(base + index * k->size, base + (index + 1) * k->size, (l->len - index - 1) * k->size);
	l->len--;
}

static int walk(const struct ldr_kind *k, void *rec, const struct ldr_kind *pk, void *parent,
		ldr_walk_fn fn, void *payload)
{
	size_t i, j;
	int r = fn(k, rec, pk, parent, payload);

	for (i = 0; !r && i < k->nfields; i++) {
		const struct ldr_field *f = &k->fields[i];
		if (f->type == LDR_F_RECORD) {
			r = walk(f->kind, LDR_FIELD(rec, f), k, rec, fn, payload);
		} else if (f->type == LDR_F_LIST) {
			struct ldr_list *l = LDR_FIELD(rec, f);
			for (j = 0; !r && j < l->len; j++)
				r = walk(f->kind, ldr_list_at(l, f->kind, j), k, rec, fn, payload);
		}
	}
	return r;
}

int ldr_walk(const struct ldr_kind *k, void *rec, ldr_walk_fn fn, void *payload)
{
	return walk(k, rec, NULL, NULL, fn, payload);
}
