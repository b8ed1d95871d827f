/*
 * test_eco_offre.c - unit tests of eco_offre.c and eco_interventions.c:
 * a service's view (ages from its clientèle, evenings and weekends from
 * its slots, its unit), the offer counted by every axis (a sub-factor
 * counts for its factor, a service without sectors apart), the gaps, the
 * matrix (a sub-factor's record rolled up, the factors nobody acts on
 * first, totals), the worksheets, and a returned sheet received into a
 * project on disk: written once, recognised when sent again, refused
 * whole with its reasons.  Messages are the English msgids.
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

#define MAXDOCS 16

static struct {
	struct eco_diags d;
	struct eco_doc *docs[MAXDOCS];
	size_t ndocs;
	struct eco_offre *o;
	struct eco_facteurs *f;
} t;

static const char stream[] =
    "kind: service\nversion: 1\nid: s1\norganisme: a\nnom: Un\n"
    "clientele: [enfants-0-2]\nfacteurs: [langage-oral]\n"
    "participants: {nombre: 12, unite: familles}\nliste_attente: 4\n"
    "acces: {cout: gratuit, horaires: [{jours: [mardi], de: '18:00', "
    "a: '20:00'}], langues: [français]}\n"
    "---\nkind: service\nversion: 1\nid: s2\norganisme: b\nnom: Deux\n"
    "organisme_nom: Dehors\nclientele: [parents]\nages_mois: {de: 48, a: 59}\n"
    "secteurs: [nord]\nacces: {horaires: [{jours: [samedi]}]}\n"
    "---\nkind: intervention\nversion: 1\nid: i1\norganisme: a\n"
    "facteur: eveil-ecrit\nniveau: 1\n"
    "---\nkind: intervention\nversion: 1\nid: i2\norganisme: a\n"
    "facteur: habiletes-langagieres\nniveau: 2\n"
    "---\nkind: intervention\nversion: 1\nid: i3\norganisme: b\n"
    "facteur: pratiques-parentales\nniveau: 0\n";

static const struct eco_node *secteurs;
static struct eco_doc *secdoc;

static int
setup(void **state)
{
	struct eco_limits lim;
	struct eco_reader *r;
	static const char sec[] = "- {id: nord, nom: Le nord}\n"
	    "- {id: sud, nom: Le sud}\n";

	(void)state;
	memset(&t, 0, sizeof t);
	eco_diags_init(&t.d);
	eco_limits_default(&lim);
	if (!(r = eco_reader_mem(stream, strlen(stream), "s.yaml", &lim, &t.d)))
		return -1;
	while (t.ndocs < MAXDOCS && eco_reader_next(r, &t.docs[t.ndocs]) > 0)
		t.ndocs++;
	eco_reader_close(r);
	if (!(r = eco_reader_mem(sec, strlen(sec), "e.yaml", &lim, &t.d)) ||
	    eco_reader_next(r, &secdoc) <= 0)
		return -1;
	eco_reader_close(r);
	secteurs = secdoc->root;
	t.o = eco_offre_new((const struct eco_doc *const *)t.docs, t.ndocs);
	t.f = eco_facteurs_of(NULL, &t.d);
	return t.o && t.f ? 0 : -1;
}

static int
teardown(void **state)
{
	size_t i;

	(void)state;
	eco_offre_free(t.o);
	eco_facteurs_free(t.f);
	for (i = 0; i < t.ndocs; i++)
		eco_doc_free(t.docs[i]);
	eco_doc_free(secdoc);
	eco_diags_free(&t.d);
	return 0;
}

static void
test_views(void **state)
{
	const struct eco_service *a, *b;

	(void)state;
	assert_int_equal(t.o->n, 2);	/* the interventions left out */
	a = &t.o->v[0];
	b = &t.o->v[1];
	assert_string_equal(a->id, "s1");
	assert_null(a->externe);
	assert_int_equal(a->age_de, 0);	/* from enfants-0-2 */
	assert_int_equal(a->age_a, 35);
	assert_int_equal(a->participants, 12);
	assert_string_equal(a->unite, "familles");
	assert_int_equal(a->attente, 4);
	assert_true(a->soir);
	assert_false(a->fin_semaine);
	assert_string_equal(b->externe, "Dehors");
	assert_int_equal(b->age_de, 48);
	assert_int_equal(b->age_a, 59);
	assert_false(b->soir);
	assert_true(b->fin_semaine);
	assert_int_equal(b->participants, -1);
	assert_int_equal(b->transport, -1);
}

static const struct eco_offre_row *
row(enum eco_axe axe, const char *key)
{
	size_t i;

	for (i = 0; i < t.o->nrows; i++)
		if (t.o->rows[i].axe == axe && strcmp(t.o->rows[i].key, key) == 0)
			return &t.o->rows[i];
	return NULL;
}

static void
test_counts_gaps(void **state)
{
	const struct eco_offre_row *r;

	(void)state;
	assert_int_equal(eco_offre_count(t.o, t.f, secteurs), 0);
	/* a sub-factor counts for its factor */
	assert_non_null(r = row(ECO_AXE_FACTEUR, "habiletes-langagieres"));
	assert_int_equal(r->nservices, 1);
	assert_int_equal(r->nattente, 1);
	assert_int_equal(eco_offre_lacune(r), ECO_LACUNE_ATTENTE);
	assert_non_null(r = row(ECO_AXE_FACTEUR, "pratiques-parentales"));
	assert_int_equal(eco_offre_lacune(r), ECO_LACUNE_SANS_SERVICE);
	/* sectors: each declared, then none stated */
	assert_int_equal(row(ECO_AXE_SECTEUR, "nord")->nservices, 1);
	assert_int_equal(eco_offre_lacune(row(ECO_AXE_SECTEUR, "sud")),
	    ECO_LACUNE_SANS_SERVICE);
	assert_int_equal(row(ECO_AXE_SECTEUR, "")->nservices, 1);
	assert_int_equal(eco_offre_lacune(row(ECO_AXE_SECTEUR, "")),
	    ECO_LACUNE_AUCUNE);
	/* ages by year: s1 0 to 35 months, s2 48 to 59 */
	assert_int_equal(row(ECO_AXE_AGE, "2")->nservices, 1);
	assert_int_equal(row(ECO_AXE_AGE, "3")->nservices, 0);
	assert_int_equal(row(ECO_AXE_AGE, "4")->nservices, 1);
	assert_int_equal(row(ECO_AXE_AGE, "5")->nservices, 0);
	/* access */
	assert_int_equal(row(ECO_AXE_ACCES, "soir")->nservices, 1);
	assert_int_equal(row(ECO_AXE_ACCES, "fin-de-semaine")->nservices, 1);
	assert_int_equal(row(ECO_AXE_ACCES, "cout-gratuit")->nservices, 1);
	assert_int_equal(row(ECO_AXE_ACCES, "langue")->nservices, 1);
	assert_string_equal(row(ECO_AXE_ACCES, "langue")->name, "français");
	assert_int_equal(eco_offre_lacune(row(ECO_AXE_ACCES, "transport")),
	    ECO_LACUNE_AUCUNE);
	assert_string_equal(eco_offre_axis_code(ECO_AXE_AGE), "age");
}

static void
test_matrice(void **state)
{
	const char *orgs[] = { "a", "b" };
	struct eco_matrice *m;
	size_t i, lang = 0, prat = 0, first;

	(void)state;
	m = eco_matrice_new((const struct eco_doc *const *)t.docs, t.ndocs, t.f,
	    orgs, 2);
	assert_non_null(m);
	for (i = 0; i < m->nf; i++) {
		if (strcmp(m->facteurs[i]->id, "habiletes-langagieres") == 0)
			lang = i;
		if (strcmp(m->facteurs[i]->id, "pratiques-parentales") == 0)
			prat = i;
	}
	/* the sub-factor's 1 and the factor's 2: the highest wins */
	assert_int_equal(m->niveau[0 * m->nf + lang], 2);
	assert_int_equal(m->niveau[1 * m->nf + lang], -1);
	assert_int_equal(m->niveau[1 * m->nf + prat], 0);
	assert_int_equal(m->total_f[lang], 2);
	assert_int_equal(m->actifs[lang], 1);
	assert_int_equal(m->actifs[prat], 0);
	assert_int_equal(m->total_o[0], 2);
	assert_int_equal(m->total_o[1], 0);
	assert_int_equal(m->records[0], 2);
	assert_true(m->sous[lang] != 0);
	/* nobody acts on the first factor; the one acted on comes last */
	first = m->order[0];
	assert_int_equal(m->actifs[first], 0);
	assert_int_equal(m->order[m->nf - 1], lang);
	eco_matrice_free(m);
}

static char *
slurp(FILE *fp)
{
	long n = ftell(fp);
	char *s = malloc((size_t)n + 1);

	rewind(fp);
	if (s && fread(s, 1, (size_t)n, fp) != (size_t)n) {
		free(s);
		return NULL;
	}
	if (s)
		s[n] = '\0';
	return s;
}

static void
test_sheets(void **state)
{
	struct eco_report *r = eco_report_new("fr", "x");
	struct eco_schemaset *set = eco_schemaset_new();
	FILE *fp = tmpfile();
	char *s;

	(void)state;
	assert_non_null(r);
	assert_non_null(fp);
	assert_int_equal(eco_offre_sheet_paper(r, t.o, t.f, secteurs, "a", "A",
	    1), 0);
	assert_int_equal(eco_interventions_sheet_paper(r,
	    (const struct eco_doc *const *)t.docs, t.ndocs, t.o, t.f, "a", "A"), 0);
	assert_int_equal(eco_report_write(fp, r, ECO_R_MD, &t.d), 0);
	assert_non_null(s = slurp(fp));
	assert_non_null(strstr(s, "Un"));	/* its service's column */
	assert_non_null(strstr(s, "☒"));
	assert_non_null(strstr(s, "Le nord"));	/* sectors by name */
	assert_null(strstr(s, "enfants-0-2"));	/* no codes on paper */
	free(s);
	eco_report_free(r);
	fclose(fp);
	/* the YAML sheets start each document with "---" */
	assert_non_null(fp = tmpfile());
	assert_int_equal(eco_schemaset_add_eco(set, &t.d), 0);
	assert_int_equal(eco_schemaset_resolve(set, &t.d), 0);
	assert_int_equal(eco_offre_sheet_yaml(fp, set, t.o, "a", &t.d), 0);
	assert_int_equal(eco_interventions_sheet_yaml(fp,
	    (const struct eco_doc *const *)t.docs, t.ndocs, t.o, t.f, "b"), 0);
	assert_non_null(s = slurp(fp));
	assert_int_equal(strncmp(s, "---\n", 4), 0);
	assert_non_null(strstr(s, "id: s1\n"));
	assert_non_null(strstr(s, "id: b-habiletes-langagieres\n"));
	assert_non_null(strstr(s, "id: i3\n"));	/* b's record as it is */
	free(s);
	fclose(fp);
	eco_schemaset_free(set);
}

/* A project on disk: eco.yaml and a sheet. */
static char dir[64], sheet[96];

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void
test_receive(void **state)
{
	static const char reg[] = "kind: regroupement\nversion: 1\nid: rlp\n"
	    "nom: R\nterritoire: {nom: T}\n"
	    "membres:\n  - {id: a, nom: A, type: communautaire}\n"
	    "secteurs:\n  - {id: nord, nom: Nord}\n";
	static const char ok[] = "---\nkind: service\nversion: 1\nid: s9\n"
	    "organisme: a\nnom: Neuf\nsecteurs: [nord]\n"
	    "---\nkind: service\nversion: 1\norganisme: a\nid:\nnom:\n";
	static const char bad[] = "---\nkind: service\nversion: 1\nid: s10\n"
	    "organisme: a\nnom: Dix\nsecteurs: [lune]\n";
	struct eco_diags d;
	char path[128];
	size_t i, errs = 0;

	(void)state;
	eco_diags_init(&d);
	snprintf(dir, sizeof dir, "/tmp/test-eco-offre-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/eco.yaml", dir);
	write_file(path, reg);
	snprintf(sheet, sizeof sheet, "%s/retour.yaml", dir);
	write_file(sheet, ok);
	assert_int_equal(eco_offre_receive(dir, "service", sheet, 0, &d), 0);
	snprintf(path, sizeof path, "%s/offre.yaml", dir);
	assert_int_equal(access(path, F_OK), 0);
	/* sent again: recognised, still 0 */
	eco_diags_clear(&d);
	assert_int_equal(eco_offre_receive(dir, "service", sheet, 0, &d), 0);
	/* an unknown sector: refused with the reason at its line */
	write_file(sheet, bad);
	eco_diags_clear(&d);
	assert_int_equal(eco_offre_receive(dir, "service", sheet, 0, &d), 1);
	for (i = 0; i < d.n; i++)
		if (d.v[i].sev == ECO_SEV_ERROR) {
			errs++;
			assert_int_equal(d.v[i].line, 7);
		}
	assert_true(errs > 0);
	eco_diags_free(&d);
	unlink(sheet);
	unlink(path);
	snprintf(path, sizeof path, "%s/eco.yaml", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/.eco.lock", dir);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_views, setup, teardown),
		cmocka_unit_test_setup_teardown(test_counts_gaps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_matrice, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sheets, setup, teardown),
		cmocka_unit_test(test_receive),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
