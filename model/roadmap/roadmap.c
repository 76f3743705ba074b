#include "roadmap.h"

#include <stdlib.h>
#include <string.h>

#include "node.h"
#include "schema.h"

void ldr_roadmap_init(struct ldr_roadmap *rm)
{
	memset(rm, 0, sizeof(*rm));
}

/* A frozen roadmap's records: only the arrays of their lists are their
 * own; everything else is the arena's. */
static void release_lists(const struct ldr_kind *k, void *rec)
{
	size_t i, j;

	for (i = 0; i < k->nfields; i++) {
		const struct ldr_field *f = &k->fields[i];
		struct ldr_list *l = LDR_FIELD(rec, f);

		if (f->type == LDR_F_RECORD)
			release_lists(f->kind, LDR_FIELD(rec, f));
		if (f->type != LDR_F_LIST)
			continue;
		for (j = 0; j < l->len; j++)
			release_lists(f->kind, ldr_list_at(l, f->kind, j));
		free(l->items);
	}
}

void ldr_roadmap_release(struct ldr_roadmap *rm)
{
	struct ldr_arena *a = rm->frozen;

	if (!a) {
		ldr_rec_release(&ldr_kind_roadmap, rm);
		return;
	}
	release_lists(&ldr_kind_roadmap, rm);
	ldr_arena_release(a);
	free(a);
	memset(rm, 0, sizeof(*rm));
}

int ldr_roadmap_equal(const struct ldr_roadmap *a, const struct ldr_roadmap *b)
{
	return ldr_rec_equal(&ldr_kind_roadmap, a, b);
}

const struct ldr_uc *ldr_roadmap_uc(const struct ldr_roadmap *rm, const char *id)
{
	size_t i;
	for (i = 0; i < rm->ucs.len; i++) {
		const struct ldr_uc *u = LDR_ITEM(rm->ucs, struct ldr_uc, i);
		if (u->id && strcmp(u->id, id) == 0)
			return u;
	}
	return NULL;
}

int ldr_roadmap_is_programme(const struct ldr_roadmap *rm)
{
	return rm->footprint.kind == LDR_DOC_PROGRAMME;
}

const char *ldr_roadmap_title(const struct ldr_roadmap *rm)
{
	if (rm->footprint.title)
		return rm->footprint.title;
	return ldr_roadmap_is_programme(rm) ? "Delivery plan" : "Local Digital Roadmap";
}
