#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../model/rules/check.h"
#include "../model/base/diag.h"
#include "../model/roadmap/file.h"
#include "../model/base/write.h"

const struct cli_command *cli_find(const char *name)
{
	size_t i;
	for (i = 0; i < cli_ncommands; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

void cli_print_help(FILE *out, const struct cli_command *c)
{
	fprintf(out, "usage: ldr %s %s\n\n%s\n", c->name, c->usage, c->summary);
	if ((c->help && *c->help) || c->options)
		fprintf(out, "\n%s", c->help ? c->help : "");
	if (c->options)
		cli_print_options(out, c->options);
	if (c->after)
		fputs(c->after, out);
}

int cli_help(const char *cmd)
{
	cli_print_help(stdout, cli_find(cmd));
	return LDR_EXIT_OK;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	const struct cli_command *c = cli_find(cmd);
	va_list ap;

	fprintf(stderr, "ldr %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c)
		fprintf(stderr, "usage: ldr %s %s\n", c->name, c->usage);
	return LDR_EXIT_USAGE;
}

int cli_exit_for(int code)
{
	return code == LDR_E_INVALID ? LDR_EXIT_ERRORS : LDR_EXIT_PARSE;
}

int cli_fail(const char *cmd, int code, const char *message)
{
	fprintf(stderr, "ldr %s: %s\n", cmd, message && *message ? message : "failed");
	return cli_exit_for(code);
}

const char *cli_safe(const char *s, struct ldr_buf *b)
{
	ldr_buf_reset(b);
	ldr_buf_addquoted(b, s ? s : "", (size_t)-1);
	if (!b->s)
		ldr_buf_add(b, "", 0);
	return b->s;
}

/* Read and parse: 0 or LDR_EXIT_PARSE, with the reading's error (not
 * read: the message names the file) in read_err, else the parse's in diag
 * (initialised here either way). */
static int load(const char *arg, struct ldr_roadmap *rm, char **path, struct ldr_buf *text,
		unsigned flags, struct ldr_diag *diag, struct ldr_buf *read_err)
{
	int r = LDR_EXIT_OK;

	*path = ldr_roadmap_path(arg);
	ldr_roadmap_init(rm);
	ldr_diag_init(diag, strcmp(*path, "-") == 0 ? "<stdin>" : *path);
	if (text ? ldr_file_read(*path, text, read_err) < 0 || ldr_roadmap_read(rm, text->s, text->len, diag) < 0
		 : ldr_roadmap_load(rm, *path, flags, diag, read_err) < 0) /* the text not held */
		r = LDR_EXIT_PARSE;
	return r;
}

/* Print the load's messages: the reading's, then the parse's. */
static int say(int r, struct ldr_diag *diag, struct ldr_buf *err, size_t *warnings)
{
	if (err->len)
		fprintf(stderr, "ldr: %s\n", err->s);
	ldr_diag_print(diag, stderr);
	if (warnings)
		*warnings = diag->warnings;
	ldr_diag_release(diag);
	ldr_buf_release(err);
	return r;
}

/* Keep the reading's error in diag, about the whole file. */
static int keep(int r, struct ldr_diag *diag, struct ldr_buf *err)
{
	if (err->len) {
		/* About the whole file: its name comes first already. */
		size_t n = strlen(diag->file);
		const char *m = strncmp(err->s, diag->file, n) == 0 && !strncmp(err->s + n, ": ", 2) ? err->s + n + 2 : err->s;
		ldr_diag_add(diag, LDR_ERROR, 0, 0, "%s", m);
	}
	ldr_buf_release(err);
	return r;
}

int cli_load(const char *arg, struct ldr_roadmap *rm, char **path, struct ldr_buf *text,
	     size_t *warnings)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_diag diag;
	int r = load(arg, rm, path, text, 0, &diag, &err);

	return say(r, &diag, &err, warnings);
}

int cli_load_diag(const char *arg, struct ldr_roadmap *rm, char **path, struct ldr_buf *text,
		  struct ldr_diag *diag)
{
	struct ldr_buf err = LDR_BUF_INIT;
	int r = load(arg, rm, path, text, 0, diag, &err);

	return keep(r, diag, &err);
}

int cli_load_frozen(const char *arg, struct ldr_roadmap *rm, char **path, struct ldr_diag *diag)
{
	struct ldr_buf err = LDR_BUF_INIT;
	struct ldr_diag own;
	int r = load(arg, rm, path, NULL, LDR_LOAD_FROZEN, diag ? diag : &own, &err);

	return diag ? keep(r, diag, &err) : say(r, &own, &err, NULL);
}

void cli_json_time(struct ldr_buf *b, const struct ldr_time *t)
{
	char buf[LDR_TIME_STR_MAX];
	if (ldr_time_given(t)) /* a time, or a commitment's "tbc" */
		cli_json_string(b, ldr_time_format(t, buf));
	else
		ldr_buf_addstr(b, "null");
}

void cli_json_string(struct ldr_buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0, i = 0;

	ldr_buf_addch(b, '"');
	while (i < n) {
		unsigned cp;
		size_t len = ldr_utf8_decode(s + i, n - i, &cp);

		if (len == 0) {
			ldr_buf_addstr(b, "\\ufffd"); /* not UTF-8: JSON text must be */
			i++;
			continue;
		}
		if (cp == '"' || cp == '\\')
			ldr_buf_addf(b, "\\%c", (char)cp);
		else if (cp == '\n')
			ldr_buf_addstr(b, "\\n");
		else if (cp == '\t')
			ldr_buf_addstr(b, "\\t");
		else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || ldr_is_bidi_control(cp))
			/* Controls, and what would reorder a terminal's text. */
			ldr_buf_addf(b, "\\u%04x", cp);
		else
			ldr_buf_add(b, s + i, len);
		i += len;
	}
	ldr_buf_addch(b, '"');
}

void cli_print_finding(FILE *out, const char *path, const struct ldr_finding *x)
{
	struct ldr_buf b = LDR_BUF_INIT;

	if (x->pos.line)
		fprintf(out, "%s:%u:%u: ", path, x->pos.line, x->pos.col);
	else
		fprintf(out, "%s: ", path);
	fprintf(out, "%s: %s [%s]\n", x->rule->severity == LDR_CHECK_ERROR ? "error" : "warning",
		cli_safe(x->message, &b), x->rule->id);
	if (x->fix)
		fprintf(out, "    fix: %s\n", cli_safe(x->fix, &b));
	ldr_buf_release(&b);
}
