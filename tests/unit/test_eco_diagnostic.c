/*
 * test_eco_diagnostic.c - the partnership diagnostic: the questionnaire
 * compiled in (six conditions, 18 items, the published mapping), its
 * reader's refusals, and sessions compiled from answers given as YAML
 * strings (counts, scores, spreads, the weakest first).
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

static struct eco_doc **
read_docs(const char *yaml, size_t *n)
{
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_reader *r;
	struct eco_doc **v = NULL, *doc;

	*n = 0;
	eco_limits_default(&lim);
	eco_diags_init(&d);
	r = eco_reader_mem(yaml, strlen(yaml), "t.yaml", &lim, &d);
	assert_non_null(r);
	while (eco_reader_next(r, &doc) > 0) {
		assert_int_equal(doc->nerr, 0);
		v = realloc(v, (*n + 1) * sizeof *v);
		v[(*n)++] = doc;
	}
	eco_reader_close(r);
	eco_diags_free(&d);
	return v;
}

static void
free_docs(struct eco_doc **v, size_t n)
{
	while (n--)
		eco_doc_free(v[n]);
	free(v);
}

/* The conditions' items as DOMAIN.md gives the published mapping. */
static void
builtin(void **state)
{
	static const int cond[ECO_NITEMS + 1] = { 0, 1, 1, 2, 3, 4, 6, 6, 6,
	    4, 4, 4, 5, 5, 5, 6, 5, 6, 6 };
	struct eco_diags d;
	struct eco_questionnaire *q;
	int i, sourced = 0;

	(void)state;
	eco_diags_init(&d);
	q = eco_questionnaire_load(&d);
	assert_non_null(q);
	for (i = 1; i <= ECO_NITEMS; i++) {
		const struct eco_item *it = &q->items[i - 1];

		assert_int_equal(it->numero, i);
		assert_int_equal(it->condition->numero, cond[i]);
		assert_non_null(it->enonce);
		assert_true(strlen(it->meaning[0]) > 10);
		sourced += strcmp(it->source, "outil-13") == 0;
		if (i != 5)
			assert_string_equal(it->source, "proposition");
	}
	assert_int_equal(sourced, 1);
	assert_string_equal(q->conditions[3].id, "engagement-acteurs-strategiques");
	assert_int_equal(q->conditions[5].nitems, 6);
	assert_int_equal(d.n, 0);
	eco_questionnaire_free(q);
	eco_diags_free(&d);
}

/* A questionnaire that lacks an item or gives one twice is refused,
 * at the place. */
static void
refused(void **state)
{
	const char *yaml = "- kind: condition\n  numero: 1\n  id: x\n  nom: X\n"
	    "  items:\n  - {numero: 1, theme: t, enonce: e, a: a, b: b, c: c, "
	    "source: proposition}\n  - {numero: 1, theme: t, enonce: e, a: a, "
	    "b: b, c: c, source: proposition}\n";
	struct eco_doc **v;
	struct eco_diags d;
	size_t n;

	(void)state;
	eco_diags_init(&d);
	v = read_docs(yaml, &n);
	assert_int_equal(n, 1);
	assert_null(eco_questionnaire_read(v[0], &d));
	assert_int_equal(d.nerr, 1);
	assert_int_equal(d.v[0].line, 7);
	free(v);
	eco_diags_free(&d);
}

#define ANSWERS(a) "reponses: {" \
	"\"1\": " a ", \"2\": B, \"3\": B, \"4\": B, \"5\": C, \"6\": B, " \
	"\"7\": B, \"8\": B, \"9\": B, \"10\": B, \"11\": B, \"12\": B, " \
	"\"13\": B, \"14\": B, \"15\": B, \"16\": B, \"17\": B, \"18\": A}\n"

static void
sessions(void **state)
{
	const char *yaml =
	    "kind: diagnostic\nid: x1\nsession: s2\ndate: 2027-06-10\n"
	    "mode: individuel-compile\n" ANSWERS("A") "---\n"
	    "kind: diagnostic\nid: x2\nsession: s2\ndate: 2027-06-09\n"
	    "mode: individuel-compile\n" ANSWERS("C") "---\n"
	    "kind: constat\nid: c\n---\n"
	    "kind: diagnostic\nid: g\ndate: 2026-06-11\nmode: groupe\n"
	    ANSWERS("B");
	struct eco_diags d;
	struct eco_questionnaire *q;
	struct eco_sessions *v;
	const struct eco_session *s;
	struct eco_doc **docs;
	char buf[ECO_SCORE_BUFSZ];
	size_t n;

	(void)state;
	eco_diags_init(&d);
	q = eco_questionnaire_load(&d);
	docs = read_docs(yaml, &n);
	v = eco_sessions_new(q, (const struct eco_doc *const *)docs, n);
	assert_non_null(v);
	assert_int_equal(v->n, 2);
	/* by first date: the group's, keyed by its date, then s2 */
	assert_string_equal(v->v[0].id, "2026-06-11");
	s = eco_sessions_latest(v);
	assert_ptr_equal(s, eco_sessions_find(v, "s2"));
	assert_string_equal(s->debut, "2027-06-09");
	assert_string_equal(s->fin, "2027-06-10");
	assert_int_equal(s->ndocs, 2);
	/* item 1: one A, one C: score 1, spread 2 */
	assert_int_equal(s->items[0].n[0], 1);
	assert_int_equal(s->items[0].n[2], 1);
	assert_int_equal(s->items[0].score, 100);
	assert_int_equal(s->items[0].spread, 200);
	/* item 5 is the weakest (two C), item 18 the strongest */
	assert_int_equal(s->order[0], 5);
	assert_int_equal(s->items[4].score, 0);
	assert_int_equal(s->order[ECO_NITEMS - 1], 18);
	/* condition 1 (items 1, 2): respondents at 1,50 and 0,50 */
	assert_int_equal(s->conditions[0].score, 100);
	assert_int_equal(s->conditions[0].spread, 100);
	/* one questionnaire: no spread */
	assert_int_equal(v->v[0].items[0].spread, -1);
	assert_string_equal(eco_score_text(s->all.score, 0, 1, buf), "1,00");
	assert_string_equal(eco_score_text(-25, 1, 1, buf), "\u22120,25");
	assert_string_equal(eco_score_text(-25, 1, 0, buf), "-0.25");
	assert_string_equal(eco_score_text(50, 1, 1, buf), "+0,50");
	assert_string_equal(eco_score_text(-1, 0, 1, buf), "\u2014");
	assert_non_null(eco_sessions_doc(v, "x2"));
	assert_null(eco_sessions_doc(v, "c"));
	eco_sessions_free(v);
	free_docs(docs, n);
	eco_questionnaire_free(q);
	eco_diags_free(&d);
}

/* The YAML questionnaire, once answered, is a diagnostic document. */
static void
yaml_sheet(void **state)
{
	struct eco_questionnaire_opts o = { "s-cpe", "s", "2028-06-08",
	    "groupe", "cpe" };
	struct eco_diags d;
	struct eco_questionnaire *q;
	struct eco_doc **docs;
	char *buf = NULL;
	size_t len = 0, n;
	FILE *fp;

	(void)state;
	eco_diags_init(&d);
	q = eco_questionnaire_load(&d);
	fp = open_memstream(&buf, &len);
	assert_int_equal(eco_questionnaire_yaml(fp, q, &o), 0);
	fclose(fp);
	assert_non_null(strstr(buf, "id: s-cpe\n"));
	assert_non_null(strstr(buf, q->items[4].enonce ? "  \"5\":\n" : "x"));
	docs = read_docs(buf, &n);
	assert_int_equal(n, 1);
	assert_string_equal(eco_map_str(docs[0]->root, "mode"), "groupe");
	assert_int_equal(eco_map_mapping(docs[0]->root, "reponses")->len, 18);
	free_docs(docs, n);
	free(buf);
	eco_questionnaire_free(q);
	eco_diags_free(&d);
}

/* The diagnostic schema, which the worksheet of eco-gabarit prints,
 * gives each item the questionnaire's theme, statement and meanings. */
static void
schema_agrees(void **state)
{
	struct eco_schemaset *set = eco_schemaset_new();
	struct eco_questionnaire *q;
	const struct eco_node *props, *p;
	struct eco_diags d;
	char key[16];
	int i, k;

	(void)state;
	eco_diags_init(&d);
	assert_int_equal(eco_schemaset_add_eco(set, &d), 0);
	assert_int_equal(eco_schemaset_resolve(set, &d), 0);
	q = eco_questionnaire_load(&d);
	assert_non_null(q);
	props = eco_node_path(eco_schema_node(eco_schemaset_kind(set,
	    "diagnostic")), "properties.reponses.properties");
	assert_non_null(props);
	for (i = 1; i <= ECO_NITEMS; i++) {
		const struct eco_item *it = &q->items[i - 1];

		snprintf(key, sizeof key, "%d", i);
		p = eco_map_get(props, key);
		assert_non_null(p);
		assert_non_null(strstr(eco_map_str(p, "title"), it->theme));
		assert_non_null(strstr(eco_map_str(p, "description"), it->enonce));
		for (k = 0; k < 3; k++)
			assert_non_null(strstr(eco_map_str(p, "description"),
			    it->meaning[k]));
		assert_non_null(strstr(eco_map_str(p, "description"),
		    it->condition->nom));
	}
	eco_questionnaire_free(q);
	eco_schemaset_free(set);
	eco_diags_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin),
		cmocka_unit_test(refused),
		cmocka_unit_test(sessions),
		cmocka_unit_test(yaml_sheet),
		cmocka_unit_test(schema_agrees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
