/*
 * fuzz_evaluation - libFuzzer target for the evaluation reader
 * (eco_evaluation.c).
 *
 * An input is a YAML stream: the documents of the plan's kinds make the
 * plan, the others are read as the project's evaluations, whatever they
 * hold: eco_evaluation is lenient with documents it has not checked.
 * Then, on two days and on none: every indicator's results, the
 * decisions and the actions left undecided, the revision the plan owes;
 * and once, the decisions applied to the plan with the follow-up states
 * they change.  Beyond what the sanitizers see: every index is in range,
 * measures are in date order and on or before the day, a progress is
 * given only with a known aim, an abandoned action keeps no follow-up
 * date after its stop, and every diagnostic is well formed.
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
results(const struct eco_plan *p, const struct eco_doc *const *v, size_t n,
    const char *au)
{
	struct eco_resultats *rs = eco_resultats_new(p, v, n, au);
	size_t i, k;

	if (!rs)
		return;
	if (rs->n != p->nindicateurs)
		abort();
	for (i = 0; i < rs->n; i++) {
		const struct eco_resultat *r = &rs->v[i];

		if ((int)r->lecture < 0 || r->lecture > ECO_LECT_INCONNUE ||
		    (r->has_progres && r->sens == ECO_SENS_INCONNU) ||
		    (r->nmesures && r->derniere != &r->mesures[r->nmesures - 1]) ||
		    (r->en_retard && r->nmesures))
			abort();
		for (k = 0; k < r->nmesures; k++)
			if (!r->mesures[k].date || (au &&
			    strcmp(r->mesures[k].date, au) > 0) || (k &&
			    strcmp(r->mesures[k - 1].date, r->mesures[k].date) > 0))
				abort();
		eco_sens_label(r->sens);
		eco_lecture_label(r->lecture);
	}
	eco_resultats_free(rs);
}

static void
decisions(const struct eco_plan *p, const struct eco_doc *const *v,
    size_t n, const char *au)
{
	struct eco_decision *e;
	struct eco_diags d;
	size_t i, m, u[8];

	e = eco_evaluation_decisions(p, v, n, au, &m);
	for (i = 0; m != (size_t)-1 && i < m; i++)
		if (e[i].action >= p->nactions || !e[i].decision || !e[i].date ||
		    !eco_decision_label(e[i].decision))
			abort();
	free(e);
	m = eco_evaluation_undecided(p, v, n, au, u, 8);
	for (i = 0; i < m && i < 8; i++)
		if (u[i] >= p->nactions)
			abort();
	eco_diags_init(&d);
	eco_evaluation_revision(p, v, n, au, &d);
	check_diags(&d);
	eco_diags_free(&d);
}

static void
applied(struct eco_plan *p, const struct eco_doc *const *v, size_t n,
    const char *au)
{
	struct eco_suivi_state st;
	size_t i, k;

	if (eco_evaluation_apply(p, v, n, au) < 0)
		return;
	for (i = 0; i < p->nactions; i++) {
		const struct eco_action_view *a = &p->actions[i];

		for (k = 0; a->arret && k < a->ncalendrier; k++)
			if (strcmp(a->calendrier[k], a->arret) > 0)
				abort();
		eco_suivi_state(a, NULL, 0, au, &st);
		if ((int)st.etat < 0 || st.etat >= ECO_NETATS ||
		    (a->arret && strcmp(a->arret, au) <= 0 &&
		    st.etat != ECO_ETAT_ABANDONNEE))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const days[] = { "2027-06-01", "2027-12-15", NULL };
	struct eco_doc *docs[MAXDOCS], *doc;
	const struct eco_doc *const *v = (const struct eco_doc *const *)docs;
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_diags d;
	struct eco_plan *p;
	size_t n = 0, i;

	eco_limits_default(&lim);
	eco_diags_init(&d);
	if (!(p = eco_plan_new()))
		abort();
	if ((r = eco_reader_mem((const char *)data, size, "fuzz.yaml", &lim,
	    &d))) {
		while (n < MAXDOCS && eco_reader_next(r, &doc) > 0)
			if (doc->nerr)
				eco_doc_free(doc);
			else if (eco_plan_add(p, doc) == 0)
				docs[n++] = doc;
		eco_reader_close(r);
	}
	for (i = 0; i < 3; i++) {
		results(p, v, n, days[i]);
		decisions(p, v, n, days[i]);
	}
	applied(p, v, n, days[1]);
	check_diags(&d);
	for (i = 0; i < n; i++)
		eco_doc_free(docs[i]);
	eco_plan_free(p);
	eco_diags_free(&d);
	return 0;
}
