/*
 * suite.c - run files of the JSON Schema Test Suite against eco's
 * validator.  Each file is a list of groups {description, schema,
 * tests: [{description, data, valid}]}; every test prints one TAP line.
 * Each group gets a fresh schema set holding the draft 2020-12
 * meta-schemas, so that groups cannot see each other's $ids.
 *
 * Two adaptations, both the suite's and not the validator's business:
 * format is an annotation here, as draft 2020-12 says by default (eco's
 * own schemas assert it), except in the files of optional/format/, which
 * test the formats as assertions; and libyaml does not read JSON's surrogate
 * pair escapes, so "\uD83D\uDCA9" is rewritten "\U0001F4A9" first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eco.h"

static int n, failed;

static void
group(const struct eco_node *g, const char *file, int formats)
{
	const struct eco_node *schema = eco_map_get(g, "schema");
	const struct eco_node *tests = eco_map_get(g, "tests");
	const struct eco_node *gdesc = eco_map_get(g, "description");
	struct eco_schemaset *set = eco_schemaset_new();
	const struct eco_schema *s;
	struct eco_diags d;
	size_t i;

	eco_diags_init(&d);
	eco_schemaset_formats(set, formats);
	eco_schemaset_add_meta(set, &d);
	s = eco_schemaset_add(set, schema, "", &d);
	if (eco_schemaset_resolve(set, &d) < 0)
		s = NULL;
	for (i = 0; tests && i < tests->len; i++) {
		const struct eco_node *t = tests->u.items[i];
		const struct eco_node *valid = eco_map_get(t, "valid");
		const struct eco_node *data = eco_map_get(t, "data");
		int got = s ? eco_schema_valid(s, data) : -1;

		n++;
		if (s && got == valid->u.b) {
			printf("ok %d - %s: %s: %s\n", n, file, gdesc->s,
			    eco_map_get(t, "description")->s);
		} else {
			failed++;
			printf("not ok %d - %s: %s: %s (expected %s)\n", n, file,
			    gdesc->s, eco_map_get(t, "description")->s,
			    valid->u.b ? "valid" : "invalid");
			if (!s && d.n)
				printf("# schema: %d:%d: %s\n", d.v[0].line,
				    d.v[0].col, d.v[0].msg);
		}
	}
	eco_diags_free(&d);
	eco_schemaset_free(set);
}

static unsigned
hex4(const char *p)
{
	char b[5];

	memcpy(b, p, 4);
	b[4] = 0;
	return (unsigned)strtoul(b, NULL, 16);
}

/* Read a file, replacing surrogate pair escapes by \U escapes. */
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

			if (hi >= 0xD800 && hi < 0xDC00 && lo >= 0xDC00 && lo < 0xE000) {
				o += sprintf(o, "\\U%08X",
				    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
				i += 12;
				continue;
			}
		}
		if (buf[i] == '\\' && i + 1 < n) {
			*o++ = buf[i++];
		}
		*o++ = buf[i++];
	}
	*len = (size_t)(o - buf);
	return buf;
}

int
main(int argc, char *argv[])
{
	struct eco_limits lim;
	int i;

	eco_limits_default(&lim);
	for (i = 1; i < argc; i++) {
		struct eco_diags d;
		struct eco_reader *r = NULL;
		struct eco_doc *doc;
		const char *base = strrchr(argv[i], '/');
		size_t j, len = 0;
		char *text = slurp(argv[i], &len);

		eco_diags_init(&d);
		if (!text || !(r = eco_reader_mem(text, len, argv[i], &lim, &d)) ||
		    eco_reader_next(r, &doc) <= 0) {
			printf("not ok %d - %s: cannot be read\n", ++n, argv[i]);
			failed++;
			eco_reader_close(r);
			eco_diags_free(&d);
			free(text);
			continue;
		}
		for (j = 0; j < doc->root->len; j++)
			group(doc->root->u.items[j], base ? base + 1 : argv[i],
			    strstr(argv[i], "optional/format/") != NULL);
		eco_doc_free(doc);
		eco_reader_close(r);
		eco_diags_free(&d);
		free(text);
	}
	printf("1..%d\n", n);
	return failed != 0;
}
