/* A roadmap's history through libgit2: commits (resolved, walked, read),
 * the roadmap's text at each, and the tags that mark baselines. */
#include "repo_git.h"
#include "signoff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../roadmap/file.h"
#include "../base/hash.h"
#include "../base/path.h"

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

/* ---- shallow clones ------------------------------------------------------- */

/* libgit2 1.5 knows no shallow clone: it looks for the parents of the
 * boundary's commits, which are not there ("object not found"). Its list
 * is .git/shallow, a commit id a line, as git writes it. */
static void read_shallow(struct ldr_repo *repo)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	size_t cap = 0;
	char *path, *line, *next;

	if (repo->shallow_read)
		return;
	repo->shallow_read = 1;
	if (!git_repository_is_shallow(repo->git))
		return;
	path = ldr_path_join(git_repository_path(repo->git), "shallow");
	if (ldr_file_read(path, &text, &err) == 0) {
		for (line = text.s; line && *line; line = next) {
			git_oid oid;
			next = strchr(line, '\n');
			if (next)
				*next++ = '\0';
			if (git_oid_fromstrn(&oid, line, strlen(line)) == 0 && strlen(line) == GIT_OID_HEXSZ) {
				ldr_grow((void **)&repo->shallow, &cap, repo->nshallow + 1, sizeof(*repo->shallow));
				repo->shallow[repo->nshallow++] = oid;
			}
		}
	}
	free(path);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
}

int ldr_repo_is_shallow(struct ldr_repo *repo)
{
	read_shallow(repo);
	return repo->nshallow > 0;
}

/* Whether the commit is on the boundary: its parents are not here. */
static int on_boundary(struct ldr_repo *repo, const git_oid *id)
{
	size_t i;

	read_shallow(repo);
	for (i = 0; i < repo->nshallow; i++)
		if (git_oid_equal(&repo->shallow[i], id))
			return 1;
	return 0;
}

/* ---- commits -------------------------------------------------------------- */

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
	if (c->parents && on_boundary(repo, git_commit_id(gc))) {
		c->parents = 0; /* as git shows it: the history begins here */
		c->shallow = 1;
	}
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
		else if (ldr_repo_is_shallow(repo))
			ldr_buf_addstr(err, ": " LDR_SHALLOW_HINT);
		return -1;
	}
	if (code < 0 && ldr_repo_is_shallow(repo)) { /* HEAD~5 past the boundary: a missing parent */
		ldr_buf_addstr(err, "revision ");
		repo_add_quoted(err, rev);
		ldr_buf_addstr(err, " is older than " LDR_SHALLOW_HINT);
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

/* One commit of a walk: fn sees it if it changed the roadmap. 0, fn's
 * non-zero return, or -1 with err. */
static int visit(struct ldr_repo *repo, const git_oid *oid, ldr_commit_fn fn, void *payload,
		 struct ldr_buf *err)
{
	struct ldr_commit c;
	git_commit *gc = NULL;
	int r;

	if (git_commit_lookup(&gc, repo->git, oid) < 0)
		return repo_git_fail(err, "cannot read a commit");
	r = fill_commit(repo, gc, &c, err);
	git_commit_free(gc);
	if (r < 0)
		return -1;
	r = strcmp(c.blob, c.parent_blob) != 0 ? fn(&c, payload) : 0;
	ldr_commit_release(&c);
	return r;
}

/* The walk of a shallow clone, which libgit2 1.5 cannot make: the graph
 * of the commits reachable from start, not from stop, and not past the
 * boundary, shown children first and, among those ready, newest first (as
 * GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME). */
struct wnode {
	char *hex;        /* its key in the table */
	long long time;   /* the committer's */
	size_t *parents;  /* indexes of the parents here */
	size_t np, children;
	int expanded, hidden, wanted;
};
struct wgraph {
	struct ldr_repo *repo;
	struct wnode *v;
	size_t n, cap;
	struct ldr_hash at; /* hex -> index + 1 */
};

static int wnode_of(struct wgraph *g, const git_oid *id, size_t *out, struct ldr_buf *err)
{
	char hex[GIT_OID_HEXSZ + 1];
	git_commit *c = NULL;
	void *at;

	git_oid_tostr(hex, sizeof(hex), id);
	if ((at = ldr_hash_get(&g->at, hex)) != NULL) {
		*out = (size_t)at - 1;
		return 0;
	}
	if (git_commit_lookup(&c, g->repo->git, id) < 0)
		return repo_git_fail(err, "cannot read commit %.7s", hex);
	ldr_grow((void **)&g->v, &g->cap, g->n + 1, sizeof(*g->v));
	memset(&g->v[g->n], 0, sizeof(g->v[g->n]));
	g->v[g->n].hex = ldr_strdup(hex);
	g->v[g->n].time = (long long)git_commit_time(c);
	ldr_hash_put(&g->at, g->v[g->n].hex, (void *)(g->n + 1));
	*out = g->n++;
	git_commit_free(c);
	return 0;
}

/* Every commit from the one at root down to the boundary; mark each with
 * flag (1 hidden, 2 wanted). */
static int wgraph_mark(struct wgraph *g, size_t root, int flag, struct ldr_buf *err)
{
	size_t *stack = NULL, cap = 0, n = 0;
	int r = -1;

	ldr_grow((void **)&stack, &cap, 1, sizeof(*stack));
	stack[n++] = root;
	while (n) {
		size_t i = stack[--n], k;
		struct wnode *w = &g->v[i];
		if (flag == 1 ? w->hidden : w->wanted)
			continue;
		if (flag == 1)
			w->hidden = 1;
		else
			w->wanted = 1;
		if (!w->expanded) {
			git_commit *c = NULL;
			git_oid oid;
			size_t np;
			w->expanded = 1;
			git_oid_fromstr(&oid, w->hex);
			if (git_commit_lookup(&c, g->repo->git, &oid) < 0) {
				repo_git_fail(err, "cannot read commit %.7s", w->hex);
				goto out;
			}
			np = on_boundary(g->repo, &oid) ? 0 : git_commit_parentcount(c);
			g->v[i].parents = np ? ldr_calloc(np, sizeof(size_t)) : NULL;
			for (k = 0; k < np; k++) {
				size_t at;
				if (wnode_of(g, git_commit_parent_id(c, (unsigned)k), &at, err) < 0) {
					git_commit_free(c);
					goto out;
				}
				g->v[i].parents[g->v[i].np++] = at; /* g->v may have moved */
			}
			git_commit_free(c);
		}
		for (k = 0; k < g->v[i].np; k++) {
			ldr_grow((void **)&stack, &cap, n + 1, sizeof(*stack));
			stack[n++] = g->v[i].parents[k];
		}
	}
	r = 0;
out:
	free(stack);
	return r;
}

static int shallow_walk(struct ldr_repo *repo, const git_commit *start, const git_commit *stop, int reverse,
			ldr_commit_fn fn, void *payload, struct ldr_buf *err)
{
	struct wgraph g;
	size_t *order = NULL, *ready = NULL, nready = 0, cap = 0, rcap = 0, norder = 0, i, k, at;
	int r = -1;

	memset(&g, 0, sizeof(g));
	g.repo = repo;
	if (stop && (wnode_of(&g, git_commit_id(stop), &at, err) < 0 || wgraph_mark(&g, at, 1, err) < 0))
		goto out;
	if (wnode_of(&g, git_commit_id(start), &at, err) < 0 || wgraph_mark(&g, at, 2, err) < 0)
		goto out;
	for (i = 0; i < g.n; i++)
		if (g.v[i].wanted && !g.v[i].hidden)
			for (k = 0; k < g.v[i].np; k++)
				g.v[g.v[i].parents[k]].children++;
	for (i = 0; i < g.n; i++)
		if (g.v[i].wanted && !g.v[i].hidden && !g.v[i].children) {
			ldr_grow((void **)&ready, &rcap, nready + 1, sizeof(*ready));
			ready[nready++] = i;
		}
	while (nready) {
		size_t best = 0, j;
		for (j = 1; j < nready; j++)
			if (g.v[ready[j]].time > g.v[ready[best]].time)
				best = j;
		i = ready[best];
		ready[best] = ready[--nready];
		ldr_grow((void **)&order, &cap, norder + 1, sizeof(*order));
		order[norder++] = i;
		for (k = 0; k < g.v[i].np; k++) {
			struct wnode *p = &g.v[g.v[i].parents[k]];
			if (p->wanted && !p->hidden && --p->children == 0) {
				ldr_grow((void **)&ready, &rcap, nready + 1, sizeof(*ready));
				ready[nready++] = g.v[i].parents[k];
			}
		}
	}
	for (k = 0; k < norder; k++) {
		git_oid oid;
		git_oid_fromstr(&oid, g.v[order[reverse ? norder - 1 - k : k]].hex);
		if ((r = visit(repo, &oid, fn, payload, err)) != 0)
			goto out;
	}
	r = 0;
out:
	for (i = 0; i < g.n; i++) {
		free(g.v[i].hex);
		free(g.v[i].parents);
	}
	free(g.v);
	ldr_hash_clear(&g.at);
	free(order);
	free(ready);
	return r;
}

int ldr_repo_walk(struct ldr_repo *repo, const char *from, const char *hide, int reverse,
		  ldr_commit_fn fn, void *payload, struct ldr_buf *err)
{
	git_revwalk *walk = NULL;
	git_commit *start = NULL, *stop = NULL;
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
	if (ldr_repo_is_shallow(repo)) {
		r = shallow_walk(repo, start, stop, reverse, fn, payload, err);
		goto out;
	}
	if (git_revwalk_new(&walk, repo->git) < 0 ||
	    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME |
				(reverse ? GIT_SORT_REVERSE : 0)) < 0 ||
	    git_revwalk_push(walk, git_commit_id(start)) < 0 ||
	    (stop && git_revwalk_hide(walk, git_commit_id(stop)) < 0)) {
		repo_git_fail(err, "cannot walk the history");
		goto out;
	}
	while ((code = git_revwalk_next(&oid, walk)) == 0)
		if ((r = visit(repo, &oid, fn, payload, err)) != 0)
			goto out;
	if (code != GIT_ITEROVER) {
		r = repo_git_fail(err, "cannot walk the history");
		goto out;
	}
	r = 0;
out:
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
	repo_message(&msg, message, name);
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
		t->tagger_email = ldr_strdup(s && s->email ? s->email : "");
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
		free(tags[i].tagger_email);
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
			if (tags[i].annotated && !ldr_tag_is_signoff(tags[i].name))
				name = ldr_strdup(tags[i].name);
	ldr_tags_free(tags, n);
	ldr_buf_release(&err);
	return name;
}
