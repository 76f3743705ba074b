/* The board report: one self-contained HTML file (inline CSS, the charts as
 * inline images, no script, nothing fetched) that a programme board reads on
 * a screen or on paper, A4 or A3: a summary (the review's figures, what is
 * overdue, what slipped since the baseline and why), the charts, the review
 * per capability group, the checks that fail, and the commit it shows.
 * Like every export it never reads a file or a repository: the command line
 * works out the review and the checks and hands them over. */
#ifndef LDR_REPORT_H
#define LDR_REPORT_H

#include "../model/rules/check.h"
#include "../model/history/review.h"
#include "../model/history/signoff.h"
#include "../model/roadmap/roadmap.h"
#include "../model/base/util.h"
#include "base/export.h"

struct ldr_report {
	const struct ldr_roadmap *rm;
	/* as_of, commit, uncommitted; baseline and baseline_name when there is
	 * a baseline (the Gantt chart is drawn against it). */
	const struct ldr_export_opts *opts;
	/* The review against the baseline, finished, and the baseline's
	 * commit; both NULL when there is no baseline. */
	const struct ldr_review *review;
	const struct ldr_commit *base;
	/* What 'ldr check' finds as of opts->as_of. */
	const struct ldr_findings *findings;
	/* The roadmap as the command line named it: the fixes it suggests
	 * ("ldr set ROADMAP ID.delivered=...") name it so. */
	const char *roadmap_arg;
	/* Every sign-off in the repository (none outside one): those of the
	 * commit shown and of the baseline's are said in the heading. */
	const struct ldr_signoff *signoffs;
	size_t nsignoffs;
};

/* The report as HTML, in out. Returns 0, or -1 with a message in err. */
int ldr_report_build(const struct ldr_report *r, struct ldr_buf *out, struct ldr_buf *err);

#endif
