/* Sign-offs as annotated tags: recorded on HEAD after the checks a plan
 * must pass, and read back from the repository's tags (signoff.h). */
#include "signoff.h"

#include <stdlib.h>
#include <string.h>

#include "../base/diag.h"
#include "../base/write.h"
#include "../roadmap/date.h"
#include "../rules/check.h"

#define ROLE_TRAILER "Role: "
#define BY_TRAILER "Signed-off-by: "

int ldr_tag_is_signoff(const char *name)
{
	return name && strncmp(name, LDR_SIGNOFF_PREFIX, strlen(LDR_SIGNOFF_PREFIX)) == 0;
}

/* The role as a tag name's part: letters and digits lowercased, any run of
 * anything else one '-'. */
static void role_slug(struct ldr_buf *b, const char *role)
{
	size_t start = b->len;
	const char *p;

	for (p = role; *p; p++) {
		char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			ldr_buf_addch(b, c);
		else if (c >= 'A' && c <= 'Z')
			ldr_buf_addch(b, (char)(c - 'A' + 'a'));
		else if (b->len > start && b->s[b->len - 1] != '-')
			ldr_buf_addch(b, '-');
	}
	while (b->len > start && b->s[b->len - 1] == '-')
		b->s[--b->len] = '\0';
}

static int role_valid(const char *role, struct ldr_buf *err)
{
	struct ldr_buf slug = LDR_BUF_INIT;
	const unsigned char *p;
	int ok = 1;

	for (p = (const unsigned char *)role; ok && *p; p++)
		ok = *p >= 0x20 && *p != 0x7f;
	role_slug(&slug, role);
	if (!ok || !slug.len || strlen(role) > LDR_ROLE_MAX) {
		ldr_buf_addstr(err, "role '");
		ldr_buf_addquoted(err, role, LDR_ROLE_MAX);
		ldr_buf_addf(err, "': say who approves in at most %d characters with a letter or digit, "
			     "on one line, as in 'programme board'", LDR_ROLE_MAX);
		ok = 0;
	}
	ldr_buf_release(&slug);
	return ok;
}

/* "signoff/DATE-ROLE", or with "-2", "-3" ... when a tag has that name. */
static int tag_name(struct ldr_repo *repo, const struct ldr_identity *who, const char *role,
		    struct ldr_buf *name, struct ldr_buf *err)
{
	struct ldr_tag *tags;
	size_t n, i, base;
	int k, taken = 1;

	if (ldr_repo_tags(repo, &tags, &n, err) < 0)
		return -1;
	ldr_buf_addstr(name, LDR_SIGNOFF_PREFIX);
	ldr_date_iso(name, who->time, who->offset);
	name->s[name->len = strlen(LDR_SIGNOFF_PREFIX) + 10] = '\0'; /* the date alone */
	ldr_buf_addch(name, '-');
	role_slug(name, role);
	base = name->len;
	for (k = 2; taken && k < 1000; k++) {
		for (taken = 0, i = 0; i < n && !taken; i++)
			taken = strcmp(tags[i].name, name->s) == 0;
		if (taken) {
			name->s[name->len = base] = '\0';
			ldr_buf_addf(name, "-%d", k);
		}
	}
	ldr_tags_free(tags, n);
	return 0;
}

/* Refused: changes not committed, or errors. */
static int refusal(struct ldr_repo *repo, size_t *errors, struct ldr_buf *err)
{
	struct ldr_roadmap rm;
	struct ldr_loaded st;
	struct ldr_diag diag;
	struct ldr_check_opts co;
	struct ldr_findings f;
	int r = 0;

	memset(&co, 0, sizeof(co));
	memset(&f, 0, sizeof(f));
	ldr_diag_init(&diag, ldr_repo_file(repo));
	if (ldr_repo_load(repo, &rm, &st, &diag, err) < 0) {
		*errors = diag.errors;
		if (!err->len)
			ldr_buf_addf(err, "the roadmap does not load (%zu error%s: 'ldr check' lists them)",
				     diag.errors, diag.errors == 1 ? "" : "s");
		r = diag.errors ? LDR_E_INVALID : -1;
	} else if (ldr_loaded_dirty(&st)) {
		ldr_buf_addstr(err, "the roadmap has changes not committed, which the sign-off would not "
			       "cover: commit them first ('ldr diff' shows them)");
		r = -1;
	} else {
		co.as_of = ldr_check_as_of(&rm);
		ldr_check(&rm, &co, &f);
		if ((*errors = f.errors))
			ldr_buf_addf(err, "the plan has %zu error%s ('ldr check' lists them): fix them, or "
				     "sign off anyway with --force", f.errors, f.errors == 1 ? "" : "s");
		r = f.errors ? LDR_E_INVALID : 0;
		ldr_findings_release(&f);
	}
	ldr_roadmap_release(&rm);
	ldr_diag_release(&diag);
	return r;
}

static void message_of(struct ldr_buf *msg, const struct ldr_identity *who, const char *role,
		       const char *message)
{
	char *said = message ? ldr_text_normalise(message) : NULL;

	ldr_buf_addf(msg, "Signed off as %s\n\n", role);
	if (said)
		ldr_buf_addf(msg, "%s\n\n", said);
	ldr_buf_addf(msg, ROLE_TRAILER "%s\n" BY_TRAILER "%s <%s>\n", role, who->name, who->email);
	free(said);
}

int ldr_signoff_record(struct ldr_repo *repo, const char *role, const char *message, int flags,
		       struct ldr_buf *tag, size_t *errors, struct ldr_buf *err)
{
	struct ldr_identity who;
	struct ldr_buf msg = LDR_BUF_INIT;
	int r;

	*errors = 0;
	ldr_buf_reset(tag);
	if (!role_valid(role, err))
		return -1;
	if (!(flags & LDR_SIGNOFF_FORCE) && (r = refusal(repo, errors, err)) != 0)
		return r;
	if (ldr_repo_identity(repo, &who, err) < 0)
		return -1;
	r = tag_name(repo, &who, role, tag, err);
	if (r == 0) {
		message_of(&msg, &who, role, message);
		r = ldr_repo_tag(repo, tag->s, msg.s, err);
	}
	ldr_buf_release(&msg);
	ldr_identity_release(&who);
	return r;
}

/* The role (its trailer) and what was said (between the subject and the
 * trailers) of a sign-off's message. */
static void parse_message(struct ldr_signoff *s, const char *m)
{
	const char *body = strstr(m, "\n\n"), *role = strstr(m, "\n" ROLE_TRAILER), *end;

	if (role) {
		role += 1 + strlen(ROLE_TRAILER);
		s->role = ldr_strndup(role, strcspn(role, "\n"));
	} else {
		s->role = ldr_strdup("");
	}
	end = role ? role - strlen(ROLE_TRAILER) : m + strlen(m);
	if (body && body + 2 < end) {
		char *said = ldr_strndup(body + 2, (size_t)(end - body - 2));
		char *norm = ldr_text_normalise(said);
		s->message = norm ? norm : ldr_strdup("");
		free(said);
	} else {
		s->message = ldr_strdup("");
	}
}

int ldr_signoffs(struct ldr_repo *repo, struct ldr_signoff **v, size_t *n, struct ldr_buf *err)
{
	struct ldr_tag *tags;
	size_t nt, i, cap = 0;

	*v = NULL;
	*n = 0;
	if (ldr_repo_tags(repo, &tags, &nt, err) < 0)
		return -1;
	for (i = 0; i < nt; i++) {
		struct ldr_signoff *s;
		if (!tags[i].annotated || !ldr_tag_is_signoff(tags[i].name))
			continue;
		ldr_grow((void **)v, &cap, *n + 1, sizeof(**v));
		s = &(*v)[(*n)++];
		memset(s, 0, sizeof(*s));
		s->tag = ldr_strdup(tags[i].name);
		memcpy(s->commit, tags[i].commit, sizeof(s->commit));
		s->name = ldr_strdup(tags[i].tagger);
		s->email = ldr_strdup(tags[i].tagger_email ? tags[i].tagger_email : "");
		s->time = tags[i].time;
		s->offset = tags[i].offset;
		parse_message(s, tags[i].message);
	}
	ldr_tags_free(tags, nt);
	return 0;
}

void ldr_signoffs_free(struct ldr_signoff *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].tag);
		free(v[i].name);
		free(v[i].email);
		free(v[i].role);
		free(v[i].message);
	}
	free(v);
}

void ldr_signoff_text(struct ldr_buf *b, const struct ldr_signoff *s)
{
	size_t n = strcspn(s->message, "\n");
	char *first = ldr_strndup(s->message, n);

	ldr_buf_addstr(b, "signed off by ");
	ldr_buf_addquoted(b, s->name, 60);
	ldr_buf_addstr(b, " as ");
	ldr_buf_addquoted(b, s->role, LDR_ROLE_MAX);
	ldr_buf_addstr(b, ", ");
	ldr_date_format(b, s->time, s->offset);
	if (*first) {
		ldr_buf_addstr(b, ": ");
		ldr_buf_addquoted(b, first, 200);
	}
	free(first);
}

int ldr_signoff_of(const struct ldr_signoff *v, size_t n, const char *commit)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].commit, commit) == 0)
			return 1;
	return 0;
}

int ldr_signoff_require(struct ldr_repo *repo, const char *rev, struct ldr_buf *err)
{
	struct ldr_signoff *v;
	struct ldr_commit c;
	size_t n;
	int r;

	if (ldr_repo_resolve(repo, rev, &c, err) < 0)
		return -1;
	if (ldr_signoffs(repo, &v, &n, err) < 0) {
		ldr_commit_release(&c);
		return -1;
	}
	r = ldr_signoff_of(v, n, c.id);
	if (!r) {
		ldr_buf_addch(err, '\'');
		ldr_buf_addquoted(err, rev, 60);
		ldr_buf_addf(err, "' (%.7s) has not been signed off, and --signed wants a plan someone approved: "
			     "'ldr signoff ROADMAP --as ROLE' signs off HEAD; 'ldr signoff --list ROADMAP' "
			     "lists the sign-offs", c.id);
	}
	ldr_signoffs_free(v, n);
	ldr_commit_release(&c);
	return r;
}
