/* Inside the checks: what a rule sees and how it reports. Only check.c and
 * rules.c include this. */
#ifndef LDR_CHECKER_H
#define LDR_CHECKER_H

#include "check.h"
#include "../base/util.h"
#include "../roadmap/index.h"
#include "../roadmap/schema.h"

struct ldr_checker {
	const struct ldr_roadmap *rm;
	struct ldr_index ix;
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
