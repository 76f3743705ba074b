#include "roadmap.h"

#include <string.h>

#include "schema.h"

void ldr_roadmap_init(struct ldr_roadmap *rm)
{
	memset(rm, 0, sizeof(*rm));
}

void ldr_roadmap_release(struct ldr_roadmap *rm)
{
	ldr_rec_release(&ldr_kind_roadmap, rm);
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
