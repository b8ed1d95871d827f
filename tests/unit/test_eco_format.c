/*
 * test_eco_format.c - unit tests of eco_format.c: email as RFC 5321's
 * Mailbox, uri as RFC 3986's URI, one case per part of each grammar
 * (test_eco_schema.c checks a schema asserts them).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "eco.h"

static int
email(const char *s)
{
	return eco_format_email(s, strlen(s));
}

static int
uri(const char *s)
{
	return eco_format_uri(s, strlen(s));
}

static void
test_email_dot_string(void **state)
{
	(void)state;
	assert_true(email("marie.tremblay@exemple.qc.ca"));
	assert_true(email("a+b!#$%&'*/=?^_`{|}~-@exemple.ca"));
	assert_true(email("x@localhost"));
	assert_false(email(".marie@exemple.ca"));
	assert_false(email("marie.@exemple.ca"));
	assert_false(email("ma..rie@exemple.ca"));
	assert_false(email("ma rie@exemple.ca"));
	assert_false(email("marie(x)@exemple.ca"));
	assert_false(email("marié@exemple.ca"));	/* idn-email's */
	assert_false(email("@exemple.ca"));
	assert_false(email("marie"));
}

static void
test_email_quoted_local_part(void **state)
{
	(void)state;
	assert_true(email("\"marie tremblay\"@exemple.ca"));
	assert_true(email("\"ma..rie\"@exemple.ca"));
	assert_true(email("\"a@b\"@exemple.ca"));
	assert_true(email("\"un \\\" guillemet\"@exemple.ca"));
	assert_true(email("\"\"@exemple.ca"));
	assert_false(email("\"pas fermé@exemple.ca"));
	assert_false(email("\"a\"b@exemple.ca"));
	assert_false(email("\"a\\\"@exemple.ca"));
	assert_false(email("\"tab\there\"@exemple.ca"));
}

static void
test_email_domain(void **state)
{
	char label[80], local[80];

	(void)state;
	assert_true(email("a@b-c.d1.ca"));
	assert_false(email("a@"));
	assert_false(email("a@-b.ca"));
	assert_false(email("a@b-.ca"));
	assert_false(email("a@b..ca"));
	assert_false(email("a@b.ca."));
	assert_false(email("a@inva=lide.ca"));
	assert_false(email("a@b@c.ca"));
	assert_false(email("a@b.ca, c@d.ca"));
	memset(label, 'x', 64);
	strcpy(label + 64, ".ca");
	memcpy(local, "a@", 2);
	strcpy(local + 2, label);
	assert_false(email(local));	/* a label of 64 */
	memset(local, 'x', 65);
	strcpy(local + 65, "@b.ca");
	assert_false(email(local));	/* a local part of 65 */
	strcpy(local + 64, "@b.ca");
	assert_true(email(local));	/* 64 */
}

static void
test_email_address_literal(void **state)
{
	(void)state;
	assert_true(email("a@[192.0.2.1]"));
	assert_true(email("a@[192.0.2.01]"));	/* Snum: 1*3DIGIT */
	assert_true(email("a@[IPv6:2001:db8::1]"));
	assert_true(email("a@[IPv6:::1]"));
	assert_true(email("a@[IPv6:2001:db8:0:0:0:0:0:1]"));
	assert_true(email("a@[IPv6:::ffff:192.0.2.1]"));
	assert_false(email("a@[192.0.2.300]"));
	assert_false(email("a@[192.0.2]"));
	assert_false(email("a@[IPv6:2001:db8::1::2]"));
	assert_false(email("a@[IPv6:1:2:3:4:5:6:7::]"));	/* 7 + :: */
	assert_false(email("a@[2001:db8::1]"));	/* no tag */
	assert_false(email("a@[X-tag:xyz]"));		/* no such tag */
	assert_false(email("a@[192.0.2.1"));
}

static void
test_uri_scheme_and_path(void **state)
{
	(void)state;
	assert_true(uri("https://exemple.qc.ca/"));
	assert_true(uri("mailto:marie@exemple.ca"));
	assert_true(uri("urn:isbn:978-2-89"));
	assert_true(uri("tel:+1-418-555-0100"));
	assert_true(uri("file:///etc/passwd"));
	assert_true(uri("a+b.c-d:x"));
	assert_true(uri("x:"));
	assert_false(uri("exemple.ca"));
	assert_false(uri("/chemin"));
	assert_false(uri("//exemple.ca/"));
	assert_false(uri("1http://exemple.ca"));
	assert_false(uri("ht_tp://exemple.ca"));
	assert_false(uri("http:/[::1]"));
	assert_false(uri("https://exemple.ca/a b"));
	assert_false(uri("https://exemple.ca/été"));
	assert_false(uri("https://exemple.ca/a\\b"));
	assert_false(uri("https://exemple.ca/<a>"));
}

static void
test_uri_authority(void **state)
{
	(void)state;
	assert_true(uri("https://marie:secret@exemple.ca:8443/x"));
	assert_true(uri("http://%41@exemple.ca"));
	assert_true(uri("http://exemple.ca:/"));	/* port = *DIGIT */
	assert_true(uri("http://999.999.999.999/"));	/* a reg-name */
	assert_true(uri("http://[2001:db8::7]:80/c=GB?objectClass?one"));
	assert_true(uri("http://[::ffff:192.0.2.1]/"));
	assert_true(uri("http://[v1.fe80::a+en1]/"));
	assert_false(uri("http://exemple.ca:8o/"));
	assert_false(uri("https://[@exemple.ca/"));
	assert_false(uri("http://a@b@exemple.ca/"));
	assert_false(uri("http://[2001:db8::7/"));
	assert_false(uri("http://[2001:db8::7]x/"));
	assert_false(uri("http://[::ffff:01.2.3.4]/"));	/* dec-octet */
	assert_false(uri("http://[1:2:3:4:5:6:7:8:9]/"));
	assert_false(uri("http://[1:2:3:4:5:6:7]/"));
	assert_true(uri("http://[1:2:3:4:5:6:7::]/"));
	assert_false(uri("http://[:1]/"));
}

static void
test_uri_query_fragment_percent(void **state)
{
	(void)state;
	assert_true(uri("http://a/?q=1&r=a/b?c#f/g?h"));
	assert_true(uri("http://a/%20%c3%a9"));
	assert_false(uri("http://a/%"));
	assert_false(uri("http://a/%A"));
	assert_false(uri("http://a/%6G"));
	assert_false(uri("http://a/#f#g"));
	assert_false(uri("http://a/?q={x}"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_email_dot_string),
		cmocka_unit_test(test_email_quoted_local_part),
		cmocka_unit_test(test_email_domain),
		cmocka_unit_test(test_email_address_literal),
		cmocka_unit_test(test_uri_scheme_and_path),
		cmocka_unit_test(test_uri_authority),
		cmocka_unit_test(test_uri_query_fragment_percent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
