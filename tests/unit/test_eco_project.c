/*
 * test_eco_project.c - unit tests of eco_project.c: the walker over
 * folders, finding a project's root from below, the project read once
 * and checked, records appended and files created under the lock, and
 * writes that never leave a file half written or replace a file that
 * must stay.  Each test works in a fresh folder.  Messages are the
 * English msgids (no catalogue is bound).
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
#include <unistd.h>

#include <cmocka.h>

#include "eco.h"
#include "said.h"

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static char dir[64];	/* /tmp/eco-project-XXXXXX */
static char cwd[PATH_MAX];
static struct eco_diags d;
static struct eco_project *p;

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/eco-project-XXXXXX");
	eco_diags_init(&d);
	p = NULL;
	return getcwd(cwd, sizeof cwd) && mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	eco_project_close(p);
	eco_diags_free(&d);
	if (chdir(cwd) < 0)
		return -1;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Write text into rel under dir, its folders made. */
static void
put(const char *rel, const char *text)
{
	char path[PATH_MAX], *slash;
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, rel);
	for (slash = strchr(path + strlen(dir) + 1, '/'); slash;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0777);
		*slash = '/';
	}
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static char *
get(const char *rel)
{
	static char buf[4096];
	char path[PATH_MAX];
	FILE *f;
	size_t n;

	snprintf(path, sizeof path, "%s/%s", dir, rel);
	assert_non_null(f = fopen(path, "r"));
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void
test_root_from_below(void **state)
{
	char sub[PATH_MAX], root[PATH_MAX], real[PATH_MAX];

	(void)state;
	put("eco.yaml", "kind: regroupement\n");
	snprintf(sub, sizeof sub, "%s/rencontres", dir);
	assert_int_equal(mkdir(sub, 0755), 0);
	assert_non_null(realpath(dir, real));
	assert_int_equal(eco_project_root(sub, root, sizeof root), 0);
	assert_string_equal(root, real);
	assert_int_equal(eco_project_root(dir, root, sizeof root), 0);
	assert_string_equal(root, real);
}

static void
test_no_root(void **state)
{
	char root[PATH_MAX];

	(void)state;
	/* /tmp holds no eco.yaml, nor does / (the test would mean nothing
	 * on a machine where it does) */
	if (access("/tmp/eco.yaml", F_OK) == 0 || access("/eco.yaml", F_OK) == 0)
		skip();
	assert_int_equal(eco_project_root(dir, root, sizeof root), -1);
	/* a root that does not fit is not written half */
	put("eco.yaml", "x\n");
	assert_int_equal(eco_project_root(dir, root, 4), -1);
}

static void
test_write_new_and_append(void **state)
{
	char path[PATH_MAX];
	const char *old;

	(void)state;
	snprintf(path, sizeof path, "%s/r01.yaml", dir);
	assert_int_equal(eco_write_atomic(path, "a: 1\n", 5, "", 0, 1), 0);
	assert_string_equal(get("r01.yaml"), "a: 1\n");
	/* a new file is never written over an existing one */
	errno = 0;
	assert_int_equal(eco_write_atomic(path, "b: 2\n", 5, "", 0, 1), -1);
	assert_int_equal(errno, EEXIST);
	assert_string_equal(get("r01.yaml"), "a: 1\n");
	/* appending keeps every byte that was there, comments included */
	put("r02.yaml", "# à garder\nkind: rencontre\n");
	snprintf(path, sizeof path, "%s/r02.yaml", dir);
	old = strdup(get("r02.yaml"));
	assert_int_equal(eco_write_atomic(path, old, strlen(old),
	    "---\nkind: note\n", 15, 0), 0);
	assert_string_equal(get("r02.yaml"),
	    "# à garder\nkind: rencontre\n---\nkind: note\n");
	free((char *)old);
}

static void
test_failed_write_leaves_the_old_file(void **state)
{
	char path[PATH_MAX];

	(void)state;
	put("plan.yaml", "garde\n");
	/* the temporary file cannot be made in a missing folder */
	snprintf(path, sizeof path, "%s/absent/plan.yaml", dir);
	assert_int_equal(eco_write_atomic(path, "x", 1, "", 0, 0), -1);
	assert_string_equal(get("plan.yaml"), "garde\n");
}

static void
test_lock(void **state)
{
	int fd;

	(void)state;
	fd = eco_project_lock(dir);
	assert_true(fd >= 0);
	eco_project_unlock(fd);
	/* released: it can be taken again at once */
	fd = eco_project_lock(dir);
	assert_true(fd >= 0);
	eco_project_unlock(fd);
}

/* The path of rel under dir, in a static buffer. */
static const char *
at(const char *rel)
{
	static char path[4][PATH_MAX];
	static int k;

	k = (k + 1) % 4;
	snprintf(path[k], sizeof path[k], "%s/%s", dir, rel);
	return path[k];
}

static const struct eco_diag *
said(const char *text)
{
	return said_in(&d, text);
}

/* n, after printing the diagnostics when they are not n errors */
static size_t
errors(size_t n, size_t got)
{
	size_t i;

	if (n != got)
		for (i = 0; i < d.n; i++)
			print_message("  %s:%d: %s\n", d.v[i].file ? d.v[i].file :
			    "-", d.v[i].line, d.v[i].msg);
	return got;
}

static int
said_nothing_of(const char *text)
{
	size_t i;

	for (i = 0; i < d.n; i++)
		if (strstr(d.v[i].msg, text))
			return 0;
	return 1;
}

static void
test_expand_folders(void **state)
{
	char *ops[4];
	char **v;

	(void)state;
	put("b.yaml", "a: 1\n");
	put("a.yml", "a: 1\n");
	put(".cache.yaml", "a: 1\n");
	put("notes.txt", "x\n");
	put("sub/c.yaml", "a: 1\n");
	put("sub.yaml", "a: 1\n");
	put("vide/notes.txt", "x\n");
	assert_int_equal(mkfifo(at("tube.yaml"), 0644), 0);
	assert_int_equal(symlink("..", at("sub/haut")), 0);
	ops[0] = (char *)at("");
	ops[1] = "-";
	ops[2] = "absent.yaml";
	ops[3] = (char *)at("vide");
	assert_non_null(v = eco_expand(4, ops, &d));
	/* in path order; the FIFO and the loop are said, in name order */
	assert_string_equal(v[0], at("a.yml"));
	assert_string_equal(v[1], at("b.yaml"));
	assert_string_equal(v[2], at("sub.yaml"));
	assert_string_equal(v[3], at("sub/c.yaml"));
	assert_string_equal(v[4], "-");
	assert_string_equal(v[5], "absent.yaml");
	assert_null(v[6]);
	eco_paths_free(v);
	assert_int_equal(d.n, 3);
	assert_string_equal(d.v[0].file, at("sub/haut"));
	assert_string_equal(d.v[0].msg,
	    "a symbolic link back to a folder above it: not followed");
	assert_string_equal(d.v[1].file, at("tube.yaml"));
	assert_string_equal(d.v[1].msg, "not a regular file: skipped");
	assert_int_equal(d.v[1].sev, ECO_SEV_WARNING);
	assert_string_equal(d.v[2].file, at("vide"));
	said("no YAML file in this folder");
	/* the current folder's files are named without "./" */
	assert_int_equal(chdir(dir), 0);
	ops[0] = ".";
	assert_non_null(v = eco_expand(1, ops, &d));
	assert_string_equal(v[0], "a.yml");
	assert_string_equal(v[3], "sub/c.yaml");
	eco_paths_free(v);
	assert_non_null(v = eco_expand(0, ops, &d));
	assert_null(v[0]);
	eco_paths_free(v);
}

static void
test_commands(void **state)
{
	char **v = NULL;
	size_t n = 0;

	(void)state;
	put("bin/eco-vue", "#!/bin/sh\n");
	put("bin/eco-plan", "#!/bin/sh\n");
	put("bin/eco-", "#!/bin/sh\n");
	put("bin/eco-notes.txt", "x\n");
	put("bin/autre", "#!/bin/sh\n");
	put("bin2/eco-vue", "#!/bin/sh\n");
	assert_int_equal(chmod(at("bin/eco-vue"), 0755), 0);
	assert_int_equal(chmod(at("bin/eco-plan"), 0755), 0);
	assert_int_equal(chmod(at("bin/eco-"), 0755), 0);
	assert_int_equal(chmod(at("bin/autre"), 0755), 0);
	assert_int_equal(chmod(at("bin2/eco-vue"), 0755), 0);
	assert_int_equal(eco_commands(at("bin"), "eco-", &v, &n), 0);
	assert_int_equal(eco_commands(at("bin2"), "eco-", &v, &n), 0);
	assert_int_equal(eco_commands(at("absent"), "eco-", &v, &n), -1);
	/* once each, without the prefix; not executable: not a command */
	assert_int_equal(n, 2);
	assert_null(v[2]);
	assert_true((strcmp(v[0], "vue") == 0 && strcmp(v[1], "plan") == 0) ||
	    (strcmp(v[0], "plan") == 0 && strcmp(v[1], "vue") == 0));
	free(v[0]);
	free(v[1]);
	free(v);
}

static void
test_input(void **state)
{
	char *paths[4] = { NULL, NULL, NULL, NULL };
	struct eco_limits lim;
	struct eco_input *in;
	struct eco_doc *doc;
	int n = 0;

	(void)state;
	put("a.yaml", "a: 1\n---\na: 2\n");
	put("b.yaml", "b: [\n");
	put("c.yaml", "c: 3\n");
	paths[0] = (char *)at("a.yaml");
	paths[1] = (char *)at("b.yaml");
	paths[2] = (char *)at("c.yaml");
	eco_limits_default(&lim);
	assert_non_null(in = eco_input_open(paths, &lim, &d));
	while (eco_input_next(in, &doc) > 0) {
		n++;
		assert_string_equal(doc->file, at(n < 3 ? "a.yaml" : "c.yaml"));
		eco_doc_free(doc);
	}
	assert_int_equal(eco_input_next(in, &doc), 0);
	eco_input_close(in);
	assert_int_equal(n, 3);
	/* the broken file is said, and skipped */
	assert_int_equal(d.nerr, 1);
	assert_string_equal(d.v[0].file, at("b.yaml"));
}

static const char eco_yaml[] =
    "kind: regroupement\nversion: 1\nnom: Regroupement du Val\n"
    "territoire: {nom: Val}\n"
    "membres:\n"
    "  - {id: cpe-soleil, nom: CPE Soleil, type: service-garde}\n"
    "  - {id: maison-famille, nom: Maison de la famille, type: communautaire}\n";

static const char plan_yaml[] =
    "kind: plan\nversion: 1\nperiode: {debut: 2026-09-01, fin: 2028-06-30}\n"
    "bailleurs: [{id: fondation-x, nom: Fondation X, type: philanthropique}]\n"
    "objectifs:\n"
    "  - id: obj-a\n    libelle: Un objectif\n    facteur: pratiques-parentales\n"
    "    transformations:\n      famille:\n        libelle: Une transformation\n"
    "        actions:\n          - {id: act-a, titre: Une action, responsable: cpe-soleil}\n";

static const char *
suivi(const char *id, const char *action)
{
	static char buf[256];

	snprintf(buf, sizeof buf, "kind: suivi\nversion: 1\nid: %s\naction: %s\n"
	    "date: 2027-01-10\nstatut: en-cours\n", id, action);
	return buf;
}

static void
test_project_naming(void **state)
{
	char real[PATH_MAX];

	(void)state;
	put("eco.yaml", eco_yaml);
	put("rencontres/r01.yaml", "kind: rencontre\n");
	assert_non_null(realpath(dir, real));
	/* from elsewhere: the real path */
	assert_int_equal(chdir("/"), 0);
	assert_non_null(p = eco_project_open(at("rencontres/r01.yaml"), &d));
	assert_string_equal(eco_project_dir(p), real + 1);
	eco_project_close(p);
	assert_int_equal(chdir("/tmp"), 0);
	assert_non_null(p = eco_project_open(at("rencontres"), &d));
	assert_string_equal(eco_project_dir(p), strrchr(real, '/') + 1);
	eco_project_close(p);
	/* from inside: as a person there names it */
	assert_int_equal(chdir(at("rencontres")), 0);
	assert_non_null(p = eco_project_open(NULL, &d));
	assert_string_equal(eco_project_dir(p), "..");
	eco_project_close(p);
	assert_int_equal(chdir(dir), 0);
	assert_non_null(p = eco_project_open(".", &d));
	assert_string_equal(eco_project_dir(p), ".");
	eco_project_close(p);
	/* a root given is taken as it is, eco.yaml or not */
	assert_non_null(p = eco_project_at("rencontres", &d));
	assert_string_equal(eco_project_dir(p), "rencontres");
	eco_project_close(p);
	p = NULL;
	assert_int_equal(d.n, 0);
}

static void
test_no_project(void **state)
{
	(void)state;
	if (access("/tmp/eco.yaml", F_OK) == 0 || access("/eco.yaml", F_OK) == 0)
		skip();
	put("a.yaml", "x: 1\n");
	assert_non_null(p = eco_project_open(at("a.yaml"), &d));
	assert_null(eco_project_dir(p));
	assert_null(eco_project_name(p));
	assert_null(eco_project_title(p, "organisme", "cpe-soleil"));
	assert_int_equal(eco_project_read(p, NULL, &d), 0);
	assert_int_equal(eco_project_nfiles(p), 0);
}

static void
test_project_docs(void **state)
{
	const struct eco_doc *const *v;
	const struct eco_file *f;
	size_t n, i, broken = 0;

	(void)state;
	put("eco.yaml", eco_yaml);
	put("plan.yaml", plan_yaml);
	put("suivis/b.yaml", suivi("s-b", "act-a"));
	put("suivis/a.yaml", suivi("s-a1", "act-a"));
	put("suivis/c.yaml", "kind: suivi\nid: [\n");
	put("suivis/sous/d.yaml", suivi("s-d", "act-a"));
	put("copie.yaml", "kind: plan\nversion: 1\n");
	assert_int_equal(chdir(dir), 0);
	assert_non_null(p = eco_project_open(NULL, &d));
	/* in file order, from where the registry keeps them */
	v = eco_project_docs(p, "suivi", &n);
	assert_int_equal(n, 3);
	assert_string_equal(v[0]->file, "suivis/a.yaml");
	assert_string_equal(v[1]->file, "suivis/b.yaml");
	assert_string_equal(v[2]->file, "suivis/sous/d.yaml");
	v = eco_project_docs(p, "plan", &n);
	assert_int_equal(n, 1);
	assert_string_equal(v[0]->file, "plan.yaml");
	assert_non_null(eco_project_docs(p, "bailleur", &n));
	assert_int_equal(n, 0);
	/* each file read once */
	assert_int_equal(eco_project_nfiles(p), 5);
	assert_int_equal(eco_project_read(p, NULL, &d), 0);
	assert_int_equal(eco_project_nfiles(p), 7);
	for (i = 0; i < eco_project_nfiles(p); i++) {
		f = eco_project_file(p, i);
		assert_true(f->opened);
		assert_false(f->input);
		if (strcmp(f->rel, "suivis/c.yaml") == 0) {
			broken++;
			assert_int_equal(f->ndocs, 0);
			eco_file_diags(f, &d);
		}
	}
	assert_int_equal(broken, 1);
	assert_int_equal(d.nerr, 1);
	assert_string_equal(d.v[0].file, "suivis/c.yaml");
	assert_null(eco_project_file(p, 7));
}

static void
test_project_names(void **state)
{
	size_t n;

	(void)state;
	put("eco.yaml", eco_yaml);
	put("plan.yaml", plan_yaml);
	assert_non_null(p = eco_project_open(dir, &d));
	assert_string_equal(eco_project_name(p), "Regroupement du Val");
	assert_string_equal(eco_project_title(p, "organisme", "maison-famille"),
	    "Maison de la famille");
	assert_string_equal(eco_project_title(p, "bailleur", "fondation-x"),
	    "Fondation X");
	assert_string_equal(eco_project_title(p, "action", "act-a"), "Une action");
	/* eco's own: the catalogue of factors, the cycle's objectives */
	assert_non_null(eco_project_title(p, "facteur", "pratiques-parentales"));
	assert_non_null(eco_project_title(p, "objectif-cycle",
	    "regles-fonctionnement"));
	assert_null(eco_project_title(p, "organisme", "inconnu"));
	assert_null(eco_project_title(p, "pas-une-sorte", "x"));
	assert_true(eco_project_has(p, "organisme", "cpe-soleil"));
	assert_false(eco_project_has(p, "organisme", "inconnu"));
	/* a document's file, from the root */
	assert_int_equal(eco_project_docs(p, "plan", &n)[0] != NULL, 1);
	assert_string_equal(eco_project_rel(p, eco_project_docs(p, "plan",
	    &n)[0]->file), "plan.yaml");
	assert_null(eco_project_rel(p, "ailleurs.yaml"));
	assert_int_equal(d.n, 0);
}

static void
test_project_check(void **state)
{
	static const char *const kinds[] = { "suivi", NULL };

	(void)state;
	put("eco.yaml", eco_yaml);
	put("plan.yaml", plan_yaml);
	put("suivis/a.yaml", suivi("s-a", "act-a"));
	put("suivis/b.yaml", suivi("s-b", "act-z"));
	put("suivis/c.yaml", "kind: suivi\nversion: 1\nid: s-c\n");
	put("constats.yaml", "kind: constat\nid: [\n");
	assert_int_equal(mkfifo(at("suivis/tube.yaml"), 0644), 0);
	assert_int_equal(chdir(dir), 0);
	assert_non_null(p = eco_project_open(NULL, &d));
	/* the suivis and eco.yaml; references against the plan */
	assert_int_equal(errors(4, eco_project_check(p, kinds, &d)), 4);
	assert_string_equal(said("« act-z »: no such action")->file,
	    "suivis/b.yaml");
	assert_string_equal(said("missing required key « action »")->file,
	    "suivis/c.yaml");
	assert_string_equal(said("not a regular file")->file, "suivis/tube.yaml");
	/* the broken constats.yaml is not what was asked about */
	assert_true(said_nothing_of("constats"));
	assert_int_equal(d.nerr, 4);
	/* eco.yaml is always part of it */
	eco_diags_clear(&d);
	d.nerr = 0;
	put("eco.yaml", "kind: regroupement\nversion: 1\nnom: R\n");
	eco_project_close(p);
	assert_non_null(p = eco_project_open(NULL, &d));
	assert_int_equal(errors(1, eco_project_check(p, NULL, &d)), 1);
	assert_string_equal(said("missing required key « territoire »")->file,
	    "eco.yaml");
}

static void
test_project_inputs(void **state)
{
	char *ops[2];
	const struct eco_doc *const *v;
	size_t n;

	(void)state;
	put("eco.yaml", eco_yaml);
	put("plan.yaml", plan_yaml);
	put("autre/records.yaml", "kind: suivi\nversion: 1\nid: s-x\naction: act-a\n"
	    "date: 2027-01-10\nstatut: en-cours\n---\nkind: suivi\nversion: 1\n"
	    "id: s-y\naction: act-q\ndate: 2027-01-10\nstatut: en-cours\n");
	assert_int_equal(chdir(dir), 0);
	assert_non_null(p = eco_project_open("autre/records.yaml", &d));
	ops[0] = "autre/records.yaml";
	assert_int_equal(eco_project_inputs(p, 1, ops, &d), 0);
	v = eco_project_input_docs(p, &n);
	assert_int_equal(n, 2);
	assert_string_equal(v[1]->file, "autre/records.yaml");
	/* checked in the project's context: act-a is the plan's */
	assert_int_equal(errors(1, eco_project_check(p, NULL, &d)), 1);
	said("« act-q »: no such action (did you mean act-a?)");
	eco_project_close(p);
	/* the project's own file as an operand is not read twice */
	eco_diags_clear(&d);
	d.nerr = 0;
	assert_non_null(p = eco_project_open(NULL, &d));
	ops[0] = "eco.yaml";
	ops[1] = "autre/records.yaml";
	assert_int_equal(eco_project_inputs(p, 2, ops, &d), 0);
	assert_int_equal(errors(1, eco_project_check(p, NULL, &d)), 1);
	assert_true(said_nothing_of("already taken"));
}

static void
test_inputs_without_project(void **state)
{
	char *ops[1];

	(void)state;
	if (access("/tmp/eco.yaml", F_OK) == 0 || access("/eco.yaml", F_OK) == 0)
		skip();
	put("s.yaml", suivi("s-1", "act-a"));
	assert_non_null(p = eco_project_open(dir, &d));
	ops[0] = (char *)at("s.yaml");
	assert_int_equal(eco_project_inputs(p, 1, ops, &d), 0);
	/* no plan at hand: the action is not looked up */
	assert_int_equal(eco_project_check(p, NULL, &d), 0);
	assert_int_equal(d.n, 0);
}

static void
record(struct eco_record *rec, const char *file, const char *kind,
    const char *prefix, int (*render)(FILE *, const char *, void *))
{
	memset(rec, 0, sizeof *rec);
	rec->file = file;
	rec->kind = kind;
	rec->prefix = prefix;
	rec->render = render;
}

/* A note for meeting r01; its id the one offered, or own. */
static int
note(FILE *f, const char *id, void *arg)
{
	const char *own = arg;

	fprintf(f, "---\nkind: note\nversion: 1\nid: %s\nrencontre: r01\n",
	    own ? own : id);
	return 0;
}

/* Under the lock, the project knows what others wrote before it. */
static int
note_knowing(FILE *f, const char *id, void *arg)
{
	struct eco_project *pr = arg;

	if (!eco_project_has(pr, "note", "r01-note-1") ||
	    eco_project_has(pr, "note", "r01-note-9"))
		return -1;
	return note(f, id, NULL);
}

static int
two_notes(FILE *f, const char *id, void *arg)
{
	(void)arg;
	note(f, id, NULL);
	return note(f, "autre", NULL);
}

static int
not_a_note(FILE *f, const char *id, void *arg)
{
	(void)arg;
	fprintf(f, "---\nkind: suivi\nid: %s\n", id);
	return 0;
}

static void
test_append(void **state)
{
	struct eco_record rec;
	char old[4096];
	size_t n;

	(void)state;
	put("eco.yaml", eco_yaml);
	put("rencontres/r01.yaml", "# garder\nkind: rencontre\nversion: 1\nid: r01\n"
	    "numero: 1\netape: intention");
	put("rencontres/r01.yaml.tmp.Ab12cD", "kind: rencontre\n");
	put("rencontres/notes.tmp.backup", "x\n");
	assert_int_equal(chdir(dir), 0);
	assert_non_null(p = eco_project_open(NULL, &d));
	record(&rec, "rencontres/r01.yaml", "note", "r01-note-", note);
	assert_int_equal(eco_project_append(p, &rec, &d), 0);
	assert_string_equal(rec.id, "r01-note-1");
	/* the old bytes, a line break the file lacked, the record */
	assert_string_equal(get("rencontres/r01.yaml"),
	    "# garder\nkind: rencontre\nversion: 1\nid: r01\nnumero: 1\n"
	    "etape: intention\n---\nkind: note\nversion: 1\nid: r01-note-1\n"
	    "rencontre: r01\n");
	assert_string_equal(rec.text,
	    "---\nkind: note\nversion: 1\nid: r01-note-1\nrencontre: r01\n");
	free(rec.text);
	/* what a killed write left is removed, and said; nothing else */
	assert_int_equal(access(at("rencontres/r01.yaml.tmp.Ab12cD"), F_OK), -1);
	assert_int_equal(access(at("rencontres/notes.tmp.backup"), F_OK), 0);
	assert_int_equal(said("left by an interrupted write")->sev, ECO_SEV_NOTE);
	assert_int_equal(d.nerr, 0);
	/* the project now holds it; the next id is the next number */
	eco_project_docs(p, "note", &n);
	assert_int_equal(n, 1);
	rec.render = note_knowing;
	rec.arg = p;
	assert_int_equal(eco_project_append(p, &rec, &d), 0);
	assert_string_equal(rec.id, "r01-note-2");
	free(rec.text);
	rec.render = note;
	snprintf(old, sizeof old, "%s", get("rencontres/r01.yaml"));
	/* an id taken, a wrong kind, two documents: nothing is written */
	rec.arg = "r01-note-1";
	assert_int_equal(eco_project_append(p, &rec, &d), -1);
	said("id « r01-note-1 » is already taken");
	rec.arg = NULL;
	rec.render = not_a_note;
	assert_int_equal(eco_project_append(p, &rec, &d), -1);
	said("a record of kind « note » is expected here");
	rec.render = two_notes;
	assert_int_equal(eco_project_append(p, &rec, &d), -1);
	said("not one YAML document");
	assert_string_equal(get("rencontres/r01.yaml"), old);
	assert_null(rec.text);
	/* a dry run checks, gives the text, writes nothing */
	rec.render = note;
	rec.flags = ECO_WRITE_DRY;
	assert_int_equal(eco_project_append(p, &rec, &d), 0);
	assert_non_null(strstr(rec.text, "id: r01-note-3"));
	free(rec.text);
	assert_string_equal(get("rencontres/r01.yaml"), old);
	/* a file that is not there is not made */
	rec.flags = 0;
	rec.file = "rencontres/r09.yaml";
	assert_int_equal(eco_project_append(p, &rec, &d), -1);
	assert_true(d.sys);
}

static int
meeting(FILE *f, const char *id, void *arg)
{
	fprintf(f, "kind: rencontre\nversion: 1\nid: %s\nnumero: 2\netape: %s\n",
	    id, arg ? (const char *)arg : "intention");
	return 0;
}

static void
test_create(void **state)
{
	struct eco_record rec;

	(void)state;
	put("eco.yaml", eco_yaml);
	assert_non_null(p = eco_project_open(dir, &d));
	record(&rec, "rencontres/r02.yaml", "rencontre", "r", meeting);
	/* its folder is made */
	assert_int_equal(eco_project_create(p, &rec, &d), 0);
	assert_string_equal(rec.id, "r1");
	assert_string_equal(get("rencontres/r02.yaml"),
	    "kind: rencontre\nversion: 1\nid: r1\nnumero: 2\netape: intention\n");
	free(rec.text);
	assert_int_equal(d.nerr, 0);
	/* never over a file */
	assert_int_equal(eco_project_create(p, &rec, &d), -1);
	said("exists already");
	/* checked, unless it is a skeleton */
	rec.file = "rencontres/r03.yaml";
	rec.arg = "nulle-part";
	assert_int_equal(eco_project_create(p, &rec, &d), -1);
	assert_int_equal(access(at("rencontres/r03.yaml"), F_OK), -1);
	rec.flags = ECO_WRITE_UNCHECKED;
	assert_int_equal(eco_project_create(p, &rec, &d), 0);
	assert_string_equal(rec.id, "r2");
	free(rec.text);
	assert_int_equal(access(at("rencontres/r03.yaml"), F_OK), 0);
}

static void
test_checked_then_finish(void **state)
{
	struct eco_index *x;
	struct eco_input *in;
	struct eco_doc *doc;
	struct eco_limits lim;
	char *one[2] = { NULL, NULL };

	(void)state;
	put("eco.yaml", eco_yaml);
	put("plan.yaml", plan_yaml);
	put("suivis/a.yaml", suivi("s-a", "act-z"));
	put("suivis/b.yaml", suivi("s-a", "act-a"));
	assert_int_equal(chdir(dir), 0);
	assert_non_null(p = eco_project_open("suivis", &d));
	/* the caller checks suivis/a.yaml, the project reads the rest */
	eco_limits_default(&lim);
	one[0] = "suivis/a.yaml";
	assert_non_null(x = eco_index_new());
	assert_non_null(in = eco_input_open(one, &lim, &d));
	while (eco_input_next(in, &doc) > 0) {
		eco_kind_check(doc, x, &d);
		eco_doc_free(doc);
	}
	eco_input_close(in);
	assert_int_equal(eco_project_checked(p, "suivis/a.yaml", x), 0);
	eco_index_free(x);
	eco_project_finish(p, &d);
	/* its clash with b.yaml and its reference, said where it is */
	assert_int_equal(d.nerr, 2);
	assert_string_equal(said("no such action")->file, "suivis/a.yaml");
	assert_string_equal(said("already taken")->file, "suivis/a.yaml");
	assert_non_null(strstr(said("already taken")->msg, "suivis/b.yaml"));
}

/* A new project: its files written all or none. */

static void
test_init(void **state)
{
	struct eco_newfiles nf = { NULL, 0 };
	char root[PATH_MAX], **made;

	(void)state;
	assert_int_equal(eco_newfiles_add(&nf, "eco.yaml", "kind: regroupement\n",
	    19, &d), 0);
	assert_int_equal(eco_newfiles_add(&nf, "suivis/", "", 0, &d), 0);
	assert_int_equal(eco_newfiles_add(&nf, "rencontres/r01.yaml",
	    "# rien\n", 7, &d), 0);
	assert_string_equal(nf.v[0].data, "kind: regroupement\n");
	snprintf(root, sizeof root, "%s/a/b", dir);
	assert_int_equal(eco_project_init(root, &nf, &made, &d), 0);
	assert_int_equal(d.n, 0);
	/* the folders made, then each file, in order */
	assert_string_equal(made[0], at("a/"));
	assert_string_equal(made[1], at("a/b/"));
	assert_string_equal(made[2], at("a/b/eco.yaml"));
	assert_string_equal(made[3], at("a/b/suivis/"));
	assert_string_equal(made[4], at("a/b/rencontres/"));
	assert_string_equal(made[5], at("a/b/rencontres/r01.yaml"));
	assert_null(made[6]);
	eco_paths_free(made);
	assert_string_equal(get("a/b/rencontres/r01.yaml"), "# rien\n");
	/* none replaced, nothing made: each file there is said */
	put("c/rencontres/r01.yaml", "# à moi\n");
	snprintf(root, sizeof root, "%s/c", dir);
	assert_int_equal(eco_project_init(root, &nf, &made, &d), -1);
	assert_null(made);
	assert_int_equal(errors(2, d.nerr), 2);
	assert_string_equal(said("exists already")->file,
	    at("c/rencontres/r01.yaml"));
	said("nothing was created");
	assert_int_equal(access(at("c/eco.yaml"), F_OK), -1);
	assert_int_equal(access(at("c/suivis"), F_OK), -1);
	assert_string_equal(get("c/rencontres/r01.yaml"), "# à moi\n");
	eco_newfiles_free(&nf);
	assert_int_equal(nf.n, 0);
}

static void
test_init_refused(void **state)
{
	struct eco_newfiles nf = { NULL, 0 };
	char root[PATH_MAX], **made;

	(void)state;
	/* a file in the way of the folder */
	put("fichier", "x");
	assert_int_equal(eco_newfiles_add(&nf, "eco.yaml", "kind: x\n", 8, &d), 0);
	snprintf(root, sizeof root, "%s/fichier", dir);
	assert_int_equal(eco_project_init(root, &nf, &made, &d), -1);
	assert_string_equal(said(strerror(ENOTDIR))->file, root);
	eco_paths_free(made);
	/* what would not read back as YAML is not written */
	eco_newfiles_free(&nf);
	assert_int_equal(eco_newfiles_add(&nf, "eco.yaml", "a: [\n", 5, &d), 0);
	snprintf(root, sizeof root, "%s/p", dir);
	assert_int_equal(eco_project_init(root, &nf, &made, &d), -1);
	assert_int_equal(access(at("p/eco.yaml"), F_OK), -1);
	assert_string_equal(made[0], at("p/"));
	assert_null(made[1]);
	eco_paths_free(made);
	eco_newfiles_free(&nf);
}

static void
test_copy_and_example(void **state)
{
	struct eco_newfiles nf = { NULL, 0 };
	char src[PATH_MAX];

	(void)state;
	put("share/exemple/eco.yaml", "kind: regroupement\n");
	put("share/exemple/suivis/s1.yaml", "kind: suivi\n");
	put("share/exemple/LISEZMOI", "pas du YAML\n");
	snprintf(src, sizeof src, "%s/share/exemple/", dir);
	/* paths from the folder, a trailing slash or not */
	assert_int_equal(eco_newfiles_copy(&nf, src, &d), 0);
	assert_int_equal(nf.n, 2);
	assert_string_equal(nf.v[0].rel, "eco.yaml");
	assert_string_equal(nf.v[1].rel, "suivis/s1.yaml");
	assert_string_equal(nf.v[1].data, "kind: suivi\n");
	assert_int_equal(nf.v[1].len, 12);
	eco_newfiles_free(&nf);
	snprintf(src, sizeof src, "%s/share", dir);
	setenv("ECO_DATADIR", src, 1);
	assert_int_equal(eco_newfiles_example(&nf, &d), 0);
	assert_int_equal(nf.n, 2);
	assert_string_equal(nf.v[0].rel, "eco.yaml");
	eco_newfiles_free(&nf);
	setenv("ECO_DATADIR", dir, 1);
	assert_int_equal(eco_newfiles_example(&nf, &d), -1);
	assert_int_equal(nf.n, 0);
	said("example project is not installed");
	unsetenv("ECO_DATADIR");
	assert_int_equal(d.sys, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_root_from_below),
		T(test_no_root),
		T(test_write_new_and_append),
		T(test_failed_write_leaves_the_old_file),
		T(test_lock),
		T(test_expand_folders),
		T(test_commands),
		T(test_input),
		T(test_project_naming),
		T(test_no_project),
		T(test_project_docs),
		T(test_project_names),
		T(test_project_check),
		T(test_project_inputs),
		T(test_inputs_without_project),
		T(test_append),
		T(test_create),
		T(test_checked_then_finish),
		T(test_init),
		T(test_init_refused),
		T(test_copy_and_example),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
