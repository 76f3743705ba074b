/* Changing, undoing, saving and recovering. */
#include "edit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../model/base/diag.h"
#include "../model/roadmap/diff.h"
#include "../model/roadmap/field.h"
#include "../model/roadmap/file.h"
#include "../model/roadmap/merge.h"
#include "../model/history/repo.h"
#include "../model/history/sync.h"
#include "../model/base/write.h"
#include "session.h"

/* ---- where a record lives ----------------------------------------------------- */

/* The roadmap's field that holds a top-level record, and its index. */
static int slot_of(struct tui_app *app, const struct ldr_kind *k, const void *rec,
		   const struct ldr_field **slot, size_t *index)
{
	const struct ldr_kind *rk = &ldr_kind_roadmap;
	size_t i;

	for (i = 0; i < rk->nfields; i++) {
		const struct ldr_field *f = &rk->fields[i];
		if (f->type == LDR_F_RECORD && f->kind == k && LDR_FIELD(&app->rm, f) == rec) {
			*slot = f;
			*index = 0;
			return 0;
		}
		if (f->type == LDR_F_LIST && f->kind == k) {
			const struct ldr_list *l = LDR_FIELD(&app->rm, f);
			const char *base = l->items, *p = rec;
			if (l->len && p >= base && p < base + l->len * k->size) {
				*slot = f;
				*index = (size_t)(p - base) / k->size;
				return 0;
			}
		}
	}
	return -1;
}

int tui_top(struct tui_app *app, const struct ldr_kind *k, void *rec, const struct ldr_kind **tk,
	    void **top)
{
	const struct ldr_field *slot;
	size_t index;
	int hops;

	for (hops = 0; hops < 8; hops++) {
		const char *id;
		const struct ldr_ref *r;
		if (slot_of(app, k, rec, &slot, &index) == 0) {
			*tk = k;
			*top = rec;
			return 0;
		}
		id = ldr_rec_id(k, rec);
		r = id ? ldr_index_find(&app->ix, id) : NULL;
		if (!r || !r->parent)
			return -1;
		k = r->parent_kind;
		rec = r->parent;
	}
	return -1;
}

/* ---- edits and undo ----------------------------------------------------------- */

static void *copy_of(const struct ldr_kind *k, const void *rec)
{
	void *c;
	if (!rec)
		return NULL;
	c = ldr_malloc(k->size);
	ldr_rec_copy(k, c, rec);
	return c;
}

static void free_copy(const struct ldr_kind *k, void *c)
{
	if (!c)
		return;
	ldr_rec_release(k, c);
	free(c);
}

static const struct ldr_kind *slot_kind(const struct ldr_field *slot)
{
	return slot ? slot->kind : &ldr_kind_roadmap;
}

int tui_edit_begin(struct tui_app *app, const struct ldr_kind *tk, void *top, struct tui_edit *e)
{
	memset(e, 0, sizeof(*e));
	if (app->read_only) {
		tui_read_only_say(app, "nothing can be changed");
		return -1;
	}
	if (slot_of(app, tk, top, &e->slot, &e->index) < 0) {
		tui_app_say(app, TUI_ROLE_ERROR, "cannot find where that record is kept");
		return -1;
	}
	e->kind = tk;
	e->before = copy_of(tk, top);
	return 0;
}

void tui_edit_cancel(struct tui_edit *e)
{
	if (e->kind)
		free_copy(e->kind, e->before);
	memset(e, 0, sizeof(*e));
}

static void *slot_rec(struct tui_app *app, const struct ldr_field *slot, size_t index)
{
	if (slot->type == LDR_F_RECORD)
		return LDR_FIELD(&app->rm, slot);
	return ldr_list_at((struct ldr_list *)LDR_FIELD(&app->rm, slot), slot->kind, index);
}

void tui_undo_forget_undone(struct tui_app *app)
{
	struct tui_undo_list *u = &app->undo;
	size_t i;

	if (u->clean != SIZE_MAX && u->clean > u->done)
		u->clean = SIZE_MAX; /* the base was among what is forgotten */
	for (i = u->done; i < u->n; i++) {
		free_copy(slot_kind(u->v[i].slot), u->v[i].before);
		free_copy(slot_kind(u->v[i].slot), u->v[i].after);
		free(u->v[i].what);
	}
	u->n = u->done;
}

static void push_undo(struct tui_app *app, const struct ldr_field *slot, size_t index, void *before,
		      void *after, const char *what)
{
	struct tui_undo_list *u = &app->undo;
	struct tui_undo_entry *x;

	/* A new change forgets what was undone. */
	tui_undo_forget_undone(app);
	ldr_grow((void **)&u->v, &u->cap, u->n + 1, sizeof(*u->v));
	x = &u->v[u->n++];
	x->slot = slot;
	x->index = index;
	x->before = before;
	x->after = after;
	x->what = ldr_strdup(what);
	x->joined = 0;
	u->done = u->n;
}

/* The record an entry changed, as it is now. */
static const void *now_rec(struct tui_app *app, const struct tui_undo_entry *e)
{
	return e->slot ? slot_rec(app, e->slot, e->index) : &app->rm;
}

static int same_rec(const struct tui_undo_entry *a, const struct tui_undo_entry *b)
{
	return a->slot == b->slot && a->index == b->index;
}

/* Whether the roadmap is its base again, from the undo history alone (the
 * base is not kept parsed): undone or redone to where it was, or every
 * record changed since as it was then. An add or a delete since, or a
 * whole-roadmap change not at the edge, counts as a change even if it was
 * later reversed by hand. */
static int at_base(struct tui_app *app)
{
	const struct tui_undo_list *u = &app->undo;
	int fwd = u->done > u->clean;
	size_t lo = fwd ? u->clean : u->done, hi = fwd ? u->done : u->clean, i, j;

	if (u->clean == SIZE_MAX)
		return 0;
	for (i = lo; i < hi; i++) {
		const struct tui_undo_entry *e = &u->v[i];
		int first = 1;
		if (!e->before || !e->after || (!e->slot && i != (fwd ? lo : hi - 1)))
			return 0;
		/* Going forward, the base is the earliest entry's before; going
		 * back, the latest entry's after. */
		for (j = fwd ? lo : i + 1; j < (fwd ? i : hi) && first; j++)
			first = !same_rec(&u->v[j], e) && u->v[j].slot;
		if (first && !ldr_rec_equal(slot_kind(e->slot), now_rec(app, e), fwd ? e->before : e->after))
			return 0;
	}
	return 1;
}

/* After the undo entries [lo, hi) were made, redone (forward) or undone:
 * only what they changed is checked again. */
static void changed(struct tui_app *app, size_t lo, size_t hi, int forward, int in_place)
{
	struct ldr_check_change *ch = ldr_calloc(hi - lo + 1, sizeof(*ch));
	size_t i;

	for (i = lo; i < hi; i++) {
		const struct tui_undo_entry *x = &app->undo.v[i];
		ch[i - lo].kind = x->slot ? slot_kind(x->slot) : NULL;
		ch[i - lo].before = forward ? x->before : x->after;
		ch[i - lo].after = forward ? x->after : x->before;
	}
	/* Undone back to what was loaded: nothing to save, or to recover. */
	app->dirty = !at_base(app);
	/* An undo or a redo replaces the records (apply): never in place. */
	tui_app_rechecked(app, ch, hi - lo, in_place);
	free(ch);
	if (app->dirty)
		app->recovery_stale = 1; /* written when idle: tui_recovery_flush */
	else
		tui_recovery_remove(app);
}

void tui_edit_commit(struct tui_app *app, struct tui_edit *e, const char *what)
{
	void *after = copy_of(e->kind, slot_rec(app, e->slot, e->index));
	if (e->before && ldr_rec_equal(e->kind, e->before, after)) {
		free_copy(e->kind, after);
		tui_edit_cancel(e);
		return; /* nothing changed */
	}
	push_undo(app, e->slot, e->index, e->before, after, what);
	memset(e, 0, sizeof(*e));
	changed(app, app->undo.n - 1, app->undo.n, 1, 1);
	tui_app_say(app, TUI_ROLE_NORMAL, "%s", what);
}

void tui_edit_commit_many(struct tui_app *app, struct tui_edit *e, size_t n, const char *what)
{
	size_t i, pushed = 0;

	for (i = 0; i < n; i++) {
		void *after = copy_of(e[i].kind, slot_rec(app, e[i].slot, e[i].index));
		if (e[i].before && ldr_rec_equal(e[i].kind, e[i].before, after)) {
			free_copy(e[i].kind, after);
			tui_edit_cancel(&e[i]);
			continue;
		}
		push_undo(app, e[i].slot, e[i].index, e[i].before, after, what);
		app->undo.v[app->undo.n - 1].joined = pushed++ > 0;
		memset(&e[i], 0, sizeof(e[i]));
	}
	if (!pushed)
		return;
	changed(app, app->undo.n - pushed, app->undo.n, 1, 1);
	tui_app_say(app, TUI_ROLE_NORMAL, "%s", what);
}

void tui_edit_revert_many(struct tui_app *app, struct tui_edit *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		void *rec = slot_rec(app, e[i].slot, e[i].index);
		ldr_rec_release(e[i].kind, rec);
		ldr_rec_copy(e[i].kind, rec, e[i].before);
		tui_edit_cancel(&e[i]);
	}
	if (n)
		tui_app_changed(app); /* the ids the index holds were the records' own */
}

struct ldr_roadmap *tui_edit_whole_begin(struct tui_app *app)
{
	if (app->read_only) {
		tui_read_only_say(app, "nothing can be changed");
		return NULL;
	}
	return copy_of(&ldr_kind_roadmap, &app->rm);
}

void tui_edit_whole_commit(struct tui_app *app, struct ldr_roadmap *before, const char *what)
{
	if (ldr_roadmap_equal(before, &app->rm)) {
		free_copy(&ldr_kind_roadmap, before);
		return;
	}
	push_undo(app, NULL, 0, before, copy_of(&ldr_kind_roadmap, &app->rm), what);
	changed(app, app->undo.n - 1, app->undo.n, 1, 0);
	tui_app_say(app, TUI_ROLE_NORMAL, "%s", what);
}

void tui_edit_whole_cancel(struct ldr_roadmap *before)
{
	free_copy(&ldr_kind_roadmap, before);
}

int tui_locate_record(struct tui_app *app, const struct ldr_kind *k, void *rec,
		      struct tui_locator *loc)
{
	const struct ldr_kind *tk;
	void *top;
	const char *id;
	size_t i;

	memset(loc, 0, sizeof(*loc));
	if (tui_top(app, k, rec, &tk, &top) < 0)
		return -1;
	loc->top_kind = tk;
	id = ldr_rec_id(tk, top);
	if (id)
		snprintf(loc->top_id, sizeof(loc->top_id), "%s", id);
	if (top == rec)
		return 0;
	/* One level down: a milestone, an activity, an organisation. */
	for (i = 0; i < tk->nfields; i++) {
		const struct ldr_field *f = &tk->fields[i];
		const struct ldr_list *l;
		const char *base;
		if (f->type != LDR_F_LIST || f->kind != k)
			continue;
		l = LDR_CFIELD(top, f);
		base = l->items;
		if (l->len && (const char *)rec >= base && (const char *)rec < base + l->len * k->size) {
			loc->depth = 1;
			loc->field[0] = f;
			loc->index[0] = (size_t)((const char *)rec - base) / k->size;
			return 0;
		}
	}
	return -1;
}

void *tui_locator_get(struct tui_app *app, const struct tui_locator *loc,
		      const struct ldr_kind **kind)
{
	const struct ldr_kind *k = loc->top_kind;
	void *rec;
	int d;

	if (k == &ldr_kind_footprint)
		rec = &app->rm.footprint;
	else
		rec = ldr_index_get(&app->ix, k, loc->top_id);
	for (d = 0; rec && d < loc->depth; d++) {
		struct ldr_list *l = LDR_FIELD(rec, loc->field[d]);
		k = loc->field[d]->kind;
		rec = loc->index[d] < l->len ? ldr_list_at(l, k, loc->index[d]) : NULL;
	}
	if (kind)
		*kind = k;
	return rec;
}

/* Begin an edit of the top-level record of a locator. */
static void *begin_at(struct tui_app *app, const struct tui_locator *loc, struct tui_edit *e,
		      const struct ldr_kind **kind, struct ldr_buf *err)
{
	struct tui_locator top = *loc;
	void *t, *rec;

	top.depth = 0;
	t = tui_locator_get(app, &top, NULL);
	rec = tui_locator_get(app, loc, kind);
	if (!t || !rec) {
		ldr_buf_addstr(err, "that record is gone");
		return NULL;
	}
	if (tui_edit_begin(app, loc->top_kind, t, e) < 0) {
		ldr_buf_addstr(err, app->message);
		return NULL;
	}
	return rec;
}

int tui_set_field(struct tui_app *app, const struct tui_locator *loc, const struct ldr_field *f,
		  const char *key, const char *value, struct ldr_buf *err)
{
	const struct ldr_kind *k;
	struct tui_edit e;
	struct ldr_buf what = LDR_BUF_INIT;
	void *rec = begin_at(app, loc, &e, &k, err);
	const char *id;

	if (!rec)
		return -1;
	if (ldr_field_set(k, rec, f, key, value, err) < 0) {
		tui_edit_cancel(&e);
		return -1;
	}
	id = ldr_rec_id(k, rec);
	ldr_buf_addf(&what, "%s %s%s%s", id ? id : loc->top_id[0] ? loc->top_id : k->name, f->name,
		     key ? "." : "", key ? key : "");
	ldr_buf_addf(&what, "%s%s", *value ? ": " : " cleared", value);
	/* Set by hand: no longer inferred. */
	if (f->type != LDR_F_DERIVED && ldr_derived_forget(k, rec, f->name))
		ldr_buf_addstr(&what, " (no longer marked derived)");
	tui_edit_commit(app, &e, what.s);
	ldr_buf_release(&what);
	return 0;
}

int tui_set_fields(struct tui_app *app, const struct tui_locator *loc, size_t n, const char *const *names,
		   const char *const *values, struct ldr_buf *err)
{
	const struct ldr_kind *k;
	struct tui_edit e;
	struct ldr_buf what = LDR_BUF_INIT;
	void *rec = begin_at(app, loc, &e, &k, err);
	const char *id;
	size_t i;

	if (!rec)
		return -1;
	id = ldr_rec_id(k, rec);
	ldr_buf_addstr(&what, id ? id : loc->top_id[0] ? loc->top_id : k->name);
	for (i = 0; i < n; i++) {
		int f = ldr_kind_field(k, names[i]);
		if (f < 0 || ldr_field_set(k, rec, &k->fields[f], NULL, values[i], err) < 0) {
			if (f < 0)
				ldr_buf_addf(err, "a %s has no field '%s'", k->name, names[i]);
			tui_edit_cancel(&e);
			ldr_buf_release(&what);
			return -1;
		}
		ldr_derived_forget(k, rec, names[i]);
		ldr_buf_addf(&what, "%s %s%s%s", i ? "," : "", names[i], *values[i] ? ": " : " cleared", values[i]);
	}
	tui_edit_commit(app, &e, what.s);
	ldr_buf_release(&what);
	return 0;
}

int tui_list_add(struct tui_app *app, const struct tui_locator *loc, const struct ldr_field *f,
		 const char *id)
{
	struct ldr_buf err = LDR_BUF_INIT, what = LDR_BUF_INIT;
	const struct ldr_kind *k;
	struct tui_edit e;
	void *rec = begin_at(app, loc, &e, &k, &err), *item;

	ldr_buf_release(&err);
	if (!rec)
		return -1;
	item = ldr_list_push(LDR_FIELD(rec, f), f->kind);
	if (id && f->kind->fields[0].type == LDR_F_ID)
		*(char **)LDR_FIELD(item, &f->kind->fields[0]) = ldr_strdup(id);
	ldr_buf_addf(&what, "added %s%s%s to %s", f->kind->name, id ? " " : "", id ? id : "",
		     loc->top_id[0] ? loc->top_id : k->name);
	tui_edit_commit(app, &e, what.s);
	ldr_buf_release(&what);
	return 0;
}

int tui_list_remove(struct tui_app *app, const struct tui_locator *loc, const struct ldr_field *f,
		    size_t index)
{
	struct ldr_buf err = LDR_BUF_INIT, what = LDR_BUF_INIT;
	const struct ldr_kind *k;
	struct tui_edit e;
	void *rec = begin_at(app, loc, &e, &k, &err);
	struct ldr_list *l;

	ldr_buf_release(&err);
	if (!rec)
		return -1;
	l = LDR_FIELD(rec, f);
	if (index >= l->len) {
		tui_edit_cancel(&e);
		return -1;
	}
	{
		char key[LDR_TIME_STR_MAX];
		const void *item = ldr_list_at(l, f->kind, index);
		const char *id = ldr_rec_id(f->kind, item);
		const char *name = id ? id : ldr_rec_key(f->kind, item, key, sizeof(key));
		ldr_buf_addf(&what, "removed %s %s from %s", f->kind->name, name ? name : "",
			     loc->top_id[0] ? loc->top_id : k->name);
	}
	ldr_list_remove(l, f->kind, index);
	tui_edit_commit(app, &e, what.s);
	ldr_buf_release(&what);
	return 0;
}

void *tui_add_record(struct tui_app *app, const struct ldr_field *slot, size_t index,
		     const void *like, const char *new_id)
{
	const struct ldr_kind *k = slot_kind(slot);
	struct ldr_list *l = LDR_FIELD(&app->rm, slot);
	struct ldr_buf what = LDR_BUF_INIT;
	void *rec;
	char **idp;

	if (app->read_only) {
		tui_read_only_say(app, "nothing can be changed");
		return NULL;
	}
	rec = ldr_list_insert(l, k, index);
	if (like)
		ldr_rec_copy(k, rec, like);
	idp = (char **)LDR_FIELD(rec, &k->fields[0]);
	if (k->fields[0].type == LDR_F_ID) {
		free(*idp);
		*idp = ldr_strdup(new_id);
	}
	/* A copy's number in the dossier would be its original's: the next one. */
	if (like) {
		int f = ldr_kind_field(k, "ref");
		if (f >= 0 && k->fields[f].type == LDR_F_INT && ((struct ldr_int *)LDR_FIELD(rec, &k->fields[f]))->set) {
			long long top = 0;
			size_t i;
			for (i = 0; i < l->len; i++) {
				const struct ldr_int *r = LDR_FIELD(ldr_list_at(l, k, i), &k->fields[f]);
				if (r->set && r->v > top)
					top = r->v;
			}
			((struct ldr_int *)LDR_FIELD(rec, &k->fields[f]))->v = top + 1;
		}
	}
	/* A copy read from the file knows where it was; the new one was not. */
	free(((struct ldr_rec *)rec)->fpos);
	((struct ldr_rec *)rec)->fpos = NULL;
	((struct ldr_rec *)rec)->nfpos = 0;
	memset(&((struct ldr_rec *)rec)->pos, 0, sizeof(struct ldr_pos));
	ldr_buf_addf(&what, "%s %s %s", like ? "duplicated as" : "added", k->name, new_id);
	push_undo(app, slot, index, NULL, copy_of(k, rec), what.s);
	ldr_buf_release(&what);
	changed(app, app->undo.n - 1, app->undo.n, 1, 0);
	tui_app_say(app, TUI_ROLE_NORMAL, "%s", app->undo.v[app->undo.n - 1].what);
	return ldr_list_at(l, k, index);
}

void tui_delete_record(struct tui_app *app, const struct ldr_kind *k, void *rec)
{
	const struct ldr_field *slot;
	size_t index;
	struct ldr_buf what = LDR_BUF_INIT;
	const char *id = ldr_rec_id(k, rec);

	if (app->read_only || slot_of(app, k, rec, &slot, &index) < 0 || slot->type != LDR_F_LIST)
		return;
	ldr_buf_addf(&what, "deleted %s %s", k->name, id ? id : "");
	push_undo(app, slot, index, copy_of(k, rec), NULL, what.s);
	ldr_list_remove(LDR_FIELD(&app->rm, slot), k, index);
	ldr_buf_release(&what);
	changed(app, app->undo.n - 1, app->undo.n, 1, 0);
	tui_app_say(app, TUI_ROLE_NORMAL, "%s", app->undo.v[app->undo.n - 1].what);
}

char *tui_next_id(struct tui_app *app, const struct ldr_field *slot, const char *prefix)
{
	const struct ldr_list *l = LDR_FIELD(&app->rm, slot);
	const struct ldr_kind *k = slot->kind;
	struct ldr_buf b = LDR_BUF_INIT;
	long best = 0;
	int width = 2;
	size_t i, plen = strlen(prefix);

	for (i = 0; i < l->len; i++) {
		const char *id = ldr_rec_id(k, ldr_list_at(l, k, i));
		char *end;
		long n;
		if (!id || strncmp(id, prefix, plen) != 0 || !id[plen])
			continue;
		n = strtol(id + plen, &end, 10);
		if (*end)
			continue;
		if (n > best)
			best = n;
		width = (int)strlen(id + plen);
	}
	/* The next free number, so a deleted id is not given again by mistake. */
	do {
		ldr_buf_reset(&b);
		ldr_buf_addf(&b, "%s%0*ld", prefix, width, ++best);
	} while (ldr_index_find(&app->ix, b.s));
	return ldr_buf_detach(&b);
}

static void apply(struct tui_app *app, struct tui_undo_entry *x, int forward)
{
	const struct ldr_kind *k = slot_kind(x->slot);
	const void *want = forward ? x->after : x->before;
	const void *had = forward ? x->before : x->after;

	if (!x->slot) {
		ldr_roadmap_release(&app->rm);
		ldr_rec_copy(k, &app->rm, want);
		return;
	}
	if (x->slot->type == LDR_F_RECORD) {
		ldr_rec_release(k, LDR_FIELD(&app->rm, x->slot));
		ldr_rec_copy(k, LDR_FIELD(&app->rm, x->slot), want);
		return;
	}
	if (had && want) {
		void *rec = ldr_list_at((struct ldr_list *)LDR_FIELD(&app->rm, x->slot), k, x->index);
		ldr_rec_release(k, rec);
		ldr_rec_copy(k, rec, want);
	} else if (want) {
		ldr_rec_copy(k, ldr_list_insert(LDR_FIELD(&app->rm, x->slot), k, x->index), want);
	} else {
		ldr_list_remove(LDR_FIELD(&app->rm, x->slot), k, x->index);
	}
}

/* The record an undo or a redo changed, selected where the view shows it
 * (a deletion undone puts the cursor back on the record). */
static void select_changed(struct tui_app *app, const struct tui_undo_entry *x)
{
	const struct ldr_kind *k = slot_kind(x->slot);
	const void *rec = x->after ? x->after : x->before;
	if (x->slot && k && rec)
		tui_app_select(app, ldr_rec_id(k, rec));
}

void tui_undo_last(struct tui_app *app)
{
	struct tui_undo_list *u = &app->undo;
	size_t was = u->done;
	if (!u->done) {
		tui_app_say(app, TUI_ROLE_NORMAL, "nothing to undo");
		return;
	}
	do /* a change of many records is one step */
		apply(app, &u->v[--u->done], 0);
	while (u->done && u->v[u->done].joined);
	changed(app, u->done, was, 0, 0);
	select_changed(app, &u->v[u->done]);
	tui_app_say(app, TUI_ROLE_NORMAL, "undone: %s", u->v[u->done].what);
}

void tui_redo_last(struct tui_app *app)
{
	struct tui_undo_list *u = &app->undo;
	size_t first;
	if (u->done == u->n) {
		tui_app_say(app, TUI_ROLE_NORMAL, "nothing to redo");
		return;
	}
	first = u->done;
	do
		apply(app, &u->v[u->done++], 1);
	while (u->done < u->n && u->v[u->done].joined);
	changed(app, first, u->done, 1, 0);
	select_changed(app, &u->v[first]);
	tui_app_say(app, TUI_ROLE_NORMAL, "redone: %s", u->v[first].what);
}

void tui_undo_release(struct tui_undo_list *u)
{
	size_t i;
	for (i = 0; i < u->n; i++) {
		free_copy(slot_kind(u->v[i].slot), u->v[i].before);
		free_copy(slot_kind(u->v[i].slot), u->v[i].after);
		free(u->v[i].what);
	}
	free(u->v);
	memset(u, 0, sizeof(*u));
}

/* ---- merging unsaved changes ------------------------------------------------------- */

/* Put ours onto the roadmap as it is now, from base; say what happened. A
 * field changed on both sides keeps the file's value, and the roadmap
 * records the conflict (ours beside it) for the conflict view. */
void tui_merge_in(struct tui_app *app, struct ldr_roadmap *base, struct ldr_roadmap *ours,
		     const char *done)
{
	struct ldr_roadmap result;
	struct ldr_merge m;
	char *mine = tui_recovery_path(app, "mine", NULL);

	ldr_merge_roadmaps(&result, base, ours, &app->rm, &m);
	if (m.n) {
		/* The conflicting versions are not lost: all of ours is kept. */
		struct ldr_buf err = LDR_BUF_INIT;
		if (tui_write_roadmap(ours, mine, &err) < 0)
			tui_app_say(app, TUI_ROLE_ERROR, "%s", err.s);
		ldr_buf_release(&err);
	}
	ldr_roadmap_release(&app->rm);
	app->rm = result;
	if (m.taken || m.n)
		app->dirty = 1;
	if (m.n)
		tui_app_say(app, TUI_ROLE_ERROR, "%s: %zu conflict%s, where the file's value is kept and "
			    "yours is beside it ('C' shows them); all of yours is in %s (%zu other "
			    "change%s merged)", done, m.n, m.n == 1 ? "" : "s", mine, m.taken,
			    m.taken == 1 ? "" : "s");
	else
		tui_app_say(app, TUI_ROLE_NORMAL, "%s: %zu change%s merged", done, m.taken,
			    m.taken == 1 ? "" : "s");
	ldr_merge_release(&m);
	free(mine);
}

/* ---- saving ------------------------------------------------------------------------ */

/* A message from what was done: "edit P08 start; add capability C41". */
static char *suggested_message(struct tui_app *app)
{
	struct ldr_buf b = LDR_BUF_INIT;
	struct ldr_diff d;

	if (app->sync.name) {
		ldr_sync_message(&b, &app->sync);
		b.len = strcspn(b.s, "\n"); /* the subject: the prompt is one line */
		b.s[b.len] = '\0';
		return ldr_buf_detach(&b);
	}
	if (app->loaded.merging[0]) {
		/* git's own message for its merge, else the commit merged. */
		if (!app->repo || ldr_repo_merge_message(app->repo, &b) < 0 || !b.len || b.s[0] == '#') {
			ldr_buf_reset(&b);
			ldr_buf_addf(&b, "Merge %.7s", app->loaded.merging);
		}
		b.len = strcspn(b.s, "\n");
		b.s[b.len] = '\0';
		return ldr_buf_detach(&b);
	}
	/* What changed since the file was loaded or saved (the undo history
	 * reaches further back, and a restored session has none). */
	ldr_diff_roadmaps(&d, tui_base(app), &app->rm);
	ldr_diff_subject(&b, &d, 72);
	ldr_diff_release(&d);
	tui_base_drop(app);
	if (!b.len)
		ldr_buf_addstr(&b, "Edit the roadmap");
	else
		b.s[0] = (char)(b.s[0] >= 'a' && b.s[0] <= 'z' ? b.s[0] - 'a' + 'A' : b.s[0]);
	return ldr_buf_detach(&b);
}

/* Whether the roadmap can be read back as it would be saved; back holds it
 * as read (release it either way). */
static int readable(struct tui_app *app, struct ldr_buf *text, struct ldr_roadmap *back)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_diag d;
	int r;

	ldr_roadmap_init(back);

	if (ldr_roadmap_write(&app->rm, text, &err) < 0) {
		tui_app_say(app, TUI_ROLE_ERROR, "not saved: %s", err.s);
		ldr_buf_release(&err);
		return 0;
	}
	ldr_diag_init(&d, app->path);
	r = ldr_roadmap_read(back, text->s, text->len, &d);
	if (r < 0 && d.n)
		tui_app_say(app, TUI_ROLE_ERROR, "not saved: %s (fix it, or undo)", d.v[0].text);
	ldr_diag_release(&d);
	ldr_buf_release(&err);
	return r == 0;
}

static void copy_positions(struct ldr_rec *to, const struct ldr_rec *from)
{
	to->pos = from->pos;
	free(to->fpos);
	to->fpos = from->nfpos ? ldr_calloc(from->nfpos, sizeof(*to->fpos)) : NULL;
	if (from->nfpos)
		memcpy(to->fpos, from->fpos, from->nfpos * sizeof(*to->fpos));
	to->nfpos = from->nfpos;
}

/* Once saved, every record is where the file as written puts it (the
 * save rewrote it; records added have a place at last): the positions of
 * back, the roadmap read back from it, copied by id, so that the checks'
 * line numbers are those of the file. */
static void saved_positions(struct tui_app *app, struct ldr_roadmap *back)
{
	struct ldr_index ix;
	size_t i;

	ldr_index_build(&ix, back);
	for (i = 0; i < ix.n; i++) {
		const char *id = ldr_rec_id(ix.refs[i].kind, ix.refs[i].rec);
		const struct ldr_ref *here = id ? ldr_index_find(&app->ix, id) : NULL;
		if (here && here->kind == ix.refs[i].kind)
			copy_positions(here->rec, ix.refs[i].rec);
	}
	copy_positions(&app->rm.footprint.rec, &back->footprint.rec);
	ldr_index_release(&ix);
}

/* Saved as text (which reads back as the roadmap: readable()). */
static void saved(struct tui_app *app, struct ldr_buf *text)
{
	size_t len = text->len;
	app->dirty = 0;
	tui_base_set(app, ldr_buf_detach(text), len);
	tui_recovery_remove(app);
}

/* Someone else saved first: never overwrite, offer to merge ours onto it. */
static void offer_merge(struct tui_app *app, const char *why)
{
	struct ldr_buf q = LDR_BUF_INIT;
	ldr_buf_addf(&q, "not saved: %s", why);
	if (tui_app_choose(app, q.s, NULL, "(m)erge your changes onto it, or (c)ancel and keep them",
			   "mc") == 'm') {
		tui_reload(app);
		if (app->message_role != TUI_ROLE_ERROR) {
			char said[sizeof(app->message)];
			snprintf(said, sizeof(said), "%s", app->message);
			tui_app_say(app, TUI_ROLE_NORMAL, "%s; 'w' saves", said);
		}
	} else {
		tui_app_say(app, TUI_ROLE_WARNING, "not saved: your changes are kept (':reload' "
			    "merges them onto the file as it is now)");
	}
	ldr_buf_release(&q);
}

/* A file outside a repository: written, unless it changed since loaded. */
static void write_plain(struct tui_app *app, struct ldr_buf *text, struct ldr_roadmap *back)
{
	struct ldr_buf now = LDR_BUF_INIT, err = LDR_BUF_INIT;

	if (ldr_file_read(app->path, &now, &err) == 0 &&
	    (now.len != app->file_len || ldr_hash_bytes(now.s, now.len) != app->file_hash)) {
		ldr_buf_reset(&err);
		ldr_buf_addf(&err, "%s changed since it was loaded", app->path);
		offer_merge(app, err.s);
	} else if (ldr_write_file(app->path, text->s, text->len, &err) < 0) {
		tui_app_say(app, TUI_ROLE_ERROR, "not saved: %s", err.s);
	} else {
		app->file_len = text->len;
		app->file_hash = ldr_hash_bytes(text->s, text->len);
		saved(app, text);
		saved_positions(app, back);
		tui_app_changed(app);
		tui_app_say(app, TUI_ROLE_DONE, "written to %s", app->path);
	}
	ldr_buf_release(&now);
	ldr_buf_release(&err);
}

/* A roadmap the checks find errors in is saved only when asked to: 1 to
 * save, 0 not (the first error's form shown, or nothing done). */
static int despite_errors(struct tui_app *app)
{
	const struct ldr_findings *f = &app->findings;
	struct ldr_buf q = LDR_BUF_INIT, first = LDR_BUF_INIT;
	int c;

	ldr_buf_addf(&q, "the check finds %zu error%s", f->errors, f->errors == 1 ? "" : "s");
	ldr_buf_addstr(&first, " (the first: ");
	if (f->v[0].id)
		ldr_buf_addf(&first, "%s: ", f->v[0].id);
	ldr_buf_addf(&first, "%s)", f->v[0].message);
	c = tui_app_choose(app, q.s, first.s, app->repo ? "(c)ommit anyway, (g)o to the first error, or "
			   "Esc to cancel" : "(s)ave anyway, (g)o to the first error, or Esc to cancel",
			   app->repo ? "cg" : "sg");
	if (c == 'g')
		tui_problem_edit(app, &f->v[0]);
	else if (!c)
		tui_app_say(app, TUI_ROLE_NORMAL, "not saved (':w!' saves without asking)");
	ldr_buf_release(&q);
	ldr_buf_release(&first);
	return c == 'c' || c == 's';
}

void tui_save(struct tui_app *app, const char *given)
{
	tui_save_as(app, given, 0);
}

void tui_save_as(struct tui_app *app, const char *given, int force)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT, commit = LDR_BUF_INIT;
	struct ldr_roadmap back;
	char *suggestion, *message = NULL;

	ldr_roadmap_init(&back);
	if (app->read_only) {
		tui_read_only_say(app, "nothing to save");
		return;
	}
	if (!app->dirty && !app->loaded.merging[0]) {
		tui_app_say(app, TUI_ROLE_NORMAL, "no changes to save");
		return;
	}
	if (app->rm.conflicts.len) {
		tui_app_say(app, TUI_ROLE_WARNING, "not saved: %zu conflict%s to resolve first ('C' shows "
			    "them)", app->rm.conflicts.len, app->rm.conflicts.len == 1 ? "" : "s");
		return;
	}
	if (!force && app->findings.errors && app->findings.n && !despite_errors(app))
		goto out;
	if (!readable(app, &text, &back))
		goto out;
	suggestion = suggested_message(app);
	if (app->repo)
		message = given ? ldr_strdup(given) : tui_app_prompt(app, "commit message: ", suggestion);
	free(suggestion);
	if (app->repo && (!message || !*message)) {
		tui_app_say(app, TUI_ROLE_NORMAL, "not saved");
		goto out;
	}
	if (app->repo) {
		int r = ldr_repo_save(app->repo, &app->rm, &app->loaded, message, &commit, &err);
		if (r < 0) {
			struct ldr_buf why = LDR_BUF_INIT;
			if (r == LDR_E_NOCOMMIT) /* the file is written: the next save commits it */
				tui_app_say(app, TUI_ROLE_ERROR, "%s; once mended, 'w' commits it", err.s);
			else if (ldr_repo_changed(app->repo, &app->loaded, &why) == 1)
				offer_merge(app, err.s);
			else
				tui_app_say(app, TUI_ROLE_ERROR, "not saved: %s (your changes are kept)",
					    err.s);
			ldr_buf_release(&why);
			goto out;
		}
		saved(app, &text);
		saved_positions(app, &back);
		tui_app_say(app, TUI_ROLE_DONE, "committed %.7s: %s", commit.s ? commit.s : "", message);
		tui_sync_saved(app, commit.s ? commit.s : "");
		tui_app_changed(app);
	} else {
		write_plain(app, &text, &back);
	}
out:
	ldr_roadmap_release(&back);
	free(message);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	ldr_buf_release(&commit);
}

void tui_reload(struct tui_app *app)
{
	struct ldr_roadmap ours, base;
	struct ldr_buf err = LDR_BUF_INIT;
	char *base_text = app->base_text;
	size_t base_len = app->base_len, clean = app->undo.clean;

	ours = app->rm;
	base = *tui_base(app);
	ldr_roadmap_init(&app->base);
	app->base_parsed = 0;
	app->base_text = NULL;
	ldr_roadmap_init(&app->rm);
	if (tui_app_load(app, &err) < 0) {
		/* Keep working on what we had. */
		ldr_roadmap_release(&app->rm);
		app->rm = ours;
		tui_base_set(app, base_text, base_len);
		app->undo.clean = clean;
		ldr_roadmap_release(&base);
		tui_app_say(app, TUI_ROLE_ERROR, "cannot reload: %s", err.s ? err.s : "the file has errors");
		ldr_buf_release(&err);
		return;
	}
	free(base_text);
	tui_undo_release(&app->undo);
	ldr_remote_release(&app->sync); /* a sync's merge is begun again by syncing */
	app->dirty = 0;
	if (!ldr_roadmap_equal(&ours, &base))
		tui_merge_in(app, &base, &ours, "reloaded");
	if (app->dirty)
		tui_mark_dirty(app); /* no undo returns to the file as reloaded */
	else
		tui_app_say(app, TUI_ROLE_NORMAL, "reloaded");
	if (app->dirty)
		tui_recovery_write(app);
	else
		tui_recovery_remove(app);
	ldr_roadmap_release(&ours);
	ldr_roadmap_release(&base);
	tui_app_changed(app);
	ldr_buf_release(&err);
}
