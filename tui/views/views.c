/* The table views: schedule, dossier, universal capabilities, trajectory,
 * problems, help and the record. Each says what its items are and what
 * is in their cells; the engine (view.c) does the rest. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/national.h"
#include "../app.h"
#include "../commands.h"
#include "../edit.h"
#include "../form.h"
#include "../text.h"

static const char *enum_name(const struct ldr_kind *k, const char *field, int v)
{
	int fi = ldr_kind_field(k, field);
	return fi >= 0 && v > 0 ? k->fields[fi].values[v - 1] : "";
}

static void time_cell(const struct ldr_time *t, struct ldr_buf *out)
{
	char buf[LDR_TIME_STR_MAX];
	if (t->kind)
		ldr_buf_addstr(out, ldr_time_format(t, buf));
}

/* The worst finding about a record: 2 error, 1 warning, 0 none. */
static int problems_of(const struct tui_app *app, const char *id)
{
	return id ? (int)(uintptr_t)ldr_hash_get(&app->worst, id) : 0;
}

static void id_cell(struct tui_app *app, const char *id, struct ldr_buf *out, enum tui_role *role)
{
	int p = problems_of(app, id);
	ldr_buf_addstr(out, id);
	if (p == 2)
		*role = TUI_ROLE_ERROR;
	else if (p == 1)
		*role = TUI_ROLE_WARNING;
}

static int time_compare(const struct ldr_time *a, const struct ldr_time *b)
{
	return ldr_time_cmp(a, b);
}

/* ---- schedule: the capabilities ----------------------------------------------------- */

static struct ldr_capability *capability(struct tui_view *v, size_t item)
{
	return LDR_ITEM(v->app->rm.capabilities, struct ldr_capability, item);
}

static void schedule_load(struct tui_view *v)
{
	v->nitems = v->app->rm.capabilities.len;
}

static void schedule_id(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	id_cell(v->app, capability(v, item)->id, out, role);
}

static void schedule_who(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const char *who = capability(v, item)->who;
	(void)role;
	ldr_buf_addstr(out, who ? who : "");
}

static void schedule_what(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const char *what = capability(v, item)->what;
	(void)role;
	ldr_buf_addstr(out, what ? what : "");
}

static void schedule_year(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	time_cell(&capability(v, item)->year, out);
}

static int schedule_by_year(struct tui_view *v, size_t a, size_t b)
{
	return time_compare(&capability(v, a)->year, &capability(v, b)->year);
}

/* The group's id, which tells the rows apart in the room there is
 * ("records" where the title would be "Records, as…"); the title is in the
 * detail pane, and a wider terminal gives What the room. */
static void schedule_group(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct ldr_capability *c = capability(v, item);
	(void)role;
	ldr_buf_addstr(out, c->group ? c->group : "");
}

static void schedule_status(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct ldr_capability *c = capability(v, item);
	ldr_buf_addstr(out, enum_name(&ldr_kind_capability, "status", c->status));
	if (c->status == LDR_CAP_DELIVERED)
		*role = TUI_ROLE_DONE;
	else if (c->status == LDR_CAP_DROPPED)
		*role = TUI_ROLE_DIM;
}

static const struct tui_column schedule_columns[] = {
	{ "Id", 5, 0, schedule_id },
	{ "Who", 12, 2, schedule_who },
	{ "What", 18, 6, schedule_what },
	{ "Year", 8, 0, schedule_year, schedule_by_year },
	{ "Group", 9, 1, schedule_group },
	{ "Status", 12, 0, schedule_status },
};

static int schedule_record(struct tui_view *v, size_t item, const struct ldr_kind **k, void **rec)
{
	*k = &ldr_kind_capability;
	*rec = capability(v, item);
	return 1;
}

const struct tui_view_ops tui_schedule_ops = {
	.name = "schedule", .title = "Schedule", .key = TUI_VIEW_SCHEDULE,
	.columns = schedule_columns, .ncolumns = LDR_ARRAY_SIZE(schedule_columns),
	.load = schedule_load, .record = schedule_record,
};

/* ---- dossier: the projects ---------------------------------------------------------- */

static struct ldr_project *project(const struct tui_view *v, size_t item)
{
	return LDR_ITEM(v->app->rm.projects, struct ldr_project, item);
}

static void dossier_load(struct tui_view *v)
{
	v->nitems = v->app->rm.projects.len;
}

static void dossier_id(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	id_cell(v->app, project(v, item)->id, out, role);
}

/* The ids whole: P01 in an LDR, frontline-digitisation in a plan. */
static int dossier_id_fit(const struct tui_view *v)
{
	size_t i;
	int w = 0;
	for (i = 0; i < v->nitems; i++) {
		const char *id = project(v, i)->id;
		int n = id ? tui_width(id) : 0;
		w = n > w ? n : w;
	}
	return w;
}

static void dossier_name(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	ldr_buf_addstr(out, project(v, item)->name ? project(v, item)->name : "");
}

/* The group's id, as in the Schedule: it tells the rows apart. */
static void dossier_group(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	ldr_buf_addstr(out, project(v, item)->group ? project(v, item)->group : "");
}

static void dossier_start(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	time_cell(&project(v, item)->start, out);
}

static int dossier_by_start(struct tui_view *v, size_t a, size_t b)
{
	return time_compare(&project(v, a)->start, &project(v, b)->start);
}

static void dossier_end(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	time_cell(&project(v, item)->end, out);
}

static int dossier_by_end(struct tui_view *v, size_t a, size_t b)
{
	return time_compare(&project(v, a)->end, &project(v, b)->end);
}

static void dossier_status(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct ldr_project *p = project(v, item);
	ldr_buf_addstr(out, enum_name(&ldr_kind_project, "status", p->status));
	if (p->status == LDR_PROJECT_DELIVERED)
		*role = TUI_ROLE_DONE;
	else if (p->status == LDR_PROJECT_DROPPED || p->status == LDR_PROJECT_ON_HOLD)
		*role = TUI_ROLE_DIM;
}

static void dossier_deps(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct ldr_project *p = project(v, item);
	size_t i;
	(void)role;
	for (i = 0; i < p->depends_on.n; i++)
		ldr_buf_addf(out, "%s%s", i ? " " : "", p->depends_on.v[i]);
}

/* No Ref column: the dossier's number is the id's (P08 is ref 8), and the
 * detail pane shows it. */
static const struct tui_column dossier_columns[] = {
	{ "Id", 4, 0, dossier_id, NULL, dossier_id_fit },
	{ "Name", 18, 5, dossier_name },
	{ "Group", 9, 1, dossier_group },
	{ "Start", 8, 0, dossier_start, dossier_by_start },
	{ "End", 8, 0, dossier_end, dossier_by_end },
	{ "Status", 12, 0, dossier_status },
	{ "Deps", 8, 0, dossier_deps },
};

static int dossier_record(struct tui_view *v, size_t item, const struct ldr_kind **k, void **rec)
{
	*k = &ldr_kind_project;
	*rec = project(v, item);
	return 1;
}

const struct tui_view_ops tui_dossier_ops = {
	.name = "dossier", .title = "Dossier", .key = TUI_VIEW_DOSSIER,
	.columns = dossier_columns, .ncolumns = LDR_ARRAY_SIZE(dossier_columns),
	.load = dossier_load, .record = dossier_record,
};

/* ---- the universal capabilities and their activities ------------------------------- */

/* Items: each of the ten in national order, followed by its activities. */
struct uc_item {
	const struct ldr_uc_def *def;
	struct ldr_uc *uc;           /* NULL: no plan in the roadmap */
	struct ldr_activity *act;    /* NULL: the capability's own row */
};

struct uc_view {
	struct uc_item *items;
	size_t cap;
};

static void ucs_load(struct tui_view *v)
{
	struct uc_view *u = v->priv ? v->priv : (v->priv = ldr_calloc(1, sizeof(struct uc_view)));
	size_t i, j;

	v->nitems = 0;
	for (i = 0; i < LDR_NATIONAL_UCS; i++) {
		struct ldr_uc *uc = ldr_index_get(&v->app->ix, &ldr_kind_uc, ldr_national_ucs[i].id);
		size_t n = uc ? uc->activities.len : 0;
		ldr_grow((void **)&u->items, &u->cap, v->nitems + 1 + n, sizeof(*u->items));
		u->items[v->nitems++] = (struct uc_item){ &ldr_national_ucs[i], uc, NULL };
		for (j = 0; j < n; j++)
			u->items[v->nitems++] = (struct uc_item){
				&ldr_national_ucs[i], uc, LDR_ITEM(uc->activities, struct ldr_activity, j)
			};
	}
}

static struct uc_item *uc_item(struct tui_view *v, size_t item)
{
	return &((struct uc_view *)v->priv)->items[item];
}

/* An activity's cells are indented under its capability's. */
static void ucs_id(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct uc_item *it = uc_item(v, item);
	if (it->act)
		ldr_buf_addstr(out, "  ");
	id_cell(v->app, it->act ? it->act->id : it->def->id, out, role);
}

static void ucs_title(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct uc_item *it = uc_item(v, item);
	(void)role;
	if (it->act)
		ldr_buf_addf(out, "  %s", it->act->what ? it->act->what : "");
	else
		ldr_buf_addstr(out, it->def->title);
}

static void ucs_when(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct uc_item *it = uc_item(v, item);
	(void)role;
	if (it->act)
		time_cell(&it->act->quarter, out);
}

static void ucs_status(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct uc_item *it = uc_item(v, item);
	if (it->act) {
		ldr_buf_addstr(out, it->act->done ? "\u2713 done" : "open");
		*role = it->act->done ? TUI_ROLE_DONE : TUI_ROLE_NORMAL;
	} else if (!it->uc) {
		ldr_buf_addstr(out, "no plan");
		*role = TUI_ROLE_WARNING;
	} else {
		ldr_buf_addstr(out, enum_name(&ldr_kind_uc, "enabled", it->uc->enabled));
	}
}

static const struct tui_column ucs_columns[] = {
	{ "Id", 9, 0, ucs_id },
	{ "Capability / activity", 24, 5, ucs_title },
	{ "When", 8, 0, ucs_when },
	{ "Status", 12, 0, ucs_status },
};

static int ucs_record(struct tui_view *v, size_t item, const struct ldr_kind **k, void **rec)
{
	struct uc_item *it = &((struct uc_view *)v->priv)->items[item];
	if (it->act) {
		*k = &ldr_kind_activity;
		*rec = it->act;
		return 1;
	}
	if (!it->uc)
		return 0;
	*k = &ldr_kind_uc;
	*rec = it->uc;
	return 1;
}

static void ucs_detail(struct tui_view *v, size_t item, struct ldr_buf *lines)
{
	struct uc_item *it = &((struct uc_view *)v->priv)->items[item];
	struct ldr_buf aims = LDR_BUF_INIT;
	size_t i;

	if (it->act) {
		tui_record_lines(v->app, &ldr_kind_activity, it->act, lines);
		return;
	}
	ldr_buf_addf(lines, "capability\x1f%s\x1f-\x1e", it->def->title);
	ldr_buf_addf(lines, "group\x1f%s\x1f-\x1e", ldr_group_name(&v->app->ix, it->def->group));
	for (i = 0; i < LDR_UC_MAX_AIMS && it->def->aims[i]; i++)
		ldr_buf_addf(&aims, "%s- %s", i ? "\n" : "", it->def->aims[i]);
	ldr_buf_addf(lines, "aims\x1f%s\x1f-\x1e", aims.s);
	ldr_buf_release(&aims);
	if (it->uc)
		tui_record_lines(v->app, &ldr_kind_uc, it->uc, lines);
	else
		ldr_buf_addstr(lines, "plan\x1f(none in the roadmap)\x1f-\x1e");
}

static void ucs_release(struct tui_view *v)
{
	struct uc_view *u = v->priv;
	if (u)
		free(u->items);
	free(u);
	v->priv = NULL;
}

const struct tui_view_ops tui_ucs_ops = {
	.name = "ucs", .title = "UCs", .key = TUI_VIEW_UCS,
	.columns = ucs_columns, .ncolumns = LDR_ARRAY_SIZE(ucs_columns),
	.load = ucs_load, .record = ucs_record, .detail = ucs_detail,
	.release = ucs_release,
};

/* ---- trajectory: scores by provider and group ------------------------------------- */

struct score_item {
	struct ldr_trajectory *t;
	struct ldr_score *s;
};

struct score_view {
	struct score_item *items;
	size_t cap;
};

static void trajectory_load(struct tui_view *v)
{
	struct score_view *sv = v->priv ? v->priv : (v->priv = ldr_calloc(1, sizeof(struct score_view)));
	const struct ldr_roadmap *rm = &v->app->rm;
	size_t i, j;

	v->nitems = 0;
	for (i = 0; i < rm->trajectory.len; i++) {
		struct ldr_trajectory *t = LDR_ITEM(rm->trajectory, struct ldr_trajectory, i);
		for (j = 0; j < t->scores.len; j++) {
			ldr_grow((void **)&sv->items, &sv->cap, v->nitems + 1, sizeof(*sv->items));
			sv->items[v->nitems++] =
				(struct score_item){ t, LDR_ITEM(t->scores, struct ldr_score, j) };
		}
	}
}

static struct score_item *score_item(struct tui_view *v, size_t item)
{
	return &((struct score_view *)v->priv)->items[item];
}

static void trajectory_provider(struct tui_view *v, size_t item, struct ldr_buf *out,
				enum tui_role *role)
{
	const struct score_item *it = score_item(v, item);
	const struct ldr_org *org = ldr_index_get(&v->app->ix, &ldr_kind_org, it->t->provider);
	(void)role;
	ldr_buf_addstr(out, org ? org->name : it->t->provider);
}

static void trajectory_group(struct tui_view *v, size_t item, struct ldr_buf *out,
			     enum tui_role *role)
{
	const struct score_item *it = score_item(v, item);
	const char *g = ldr_group_name(&v->app->ix, it->s->group);
	(void)role;
	ldr_buf_addstr(out, g ? g : it->s->group);
}

static void trajectory_baseline(struct tui_view *v, size_t item, struct ldr_buf *out,
				enum tui_role *role)
{
	const struct score_item *it = score_item(v, item);
	(void)role;
	if (it->s->baseline.set)
		ldr_buf_addf(out, "%lld", it->s->baseline.v);
}

static void trajectory_targets(struct tui_view *v, size_t item, struct ldr_buf *out,
			       enum tui_role *role)
{
	const struct score_item *it = score_item(v, item);
	char buf[LDR_TIME_STR_MAX];
	size_t i;
	(void)role;
	for (i = 0; i < it->s->targets.len; i++) {
		const struct ldr_target *tg = LDR_ITEM(it->s->targets, struct ldr_target, i);
		ldr_buf_addf(out, "%s%s: %lld", i ? ", " : "", ldr_time_format(&tg->year, buf),
			     tg->score.v);
	}
}

static const struct tui_column trajectory_columns[] = {
	{ "Provider", 14, 3, trajectory_provider },
	{ "Group", 14, 2, trajectory_group },
	{ "Baseline", 8, 0, trajectory_baseline },
	{ "Targets", 14, 3, trajectory_targets },
};

static int trajectory_record(struct tui_view *v, size_t item, const struct ldr_kind **k, void **rec)
{
	*k = &ldr_kind_trajectory;
	*rec = ((struct score_view *)v->priv)->items[item].t;
	return 1;
}

static void trajectory_release(struct tui_view *v)
{
	struct score_view *sv = v->priv;
	if (sv)
		free(sv->items);
	free(sv);
	v->priv = NULL;
}

const struct tui_view_ops tui_trajectory_ops = {
	.name = "trajectory", .title = "Scores", .key = TUI_VIEW_TRAJECTORY,
	.columns = trajectory_columns, .ncolumns = LDR_ARRAY_SIZE(trajectory_columns),
	.load = trajectory_load, .record = trajectory_record,
	.release = trajectory_release,
};

/* ---- problems: the checks' findings ------------------------------------------------ */

static void problems_load(struct tui_view *v)
{
	v->nitems = v->app->findings.n;
}

static const struct ldr_finding *finding(struct tui_view *v, size_t item)
{
	return &v->app->findings.v[item];
}

static void problems_severity(struct tui_view *v, size_t item, struct ldr_buf *out,
			      enum tui_role *role)
{
	int error = finding(v, item)->rule->severity == LDR_CHECK_ERROR;
	ldr_buf_addstr(out, error ? "err" : "warn");
	*role = error ? TUI_ROLE_ERROR : TUI_ROLE_WARNING;
}

static int problems_by_severity(struct tui_view *v, size_t a, size_t b)
{
	return (int)finding(v, a)->rule->severity - (int)finding(v, b)->rule->severity;
}

static void problems_rule(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	ldr_buf_addstr(out, finding(v, item)->rule->id);
}

static int problems_by_rule(struct tui_view *v, size_t a, size_t b)
{
	return strcmp(finding(v, a)->rule->id, finding(v, b)->rule->id);
}

static void problems_id(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	ldr_buf_addstr(out, finding(v, item)->id ? finding(v, item)->id : "");
}

static void problems_line(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	if (finding(v, item)->pos.line)
		ldr_buf_addf(out, "%u", finding(v, item)->pos.line);
}

static int problems_by_line(struct tui_view *v, size_t a, size_t b)
{
	unsigned x = finding(v, a)->pos.line, y = finding(v, b)->pos.line;
	return (x > y) - (x < y);
}

static void problems_message(struct tui_view *v, size_t item, struct ldr_buf *out,
			     enum tui_role *role)
{
	(void)role;
	ldr_buf_addstr(out, finding(v, item)->message);
}

static const struct tui_column problems_columns[] = {
	{ "Sev", 4, 0, problems_severity, problems_by_severity },
	{ "Rule", 13, 0, problems_rule, problems_by_rule },
	{ "Record", 7, 0, problems_id },
	{ "Line", 5, 0, problems_line, problems_by_line },
	{ "Problem", 20, 1, problems_message },
};

static void problems_detail(struct tui_view *v, size_t item, struct ldr_buf *lines)
{
	const struct ldr_finding *f = &v->app->findings.v[item];
	ldr_buf_addf(lines, "problem\x1f%s\x1f-\x1e", f->message);
	if (f->fix)
		ldr_buf_addf(lines, "fix\x1f%s\x1f-\x1e", f->fix);
	ldr_buf_addf(lines, "rule\x1f%s: %s\x1f-\x1e", f->rule->id, f->rule->summary);
	if (f->pos.line)
		ldr_buf_addf(lines, "where\x1f%s:%u:%u\x1f-\x1e", v->app->path, f->pos.line, f->pos.col);
}

/* The record a finding is about, if one: what 'c', 'x' and 'H' act on. */
static int problems_record(struct tui_view *v, size_t item, const struct ldr_kind **k, void **rec)
{
	const struct ldr_finding *f = &v->app->findings.v[item];
	const struct ldr_ref *r = f->id ? ldr_index_find(&v->app->ix, f->id) : NULL;

	if (!r)
		return 0;
	*k = r->kind;
	*rec = r->rec;
	return 1;
}

/* 'e' on a problem: the record's form, at the field it is about. */
void tui_problem_edit(struct tui_app *app, const struct ldr_finding *x)
{
	const struct ldr_ref *r = x->id ? ldr_index_find(&app->ix, x->id) : NULL;
	size_t i, field = 0;

	if (!r) {
		tui_app_say(app, TUI_ROLE_NORMAL, "this problem is about no one record");
		return;
	}
	for (i = 0; i < r->kind->nfields; i++)
		if (x->pos.line && ldr_rec_field_pos(r->rec, (unsigned)i).line == x->pos.line) {
			field = i;
			break;
		}
	tui_form_edit(app, r->kind, r->rec);
	if (app->current == TUI_V_FORM)
		tui_view_select_item(&app->views[TUI_V_FORM], field);
}

static int problems_handle(struct tui_view *v, enum tui_action a)
{
	size_t item = tui_view_item(v);
	if (a == TUI_EDIT && item != (size_t)-1) {
		tui_problem_edit(v->app, &v->app->findings.v[item]);
		return 1;
	}
	if (a != TUI_ENTER || item == (size_t)-1)
		return 0;
	/* Enter: to the record, its form open at the field named. */
	if (!v->app->findings.v[item].id || !tui_app_jump(v->app, v->app->findings.v[item].id))
		tui_app_say(v->app, TUI_ROLE_NORMAL, "this problem is about the file as a whole");
	else
		tui_problem_edit(v->app, &v->app->findings.v[item]);
	return 1;
}

const struct tui_view_ops tui_problems_ops = {
	.name = "problems", .title = "Checks", .key = TUI_VIEW_PROBLEMS,
	.columns = problems_columns, .ncolumns = LDR_ARRAY_SIZE(problems_columns),
	.load = problems_load, .detail = problems_detail, .handle = problems_handle,
	.record = problems_record,
};

/* ---- help: every action, with its keys ---------------------------------------------- */

/* The rows: the views' actions, then each context's (keymap.h), in
 * v->priv; then the ':' commands (commands.h). */
struct help_rows {
	struct tui_keyrow *keys;
	size_t nkeys;
};

static void help_release(struct tui_view *v)
{
	struct help_rows *h = v->priv;
	if (h)
		free(h->keys);
	free(h);
	v->priv = NULL;
}

static void help_load(struct tui_view *v)
{
	struct help_rows *h;
	help_release(v);
	h = v->priv = ldr_calloc(1, sizeof(*h));
	h->nkeys = tui_keymap_rows(&v->app->keymap, &h->keys);
	v->nitems = h->nkeys + tui_ncommands;
}

/* The row's action, or NULL for a ':' command. */
static const struct tui_keyrow *help_row(struct tui_view *v, size_t item)
{
	const struct help_rows *h = v->priv;
	return item < h->nkeys ? &h->keys[item] : NULL;
}

/* The ':' command of a row that is not an action's. */
static const struct tui_command *help_command(struct tui_view *v, size_t item)
{
	const struct help_rows *h = v->priv;
	return &tui_commands[item - h->nkeys];
}

static void help_keys(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct tui_keyrow *r = help_row(v, item);
	char keys[128];

	if (!r) {
		ldr_buf_addf(out, ":%s", help_command(v, item)->name);
		return;
	}
	tui_keymap_row_keys(&v->app->keymap, r, keys, sizeof(keys));
	ldr_buf_addstr(out, keys);
	if (!strcmp(keys, "(none)"))
		*role = TUI_ROLE_DIM;
}

static void help_action(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct tui_keyrow *r = help_row(v, item);
	(void)role;
	ldr_buf_addstr(out, r ? tui_actions[r->action].name : help_command(v, item)->args);
}

static void help_what(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct tui_keyrow *r = help_row(v, item);
	(void)role;
	ldr_buf_addstr(out, r ? tui_actions[r->action].help : help_command(v, item)->summary);
}

static const struct tui_column help_columns[] = {
	{ "Keys", 14, 1, help_keys },
	{ "Action", 15, 0, help_action },
	{ "What it does", 20, 3, help_what },
};

/* The detail pane: an action whole, with every key bound to it (a view's
 * own too), or a command whole, as the table may have to cut its text. */
static void help_detail(struct tui_view *v, size_t item, struct ldr_buf *lines)
{
	const struct tui_keyrow *r = help_row(v, item);
	char keys[256];

	if (!r) {
		const struct tui_command *c = help_command(v, item);
		snprintf(keys, sizeof(keys), ":%s %s", c->name, c->args);
		tui_detail_line(lines, "command", keys, 0);
		tui_detail_line(lines, "what it does", c->summary, 0);
		return;
	}
	tui_keymap_row_keys(&v->app->keymap, r, keys, sizeof(keys));
	tui_detail_line(lines, "keys", keys, 0);
	tui_detail_line(lines, "action", tui_actions[r->action].name, 0);
	tui_detail_line(lines, "what it does", tui_actions[r->action].help, 0);
}

const struct tui_view_ops tui_help_ops = {
	.name = "help", .title = "Help", .key = TUI_HELP,
	.columns = help_columns, .ncolumns = LDR_ARRAY_SIZE(help_columns),
	.load = help_load, .detail = help_detail, .release = help_release,
};

/* ---- record: one record, all of it ---------------------------------------------------- */

struct record_view {
	char **labels, **values;
	char **refs; /* the id of the record a line names, or NULL */
	size_t n, cap;
};

static const struct tui_column record_columns[] = {
	{ "Field", 13, 0 }, { "Value", 20, 1 },
};

static void record_clear(struct record_view *r)
{
	size_t i;
	for (i = 0; i < r->n; i++) {
		free(r->labels[i]);
		free(r->values[i]);
		free(r->refs[i]);
	}
	r->n = 0;
}

static void record_add(struct record_view *r, const char *label, const char *value,
		       const char *ref)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->labels = ldr_realloc(r->labels, r->cap * sizeof(*r->labels));
		r->values = ldr_realloc(r->values, r->cap * sizeof(*r->values));
		r->refs = ldr_realloc(r->refs, r->cap * sizeof(*r->refs));
	}
	r->labels[r->n] = ldr_strdup(label);
	r->values[r->n] = ldr_strdup(value);
	r->refs[r->n++] = ref ? ldr_strdup(ref) : NULL;
}

/* Whether the field (of value p) names the record id: a reference, one of
 * a list of them, or one of the records of a list inside the record. */
static int field_names(const struct ldr_field *f, const void *p, const char *id)
{
	size_t i;

	switch (f->type) {
	case LDR_F_REF:
		return *(char *const *)p && strcmp(*(char *const *)p, id) == 0;
	case LDR_F_REFS: {
		const struct ldr_strv *sv = p;
		for (i = 0; i < sv->n; i++)
			if (strcmp(sv->v[i], id) == 0)
				return 1;
		return 0;
	}
	case LDR_F_LIST: {
		const struct ldr_list *l = p;
		for (i = 0; i < l->len; i++) {
			const char *sub = ldr_rec_id(f->kind, ldr_list_at(l, f->kind, i));
			if (sub && strcmp(sub, id) == 0)
				return 1;
		}
		return 0;
	}
	default:
		return 0;
	}
}

/* The record a line of a field's value names: each reference (and each
 * record of a list) is drawn on a line of its own, starting with its id.
 * The line's first word, if the field holds it; else NULL. */
static char *line_ref(struct tui_app *app, const char *field, const char *line)
{
	const struct ldr_field *f;
	char *word;
	int fi;

	if (!strcmp(field, "needed by")) { /* not a field: what names the record */
		word = ldr_strndup(line, strcspn(line, " "));
		if (ldr_index_find(&app->ix, word))
			return word;
		free(word);
		return NULL;
	}
	if (!app->focus || (fi = ldr_kind_field(app->focus_kind, field)) < 0)
		return NULL;
	f = &app->focus_kind->fields[fi];
	word = ldr_strndup(line, strcspn(line, " "));
	if (!*word || !field_names(f, LDR_CFIELD(app->focus, f), word)) {
		free(word);
		return NULL;
	}
	return word;
}

/* The record's lines, each value line wrapped to the screen's width. */
static void record_load(struct tui_view *v)
{
	struct record_view *r = v->priv ? v->priv : (v->priv = ldr_calloc(1, sizeof(struct record_view)));
	struct tui_app *app = v->app;
	struct ldr_buf lines = LDR_BUF_INIT;
	int width = tui_cols() - 14;
	char *rec, *save = NULL;

	record_clear(r);
	if (app->focus_id) {
		const struct ldr_ref *ref = ldr_index_find(&app->ix, app->focus_id);
		if (ref) {
			app->focus = ref->rec;
			app->focus_kind = ref->kind;
		} else {
			app->focus = NULL;
		}
	}
	if (app->focus)
		tui_record_lines(app, app->focus_kind, app->focus, &lines);
	if (width < 10)
		width = 10;
	for (rec = lines.s ? strtok_r(lines.s, "\x1e", &save) : NULL; rec;
	     rec = strtok_r(NULL, "\x1e", &save)) {
		char *value = strchr(rec, '\x1f'), *flag, *p, *nl;
		const char *label = rec;
		if (!value)
			continue;
		*value++ = '\0';
		flag = strchr(value, '\x1f');
		if (flag)
			*flag = '\0';
		for (p = value;; p = nl + 1) {
			char *ref;
			nl = strchr(p, '\n');
			if (nl)
				*nl = '\0';
			/* A wrapped line's every piece names what it does. */
			ref = line_ref(app, rec, p);
			do {
				size_t fit = tui_fit_bytes(p, width), cut = fit;
				char save_c;
				if (fit < strlen(p)) {
					while (cut > 0 && p[cut] != ' ')
						cut--;
					if (!cut)
						cut = fit ? fit : 1;
				}
				save_c = p[cut];
				p[cut] = '\0';
				record_add(r, label, p, ref);
				p[cut] = save_c;
				p += cut;
				while (*p == ' ')
					p++;
				label = "";
			} while (*p);
			free(ref);
			if (!nl)
				break;
		}
	}
	ldr_buf_release(&lines);
	v->nitems = r->n;
	v->sel = 0;
	v->top = 0;
}

static void record_cell(struct tui_view *v, size_t item, size_t col, struct ldr_buf *out,
			enum tui_role *role)
{
	struct record_view *r = v->priv;
	if (col == 0) {
		ldr_buf_addstr(out, r->labels[item]);
		*role = TUI_ROLE_LABEL;
	} else {
		ldr_buf_addstr(out, r->values[item]);
	}
}

/* Enter on a line that names a record opens that record's; Back returns
 * to this one, at this line. */
static int record_handle(struct tui_view *v, enum tui_action a)
{
	struct record_view *r = v->priv;
	struct tui_app *app = v->app;
	size_t item = tui_view_item(v), row;
	const struct ldr_ref *ref;
	const char *id;

	if (a == TUI_BACK && tui_app_focus_back(app, TUI_V_RECORD, &row)) {
		tui_app_show(app, TUI_V_RECORD);
		v->sel = row < v->nrows ? row : 0;
		return 1;
	}
	if (a != TUI_ENTER)
		return 0;
	id = item != (size_t)-1 ? r->refs[item] : NULL;
	if (!id) {
		tui_app_say(app, TUI_ROLE_NORMAL, "nothing to open here: Enter on a reference opens "
			    "its record");
		return 1;
	}
	ref = ldr_index_find(&app->ix, id);
	if (!ref) {
		tui_app_say(app, TUI_ROLE_WARNING, ldr_national_group(id)
			    ? "'%s' is a national capability group: there is no record of it to open"
			    : "no record '%s' in the roadmap", id);
		return 1;
	}
	tui_app_focus_push(app, TUI_V_RECORD, ref->kind, ref->rec, v->sel);
	tui_app_show(app, TUI_V_RECORD);
	return 1;
}

static void record_release(struct tui_view *v)
{
	struct record_view *r = v->priv;
	if (r) {
		record_clear(r);
		free(r->labels);
		free(r->values);
		free(r->refs);
	}
	free(r);
	v->priv = NULL;
}

const struct tui_view_ops tui_record_ops = {
	.name = "record", .title = "Record", .key = TUI_NONE,
	.columns = record_columns, .ncolumns = LDR_ARRAY_SIZE(record_columns),
	.load = record_load, .cell = record_cell, .handle = record_handle,
	.release = record_release,
};

/* ---- text: lines to read, as a commit's changes --------------------------------------- */

struct text_view {
	char *title, *text; /* as given */
	char **lines;       /* wrapped to the screen's width */
	size_t n, cap;
};

static const struct tui_column text_columns[] = {
	{ "", 20, 1 },
};

static void text_clear(struct text_view *t)
{
	size_t i;
	for (i = 0; i < t->n; i++)
		free(t->lines[i]);
	t->n = 0;
}

/* Each line of the text wrapped to the screen's width; the rest of a long
 * line is indented two more than its start. */
static void text_load(struct tui_view *v)
{
	struct text_view *t = v->priv;
	int width = tui_cols() - 1;
	const char *p, *nl;

	v->nitems = 0;
	if (!t)
		return;
	text_clear(t);
	for (p = t->text; p && *p; p = nl ? nl + 1 : p + strlen(p)) {
		char *line, piece[2048];
		const char *rest;
		size_t indent;
		nl = strchr(p, '\n');
		line = ldr_strndup(p, nl ? (size_t)(nl - p) : strlen(p));
		indent = strspn(line, " ") + 2;
		rest = line;
		do {
			int first = rest == line;
			size_t skip = first ? 0 : indent;
			ldr_grow((void **)&t->lines, &t->cap, t->n + 1, sizeof(*t->lines));
			rest = tui_wrap_piece(rest, width > (int)skip + 10 ? width - (int)skip : 10, piece,
					      sizeof(piece));
			t->lines[t->n] = ldr_calloc(1, skip + strlen(piece) + 1);
			memset(t->lines[t->n], ' ', skip);
			strcpy(t->lines[t->n] + skip, piece);
			t->n++;
		} while (*rest);
		free(line);
	}
	v->nitems = t->n;
}

static void text_cell(struct tui_view *v, size_t item, size_t col, struct ldr_buf *out,
		      enum tui_role *role)
{
	(void)col, (void)role;
	ldr_buf_addstr(out, ((struct text_view *)v->priv)->lines[item]);
}

static void text_heading(struct tui_view *v, struct ldr_buf *out, enum tui_role *role)
{
	struct text_view *t = v->priv;
	(void)role;
	if (t && t->title)
		ldr_buf_addstr(out, t->title);
}

static int text_handle(struct tui_view *v, enum tui_action a)
{
	if (a != TUI_QUIT && a != TUI_BACK)
		return 0;
	tui_app_show(v->app, v->app->previous);
	return 1;
}

static void text_release(struct tui_view *v)
{
	struct text_view *t = v->priv;
	if (t) {
		text_clear(t);
		free(t->lines);
		free(t->title);
		free(t->text);
	}
	free(t);
	v->priv = NULL;
}

void tui_text_show(struct tui_app *app, const char *title, const char *text)
{
	struct tui_view *v = &app->views[TUI_V_TEXT];
	struct text_view *t = v->priv ? v->priv : (v->priv = ldr_calloc(1, sizeof(struct text_view)));

	free(t->title);
	free(t->text);
	t->title = ldr_strdup(title);
	t->text = ldr_strdup(text);
	free(v->filter);
	v->filter = NULL;
	v->sel = v->top = 0;
	text_load(v);
	tui_view_refilter(v);
	v->sel = 0;
	tui_app_show(app, TUI_V_TEXT);
}

const struct tui_view_ops tui_text_ops = {
	.name = "text", .title = "Text", .key = TUI_NONE,
	.columns = text_columns, .ncolumns = LDR_ARRAY_SIZE(text_columns),
	.load = text_load, .cell = text_cell, .heading = text_heading, .handle = text_handle,
	.release = text_release,
};
