/*
 * test_eco_suivi.c - unit tests of eco_suivi.c: the follow-up that
 * decides (the latest on or before the day, the last read of one date),
 * an action's state from it, from its record or from its dates, late
 * actions and the next follow-up; which calendar date a follow-up
 * answers, the dates due and missing, adjustments and their state, what
 * an action did against its plan, a received follow-up checked against
 * the plan with the positions of its faults, the id of a sheet; the plan of a command's inputs read
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

/* The follow-up calendar against the follow-ups received. */

static const char two[] =
    "{kind: action, version: 1, id: a, titre: A, responsable: o,"
    " debut: 2027-02-01, fin: 2027-06-30, clientele: [enfants-3-5],"
    " participants_prevus: 40,"
    " budget: [{poste: p, montant: 1000, bailleur: b1},"
    " {poste: q, montant: 500, bailleur: b2}],"
    " calendrier_suivi: [2027-03-01, 2027-06-01]}\n---\n"
    "{kind: action, version: 1, id: b, titre: B, responsable: m,"
    " debut: 2027-02-01, fin: 2027-12-31, clientele: [enfants-0-2, parents],"
    " calendrier_suivi: [2027-02-15]}\n";

static void
test_suivi_answers(void **state)
{
	const struct eco_action_view *a;

	(void)state;
	add(two);
	add("{kind: suivi, version: 1, id: s1, action: a, date: 2027-03-20, statut: en-cours}\n"
	    "---\n{kind: suivi, version: 1, id: s2, action: a, date: 2027-03-20, echeance: 2027-06-01, statut: en-cours}\n"
	    "---\n{kind: suivi, version: 1, id: s3, action: a, date: 2027-02-20, statut: en-cours}\n"
	    "---\n{kind: suivi, version: 1, id: s4, action: a, date: 2027-03-20, echeance: 2027-04-01, statut: en-cours}\n");
	a = &t.p->actions[0];
	/* without echeance: the last date on or before its own */
	assert_string_equal(eco_suivi_answers(a, t.s[0]->root), "2027-03-01");
	/* its echeance, even before the date it names */
	assert_string_equal(eco_suivi_answers(a, t.s[1]->root), "2027-06-01");
	/* before every date: the first */
	assert_string_equal(eco_suivi_answers(a, t.s[2]->root), "2027-03-01");
	/* an echeance that is no date of the calendar answers none */
	assert_null(eco_suivi_answers(a, t.s[3]->root));
}

static void
test_suivi_dues(void **state)
{
	struct eco_due *v;
	size_t n;

	(void)state;
	add(two);
	add("{kind: suivi, version: 1, id: s1, action: a, date: 2027-03-05, statut: en-cours}\n"
	    "---\n{kind: suivi, version: 1, id: s2, action: a, date: 2027-06-20, echeance: 2027-06-01, statut: en-cours}\n");
	v = eco_suivi_dues(t.p, suivis(), t.ns, "2027-06-15", &n);
	/* a's two dates and b's one; s2, dated after the day, not yet */
	assert_int_equal(n, 3);
	assert_int_equal(v[0].action, 0);
	assert_string_equal(v[0].date, "2027-03-01");
	assert_string_equal(eco_map_str(v[0].suivi, "id"), "s1");
	assert_string_equal(v[1].date, "2027-06-01");
	assert_null(v[1].suivi);
	assert_int_equal(v[1].late, 14);
	assert_int_equal(v[2].action, 1);
	assert_null(v[2].suivi);
	free(v);
	v = eco_suivi_dues(t.p, suivis(), t.ns, "2027-06-20", &n);
	assert_string_equal(eco_map_str(v[1].suivi, "id"), "s2");
	free(v);
	/* nothing due before the first date */
	assert_null(eco_suivi_dues(t.p, suivis(), t.ns, "2027-02-01", &n));
	assert_int_equal(n, 0);
	/* missing, by lead: m before o */
	v = eco_suivi_missing(t.p, suivis(), t.ns, "2027-06-15", NULL, 1, &n);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].action, 1);
	assert_string_equal(v[1].date, "2027-06-01");
	free(v);
	v = eco_suivi_missing(t.p, suivis(), t.ns, "2027-06-15", "o", 0, &n);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].action, 0);
	free(v);
}

static void
test_suivi_dues_closed(void **state)
{
	struct eco_suivi_state st;
	struct eco_due *v;
	size_t n;

	(void)state;
	add(two);
	/* done in April: June is not due */
	add("{kind: suivi, version: 1, id: s1, action: a, date: 2027-04-01, statut: realisee}\n");
	v = eco_suivi_dues(t.p, suivis(), t.ns, "2027-12-31", &n);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].date, "2027-03-01");
	assert_string_equal(eco_map_str(v[0].suivi, "id"), "s1");
	assert_int_equal(v[1].action, 1);
	free(v);
	eco_suivi_state(&t.p->actions[0], suivis(), t.ns, "2027-12-31", &st);
	assert_int_equal(st.manquants, 0);
	eco_suivi_state(&t.p->actions[1], suivis(), t.ns, "2027-12-31", &st);
	assert_int_equal(st.manquants, 1);
	assert_string_equal(st.manquant, "2027-02-15");
}

static void
test_suivi_ajustements(void **state)
{
	struct eco_ajustement *v;
	size_t n;

	(void)state;
	add(two);
	add("{kind: suivi, version: 1, id: s1, action: a, date: 2027-03-01, statut: en-cours,"
	    " ajustements: [Ouvrir le samedi, Changer de local]}\n"
	    "---\n{kind: suivi, version: 1, id: s2, action: a, date: 2027-06-01, statut: en-cours,"
	    " ajustements: [{ajustement: ouvrir le SAMEDI, etat: applique, date: 2027-05-02},"
	    " Écrire aux parents]}\n");
	v = eco_suivi_ajustements(t.p, suivis(), t.ns, "2027-06-15", &n);
	assert_int_equal(n, 3);
	/* one adjustment, its text as first written, its last state */
	assert_string_equal(v[0].texte, "Ouvrir le samedi");
	assert_int_equal(v[0].etat, ECO_AJ_APPLIQUE);
	assert_string_equal(v[0].propose_le, "2027-03-01");
	assert_string_equal(v[0].depuis, "2027-05-02");
	assert_false(v[0].stale);
	/* proposed in March, the June date passed: never taken up */
	assert_string_equal(v[1].texte, "Changer de local");
	assert_true(v[1].stale);
	/* proposed at the last date of the calendar: waiting, not stale */
	assert_int_equal(v[2].etat, ECO_AJ_PROPOSE);
	assert_false(v[2].stale);
	free(v);
	/* before June: nothing stale, June's not read yet */
	v = eco_suivi_ajustements(t.p, suivis(), t.ns, "2027-05-01", &n);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].etat, ECO_AJ_PROPOSE);
	assert_false(v[1].stale);
	free(v);
	assert_string_equal(eco_ajust_code(ECO_AJ_ECARTE), "ecarte");
	assert_string_equal(eco_ajust_label(ECO_AJ_ADOPTE, 2), "adopted");
}

static void
test_suivi_bilan(void **state)
{
	struct eco_bilan b;

	(void)state;
	add(two);
	add("{kind: suivi, version: 1, id: s1, action: a, date: 2027-03-01, statut: en-cours,"
	    " participation: {enfants: 31, parents: 12}, depenses: 400.25,"
	    " realisations: [x, y], activites_prevues: [x, y, z]}\n"
	    "---\n{kind: suivi, version: 1, id: s2, action: a, date: 2027-06-01, statut: en-cours,"
	    " participation: {enfants: 28}, depenses: 700}\n"
	    "---\n{kind: suivi, version: 1, id: s3, action: b, date: 2027-06-01, statut: en-cours,"
	    " participation: {rejoints: 9, enfants: 5, parents: 9}}\n");
	eco_suivi_bilan(&t.p->actions[0], suivis(), t.ns, "2027-12-31", &b);
	assert_int_equal(b.prevu, 150000);
	assert_int_equal(b.depense, 110025);
	assert_int_equal(b.prevus, 40);
	/* the unit its clientele gives; the largest count, not a sum */
	assert_string_equal(b.unite, "enfants");
	assert_int_equal(b.atteints, 31);
	assert_int_equal(b.rejoints[ECO_REACH_PARENTS], 12);
	assert_int_equal(b.rejoints[ECO_REACH_FAMILLES], -1);
	assert_int_equal(b.realisees, 2);
	assert_int_equal(b.prevues, 3);
	assert_int_equal(b.nsuivis, 2);
	/* two groups: no unit, rejoints says it */
	eco_suivi_bilan(&t.p->actions[1], suivis(), t.ns, "2027-12-31", &b);
	assert_null(b.unite);
	assert_int_equal(b.prevus, -1);
	assert_int_equal(b.atteints, 9);
	/* on a day before them, nothing */
	eco_suivi_bilan(&t.p->actions[0], suivis(), t.ns, "2027-02-01", &b);
	assert_int_equal(b.depense, 0);
	assert_int_equal(b.atteints, -1);
}

static const char sheet[] =
    "kind: suivi\nversion: 1\nid: s9\naction: a\n"
    "echeance: 2027-04-01\ndate: 2027-07-10\n"
    "periode: {debut: 2027-01-01, fin: 2027-08-01}\n"
    "statut: en-cours\nrapporteur: z\ndepenses: 200\n";

static void
test_suivi_check(void **state)
{
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_doc *doc;
	const struct eco_diag *g;

	(void)state;
	add(two);
	add("{kind: suivi, version: 1, id: s1, action: a, date: 2027-03-01, statut: en-cours,"
	    " depenses: 1400}\n");
	eco_limits_default(&lim);
	assert_non_null(r = eco_reader_mem(sheet, strlen(sheet), "retour.yaml",
	    &lim, &t.d));
	assert_int_equal(eco_reader_next(r, &doc), 1);
	eco_reader_close(r);
	assert_int_equal(eco_suivi_check(t.p, doc, suivis(), t.ns,
	    "2027-07-01", &t.d), 5);
	g = said_in(&t.d, "is not a date of the follow-up calendar");
	assert_int_equal(g->line, 5);
	assert_int_equal(g->col, 11);
	g = said_in(&t.d, "after the day of the report");
	assert_int_equal(g->line, 6);
	g = said_in(&t.d, "begins on 2027-01-01, before the action");
	assert_int_equal(g->col, 18);
	said_in(&t.d, "ends on 2027-08-01, after the action");
	said_in(&t.d, "after the follow-up's date");
	g = said_in(&t.d, "neither leads nor joins");
	assert_int_equal(g->sev, ECO_SEV_WARNING);
	g = said_in(&t.d, "more than its planned budget");
	assert_int_equal(g->line, 10);
	eco_doc_free(doc);
}

static void
test_suivi_sheet_id(void **state)
{
	char buf[64];

	(void)state;
	add("{kind: action, version: 1, id: act-x, titre: X, responsable: o,"
	    " calendrier_suivi: [2027-03-01, 2027-03-20, 2027-06-01]}\n");
	assert_string_equal(eco_suivi_sheet_id(&t.p->actions[0], "2027-06-01",
	    buf, sizeof buf), "suivi-x-2027-06");
	assert_string_equal(eco_suivi_sheet_id(&t.p->actions[0], "2027-03-20",
	    buf, sizeof buf), "suivi-x-2027-03-20");
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
	assert_non_null(t.p = eco_suivi_plan(t.pr, 0, NULL, NULL, &root, &t.d));
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
	assert_null(eco_suivi_plan(t.pr, 0, NULL, NULL, &root, &t.d));
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
	assert_non_null(t.p = eco_suivi_plan(t.pr, 2, argv, NULL, &root, &t.d));
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
	assert_null(eco_suivi_plan(t.pr, 1, one, NULL, &root, &t.d));
	said_in(&t.d, "no plan in the input");
	eco_diags_free(&t.d);
	eco_diags_init(&t.d);
	assert_non_null(second = strdup(plan_yaml));
	memcpy(strstr(second, "id: p\n"), "id: q\n", 6);
	memcpy(strstr(second, "id: o1"), "id: o2", 6);
	put("p2.yaml", second);
	free(second);
	assert_null(eco_suivi_plan(t.pr, 2, two, NULL, &root, &t.d));
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
	assert_non_null(t.p = eco_suivi_plan(t.pr, 1, argv, NULL, &root, &t.d));
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
		T(test_suivi_answers),
		T(test_suivi_dues),
		T(test_suivi_dues_closed),
		T(test_suivi_ajustements),
		T(test_suivi_bilan),
		T(test_suivi_check),
		T(test_suivi_sheet_id),
		T(test_suivi_plan_of_project),
		T(test_suivi_plan_invalid),
		T(test_suivi_plan_operands),
		T(test_suivi_plan_none_or_two),
		T(test_suivi_plan_stdin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
