/* The project dossier: a row per project (number, id, initiative,
 * description, group, priority, the three gaps it helps close, start and
 * end, dependencies, status, notes, and which values were derived), as ldr
 * exports it or as a programme office keeps its project list. Projects are
 * matched by id, else by name; columns no field has go to the notes. */
#include "imp.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/roadmap/field.h"

enum {
	K_REF, K_ID, K_NAME, K_DESCRIPTION, K_GROUP, K_PRIORITY, K_CARE, K_EFFICIENCY, K_WELLBEING,
	K_BENEFITS, K_START, K_END, K_DEPENDS, K_STATUS, K_DELIVERED, K_COST, K_NOTES, K_DERIVED, NKEYS
};

static const struct imp_col cols[] = {
	{ K_REF, "ref|no|number|project number|project no", 0 },
	{ K_ID, "id|project id", 0 },
	{ K_NAME, "initiative|name|project|project name|title", 1 },
	{ K_DESCRIPTION, "description|project description|summary", 0 },
	{ K_GROUP, "capability group|group", 0 },
	{ K_PRIORITY, "priority|local priority|digital priority", 0 },
	{ K_CARE, "care quality|care quality gap", 0 },
	{ K_EFFICIENCY, "efficiency|efficiency gap", 0 },
	{ K_WELLBEING, "wellbeing|well being|health and wellbeing|wellbeing gap", 0 },
	{ K_BENEFITS, "benefits|gaps", 0 },
	{ K_START, "start|start date|starts", 0 },
	{ K_END, "end|end date|finish|ends|completion", 0 },
	{ K_DEPENDS, "dependencies|depends on|dependency|dependent on", 0 },
	{ K_STATUS, "status|project status", 0 },
	{ K_DELIVERED, "delivered|date delivered|delivered on", 0 },
	{ K_COST, "cost|estimated cost", 0 },
	{ K_NOTES, "notes|note", 0 },
	{ K_DERIVED, "derived", 0 },
};

static const char *const field_of[NKEYS] = {
	"ref", "id", "name", "description", "group", "priority", "benefits", "benefits", "benefits", "benefits",
	"start", "end", "depends_on", "status", "delivered", "cost", "notes", NULL,
};

struct dossier {
	struct imp *im;
	struct imp_table t;
	size_t existing;
	unsigned char *matched;
	struct imp_seq ids, priority_ids;
	struct ldr_project p;   /* the row read */
	const char *reason[NKEYS];
	unsigned derived;       /* the Derived column's fields, as bits of the kind's fields */
	char *extra_notes;      /* the other columns, as "Heading: value" lines */
};

/* ---- priorities -------------------------------------------------------------------- */

static const char *new_priority(struct dossier *d, const char *id, const char *title)
{
	struct imp *im = d->im;
	struct ldr_priority *p = ldr_list_push(&im->rm->priorities, &ldr_kind_priority);

	p->id = id ? ldr_strdup(id) : imp_new_id(im, &d->priority_ids, &im->rm->priorities, &ldr_kind_priority);
	if (id)
		imp_id_add(im, id);
	p->title = ldr_strdup(title);
	imp_index_add(im, &im->priorities, p->id, p->title, im->rm->priorities.len - 1);
	return p->id;
}

/* "PR02 Shared care records", "PR02" or "Shared care records". */
static const char *priority(struct dossier *d, const struct imp_at *a)
{
	struct imp *im = d->im;
	char *text, *id;
	const char *title, *r;
	size_t n;
	long i;

	if (imp_text(im, a, 0, &text) < 0 || !text)
		return NULL;
	n = imp_leading_id(text, &im->priorities);
	for (title = text + n; *title == ' '; title++)
		;
	id = n ? ldr_strndup(text, n) : NULL;
	i = id ? imp_index_id(&im->priorities, id) : imp_index_name(&im->priorities, title);
	if (i >= 0) {
		struct ldr_priority *p = LDR_ITEM(im->rm->priorities, struct ldr_priority, (size_t)i);
		if (id && *title && strcmp(p->title ? p->title : "", title)) {
			free(p->title);
			p->title = ldr_strdup(title);
		}
		r = p->id;
	} else if (id && imp_id_taken(im, id)) {
		imp_error(im, a->s, a->row, a->col, "%s is the id of a record that is not a priority", imp_q(im, id));
		r = NULL;
	} else if (*title) {
		r = new_priority(d, id, title);
	} else {
		r = id ? imp_pool_add(&im->pool, ldr_strdup(id)) : NULL;
	}
	free(id);
	free(text);
	return r;
}

/* ---- reading a row ------------------------------------------------------------------ */

/* "Care quality, wellbeing": the gaps a project helps close. */
static void benefit_list(struct dossier *d, const struct imp_at *at)
{
	const struct ldr_field *f = &ldr_kind_project.fields[ldr_kind_field(&ldr_kind_project, "benefits")];
	char *list = NULL, *p;
	int i;

	if (imp_text(d->im, at, 0, &list) < 0 || !list)
		return;
	for (p = strtok(list, ",;"); p; p = strtok(NULL, ",;")) {
		char *w = imp_heading(p), *q;
		for (q = w; *q; q++)
			*q = *q == ' ' ? '-' : *q;
		for (i = 0; f->values[i] && strcmp(f->values[i], w); i++)
			;
		if (f->values[i])
			d->p.benefits |= 1u << i;
		else if (*w)
			imp_error(d->im, at->s, at->row, at->col, "%s is not a gap a project closes (care quality, "
				  "efficiency or wellbeing)", imp_q(d->im, p));
		free(w);
	}
	free(list);
}

static void benefits(struct dossier *d)
{
	static const int keys[] = { K_CARE, K_EFFICIENCY, K_WELLBEING, K_BENEFITS };
	struct imp_at at;
	size_t i;
	int v;

	for (i = 0; i < LDR_ARRAY_SIZE(keys); i++) {
		at = imp_table_at(&d->t, keys[i]);
		if (at.c && !d->reason[K_CARE])
			d->reason[K_CARE] = imp_reason(&at);
		if (keys[i] == K_BENEFITS)
			benefit_list(d, &at);
		else if (imp_tick(d->im, &at, &v) == 0 && v)
			d->p.benefits |= 1u << i;
	}
}

static void depends(struct dossier *d)
{
	struct imp_at at = imp_table_at(&d->t, K_DEPENDS);
	imp_ids(d->im, &at, &d->p.depends_on);
}

/* The Derived column: the headings (or field names) of the values that
 * were derived, separated by commas. */
static void derived_column(struct dossier *d)
{
	struct imp_at at = imp_table_at(&d->t, K_DERIVED);
	char *list = NULL, *p;

	d->derived = 0;
	if (imp_text(d->im, &at, 0, &list) < 0 || !list)
		return;
	for (p = strtok(list, ","); p; p = strtok(NULL, ",")) {
		char *h = imp_heading(p);
		int k = imp_col_key(cols, LDR_ARRAY_SIZE(cols), h), fi = -1;
		if (k >= 0 && field_of[k])
			fi = ldr_kind_field(&ldr_kind_project, field_of[k]);
		if (fi < 0)
			fi = ldr_kind_field(&ldr_kind_project, h);
		if (fi < 0 || ldr_kind_project.fields[fi].type == LDR_F_ID)
			imp_warn(d->im, at.s, at.row, at.col, "%s names no field of a project: left out",
				 imp_q(d->im, p));
		else
			d->derived |= 1u << fi;
		free(h);
	}
	free(list);
}

static void extra(struct dossier *d)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t i;

	for (i = 0; i < d->t.nextra; i++) {
		struct imp_at at = imp_table_at_col(&d->t, d->t.extra[i]);
		char *v = NULL;
		if (imp_text(d->im, &at, 1, &v) < 0 || !v)
			continue;
		ldr_buf_addf(&b, "%s%s: %s", b.len ? "\n" : "", d->t.extra_name[i], v);
		free(v);
	}
	d->extra_notes = b.len ? ldr_buf_detach(&b) : NULL;
	ldr_buf_release(&b);
}

static void read_row(struct dossier *d)
{
	struct imp *im = d->im;
	struct imp_at at;
	const char *s;
	int k;

	for (k = 0; k < NKEYS; k++) {
		at = imp_table_at(&d->t, k);
		d->reason[k] = at.c ? imp_reason(&at) : NULL;
	}
	at = imp_table_at(&d->t, K_REF);
	imp_int(im, &at, 0, 999999, &d->p.ref);
	at = imp_table_at(&d->t, K_ID);
	if (imp_text(im, &at, 0, &d->p.id) == 0 && d->p.id && !ldr_id_valid(d->p.id))
		imp_error(im, at.s, at.row, at.col, "%s is not an id", imp_q(im, d->p.id));
	else if (d->p.id && imp_index_id(&im->projects, d->p.id) < 0 && imp_id_taken(im, d->p.id))
		imp_error(im, at.s, at.row, at.col, "%s is the id of another record", imp_q(im, d->p.id));
	at = imp_table_at(&d->t, K_NAME);
	if (imp_text(im, &at, 0, &d->p.name) == 0 && !d->p.name)
		imp_error(im, at.s, at.row, at.col, "the project's name is empty");
	at = imp_table_at(&d->t, K_DESCRIPTION);
	imp_text(im, &at, 1, &d->p.description);
	at = imp_table_at(&d->t, K_GROUP);
	if (at.c && (s = imp_group(im, &at)))
		d->p.group = ldr_strdup(s);
	at = imp_table_at(&d->t, K_PRIORITY);
	if (at.c && (s = priority(d, &at)))
		d->p.priority = ldr_strdup(s);
	benefits(d);
	at = imp_table_at(&d->t, K_START);
	imp_time(im, &at, LDR_TIME_ANY, 0, &d->p.start);
	at = imp_table_at(&d->t, K_END);
	imp_time(im, &at, LDR_TIME_ANY, 0, &d->p.end);
	depends(d);
	at = imp_table_at(&d->t, K_STATUS);
	imp_enum(im, &at, &ldr_kind_project, "status", &d->p.status);
	at = imp_table_at(&d->t, K_DELIVERED);
	imp_time(im, &at, LDR_TIME_ANY, 0, &d->p.delivered);
	at = imp_table_at(&d->t, K_COST);
	imp_int(im, &at, 0, 1000000000000000LL, &d->p.cost);
	at = imp_table_at(&d->t, K_NOTES);
	imp_text(im, &at, 1, &d->p.notes);
	derived_column(d);
	extra(d);
}

/* ---- applying a row ---------------------------------------------------------------- */

/* The project a row is: by id, else the first not matched yet with its
 * name; -1 for a new one. */
static long match(struct dossier *d)
{
	struct imp *im = d->im;
	long i;
	size_t j;

	if (d->p.id)
		return imp_index_id(&im->projects, d->p.id);
	i = d->p.name ? imp_index_name(&im->projects, d->p.name) : -1;
	if (i >= 0 && (size_t)i < d->existing && !d->matched[i])
		return i;
	for (j = 0; i >= 0 && j < d->existing; j++) { /* another project of that name */
		const struct ldr_project *p = LDR_ITEM(im->rm->projects, struct ldr_project, j);
		char *a = imp_norm(p->name ? p->name : ""), *b = imp_norm(d->p.name);
		int same = !strcmp(a, b);
		free(a);
		free(b);
		if (same && !d->matched[j])
			return (long)j;
	}
	return -1;
}

static struct ldr_project *new_project(struct dossier *d)
{
	struct imp *im = d->im;
	struct ldr_project *p = ldr_list_push(&im->rm->projects, &ldr_kind_project);
	char id[32];

	snprintf(id, sizeof(id), "P%02lld", d->p.ref.v);
	if (d->p.id) {
		p->id = ldr_strdup(d->p.id);
		imp_id_add(im, p->id);
	} else if (d->p.ref.set && !imp_id_taken(im, id)) {
		p->id = ldr_strdup(id);
		imp_id_add(im, id);
	} else {
		p->id = imp_new_id(im, &im->project_ids, &im->rm->projects, &ldr_kind_project);
	}
	imp_index_add(im, &im->projects, p->id, d->p.name, im->rm->projects.len - 1);
	im->res->added++;
	return p;
}

/* The reason a field is derived, when the sheet's Derived column says it is
 * but no note gives one: the roadmap's, or one that says so. */
static const char *listed_reason(struct dossier *d, const struct ldr_project *p, const char *field)
{
	const char *r = ldr_map_get(&p->derived, field);
	struct ldr_buf b = LDR_BUF_INIT;

	if (r)
		return r;
	ldr_buf_addf(&b, "marked derived in the Derived column of %s, which gives no reason", d->im->o->source);
	return imp_pool_add(&d->im->pool, ldr_buf_detach(&b));
}

/* Which fields are derived, when the sheet has a Derived column: those it
 * names or a note gives a reason for, and no others. */
static void derived_fields(struct dossier *d, struct ldr_project *p, unsigned noted)
{
	size_t fi;

	if (d->t.col[K_DERIVED] < 0)
		return;
	for (fi = 0; fi < ldr_kind_project.nfields; fi++) {
		const char *name = ldr_kind_project.fields[fi].name;
		if (ldr_kind_project.fields[fi].type == LDR_F_DERIVED || ldr_kind_project.fields[fi].type == LDR_F_ID ||
		    (noted & (1u << fi)))
			continue;
		if (!(d->derived & (1u << fi)))
			ldr_derived_forget(&ldr_kind_project, p, name);
		else if (!ldr_map_get(&p->derived, name))
			imp_set_reason(&ldr_kind_project, p, name, listed_reason(d, p, name));
	}
}

/* Whether key k's column sets its field (of the gaps, the first there is). */
static int sets(const struct dossier *d, int k)
{
	int j;

	if (k == K_ID || !field_of[k] || d->t.col[k] < 0)
		return 0;
	for (j = K_CARE; k > K_CARE && k <= K_BENEFITS && j < k; j++)
		if (d->t.col[j] >= 0)
			return 0;
	return 1;
}

static void update(struct dossier *d, struct ldr_project *p)
{
	unsigned noted = 0;
	int k;

	for (k = K_REF; k < NKEYS; k++) {
		const char *field = field_of[k];
		const char *reason = d->reason[k >= K_CARE && k <= K_BENEFITS ? K_CARE : k];
		int fi;
		if (!sets(d, k))
			continue;
		fi = ldr_kind_field(&ldr_kind_project, field);
		if (reason)
			noted |= 1u << fi;
		else if (d->t.col[K_DERIVED] >= 0 && (d->derived & (1u << fi)))
			reason = listed_reason(d, p, field);
		imp_update(&ldr_kind_project, p, &d->p, field, reason);
	}
	derived_fields(d, p, noted);
}

static void comments(struct dossier *d, struct ldr_project *p)
{
	size_t c;

	if (d->extra_notes)
		imp_add_comment(&p->notes, NULL, d->extra_notes);
	for (c = 0; c < d->t.ncols && d->t.s->nnotes; c++) {
		struct imp_at at = imp_table_at_col(&d->t, (unsigned)c);
		const struct ldr_cell *head = ldr_sheet_cell(d->t.s, d->t.head, (unsigned)c);
		const char *note = imp_comment(&at);
		if (note)
			imp_add_comment(&p->notes, head ? head->text : NULL, note);
	}
}

static void apply(struct dossier *d, long i)
{
	struct ldr_project *p;

	if (i < 0) {
		p = new_project(d);
	} else {
		p = LDR_ITEM(d->im->rm->projects, struct ldr_project, (size_t)i);
		if ((size_t)i < d->existing)
			d->matched[i] = 1;
		d->im->res->updated++;
	}
	update(d, p);
	comments(d, p);
}

/* A row: the project it is, unless a row above was it too. */
static void apply_row(struct dossier *d)
{
	long i = match(d);
	struct imp_at at = imp_table_at(&d->t, K_ID);

	if (d->p.id && i >= 0 && ((size_t)i >= d->existing || d->matched[i]))
		imp_error(d->im, at.s, at.row, at.col, "%s is the id of a row above too", imp_q(d->im, d->p.id));
	else
		apply(d, i);
}

int imp_dossier(struct imp *im)
{
	struct dossier d;
	size_t i;

	memset(&d, 0, sizeof(d));
	d.im = im;
	d.priority_ids.prefix = "PR";
	d.priority_ids.width = 2;
	imp_lists(im);
	if (imp_find_table(im, cols, LDR_ARRAY_SIZE(cols), "a project dossier", &d.t) < 0)
		return -1;
	d.existing = im->rm->projects.len;
	d.matched = ldr_calloc(d.existing + 1, 1);
	while (imp_table_next(&d.t)) {
		if (imp_table_row_empty(&d.t))
			continue;
		memset(&d.p, 0, sizeof(d.p));
		read_row(&d);
		im->res->rows++;
		if (!im->res->nerrors)
			apply_row(&d);
		ldr_rec_release(&ldr_kind_project, &d.p);
		free(d.extra_notes);
		d.extra_notes = NULL;
	}
	for (i = 0; i < d.existing; i++)
		im->res->kept += !d.matched[i];
	imp_table_release(&d.t);
	free(d.matched);
	return 0;
}
