/* Several editors, one roadmap: syncing with a shared remote ('ldr sync',
 * and the interface's sync). Fetch; if both sides moved, merge by meaning
 * (merge.h) and check the result; commit the merge and push it. Nothing
 * changes here unless all of that succeeds: conflicts, a refused push or a
 * network failure leave the work tree, the index and HEAD as they were.
 * The git parts are the repository's (repo.h); no libgit2 here. */
#ifndef LDR_SYNC_H
#define LDR_SYNC_H

#include "../rules/check.h"
#include "../roadmap/diff.h"
#include "../roadmap/merge.h"
#include "repo.h"

enum ldr_sync_how {
	LDR_SYNC_UP_TO_DATE,   /* both sides hold the same commit */
	LDR_SYNC_PUSHED,       /* only ours moved: pushed */
	LDR_SYNC_FAST_FORWARD, /* only theirs moved: taken */
	LDR_SYNC_MERGED,       /* both moved: merged, committed and pushed */
	LDR_SYNC_CONFLICTS,    /* both moved, and conflict: nothing changed */
};

struct ldr_sync {
	enum ldr_sync_how how;
	struct ldr_remote remote;
	/* FAST_FORWARD: theirs; MERGED: the merge as saved (its positions the
	 * file's); CONFLICTS: the merge with its conflicts, not saved. */
	struct ldr_roadmap result;
	struct ldr_merge merge;
	struct ldr_diff taken;      /* what came from theirs: ours to result */
	struct ldr_findings broken; /* MERGED: errors the merge made that neither side had */
	char commit[LDR_OID_HEX + 1]; /* MERGED: the merge commit */
};

/* Sync rm, the roadmap as loaded with st (updated when HEAD moves), with
 * the remote called remote (NULL: the branch's remote, else origin). o: the
 * checks' options (the review date). Refused when the file has changes not
 * committed, or a git merge is in progress. Returns 0 (with out->how; err
 * may hold a warning: the index could not be updated), or -1 with one line
 * in err; out must be released either way. */
int ldr_sync(struct ldr_repo *repo, const char *remote, const struct ldr_roadmap *rm, struct ldr_loaded *st,
	     const struct ldr_check_opts *o, struct ldr_sync *out, struct ldr_buf *err);
void ldr_sync_release(struct ldr_sync *s);

/* Merge the commit rev names (a branch, as scenario/NAME; a tag; an id)
 * into the plan, rm as loaded with st, as a sync merges the remote's: up
 * to date when the plan holds it already; a fast-forward when the plan has
 * not moved since they parted; else a merge by meaning, checked, committed
 * with two parents and checked out. out->remote has no name, its branch is
 * rev. Conflicts change nothing (LDR_SYNC_CONFLICTS). Refused as a sync is. */
int ldr_merge_rev(struct ldr_repo *repo, const char *rev, const struct ldr_roadmap *rm, struct ldr_loaded *st,
		  const struct ldr_check_opts *o, struct ldr_sync *out, struct ldr_buf *err);

/* The commit message of a sync's merge: "Merge origin/main into main". */
void ldr_sync_message(struct ldr_buf *b, const struct ldr_remote *r);

/* The errors of the checks in after that neither a nor b has: what a merge
 * broke. An error is identified by what it is about (ldr_finding_same), not
 * by its message: one that either side had is not the merge's, even when
 * the values it names changed. a and b may be the same roadmap. */
void ldr_check_new_errors(const struct ldr_roadmap *after, const struct ldr_roadmap *a,
			  const struct ldr_roadmap *b, const struct ldr_check_opts *o,
			  struct ldr_findings *out);

#endif
