/*
 * fuzz_load - libFuzzer target for the loader.
 *
 * Each input is read as one YAML stream through eco_reader_mem, once with
 * the default limits and once with small ones (so that every limit is hit
 * often), iterating over all its documents.  Crashes, sanitizer reports
 * and broken invariants (abort) are the findings: a loaded tree must be
 * well formed, and every diagnostic must carry a message and a sane
 * position.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eco.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Check one node and, once, what is under it; aliases make the tree a
 * DAG, so stop after a bounded number of visits. */
static void
check_node(const struct eco_node *n, size_t depth, size_t *budget)
{
	size_t i;

	if (!n || depth > 300)
		abort();
	if (n->line < 1 || n->col < 1 || n->weight < 1)
		abort();
	if (*budget == 0)
		return;
	--*budget;
	switch (n->type) {
	case ECO_SEQ:
		for (i = 0; i < n->len; i++)
			check_node(n->u.items[i], depth + 1, budget);
		break;
	case ECO_MAP:
		for (i = 0; i < n->len; i++) {
			check_node(n->u.pairs[i].key, depth + 1, budget);
			check_node(n->u.pairs[i].val, depth + 1, budget);
		}
		break;
	default:
		if (!n->s || n->s[n->len] != '\0')
			abort();
		break;
	}
}

static void
check_diags(const struct eco_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct eco_diag *g = &d->v[i];

		if (!g->msg || !*g->msg || g->line < 0 || g->col < 0 ||
		    (g->line == 0) != (g->col == 0))
			abort();
	}
}

static void
load(const uint8_t *data, size_t size, const struct eco_limits *lim)
{
	struct eco_diags d;
	struct eco_reader *r;
	struct eco_doc *doc;
	size_t budget = 100000, errors = 0;
	int rc;

	eco_diags_init(&d);
	r = eco_reader_mem((const char *)data, size, "fuzz", lim, &d);
	if (r) {
		while ((rc = eco_reader_next(r, &doc)) > 0) {
			if (!doc || !doc->root || doc->index < 1)
				abort();
			check_node(doc->root, 0, &budget);
			errors += doc->nerr;
			eco_doc_free(doc);
		}
		if (rc < 0 && d.nerr == 0 && !d.oom)
			abort();	/* -1 without a reason */
		eco_reader_close(r);
	} else if (d.nerr == 0 && !d.oom)
		abort();		/* NULL without a reason */
	if (errors > d.nerr)
		abort();		/* doc->nerr counts recorded errors */
	check_diags(&d);
	eco_diags_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct eco_limits def, small;

	eco_limits_default(&def);
	load(data, size, &def);
	small.file_size = 4096;
	small.depth = 4;
	small.nodes = 40;
	small.scalar = 16;
	small.expansion = 60;
	load(data, size, &small);
	return 0;
}
