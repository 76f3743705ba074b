/* The Review: what a baseline planned for a period against what happened
 * (guidance §11.4), as 'ldr review' works it out (model/history/review.h says what
 * each outcome means and where each figure comes from), over the same
 * versions (model/history/versions.c); what happened is read from the roadmap as
 * it is here, with any changes not saved. The baseline is the newest
 * annotated tag unless chosen (b), the period the financial year of the
 * review's date (the interface's as-of) unless chosen (p). T shows the
 * totals of each capability group, Enter an item's history. Worked out
 * when the view is shown, and again only when HEAD, the roadmap, the
 * baseline, the period or the date changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/date.h"
#include "../../model/history/versions.h"
#include "../app.h"
#include "../edit.h"

struct review_view {
	char *baseline;          /* as chosen; NULL: the newest annotated tag */
	struct ldr_time period;  /* as chosen; unset: the review date's year */
	char *key;               /* what the review below was worked out for */
	char *base_name;         /* the baseline it used; NULL: there is none */
	char *error, *note;      /* it cannot be worked out; the first note */
	unsigned notes;
	int done;                /* rv and src hold a review */
	struct ldr_review rv;
	struct ldr_review_source src;
	size_t *items, n;        /* indexes into rv.items: due at the baseline, then added */
};

/* The kinds reviewed, in the order 'ldr review' shows them. */
static const struct ldr_kind *const kinds[] = {
	&ldr_kind_capability, &ldr_kind_project, &ldr_kind_milestone, &ldr_kind_activity,
};

static struct review_view *review_of(struct tui_view *v)
{
	return v->priv ? v->priv : (v->priv = ldr_calloc(1, sizeof(struct review_view)));
}

static struct ldr_review_item *item_of(struct tui_view *v, size_t item)
{
	struct review_view *r = v->priv;
	return &r->rv.items[r->items[item]];
}

/* ---- working it out ------------------------------------------------------------------ */

static void review_clear(struct review_view *r)
{
	if (r->done) {
		ldr_review_release(&r->rv);
		ldr_review_source_release(&r->src);
	}
	r->done = 0;
	free(r->base_name);
	free(r->error);
	free(r->note);
	r->base_name = r->error = r->note = NULL;
	r->notes = 0;
	r->n = 0;
}

/* The rows: what was due at the baseline, kind by kind, then what was added. */
static void choose_items(struct review_view *r)
{
	size_t i, k;
	int added;

	r->items = ldr_realloc(r->items, (r->rv.n ? r->rv.n : 1) * sizeof(*r->items));
	r->n = 0;
	for (added = 0; added < 2; added++)
		for (k = 0; k < LDR_ARRAY_SIZE(kinds); k++)
			for (i = 0; i < r->rv.n; i++) {
				const struct ldr_review_item *it = &r->rv.items[i];
				if (it->kind == kinds[k] && (added ? it->added : it->in_baseline))
					r->items[r->n++] = i;
			}
}

static void work_out(struct tui_view *v, int as_of)
{
	struct review_view *r = v->priv;
	struct ldr_buf notes = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_time period = r->period;

	r->base_name = r->baseline ? ldr_strdup(r->baseline) : ldr_repo_newest_baseline(v->app->repo);
	if (!r->base_name)
		return;
	if (!period.kind)
		period = ldr_time_year(ldr_time_fy_of_month(as_of));
	ldr_review_init(&r->rv, period, as_of);
	/* The file's changes not committed are the plan now, not of an earlier date. */
	if (ldr_review_read(&r->src, &r->rv, v->app->repo, r->base_name, &v->app->rm, &notes, &err) < 0) {
		r->error = ldr_strdup(err.s);
		ldr_review_release(&r->rv);
		ldr_review_source_release(&r->src);
	} else {
		r->done = 1;
		for (r->notes = 0; notes.s && notes.s[0]; r->notes++) {
			char *nl = strchr(notes.s, '\n');
			if (!r->note)
				r->note = ldr_strndup(notes.s, nl ? (size_t)(nl - notes.s) : strlen(notes.s));
			if (!nl)
				break;
			memmove(notes.s, nl + 1, strlen(nl + 1) + 1);
		}
		choose_items(r);
	}
	ldr_buf_release(&notes);
	ldr_buf_release(&err);
}

/* What the review depends on, as text: HEAD, the roadmap here (its edits,
 * the file it was loaded from), the baseline, the period, the date. */
static char *key_of(struct tui_view *v, int as_of)
{
	struct review_view *r = v->priv;
	struct ldr_buf b = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_commit head;
	char t[LDR_TIME_STR_MAX];

	if (ldr_repo_resolve(v->app->repo, "HEAD", &head, &err) == 0) {
		ldr_buf_addstr(&b, head.id);
		ldr_commit_release(&head);
	}
	ldr_buf_addf(&b, "\n%zu %zu %llx\n%s\n%s\n%d", v->app->undo.done, v->app->undo.n, v->app->file_hash,
		     r->baseline ? r->baseline : "", ldr_time_format(&r->period, t), as_of);
	ldr_buf_release(&err);
	return ldr_buf_detach(&b);
}

static void review_load(struct tui_view *v)
{
	struct review_view *r = review_of(v);
	int as_of = ldr_time_last(&v->app->as_of);

	if (v->app->repo && v->app->current == TUI_V_REVIEW) {
		char *key = key_of(v, as_of);
		if (!r->key || strcmp(key, r->key) != 0) {
			review_clear(r);
			work_out(v, as_of);
			free(r->key);
			r->key = key;
		} else {
			free(key);
		}
	}
	v->nitems = r->n;
}

/* ---- the table ------------------------------------------------------------------------ */

static enum tui_role outcome_role(const struct ldr_review_item *it)
{
	switch (it->outcome) {
	case LDR_OUT_ON_TIME: case LDR_OUT_EARLY: return TUI_ROLE_DONE;
	case LDR_OUT_LATE: case LDR_OUT_SLIPPED: case LDR_OUT_OVERDUE: case LDR_OUT_UNDATED:
		return TUI_ROLE_WARNING;
	case LDR_OUT_DROPPED: return TUI_ROLE_ERROR;
	default: return TUI_ROLE_NORMAL;
	}
}

static void time_cell(const struct ldr_time *t, struct ldr_buf *out)
{
	char buf[LDR_TIME_STR_MAX];
	ldr_buf_addstr(out, t->kind ? ldr_time_format(t, buf) : "-");
}

/* "late 2 quarters", "slipped 1 year", "on time", "overdue". */
static void outcome_cell(const struct ldr_review_item *it, struct ldr_buf *out)
{
	ldr_buf_addstr(out, it->before_plan ? "done before plan" : ldr_outcome_name(it->outcome));
	if (it->outcome == LDR_OUT_LATE || it->outcome == LDR_OUT_SLIPPED) {
		ldr_buf_addch(out, ' ');
		ldr_review_by_text(out, it->by, it->unit);
	}
}

static void review_id(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	ldr_buf_addstr(out, item_of(v, item)->id);
}

static void review_kind(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	ldr_buf_addstr(out, item_of(v, item)->kind->name);
}

static void review_planned(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct ldr_review_item *it = item_of(v, item);
	if (it->added) {
		ldr_buf_addstr(out, "added");
		*role = TUI_ROLE_DIM;
	} else {
		time_cell(&it->planned, out);
	}
}

static int review_by_planned(struct tui_view *v, size_t a, size_t b)
{
	return ldr_time_cmp(&item_of(v, a)->planned, &item_of(v, b)->planned);
}

static void review_now(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	time_cell(&item_of(v, item)->now, out);
}

static int review_by_now(struct tui_view *v, size_t a, size_t b)
{
	return ldr_time_cmp(&item_of(v, a)->now, &item_of(v, b)->now);
}

static void review_outcome(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	outcome_cell(item_of(v, item), out);
	*role = outcome_role(item_of(v, item));
}

static int review_by_outcome(struct tui_view *v, size_t a, size_t b)
{
	int x = (int)item_of(v, a)->outcome, y = (int)item_of(v, b)->outcome;
	return (x > y) - (x < y);
}

static void review_moves(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	if (item_of(v, item)->rephased)
		ldr_buf_addf(out, "%u", item_of(v, item)->rephased);
}

static int review_by_moves(struct tui_view *v, size_t a, size_t b)
{
	unsigned x = item_of(v, a)->rephased, y = item_of(v, b)->rephased;
	return (x > y) - (x < y);
}

static void review_title(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	(void)role;
	ldr_buf_addstr(out, item_of(v, item)->title ? item_of(v, item)->title : "");
}

static const struct tui_column review_columns[] = {
	{ "Id", 7, 0, review_id },
	{ "Kind", 10, 0, review_kind },
	{ "Planned", 8, 0, review_planned, review_by_planned },
	{ "Now", 8, 0, review_now, review_by_now },
	{ "Outcome", 16, 1, review_outcome, review_by_outcome },
	{ "Moves", 5, 0, review_moves, review_by_moves },
	{ "Title", 10, 3, review_title },
};

/* Enter and H: the record as the roadmap has it now, if it still does. */
static int review_record(struct tui_view *v, size_t item, const struct ldr_kind **k, void **rec)
{
	const struct ldr_ref *ref = ldr_index_find(&v->app->ix, item_of(v, item)->id);
	if (!ref)
		return 0;
	*k = ref->kind;
	*rec = ref->rec;
	return 1;
}

/* "12 planned: 50% delivered, 42% on time; 1 added since", and on the next
 * line the outcomes there are ("1 late, 2 slipped"). */
static void summary(const struct review_view *r, struct ldr_buf *out)
{
	static const enum ldr_outcome shown[] = { LDR_OUT_LATE, LDR_OUT_UNDATED, LDR_OUT_SLIPPED, LDR_OUT_DROPPED,
						  LDR_OUT_OVERDUE, LDR_OUT_IN_PROGRESS };
	const struct ldr_review_total *t = &r->rv.all;
	char period[LDR_TIME_STR_MAX];
	size_t i, k = 0;

	if (!t->planned) {
		ldr_buf_addf(out, "nothing was due in %s at the baseline", ldr_time_format(&r->rv.period, period));
	} else {
		ldr_buf_addf(out, "%u planned: %d%% delivered, %d%% on time; %u added since\n", t->planned,
			     ldr_review_percent_delivered(t), ldr_review_percent_on_time(t), t->added);
		for (i = 0; i < LDR_ARRAY_SIZE(shown); i++)
			if (t->n[shown[i]])
				ldr_buf_addf(out, "%s%u %s", k++ ? ", " : "", t->n[shown[i]],
					     ldr_outcome_name(shown[i]));
		ldr_buf_addstr(out, k ? "" : "nothing late, slipped, dropped or overdue");
		return;
	}
	ldr_buf_addf(out, ", %u added", t->added);
}

static void review_heading(struct tui_view *v, struct ldr_buf *out, enum tui_role *role)
{
	struct review_view *r = review_of(v);
	struct tui_app *app = v->app;
	char period[LDR_TIME_STR_MAX], as_of[LDR_TIME_STR_MAX];
	struct ldr_time month;

	if (!app->repo) {
		ldr_buf_addstr(out, "A review reads the roadmap's history, and it is not in a git repository:\n"
			       "'ldr init DIR --from FILE' makes one, 'ldr baseline NAME DIR' a baseline");
		return;
	}
	if (!r->base_name) {
		ldr_buf_addstr(out, "No baseline to review against: 'ldr baseline NAME ROADMAP' marks the\n"
			       "approved plan with an annotated tag; b reviews against any revision");
		return;
	}
	if (r->error) {
		ldr_buf_addf(out, "no review against '%s': %s\nb chooses another baseline", r->base_name,
			     r->error);
		*role = TUI_ROLE_ERROR;
		return;
	}
	month = (struct ldr_time){ LDR_TIME_MONTH, r->rv.as_of, 0 };
	ldr_buf_addf(out, "%s against '%s' (%.7s), as of %s; b, p: change; T: totals\n",
		     ldr_time_format(&r->rv.period, period), r->base_name, r->src.base.id,
		     ldr_time_format(&month, as_of));
	summary(r, out);
	if (r->src.base_as_at > r->rv.as_of)
		ldr_buf_addstr(out, "\nthe baseline is the plan as at a later date than the review's: p or "
			       "':as-of' for a later date");
	else if (r->src.dirty)
		ldr_buf_addstr(out, "\nwhat happened includes the changes not committed");
	else if (r->notes)
		ldr_buf_addf(out, "\n%s%s", r->note, r->notes > 1 ? " (and more)" : "");
}

/* The totals of an item's group, as a line of the detail pane. */
static void group_line(const struct review_view *r, const struct ldr_review_item *it, struct ldr_buf *lines)
{
	size_t i;

	for (i = 0; i < r->rv.ntotals; i++) {
		const struct ldr_review_total *t = &r->rv.totals[i];
		if ((t->group == NULL) != (it->group == NULL) || (t->group && strcmp(t->group, it->group)))
			continue;
		ldr_buf_addf(lines, "group\x1f%s: %u planned", t->name, t->planned);
		if (t->planned)
			ldr_buf_addf(lines, ", %d%% delivered, %d%% on time", ldr_review_percent_delivered(t),
				     ldr_review_percent_on_time(t));
		ldr_buf_addstr(lines, "\x1f-\x1e");
	}
}

static void review_detail(struct tui_view *v, size_t item, struct ldr_buf *lines)
{
	const struct ldr_review_item *it = item_of(v, item);
	const struct review_view *r = v->priv;
	const struct ldr_commit *rec = ldr_review_recorded(&r->rv, it);
	struct ldr_buf b = LDR_BUF_INIT;
	char t[LDR_TIME_STR_MAX];

	ldr_buf_addf(lines, "%s\x1f%s%s%s\x1f-\x1e", it->kind->name, it->id, it->title ? "  " : "",
		     it->title ? it->title : "");
	ldr_review_item_text(&b, it, 1);
	ldr_buf_addf(lines, "outcome\x1f%s%s%s\x1f-\x1e", ldr_outcome_name(it->outcome), b.len ? ": " : "",
		     b.len ? b.s : "");
	if (it->added)
		ldr_buf_addstr(lines, "planned\x1fnot in the period at the baseline: added since\x1f-\x1e");
	else
		ldr_buf_addf(lines, "planned\x1f%s at the baseline\x1f-\x1e", ldr_time_format(&it->planned, t));
	ldr_buf_addf(lines, "now\x1f%s\x1f-\x1e", it->now.kind ? ldr_time_format(&it->now, t)
							    : "not in the roadmap, or no time");
	if (rec && rec->id[0]) {
		ldr_buf_addstr(lines, "recorded\x1f" "as delivered on ");
		ldr_date_format(lines, rec->time, rec->offset);
		ldr_buf_addf(lines, " by %s (%.7s)\x1f-\x1e", rec->author ? rec->author : "", rec->id);
	} else if (rec) {
		ldr_buf_addstr(lines, "recorded\x1f" "as delivered in the changes not committed\x1f-\x1e");
	} else if (it->done && it->done_at_baseline) {
		ldr_buf_addstr(lines, "recorded\x1f" "as delivered at the baseline already\x1f-\x1e");
	}
	ldr_buf_addf(lines, "moves\x1f%u since the baseline%s\x1f-\x1e", it->rephased,
		     ldr_review_has_reasons(it) ? ": Enter shows the commits" : "");
	group_line(r, it, lines);
	ldr_buf_release(&b);
}

/* Enter: the item as the review judged it, and every commit after the
 * baseline that changed it, with its message. */
static void show_item(struct tui_view *v, size_t item)
{
	const struct ldr_review_item *it = item_of(v, item);
	const struct review_view *r = v->priv;
	const struct ldr_commit *rec = ldr_review_recorded(&r->rv, it);
	struct ldr_buf b = LDR_BUF_INIT, title = LDR_BUF_INIT;
	char t[LDR_TIME_STR_MAX];
	size_t i;

	ldr_buf_addf(&title, "%s %s: its review (Esc goes back)", it->kind->name, it->id);
	ldr_buf_addf(&b, "%s\n\nOutcome: %s", it->title ? it->title : "", ldr_outcome_name(it->outcome));
	ldr_buf_addstr(&b, it->outcome != LDR_OUT_IN_PROGRESS && it->outcome != LDR_OUT_OVERDUE ? ": " : "");
	ldr_review_item_text(&b, it, 1);
	ldr_buf_addf(&b, "\nPlanned at the baseline: %s\n",
		     it->planned.kind ? ldr_time_format(&it->planned, t) : "-");
	ldr_buf_addf(&b, "Planned now: %s\n", it->now.kind ? ldr_time_format(&it->now, t) : "-");
	if (it->done && it->delivered.kind)
		ldr_buf_addf(&b, "Delivered: %s (as recorded)\n", ldr_time_format(&it->delivered, t));
	if (rec) {
		ldr_buf_addstr(&b, "Recorded as delivered: ");
		if (rec->id[0]) {
			ldr_date_format(&b, rec->time, rec->offset);
			ldr_buf_addf(&b, " by %s in %.7s\n", rec->author ? rec->author : "", rec->id);
		} else {
			ldr_buf_addstr(&b, "in the changes not committed\n");
		}
	} else if (it->done && it->done_at_baseline) {
		ldr_buf_addstr(&b, "Recorded as delivered: at the baseline already\n");
	}
	ldr_buf_addf(&b, "\nWhat the commits after the baseline did to it (%zu):\n", it->nevents);
	for (i = 0; i < it->nevents; i++) {
		const struct ldr_commit *c = &r->rv.commits[it->events[i].commit];
		ldr_buf_addstr(&b, "\n");
		ldr_review_event_text(&b, &r->rv, &it->events[i], 0);
		if (c->message && strchr(c->message, '\n') && c->message[strcspn(c->message, "\n") + 1])
			ldr_buf_addf(&b, "\n%s", c->message + strcspn(c->message, "\n") + 1);
	}
	if (!it->nevents)
		ldr_buf_addstr(&b, "\nnone: it is as the baseline planned it\n");
	tui_text_show(v->app, title.s, b.s);
	ldr_buf_release(&b);
	ldr_buf_release(&title);
}

/* T: the totals of each capability group, as a page of text. */
static void show_totals(struct tui_view *v)
{
	const struct review_view *r = v->priv;
	struct ldr_buf b = LDR_BUF_INIT;
	char p[LDR_TIME_STR_MAX];
	size_t i;

	if (!r || !r->done) {
		tui_app_say(v->app, TUI_ROLE_NORMAL, "no review to total");
		return;
	}
	ldr_buf_addf(&b, "Planned for %s at the baseline, and what came of it; %% of what was planned.\n\n",
		     ldr_time_format(&r->rv.period, p));
	ldr_buf_addstr(&b, "Group                    Plan Done Done% OnTm% Late Slip Drop Over Prog  Add\n");
	for (i = 0; i <= r->rv.ntotals; i++) {
		const struct ldr_review_total *t = i < r->rv.ntotals ? &r->rv.totals[i] : &r->rv.all;
		struct ldr_buf name = LDR_BUF_INIT;
		unsigned done = t->n[LDR_OUT_ON_TIME] + t->n[LDR_OUT_EARLY] + t->n[LDR_OUT_LATE] +
				t->n[LDR_OUT_UNDATED];
		char pd[8] = "-", pt[8] = "-";
		if (t->planned) {
			snprintf(pd, sizeof(pd), "%d%%", ldr_review_percent_delivered(t));
			snprintf(pt, sizeof(pt), "%d%%", ldr_review_percent_on_time(t));
		}
		ldr_buf_addquoted(&name, i < r->rv.ntotals ? t->name : "All", 21);
		ldr_buf_addf(&b, "%-24s %4u %4u %5s %5s %4u %4u %4u %4u %4u %4u\n", name.s, t->planned, done, pd, pt,
			     t->n[LDR_OUT_LATE], t->n[LDR_OUT_SLIPPED], t->n[LDR_OUT_DROPPED], t->n[LDR_OUT_OVERDUE],
			     t->n[LDR_OUT_IN_PROGRESS], t->added);
		ldr_buf_release(&name);
	}
	ldr_buf_addstr(&b, "\nDone: delivered on time, early, late, or without a date. OnTm: on time or early "
		       "(done before the plan counts on time). Over: overdue. Prog: in progress. Add: added "
		       "since the baseline, outside its totals.\n");
	tui_text_show(v->app, "Review: totals by capability group (Esc goes back)", b.s);
	ldr_buf_release(&b);
}

/* ---- keys ------------------------------------------------------------------------------- */

static void choose_baseline(struct tui_view *v)
{
	struct review_view *r = review_of(v);
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_commit c;
	char *s;

	if (!v->app->repo) {
		tui_app_say(v->app, TUI_ROLE_WARNING, "no repository: no baseline to choose");
		return;
	}
	s = tui_app_prompt(v->app, "baseline (a tag or any revision; empty: the newest baseline): ",
			   r->baseline ? r->baseline : "");
	if (!s)
		return;
	if (*s && ldr_repo_resolve(v->app->repo, s, &c, &err) < 0) {
		tui_app_say(v->app, TUI_ROLE_ERROR, "%s", err.s);
		free(s);
	} else {
		if (*s)
			ldr_commit_release(&c);
		free(r->baseline);
		r->baseline = *s ? s : (free(s), NULL);
		review_load(v);
		tui_view_refilter(v);
	}
	ldr_buf_release(&err);
}

static void choose_period(struct tui_view *v)
{
	struct review_view *r = review_of(v);
	char err[256], now[LDR_TIME_STR_MAX];
	struct ldr_time t = { 0, 0, 0 };
	char *s = tui_app_prompt(v->app, "period (a year as 17/18, a quarter as 17/18 Q2; empty: "
				 "the year of the review date): ",
				 r->period.kind ? ldr_time_format(&r->period, now) : "");

	if (!s)
		return;
	if (*s && ldr_time_parse(&t, s, LDR_TIME_YEAR | LDR_TIME_QUARTER, err, sizeof(err)) < 0) {
		tui_app_say(v->app, TUI_ROLE_ERROR, "%s", err);
	} else {
		r->period = t;
		review_load(v);
		tui_view_refilter(v);
	}
	free(s);
}

int tui_review_choose(struct tui_app *app, const char *baseline, const char *period, struct ldr_buf *err)
{
	struct tui_view *v = &app->views[TUI_V_REVIEW];
	struct review_view *r = review_of(v);
	struct ldr_commit c;
	struct ldr_time t = { 0, 0 };
	char why[256];

	if (!app->repo) {
		ldr_buf_addstr(err, "no repository: no baseline to review against ('ldr init DIR --from FILE' makes one)");
		return -1;
	}
	if (baseline && ldr_repo_resolve(app->repo, baseline, &c, err) < 0)
		return -1;
	if (baseline)
		ldr_commit_release(&c);
	if (period && ldr_time_parse(&t, period, LDR_TIME_YEAR | LDR_TIME_QUARTER, why, sizeof(why)) < 0) {
		ldr_buf_addstr(err, why);
		return -1;
	}
	free(r->baseline);
	r->baseline = baseline ? ldr_strdup(baseline) : NULL;
	r->period = t;
	tui_app_show(app, TUI_V_REVIEW);
	review_load(v);
	tui_view_refilter(v);
	return 0;
}

static int review_handle(struct tui_view *v, enum tui_action a)
{
	size_t item = tui_view_item(v);

	if (a == TUI_REVIEW_BASELINE)
		choose_baseline(v);
	else if (a == TUI_REVIEW_PERIOD)
		choose_period(v);
	else if (a == TUI_REVIEW_TOTALS)
		show_totals(v);
	else if (a == TUI_ENTER && item != (size_t)-1 && v->priv && ((struct review_view *)v->priv)->done)
		show_item(v, item);
	else
		return 0;
	return 1;
}

static void review_release(struct tui_view *v)
{
	struct review_view *r = v->priv;
	if (r) {
		review_clear(r);
		free(r->items);
		free(r->key);
		free(r->baseline);
	}
	free(r);
	v->priv = NULL;
}

const struct tui_view_ops tui_review_ops = {
	.name = "review", .title = "Review", .key = TUI_VIEW_REVIEW,
	.columns = review_columns, .ncolumns = LDR_ARRAY_SIZE(review_columns),
	.load = review_load, .compare = tui_view_compare_text,
	.record = review_record, .heading = review_heading, .detail = review_detail,
	.handle = review_handle, .release = review_release,
};
