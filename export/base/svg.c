#include "svg.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Advance widths of DejaVu Sans Book in thousandths of an em, read from the
 * font's hmtx table (2048 units per em), for U+0020-U+007E and
 * U+00A0-U+00FF. The bold face is about 9% wider. */
static const unsigned short ascii_w[95] = {
	318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
	636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
	1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
	603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
	500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
	635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
};
static const unsigned short latin1_w[96] = {
	318, 401, 636, 636, 636, 636, 337, 500, 500, 1000, 471, 612, 838, 361, 1000, 500,
	500, 838, 401, 401, 500, 636, 636, 318, 500, 401, 471, 612, 969, 969, 969, 531,
	684, 684, 684, 684, 684, 684, 974, 698, 632, 632, 632, 632, 295, 295, 295, 295,
	775, 748, 787, 787, 787, 787, 787, 838, 787, 732, 732, 732, 732, 611, 605, 630,
	613, 613, 613, 613, 613, 613, 982, 550, 615, 615, 615, 615, 278, 278, 278, 278,
	612, 634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634, 592, 635, 592,
};

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */
#define ELLIPSIS "\xE2\x80\xA6"    /* U+2026 */

/* Whether a code point must not reach the SVG as itself. */
static int unsafe_cp(unsigned cp)
{
	if (cp < 0x20)
		return cp != '\t' && cp != '\n';
	if (cp >= 0x7F && cp <= 0x9F) /* DEL and the C1 controls */
		return 1;
	if (cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C) /* bidi controls */
		return 1;
	if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) /* noncharacters */
		return 1;
	return 0;
}

/* The next character of s[0..n): its length (at least 1) and code point;
 * an invalid byte is one character, reported as U+FFFD with *bad set. */
static size_t next_cp(const char *s, size_t n, unsigned *cp, int *bad)
{
	size_t len = ldr_utf8_decode(s, n, cp);
	*bad = len == 0;
	if (!len) {
		*cp = 0xFFFD;
		return 1;
	}
	return len;
}

void ldr_svg_esc_n(struct ldr_buf *b, const char *s, size_t n, int keep_lines)
{
	size_t i = 0, run;

	while (i < n) {
		unsigned cp;
		int bad;
		size_t len;

		/* A run of printable ASCII that needs no escaping, at once. */
		for (run = i; run < n && s[run] >= 0x20 && s[run] < 0x7F && s[run] != '&' && s[run] != '<' &&
			      s[run] != '>' && s[run] != '"' && s[run] != '\'';
		     run++)
			;
		if (run > i) {
			ldr_buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		len = next_cp(s + i, n - i, &cp, &bad);

		switch (cp) {
		case '&': ldr_buf_addstr(b, "&amp;"); break;
		case '<': ldr_buf_addstr(b, "&lt;"); break;
		case '>': ldr_buf_addstr(b, "&gt;"); break;
		case '"': ldr_buf_addstr(b, "&quot;"); break;
		case '\'': ldr_buf_addstr(b, "&apos;"); break;
		case '\n':
			ldr_buf_addch(b, keep_lines ? '\n' : ' ');
			break;
		case '\t': ldr_buf_addch(b, ' '); break;
		default:
			if (bad || unsafe_cp(cp))
				ldr_buf_addstr(b, REPLACEMENT);
			else
				ldr_buf_add(b, s + i, len);
		}
		i += len;
	}
}

void ldr_svg_esc(struct ldr_buf *b, const char *s)
{
	if (s)
		ldr_svg_esc_n(b, s, strlen(s), 0);
}

void ldr_svg_id(struct ldr_buf *b, const char *prefix, const char *s)
{
	ldr_buf_addstr(b, prefix);
	for (; s && *s; s++) {
		char c = *s;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			 c == '_' || c == '-';
		if (((unsigned char)c & 0xC0) == 0x80)
			continue; /* one '_' for each character, not each byte */
		ldr_buf_addch(b, ok ? c : '_');
	}
}

double ldr_svg_r(double v)
{
	long long t = (long long)(v * 10 + (v < 0 ? -0.5 : 0.5));
	return t == 0 ? 0.0 : (double)t / 10;
}

static void add_uint(struct ldr_buf *b, unsigned long long u, int width)
{
	char d[24];
	int n = 0;

	do {
		d[sizeof(d) - 1 - n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u || n < width);
	ldr_buf_add(b, d + sizeof(d) - n, (size_t)n);
}

void ldr_svg_addnum(struct ldr_buf *b, double v, int digits)
{
	static const double scale[] = { 1, 10, 100, 1000 };
	double a = v < 0 ? -v : v, y, frac;
	unsigned long long k, s;
	uint64_t bits;
	char tmp[64];

	/* Below a million, y is within 1e-8 of a times the scale: only a
	 * fraction this close to a half could round either way. */
	y = a * scale[digits];
	k = a < 1e6 ? (unsigned long long)y : 0;
	frac = y - (double)k;
	if (!(a < 1e6) || (frac > 0.5 - 1e-6 && frac < 0.5 + 1e-6)) {
		snprintf(tmp, sizeof(tmp), "%.*f", digits, v);
		ldr_buf_addstr(b, tmp);
		return;
	}
	k += frac > 0.5;
	s = (unsigned long long)scale[digits];
	memcpy(&bits, &v, sizeof(bits));
	if (bits >> 63) /* printf's "-0.0" too */
		ldr_buf_addch(b, '-');
	add_uint(b, k / s, 1);
	if (digits) {
		ldr_buf_addch(b, '.');
		add_uint(b, k % s, digits);
	}
}

/* One conversion of fmt (after its '%'): how many bytes of fmt it takes,
 * 0 if it is not one of ours. */
static size_t convert(struct ldr_buf *b, const char *f, va_list *ap)
{
	const char *s;
	int d;

	switch (f[0]) {
	case 's':
		s = va_arg(*ap, const char *);
		ldr_buf_addstr(b, s);
		return 1;
	case 'c':
		ldr_buf_addch(b, (char)va_arg(*ap, int));
		return 1;
	case 'd':
		d = va_arg(*ap, int);
		if (d < 0)
			ldr_buf_addch(b, '-');
		add_uint(b, d < 0 ? 0ULL - (unsigned long long)d : (unsigned long long)d, 1);
		return 1;
	case 'u':
		add_uint(b, va_arg(*ap, unsigned), 1);
		return 1;
	case 'z':
		if (f[1] != 'u')
			return 0;
		add_uint(b, va_arg(*ap, size_t), 1);
		return 2;
	case '%':
		ldr_buf_addch(b, '%');
		return 1;
	case '.':
		if (f[1] < '0' || f[1] > '3' || f[2] != 'f')
			return 0;
		ldr_svg_addnum(b, va_arg(*ap, double), f[1] - '0');
		return 3;
	}
	return 0;
}

void ldr_svg_addf(struct ldr_buf *b, const char *fmt, ...)
{
	size_t start = b->len, n;
	const char *p = fmt, *q;
	va_list ap, again;

	va_start(ap, fmt);
	va_copy(again, ap);
	while (*p) {
		q = strchr(p, '%');
		if (!q) {
			ldr_buf_addstr(b, p);
			break;
		}
		ldr_buf_add(b, p, (size_t)(q - p));
		n = convert(b, q + 1, &ap);
		if (!n) { /* not ours: all of it by printf */
			b->len = start;
			ldr_buf_vaddf(b, fmt, again);
			break;
		}
		p = q + 1 + n;
	}
	va_end(again);
	va_end(ap);
}

/* Width of one code point, in thousandths of an em. */
static unsigned cp_width(unsigned cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return ascii_w[cp - 0x20];
	if (cp >= 0xA0 && cp <= 0xFF)
		return latin1_w[cp - 0xA0];
	if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200B || cp == 0x200C || cp == 0x200D)
		return 0; /* combining marks, zero-width characters */
	switch (cp) {
	case 0x2013: return 500;  /* en dash */
	case 0x2014: return 1000; /* em dash */
	case 0x2018: case 0x2019: return 318;
	case 0x201C: case 0x201D: return 518;
	case 0x2022: return 590;
	case 0x2026: return 1000; /* ellipsis */
	case 0x2212: return 838;  /* minus sign */
	case 0x20AC: return 636;
	case 0xFFFD: return 1025;
	}
	/* East Asian wide characters and emoji: a full em. */
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || cp >= 0x20000)
		return 1000;
	return 700; /* other scripts: a generous average */
}

static double scale(double size, int bold)
{
	return size / 1000.0 * (bold ? 1.09 : 1.0);
}

double ldr_svg_width_n(const char *s, size_t n, double size, int bold)
{
	unsigned long total = 0;
	size_t i = 0;

	while (i < n) {
		unsigned cp;
		int bad;
		i += next_cp(s + i, n - i, &cp, &bad);
		total += (cp == '\n' || cp == '\t') ? ascii_w[0] : cp_width(cp);
	}
	return (double)total * scale(size, bold);
}

double ldr_svg_width(const char *s, double size, int bold)
{
	return s ? ldr_svg_width_n(s, strlen(s), size, bold) : 0;
}

size_t ldr_svg_fit(const char *s, double size, int bold, double max_width)
{
	size_t n = s ? strlen(s) : 0, i = 0, keep = 0;
	double k = scale(size, bold), room, w = 0;

	if (ldr_svg_width_n(s, n, size, bold) <= max_width)
		return n;
	room = max_width - 1000 * k; /* the ellipsis */
	while (i < n) {
		unsigned cp;
		int bad;
		size_t len = next_cp(s + i, n - i, &cp, &bad);
		w += cp_width(cp) * k;
		if (w > room)
			break;
		i += len;
		if (cp_width(cp) > 0 || keep > 0) /* never keep only combining marks */
			keep = i;
	}
	while (keep > 0 && (s[keep - 1] == ' ' || s[keep - 1] == '\t' || s[keep - 1] == '\n'))
		keep--;
	return keep;
}

int ldr_svg_add_fit(struct ldr_buf *b, const char *s, double size, int bold, double max_width)
{
	size_t n = s ? strlen(s) : 0, keep = ldr_svg_fit(s, size, bold, max_width);

	if (!s)
		return 0;
	ldr_svg_esc_n(b, s, keep, 0);
	if (keep == n)
		return 0;
	ldr_buf_addstr(b, ELLIPSIS);
	return 1;
}

size_t ldr_svg_wrap(const char *s, double size, int bold, double max_width, size_t *next)
{
	size_t n = strlen(s), i = 0, fit = 0, brk = 0;
	double k = scale(size, bold), w = 0;

	/* How much fits at all, and the last blank within it. */
	while (i < n) {
		unsigned cp;
		int bad;
		size_t len = next_cp(s + i, n - i, &cp, &bad);
		if (cp == '\n') {
			fit = i;
			brk = i;
			break;
		}
		w += cp_width(cp) * k;
		if (w > max_width && fit > 0)
			break;
		if (cp == ' ' || cp == '\t')
			brk = i;
		i += len;
		fit = i;
	}
	if (fit < n && brk > 0)
		fit = brk;
	*next = fit;
	while (*next < n && (s[*next] == ' ' || s[*next] == '\t' || s[*next] == '\n'))
		(*next)++;
	while (fit > 0 && (s[fit - 1] == ' ' || s[fit - 1] == '\t'))
		fit--;
	return fit;
}

void ldr_svg_begin(struct ldr_buf *b, double w, double h, const char *title, const char *desc)
{
	w = ldr_svg_r(w);
	h = ldr_svg_r(h);
	ldr_buf_addstr(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	ldr_svg_addf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
		     "width=\"%.1fmm\" height=\"%.1fmm\" viewBox=\"0 0 %.1f %.1f\" "
		     "role=\"img\" aria-labelledby=\"title desc\" font-family=\"%s\">\n",
		     w, h, w, h, LDR_SVG_FONT);
	ldr_buf_addstr(b, "<title id=\"title\">");
	ldr_svg_esc(b, title);
	ldr_buf_addstr(b, "</title>\n<desc id=\"desc\">");
	if (desc)
		ldr_svg_esc_n(b, desc, strlen(desc), 1);
	ldr_buf_addstr(b, "</desc>\n");
}

void ldr_svg_end(struct ldr_buf *b)
{
	ldr_buf_addstr(b, "</svg>\n");
}

void ldr_svg_title(struct ldr_buf *b, const char *s)
{
	ldr_buf_addstr(b, "<title>");
	ldr_svg_esc(b, s);
	ldr_buf_addstr(b, "</title>");
}

int ldr_svg_text(struct ldr_buf *b, double x, double y, double size, const char *attrs,
		 const char *s, double max_width)
{
	int bold = attrs && strstr(attrs, "bold") != NULL, cut = 0;
	size_t mark;

	ldr_svg_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.2f\"%s%s>", ldr_svg_r(x),
		     ldr_svg_r(y), size, attrs ? " " : "", attrs ? attrs : "");
	mark = b->len;
	if (max_width > 0)
		cut = ldr_svg_add_fit(b, s, size, bold, max_width);
	else
		ldr_svg_esc(b, s);
	if (cut) {
		/* The full text first, as the element's tooltip. */
		struct ldr_buf t = LDR_BUF_INIT;
		ldr_buf_add(&t, b->s + mark, b->len - mark);
		b->len = mark;
		b->s[mark] = '\0';
		ldr_svg_title(b, s);
		ldr_buf_add(b, t.s, t.len);
		ldr_buf_release(&t);
	}
	ldr_buf_addstr(b, "</text>\n");
	return cut;
}
