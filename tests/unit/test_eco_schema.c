/*
 * test_eco_schema.c - unit tests of eco_schema.c beyond the JSON Schema
 * Test Suite (which tests/conformance runs whole): what the validator
 * says and where, its suggestions, formats as assertions, and the
 * guards against schemas or documents built to hurt.
 *
 * Schemas and documents are YAML (JSON is YAML) fed from strings.  No
 * catalogue is bound, so messages are the English msgids.
 */
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

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
#define NDOCS 8

static struct {
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_schemaset *set;
	struct eco_doc *docs[NDOCS];
	size_t ndocs;
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_limits_default(&t.lim);
	eco_diags_init(&t.d);
	t.set = eco_schemaset_new();
	return t.set ? 0 : -1;
}

static int
teardown(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < t.ndocs; i++)
		eco_doc_free(t.docs[i]);
	eco_schemaset_free(t.set);
	eco_diags_free(&t.d);
	return 0;
}

/* The root of the only document of text, kept until teardown. */
static const struct eco_node *
doc(const char *text)
{
	struct eco_reader *r = eco_reader_mem(text, strlen(text), "t.yaml",
	    &t.lim, &t.d);
	struct eco_doc *d = NULL;

	assert_non_null(r);
	assert_int_equal(eco_reader_next(r, &d), 1);
	eco_reader_close(r);
	assert_int_equal(d->nerr, 0);
	assert_true(t.ndocs < NDOCS);
	t.docs[t.ndocs++] = d;
	return d->root;
}

static const struct eco_schema *
schema(const char *text)
{
	const struct eco_schema *s = eco_schemaset_add(t.set, doc(text), "",
	    &t.d);

	assert_non_null(s);
	assert_int_equal(eco_schemaset_resolve(t.set, &t.d), 0);
	return s;
}

/* Check inst against s; valid and check must agree. */
static size_t
check(const struct eco_schema *s, const char *inst)
{
	const struct eco_node *n = doc(inst);
	size_t nerr;

	eco_diags_clear(&t.d);
	nerr = eco_schema_check(s, n, "t.yaml", &t.d);
	assert_int_equal(eco_schema_valid(s, n), nerr == 0);
	return nerr;
}

static void
assert_diag(size_t i, int line, int col, const char *path, const char *text)
{
	assert_true(i < t.d.n);
	assert_int_equal(t.d.v[i].line, line);
	assert_int_equal(t.d.v[i].col, col);
	assert_string_equal(t.d.v[i].check, "schema");
	assert_string_equal(t.d.v[i].path, path);
	if (!strstr(t.d.v[i].msg, text))
		fail_msg("« %s » lacks « %s »", t.d.v[i].msg, text);
}

static void
test_every_error_at_its_node(void **state)
{
	const struct eco_schema *s = schema(
	    "type: object\n"
	    "properties:\n"
	    "  a: {type: integer}\n"
	    "  b: {type: array, items: {type: string}}\n"
	    "required: [a, c]\n");

	(void)state;
	assert_int_equal(check(s, "a: x\nb: [ok, 2, 3]\n"), 4);
	assert_diag(0, 1, 4, "/a", "integer");
	assert_diag(1, 2, 9, "/b/1", "string");
	assert_diag(2, 2, 12, "/b/2", "string");
	assert_diag(3, 1, 1, "/", "missing required key « c »");
}

static void
test_unknown_key_suggests_the_closest(void **state)
{
	const struct eco_schema *s = schema(
	    "properties: {budget: {}, titre: {}}\n"
	    "additionalProperties: false\n");

	(void)state;
	assert_int_equal(check(s, "titre: x\nbudgt: 1\n"), 1);
	assert_diag(0, 2, 1, "/budgt", "unknown key « budgt » (did you mean budget?)");
	assert_int_equal(check(s, "zzzzzz: 1\n"), 1);
	assert_null(strstr(t.d.v[0].msg, "did you mean"));
}

static void
test_enum_suggests_and_lists(void **state)
{
	const struct eco_schema *s = schema(
	    "enum: [enfant, famille, communaute]\n");

	(void)state;
	assert_int_equal(check(s, "famile\n"), 1);
	assert_diag(0, 1, 1, "/", "did you mean famille?");
	assert_non_null(strstr(t.d.v[0].msg, "enfant, famille, communaute"));
}

static void
test_oui_is_not_a_boolean(void **state)
{
	const struct eco_schema *s = schema("type: boolean\n");

	(void)state;
	assert_int_equal(check(s, "oui\n"), 1);
	assert_diag(0, 1, 1, "/", "write true or false");
	assert_int_equal(check(s, "true\n"), 0);
}

static void
test_money_two_decimals(void **state)
{
	const struct eco_schema *s = schema("type: number\nmultipleOf: 0.01\n");

	(void)state;
	assert_int_equal(check(s, "1125.10\n"), 0);
	assert_int_equal(check(s, "0.07\n"), 0);
	assert_int_equal(check(s, "12.345\n"), 1);
	assert_diag(0, 1, 1, "/", "more than two decimals");
}

static void
test_dates_against_the_calendar(void **state)
{
	const struct eco_schema *s = schema("format: date\n");

	(void)state;
	assert_int_equal(check(s, "2028-02-29\n"), 0);
	assert_int_equal(check(s, "2026-02-29\n"), 1);
	assert_int_equal(check(s, "2026-02-30\n"), 1);
	assert_int_equal(check(s, "2026-13-01\n"), 1);
	assert_int_equal(check(s, "2026-9-01\n"), 1);
	assert_true(eco_format_date("2000-02-29", 10));
	assert_false(eco_format_date("1900-02-29", 10));
}

static void
test_email_and_uri_by_their_rfcs(void **state)
{
	const struct eco_schema *s = schema("properties:\n"
	    "  c: {format: email}\n  u: {format: uri}\n");

	(void)state;
	assert_int_equal(check(s, "c: '\"m t\"@[IPv6:::1]'\n"
	    "u: 'ldap://u:p@[::1]:389/o'\n"), 0);
	assert_int_equal(check(s, "c: 'm t@x.ca'\nu: 'http://x.ca:port/'\n"), 2);
	assert_diag(0, 1, 4, "/c", "is not an email address");
	assert_diag(1, 2, 4, "/u", "is not an absolute URI");
}

static void
test_formats_can_be_annotations(void **state)
{
	const struct eco_schema *s;

	(void)state;
	eco_schemaset_formats(t.set, 0);
	s = schema("format: email\n");
	assert_int_equal(check(s, "pas un courriel\n"), 0);
}

static void
test_endless_reference_fails_at_once(void **state)
{
	const struct eco_schema *s = schema(
	    "anyOf: [{$ref: '#'}, {$ref: '#'}]\n");

	(void)state;
	/* 2^2000 visits if the loop were followed to the nesting limit */
	assert_int_equal(eco_schema_valid(s, doc("1\n")), 0);
	assert_true(check(s, "1\n") > 0);
}

static void
test_key_that_is_a_collection(void **state)
{
	const struct eco_schema *s = schema(
	    "properties: {a: {}}\npatternProperties: {'^b': {}}\n");

	(void)state;
	assert_int_equal(check(s, "[x]: 1\na: 2\n"), 1);
	assert_diag(0, 1, 1, "/", "a key must be text");
}

static void
test_unique_items_through_aliases(void **state)
{
	const struct eco_schema *s = schema("uniqueItems: true\n");

	(void)state;
	assert_int_equal(check(s, "[&m {a: 1, b: [1, 2]}, x, *m]\n"), 1);
	/* an aliased collection is the anchored node itself: its position
	 * is the anchor's; the path names the repeated item */
	assert_diag(0, 1, 2, "/2", "item 3 repeats item 1");
	assert_int_equal(check(s, "[{a: 1, b: 2}, {b: 2, a: 1.0}]\n"), 1);
	assert_int_equal(check(s, "[1, '1', true, null, [1], {a: 1}]\n"), 0);
}

static void
test_unusable_schemas_are_refused(void **state)
{
	struct eco_diags d;

	(void)state;
	eco_diags_init(&d);
	/* an error in a schema compiled only because a $ref points there */
	assert_non_null(eco_schemaset_add(t.set,
	    doc("{$ref: '#/foo', foo: {enum: 5}}\n"), "", &d));
	assert_int_equal(eco_schemaset_resolve(t.set, &d), -1);
	assert_true(d.nerr > 0);
	eco_diags_free(&d);
}

static void
test_eco_schemas_compile_and_know_their_kinds(void **state)
{
	static const char *const kinds[] = {
		"regroupement", "rencontre", "donnee", "observation", "constat",
		"service", "intervention", "priorite", "objectif", "plan",
		"communication", "suivi", "evaluation", "diagnostic", "facteur",
		"action", "indicateur", "transformation", "tache", "note"
	};
	size_t i;

	(void)state;
	assert_int_equal(eco_schemaset_add_eco(t.set, &t.d), 0);
	assert_int_equal(eco_schemaset_resolve(t.set, &t.d), 0);
	for (i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (!eco_schemaset_kind(t.set, kinds[i]))
			fail_msg("no schema for kind %s", kinds[i]);
	assert_null(eco_schemaset_kind(t.set, "inconnu"));
}

static void
test_lazy_reads_what_is_needed(void **state)
{
	const struct eco_schema *s;

	(void)state;
	assert_int_equal(eco_schemaset_lazy_eco(t.set, &t.d), 0);
	assert_non_null(s = eco_schemaset_need(t.set, "suivi", &t.d));
	assert_ptr_equal(eco_schemaset_need(t.set, "suivi", &t.d), s);
	/* what it refers to was read with it; the rest when asked for */
	assert_non_null(eco_schemaset_get(t.set,
	    "https://eco.quebec/schemas/defs.schema.json#/$defs/date"));
	assert_non_null(eco_schemaset_kind(t.set, "plan"));
	assert_non_null(eco_schemaset_get(t.set,
	    "https://eco.quebec/schemas/constat.schema.json"));
	assert_null(eco_schemaset_need(t.set, "inconnu", &t.d));
	assert_int_equal(t.d.n, 0);
	/* compiled once, it validates as an eager set's does */
	assert_false(eco_schema_valid(s, doc("kind: suivi\nversion: 1\n")));
	assert_true(eco_schema_valid(s, doc("kind: suivi\nversion: 1\nid: s\n"
	    "action: a\ndate: 2027-01-10\nstatut: en-cours\n")));
}

static void
test_lazy_from_a_folder(void **state)
{
	static const char *const names[] = { "suivi.schema.json",
	    "defs.schema.json" };
	char dir[] = "/tmp/eco-schemas-XXXXXX", path[64];
	const char *buf;
	size_t i, len, n;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	for (i = 0; i < 2; i++) {
		assert_non_null(buf = eco_embedded(names[i], &len));
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		assert_non_null(f = fopen(path, "w"));
		assert_int_equal(fwrite(buf, 1, len, f), len);
		assert_int_equal(fclose(f), 0);
	}
	setenv("ECO_SCHEMAS", dir, 1);
	assert_int_equal(eco_schemaset_lazy_eco(t.set, &t.d), 0);
	unsetenv("ECO_SCHEMAS");
	assert_non_null(eco_schemaset_need(t.set, "suivi", &t.d));
	assert_int_equal(t.d.n, 0);
	/* a file that is not there: said once, then no schema */
	assert_null(eco_schemaset_need(t.set, "plan", &t.d));
	assert_true(t.d.sys);
	n = t.d.n;
	assert_null(eco_schemaset_need(t.set, "plan", &t.d));
	assert_int_equal(t.d.n, n);
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}

static const char ref_defs[] =
    "{$id: 'https://x.example/defs.schema.json', $defs: {"
    " ref: {type: string}, truc: {$ref: '#/$defs/ref'},"
    " trucs: {type: array, items: {$ref: '#/$defs/truc'}}}}\n";

static const char ref_kind[] =
    "{$id: 'https://x.example/k.schema.json',"
    " properties: {kind: {const: k},"
    "  a: {$ref: 'defs.schema.json#/$defs/truc'},"
    "  b: {$ref: 'defs.schema.json#/$defs/trucs'},"
    "  c: {additionalProperties: {$ref: 'defs.schema.json#/$defs/truc'}},"
    "  d: {prefixItems: [{}, {$ref: 'defs.schema.json#/$defs/truc'}]},"
    "  e: {anyOf: [{properties: {f: {$ref: 'defs.schema.json#/$defs/truc'}}}]},"
    "  g: {patternProperties: {'^x': {$ref: 'defs.schema.json#/$defs/truc'}}},"
    "  h: {type: string, $ref: 'defs.schema.json#/$defs/ref'},"
    "  i: {items: {properties: {j: {$ref: '#/properties/i'}}}}}}\n";

static const struct eco_reftree *
key(const struct eco_reftree *r, const char *name)
{
	size_t i;

	for (i = 0; r && i < r->nkeys; i++)
		if (strcmp(r->keys[i].name, name) == 0)
			return r->keys[i].t;
	return NULL;
}

static void
test_reference_trees(void **state)
{
	const struct eco_reftree *r;

	(void)state;
	assert_non_null(eco_schemaset_add(t.set, doc(ref_defs), "", &t.d));
	assert_non_null(eco_schemaset_add(t.set, doc(ref_kind), "", &t.d));
	assert_int_equal(eco_schemaset_resolve(t.set, &t.d), 0);
	assert_non_null(r = eco_schemaset_refs(t.set, "k", &t.d));
	assert_string_equal(key(r, "a")->kind, "truc");
	/* a list of references is one where the list is */
	assert_string_equal(key(r, "b")->kind, "truc");
	assert_null(key(r, "b")->items);
	assert_string_equal(key(r, "c")->other->kind, "truc");
	assert_int_equal(key(r, "d")->nprefix, 2);
	assert_null(key(r, "d")->prefix[0]);
	assert_string_equal(key(r, "d")->prefix[1]->kind, "truc");
	/* in-place applicators add to the same place */
	assert_string_equal(key(key(r, "e"), "f")->kind, "truc");
	assert_int_equal(key(r, "g")->npats, 1);
	assert_true(eco_refpat_match(&key(r, "g")->pats[0], "xy", 2));
	assert_false(eco_refpat_match(&key(r, "g")->pats[0], "yx", 2));
	/* a plain ref names no kind; a recursive schema ends */
	assert_null(key(r, "h"));
	assert_null(key(r, "i"));
	assert_null(key(r, "kind"));
	assert_int_equal(r->nkeys, 6);
	assert_ptr_equal(eco_schemaset_refs(t.set, "k", &t.d), r);
	assert_null(eco_schemaset_refs(t.set, "autre", &t.d));
	assert_int_equal(t.d.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_every_error_at_its_node),
		T(test_unknown_key_suggests_the_closest),
		T(test_enum_suggests_and_lists),
		T(test_oui_is_not_a_boolean),
		T(test_money_two_decimals),
		T(test_dates_against_the_calendar),
		T(test_email_and_uri_by_their_rfcs),
		T(test_formats_can_be_annotations),
		T(test_endless_reference_fails_at_once),
		T(test_key_that_is_a_collection),
		T(test_unique_items_through_aliases),
		T(test_unusable_schemas_are_refused),
		T(test_eco_schemas_compile_and_know_their_kinds),
		T(test_lazy_reads_what_is_needed),
		T(test_lazy_from_a_folder),
		T(test_reference_trees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
