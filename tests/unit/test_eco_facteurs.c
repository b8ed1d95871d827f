/*
 * test_eco_facteurs.c - unit tests of eco_facteurs.c: the catalogue and
 * its provenance, a project's facteurs.yaml that adds, replaces and
 * retires fiches (in a fresh folder), the EQDEM domains' names, and the
 * closest ids (eco_closest_many of eco_text.c).  No catalogue of
 * messages is bound: texts are the English msgids.
 */
#define _DEFAULT_SOURCE
#include <limits.h>
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

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static struct {
	char dir[64];
	struct eco_diags d;
	struct eco_project *p;
	struct eco_facteurs *f;
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	snprintf(t.dir, sizeof t.dir, "/tmp/eco-facteurs-XXXXXX");
	eco_diags_init(&t.d);
	return mkdtemp(t.dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	eco_facteurs_free(t.f);
	eco_project_close(t.p);
	eco_diags_free(&t.d);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t.dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
put(const char *rel, const char *text)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", t.dir, rel);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* The catalogue: ten fiches, by system, each saying where it comes
 * from; eco's texts on a published factor are marked as eco's. */
static void
test_catalogue(void **state)
{
	const struct eco_facteur *f;
	size_t i;

	(void)state;
	assert_non_null(t.f = eco_facteurs_of(NULL, &t.d));
	assert_int_equal(eco_facteurs_count(t.f), 10);
	assert_string_equal(eco_facteurs_at(t.f, 0)->systeme, "enfant");
	assert_string_equal(eco_facteurs_at(t.f, 9)->systeme, "communaute");
	for (i = 0; (f = eco_facteurs_at(t.f, i)); i++) {
		assert_non_null(f->nom);
		assert_int_equal(f->origine, ECO_FACTEUR_CATALOGUE);
		assert_null(f->file);
		assert_true(strcmp(f->source, "agirtot") == 0 ||
		    strcmp(f->source, "proposition") == 0);
		/* the family's are the published ones */
		assert_int_equal(strcmp(f->systeme, "famille") == 0,
		    strcmp(f->source, "agirtot") == 0);
	}
	f = eco_facteurs_find(t.f, "pratiques-parentales");
	assert_non_null(f);
	assert_int_equal(f->nsous, 3);
	assert_string_equal(f->sous[2].id, "habitudes-lecture-parent-enfant");
	assert_true(eco_facteur_propose(f, "definition"));
	assert_true(eco_facteur_propose(f, "pistes-actions"));
	assert_false(eco_facteur_propose(f, "sous-facteurs"));
	assert_string_equal(eco_facteur_provenance(f, 0),
	    "published by Avenir d'enfants (agirtot.org)");
	assert_string_equal(eco_facteur_provenance(f, 1), "published");
	f = eco_facteurs_find(t.f, "habiletes-langagieres");
	assert_true(eco_facteur_propose(f, "sous-facteurs"));
	assert_int_equal(f->ndomaines, 2);
	/* a sub-factor is no fiche */
	assert_null(eco_facteurs_find(t.f, "langage-oral"));
	assert_null(eco_facteurs_retired(t.f, 0));
	assert_int_equal(t.d.n, 0);
}

/* A project's fiches: a new one after its system's, one in place of
 * the catalogue's, one withdrawn; retiring what eco lacks does nothing. */
static void
test_project_changes(void **state)
{
	const struct eco_facteur *f;
	size_t i, nfam = 0, last = 0;

	(void)state;
	put("eco.yaml", "kind: regroupement\nversion: 1\nnom: Test\n"
	    "territoire: {nom: Ici}\nmembres:\n  - id: org\n    nom: Org\n"
	    "    type: communautaire\n");
	put("facteurs.yaml", "---\nkind: facteur\nversion: 1\nid: neuf\n"
	    "systeme: famille\nnom: Neuf\n---\nkind: facteur\nversion: 1\n"
	    "id: revenu-familial-x\nretire: true\n---\nkind: facteur\n"
	    "version: 1\nid: attitudes-parentales\nsysteme: famille\n"
	    "nom: Autres attitudes\n---\nkind: facteur\nversion: 1\n"
	    "id: concertation-partenaires\nretire: true\n");
	assert_non_null(t.p = eco_project_at(t.dir, &t.d));
	assert_int_equal(eco_project_check(t.p, (const char *[]){ "facteur",
	    NULL }, &t.d), 0);
	assert_non_null(t.f = eco_facteurs_of(t.p, &t.d));
	assert_int_equal(eco_facteurs_count(t.f), 10);	/* +1 -1 */
	for (i = 0; (f = eco_facteurs_at(t.f, i)); i++)
		if (strcmp(f->systeme, "famille") == 0) {
			nfam++;
			last = i;
		}
	assert_int_equal(nfam, 4);
	f = eco_facteurs_at(t.f, last);
	assert_string_equal(f->id, "neuf");
	assert_int_equal(f->origine, ECO_FACTEUR_AJOUTE);
	assert_string_equal(f->source, "regroupement");
	assert_int_equal(f->line, 4);
	f = eco_facteurs_find(t.f, "attitudes-parentales");
	assert_int_equal(f->origine, ECO_FACTEUR_REMPLACE);
	assert_string_equal(f->nom, "Autres attitudes");
	assert_int_equal(f->nsous, 0);
	assert_null(eco_facteurs_find(t.f, "concertation-partenaires"));
	f = eco_facteurs_retired(t.f, 0);
	assert_non_null(f);
	assert_string_equal(f->id, "concertation-partenaires");
	assert_int_equal(f->origine, ECO_FACTEUR_RETIRE);
	assert_int_equal(f->par_line, 21);
	assert_null(eco_facteurs_retired(t.f, 1));
}

/* Closest ids: the one a typo away, else those holding a word of the id
 * that no other candidate holds. */
static void
test_closest(void **state)
{
	const char *cand[] = {
		"pratiques-parentales", "qualite-services-soutien-familles",
		"aspirations-scolaires-parents", "rapport-parents-lecture",
		"soutien-social-familles"
	}, *out[3];

	(void)state;
	assert_int_equal(eco_closest_many("pratiques-parentale", cand, 5,
	    out, 3), 1);
	assert_string_equal(out[0], "pratiques-parentales");
	/* "soutien" is in two, "social" in one */
	assert_int_equal(eco_closest_many("soutien-social", cand, 5, out, 3), 1);
	assert_string_equal(out[0], "soutien-social-familles");
	assert_int_equal(eco_closest_many("soutien-social", cand, 2, out, 3), 1);
	assert_string_equal(out[0], "qualite-services-soutien-familles");
	/* "parents" is in two: it tells nothing */
	assert_int_equal(eco_closest_many("participation-parents", cand, 5,
	    out, 3), 0);
	assert_int_equal(eco_closest_many("zzz", cand, 5, out, 3), 0);
	assert_int_equal(eco_closest_many("soutien-social", cand, 5, out, 0), 0);
}

/* The closest ids as people read them, and the factors' own. */
static void
test_closest_text(void **state)
{
	const char *cand[] = {
		"langage-oral", "jeux-oral", "langage-ecrit", "jeux-ecrit"
	};
	char buf[128];

	(void)state;
	/* "oral" and "ecrit" are each in two; "langage" in two as well */
	assert_null(eco_closest_text("langage-jeux", cand, 4, buf, sizeof buf));
	assert_string_equal(eco_closest_text("langage-oraux", cand, 4, buf,
	    sizeof buf), "langage-oral");
	assert_string_equal(eco_closest_text("bulles-oral-x", (const char *[]){
	    "a-oral", "b-bulles", "c" }, 3, buf, sizeof buf), "a-oral or b-bulles");
	assert_null(eco_closest_text("x", cand, 4, buf, 0));
	assert_non_null(t.f = eco_facteurs_of(NULL, &t.d));
	assert_string_equal(eco_facteurs_closest(t.f, "soutien-social", buf,
	    sizeof buf), "qualite-services-soutien-familles");
	assert_null(eco_facteurs_closest(t.f, "zzz", buf, sizeof buf));
}

static void
test_domaines(void **state)
{
	(void)state;
	assert_string_equal(eco_domaine_label("maturite-affective"),
	    "Emotional maturity");
	assert_null(eco_domaine_label("maturite"));
	assert_null(eco_domaine_label(NULL));
	assert_string_equal(eco_systeme_label("communaute"), "Community");
	assert_null(eco_systeme_label("quartier"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_catalogue),
		T(test_project_changes),
		T(test_closest),
		T(test_closest_text),
		T(test_domaines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
