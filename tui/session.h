/* This interface session on its roadmap (model/history/session.h): the lock it
 * holds while it may change the roadmap, what it does when another running
 * session holds it, what it keeps when the connection drops, and why it is
 * read-only when it is. */
#ifndef LDR_TUI_SESSION_H
#define LDR_TUI_SESSION_H

#include "app.h"

/* At start, once the screen is up and before anything can change: have
 * the unsaved changes written aside whenever the keyboard is idle for a
 * second and before a stop (tui_screen_on_quiet), then take the
 * roadmap's lock. When another running session holds it, say which and
 * ask: read-only (the answer to Esc), take over (asked again to be sure),
 * or quit. A lock that cannot be taken (a directory not writable) is said,
 * and the session goes on without one. Then, unless the answer was to
 * quit, offer what sessions that ended left (recovery.c). */
void tui_session_begin(struct tui_app *app);
/* At the end: after a hang-up or a signal, the unsaved changes are written
 * again, whatever became of the files meanwhile; otherwise (a quit, the
 * end of a script) a change made since they were last written is; the lock
 * is released if it is still this session's. */
void tui_session_end(struct tui_app *app);

/* The session is read-only, and why (said with every refusal). */
void tui_read_only_because(struct tui_app *app, const char *why);
/* Refuse what on the status line: "read-only: WHAT (WHY)". */
void tui_read_only_say(struct tui_app *app, const char *what);

#endif
