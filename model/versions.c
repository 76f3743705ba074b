/* Versions of the roadmap from its repository: a commit's changes, to the
 * roadmap or to one record, and the versions a review is fed. */
#include "versions.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "history.h"
#include "index.h"

int ldr_version_parse(struct ldr_roadmap *rm, const char *name, const struct ldr_buf *text,
		      struct ldr_buf *errors)
{
	struct ldr_diag diag;
	int r;

	ldr_diag_init(&diag, name);
	r = ldr_roadmap_read(rm, text->s ? text->s : "", text->len, &diag);
	if (r < 0 && errors)
		ldr_diag_format(&diag, errors);
	ldr_diag_release(&diag);
	return r < 0 ? -1 : 0;
}

/* ---- a commit's changes ------------------------------------------------------ */

void ldr_versions_init(struct ldr_versions *vs, struct ldr_repo *repo)
{
	memset(vs, 0, sizeof(*vs));
	vs->repo = repo;
}

static void version_clear(struct ldr_version *v)
{
	if (v->parsed > 0)
		ldr_roadmap_release(&v->rm);
	ldr_buf_reset(&v->text);
	v->parsed = 0;
	v->blob[0] = '\0';
}

void ldr_versions_release(struct ldr_versions *vs)
{
	int i;
	for (i = 0; i < 2; i++) {
		version_clear(&vs->cache[i]);
		ldr_buf_release(&vs->cache[i].text);
	}
	memset(vs, 0, sizeof(*vs));
}

/* The version of this blob, read if need be into the slot other than keep;
 * NULL if it cannot be read. */
static struct ldr_version *version(struct ldr_versions *vs, const char *blob,
				   const struct ldr_version *keep, struct ldr_buf *err)
{
	struct ldr_version *v;
	int i;

	for (i = 0; i < 2; i++)
		if (strcmp(vs->cache[i].blob, blob) == 0)
			return &vs->cache[i];
	v = &vs->cache[0] == keep ? &vs->cache[1] : &vs->cache[1] == keep ? &vs->cache[0]
								    : &vs->cache[vs->next++ % 2];
	version_clear(v);
	if (blob[0] && ldr_repo_read_blob(vs->repo, blob, &v->text, err) < 0) {
		ldr_buf_reset(&v->text); /* "": the slot holds nothing usable */
		return NULL;
	}
	strcpy(v->blob, blob);
	return v;
}

/* 0 when v is parsed; -1 when it does not parse (its errors go to err the
 * first time). */
static int parse(struct ldr_versions *vs, struct ldr_version *v, const char *commit,
		 struct ldr_buf *err)
{
	struct ldr_buf name = LDR_BUF_INIT;

	if (v->parsed)
		return v->parsed > 0 ? 0 : -1;
	if (!v->blob[0]) {
		ldr_roadmap_init(&v->rm); /* no file: an empty roadmap */
		v->parsed = 1;
		return 0;
	}
	ldr_buf_addf(&name, "%.7s:%s", commit, ldr_repo_relpath(vs->repo));
	v->parsed = ldr_version_parse(&v->rm, name.s, &v->text, err) == 0 ? 1 : -1;
	if (v->parsed < 0)
		ldr_roadmap_release(&v->rm);
	ldr_buf_release(&name);
	return v->parsed > 0 ? 0 : -1;
}

/* Compare just the record's own lines, read as a small roadmap each: 1 if
 * that worked (d holds the changes), 0 if the whole files must be read. */
static int diff_record(const char *record, const char *list, const struct ldr_version *a,
		       const struct ldr_version *b, struct ldr_diff *d)
{
	struct ldr_roadmap x, y;
	size_t as, ae, bs, be;
	int ok;

	if (!list || !a->text.s || !b->text.s ||
	    !ldr_record_span(a->text.s, a->text.len, record, &as, &ae) ||
	    !ldr_record_span(b->text.s, b->text.len, record, &bs, &be))
		return 0;
	ok = ldr_record_read(&x, a->text.s, as, ae, list) == 0 &&
	     ldr_record_read(&y, b->text.s, bs, be, list) == 0;
	if (ok)
		ldr_diff_roadmaps(d, &x, &y);
	ldr_roadmap_release(&x);
	ldr_roadmap_release(&y);
	return ok;
}

int ldr_versions_changes(struct ldr_versions *vs, const struct ldr_commit *c, const char *record,
			 const char *list, struct ldr_diff *d, struct ldr_buf *err)
{
	struct ldr_version *now, *before;
	size_t i;

	memset(d, 0, sizeof(*d));
	now = version(vs, c->blob, NULL, err);
	before = now ? version(vs, c->parent_blob, now, err) : NULL;
	if (!before)
		return -1;
	if (record && ldr_record_unchanged(before->text.s ? before->text.s : "", before->text.len,
					   now->text.s ? now->text.s : "", now->text.len, record))
		return 0;
	if (!record || !diff_record(record, list, before, now, d)) {
		if (parse(vs, now, c->id, err) < 0 || parse(vs, before, c->id, err) < 0)
			return -2;
		ldr_diff_roadmaps(d, &before->rm, &now->rm);
	}
	for (i = 0; record && i < d->n; i++)
		if (ldr_change_about(&d->v[i], record))
			return 1;
	if (!record)
		return 1;
	ldr_diff_release(d);
	return 0;
}

const char *ldr_record_list(const struct ldr_index *ix, const char *id)
{
	const struct ldr_ref *ref = ldr_index_find(ix, id);
	const struct ldr_kind *k = &ldr_kind_roadmap;
	size_t i;

	if (!ref || ref->parent_kind != &ldr_kind_roadmap)
		return NULL;
	for (i = 0; i < k->nfields; i++)
		if (k->fields[i].type == LDR_F_LIST && k->fields[i].kind == ref->kind)
			return k->fields[i].name;
	return NULL;
}

void ldr_diff_count(const struct ldr_diff *d, unsigned *added, unsigned *removed, unsigned *changed)
{
	size_t i;

	*added = *removed = *changed = 0;
	for (i = 0; i < d->n; i++) {
		const struct ldr_change *c = &d->v[i];
		if (c->type == LDR_CHANGE_ADDED)
			(*added)++;
		else if (c->type == LDR_CHANGE_REMOVED)
			(*removed)++;
		else if (i == 0 || d->v[i - 1].type != LDR_CHANGE_CHANGED ||
			 strcmp(d->v[i - 1].id, c->id) != 0)
			(*changed)++; /* a record's field changes are consecutive */
	}
}

/* ---- the versions of a review --------------------------------------------------- */

struct review_walk {
	struct ldr_review_source *src;
	struct ldr_review *rv;
	struct ldr_repo *repo;
	struct ldr_buf *notes, *err;
};

/* Parse text and feed it to the review; -1 (with the errors) if it does not parse. */
static int feed(struct ldr_review *rv, struct ldr_repo *repo, const struct ldr_commit *c,
		const struct ldr_buf *text, struct ldr_buf *errors)
{
	struct ldr_buf name = LDR_BUF_INIT;
	struct ldr_roadmap rm;
	int r;

	ldr_buf_addf(&name, "%.7s:%s", c->id, ldr_repo_relpath(repo));
	r = ldr_version_parse(&rm, name.s, text, errors);
	if (r == 0)
		ldr_review_add(rv, &rm, ldr_date_month(c->time, c->offset));
	ldr_roadmap_release(&rm);
	ldr_buf_release(&name);
	return r;
}

/* The first line of a parser's messages. */
static void first_line(struct ldr_buf *b, const struct ldr_buf *lines)
{
	if (lines->s)
		ldr_buf_add(b, lines->s, strcspn(lines->s, "\n"));
}

static int review_commit(const struct ldr_commit *c, void *payload)
{
	struct review_walk *w = payload;
	struct ldr_buf text = LDR_BUF_INIT, errors = LDR_BUF_INIT;
	int r = 0;

	if (ldr_date_month(c->time, c->offset) > w->rv->as_of) {
		w->src->later++; /* after the review's date: the plan was not yet so */
	} else if (!c->blob[0]) {
		w->src->skipped++;
		ldr_buf_addf(w->notes, "%.7s skipped: the roadmap is not there\n", c->id);
	} else if (ldr_repo_read_blob(w->repo, c->blob, &text, w->err) < 0) {
		r = -1;
	} else if (feed(w->rv, w->repo, c, &text, &errors) < 0) {
		w->src->skipped++;
		ldr_buf_addf(w->notes, "%.7s skipped: the roadmap does not parse there: ", c->id);
		first_line(w->notes, &errors);
		ldr_buf_addch(w->notes, '\n');
	} else {
		ldr_commit_release(&w->src->now);
		ldr_commit_copy(&w->src->now, c);
	}
	ldr_buf_release(&text);
	ldr_buf_release(&errors);
	return r;
}

/* The file, if it holds changes not committed: the plan as it is now. */
static void feed_uncommitted(struct review_walk *w)
{
	struct ldr_roadmap rm;
	struct ldr_diag diag;
	struct ldr_loaded st;
	struct ldr_buf err = LDR_BUF_INIT;

	ldr_diag_init(&diag, ldr_repo_file(w->repo));
	if (ldr_repo_load(w->repo, &rm, &st, &diag, &err) == 0 && ldr_loaded_dirty(&st)) {
		w->src->dirty = 1;
		ldr_review_add(w->rv, &rm, w->rv->as_of);
		ldr_buf_addf(w->notes, "note: %s has changes not committed; the review includes them\n",
			     ldr_repo_file(w->repo));
	}
	ldr_roadmap_release(&rm);
	ldr_diag_release(&diag);
	ldr_buf_release(&err);
}

int ldr_review_read(struct ldr_review_source *src, struct ldr_review *rv, struct ldr_repo *repo,
		    const char *baseline, int uncommitted, struct ldr_buf *notes, struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT, errors = LDR_BUF_INIT;
	struct review_walk w = { src, rv, repo, notes, err };
	int r = -1;

	memset(src, 0, sizeof(*src));
	if (ldr_repo_read_rev(repo, baseline, &text, &src->base, err) < 0)
		goto out;
	ldr_commit_copy(&src->now, &src->base);
	if (feed(rv, repo, &src->base, &text, &errors) < 0) {
		ldr_buf_addstr(err, "the roadmap does not parse at the baseline: ");
		first_line(err, &errors);
		goto out;
	}
	if (ldr_repo_walk(repo, NULL, src->base.id, 1, review_commit, &w, err) != 0)
		goto out;
	if (uncommitted)
		feed_uncommitted(&w);
	ldr_review_finish(rv);
	r = 0;
out:
	ldr_buf_release(&text);
	ldr_buf_release(&errors);
	return r;
}

void ldr_review_source_release(struct ldr_review_source *src)
{
	ldr_commit_release(&src->base);
	ldr_commit_release(&src->now);
}
