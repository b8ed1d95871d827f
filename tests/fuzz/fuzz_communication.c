/*
 * fuzz_communication - libFuzzer target for the communication plan's
 * reader (eco_communication.c) and the record ajoute writes.
 *
 * An input is a YAML stream.  Its documents are read twice: every one
 * that loaded, whatever it holds (the readers are lenient and must never
 * trust a type), then only those valid against their kind's schema, as
 * the command reads them.  Each plan is asked everything eco-communication
 * asks: the activities' order, lateness on a few days, the periods, what
 * the plan part lacks, the budgets, the calendar with and without a
 * filter, month labels.  On top of what the sanitizers see, the order
 * and the counts must hold: activities by date with the undated last,
 * the calendar by month with one entry per audience written as text,
 * done and cancelled activities never late.  Last, the first line of the
 * input becomes the title of a new activity: its record must read back
 * as one document that is valid and carries that title.
 */
#define _GNU_SOURCE	/* open_memstream */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
odd_ones(const struct eco_com_activite *a, const char *code, void *arg)
{
	(void)arg;
	return a->order % 2 == 0 && strcmp(code, "parents") != 0;
}

static void
check_order(const struct eco_communication *c)
{
	size_t i;

	for (i = 1; i < c->n; i++) {
		const struct eco_com_activite *a = &c->v[i - 1], *b = &c->v[i];

		if (!a->date && b->date)
			abort();
		if (a->date && b->date && strcmp(a->date, b->date) > 0)
			abort();
	}
}

static void
check_calendar(const struct eco_communication *c, struct eco_diags *d)
{
	struct eco_com_entry *v;
	char label[64];
	size_t n, i, j, want = 0;

	for (i = 0; i < c->n; i++)
		for (j = 0; c->v[i].publics && j < c->v[i].publics->len; j++)
			want += c->v[i].publics->u.items[j]->type == ECO_STR;
	if (!(v = eco_com_calendar(c, NULL, NULL, &n, d)))
		return;
	if (n != want)
		abort();
	for (i = 0; i < n; i++) {
		if (!v[i].activite || !v[i].public)
			abort();
		if (i && *v[i - 1].mois && *v[i].mois &&
		    strcmp(v[i - 1].mois, v[i].mois) > 0)
			abort();
		if (i && !*v[i - 1].mois && *v[i].mois)
			abort();
		eco_com_month_label(v[i].mois, label, sizeof label);
		if (!*label)
			abort();
		eco_com_public_label(v[i].public);
	}
	free(v);
	free(eco_com_calendar(c, odd_ones, NULL, &n, d));
}

static void
ask(const struct eco_doc *const *docs, size_t n)
{
	static const char *const days[] = {
		"1900-01-01", "2027-03-31", "2027-03-15", "9999-12-31", NULL
	};
	struct eco_communication *c;
	struct eco_diags d;
	const char *keys[8];
	long long cents;
	size_t i, j, nk;

	eco_diags_init(&d);
	if (!(c = eco_communication_new(docs, n, &d))) {
		eco_diags_free(&d);
		return;
	}
	check_order(c);
	for (i = 0; i < c->n; i++) {
		const struct eco_com_activite *a = &c->v[i];

		for (j = 0; j < sizeof days / sizeof *days; j++)
			if (eco_com_late(a, days[j]) &&
			    (a->statut == ECO_COM_REALISEE ||
			    a->statut == ECO_COM_ANNULEE || !a->date))
				abort();
		eco_com_between(a, "2027-01-01", "2027-06-30");
		eco_com_between(a, NULL, NULL);
		eco_com_has_public(a, "parents");
		eco_com_statut_label(a->statut);
		if (a->id && eco_communication_id(c, a->id) == NULL)
			abort();
	}
	nk = eco_com_lacks(c, keys, 8);
	if (nk > 4 || (!c->plan && nk != 1))
		abort();
	for (i = 0; i < nk && i < 8; i++)
		eco_com_lack_label(keys[i]);
	eco_com_budget(c, 0, &cents);
	eco_com_budget(c, 1, &cents);
	check_calendar(c, &d);
	eco_communication_free(c);
	eco_diags_free(&d);
}

/* The first line of the input as a new activity's title. */
static void
new_activity(const uint8_t *data, size_t size)
{
	static const char *const pub[] = { "parents" };
	struct eco_com_in in = { .publics = pub, .npublics = 1, .budget = 1050,
	    .visee = 7 };
	struct eco_doc *doc, *keep, *back = NULL;
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_diags d;
	char title[256], fold[1024], id[128], *text = NULL;
	size_t len = 0, n;
	FILE *f;

	for (n = 0; n < size && n < sizeof title - 1 && data[n] != '\n' &&
	    data[n]; n++)
		title[n] = (char)data[n];
	title[n] = '\0';
	in.titre = title;
	in.folded = eco_text_fold(title, fold, sizeof fold);
	eco_com_new_id(&in, id, sizeof id);
	if (strncmp(id, "com-", 4) != 0)
		abort();
	if (!(doc = eco_com_new(&in, id, &keep)))
		return;
	if ((f = open_memstream(&text, &len))) {
		eco_sheet_yaml(f, doc->root);
		fclose(f);
	}
	eco_doc_free(doc);
	eco_doc_free(keep);
	eco_diags_init(&d);
	eco_limits_default(&lim);
	/* a title that is no text (empty, bad UTF-8, control characters)
	 * may fail; one that loads must come back whole and valid */
	if (text && (r = eco_reader_mem(text, len, "new", &lim, &d))) {
		if (eco_reader_next(r, &back) == 1 && back->nerr == 0 && *title &&
		    eco_kind_check(back, NULL, &d) == 0 &&
		    (!eco_map_str(back->root, "titre") ||
		    strcmp(eco_map_str(back->root, "titre"), title) != 0))
			abort();
		eco_doc_free(back);
		eco_reader_close(r);
	}
	free(text);
	eco_diags_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct eco_doc *docs[64], *valid[64];
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_diags d;
	struct eco_doc *doc;
	size_t n = 0, nv = 0, i;

	eco_diags_init(&d);
	eco_limits_default(&lim);
	lim.nodes = 20000;
	if ((r = eco_reader_mem((const char *)data, size, "communication.yaml",
	    &lim, &d))) {
		while (n < 64 && eco_reader_next(r, &doc) > 0) {
			if (doc->nerr) {
				eco_doc_free(doc);
				continue;
			}
			docs[n++] = doc;
			if (eco_kind_check(doc, NULL, &d) == 0)
				valid[nv++] = doc;
		}
		eco_reader_close(r);
	}
	ask((const struct eco_doc *const *)docs, n);
	ask((const struct eco_doc *const *)valid, nv);
	for (i = 0; i < n; i++)
		eco_doc_free(docs[i]);
	eco_diags_free(&d);
	new_activity(data, size);
	return 0;
}
