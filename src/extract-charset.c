/* extract-charset.c: the charset to read a web page in, as browsers choose
 * it: byte-order mark, HTTP label, the <meta> prescan (WHATWG HTML
 * 13.2.3), then a UTF-8 check and the page's language or domain. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "ascii.h"
#include "encoding.h"
#include "extract.h"
#include "extract-internal.h"
#include "html.h"

static bool
known_label(const char *label)
{
	struct decoder *d;

	if (label == NULL || *label == '\0')
		return false;
	d = encoding_decoder_new(label);
	if (d == NULL)
		return false;
	encoding_decoder_free(&d);
	return true;
}

static void
copy_label(char *label, size_t size, const char *s, size_t len)
{
	while (len > 0 && html_is_space((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && html_is_space((unsigned char)s[len - 1]))
		len--;
	if (size == 0)
		return;
	if (len >= size)
		len = size - 1;
	memcpy(label, s, len);
	label[len] = '\0';
}

struct prescan_attribute {
	char	name[32];
	char	value[256];
	size_t	name_len, value_len;
};

static void
append_lower(char *s, size_t *len, size_t size, unsigned char c)
{
	if (*len + 1 < size)
		s[(*len)++] = (char)ascii_to_lower(c);
	s[*len] = '\0';
}

/* "Get an attribute" of the prescan: false at '>' or the end of the bytes.
 * Names and values come back in ASCII lower case, truncated. */
static bool
prescan_attribute(const unsigned char **pos, const unsigned char *end,
    struct prescan_attribute *a)
{
	const unsigned char *p = *pos;
	unsigned char quote;

	a->name_len = a->value_len = 0;
	a->name[0] = a->value[0] = '\0';
	while (p < end && (html_is_space(*p) || *p == '/'))
		p++;
	if (p >= end || *p == '>') {
		*pos = p;
		return false;
	}
	for (;;) {
		if (p >= end) {
			*pos = p;
			return false;
		}
		if (*p == '=' && a->name_len > 0) {
			p++;
			goto value;
		}
		if (html_is_space(*p))
			break;
		if (*p == '/' || *p == '>') {
			*pos = p;
			return true;
		}
		append_lower(a->name, &a->name_len, sizeof a->name, *p++);
	}
	while (p < end && html_is_space(*p))
		p++;
	if (p >= end || *p != '=') {
		*pos = p;
		return true;
	}
	p++;
value:
	while (p < end && html_is_space(*p))
		p++;
	if (p >= end) {
		*pos = p;
		return false;
	}
	if (*p == '"' || *p == '\'') {
		quote = *p++;
		while (p < end && *p != quote)
			append_lower(a->value, &a->value_len, sizeof a->value, *p++);
		if (p < end)
			p++;
		*pos = p;
		return true;
	}
	if (*p == '>') {
		*pos = p;
		return true;
	}
	while (p < end && !html_is_space(*p) && *p != '>')
		append_lower(a->value, &a->value_len, sizeof a->value, *p++);
	*pos = p;
	return true;
}

/* "Extracting a character encoding from a meta element": the charset=
 * parameter of a content attribute (already in lower case). */
static bool
charset_from_content(const char *s, size_t len, char *label, size_t size)
{
	const char *p = s, *end = s + len, *found, *close;

	while ((found = strstr(p, "charset")) != NULL) {
		p = found + 7;
		while (p < end && html_is_space((unsigned char)*p))
			p++;
		if (p >= end || *p != '=')
			continue;
		p++;
		while (p < end && html_is_space((unsigned char)*p))
			p++;
		if (p >= end)
			return false;
		if (*p == '"' || *p == '\'') {
			if ((close = memchr(p + 1, *p, (size_t)(end - p - 1))) == NULL)
				return false;
			copy_label(label, size, p + 1, (size_t)(close - p - 1));
			return true;
		}
		for (close = p; close < end && !html_is_space((unsigned char)*close) &&
		    *close != ';'; close++)
			;
		copy_label(label, size, p, (size_t)(close - p));
		return true;
	}
	return false;
}

/* The attributes of one <meta> tag: its charset, or false. */
static bool
prescan_meta(const unsigned char **pos, const unsigned char *end, char *label, size_t size)
{
	struct prescan_attribute a;
	char charset[EXTRACT_CHARSET_SIZE] = "";
	bool got_pragma = false, seen_http_equiv = false, seen_content = false;
	bool seen_charset = false;
	int need_pragma = -1;	/* the standard's "null" */

	while (prescan_attribute(pos, end, &a)) {
		if (strcmp(a.name, "http-equiv") == 0) {
			if (seen_http_equiv)
				continue;
			seen_http_equiv = true;
			if (strcmp(a.value, "content-type") == 0)
				got_pragma = true;
		} else if (strcmp(a.name, "content") == 0) {
			if (seen_content)
				continue;
			seen_content = true;
			if (charset[0] == '\0' && charset_from_content(a.value, a.value_len,
			    charset, sizeof charset))
				need_pragma = 1;
		} else if (strcmp(a.name, "charset") == 0) {
			if (seen_charset)
				continue;
			seen_charset = true;
			if (charset[0] == '\0') {
				copy_label(charset, sizeof charset, a.value, a.value_len);
				need_pragma = 0;
			}
		}
	}
	if (need_pragma == -1 || (need_pragma == 1 && !got_pragma) || charset[0] == '\0')
		return false;
	/* A page the prescan could read is ASCII-compatible, so a UTF-16
	 * declaration is a mistake for UTF-8; x-user-defined is windows-1252
	 * (the standard's rules). */
	if (strncmp(charset, "utf-16", 6) == 0)
		copy_label(charset, sizeof charset, "UTF-8", 5);
	else if (strcmp(charset, "x-user-defined") == 0)
		copy_label(charset, sizeof charset, "windows-1252", 12);
	if (!known_label(charset))
		return false;
	copy_label(label, size, charset, strlen(charset));
	return true;
}

/* "Prescan a byte stream to determine its encoding". */
static bool
prescan(const unsigned char *p, size_t len, char *label, size_t size)
{
	const unsigned char *end = p + len, *q;
	struct prescan_attribute a;

	while (p < end) {
		if (*p != '<') {
			if ((p = memchr(p, '<', (size_t)(end - p))) == NULL)
				break;
			continue;
		}
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			/* "<!-->" ends the comment: its dashes count. */
			for (q = p + 2; q + 3 <= end && memcmp(q, "-->", 3) != 0; q++)
				;
			if (q + 3 > end)
				break;
			p = q + 3;
			continue;
		}
		if (end - p >= 6 && ascii_ncasecmp((const char *)p + 1, "meta", 4) == 0 &&
		    (html_is_space(p[5]) || p[5] == '/')) {
			p += 5;
			if (prescan_meta(&p, end, label, size))
				return true;
			continue;
		}
		if (end - p >= 2 && (ascii_is_alpha(p[1]) ||
		    (p[1] == '/' && end - p >= 3 && ascii_is_alpha(p[2])))) {
			p += p[1] == '/' ? 2 : 1;
			while (p < end && !html_is_space(*p) && *p != '>')
				p++;
			while (prescan_attribute(&p, end, &a))
				;
			continue;
		}
		if (end - p >= 2 && (p[1] == '!' || p[1] == '/' || p[1] == '?')) {
			if ((q = memchr(p, '>', (size_t)(end - p))) == NULL)
				break;
			p = q + 1;
			continue;
		}
		p++;
	}
	return false;
}

/* True when the len bytes at p are UTF-8 with at least one non-ASCII
 * character (a sequence cut at the end counts after one whole one: the page
 * may be cut short).
 * Overlong forms, surrogates and values past U+10FFFF are not UTF-8. */
static bool
is_utf8(const unsigned char *p, size_t len)
{
	const unsigned char *end = p + len;
	bool wide = false;
	size_t n, k;

	while (p < end) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		if (*p >= 0xc2 && *p <= 0xdf)
			n = 1;
		else if (*p >= 0xe0 && *p <= 0xef)
			n = 2;
		else if (*p >= 0xf0 && *p <= 0xf4)
			n = 3;
		else
			return false;
		if ((p[0] == 0xe0 && p + 1 < end && p[1] < 0xa0) ||
		    (p[0] == 0xed && p + 1 < end && p[1] > 0x9f) ||
		    (p[0] == 0xf0 && p + 1 < end && p[1] < 0x90) ||
		    (p[0] == 0xf4 && p + 1 < end && p[1] > 0x8f))
			return false;
		for (k = 1; k <= n; k++) {
			if (p + k >= end)
				return wide;
			if ((p[k] & 0xc0) != 0x80)
				return false;
		}
		wide = true;
		p += n + 1;
	}
	return wide;
}

/* The legacy charset browsers default to for a language (the primary
 * subtag of <html lang>) or a country's top-level domain, as Firefox and
 * Chromium choose it; NULL for windows-1252. */
static const char *
legacy_default(const char *key, size_t len)
{
	static const struct { const char *keys, *charset; } table[] = {
		{ " ru uk be bg mk sr kk ky tg by ua kz rs ", "windows-1251" },
		{ " pl cs sk hu hr sl ro bs cz si ", "windows-1250" },
		{ " el gr ", "ISO-8859-7" },
		{ " tr az ", "windows-1254" },
		{ " he iw il ", "windows-1255" },
		{ " ar fa ur sa eg ae ir iq jo sy ", "windows-1256" },
		{ " lt lv et ee ", "windows-1257" },
		{ " vi vn ", "windows-1258" },
		{ " th ", "windows-874" },
		{ " ja jp ", "Shift_JIS" },
		{ " ko kr ", "EUC-KR" },
		{ " zh cn ", "GBK" },
		{ " tw hk mo ", "Big5" },
	};
	char word[8];
	size_t i;

	if (len == 0 || len > 3)
		return NULL;
	word[0] = ' ';
	for (i = 0; i < len; i++)
		word[i + 1] = (char)ascii_to_lower((unsigned char)key[i]);
	word[len + 1] = ' ';
	word[len + 2] = '\0';
	for (i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (strstr(table[i].keys, word) != NULL)
			return table[i].charset;
	}
	return NULL;
}

/* The primary language subtag of the first <html lang="..."> in the
 * prescanned bytes, into lang (lower case); its length, or 0. */
static size_t
html_lang(const unsigned char *p, size_t len, char *lang, size_t size)
{
	const unsigned char *end = p + len, *q;
	struct prescan_attribute a;
	size_t n;

	for (q = p; q + 6 <= end; q++) {
		if (*q != '<' || ascii_ncasecmp((const char *)q + 1, "html", 4) != 0 ||
		    !(html_is_space(q[5]) || q[5] == '>'))
			continue;
		q += 5;
		while (prescan_attribute(&q, end, &a)) {
			if (strcmp(a.name, "lang") != 0 && strcmp(a.name, "xml:lang") != 0)
				continue;
			if ((n = strcspn(a.value, "-_")) >= size)
				return 0;
			memcpy(lang, a.value, n);
			lang[n] = '\0';
			return n;
		}
		break;
	}
	return 0;
}

/* The top-level domain of url's host: its start and length, or 0. */
static size_t
url_tld(const char *url, const char **tld)
{
	const char *host, *end, *dot;

	if (url == NULL || (host = strstr(url, "://")) == NULL)
		return 0;
	host += 3;
	end = host + strcspn(host, "/?#:");
	for (dot = end; dot > host && dot[-1] != '.'; dot--)
		;
	if (dot == host)
		return 0;
	*tld = dot;
	return (size_t)(end - dot);
}

void
extract_sniff_charset(const char *page, size_t len, const char *http_charset,
    const char *url, char *label, size_t size, size_t *bom_len)
{
	const unsigned char *p = (const unsigned char *)page;
	const char *bom = NULL, *key = NULL, *legacy = NULL;
	char lang[8];
	size_t n = 0, prescanned;

	if (page == NULL)
		len = 0;
	if (len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
		bom = "UTF-8";
		n = 3;
	} else if (len >= 2 && p[0] == 0xfe && p[1] == 0xff) {
		bom = "UTF-16BE";
		n = 2;
	} else if (len >= 2 && p[0] == 0xff && p[1] == 0xfe) {
		bom = "UTF-16LE";
		n = 2;
	}
	if (bom_len != NULL)
		*bom_len = n;
	if (bom != NULL) {
		copy_label(label, size, bom, strlen(bom));
		return;
	}
	if (http_charset != NULL && known_label(http_charset)) {
		copy_label(label, size, http_charset, strlen(http_charset));
		return;
	}
	prescanned = len < EXTRACT_PRESCAN_SIZE ? len : EXTRACT_PRESCAN_SIZE;
	if (prescan(p, prescanned, label, size))
		return;
	/* Nothing declared: the standard lets a browser guess from the
	 * bytes before its default. Text that is valid UTF-8 beyond ASCII is
	 * all but never a legacy charset's. */
	if (is_utf8(p, len)) {
		copy_label(label, size, "UTF-8", 5);
		return;
	}
	/* The locale's default: the page's language when it says one,
	 * else its domain's. */
	if ((n = html_lang(p, prescanned, lang, sizeof lang)) > 0)
		legacy = legacy_default(lang, n);
	else if ((n = url_tld(url, &key)) > 0)
		legacy = legacy_default(key, n);
	if (legacy == NULL)
		legacy = "windows-1252";
	copy_label(label, size, legacy, strlen(legacy));
}

void
extract_page_charset(const char *page, size_t len, const char *http_charset,
    char *label, size_t size, size_t *bom_len)
{
	extract_sniff_charset(page, len, http_charset, NULL, label, size, bom_len);
}
