#include "imp.h"
int imp_dossier(struct imp *im)
{
	imp_error(im, NULL, 0, 0, "not yet");
	return -1;
}
