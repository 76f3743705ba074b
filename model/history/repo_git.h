/* What the files of ldr that see libgit2 (model/history/repo*.c, remote.c, scenario.c)
 * share: the repository handle, a save's plan, and their helpers.
 * Nothing else includes this. */
#ifndef LDR_REPO_GIT_H
#define LDR_REPO_GIT_H

#include <git2.h>

#include "repo.h"

struct ldr_repo {
	git_repository *git;
	char *file;    /* the roadmap's path, as given */
	char *relpath; /* its path in the work tree */
	/* A shallow clone's boundary (.git/shallow): the commits whose
	 * parents are not here, read once (repo_history.c). */
	git_oid *shallow;
	size_t nshallow;
	int shallow_read;
};

/* What a save writes, and how. */
struct save_plan {
	const char *text;
	size_t len;
	int must_be_tracked;
	const char *message;
	const git_oid *target;          /* move to this commit (a fast-forward); NULL: make one */
	const struct ldr_remote *push;  /* publish the commit there first */
};

/* Append a formatted message to err; return -1. The git_ one adds
 * libgit2's message for the last error, made safe for a terminal. */
__attribute__((format(printf, 2, 3)))
int repo_fail(struct ldr_buf *err, const char *fmt, ...);
__attribute__((format(printf, 2, 3)))
int repo_git_fail(struct ldr_buf *err, const char *fmt, ...);
/* libgit2's message for the last error, made safe for a terminal. */
void repo_add_git_error(struct ldr_buf *err);
/* s, quoted and made safe. */
void repo_add_quoted(struct ldr_buf *b, const char *s);
void repo_oid_hex(char *out, const git_oid *oid);
/* HEAD's commit, or 0 with *unborn set when the branch has none. */
int repo_head_oid(struct ldr_repo *repo, git_oid *oid, int *unborn, struct ldr_buf *err);
/* The roadmap's blob id in a commit into out; "" if the commit has no
 * such file. */
int repo_blob_in_commit(struct ldr_repo *repo, const git_commit *c, char *out, struct ldr_buf *err);
/* Who saves, from git's configuration and the GIT_AUTHOR_* and
 * GIT_COMMITTER_* variables; who is "AUTHOR" or "COMMITTER". */
int repo_signature(git_signature **out, struct ldr_repo *repo, const char *who, struct ldr_buf *err);
/* A commit's (or a tag's) message: message, else fallback, ending in one
 * newline. */
void repo_message(struct ldr_buf *msg, const char *message, const char *fallback);
/* Who saves, as author and committer (repo_signature): 0, or -1 with err.
 * Asked before any object is stored, so that none is left behind. */
struct repo_who {
	git_signature *author, *committer;
};
int repo_who(struct repo_who *who, struct ldr_repo *repo, struct ldr_buf *err);
void repo_who_free(struct repo_who *who);
/* A commit of tree on its parents, by who, with the message as
 * repo_message makes it: 0, or -1 with err. */
int repo_commit_tree(struct ldr_repo *repo, const struct repo_who *who, const git_tree *tree, size_t nparents,
		     const git_commit **parents, const char *message, const char *fallback, git_oid *out,
		     struct ldr_buf *err);
/* The branch HEAD names ("refs/heads/main"), or "HEAD" when detached;
 * NULL with err. Free it. */
char *repo_head_target(struct ldr_repo *repo, struct ldr_buf *err);
/* Serialise the writers of one repository: an exclusive flock(2) of the
 * git directory, waited for (a save, a scenario's commit); *fd is for
 * repo_unlock. 0, LDR_E_LOCKED after a wait, or -1 with err. */
int repo_lock(struct ldr_repo *repo, int *fd, struct ldr_buf *err);
void repo_unlock(int fd);
/* Save p's text as a commit (see repo.c): 0, or -1 with err. */
int repo_save_text(struct ldr_repo *repo, const struct save_plan *p, struct ldr_loaded *st,
		   struct ldr_buf *commit_id, struct ldr_buf *err);
/* What git would store for the roadmap's bytes text: its clean filters
 * applied (repo_filter.c), into out. 0; 1 with the reason in err when a
 * filter cannot be run here (nothing may then be committed); -1 on error. */
int repo_clean(struct ldr_repo *repo, const char *text, size_t len, struct ldr_buf *out, struct ldr_buf *err);
/* The same without a copy when nothing cleans it: *out is text itself, or
 * what store holds (valid until store changes). */
int repo_clean_view(struct ldr_repo *repo, const char *text, size_t len, struct ldr_buf *store,
		    const char **out, size_t *outlen, struct ldr_buf *err);
/* Push a commit to the remote's branch (remote.c). */
int repo_push_commit(struct ldr_repo *repo, const struct ldr_remote *r, const git_oid *commit,
		     struct ldr_buf *err);

#endif
