/*
 * fuzz_roundtrip - libFuzzer target: what eco writes, eco reads back.
 *
 * Every document that loads without error is written with eco_emit_yaml
 * to a memory stream and loaded again: the stream must hold exactly one
 * document, without error, equal (eco_node_equal) to the first.  It is
 * also written with eco_emit_json, whose output must be one well-formed
 * JSON value (RFC 8259) and a newline, unless eco_emit_json said the
 * tree holds something JSON cannot carry.  Any mismatch aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Bytes of the document once aliases are expanded, capped at max. */
static size_t
expanded_bytes(const struct eco_node *n, size_t max)
{
	size_t i, t = 16;

	switch (n->type) {
	case ECO_SEQ:
		for (i = 0; i < n->len && t <= max; i++)
			t += expanded_bytes(n->u.items[i], max);
		return t;
	case ECO_MAP:
		for (i = 0; i < n->len && t <= max; i++) {
			t += expanded_bytes(n->u.pairs[i].key, max);
			t += expanded_bytes(n->u.pairs[i].val, max);
		}
		return t;
	default:
		return t + n->len;
	}
}

/* A small RFC 8259 checker: 1 when p..end holds one value. */
struct js {
	const char *p, *end;
	int depth;
};

static int jvalue(struct js *);

static void
jws(struct js *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
	    *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static int
jlit(struct js *j, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n) != 0)
		return 0;
	j->p += n;
	return 1;
}

static int
jdigits(struct js *j)
{
	const char *s = j->p;

	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > s;
}

static int
jnumber(struct js *j)
{
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p < j->end && *j->p == '0')
		j->p++;
	else if (!jdigits(j))
		return 0;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (!jdigits(j))
			return 0;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (!jdigits(j))
			return 0;
	}
	return 1;
}

static int
jstring(struct js *j)
{
	if (j->p >= j->end || *j->p != '"')
		return 0;
	for (j->p++; j->p < j->end; j->p++) {
		unsigned char c = (unsigned char)*j->p;

		if (c == '"') {
			j->p++;
			return 1;
		}
		if (c < 0x20)
			return 0;
		if (c == '\\') {
			if (++j->p >= j->end)
				return 0;
			if (*j->p == 'u') {
				int k;

				for (k = 0; k < 4; k++) {
					if (++j->p >= j->end)
						return 0;
					c = (unsigned char)*j->p;
					if (!((c >= '0' && c <= '9') ||
					    (c >= 'a' && c <= 'f') ||
					    (c >= 'A' && c <= 'F')))
						return 0;
				}
			} else if (!*j->p || !strchr("\"\\/bfnrt", *j->p))
				return 0;
		}
	}
	return 0;
}

static int
jcontainer(struct js *j, char close, int members)
{
	j->p++;
	jws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		return 1;
	}
	for (;;) {
		jws(j);
		if (members) {
			if (!jstring(j))
				return 0;
			jws(j);
			if (j->p >= j->end || *j->p++ != ':')
				return 0;
		}
		if (!jvalue(j))
			return 0;
		jws(j);
		if (j->p >= j->end)
			return 0;
		if (*j->p == close) {
			j->p++;
			return 1;
		}
		if (*j->p++ != ',')
			return 0;
	}
}

static int
jvalue(struct js *j)
{
	int ok;

	jws(j);
	if (j->p >= j->end || ++j->depth > 1000)
		return 0;
	switch (*j->p) {
	case '{': ok = jcontainer(j, '}', 1); break;
	case '[': ok = jcontainer(j, ']', 0); break;
	case '"': ok = jstring(j); break;
	case 't': ok = jlit(j, "true"); break;
	case 'f': ok = jlit(j, "false"); break;
	case 'n': ok = jlit(j, "null"); break;
	default: ok = jnumber(j); break;
	}
	j->depth--;
	return ok;
}

static void
check_json(const char *buf, size_t len)
{
	struct js j = { buf, buf + len, 0 };

	if (len < 2 || buf[len - 1] != '\n' || memchr(buf, '\n', len) !=
	    buf + len - 1)
		abort();		/* one value, one line */
	j.end--;
	if (!jvalue(&j) || j.p != j.end)
		abort();
}

static void
roundtrip(const struct eco_doc *doc, const struct eco_limits *lim)
{
	struct eco_diags d;
	struct eco_reader *r;
	struct eco_doc *again = NULL, *extra = NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	int rc;

	/* YAML out, YAML in. */
	if (!(fp = open_memstream(&buf, &len)))
		return;
	rc = eco_emit_yaml(fp, doc->root);
	if (fclose(fp) != 0 || rc != 0)
		abort();
	eco_diags_init(&d);
	r = eco_reader_mem(buf, len, "again", lim, &d);
	if (!r)
		abort();
	if (eco_reader_next(r, &again) != 1 || again->nerr != 0 ||
	    !eco_node_equal(doc->root, again->root))
		abort();
	if (eco_reader_next(r, &extra) != 0 || d.nerr != 0)
		abort();
	eco_doc_free(again);
	eco_reader_close(r);
	eco_diags_free(&d);
	free(buf);

	/* JSON out: well formed, or refused with a reason. */
	buf = NULL;
	len = 0;
	if (!(fp = open_memstream(&buf, &len)))
		return;
	eco_diags_init(&d);
	rc = eco_emit_json(fp, doc->root, doc->file, &d);
	if (fclose(fp) != 0 || rc == -1)
		abort();
	if (rc == 0) {
		if (d.n != 0)
			abort();
		check_json(buf, len);
	} else if (rc != -2 || d.nerr == 0)
		abort();
	eco_diags_free(&d);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_reader *r;
	struct eco_doc *doc;

	eco_limits_default(&lim);
	eco_diags_init(&d);
	r = eco_reader_mem((const char *)data, size, "fuzz", &lim, &d);
	if (r) {
		while (eco_reader_next(r, &doc) > 0) {
			/* Aliases can multiply a document's bytes (a 1 MiB
			 * scalar times 100 000): keep each run small. */
			if (doc->nerr == 0 &&
			    expanded_bytes(doc->root, 1 << 20) <= 1 << 20)
				roundtrip(doc, &lim);
			eco_doc_free(doc);
		}
		eco_reader_close(r);
	}
	eco_diags_free(&d);
	return 0;
}
