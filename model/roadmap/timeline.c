#include "timeline.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
};

struct ldr_time ldr_time_year(int y)
{
	struct ldr_time t = { LDR_TIME_YEAR, y * 12 + 3, 0 };
	return t;
}

struct ldr_time ldr_time_quarter(int y, int q)
{
	struct ldr_time t = { LDR_TIME_QUARTER, y * 12 + 3 + 3 * (q - 1), 0 };
	return t;
}

struct ldr_time ldr_time_month(int y, int m)
{
	struct ldr_time t = { LDR_TIME_MONTH, y * 12 + m - 1, 0 };
	return t;
}

static int span(int kind)
{
	return kind == LDR_TIME_YEAR ? 12 : kind == LDR_TIME_QUARTER ? 3 : 1;
}

int ldr_time_first(const struct ldr_time *t)
{
	return t->month;
}

int ldr_time_last(const struct ldr_time *t)
{
	return t->month + span(t->kind) - 1;
}

int ldr_time_fy_of_month(int month)
{
	int y = month / 12, m = month % 12;
	return m >= 3 ? y : y - 1;
}

int ldr_time_cmp(const struct ldr_time *a, const struct ldr_time *b)
{
	if (a->kind == LDR_TIME_NONE || b->kind == LDR_TIME_NONE)
		return (a->kind != LDR_TIME_NONE) - (b->kind != LDR_TIME_NONE);
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (span(a->kind) != span(b->kind))
		return span(a->kind) > span(b->kind) ? -1 : 1;
	return 0;
}

const char *ldr_time_kind_name(int kind)
{
	switch (kind) {
	case LDR_TIME_YEAR: return "financial year";
	case LDR_TIME_QUARTER: return "quarter";
	case LDR_TIME_MONTH: return "month";
	}
	return "time";
}

int ldr_time_given(const struct ldr_time *t)
{
	return t->kind != LDR_TIME_NONE || t->qual == LDR_QUAL_TBC;
}

int ldr_time_can_be_late(const struct ldr_time *t)
{
	return t->kind != LDR_TIME_NONE && t->qual != LDR_QUAL_FROM && t->qual != LDR_QUAL_TBC;
}

static const char *const qual_words[] = { "", "by ", "from ", "tbc" };

char *ldr_time_format(const struct ldr_time *t, char *buf)
{
	int y = ldr_time_fy_of_month(t->month);
	const char *w = t->qual > 0 && t->qual <= LDR_QUAL_TBC ? qual_words[t->qual] : "";

	if (t->qual == LDR_QUAL_TBC || (*w && t->kind == LDR_TIME_NONE)) {
		snprintf(buf, LDR_TIME_STR_MAX, "%s", t->qual == LDR_QUAL_TBC ? "tbc" : "");
		return buf;
	}
	if (*w) {
		struct ldr_time plain = *t;
		char tmp[LDR_TIME_STR_MAX];
		plain.qual = LDR_QUAL_AT;
		snprintf(buf, LDR_TIME_STR_MAX, "%s%s", w, ldr_time_format(&plain, tmp));
		return buf;
	}
	switch (t->kind) {
	case LDR_TIME_YEAR:
		snprintf(buf, LDR_TIME_STR_MAX, "%02d/%02d", y % 100, (y + 1) % 100);
		break;
	case LDR_TIME_QUARTER:
		snprintf(buf, LDR_TIME_STR_MAX, "%02d/%02d Q%d", y % 100, (y + 1) % 100,
			 ((t->month - 3) % 12 + 12) % 12 / 3 + 1);
		break;
	case LDR_TIME_MONTH:
		snprintf(buf, LDR_TIME_STR_MAX, "%04d-%02d", t->month / 12, t->month % 12 + 1);
		break;
	default:
		buf[0] = '\0';
	}
	return buf;
}

/* A small scanner over the trimmed input. */
struct scan {
	const char *p, *end;
};

static void skip_blanks(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t'))
		s->p++;
}

/* Read 1-4 digits; returns the count read (0 if none) and the value. */
static int digits(struct scan *s, int *value)
{
	int n = 0, v = 0;
	while (s->p < s->end && isdigit((unsigned char)*s->p) && n < 5) {
		v = v * 10 + (*s->p - '0');
		s->p++;
		n++;
	}
	*value = v;
	return n;
}

__attribute__((format(printf, 3, 4)))
static int err(char *e, size_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e, len, fmt, ap);
	va_end(ap);
	return -1;
}

/* A financial year at s->p: YY/YY, YYYY/YY or YYYY/YYYY, optionally FY-prefixed.
 * Returns 1 and the starting calendar year, 0 if no year is here (nothing
 * consumed), -1 on a malformed year (err set). */
static int fin_year(struct scan *s, int *start, const char *text, char *e, size_t elen)
{
	struct scan save = *s;
	int a, b, na, nb, full_b;

	if (s->end - s->p >= 2 && strncasecmp(s->p, "FY", 2) == 0) {
		s->p += 2;
		skip_blanks(s);
	}
	na = digits(s, &a);
	if ((na != 2 && na != 4) || s->p >= s->end || *s->p != '/') {
		*s = save;
		return 0;
	}
	s->p++;
	nb = digits(s, &b);
	if (nb != 2 && nb != 4)
		return err(e, elen, "'%s' is not a financial year (expected two years like 16/17)", text);
	if (na == 2)
		a += 2000;
	full_b = nb == 2 ? (a / 100) * 100 + b : b;
	if (nb == 2 && full_b < a)
		full_b += 100;
	if (full_b != a + 1)
		return err(e, elen, "'%s' is not a financial year: it must span two consecutive years, as in %02d/%02d",
			   text, a % 100, (a + 1) % 100);
	if (a < LDR_FY_FIRST || a > LDR_FY_LAST)
		return err(e, elen, "'%s' is out of range: financial years run from 00/01 to 99/00", text);
	*start = a;
	return 1;
}

/* "Q3" at s->p: returns 1 with the quarter, 0 if no Q here, -1 if malformed. */
static int quarter(struct scan *s, int *q, const char *text, char *e, size_t elen)
{
	int v;
	if (s->p >= s->end || (*s->p != 'Q' && *s->p != 'q'))
		return 0;
	s->p++;
	if (digits(s, &v) == 0)
		return err(e, elen, "'%s': expected a quarter number after Q (Q1 to Q4)", text);
	if (v < 1 || v > 4)
		return err(e, elen, "'%s': quarter Q%d is not Q1 to Q4", text, v);
	*q = v;
	return 1;
}

static int month_name(const char *w, size_t n)
{
	int i;
	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++) {
		size_t full = strlen(month_names[i]);
		if (n <= full && strncasecmp(w, month_names[i], n) == 0 && (n == 3 || n == full))
			return i + 1;
		if (i == 8 && n == 4 && strncasecmp(w, "sept", 4) == 0)
			return 9;
	}
	return 0;
}

static int check_month_year(int y, const char *text, char *e, size_t elen)
{
	if (y < LDR_MONTH_YEAR_FIRST || y > LDR_MONTH_YEAR_LAST)
		return err(e, elen, "'%s': year %d is out of range (1900 to 2199)", text, y);
	return 0;
}

static int parse(struct ldr_time *t, struct scan *s, const char *text, char *e, size_t elen)
{
	int y, q, m, r;
	const char *w = s->p;

	/* Q3 16/17 */
	r = quarter(s, &q, text, e, elen);
	if (r < 0)
		return -1;
	if (r > 0) {
		skip_blanks(s);
		r = fin_year(s, &y, text, e, elen);
		if (r <= 0)
			return r < 0 ? -1 : err(e, elen, "'%s': expected a financial year after the quarter, as in Q3 16/17", text);
		*t = ldr_time_quarter(y, q);
		return 0;
	}
	/* 16/17, 16/17 Q3 */
	r = fin_year(s, &y, text, e, elen);
	if (r < 0)
		return -1;
	if (r > 0) {
		skip_blanks(s);
		r = quarter(s, &q, text, e, elen);
		if (r < 0)
			return -1;
		*t = r ? ldr_time_quarter(y, q) : ldr_time_year(y);
		return 0;
	}
	/* October 2016, Oct 2016 */
	while (s->p < s->end && isalpha((unsigned char)*s->p))
		s->p++;
	if (s->p > w) {
		m = month_name(w, (size_t)(s->p - w));
		if (!m)
			return err(e, elen, "'%s' is not a time (expected a financial year like 16/17, a quarter like 16/17 Q3 or a month like 2016-10)", text);
		skip_blanks(s);
		if (digits(s, &y) != 4)
			return err(e, elen, "'%s': expected a four-digit year after the month, as in October 2016", text);
		if (check_month_year(y, text, e, elen))
			return -1;
		*t = ldr_time_month(y, m);
		return 0;
	}
	/* 2016-10 */
	if (digits(s, &y) == 4 && s->p < s->end && *s->p == '-') {
		s->p++;
		if (digits(s, &m) != 2)
			return err(e, elen, "'%s': expected a two-digit month, as in 2016-10", text);
		if (m < 1 || m > 12)
			return err(e, elen, "'%s': month %d is not 01 to 12", text, m);
		if (check_month_year(y, text, e, elen))
			return -1;
		*t = ldr_time_month(y, m);
		return 0;
	}
	return err(e, elen, "'%s' is not a time (expected a financial year like 16/17, a quarter like 16/17 Q3 or a month like 2016-10)", text);
}

/* A commitment's word before its time: "tbc" alone, or "by" or "from" and
 * blanks (consumed). */
static int commitment(struct scan *s)
{
	static const struct { const char *w; int qual; } words[] = {
		{ "by", LDR_QUAL_BY }, { "from", LDR_QUAL_FROM },
	};
	size_t i, n = (size_t)(s->end - s->p);

	if (n == 3 && strncasecmp(s->p, "tbc", 3) == 0)
		return LDR_QUAL_TBC;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t l = strlen(words[i].w);
		if (n > l && strncasecmp(s->p, words[i].w, l) == 0 && (s->p[l] == ' ' || s->p[l] == '\t')) {
			s->p += l;
			skip_blanks(s);
			return words[i].qual;
		}
	}
	return LDR_QUAL_AT;
}

/* A commitment's date refused: say its other forms too. */
static int commit_hint(int accept, char *e, size_t elen)
{
	size_t n = strlen(e);
	if ((accept & LDR_TIME_COMMIT) && n && e[n - 1] == ')')
		snprintf(e + n - 1, elen - (n - 1), "; or by or from one, as in by 2022-03, or tbc)");
	return -1;
}

int ldr_time_parse(struct ldr_time *t, const char *text, int accept, char *e, size_t elen)
{
	struct scan s;
	struct ldr_time v;
	char shown[48];
	int qual;
	size_t n;

	/* Quote at most a short prefix of the input in messages; the caller's
	 * own message carries the full position. */
	snprintf(shown, sizeof(shown), "%s", text);
	for (n = 0; shown[n]; n++)
		if ((unsigned char)shown[n] < 0x20 || shown[n] == 0x7F)
			shown[n] = '?';
	if (strlen(text) >= sizeof(shown))
		memcpy(shown + sizeof(shown) - 4, "...", 4);

	s.p = text;
	s.end = text + strlen(text);
	skip_blanks(&s);
	while (s.end > s.p && (s.end[-1] == ' ' || s.end[-1] == '\t'))
		s.end--;
	if (s.p == s.end)
		return err(e, elen, "empty time (expected a financial year like 16/17, a quarter like 16/17 Q3 or a month like 2016-10)");
	qual = (accept & LDR_TIME_COMMIT) ? commitment(&s) : LDR_QUAL_AT;
	if (qual == LDR_QUAL_TBC) {
		memset(t, 0, sizeof(*t));
		t->qual = LDR_QUAL_TBC;
		return 0;
	}
	if (s.p == s.end && qual == LDR_QUAL_AT)
		return commit_hint(accept, e, elen);
	if (s.p == s.end)
		return err(e, elen, "'%s': expected a time after '%s', as in %s 2022-03", shown,
			   qual == LDR_QUAL_BY ? "by" : "from", qual == LDR_QUAL_BY ? "by" : "from");
	if (parse(&v, &s, shown, e, elen) < 0)
		return commit_hint(accept, e, elen);
	v.qual = qual;
	if (s.p != s.end) {
		err(e, elen, "'%s' is not a time: unexpected text after it (expected a financial year like 16/17, a quarter like 16/17 Q3 or a month like 2016-10)", shown);
		return commit_hint(accept, e, elen);
	}
	if (!(v.kind & accept)) {
		char want[128] = "";
		if (accept & LDR_TIME_YEAR)
			strcat(want, "a financial year like 16/17");
		if (accept & LDR_TIME_QUARTER)
			strcat(want, want[0] ? " or a quarter like 16/17 Q3" : "a quarter like 16/17 Q3");
		if (accept & LDR_TIME_MONTH)
			strcat(want, want[0] ? " or a month like 2016-10" : "a month like 2016-10");
		snprintf(e, elen, "'%s' is a %s; expected %s", shown, ldr_time_kind_name(v.kind), want);
		return -1;
	}
	*t = v;
	return 0;
}
