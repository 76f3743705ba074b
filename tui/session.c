/* This session on its roadmap (session.h): the lock, the question a second
 * session asks, the recovery files written again on a hang-up, and the
 * reason the session is read-only. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../model/history/session.h"
#include "edit.h"

void tui_read_only_because(struct tui_app *app, const char *why)
{
	app->read_only = 1;
	free(app->read_only_why);
	app->read_only_why = why ? ldr_strdup(why) : NULL;
}

void tui_read_only_say(struct tui_app *app, const char *what)
{
	if (app->read_only_why)
		tui_app_say(app, TUI_ROLE_WARNING, "read-only: %s (%s)", what, app->read_only_why);
	else
		tui_app_say(app, TUI_ROLE_WARNING, "read-only: %s", what);
}

/* "open in another ldr session (pid N, since T)", with its user and host
 * when they are not this session's. */
static void describe(struct ldr_buf *b, const struct tui_app *app, const struct ldr_session *other)
{
	time_t t = (time_t)other->since;
	char when[64] = "";
	int user = other->user[0] && strcmp(other->user, app->session.user) != 0;
	int host = strcmp(other->host, app->session.host) != 0;

	strftime(when, sizeof(when), "%Y-%m-%d %H:%M", localtime(&t));
	ldr_buf_addf(b, "open in another ldr session (pid %ld, since %s", other->pid, when);
	if (user || host)
		ldr_buf_addf(b, ", %s%s%s%s", user ? "by " : "", user ? other->user : "",
			     host ? (user ? " on " : "on ") : "", host ? other->host : "");
	ldr_buf_addch(b, ')');
}

/* Another running session holds the lock: read-only, take over, or quit. */
static void held(struct tui_app *app, char *lock, const struct ldr_session *other)
{
	struct ldr_buf q = LDR_BUF_INIT, sure = LDR_BUF_INIT, err = LDR_BUF_INIT;
	int c;

	ldr_buf_addf(&q, "%s is ", app->path);
	describe(&q, app, other);
	ldr_buf_addf(&sure, "take the roadmap over from pid %ld? It goes on running, with its own "
		     "unsaved changes (never touched from here); if both save, the second is refused "
		     "and offered a merge", other->pid);
	for (;;) {
		c = tui_app_choose(app, q.s, NULL, "(r)ead-only, (t)ake over, (q)uit", "rtq");
		if (c != 't' || tui_app_choose(app, sure.s, NULL, "(y)es, (n)o", "yn") == 'y' ||
		    tui_hangup || tui_terminate)
			break;
	}
	if (c == 'q') {
		app->quit = 1;
	} else if (c == 't' && !tui_hangup && !tui_terminate) {
		if (ldr_session_take(lock, &app->session, &err) == 0) {
			app->lock = lock;
			lock = NULL;
			tui_app_say(app, TUI_ROLE_WARNING, "taken over from pid %ld, which goes on running: "
				    "if both save, the second is refused and offered a merge", other->pid);
		} else {
			tui_read_only_because(app, err.s);
			tui_read_only_say(app, "the session lock cannot be taken");
		}
	} else {
		ldr_buf_reset(&q);
		describe(&q, app, other);
		tui_read_only_because(app, q.s);
		tui_app_say(app, TUI_ROLE_WARNING, "read-only: %s is %s", app->path, q.s);
	}
	free(lock);
	ldr_buf_release(&q);
	ldr_buf_release(&sure);
	ldr_buf_release(&err);
}

static void lock_session(struct tui_app *app)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_session other;
	char *lock;
	int r;

	if (app->read_only)
		return; /* a reader changes nothing, and needs no lock */
	lock = tui_recovery_path(app, "session", NULL);
	r = ldr_session_lock(lock, &app->session, &other, &err);
	if (r == 0) {
		app->lock = lock;
	} else if (r == 1) {
		held(app, lock, &other);
	} else {
		tui_app_say(app, TUI_ROLE_WARNING, "no session lock (%s): another session on this "
			    "roadmap would not know of this one", err.s);
		free(lock);
	}
	ldr_buf_release(&err);
}

/* The keyboard idle for a second, or the program about to stop: what is
 * unsaved is written aside, off the path of each key. */
static void quiet(void *arg)
{
	tui_recovery_flush(arg);
}

void tui_session_begin(struct tui_app *app)
{
	tui_screen_on_quiet(quiet, app);
	lock_session(app);
	if (!app->quit)
		tui_recovery_offer(app);
}

void tui_session_end(struct tui_app *app)
{
	/* The files may have been removed meanwhile (by an ldr before
	 * sessions, or by hand): what is unsaved is written again, the base
	 * with it. */
	tui_screen_on_quiet(NULL, NULL);
	if ((tui_hangup || tui_terminate) && app->dirty && !app->read_only) {
		app->base_kept = 0;
		tui_recovery_write(app);
	} else {
		tui_recovery_flush(app); /* a change since the keyboard was last idle */
	}
	if (app->lock) {
		ldr_session_unlock(app->lock, &app->session);
		free(app->lock);
		app->lock = NULL;
	}
}
