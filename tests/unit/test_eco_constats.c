/*
 * test_eco_constats.c - unit tests of eco_constats.c: records read flat
 * from a stream (other kinds left out, an observation's analyse by
 * default), the chain both ways, what a constat leads to (priorities,
 * objectives, the plan's actions), each filter (a factor's sub-factors
 * count with the catalogue; source and year through the data drawn on),
 * the factors in the fiches' order, the counts, the closest ids and the
 * new record with the id proposed from its title.  Messages are the
 * English msgids (no catalogue is bound).
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

#define MAXDOCS 32

static struct {
	struct eco_diags d;
	struct eco_doc *docs[MAXDOCS];
	size_t ndocs;
	struct eco_constats *s;
	struct eco_facteurs *f;
	struct eco_plan *plan;
} t;

static const char stream[] =
    "kind: donnee\nversion: 1\nid: d1\ntype: quantitative\nlibelle: D un\n"
    "valeur: 12.5\nsource: eqdem\nannee: 2022\nsysteme: enfant\n"
    "facteurs: [habiletes-langagieres]\n"
    "---\nkind: donnee\nversion: 1\nid: d2\ntype: qualitative\nlibelle: D deux\n"
    "description: x\nsource: autre\nannee: 2025\nsysteme: famille\n"
    "secteur: nord\nfacteurs: [habitudes-lecture-parent-enfant]\n"
    "---\nkind: observation\nversion: 1\nid: o1\nenonce: O un\n"
    "systeme: enfant\ndonnees: [d1]\n"
    "---\nkind: observation\nversion: 1\nid: o2\nenonce: O deux\n"
    "analyse: offre-services\nsysteme: famille\nnature: force\ndonnees: [d2]\n"
    "---\nkind: constat\nversion: 1\nid: c1\nenonce: C un\nsysteme: famille\n"
    "nature: enjeu\nanalyse: situation\nobservations: [o2]\n"
    "facteurs: [habitudes-lecture-parent-enfant, revenu-familial]\n"
    "---\nkind: constat\nversion: 1\nid: c2\nenonce: C deux\nsysteme: enfant\n"
    "nature: force\nanalyse: situation\nobservations: [o1]\ndonnees: [d1]\n"
    "facteurs: [habiletes-langagieres]\n"
    "---\nkind: priorite\nversion: 1\nid: p1\nconstats: [c1]\n"
    "---\nkind: objectif\nversion: 1\nid: ob1\nlibelle: Objectif un\n"
    "priorites: [p1]\n"
    "---\nkind: service\nversion: 1\nid: s1\norganisme: x\nnom: S\n";

static int
setup(void **state)
{
	struct eco_limits lim;
	struct eco_reader *r;

	(void)state;
	memset(&t, 0, sizeof t);
	eco_diags_init(&t.d);
	eco_limits_default(&lim);
	if (!(r = eco_reader_mem(stream, strlen(stream), "s.yaml", &lim, &t.d)))
		return -1;
	while (t.ndocs < MAXDOCS && eco_reader_next(r, &t.docs[t.ndocs]) > 0)
		t.ndocs++;
	eco_reader_close(r);
	t.s = eco_constats_new((const struct eco_doc *const *)t.docs, t.ndocs);
	t.f = eco_facteurs_of(NULL, &t.d);
	return t.s && t.f ? 0 : -1;
}

static int
teardown(void **state)
{
	size_t i;

	(void)state;
	eco_constats_free(t.s);
	eco_facteurs_free(t.f);
	eco_plan_free(t.plan);
	for (i = 0; i < t.ndocs; i++)
		eco_doc_free(t.docs[i]);
	eco_diags_free(&t.d);
	return 0;
}

static size_t
kept(const struct eco_ct_filter *f, char *ids, size_t cap)
{
	size_t i, n = 0;

	ids[0] = '\0';
	for (i = 0; i < t.s->n; i++)
		if (eco_ct_keep(t.s, &t.s->v[i], f)) {
			n++;
			strncat(ids, t.s->v[i].id, cap - strlen(ids) - 2);
			strcat(ids, " ");
		}
	return n;
}

static void
test_read(void **state)
{
	const struct eco_ct *c;

	(void)state;
	assert_int_equal(t.s->n, 6);	/* priorities, service left out */
	c = eco_constats_find(t.s, ECO_CT_OBSERVATION, "o1");
	assert_non_null(c);
	assert_string_equal(c->analyse, "situation");	/* the default */
	assert_string_equal(c->titre, "O un");
	c = eco_constats_find(t.s, -1, "d1");
	assert_int_equal(c->kind, ECO_CT_DONNEE);
	assert_int_equal(c->annee, 2022);
	assert_null(c->nature);
	assert_null(eco_constats_find(t.s, ECO_CT_CONSTAT, "d1"));
	assert_int_equal(eco_ct_kind("constat"), ECO_CT_CONSTAT);
	assert_int_equal(eco_ct_kind("priorite"), -1);
}

static void
test_chain(void **state)
{
	const struct eco_ct *c2 = eco_constats_find(t.s, -1, "c2");
	const struct eco_ct *d1 = eco_constats_find(t.s, -1, "d1");
	size_t n, *v;

	(void)state;
	v = eco_ct_sources(t.s, c2, &n);
	assert_int_equal(n, 2);	/* d1 once, directly and through o1 */
	assert_string_equal(t.s->v[v[0]].id, "d1");
	assert_string_equal(t.s->v[v[1]].id, "o1");
	free(v);
	v = eco_ct_uses(t.s, d1, &n);
	assert_int_equal(n, 2);
	assert_string_equal(t.s->v[v[0]].id, "o1");
	assert_string_equal(t.s->v[v[1]].id, "c2");
	free(v);
	v = eco_ct_sources(t.s, d1, &n);
	assert_int_equal(n, 0);
	free(v);
}

static void
test_leads(void **state)
{
	const struct eco_ct *d2 = eco_constats_find(t.s, -1, "d2");
	const struct eco_ct *c2 = eco_constats_find(t.s, -1, "c2");
	struct eco_ct_link *l;
	size_t n;

	(void)state;
	l = eco_ct_leads(t.s, d2, (const struct eco_doc *const *)t.docs,
	    t.ndocs, NULL, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0].kind, "priorite");
	assert_string_equal(l[0].id, "p1");
	assert_null(l[0].titre);
	assert_string_equal(l[1].kind, "objectif");
	assert_string_equal(l[1].titre, "Objectif un");
	assert_int_equal(l[1].line, t.docs[7]->root->line);
	free(l);
	l = eco_ct_leads(t.s, c2, (const struct eco_doc *const *)t.docs,
	    t.ndocs, NULL, &n);
	assert_int_equal(n, 0);
	assert_non_null(l);
	free(l);
}

static void
test_filters(void **state)
{
	struct eco_ct_filter f = { 0 };
	char ids[256];

	(void)state;
	assert_int_equal(kept(NULL, ids, sizeof ids), 6);
	f.systeme = "famille";
	assert_int_equal(kept(&f, ids, sizeof ids), 3);
	assert_string_equal(ids, "d2 o2 c1 ");
	f = (struct eco_ct_filter){ .nature = "force" };
	kept(&f, ids, sizeof ids);
	assert_string_equal(ids, "o2 c2 ");	/* data have no nature */
	f = (struct eco_ct_filter){ .analyse = "situation" };
	kept(&f, ids, sizeof ids);
	assert_string_equal(ids, "o1 c1 c2 ");
	f = (struct eco_ct_filter){ .source = "eqdem" };
	kept(&f, ids, sizeof ids);
	assert_string_equal(ids, "d1 o1 c2 ");	/* through the data */
	f = (struct eco_ct_filter){ .annee = 2025 };
	kept(&f, ids, sizeof ids);
	assert_string_equal(ids, "d2 o2 c1 ");
	f = (struct eco_ct_filter){ .secteur = "nord" };
	kept(&f, ids, sizeof ids);
	assert_string_equal(ids, "d2 ");
	f = (struct eco_ct_filter){ .kinds = 1u << ECO_CT_CONSTAT };
	kept(&f, ids, sizeof ids);
	assert_string_equal(ids, "c1 c2 ");
	/* a factor: its sub-factors with the fiches, its id alone without */
	f = (struct eco_ct_filter){ .facteur = "pratiques-parentales" };
	assert_int_equal(kept(&f, ids, sizeof ids), 0);
	f.fiches = t.f;
	kept(&f, ids, sizeof ids);
	assert_string_equal(ids, "d2 c1 ");
}

static void
test_factors_counts(void **state)
{
	const struct eco_facteur *fi;
	struct eco_ct_filter f = { .kinds = 1u << ECO_CT_CONSTAT };
	struct eco_ct_count *c;
	const char *ids[8];
	size_t n;

	(void)state;
	assert_string_equal(eco_ct_facteur(t.f, "revenu-familial", &fi),
	    "Revenu familial");
	assert_string_equal(fi->id, "niveau-socioeconomique");	/* its fiche */
	assert_non_null(eco_ct_facteur(t.f, "habitudes-lecture-parent-enfant", &fi));
	assert_string_equal(fi->id, "pratiques-parentales");
	assert_null(eco_ct_facteur(t.f, "zzz", &fi));
	assert_null(fi);
	/* the fiches' order: revenu-familial's fiche comes first */
	n = eco_ct_factors(t.s, &f, "famille", t.f, ids, 8);
	assert_int_equal(n, 2);
	assert_string_equal(ids[0], "revenu-familial");
	assert_string_equal(ids[1], "habitudes-lecture-parent-enfant");
	c = eco_ct_counts(t.s, &f, t.f, &n);
	assert_int_equal(n, 3);
	assert_string_equal(c[0].systeme, "enfant");
	assert_int_equal(c[0].force, 1);
	assert_string_equal(c[1].facteur, "revenu-familial");
	assert_int_equal(c[1].enjeu, 1);
	assert_int_equal(c[2].total, 1);
	free(c);
	/* observations: o1 has no nature */
	f.kinds = 1u << ECO_CT_OBSERVATION;
	c = eco_ct_counts(t.s, &f, t.f, &n);
	assert_int_equal(n, 2);
	assert_null(c[0].facteur);
	assert_int_equal(c[0].sans, 1);
	assert_int_equal(c[1].force, 1);
	free(c);
}

static void
test_closest_labels(void **state)
{
	char buf[128];

	(void)state;
	assert_string_equal(eco_constats_closest(t.s, "c3", buf, sizeof buf),
	    "c1");	/* the first a typo away */
	assert_null(eco_constats_closest(t.s, "zzzzzzzz", buf, sizeof buf));
	assert_string_equal(eco_ct_nature_label("enjeu"), "issue");
	assert_string_equal(eco_ct_source_label("eqdem"),
	    "EQDEM (kindergarten survey)");
	assert_string_equal(eco_ct_source_label("ailleurs"), "ailleurs");
	assert_string_equal(eco_ct_kind_label(ECO_CT_DONNEE, 2), "data records");
}

/* A record's facts for people: a decimal comma, the unit after a
 * non-breaking space for %, the source with its details. */
static void
test_fact_texts(void **state)
{
	const struct eco_ct *d1 = eco_constats_find(t.s, ECO_CT_DONNEE, "d1");
	char buf[256];

	(void)state;
	assert_non_null(d1);
	assert_string_equal(eco_ct_value_text(eco_map_get(d1->root, "valeur"),
	    "%", buf, sizeof buf), "12,5\u00a0%");
	assert_string_equal(eco_ct_value_text(eco_map_get(d1->root, "valeur"),
	    "enfants", buf, sizeof buf), "12,5 enfants");
	assert_null(eco_ct_value_text(NULL, "%", buf, sizeof buf));
	assert_null(eco_ct_comparison_text(d1, buf, sizeof buf));
	assert_string_equal(eco_ct_source_text(d1, buf, sizeof buf),
	    eco_ct_source_label("eqdem"));
}

static void
test_new(void **state)
{
	static const char *const fac[] = { "revenu-familial" };
	struct eco_ct_in in = { .kind = ECO_CT_DONNEE, .titre = "Places en CPE",
	    .folded = "places en cpe", .type = "quantitative", .valeur = "80.5",
	    .source = "autre", .annee = 2025, .facteurs = fac, .nfacteurs = 1 };
	struct eco_doc *doc, *keep;
	const struct eco_node *v;
	char id[128];

	(void)state;
	assert_string_equal(eco_ct_new_id(&in, id, sizeof id), "places-cpe-2025");
	in.kind = ECO_CT_OBSERVATION;
	assert_string_equal(eco_ct_new_id(&in, id, sizeof id), "obs-places-cpe");
	in.kind = ECO_CT_CONSTAT;
	assert_string_equal(eco_ct_new_id(&in, id, sizeof id), "const-places-cpe");
	in.id = "mien";
	assert_string_equal(eco_ct_new_id(&in, id, sizeof id), "mien");
	in.kind = ECO_CT_DONNEE;
	doc = eco_ct_new(&in, "d9", &keep);
	assert_non_null(doc);
	assert_string_equal(eco_map_str(doc->root, "kind"), "donnee");
	assert_string_equal(eco_map_str(doc->root, "libelle"), "Places en CPE");
	v = eco_map_get(doc->root, "valeur");
	assert_int_equal(v->type, ECO_FLOAT);
	assert_string_equal(v->s, "80.5");
	assert_true(eco_seq_has(eco_map_seq(doc->root, "facteurs"),
	    "revenu-familial"));
	assert_null(eco_map_get(doc->root, "enonce"));
	eco_doc_free(doc);
	eco_doc_free(keep);
	assert_true(eco_ct_number("12"));
	assert_true(eco_ct_number("-3.5"));
	assert_false(eco_ct_number("douze"));
	assert_false(eco_ct_number("1: 2"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_leads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_factors_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_closest_labels, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fact_texts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
