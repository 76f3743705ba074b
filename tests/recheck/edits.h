/* A scripted series of edits to a loaded roadmap, each checked again with
 * ldr_check_update and compared with a full check (tests/recheck/). */
#ifndef LDR_TEST_EDITS_H
#define LDR_TEST_EDITS_H

#include <stdio.h>

#include "../../model/rules/check.h"

/* For one record in every 'stride' of each top-level list: each field given
 * the value of the next record's, then cleared, then (by its type) a next
 * value, an unknown reference, a new id; the first record of each list
 * nested in it so too; the record deleted and put back. Each edit, and its
 * undoing, is checked again incrementally and compared with a full check.
 * Returns the number of edits, or -1 at the first difference (described
 * on err). The roadmap is as it was when it returns 0 or more. */
long recheck_edits(struct ldr_roadmap *rm, const struct ldr_check_opts *o, size_t stride, FILE *err);

#endif
