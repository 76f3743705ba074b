/* The roadmap's repository: every save is a commit, the history is the audit
 * trail of the plan, and tags mark the baselines the reviews compare against.
 * Only its implementation (repo.c, repo_history.c, remote.c, and scenario.c
 * for scenario.h) sees libgit2;
 * git's types stay behind these functions, and commits and blobs are named
 * by their hex ids.
 *
 * A roadmap is found as the command line names it: a file, or a directory
 * holding roadmap.yaml. Its repository is the one whose work tree holds the
 * file, found by searching upwards from the file's directory as git does;
 * the file may be in a subdirectory of the work tree. So that ldr never
 * commits into a repository that happens to enclose an unrelated file (a
 * home directory kept in git, a project's build directory), a save commits
 * only a file the repository already tracks; 'ldr init' makes a repository
 * for one that is not yet tracked. GIT_DIR and GIT_WORK_TREE are ignored;
 * GIT_CEILING_DIRECTORIES stops the search, as it does git's.
 *
 * Functions return 0, or -1 with a one-line message (git's style) in err,
 * unless they say otherwise. */
#ifndef LDR_REPO_H
#define LDR_REPO_H

#include <stddef.h>

#include "../roadmap/roadmap.h"
#include "../base/util.h"

#define LDR_OID_HEX 40

struct ldr_diag;
struct ldr_repo;

/* What a save checks has not moved since the roadmap was loaded: the file's
 * content (by its git blob id) and the commit HEAD named. */
struct ldr_loaded {
	char head[LDR_OID_HEX + 1]; /* "" when the branch has no commit yet */
	char file[LDR_OID_HEX + 1]; /* the file's blob id; "" when there was no file */
	char committed[LDR_OID_HEX + 1]; /* the file's blob id in HEAD; "" if not there */
	/* A merge to conclude: the commit the next save merges with HEAD (its
	 * second parent), "" when none. Git's MERGE_HEAD (merging_git set) after
	 * a 'git merge' or 'git pull' that left the roadmap in conflict, or the
	 * remote's commit when a sync left conflicts to resolve. */
	char merging[LDR_OID_HEX + 1];
	int merging_git;
};

/* The message git prepared for the merge in progress (.git/MERGE_MSG),
 * appended to msg. Returns 0, or -1 when there is none. */
int ldr_repo_merge_message(struct ldr_repo *repo, struct ldr_buf *msg);

/* Whether the file, as loaded, differs from what HEAD holds: changes not
 * committed (a save commits them with its own). */
int ldr_loaded_dirty(const struct ldr_loaded *st);

/* A commit, as the history shows it. */
struct ldr_commit {
	char id[LDR_OID_HEX + 1];
	char *author, *email;
	long long time; /* the author's time, seconds since the epoch */
	int offset;     /* the author's time zone, minutes east of UTC */
	char *message;  /* whole, as git stores it */
	unsigned parents;
	/* The roadmap's blob in this commit and in its first parent ("" when
	 * absent): they differ for every commit the walk shows. A merge's
	 * second parent's too ("" when not a merge, or absent there). */
	char blob[LDR_OID_HEX + 1], parent_blob[LDR_OID_HEX + 1], parent2_blob[LDR_OID_HEX + 1];
	/* In a shallow clone, the commit its history begins at: its parents
	 * are not here, and it is shown as if it had none. */
	int shallow;
};
void ldr_commit_release(struct ldr_commit *c);
/* Whether the repository is a shallow clone (git clone --depth): its
 * history begins at the commits of its boundary, and what is older is not
 * here. ldr works with the history there is, and says so. */
int ldr_repo_is_shallow(struct ldr_repo *repo);
/* What to say of it: " (the history is shallow ...: git fetch --unshallow)". */
#define LDR_SHALLOW_HINT "the history here is shallow (a clone made with --depth): 'git fetch --unshallow' fetches the rest"
/* A copy of src that owns its strings (release it). */
void ldr_commit_copy(struct ldr_commit *dst, const struct ldr_commit *src);

/* A tag: a baseline when annotated. */
struct ldr_tag {
	char *name;
	char commit[LDR_OID_HEX + 1];
	int annotated;
	char *tagger, *message; /* NULL for a lightweight tag */
	char *tagger_email;     /* NULL for a lightweight tag */
	long long time;         /* the tagger's time, or the commit's */
	int offset;
};

/* Who a commit or a tag made now would name: GIT_COMMITTER_NAME, _EMAIL
 * and _DATE, else git's configuration (user.name, user.email) and now. */
struct ldr_identity {
	char *name, *email;
	long long time;
	int offset;
};
int ldr_repo_identity(struct ldr_repo *repo, struct ldr_identity *who, struct ldr_buf *err);
void ldr_identity_release(struct ldr_identity *who);

/* Open the repository holding the roadmap named by arg. */
int ldr_repo_open(struct ldr_repo **out, const char *arg, struct ldr_buf *err);
void ldr_repo_free(struct ldr_repo *repo);

/* The roadmap file's path as given, and within the work tree. */
const char *ldr_repo_file(const struct ldr_repo *repo);
const char *ldr_repo_relpath(const struct ldr_repo *repo);
/* The repository's own directory (".git/"), ending with a slash. */
const char *ldr_repo_gitdir(const struct ldr_repo *repo);

/* Make a new repository in dir (created if need be; it may be one without
 * commits) and commit text as its roadmap.yaml. A roadmap.yaml there
 * already with other bytes is refused (LDR_E_EXISTS, nothing made) unless
 * keep is set: then it is committed first, as it is, so that it stays in
 * the history. *out is the open repository. */
int ldr_repo_init(struct ldr_repo **out, const char *dir, const char *text, size_t len,
		  const char *message, int keep, struct ldr_buf *commit_id, struct ldr_buf *err);

/* Read the roadmap file into rm (which must be released either way) and
 * note what a later save must find unchanged. Returns 0; -1 when the file
 * cannot be read (err) or has errors (diag). */
int ldr_repo_load(struct ldr_repo *repo, struct ldr_roadmap *rm, struct ldr_loaded *st,
		  struct ldr_diag *diag, struct ldr_buf *err);

/* The same state, for the file's bytes already read (text, len) and parsed
 * by the caller: the file is not read again. Returns 0 or -1 (err). */
int ldr_repo_state(struct ldr_repo *repo, const char *text, size_t len, struct ldr_loaded *st,
		   struct ldr_buf *err);

/* Whether text, the roadmap as read from its file, is what HEAD holds:
 * 1 with HEAD's commit in c (release it); 2 when it has changed since HEAD,
 * whose id head receives; 0 when HEAD has no such file (or there is no
 * commit); -1 on an error. For the exports, which say what they show. */
int ldr_repo_committed_as(struct ldr_repo *repo, const char *text, size_t len, struct ldr_commit *c,
			  char *head, struct ldr_buf *err);

/* Whether the file or HEAD moved since st was taken: 1 yes (with what moved
 * in err), 0 no, -1 on error. */
int ldr_repo_changed(struct ldr_repo *repo, const struct ldr_loaded *st, struct ldr_buf *err);

/* Save rm: write the file atomically, then commit it alone on HEAD's branch,
 * with HEAD as loaded for parent (and st->merging for the second, when a
 * merge is concluded: refused while rm records conflicts) and author and committer from GIT_AUTHOR_*
 * and GIT_COMMITTER_* or else git's configuration (user.name, user.email).
 * Refuses, changing nothing, when the file or HEAD moved since st was taken
 * ("changed since loaded"). Saves of one roadmap by ldr processes are
 * serialised; a save killed at any point leaves the old file or the new
 * one, and a commit is made only for a file completely written. On success
 * st describes the saved state and commit_id (if not NULL) receives the
 * new commit's id; if nothing changed, no commit is made and commit_id is
 * left empty. */
int ldr_repo_save(struct ldr_repo *repo, const struct ldr_roadmap *rm, struct ldr_loaded *st,
		  const char *message, struct ldr_buf *commit_id, struct ldr_buf *err);

/* ---- several editors, one roadmap ----------------------------------------- */

/* The remote a sync exchanges with, and where the two sides stand after a
 * fetch. */
struct ldr_remote {
	char *name;   /* "origin" */
	char *url;
	char *branch; /* the remote's branch: the local one's upstream, or its namesake */
	char head[LDR_OID_HEX + 1];   /* HEAD here */
	char theirs[LDR_OID_HEX + 1]; /* the remote's branch; "" when it has none */
	char base[LDR_OID_HEX + 1];   /* where they part; "" when unrelated (or no theirs) */
};
void ldr_remote_release(struct ldr_remote *r);

/* Fetch from the remote called name (NULL: the branch's remote, else
 * "origin") and say where HEAD and the remote's branch stand. SSH keys come
 * from the agent, else ~/.ssh/id_ed25519 or id_rsa; no password is asked.
 * Errors say whether it was authentication, the network or the remote. */
int ldr_repo_fetch(struct ldr_repo *repo, const char *name, struct ldr_remote *r, struct ldr_buf *err);
/* Push HEAD to the remote's branch (a refusal, as when it moved since the
 * fetch, is an error that changes nothing). */
int ldr_repo_push(struct ldr_repo *repo, const struct ldr_remote *r, struct ldr_buf *err);
/* Move to the remote's commit, which descends from HEAD as loaded in st:
 * the roadmap written atomically, the other files it changes checked out
 * (refused, changing nothing, if that would overwrite changes not
 * committed), the branch moved, the index updated. */
int ldr_repo_fast_forward(struct ldr_repo *repo, struct ldr_loaded *st, const struct ldr_remote *r,
			  struct ldr_buf *err);
/* Save rm as the merge of HEAD (as loaded) and r->theirs (its other files
 * merged by git, which must find no conflict in them), and push that commit
 * before anything changes here: if the push fails, the work tree, the index
 * and HEAD are as they were. */
int ldr_repo_save_pushed(struct ldr_repo *repo, const struct ldr_roadmap *rm, struct ldr_loaded *st,
			 const struct ldr_remote *r, const char *message, struct ldr_buf *commit_id,
			 struct ldr_buf *err);

/* Make plain git merge the roadmap with ldr: a line in the work tree's
 * .gitattributes (unless the file has merge=ldr already) and the driver's
 * command in the repository's configuration (merge.ldr.name and
 * merge.ldr.driver). Appends a line to done for each thing it did. */
int ldr_repo_setup(struct ldr_repo *repo, const char *driver, struct ldr_buf *done, struct ldr_buf *err);

/* Resolve a revision (a commit id or prefix, a tag, a branch, HEAD~2, ...)
 * to a commit. */
int ldr_repo_resolve(struct ldr_repo *repo, const char *rev, struct ldr_commit *c,
		     struct ldr_buf *err);

/* The roadmap's text at a revision, and its commit. */
int ldr_repo_read_rev(struct ldr_repo *repo, const char *rev, struct ldr_buf *text,
		      struct ldr_commit *c, struct ldr_buf *err);

/* The text of a blob, by id. */
int ldr_repo_read_blob(struct ldr_repo *repo, const char *blob, struct ldr_buf *text,
		       struct ldr_buf *err);

/* Visit the commits that changed the roadmap file (its blob differs from
 * the first parent's), reachable from `from` (NULL: HEAD) but not from
 * `hide` (NULL: none), newest first, or oldest first if reverse. A non-zero
 * return from fn stops the walk and is returned. A branch without commits
 * has no history: fn is never called. */
typedef int (*ldr_commit_fn)(const struct ldr_commit *c, void *payload);
int ldr_repo_walk(struct ldr_repo *repo, const char *from, const char *hide, int reverse,
		  ldr_commit_fn fn, void *payload, struct ldr_buf *err);

/* Make an annotated tag name on HEAD, tagged by the committer's identity. */
int ldr_repo_tag(struct ldr_repo *repo, const char *name, const char *message,
		 struct ldr_buf *err);

/* Every tag on a commit, oldest first (by tagger's or commit's time). */
int ldr_repo_tags(struct ldr_repo *repo, struct ldr_tag **tags, size_t *n, struct ldr_buf *err);
void ldr_tags_free(struct ldr_tag *tags, size_t n);
/* The newest annotated tag, the approved plan as 'ldr baseline' marks it
 * (a new string), or NULL when there is none. */
char *ldr_repo_newest_baseline(struct ldr_repo *repo);

#endif
