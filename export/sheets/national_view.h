/* The national view (ldr aggregate) as files: a CSV of every footprint's
 * figures in long form, and a workbook with one sheet per table. */
#ifndef LDR_EXPORT_NATIONAL_VIEW_H
#define LDR_EXPORT_NATIONAL_VIEW_H

#include "../../model/national/aggregate.h"
#include "../../model/base/util.h"
#include "../base/export.h"

/* One row per figure of one footprint (RFC 4180, formula cells guarded):
 *
 *   table,file,footprint,group,year,uc,measure,value
 *
 * table is footprints (status, as_of, errors, warnings, counts, why it was
 * skipped), capabilities (by group id and year: "16/17", or "none"), ucs
 * (each universal capability's plan), targets (the position against a
 * national target) or rules (findings by rule, those with any). National
 * figures are the sums over the footprints. Written as every output is
 * (model/base/write.h). Returns 0, or an LDR_E_* code with err. */
int ldr_national_view_csv(const struct ldr_aggregate *a, const char *path, struct ldr_buf *err);

/* A workbook: Footprints, Capabilities, Universal capabilities, UC plans,
 * Targets and Checks. opts gives the creation time (opts->time) or not
 * (the latest review date of the footprints is used, so that the same
 * input gives the same bytes); opts may be NULL. Returns 0, or an LDR_E_*
 * code with err. */
int ldr_national_view_xlsx(const struct ldr_aggregate *a, const struct ldr_export_opts *opts,
			   const char *path, struct ldr_buf *err);

#endif
