#include "clock.h"

#include <time.h>

static long long (*clock_fn)(void);

long long ldr_now(void)
{
	return clock_fn ? clock_fn() : (long long)time(NULL);
}

void ldr_clock_set(long long (*now)(void))
{
	clock_fn = now;
}
