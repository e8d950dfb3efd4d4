/* fuzz-extract.c: libFuzzer harness for story extraction: any page gives
 * either an error or HTML made only of the safe elements and attributes
 * extract.h lists (links and images absolute http(s), or mailto for links),
 * and every text extract_text makes is UTF-8 without control characters.
 * Not a unit test: tests/unit/test-fuzz-regress.c replays what this found. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "encoding.h"
#include "extract.h"

#ifndef FUZZ_EXTRACT_ENTRY
#define FUZZ_EXTRACT_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_EXTRACT_ENTRY(const uint8_t *data, size_t size);

static void
extract_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz-extract: %s: %.200s\n", what, detail != NULL ? detail : "(null)");
	abort();
}

static void
extract_check_utf8(const char *what, const char *s)
{
	if (s != NULL && encoding_utf8_valid_prefix(s, strlen(s)) != strlen(s))
		extract_fail("invalid UTF-8", what);
}

/* extract_text: no control characters but line breaks and the tabs kept in
 * preformatted text (harmless on a terminal, unlike CR or form feed). */
static void
extract_check_text(const char *text)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i;

	if (text == NULL)
		extract_fail("extract_text", "NULL");
	extract_check_utf8("text", text);
	for (i = 0; u[i] != '\0'; i++) {
		if ((u[i] < 0x20 && u[i] != '\n' && u[i] != '\t') || u[i] == 0x7f ||
		    (u[i] == 0xc2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f))
			extract_fail("control character in text", text);
	}
}

static int
extract_allowed(const char *name, size_t len)
{
	static const char *const elements[] = {
		"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
		"figure", "figcaption", "a", "img", "em", "strong", "b", "i", "code", "br",
	};
	size_t i;

	for (i = 0; i < sizeof(elements) / sizeof(elements[0]); i++) {
		if (strlen(elements[i]) == len && memcmp(elements[i], name, len) == 0)
			return 1;
	}
	return 0;
}

static int
extract_url_ok(const char *value, size_t len, int mailto)
{
	if (len >= 7 && strncasecmp(value, "http://", 7) == 0)
		return 1;
	if (len >= 8 && strncasecmp(value, "https://", 8) == 0)
		return 1;
	return mailto && len > 7 && strncasecmp(value, "mailto:", 7) == 0;
}

/* The cleaned HTML, read as the writer writes it: text has '<' escaped, so
 * every '<' opens a tag: a listed element with, for a, only href, and for
 * img, only src and alt, each value quoted with '"'. */
static void
extract_check_html(const char *html)
{
	const char *p = html, *name, *value, *end;
	size_t name_len, attribute_len;
	int closing, is_a, is_img;

	extract_check_utf8("html", html);
	while ((p = strchr(p, '<')) != NULL) {
		p++;
		closing = *p == '/';
		if (closing)
			p++;
		name = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			p++;
		name_len = (size_t)(p - name);
		if (!extract_allowed(name, name_len))
			extract_fail("element not allowed", name);
		is_a = name_len == 1 && name[0] == 'a';
		is_img = name_len == 3 && memcmp(name, "img", 3) == 0;
		while (!closing && *p == ' ') {
			p++;
			value = strchr(p, '=');
			if (value == NULL || value[1] != '"')
				extract_fail("attribute not quoted", p);
			attribute_len = (size_t)(value - p);
			value += 2;
			if ((end = strchr(value, '"')) == NULL)
				extract_fail("attribute not closed", p);
			if (is_a && attribute_len == 4 && memcmp(p, "href", 4) == 0) {
				if (!extract_url_ok(value, (size_t)(end - value), 1))
					extract_fail("link not absolute http(s) or mailto", value);
			} else if (is_img && attribute_len == 3 && memcmp(p, "src", 3) == 0) {
				if (!extract_url_ok(value, (size_t)(end - value), 0))
					extract_fail("image not absolute http(s)", value);
			} else if (!(is_img && attribute_len == 3 && memcmp(p, "alt", 3) == 0))
				extract_fail("attribute not allowed", p);
			p = end + 1;
		}
		if (*p != '>')
			extract_fail("tag not closed", name);
	}
}

int
FUZZ_EXTRACT_ENTRY(const uint8_t *data, size_t size)
{
	static const char *bases[] = { NULL, "https://example.org/news/story.html", "not a url" };
	static const char *charsets[] = { NULL, NULL, "utf-8", "iso-8859-7", "shift_jis", "bogus" };
	struct extract_result result;
	char *error = NULL, *text, *html;
	size_t hash = size, i;
	int width, rc;

	for (i = 0; i < size && i < 8; i++)
		hash = hash * 31 + data[i];
	width = (int)(hash % 120);	/* 0: no wrapping */
	memset(&result, 0, sizeof(result));
	rc = extract_story((const char *)data, size, bases[hash % 3], charsets[(hash >> 4) % 6],
	    &result, &error);
	if (rc == 0) {
		if (result.html == NULL || result.charset == NULL)
			extract_fail("success", "without HTML or charset");
		extract_check_html(result.html);
		extract_check_utf8("title", result.title);
		text = extract_text(result.html, width);
		extract_check_text(text);
		free(text);
	} else {
		if (rc != -1 || error == NULL || result.html != NULL)
			extract_fail("failure", "without a message, or with a result");
		extract_check_utf8("error", error);
	}
	free(error);
	extract_result_free(&result);

	/* extract_text on any fragment, not only the cleaned kind. */
	html = malloc(size + 1);
	if (html == NULL)
		return 0;
	memcpy(html, data, size);
	html[size] = '\0';
	text = extract_text(html, width);
	extract_check_text(text);
	free(text);
	free(html);
	return 0;
}
