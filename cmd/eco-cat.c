/*
 * eco-cat - read YAML streams, select documents, print YAML or JSON.
 *
 * Any YAML is accepted, not only eco documents.  Selection looks at the
 * top level of each document: --kind and --id keep the documents whose
 * kind or id is one of those given; every --ou CHAMP=VALEUR must hold
 * (CHAMP may name a nested key with dots; a sequence matches when one
 * of its items equals VALEUR).  Values compare as written or as read:
 * --ou n=7 selects n: 007, --ou b=true selects b: True.
 *
 * A document goes to the output whole or not at all: JSON is built in
 * memory first, so a value JSON cannot carry (.inf, a complex key)
 * leaves no half-written document behind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "eco-cat [-o yaml|json] [--kind K]... [--id ID]... [--ou CHAMP=VALEUR]... "
    "[FICHIER|DOSSIER|-]...";

enum { O_KIND, O_ID, O_OU };

/* The selections in the order given: argv's own strings, which
 * selected() may write in. */
static struct {
	int key;
	char *s;
} *sel;
static size_t nsel;
static int write_failed;

static int
scalar_is(const struct eco_node *n, const char *v)
{
	if (!n)
		return 0;
	if (n->type == ECO_SEQ) {
		size_t i;

		for (i = 0; i < n->len; i++)
			if (scalar_is(n->u.items[i], v))
				return 1;
		return 0;
	}
	return eco_scalar_matches(n, v);
}

/* Whether root passes the selections of key: one of them (none given:
 * any), or for --ou every one. */
static int
passes(const struct eco_node *root, int key)
{
	const struct eco_node *n;
	size_t i, given = 0, one = 0;
	char *eq;

	for (i = 0; i < nsel; i++) {
		if (sel[i].key != key)
			continue;
		given++;
		if (key != O_OU) {
			n = eco_map_get(root, key == O_KIND ? "kind" : "id");
			one += scalar_is(n, sel[i].s);
			continue;
		}
		eq = strchr(sel[i].s, '=');
		*eq = '\0';
		n = eco_node_path(root, sel[i].s);
		*eq = '=';
		if (!scalar_is(n, eq + 1))
			return 0;
	}
	return key == O_OU || !given || one;
}

static int
selected(const struct eco_node *root)
{
	return nsel == 0 || (root->type == ECO_MAP && passes(root, O_KIND) &&
	    passes(root, O_ID) && passes(root, O_OU));
}

/* -1 on a failed write; a document JSON cannot carry is skipped. */
static int
emit_json(const struct eco_doc *doc, struct eco_diags *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int rc;

	if (!mem)
		return -1;
	rc = eco_emit_json(mem, doc->root, doc->file, d);
	if (fclose(mem) != 0)
		rc = -1;
	if (rc == 0 && fwrite(buf, 1, len, stdout) != len)
		rc = -1;
	free(buf);
	return rc == -1 ? -1 : 0;
}

static void
option(int key, const char *arg)
{
	void *v;

	if (key == O_OU && (!strchr(arg, '=') || arg[0] == '='))
		cli_usage_error(NULL, _("--ou expects CHAMP=VALEUR, not « %s »"),
		    arg);
	if (!(v = realloc(sel, (nsel + 1) * sizeof *sel))) {
		perror(cli_prog);
		exit(ECO_EXIT_SYS);
	}
	sel = v;
	sel[nsel].key = key;
	sel[nsel++].s = (char *)arg;
}

/* Print the selected documents of every input. */
static int
run(int argc, char **argv)
{
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_input *in;
	struct eco_doc *doc;
	char **paths;
	int rc;

	eco_limits_default(&lim);
	eco_diags_init(&d);
	paths = cli_expand(argc, argv, &d);
	cli_print_diags(&d);
	in = eco_input_open(paths, &lim, &d);
	while (in && !write_failed && eco_input_next(in, &doc) > 0) {
		if (doc->nerr == 0 && selected(doc->root)) {
			if (cli.format == FMT_JSON)
				write_failed = emit_json(doc, &d) < 0;
			else
				write_failed = eco_emit_yaml(stdout, doc->root) < 0;
		}
		eco_doc_free(doc);
		cli_print_diags(&d);
	}
	eco_input_close(in);
	eco_paths_free(paths);
	free(sel);
	rc = cli_finish(&d);
	eco_diags_free(&d);
	return rc;
}

static const struct cli_option options[] = {
	{ .key = O_KIND, .name = "kind", .arg = CLI_TEXT, .metavar = "K",
	  .help = N_("only the documents of this kind (again: or that one)") },
	{ .key = O_ID, .name = "id", .arg = CLI_TEXT, .metavar = "ID",
	  .help = N_("only the documents with this id (again: or that one)") },
	{ .key = O_OU, .name = "ou", .alias = "where", .arg = CLI_TEXT,
	  .metavar = "CHAMP=VALEUR",
	  .help = N_("only the documents where CHAMP is VALEUR (again: and)") },
	{ .name = NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-cat", .usage = usage,
	.example = "eco-cat --kind constat -o json constats.yaml",
	.common = CLI_FORMAT, .formats = 1u << FMT_YAML | 1u << FMT_JSON,
	.format = FMT_YAML, .maxops = CLI_MANY, .options = options,
	.option = option, .run = run,
};

int
main(int argc, char *argv[])
{
	return cli_main(&cmd, argc, argv);
}
