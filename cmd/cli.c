/*
 * cli.c - what every command shares: the common options and the checks
 * of every option's value, the subcommand dispatcher, --help and
 * --version, the inputs and the document loop, the diagnostic printers
 * and the end.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

const char *cli_prog = "eco";
/* The synopsis of the command, or subcommand, cli_main runs. */
static const char *cur_usage = "";

/*
 * The language the environment asks for when its locale is not on the
 * machine (fr_FR.UTF-8 where only C.UTF-8 is generated): setlocale then
 * fails and gettext would speak English.  LANGUAGE when set, else the
 * language and country of LC_ALL, LC_MESSAGES or LANG ("fr_FR"), which
 * eco_lang_force hands to gettext.
 */
static void
missing_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *l = getenv("LANGUAGE");
	char lang[64];
	size_t i;

	if (l && *l) {
		eco_lang_force(l);
		return;
	}
	for (i = 0; i < sizeof vars / sizeof *vars; i++)
		if ((l = getenv(vars[i])) && *l)
			break;
	if (i == sizeof vars / sizeof *vars || strcmp(l, "C") == 0 ||
	    strcmp(l, "POSIX") == 0 || strncmp(l, "C.", 2) == 0)
		return;
	snprintf(lang, sizeof lang, "%.*s", (int)strcspn(l, ".@"), l);
	if (*lang)
		eco_lang_force(lang);
}

void
cli_init(const char *prog)
{
	const char *dir = getenv("ECO_LOCALEDIR");

	cli_prog = prog;
	/* Only the character set and the language of messages come from
	 * the locale: eco writes numbers, money and dates itself, and data
	 * are read the C way (a French LC_NUMERIC would turn strtod's '.'
	 * into ',').  Loading the other categories is start-up time lost. */
	if (!setlocale(LC_CTYPE, ""))
		setlocale(LC_CTYPE, "C.UTF-8");
	if (!setlocale(LC_MESSAGES, ""))
		missing_locale();
	bindtextdomain("eco", dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset("eco", "UTF-8");
	textdomain("eco");
}

/* Diagnostics. */

struct order {
	size_t group, index;
	const struct eco_diag *g;
};

static int
by_position(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if (x->g->line != y->g->line)
		return x->g->line < y->g->line ? -1 : 1;
	if (x->g->col != y->g->col)
		return x->g->col < y->g->col ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static int
same_file(const struct eco_diag *a, const struct eco_diag *b)
{
	return a->file && b->file ? strcmp(a->file, b->file) == 0 :
	    !a->file && !b->file;
}

/*
 * Diagnostics of one file come out in line and column order, whatever
 * order the checks found them in; files keep the order they came in.
 */
static struct order *
sorted(const struct eco_diags *d)
{
	struct order *o = malloc((d->n ? d->n : 1) * sizeof *o);
	size_t i, j;

	if (!o)
		return NULL;
	for (i = 0; i < d->n; i++) {
		o[i].g = &d->v[i];
		o[i].index = o[i].group = i;
		for (j = 0; j < i; j++)
			if (o[j].group == j && same_file(&d->v[j], &d->v[i])) {
				o[i].group = j;
				break;
			}
	}
	qsort(o, d->n, sizeof *o, by_position);
	return o;
}

static void
print_text(const struct eco_diag *g)
{
	fprintf(stderr, "%s: ", cli_prog);
	if (g->file && g->line > 0)
		fprintf(stderr, "%s:%d:%d: ", g->file, g->line, g->col);
	else if (g->file)
		fprintf(stderr, "%s: ", g->file);
	fprintf(stderr, "%s: %s", eco_sev_name(g->sev), g->msg);
	if (g->check)
		fprintf(stderr, " [%s]", g->check);
	putc('\n', stderr);
}

/* One JSON line, the record eco_diag_node makes (the one writer of
 * diagnostics as data). */
static void
print_json(const struct eco_diag *g)
{
	struct eco_doc *doc = eco_doc_new(NULL);
	struct eco_node *m = doc ? eco_diag_node(doc, g) : NULL;

	if (!m)
		cli_oom(NULL);
	eco_emit_json(stdout, m, NULL, NULL);
	eco_doc_free(doc);
}

static void
print_diags(struct eco_diags *d, void (*print)(const struct eco_diag *))
{
	struct order *o = sorted(d);
	size_t i;

	for (i = 0; i < d->n; i++)
		print(o ? o[i].g : &d->v[i]);
	free(o);
	if (d->oom)
		fprintf(stderr, "%s: %s: %s\n", cli_prog,
		    eco_sev_name(ECO_SEV_ERROR), strerror(ENOMEM));
	eco_diags_clear(d);
}

void
cli_print_diags(struct eco_diags *d)
{
	print_diags(d, print_text);
}

void
cli_print_diags_json(struct eco_diags *d)
{
	print_diags(d, print_json);
}

/* Usage, help, version, the end. */

void
cli_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	if (fmt) {
		fprintf(stderr, "%s: ", cli_prog);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		putc('\n', stderr);
	}
	if (!usage)
		usage = cur_usage;
	if (*usage)
		fprintf(stderr, _("usage: %s\n"), usage);
	exit(ECO_EXIT_USAGE);
}

int
cli_flush(void)
{
	struct eco_diags d;
	int rc;

	eco_diags_init(&d);
	rc = cli_finish(&d);
	eco_diags_free(&d);
	return rc;
}

void
cli_help(const char *usage, const char *example)
{
	printf(_("usage: %s\n"), usage);
	printf(_("example: %s\n"), example);
	printf(_("See man %s for more.\n"), cli_prog);
	exit(cli_flush());
}

void
cli_version(void)
{
	printf("%s (eco) %s\n", cli_prog, ECO_VERSION);
	exit(cli_flush());
}

int
cli_finish(struct eco_diags *d)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		eco_diag_sys(d, NULL, _("cannot write the output: %s"),
		    strerror(errno ? errno : EIO));
	cli_print_diags(d);
	return eco_diags_status(d);
}

/* Composing. */

_Noreturn void
cli_oom(struct eco_diags *d)
{
	struct eco_diags own;

	if (!d) {
		eco_diags_init(&own);
		d = &own;
	}
	eco_diag_sys(d, NULL, "%s", strerror(ENOMEM));
	exit(cli_finish(d));
}

void
cli_report(struct eco_report *r, enum eco_rformat f, struct eco_diags *d)
{
	if (eco_report_failed(r))
		cli_oom(d);
	if (eco_report_write(stdout, r, f, d) < 0 && !d->n && ferror(stdout))
		eco_diag_sys(d, NULL, "%s", strerror(errno));
	eco_report_free(r);
}

int
cli_open_records(struct eco_project **p, struct eco_facteurs **f, int argc,
    char **argv, const char *const *own, const char *const *ops,
    struct eco_diags *d)
{
	if (!(*p = eco_project_open(argc ? NULL : cli_project(), d)))
		return -1;
	if (argc)
		eco_project_copies(*p);
	if (argc && eco_project_inputs(*p, argc, argv, d) < 0)
		return -1;
	if (eco_project_check(*p, argc ? ops : own, d) > 0 || d->sys)
		return -1;
	return (*f = eco_facteurs_of(*p, d)) ? 0 : -1;
}

void
cli_add_docs(struct eco_project *p, const char *kind,
    const struct eco_doc ***v, size_t *n, struct eco_diags *d)
{
	const struct eco_doc *const *docs;
	const struct eco_doc **w;
	size_t k, i;

	if (!(docs = eco_project_docs(p, kind, &k)))
		cli_oom(d);
	if (!k)
		return;
	if (!(w = realloc(*v, (*n + k) * sizeof *w)))
		cli_oom(d);
	for (i = 0; i < k; i++)
		w[*n + i] = docs[i];
	*v = w;
	*n += k;
}

const char *
cli_factor(const struct eco_facteurs *fiches, const char *id)
{
	const struct eco_facteur *fi;
	const char *nom = eco_ct_facteur(fiches, id, &fi);

	if (!nom)
		return cli_text(_("%s (unknown to the fiches)"), id);
	return cli_text("%s (%s)", nom, eco_facteur_provenance(fi, 1));
}

const char *
cli_text(const char *fmt, ...)
{
	static char *ring[16];
	static size_t k;
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		cli_oom(NULL);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	k = (k + 1) % 16;
	free(ring[k]);
	return ring[k] = s;
}

char *
cli_keep(const char *s)
{
	static char **v;
	static size_t n;
	char **w;

	if (!(w = realloc(v, (n + 1) * sizeof *v)))
		cli_oom(NULL);
	v = w;
	if (!(v[n] = strdup(s)))
		cli_oom(NULL);
	return v[n++];
}

void
cli_push(const char ***v, size_t *n, const char *s)
{
	const char **w = realloc(*v, (*n + 1) * sizeof **v);

	if (!w)
		cli_oom(NULL);
	*v = w;
	(*v)[(*n)++] = s;
}

const char *
cli_code(const char *arg, const char *opt, const char *const *codes,
    size_t n)
{
	struct eco_buf all = ECO_BUF_INIT;
	const char *close;
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(arg, codes[i]) == 0)
			return codes[i];
	for (i = 0; i < n; i++)
		eco_buf_printf(&all, "%s%s", i ? ", " : "", codes[i]);
	if (!(close = eco_closest(arg, codes, n)))
		cli_usage_error(NULL, _("--%s: « %s » is not allowed (allowed: %s)"),
		    opt, arg, all.s);
	cli_usage_error(NULL, _("--%s: « %s » is not allowed (did you mean %s? "
	    "allowed: %s)"), opt, arg, close, all.s);
}

void
cli_push_list(const char ***v, size_t *n, const char *arg, const char *opt,
    const char *const *codes, size_t ncodes)
{
	const struct cli_option one = { .name = opt, .arg = CLI_ID };
	char *tok, *save = NULL;
	const char *why;

	for (tok = strtok_r(cli_keep(arg), ",", &save); tok;
	    tok = strtok_r(NULL, ",", &save)) {
		if (!codes && (why = cli_check(&one, tok)))
			cli_usage_error(NULL, "%s", why);
		cli_push(v, n, codes ? cli_code(tok, opt, codes, ncodes) : tok);
	}
}

static const char *const format_names[] = {
	"yaml", "json", "texte", "md", "html", "csv"
};
static const enum eco_rformat rformats[] = {
	ECO_R_YAML, ECO_R_JSON, ECO_R_TEXTE, ECO_R_MD, ECO_R_HTML, ECO_R_CSV
};

/* "json, texte, md": the allowed formats; def (when one) is marked. */
static void
format_list(unsigned allowed, int def, char *buf, size_t cap)
{
	unsigned i;

	buf[0] = '\0';
	for (i = 0; i < sizeof format_names / sizeof *format_names; i++)
		if (allowed & 1u << i) {
			if (*buf)
				strncat(buf, ", ", cap - strlen(buf) - 1);
			strncat(buf, format_names[i], cap - strlen(buf) - 1);
			if ((int)i == def)
				strncat(buf, _(" (default)"), cap - strlen(buf) - 1);
		}
}

enum cli_format
cli_format(const char *arg, unsigned allowed, const char *usage)
{
	char list[64];
	unsigned i;

	for (i = 0; i < sizeof format_names / sizeof *format_names; i++)
		if ((allowed & 1u << i) && strcmp(arg, format_names[i]) == 0)
			return (enum cli_format)i;
	if (strcmp(arg, "text") == 0 && (allowed & 1u << FMT_TEXTE))
		return FMT_TEXTE;
	format_list(allowed, -1, list, sizeof list);
	cli_usage_error(usage, _("unknown output format « %s » (expected: %s)"),
	    arg, list);
}

/*
 * Options, values, subcommands.
 *
 * A command declares the common options it takes and its own; cli_main
 * builds one getopt_long table from them, checks every value here (a
 * command never sees a bad date or id), and calls the command's option()
 * for its own.  A program with subcommands is parsed twice: first up to
 * the subcommand's name with every option any subcommand takes, to find
 * it, then all its arguments with that subcommand's table, so options
 * go before or after the name alike.
 */

struct cli_values cli;

const struct cli_option cli_common[CLI_NCOMMON] = {
	[CLI_O_DOSSIER] = { CLI_O_DOSSIER, 'C', "dossier", NULL, CLI_TEXT,
	    "DOSSIER", N_("work in DOSSIER, as if the command were started there"),
	    0, 0 },
	[CLI_O_FORMAT] = { CLI_O_FORMAT, 'o', "format", NULL, CLI_FMT, "FORMAT",
	    N_("output format: %s"), 0, 0 },
	[CLI_O_AU] = { CLI_O_AU, 0, "au", NULL, CLI_DATE, "DATE",
	    N_("the day the report is made for (default: today)"), 0, 0 },
	[CLI_O_SYSTEME] = { CLI_O_SYSTEME, 0, "systeme", "system", CLI_SYSTEM,
	    "SYSTEME", N_("only this system: enfant, famille or communaute"),
	    0, 0 },
	[CLI_O_FACTEUR] = { CLI_O_FACTEUR, 0, "facteur", "factor", CLI_ID, "ID",
	    N_("only what concerns this protective factor"), 0, 0 },
	[CLI_O_RESPONSABLE] = { CLI_O_RESPONSABLE, 0, "responsable", NULL, CLI_ID,
	    "ID", N_("only the actions this organisation is responsible for"),
	    0, 0 },
	[CLI_O_PARTENAIRE] = { CLI_O_PARTENAIRE, 0, "partenaire", "partner",
	    CLI_ID, "ID", N_("only the actions this organisation is a partner in"),
	    0, 0 },
	[CLI_O_BAILLEUR] = { CLI_O_BAILLEUR, 0, "bailleur", "funder", CLI_ID, "ID",
	    N_("only what this funder pays for"), 0, 0 },
	[CLI_O_ENTRE] = { CLI_O_ENTRE, 0, "entre", "between", CLI_SPAN,
	    "DEBUT:FIN", N_("only what falls between these two days, both included"),
	    0, 0 },
};

static const struct cli_option help_opt = {
	'h', 'h', "help", NULL, CLI_FLAG, NULL,
	N_("print this help, then exit"), 0, 0
};
static const struct cli_option version_opt = {
	'V', 'V', "version", NULL, CLI_FLAG, NULL,
	N_("print the version, then exit"), 0, 0
};

/* Values. */

/* Why a value is refused: fmt written into one static buffer. */
static const char *
say(const char *fmt, ...)
{
	static char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return msg;
}

static int
is_id(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-");

	return *s && *s != '-' && s[n] == '\0' && n <= 64;
}

/* The id a person probably meant: "Maison Famille" → "maison-famille". */
static const char *
id_guess(const char *s, char *buf, size_t cap)
{
	char fold[256];
	size_t n = 0;
	const char *p;

	eco_text_fold(s, fold, sizeof fold);
	for (p = fold; *p && n + 1 < cap; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			buf[n++] = *p;
		else if (n && buf[n - 1] != '-')
			buf[n++] = '-';
	while (n && buf[n - 1] == '-')
		n--;
	buf[n] = '\0';
	return is_id(buf) && strcmp(buf, s) != 0 ? buf : NULL;
}

static int
date_shaped(const char *s, size_t n)
{
	size_t i;

	if (n != 10)
		return 0;
	for (i = 0; i < n; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* The index of a system in eco_systemes, accents and case aside, or -1. */
static int
system_index(const char *s)
{
	char fold[64];

	return eco_systeme_index(eco_text_fold(s, fold, sizeof fold));
}

static const char *
check_system(const char *s)
{
	const char *names[ECO_NSYS], *close;
	char fold[64];
	int i;

	if (system_index(s) >= 0)
		return NULL;
	for (i = 0; i < ECO_NSYS; i++)
		names[i] = eco_systemes[i];
	if ((close = eco_closest(eco_text_fold(s, fold, sizeof fold), names,
	    ECO_NSYS)))
		return say(_("unknown system « %s » (did you mean %s?)"), s, close);
	return say(_("unknown system « %s » (expected: enfant, famille or "
	    "communaute)"), s);
}

static const char *
check_date(const char *opt, const char *s, size_t n)
{
	if (eco_format_date(s, n))
		return NULL;
	if (date_shaped(s, n))
		return say(_("%s: « %.*s » is not a day of the calendar"), opt,
		    (int)n, s);
	return say(_("%s expects a date AAAA-MM-JJ, not « %.*s »"), opt, (int)n,
	    s);
}

/* DEBUT:FIN, two days in order. */
static const char *
check_span(const char *opt, const char *s)
{
	const char *colon = strchr(s, ':'), *why;

	if (!colon || !date_shaped(s, (size_t)(colon - s)) ||
	    !date_shaped(colon + 1, strlen(colon + 1)))
		return say(_("%s expects two dates AAAA-MM-JJ, the first and the "
		    "last day"), opt);
	if ((why = check_date(opt, s, 10)) || (why = check_date(opt, colon + 1, 10)))
		return why;
	if (strncmp(s, colon + 1, 10) > 0)
		return say(_("%s: %.10s comes after %s"), opt, s, colon + 1);
	return NULL;
}

static const char *
check_id(const char *opt, const char *s)
{
	char guess[80];

	if (is_id(s))
		return NULL;
	if (id_guess(s, guess, sizeof guess))
		return say(_("%s expects an identifier (lowercase letters without "
		    "accents, digits and hyphens), not « %s » (did you mean %s?)"),
		    opt, s, guess);
	return say(_("%s expects an identifier (lowercase letters without "
	    "accents, digits and hyphens), not « %s »"), opt, s);
}

/* Why arg is not a value of o, written opt; or NULL. */
static const char *
check(const struct cli_option *o, const char *opt, const char *arg)
{
	char *end;
	long v;

	switch (o->arg) {
	case CLI_TEXT:
		return *arg ? NULL : say(_("%s expects a text, not nothing"), opt);
	case CLI_ID:
		return check_id(opt, arg);
	case CLI_DATE:
		return check_date(opt, arg, strlen(arg));
	case CLI_INT:
		errno = 0;
		v = strtol(arg, &end, 10);
		if (*arg && !*end && errno == 0 && v >= o->min && v <= o->max)
			return NULL;
		return say(_("%s expects a whole number from %ld to %ld, not « %s »"),
		    opt, o->min, o->max, arg);
	case CLI_SYSTEM:
		return check_system(arg);
	case CLI_SPAN:
		return check_span(opt, arg);
	default:
		return NULL;	/* a flag; formats are the command's */
	}
}

const char *
cli_check(const struct cli_option *o, const char *arg)
{
	char opt[80];

	snprintf(opt, sizeof opt, "--%s", o->name);
	return check(o, opt, arg);
}

/* Subcommands. */

/* The names of c, folded: its French name, then its aliases.  Their
 * count, max at most. */
static size_t
folded_names(const struct cli_cmd *c, char (*out)[64], size_t max)
{
	const char *a = c->aliases ? c->aliases : "";
	char word[64];
	size_t n = 0, k;

	eco_text_fold(c->name, out[n++], 64);
	for (; *a && n < max; a += k + strspn(a + k, " ")) {
		k = strcspn(a, " ");
		snprintf(word, sizeof word, "%.*s", (int)k, a);
		eco_text_fold(word, out[n++], 64);
	}
	return n;
}

const struct cli_cmd *
cli_sub(const struct cli_cmd *subs, const char *s)
{
	char fold[64], names[8][64];
	size_t i, n;

	eco_text_fold(s, fold, sizeof fold);
	for (; subs && subs->name; subs++)
		for (i = 0, n = folded_names(subs, names, 8); i < n; i++)
			if (strcmp(names[i], fold) == 0)
				return subs;
	return NULL;
}

const char *
cli_sub_closest(const struct cli_cmd *subs, const char *s)
{
	static char names[64][64];
	const char *cand[64], *owner[64], *close;
	char fold[64];
	size_t n = 0, i, k;

	for (; subs && subs->name && n + 8 <= 64; subs++)
		for (k = folded_names(subs, names + n, 8); k > 0; k--, n++) {
			cand[n] = names[n];
			owner[n] = subs->name;
		}
	if (!(close = eco_closest(eco_text_fold(s, fold, sizeof fold), cand, n)))
		return NULL;
	for (i = 0; cand[i] != close; i++)
		;
	return owner[i];
}

/* "a, b or c" */
static void
name_list(const struct cli_cmd *subs, char *buf, size_t cap)
{
	const struct cli_cmd *s;
	char head[512] = "";

	for (s = subs; s->name && s[1].name; s++) {
		if (*head)
			strncat(head, ", ", sizeof head - strlen(head) - 1);
		strncat(head, s->name, sizeof head - strlen(head) - 1);
	}
	if (*head)
		snprintf(buf, cap, _("%s or %s"), head, s->name);
	else
		snprintf(buf, cap, "%s", s->name);
}

static const struct cli_cmd *
subcommand(const struct cli_cmd *prog, const char *s)
{
	const struct cli_cmd *c = cli_sub(prog->subs, s);
	const char *close;
	char list[512];

	if (c)
		return c;
	if ((close = cli_sub_closest(prog->subs, s)))
		cli_usage_error(NULL, _("unknown subcommand « %s » (did you mean %s?)"),
		    s, close);
	name_list(prog->subs, list, sizeof list);
	cli_usage_error(NULL, _("unknown subcommand « %s » (expected: %s)"), s,
	    list);
}

/* The table of one parse. */

#define MAXOPT 96

struct table {
	struct option lo[2 * MAXOPT + 1];
	const struct cli_option *opt[MAXOPT];
	const struct cli_cmd *owner[MAXOPT];	/* NULL: common, -h, -V */
	char letters[2 * MAXOPT + 4];
	size_t n, nlo;
};

static const struct cli_cmd *cur_prog, *cur_sub;
static struct table every;	/* every option of the program's subcommands */

/* Long options return 256 + their index, letters themselves. */
static void
add(struct table *t, const struct cli_option *o, const struct cli_cmd *owner)
{
	int has = o->arg == CLI_FLAG ? no_argument : required_argument;
	size_t i, n = strlen(t->letters);

	for (i = 0; i < t->n; i++)
		if (strcmp(t->opt[i]->name, o->name) == 0)
			return;
	if (t->n == MAXOPT)
		abort();	/* a command with too many options */
	t->opt[t->n] = o;
	t->owner[t->n] = owner;
	t->lo[t->nlo++] = (struct option){ o->name, has, NULL, 256 + (int)t->n };
	if (o->alias)
		t->lo[t->nlo++] = (struct option){ o->alias, has, NULL,
		    256 + (int)t->n };
	if (o->letter) {
		t->letters[n++] = o->letter;
		if (has)
			t->letters[n++] = ':';
		t->letters[n] = '\0';
	}
	t->n++;
}

static void
add_cmd(struct table *t, const struct cli_cmd *c)
{
	const struct cli_option *o;
	int i;

	for (i = 0; i < CLI_NCOMMON; i++)
		if (c->common & 1u << i)
			add(t, &cli_common[i], NULL);
	for (o = c->options; o && o->name; o++)
		add(t, o, c);
}

/* "+:" stops at the first operand: the subcommand's name. */
static void
build(struct table *t, const char *letters, const struct cli_cmd *c,
    int every_sub)
{
	const struct cli_cmd *s;

	memset(t, 0, sizeof *t);
	strcpy(t->letters, letters);
	add_cmd(t, cur_prog);
	if (c != cur_prog)
		add_cmd(t, c);
	for (s = cur_prog->subs; every_sub && s && s->name; s++)
		add_cmd(t, s);
	add(t, &help_opt, NULL);
	add(t, &version_opt, NULL);
}

static unsigned
formats(enum cli_format *def)
{
	const struct cli_cmd *c = cur_sub && cur_sub->formats ? cur_sub : cur_prog;

	if (def)
		*def = c->format;
	return c->formats;
}

/* --help */

/* "  left   text", the text wrapped within the terminal under itself. */
static void
help_line(const char *left, const char *text, size_t width)
{
	size_t w = eco_text_width(left, strlen(left));

	printf("  %s%*s  ", left, w < width ? (int)(width - w) : 0, "");
	eco_wrap_write(stdout, text, 2 + (w > width ? w : width) + 2,
	    2 + width + 2, eco_term_width(), "");
}

/*
 * The next break of a command line from s: a space outside quotes and
 * outside brackets deeper than depth; its offset, or strlen(s).
 */
static size_t
next_break(const char *s, size_t depth)
{
	size_t i, d = 0;
	char quote = 0;

	for (i = 0; s[i]; i++) {
		if (quote) {
			if (s[i] == quote)
				quote = 0;
		} else if (s[i] == '"' || s[i] == '\'')
			quote = s[i];
		else if (s[i] == '[')
			d++;
		else if (s[i] == ']' && d)
			d--;
		else if (s[i] == ' ' && d <= depth)
			break;
	}
	return i;
}

/*
 * lead, then a synopsis or a command line within the terminal: broken at
 * a space outside [ ] and quotes (inside the outer [ ] when a group is
 * wider than the line), each next line at column indent.
 */
static void
help_command(const char *lead, const char *text, size_t indent)
{
	size_t cols = eco_term_width(), col = eco_text_width(lead, strlen(lead));
	const char *p = text;

	fputs(lead, stdout);
	while (*p) {
		size_t n = next_break(p, 0), w;

		if (eco_text_width(p, n) > cols - indent)
			n = next_break(p, 1);
		w = eco_text_width(p, n);
		if (p != text && col + 1 + w > cols && col > indent) {
			printf("\n%*s", (int)indent, "");
			col = indent;
		} else if (p != text) {
			putchar(' ');
			col++;
		}
		fwrite(p, 1, n, stdout);
		col += w;
		p += n;
		p += strspn(p, " ");
	}
	putchar('\n');
}

/* A synopsis line: each next line under the word after the program's. */
static void
help_usage(const char *lead, const char *usage)
{
	const char *sp = strchr(usage, ' ');

	help_command(lead, usage, eco_text_width(lead, strlen(lead)) +
	    (sp ? (size_t)(sp - usage) + 1 : 0));
}

/* "-C, --dossier DOSSIER", "    --organisme ID": its width. */
static size_t
left(const struct cli_option *o, char *buf, size_t cap)
{
	return (size_t)snprintf(buf, cap, "%c%c%s--%s%s%s",
	    o->letter ? '-' : ' ', o->letter ? o->letter : ' ',
	    o->letter ? ", " : "  ", o->name, o->metavar ? " " : "",
	    o->metavar ? o->metavar : "");
}

static void
help_option(const struct cli_option *o, size_t width)
{
	char l[128], list[128], text[256];
	enum cli_format def;
	unsigned allowed = formats(&def);

	left(o, l, sizeof l);
	if (o->arg == CLI_FMT && !allowed && !cur_sub && cur_prog->subs) {
		const struct cli_cmd *s;	/* what some subcommand writes */

		for (s = cur_prog->subs; s->name; s++)
			allowed |= s->formats;
		def = (enum cli_format)-1;
	}
	if (o->arg == CLI_FMT) {
		format_list(allowed, (int)def, list, sizeof list);
		snprintf(text, sizeof text, _(o->help), list);
	}
	help_line(l, o->arg == CLI_FMT ? text : _(o->help), width);
}

/* The column of the texts: past the widest option, a flag counted with
 * the space before a value. */
static size_t
help_width(const struct table *t, size_t w)
{
	char l[128];
	size_t i;

	for (i = 0; i < t->n; i++)
		if (left(t->opt[i], l, sizeof l) + !t->opt[i]->metavar > w)
			w = left(t->opt[i], l, sizeof l) + !t->opt[i]->metavar;
	return w;
}

/* 1 when table t has option o. */
static int
has_option(const struct table *t, const struct cli_option *o)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->opt[i] == o)
			return 1;
	return 0;
}

/*
 * The synopsis, the subcommands, the options, one example.  A program's
 * help with subcommands also lists, once each, the options its
 * subcommands take.
 */
static _Noreturn void
help(const struct table *t)
{
	const struct cli_cmd *c = cur_sub ? cur_sub : cur_prog, *s;
	int subs = !cur_sub && cur_prog->subs;
	const char *usage = cur_usage, *nl;
	size_t i, w = help_width(t, 0);
	int more = 0;

	if (subs)
		w = help_width(&every, w);
	/* usage, then each further synopsis line under the first */
	for (i = 0; ; i++) {
		char line[1024];
		size_t n = (nl = strchr(usage, '\n')) ? (size_t)(nl - usage) :
		    strlen(usage);

		snprintf(line, sizeof line, "%.*s", (int)n, usage);
		if (i == 0)
			help_usage(_("usage: "), line);
		else
			help_usage(cli_text("%*s", (int)eco_text_width(_("usage: "),
			    strlen(_("usage: "))), ""), line + strspn(line, " "));
		if (!nl)
			break;
		usage = nl + 1;
	}
	if (subs) {
		fputs(_("subcommands:\n"), stdout);
		for (s = cur_prog->subs; s->name; s++)
			help_line(s->name, s->summary ? _(s->summary) : "", w);
	}
	fputs(_("options:\n"), stdout);
	for (i = 0; i < t->n; i++)
		help_option(t->opt[i], w);
	for (i = 0; subs && i < every.n; i++) {
		if (has_option(t, every.opt[i]))
			continue;
		if (!more++)
			fputs(_("options of the subcommands:\n"), stdout);
		help_option(every.opt[i], w);
	}
	help_command(_("example: "), c->example ? c->example : cur_prog->example,
	    4);
	eco_wrap_write(stdout, cli_text(_("See man %s for more."),
	    cur_prog->name), 0, 0, eco_term_width(), "");
	if (subs)
		eco_wrap_write(stdout, cli_text(_("%s SUBCOMMAND --help: the "
		    "options of a subcommand."), cur_prog->name), 0, 0,
		    eco_term_width(), "");
	exit(cli_flush());
}

/*
 * Completion: "PROG __complete WORD... CUR" prints, one a line, what may
 * stand for CUR after the words typed so far, all of it read from the
 * option tables: subcommands, options, the values an option allows
 * (formats, systems, ids of the project around the current folder).
 * Nothing printed: the shell completes a file name.  The shells' scripts
 * (completion/) only call it, so they never lag behind a command.
 */

/* The option of t written w ("--entre", "--entre=x", "-o", "-ojson");
 * *inline_val gets what follows it in the same word, or NULL. */
static const struct cli_option *
word_option(const struct table *t, const char *w, const char **inline_val)
{
	size_t i, n;

	*inline_val = NULL;
	if (w[0] != '-' || !w[1])
		return NULL;
	if (w[1] == '-') {
		n = strcspn(w + 2, "=");
		for (i = 0; i < t->n; i++)
			if ((strlen(t->opt[i]->name) == n &&
			    strncmp(t->opt[i]->name, w + 2, n) == 0) ||
			    (t->opt[i]->alias && strlen(t->opt[i]->alias) == n &&
			    strncmp(t->opt[i]->alias, w + 2, n) == 0)) {
				if (w[2 + n] == '=')
					*inline_val = w + 3 + n;
				return t->opt[i];
			}
		return NULL;
	}
	for (i = 0; i < t->n; i++)
		if (t->opt[i]->letter == w[1]) {
			if (w[2])
				*inline_val = w + 2;
			return t->opt[i];
		}
	return NULL;
}

static const char *complete_dir = ".";	/* -C's, for the ids */

static void
offer(const char *cand, const char *cur, const char *prefix)
{
	if (strncmp(cand, cur, strlen(cur)) == 0)
		printf("%s%s\n", prefix, cand);
}

/* The kind of the ids option o takes ("organisme" for --responsable). */
static const char *
id_kind(const struct cli_option *o)
{
	static const char *const map[][2] = {
		{ "responsable", "organisme" }, { "partenaire", "organisme" },
		{ "presence", "organisme" }, { "absence", "organisme" },
		{ "fait", "tache" },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof *map; i++)
		if (strcmp(o->name, map[i][0]) == 0)
			return map[i][1];
	return o->name;
}

static void
complete_value(const struct cli_option *o, const char *cur,
    const char *prefix)
{
	enum cli_format def;
	unsigned allowed = formats(&def), i;

	switch (o->arg) {
	case CLI_FMT:
		if (!allowed && !cur_sub && cur_prog->subs) {
			const struct cli_cmd *s;

			for (s = cur_prog->subs; s->name; s++)
				allowed |= s->formats;
		}
		for (i = 0; i < sizeof format_names / sizeof *format_names; i++)
			if (allowed & 1u << i)
				offer(format_names[i], cur, prefix);
		break;
	case CLI_SYSTEM:
		for (i = 0; i < ECO_NSYS; i++)
			offer(eco_systemes[i], cur, prefix);
		break;
	case CLI_ID: {
		const char *ids[512];
		struct eco_project *p;
		struct eco_diags d;
		size_t n, k;

		eco_diags_init(&d);
		if ((p = eco_project_open(complete_dir, &d))) {
			n = eco_project_ids(p, id_kind(o), ids, 512);
			for (k = 0; k < n; k++)
				offer(ids[k], cur, prefix);
			eco_project_close(p);
		}
		eco_diags_free(&d);
		break;
	}
	default:	/* a file, a date, a number, a text: the shell's */
		break;
	}
}

static int
complete(const struct cli_cmd *prog, int argc, char **argv)
{
	const char *cur = argc > 0 ? argv[argc - 1] : "", *val;
	const struct cli_option *o;
	struct table t;
	int i, operands = 0, only_ops = 0;
	char prefix[128];

	cur_prog = prog;
	build(&every, "+:", prog, 1);
	for (i = 0; i < argc - 1; i++) {
		const char *w = argv[i];

		if (only_ops || w[0] != '-' || !w[1]) {
			if (prog->subs && !cur_sub && !operands)
				cur_sub = cli_sub(prog->subs, w);
			else
				operands++;
			if (prog->stop)
				only_ops = 1;
			continue;
		}
		if (strcmp(w, "--") == 0) {
			only_ops = 1;
			continue;
		}
		if ((o = word_option(&every, w, &val)) && o->arg != CLI_FLAG &&
		    !val && i + 1 < argc - 1)
			val = argv[++i];	/* its value */
		if (o == &cli_common[CLI_O_DOSSIER] && val)
			complete_dir = val;	/* ids from that project */
	}
	build(&t, ":", cur_sub ? cur_sub : prog, !cur_sub && prog->subs);
	/* a value: after its option, or in the same word */
	if (argc >= 2 && !only_ops &&
	    (o = word_option(&t, argv[argc - 2], &val)) && o->arg != CLI_FLAG &&
	    !val) {
		complete_value(o, cur, "");
		return cli_flush();
	}
	if (!only_ops && cur[0] == '-' && (o = word_option(&t, cur, &val)) &&
	    val && cur[1] == '-' && o->arg != CLI_FLAG) {
		snprintf(prefix, sizeof prefix, "%.*s", (int)(val - cur), cur);
		complete_value(o, val, prefix);
		return cli_flush();
	}
	if (!only_ops && cur[0] == '-') {
		for (i = 0; i < (int)t.n; i++) {
			snprintf(prefix, sizeof prefix, "--%s", t.opt[i]->name);
			offer(prefix, cur, "");
		}
		return cli_flush();
	}
	if (prog->subs && !cur_sub && !only_ops) {
		const struct cli_cmd *s;

		for (s = prog->subs; s->name; s++)
			offer(s->name, cur, "");
	}
	return cli_flush();
}

/* Refused options. */

static int
named(const struct cli_option *o, const char *name)
{
	return strcmp(o->name, name) == 0 ||
	    (o->alias && strcmp(o->alias, name) == 0);
}

/* "entre", "organisme": is it an option of some subcommand, or a common
 * one? */
static int
known(const char *name)
{
	size_t i;

	for (i = 0; i < every.n; i++)
		if (named(every.opt[i], name))
			return 1;
	for (i = 0; i < CLI_NCOMMON; i++)
		if (named(&cli_common[i], name))
			return 1;
	return 0;
}

/* Same for a letter: "-n" of planifie given to ordre-du-jour. */
static int
known_letter(int c)
{
	size_t i;

	for (i = 0; i < every.n; i++)
		if (every.opt[i]->letter == c)
			return 1;
	for (i = 0; i < CLI_NCOMMON; i++)
		if (cli_common[i].letter == c)
			return 1;
	return 0;
}

static _Noreturn void
unknown(const struct table *t, const char *text)
{
	const char *cand[2 * MAXOPT], *close;
	static char dashed[2 * MAXOPT][72];
	char name[72];
	size_t i, n = 0;

	snprintf(name, sizeof name, "%.*s", (int)strcspn(text, "="), text);
	if ((strncmp(name, "--", 2) == 0 && known(name + 2)) ||
	    (name[0] == '-' && name[1] && name[1] != '-' && !name[2] &&
	    known_letter((unsigned char)name[1])))
		cli_usage_error(NULL, _("option %s does not apply to %s"), name,
		    cur_sub ? cur_sub->name : cur_prog->name);
	for (i = 0; strncmp(name, "--", 2) == 0 && i < t->nlo; i++) {
		snprintf(dashed[n], sizeof dashed[n], "--%s", t->lo[i].name);
		cand[n] = dashed[n];
		n++;
	}
	if ((close = eco_closest(name, cand, n)))
		cli_usage_error(NULL, _("unknown option « %s » (did you mean %s?)"),
		    name, close);
	cli_usage_error(NULL, _("unknown option « %s »"), name);
}

/* getopt_long returned '?' or ':'; opterr is 0, so say why here. */
static _Noreturn void
refused(const struct table *t, int c, char **argv)
{
	const struct cli_option *o = NULL;
	char name[80];
	size_t i;

	if (optopt >= 256)
		o = t->opt[optopt - 256];
	for (i = 0; !o && optopt && i < t->n; i++)
		if (t->opt[i]->letter == optopt)
			o = t->opt[i];
	if (o && optopt < 256)
		snprintf(name, sizeof name, "-%c", optopt);
	else if (o)
		snprintf(name, sizeof name, "--%s", o->name);
	if (o && c == ':')
		cli_usage_error(NULL, _("%s expects a value: %s"), name,
		    o->metavar ? o->metavar : "");
	if (o)
		cli_usage_error(NULL, _("%s takes no value"), name);
	if (optopt) {
		snprintf(name, sizeof name, "-%c", optopt);
		unknown(t, name);
	}
	unknown(t, argv[optind - 1]);
}

/* Parsing. */

static void
set_common(int key, const char *arg)
{
	static char from[11], to[11];

	cli.given |= 1u << key;
	switch (key) {
	case CLI_O_DOSSIER: cli.dossier = arg; break;
	case CLI_O_FORMAT: cli.format = cli_format(arg, formats(NULL), NULL); break;
	case CLI_O_AU: cli.au = arg; break;
	case CLI_O_SYSTEME: cli.systeme = eco_systemes[system_index(arg)]; break;
	case CLI_O_FACTEUR: cli.facteur = arg; break;
	case CLI_O_RESPONSABLE: cli.responsable = arg; break;
	case CLI_O_PARTENAIRE: cli.partenaire = arg; break;
	case CLI_O_BAILLEUR: cli.bailleur = arg; break;
	case CLI_O_ENTRE:
		snprintf(from, sizeof from, "%.10s", arg);
		snprintf(to, sizeof to, "%s", arg + 11);
		cli.from = from;
		cli.to = to;
		break;
	}
}

/*
 * The option at index i, with its value: --entre DEBUT FIN takes the
 * next argument as well when it has the shape of a date, as eco-plan
 * always did (a forgotten FIN does not swallow a subcommand's name).
 */
static void
take(const struct table *t, size_t i, int c, int argc, char **argv,
    int apply)
{
	static char span[64];
	const struct cli_option *o = t->opt[i];
	const char *arg = optarg, *why;
	char opt[80];

	if (o->arg == CLI_SPAN && !strchr(arg, ':') && optind < argc &&
	    date_shaped(argv[optind], strlen(argv[optind]))) {
		snprintf(span, sizeof span, "%s:%s", arg, argv[optind++]);
		arg = span;
	}
	if (!apply)
		return;
	if (o == &help_opt)
		help(t);
	if (o == &version_opt)
		cli_version();
	if (c < 256)
		snprintf(opt, sizeof opt, "-%c", c);
	else
		snprintf(opt, sizeof opt, "--%s", o->name);
	if ((why = check(o, opt, arg)))
		cli_usage_error(NULL, "%s", why);
	if (!t->owner[i])
		set_common(o->key, arg);
	else if (t->owner[i]->option)
		t->owner[i]->option(o->key, arg);
}

static void
parse(const struct table *t, int argc, char **argv, int apply)
{
	int c;

	opterr = 0;
	optind = 0;	/* glibc: start over */
	while ((c = getopt_long(argc, argv, t->letters, t->lo, NULL)) != -1) {
		size_t i = t->n;

		if (c >= 256)
			i = (size_t)(c - 256);
		else if (c != '?' && c != ':')
			for (i = 0; i < t->n && t->opt[i]->letter != c; i++)
				;
		if (i >= t->n)
			refused(t, c, argv);
		take(t, i, c, argc, argv, apply);
	}
}

/* The subcommand named by the first operand, taken out of argv. */
static int
find_sub(const struct cli_cmd *prog, int argc, char **argv)
{
	static struct table t;
	char list[512];
	int i;

	build(&every, "+:", prog, 1);
	parse(&every, argc, argv, 0);
	if (optind < argc) {
		cur_sub = subcommand(prog, argv[optind]);
		if (cur_sub->usage)
			cur_usage = cur_sub->usage;
		for (i = optind; i < argc; i++)
			argv[i] = argv[i + 1];
		return argc - 1;
	}
	if (!prog->run) {
		name_list(prog->subs, list, sizeof list);
		build(&t, ":", prog, 0);
		parse(&t, argc, argv, 1);	/* --help, --version */
		cli_usage_error(NULL, _("which subcommand? %s"), list);
	}
	return argc;
}

int
cli_main(const struct cli_cmd *prog, int argc, char **argv)
{
	static char today[ECO_DATE_BUFSZ];
	const struct cli_cmd *c;
	static struct table t;
	struct eco_diags d;

	cli_init(prog->name);
	/* (eco itself passes it on to the tool: see eco.c) */
	if (argc >= 2 && strcmp(argv[1], "__complete") == 0 && !prog->stop)
		return complete(prog, argc - 2, argv + 2);
	cur_prog = prog;
	cur_usage = prog->usage;
	if (prog->subs)
		argc = find_sub(prog, argc, argv);
	c = cur_sub ? cur_sub : prog;
	build(&t, c->stop ? "+:" : ":", c, 0);
	cli.format = c->formats ? c->format : prog->format;
	parse(&t, argc, argv, 1);
	cli.rformat = rformats[cli.format];
	if (argc - optind > c->maxops)
		cli_usage_error(NULL, _("unexpected operand « %s »"),
		    argv[optind + c->maxops]);
	if (((prog->common | c->common) & CLI_AU) && !cli.au)
		cli.au = eco_date_today(today) ? today : "1970-01-01";
	if (cli.dossier && chdir(cli.dossier) < 0) {
		eco_diags_init(&d);
		eco_diag_sys(&d, cli.dossier, "%s", strerror(errno));
		cli_print_diags(&d);
		eco_diags_free(&d);
		return ECO_EXIT_SYS;
	}
	/* Machine formats are never translated: what they carry of the
	 * messages (names of systems, yes and no, diagnostics) is in French,
	 * the language of the data, under every locale.  Usage errors, above,
	 * stay in the user's language. */
	if (cli.format == FMT_YAML || cli.format == FMT_JSON ||
	    cli.format == FMT_CSV)
		eco_lang_force("fr");
	return c->run(argc - optind, argv + optind);
}

/* Inputs. */

/* The project around start, named as a person here types it (".",
 * "..", "examples/demo"), in buf; NULL outside one. */
static const char *
project_dir(const char *start, char *buf, size_t cap)
{
	struct eco_project *p;
	struct eco_diags d;
	const char *r = NULL;

	eco_diags_init(&d);
	if ((p = eco_project_open(start, &d)) && eco_project_dir(p)) {
		snprintf(buf, cap, "%s", eco_project_dir(p));
		r = buf;
	}
	eco_project_close(p);
	eco_diags_free(&d);
	return r;
}

const char *
cli_relative(const char *root, char *buf, size_t cap)
{
	return project_dir(root, buf, cap) ? buf : root;
}

const char *
cli_project(void)
{
	static char rel[PATH_MAX];

	if (!project_dir(".", rel, sizeof rel))
		cli_usage_error(NULL, "%s",
		    _("no eco project here (no eco.yaml in this folder or above); "
		    "use -C DOSSIER or eco-init"));
	return rel;
}

char **
cli_expand(int argc, char **argv, struct eco_diags *d)
{
	static char *in[] = { "-" };

	return argc ? eco_expand(argc, argv, d) : eco_expand(1, in, d);
}

void
cli_free_paths(char **v)
{
	eco_paths_free(v);
}

char **
cli_inputs(int argc, char **argv, const char *own, const char *missing,
    struct eco_diags *d)
{
	char rel[PATH_MAX], path[2 * PATH_MAX], *one[1];
	int all = strcmp(own, ".") == 0;

	if (argc > 0)
		return eco_expand(argc, argv, d);
	if (!project_dir(".", rel, sizeof rel)) {
		cli_print_diags(d);
		cli_usage_error(NULL, "%s", all ?
		    _("no eco project here (no eco.yaml in this folder or above); "
		    "name files, folders or - for standard input") :
		    _("no eco project here (no eco.yaml in this folder or above); "
		    "name a file, or - for standard input"));
	}
	if (all || strcmp(rel, ".") == 0)
		snprintf(path, sizeof path, "%s", all ? rel : own);
	else
		snprintf(path, sizeof path, "%s/%s", rel, own);
	if (missing && access(path, F_OK) < 0 && errno == ENOENT) {
		eco_diag_add(d, path, 0, 0, ECO_SEV_ERROR, NULL, missing, own);
		cli_print_diags(d);
		exit(ECO_EXIT_DATA);
	}
	one[0] = path;
	return eco_expand(1, one, d);
}

int
cli_each_doc(char **paths, int (*fn)(struct eco_doc *, struct eco_diags *),
    struct eco_diags *d)
{
	struct eco_limits lim;
	struct eco_input *in;
	struct eco_doc *doc;
	int rc = 0;

	eco_limits_default(&lim);
	in = eco_input_open(paths, &lim, d);
	while (in && rc >= 0 && eco_input_next(in, &doc) > 0) {
		if (doc->nerr)
			eco_doc_free(doc);	/* the loader said why */
		else
			rc = fn(doc, d);
		cli_print_diags(d);
	}
	eco_input_close(in);
	cli_print_diags(d);
	return rc < 0 ? rc : 0;
}

/* recois */

static int recois_dry;

const struct cli_option cli_recois_options[] = {
	{ 1, 'n', "dry-run", NULL, CLI_FLAG, NULL,
	  N_("check the sheets and say where they would go, write nothing"),
	  0, 0 },
	{ .name = NULL }
};

void
cli_recois_option(int key, const char *arg)
{
	(void)arg;
	if (key == 1)
		recois_dry = 1;
}

void
cli_recois(const char *kind, int argc, char **argv, struct eco_diags *d)
{
	int i;

	if (!argc)
		cli_usage_error(NULL, "%s", _("recois needs the sheets to read"));
	for (i = 0; i < argc; i++) {
		eco_offre_receive(cli_project(), kind, argv[i], recois_dry, d);
		cli_print_diags(d);
	}
}
