/* Who has a roadmap open in the interface, as vim's swap file says who edits
 * a file. A session is a process on a host, begun at a time; it holds a
 * roadmap's session lock, a small text file beside the recovery files:
 *
 *     pid 4242
 *     host pmo-server
 *     user pat
 *     since 1733299200
 *
 * A second session that finds the lock held by a running session opens
 * read-only, or takes the lock over if the user says so (the first goes on
 * running). A lock whose session is no longer running is taken at once.
 *
 * Each session's recovery files are its own: their names carry its tag,
 * PID-SINCE@HOST, so that two sessions never write the same file, and no
 * session removes the files of one that is still running. Files whose
 * session ended are offered to the next session that holds the lock.
 *
 * Running means: on this host, the pid is there and is a process begun no
 * later than the session (a pid reused after a crash or a reboot is not the
 * session); on another host it cannot be told, and is taken to be running. */
#ifndef LDR_SESSION_H
#define LDR_SESSION_H

#include <stddef.h>

#include "../base/util.h"

#define LDR_SESSION_HOST_MAX 64

struct ldr_session {
	long pid;
	char host[LDR_SESSION_HOST_MAX]; /* letters, digits, '.', '-', '_' only */
	char user[64];                   /* "" when not known (not in a tag) */
	long long since;                 /* seconds since the epoch */
};

/* This process, its session begun now. */
void ldr_session_self(struct ldr_session *s);
/* Whether s is running (see above): 1 or 0. */
int ldr_session_running(const struct ldr_session *s);
/* Whether a and b are the same session (pid, host and since). */
int ldr_session_same(const struct ldr_session *a, const struct ldr_session *b);

/* Its tag, PID-SINCE@HOST, appended to b; and back (0, or -1 when text is
 * not a tag). */
void ldr_session_tag(const struct ldr_session *s, struct ldr_buf *b);
int ldr_session_parse_tag(struct ldr_session *s, const char *text, size_t len);

/* Read a lock file into s: 0; -1 when it cannot be read or is not one
 * (err says why). */
int ldr_session_read(const char *path, struct ldr_session *s, struct ldr_buf *err);

/* Take the lock at path for self. 0: taken (it was free, or its session had
 * ended, or it is self's); 1: held by another running session, which
 * *other describes, and nothing changed; a negative LDR_E_* (write.h) with
 * err when it cannot be read or written. Takers are serialised, so that
 * two sessions that find the same stale lock do not both take it. */
int ldr_session_lock(const char *path, const struct ldr_session *self, struct ldr_session *other,
		     struct ldr_buf *err);
/* Take it whoever holds it (the user said so): 0, or a negative LDR_E_*. */
int ldr_session_take(const char *path, const struct ldr_session *self, struct ldr_buf *err);
/* Remove it, if it is still self's: a session that was taken over from
 * leaves the lock of the one that took it. */
void ldr_session_unlock(const char *path, const struct ldr_session *self);

/* The recovery files of sessions that ended, found in dir by their names:
 * BASE.TAG SUFFIX (with the tag of a session no longer running), or
 * BASE SUFFIX (from a version of ldr before sessions, which named no
 * owner). Oldest first, by the files' times. */
struct ldr_ended {
	char *tag;             /* "" for BASE SUFFIX */
	struct ldr_session s;  /* from the tag */
	long long time;        /* the file's modification time */
};
int ldr_session_ended(const char *dir, const char *base, const char *suffix, struct ldr_ended **v,
		      size_t *n, struct ldr_buf *err);
void ldr_ended_free(struct ldr_ended *v, size_t n);

#endif
