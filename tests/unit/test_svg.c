/* Writing SVG: escaping untrusted text, forbidden characters, safe ids, the
 * text-width estimate and truncation with an ellipsis. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../export/base/svg.h"
#include "helpers.h"

static char *esc(const char *s, int keep_lines)
{
	struct ldr_buf b = LDR_BUF_INIT;
	ldr_svg_esc_n(&b, s, strlen(s), keep_lines);
	ldr_buf_add(&b, "", 0);
	return ldr_buf_detach(&b);
}

#define assert_esc(in, keep, want)                  \
	do {                                        \
		char *got_ = esc((in), (keep));     \
		assert_string_equal(got_, (want));  \
		free(got_);                         \
	} while (0)

static void test_escaping(void **state)
{
	(void)state;
	assert_esc("plain text", 0, "plain text");
	assert_esc("<script>alert(1)</script>", 0, "&lt;script&gt;alert(1)&lt;/script&gt;");
	assert_esc("a & b \"c\" 'd'", 0, "a &amp; b &quot;c&quot; &apos;d&apos;");
	assert_esc("&amp;", 0, "&amp;amp;");
	assert_esc("]]>", 0, "]]&gt;");
	assert_esc("caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80", 0, "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80");
	assert_esc("two\nlines\tand a tab", 0, "two lines and a tab");
	assert_esc("two\nlines", 1, "two\nlines");
}

static void test_forbidden_characters(void **state)
{
	(void)state;
	/* C0 controls but tab and newline, DEL and C1: U+FFFD. */
	assert_esc("a\x01" "b\x1b[2Jc\x7f" "d", 0, "a\xef\xbf\xbd" "b\xef\xbf\xbd[2Jc\xef\xbf\xbd" "d");
	assert_esc("\xc2\x85\xc2\x9b", 0, "\xef\xbf\xbd\xef\xbf\xbd");
	assert_esc("\r", 0, "\xef\xbf\xbd");
	/* Noncharacters XML forbids. */
	assert_esc("\xef\xbf\xbe\xef\xbf\xbf", 0, "\xef\xbf\xbd\xef\xbf\xbd");
	/* Invalid UTF-8: a lone byte, a surrogate, an overlong form. */
	assert_esc("\xff", 0, "\xef\xbf\xbd");
	assert_esc("\xed\xa0\x80", 0, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	assert_esc("\xc0\xaf", 0, "\xef\xbf\xbd\xef\xbf\xbd");
	/* Bidirectional overrides would reverse what a reader sees. */
	assert_esc("abc\xe2\x80\xae" "fed", 0, "abc\xef\xbf\xbd" "fed");
	assert_esc("\xe2\x81\xa6x\xe2\x81\xa9", 0, "\xef\xbf\xbdx\xef\xbf\xbd");
}

static void test_ids(void **state)
{
	struct ldr_buf b = LDR_BUF_INIT;
	(void)state;
	ldr_svg_id(&b, "row-", "P12");
	assert_string_equal(b.s, "row-P12");
	ldr_buf_reset(&b);
	ldr_svg_id(&b, "row-", "a\"b' onload=alert(1) <x>&\xc3\xa9");
	assert_string_equal(b.s, "row-a_b__onload_alert_1___x___");
	ldr_buf_reset(&b);
	ldr_svg_id(&b, "g-", NULL);
	assert_string_equal(b.s, "g-");
	ldr_buf_release(&b);
}

static void test_numbers(void **state)
{
	char s[32];
	(void)state;
	snprintf(s, sizeof(s), "%.1f", ldr_svg_r(-0.04));
	assert_string_equal(s, "0.0");
	snprintf(s, sizeof(s), "%.1f", ldr_svg_r(12.25));
	assert_string_equal(s, "12.3");
	snprintf(s, sizeof(s), "%.1f", ldr_svg_r(-3.26));
	assert_string_equal(s, "-3.3");
}

static void test_width_and_fit(void **state)
{
	struct ldr_buf b = LDR_BUF_INIT;
	size_t next, n;
	(void)state;
	/* DejaVu Sans: "M" is 0.863 em, "i" 0.278 em. */
	assert_true(ldr_svg_width("M", 10, 0) > 8.6 && ldr_svg_width("M", 10, 0) < 8.7);
	assert_true(ldr_svg_width("iiii", 10, 0) < ldr_svg_width("MMMM", 10, 0));
	assert_true(ldr_svg_width("MMMM", 10, 1) > ldr_svg_width("MMMM", 10, 0));
	assert_true(ldr_svg_width("\xe4\xb8\xad", 10, 0) == 10.0); /* a CJK character: one em */
	assert_true(ldr_svg_width("e\xcc\x81", 10, 0) == ldr_svg_width("e", 10, 0)); /* combining */

	/* It all fits: untouched. */
	assert_int_equal(ldr_svg_fit("short", 3, 0, 100), 5);
	assert_int_equal(ldr_svg_add_fit(&b, "short", 3, 0, 100), 0);
	assert_string_equal(b.s, "short");
	/* Too long: cut on a character boundary, blanks dropped, an ellipsis. */
	ldr_buf_reset(&b);
	assert_int_equal(ldr_svg_add_fit(&b, "Roll out common asset tracking solution", 3, 0, 30), 1);
	assert_true(ldr_svg_width(b.s, 3, 0) <= 30);
	assert_non_null(strstr(b.s, "\xe2\x80\xa6"));
	assert_null(strstr(b.s, " \xe2\x80\xa6"));
	ldr_buf_reset(&b);
	ldr_svg_add_fit(&b, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 10, 0, 25);
	assert_string_equal(b.s, "\xc3\xa9\xc3\xa9\xe2\x80\xa6");
	/* Escaping happens after the cut: an entity is never split. */
	ldr_buf_reset(&b);
	ldr_svg_add_fit(&b, "&&&&&&&&&&&&&&&&&&&&", 10, 0, 30);
	assert_string_equal(b.s, "&amp;&amp;\xe2\x80\xa6");
	/* Nothing fits: only the ellipsis. */
	assert_int_equal(ldr_svg_fit("Wide", 10, 0, 5), 0);

	/* Word wrap. */
	{
		const char *name = "Records, assessments and plans";
		n = ldr_svg_wrap(name, 2.6, 1, 42, &next);
		assert_int_equal(n, strlen("Records, assessments and"));
		assert_string_equal(&name[next], "plans");
	}
	n = ldr_svg_wrap("Supercalifragilistic", 10, 0, 20, &next);
	assert_true(n > 0 && n < 20 && next == n);
	n = ldr_svg_wrap("", 10, 0, 20, &next);
	assert_int_equal(n, 0);
	assert_int_equal(next, 0);
	ldr_buf_release(&b);
}

static void test_document(void **state)
{
	struct ldr_buf b = LDR_BUF_INIT;
	(void)state;
	ldr_svg_begin(&b, 420, 297, "A <b>", "line one\nline two & more");
	ldr_svg_text(&b, 1, 2, 3, NULL, "x\"y", 0);
	ldr_svg_end(&b);
	assert_non_null(strstr(b.s, "role=\"img\" aria-labelledby=\"title desc\""));
	assert_non_null(strstr(b.s, "width=\"420.0mm\" height=\"297.0mm\" viewBox=\"0 0 420.0 297.0\""));
	assert_non_null(strstr(b.s, "<title id=\"title\">A &lt;b&gt;</title>"));
	assert_non_null(strstr(b.s, "<desc id=\"desc\">line one\nline two &amp; more</desc>"));
	assert_non_null(strstr(b.s, ">x&quot;y</text>"));
	/* <title> is the first child of <svg>. */
	assert_true(strncmp(strchr(strstr(b.s, "<svg"), '>') + 2, "<title id=\"title\">", 18) == 0);
	ldr_buf_reset(&b);
	/* A cut label carries its full text as a tooltip. */
	assert_int_equal(ldr_svg_text(&b, 0, 0, 3, "font-weight=\"bold\"", "A long label <here>", 10), 1);
	assert_non_null(strstr(b.s, "<title>A long label &lt;here&gt;</title>"));
	ldr_buf_release(&b);
}

/* The charts' own printf agrees with printf byte for byte: on ties, on
 * numbers just either side of a tie, on negative zero and small negatives,
 * on numbers too big for it, and on a million pseudo-random ones. */
static void same_as_printf(struct ldr_buf *b, double v, int digits)
{
	char want[64];
	snprintf(want, sizeof(want), "%.*f", digits, v);
	ldr_buf_reset(b);
	ldr_svg_addnum(b, v, digits);
	if (strcmp(b->s, want) != 0)
		fail_msg("%.17g with %d digits: %s, printf %s", v, digits, b->s, want);
}

static void test_number_formatter(void **state)
{
	static const double fixed[] = { 0, -0.0, 0.05, 0.15, 0.25, 0.35, -0.05, -0.04, 0.125, 0.375,
					2.675, 1.005, 999999.95, 1e6, 1e15, -1e7, 123.45, 0.45, 0.55, 1.25,
					2.5, 3.5, -2.5, 0.0049999999, 0.995, 9.95, 99.95, 1e-300 };
	struct ldr_buf b = LDR_BUF_INIT;
	unsigned long long x = 88172645463325252ULL;
	size_t i;
	double v;
	int d;
	(void)state;
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		for (d = 0; d <= 3; d++)
			same_as_printf(&b, fixed[i], d);
	for (i = 0; i < 1000000; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17; /* xorshift64 */
		v = (double)(x % 20000001) / (i % 3 ? 1000.0 : 20.0) - 10000.0;
		same_as_printf(&b, v, (int)(i % 4));
	}
	ldr_buf_reset(&b);
	ldr_svg_addf(&b, "<a x=\"%.1f\" r=\"%.2f\" n=\"%d\" m=\"%zu\" c=\"%c\" s=\"%s\" u=\"%u\" p=\"%%\"/>", -3.25,
		     0.125, -42, (size_t)7, 'q', "text", 5u);
	assert_string_equal(b.s, "<a x=\"-3.2\" r=\"0.12\" n=\"-42\" m=\"7\" c=\"q\" s=\"text\" u=\"5\" p=\"%\"/>");
	/* A conversion not its own: the whole by printf. */
	ldr_svg_addf(&b, "|%5.1f|%x", 2.25, 255u);
	assert_string_equal(b.s + strlen("<a x=\"-3.2\" r=\"0.12\" n=\"-42\" m=\"7\" c=\"q\" s=\"text\" u=\"5\" p=\"%\"/>"),
			    "|  2.2|ff");
	ldr_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_forbidden_characters),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_width_and_fit),
		cmocka_unit_test(test_document),
		cmocka_unit_test(test_number_formatter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
