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
#include "roadmap.h"
#include "../base/diag.h"
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

/* Open a file to read ("-": standard input), noting it as an input.
 * Returns the descriptor, or -1 with a message in err. */
static int open_input(const char *path, struct stat *st, struct ldr_buf *err)
{
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		ldr_buf_addf(err, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	ldr_output_protect(path); /* an input: no output of this run replaces it */
	if (fstat(fd, st) < 0)
		memset(st, 0, sizeof(*st));
	if (S_ISDIR(st->st_mode)) {
		ldr_buf_addf(err, "%s: is a directory without a %s", path, LDR_ROADMAP_FILE);
		if (fd > 0)
			close(fd);
		return -1;
	}
	return fd;
}

static int read_fd(int fd, const char *path, const struct stat *st, struct ldr_buf *out,
		   struct ldr_buf *err)
{
	char chunk[65536];

	/* Room for a regular file at once: no copy as the buffer grows. */
	if (S_ISREG(st->st_mode) && st->st_size > 0 && (size_t)st->st_size <= LDR_MAX_FILE)
		ldr_grow((void **)&out->s, &out->cap, out->len + (size_t)st->st_size + 1, 1);
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ldr_buf_addf(err, "%s: cannot read: %s", path, strerror(errno));
			return -1;
		}
		if (n == 0)
			break;
		if (out->len + (size_t)n > LDR_MAX_FILE) {
			ldr_buf_addf(err, "%s: the file is too large: the limit is 64 MiB", path);
			return -1;
		}
		ldr_buf_add(out, chunk, (size_t)n);
	}
	if (!out->s)
		ldr_buf_add(out, "", 0);
	return 0;
}

int ldr_file_read(const char *path, struct ldr_buf *out, struct ldr_buf *err)
{
	struct stat st;
	int fd = open_input(path, &st, err), r;

	if (fd < 0)
		return -1;
	r = read_fd(fd, path, &st, out, err);
	if (fd > 0)
		close(fd);
	return r;
}

/* Decode the file as it is read; 1 when it must be read whole, from its
 * start (as a fresh rm and with diag as it was: the messages of the try
 * are dropped). */
static int load_stream(struct ldr_roadmap *rm, int fd, unsigned flags, struct ldr_diag *diag)
{
	struct ldr_diag mine;
	size_t i;
	int r;

	ldr_diag_init(&mine, diag->file);
	if (diag->max_errors) /* as many as diag has room for */
		mine.max_errors = diag->max_errors > diag->errors ? diag->max_errors - diag->errors : 1;
	else
		mine.max_errors = 0;
	r = ldr_roadmap_read_fd(rm, fd, flags, &mine);
	if (r == 1 && lseek(fd, 0, SEEK_SET) == 0) {
		ldr_roadmap_release(rm);
		ldr_roadmap_init(rm);
	} else if (r == 1) {
		r = -1; /* cannot go back: cannot happen to a regular file */
		ldr_diag_add(diag, LDR_ERROR, 0, 0, "cannot read the file again from its start");
	} else {
		for (i = 0; i < mine.n; i++)
			ldr_diag_add(diag, mine.v[i].severity, mine.v[i].line, mine.v[i].col, "%s",
				     mine.v[i].text);
	}
	ldr_diag_release(&mine);
	return r;
}

int ldr_roadmap_load(struct ldr_roadmap *rm, const char *path, unsigned flags, struct ldr_diag *diag,
		     struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT;
	struct stat st;
	int fd, r = -1;

	ldr_roadmap_init(rm);
	if ((fd = open_input(path, &st, err)) < 0)
		return -1;
	if (S_ISREG(st.st_mode) && fd > 0 && (r = load_stream(rm, fd, flags, diag)) != 1)
		goto out;
	r = -1;
	if (read_fd(fd, path, &st, &text, err) == 0)
		r = ldr_roadmap_read(rm, text.s, text.len, diag);
out:
	if (fd > 0)
		close(fd);
	ldr_buf_release(&text);
	return r;
}
