/*
 * eco_priv.h - what the library's modules share and do not export.
 */
#ifndef ECO_PRIV_H
#define ECO_PRIV_H

#include <libintl.h>
#include <stdarg.h>
#include "eco.h"

#define ECO_DOMAIN "eco"
#define _(s) dgettext(ECO_DOMAIN, s)
#define N_(s) (s)

void eco_diag_vadd(struct eco_diags *, const char *file, int line, int col,
    enum eco_sev, const char *check, const char *fmt, va_list);

/* A file compiled into the library (schemas, data), by base name. */
const char *eco_embedded(const char *name, size_t *len);

/* Bump allocator: everything of one document is freed at once. */
struct eco_arena *eco_arena_new(void);
void eco_arena_free(struct eco_arena *);
/* Aligned block of n bytes, or NULL when memory is exhausted. */
void *eco_arena_alloc(struct eco_arena *, size_t n);
char *eco_arena_strndup(struct eco_arena *, const char *, size_t);

/* The code point at s, its length in *len; a byte that starts no valid
 * sequence is one character, U+FFFD. */
unsigned long eco_utf8_decode(const char *s, size_t *len);
/* Number of Unicode code points in valid UTF-8. */
size_t eco_utf8_len(const char *s, size_t n);
/*
 * Offset of the first invalid UTF-8 sequence or NUL byte in s, or n when
 * the whole buffer is valid.
 */
size_t eco_utf8_check(const char *s, size_t n);

#endif
