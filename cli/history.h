/* Shared by the commands that work on a roadmap's repository (init, set,
 * log, diff, baseline, review): opening it, reading versions, and showing a
 * semantic diff. */
#ifndef LDR_CLI_HISTORY_H
#define LDR_CLI_HISTORY_H

#include "../model/roadmap/diff.h"
#include "../model/history/repo.h"
#include "../model/roadmap/roadmap.h"
#include "../model/base/util.h"

/* Open the repository of a ROADMAP argument. Prints "ldr CMD: error" and
 * returns LDR_EXIT_PARSE on failure, else 0. */
int hist_open(const char *cmd, const char *arg, struct ldr_repo **repo);

/* Parse roadmap text, printing any errors as "NAME:line:col: ...".
 * Returns 0 or LDR_EXIT_PARSE; rm must be released either way. */
int hist_parse(const char *name, const struct ldr_buf *text, struct ldr_roadmap *rm);

/* Read and parse the roadmap at a revision; c receives its commit. */
int hist_load_rev(const char *cmd, struct ldr_repo *repo, const char *rev, struct ldr_roadmap *rm,
		  struct ldr_commit *c);

/* Load the roadmap of an open repository, noting what a save must find
 * unchanged (st): as ldr_repo_load, printing every problem as "ldr CMD: ...".
 * Returns 0 or LDR_EXIT_PARSE; rm must be released either way. */
int hist_load_repo(const char *cmd, struct ldr_repo *repo, struct ldr_roadmap *rm, struct ldr_loaded *st);

/* Read and parse the working file. */
int hist_load_file(const char *cmd, struct ldr_repo *repo, struct ldr_roadmap *rm);

/* A scenario's name from the command line (model/history/scenario.h):
 * 0, or LDR_EXIT_USAGE once said why it is none. */
int hist_scenario_name(const char *cmd, const char *name);

/* The first line of a message, made safe. */
void hist_subject(struct ldr_buf *b, const char *message);

/* Each change on a line of its own (indented), then the count of each
 * kind: what 'ldr diff' and 'ldr import --dry-run' print. */
void hist_changes_text(struct ldr_buf *out, const struct ldr_diff *d);

/* A change as a JSON object. */
void hist_change_json(struct ldr_buf *b, const struct ldr_change *c);

#endif
