/* ldr critical: the chain of dependencies that sets the end, and how many
 * months each project can slip (model/rules/critical.h says how). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/rules/critical.h"
#include "../cli.h"

struct critical_args {
	const char *roadmap, *to;
	int json;
};

enum { OPT_TO, OPT_JSON };

static const struct cli_opt options[] = {
	{ "to", 0, 1, "ID", "the end of a project, or a capability's year (through the\n"
	  "projects that deliver it)", OPT_TO, "a project or capability id" },
	{ "json", 0, 0, NULL, "the path and the slack as one JSON object", OPT_JSON, NULL },
};
const struct cli_options cli_critical_options = CLI_OPTIONS(options, 12);

static int option(void *ctx, int id, const char *value)
{
	struct critical_args *a = ctx;

	if (id == OPT_JSON)
		a->json = 1;
	else if (id == OPT_TO)
		a->to = value;
	else if (a->roadmap)
		return cli_usage_error("critical", "one roadmap at a time");
	else
		a->roadmap = value;
	return 0;
}

static int parse_args(int argc, char **argv, struct critical_args *a, int *help)
{
	int r;

	memset(a, 0, sizeof(*a));
	r = cli_parse_options("critical", argc, argv, option, a);
	*help = r == CLI_HELP;
	if (r)
		return *help ? 0 : r;
	return a->roadmap ? 0 : cli_usage_error("critical", "no roadmap given");
}

static const char *month(int m, char *buf)
{
	struct ldr_time t = { LDR_TIME_MONTH, m, 0 };
	return ldr_time_format(&t, buf);
}

/* The least slack first; in file order among equals. */
static int by_slack(const void *x, const void *y)
{
	const struct ldr_slack *a = *(const struct ldr_slack *const *)x, *b = *(const struct ldr_slack *const *)y;
	if (a->total != b->total)
		return a->total < b->total ? -1 : 1;
	return (a > b) - (a < b);
}

static const struct ldr_slack **sorted(const struct ldr_critical *cr, size_t *n)
{
	const struct ldr_slack **v = ldr_calloc(cr->n + 1, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; i < cr->n; i++)
		if (cr->v[i].counted)
			v[(*n)++] = &cr->v[i];
	qsort(v, *n, sizeof(*v), by_slack);
	return v;
}

/* Blanks at the ends of lines are dropped. */
static void trim_lines(struct ldr_buf *b)
{
	size_t i, o = 0;

	for (i = 0; i < b->len; i++) {
		if (b->s[i] == '\n')
			while (o > 0 && b->s[o - 1] == ' ')
				o--;
		b->s[o++] = b->s[i];
	}
	b->len = o;
	b->s[o] = '\0';
}

static void print_text(const struct ldr_critical *cr)
{
	struct ldr_buf b = LDR_BUF_INIT;
	const struct ldr_slack **v;
	char m1[LDR_TIME_STR_MAX], m2[LDR_TIME_STR_MAX], m3[LDR_TIME_STR_MAX], m4[LDR_TIME_STR_MAX];
	size_t i, n;

	ldr_buf_addf(&b, "The critical path to %s (", cr->end ? month(cr->end, m1) : "-");
	if (cr->to)
		ldr_buf_addquoted(&b, cr->to, 40);
	else
		ldr_buf_addstr(&b, "the latest end");
	ldr_buf_addstr(&b, "):");
	for (i = 0; i < cr->npath; i++) {
		ldr_buf_addstr(&b, i ? " -> " : " ");
		ldr_buf_addquoted(&b, cr->v[cr->path[i]].p->id, 20);
	}
	ldr_buf_addstr(&b, cr->npath ? "\n" : " none\n");
	v = sorted(cr, &n);
	ldr_buf_addstr(&b, "\nSlack in months, the least first (negative: the plan is already impossible):\n"
		       "  id        starts   ends     slack  free  can end by  earliest end\n");
	for (i = 0; i < n; i++) {
		size_t start = b.len;
		ldr_buf_addstr(&b, "  ");
		ldr_buf_addquoted(&b, v[i]->p->id, 8);
		while (b.len < start + 12)
			ldr_buf_addch(&b, ' ');
		ldr_buf_addf(&b, "%-8s %-8s %5d %5d  %-11s %s%s\n", month(v[i]->start, m1), month(v[i]->end, m2),
			     v[i]->total, v[i]->free, month(v[i]->late_end, m3),
			     v[i]->earliest_end > v[i]->end ? month(v[i]->earliest_end, m4) : "",
			     v[i]->earliest_end > v[i]->end ? " (later than planned)" : "");
	}
	trim_lines(&b);
	fputs(b.s, stdout);
	free(v);
	ldr_buf_release(&b);
}

static void print_json(const struct ldr_critical *cr)
{
	struct ldr_buf b = LDR_BUF_INIT;
	const struct ldr_slack **v;
	char m1[LDR_TIME_STR_MAX], m2[LDR_TIME_STR_MAX];
	size_t i, n;

	ldr_buf_addf(&b, "{\n  \"to\": ");
	if (cr->to)
		cli_json_string(&b, cr->to);
	else
		ldr_buf_addstr(&b, "null");
	ldr_buf_addf(&b, ",\n  \"end\": \"%s\",\n  \"path\": [", cr->end ? month(cr->end, m1) : "");
	for (i = 0; i < cr->npath; i++) {
		ldr_buf_addstr(&b, i ? ", " : "");
		cli_json_string(&b, cr->v[cr->path[i]].p->id);
	}
	ldr_buf_addstr(&b, "],\n  \"projects\": [");
	v = sorted(cr, &n);
	for (i = 0; i < n; i++) {
		ldr_buf_addstr(&b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		cli_json_string(&b, v[i]->p->id);
		ldr_buf_addf(&b, ", \"start\": \"%s\", \"end\": \"%s\", \"total_slack\": %d, \"free_slack\": %d, ",
			     month(v[i]->start, m1), month(v[i]->end, m2), v[i]->total, v[i]->free);
		ldr_buf_addf(&b, "\"late_end\": \"%s\", ", month(v[i]->late_end, m1));
		ldr_buf_addf(&b, "\"earliest_end\": \"%s\"}", month(v[i]->earliest_end, m2));
	}
	ldr_buf_addstr(&b, n ? "\n  ]\n}\n" : "]\n}\n");
	fputs(b.s, stdout);
	free(v);
	ldr_buf_release(&b);
}

int cmd_critical(int argc, char **argv)
{
	struct critical_args a;
	struct ldr_roadmap rm;
	struct ldr_critical cr;
	struct ldr_buf err = LDR_BUF_INIT;
	char *path = NULL;
	int help, r = parse_args(argc, argv, &a, &help);

	if (help) {
		cli_print_help(stdout, cli_find("critical"));
		return LDR_EXIT_OK;
	}
	if (r)
		return r;
	if ((r = cli_load_frozen(a.roadmap, &rm, &path, NULL)) == LDR_EXIT_OK) { /* only read */
		if (ldr_critical_run(&cr, &rm, a.to, &err) < 0) {
			fprintf(stderr, "ldr critical: %s\n", err.s);
			r = a.to && strstr(err.s, "no project") ? LDR_EXIT_USAGE : LDR_EXIT_ERRORS;
		} else if (a.json) {
			print_json(&cr);
		} else {
			print_text(&cr);
		}
		ldr_critical_release(&cr);
	}
	ldr_roadmap_release(&rm);
	ldr_buf_release(&err);
	free(path);
	return r;
}
