/* Editing a roadmap by id and field name, as 'ldr set P08.start=17/18' does
 * (and the TUI's forms will): ids are unique across the roadmap, so an id
 * alone finds the record, whatever its kind. */
#ifndef LDR_EDIT_H
#define LDR_EDIT_H

#include "roadmap.h"
#include "../base/util.h"

/* Set a field of the record with this id ("footprint" names the footprint).
 * key names the entry of attributes or derived, else is NULL. The value is
 * taken as ldr_field_set takes it (field.h) and checked as the loader checks
 * a file; besides, each id it refers to must name a record of the right
 * kind. A conflict a merge recorded for that field (rm->conflicts) is
 * resolved by it: its entry goes. Returns 0, or -1 with one line in err
 * (with a suggestion when a name looks mistyped); the roadmap is unchanged
 * on error. */
int ldr_edit_set(struct ldr_roadmap *rm, const char *id, const char *field, const char *key,
		 const char *value, struct ldr_buf *err);

/* A field of a record without an id, in a keyed list of the record with
 * this id: a milestone's checkpoint by its when ("by 2023-03"), a universal
 * capability's ambition by its year. Checked as ldr_edit_set checks; a key
 * changed onto another's is refused. */
int ldr_edit_set_keyed(struct ldr_roadmap *rm, const char *id, const char *list, const char *key,
		       const char *field, const char *value, struct ldr_buf *err);

/* The same from "ID.FIELD=VALUE", "ID.FIELD.NAME=VALUE" or
 * "ID.LIST[KEY].FIELD=VALUE". Returns -2 with a message when the text is
 * not of that shape. */
int ldr_edit_assign(struct ldr_roadmap *rm, const char *assignment, struct ldr_buf *err);

#endif
