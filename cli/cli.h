/* The command line: shared pieces of the subcommands. */
#ifndef LDR_CLI_H
#define LDR_CLI_H

#include <stdio.h>

#include "../model/roadmap/roadmap.h"
#include "../model/base/util.h"
#include "opts.h"

enum {
	LDR_EXIT_OK = 0,
	LDR_EXIT_ERRORS = 1, /* the roadmap has errors (or, for --check, is not as it should be) */
	LDR_EXIT_PARSE = 2,  /* a file cannot be read or parsed */
	LDR_EXIT_USAGE = 64, /* the command line is wrong */
};

struct cli_command {
	const char *name;
	const char *usage;   /* after "ldr NAME " */
	const char *summary; /* one line for 'ldr --help' */
	const char *help;    /* the details, for 'ldr help NAME': before the options */
	const struct cli_options *options; /* its options (opts.h), or NULL: only --help */
	const char *after;   /* the help's text after the options, or NULL */
	int (*run)(int argc, char **argv);
};

extern const struct cli_command cli_commands[];
extern const size_t cli_ncommands;

int cmd_aggregate(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_impact(int argc, char **argv);
int cmd_critical(int argc, char **argv);
int cmd_fmt(int argc, char **argv);
int cmd_stat(int argc, char **argv);
int cmd_tui(int argc, char **argv);
/* The roadmap's repository: */
int cmd_init(int argc, char **argv);
int cmd_set(int argc, char **argv);
int cmd_log(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_baseline(int argc, char **argv);
int cmd_review(int argc, char **argv);
int cmd_scenario(int argc, char **argv);
int cmd_signoff(int argc, char **argv);
/* Several editors, one roadmap: */
int cmd_setup(int argc, char **argv);
int cmd_sync(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_merge_driver(int argc, char **argv);
/* What a programme office already has (its workbooks): */
int cmd_import(int argc, char **argv);

/* The options of each command, beside its code. */
extern const struct cli_options cli_check_options, cli_fmt_options, cli_stat_options, cli_export_options,
	cli_report_options, cli_aggregate_options, cli_tui_options, cli_import_options, cli_init_options,
	cli_set_options, cli_impact_options, cli_critical_options, cli_log_options, cli_diff_options,
	cli_baseline_options, cli_review_options, cli_scenario_options, cli_merge_options,
	cli_merge_driver_options, cli_signoff_options;

/* How ldr was run (main's argv[0]): 'ldr setup' names it to git. */
extern const char *cli_argv0;

const struct cli_command *cli_find(const char *name);
/* Print "ldr NAME: message" and the usage line to stderr; returns 64. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_print_help(FILE *out, const struct cli_command *c);
/* Print the help of the command cmd on stdout; returns 0 (exit status). */
int cli_help(const char *cmd);

/* Load a roadmap named on the command line (a file, a directory holding
 * roadmap.yaml, or "-"). Prints every diagnostic to stderr. Returns 0, or
 * LDR_EXIT_PARSE. On return *path is the file's path (to free); text, if
 * not NULL, receives the bytes read; *warnings the number of warnings. */
int cli_load(const char *arg, struct ldr_roadmap *rm, char **path, struct ldr_buf *text,
	     size_t *warnings);
/* The same, the diagnostics left in diag (initialised here; print and
 * release it) for a caller that reports them its own way. */
struct ldr_diag;
int cli_load_diag(const char *arg, struct ldr_roadmap *rm, char **path, struct ldr_buf *text,
		  struct ldr_diag *diag);
/* For a command that only reads the roadmap (check, stat, critical): as
 * cli_load with no text, or as cli_load_diag when diag is not NULL; the
 * roadmap is frozen (LDR_LOAD_FROZEN: in one arena, without malloc's
 * overhead on each string), and no part of it may be freed or replaced
 * alone. */
int cli_load_frozen(const char *arg, struct ldr_roadmap *rm, char **path, struct ldr_diag *diag);

/* The exit status of a failure of the kinds of model/base/write.h (LDR_E_*):
 * 1 when the roadmap would have errors (LDR_E_INVALID), 2 for every other
 * (the file cannot be read or written, an output or a save refused). */
int cli_exit_for(int code);
/* Say a failure once, "ldr CMD: message" on stderr, and return its exit
 * status (cli_exit_for). */
int cli_fail(const char *cmd, int code, const char *message);

/* Roadmap text made safe for a terminal (control characters escaped). */
const char *cli_safe(const char *s, struct ldr_buf *b);

/* A finding as 'ldr check' prints it: "path:line:col: error: message
 * [rule]", then its fix. */
struct ldr_finding;
void cli_print_finding(FILE *out, const char *path, const struct ldr_finding *x);

/* JSON string literal of s (with quotes): control characters, bidirectional
 * controls and bytes that are not UTF-8 escaped (\uXXXX, \ufffd). */
void cli_json_string(struct ldr_buf *b, const char *s);
/* A time as a JSON string ("16/17 Q3"), or null when not set. */
void cli_json_time(struct ldr_buf *b, const struct ldr_time *t);

#endif
