/* The recovery files: what a session keeps of its unsaved work so that a
 * dropped connection loses nothing, and what the next session offers back.
 *
 * Where: in the repository's own directory (out of the work tree, so no
 * 'git add -A' commits it), as .git/ldr/RELPATH.TAG.unsaved and .base
 * (RELPATH with its slashes escaped); for a file in no repository, beside
 * it, hidden: DIR/.NAME.TAG.ldr-unsaved and .ldr-base. TAG is the
 * session's (PID-SINCE@HOST, model/history/session.h): each session writes and
 * removes only its own files, so that a second session on the roadmap (one
 * that took the lock over, or a read-only one) can neither overwrite nor
 * delete the first one's work, and the files of a session still running
 * are never offered to another. Files whose session ended are offered to
 * the next session that holds the roadmap's lock; once restored (written
 * again as that session's own) or discarded, they are removed. */
#include "edit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../model/base/diag.h"
#include "../model/roadmap/file.h"
#include "../model/roadmap/merge.h"
#include "../model/history/repo.h"
#include "../model/history/session.h"
#include "../model/base/write.h"

/* The directory the files are in ("" for the current one, in no
 * repository), the start of their names, and what comes before what they
 * hold ("." in .git/ldr, ".ldr-" beside the file). */
struct place {
	struct ldr_buf dir, base;
	const char *sep;
};

static void place_of(const struct tui_app *app, struct place *pl)
{
	const char *slash = strrchr(app->path, '/'), *p;

	memset(pl, 0, sizeof(*pl));
	if (app->repo) {
		ldr_buf_addf(&pl->dir, "%sldr", ldr_repo_gitdir(app->repo));
		mkdir(pl->dir.s, 0777);
		for (p = ldr_repo_relpath(app->repo); *p; p++)
			if (*p == '/' || *p == '%')
				ldr_buf_addf(&pl->base, "%%%02X", (unsigned char)*p);
			else
				ldr_buf_addch(&pl->base, *p);
		pl->sep = ".";
	} else {
		/* "" for a name alone; "/" for a file at the root. */
		ldr_buf_add(&pl->dir, app->path, !slash ? 0 : slash == app->path ? 1 : (size_t)(slash - app->path));
		ldr_buf_addf(&pl->base, ".%s", slash ? slash + 1 : app->path);
		pl->sep = ".ldr-";
	}
	if (!pl->dir.s)
		ldr_buf_addstr(&pl->dir, "");
}

static void place_release(struct place *pl)
{
	ldr_buf_release(&pl->dir);
	ldr_buf_release(&pl->base);
}

char *tui_recovery_path(const struct tui_app *app, const char *what, const char *tag)
{
	struct ldr_buf b = LDR_BUF_INIT;
	struct place pl;

	if (!strcmp(what, "mine")) {
		ldr_buf_addf(&b, "%s.ldr-mine", app->path);
		return ldr_buf_detach(&b);
	}
	place_of(app, &pl);
	if (pl.dir.len)
		ldr_buf_addf(&b, "%s%s", pl.dir.s, pl.dir.s[pl.dir.len - 1] == '/' ? "" : "/");
	ldr_buf_addstr(&b, pl.base.s);
	if (!tag && strcmp(what, "session") != 0) {
		ldr_buf_addch(&b, '.');
		ldr_session_tag(&app->session, &b);
	} else if (tag && *tag) {
		ldr_buf_addf(&b, ".%s", tag);
	}
	ldr_buf_addf(&b, "%s%s", pl.sep, what);
	place_release(&pl);
	return ldr_buf_detach(&b);
}

int tui_write_roadmap(const struct ldr_roadmap *rm, const char *path, struct ldr_buf *err)
{
	struct ldr_buf text = LDR_BUF_INIT;
	int r = ldr_roadmap_write(rm, &text, err);
	if (r == 0)
		r = ldr_write_file(path, text.s, text.len, err);
	ldr_buf_release(&text);
	return r;
}

void tui_recovery_write(struct tui_app *app)
{
	struct ldr_buf err = LDR_BUF_INIT;
	char *unsaved, *base, *merging;

	app->recovery_stale = 0;
	if (app->read_only)
		return;
	unsaved = tui_recovery_path(app, "unsaved", NULL);
	base = tui_recovery_path(app, "base", NULL);
	merging = tui_recovery_path(app, "merging", NULL);
	/* The base changes only on a load or a save: written once, not after
	 * every edit (a large roadmap is megabytes). */
	if ((!app->base_kept && ldr_write_file(base, app->base_text ? app->base_text : "", app->base_len, &err) < 0) ||
	    tui_write_roadmap(&app->rm, unsaved, &err) < 0) {
		tui_app_say(app, TUI_ROLE_ERROR, "cannot keep the unsaved changes safe: %s", err.s);
		app->recovery_stale = 1; /* tried again when next idle, and at the end */
	} else {
		app->base_kept = 1;
	}
	/* A sync's merge being resolved: the commit it merges, for its second parent. */
	if (app->loaded.merging[0] && !app->loaded.merging_git) {
		if (ldr_write_file(merging, app->loaded.merging, LDR_OID_HEX, &err) < 0)
			tui_app_say(app, TUI_ROLE_ERROR, "cannot keep the merge safe: %s", err.s);
	} else {
		unlink(merging);
	}
	ldr_buf_release(&err);
	free(unsaved);
	free(base);
	free(merging);
}

void tui_recovery_flush(struct tui_app *app)
{
	if (app->recovery_stale && app->dirty)
		tui_recovery_write(app);
}

/* Remove the files of the session tagged tag (NULL: this one's), with
 * the lock a write of them left when the session was killed outright in
 * the middle of it (model/base/write.h: the new text, never renamed). */
static void remove_files(struct tui_app *app, const char *tag)
{
	static const char *const what[] = { "unsaved", "base", "merging" };
	struct ldr_buf lock = LDR_BUF_INIT;
	size_t i;

	for (i = 0; i < LDR_ARRAY_SIZE(what); i++) {
		char *path = tui_recovery_path(app, what[i], tag);
		unlink(path);
		ldr_buf_reset(&lock);
		ldr_buf_addf(&lock, "%s.lock", path);
		unlink(lock.s);
		free(path);
	}
	ldr_buf_release(&lock);
}

void tui_recovery_remove(struct tui_app *app)
{
	app->recovery_stale = 0;
	if (app->read_only)
		return;
	remove_files(app, NULL);
	app->base_kept = 0;
}

/* The commit a sync's unfinished merge merges, if the session left one. */
static void recover_merging(struct tui_app *app, const char *tag)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	char *merging = tui_recovery_path(app, "merging", tag);
	size_t i;

	if (!app->loaded.merging[0] && ldr_file_read(merging, &text, &err) == 0 && text.len == LDR_OID_HEX) {
		for (i = 0; i < LDR_OID_HEX && strchr("0123456789abcdef", text.s[i]); i++)
			;
		if (i == LDR_OID_HEX)
			memcpy(app->loaded.merging, text.s, LDR_OID_HEX + 1);
	}
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	free(merging);
}

static int read_roadmap(const char *path, struct ldr_roadmap *rm)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT;
	struct ldr_diag d;
	int r = -1;

	ldr_roadmap_init(rm);
	if (ldr_file_read(path, &text, &err) == 0) {
		ldr_diag_init(&d, path);
		r = ldr_roadmap_read(rm, text.s, text.len, &d);
		ldr_diag_release(&d);
	}
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	return r;
}

/* Restore what the session tagged tag left (ours, its unsaved roadmap), as
 * one step of the undo history: 'u' goes back to the file. */
static void restore(struct tui_app *app, const char *tag, struct ldr_roadmap *ours)
{
	char *basep = tui_recovery_path(app, "base", tag);
	struct ldr_roadmap *before = tui_edit_whole_begin(app);
	struct ldr_roadmap base;
	enum tui_role role;
	char said[sizeof(app->message)];

	if (read_roadmap(basep, &base) == 0 && !ldr_roadmap_equal(&base, &app->rm)) {
		tui_merge_in(app, &base, ours, "restored onto the roadmap as it is now");
	} else {
		ldr_roadmap_release(&app->rm);
		ldr_rec_copy(&ldr_kind_roadmap, &app->rm, ours);
		app->dirty = 1;
		recover_merging(app, tag);
		tui_app_say(app, TUI_ROLE_NORMAL, "the unsaved changes are restored: %s",
			    app->loaded.merging[0] ? "resolve what is left ('C'), then 'w' commits "
			    "the merge" : "'w' saves them");
	}
	ldr_roadmap_release(&base);
	role = app->message_role;
	snprintf(said, sizeof(said), "%s", app->message);
	/* Written as this session's own (now, not when idle) before the
	 * ended one's go. */
	if (before) {
		tui_edit_whole_commit(app, before, "restored the unsaved changes");
		tui_recovery_flush(app);
	} else {
		tui_app_changed(app);
		tui_recovery_write(app);
	}
	tui_app_say(app, role, "%s", said);
	free(basep);
}

/* Offer what one ended session left. */
static void offer(struct tui_app *app, const struct ldr_ended *e)
{
	char *unsaved = tui_recovery_path(app, "unsaved", e->tag);
	struct ldr_roadmap ours;
	time_t t = (time_t)e->time;
	char when[64] = "";
	int choice;

	strftime(when, sizeof(when), "%Y-%m-%d %H:%M", localtime(&t));
	if (read_roadmap(unsaved, &ours) < 0) {
		tui_app_say(app, TUI_ROLE_ERROR, "%s cannot be read: left as it is", unsaved);
		goto out;
	}
	if (ldr_roadmap_equal(&ours, &app->rm)) {
		/* Saved since, after all. */
		remove_files(app, e->tag);
		goto out;
	}
	choice = tui_app_choose(app, "unsaved changes from a session that ended on ", when,
				"(r)estore them, (d)iscard them, (q)uit and decide later", "rdq");
	if (choice == 'r') {
		restore(app, e->tag, &ours);
		remove_files(app, e->tag);
	} else if (choice == 'd') {
		remove_files(app, e->tag);
		tui_app_say(app, TUI_ROLE_NORMAL, "the unsaved changes are discarded");
	} else {
		app->quit = 1;
	}
out:
	ldr_roadmap_release(&ours);
	free(unsaved);
}

void tui_recovery_offer(struct tui_app *app)
{
	struct ldr_buf err = LDR_BUF_INIT, suffix = LDR_BUF_INIT;
	struct ldr_ended *v = NULL;
	struct place pl;
	size_t n = 0, i;

	if (app->read_only)
		return;
	place_of(app, &pl);
	ldr_buf_addf(&suffix, "%sunsaved", pl.sep);
	if (ldr_session_ended(pl.dir.len ? pl.dir.s : ".", pl.base.s, suffix.s, &v, &n, &err) < 0)
		tui_app_say(app, TUI_ROLE_ERROR, "%s", err.s);
	for (i = 0; i < n && !app->quit && !tui_hangup && !tui_terminate; i++)
		offer(app, &v[i]);
	ldr_ended_free(v, n);
	place_release(&pl);
	ldr_buf_release(&suffix);
	ldr_buf_release(&err);
}
