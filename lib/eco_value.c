/*
 * eco_value.c - the two kinds of values every eco file holds besides
 * text: ISO dates and money.
 *
 * A date is the string AAAA-MM-JJ of a day of the proleptic Gregorian
 * calendar; arithmetic goes through a day number (0 on 1970-01-01), so
 * that differences and additions never meet months of unequal length.
 * Money is integer cents, never a double: read from the decimal text as
 * written, summed with overflow checked, split over calendar years so
 * that the parts add up exactly, and written in the Quebec way.
 */
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "eco_priv.h"

/* Dates. */

static int
leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

int
eco_format_date(const char *s, size_t n)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	static const char shape[] = "dddd-dd-dd";
	size_t i;
	int m, d;

	if (!s || n != 10)
		return 0;
	for (i = 0; i < n; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
			return 0;
	m = two(s + 5);
	d = two(s + 8);
	if (m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap(two(s) * 100 + two(s + 2)));
}

int
eco_date_ymd(const char *iso, int *y, int *m, int *d)
{
	if (!iso || !eco_format_date(iso, strlen(iso)))
		return -1;
	*y = two(iso) * 100 + two(iso + 2);
	*m = two(iso + 5);
	*d = two(iso + 8);
	return 0;
}

/* Days since 1970-01-01 (H. Hinnant's days_from_civil). */
static long
days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long
eco_date_days(const char *iso)
{
	int y, m, d;

	if (eco_date_ymd(iso, &y, &m, &d) < 0)
		return LONG_MIN;
	return days_from_civil(y, m, d);
}

char *
eco_date_of_days(long z, char *out)
{
	long era, doe, yoe, y, doy, mp, d, m;

	/* four-digit years only: 0000-01-01 to 9999-12-31 */
	if (z < -719528 || z > 2932896)
		return NULL;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	/* the ranges are known: the modulos only tell the compiler */
	snprintf(out, ECO_DATE_BUFSZ, "%04u-%02u-%02u",
	    (unsigned)(y + (m <= 2)) % 10000u, (unsigned)m % 100u,
	    (unsigned)d % 100u);
	return out;
}

char *
eco_date_add(const char *iso, long days, char *out)
{
	long z = eco_date_days(iso);

	if (z == LONG_MIN || (days > 0 && z > LONG_MAX - days) ||
	    (days < 0 && z < LONG_MIN + 1 - days))
		return NULL;
	return eco_date_of_days(z + days, out);
}

char *
eco_date_today(char *out)
{
	const char *pin = getenv("ECO_AUJOURDHUI");
	time_t now = time(NULL);
	struct tm tm;

	/* a day set for reproducible runs (tests, demonstrations) */
	if (pin && eco_date_days(pin) != LONG_MIN && strlen(pin) == 10) {
		memcpy(out, pin, 11);
		return out;
	}

	if (now == (time_t)-1 || !localtime_r(&now, &tm) ||
	    strftime(out, ECO_DATE_BUFSZ, "%Y-%m-%d", &tm) != 10)
		return NULL;
	return out;
}

/* Money. */

int
eco_money_parse(const char *s, size_t n, long long *cents)
{
	const char *p = s, *end = s + n;
	unsigned long long v = 0;
	long frac = 0, exp = 0, shift;
	int digits = 0, esign = 1, point = 0;

	if (p < end && *p == '+')
		p++;
	for (; p < end && ((*p >= '0' && *p <= '9') || (*p == '.' && !point));
	    p++) {
		if (*p == '.') {
			point = 1;
			continue;
		}
		if (v > (ULLONG_MAX - 9) / 10)
			return -1;
		v = v * 10 + (unsigned)(*p - '0');
		digits++;
		frac += point;
	}
	if (!digits)
		return -1;
	if (p < end && (*p == 'e' || *p == 'E')) {
		if (++p < end && (*p == '+' || *p == '-'))
			esign = *p++ == '-' ? -1 : 1;
		if (p == end)
			return -1;
		for (; p < end && *p >= '0' && *p <= '9'; p++)
			if ((exp = exp * 10 + (*p - '0')) > 100)
				return -1;
	}
	if (p != end)
		return -1;
	/* the value is v × 10^(exp - frac); cents are 100 times that */
	for (shift = esign * exp - frac + 2; shift < 0; shift++) {
		if (v % 10)
			return -1;	/* more than two decimals */
		v /= 10;
	}
	for (; shift > 0; shift--) {
		if (v > (unsigned long long)LLONG_MAX / 10)
			return -1;
		v *= 10;
	}
	if (v > (unsigned long long)LLONG_MAX)
		return -1;
	*cents = (long long)v;
	return 0;
}

int
eco_money_node(const struct eco_node *n, long long *cents)
{
	if (!n)
		return -1;
	if (n->type == ECO_INT && !(n->flags & ECO_F_BIG)) {
		/* 0x10 and 0o20 are integers too: take the value read */
		if (n->u.i < 0 || n->u.i > LLONG_MAX / 100)
			return -1;
		*cents = n->u.i * 100;
		return 0;
	}
	if (n->type == ECO_FLOAT || n->type == ECO_INT)
		return eco_money_parse(n->s, n->len, cents);
	return -1;
}

int
eco_money_add(long long *sum, long long c)
{
	if ((c > 0 && *sum > LLONG_MAX - c) || (c < 0 && *sum < LLONG_MIN - c))
		return -1;
	*sum += c;
	return 0;
}

char *
eco_money_format(long long cents, enum eco_money_style st, char *buf)
{
	static const char *const thousands[] = { " ", "\xe2\x80\xaf", "", "" };
	unsigned long long v = cents < 0 ? 0ULL - (unsigned long long)cents :
	    (unsigned long long)cents;
	const char *sep = thousands[st];
	char digits[24];
	char *o = buf;
	int nd, i;

	nd = snprintf(digits, sizeof digits, "%llu", v / 100);
	if (cents < 0)
		*o++ = '-';
	for (i = 0; i < nd; i++) {
		if (i > 0 && (nd - i) % 3 == 0)
			o += sprintf(o, "%s", sep);
		*o++ = digits[i];
	}
	o += sprintf(o, "%c%02u", st == ECO_MONEY_JSON ? '.' : ',',
	    (unsigned)(v % 100));
	if (st == ECO_MONEY_TEXTE)
		strcpy(o, " $");
	else if (st == ECO_MONEY_PRINT)
		strcpy(o, "\xc2\xa0$");	/* no-break space */
	return buf;
}

/* Days of [d0, d1] that fall in year y. */
static long
days_in_year(long d0, long d1, int y)
{
	long a = days_from_civil(y, 1, 1), b = days_from_civil(y, 12, 31);

	if (d0 > a)
		a = d0;
	if (d1 < b)
		b = d1;
	return b >= a ? b - a + 1 : 0;
}

int
eco_money_split_years(long long cents, const char *debut, const char *fin,
    long long *out, size_t cap)
{
	long d0 = eco_date_days(debut), d1 = eco_date_days(fin), total;
	long long q, r, left;
	int y0, y1, m, d, n, i, j;

	if (d0 == LONG_MIN || d1 == LONG_MIN || d1 < d0 || cents < 0)
		return -1;
	eco_date_ymd(debut, &y0, &m, &d);
	eco_date_ymd(fin, &y1, &m, &d);
	n = y1 - y0 + 1;
	if ((size_t)n > cap)
		return -1;
	total = d1 - d0 + 1;
	/* cents × days / total without overflow: split cents first */
	q = cents / total;
	r = cents % total;
	left = cents;
	for (i = 0; i < n; i++) {
		long k = days_in_year(d0, d1, y0 + i);

		out[i] = q * k + r * k / total;
		left -= out[i];
	}
	/* left < n: one more cent to each of the left largest fractions */
	for (i = 0; i < n && left > 0; i++) {
		long long fi = r * days_in_year(d0, d1, y0 + i) % total;
		long long before = 0;

		for (j = 0; j < n; j++) {
			long long fj = r * days_in_year(d0, d1, y0 + j) % total;

			if (fj > fi || (fj == fi && j < i))
				before++;
		}
		if (before < left)
			out[i]++;
	}
	return n;
}
