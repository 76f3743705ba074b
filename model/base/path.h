/* File names: joining, splitting, and a file's path within a directory
 * above it (a roadmap's path in its repository's work tree). */
#ifndef LDR_PATH_H
#define LDR_PATH_H

#include "util.h"

/* dir/name, as a new string. */
char *ldr_path_join(const char *dir, const char *name);
/* The directory part ("." when there is none), as a new string. */
char *ldr_path_dir(const char *path);
/* The last component (points into path). */
const char *ldr_path_base(const char *path);
/* The file's path relative to top, a directory above it, with '/' between
 * components (symbolic links in the directories resolved, not in the file's
 * own name). Returns a new string, or NULL with a message in err. */
char *ldr_path_relative(const char *file, const char *top, struct ldr_buf *err);

#endif
