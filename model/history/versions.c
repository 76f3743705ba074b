/* Versions of the roadmap from its repository: a commit's changes, to the
 * roadmap or to one record, and the versions a review is fed. */
#include "versions.h"

#include <stdlib.h>
#include <string.h>

#include "../roadmap/date.h"
#include "../base/diag.h"
#include "history.h"
#include "../roadmap/index.h"

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
	if (v->tabled)
		ldr_record_table_release(&v->table);
	ldr_buf_reset(&v->text);
	v->parsed = v->tabled = 0;
	v->blob[0] = '\0';
}

void ldr_versions_release(struct ldr_versions *vs)
{
	int i;
	for (i = 0; i < LDR_VERSIONS_CACHED; i++) {
		version_clear(&vs->cache[i]);
		ldr_buf_release(&vs->cache[i].text);
	}
	memset(vs, 0, sizeof(*vs));
}

/* The version of this blob, read if need be into the slot used longest ago
 * that is neither keep nor keep2; NULL if it cannot be read. */
static struct ldr_version *version2(struct ldr_versions *vs, const char *blob, const struct ldr_version *keep,
				    const struct ldr_version *keep2, struct ldr_buf *err)
{
	struct ldr_version *v = NULL;
	int i;

	for (i = 0; i < LDR_VERSIONS_CACHED; i++)
		if (strcmp(vs->cache[i].blob, blob) == 0 && (vs->cache[i].blob[0] || vs->cache[i].used)) {
			vs->cache[i].used = ++vs->clock;
			return &vs->cache[i];
		}
	for (i = 0; i < LDR_VERSIONS_CACHED; i++)
		if (&vs->cache[i] != keep && &vs->cache[i] != keep2 && (!v || vs->cache[i].used < v->used))
			v = &vs->cache[i];
	version_clear(v);
	if (blob[0] && ldr_repo_read_blob(vs->repo, blob, &v->text, err) < 0) {
		ldr_buf_reset(&v->text); /* "": the slot holds nothing usable */
		v->used = 0;
		return NULL;
	}
	strcpy(v->blob, blob);
	v->used = ++vs->clock;
	return v;
}

static struct ldr_version *version(struct ldr_versions *vs, const char *blob, const struct ldr_version *keep,
				   struct ldr_buf *err)
{
	return version2(vs, blob, keep, NULL, err);
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

/* The top-level lists whose records a review reads. */
static const char *const reviewed_lists[] = { "projects", "capabilities", "universal_capabilities", NULL };

struct review_walk {
	struct ldr_review_source *src;
	struct ldr_review *rv;
	struct ldr_versions vs;
	char good[LDR_OID_HEX + 1]; /* the last version fed: what a broken one is compared with */
	struct ldr_buf *notes, *err;
	const char *tip; /* the newest commit read: NULL for HEAD (and the file) */
};

/* The first line of a parser's messages. */
static void first_line(struct ldr_buf *b, const struct ldr_buf *lines)
{
	if (lines->s)
		ldr_buf_add(b, lines->s, strcspn(lines->s, "\n"));
}

static int tabled(struct ldr_version *v)
{
	if (!v->tabled)
		v->tabled = ldr_record_table_build(&v->table, v->text.s ? v->text.s : "", v->text.len,
						   reviewed_lists) == 0 ? 1 : -1;
	return v->tabled > 0;
}

/* Whether the record at span i of a differs from its namesake in b; the
 * namesake's index goes to *j ((size_t)-1: none). */
static int span_differs(const struct ldr_version *a, size_t i, const struct ldr_version *b, size_t *j)
{
	const struct ldr_record_span *x = &a->table.v[i];
	const struct ldr_record_span *y = ldr_record_table_find(&b->table, ldr_record_table_id(&a->table, x));

	*j = y ? (size_t)(y - b->table.v) : (size_t)-1;
	return !y || y->list != x->list || y->end - y->start != x->end - x->start ||
	       memcmp(a->text.s + x->start, b->text.s + y->start, x->end - x->start) != 0;
}

/* The records whose lines differ, as they are in before and in after. */
static void changed_spans(const struct ldr_version *before, const struct ldr_version *after, size_t **sa,
			  size_t *na, size_t **sb, size_t *nb)
{
	size_t i, j;

	*sa = ldr_calloc(before->table.n + 1, sizeof(**sa));
	*sb = ldr_calloc(after->table.n + 1, sizeof(**sb));
	*na = *nb = 0;
	for (i = 0; i < after->table.n; i++)
		if (span_differs(after, i, before, &j)) {
			(*sb)[(*nb)++] = i;
			if (j != (size_t)-1)
				(*sa)[(*na)++] = j;
		}
	for (i = 0; i < before->table.n; i++)
		if (!ldr_record_table_find(&after->table, ldr_record_table_id(&before->table, &before->table.v[i])))
			(*sa)[(*na)++] = i;
}

/* The versions a commit is compared in: its parent's, its own, and for a
 * merge its second parent's (else NULL). */
struct sides {
	struct ldr_version *before, *after, *other;
};

/* The same records in a merge's second parent, those of them it has. */
static size_t *other_spans(const struct sides *v, const size_t *sa, size_t na, const size_t *sb, size_t nb,
			   size_t *no)
{
	const struct ldr_record_table *t = &v->other->table;
	char *seen = ldr_calloc(t->n + 1, 1);
	size_t *so = ldr_calloc(t->n + 1, sizeof(*so)), i;

	*no = 0;
	for (i = 0; i < na + nb; i++) {
		const struct ldr_version *in = i < na ? v->before : v->after;
		const struct ldr_record_table *from = &in->table;
		const struct ldr_record_span *sp = &from->v[i < na ? sa[i] : sb[i - na]];
		const struct ldr_record_span *o = ldr_record_table_find(t, ldr_record_table_id(from, sp));
		if (o && !seen[o - t->v]++)
			so[(*no)++] = (size_t)(o - t->v);
	}
	free(seen);
	return so;
}

/* Feed what c changed by reading only the records whose lines changed: 0,
 * or -1 when that cannot be done (the whole versions must be compared). */
static int feed_records(struct review_walk *w, const struct ldr_commit *c, const struct sides *v)
{
	struct ldr_roadmap x, y, z;
	size_t *sa, *sb, *so = NULL, na, nb, no = 0;
	int r = -1;

	if (!tabled(v->before) || !tabled(v->after) || (v->other && !tabled(v->other)))
		return -1;
	ldr_roadmap_init(&y);
	ldr_roadmap_init(&z);
	changed_spans(v->before, v->after, &sa, &na, &sb, &nb);
	if (v->other)
		so = other_spans(v, sa, na, sb, nb, &no);
	if (ldr_records_read(&x, v->before->text.s, &v->before->table, sa, na, reviewed_lists) == 0 &&
	    ldr_records_read(&y, v->after->text.s, &v->after->table, sb, nb, reviewed_lists) == 0 &&
	    (!v->other || ldr_records_read(&z, v->other->text.s, &v->other->table, so, no, reviewed_lists) == 0)) {
		ldr_review_changes(w->rv, c, &x, &y, v->other ? &z : NULL);
		r = 0;
	}
	ldr_roadmap_release(&x);
	ldr_roadmap_release(&y);
	ldr_roadmap_release(&z);
	free(sa);
	free(sb);
	free(so);
	return r;
}

/* Feed what c changed by comparing the whole versions: 0, or -1 when its
 * version does not parse (skipped, with a note). */
static int feed_whole(struct review_walk *w, const struct ldr_commit *c, struct sides v)
{
	struct ldr_buf errors = LDR_BUF_INIT;

	w->src->whole++;
	if (parse(&w->vs, v.after, c->id, &errors) < 0) {
		w->src->skipped++;
		ldr_buf_addf(w->notes, "%.7s skipped: the roadmap does not parse there: ", c->id);
		first_line(w->notes, &errors);
		ldr_buf_addch(w->notes, '\n');
		ldr_buf_release(&errors);
		return -1;
	}
	if (v.other && parse(&w->vs, v.other, c->id, NULL) < 0)
		v.other = NULL;
	/* Its parent does not parse (a commit skipped): compare with the last
	 * version that did. */
	if (parse(&w->vs, v.before, c->id, NULL) < 0)
		v.before = version2(&w->vs, w->good, v.after, v.other, w->err);
	if (v.before && parse(&w->vs, v.before, c->id, NULL) == 0)
		ldr_review_changes(w->rv, c, &v.before->rm, &v.after->rm, v.other ? &v.other->rm : NULL);
	ldr_buf_release(&errors);
	return 0;
}

static int review_commit(const struct ldr_commit *c, void *payload)
{
	struct review_walk *w = payload;
	struct sides v = { NULL, NULL, NULL };

	w->src->commits++;
	if (!c->blob[0]) {
		w->src->skipped++;
		ldr_buf_addf(w->notes, "%.7s skipped: the roadmap is not there\n", c->id);
		return 0;
	}
	v.after = version(&w->vs, c->blob, NULL, w->err);
	v.before = v.after ? version(&w->vs, c->parent_blob, v.after, w->err) : NULL;
	if (v.before && c->parents > 1 && c->parent2_blob[0] &&
	    !(v.other = version2(&w->vs, c->parent2_blob, v.after, v.before, w->err)))
		return -1;
	if (!v.before)
		return -1;
	if (feed_records(w, c, &v) == 0 || feed_whole(w, c, v) == 0)
		strcpy(w->good, c->blob);
	return 0;
}

/* The plan at the baseline. */
static int read_baseline(struct review_walk *w, const char *baseline)
{
	struct ldr_buf text = LDR_BUF_INIT, errors = LDR_BUF_INIT, name = LDR_BUF_INIT;
	struct ldr_roadmap rm;
	int r = -1;

	if (ldr_repo_read_rev(w->vs.repo, baseline, &text, &w->src->base, w->err) < 0)
		goto out;
	ldr_buf_addf(&name, "%.7s:%s", w->src->base.id, ldr_repo_relpath(w->vs.repo));
	if (ldr_version_parse(&rm, name.s, &text, &errors) < 0) {
		ldr_buf_addstr(w->err, "the roadmap does not parse at the baseline: ");
		first_line(w->err, &errors);
	} else {
		ldr_review_baseline(w->rv, &rm);
		w->src->base_as_at = rm.footprint.as_at.kind ? ldr_time_last(&rm.footprint.as_at)
							   : ldr_date_month(w->src->base.time, w->src->base.offset);
		strcpy(w->good, w->src->base.blob);
		r = 0;
	}
	ldr_roadmap_release(&rm);
out:
	ldr_buf_release(&text);
	ldr_buf_release(&errors);
	ldr_buf_release(&name);
	return r;
}

/* The newest version: changes not committed (or not saved) are a last
 * commit of their own, with no id. */
static void feed_newest(struct review_walk *w, const struct ldr_roadmap *head, const struct ldr_roadmap *now)
{
	struct ldr_commit pending;

	if (now != head && !ldr_roadmap_equal(head, now)) {
		memset(&pending, 0, sizeof(pending));
		pending.message = (char *)"changes not committed";
		w->src->dirty = 1;
		ldr_review_changes(w->rv, &pending, head, now, NULL);
	}
	ldr_review_now(w->rv, now);
}

/* The recorded facts: the interface's roadmap, the file, or HEAD. */
static int read_newest(struct review_walk *w, const struct ldr_roadmap *now)
{
	struct ldr_version *v;
	struct ldr_roadmap file;
	struct ldr_diag diag;
	struct ldr_loaded st;
	struct ldr_buf ignored = LDR_BUF_INIT;

	if (ldr_repo_resolve(w->vs.repo, w->tip ? w->tip : "HEAD", &w->src->now, w->err) < 0)
		return -1;
	v = version(&w->vs, w->src->now.blob, NULL, w->err);
	if (!v)
		return -1;
	if (parse(&w->vs, v, w->src->now.id, NULL) < 0)
		v = version(&w->vs, w->good, NULL, w->err); /* HEAD does not parse: the last that did */
	if (!v || parse(&w->vs, v, w->src->now.id, NULL) < 0) {
		ldr_buf_addf(w->err, "the roadmap does not parse at %s", w->tip ? w->tip : "HEAD");
		return -1;
	}
	if (w->tip) {
		ldr_review_now(w->rv, &v->rm);
		return 0;
	}
	if (now) {
		feed_newest(w, &v->rm, now);
		return 0;
	}
	ldr_diag_init(&diag, ldr_repo_file(w->vs.repo));
	if (ldr_repo_load(w->vs.repo, &file, &st, &diag, &ignored) == 0 && ldr_loaded_dirty(&st)) {
		feed_newest(w, &v->rm, &file);
		ldr_buf_addf(w->notes, "note: %s has changes not committed; the review includes them\n",
			     ldr_repo_file(w->vs.repo));
	} else {
		ldr_review_now(w->rv, &v->rm);
	}
	ldr_roadmap_release(&file);
	ldr_diag_release(&diag);
	ldr_buf_release(&ignored);
	return 0;
}

static int review_read(struct ldr_review_source *src, struct ldr_review *rv, struct ldr_repo *repo,
		       const char *baseline, const char *tip, const struct ldr_roadmap *now,
		       struct ldr_buf *notes, struct ldr_buf *err)
{
	struct review_walk w;
	int r = -1;

	memset(src, 0, sizeof(*src));
	memset(&w, 0, sizeof(w));
	w.src = src;
	w.rv = rv;
	w.notes = notes;
	w.err = err;
	w.tip = tip;
	ldr_versions_init(&w.vs, repo);
	if (read_baseline(&w, baseline) < 0 ||
	    ldr_repo_walk(repo, tip, src->base.id, 1, review_commit, &w, err) != 0 || read_newest(&w, now) < 0)
		goto out;
	ldr_review_finish(rv);
	r = 0;
out:
	ldr_versions_release(&w.vs);
	return r;
}

int ldr_review_read(struct ldr_review_source *src, struct ldr_review *rv, struct ldr_repo *repo,
		    const char *baseline, const struct ldr_roadmap *now, struct ldr_buf *notes,
		    struct ldr_buf *err)
{
	return review_read(src, rv, repo, baseline, NULL, now, notes, err);
}

int ldr_review_read_at(struct ldr_review_source *src, struct ldr_review *rv, struct ldr_repo *repo,
		       const char *baseline, const char *tip, struct ldr_buf *notes, struct ldr_buf *err)
{
	return review_read(src, rv, repo, baseline, tip, NULL, notes, err);
}

void ldr_review_source_release(struct ldr_review_source *src)
{
	ldr_commit_release(&src->base);
	ldr_commit_release(&src->now);
}
