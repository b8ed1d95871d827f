/*
 * eco-gabarit - the worksheet of a kind: a YAML skeleton with the
 * guidance of the schema as comments, or a printable form (md, html).
 *
 * Partners fill worksheets and send them back: the YAML one begins with
 * the yaml-language-server line so that an editor completes and checks
 * it, and each one names the section of eco-formats(5) that explains
 * it.  Everything it says comes from the schemas (lib/eco_sheet.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "eco-gabarit [-o yaml|md|html] [--organisme ID] [--exemple] SORTE | "
    "eco-gabarit --liste";

/* The kinds and the title of each, one per line. */
static int
list_kinds(struct eco_schemaset *set)
{
	const char *names[64];
	char sec[256];
	size_t n = eco_sheet_kinds(set, names, 64), i;

	for (i = 0; i < n && i < 64; i++)
		if (eco_sheet_section(set, names[i], sec, sizeof sec))
			printf("%s\n", sec);
	return cli_flush();
}

static struct eco_schemaset *
schemas(struct eco_diags *d)
{
	struct eco_schemaset *set = eco_schemaset_new();

	if (!set) {
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
		return NULL;
	}
	if (eco_schemaset_add_eco(set, d) < 0 || eco_schemaset_resolve(set, d) < 0) {
		eco_diag_sys(d, NULL, "%s", _("eco's schemas cannot be read"));
		eco_schemaset_free(set);
		return NULL;
	}
	return set;
}

/* No kind, or an unknown one: say which there are, exit 2. */
static _Noreturn void
bad_kind(struct eco_schemaset *set, const char *kind, struct eco_diags *d)
{
	const char *names[64];
	char list[1024] = "";
	size_t n, i;

	if (kind) {
		struct eco_sheet_opts o = { ECO_SHEET_YAML, NULL, 0 };

		eco_sheet_write(stdout, set, kind, &o, d);
		cli_print_diags(d);
		eco_schemaset_free(set);
		cli_usage_error(NULL, NULL);
	}
	n = eco_sheet_kinds(set, names, 64);
	for (i = 0; i < n && i < 64; i++) {
		if (i)
			strncat(list, ", ", sizeof list - strlen(list) - 1);
		strncat(list, names[i], sizeof list - strlen(list) - 1);
	}
	eco_schemaset_free(set);
	cli_usage_error(NULL, _("which kind of worksheet? one of: %s"), list);
}

enum { O_ORGANISME, O_EXEMPLE, O_LISTE };

static struct eco_sheet_opts o = { ECO_SHEET_YAML, NULL, 0 };
static int listing;

static void
option(int key, const char *arg)
{
	switch (key) {
	case O_ORGANISME: o.organisme = arg; break;
	case O_EXEMPLE: o.example = 1; break;
	case O_LISTE: listing = 1; break;
	}
}

static int
run(int argc, char **argv)
{
	struct eco_schemaset *set;
	struct eco_diags d;
	int rc;

	if (argc > 1 || (listing && argc > 0))
		cli_usage_error(NULL, _("one kind at a time, not « %s »"),
		    argv[argc - 1]);
	o.format = cli.format == FMT_MD ? ECO_SHEET_MD :
	    cli.format == FMT_HTML ? ECO_SHEET_HTML : ECO_SHEET_YAML;
	eco_diags_init(&d);
	if (!(set = schemas(&d))) {
		cli_print_diags(&d);
		eco_diags_free(&d);
		return ECO_EXIT_SYS;
	}
	if (listing)
		rc = list_kinds(set);
	else if (argc == 0 || !eco_schemaset_kind(set, argv[0]))
		bad_kind(set, argc ? argv[0] : NULL, &d);
	else if (eco_sheet_write(stdout, set, argv[0], &o, &d) < 0) {
		/* stdout failed already: say it once */
		cli_print_diags(&d);
		rc = ECO_EXIT_SYS;
	} else
		rc = cli_finish(&d);
	eco_schemaset_free(set);
	eco_diags_free(&d);
	return rc;
}

static const struct cli_option options[] = {
	{ .key = O_ORGANISME, .name = "organisme", .arg = CLI_ID, .metavar = "ID",
	  .help = N_("pre-fill organisme, responsable and rapporteur with this organisation") },
	{ .key = O_EXEMPLE, .name = "exemple", .alias = "example",
	  .help = N_("fill the whole worksheet with examples") },
	{ .key = O_LISTE, .name = "liste", .alias = "list",
	  .help = N_("list the kinds that have a worksheet") },
	{ .name = NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-gabarit", .usage = usage,
	.example = "eco-gabarit service --organisme maison-famille > retour-maison-famille.yaml",
	.common = CLI_FORMAT,
	.formats = 1u << FMT_YAML | 1u << FMT_MD | 1u << FMT_HTML,
	.format = FMT_YAML, .maxops = CLI_MANY, .options = options,
	.option = option, .run = run,
};

int
main(int argc, char *argv[])
{
	return cli_main(&cmd, argc, argv);
}
