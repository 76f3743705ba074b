/* What the national guidance fixes for every footprint: the seven Paper-free
 * at the Point of Care capability groups and the ten universal capabilities
 * with their defined aims and numeric targets (NHS England, April 2016,
 * section 3.1 and Annex 4). */
#ifndef LDR_NATIONAL_H
#define LDR_NATIONAL_H

#include <stddef.h>

struct ldr_national_group {
	const char *id, *name;
};

#define LDR_NATIONAL_GROUPS 7
extern const struct ldr_national_group ldr_national_groups[LDR_NATIONAL_GROUPS];

/* A numeric target of a universal capability, e.g. 80% of elective referrals
 * made electronically by September 2017. */
struct ldr_uc_target {
	const char *measure; /* "elective referrals made electronically" */
	int percent;
	int year, month; /* calendar month the target is due by */
};

#define LDR_UC_MAX_AIMS 4
struct ldr_uc_def {
	const char *id, *title, *group;
	const char *aims[LDR_UC_MAX_AIMS]; /* NULL-padded */
	struct ldr_uc_target target;       /* percent 0: none */
};

#define LDR_NATIONAL_UCS 10
extern const struct ldr_uc_def ldr_national_ucs[LDR_NATIONAL_UCS];

/* The submission checklist (Annex 1): a roadmap is ready to submit when it
 * answers every requirement, by its data where the data can (answer says
 * how) or by a response in its checklist. */
enum ldr_answer {
	LDR_ANSWER_RESPONSE,      /* narrative: only a checklist response answers it */
	LDR_ANSWER_ENDORSED,      /* an organisation has endorsed_by */
	LDR_ANSWER_ORGANISATIONS, /* organisations are listed */
	LDR_ANSWER_DMA,           /* trajectory baselines exist */
	LDR_ANSWER_RISKS,         /* risks are listed */
	LDR_ANSWER_FUNDING,       /* funding is listed */
	LDR_ANSWER_PROJECTS,      /* projects are listed */
	LDR_ANSWER_MATURITY,      /* a baseline score for each of the seven groups */
	LDR_ANSWER_SCHEDULE,      /* capabilities are listed */
	LDR_ANSWER_TRAJECTORY,    /* target scores exist */
	LDR_ANSWER_UC_BASELINE,   /* all ten universal capabilities have each: */
	LDR_ANSWER_UC_AMBITION,
	LDR_ANSWER_UC_ACTIVITIES,
	LDR_ANSWER_UC_RATIONALE,  /* (a rationale wherever an alternative is used) */
	LDR_ANSWER_UC_EVIDENCE,
};

struct ldr_requirement {
	const char *id, *element, *requirement, *section, *template_name;
	enum ldr_answer answer;
};

#define LDR_CHECKLIST_SIZE 33
extern const struct ldr_requirement ldr_checklist[LDR_CHECKLIST_SIZE];

const struct ldr_requirement *ldr_requirement(const char *id);
const struct ldr_national_group *ldr_national_group(const char *id);
const struct ldr_uc_def *ldr_national_uc(const char *id);

#endif
