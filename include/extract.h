/* extract.h: the story on a web page: the page read in its charset, parsed as
 * HTML5, its main text found and cleaned; and that cleaned HTML as plain text.
 * Pure functions over bytes in memory; fetching the page is the caller's. */
#ifndef TIDINGS_EXTRACT_H
#define TIDINGS_EXTRACT_H

/*
 * Job: many feeds carry only a teaser, and the story sits on the web page
 * among menus, widgets, ad slots, share bars, "related" lists and comments.
 * extract_story() finds it the way readability-style extractors do (blocks
 * scored by text length, commas and link density; <article>,
 * itemprop="articleBody" and content class names as hints; navigation,
 * asides, ads and link lists dropped) and returns it as HTML made of a few
 * safe elements only:
 *
 *	p h2 h3 h4 h5 h6 ul ol li blockquote pre figure figcaption
 *	a (href: absolute http, https or mailto) img (src, alt)
 *	em strong b i code br
 *
 * with no other attribute, no script, no style and no event handler.
 *
 * Bad input gives -1 and one line for people in *error: an empty page, one
 * larger than EXTRACT_MAX_PAGE, one that is not HTML (binary data, a PDF,
 * JSON, a feed, plain text), one whose markup would take the parser
 * unbounded time or memory (elements nested thousands deep, formatting
 * elements reopened in every paragraph), and one with no story (a login
 * wall, an error page, an index of links).
 */

#include <stdbool.h>
#include <stddef.h>

/* Larger pages are refused rather than parsed: the parser's memory and time
 * grow with the page, and no article is this long. Callers fetching a page
 * may cap the download at this size. */
#define EXTRACT_MAX_PAGE	((size_t)8 * 1024 * 1024)

/* Longest charset label extract_page_charset() writes, NUL included. */
#define EXTRACT_CHARSET_SIZE	64

struct extract_result {
	char	*html;		/* the story as cleaned HTML, UTF-8 (owned) */
	char	*title;		/* the story's title, or NULL (owned) */
	char	*charset;	/* the charset the page was read in (owned) */
	size_t	 text_length;	/* characters of story text found */
};

/*
 * Extract the story from the len bytes of page. base_url (may be NULL) is
 * the page's address, against which relative links and image sources are
 * resolved (a <base href> in the page takes part as in a browser).
 * http_charset (may be NULL) is the charset parameter of the response's
 * Content-Type. On success returns 0 and fills *out (free it with
 * extract_result_free); on failure returns -1, leaves *out empty and, when
 * error is not NULL, sets *error to a message the caller frees.
 */
int extract_story(const char *page, size_t len, const char *base_url,
    const char *http_charset, struct extract_result *out, char **error);

/* True for a media type (lower case, no parameters, as the fetcher gives
 * it) that is certainly not a web page: images, audio, video, fonts, PDF,
 * JSON, archives. Anything else is worth a try, since servers label HTML as
 * text/plain or application/octet-stream. NULL gives false. */
bool extract_is_not_page(const char *media_type);

struct fetch_response_info;

/* What a page's download keeps of its response (fetch.h): the effective URL
 * and the charset, copied into *url and *charset when given; a response that
 * is certainly no page (extract_is_not_page) sets *refused to why instead
 * and returns -1, to stop the transfer. Else 0. */
int extract_note_response(const struct fetch_response_info *info, char **url,
    char **charset, char **refused);

/* Free what *result holds and empty it. Accepts NULL. */
void extract_result_free(struct extract_result *result);

/*
 * The cleaned HTML from extract_story() (or any HTML fragment) as plain text,
 * laid out as the reader's article view lays it out (render_text in
 * render.h): one blank line between paragraphs, headings and lists; list
 * items one a line after a bullet (U+2022) or "1. "; block quotes with
 * "> "; table cells joined by " | "; preformatted text kept, cut at the
 * width; links as their text only; images as "[image: ALT]" ("[image]"
 * when the alt attribute is missing, nothing when it is empty: HTML says an
 * empty alt marks a decorative image). Lines are wrapped to width columns (display width, at
 * least 10) when width > 0, and not at all otherwise. Control characters
 * never appear. Ends with a newline unless empty. Owned by the caller; never
 * NULL.
 */
char *extract_text(const char *html, int width);

/*
 * The charset to read page in, as browsers choose it (WHATWG HTML, "determining
 * the character encoding"): a byte-order mark, else http_charset when it is a
 * known label, else a <meta charset> or <meta http-equiv="Content-Type">
 * found by the prescan of the first 4 KB, else UTF-8 when the bytes are valid
 * UTF-8 beyond ASCII, else the legacy default of the page's <html lang>
 * (windows-1251 for Russian, Shift_JIS for Japanese...), else windows-1252.
 * extract_story() also uses the top-level domain of the page's address
 * before the last default. Writes the
 * label into label (truncated to size) and the length of a byte-order mark
 * to skip into *bom_len (may be NULL).
 */
void extract_page_charset(const char *page, size_t len, const char *http_charset,
    char *label, size_t size, size_t *bom_len);

#endif
