#include "path.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

char *ldr_path_join(const char *dir, const char *name)
{
	struct ldr_buf b = LDR_BUF_INIT;
	ldr_buf_addstr(&b, dir);
	if (b.len && b.s[b.len - 1] != '/')
		ldr_buf_addch(&b, '/');
	ldr_buf_addstr(&b, name);
	return ldr_buf_detach(&b);
}

char *ldr_path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return ldr_strdup(".");
	if (slash == path)
		return ldr_strdup("/");
	return ldr_strndup(path, (size_t)(slash - path));
}

const char *ldr_path_base(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

char *ldr_path_relative(const char *file, const char *top, struct ldr_buf *err)
{
	char *dir = ldr_path_dir(file), *real_dir = NULL, *real_top = NULL, *rel = NULL;
	size_t n;

	real_dir = realpath(dir, NULL);
	real_top = realpath(top, NULL);
	if (!real_dir || !real_top) {
		ldr_buf_addf(err, "%s: cannot resolve: %s", real_dir ? top : dir, strerror(errno));
		goto out;
	}
	n = strlen(real_top);
	while (n > 1 && real_top[n - 1] == '/')
		real_top[--n] = '\0';
	if (strcmp(real_dir, real_top) == 0) {
		rel = ldr_strdup(ldr_path_base(file));
	} else if (strncmp(real_dir, real_top, n) == 0 && (real_dir[n] == '/' || n == 1)) {
		rel = ldr_path_join(real_dir + (n == 1 ? 1 : n + 1), ldr_path_base(file));
	} else {
		ldr_buf_addch(err, '\'');
		ldr_buf_addquoted(err, file, 200);
		ldr_buf_addstr(err, "' is outside the work tree of its repository");
	}
out:
	free(dir);
	free(real_dir);
	free(real_top);
	return rel;
}
