/*
 * test_eco_evaluation.c - unit tests of eco_evaluation.c: the day of the
 * records, the aim of an indicator (stated, or from its target against
 * its baseline), progress and reading (reached, progressing, no change,
 * going the wrong way, keep), late and missed deadlines, measures in
 * words, only what is dated by the day; the decisions in force, an
 * abandonment that stops an action and its follow-up dates, the state it
 * gives; the actions left undecided; the revision the plan owes.
 * Messages are the English msgids (no catalogue is bound).
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

#define MAXDOCS 16

static struct {
	struct eco_diags d;
	struct eco_doc *ev[MAXDOCS];
	size_t nev;
	struct eco_plan *p;
} t;

#define EV ((const struct eco_doc *const *)t.ev)

static const char stream[] =
    "kind: plan\nversion: 1\nid: p\ntitre: P\n"
    "periode: {debut: 2026-09-01, fin: 2029-06-30}\nrevise_le: 2027-06-03\n"
    "objectifs:\n"
    "  - id: obj-a\n    libelle: Ancien libellé\n    facteur: revenu-familial\n"
    "    transformations:\n"
    "      enfant:\n        libelle: T enfant\n        indicateurs:\n"
    "          - {id: i-up, libelle: Up, valeur_depart: 10, cible: 20,"
    " echeance: 2028-06-30}\n"
    "          - {id: i-down, libelle: Down, valeur_depart: 14, cible: 6,"
    " sens: baisse}\n"
    "          - {id: i-keep, libelle: Keep, valeur_depart: 80, cible: 80}\n"
    "          - {id: i-late, libelle: Late, valeur_depart: 0, cible: 8,"
    " echeance: 2027-03-31}\n"
    "          - {id: i-words, libelle: Words, valeur_depart: 1, cible: 2}\n"
    "          - {id: i-nobase, libelle: No base, cible: 5}\n"
    "        actions:\n"
    "          - {id: a-stop, titre: Stop, debut: 2026-10-01, fin: 2028-06-30,"
    " calendrier_suivi: [2027-01-15, 2027-06-01, 2028-01-15]}\n"
    "          - {id: a-adapt, titre: Adapt, debut: 2026-10-01,"
    " fin: 2028-06-30}\n"
    "          - {id: a-none, titre: None}\n";

static const char evals[] =
    "kind: evaluation\nversion: 1\nid: e1\ndate: 2027-06-03\nobjectif: obj-a\n"
    "mesures:\n"
    "  - {indicateur: i-up, date: 2027-05-01, valeur: 25}\n"
    "  - {indicateur: i-up, date: 2027-01-01, valeur: 12}\n"
    "  - {indicateur: i-down, valeur: 16}\n"
    "  - {indicateur: i-keep, valeur: 79}\n"
    "  - {indicateur: i-words, valeur: un peu mieux, appreciation: en-progres}\n"
    "  - {indicateur: i-nobase, valeur: 3}\n"
    "decisions:\n"
    "  - {action: a-stop, decision: maintien}\n"
    "  - {action: a-adapt, decision: adaptation, ajustements: [x]}\n"
    "questions:\n"
    "  objectif: {conclusion: ajuster, ajustement: Nouveau libellé}\n"
    "  facteur: {conclusion: remplacer}\n"
    "---\n"
    "kind: evaluation\nversion: 1\nid: e2\ndate: 2027-09-01\nobjectif: obj-a\n"
    "decisions:\n  - {action: a-stop, decision: abandon}\n";

static int
setup(void **state)
{
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_doc *doc;

	(void)state;
	memset(&t, 0, sizeof t);
	eco_diags_init(&t.d);
	eco_limits_default(&lim);
	if (!(t.p = eco_plan_new()) ||
	    !(r = eco_reader_mem(stream, strlen(stream), "p.yaml", &lim, &t.d)))
		return -1;
	while (eco_reader_next(r, &doc) > 0)
		if (eco_plan_add(t.p, doc) != 1)
			return -1;
	eco_reader_close(r);
	if (!(r = eco_reader_mem(evals, strlen(evals), "e.yaml", &lim, &t.d)))
		return -1;
	while (t.nev < MAXDOCS && eco_reader_next(r, &t.ev[t.nev]) > 0)
		t.nev++;
	eco_reader_close(r);
	return t.d.nerr ? -1 : 0;
}

static int
teardown(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < t.nev; i++)
		eco_doc_free(t.ev[i]);
	eco_plan_free(t.p);
	eco_diags_free(&t.d);
	return 0;
}

static const struct eco_resultat *
result(const struct eco_resultats *rs, const char *id)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (strcmp(rs->v[i].x->id, id) == 0)
			return &rs->v[i];
	fail_msg("no indicator %s", id);
	return NULL;
}

static void
test_day(void **state)
{
	char buf[ECO_DATE_BUFSZ];

	(void)state;
	setenv("ECO_AUJOURDHUI", "2026-12-07", 1);
	assert_string_equal(eco_records_day(EV, t.nev, buf), "2027-09-01");
	setenv("ECO_AUJOURDHUI", "2030-01-01", 1);
	assert_string_equal(eco_records_day(EV, t.nev, buf), "2030-01-01");
	/* not a date: the clock's day */
	setenv("ECO_AUJOURDHUI", "2030-02-30", 1);
	assert_string_not_equal(eco_records_day(EV, 0, buf), "2030-02-30");
	unsetenv("ECO_AUJOURDHUI");
}

static void
test_results(void **state)
{
	struct eco_resultats *rs;
	const struct eco_resultat *r;

	(void)state;
	assert_non_null(rs = eco_resultats_new(t.p, EV, t.nev, "2027-12-15"));
	assert_int_equal(rs->n, 6);
	/* in date order, the latest last; 25 is past the target of 20 */
	r = result(rs, "i-up");
	assert_int_equal(r->nmesures, 2);
	assert_string_equal(r->mesures[0].date, "2027-01-01");
	assert_string_equal(r->derniere->date, "2027-05-01");
	assert_int_equal(r->sens, ECO_SENS_HAUSSE);
	assert_false(r->sens_ecrit);
	assert_true(r->has_progres);
	assert_int_equal(r->progres, 150);
	assert_int_equal(r->lecture, ECO_LECT_ATTEINTE);
	assert_false(r->echue);
	/* down, stated, and higher than the baseline: the wrong way;
	 * without its own date a measure has the evaluation's */
	r = result(rs, "i-down");
	assert_true(r->sens_ecrit);
	assert_int_equal(r->sens, ECO_SENS_BAISSE);
	assert_string_equal(r->derniere->date, "2027-06-03");
	assert_int_equal(r->progres, -25);
	assert_int_equal(r->lecture, ECO_LECT_RECUL);
	assert_string_equal(eco_lecture_code(r->lecture), "en-recul");
	/* a target equal to the baseline: keep it; 79 is away from it */
	r = result(rs, "i-keep");
	assert_int_equal(r->sens, ECO_SENS_MAINTIEN);
	assert_false(r->has_progres);
	assert_int_equal(r->lecture, ECO_LECT_RECUL);
	/* deadline passed without a measure */
	r = result(rs, "i-late");
	assert_true(r->echue);
	assert_true(r->en_retard);
	assert_false(r->manquee);
	assert_null(r->derniere);
	/* a measure in words reads as appreciated */
	r = result(rs, "i-words");
	assert_false(r->has_progres);
	assert_int_equal(r->lecture, ECO_LECT_PROGRES);
	/* no baseline: no aim, no progress, unknown */
	r = result(rs, "i-nobase");
	assert_int_equal(r->sens, ECO_SENS_INCONNU);
	assert_null(eco_sens_code(r->sens));
	assert_int_equal(r->lecture, ECO_LECT_INCONNUE);
	eco_resultats_free(rs);
	/* before the evaluation, nothing is known of it */
	assert_non_null(rs = eco_resultats_new(t.p, EV, t.nev, "2027-06-02"));
	assert_int_equal(result(rs, "i-up")->nmesures, 0);
	eco_resultats_free(rs);
}

static void
test_decisions(void **state)
{
	struct eco_decision *v;
	struct eco_suivi_state st;
	const struct eco_action_view *a;
	size_t n, u[4];

	(void)state;
	v = eco_evaluation_decisions(t.p, EV, t.nev, NULL, &n);
	assert_int_equal(n, 3);
	/* plan order, then by date; the latest in force */
	assert_string_equal(t.p->actions[v[0].action].id, "a-stop");
	assert_string_equal(v[0].decision, "maintien");
	assert_false(v[0].latest);
	assert_string_equal(v[1].decision, "abandon");
	assert_true(v[1].latest);
	free(v);
	v = eco_evaluation_decisions(t.p, EV, t.nev, "2027-06-03", &n);
	assert_int_equal(n, 2);
	assert_true(v[0].latest);
	free(v);
	assert_int_equal(eco_evaluation_apply(t.p, EV, t.nev, "2027-12-15"), 0);
	a = &t.p->actions[0];
	assert_string_equal(a->decision, "abandon");
	assert_string_equal(a->arret, "2027-09-01");
	/* the dates after the stop are no longer due */
	assert_int_equal(a->ncalendrier, 2);
	eco_suivi_state(a, NULL, 0, "2027-12-15", &st);
	assert_int_equal(st.etat, ECO_ETAT_ABANDONNEE);
	assert_null(st.prochain);
	eco_suivi_state(a, NULL, 0, "2027-08-31", &st);
	assert_int_equal(st.etat, ECO_ETAT_EN_COURS);
	assert_string_equal(t.p->actions[1].decision, "adaptation");
	assert_null(t.p->actions[1].arret);
	/* a-none, of the objective evaluated, has no decision */
	assert_int_equal(eco_evaluation_undecided(t.p, EV, t.nev, NULL, u, 4), 1);
	assert_string_equal(t.p->actions[u[0]].id, "a-none");
	assert_string_equal(eco_decision_label("abandon"),
	    "abandoned by decision");
}

static void
test_revision(void **state)
{
	struct eco_diags d;
	size_t n;

	(void)state;
	assert_int_equal(eco_evaluation_apply(t.p, EV, t.nev, NULL), 0);
	eco_diags_init(&d);
	n = eco_evaluation_revision(t.p, EV, t.nev, NULL, &d);
	/* the abandoned action runs on; the objective's wording; the
	 * factor to replace, settled by the revision of 2027-06-03; the
	 * adaptation too */
	assert_int_equal(n, 2);
	eco_diags_sort(&d);
	assert_string_equal(d.v[0].check, "evaluation");
	assert_int_equal(d.v[0].sev, ECO_SEV_WARNING);
	assert_non_null(strstr(d.v[0].msg, "another wording"));
	assert_non_null(strstr(d.v[0].msg, "Nouveau libellé"));
	assert_non_null(strstr(d.v[1].msg, "a-stop"));
	assert_non_null(strstr(d.v[1].msg, "2028-06-30"));
	assert_true(d.v[0].line < d.v[1].line);
	eco_diags_free(&d);
	/* the latest evaluation with questions is the one that counts */
	assert_ptr_equal(eco_evaluation_latest(EV, t.nev, "obj-a", NULL,
	    "questions", NULL), t.ev[0]);
	assert_ptr_equal(eco_evaluation_latest(EV, t.nev, "obj-a", NULL, NULL,
	    NULL), t.ev[1]);
	assert_null(eco_evaluation_latest(EV, t.nev, "obj-a", "enfant", NULL,
	    NULL));
}

/* The record ajoute appends: its file, its id's prefix, a value read
 * as a number when it is one, a decision with its adjustments. */
static void
test_record(void **state)
{
	const char *aj[] = { "deux groupes au lieu d'un" };
	struct eco_eval_in m = { .date = "2027-06-03", .objectif = "obj-lecture",
	    .systeme = "famille", .indicateur = "ind-x", .valeur = "4.5" };
	struct eco_eval_in d = { .date = "2027-06-03", .objectif = "lecture",
	    .systeme = "enfant", .action = "act-y", .decision = "adaptation",
	    .ajustements = aj, .najustements = 1 };
	char file[160], prefix[128], *buf = NULL;
	struct eco_doc *doc;
	size_t len = 0;
	FILE *f;

	(void)state;
	assert_non_null(doc = eco_evaluation_record(&m, file, sizeof file,
	    prefix, sizeof prefix));
	assert_string_equal(file, "evaluations/2027-06-obj-lecture.yaml");
	assert_string_equal(prefix, "eval-lecture-2027-06-03-");
	assert_non_null(f = open_memstream(&buf, &len));
	assert_int_equal(eco_evaluation_render(f, "eval-lecture-2027-06-03-1",
	    doc), 0);
	fclose(f);
	assert_non_null(strstr(buf, "---\nkind: evaluation\nversion: 1\n"
	    "id: eval-lecture-2027-06-03-1\n"));
	assert_non_null(strstr(buf, "valeur: 4.5\n"));
	assert_int_equal(eco_map_get(eco_map_seq(doc->root,
	    "mesures")->u.items[0], "valeur")->type, ECO_FLOAT);
	free(buf);
	eco_doc_free(doc);
	assert_non_null(doc = eco_evaluation_record(&d, file, sizeof file,
	    prefix, sizeof prefix));
	assert_string_equal(prefix, "eval-lecture-2027-06-03-");
	assert_string_equal(eco_map_seq(eco_map_seq(doc->root,
	    "decisions")->u.items[0], "ajustements")->u.items[0]->s, aj[0]);
	eco_doc_free(doc);
	/* a value that is no number stays text */
	assert_non_null(doc = eco_doc_new(NULL));
	assert_int_equal(eco_node_number(doc, "trois familles")->type, ECO_STR);
	assert_int_equal(eco_node_number(doc, "12")->type, ECO_INT);
	eco_doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_results, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decisions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revision, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
