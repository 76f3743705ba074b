/* ':import KIND FILE': a workbook or CSV file merged into the roadmap in
 * the interface, as 'ldr import --into' merges it, after showing the
 * changes and asking. */
#ifndef LDR_TUI_IMPORT_H
#define LDR_TUI_IMPORT_H

#include "app.h"

/* arg is "KIND FILE" (the file's name may have blanks, or be quoted). */
void tui_import(struct tui_app *app, const char *arg);

#endif
