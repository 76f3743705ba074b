/* The options of a command, declared once in a table: getopt_long parses
 * them and 'ldr help COMMAND' lists them. A command's table is its
 * cli_command's options (cli.h); its parser calls the command back for each
 * option and each operand, in the order of the command line. */
#ifndef LDR_CLI_OPTS_H
#define LDR_CLI_OPTS_H

#include <stddef.h>
#include <stdio.h>

struct cli_opt {
	const char *name;    /* "output" for --output; NULL: a short option only */
	char short_name;     /* 'o' for -o; 0: a long option only ('h' is help's) */
	int arg;             /* 0: takes no value; 1: takes one */
	const char *argname; /* the value in the help: "FILE" */
	/* Its description in the help, one line per '\n' (the later ones
	 * indented to the column); "": listed on one line with the next
	 * option, which describes both; NULL: accepted, not listed. */
	const char *help;
	int id;            /* what the command's callback is given */
	const char *needs; /* a missing value, said as "'--to' needs <needs>"; NULL: "a value" */
};

struct cli_options {
	const struct cli_opt *v;
	size_t n;
	int column; /* where the descriptions begin in the help */
	/* Options only before the first operand, every argument after it an
	 * operand (for arguments that may begin with '-', as a path git
	 * gives): else, options and operands in any order. */
	int options_first;
};

#define CLI_OPTIONS(table, col) { .v = (table), .n = sizeof(table) / sizeof((table)[0]), .column = (col) }

/* The id the callback is given for an operand. */
#define CLI_OPERAND (-1)
/* What cli_parse_options returns when help is asked (-h, --help). */
#define CLI_HELP (-1)

/* Called for each option (its id and value, NULL if it takes none) and each
 * operand (CLI_OPERAND and the operand), in order. Returns 0 to go on, or an
 * exit status once it has said what is wrong (cli_usage_error). */
typedef int cli_opt_fn(void *ctx, int id, const char *value);

/* Parse argv[1..argc-1] with the options of the command cmd: long options
 * as --name VALUE or --name=VALUE, never abbreviated; short ones bundled
 * (-ab), their value attached or not (-mMSG, -m MSG); everything after "--"
 * an operand, as is "-". Returns 0; CLI_HELP (nothing printed); or, after
 * saying what is wrong, LDR_EXIT_USAGE or the callback's status. */
int cli_parse_options(const char *cmd, int argc, char **argv, cli_opt_fn *fn, void *ctx);

/* The help's list of options, one or more lines each. */
void cli_print_options(FILE *out, const struct cli_options *o);

#endif
