/* Writing files: kept files under a lock, outputs behind a guard, both
 * renamed into place, and the temporary and lock files of either removed
 * if a signal ends the process first (see write.h).
 *
 * Signals. The handler removes the files registered below (each created by
 * this process, exclusively: never someone else's lock), restores the
 * default action and raises the signal again, so that the process ends as
 * the signal says (the shell sees 130 for SIGINT) and, killed before the
 * rename, leaves the old file. unlink(), signal() and raise() are
 * async-signal-safe; the registry is fixed-size, filled before it is marked
 * active. Where removing is not enough (the rename and the commit that must
 * follow it, libgit2's own temporary objects and locks), the signals are
 * held off instead and acted on once the step is complete: the file is
 * then the new one, committed. */
#include "write.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "path.h"

/* ---- the registry of files to remove on a signal -------------------------- */

#define MAX_TEMPS 8

static struct temp {
	volatile sig_atomic_t active;
	pid_t owner; /* a child made by fork does not remove its parent's files */
	char path[PATH_MAX];
} temps[MAX_TEMPS];

static const int held_signals[] = { SIGINT, SIGTERM, SIGHUP };
static int held;
static sigset_t held_mask;

static void handled_set(sigset_t *s)
{
	size_t i;

	sigemptyset(s);
	for (i = 0; i < LDR_ARRAY_SIZE(held_signals); i++)
		sigaddset(s, held_signals[i]);
}

void ldr_signals_hold(void)
{
	sigset_t s;

	if (held++)
		return;
	handled_set(&s);
	sigprocmask(SIG_BLOCK, &s, &held_mask);
}

void ldr_signals_release(void)
{
	if (!held || --held)
		return;
	sigprocmask(SIG_SETMASK, &held_mask, NULL);
}

static void on_signal(int sig)
{
	pid_t me = getpid();
	size_t i;

	for (i = 0; i < MAX_TEMPS; i++)
		if (temps[i].active && temps[i].owner == me)
			unlink(temps[i].path);
	signal(sig, SIG_DFL);
	raise(sig); /* delivered as the handler returns: the process ends */
}

void ldr_signals_install(void)
{
	struct sigaction sa, old;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	handled_set(&sa.sa_mask);
	for (i = 0; i < LDR_ARRAY_SIZE(held_signals); i++) {
		/* An ignored signal stays ignored (nohup, a background job). */
		if (sigaction(held_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(held_signals[i], &sa, NULL);
	}
}

/* Register a file just created; the slot, or -1 when it cannot be (the
 * caller then removes the file). Called with the signals held. */
static int temp_add(const char *path)
{
	size_t i, n = strlen(path);

	for (i = 0; i < MAX_TEMPS && n < PATH_MAX; i++) {
		if (temps[i].active)
			continue;
		memcpy(temps[i].path, path, n + 1);
		temps[i].owner = getpid();
		atomic_signal_fence(memory_order_seq_cst); /* the path first, then active */
		temps[i].active = 1;
		return (int)i;
	}
	return -1;
}

/* The file is renamed or removed: no longer ours to remove. */
static void temp_forget(int *slot)
{
	if (*slot >= 0)
		temps[*slot].active = 0;
	*slot = -1;
}

/* Remove a registered file and forget it, as one step. */
static void temp_remove(int *slot)
{
	if (*slot < 0)
		return;
	ldr_signals_hold();
	unlink(temps[*slot].path);
	temp_forget(slot);
	ldr_signals_release();
}

/* Create path exclusively (mode 0600) and register it: the descriptor, or
 * -1 with errno. */
static int create_registered(char *path, int template, int *slot)
{
	int fd, e;

	ldr_signals_hold();
	fd = template ? mkstemp(path) : open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	e = errno;
	if (fd >= 0 && template)
		fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (fd >= 0 && (*slot = temp_add(path)) < 0) {
		unlink(path);
		close(fd);
		fd = -1;
		e = EMFILE;
	}
	ldr_signals_release();
	errno = e;
	return fd;
}

/* ---- shared steps -------------------------------------------------------- */

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static void add_quoted(struct ldr_buf *b, const char *s)
{
	ldr_buf_addch(b, '\'');
	ldr_buf_addquoted(b, s, 200);
	ldr_buf_addch(b, '\'');
}

static int fail_errno(struct ldr_buf *err, const char *what, const char *path, int e)
{
	ldr_buf_addf(err, "cannot %s ", what);
	add_quoted(err, path);
	ldr_buf_addf(err, ": %s", strerror(e));
	return LDR_E_IO;
}

/* The mode a new file gets: 0666 less the umask. */
static mode_t new_mode(void)
{
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

/* Whether the file may be written: its permissions say so (root may write
 * anything, but a file without a write bit was made read-only on purpose). */
static int writable(const char *path, const struct stat *st)
{
	if (geteuid() == 0)
		return (st->st_mode & 0222) != 0;
	return access(path, W_OK) == 0 || errno != EACCES;
}

static int read_only(struct ldr_buf *err, const char *path)
{
	add_quoted(err, path);
	ldr_buf_addstr(err, " is read-only: not replaced (make it writable first, if it should be)");
	return LDR_E_PERM;
}

/* Give the new file the old one's group, and its owner when ldr may (as
 * root): as a copy made with 'cp -p' would have them. strict: refuse when
 * the group cannot be kept (the members of the group would lose the file). */
static int keep_owner(int fd, const struct stat *old, const char *path, int strict, struct ldr_buf *err)
{
	struct stat now;

	if (fchown(fd, geteuid() == 0 ? old->st_uid : (uid_t)-1, old->st_gid) == 0 || !strict)
		return 0;
	if (fstat(fd, &now) == 0 && now.st_gid == old->st_gid)
		return 0;
	ldr_buf_addstr(err, "cannot keep the group of ");
	add_quoted(err, path);
	ldr_buf_addf(err, " (group id %ld), which you are not in: not saved, so that its members keep "
		     "the file ('chgrp' it to a group of yours first)", (long)old->st_gid);
	return LDR_E_PERM;
}

static void sync_dir(const char *dir)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (dfd >= 0) {
		fsync(dfd); /* the rename is done: a failure here cannot be undone */
		close(dfd);
	}
}

/* ---- kept files ---------------------------------------------------------- */

/* Where a symbolic link points, made absolute against its directory: for
 * a link to a file not there yet. */
static char *link_target(const char *path)
{
	char buf[PATH_MAX];
	ssize_t n = readlink(path, buf, sizeof(buf) - 1);
	char *dir, *joined;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	if (buf[0] == '/')
		return ldr_strdup(buf);
	dir = ldr_path_dir(path);
	joined = ldr_path_join(dir, buf);
	free(dir);
	return joined;
}

/* The file to replace: path, or the file a link at path names. */
static char *kept_target(const char *path, struct ldr_buf *err)
{
	struct stat st;
	char *target;

	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return ldr_strdup(path);
	target = realpath(path, NULL);
	if (!target && errno == ENOENT)
		target = link_target(path);
	if (!target)
		fail_errno(err, "follow the link", path, errno);
	return target;
}

static int explain_lock(struct ldr_buf *err, const char *lock)
{
	struct stat st;

	add_quoted(err, lock);
	ldr_buf_addstr(err, " exists");
	if (stat(lock, &st) == 0) {
		long age = (long)(ldr_now() - (long long)st.st_mtime);
		ldr_buf_addf(err, " (%ld second%s old)", age, age == 1 ? "" : "s");
	}
	ldr_buf_addstr(err, ": another save is in progress, or one was interrupted; if no ldr is "
		       "running, remove it and save again");
	return LDR_E_LOCKED;
}

static int lock_failed(struct ldr_buf *err, const char *path, const char *target, const char *lock)
{
	int e = errno;
	char *dir;

	if (e == EEXIST)
		return explain_lock(err, lock);
	if (e != ENOENT && e != ENOTDIR)
		return fail_errno(err, "write", path, e);
	dir = ldr_path_dir(target);
	ldr_buf_addstr(err, "cannot write ");
	add_quoted(err, path);
	ldr_buf_addstr(err, ": no directory ");
	add_quoted(err, dir);
	free(dir);
	return LDR_E_IO;
}

/* Rename the written lock over the target, with the signals held so that
 * it is never half done: then forget the lock, renamed. */
static int rename_registered(int *slot, const char *from, const char *to, const char *path,
			     struct ldr_buf *err)
{
	int r = 0;

	ldr_signals_hold();
	if (rename(from, to) < 0)
		r = fail_errno(err, "replace", path, errno);
	else
		temp_forget(slot);
	ldr_signals_release();
	return r;
}

/* Write the lock's content, with the old file's mode and owners. */
static int fill_lock(int fd, const char *path, const char *lock, const struct stat *old, const char *data,
		     size_t len, struct ldr_buf *err)
{
	int r;

	if (old && (r = keep_owner(fd, old, path, 1, err)) < 0)
		return r;
	if (fchmod(fd, old ? old->st_mode & 07777 : new_mode()) < 0 || write_all(fd, data, len) < 0 ||
	    fsync(fd) < 0)
		return fail_errno(err, "write", lock, errno);
	return 0;
}

int ldr_write_file(const char *path, const char *data, size_t len, struct ldr_buf *err)
{
	struct ldr_buf lock = LDR_BUF_INIT;
	struct stat st;
	char *target = kept_target(path, err), *dir = NULL;
	int fd = -1, slot = -1, have_old, r = LDR_E_IO;

	if (!target)
		return LDR_E_IO;
	have_old = stat(target, &st) == 0;
	if (have_old && !writable(target, &st)) {
		r = read_only(err, path);
		goto out;
	}
	ldr_buf_addf(&lock, "%s.lock", target);
	fd = create_registered(lock.s, 0, &slot);
	if (fd < 0) {
		r = lock_failed(err, path, target, lock.s);
		goto out;
	}
	r = fill_lock(fd, path, lock.s, have_old ? &st : NULL, data, len, err);
	if (close(fd) < 0 && r == 0)
		r = fail_errno(err, "write", lock.s, errno);
	if (r == 0)
		r = rename_registered(&slot, lock.s, target, path, err);
	if (r == 0)
		sync_dir(dir = ldr_path_dir(target));
out:
	temp_remove(&slot);
	ldr_buf_release(&lock);
	free(target);
	free(dir);
	return r;
}

/* ---- the inputs no output may replace ------------------------------------- */

struct file_id {
	dev_t dev;
	ino_t ino;
};
static struct file_id *inputs;
static size_t ninputs, inputs_cap;

static int is_input(const struct stat *st)
{
	size_t i;

	for (i = 0; i < ninputs; i++)
		if (inputs[i].dev == st->st_dev && inputs[i].ino == st->st_ino)
			return 1;
	return 0;
}

void ldr_output_protect(const char *path)
{
	struct stat st;

	if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || is_input(&st))
		return;
	ldr_grow((void **)&inputs, &inputs_cap, ninputs + 1, sizeof(*inputs));
	inputs[ninputs].dev = st.st_dev;
	inputs[ninputs].ino = st.st_ino;
	ninputs++;
}

/* ---- outputs: the guard ----------------------------------------------------- */

/* Whether dir (a real path) is a git directory: HEAD, objects/ and refs/. */
static int is_git_dir(const char *dir)
{
	static const char *const parts[] = { "HEAD", "objects", "refs" };
	struct stat st;
	size_t i;
	int ok = 1;

	for (i = 0; i < LDR_ARRAY_SIZE(parts) && ok; i++) {
		char *p = ldr_path_join(dir, parts[i]);
		ok = stat(p, &st) == 0 && (i == 0 ? S_ISREG(st.st_mode) : S_ISDIR(st.st_mode));
		free(p);
	}
	return ok;
}

/* Whether the real directory dir is, or is inside, a git directory. */
static int in_git_dir(const char *dir)
{
	char *p = ldr_strdup(dir), *slash;
	int found = 0;

	while (!found && p[0]) {
		found = strcmp(ldr_path_base(p), ".git") == 0 || is_git_dir(p);
		slash = strrchr(p, '/');
		if (!slash)
			break;
		*slash = '\0';
	}
	free(p);
	return found;
}

/* "'a.csv' is a symbolic link to 'hop', a link to '../secret.txt'": every
 * hop of the chain, up to a limit. */
static int explain_link(struct ldr_buf *err, const char *path, const char *real)
{
	char *cur = ldr_strdup(real), buf[PATH_MAX];
	struct stat st;
	int hop;

	add_quoted(err, path);
	ldr_buf_addstr(err, " is a symbolic link");
	for (hop = 0; hop < 8 && lstat(cur, &st) == 0 && S_ISLNK(st.st_mode); hop++) {
		ssize_t n = readlink(cur, buf, sizeof(buf) - 1);
		char *next;
		if (n < 0)
			break;
		buf[n] = '\0';
		ldr_buf_addstr(err, hop ? ", a link to " : " to ");
		add_quoted(err, buf);
		next = link_target(cur);
		free(cur);
		cur = next ? next : ldr_strdup("");
	}
	if (hop == 8)
		ldr_buf_addstr(err, ", ...");
	ldr_buf_addstr(err, ": an output is never written through a link; remove it, or choose "
		       "another name");
	free(cur);
	return LDR_E_LINK;
}

/* What may stand at the output's name: nothing, or a regular file that
 * is not a link, not an input and not read-only. */
static int check_existing(const struct ldr_output *o, const char *real, struct ldr_buf *err)
{
	struct stat st;

	if (fstatat(o->dirfd, o->name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return errno == ENOENT ? 0 : fail_errno(err, "write", o->path, errno);
	if (S_ISLNK(st.st_mode))
		return explain_link(err, o->path, real);
	if (S_ISDIR(st.st_mode))
		return fail_errno(err, "write", o->path, EISDIR);
	if (is_input(&st)) {
		add_quoted(err, o->path);
		ldr_buf_addstr(err, " is a file this command reads (the roadmap itself, or another name "
			       "for it): choose another output");
		return LDR_E_INPUT;
	}
	if (!S_ISREG(st.st_mode)) {
		add_quoted(err, o->path);
		ldr_buf_addstr(err, " is not a regular file: choose another output");
		return LDR_E_IO;
	}
	return writable(real, &st) ? 0 : read_only(err, o->path);
}

/* ---- outputs: writing -------------------------------------------------------- */

static int output_dir(struct ldr_output *o, char **realdir, struct ldr_buf *err)
{
	char *dir = ldr_path_dir(o->path);
	int r = 0;

	*realdir = realpath(dir, NULL);
	if (!*realdir || (o->dirfd = open(*realdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		int e = errno;
		ldr_buf_addstr(err, "cannot write ");
		add_quoted(err, o->path);
		ldr_buf_addstr(err, e == ENOENT || e == ENOTDIR ? ": no directory " : ": ");
		if (e == ENOENT || e == ENOTDIR)
			add_quoted(err, dir);
		else
			ldr_buf_addstr(err, strerror(e));
		r = LDR_E_IO;
	} else if (in_git_dir(*realdir)) {
		add_quoted(err, o->path);
		ldr_buf_addstr(err, " is inside a git directory, whose files are git's: choose another output");
		r = LDR_E_GITDIR;
	}
	free(dir);
	return r;
}

/* ".NAME.XXXXXX" in the real directory, so that the rename is atomic. */
static int output_tmp(struct ldr_output *o, const char *realdir, struct ldr_buf *err)
{
	struct ldr_buf tmp = LDR_BUF_INIT;

	ldr_buf_addstr(&tmp, realdir);
	if (tmp.s[tmp.len - 1] != '/')
		ldr_buf_addch(&tmp, '/');
	ldr_buf_addf(&tmp, ".%.200s.XXXXXX", o->name);
	o->fd = create_registered(tmp.s, 1, &o->slot);
	if (o->fd < 0) {
		int e = errno;
		ldr_buf_release(&tmp);
		ldr_buf_addstr(err, "cannot create a file beside ");
		add_quoted(err, o->path);
		ldr_buf_addf(err, ": %s", strerror(e));
		return LDR_E_IO;
	}
	o->tmp = ldr_buf_detach(&tmp);
	return 0;
}

int ldr_output_begin(struct ldr_output *o, const char *path, struct ldr_buf *err)
{
	char *realdir = NULL, *real = NULL;
	int r;

	*o = (struct ldr_output)LDR_OUTPUT_INIT;
	o->path = ldr_strdup(path);
	o->name = ldr_strdup(ldr_path_base(path));
	if (!o->name[0] || !strcmp(o->name, ".") || !strcmp(o->name, ".."))
		r = fail_errno(err, "write", path, EISDIR);
	else if ((r = output_dir(o, &realdir, err)) == 0)
		r = check_existing(o, real = ldr_path_join(realdir, o->name), err);
	if (r == 0)
		r = output_tmp(o, realdir, err);
	free(realdir);
	free(real);
	if (r < 0)
		ldr_output_abort(o);
	return r;
}

int ldr_output_write(struct ldr_output *o, const char *data, size_t len, struct ldr_buf *err)
{
	if (ftruncate(o->fd, 0) < 0 || lseek(o->fd, 0, SEEK_SET) < 0 || write_all(o->fd, data, len) < 0)
		return fail_errno(err, "write", o->path, errno);
	return 0;
}

void ldr_output_abort(struct ldr_output *o)
{
	temp_remove(&o->slot);
	if (o->fd >= 0)
		close(o->fd);
	if (o->dirfd >= 0)
		close(o->dirfd);
	free(o->path);
	free(o->tmp);
	free(o->name);
	*o = (struct ldr_output)LDR_OUTPUT_INIT;
}

/* The temporary file is still the one created, not replaced by another
 * (a library writes it by name). */
static int still_ours(const struct ldr_output *o, struct ldr_buf *err)
{
	struct stat a, b;

	if (fstat(o->fd, &a) == 0 && fstatat(o->dirfd, ldr_path_base(o->tmp), &b, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(b.st_mode) && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return 0;
	add_quoted(err, o->tmp);
	ldr_buf_addstr(err, " was replaced while it was written: not renamed into place");
	return LDR_E_LINK;
}

/* The old file's mode and owners for the new one, or the umask's mode. */
static int output_mode(const struct ldr_output *o, struct ldr_buf *err)
{
	struct stat st;

	if (fstatat(o->dirfd, o->name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
		return fchmod(o->fd, new_mode()) < 0 ? fail_errno(err, "write", o->path, errno) : 0;
	keep_owner(o->fd, &st, o->path, 0, err);
	return fchmod(o->fd, st.st_mode & 07777) < 0 ? fail_errno(err, "write", o->path, errno) : 0;
}

static int output_rename(struct ldr_output *o, struct ldr_buf *err)
{
	int r = 0;

	ldr_signals_hold();
	if (renameat(o->dirfd, ldr_path_base(o->tmp), o->dirfd, o->name) < 0)
		r = fail_errno(err, "replace", o->path, errno);
	else
		temp_forget(&o->slot);
	ldr_signals_release();
	if (r == 0)
		fsync(o->dirfd); /* the rename is done: a failure here cannot be undone */
	return r;
}

int ldr_output_commit(struct ldr_output *o, struct ldr_buf *err)
{
	int r = still_ours(o, err);

	if (r == 0)
		r = output_mode(o, err);
	if (r == 0 && fsync(o->fd) < 0)
		r = fail_errno(err, "write", o->path, errno);
	if (r == 0)
		r = output_rename(o, err);
	ldr_output_abort(o);
	return r;
}

int ldr_output_save(const char *path, const char *data, size_t len, struct ldr_buf *err)
{
	struct ldr_output o;
	int r = ldr_output_begin(&o, path, err);

	if (r < 0)
		return r;
	if ((r = ldr_output_write(&o, data, len, err)) < 0) {
		ldr_output_abort(&o);
		return r;
	}
	return ldr_output_commit(&o, err);
}
