/*
 * test_eco_text.c - unit tests of eco_text.c: display width from Unicode's
 * tables (ASCII, accents, combining marks, CJK, emoji, controls), the
 * French wrapping rule and the writer that replaced cli_wrap, control
 * characters dropped, HTML and Markdown escaping (« » kept with their
 * words, dates and ids never broken), closest-match suggestions, the
 * growable buffer, the language tag of the messages.
 *
 * Every test writes through the file-global t, which teardown frees
 * even when an assertion fails.
 */
#include <libintl.h>
#include <locale.h>
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
	FILE *fp;
	char *out;
	size_t len;
	struct eco_buf b;
} t;

static int
setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	if (t.fp)
		fclose(t.fp);
	free(t.out);
	eco_buf_free(&t.b);
	return 0;
}

static FILE *
open_out(void)
{
	if (t.fp)
		fclose(t.fp);
	free(t.out);
	t.out = NULL;
	assert_non_null(t.fp = open_memstream(&t.out, &t.len));
	return t.fp;
}

static const char *
close_out(void)
{
	assert_int_equal(fclose(t.fp), 0);
	t.fp = NULL;
	return t.out;
}

/* Width. */

static void
test_width(void **state)
{
	static const char decomposed[] = "e\xcc\x81t\xc3\xa9";	/* e + U+0301 */

	(void)state;
	assert_int_equal(eco_text_width("abc", 3), 3);
	assert_int_equal(eco_text_width("\xc3\xa9t\xc3\xa9", 5), 3);	/* été */
	assert_int_equal(eco_text_width("Échéance", strlen("Échéance")), 8);
	assert_int_equal(eco_text_width(decomposed, strlen(decomposed)), 3);
	assert_int_equal(eco_text_width("\xe6\xbc\xa2\xe5\xad\x97", 6), 4);	/* 漢字 */
	assert_int_equal(eco_text_width("\xf0\x9f\x98\x80", 4), 2);	/* 😀 */
	assert_int_equal(eco_text_width("🚌", strlen("🚌")), 2);	/* U+1F68C */
	assert_int_equal(eco_text_width("Navette 🚌 nord", strlen("Navette 🚌 nord")),
	    15);
	assert_int_equal(eco_text_width("a\xe2\x80\x8b" "b", 5), 2);	/* ZWSP */
	assert_int_equal(eco_text_width("12\xe2\x80\xaf" "500", 8), 6);	/* NNBSP */
	assert_int_equal(eco_text_width("한국어", strlen("한국어")), 6);
	assert_int_equal(eco_text_width("a\x1b" "b", 3), 2);	/* ESC: none */
	assert_int_equal(eco_text_width("abc", 2), 2);	/* n bytes only */
	assert_int_equal(eco_char_width(0x0301), 0);
	assert_int_equal(eco_char_width(0x1F68C), 2);
	assert_int_equal(eco_char_width('A'), 1);
}

static void
test_fit(void **state)
{
	(void)state;
	assert_int_equal(eco_text_fit("abcdef", 6, 4), 4);
	assert_int_equal(eco_text_fit("été", strlen("été"), 2), 3);	/* é + t */
	assert_int_equal(eco_text_fit("漢字", 6, 3), 3);	/* half a 字 no */
	assert_int_equal(eco_text_fit("🚌a", 5, 1), 0);
	assert_int_equal(eco_text_fit("e\xcc\x81x", 4, 1), 3);	/* é stays whole */
}

/* Control characters. */

static void
test_controls(void **state)
{
	(void)state;
	assert_true(eco_char_is_control(0x1b));
	assert_true(eco_char_is_control(0x07));
	assert_true(eco_char_is_control(0x7f));
	assert_true(eco_char_is_control(0x9b));	/* CSI, C1 */
	assert_true(eco_char_is_control(0x85));
	assert_false(eco_char_is_control('\n'));
	assert_false(eco_char_is_control('\t'));
	assert_false(eco_char_is_control(0xa0));
	assert_false(eco_char_is_control('a'));
	eco_text_clean(&t.b, "a\x1b[31mb\xc2\x9b" "c\td\ne\xc2\xa0" "f", 18, 0);
	assert_string_equal(t.b.s, "a [31mb c\td\ne\xc2\xa0" "f");
	eco_buf_clear(&t.b);
	eco_text_clean(&t.b, "a\x1b" "b\tc\nd\xc2\xa0" "e\xe2\x80\xaf" "f", 15,
	    ECO_CLEAN_TABS | ECO_CLEAN_NBSP);
	assert_string_equal(t.b.s, "a b c\nd e f");
	eco_buf_clear(&t.b);
	eco_text_clean(&t.b, "a\tb\xc2\xa0" "c", 6, ECO_CLEAN_TABS);
	assert_string_equal(t.b.s, "a b\xc2\xa0" "c");
}

/* Wrapping. */

/* The lines of s wrapped at w by eco_wrap_line, joined with '|'. */
static const char *
lines(const char *s, size_t w, unsigned flags)
{
	size_t len, k;
	int hard;

	eco_buf_clear(&t.b);
	do {
		k = eco_wrap_line(s, w, flags, &len);
		if (t.b.n)
			eco_buf_adds(&t.b, "|");
		eco_buf_add(&t.b, s, len);
		hard = k > 0 && s[k - 1] == '\n';
		s += k;
	} while (*s || hard);
	return t.b.s;
}

static void
test_wrap_rule(void **state)
{
	static const struct {
		const char *in;
		size_t width;
		unsigned flags;
		const char *lines;
	} fx[] = {
		{ "un deux trois", 8, 0, "un deux|trois" },
		{ "un deux trois", 0, 0, "un deux trois" },
		/* never just after «, nor before » : ; ! ? — % $ */
		{ "dit « oui » ici", 9, 0, "dit|« oui »|ici" },
		{ "Période : du 1", 8, 0, "Période :|du 1" },
		{ "vrai ; faux", 5, 0, "vrai ;|faux" },
		{ "Quoi ? Rien !", 5, 0, "Quoi ?|Rien !" },
		{ "mot — incise", 4, 0, "mot —|incise" },
		{ "hausse de 15 %", 12, 0, "hausse de|15 %" },
		{ "coût 500,00 $", 11, 0, "coût|500,00 $" },
		/* a dash inside a word is no dash standing alone */
		{ "a —b", 2, 0, "a|—b" },
		/* a word longer than the line overflows it, or is cut */
		{ "abcdefgh ij", 4, 0, "abcdefgh|ij" },
		{ "abcdefgh ij", 4, ECO_WRAP_CUT, "abcd|efgh|ij" },
		/* cut after a hyphen of the word when there is one */
		{ "Val-des-Cèdres", 9, ECO_WRAP_CUT, "Val-des-|Cèdres" },
		{ "de Val-des-Cèdres", 9, ECO_WRAP_CUT, "de|Val-des-|Cèdres" },
		{ "a -b", 3, ECO_WRAP_CUT, "a|-b" },
		{ "Val-des-Cèdres", 9, 0, "Val-des-Cèdres" },
		/* newlines end lines, or are spaces */
		{ "un\ndeux trois", 20, 0, "un|deux trois" },
		{ "un\ndeux", 20, ECO_WRAP_JOIN, "un\ndeux" },
		{ "a\n\nb", 20, 0, "a||b" },
		{ "a\n", 20, 0, "a|" },
		/* widths, not bytes: 🚌 takes two columns */
		{ "🚌🚌 ab", 4, 0, "🚌🚌|ab" },
		{ "éé ab", 5, 0, "éé ab" },
		/* blank runs: as written, or one column */
		{ "a    b c", 6, 0, "a    b|c" },
		{ "a    b c", 5, ECO_WRAP_SQUEEZE, "a    b c" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof fx / sizeof *fx; i++)
		if (strcmp(lines(fx[i].in, fx[i].width, fx[i].flags),
		    fx[i].lines) != 0)
			fail_msg("« %s » at %zu: « %s », not « %s »", fx[i].in,
			    fx[i].width, t.b.s, fx[i].lines);
}

static void
test_wrap_write(void **state)
{
	const char *s;

	(void)state;
	/* a first line from column 2, then "# " and no indent */
	eco_wrap_write(open_out(), "un deux trois quatre cinq", 2, 0, 12, "# ");
	s = close_out();
	assert_string_equal(s, "un deux\n# trois\n# quatre\n# cinq\n");
	/* runs of white space, newlines too, are one space */
	eco_wrap_write(open_out(), "  un\n  deux\t trois  ", 4, 4, 40, "");
	s = close_out();
	assert_string_equal(s, "un deux trois\n");
	/* indented lines, « » kept together, widths of the continuation */
	eco_wrap_write(open_out(), "voir « eco-gabarit constat » et « eco-validate »",
	    2, 2, 24, "");
	s = close_out();
	assert_string_equal(s,
	    "voir « eco-gabarit\n  constat » et\n  « eco-validate »\n");
	/* no line is wider than asked */
	eco_wrap_write(open_out(), "Les constats prioritaires deviennent les "
	    "priorités de l'Outil 8. Un document par constat dans constats.yaml.",
	    2, 0, 30, "# ");
	s = close_out();
	assert_non_null(strstr(s, "\n# "));
	for (; *s; s += strcspn(s, "\n") + 1)	/* the first from column 2 */
		assert_true(eco_text_width(s, strcspn(s, "\n")) +
		    (s == t.out ? 2 : 0) <= 30);
	eco_wrap_write(open_out(), "", 0, 0, 10, "");
	assert_string_equal(close_out(), "\n");
}

/* Escaping. */

static void
test_html_escape(void **state)
{
	const char *s;

	(void)state;
	eco_html_text(open_out(), "<b>A & B</b> \"c\" 'd'", 0);
	assert_string_equal(close_out(),
	    "&lt;b&gt;A &amp; B&lt;/b&gt; &quot;c&quot; &#39;d&#39;");
	/* an ESC, a BEL, a C1 CSI become spaces; tab and newline stay */
	eco_html_text(open_out(), "a\x1b[2Jb\x07" "c\xc2\x9b" "d\te\nf", 0);
	s = close_out();
	assert_null(strchr(s, '\x1b'));
	assert_null(strstr(s, "\xc2\x9b"));
	assert_string_equal(s, "a [2Jb c d\te f");
	eco_html_text(open_out(), "a\nb", ECO_HTML_BR);
	assert_string_equal(close_out(), "a<br>b");
}

static void
test_html_french_spaces(void **state)
{
	(void)state;
	eco_html_text(open_out(), "« oui » : non ; si ! quoi ?", 0);
	assert_string_equal(close_out(), "«\xc2\xa0oui\xc2\xa0»\xc2\xa0: non"
	    "\xc2\xa0; si\xc2\xa0! quoi\xc2\xa0?");
	eco_html_text(open_out(), "« 2026-09-01 »", ECO_HTML_NOWRAP);
	assert_string_equal(close_out(), "«\xc2\xa0<span class=\"k\">2026-09-01"
	    "</span>\xc2\xa0»");
}

static void
test_html_nowrap(void **state)
{
	(void)state;
	eco_html_text(open_out(), "du 2026-09-01 au 2029-06-30", ECO_HTML_NOWRAP);
	assert_string_equal(close_out(), "du <span class=\"k\">2026-09-01</span> "
	    "au <span class=\"k\">2029-06-30</span>");
	eco_html_text(open_out(), "Heure du conte (act-heure-conte), eco-formats(5).",
	    ECO_HTML_NOWRAP);
	assert_string_equal(close_out(), "Heure du conte <span class=\"k\">"
	    "(act-heure-conte),</span> <span class=\"k\">eco-formats(5).</span>");
	/* names are no ids; a word without an inner hyphen neither */
	eco_html_text(open_out(), "Val-des-Cèdres peut-être -x y- a<b-c",
	    ECO_HTML_NOWRAP);
	assert_string_equal(close_out(), "Val-des-Cèdres peut-être -x y- "
	    "<span class=\"k\">a&lt;b-c</span>");
	eco_html_text(open_out(), "2026-09-01", 0);
	assert_string_equal(close_out(), "2026-09-01");
}

static void
test_md_escape(void **state)
{
	(void)state;
	eco_md_text(open_out(), "*gras* _it_ `code` [lien](x) <b> a|b & ~ #");
	assert_string_equal(close_out(), "\\*gras\\* \\_it\\_ \\`code\\` "
	    "\\[lien\\](x) \\<b\\> a\\|b \\& \\~ \\#");
	/* what would open a block at the start */
	eco_md_text(open_out(), "# titre");
	assert_string_equal(close_out(), "\\# titre");
	eco_md_text(open_out(), "- item");
	assert_string_equal(close_out(), "\\- item");
	eco_md_text(open_out(), "12. douze");
	assert_string_equal(close_out(), "12\\. douze");
	eco_md_text(open_out(), "a - b 12. c");
	assert_string_equal(close_out(), "a - b 12. c");
	/* one line, no control character, French spaces kept */
	eco_md_text(open_out(), "a\nb\x1b[31mc\xc2\x9b" "d\te");
	assert_string_equal(close_out(), "a b \\[31mc d e");
	eco_md_text(open_out(), "dit « oui » : bon");
	assert_string_equal(close_out(), "dit «\xc2\xa0oui\xc2\xa0»\xc2\xa0: bon");
}

/* Suggestions. */

static void
test_fold(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(eco_text_fold("VÉRIFIE", buf, sizeof buf), "verifie");
	assert_string_equal(eco_text_fold("Œuvre à Châteauguay", buf, sizeof buf),
	    "oeuvre a chateauguay");
	assert_string_equal(eco_text_fold("ordre-du-jour", buf, sizeof buf),
	    "ordre-du-jour");
	assert_string_equal(eco_text_fold("Ça, où, ÎLE, naïf", buf, sizeof buf),
	    "ca, ou, ile, naif");
	/* what has no plain form stays as it is */
	assert_string_equal(eco_text_fold("×÷🚌", buf, sizeof buf), "×÷🚌");
	/* never past the buffer */
	assert_string_equal(eco_text_fold("ééééé", buf, 6), "eee");
	assert_string_equal(eco_text_fold("abc", buf, 1), "");
}

static void
test_closest(void **state)
{
	static const char *const words[] = { "budget", "bailleur", "debut", "fin" };

	(void)state;
	assert_string_equal(eco_closest("budgt", words, 4), "budget");
	assert_string_equal(eco_closest("bailleurs", words, 4), "bailleur");
	assert_string_equal(eco_closest("fni", words, 4), "fin");
	assert_null(eco_closest("responsable", words, 4));
	assert_null(eco_closest("x", words, 0));
}

/* The buffer. */

static void
test_buf(void **state)
{
	char big[2000], *s;

	(void)state;
	assert_null(t.b.s);
	s = eco_buf_take(&t.b);
	assert_string_equal(s, "");
	free(s);
	eco_buf_adds(&t.b, "ab");
	eco_buf_add(&t.b, "cdef", 2);
	eco_buf_addc(&t.b, '-', 3);
	eco_buf_printf(&t.b, "%d:%s", 42, "x");
	assert_string_equal(t.b.s, "abcd---42:x");
	assert_int_equal(t.b.n, 11);
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	eco_buf_printf(&t.b, "[%s]", big);	/* longer than any fixed buffer */
	assert_int_equal(t.b.n, 11 + 2 + sizeof big - 1);
	assert_int_equal(t.b.s[t.b.n - 1], ']');
	assert_int_equal(strlen(t.b.s), t.b.n);
	eco_buf_clear(&t.b);
	assert_string_equal(t.b.s, "");
	eco_buf_adds(&t.b, "neuf");
	s = eco_buf_take(&t.b);
	assert_string_equal(s, "neuf");
	assert_null(t.b.s);
	assert_int_equal(t.b.n, 0);
	free(s);
	/* oom is sticky: nothing is added, take says so */
	t.b.oom = 1;
	eco_buf_adds(&t.b, "x");
	assert_null(t.b.s);
	assert_null(eco_buf_take(&t.b));
	assert_int_equal(t.b.oom, 0);
}

/* The language of the messages. */

/* A new LANGUAGE: gettext forgets the translations it found. */
static void
relocale(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	textdomain(textdomain(NULL));
}

static void
test_lang(void **state)
{
	const char *dir = getenv("ECO_LOCALEDIR");
	char tag[16];

	(void)state;
	/* no catalogue bound: the messages are English */
	assert_string_equal(eco_lang_tag(tag, sizeof tag), "en");
	assert_null(eco_lang_tag(tag, 4));
	if (!dir || !*dir)
		skip();
	bindtextdomain("eco", dir);
	setenv("LANGUAGE", "fr", 1);
	relocale();
	assert_string_equal(eco_lang_tag(tag, sizeof tag), "fr");
	setenv("LANGUAGE", "fr_CA:fr", 1);
	relocale();
	assert_string_equal(eco_lang_tag(tag, sizeof tag), "fr-CA");
	/* no catalogue for de: the messages are French, and so is the tag */
	setenv("LANGUAGE", "de:fr", 1);
	relocale();
	assert_string_equal(eco_lang_tag(tag, sizeof tag), "fr");
	setenv("LANGUAGE", "en", 1);
	relocale();
	assert_string_equal(eco_lang_tag(tag, sizeof tag), "en");
	setenv("LANGUAGE", "fr", 1);
	setlocale(LC_ALL, "C");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_width),
		T(test_fit),
		T(test_controls),
		T(test_wrap_rule),
		T(test_wrap_write),
		T(test_html_escape),
		T(test_html_french_spaces),
		T(test_html_nowrap),
		T(test_md_escape),
		T(test_fold),
		T(test_closest),
		T(test_buf),
		T(test_lang),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
