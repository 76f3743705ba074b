#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "node.h"
#include "../base/path.h"
#include "../base/write.h"

char *ldr_roadmap_path(const char *arg)
{
	struct stat st;
	struct ldr_buf b = LDR_BUF_INIT;

	if (strcmp(arg, "-") != 0 && stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
		ldr_buf_addstr(&b, arg);
		if (b.len && b.s[b.len - 1] != '/')
			ldr_buf_addch(&b, '/');
		ldr_buf_addstr(&b, LDR_ROADMAP_FILE);
		return ldr_buf_detach(&b);
	}
	return ldr_strdup(arg);
}

int ldr_file_read(const char *path, struct ldr_buf *out, struct ldr_buf *err)
{
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	char chunk[65536];
	int r = -1;

	if (fd < 0) {
		ldr_buf_addf(err, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	ldr_output_protect(path); /* an input: no output of this run replaces it */
	if (fstat(fd, &st) < 0)
		memset(&st, 0, sizeof(st));
	if (S_ISDIR(st.st_mode)) {
		ldr_buf_addf(err, "%s: is a directory without a %s", path, LDR_ROADMAP_FILE);
		goto out;
	}
	/* Room for a regular file at once: no copy as the buffer grows. */
	if (S_ISREG(st.st_mode) && st.st_size > 0 && (size_t)st.st_size <= LDR_MAX_FILE)
		ldr_grow((void **)&out->s, &out->cap, out->len + (size_t)st.st_size + 1, 1);
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ldr_buf_addf(err, "%s: cannot read: %s", path, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		if (out->len + (size_t)n > LDR_MAX_FILE) {
			ldr_buf_addf(err, "%s: the file is too large: the limit is 64 MiB", path);
			goto out;
		}
		ldr_buf_add(out, chunk, (size_t)n);
	}
	if (!out->s)
		ldr_buf_add(out, "", 0);
	r = 0;
out:
	if (fd > 0)
		close(fd);
	return r;
}
