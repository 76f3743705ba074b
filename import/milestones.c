/* Milestones: ldr exports none, so this is the sheet a programme office
 * keeps of its projects' milestones, a row per milestone: Project (its id,
 * "P11 MIG Phase 1" as the exports name projects, or its name), Id, What,
 * Due, Status (planned, at risk, done, missed, dropped), Delivered and
 * Notes; columns no field has go to the notes. A milestone is matched by
 * id, else by what within its project; a project the roadmap lacks is made. */
#include "imp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_PROJECT, K_ID, K_WHAT, K_DUE, K_STATUS, K_DELIVERED, K_NOTES, NKEYS };

static const struct imp_col cols[] = {
	{ K_PROJECT, "project|project id|initiative", 1 },
	{ K_ID, "id|milestone id", 0 },
	{ K_WHAT, "what|milestone|description|deliverable", 1 },
	{ K_DUE, "due|due date|date|deadline|planned|target date", 0 },
	{ K_STATUS, "status|milestone status", 0 },
	{ K_DELIVERED, "delivered|date delivered|actual|achieved", 0 },
	{ K_NOTES, "notes|note", 0 },
};

static const char *const field_of[NKEYS] = { NULL, "id", "what", "due", "status", "delivered", "notes" };

struct ms {
	struct imp *im;
	struct imp_table t;
	struct ldr_milestone m; /* the row read */
	const char *reason[NKEYS];
	struct ldr_hash matched; /* milestones matched, by id */
	size_t existing;         /* milestones before the import */
};

/* The index of the project a cell names, made when the roadmap lacks it. */
static long project(struct ms *ms, const struct imp_at *a)
{
	struct imp *im = ms->im;
	char *text = NULL;
	const char *id;
	long i = -1;

	if (imp_text(im, a, 0, &text) < 0 || !text) {
		if (!text && a->col != (unsigned)-1)
			imp_error(im, a->s, a->row, a->col, "no project: a milestone is a project's");
		free(text);
		return -1;
	}
	if ((id = imp_project(im, a, text, 0)) && (i = imp_index_id(&im->projects, id)) < 0) {
		struct ldr_project *p = ldr_list_push(&im->rm->projects, &ldr_kind_project);
		p->id = ldr_strdup(id);
		p->name = ldr_strdup(id);
		imp_id_add(im, id);
		imp_set_reason(&ldr_kind_project, p, "name", "the milestones sheet gives the project's id only");
		i = (long)im->rm->projects.len - 1;
		imp_index_add(im, &im->projects, p->id, NULL, (size_t)i);
	}
	free(text);
	return i;
}

static void extra(struct ms *ms)
{
	size_t i;

	for (i = 0; i < ms->t.nextra; i++) {
		struct imp_at at = imp_table_at_col(&ms->t, ms->t.extra[i]);
		char *v = NULL;
		if (imp_text(ms->im, &at, 1, &v) == 0 && v)
			imp_add_comment(&ms->m.notes, ms->t.extra_name[i], v);
		free(v);
	}
	for (i = 0; i < ms->t.ncols && ms->t.s->nnotes; i++) {
		struct imp_at at = imp_table_at_col(&ms->t, (unsigned)i);
		const struct ldr_cell *head = ldr_sheet_cell(ms->t.s, ms->t.head, (unsigned)i);
		if (imp_comment(&at))
			imp_add_comment(&ms->m.notes, head ? head->text : NULL, imp_comment(&at));
	}
}

static void read_row(struct ms *ms)
{
	struct imp *im = ms->im;
	struct imp_at at;
	int k;

	for (k = 0; k < NKEYS; k++) {
		at = imp_table_at(&ms->t, k);
		ms->reason[k] = at.c ? imp_reason(&at) : NULL;
	}
	at = imp_table_at(&ms->t, K_ID);
	if (imp_text(im, &at, 0, &ms->m.id) == 0 && ms->m.id && !ldr_id_valid(ms->m.id))
		imp_error(im, at.s, at.row, at.col, "%s is not an id", imp_q(im, ms->m.id));
	at = imp_table_at(&ms->t, K_WHAT);
	if (imp_text(im, &at, 0, &ms->m.what) == 0 && !ms->m.what)
		imp_error(im, at.s, at.row, at.col, "the milestone's what is empty");
	at = imp_table_at(&ms->t, K_DUE);
	imp_time(im, &at, LDR_TIME_ANY, 0, &ms->m.due);
	at = imp_table_at(&ms->t, K_STATUS);
	imp_enum(im, &at, &ldr_kind_milestone, "status", &ms->m.status);
	at = imp_table_at(&ms->t, K_DELIVERED);
	imp_time(im, &at, LDR_TIME_ANY, 0, &ms->m.delivered);
	at = imp_table_at(&ms->t, K_NOTES);
	imp_text(im, &at, 1, &ms->m.notes);
	extra(ms);
}

/* ---- matching and applying ------------------------------------------------------------ */

/* The milestone of project p a row is: by id (an error when it is another
 * record's), else the first not matched yet with its what; -1: a new one. */
static long match(struct ms *ms, struct ldr_project *p)
{
	size_t i;
	char *what = imp_norm(ms->m.what ? ms->m.what : ""), *w;
	long found = -1;

	for (i = 0; i < p->milestones.len && found < 0; i++) {
		const struct ldr_milestone *m = LDR_ITEM(p->milestones, struct ldr_milestone, i);
		if (ms->m.id) {
			if (m->id && !strcmp(m->id, ms->m.id))
				found = (long)i;
			continue;
		}
		w = imp_norm(m->what ? m->what : "");
		if (!strcmp(w, what) && !(m->id && ldr_hash_get(&ms->matched, m->id)))
			found = (long)i;
		free(w);
	}
	free(what);
	return found;
}

static struct ldr_milestone *new_milestone(struct ms *ms, struct ldr_project *p, const struct imp_at *at)
{
	struct imp *im = ms->im;
	struct imp_seq seq;
	struct ldr_buf prefix = LDR_BUF_INIT;
	struct ldr_milestone *m;

	if (ms->m.id && imp_id_taken(im, ms->m.id)) {
		imp_error(im, at->s, at->row, at->col, "%s is the id of another record than a milestone of %s",
			  imp_q(im, ms->m.id), imp_q(im, p->id));
		return NULL;
	}
	m = ldr_list_push(&p->milestones, &ldr_kind_milestone);
	memset(&seq, 0, sizeof(seq));
	ldr_buf_addf(&prefix, "%s-M", p->id);
	seq.prefix = prefix.s;
	seq.width = 1;
	m->id = ms->m.id ? ldr_strdup(ms->m.id) : imp_new_id(im, &seq, &p->milestones, &ldr_kind_milestone);
	if (ms->m.id)
		imp_id_add(im, ms->m.id);
	ldr_buf_release(&prefix);
	im->res->added++;
	return m;
}

static void apply(struct ms *ms, long pi)
{
	struct imp *im = ms->im;
	struct ldr_project *p = LDR_ITEM(im->rm->projects, struct ldr_project, (size_t)pi);
	struct imp_at at = imp_table_at(&ms->t, K_ID);
	long i = match(ms, p);
	struct ldr_milestone *m;
	int k;

	if (i >= 0 && ms->m.id && ldr_hash_get(&ms->matched, ms->m.id)) {
		imp_error(im, at.s, at.row, at.col, "%s is the id of a row above too", imp_q(im, ms->m.id));
		return;
	}
	if (i < 0 && !(m = new_milestone(ms, p, &at)))
		return;
	if (i >= 0) {
		m = LDR_ITEM(p->milestones, struct ldr_milestone, (size_t)i);
		im->res->updated++;
	}
	ldr_hash_put(&ms->matched, m->id, (void *)1);
	for (k = K_WHAT; k < NKEYS; k++)
		if (ms->t.col[k] >= 0)
			imp_update(&ldr_kind_milestone, m, &ms->m, field_of[k], ms->reason[k]);
	if (ms->t.col[K_NOTES] < 0 && ms->m.notes)
		imp_add_comment(&m->notes, NULL, ms->m.notes);
}

static size_t count(const struct ldr_roadmap *rm)
{
	size_t i, n = 0;

	for (i = 0; i < rm->projects.len; i++)
		n += LDR_ITEM(rm->projects, struct ldr_project, i)->milestones.len;
	return n;
}

int imp_milestones(struct imp *im)
{
	struct ms ms;
	long pi;

	memset(&ms, 0, sizeof(ms));
	ms.im = im;
	if (imp_find_table(im, cols, LDR_ARRAY_SIZE(cols), "a sheet of milestones", &ms.t) < 0)
		return -1;
	ms.existing = count(im->rm);
	while (imp_table_next(&ms.t)) {
		struct imp_at at = imp_table_at(&ms.t, K_PROJECT);
		if (imp_table_row_empty(&ms.t))
			continue;
		memset(&ms.m, 0, sizeof(ms.m));
		im->res->rows++;
		pi = project(&ms, &at);
		read_row(&ms);
		if (pi >= 0 && !im->res->nerrors)
			apply(&ms, pi);
		ldr_rec_release(&ldr_kind_milestone, &ms.m);
	}
	im->res->kept = ms.existing > im->res->updated ? ms.existing - im->res->updated : 0;
	imp_table_release(&ms.t);
	ldr_hash_clear(&ms.matched);
	return 0;
}
