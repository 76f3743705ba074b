#include "date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "timeline.h"
#include "../base/clock.h"

static long long days_from_civil(long long y, unsigned m, unsigned d)
{
	long long era;
	unsigned yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

/* "+0100", "+01:00", "-05", "Z": minutes east of UTC. */
static int parse_zone(const char *s, int *offset)
{
	int h, m = 0, sign;
	if (strcmp(s, "Z") == 0 || strcmp(s, "z") == 0) {
		*offset = 0;
		return 0;
	}
	if (*s != '+' && *s != '-')
		return -1;
	sign = *s++ == '-' ? -1 : 1;
	if (sscanf(s, "%2d", &h) != 1 || strlen(s) < 2)
		return -1;
	s += 2;
	if (*s == ':')
		s++;
	if (*s && (sscanf(s, "%2d", &m) != 1 || strlen(s) != 2))
		return -1;
	if (h > 14 || m > 59)
		return -1;
	*offset = sign * (h * 60 + m);
	return 0;
}

int ldr_date_parse(const char *s, long long *t, int *offset)
{
	long long secs;
	int y, mo, d, h, mi, sec = 0, n = 0;
	char zone[16] = "";

	*offset = 0;
	if (*s == '@')
		s++;
	if (sscanf(s, "%lld%n", &secs, &n) == 1 && (s[n] == '\0' || s[n] == ' ')) {
		while (s[n] == ' ')
			n++;
		if (s[n] && parse_zone(s + n, offset) < 0)
			return -1;
		*t = secs;
		return 0;
	}
	n = 0;
	if (sscanf(s, "%4d-%2d-%2d%*1[T ]%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5 || !n)
		return -1;
	s += n;
	if (*s == ':') {
		if (sscanf(s, ":%2d%n", &sec, &n) != 1)
			return -1;
		s += n;
	}
	while (*s == ' ')
		s++;
	if (strlen(s) >= sizeof(zone))
		return -1;
	strcpy(zone, s);
	if (zone[0] && parse_zone(zone, offset) < 0)
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		return -1;
	*t = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + sec -
	     (long long)*offset * 60;
	return 0;
}

int ldr_date_local_offset(long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	long long local;
	localtime_r(&tt, &tm);
	local = days_from_civil(tm.tm_year + 1900LL, (unsigned)tm.tm_mon + 1, (unsigned)tm.tm_mday) * 86400 +
		tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
	return (int)((local - t) / 60);
}

/* Civil date from days since 1970-01-01 (Howard Hinnant's algorithm). */
static void civil(long long z, int *y, int *m, int *d)
{
	long long era, yoe, doy, doe, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

struct when {
	int y, mo, d, h, mi, s;
};

static struct when split(long long t, int offset)
{
	struct when w;
	long long local = t + (long long)offset * 60;
	long long days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	long long secs = local - days * 86400;

	civil(days, &w.y, &w.mo, &w.d);
	w.h = (int)(secs / 3600);
	w.mi = (int)(secs / 60 % 60);
	w.s = (int)(secs % 60);
	return w;
}

void ldr_date_format(struct ldr_buf *b, long long t, int offset)
{
	struct when w = split(t, offset);
	int a = offset < 0 ? -offset : offset;
	ldr_buf_addf(b, "%04d-%02d-%02d %02d:%02d %c%02d%02d", w.y, w.mo, w.d, w.h, w.mi,
		     offset < 0 ? '-' : '+', a / 60, a % 60);
}

void ldr_date_iso(struct ldr_buf *b, long long t, int offset)
{
	struct when w = split(t, offset);
	int a = offset < 0 ? -offset : offset;
	ldr_buf_addf(b, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", w.y, w.mo, w.d, w.h, w.mi, w.s,
		     offset < 0 ? '-' : '+', a / 60, a % 60);
}

int ldr_date_month(long long t, int offset)
{
	struct when w = split(t, offset);
	return ldr_time_month(w.y, w.mo).month;
}

struct ldr_time ldr_date_this_month(void)
{
	time_t now = (time_t)ldr_now();
	struct tm tm;
	gmtime_r(&now, &tm);
	return ldr_time_month(tm.tm_year + 1900, tm.tm_mon + 1);
}
