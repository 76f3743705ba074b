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

#endif
