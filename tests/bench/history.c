/* A history to measure 'ldr log --record' on: the Derbyshire roadmap edited
 * N times (N commits), written as a git fast-import stream on standard
 * output ('git fast-import' builds the repository in a second, where N
 * 'ldr set' would take half a minute).
 *
 *   history ROADMAP N | git -C REPO fast-import --quiet
 *
 * Every commit changes the file: every tenth re-phases C12 (so that C12 has
 * N/10 commits in its history), the others annotate the other capabilities
 * and the projects in turn. The edits go through the model and the
 * canonical writer, as 'ldr set' would make them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/base/diag.h"
#include "../../model/roadmap/edit.h"
#include "../../model/roadmap/file.h"
#include "../../model/roadmap/roadmap.h"
#include "../../model/base/util.h"

static const char *const years[] = { "16/17", "17/18", "18/19", "19/20" };

static void edit(struct ldr_roadmap *rm, int i, struct ldr_buf *a)
{
	struct ldr_buf err = LDR_BUF_INIT;

	ldr_buf_reset(a);
	if (i % 10 == 0)
		ldr_buf_addf(a, "C12.year=%s", years[(i / 10) % 4]);
	else if (i % 2)
		ldr_buf_addf(a, "C%02d.notes=Reviewed in commit %d", i % 40 + 1 == 12 ? 13 : i % 40 + 1, i);
	else
		ldr_buf_addf(a, "P%02d.notes=Progress report %d", i % 51 + 1, i);
	if (ldr_edit_assign(rm, a->s, &err) < 0) {
		fprintf(stderr, "history: %s: %s\n", a->s, err.s);
		exit(1);
	}
	ldr_buf_release(&err);
}

int main(int argc, char **argv)
{
	struct ldr_buf text = LDR_BUF_INIT, err = LDR_BUF_INIT, a = LDR_BUF_INIT;
	struct ldr_roadmap rm;
	struct ldr_diag d;
	long long t = 1467284400; /* 30 June 2016 */
	int i, n;

	if (argc != 3) {
		fprintf(stderr, "usage: history ROADMAP N\n");
		return 64;
	}
	n = atoi(argv[2]);
	ldr_diag_init(&d, argv[1]);
	if (ldr_file_read(argv[1], &text, &err) < 0 || ldr_roadmap_read(&rm, text.s, text.len, &d) < 0) {
		fprintf(stderr, "history: cannot read %s\n", argv[1]);
		return 2;
	}
	for (i = 0; i < n; i++) {
		if (i)
			edit(&rm, i, &a);
		ldr_buf_reset(&text);
		ldr_roadmap_write(&rm, &text, &err);
		printf("blob\nmark :%d\ndata %zu\n", 2 * i + 1, text.len);
		fwrite(text.s, 1, text.len, stdout);
		printf("\ncommit refs/heads/master\nmark :%d\n", 2 * i + 2);
		printf("author Bench <bench@example.org> %lld +0000\n", t + i * 3600LL);
		printf("committer Bench <bench@example.org> %lld +0000\n", t + i * 3600LL);
		ldr_buf_reset(&err);
		ldr_buf_addf(&err, i ? "Set %s" : "Start the roadmap", a.s);
		printf("data %zu\n%s\n", err.len, err.s);
		if (i)
			printf("from :%d\n", 2 * i);
		printf("M 100644 :%d roadmap.yaml\n\n", 2 * i + 1);
	}
	ldr_roadmap_release(&rm);
	ldr_diag_release(&d);
	ldr_buf_release(&text);
	ldr_buf_release(&err);
	ldr_buf_release(&a);
	return 0;
}
