/* Fields as text: their values as diffs, logs and messages show them, what a
 * record is called, and setting one field from text given on a command line
 * (or in a form), validated exactly as the loader validates a file. */
#ifndef LDR_FIELD_H
#define LDR_FIELD_H

#include "roadmap.h"
#include "schema.h"
#include "../base/util.h"

/* Append the field's value as the file writes it (lists as [a, b], mappings
 * as {k: v}, lists of records as a count). Returns 0, appending nothing,
 * when the field is unset. */
int ldr_field_format(struct ldr_buf *b, const struct ldr_field *f, const void *rec);
/* The same as a new string; NULL when the field is unset (or rec is NULL). */
char *ldr_field_text(const struct ldr_field *f, const void *rec);

/* What a record is called, for people: a project's name, a capability's
 * "who: what", an activity's what, a universal capability's national title.
 * Returns NULL if it has nothing to show. */
const char *ldr_rec_title(const struct ldr_kind *k, const void *rec, struct ldr_buf *b);

/* "project 'P08'": the record as messages name it. */
void ldr_rec_label(struct ldr_buf *b, const struct ldr_kind *k, const void *rec);

/* Set a field of rec from text. value is the field's value as it would be
 * written in the file, taken literally (no YAML quoting is needed); lists
 * (of ids, names or values) are items separated by commas, brackets
 * optional: "[P03, P12]" or "P03,P12"; an empty value unsets the field.
 * For attributes and derived, key names the entry to set (an empty value
 * removes it). Validation and messages are the loader's. Returns 0, or -1
 * with one line in err; rec is unchanged on error. */
int ldr_field_set(const struct ldr_kind *k, void *rec, const struct ldr_field *f, const char *key,
		  const char *value, struct ldr_buf *err);

/* A value set by hand is no longer inferred: remove the field's reason
 * from the record's derived mapping. Returns 1 if it had one. */
int ldr_derived_forget(const struct ldr_kind *k, void *rec, const char *field);

#endif
