/*
 * eco_node.c - the document tree and its arena.
 *
 * Nodes, scalar text and child arrays of one document come from one arena
 * of growing blocks, so a document is freed in a single call whatever its
 * size.  Aliases share the anchored node: the tree is a DAG and weight
 * counts what an expansion would cost.
 */
#include <stdint.h>
#include <stdio.h>
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

/* Readers. */

static const struct eco_node *
typed(const struct eco_node *m, const char *key, enum eco_type t)
{
	const struct eco_node *n = eco_map_get(m, key);

	return n && n->type == t ? n : NULL;
}

const char *
eco_map_str(const struct eco_node *m, const char *key)
{
	const struct eco_node *n = typed(m, key, ECO_STR);

	return n ? n->s : NULL;
}

const char *
eco_map_text(const struct eco_node *m, const char *key)
{
	const struct eco_node *n = eco_map_get(m, key);

	return n && n->type != ECO_SEQ && n->type != ECO_MAP &&
	    n->type != ECO_NULL ? n->s : NULL;
}

const char *
eco_map_date(const struct eco_node *m, const char *key)
{
	const struct eco_node *n = typed(m, key, ECO_STR);

	return n && eco_format_date(n->s, n->len) ? n->s : NULL;
}

int
eco_map_bool(const struct eco_node *m, const char *key, int otherwise)
{
	const struct eco_node *n = typed(m, key, ECO_BOOL);

	return n ? n->u.b : otherwise;
}

const struct eco_node *
eco_map_seq(const struct eco_node *m, const char *key)
{
	return typed(m, key, ECO_SEQ);
}

const struct eco_node *
eco_map_mapping(const struct eco_node *m, const char *key)
{
	return typed(m, key, ECO_MAP);
}

int
eco_seq_has(const struct eco_node *seq, const char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; seq && seq->type == ECO_SEQ && i < seq->len; i++)
		if (seq->u.items[i]->type == ECO_STR && seq->u.items[i]->len == n &&
		    memcmp(seq->u.items[i]->s, s, n) == 0)
			return 1;
	return 0;
}

/* Builders. */

struct eco_doc *
eco_doc_new(const char *file)
{
	struct eco_doc *d = calloc(1, sizeof *d);

	if (!d)
		return NULL;
	d->index = 1;
	if (!(d->arena = eco_arena_new()) ||
	    (file && !(d->file = strdup(file)))) {
		eco_doc_free(d);
		return NULL;
	}
	return d;
}

static struct eco_node *
new_node(struct eco_doc *d, enum eco_type t, const char *s, size_t len)
{
	struct eco_node *n;

	if (!d || !(n = eco_arena_alloc(d->arena, sizeof *n)))
		return NULL;
	memset(n, 0, sizeof *n);
	n->type = t;
	n->weight = 1;
	n->len = len;
	n->s = s;
	return n;
}

struct eco_node *
eco_node_str(struct eco_doc *d, const char *s)
{
	char *c;

	if (!d || !s || !(c = eco_arena_strndup(d->arena, s, strlen(s))))
		return NULL;
	return new_node(d, ECO_STR, c, strlen(c));
}

struct eco_node *
eco_node_int(struct eco_doc *d, long long v)
{
	char buf[24], *c;
	struct eco_node *n;
	int len = snprintf(buf, sizeof buf, "%lld", v);

	if (!d || !(c = eco_arena_strndup(d->arena, buf, (size_t)len)) ||
	    !(n = new_node(d, ECO_INT, c, (size_t)len)))
		return NULL;
	n->u.i = v;
	n->num = (double)v;
	return n;
}

struct eco_node *
eco_node_bool(struct eco_doc *d, int b)
{
	struct eco_node *n = new_node(d, ECO_BOOL, b ? "true" : "false",
	    b ? 4 : 5);

	if (n)
		n->u.b = b != 0;
	return n;
}

struct eco_node *
eco_node_null(struct eco_doc *d)
{
	return new_node(d, ECO_NULL, "null", 4);
}

struct eco_node *
eco_node_map(struct eco_doc *d)
{
	return new_node(d, ECO_MAP, "", 0);
}

struct eco_node *
eco_node_seq(struct eco_doc *d)
{
	return new_node(d, ECO_SEQ, "", 0);
}

/*
 * Room for one more element in an array of len elements of size each:
 * arrays grow through the powers of two, so the capacity need not be
 * kept; the old array stays in the arena until the document is freed.
 */
static void *
grow(struct eco_doc *d, void *v, size_t len, size_t size)
{
	void *p;

	if (len && (len & (len - 1)))
		return v;	/* not a power of two: there is room */
	if (len > SIZE_MAX / 2 / size ||
	    !(p = eco_arena_alloc(d->arena, (len ? len * 2 : 2) * size)))
		return NULL;
	if (len)
		memcpy(p, v, len * size);
	return p;
}

/* The tree is read-only once built: sharing a const node is safe. */
static struct eco_node *
shared(const struct eco_node *n)
{
	return (struct eco_node *)(uintptr_t)n;
}

int
eco_map_put(struct eco_doc *d, struct eco_node *m, const char *key,
    const struct eco_node *val)
{
	struct eco_pair *p;
	struct eco_node *k;

	if (!d || !m || m->type != ECO_MAP || !val || !key ||
	    !(k = eco_node_str(d, key)) ||
	    !(p = grow(d, m->u.pairs, m->len, sizeof *p)))
		return -1;
	m->u.pairs = p;
	p[m->len].key = k;
	p[m->len++].val = shared(val);
	m->weight += val->weight + 1;
	return 0;
}

int
eco_seq_push(struct eco_doc *d, struct eco_node *seq,
    const struct eco_node *item)
{
	struct eco_node **v;

	if (!d || !seq || seq->type != ECO_SEQ || !item ||
	    !(v = grow(d, seq->u.items, seq->len, sizeof *v)))
		return -1;
	seq->u.items = v;
	v[seq->len++] = shared(item);
	seq->weight += item->weight;
	return 0;
}

int
eco_map_put_str(struct eco_doc *d, struct eco_node *m, const char *key,
    const char *s)
{
	return !s ? 0 : eco_map_put(d, m, key, eco_node_str(d, s));
}

int
eco_map_put_strs(struct eco_doc *d, struct eco_node *m, const char *key,
    const char *const *v, size_t n)
{
	struct eco_node *seq;
	size_t i;

	if (!n)
		return 0;
	if (!(seq = eco_node_seq(d)))
		return -1;
	for (i = 0; i < n; i++)
		if (eco_seq_push(d, seq, eco_node_str(d, v[i])) < 0)
			return -1;
	return eco_map_put(d, m, key, seq);
}

const struct eco_doc *
eco_docs_with_id(const struct eco_doc *const *v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; id && i < n; i++)
		if (eco_map_str(v[i]->root, "id") &&
		    strcmp(eco_map_str(v[i]->root, "id"), id) == 0)
			return v[i];
	return NULL;
}
