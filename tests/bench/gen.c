/* Generate a synthetic but realistic roadmap for benchmarks: projects in
 * layers one quarter apart, each depending on projects of earlier layers
 * (so the schedule holds together), capabilities delivered by them, all ten
 * universal capabilities. With --cycle N, N more projects that depend on
 * each other in one ring.
 *
 *   gen [--capabilities N] [--projects N] [--deps N] [--cycle N] [--seed S]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state = 88172645463325252ULL;

static unsigned long long next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

static long pick(long n)
{
	return n > 0 ? (long)(next() % (unsigned long long)n) : 0;
}

static const char *const groups[] = { "records", "transfers", "orders", "medicines", "decisions",
				      "remote", "assets", "mobile" };
#define LAYERS 16 /* quarters 16/17 Q1 to 19/20 Q4 */

static void quarter(int q, char *buf)
{
	int y = 16 + q / 4;
	sprintf(buf, "%02d/%02d Q%d", y, y + 1, q % 4 + 1);
}

static void year_of_layer(int q, char *buf)
{
	int y = 16 + q / 4;
	sprintf(buf, "%02d/%02d", y, y + 1);
}

int main(int argc, char **argv)
{
	long caps = 500, projects = 50, deps = 100, cycle = 0, i, d;
	char a[16], b[16];
	int k;

	for (k = 1; k + 1 < argc; k += 2) {
		long v = atol(argv[k + 1]);
		if (!strcmp(argv[k], "--capabilities")) caps = v;
		else if (!strcmp(argv[k], "--projects")) projects = v;
		else if (!strcmp(argv[k], "--deps")) deps = v;
		else if (!strcmp(argv[k], "--cycle")) cycle = v;
		else if (!strcmp(argv[k], "--seed")) state = (unsigned long long)v * 2654435761ULL + 1;
		else { fprintf(stderr, "gen: unknown option %s\n", argv[k]); return 64; }
	}
	if (projects < LAYERS)
		projects = LAYERS;
	printf("ldr: 1\nfootprint:\n  name: Synthetic footprint\n  version: '1.0'\n"
	       "  submitted: 2016-06\n  as_at: 2017-01\n  start: 16/17\n  end: 20/21\n"
	       "  schedule_end: 18/19\n  organisations:\n  - id: acute1\n    name: Acute trust\n"
	       "    type: acute\n    endorsed_by: Chief executive\ngroups:\n- id: mobile\n"
	       "  name: Mobile Working Infrastructure\n  description: Devices, connectivity and "
	       "single sign-on for staff who move between sites\n");
	printf("projects:\n");
	for (i = 0; i < projects; i++) {
		int layer = (int)(i * LAYERS / projects);
		long lo = (long)layer * projects / LAYERS; /* first project of this layer */
		long n = layer ? deps / projects + (i < deps % projects) : 0;
		quarter(layer, a);
		quarter(layer, b);
		printf("- id: P%05ld\n  ref: %ld\n  name: Project %ld of the synthetic programme\n"
		       "  description: Deliver the systems, the training and the change that "
		       "capability group %s needs in layer %d\n  group: %s\n"
		       "  benefits: [care-quality, efficiency]\n  start: %s\n  end: %s\n",
		       i, i + 1, i + 1, groups[i % 8], layer, groups[i % 8], a, b);
		if (n) {
			printf("  depends_on: [");
			for (d = 0; d < n; d++)
				printf("%sP%05ld", d ? ", " : "", pick(lo));
			printf("]\n");
		}
		printf("  status: planned\n");
	}
	for (i = 0; i < cycle; i++)
		printf("- id: R%05ld\n  name: Ring project %ld\n  depends_on: [R%05ld]\n", i, i,
		       (i + 1) % cycle);
	printf("capabilities:\n");
	for (i = 0; i < caps; i++) {
		long p = pick(projects);
		int layer = (int)(p * LAYERS / projects);
		year_of_layer(layer + 4 > LAYERS - 1 ? LAYERS - 1 : layer + 4, a);
		printf("- id: C%06ld\n  who: Clinicians in setting %ld\n  what: Can use digital "
		       "function %ld at the point of care\n  year: %s\n  group: %s\n  projects: [P%05ld]\n"
		       "  status: %s\n  attributes:\n    Solution: Solution %ld\n    Benefit: Care quality\n",
		       i, i % 97, i, a, groups[p % 8], p, layer < 4 ? "firm" : "aspirational", i % 13);
	}
	printf("universal_capabilities:\n");
	for (k = 1; k <= 10; k++) {
		int q;
		printf("- id: UC%02d\n  enabled: in-progress\n  baseline: 60%% of practices\n"
		       "  ambition:\n  - year: 16/17\n    text: 80%% of practices\n"
		       "  - year: 17/18\n    text: 95%% of practices\n  activities:\n", k);
		for (q = 0; q < 8; q++) {
			quarter(q, a);
			printf("  - id: UC%02d-A%d\n    quarter: %s\n    what: Activity %d\n    done: %s\n",
			       k, q + 1, a, q + 1, q == 0 ? "true" : "false");
		}
		printf("  solution: national\n  evidence: National and local metrics\n");
	}
	return 0;
}
