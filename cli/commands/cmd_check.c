/* ldr check: does the schedule hold together? */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/rules/check.h"
#include "../../model/base/diag.h"
#include "../../model/roadmap/national.h"
#include "../cli.h"

struct check_args {
	const char *roadmap, *as_of;
	const char **rules;
	size_t nrules;
	struct ldr_rule_switch *switches; /* --rule ID=on|off */
	size_t nswitches;
	const struct ldr_roadmap *rm;     /* once loaded: which rules ran */
	int json, list_rules, checklist, roff, help;
};

static int add_rules(struct check_args *a, const char *list)
{
	char *copy = ldr_strdup(list), *tok, *save = NULL;
	int r = 0;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '=');
		int on = -1;
		if (eq) {
			*eq = '\0';
			on = !strcmp(eq + 1, "on") ? 1 : !strcmp(eq + 1, "off") ? 0 : -1;
			if (on < 0) {
				struct ldr_buf b = LDR_BUF_INIT;
				r = cli_usage_error("check", "--rule %s=%s: say on or off", cli_safe(tok, &b),
						    eq + 1);
				ldr_buf_release(&b);
				break;
			}
		}
		if (!ldr_rule_find(tok)) {
			struct ldr_buf b = LDR_BUF_INIT;
			const char *s = ldr_suggest(tok, ldr_rules, ldr_nrules, sizeof(*ldr_rules));
			r = cli_usage_error("check", "no rule '%s'%s%s%s; 'ldr check --list-rules' lists them",
					    cli_safe(tok, &b), s ? " (did you mean '" : "", s ? s : "",
					    s ? "'?)" : "");
			ldr_buf_release(&b);
			break;
		}
		if (on >= 0) {
			a->switches = ldr_realloc(a->switches, (a->nswitches + 1) * sizeof(*a->switches));
			a->switches[a->nswitches].id = ldr_rule_find(tok)->id;
			a->switches[a->nswitches++].on = on;
			continue;
		}
		a->rules = ldr_realloc(a->rules, (a->nrules + 1) * sizeof(*a->rules));
		a->rules[a->nrules++] = ldr_rule_find(tok)->id;
	}
	free(copy);
	return r;
}

enum { OPT_JSON, OPT_AS_OF, OPT_RULE, OPT_LIST_RULES, OPT_CHECKLIST, OPT_ROFF };

static const struct cli_opt options[] = {
	{ "json", 0, 0, NULL, "print {errors, warnings, problems: [...], counts: {...}}", OPT_JSON, NULL },
	{ "as-of", 0, 1, "TIME", "the review date for overdue and future deliveries (default:\n"
	  "the roadmap's as_at, else this month)", OPT_AS_OF, NULL },
	{ "rule", 0, 1, "ID", "run only these rules (repeatable, or comma-separated); ID=on or\n"
	  "ID=off switches one on or off over the roadmap's own choice", OPT_RULE, NULL },
	{ "list-rules", 0, 0, NULL, "list the rules, with their severity", OPT_LIST_RULES, NULL },
	{ "checklist", 0, 0, NULL, "list the submission checklist (Annex 1) and what answers each\n"
	  "requirement", OPT_CHECKLIST, NULL },
	/* The man page's list of rules: see 'make man'. */
	{ "roff", 0, 0, NULL, NULL, OPT_ROFF, NULL },
};
const struct cli_options cli_check_options = CLI_OPTIONS(options, 17);

static int option(void *ctx, int id, const char *value)
{
	struct check_args *a = ctx;

	switch (id) {
	case OPT_JSON: a->json = 1; break;
	case OPT_AS_OF: a->as_of = value; break;
	case OPT_RULE: return add_rules(a, value);
	case OPT_LIST_RULES: a->list_rules = 1; break;
	case OPT_CHECKLIST: a->checklist = 1; break;
	case OPT_ROFF: a->roff = 1; break;
	default:
		if (a->roadmap)
			return cli_usage_error("check", "one roadmap at a time");
		a->roadmap = value;
	}
	return 0;
}

static int parse_args(int argc, char **argv, struct check_args *a)
{
	int r;

	memset(a, 0, sizeof(*a));
	r = cli_parse_options("check", argc, argv, option, a);
	if (r == CLI_HELP)
		a->help = 1;
	else if (r)
		return r;
	if (!a->roadmap && !a->help && !a->list_rules && !a->roff)
		return cli_usage_error("check", "no roadmap given");
	return 0;
}

static const char *severity_name(enum ldr_check_severity s)
{
	return s == LDR_CHECK_ERROR ? "error" : "warning";
}

static void list_rules(int json)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;

	if (json) {
		ldr_buf_addstr(&b, "[\n");
		for (i = 0; i < ldr_nrules; i++) {
			ldr_buf_addstr(&b, "  {\"rule\": ");
			cli_json_string(&b, ldr_rules[i].id);
			ldr_buf_addf(&b, ", \"severity\": \"%s\", \"summary\": ",
				     severity_name(ldr_rules[i].severity));
			cli_json_string(&b, ldr_rules[i].summary);
			ldr_buf_addstr(&b, ", \"fix\": ");
			cli_json_string(&b, ldr_rules[i].fix);
			ldr_buf_addf(&b, ", \"ldr_only\": %s}%s\n", ldr_rules[i].ldr_only ? "true" : "false",
				     i + 1 < ldr_nrules ? "," : "");
		}
		ldr_buf_addstr(&b, "]\n");
		fputs(b.s, stdout);
	} else {
		for (i = 0; i < ldr_nrules; i++)
			printf("%-14s %-8s %s\n", ldr_rules[i].id, severity_name(ldr_rules[i].severity),
			       ldr_rules[i].summary);
	}
	ldr_buf_release(&b);
}

/* The rules as roff, between the markers of man/ldr.1. */
static void roff_rules(void)
{
	size_t i;
	for (i = 0; i < ldr_nrules; i++)
		printf(".TP\n.B %s\n(%s%s) %s.\n%s%s%s", ldr_rules[i].id,
		       severity_name(ldr_rules[i].severity),
		       ldr_rules[i].ldr_only ? "; LDR only, off in a programme plan" : "", ldr_rules[i].summary,
		       ldr_rules[i].fix ? "Fix: " : "", ldr_rules[i].fix ? ldr_rules[i].fix : "",
		       ldr_rules[i].fix ? ".\n" : "");
}

static void print_checklist(const struct ldr_roadmap *rm, const char *path, int json)
{
	struct ldr_answered ans[LDR_CHECKLIST_SIZE];
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i, done = 0;

	ldr_checklist_answers(rm, ans);
	for (i = 0; i < LDR_CHECKLIST_SIZE; i++)
		done += ans[i].answered != 0;
	if (json) {
		ldr_buf_addstr(&b, "{\n  \"file\": ");
		cli_json_string(&b, path);
		ldr_buf_addf(&b, ",\n  \"answered\": %zu,\n  \"requirements\": %d,\n  \"checklist\": [\n",
			     done, LDR_CHECKLIST_SIZE);
		for (i = 0; i < LDR_CHECKLIST_SIZE; i++) {
			ldr_buf_addstr(&b, "    {\"id\": ");
			cli_json_string(&b, ans[i].req->id);
			ldr_buf_addstr(&b, ", \"element\": ");
			cli_json_string(&b, ans[i].req->element);
			ldr_buf_addstr(&b, ", \"requirement\": ");
			cli_json_string(&b, ans[i].req->requirement);
			ldr_buf_addstr(&b, ", \"section\": ");
			cli_json_string(&b, ans[i].req->section);
			ldr_buf_addf(&b, ", \"answered\": %s, \"how\": ", ans[i].answered ? "true" : "false");
			cli_json_string(&b, ans[i].how);
			ldr_buf_addf(&b, "}%s\n", i + 1 < LDR_CHECKLIST_SIZE ? "," : "");
		}
		ldr_buf_addstr(&b, "  ]\n}\n");
		fputs(b.s, stdout);
	} else {
		const char *element = "";
		for (i = 0; i < LDR_CHECKLIST_SIZE; i++) {
			if (strcmp(element, ans[i].req->element) != 0) {
				element = ans[i].req->element;
				printf("%s%s\n", i ? "\n" : "", element);
			}
			printf("  %s %-3s %s (%s)\n", ans[i].req->id, ans[i].answered ? "yes" : "NO",
			       ans[i].req->requirement, ans[i].req->section);
			if (ans[i].how && *ans[i].how)
				printf("           %s %s\n", ans[i].answered ? "answered by" : "has",
				       cli_safe(ans[i].how, &b));
		}
		printf("\n%zu of %d requirements answered\n", done, LDR_CHECKLIST_SIZE);
	}
	ldr_buf_release(&b);
	ldr_checklist_release(ans);
}

static void print_text(const struct ldr_findings *f, const char *path, const struct ldr_time *as_of)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char when[LDR_TIME_STR_MAX];
	size_t i;

	for (i = 0; i < f->n; i++)
		cli_print_finding(stdout, path, &f->v[i]);
	printf("%s: %zu error%s, %zu warning%s, as at %s\n", path, f->errors, f->errors == 1 ? "" : "s",
	       f->warnings, f->warnings == 1 ? "" : "s", ldr_time_format(as_of, when));
	ldr_buf_release(&b);
}

static void print_json(const struct ldr_findings *f, const char *path, const struct ldr_time *as_of,
		       const struct check_args *a)
{
	struct ldr_buf b = LDR_BUF_INIT;
	char when[LDR_TIME_STR_MAX];
	size_t i;
	int first = 1;

	ldr_buf_addstr(&b, "{\n  \"file\": ");
	cli_json_string(&b, path);
	ldr_buf_addf(&b, ",\n  \"as_of\": \"%s\",\n  \"loaded\": true,\n  \"errors\": %zu,\n  \"warnings\": %zu,\n"
		     "  \"problems\": [", ldr_time_format(as_of, when), f->errors, f->warnings);
	for (i = 0; i < f->n; i++) {
		const struct ldr_finding *x = &f->v[i];
		ldr_buf_addstr(&b, i ? ",\n    {" : "\n    {");
		ldr_buf_addstr(&b, "\"rule\": ");
		cli_json_string(&b, x->rule->id);
		ldr_buf_addf(&b, ", \"severity\": \"%s\", \"file\": ", severity_name(x->rule->severity));
		cli_json_string(&b, path);
		ldr_buf_addf(&b, ", \"line\": %u, \"column\": %u, \"id\": ", x->pos.line, x->pos.col);
		if (x->id)
			cli_json_string(&b, x->id);
		else
			ldr_buf_addstr(&b, "null");
		ldr_buf_addstr(&b, ", \"message\": ");
		cli_json_string(&b, x->message);
		ldr_buf_addstr(&b, ", \"fix\": ");
		if (x->fix)
			cli_json_string(&b, x->fix);
		else
			ldr_buf_addstr(&b, "null");
		ldr_buf_addch(&b, '}');
	}
	ldr_buf_addstr(&b, f->n ? "\n  ],\n  \"counts\": {" : "],\n  \"counts\": {");
	for (i = 0; i < ldr_nrules; i++) {
		size_t j;
		int ran = a->nrules ? 0 : ldr_rule_on(a->rm, &ldr_rules[i], a->switches, a->nswitches);
		for (j = 0; j < a->nrules; j++)
			ran |= !strcmp(a->rules[j], ldr_rules[i].id);
		if (!ran)
			continue;
		ldr_buf_addf(&b, "%s\n    \"%s\": %zu", first ? "" : ",", ldr_rules[i].id, f->per_rule[i]);
		first = 0;
	}
	ldr_buf_addstr(&b, "\n  }\n}\n");
	fputs(b.s, stdout);
	ldr_buf_release(&b);
}

/* The roadmap did not load: its problems, in the shape of a check's, under
 * the rule "load" (counts: none, as no rule ran). */
static void print_load_json(const struct ldr_diag *d, const char *path)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;

	ldr_buf_addstr(&b, "{\n  \"file\": ");
	cli_json_string(&b, path);
	ldr_buf_addf(&b, ",\n  \"as_of\": null,\n  \"loaded\": false,\n  \"errors\": %zu,\n"
		     "  \"warnings\": %zu,\n  \"problems\": [", d->errors, d->warnings);
	for (i = 0; i < d->n; i++) {
		const struct ldr_msg *m = &d->v[i];
		ldr_buf_addstr(&b, i ? ",\n    {" : "\n    {");
		ldr_buf_addf(&b, "\"rule\": \"load\", \"severity\": \"%s\", \"file\": ",
			     m->severity == LDR_WARNING ? "warning" : "error");
		cli_json_string(&b, path);
		ldr_buf_addf(&b, ", \"line\": %u, \"column\": %u, \"id\": null, \"message\": ", m->line, m->col);
		cli_json_string(&b, m->text);
		ldr_buf_addstr(&b, ", \"fix\": null}");
	}
	ldr_buf_addstr(&b, d->n ? "\n  ],\n  \"counts\": {}\n}\n" : "],\n  \"counts\": {}\n}\n");
	fputs(b.s, stdout);
	ldr_buf_release(&b);
}

int cmd_check(int argc, char **argv)
{
	struct check_args a;
	struct ldr_check_opts o;
	struct ldr_findings f;
	struct ldr_roadmap rm;
	char *path = NULL;
	char err[256];
	int r = parse_args(argc, argv, &a);

	if (r || a.help || a.roff || (a.list_rules && !a.roadmap)) {
		if (!r && a.help)
			cli_print_help(stdout, cli_find("check"));
		else if (!r && a.roff)
			roff_rules();
		else if (!r)
			list_rules(a.json);
		free(a.rules);
		free(a.switches);
		return r;
	}
	memset(&o, 0, sizeof(o));
	if (a.as_of && ldr_time_parse(&o.as_of, a.as_of, LDR_TIME_ANY, err, sizeof(err)) < 0) {
		free(a.rules);
		free(a.switches);
		return cli_usage_error("check", "--as-of: %s", err);
	}
	if (a.json && !a.checklist) {
		/* A script reading the JSON learns of a file that does not load
		 * from the JSON too. */
		struct ldr_diag d;
		r = cli_load_frozen(a.roadmap, &rm, &path, &d);
		ldr_diag_print(&d, stderr);
		if (r != LDR_EXIT_OK)
			print_load_json(&d, path);
		ldr_diag_release(&d);
	} else {
		r = cli_load_frozen(a.roadmap, &rm, &path, NULL);
	}
	if (r == LDR_EXIT_OK && a.checklist) {
		print_checklist(&rm, path, a.json);
	} else if (r == LDR_EXIT_OK) {
		if (!o.as_of.kind)
			o.as_of = ldr_check_as_of(&rm);
		o.only = a.rules;
		o.n_only = a.nrules;
		o.switches = a.switches;
		o.n_switches = a.nswitches;
		a.rm = &rm;
		ldr_check(&rm, &o, &f);
		if (a.json)
			print_json(&f, path, &o.as_of, &a);
		else
			print_text(&f, path, &o.as_of);
		r = f.errors ? LDR_EXIT_ERRORS : LDR_EXIT_OK;
		ldr_findings_release(&f);
	}
	ldr_roadmap_release(&rm);
	free(path);
	free(a.rules);
	free(a.switches);
	return r;
}
