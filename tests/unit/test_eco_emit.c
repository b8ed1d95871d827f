/*
 * test_eco_emit.c - unit tests of eco_emit.c: YAML round trips (load,
 * emit, load again, compare with eco_node_equal), quoting of strings that
 * would read back as another type, number forms, and JSON output.
 *
 * Fixture loops keep their allocations local and report every failing
 * fixture before the one assertion; other tests keep theirs in t, which
 * teardown frees even when an assertion fails.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "eco.h"

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
#define NDOCS 4

static struct eco_limits lim;

static struct {
	struct eco_diags d;
	struct eco_doc *doc[NDOCS];
	size_t ndoc;
	char *out;
	size_t outlen;
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_limits_default(&lim);
	eco_diags_init(&t.d);
	return 0;
}

static int
teardown(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < t.ndoc; i++)
		eco_doc_free(t.doc[i]);
	free(t.out);
	eco_diags_free(&t.d);
	return 0;
}

static void
print_diags(const struct eco_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		print_error("  diag: %s:%d:%d: %s [%s]\n",
		    d->v[i].file ? d->v[i].file : "(null)", d->v[i].line,
		    d->v[i].col, d->v[i].msg,
		    d->v[i].check ? d->v[i].check : "");
}

/* The one document of len bytes of text, loaded without error; or NULL. */
static struct eco_doc *
read_doc(const char *text, size_t len, struct eco_diags *d)
{
	struct eco_reader *r;
	struct eco_doc *doc = NULL, *more = NULL;

	if (!(r = eco_reader_mem(text, len, "t.yaml", &lim, d)))
		return NULL;
	if (eco_reader_next(r, &doc) <= 0 || eco_reader_next(r, &more) != 0 ||
	    doc->nerr) {
		eco_doc_free(doc);
		eco_doc_free(more);
		doc = NULL;
	}
	eco_reader_close(r);
	return doc;
}

/* Emit root as YAML or JSON into a malloc'd string; rc gets the result. */
static char *
emit(const struct eco_node *root, int json, struct eco_diags *d, int *rc,
    size_t *lenp)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	if (!(fp = open_memstream(&buf, &len)))
		return NULL;
	*rc = json ? eco_emit_json(fp, root, "t.yaml", d) :
	    eco_emit_yaml(fp, root);
	if (fclose(fp) != 0) {
		free(buf);
		return NULL;
	}
	if (lenp)
		*lenp = len;
	return buf;
}

/* Load text into t (no error allowed) and return its root. */
static const struct eco_node *
load_t(const char *text)
{
	struct eco_doc *doc;

	assert_true(t.ndoc < NDOCS);
	doc = read_doc(text, strlen(text), &t.d);
	if (!doc)
		print_diags(&t.d);
	assert_non_null(doc);
	t.doc[t.ndoc++] = doc;
	return doc->root;
}

/* YAML of text's document, kept in t.out. */
static const char *
yaml_t(const char *text)
{
	const struct eco_node *root = load_t(text);
	int rc = 0;

	free(t.out);
	assert_non_null(t.out = emit(root, 0, &t.d, &rc, &t.outlen));
	assert_int_equal(rc, 0);
	return t.out;
}

/* JSON of text's document, kept in t.out; rc gets the result. */
static const char *
json_t(const char *text, int *rc)
{
	const struct eco_node *root = load_t(text);

	free(t.out);
	assert_non_null(t.out = emit(root, 1, &t.d, rc, &t.outlen));
	return t.out;
}

/* 1 when text survives load → emit → load unchanged; else says why. */
static int
roundtrip(const char *text)
{
	struct eco_diags d;
	struct eco_doc *a, *b = NULL;
	char *out = NULL;
	size_t len = 0;
	int ok = 0, rc = -1;

	eco_diags_init(&d);
	if (!(a = read_doc(text, strlen(text), &d)))
		print_error("fixture does not load:\n%s\n", text);
	else if (!(out = emit(a->root, 0, &d, &rc, &len)) || rc != 0)
		print_error("cannot emit:\n%s\n", text);
	else if (!(b = read_doc(out, len, &d)))
		print_error("output does not load:\n%s-- from:\n%s\n", out,
		    text);
	else if (!eco_node_equal(a->root, b->root))
		print_error("round trip differs:\n%s-- from:\n%s\n", out,
		    text);
	else
		ok = 1;
	if (!ok)
		print_diags(&d);
	eco_doc_free(a);
	eco_doc_free(b);
	free(out);
	eco_diags_free(&d);
	return ok;
}

/* Round-trip every fixture; fmt turns each into a document. */
static size_t
roundtrip_all(const char *const *fx, size_t n, const char *fmt)
{
	char buf[512];
	size_t i, bad = 0;

	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof buf, fmt, fx[i]);
		bad += !roundtrip(buf);
	}
	return bad;
}

#define ROUNDTRIP(fx, fmt) \
	assert_int_equal(roundtrip_all(fx, sizeof fx / sizeof *fx, fmt), 0)

/* Round trips. */

static const char *const scalar_fx[] = {
	"~", "null", "NULL", "", "true", "FALSE", "True",
	"42", "-7", "+12", "007", "0", "-0", "0o17", "0x1F", "0xff",
	"123456789012345678901234567890", "-99999999999999999999",
	"+000123456789012345678901", "0xFFFFFFFFFFFFFFFFFFFF",
	"0o7777777777777777777777777",
	"1.5", ".5", "1.", "1e3", "1E3", "-1.5e-3", "+.5", "007.5", "0.0",
	"-0.0", "1.e3", ".5e3", "1e400", "123456789.123456789e-10",
	".inf", "-.inf", "+.inf", ".Inf", ".nan", ".NaN", ".NAN",
	"hello world", "oui", "non", "cpe-soleil", "nULL", ".Nan", "-.nan",
};

static void
test_roundtrip_scalars(void **state)
{
	(void)state;
	ROUNDTRIP(scalar_fx, "v: %s\n");
	ROUNDTRIP(scalar_fx, "--- %s\n");
}

/* Strings that read back as another type unless quoted. */
static const char *const lookalike_fx[] = {
	"'123'", "\"true\"", "'null'", "'no'", "'on'", "'y'", "'n'",
	"'2026-09-01'", "'1:30'", "''", "'~'", "'<<'", "'Yes'", "'OFF'",
	"'='", "'0x1F'", "'0o17'", "'1e3'", "'.5'", "'1.'", "'-.inf'",
	"'.nan'", "'1_000'", "'0x'", "'0o9'", "'+'", "'-'", "'-1'", "'+1'",
	"'.'", "'1.2.3'", "'12:30:00'", "'True'", "'NULL'", "'FALSE'",
	"'- x'", "'a: b'", "'# c'", "'a #b'", "'[x]'", "'{y}'", "'*a'",
	"'&a'", "'!t'", "'%p'", "'@a'", "'`b'", "'|'", "'>'", "'?'", "':'",
	"','", "'\"q\"'", "\"it's\"", "' lead'", "'trail '", "'   '",
	"'---'", "'...'", "'-1:30'", "'0b101'", "'+.5'", "'1 000'",
};

static void
test_roundtrip_lookalikes(void **state)
{
	(void)state;
	ROUNDTRIP(lookalike_fx, "v: %s\n");
	ROUNDTRIP(lookalike_fx, "%s: v\n");
	ROUNDTRIP(lookalike_fx, "--- %s\n");
	ROUNDTRIP(lookalike_fx, "- %s\n");
}

static const char *const multiline_fx[] = {
	"v: |\n  line1\n  line2\n",
	"v: |-\n  no newline\n  at the end\n",
	"v: |+\n  keep\n\n\n",
	"v: |+\n  keep\n\n\nw: 1\n",
	"v: |2\n    leading spaces\n  x\n",
	"v: \"  lead\\n  second\\n\"\n",
	"v: \"\\n\\nstarts with breaks\"\n",
	"v: \"trailing spaces  \\nx\"\n",
	"v: \"tab\\tinside\\nx\"\n",
	"v: \"\\n\"\n",
	"v: \"\\n\\n\"\n",
	"v: \" \\n\"\n",
	"v: \"x\\n \"\n",
	"v: >\n  folded\n  text\n",
	"- |\n  in a\n  sequence\n- x\n",
	"a:\n  b: |\n    deep\n     indent\n",
	"? |\n  multi\n  line key\n: v\n",
};

static void
test_roundtrip_multiline(void **state)
{
	(void)state;
	ROUNDTRIP(multiline_fx, "%s");
}

static const char *const special_fx[] = {
	"v: \"x\\ry\"\n",
	"v: \"a\\0b\"\n",
	"v: \"\\x01ctl\\x1f\"\n",
	"v: \"del\\x7f\"\n",
	"v: \"nel\\Nx\"\n",
	"v: \"ls\\Lx\"\n",
	"v: \"ps\\Px\"\n",
	"v: \"nbsp\\_x\"\n",
	"v: \"bom\\uFEFFx\"\n",
	"v: \"\\t\"\n",
};

static void
test_roundtrip_special_chars(void **state)
{
	(void)state;
	ROUNDTRIP(special_fx, "%s");
}

static const char *const unicode_fx[] = {
	"v: \xc2\xab \xc3\xa9\xc3\xa7\xc3\xa0 \xc2\xbb\n",
	"v: \xf0\x9f\x98\x80\n",
	"v: \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\n",
	"cl\xc3\xa9: valeur\n",
	"v: \"\\u00e9\\U0001F600\"\n",
	"v: \xe2\x80\x8b\n",
	"v: 'Accro\xc3\xaetre l''\xc3\xa9veil \xc3\xa0 la lecture'\n",
};

static void
test_roundtrip_unicode(void **state)
{
	(void)state;
	ROUNDTRIP(unicode_fx, "%s");
}

static const char *const doc_fx[] = {
	/* keys needing quotes, keys of every type */
	"'123': a\n'true': b\n'null': c\n'': d\n'a: b': e\n'- x': f\n"
	"'<<': g\n'~': h\n'y': i\n'2026-09-01': j\n'on': k\n",
	"1: int\n1.5: float\ntrue: bool\n~: null\n0x1F: hex\n",
	"? [1, 2]\n: x\n? {a: 1}\n: y\n",
	/* empty collections */
	"a: []\nb: {}\nc: ''\nd:\n",
	/* nesting */
	"a:\n  b:\n    c: [1, {d: [e, {f: g}]}]\n  h:\n    - - i\n      - j\n"
	"    - k: l\n",
	"- - - - deep\n",
	/* merges and aliases */
	"base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  z: 3\n",
	"a: &a {x: 1}\nb: &b {y: 2}\nm: {<<: [*a, *b], z: 3}\n",
	"a: &x [1, 2]\nb: *x\nc: &s str\nd: *s\ne: [*x, *s]\n",
	/* a plan, as in DESIGN.md */
	"kind: plan\nversion: 1\n"
	"periode: {debut: 2026-09-01, fin: 2029-06-30}\n"
	"objectifs:\n  - id: obj-lecture\n    priorites: [pri-3]\n"
	"    transformations:\n      enfant:\n        indicateurs:\n"
	"          - {id: ind-emprunts, valeur_depart: 1200, cible: 1800,\n"
	"             echeance: 2028-06-30}\n        actions:\n"
	"          - id: act-heure-conte\n            budget:\n"
	"              - {poste: animation, montant: 4500.00}\n"
	"            calendrier_suivi: [2027-01-15, 2027-06-15]\n",
};

static void
test_roundtrip_documents(void **state)
{
	(void)state;
	ROUNDTRIP(doc_fx, "%s");
}

/* Empty collections first in a document. */
static const char *const empty_fx[] = {
	"[]\n",
	"{}\n",
	"- []\n- {}\n- [[]]\n- {a: {}}\n",
};

static void
test_roundtrip_empty_collections(void **state)
{
	(void)state;
	ROUNDTRIP(empty_fx, "%s");
}

static void
test_emit_concatenates(void **state)
{
	const struct eco_node *a, *b;
	struct eco_reader *r;
	struct eco_doc *d1 = NULL, *d2 = NULL, *d3 = NULL;
	FILE *fp;
	int ok;

	(void)state;
	a = load_t("a: 1\n");
	b = load_t("- 'x'\n- 2\n");
	assert_non_null(fp = open_memstream(&t.out, &t.outlen));
	assert_int_equal(eco_emit_yaml(fp, a), 0);
	assert_int_equal(eco_emit_yaml(fp, b), 0);
	assert_int_equal(fclose(fp), 0);
	assert_non_null(r = eco_reader_mem(t.out, t.outlen, "t.yaml", &lim,
	    &t.d));
	ok = eco_reader_next(r, &d1) == 1 && eco_reader_next(r, &d2) == 1 &&
	    eco_reader_next(r, &d3) == 0 && eco_node_equal(a, d1->root) &&
	    eco_node_equal(b, d2->root) && d2->index == 2;
	eco_doc_free(d1);
	eco_doc_free(d2);
	eco_reader_close(r);
	if (!ok)
		print_error("%s", t.out);
	assert_true(ok);
}

/* Quoting. */

/* 1 when the value of "v" in YAML text out is quoted. */
static int
value_quoted(const char *out)
{
	const char *p = strstr(out, "v: ");

	return p && (p[3] == '\'' || p[3] == '"');
}

static const char *const quoted_words[] = {
	"123", "true", "null", "no", "on", "y", "2026-09-01", "1:30", "",
	"~", "<<", "Yes", "OFF", "n", "N", "=", "0x1F", "0o17", "1e3", ".5",
	"-.inf", ".nan", "1_000", "-1", "+1", "12:30:00", "True", "NULL",
	"1.2.3", "0x", "0o9", "-1:30", "0b101",
};

static const char *const plain_words[] = {
	"hello", "oui", "non", "cpe-soleil", "\xc3\xa9t\xc3\xa9", "a b",
	"nULL", "yess", "x1", "obj-lecture",
};

static void
test_emit_quotes_lookalikes(void **state)
{
	struct eco_diags d;
	struct eco_doc *doc;
	char buf[128], *out;
	size_t i, bad = 0;
	int rc;

	(void)state;
	eco_diags_init(&d);
	for (i = 0; i < sizeof quoted_words / sizeof *quoted_words; i++) {
		snprintf(buf, sizeof buf, "v: '%s'\n", quoted_words[i]);
		assert_non_null(doc = read_doc(buf, strlen(buf), &d));
		out = emit(doc->root, 0, &d, &rc, NULL);
		if (!out || rc != 0 || !value_quoted(out)) {
			print_error("« %s » not quoted: %s", quoted_words[i],
			    out ? out : "(no output)\n");
			bad++;
		}
		/* As a key too. */
		free(out);
		eco_doc_free(doc);
		snprintf(buf, sizeof buf, "'%s': v\n", quoted_words[i]);
		assert_non_null(doc = read_doc(buf, strlen(buf), &d));
		out = emit(doc->root, 0, &d, &rc, NULL);
		if (!out || rc != 0 || strncmp(out, "---\n", 4) != 0 ||
		    (out[4] != '\'' && out[4] != '"')) {
			print_error("key « %s » not quoted: %s",
			    quoted_words[i], out ? out : "(no output)\n");
			bad++;
		}
		free(out);
		eco_doc_free(doc);
	}
	eco_diags_free(&d);
	assert_int_equal(bad, 0);
}

static void
test_emit_plain_words(void **state)
{
	struct eco_diags d;
	struct eco_doc *doc;
	char buf[128], *out;
	size_t i, bad = 0;
	int rc;

	(void)state;
	eco_diags_init(&d);
	for (i = 0; i < sizeof plain_words / sizeof *plain_words; i++) {
		snprintf(buf, sizeof buf, "v: '%s'\n", plain_words[i]);
		assert_non_null(doc = read_doc(buf, strlen(buf), &d));
		out = emit(doc->root, 0, &d, &rc, NULL);
		if (!out || rc != 0 || value_quoted(out) ||
		    !strstr(out, plain_words[i])) {
			print_error("« %s » quoted needlessly: %s",
			    plain_words[i], out ? out : "(no output)\n");
			bad++;
		}
		free(out);
		eco_doc_free(doc);
	}
	eco_diags_free(&d);
	assert_int_equal(bad, 0);
}

static void
test_str_needs_quotes(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof quoted_words / sizeof *quoted_words; i++)
		if (!eco_str_needs_quotes(quoted_words[i],
		    strlen(quoted_words[i])))
			fail_msg("« %s » needs quotes", quoted_words[i]);
	for (i = 0; i < sizeof plain_words / sizeof *plain_words; i++)
		if (eco_str_needs_quotes(plain_words[i],
		    strlen(plain_words[i])))
			fail_msg("« %s » needs no quotes", plain_words[i]);
}

/* The one "may this be plain" test: type, then syntax. */
static void
test_str_plain(void **state)
{
	static const char *const plain[] = {
		"cpe-soleil", "Maison de la famille", "a:b", "x#y",
		"L'heure du conte", "« oui »", "été", "a-", "fin:x"
	};
	static const char *const quoted[] = {
		"yes", "no", "true", "null", "12", "-3", ".5", "2026-09-01",
		"- item", "-x", "?x", ":x", "a: b", "a #b", " lead", "trail ",
		"a:", "[x]", "{x}", "#c", "&a", "*a", "!t", "|x", ">x", "'x",
		"\"x", "%x", "@x", "`x", ",x", "a\tb", "a\nb", "a\x1b" "b",
		"\tx", "x\t"
	};
	static const char *const flow[] = { "a,b", "a[b", "a]b", "a{b", "a}b" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof plain / sizeof *plain; i++)
		if (!eco_str_plain(plain[i], strlen(plain[i]), 0) ||
		    !eco_str_plain(plain[i], strlen(plain[i]), ECO_PLAIN_FLOW))
			fail_msg("« %s » may be plain", plain[i]);
	for (i = 0; i < sizeof quoted / sizeof *quoted; i++)
		if (eco_str_plain(quoted[i], strlen(quoted[i]), 0))
			fail_msg("« %s » must be quoted", quoted[i]);
	for (i = 0; i < sizeof flow / sizeof *flow; i++) {
		assert_true(eco_str_plain(flow[i], strlen(flow[i]), 0));
		assert_false(eco_str_plain(flow[i], strlen(flow[i]),
		    ECO_PLAIN_FLOW));
	}
	/* ISO dates as eco's files write them; other numbers stay quoted */
	assert_true(eco_str_plain("2026-09-01", 10, ECO_PLAIN_DATES));
	assert_false(eco_str_plain("2026-09", 7, ECO_PLAIN_DATES));
	assert_false(eco_str_plain("", 0, 0));
}

/* Number forms both YAML 1.1 and 1.2 readers agree on. */
static void
test_emit_number_forms(void **state)
{
	static const struct {
		const char *in, *out;
	} fx[] = {
		{ "0o17", "15" }, { "0x1F", "31" }, { "+12", "12" },
		{ "007", "7" }, { "-7", "-7" }, { "1e3", "1.0e+3" },
		{ ".5", "0.5" }, { "1.", "1.0" }, { "-.5", "-0.5" },
		{ "+1.5", "1.5" }, { "1.5e-3", "1.5e-3" }, { "1E3", "1.0e+3" },
		{ "007.5", "7.5" }, { ".inf", ".inf" }, { "-.inf", "-.inf" },
		{ ".NaN", ".NaN" }, { "~", "null" }, { "True", "true" },
		{ "FALSE", "false" },
	};
	struct eco_diags d;
	struct eco_doc *doc;
	char buf[64], want[64], *out;
	size_t i, bad = 0;
	int rc;

	(void)state;
	eco_diags_init(&d);
	for (i = 0; i < sizeof fx / sizeof *fx; i++) {
		snprintf(buf, sizeof buf, "v: %s\n", fx[i].in);
		snprintf(want, sizeof want, "---\nv: %s\n", fx[i].out);
		assert_non_null(doc = read_doc(buf, strlen(buf), &d));
		out = emit(doc->root, 0, &d, &rc, NULL);
		if (!out || rc != 0 || strcmp(out, want) != 0) {
			print_error("v: %s gives:\n%s", fx[i].in,
			    out ? out : "(no output)\n");
			bad++;
		}
		free(out);
		eco_doc_free(doc);
	}
	eco_diags_free(&d);
	assert_int_equal(bad, 0);
}

static void
test_emit_document_start(void **state)
{
	(void)state;
	assert_string_equal(yaml_t("a: 1\n"), "---\na: 1\n");
	assert_int_equal(strncmp(yaml_t("42\n"), "---", 3), 0);
	assert_string_equal(yaml_t("- a\n- [b, c]\n"),
	    "---\n- a\n- - b\n  - c\n");
}

static void
test_emit_yaml_write_error(void **state)
{
	const struct eco_node *root;
	FILE *fp;
	int rc;

	(void)state;
	root = load_t("a: 1\n");
	assert_non_null(fp = fopen("/dev/null", "r"));
	rc = eco_emit_yaml(fp, root);
	fclose(fp);
	assert_int_equal(rc, -1);
}

/* JSON. */

static void
test_json_escapes(void **state)
{
	int rc;

	(void)state;
	assert_string_equal(json_t("v: \"q\\\"b\\\\s/\\n\\t\\r\\b\\f\"\n", &rc),
	    "{\"v\":\"q\\\"b\\\\s/\\n\\t\\r\\b\\f\"}\n");
	assert_int_equal(rc, 0);
	assert_string_equal(json_t("\"k\\\"ey\": 1\n", &rc),
	    "{\"k\\\"ey\":1}\n");
	assert_int_equal(rc, 0);
	assert_int_equal(t.d.n, 0);
}

static void
test_json_string(void **state)
{
	static const char s[] = "a\0\"\\\x1f\xc3\xa9";
	FILE *fp;
	char *p;

	(void)state;
	assert_non_null(fp = open_memstream(&t.out, &t.outlen));
	eco_json_string(fp, s, sizeof s - 1);
	eco_json_string(fp, "", 0);
	assert_int_equal(fclose(fp), 0);
	/* \u001F is right too */
	for (p = t.out; p < t.out + t.outlen; p++)
		if (*p >= 'A' && *p <= 'F')
			*p += 'a' - 'A';
	assert_int_equal(t.outlen, 23);
	assert_memory_equal(t.out,
	    "\"a\\u0000\\\"\\\\\\u001f\xc3\xa9\"\"\"", 23);
}

static void
test_json_control_chars(void **state)
{
	char *p;
	int rc;

	(void)state;
	json_t("[\"\\x01\", \"\\x1f\", \"a\\0b\", \"\\e\", "
	    "\"del\\x7f\"]\n", &rc);
	assert_int_equal(rc, 0);
	for (p = t.out; *p; p++)	/* \u001F and \u001f are both right */
		if (*p >= 'A' && *p <= 'F')
			*p += 'a' - 'A';
	assert_string_equal(t.out, "[\"\\u0001\",\"\\u001f\",\"a\\u0000b\","
	    "\"\\u001b\",\"del\x7f\"]\n");
}

static void
test_json_non_ascii_raw(void **state)
{
	int rc;

	(void)state;
	assert_string_equal(json_t("cl\xc3\xa9: \"\xc3\xa9\xf0\x9f\x98\x80"
	    "\xe6\x97\xa5 \\u2028\"\n", &rc),
	    "{\"cl\xc3\xa9\":\"\xc3\xa9\xf0\x9f\x98\x80\xe6\x97\xa5 "
	    "\xe2\x80\xa8\"}\n");
	assert_int_equal(rc, 0);
}

static void
test_json_values_and_keys(void **state)
{
	int rc;

	(void)state;
	assert_string_equal(json_t("{a: ~, b: true, c: false, d: [1, x], "
	    "e: {}, f: [], 0x1F: y, true: z, ~: w, .5: u, '1': s}\n", &rc),
	    "{\"a\":null,\"b\":true,\"c\":false,\"d\":[1,\"x\"],\"e\":{},"
	    "\"f\":[],\"31\":\"y\",\"true\":\"z\",\"null\":\"w\","
	    "\"0.5\":\"u\",\"1\":\"s\"}\n");
	assert_int_equal(rc, 0);
}

static void
test_json_aliases_and_merges(void **state)
{
	int rc;

	(void)state;
	assert_string_equal(json_t("b: &b {x: 1}\nm: {<<: *b, y: 2}\n"
	    "c: *b\n", &rc),
	    "{\"b\":{\"x\":1},\"m\":{\"x\":1,\"y\":2},\"c\":{\"x\":1}}\n");
	assert_int_equal(rc, 0);
}

static void
test_json_ints_normalised(void **state)
{
	int rc;

	(void)state;
	assert_string_equal(json_t("[0x1F, 0o17, +12, 007, -0, 42, -7, "
	    "123456789012345678901234567890, +000123456789012345678901, "
	    "-099999999999999999999]\n", &rc),
	    "[31,15,12,7,0,42,-7,123456789012345678901234567890,"
	    "123456789012345678901,-99999999999999999999]\n");
	assert_int_equal(rc, 0);
}

/* 1 when s is a JSON number (RFC 8259). */
static int
is_json_number(const char *s)
{
	const char *p = s;

	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return 0;
	if (*p == '.') {
		if (*++p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		if (*++p == '+' || *p == '-')
			p++;
		if (*p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

static void
test_json_numbers_valid(void **state)
{
	static const struct {
		const char *in;
		double v;
	} fx[] = {
		{ ".5", 0.5 }, { "1.", 1.0 }, { "1e3", 1000.0 },
		{ "-.5", -0.5 }, { "+1.5", 1.5 }, { "1.5e-3", 0.0015 },
		{ "007.5", 7.5 }, { "1.e3", 1000.0 }, { ".5e3", 500.0 },
		{ "0.0", 0.0 }, { "1E3", 1000.0 }, { "-1E-3", -0.001 },
		{ "1e400", HUGE_VAL }, { "0x1F", 31.0 }, { "0o17", 15.0 },
		{ "0xFFFFFFFFFFFFFFFFFFFF", 1208925819614629174706175.0 },
		{ "0o7777777777777777777777777", 37778931862957161709567.0 },
		{ "123456789012345678901234567890",
		    123456789012345678901234567890.0 },
	};
	struct eco_diags d;
	struct eco_doc *doc;
	char buf[64], *out;
	size_t i, n, bad = 0;
	double v;
	int rc;

	(void)state;
	eco_diags_init(&d);
	for (i = 0; i < sizeof fx / sizeof *fx; i++) {
		snprintf(buf, sizeof buf, "%s\n", fx[i].in);
		assert_non_null(doc = read_doc(buf, strlen(buf), &d));
		out = emit(doc->root, 1, &d, &rc, &n);
		if (out && n > 0 && out[n - 1] == '\n')
			out[n - 1] = '\0';
		v = out ? strtod(out, NULL) : 0;
		if (!out || rc != 0 || !is_json_number(out) ||
		    (v != fx[i].v &&
		    fabs(v - fx[i].v) > fabs(fx[i].v) * 1e-15)) {
			print_error("%s gives JSON « %s »\n", fx[i].in,
			    out ? out : "(no output)");
			bad++;
		}
		free(out);
		eco_doc_free(doc);
	}
	print_diags(&d);
	eco_diags_free(&d);
	assert_int_equal(bad, 0);
}

static void
test_json_inf_nan(void **state)
{
	static const char *const fx[] = {
		"v: .inf\n", "v: -.inf\n", "v: .NaN\n", "v: +.Inf\n",
	};
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < sizeof fx / sizeof *fx; i++) {
		json_t(fx[i], &rc);
		assert_int_equal(rc, -2);
		assert_int_equal(t.d.n, 1);
		assert_string_equal(t.d.v[0].file, "t.yaml");
		assert_int_equal(t.d.v[0].line, 1);
		assert_int_equal(t.d.v[0].col, 4);
		assert_int_equal(t.d.v[0].sev, ECO_SEV_ERROR);
		assert_string_equal(t.d.v[0].check, "json");
		assert_int_equal(eco_diags_status(&t.d), ECO_EXIT_DATA);
		eco_doc_free(t.doc[--t.ndoc]);
		eco_diags_clear(&t.d);
	}
	/* Deeper in the tree, the position is the value's. */
	json_t("a:\n  - 1\n  - -.inf\n", &rc);
	assert_int_equal(rc, -2);
	assert_true(t.d.n >= 1);
	assert_int_equal(t.d.v[0].line, 3);
	assert_int_equal(t.d.v[0].col, 5);
}

static void
test_json_complex_key(void **state)
{
	int rc;

	(void)state;
	json_t("a: 1\n? [1, 2]\n: x\n", &rc);
	assert_int_equal(rc, -2);
	assert_int_equal(t.d.n, 1);
	assert_int_equal(t.d.v[0].line, 2);
	assert_int_equal(t.d.v[0].col, 3);
	assert_string_equal(t.d.v[0].check, "json");
	eco_diags_clear(&t.d);
	json_t("? {k: v}\n: x\n", &rc);
	assert_int_equal(rc, -2);
	assert_int_equal(t.d.n, 1);
}

static void
test_json_write_error(void **state)
{
	const struct eco_node *root;
	FILE *fp;
	int rc;

	(void)state;
	root = load_t("a: [1, 2]\n");
	assert_non_null(fp = fopen("/dev/null", "r"));
	rc = eco_emit_json(fp, root, "t.yaml", &t.d);
	fclose(fp);
	assert_int_equal(rc, -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_roundtrip_scalars),
		T(test_roundtrip_lookalikes),
		T(test_roundtrip_multiline),
		T(test_roundtrip_special_chars),
		T(test_roundtrip_unicode),
		T(test_roundtrip_documents),
		T(test_emit_concatenates),
		T(test_emit_quotes_lookalikes),
		T(test_emit_plain_words),
		T(test_str_needs_quotes),
		T(test_str_plain),
		T(test_emit_number_forms),
		T(test_emit_document_start),
		T(test_emit_yaml_write_error),
		T(test_json_escapes),
		T(test_json_string),
		T(test_json_control_chars),
		T(test_json_non_ascii_raw),
		T(test_json_values_and_keys),
		T(test_json_aliases_and_merges),
		T(test_json_ints_normalised),
		T(test_json_numbers_valid),
		T(test_json_inf_nan),
		T(test_json_complex_key),
		T(test_json_write_error),
		/* Last: it used to stop the run under UBSan. */
		T(test_roundtrip_empty_collections),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
