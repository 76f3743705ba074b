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

const struct ldr_national_group *ldr_national_group(const char *id);
const struct ldr_uc_def *ldr_national_uc(const char *id);

#endif
