/*
 * eco_text.c - text for people: a growable string, the columns text takes
 * on a terminal, the French wrapping rule, HTML and Markdown escaping,
 * control characters kept off terminals and pages, words folded to
 * compare them (accents and case aside), suggestions for a mistyped
 * word, the language of the messages.
 *
 * Widths come from utf8proc, whose tables follow Unicode (East Asian
 * width, emoji presentation, combining marks), so that a table holding
 * 漢字 or 🚌 stays aligned.  The wrapping rule is French typography's: a
 * line never breaks just after an opening « nor before what French sets
 * after a space (: ; ! ? » and a dash), nor before % or $ of an amount.
 * Every human format (texte, md, html, csv) drops control characters: an
 * ESC written in a value must never drive the terminal or the page.
 */
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "eco_priv.h"

/* Growable strings. */

void
eco_buf_add(struct eco_buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 128;
		char *p;

		while (cap < b->n + n + 1) {
			if (cap > SIZE_MAX / 2) {
				b->oom = 1;
				return;
			}
			cap *= 2;
		}
		if (!(p = realloc(b->s, cap))) {
			b->oom = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	if (n)
		memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

void
eco_buf_adds(struct eco_buf *b, const char *s)
{
	eco_buf_add(b, s, strlen(s));
}

void
eco_buf_addc(struct eco_buf *b, char c, size_t times)
{
	while (times-- > 0)
		eco_buf_add(b, &c, 1);
}

void
eco_buf_printf(struct eco_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->oom)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = 1;
		return;
	}
	eco_buf_add(b, "", 0);		/* room for the NUL, at least */
	if (b->oom)
		return;
	if (b->cap - b->n < (size_t)n + 1) {
		size_t at = b->n;

		eco_buf_addc(b, ' ', (size_t)n);	/* grow, then overwrite */
		if (b->oom)
			return;
		b->n = at;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

void
eco_buf_clear(struct eco_buf *b)
{
	b->n = 0;
	if (b->s)
		b->s[0] = '\0';
}

char *
eco_buf_take(struct eco_buf *b)
{
	char *s;

	eco_buf_add(b, "", 0);
	if (b->oom) {
		eco_buf_free(b);
		return NULL;
	}
	s = b->s;
	b->s = NULL;
	b->n = b->cap = 0;
	return s;
}

void
eco_buf_free(struct eco_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->n = b->cap = 0;
	b->oom = 0;
}

/* Code points and widths. */

unsigned long
eco_utf8_decode(const char *s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long c = p[0];
	size_t need, k;

	*len = 1;
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF)
		need = 1, c &= 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		need = 2, c &= 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		need = 3, c &= 0x07;
	else
		return 0xFFFD;
	for (k = 1; k <= need; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return 0xFFFD;
		c = c << 6 | (p[k] & 0x3F);
	}
	*len = need + 1;
	return c;
}

size_t
eco_char_width(unsigned long c)
{
	if (c < 0x7F)
		return c >= 0x20;
	if (c > 0x10FFFF)
		return 1;
	return (size_t)utf8proc_charwidth((utf8proc_int32_t)c);
}

size_t
eco_text_width(const char *s, size_t n)
{
	size_t i = 0, w = 0, len;

	while (i < n && s[i]) {
		w += eco_char_width(eco_utf8_decode(s + i, &len));
		i += len;
	}
	return w;
}

size_t
eco_text_fit(const char *s, size_t n, size_t width)
{
	size_t i = 0, col = 0, len;

	while (i < n && s[i]) {
		size_t cw = eco_char_width(eco_utf8_decode(s + i, &len));

		if (col + cw > width)
			break;
		col += cw;
		i += len;
	}
	return i;
}

int
eco_char_is_control(unsigned long c)
{
	return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
}

void
eco_text_clean(struct eco_buf *b, const char *s, size_t n, unsigned flags)
{
	size_t i = 0, run = 0, len;	/* s[run, i) is to be copied as is */

	while (i < n && s[i]) {
		unsigned char u = (unsigned char)s[i];
		unsigned long c;

		if ((u >= 0x20 && u < 0x7F) || u == '\n' ||
		    (u == '\t' && !(flags & ECO_CLEAN_TABS))) {
			i++;
			continue;
		}
		c = eco_utf8_decode(s + i, &len);
		if (eco_char_is_control(c) || c == '\t' ||
		    ((c == 0xA0 || c == 0x202F) && (flags & ECO_CLEAN_NBSP))) {
			eco_buf_add(b, s + run, i - run);
			eco_buf_add(b, " ", 1);
		} else if (c == 0xFFFD && len == 1) {	/* a stray byte */
			eco_buf_add(b, s + run, i - run);
			eco_buf_adds(b, "\xef\xbf\xbd");
		} else {
			i += len;
			continue;
		}
		i += len;
		run = i;
	}
	eco_buf_add(b, s + run, i - run);
}

/* Wrapping. */

#define GUILLEMET_OPEN "\xc2\xab"
#define GUILLEMET_CLOSE "\xc2\xbb"
#define EM_DASH "\xe2\x80\x94"

static int
blank(char c, unsigned flags)
{
	return c == ' ' || c == '\t' || (c == '\n' && (flags & ECO_WRAP_JOIN));
}

static int
hard(char c, unsigned flags)
{
	return c == '\n' && !(flags & ECO_WRAP_JOIN);
}

/* Whether a line may break at the blanks [b, e): not just after an
 * opening «, nor before : ; ! ? » % $ or a dash standing alone. */
static int
breakable(const char *start, const char *b, const char *e, unsigned flags)
{
	if (b == start || !*e || hard(*e, flags))
		return 0;
	if (b - start >= 2 && memcmp(b - 2, GUILLEMET_OPEN, 2) == 0)
		return 0;
	if (strchr(":;!?%$", *e) || strncmp(e, GUILLEMET_CLOSE, 2) == 0)
		return 0;
	return !(strncmp(e, EM_DASH, 3) == 0 && (!e[3] || blank(e[3], flags) ||
	    hard(e[3], flags)));
}

/* End of the blanks at q. */
static const char *
blanks_end(const char *q, unsigned flags)
{
	while (blank(*q, flags))
		q++;
	return q;
}

size_t
eco_wrap_line(const char *s, size_t width, unsigned flags, size_t *len)
{
	const char *q = s, *brk = NULL, *end = NULL, *next, *hyph = NULL;
	size_t col = 0, cw, n;
	int over = 0;

	while (*q && !hard(*q, flags)) {
		if (blank(*q, flags)) {
			const char *e = blanks_end(q, flags);
			int ok = breakable(s, q, e, flags);

			if (ok && over) {
				end = q;	/* the end of an overflowing word */
				break;
			}
			if (ok)
				brk = q;
			n = (size_t)(e - q);
			cw = flags & ECO_WRAP_SQUEEZE ? 1 : n;
		} else
			cw = eco_char_width(eco_utf8_decode(q, &n));
		if (width && !over && q > s && col + cw > width) {
			if (brk || (flags & ECO_WRAP_CUT)) {
				/* a word cut: after a hyphen in it if it has one
				 * (Val-des-/Cèdres) */
				end = brk ? brk : hyph ? hyph : q;
				break;
			}
			over = 1;
		}
		if (*q == '-' && q > s && !blank(q[-1], flags) && q[1] &&
		    !blank(q[1], flags) && !hard(q[1], flags))
			hyph = q + 1;
		col += cw;
		q += n;
	}
	if (!end)
		end = q;
	next = blanks_end(end, flags);
	if (hard(*next, flags))
		next++;
	while (end > s && blank(end[-1], flags))
		end--;
	*len = (size_t)(end - s);
	return (size_t)(next - s);
}

/* The n bytes of s with each run of white space as one space. */
static void
put_squeezed(FILE *fp, const char *s, size_t n)
{
	size_t i;
	int space = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			space = 1;
			continue;
		}
		if (space)
			putc(' ', fp);
		space = 0;
		putc(s[i], fp);
	}
}

int
eco_wrap_write(FILE *fp, const char *s, size_t col, size_t indent,
    size_t width, const char *prefix)
{
	size_t pw = eco_text_width(prefix, strlen(prefix)), len, k;
	const unsigned flags = ECO_WRAP_JOIN | ECO_WRAP_SQUEEZE;
	int first = 1;

	for (s += strspn(s, " \t\n"); *s; s += strspn(s, " \t\n")) {
		size_t at = first ? col : indent + pw;

		if (!first) {
			putc('\n', fp);
			fputs(prefix, fp);
			for (k = 0; k < indent; k++)
				putc(' ', fp);
		}
		k = eco_wrap_line(s, width > at ? width - at : 1, flags, &len);
		put_squeezed(fp, s, len);
		s += k;
		first = 0;
	}
	putc('\n', fp);
	return ferror(fp) ? -1 : 0;
}

/* Escaping for pages. */

#define NBSP "\xc2\xa0"
#define ID_CHARS "abcdefghijklmnopqrstuvwxyz0123456789"

/*
 * Length of the word at s (up to a blank) when it holds a date or an id
 * ("2026-09-01", "(cpe-soleil),": a hyphen between lowercase ASCII
 * letters or digits, and no other letter), or 0.
 */
static size_t
id_word(const char *s)
{
	size_t n = strcspn(s, " \t\n"), i;
	int id = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80 || (c >= 'A' && c <= 'Z'))
			return 0;	/* a name: "Val-des-Cèdres" */
		if (c == '-' && i > 0 && i + 1 < n && strchr(ID_CHARS, s[i - 1]) &&
		    strchr(ID_CHARS, s[i + 1]))
			id = 1;
	}
	return id ? n : 0;
}

/*
 * Bytes of s to skip when a no-break space replaces them: the space after
 * an opening « and the space before » : ; ! ?, which French keeps with
 * their words.  0 when s is not such a space.
 */
static size_t
french_space(const char *s, const char *start)
{
	if (*s != ' ')
		return 0;
	if (s - start >= 2 && memcmp(s - 2, GUILLEMET_OPEN, 2) == 0)
		return 1;
	if (strncmp(s + 1, GUILLEMET_CLOSE, 2) == 0 || (s[1] && strchr(":;!?",
	    s[1])))
		return 1;
	return 0;
}

void
eco_html_text(FILE *fp, const char *s, unsigned flags)
{
	const char *p = s, *span = NULL;
	size_t len, k;

	while (*p) {
		unsigned long c = eco_utf8_decode(p, &len);

		if ((flags & ECO_HTML_NOWRAP) && !span && (p == s ||
		    strchr(" \t\n", p[-1])) && (k = id_word(p))) {
			fputs("<span class=\"k\">", fp);
			span = p + k;
		}
		if (french_space(p, s))
			fputs(NBSP, fp);
		else if (eco_char_is_control(c))
			putc(' ', fp);
		else if (c == '\n')
			fputs(flags & ECO_HTML_BR ? "<br>" : " ", fp);
		else if (c == '&')
			fputs("&amp;", fp);
		else if (c == '<')
			fputs("&lt;", fp);
		else if (c == '>')
			fputs("&gt;", fp);
		else if (c == '"')
			fputs("&quot;", fp);
		else if (c == '\'')
			fputs("&#39;", fp);
		else
			fwrite(p, 1, len, fp);
		p += len;
		if (p == span) {
			fputs("</span>", fp);
			span = NULL;
		}
	}
}

void
eco_md_text(FILE *fp, const char *s)
{
	const char *p;
	size_t len;

	for (p = s; *p; p += len) {
		unsigned long c = eco_utf8_decode(p, &len);

		if (french_space(p, s)) {
			fputs(NBSP, fp);
			continue;
		}
		if (eco_char_is_control(c) || c == '\n' || c == '\t') {
			putc(' ', fp);	/* a table row or a heading is one line */
			continue;
		}
		if ((c < 0x80 && strchr("\\`*_[]<>|&~#", (int)c)) ||
		    (p == s && strchr("+-=", (int)c)) ||
		    ((c == '.' || c == ')') && p > s &&
		    strspn(s, "0123456789") == (size_t)(p - s)))
			putc('\\', fp);
		fwrite(p, 1, len, fp);
	}
}

/* Suggestions. */

/* U+00C0..U+00FF without their accents; "" keeps the letter as it is. */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
	"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "",
	"o", "u", "u", "u", "u", "y", "", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
	"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "",
	"o", "u", "u", "u", "u", "y", "", "y",
};

char *
eco_text_fold(const char *s, char *buf, size_t cap)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *to;
	size_t n = 0, k;

	while (*p && n + 3 < cap) {
		if (p[0] == 0xc3 && p[1] >= 0x80 && p[1] <= 0xbf && *latin1[p[1] - 0x80])
			to = latin1[p[1] - 0x80];
		else if (p[0] == 0xc5 && (p[1] == 0x92 || p[1] == 0x93))
			to = "oe";	/* Œ œ */
		else {
			buf[n++] = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') :
			    (char)*p;
			p++;
			continue;
		}
		for (k = 0; to[k]; k++)
			buf[n++] = to[k];
		p += 2;
	}
	buf[n] = '\0';
	return buf;
}


/* Levenshtein distance, bounded to short words. */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, row[65], prev, tmp;

	if (la > 64 || lb > 64)
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = a[i - 1] == b[j - 1] ? prev :
			    1 + (prev < row[j] ? (prev < row[j - 1] ? prev : row[j - 1]) :
			    (row[j] < row[j - 1] ? row[j] : row[j - 1]));
			prev = tmp;
		}
	}
	return row[lb];
}

const char *
eco_closest(const char *s, const char *const *cand, size_t n)
{
	size_t i, best = SIZE_MAX, d, limit = strlen(s) / 3 + 1;
	const char *w = NULL;

	if (limit > 3)
		limit = 3;
	for (i = 0; i < n; i++)
		if ((d = distance(s, cand[i])) < best) {
			best = d;
			w = cand[i];
		}
	return best <= limit ? w : NULL;
}

/* How many of the n candidates hold word. */
static size_t
holders(const char *word, const char *const *cand, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += strstr(cand[i], word) != NULL;
	return k;
}

/* The words of s ("soutien" of "soutien-social") of at least four
 * letters that cand holds and no other candidate does (a word several
 * ids share, "parents", tells nothing): how many. */
static size_t
shared_words(const char *s, const char *cand, const char *const *all,
    size_t n)
{
	size_t k = 0, len;
	char word[64];

	while (*s) {
		len = strcspn(s, "-_ ");
		if (len >= 4 && len < sizeof word) {
			memcpy(word, s, len);
			word[len] = '\0';
			k += strstr(cand, word) && holders(word, all, n) == 1;
		}
		s += len;
		s += strspn(s, "-_ ");
	}
	return k;
}

size_t
eco_closest_many(const char *s, const char *const *cand, size_t n,
    const char **out, size_t max)
{
	size_t i, k = 0, m, best = 0, score;

	if (!max)
		return 0;
	if ((out[0] = eco_closest(s, cand, n)))
		return 1;
	/* none a typo away: those that share the most words with s */
	for (i = 0; i < n; i++)
		if ((score = shared_words(s, cand[i], cand, n)) > best)
			best = score;
	for (i = 0; best && i < n && k < max; i++) {
		if (shared_words(s, cand[i], cand, n) != best)
			continue;
		for (m = 0; m < k && strcmp(out[m], cand[i]) != 0; m++)
			;
		if (m == k)
			out[k++] = cand[i];
	}
	return k;
}

const char *
eco_closest_text(const char *s, const char *const *cand, size_t n,
    char *buf, size_t cap)
{
	const char *out[3];
	size_t k, i, len = 0;

	if (!cap || !(k = eco_closest_many(s, cand, n, out, 3)))
		return NULL;
	buf[0] = '\0';
	for (i = 0; i < k && len < cap; i++)
		len += (size_t)snprintf(buf + len, cap - len, "%s%s",
		    i == 0 ? "" : i + 1 == k ? _(" or ") : ", ", out[i]);
	return buf;
}

/* The language of the messages. */

/* "fr_CA.UTF-8@euro" as a language tag: "fr-CA"; 0, or -1 for none. */
static int
tag_of(const char *loc, size_t n, char *out, size_t cap)
{
	size_t lang = 0, i, o = 0;

	while (lang < n && loc[lang] >= 'a' && loc[lang] <= 'z')
		lang++;
	if (lang < 2 || lang > 3 || cap < 8)
		return -1;
	for (i = 0; i < lang; i++)
		out[o++] = loc[i];
	if (lang + 3 <= n && loc[lang] == '_' && loc[lang + 1] >= 'A' &&
	    loc[lang + 1] <= 'Z' && loc[lang + 2] >= 'A' && loc[lang + 2] <= 'Z' &&
	    (lang + 3 == n || strchr(".@", loc[lang + 3]))) {
		out[o++] = '-';
		out[o++] = loc[lang + 1];
		out[o++] = loc[lang + 2];
	} else if (lang < n && !strchr("_.@", loc[lang]))
		return -1;
	out[o] = '\0';
	return 0;
}

/* The first locale of list (":"-separated) in the language of the
 * catalogue, cat (a tag, or "" when it does not say), as a tag in out. */
static int
tag_in(const char *list, const char *cat, char *out, size_t cap)
{
	size_t n, lang = strcspn(cat, "-");

	for (; list && *list; list += n + (list[n] == ':')) {
		n = strcspn(list, ":");
		if (tag_of(list, n, out, cap) == 0 && (!*cat ||
		    (strncmp(out, cat, lang) == 0 &&
		    (out[lang] == '-' || out[lang] == '\0'))))
			return 0;
	}
	return -1;
}

char *
eco_lang_tag(char *out, size_t cap)
{
	static const char header[] = "";	/* gettext's key of the header */
	const char *head = dgettext(ECO_DOMAIN, header), *l;
	char cat[16] = "";

	if (cap < 8)
		return NULL;
	/* no catalogue answered: the messages are the English msgids */
	if (!head || !*head) {
		snprintf(out, cap, "en");
		return out;
	}
	if ((l = strstr(head, "Language: ")) &&
	    tag_of(l + 10, strcspn(l + 10, "\n"), cat, sizeof cat) < 0)
		cat[0] = '\0';
	if (tag_in(getenv("LANGUAGE"), cat, out, cap) == 0 ||
	    tag_in(setlocale(LC_MESSAGES, NULL), cat, out, cap) == 0)
		return out;
	snprintf(out, cap, "%s", *cat ? cat : "en");
	return out;
}

int
eco_lang_force(const char *lang)
{
	/* locales gettext may stand on: any but C, where it ignores
	 * LANGUAGE; C.UTF-8 is built into glibc 2.35 and later */
	static const char *const base[] = {
		"C.UTF-8", "C.utf8", "en_US.UTF-8", "fr_CA.UTF-8", "fr_FR.UTF-8"
	};
	const char *cur = setlocale(LC_MESSAGES, NULL);
	size_t i;

	if (setenv("LANGUAGE", lang, 1) < 0)
		return -1;
	if (!cur || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0) {
		for (i = 0; i < sizeof base / sizeof *base; i++)
			if (setlocale(LC_MESSAGES, base[i]))
				break;
		if (i == sizeof base / sizeof *base)
			return -1;
	}
	/* the same domain again: gettext forgets what it looked up */
	textdomain(textdomain(NULL));
	return 0;
}

size_t
eco_term_width(void)
{
	const char *c = getenv("COLUMNS");
	char *end;
	long n;

	if (!c || !*c)
		return 80;
	n = strtol(c, &end, 10);
	return *end || n < 20 || n > 1000 ? 80 : (size_t)n;
}
