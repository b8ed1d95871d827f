/*
 * fuzz_suivi - libFuzzer target for the follow-up reader (eco_suivi.c).
 *
 * An input is a YAML stream: the documents of the plan's kinds (a plan,
 * or records of actions) make the plan, the others are read as the
 * project's follow-ups, whatever they hold: eco_suivi is lenient with
 * documents it has not checked, as eco-vue and eco-suivi rely on.  Then,
 * on two days and on none: the dates due and missing (each answer
 * checked against eco_suivi_answers), every action's state and bilan,
 * the adjustments, the totals by each key of the budget, each document
 * checked as a received sheet, and the sheet of each due date written
 * to /dev/null.  Beyond what the sanitizers see: counts are never below
 * -1, a state and an adjustment's state are in range, a missing date
 * has no answer and every diagnostic is well formed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXDOCS 64

static void
check_diags(const struct eco_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (!d->v[i].msg || d->v[i].line < 0 || d->v[i].col < 0)
			abort();
}

static void
dues(struct eco_plan *p, const struct eco_budget *bu,
    const struct eco_doc *const *v, size_t n, const char *au, FILE *null)
{
	struct eco_due *d;
	size_t i, m, k;

	d = eco_suivi_dues(p, v, n, au, &m);
	for (i = 0; m != (size_t)-1 && i < m; i++) {
		if (d[i].action >= p->nactions)
			abort();
		if (d[i].suivi && eco_suivi_answers(&p->actions[d[i].action],
		    d[i].suivi) != d[i].date)
			abort();
		if (!d[i].suivi && i < 4 && bu)
			eco_suivi_sheet_yaml(null, NULL, p, bu, d[i].action,
			    d[i].date, v, n, au);
	}
	free(d);
	d = eco_suivi_missing(p, v, n, au, NULL, 1, &m);
	for (k = 0; m != (size_t)-1 && k < m; k++)
		if (d[k].suivi)
			abort();
	free(d);
}

static void
per_action(struct eco_plan *p, const struct eco_doc *const *v, size_t n,
    const char *au)
{
	struct eco_suivi_state st;
	struct eco_bilan b;
	const char *texts[8];
	size_t i, k;

	for (i = 0; i < p->nactions; i++) {
		eco_suivi_bilan(&p->actions[i], v, n, au, &b);
		for (k = 0; k < ECO_NREACH; k++)
			if (b.rejoints[k] < -1)
				abort();
		if (b.prevus < -1 || b.atteints < -1)
			abort();
		eco_suivi_texts(&p->actions[i], v, n, au, "obstacles", texts, 8);
		if (!au)
			continue;
		eco_suivi_state(&p->actions[i], v, n, au, &st);
		if ((int)st.etat < 0 || st.etat >= ECO_NETATS)
			abort();
	}
}

static void
adjustments_and_sums(struct eco_plan *p, const struct eco_doc *const *v,
    size_t n, const char *au)
{
	struct eco_ajustement *a;
	struct eco_suivi_sum *s;
	struct eco_budget *b;
	struct eco_diags d;
	size_t i, m;
	int k;

	a = eco_suivi_ajustements(p, v, n, au, &m);
	for (i = 0; m != (size_t)-1 && i < m; i++)
		if ((int)a[i].etat < 0 || a[i].etat >= ECO_NAJUST || !a[i].texte)
			abort();
	free(a);
	eco_diags_init(&d);
	if ((b = eco_budget_new(p, NULL, &d)))
		for (k = 0; k <= ECO_BY_BAILLEUR; k++) {
			free(s = eco_suivi_sums(p, b, k, v, n, au, &m));
			free(eco_suivi_sums(p, b, ECO_NBY, v, n, au, &m));
		}
	eco_budget_free(b);
	for (i = 0; au && i < n; i++)
		eco_suivi_check(p, v[i], v, n, au, &d);
	check_diags(&d);
	eco_diags_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const days[] = { "2027-06-01", "2027-12-15", NULL };
	struct eco_doc *docs[MAXDOCS], *doc;
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_diags d;
	struct eco_budget *bu;
	struct eco_plan *p;
	size_t n = 0, i;
	FILE *null;

	eco_limits_default(&lim);
	eco_diags_init(&d);
	if (!(p = eco_plan_new()) || !(null = fopen("/dev/null", "w")))
		abort();
	if ((r = eco_reader_mem((const char *)data, size, "fuzz.yaml", &lim,
	    &d))) {
		/* the plan takes its kinds (1, or -1 when memory runs out) */
		while (n < MAXDOCS && eco_reader_next(r, &doc) > 0)
			if (doc->nerr)
				eco_doc_free(doc);
			else if (eco_plan_add(p, doc) == 0)
				docs[n++] = doc;
		eco_reader_close(r);
	}
	bu = eco_budget_new(p, NULL, &d);
	for (i = 0; i < 3; i++) {
		dues(p, bu, (const struct eco_doc *const *)docs, n, days[i], null);
		per_action(p, (const struct eco_doc *const *)docs, n, days[i]);
		adjustments_and_sums(p, (const struct eco_doc *const *)docs, n,
		    days[i]);
	}
	eco_budget_free(bu);
	check_diags(&d);
	fclose(null);
	for (i = 0; i < n; i++)
		eco_doc_free(docs[i]);
	eco_plan_free(p);
	eco_diags_free(&d);
	return 0;
}
