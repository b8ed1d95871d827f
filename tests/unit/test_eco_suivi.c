/*
 * test_eco_suivi.c - unit tests of eco_suivi.c: the follow-up that
 * decides (the latest on or before the day, the last read of one date),
 * an action's state from it, from its record or from its dates, late
 * actions and the next follow-up; the plan of a command's inputs read
 * and checked in its project, standard input alone.  Each test of a
 * project works in a fresh folder.  Messages are the English msgids.
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
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "eco.h"
#include "said.h"

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static struct {
	struct eco_diags d;
	struct eco_plan *p;
	struct eco_doc *s[8];		/* follow-ups */
	size_t ns;
	struct eco_project *pr;
	struct eco_suivi_state *st;
	char dir[64], cwd[PATH_MAX];
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_diags_init(&t.d);
	snprintf(t.dir, sizeof t.dir, "/tmp/eco-suivi-XXXXXX");
	return getcwd(t.cwd, sizeof t.cwd) && mkdtemp(t.dir) &&
	    (t.p = eco_plan_new()) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[PATH_MAX + 16];
	size_t i;

	(void)state;
	for (i = 0; i < t.ns; i++)
		eco_doc_free(t.s[i]);
	free(t.st);
	eco_plan_free(t.p);
	eco_project_close(t.pr);
	eco_diags_free(&t.d);
	if (chdir(t.cwd) < 0)
		return -1;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t.dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Every document of text: plan kinds into the plan, the rest kept. */
static void
add(const char *text)
{
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_doc *doc;

	eco_limits_default(&lim);
	assert_non_null(r = eco_reader_mem(text, strlen(text), "x.yaml",
	    &lim, &t.d));
	while (eco_reader_next(r, &doc) > 0) {
		assert_int_equal(doc->nerr, 0);
		if (eco_plan_add(t.p, doc) == 0) {
			assert_true(t.ns < 8);
			t.s[t.ns++] = doc;
		}
	}
	eco_reader_close(r);
}

static const struct eco_doc *const *
suivis(void)
{
	return (const struct eco_doc *const *)t.s;
}

static const char actions[] =
    "{kind: action, version: 1, id: a, titre: A, responsable: o,"
    " debut: 2027-02-01, fin: 2027-06-30,"
    " calendrier_suivi: [2027-03-01, 2027-06-01]}\n";

static void
test_suivi_latest(void **state)
{
	(void)state;
	add(actions);
	add("{kind: suivi, version: 1, id: s1, action: a, date: 2027-03-01, statut: en-cours}\n"
	    "---\n{kind: suivi, version: 1, id: s2, action: a, date: 2027-04-01, statut: reportee}\n"
	    "---\n{kind: suivi, version: 1, id: s3, action: a, date: 2027-04-01, statut: realisee}\n"
	    "---\n{kind: suivi, version: 1, id: s4, action: a, date: 2027-05-01, statut: fini}\n"
	    "---\n{kind: suivi, version: 1, id: s5, action: a, date: 2027-13-01, statut: abandonnee}\n"
	    "---\n{kind: suivi, version: 1, id: s6, action: b, date: 2027-04-15, statut: abandonnee}\n");
	/* on one date the last read; an unknown statut, a date that does
	 * not exist, another action decide nothing */
	assert_string_equal(eco_map_str(eco_suivi_latest(suivis(), t.ns, "a",
	    "2027-04-30"), "id"), "s3");
	assert_string_equal(eco_map_str(eco_suivi_latest(suivis(), t.ns, "a",
	    NULL), "id"), "s3");
	/* one dated after the day does not count yet */
	assert_string_equal(eco_map_str(eco_suivi_latest(suivis(), t.ns, "a",
	    "2027-03-31"), "id"), "s1");
	assert_null(eco_suivi_latest(suivis(), t.ns, "a", "2027-02-28"));
	assert_null(eco_suivi_latest(suivis(), t.ns, NULL, NULL));
}

static void
test_suivi_state_from_followup(void **state)
{
	struct eco_suivi_state st;

	(void)state;
	add(actions);
	add("{kind: suivi, version: 1, id: s1, action: a, date: 2027-03-01, statut: a-venir}\n");
	eco_suivi_state(&t.p->actions[0], suivis(), t.ns, "2027-04-01", &st);
	assert_int_equal(st.etat, ECO_ETAT_PREVUE);
	assert_string_equal(st.statut, "a-venir");
	assert_false(st.late);
	assert_string_equal(st.dernier, "2027-03-01");
	assert_string_equal(st.prochain, "2027-06-01");
	assert_string_equal(eco_map_str(st.suivi, "id"), "s1");
	/* still planned after its end: late */
	eco_suivi_state(&t.p->actions[0], suivis(), t.ns, "2027-07-01", &st);
	assert_int_equal(st.etat, ECO_ETAT_EN_RETARD);
	assert_true(st.late);
	assert_null(st.prochain);
}

static void
test_suivi_state_final(void **state)
{
	static const char *const s[] = {
		"{kind: suivi, version: 1, id: s1, action: a, date: 2027-03-01, statut: realisee}\n",
		"{kind: suivi, version: 1, id: s1, action: a, date: 2027-03-01, statut: reportee}\n",
		"{kind: suivi, version: 1, id: s1, action: a, date: 2027-03-01, statut: abandonnee}\n",
	};
	static const enum eco_etat want[] = {
		ECO_ETAT_REALISEE, ECO_ETAT_REPORTEE, ECO_ETAT_ABANDONNEE
	};
	struct eco_suivi_state st;
	size_t i;

	(void)state;
	add(actions);
	for (i = 0; i < 3; i++) {
		add(s[i]);
		/* whatever the dates say: never late */
		eco_suivi_state(&t.p->actions[0], suivis() + i, 1, "2027-08-01",
		    &st);
		assert_int_equal(st.etat, want[i]);
		assert_false(st.late);
		/* a postponed action still has a next follow-up date */
		eco_suivi_state(&t.p->actions[0], suivis() + i, 1, "2027-04-01",
		    &st);
		if (want[i] == ECO_ETAT_REPORTEE)
			assert_string_equal(st.prochain, "2027-06-01");
		else
			assert_null(st.prochain);
	}
}

static void
test_suivi_state_from_dates(void **state)
{
	struct eco_suivi_state st;

	(void)state;
	add(actions);
	add("{kind: action, version: 1, id: r, titre: R, responsable: o,"
	    " statut: realisee}\n---\n"
	    "{kind: action, version: 1, id: n, titre: N, responsable: o}\n");
	eco_suivi_state(&t.p->actions[0], NULL, 0, "2027-01-15", &st);
	assert_int_equal(st.etat, ECO_ETAT_PREVUE);
	assert_null(st.suivi);
	assert_null(st.dernier);
	assert_string_equal(st.prochain, "2027-03-01");
	eco_suivi_state(&t.p->actions[0], NULL, 0, "2027-02-01", &st);
	assert_int_equal(st.etat, ECO_ETAT_EN_COURS);
	assert_string_equal(st.statut, "en-cours");
	eco_suivi_state(&t.p->actions[0], NULL, 0, "2027-07-01", &st);
	assert_int_equal(st.etat, ECO_ETAT_EN_RETARD);
	/* the statut its record carries */
	eco_suivi_state(&t.p->actions[1], NULL, 0, "2027-07-01", &st);
	assert_int_equal(st.etat, ECO_ETAT_REALISEE);
	/* without dates: in progress, never late */
	eco_suivi_state(&t.p->actions[2], NULL, 0, "2099-01-01", &st);
	assert_int_equal(st.etat, ECO_ETAT_EN_COURS);
	assert_false(st.late);
}

static void
test_suivi_labels(void **state)
{
	(void)state;
	assert_string_equal(eco_etat_label(ECO_ETAT_PREVUE, 1), "planned");
	assert_string_equal(eco_etat_label(ECO_ETAT_EN_RETARD, 2), "late");
	assert_string_equal(eco_etat_label(ECO_ETAT_ABANDONNEE, 3), "abandoned");
}

/* Write text into rel under the test's folder. */
static void
put(const char *rel, const char *text)
{
	char path[PATH_MAX], *slash;
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", t.dir, rel);
	if ((slash = strrchr(path, '/')) && slash > path + strlen(t.dir)) {
		*slash = '\0';
		mkdir(path, 0777);
		*slash = '/';
	}
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static const char eco_yaml[] =
    "kind: regroupement\nversion: 1\nid: rlp\nnom: Essai\n"
    "territoire: {nom: Essai}\n"
    "membres: [{id: org-a, nom: Organisme A, type: communautaire}]\n";

static const char plan_yaml[] =
    "kind: plan\nversion: 1\nid: p\nperiode: {debut: 2027-01-01, fin: 2027-12-31}\n"
    "adopte_le: 2026-12-01\n"
    "objectifs:\n"
    "  - id: o1\n    libelle: O\n    facteur: habiletes-langagieres\n"
    "    transformations:\n"
    "      enfant: {libelle: E, indicateurs: [{id: i1, libelle: I, cible: 1,"
    " echeance: 2027-12-31}], actions: [{id: a1, titre: A, responsable: org-a}]}\n"
    "      famille: {libelle: F, indicateurs: [{id: i2, libelle: I, cible: 1,"
    " echeance: 2027-12-31}], actions: [{id: a2, titre: A, responsable: org-a}]}\n"
    "      communaute: {libelle: C, indicateurs: [{id: i3, libelle: I, cible: 1,"
    " echeance: 2027-12-31}], actions: [{id: a3, titre: A, responsable: org-a}]}\n";

static void
project(void)
{
	put("eco.yaml", eco_yaml);
	put("plan.yaml", plan_yaml);
	put("suivis/a1.yaml", "kind: suivi\nversion: 1\nid: s1\naction: a1\n"
	    "date: 2027-03-01\nstatut: realisee\n");
	assert_int_equal(chdir(t.dir), 0);
	assert_non_null(t.pr = eco_project_open(NULL, &t.d));
}

static void
test_suivi_plan_of_project(void **state)
{
	const struct eco_node *root = NULL;

	(void)state;
	eco_plan_free(t.p);
	project();
	assert_non_null(t.p = eco_suivi_plan(t.pr, 0, NULL, &root, &t.d));
	assert_int_equal(t.d.n, 0);
	assert_int_equal(t.p->nactions, 3);
	assert_string_equal(eco_map_str(root, "adopte_le"), "2026-12-01");
	assert_non_null(t.st = eco_suivi_states(t.pr, t.p, "2027-04-01"));
	assert_int_equal(t.st[0].etat, ECO_ETAT_REALISEE);
	assert_int_equal(t.st[1].etat, ECO_ETAT_EN_COURS);
}

static void
test_suivi_plan_invalid(void **state)
{
	const struct eco_node *root = NULL;
	const struct eco_diag *g;
	char *typo;

	(void)state;
	eco_plan_free(t.p);
	t.p = NULL;
	project();
	/* a key typo in the plan, a bad statut in a follow-up: no plan */
	assert_non_null(typo = strdup(plan_yaml));
	memcpy(strstr(typo, "adopte_le"), "adoptele:", 9);
	put("plan.yaml", typo);
	free(typo);
	put("suivis/a2.yaml", "kind: suivi\nversion: 1\nid: s2\naction: a2\n"
	    "date: 2027-03-01\nstatut: fini\n");
	assert_null(eco_suivi_plan(t.pr, 0, NULL, &root, &t.d));
	g = said_in(&t.d, "adoptele");
	assert_string_equal(g->file, "plan.yaml");
	assert_int_equal(g->line, 5);
	assert_int_equal(g->col, 1);
	g = said_in(&t.d, "fini");
	assert_string_equal(g->file, "suivis/a2.yaml");
	assert_int_equal(g->line, 6);
}

static void
test_suivi_plan_operands(void **state)
{
	const struct eco_node *root = NULL;
	char *argv[] = { "r.yaml", "autre.yaml", NULL };

	(void)state;
	eco_plan_free(t.p);
	project();
	put("r.yaml", "{kind: action, version: 1, id: a1, titre: A, objectif: o1,"
	    " systeme: enfant, responsable: org-a}\n");
	put("autre.yaml", "{kind: suivi, version: 1, id: s9, action: a1,"
	    " date: 2027-01-01, statut: en-cours}\n");
	/* records, other kinds passed over; no plan document */
	assert_non_null(t.p = eco_suivi_plan(t.pr, 2, argv, &root, &t.d));
	assert_int_equal(t.d.nerr, 0);
	assert_null(root);
	assert_int_equal(t.p->nactions, 1);
	assert_int_equal(t.p->nplans, 0);
}

static void
test_suivi_plan_none_or_two(void **state)
{
	const struct eco_node *root = NULL;
	char *one[] = { "eco.yaml", NULL }, *two[] = { "p2.yaml", "plan.yaml", NULL };
	char *second;

	(void)state;
	eco_plan_free(t.p);
	t.p = NULL;
	project();
	assert_null(eco_suivi_plan(t.pr, 1, one, &root, &t.d));
	said_in(&t.d, "no plan in the input");
	eco_diags_free(&t.d);
	eco_diags_init(&t.d);
	assert_non_null(second = strdup(plan_yaml));
	memcpy(strstr(second, "id: p\n"), "id: q\n", 6);
	memcpy(strstr(second, "id: o1"), "id: o2", 6);
	put("p2.yaml", second);
	free(second);
	assert_null(eco_suivi_plan(t.pr, 2, two, &root, &t.d));
	assert_int_equal(said_in(&t.d, "a second plan")->line, 1);
}

static void
test_suivi_plan_stdin(void **state)
{
	const struct eco_node *root = NULL;
	char *argv[] = { "-", NULL }, path[PATH_MAX];

	(void)state;
	eco_plan_free(t.p);
	project();
	/* the project's own plan on standard input is no duplicate of it */
	snprintf(path, sizeof path, "%s/plan.yaml", t.dir);
	assert_non_null(freopen(path, "r", stdin));
	assert_non_null(t.p = eco_suivi_plan(t.pr, 1, argv, &root, &t.d));
	assert_int_equal(t.d.nerr, 0);
	assert_int_equal(t.p->nactions, 3);
	assert_string_equal(t.p->file, "<stdin>");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_suivi_latest),
		T(test_suivi_state_from_followup),
		T(test_suivi_state_final),
		T(test_suivi_state_from_dates),
		T(test_suivi_labels),
		T(test_suivi_plan_of_project),
		T(test_suivi_plan_invalid),
		T(test_suivi_plan_operands),
		T(test_suivi_plan_none_or_two),
		T(test_suivi_plan_stdin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
