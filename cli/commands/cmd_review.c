/* ldr review: the year-end (or quarter-end) review of what a baseline
 * planned against what happened, and why the plan moved (model/history/review.h
 * says what each outcome means and where each figure comes from). This file
 * reads the options and the versions and refuses a review that cannot be
 * made; review_print.c prints it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/rules/check.h"
#include "../../model/roadmap/date.h"
#include "../../model/roadmap/file.h"
#include "../../model/history/repo.h"
#include "../../model/history/review.h"
#include "../../model/history/scenario.h"
#include "../../model/history/signoff.h"
#include "../../model/roadmap/schedule.h"
#include "../../model/roadmap/schema.h"
#include "../../model/history/versions.h"
#include "../../model/base/write.h"
#include "../cli.h"
#include "../history.h"
#include "../review.h"

enum { OPT_BASELINE, OPT_YEAR, OPT_QUARTER, OPT_AS_OF, OPT_JSON, OPT_CSV, OPT_SCENARIO, OPT_SIGNED };

static const struct cli_opt options[] = {
	{ "baseline", 0, 1, "REV", "the plan to compare against: a baseline's name, a commit", OPT_BASELINE, NULL },
	{ "year", 0, 1, "Y", "the financial year reviewed, as in 16/17", OPT_YEAR, NULL },
	{ "quarter", 0, 1, "Q", "a quarter instead, as in 16/17 Q2 (default: the year of\n"
	  "--as-of)", OPT_QUARTER, NULL },
	{ "as-of", 0, 1, "TIME", "the review's date (default: the roadmap's as_at, else this\n"
	  "month); deliveries dated after it do not count", OPT_AS_OF, NULL },
	{ "json", 0, 0, NULL, "the review as one JSON object", OPT_JSON, NULL },
	{ "csv", 0, 1, "FILE", "one row per item, for a spreadsheet (- for standard output)", OPT_CSV, NULL },
	{ "scenario", 0, 1, "NAME", "review the scenario's plan (ldr scenario) instead of HEAD's", OPT_SCENARIO,
	  "a scenario's name" },
	{ "signed", 0, 0, NULL, "refuse a baseline nobody signed off (ldr signoff)", OPT_SIGNED, NULL },
};
const struct cli_options cli_review_options = CLI_OPTIONS(options, 18);

static int option(void *ctx, int id, const char *value)
{
	struct review_args *a = ctx;

	switch (id) {
	case OPT_BASELINE: a->baseline = value; break;
	case OPT_YEAR: a->year = value; break;
	case OPT_QUARTER: a->quarter = value; break;
	case OPT_AS_OF: a->as_of = value; break;
	case OPT_JSON: a->json = 1; break;
	case OPT_CSV: a->csv = value; break;
	case OPT_SCENARIO: a->scenario = value; break;
	case OPT_SIGNED: a->signed_only = 1; break;
	default:
		if (a->roadmap)
			return cli_usage_error("review", "one roadmap at a time");
		a->roadmap = value;
	}
	return 0;
}

static int parse_args(int argc, char **argv, struct review_args *a, int *help)
{
	int r;

	memset(a, 0, sizeof(*a));
	r = cli_parse_options("review", argc, argv, option, a);
	*help = r == CLI_HELP;
	if (r)
		return *help ? 0 : r;
	if (!a->baseline)
		return cli_usage_error("review", "no baseline given (--baseline REV, as in --baseline submitted)");
	if (a->year && a->quarter)
		return cli_usage_error("review", "--year or --quarter, not both");
	if (a->json && a->csv)
		return cli_usage_error("review", "--json or --csv, not both");
	if (!a->roadmap)
		return cli_usage_error("review", "no roadmap given");
	return a->scenario ? hist_scenario_name("review", a->scenario) : 0;
}

/* What the working file says of the review: its as_at (the review's date
 * when none is given, as for 'ldr check'; else this month), its horizon,
 * and the latest actual date it records. A file that does not parse is
 * reported by the reading of the versions. */
struct file_facts {
	int as_of, has_as_at;
	struct ldr_time start, end;
	const char *late_id; /* a record delivered after as_at, the latest */
	struct ldr_time late;
	unsigned nlate;      /* how many are */
	char *late_copy;
};

static void note_actual(struct file_facts *f, const char *id, const struct ldr_time *d)
{
	if (!d->kind || !f->has_as_at || ldr_time_first(d) <= f->as_of)
		return;
	f->nlate++;
	if (!f->late_id || ldr_time_first(d) > ldr_time_first(&f->late)) {
		free(f->late_copy);
		f->late_id = f->late_copy = ldr_strdup(id);
		f->late = *d;
	}
}

static void scan_actuals(struct file_facts *f, const struct ldr_roadmap *rm)
{
	size_t i, j;

	for (i = 0; i < rm->capabilities.len; i++) {
		const struct ldr_capability *c = LDR_ITEM(rm->capabilities, struct ldr_capability, i);
		note_actual(f, c->id, &c->delivered);
	}
	for (i = 0; i < rm->projects.len; i++) {
		const struct ldr_project *p = LDR_ITEM(rm->projects, struct ldr_project, i);
		note_actual(f, p->id, &p->delivered);
		for (j = 0; j < p->milestones.len; j++) {
			const struct ldr_milestone *m = LDR_ITEM(p->milestones, struct ldr_milestone, j);
			note_actual(f, m->id, &m->delivered);
		}
	}
	for (i = 0; i < rm->ucs.len; i++) {
		const struct ldr_uc *u = LDR_ITEM(rm->ucs, struct ldr_uc, i);
		for (j = 0; j < u->activities.len; j++) {
			const struct ldr_activity *a = LDR_ITEM(u->activities, struct ldr_activity, j);
			note_actual(f, a->id, &a->delivered);
		}
	}
}

static void file_facts(struct ldr_repo *repo, const char *tip, struct file_facts *f)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_roadmap rm;
	struct ldr_commit c;
	struct ldr_time t = ldr_date_this_month();
	int read;

	memset(f, 0, sizeof(*f));
	ldr_roadmap_init(&rm);
	memset(&c, 0, sizeof(c));
	read = tip[0] ? ldr_repo_read_rev(repo, tip, &text, &c, &err) : ldr_file_read(ldr_repo_file(repo), &text, &err);
	ldr_commit_release(&c);
	if (read == 0 &&
	    ldr_version_parse(&rm, ldr_repo_file(repo), &text, &err) == 0) {
		t = ldr_check_as_of(&rm);
		f->has_as_at = rm.footprint.as_at.kind != LDR_TIME_NONE;
		f->start = rm.footprint.start;
		f->end = rm.footprint.end;
		f->as_of = ldr_time_last(&t);
		scan_actuals(f, &rm);
	}
	f->as_of = ldr_time_last(&t);
	ldr_roadmap_release(&rm);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
}

/* The scenario's commit, for the newest version. */
static int find_scenario(struct review_run *run)
{
	struct ldr_scenario sc;
	struct ldr_buf err = LDR_BUF_INIT;
	int r = 0;

	if (ldr_scenario_find(run->repo, run->a.scenario, &sc, &err) < 0)
		r = cli_fail("review", -1, err.s);
	else
		memcpy(run->tip, sc.tip, sizeof(run->tip));
	ldr_scenario_release(&sc);
	ldr_buf_release(&err);
	return r;
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

/* A period the roadmap does not cover has nothing to review. */
static int check_horizon(const struct file_facts *f, const struct ldr_time *period)
{
	char p[LDR_TIME_STR_MAX], s[LDR_TIME_STR_MAX], e[LDR_TIME_STR_MAX];

	if (!f->start.kind || !f->end.kind || (ldr_time_last(period) >= ldr_time_first(&f->start) &&
					       ldr_time_first(period) <= ldr_time_last(&f->end)))
		return 0;
	fprintf(stderr, "ldr review: %s is outside the roadmap's horizon, %s to %s (footprint start and end)\n",
		ldr_time_format(period, p), ldr_time_format(&f->start, s), ldr_time_format(&f->end, e));
	return LDR_EXIT_USAGE;
}

/* A roadmap that records a delivery after its own as_at is reviewed, by
 * default, as of a date that leaves that delivery out. */
static void warn_as_at(const struct file_facts *f, const struct review_args *a)
{
	char d[LDR_TIME_STR_MAX], t[LDR_TIME_STR_MAX];
	struct ldr_time as_at = { LDR_TIME_MONTH, f->as_of, 0 };
	struct ldr_buf id = LDR_BUF_INIT;

	if (!f->nlate || a->as_of)
		return;
	fprintf(stderr, "ldr review: warning: '%s' was delivered %s, after the roadmap's as_at %s%s; "
		"the review is as of %s, which leaves %s out: give --as-of %s (or update as_at)\n",
		cli_safe(f->late_id, &id), ldr_time_format(&f->late, d), ldr_time_format(&as_at, t),
		f->nlate > 1 ? " (and so were others)" : "", t, f->nlate > 1 ? "them" : "it", d);
	ldr_buf_release(&id);
}

/* The baselines there are, for a name that is none of them. */
static void list_baselines(struct ldr_repo *repo)
{
	struct ldr_buf err = LDR_BUF_INIT, b = LDR_BUF_INIT;
	struct ldr_tag *tags = NULL;
	size_t n = 0, i, k = 0;

	if (ldr_repo_tags(repo, &tags, &n, &err) == 0)
		for (i = 0; i < n; i++) {
			if (!tags[i].annotated || ldr_tag_is_signoff(tags[i].name))
				continue;
			ldr_buf_addstr(&b, k++ ? ", '" : "'");
			ldr_buf_addquoted(&b, tags[i].name, 40);
			ldr_buf_addstr(&b, "' (");
			ldr_date_format(&b, tags[i].time, tags[i].offset);
			b.len -= 12; /* the day only */
			b.s[b.len] = '\0';
			ldr_buf_addch(&b, ')');
		}
	if (k)
		fprintf(stderr, "ldr review: the baselines are %s; any revision will do too (HEAD~3, a commit id)\n",
			b.s);
	else
		fprintf(stderr, "ldr review: there is no baseline: 'ldr baseline NAME ROADMAP' marks the approved plan\n");
	ldr_tags_free(tags, n);
	ldr_buf_release(&err);
	ldr_buf_release(&b);
}

/* With --signed, a baseline nobody signed off is refused. */
static int check_signed(const struct review_run *run)
{
	struct ldr_buf err = LDR_BUF_INIT;
	int r;

	if (!run->a.signed_only || !run->a.baseline)
		return 0;
	r = ldr_signoff_require(run->repo, run->a.baseline, &err);
	if (r == 0)
		fprintf(stderr, "ldr review: %s\n", err.s);
	ldr_buf_release(&err);
	return r == 0 ? LDR_EXIT_USAGE : 0; /* -1: unknown, said by read_versions */
}

static int read_versions(struct review_run *run)
{
	struct ldr_buf notes = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_commit c;
	int r = run->tip[0] ? ldr_review_read_at(&run->src, &run->rv, run->repo, run->a.baseline, run->tip, &notes, &err)
			    : ldr_review_read(&run->src, &run->rv, run->repo, run->a.baseline, NULL, &notes, &err);
	char *line, *save = NULL;

	for (line = notes.s ? strtok_r(notes.s, "\n", &save) : NULL; line; line = strtok_r(NULL, "\n", &save))
		fprintf(stderr, "ldr review: %s\n", line);
	if (r < 0) {
		fprintf(stderr, "ldr review: %s\n", err.s);
		ldr_buf_reset(&err);
		if (ldr_repo_resolve(run->repo, run->a.baseline, &c, &err) < 0)
			list_baselines(run->repo);
		else
			ldr_commit_release(&c);
	}
	ldr_buf_release(&notes);
	ldr_buf_release(&err);
	return r < 0 ? LDR_EXIT_PARSE : LDR_EXIT_OK;
}

/* A plan made after the review's date cannot be judged as of it. */
static int check_baseline_date(const struct review_run *run)
{
	char b[LDR_TIME_STR_MAX], a[LDR_TIME_STR_MAX];
	struct ldr_time base = { LDR_TIME_MONTH, run->src.base_as_at, 0 }, as_of = { LDR_TIME_MONTH, run->rv.as_of, 0 };
	struct ldr_buf name = LDR_BUF_INIT;

	if (run->src.base_as_at <= run->rv.as_of)
		return 0;
	fprintf(stderr, "ldr review: the baseline '%s' is the plan as at %s, after the review date %s: "
		"give a later --as-of, or an earlier baseline\n", cli_safe(run->a.baseline, &name),
		ldr_time_format(&base, b), ldr_time_format(&as_of, a));
	ldr_buf_release(&name);
	return LDR_EXIT_USAGE;
}

static int write_csv(struct review_run *run)
{
	struct ldr_buf b = LDR_BUF_INIT, err = LDR_BUF_INIT;
	int r = LDR_EXIT_OK;

	review_csv(&b, run);
	if (strcmp(run->a.csv, "-") == 0) {
		fwrite(b.s, 1, b.len, stdout);
	} else if ((r = ldr_output_save(run->a.csv, b.s, b.len, &err)) < 0) {
		r = cli_fail("review", r, err.s);
	}
	ldr_buf_release(&b);
	ldr_buf_release(&err);
	return r;
}

int cmd_review(int argc, char **argv)
{
	struct review_run run;
	struct file_facts facts;
	struct ldr_time period;
	int as_of, help, r;

	memset(&run, 0, sizeof(run));
	memset(&facts, 0, sizeof(facts));
	r = parse_args(argc, argv, &run.a, &help);
	if (help) {
		cli_print_help(stdout, cli_find("review"));
		return LDR_EXIT_OK;
	}
	if (r)
		return r;
	if ((r = hist_open("review", run.a.roadmap, &run.repo)))
		return r;
	if (run.a.scenario && (r = find_scenario(&run)))
		goto out;
	file_facts(run.repo, run.tip, &facts);
	as_of = facts.as_of;
	if ((r = period_of(&run.a, &period, &as_of)) || (r = check_horizon(&facts, &period)))
		goto out;
	ldr_review_init(&run.rv, period, as_of);
	if ((r = read_versions(&run)) || (r = check_signed(&run)) || (r = check_baseline_date(&run)))
		goto out;
	warn_as_at(&facts, &run.a);
	if (run.a.csv)
		r = write_csv(&run);
	else if (run.a.json)
		review_print_json(&run);
	else
		review_print_text(&run);
out:
	free(facts.late_copy);
	ldr_review_release(&run.rv);
	ldr_review_source_release(&run.src);
	ldr_repo_free(run.repo);
	return r;
}
