/* The writers the registry lists; each is an ldr_export_fn. */
#ifndef LDR_EXPORT_WRITERS_H
#define LDR_EXPORT_WRITERS_H

#include "../base/export.h"

/* Spreadsheets: annex2.c, annex4.c, dossier.c, trajectory.c. */
int ldr_export_annex2_xlsx(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			   const char *path, struct ldr_buf *err);
int ldr_export_annex2_csv(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			  const char *path, struct ldr_buf *err);
int ldr_export_annex4_xlsx(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			   const char *path, struct ldr_buf *err);
int ldr_export_dossier_xlsx(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			    const char *path, struct ldr_buf *err);
int ldr_export_dossier_csv(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			   const char *path, struct ldr_buf *err);
int ldr_export_trajectory_xlsx(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			       const char *path, struct ldr_buf *err);
/* milestones.c: one row per milestone and checkpoint, for a programme board. */
int ldr_export_milestones_xlsx(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			       const char *path, struct ldr_buf *err);
int ldr_export_milestones_csv(const struct ldr_roadmap *rm, const struct ldr_export_opts *opts,
			      const char *path, struct ldr_buf *err);

#endif
