/*
 * test_eco_report.c - unit tests of eco_report.c: money (exact sums, the
 * Quebec format, the split over years), display width of accented and
 * wide text, and the renderers: alignment and wrapping in text, escaping
 * in Markdown and HTML, CSV for a French spreadsheet with formulas
 * neutralised, records in JSON and YAML that read back as written.
 *
 * Every test works in the file-global t, which teardown frees even when
 * an assertion fails, so that LeakSanitizer only reports real leaks.
 */
#include <limits.h>
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

static struct {
	struct eco_report *r;
	struct eco_diags d;
	struct eco_reader *rd;
	struct eco_doc *doc[8];
	size_t ndoc;
	char *out;		/* what the last render wrote */
	size_t len;
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	eco_diags_init(&t.d);
	return 0;
}

static int
teardown(void **state)
{
	size_t i;

	(void)state;
	eco_report_free(t.r);
	for (i = 0; i < t.ndoc; i++)
		eco_doc_free(t.doc[i]);
	eco_reader_close(t.rd);
	eco_diags_free(&t.d);
	free(t.out);
	return 0;
}

/* Render t.r in fmt into t.out. */
static const char *
render(enum eco_rformat fmt)
{
	FILE *fp;

	free(t.out);
	t.out = NULL;
	assert_non_null(fp = open_memstream(&t.out, &t.len));
	assert_int_equal(eco_report_write(fp, t.r, fmt, &t.d), 0);
	assert_int_equal(fclose(fp), 0);
	return t.out;
}

/* The documents of a YAML text, read into t.doc. */
static void
load(const char *text)
{
	struct eco_limits lim;
	struct eco_doc *doc;

	eco_limits_default(&lim);
	assert_non_null(t.rd = eco_reader_mem(text, strlen(text), "t.yaml",
	    &lim, &t.d));
	while (t.ndoc < 8 && eco_reader_next(t.rd, &doc) > 0) {
		t.doc[t.ndoc++] = doc;
		assert_int_equal(doc->nerr, 0);
	}
}

/* A report with one table of two columns, for the renderers. */
static struct eco_table *
one_table(unsigned show, const char *a, const char *b)
{
	struct eco_table *tb;

	assert_non_null(t.r = eco_report_new("fr-CA", "Titre"));
	assert_non_null(tb = eco_report_table(t.r, "vue-test", NULL, show));
	eco_table_column(tb, "a", "Nom", 0, 0);
	eco_table_column(tb, "b", "Valeur", 0, 0);
	eco_table_row(tb);
	eco_table_text(tb, 0, a);
	eco_table_text(tb, 1, b);
	return tb;
}

/* Display column of the first byte of needle in each line holding it. */
static void
assert_same_column(const char *text, const char *const *needles, size_t n)
{
	long col = -1;
	size_t i;

	for (i = 0; i < n; i++) {
		const char *p = strstr(text, needles[i]), *bol;
		long c;

		assert_non_null(p);
		for (bol = p; bol > text && bol[-1] != '\n'; bol--)
			;
		c = (long)eco_text_width(bol, (size_t)(p - bol));
		if (col >= 0 && c != col)
			fail_msg("« %s » at column %ld, not %ld", needles[i], c, col);
		col = c;
	}
}

static void
test_texte_aligns_accents(void **state)
{
	static const char *const cells[] = {
		"Valeur", "un", "deux", "trois", "quatre", "cinq"
	};
	static const char *const names[] = {
		"Zoé", "漢字漢字漢字漢字", "Navette 🚌 nord", "e\xcc\x81" "cole"
	};
	struct eco_table *tb = one_table(ECO_SHOW_DOC, "Éléonore Côté", "un");
	size_t i;

	(void)state;
	for (i = 0; i < sizeof names / sizeof *names; i++) {
		eco_table_row(tb);
		eco_table_text(tb, 0, names[i]);
		eco_table_text(tb, 1, cells[i + 2]);
	}
	render(ECO_R_TEXTE);
	/* bytes differ (é is 2, 漢 3 but 2 columns, 🚌 4 but 2 columns, e
	 * and its combining accent 3 but one column), columns do not */
	assert_same_column(t.out, cells, 6);
	assert_non_null(strstr(t.out, "Titre\n=====\n"));
}

static void
test_texte_money_right(void **state)
{
	static const char *const ends[] = { "0,05 $\n", "1 999 999,99 $\n" };
	struct eco_table *tb;
	const char *a, *b;

	(void)state;
	assert_non_null(t.r = eco_report_new("fr", ""));
	tb = eco_report_table(t.r, "x", "Légende", ECO_SHOW_DOC);
	eco_table_column(tb, "k", "Clé", 0, 0);
	eco_table_column(tb, "m", "Montant", ECO_COL_RIGHT, 0);
	eco_table_row(tb);
	eco_table_text(tb, 0, "petit");
	eco_table_money(tb, 1, 5);
	eco_table_total(tb);
	eco_table_text(tb, 0, "Total");
	eco_table_money(tb, 1, 199999999);
	render(ECO_R_TEXTE);
	a = strstr(t.out, ends[0]);
	b = strstr(t.out, ends[1]);
	assert_non_null(a);
	assert_non_null(b);
	/* right-aligned: both lines end with their amount at one column */
	while (a > t.out && a[-1] != '\n')
		a--;
	while (b > t.out && b[-1] != '\n')
		b--;
	assert_int_equal(eco_text_width(a, strcspn(a, "\n")),
	    eco_text_width(b, strcspn(b, "\n")));
	assert_non_null(strstr(t.out, "Légende\n"));
	/* the total row is set apart by a rule */
	assert_non_null(strstr(t.out, "-----  --------------\nTotal"));
}

static void
test_texte_wraps_and_cuts(void **state)
{
	struct eco_table *tb;
	const char *p;

	(void)state;
	assert_non_null(t.r = eco_report_new("fr", ""));
	tb = eco_report_table(t.r, "x", NULL, ECO_SHOW_DOC);
	eco_table_column(tb, "a", "Action", 0, 12);
	eco_table_column(tb, "b", "Coupé", ECO_COL_TRUNC, 6);
	eco_table_row(tb);
	eco_table_text(tb, 0, "Ateliers « Jasons avec bébé »");
	eco_table_text(tb, 1, "Bibliothèque");
	render(ECO_R_TEXTE);
	/* never more than 12 columns in the first column */
	for (p = t.out; (p = strchr(p, '\n')); p++)
		if (p[1] && strncmp(p + 1, "Action", 6) && p[1] != '-')
			assert_true(eco_text_width(p + 1, strcspn(p + 1, "\n")) <= 12 + 2 + 6);
	/* a guillemet stays with its word */
	assert_non_null(strstr(t.out, "« Jasons"));
	assert_non_null(strstr(t.out, "bébé »"));
	/* cut, with an ellipsis, in 6 columns */
	assert_non_null(strstr(t.out, "Bibli\xe2\x80\xa6"));
	assert_null(strstr(t.out, "Biblio\xe2\x80\xa6"));
}

static void
test_texte_no_control_chars(void **state)
{
	(void)state;
	one_table(ECO_SHOW_DOC, "a\x1b[31mrouge", "b\xc2\x9b" "c");
	eco_report_para(t.r, "x\x07y");
	render(ECO_R_TEXTE);
	assert_null(strchr(t.out, '\x1b'));
	assert_null(strchr(t.out, '\x07'));
	assert_null(strstr(t.out, "\xc2\x9b"));
	assert_non_null(strstr(t.out, "a [31mrouge"));
}

static void
test_texte_paragraph_keeps_amounts(void **state)
{
	char m[ECO_MONEY_BUFSZ], para[200];

	(void)state;
	assert_non_null(t.r = eco_report_new("fr", ""));
	snprintf(para, sizeof para, "%s %s.",
	    "Un budget total qui tombe juste au bout de la ligne, soit exactement",
	    eco_money_format(23521125, ECO_MONEY_PRINT, m));
	eco_report_para(t.r, para);
	render(ECO_R_TEXTE);
	/* no-break spaces keep the amount whole, then print as spaces */
	assert_non_null(strstr(t.out, "\n235 211,25 $."));
	assert_null(strstr(t.out, "\xc2\xa0"));
}

static void
test_timeline(void **state)
{
	struct eco_table *tb;

	(void)state;
	assert_non_null(t.r = eco_report_new("fr", ""));
	tb = eco_report_table(t.r, "vue-cal", NULL, ECO_SHOW_DOC | ECO_SHOW_DATA);
	eco_table_column(tb, "action", "Action", 0, 0);
	eco_table_months(tb, "2026-11-15", "2027-03-01");
	eco_table_row(tb);
	eco_table_text(tb, 0, "act-a");
	eco_table_span(tb, "2026-12-01", "2027-01-31");
	eco_table_row(tb);
	eco_table_text(tb, 0, "act-b");
	eco_table_span(tb, "2020-01-01", "2030-01-01");	/* clipped */
	render(ECO_R_TEXTE);
	assert_non_null(strstr(t.out, "act-a   .##..\n"));
	assert_non_null(strstr(t.out, "act-b   #####\n"));
	assert_non_null(strstr(t.out, "NDJFM\n"));
	render(ECO_R_JSON);
	assert_non_null(strstr(t.out, "\"mois\":[\"2026-12\",\"2027-01\"]"));
	render(ECO_R_CSV);
	assert_non_null(strstr(t.out,
	    "Action;2026-11;2026-12;2027-01;2027-02;2027-03\r\nact-a;;x;x;;\r\n"));
	render(ECO_R_HTML);
	assert_non_null(strstr(t.out, "<th colspan=\"2\">2026</th><th colspan=\"3\">2027</th>"));
	assert_non_null(strstr(t.out, "<th class=\"m\" title=\"2026-11\">N</th>"));
	assert_non_null(strstr(t.out, "<td class=\"m on\">"));
}

/* HTML and Markdown: what the user wrote comes out as text. */

static void
test_html_escapes(void **state)
{
	(void)state;
	one_table(ECO_SHOW_DOC, "<script>alert('x')</script>", "A & B \"C\"");
	eco_report_heading(t.r, 1, "<b>vue</b>");
	eco_report_para(t.r, "<img src=x onerror=alert(1)>");
	render(ECO_R_HTML);
	assert_null(strstr(t.out, "<script>"));
	assert_null(strstr(t.out, "<img"));
	assert_null(strstr(t.out, "<b>"));
	assert_non_null(strstr(t.out,
	    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
	assert_non_null(strstr(t.out, "A &amp; B &quot;C&quot;"));
	assert_non_null(strstr(t.out, "<html lang=\"fr-CA\">"));
	assert_non_null(strstr(t.out, "<meta charset=\"utf-8\">"));
	assert_non_null(strstr(t.out, "@page"));
	assert_non_null(strstr(t.out, "<h2>&lt;b&gt;vue&lt;/b&gt;</h2>"));
	assert_non_null(strstr(t.out, "<p>&lt;img src=x onerror=alert(1)&gt;</p>"));
	/* one page: nothing loaded from elsewhere */
	assert_null(strstr(t.out, "<link"));
	assert_null(strstr(t.out, "<script"));
}

static void
test_html_classes(void **state)
{
	struct eco_table *tb;

	(void)state;
	assert_non_null(t.r = eco_report_new("fr", "T"));
	tb = eco_report_table(t.r, "x", NULL, ECO_SHOW_DOC);
	eco_table_column(tb, "d", "Début", ECO_COL_NOWRAP, 0);
	eco_table_column(tb, "m", "Montant", ECO_COL_RIGHT, 0);
	eco_table_column(tb, "t", "Texte", 0, 0);
	eco_table_row(tb);
	eco_table_text(tb, 0, "2027-01-15");
	eco_table_money(tb, 1, 1250000);
	eco_table_text(tb, 2, "libre");
	eco_table_total(tb);
	eco_table_money(tb, 1, 1250000);
	render(ECO_R_HTML);
	/* dates never break at their hyphens, amounts at their spaces */
	assert_non_null(strstr(t.out, "<tr><th class=\"k\">Début</th>"
	    "<th class=\"n\">Montant</th><th>Texte</th></tr>"));
	assert_non_null(strstr(t.out, "<tr><td class=\"k\">2027-01-15</td>"
	    "<td class=\"n\">12\xe2\x80\xaf" "500,00\xc2\xa0$</td><td>libre</td></tr>"));
	assert_non_null(strstr(t.out, "<tr class=\"total\">"));
	assert_non_null(strstr(t.out, ".k { white-space: nowrap; }"));
}

static void
test_md_escapes(void **state)
{
	(void)state;
	one_table(ECO_SHOW_DOC, "a|b *c* _d_ <script>", "1. premier");
	eco_report_para(t.r, "# pas un titre");
	eco_report_para(t.r, "2026. une année");
	render(ECO_R_MD);
	assert_non_null(strstr(t.out, "| a\\|b \\*c\\* \\_d\\_ \\<script\\> | 1\\. premier |"));
	assert_null(strstr(t.out, "<script>"));
	assert_non_null(strstr(t.out, "\n\\# pas un titre\n"));
	assert_non_null(strstr(t.out, "\n2026\\. une année\n"));
	assert_non_null(strstr(t.out, "# Titre\n"));
}

/* CSV for a French-language spreadsheet. */

static void
test_csv_neutralises_formulas(void **state)
{
	static const char *const bad[] = {
		"=SUM(A1)", "+1+1", "-2+3", "@SUM(A1)", "\t=1"
	};
	struct eco_table *tb;
	size_t i;
	char want[64];

	(void)state;
	assert_non_null(t.r = eco_report_new("fr", ""));
	tb = eco_report_table(t.r, "x", NULL, ECO_SHOW_DATA);
	eco_table_column(tb, "a", "A", 0, 0);
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		eco_table_row(tb);
		eco_table_text(tb, 0, bad[i]);
	}
	render(ECO_R_CSV);
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		snprintf(want, sizeof want, "'%s\r\n", bad[i]);
		if (!strstr(t.out, want))
			fail_msg("no « %s » in:\n%s", want, t.out);
	}
	assert_null(strstr(t.out, "\n=SUM"));
	/* a carriage return is a control character: a space, then no
	 * formula */
	eco_table_row(tb);
	eco_table_text(tb, 0, "\r=1");
	render(ECO_R_CSV);
	assert_non_null(strstr(t.out, "\r\n\"' =1\"\r\n"));
}

/* Columns for people only, for records only, or not in json: each
 * writer leaves out the others, cells and headers alike. */
static void
test_columns_by_format(void **state)
{
	struct eco_table *tb;

	(void)state;
	assert_non_null(t.r = eco_report_new("fr-CA", "Titre"));
	assert_non_null(tb = eco_report_table(t.r, "vue-test", NULL,
	    ECO_SHOW_DOC | ECO_SHOW_DATA));
	eco_table_column(tb, "code", "code", ECO_COL_DATA, 0);
	eco_table_column(tb, "nom", "Nom", ECO_COL_DOC, 0);
	eco_table_column(tb, "libelle", "Libellé", ECO_COL_NOJSON, 0);
	eco_table_row(tb);
	eco_table_text(tb, 0, "cpe");
	eco_table_text(tb, 1, "CPE Soleil");
	eco_table_text(tb, 2, "garde");
	assert_non_null(strstr(render(ECO_R_MD), "| Nom | Libellé |"));
	assert_null(strstr(t.out, "cpe"));
	assert_null(strstr(render(ECO_R_TEXTE), "cpe"));
	assert_non_null(strstr(t.out, "CPE Soleil"));
	assert_null(strstr(render(ECO_R_HTML), ">cpe<"));
	assert_non_null(strstr(render(ECO_R_CSV), "code;Libellé\r\ncpe;garde\r\n"));
	assert_non_null(strstr(render(ECO_R_JSON), "\"code\":\"cpe\""));
	assert_null(strstr(t.out, "CPE Soleil"));
	assert_null(strstr(t.out, "garde"));
	assert_non_null(strstr(render(ECO_R_YAML), "libelle: garde"));
}

static void
test_csv_quotes_and_numbers(void **state)
{
	struct eco_table *tb;
	const struct eco_node *v;

	(void)state;
	load("[15.6, -3, 1200]\n");
	v = t.doc[0]->root;
	assert_non_null(t.r = eco_report_new("fr", ""));
	tb = eco_report_table(t.r, "x", NULL, ECO_SHOW_DATA);
	eco_table_column(tb, "a", "Nom; prénom", 0, 0);
	eco_table_column(tb, "b", "Montant", ECO_COL_RIGHT, 0);
	eco_table_column(tb, "c", "Valeur", 0, 0);
	eco_table_column(tb, "d", "Liste", 0, 0);
	eco_table_row(tb);
	eco_table_text(tb, 0, "Il a dit \"oui\"; puis\nnon");
	eco_table_money(tb, 1, 1250000);
	eco_table_value(tb, 2, v->u.items[0]);
	eco_table_list(tb, 3, (const char *const []){ "a", "=b" }, 2);
	eco_table_row(tb);
	eco_table_value(tb, 2, v->u.items[1]);	/* a number is no formula */
	eco_table_bool(tb, 3, 1);
	render(ECO_R_CSV);
	assert_memory_equal(t.out, "\xef\xbb\xbf", 3);	/* BOM */
	assert_non_null(strstr(t.out, "\"Nom; prénom\";Montant;Valeur;Liste\r\n"));
	assert_non_null(strstr(t.out,
	    "\"Il a dit \"\"oui\"\"; puis\nnon\";12500,00;15,6;a, =b\r\n"));
	assert_non_null(strstr(t.out, "\r\n;;-3;yes\r\n"));
	/* the BOM once, even with two tables */
	eco_report_table(t.r, "y", NULL, ECO_SHOW_DATA);
	render(ECO_R_CSV);
	assert_null(strstr(t.out + 3, "\xef\xbb\xbf"));
}

static void
test_csv_only_data(void **state)
{
	(void)state;
	one_table(ECO_SHOW_DOC, "montré", "aux gens");
	render(ECO_R_CSV);
	assert_int_equal(t.len, 0);
	render(ECO_R_TEXTE);
	assert_non_null(strstr(t.out, "montré"));
}

/* Records. */

static void
test_json_records(void **state)
{
	struct eco_table *tb;
	const struct eco_node *v;

	(void)state;
	load("[15.6, 42]\n");
	v = t.doc[0]->root;
	assert_non_null(t.r = eco_report_new("fr", ""));
	tb = eco_report_table(t.r, "vue-x", NULL, ECO_SHOW_DATA);
	eco_table_column(tb, "id", "Id", 0, 0);
	eco_table_column(tb, "montant", "Montant", 0, 0);
	eco_table_column(tb, "valeur", "Valeur", 0, 0);
	eco_table_column(tb, "liste", "Liste", 0, 0);
	eco_table_column(tb, "retard", "Retard", 0, 0);
	eco_table_column(tb, "vide", "Vide", 0, 0);
	eco_table_row(tb);
	eco_table_text(tb, 0, "a\"b");
	eco_table_money(tb, 1, 1250000);
	eco_table_value(tb, 2, v->u.items[0]);
	eco_table_list(tb, 3, (const char *const []){ "x", "y" }, 2);
	eco_table_bool(tb, 4, 0);
	eco_table_row(tb);
	eco_table_money(tb, 1, 5);
	eco_table_value(tb, 2, v->u.items[1]);
	render(ECO_R_JSON);
	assert_string_equal(t.out,
	    "{\"kind\":\"vue-x\",\"version\":1,\"id\":\"a\\\"b\",\"montant\":12500.00,"
	    "\"valeur\":15.6,\"liste\":[\"x\",\"y\"],\"retard\":false}\n"
	    "{\"kind\":\"vue-x\",\"version\":1,\"montant\":0.05,\"valeur\":42}\n");
}

static void
test_yaml_records_read_back(void **state)
{
	struct eco_table *tb;
	const struct eco_node *r;

	(void)state;
	assert_non_null(t.r = eco_report_new("fr", ""));
	tb = eco_report_table(t.r, "vue-x", NULL, ECO_SHOW_DATA);
	eco_table_column(tb, "a", "A", 0, 0);
	eco_table_column(tb, "b", "B", 0, 0);
	eco_table_column(tb, "m", "M", 0, 0);
	eco_table_row(tb);
	eco_table_text(tb, 0, "true");		/* text that looks like a bool */
	eco_table_text(tb, 1, "2027-01-15");
	eco_table_money(tb, 2, 62550);
	render(ECO_R_YAML);
	load(t.out);
	assert_int_equal(t.ndoc, 1);
	r = t.doc[0]->root;
	assert_int_equal(eco_map_get(r, "a")->type, ECO_STR);
	assert_string_equal(eco_map_get(r, "a")->s, "true");
	assert_string_equal(eco_map_get(r, "b")->s, "2027-01-15");
	assert_int_equal(eco_map_get(r, "m")->type, ECO_FLOAT);
	assert_string_equal(eco_map_get(r, "m")->s, "625.50");
	assert_string_equal(eco_map_get(r, "kind")->s, "vue-x");
	assert_int_equal(eco_map_get(r, "version")->u.i, 1);
}

static void
test_shown_where_asked(void **state)
{
	struct eco_table *tb;

	(void)state;
	one_table(ECO_SHOW_DATA, "donnée", "seulement");
	tb = eco_report_table(t.r, "doc", NULL, ECO_SHOW_DOC);
	eco_table_column(tb, "a", "Colonne cachée", ECO_COL_NOTEXTE, 0);
	eco_table_column(tb, "b", "Visible", 0, 0);
	eco_table_row(tb);
	eco_table_text(tb, 0, "caché");
	eco_table_text(tb, 1, "vu");
	render(ECO_R_TEXTE);
	assert_null(strstr(t.out, "donnée"));
	assert_null(strstr(t.out, "caché"));
	assert_non_null(strstr(t.out, "vu"));
	render(ECO_R_MD);
	assert_non_null(strstr(t.out, "caché"));
	render(ECO_R_JSON);
	assert_non_null(strstr(t.out, "donnée"));
	assert_null(strstr(t.out, "caché"));
}

static void
test_failed_is_sticky(void **state)
{
	struct eco_table *tb = one_table(ECO_SHOW_DOC, "a", "b");
	FILE *fp;

	(void)state;
	assert_int_equal(eco_report_failed(t.r), 0);
	eco_table_column(tb, "c", "trop tard", 0, 0);	/* after a row */
	assert_int_equal(eco_report_failed(t.r), 1);
	assert_non_null(fp = open_memstream(&t.out, &t.len));
	assert_int_equal(eco_report_write(fp, t.r, ECO_R_TEXTE, &t.d), -1);
	fclose(fp);
	assert_int_equal(t.d.nerr, 1);
	assert_int_equal(t.d.sys, 1);
}

/* An ESC written in a value reaches no format a person reads. */
static void
test_control_chars_everywhere(void **state)
{
	static const enum eco_rformat fmts[] = {
		ECO_R_TEXTE, ECO_R_MD, ECO_R_HTML, ECO_R_CSV
	};
	size_t i;

	(void)state;
	one_table(ECO_SHOW_DOC | ECO_SHOW_DATA, "a\x1b]0;titre\x07" "b",
	    "c\xc2\x9b" "2J");
	eco_report_heading(t.r, 1, "h\x1b[1m");
	eco_report_para(t.r, "p\x1b[31m");
	eco_report_item(t.r, 0, "i\x1b[5m");
	for (i = 0; i < sizeof fmts / sizeof *fmts; i++) {
		render(fmts[i]);
		if (strchr(t.out, '\x1b') || strchr(t.out, '\x07') ||
		    strstr(t.out, "\xc2\x9b"))
			fail_msg("a control character in format %d", (int)fmts[i]);
	}
	render(ECO_R_CSV);
	assert_non_null(strstr(t.out, "\"a ]0;titre b\";c 2J\r\n"));
	/* and the text columns stay aligned: a space takes a column */
	render(ECO_R_TEXTE);
	assert_non_null(strstr(t.out, "\n------------  ------\na ]0;titre b  c 2J\n"));
}

/* Each of the n needles is in t.out. */
static void
assert_has(const char *const *needles, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strstr(t.out, needles[i]))
			fail_msg("no « %s » in:\n%s", needles[i], t.out);
}

static void
test_html_lang_and_footer(void **state)
{
	static const char *const want[] = {
		"<html lang=\"fr-CA\">",
		/* the footer's boxes: name and date, then the page numbers;
		 * nothing in the name can close the style element */
		"@bottom-left { content: \"Grandir \\22 ensemble\\22  \\3c "
		"/style\\3e  \xc2\xb7 2027-09-01\"",
		"@bottom-right { content: \"page \" counter(page) \" of \" "
		"counter(pages)",
	};

	(void)state;
	one_table(ECO_SHOW_DOC, "a", "b");
	eco_report_footer(t.r, "Grandir \"ensemble\" </style>", "2027-09-01");
	render(ECO_R_HTML);
	assert_has(want, sizeof want / sizeof *want);
	assert_null(strstr(t.out, "</style> \xc2\xb7"));
	/* no footer asked: the page numbers alone */
	eco_report_free(t.r);
	assert_non_null(t.r = eco_report_new(NULL, "Titre"));
	render(ECO_R_HTML);
	assert_null(strstr(t.out, "@bottom-left"));
	assert_non_null(strstr(t.out, "@bottom-right"));
	/* NULL: the language of the messages (English here, no catalogue) */
	assert_non_null(strstr(t.out, "<html lang=\"en\">"));
}

static void
test_html_keeps_together(void **state)
{
	static const char *const want[] = {
		"Heure du conte <span class=\"k\">(act-heure-conte)</span>",
		"du <span class=\"k\">2026-10-01</span>",
		/* a column never broken needs no span */
		"<td class=\"k\">2026-10-01</td>",
		"«\xc2\xa0Jasons avec bébé\xc2\xa0»\xc2\xa0: en cours.",
		/* the style sheet keeps headings, captions and headers with
		 * what follows, repeats headers and never splits a row */
		"caption { break-after: avoid; }",
		"thead { display: table-header-group;",
		"tr { break-inside: avoid; }",
		".k { white-space: nowrap; }",
	};
	struct eco_table *tb;

	(void)state;
	assert_non_null(t.r = eco_report_new("fr-CA", "Titre"));
	assert_non_null(tb = eco_report_table(t.r, "x", "Légende", ECO_SHOW_DOC));
	eco_table_column(tb, "a", "Action", 0, 0);
	eco_table_column(tb, "b", "Période", 0, 0);
	eco_table_column(tb, "c", "Début", ECO_COL_NOWRAP, 0);
	eco_table_row(tb);
	eco_table_text(tb, 0, "Heure du conte (act-heure-conte)");
	eco_table_text(tb, 1, "du 2026-10-01 au 2029-06-30");
	eco_table_text(tb, 2, "2026-10-01");
	eco_report_para(t.r, "Ateliers « Jasons avec bébé » : en cours.");
	render(ECO_R_HTML);
	assert_has(want, sizeof want / sizeof *want);
	render(ECO_R_MD);
	assert_non_null(strstr(t.out, "«\xc2\xa0Jasons avec bébé\xc2\xa0»"));
}

static void
test_lists(void **state)
{
	(void)state;
	assert_non_null(t.r = eco_report_new("fr", "Ordre du jour"));
	eco_report_heading(t.r, 1, "Points");
	eco_report_item(t.r, 1, "Accueil");
	eco_report_item(t.r, 1, "Retour sur les constats, un point assez long "
	    "pour que la ligne se replie sous son propre texte");
	eco_report_para(t.r, "À apporter :");
	eco_report_item(t.r, 0, "plan.yaml");
	eco_report_item(t.r, 0, "constats.yaml");
	render(ECO_R_TEXTE);
	assert_non_null(strstr(t.out, "\n  1. Accueil\n  2. Retour sur"));
	assert_non_null(strstr(t.out, "se replie\n     sous son propre texte\n"));
	assert_non_null(strstr(t.out, "\n\nÀ apporter :\n\n  - plan.yaml\n"
	    "  - constats.yaml\n"));
	render(ECO_R_MD);
	assert_non_null(strstr(t.out, "\n1. Accueil\n2. Retour"));
	assert_non_null(strstr(t.out, "\n\n- plan.yaml\n- constats.yaml\n"));
	render(ECO_R_HTML);
	assert_non_null(strstr(t.out, "<ol>\n<li>Accueil</li>\n<li>Retour"));
	assert_non_null(strstr(t.out, "</ol>\n<p>"));
	assert_non_null(strstr(t.out, "<ul>\n<li>plan.yaml</li>\n"
	    "<li>constats.yaml</li>\n</ul>\n</section>\n</body>"));
	/* lists are no data */
	render(ECO_R_CSV);
	assert_string_equal(t.out, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_texte_aligns_accents),
		T(test_texte_money_right),
		T(test_texte_wraps_and_cuts),
		T(test_texte_no_control_chars),
		T(test_control_chars_everywhere),
		T(test_html_lang_and_footer),
		T(test_html_keeps_together),
		T(test_lists),
		T(test_texte_paragraph_keeps_amounts),
		T(test_timeline),
		T(test_html_escapes),
		T(test_html_classes),
		T(test_md_escapes),
		T(test_csv_neutralises_formulas),
		T(test_csv_quotes_and_numbers),
		T(test_columns_by_format),
		T(test_csv_only_data),
		T(test_json_records),
		T(test_yaml_records_read_back),
		T(test_shown_where_asked),
		T(test_failed_is_sticky),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
