/*
 * test_eco_project.c - unit tests of eco_project.c: finding a project's
 * root from below, and writes that never leave a file half written or
 * replace a file that must stay.  Each test works in a fresh folder.
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

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static char dir[64];	/* /tmp/eco-project-XXXXXX */

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/eco-project-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
put(const char *rel, const char *text)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, rel);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static char *
get(const char *rel)
{
	static char buf[256];
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_root_from_below),
		T(test_no_root),
		T(test_write_new_and_append),
		T(test_failed_write_leaves_the_old_file),
		T(test_lock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
