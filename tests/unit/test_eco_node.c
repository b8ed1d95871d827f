/*
 * test_eco_node.c - unit tests of the public readers and builders of
 * eco_node.c: readers that give NULL for what is absent or of another
 * type; a record built node by node on its own document emits as YAML
 * and JSON, reads back equal, and passes its kind's schema.
 *
 * Every test works in the file-global t, which teardown frees even when
 * an assertion fails, so that LeakSanitizer only reports real leaks.
 */
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

/* What a test made: loaded, built and read-back documents. */
static struct {
	struct eco_doc *doc, *built, *back;
	struct eco_reader *r;
	struct eco_schemaset *set;
	struct eco_diags d;
	char *out;
	size_t len;
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_diags_init(&t.d);
	return 0;
}

static int
teardown(void **state)
{
	struct eco_doc *docs[] = { t.doc, t.built, t.back };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof docs / sizeof *docs; i++)
		eco_doc_free(docs[i]);
	eco_reader_close(t.r);
	eco_schemaset_free(t.set);
	eco_diags_free(&t.d);
	free(t.out);
	return 0;
}

/* The first document of a YAML text. */
static struct eco_doc *
load(const char *text)
{
	struct eco_limits lim;
	struct eco_doc *doc = NULL;

	eco_limits_default(&lim);
	eco_reader_close(t.r);
	assert_non_null(t.r = eco_reader_mem(text, strlen(text), "t.yaml", &lim,
	    &t.d));
	assert_int_equal(eco_reader_next(t.r, &doc), 1);
	assert_int_equal(doc->nerr, 0);
	return doc;
}

static void
test_readers(void **state)
{
	const struct eco_node *m;

	(void)state;
	t.doc = load("titre: Rencontre\nnumero: 3\nheure: '13:30'\n"
	    "date: 2026-11-12\nmauvaise: 2026-02-30\nfait: true\nnon: false\n"
	    "oui: oui\nvide: null\nliste: [a, b]\nsous: {k: v}\n");
	m = t.doc->root;
	assert_string_equal(eco_map_str(m, "titre"), "Rencontre");
	assert_null(eco_map_str(m, "numero"));		/* an integer */
	assert_null(eco_map_str(m, "absente"));
	assert_null(eco_map_str(NULL, "titre"));
	assert_null(eco_map_str(m->u.pairs[0].val, "titre"));	/* no mapping */
	assert_string_equal(eco_map_text(m, "numero"), "3");
	assert_string_equal(eco_map_text(m, "heure"), "13:30");
	assert_null(eco_map_text(m, "vide"));
	assert_null(eco_map_text(m, "liste"));
	assert_string_equal(eco_map_date(m, "date"), "2026-11-12");
	assert_null(eco_map_date(m, "mauvaise"));
	assert_null(eco_map_date(m, "titre"));
	assert_int_equal(eco_map_bool(m, "fait", 0), 1);
	assert_int_equal(eco_map_bool(m, "non", 1), 0);
	assert_int_equal(eco_map_bool(m, "oui", 7), 7);	/* text, not a boolean */
	assert_int_equal(eco_map_bool(m, "absente", -1), -1);
	assert_non_null(eco_map_seq(m, "liste"));
	assert_null(eco_map_seq(m, "sous"));
	assert_non_null(eco_map_mapping(m, "sous"));
	assert_null(eco_map_mapping(m, "liste"));
	assert_true(eco_seq_has(eco_map_seq(m, "liste"), "b"));
	assert_false(eco_seq_has(eco_map_seq(m, "liste"), "c"));
	assert_false(eco_seq_has(NULL, "a"));
}

/* A to-do record, as eco-rencontre writes one. */
static struct eco_node *
build_tache(struct eco_doc *d, size_t nrefs)
{
	struct eco_node *m = eco_node_map(d), *refs = eco_node_seq(d);
	char id[32];
	size_t i;

	assert_int_equal(eco_map_put(d, m, "kind", eco_node_str(d, "tache")), 0);
	assert_int_equal(eco_map_put(d, m, "version", eco_node_int(d, 1)), 0);
	assert_int_equal(eco_map_put(d, m, "id", eco_node_str(d, "r3-t1")), 0);
	assert_int_equal(eco_map_put(d, m, "description",
	    eco_node_str(d, "Réserver la salle: « grande »")), 0);
	assert_int_equal(eco_map_put(d, m, "echeance",
	    eco_node_str(d, "2026-11-05")), 0);
	assert_int_equal(eco_map_put(d, m, "fait", eco_node_bool(d, 0)), 0);
	assert_int_equal(eco_map_put(d, m, "rencontre", eco_node_str(d, "r3")), 0);
	for (i = 0; i < nrefs; i++) {
		snprintf(id, sizeof id, "ref-%zu", i);
		assert_int_equal(eco_seq_push(d, refs, eco_node_str(d, id)), 0);
	}
	if (nrefs)
		assert_int_equal(eco_map_put(d, m, "references", refs), 0);
	d->root = m;
	return m;
}

static void
test_build_emit_validate(void **state)
{
	const struct eco_schema *s;
	struct eco_node *m;
	FILE *fp;

	(void)state;
	assert_non_null(t.built = eco_doc_new("nouveau.yaml"));
	assert_string_equal(t.built->file, "nouveau.yaml");
	m = build_tache(t.built, 0);
	assert_int_equal(m->len, 7);
	assert_true(m->weight >= 15);
	assert_non_null(fp = open_memstream(&t.out, &t.len));
	assert_int_equal(eco_emit_yaml(fp, m), 0);
	assert_int_equal(fclose(fp), 0);
	assert_string_equal(t.out, "---\nkind: tache\nversion: 1\nid: r3-t1\n"
	    "description: 'Réserver la salle: « grande »'\n"
	    "echeance: '2026-11-05'\nfait: false\nrencontre: r3\n");
	/* it reads back as built, and passes the schema of its kind */
	t.back = load(t.out);
	assert_true(eco_node_equal(t.back->root, m));
	assert_non_null(t.set = eco_schemaset_new());
	assert_int_equal(eco_schemaset_add_eco(t.set, &t.d), 0);
	assert_int_equal(eco_schemaset_resolve(t.set, &t.d), 0);
	assert_non_null(s = eco_schemaset_kind(t.set, "tache"));
	assert_int_equal(eco_schema_check(s, m, "nouveau.yaml", &t.d), 0);
	assert_true(eco_schema_valid(s, m));
	/* one key more, and the schema says no */
	assert_int_equal(eco_map_put(t.built, m, "budgt", eco_node_int(t.built,
	    -5)), 0);
	assert_false(eco_schema_valid(s, m));
}

static void
test_build_grows(void **state)
{
	struct eco_node *seq, *m;
	size_t i;
	FILE *fp;

	(void)state;
	assert_non_null(t.built = eco_doc_new(NULL));
	assert_null(t.built->file);
	m = build_tache(t.built, 100);
	seq = (struct eco_node *)(uintptr_t)eco_map_seq(m, "references");
	assert_non_null(seq);
	assert_int_equal(seq->len, 100);
	for (i = 0; i < 100; i++) {
		char id[32];

		snprintf(id, sizeof id, "ref-%zu", i);
		assert_string_equal(seq->u.items[i]->s, id);
	}
	assert_non_null(fp = open_memstream(&t.out, &t.len));
	assert_int_equal(eco_emit_json(fp, m, NULL, &t.d), 0);
	assert_int_equal(fclose(fp), 0);
	assert_non_null(strstr(t.out, "\"references\":[\"ref-0\",\"ref-1\","));
	assert_non_null(strstr(t.out, "\"ref-99\"]}\n"));
}

static void
test_build_refuses(void **state)
{
	struct eco_node *m, *s, *n;

	(void)state;
	assert_non_null(t.built = eco_doc_new(NULL));
	m = eco_node_map(t.built);
	s = eco_node_seq(t.built);
	/* a NULL anywhere fails the call, and adds nothing */
	assert_int_equal(eco_map_put(t.built, m, "k", NULL), -1);
	assert_int_equal(eco_map_put(t.built, m, NULL, s), -1);
	assert_int_equal(eco_map_put(t.built, NULL, "k", s), -1);
	assert_int_equal(eco_map_put(NULL, m, "k", s), -1);
	assert_int_equal(eco_seq_push(t.built, s, NULL), -1);
	assert_null(eco_node_str(t.built, NULL));
	assert_null(eco_node_str(NULL, "x"));
	/* put goes to a mapping, push to a sequence */
	assert_int_equal(eco_map_put(t.built, s, "k", m), -1);
	assert_int_equal(eco_seq_push(t.built, m, s), -1);
	assert_int_equal(m->len, 0);
	assert_int_equal(s->len, 0);
	/* the scalars have the text and the value a loaded one has */
	n = eco_node_int(t.built, -42);
	assert_int_equal(n->type, ECO_INT);
	assert_string_equal(n->s, "-42");
	assert_int_equal(n->u.i, -42);
	assert_true(n->num == -42.0);
	n = eco_node_bool(t.built, 5);
	assert_string_equal(n->s, "true");
	assert_int_equal(n->u.b, 1);
	n = eco_node_null(t.built);
	assert_int_equal(n->type, ECO_NULL);
	/* a node of another document is shared, not copied */
	t.doc = load("nom: Maison de la famille\n");
	assert_int_equal(eco_map_put(t.built, m, "nom",
	    eco_map_get(t.doc->root, "nom")), 0);
	assert_ptr_equal(m->u.pairs[0].val, eco_map_get(t.doc->root, "nom"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_readers),
		T(test_build_emit_validate),
		T(test_build_grows),
		T(test_build_refuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
