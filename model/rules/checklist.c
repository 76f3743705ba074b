/* The submission checklist (Annex 1): what answers each requirement. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "../roadmap/national.h"
#include "../roadmap/schema.h"
#include "../base/util.h"

enum uc_part { UC_BASELINE, UC_AMBITION, UC_ACTIVITIES, UC_RATIONALE, UC_EVIDENCE };

/* Whether all ten universal capabilities have a plan with this part. */
static int all_ucs(const struct ldr_roadmap *rm, enum uc_part part)
{
	size_t i, found = 0;
	for (i = 0; i < rm->ucs.len; i++) {
		const struct ldr_uc *uc = LDR_ITEM(rm->ucs, struct ldr_uc, i);
		int ok = part == UC_BASELINE ? uc->baseline != NULL
		       : part == UC_AMBITION ? uc->ambition.len > 0
		       : part == UC_ACTIVITIES ? uc->activities.len > 0
		       : part == UC_EVIDENCE ? uc->evidence != NULL
		       : uc->solution != LDR_SOLUTION_ALTERNATIVE || uc->rationale != NULL;
		if (!ok)
			return 0;
		found++;
	}
	return found == LDR_NATIONAL_UCS;
}

static size_t count_endorsed(const struct ldr_roadmap *rm)
{
	size_t i, n = 0;
	for (i = 0; i < rm->footprint.organisations.len; i++)
		n += LDR_ITEM(rm->footprint.organisations, struct ldr_org, i)->endorsed_by != NULL;
	return n;
}

/* Baselines for each of the seven national groups, and targets at all. */
static void scores(const struct ldr_roadmap *rm, int *groups_with_baseline, int *baselines,
		   int *targets)
{
	int seen[LDR_NATIONAL_GROUPS] = { 0 };
	size_t i, j, g;
	*baselines = *targets = *groups_with_baseline = 0;
	for (i = 0; i < rm->trajectory.len; i++) {
		const struct ldr_trajectory *t = LDR_ITEM(rm->trajectory, struct ldr_trajectory, i);
		for (j = 0; j < t->scores.len; j++) {
			const struct ldr_score *s = LDR_ITEM(t->scores, struct ldr_score, j);
			*targets += (int)s->targets.len;
			if (!s->baseline.set)
				continue;
			(*baselines)++;
			for (g = 0; g < LDR_NATIONAL_GROUPS; g++)
				if (s->group && !strcmp(s->group, ldr_national_groups[g].id))
					seen[g] = 1;
		}
	}
	for (g = 0; g < LDR_NATIONAL_GROUPS; g++)
		*groups_with_baseline += seen[g];
}

static int by_data(const struct ldr_roadmap *rm, enum ldr_answer a, struct ldr_buf *how)
{
	int groups, baselines, targets;
	scores(rm, &groups, &baselines, &targets);
	switch (a) {
	case LDR_ANSWER_RESPONSE:
		return 0;
	case LDR_ANSWER_ENDORSED:
		ldr_buf_addf(how, "%zu organisations with endorsed_by", count_endorsed(rm));
		return count_endorsed(rm) > 0;
	case LDR_ANSWER_ORGANISATIONS:
		ldr_buf_addf(how, "%zu organisations", rm->footprint.organisations.len);
		return rm->footprint.organisations.len > 0;
	case LDR_ANSWER_DMA:
		ldr_buf_addf(how, "%d baseline scores in the trajectory", baselines);
		return baselines > 0;
	case LDR_ANSWER_RISKS:
		ldr_buf_addf(how, "%zu risks", rm->risks.len);
		return rm->risks.len > 0;
	case LDR_ANSWER_FUNDING:
		ldr_buf_addf(how, "%zu funding sources", rm->funding.len);
		return rm->funding.len > 0;
	case LDR_ANSWER_PROJECTS:
		ldr_buf_addf(how, "%zu projects", rm->projects.len);
		return rm->projects.len > 0;
	case LDR_ANSWER_MATURITY:
		ldr_buf_addf(how, "baselines for %d of the 7 groups", groups);
		return groups == LDR_NATIONAL_GROUPS;
	case LDR_ANSWER_SCHEDULE:
		ldr_buf_addf(how, "%zu capabilities", rm->capabilities.len);
		return rm->capabilities.len > 0;
	case LDR_ANSWER_TRAJECTORY:
		ldr_buf_addf(how, "%d target scores", targets);
		return targets > 0;
	case LDR_ANSWER_UC_BASELINE:
		ldr_buf_addstr(how, "a baseline for each of the ten");
		return all_ucs(rm, UC_BASELINE);
	case LDR_ANSWER_UC_AMBITION:
		ldr_buf_addstr(how, "an ambition for each of the ten");
		return all_ucs(rm, UC_AMBITION);
	case LDR_ANSWER_UC_ACTIVITIES:
		ldr_buf_addstr(how, "activities for each of the ten");
		return all_ucs(rm, UC_ACTIVITIES);
	case LDR_ANSWER_UC_RATIONALE:
		ldr_buf_addstr(how, "a rationale wherever an alternative is used, for all ten");
		return all_ucs(rm, UC_RATIONALE);
	case LDR_ANSWER_UC_EVIDENCE:
		ldr_buf_addstr(how, "evidence for each of the ten");
		return all_ucs(rm, UC_EVIDENCE);
	}
	return 0;
}

void ldr_checklist_answers(const struct ldr_roadmap *rm, struct ldr_answered *out)
{
	size_t i, j;

	for (i = 0; i < LDR_CHECKLIST_SIZE; i++) {
		const struct ldr_requirement *req = &ldr_checklist[i];
		const struct ldr_response *resp = NULL;
		struct ldr_buf how = LDR_BUF_INIT;
		int data;

		for (j = 0; j < rm->checklist.len && !resp; j++)
			if (!strcmp(LDR_ITEM(rm->checklist, struct ldr_response, j)->id, req->id))
				resp = LDR_ITEM(rm->checklist, struct ldr_response, j);
		memset(&out[i], 0, sizeof(out[i]));
		out[i].req = req;
		data = by_data(rm, req->answer, &how);
		out[i].answered = data || resp;
		if (resp) {
			if (data) {
				ldr_buf_addstr(&how, "; ");
				ldr_buf_addstr(&how, resp->response);
			} else {
				ldr_buf_reset(&how);
				ldr_buf_addstr(&how, resp->response);
			}
			out[i].pos = resp->rec.pos;
		} else if (!data && req->answer != LDR_ANSWER_RESPONSE) {
			ldr_buf_addstr(&how, " only");
		}
		out[i].how_owned = ldr_buf_detach(&how);
		out[i].how = out[i].how_owned;
	}
}

void ldr_checklist_release(struct ldr_answered *a)
{
	size_t i;
	for (i = 0; i < LDR_CHECKLIST_SIZE; i++) {
		free(a[i].how_owned);
		a[i].how_owned = NULL;
	}
}
