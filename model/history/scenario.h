/* Scenarios: a what-if kept as a git branch, scenario/NAME, in the
 * roadmap's repository. A scenario begins as the plan's commit (HEAD) and
 * moves only by commits made on it ('ldr impact --apply --scenario'): they
 * write git's objects and move the scenario's branch, never the work tree,
 * the index or the branch checked out, so nothing of a scenario reaches the
 * plan until it is merged ('ldr merge scenario/NAME'). Plain git sees
 * ordinary branches ('git log scenario/NAME', 'git branch -D').
 *
 * Functions return 0, or a negative LDR_E_* (model/base/write.h; -1 for
 * the others) with one line in err. */
#ifndef LDR_SCENARIO_H
#define LDR_SCENARIO_H

#include <stddef.h>

#include "../roadmap/roadmap.h"
#include "../base/util.h"
#include "repo.h"

/* The branch of a scenario is LDR_SCENARIO_BRANCH NAME; its reference is
 * "refs/heads/" LDR_SCENARIO_BRANCH NAME. */
#define LDR_SCENARIO_BRANCH "scenario/"
#define LDR_SCENARIO_NAME_MAX 64

/* Whether name may name a scenario: 1 to 64 ASCII letters, digits, '.',
 * '_' and '-', beginning with a letter or a digit, without "..", not
 * ending with '.' or ".lock": a name git and every file system take as it
 * is. 0, or -1 with why in err. */
int ldr_scenario_name_check(const char *name, struct ldr_buf *err);

/* A scenario as 'ldr scenario list' shows it. */
struct ldr_scenario {
	char *name;                  /* without "scenario/" */
	char tip[LDR_OID_HEX + 1];   /* the branch's commit */
	char base[LDR_OID_HEX + 1];  /* where it leaves the plan (HEAD): "" when unrelated */
	long long time;              /* the tip's commit time, seconds since the epoch */
	int offset;                  /* its zone, minutes east of UTC */
	char *subject;               /* the tip's subject */
	size_t ahead, behind;        /* its commits not in the plan; the plan's not in it */
};
void ldr_scenario_release(struct ldr_scenario *s);
void ldr_scenarios_free(struct ldr_scenario *v, size_t n);

/* Whole days from the scenario's tip to now (ldr_now), 0 if it is later. */
long ldr_scenario_age_days(const struct ldr_scenario *s);

/* Every scenario of the repository, by name. */
int ldr_scenario_list(struct ldr_repo *repo, struct ldr_scenario **v, size_t *n, struct ldr_buf *err);

/* The scenario called name: -1 when there is none, err naming those
 * there are. */
int ldr_scenario_find(struct ldr_repo *repo, const char *name, struct ldr_scenario *s, struct ldr_buf *err);

/* Make scenario name at HEAD's commit. LDR_E_EXISTS when there is one. */
int ldr_scenario_new(struct ldr_repo *repo, const char *name, struct ldr_scenario *s, struct ldr_buf *err);

/* Delete scenario name (s receives what it was). Refused when it is
 * checked out, or, unless force, when it holds commits the plan does not. */
int ldr_scenario_drop(struct ldr_repo *repo, const char *name, int force, struct ldr_scenario *s,
		      struct ldr_buf *err);

/* Commit rm on scenario name, whose tip was read as tip (a branch moved
 * since is refused: LDR_E_CHANGED): the tip's tree with the roadmap's new
 * blob, the tip its parent, the branch moved. The roadmap must read back as
 * it is (LDR_E_INVALID). Nothing outside git's objects and that branch
 * changes. commit_id receives the commit, or stays empty when rm is what
 * the tip holds. */
int ldr_scenario_save(struct ldr_repo *repo, const char *name, const char *tip, const struct ldr_roadmap *rm,
		      const char *message, struct ldr_buf *commit_id, struct ldr_buf *err);

/* Where commits a and b (hex ids) part, into base: "" when they have no
 * history in common. */
int ldr_repo_merge_base(struct ldr_repo *repo, const char *a, const char *b, char *base, struct ldr_buf *err);

#endif
