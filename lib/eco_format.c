/*
 * eco_format.c - the JSON Schema formats "email" and "uri", read as their
 * RFCs write them.
 *
 * An email address is RFC 5321's Mailbox (section 4.1.2), which is what
 * draft 2020-12 names: a dot-string or a quoted string before the @, a
 * domain name or an address literal after it ([192.0.2.1], [IPv6:...]);
 * at most 64 octets before the @, 254 in all (a path of 256 with its
 * angle brackets).  RFC 5322's addr-spec accepts the same text once its
 * comments and folding white space are set aside, which are not part of
 * an address.  Only ASCII: an address with other letters is idn-email.
 *
 * A URI is RFC 3986's URI (section 3): scheme, then "//" authority
 * (userinfo@, a registered name, an IPv4 address or a bracketed IPv6 or
 * IPvFuture literal, :port) or a path, then ?query and #fragment, every
 * character from the grammar's sets or percent-encoded.  No relative
 * reference: that is uri-reference.
 *
 * Character classes are ASCII's whatever the locale.
 */
#include <string.h>

#include "eco_priv.h"

static int
alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
hexdig(int c)
{
	return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/*
 * A dotted IPv4 address: four numbers 0-255.  RFC 3986's dec-octet has
 * no leading zero; RFC 5321's Snum is "1*3DIGIT" and allows one (zeros).
 */
static int
ipv4(const char *s, size_t n, int zeros)
{
	size_t i = 0;
	int part;

	for (part = 0; part < 4; part++) {
		size_t start = i;
		int v = 0;

		if (part > 0) {
			if (i >= n || s[i] != '.')
				return 0;
			start = ++i;
		}
		while (i < n && digit((unsigned char)s[i]) && i - start < 3)
			v = v * 10 + (s[i++] - '0');
		if (i == start || v > 255 || (i < n && digit((unsigned char)s[i])))
			return 0;
		if (!zeros && s[start] == '0' && i - start > 1)
			return 0;
	}
	return i == n;
}

/*
 * An IPv6 address: eight groups of 1-4 hex digits, the last two of which
 * may be an IPv4 address, and at most one "::" standing for zeros.  With
 * "::", RFC 3986 allows up to seven other groups, RFC 5321 six (its "::"
 * stands for at least two).
 */
static int
ipv6(const char *s, size_t n, int rfc5321)
{
	size_t i = 0, groups = 0;
	int dbl = 0;

	if (n >= 2 && s[0] == ':' && s[1] == ':') {
		dbl = 1;
		i = 2;
	} else if (n == 0 || s[0] == ':')
		return 0;
	while (i < n) {
		size_t j = i;

		while (j < n && hexdig((unsigned char)s[j]))
			j++;
		if (j < n && s[j] == '.') {
			if (!ipv4(s + i, n - i, rfc5321))
				return 0;
			groups += 2;
			break;
		}
		if (j == i || j - i > 4)
			return 0;
		groups++;
		i = j;
		if (i == n)
			break;
		if (s[i++] != ':' || i == n)
			return 0;
		if (s[i] == ':') {
			if (dbl)
				return 0;
			dbl = 1;
			i++;
		}
	}
	if (dbl)
		return groups <= (rfc5321 ? 6u : 7u);
	return groups == 8;
}

/* RFC 5321 atext: the characters of an atom. */
static int
atext(int c)
{
	return alpha(c) || digit(c) || (c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

/* Dot-string = Atom *("." Atom). */
static int
dot_string(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (s[i + 1] == '.')
				return 0;
		} else if (!atext((unsigned char)s[i]))
			return 0;
	}
	return 1;
}

/*
 * Quoted-string = DQUOTE *QcontentSMTP DQUOTE: printable ASCII and space,
 * with " and \ escaped by a backslash.  *end gets the closing quote's
 * index.
 */
static int
quoted_string(const char *s, size_t n, size_t *end)
{
	size_t i;

	if (n < 2 || s[0] != '"')
		return 0;
	for (i = 1; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"') {
			*end = i;
			return 1;
		}
		if (c == '\\') {
			if (++i == n || (unsigned char)s[i] < 32 ||
			    (unsigned char)s[i] > 126)
				return 0;
		} else if (c < 32 || c > 126)
			return 0;
	}
	return 0;
}

/*
 * Domain = sub-domain *("." sub-domain); sub-domain = Let-dig [Ldh-str]:
 * labels of letters, digits and inner hyphens, 63 octets at most.
 */
static int
domain(const char *s, size_t n)
{
	size_t i = 0;

	if (n == 0 || n > 255)
		return 0;
	while (i <= n) {
		size_t start = i;

		while (i < n && (alpha((unsigned char)s[i]) ||
		    digit((unsigned char)s[i]) || s[i] == '-'))
			i++;
		if (i == start || i - start > 63 || s[start] == '-' ||
		    s[i - 1] == '-')
			return 0;
		if (i == n)
			return 1;
		if (s[i] != '.')
			return 0;
		i++;
	}
	return 0;
}

/*
 * address-literal = "[" (IPv4-address-literal / IPv6-address-literal /
 * General-address-literal) "]".  A general literal needs a tag registered
 * with IANA, and none is but IPv6, so only the first two are taken.
 */
static int
address_literal(const char *s, size_t n)
{
	if (n < 3 || s[0] != '[' || s[n - 1] != ']')
		return 0;
	s++, n -= 2;
	if (n > 5 && strncmp(s, "IPv6:", 5) == 0)
		return ipv6(s + 5, n - 5, 1);
	return ipv4(s, n, 1);
}

int
eco_format_email(const char *s, size_t n)
{
	size_t at;

	if (n == 0 || n > 254)
		return 0;
	if (s[0] == '"') {
		if (!quoted_string(s, n, &at))
			return 0;
		at++;
	} else {
		const char *p = memchr(s, '@', n);

		if (!p)
			return 0;
		at = (size_t)(p - s);
		if (!dot_string(s, at))
			return 0;
	}
	if (at > 64 || at >= n || s[at] != '@')
		return 0;
	s += at + 1, n -= at + 1;
	if (n > 0 && s[0] == '[')
		return address_literal(s, n);
	return domain(s, n);
}

/* unreserved / sub-delims, plus the characters in extra. */
static int
uchar(int c, const char *extra)
{
	return alpha(c) || digit(c) || (c && strchr("-._~!$&'()*+,;=", c)) ||
	    (c && strchr(extra, c));
}

/*
 * The n bytes at s are characters of uchar(extra) or percent-encoded
 * octets.
 */
static int
uri_chars(const char *s, size_t n, const char *extra)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '%') {
			if (i + 2 >= n || !hexdig((unsigned char)s[i + 1]) ||
			    !hexdig((unsigned char)s[i + 2]))
				return 0;
			i += 2;
		} else if (!uchar((unsigned char)s[i], extra))
			return 0;
	}
	return 1;
}

/* IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" ). */
static int
ipvfuture(const char *s, size_t n)
{
	size_t i = 1;

	if (n < 4 || (s[0] != 'v' && s[0] != 'V'))
		return 0;
	while (i < n && hexdig((unsigned char)s[i]))
		i++;
	if (i == 1 || i >= n - 1 || s[i] != '.')
		return 0;
	for (i++; i < n; i++)
		if (!uchar((unsigned char)s[i], ":"))
			return 0;
	return 1;
}

/* authority = [ userinfo "@" ] host [ ":" port ] */
static int
authority(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n), *colon;
	size_t i;

	if (at) {
		if (!uri_chars(s, (size_t)(at - s), ":"))
			return 0;
		n -= (size_t)(at - s) + 1;
		s = at + 1;
	}
	if (n > 0 && s[0] == '[') {
		const char *close = memchr(s, ']', n);
		size_t len;

		if (!close)
			return 0;
		len = (size_t)(close - s) - 1;
		if (!ipv6(s + 1, len, 0) && !ipvfuture(s + 1, len))
			return 0;
		n -= len + 2;
		s = close + 1;
		if (n > 0 && s[0] != ':')
			return 0;
		colon = n > 0 ? s : NULL;
	} else {
		/* a reg-name holds no ":", and an IPv4 address is one */
		colon = memchr(s, ':', n);
		if (!uri_chars(s, colon ? (size_t)(colon - s) : n, ""))
			return 0;
	}
	if (colon)
		for (i = (size_t)(colon - s) + 1; i < n; i++)
			if (!digit((unsigned char)s[i]))
				return 0;
	return 1;
}

int
eco_format_uri(const char *s, size_t n)
{
	size_t i = 0, end;

	if (n == 0 || !alpha((unsigned char)s[0]))
		return 0;
	while (i < n && (alpha((unsigned char)s[i]) ||
	    digit((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' ||
	    s[i] == '.'))
		i++;
	if (i == n || s[i] != ':')
		return 0;
	i++;
	if (n - i >= 2 && s[i] == '/' && s[i + 1] == '/') {
		i += 2;
		for (end = i; end < n && s[end] != '/' && s[end] != '?' &&
		    s[end] != '#'; end++)
			;
		if (!authority(s + i, end - i))
			return 0;
		i = end;
	}
	/* the path: segments of pchar between slashes */
	for (end = i; end < n && s[end] != '?' && s[end] != '#'; end++)
		;
	if (!uri_chars(s + i, end - i, ":@/"))
		return 0;
	i = end;
	if (i < n && s[i] == '?') {
		for (end = ++i; end < n && s[end] != '#'; end++)
			;
		if (!uri_chars(s + i, end - i, ":@/?"))
			return 0;
		i = end;
	}
	if (i < n && s[i] == '#')
		return uri_chars(s + i + 1, n - i - 1, ":@/?");
	return 1;
}
