/*
 * test_eco_priorites.c - unit tests of eco_priorites.c: the priorities
 * read flat and ordered by rank (other kinds left out, those without a
 * rank last), the closest ids, the system of a factor and of a
 * sub-factor, the proposals (one per factor, ranked by analyses then
 * constats, the main analysis, a factor already retained, what the
 * constats gave), the objectives drafted one per retained factor, and a
 * priority's record.  Messages are the English msgids.
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
	struct eco_constats *cs;
	struct eco_pris *pr;
	struct eco_facteurs *f;
} t;

static const char stream[] =
    "kind: constat\nversion: 1\nid: c1\nenonce: C un\nsysteme: famille\n"
    "nature: enjeu\nanalyse: situation\n"
    "facteurs: [habitudes-lecture-parent-enfant, revenu-familial]\n"
    "---\nkind: constat\nversion: 1\nid: c2\nenonce: C deux\nsysteme: enfant\n"
    "nature: enjeu\nanalyse: offre-services\nfacteurs: [revenu-familial]\n"
    "---\nkind: constat\nversion: 1\nid: c3\nenonce: C trois\nsysteme: enfant\n"
    "nature: force\nanalyse: offre-services\nfacteurs: [revenu-familial]\n"
    "---\nkind: constat\nversion: 1\nid: c4\nenonce: C quatre\n"
    "systeme: enfant\nnature: enjeu\nanalyse: situation\n"
    "---\nkind: priorite\nversion: 1\nid: p-b\nconstats: [c1]\n"
    "systeme: famille\nfacteur: habitudes-lecture-parent-enfant\nrang: 2\n"
    "---\nkind: priorite\nversion: 1\nid: p-none\nconstats: [c4]\n"
    "systeme: enfant\n"
    "---\nkind: priorite\nversion: 1\nid: p-a\nconstats: [c2]\n"
    "systeme: famille\nfacteur: revenu-familial\nrang: 1\n"
    "---\nkind: priorite\nversion: 1\nid: p-c\nconstats: [c1]\n"
    "systeme: famille\nfacteur: habitudes-lecture-parent-enfant\nrang: 3\n"
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
	t.cs = eco_constats_new((const struct eco_doc *const *)t.docs, t.ndocs);
	t.pr = eco_pris_new((const struct eco_doc *const *)t.docs, t.ndocs);
	t.f = eco_facteurs_of(NULL, &t.d);
	return t.cs && t.pr && t.f ? 0 : -1;
}

static int
teardown(void **state)
{
	size_t i;

	(void)state;
	eco_constats_free(t.cs);
	eco_pris_free(t.pr);
	eco_facteurs_free(t.f);
	for (i = 0; i < t.ndocs; i++)
		eco_doc_free(t.docs[i]);
	eco_diags_free(&t.d);
	return 0;
}

static void
test_read(void **state)
{
	const struct eco_pri *p;
	char buf[256];

	(void)state;
	assert_int_equal(t.pr->n, 4);
	assert_string_equal(t.pr->v[0].id, "p-a");
	assert_string_equal(t.pr->v[1].id, "p-b");
	assert_string_equal(t.pr->v[2].id, "p-c");
	assert_string_equal(t.pr->v[3].id, "p-none");	/* no rank: last */
	assert_non_null(p = eco_pris_find(t.pr, "p-b"));
	assert_int_equal(p->rang, 2);
	assert_int_equal(p->nconstats, 1);
	assert_string_equal(p->constats[0], "c1");
	assert_string_equal(p->facteur, "habitudes-lecture-parent-enfant");
	assert_null(eco_pris_find(t.pr, "s1"));
	assert_null(eco_pris_find(t.pr, NULL));
	assert_string_equal(eco_pris_closest(t.pr, "p-nnone", buf, sizeof buf),
	    "p-none");
}

static void
test_systems(void **state)
{
	(void)state;
	assert_string_equal(eco_facteur_systeme(t.f, "revenu-familial"),
	    "famille");
	/* a sub-factor is of its factor's system */
	assert_string_equal(eco_facteur_systeme(t.f,
	    "habitudes-lecture-parent-enfant"), "famille");
	assert_string_equal(eco_facteur_systeme(t.f, "habiletes-langagieres"),
	    "enfant");
	assert_null(eco_facteur_systeme(t.f, "nothing-of-the-kind"));
	assert_null(eco_facteur_systeme(t.f, NULL));
}

static void
test_propose(void **state)
{
	struct eco_pri_seen seen;
	struct eco_pri_prop *v;
	size_t n;

	(void)state;
	assert_non_null(v = eco_pri_propose(t.cs, t.f, t.pr, &seen, &n));
	assert_int_equal(n, 2);
	/* revenu-familial: two analyses, three constats */
	assert_string_equal(v[0].facteur, "revenu-familial");
	assert_int_equal(v[0].nanalyses, 2);
	assert_int_equal(v[0].nconstats, 3);
	assert_string_equal(v[0].constats[0]->id, "c1");
	assert_string_equal(v[0].analyse, "offre-services");	/* 2 of 3 */
	assert_string_equal(v[0].systeme, "famille");
	assert_string_equal(v[0].deja, "p-a");
	assert_string_equal(v[1].facteur, "habitudes-lecture-parent-enfant");
	assert_int_equal(v[1].nconstats, 1);
	assert_string_equal(v[1].analyse, "situation");
	assert_string_equal(v[1].deja, "p-b");
	assert_int_equal(seen.constats, 4);
	assert_int_equal(seen.analyses[0], 2);	/* situation */
	assert_int_equal(seen.analyses[1], 2);	/* offre-services */
	assert_int_equal(seen.analyses[2], 0);	/* interventions */
	assert_int_equal(seen.sans_facteur, 1);
	eco_pri_props_free(v, n);
	/* without priorities, none is already retained */
	assert_non_null(v = eco_pri_propose(t.cs, t.f, NULL, &seen, &n));
	assert_null(v[0].deja);
	eco_pri_props_free(v, n);
}

static void
test_propose_none(void **state)
{
	struct eco_constats empty = { NULL, 0 };
	struct eco_pri_seen seen;
	size_t n;

	(void)state;
	assert_null(eco_pri_propose(&empty, t.f, NULL, &seen, &n));
	assert_int_equal(n, 0);
	assert_int_equal(seen.constats, 0);
}

static void
test_drafts(void **state)
{
	struct eco_obj_draft *o;
	size_t n;

	(void)state;
	assert_non_null(o = eco_obj_drafts(t.pr, &n));
	assert_int_equal(n, 2);		/* p-none retains no factor */
	assert_string_equal(o[0].facteur, "revenu-familial");
	assert_int_equal(o[0].npri, 1);
	assert_string_equal(o[1].facteur, "habitudes-lecture-parent-enfant");
	assert_int_equal(o[1].npri, 2);
	assert_string_equal(o[1].pri[0]->id, "p-b");
	assert_string_equal(o[1].pri[1]->id, "p-c");
	eco_obj_drafts_free(o, n);
}

static void
test_record(void **state)
{
	const char *ids[] = { "c1", "c2" };
	struct eco_pri_in in = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	in.systeme = "famille";
	in.facteur = "revenu-familial";
	in.constats = ids;
	in.nconstats = 2;
	in.analyse = "situation";
	in.rang = 4;
	assert_non_null(f = open_memstream(&buf, &len));
	assert_int_equal(eco_pri_render(f, "pri-7", &in), 0);
	fclose(f);
	assert_string_equal(in.chosen, "pri-7");
	assert_string_equal(buf, "---\n# Added by eco-priorites ajoute.\n"
	    "kind: priorite\nversion: 1\nid: pri-7\nconstats: [c1, c2]\n"
	    "analyse_origine: situation\nsysteme: famille\n"
	    "facteur: revenu-familial\nrang: 4\n");
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_systems, setup, teardown),
		cmocka_unit_test_setup_teardown(test_propose, setup, teardown),
		cmocka_unit_test_setup_teardown(test_propose_none, setup, teardown),
		cmocka_unit_test_setup_teardown(test_drafts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
