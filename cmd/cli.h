/*
 * cli.h - what every command shares: start-up, the one diagnostic
 * printer, operands (files, folders, stdin), output formats, the end.
 * Unlike lib/, this code prints and exits.
 */
#ifndef ECO_CLI_H
#define ECO_CLI_H

#include <libintl.h>
#include <stdio.h>
#include "../lib/eco.h"

#define _(s) gettext(s)
#define N_(s) (s)

enum cli_format { FMT_YAML, FMT_JSON, FMT_TEXTE, FMT_MD, FMT_HTML, FMT_CSV };

extern const char *cli_prog;

/* Locale, catalogue (ECO_LOCALEDIR overrides the built-in path). */
void cli_init(const char *prog);
/* Print and forget the diagnostics recorded so far. */
void cli_print_diags(struct eco_diags *);
/* Print and forget them as JSON lines on stdout (file, line, column,
 * path, check, severity, message). */
void cli_print_diags_json(struct eco_diags *);
/* A usage error: message, "usage:" line, exit 2. */
_Noreturn void cli_usage_error(const char *usage, const char *fmt, ...);
/* --help: synopsis and one example on stdout, exit 0. */
_Noreturn void cli_help(const char *usage, const char *example);
_Noreturn void cli_version(void);
/* Parse -o's argument among the allowed formats (bit mask of 1<<fmt). */
enum cli_format cli_format(const char *arg, unsigned allowed,
    const char *usage);

/*
 * Expand operands as eco_expand does (a folder gives its YAML files in
 * name order); no operand gives standard input.  Failures are recorded.
 * Returns a NULL-terminated array to free with cli_free_paths.
 */
char **cli_expand(int argc, char **argv, struct eco_diags *);
void cli_free_paths(char **);

/* Print s wrapped for people: from column col, new lines begin with
 * prefix and indent spaces, none passes width; « » and : stay attached. */
void cli_wrap(FILE *f, const char *s, size_t col, size_t indent,
    size_t width, const char *prefix);
/* root as ".", "..", "../.." when the current folder is at or below it. */
const char *cli_relative(const char *root, char *buf, size_t cap);
/* Flush stdout: ECO_EXIT_OK, or a message and ECO_EXIT_SYS. */
int cli_flush(void);
/* Flush stdout; a failed write is reported and makes the status 3. */
int cli_finish(struct eco_diags *);

#endif
