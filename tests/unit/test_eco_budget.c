/*
 * test_eco_budget.c - unit tests of eco_budget.c: each action's budget
 * and the plan's in exact cents, the totals by objective, system, lead,
 * funder, year (split pro rata, leftover cents where the remainders are
 * largest), organisation and transformation, in the order people read
 * them, their names, the timeline's order and span, and what cannot be
 * counted, at its position.  Messages are the English msgids.
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
#include "said.h"

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static struct {
	struct eco_diags d;
	struct eco_plan *p;
	struct eco_budget *b;
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_diags_init(&t.d);
	return (t.p = eco_plan_new()) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	eco_budget_free(t.b);
	eco_plan_free(t.p);
	eco_diags_free(&t.d);
	return 0;
}

/* Every document of text into the plan. */
static void
add(const char *text)
{
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_doc *doc;

	eco_limits_default(&lim);
	assert_non_null(r = eco_reader_mem(text, strlen(text), "plan.yaml",
	    &lim, &t.d));
	while (eco_reader_next(r, &doc) > 0) {
		assert_int_equal(doc->nerr, 0);
		assert_int_equal(eco_plan_add(t.p, doc), 1);
	}
	eco_reader_close(r);
}

static const char plan[] =
    "kind: plan\n"
    "version: 1\n"
    "periode: {debut: 2026-09-01, fin: 2028-06-30}\n"
    "bailleurs:\n"
    "  - {id: f-b, nom: Fondation B}\n"
    "  - {id: f-a, nom: Caisse A, type: philanthropique}\n"
    "objectifs:\n"
    "  - id: obj-1\n"
    "    libelle: Premier\n"
    "    facteur: habiletes-langagieres\n"
    "    transformations:\n"
    "      enfant:\n"
    "        libelle: Les enfants\n"
    "        indicateurs: [{id: i1, libelle: I, cible: 1}]\n"
    "        actions:\n"
    "          - id: a1\n"
    "            titre: Dix et vingt cents\n"
    "            responsable: org-z\n"
    "            partenaires: [org-y]\n"
    "            debut: 2026-12-31\n"
    "            fin: 2027-01-02\n"
    "            budget:\n"
    "              - {poste: x, montant: 0.10, bailleur: f-a, statut: confirme}\n"
    "              - {poste: y, montant: 0.20, bailleur: f-a, statut: demande}\n"
    "              - {poste: z, montant: 0.70}\n"
    "      famille:\n"
    "        libelle: Les familles\n"
    "        indicateurs: [{id: i2, libelle: I, cible: 1}]\n"
    "        actions:\n"
    "          - id: a2\n"
    "            titre: Sans dates\n"
    "            responsable: org-a\n"
    "            contributions: [{organisme: org-z, apport: un local}]\n"
    "            budget: [{poste: w, montant: 3, bailleur: f-x,"
    " statut: a-solliciter}]\n";

static void
test_budget_cents(void **state)
{
	(void)state;
	add(plan);
	assert_non_null(t.b = eco_budget_new(t.p, NULL, &t.d));
	assert_int_equal(t.d.n, 0);
	assert_int_equal(t.b->actions[0], 100);		/* 0.10 + 0.20 + 0.70 */
	assert_int_equal(t.b->actions[1], 300);
	assert_int_equal(t.b->total, 400);
	assert_int_equal(t.b->funding[ECO_FUND_CONFIRME], 10);
	assert_int_equal(t.b->funding[ECO_FUND_DEMANDE], 20);
	assert_int_equal(t.b->funding[ECO_FUND_A_SOLLICITER], 300);
	assert_int_equal(t.b->funding[ECO_FUND_NONE], 70);
	assert_string_equal(t.b->debut, "2026-09-01");
	assert_string_equal(t.b->fin, "2028-06-30");
}

static void
test_budget_by_objective_and_system(void **state)
{
	const struct eco_total *x;

	(void)state;
	add(plan);
	assert_non_null(t.b = eco_budget_new(t.p, NULL, &t.d));
	assert_int_equal(t.b->nby[ECO_BY_OBJECTIF], 1);
	x = &t.b->by[ECO_BY_OBJECTIF][0];
	assert_string_equal(x->key, "obj-1");
	assert_string_equal(x->name, "Premier");
	assert_int_equal(x->cents, 400);
	/* every system, even one without anything */
	assert_int_equal(t.b->nby[ECO_BY_SYSTEME], 3);
	assert_string_equal(t.b->by[ECO_BY_SYSTEME][0].key, "enfant");
	assert_string_equal(t.b->by[ECO_BY_SYSTEME][0].name, "Child");
	assert_int_equal(t.b->by[ECO_BY_SYSTEME][0].cents, 100);
	assert_int_equal(t.b->by[ECO_BY_SYSTEME][1].cents, 300);
	assert_int_equal(t.b->by[ECO_BY_SYSTEME][2].cents, 0);
	assert_int_equal(t.b->by[ECO_BY_SYSTEME][0].funding[ECO_FUND_NONE], 70);
}

static void
test_budget_by_lead_and_funder(void **state)
{
	const struct eco_total *v;

	(void)state;
	add(plan);
	assert_non_null(t.b = eco_budget_new(t.p, NULL, &t.d));
	/* leads in id order */
	v = t.b->by[ECO_BY_RESPONSABLE];
	assert_int_equal(t.b->nby[ECO_BY_RESPONSABLE], 2);
	assert_string_equal(v[0].key, "org-a");
	assert_int_equal(v[0].cents, 300);
	assert_string_equal(v[1].key, "org-z");
	assert_null(v[1].name);		/* no project: no name */
	/* the plan's funders in its order, one only a line names, none */
	v = t.b->by[ECO_BY_BAILLEUR];
	assert_int_equal(t.b->nby[ECO_BY_BAILLEUR], 4);
	assert_string_equal(v[0].key, "f-b");
	assert_int_equal(v[0].cents, 0);
	assert_string_equal(v[1].key, "f-a");
	assert_string_equal(v[1].name, "Caisse A");
	assert_int_equal(v[1].cents, 30);
	assert_int_equal(v[1].funding[ECO_FUND_DEMANDE], 20);
	assert_string_equal(v[2].key, "f-x");
	assert_null(v[2].name);
	assert_int_equal(v[2].funding[ECO_FUND_A_SOLLICITER], 300);
	assert_string_equal(v[3].key, "");
	assert_string_equal(v[3].name, "(no funder)");
	assert_int_equal(v[3].cents, 70);
}

static void
test_budget_by_year(void **state)
{
	const struct eco_total *v;

	(void)state;
	add(plan);
	assert_non_null(t.b = eco_budget_new(t.p, NULL, &t.d));
	v = t.b->by[ECO_BY_ANNEE];
	/* a1 has 1 day in 2026, 2 in 2027: 33.33 and 66.67 cents, the
	 * leftover cent to the largest remainder; a2 takes the plan's
	 * period, 122, 365 and 182 days: 54.71, 163.68 and 81.61 cents,
	 * the 2 cents left to 2026 and 2027 */
	assert_int_equal(t.b->nby[ECO_BY_ANNEE], 3);
	assert_string_equal(v[0].key, "2026");
	assert_string_equal(v[0].name, "2026");
	assert_string_equal(v[1].key, "2027");
	assert_string_equal(v[2].key, "2028");
	assert_int_equal(v[0].cents, 33 + 55);
	assert_int_equal(v[1].cents, 67 + 164);
	assert_int_equal(v[2].cents, 81);
}

static void
test_budget_undated(void **state)
{
	const struct eco_total *v;

	(void)state;
	add("{kind: action, version: 1, id: r1, titre: R, responsable: o,"
	    " budget: [{poste: p, montant: 12.34}]}\n"
	    "---\n"
	    "{kind: action, version: 1, id: r2, titre: S, responsable: o,"
	    " debut: 2027-01-01, fin: 2027-12-31,"
	    " budget: [{poste: p, montant: 1}]}\n");
	assert_non_null(t.b = eco_budget_new(t.p, NULL, &t.d));
	v = t.b->by[ECO_BY_ANNEE];
	assert_int_equal(t.b->nby[ECO_BY_ANNEE], 2);
	assert_string_equal(v[0].key, "2027");
	assert_int_equal(v[0].cents, 100);
	assert_string_equal(v[1].key, "");
	assert_string_equal(v[1].name, "(no dates)");
	assert_int_equal(v[1].cents, 1234);
	/* the span of the actions, without a plan's period */
	assert_string_equal(t.b->debut, "2027-01-01");
	assert_string_equal(t.b->fin, "2027-12-31");
	/* no objective id: the "" objective */
	assert_string_equal(t.b->by[ECO_BY_OBJECTIF][0].key, "");
	assert_string_equal(t.b->by[ECO_BY_OBJECTIF][0].name, "(no id)");
}

static void
test_budget_organisations(void **state)
{
	const struct eco_total *v;

	(void)state;
	add(plan);
	assert_non_null(t.b = eco_budget_new(t.p, NULL, &t.d));
	v = t.b->by[ECO_BY_ORGANISME];
	assert_int_equal(t.b->nby[ECO_BY_ORGANISME], 3);
	assert_string_equal(v[0].key, "org-a");
	assert_int_equal(v[0].nlead, 1);
	assert_int_equal(v[0].cents, 300);
	assert_string_equal(v[1].key, "org-y");
	assert_int_equal(v[1].npartner, 1);
	assert_int_equal(v[1].cents, 0);
	/* leads a1, contributes to a2 */
	assert_string_equal(v[2].key, "org-z");
	assert_int_equal(v[2].nlead, 1);
	assert_int_equal(v[2].npartner, 1);
	assert_int_equal(v[2].cents, 100);
	assert_int_equal(eco_budget_role(&t.p->actions[0], "org-z"), 1);
	assert_int_equal(eco_budget_role(&t.p->actions[0], "org-y"), 2);
	assert_int_equal(eco_budget_role(&t.p->actions[1], "org-z"), 2);
	assert_int_equal(eco_budget_role(&t.p->actions[1], "org-y"), 0);
	assert_string_equal(eco_budget_apport(&t.p->actions[1], "org-z"),
	    "un local");
	assert_null(eco_budget_apport(&t.p->actions[0], "org-z"));
}

static void
test_budget_transformations(void **state)
{
	const struct eco_total *v;

	(void)state;
	add(plan);
	add("{kind: action, version: 1, id: r3, titre: R, responsable: o,"
	    " objectif: obj-1, systeme: communaute, transformation: Le milieu,"
	    " budget: [{poste: p, montant: 5}]}\n");
	assert_non_null(t.b = eco_budget_new(t.p, NULL, &t.d));
	v = t.b->by[ECO_BY_TRANSFORMATION];
	assert_int_equal(t.b->nby[ECO_BY_TRANSFORMATION], 3);
	assert_string_equal(v[0].objectif, "obj-1");
	assert_int_equal(v[0].systeme, 0);
	assert_string_equal(v[0].name, "Les enfants");
	assert_int_equal(v[0].cents, 100);
	assert_int_equal(v[1].systeme, 1);
	assert_int_equal(v[1].cents, 300);
	/* only a record names it: its libelle is the record's */
	assert_int_equal(v[2].systeme, 2);
	assert_string_equal(v[2].name, "Le milieu");
	assert_int_equal(v[2].cents, 500);
}

static void
test_budget_dated(void **state)
{
	(void)state;
	add("{kind: action, version: 1, id: c, titre: C, responsable: o,"
	    " debut: 2027-03-01, fin: 2027-04-01}\n---\n"
	    "{kind: action, version: 1, id: a, titre: A, responsable: o,"
	    " debut: 2027-01-01, fin: 2027-06-01}\n---\n"
	    "{kind: action, version: 1, id: b, titre: B, responsable: o,"
	    " debut: 2027-01-01, fin: 2027-02-01}\n---\n"
	    "{kind: action, version: 1, id: d, titre: D, responsable: o,"
	    " debut: 2027-01-01, fin: 2027-02-01}\n");
	assert_non_null(t.b = eco_budget_new(t.p, NULL, &t.d));
	/* by start, then end, then plan order */
	assert_int_equal(t.b->dated[0], 2);
	assert_int_equal(t.b->dated[1], 3);
	assert_int_equal(t.b->dated[2], 1);
	assert_int_equal(t.b->dated[3], 0);
}

static void
test_budget_twice(void **state)
{
	const struct eco_diag *g;

	(void)state;
	add(plan);
	add("{kind: action, version: 1, id: a1, titre: Copie, responsable: o}\n");
	assert_null(t.b = eco_budget_new(t.p, NULL, &t.d));
	g = said_in(&t.d, "action « a1 » appears twice");
	assert_string_equal(g->check, "ids");
	assert_int_equal(g->line, 1);
	assert_int_equal(g->col, 1);
}

static void
test_budget_too_large(void **state)
{
	const struct eco_diag *g;

	(void)state;
	add("kind: action\nversion: 1\nid: g\ntitre: G\nresponsable: o\n"
	    "budget:\n"
	    "  - {poste: p, montant: 1e30}\n"
	    "  - {poste: q, montant: 90000000000000000}\n"
	    "  - {poste: r, montant: 90000000000000000}\n");
	assert_null(t.b = eco_budget_new(t.p, NULL, &t.d));
	assert_int_equal(t.d.nerr, 2);
	g = &t.d.v[0];
	assert_string_equal(g->msg, "the budget adds up to more than eco can count");
	assert_string_equal(g->check, "plan");
	assert_int_equal(g->line, 7);
	assert_int_equal(g->col, 25);
	assert_int_equal(t.d.v[1].line, 9);
}

static void
test_budget_lookups(void **state)
{
	(void)state;
	add(plan);
	assert_non_null(t.b = eco_budget_new(t.p, NULL, &t.d));
	assert_int_equal(eco_budget_total(t.b, ECO_BY_BAILLEUR, "f-a")->cents, 30);
	assert_int_equal(eco_budget_total(t.b, ECO_BY_BAILLEUR, NULL)->cents, 70);
	assert_null(eco_budget_total(t.b, ECO_BY_BAILLEUR, "f-q"));
	assert_int_equal(eco_funding_of("confirme"), ECO_FUND_CONFIRME);
	assert_int_equal(eco_funding_of("a-solliciter"), ECO_FUND_A_SOLLICITER);
	assert_int_equal(eco_funding_of(NULL), ECO_FUND_NONE);
	assert_string_equal(eco_funding_label(ECO_FUND_DEMANDE), "requested");
	assert_string_equal(eco_budget_funder_type("prive"), "private");
	assert_string_equal(eco_budget_funder_type("autre-chose"), "autre-chose");
	assert_null(eco_budget_funder_type(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_budget_cents),
		T(test_budget_by_objective_and_system),
		T(test_budget_by_lead_and_funder),
		T(test_budget_by_year),
		T(test_budget_undated),
		T(test_budget_organisations),
		T(test_budget_transformations),
		T(test_budget_dated),
		T(test_budget_twice),
		T(test_budget_too_large),
		T(test_budget_lookups),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
