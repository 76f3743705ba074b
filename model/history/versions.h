/* Versions of the roadmap read from its repository, for what the command
 * line (ldr log, ldr review) and the interface (the Log and Review views)
 * both show: the changes a commit made, to the whole roadmap or to one
 * record, and the versions a review is fed. The repository is used only
 * through repo.h; nothing here prints: messages come back in buffers. */
#ifndef LDR_VERSIONS_H
#define LDR_VERSIONS_H

#include "../roadmap/diff.h"
#include "history.h"
#include "repo.h"
#include "review.h"

struct ldr_index;

/* Parse roadmap text named name (as "abc1234:roadmap.yaml"); its errors, as
 * lines "name:line:col: ...", are appended to errors. Returns 0 or -1; rm
 * must be released either way. Warnings (comments) are the file's business,
 * not the history's: they are not reported. */
int ldr_version_parse(struct ldr_roadmap *rm, const char *name, const struct ldr_buf *text,
		      struct ldr_buf *errors);

/* A version of the file, by blob id: its text, and once parsed, its model;
 * once asked for, the spans of its records (history.h). */
struct ldr_version {
	char blob[LDR_OID_HEX + 1]; /* "": no file (an empty roadmap) */
	struct ldr_buf text;
	struct ldr_roadmap rm;
	int parsed; /* 1 parsed, -1 does not parse, 0 not yet */
	struct ldr_record_table table;
	int tabled; /* 1 the table is there, -1 it cannot be made, 0 not yet */
	unsigned used;
};

/* The last versions read. Walking a history, a commit's parent is usually
 * the previous (or next) commit's version, so each is read once; a merge
 * needs its second parent's too. */
#define LDR_VERSIONS_CACHED 3
struct ldr_versions {
	struct ldr_repo *repo;
	struct ldr_version cache[LDR_VERSIONS_CACHED];
	unsigned clock;
};

void ldr_versions_init(struct ldr_versions *vs, struct ldr_repo *repo);
void ldr_versions_release(struct ldr_versions *vs);

/* What commit c changed in the roadmap, against its first parent. With
 * record NULL, every change. With a record's id, whether c changed that
 * record (or one nested in it): its own lines are compared first, which is
 * quick, and d may then hold only its changes, or all of c's (select with
 * ldr_change_about). list is the top-level list the record is in, as
 * ldr_record_list says, or NULL (slower).
 *
 * Returns 1 with the changes in d; 0 when c did not change the record;
 * -1 when a version cannot be read (err says why); -2 when a version does
 * not parse, c is to be skipped (err holds the parser's messages the first
 * time that version is met). d is initialised either way: release it. */
int ldr_versions_changes(struct ldr_versions *vs, const struct ldr_commit *c, const char *record,
			 const char *list, struct ldr_diff *d, struct ldr_buf *err);

/* The name of the top-level list ("capabilities") holding the record with
 * this id in an indexed roadmap, or NULL (not there, or nested). */
const char *ldr_record_list(const struct ldr_index *ix, const char *id);

/* How many records a diff adds, removes and changes (a record with several
 * fields changed counts once). */
void ldr_diff_count(const struct ldr_diff *d, unsigned *added, unsigned *removed, unsigned *changed);

/* Where the versions of a review came from. */
struct ldr_review_source {
	struct ldr_commit base; /* the baseline's commit */
	struct ldr_commit now;  /* HEAD: the newest commit */
	int dirty;         /* the newest version has changes not committed */
	int base_as_at;    /* the month the baseline describes: its as_at, else its commit's month */
	unsigned commits;  /* commits after the baseline that changed the roadmap */
	unsigned skipped;  /* of those, left out: the roadmap does not parse there, or is not there */
	unsigned whole;    /* of those, read whole rather than record by record */
};

/* Feed rv (initialised with ldr_review_init) and finish it: the plan, the
 * roadmap at the baseline (any revision); every commit after it that changed
 * the roadmap, each against its parent, oldest first (only the records whose
 * lines changed are read); and the recorded facts, the newest version: now
 * when given (the interface's roadmap, with changes not saved), else the
 * file when it holds changes not committed, else HEAD. Notes for the reader
 * (a commit skipped, changes not committed included) are appended to notes,
 * a line each. Returns 0, or -1 (err). */
int ldr_review_read(struct ldr_review_source *src, struct ldr_review *rv, struct ldr_repo *repo,
		    const char *baseline, const struct ldr_roadmap *now, struct ldr_buf *notes,
		    struct ldr_buf *err);
/* The same, the newest version the commit tip (a scenario's: 'ldr review
 * --scenario'), its history the commits from the baseline to it; the
 * file is not read. */
int ldr_review_read_at(struct ldr_review_source *src, struct ldr_review *rv, struct ldr_repo *repo,
		       const char *baseline, const char *tip, struct ldr_buf *notes, struct ldr_buf *err);
void ldr_review_source_release(struct ldr_review_source *src);

#endif
