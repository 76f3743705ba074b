/* What if it slips: the knock-on of moving planned times through the
 * dependencies, as a planner works it out (finish-to-start, nothing earlier
 * than it must be, nothing delivered moved):
 *
 *   - a project starts after each project it depends on has ended; when a
 *     predecessor now ends later, it moves later by as much as it must,
 *     keeping its duration, and its milestones move with it;
 *   - a capability is due once the projects that deliver it have ended, and
 *     not before a capability it depends on: when one of them now ends
 *     later, its year moves to the first one it can be delivered in;
 *   - a time moves by whole units of its own kind (a year by years, a
 *     quarter by quarters), never less than it must;
 *   - what is delivered (a status, or a delivered time) does not move;
 *   - nothing moves because of an order that was broken before the change:
 *     only a predecessor that moved pushes;
 *   - a cycle in the dependencies stops the knock-on, and is reported.
 *
 * Then what the moves break is listed: capabilities that now miss their
 * planned year, milestones that fall outside their project, universal
 * capability activities and ambitions due before a project they name now
 * ends, and times beyond the roadmap's horizon. */
#ifndef LDR_IMPACT_H
#define LDR_IMPACT_H

#include <stddef.h>

#include "../roadmap/roadmap.h"
#include "../roadmap/schema.h"
#include "../base/util.h"

/* A relative move as "+2Q", "-1Q", "+3m", "+1y": months (a quarter is 3, a
 * year 12). Returns 0, or -1 with a reason in err if s is not one. */
int ldr_shift_parse(const char *s, int *months, char *err, size_t errlen);

/* t moved by months, in whole units of its own kind, at least as far as
 * asked: 16/17 moved by +2 months is 17/18, 16/17 Q3 by -1 month 16/17 Q2. */
struct ldr_time ldr_time_moved(const struct ldr_time *t, int months);

enum ldr_impact_why {
	LDR_IMPACT_ASKED,     /* the change asked for */
	LDR_IMPACT_DEPENDS,   /* it depends on `by`, which now ends later */
	LDR_IMPACT_DELIVERED_BY, /* `by`, a project that delivers it, now ends later */
	LDR_IMPACT_WITH,      /* a milestone of `by`, which moved */
};

struct ldr_impact_move {
	const struct ldr_kind *kind;
	char *id, *field;     /* "P12", "end" */
	struct ldr_time from, to;
	enum ldr_impact_why why;
	char *by;             /* the record that pushed it, or NULL */
};

enum ldr_impact_note_kind {
	LDR_NOTE_MISSES_YEAR,   /* a capability now due after its planned year */
	LDR_NOTE_OUTSIDE,       /* a milestone now outside its project */
	LDR_NOTE_BEFORE_PROJECT, /* an activity or ambition now due before a project its capability names ends */
	LDR_NOTE_HORIZON,       /* a time now beyond the roadmap's end */
	LDR_NOTE_DELIVERED,     /* would have moved, but is delivered */
	LDR_NOTE_CYCLE,         /* the knock-on stops at a cycle */
};

struct ldr_impact_note {
	enum ldr_impact_note_kind kind;
	char *id;
	char *text; /* one line, saying what and why */
};

struct ldr_impact {
	struct ldr_impact_move *moves;
	size_t nmoves;
	struct ldr_impact_note *notes;
	size_t nnotes;
};

/* A change asked for: a planned time of a record (a project's start or
 * end, a capability's year, a milestone's due, an activity's quarter),
 * absolute (to) or relative (months, when to is unset). */
struct ldr_impact_change {
	const char *id, *field;
	struct ldr_time to;
	int months;
};

/* Parse "ID.FIELD=VALUE" (VALUE a time or a relative move). Returns 0, or
 * -1 with a reason in err. id and field point into s's copy held by c (free
 * c->id). */
int ldr_impact_change_parse(struct ldr_impact_change *c, const char *s, struct ldr_buf *err);

/* Make the changes in rm and everything they push, and say what moved and
 * what it breaks. Returns 0, or -1 with a reason in err when a change
 * cannot be made (an unknown record or field, a value of the wrong kind):
 * rm is then unchanged. */
int ldr_impact_run(struct ldr_impact *im, struct ldr_roadmap *rm, const struct ldr_impact_change *changes,
		   size_t n, struct ldr_buf *err);
void ldr_impact_release(struct ldr_impact *im);

/* The same, saying before each change which top-level record it changes
 * (a project, for its milestones; a universal capability, for its
 * activities), so that the interface can keep a copy of what it was for
 * undo, and put it back when the knock-on is not wanted: touch(ctx, kind,
 * record), perhaps more than once for one record. */
typedef void ldr_impact_touch_fn(void *ctx, const struct ldr_kind *kind, void *top);
int ldr_impact_run_touching(struct ldr_impact *im, struct ldr_roadmap *rm, const struct ldr_impact_change *changes,
			    size_t n, ldr_impact_touch_fn *touch, void *ctx, struct ldr_buf *err);

/* "moved 2 quarters later", "12 months later": how far a move went. */
void ldr_impact_move_text(struct ldr_buf *b, const struct ldr_impact_move *m);

/* One move as 'ldr impact' and the interface say it: "P08 start 17/18 Q3 ->
 * 18/19 Q1: 2 quarters later (depends on P12)", the id quoted as untrusted
 * text. */
void ldr_impact_move_line(struct ldr_buf *b, const struct ldr_impact_move *m);

/* The heading of a kind of note: "Capabilities that now miss their planned
 * year". */
const char *ldr_impact_note_title(enum ldr_impact_note_kind k);

/* The notes as 'ldr impact' and the interface list them: by kind, each
 * kind under its heading, a note a line, indented, its text appended by
 * add (which quotes it for where it goes). */
void ldr_impact_notes_text(struct ldr_buf *b, const struct ldr_impact *im,
			   void (*add)(struct ldr_buf *b, const char *text));

#endif
