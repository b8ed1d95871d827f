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
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "eco-cat [-o yaml|json] [--kind K]... [--id ID]... [--ou CHAMP=VALEUR]... "
    "[FICHIER|DOSSIER|-]...";

struct sel {
	char **kinds, **ids, **ou;
	size_t nkinds, nids, nou;
};

static enum cli_format fmt = FMT_YAML;
static struct sel sel;
static int write_failed;

static void
add(char ***v, size_t *n, char *s)
{
	char **nv = realloc(*v, (*n + 1) * sizeof *nv);

	if (!nv) {
		perror(cli_prog);
		exit(ECO_EXIT_SYS);
	}
	nv[(*n)++] = s;
	*v = nv;
}

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

static int
any_of(const struct eco_node *n, char **v, size_t nv)
{
	size_t i;

	if (nv == 0)
		return 1;
	for (i = 0; i < nv; i++)
		if (scalar_is(n, v[i]))
			return 1;
	return 0;
}

static int
selected(const struct eco_node *root)
{
	size_t i;

	if (sel.nkinds + sel.nids + sel.nou == 0)
		return 1;
	if (root->type != ECO_MAP)
		return 0;
	if (!any_of(eco_map_get(root, "kind"), sel.kinds, sel.nkinds) ||
	    !any_of(eco_map_get(root, "id"), sel.ids, sel.nids))
		return 0;
	for (i = 0; i < sel.nou; i++) {
		char *eq = strchr(sel.ou[i], '=');
		const struct eco_node *n;

		*eq = '\0';
		n = eco_node_path(root, sel.ou[i]);
		*eq = '=';
		if (!scalar_is(n, eq + 1))
			return 0;
	}
	return 1;
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

/* Print the selected documents of every input. */
static void
cat(char **paths, const struct eco_limits *lim, struct eco_diags *d)
{
	struct eco_input *in = eco_input_open(paths, lim, d);
	struct eco_doc *doc;

	while (in && !write_failed && eco_input_next(in, &doc) > 0) {
		if (doc->nerr == 0 && selected(doc->root)) {
			if (fmt == FMT_JSON) {
				if (emit_json(doc, d) < 0)
					write_failed = 1;
			} else if (eco_emit_yaml(stdout, doc->root) < 0)
				write_failed = 1;
		}
		eco_doc_free(doc);
		cli_print_diags(d);
	}
	eco_input_close(in);
	cli_print_diags(d);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'o' },
		{ "kind", required_argument, NULL, 'k' },
		{ "id", required_argument, NULL, 'i' },
		{ "ou", required_argument, NULL, 'w' },
		{ "where", required_argument, NULL, 'w' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct eco_limits lim;
	struct eco_diags d;
	char **paths;
	int c;

	cli_init("eco-cat");
	while ((c = getopt_long(argc, argv, "ho:V", longopts, NULL)) != -1)
		switch (c) {
		case 'o':
			fmt = cli_format(optarg, 1u << FMT_YAML | 1u << FMT_JSON,
			    usage);
			break;
		case 'k': add(&sel.kinds, &sel.nkinds, optarg); break;
		case 'i': add(&sel.ids, &sel.nids, optarg); break;
		case 'w':
			if (!strchr(optarg, '=') || optarg[0] == '=')
				cli_usage_error(usage,
				    _("--ou expects CHAMP=VALEUR, not « %s »"),
				    optarg);
			add(&sel.ou, &sel.nou, optarg);
			break;
		case 'h':
			cli_help(usage, "eco-cat --kind constat -o json constats.yaml");
		case 'V':
			cli_version();
		default:
			cli_usage_error(usage, NULL);
		}
	eco_limits_default(&lim);
	eco_diags_init(&d);
	paths = cli_expand(argc - optind, argv + optind, &d);
	cli_print_diags(&d);
	cat(paths, &lim, &d);
	cli_free_paths(paths);
	free(sel.kinds);
	free(sel.ids);
	free(sel.ou);
	c = cli_finish(&d);
	eco_diags_free(&d);
	return c;
}
