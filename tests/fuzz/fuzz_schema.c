/*
 * fuzz_schema - libFuzzer target for the validator: schema × document.
 *
 * The first byte of an input says how to read the rest:
 *
 *   bit 0 (1)	seed mode: the schema is one of the groups of the JSON
 *		Schema Test Suite (tests/conformance/jsonschema-test-suite,
 *		read once), chosen by the second byte and bits 4-7 of the
 *		first; the rest, from the third byte, is the document stream.
 *		Without it, split mode: the rest is SCHEMA, a line "%%", then
 *		the document stream; with no such line, the schema is also
 *		its own document.
 *   bit 1 (2)	format is an annotation only (the suite's setting), not an
 *		assertion (eco's).
 *
 * Each input gets a fresh schema set holding the draft 2020-12
 * meta-schemas, as eco-validate --schema and the conformance suite do;
 * the schema is added, references are resolved, and when that succeeds
 * every document of the stream that loads without error is validated
 * twice: eco_schema_valid and eco_schema_check must agree (valid iff
 * no error is recorded) and every recorded error must be well formed.
 * The schema itself is checked the same way against the meta-schema
 * (which exercises $dynamicRef).  Any disagreement aborts; a hang or an
 * exponential blow-up shows as a libFuzzer time-out.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define META "https://json-schema.org/draft/2020-12/schema"
#define SEP "\n%%\n"

/* The suite's documents, kept for the process, and their group schemas. */
static struct eco_doc **suite_docs;
static size_t nsuite_docs;
static const struct eco_node **seeds;
static size_t nseeds;

static unsigned
hex4(const char *p)
{
	char b[5];

	memcpy(b, p, 4);
	b[4] = 0;
	return (unsigned)strtoul(b, NULL, 16);
}

/* Read a file; libyaml does not read JSON's surrogate pair escapes, so
 * "\uD83D\uDCA9" becomes "\U0001F4A9" (as tests/conformance/suite.c). */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf, *o;
	size_t n, i;
	long size;

	if (!fp || fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0 || !(buf = malloc((size_t)size + 1))) {
		if (fp)
			fclose(fp);
		return NULL;
	}
	n = fread(buf, 1, (size_t)size, fp);
	fclose(fp);
	for (i = 0, o = buf; i < n; ) {
		if (i + 12 <= n && buf[i] == '\\' && buf[i + 1] == 'u' &&
		    buf[i + 6] == '\\' && buf[i + 7] == 'u') {
			unsigned hi = hex4(buf + i + 2), lo = hex4(buf + i + 8);

			if (hi >= 0xD800 && hi < 0xDC00 && lo >= 0xDC00 &&
			    lo < 0xE000) {
				o += sprintf(o, "\\U%08X", 0x10000 +
				    ((hi - 0xD800) << 10) + (lo - 0xDC00));
				i += 12;
				continue;
			}
		}
		if (buf[i] == '\\' && i + 1 < n)
			*o++ = buf[i++];
		*o++ = buf[i++];
	}
	*len = (size_t)(o - buf);
	return buf;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every group schema of the .json files of dir, in the order of their
 * names. */
static void
load_suite(const char *dir)
{
	struct eco_limits lim;
	struct dirent *e;
	char **names = NULL, path[4096];
	size_t nnames = 0, i, j;
	DIR *dp;

	if (!(dp = opendir(dir)))
		return;
	while ((e = readdir(dp))) {
		size_t n = strlen(e->d_name);
		char **v;

		if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
			continue;
		if (!(v = realloc(names, (nnames + 1) * sizeof *v)))
			break;
		names = v;
		if ((names[nnames] = strdup(e->d_name)))
			nnames++;
	}
	closedir(dp);
	qsort(names, nnames, sizeof *names, cmp_names);
	eco_limits_default(&lim);
	for (i = 0; i < nnames; i++) {
		struct eco_diags d;
		struct eco_reader *r;
		struct eco_doc *doc, **dv;
		size_t len;
		char *text;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		free(names[i]);
		if (!(text = slurp(path, &len)))
			continue;
		eco_diags_init(&d);
		if ((r = eco_reader_mem(text, len, path, &lim, &d))) {
			if (eco_reader_next(r, &doc) > 0) {
				if (doc->nerr == 0 && doc->root->type == ECO_SEQ &&
				    (dv = realloc(suite_docs,
				    (nsuite_docs + 1) * sizeof *dv))) {
					suite_docs = dv;
					suite_docs[nsuite_docs++] = doc;
				} else
					eco_doc_free(doc);
			}
			eco_reader_close(r);
		}
		eco_diags_free(&d);
		free(text);
	}
	free(names);
	for (i = 0; i < nsuite_docs; i++) {
		const struct eco_node *root = suite_docs[i]->root;

		for (j = 0; j < root->len; j++) {
			const struct eco_node *s =
			    eco_map_get(root->u.items[j], "schema");
			const struct eco_node **v;

			if (!s || !(v = realloc(seeds, (nseeds + 1) * sizeof *v)))
				continue;
			seeds = v;
			seeds[nseeds++] = s;
		}
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *env = getenv("ECO_FUZZ_SUITE");
	char dir[4096];

	if (env && *env)
		load_suite(env);
	if (!nseeds)
		load_suite("tests/conformance/jsonschema-test-suite");
	if (!nseeds && *argc > 0) {
		/* build/fuzz/fuzz_schema → tests/conformance/… */
		const char *slash = strrchr((*argv)[0], '/');

		snprintf(dir, sizeof dir,
		    "%.*s/../../tests/conformance/jsonschema-test-suite",
		    slash ? (int)(slash - (*argv)[0]) : 1,
		    slash ? (*argv)[0] : ".");
		load_suite(dir);
	}
	if (!nseeds)
		fprintf(stderr, "fuzz_schema: JSON Schema Test Suite not found "
		    "(set ECO_FUZZ_SUITE): seed mode reads as split mode\n");
	else
		fprintf(stderr, "fuzz_schema: %zu seed schemas\n", nseeds);
	return 0;
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

/* Validate inst both ways: they must agree, and the errors recorded by
 * eco_schema_check must be those it counts, each at a node with a JSON
 * pointer. */
static void
validate(const struct eco_schema *s, const struct eco_node *inst)
{
	struct eco_diags d;
	size_t nerr, i;
	int ok;

	ok = eco_schema_valid(s, inst);
	eco_diags_init(&d);
	nerr = eco_schema_check(s, inst, "fuzz", &d);
	if (!d.oom && !d.sys) {
		if (ok != (nerr == 0))
			abort();	/* valid and check disagree */
		if (d.nerr != nerr)
			abort();	/* counted errors not recorded */
		for (i = 0; i < d.n; i++) {
			const struct eco_diag *g = &d.v[i];

			if (g->sev != ECO_SEV_ERROR || !g->check ||
			    strcmp(g->check, "schema") != 0 || !g->path ||
			    g->path[0] != '/' || g->line < 1 || g->col < 1)
				abort();
		}
	}
	check_diags(&d);
	eco_diags_free(&d);
}

/* Validate every error-free document of the stream buf against s. */
static void
validate_stream(const struct eco_schema *s, const char *buf, size_t len)
{
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_reader *r;
	struct eco_doc *doc;

	eco_limits_default(&lim);
	eco_diags_init(&d);
	if ((r = eco_reader_mem(buf, len, "doc", &lim, &d))) {
		while (eco_reader_next(r, &doc) > 0) {
			if (doc->nerr == 0)
				validate(s, doc->root);
			eco_doc_free(doc);
		}
		eco_reader_close(r);
	}
	eco_diags_free(&d);
}

/* Split p at the first line "%%": the schema's length, and where the
 * documents begin (p + n when there is no such line). */
static size_t
split(const char *p, size_t n, const char **doc)
{
	static const char sep[] = SEP;
	size_t i, k = sizeof sep - 1;

	*doc = p;	/* no separator: the schema is its own document */
	if (n >= k - 1 && memcmp(p, &sep[1], k - 1) == 0) {
		*doc = p + k - 1;	/* "%%" on the first line */
		return 0;
	}
	for (i = 0; i + k <= n; i++)
		if (p[i] == '\n' && memcmp(p + i, sep, k) == 0) {
			*doc = p + i + k;
			return i;
		}
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct eco_schemaset *set;
	struct eco_diags d;
	struct eco_limits lim;
	struct eco_reader *r = NULL;
	struct eco_doc *sdoc = NULL;
	const struct eco_schema *s = NULL, *meta;
	const struct eco_node *root = NULL;
	const char *rest, *doc;
	size_t restlen, doclen;
	unsigned flags;

	if (size < 1)
		return 0;
	flags = data[0];
	rest = (const char *)data + 1;
	restlen = size - 1;
	if (!(set = eco_schemaset_new()))
		return 0;
	eco_diags_init(&d);
	eco_schemaset_formats(set, !(flags & 2));
	if (eco_schemaset_add_meta(set, &d) < 0 || d.nerr)
		abort();	/* the built-in meta-schemas must compile */
	if ((flags & 1) && nseeds && size >= 2) {
		root = seeds[(data[1] | (flags >> 4) << 8) % nseeds];
		doc = rest + 1;
		doclen = restlen - 1;
	} else {
		size_t slen = split(rest, restlen, &doc);

		doclen = restlen - (size_t)(doc - rest);
		eco_limits_default(&lim);
		if ((r = eco_reader_mem(rest, slen, "schema", &lim, &d)) &&
		    eco_reader_next(r, &sdoc) > 0) {
			if (sdoc->nerr == 0)
				root = sdoc->root;
			eco_schemaset_adopt(set, sdoc);
		}
		eco_reader_close(r);
	}
	if (root) {
		s = eco_schemaset_add(set, root, "", &d);
		if (eco_schemaset_resolve(set, &d) < 0)
			s = NULL;
		if (!(meta = eco_schemaset_get(set, META)))
			abort();
		validate(meta, root);
	}
	if (s)
		validate_stream(s, doc, doclen);
	check_diags(&d);
	eco_diags_free(&d);
	eco_schemaset_free(set);
	return 0;
}
