/* Sign-offs: who approved which plan, recorded in git. A sign-off is an
 * annotated tag signoff/DATE-ROLE on the commit approved, tagged by the
 * approver (the committer's identity, as ldr's commits name it), with the
 * role in its message. A tag, not a note: it names one commit for good, it
 * carries its own author and date, git fsck checks it, 'git tag -n' lists
 * it, it can be signed with GPG, and several approvers of one commit each
 * have their own. Sign-off tags are not baselines: the lists of baselines
 * leave them out. */
#ifndef LDR_SIGNOFF_H
#define LDR_SIGNOFF_H

#include <stddef.h>

#include "repo.h"
#include "../base/util.h"

#define LDR_SIGNOFF_PREFIX "signoff/"
#define LDR_ROLE_MAX 60

struct ldr_signoff {
	char *tag;  /* "signoff/2017-03-31-programme-board" */
	char commit[LDR_OID_HEX + 1];
	char *name, *email; /* the approver */
	char *role;
	char *message;      /* what they said, "" when nothing */
	long long time;
	int offset;
};

/* Whether a tag's name is a sign-off's. */
int ldr_tag_is_signoff(const char *name);

/* What is refused, and said in err, before anything is recorded. */
enum {
	LDR_SIGNOFF_FORCE = 1, /* sign off a roadmap with changes not committed or errors */
};

/* Sign off HEAD, as the roadmap file's commit, for role with an optional
 * message; tag receives the tag's name. Refused unless flags has
 * LDR_SIGNOFF_FORCE: a file with changes not committed (-1, as the
 * approver would not be approving what they read) or whose check finds
 * errors (LDR_E_INVALID; errors counts them). Returns 0 or an LDR_E_*. */
int ldr_signoff_record(struct ldr_repo *repo, const char *role, const char *message, int flags,
		       struct ldr_buf *tag, size_t *errors, struct ldr_buf *err);

/* Every sign-off in the repository, oldest first. */
int ldr_signoffs(struct ldr_repo *repo, struct ldr_signoff **v, size_t *n, struct ldr_buf *err);
void ldr_signoffs_free(struct ldr_signoff *v, size_t n);

/* One line of a sign-off: "signed off by NAME as ROLE, DATE: MESSAGE" (its
 * untrusted parts made safe). */
void ldr_signoff_text(struct ldr_buf *b, const struct ldr_signoff *s);

/* Whether the commit (a full id) has a sign-off. */
int ldr_signoff_of(const struct ldr_signoff *v, size_t n, const char *commit);

/* Whether the commit rev names (a baseline) has been signed off: 1 yes, 0
 * no (err says so and how to sign it off), -1 when rev names no commit. */
int ldr_signoff_require(struct ldr_repo *repo, const char *rev, struct ldr_buf *err);

#endif
