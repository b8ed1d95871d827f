/*
 * eco-init - create a project folder (Outil 1): eco.yaml, the folders of
 * the records, and the worksheets of the first stage; or, with
 * --exemple, a copy of the demonstration project.
 *
 * It never replaces a file: every file it would write is checked first,
 * and if one exists nothing is written.  Each file is then created with
 * eco_write_atomic(must_be_new), so a file that appears meanwhile is not
 * replaced either.  eco.yaml is the worksheet of eco-gabarit regroupement
 * (lib/eco_sheet.c) with the name and the territory filled in; the record
 * files get a header of guidance taken from the schemas.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif
/* Where make install puts the demonstration project (exemple/). */
#ifndef DATADIR
#define DATADIR LOCALEDIR "/../eco"
#endif

static const char usage[] =
    "eco-init [--nom NOM] [--territoire T] [--exemple] [DOSSIER]";

#define WIDTH 76		/* of comment lines */
#define MAXFILE (16 * 1024 * 1024)
#define MAXFILES 512

static const char *const folders[] = {
	"rencontres", "suivis", "evaluations", "diagnostics"
};

/* A file to create: its name in the project and its bytes. */
struct file {
	char *rel;
	char *data;
	size_t len;
};

static struct file files[MAXFILES];
static size_t nfiles;

static void
add_file(const char *rel, char *data, size_t len)
{
	if (nfiles == MAXFILES || !(files[nfiles].rel = strdup(rel))) {
		free(data);
		fprintf(stderr, "%s: %s\n", cli_prog, strerror(ENOMEM));
		exit(ECO_EXIT_SYS);
	}
	files[nfiles].data = data;
	files[nfiles++].len = len;
}

static void
free_files(void)
{
	size_t i;

	for (i = 0; i < nfiles; i++) {
		free(files[i].rel);
		free(files[i].data);
	}
}

/* dir/rel, or rel alone in the current folder. */
static char *
join(const char *dir, const char *rel)
{
	size_t n = strlen(dir);
	char *s = malloc(n + strlen(rel) + 2);

	if (!s) {
		fprintf(stderr, "%s: %s\n", cli_prog, strerror(ENOMEM));
		exit(ECO_EXIT_SYS);
	}
	if (strcmp(dir, ".") == 0)
		strcpy(s, rel);
	else
		sprintf(s, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", rel);
	return s;
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

/* s as "# " comment lines of at most WIDTH columns. */
static void
comment(FILE *f, const char *s)
{
	if (s[strspn(s, " \t\n")] == '\0')
		return;
	fputs("# ", f);
	eco_wrap_write(f, s, 2, 0, WIDTH, "# ");
}

static const char *
schema_text(struct eco_schemaset *set, const char *kind, const char *key)
{
	const struct eco_schema *s = eco_schemaset_kind(set, kind);
	const struct eco_node *v = s ? eco_map_get(eco_schema_node(s), key) : NULL;

	return v && v->type == ECO_STR ? v->s : "";
}

/* The guidance for one kind of record in a record file. */
static void
kind_guide(FILE *f, struct eco_schemaset *set, const char *kind)
{
	char sec[256], *text;
	size_t n;
	FILE *t = mem(&text, &n);

	fprintf(t, "%s : %s", schema_text(set, kind, "title"),
	    schema_text(set, kind, "description"));
	fputc(' ', t);
	fprintf(t, _("A blank worksheet: « eco-gabarit %s »; each field is "
	    "explained in eco-formats(5), section « %s »."), kind,
	    eco_sheet_section(set, kind, sec, sizeof sec) ? sec : kind);
	fclose(t);
	fputs("#\n", f);
	comment(f, text);
	free(text);
}

/*
 * A record file holding no record yet: what it is for and how to add
 * records, from the schemas of its kinds.  With one kind, the first line
 * lets an editor check it.
 */
static void
record_file(struct eco_schemaset *set, const struct eco_cycle *c,
    const char *rel, const char *const *kinds, size_t nkinds)
{
	const struct eco_tool *t = eco_cycle_tool(c, 5);
	char *buf, *text;
	size_t len, n, i;
	FILE *f = mem(&buf, &len), *g;

	if (nkinds == 1)
		fprintf(f, "# yaml-language-server: $schema="
		    "https://eco.quebec/schemas/%s.schema.json\n#\n", kinds[0]);
	fprintf(f, "# %s — ", rel);
	fprintf(f, _("Outil %d: %s"), t ? t->number : 5, t ? t->name : "");
	fputc('\n', f);
	for (i = 0; i < nkinds; i++)
		kind_guide(f, set, kinds[i]);
	g = mem(&text, &n);
	fprintf(g, _("This file holds one document per record, each beginning "
	    "with a line « --- ». Add records at the end of the file, then "
	    "check it with « eco-validate %s »."), rel);
	fclose(g);
	fputs("#\n", f);
	comment(f, text);
	free(text);
	fclose(f);
	add_file(rel, buf, len);
}

/* value as a YAML scalar that reads back as this very string. */
static void
scalar(FILE *f, const char *v)
{
	const char *p;

	if (*v && !eco_str_needs_quotes(v, strlen(v)) &&
	    !strpbrk(v, "\"'\\\n\t#") && !strstr(v, ": ") &&
	    !strchr("-?:,[]{}&*!|>%@` ", v[0]) && v[strlen(v) - 1] != ' ' &&
	    v[strlen(v) - 1] != ':') {
		fputs(v, f);
		return;
	}
	fputc('"', f);
	for (p = v; *p; p++)
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else
			fputc(*p, f);
	fputc('"', f);
}

/*
 * Fill the line "key:" that follows after (a line of the sheet, or the
 * start) with value.  0, or -1 when the sheet has no such line.
 */
static int
fill(char **buf, size_t *len, const char *after, const char *key,
    const char *value)
{
	char *at = *buf, *eol = NULL, *out;
	size_t n, k = strlen(key), olen;
	FILE *f;

	if (after && (at = strstr(*buf, after)))
		at += strlen(after);
	for (; at && *at; at = eol + 1) {
		eol = strchr(at, '\n');
		if (!eol)
			return -1;
		if (strncmp(at, key, k) == 0 && at + k + strspn(at + k, " ") == eol)
			break;
	}
	if (!at || !*at || !eol)
		return -1;
	n = (size_t)(at - *buf) + k;
	f = mem(&out, &olen);
	fwrite(*buf, 1, n, f);
	fputc(' ', f);
	scalar(f, value);
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
	add_file("eco.yaml", buf, len);
	return 0;
}

static int
new_project(const char *nom, const char *terr, struct eco_diags *d)
{
	static const char *const donnee[] = { "donnee" };
	static const char *const constat[] = { "observation", "constat" };
	struct eco_schemaset *set = eco_schemaset_new();
	struct eco_cycle *c = NULL;
	int rc = -1;

	if (!set)
		eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	else if (eco_schemaset_add_eco(set, d) < 0 ||
	    eco_schemaset_resolve(set, d) < 0)
		eco_diag_sys(d, NULL, "%s", _("eco's schemas cannot be read"));
	else if ((c = eco_cycle_load(d)) && eco_yaml(set, nom, terr, d) == 0) {
		record_file(set, c, "donnees.yaml", donnee, 1);
		record_file(set, c, "constats.yaml", constat, 2);
		rc = 0;
	}
	eco_cycle_free(c);
	eco_schemaset_free(set);
	return rc;
}

/* The demonstration project. */

static char *
slurp(const char *path, size_t *len, struct eco_diags *d)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (!f) {
		eco_diag_sys(d, path, "%s", strerror(errno));
		return NULL;
	}
	do {
		char *nb;

		if (*len + 65536 > MAXFILE || !(nb = realloc(buf, cap += 65536))) {
			eco_diag_sys(d, path, "%s", strerror(*len + 65536 > MAXFILE ?
			    EFBIG : ENOMEM));
			free(buf);
			fclose(f);
			return NULL;
		}
		buf = nb;
		n = fread(buf + *len, 1, 65536, f);
		*len += n;
	} while (n == 65536);
	if (ferror(f)) {
		eco_diag_sys(d, path, "%s", strerror(errno ? errno : EIO));
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static int
visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Every file under src/rel, in name order; folders are made by write. */
static int
walk(const char *src, const char *rel, int depth, struct eco_diags *d)
{
	struct dirent **v;
	struct stat st;
	char *dir = *rel ? join(src, rel) : strdup(src), *path, *sub;
	int n, i, rc = 0;

	if (!dir || depth > 16 || (n = scandir(dir, &v, visible, alphasort)) < 0) {
		eco_diag_sys(d, dir ? dir : src, "%s",
		    depth > 16 ? _("folders nested too deeply") : strerror(errno));
		free(dir);
		return -1;
	}
	for (i = 0; i < n; i++) {
		path = join(dir, v[i]->d_name);
		sub = *rel ? join(rel, v[i]->d_name) : strdup(v[i]->d_name);
		if (rc == 0 && sub && stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				rc = walk(src, sub, depth + 1, d);
			else if (S_ISREG(st.st_mode)) {
				size_t len;
				char *data = slurp(path, &len, d);

				if (data)
					add_file(sub, data, len);
				else
					rc = -1;
			}
		}
		free(path);
		free(sub);
		free(v[i]);
	}
	free(v);
	free(dir);
	return rc;
}

static int
example(struct eco_diags *d)
{
	const char *env = getenv("ECO_DATADIR");
	char *src = join(env && *env ? env : DATADIR, "exemple");
	struct stat st;
	int rc;

	if (stat(src, &st) < 0 || !S_ISDIR(st.st_mode)) {
		eco_diag_sys(d, src, "%s",
		    _("the example project is not installed here (ECO_DATADIR "
		    "names the folder that holds exemple/)"));
		free(src);
		return -1;
	}
	rc = walk(src, "", 0, d);
	free(src);
	return rc;
}

/* Writing. */

/* Refuse before writing anything when one of the files exists. */
static int
check_free(const char *dir, struct eco_diags *d)
{
	struct stat st;
	size_t i, n = 0;
	char *path;

	for (i = 0; i < nfiles; i++) {
		path = join(dir, files[i].rel);
		if (lstat(path, &st) == 0) {
			eco_diag_add(d, path, 0, 0, ECO_SEV_ERROR, "init", "%s",
			    _("this file exists already: eco-init never replaces "
			    "a file"));
			n++;
		}
		free(path);
	}
	if (n)
		eco_diag_add(d, NULL, 0, 0, ECO_SEV_ERROR, "init", "%s",
		    _("nothing was created: move these files away, or choose "
		    "another folder"));
	return n ? -1 : 0;
}

/* mkdir -p path; prints the folders it makes. */
static int
make_dirs(const char *path, struct eco_diags *d)
{
	char *p = strdup(path), *s;
	struct stat st;
	int rc = 0;

	if (!p)
		return -1;
	for (s = p + 1; rc == 0; s++) {
		int end = *s == '\0';

		if (*s != '/' && !end)
			continue;
		*s = '\0';
		if (stat(p, &st) < 0) {
			if (mkdir(p, 0777) < 0 && errno != EEXIST) {
				eco_diag_sys(d, p, "%s", strerror(errno));
				rc = -1;
			} else
				printf("%s/\n", p);
		} else if (!S_ISDIR(st.st_mode)) {
			eco_diag_sys(d, p, "%s", strerror(ENOTDIR));
			rc = -1;
		}
		if (end)
			break;
		*s = '/';
	}
	free(p);
	return rc;
}

static int
write_all(const char *dir, int with_folders, struct eco_diags *d)
{
	char *path, *slash;
	size_t i;
	int lock, rc = 0;

	if (strcmp(dir, ".") != 0 && make_dirs(dir, d) < 0)
		return ECO_EXIT_SYS;
	if ((lock = eco_project_lock(dir)) < 0) {
		eco_diag_sys(d, dir, "%s", strerror(errno));
		return ECO_EXIT_SYS;
	}
	for (i = 0; i < nfiles && rc == 0; i++) {
		path = join(dir, files[i].rel);
		if ((slash = strrchr(path, '/')) && slash > path) {
			*slash = '\0';
			if (make_dirs(path, d) < 0)
				rc = ECO_EXIT_SYS;
			*slash = '/';
		}
		if (rc == 0 && eco_write_atomic(path, files[i].data, files[i].len,
		    "", 0, 1) < 0) {
			if (errno == EEXIST)
				eco_diag_add(d, path, 0, 0, ECO_SEV_ERROR, "init",
				    "%s", _("this file exists already: eco-init "
				    "never replaces a file"));
			else
				eco_diag_sys(d, path, "%s", strerror(errno));
			rc = errno == EEXIST ? ECO_EXIT_DATA : ECO_EXIT_SYS;
		} else if (rc == 0)
			printf("%s\n", path);
		free(path);
	}
	for (i = 0; with_folders && rc == 0 && i < sizeof folders / sizeof *folders;
	    i++) {
		path = join(dir, folders[i]);
		rc = make_dirs(path, d) < 0 ? ECO_EXIT_SYS : 0;
		free(path);
	}
	eco_project_unlock(lock);
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
	int rc, end;

	if (ex && (nom || terr))
		cli_usage_error(NULL, "%s", _("--exemple copies the demonstration "
		    "project as it is: --nom and --territoire do not apply"));
	eco_diags_init(&d);
	if ((ex ? example(&d) : new_project(nom, terr, &d)) < 0)
		rc = ECO_EXIT_SYS;
	else if (check_free(dir, &d) < 0)
		rc = ECO_EXIT_DATA;
	else if ((rc = write_all(dir, !ex, &d)) == 0 && !ex && (!nom || !terr)) {
		char *path = join(dir, "eco.yaml");

		eco_diag_add(&d, path, 0, 0, ECO_SEV_NOTE, NULL, "%s",
		    _("write the name of the regroupement and of its territory "
		    "in this file (or give --nom and --territoire)"));
		free(path);
	}
	free_files();
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
