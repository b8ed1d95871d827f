/*
 * eco-init - create a project folder (Outil 1): eco.yaml, the folders of
 * the records, and the worksheets of the first stage; or, with
 * --exemple, a copy of the demonstration project.
 *
 * eco.yaml is the worksheet of eco-gabarit regroupement (lib/eco_sheet.c)
 * with the name and the territory filled in; the record files get a
 * header of guidance taken from the schemas.  Writing them is the
 * project layer's (eco_project_init): when one of the files is there
 * already, nothing is written.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "eco-init [--nom NOM] [--territoire T] [--exemple] [DOSSIER]";

#define WIDTH 76		/* of comment lines */

static const char *const folders[] = {
	"rencontres/", "suivis/", "evaluations/", "diagnostics/"
};

static struct eco_newfiles files;

/* The text written in memory, as a new file rel. */
static int
add_file(const char *rel, char *data, size_t len, struct eco_diags *d)
{
	int rc = eco_newfiles_add(&files, rel, data, len, d);

	free(data);
	return rc;
}

/* Writing text into memory. */

static FILE *
mem(char **buf, size_t *len)
{
	FILE *f = open_memstream(buf, len);

	if (!f) {
		fprintf(stderr, "%s: %s\n", cli_prog, strerror(errno));
		exit(ECO_EXIT_SYS);
	}
	return f;
}

/* The text of b as "# " comment lines of at most WIDTH columns, after a
 * line "#"; b is emptied. */
static void
comment(FILE *f, struct eco_buf *b)
{
	fputs("#\n", f);
	if (b->s && b->s[strspn(b->s, " \t\n")] != '\0') {
		fputs("# ", f);
		eco_wrap_write(f, b->s, 2, 0, WIDTH, "# ");
	}
	eco_buf_clear(b);
}

static const char *
schema_text(struct eco_schemaset *set, const char *kind, const char *key)
{
	const struct eco_schema *s = eco_schemaset_kind(set, kind);
	const struct eco_node *v = s ? eco_map_get(eco_schema_node(s), key) : NULL;

	return v && v->type == ECO_STR ? v->s : "";
}

/*
 * A record file holding no record yet: what it is for and how to add
 * records, from the schemas of its kinds.  With one kind, the first line
 * lets an editor check it.
 */
static int
record_file(struct eco_schemaset *set, const struct eco_cycle *c,
    const char *rel, const char *const *kinds, size_t nkinds,
    struct eco_diags *d)
{
	const struct eco_tool *t = eco_cycle_tool(c, 5);
	struct eco_buf b = ECO_BUF_INIT;
	char *buf, sec[256], line[ECO_MODELINE_BUFSZ];
	size_t len, i;
	FILE *f = mem(&buf, &len);

	if (nkinds == 1)
		fprintf(f, "%s\n#\n", eco_schema_modeline(kinds[0], line,
		    sizeof line));
	fprintf(f, "# %s — ", rel);
	fprintf(f, _("Outil %d: %s"), t ? t->number : 5, t ? t->name : "");
	fputc('\n', f);
	for (i = 0; i < nkinds; i++) {
		eco_buf_printf(&b, "%s : %s ", schema_text(set, kinds[i], "title"),
		    schema_text(set, kinds[i], "description"));
		eco_buf_printf(&b, _("A blank worksheet: « eco-gabarit %s »; each "
		    "field is explained in eco-formats(5), section « %s »."),
		    kinds[i], eco_sheet_section(set, kinds[i], sec, sizeof sec) ?
		    sec : kinds[i]);
		comment(f, &b);
	}
	eco_buf_printf(&b, _("This file holds one document per record, each "
	    "beginning with a line « --- ». Add records at the end of the file, "
	    "then check it with « eco-validate %s »."), rel);
	comment(f, &b);
	eco_buf_free(&b);
	fclose(f);
	return add_file(rel, buf, len, d);
}

/*
 * Fill the line "key:" that follows after (a line of the sheet, or the
 * start) with value, plain when YAML reads it back as this very string,
 * else quoted (a JSON string is a YAML one).  0, or -1 when the sheet has
 * no such line.
 */
static int
fill(char **buf, size_t *len, const char *after, const char *key,
    const char *value)
{
	char *at = *buf, *eol = NULL, *out;
	size_t k = strlen(key), olen;
	FILE *f;

	if (after && (at = strstr(*buf, after)))
		at += strlen(after);
	for (; at && *at && (eol = strchr(at, '\n')); at = eol + 1)
		if (strncmp(at, key, k) == 0 && at + k + strspn(at + k, " ") == eol)
			break;
	if (!at || !*at || !eol)
		return -1;
	f = mem(&out, &olen);
	fprintf(f, "%.*s ", (int)(at + k - *buf), *buf);
	if (eco_str_plain(value, strlen(value), 0))
		fputs(value, f);
	else
		eco_json_string(f, value, strlen(value));
	fputs(eol, f);
	fclose(f);
	free(*buf);
	*buf = out;
	*len = olen;
	return 0;
}

/* eco.yaml: the regroupement worksheet, name and territory filled in. */
static int
eco_yaml(struct eco_schemaset *set, const char *nom, const char *terr,
    struct eco_diags *d)
{
	struct eco_sheet_opts o = { ECO_SHEET_YAML, NULL, 0 };
	char *buf;
	size_t len;
	FILE *f = mem(&buf, &len);
	int rc = eco_sheet_write(f, set, "regroupement", &o, d);

	if (fclose(f) != 0 || rc < 0) {
		free(buf);
		return -1;
	}
	if ((nom && fill(&buf, &len, NULL, "nom:", nom) < 0) ||
	    (terr && fill(&buf, &len, "\nterritoire:\n", "  nom:", terr) < 0)) {
		eco_diag_sys(d, "eco.yaml", "%s",
		    _("the worksheet has no line to hold the name or the territory"));
		free(buf);
		return -1;
	}
	return add_file("eco.yaml", buf, len, d);
}

static int
new_project(const char *nom, const char *terr, struct eco_diags *d)
{
	static const char *const donnee[] = { "donnee" };
	static const char *const constat[] = { "observation", "constat" };
	struct eco_schemaset *set = eco_schemaset_new();
	struct eco_cycle *c = NULL;
	size_t i;
	int rc = -1;

	if (!set)
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	else if (eco_schemaset_add_eco(set, d) < 0 ||
	    eco_schemaset_resolve(set, d) < 0)
		eco_diag_sys(d, NULL, "%s", _("eco's schemas cannot be read"));
	else if ((c = eco_cycle_load(d)) && eco_yaml(set, nom, terr, d) == 0 &&
	    record_file(set, c, "donnees.yaml", donnee, 1, d) == 0 &&
	    record_file(set, c, "constats.yaml", constat, 2, d) == 0)
		for (rc = 0, i = 0; rc == 0 && i < sizeof folders / sizeof *folders;
		    i++)
			rc = eco_newfiles_add(&files, folders[i], "", 0, d);
	eco_cycle_free(c);
	eco_schemaset_free(set);
	return rc;
}

enum { O_NOM, O_TERRITOIRE, O_EXEMPLE };

static const char *nom, *terr;
static int ex;

static void
option(int key, const char *arg)
{
	switch (key) {
	case O_NOM: nom = arg; break;
	case O_TERRITOIRE: terr = arg; break;
	case O_EXEMPLE: ex = 1; break;
	}
}

static int
run(int argc, char **argv)
{
	const char *dir = argc ? argv[0] : ".";
	struct eco_diags d;
	char **made = NULL, *yaml = NULL;
	size_t i, n;
	int rc, end;

	if (ex && (nom || terr))
		cli_usage_error(NULL, "%s", _("--exemple copies the demonstration "
		    "project as it is: --nom and --territoire do not apply"));
	eco_diags_init(&d);
	rc = (ex ? eco_newfiles_example(&files, &d) :
	    new_project(nom, terr, &d)) < 0 ? ECO_EXIT_SYS : 0;
	if (rc == 0 && eco_project_init(dir, &files, &made, &d) < 0)
		rc = eco_diags_status(&d);
	for (i = 0; made && made[i]; i++) {
		printf("%s\n", made[i]);
		n = strlen(made[i]);
		if (!yaml && n >= 8 && strcmp(made[i] + n - 8, "eco.yaml") == 0 &&
		    (n == 8 || made[i][n - 9] == '/'))
			yaml = made[i];
	}
	if (rc == 0 && yaml && !ex && (!nom || !terr))
		eco_diag_add(&d, yaml, 0, 0, ECO_SEV_NOTE, NULL, "%s",
		    _("write the name of the regroupement and of its territory "
		    "in this file (or give --nom and --territoire)"));
	eco_paths_free(made);
	eco_newfiles_free(&files);
	end = cli_finish(&d);
	eco_diags_free(&d);
	return rc > end ? rc : end;
}

static const struct cli_option options[] = {
	{ .key = O_NOM, .name = "nom", .arg = CLI_TEXT, .metavar = "NOM",
	  .help = N_("the full name of the regroupement, written in eco.yaml") },
	{ .key = O_TERRITOIRE, .name = "territoire", .arg = CLI_TEXT,
	  .metavar = "T", .help = N_("the name of its territory, written in eco.yaml") },
	{ .key = O_EXEMPLE, .name = "exemple", .alias = "example",
	  .help = N_("copy the demonstration project instead") },
	{ .name = NULL }
};

static const struct cli_cmd cmd = {
	.name = "eco-init", .usage = usage,
	.example = "eco-init --nom \"Grandir ensemble\" --territoire Val-des-Cèdres grandir",
	.maxops = 1, .options = options, .option = option, .run = run,
};

int
main(int argc, char *argv[])
{
	return cli_main(&cmd, argc, argv);
}
