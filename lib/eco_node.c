/*
 * eco_node.c - the document tree and its arena.
 *
 * Nodes, scalar text and child arrays of one document come from one arena
 * of growing blocks, so a document is freed in a single call whatever its
 * size.  Aliases share the anchored node: the tree is a DAG and weight
 * counts what an expansion would cost.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eco_priv.h"

struct block {
	struct block *next;
	size_t size, used;
	max_align_t data[];
};

struct eco_arena {
	struct block *head;
	size_t next_size;
};

struct eco_arena *
eco_arena_new(void)
{
	struct eco_arena *a = calloc(1, sizeof *a);

	if (a)
		a->next_size = 16384;
	return a;
}

void
eco_arena_free(struct eco_arena *a)
{
	struct block *b, *next;

	if (!a)
		return;
	for (b = a->head; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void *
eco_arena_alloc(struct eco_arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	struct block *b = a->head;
	size_t size;
	void *p;

	n = (n + align - 1) / align * align;
	if (n == 0)
		n = align;
	if (!b || b->size - b->used < n) {
		size = a->next_size;
		if (size < n)
			size = n;
		if (size > SIZE_MAX - sizeof *b)
			return NULL;
		if (!(b = malloc(sizeof *b + size)))
			return NULL;
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
		if (a->next_size < (1u << 20))
			a->next_size *= 2;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

char *
eco_arena_strndup(struct eco_arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX || !(p = eco_arena_alloc(a, n + 1)))
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
eco_doc_free(struct eco_doc *d)
{
	if (!d)
		return;
	eco_arena_free(d->arena);
	free((char *)d->file);
	free(d);
}

const struct eco_node *
eco_map_get(const struct eco_node *m, const char *key)
{
	size_t i, n;

	if (!m || m->type != ECO_MAP)
		return NULL;
	n = strlen(key);
	for (i = 0; i < m->len; i++) {
		const struct eco_node *k = m->u.pairs[i].key;

		if (k->type == ECO_STR && k->len == n && memcmp(k->s, key, n) == 0)
			return m->u.pairs[i].val;
	}
	return NULL;
}

const struct eco_node *
eco_node_path(const struct eco_node *m, const char *path)
{
	char buf[256];
	const char *dot;
	size_t n;

	while (m && (dot = strchr(path, '.'))) {
		n = (size_t)(dot - path);
		if (n >= sizeof buf)
			return NULL;
		memcpy(buf, path, n);
		buf[n] = '\0';
		m = eco_map_get(m, buf);
		path = dot + 1;
	}
	return eco_map_get(m, path);
}

/* Decimal digits of a big integer without sign and leading zeros. */
static const char *
digits_of(const char *s, int *neg)
{
	*neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	while (*s == '0' && s[1])
		s++;
	return s;
}

static int
big_equal(const struct eco_node *a, const struct eco_node *b)
{
	int na, nb;
	const char *x, *y;

	if (a->s[0] == '0' && (a->s[1] == 'o' || a->s[1] == 'x'))
		return a->num == b->num;
	if (b->s[0] == '0' && (b->s[1] == 'o' || b->s[1] == 'x'))
		return a->num == b->num;
	x = digits_of(a->s, &na);
	y = digits_of(b->s, &nb);
	return na == nb && strcmp(x, y) == 0;
}

int
eco_node_equal(const struct eco_node *a, const struct eco_node *b)
{
	size_t i;

	if (a == b)
		return 1;
	if (a->type != b->type)
		return 0;
	if ((a->type == ECO_STR || a->type == ECO_SEQ || a->type == ECO_MAP) &&
	    a->len != b->len)
		return 0;
	switch (a->type) {
	case ECO_NULL:
		return 1;
	case ECO_BOOL:
		return a->u.b == b->u.b;
	case ECO_INT:
		if ((a->flags | b->flags) & ECO_F_BIG)
			return (a->flags & b->flags & ECO_F_BIG) && big_equal(a, b);
		return a->u.i == b->u.i;
	case ECO_FLOAT:
		return a->u.f == b->u.f || (a->u.f != a->u.f && b->u.f != b->u.f);
	case ECO_STR:
		return memcmp(a->s, b->s, a->len) == 0;
	case ECO_SEQ:
		for (i = 0; i < a->len; i++)
			if (!eco_node_equal(a->u.items[i], b->u.items[i]))
				return 0;
		return 1;
	case ECO_MAP:
		for (i = 0; i < a->len; i++) {
			const struct eco_pair *p = &a->u.pairs[i];
			size_t j;

			for (j = 0; j < b->len; j++)
				if (eco_node_equal(p->key, b->u.pairs[j].key))
					break;
			if (j == b->len || !eco_node_equal(p->val, b->u.pairs[j].val))
				return 0;
		}
		return 1;
	}
	return 0;
}

const char *
eco_type_name(enum eco_type t)
{
	switch (t) {
	case ECO_NULL: return _("null");
	case ECO_BOOL: return _("boolean");
	case ECO_INT: return _("integer");
	case ECO_FLOAT: return _("number");
	case ECO_STR: return _("string");
	case ECO_SEQ: return _("sequence");
	case ECO_MAP: return _("mapping");
	}
	return "?";
}

size_t
eco_utf8_len(const char *s, size_t n)
{
	size_t i, cp = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			cp++;
	return cp;
}

size_t
eco_utf8_check(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i];
		size_t k, need;
		unsigned long cp;

		/* eight ASCII bytes without NUL at a time */
		if (n - i >= 8) {
			uint64_t w;

			memcpy(&w, p + i, 8);
			if (!(w & 0x8080808080808080u) &&
			    !((w - 0x0101010101010101u) & ~w & 0x8080808080808080u)) {
				i += 8;
				continue;
			}
		}
		if (c >= 0x01 && c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			cp = c & 0x07;
		} else
			return i;	/* NUL, continuation or invalid lead */
		if (n - i <= need)
			return i;
		for (k = 1; k <= need; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (p[i + k] & 0x3F);
		}
		if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += need + 1;
	}
	return n;
}
