/* Every file ldr writes goes through here: written beside its final name,
 * flushed to disk, renamed into place, and never left half-written, even by
 * a signal. Two kinds of file:
 *
 *   kept files: the roadmap (and the files ldr keeps beside it: recovery
 *     files, .gitattributes, a merge driver's result), replaced under a
 *     PATH.lock created exclusively, so that two saves never overwrite each
 *     other; written through a symbolic link, as an editor does;
 *
 *   outputs: a file a command is told to write (-o, --csv): exports, the
 *     national view, the review, the report. Refused when it is a symbolic
 *     link (at any hop), a file this run reads (the roadmap itself, by any
 *     name), a file inside a git directory, or read-only; written in the
 *     real directory of the name given.
 *
 * Functions return 0, or one of the codes below with a one-line message
 * (git's style) in err; callers map each code to an exit status in one
 * place (cli_exit_for). LDR_E_IO is -1, so "< 0" still means failure. */
#ifndef LDR_WRITE_H
#define LDR_WRITE_H

#include <stddef.h>

#include "util.h"

enum ldr_error {
	LDR_E_IO = -1,       /* cannot read or write (the message has the system's words) */
	LDR_E_LOCKED = -2,   /* a lock file is in the way: another save, or one interrupted */
	LDR_E_LINK = -3,     /* an output is a symbolic link (the message names every hop) */
	LDR_E_INPUT = -4,    /* an output is a file this run reads: the roadmap, by any name */
	LDR_E_GITDIR = -5,   /* an output is inside a git directory */
	LDR_E_PERM = -6,     /* read-only, or its owner or group cannot be kept */
	LDR_E_CHANGED = -7,  /* the file or HEAD changed since it was loaded */
	LDR_E_NOCOMMIT = -8, /* the file is saved, but the commit is not made */
	LDR_E_INVALID = -9,  /* not saved: the roadmap would have errors */
	LDR_E_EXISTS = -10,  /* data is there already, and is not replaced */
	LDR_E_OWNER = -11,   /* the repository is owned by someone else (git's safe.directory) */
	LDR_E_NOREPO = -12,  /* the file is in no git repository */
	LDR_E_FILTER = -13,  /* not saved: a git filter of the file cannot be run here */
};

/* ---- kept files ------------------------------------------------------------ */

/* Replace path with data: PATH.lock created exclusively (one there already
 * is LDR_E_LOCKED, and is left alone: it is someone else's, or says that a
 * save was interrupted), written, flushed, given the old file's mode, group
 * and (when ldr may set it) owner, renamed over path, and the directory
 * flushed. A symbolic link at path is written through to its target. A
 * read-only file is refused (LDR_E_PERM), and so is one whose group cannot
 * be kept. On any error the old file is untouched and the lock removed.
 * A signal before the rename removes the lock; one during the rename waits
 * for it. */
int ldr_write_file(const char *path, const char *data, size_t len, struct ldr_buf *err);

/* ---- outputs ------------------------------------------------------------- */

/* Note a file this run reads: no output may replace it. ldr_file_read
 * notes every file it reads; the repository notes its roadmap. */
void ldr_output_protect(const char *path);

struct ldr_output {
	char *path; /* the name given, for messages */
	char *tmp;  /* where it is written meanwhile: REALDIR/.NAME.XXXXXX */
	char *name; /* its last component */
	int fd, dirfd, slot;
};
#define LDR_OUTPUT_INIT { NULL, NULL, NULL, -1, -1, -1 }

/* Check path and create the temporary file beside it. A library that
 * writes a file by name writes o->tmp. */
int ldr_output_begin(struct ldr_output *o, const char *path, struct ldr_buf *err);
/* Write data to the temporary file, replacing what it held. */
int ldr_output_write(struct ldr_output *o, const char *data, size_t len, struct ldr_buf *err);
/* Flush the temporary file and rename it over path: the output keeps the
 * old file's mode (and group, where it can), or gets the umask's. Either
 * way o is released; on failure the temporary file is removed. */
int ldr_output_commit(struct ldr_output *o, struct ldr_buf *err);
/* Remove the temporary file and release o (safe on an unused one). */
void ldr_output_abort(struct ldr_output *o);
/* All three at once. */
int ldr_output_save(const char *path, const char *data, size_t len, struct ldr_buf *err);

/* ---- signals ------------------------------------------------------------- */

/* Handle SIGINT, SIGTERM and SIGHUP (unless they are ignored): remove the
 * temporary and lock files this process created and has not yet renamed,
 * then die of the signal as if there were no handler. */
void ldr_signals_install(void);
/* Hold those signals off until the matching release (calls nest): for
 * the steps that must not be cut in two, such as a rename and the commit
 * that follows it, and libgit2's writes, whose temporary files and locks
 * ldr cannot know. A signal that came meanwhile is acted on at the release. */
void ldr_signals_hold(void);
void ldr_signals_release(void);

#endif
