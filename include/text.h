/* text.h: text helpers for feed content: HTML fragments to plain text, the
 * entity DTD, white space, and feedparser's "does this title look like HTML" test.
 * Pure functions over UTF-8; nothing here touches a terminal. */
#ifndef TIDINGS_TEXT_H
#define TIDINGS_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Plain text from an HTML fragment (tokenized by html.h): tags, comments and
 * raw text elements (script, style...) removed, character and entity
 * references decoded (HTML 4 named set and numeric ones), the tags of
 * elements that separate words read as a space, runs of white space
 * collapsed to one space, leading and trailing space trimmed.
 * Owned by the caller. */
char *text_from_html(const char *html);

/* Collapse runs of XML white space (space, tab, CR, LF) to one space and trim
 * both ends, in place. Returns s. */
char *text_collapse_space(char *s);

/* feedparser's heuristic for RSS titles: true when s has an end tag of a known
 * HTML element or a known entity or character reference, and every tag in it
 * is a known HTML element. */
bool text_looks_like_html(const char *s);

/* A DTD declaring every HTML 4 named entity, for expat to read as the
 * document's foreign DTD so that feeds using &nbsp; and friends parse. */
extern const char text_html_entities_dtd[];

/* Replace U+0080..U+009F (C1 controls that real feeds mean as windows-1252,
 * feedparser's "demoronize") by their windows-1252 characters. Returns s, or
 * a reallocated string (s is then freed). */
char *text_fix_c1(char *s);

#endif
