/* extract-charset.c: the charset to read a web page in, as browsers choose
 * it: byte-order mark, HTTP label, then the <meta> prescan (WHATWG HTML
 * 13.2.3). */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

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
		s[(*len)++] = (char)html_lower(c);
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
		if (end - p >= 6 && extract_equal_nocase((const char *)p + 1, "meta", 4) &&
		    (html_is_space(p[5]) || p[5] == '/')) {
			p += 5;
			if (prescan_meta(&p, end, label, size))
				return true;
			continue;
		}
		if (end - p >= 2 && (html_is_alpha(p[1]) ||
		    (p[1] == '/' && end - p >= 3 && html_is_alpha(p[2])))) {
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

void
extract_page_charset(const char *page, size_t len, const char *http_charset,
    char *label, size_t size, size_t *bom_len)
{
	const unsigned char *p = (const unsigned char *)page;
	const char *bom = NULL;
	size_t n = 0;

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
	if (prescan(p, len < EXTRACT_PRESCAN_SIZE ? len : EXTRACT_PRESCAN_SIZE, label, size))
		return;
	/* HTML's default for pages that say nothing, in most locales. */
	copy_label(label, size, "windows-1252", 12);
}
