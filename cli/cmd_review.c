/* ldr review: the year-end (or quarter-end) review of what a baseline
 * planned against what happened, and how the plan drifted (model/review.h
 * says what each outcome means). This file reads the versions from the
 * repository and prints the review as text, JSON or CSV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/check.h"
#include "../model/date.h"
#include "../model/file.h"
#include "../model/repo.h"
#include "../model/review.h"
#include "../model/schedule.h"
#include "../model/schema.h"
#include "../model/versions.h"
#include "cli.h"
#include "history.h"

struct review_args {
	const char *baseline, *year, *quarter, *as_of, *csv, *roadmap;
	int json;
};

struct review_run {
	struct review_args a;
	struct ldr_repo *repo;
	struct ldr_review rv;
	struct ldr_review_source src; /* src.now: the last version read, as of the review's date */
};

/* The kinds reviewed, in the order the review shows them. */
static const struct {
	const struct ldr_kind *kind;
	const char *title, *key;
} sections[] = {
	{ &ldr_kind_capability, "Capabilities", "capabilities" },
	{ &ldr_kind_project, "Projects", "projects" },
	{ &ldr_kind_milestone, "Milestones", "milestones" },
	{ &ldr_kind_activity, "Universal capability activities", "activities" },
};

static int parse_args(int argc, char **argv, struct review_args *a, int *help)
{
	int i;

	memset(a, 0, sizeof(*a));
	*help = 0;
	for (i = 1; i < argc; i++) {
		const char *s = argv[i];
		const char **value = NULL;
		if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
			*help = 1;
			return 0;
		} else if (!strcmp(s, "--json")) {
			a->json = 1;
			continue;
		} else if (!strcmp(s, "--baseline")) {
			value = &a->baseline;
		} else if (!strcmp(s, "--year")) {
			value = &a->year;
		} else if (!strcmp(s, "--quarter")) {
			value = &a->quarter;
		} else if (!strcmp(s, "--as-of")) {
			value = &a->as_of;
		} else if (!strcmp(s, "--csv")) {
			value = &a->csv;
		} else if (s[0] == '-' && s[1]) {
			struct ldr_buf b = LDR_BUF_INIT;
			cli_usage_error("review", "unknown option '%s'", cli_safe(s, &b));
			ldr_buf_release(&b);
			return LDR_EXIT_USAGE;
		} else if (!a->roadmap) {
			a->roadmap = s;
			continue;
		} else {
			return cli_usage_error("review", "one roadmap at a time");
		}
		if (i + 1 >= argc)
			return cli_usage_error("review", "'%s' needs a value", s);
		*value = argv[++i];
	}
	if (!a->baseline)
		return cli_usage_error("review", "no baseline given (--baseline REV, as in --baseline submitted)");
	if (a->year && a->quarter)
		return cli_usage_error("review", "--year or --quarter, not both");
	if (a->json && a->csv)
		return cli_usage_error("review", "--json or --csv, not both");
	if (!a->roadmap)
		return cli_usage_error("review", "no roadmap given");
	return 0;
}

/* The review's date when none is given: the roadmap's as_at (the date a
 * published snapshot describes), as for 'ldr check'; else this month. */
static int default_as_of(struct ldr_repo *repo)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_roadmap rm;
	struct ldr_time t = ldr_date_this_month();

	ldr_roadmap_init(&rm);
	/* A file that does not parse is reported by the reading of the versions. */
	if (ldr_file_read(ldr_repo_file(repo), &text, &err) == 0 &&
	    ldr_version_parse(&rm, ldr_repo_file(repo), &text, &err) == 0)
		t = ldr_check_as_of(&rm);
	ldr_roadmap_release(&rm);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	return ldr_time_last(&t);
}

/* The period and the review's date from the options (as_of: the default). */
static int period_of(const struct review_args *a, struct ldr_time *period, int *as_of)
{
	char err[256];
	struct ldr_time t;

	if (a->as_of) {
		if (ldr_time_parse(&t, a->as_of, LDR_TIME_ANY, err, sizeof(err)) < 0)
			return cli_usage_error("review", "--as-of: %s", err);
		*as_of = ldr_time_last(&t);
	}
	if (a->year && ldr_time_parse(period, a->year, LDR_TIME_YEAR, err, sizeof(err)) < 0)
		return cli_usage_error("review", "--year: %s", err);
	if (a->quarter && ldr_time_parse(period, a->quarter, LDR_TIME_QUARTER, err, sizeof(err)) < 0)
		return cli_usage_error("review", "--quarter: %s", err);
	if (!a->year && !a->quarter)
		*period = ldr_time_year(ldr_time_fy_of_month(*as_of));
	return 0;
}

/* ---- reading the versions ---------------------------------------------- */

static int read_versions(struct review_run *run)
{
	struct ldr_buf notes = LDR_BUF_INIT, err = LDR_BUF_INIT;
	/* The file's changes not committed are the plan as it is now, unless
	 * the review is of an earlier date. */
	int uncommitted = run->rv.as_of >= ldr_date_this_month().month;
	int r = ldr_review_read(&run->src, &run->rv, run->repo, run->a.baseline, uncommitted, &notes, &err);
	char *line, *save = NULL;

	for (line = notes.s ? strtok_r(notes.s, "\n", &save) : NULL; line; line = strtok_r(NULL, "\n", &save))
		fprintf(stderr, "ldr review: %s\n", line);
	if (r < 0)
		fprintf(stderr, "ldr review: %s\n", err.s);
	ldr_buf_release(&notes);
	ldr_buf_release(&err);
	return r < 0 ? LDR_EXIT_PARSE : LDR_EXIT_OK;
}

/* ---- text ---------------------------------------------------------------- */

static void month_text(struct ldr_buf *b, int month)
{
	struct ldr_time t = { LDR_TIME_MONTH, month };
	char buf[LDR_TIME_STR_MAX];
	ldr_buf_addstr(b, ldr_time_format(&t, buf));
}

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

static void item_line(struct ldr_buf *b, const struct review_run *run, const struct ldr_review_item *it)
{
	size_t start;

	ldr_buf_addstr(b, "  ");
	start = b->len;
	ldr_buf_addquoted(b, it->id, 20);
	pad(b, start, 8);
	start = b->len;
	time_text(b, it->added ? &it->now : &it->planned);
	pad(b, start, 9);
	start = b->len;
	ldr_buf_addstr(b, ldr_outcome_name(it->outcome));
	if (it->outcome == LDR_OUT_DROPPED)
		ldr_buf_addstr(b, it->seen == run->rv.versions ? "" : " (removed)");
	pad(b, start, 17);
	start = b->len;
	ldr_review_item_text(b, it);
	pad(b, start, 24);
	if (it->title)
		ldr_buf_addquoted(b, it->title, 48);
	while (b->len && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
	ldr_buf_addch(b, '\n');
}

static void section_text(struct ldr_buf *b, const struct review_run *run, const struct ldr_kind *k,
			 const char *title, int added)
{
	char period[LDR_TIME_STR_MAX];
	size_t i, n = 0;

	for (i = 0; i < run->rv.n; i++)
		n += run->rv.items[i].kind == k && (added ? run->rv.items[i].added : run->rv.items[i].in_baseline);
	if (!n)
		return;
	ldr_buf_addf(b, "\n%s %s %s %s: %zu\n", title, added ? "added to" : "due in",
		     ldr_time_format(&run->rv.period, period), added ? "since the baseline" : "at the baseline", n);
	for (i = 0; i < run->rv.n; i++) {
		const struct ldr_review_item *it = &run->rv.items[i];
		if (it->kind == k && (added ? it->added : it->in_baseline))
			item_line(b, run, it);
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
		unsigned planned = 0, done = 0, on_time = 0;

		for (i = 0; i < run->rv.n; i++) {
			const struct ldr_review_item *it = &run->rv.items[i];
			if (it->kind != &ldr_kind_activity || !it->in_baseline ||
			    ldr_time_first(&it->planned) != q)
				continue;
			planned++;
			done += it->delivered != 0;
			on_time += it->outcome == LDR_OUT_ON_TIME || it->outcome == LDR_OUT_EARLY;
		}
		ldr_buf_addf(b, "  %s: %u planned, %u done (%u by the end of the quarter), %u not done\n",
			     ldr_time_format(&quarter, name), planned, done, on_time, planned - done);
	}
}

static void total_line(struct ldr_buf *b, const struct ldr_review_total *t, const char *name)
{
	size_t start = b->len;
	int pd = ldr_review_percent_delivered(t), pt = ldr_review_percent_on_time(t);
	int o;

	ldr_buf_addstr(b, "  ");
	ldr_buf_addquoted(b, name, 47);
	pad(b, start, 49);
	ldr_buf_addf(b, "%7u", t->planned);
	for (o = 0; o < LDR_OUTCOMES; o++)
		ldr_buf_addf(b, " %7u", t->n[o]);
	ldr_buf_addf(b, " %7u", t->added);
	if (pd < 0)
		ldr_buf_addstr(b, "         -       -\n");
	else
		ldr_buf_addf(b, "      %3d%%    %3d%%\n", pd, pt);
}

static void totals_text(struct ldr_buf *b, const struct review_run *run)
{
	size_t i, start;
	int o;

	ldr_buf_addstr(b, "\nTotals by capability group (planned at the baseline; added since):\n");
	start = b->len;
	ldr_buf_addstr(b, "  group");
	pad(b, start, 49);
	ldr_buf_addstr(b, "planned");
	for (o = 0; o < LDR_OUTCOMES; o++)
		ldr_buf_addf(b, " %7s", o == LDR_OUT_ON_TIME ? "on time" : ldr_outcome_name(o));
	ldr_buf_addstr(b, "   added delivered on time\n");
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
	const struct ldr_review_item **v = ldr_calloc(run->rv.n, sizeof(*v));
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

static int net_quarters(const struct ldr_review_item *it)
{
	return ldr_quarter_index(ldr_time_last(&it->path[it->npath - 1])) -
	       ldr_quarter_index(ldr_time_last(&it->path[0]));
}

static void drift_text(struct ldr_buf *b, const struct review_run *run)
{
	unsigned moves;
	size_t i, j, n, start;
	const struct ldr_review_item **v = drifted(run, &n, &moves);

	unsigned commits = run->rv.versions - 1 - (unsigned)run->src.dirty;

	ldr_buf_addf(b, "\nDrift over the %u commit%s after the baseline%s: %zu item%s re-phased, %u time%s\n",
		     commits, commits == 1 ? "" : "s", run->src.dirty ? " and the changes not committed" : "",
		     n, n == 1 ? "" : "s", moves, moves == 1 ? "" : "s");
	for (i = 0; i < n; i++) {
		const struct ldr_review_item *it = v[i];
		int net = net_quarters(it);
		ldr_buf_addstr(b, "  ");
		start = b->len;
		ldr_buf_addquoted(b, it->id, 20);
		pad(b, start, 8);
		ldr_buf_addf(b, "%u time%s, net %+d quarter%s: ", it->rephased, it->rephased == 1 ? "" : "s",
			     net, net == 1 || net == -1 ? "" : "s");
		for (j = 0; j < it->npath; j++) {
			ldr_buf_addstr(b, j ? " -> " : "");
			time_text(b, &it->path[j]);
		}
		ldr_buf_addch(b, '\n');
	}
	free(v);
}

static void commit_text(struct ldr_buf *b, const struct ldr_commit *c)
{
	ldr_buf_addf(b, "%.7s, ", c->id);
	ldr_date_format(b, c->time, c->offset);
}

static void print_text(struct review_run *run)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char period[LDR_TIME_STR_MAX];
	size_t i;

	ldr_buf_addf(&b, "Review of %s against the baseline '", ldr_time_format(&run->rv.period, period));
	ldr_buf_addquoted(&b, run->a.baseline, 60);
	ldr_buf_addstr(&b, "' (");
	commit_text(&b, &run->src.base);
	ldr_buf_addstr(&b, "), as of ");
	month_text(&b, run->rv.as_of);
	ldr_buf_addstr(&b, "\nThe plan at the review date: ");
	commit_text(&b, &run->src.now);
	if (run->src.dirty)
		ldr_buf_addstr(&b, ", with changes not committed");
	if (run->src.later)
		ldr_buf_addf(&b, " (%d later commit%s left out)", run->src.later, run->src.later == 1 ? "" : "s");
	ldr_buf_addch(&b, '\n');
	for (i = 0; i < LDR_ARRAY_SIZE(sections); i++)
		section_text(&b, run, sections[i].kind, sections[i].title, 0);
	activities_text(&b, run);
	for (i = 0; i < LDR_ARRAY_SIZE(sections); i++)
		section_text(&b, run, sections[i].kind, sections[i].title, 1);
	totals_text(&b, run);
	drift_text(&b, run);
	fputs(b.s, stdout);
	ldr_buf_release(&b);
}

/* ---- JSON ---------------------------------------------------------------- */

static void json_time(struct ldr_buf *b, const struct ldr_time *t)
{
	char buf[LDR_TIME_STR_MAX];
	if (t->kind)
		ldr_buf_addf(b, "\"%s\"", ldr_time_format(t, buf));
	else
		ldr_buf_addstr(b, "null");
}

static void json_str(struct ldr_buf *b, const char *s)
{
	if (s)
		cli_json_string(b, s);
	else
		ldr_buf_addstr(b, "null");
}

static void json_commit(struct ldr_buf *b, const struct ldr_commit *c)
{
	ldr_buf_addf(b, "\"commit\": \"%s\", \"date\": \"", c->id);
	ldr_date_iso(b, c->time, c->offset);
	ldr_buf_addch(b, '"');
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
	json_time(b, &it->planned);
	ldr_buf_addstr(b, ", \"now\": ");
	json_time(b, &it->now);
	ldr_buf_addf(b, ", \"added\": %s, \"outcome\": \"%s\", \"delivered\": ", it->added ? "true" : "false",
		     ldr_outcome_key(it->outcome));
	if (it->delivered) {
		struct ldr_time t = ldr_review_delivered_time(it);
		json_time(b, &t);
		ldr_buf_addf(b, ", \"delivered_from\": \"%s\"", it->delivered_recorded ? "file" : "history");
	} else {
		ldr_buf_addstr(b, "null, \"delivered_from\": null");
	}
	ldr_buf_addf(b, ", \"quarters\": %d, \"overdue\": %s, \"removed\": %s, \"rephased\": %u}", it->quarters,
		     it->overdue ? "true" : "false", it->seen == run->rv.versions ? "false" : "true",
		     it->rephased);
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

static void print_json(struct review_run *run)
{
	struct ldr_buf b = LDR_BUF_INIT;
	const struct ldr_review_item **v;
	struct ldr_time as_of = { LDR_TIME_MONTH, run->rv.as_of };
	unsigned moves;
	size_t i, j, n, k = 0;

	ldr_buf_addstr(&b, "{\n  \"period\": ");
	json_time(&b, &run->rv.period);
	ldr_buf_addstr(&b, ",\n  \"as_of\": ");
	json_time(&b, &as_of);
	ldr_buf_addstr(&b, ",\n  \"baseline\": {\"rev\": ");
	cli_json_string(&b, run->a.baseline);
	ldr_buf_addstr(&b, ", ");
	json_commit(&b, &run->src.base);
	ldr_buf_addstr(&b, "},\n  \"now\": {");
	json_commit(&b, &run->src.now);
	ldr_buf_addf(&b, ", \"uncommitted\": %s, \"later_commits\": %d},\n  \"versions\": %u,\n  \"items\": [",
		     run->src.dirty ? "true" : "false", run->src.later, run->rv.versions);
	for (i = 0; i < LDR_ARRAY_SIZE(sections); i++)
		for (j = 0; j < run->rv.n; j++) {
			const struct ldr_review_item *it = &run->rv.items[j];
			if (it->kind != sections[i].kind || (!it->in_baseline && !it->added))
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
	v = drifted(run, &n, &moves);
	ldr_buf_addf(&b, ",\n  \"drift\": {\"items\": %zu, \"moves\": %u, \"rephased\": [", n, moves);
	for (i = 0; i < n; i++) {
		ldr_buf_addstr(&b, i ? ",\n    " : "\n    ");
		ldr_buf_addstr(&b, "{\"id\": ");
		cli_json_string(&b, v[i]->id);
		ldr_buf_addf(&b, ", \"kind\": \"%s\", \"times\": %u, \"net_quarters\": %d, \"path\": [",
			     v[i]->kind->name, v[i]->rephased, net_quarters(v[i]));
		for (j = 0; j < v[i]->npath; j++) {
			ldr_buf_addstr(&b, j ? ", " : "");
			json_time(&b, &v[i]->path[j]);
		}
		ldr_buf_addstr(&b, "]}");
	}
	ldr_buf_addstr(&b, n ? "\n  ]}\n}\n" : "]}\n}\n");
	free(v);
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

static int write_csv(struct review_run *run)
{
	struct ldr_buf b = LDR_BUF_INIT, err = LDR_BUF_INIT;
	size_t i, j;
	int r = LDR_EXIT_OK;

	ldr_buf_addstr(&b, "id,kind,parent,group,group_name,title,planned,now,added,outcome,delivered,"
		       "delivered_from,quarters,overdue,removed,rephased\r\n");
	for (i = 0; i < LDR_ARRAY_SIZE(sections); i++)
		for (j = 0; j < run->rv.n; j++) {
			const struct ldr_review_item *it = &run->rv.items[j];
			struct ldr_time d = ldr_review_delivered_time(it);
			if (it->kind != sections[i].kind || (!it->in_baseline && !it->added))
				continue;
			csv_text(&b, it->id);
			ldr_buf_addch(&b, ',');
			csv_text(&b, it->kind->name);
			ldr_buf_addch(&b, ',');
			csv_text(&b, it->parent);
			ldr_buf_addch(&b, ',');
			csv_text(&b, it->group);
			ldr_buf_addch(&b, ',');
			csv_text(&b, it->group_name);
			ldr_buf_addch(&b, ',');
			csv_text(&b, it->title);
			ldr_buf_addch(&b, ',');
			csv_time(&b, &it->planned);
			ldr_buf_addch(&b, ',');
			csv_time(&b, &it->now);
			ldr_buf_addf(&b, ",%s,", it->added ? "yes" : "no");
			csv_text(&b, ldr_outcome_name(it->outcome));
			ldr_buf_addch(&b, ',');
			if (it->delivered)
				csv_time(&b, &d);
			ldr_buf_addf(&b, ",%s,%d,%s,%s,%u\r\n",
				     it->delivered ? it->delivered_recorded ? "file" : "history" : "",
				     it->quarters, it->overdue ? "yes" : "no",
				     it->seen == run->rv.versions ? "no" : "yes", it->rephased);
		}
	if (strcmp(run->a.csv, "-") == 0) {
		fwrite(b.s, 1, b.len, stdout);
	} else if (ldr_file_write_atomic(run->a.csv, b.s, b.len, &err) < 0) {
		fprintf(stderr, "ldr review: %s\n", err.s);
		r = LDR_EXIT_PARSE;
	}
	ldr_buf_release(&b);
	ldr_buf_release(&err);
	return r;
}

int cmd_review(int argc, char **argv)
{
	struct review_run run;
	struct ldr_time period;
	int as_of, help, r;

	memset(&run, 0, sizeof(run));
	r = parse_args(argc, argv, &run.a, &help);
	if (help) {
		cli_print_help(stdout, cli_find("review"));
		return LDR_EXIT_OK;
	}
	if (r)
		return r;
	if ((r = hist_open("review", run.a.roadmap, &run.repo)))
		return r;
	as_of = run.a.as_of ? 0 : default_as_of(run.repo);
	if ((r = period_of(&run.a, &period, &as_of))) {
		ldr_repo_free(run.repo);
		return r;
	}
	ldr_review_init(&run.rv, period, as_of);
	if ((r = read_versions(&run)))
		goto out;
	if (run.a.csv)
		r = write_csv(&run);
	else if (run.a.json)
		print_json(&run);
	else
		print_text(&run);
out:
	ldr_review_release(&run.rv);
	ldr_review_source_release(&run.src);
	ldr_repo_free(run.repo);
	return r;
}
