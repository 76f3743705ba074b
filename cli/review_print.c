/* ldr review as text, JSON and CSV. Every figure names where it comes from:
 * the baseline's commit, the commit whose facts were read, and for each
 * slip, drop or move the commits that made it (model/history/review.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/roadmap/date.h"
#include "../model/roadmap/schedule.h"
#include "cli.h"
#include "review.h"

/* The kinds reviewed, in the order the review shows them. */
static const struct {
	const struct ldr_kind *kind;
	const char *title;
} sections[] = {
	{ &ldr_kind_capability, "Capabilities" },
	{ &ldr_kind_project, "Projects" },
	{ &ldr_kind_milestone, "Milestones" },
	{ &ldr_kind_checkpoint, "Checkpoints" },
	{ &ldr_kind_activity, "Universal capability activities" },
};

int review_shown(const struct ldr_review_item *it)
{
	return it->in_baseline || it->added;
}

void review_fix(struct ldr_buf *b, const struct review_run *run, const struct ldr_review_item *it)
{
	const char *r = run->a.roadmap;
	size_t i;
	int plain = 1;

	for (i = 0; r[i]; i++)
		plain &= (r[i] >= 'a' && r[i] <= 'z') || (r[i] >= 'A' && r[i] <= 'Z') ||
			 (r[i] >= '0' && r[i] <= '9') || strchr("/._-", r[i]) != NULL;
	ldr_buf_addstr(b, "ldr set ");
	if (plain) {
		ldr_buf_addstr(b, r);
	} else {
		ldr_buf_addch(b, '\'');
		ldr_buf_addquoted(b, r, 200);
		ldr_buf_addch(b, '\'');
	}
	ldr_buf_addch(b, ' ');
	ldr_buf_addquoted(b, it->id, 40);
	ldr_buf_addstr(b, ".delivered=YYYY-MM");
}

/* ---- text ---------------------------------------------------------------- */

static void time_text(struct ldr_buf *b, const struct ldr_time *t)
{
	char buf[LDR_TIME_STR_MAX];
	ldr_buf_addstr(b, t->kind ? ldr_time_format(t, buf) : "-");
}

static void pad(struct ldr_buf *b, size_t from, size_t width)
{
	while (b->len < from + width)
		ldr_buf_addch(b, ' ');
	ldr_buf_addch(b, ' ');
}

static void trim(struct ldr_buf *b)
{
	while (b->len && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
	ldr_buf_addch(b, '\n');
}

static void commit_text(struct ldr_buf *b, const struct ldr_commit *c)
{
	ldr_buf_addf(b, "%.7s, ", c->id);
	ldr_date_format(b, c->time, c->offset);
}

/* Under an item that slipped, moved or was dropped: the commits that did it. */
static void reasons_text(struct ldr_buf *b, const struct review_run *run, const struct ldr_review_item *it)
{
	struct ldr_buf lines = LDR_BUF_INIT;
	const char *p, *nl;

	ldr_review_reasons(&lines, &run->rv, it, 60);
	for (p = lines.s; p && *p; p = nl + 1) {
		nl = strchr(p, '\n');
		ldr_buf_addstr(b, "             why: ");
		ldr_buf_add(b, p, (size_t)(nl - p + 1));
	}
	ldr_buf_release(&lines);
}

/* An id in the first column: whole; one too long for a line shared with
 * what follows goes on a line of its own, the row going on under it. */
static void id_cell(struct ldr_buf *b, const char *id)
{
	size_t start = b->len;

	ldr_buf_addquoted(b, id, 200);
	if (b->len - start > 20) {
		ldr_buf_addstr(b, "\n  ");
		start = b->len;
	}
	pad(b, start, 8);
}

/* A title on one line: a commitment written over several lines is read
 * here as one, its line breaks spaces. */
static void title_cell(struct ldr_buf *b, const char *title, size_t max)
{
	char *one = ldr_strdup(title), *p;

	for (p = one; *p; p++)
		if (*p == '\n')
			*p = ' ';
	ldr_buf_addquoted(b, one, max);
	free(one);
}

static const struct ldr_time *item_time(const struct ldr_review_item *it)
{
	return it->added ? &it->now : &it->planned;
}

static void item_line(struct ldr_buf *b, const struct review_run *run, const struct ldr_review_item *it,
		      size_t time_w)
{
	size_t start;

	ldr_buf_addstr(b, "  ");
	id_cell(b, it->id);
	start = b->len;
	time_text(b, item_time(it));
	pad(b, start, time_w);
	start = b->len;
	ldr_buf_addstr(b, ldr_outcome_name(it->outcome));
	pad(b, start, 11);
	start = b->len;
	ldr_review_item_text(b, it, 0);
	pad(b, start, 24);
	if (it->title)
		title_cell(b, it->title, 48);
	trim(b);
	if (it->delivered_after) {
		ldr_buf_addstr(b, "             note: delivered ");
		time_text(b, &it->delivered);
		ldr_buf_addstr(b, ", after the review date: not counted\n");
	}
	reasons_text(b, run, it);
}

static void section_text(struct ldr_buf *b, const struct review_run *run, const struct ldr_kind *k,
			 const char *title, int added)
{
	char period[LDR_TIME_STR_MAX], t[LDR_TIME_STR_MAX];
	size_t i, n = 0, time_w = 9;

	for (i = 0; i < run->rv.n; i++) {
		const struct ldr_review_item *it = &run->rv.items[i];
		if (it->kind != k || !(added ? it->added : it->in_baseline))
			continue;
		n++;
		if (strlen(ldr_time_format(item_time(it), t)) > time_w)
			time_w = strlen(t); /* "by 2023-03": the column widens */
	}
	if (!n)
		return;
	ldr_buf_addf(b, "\n%s %s %s %s: %zu\n", title, added ? "added to" : "due in",
		     ldr_time_format(&run->rv.period, period), added ? "since the baseline" : "at the baseline", n);
	for (i = 0; i < run->rv.n; i++) {
		const struct ldr_review_item *it = &run->rv.items[i];
		if (it->kind == k && (added ? it->added : it->in_baseline))
			item_line(b, run, it, time_w);
	}
}

/* Universal capability activities, quarter by quarter of the period. */
static void activities_text(struct ldr_buf *b, const struct review_run *run)
{
	int q, first = ldr_time_first(&run->rv.period), last = ldr_time_last(&run->rv.period);
	size_t i, any = 0;

	for (i = 0; i < run->rv.n; i++)
		any += run->rv.items[i].kind == &ldr_kind_activity && run->rv.items[i].in_baseline;
	if (!any)
		return;
	ldr_buf_addstr(b, "\nUniversal capability activities by quarter (as planned at the baseline):\n");
	for (q = first; q <= last; q += 3) {
		struct ldr_time quarter = ldr_time_quarter(ldr_time_fy_of_month(q), (q - 3 + 120) % 12 / 3 + 1);
		char name[LDR_TIME_STR_MAX];
		unsigned planned = 0, done = 0, on_time = 0, undated = 0;

		for (i = 0; i < run->rv.n; i++) {
			const struct ldr_review_item *it = &run->rv.items[i];
			if (it->kind != &ldr_kind_activity || !it->in_baseline ||
			    ldr_time_first(&it->planned) != q)
				continue;
			planned++;
			done += ldr_outcome_delivered(it->outcome);
			on_time += it->outcome == LDR_OUT_ON_TIME || it->outcome == LDR_OUT_EARLY;
			undated += it->outcome == LDR_OUT_UNDATED;
		}
		ldr_buf_addf(b, "  %s: %u planned, %u done (%u by the end of the quarter, %u without a date), "
			     "%u not done\n", ldr_time_format(&quarter, name), planned, done, on_time, undated,
			     planned - done);
	}
}

/* The totals' columns: each as wide as its heading. */
static const char *const total_heads[] = {
	"planned", "on time", "early", "late", "undated", "slipped", "dropped", "in progress", "overdue",
	"added", "delivered", "on time",
};

static void total_line(struct ldr_buf *b, const struct ldr_review_total *t, const char *name)
{
	size_t start = b->len, c = 0;
	int pd = ldr_review_percent_delivered(t), pt = ldr_review_percent_on_time(t);
	int o;

	ldr_buf_addstr(b, "  ");
	ldr_buf_addquoted(b, name, 37);
	pad(b, start, 42);
	ldr_buf_addf(b, "%*u", (int)strlen(total_heads[c++]), t->planned);
	for (o = 0; o < LDR_OUTCOMES; o++)
		ldr_buf_addf(b, " %*u", (int)strlen(total_heads[c++]), t->n[o]);
	ldr_buf_addf(b, " %*u", (int)strlen(total_heads[c++]), t->added);
	if (pd < 0)
		ldr_buf_addf(b, " %*s %*s", (int)strlen(total_heads[c]), "-", (int)strlen(total_heads[c + 1]), "-");
	else
		ldr_buf_addf(b, " %*d%% %*d%%", (int)strlen(total_heads[c]) - 1, pd,
			     (int)strlen(total_heads[c + 1]) - 1, pt);
	ldr_buf_addch(b, '\n');
}

static void totals_text(struct ldr_buf *b, const struct review_run *run)
{
	size_t i, start;

	ldr_buf_addstr(b, "\nTotals by capability group (planned at the baseline; added since):\n");
	start = b->len;
	ldr_buf_addstr(b, "  group");
	pad(b, start, 42);
	for (i = 0; i < LDR_ARRAY_SIZE(total_heads); i++)
		ldr_buf_addf(b, "%s%s", i ? " " : "", total_heads[i]);
	ldr_buf_addch(b, '\n');
	for (i = 0; i < run->rv.ntotals; i++)
		total_line(b, &run->rv.totals[i], run->rv.totals[i].name);
	total_line(b, &run->rv.all, "All");
}

/* Items re-phased at least once, most re-phased first. */
static int by_drift(const void *x, const void *y)
{
	const struct ldr_review_item *a = *(const struct ldr_review_item *const *)x;
	const struct ldr_review_item *b = *(const struct ldr_review_item *const *)y;
	if (a->rephased != b->rephased)
		return a->rephased > b->rephased ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

static const struct ldr_review_item **drifted(const struct review_run *run, size_t *n, unsigned *moves)
{
	const struct ldr_review_item **v = ldr_calloc(run->rv.n + 1, sizeof(*v));
	size_t i;

	*n = 0;
	*moves = 0;
	for (i = 0; i < run->rv.n; i++)
		if (run->rv.items[i].rephased) {
			v[(*n)++] = &run->rv.items[i];
			*moves += run->rv.items[i].rephased;
		}
	qsort(v, *n, sizeof(*v), by_drift);
	return v;
}

/* Its planned times, one per move; a long chain as first -> last. */
static void path_text(struct ldr_buf *b, const struct ldr_review_item *it)
{
	const struct ldr_review_event *largest = ldr_review_largest_move(it);
	size_t i, shown = 0;

	for (i = 0; i < it->nevents; i++) {
		const struct ldr_review_event *e = &it->events[i];
		if (e->type != LDR_RC_MOVED)
			continue;
		if (!shown++)
			time_text(b, &e->from);
		if (it->rephased <= LDR_REVIEW_MOVES_SHOWN || shown == it->rephased) {
			ldr_buf_addstr(b, shown == it->rephased && it->rephased > LDR_REVIEW_MOVES_SHOWN ? " -> ... -> "
												      : " -> ");
			time_text(b, &e->to);
		}
	}
	if (it->rephased > LDR_REVIEW_MOVES_SHOWN) {
		int q = ldr_quarter_index(ldr_time_last(&largest->to)) -
			ldr_quarter_index(ldr_time_last(&largest->from));
		ldr_buf_addf(b, " (largest move %+d quarter%s: ", q, q == 1 || q == -1 ? "" : "s");
		time_text(b, &largest->from);
		ldr_buf_addstr(b, " -> ");
		time_text(b, &largest->to);
		ldr_buf_addch(b, ')');
	}
}

static void drift_text(struct ldr_buf *b, const struct review_run *run)
{
	unsigned moves;
	size_t i, n;
	const struct ldr_review_item **v = drifted(run, &n, &moves);
	unsigned commits = run->src.commits;

	ldr_buf_addf(b, "\nDrift over the %u commit%s after the baseline%s: %zu item%s re-phased, %u time%s\n",
		     commits, commits == 1 ? "" : "s", run->src.dirty ? " and the changes not committed" : "",
		     n, n == 1 ? "" : "s", moves, moves == 1 ? "" : "s");
	for (i = 0; i < n; i++) {
		const struct ldr_review_item *it = v[i];
		int net = ldr_review_net_quarters(it);
		ldr_buf_addstr(b, "  ");
		id_cell(b, it->id);
		ldr_buf_addf(b, "%u time%s, net %+d quarter%s: ", it->rephased, it->rephased == 1 ? "" : "s",
			     net, net == 1 || net == -1 ? "" : "s");
		path_text(b, it);
		ldr_buf_addch(b, '\n');
	}
	free(v);
}

/* Deliveries recorded without a date: what to do about each. */
static void quality_text(struct ldr_buf *b, const struct review_run *run)
{
	size_t i, n = 0;

	for (i = 0; i < run->rv.n; i++)
		n += review_shown(&run->rv.items[i]) && run->rv.items[i].outcome == LDR_OUT_UNDATED;
	if (!n)
		return;
	ldr_buf_addf(b, "\nData quality: %zu item%s delivered without a date (never counted late, never dated from "
		     "a commit):\n", n, n == 1 ? "" : "s");
	for (i = 0; i < run->rv.n; i++) {
		const struct ldr_review_item *it = &run->rv.items[i];
		const struct ldr_commit *c = ldr_review_recorded(&run->rv, it);
		if (!review_shown(it) || it->outcome != LDR_OUT_UNDATED)
			continue;
		ldr_buf_addstr(b, "  ");
		id_cell(b, it->id);
		if (c) {
			ldr_buf_addstr(b, "recorded ");
			ldr_review_commit_day(b, c);
			ldr_buf_addstr(b, "; ");
		}
		ldr_buf_addstr(b, "fix: ");
		review_fix(b, run, it);
		ldr_buf_addch(b, '\n');
	}
}

/* What an item apart has come to: delivered when, dropped, or open. */
static void apart_state(struct ldr_buf *b, const struct ldr_review_item *it, int as_of)
{
	if (it->dropped)
		ldr_buf_addstr(b, "dropped");
	else if (it->done && it->delivered.kind && ldr_time_first(&it->delivered) <= as_of) {
		ldr_buf_addstr(b, "delivered ");
		time_text(b, &it->delivered);
	} else if (it->done && !it->delivered.kind)
		ldr_buf_addstr(b, "delivered (no date)");
	else
		ldr_buf_addstr(b, "open");
}

/* Commitments due from a time, or to be confirmed: never counted, never
 * overdue, each said as written. */
static void apart_text(struct ldr_buf *b, const struct review_run *run)
{
	size_t i, n = 0, start;

	for (i = 0; i < run->rv.n; i++)
		n += run->rv.items[i].apart;
	if (!n)
		return;
	ldr_buf_addf(b, "\nOpen-ended (from) and to be confirmed (tbc), not counted above: %zu\n", n);
	for (i = 0; i < run->rv.n; i++) {
		const struct ldr_review_item *it = &run->rv.items[i];
		char t[LDR_TIME_STR_MAX];
		if (!it->apart)
			continue;
		ldr_buf_addstr(b, "  ");
		id_cell(b, it->id);
		start = b->len;
		ldr_buf_addstr(b, ldr_time_format(&it->now, t));
		pad(b, start, 12);
		start = b->len;
		apart_state(b, it, run->rv.as_of);
		pad(b, start, 19);
		if (it->title)
			title_cell(b, it->title, 48);
		trim(b);
	}
}

void review_print_text(const struct review_run *run)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char period[LDR_TIME_STR_MAX];
	struct ldr_time as_of = { LDR_TIME_MONTH, run->rv.as_of, 0 };
	size_t i;

	ldr_buf_addf(&b, "Review of %s against the baseline '", ldr_time_format(&run->rv.period, period));
	ldr_buf_addquoted(&b, run->a.baseline, 60);
	ldr_buf_addstr(&b, "' (");
	commit_text(&b, &run->src.base);
	ldr_buf_addstr(&b, "), as of ");
	time_text(&b, &as_of);
	if (run->a.scenario) {
		ldr_buf_addstr(&b, "\nWhat happened, as the scenario '");
		ldr_buf_addquoted(&b, run->a.scenario, 80);
		ldr_buf_addstr(&b, "' records it (");
	} else {
		ldr_buf_addstr(&b, "\nWhat happened, as recorded in HEAD (");
	}
	commit_text(&b, &run->src.now);
	ldr_buf_addf(&b, ")%s; why the plan moved: the %u commit%s after the baseline\n",
		     run->src.dirty ? " and the changes not committed" : "", run->src.commits,
		     run->src.commits == 1 ? "" : "s");
	for (i = 0; i < LDR_ARRAY_SIZE(sections); i++)
		section_text(&b, run, sections[i].kind, sections[i].title, 0);
	activities_text(&b, run);
	for (i = 0; i < LDR_ARRAY_SIZE(sections); i++)
		section_text(&b, run, sections[i].kind, sections[i].title, 1);
	apart_text(&b, run);
	totals_text(&b, run);
	quality_text(&b, run);
	drift_text(&b, run);
	fputs(b.s, stdout);
	ldr_buf_release(&b);
}

/* ---- JSON ---------------------------------------------------------------- */

static void json_str(struct ldr_buf *b, const char *s)
{
	if (s)
		cli_json_string(b, s);
	else
		ldr_buf_addstr(b, "null");
}

/* A commit: {"commit", "date", "author", "subject"}; an id of null for
 * changes not committed. */
static void json_commit(struct ldr_buf *b, const struct ldr_commit *c)
{
	size_t n = strcspn(c->message ? c->message : "", "\n");
	char *subject = ldr_strndup(c->message ? c->message : "", n);

	if (!c->id[0]) {
		ldr_buf_addstr(b, "{\"commit\": null, \"date\": null, \"author\": null, \"subject\": ");
	} else {
		ldr_buf_addf(b, "{\"commit\": \"%s\", \"date\": \"", c->id);
		ldr_date_iso(b, c->time, c->offset);
		ldr_buf_addstr(b, "\", \"author\": ");
		json_str(b, c->author);
		ldr_buf_addstr(b, ", \"subject\": ");
	}
	json_str(b, subject);
	ldr_buf_addch(b, '}');
	free(subject);
}

static const char *change_key(enum ldr_review_change t)
{
	static const char *const keys[] = { "moved", "dropped", "restored", "removed", "added", "delivered",
					    "reopened" };
	return (size_t)t < LDR_ARRAY_SIZE(keys) ? keys[t] : "?";
}

static void json_events(struct ldr_buf *b, const struct review_run *run, const struct ldr_review_item *it)
{
	size_t i;

	ldr_buf_addstr(b, "[");
	for (i = 0; i < it->nevents; i++) {
		const struct ldr_review_event *e = &it->events[i];
		ldr_buf_addf(b, "%s{\"change\": \"%s\", \"from\": ", i ? ", " : "", change_key(e->type));
		cli_json_time(b, &e->from);
		ldr_buf_addstr(b, ", \"to\": ");
		cli_json_time(b, &e->to);
		ldr_buf_addstr(b, ", \"by\": ");
		json_commit(b, &run->rv.commits[e->commit]);
		ldr_buf_addch(b, '}');
	}
	ldr_buf_addstr(b, "]");
}

static void json_by(struct ldr_buf *b, const struct ldr_review_item *it)
{
	if (it->outcome == LDR_OUT_LATE || it->outcome == LDR_OUT_SLIPPED)
		ldr_buf_addf(b, "{\"count\": %d, \"unit\": \"%s\"}", it->by, ldr_review_unit_name(it->unit));
	else
		ldr_buf_addstr(b, "null");
}

static void json_recorded(struct ldr_buf *b, const struct review_run *run, const struct ldr_review_item *it)
{
	const struct ldr_commit *c = ldr_review_recorded(&run->rv, it);

	if (c)
		json_commit(b, c);
	else
		ldr_buf_addstr(b, it->done && it->done_at_baseline ? "\"baseline\"" : "null");
}

static void json_item(struct ldr_buf *b, const struct review_run *run, const struct ldr_review_item *it)
{
	ldr_buf_addstr(b, "{\"id\": ");
	cli_json_string(b, it->id);
	ldr_buf_addf(b, ", \"kind\": \"%s\", \"parent\": ", it->kind->name);
	json_str(b, it->parent);
	ldr_buf_addstr(b, ", \"title\": ");
	json_str(b, it->title);
	ldr_buf_addstr(b, ", \"group\": ");
	json_str(b, it->group);
	ldr_buf_addstr(b, ", \"planned\": ");
	cli_json_time(b, &it->planned);
	ldr_buf_addstr(b, ", \"now\": ");
	cli_json_time(b, &it->now);
	ldr_buf_addf(b, ", \"added\": %s, \"outcome\": \"%s\", \"delivered\": ", it->added ? "true" : "false",
		     ldr_outcome_key(it->outcome));
	cli_json_time(b, &it->delivered);
	ldr_buf_addf(b, ", \"delivered_after_review\": %s, \"done_before_plan\": %s, \"by\": ",
		     it->delivered_after ? "true" : "false", it->before_plan ? "true" : "false");
	json_by(b, it);
	ldr_buf_addstr(b, ", \"recorded\": ");
	json_recorded(b, run, it);
	ldr_buf_addf(b, ", \"removed\": %s, \"rephased\": %u, \"history\": ", it->present ? "false" : "true",
		     it->rephased);
	json_events(b, run, it);
	ldr_buf_addch(b, '}');
}

static void json_total(struct ldr_buf *b, const struct ldr_review_total *t)
{
	int o, pd = ldr_review_percent_delivered(t), pt = ldr_review_percent_on_time(t);

	ldr_buf_addstr(b, "{\"group\": ");
	json_str(b, t->group);
	ldr_buf_addstr(b, ", \"name\": ");
	json_str(b, t->name ? t->name : "All");
	ldr_buf_addf(b, ", \"planned\": %u", t->planned);
	for (o = 0; o < LDR_OUTCOMES; o++)
		ldr_buf_addf(b, ", \"%s\": %u", ldr_outcome_key(o), t->n[o]);
	ldr_buf_addf(b, ", \"added\": %u, ", t->added);
	if (pd < 0)
		ldr_buf_addstr(b, "\"percent_delivered\": null, \"percent_on_time\": null}");
	else
		ldr_buf_addf(b, "\"percent_delivered\": %d, \"percent_on_time\": %d}", pd, pt);
}

static void json_drift(struct ldr_buf *b, const struct review_run *run)
{
	unsigned moves;
	size_t i, j, n, k;
	const struct ldr_review_item **v = drifted(run, &n, &moves);

	ldr_buf_addf(b, ",\n  \"drift\": {\"items\": %zu, \"moves\": %u, \"rephased\": [", n, moves);
	for (i = 0; i < n; i++) {
		ldr_buf_addstr(b, i ? ",\n    " : "\n    ");
		ldr_buf_addstr(b, "{\"id\": ");
		cli_json_string(b, v[i]->id);
		ldr_buf_addf(b, ", \"kind\": \"%s\", \"times\": %u, \"net_quarters\": %d, \"path\": [",
			     v[i]->kind->name, v[i]->rephased, ldr_review_net_quarters(v[i]));
		for (j = k = 0; j < v[i]->nevents; j++) {
			const struct ldr_review_event *e = &v[i]->events[j];
			if (e->type != LDR_RC_MOVED)
				continue;
			if (!k++)
				cli_json_time(b, &e->from);
			ldr_buf_addstr(b, ", ");
			cli_json_time(b, &e->to);
		}
		ldr_buf_addstr(b, "]}");
	}
	ldr_buf_addstr(b, n ? "\n  ]}" : "]}");
	free(v);
}

/* The commitments due from a time, or tbc: as written, and what came of them. */
static void json_apart(struct ldr_buf *b, const struct review_run *run)
{
	struct ldr_buf state = LDR_BUF_INIT;
	size_t i, k = 0;

	ldr_buf_addstr(b, ",\n  \"apart\": [");
	for (i = 0; i < run->rv.n; i++) {
		const struct ldr_review_item *it = &run->rv.items[i];
		if (!it->apart)
			continue;
		ldr_buf_addstr(b, k++ ? ",\n    {\"id\": " : "\n    {\"id\": ");
		cli_json_string(b, it->id);
		ldr_buf_addf(b, ", \"kind\": \"%s\", \"due\": ", it->kind->name);
		cli_json_time(b, &it->now);
		ldr_buf_reset(&state);
		apart_state(&state, it, run->rv.as_of);
		ldr_buf_addstr(b, ", \"state\": ");
		cli_json_string(b, state.s);
		ldr_buf_addstr(b, ", \"title\": ");
		cli_json_string(b, it->title);
		ldr_buf_addch(b, '}');
	}
	ldr_buf_addstr(b, k ? "\n  ]" : "]");
	ldr_buf_release(&state);
}

static void json_quality(struct ldr_buf *b, const struct review_run *run)
{
	size_t i, k = 0;

	ldr_buf_addstr(b, ",\n  \"data_quality\": [");
	for (i = 0; i < run->rv.n; i++) {
		const struct ldr_review_item *it = &run->rv.items[i];
		struct ldr_buf fix = LDR_BUF_INIT;
		if (!review_shown(it) || it->outcome != LDR_OUT_UNDATED)
			continue;
		review_fix(&fix, run, it);
		ldr_buf_addstr(b, k++ ? ",\n    {\"id\": " : "\n    {\"id\": ");
		cli_json_string(b, it->id);
		ldr_buf_addstr(b, ", \"problem\": \"delivered without a date\", \"fix\": ");
		cli_json_string(b, fix.s);
		ldr_buf_addch(b, '}');
		ldr_buf_release(&fix);
	}
	ldr_buf_addstr(b, k ? "\n  ]" : "]");
}

void review_print_json(const struct review_run *run)
{
	struct ldr_buf b = LDR_BUF_INIT;
	struct ldr_time as_of = { LDR_TIME_MONTH, run->rv.as_of, 0 }, base = { LDR_TIME_MONTH, run->src.base_as_at, 0 };
	size_t i, j, k = 0;

	ldr_buf_addstr(&b, "{\n  \"period\": ");
	cli_json_time(&b, &run->rv.period);
	ldr_buf_addstr(&b, ",\n  \"as_of\": ");
	cli_json_time(&b, &as_of);
	ldr_buf_addstr(&b, ",\n  \"baseline\": {\"rev\": ");
	cli_json_string(&b, run->a.baseline);
	ldr_buf_addstr(&b, ", \"as_at\": ");
	cli_json_time(&b, &base);
	ldr_buf_addstr(&b, ", \"by\": ");
	json_commit(&b, &run->src.base);
	ldr_buf_addstr(&b, "},\n  \"facts\": {\"by\": ");
	json_commit(&b, &run->src.now);
	if (run->a.scenario) {
		ldr_buf_addstr(&b, ", \"scenario\": ");
		cli_json_string(&b, run->a.scenario);
	}
	ldr_buf_addf(&b, ", \"uncommitted\": %s},\n  \"commits\": %u,\n  \"skipped\": %u,\n  \"items\": [",
		     run->src.dirty ? "true" : "false", run->src.commits, run->src.skipped);
	for (i = 0; i < LDR_ARRAY_SIZE(sections); i++)
		for (j = 0; j < run->rv.n; j++) {
			const struct ldr_review_item *it = &run->rv.items[j];
			if (it->kind != sections[i].kind || !review_shown(it))
				continue;
			ldr_buf_addstr(&b, k++ ? ",\n    " : "\n    ");
			json_item(&b, run, it);
		}
	ldr_buf_addstr(&b, k ? "\n  ],\n  \"totals\": [" : "],\n  \"totals\": [");
	for (i = 0; i < run->rv.ntotals; i++) {
		ldr_buf_addstr(&b, i ? ",\n    " : "\n    ");
		json_total(&b, &run->rv.totals[i]);
	}
	ldr_buf_addstr(&b, run->rv.ntotals ? "\n  ],\n  \"all\": " : "],\n  \"all\": ");
	json_total(&b, &run->rv.all);
	json_apart(&b, run);
	json_quality(&b, run);
	json_drift(&b, run);
	ldr_buf_addstr(&b, "\n}\n");
	fputs(b.s, stdout);
	ldr_buf_release(&b);
}

/* ---- CSV ----------------------------------------------------------------- */

/* RFC 4180, and text that a spreadsheet would take for a formula starts
 * with an apostrophe (CWE-1236). */
static void csv_text(struct ldr_buf *b, const char *s)
{
	ldr_buf_addch(b, '"');
	if (s && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r'))
		ldr_buf_addch(b, '\'');
	for (; s && *s; s++) {
		if (*s == '"')
			ldr_buf_addch(b, '"');
		ldr_buf_addch(b, *s);
	}
	ldr_buf_addch(b, '"');
}

static void csv_time(struct ldr_buf *b, const struct ldr_time *t)
{
	char buf[LDR_TIME_STR_MAX];
	if (t->kind)
		csv_text(b, ldr_time_format(t, buf));
}

static void csv_field(struct ldr_buf *b, const char *s)
{
	csv_text(b, s);
	ldr_buf_addch(b, ',');
}

/* The reasons, as the text shows them under the item, in one cell. */
static void csv_why(struct ldr_buf *b, const struct review_run *run, const struct ldr_review_item *it)
{
	struct ldr_buf why = LDR_BUF_INIT;
	size_t i;

	ldr_review_reasons(&why, &run->rv, it, 60);
	/* A line that ends in ':' goes on in the next. */
	for (i = 0; why.len && i + 1 < why.len; i++)
		if (why.s[i] == '\n')
			ldr_buf_addstr(b, i && why.s[i - 1] == ':' ? " " : "; ");
		else
			ldr_buf_addch(b, why.s[i]);
	ldr_buf_release(&why);
}

static void csv_row(struct ldr_buf *b, const struct review_run *run, const struct ldr_review_item *it)
{
	const struct ldr_commit *rec = ldr_review_recorded(&run->rv, it);
	struct ldr_buf why = LDR_BUF_INIT, day = LDR_BUF_INIT;

	csv_field(b, it->id);
	csv_field(b, it->kind->name);
	csv_field(b, it->parent);
	csv_field(b, it->group);
	csv_field(b, it->group_name);
	csv_field(b, it->title);
	csv_time(b, &it->planned);
	ldr_buf_addch(b, ',');
	csv_time(b, &it->now);
	ldr_buf_addf(b, ",%s,", it->added ? "yes" : "no");
	csv_field(b, ldr_outcome_name(it->outcome));
	csv_time(b, &it->delivered);
	ldr_buf_addf(b, ",%s,", it->delivered_after ? "yes" : "no");
	if (it->outcome == LDR_OUT_LATE || it->outcome == LDR_OUT_SLIPPED)
		ldr_buf_addf(b, "%d,%s", it->by, ldr_review_unit_name(it->unit));
	else
		ldr_buf_addch(b, ',');
	ldr_buf_addch(b, ',');
	if (rec && rec->id[0]) {
		ldr_date_iso(&day, rec->time, rec->offset);
		ldr_buf_addf(b, "%s,%.10s", rec->id, day.s);
	} else {
		ldr_buf_addstr(b, rec ? "not committed," : it->done && it->done_at_baseline ? "baseline," : ",");
	}
	ldr_buf_addf(b, ",%s,%u,", it->present ? "no" : "yes", it->rephased);
	csv_why(&why, run, it);
	csv_text(b, why.s);
	ldr_buf_addstr(b, "\r\n");
	ldr_buf_release(&why);
	ldr_buf_release(&day);
}

void review_csv(struct ldr_buf *b, const struct review_run *run)
{
	size_t i, j;

	ldr_buf_addstr(b, "id,kind,parent,group,group_name,title,planned,now,added,outcome,delivered,"
		       "delivered_after_review,by,by_unit,recorded_commit,recorded_date,removed,rephased,why\r\n");
	for (i = 0; i < LDR_ARRAY_SIZE(sections); i++)
		for (j = 0; j < run->rv.n; j++) {
			const struct ldr_review_item *it = &run->rv.items[j];
			if (it->kind == sections[i].kind && review_shown(it))
				csv_row(b, run, it);
		}
}
