#include "opts.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* getopt_long's val of each option: its short letter, else 256 + its index
 * in the table (beyond any letter); help's is 'h'. */
#define LONG_ONLY 256

struct parser {
	const char *cmd;
	const struct cli_options *o;
	struct option *longs;
	char *shorts;
};

static void parser_init(struct parser *p, const char *cmd, const struct cli_options *o)
{
	size_t i, nl = 0, ns = 0;

	p->cmd = cmd;
	p->o = o;
	p->longs = ldr_calloc(o->n + 2, sizeof(*p->longs));
	/* "-": operands are returned in order, as 1 (argv is not permuted);
	 * "+": the first ends the options; ":": a missing value is ':'. */
	p->shorts = ldr_calloc(3 * o->n + 4, 1);
	p->shorts[ns++] = o->options_first ? '+' : '-';
	p->shorts[ns++] = ':';
	for (i = 0; i < o->n; i++) {
		const struct cli_opt *x = &o->v[i];
		int val = x->short_name ? (unsigned char)x->short_name : LONG_ONLY + (int)i;
		if (x->name)
			p->longs[nl++] = (struct option){ x->name, x->arg ? required_argument : no_argument, NULL, val };
		if (x->short_name) {
			p->shorts[ns++] = x->short_name;
			if (x->arg)
				p->shorts[ns++] = ':';
		}
	}
	p->longs[nl++] = (struct option){ "help", no_argument, NULL, 'h' };
	p->shorts[ns++] = 'h';
}

static void parser_release(struct parser *p)
{
	free(p->longs);
	free(p->shorts);
}

/* The option getopt_long's val stands for, or NULL (help). */
static const struct cli_opt *opt_of(const struct parser *p, int val)
{
	size_t i;

	if (val >= LONG_ONLY)
		return (size_t)(val - LONG_ONLY) < p->o->n ? &p->o->v[val - LONG_ONLY] : NULL;
	for (i = 0; i < p->o->n; i++)
		if ((unsigned char)p->o->v[i].short_name == val)
			return &p->o->v[i];
	return NULL;
}

/* Whether the argument arg ("--name" or "--name=value") names the long
 * option name in full: getopt_long takes an unambiguous abbreviation, which
 * would stop working the day another option begins the same way. */
static int in_full(const char *arg, const char *name)
{
	size_t n = strlen(name);
	return !strncmp(arg, "--", 2) && !strncmp(arg + 2, name, n) && (arg[2 + n] == '\0' || arg[2 + n] == '=');
}

static int unknown(const struct parser *p, const char *arg)
{
	struct ldr_buf b = LDR_BUF_INIT, word = LDR_BUF_INIT;
	const char **names = ldr_calloc(p->o->n + 1, sizeof(*names));
	const char *s = NULL;
	size_t i, n = 0;

	/* "--name=value" is said as --name. */
	ldr_buf_add(&word, arg, strncmp(arg, "--", 2) == 0 ? strcspn(arg, "=") : strlen(arg));
	for (i = 0; i < p->o->n; i++)
		if (p->o->v[i].name && p->o->v[i].help)
			names[n++] = p->o->v[i].name;
	names[n++] = "help";
	/* A long option abbreviated (the one it begins, if only one), or
	 * mistyped, or written with one dash (-json). */
	if (word.len > 2) {
		const char *w = word.s + (word.s[1] == '-' ? 2 : 1);
		size_t begun = 0;
		for (i = 0; i < n; i++)
			if (!strncmp(names[i], w, strlen(w)) && begun++ == 0)
				s = names[i];
		if (begun != 1)
			s = ldr_suggest(w, names, n, sizeof(*names));
	}
	cli_usage_error(p->cmd, "unknown option '%s'%s%s%s", cli_safe(word.s, &b),
			s ? " (did you mean '--" : "", s ? s : "", s ? "'?)" : "");
	free(names);
	ldr_buf_release(&word);
	ldr_buf_release(&b);
	return LDR_EXIT_USAGE;
}

/* How an option was written: "--name" if arg is a long option, else "-x". */
static const char *written(const struct cli_opt *x, const char *arg, char buf[64])
{
	if (!strncmp(arg, "--", 2) && x->name)
		snprintf(buf, 64, "--%s", x->name);
	else
		snprintf(buf, 64, "-%c", x->short_name);
	return buf;
}

/* What getopt_long refused: the argument it was reading is arg, and mid
 * says whether it was inside a bundle of short options. */
static int refused(const struct parser *p, int ch, const char *arg, int mid)
{
	const struct cli_opt *x = optopt ? opt_of(p, optopt) : NULL;
	int is_long = !strncmp(arg, "--", 2);
	char sb[64];

	if (optopt == 'h' && is_long && in_full(arg, "help"))
		return cli_usage_error(p->cmd, "'--help' takes no value");
	if (!x || (is_long && (!x->name || !in_full(arg, x->name)))) {
		if (!is_long && mid && optopt) {
			char one[3] = { '-', (char)optopt, '\0' };
			return unknown(p, one);
		}
		return unknown(p, arg);
	}
	if (ch == ':')
		return cli_usage_error(p->cmd, "'%s' needs %s", written(x, arg, sb), x->needs ? x->needs : "a value");
	return cli_usage_error(p->cmd, "'%s' takes no value", written(x, arg, sb));
}

static int parse(struct parser *p, int argc, char **argv, cli_opt_fn *fn, void *ctx)
{
	int mid = 0, r = 0;

	optind = 0; /* glibc: start again (another command may have parsed) */
	opterr = 0; /* the errors are said here, in ldr's words */
	while (!r) {
		int at = optind ? optind : 1, li = -1, ch;
		const struct cli_opt *x;

		ch = getopt_long(argc, argv, p->shorts, p->longs, &li);
		if (ch == -1)
			break;
		if (ch == 1) {
			mid = 0;
			r = fn(ctx, CLI_OPERAND, optarg);
			continue;
		}
		if (ch == '?' || ch == ':') {
			r = refused(p, ch, argv[at], mid);
			break;
		}
		/* A long option is always the whole of argv[at]. */
		if (li >= 0 && !in_full(argv[at], p->longs[li].name)) {
			r = unknown(p, argv[at]);
			break;
		}
		mid = li < 0 && optind == at;
		if (ch == 'h')
			return CLI_HELP;
		x = opt_of(p, ch);
		r = fn(ctx, x->id, x->arg ? optarg : NULL);
	}
	/* After "--" (or the first operand), every argument is an operand. */
	for (; !r && optind < argc; optind++)
		r = fn(ctx, CLI_OPERAND, argv[optind]);
	return r;
}

int cli_parse_options(const char *cmd, int argc, char **argv, cli_opt_fn *fn, void *ctx)
{
	static const struct cli_options none = { .v = NULL };
	const struct cli_command *c = cli_find(cmd);
	struct parser p;
	int r;

	parser_init(&p, cmd, c && c->options ? c->options : &none);
	r = parse(&p, argc, argv, fn, ctx);
	parser_release(&p);
	return r;
}

/* "  -o, --output FILE": an option as the help lists it. */
static void add_name(struct ldr_buf *b, const struct cli_opt *x)
{
	if (x->short_name)
		ldr_buf_addf(b, "-%c%s", x->short_name, x->name ? ", " : "");
	if (x->name)
		ldr_buf_addf(b, "--%s", x->name);
	if (x->argname)
		ldr_buf_addf(b, " %s", x->argname);
}

void cli_print_options(FILE *out, const struct cli_options *o)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;

	for (i = 0; i < o->n; i++) {
		const struct cli_opt *x = &o->v[i];
		const char *line;

		if (!x->help)
			continue;
		ldr_buf_reset(&b);
		ldr_buf_addstr(&b, "  ");
		add_name(&b, x);
		/* "--no-id, --no-status  annex2: ...": one description for both. */
		while (!*x->help && i + 1 < o->n) {
			x = &o->v[++i];
			ldr_buf_addstr(&b, ", ");
			add_name(&b, x);
		}
		if (b.len + 2 <= (size_t)o->column)
			fprintf(out, "%-*s", o->column, b.s);
		else
			fprintf(out, "%s  ", b.s);
		for (line = x->help; *line;) {
			size_t n = strcspn(line, "\n");
			fprintf(out, "%.*s\n", (int)n, line);
			line += n + (line[n] == '\n');
			if (*line)
				fprintf(out, "%*s", o->column, "");
		}
	}
	ldr_buf_release(&b);
}
