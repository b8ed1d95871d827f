/*
 * said.h - what the unit tests ask of a diagnostic list (include after
 * cmocka.h and eco.h).
 */

/* The first diagnostic of d whose message holds text; the test fails
 * when there is none. */
static const struct eco_diag *
said_in(const struct eco_diags *d, const char *text)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strstr(d->v[i].msg, text))
			return &d->v[i];
	fail_msg("no diagnostic says « %s »", text);
	return NULL;
}
