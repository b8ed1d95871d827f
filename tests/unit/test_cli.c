/*
 * test_cli.c - unit tests of cmd/cli.c: the values of the options
 * (accepted, refused, and the message that says why), folding and the
 * subcommand dispatcher, and cli_main run on a test command in a child
 * process, its stdout, stderr and exit status compared whole; then the
 * inputs of a command and the document loop, in a fresh project.
 *
 * Children run under LC_ALL=C, so the messages are the msgids.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli.h"

/* Values. */

static const struct cli_option nom = {
	1, 0, "nom", NULL, CLI_TEXT, "NOM", "", 0, 0
};
static const struct cli_option organisme = {
	2, 0, "organisme", NULL, CLI_ID, "ID", "", 0, 0
};
static const struct cli_option debut = {
	3, 0, "debut", NULL, CLI_DATE, "DATE", "", 0, 0
};
static const struct cli_option frequence = {
	4, 'f', "frequence", NULL, CLI_INT, "N", "", 1, 52
};

#define ID_RULE "expects an identifier (lowercase letters without accents, " \
    "digits and hyphens), not "
#define TWO_DATES "--entre expects two dates AAAA-MM-JJ, the first and the last day"
#define FREQ "--frequence expects a whole number from 1 to 52, not "
#define AU (&cli_common[CLI_O_AU])
#define SYS (&cli_common[CLI_O_SYSTEME])
#define ENTRE (&cli_common[CLI_O_ENTRE])

/* A value and what cli_check says of it: NULL, it is good. */
static const struct {
	const struct cli_option *o;
	const char *arg, *why;
} values[] = {
	{ &nom, "Grandir ensemble", NULL },
	{ &nom, "", "--nom expects a text, not nothing" },
	{ &cli_common[CLI_O_DOSSIER], "", "--dossier expects a text, not nothing" },

	{ &organisme, "cpe-soleil", NULL },
	{ &organisme, "r01", NULL },
	{ &organisme, "Maison Famille",
	  "--organisme " ID_RULE "« Maison Famille » (did you mean maison-famille?)" },
	{ &organisme, "café_des_Parents",
	  "--organisme " ID_RULE "« café_des_Parents » (did you mean cafe-des-parents?)" },
	{ &organisme, "-cpe", "--organisme " ID_RULE "« -cpe » (did you mean cpe?)" },
	{ &organisme, "!!", "--organisme " ID_RULE "« !! »" },
	{ &organisme, "", "--organisme " ID_RULE "«  »" },
	{ &cli_common[CLI_O_BAILLEUR], "Fondation X",
	  "--bailleur " ID_RULE "« Fondation X » (did you mean fondation-x?)" },

	{ &debut, "2027-02-28", NULL },
	{ &debut, "2028-02-29", NULL },
	{ &debut, "2027-02-29", "--debut: « 2027-02-29 » is not a day of the calendar" },
	{ AU, "2027-13-01", "--au: « 2027-13-01 » is not a day of the calendar" },
	{ AU, "2027-2-3", "--au expects a date AAAA-MM-JJ, not « 2027-2-3 »" },
	{ AU, "demain", "--au expects a date AAAA-MM-JJ, not « demain »" },

	{ &frequence, "1", NULL },
	{ &frequence, "52", NULL },
	{ &frequence, "53", FREQ "« 53 »" },
	{ &frequence, "0", FREQ "« 0 »" },
	{ &frequence, "4x", FREQ "« 4x »" },
	{ &frequence, "", FREQ "«  »" },
	{ &frequence, "99999999999999999999", FREQ "« 99999999999999999999 »" },

	{ SYS, "enfant", NULL },
	{ SYS, "famille", NULL },
	{ SYS, "communaute", NULL },
	{ SYS, "Communauté", NULL },	/* accents and case aside */
	{ SYS, "enfnat", "unknown system « enfnat » (did you mean enfant?)" },
	{ SYS, "Familles", "unknown system « Familles » (did you mean famille?)" },
	{ SYS, "parents",
	  "unknown system « parents » (expected: enfant, famille or communaute)" },

	{ ENTRE, "2027-01-01:2027-06-30", NULL },
	{ ENTRE, "2027-01-01:2027-01-01", NULL },
	{ ENTRE, "2027-06-30:2027-01-01", "--entre: 2027-06-30 comes after 2027-01-01" },
	{ ENTRE, "2027-01-01", TWO_DATES },
	{ ENTRE, "2027-01-01:", TWO_DATES },
	{ ENTRE, "2027-01-01:2027-06-30:2027-07-01", TWO_DATES },
	{ ENTRE, "2027-02-30:2027-03-01",
	  "--entre: « 2027-02-30 » is not a day of the calendar" },
	{ ENTRE, "2027-01-01:2027-04-31",
	  "--entre: « 2027-04-31 » is not a day of the calendar" },
};

static void
test_values(void **state)
{
	const char *why;
	char id[80];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof values / sizeof *values; i++) {
		why = cli_check(values[i].o, values[i].arg);
		if (!values[i].why)
			assert_null(why);
		else {
			assert_non_null(why);
			assert_string_equal(why, values[i].why);
		}
	}
	memset(id, 'a', 65);	/* ids have 64 bytes at most */
	id[65] = '\0';
	assert_non_null(cli_check(&organisme, id));
	id[64] = '\0';
	assert_null(cli_check(&organisme, id));
}

/* Folding and the dispatcher. */

static int
nothing(int argc, char **argv)
{
	(void)argc, (void)argv;
	return 0;
}

static const struct cli_cmd subs[] = {
	{ .name = "verifie", .aliases = "check", .run = nothing },
	{ .name = "liste", .aliases = "list ls", .run = nothing },
	{ .name = "ordre-du-jour", .aliases = "agenda", .run = nothing },
	{ NULL }
};

static void
test_sub(void **state)
{
	(void)state;
	assert_ptr_equal(cli_sub(subs, "verifie"), &subs[0]);
	assert_ptr_equal(cli_sub(subs, "vérifie"), &subs[0]);
	assert_ptr_equal(cli_sub(subs, "VERIFIE"), &subs[0]);
	assert_ptr_equal(cli_sub(subs, "Vérifie"), &subs[0]);
	assert_ptr_equal(cli_sub(subs, "check"), &subs[0]);
	assert_ptr_equal(cli_sub(subs, "CHECK"), &subs[0]);
	assert_ptr_equal(cli_sub(subs, "list"), &subs[1]);
	assert_ptr_equal(cli_sub(subs, "ls"), &subs[1]);
	assert_ptr_equal(cli_sub(subs, "Ordre-du-Jour"), &subs[2]);
	assert_ptr_equal(cli_sub(subs, "agenda"), &subs[2]);
	assert_null(cli_sub(subs, "verif"));
	assert_null(cli_sub(subs, "verifier"));
	assert_null(cli_sub(subs, ""));
	assert_null(cli_sub(NULL, "verifie"));
}

static void
test_sub_closest(void **state)
{
	(void)state;
	assert_string_equal(cli_sub_closest(subs, "verifier"), "verifie");
	assert_string_equal(cli_sub_closest(subs, "VÉRIFIER"), "verifie");
	assert_string_equal(cli_sub_closest(subs, "chek"), "verifie");
	assert_string_equal(cli_sub_closest(subs, "agnda"), "ordre-du-jour");
	assert_string_equal(cli_sub_closest(subs, "lsite"), "liste");
	assert_null(cli_sub_closest(subs, "bidule"));
}

/* cli_main, in a child. */

static int o_flag;
static const char *o_note;

static void
option(int key, const char *arg)
{
	if (key == 'n')
		o_note = arg;
	else
		o_flag = 1;
}

/* What the command received: its options, the common values, operands. */
static int
show(int argc, char **argv)
{
	int i;

	printf("format=%d au=%s systeme=%s facteur=%s entre=%s:%s given=%x",
	    (int)cli.format, cli.au ? cli.au : "-", cli.systeme ? cli.systeme : "-",
	    cli.facteur ? cli.facteur : "-", cli.from ? cli.from : "-",
	    cli.to ? cli.to : "-", cli.given);
	printf(" flag=%d note=%s ops=", o_flag, o_note ? o_note : "-");
	for (i = 0; i < argc; i++)
		printf("%s%s", i ? "," : "", argv[i]);
	putchar('\n');
	return 0;
}

static const struct cli_option verifie_options[] = {
	{ 'n', 'n', "note", "remark", CLI_TEXT, "TEXTE", "a note", 0, 0 },
	{ 0 }
};
static const struct cli_option prog_options[] = {
	{ 'q', 'q', "quiet", NULL, CLI_FLAG, NULL, "say less", 0, 0 },
	{ 0 }
};

static const struct cli_cmd main_subs[] = {
	{ .name = "verifie", .aliases = "check", .summary = "check it",
	  .usage = "eco-test verifie [--systeme S] [--entre D:F] [FICHIER]...",
	  .example = "eco-test verifie --systeme famille",
	  .common = CLI_SYSTEME | CLI_ENTRE | CLI_AU,
	  .formats = 1u << FMT_TEXTE | 1u << FMT_JSON, .format = FMT_TEXTE,
	  .maxops = CLI_MANY, .options = verifie_options, .option = option,
	  .run = show },
	{ .name = "liste", .aliases = "list", .summary = "list it",
	  .example = "eco-test liste", .common = CLI_FACTEUR, .maxops = 1,
	  .run = show },
	{ NULL }
};

static const struct cli_cmd test_cmd = {
	.name = "eco-test", .usage = "eco-test [-C DOSSIER] verifie|liste ...",
	.example = "eco-test liste", .common = CLI_DOSSIER | CLI_FORMAT,
	.formats = 1u << FMT_YAML | 1u << FMT_JSON, .format = FMT_YAML,
	.options = prog_options, .option = option, .subs = main_subs,
};

static char out[8192], err[8192];

static void
slurp(int fd, char *buf, size_t cap)
{
	ssize_t n;

	lseek(fd, 0, SEEK_SET);
	n = read(fd, buf, cap - 1);
	buf[n > 0 ? n : 0] = '\0';
	close(fd);
}

/* fn(arg) in a child, its output in out and err: its exit status. */
static int
child(int (*fn)(void *), void *arg)
{
	char o[] = "/tmp/eco-cli-out-XXXXXX", e[] = "/tmp/eco-cli-err-XXXXXX";
	int fo, fe, status;
	pid_t pid;

	assert_true((fo = mkstemp(o)) >= 0);
	assert_true((fe = mkstemp(e)) >= 0);
	unlink(o);
	unlink(e);
	fflush(NULL);
	assert_true((pid = fork()) >= 0);
	if (pid == 0) {
		dup2(fo, 1);
		dup2(fe, 2);
		setenv("LC_ALL", "C", 1);
		unsetenv("LANGUAGE");
		exit(fn(arg));
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	slurp(fo, out, sizeof out);
	slurp(fe, err, sizeof err);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static int
main_of(void *argv)
{
	int argc = 0;

	while (((char **)argv)[argc])
		argc++;
	return cli_main(&test_cmd, argc, argv);
}

/* cli_main(&test_cmd, "eco-test" args...) in a child: its status. */
static int
run(const char *first, ...)
{
	char *argv[32];
	const char *a;
	int argc = 0;
	va_list ap;

	argv[argc++] = (char *)(uintptr_t)"eco-test";
	va_start(ap, first);
	for (a = first; a && argc < 31; a = va_arg(ap, const char *))
		argv[argc++] = (char *)(uintptr_t)a;
	va_end(ap);
	argv[argc] = NULL;
	return child(main_of, argv);
}

#define USAGE_VERIFIE "usage: eco-test verifie [--systeme S] [--entre D:F] [FICHIER]...\n"
#define USAGE_PROG "usage: eco-test [-C DOSSIER] verifie|liste ...\n"

static void
test_main_values(void **state)
{
	char today[64];

	(void)state;
	assert_int_equal(run("verifie", "--systeme", "Famille", "--entre",
	    "2027-01-01:2027-06-30", "--au", "2027-03-31", "a.yaml", NULL), 0);
	assert_string_equal(out, "format=2 au=2027-03-31 systeme=famille "
	    "facteur=- entre=2027-01-01:2027-06-30 given=10c flag=0 note=- "
	    "ops=a.yaml\n");
	assert_string_equal(err, "");
	/* the form eco-plan takes: --entre DEBUT FIN, anywhere */
	assert_int_equal(run("-o", "json", "vérifie", "a.yaml", "--entre",
	    "2027-01-01", "2027-06-30", "-n", "vu", "b.yaml", NULL), 0);
	snprintf(today, sizeof today, "%s", strstr(out, "au=") + 3);
	today[10] = '\0';
	assert_true(eco_format_date(today, 10));	/* today, by default */
	assert_non_null(strstr(out, "format=1 "));
	assert_non_null(strstr(out, " entre=2027-01-01:2027-06-30 "));
	assert_non_null(strstr(out, " note=vu ops=a.yaml,b.yaml\n"));
	/* options before the subcommand, the program's own included */
	assert_int_equal(run("-q", "--facteur", "lecture", "list", "x", NULL), 0);
	assert_string_equal(out, "format=0 au=- systeme=- facteur=lecture "
	    "entre=-:- given=10 flag=1 note=- ops=x\n");
}

#define E "eco-test: "

/* Usage errors: the arguments and the whole stderr; the status is 2. */
static const struct {
	const char *args[6];
	const char *err;
} refusals[] = {
	{ { "verifie", "--systeme", "enfnat" },
	  E "unknown system « enfnat » (did you mean enfant?)\n" USAGE_VERIFIE },
	{ { "verifie", "--au", "2027-02-30" },
	  E "--au: « 2027-02-30 » is not a day of the calendar\n" USAGE_VERIFIE },
	{ { "verifie", "--entre", "2027-03-01", "2027-02-01" },
	  E "--entre: 2027-03-01 comes after 2027-02-01\n" USAGE_VERIFIE },
	{ { "verifie", "--entre", "2027-03-01" }, E TWO_DATES "\n" USAGE_VERIFIE },
	/* a forgotten FIN leaves the subcommand's name alone */
	{ { "--entre", "2027-03-01", "verifie" }, E TWO_DATES "\n" USAGE_VERIFIE },
	{ { "verifie", "--entre", "2027-03-01", "2027-02-30" },
	  E "--entre: « 2027-02-30 » is not a day of the calendar\n" USAGE_VERIFIE },
	{ { "verifie", "-o", "md" },
	  E "unknown output format « md » (expected: json, texte)\n" USAGE_VERIFIE },
	{ { "verifie", "-o", "text", "--systeme" },
	  E "--systeme expects a value: SYSTEME\n" USAGE_VERIFIE },
	{ { "verifie", "--sytseme", "famille" },
	  E "unknown option « --sytseme » (did you mean --systeme?)\n" USAGE_VERIFIE },
	{ { "verifie", "--quiet=1" }, E "--quiet takes no value\n" USAGE_VERIFIE },
	{ { "verifie", "-x" }, E "unknown option « -x »\n" USAGE_VERIFIE },
	/* an option of another subcommand, or a common one not taken */
	{ { "liste", "--entre", "2027-01-01:2027-02-01" },
	  E "option --entre does not apply to liste\n" USAGE_PROG },
	{ { "liste", "--bailleur", "x" },
	  E "option --bailleur does not apply to liste\n" USAGE_PROG },
	{ { "liste", "a", "b" }, E "unexpected operand « b »\n" USAGE_PROG },
	{ { "-q", "--facteur", "Lecture", "liste" },
	  E "--facteur " ID_RULE "« Lecture » (did you mean lecture?)\n" USAGE_PROG },
	/* the dispatcher */
	{ { "verifier" },
	  E "unknown subcommand « verifier » (did you mean verifie?)\n" USAGE_PROG },
	{ { "bidule" },
	  E "unknown subcommand « bidule » (expected: verifie or liste)\n" USAGE_PROG },
	{ { "-q" }, E "which subcommand? verifie or liste\n" USAGE_PROG },
};

static void
test_main_refused(void **state)
{
	char *argv[8];
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof refusals / sizeof *refusals; i++) {
		argv[0] = (char *)(uintptr_t)"eco-test";
		for (k = 0; k < 6 && refusals[i].args[k]; k++)
			argv[k + 1] = (char *)(uintptr_t)refusals[i].args[k];
		argv[k + 1] = NULL;
		assert_int_equal(child(main_of, argv), 2);
		assert_string_equal(err, refusals[i].err);
		assert_string_equal(out, "");
	}
}

static void
test_main_dispatch(void **state)
{
	(void)state;
	assert_int_equal(run("VÉRIFIE", NULL), 0);
	assert_string_equal(err, "");
	assert_int_equal(run("CHECK", NULL), 0);
	assert_int_equal(run("Liste", NULL), 0);
	/* (verifie writes text: liste, yaml, would be in French) */
	assert_int_equal(run("-C", "/nulle-part", "verifie", NULL), 3);
	assert_string_equal(err, "eco-test: /nulle-part: error: No such file or "
	    "directory\n");
	assert_string_equal(out, "");
}

static void
test_main_help(void **state)
{
	(void)state;
	assert_int_equal(run("--help", NULL), 0);
	assert_string_equal(out, USAGE_PROG
	    "subcommands:\n"
	    "  verifie                check it\n"
	    "  liste                  list it\n"
	    "options:\n"
	    "  -C, --dossier DOSSIER  work in DOSSIER, as if the command were started there\n"
	    "  -o, --format FORMAT    output format: yaml (default), json\n"
	    "  -q, --quiet            say less\n"
	    "  -h, --help             print this help, then exit\n"
	    "  -V, --version          print the version, then exit\n"
	    "options of the subcommands:\n"
	    "      --au DATE          the day the report is made for (default: today)\n"
	    "      --systeme SYSTEME  only this system: enfant, famille or communaute\n"
	    "      --entre DEBUT:FIN  only what falls between these two days, both included\n"
	    "  -n, --note TEXTE       a note\n"
	    "      --facteur ID       only what concerns this protective factor\n"
	    "example: eco-test liste\n"
	    "See man eco-test for more.\n"
	    "eco-test SUBCOMMAND --help: the options of a subcommand.\n");
	assert_string_equal(err, "");
}

static void
test_main_sub_help(void **state)
{
	(void)state;
	assert_int_equal(run("vérifie", "--help", NULL), 0);
	assert_string_equal(out, USAGE_VERIFIE
	    "options:\n"
	    "  -C, --dossier DOSSIER  work in DOSSIER, as if the command were started there\n"
	    "  -o, --format FORMAT    output format: json, texte (default)\n"
	    "  -q, --quiet            say less\n"
	    "      --au DATE          the day the report is made for (default: today)\n"
	    "      --systeme SYSTEME  only this system: enfant, famille or communaute\n"
	    "      --entre DEBUT:FIN  only what falls between these two days, both included\n"
	    "  -n, --note TEXTE       a note\n"
	    "  -h, --help             print this help, then exit\n"
	    "  -V, --version          print the version, then exit\n"
	    "example: eco-test verifie --systeme famille\n"
	    "See man eco-test for more.\n");
	assert_int_equal(run("liste", "-V", NULL), 0);
	assert_string_equal(out, "eco-test (eco) " ECO_VERSION "\n");
}

/* Inputs and the document loop, in a fresh project. */

static char dir[64];

/* A fresh folder for each test, emptied by rm -rf. */
static int
fresh(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/eco-cli-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int
gone(void **state)
{
	char cmd[128];

	(void)state;
	return snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir) > 0 &&
	    system(cmd) == 0 ? 0 : -1;
}

/* dir/rel holds text. */
static void
put(const char *rel, const char *text)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, rel);
	f = fopen(path, "w");
	assert_true(f && fputs(text, f) >= 0 && fclose(f) == 0);
}

static char seen[64];

/* Note each document's kind; stop at "w". */
static int
note(struct eco_doc *doc, struct eco_diags *d)
{
	const struct eco_node *k = eco_map_get(doc->root, "kind");
	int stop = strcmp(k->s, "w") == 0;

	(void)d;
	strcat(seen, k->s);
	eco_doc_free(doc);
	return stop ? -1 : 0;
}

static void
test_inputs(void **state)
{
	char cwd[PATH_MAX], sub[PATH_MAX], *ops[] = { "b.yaml", "-" };
	struct eco_diags d;
	char **p;

	(void)state;
	assert_non_null(getcwd(cwd, sizeof cwd));
	put("eco.yaml", "kind: regroupement\n");
	put("plan.yaml", "kind: plan\n");
	snprintf(sub, sizeof sub, "%s/suivis", dir);
	assert_int_equal(mkdir(sub, 0777), 0);
	put("suivis/s1.yaml", "kind: suivi\n");
	eco_diags_init(&d);
	assert_int_equal(chdir(dir), 0);
	p = cli_inputs(0, NULL, "plan.yaml", NULL, &d);
	assert_string_equal(p[0], "plan.yaml");
	assert_null(p[1]);
	eco_paths_free(p);
	p = cli_inputs(2, ops, "plan.yaml", NULL, &d);
	assert_string_equal(p[0], "b.yaml");
	assert_string_equal(p[1], "-");
	assert_null(p[2]);
	eco_paths_free(p);
	assert_int_equal(chdir("suivis"), 0);
	p = cli_inputs(0, NULL, "plan.yaml", NULL, &d);
	assert_string_equal(p[0], "../plan.yaml");
	eco_paths_free(p);
	p = cli_inputs(0, NULL, ".", NULL, &d);
	assert_string_equal(p[0], "../eco.yaml");
	assert_string_equal(p[1], "../plan.yaml");
	assert_string_equal(p[2], "../suivis/s1.yaml");
	assert_null(p[3]);
	eco_paths_free(p);
	assert_string_equal(cli_project(), "..");
	assert_int_equal(d.n, 0);
	assert_int_equal(chdir(cwd), 0);
	eco_diags_free(&d);
}

static int
plan_inputs(void *missing)
{
	struct eco_diags d;

	eco_diags_init(&d);
	if (chdir(dir) < 0)
		return 99;
	eco_paths_free(cli_inputs(0, NULL, "plan.yaml", missing, &d));
	eco_diags_free(&d);
	return 0;
}

static void
test_inputs_refused(void **state)
{
	(void)state;
	assert_int_equal(child(plan_inputs, NULL), 2);
	assert_string_equal(err, "eco: no eco project here (no eco.yaml in this "
	    "folder or above); name a file, or - for standard input\n");
	put("eco.yaml", "kind: regroupement\n");
	assert_int_equal(child(plan_inputs, "no %s here yet"), 1);
	assert_string_equal(err, "eco: plan.yaml: error: no plan.yaml here yet\n");
	put("plan.yaml", "kind: plan\n");
	assert_int_equal(child(plan_inputs, "no %s here yet"), 0);
	assert_string_equal(err, "");
}

static void
test_each_doc(void **state)
{
	char a[PATH_MAX], b[PATH_MAX], *paths[] = { a, b, NULL };
	struct eco_diags d;

	(void)state;
	snprintf(a, sizeof a, "%s/a.yaml", dir);
	snprintf(b, sizeof b, "%s/b.yaml", dir);
	put("a.yaml", "kind: x\n---\nkind: x\nkind: y\n---\nkind: y\n");
	put("b.yaml", "kind: z\n---\nkind: w\n---\nkind: v\n");
	eco_diags_init(&d);
	/* the document with a duplicate key is left out, its error counted
	 * (and printed); fn stops the loop */
	assert_int_equal(cli_each_doc(paths, note, &d), -1);
	assert_string_equal(seen, "xyzw");
	assert_int_equal(d.nerr, 1);
	assert_int_equal(d.n, 0);
	seen[0] = '\0';
	paths[0] = b;
	paths[1] = NULL;
	b[strlen(b) - 6] = 'x';		/* no such file: reported, no stop */
	assert_int_equal(cli_each_doc(paths, note, &d), 0);
	assert_string_equal(seen, "");
	assert_int_equal(d.nerr, 2);
	eco_diags_free(&d);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_sub),
		cmocka_unit_test(test_sub_closest),
		cmocka_unit_test(test_main_values),
		cmocka_unit_test(test_main_refused),
		cmocka_unit_test(test_main_dispatch),
		cmocka_unit_test(test_main_help),
		cmocka_unit_test(test_main_sub_help),
		cmocka_unit_test_setup_teardown(test_inputs, fresh, gone),
		cmocka_unit_test_setup_teardown(test_inputs_refused, fresh, gone),
		cmocka_unit_test_setup_teardown(test_each_doc, fresh, gone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
