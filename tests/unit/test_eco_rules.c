/*
 * test_eco_rules.c - unit tests of eco_rules.c: each named check of
 * eco-validate(1) on small documents, one project index per test.
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
#include "said.h"

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static struct {
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_index *x;
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_limits_default(&t.lim);
	eco_diags_init(&t.d);
	t.x = eco_index_new();
	return t.x ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	eco_index_free(t.x);
	eco_diags_free(&t.d);
	return 0;
}

/* Index every document of text as file name. */
static void
add(const char *name, const char *text)
{
	struct eco_reader *r = eco_reader_mem(text, strlen(text), name,
	    &t.lim, &t.d);
	struct eco_doc *doc;

	assert_non_null(r);
	while (eco_reader_next(r, &doc) > 0) {
		assert_int_equal(doc->nerr, 0);
		eco_rules_doc(t.x, doc, &t.d);
		eco_doc_free(doc);
	}
	eco_reader_close(r);
}

/* The number of diagnostics of check, after the project rules. */
static size_t
count(const char *check)
{
	size_t i, n = 0;

	for (i = 0; i < t.d.n; i++)
		if (t.d.v[i].check && strcmp(t.d.v[i].check, check) == 0)
			n++;
	return n;
}

static const struct eco_diag *
find(const char *text)
{
	return said_in(&t.d, text);
}

static const char members[] =
    "kind: regroupement\nversion: 1\nnom: R\nterritoire: {nom: T}\n"
    "membres:\n- {id: cpe-soleil, nom: CPE, type: service-garde}\n";

static void
test_ids_unique_per_kind(void **state)
{
	(void)state;
	eco_index_project(t.x);
	add("eco.yaml", members);
	add("c.yaml", "kind: constat\nid: c1\n---\nkind: constat\nid: c1\n"
	    "---\nkind: observation\nid: c1\n");
	eco_rules_project(t.x, &t.d);
	assert_int_equal(count("ids"), 1);
	assert_int_equal(find("id « c1 » is already taken")->line, 5);
}

static void
test_refs_resolve_with_a_suggestion(void **state)
{
	(void)state;
	eco_index_project(t.x);
	add("eco.yaml", members);
	add("s.yaml", "kind: service\nid: s1\norganisme: cpe-solei\n"
	    "facteurs: [pratiques-parentales, pratiques-parentale]\n");
	eco_rules_project(t.x, &t.d);
	assert_int_equal(count("refs"), 2);
	assert_string_equal(find("« cpe-solei »: no such member organisation "
	    "(did you mean cpe-soleil?)")->path, "/organisme");
	assert_string_equal(find("« pratiques-parentale »")->path, "/facteurs/1");
	/* the built-in catalogue knows pratiques-parentales */
	find("« pratiques-parentale »: no such protective factor (did you mean pratiques-parentales?)");
}

/* A file that could not be read: references to a kind with no known id
 * are not judged and one note counts them; a kind with known ids still
 * is. */
static void
test_refs_after_an_unread_file(void **state)
{
	const struct eco_diag *g;

	(void)state;
	eco_index_project(t.x);
	add("eco.yaml", members);
	eco_index_unread(t.x, "plan.yaml");
	eco_index_unread(t.x, "autre.yaml");	/* the first one is said */
	add("s.yaml", "kind: suivi\nid: s1\naction: act-a\n"
	    "rapporteur: cpe-solei\n");
	add("t.yaml", "kind: suivi\nid: s2\naction: act-b\n");
	eco_rules_project(t.x, &t.d);
	assert_int_equal(count("refs"), 2);
	find("« cpe-solei »: no such member organisation");
	g = find("2 references not checked");
	assert_string_equal(g->file, "plan.yaml");
	assert_int_equal(g->sev, ECO_SEV_NOTE);
	assert_int_equal(g->line, 0);
}

static void
test_outside_a_project_only_kinds_at_hand(void **state)
{
	(void)state;
	/* no eco.yaml: members are unknown, so organisme is not checked */
	add("s.yaml", "kind: service\nid: s1\norganisme: qui-que-ce-soit\n");
	eco_rules_project(t.x, &t.d);
	assert_int_equal(count("refs"), 0);
}

static void
test_meetings(void **state)
{
	(void)state;
	add("r1.yaml", "kind: rencontre\nid: r1\nnumero: 1\ndate: 2026-03-01\n"
	    "objectifs: [explorer-demarche, regles-fonctionement]\n"
	    "a_faire: [{id: t1, echeance: 2026-02-01}]\n");
	add("r2.yaml", "kind: rencontre\nid: r2\nnumero: 2\ndate: 2026-02-01\n");
	add("r3.yaml", "kind: rencontre\nid: r3\nnumero: 2\ndate: 2026-05-01\n");
	eco_rules_project(t.x, &t.d);
	find("meeting number 2 is already used by « r2 »");
	find("meeting 2 is dated 2026-02-01, before meeting 1 (2026-03-01)");
	find("to-do due 2026-02-01, before the meeting itself");
	find("« regles-fonctionement »: no such objective of the cycle (did you mean regles-fonctionnement?)");
}

static void
test_followups_and_evaluations(void **state)
{
	(void)state;
	add("s.yaml", "kind: suivi\nid: s1\ndate: 2026-01-01\nstatut: abandonnee\n"
	    "periode: {debut: 2026-03-01, fin: 2026-02-01}\n");
	add("e.yaml", "kind: evaluation\nid: e1\n"
	    "decisions: [{decision: abandon}, {decision: maintien}]\n");
	eco_rules_project(t.x, &t.d);
	find("the period followed ends (2026-02-01) before it begins");
	find("the follow-up is dated 2026-01-01, before the period it covers");
	find("an action « abandonnee » should say why");
	assert_int_equal(count("evaluation"), 1);
	find("a decision « abandon » should give its justification");
}

static void
test_diagnostic_sessions(void **state)
{
	(void)state;
	add("d1.yaml", "kind: diagnostic\nid: d1\nsession: s\nmode: groupe\n");
	add("d2.yaml", "kind: diagnostic\nid: d2\nsession: s\nmode: individuel-compile\n");
	add("d3.yaml", "kind: diagnostic\nid: d3\nsession: autre\nmode: groupe\n");
	eco_rules_project(t.x, &t.d);
	assert_int_equal(count("diagnostic"), 1);
	assert_string_equal(find("session « s » mixes ways of answering")->file,
	    "d2.yaml");
}

static void
test_priorities_draw_on_three_analyses(void **state)
{
	(void)state;
	add("c.yaml", "kind: constat\nid: c1\nanalyse: situation\n---\n"
	    "kind: constat\nid: c2\nanalyse: interventions\n");
	/* each priority says which analysis it is drawn from */
	add("p.yaml", "kind: priorite\nid: p1\nconstats: [c1, c2]\n"
	    "analyse_origine: situation\n---\nkind: priorite\nid: p2\n"
	    "constats: [c2]\nanalyse_origine: interventions\n");
	eco_rules_project(t.x, &t.d);
	assert_int_equal(count("priorites"), 1);
	find("no priority draws on a constat of the « offre-services » analysis");
}

/* A priority retains a factor of its system (a sub-factor: its
 * factor's), from the analysis of one of its constats. */
static void
test_priority_factor_and_analysis(void **state)
{
	const struct eco_diag *g;

	(void)state;
	add("c.yaml", "kind: constat\nid: c1\nanalyse: situation\n---\n"
	    "kind: constat\nid: c2\nanalyse: offre-services\n---\n"
	    "kind: constat\nid: c3\nanalyse: interventions\n");
	add("p.yaml", "kind: priorite\nid: p1\nconstats: [c1, c2]\n"
	    "analyse_origine: offre-services\nsysteme: famille\n"
	    "facteur: habitudes-lecture-parent-enfant\n---\n"
	    "kind: priorite\nid: p2\nconstats: [c3]\n"
	    "analyse_origine: situation\nsysteme: famille\n"
	    "facteur: habiletes-langagieres\n");
	eco_rules_project(t.x, &t.d);
	assert_int_equal(count("priorites"), 3);
	find("no priority draws on a constat of the « interventions » analysis");
	g = find("analysis « situation » is not that of the priority's constats (c3: interventions)");
	assert_int_equal(g->sev, ECO_SEV_ERROR);
	assert_string_equal(g->file, "p.yaml");
	assert_int_equal(g->line, 11);
	g = find("factor « habiletes-langagieres » belongs to the system « Child », not to this priority's, « Family »");
	assert_int_equal(g->line, 13);
}

static void
test_context_files_are_quiet(void **state)
{
	(void)state;
	eco_index_project(t.x);
	add("eco.yaml", members);
	add("c.yaml", "kind: constat\nid: c1\n");
	eco_index_context(t.x);
	/* read for context only: its clash with c.yaml is reported there,
	 * its own references are not checked */
	add("autre.yaml", "kind: constat\nid: c1\nfacteurs: [inconnu]\n");
	eco_rules_project(t.x, &t.d);
	assert_int_equal(count("refs"), 0);
	assert_int_equal(count("ids"), 1);
	assert_string_equal(find("is already taken")->file, "c.yaml");
}

static void
test_refs_where_the_schema_marks_them(void **state)
{
	(void)state;
	eco_index_project(t.x);
	add("eco.yaml", members);
	/* rapporteur names a member in a follow-up; a constat has no such
	 * key, its schema says so, and nothing is looked up there */
	add("s.yaml", "kind: suivi\nid: s1\naction: a-1\nrapporteur: inconnu\n"
	    "partenaires_impliques: cpe-soleil\n");
	add("c.yaml", "kind: constat\nid: c1\nrapporteur: inconnu\n");
	eco_rules_project(t.x, &t.d);
	assert_int_equal(count("refs"), 2);
	assert_string_equal(find("« inconnu »: no such member organisation")->file,
	    "s.yaml");
	assert_string_equal(find("« a-1 »: no such action")->path, "/action");
}

static void
test_objectives_of_the_plan_count(void **state)
{
	(void)state;
	add("plan.yaml", "kind: plan\nobjectifs:\n- id: obj-a\n");
	add("e.yaml", "kind: evaluation\nid: e1\nobjectif: obj-a\n---\n"
	    "kind: evaluation\nid: e2\nobjectif: obj-b\n");
	eco_rules_project(t.x, &t.d);
	assert_int_equal(count("refs"), 1);
	find("« obj-b »: no such objective (did you mean obj-a?)");
}

static void
test_todos_in_a_whole_project_only(void **state)
{
	static const char note[] =
	    "kind: note\nid: n1\nrencontre: r1\nfaites: [r1-salle, r0-avant]\n"
	    "a_faire: [{id: r1-salle}]\n";

	(void)state;
	/* files at hand: earlier meetings' to-dos may be elsewhere */
	add("n.yaml", note);
	eco_rules_project(t.x, &t.d);
	assert_int_equal(count("refs"), 0);
	eco_index_free(t.x);
	assert_non_null(t.x = eco_index_new());
	eco_index_project(t.x);
	add("n.yaml", note);
	eco_rules_project(t.x, &t.d);
	assert_int_equal(count("refs"), 2);	/* r0-avant, and meeting r1 */
	assert_string_equal(find("« r0-avant »: no such to-do")->path, "/faites/1");
}

static void
test_titles(void **state)
{
	(void)state;
	eco_index_titles(t.x);
	add("eco.yaml", members);
	add("plan.yaml", "kind: plan\nbailleurs: [{id: fx, nom: Fondation X}]\n"
	    "objectifs:\n- id: obj-a\n  libelle: Lire plus\n");
	assert_true(eco_index_has(t.x, "organisme", "cpe-soleil"));
	assert_false(eco_index_has(t.x, "organisme", "fx"));
	eco_rules_project(t.x, &t.d);
	assert_string_equal(eco_index_title(t.x, "organisme", "cpe-soleil"), "CPE");
	assert_string_equal(eco_index_title(t.x, "bailleur", "fx"), "Fondation X");
	assert_string_equal(eco_index_title(t.x, "objectif-plan", "obj-a"),
	    "Lire plus");
	/* eco's own, when names are kept */
	assert_non_null(eco_index_title(t.x, "facteur", "pratiques-parentales"));
	assert_null(eco_index_title(t.x, "organisme", "inconnu"));
	assert_true(eco_index_has(t.x, "facteur", "pratiques-parentales"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_ids_unique_per_kind),
		T(test_refs_resolve_with_a_suggestion),
		T(test_refs_after_an_unread_file),
		T(test_outside_a_project_only_kinds_at_hand),
		T(test_meetings),
		T(test_followups_and_evaluations),
		T(test_diagnostic_sessions),
		T(test_priorities_draw_on_three_analyses),
		T(test_priority_factor_and_analysis),
		T(test_context_files_are_quiet),
		T(test_refs_where_the_schema_marks_them),
		T(test_objectives_of_the_plan_count),
		T(test_todos_in_a_whole_project_only),
		T(test_titles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
