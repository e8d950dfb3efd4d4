/* extract.c: extract_story, the extractor's front: the page checked,
 * decoded and parsed (extract-page.c), its title and base URL read from the
 * head, the story found (extract-score.c) and written (extract-write.c). */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "ascii.h"
#include "buf.h"
#include "encoding.h"
#include "extract.h"
#include "extract-internal.h"
#include "fetch.h"
#include "html.h"
#include "url.h"
#include "xmalloc.h"

/* Bytes looked at to tell binary data from text. */
#define SNIFF_SIZE	1024
/* Less story text than this is no story: a login wall, an error page. */
#define MIN_STORY	200

/* ---------------------------------------------------------------------
 * The title and the base URL, from the head (and the first <h1>s).
 */

static char *
collapsed(const char *s)
{
	struct buf out = BUF_INIT;
	bool space = false;

	extract_append_collapsed(&out, s, &space);
	return buf_detach(&out);
}

static size_t
count_words(const char *s, size_t len)
{
	size_t i, words = 0;
	bool in_word = false;

	for (i = 0; i < len; i++) {
		if (s[i] == ' ')
			in_word = false;
		else if (!in_word) {
			in_word = true;
			words++;
		}
	}
	return words;
}

/*
 * A <title> without the site's name: "Story - Site", "Site :: Story",
 * "Story | Section | Site". The longest part is kept when it has three
 * words or more and every other part is less than half as long; otherwise
 * the title stays whole ("Brexit - what now?" is a title, not a site).
 */
static char *
trim_site_name(char *title)
{
	static const char *const separators[] = {
		" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb ", " / ",
	};
	const char *parts[16], *p, *sep;
	size_t lengths[16], n = 0, i, k, best = 0, seplen = 0;

	for (i = 0; i < sizeof separators / sizeof separators[0]; i++) {
		if (strstr(title, separators[i]) != NULL) {
			sep = separators[i];
			seplen = strlen(sep);
			break;
		}
	}
	if (seplen == 0)
		return title;
	for (p = title; n < 16; p += seplen) {
		parts[n] = p;
		if ((p = strstr(p, sep)) == NULL) {
			lengths[n] = strlen(parts[n]);
			n++;
			break;
		}
		lengths[n] = (size_t)(p - parts[n]);
		n++;
	}
	if (n < 2 || n == 16)
		return title;
	for (i = 1; i < n; i++) {
		if (lengths[i] > lengths[best])
			best = i;
	}
	if (count_words(parts[best], lengths[best]) < 3)
		return title;
	for (k = 0; k < n; k++) {
		if (k != best && lengths[k] * 2 >= lengths[best])
			return title;
	}
	memmove(title, parts[best], lengths[best]);
	title[lengths[best]] = '\0';
	return title;
}

/* The <title> and og:title of the head, or NULL. */
static void
read_head(const GumboNode *html, char **title, char **og)
{
	const GumboNode *head = extract_child_element(html, GUMBO_TAG_HEAD), *g;
	const char *property, *content;
	size_t i;

	*title = *og = NULL;
	for (i = 0; head != NULL && i < head->v.element.children.length; i++) {
		g = head->v.element.children.data[i];
		if (g->type != GUMBO_NODE_ELEMENT)
			continue;
		if (g->v.element.tag == GUMBO_TAG_TITLE && *title == NULL) {
			*title = extract_gumbo_text(g);
		} else if (g->v.element.tag == GUMBO_TAG_META && *og == NULL &&
		    (property = extract_attribute(g, "property")) != NULL &&
		    strcmp(property, "og:title") == 0 &&
		    (content = extract_attribute(g, "content")) != NULL) {
			*og = collapsed(content);
			if ((*og)[0] == '\0') {
				free(*og);
				*og = NULL;
			}
		}
	}
}

/*
 * The story's title (taking title and og): og:title (what the site itself
 * offers for sharing), else the schema.org headline, else an <h1> that the
 * <title> contains (the <title> usually adds the site's name; a logo's <h1>
 * is short beside it), else the <title> without the site's name, else the
 * first <h1>.
 */
static char *
choose_title(char *title, char *og, struct headlines *h)
{
	char *best = NULL;
	size_t i;

	if (og != NULL) {
		free(title);
		return og;
	}
	if (h->headline != NULL && h->headline[0] != '\0') {
		best = h->headline;
		h->headline = NULL;
	}
	for (i = 0; i < h->n_h1 && best == NULL; i++) {
		if (h->h1[i][0] != '\0' && (title == NULL || title[0] == '\0' ||
		    (strstr(title, h->h1[i]) != NULL && strlen(h->h1[i]) * 2 >= strlen(title)))) {
			best = h->h1[i];
			h->h1[i] = xstrdup("");
		}
	}
	if (best != NULL) {
		free(title);
		return best;
	}
	if (title != NULL && title[0] != '\0')
		return trim_site_name(title);
	free(title);
	return NULL;
}

/* The document's base URL (HTML 2.4.1): the first <base href> resolved
 * against the page's address. */
static char *
find_base(const GumboNode *html, const char *base_url)
{
	const GumboNode *head = extract_child_element(html, GUMBO_TAG_HEAD), *base;
	const char *href;
	char *clean, *resolved;

	base = head != NULL ? extract_child_element(head, GUMBO_TAG_BASE) : NULL;
	if (base == NULL || (href = extract_attribute(base, "href")) == NULL)
		return base_url != NULL && base_url[0] != '\0' ? xstrdup(base_url) : NULL;
	clean = extract_clean_ref(href);
	resolved = url_resolve(base_url, clean);
	free(clean);
	if (resolved != NULL && url_is_http(resolved))
		return resolved;
	free(resolved);
	return base_url != NULL && base_url[0] != '\0' ? xstrdup(base_url) : NULL;
}

/* ---------------------------------------------------------------------
 * The story.
 */

static int
fail(char **error, const char *message)
{
	if (error != NULL)
		*error = xstrdup(message);
	return -1;
}

/* Why the bytes are not an HTML page, or NULL when they may be one. */
static const char *
not_html(const unsigned char *p, size_t len, const char *charset)
{
	size_t i, n = len < SNIFF_SIZE ? len : SNIFF_SIZE, controls = 0;

	if (len >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return "not an HTML page (a PDF document)";
	/* UTF-16 and UTF-32 have NUL bytes in every ASCII character. */
	if (strncmp(charset, "UTF-16", 6) != 0 && strncmp(charset, "UTF-32", 6) != 0) {
		for (i = 0; i < n; i++) {
			if (p[i] == 0)
				return "not an HTML page (binary data)";
			if (p[i] < 0x20 && !html_is_space(p[i]) && p[i] != 0x1b)
				controls++;
		}
		if (controls * 10 > n)
			return "not an HTML page (binary data)";
		while (len > 0 && html_is_space(*p)) {
			p++;
			len--;
		}
		if (len > 0 && (*p == '{' || *p == '['))
			return "not an HTML page (JSON)";
		n = len < EXTRACT_PRESCAN_SIZE ? len : EXTRACT_PRESCAN_SIZE;
		if (memchr(p, '<', n) == NULL)
			return "not an HTML page (plain text)";
		if (len >= 5 && memcmp(p, "<?xml", 5) == 0) {
			/* An RSS or Atom feed rather than a page. */
			for (i = 0; i + 5 < n; i++) {
				if (p[i] != '<')
					continue;
				if (ascii_ncasecmp((const char *)p + i + 1, "html", 4) == 0)
					break;
				if (memcmp(p + i + 1, "rss", 3) == 0 || memcmp(p + i + 1, "feed", 4) == 0 ||
				    memcmp(p + i + 1, "rdf:RDF", i + 8 <= n ? 7 : 0) == 0)
					return "not an HTML page (a feed)";
			}
		}
	}
	return NULL;
}

/* The page as UTF-8, its byte-order mark gone. */
static char *
decode_page(const char *page, size_t len, const char *label, size_t *out_len)
{
	struct decoder *d = encoding_decoder_new(label);
	struct buf out = BUF_INIT;

	if (d == NULL)
		d = encoding_decoder_new("windows-1252");
	buf_reserve(&out, len + len / 8 + 16);
	encoding_decode(d, page, len, true, &out);
	encoding_decoder_free(&d);
	*out_len = out.len;
	return buf_detach(&out);
}

int
extract_note_response(const struct fetch_response_info *info, char **url, char **charset,
    char **refused)
{
	if (info->url != NULL)
		*url = xstrdup(info->url);
	if (info->charset != NULL)
		*charset = xstrdup(info->charset);
	if (extract_is_not_page(info->content_type)) {
		*refused = xasprintf("not an HTML page (%s)", info->content_type);
		return -1;
	}
	return 0;
}

void
extract_result_free(struct extract_result *result)
{
	if (result == NULL)
		return;
	free(result->html);
	free(result->title);
	free(result->charset);
	memset(result, 0, sizeof *result);
}

int
extract_story(const char *page, size_t len, const char *base_url,
    const char *http_charset, struct extract_result *out, char **error)
{
	static const unsigned attempts[] = { ATTEMPT_CLASSES, 0 };
	char label[EXTRACT_CHARSET_SIZE], *text, message[80], *title, *og;
	struct headlines headlines;
	const char *why;
	struct extract_parsed parsed;
	struct page pg;
	const GumboNode *html, *body;
	size_t bom, text_len, i, story_length = 0;
	int top, picked[64], n_picked, status = -1;

	memset(out, 0, sizeof *out);
	if (error != NULL)
		*error = NULL;
	if (page == NULL)
		len = 0;
	for (i = 0; i < len && html_is_space((unsigned char)page[i]); i++)
		;
	if (i == len)
		return fail(error, "the page is empty");
	if (len > EXTRACT_MAX_PAGE) {
		snprintf(message, sizeof message, "the page is larger than %zu MB",
		    EXTRACT_MAX_PAGE / (1024 * 1024));
		return fail(error, message);
	}
	extract_sniff_charset(page, len, http_charset, base_url, label, sizeof label, &bom);
	if ((why = not_html((const unsigned char *)page + bom, len - bom, label)) != NULL)
		return fail(error, why);

	text = decode_page(page + bom, len - bom, label, &text_len);
	if ((why = extract_parse(text, text_len, &parsed)) != NULL) {
		extract_parsed_free(&parsed);
		return fail(error, why);
	}
	html = parsed.output->root;
	body = extract_child_element(html, GUMBO_TAG_BODY);
	memset(&pg, 0, sizeof pg);
	if (body != NULL) {
		pg.base = find_base(html, base_url);
		read_head(html, &title, &og);
		memset(&headlines, 0, sizeof headlines);
		headlines.want = og == NULL;
		extract_build_page(&pg, body, parsed.length, &headlines);
		pg.title = choose_title(title, og, &headlines);
		extract_headlines_free(&headlines);
		extract_mark_structure(&pg);
	}
	for (i = 0; body != NULL && i < sizeof attempts / sizeof attempts[0]; i++) {
		/* Chrome is found from the sums, then the sums are taken
		 * again without it. */
		extract_measure(&pg);
		extract_mark_chrome(&pg, attempts[i]);
		extract_measure(&pg);
		if ((top = extract_score_page(&pg)) < 0)
			goto next;
		n_picked = extract_pick_siblings(&pg, top, picked, (int)(sizeof picked / sizeof picked[0]));
		free(out->html);
		out->html = extract_write_story(&pg, picked, n_picked, &story_length);
		if (story_length >= MIN_STORY) {
			status = 0;
			break;
		}
next:
		for (top = 0; top < pg.n; top++)
			pg.nodes[top].flags &= ~(unsigned)NF_DROP;
	}
	if (status == 0) {
		out->title = pg.title;
		pg.title = NULL;
		out->charset = xstrdup(label);
		out->text_length = story_length;
	} else {
		free(out->html);
		out->html = NULL;
		fail(error, "no story found on the page");
	}
	free(pg.nodes);
	free(pg.base);
	free(pg.title);
	extract_parsed_free(&parsed);
	return status;
}

bool
extract_is_not_page(const char *media_type)
{
	static const char *const prefixes[] = { "image/", "audio/", "video/", "font/" };
	static const char *const types[] = {
		"application/gzip", "application/json", "application/pdf",
		"application/zip",
	};
	size_t i;

	if (media_type == NULL)
		return false;
	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		if (strncmp(media_type, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	}
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		if (strcmp(media_type, types[i]) == 0)
			return true;
	}
	return false;
}
