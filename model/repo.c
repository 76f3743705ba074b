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
	code = git_repository_open_ext(&repo->git, dir, flags, getenv("GIT_CEILING_DIRECTORIES"));
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

static int first_mergehead(const git_oid *oid, void *payload)
{
	oid_hex(payload, oid);
	return 1; /* the first is enough: a roadmap merges two sides */
}

/* The state to compare against: HEAD, its blob, and the file's blob; a
 * 'git merge' in progress. If text is not NULL it receives the file's
 * bytes (the ones hashed). */
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
	if (git_repository_state(repo->git) == GIT_REPOSITORY_STATE_MERGE) {
		git_repository_mergehead_foreach(repo->git, first_mergehead, st->merging);
		st->merging_git = st->merging[0] != '\0';
	}
	r = 0;
out:
	ldr_buf_release(&own);
	return r;
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
	git_oid oid;
	int unborn;

	head[0] = '\0';
	if (head_oid(repo, &oid, &unborn, err) < 0)
		return -1;
	if (unborn)
		return 0;
	oid_hex(head, &oid);
	if (blob_at_head(repo, &oid, committed, err) < 0)
		return -1;
	if (git_odb_hash(&oid, text, len, GIT_OBJECT_BLOB) < 0)
		return git_fail(err, "cannot hash '%s'", repo->file);
	oid_hex(blob, &oid);
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
		git_fail(err, "cannot merge the other files of %.7s", st->merging);
		goto out;
	}
	while (git_index_conflict_next(&anc, &our, &their, it) == 0) {
		const char *p = our ? our->path : their ? their->path : anc->path;
		if (strcmp(p, repo->relpath) != 0) {
			add_quoted(err, p);
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
		git_fail(err, "cannot make the merge's tree");
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

/* Step 2: the objects of the new commit, on the parent loaded (and the
 * commit being merged, if any). */
static int make_commit(struct ldr_repo *repo, const char *text, size_t len, const struct ldr_loaded *st,
		       const char *message, git_oid *commit_id, struct ldr_buf *err)
{
	git_signature *author = NULL, *committer = NULL;
	git_commit *parent = NULL, *other = NULL;
	git_tree *base = NULL, *tree = NULL;
	git_tree_update up;
	git_oid oid, tree_oid;
	struct ldr_buf msg = LDR_BUF_INIT;
	const git_commit *parents[2];
	int r = -1;

	if (signature(&author, repo, "AUTHOR", err) < 0 || signature(&committer, repo, "COMMITTER", err) < 0)
		goto out;
	if (git_blob_create_from_buffer(&up.id, repo->git, text, len) < 0) {
		git_fail(err, "cannot store the roadmap in the repository");
		goto out;
	}
	if (st->head[0]) {
		if (git_oid_fromstr(&oid, st->head) < 0 || git_commit_lookup(&parent, repo->git, &oid) < 0 ||
		    git_commit_tree(&base, parent) < 0) {
			git_fail(err, "cannot read commit %.7s", st->head);
			goto out;
		}
	}
	if (st->merging[0] && (git_oid_fromstr(&oid, st->merging) < 0 ||
			       git_commit_lookup(&other, repo->git, &oid) < 0)) {
		git_fail(err, "cannot read commit %.7s", st->merging);
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
		git_fail(err, "cannot make the commit's tree");
		goto out;
	}
	if (git_tree_lookup(&tree, repo->git, &tree_oid) < 0) {
		git_fail(err, "cannot make the commit's tree");
		goto out;
	}
	ldr_buf_addstr(&msg, message && *message ? message : "Save the roadmap");
	while (msg.len && (msg.s[msg.len - 1] == '\n' || msg.s[msg.len - 1] == ' '))
		msg.s[--msg.len] = '\0';
	ldr_buf_addch(&msg, '\n');
	parents[0] = parent;
	parents[1] = other;
	if (git_commit_create(commit_id, repo->git, NULL, author, committer, NULL, msg.s, tree,
			      parent ? (other ? 2 : 1) : 0, parents) < 0) {
		git_fail(err, "cannot make the commit");
		goto out;
	}
	r = 0;
out:
	ldr_buf_release(&msg);
	git_signature_free(author);
	git_signature_free(committer);
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

/* The files besides the roadmap that differ between two commits' trees:
 * what a merge or a fast-forward brings to the work tree. */
static int other_paths(struct ldr_repo *repo, const git_tree *from, const git_tree *to, git_strarray *out,
		       struct ldr_buf *err)
{
	git_diff *diff = NULL;
	size_t i, n;

	memset(out, 0, sizeof(*out));
	if (git_diff_tree_to_tree(&diff, repo->git, (git_tree *)from, (git_tree *)to, NULL) < 0)
		return git_fail(err, "cannot compare the trees");
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
		return fail(err, "%s: other files changed here are not committed and the merge "
			    "changes them too: commit or stash them first ('git status')",
			    dry ? "nothing changed" : "the merge is committed but not all files are "
			    "updated");
	if (code < 0)
		return git_fail(err, "cannot update the other files of the work tree");
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

/* What a save writes, and how. */
struct save_plan {
	const char *text;
	size_t len;
	int must_be_tracked;
	const char *message;
	const git_oid *target;          /* move to this commit (a fast-forward); NULL: make one */
	const struct ldr_remote *push;  /* publish the commit there first */
};

static int push_commit(struct ldr_repo *repo, const struct ldr_remote *r, const git_oid *commit,
		       struct ldr_buf *err);

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
	return code < 0 ? git_fail(err, "cannot read a commit's tree") : 0;
}

static int save_text(struct ldr_repo *repo, const struct save_plan *p, struct ldr_loaded *st,
		     struct ldr_buf *commit_id, struct ldr_buf *err)
{
	struct ldr_loaded now;
	git_oid oid, blob;
	git_tree *old_tree = NULL, *new_tree = NULL;
	git_strarray others = { NULL, 0 };
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
	if (p->must_be_tracked && !tracked(repo, st)) {
		add_quoted(err, repo->relpath);
		ldr_buf_addf(err, " is not tracked by the repository at '%s': commit it with git "
			     "first, or give it a repository of its own with 'ldr init'",
			     git_repository_workdir(repo->git));
		goto out;
	}
	if (git_odb_hash(&blob, p->text, p->len, GIT_OBJECT_BLOB) < 0) {
		git_fail(err, "cannot hash the roadmap");
		goto out;
	}
	oid_hex(hex, &blob);
	if (!p->target && !st->merging[0] && strcmp(hex, now.file) == 0 &&
	    strcmp(hex, now.committed) == 0) {
		r = 0; /* nothing to save or commit */
		goto out;
	}
	refname = head_target(repo, err);
	if (!refname || check_git_locks(repo, refname, err) < 0)
		goto out;
	if (p->target)
		oid = *p->target;
	else if (make_commit(repo, p->text, p->len, st, p->message, &oid, err) < 0)
		goto out;
	/* A merge (but for git's own, which wrote the other files already) or
	 * a fast-forward brings other files: see first that they can come. */
	if ((p->target || (st->merging[0] && !st->merging_git)) &&
	    (lookup_tree(repo, st->head, NULL, &old_tree, err) < 0 ||
	     lookup_tree(repo, "", &oid, &new_tree, err) < 0 ||
	     other_paths(repo, old_tree, new_tree, &others, err) < 0 ||
	     checkout_others(repo, old_tree, new_tree, &others, 1, err) < 0))
		goto out;
	if (p->push && push_commit(repo, p->push, &oid, err) < 0)
		goto out;
	if (strcmp(hex, now.file) != 0 && ldr_file_write_atomic(repo->file, p->text, p->len, err) < 0)
		goto out;
	if (move_branch(repo, refname, st->head, &oid, p->message, err) < 0)
		goto out;
	oid_hex(st->head, &oid);
	strcpy(st->file, hex);
	strcpy(st->committed, hex);
	if (commit_id)
		ldr_buf_addstr(commit_id, st->head);
	if (checkout_others(repo, old_tree, new_tree, &others, 0, err) < 0) {
		r = 1; /* committed: a warning */
		goto out;
	}
	if (st->merging_git)
		end_git_merge(repo);
	st->merging[0] = '\0';
	st->merging_git = 0;
	r = update_index(repo, err);
out:
	unlock_repo(lock);
	free(refname);
	git_tree_free(old_tree);
	git_tree_free(new_tree);
	strarray_release(&others);
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
		goto out;
	}
	if (!ldr_roadmap_equal(rm, &back)) {
		fail(err, "not saved: the roadmap would not read back as it is (a bug in ldr)");
		goto out;
	}
	if (st->merging[0] && rm->conflicts.len) {
		fail(err, "not saved: the merge is not finished: %zu conflict%s to resolve first",
		     rm->conflicts.len, rm->conflicts.len == 1 ? "" : "s");
		goto out;
	}
	plan.text = text.s;
	plan.len = text.len;
	plan.must_be_tracked = 1;
	plan.message = message;
	r = save_text(repo, &plan, st, commit_id, err);
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
	struct save_plan plan;
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
	memset(&plan, 0, sizeof(plan));
	plan.text = text;
	plan.len = len;
	plan.message = message;
	r = save_text(repo, &plan, &st, commit_id, err);
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

/* ---- sharing: fetch, push --------------------------------------------------- */

/* What the transport callbacks need, and what they found out. */
struct transport {
	unsigned tries;     /* SSH keys offered so far */
	int no_key;         /* no key left to offer */
	char *rejected;     /* why the remote refused an update */
};

/* An SSH key for the remote: the agent's, then ~/.ssh/id_ed25519, then
 * ~/.ssh/id_rsa, each once. ldr asks for no passwords: it may be running
 * without a terminal (a merge driver, a script). */
static int credentials(git_credential **out, const char *url, const char *user, unsigned allowed,
		       void *payload)
{
	static const char *const keys[] = { "id_ed25519", "id_rsa" };
	struct transport *t = payload;
	const char *home = getenv("HOME"), *name = user && *user ? user : getenv("USER");

	(void)url;
	if (!name)
		name = "git";
	if (allowed & GIT_CREDENTIAL_USERNAME)
		return git_credential_username_new(out, name);
	if (allowed & GIT_CREDENTIAL_SSH_KEY) {
		while (t->tries < 1 + LDR_ARRAY_SIZE(keys)) {
			unsigned i = t->tries++;
			struct ldr_buf key = LDR_BUF_INIT, pub = LDR_BUF_INIT;
			int r = 1;
			if (i == 0) {
				if (getenv("SSH_AUTH_SOCK"))
					return git_credential_ssh_key_from_agent(out, name);
				continue;
			}
			ldr_buf_addf(&key, "%s/.ssh/%s", home ? home : "", keys[i - 1]);
			ldr_buf_addf(&pub, "%s.pub", key.s);
			if (home && access(key.s, R_OK) == 0)
				r = git_credential_ssh_key_new(out, name, access(pub.s, R_OK) == 0 ? pub.s : NULL,
							       key.s, NULL);
			ldr_buf_release(&key);
			ldr_buf_release(&pub);
			if (r <= 0)
				return r;
		}
	}
	t->no_key = 1;
	git_error_set_str(GIT_ERROR_SSH, "no SSH key was accepted");
	return GIT_EAUTH;
}

static int update_status(const char *refname, const char *status, void *payload)
{
	struct transport *t = payload;
	if (status && !t->rejected) {
		struct ldr_buf b = LDR_BUF_INIT;
		size_t n = strlen(status);
		char *s;
		while (n && strchr(": .\n", status[n - 1]))
			n--; /* libgit2's "...: " with no reason after it */
		s = ldr_strndup(status, n);
		ldr_buf_addquoted(&b, refname, 100);
		ldr_buf_addstr(&b, ": ");
		ldr_buf_addquoted(&b, s, 200);
		t->rejected = ldr_buf_detach(&b);
		free(s);
	}
	return 0;
}

static void callbacks_init(git_remote_callbacks *cb, struct transport *t)
{
	memset(t, 0, sizeof(*t));
	git_remote_init_callbacks(cb, GIT_REMOTE_CALLBACKS_VERSION);
	cb->credentials = credentials;
	cb->push_update_reference = update_status;
	cb->payload = t;
}

/* One line for what went wrong talking to the remote: authentication, the
 * network (or a remote that is not there), a refusal. */
static int remote_fail(struct ldr_buf *err, const struct ldr_remote *r, const char *doing, int code,
		       const struct transport *t)
{
	const git_error *e = git_error_last();
	const char *m = e && e->message ? e->message : "";

	if (code == GIT_EAUTH || t->no_key || strstr(m, "authentication") || strstr(m, "Authentication") ||
	    strstr(m, "publickey")) {
		ldr_buf_addf(err, "authentication to '%s' (", r->name);
		ldr_buf_addquoted(err, r->url, 200);
		ldr_buf_addstr(err, ") failed: ");
		add_git_error(err);
		ldr_buf_addstr(err, "; ldr offers your ssh-agent's keys, then ~/.ssh/id_ed25519 and "
			       "~/.ssh/id_rsa, and asks for no passwords");
	} else if (strstr(m, "hostkey") || strstr(m, "host key")) {
		ldr_buf_addf(err, "cannot %s '%s' (", doing, r->name);
		ldr_buf_addquoted(err, r->url, 200);
		ldr_buf_addstr(err, "): the server's host key is not in ~/.ssh/known_hosts, or differs from "
			       "it: connect once with ssh to check it and add it");
	} else if (code == GIT_ENONFASTFORWARD) {
		ldr_buf_addf(err, "'%s' refused the push: its '%s' moved since the fetch (someone "
			     "pushed meanwhile); nothing changed here: run 'ldr sync' again", r->name,
			     r->branch);
	} else {
		ldr_buf_addf(err, "cannot %s '%s' (", doing, r->name);
		ldr_buf_addquoted(err, r->url, 200);
		ldr_buf_addstr(err, "): ");
		add_git_error(err);
	}
	return -1;
}

void ldr_remote_release(struct ldr_remote *r)
{
	free(r->name);
	free(r->url);
	free(r->branch);
	memset(r, 0, sizeof(*r));
}

/* A branch's setting (branch.BRANCH.key), or NULL. */
static char *branch_config(const git_config *cfg, const char *branch, const char *key)
{
	struct ldr_buf name = LDR_BUF_INIT;
	git_buf v = { NULL, 0, 0 };
	char *out = NULL;

	ldr_buf_addf(&name, "branch.%s.%s", branch, key);
	if (git_config_get_string_buf(&v, cfg, name.s) == 0)
		out = ldr_strdup(v.ptr);
	git_buf_dispose(&v);
	ldr_buf_release(&name);
	return out;
}

/* The remote: the one named, else the branch's (branch.B.remote), else
 * origin. Its branch: the upstream (branch.B.merge) when that remote is the
 * branch's, else the branch of the same name. */
static int pick_remote(struct ldr_repo *repo, const char *name, const char *branch, struct ldr_remote *r,
		       struct ldr_buf *err)
{
	git_config *cfg = NULL;
	char *remote, *merge;

	if (git_repository_config_snapshot(&cfg, repo->git) < 0)
		return git_fail(err, "cannot read the repository's configuration");
	remote = branch_config(cfg, branch, "remote");
	merge = branch_config(cfg, branch, "merge");
	git_config_free(cfg);
	r->name = ldr_strdup(name ? name : remote ? remote : "origin");
	if (remote && merge && !strcmp(remote, r->name) && !strncmp(merge, "refs/heads/", 11))
		r->branch = ldr_strdup(merge + 11);
	else
		r->branch = ldr_strdup(branch);
	free(remote);
	free(merge);
	return 0;
}

static int open_remote(struct ldr_repo *repo, const struct ldr_remote *r, git_remote **out,
		       struct ldr_buf *err)
{
	int code = git_remote_lookup(out, repo->git, r->name);
	if (code == GIT_ENOTFOUND || code == GIT_EINVALIDSPEC) {
		ldr_buf_addstr(err, "no remote ");
		add_quoted(err, r->name);
		ldr_buf_addstr(err, " in the repository: add it with 'git remote add NAME URL'");
		return -1;
	}
	return code < 0 ? git_fail(err, "cannot read remote '%s'", r->name) : 0;
}

/* refs/heads/BRANCH of the remote, as the fetch keeps it here. */
static char *tracking_ref(git_remote *remote, const char *branch)
{
	struct ldr_buf src = LDR_BUF_INIT;
	char *out = NULL;
	size_t i;

	ldr_buf_addf(&src, "refs/heads/%s", branch);
	for (i = 0; i < git_remote_refspec_count(remote) && !out; i++) {
		const git_refspec *spec = git_remote_get_refspec(remote, i);
		git_buf dst = { NULL, 0, 0 };
		if (git_refspec_direction(spec) == GIT_DIRECTION_FETCH && git_refspec_src_matches(spec, src.s) &&
		    git_refspec_transform(&dst, spec, src.s) == 0)
			out = ldr_strdup(dst.ptr);
		git_buf_dispose(&dst);
	}
	ldr_buf_release(&src);
	return out;
}

int ldr_repo_fetch(struct ldr_repo *repo, const char *name, struct ldr_remote *r, struct ldr_buf *err)
{
	git_remote *remote = NULL;
	git_fetch_options o;
	struct transport t;
	git_oid head, theirs, base;
	char *refname = NULL, *tracking = NULL;
	int unborn, code, ret = -1;

	memset(r, 0, sizeof(*r));
	memset(&t, 0, sizeof(t));
	refname = head_target(repo, err);
	if (!refname)
		goto out;
	if (strncmp(refname, "refs/heads/", 11) != 0) {
		fail(err, "HEAD is detached: sync works on a branch ('git switch BRANCH')");
		goto out;
	}
	if (pick_remote(repo, name, refname + 11, r, err) < 0 || open_remote(repo, r, &remote, err) < 0)
		goto out;
	r->url = ldr_strdup(git_remote_url(remote) ? git_remote_url(remote) : "");
	git_fetch_options_init(&o, GIT_FETCH_OPTIONS_VERSION);
	callbacks_init(&o.callbacks, &t);
	code = git_remote_fetch(remote, NULL, &o, "ldr sync: fetch");
	if (code < 0) {
		remote_fail(err, r, "fetch from", code, &t);
		goto out;
	}
	if (head_oid(repo, &head, &unborn, err) < 0)
		goto out;
	if (unborn) {
		fail(err, "the branch has no commit yet: nothing to sync");
		goto out;
	}
	oid_hex(r->head, &head);
	tracking = tracking_ref(remote, r->branch);
	if (tracking && git_reference_name_to_id(&theirs, repo->git, tracking) == 0) {
		oid_hex(r->theirs, &theirs);
		code = git_merge_base(&base, repo->git, &head, &theirs);
		if (code == 0)
			oid_hex(r->base, &base);
		else if (code != GIT_ENOTFOUND) {
			git_fail(err, "cannot find where %.7s and %.7s part", r->head, r->theirs);
			goto out;
		}
	}
	ret = 0;
out:
	git_remote_free(remote);
	free(refname);
	free(tracking);
	free(t.rejected);
	if (ret < 0)
		ldr_remote_release(r);
	return ret;
}

#define SYNC_REF "refs/ldr/sync"

/* Push a commit to the remote's branch, through a reference of our own
 * (the branch here does not name it yet); removed again either way. */
static int push_commit(struct ldr_repo *repo, const struct ldr_remote *r, const git_oid *commit,
		       struct ldr_buf *err)
{
	git_remote *remote = NULL;
	git_reference *ref = NULL;
	git_push_options o;
	struct transport t;
	struct ldr_buf spec = LDR_BUF_INIT;
	char *specs[1];
	git_strarray refspecs = { specs, 1 };
	int code, ret = -1;

	memset(&t, 0, sizeof(t));
	if (open_remote(repo, r, &remote, err) < 0)
		goto out;
	if (git_reference_create(&ref, repo->git, SYNC_REF, commit, 1, "ldr sync: push") < 0) {
		git_fail(err, "cannot make the reference '%s'", SYNC_REF);
		goto out;
	}
	ldr_buf_addf(&spec, "%s:refs/heads/%s", SYNC_REF, r->branch);
	specs[0] = spec.s;
	git_push_options_init(&o, GIT_PUSH_OPTIONS_VERSION);
	callbacks_init(&o.callbacks, &t);
	code = git_remote_push(remote, &refspecs, &o);
	if (code < 0) {
		remote_fail(err, r, "push to", code, &t);
		goto out;
	}
	if (t.rejected) {
		ldr_buf_addf(err, "'%s' refused the push: %s; nothing changed here", r->name, t.rejected);
		goto out;
	}
	ret = 0;
out:
	if (ref)
		git_reference_delete(ref);
	git_reference_free(ref);
	git_remote_free(remote);
	ldr_buf_release(&spec);
	free(t.rejected);
	return ret;
}

int ldr_repo_push(struct ldr_repo *repo, const struct ldr_remote *r, struct ldr_buf *err)
{
	git_oid head;
	int unborn;

	if (head_oid(repo, &head, &unborn, err) < 0)
		return -1;
	if (unborn)
		return fail(err, "the branch has no commit yet: nothing to push");
	return push_commit(repo, r, &head, err);
}

int ldr_repo_fast_forward(struct ldr_repo *repo, struct ldr_loaded *st, const struct ldr_remote *r,
			  struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT;
	struct ldr_commit c;
	struct save_plan plan;
	git_oid target;
	int ret;

	if (ldr_repo_read_rev(repo, r->theirs, &text, &c, err) < 0)
		return -1;
	ldr_commit_release(&c);
	git_oid_fromstr(&target, r->theirs);
	memset(&plan, 0, sizeof(plan));
	plan.text = text.s ? text.s : "";
	plan.len = text.len;
	plan.message = "fast-forward (ldr sync)";
	plan.target = &target;
	ret = save_text(repo, &plan, st, NULL, err);
	ldr_buf_release(&text);
	return ret;
}

int ldr_repo_save_pushed(struct ldr_repo *repo, const struct ldr_roadmap *rm, struct ldr_loaded *st,
			 const struct ldr_remote *r, const char *message, struct ldr_buf *commit_id,
			 struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT;
	struct save_plan plan;
	int ret;

	if (ldr_roadmap_write(rm, &text, err) < 0)
		return -1;
	memcpy(st->merging, r->theirs, sizeof(st->merging));
	st->merging_git = 0;
	memset(&plan, 0, sizeof(plan));
	plan.text = text.s;
	plan.len = text.len;
	plan.must_be_tracked = 1;
	plan.message = message;
	plan.push = r;
	ret = save_text(repo, &plan, st, commit_id, err);
	if (ret < 0)
		st->merging[0] = '\0';
	ldr_buf_release(&text);
	return ret;
}

/* ---- set-up: the merge driver ----------------------------------------------- */

/* A .gitattributes pattern for exactly this path: anchored at the top, with
 * the characters a pattern would take otherwise matched by '?'. */
static void attr_pattern(struct ldr_buf *b, const char *relpath)
{
	const char *p;
	ldr_buf_addch(b, '/');
	for (p = relpath; *p; p++)
		ldr_buf_addch(b, strchr(" \t\\\"#*?[]!", *p) || (unsigned char)*p < 0x20 ? '?' : *p);
}

static int setup_attributes(struct ldr_repo *repo, struct ldr_buf *done, struct ldr_buf *err)
{
	const char *value = NULL;
	char *path = ldr_path_join(git_repository_workdir(repo->git), ".gitattributes");
	struct ldr_buf text = LDR_BUF_INIT, e = LDR_BUF_INIT;
	int r = -1;

	git_attr_cache_flush(repo->git);
	if (git_attr_get(&value, repo->git, 0, repo->relpath, "merge") < 0) {
		git_fail(err, "cannot read the attributes of '%s'", repo->relpath);
		goto out;
	}
	if (value && git_attr_value(value) == GIT_ATTR_VALUE_STRING && !strcmp(value, "ldr")) {
		add_quoted(done, repo->relpath);
		ldr_buf_addstr(done, " is merged by ldr already (.gitattributes)\n");
		r = 0;
		goto out;
	}
	if (access(path, F_OK) == 0 && ldr_file_read(path, &text, err) < 0)
		goto out;
	if (text.len && text.s[text.len - 1] != '\n')
		ldr_buf_addch(&text, '\n');
	ldr_buf_reset(&e);
	attr_pattern(&e, repo->relpath);
	ldr_buf_addstr(&e, " merge=ldr\n");
	ldr_buf_addstr(&text, e.s);
	if (ldr_file_write_atomic(path, text.s, text.len, err) < 0)
		goto out;
	git_attr_cache_flush(repo->git);
	ldr_buf_addf(done, ".gitattributes: added '%.*s' (commit it, so that every clone has it)\n",
		     (int)e.len - 1, e.s);
	r = 0;
out:
	free(path);
	ldr_buf_release(&text);
	ldr_buf_release(&e);
	return r;
}

static int setup_config(struct ldr_repo *repo, const char *driver, struct ldr_buf *done, struct ldr_buf *err)
{
	static const char name[] = "ldr: a roadmap, merged record by record and field by field";
	const char *keys[2] = { "merge.ldr.name", "merge.ldr.driver" }, *values[2];
	git_config *all = NULL, *local = NULL;
	int i, r = -1;

	values[0] = name;
	values[1] = driver;
	if (git_repository_config(&all, repo->git) < 0 ||
	    git_config_open_level(&local, all, GIT_CONFIG_LEVEL_LOCAL) < 0) {
		git_fail(err, "cannot open the repository's configuration");
		goto out;
	}
	for (i = 0; i < 2; i++) {
		git_buf v = { NULL, 0, 0 };
		int same = git_config_get_string_buf(&v, local, keys[i]) == 0 && !strcmp(v.ptr, values[i]);
		git_buf_dispose(&v);
		if (same)
			continue;
		if (git_config_set_string(local, keys[i], values[i]) < 0) {
			git_fail(err, "cannot set %s", keys[i]);
			goto out;
		}
		ldr_buf_addf(done, ".git/config: %s set\n", keys[i]);
	}
	r = 0;
out:
	git_config_free(local);
	git_config_free(all);
	return r;
}

int ldr_repo_setup(struct ldr_repo *repo, const char *driver, struct ldr_buf *done, struct ldr_buf *err)
{
	if (setup_attributes(repo, done, err) < 0 || setup_config(repo, driver, done, err) < 0)
		return -1;
	return 0;
}
