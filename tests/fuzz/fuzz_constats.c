/*
 * fuzz_constats - libFuzzer target for the record readers of Outil 5
 * (lib/eco_constats.c).
 *
 * An input is a YAML stream.  Its documents, whatever their kind, values
 * or types, are read as data, observations and constats; then every
 * record is filtered, its chain followed both ways and the counts made,
 * the stream's priorities, objectives and plan read as what it leads
 * to.  On top of what the sanitizers see: a chain names records of the
 * set and never the record itself, a filter keeps only what it says and
 * the counts add up.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco.h"
#include "fuzz_docs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
records(const struct eco_constats *s, const struct eco_doc *const *docs,
    size_t n, const struct eco_plan *plan)
{
	struct eco_ct_filter f = { 0 };
	struct eco_ct_count *c;
	struct eco_ct_link *l;
	size_t i, j, nu, nd, nl, nc, *u, *d;

	for (i = 0; i < s->n; i++) {
		const struct eco_ct *r = &s->v[i];

		u = eco_ct_sources(s, r, &nu);
		d = eco_ct_uses(s, r, &nd);
		for (j = 0; u && j < nu; j++)
			if (u[j] >= s->n || u[j] == i)
				abort();
		for (j = 0; d && j < nd; j++)
			if (d[j] >= s->n || d[j] == i)
				abort();
		free(u);
		free(d);
		l = eco_ct_leads(s, r, docs, n, plan, &nl);
		for (j = 0; l && j < nl; j++)
			if (!l[j].id || !l[j].kind)
				abort();
		free(l);
		f = (struct eco_ct_filter){ .systeme = r->systeme,
		    .nature = r->nature, .analyse = r->analyse,
		    .secteur = r->secteur, .facteur = r->nfacteurs ?
		    r->facteurs[0] : NULL, .source = r->source, .annee = r->annee };
		if (!eco_ct_keep(s, r, &f))
			abort();	/* a record keeps itself */
		f.kinds = 1u << ((r->kind + 1) % ECO_NCT);
		if (eco_ct_keep(s, r, &f))
			abort();
	}
	if ((c = eco_ct_counts(s, NULL, NULL, &nc)))
		for (i = 0; i < nc; i++)
			if (c[i].force + c[i].enjeu + c[i].sans != c[i].total ||
			    !c[i].total)
				abort();
	free(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct eco_diags d;
	struct eco_doc *docs[64];
	struct eco_constats *s;
	struct eco_plan *plan;
	size_t n = 0, i;

	eco_diags_init(&d);
	n = fuzz_docs(data, size, docs, 64);
	plan = eco_plan_new();
	for (i = 0; plan && i < n; i++)
		if (eco_plan_add_doc(plan, docs[i]) < 0)
			break;
	if ((s = eco_constats_new((const struct eco_doc *const *)docs, n)))
		records(s, (const struct eco_doc *const *)docs, n, plan);
	eco_constats_free(s);
	eco_plan_free(plan);
	for (i = 0; i < n; i++)
		eco_doc_free(docs[i]);
	eco_diags_free(&d);
	return 0;
}
