/* ldr: plan and track a Local Digital Roadmap. */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef LDR_VERSION
#define LDR_VERSION "0.1"
#endif

static int cmd_help(int argc, char **argv);

const struct cli_command cli_commands[] = {
	{ "check", "[--json] [--as-of TIME] [--rule ID[,ID...]]... ROADMAP",
	  "Check that the schedule holds together.",
	  "Each problem is reported with its position, the record, the rule and a fix;\n"
	  "the exit status is 1 if there is an error (warnings alone give 0).\n\n"
	  "  --json         print {errors, warnings, problems: [...], counts: {...}}\n"
	  "  --as-of TIME   the review date for overdue and future deliveries (default:\n"
	  "                 the roadmap's as_at, else this month)\n"
	  "  --rule ID      run only these rules (repeatable, or comma-separated)\n"
	  "  --list-rules   list the rules, with their severity\n"
	  "  --checklist    list the submission checklist (Annex 1) and what answers each\n"
	  "                 requirement\n",
	  cmd_check },
	{ "fmt", "[--check] [--drop-comments] ROADMAP...",
	  "Rewrite roadmaps in canonical form.",
	  "Each ROADMAP is a file, a directory holding roadmap.yaml, or - (read standard\n"
	  "input, write standard output). A file already canonical is not touched; one\n"
	  "that is not is replaced atomically.\n\n"
	  "  --check          change nothing; exit 1 if a file is not canonical\n"
	  "  --drop-comments  rewrite even a file with YAML comments, which are lost\n"
	  "                   (by default such a file is left alone: put what they say\n"
	  "                   in 'notes' fields)\n",
	  cmd_fmt },
	{ "stat", "[--json] ROADMAP",
	  "Count the records of each kind in a roadmap.",
	  "  --json  print a JSON object whose keys are the format's list names\n"
	  "          (projects, capabilities, ...) and dependencies, the number of\n"
	  "          depends_on links\n",
	  cmd_stat },
	{ "export", "KIND -o OUT [--as-of TIME] [--capabilities] [--baseline FILE] ROADMAP",
	  "Write a spreadsheet or chart of a roadmap.",
	  "The format follows OUT's extension. 'ldr export all -o DIR ROADMAP' writes\n"
	  "every export into DIR, named after the footprint.\n\n"
	  "  -o, --output OUT  the file to write (replaced atomically)\n"
	  "  --as-of TIME      the date of the 'as at' line (default: this month)\n"
	  "  --capabilities    gantt: draw capabilities rather than projects\n"
	  "  --baseline FILE   gantt: draw this earlier plan under the current one\n",
	  cmd_export },
	{ "tui", "[--read-only] [--as-of TIME] [--config FILE] [ROADMAP]",
	  "Open the terminal interface (also: 'ldr' alone, or 'ldr ROADMAP').",
	  "Browse, check, edit and commit a roadmap: '?' lists every key.\n\n"
	  "  --read-only     change nothing (for reviewers)\n"
	  "  --as-of TIME    the review date of the checks (default: the roadmap's as_at)\n"
	  "  --config FILE   key bindings (default: $XDG_CONFIG_HOME/ldr/config)\n",
	  cmd_tui },
	{ "help", "[COMMAND]", "Show the help of a command.", "", cmd_help },
};
const size_t cli_ncommands = sizeof(cli_commands) / sizeof(cli_commands[0]);

static void usage(FILE *out)
{
	size_t i;
	fprintf(out, "usage: ldr [--read-only] [ROADMAP]\n"
		"       ldr [--version] [--help] COMMAND [ARGS]\n\n"
		"Plan and track a Local Digital Roadmap kept in a YAML file (see ldr-format(5)).\n"
		"Without a command, ldr opens the terminal interface on ROADMAP (a file, or a\n"
		"directory holding roadmap.yaml; by default the current directory).\n\n"
		"Commands:\n");
	for (i = 0; i < cli_ncommands; i++)
		fprintf(out, "  %-8s %s\n", cli_commands[i].name, cli_commands[i].summary);
	fprintf(out, "\nExit status: 0 success, 1 the roadmap has errors, 2 a file cannot be read\n"
		"or parsed, 64 the command line is wrong. 'ldr help COMMAND' for more.\n");
}

static int cmd_help(int argc, char **argv)
{
	const struct cli_command *c;
	if (argc < 2) {
		usage(stdout);
		return LDR_EXIT_OK;
	}
	c = cli_find(argv[1]);
	if (!c) {
		struct ldr_buf b = LDR_BUF_INIT;
		fprintf(stderr, "ldr help: no command '%s'\n", cli_safe(argv[1], &b));
		ldr_buf_release(&b);
		return LDR_EXIT_USAGE;
	}
	cli_print_help(stdout, c);
	return LDR_EXIT_OK;
}

int main(int argc, char **argv)
{
	const struct cli_command *c;

	setlocale(LC_ALL, "");
	/* No command: the terminal interface, on ROADMAP or on ./roadmap.yaml. */
	if (argc < 2 || (argv[1][0] == '-' && strcmp(argv[1], "--help") && strcmp(argv[1], "-h") &&
			 strcmp(argv[1], "--version")) ||
	    (!cli_find(argv[1]) && strchr(argv[1], '/')) || (!cli_find(argv[1]) && access(argv[1], F_OK) == 0))
		return cmd_tui(argc, argv);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return LDR_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("ldr %s\n", LDR_VERSION);
		return LDR_EXIT_OK;
	}
	c = cli_find(argv[1]);
	if (!c) {
		struct ldr_buf b = LDR_BUF_INIT;
		const char *s = ldr_suggest(argv[1], cli_commands, cli_ncommands, sizeof(cli_commands[0]));
		fprintf(stderr, "ldr: '%s' is not a command%s%s%s; see 'ldr --help'\n",
			cli_safe(argv[1], &b), s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
		ldr_buf_release(&b);
		return LDR_EXIT_USAGE;
	}
	return c->run(argc - 1, argv + 1);
}
