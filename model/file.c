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
#include "path.h"

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

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Where a symbolic link points, made absolute against its directory. */
static char *link_target(const char *path)
{
	char buf[4096];
	ssize_t n = readlink(path, buf, sizeof(buf) - 1);
	struct ldr_buf b = LDR_BUF_INIT;
	char *dir;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	if (buf[0] == '/')
		return ldr_strdup(buf);
	dir = ldr_path_dir(path);
	ldr_buf_addf(&b, "%s/%s", dir, buf);
	free(dir);
	return ldr_buf_detach(&b);
}

static void explain_lock(const char *lock, struct ldr_buf *err)
{
	struct stat st;
	ldr_buf_addf(err, "%s exists: another save is in progress, or one was interrupted", lock);
	if (stat(lock, &st) == 0) {
		long age = (long)(time(NULL) - st.st_mtime);
		ldr_buf_addf(err, " (it is %ld second%s old)", age, age == 1 ? "" : "s");
	}
	ldr_buf_addstr(err, "; if no ldr is running, remove it and save again");
}

int ldr_file_write_atomic(const char *path, const char *data, size_t len, struct ldr_buf *err)
{
	struct ldr_buf lock = LDR_BUF_INIT;
	char *target = NULL, *dir = NULL;
	struct stat st;
	int fd = -1, dfd, r = -1, have_old;
	mode_t mode;

	/* Write through a symbolic link to the file it names (which may not
	 * exist yet: then to where it points). */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		target = realpath(path, NULL);
		if (!target && errno == ENOENT)
			target = link_target(path);
		if (!target) {
			ldr_buf_addf(err, "%s: cannot follow the link: %s", path, strerror(errno));
			return -1;
		}
	} else {
		target = ldr_strdup(path);
	}
	have_old = stat(target, &st) == 0;
	if (!have_old) {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	} else {
		mode = st.st_mode & 07777;
	}
	ldr_buf_addf(&lock, "%s.lock", target);
	fd = open(lock.s, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			explain_lock(lock.s, err);
		else if (errno == ENOENT || errno == ENOTDIR)
			ldr_buf_addf(err, "%s: cannot write: no directory %s", path,
				     (dir = ldr_path_dir(target)));
		else
			ldr_buf_addf(err, "%s: cannot write: %s", path, strerror(errno));
		goto out;
	}
	if (have_old && fchown(fd, (uid_t)-1, st.st_gid) < 0) {
		/* Not in that group: the file becomes ours alone, like any new file. */
	}
	if (fchmod(fd, mode) < 0 || write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		ldr_buf_addf(err, "%s: cannot write: %s", lock.s, strerror(errno));
		goto fail;
	}
	if (close(fd) < 0) {
		fd = -1;
		ldr_buf_addf(err, "%s: cannot write: %s", lock.s, strerror(errno));
		goto fail;
	}
	fd = -1;
	if (rename(lock.s, target) < 0) {
		ldr_buf_addf(err, "%s: cannot replace: %s", target, strerror(errno));
		goto fail;
	}
	dir = ldr_path_dir(target);
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd); /* the rename is done; a failure here cannot be undone */
		close(dfd);
	}
	r = 0;
	goto out;
fail:
	if (fd >= 0)
		close(fd);
	unlink(lock.s);
out:
	ldr_buf_release(&lock);
	free(target);
	free(dir);
	return r;
}
