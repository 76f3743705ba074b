/* Inside the checks: what a rule sees and how it reports. Only check.c and
 * rules.c include this. */
#ifndef LDR_CHECKER_H
#define LDR_CHECKER_H

#include "check.h"
#include "../base/util.h"
#include "../roadmap/index.h"
#include "../roadmap/schema.h"

/* The top-level records to check again after an edit, by kind: each
 * array lists the records of its list in the list's order. */
struct ldr_scope {
	struct ldr_hash ids;       /* their ids */
	const void **rec[4];       /* projects, capabilities, ucs, trajectory */
	size_t n[4], cap[4];
};

struct ldr_checker {
	const struct ldr_roadmap *rm;
	struct ldr_index *ix;      /* ix_own, or the caller's */
	struct ldr_index ix_own;
	const struct ldr_scope *scope; /* NULL: every record */
	const char *top;           /* the top-level record being checked */
	struct ldr_time as_of;
	struct ldr_findings *out;
	const struct ldr_rule *rule; /* the rule running */
	struct ldr_buf quoted[4];    /* ldr_q's answers, released with the checker */
};

/* Report a finding of the running rule about record rec (of kind k, whose
 * id is id), at the position of its field (NULL: the record itself), which
 * it is about. fix may be NULL. */
void ldr_report(struct ldr_checker *c, const struct ldr_kind *k, const void *rec,
		const char *field, const char *id, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
/* The same, at an explicit position, about the field of the record id and,
 * for a finding about two records, the other one (each may be NULL). */
void ldr_report_at(struct ldr_checker *c, struct ldr_pos pos, const char *id, const char *field,
		   const char *other, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* The position of a field of a record, or of the record if the field has
 * none. */
struct ldr_pos ldr_field_pos(const struct ldr_kind *k, const void *rec, const char *field);

/* The top-level records of a kind (project, capability, uc, trajectory)
 * that the running rule checks: every record of its list, or those of the
 * scope after an edit. ldr_check_rec returns the i-th, of ldr_check_count,
 * and makes it the record the findings that follow are found in. */
size_t ldr_check_count(const struct ldr_checker *c, const struct ldr_kind *k);
const void *ldr_check_rec(struct ldr_checker *c, const struct ldr_kind *k, size_t i);

/* The index of a kind's records in a scope's arrays, or -1. */
int ldr_scope_slot(const struct ldr_kind *k);

/* A checker over rm (with the index ix of it, or one of its own), its
 * findings added to out; a rule run on the scope, or on every record. */
void ldr_checker_init(struct ldr_checker *c, const struct ldr_roadmap *rm,
		      const struct ldr_check_opts *o, struct ldr_index *ix, struct ldr_findings *out);
void ldr_checker_run(struct ldr_checker *c, const struct ldr_rule *r, const struct ldr_scope *scope);
void ldr_checker_release(struct ldr_checker *c);
/* Whether rule r runs on rm with the options o. */
int ldr_rule_wanted(const struct ldr_roadmap *rm, const struct ldr_check_opts *o,
		    const struct ldr_rule *r);
/* Free what one finding holds. */
void ldr_finding_release(struct ldr_finding *f);
/* In the order ldr_check gives them: by position, rule and message. */
void ldr_findings_sort(struct ldr_findings *f);

/* A capability's 'what' as phase-order compares phases: lowercased, its
 * blanks collapsed to one space, written at out (room for strlen(what) +
 * 1); returns the byte after it. */
char *ldr_what_key(const char *what, char *out);
/* Whether what's key is key, without making it: it stops at the first
 * byte that differs. */
int ldr_what_is(const char *what, const char *key);

/* Rules that live beside rules.c (each in a file of its own). */
void ldr_rule_cannot_finish(struct ldr_checker *c);
void ldr_rule_checkpoint_order(struct ldr_checker *c);
void ldr_rule_from_late(struct ldr_checker *c);
void ldr_rule_tbc_old(struct ldr_checker *c);

/* 'text' quoted for a message (slot 0-3: up to four in one message). The
 * checker owns the answer until the next ldr_q of the same slot, or until
 * ldr_check returns. */
const char *ldr_q(struct ldr_checker *c, const char *s, int slot);

#endif
