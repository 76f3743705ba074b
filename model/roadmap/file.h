/* Files: finding a roadmap and reading it whole within the size limit.
 * Writing is model/base/write.h's. */
#ifndef LDR_FILE_H
#define LDR_FILE_H

#include <stddef.h>

#include "../base/util.h"

#define LDR_ROADMAP_FILE "roadmap.yaml"

/* A ROADMAP argument is a file, or a directory holding roadmap.yaml.
 * Returns a new string. */
char *ldr_roadmap_path(const char *arg);

/* Read the whole file (at most LDR_MAX_FILE bytes) into out; "-" is
 * standard input. Returns 0, or -1 with a one-line message in err. The
 * file is noted as an input, which no output may replace (model/base/write.h). */
int ldr_file_read(const char *path, struct ldr_buf *out, struct ldr_buf *err);

/* Read and parse the roadmap file at path ("-": standard input), not
 * holding its text whole when it is a regular file that can be decoded as
 * it is read (ldr_roadmap_read_fd; flags: LDR_LOAD_FROZEN or 0). Returns
 * 0; or -1 with the errors in diag, or with a one-line message in err when
 * the file cannot be read. rm is initialised here and must be released in
 * every case. */
struct ldr_roadmap;
struct ldr_diag;
int ldr_roadmap_load(struct ldr_roadmap *rm, const char *path, unsigned flags, struct ldr_diag *diag,
		     struct ldr_buf *err);

#endif
