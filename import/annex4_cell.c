/* Annex 4: a quarter's cell of activities, a bullet each, as the export
 * writes them ("• Roll out to GPs ✓ done 2016-07") or as people list them
 * (a line each); and the note on the cell, which says which activities'
 * values were derived and why ("UC01-A3 quarter: the reason"). */
#include <stdlib.h>
#include <string.h>

#include "annex4.h"

#define TICK "\xE2\x9C\x93"
#define HEAVY_TICK "\xE2\x9C\x94"

/* The length of the bullet that begins line (and the blank after it), or 0. */
static size_t bullet(const char *line)
{
	static const char *const marks[] = { "\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "-", "*" };
	size_t i, n;

	for (i = 0; i < LDR_ARRAY_SIZE(marks); i++) {
		n = strlen(marks[i]);
		if (!strncmp(line, marks[i], n) && (line[n] == ' ' || line[n] == '\t'))
			return n + 1;
	}
	return 0;
}

/* The last tick in s, or NULL. */
static char *last_tick(char *s)
{
	char *p, *found = NULL;

	for (p = s; (p = strstr(p, "\xE2\x9C")) != NULL; p += 3)
		if (p[2] == '\x93' || p[2] == '\x94')
			found = p;
	return found;
}

/* "... ✓ done 2016-07": done, and when. A tick followed by other words is
 * part of the text. */
static void done_mark(struct a4 *a, struct a4_bullet *b)
{
	char *tick = last_tick(b->what), *rest, *end;
	int said;

	if (!tick)
		return;
	for (rest = tick + 3; *rest == ' '; rest++)
		;
	said = !strncmp(rest, "done", 4) && (rest[4] == ' ' || !rest[4]);
	for (rest += said ? 4 : 0; *rest == ' '; rest++)
		;
	if (*rest && imp_parse_time(rest, LDR_TIME_ANY, &b->delivered) < 0) {
		memset(&b->delivered, 0, sizeof(b->delivered));
		if (said)
			imp_error(a->im, b->at.s, b->at.row, b->at.col, "%s after '\xE2\x9C\x93 done' is not a "
				  "time (as in '\xE2\x9C\x93 done 2016-07')", imp_q(a->im, rest));
		return;
	}
	b->done = 1;
	for (end = tick; end > b->what && end[-1] == ' '; end--)
		;
	*end = '\0';
}

static struct a4_bullet *new_bullet(struct a4_uc *u, const struct imp_at *at, const struct ldr_time *q,
				    const char *text)
{
	struct a4_bullet *b;

	u->bullets = ldr_realloc(u->bullets, (u->nbullets + 1) * sizeof(*u->bullets));
	b = &u->bullets[u->nbullets++];
	memset(b, 0, sizeof(*b));
	b->quarter = *q;
	b->what = ldr_strdup(text);
	b->at = *at;
	b->match = -1;
	return b;
}

/* Append a line that goes on from the bullet before (what is one line). */
static void go_on(struct a4_bullet *b, const char *line)
{
	struct ldr_buf t = LDR_BUF_INIT;

	ldr_buf_addf(&t, "%s %s", b->what, line);
	free(b->what);
	b->what = ldr_buf_detach(&t);
}

/* ---- the note ---------------------------------------------------------------------------- */

/* "UC01-A3 quarter: reason": the id and the field; 0 when line is not one. */
static int reason_head(const char *line, size_t *id_len, size_t *field_len)
{
	const char *p = line + strcspn(line, " ");
	char *id, *field;
	int ok;

	*id_len = (size_t)(p - line);
	if (!*id_len || *p != ' ')
		return 0;
	*field_len = strcspn(p + 1, " :");
	if (!*field_len || p[1 + *field_len] != ':' || p[2 + *field_len] != ' ')
		return 0;
	id = ldr_strndup(line, *id_len);
	field = ldr_strndup(p + 1, *field_len);
	ok = ldr_id_valid(id) && ldr_kind_field(&ldr_kind_activity, field) > 0;
	free(id);
	free(field);
	return ok;
}

static void add_reason(struct a4_uc *u, const struct imp_at *at, const char *line, size_t id_len, size_t field_len)
{
	struct a4_reason *r;

	u->reasons = ldr_realloc(u->reasons, (u->nreasons + 1) * sizeof(*u->reasons));
	r = &u->reasons[u->nreasons++];
	memset(r, 0, sizeof(*r));
	r->id = ldr_strndup(line, id_len);
	r->field = ldr_strndup(line + id_len + 1, field_len);
	r->reason = ldr_strdup(line + id_len + field_len + 3);
	r->at = *at;
}

static void more_reason(struct a4_reason *r, const char *line)
{
	struct ldr_buf b = LDR_BUF_INIT;

	ldr_buf_addf(&b, "%s\n%s", r->reason, line);
	free(r->reason);
	r->reason = ldr_buf_detach(&b);
}

/* The reasons of the note on the cell; the number of activities it names. */
static size_t note_reasons(struct a4_uc *u, const struct imp_at *at, size_t *first)
{
	const char *note = imp_reason(at);
	char *copy = note ? ldr_strdup(note) : NULL, *line, *save = NULL;
	size_t id_len, field_len, i, named = 0;

	*first = u->nreasons;
	for (line = copy ? strtok_r(copy, "\n", &save) : NULL; line; line = strtok_r(NULL, "\n", &save)) {
		if (reason_head(line, &id_len, &field_len))
			add_reason(u, at, line, id_len, field_len);
		else if (u->nreasons > *first)
			more_reason(&u->reasons[u->nreasons - 1], line);
	}
	for (i = *first; i < u->nreasons; i++)
		named += i == *first || strcmp(u->reasons[i].id, u->reasons[i - 1].id) != 0;
	free(copy);
	return named;
}

/* When the note names as many activities as the cell has, in the same
 * order (as the export writes them), each bullet's id is known. */
static void ids_from_note(struct a4_uc *u, size_t first_bullet, size_t first_reason, size_t named)
{
	size_t i, k = first_bullet;

	if (named != u->nbullets - first_bullet)
		return;
	for (i = first_reason; i < u->nreasons; i++)
		if (i == first_reason || strcmp(u->reasons[i].id, u->reasons[i - 1].id) != 0)
			u->bullets[k++].id = ldr_strdup(u->reasons[i].id);
}

void a4_bullets(struct a4 *a, struct a4_uc *u, const struct imp_at *at, const struct ldr_time *quarter)
{
	char *text = NULL, *line, *save = NULL;
	size_t first = u->nbullets, first_reason, named, i;
	int marked = 0;

	if (imp_text(a->im, at, 1, &text) < 0 || !text)
		return;
	for (line = text; *line; line += strcspn(line, "\n") + (line[strcspn(line, "\n")] != 0))
		marked |= bullet(line) > 0;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		size_t n = bullet(line);
		while (line[n] == ' ')
			n++;
		if (!line[n])
			continue;
		if (n || !marked || u->nbullets == first)
			new_bullet(u, at, quarter, line + n);
		else
			go_on(&u->bullets[u->nbullets - 1], line);
	}
	for (i = first; i < u->nbullets; i++)
		done_mark(a, &u->bullets[i]);
	named = note_reasons(u, at, &first_reason);
	ids_from_note(u, first, first_reason, named);
	free(text);
}
