/* The roadmap: plain C types for one footprint's Local Digital Roadmap, as
 * described in ldr-format(5). Strings are owned (malloc'd) and NULL when
 * empty; lists hold their records by value. Every record begins with a
 * struct ldr_rec that carries where it was read from.
 *
 * The layout of each record is described once, in schema.c; loading,
 * saving, comparing, copying and freeing are done generically from there. */
#ifndef LDR_ROADMAP_H
#define LDR_ROADMAP_H

#include <stddef.h>

#include "../base/hash.h"
#include "timeline.h"

struct ldr_pos {
	unsigned line, col; /* 1-based; 0 when not read from a file */
};

/* Where a field's value was read. */
struct ldr_fpos {
	unsigned field; /* index into the kind's fields */
	struct ldr_pos pos;
};

struct ldr_rec {
	struct ldr_pos pos; /* the record's mapping */
	struct ldr_fpos *fpos;
	unsigned nfpos;
	/* The roadmap's own record only: every line of its file ended in CR LF,
	 * and so will every line written (a file written by a Windows editor
	 * stays as it was). */
	unsigned char crlf;
};

/* A list of strings (ids, names), each with its position. */
struct ldr_strv {
	char **v;
	struct ldr_pos *pos;
	size_t n;
};

/* A mapping of names to one-line values (attributes, derived). */
struct ldr_kv {
	char *key, *value;
	struct ldr_pos pos;
};
struct ldr_map {
	struct ldr_kv *v;
	size_t n;
};

/* A list of records of one kind, stored by value. */
struct ldr_list {
	void *items;
	size_t len, cap;
};
#define LDR_ITEM(list, type, i) (&((type *)(list).items)[i])

/* A whole number that may be absent. */
struct ldr_int {
	long long v;
	int set;
};

/* Enumerations are stored as 1 + the index of the value in the field's
 * list, 0 meaning unset; these constants follow the lists in schema.c. */
enum ldr_org_type {
	LDR_ORG_COMMISSIONER = 1, LDR_ORG_ACUTE, LDR_ORG_COMMUNITY, LDR_ORG_MENTAL_HEALTH,
	LDR_ORG_AMBULANCE, LDR_ORG_OUT_OF_HOURS, LDR_ORG_PRIMARY_CARE, LDR_ORG_LOCAL_AUTHORITY,
	LDR_ORG_SUPPORT, LDR_ORG_BOARD, LDR_ORG_OTHER,
};
enum ldr_horizon { LDR_HORIZON_SHORT = 1, LDR_HORIZON_MEDIUM, LDR_HORIZON_LONG };
enum ldr_benefit { /* bits of ldr_project.benefits */
	LDR_BENEFIT_CARE_QUALITY = 1 << 0,
	LDR_BENEFIT_EFFICIENCY = 1 << 1,
	LDR_BENEFIT_WELLBEING = 1 << 2,
};
enum ldr_project_status {
	LDR_PROJECT_PROPOSED = 1, LDR_PROJECT_PLANNED, LDR_PROJECT_IN_PROGRESS,
	LDR_PROJECT_DELIVERED, LDR_PROJECT_ON_HOLD, LDR_PROJECT_DROPPED,
};
enum ldr_milestone_status {
	LDR_MILESTONE_PLANNED = 1, LDR_MILESTONE_AT_RISK, LDR_MILESTONE_DONE,
	LDR_MILESTONE_MISSED, LDR_MILESTONE_DROPPED,
};
enum ldr_capability_status {
	LDR_CAP_FIRM = 1, LDR_CAP_ASPIRATIONAL, LDR_CAP_IN_PROGRESS, LDR_CAP_DELIVERED,
	LDR_CAP_DEFERRED, LDR_CAP_DROPPED,
};
enum ldr_uc_enabled {
	LDR_UC_NOT_STARTED = 1, LDR_UC_IN_PROGRESS, LDR_UC_INITIATIVES_IDENTIFIED, LDR_UC_COMPLETE,
};
/* The kind of document (footprint.kind): a Local Digital Roadmap, or a
 * programme plan of commitments, which the LDR-only rules leave alone. */
enum ldr_doc_kind { LDR_DOC_LDR = 1, LDR_DOC_PROGRAMME };
/* A rule setting's enabled: unset (0) keeps the profile's choice. */
enum ldr_switch { LDR_SWITCH_ON = 1, LDR_SWITCH_OFF };
enum ldr_solution { LDR_SOLUTION_NATIONAL = 1, LDR_SOLUTION_ALTERNATIVE };
enum ldr_rag { LDR_RAG_RED = 1, LDR_RAG_AMBER, LDR_RAG_YELLOW, LDR_RAG_GREEN };

struct ldr_org {
	struct ldr_rec rec;
	char *id, *name;
	int type;
	char *role, *endorsed_by, *notes;
	struct ldr_map derived;
};

struct ldr_footprint {
	struct ldr_rec rec;
	char *name;
	int kind;     /* enum ldr_doc_kind; 0: ldr */
	char *title;  /* what the exports and the interface call it; NULL: by kind */
	char *version, *status;
	struct ldr_time published, submitted, as_at, start, end, schedule_end;
	char *lead_ccg;
	struct ldr_strv partner_ccgs;
	struct ldr_list organisations; /* struct ldr_org */
	char *notes;
	struct ldr_map derived;
};

struct ldr_group {
	struct ldr_rec rec;
	char *id, *name, *description, *notes;
	struct ldr_map derived;
};

struct ldr_priority {
	struct ldr_rec rec;
	char *id, *title, *description;
	int horizon;
	char *notes;
	struct ldr_map derived;
};

/* An interim checkpoint of a milestone ("50% by December"). */
struct ldr_checkpoint {
	struct ldr_rec rec;
	struct ldr_time when; /* the key: unique within its milestone */
	char *what;
	int status;           /* enum ldr_milestone_status */
	struct ldr_time delivered;
};

struct ldr_milestone {
	struct ldr_rec rec;
	char *id, *what;      /* what: the commitment as written, of any lines */
	struct ldr_time due;  /* may be "by", "from" or "tbc" (enum ldr_time_qual) */
	int status;
	struct ldr_time delivered;
	char *owner;
	struct ldr_list checkpoints; /* struct ldr_checkpoint */
	char *notes;
	struct ldr_map derived;
};

struct ldr_project {
	struct ldr_rec rec;
	char *id;
	struct ldr_int ref;
	char *name, *description, *group, *priority;
	unsigned benefits;
	struct ldr_time start, end;
	struct ldr_strv depends_on;
	int status;
	struct ldr_time delivered;
	struct ldr_int cost;
	char *notes;
	struct ldr_list milestones; /* struct ldr_milestone */
	struct ldr_map derived;
};

struct ldr_capability {
	struct ldr_rec rec;
	char *id, *who, *what;
	struct ldr_time year;
	char *group;
	struct ldr_strv projects, depends_on;
	int status;
	struct ldr_time delivered;
	struct ldr_map attributes;
	char *notes;
	struct ldr_map derived;
};

struct ldr_ambition {
	struct ldr_rec rec;
	struct ldr_time year;
	char *text;
};

struct ldr_activity {
	struct ldr_rec rec;
	char *id;
	struct ldr_time quarter;
	char *what;
	int done;
	struct ldr_time delivered; /* when it was done; unset: not said */
	char *notes;
	struct ldr_map derived;
};

struct ldr_uc {
	struct ldr_rec rec;
	char *id;
	int enabled;
	char *uptake, *baseline;
	struct ldr_list ambition;   /* struct ldr_ambition */
	struct ldr_list activities; /* struct ldr_activity */
	int solution;
	char *rationale, *evidence;
	struct ldr_strv projects;
	char *notes;
	struct ldr_map derived;
};

struct ldr_target {
	struct ldr_rec rec;
	struct ldr_time year;
	struct ldr_int score;
};

struct ldr_score {
	struct ldr_rec rec;
	char *group;
	struct ldr_int baseline;
	struct ldr_list targets; /* struct ldr_target */
};

struct ldr_trajectory {
	struct ldr_rec rec;
	char *id, *provider;
	struct ldr_time baseline_year;
	char *source;
	struct ldr_list scores; /* struct ldr_score */
	char *notes;
	struct ldr_map derived;
};

struct ldr_risk {
	struct ldr_rec rec;
	char *id, *factor, *description, *impact;
	int rag;
	char *notes;
	struct ldr_map derived;
};

struct ldr_funding {
	struct ldr_rec rec;
	char *id, *source, *value;
	struct ldr_int amount;
	char *details, *notes;
	struct ldr_map derived;
};

/* An unresolved merge conflict (merge.h): one field of one record changed
 * differently on both sides, or a record removed on one side and changed
 * on the other. The record holds ours; the entry keeps all three values. */
enum ldr_side { LDR_SIDE_OURS = 1, LDR_SIDE_THEIRS };
struct ldr_conflict {
	struct ldr_rec rec;
	char *record;       /* the record's id, or "footprint" */
	char *field;        /* a field or a path ("ambition[17/18].text"); NULL: the record */
	int removed;        /* enum ldr_side: removed on that side, changed on the other */
	char *base, *ours, *theirs; /* the values as text; NULL: unset (or absent) */
};

/* A response to a requirement of the submission checklist (Annex 1). */
struct ldr_response {
	struct ldr_rec rec;
	char *id; /* CL01 ... CL33, built in */
	char *response, *notes;
	struct ldr_map derived;
};

/* A rule switched on or off by the file (rules:), with the reason. */
struct ldr_rule_setting {
	struct ldr_rec rec;
	char *rule;             /* a rule's id (check.h) */
	int enabled;            /* enum ldr_switch; 0: as the profile has it */
	struct ldr_int months;  /* a rule's figure (tbc-old: how old a tbc may be) */
	char *reason;
};

struct ldr_roadmap {
	struct ldr_rec rec;
	struct ldr_int format; /* the "ldr:" version */
	struct ldr_footprint footprint;
	struct ldr_list groups;       /* struct ldr_group */
	struct ldr_list priorities;   /* struct ldr_priority */
	struct ldr_list projects;     /* struct ldr_project */
	struct ldr_list capabilities; /* struct ldr_capability */
	struct ldr_list ucs;          /* struct ldr_uc: universal_capabilities */
	struct ldr_list trajectory;   /* struct ldr_trajectory */
	struct ldr_list risks;        /* struct ldr_risk */
	struct ldr_list funding;      /* struct ldr_funding */
	struct ldr_list checklist;    /* struct ldr_response */
	struct ldr_list rules;        /* struct ldr_rule_setting */
	struct ldr_list conflicts;    /* struct ldr_conflict: left by a merge */
	/* Loaded for reading only (ldr_roadmap_load, LDR_LOAD_FROZEN): the
	 * strings, the positions and the mappings are in this arena, not one
	 * allocation each (a value met again is kept once), and are freed with
	 * it by ldr_roadmap_release; no part of such a roadmap may be freed or
	 * replaced alone (a copy, ldr_rec_copy, is the copy's own). NULL for
	 * every other roadmap. */
	struct ldr_arena *frozen;
};

#define LDR_FORMAT_VERSION 1

struct ldr_diag;
struct ldr_buf;

/* Whether s is a valid id: 1 to 64 of [A-Za-z0-9_-], not starting with _ or -. */
int ldr_id_valid(const char *s);

/* Read a roadmap from YAML text (len bytes). Returns 0, or -1 with the
 * errors, each with its position, in diag; warnings may be added either
 * way. rm is initialised here and must be released in both cases. */
int ldr_roadmap_read(struct ldr_roadmap *rm, const char *buf, size_t len, struct ldr_diag *diag);

struct ldr_arena;

/* The same, reading the text from fd as it is decoded, so that it is not
 * held whole. Returns 0 or -1 as ldr_roadmap_read; or 1 when the text must
 * be read whole (an error of YAML, or what only the text can place): then
 * diag may hold some messages of no use, and rm must be released and the
 * file read again from its start with ldr_roadmap_read. */
int ldr_roadmap_read_fd(struct ldr_roadmap *rm, int fd, unsigned flags, struct ldr_diag *diag);
enum {
	/* Whoever reads the roadmap only reads it (ldr check): it may be kept
	 * in one arena (rm->frozen), without malloc's overhead on each string. */
	LDR_LOAD_FROZEN = 1,
};

/* Write the roadmap as canonical YAML to out (appended). Returns 0, or -1
 * with a message in err. */
int ldr_roadmap_write(const struct ldr_roadmap *rm, struct ldr_buf *out, struct ldr_buf *err);

void ldr_roadmap_init(struct ldr_roadmap *rm);
void ldr_roadmap_release(struct ldr_roadmap *rm);
/* Whether two roadmaps hold the same data (positions are not compared). */
int ldr_roadmap_equal(const struct ldr_roadmap *a, const struct ldr_roadmap *b);
/* Whether the roadmap is a programme plan (footprint.kind), and what its
 * exports and the interface call it: footprint.title, else by kind
 * ("Local Digital Roadmap", "Delivery plan"). */
int ldr_roadmap_is_programme(const struct ldr_roadmap *rm);
const char *ldr_roadmap_title(const struct ldr_roadmap *rm);
/* The plan of the universal capability with this id (UC04), or NULL. */
const struct ldr_uc *ldr_roadmap_uc(const struct ldr_roadmap *rm, const char *id);

#endif
