#include "hash.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

static struct ldr_hash_entry *slot(const struct ldr_hash *h, const char *key, uint64_t hash)
{
	size_t mask = h->cap - 1, i = (size_t)hash & mask;
	while (h->v[i].key && (h->v[i].hash != hash || strcmp(h->v[i].key, key) != 0))
		i = (i + 1) & mask;
	return &h->v[i];
}

static void rehash(struct ldr_hash *h, size_t cap)
{
	struct ldr_hash old = *h;
	size_t i, mask = cap - 1;

	h->v = ldr_calloc(cap, sizeof(*h->v));
	h->cap = cap;
	/* The keys are distinct: the first empty slot, without comparing. */
	for (i = 0; i < old.cap; i++)
		if (old.v[i].key) {
			size_t j = (size_t)old.v[i].hash & mask;
			while (h->v[j].key)
				j = (j + 1) & mask;
			h->v[j] = old.v[i];
		}
	free(old.v);
}

struct ldr_hash_entry *ldr_hash_put(struct ldr_hash *h, const char *key, void *value)
{
	struct ldr_hash_entry *e;
	uint64_t hash = hash_str(key);

	if ((h->n + 1) * 2 > h->cap)
		rehash(h, h->cap ? h->cap * 2 : 16);
	e = slot(h, key, hash);
	if (e->key)
		return e;
	e->key = key;
	e->value = value;
	e->hash = hash;
	h->n++;
	return NULL;
}

void *ldr_hash_get(const struct ldr_hash *h, const char *key)
{
	struct ldr_hash_entry *e;
	if (!h->cap)
		return NULL;
	e = slot(h, key, hash_str(key));
	return e->key ? e->value : NULL;
}

void ldr_hash_reserve(struct ldr_hash *h, size_t n)
{
	size_t cap = h->cap ? h->cap : 16;

	while ((n + 1) * 2 > cap)
		cap *= 2;
	if (cap > h->cap)
		rehash(h, cap);
}

void ldr_hash_clear(struct ldr_hash *h)
{
	free(h->v);
	h->v = NULL;
	h->cap = h->n = 0;
}

unsigned long long ldr_hash_bytes(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = 1469598103934665603ULL;
	while (len--) {
		h ^= *p++;
		h *= 1099511628211ULL;
	}
	return h;
}
