/*
 * cli.h - what every command shares: the table of options and
 * subcommands it declares (cli_main parses and checks it), its inputs
 * and document loop, the diagnostic printers, the end.  Unlike lib/,
 * this code prints and exits.
 */
#ifndef ECO_CLI_H
#define ECO_CLI_H

#include <libintl.h>
#include <stdio.h>
#include "../lib/eco.h"

#define _(s) eco_tr(s)
/* A message in a context (msgctxt) for the grammar of French: "None."
 * is "Aucun." for objectives, "Aucune." for to-dos. */
#define C_(ctx, s) eco_trc(ctx "\004" s, s)
#undef ngettext
#define ngettext(s, p, n) eco_ntr(s, p, n)
#define N_(s) (s)

enum cli_format { FMT_YAML, FMT_JSON, FMT_TEXTE, FMT_MD, FMT_HTML, FMT_CSV };

extern const char *cli_prog;

/* The common options: one meaning and one check in every command. */
enum cli_common {
	CLI_O_DOSSIER,		/* -C, --dossier DOSSIER: chdir first */
	CLI_O_FORMAT,		/* -o, --format FORMAT, among cmd.formats */
	CLI_O_AU,		/* --au DATE: the day of the report, today */
	CLI_O_SYSTEME,		/* --systeme enfant|famille|communaute */
	CLI_O_FACTEUR,		/* --facteur ID */
	CLI_O_RESPONSABLE,	/* --responsable ID */
	CLI_O_PARTENAIRE,	/* --partenaire ID */
	CLI_O_BAILLEUR,		/* --bailleur ID */
	CLI_O_ENTRE,		/* --entre DEBUT:FIN, or --entre DEBUT FIN */
	CLI_NCOMMON
};
#define CLI_DOSSIER	(1u << CLI_O_DOSSIER)
#define CLI_FORMAT	(1u << CLI_O_FORMAT)
#define CLI_AU		(1u << CLI_O_AU)
#define CLI_SYSTEME	(1u << CLI_O_SYSTEME)
#define CLI_FACTEUR	(1u << CLI_O_FACTEUR)
#define CLI_RESPONSABLE	(1u << CLI_O_RESPONSABLE)
#define CLI_PARTENAIRE	(1u << CLI_O_PARTENAIRE)
#define CLI_BAILLEUR	(1u << CLI_O_BAILLEUR)
#define CLI_ENTRE	(1u << CLI_O_ENTRE)
#define CLI_FILTERS	(CLI_SYSTEME | CLI_FACTEUR | CLI_RESPONSABLE | \
			 CLI_PARTENAIRE | CLI_BAILLEUR | CLI_ENTRE)

/* What an option's value must be; cli_main checks it before use. */
enum cli_arg {
	CLI_FLAG,		/* no value */
	CLI_TEXT,		/* any text but "" (a file, a name) */
	CLI_ID,			/* ^[a-z0-9][a-z0-9-]*$, 64 bytes at most */
	CLI_DATE,		/* a day of the calendar, AAAA-MM-JJ */
	CLI_INT,		/* a whole number from min to max */
	CLI_SYSTEM,		/* a system, accents and case aside */
	CLI_SPAN,		/* two days in order, DEBUT:FIN */
	CLI_FMT			/* an output format (-o) */
};

/* One option: a letter or a name takes a value in all of a command's
 * subcommands, or in none. */
struct cli_option {
	int key;		/* what the command's option() receives */
	char letter;		/* short option, or 0 */
	const char *name;	/* long option, French, without "--" */
	const char *alias;	/* another long name (English), or NULL */
	enum cli_arg arg;
	const char *metavar;	/* its value in --help ("ID"), or NULL */
	const char *help;	/* its line in --help, marked N_() */
	long min, max;		/* CLI_INT */
};

/* The common options, indexed by enum cli_common. */
extern const struct cli_option cli_common[CLI_NCOMMON];

#define CLI_MANY 1000000	/* maxops: any number of operands */

/*
 * A command, or one of its subcommands.  A program's common options and
 * its own apply to every subcommand, given before or after its name;
 * a subcommand adds its own.  With subcommands, the first operand names
 * one (accents and case aside, aliases too) and the program's run is
 * called only when there is no operand (NULL: which subcommand?).
 */
struct cli_cmd {
	const char *name;	/* "eco-demarche"; a subcommand's French name */
	const char *aliases;	/* subcommand: other names, space-separated */
	const char *summary;	/* subcommand: its line in --help, N_() */
	const char *usage;	/* the man SYNOPSIS (subcommand: NULL, the
				 * program's) */
	const char *example;	/* one command line that runs */
	unsigned common;	/* CLI_DOSSIER | ...: the common options taken */
	unsigned formats;	/* 1u << FMT_x that -o allows (subcommand: 0,
				 * the program's) */
	enum cli_format format;	/* without -o */
	int maxops;		/* operands at most: 0, 1…, CLI_MANY */
	int stop;		/* options end at the first operand, and the
				 * rest goes to run as it is (eco TOOL ARG…) */
	/* its own options, ended by { .name = NULL }, or NULL; option()
	 * receives each, checked */
	const struct cli_option *options;
	void (*option)(int key, const char *arg);
	/* the operands; returns the exit status */
	int (*run)(int argc, char **argv);
	const struct cli_cmd *subs;	/* ended by { NULL }, or NULL */
};

/* The values of the common options, set by cli_main. */
struct cli_values {
	const char *dossier;		/* -C, or NULL */
	enum cli_format format;		/* -o, or the command's default */
	enum eco_rformat rformat;	/* the same for eco_report_write */
	const char *au;			/* --au, or today when taken; or NULL */
	const char *systeme;		/* one of eco_systemes, or NULL */
	const char *facteur, *responsable;	/* or NULL */
	const char *partenaire, *bailleur;	/* or NULL */
	const char *from, *to;		/* --entre, both included; or NULL */
	unsigned given;			/* CLI_x bits of the options given */
};
extern struct cli_values cli;

/* Start the command: catalogue, options checked (the first bad one is
 * a usage error), --help, --version, the subcommand, -C, at most maxops
 * operands; then run's status. */
int cli_main(const struct cli_cmd *, int argc, char **argv);
/* NULL when arg is a good value of o, else why (translated, static). */
const char *cli_check(const struct cli_option *o, const char *arg);
/* The subcommand named s, accents, case and aliases aside, or NULL. */
const struct cli_cmd *cli_sub(const struct cli_cmd *subs, const char *s);
/* The French name of the subcommand closest to s, or NULL. */
const char *cli_sub_closest(const struct cli_cmd *subs, const char *s);
/* A usage error: message (fmt NULL: none), the synopsis, exit 2. */
_Noreturn void cli_usage_error(const char *usage, const char *fmt, ...);

/* The project around the current folder ("." or ".." …); a usage
 * error outside one. */
const char *cli_project(void);
/*
 * The inputs: the operands expanded (eco_expand; "-" is stdin), or,
 * with none, own (a file or folder of the project, "." for all of it)
 * in the project around the current folder; outside one, a usage error.
 * With missing (a message where %s is own), an own file that does not
 * exist is an error: printed, exit 1.  Free with eco_paths_free.
 */
char **cli_inputs(int argc, char **argv, const char *own,
    const char *missing, struct eco_diags *);
/* The operands expanded, as cli_inputs; none is standard input. */
char **cli_expand(int argc, char **argv, struct eco_diags *);
/* Each document of paths that loaded without error, in order, to fn
 * (which frees it; a negative return stops), the diagnostics printed
 * after each.  0, or fn's negative. */
int cli_each_doc(char **paths, int (*fn)(struct eco_doc *,
    struct eco_diags *), struct eco_diags *);

/* Print and forget the diagnostics recorded so far, in the one form. */
void cli_print_diags(struct eco_diags *);
/* The same as JSON lines on stdout (file, line, column, path, check,
 * severity, message). */
void cli_print_diags_json(struct eco_diags *);
/* Flush stdout: ECO_EXIT_OK, or a message and ECO_EXIT_SYS. */
int cli_flush(void);
/* Flush stdout, print the diagnostics: the worst status (3 when the
 * output could not be written). */
int cli_finish(struct eco_diags *);

/* What commands share while they compose (each exits through cli_oom
 * when memory runs out). */
/* Out of memory: recorded in d (NULL: alone), the diagnostics printed,
 * exit 3. */
_Noreturn void cli_oom(struct eco_diags *d);
/* Report r written to stdout in format f, then freed (a failed write
 * recorded in d for cli_finish to say). */
void cli_report(struct eco_report *r, enum eco_rformat f, struct eco_diags *d);
/* The text of fmt, printf-like, in one of 16 buffers taken in turn: it
 * lives until the 16th next call. */
const char *cli_text(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* A copy of s that lives until the process ends. */
char *cli_keep(const char *s);
/* s appended to the array *v of *n strings. */
void cli_push(const char ***v, size_t *n, const char *s);
/* The comma-separated values of arg ("a,b") appended to *v: with codes,
 * each must be one of the ncodes (a usage error names them, with the
 * closest); without, each is checked as --opt ID would be. */
void cli_push_list(const char ***v, size_t *n, const char *arg,
    const char *opt, const char *const *codes, size_t ncodes);
/*
 * The project a record command works in: around the current folder (or
 * -C), or around any folder when operands are given, these read as
 * records printed from it (eco_project_copies).  Checked as
 * eco-validate checks them: the project's files of the kinds own without
 * operands, the operands and the files of ops with them; then the
 * factors' fiches.  0; -1 when it cannot be read or is not valid (the
 * reasons in d).
 */
int cli_open_records(struct eco_project **p, struct eco_facteurs **f,
    int argc, char **argv, const char *const *own, const char *const *ops,
    struct eco_diags *d);
/* The project's documents of kind (eco_project_docs) appended to the
 * array *v of *n documents (to free()). */
void cli_add_docs(struct eco_project *p, const char *kind,
    const struct eco_doc ***v, size_t *n, struct eco_diags *d);
/* A factor or sub-factor for people: its name and, briefly, where its
 * fiche comes from; the id and "unknown to the fiches" when none has it. */
const char *cli_factor(const struct eco_facteurs *, const char *id);
/* arg when it is one of the n codes, else a usage error naming them. */
const char *cli_code(const char *arg, const char *opt,
    const char *const *codes, size_t n);

/* Until eco-vue, eco-rencontre and eco-plan declare a struct cli_cmd:
 * catalogue and locale; --help as synopsis and example; --version; -o's
 * argument among allowed (1u << fmt), else a usage error; a project
 * root as "." or ".."; eco_paths_free. */
void cli_init(const char *prog);
_Noreturn void cli_help(const char *usage, const char *example);
_Noreturn void cli_version(void);
enum cli_format cli_format(const char *arg, unsigned allowed,
    const char *usage);
const char *cli_relative(const char *root, char *buf, size_t cap);
void cli_free_paths(char **);

/* recois of returned sheets of records of a kind (eco-offre,
 * eco-interventions): its -n option, and the run, each operand received
 * by eco_offre_receive into the project, the diagnostics printed after
 * each (a usage error without operand). */
extern const struct cli_option cli_recois_options[];
void cli_recois_option(int key, const char *arg);
void cli_recois(const char *kind, int argc, char **argv, struct eco_diags *);

#endif
