/* Syncing with a shared remote (sync.h). */
#include "sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"
#include "versions.h"

/* Whether f has the error x already: about the same thing, whatever the
 * values its message names (ldr_finding_same). */
static int among(const struct ldr_findings *f, const struct ldr_finding *x)
{
	size_t i;
	for (i = 0; i < f->n; i++)
		if (f->v[i].rule->severity == LDR_CHECK_ERROR && ldr_finding_same(&f->v[i], x))
			return 1;
	return 0;
}

void ldr_check_new_errors(const struct ldr_roadmap *after, const struct ldr_roadmap *a,
			  const struct ldr_roadmap *b, const struct ldr_check_opts *o,
			  struct ldr_findings *out)
{
	struct ldr_findings fa, fb, all;
	size_t i;

	memset(out, 0, sizeof(*out));
	ldr_check(after, o, &all);
	if (!all.errors) {
		ldr_findings_release(&all);
		return;
	}
	ldr_check(a, o, &fa);
	if (b != a) /* 'ldr set' compares with one roadmap before */
		ldr_check(b, o, &fb);
	else
		memset(&fb, 0, sizeof(fb));
	for (i = 0; i < all.n; i++) {
		struct ldr_finding *x = &all.v[i];
		/* Conflicts are the merge's own report, not a break of the schedule. */
		if (x->rule->severity != LDR_CHECK_ERROR || !strcmp(x->rule->id, "merge-conflict") ||
		    among(&fa, x) || among(&fb, x))
			continue;
		ldr_grow((void **)&out->v, &out->cap, out->n + 1, sizeof(*out->v));
		out->v[out->n++] = *x;
		out->errors++;
		out->per_rule[x->rule - ldr_rules]++;
		memset(x, 0, sizeof(*x)); /* moved */
	}
	ldr_findings_release(&all);
	ldr_findings_release(&fa);
	ldr_findings_release(&fb);
}

void ldr_sync_message(struct ldr_buf *b, const struct ldr_remote *r)
{
	ldr_buf_addf(b, "Merge %s/%s into %s\n\nMerged by ldr sync, record by record and field by field.",
		     r->name, r->branch, r->branch);
}

void ldr_sync_release(struct ldr_sync *s)
{
	ldr_remote_release(&s->remote);
	ldr_roadmap_release(&s->result);
	ldr_merge_release(&s->merge);
	ldr_diff_release(&s->taken);
	ldr_findings_release(&s->broken);
}

/* The roadmap at a commit ("" or a commit without the file: an empty one,
 * as the base of a file added on both sides), named "LABEL:PATH". */
static int read_labelled(struct ldr_repo *repo, const char *label, const char *commit,
			 struct ldr_roadmap *rm, struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT, name = LDR_BUF_INIT;
	struct ldr_commit c;
	int ret = -1;

	ldr_roadmap_init(rm);
	memset(&c, 0, sizeof(c));
	if (ldr_repo_resolve(repo, commit, &c, err) < 0)
		goto out;
	if (!c.blob[0]) {
		ret = 0;
		goto out;
	}
	ldr_buf_addf(&name, "%s:%s", label, ldr_repo_relpath(repo));
	if (ldr_repo_read_blob(repo, c.blob, &text, err) < 0)
		goto out;
	if (ldr_version_parse(rm, name.s, &text, err) < 0) {
		/* The first error, on one line. */
		char *nl = strchr(err->s, '\n');
		if (nl)
			err->len = (size_t)(nl - err->s), *nl = '\0';
		goto out;
	}
	ret = 0;
out:
	ldr_commit_release(&c);
	ldr_buf_release(&text);
	ldr_buf_release(&name);
	return ret;
}

static int read_version(struct ldr_repo *repo, const struct ldr_remote *r, const char *commit,
			struct ldr_roadmap *rm, struct ldr_buf *err)
{
	struct ldr_buf label = LDR_BUF_INIT;
	int ret;

	if (r->name)
		ldr_buf_addf(&label, "%s/%s", r->name, r->branch);
	else
		ldr_buf_addstr(&label, r->branch);
	ret = read_labelled(repo, label.s, commit, rm, err);
	ldr_buf_release(&label);
	return ret;
}

/* The merge written as it will be saved, read back: its positions are the
 * file's, for the findings. */
static int as_saved(const struct ldr_roadmap *rm, struct ldr_roadmap *out, const char *name,
		    struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT;
	int r = ldr_roadmap_write(rm, &text, err);

	ldr_roadmap_init(out);
	if (r == 0)
		r = ldr_version_parse(out, name, &text, err);
	ldr_buf_release(&text);
	return r;
}

static int merge_both(struct ldr_repo *repo, const struct ldr_roadmap *rm, struct ldr_loaded *st,
		      const struct ldr_check_opts *o, struct ldr_sync *s, struct ldr_buf *err)
{
	struct ldr_roadmap base, theirs, merged;
	struct ldr_buf msg = LDR_BUF_INIT, id = LDR_BUF_INIT;
	int r = -1;

	ldr_roadmap_init(&merged);
	if (read_version(repo, &s->remote, s->remote.base, &base, err) < 0 ||
	    read_version(repo, &s->remote, s->remote.theirs, &theirs, err) < 0)
		goto out;
	ldr_merge(&merged, &base, rm, &theirs, &s->merge);
	if (s->merge.n) {
		s->how = LDR_SYNC_CONFLICTS;
		s->result = merged;
		ldr_roadmap_init(&merged);
		r = 0;
		goto out;
	}
	if (as_saved(&merged, &s->result, ldr_repo_file(repo), err) < 0)
		goto out;
	ldr_check_new_errors(&s->result, rm, &theirs, o, &s->broken);
	if (s->remote.name) {
		ldr_sync_message(&msg, &s->remote);
		r = ldr_repo_save_pushed(repo, &s->result, st, &s->remote, msg.s, &id, err);
	} else {
		ldr_buf_addf(&msg, "Merge %s\n\nMerged by ldr merge, record by record and field by field.",
			     s->remote.branch);
		memcpy(st->merging, s->remote.theirs, sizeof(st->merging));
		st->merging_git = 0;
		if ((r = ldr_repo_save(repo, &s->result, st, msg.s, &id, err)) < 0)
			st->merging[0] = '\0';
	}
	if (r >= 0) {
		s->how = LDR_SYNC_MERGED;
		snprintf(s->commit, sizeof(s->commit), "%s", id.s ? id.s : "");
		r = 0; /* a warning (the index) is in err */
	}
out:
	ldr_roadmap_release(&base);
	ldr_roadmap_release(&theirs);
	ldr_roadmap_release(&merged);
	ldr_buf_release(&msg);
	ldr_buf_release(&id);
	return r;
}

/* A sync or a merge begins with the plan committed and no merge under way. */
static int refused(struct ldr_repo *repo, const struct ldr_loaded *st, const char *what, struct ldr_buf *err)
{
	if (st->merging[0]) {
		ldr_buf_addf(err, "a merge is in progress: finish it (resolve the conflicts, then save) "
			     "or abandon it ('git merge --abort'), then %s", what);
		return 1;
	}
	if (ldr_loaded_dirty(st)) {
		ldr_buf_addf(err, "'%s' has changes not committed: save them first (the interface's 'w', "
			     "'ldr set', 'git commit'), then %s", ldr_repo_file(repo), what);
		return 1;
	}
	return 0;
}


/* Theirs taken, once the base is known: as it is when ours has not moved
 * since (a fast-forward), else merged field by field; what it changed
 * here in s->taken. */
static int take(struct ldr_repo *repo, const struct ldr_roadmap *rm, struct ldr_loaded *st,
		const struct ldr_check_opts *o, struct ldr_sync *s, struct ldr_buf *err)
{
	struct ldr_remote *r = &s->remote;
	int ret;

	if (!strcmp(r->base, r->head)) {
		if (read_version(repo, r, r->theirs, &s->result, err) < 0 ||
		    ldr_repo_fast_forward(repo, st, r, err) < 0)
			return -1;
		s->how = LDR_SYNC_FAST_FORWARD;
		ret = 0;
	} else {
		ret = merge_both(repo, rm, st, o, s, err);
	}
	if (ret == 0)
		ldr_diff_roadmaps(&s->taken, rm, &s->result);
	return ret;
}

int ldr_sync(struct ldr_repo *repo, const char *remote, const struct ldr_roadmap *rm, struct ldr_loaded *st,
	     const struct ldr_check_opts *o, struct ldr_sync *s, struct ldr_buf *err)
{
	struct ldr_remote *r = &s->remote;

	memset(s, 0, sizeof(*s));
	ldr_roadmap_init(&s->result);
	if (refused(repo, st, "sync", err))
		return -1;
	if (ldr_repo_fetch(repo, remote, r, err) < 0)
		return -1;
	if (!strcmp(r->head, r->theirs)) {
		s->how = LDR_SYNC_UP_TO_DATE;
		return 0;
	}
	if (!r->theirs[0] || !strcmp(r->base, r->theirs)) {
		if (ldr_repo_push(repo, r, err) < 0)
			return -1;
		s->how = LDR_SYNC_PUSHED;
		return 0;
	}
	if (!r->base[0]) {
		ldr_buf_addf(err, "'%s' and %s/%s have no history in common: merge them with git",
			     r->branch, r->name, r->branch);
		return -1;
	}
	return take(repo, rm, st, o, s, err);
}

int ldr_merge_rev(struct ldr_repo *repo, const char *rev, const struct ldr_roadmap *rm, struct ldr_loaded *st,
		  const struct ldr_check_opts *o, struct ldr_sync *s, struct ldr_buf *err)
{
	struct ldr_remote *r = &s->remote;
	struct ldr_commit c;

	memset(s, 0, sizeof(*s));
	ldr_roadmap_init(&s->result);
	if (refused(repo, st, "merge", err))
		return -1;
	if (!st->head[0]) {
		ldr_buf_addstr(err, "the branch has no commit yet: nothing to merge into");
		return -1;
	}
	if (ldr_repo_resolve(repo, rev, &c, err) < 0)
		return -1;
	r->branch = ldr_strdup(rev);
	memcpy(r->head, st->head, sizeof(r->head));
	memcpy(r->theirs, c.id, sizeof(r->theirs));
	ldr_commit_release(&c);
	if (ldr_repo_merge_base(repo, r->head, r->theirs, r->base, err) < 0)
		return -1;
	if (!strcmp(r->head, r->theirs) || !strcmp(r->base, r->theirs)) {
		s->how = LDR_SYNC_UP_TO_DATE;
		return 0;
	}
	if (!r->base[0]) {
		ldr_buf_addf(err, "HEAD and '%s' have no history in common: merge them with git", rev);
		return -1;
	}
	return take(repo, rm, st, o, s, err);
}
