/*
 * test_eco_value.c - unit tests of eco_value.c: the calendar (leap years,
 * 1900 and 2000, bad months and days), day numbers both ways, adding days,
 * today; money read exactly from text and nodes, refused when it is not
 * an amount or overflows, summed with overflow checked, split over years
 * with the cents left over placed, and written in the Quebec way.
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

/* The calendar. */

static void
test_format_date(void **state)
{
	static const char *const good[] = {
		"2000-02-29", "2024-02-29", "2026-12-31", "2027-01-01",
		"0000-01-01", "9999-12-31", "2026-04-30"
	};
	static const char *const bad[] = {
		"1900-02-29", "2100-02-29", "2027-02-29", "2026-13-01",
		"2026-00-10", "2026-04-31", "2026-01-00", "2026-01-32",
		"2026-9-1", "2026/09/01", "2026-09-01T00", " 2026-09-01",
		"20260901", "", "2026-0a-01"
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof *good; i++)
		if (!eco_format_date(good[i], strlen(good[i])))
			fail_msg("« %s » refused", good[i]);
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		if (eco_format_date(bad[i], strlen(bad[i])))
			fail_msg("« %s » taken for a date", bad[i]);
	assert_false(eco_format_date(NULL, 10));
	/* n bytes only: a date followed by more is checked as its n bytes */
	assert_true(eco_format_date("2026-09-01 et plus", 10));
}

static void
test_date_ymd(void **state)
{
	int y = 0, m = 0, d = 0;

	(void)state;
	assert_int_equal(eco_date_ymd("2028-02-29", &y, &m, &d), 0);
	assert_int_equal(y, 2028);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	assert_int_equal(eco_date_ymd("2027-02-29", &y, &m, &d), -1);
	assert_int_equal(eco_date_ymd(NULL, &y, &m, &d), -1);
}

static void
test_date_of_days(void **state)
{
	static const char *const dates[] = {
		"1970-01-01", "1969-12-31", "2000-02-29", "2000-03-01",
		"1900-03-01", "2026-09-01", "2029-06-30", "0000-01-01",
		"0000-03-01", "9999-12-31", "1600-02-29"
	};
	char out[ECO_DATE_BUFSZ];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof dates / sizeof *dates; i++) {
		assert_non_null(eco_date_of_days(eco_date_days(dates[i]), out));
		assert_string_equal(out, dates[i]);
	}
	assert_string_equal(eco_date_of_days(0, out), "1970-01-01");
	assert_string_equal(eco_date_of_days(59, out), "1970-03-01");
	assert_null(eco_date_of_days(eco_date_days("9999-12-31") + 1, out));
	assert_null(eco_date_of_days(eco_date_days("0000-01-01") - 1, out));
}

static void
test_date_add(void **state)
{
	char out[ECO_DATE_BUFSZ];

	(void)state;
	assert_string_equal(eco_date_add("2026-09-01", 14, out), "2026-09-15");
	assert_string_equal(eco_date_add("2026-12-25", 7, out), "2027-01-01");
	assert_string_equal(eco_date_add("2028-02-28", 1, out), "2028-02-29");
	assert_string_equal(eco_date_add("2027-02-28", 1, out), "2027-03-01");
	assert_string_equal(eco_date_add("2000-02-28", 1, out), "2000-02-29");
	assert_string_equal(eco_date_add("1900-02-28", 1, out), "1900-03-01");
	assert_string_equal(eco_date_add("2027-03-01", -1, out), "2027-02-28");
	assert_string_equal(eco_date_add("2026-09-01", 0, out), "2026-09-01");
	assert_string_equal(eco_date_add("2026-09-01", 365 * 3 + 1, out),
	    "2029-09-01");
	assert_null(eco_date_add("2026-02-30", 1, out));
	assert_null(eco_date_add("9999-12-31", 1, out));
	assert_null(eco_date_add("2026-09-01", LONG_MAX, out));
	assert_null(eco_date_add("2026-09-01", LONG_MIN, out));
}

static void
test_date_today(void **state)
{
	char out[ECO_DATE_BUFSZ];

	(void)state;
	assert_non_null(eco_date_today(out));
	assert_true(eco_format_date(out, strlen(out)));
	assert_true(strcmp(out, "2020-01-01") > 0);
}

/* Money: parsing (eco_money_parse) and sums are exact. */

static long long
cents(const char *s)
{
	long long c = -1;

	assert_int_equal(eco_money_parse(s, strlen(s), &c), 0);
	return c;
}

static void
test_money_sums_exact(void **state)
{
	long long sum = 0;
	double dsum = 0;
	int i;

	(void)state;
	/* 0.1 + 0.2 is 0.30000000000000004 in doubles, 30 cents here */
	assert_int_equal(eco_money_add(&sum, cents("0.1")), 0);
	assert_int_equal(eco_money_add(&sum, cents("0.2")), 0);
	assert_int_equal(sum, 30);
	assert_true(0.1 + 0.2 != 0.3);
	sum = 0;
	for (i = 0; i < 10; i++) {
		assert_int_equal(eco_money_add(&sum, cents("0.10")), 0);
		dsum += 0.1;
	}
	assert_int_equal(sum, 100);
	assert_true(dsum != 1.0);	/* what a double would have said */
	assert_int_equal(cents("1999999.99"), 199999999LL);
	assert_int_equal(cents("4500"), 450000);
	assert_int_equal(cents("625.5"), 62550);
	assert_int_equal(cents("1.250"), 125);	/* a zero past the cents */
	assert_int_equal(cents("4.5e3"), 450000);
}

static void
test_money_refused(void **state)
{
	static const char *const bad[] = {
		"-5", "-0.01", "1180.125", "0.001", "12 500,00", "12,50",
		"1e-3", "abc", "", ".", "1.2.3", "$12", "12$", "0x10"
	};
	long long c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		if (eco_money_parse(bad[i], strlen(bad[i]), &c) == 0)
			fail_msg("« %s » taken as %lld cents", bad[i], c);
}

static void
test_money_add_overflow(void **state)
{
	long long sum = LLONG_MAX - 5;

	(void)state;
	assert_int_equal(eco_money_add(&sum, 5), 0);
	assert_int_equal(sum, LLONG_MAX);
	assert_int_equal(eco_money_add(&sum, 1), -1);
	assert_int_equal(sum, LLONG_MAX);	/* left alone */
	sum = LLONG_MIN + 1;
	assert_int_equal(eco_money_add(&sum, -2), -1);
}

static void
test_money_format(void **state)
{
	char b[ECO_MONEY_BUFSZ];

	(void)state;
	assert_string_equal(eco_money_format(0, ECO_MONEY_TEXTE, b), "0,00 $");
	assert_string_equal(eco_money_format(5, ECO_MONEY_TEXTE, b), "0,05 $");
	assert_string_equal(eco_money_format(99999, ECO_MONEY_TEXTE, b),
	    "999,99 $");
	assert_string_equal(eco_money_format(100000, ECO_MONEY_TEXTE, b),
	    "1 000,00 $");
	assert_string_equal(eco_money_format(1250000, ECO_MONEY_TEXTE, b),
	    "12 500,00 $");
	assert_string_equal(eco_money_format(199999999, ECO_MONEY_TEXTE, b),
	    "1 999 999,99 $");
	assert_string_equal(eco_money_format(-1234, ECO_MONEY_TEXTE, b),
	    "-12,34 $");
	/* narrow no-break space between thousands, no-break space before $ */
	assert_string_equal(eco_money_format(199999999, ECO_MONEY_PRINT, b),
	    "1\xe2\x80\xaf" "999\xe2\x80\xaf" "999,99\xc2\xa0$");
	assert_string_equal(eco_money_format(199999999, ECO_MONEY_CSV, b),
	    "1999999,99");
	assert_string_equal(eco_money_format(1250000, ECO_MONEY_JSON, b),
	    "12500.00");
	assert_string_equal(eco_money_format(7, ECO_MONEY_JSON, b), "0.07");
	assert_string_equal(eco_money_format(LLONG_MAX, ECO_MONEY_TEXTE, b),
	    "92 233 720 368 547 758,07 $");
	assert_string_equal(eco_money_format(LLONG_MIN, ECO_MONEY_CSV, b),
	    "-92233720368547758,08");
}

/* Day numbers and the split over years. */

static void
test_date_days(void **state)
{
	(void)state;
	assert_int_equal(eco_date_days("1970-01-01"), 0);
	assert_int_equal(eco_date_days("1970-01-02"), 1);
	assert_int_equal(eco_date_days("1969-12-31"), -1);
	assert_int_equal(eco_date_days("2000-03-01") - eco_date_days("2000-02-28"), 2);
	assert_int_equal(eco_date_days("2100-03-01") - eco_date_days("2100-02-28"), 1);
	assert_int_equal(eco_date_days("2027-01-01") - eco_date_days("2026-01-01"), 365);
	assert_int_equal(eco_date_days("2029-01-01") - eco_date_days("2028-01-01"), 366);
	assert_true(eco_date_days("2026-02-30") == LONG_MIN);
	assert_true(eco_date_days("2026-9-1") == LONG_MIN);
	assert_true(eco_date_days(NULL) == LONG_MIN);
}

static void
test_split_years(void **state)
{
	long long part[8], sum = 0, whole = 23521125;	/* 235 211,25 $ */
	long d0, d1, days;
	int n, i;

	(void)state;
	/* 1 $ over 3 days, one in 2026 and two in 2027: 33.33 + 66.67 */
	assert_int_equal(eco_money_split_years(100, "2026-12-31", "2027-01-02",
	    part, 8), 2);
	assert_int_equal(part[0], 33);
	assert_int_equal(part[1], 67);
	/* 1 cent over two days of two years: a tie, the earlier year wins */
	assert_int_equal(eco_money_split_years(1, "2026-12-31", "2027-01-01",
	    part, 8), 2);
	assert_int_equal(part[0], 1);
	assert_int_equal(part[1], 0);
	/* within one year, everything stays there */
	assert_int_equal(eco_money_split_years(12345, "2027-03-01", "2027-03-01",
	    part, 8), 1);
	assert_int_equal(part[0], 12345);
	/* a plan's period: the parts add up, each within a cent of its share */
	n = eco_money_split_years(whole, "2026-09-01", "2029-06-30", part, 8);
	assert_int_equal(n, 4);
	d0 = eco_date_days("2026-09-01");
	d1 = eco_date_days("2029-06-30");
	days = d1 - d0 + 1;
	for (i = 0; i < n; i++) {
		char a[16], b[16];
		long from, to, k;
		double exact;

		snprintf(a, sizeof a, "%d-01-01", 2026 + i);
		snprintf(b, sizeof b, "%d-12-31", 2026 + i);
		from = eco_date_days(a) > d0 ? eco_date_days(a) : d0;
		to = eco_date_days(b) < d1 ? eco_date_days(b) : d1;
		k = to - from + 1;
		exact = (double)whole * k / days;
		assert_true(part[i] >= (long long)exact - 1 &&
		    part[i] <= (long long)exact + 1);
		sum += part[i];
	}
	assert_int_equal(sum, whole);
	/* 2028 is a leap year: its 366 days count */
	assert_int_equal(eco_money_split_years(731, "2027-01-01", "2028-12-31",
	    part, 8), 2);
	assert_int_equal(part[0], 365);
	assert_int_equal(part[1], 366);
	assert_int_equal(eco_money_split_years(100, "2027-01-02", "2027-01-01",
	    part, 8), -1);
	assert_int_equal(eco_money_split_years(100, "2020-01-01", "2029-01-01",
	    part, 8), -1);
	assert_int_equal(eco_money_split_years(100, "2020-02-30", "2021-01-01",
	    part, 8), -1);
}

static void
test_money_edges(void **state)
{
	long long c = -1;

	(void)state;
	/* the largest amount there is, and one cent more */
	assert_int_equal(eco_money_parse("92233720368547758.07", 20, &c), 0);
	assert_int_equal(c, LLONG_MAX);
	assert_int_equal(eco_money_parse("92233720368547758.08", 20, &c), -1);
	assert_int_equal(eco_money_parse("99999999999999999999999", 23, &c), -1);
	assert_int_equal(eco_money_parse("1e16", 4, &c), 0);
	assert_int_equal(c, 1000000000000000000LL);	/* 10^18 cents */
	assert_int_equal(eco_money_parse("1e17", 4, &c), -1);
	assert_int_equal(eco_money_parse("1e999", 5, &c), -1);
	assert_int_equal(eco_money_parse("1e", 2, &c), -1);
	assert_int_equal(eco_money_parse("+7", 2, &c), 0);
	assert_int_equal(c, 700);
	assert_int_equal(eco_money_parse("0.5", 3, &c), 0);
	assert_int_equal(c, 50);
	assert_int_equal(eco_money_parse(".5", 2, &c), 0);
	assert_int_equal(c, 50);
	assert_int_equal(eco_money_parse("5.", 2, &c), 0);
	assert_int_equal(c, 500);
	assert_int_equal(eco_money_parse("12.345e1", 8, &c), 0);
	assert_int_equal(c, 12345);
	assert_int_equal(eco_money_parse("12.345e0", 8, &c), -1);
}

static void
test_money_node(void **state)
{
	static const char text[] = "[4500, 4500.5, 0x10, \"12\", -3, 1.005, "
	    "null, 200000000000000000, 4.5e3]\n";
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_reader *r;
	struct eco_doc *doc = NULL;
	const struct eco_node *v;
	long long c = 0;

	(void)state;
	eco_diags_init(&d);
	eco_limits_default(&lim);
	assert_non_null(r = eco_reader_mem(text, strlen(text), "t", &lim, &d));
	assert_int_equal(eco_reader_next(r, &doc), 1);
	v = doc->root;
	assert_int_equal(eco_money_node(v->u.items[0], &c), 0);
	assert_int_equal(c, 450000);
	assert_int_equal(eco_money_node(v->u.items[1], &c), 0);
	assert_int_equal(c, 450050);
	assert_int_equal(eco_money_node(v->u.items[2], &c), 0);
	assert_int_equal(c, 1600);
	assert_int_equal(eco_money_node(v->u.items[3], &c), -1);	/* text */
	assert_int_equal(eco_money_node(v->u.items[4], &c), -1);	/* negative */
	assert_int_equal(eco_money_node(v->u.items[5], &c), -1);	/* 3 decimals */
	assert_int_equal(eco_money_node(v->u.items[6], &c), -1);	/* null */
	assert_int_equal(eco_money_node(v->u.items[7], &c), -1);	/* too big */
	assert_int_equal(eco_money_node(v->u.items[8], &c), 0);
	assert_int_equal(c, 450000);
	assert_int_equal(eco_money_node(NULL, &c), -1);
	eco_doc_free(doc);
	eco_reader_close(r);
	eco_diags_free(&d);
}

static void
test_split_leftovers(void **state)
{
	long long part[4];

	(void)state;
	/* 10 cents over 3 whole years of 365 days: 3.33 each, one left,
	 * to the earliest of equal fractions */
	assert_int_equal(eco_money_split_years(10, "2025-01-01", "2027-12-31",
	    part, 4), 3);
	assert_int_equal(part[0], 4);
	assert_int_equal(part[1], 3);
	assert_int_equal(part[2], 3);
	/* 2 cents left: the two largest fractions, a leap year first */
	assert_int_equal(eco_money_split_years(11, "2027-01-01", "2029-12-31",
	    part, 4), 3);
	assert_int_equal(part[0] + part[1] + part[2], 11);
	assert_int_equal(part[1], 4);	/* 2028 has 366 days */
	assert_int_equal(part[0], 4);
	assert_int_equal(part[2], 3);
	/* nothing to split */
	assert_int_equal(eco_money_split_years(0, "2027-01-01", "2029-12-31",
	    part, 4), 3);
	assert_int_equal(part[0] + part[1] + part[2], 0);
	assert_int_equal(eco_money_split_years(-1, "2027-01-01", "2027-12-31",
	    part, 4), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_date),
		cmocka_unit_test(test_date_ymd),
		cmocka_unit_test(test_date_of_days),
		cmocka_unit_test(test_date_add),
		cmocka_unit_test(test_date_today),
		cmocka_unit_test(test_money_sums_exact),
		cmocka_unit_test(test_money_refused),
		cmocka_unit_test(test_money_edges),
		cmocka_unit_test(test_money_node),
		cmocka_unit_test(test_money_add_overflow),
		cmocka_unit_test(test_money_format),
		cmocka_unit_test(test_date_days),
		cmocka_unit_test(test_split_years),
		cmocka_unit_test(test_split_leftovers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
