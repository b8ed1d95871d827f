/*
 * fuzz_priorites - libFuzzer target for the readers of Outil 8
 * (lib/eco_priorites.c).
 *
 * An input is a YAML stream.  Its documents, whatever their kind, values
 * or types, are read as priorities and constats; proposals are made from
 * the constats against the priorities, objectives drafted from the
 * priorities, and the skeleton of a plan written from them.  On top of
 * what the sanitizers see: the priorities come in rank order, each
 * proposal names a factor and holds constats of the set, in support
 * order, and every priority with a factor is in exactly one draft.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco.h"
#include "fuzz_docs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct eco_facteurs *fiches;
static struct eco_schemaset *set;

static void
check(const struct eco_constats *cs, const struct eco_pris *pr)
{
	struct eco_pri_seen seen;
	struct eco_pri_prop *v;
	struct eco_obj_draft *o;
	size_t n, i, j, k, in, nf = 0;
	FILE *null;

	for (i = 1; i < pr->n; i++)
		if ((pr->v[i - 1].rang ? pr->v[i - 1].rang : LONG_MAX) >
		    (pr->v[i].rang ? pr->v[i].rang : LONG_MAX))
			abort();
	v = eco_pri_propose(cs, fiches, pr, &seen, &n);
	if (!v && n != 0 && n != (size_t)-1)
		abort();
	for (i = 0; v && i < n; i++) {
		if (!v[i].facteur || !v[i].nconstats || v[i].nanalyses > 3)
			abort();
		for (j = 0; j < v[i].nconstats; j++)
			if (v[i].constats[j] < cs->v ||
			    v[i].constats[j] >= cs->v + cs->n)
				abort();
		if (i && (v[i - 1].nanalyses < v[i].nanalyses ||
		    (v[i - 1].nanalyses == v[i].nanalyses &&
		    v[i - 1].nconstats < v[i].nconstats)))
			abort();
	}
	eco_pri_props_free(v, n);
	if (!(o = eco_obj_drafts(pr, &n)))
		return;
	for (i = 0; i < pr->n; i++) {
		if (!pr->v[i].facteur)
			continue;
		nf++;
		for (in = 0, j = 0; j < n; j++)
			for (k = 0; k < o[j].npri; k++)
				in += o[j].pri[k] == &pr->v[i];
		if (in != 1)
			abort();
	}
	if (!nf != !n)
		abort();
	if (set && (null = fopen("/dev/null", "w"))) {
		struct eco_diags d;

		eco_diags_init(&d);
		eco_plan_skeleton(null, set, pr, fiches, &d);
		eco_diags_free(&d);
		fclose(null);
	}
	eco_obj_drafts_free(o, n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct eco_diags d;
	struct eco_doc *docs[64];
	struct eco_constats *cs;
	struct eco_pris *pr;
	size_t n = 0, i;

	eco_diags_init(&d);
	if (!fiches) {
		fiches = eco_facteurs_of(NULL, &d);
		if ((set = eco_schemaset_new()) &&
		    (eco_schemaset_add_eco(set, &d) < 0 ||
		    eco_schemaset_resolve(set, &d) < 0)) {
			eco_schemaset_free(set);
			set = NULL;
		}
		eco_diags_clear(&d);
	}
	n = fuzz_docs(data, size, docs, 64);
	cs = eco_constats_new((const struct eco_doc *const *)docs, n);
	pr = eco_pris_new((const struct eco_doc *const *)docs, n);
	if (cs && pr)
		check(cs, pr);
	eco_pris_free(pr);
	eco_constats_free(cs);
	for (i = 0; i < n; i++)
		eco_doc_free(docs[i]);
	eco_diags_free(&d);
	return 0;
}
