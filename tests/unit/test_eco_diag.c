/*
 * test_eco_diag.c - unit tests of eco_diag.c (the diagnostic list) and
 * of its one printer, cli_print_diags from cmd/cli.c.
 *
 * The printer writes on stderr: each test points descriptor 2 at a
 * temporary file for the call and compares the exact lines.  No
 * catalogue is bound and the locale stays "C", so messages and severity
 * words are the untranslated msgids.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli.h"

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static struct {
	struct eco_diags d;
	char *err;		/* what the printer wrote */
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_diags_init(&t.d);
	cli_prog = "prog";
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	eco_diags_free(&t.d);
	free(t.err);
	return 0;
}

/* Print t.d with cli_print_diags; return what went to stderr. */
static const char *
printed(void)
{
	FILE *tmp;
	long n;
	int saved;

	assert_non_null(tmp = tmpfile());
	fflush(stderr);
	if ((saved = dup(2)) < 0 || dup2(fileno(tmp), 2) < 0) {
		fclose(tmp);
		fail_msg("cannot redirect stderr: %s", strerror(errno));
	}
	cli_print_diags(&t.d);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	n = ftell(tmp);
	if (n < 0 || fseek(tmp, 0, SEEK_SET) != 0) {
		fclose(tmp);
		fail_msg("cannot read the captured stderr");
	}
	free(t.err);
	if (!(t.err = malloc((size_t)n + 1))) {
		fclose(tmp);
		fail_msg("out of memory");
	}
	t.err[fread(t.err, 1, (size_t)n, tmp)] = '\0';
	fclose(tmp);
	return t.err;
}

/* The list. */

static void
test_diags_init(void **state)
{
	(void)state;
	assert_int_equal(t.d.n, 0);
	assert_int_equal(t.d.nerr, 0);
	assert_int_equal(t.d.nwarn, 0);
	assert_int_equal(t.d.sys, 0);
	assert_int_equal(t.d.oom, 0);
	assert_int_equal(eco_diags_status(&t.d), ECO_EXIT_OK);
}

static void
test_diags_record(void **state)
{
	const struct eco_diag *g;

	(void)state;
	eco_diag_add(&t.d, "f.yaml", 12, 5, ECO_SEV_ERROR, "yaml",
	    "key « %s » at %d", "budgt", 3);
	assert_int_equal(t.d.n, 1);
	g = &t.d.v[0];
	assert_string_equal(g->file, "f.yaml");
	assert_int_equal(g->line, 12);
	assert_int_equal(g->col, 5);
	assert_int_equal(g->sev, ECO_SEV_ERROR);
	assert_int_equal(g->sys, 0);
	assert_string_equal(g->check, "yaml");
	assert_string_equal(g->msg, "key « budgt » at 3");
}

static void
test_diags_own_their_strings(void **state)
{
	char file[] = "a.yaml", arg[] = "value";

	(void)state;
	eco_diag_add(&t.d, file, 1, 1, ECO_SEV_ERROR, NULL, "%s", arg);
	file[0] = 'X';
	arg[0] = 'X';
	assert_string_equal(t.d.v[0].file, "a.yaml");
	assert_string_equal(t.d.v[0].msg, "value");
	eco_diag_add(&t.d, NULL, 0, 0, ECO_SEV_NOTE, NULL, "no file");
	assert_null(t.d.v[1].file);
	assert_null(t.d.v[1].check);
}

static void
test_diags_counts(void **state)
{
	(void)state;
	eco_diag_add(&t.d, "f", 1, 1, ECO_SEV_ERROR, NULL, "e1");
	eco_diag_add(&t.d, "f", 2, 1, ECO_SEV_WARNING, NULL, "w1");
	eco_diag_add(&t.d, "f", 3, 1, ECO_SEV_NOTE, NULL, "n1");
	eco_diag_add(&t.d, "f", 4, 1, ECO_SEV_ERROR, NULL, "e2");
	eco_diag_add(&t.d, "f", 5, 1, ECO_SEV_WARNING, NULL, "w2");
	assert_int_equal(t.d.n, 5);
	assert_int_equal(t.d.nerr, 2);
	assert_int_equal(t.d.nwarn, 2);
	assert_int_equal(t.d.sys, 0);
	assert_string_equal(t.d.v[3].msg, "e2");
}

static void
test_diags_grow(void **state)
{
	char want[32];
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++)
		eco_diag_add(&t.d, "f", (int)i + 1, 1, ECO_SEV_WARNING, NULL,
		    "number %zu", i);
	assert_int_equal(t.d.n, 1000);
	assert_int_equal(t.d.nwarn, 1000);
	assert_int_equal(t.d.oom, 0);
	for (i = 0; i < 1000; i += 111) {
		snprintf(want, sizeof want, "number %zu", i);
		assert_string_equal(t.d.v[i].msg, want);
		assert_int_equal(t.d.v[i].line, (int)i + 1);
	}
}

static void
test_diags_status_data(void **state)
{
	(void)state;
	eco_diag_add(&t.d, "f", 1, 1, ECO_SEV_WARNING, NULL, "w");
	eco_diag_add(&t.d, "f", 1, 1, ECO_SEV_NOTE, NULL, "n");
	assert_int_equal(eco_diags_status(&t.d), ECO_EXIT_OK);
	eco_diag_add(&t.d, "f", 1, 1, ECO_SEV_ERROR, "schema", "e");
	assert_int_equal(eco_diags_status(&t.d), ECO_EXIT_DATA);
}

static void
test_diags_status_sys(void **state)
{
	const struct eco_diag *g;

	(void)state;
	eco_diag_sys(&t.d, "x.yaml", "%s", strerror(ENOENT));
	assert_int_equal(t.d.n, 1);
	g = &t.d.v[0];
	assert_int_equal(g->sys, 1);
	assert_int_equal(g->sev, ECO_SEV_ERROR);
	assert_int_equal(g->line, 0);
	assert_null(g->check);
	assert_string_equal(g->msg, strerror(ENOENT));
	assert_int_equal(t.d.nerr, 1);
	assert_int_equal(eco_diags_status(&t.d), ECO_EXIT_SYS);
	/* A system error outweighs bad data, whatever the order. */
	eco_diag_add(&t.d, "f", 1, 1, ECO_SEV_ERROR, NULL, "e");
	assert_int_equal(eco_diags_status(&t.d), ECO_EXIT_SYS);
}

static void
test_diags_status_oom(void **state)
{
	(void)state;
	t.d.oom = 1;
	assert_int_equal(eco_diags_status(&t.d), ECO_EXIT_SYS);
}

static void
test_diags_clear_keeps_counters(void **state)
{
	(void)state;
	eco_diag_add(&t.d, "f", 1, 1, ECO_SEV_ERROR, NULL, "e");
	eco_diag_add(&t.d, "f", 1, 1, ECO_SEV_WARNING, NULL, "w");
	eco_diags_clear(&t.d);
	assert_int_equal(t.d.n, 0);
	assert_int_equal(t.d.nerr, 1);
	assert_int_equal(t.d.nwarn, 1);
	assert_int_equal(eco_diags_status(&t.d), ECO_EXIT_DATA);
	eco_diag_sys(&t.d, NULL, "disk");
	eco_diags_clear(&t.d);
	assert_int_equal(eco_diags_status(&t.d), ECO_EXIT_SYS);
	/* The list is usable after a clear. */
	eco_diag_add(&t.d, "g", 2, 3, ECO_SEV_NOTE, NULL, "again");
	assert_int_equal(t.d.n, 1);
	assert_string_equal(t.d.v[0].msg, "again");
}

static void
test_sev_name(void **state)
{
	(void)state;
	assert_string_equal(eco_sev_name(ECO_SEV_ERROR), "error");
	assert_string_equal(eco_sev_name(ECO_SEV_WARNING), "warning");
	assert_string_equal(eco_sev_name(ECO_SEV_NOTE), "note");
}

/* The printer. */

static void
test_print_position(void **state)
{
	(void)state;
	cli_prog = "eco-cat";
	eco_diag_add(&t.d, "f.yaml", 12, 5, ECO_SEV_ERROR, "yaml", "msg");
	assert_string_equal(printed(),
	    "eco-cat: f.yaml:12:5: error: msg [yaml]\n");
	/* Printed diagnostics are forgotten, not their counts. */
	assert_int_equal(t.d.n, 0);
	assert_int_equal(t.d.nerr, 1);
	assert_string_equal(printed(), "");
}

static void
test_print_no_position(void **state)
{
	(void)state;
	eco_diag_add(&t.d, "f.yaml", 0, 0, ECO_SEV_ERROR, NULL, "msg");
	assert_string_equal(printed(), "prog: f.yaml: error: msg\n");
	eco_diag_add(&t.d, "f.yaml", 0, 0, ECO_SEV_ERROR, "limite", "msg");
	assert_string_equal(printed(), "prog: f.yaml: error: msg [limite]\n");
}

static void
test_print_no_file(void **state)
{
	(void)state;
	eco_diag_add(&t.d, NULL, 0, 0, ECO_SEV_ERROR, NULL, "msg");
	eco_diag_add(&t.d, NULL, 0, 0, ECO_SEV_WARNING, "x", "msg2");
	assert_string_equal(printed(),
	    "prog: error: msg\nprog: warning: msg2 [x]\n");
}

static void
test_print_warning_and_note(void **state)
{
	(void)state;
	eco_diag_add(&t.d, "<stdin>", 3, 1, ECO_SEV_WARNING, "schema",
	    "duplicate date %s", "2024-05-01");
	eco_diag_add(&t.d, "f.yaml", 4, 2, ECO_SEV_NOTE, NULL, "see here");
	assert_string_equal(printed(),
	    "prog: <stdin>:3:1: warning: duplicate date 2024-05-01 [schema]\n"
	    "prog: f.yaml:4:2: note: see here\n");
	assert_int_equal(t.d.nwarn, 1);
	assert_int_equal(eco_diags_status(&t.d), ECO_EXIT_OK);
}

static void
test_print_sys(void **state)
{
	char want[256];

	(void)state;
	eco_diag_sys(&t.d, "x.yaml", "%s", strerror(ENOENT));
	snprintf(want, sizeof want, "prog: x.yaml: error: %s\n",
	    strerror(ENOENT));
	assert_string_equal(printed(), want);
}

static void
test_print_oom(void **state)
{
	char want[256];

	(void)state;
	eco_diag_add(&t.d, "f.yaml", 1, 2, ECO_SEV_ERROR, NULL, "kept");
	t.d.oom = 1;
	snprintf(want, sizeof want,
	    "prog: f.yaml:1:2: error: kept\nprog: error: %s\n",
	    strerror(ENOMEM));
	assert_string_equal(printed(), want);
}

static void
test_print_order(void **state)
{
	(void)state;
	/*
	 * One file's diagnostics come out by line then column, equal
	 * positions in the order recorded; files keep the order of their
	 * first diagnostic, and those without a file stay together.
	 */
	eco_diag_add(&t.d, "f.yaml", 5, 1, ECO_SEV_ERROR, NULL, "a");
	eco_diag_add(&t.d, "f.yaml", 2, 3, ECO_SEV_ERROR, NULL, "b");
	eco_diag_add(&t.d, "g.yaml", 1, 1, ECO_SEV_ERROR, NULL, "c");
	eco_diag_add(&t.d, NULL, 0, 0, ECO_SEV_ERROR, NULL, "d");
	eco_diag_add(&t.d, "f.yaml", 2, 1, ECO_SEV_WARNING, NULL, "e");
	eco_diag_add(&t.d, "g.yaml", 0, 0, ECO_SEV_ERROR, NULL, "f");
	eco_diag_add(&t.d, "f.yaml", 2, 1, ECO_SEV_ERROR, NULL, "g");
	eco_diag_add(&t.d, NULL, 0, 0, ECO_SEV_NOTE, NULL, "h");
	eco_diag_add(&t.d, "f.yaml", 12, 1, ECO_SEV_ERROR, NULL, "i");
	assert_string_equal(printed(),
	    "prog: f.yaml:2:1: warning: e\n"
	    "prog: f.yaml:2:1: error: g\n"
	    "prog: f.yaml:2:3: error: b\n"
	    "prog: f.yaml:5:1: error: a\n"
	    "prog: f.yaml:12:1: error: i\n"
	    "prog: g.yaml: error: f\n"
	    "prog: g.yaml:1:1: error: c\n"
	    "prog: error: d\n"
	    "prog: note: h\n");
}

static void
test_set_path(void **state)
{
	char path[] = "/objectifs/0/id";

	(void)state;
	eco_diag_set_path(&t.d, "/x");		/* no diagnostic yet */
	assert_int_equal(t.d.n, 0);
	eco_diag_add(&t.d, "f", 1, 1, ECO_SEV_ERROR, NULL, "a");
	eco_diag_add(&t.d, "f", 2, 1, ECO_SEV_ERROR, NULL, "b");
	assert_null(t.d.v[1].path);
	eco_diag_set_path(&t.d, path);
	path[1] = 'X';
	assert_null(t.d.v[0].path);
	assert_string_equal(t.d.v[1].path, "/objectifs/0/id");
	eco_diag_set_path(&t.d, "/again");
	assert_string_equal(t.d.v[1].path, "/again");
	eco_diag_set_path(&t.d, NULL);
	assert_string_equal(t.d.v[1].path, "/again");
	eco_diag_add(&t.d, "f", 3, 1, ECO_SEV_ERROR, NULL, "c");
	assert_null(t.d.v[2].path);
	/* The plain printer does not show it. */
	assert_string_equal(printed(), "prog: f:1:1: error: a\n"
	    "prog: f:2:1: error: b\nprog: f:3:1: error: c\n");
}

/* A copy keeps every field, the path and the system flag; append adds
 * a whole list after what is there and carries its oom flag. */
static void
test_copy_append(void **state)
{
	struct eco_diags from;

	(void)state;
	eco_diags_init(&from);
	eco_diag_add(&from, "a.yaml", 3, 7, ECO_SEV_WARNING, "plan", "w");
	eco_diag_set_path(&from, "/actions/1");
	eco_diag_sys(&from, "b.yaml", "gone");
	eco_diag_add(&t.d, "c.yaml", 1, 1, ECO_SEV_ERROR, NULL, "first");
	eco_diag_copy(&t.d, &from.v[0]);
	assert_int_equal(t.d.n, 2);
	assert_string_equal(t.d.v[1].file, "a.yaml");
	assert_int_equal(t.d.v[1].line, 3);
	assert_int_equal(t.d.v[1].col, 7);
	assert_int_equal(t.d.v[1].sev, ECO_SEV_WARNING);
	assert_string_equal(t.d.v[1].check, "plan");
	assert_string_equal(t.d.v[1].path, "/actions/1");
	assert_int_equal(t.d.nwarn, 1);
	from.oom = 1;
	eco_diags_append(&t.d, &from);
	assert_int_equal(t.d.n, 4);
	assert_int_equal(t.d.v[3].sys, 1);
	assert_int_equal(t.d.sys, 1);
	assert_int_equal(t.d.oom, 1);
	assert_null(t.d.v[3].path);
	assert_string_equal(t.d.v[0].msg, "first");
	eco_diags_free(&from);
}

/* Print t.d with cli_print_diags_json; return what went to stdout. */
static const char *
printed_json(void)
{
	FILE *tmp;
	long n;
	int saved;

	assert_non_null(tmp = tmpfile());
	fflush(stdout);
	if ((saved = dup(1)) < 0 || dup2(fileno(tmp), 1) < 0) {
		fclose(tmp);
		fail_msg("cannot redirect stdout: %s", strerror(errno));
	}
	cli_print_diags_json(&t.d);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	n = ftell(tmp);
	if (n < 0 || fseek(tmp, 0, SEEK_SET) != 0) {
		fclose(tmp);
		fail_msg("cannot read the captured stdout");
	}
	free(t.err);
	if (!(t.err = malloc((size_t)n + 1))) {
		fclose(tmp);
		fail_msg("out of memory");
	}
	t.err[fread(t.err, 1, (size_t)n, tmp)] = '\0';
	fclose(tmp);
	return t.err;
}

static void
test_print_json(void **state)
{
	(void)state;
	eco_diag_add(&t.d, "f.yaml", 12, 5, ECO_SEV_ERROR, "schema",
	    "say \"%s\"\\\n", "cl\xc3\xa9");
	eco_diag_set_path(&t.d, "/a/0");
	eco_diag_add(&t.d, "f.yaml", 3, 1, ECO_SEV_WARNING, NULL, "w");
	eco_diag_add(&t.d, NULL, 0, 0, ECO_SEV_NOTE, NULL, "n");
	assert_string_equal(printed_json(),
	    "{\"fichier\":\"f.yaml\",\"ligne\":3,\"colonne\":1,\"chemin\":null,"
	    "\"verification\":null,\"gravite\":\"avertissement\","
	    "\"code\":\"eco\",\"message\":\"w\"}\n"
	    "{\"fichier\":\"f.yaml\",\"ligne\":12,\"colonne\":5,"
	    "\"chemin\":\"/a/0\",\"verification\":\"schema\",\"gravite\":\"erreur\","
	    "\"code\":\"schema\",\"message\":\"say \\\"cl\xc3\xa9\\\"\\\\\\n\"}\n"
	    "{\"fichier\":null,\"ligne\":0,\"colonne\":0,\"chemin\":null,"
	    "\"verification\":null,\"gravite\":\"note\",\"code\":\"eco\","
	    "\"message\":\"n\"}\n");
	assert_int_equal(t.d.n, 0);
	assert_int_equal(t.d.nerr, 1);
}

/* The code of a kind: its check and the words of its msgid, whatever
 * the values, the place or the message's wording once translated. */
static void
test_codes(void **state)
{
	char code[80];
	const char *a;

	(void)state;
	eco_diag_code("schema", "unknown key « %s » (did you mean %.*s?)", code,
	    sizeof code);
	assert_string_equal(code, "schema.unknown-key-did-you-mean");
	eco_diag_code(NULL, "%zu follow-ups are missing in %s", code,
	    sizeof code);
	assert_string_equal(code, "eco.follow-ups-are-missing-in");
	eco_diag_code("yaml", NULL, code, sizeof code);
	assert_string_equal(code, "yaml");
	eco_diag_code("x", "one two three four five six seven", code, 12);
	assert_string_equal(code, "x.one-two-t");
	/* through eco_tr: the format's msgid, or the one of the message
	 * it starts with */
	eco_diag_add(&t.d, "f.yaml", 1, 1, ECO_SEV_ERROR, "refs",
	    eco_tr("« %s »: no such %s"), "x", "y");
	eco_diag_add(&t.d, "g.yaml", 9, 2, ECO_SEV_ERROR, "refs",
	    eco_tr("« %s »: no such %s"), "z", "w");
	a = eco_tr("tab character: YAML indents with spaces only");
	eco_diag_add(&t.d, "h.yaml", 2, 1, ECO_SEV_ERROR, "yaml", "%s", a);
	eco_diag_sys(&t.d, "i.yaml", "%s", "disk on fire");
	assert_string_equal(t.d.v[0].code, "refs.no-such");
	assert_string_equal(t.d.v[1].code, t.d.v[0].code);
	assert_string_equal(t.d.v[2].code,
	    "yaml.tab-character-yaml-indents-with-spaces");
	assert_string_equal(t.d.v[3].code, "systeme");
	/* a copy keeps it */
	eco_diag_copy(&t.d, &t.d.v[2]);
	assert_string_equal(t.d.v[4].code, t.d.v[2].code);
}

static void
test_print_loader_diagnostic(void **state)
{
	static const char text[] = "a: 1\nb: 2\na: 3\n";
	struct eco_limits lim;
	struct eco_reader *r;
	struct eco_doc *doc = NULL;
	int rc;

	(void)state;
	/* End to end: what the loader records prints in the one form. */
	eco_limits_default(&lim);
	cli_prog = "eco-cat";
	assert_non_null(r = eco_reader_mem(text, sizeof text - 1, "f.yaml",
	    &lim, &t.d));
	rc = eco_reader_next(r, &doc);
	eco_doc_free(doc);
	eco_reader_close(r);
	assert_int_equal(rc, 1);
	assert_int_equal(t.d.n, 1);
	assert_int_equal(strncmp(printed(), "eco-cat: f.yaml:3:1: error: ", 28),
	    0);
	assert_non_null(strstr(t.err, "line 1"));
	assert_non_null(strstr(t.err, " [yaml]\n"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_diags_init),
		T(test_diags_record),
		T(test_diags_own_their_strings),
		T(test_diags_counts),
		T(test_diags_grow),
		T(test_diags_status_data),
		T(test_diags_status_sys),
		T(test_diags_status_oom),
		T(test_diags_clear_keeps_counters),
		T(test_sev_name),
		T(test_print_position),
		T(test_print_no_position),
		T(test_print_no_file),
		T(test_print_warning_and_note),
		T(test_print_sys),
		T(test_print_oom),
		T(test_print_order),
		T(test_set_path),
		T(test_copy_append),
		T(test_print_json),
		T(test_codes),
		T(test_print_loader_diagnostic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
