/* A roadmap's history through libgit2: commits (resolved, walked, read),
 * the roadmap's text at each, and the tags that mark baselines. */
#include "repo_git.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	repo_oid_hex(c->id, git_commit_id(gc));
	c->author = ldr_strdup(a->name ? a->name : "");
	c->email = ldr_strdup(a->email ? a->email : "");
	c->time = (long long)a->when.time;
	c->offset = a->when.offset;
	c->message = ldr_strdup(git_commit_message(gc) ? git_commit_message(gc) : "");
	c->parents = git_commit_parentcount(gc);
	if (repo_blob_in_commit(repo, gc, c->blob, err) < 0)
		goto out;
	if (c->parents) {
		if (git_commit_parent(&parent, gc, 0) < 0) {
			repo_git_fail(err, "cannot read the parent of %.7s", c->id);
			goto out;
		}
		if (repo_blob_in_commit(repo, parent, c->parent_blob, err) < 0)
			goto out;
	}
	if (c->parents > 1) {
		git_commit_free(parent);
		parent = NULL;
		if (git_commit_parent(&parent, gc, 1) < 0) {
			repo_git_fail(err, "cannot read the second parent of %.7s", c->id);
			goto out;
		}
		if (repo_blob_in_commit(repo, parent, c->parent2_blob, err) < 0)
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
		repo_add_quoted(err, rev);
		if (strcmp(rev, "HEAD") == 0)
			ldr_buf_addstr(err, ": the branch has no commit yet");
		return -1;
	}
	if (code < 0)
		return repo_git_fail(err, "cannot read revision '%s'", rev);
	code = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
	git_object_free(obj);
	if (code < 0) {
		ldr_buf_addstr(err, "revision ");
		repo_add_quoted(err, rev);
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
		return repo_git_fail(err, "cannot read blob %.7s", blob_hex);
	size = git_blob_rawsize(blob);
	if (size > 64u << 20) {
		git_blob_free(blob);
		return repo_fail(err, "blob %.7s is too large: the limit is 64 MiB", blob_hex);
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
		if (repo_head_oid(repo, &oid, &unborn, err) < 0)
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
		repo_git_fail(err, "cannot walk the history");
		goto out;
	}
	while ((code = git_revwalk_next(&oid, walk)) == 0) {
		struct ldr_commit c;
		if (git_commit_lookup(&gc, repo->git, &oid) < 0) {
			repo_git_fail(err, "cannot read a commit");
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
		repo_git_fail(err, "cannot walk the history");
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
		repo_add_quoted(err, name);
		ldr_buf_addstr(err, " is not a valid tag name (use letters, digits, '-', '.' and '/', "
			       "as in submitted-2016-06)");
		return -1;
	}
	if (git_revparse_single(&target, repo->git, "HEAD^{commit}") < 0) {
		repo_fail(err, "no commit to mark: the branch has no commit yet");
		goto out;
	}
	if (repo_signature(&tagger, repo, "COMMITTER", err) < 0)
		goto out;
	ldr_buf_addstr(&msg, message && *message ? message : name);
	while (msg.len && (msg.s[msg.len - 1] == '\n' || msg.s[msg.len - 1] == ' '))
		msg.s[--msg.len] = '\0';
	ldr_buf_addch(&msg, '\n');
	code = git_tag_create(&oid, repo->git, name, target, tagger, msg.s, 0);
	if (code == GIT_EEXISTS) {
		repo_fail(err, "baseline '%s' exists already: a baseline is never moved; choose another name", name);
		goto out;
	}
	if (code < 0) {
		repo_git_fail(err, "cannot make tag '%s'", name);
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
	repo_oid_hex(t->commit, git_object_id(peeled));
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
		return repo_git_fail(err, "cannot list the tags");
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

char *ldr_repo_newest_baseline(struct ldr_repo *repo)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_tag *tags = NULL;
	size_t n = 0, i;
	char *name = NULL;

	if (ldr_repo_tags(repo, &tags, &n, &err) == 0)
		for (i = n; i-- > 0 && !name;)
			if (tags[i].annotated)
				name = ldr_strdup(tags[i].name);
	ldr_tags_free(tags, n);
	ldr_buf_release(&err);
	return name;
}
