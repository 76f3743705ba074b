/* ldr review: the command (cmd_review.c) reads the review, this prints it
 * as text, JSON or CSV (review_print.c). */
#ifndef LDR_CLI_REVIEW_H
#define LDR_CLI_REVIEW_H

#include "../model/history/repo.h"
#include "../model/history/review.h"
#include "../model/history/versions.h"

struct review_args {
	const char *baseline, *year, *quarter, *as_of, *csv, *roadmap;
	const char *scenario; /* the what-if reviewed, instead of HEAD */
	int json, signed_only;
};

struct review_run {
	struct review_args a;
	struct ldr_repo *repo;
	struct ldr_review rv;
	struct ldr_review_source src;
	char tip[LDR_OID_HEX + 1]; /* the scenario's commit, "" without --scenario */
};

void review_print_text(const struct review_run *run);
void review_print_json(const struct review_run *run);
/* The CSV as text, in b. */
void review_csv(struct ldr_buf *b, const struct review_run *run);

/* The one-line fix for a delivery without a date: "ldr set ROADMAP ID.delivered=MONTH". */
void review_fix(struct ldr_buf *b, const struct review_run *run, const struct ldr_review_item *it);

/* Whether an item is in the review: due at the baseline, or added since. */
int review_shown(const struct ldr_review_item *it);

#endif
