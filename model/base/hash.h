/* A string-keyed hash table (open addressing). Keys are not copied: they
 * must outlive the table. */
#ifndef LDR_HASH_H
#define LDR_HASH_H

#include <stddef.h>

struct ldr_hash_entry {
	const char *key;
	void *value;
	/* The key's hash: a probe compares it before the key, so that it
	 * reads only the one key that matches (the keys are elsewhere in
	 * memory, each read a likely cache miss). */
	unsigned long long hash;
};

struct ldr_hash {
	struct ldr_hash_entry *v;
	size_t cap, n;
};
#define LDR_HASH_INIT { NULL, 0, 0 }

/* Insert key -> value. If the key is already present, leaves the table
 * unchanged and returns the existing entry; otherwise returns NULL. */
struct ldr_hash_entry *ldr_hash_put(struct ldr_hash *h, const char *key, void *value);
/* The value for key, or NULL. */
void *ldr_hash_get(const struct ldr_hash *h, const char *key);
void ldr_hash_clear(struct ldr_hash *h);
/* Room for n keys without growing (for a table whose size is known). */
void ldr_hash_reserve(struct ldr_hash *h, size_t n);

/* FNV-1a of bytes: to notice that a file changed, not for security. */
unsigned long long ldr_hash_bytes(const void *data, size_t len);

#endif
