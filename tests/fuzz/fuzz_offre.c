/*
 * fuzz_offre - libFuzzer target for the readers of Outils 6 and 7
 * (lib/eco_offre.c, lib/eco_interventions.c).
 *
 * An input is a YAML stream.  Its documents, whatever their kinds,
 * values or types, are read as services and interventions: the offer is
 * counted by every axis (the sectors those of its first document that
 * has a list secteurs), its gaps judged, the matrix made for the
 * organisations its documents name, and the worksheets of the first of
 * them written, on paper and in YAML.  On top of what the sanitizers
 * see: a row counts services of the offer, each once, no more with a
 * waiting list than in all; a level is 0, 1, 2 or unknown, and the
 * totals add the levels up.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco.h"
#include "fuzz_docs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct eco_facteurs *F;
static struct eco_schemaset *SET;

static void
offer(struct eco_offre *o, const struct eco_node *secteurs)
{
	size_t i, j;

	if (eco_offre_count(o, F, secteurs) < 0)
		return;
	for (i = 0; i < o->nrows; i++) {
		const struct eco_offre_row *r = &o->rows[i];

		if (r->nattente > r->nservices || !r->key || !r->name)
			abort();
		for (j = 0; j < r->nservices; j++)
			if (r->services[j] >= o->n ||
			    (j && r->services[j] <= r->services[j - 1]))
				abort();
		if (eco_offre_lacune(r) == ECO_LACUNE_SANS_SERVICE &&
		    r->nservices)
			abort();
	}
}

static void
matrix(const struct eco_doc *const *v, size_t n, const char **orgs,
    size_t norgs)
{
	struct eco_matrice *m = eco_matrice_new(v, n, F, orgs, norgs);
	size_t o, f;
	int sum;

	for (f = 0; m && f < m->nf; f++) {
		for (o = 0, sum = 0; o < m->norgs; o++) {
			int lv = m->niveau[o * m->nf + f];

			if (lv < -1 || lv > 2)
				abort();
			sum += lv > 0 ? lv : 0;
		}
		if (sum != m->total_f[f])
			abort();
	}
	eco_matrice_free(m);
}

static void
sheets(const struct eco_doc *const *v, size_t n, const struct eco_offre *o,
    const struct eco_node *secteurs, const char *org)
{
	struct eco_report *r = eco_report_new("fr", "fuzz");
	struct eco_diags d;
	FILE *out = fopen("/dev/null", "w");

	eco_diags_init(&d);
	if (r && out) {
		eco_offre_sheet_paper(r, o, F, secteurs, org, org, 1);
		eco_interventions_sheet_paper(r, v, n, o, F, org, NULL);
		eco_report_write(out, r, ECO_R_HTML, &d);
		eco_offre_sheet_yaml(out, SET, o, org, &d);
		eco_interventions_sheet_yaml(out, v, n, o, F, org);
	}
	if (out)
		fclose(out);
	eco_report_free(r);
	eco_diags_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct eco_diags d;
	struct eco_doc *docs[64];
	struct eco_offre *o;
	const struct eco_node *secteurs = NULL;
	const char *orgs[16];
	size_t n = 0, i, j, norgs = 0;

	eco_diags_init(&d);
	if (!F && !(F = eco_facteurs_of(NULL, &d)))
		abort();
	if (!SET && (!(SET = eco_schemaset_new()) ||
	    eco_schemaset_add_eco(SET, &d) < 0 ||
	    eco_schemaset_resolve(SET, &d) < 0))
		abort();
	n = fuzz_docs(data, size, docs, 64);
	for (i = 0; i < n; i++) {
		const char *org = eco_map_str(docs[i]->root, "organisme");
		const struct eco_node *s = eco_map_seq(docs[i]->root, "secteurs");

		if (!secteurs && s && s->type == ECO_SEQ)
			secteurs = s;
		for (j = 0; org && j < norgs && strcmp(orgs[j], org); j++)
			;
		if (org && j == norgs && norgs < 16)
			orgs[norgs++] = org;
	}
	if ((o = eco_offre_new((const struct eco_doc *const *)docs, n))) {
		offer(o, secteurs);
		matrix((const struct eco_doc *const *)docs, n, orgs, norgs);
		if (norgs)
			sheets((const struct eco_doc *const *)docs, n, o, secteurs,
			    orgs[0]);
	}
	eco_offre_free(o);
	for (i = 0; i < n; i++)
		eco_doc_free(docs[i]);
	eco_diags_free(&d);
	return 0;
}
