/*
 * test_eco_load.c - unit tests of eco_load.c: YAML 1.2 core resolution,
 * tags, duplicate keys, anchors and merge keys, limits, encoding and
 * syntax errors, streams and node positions.
 *
 * Every test loads into the file-global t, which teardown frees even when
 * an assertion fails, so that LeakSanitizer only reports real leaks.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "eco.h"
#include "eco_priv.h"

#define NDOCS 16
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static struct {
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_reader *r;
	struct eco_doc *doc[NDOCS];
	size_t ndoc;
	char *text;		/* built by a test, freed by teardown */
	char path[64];		/* temporary file, removed by teardown */
} t;

static const char *const tname[] = {
	"null", "bool", "int", "float", "str", "seq", "map"
};

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_limits_default(&t.lim);
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
	eco_reader_close(t.r);
	eco_diags_free(&t.d);
	free(t.text);
	if (t.path[0])
		unlink(t.path);
	return 0;
}

static void
dump_diags(void)
{
	size_t i;

	for (i = 0; i < t.d.n; i++)
		print_message("  diag: %s:%d:%d: %s [%s]\n",
		    t.d.v[i].file ? t.d.v[i].file : "(null)", t.d.v[i].line,
		    t.d.v[i].col, t.d.v[i].msg,
		    t.d.v[i].check ? t.d.v[i].check : "");
}

/*
 * Read every document of len bytes of text with t.lim, keeping them in
 * t.doc.  Returns the last result of eco_reader_next (0 at the end of
 * the stream, -1 when it failed, an encoding error among other causes),
 * or -2 when eco_reader_mem refused.
 */
static int
load_n(const char *text, size_t len)
{
	struct eco_doc *doc;
	int rc;

	eco_reader_close(t.r);
	if (!(t.r = eco_reader_mem(text, len, "t.yaml", &t.lim, &t.d)))
		return -2;
	while ((rc = eco_reader_next(t.r, &doc)) > 0) {
		if (t.ndoc == NDOCS) {
			eco_doc_free(doc);
			fail_msg("more than %d documents", NDOCS);
		}
		t.doc[t.ndoc++] = doc;
	}
	return rc;
}

static int
load(const char *text)
{
	return load_n(text, strlen(text));
}

/* Root of the only document of text, which must load to the end. */
static const struct eco_node *
load_one(const char *text)
{
	int rc = load(text);

	if (rc != 0 || t.ndoc != 1)
		dump_diags();
	assert_int_equal(rc, 0);
	assert_int_equal(t.ndoc, 1);
	assert_non_null(t.doc[0]->root);
	return t.doc[0]->root;
}

/* Same, and loading it records no diagnostic. */
static const struct eco_node *
load_ok(const char *text)
{
	const struct eco_node *root = load_one(text);

	if (t.d.n)
		dump_diags();
	assert_int_equal(t.d.n, 0);
	assert_int_equal(t.doc[0]->nerr, 0);
	return root;
}

/* Value of key in map, which must hold it. */
static const struct eco_node *
get(const struct eco_node *map, const char *key)
{
	const struct eco_node *v = eco_map_get(map, key);

	if (!v)
		fail_msg("no key « %s »", key);
	return v;
}

/* Item i of a sequence. */
static const struct eco_node *
item(const struct eco_node *seq, size_t i)
{
	assert_int_equal(seq->type, ECO_SEQ);
	assert_true(i < seq->len);
	return seq->u.items[i];
}

/* Key text of pair i of a mapping. */
static const char *
key(const struct eco_node *map, size_t i)
{
	assert_int_equal(map->type, ECO_MAP);
	assert_true(i < map->len);
	return map->u.pairs[i].key->s;
}

static void
assert_pos(const struct eco_node *nd, int line, int col)
{
	if (nd->line != line || nd->col != col)
		fail_msg("node « %s » at %d:%d, expected %d:%d",
		    nd->s ? nd->s : tname[nd->type], nd->line, nd->col, line,
		    col);
}

static void
assert_type(const struct eco_node *nd, enum eco_type type)
{
	if (nd->type != type)
		fail_msg("node « %s » is %s, expected %s",
		    nd->s ? nd->s : "", tname[nd->type], tname[type]);
}

static void
assert_str(const struct eco_node *nd, const char *s)
{
	assert_type(nd, ECO_STR);
	assert_int_equal(nd->len, strlen(s));
	assert_string_equal(nd->s, s);
}

static void
assert_int_node(const struct eco_node *nd, long long v)
{
	assert_type(nd, ECO_INT);
	assert_false(nd->flags & ECO_F_BIG);
	assert_true(nd->u.i == v);
	assert_true(nd->num == (double)v);
}

/* Diagnostic i is an error at line:col of check whose text holds part. */
static void
assert_diag(size_t i, int line, int col, const char *check,
    const char *part)
{
	const struct eco_diag *g;

	if (i >= t.d.n) {
		dump_diags();
		fail_msg("diagnostic %zu missing (%zu recorded)", i, t.d.n);
	}
	g = &t.d.v[i];
	if (g->line != line || g->col != col || !g->check ||
	    strcmp(g->check, check) != 0 || !strstr(g->msg, part)) {
		dump_diags();
		fail_msg("diagnostic %zu: expected %d:%d [%s] with « %s »", i,
		    line, col, check, part);
	}
	assert_non_null(g->file);
	assert_string_equal(g->file, "t.yaml");
	assert_int_equal(g->sev, ECO_SEV_ERROR);
	assert_false(g->sys);
}

/* The only diagnostic recorded. */
static void
assert_one_diag(int line, int col, const char *check, const char *part)
{
	if (t.d.n != 1)
		dump_diags();
	assert_int_equal(t.d.n, 1);
	assert_diag(0, line, col, check, part);
}

/* Core schema resolution. */

static const struct {
	const char *s;
	enum eco_type type;
} core[] = {
	{ "", ECO_NULL }, { "~", ECO_NULL }, { "null", ECO_NULL },
	{ "Null", ECO_NULL }, { "NULL", ECO_NULL },
	{ "nULL", ECO_STR }, { "nul", ECO_STR }, { "none", ECO_STR },
	{ "true", ECO_BOOL }, { "True", ECO_BOOL }, { "TRUE", ECO_BOOL },
	{ "false", ECO_BOOL }, { "False", ECO_BOOL }, { "FALSE", ECO_BOOL },
	{ "tRUE", ECO_STR }, { "fAlse", ECO_STR }, { "truee", ECO_STR },
	{ "non", ECO_STR }, { "oui", ECO_STR }, { "no", ECO_STR },
	{ "on", ECO_STR }, { "off", ECO_STR }, { "yes", ECO_STR },
	{ "y", ECO_STR }, { "n", ECO_STR }, { "Yes", ECO_STR },
	{ "NO", ECO_STR }, { "ON", ECO_STR }, { "Off", ECO_STR },
	{ "0", ECO_INT }, { "7", ECO_INT }, { "-12", ECO_INT },
	{ "+12", ECO_INT }, { "007", ECO_INT }, { "-0", ECO_INT },
	{ "0o17", ECO_INT }, { "0o0", ECO_INT }, { "0x1F", ECO_INT },
	{ "0xff", ECO_INT }, { "0x0", ECO_INT },
	{ "123456789012345678901234567890", ECO_INT },
	{ "0x", ECO_STR }, { "0o", ECO_STR }, { "0o9", ECO_STR },
	{ "0o8", ECO_STR }, { "0xg", ECO_STR }, { "0X1F", ECO_STR },
	{ "0O17", ECO_STR }, { "-0x1F", ECO_STR }, { "+0o7", ECO_STR },
	{ "0b101", ECO_STR }, { "1_000", ECO_STR }, { "1,000", ECO_STR },
	{ "1 000", ECO_STR }, { "2026-09-01", ECO_STR }, { "1:30", ECO_STR },
	{ "12:30:00", ECO_STR }, { "+", ECO_STR }, { "-1-", ECO_STR },
	{ "1.2.3", ECO_STR }, { "1e", ECO_STR }, { "1e+", ECO_STR },
	{ "e3", ECO_STR }, { ".e3", ECO_STR }, { ".", ECO_STR },
	{ "..", ECO_STR }, { "inf", ECO_STR }, { ".infinity", ECO_STR },
	{ "nan", ECO_STR }, { ".Nan", ECO_STR }, { "-.nan", ECO_STR },
	{ "+.NaN", ECO_STR }, { ".iNf", ECO_STR }, { "12abc", ECO_STR },
	{ ".5", ECO_FLOAT }, { "1.", ECO_FLOAT }, { "1.5", ECO_FLOAT },
	{ "-1.5", ECO_FLOAT }, { "+1.5", ECO_FLOAT }, { "1e3", ECO_FLOAT },
	{ "1E3", ECO_FLOAT }, { "1e-3", ECO_FLOAT }, { "1.5e+3", ECO_FLOAT },
	{ "-.5", ECO_FLOAT }, { "+.5", ECO_FLOAT }, { "1.e3", ECO_FLOAT },
	{ ".5e3", ECO_FLOAT }, { "0.0", ECO_FLOAT }, { "-0.0", ECO_FLOAT },
	{ "007.5", ECO_FLOAT }, { ".inf", ECO_FLOAT }, { ".Inf", ECO_FLOAT },
	{ ".INF", ECO_FLOAT }, { "-.inf", ECO_FLOAT }, { "+.inf", ECO_FLOAT },
	{ "-.Inf", ECO_FLOAT }, { ".nan", ECO_FLOAT }, { ".NaN", ECO_FLOAT },
	{ ".NAN", ECO_FLOAT },
};

/* Type the loader gives the value of "v: value"; -1 if it fails. */
static int
loaded_type(const char *value)
{
	char buf[128];
	struct eco_diags d;
	struct eco_reader *r;
	struct eco_doc *doc = NULL;
	const struct eco_node *v;
	int type = -1;

	snprintf(buf, sizeof buf, "v: %s\n", value);
	eco_diags_init(&d);
	r = eco_reader_mem(buf, strlen(buf), "t.yaml", &t.lim, &d);
	if (r && eco_reader_next(r, &doc) > 0 && d.n == 0 &&
	    (v = eco_map_get(doc->root, "v")))
		type = (int)v->type;
	eco_doc_free(doc);
	eco_reader_close(r);
	eco_diags_free(&d);
	return type;
}

static void
test_resolve_core_table(void **state)
{
	size_t i, bad = 0;
	int lt;

	(void)state;
	for (i = 0; i < sizeof core / sizeof *core; i++) {
		enum eco_type rt = eco_resolve(core[i].s, strlen(core[i].s));

		if (rt != core[i].type) {
			print_error("eco_resolve(\"%s\") = %s, expected %s\n",
			    core[i].s, tname[rt], tname[core[i].type]);
			bad++;
		}
		if ((lt = loaded_type(core[i].s)) != (int)core[i].type) {
			print_error("v: %s loads as %s, expected %s\n",
			    core[i].s, lt < 0 ? "an error" : tname[lt],
			    tname[core[i].type]);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void
test_resolve_values(void **state)
{
	const struct eco_node *s;

	(void)state;
	s = load_ok("[0o17, 0x1F, -12, +12, 007, .5, 1., 1e3, -.inf, .NaN,"
	    " True, FALSE, ~, 123456789012345678901234567890, -0.0]");
	assert_int_equal(s->len, 15);
	assert_int_node(item(s, 0), 15);
	assert_int_node(item(s, 1), 31);
	assert_int_node(item(s, 2), -12);
	assert_int_node(item(s, 3), 12);
	assert_int_node(item(s, 4), 7);
	assert_type(item(s, 5), ECO_FLOAT);
	assert_true(item(s, 5)->u.f == 0.5 && item(s, 5)->num == 0.5);
	assert_true(item(s, 6)->u.f == 1.0);
	assert_true(item(s, 7)->u.f == 1000.0);
	assert_true(isinf(item(s, 8)->u.f) && item(s, 8)->u.f < 0);
	assert_true(isnan(item(s, 9)->u.f));
	assert_type(item(s, 10), ECO_BOOL);
	assert_int_equal(item(s, 10)->u.b, 1);
	assert_type(item(s, 11), ECO_BOOL);
	assert_int_equal(item(s, 11)->u.b, 0);
	assert_type(item(s, 12), ECO_NULL);
	assert_type(item(s, 13), ECO_INT);
	assert_true(item(s, 13)->flags & ECO_F_BIG);
	assert_string_equal(item(s, 13)->s, "123456789012345678901234567890");
	assert_true(item(s, 14)->u.f == 0.0 && signbit(item(s, 14)->u.f));
	/* The text is kept as written. */
	assert_string_equal(item(s, 1)->s, "0x1F");
	assert_string_equal(item(s, 5)->s, ".5");
}

static void
test_quoted_always_strings(void **state)
{
	static const char *const want[] = {
		"123", "true", "null", "~", "", "0x1F", ".inf", "no", "12\n",
		"true", "12"
	};
	const struct eco_node *s;
	size_t i;

	(void)state;
	s = load_ok("- '123'\n- \"true\"\n- 'null'\n- \"~\"\n- ''\n"
	    "- \"0x1F\"\n- '.inf'\n- \"no\"\n- |\n  12\n- >-\n  true\n"
	    "- ! 12\n");
	assert_int_equal(s->len, sizeof want / sizeof *want);
	for (i = 0; i < s->len; i++) {
		assert_str(item(s, i), want[i]);
		if (i < s->len - 1)
			assert_true(item(s, i)->flags & ECO_F_QUOTED);
	}
}

static void
test_scalar_matches(void **state)
{
	const struct eco_node *s;

	(void)state;
	s = load_ok("[007, True, ~, x, '7', 0x1F, 1.50, [1], 1, 'true']");
	assert_true(eco_scalar_matches(item(s, 0), "007"));
	assert_true(eco_scalar_matches(item(s, 0), "7"));
	assert_true(eco_scalar_matches(item(s, 0), "0o7"));
	assert_false(eco_scalar_matches(item(s, 0), "7.0"));
	assert_false(eco_scalar_matches(item(s, 0), "8"));
	assert_true(eco_scalar_matches(item(s, 1), "true"));
	assert_false(eco_scalar_matches(item(s, 1), "false"));
	assert_true(eco_scalar_matches(item(s, 2), "null"));
	assert_true(eco_scalar_matches(item(s, 2), ""));
	assert_true(eco_scalar_matches(item(s, 3), "x"));
	assert_false(eco_scalar_matches(item(s, 3), "y"));
	assert_true(eco_scalar_matches(item(s, 4), "7"));
	assert_false(eco_scalar_matches(item(s, 4), "007"));
	assert_true(eco_scalar_matches(item(s, 5), "31"));
	assert_true(eco_scalar_matches(item(s, 6), "1.5"));
	assert_false(eco_scalar_matches(item(s, 7), "1"));
	assert_false(eco_scalar_matches(item(s, 8), "1.0"));
	assert_false(eco_scalar_matches(item(s, 9), "True"));
	assert_false(eco_scalar_matches(NULL, "x"));
}

/* Tags. */

static void
test_tag_explicit(void **state)
{
	const struct eco_node *m;

	(void)state;
	m = load_ok("a: !!str 123\nb: !!int \"42\"\nc: !!float 1\n"
	    "d: !!bool True\ne: !!null ~\nf: !!map {x: 1}\ng: !!seq [1]\n"
	    "h: !!float .5\ni: !!int 0x1F\nj: !!null\nk: !!str true\n"
	    "l: !!float -.inf\nm: !<tag:yaml.org,2002:str> 7\n");
	assert_str(get(m, "a"), "123");
	assert_int_node(get(m, "b"), 42);
	assert_type(get(m, "c"), ECO_FLOAT);
	assert_true(get(m, "c")->u.f == 1.0);
	assert_type(get(m, "d"), ECO_BOOL);
	assert_int_equal(get(m, "d")->u.b, 1);
	assert_type(get(m, "e"), ECO_NULL);
	assert_type(get(m, "f"), ECO_MAP);
	assert_type(get(m, "g"), ECO_SEQ);
	assert_true(get(m, "h")->u.f == 0.5);
	assert_int_node(get(m, "i"), 31);
	assert_type(get(m, "j"), ECO_NULL);
	assert_str(get(m, "k"), "true");
	assert_true(isinf(get(m, "l")->u.f));
	assert_str(get(m, "m"), "7");
}

static void
test_tag_wrong_values(void **state)
{
	static const char *const part[] = {
		"1.5", "yes", "0x1F", "yes", "bool", "null", "map", "seq",
		"seq", "map", "str"
	};
	size_t i;

	(void)state;
	load_one("a: !!int 1.5\nb: !!int yes\nc: !!float 0x1F\n"
	    "d: !!bool yes\ne: !!bool 1\nf: !!null 0\ng: !!map x\n"
	    "h: !!seq x\ni: !!seq {x: 1}\nj: !!map [1]\nk: !!str {x: 1}\n");
	if (t.d.n != 11)
		dump_diags();
	assert_int_equal(t.d.n, 11);
	assert_int_equal(t.doc[0]->nerr, 11);
	for (i = 0; i < 11; i++)
		assert_diag(i, (int)i + 1, 4, "yaml", part[i]);
	/* A refused scalar keeps its text as a string. */
	assert_str(get(t.doc[0]->root, "a"), "1.5");
	assert_str(get(t.doc[0]->root, "d"), "yes");
}

static void
test_tag_unknown(void **state)
{
	(void)state;
	load_one("a: !foo x\nb: !!binary aGVsbG8=\nc: !foo {x: 1}\n"
	    "d: !<tag:example.com,2000:x> 1\ne: !bar [1]\n");
	if (t.d.n != 5)
		dump_diags();
	assert_int_equal(t.d.n, 5);
	assert_diag(0, 1, 4, "yaml", "!foo");
	assert_diag(1, 2, 4, "yaml", "binary");
	assert_diag(2, 3, 4, "yaml", "!foo");
	assert_diag(3, 4, 4, "yaml", "example.com");
	assert_diag(4, 5, 4, "yaml", "!bar");
}

/* Duplicate keys. */

static void
test_dup_key(void **state)
{
	(void)state;
	load_one("a: 1\nb: 2\na: 3\n");
	assert_one_diag(3, 1, "yaml", "duplicate");
	assert_diag(0, 3, 1, "yaml", "line 1");
	assert_int_equal(t.doc[0]->nerr, 1);
}

static void
test_dup_key_flow_and_nested(void **state)
{
	(void)state;
	load_one("f: {x: 1, y: 2, x: 3}\ntop:\n  k: 1\n  other: 2\n  k: 2\n");
	assert_int_equal(t.d.n, 2);
	assert_diag(0, 1, 17, "yaml", "line 1");
	assert_diag(1, 5, 3, "yaml", "line 3");
	assert_int_equal(t.doc[0]->nerr, 2);
}

/* A block mapping of n keys k0..k(n-1), one a line, then tail. */
static const char *
many_keys(size_t n, const char *tail)
{
	size_t i, len = n * 16 + strlen(tail) + 1, o = 0;

	free(t.text);
	assert_non_null(t.text = malloc(len));
	for (i = 0; i < n; i++)
		o += (size_t)snprintf(t.text + o, len - o, "k%zu: %zu\n", i, i);
	snprintf(t.text + o, len - o, "%s", tail);
	return t.text;
}

static void
test_dup_key_hash_path(void **state)
{
	(void)state;
	/* More than 16 keys: the key set is a hash table. */
	load_one(many_keys(20, "k3: dup\n"));
	assert_one_diag(21, 1, "yaml", "line 4");
}

static void
test_many_keys_no_false_duplicate(void **state)
{
	const struct eco_node *m;

	(void)state;
	m = load_ok(many_keys(300, "1: a\n1.0: b\n\"1\": c\ntrue: d\n~: e\n"));
	assert_int_equal(m->len, 305);
	assert_int_node(get(m, "k299"), 299);
}

static void
test_dup_int_keys(void **state)
{
	(void)state;
	/* 1 and 0x1 are the same integer, so the same key. */
	load_one("1: a\n0x1: b\n");
	assert_one_diag(2, 1, "yaml", "line 1");
}

static void
test_dup_int_keys_hash_path(void **state)
{
	(void)state;
	load_one(many_keys(20, "1: a\n0x1: b\n"));
	assert_one_diag(22, 1, "yaml", "line 21");
}

static void
test_dup_equal_scalar_keys(void **state)
{
	size_t i;

	(void)state;
	/* Keys written differently but equal as values. */
	assert_int_equal(load("--- {0o17: a, 15: b}\n--- {~: a, null: b}\n"
	    "--- {true: a, TRUE: b}\n--- {1.5: a, 1.50: b}\n"), 0);
	assert_int_equal(t.ndoc, 4);
	if (t.d.n != 4)
		dump_diags();
	assert_int_equal(t.d.n, 4);
	for (i = 0; i < 4; i++) {
		assert_int_equal(t.d.v[i].line, (int)i + 1);
		assert_int_equal(t.doc[i]->nerr, 1);
	}
}

static void
test_dup_big_int_keys(void **state)
{
	(void)state;
	/* Integers beyond long long: the same value spelled differently. */
	load_one("99999999999999999999: a\n+99999999999999999999: b\n"
	    "0099999999999999999999: c\n");
	if (t.d.n != 2)
		dump_diags();
	assert_int_equal(t.d.n, 2);
	assert_diag(0, 2, 1, "yaml", "line 1");
	assert_diag(1, 3, 1, "yaml", "line 1");
}

static void
test_dup_null_keys_hash_path(void **state)
{
	(void)state;
	load_one(many_keys(20, "~: a\nnull: b\n"));
	assert_one_diag(22, 1, "yaml", "line 21");
}

static void
test_dup_float_keys_hash_path(void **state)
{
	(void)state;
	load_one(many_keys(20, ".inf: a\n.Inf: b\n.nan: c\n.NaN: d\n"));
	assert_int_equal(t.d.n, 2);
	assert_diag(0, 22, 1, "yaml", "line 21");
	assert_diag(1, 24, 1, "yaml", "line 23");
}

static void
test_dup_alias_key(void **state)
{
	(void)state;
	load_one("&k a: 1\n*k : 2\n");
	assert_one_diag(2, 1, "yaml", "line 1");
}

/* Anchors and aliases. */

static void
test_alias(void **state)
{
	const struct eco_node *m, *a;

	(void)state;
	m = load_ok("a: &x {b: 1, c: [2, 3]}\nd: *x\ne: &s hello\nf: *s\n");
	a = get(m, "a");
	assert_type(a, ECO_MAP);
	assert_true(eco_node_equal(a, get(m, "d")));
	assert_int_node(get(get(m, "d"), "b"), 1);
	assert_int_equal(get(get(m, "d"), "c")->len, 2);
	assert_str(get(m, "f"), "hello");
	/* The expansion counts the alias again. */
	assert_true(m->weight >= 2 * a->weight);
}

static void
test_alias_redefined_anchor(void **state)
{
	const struct eco_node *m;

	(void)state;
	m = load_ok("a: &x 1\nb: *x\nc: &x 2\nd: *x\n");
	assert_int_node(get(m, "b"), 1);
	assert_int_node(get(m, "d"), 2);
}

static void
test_alias_unknown(void **state)
{
	const struct eco_node *m;

	(void)state;
	m = load_one("a: 1\nb: *nope\n");
	assert_one_diag(2, 4, "yaml", "nope");
	assert_int_equal(t.doc[0]->nerr, 1);
	assert_type(get(m, "b"), ECO_NULL);
}

static void
test_alias_recursive(void **state)
{
	(void)state;
	/* Each is an error, not a cycle nor a hang. */
	assert_int_equal(load("--- &a [*a]\n--- &m {k: *m}\n--- &x\nb:\n"
	    "  - *x\n"), 0);
	assert_int_equal(t.ndoc, 3);
	if (t.d.n != 3)
		dump_diags();
	assert_int_equal(t.d.n, 3);
	assert_diag(0, 1, 9, "yaml", "*a");
	assert_diag(1, 2, 12, "yaml", "*m");
	assert_diag(2, 5, 5, "yaml", "*x");
}

static void
test_alias_other_document(void **state)
{
	(void)state;
	/* Anchors live within one document. */
	assert_int_equal(load("--- &a 1\n--- *a\n"), 0);
	assert_int_equal(t.ndoc, 2);
	assert_one_diag(2, 5, "yaml", "*a");
	assert_int_equal(t.doc[0]->nerr, 0);
	assert_int_equal(t.doc[1]->nerr, 1);
}

/* Merge keys. */

static void
test_merge_one_map(void **state)
{
	const struct eco_node *m;

	(void)state;
	m = get(load_ok("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  z: 3\n"), "m");
	assert_int_equal(m->len, 3);
	assert_string_equal(key(m, 0), "x");
	assert_string_equal(key(m, 1), "y");
	assert_string_equal(key(m, 2), "z");
	assert_int_node(get(m, "x"), 1);
	assert_int_node(get(m, "y"), 2);
	assert_int_node(get(m, "z"), 3);
	assert_null(eco_map_get(m, "<<"));
}

static void
test_merge_seq_earlier_wins(void **state)
{
	const struct eco_node *m;

	(void)state;
	m = get(load_ok("a: &a {x: 1, y: 1}\nb: &b {x: 2, z: 2}\nm:\n"
	    "  <<: [*a, *b]\n"), "m");
	assert_int_equal(m->len, 3);
	assert_string_equal(key(m, 0), "x");
	assert_string_equal(key(m, 1), "y");
	assert_string_equal(key(m, 2), "z");
	assert_int_node(get(m, "x"), 1);
	assert_int_node(get(m, "z"), 2);
}

static void
test_merge_explicit_wins(void **state)
{
	const struct eco_node *m;

	(void)state;
	m = get(load_ok("b: &b {x: 1, y: 2, w: 3}\nm:\n  x: 10\n  <<: *b\n"
	    "  y: 20\n"), "m");
	assert_int_equal(m->len, 3);
	assert_int_node(get(m, "x"), 10);
	assert_int_node(get(m, "y"), 20);
	assert_int_node(get(m, "w"), 3);
	/* The explicit key keeps its own position. */
	assert_pos(m->u.pairs[0].key, 3, 3);
}

static void
test_merge_key_order(void **state)
{
	const struct eco_node *m;

	(void)state;
	/* Merged keys take the place of "<<", in their own order. */
	m = get(load_ok("b: &b {x: 1, y: 2}\nm: {p: 0, <<: *b, q: 3}\n"), "m");
	assert_int_equal(m->len, 4);
	assert_string_equal(key(m, 0), "p");
	assert_string_equal(key(m, 1), "x");
	assert_string_equal(key(m, 2), "y");
	assert_string_equal(key(m, 3), "q");
}

static void
test_merge_hash_path(void **state)
{
	const struct eco_node *m;
	char tail[64];

	(void)state;
	snprintf(tail, sizeof tail, "<<: {k3: merged, extra: 1}\n");
	m = load_ok(many_keys(20, tail));
	assert_int_equal(m->len, 21);
	assert_int_node(get(m, "k3"), 3);
	assert_int_node(get(m, "extra"), 1);
}

static void
test_merge_of_scalar(void **state)
{
	(void)state;
	assert_int_equal(load("--- {<<: 1}\n--- {<<: [{a: 1}, x]}\n"), 0);
	assert_int_equal(t.ndoc, 2);
	assert_int_equal(t.d.n, 2);
	assert_diag(0, 1, 10, "yaml", "merge");
	assert_diag(1, 2, 19, "yaml", "merge");
	assert_int_equal(t.doc[0]->nerr, 1);
	assert_int_equal(t.doc[1]->nerr, 1);
	/* The mapping of the sequence is still merged. */
	assert_int_node(get(t.doc[1]->root, "a"), 1);
}

static void
test_merge_quoted_key_is_plain(void **state)
{
	const struct eco_node *m;

	(void)state;
	m = get(load_ok("b: &b {x: 1}\nm: {'<<': *b}\n"), "m");
	assert_int_equal(m->len, 1);
	assert_string_equal(key(m, 0), "<<");
	assert_null(eco_map_get(m, "x"));
}

static void
test_merge_keeps_duplicate_check(void **state)
{
	(void)state;
	load_one("b: &b {x: 1}\nm: {<<: *b, y: 1, y: 2}\n");
	assert_one_diag(2, 19, "yaml", "duplicate");
}

/* Limits. */

static void
test_limits_default(void **state)
{
	struct eco_limits l;

	(void)state;
	eco_limits_default(&l);
	assert_int_equal(l.file_size, 64u << 20);
	assert_int_equal(l.depth, 256);
	assert_int_equal(l.nodes, 1000000);
	assert_int_equal(l.scalar, 1u << 20);
	assert_int_equal(l.expansion, 1000000);
}

static void
test_limit_file_size(void **state)
{
	const struct eco_diag *g;

	(void)state;
	t.lim.file_size = 8;
	assert_int_equal(load("a: 12345\n"), -2);
	assert_int_equal(t.d.n, 1);
	g = &t.d.v[0];
	assert_string_equal(g->file, "t.yaml");
	assert_string_equal(g->check, "limite");
	assert_non_null(strstr(g->msg, "8"));
	assert_int_equal(eco_diags_status(&t.d), ECO_EXIT_DATA);
	/* The limit itself is allowed. */
	eco_diags_clear(&t.d);
	t.lim.file_size = 9;
	assert_int_equal(load("a: 12345\n"), 0);
	assert_int_equal(t.ndoc, 1);
	assert_int_equal(t.d.n, 0);
}

static void
test_limit_file_size_open(void **state)
{
	FILE *fp;
	int fd;

	(void)state;
	strcpy(t.path, "/tmp/test_eco_load.XXXXXX");
	assert_true((fd = mkstemp(t.path)) >= 0);
	assert_non_null(fp = fdopen(fd, "w"));
	fputs("a: 12345\n", fp);
	assert_int_equal(fclose(fp), 0);
	t.lim.file_size = 8;
	assert_null(eco_reader_open(t.path, &t.lim, &t.d));
	assert_int_equal(t.d.n, 1);
	assert_string_equal(t.d.v[0].file, t.path);
	assert_string_equal(t.d.v[0].check, "limite");
	assert_non_null(strstr(t.d.v[0].msg, "9"));
	assert_non_null(strstr(t.d.v[0].msg, "8"));
	t.lim.file_size = 9;
	assert_non_null(t.r = eco_reader_open(t.path, &t.lim, &t.d));
	assert_int_equal(eco_reader_next(t.r, &t.doc[0]), 1);
	t.ndoc = 1;
	assert_int_node(get(t.doc[0]->root, "a"), 12345);
	assert_string_equal(t.doc[0]->file, t.path);
}

static void
test_open_missing_file(void **state)
{
	(void)state;
	assert_null(eco_reader_open("/nonexistent/eco/x.yaml", &t.lim, &t.d));
	assert_int_equal(t.d.n, 1);
	assert_true(t.d.v[0].sys);
	assert_string_equal(t.d.v[0].file, "/nonexistent/eco/x.yaml");
	assert_int_equal(eco_diags_status(&t.d), ECO_EXIT_SYS);
}

static void
test_limit_depth(void **state)
{
	(void)state;
	t.lim.depth = 3;
	load_ok("[[[1]]]");
	assert_int_equal(load("a:\n  b:\n    c:\n      d: 1\n"), -1);
	assert_one_diag(4, 7, "limite", "3");
	assert_int_equal(t.ndoc, 1);
}

static void
test_limit_depth_default(void **state)
{
	char buf[2 * 300 + 1];

	(void)state;
	memset(buf, '[', 300);
	memset(buf + 300, ']', 300);
	buf[600] = '\0';
	assert_int_equal(load(buf), -1);
	assert_one_diag(1, 257, "limite", "256");
}

static void
test_limit_nodes(void **state)
{
	(void)state;
	t.lim.nodes = 5;
	load_ok("[1, 2, 3, 4]");
	assert_int_equal(load("[1, 2, 3, 4, 5]"), -1);
	assert_one_diag(1, 14, "limite", "5");
	assert_int_equal(t.ndoc, 1);
}

static void
test_limit_nodes_per_document(void **state)
{
	(void)state;
	t.lim.nodes = 5;
	assert_int_equal(load("--- [1, 2, 3, 4]\n--- [5, 6, 7, 8]\n"), 0);
	assert_int_equal(t.ndoc, 2);
	assert_int_equal(t.d.n, 0);
}

static void
test_limit_scalar(void **state)
{
	(void)state;
	t.lim.scalar = 4;
	load_ok("abcd: abcd");
	assert_int_equal(load("a: \"abcde\"\n"), -1);
	assert_one_diag(1, 4, "limite", "4");
	eco_diags_clear(&t.d);
	assert_int_equal(load("a: 1\nabcde: 1\n"), -1);
	assert_one_diag(2, 1, "limite", "4");
}

static void
test_limit_expansion(void **state)
{
	(void)state;
	t.lim.expansion = 10;
	/* Ten nodes once expanded: allowed. */
	load_ok("a: &x [1, 2]\nb: [*x]\n");
	assert_int_equal(load("a: &x [1, 2, 3]\nb: [*x, *x]\n"), -1);
	assert_one_diag(2, 9, "limite", "10");
	assert_int_equal(t.ndoc, 1);
}

static void
test_billion_laughs(void **state)
{
	static const char lol[] =
	    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
	    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	    "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
	    "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\n";

	(void)state;
	assert_int_equal(load(lol), -1);
	assert_int_equal(t.ndoc, 0);
	assert_int_equal(t.d.n, 1);
	assert_string_equal(t.d.v[0].check, "limite");
	assert_non_null(strstr(t.d.v[0].msg, "1000000"));
	assert_true(t.d.v[0].line >= 1 && t.d.v[0].line <= 9);
	/* The stream is over. */
	assert_int_equal(eco_reader_next(t.r, &t.doc[0]), 0);
}

static void
test_limit_ends_stream(void **state)
{
	struct eco_doc *doc;

	(void)state;
	t.lim.nodes = 3;
	assert_int_equal(load("--- [1, 2]\n--- [1, 2, 3]\n--- [1]\n"), -1);
	assert_int_equal(t.ndoc, 1);
	assert_one_diag(2, 12, "limite", "3");
	assert_int_equal(eco_reader_next(t.r, &doc), 0);
	assert_null(doc);
}

/* Encoding. */

static void
test_utf8_invalid(void **state)
{
	(void)state;
	assert_int_equal(load("a: b\nc: \xff\n"), -1);
	assert_one_diag(2, 4, "utf8", "byte offset 8");
	assert_non_null(strstr(t.d.v[0].msg, "0xFF"));
}

static void
test_utf8_column_counts_characters(void **state)
{
	(void)state;
	/* "é: ok\n" is 7 bytes; the bad byte follows "è: ". */
	assert_int_equal(load("\xc3\xa9: ok\n\xc3\xa8: \xc3\x28\n"), -1);
	assert_one_diag(2, 4, "utf8", "byte offset 11");
}

static void
test_utf8_crlf(void **state)
{
	(void)state;
	assert_int_equal(load("a: 1\r\nb: \xff\r\n"), -1);
	assert_one_diag(2, 4, "utf8", "byte offset 9");
}

static void
test_utf8_after_bom(void **state)
{
	const struct eco_node *m;

	(void)state;
	/* libyaml does not count a byte order mark as a column; nor must
	 * the positions of encoding errors. */
	m = load_ok("\xef\xbb\xbf" "a: 1\n");
	assert_pos(m->u.pairs[0].key, 1, 1);
	assert_pos(get(m, "a"), 1, 4);
	assert_int_equal(load("\xef\xbb\xbf" "a: \xff\n"), -1);
	assert_one_diag(1, 4, "utf8", "byte offset 6");
	eco_diags_clear(&t.d);
	assert_int_equal(load("\xef\xbb\xbf" "a: \x01\n"), -1);
	assert_one_diag(1, 4, "utf8", "byte offset 6");
}

static void
test_utf8_cr_line_ends(void **state)
{
	const struct eco_node *m;

	(void)state;
	/* libyaml takes a lone CR for a line break: positions agree. */
	m = load_ok("a: 1\rb: 2\r");
	assert_pos(get(m, "b"), 2, 4);
	assert_int_equal(load("a: 1\rb: \xff\r"), -1);
	assert_one_diag(2, 4, "utf8", "byte offset 8");
}

static void
test_utf8_nul(void **state)
{
	static const char text[] = "a: 1\nb: x\0y\n";

	(void)state;
	assert_int_equal(load_n(text, sizeof text - 1), -1);
	assert_one_diag(2, 5, "utf8", "byte offset 9");
	assert_non_null(strstr(t.d.v[0].msg, "NUL"));
}

static void
test_utf8_bad_sequences(void **state)
{
	static const char *const bad[] = {
		"\xc0\xaf",		/* overlong '/' */
		"\xe0\x80\xaf",		/* overlong, 3 bytes */
		"\xed\xa0\x80",		/* surrogate */
		"\xf4\x90\x80\x80",	/* above U+10FFFF */
		"\xf5\x80\x80\x80",
		"\x80",			/* lone continuation */
		"\xfe",
		"\xe2\x82",		/* truncated at the end */
		"\xe2\x82x",		/* truncated inside */
	};
	struct eco_diags d;
	struct eco_reader *r;
	struct eco_doc *doc = NULL;
	char buf[32];
	size_t i, bad_n = 0;
	int rc;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		snprintf(buf, sizeof buf, "k: %s", bad[i]);
		eco_diags_init(&d);
		r = eco_reader_mem(buf, strlen(buf), "t.yaml", &t.lim, &d);
		rc = r ? eco_reader_next(r, &doc) : -2;
		eco_doc_free(doc);
		doc = NULL;
		if (rc != -1 || d.n != 1 || d.v[0].line != 1 || d.v[0].col != 4 ||
		    !strstr(d.v[0].msg, "byte offset 3")) {
			print_error("bad sequence %zu accepted or misplaced\n",
			    i);
			bad_n++;
		}
		eco_reader_close(r);
		eco_diags_free(&d);
	}
	assert_int_equal(bad_n, 0);
	/* Four-byte characters are fine. */
	assert_str(get(load_ok("k: \xf0\x9f\x98\x80\n"), "k"),
	    "\xf0\x9f\x98\x80");
}

static void
test_reader_control_char(void **state)
{
	(void)state;
	/* Valid UTF-8 that YAML forbids: libyaml's reader says where. */
	assert_int_equal(load("a: 1\nb: \x01\n"), -1);
	assert_one_diag(2, 4, "utf8", "byte offset 8");
}

static void
test_reader_control_char_column(void **state)
{
	(void)state;
	assert_int_equal(load("\xc3\xa9t\xc3\xa9: \x01\n"), -1);
	assert_one_diag(1, 6, "utf8", "byte offset 7");
}

/* Syntax errors. */

static void
test_syntax_error(void **state)
{
	(void)state;
	assert_int_equal(load("a: b: c\n"), -1);
	assert_one_diag(1, 5, "yaml", "mapping values are not allowed");
	assert_int_equal(t.ndoc, 0);
}

static void
test_syntax_error_unclosed_flow(void **state)
{
	(void)state;
	assert_int_equal(load("a: [1, 2\nb: 3\n"), -1);
	assert_int_equal(t.d.n, 1);
	assert_int_equal(t.d.v[0].line, 2);
	assert_string_equal(t.d.v[0].check, "yaml");
	/* The context names where the sequence began. */
	assert_non_null(strstr(t.d.v[0].msg, "line 1"));
}

static void
test_syntax_error_tab_indent(void **state)
{
	(void)state;
	assert_int_equal(load("a:\n\tb: 1\n"), -1);
	assert_int_equal(t.d.n, 1);
	assert_int_equal(t.d.v[0].line, 2);
	assert_int_equal(t.d.v[0].col, 1);
	assert_string_equal(t.d.v[0].check, "yaml");
}

/* Streams. */

static void
test_stream_index(void **state)
{
	size_t i;

	(void)state;
	assert_int_equal(load("a: 1\n---\nb: 2\n...\n---\n- 3\n"), 0);
	assert_int_equal(t.ndoc, 3);
	assert_int_equal(t.d.n, 0);
	for (i = 0; i < 3; i++) {
		assert_int_equal(t.doc[i]->index, (int)i + 1);
		assert_string_equal(t.doc[i]->file, "t.yaml");
		assert_int_equal(t.doc[i]->nerr, 0);
	}
	assert_int_node(get(t.doc[0]->root, "a"), 1);
	assert_int_node(get(t.doc[1]->root, "b"), 2);
	assert_int_node(item(t.doc[2]->root, 0), 3);
	assert_int_equal(eco_reader_next(t.r, &t.doc[3]), 0);
}

static void
test_stream_error_in_one_document(void **state)
{
	(void)state;
	assert_int_equal(load("--- {a: 1, a: 2}\n--- {b: 1}\n"), 0);
	assert_int_equal(t.ndoc, 2);
	assert_int_equal(t.doc[0]->nerr, 1);
	assert_int_equal(t.doc[1]->nerr, 0);
	assert_int_equal(t.doc[1]->index, 2);
	assert_one_diag(1, 12, "yaml", "duplicate");
}

static void
test_stream_syntax_error_after_document(void **state)
{
	(void)state;
	assert_int_equal(load("a: 1\n---\n[\n"), -1);
	assert_int_equal(t.ndoc, 1);
	assert_int_equal(t.d.n, 1);
	assert_int_equal(t.d.v[0].line, 4);
	assert_int_equal(eco_reader_next(t.r, &t.doc[1]), 0);
}

static void
test_stream_empty(void **state)
{
	(void)state;
	assert_int_equal(load(""), 0);
	assert_int_equal(load("# only a comment\n"), 0);
	assert_int_equal(t.ndoc, 0);
	assert_int_equal(t.d.n, 0);
	load_ok("---\n");
	assert_type(t.doc[0]->root, ECO_NULL);
}

static void
test_stream_empty_root_collections(void **state)
{
	(void)state;
	/* The first collection of a reader is empty: nothing to copy. */
	load_ok("[]\n");
	assert_type(t.doc[0]->root, ECO_SEQ);
	assert_int_equal(t.doc[0]->root->len, 0);
	assert_int_equal(load("{}\n"), 0);
	assert_int_equal(t.ndoc, 2);
	assert_type(t.doc[1]->root, ECO_MAP);
	assert_int_equal(t.doc[1]->root->len, 0);
}

/* Positions. */

static void
test_positions(void **state)
{
	const struct eco_node *m, *b, *p;

	(void)state;
	m = load_ok("a: 1\nb:\n  - x\n  - {c: d}\n  - [e, f]\n  - k: v\n"
	    "\"q\": 'w'\nl: |\n  text\n\xc3\xa9: \xc3\xbc\n");
	assert_pos(m, 1, 1);
	assert_pos(m->u.pairs[0].key, 1, 1);
	assert_pos(get(m, "a"), 1, 4);
	assert_pos(m->u.pairs[1].key, 2, 1);
	b = get(m, "b");
	assert_pos(b, 3, 3);
	assert_pos(item(b, 0), 3, 5);
	p = item(b, 1);
	assert_pos(p, 4, 5);
	assert_pos(p->u.pairs[0].key, 4, 6);
	assert_pos(get(p, "c"), 4, 9);
	p = item(b, 2);
	assert_pos(p, 5, 5);
	assert_pos(item(p, 0), 5, 6);
	assert_pos(item(p, 1), 5, 9);
	p = item(b, 3);
	assert_pos(p, 6, 5);
	assert_pos(p->u.pairs[0].key, 6, 5);
	assert_pos(get(p, "k"), 6, 8);
	assert_pos(m->u.pairs[2].key, 7, 1);
	assert_pos(get(m, "q"), 7, 6);
	assert_pos(get(m, "l"), 8, 4);
	assert_str(get(m, "l"), "text\n");
	/* Columns count characters, not bytes. */
	assert_pos(m->u.pairs[4].key, 10, 1);
	assert_pos(get(m, "\xc3\xa9"), 10, 4);
}

static void
test_positions_root_sequence(void **state)
{
	const struct eco_node *s;

	(void)state;
	s = load_ok("# comment\n- a\n-   b\n- [c]\n");
	assert_pos(s, 2, 1);
	assert_pos(item(s, 0), 2, 3);
	assert_pos(item(s, 1), 3, 5);
	assert_pos(item(s, 2), 4, 3);
	assert_pos(item(item(s, 2), 0), 4, 4);
}

/* JSON read without libyaml: the same tree as libyaml's, or none. */

static void
assert_same_tree(const struct eco_node *a, const struct eco_node *b)
{
	size_t i;

	assert_int_equal(a->type, b->type);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->col, b->col);
	assert_int_equal(a->len, b->len);
	assert_int_equal(a->weight, b->weight);
	assert_int_equal(a->flags, b->flags);
	if (a->type == ECO_SEQ)
		for (i = 0; i < a->len; i++)
			assert_same_tree(a->u.items[i], b->u.items[i]);
	else if (a->type == ECO_MAP)
		for (i = 0; i < a->len; i++) {
			assert_same_tree(a->u.pairs[i].key, b->u.pairs[i].key);
			assert_same_tree(a->u.pairs[i].val, b->u.pairs[i].val);
		}
	else {
		assert_memory_equal(a->s, b->s, a->len + 1);
		assert_true(eco_node_equal(a, b));
	}
}

/* text read both ways; fast: whether the JSON reader must take it */
static void
json_both(const char *text, size_t len, int fast)
{
	struct eco_doc *j = eco_json_doc(text, len, "j.json", &t.lim), *y;

	t.r = eco_reader_mem(text, len, "j.json", &t.lim, &t.d);
	assert_non_null(t.r);
	if (!fast) {
		assert_null(j);
		return;
	}
	assert_non_null(j);
	assert_int_equal(eco_reader_next(t.r, &y), 1);
	t.doc[t.ndoc++] = y;
	t.doc[t.ndoc++] = j;
	assert_int_equal(y->nerr, 0);
	assert_int_equal(j->index, y->index);
	assert_string_equal(j->file, y->file);
	assert_same_tree(j->root, y->root);
}

static void
test_json_like_libyaml(void **state)
{
	static const char text[] =
	    "{\n  \"a\": [1, -2.5e3, 0, true, false, null, \"x\\\"\\/\\\\\\b\\f\\n\\r\\t\"],\r\n"
	    "\"é\":{\"\\u00e9t\\u00E9\" :\"✓ ünï\",\"k\": {}, \"l\": [[], {}]},\r"
	    "  \"long\": \"" "0123456789012345678901234567890123456789" "\"}\n";

	(void)state;
	json_both(text, sizeof text - 1, 1);
}

static void
test_json_every_schema(void **state)
{
	static const char *const names[] = {
		"plan.schema.json", "defs.schema.json", "rencontre.schema.json",
		"demarche.schema.json", "meta-core.json", "schema.json"
	};
	size_t i, len;
	const char *buf;

	(void)state;
	for (i = 0; i < sizeof names / sizeof *names; i++) {
		assert_non_null(buf = eco_embedded(names[i], &len));
		json_both(buf, len, 1);
		eco_reader_close(t.r);
		t.r = NULL;
	}
}

static void
test_json_left_to_libyaml(void **state)
{
	static const char *const texts[] = {
		"{\"a\":\t1}", "\xEF\xBB\xBF{}", "{\"a\": \"\\ud83d\\ude00\"}",
		"{\"a\"\n: 1}", "{\"a\": 1, \"a\": 2}", "{\"a\": 01}", "{\"a\": 1,}",
		"{a: 1}", "{\"a\": \"x\xC2\x85y\"}", "{\"a\": \"x\xE2\x80\xA8\"}",
		"[1] [2]", "\"s\"", "{\"a\": \"\\u0000\"}", "{\"a\": 1.}",
		"{\"a\": \"\x7F\"}", "{\"a\": \"\xEF\xBB\xBF\"}",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof *texts; i++) {
		json_both(texts[i], strlen(texts[i]), 0);
		eco_reader_close(t.r);
		t.r = NULL;
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_resolve_core_table),
		T(test_resolve_values),
		T(test_quoted_always_strings),
		T(test_scalar_matches),
		T(test_tag_explicit),
		T(test_tag_wrong_values),
		T(test_tag_unknown),
		T(test_dup_key),
		T(test_dup_key_flow_and_nested),
		T(test_dup_key_hash_path),
		T(test_many_keys_no_false_duplicate),
		T(test_dup_int_keys),
		T(test_dup_int_keys_hash_path),
		T(test_dup_equal_scalar_keys),
		T(test_dup_big_int_keys),
		T(test_dup_null_keys_hash_path),
		T(test_dup_float_keys_hash_path),
		T(test_dup_alias_key),
		T(test_alias),
		T(test_alias_redefined_anchor),
		T(test_alias_unknown),
		T(test_alias_recursive),
		T(test_alias_other_document),
		T(test_merge_one_map),
		T(test_merge_seq_earlier_wins),
		T(test_merge_explicit_wins),
		T(test_merge_key_order),
		T(test_merge_hash_path),
		T(test_merge_of_scalar),
		T(test_merge_quoted_key_is_plain),
		T(test_merge_keeps_duplicate_check),
		T(test_limits_default),
		T(test_limit_file_size),
		T(test_limit_file_size_open),
		T(test_open_missing_file),
		T(test_limit_depth),
		T(test_limit_depth_default),
		T(test_limit_nodes),
		T(test_limit_nodes_per_document),
		T(test_limit_scalar),
		T(test_limit_expansion),
		T(test_billion_laughs),
		T(test_limit_ends_stream),
		T(test_utf8_invalid),
		T(test_utf8_column_counts_characters),
		T(test_utf8_crlf),
		T(test_utf8_after_bom),
		T(test_utf8_cr_line_ends),
		T(test_utf8_nul),
		T(test_utf8_bad_sequences),
		T(test_reader_control_char),
		T(test_reader_control_char_column),
		T(test_syntax_error),
		T(test_syntax_error_unclosed_flow),
		T(test_syntax_error_tab_indent),
		T(test_stream_index),
		T(test_stream_error_in_one_document),
		T(test_stream_syntax_error_after_document),
		T(test_stream_empty),
		T(test_positions),
		T(test_positions_root_sequence),
		T(test_json_like_libyaml),
		T(test_json_every_schema),
		T(test_json_left_to_libyaml),
		/* Last: it used to stop the run under UBSan. */
		T(test_stream_empty_root_collections),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
