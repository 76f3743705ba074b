/* Files: finding a roadmap, reading it whole within the size limit, and
 * replacing it atomically (git's lock-file discipline). */
#ifndef LDR_FILE_H
#define LDR_FILE_H

#include <stddef.h>

#include "util.h"

#define LDR_ROADMAP_FILE "roadmap.yaml"

/* A ROADMAP argument is a file, or a directory holding roadmap.yaml.
 * Returns a new string. */
char *ldr_roadmap_path(const char *arg);

/* Read the whole file (at most LDR_MAX_FILE bytes) into out; "-" is
 * standard input. Returns 0, or -1 with a one-line message in err. */
int ldr_file_read(const char *path, struct ldr_buf *out, struct ldr_buf *err);

/* Replace path with data, atomically: write path.lock (created exclusively,
 * so a concurrent or interrupted save is detected, never overwritten),
 * fsync it, rename it over path and fsync the directory. The file keeps its
 * mode and group; a symbolic link is written through to its target. On any
 * error the old file is untouched, the lock file removed (unless it was
 * someone else's) and -1 returned with a message in err. */
int ldr_file_write_atomic(const char *path, const char *data, size_t len, struct ldr_buf *err);

#endif
