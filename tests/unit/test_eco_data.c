/*
 * test_eco_data.c - the method's data compiled into the library.
 *
 * The build converts each data/NAME.yaml to JSON (tools/yaml2json.c) and
 * the library reads that.  Each test reads the YAML file as a command
 * would and checks that the compiled-in copy holds the same documents,
 * value for value, in the same order; then that a name the library does
 * not hold is refused with a system diagnostic.  Run from the top of the
 * source tree (tests/run.sh does).
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
#include "eco_priv.h"

static void
same_as_yaml(const char *name)
{
	struct eco_limits lim;
	struct eco_diags d;
	struct eco_reader *r;
	struct eco_doc *doc, *json;
	char path[64];
	size_t n = 0;

	snprintf(path, sizeof path, "data/%s.yaml", name);
	eco_limits_default(&lim);
	eco_diags_init(&d);
	json = eco_embedded_doc(name, &d);
	assert_non_null(json);
	assert_int_equal(json->root->type, ECO_SEQ);
	r = eco_reader_open(path, &lim, &d);
	assert_non_null(r);
	while (eco_reader_next(r, &doc) > 0) {
		assert_int_equal(doc->nerr, 0);
		assert_true(n < json->root->len);
		assert_true(eco_node_equal(doc->root, json->root->u.items[n]));
		n++;
		eco_doc_free(doc);
	}
	eco_reader_close(r);
	assert_true(n > 0);
	assert_int_equal(n, json->root->len);
	assert_int_equal(d.n, 0);
	eco_doc_free(json);
	eco_diags_free(&d);
}

static void
cycle(void **state)
{
	(void)state;
	same_as_yaml("demarche");
}

static void
factors(void **state)
{
	(void)state;
	same_as_yaml("facteurs");
}

static void
diagnostic(void **state)
{
	(void)state;
	same_as_yaml("diagnostic");
}

static void
unknown_name(void **state)
{
	struct eco_diags d;

	(void)state;
	eco_diags_init(&d);
	assert_null(eco_embedded_doc("absent", &d));
	assert_int_equal(d.n, 1);
	assert_true(d.v[0].sys);
	assert_string_equal(d.v[0].file, "absent.json");
	/* a schema is compiled in, but it is not data */
	assert_null(eco_embedded_doc("plan.schema", &d));
	assert_int_equal(d.n, 2);
	eco_diags_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cycle),
		cmocka_unit_test(factors),
		cmocka_unit_test(diagnostic),
		cmocka_unit_test(unknown_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
