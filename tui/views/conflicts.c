/* Several editors, one roadmap, in the interface: the sync action, and the
 * conflict view, which lists what a merge could not decide, one line per
 * field with ours and theirs (the base in the detail pane): o, t and b take
 * a side, e opens the record's form, r keeps the record as it is now. When
 * none is left, 'w' commits the merge (and pushes it, after a sync). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/roadmap/field.h"
#include "../../model/roadmap/merge.h"
#include "../../model/history/sync.h"
#include "../edit.h"
#include "../form.h"
#include "../session.h"

static const struct ldr_conflict *conflict_at(const struct tui_app *app, size_t i)
{
	return LDR_ITEM(app->rm.conflicts, struct ldr_conflict, i);
}

static void conflicts_load(struct tui_view *v)
{
	v->nitems = v->app->rm.conflicts.len;
}

/* A side's value for a cell or a line: the value, or what happened to it. */
static const char *side_text(const struct ldr_conflict *c, int side, enum tui_role *role)
{
	const char *v = ldr_conflict_value(c, side);
	if (c->removed) {
		if (role)
			*role = TUI_ROLE_DIM;
		return c->removed == side ? "(removed)" : "(changed)";
	}
	if (!v && role)
		*role = TUI_ROLE_DIM;
	return v ? v : "(none)";
}

static void conflicts_rec(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct ldr_conflict *c = conflict_at(v->app, item);
	(void)role;
	ldr_buf_addstr(out, c->record ? c->record : "");
}

static void conflicts_field(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	const struct ldr_conflict *c = conflict_at(v->app, item);
	(void)role;
	ldr_buf_addstr(out, c->field ? c->field : "(record)");
}

static void conflicts_ours(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	ldr_buf_addstr(out, side_text(conflict_at(v->app, item), LDR_SIDE_OURS, role));
}

static void conflicts_theirs(struct tui_view *v, size_t item, struct ldr_buf *out, enum tui_role *role)
{
	ldr_buf_addstr(out, side_text(conflict_at(v->app, item), LDR_SIDE_THEIRS, role));
}

static const struct tui_column conflicts_columns[] = {
	{ "Record", 8, 0, conflicts_rec },
	{ "Field", 12, 0, conflicts_field },
	{ "Ours", 10, 1, conflicts_ours },
	{ "Theirs", 10, 1, conflicts_theirs },
};

static void conflicts_heading(struct tui_view *v, struct ldr_buf *out, enum tui_role *role)
{
	size_t n = v->app->rm.conflicts.len;
	(void)role;
	ldr_buf_addf(out, "%zu conflict%s: each record holds ours until resolved%s\n", n, n == 1 ? "" : "s",
		     v->app->loaded.merging[0] ? "; then w commits the merge" : "");
	ldr_buf_addstr(out, "o ours  t theirs  b base  e edit the record  r keep it as it is now");
}

static int conflicts_record(struct tui_view *v, size_t item, const struct ldr_kind **kind, void **rec)
{
	struct tui_app *app = v->app;
	const struct ldr_conflict *c = conflict_at(app, item);
	const struct ldr_ref *r;

	if (c->record && !strcmp(c->record, "footprint")) {
		*kind = &ldr_kind_footprint;
		*rec = &app->rm.footprint;
		return 1;
	}
	r = c->record ? ldr_index_find(&app->ix, c->record) : NULL;
	if (!r)
		return 0;
	*kind = r->kind;
	*rec = r->rec;
	return 1;
}

static void conflicts_detail(struct tui_view *v, size_t item, struct ldr_buf *lines)
{
	const struct ldr_conflict *c = conflict_at(v->app, item);
	struct ldr_buf b = LDR_BUF_INIT, t = LDR_BUF_INIT;
	const struct ldr_kind *k;
	void *rec;

	if (conflicts_record(v, item, &k, &rec)) {
		const char *title = ldr_rec_title(k, rec, &t);
		ldr_rec_label(&b, k, rec);
		if (title)
			ldr_buf_addf(&b, ": %s", title);
	} else {
		ldr_buf_addf(&b, "%s (not in the roadmap)", c->record ? c->record : "");
	}
	tui_detail_line(lines, "record", b.s, 0);
	if (c->field)
		tui_detail_line(lines, "field", c->field, 0);
	if (c->removed) {
		ldr_buf_reset(&b);
		ldr_buf_addf(&b, "removed by %s, changed by %s: kept, changed",
			     c->removed == LDR_SIDE_OURS ? "ours" : "theirs",
			     c->removed == LDR_SIDE_OURS ? "theirs" : "ours");
		tui_detail_line(lines, "what", b.s, 0);
	} else {
		tui_detail_line(lines, "base", side_text(c, 0, NULL), !c->base);
		tui_detail_line(lines, "ours", side_text(c, LDR_SIDE_OURS, NULL), !c->ours);
		tui_detail_line(lines, "theirs", side_text(c, LDR_SIDE_THEIRS, NULL), !c->theirs);
	}
	ldr_buf_release(&b);
	ldr_buf_release(&t);
}

static const char *side_name(int side)
{
	return side == LDR_SIDE_OURS ? "ours" : side == LDR_SIDE_THEIRS ? "theirs" : "the base";
}

/* After a conflict is resolved: what is left to do. */
static void left(struct tui_app *app, const char *done)
{
	size_t n = app->rm.conflicts.len;
	if (n)
		tui_app_say(app, TUI_ROLE_NORMAL, "%s; %zu conflict%s left", done, n, n == 1 ? "" : "s");
	else
		tui_app_say(app, TUI_ROLE_DONE, "%s; no conflict left: 'w' %s", done,
			    app->loaded.merging[0] ? "commits the merge" : "saves");
}

/* Take a side (or keep the record as it is: side -1) for conflict i. */
static void resolve(struct tui_app *app, size_t i, int side)
{
	const struct ldr_conflict *c = conflict_at(app, i);
	struct ldr_buf what = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_roadmap *before;

	ldr_buf_addf(&what, "%s%s%s: ", c->record ? c->record : "", c->field ? " " : "",
		     c->field ? c->field : "");
	if (side < 0)
		ldr_buf_addstr(&what, "kept as it is");
	else if (c->removed)
		ldr_buf_addstr(&what, side == c->removed ? "removed" : "kept");
	else
		ldr_buf_addf(&what, "took %s (%s)", side_name(side), side_text(c, side, NULL));
	before = tui_edit_whole_begin(app);
	if (!before)
		goto out;
	if (side < 0) {
		ldr_conflict_drop(&app->rm, i);
	} else if (ldr_conflict_take(&app->rm, i, side, &err) < 0) {
		tui_edit_whole_cancel(before);
		tui_app_say(app, TUI_ROLE_ERROR, "%s (e edits the record instead)", err.s);
		goto out;
	}
	tui_edit_whole_commit(app, before, what.s);
	left(app, what.s);
out:
	ldr_buf_release(&what);
	ldr_buf_release(&err);
}

/* Enter: the choices, with the values. */
static void choose(struct tui_app *app, size_t i)
{
	const struct ldr_conflict *c = conflict_at(app, i);
	struct ldr_buf q = LDR_BUF_INIT, opts = LDR_BUF_INIT;
	int k;

	ldr_buf_addf(&q, "%s%s%s", c->record ? c->record : "", c->field ? " " : "", c->field ? c->field : "");
	if (c->removed)
		ldr_buf_addf(&opts, "(o)urs: %s, (t)heirs: %s, (e)dit, (r) keep as it is",
			     c->removed == LDR_SIDE_OURS ? "remove it" : "keep it",
			     c->removed == LDR_SIDE_THEIRS ? "remove it" : "keep it");
	else
		ldr_buf_addf(&opts, "(o)urs %s, (t)heirs %s, (b)ase %s, (e)dit, (r) keep as it is",
			     side_text(c, LDR_SIDE_OURS, NULL), side_text(c, LDR_SIDE_THEIRS, NULL),
			     side_text(c, 0, NULL));
	k = tui_app_choose(app, q.s, NULL, opts.s, c->removed ? "oter" : "otber");
	ldr_buf_release(&q);
	ldr_buf_release(&opts);
	switch (k) {
	case 'o': resolve(app, i, LDR_SIDE_OURS); break;
	case 't': resolve(app, i, LDR_SIDE_THEIRS); break;
	case 'b': resolve(app, i, 0); break;
	case 'r': resolve(app, i, -1); break;
	case 'e': {
		const struct ldr_kind *kind;
		void *rec;
		if (conflicts_record(&app->views[TUI_V_CONFLICTS], i, &kind, &rec))
			tui_form_edit(app, kind, rec);
		break;
	}
	default: break;
	}
}

static int conflicts_handle(struct tui_view *v, enum tui_action a)
{
	size_t item = tui_view_item(v);

	if (a == TUI_QUIT) {
		tui_app_show(v->app, v->app->previous);
		return 1;
	}
	if (item == (size_t)-1)
		return 0;
	switch (a) {
	case TUI_ENTER: choose(v->app, item); return 1;
	case TUI_TAKE_OURS: resolve(v->app, item, LDR_SIDE_OURS); return 1;
	case TUI_TAKE_THEIRS: resolve(v->app, item, LDR_SIDE_THEIRS); return 1;
	case TUI_TAKE_BASE:
		if (conflict_at(v->app, item)->removed)
			tui_app_say(v->app, TUI_ROLE_NORMAL, "a record removed on one side: o or t");
		else
			resolve(v->app, item, 0);
		return 1;
	case TUI_MARK_RESOLVED: resolve(v->app, item, -1); return 1;
	default: return 0;
	}
}

const struct tui_view_ops tui_conflicts_ops = {
	.name = "conflicts", .title = "Conflicts", .key = TUI_VIEW_CONFLICTS,
	.columns = conflicts_columns, .ncolumns = LDR_ARRAY_SIZE(conflicts_columns),
	.load = conflicts_load, .heading = conflicts_heading,
	.record = conflicts_record, .detail = conflicts_detail, .handle = conflicts_handle,
};

/* ---- sync ------------------------------------------------------------------------------ */

/* The file and HEAD moved (a fast-forward or a merge): read them again. */
static int reload(struct tui_app *app, struct ldr_buf *err)
{
	ldr_roadmap_release(&app->rm);
	ldr_roadmap_init(&app->rm);
	tui_undo_release(&app->undo);
	app->dirty = 0;
	if (tui_app_load(app, err) < 0)
		return -1;
	tui_app_changed(app);
	return 0;
}

/* Conflicts: the merge is kept in memory, to be resolved, and the remote
 * remembered for the push; nothing is committed yet. */
static void take_merge(struct tui_app *app, struct ldr_sync *s)
{
	ldr_roadmap_release(&app->rm);
	app->rm = s->result;
	ldr_roadmap_init(&s->result);
	memcpy(app->loaded.merging, s->remote.theirs, sizeof(app->loaded.merging));
	app->loaded.merging_git = 0;
	ldr_remote_release(&app->sync);
	app->sync = s->remote;
	memset(&s->remote, 0, sizeof(s->remote));
	tui_undo_release(&app->undo);
	tui_mark_dirty(app);
	tui_app_changed(app);
	tui_recovery_write(app);
	tui_app_show(app, TUI_V_CONFLICTS);
}

static void say_result(struct tui_app *app, const struct ldr_sync *s)
{
	const struct ldr_remote *r = &s->remote;
	size_t n = s->taken.n;

	switch (s->how) {
	case LDR_SYNC_UP_TO_DATE:
		tui_app_say(app, TUI_ROLE_DONE, "up to date with %s/%s", r->name, r->branch);
		break;
	case LDR_SYNC_PUSHED:
		tui_app_say(app, TUI_ROLE_DONE, "pushed %.7s to %s/%s", r->head, r->name, r->branch);
		break;
	case LDR_SYNC_FAST_FORWARD:
		tui_app_say(app, TUI_ROLE_DONE, "took %s/%s (%.7s): %zu change%s", r->name, r->branch,
			    r->theirs, n, n == 1 ? "" : "s");
		break;
	case LDR_SYNC_MERGED:
		if (s->broken.n)
			tui_app_say(app, TUI_ROLE_ERROR, "merged %s/%s, committed %.7s and pushed it (%zu "
				    "change%s), but the merge breaks the schedule: %zu error%s ('7' shows "
				    "them)", r->name, r->branch, s->commit, n, n == 1 ? "" : "s",
				    s->broken.n, s->broken.n == 1 ? "" : "s");
		else
			tui_app_say(app, TUI_ROLE_DONE, "merged %s/%s, committed %.7s and pushed it "
				    "(%zu change%s from %s)", r->name, r->branch, s->commit, n,
				    n == 1 ? "" : "s", r->name);
		break;
	case LDR_SYNC_CONFLICTS: /* said by take_merge's caller */
		break;
	}
}

void tui_sync(struct tui_app *app)
{
	struct ldr_check_opts o;
	struct ldr_sync s;
	struct ldr_buf err = LDR_BUF_INIT;

	memset(&s, 0, sizeof(s));
	if (app->read_only) {
		tui_read_only_say(app, "nothing is synced");
		return;
	}
	if (!app->repo) {
		tui_app_say(app, TUI_ROLE_WARNING, "this roadmap is in no repository: nothing to sync");
		return;
	}
	if (app->loaded.merging[0]) {
		if (app->rm.conflicts.len)
			tui_app_show(app, TUI_V_CONFLICTS);
		tui_app_say(app, TUI_ROLE_WARNING, "a merge is in progress: resolve its conflicts, then "
			    "'w' commits it; sync after that");
		return;
	}
	if (app->dirty) {
		tui_app_say(app, TUI_ROLE_WARNING, "save your changes first ('w'), then sync");
		return;
	}
	tui_app_say(app, TUI_ROLE_NORMAL, "syncing...");
	tui_app_draw(app);
	memset(&o, 0, sizeof(o));
	o.as_of = app->as_of;
	if (ldr_sync(app->repo, NULL, &app->rm, &app->loaded, &o, &s, &err) < 0) {
		tui_app_say(app, TUI_ROLE_ERROR, "not synced: %s", err.s);
		goto out;
	}
	if (s.how == LDR_SYNC_CONFLICTS) {
		take_merge(app, &s);
		tui_app_say(app, TUI_ROLE_ERROR, "%zu conflict%s with %s/%s, nothing committed: resolve "
			    "each (Enter), then 'w' commits the merge and pushes it", s.merge.n,
			    s.merge.n == 1 ? "" : "s", app->sync.name, app->sync.branch);
		goto out;
	}
	if (s.how == LDR_SYNC_FAST_FORWARD || s.how == LDR_SYNC_MERGED) {
		ldr_buf_reset(&err);
		if (reload(app, &err) < 0) {
			tui_app_say(app, TUI_ROLE_ERROR, "synced, but cannot read the roadmap again: %s", err.s);
			goto out;
		}
	}
	say_result(app, &s);
out:
	ldr_sync_release(&s);
	ldr_buf_release(&err);
}

void tui_sync_saved(struct tui_app *app, const char *commit)
{
	struct ldr_buf err = LDR_BUF_INIT;

	if (!app->sync.name)
		return;
	if (ldr_repo_push(app->repo, &app->sync, &err) < 0)
		tui_app_say(app, TUI_ROLE_ERROR, "committed the merge %.7s here, but not pushed: %s "
			    "('P' syncs again)", commit, err.s);
	else
		tui_app_say(app, TUI_ROLE_DONE, "committed the merge %.7s and pushed it to %s/%s", commit,
			    app->sync.name, app->sync.branch);
	ldr_remote_release(&app->sync);
	ldr_buf_release(&err);
}
