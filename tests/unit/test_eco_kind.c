/*
 * test_eco_kind.c - unit tests of eco_kind.c: the registry of kinds, the
 * schemas compiled once when first needed, the check of one document,
 * and the references read off the schemas.  Messages are the English
 * msgids (no catalogue is bound).
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "eco.h"
#include "eco_priv.h"
#include "said.h"

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static struct eco_limits lim;	/* the defaults, set by main */

static struct {
	struct eco_diags d;
	struct eco_doc *doc;
	struct eco_index *x;
} t;

static int
setup(void **state)
{
	(void)state;
	t.doc = NULL;
	eco_diags_init(&t.d);
	return (t.x = eco_index_new()) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	eco_doc_free(t.doc);
	eco_index_free(t.x);
	eco_diags_free(&t.d);
	return 0;
}

static struct eco_doc *
load(const char *text)
{
	struct eco_reader *r = eco_reader_mem(text, strlen(text), "t.yaml",
	    &lim, &t.d);

	assert_non_null(r);
	eco_doc_free(t.doc);
	assert_int_equal(eco_reader_next(r, &t.doc), 1);
	eco_reader_close(r);
	return t.doc;
}

static const struct eco_diag *
said(const char *text)
{
	return said_in(&t.d, text);
}

static void
test_registry(void **state)
{
	const struct eco_kind *v, *k;
	size_t n, i, j;

	(void)state;
	v = eco_kinds(&n);
	assert_true(n > 20);
	for (i = 0; i < n; i++) {
		assert_ptr_equal(eco_kind_find(v[i].name), &v[i]);
		assert_non_null(v[i].label);
		for (j = 0; j < i; j++)
			assert_string_not_equal(v[i].name, v[j].name);
		/* the kinds that hold ids of others exist */
		if (v[i].ids_in)
			assert_non_null(eco_kind_find(v[i].ids_in));
		if (v[i].also)
			assert_non_null(eco_kind_find(v[i].also));
	}
	assert_null(eco_kind_find("plans"));
	assert_null(eco_kind_find(NULL));
	k = eco_kind_find("plan");
	assert_string_equal(k->home, "plan.yaml");
	assert_string_equal(k->title, "titre");
	assert_false(k->flags & ECO_KIND_RECORD);
	k = eco_kind_find("suivi");
	assert_string_equal(k->home, "suivis/");
	assert_true(k->flags & ECO_KIND_RECORD);
	k = eco_kind_find("organisme");
	assert_false(k->flags & ECO_KIND_DOC);
	assert_string_equal(k->ids_in, "regroupement");
	/* no catalogue is bound: the msgid */
	assert_string_equal(eco_kind_label(k), "member organisation");
	assert_ptr_equal(eco_kind_of(load("kind: note\nid: n\n")->root),
	    eco_kind_find("note"));
	assert_null(eco_kind_of(load("- kind: note\n")->root));
	assert_null(eco_kind_of(load("kind: [note]\n")->root));
}

static void
test_schemas_once(void **state)
{
	const struct eco_schema *s;

	(void)state;
	s = eco_kind_schema(eco_kind_find("constat"), &t.d);
	assert_non_null(s);
	assert_ptr_equal(eco_kind_schema(eco_kind_find("constat"), &t.d), s);
	assert_string_equal(eco_map_get(eco_schema_node(s), "$id")->s,
	    "https://eco.quebec/schemas/constat.schema.json");
	/* what documents name without being documents has none */
	assert_null(eco_kind_schema(eco_kind_find("bailleur"), &t.d));
	assert_null(eco_kind_schema(NULL, &t.d));
	assert_int_equal(t.d.n, 0);
}

static void *
ask(void *arg)
{
	struct eco_diags d;
	const struct eco_schema *s;

	eco_diags_init(&d);
	s = eco_kind_schema(eco_kind_find(arg), &d);
	eco_diags_free(&d);
	return (void *)s;
}

static void
test_schemas_from_threads(void **state)
{
	static const char *const kinds[] = {
		"plan", "action", "indicateur", "transformation", "evaluation",
		"plan", "action", "suivi"
	};
	pthread_t th[8];
	void *got[8];
	size_t i;

	(void)state;
	for (i = 0; i < 8; i++)
		assert_int_equal(pthread_create(&th[i], NULL, ask,
		    (void *)kinds[i]), 0);
	for (i = 0; i < 8; i++) {
		assert_int_equal(pthread_join(th[i], &got[i]), 0);
		assert_non_null(got[i]);
	}
	assert_ptr_equal(got[0], got[5]);
	assert_ptr_equal(got[1], got[6]);
}

static void
test_check_shape_and_kind(void **state)
{
	(void)state;
	assert_int_equal(eco_kind_check(load("- a\n"), t.x, &t.d), 1);
	assert_string_equal(said("a mapping with kind")->path, "/");
	assert_int_equal(eco_kind_check(load("id: x\n"), t.x, &t.d), 1);
	said("document without « kind: »");
	assert_int_equal(eco_kind_check(load("kind: plans\n"), t.x, &t.d), 1);
	assert_string_equal(said("unknown kind « plans »")->path, "/kind");
	/* a kind documents name but that is no document's */
	assert_int_equal(eco_kind_check(load("kind: organisme\n"), t.x, &t.d), 1);
	said("unknown kind « organisme »");
}

static void
test_check_schema_and_rules(void **state)
{
	struct eco_doc *doc;

	(void)state;
	doc = load("kind: suivi\nversion: 1\nid: s1\naction: a\ndate: 2027-01-10\n"
	    "statut: abandonnee\nnotee: x\n");
	/* the schema (an unknown key), then the rules (a warning) */
	assert_int_equal(eco_kind_check(doc, t.x, &t.d), 1);
	assert_string_equal(said("unknown key « notee »")->check, "schema");
	assert_string_equal(said("should say why")->check, "suivi");
	assert_int_equal(t.d.nwarn, 1);
	/* its id and its reference are in the index */
	eco_rules_project(t.x, &t.d);
	assert_true(eco_index_has(t.x, "suivi", "s1"));
	/* without an index, the schema only */
	eco_diags_clear(&t.d);
	t.d.nerr = t.d.nwarn = 0;
	assert_int_equal(eco_kind_check(doc, NULL, &t.d), 1);
	assert_int_equal(t.d.nwarn, 0);
	/* a document the loader refused is not checked again */
	load("kind: suivi\nid: a\nid: b\n");
	t.d.nerr = 0;
	eco_diags_clear(&t.d);
	assert_int_equal(eco_kind_check(t.doc, t.x, &t.d), 1);
	assert_int_equal(t.d.n, 0);
}

/* The kind named at path (keys and "[]" for items) of kind's tree. */
static const char *
ref_at(const char *kind, const char *const *path, size_t n)
{
	const struct eco_reftree *r = eco_kind_refs(eco_kind_find(kind), &t.d);
	size_t i, j;

	for (i = 0; r && i < n; i++) {
		if (strcmp(path[i], "[]") == 0) {
			r = r->items;
			continue;
		}
		for (j = 0; j < r->nkeys; j++)
			if (strlen(path[i]) == r->keys[j].len &&
			    memcmp(path[i], r->keys[j].name, r->keys[j].len) == 0)
				break;
		r = j < r->nkeys ? r->keys[j].t : NULL;
	}
	return r ? r->kind : NULL;
}

static void
test_refs_from_schemas(void **state)
{
	static const char *const resp[] = {
		"objectifs", "[]", "transformations", "famille", "actions", "[]",
		"responsable"
	};
	static const char *const bailleur[] = {
		"objectifs", "[]", "transformations", "enfant", "actions", "[]",
		"budget", "[]", "bailleur"
	};
	static const char *const partenaires[] = {
		"objectifs", "[]", "transformations", "communaute", "actions",
		"[]", "partenaires"
	};
	static const char *const titre[] = {
		"objectifs", "[]", "transformations", "enfant", "actions", "[]",
		"titre"
	};
	static const char *const faites[] = { "faites" };
	static const char *const objectifs[] = { "objectifs" };
	static const char *const presence[] = { "presences", "[]", "organisme" };
	const struct eco_reftree *r;

	(void)state;
	assert_string_equal(ref_at("plan", resp, 7), "organisme");
	assert_string_equal(ref_at("plan", bailleur, 9), "bailleur");
	/* a list of references is marked where the list is */
	assert_string_equal(ref_at("plan", partenaires, 7), "organisme");
	assert_null(ref_at("plan", titre, 7));
	assert_string_equal(ref_at("note", faites, 1), "tache");
	/* a meeting's objectives are the cycle's, a communication's the
	 * plan's */
	assert_string_equal(ref_at("rencontre", objectifs, 1), "objectif-cycle");
	assert_string_equal(ref_at("communication", objectifs, 1), "objectif");
	assert_string_equal(ref_at("rencontre", presence, 3), "organisme");
	/* only what leads to a reference is kept */
	r = eco_kind_refs(eco_kind_find("regroupement"), &t.d);
	assert_non_null(r);
	assert_int_equal(r->nkeys, 1);
	assert_string_equal(r->keys[0].name, "fiduciaire");
	/* the cycle names nothing in a project */
	assert_null(eco_kind_refs(eco_kind_find("condition"), &t.d));
	assert_null(eco_kind_refs(eco_kind_find("organisme"), &t.d));
	assert_int_equal(t.d.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_registry),
		T(test_schemas_once),
		T(test_schemas_from_threads),
		T(test_check_shape_and_kind),
		T(test_check_schema_and_rules),
		T(test_refs_from_schemas),
	};

	eco_limits_default(&lim);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
