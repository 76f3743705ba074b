/* The time of day, in one place: every "now" of the model (the month a
 * check is as at, a commit's date when GIT_*_DATE does not give one, the
 * age of a lock left in the way) is ldr_now(), so that a test fixes the
 * time instead of reading the clock. The program never sets it: for its
 * users it is time(2). A session's start is not the model's now but the
 * system's (it is compared with the kernel's start of a process). */
#ifndef LDR_CLOCK_H
#define LDR_CLOCK_H

/* Seconds since the epoch: time(NULL), or what the clock set says. */
long long ldr_now(void);

/* Make ldr_now() return what now() returns; NULL for the system's clock
 * again. For tests: the program has one clock and never changes it. */
void ldr_clock_set(long long (*now)(void));

#endif
