/* History and review: the commits of the roadmap's repository and the
 * actual-versus-planned review against a baseline. */
#include "app.h"

static const struct tui_column history_columns[] = {
	{ "Commit", 8, 0 }, { "Date", 10, 0 }, { "Author", 12, 1 }, { "Message", 20, 4 },
};

static void history_load(struct tui_view *v)
{
	v->nitems = 0;
}

static void history_cell(struct tui_view *v, size_t item, size_t col, struct ldr_buf *out,
			 enum tui_role *role)
{
	(void)v, (void)item, (void)col, (void)out, (void)role;
}

const struct tui_view_ops tui_history_ops = {
	.name = "history", .title = "Log", .key = TUI_VIEW_HISTORY,
	.columns = history_columns, .ncolumns = LDR_ARRAY_SIZE(history_columns),
	.load = history_load, .cell = history_cell,
};

static const struct tui_column review_columns[] = {
	{ "Record", 8, 0 }, { "Planned", 9, 0 }, { "Outcome", 14, 0 }, { "What", 20, 4 },
};

const struct tui_view_ops tui_review_ops = {
	.name = "review", .title = "Review", .key = TUI_VIEW_REVIEW,
	.columns = review_columns, .ncolumns = LDR_ARRAY_SIZE(review_columns),
	.load = history_load, .cell = history_cell,
};
