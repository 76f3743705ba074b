/* Generate synthetic but realistic roadmaps for the benchmarks: what a
 * footprint's file holds, in the proportions real ones have (the Derbyshire
 * roadmap is the model): organisations, local groups, priorities, projects
 * in layers one quarter apart, each depending on projects of earlier layers
 * (so that the schedule mostly holds together), some with milestones, a
 * cost or notes of several lines; capabilities delivered by them, some
 * phased (the same what for a wider who a year later), some depending on
 * earlier ones, with attributes and the odd derived year; all ten universal
 * capabilities with baselines, ambitions and activities whose figures vary
 * by footprint; Digital Maturity trajectories, risks, funding and checklist
 * responses. A few records are wrong on purpose (about one in two hundred),
 * as in real roadmaps, so that the checks have something to say.
 *
 *   gen [--capabilities N] [--projects N] [--deps N] [--cycle N] [--chain N] [--seed S]
 *       [--name TEXT]
 *       one roadmap on standard output; --deps counts the depends_on links
 *       of projects and capabilities together; --cycle N adds N projects
 *       that depend on each other in one ring, --chain N a chain of N
 *       projects, each starting the month after the one before ends
 *   gen --footprints N --out DIR [--seed S]
 *       N footprints of the sizes the guidance describes (dozens of
 *       projects, up to hundreds of capabilities each) as DIR/fp-01.yaml...
 *
 * Deterministic: the same options give the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LAYERS 16 /* quarters 16/17 Q1 to 19/20 Q4 */

struct opts {
	long caps, projects, deps, cycle, chain;
	const char *name;
};

static unsigned long long state = 88172645463325252ULL;

static void seed(unsigned long long s)
{
	state = s * 2654435761ULL + 88172645463325252ULL;
	if (!state)
		state = 1;
}

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

/* One chance in n. */
static int one_in(long n)
{
	return pick(n) == 0;
}

static long between(long lo, long hi)
{
	return lo + pick(hi - lo + 1);
}

#define PICK(a) (a)[pick((long)(sizeof(a) / sizeof((a)[0])))]

static const char *const national[] = { "records", "transfers", "orders", "medicines",
					"decisions", "remote", "assets" };
static const char *const locals[] = { "mobile", "collaboration", "analytics", "ldr-team" };
static const char *const local_names[] = {
	"Mobile Working Infrastructure", "Collaborative Working and Shared Infrastructure",
	"Data Analysis and Insight Capability", "LDR Capability",
};
static const char *const who[] = {
	"A&E clinicians", "GPs", "Community nurses", "Social workers", "Community pharmacists",
	"Ambulance crews", "Mental health teams", "Midwives", "Out-of-hours GPs", "Care home staff",
	"Hospital consultants", "Health visitors", "Patients", "Carers", "111 call handlers",
	"Discharge teams", "Acute pharmacists", "Therapists", "School nurses", "Hospice staff",
};
static const char *const wider[] = {
	"and community nurses", "and social workers", "across the footprint", "and care homes",
	"in all settings", "and out-of-hours services",
};
static const char *const what[] = {
	"Can view GP-held medications, allergies and adverse reactions",
	"Can share care plans electronically",
	"Receive discharge summaries electronically within 24 hours",
	"Can order tests and view results electronically",
	"Can prescribe and administer medicines digitally",
	"Can book appointments online",
	"Can see end-of-life preferences",
	"Can see child protection information",
	"Are alerted by decision support at the point of care",
	"Can consult patients by video",
	"Can track assets and equipment across sites",
	"Can use single sign-on to clinical systems",
	"Can refer electronically to secondary care",
	"Can record assessments on mobile devices",
	"Can view the shared care record",
};
static const char *const org_types[] = { "acute", "community", "mental-health", "ambulance",
					 "primary-care", "local-authority", "commissioner" };
static const char *const solutions[] = { "EMIS Web", "SystmOne", "Cerner Millennium", "Lorenzo",
					 "Medical Interoperability Gateway", "Graphnet CareCentric",
					 "Orion Health", "In-house portal" };
static const char *const benefits[] = { "Care quality", "Efficiency", "Wellbeing" };
static const char *const rags[] = { "red", "amber", "yellow", "green" };

/* Times: layer q is quarter q from 16/17 Q1. */
static void quarter(int q, char *buf)
{
	int y = 16 + (q & 63) / 4;
	snprintf(buf, 16, "%02d/%02d Q%d", y, y + 1, (q & 3) + 1);
}

static void year(int fy, char *buf)
{
	snprintf(buf, 16, "%02d/%02d", fy & 127, (fy & 127) + 1);
}

/* The calendar month at the end of quarter q, for delivered dates. */
static void month_of(int q, char *buf)
{
	int m = 3 * ((q & 63) % 4) + 6; /* 6, 9, 12, 15 */
	int y = 2016 + (q & 63) / 4 + (m > 12);
	snprintf(buf, 16, "%d-%02d", y, (m - 1) % 12 + 1);
}

static int layer_of(long i, long n)
{
	return (int)(i * LAYERS / n);
}

/* ---- the footprint ------------------------------------------------------ */

static void footprint(const struct opts *o)
{
	long i, norgs = between(3, 12);

	printf("ldr: 1\nfootprint:\n  name: %s\n  version: '%ld.%ld'\n  status: Publication version\n"
	       "  published: 2017-01\n  submitted: 2016-06\n  as_at: 2017-10\n"
	       "  start: 16/17\n  end: 20/21\n  schedule_end: 18/19\n", o->name, between(1, 3),
	       between(0, 9));
	printf("  lead_ccg: %s CCG\n  partner_ccgs:\n", o->name);
	for (i = 0; i < between(1, 4); i++)
		printf("  - Partner CCG %ld of %s\n", i + 1, o->name);
	printf("  organisations:\n");
	for (i = 0; i < norgs; i++) {
		printf("  - id: org%ld\n    name: Organisation %ld of the footprint\n    type: %s\n", i + 1,
		       i + 1, i < 3 ? org_types[i] : PICK(org_types));
		if (i < 3)
			printf("    role: Partner in the programme board\n    endorsed_by: Chief executive %ld\n",
			       i + 1);
		if (one_in(3))
			printf("    notes: |\n      NHS number adoption: %ld%% of records.\n"
			       "      SNOMED CT by December 2017; dm+d complete.\n", between(60, 99));
	}
	printf("  notes: |\n    A synthetic footprint for benchmarks, shaped like a real one.\n"
	       "    Its figures are made up; its proportions are not.\n");
	printf("groups:\n");
	for (i = 0; i < (long)(sizeof(locals) / sizeof(locals[0])); i++)
		printf("- id: %s\n  name: %s\n  description: A locally defined group of the footprint\n",
		       locals[i], local_names[i]);
	printf("priorities:\n");
	for (i = 0; i < 12; i++)
		printf("- id: PR%02ld\n  title: Local priority %ld\n  horizon: %s\n", i + 1, i + 1,
		       i < 4 ? "short" : i < 9 ? "medium" : "long");
}

/* ---- projects -------------------------------------------------------------- */

static const char *group_of(long i)
{
	return i % 9 < 7 ? national[i % 9 % 7] : locals[i % 9 - 7];
}

/* The review date, as_at 2017-10: in layer 6 (17/18 Q3). */
#define NOW 6

/* Depends_on of project i (in layer 'layer'): n distinct projects that end
 * before it starts, but for one in three hundred, which is an ordering to
 * fix. */
static void project_deps(long i, int layer, long n, long projects, const int *ends)
{
	long lo = (long)layer * projects / LAYERS, d, k, got = 0, p;
	long *chosen = calloc((size_t)n + 1, sizeof(*chosen));
	int tries;

	if (!chosen)
		exit(70);
	for (d = 0; d < n && lo > 0; d++) {
		for (tries = 0, p = pick(lo); ends[p] >= layer && tries < 8; tries++)
			p = pick(lo);
		if (one_in(300))
			p = i - 1;
		for (k = 0; k < got && chosen[k] != p; k++)
			;
		if (k == got && p != i)
			chosen[got++] = p;
	}
	if (got) {
		printf("  depends_on: [");
		for (k = 0; k < got; k++)
			printf("%sP%05ld", k ? ", " : "", chosen[k]);
		printf("]\n");
	}
	free(chosen);
}

/* Each project ends 0 to 3 quarters after it starts. */
static int *project_ends(long projects)
{
	int *ends = calloc((size_t)projects + 1, sizeof(*ends));
	long i;

	if (!ends)
		exit(70);
	for (i = 0; i < projects; i++) {
		int e = layer_of(i, projects) + (int)between(0, 3);
		ends[i] = e > LAYERS - 1 ? LAYERS - 1 : e;
	}
	return ends;
}

static void projects(const struct opts *o, long deps, const int *ends)
{
	long i, m, first = (o->projects + LAYERS - 1) / LAYERS, rest = o->projects - first;
	char a[16], b[16];

	printf("projects:\n");
	for (i = 0; i < o->projects; i++) {
		int layer = layer_of(i, o->projects), end = ends[i];
		long k = i - first, n = layer && k >= 0 ? deps / rest + (k < deps % rest) : 0;
		const char *status = end < NOW ? "delivered" : layer <= NOW ? "in-progress" : "planned";

		if (one_in(40))
			status = one_in(2) ? "on-hold" : "dropped";
		quarter(layer, a);
		quarter(end, b);
		printf("- id: P%05ld\n  ref: %ld\n  name: %s, phase %ld\n", i, i + 1, PICK(what), i % 3 + 1);
		printf("  description: Deliver the systems, the training and the change that %s needs "
		       "in layer %d\n", group_of(i), layer);
		printf("  group: %s\n  priority: PR%02ld\n  benefits: [care-quality%s]\n  start: %s\n  end: %s\n",
		       group_of(i), i % 12 + 1, one_in(2) ? ", efficiency" : "", a, b);
		project_deps(i, layer, n, o->projects, ends);
		printf("  status: %s\n", status);
		if (!strcmp(status, "delivered")) {
			month_of(end, a);
			printf("  delivered: %s\n", a);
		}
		if (one_in(3))
			printf("  cost: %ld\n", between(20, 2000) * 1000);
		if (one_in(4))
			printf("  notes: |\n    Phase %ld of the work stream; the business case was approved "
			       "by the programme board.\n    Depends on the infrastructure work of the "
			       "earlier layers.\n", i % 3 + 1);
		if (one_in(5)) {
			printf("  milestones:\n");
			for (m = 0; m < between(1, 3); m++) {
				quarter(layer + (int)(m * (end - layer) / 3), a);
				printf("  - id: P%05ld-M%ld\n    what: Milestone %ld of the project\n"
				       "    due: %s\n    status: %s\n", i, m + 1, m + 1, a,
				       layer + m * (end - layer) / 3 < NOW ? "done\n    delivered: 2017-09" : "planned");
			}
		}
	}
	for (i = 0; i < o->cycle; i++)
		printf("- id: R%05ld\n  name: Ring project %ld\n  depends_on: [R%05ld]\n", i, i,
		       (i + 1) % o->cycle);
	/* A chain, each a month long and starting the month after the one
	 * before it ends: a slip at its head moves them all, until the
	 * months a roadmap can name run out (3,600 from 1900-01). */
	for (i = 0; i < o->chain; i++) {
		long mo = i % 3600;
		printf("- id: K%05ld\n  name: Chain project %ld\n  start: %04ld-%02ld\n  end: %04ld-%02ld\n", i, i,
		       1900 + mo / 12, mo % 12 + 1, 1900 + mo / 12, mo % 12 + 1);
		if (i)
			printf("  depends_on: [K%05ld]\n", i - 1);
	}
}

/* ---- capabilities -------------------------------------------------------- */

/* The earlier capability a phased one widens: its who, what, project and year. */
struct phase {
	long id, who, what, project;
	int fy;
};

static void capabilities(const struct opts *o, long deps, const int *ends)
{
	struct phase prev = { -1, 0, 0, 0, 0 };
	signed char *fys = calloc((size_t)o->caps + 1, 1);
	long i, d;
	char a[16];

	if (!fys)
		exit(70);

	printf("capabilities:\n");
	for (i = 0; i < o->caps; i++) {
		int phased = prev.id >= 0 && one_in(10);
		long p = phased ? prev.project : pick(o->projects), w = pick(15);
		int layer = ends[p], fy = 16 + layer / 4 + (int)pick(2);
		const char *status;

		if (phased)
			fy = prev.fy + (one_in(50) ? -1 : 1); /* one in 50: phased the wrong way */
		else if (one_in(200))
			fy = 16 + layer / 4 - 1; /* due before its project ends: one to fix */
		fy = fy < 16 ? 16 : fy > 20 ? 20 : fy;
		status = fy <= 16 ? "firm" : fy <= 17 ? (one_in(3) ? "aspirational" : "firm")
						: "aspirational";
		if (fy == 16 && ends[p] < 4 && one_in(2))
			status = "delivered";
		year(fy, a);
		printf("- id: C%06ld\n", i);
		if (phased)
			printf("  who: %s %s\n  what: %s (%ld)\n", who[prev.who], PICK(wider),
			       what[prev.what], prev.id);
		else
			printf("  who: %s\n  what: %s (%ld)\n", who[i % 20], what[w], i);
		printf("  year: %s\n  group: %s\n  projects: [P%05ld", a, group_of(p), p);
		if (one_in(8) && p + 1 < o->projects && ends[p + 1] <= layer)
			printf(", P%05ld", p + 1);
		printf("]\n");
		/* deps of them depend on an earlier capability due no later, but
		 * for one in a hundred. */
		if (i > 40 && (i * deps) / o->caps != ((i - 1) * deps) / o->caps) {
			for (d = i - between(20, 40); d > 0 && d > i - 200 && fys[d] > fy; d--)
				;
			if (one_in(100))
				d = i - 1;
			if (fys[d] <= fy || one_in(100))
				printf("  depends_on: [C%06ld]\n", d);
		}
		fys[i] = (signed char)fy;
		printf("  status: %s\n", status);
		if (!strcmp(status, "delivered"))
			printf("  delivered: 2017-03\n");
		printf("  attributes:\n    Solution: %s\n    Benefit: %s\n    Care setting: Setting %ld\n",
		       PICK(solutions), PICK(benefits), i % 13 + 1);
		if (one_in(20))
			printf("  derived:\n    year: placed in the year after its project ends; the source "
			       "gives no year\n");
		if (!phased) {
			prev.id = i;
			prev.who = i % 20;
			prev.what = w;
			prev.project = p;
			prev.fy = fy;
		}
	}
	free(fys);
}

/* ---- universal capabilities, trajectory, risks, funding, checklist --------- */

static void ucs(const struct opts *o)
{
	static const char *const enabled[] = { "complete", "in-progress", "initiatives-identified",
					       "not-started" };
	int k, q;
	char a[16];

	printf("universal_capabilities:\n");
	for (k = 1; k <= 10; k++) {
		/* UC10's figures are of patients registered online: a few percent. */
		long base = k == 10 ? between(2, 10) : between(20, 80);
		long y1 = base + between(k == 10 ? -1 : -5, k == 10 ? 6 : 15);
		long y2 = y1 + between(0, k == 10 ? 8 : 20);
		if (y2 > 100)
			y2 = 100;
		if (y1 > y2)
			y1 = y2;
		printf("- id: UC%02d\n  enabled: %s\n  uptake: %ld%% of practices use it routinely\n"
		       "  baseline: %ld%% at the baseline, July 2016\n", k, PICK(enabled), base, base);
		/* Some footprints leave the year after the plan's first out. */
		printf("  ambition:\n  - year: 16/17\n    text: %ld%% by March 2017\n", y1);
		if (!one_in(6))
			printf("  - year: 17/18\n    text: |\n      %ld%% by March 2018.\n"
			       "      Take-up promoted through the practices' patient groups.\n", y2);
		if (one_in(3))
			printf("  - year: 18/19\n    text: Sustained at %ld%% or more\n", y2);
		printf("  activities:\n");
		for (q = 0; q < 8; q++) {
			if (q > 0 && one_in(8))
				continue;
			quarter(q, a);
			printf("  - id: UC%02d-A%d\n    quarter: %s\n    what: Activity %d of the plan\n"
			       "    done: %s\n", k, q + 1, a, q + 1, q == 0 || (q < 3 && one_in(2)) ? "true" : "false");
		}
		if (one_in(5))
			printf("  solution: alternative\n  rationale: The local shared record already "
			       "provides it\n");
		else
			printf("  solution: national\n");
		printf("  evidence: National and local metrics, reported quarterly\n");
		printf("  projects: [P%05ld]\n", pick(o->projects));
	}
}

static void trajectory(long norgs)
{
	long t, g, y;

	printf("trajectory:\n");
	for (t = 0; t < norgs; t++) {
		printf("- id: T%ld\n  provider: org%ld\n  baseline_year: 15/16\n"
		       "  source: Digital Maturity Self-assessment\n  scores:\n", t + 1, t + 1);
		for (g = 0; g < 7; g++) {
			long s = between(10, 70);
			printf("  - group: %s\n    baseline: %ld\n    targets:\n", national[g], s);
			for (y = 16; y <= 18; y++) {
				s += between(0, 10);
				printf("    - year: %ld/%ld\n      score: %ld\n", y, y + 1, s > 100 ? 100 : s);
			}
		}
	}
}

static void rest(void)
{
	long i;

	printf("risks:\n");
	for (i = 0; i < between(5, 10); i++)
		printf("- id: R%02ld\n  factor: Risk factor %ld\n  description: What could go wrong "
		       "with the programme\n  impact: |\n    - Delivery would slip by a quarter or more\n"
		       "    - Benefits would be reduced\n  rag: %s\n", i + 1, i + 1, PICK(rags));
	printf("funding:\n");
	for (i = 0; i < between(3, 6); i++)
		printf("- id: F%02ld\n  source: Funding source %ld\n  value: Capital and revenue\n"
		       "  amount: %ld\n", i + 1, i + 1, between(1, 100) * 100000);
	printf("checklist:\n");
	for (i = 1; i <= 33; i++)
		if (!one_in(4))
			printf("- id: CL%02ld\n  response: Section %ld of the roadmap\n", i, i);
}

static void roadmap(const struct opts *o)
{
	long pdeps = o->deps * 3 / 5, cdeps = o->deps - pdeps;

	int *ends = project_ends(o->projects);

	footprint(o);
	projects(o, pdeps, ends);
	capabilities(o, cdeps, ends);
	free(ends);
	ucs(o);
	trajectory(3);
	rest();
}

/* ---- a national set ----------------------------------------------------------- */

static const char *const places[] = { "North", "South", "East", "West", "Central", "Upper",
				      "Lower", "Greater", "Mid", "Coastal" };
static const char *const areas[] = { "Shire", "Vale", "Moor", "Dales", "Fens", "Weald", "Wolds",
				     "Marches", "Downs", "Forest" };

static int footprints(int n, const char *dir, unsigned long long s)
{
	char path[4096], name[64];
	int i;

	for (i = 1; i <= n; i++) {
		struct opts o;
		memset(&o, 0, sizeof(o));
		seed(s * 1000 + (unsigned long long)i);
		o.projects = between(20, 80);
		o.caps = between(40, 400);
		o.deps = o.projects * between(10, 20) / 10;
		snprintf(name, sizeof(name), "%s %s", places[i % 10], areas[(i / 10) % 10]);
		o.name = name;
		snprintf(path, sizeof(path), "%s/fp-%02d.yaml", dir, i);
		if (!freopen(path, "w", stdout)) {
			perror(path);
			return 1;
		}
		roadmap(&o);
		if (fflush(stdout) != 0)
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct opts o = { 500, 50, 100, 0, 0, "Synthetic footprint" };
	const char *out = NULL;
	unsigned long long s = 1;
	long nfootprints = 0;
	int k;

	for (k = 1; k + 1 < argc; k += 2) {
		long v = atol(argv[k + 1]);
		if (!strcmp(argv[k], "--capabilities")) o.caps = v;
		else if (!strcmp(argv[k], "--projects")) o.projects = v;
		else if (!strcmp(argv[k], "--deps")) o.deps = v;
		else if (!strcmp(argv[k], "--cycle")) o.cycle = v;
		else if (!strcmp(argv[k], "--chain")) o.chain = v;
		else if (!strcmp(argv[k], "--seed")) s = (unsigned long long)v;
		else if (!strcmp(argv[k], "--name")) o.name = argv[k + 1];
		else if (!strcmp(argv[k], "--footprints")) nfootprints = v;
		else if (!strcmp(argv[k], "--out")) out = argv[k + 1];
		else { fprintf(stderr, "gen: unknown option %s\n", argv[k]); return 64; }
	}
	if (k < argc) {
		fprintf(stderr, "gen: %s needs a value\n", argv[k]);
		return 64;
	}
	if (nfootprints > 0) {
		if (!out) {
			fprintf(stderr, "gen: --footprints needs --out DIR\n");
			return 64;
		}
		return footprints((int)nfootprints, out, s);
	}
	seed(s);
	if (o.projects < LAYERS)
		o.projects = LAYERS;
	roadmap(&o);
	return fflush(stdout) != 0;
}
