/*
 * fuzz_diagnostic - libFuzzer target for the readers of the partnership
 * diagnostic (lib/eco_diagnostic.c).
 *
 * An input is a YAML stream.  Its documents are read twice: as the
 * questionnaire (the sequence of condition documents that
 * eco_questionnaire_read takes, so a crafted questionnaire with missing,
 * repeated or out-of-range numbers is tried), and as answers compiled
 * into sessions against the built-in questionnaire, whatever their
 * kind, values or types.  On top of what the sanitizers see: every
 * count and score stays in its range, the weakest-first order is a
 * permutation of the 18 items, and a rejected questionnaire says why.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct eco_questionnaire *builtin;
static struct eco_doc *parts[16];	/* data/diagnostic.yaml's, kept */

/* The questionnaire of data/diagnostic.yaml, read from the source tree
 * (run.sh works from its top and compiles in the schemas only). */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_reader *r;
	struct eco_doc *seq = eco_doc_new("data/diagnostic.yaml");
	size_t n = 0;

	(void)argc, (void)argv;
	eco_diags_init(&d);
	eco_limits_default(&lim);
	if (!seq || !(seq->root = eco_node_seq(seq)) ||
	    !(r = eco_reader_open("data/diagnostic.yaml", &lim, &d)))
		abort();
	while (n < 16 && eco_reader_next(r, &parts[n]) > 0)
		if (eco_seq_push(seq, seq->root, parts[n++]->root) < 0)
			abort();
	eco_reader_close(r);
	if (!(builtin = eco_questionnaire_read(seq, &d)))
		abort();
	eco_diags_free(&d);
	return 0;
}

static void
check_tally(const struct eco_tally *t, unsigned ndocs)
{
	if (t->n[0] + t->n[1] + t->n[2] != t->total ||
	    t->score < -1 || t->score > 200 || t->spread < -1 ||
	    t->spread > 200 || (t->total == 0) != (t->score == -1) ||
	    (ndocs < 2 && t->spread != -1))
		abort();
}

static void
check_session(const struct eco_session *s)
{
	int seen[ECO_NITEMS + 1] = { 0 };
	char buf[ECO_SCORE_BUFSZ];
	size_t i;

	if (!s->id || !s->debut || !s->fin || strcmp(s->debut, s->fin) > 0 ||
	    !s->ndocs)
		abort();
	for (i = 0; i < ECO_NITEMS; i++) {
		check_tally(&s->items[i], (unsigned)s->ndocs);
		if (s->order[i] < 1 || s->order[i] > ECO_NITEMS ||
		    seen[s->order[i]]++)
			abort();
		if (s->items[i].total > s->ndocs)
			abort();
		eco_score_text(s->items[i].score, 0, 1, buf);
	}
	for (i = 0; i < ECO_NCONDITIONS; i++)
		check_tally(&s->conditions[i], (unsigned)s->ndocs);
	check_tally(&s->all, 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_reader *r;
	struct eco_doc *doc, **docs = NULL, *seq;
	struct eco_questionnaire *q;
	struct eco_sessions *v;
	size_t n = 0, i;

	eco_diags_init(&d);
	eco_limits_default(&lim);
	r = eco_reader_mem((const char *)data, size, "fuzz.yaml", &lim, &d);
	while (r && eco_reader_next(r, &doc) > 0) {
		if (doc->nerr) {
			eco_doc_free(doc);
			continue;
		}
		docs = realloc(docs, (n + 1) * sizeof *docs);
		if (!docs)
			abort();
		docs[n++] = doc;
	}
	eco_reader_close(r);
	/* the documents as a questionnaire: one sequence of them all */
	if ((seq = eco_doc_new("fuzz.yaml")) && (seq->root = eco_node_seq(seq))) {
		for (i = 0; i < n; i++)
			if (eco_seq_push(seq, seq->root, docs[i]->root) < 0)
				abort();
		q = eco_questionnaire_read(seq, &d);
		if (!q && !d.nerr && !d.sys)
			abort();	/* refused without a reason */
		eco_questionnaire_free(q);
	} else
		eco_doc_free(seq);
	/* the documents as answers */
	v = eco_sessions_new(builtin, (const struct eco_doc *const *)docs, n);
	for (i = 0; v && i < v->n; i++)
		check_session(&v->v[i]);
	eco_sessions_free(v);
	for (i = 0; i < n; i++)
		eco_doc_free(docs[i]);
	free(docs);
	eco_diags_free(&d);
	return 0;
}
