/* ldr: plan and track a Local Digital Roadmap. */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../model/base/write.h"
#include "cli.h"

#ifndef LDR_VERSION
#define LDR_VERSION "0.1"
#endif

static int cmd_help(int argc, char **argv);

const char *cli_argv0;

const struct cli_command cli_commands[] = {
	{ "check", "[--json] [--as-of TIME] [--rule ID[,ID...]]... ROADMAP",
	  "Check that the schedule holds together.",
	  "Each problem is reported with its position, the record, the rule and a fix;\n"
	  "the exit status is 1 if there is an error (warnings alone give 0).\n\n",
	  &cli_check_options, NULL, cmd_check },
	{ "fmt", "[--check | --commit] [--drop-comments] ROADMAP...",
	  "Rewrite roadmaps in canonical form.",
	  "Each ROADMAP is a file, a directory holding roadmap.yaml, or - (read standard\n"
	  "input, write standard output). A file already canonical is not touched; one\n"
	  "that is not is replaced atomically.\n\n",
	  &cli_fmt_options, NULL, cmd_fmt },
	{ "stat", "[--json] [--derived] ROADMAP",
	  "Count the records of each kind in a roadmap.",
	  "", &cli_stat_options, NULL, cmd_stat },
	{ "export", "KIND -o OUT [--rev REV] [--as-of TIME] [--capabilities] [--baseline FILE|REV]"
	  " [--page a3|a4] [--deps WHICH] [--no-bom] [--no-id] [--no-status] ROADMAP",
	  "Write a spreadsheet or chart of a roadmap.",
	  "The format follows OUT's extension. 'ldr export all -o DIR ROADMAP' writes\n"
	  "every export into DIR, named after the footprint: each kind below, the\n"
	  "capabilities' Gantt chart, the projects' against the newest baseline tag\n"
	  "(or --baseline) when there is one, and the board report (ldr report). A\n"
	  "roadmap in a git repository is exported with the commit it is (or has\n"
	  "changed from) in its footers.\n\n",
	  &cli_export_options, NULL, cmd_export },
	{ "report", "-o FILE.html [--baseline REV] [--year Y | --quarter Q] [--as-of TIME] ROADMAP",
	  "Write the board report: one HTML file to read, print or send.",
	  "One self-contained HTML file (its styles and charts inside it, no script,\n"
	  "nothing fetched) for a board pack: the summary of the review against the\n"
	  "baseline (what was due, delivered, on time), the status of capabilities\n"
	  "and projects, what is overdue, what slipped or was dropped since the\n"
	  "baseline and why (the commits that did it), the charts, the review of\n"
	  "each capability group, the checks that fail, and the commit it shows.\n"
	  "It prints to A4 or A3, each section on a new page.\n\n",
	  &cli_report_options, NULL, cmd_report },
	{ "aggregate", "[--json | --csv FILE | -o FILE.xlsx] [--as-of TIME] ROADMAP...",
	  "Sum many footprints' roadmaps into the national view.",
	  "Each ROADMAP is a file, or a directory: one holding roadmap.yaml is that\n"
	  "footprint; any other stands for every *.yaml file in it and every directory\n"
	  "in it that holds a roadmap.yaml, in name order. A roadmap named twice (the\n"
	  "same real path) is counted once; the repeat is said on stderr. The report\n"
	  "has the capabilities by group and year, which footprints plan each\n"
	  "universal capability and by when, where each stands against the national\n"
	  "targets, and every footprint's check summary. A file that cannot be loaded\n"
	  "is skipped: its errors go to stderr, the report says so, and the exit\n"
	  "status is 2. Check errors in the roadmaps are reported, not a failure.\n\n",
	  &cli_aggregate_options, NULL, cmd_aggregate },
	{ "tui", "[--read-only] [--as-of TIME] [--config FILE] [ROADMAP] | --keys",
	  "Open the terminal interface (also: 'ldr' alone, or 'ldr ROADMAP').",
	  "Browse, check, edit and commit a roadmap: '?' lists every key.\n\n",
	  &cli_tui_options, NULL, cmd_tui },
	{ "import", "KIND FILE (-o NEW.yaml | --into ROADMAP) [--sheet NAME] [--dry-run] [-m MSG]",
	  "Read a workbook or CSV file into a new roadmap, or merge it into one.",
	  "KIND is what FILE holds, as the exports write it or as people fill the NHS\n"
	  "templates in: annex2 (a row per capability: Who, What, Year, Capability\n"
	  "group, then the footprint's own columns, which become attributes), annex4\n"
	  "(a sheet per universal capability), dossier (a row per project), trajectory\n"
	  "(Digital Maturity scores by provider, group and year) or milestones (a row\n"
	  "per milestone: Project, Id, What, Due, Status, Delivered, Notes). FILE is\n"
	  ".xlsx or .csv (UTF-8). The header row is found wherever it is, below any\n"
	  "title rows; columns are matched by their headings; years may be written\n"
	  "16/17, 2016/17, 2016-17 or FY16/17 (a date is read as its financial year,\n"
	  "with a warning); groups by name or id; formulas give the values they had\n"
	  "when last calculated. Every cell that cannot be read is listed by sheet and\n"
	  "cell, and then nothing is written (exit status 2).\n\n",
	  &cli_import_options,
	  "\nWhat each export cannot carry, and so an import cannot give back, is listed\n"
	  "in ldr(1).\n",
	  cmd_import },
	/* The roadmap's repository: history, baselines and the review. */
	{ "init", "DIR [--from FILE] [--force] [-m MSG]",
	  "Make a repository for a roadmap, with a first commit.",
	  "DIR is created if need be; it may be an empty repository. The roadmap is\n"
	  "FILE, else DIR/roadmap.yaml if there is one, else a new one named after DIR\n"
	  "spanning five financial years from this one; it is written to\n"
	  "DIR/roadmap.yaml in canonical form and committed. A roadmap.yaml in DIR\n"
	  "is never lost: started from, its bytes are committed first if the canonical\n"
	  "form differs; one that another roadmap would replace is refused (exit 2).\n\n",
	  &cli_init_options, NULL, cmd_init },
	{ "set", "ROADMAP ID.FIELD=VALUE... [-m MSG]",
	  "Change fields, then save and commit the roadmap.",
	  "Each ID is a record's id (ids are unique across the file; 'footprint' names\n"
	  "the footprint), FIELD one of its fields as ldr-format(5) names them. VALUE is\n"
	  "taken literally; lists are comma-separated, brackets optional\n"
	  "(P08.depends_on=[P03,P12]); an empty VALUE clears the field; attributes and\n"
	  "derived take a name: C01.attributes.Solution=MIG. Every value is checked as\n"
	  "the file would be, and ids must name records of the right kind; nothing is\n"
	  "saved unless all are valid. The save is refused if the file or HEAD changed\n"
	  "since it was read.\n\n",
	  &cli_set_options, NULL, cmd_set },
	{ "impact", "ROADMAP ID.FIELD=VALUE... [--json] [--scenario NAME] [--apply [-m MSG]]",
	  "What else moves if something slips, and what that breaks.",
	  "Each ID.FIELD=VALUE moves a planned time: a project's start (the whole\n"
	  "project moves, its milestones with it) or end, a capability's year, a\n"
	  "milestone's due, an activity's quarter; VALUE is a time (18/19 Q2, 2019-03)\n"
	  "or a move (+2Q, -1Q, +3m, +1y). The knock-on follows depends_on (a project\n"
	  "starts after those it depends on end, keeping its duration), the projects\n"
	  "that deliver a capability, and the capabilities it depends on; delivered\n"
	  "records do not move, and nothing moves further than it must. It prints\n"
	  "each move and why, the capabilities that now miss their year, milestones\n"
	  "outside their project, universal capability activities and ambitions due\n"
	  "before a project they name ends, and what goes beyond the horizon.\n"
	  "Nothing is written unless --apply. With --scenario, the scenario's roadmap\n"
	  "is the one that moves, and --apply commits on its branch, not on the plan.\n\n",
	  &cli_impact_options, NULL, cmd_impact },
	{ "critical", "ROADMAP [--to ID] [--json]",
	  "Show the critical path and each project's slack.",
	  "The chain of dependencies that sets the latest end (or the end of the\n"
	  "project or capability ID), then each project's total slack (how many months\n"
	  "it can slip before it delays that end) and free slack (before any project\n"
	  "that depends on it must move), the least first: negative slack is a plan\n"
	  "already impossible. With the earliest each project can end, its\n"
	  "predecessors' durations kept, when that is later than planned.\n\n",
	  &cli_critical_options, NULL, cmd_critical },
	{ "log", "[--record ID] [--json] ROADMAP",
	  "Show the commits that changed a roadmap, newest first.",
	  "Each commit on one line: its id (and tags), date, author and subject.\n\n",
	  &cli_log_options, NULL, cmd_log },
	{ "diff", "[REV1 [REV2]] [--scenario NAME] [--json] ROADMAP",
	  "Compare two versions of a roadmap record by record.",
	  "Without revisions, HEAD against the file (the changes not committed); with\n"
	  "one, REV1 against the file; with two, REV1 against REV2. A revision is\n"
	  "anything git names a commit by: an id, a tag (a baseline), HEAD~3, ...\n"
	  "Changes are by record id and field: added, removed, changed (old -> new);\n"
	  "a planned time that moved is re-phased, with how many quarters. With\n"
	  "--scenario NAME, REV1 (default HEAD) against the scenario's commit.\n\n",
	  &cli_diff_options, NULL, cmd_diff },
	{ "baseline", "NAME [-m MSG] [--signed] ROADMAP | --list ROADMAP",
	  "Mark the approved plan, or list the marks.",
	  "Makes an annotated tag NAME on HEAD (the file must have no changes not\n"
	  "committed), tagged by the committer's identity; reviews and diffs then name\n"
	  "it. A baseline is never moved: a new plan is a new baseline. Sign-offs\n"
	  "(ldr signoff) are tags too, but not baselines: the list leaves them out.\n\n",
	  &cli_baseline_options, NULL, cmd_baseline },
	{ "signoff", "ROADMAP --as ROLE [-m MSG] [--force] | --list ROADMAP",
	  "Record who approved the plan, or list the sign-offs.",
	  "Makes an annotated tag signoff/DATE-ROLE on HEAD, tagged by the approver\n"
	  "(the committer's identity: user.name and user.email, as ldr's commits), with\n"
	  "the role and the message in it; 'ldr log', the History view and the board\n"
	  "report show it, and 'ldr review --signed' wants the baseline signed off.\n"
	  "Refused while the file has changes not committed (exit 2) or the plan has\n"
	  "errors (exit 1), unless --force.\n\n",
	  &cli_signoff_options, NULL, cmd_signoff },
	{ "review", "--baseline REV [--signed] [--scenario NAME] [--year Y | --quarter Q] [--as-of TIME]"
	  " [--json | --csv FILE] ROADMAP",
	  "Review what a baseline planned for a period against what happened.",
	  "What was planned is read from the baseline, what happened from the facts\n"
	  "recorded in the newest version (HEAD, or the file with its changes not\n"
	  "committed): status, delivered times, activities done. A delivery counts if\n"
	  "it is dated on or before the review's date, whenever it was recorded.\n"
	  "For each capability, project, milestone and universal capability activity\n"
	  "due in the period at the baseline: on time, early or late (by how much),\n"
	  "delivered without a date, slipped (to when, by how much), dropped, in\n"
	  "progress or overdue; with, for each slip, move or drop, the commits that\n"
	  "made it (date, author, message, from -> to). Then the items added since,\n"
	  "activities quarter by quarter, totals and percentages per capability\n"
	  "group, the deliveries without a date (and the command that records one),\n"
	  "and the drift of every planned time from the baseline to HEAD. With\n"
	  "--scenario NAME, the scenario's commit stands for HEAD (the file is not\n"
	  "read): the what-if reviewed against the baseline.\n\n",
	  &cli_review_options,
	  "\nRefused (exit 64): a baseline that is the plan as at a date after the\n"
	  "review's, a period outside the roadmap's horizon, a baseline not signed\n"
	  "off with --signed.\n",
	  cmd_review },
	{ "scenario", "new NAME [ROADMAP] | list [--json] [ROADMAP] | diff NAME [ROADMAP] | drop [--force] NAME [ROADMAP]",
	  "Keep what-ifs beside the plan, as branches scenario/NAME.",
	  "A scenario is a git branch, scenario/NAME, in the roadmap's repository.\n"
	  "'new' makes it at the plan's commit (HEAD); 'ldr impact --apply --scenario\n"
	  "NAME' then commits on it, never on the plan: the file, the index and the\n"
	  "branch checked out stay as they are. 'list' shows each with its commit, its\n"
	  "date and age, and how many commits it is ahead of the plan and behind it;\n"
	  "'diff' what it changes, record by record, from where it left the plan;\n"
	  "'drop' deletes it, refused while it has commits the plan does not have\n"
	  "(merge them, or --force). 'ldr diff --scenario' and 'ldr review --scenario'\n"
	  "compare it with a baseline; 'ldr merge scenario/NAME' brings it into the\n"
	  "plan. NAME: letters, digits, '.', '_' and '-', as in p12-slips.\n\n",
	  &cli_scenario_options, NULL, cmd_scenario },
	{ "merge", "REV [ROADMAP]",
	  "Merge a branch, as scenario/NAME, into the plan field by field.",
	  "REV is a local branch (a scenario: scenario/NAME), a tag or a commit. Already\n"
	  "in the plan: nothing to do. If the plan has not moved since they parted, it\n"
	  "takes REV's commits (a fast-forward); else the roadmaps are merged record by\n"
	  "record and field by field, as 'ldr sync' merges, checked, and committed\n"
	  "with two parents. A field changed differently on both sides is a conflict:\n"
	  "nothing changes, and each is listed with its base, ours and theirs. Refused\n"
	  "while the roadmap has changes not committed or a merge is under way.\n"
	  "Exit status 1: conflicts, or the merge breaks the schedule.\n",
	  &cli_merge_options, NULL, cmd_merge },
	/* Several editors, one roadmap. */
	{ "sync", "[REMOTE] [ROADMAP]",
	  "Fetch, merge field by field, commit and push.",
	  "Fetches the branch's remote (REMOTE, else its upstream's, else origin). If\n"
	  "only one side moved, pushes or takes the other's commits; if both did, merges\n"
	  "the roadmaps record by record and field by field, checks the result, commits\n"
	  "the merge (two parents) and pushes it, and only then updates the work tree.\n"
	  "A field changed differently on both sides is a conflict: nothing changes,\n"
	  "and each is listed with its base, ours and theirs (resolve them in the\n"
	  "interface, or with git after 'ldr setup'). A network, authentication or\n"
	  "push failure changes nothing either. Refused while the roadmap has changes\n"
	  "not committed. With one operand, it is the ROADMAP if there is such a file\n"
	  "or directory, else the REMOTE. SSH keys come from ssh-agent, else\n"
	  "~/.ssh/id_ed25519 or ~/.ssh/id_rsa; no password is asked.\n"
	  "Exit status 1: conflicts, or the merge breaks the schedule (the errors the\n"
	  "merge made are listed).\n",
	  NULL, NULL, cmd_sync },
	{ "setup", "[ROADMAP]",
	  "Make plain git merge the roadmap with ldr.",
	  "Adds 'ROADMAP merge=ldr' to the work tree's .gitattributes (commit it) and\n"
	  "sets merge.ldr.name and merge.ldr.driver in the repository's configuration,\n"
	  "so that 'git merge' and 'git pull' merge the roadmap field by field with\n"
	  "'ldr merge-driver'. Run it in every clone: git does not copy configuration.\n",
	  NULL, NULL, cmd_setup },
	{ "merge-driver", "BASE OURS THEIRS [PATH]",
	  "Merge a roadmap for git (%O %A %B %P).",
	  "Git runs it (see 'ldr setup') with the common ancestor, our version and\n"
	  "theirs in temporary files, and the roadmap's path. The merge is written over\n"
	  "OURS. Conflicts keep our value and are listed at the end of the file under\n"
	  "'conflicts:', with base, ours and theirs (see ldr-format(5)): resolve them in\n"
	  "the interface or an editor, then 'git add' the file. Errors the merge made\n"
	  "in the schedule are reported. Exit status: 0 merged, 1 conflicts remain, 2 a\n"
	  "version cannot be read.\n",
	  &cli_merge_driver_options, NULL, cmd_merge_driver },
	{ "help", "[COMMAND]", "Show the help of a command.", "", NULL, NULL, cmd_help },
};
const size_t cli_ncommands = sizeof(cli_commands) / sizeof(cli_commands[0]);

static void usage(FILE *out)
{
	size_t i, width = 0;

	for (i = 0; i < cli_ncommands; i++)
		if (strlen(cli_commands[i].name) > width)
			width = strlen(cli_commands[i].name);
	fprintf(out, "usage: ldr [--read-only] [ROADMAP]\n"
		"       ldr [--version] [--help] COMMAND [ARGS]\n\n"
		"Plan and track a Local Digital Roadmap kept in a YAML file (see ldr-format(5)).\n"
		"Without a command, ldr opens the terminal interface on ROADMAP (a file, or a\n"
		"directory holding roadmap.yaml; by default the current directory).\n\n"
		"Commands:\n");
	for (i = 0; i < cli_ncommands; i++)
		fprintf(out, "  %-*s %s\n", (int)width, cli_commands[i].name, cli_commands[i].summary);
	fprintf(out, "\nExit status: 0 success, 1 the roadmap has errors, 2 a file cannot be read\n"
		"or parsed, 64 the command line is wrong. 'ldr help COMMAND' for more.\n");
}

static int help_operand(void *ctx, int id, const char *value)
{
	const char **name = ctx;

	(void)id;
	if (!*name) /* the first (the others, as ever, unread) */
		*name = value;
	return 0;
}

static int cmd_help(int argc, char **argv)
{
	const struct cli_command *c;
	const char *name = NULL;
	int r = cli_parse_options("help", argc, argv, help_operand, &name);

	if (r)
		return r == CLI_HELP ? cli_help("help") : r;
	if (!name) {
		usage(stdout);
		return LDR_EXIT_OK;
	}
	c = cli_find(name);
	if (!c) {
		struct ldr_buf b = LDR_BUF_INIT;
		fprintf(stderr, "ldr help: no command '%s'\n", cli_safe(name, &b));
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
	cli_argv0 = argv[0];
	/* Ctrl-C, a kill or a hang-up never leaves a lock or half a file (the
	 * interface installs its own handlers over these). */
	ldr_signals_install();
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
