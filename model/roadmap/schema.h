/* The schema: each kind of record described once as a table of fields.
 * The loader, the writer, equality, copying and freeing all walk these
 * tables, so a new field is one line here (and one in roadmap.h). */
#ifndef LDR_SCHEMA_H
#define LDR_SCHEMA_H

#include <stddef.h>

#include "roadmap.h"

enum ldr_ftype {
	LDR_F_ID,      /* char *: the record's id */
	LDR_F_STR,     /* char *: one line of text */
	LDR_F_TEXT,    /* char *: text, may span lines */
	LDR_F_REF,     /* char *: the id of another record */
	LDR_F_REFS,    /* struct ldr_strv: ids */
	LDR_F_STRS,    /* struct ldr_strv: one-line strings */
	LDR_F_ENUM,    /* int: 1 + index into values, 0 unset */
	LDR_F_ENUMS,   /* unsigned: bit i set for values[i] */
	LDR_F_TIME,    /* struct ldr_time */
	LDR_F_BOOL,    /* int: 0 or 1 */
	LDR_F_INT,     /* struct ldr_int */
	LDR_F_ATTRS,   /* struct ldr_map: free names, sorted by name */
	LDR_F_DERIVED, /* struct ldr_map: field name -> reason */
	LDR_F_LIST,    /* struct ldr_list of kind */
	LDR_F_RECORD,  /* an embedded record of kind */
};

enum {
	LDR_FL_REQUIRED = 1 << 0, /* must be present */
	LDR_FL_KEY = 1 << 1,      /* identifies the record within its list (no id) */
	LDR_FL_ALWAYS = 1 << 2,   /* written even when false */
	/* Not required to read the file, but part of the plan: asked for when a
	 * record is added in the interface (a capability's year and group, a
	 * project's start and end); for a capability, 'ldr check' says when
	 * it is missing (rule unplanned). */
	LDR_FL_PLANNED = 1 << 3,
};

struct ldr_kind;

struct ldr_field {
	const char *name;
	enum ldr_ftype type;
	size_t offset;
	unsigned flags;
	int time_kinds;              /* LDR_F_TIME: mask of enum ldr_time_kind */
	const char *const *values;   /* LDR_F_ENUM(S): NULL-terminated */
	const struct ldr_kind *kind; /* LDR_F_LIST/RECORD: the records; LDR_F_REF(S): what is referred to */
	long long min, max;          /* LDR_F_INT */
};

struct ldr_kind {
	const char *name; /* "project": used in messages */
	size_t size;
	const struct ldr_field *fields;
	size_t nfields;
};

extern const struct ldr_kind ldr_kind_roadmap, ldr_kind_footprint, ldr_kind_org,
	ldr_kind_group, ldr_kind_priority, ldr_kind_project, ldr_kind_milestone,
	ldr_kind_capability, ldr_kind_uc, ldr_kind_ambition, ldr_kind_activity,
	ldr_kind_trajectory, ldr_kind_score, ldr_kind_target, ldr_kind_risk,
	ldr_kind_funding, ldr_kind_response, ldr_kind_conflict, ldr_kind_checkpoint,
	ldr_kind_rule_setting;

#define LDR_FIELD(rec, f) ((void *)((char *)(rec) + (f)->offset))
#define LDR_CFIELD(rec, f) ((const void *)((const char *)(rec) + (f)->offset))

/* The index of the field called name, or -1. */
int ldr_kind_field(const struct ldr_kind *k, const char *name);
/* The record's id (NULL if the kind has none or it is unset). */
const char *ldr_rec_id(const struct ldr_kind *k, const void *rec);
/* A field's key value for keyed records (e.g. an ambition's year), formatted
 * into buf (LDR_TIME_STR_MAX bytes or more); NULL if none. */
const char *ldr_rec_key(const struct ldr_kind *k, const void *rec, char *buf, size_t len);
/* Where the field's value was read; {0,0} if unknown. */
struct ldr_pos ldr_rec_field_pos(const void *rec, unsigned field);
void ldr_rec_set_field_pos(void *rec, unsigned field, struct ldr_pos pos);
/* Whether a field holds a value (the writer leaves empty ones out). */
int ldr_field_present(const struct ldr_field *f, const void *rec);

/* Free a field's value and leave it unset. */
void ldr_field_release(const struct ldr_field *f, void *rec);
void ldr_rec_release(const struct ldr_kind *k, void *rec);
int ldr_rec_equal(const struct ldr_kind *k, const void *a, const void *b);
void ldr_rec_copy(const struct ldr_kind *k, void *dst, const void *src);
/* One field's value: equal (positions aside); copied into an empty field
 * (a and b, d and s point at the field's value, as LDR_FIELD gives). */
int ldr_field_equal(const struct ldr_field *f, const void *a, const void *b);
void ldr_field_copy(const struct ldr_field *f, void *d, const void *s);
/* A mapping in the order the file keeps: attributes by name, derived
 * reasons in the order of the record's (kind k's) fields. */
void ldr_map_sort(struct ldr_map *m, const struct ldr_kind *k, const struct ldr_field *f);
/* The value of an entry ("" when it has none), or NULL when there is no
 * entry of that name. */
const char *ldr_map_get(const struct ldr_map *m, const char *key);

/* Append a zeroed record to a list of kind k; returns it. */
void *ldr_list_push(struct ldr_list *l, const struct ldr_kind *k);
/* Insert a zeroed record at index (0 to len); returns it. */
void *ldr_list_insert(struct ldr_list *l, const struct ldr_kind *k, size_t index);
/* Release the record at index and close the gap. */
void ldr_list_remove(struct ldr_list *l, const struct ldr_kind *k, size_t index);
#define ldr_list_at(l, k, i) ((void *)((char *)(l)->items + (i) * (k)->size))

/* Visit rec and every record nested in it, depth first in file order, with
 * the record each is nested in (NULL for rec itself). A non-zero return from
 * fn stops the walk and is returned. */
typedef int (*ldr_walk_fn)(const struct ldr_kind *k, void *rec, const struct ldr_kind *parent_kind,
			   void *parent, void *payload);
int ldr_walk(const struct ldr_kind *k, void *rec, ldr_walk_fn fn, void *payload);

#endif
