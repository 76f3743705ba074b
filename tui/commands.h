/* The ':' command line (commands.c): the commands of the whole day, their
 * completion and history, and their list for help and 'ldr tui --keys'. */
#ifndef LDR_TUI_COMMANDS_H
#define LDR_TUI_COMMANDS_H

#include <stdio.h>

#include "app.h"

struct tui_command {
	const char *name, *args, *summary;
	void (*run)(struct tui_app *app, const char *arg); /* NULL: tui/actions.c runs it */
};
extern const struct tui_command tui_commands[];
extern const size_t tui_ncommands;

/* Run the command word (with the rest of the line, arg) if it is one of
 * commands.c's: 1, else 0. */
int tui_command_run(struct tui_app *app, const char *word, const char *arg);
/* Ask for a command line, with Tab and the history; NULL if cancelled. */
char *tui_command_prompt(struct tui_app *app);
/* The commands, a line each, for 'ldr tui --keys'. */
void tui_commands_print(FILE *out);

#endif
