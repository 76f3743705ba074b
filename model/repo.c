/* The roadmap's repository, through libgit2 (the only file that includes it).
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
#include "repo.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "file.h"
#include "path.h"

struct ldr_repo {
	git_repository *git;
	char *file;    /* the roadmap's path, as given */
	char *relpath; /* its path in the work tree */
};

#define LOCK_WAIT_MS 10000

/* ---- errors ------------------------------------------------------------ */

/* Append libgit2's message for the last error, made safe for a terminal. */
static void add_git_error(struct ldr_buf *err)
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

__attribute__((format(printf, 2, 3)))
static int fail(struct ldr_buf *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ldr_buf_vaddf(err, fmt, ap);
	va_end(ap);
	return -1;
}

__attribute__((format(printf, 2, 3)))
static int git_fail(struct ldr_buf *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ldr_buf_vaddf(err, fmt, ap);
	va_end(ap);
	ldr_buf_addstr(err, ": ");
	add_git_error(err);
	return -1;
}

static void add_quoted(struct ldr_buf *b, const char *s)
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
	return (long)(time(NULL) - st.st_mtime);
}

/* "PATH exists (N seconds old): ..." for a lock file left in the way. */
static int lock_in_way(struct ldr_buf *err, const char *path, const char *what)
{
	long age = age_of(path);
	add_quoted(err, path);
	ldr_buf_addstr(err, " exists");
	if (age >= 0)
		ldr_buf_addf(err, " (%ld second%s old)", age, age == 1 ? "" : "s");
	ldr_buf_addf(err, ": %s is running, or one was interrupted; if none is running, "
		     "remove it and try again", what);
	return -1;
}

/* ---- library set-up ------------------------------------------------------ */

static int lib_init(void)
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

static int open_error(struct ldr_buf *err, const char *dir, int code)
{
	const git_error *e = git_error_last();
	const char *m = e && e->message ? e->message : "";

	if (code == GIT_EOWNER || strstr(m, "safe.directory") || strstr(m, "not owned")) {
		ldr_buf_addstr(err, "the repository of ");
		add_quoted(err, dir);
		ldr_buf_addstr(err, " belongs to another user, and git trusts it only if told to: "
			       "git config --global --add safe.directory '<its directory>'");
		return -1;
	}
	if (code == GIT_ENOTFOUND) {
		add_quoted(err, dir);
		ldr_buf_addstr(err, " is not in a git repository ('ldr init DIR' makes one)");
		return -1;
	}
	return git_fail(err, "cannot open the repository of '%s'", dir);
}

static int open_at(struct ldr_repo **out, const char *file, unsigned flags, struct ldr_buf *err)
{
	struct ldr_repo *repo = NULL;
	char *dir = ldr_path_dir(file);
	struct stat st;
	int code, r = -1;

	*out = NULL;
	if (lib_init() < 0) {
		fail(err, "cannot start libgit2");
		free(dir);
		return -1;
	}
	repo = ldr_calloc(1, sizeof(*repo));
	repo->file = ldr_strdup(file);
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		fail(err, "%s: cannot open: %s", dir, stat(dir, &st) < 0 ? strerror(errno) : strerror(ENOTDIR));
		goto out;
	}
	if (lstat(file, &st) == 0 && S_ISLNK(st.st_mode)) {
		add_quoted(err, file);
		ldr_buf_addstr(err, " is a symbolic link: in a repository, ldr keeps the roadmap "
			       "in a regular file");
		goto out;
	}
	code = git_repository_open_ext(&repo->git, dir, flags, NULL);
	if (code < 0) {
		open_error(err, dir, code);
		goto out;
	}
	if (git_repository_is_bare(repo->git)) {
		fail(err, "the repository of '%s' is bare: ldr needs a work tree", dir);
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
		return fail(err, "standard input has no history: name a roadmap in a repository");
	}
	r = open_at(out, file, 0, err);
	free(file);
	return r;
}

void ldr_repo_free(struct ldr_repo *repo)
{
	if (!repo)
		return;
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

static void oid_hex(char *out, const git_oid *oid)
{
	git_oid_tostr(out, LDR_OID_HEX + 1, oid);
}

/* HEAD's commit, or 0 with *unborn set when the branch has none. */
static int head_oid(struct ldr_repo *repo, git_oid *oid, int *unborn, struct ldr_buf *err)
{
	int code = git_reference_name_to_id(oid, repo->git, "HEAD");

	*unborn = 0;
	if (code == GIT_ENOTFOUND || code == GIT_EUNBORNBRANCH) {
		*unborn = 1;
		return 0;
	}
	return code < 0 ? git_fail(err, "cannot read HEAD") : 0;
}

/* The roadmap's blob id in a commit; "" if the commit has no such file. */
static int blob_in_commit(struct ldr_repo *repo, const git_commit *c, char *out, struct ldr_buf *err)
{
	git_tree *tree = NULL;
	git_tree_entry *e = NULL;
	int code, r = -1;

	out[0] = '\0';
	if (git_commit_tree(&tree, c) < 0) {
		git_fail(err, "cannot read the tree of a commit");
		goto out;
	}
	code = git_tree_entry_bypath(&e, tree, repo->relpath);
	if (code == 0 && git_tree_entry_type(e) == GIT_OBJECT_BLOB)
		oid_hex(out, git_tree_entry_id(e));
	else if (code < 0 && code != GIT_ENOTFOUND) {
		git_fail(err, "cannot read '%s' in a commit", repo->relpath);
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
		return git_fail(err, "cannot read HEAD's commit");
	r = blob_in_commit(repo, c, out, err);
	git_commit_free(c);
	return r;
}

/* The state to compare against: HEAD, its blob, and the file's blob. If
 * text is not NULL it receives the file's bytes (the ones hashed). */
static int take_state(struct ldr_repo *repo, struct ldr_loaded *st, struct ldr_buf *text,
		      struct ldr_buf *err)
{
	struct ldr_buf own = LDR_BUF_INIT;
	struct ldr_buf *buf = text ? text : &own;
	git_oid oid;
	int unborn, r = -1;

	memset(st, 0, sizeof(*st));
	if (head_oid(repo, &oid, &unborn, err) < 0)
		goto out;
	if (!unborn) {
		oid_hex(st->head, &oid);
		if (blob_at_head(repo, &oid, st->committed, err) < 0)
			goto out;
	}
	if (access(repo->file, F_OK) == 0) {
		if (ldr_file_read(repo->file, buf, err) < 0)
			goto out;
		if (git_odb_hash(&oid, buf->s, buf->len, GIT_OBJECT_BLOB) < 0) {
			git_fail(err, "cannot hash '%s'", repo->file);
			goto out;
		}
		oid_hex(st->file, &oid);
	}
	r = 0;
out:
	ldr_buf_release(&own);
	return r;
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
	if (take_state(repo, st, &text, err) < 0)
		goto out;
	if (!st->file[0]) {
		fail(err, "%s: cannot open: %s", repo->file, strerror(ENOENT));
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
		add_quoted(err, file);
		ldr_buf_addstr(err, " changed since loaded: it was saved by someone else; "
			       "load it again and redo the edit");
		return 1;
	}
	if (strcmp(then->head, now->head) != 0) {
		add_quoted(err, file);
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
	if (take_state(repo, &now, NULL, err) < 0)
		return -1;
	return what_moved(st, &now, repo->file, err);
}

/* ---- identities -------------------------------------------------------- */

/* who is "AUTHOR" or "COMMITTER". */
static int signature(git_signature **out, struct ldr_repo *repo, const char *who, struct ldr_buf *err)
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
		fail(err, "who is saving? set user.name and user.email ('git config --global "
		     "user.name \"Your Name\"'), or GIT_%s_NAME and GIT_%s_EMAIL", who, who);
		goto out;
	}
	if (!name || !*name)
		name = def->name;
	if (!email)
		email = def->email;
	if (date && *date) {
		if (ldr_date_parse(date, &t, &offset) < 0) {
			fail(err, "GIT_%s_DATE: cannot read '%s' (expected ISO 8601, as in "
			     "2016-06-30T12:00:00+01:00, or '@SECONDS +ZZZZ')", who, date);
			goto out;
		}
	} else {
		time_t now = time(NULL);
		t = (long long)now;
		offset = ldr_date_local_offset((long long)now);
	}
	if (git_signature_new(out, name, email, (git_time_t)t, offset) < 0) {
		git_fail(err, "invalid identity '%s <%s>'", name, email);
		goto out;
	}
	r = 0;
out:
	git_signature_free(def);
	return r;
}

/* ---- saving -------------------------------------------------------------- */

/* Serialise saves: an exclusive flock of the git directory, waited for. */
static int lock_repo(struct ldr_repo *repo, int *fd, struct ldr_buf *err)
{
	const char *gitdir = git_repository_path(repo->git);
	int waited = 0;

	*fd = open(gitdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (*fd < 0)
		return fail(err, "%s: cannot open: %s", gitdir, strerror(errno));
	while (flock(*fd, LOCK_EX | LOCK_NB) < 0) {
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		if (errno != EWOULDBLOCK && errno != EINTR) {
			fail(err, "%s: cannot lock: %s", gitdir, strerror(errno));
			goto fail;
		}
		if (waited >= LOCK_WAIT_MS) {
			fail(err, "another ldr has been saving in '%s' for %d seconds: try again later",
			     gitdir, LOCK_WAIT_MS / 1000);
			goto fail;
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

static void unlock_repo(int fd)
{
	if (fd >= 0)
		close(fd); /* closing drops the flock */
}

/* The branch HEAD names ("refs/heads/main"), or "HEAD" when detached. */
static char *head_target(struct ldr_repo *repo, struct ldr_buf *err)
{
	git_reference *head = NULL;
	char *name = NULL;

	if (git_reference_lookup(&head, repo->git, "HEAD") < 0) {
		git_fail(err, "cannot read HEAD");
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

/* Step 2: the objects of the new commit, on the parent loaded. */
static int make_commit(struct ldr_repo *repo, const char *text, size_t len, const char *parent_hex,
		       const char *message, git_oid *commit_id, struct ldr_buf *err)
{
	git_signature *author = NULL, *committer = NULL;
	git_commit *parent = NULL;
	git_tree *base = NULL, *tree = NULL;
	git_tree_update up;
	git_oid oid, tree_oid;
	struct ldr_buf msg = LDR_BUF_INIT;
	const git_commit *parents[1];
	int r = -1;

	if (signature(&author, repo, "AUTHOR", err) < 0 || signature(&committer, repo, "COMMITTER", err) < 0)
		goto out;
	if (git_blob_create_from_buffer(&up.id, repo->git, text, len) < 0) {
		git_fail(err, "cannot store the roadmap in the repository");
		goto out;
	}
	if (parent_hex[0]) {
		if (git_oid_fromstr(&oid, parent_hex) < 0 || git_commit_lookup(&parent, repo->git, &oid) < 0 ||
		    git_commit_tree(&base, parent) < 0) {
			git_fail(err, "cannot read commit %.7s", parent_hex);
			goto out;
		}
	}
	up.action = GIT_TREE_UPDATE_UPSERT;
	up.filemode = GIT_FILEMODE_BLOB;
	up.path = repo->relpath;
	/* No parent: the tree is built from nothing (a NULL baseline). */
	if (git_tree_create_updated(&tree_oid, repo->git, base, 1, &up) < 0 ||
	    git_tree_lookup(&tree, repo->git, &tree_oid) < 0) {
		git_fail(err, "cannot make the commit's tree");
		goto out;
	}
	ldr_buf_addstr(&msg, message && *message ? message : "Save the roadmap");
	while (msg.len && (msg.s[msg.len - 1] == '\n' || msg.s[msg.len - 1] == ' '))
		msg.s[--msg.len] = '\0';
	ldr_buf_addch(&msg, '\n');
	parents[0] = parent;
	if (git_commit_create(commit_id, repo->git, NULL, author, committer, NULL, msg.s, tree,
			      parent ? 1 : 0, parents) < 0) {
		git_fail(err, "cannot make the commit");
		goto out;
	}
	r = 0;
out:
	ldr_buf_release(&msg);
	git_signature_free(author);
	git_signature_free(committer);
	git_commit_free(parent);
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
		return -1;
	}
	if (code == GIT_ELOCKED) {
		char *lock = ref_lock_path(repo, refname);
		ldr_buf_addf(err, "'%s' is saved but not committed: ", repo->file);
		lock_in_way(err, lock, "a git command");
		free(lock);
		return -1;
	}
	if (code < 0)
		return git_fail(err, "'%s' is saved but not committed: cannot update %s", repo->file, refname);
	return 0;
}

/* Step 5: the index records the file as committed. Returns 1 with a
 * warning in err if it cannot (the commit is made all the same). */
static int update_index(struct ldr_repo *repo, struct ldr_buf *err)
{
	git_index *idx = NULL;
	int code = git_repository_index(&idx, repo->git);

	if (code == 0)
		code = git_index_read(idx, 1);
	if (code == 0)
		code = git_index_add_bypath(idx, repo->relpath);
	if (code == 0)
		code = git_index_write(idx);
	git_index_free(idx);
	if (code == 0)
		return 0;
	ldr_buf_addstr(err, "committed, but the index is not updated (");
	add_git_error(err);
	ldr_buf_addf(err, "): 'git status' shows '%s' as changed until 'git reset -q -- %s'",
		     repo->relpath, repo->relpath);
	return 1;
}

static int save_text(struct ldr_repo *repo, const char *text, size_t len, struct ldr_loaded *st,
		     int must_be_tracked, const char *message, struct ldr_buf *commit_id,
		     struct ldr_buf *err)
{
	struct ldr_loaded now;
	git_oid oid, blob;
	char *refname = NULL;
	char hex[LDR_OID_HEX + 1];
	int lock = -1, r = -1;

	if (commit_id)
		ldr_buf_reset(commit_id);
	if (lock_repo(repo, &lock, err) < 0)
		goto out;
	if (take_state(repo, &now, NULL, err) < 0)
		goto out;
	if (what_moved(st, &now, repo->file, err))
		goto out;
	if (must_be_tracked && !tracked(repo, st)) {
		add_quoted(err, repo->relpath);
		ldr_buf_addf(err, " is not tracked by the repository at '%s': commit it with git "
			     "first, or give it a repository of its own with 'ldr init'",
			     git_repository_workdir(repo->git));
		goto out;
	}
	if (git_odb_hash(&blob, text, len, GIT_OBJECT_BLOB) < 0) {
		git_fail(err, "cannot hash the roadmap");
		goto out;
	}
	oid_hex(hex, &blob);
	if (strcmp(hex, now.file) == 0 && strcmp(hex, now.committed) == 0) {
		r = 0; /* nothing to save or commit */
		goto out;
	}
	refname = head_target(repo, err);
	if (!refname || check_git_locks(repo, refname, err) < 0)
		goto out;
	if (make_commit(repo, text, len, st->head, message, &oid, err) < 0)
		goto out;
	if (strcmp(hex, now.file) != 0 && ldr_file_write_atomic(repo->file, text, len, err) < 0)
		goto out;
	if (move_branch(repo, refname, st->head, &oid, message, err) < 0)
		goto out;
	oid_hex(st->head, &oid);
	strcpy(st->file, hex);
	strcpy(st->committed, hex);
	if (commit_id)
		ldr_buf_addstr(commit_id, st->head);
	r = update_index(repo, err);
out:
	unlock_repo(lock);
	free(refname);
	return r;
}

int ldr_repo_save(struct ldr_repo *repo, const struct ldr_roadmap *rm, struct ldr_loaded *st,
		  const char *message, struct ldr_buf *commit_id, struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT;
	struct ldr_roadmap back;
	struct ldr_diag diag;
	int r = -1;

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
		goto out;
	}
	if (!ldr_roadmap_equal(rm, &back)) {
		fail(err, "not saved: the roadmap would not read back as it is (a bug in ldr)");
		goto out;
	}
	r = save_text(repo, text.s, text.len, st, 1, message, commit_id, err);
out:
	ldr_roadmap_release(&back);
	ldr_diag_release(&diag);
	ldr_buf_release(&text);
	return r;
}

/* ---- init ----------------------------------------------------------------- */

int ldr_repo_init(struct ldr_repo **out, const char *dir, const char *text, size_t len,
		  const char *message, struct ldr_buf *commit_id, struct ldr_buf *err)
{
	git_repository *git = NULL;
	git_repository_init_options opts;
	struct ldr_repo *repo = NULL;
	struct ldr_loaded st;
	char *file = ldr_path_join(dir, LDR_ROADMAP_FILE);
	int r = -1;

	*out = NULL;
	if (lib_init() < 0) {
		free(file);
		return fail(err, "cannot start libgit2");
	}
	/* An existing repository will do if it has no commit yet. */
	if (git_repository_open_ext(&git, dir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) == 0) {
		if (git_repository_head_unborn(git) != 1) {
			add_quoted(err, dir);
			ldr_buf_addstr(err, " is a repository with commits already");
			goto out;
		}
	} else {
		git_repository_init_options_init(&opts, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
		opts.flags = GIT_REPOSITORY_INIT_MKPATH;
		if (git_repository_init_ext(&git, dir, &opts) < 0) {
			git_fail(err, "cannot make a repository in '%s'", dir);
			goto out;
		}
	}
	git_repository_free(git);
	git = NULL;
	if (open_at(&repo, file, GIT_REPOSITORY_OPEN_NO_SEARCH, err) < 0)
		goto out;
	if (take_state(repo, &st, NULL, err) < 0)
		goto out;
	r = save_text(repo, text, len, &st, 0, message, commit_id, err);
out:
	git_repository_free(git);
	free(file);
	if (r < 0) {
		ldr_repo_free(repo);
		repo = NULL;
	}
	*out = repo;
	git_libgit2_shutdown();
	return r;
}

/* ---- history ------------------------------------------------------------ */

void ldr_commit_release(struct ldr_commit *c)
{
	free(c->author);
	free(c->email);
	free(c->message);
	memset(c, 0, sizeof(*c));
}

void ldr_commit_copy(struct ldr_commit *dst, const struct ldr_commit *src)
{
	*dst = *src;
	dst->author = src->author ? ldr_strdup(src->author) : NULL;
	dst->email = src->email ? ldr_strdup(src->email) : NULL;
	dst->message = src->message ? ldr_strdup(src->message) : NULL;
}

static int fill_commit(struct ldr_repo *repo, const git_commit *gc, struct ldr_commit *c,
		       struct ldr_buf *err)
{
	const git_signature *a = git_commit_author(gc);
	git_commit *parent = NULL;
	int r = -1;

	memset(c, 0, sizeof(*c));
	oid_hex(c->id, git_commit_id(gc));
	c->author = ldr_strdup(a->name ? a->name : "");
	c->email = ldr_strdup(a->email ? a->email : "");
	c->time = (long long)a->when.time;
	c->offset = a->when.offset;
	c->message = ldr_strdup(git_commit_message(gc) ? git_commit_message(gc) : "");
	c->parents = git_commit_parentcount(gc);
	if (blob_in_commit(repo, gc, c->blob, err) < 0)
		goto out;
	if (c->parents) {
		if (git_commit_parent(&parent, gc, 0) < 0) {
			git_fail(err, "cannot read the parent of %.7s", c->id);
			goto out;
		}
		if (blob_in_commit(repo, parent, c->parent_blob, err) < 0)
			goto out;
	}
	r = 0;
out:
	git_commit_free(parent);
	if (r < 0)
		ldr_commit_release(c);
	return r;
}

static int lookup_rev(struct ldr_repo *repo, const char *rev, git_commit **out, struct ldr_buf *err)
{
	git_object *obj = NULL, *peeled = NULL;
	int code;

	*out = NULL;
	code = git_revparse_single(&obj, repo->git, rev);
	if (code == GIT_ENOTFOUND || code == GIT_EAMBIGUOUS || code == GIT_EINVALIDSPEC) {
		ldr_buf_addstr(err, code == GIT_EAMBIGUOUS ? "ambiguous revision " : "unknown revision ");
		add_quoted(err, rev);
		if (strcmp(rev, "HEAD") == 0)
			ldr_buf_addstr(err, ": the branch has no commit yet");
		return -1;
	}
	if (code < 0)
		return git_fail(err, "cannot read revision '%s'", rev);
	code = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
	git_object_free(obj);
	if (code < 0) {
		ldr_buf_addstr(err, "revision ");
		add_quoted(err, rev);
		ldr_buf_addstr(err, " is not a commit");
		return -1;
	}
	*out = (git_commit *)peeled;
	return 0;
}

int ldr_repo_resolve(struct ldr_repo *repo, const char *rev, struct ldr_commit *c, struct ldr_buf *err)
{
	git_commit *gc = NULL;
	int r;

	memset(c, 0, sizeof(*c));
	if (lookup_rev(repo, rev, &gc, err) < 0)
		return -1;
	r = fill_commit(repo, gc, c, err);
	git_commit_free(gc);
	return r;
}

int ldr_repo_read_blob(struct ldr_repo *repo, const char *blob_hex, struct ldr_buf *text,
		       struct ldr_buf *err)
{
	git_blob *blob = NULL;
	git_oid oid;
	git_object_size_t size;

	if (git_oid_fromstr(&oid, blob_hex) < 0 || git_blob_lookup(&blob, repo->git, &oid) < 0)
		return git_fail(err, "cannot read blob %.7s", blob_hex);
	size = git_blob_rawsize(blob);
	if (size > 64u << 20) {
		git_blob_free(blob);
		return fail(err, "blob %.7s is too large: the limit is 64 MiB", blob_hex);
	}
	ldr_buf_add(text, git_blob_rawcontent(blob), (size_t)size);
	git_blob_free(blob);
	return 0;
}

int ldr_repo_read_rev(struct ldr_repo *repo, const char *rev, struct ldr_buf *text,
		      struct ldr_commit *c, struct ldr_buf *err)
{
	if (ldr_repo_resolve(repo, rev, c, err) < 0)
		return -1;
	if (!c->blob[0]) {
		ldr_buf_addf(err, "'%s' is not in %.7s", repo->relpath, c->id);
		ldr_buf_addstr(err, strcmp(rev, c->id) ? " (" : "");
		if (strcmp(rev, c->id)) {
			ldr_buf_addquoted(err, rev, 60);
			ldr_buf_addch(err, ')');
		}
		ldr_commit_release(c);
		return -1;
	}
	if (ldr_repo_read_blob(repo, c->blob, text, err) < 0) {
		ldr_commit_release(c);
		return -1;
	}
	return 0;
}

int ldr_repo_walk(struct ldr_repo *repo, const char *from, const char *hide, int reverse,
		  ldr_commit_fn fn, void *payload, struct ldr_buf *err)
{
	git_revwalk *walk = NULL;
	git_commit *start = NULL, *stop = NULL, *gc = NULL;
	git_oid oid;
	int unborn, code, r = -1;

	if (!from) {
		if (head_oid(repo, &oid, &unborn, err) < 0)
			return -1;
		if (unborn)
			return 0;
		from = "HEAD";
	}
	if (lookup_rev(repo, from, &start, err) < 0 || (hide && lookup_rev(repo, hide, &stop, err) < 0))
		goto out;
	if (git_revwalk_new(&walk, repo->git) < 0 ||
	    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME |
				(reverse ? GIT_SORT_REVERSE : 0)) < 0 ||
	    git_revwalk_push(walk, git_commit_id(start)) < 0 ||
	    (stop && git_revwalk_hide(walk, git_commit_id(stop)) < 0)) {
		git_fail(err, "cannot walk the history");
		goto out;
	}
	while ((code = git_revwalk_next(&oid, walk)) == 0) {
		struct ldr_commit c;
		if (git_commit_lookup(&gc, repo->git, &oid) < 0) {
			git_fail(err, "cannot read a commit");
			goto out;
		}
		if (fill_commit(repo, gc, &c, err) < 0)
			goto out;
		git_commit_free(gc);
		gc = NULL;
		code = strcmp(c.blob, c.parent_blob) != 0 ? fn(&c, payload) : 0;
		ldr_commit_release(&c);
		if (code) {
			r = code;
			goto out;
		}
	}
	if (code != GIT_ITEROVER) {
		git_fail(err, "cannot walk the history");
		goto out;
	}
	r = 0;
out:
	git_commit_free(gc);
	git_commit_free(start);
	git_commit_free(stop);
	git_revwalk_free(walk);
	return r;
}

/* ---- baselines ------------------------------------------------------------ */

int ldr_repo_tag(struct ldr_repo *repo, const char *name, const char *message, struct ldr_buf *err)
{
	git_signature *tagger = NULL;
	git_object *target = NULL;
	struct ldr_buf msg = LDR_BUF_INIT;
	git_oid oid;
	int valid = 0, code, r = -1;

	if (git_tag_name_is_valid(&valid, name) < 0 || !valid || strchr(name, ' ')) {
		add_quoted(err, name);
		ldr_buf_addstr(err, " is not a valid tag name (use letters, digits, '-', '.' and '/', "
			       "as in submitted-2016-06)");
		return -1;
	}
	if (git_revparse_single(&target, repo->git, "HEAD^{commit}") < 0) {
		fail(err, "no commit to mark: the branch has no commit yet");
		goto out;
	}
	if (signature(&tagger, repo, "COMMITTER", err) < 0)
		goto out;
	ldr_buf_addstr(&msg, message && *message ? message : name);
	while (msg.len && (msg.s[msg.len - 1] == '\n' || msg.s[msg.len - 1] == ' '))
		msg.s[--msg.len] = '\0';
	ldr_buf_addch(&msg, '\n');
	code = git_tag_create(&oid, repo->git, name, target, tagger, msg.s, 0);
	if (code == GIT_EEXISTS) {
		fail(err, "baseline '%s' exists already: a baseline is never moved; choose another name", name);
		goto out;
	}
	if (code < 0) {
		git_fail(err, "cannot make tag '%s'", name);
		goto out;
	}
	r = 0;
out:
	ldr_buf_release(&msg);
	git_signature_free(tagger);
	git_object_free(target);
	return r;
}

struct tag_list {
	struct ldr_repo *repo;
	struct ldr_tag *v;
	size_t n, cap;
};

static int add_tag(const char *refname, git_oid *oid, void *payload)
{
	struct tag_list *l = payload;
	git_object *obj = NULL, *peeled = NULL;
	struct ldr_tag *t;

	if (git_object_lookup(&obj, l->repo->git, oid, GIT_OBJECT_ANY) < 0)
		return 0;
	if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) < 0) {
		git_object_free(obj);
		return 0; /* a tag of a blob or tree: not a baseline */
	}
	ldr_grow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v));
	t = &l->v[l->n++];
	memset(t, 0, sizeof(*t));
	t->name = ldr_strdup(strncmp(refname, "refs/tags/", 10) == 0 ? refname + 10 : refname);
	oid_hex(t->commit, git_object_id(peeled));
	if (git_object_type(obj) == GIT_OBJECT_TAG) {
		const git_tag *tag = (const git_tag *)obj;
		const git_signature *s = git_tag_tagger(tag);
		t->annotated = 1;
		t->message = ldr_strdup(git_tag_message(tag) ? git_tag_message(tag) : "");
		t->tagger = ldr_strdup(s && s->name ? s->name : "");
		t->time = s ? (long long)s->when.time : 0;
		t->offset = s ? s->when.offset : 0;
	} else {
		const git_signature *s = git_commit_committer((const git_commit *)peeled);
		t->time = (long long)s->when.time;
		t->offset = s->when.offset;
	}
	git_object_free(peeled);
	git_object_free(obj);
	return 0;
}

static int by_time(const void *a, const void *b)
{
	const struct ldr_tag *x = a, *y = b;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return strcmp(x->name, y->name);
}

int ldr_repo_tags(struct ldr_repo *repo, struct ldr_tag **tags, size_t *n, struct ldr_buf *err)
{
	struct tag_list l = { repo, NULL, 0, 0 };

	*tags = NULL;
	*n = 0;
	if (git_tag_foreach(repo->git, add_tag, &l) < 0) {
		ldr_tags_free(l.v, l.n);
		return git_fail(err, "cannot list the tags");
	}
	if (l.n)
		qsort(l.v, l.n, sizeof(*l.v), by_time);
	*tags = l.v;
	*n = l.n;
	return 0;
}

void ldr_tags_free(struct ldr_tag *tags, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(tags[i].name);
		free(tags[i].tagger);
		free(tags[i].message);
	}
	free(tags);
}
