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
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "eco-gabarit [-o yaml|md|html] [--organisme ID] [--exemple] SORTE | "
    "eco-gabarit --liste";

static int
valid_id(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-");

	return *s && *s != '-' && s[n] == '\0' && n <= 64;
}

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
		cli_usage_error(usage, NULL);
	}
	n = eco_sheet_kinds(set, names, 64);
	for (i = 0; i < n && i < 64; i++) {
		if (i)
			strncat(list, ", ", sizeof list - strlen(list) - 1);
		strncat(list, names[i], sizeof list - strlen(list) - 1);
	}
	eco_schemaset_free(set);
	cli_usage_error(usage, _("which kind of worksheet? one of: %s"), list);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'o' },
		{ "organisme", required_argument, NULL, 'O' },
		{ "exemple", no_argument, NULL, 'e' },
		{ "example", no_argument, NULL, 'e' },
		{ "liste", no_argument, NULL, 'l' },
		{ "list", no_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct eco_sheet_opts o = { ECO_SHEET_YAML, NULL, 0 };
	struct eco_schemaset *set;
	struct eco_diags d;
	int c, list = 0, rc;

	cli_init("eco-gabarit");
	while ((c = getopt_long(argc, argv, "ehlo:V", longopts, NULL)) != -1)
		switch (c) {
		case 'o':
			switch (cli_format(optarg, 1u << FMT_YAML | 1u << FMT_MD |
			    1u << FMT_HTML, usage)) {
			case FMT_MD: o.format = ECO_SHEET_MD; break;
			case FMT_HTML: o.format = ECO_SHEET_HTML; break;
			default: o.format = ECO_SHEET_YAML; break;
			}
			break;
		case 'O':
			if (!valid_id(optarg))
				cli_usage_error(usage,
				    _("« %s » is not an identifier (lowercase letters without accents, digits and hyphens)"),
				    optarg);
			o.organisme = optarg;
			break;
		case 'e': o.example = 1; break;
		case 'l': list = 1; break;
		case 'h':
			cli_help(usage,
			    "eco-gabarit service --organisme maison-famille > retour-maison-famille.yaml");
		case 'V':
			cli_version();
		default:
			cli_usage_error(usage, NULL);
		}
	argc -= optind;
	argv += optind;
	if (argc > 1 || (list && argc > 0))
		cli_usage_error(usage, _("one kind at a time, not « %s »"),
		    argv[argc - 1]);
	eco_diags_init(&d);
	if (!(set = schemas(&d))) {
		cli_print_diags(&d);
		eco_diags_free(&d);
		return ECO_EXIT_SYS;
	}
	if (list)
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
