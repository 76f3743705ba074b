/* The roadmap's repository, through libgit2 (with remote.c, for sharing).
 *
 * A save, all under an exclusive flock(2) of the git directory, so that two
 * ldr processes saving the same repository take turns (the kernel drops the
 * lock of a killed process, so a crash leaves no lock of ours behind):
 *
 *   1. check that the file and HEAD are as loaded, and that no git lock
 *      (index.lock, the branch's .lock) is in the way: else change nothing;
 *   2. write the blob, tree and commit objects (nothing refers to them yet);
 *   3. replace the file atomically (roadmap.yaml.lock, fsync, rename);
 *   4. move the branch to the new commit, if it still names the commit loaded
 *      (compare and swap under git's own ref lock);
 *   5. update the index, so that 'git status' agrees.
 *
 * Killed before 3, nothing visible changed. Killed between 3 and 4, the file
 * holds the edit and HEAD does not: a change not committed, which 'ldr diff'
 * shows and the next save commits. The file is replaced before the branch
 * moves, never after, so that no interruption can leave a committed edit
 * that the file silently reverts on the next save. */
#include "repo_git.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../roadmap/date.h"
#include "../base/clock.h"
#include "../base/diag.h"
#include "../roadmap/file.h"
#include "../base/path.h"
#include "../base/write.h"

#define LOCK_WAIT_MS 10000

/* ---- errors ------------------------------------------------------------ */

/* Append libgit2's message for the last error, made safe for a terminal. */
void repo_add_git_error(struct ldr_buf *err)
{
	const git_error *e = git_error_last();
	const char *m = e && e->message ? e->message : "unknown error";
	size_t n = strlen(m);

	while (n && (m[n - 1] == '\n' || m[n - 1] == '.'))
		n--;
	{
		char *copy = ldr_strndup(m, n);
		ldr_buf_addquoted(err, copy, 300);
		free(copy);
	}
}

int repo_fail(struct ldr_buf *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ldr_buf_vaddf(err, fmt, ap);
	va_end(ap);
	return -1;
}

int repo_git_fail(struct ldr_buf *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ldr_buf_vaddf(err, fmt, ap);
	va_end(ap);
	ldr_buf_addstr(err, ": ");
	repo_add_git_error(err);
	return -1;
}

void repo_add_quoted(struct ldr_buf *b, const char *s)
{
	ldr_buf_addch(b, '\'');
	ldr_buf_addquoted(b, s, 200);
	ldr_buf_addch(b, '\'');
}

static long age_of(const char *path)
{
	struct stat st;
	if (stat(path, &st) < 0)
		return -1;
	return (long)(ldr_now() - (long long)st.st_mtime);
}

/* "PATH exists (N seconds old): ..." for a lock file left in the way. */
static int lock_in_way(struct ldr_buf *err, const char *path, const char *what)
{
	long age = age_of(path);
	repo_add_quoted(err, path);
	ldr_buf_addstr(err, " exists");
	if (age >= 0)
		ldr_buf_addf(err, " (%ld second%s old)", age, age == 1 ? "" : "s");
	ldr_buf_addf(err, ": %s is running, or one was interrupted; if none is running, "
		     "remove it and try again", what);
	return LDR_E_LOCKED;
}

/* ---- library set-up ------------------------------------------------------ */

static int repo_lib_init(void)
{
	if (git_libgit2_init() < 0)
		return -1;
	/* libgit2 does not flush what it writes unless asked to. */
	git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
	/* It hashes every object it reads again to check it, which is nearly half
	 * the time of reading a long history; git itself leaves that to fsck. */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	return 0;
}

/* ---- opening ------------------------------------------------------------ */

/* The work tree whose .git is nearest above dir (dir itself, maybe): the
 * directory git names for safe.directory. NULL if none is found. */
static char *work_tree_above(const char *dir)
{
	char *at = realpath(dir, NULL);

	while (at) {
		char *git = ldr_path_join(at, ".git"), *up;
		struct stat st;
		int found = lstat(git, &st) == 0;
		free(git);
		if (found)
			return at;
		up = strcmp(at, "/") ? ldr_path_dir(at) : NULL;
		free(at);
		at = up;
	}
	return NULL;
}

/* libgit2 1.5 refuses a repository owned by another user with GIT_ENOTFOUND
 * and a message naming the owner; later versions say GIT_EOWNER. Said as
 * git says it, with the command that trusts it. */
static int open_error(struct ldr_buf *err, const char *dir, int code)
{
	const git_error *e = git_error_last();
	const char *m = e && e->message ? e->message : "";

	if (code == GIT_EOWNER || strstr(m, "safe.directory") || strstr(m, "not owned")) {
		char *top = work_tree_above(dir);
		ldr_buf_addstr(err, "the repository at ");
		repo_add_quoted(err, top ? top : dir);
		ldr_buf_addf(err, " is owned by someone else; if you trust it: "
			     "git config --global --add safe.directory %s", top ? top : "DIR");
		free(top);
		return LDR_E_OWNER;
	}
	if (code == GIT_ENOTFOUND) {
		repo_add_quoted(err, dir);
		ldr_buf_addstr(err, " is not in a git repository ('ldr init DIR' makes one)");
		return LDR_E_NOREPO;
	}
	return repo_git_fail(err, "cannot open the repository of '%s'", dir);
}

static int open_at(struct ldr_repo **out, const char *file, unsigned flags, struct ldr_buf *err)
{
	struct ldr_repo *repo = NULL;
	char *dir = ldr_path_dir(file);
	struct stat st;
	int code, r = -1;

	*out = NULL;
	if (repo_lib_init() < 0) {
		repo_fail(err, "cannot start libgit2");
		free(dir);
		return -1;
	}
	repo = ldr_calloc(1, sizeof(*repo));
	repo->file = ldr_strdup(file);
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		repo_fail(err, "%s: cannot open: %s", dir, stat(dir, &st) < 0 ? strerror(errno) : strerror(ENOTDIR));
		goto out;
	}
	if (lstat(file, &st) == 0 && S_ISLNK(st.st_mode)) {
		repo_add_quoted(err, file);
		ldr_buf_addstr(err, " is a symbolic link: in a repository, ldr keeps the roadmap "
			       "in a regular file");
		goto out;
	}
	ldr_output_protect(file); /* read, if only at a revision: never an output */
	code = git_repository_open_ext(&repo->git, dir, flags, getenv("GIT_CEILING_DIRECTORIES"));
	if (code < 0) {
		r = open_error(err, dir, code);
		goto out;
	}
	if (git_repository_is_bare(repo->git)) {
		repo_fail(err, "the repository of '%s' is bare: ldr needs a work tree", dir);
		goto out;
	}
	repo->relpath = ldr_path_relative(file, git_repository_workdir(repo->git), err);
	if (!repo->relpath)
		goto out;
	r = 0;
out:
	free(dir);
	if (r < 0)
		ldr_repo_free(repo);
	else
		*out = repo;
	return r;
}

int ldr_repo_open(struct ldr_repo **out, const char *arg, struct ldr_buf *err)
{
	char *file = ldr_roadmap_path(arg);
	int r;

	if (strcmp(file, "-") == 0) {
		free(file);
		*out = NULL;
		return repo_fail(err, "standard input has no history: name a roadmap in a repository");
	}
	r = open_at(out, file, 0, err);
	free(file);
	return r;
}

void ldr_repo_free(struct ldr_repo *repo)
{
	if (!repo)
		return;
	free(repo->shallow);
	if (repo->git)
		git_repository_free(repo->git);
	free(repo->file);
	free(repo->relpath);
	free(repo);
	git_libgit2_shutdown();
}

const char *ldr_repo_file(const struct ldr_repo *repo)
{
	return repo->file;
}

const char *ldr_repo_relpath(const struct ldr_repo *repo)
{
	return repo->relpath;
}

const char *ldr_repo_gitdir(const struct ldr_repo *repo)
{
	return git_repository_path(repo->git);
}

/* ---- reading ----------------------------------------------------------- */

void repo_oid_hex(char *out, const git_oid *oid)
{
	git_oid_tostr(out, LDR_OID_HEX + 1, oid);
}

/* HEAD's commit, or 0 with *unborn set when the branch has none. */
int repo_head_oid(struct ldr_repo *repo, git_oid *oid, int *unborn, struct ldr_buf *err)
{
	int code = git_reference_name_to_id(oid, repo->git, "HEAD");

	*unborn = 0;
	if (code == GIT_ENOTFOUND || code == GIT_EUNBORNBRANCH) {
		*unborn = 1;
		return 0;
	}
	return code < 0 ? repo_git_fail(err, "cannot read HEAD") : 0;
}

/* The roadmap's blob id in a commit; "" if the commit has no such file. */
int repo_blob_in_commit(struct ldr_repo *repo, const git_commit *c, char *out, struct ldr_buf *err)
{
	git_tree *tree = NULL;
	git_tree_entry *e = NULL;
	int code, r = -1;

	out[0] = '\0';
	if (git_commit_tree(&tree, c) < 0) {
		repo_git_fail(err, "cannot read the tree of a commit");
		goto out;
	}
	code = git_tree_entry_bypath(&e, tree, repo->relpath);
	if (code == 0 && git_tree_entry_type(e) == GIT_OBJECT_BLOB)
		repo_oid_hex(out, git_tree_entry_id(e));
	else if (code < 0 && code != GIT_ENOTFOUND) {
		repo_git_fail(err, "cannot read '%s' in a commit", repo->relpath);
		goto out;
	}
	r = 0;
out:
	git_tree_entry_free(e);
	git_tree_free(tree);
	return r;
}

static int blob_at_head(struct ldr_repo *repo, const git_oid *head, char *out, struct ldr_buf *err)
{
	git_commit *c = NULL;
	int r;

	if (git_commit_lookup(&c, repo->git, head) < 0)
		return repo_git_fail(err, "cannot read HEAD's commit");
	r = repo_blob_in_commit(repo, c, out, err);
	git_commit_free(c);
	return r;
}

static int first_mergehead(const git_oid *oid, void *payload)
{
	repo_oid_hex(payload, oid);
	return 1; /* the first is enough: a roadmap merges two sides */
}

/* The blob git would store for the file's bytes, into st->file: a file
 * cleaned by a filter is committed as its HEAD's blob is (a filter that
 * cannot be run here: as it is, so that it shows as changed). */
static int file_blob(struct ldr_repo *repo, const char *text, size_t len, struct ldr_loaded *st,
		     struct ldr_buf *err)
{
	struct ldr_buf clean = LDR_BUF_INIT, why = LDR_BUF_INIT;
	const char *p;
	size_t n;
	git_oid oid;
	int r = 0;

	if (repo_clean_view(repo, text, len, &clean, &p, &n, &why) != 0)
		p = text, n = len;
	if (git_odb_hash(&oid, p ? p : "", n, GIT_OBJECT_BLOB) < 0)
		r = repo_git_fail(err, "cannot hash '%s'", repo->file);
	else
		repo_oid_hex(st->file, &oid);
	ldr_buf_release(&clean);
	ldr_buf_release(&why);
	return r;
}

/* The state to compare against: HEAD, its blob, and the file's blob (of
 * the bytes given, the file already read, when given is not NULL; else
 * read here, into text when it is not NULL); a 'git merge' in progress. */
static int take_state(struct ldr_repo *repo, struct ldr_loaded *st, const char *given, size_t len,
		      struct ldr_buf *text, struct ldr_buf *err)
{
	struct ldr_buf own = LDR_BUF_INIT;
	struct ldr_buf *buf = text ? text : &own;
	git_oid oid;
	int unborn, r = -1;

	memset(st, 0, sizeof(*st));
	if (repo_head_oid(repo, &oid, &unborn, err) < 0)
		goto out;
	if (!unborn) {
		repo_oid_hex(st->head, &oid);
		if (blob_at_head(repo, &oid, st->committed, err) < 0)
			goto out;
	}
	if (given) {
		if (file_blob(repo, given, len, st, err) < 0)
			goto out;
	} else if (access(repo->file, F_OK) == 0) {
		if (ldr_file_read(repo->file, buf, err) < 0 || file_blob(repo, buf->s, buf->len, st, err) < 0)
			goto out;
	}
	if (git_repository_state(repo->git) == GIT_REPOSITORY_STATE_MERGE) {
		git_repository_mergehead_foreach(repo->git, first_mergehead, st->merging);
		st->merging_git = st->merging[0] != '\0';
	}
	r = 0;
out:
	ldr_buf_release(&own);
	return r;
}

int ldr_repo_state(struct ldr_repo *repo, const char *text, size_t len, struct ldr_loaded *st,
		   struct ldr_buf *err)
{
	return take_state(repo, st, text ? text : "", len, NULL, err);
}

int ldr_repo_merge_message(struct ldr_repo *repo, struct ldr_buf *msg)
{
	git_buf b = { NULL, 0, 0 };
	if (git_repository_message(&b, repo->git) < 0)
		return -1;
	ldr_buf_add(msg, b.ptr, b.size);
	git_buf_dispose(&b);
	return 0;
}

int ldr_repo_committed_as(struct ldr_repo *repo, const char *text, size_t len, struct ldr_commit *c,
			  char *head, struct ldr_buf *err)
{
	char committed[LDR_OID_HEX + 1], blob[LDR_OID_HEX + 1];
	struct ldr_buf clean = LDR_BUF_INIT, why = LDR_BUF_INIT;
	const char *p;
	size_t n;
	git_oid oid;
	int unborn, code;

	head[0] = '\0';
	if (repo_head_oid(repo, &oid, &unborn, err) < 0)
		return -1;
	if (unborn)
		return 0;
	repo_oid_hex(head, &oid);
	if (blob_at_head(repo, &oid, committed, err) < 0)
		return -1;
	if (repo_clean_view(repo, text, len, &clean, &p, &n, &why) != 0)
		p = text, n = len;
	code = git_odb_hash(&oid, p ? p : "", n, GIT_OBJECT_BLOB);
	ldr_buf_release(&clean);
	ldr_buf_release(&why);
	if (code < 0)
		return repo_git_fail(err, "cannot hash '%s'", repo->file);
	repo_oid_hex(blob, &oid);
	if (!committed[0])
		return 0;
	if (strcmp(blob, committed) != 0)
		return 2;
	return ldr_repo_resolve(repo, head, c, err) < 0 ? -1 : 1;
}

int ldr_loaded_dirty(const struct ldr_loaded *st)
{
	return strcmp(st->file, st->committed) != 0;
}

int ldr_repo_load(struct ldr_repo *repo, struct ldr_roadmap *rm, struct ldr_loaded *st,
		  struct ldr_diag *diag, struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT;
	int r = -1;

	ldr_roadmap_init(rm);
	if (take_state(repo, st, NULL, 0, &text, err) < 0)
		goto out;
	if (!st->file[0]) {
		repo_fail(err, "%s: cannot open: %s", repo->file, strerror(ENOENT));
		goto out;
	}
	r = ldr_roadmap_read(rm, text.s, text.len, diag);
out:
	ldr_buf_release(&text);
	return r;
}

static int what_moved(const struct ldr_loaded *then, const struct ldr_loaded *now,
		      const char *file, struct ldr_buf *err)
{
	if (strcmp(then->file, now->file) != 0) {
		repo_add_quoted(err, file);
		ldr_buf_addstr(err, " changed since loaded: it was saved by someone else; "
			       "load it again and redo the edit");
		return 1;
	}
	if (strcmp(then->head, now->head) != 0) {
		repo_add_quoted(err, file);
		ldr_buf_addf(err, " changed since loaded: HEAD moved from %.7s to %.7s "
			     "(a commit or a pull); load it again and redo the edit",
			     then->head[0] ? then->head : "nothing", now->head[0] ? now->head : "nothing");
		return 1;
	}
	return 0;
}

int ldr_repo_changed(struct ldr_repo *repo, const struct ldr_loaded *st, struct ldr_buf *err)
{
	struct ldr_loaded now;
	if (take_state(repo, &now, NULL, 0, NULL, err) < 0)
		return -1;
	return what_moved(st, &now, repo->file, err);
}

/* ---- identities -------------------------------------------------------- */

/* who is "AUTHOR" or "COMMITTER". */
int repo_signature(git_signature **out, struct ldr_repo *repo, const char *who, struct ldr_buf *err)
{
	char var[32];
	const char *name, *email, *date;
	git_signature *def = NULL;
	long long t;
	int offset, r = -1;

	*out = NULL;
	snprintf(var, sizeof(var), "GIT_%s_NAME", who);
	name = getenv(var);
	snprintf(var, sizeof(var), "GIT_%s_EMAIL", who);
	email = getenv(var);
	snprintf(var, sizeof(var), "GIT_%s_DATE", who);
	date = getenv(var);
	if ((!name || !*name || !email) && git_signature_default(&def, repo->git) < 0) {
		repo_fail(err, "who is saving? set user.name and user.email ('git config --global "
		          "user.name \"Your Name\"'), or GIT_%s_NAME and GIT_%s_EMAIL", who, who);
		goto out;
	}
	if (!name || !*name)
		name = def->name;
	if (!email)
		email = def->email;
	if (date && *date) {
		if (ldr_date_parse(date, &t, &offset) < 0) {
			repo_fail(err, "GIT_%s_DATE: cannot read '%s' (expected ISO 8601, as in "
			          "2016-06-30T12:00:00+01:00, or '@SECONDS +ZZZZ')", who, date);
			goto out;
		}
	} else {
		t = ldr_now();
		offset = ldr_date_local_offset(t);
	}
	if (git_signature_new(out, name, email, (git_time_t)t, offset) < 0) {
		repo_git_fail(err, "invalid identity '%s <%s>'", name, email);
		goto out;
	}
	r = 0;
out:
	git_signature_free(def);
	return r;
}

int ldr_repo_identity(struct ldr_repo *repo, struct ldr_identity *who, struct ldr_buf *err)
{
	git_signature *sig = NULL;

	memset(who, 0, sizeof(*who));
	if (repo_signature(&sig, repo, "COMMITTER", err) < 0)
		return -1;
	who->name = ldr_strdup(sig->name);
	who->email = ldr_strdup(sig->email);
	who->time = (long long)sig->when.time;
	who->offset = sig->when.offset;
	git_signature_free(sig);
	return 0;
}

void ldr_identity_release(struct ldr_identity *who)
{
	free(who->name);
	free(who->email);
	memset(who, 0, sizeof(*who));
}

/* ---- saving -------------------------------------------------------------- */

/* Serialise saves: an exclusive flock of the git directory, waited for. */
int repo_lock(struct ldr_repo *repo, int *fd, struct ldr_buf *err)
{
	const char *gitdir = git_repository_path(repo->git);
	int waited = 0;

	*fd = open(gitdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (*fd < 0)
		return repo_fail(err, "%s: cannot open: %s", gitdir, strerror(errno));
	while (flock(*fd, LOCK_EX | LOCK_NB) < 0) {
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		if (errno != EWOULDBLOCK && errno != EINTR) {
			repo_fail(err, "%s: cannot lock: %s", gitdir, strerror(errno));
			goto fail;
		}
		if (waited >= LOCK_WAIT_MS) {
			repo_fail(err, "another ldr has been saving in '%s' for %d seconds: try again later",
			          gitdir, LOCK_WAIT_MS / 1000);
			close(*fd);
			*fd = -1;
			return LDR_E_LOCKED;
		}
		nanosleep(&ts, NULL);
		waited += 10;
	}
	return 0;
fail:
	close(*fd);
	*fd = -1;
	return -1;
}

void repo_unlock(int fd)
{
	if (fd >= 0)
		close(fd); /* closing drops the flock */
}

/* The branch HEAD names ("refs/heads/main"), or "HEAD" when detached. */
char *repo_head_target(struct ldr_repo *repo, struct ldr_buf *err)
{
	git_reference *head = NULL;
	char *name = NULL;

	if (git_reference_lookup(&head, repo->git, "HEAD") < 0) {
		repo_git_fail(err, "cannot read HEAD");
		return NULL;
	}
	if (git_reference_type(head) == GIT_REFERENCE_SYMBOLIC)
		name = ldr_strdup(git_reference_symbolic_target(head));
	else
		name = ldr_strdup("HEAD");
	git_reference_free(head);
	return name;
}

static char *ref_lock_path(struct ldr_repo *repo, const char *refname)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char *path = ldr_path_join(git_repository_path(repo->git), refname);
	ldr_buf_addf(&b, "%s.lock", path);
	free(path);
	return ldr_buf_detach(&b);
}

/* git's own locks, which would make step 4 or 5 fail after the file is
 * written: find them first, and leave them alone. */
static int check_git_locks(struct ldr_repo *repo, const char *refname, struct ldr_buf *err)
{
	const char *gitdir = git_repository_path(repo->git);
	char *path = ldr_path_join(gitdir, "index.lock");
	int r = 0;

	if (access(path, F_OK) == 0)
		r = lock_in_way(err, path, "a git command");
	free(path);
	if (r < 0)
		return r;
	path = ref_lock_path(repo, refname);
	if (access(path, F_OK) == 0)
		r = lock_in_way(err, path, "a git command");
	free(path);
	return r;
}

/* Whether the repository tracks the file (in HEAD or in the index). */
static int tracked(struct ldr_repo *repo, const struct ldr_loaded *st)
{
	git_index *idx = NULL;
	int found = 0;

	if (st->committed[0])
		return 1;
	if (git_repository_index(&idx, repo->git) == 0) {
		found = git_index_get_bypath(idx, repo->relpath, 0) != NULL;
		git_index_free(idx);
	}
	return found;
}

/* A merge's tree with the roadmap's new blob: git's index (a 'git merge'
 * in progress: git merged the other files there), or the merge of the two
 * commits' trees (a sync). Either way, only the roadmap may be in conflict:
 * other files are git's to merge. */
static int merge_tree(struct ldr_repo *repo, const git_commit *ours, const struct ldr_loaded *st,
		      const git_oid *blob, git_oid *tree_oid, struct ldr_buf *err)
{
	git_index *idx = NULL;
	git_index_conflict_iterator *it = NULL;
	const git_index_entry *anc, *our, *their;
	git_commit *theirs = NULL;
	git_index_entry e;
	git_oid oid;
	char *path = NULL;
	int code, r = -1;

	if (st->merging_git) {
		path = ldr_path_join(git_repository_path(repo->git), "index");
		code = git_index_open(&idx, path);
	} else {
		code = git_oid_fromstr(&oid, st->merging);
		if (code == 0)
			code = git_commit_lookup(&theirs, repo->git, &oid);
		if (code == 0)
			code = git_merge_commits(&idx, repo->git, ours, theirs, NULL);
	}
	if (code < 0 || git_index_conflict_iterator_new(&it, idx) < 0) {
		repo_git_fail(err, "cannot merge the other files of %.7s", st->merging);
		goto out;
	}
	while (git_index_conflict_next(&anc, &our, &their, it) == 0) {
		const char *p = our ? our->path : their ? their->path : anc->path;
		if (strcmp(p, repo->relpath) != 0) {
			repo_add_quoted(err, p);
			ldr_buf_addstr(err, st->merging_git
				       ? " is in conflict too: resolve it with git first ('git status' says how)"
				       : " changed on both sides too, and only git merges files other than the "
					 "roadmap: merge with 'git pull'; nothing changed");
			goto out;
		}
	}
	git_index_conflict_remove(idx, repo->relpath);
	memset(&e, 0, sizeof(e));
	e.mode = GIT_FILEMODE_BLOB;
	e.id = *blob;
	e.path = repo->relpath;
	if (git_index_add(idx, &e) < 0 || git_index_write_tree_to(tree_oid, idx, repo->git) < 0) {
		repo_git_fail(err, "cannot make the merge's tree");
		goto out;
	}
	r = 0;
out:
	git_index_conflict_iterator_free(it);
	git_index_free(idx);
	git_commit_free(theirs);
	free(path);
	return r;
}

void repo_message(struct ldr_buf *msg, const char *message, const char *fallback)
{
	ldr_buf_addstr(msg, message && *message ? message : fallback);
	while (msg->len && (msg->s[msg->len - 1] == '\n' || msg->s[msg->len - 1] == ' '))
		msg->s[--msg->len] = '\0';
	ldr_buf_addch(msg, '\n');
}

int repo_who(struct repo_who *who, struct ldr_repo *repo, struct ldr_buf *err)
{
	memset(who, 0, sizeof(*who));
	if (repo_signature(&who->author, repo, "AUTHOR", err) < 0 ||
	    repo_signature(&who->committer, repo, "COMMITTER", err) < 0) {
		repo_who_free(who);
		return -1;
	}
	return 0;
}

void repo_who_free(struct repo_who *who)
{
	git_signature_free(who->author);
	git_signature_free(who->committer);
	memset(who, 0, sizeof(*who));
}

int repo_commit_tree(struct ldr_repo *repo, const struct repo_who *who, const git_tree *tree, size_t nparents,
		     const git_commit **parents, const char *message, const char *fallback, git_oid *out,
		     struct ldr_buf *err)
{
	struct ldr_buf msg = LDR_BUF_INIT;
	int r = 0;

	repo_message(&msg, message, fallback);
	if (git_commit_create(out, repo->git, NULL, who->author, who->committer, NULL, msg.s, tree, nparents,
			      parents) < 0)
		r = repo_git_fail(err, "cannot make the commit");
	ldr_buf_release(&msg);
	return r;
}

/* Step 2: the objects of the new commit, on the parent loaded (and the
 * commit being merged, if any). */
static int make_commit(struct ldr_repo *repo, const char *text, size_t len, const struct ldr_loaded *st,
		       const char *message, git_oid *commit_id, struct ldr_buf *err)
{
	struct repo_who who;
	git_commit *parent = NULL, *other = NULL;
	git_tree *base = NULL, *tree = NULL;
	git_tree_update up;
	git_oid oid, tree_oid;
	const git_commit *parents[2];
	int r = -1;

	/* Who saves, before anything is stored: no object is left behind
	 * when nobody can be named. */
	if (repo_who(&who, repo, err) < 0)
		return -1;
	if (git_blob_create_from_buffer(&up.id, repo->git, text, len) < 0) {
		repo_git_fail(err, "cannot store the roadmap in the repository");
		goto out;
	}
	if (st->head[0]) {
		if (git_oid_fromstr(&oid, st->head) < 0 || git_commit_lookup(&parent, repo->git, &oid) < 0 ||
		    git_commit_tree(&base, parent) < 0) {
			repo_git_fail(err, "cannot read commit %.7s", st->head);
			goto out;
		}
	}
	if (st->merging[0] && (git_oid_fromstr(&oid, st->merging) < 0 ||
			       git_commit_lookup(&other, repo->git, &oid) < 0)) {
		repo_git_fail(err, "cannot read commit %.7s", st->merging);
		goto out;
	}
	up.action = GIT_TREE_UPDATE_UPSERT;
	up.filemode = GIT_FILEMODE_BLOB;
	up.path = repo->relpath;
	if (other && parent) {
		if (merge_tree(repo, parent, st, &up.id, &tree_oid, err) < 0)
			goto out;
	} else if (git_tree_create_updated(&tree_oid, repo->git, base, 1, &up) < 0) {
		/* No parent: the tree is built from nothing (a NULL baseline). */
		repo_git_fail(err, "cannot make the commit's tree");
		goto out;
	}
	if (git_tree_lookup(&tree, repo->git, &tree_oid) < 0) {
		repo_git_fail(err, "cannot make the commit's tree");
		goto out;
	}
	parents[0] = parent;
	parents[1] = other;
	r = repo_commit_tree(repo, &who, tree, parent ? (other ? 2 : 1) : 0, parents, message, "Save the roadmap",
			     commit_id, err);
out:
	repo_who_free(&who);
	git_commit_free(parent);
	git_commit_free(other);
	git_tree_free(base);
	git_tree_free(tree);
	return r;
}

/* The first line of a message, for the reflog. */
static char *subject_of(const char *message)
{
	size_t n = strcspn(message, "\n");
	return ldr_strndup(message, n);
}

/* Step 4: move the branch from the commit loaded to the new one. */
static int move_branch(struct ldr_repo *repo, const char *refname, const char *parent_hex,
		       const git_oid *commit_id, const char *message, struct ldr_buf *err)
{
	git_reference *ref = NULL;
	struct ldr_buf log = LDR_BUF_INIT;
	char *subject = subject_of(message && *message ? message : "Save the roadmap");
	git_oid expected;
	int code;

	ldr_buf_addf(&log, "commit%s: %s", parent_hex[0] ? "" : " (initial)", subject);
	if (parent_hex[0]) {
		git_oid_fromstr(&expected, parent_hex);
		code = git_reference_create_matching(&ref, repo->git, refname, commit_id, 1, &expected, log.s);
	} else {
		code = git_reference_create(&ref, repo->git, refname, commit_id, 0, log.s);
	}
	git_reference_free(ref);
	ldr_buf_release(&log);
	free(subject);
	if (code == GIT_EMODIFIED || code == GIT_EEXISTS) {
		ldr_buf_addf(err, "'%s' is saved but not committed: %s moved during the save "
			     "(a git command?); 'git status' shows the change", repo->file, refname);
		return LDR_E_NOCOMMIT;
	}
	if (code == GIT_ELOCKED) {
		char *lock = ref_lock_path(repo, refname);
		ldr_buf_addf(err, "'%s' is saved but not committed: ", repo->file);
		lock_in_way(err, lock, "a git command");
		free(lock);
		return LDR_E_NOCOMMIT;
	}
	if (code < 0) {
		repo_git_fail(err, "'%s' is saved but not committed: cannot update %s", repo->file, refname);
		return LDR_E_NOCOMMIT;
	}
	return 0;
}

/* Step 5: the index records the file as committed. Returns 1 with a
 * warning in err if it cannot (the commit is made all the same). */
static int update_index(struct ldr_repo *repo, const char *blob_hex, struct ldr_buf *err)
{
	git_index *idx = NULL;
	const git_index_entry *at;
	git_index_entry e;
	struct stat sb;
	int code = git_repository_index(&idx, repo->git);

	/* The blob committed, with the file's times and size as git records
	 * them (not git_index_add_bypath: it would store the file's bytes as
	 * another blob, without git's filters: repo_filter.c). */
	if (code == 0)
		code = git_index_read(idx, 1);
	if (code == 0 && lstat(repo->file, &sb) < 0)
		code = -1;
	if (code == 0) {
		memset(&e, 0, sizeof(e));
		at = git_index_get_bypath(idx, repo->relpath, 0);
		e.mode = at ? at->mode : GIT_FILEMODE_BLOB;
		e.ctime.seconds = (int32_t)sb.st_ctim.tv_sec;
		e.ctime.nanoseconds = (uint32_t)sb.st_ctim.tv_nsec;
		e.mtime.seconds = (int32_t)sb.st_mtim.tv_sec;
		e.mtime.nanoseconds = (uint32_t)sb.st_mtim.tv_nsec;
		e.dev = (uint32_t)sb.st_dev;
		e.ino = (uint32_t)sb.st_ino;
		e.uid = (uint32_t)sb.st_uid;
		e.gid = (uint32_t)sb.st_gid;
		e.file_size = (uint32_t)sb.st_size;
		e.path = repo->relpath;
		code = git_oid_fromstr(&e.id, blob_hex);
		if (code == 0 && git_index_has_conflicts(idx))
			git_index_conflict_remove(idx, repo->relpath); /* resolved by the commit */
		if (code == 0)
			code = git_index_add(idx, &e);
	}
	if (code == 0)
		code = git_index_write(idx);
	git_index_free(idx);
	if (code == 0)
		return 0;
	ldr_buf_addstr(err, "committed, but the index is not updated (");
	repo_add_git_error(err);
	ldr_buf_addf(err, "): 'git status' shows '%s' as changed until 'git reset -q -- %s'",
		     repo->relpath, repo->relpath);
	return 1;
}

/* The files besides the roadmap that differ between two commits' trees:
 * what a merge or a fast-forward brings to the work tree. */
static int other_paths(struct ldr_repo *repo, const git_tree *from, const git_tree *to, git_strarray *out,
		       struct ldr_buf *err)
{
	git_diff *diff = NULL;
	size_t i, n;

	memset(out, 0, sizeof(*out));
	if (git_diff_tree_to_tree(&diff, repo->git, (git_tree *)from, (git_tree *)to, NULL) < 0)
		return repo_git_fail(err, "cannot compare the trees");
	n = git_diff_num_deltas(diff);
	out->strings = ldr_calloc(n + 1, sizeof(*out->strings));
	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		const char *p = d->new_file.path ? d->new_file.path : d->old_file.path;
		if (strcmp(p, repo->relpath) != 0)
			out->strings[out->count++] = ldr_strdup(p);
	}
	git_diff_free(diff);
	return 0;
}

static void strarray_release(git_strarray *a)
{
	size_t i;
	for (i = 0; i < a->count; i++)
		free(a->strings[i]);
	free(a->strings);
	memset(a, 0, sizeof(*a));
}

/* Bring those files from the tree loaded to the new one (dry: only see
 * that nothing changed in the work tree would be overwritten). */
static int checkout_others(struct ldr_repo *repo, git_tree *from, git_tree *to, git_strarray *paths,
			   int dry, struct ldr_buf *err)
{
	git_checkout_options o;
	int code;

	if (!paths->count)
		return 0;
	git_checkout_options_init(&o, GIT_CHECKOUT_OPTIONS_VERSION);
	o.checkout_strategy = GIT_CHECKOUT_SAFE | GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH |
			      (dry ? GIT_CHECKOUT_DRY_RUN : 0);
	o.paths = *paths;
	o.baseline = from;
	code = git_checkout_tree(repo->git, (git_object *)to, &o);
	if (code == GIT_ECONFLICT)
		return repo_fail(err, "%s: other files changed here are not committed and the merge "
			         "changes them too: commit or stash them first ('git status')",
			         dry ? "nothing changed" : "the merge is committed but not all files are "
			         "updated");
	if (code < 0)
		return repo_git_fail(err, "cannot update the other files of the work tree");
	return 0;
}

/* A 'git merge' concluded: its state goes, as 'git commit' removes it
 * (AUTO_MERGE too, which libgit2 does not know). */
static void end_git_merge(struct ldr_repo *repo)
{
	char *auto_merge = ldr_path_join(git_repository_path(repo->git), "AUTO_MERGE");
	git_repository_state_cleanup(repo->git);
	unlink(auto_merge);
	free(auto_merge);
}

static int lookup_tree(struct ldr_repo *repo, const char *commit_hex, const git_oid *commit,
		       git_tree **out, struct ldr_buf *err)
{
	git_commit *c = NULL;
	git_oid oid;
	int code;

	*out = NULL;
	if (!commit && !*commit_hex)
		return 0;
	if (!commit) {
		git_oid_fromstr(&oid, commit_hex);
		commit = &oid;
	}
	code = git_commit_lookup(&c, repo->git, commit);
	if (code == 0)
		code = git_commit_tree(out, c);
	git_commit_free(c);
	return code < 0 ? repo_git_fail(err, "cannot read a commit's tree") : 0;
}

/* A save under way: what repo_save_text has found and made so far. */
struct save {
	struct ldr_loaded now;       /* the file and HEAD as they are */
	struct ldr_buf clean;        /* the text as git stores it (through its filters) */
	char hex[LDR_OID_HEX + 1];   /* its blob */
	char *refname;               /* the branch HEAD names */
	git_oid oid;                 /* the commit */
	git_tree *old_tree, *new_tree;
	git_strarray others;         /* the other files a merge or a fast-forward brings */
};

/* Whether the file may be saved: neither it nor HEAD moved since it was
 * loaded, and git tracks it if it must. 0, or what the save returns. */
static int save_allowed(struct ldr_repo *repo, const struct save_plan *p, struct ldr_loaded *st,
			struct save *s, struct ldr_buf *err)
{
	if (take_state(repo, &s->now, NULL, 0, NULL, err) < 0)
		return -1;
	if (what_moved(st, &s->now, repo->file, err))
		return LDR_E_CHANGED;
	if (p->must_be_tracked && !tracked(repo, st)) {
		repo_add_quoted(err, repo->relpath);
		ldr_buf_addf(err, " is not tracked by the repository at '%s': commit it with git "
			     "first, or give it a repository of its own with 'ldr init'",
			     git_repository_workdir(repo->git));
		return -1;
	}
	return 0;
}

/* The blob git would store: the file through its filters. One that cannot
 * be run here is a refusal, before anything is written. 1 to go on; 0
 * when the save ends here with *r (0: nothing to save or commit). */
static int save_blob(struct ldr_repo *repo, const struct save_plan *p, const struct ldr_loaded *st,
		     struct save *s, struct ldr_buf *err, int *r)
{
	git_oid blob;
	int e;

	if ((e = repo_clean(repo, p->text, p->len, &s->clean, err)) != 0) {
		if (e > 0) {
			ldr_buf_addstr(err, "; nothing saved");
			*r = LDR_E_FILTER;
		}
		return 0;
	}
	if (git_odb_hash(&blob, s->clean.s ? s->clean.s : "", s->clean.len, GIT_OBJECT_BLOB) < 0) {
		repo_git_fail(err, "cannot hash the roadmap");
		return 0;
	}
	repo_oid_hex(s->hex, &blob);
	if (!p->target && !st->merging[0] && strcmp(s->hex, s->now.file) == 0 &&
	    strcmp(s->hex, s->now.committed) == 0) {
		*r = 0;
		return 0;
	}
	return 1;
}

/* The commit (made, or the one a fast-forward moves to); for a merge or a
 * fast-forward, the other files it brings, seen first to be able to come;
 * and the commit pushed if it must be. Signals are held. */
static int save_commit(struct ldr_repo *repo, const struct save_plan *p, const struct ldr_loaded *st,
		       struct save *s, struct ldr_buf *err)
{
	int e;

	if (p->target)
		s->oid = *p->target;
	else if (make_commit(repo, s->clean.s ? s->clean.s : "", s->clean.len, st, p->message, &s->oid,
			     err) < 0)
		return -1;
	/* A merge (but for git's own, which wrote the other files already) or
	 * a fast-forward brings other files. */
	if ((p->target || (st->merging[0] && !st->merging_git)) &&
	    (lookup_tree(repo, st->head, NULL, &s->old_tree, err) < 0 ||
	     lookup_tree(repo, "", &s->oid, &s->new_tree, err) < 0 ||
	     other_paths(repo, s->old_tree, s->new_tree, &s->others, err) < 0 ||
	     checkout_others(repo, s->old_tree, s->new_tree, &s->others, 1, err) < 0))
		return -1;
	if (p->push) {
		/* Over the network, which may hang: a signal acts at once. */
		ldr_signals_release();
		e = repo_push_commit(repo, p->push, &s->oid, err);
		ldr_signals_hold();
		if (e < 0)
			return -1;
	}
	return 0;
}

/* The file replaced, the branch moved to the commit, the other files
 * checked out, the index updated: what the save returns. */
static int save_finish(struct ldr_repo *repo, const struct save_plan *p, struct ldr_loaded *st,
		       struct save *s, struct ldr_buf *commit_id, struct ldr_buf *err)
{
	int e;

	if (strcmp(s->hex, s->now.file) != 0 && (e = ldr_write_file(repo->file, p->text, p->len, err)) < 0)
		return e;
	if ((e = move_branch(repo, s->refname, st->head, &s->oid, p->message, err)) < 0) {
		/* The file holds the new text now, written by this save: the
		 * next save is not "changed since loaded", and commits it. */
		strcpy(st->file, s->hex);
		return e;
	}
	repo_oid_hex(st->head, &s->oid);
	strcpy(st->file, s->hex);
	strcpy(st->committed, s->hex);
	if (commit_id)
		ldr_buf_addstr(commit_id, st->head);
	if (checkout_others(repo, s->old_tree, s->new_tree, &s->others, 0, err) < 0)
		return 1; /* committed: a warning */
	if (st->merging_git)
		end_git_merge(repo);
	st->merging[0] = '\0';
	st->merging_git = 0;
	return update_index(repo, s->hex, err);
}

int repo_save_text(struct ldr_repo *repo, const struct save_plan *p, struct ldr_loaded *st,
		   struct ldr_buf *commit_id, struct ldr_buf *err)
{
	struct save s;
	int lock = -1, r = -1, e, held = 0;

	memset(&s, 0, sizeof(s));
	if (commit_id)
		ldr_buf_reset(commit_id);
	if ((e = repo_lock(repo, &lock, err)) < 0) {
		r = e;
		goto out;
	}
	if ((e = save_allowed(repo, p, st, &s, err)) != 0) {
		r = e;
		goto out;
	}
	if (!save_blob(repo, p, st, &s, err, &r))
		goto out;
	s.refname = repo_head_target(repo, err);
	if (!s.refname || (e = check_git_locks(repo, s.refname, err)) < 0) {
		r = s.refname ? e : r;
		goto out;
	}
	/* From here on, libgit2 writes files whose names ldr does not know
	 * (objects, git's locks) and the file is replaced then committed: a
	 * signal waits until it is done (model/base/write.c). */
	ldr_signals_hold();
	held = 1;
	if (save_commit(repo, p, st, &s, err) < 0)
		goto out;
	r = save_finish(repo, p, st, &s, commit_id, err);
out:
	if (held)
		ldr_signals_release();
	repo_unlock(lock);
	free(s.refname);
	git_tree_free(s.old_tree);
	git_tree_free(s.new_tree);
	strarray_release(&s.others);
	ldr_buf_release(&s.clean);
	return r;
}

int ldr_repo_save(struct ldr_repo *repo, const struct ldr_roadmap *rm, struct ldr_loaded *st,
		  const char *message, struct ldr_buf *commit_id, struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT;
	struct ldr_roadmap back;
	struct ldr_diag diag;
	struct save_plan plan;
	int r = -1;

	memset(&plan, 0, sizeof(plan));
	ldr_roadmap_init(&back);
	ldr_diag_init(&diag, repo->file);
	if (ldr_roadmap_write(rm, &text, err) < 0)
		goto out;
	/* What is saved must read back as it is: never commit a file that
	 * ldr itself would refuse. */
	if (ldr_roadmap_read(&back, text.s, text.len, &diag) < 0) {
		size_t i;
		ldr_buf_addstr(err, "not saved: the roadmap would have errors");
		for (i = 0; i < diag.n && i < 1; i++)
			ldr_buf_addf(err, ": %s", diag.v[i].text);
		r = LDR_E_INVALID;
		goto out;
	}
	if (!ldr_roadmap_equal(rm, &back)) {
		repo_fail(err, "not saved: the roadmap would not read back as it is (a bug in ldr)");
		goto out;
	}
	if (st->merging[0] && rm->conflicts.len) {
		repo_fail(err, "not saved: the merge is not finished: %zu conflict%s to resolve first",
		          rm->conflicts.len, rm->conflicts.len == 1 ? "" : "s");
		r = LDR_E_INVALID;
		goto out;
	}
	plan.text = text.s;
	plan.len = text.len;
	plan.must_be_tracked = 1;
	plan.message = message;
	r = repo_save_text(repo, &plan, st, commit_id, err);
out:
	ldr_roadmap_release(&back);
	ldr_diag_release(&diag);
	ldr_buf_release(&text);
	return r;
}

/* ---- init ----------------------------------------------------------------- */

/* What dir's roadmap.yaml holds before the first commit: 0 nothing (or
 * text already), 1 other bytes (in old), -1 it cannot be read. */
static int init_existing(const char *file, const char *text, size_t len, struct ldr_buf *old,
			 struct ldr_buf *err)
{
	struct stat st;

	if (lstat(file, &st) != 0)
		return 0;
	if (ldr_file_read(file, old, err) < 0)
		return -1;
	return old->len != len || memcmp(old->s, text, len) != 0;
}

/* The repository, made (unless it is there without commits). */
static int init_git(const char *dir, struct ldr_buf *err)
{
	git_repository *git = NULL;
	git_repository_init_options opts;
	int r = 0;

	if (git_repository_open_ext(&git, dir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) == 0) {
		if (git_repository_head_unborn(git) != 1) {
			repo_add_quoted(err, dir);
			ldr_buf_addstr(err, " is a repository with commits already");
			r = -1;
		}
	} else {
		git_repository_init_options_init(&opts, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
		opts.flags = GIT_REPOSITORY_INIT_MKPATH;
		ldr_signals_hold(); /* never half a repository */
		if (git_repository_init_ext(&git, dir, &opts) < 0)
			r = repo_git_fail(err, "cannot make a repository in '%s'", dir);
		ldr_signals_release();
	}
	git_repository_free(git);
	return r;
}

/* Commit text with message on the state st (then updated). */
static int init_commit(struct ldr_repo *repo, struct ldr_loaded *st, const char *text, size_t len,
		       const char *message, struct ldr_buf *commit_id, struct ldr_buf *err)
{
	struct save_plan plan;

	memset(&plan, 0, sizeof(plan));
	plan.text = text;
	plan.len = len;
	plan.message = message;
	return repo_save_text(repo, &plan, st, commit_id, err);
}

int ldr_repo_init(struct ldr_repo **out, const char *dir, const char *text, size_t len,
		  const char *message, int keep, struct ldr_buf *commit_id, struct ldr_buf *err)
{
	struct ldr_repo *repo = NULL;
	struct ldr_loaded st;
	struct ldr_buf old = LDR_BUF_INIT;
	char *file = ldr_path_join(dir, LDR_ROADMAP_FILE);
	int r = -1, found;

	*out = NULL;
	if (repo_lib_init() < 0) {
		free(file);
		return repo_fail(err, "cannot start libgit2");
	}
	found = init_existing(file, text, len, &old, err);
	if (found < 0)
		goto out;
	if (found && !keep) {
		repo_add_quoted(err, file);
		ldr_buf_addstr(err, " exists and holds something else: not replaced");
		r = LDR_E_EXISTS;
		goto out;
	}
	if (init_git(dir, err) < 0 || open_at(&repo, file, GIT_REPOSITORY_OPEN_NO_SEARCH, err) < 0 ||
	    take_state(repo, &st, NULL, 0, NULL, err) < 0)
		goto out;
	/* What was there first, as it was: it stays in the history. */
	if (found && (r = init_commit(repo, &st, old.s, old.len, "Keep roadmap.yaml as it was before "
				      "'ldr init'", NULL, err)) < 0)
		goto out;
	r = init_commit(repo, &st, text, len, message, commit_id, err);
out:
	ldr_buf_release(&old);
	free(file);
	if (r < 0) {
		ldr_repo_free(repo);
		repo = NULL;
	}
	*out = repo;
	git_libgit2_shutdown();
	return r;
}
