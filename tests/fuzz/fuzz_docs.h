/*
 * fuzz_docs.h - what the record targets share: the documents of an
 * input, read as a YAML stream under small limits (a fuzzer's input must
 * not blow up into millions of nodes), those with an error left out.
 */
#ifndef FUZZ_DOCS_H
#define FUZZ_DOCS_H

#include <stddef.h>
#include <stdint.h>

#include "eco.h"

/* At most cap documents of data into docs (eco_doc_free each); how many. */
static size_t
fuzz_docs(const uint8_t *data, size_t size, struct eco_doc **docs, size_t cap)
{
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_reader *r;
	size_t n = 0;

	eco_diags_init(&d);
	eco_limits_default(&lim);
	lim.nodes = 20000;
	lim.expansion = 20000;
	if ((r = eco_reader_mem((const char *)data, size, "fuzz", &lim, &d))) {
		while (n < cap && eco_reader_next(r, &docs[n]) > 0) {
			if (docs[n]->nerr || !docs[n]->root)
				eco_doc_free(docs[n]);
			else
				n++;
		}
		eco_reader_close(r);
	}
	eco_diags_free(&d);
	return n;
}

#endif
