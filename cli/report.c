/* The board report's inputs: the review against the baseline (as 'ldr
 * review' works it out) and the checks (as 'ldr check'), then the writer. */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../export/charts/chart.h"
#include "../export/report.h"
#include "../model/rules/check.h"
#include "../model/history/repo.h"
#include "../model/history/review.h"
#include "../model/history/signoff.h"
#include "../model/history/versions.h"
#include "../model/base/write.h"
#include "cli.h"
#include "history.h"

struct report_run {
	const char *cmd;
	struct ldr_repo *repo;
	char *baseline;               /* the revision reviewed against, or NULL */
	struct ldr_roadmap base;      /* the roadmap there, for the Gantt chart */
	struct ldr_review rv;
	struct ldr_review_source src;
	int reviewed;
	struct ldr_signoff *signoffs;
	size_t nsignoffs;
};

/* The review against the baseline: 0, or an exit status. */
static int review_against(struct report_run *run, struct ldr_export_opts *opts, struct ldr_time period)
{
	struct ldr_buf notes = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_commit c;
	int as_of = ldr_time_last(&opts->as_of), r;

	if (!period.kind)
		period = ldr_time_year(ldr_time_fy_of_month(as_of));
	ldr_review_init(&run->rv, period, as_of);
	if (ldr_review_read(&run->src, &run->rv, run->repo, run->baseline, NULL, &notes, &err) < 0) {
		fprintf(stderr, "ldr %s: no review against '%s': %s\n", run->cmd, run->baseline, err.s);
		r = LDR_EXIT_PARSE;
	} else if ((r = hist_load_rev(run->cmd, run->repo, run->baseline, &run->base, &c)) == 0) {
		ldr_commit_release(&c);
		run->reviewed = 1;
		opts->baseline = &run->base;
		opts->baseline_name = run->baseline;
	}
	ldr_buf_release(&notes);
	ldr_buf_release(&err);
	return r;
}

static void run_release(struct report_run *run)
{
	ldr_signoffs_free(run->signoffs, run->nsignoffs);
	if (run->reviewed) {
		ldr_review_release(&run->rv);
		ldr_review_source_release(&run->src);
		ldr_roadmap_release(&run->base);
	}
	free(run->baseline);
	ldr_repo_free(run->repo);
}

int cli_report_write(const char *cmd, const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
		     const char *path, const char *roadmap_arg, const char *baseline, struct ldr_time period,
		     const char *out)
{
	struct report_run run;
	struct ldr_export_opts o = *opts;
	struct ldr_check_opts co;
	struct ldr_findings f;
	struct ldr_buf html = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_report rep;
	int r = LDR_EXIT_OK;

	memset(&run, 0, sizeof(run));
	memset(&co, 0, sizeof(co));
	memset(&f, 0, sizeof(f));
	run.cmd = cmd;
	o.baseline = NULL;
	o.baseline_name = NULL;
	if (path && strcmp(path, "-") != 0 && ldr_repo_open(&run.repo, path, &err) == 0)
		run.baseline = baseline ? ldr_strdup(baseline) : ldr_repo_newest_baseline(run.repo);
	else if (baseline)
		fprintf(stderr, "ldr %s: --baseline needs the roadmap's repository: %s\n", cmd,
			err.s ? err.s : "the roadmap is standard input"), r = LDR_EXIT_PARSE;
	if (r == LDR_EXIT_OK && run.baseline)
		r = review_against(&run, &o, period);
	if (r == LDR_EXIT_OK && run.repo && ldr_signoffs(run.repo, &run.signoffs, &run.nsignoffs, &err) < 0)
		r = cli_fail(cmd, LDR_E_IO, err.s);
	co.as_of = o.as_of;
	ldr_check(rm, &co, &f);
	rep = (struct ldr_report){ rm, &o, run.reviewed ? &run.rv : NULL, run.reviewed ? &run.src.base : NULL, &f,
				   roadmap_arg, run.signoffs, run.nsignoffs };
	ldr_buf_reset(&err);
	if (r == LDR_EXIT_OK) {
		int e = ldr_report_build(&rep, &html, &err) < 0 ? LDR_E_IO : ldr_chart_write(out, &html, &err);
		if (e < 0)
			r = cli_fail(cmd, e, err.s);
	}
	ldr_findings_release(&f);
	ldr_buf_release(&html);
	ldr_buf_release(&err);
	run_release(&run);
	return r;
}
