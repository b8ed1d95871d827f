/*
 * test_eco_plan.c - unit tests of eco_plan.c: a plan flattened into
 * views with the ids of what holds them, documents kept by the caller,
 * records read back as views, records built from views and valid
 * against their schemas, the gaps a planning meeting must fill (flags,
 * counts, positions and JSON pointers), the planning objectives of the
 * cycle they stand in the way of, the verdict of eco-plan verifie, a
 * plan document's rules and its date rules said once, lookups, filters,
 * the calendar and the skeleton.  Messages are the English msgids.
 *
 * Every test keeps what it allocates in the file-global t, which
 * teardown frees even when an assertion fails, so that LeakSanitizer
 * only reports real leaks.
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
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_plan *p;
	struct eco_doc *other;		/* a document the plan refused */
	struct eco_schemaset *set;
	struct eco_echeance *cal;
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_limits_default(&t.lim);
	eco_diags_init(&t.d);
	t.p = eco_plan_new();
	return t.p ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	eco_plan_free(t.p);
	eco_doc_free(t.other);
	eco_schemaset_free(t.set);
	eco_diags_free(&t.d);
	free(t.cal);
	return 0;
}

static void
dump_diags(void)
{
	size_t i;

	for (i = 0; i < t.d.n; i++)
		print_message("  diag: %s:%d:%d: %s [%s] %s\n",
		    t.d.v[i].file ? t.d.v[i].file : "(null)", t.d.v[i].line,
		    t.d.v[i].col, t.d.v[i].msg,
		    t.d.v[i].check ? t.d.v[i].check : "",
		    t.d.v[i].path ? t.d.v[i].path : "");
}

/* Add every document of text to t.p; what it refuses is kept in t.other
 * (one at most).  Returns the number of documents the plan took. */
static size_t
add(const char *text)
{
	struct eco_reader *r = eco_reader_mem(text, strlen(text), "plan.yaml",
	    &t.lim, &t.d);
	struct eco_doc *doc;
	size_t n = 0;
	int rc;

	assert_non_null(r);
	while (eco_reader_next(r, &doc) > 0) {
		assert_int_equal(doc->nerr, 0);
		rc = eco_plan_add(t.p, doc);
		assert_true(rc >= 0);
		if (rc == 1)
			n++;
		else {
			assert_null(t.other);
			t.other = doc;
		}
	}
	eco_reader_close(r);
	if (t.d.n)
		dump_diags();
	assert_int_equal(t.d.n, 0);
	return n;
}

/* The documents of text, named name, into v (cap at most): their
 * number.  The caller frees them. */
static size_t
docs_of(const char *text, size_t len, const char *name, struct eco_doc **v,
    size_t cap)
{
	struct eco_reader *r = eco_reader_mem(text, len, name, &t.lim, &t.d);
	size_t n = 0;

	assert_non_null(r);
	while (n < cap && eco_reader_next(r, &v[n]) > 0)
		assert_int_equal(v[n++]->nerr, 0);
	eco_reader_close(r);
	return n;
}

static void
add_file(const char *path)
{
	struct eco_reader *r = eco_reader_open(path, &t.lim, &t.d);
	struct eco_doc *doc;

	assert_non_null(r);
	while (eco_reader_next(r, &doc) > 0)
		if (eco_plan_add(t.p, doc) != 1)
			eco_doc_free(doc);
	eco_reader_close(r);
	assert_int_equal(t.d.n, 0);
}

static const struct eco_schema *
schema(const char *kind)
{
	if (!t.set) {
		assert_non_null(t.set = eco_schemaset_new());
		assert_int_equal(eco_schemaset_add_eco(t.set, &t.d), 0);
		assert_int_equal(eco_schemaset_resolve(t.set, &t.d), 0);
	}
	return eco_schemaset_kind(t.set, kind);
}

/* The diagnostic whose JSON pointer is path, or NULL. */
static const struct eco_diag *
diag_at(const char *path)
{
	size_t i;

	for (i = 0; i < t.d.n; i++)
		if (t.d.v[i].path && strcmp(t.d.v[i].path, path) == 0)
			return &t.d.v[i];
	return NULL;
}

/* How many diagnostics hold text. */
static size_t
said_count(const char *text)
{
	size_t i, n = 0;

	for (i = 0; i < t.d.n; i++)
		n += strstr(t.d.v[i].msg, text) != NULL;
	return n;
}

/* A small complete plan: one objective, three systems, ids given or
 * derived, an action without dates and one with a funded budget. */
static const char complete_plan[] =
    "kind: plan\n"
    "version: 1\n"
    "id: p1\n"
    "titre: Petit plan\n"
    "periode: {debut: 2026-09-01, fin: 2028-06-30}\n"
    "bailleurs:\n"
    "  - {id: fx, nom: Fondation X}\n"
    "calendrier_suivi: [2027-06-01, 2027-02-01]\n"
    "objectifs:\n"
    "  - id: obj-a\n"
    "    libelle: Lire plus\n"
    "    facteur: habitudes-lecture-parent-enfant\n"
    "    priorites: [pri-1]\n"
    "    transformations:\n"
    "      enfant:\n"
    "        libelle: Les enfants aiment les livres\n"
    "        indicateurs:\n"
    "          - {id: ind-e, libelle: Emprunts, cible: 1800, echeance: 2027-12-31,\n"
    "             outil_suivi: registre, responsable_mesure: biblio}\n"
    "        actions:\n"
    "          - id: act-e\n"
    "            titre: Heure du conte\n"
    "            description: Chaque samedi\n"
    "            responsable: biblio\n"
    "            partenaires: [cpe]\n"
    "            debut: 2026-10-01\n"
    "            fin: 2028-06-30\n"
    "            budget:\n"
    "              - {poste: animation, montant: 4500.50, bailleur: fx}\n"
    "              - {poste: livres, montant: 1.25e3, bailleur: fx}\n"
    "            calendrier_suivi: [2027-01-15]\n"
    "      famille:\n"
    "        id: tr-famille\n"
    "        libelle: Les parents lisent\n"
    "        indicateurs:\n"
    "          - {id: ind-f, libelle: Lecture, cible: 50, outil_suivi: sondage}\n"
    "        actions:\n"
    "          - {id: act-f, titre: Sacs, description: D, responsable: maison,\n"
    "             partenaires: [biblio],\n"
    "             debut: 2026-10-01, fin: 2027-06-30,\n"
    "             budget: [{poste: sacs, montant: 100, bailleur: fx}],\n"
    "             calendrier_suivi: [2027-01-15]}\n"
    "      communaute:\n"
    "        libelle: Des coins lecture partout\n"
    "        indicateurs:\n"
    "          - {id: ind-c, libelle: Coins, cible: 8, outil_suivi: inventaire}\n"
    "        actions:\n"
    "          - {id: act-c, titre: Coins, description: D, responsable: cpe,\n"
    "             partenaires: [biblio],\n"
    "             debut: 2027-01-01, fin: 2028-01-31,\n"
    "             budget: [{poste: bacs, montant: 900, bailleur: fx}],\n"
    "             calendrier_suivi: [2027-06-01]}\n";

static void
test_names(void **state)
{
	(void)state;
	assert_int_equal(eco_systeme_index("enfant"), 0);
	assert_int_equal(eco_systeme_index("famille"), 1);
	assert_int_equal(eco_systeme_index("communaute"), 2);
	assert_int_equal(eco_systeme_index("communauté"), -1);
	assert_int_equal(eco_systeme_index(NULL), -1);
	assert_true(eco_plan_kind("plan"));
	assert_true(eco_plan_kind("action"));
	assert_true(eco_plan_kind("objectif"));
	assert_false(eco_plan_kind("suivi"));
	assert_false(eco_plan_kind(NULL));
	assert_string_equal(eco_view_kinds[ECO_VIEW_INDICATEUR], "indicateur");
}

/* Flattening. */

static void
test_flatten_plan(void **state)
{
	const struct eco_action_view *a;
	const struct eco_indicateur_view *x;
	const struct eco_transformation_view *tr;

	(void)state;
	assert_int_equal(add(complete_plan), 1);
	assert_int_equal(t.p->nplans, 1);
	assert_string_equal(t.p->id, "p1");
	assert_string_equal(t.p->titre, "Petit plan");
	assert_string_equal(t.p->debut, "2026-09-01");
	assert_string_equal(t.p->fin, "2028-06-30");
	assert_string_equal(t.p->file, "plan.yaml");
	assert_int_equal(t.p->ncalendrier, 2);
	assert_int_equal(t.p->nbailleurs, 1);
	assert_string_equal(t.p->bailleurs[0].nom, "Fondation X");
	assert_int_equal(t.p->nobjectifs, 1);
	assert_int_equal(t.p->ntransformations, 3);
	assert_int_equal(t.p->nindicateurs, 3);
	assert_int_equal(t.p->nactions, 3);

	assert_int_equal(t.p->objectifs[0].npriorites, 1);
	assert_string_equal(t.p->objectifs[0].priorites[0], "pri-1");
	assert_string_equal(t.p->objectifs[0].v.path, "/objectifs/0");
	/* transformations in the method's order, ids derived or given */
	tr = &t.p->transformations[0];
	assert_string_equal(tr->systeme, "enfant");
	assert_string_equal(tr->id, "obj-a-enfant");
	assert_string_equal(tr->objectif, "obj-a");
	assert_string_equal(tr->facteur, "habitudes-lecture-parent-enfant");
	assert_string_equal(tr->v.path, "/objectifs/0/transformations/enfant");
	assert_int_equal(tr->nindicateurs, 1);
	assert_string_equal(tr->indicateurs[0], "ind-e");
	assert_string_equal(tr->actions[0], "act-e");
	assert_string_equal(t.p->transformations[1].id, "tr-famille");
	assert_string_equal(t.p->transformations[2].id, "obj-a-communaute");
	assert_ptr_equal(eco_plan_transformation(t.p, "obj-a", "famille"),
	    &t.p->transformations[1]);
	assert_null(eco_plan_transformation(t.p, "obj-b", "famille"));

	x = &t.p->indicateurs[1];
	assert_string_equal(x->id, "ind-f");
	assert_string_equal(x->transformation, "tr-famille");
	assert_string_equal(x->transformation_libelle, "Les parents lisent");
	assert_string_equal(x->systeme, "famille");
	assert_null(x->echeance);
	assert_string_equal(x->echeance_eff, "2028-06-30");	/* the plan's end */
	assert_int_equal(x->cible->u.i, 50);
	assert_string_equal(t.p->indicateurs[0].echeance_eff, "2027-12-31");
	assert_string_equal(t.p->indicateurs[0].responsable_mesure, "biblio");

	a = &t.p->actions[0];
	assert_string_equal(a->v.path,
	    "/objectifs/0/transformations/enfant/actions/0");
	assert_false(a->v.record);
	assert_string_equal(a->objectif, "obj-a");
	assert_string_equal(a->facteur, "habitudes-lecture-parent-enfant");
	assert_string_equal(a->transformation, "obj-a-enfant");
	assert_int_equal(a->npartenaires, 1);
	assert_int_equal(a->nbudget, 2);
	assert_int_equal(a->budget[0].cents, 450050);
	assert_int_equal(a->budget[1].cents, 125000);
	assert_string_equal(a->budget[1].bailleur, "fx");
	assert_int_equal(a->budget_cents, 575050);
	assert_int_equal(a->ncalendrier, 1);
	assert_string_equal(a->debut_eff, "2026-10-01");
	assert_ptr_equal(eco_plan_objectif(t.p, "obj-a"), &t.p->objectifs[0]);
	assert_ptr_equal(eco_plan_bailleur(t.p, "fx"), &t.p->bailleurs[0]);
	assert_null(eco_plan_bailleur(t.p, "fy"));
}

/* A skeleton: every slot empty, the views are there all the same. */
static void
test_flatten_lenient(void **state)
{
	const struct eco_action_view *a;

	(void)state;
	assert_int_equal(add(
	    "kind: plan\nversion: 1\nperiode: {debut: 2026-09-01, fin: 2026-01-01}\n"
	    "objectifs:\n"
	    "  - id: obj-a\n"
	    "    transformations:\n"
	    "      enfant:\n"
	    "        libelle:\n"
	    "        indicateurs: [{id: , cible: }]\n"
	    "        actions:\n"
	    "          - {id: , titre: 7, debut: 2026-02-30, budget: [{montant: abc}, 3]}\n"
	    "      famille: null\n"
	    "  - 42\n"), 1);
	/* a period that ends before it begins is none */
	assert_null(t.p->debut);
	assert_null(t.p->fin);
	assert_int_equal(t.p->nobjectifs, 1);
	assert_int_equal(t.p->ntransformations, 1);
	assert_null(t.p->transformations[0].libelle);
	assert_null(t.p->indicateurs[0].id);
	assert_null(t.p->indicateurs[0].cible);
	a = &t.p->actions[0];
	assert_null(a->id);
	assert_null(a->titre);		/* not a string */
	assert_null(a->debut);		/* not a date of the calendar */
	assert_null(a->debut_eff);
	assert_int_equal(a->nbudget, 1);
	assert_false(a->budget[0].has_amount);
	assert_int_equal(a->budget_cents, 0);
}

static void
test_other_kinds(void **state)
{
	(void)state;
	assert_int_equal(add("kind: suivi\nversion: 1\nid: s1\n"), 0);
	assert_non_null(t.other);
	eco_doc_free(t.other);
	t.other = NULL;
	assert_int_equal(add("- not a mapping\n"), 0);
	eco_doc_free(t.other);
	t.other = NULL;
	assert_int_equal(eco_plan_add(t.p, NULL), 0);
	assert_int_equal(t.p->nobjectifs + t.p->nactions, 0);
}

/* Records read back give the same views, marked as records. */
static void
test_records_as_views(void **state)
{
	const struct eco_action_view *a;

	(void)state;
	assert_int_equal(add(
	    "kind: transformation\nversion: 1\nid: tr-x\nobjectif: obj-a\n"
	    "systeme: famille\nlibelle: L\nindicateurs: [ind-1]\nactions: [act-1]\n"
	    "---\n"
	    "kind: action\nversion: 1\nid: act-1\nobjectif: obj-a\nsysteme: famille\n"
	    "facteur: f\ntransformation: L\ntitre: T\nresponsable: cpe\n"
	    "statut: en-cours\nbudget: [{poste: p, montant: 10.5}]\n"
	    "---\n"
	    "kind: action\nversion: 1\nid: act-2\nobjectif: obj-b\nsysteme: enfant\n"
	    "titre: U\nresponsable: cpe\n"
	    "---\n"
	    "kind: objectif\nversion: 1\nid: obj-a\nlibelle: O\nfacteur: f\nrang: 1\n"), 4);
	assert_int_equal(t.p->nplans, 0);
	assert_null(t.p->debut);
	a = &t.p->actions[0];
	assert_true(a->v.record);
	assert_string_equal(a->v.path, "");
	/* the transformation record came first: its id is taken */
	assert_string_equal(a->transformation, "tr-x");
	assert_string_equal(a->transformation_libelle, "L");
	assert_string_equal(a->statut, "en-cours");
	assert_int_equal(a->budget_cents, 1050);
	assert_null(a->budget[0].bailleur);
	assert_string_equal(t.p->actions[1].transformation, "obj-b-enfant");
	assert_int_equal(t.p->transformations[0].nactions, 1);
	/* a record is its own record */
	assert_ptr_equal(eco_plan_record(t.p, ECO_VIEW_ACTION, 0), a->v.node);
	assert_null(eco_plan_record(t.p, ECO_VIEW_ACTION, 2));
}

/* Records built from the plan: keys in order, valid against schemas. */
static void
test_records_built(void **state)
{
	static const char *const keys[] = {
		"kind", "version", "id", "objectif", "systeme", "facteur",
		"transformation", "titre", "description", "responsable",
		"partenaires", "debut", "fin", "budget", "calendrier_suivi"
	};
	const struct eco_node *r;
	size_t i, k;

	(void)state;
	add(complete_plan);
	r = eco_plan_record(t.p, ECO_VIEW_ACTION, 0);
	assert_non_null(r);
	assert_int_equal(r->len, sizeof keys / sizeof *keys);
	for (i = 0; i < r->len; i++)
		assert_string_equal(r->u.pairs[i].key->s, keys[i]);
	assert_int_equal(eco_map_get(r, "version")->u.i, 1);
	assert_string_equal(eco_map_get(r, "transformation")->s,
	    "Les enfants aiment les livres");
	r = eco_plan_record(t.p, ECO_VIEW_TRANSFORMATION, 1);
	assert_string_equal(eco_map_get(r, "id")->s, "tr-famille");
	assert_int_equal(eco_map_get(r, "actions")->len, 1);
	r = eco_plan_record(t.p, ECO_VIEW_OBJECTIF, 0);
	assert_null(eco_map_get(r, "transformations"));
	assert_string_equal(eco_map_get(r, "kind")->s, "objectif");
	for (k = 0; k < ECO_NVIEW; k++)
		for (i = 0; (r = eco_plan_record(t.p, (enum eco_view_kind)k, i));
		    i++)
			if (eco_schema_check(schema(eco_view_kinds[k]), r, "rec",
			    &t.d) != 0) {
				dump_diags();
				fail_msg("%s %zu is not valid", eco_view_kinds[k], i);
			}
	assert_null(eco_plan_record(t.p, ECO_VIEW_ACTION, 3));
}

/* The demo's records, every kind, all valid: what the pipes rely on. */
static void
test_records_demo(void **state)
{
	size_t i, k, n = 0;
	const struct eco_node *r;

	(void)state;
	add_file("examples/demo/plan.yaml");
	assert_true(t.p->nactions >= 9);
	for (k = 0; k < ECO_NVIEW; k++)
		for (i = 0; (r = eco_plan_record(t.p, (enum eco_view_kind)k, i));
		    i++, n++)
			if (eco_schema_check(schema(eco_view_kinds[k]), r,
			    "demo", &t.d) != 0) {
				dump_diags();
				fail_msg("%s %zu is not valid", eco_view_kinds[k], i);
			}
	assert_int_equal(n, t.p->nobjectifs + t.p->ntransformations +
	    t.p->nindicateurs + t.p->nactions);
	assert_int_equal(eco_plan_gaps(t.p, NULL, NULL), 0);
}

/* Gaps. */

static void
test_gaps_complete(void **state)
{
	struct eco_plan_counts c;
	size_t k;

	(void)state;
	add(complete_plan);
	assert_int_equal(eco_plan_gaps(t.p, &t.d, &c), 0);
	assert_int_equal(t.d.n, 0);
	for (k = 0; k < ECO_NVIEW; k++)
		assert_int_equal(c.complete[k], c.total[k]);
	assert_int_equal(c.total[ECO_VIEW_TRANSFORMATION], 3);
	assert_int_equal(c.gaps, 0);
}

static const char gappy_plan[] =
    "kind: plan\n"
    "version: 1\n"
    "periode:\n"
    "  debut: 2026-09-01\n"
    "  fin:\n"
    "objectifs:\n"
    "  - id: obj-a\n"
    "    libelle: Lire\n"
    "    transformations:\n"
    "      enfant:\n"
    "        libelle: L\n"
    "        indicateurs:\n"
    "          - id: ind-1\n"
    "            libelle: I\n"
    "            cible:\n"
    "        actions: []\n"
    "      famille:\n"
    "        libelle: F\n"
    "        indicateurs: [{id: ind-2, libelle: J, cible: 3, outil_suivi: o}]\n"
    "        actions:\n"
    "          - id: act-1\n"
    "            titre: A\n"
    "            responsable: cpe\n"
    "            partenaires: []\n"
    "            debut: 2026-10-01\n"
    "            budget:\n"
    "              - {poste: x, montant: 10}\n"
    "            calendrier_suivi: [2027-01-01]\n"
    "            jalons: [{date: 2026-09-15, libelle: trop tôt}]\n";

static void
test_gaps_incomplete(void **state)
{
	struct eco_plan_counts c;
	const struct eco_diag *g;
	size_t n;

	(void)state;
	add(gappy_plan);
	n = eco_plan_gaps(t.p, &t.d, &c);
	assert_int_equal(n, c.gaps);
	/* two are the plan rules' to say: no indicator with a target, the
	 * milestone before the action */
	assert_int_equal(t.d.n, n - 2);
	assert_int_equal(t.d.nwarn, n - 2);
	assert_int_equal(c.total[ECO_VIEW_OBJECTIF], 1);
	assert_int_equal(c.complete[ECO_VIEW_OBJECTIF], 0);
	assert_int_equal(c.complete[ECO_VIEW_TRANSFORMATION], 1);	/* famille */
	/* ind-2 has no echeance, and the period no end */
	assert_int_equal(c.complete[ECO_VIEW_INDICATEUR], 0);
	assert_int_equal(c.complete[ECO_VIEW_ACTION], 0);

	/* an empty value: pointed at its key, with its pointer */
	assert_non_null(g = diag_at("/periode/fin"));
	assert_int_equal(g->line, 5);
	assert_int_equal(g->col, 3);
	assert_string_equal(g->check, "plan");
	assert_string_equal(g->file, "plan.yaml");
	/* an absent key: pointed at the mapping that lacks it */
	assert_non_null(g = diag_at("/objectifs/0/facteur"));
	assert_int_equal(g->line, 7);
	assert_int_equal(g->col, 5);
	assert_non_null(diag_at("/objectifs/0/transformations/communaute"));
	assert_true(t.p->objectifs[0].v.gaps & ECO_GAP_TRANSFORMATION);
	assert_true(t.p->objectifs[0].v.gaps & ECO_GAP_FACTEUR);
	assert_non_null(g = diag_at(
	    "/objectifs/0/transformations/enfant/indicateurs/0/cible"));
	assert_int_equal(g->line, 15);
	assert_non_null(diag_at(
	    "/objectifs/0/transformations/enfant/indicateurs/0/outil_suivi"));
	assert_non_null(g = diag_at("/objectifs/0/transformations/enfant/actions"));
	assert_int_equal(g->line, 16);
	assert_true(t.p->transformations[0].v.gaps & ECO_GAP_ACTION);
	/* no indicator with a target: the plan rules say it, not twice */
	assert_true(t.p->transformations[0].v.gaps & ECO_GAP_CIBLE);
	assert_null(diag_at("/objectifs/0/transformations/enfant/indicateurs"));
	assert_true(t.p->actions[0].v.gaps & ECO_GAP_PARTENAIRE);
	assert_true(t.p->actions[0].v.gaps & ECO_GAP_DESCRIPTION);
	assert_non_null(g = diag_at(
	    "/objectifs/0/transformations/famille/actions/0/description"));
	assert_int_equal(g->line, 21);	/* the mapping that lacks it */
	assert_true(t.p->actions[0].v.gaps & ECO_GAP_DATES);
	assert_true(t.p->actions[0].v.gaps & ECO_GAP_BAILLEUR);
	assert_true(t.p->actions[0].v.gaps & ECO_GAP_PERIODE);	/* the milestone,
						 * counted */
	assert_false(t.p->actions[0].v.gaps & ECO_GAP_BUDGET);
	assert_false(t.p->actions[0].v.gaps & ECO_GAP_SUIVI);
	assert_non_null(diag_at(
	    "/objectifs/0/transformations/famille/actions/0/partenaires"));
	assert_non_null(diag_at(
	    "/objectifs/0/transformations/famille/actions/0/budget/0/bailleur"));
	assert_null(diag_at(
	    "/objectifs/0/transformations/famille/actions/0/jalons/0/date"));
	assert_non_null(diag_at("/objectifs/0/transformations/famille/actions/0/fin"));
	/* without an end to the period, an indicator without echeance has
	 * no deadline */
	assert_true(t.p->indicateurs[0].v.gaps & ECO_GAP_DATES);
	assert_true(t.p->indicateurs[1].v.gaps & ECO_GAP_DATES);
}

/* An individual action is one member's own: it needs no partner. */
static void
test_gaps_individual(void **state)
{
	(void)state;
	add("kind: action\nversion: 1\nid: a\nobjectif: o\nsysteme: enfant\n"
	    "titre: T\ndescription: D\ntype: individuelle\nresponsable: r\n"
	    "debut: 2026-09-01\n"
	    "fin: 2027-01-01\nbudget: [{poste: p, montant: 1, bailleur: b}]\n"
	    "calendrier_suivi: [2026-12-01]\n"
	    "---\n"
	    "kind: action\nversion: 1\nid: b\nobjectif: o\nsysteme: enfant\n"
	    "titre: T\ndescription: D\ntype: collective\nresponsable: r\n"
	    "debut: 2026-09-01\n"
	    "fin: 2027-01-01\nbudget: [{poste: p, montant: 1, bailleur: b}]\n"
	    "calendrier_suivi: [2026-12-01]\n");
	assert_int_equal(eco_plan_gaps(t.p, &t.d, NULL), 1);
	assert_int_equal(t.p->actions[0].v.gaps, 0);
	assert_int_equal(t.p->actions[1].v.gaps, ECO_GAP_PARTENAIRE);
	assert_non_null(diag_at("/partenaires"));
	assert_string_equal(t.d.v[0].file, "plan.yaml");
	assert_int_equal(t.d.v[0].line, 15);	/* the record's mapping */
	assert_int_equal(t.d.v[0].col, 1);
}

/* A plan with dates out of its period, and a record of an action. */
static const char dated_plan[] =
    "kind: plan\nversion: 1\nperiode: {debut: 2026-09-01, fin: 2027-06-30}\n"
    "calendrier_suivi: [2027-09-01]\n"
    "objectifs:\n"
    "  - id: o\n    libelle: L\n    facteur: f\n    transformations:\n"
    "      enfant:\n        libelle: L\n"
    "        indicateurs: [{id: i, libelle: L, cible: 1, outil_suivi: o,"
    " echeance: 2026-01-01}]\n"
    "        actions: [{id: a, titre: T, description: D, responsable: r,"
    " partenaires: [p], debut: 2026-09-01, fin: 2028-01-01, budget: [{poste: p,"
    " montant: 1, bailleur: b}], calendrier_suivi: [2027-01-01],"
    " jalons: [{date: 2026-08-01, libelle: J}]}]\n"
    "---\n"
    "kind: action\nversion: 1\nid: a2\nobjectif: o\nsysteme: enfant\n"
    "titre: T\ndescription: D\nresponsable: r\npartenaires: [p]\n"
    "debut: 2026-09-01\nfin: 2028-01-01\n"
    "budget: [{poste: p, montant: 1, bailleur: b}]\n"
    "calendrier_suivi: [2027-01-01]\n";

/* Dates outside the period: a plan document's rules say a plan's, the
 * gaps count them and say a record's. */
static void
test_gaps_period(void **state)
{
	size_t n;

	(void)state;
	add(dated_plan);
	n = eco_plan_gaps(t.p, &t.d, NULL);
	assert_true(t.p->actions[0].v.gaps & ECO_GAP_PERIODE);
	assert_true(t.p->actions[1].v.gaps & ECO_GAP_PERIODE);
	assert_true(t.p->indicateurs[0].v.gaps & ECO_GAP_PERIODE);
	/* the plan's: counted, not said twice; the record: said, at its fin */
	assert_null(diag_at("/objectifs/0/transformations/enfant/actions/0/fin"));
	assert_null(diag_at(
	    "/objectifs/0/transformations/enfant/indicateurs/0/echeance"));
	assert_null(diag_at("/calendrier_suivi/0"));
	assert_non_null(diag_at("/fin"));
	assert_int_equal(t.d.n, 3);	/* and two systems without one */
	/* the plan's follow-up, its action's end and milestone, its
	 * indicator's deadline, the record's end; the two systems */
	assert_int_equal(n, 7);
	assert_int_equal(t.p->objectifs[0].v.gaps, ECO_GAP_TRANSFORMATION);
}

/* The rules of a plan document say each of its dates once, as the gaps
 * of a record would: the same messages, their positions and pointers. */
static void
test_rules_dates(void **state)
{
	struct eco_index *x = eco_index_new();
	const struct eco_diag *g;

	(void)state;
	assert_non_null(x);
	assert_int_equal(docs_of(dated_plan, strlen(dated_plan), "plan.yaml",
	    &t.other, 1), 1);
	eco_rules_doc(x, t.other, &t.d);
	eco_index_free(x);
	g = said_in(&t.d, "action « a » ends (2028-01-01) after the plan's period");
	assert_int_equal(g->sev, ECO_SEV_ERROR);
	assert_string_equal(g->check, "plan");
	assert_string_equal(g->path,
	    "/objectifs/0/transformations/enfant/actions/0/fin");
	g = said_in(&t.d, "follow-up date 2027-09-01 of the plan falls outside");
	assert_string_equal(g->path, "/calendrier_suivi/0");
	assert_int_equal(g->line, 4);
	assert_int_equal(g->sev, ECO_SEV_WARNING);
	g = said_in(&t.d, "the deadline 2026-01-01 of indicator « i » falls before");
	assert_string_equal(g->path,
	    "/objectifs/0/transformations/enfant/indicateurs/0/echeance");
	g = said_in(&t.d, "milestone 2026-08-01 of action « a »");
	assert_string_equal(g->path,
	    "/objectifs/0/transformations/enfant/actions/0/jalons/0/date");
	assert_int_equal(t.d.n, 4);
}

/* The rules of the plan's dates and of its transformations, as
 * eco-validate checks a plan: an item without id named by its place. */
static void
test_rules_plan(void **state)
{
	static const char text[] =
	    "kind: plan\nperiode: {debut: 2026-09-01, fin: 2027-06-30}\n"
	    "objectifs:\n- id: o1\n  transformations:\n    enfant:\n"
	    "      indicateurs: [{id: i1, cible: 3, echeance: 2027-12-31}]\n"
	    "      actions:\n"
	    "      - {id: a1, debut: 2027-02-01, fin: 2027-01-01}\n"
	    "      - {id: a2, debut: 2026-01-01, fin: 2027-08-01}\n"
	    "      - {debut: 2026-01-01, responsable: r, partenaires: [r]}\n"
	    "    famille:\n      indicateurs: [{id: i2, cible: 3}]\n"
	    "---\nkind: plan\nperiode: {debut: 2027-01-01, fin: 2026-01-01}\n"
	    "objectifs:\n- id: o2\n  transformations:\n    enfant:\n"
	    "      indicateurs: [{id: i3, cible: 3}]\n";
	struct eco_index *x = eco_index_new();
	struct eco_doc *v[2];
	size_t i;

	(void)state;
	assert_non_null(x);
	assert_int_equal(docs_of(text, strlen(text), "plan.yaml", v, 2), 2);
	for (i = 0; i < 2; i++) {
		eco_rules_doc(x, v[i], &t.d);
		eco_doc_free(v[i]);
	}
	eco_rules_project(x, &t.d);
	eco_index_free(x);
	assert_string_equal(
	    said_in(&t.d, "action « a1 » ends (2027-01-01) before it begins (2027-02-01)")->path,
	    "/objectifs/0/transformations/enfant/actions/0/fin");
	said_in(&t.d, "action « a2 » begins (2026-01-01) before the plan's period");
	said_in(&t.d, "action « a2 » ends (2027-08-01) after the plan's period");
	said_in(&t.d, "the deadline 2027-12-31 of indicator « i1 » falls after");
	said_in(&t.d, "action « o1-enfant, no. 3 » begins (2026-01-01) before");
	assert_string_equal(said_in(&t.d,
	    "« r » is already the responsable of action « o1-enfant, no. 3 »")->path,
	    "/objectifs/0/transformations/enfant/actions/2/partenaires/0");
	/* i2 is due at the plan's end; i1 is due after it, but has a date */
	assert_int_equal(said_count("no indicator has both"), 1);
	/* a period that ends before it begins is no period */
	said_in(&t.d, "the plan's period ends (2026-01-01) before it begins");
	said_in(&t.d, "transformation « enfant » of objective « o2 »: no indicator");
}

/* Filters and the calendar. */

static void
test_predicates(void **state)
{
	const struct eco_action_view *a;

	(void)state;
	add(complete_plan);
	a = &t.p->actions[1];	/* 2026-10-01 to 2027-06-30 */
	assert_true(eco_action_between(a, "2027-06-30", "2027-12-31"));
	assert_false(eco_action_between(a, "2027-07-01", "2027-12-31"));
	assert_true(eco_action_between(a, "2026-01-01", "2026-10-01"));
	assert_false(eco_action_between(a, "2026-01-01", "2026-09-30"));
	assert_true(eco_action_between(a, NULL, NULL));
	assert_true(eco_action_has_partner(a, "biblio"));
	assert_false(eco_action_has_partner(a, "maison"));
	assert_true(eco_action_funded_by(a, "fx"));
	assert_false(eco_action_funded_by(a, "fy"));
	assert_false(eco_action_funded_by(a, NULL));
}

static void
test_calendar(void **state)
{
	static const struct { const char *date, *id; enum eco_echeance_kind w; } want[] = {
		{ "2027-01-15", "act-e", ECO_ECH_ACTION },
		{ "2027-01-15", "act-f", ECO_ECH_ACTION },
		{ "2027-02-01", "p1", ECO_ECH_PLAN },
		{ "2027-06-01", "p1", ECO_ECH_PLAN },
		{ "2027-06-01", "act-c", ECO_ECH_ACTION },
		{ "2027-12-31", "ind-e", ECO_ECH_INDICATEUR },
		{ "2028-06-30", "ind-c", ECO_ECH_INDICATEUR },
		{ "2028-06-30", "ind-f", ECO_ECH_INDICATEUR },
	};
	size_t n, i;

	(void)state;
	t.cal = eco_plan_calendar(t.p, &n);
	assert_null(t.cal);
	assert_int_equal(n, 0);
	add(complete_plan);
	t.cal = eco_plan_calendar(t.p, &n);
	assert_non_null(t.cal);
	assert_int_equal(n, sizeof want / sizeof *want);
	for (i = 0; i < n; i++) {
		assert_string_equal(t.cal[i].date, want[i].date);
		assert_string_equal(t.cal[i].id, want[i].id);
		assert_int_equal(t.cal[i].what, want[i].w);
	}
	assert_ptr_equal(&t.p->actions[t.cal[4].index], &t.p->actions[2]);
}

/* A document the caller keeps: the same views, the document its own. */
static void
test_add_doc(void **state)
{
	(void)state;
	assert_int_equal(docs_of(complete_plan, strlen(complete_plan),
	    "plan.yaml", &t.other, 1), 1);
	assert_int_equal(eco_plan_add_doc(t.p, t.other), 1);
	assert_int_equal(t.p->nactions, 3);
	assert_int_equal(eco_plan_nviews(t.p, ECO_VIEW_TRANSFORMATION), 3);
	assert_ptr_equal(eco_plan_view(t.p, ECO_VIEW_ACTION, 2),
	    &t.p->actions[2].v);
	assert_null(eco_plan_view(t.p, ECO_VIEW_ACTION, 3));
	assert_int_equal(eco_plan_gaps(t.p, NULL, NULL), 0);
	/* freed by teardown, after the plan: the plan did not take it */
	eco_plan_free(t.p);
	t.p = eco_plan_new();
	assert_string_equal(eco_map_str(t.other->root, "id"), "p1");
}

static size_t
kept(enum eco_view_kind k, const struct eco_plan_filter *f)
{
	size_t i, n = 0;

	for (i = 0; i < eco_plan_nviews(t.p, k); i++)
		n += eco_plan_keep(t.p, k, i, f);
	return n;
}

static void
test_filters(void **state)
{
	struct eco_plan_filter f;

	(void)state;
	add(complete_plan);
	memset(&f, 0, sizeof f);
	assert_int_equal(kept(ECO_VIEW_ACTION, &f), 3);
	f.systeme = "famille";
	assert_int_equal(kept(ECO_VIEW_ACTION, &f), 1);
	assert_int_equal(kept(ECO_VIEW_TRANSFORMATION, &f), 1);
	assert_int_equal(kept(ECO_VIEW_INDICATEUR, &f), 1);
	assert_int_equal(kept(ECO_VIEW_OBJECTIF, &f), 1);
	memset(&f, 0, sizeof f);
	f.facteur = "pratiques-parentales";
	assert_int_equal(kept(ECO_VIEW_OBJECTIF, &f) + kept(ECO_VIEW_ACTION, &f) +
	    kept(ECO_VIEW_INDICATEUR, &f) + kept(ECO_VIEW_TRANSFORMATION, &f), 0);
	f.facteur = "habitudes-lecture-parent-enfant";
	assert_int_equal(kept(ECO_VIEW_INDICATEUR, &f), 3);
	assert_int_equal(kept(ECO_VIEW_OBJECTIF, &f), 1);
	memset(&f, 0, sizeof f);
	f.responsable = "biblio";
	assert_int_equal(kept(ECO_VIEW_ACTION, &f), 1);
	assert_int_equal(kept(ECO_VIEW_INDICATEUR, &f), 1);	/* ind-e's measure */
	assert_int_equal(kept(ECO_VIEW_TRANSFORMATION, &f), 1);
	memset(&f, 0, sizeof f);
	f.partenaire = "biblio";
	assert_int_equal(kept(ECO_VIEW_ACTION, &f), 2);
	assert_int_equal(kept(ECO_VIEW_INDICATEUR, &f), 0);
	memset(&f, 0, sizeof f);
	f.from = "2028-02-01";
	f.to = "2028-12-31";
	assert_int_equal(kept(ECO_VIEW_ACTION, &f), 1);	/* act-e to 2028-06-30 */
	assert_int_equal(kept(ECO_VIEW_INDICATEUR, &f), 2);	/* the plan's end */
	assert_int_equal(kept(ECO_VIEW_OBJECTIF, &f), 1);
	f.bailleur = "fy";
	assert_int_equal(kept(ECO_VIEW_OBJECTIF, &f), 0);
}

static void
test_calendar_filters(void **state)
{
	struct eco_plan_filter f;
	size_t n, i, k;

	(void)state;
	add(complete_plan);
	t.cal = eco_plan_calendar(t.p, &n);
	memset(&f, 0, sizeof f);
	f.from = "2027-01-15";
	f.to = "2027-06-01";
	for (i = k = 0; i < n; i++)
		k += eco_plan_keep_echeance(t.p, &t.cal[i], &f);
	assert_int_equal(k, 5);		/* two actions, two reviews, one */
	f.systeme = "enfant";
	for (i = k = 0; i < n; i++)
		k += eco_plan_keep_echeance(t.p, &t.cal[i], &f);
	assert_int_equal(k, 1);		/* the plan's reviews go */
	memset(&f, 0, sizeof f);
	f.responsable = "biblio";
	for (i = k = 0; i < n; i++)
		k += eco_plan_keep_echeance(t.p, &t.cal[i], &f);
	assert_int_equal(k, 2);		/* act-e, and ind-e's deadline */
}

/* Every gap stands in the way of one planning objective of the cycle;
 * lacks records those the rules say too. */
static void
test_lacks(void **state)
{
	size_t i, all = 0, n;

	(void)state;
	add(gappy_plan);
	n = eco_plan_gaps(t.p, NULL, NULL);
	for (i = 0; eco_plan_objectives[i]; i++)
		all += eco_plan_lacks(t.p, eco_plan_objectives[i], NULL);
	assert_int_equal(all, n);
	assert_int_equal(i, 8);
	assert_string_equal(eco_plan_objectives[0], "transformations");
	assert_int_equal(eco_plan_lacks(t.p, "ajuster-plan", &t.d), 0);
	assert_int_equal(eco_plan_lacks(t.p, NULL, &t.d), 0);
	/* the rules say the transformation without a target: lacks too */
	n = eco_plan_lacks(t.p, "indicateurs-cibles", &t.d);
	assert_int_equal(n, t.d.n);
	said_in(&t.d, "transformation « obj-a-enfant » has no indicator with a target");
	said_in(&t.d, "indicator « ind-1 » has no target");
	assert_true(t.p->transformations[0].v.gaps & ECO_GAP_CIBLE);
	assert_false(t.p->actions[0].v.gaps);	/* not this objective's */
	eco_diags_clear(&t.d);
	assert_int_equal(eco_plan_lacks(t.p, "decrire-actions", &t.d), 4);
	assert_string_equal(t.d.v[0].msg, "the plan's period has no end date (fin)");
	said_in(&t.d, "action « act-1 » has no description (description)");
	said_in(&t.d, "action « act-1 » has no end date (fin)");
	said_in(&t.d, "milestone 2026-09-15 of action « act-1 »");
	eco_diags_clear(&t.d);
	assert_int_equal(eco_plan_lacks(t.p, "calendrier-suivi", &t.d), 0);
	eco_plan_free(t.p);
	assert_non_null(t.p = eco_plan_new());
	add(dated_plan);
	assert_int_equal(eco_plan_lacks(t.p, "calendrier-suivi", &t.d), 1);
	said_in(&t.d, "follow-up date 2027-09-01 of the plan");
}

/* The verdict: the schema's error at a gap's pointer goes, the rest
 * stays, gaps after; left counts errors and warnings. */
static void
test_verdict(void **state)
{
	struct eco_plan_counts c;
	struct eco_diags checks, out;
	struct eco_doc *doc;
	const struct eco_node *j, *g;
	size_t left;

	(void)state;
	add(gappy_plan);
	eco_diags_init(&checks);
	eco_diags_init(&out);
	eco_diag_add(&checks, "plan.yaml", 5, 3, ECO_SEV_ERROR, "schema",
	    "wrong type");
	eco_diag_set_path(&checks, "/periode/fin");
	eco_diag_add(&checks, "plan.yaml", 7, 5, ECO_SEV_ERROR, "schema",
	    "missing required key « facteur »");
	eco_diag_set_path(&checks, "/objectifs/0");
	eco_diag_add(&checks, "plan.yaml", 7, 5, ECO_SEV_ERROR, "schema",
	    "missing required key « rang »");
	eco_diag_set_path(&checks, "/objectifs/0");
	eco_diag_add(&checks, "plan.yaml", 1, 1, ECO_SEV_NOTE, NULL, "a note");
	left = eco_plan_verdict(t.p, &checks, &out, &c);
	/* the rang error, and the gaps but the one the rules say */
	assert_int_equal(left, 1 + c.gaps - 2);
	assert_string_equal(out.v[0].msg, "missing required key « rang »");
	assert_string_equal(out.v[1].msg, "a note");
	assert_int_equal(out.n, 2 + c.gaps - 2);
	assert_non_null(doc = eco_doc_new(NULL));
	assert_non_null(j = eco_plan_verdict_json(doc, &c, 3, &out));
	assert_false(eco_map_bool(j, "complet", 1));
	assert_int_equal(eco_map_get(j, "restants")->u.i, 3);
	assert_int_equal(eco_node_path(j, "comptes.action.total")->u.i, 1);
	g = eco_map_seq(j, "diagnostics");
	assert_int_equal(g->len, out.n);
	/* in place order: the note at 1:1 first */
	assert_string_equal(eco_map_str(g->u.items[0], "gravite"), "note");
	assert_int_equal(eco_map_get(g->u.items[0], "verification")->type,
	    ECO_NULL);
	assert_string_equal(eco_map_str(g->u.items[1], "fichier"), "plan.yaml");
	eco_doc_free(doc);
	eco_diags_free(&checks);
	eco_diags_free(&out);
}

/* The problems of a document passed through are not the plan's. */
static void
test_diags_of_the_plan(void **state)
{
	static const char text[] =
	    "kind: constat\nversion: 1\nid: c\n"
	    "---\nkind: action\nversion: 1\nid: a\n"
	    "---\nkind: priorite\nversion: 1\nid: p\n";
	struct eco_doc *v[3];
	struct eco_diags check, out;
	size_t n;

	(void)state;
	n = docs_of(text, strlen(text), "in.yaml", v, 3);
	eco_diags_init(&check);
	eco_diags_init(&out);
	eco_diag_add(&check, "in.yaml", 2, 1, ECO_SEV_ERROR, "schema", "constat");
	eco_diag_add(&check, "in.yaml", 6, 1, ECO_SEV_ERROR, "schema", "action");
	eco_diag_add(&check, "in.yaml", 9, 1, ECO_SEV_ERROR, "schema", "priorite");
	eco_diag_add(&check, "eco.yaml", 2, 1, ECO_SEV_ERROR, "schema", "eco");
	eco_diag_add(&check, "in.yaml", 12, 1, ECO_SEV_ERROR, "yaml", "after");
	eco_plan_diags(&out, &check, (const struct eco_doc *const *)v, n);
	assert_int_equal(out.n, 4);
	assert_string_equal(out.v[0].msg, "action");
	assert_string_equal(out.v[3].msg, "after");
	eco_diags_free(&out);
	eco_diags_init(&out);
	eco_plan_diags(&out, &check, NULL, 0);
	assert_int_equal(out.n, 5);
	eco_diags_free(&out);
	eco_diags_free(&check);
	while (n)
		eco_doc_free(v[--n]);
}

/* The skeleton: one objective per factor the priorities retain, in
 * the order of their ranks, their priorities as reminders in their
 * system, every slot the gaps ask for, and it reads back as a plan
 * whose only problems are its empty slots. */
static void
test_skeleton(void **state)
{
	static const char prio[] =
	    "kind: priorite\nversion: 1\nid: pri-b\nsysteme: famille\n"
	    "facteur: f\nrang: 2\nenonce: \"Lire : chaque soir\"\n"
	    "---\nkind: priorite\nversion: 1\nid: pri-a\nsysteme: enfant\n"
	    "facteur: g\nrang: 1\n"
	    "---\nkind: priorite\nversion: 1\nid: pri-c\nsysteme: enfant\n"
	    "facteur: f\nrang: 3\n"
	    "---\nkind: priorite\nversion: 1\nid: pri-d\nsysteme: enfant\n";
	struct eco_doc *docs[4], *doc;
	struct eco_pris *pris;
	struct eco_plan *sk;
	char *buf = NULL;
	size_t len = 0, n, i;
	FILE *f;

	(void)state;
	schema("plan");
	assert_int_equal(n = docs_of(prio, strlen(prio), "p.yaml", docs, 4), 4);
	assert_non_null(pris = eco_pris_new((const struct eco_doc *const *)docs,
	    n));
	assert_non_null(f = open_memstream(&buf, &len));
	assert_int_equal(eco_plan_skeleton(f, t.set, pris, NULL, &t.d), 0);
	fclose(f);
	assert_non_null(strstr(buf, "kind: plan\nversion: 1\n"));
	assert_true(strstr(buf, "- id: obj-g") < strstr(buf, "- id: obj-f"));
	assert_non_null(strstr(buf, "priorites: [pri-b, pri-c]"));
	assert_null(strstr(buf, "pri-d]"));
	assert_non_null(strstr(buf, "# Priority pri-b: Lire : chaque soir"));
	assert_non_null(strstr(buf, "            description:"));
	assert_null(strstr(buf, "# description:"));
	for (i = 0; buf[i]; i += strcspn(buf + i, "\n") + 1)
		if (strcspn(buf + i, "\n") > 78 && buf[i + strspn(buf + i, " ")] == '#' &&
		    !strchr(buf + i, ':'))
			fail_msg("a comment wider than 78 columns");
	/* read back: every gap is an empty slot */
	assert_int_equal(docs_of(buf, len, "sk.yaml", &doc, 1), 1);
	assert_non_null(sk = eco_plan_new());
	assert_int_equal(eco_plan_add(sk, doc), 1);
	assert_int_equal(sk->nobjectifs, 2);
	assert_int_equal(sk->nactions, 6);
	assert_true(eco_plan_gaps(sk, NULL, NULL) > 0);
	for (i = 0; i < sk->nactions; i++)
		assert_true(sk->actions[i].v.gaps & ECO_GAP_DESCRIPTION);
	assert_true(sk->objectifs[0].v.gaps & ECO_GAP_LIBELLE);
	eco_plan_free(sk);
	free(buf);
	eco_pris_free(pris);
	for (i = 0; i < n; i++)
		eco_doc_free(docs[i]);
	assert_int_equal(t.d.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_names),
		T(test_flatten_plan),
		T(test_flatten_lenient),
		T(test_other_kinds),
		T(test_records_as_views),
		T(test_records_built),
		T(test_records_demo),
		T(test_gaps_complete),
		T(test_gaps_incomplete),
		T(test_gaps_individual),
		T(test_gaps_period),
		T(test_rules_dates),
		T(test_rules_plan),
		T(test_predicates),
		T(test_calendar),
		T(test_add_doc),
		T(test_filters),
		T(test_calendar_filters),
		T(test_lacks),
		T(test_verdict),
		T(test_diags_of_the_plan),
		T(test_skeleton),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
