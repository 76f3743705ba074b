/* Schedule consistency checks. Each rule has a stable id, a severity, a
 * one-line explanation and, where there is one, a general fix; it reports
 * findings that name the record, its position and, where it can, a fix
 * for that record. The rules are listed once, in rules.c. */
#ifndef LDR_CHECK_H
#define LDR_CHECK_H

#include <stddef.h>
#include <stdio.h>

#include "../roadmap/roadmap.h"

enum ldr_check_severity { LDR_CHECK_ERROR, LDR_CHECK_WARNING };

struct ldr_checker;

/* What a rule reads, for checking again after an edit (ldr_check_update):
 * a change to none of these leaves its findings as they were. 0: it may
 * read anything. */
enum {
	LDR_READS_PROJECTS = 1 << 0,
	LDR_READS_CAPABILITIES = 1 << 1,
	LDR_READS_UCS = 1 << 2,
	LDR_READS_TRAJECTORY = 1 << 3,
	LDR_READS_OTHER = 1 << 4, /* any other top-level list */
	LDR_READS_IDS = 1 << 5,   /* which ids there are: a record added, removed or renamed */
	LDR_READS_REFS = 1 << 6   /* the references: a depends_on, projects, group... changed */
};

/* How far a change reaches for a rule: what its findings about a top-level
 * record (a project, a capability, a universal capability, a trajectory)
 * depend on, besides the footprint, the rules: block and the review date
 * (a change to which checks everything again). */
enum ldr_rule_reach {
	LDR_REACH_WHOLE,  /* the whole roadmap: the rule runs again in full */
	LDR_REACH_RECORD, /* the record alone, with what is nested in it */
	LDR_REACH_REFS,   /* the record, the records it names, those that name it */
	LDR_REACH_WHAT    /* the capabilities with the same 'what' (phases) */
};

struct ldr_rule {
	const char *id;      /* "dep-order": stable, used in output and --rule */
	enum ldr_check_severity severity;
	const char *summary; /* what it finds, one line */
	const char *fix;     /* what to do about it in general, or NULL */
	void (*run)(struct ldr_checker *c);
	int ldr_only;        /* off in a programme plan (footprint.kind) unless switched on */
	unsigned reads;      /* LDR_READS_*: 0, anything */
	enum ldr_rule_reach reach;
	unsigned whole_on;   /* LDR_READS_*: changes after which it runs in full whatever its reach */
};

extern const struct ldr_rule ldr_rules[];
extern const size_t ldr_nrules;
const struct ldr_rule *ldr_rule_find(const char *id);

struct ldr_finding {
	const struct ldr_rule *rule;
	struct ldr_pos pos; /* {0, 0}: about the file as a whole */
	/* What it is about, with the rule: what makes two findings the same
	 * one (ldr_finding_same), whatever the values their messages name. */
	char *id;           /* the record, or NULL */
	char *field;        /* the field of the record, or NULL */
	char *other;        /* the other record of a finding about two (the
			     * dependency, the project delivering it, the id a
			     * reference names), or what else tells it from
			     * another of the same field (a year), or NULL */
	char *message;
	char *fix;          /* for this finding, or NULL */
	char *top;          /* the top-level record it was found in checking, or
			     * NULL (the file, the footprint): what an edit of
			     * that record makes checked again */
};

struct ldr_findings {
	struct ldr_finding *v;
	size_t n, cap;
	size_t errors, warnings;
	size_t per_rule[64]; /* findings of each rule, by its index in ldr_rules */
};

struct ldr_check_opts {
	/* The review date: what is due before it should be delivered, nothing
	 * can have been delivered after it. Unset: the roadmap's as_at, else
	 * the caller should pass today. */
	struct ldr_time as_of;
	/* Run only these rules (ids); when n_only is 0, those of the roadmap's
	 * profile (ldr_rule_on) with these switched on or off. */
	const char *const *only;
	size_t n_only;
	const struct ldr_rule_switch *switches;
	size_t n_switches;
};

/* A rule switched on or off from the command line (--rule ID=off). */
struct ldr_rule_switch {
	const char *id;
	int on;
};

/* Whether rule r runs on rm: its profile (the LDR-only rules are off in a
 * programme plan), then the file's rules: block, then the switches. */
int ldr_rule_on(const struct ldr_roadmap *rm, const struct ldr_rule *r,
		const struct ldr_rule_switch *sw, size_t nsw);
/* How many months a commitment may stay "tbc" (tbc-old): the file's
 * rules: block, else 6. */
int ldr_tbc_months(const struct ldr_roadmap *rm);

/* The review date when none is given: the roadmap's as_at, else this month. */
struct ldr_time ldr_check_as_of(const struct ldr_roadmap *rm);

/* Run the rules on rm; findings are sorted by position. Returns the number
 * of errors. */
size_t ldr_check(const struct ldr_roadmap *rm, const struct ldr_check_opts *o,
		 struct ldr_findings *out);
void ldr_findings_release(struct ldr_findings *f);

/* A change to one top-level record since the findings were made: a copy of
 * it before and after (NULL: it was added, or removed). kind NULL: the
 * whole roadmap, or anything it cannot say. */
struct ldr_check_change {
	const struct ldr_kind *kind;
	const void *before, *after;
};

/* Bring f, the findings of ldr_check(rm, o) before the changes, up to date
 * with rm now: only the rules that read what changed run again, each only
 * on the records the change can reach (the rule's reach), and their
 * findings there replace the old ones. ix, if not NULL, is an index of rm
 * as it is now with its referrers (ldr_index_add_referrers); otherwise one
 * is built. The same findings as ldr_check, in the same order: with
 * LDR_CHECK_CROSS=1 in the environment, the full check runs too and any
 * difference is printed and aborts. Returns the number of errors. */
struct ldr_index;
size_t ldr_check_update(const struct ldr_roadmap *rm, const struct ldr_check_opts *o,
			const struct ldr_check_change *ch, size_t n, struct ldr_index *ix,
			struct ldr_findings *f);

/* Whether two lists of findings are the same, finding by finding, in
 * order; if not, the first difference is written to out (if not NULL). */
int ldr_findings_equal(const struct ldr_findings *a, const struct ldr_findings *b, FILE *out);

/* Whether x and y are the same finding: the same rule about the same
 * record, field and other record. Not by the message, which names values:
 * a dependency that ends later is still the same dependency broken. */
int ldr_finding_same(const struct ldr_finding *x, const struct ldr_finding *y);

/* The submission checklist: for each requirement of Annex 1, whether and how
 * the roadmap answers it. */
struct ldr_answered {
	const struct ldr_requirement *req;
	int answered;
	const char *how;      /* "by the data: 40 capabilities" or the response; static or owned below */
	char *how_owned;
	struct ldr_pos pos;   /* the response, if any */
};
/* Fills out[LDR_CHECKLIST_SIZE]; release with ldr_checklist_release. */
void ldr_checklist_answers(const struct ldr_roadmap *rm, struct ldr_answered *out);
void ldr_checklist_release(struct ldr_answered *a);

#endif
