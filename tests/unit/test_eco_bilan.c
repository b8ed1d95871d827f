/*
 * test_eco_bilan.c - unit tests of eco_bilan.c: the first day of the
 * year (the plan's anniversaries, a 29 February, before the plan, no
 * plan), the kinds of a whole project, a region built from the demo
 * (twice: every sum doubles) and a folder that is no project (listed
 * with an error, adding nothing), the weakest conditions' order.  Tests
 * run from the top of the tree: examples/demo is read, never written.
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

static const char *
start(const char *debut, const char *au, char *buf)
{
	struct eco_plan *p = eco_plan_new();
	const char *s;

	assert_non_null(p);
	p->debut = debut;
	s = eco_annee_start(debut ? p : NULL, au, buf);
	eco_plan_free(p);
	return s;
}

static void
test_start(void **state)
{
	char b[ECO_DATE_BUFSZ];

	(void)state;
	assert_string_equal(start("2026-09-01", "2027-08-31", b), "2026-09-01");
	assert_string_equal(start("2026-09-01", "2027-09-01", b), "2027-09-01");
	assert_string_equal(start("2026-09-01", "2026-09-01", b), "2026-09-01");
	assert_string_equal(start("2026-09-01", "2029-06-30", b), "2028-09-01");
	/* a plan begun on 29 February: the 28th of years without one */
	assert_string_equal(start("2024-02-29", "2025-03-01", b), "2025-02-28");
	/* before the plan, or without one: the twelve months to au */
	assert_string_equal(start("2026-09-01", "2026-06-30", b), "2025-07-01");
	assert_string_equal(start(NULL, "2027-03-01", b), "2026-03-02");
	assert_string_equal(start(NULL, "2028-02-29", b), "2027-03-01");
	assert_null(start(NULL, "2027-02-30", b));
}

static void
test_kinds(void **state)
{
	const char *const *k = eco_project_kinds();
	int plan = 0, suivi = 0, regroupement = 0;

	(void)state;
	for (; *k; k++) {
		plan += strcmp(*k, "plan") == 0;
		suivi += strcmp(*k, "suivi") == 0;
		regroupement += strcmp(*k, "regroupement") == 0;
	}
	assert_int_equal(plan, 1);
	assert_int_equal(suivi, 1);
	assert_int_equal(regroupement, 1);
}

static void
test_region(void **state)
{
	struct eco_region *g;
	struct eco_region_row w;
	struct eco_diags d;
	char empty[] = "/tmp/eco-bilan-XXXXXX";
	long long budget, spent, sys = 0;
	size_t i;

	(void)state;
	eco_diags_init(&d);
	assert_non_null(g = eco_region_new(&d));
	assert_int_equal(eco_region_add(g, "examples/demo", "2027-08-31", &w,
	    &d), 0);
	assert_int_equal(d.nerr, 0);
	assert_int_equal(w.nerr, 0);
	assert_string_equal(w.etape, "evaluation-apprentissage");
	assert_int_equal(w.nfacteurs, 3);
	assert_int_equal(w.nobjectifs, 3);
	assert_true(w.has_plan);
	assert_int_equal(w.nactions, 23);
	budget = w.budget;
	spent = w.depense;
	assert_true(budget > 0 && spent > 0 && spent < budget);
	eco_region_row_free(&w);
	assert_int_equal(g->prevu, budget);
	for (i = 0; i < ECO_NSYS; i++)
		sys += g->systemes[i].prevu;
	assert_int_equal(sys, budget);

	/* the same project again: every sum doubles, factors count twice */
	assert_int_equal(eco_region_add(g, "examples/demo", "2027-08-31", &w,
	    &d), 0);
	eco_region_row_free(&w);
	assert_int_equal(g->nvalides, 2);
	assert_int_equal(g->prevu, 2 * budget);
	assert_int_equal(g->depense, 2 * spent);
	assert_int_equal(g->nfacteurs, 3);
	for (i = 0; i < g->nfacteurs; i++)
		assert_int_equal(g->facteurs[i].ngroupes, 2);
	for (i = 0; i < g->nbailleurs; i++)
		assert_int_equal(g->bailleurs[i].ngroupes, 2);

	/* a folder that is no project: an error, nothing added */
	assert_non_null(mkdtemp(empty));
	assert_int_equal(eco_region_add(g, empty, NULL, &w, &d), 0);
	assert_int_equal(w.nerr, 1);
	assert_null(w.nom);
	eco_region_row_free(&w);
	assert_int_equal(d.nerr, 1);
	assert_int_equal(g->nprojets, 3);
	assert_int_equal(g->nvalides, 2);
	assert_int_equal(g->prevu, 2 * budget);
	rmdir(empty);
	eco_region_free(g);
	eco_diags_free(&d);
}

static void
test_weakest(void **state)
{
	struct eco_region g;
	int order[ECO_NCONDITIONS];

	(void)state;
	memset(&g, 0, sizeof g);
	/* condition 3: mean 0,50 (one group); 1: 1,00 with one below 1;
	 * 5: 1,00 with none below; 2: 1,50; the others unanswered */
	g.conditions[3] = (struct eco_region_condition){ 50, 1, 50, 1 };
	g.conditions[1] = (struct eco_region_condition){ 200, 2, 50, 1 };
	g.conditions[5] = (struct eco_region_condition){ 200, 2, 100, 0 };
	g.conditions[2] = (struct eco_region_condition){ 300, 2, 120, 0 };
	assert_int_equal(eco_region_weakest(&g, order), 4);
	assert_int_equal(order[0], 3);
	assert_int_equal(order[1], 1);
	assert_int_equal(order[2], 5);
	assert_int_equal(order[3], 2);
	assert_int_equal(eco_region_condition_score(&g.conditions[1]), 100);
	assert_int_equal(eco_region_condition_score(&g.conditions[0]), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_start),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_region),
		cmocka_unit_test(test_weakest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
