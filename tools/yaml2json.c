/*
 * yaml2json FILE - write the documents of the YAML file FILE as one JSON
 * array on standard output.
 *
 * The build runs it on each YAML file of data/ so that the library embeds the
 * method's data as JSON, which its JSON reader takes in a fraction of
 * libyaml's time at every start-up.  It reads with eco's own loader, so
 * the JSON holds exactly the values a command would have read from the
 * YAML; tests/unit/test_eco_data.c compares the two.  It is linked with
 * the library's objects but not with the embedded files it helps build:
 * the empty table below stands for them.
 */
#include <stdio.h>
#include <stdlib.h>

#include "eco.h"

struct eco_embedded {
	const char *name;
	const unsigned char *data;
	size_t len;
};
const struct eco_embedded eco_embedded_files[] = { { NULL, NULL, 0 } };

int
main(int argc, char *argv[])
{
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_reader *r;
	struct eco_doc *doc;
	size_t i, n = 0;
	int rc = 0;

	if (argc != 2) {
		fputs("usage: yaml2json FILE\n", stderr);
		return 2;
	}
	eco_limits_default(&lim);
	eco_diags_init(&d);
	if (!(r = eco_reader_open(argv[1], &lim, &d)))
		rc = 1;
	else {
		putchar('[');
		while (eco_reader_next(r, &doc) > 0) {
			if (doc->nerr)
				rc = 1;
			else {
				if (n++)
					putchar(',');
				if (eco_emit_json(stdout, doc->root, argv[1], &d))
					rc = 1;
			}
			eco_doc_free(doc);
		}
		puts("]");
		eco_reader_close(r);
	}
	for (i = 0; i < d.n; i++)
		fprintf(stderr, "%s:%d:%d: %s\n", d.v[i].file ? d.v[i].file : "",
		    d.v[i].line, d.v[i].col, d.v[i].msg);
	if (d.nerr || ferror(stdout) || fflush(stdout))
		rc = 1;
	eco_diags_free(&d);
	return rc;
}
