/*
 * test_eco_sheet.c - unit tests of eco_sheet.c: worksheets of every kind
 * read back as YAML, begin with the yaml-language-server line, and, filled
 * with their examples, pass their schema; optional blocks uncomment into
 * valid YAML; --organisme fills the right keys; the printable forms escape
 * and balance their markup; records come out in the worksheets' style.
 *
 * One schema set is built for the whole run; each test's text and
 * documents live in the file-global t, which teardown frees even when an
 * assertion fails, so that LeakSanitizer only reports real leaks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "eco.h"

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
#define MAXKINDS 64

static struct eco_schemaset *set;
static const char *kinds[MAXKINDS];
static size_t nkinds;

static struct {
	struct eco_diags d;
	struct eco_limits lim;
	char *text;		/* a worksheet, from sheet() */
	size_t len;
	struct eco_doc *doc;
	struct eco_reader *r;
} t;

static int
group_setup(void **state)
{
	struct eco_diags d;

	(void)state;
	eco_diags_init(&d);
	if (!(set = eco_schemaset_new()) || eco_schemaset_add_eco(set, &d) < 0 ||
	    eco_schemaset_resolve(set, &d) < 0)
		return -1;
	eco_diags_free(&d);
	nkinds = eco_sheet_kinds(set, kinds, MAXKINDS);
	return nkinds > 0 && nkinds <= MAXKINDS ? 0 : -1;
}

static int
group_teardown(void **state)
{
	(void)state;
	eco_schemaset_free(set);
	return 0;
}

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_diags_init(&t.d);
	eco_limits_default(&t.lim);
	return 0;
}

static void
drop_doc(void)
{
	eco_doc_free(t.doc);
	eco_reader_close(t.r);
	t.doc = NULL;
	t.r = NULL;
}

static int
teardown(void **state)
{
	(void)state;
	drop_doc();
	free(t.text);
	eco_diags_free(&t.d);
	return 0;
}

static void
dump_diags(void)
{
	size_t i;

	for (i = 0; i < t.d.n; i++)
		print_message("  diag: %s:%d:%d: %s\n",
		    t.d.v[i].file ? t.d.v[i].file : "(null)", t.d.v[i].line,
		    t.d.v[i].col, t.d.v[i].msg);
}

/* The worksheet of kind into t.text; returns eco_sheet_write's result. */
static int
sheet(const char *kind, enum eco_sheet_format f, const char *org, int example)
{
	struct eco_sheet_opts o = { f, org, example };
	FILE *mem;
	int rc;

	free(t.text);
	t.text = NULL;
	mem = open_memstream(&t.text, &t.len);
	assert_non_null(mem);
	rc = eco_sheet_write(mem, set, kind, &o, &t.d);
	assert_int_equal(fclose(mem), 0);
	return rc;
}

/* The one document of text, which must load without error. */
static const struct eco_node *
load(const char *text, size_t len)
{
	drop_doc();
	t.r = eco_reader_mem(text, len, "sheet.yaml", &t.lim, &t.d);
	assert_non_null(t.r);
	assert_int_equal(eco_reader_next(t.r, &t.doc), 1);
	if (t.doc->nerr)
		dump_diags();
	assert_int_equal(t.doc->nerr, 0);
	return t.doc->root;
}

static void
test_kinds_sorted(void **state)
{
	size_t i;
	int rencontre = 0, note = 0;

	(void)state;
	for (i = 0; i < nkinds; i++) {
		if (i)
			assert_true(strcmp(kinds[i - 1], kinds[i]) < 0);
		rencontre |= strcmp(kinds[i], "rencontre") == 0;
		note |= strcmp(kinds[i], "note") == 0;
	}
	assert_true(rencontre);
	assert_true(note);
}

static void
test_section(void **state)
{
	char buf[128];

	(void)state;
	assert_string_equal(eco_sheet_section(set, "service", buf, sizeof buf),
	    "service — Service");
	assert_null(eco_sheet_section(set, "servise", buf, sizeof buf));
}

/* Every blank worksheet is YAML with kind and version filled, and its
 * first line points the editor at the kind's schema. */
static void
test_blank_sheets_load(void **state)
{
	char first[256], *was = getenv("ECO_DATADIR");
	size_t i;

	(void)state;
	/* the schema make install put in the data folder, as a file URL */
	was = was ? strdup(was) : NULL;
	setenv("ECO_DATADIR", "/opt/eco 1", 1);
	for (i = 0; i < nkinds; i++) {
		const struct eco_node *root;

		assert_int_equal(sheet(kinds[i], ECO_SHEET_YAML, NULL, 0), 0);
		snprintf(first, sizeof first, "# yaml-language-server: "
		    "$schema=file:///opt/eco%%201/schemas/%s.schema.json\n",
		    kinds[i]);
		assert_memory_equal(t.text, first, strlen(first));
		root = load(t.text, t.len);
		assert_int_equal(root->type, ECO_MAP);
		assert_string_equal(eco_map_get(root, "kind")->s, kinds[i]);
		assert_int_equal(eco_map_get(root, "version")->u.i, 1);
		assert_non_null(strstr(t.text, "eco-formats(5)"));
	}
	if (was)
		setenv("ECO_DATADIR", was, 1);
	else
		unsetenv("ECO_DATADIR");
	free(was);
}

/* Filled with their examples, the worksheets pass their schemas. */
static void
test_example_sheets_validate(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < nkinds; i++) {
		const struct eco_node *root;
		size_t nerr;

		assert_int_equal(sheet(kinds[i], ECO_SHEET_YAML, NULL, 1), 0);
		root = load(t.text, t.len);
		nerr = eco_schema_check(eco_schemaset_kind(set, kinds[i]), root,
		    kinds[i], &t.d);
		if (nerr)
			dump_diags();
		assert_int_equal(nerr, 0);
	}
}

/* A blank worksheet is not valid: its required fields are empty. */
static void
test_blank_sheet_invalid(void **state)
{
	const struct eco_node *root;

	(void)state;
	assert_int_equal(sheet("service", ECO_SHEET_YAML, NULL, 0), 0);
	root = load(t.text, t.len);
	assert_int_equal(eco_map_get(root, "id")->type, ECO_NULL);
	assert_null(eco_map_get(root, "lieu"));	/* optional: commented out */
	assert_false(eco_schema_valid(eco_schemaset_kind(set, "service"), root));
}

/*
 * Removing the first "#" of the lines of the top-level blocks ("#key:"
 * and the lines under it) gives YAML again, the optional fields filled
 * in and the nested optional ones still commented out.
 */
static void
test_uncomment_blocks(void **state)
{
	static const char *const which[] = { "regroupement", "rencontre", "plan" };
	size_t i, k, n;

	(void)state;
	for (k = 0; k < sizeof which / sizeof *which; k++) {
		char *u, *p, *line;
		const struct eco_node *root;

		assert_int_equal(sheet(which[k], ECO_SHEET_YAML, NULL, 0), 0);
		u = malloc(t.len + 1);
		assert_non_null(u);
		for (n = 0, p = t.text; *p; p = line) {
			line = p + strcspn(p, "\n");
			line += *line == '\n';
			if (p[0] == '#' && (p[1] != ' ' || p[2] == ' ') && p[1] != '\n')
				p++;	/* "#key:" or "#  nested" */
			memcpy(u + n, p, (size_t)(line - p));
			n += (size_t)(line - p);
		}
		u[n] = '\0';
		root = load(u, n);
		free(u);
		assert_int_equal(root->type, ECO_MAP);
		for (i = 0; i < root->len; i++)
			assert_int_equal(root->u.pairs[i].key->type, ECO_STR);
		/* a commented-out key came back */
		if (strcmp(which[k], "rencontre") == 0)
			assert_non_null(eco_map_get(root, "ordre_du_jour"));
	}
}

static void
test_organisme_prefill(void **state)
{
	const struct eco_node *root;

	(void)state;
	assert_int_equal(sheet("service", ECO_SHEET_YAML, "maison-famille", 0), 0);
	root = load(t.text, t.len);
	assert_string_equal(eco_map_get(root, "organisme")->s, "maison-famille");
	/* with the examples, the organisation still wins */
	assert_int_equal(sheet("suivi", ECO_SHEET_YAML, "ville-val", 1), 0);
	root = load(t.text, t.len);
	assert_string_equal(eco_map_get(root, "rapporteur")->s, "ville-val");
	assert_int_equal(eco_schema_check(eco_schemaset_kind(set, "suivi"), root,
	    "suivi", &t.d), 0);
}

static void
test_unknown_kind(void **state)
{
	(void)state;
	assert_int_equal(sheet("servise", ECO_SHEET_YAML, NULL, 0), -1);
	assert_int_equal(t.d.nerr, 1);
	assert_non_null(strstr(t.d.v[0].msg, "service"));
	assert_int_equal(t.len, 0);
}

static size_t
count(const char *s, const char *what)
{
	size_t n = 0;

	while ((s = strstr(s, what))) {
		n++;
		s += strlen(what);
	}
	return n;
}

/* Printable forms: balanced markup, text escaped, every field there. */
static void
test_forms(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < nkinds; i++) {
		assert_int_equal(sheet(kinds[i], ECO_SHEET_HTML, NULL, i % 2), 0);
		assert_int_equal(count(t.text, "<div"), count(t.text, "</div>"));
		assert_int_equal(count(t.text, "<p"), count(t.text, "</p>"));
		assert_non_null(strstr(t.text, "</html>\n"));
		assert_null(strstr(t.text, "<code>kind</code></h2>"));	/* said at the top */
		assert_int_equal(sheet(kinds[i], ECO_SHEET_MD, NULL, i % 2), 0);
		assert_memory_equal(t.text, "# ", 2);
	}
	/* "l'étape" in a description: the apostrophe is escaped in html */
	assert_int_equal(sheet("rencontre", ECO_SHEET_HTML, NULL, 0), 0);
	assert_non_null(strstr(t.text, "l&#39;étape"));
	assert_null(strstr(t.text, "l'étape"));
	/* and markdown's own characters are in md: rencontre has a_faire */
	assert_int_equal(sheet("rencontre", ECO_SHEET_MD, NULL, 0), 0);
	assert_non_null(strstr(t.text, "(`a_faire`)"));
	assert_non_null(strstr(t.text, "☐ prevue"));
}

/* Records in the worksheets' style read back as the same values. */
static void
test_sheet_yaml(void **state)
{
	static const char src[] =
	    "kind: rencontre\n"
	    "date: 2026-09-03\n"
	    "heure: '13:30'\n"
	    "titre: 'Suivi : « navette », année 2'\n"
	    "n: '12'\n"
	    "oui: 'yes'\n"
	    "outils: [10, 11]\n"
	    "vide: []\n"
	    "presences: [{organisme: a, personnes: [X, 'Y, Z']}, {personnes: [W]}]\n"
	    "carte: {a: 1, b: {c: d}}\n"
	    "long: \"deux\\nlignes\"\n";
	struct eco_doc *orig;
	const struct eco_node *root;
	char *out = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&out, &len);

	(void)state;
	assert_non_null(mem);
	root = load(src, strlen(src));
	assert_int_equal(eco_sheet_yaml(mem, root), 0);
	assert_int_equal(fclose(mem), 0);
	orig = t.doc;		/* keep it while the output is read */
	t.doc = NULL;
	root = load(out, len);
	assert_true(eco_node_equal(orig->root, root));
	assert_non_null(strstr(out, "date: 2026-09-03\n"));
	assert_non_null(strstr(out, "heure: \"13:30\"\n"));
	assert_non_null(strstr(out, "outils: [10, 11]\n"));
	assert_non_null(strstr(out, "  - organisme: a\n    personnes: [X, \"Y, Z\"]\n"));
	eco_doc_free(orig);
	free(out);
}

/* The printable forms go through the page writer: the language of the
 * messages, the print footer, the shared style sheet. */
static void
test_form_page(void **state)
{
	static const char *const want[] = {
		"<html lang=\"en\">",
		"@bottom-left { content: \"Grandir ensemble \xc2\xb7 2027-09-01\"",
		"counter(pages)", ".champ:not(:has(.champ))", "</body>\n</html>\n"
	};
	struct eco_sheet_opts o = { ECO_SHEET_HTML, NULL, 0 };
	FILE *mem;
	size_t i;

	(void)state;
	assert_non_null(mem = open_memstream(&t.text, &t.len));
	assert_int_equal(eco_sheet_print(mem, set, "tache", &o,
	    "Grandir ensemble", "2027-09-01", &t.d), 0);
	assert_int_equal(fclose(mem), 0);
	for (i = 0; i < sizeof want / sizeof *want; i++)
		if (!strstr(t.text, want[i]))
			fail_msg("no « %s » in the form", want[i]);
	free(t.text);
	t.text = NULL;
	o.format = ECO_SHEET_MD;
	assert_non_null(mem = open_memstream(&t.text, &t.len));
	assert_int_equal(eco_sheet_print(mem, set, "tache", &o, "G", "2027-09-01",
	    &t.d), 0);
	assert_int_equal(fclose(mem), 0);
	assert_null(strstr(t.text, "<"));
	assert_true(t.text[0] == '#' && t.text[1] == ' ');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_kinds_sorted),
		T(test_section),
		T(test_blank_sheets_load),
		T(test_example_sheets_validate),
		T(test_blank_sheet_invalid),
		T(test_uncomment_blocks),
		T(test_organisme_prefill),
		T(test_unknown_kind),
		T(test_forms),
		T(test_form_page),
		T(test_sheet_yaml),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
