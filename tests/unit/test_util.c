/* The small pieces: suggestions, quoting of untrusted text, the hash table,
 * UTF-8 decoding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../model/base/hash.h"
#include "helpers.h"

static void test_suggest(void **state)
{
	static const char *const keys[] = { "depends_on", "description", "delivered", "derived", "status" };
	(void)state;
	assert_string_equal(ldr_suggest("dependson", keys, 5, sizeof(char *)), "depends_on");
	assert_string_equal(ldr_suggest("Status", keys, 5, sizeof(char *)), "status");
	assert_string_equal(ldr_suggest("stauts", keys, 5, sizeof(char *)), "status");
	assert_string_equal(ldr_suggest("delivred", keys, 5, sizeof(char *)), "delivered");
	assert_null(ldr_suggest("colour", keys, 5, sizeof(char *)));
	assert_null(ldr_suggest("x", keys, 5, sizeof(char *)));
	assert_int_equal(ldr_edit_distance("abc", "abc", 2), 0);
	assert_int_equal(ldr_edit_distance("abc", "acb", 2), 1); /* a transposition */
	assert_int_equal(ldr_edit_distance("abc", "xyzabc", 2), 3); /* capped: cap + 1 */
}

/* A buffer added to is a string, even when what was added is empty. */
static void test_buf_empty_addf(void **state)
{
	struct ldr_buf b = LDR_BUF_INIT;
	(void)state;
	ldr_buf_addf(&b, "%s", "");
	assert_non_null(b.s);
	assert_string_equal(b.s, "");
	assert_int_equal(b.len, 0);
	ldr_buf_addf(&b, "%d%s", 7, "");
	assert_string_equal(b.s, "7");
	ldr_buf_release(&b);
}

static void test_quoting_untrusted_text(void **state)
{
	struct ldr_buf b = LDR_BUF_INIT;
	(void)state;
	ldr_buf_addquoted(&b, "ok \x1b[2J\x07 caf\xc3\xa9 \xff\n\t\xc2\x9b", 100);
	assert_string_equal(b.s, "ok \\x1B[2J\\x07 caf\xc3\xa9 \\xFF\\n\\t\\x9B");
	ldr_buf_reset(&b);
	ldr_buf_addquoted(&b, "a\xe2\x80\xaelive\xe2\x81\xa6x", 100); /* U+202E, U+2066 */
	assert_string_equal(b.s, "a\\u202Elive\\u2066x");
	ldr_buf_reset(&b);
	ldr_buf_addquoted(&b, "abcdefgh", 3);
	assert_string_equal(b.s, "abc...");
	ldr_buf_release(&b);
}

static void test_utf8(void **state)
{
	unsigned cp;
	(void)state;
	assert_int_equal(ldr_utf8_decode("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(ldr_utf8_decode("\xe2\x80\x94", 3, &cp), 3);
	assert_int_equal(cp, 0x2014);
	assert_int_equal(ldr_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(ldr_utf8_decode("\xc0\xaf", 2, &cp), 0);       /* overlong */
	assert_int_equal(ldr_utf8_decode("\xed\xa0\x80", 3, &cp), 0);   /* a surrogate */
	assert_int_equal(ldr_utf8_decode("\xe2\x80", 2, &cp), 0);       /* truncated */
	assert_int_equal(ldr_utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0); /* past U+10FFFF */
}

/* What the interface types in: every length, and back through the decoder. */
static void test_utf8_encode(void **state)
{
	static const unsigned cps[] = { 'a', 0xA3, 0x7FF, 0x800, 0x2013, 0xFFFD, 0x10000, 0x1F600,
					0x10FFFF };
	char u[4];
	size_t i, n;
	unsigned back;
	(void)state;
	assert_int_equal(ldr_utf8_encode(0xE9, u), 2);
	assert_memory_equal(u, "\xc3\xa9", 2);
	for (i = 0; i < sizeof(cps) / sizeof(*cps); i++) {
		n = ldr_utf8_encode(cps[i], u);
		assert_int_equal(n, cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2 : cps[i] < 0x10000 ? 3 : 4);
		assert_int_equal(ldr_utf8_decode(u, n, &back), n);
		assert_int_equal(back, cps[i]);
	}
}

static void test_hash(void **state)
{
	struct ldr_hash h = LDR_HASH_INIT;
	char keys[5000][8];
	int values[5000];
	size_t i;
	(void)state;

	for (i = 0; i < 5000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%zu", i);
		values[i] = (int)i;
		assert_null(ldr_hash_put(&h, keys[i], &values[i]));
	}
	assert_int_equal(h.n, 5000);
	for (i = 0; i < 5000; i++)
		assert_ptr_equal(ldr_hash_get(&h, keys[i]), &values[i]);
	assert_null(ldr_hash_get(&h, "missing"));
	/* A second put of a key returns the first entry and changes nothing. */
	assert_ptr_equal(ldr_hash_put(&h, "k7", NULL)->value, &values[7]);
	assert_ptr_equal(ldr_hash_get(&h, "k7"), &values[7]);
	ldr_hash_clear(&h);
	assert_null(ldr_hash_get(&h, "k7"));
}

/* Room reserved for the keys to come: the table does not grow while they
 * go in, and what was in it before is still found. */
static void test_hash_reserve(void **state)
{
	static char keys[3000][8];
	struct ldr_hash h = LDR_HASH_INIT;
	struct ldr_hash_entry *v;
	size_t i;

	(void)state;
	ldr_hash_put(&h, "first", &h);
	ldr_hash_reserve(&h, 3000);
	v = h.v;
	assert_true(h.cap >= 6002);
	for (i = 0; i < 2999; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%zu", i);
		ldr_hash_put(&h, keys[i], keys[i]);
	}
	assert_ptr_equal(h.v, v);
	assert_ptr_equal(ldr_hash_get(&h, "first"), &h);
	assert_ptr_equal(ldr_hash_get(&h, "k2998"), keys[2998]);
	ldr_hash_reserve(&h, 10); /* never smaller */
	assert_ptr_equal(h.v, v);
	ldr_hash_clear(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_buf_empty_addf),
		cmocka_unit_test(test_quoting_untrusted_text),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_utf8_encode),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_hash_reserve),
	};
	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
