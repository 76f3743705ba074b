/* The records a sheet names by id or by name: capability groups, projects,
 * organisations. One that a sheet names and the roadmap lacks is made, with
 * the name the sheet gives it. */
#include "imp.h"

#include <stdlib.h>
#include <string.h>

#include "../model/roadmap/field.h"
#include "../model/roadmap/national.h"

/* A national group by id or name, or NULL. */
static const char *national(const char *text)
{
	char *n = imp_norm(text), *m;
	const char *id = NULL;
	size_t i;

	for (i = 0; i < LDR_NATIONAL_GROUPS && !id; i++) {
		m = imp_norm(ldr_national_groups[i].name);
		if (!strcmp(n, ldr_national_groups[i].id) || !strcmp(n, m))
			id = ldr_national_groups[i].id;
		free(m);
	}
	free(n);
	return id;
}

static const char *new_group(struct imp *im, const char *name)
{
	struct ldr_group *g = ldr_list_push(&im->rm->groups, &ldr_kind_group);
	size_t i = im->rm->groups.len - 1;

	g->id = imp_slug_id(im, name, "group");
	g->name = ldr_strdup(name);
	imp_index_add(im, &im->groups, g->id, g->name, i);
	return g->id;
}

const char *imp_group(struct imp *im, const struct imp_at *a)
{
	const char *id;
	char *text;
	long i;

	if (imp_text(im, a, 0, &text) < 0 || !text)
		return NULL;
	if ((id = national(text)) == NULL) {
		if ((i = imp_index_id(&im->groups, text)) < 0)
			i = imp_index_name(&im->groups, text);
		id = i >= 0 ? LDR_ITEM(im->rm->groups, struct ldr_group, (size_t)i)->id : new_group(im, text);
	}
	free(text);
	return id;
}

/* ---- projects --------------------------------------------------------------------- */

static const char *new_project(struct imp *im, const char *id, const char *name)
{
	struct ldr_project *p = ldr_list_push(&im->rm->projects, &ldr_kind_project);
	size_t i = im->rm->projects.len - 1;

	if (id) {
		p->id = ldr_strdup(id);
		imp_id_add(im, id);
	} else {
		p->id = imp_new_id(im, &im->project_ids, &im->rm->projects, &ldr_kind_project);
	}
	p->name = ldr_strdup(name);
	imp_index_add(im, &im->projects, p->id, p->name, i);
	return p->id;
}

/* A project named by its id, with the name the sheet gives it. */
static const char *project_by_id(struct imp *im, const struct imp_at *a, const char *id, const char *name,
				 int rename)
{
	long i = imp_index_id(&im->projects, id);
	struct ldr_project *p;

	if (i < 0 && imp_id_taken(im, id)) {
		imp_error(im, a->s, a->row, a->col, "%s is the id of a record that is not a project", imp_q(im, id));
		return NULL;
	}
	if (i < 0)
		return *name ? new_project(im, id, name) : imp_pool_add(&im->pool, ldr_strdup(id));
	p = LDR_ITEM(im->rm->projects, struct ldr_project, (size_t)i);
	if (rename && *name && strcmp(p->name ? p->name : "", name)) {
		free(p->name);
		p->name = ldr_strdup(name);
		ldr_derived_forget(&ldr_kind_project, p, "name");
	}
	return p->id;
}

const char *imp_project(struct imp *im, const struct imp_at *a, const char *text, int rename)
{
	size_t n = imp_leading_id(text, &im->projects);
	char *id;
	const char *r, *name = text + n;
	long i;

	while (*name == ' ' || *name == '\t')
		name++;
	if (!text[strspn(text, " \t")])
		return NULL;
	if (!n) {
		i = imp_index_name(&im->projects, text);
		return i >= 0 ? LDR_ITEM(im->rm->projects, struct ldr_project, (size_t)i)->id
			      : new_project(im, NULL, text);
	}
	id = ldr_strndup(text, n);
	r = project_by_id(im, a, id, name, rename);
	free(id);
	return r;
}

/* ---- organisations ----------------------------------------------------------------- */

const char *imp_org(struct imp *im, const char *text)
{
	struct ldr_footprint *fp = &im->rm->footprint;
	struct ldr_org *o;
	long i = imp_index_id(&im->orgs, text);

	if (i < 0)
		i = imp_index_name(&im->orgs, text);
	if (i >= 0)
		return LDR_ITEM(fp->organisations, struct ldr_org, (size_t)i)->id;
	o = ldr_list_push(&fp->organisations, &ldr_kind_org);
	o->id = imp_slug_id(im, text, "provider");
	o->name = ldr_strdup(text);
	imp_index_add(im, &im->orgs, o->id, o->name, fp->organisations.len - 1);
	return o->id;
}

/* ---- the lists of a workbook ldr wrote ---------------------------------------------- */

/* The column of the hidden sheet "Lists" headed name, or -1. */
static long listed(const struct ldr_sheet *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n && s->cells[i].row == 0; i++)
		if (!strcmp(s->cells[i].text, name))
			return (long)s->cells[i].col;
	return -1;
}

void imp_lists(struct imp *im)
{
	const struct ldr_sheet *s = ldr_workbook_sheet(im->wb, "Lists");
	long groups, years;
	size_t i;

	if (!im->by_ldr || !s || !s->hidden)
		return;
	groups = listed(s, "Groups");
	years = listed(s, "Years");
	for (i = 0; i < s->n; i++) {
		const struct ldr_cell *c = &s->cells[i];
		struct imp_at a = { s, c->row, c->col, c };
		struct ldr_time t;
		char err[160];
		if (c->row == 0)
			continue;
		if ((long)c->col == groups && !national(c->text))
			imp_group(im, &a);
		else if ((long)c->col == years && ldr_time_parse(&t, c->text, LDR_TIME_ANY, err, sizeof(err)) == 0)
			imp_saw(im, &t);
	}
}
